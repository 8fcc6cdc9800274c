// Translations: every visible string comes from assets/locales/<lang>/helpline.ftl.

import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import enSource from '../../assets/locales/en/helpline.ftl?raw';
import svSource from '../../assets/locales/sv/helpline.ftl?raw';
import arSource from '../../assets/locales/ar/helpline.ftl?raw';
import {
  AGE_BANDS,
  CALL_LANGUAGES,
  CHANNELS,
  ENVIRONMENTS,
  EXPORT_FORMATS,
  GENDERS,
  LEVELS,
  RELATIONSHIPS,
  ROLES,
  SITUATIONS,
  STATISTICS_UNITS,
  UI_LANGUAGES,
  AUDIT_KINDS,
  AUDIT_PROBLEMS,
  type AgeBand,
  type AuditKind,
  type AuditProblemKind,
  type CallLanguage,
  type Channel,
  type Environment,
  type ErrorCode,
  type ExportFormat,
  type Gender,
  type Level,
  type Relationship,
  type Role,
  type Situation,
  type StatisticsUnit,
} from './ipc';

export const LANGUAGES = UI_LANGUAGES;
export type Language = (typeof LANGUAGES)[number];

export const FTL_SOURCES: Readonly<Record<Language, string>> = {
  en: enSource,
  sv: svSource,
  ar: arSource,
};

const RTL: ReadonlySet<Language> = new Set<Language>(['ar']);

/** The messages the code names directly. */
const STATIC_IDS = [
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
  'unlock-checking',
  'nav-label',
  'nav-home',
  'nav-cases',
  'nav-passphrase',
  'nav-settings',
  'nav-statistics',
  'home-lock',
  'home-greeting',
  'home-role',
  'new-call',
  'new-call-hint',
  'lookup-title',
  'lookup-label',
  'lookup-hint',
  'lookup-submit',
  'unfinished-title',
  'unfinished-call',
  'resume-call',
  'discard-unfinished',
  'discard-unfinished-question',
  'discard-unfinished-confirm',
  'confirm-cancel',
  'cases-title',
  'cases-filters',
  'cases-filter-open',
  'cases-filter-due',
  'cases-filter-level',
  'cases-filter-level-any',
  'cases-filter-level-min',
  'cases-col-number',
  'cases-col-latest',
  'cases-col-highest',
  'cases-col-last-call',
  'cases-col-follow-up',
  'cases-col-calls',
  'cases-follow-up-overdue',
  'cases-follow-up-today',
  'cases-mark-done',
  'cases-sort',
  'cases-sort-follow_up',
  'cases-sort-level',
  'cases-sort-last_call',
  'cases-closed',
  'cases-empty',
  'cases-capped',
  'value-none',
  'level-legend',
  'level-intro',
  'level-not-assessed-hint',
  'level-transit-countries',
  'level-step-met',
  'call-title',
  'call-new-case',
  'call-returning',
  'copy-case-number',
  'copy-done',
  'copy-failed',
  'call-timer-label',
  'autosave-saved',
  'autosave-saving',
  'autosave-retrying',
  'call-section-call',
  'call-channel-label',
  'call-language-label',
  'call-section-caller',
  'caller-relationship-label',
  'caller-gender-label',
  'caller-gives-contact-label',
  'caller-anonymous-hint',
  'contact-name-label',
  'contact-phone-label',
  'contact-email-label',
  'call-section-person',
  'person-gender-label',
  'person-age-band-label',
  'person-situation-label',
  'person-environment-label',
  'call-section-referrals',
  'referrals-none-available',
  'next-steps-label',
  'follow-up-label',
  'follow-up-hint',
  'notes-label',
  'notes-hint',
  'notes-counter',
  'end-call',
  'discard-call',
  'discard-call-question',
  'discard-call-confirm',
  'discard-call-cancel',
  'empty-call-question',
  'empty-call-discard',
  'empty-call-save',
  'empty-call-back',
  'call-case-last-level',
  'call-follow-up-overdue',
  'call-follow-up-today',
  'follow-up-pending',
  'follow-up-done-label',
  'call-story-title',
  'call-story-loading',
  'call-story-failed',
  'call-details-title',
  'call-details-none',
  'history-title',
  'history-case-number-label',
  'history-ended',
  'case-state',
  'case-close',
  'case-reopen',
  'new-call-on-case',
  'history-calls',
  'history-no-calls',
  'history-escalated',
  'duration-minutes',
  'duration-unknown',
  'duration-under-minute',
  'history-call',
  'history-age',
  'history-caller',
  'history-person',
  'history-referrals',
  'history-next-steps',
  'history-follow-up',
  'history-notes',
  'history-correct',
  'history-correctable-until',
  'history-corrected',
  'correction-title',
  'correction-kept',
  'correction-save',
  'correction-cancel',
  'passphrase-title',
  'passphrase-intro',
  'passphrase-current-label',
  'passphrase-new-label',
  'passphrase-repeat-label',
  'passphrase-submit',
  'passphrase-done',
  'settings-title',
  'settings-users',
  'user-you',
  'remove-user',
  'remove-user-question',
  'remove-user-confirm',
  'user-removed',
  'user-add-title',
  'user-add-name-label',
  'user-add-role-label',
  'user-add-passphrase-label',
  'user-add-submit',
  'user-added',
  'settings-referrals',
  'referral-add-code-label',
  'referral-add-label-label',
  'referral-add-submit',
  'remove-referral',
  'referrals-saved',
  'settings-countries',
  'country-add-label',
  'country-add-submit',
  'remove-country',
  'countries-saved',
  'settings-idle',
  'settings-recovery',
  'recovery-replace-hint',
  'recovery-replace-passphrase-label',
  'recovery-replace-submit',
  'idle-lock-minutes-label',
  'idle-lock-submit',
  'idle-saved',
  'settings-empty',
  'statistics-title',
  'statistics-intro',
  'statistics-query',
  'statistics-from-label',
  'statistics-to-label',
  'statistics-month-hint',
  'statistics-k-label',
  'statistics-k-hint',
  'statistics-period-total-label',
  'statistics-period-total-hint',
  'statistics-show',
  'statistics-results-title',
  'statistics-period',
  'statistics-rules-title',
  'statistics-rules-k',
  'statistics-legend-title',
  'statistics-legend-below',
  'statistics-legend-secondary',
  'statistics-legend-withheld',
  'statistics-legend-zero',
  'statistics-hidden',
  'statistics-withheld',
  'statistics-preview',
  'statistics-period-column',
  'statistics-period-heading',
  'statistics-chart-title',
  'statistics-chart-hidden',
  'statistics-chart-bar',
  'statistics-total',
  'statistics-call-time-title',
  'statistics-calls-timed',
  'statistics-total-minutes',
  'statistics-median-minutes',
  'statistics-export-title',
  'statistics-export-hint',
  'statistics-export-publishes',
  'statistics-export-saved',
  'statistics-export-cancelled',
  'statistics-export-failed',
  'setup-restore-title',
  'setup-restore-hint',
  'setup-restore',
  'restore-title',
  'restore-intro',
  'restore-chosen',
  'restore-choose-again',
  'restore-method-legend',
  'restore-with-passphrase',
  'restore-with-recovery',
  'restore-passphrase-hint',
  'restore-submit',
  'restore-cancel',
  'restore-working',
  'unlock-use-recovery',
  'recover-title',
  'recover-intro',
  'recover-code-label',
  'recover-code-hint',
  'recover-submit',
  'recover-back',
  'reset-passphrase',
  'reset-passphrase-title',
  'reset-passphrase-hint',
  'reset-passphrase-submit',
  'passphrase-reset-done',
  'nav-safety',
  'retention-expired',
  'safety-title',
  'safety-intro',
  'safety-backup-title',
  'backup-hint',
  'backup-take',
  'backup-saved',
  'backup-cancelled',
  'backup-failed',
  'safety-check-title',
  'verify-hint',
  'verify-store',
  'verify-sound',
  'verify-unsound',
  'verify-newer-format',
  'verify-file-problems',
  'verify-place',
  'verify-damaged-title',
  'verify-col-what',
  'verify-col-record',
  'verify-advice',
  'verify-schema-changed',
  'verify-backup-title',
  'verify-backup-passphrase-label',
  'verify-backup-passphrase-hint',
  'verify-backup-submit',
  'verify-backup-cancelled',
  'verify-backup-failed',
  'verify-backup-checked',
  'safety-retention-title',
  'retention-hint',
  'retention-current',
  'retention-saved',
  'retention-legend',
  'retention-forever',
  'retention-limited',
  'retention-months-label',
  'retention-months-hint',
  'retention-submit',
  'retention-question',
  'retention-confirm',
  'safety-forget-title',
  'forget-hint',
  'forget-submit',
  'forget-question',
  'forget-confirm',
  'forget-done',
  'forget-backups',
  'forget-backup-taken',
  'safety-audit-title',
  'audit-hint',
  'audit-show',
  'audit-refresh',
  'audit-verify',
  'audit-more',
  'audit-empty',
  'audit-count',
  'audit-table-caption',
  'audit-col-seq',
  'audit-col-when',
  'audit-col-who',
  'audit-col-what',
  'audit-setting',
  'audit-sound',
  'audit-unsound',
  'audit-fingerprint',
  'audit-fingerprint-hint',
  'sync-syncing',
  'sync-synced',
  'sync-offline',
  'sync-failed',
  'nav-desks',
  'desks-title',
  'desks-intro',
  'desks-status-title',
  'desks-alone',
  'desks-connected',
  'desks-name',
  'desks-server',
  'desks-pending',
  'desks-position',
  'desks-state',
  'desks-state-off',
  'desks-sync-now',
  'desks-sync-done',
  'desks-connect-title',
  'desks-connect-hint',
  'desks-address-label',
  'desks-address-hint',
  'desks-name-label',
  'desks-name-hint',
  'desks-connect-submit',
  'desks-connecting',
  'desks-invite-title',
  'desks-invite-hint',
  'desks-invite-name-label',
  'desks-invite-submit',
  'desks-inviting-short',
  'desks-inviting',
  'desks-invitation-title',
  'desks-invitation-once',
  'desks-invitation-done',
  'setup-join-title',
  'setup-join-hint',
  'setup-join',
  'join-title',
  'join-intro',
  'join-address-label',
  'join-address-hint',
  'join-invitation-label',
  'join-invitation-hint',
  'join-passphrase-hint',
  'join-submit',
  'join-working',
] as const;

/** Referral codes every store starts with; their names are translated here. */
export const DEFAULT_REFERRAL_CODES = [
  'psychologist',
  'psychiatrist',
  'school_counsellor',
  'former_extremist',
  'social_services',
  'religious_community',
  'ngo',
  'health_care',
] as const;
export type DefaultReferralCode = (typeof DEFAULT_REFERRAL_CODES)[number];

/** Steps of the concern ladder that have a meaning of their own. */
export const STEP_LEVELS = ['strong_interest', 'wish_to_leave', 'in_transit_country'] as const;

type StaticId = (typeof STATIC_IDS)[number];
export type MessageId =
  | StaticId
  | `channel-${Channel}`
  | `call-language-${CallLanguage}`
  | `relationship-${Relationship}`
  | `gender-${Gender}`
  | `age-${AgeBand}`
  | `situation-${Situation}`
  | `environment-${Environment}`
  | `level-${Level}`
  | `level-short-${Level}`
  | `level-meaning-${(typeof STEP_LEVELS)[number]}`
  | `referral-${DefaultReferralCode}`
  | `role-${Role}`
  | `statistics-unit-${StatisticsUnit}`
  | `statistics-export-${ExportFormat}`
  | `audit-action-${AuditKind}`
  | `audit-problem-${AuditProblemKind}`
  | `error-${ErrorCode}`;

function ids<P extends string, V extends string>(prefix: P, values: readonly V[]): `${P}${V}`[] {
  return values.map((value) => `${prefix}${value}` as const);
}

/** Every message the code uses (but the errors). A test checks this list against the .ftl files. */
export const MESSAGE_IDS: readonly MessageId[] = [
  ...STATIC_IDS,
  ...ids('channel-', CHANNELS),
  ...ids('call-language-', CALL_LANGUAGES),
  ...ids('relationship-', RELATIONSHIPS),
  ...ids('gender-', GENDERS),
  ...ids('age-', AGE_BANDS),
  ...ids('situation-', SITUATIONS),
  ...ids('environment-', ENVIRONMENTS),
  ...ids('level-', LEVELS),
  ...ids('level-short-', LEVELS),
  ...ids('level-meaning-', STEP_LEVELS),
  ...ids('referral-', DEFAULT_REFERRAL_CODES),
  ...ids('role-', ROLES),
  ...ids('statistics-unit-', STATISTICS_UNITS),
  ...ids('statistics-export-', EXPORT_FORMATS),
  ...ids('audit-action-', AUDIT_KINDS),
  ...ids('audit-problem-', AUDIT_PROBLEMS),
];

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
export function initialLanguage(saved: Language | null): Language {
  if (saved) return saved;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
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
/** The message for `code`; `args` fill a limit's `$min` and `$max` where the core named one. */
export function errorText(code: string, args: Args = {}): string {
  const id = `error-${code}`;
  const bundle = bundleFor(current);
  return format(bundle, id, args) ?? format(bundleFor('en'), id, args) ?? t('error-unknown');
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

/** Whether the current language (or English) has a message with this id. */
export function hasMessage(id: string): boolean {
  return bundleFor(current).hasMessage(id) || bundleFor('en').hasMessage(id);
}

export function isDefaultReferral(code: string): code is DefaultReferralCode {
  return (DEFAULT_REFERRAL_CODES as readonly string[]).includes(code);
}
