// Translations: every visible string comes from assets/locales/<lang>/helpline.ftl.

import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import enSource from '../../assets/locales/en/helpline.ftl?raw';
import svSource from '../../assets/locales/sv/helpline.ftl?raw';
import arSource from '../../assets/locales/ar/helpline.ftl?raw';
import type { ErrorCode } from './ipc';

export const LANGUAGES = ['en', 'sv', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FTL_SOURCES: Readonly<Record<Language, string>> = {
  en: enSource,
  sv: svSource,
  ar: arSource,
};

const RTL: ReadonlySet<Language> = new Set<Language>(['ar']);

export const STORAGE_KEY = 'helpline.language';

/** Every message the code uses. A test checks this list against the .ftl files. */
export const MESSAGE_IDS = [
  'app-title',
  'language-name',
  'language-label',
  'loading',
  'working',
  'retry',
  'startup-failed-title',
  'setup-title',
  'setup-intro',
  'setup-user-label',
  'setup-passphrase-label',
  'setup-passphrase-hint',
  'setup-passphrase-repeat-label',
  'setup-submit',
  'recovery-title',
  'recovery-explain',
  'recovery-once',
  'recovery-stored',
  'recovery-continue',
  'unlock-title',
  'unlock-intro',
  'unlock-user-label',
  'unlock-passphrase-label',
  'unlock-submit',
  'home-greeting',
  'home-role',
  'home-next',
  'home-lock',
] as const;

export type MessageId = (typeof MESSAGE_IDS)[number] | `error-${ErrorCode}`;
export type Args = Record<string, FluentVariable>;

const bundles = new Map<Language, FluentBundle>();

/** The bundle of one language, built on first use. */
export function bundleFor(language: Language): FluentBundle {
  let bundle = bundles.get(language);
  if (!bundle) {
    bundle = new FluentBundle(language);
    const errors = bundle.addResource(new FluentResource(FTL_SOURCES[language]));
    for (const error of errors) console.error(`helpline.ftl (${language}):`, error);
    bundles.set(language, bundle);
  }
  return bundle;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function direction(language: Language): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** The saved choice, else the first of the system's languages we have, else English. */
export function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage may be unavailable; fall through to the system languages.
  }
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not fatal: the choice just will not survive a restart.
  }
}

let current: Language = 'en';

export function currentLanguage(): Language {
  return current;
}

/** Switches the language of `t` and of the document (`<html lang dir>`). */
export function setLanguage(language: Language): void {
  current = language;
  const root = document.documentElement;
  root.lang = language;
  root.dir = direction(language);
}

function format(bundle: FluentBundle, id: string, args?: Args): string | undefined {
  const message = bundle.getMessage(id);
  if (!message?.value) return undefined;
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  for (const error of errors) console.error(`${id}:`, error);
  return text;
}

/** The message in the current language; English if it is missing there; else the id. */
export function t(id: MessageId, args?: Args, language: Language = current): string {
  return format(bundleFor(language), id, args) ?? format(bundleFor('en'), id, args) ?? id;
}

/** The translation of an error code; the generic message for codes without one. */
export function errorText(code: string): string {
  const id = `error-${code}`;
  const bundle = bundleFor(current);
  return format(bundle, id) ?? format(bundleFor('en'), id) ?? t('error-unknown');
}

// Unicode private-use characters mark where an element goes in a formatted message.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

/**
 * Formats a message whose placeables are DOM elements (e.g. a `<bdi>` holding a user name):
 * the text around them becomes text nodes, the elements are inserted as they are. Nothing is
 * ever parsed as HTML. The elements isolate their content, so Fluent's own isolation marks
 * around those placeables are dropped.
 */
export function formatNodes(id: MessageId, elements: Record<string, Node>, args: Args = {}): Node[] {
  const marked: Args = { ...args };
  for (const name of Object.keys(elements)) marked[name] = `${MARK_OPEN}${name}${MARK_CLOSE}`;
  const text = t(id, marked);
  const nodes: Node[] = [];
  const pattern = new RegExp(`\u2068?${MARK_OPEN}([^${MARK_CLOSE}]*)${MARK_CLOSE}\u2069?`, 'g');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(last, match.index);
    if (before) nodes.push(document.createTextNode(before));
    const element = elements[match[1] ?? ''];
    if (element) nodes.push(element);
    last = match.index + match[0].length;
  }
  const rest = text.slice(last);
  if (rest) nodes.push(document.createTextNode(rest));
  // Guard: a translation that forgot the placeable still shows the element.
  for (const element of Object.values(elements)) {
    if (!nodes.includes(element)) nodes.push(document.createTextNode(' '), element);
  }
  return nodes;
}
