import type { SaveState } from '../autosave';
import { checkField, el, selectField, userText } from '../dom';
import { formatList, formatTimer, regionName, toArabicIndic } from '../format';
import { currentLanguage, hasMessage, isDefaultReferral, t, type MessageId } from '../i18n';
import {
  AGE_BANDS,
  CALL_LANGUAGES,
  CHANNELS,
  ENVIRONMENTS,
  GENDERS,
  LEVELS,
  RELATIONSHIPS,
  SITUATIONS,
  levelStep,
  type CallContent,
  type Level,
  type Referral,
  type Session,
  type Settings,
} from '../ipc';
import { navBar } from './nav';
import type { Screen } from './types';

export const MAX_NOTES = 50_000;
export const MAX_NEXT_STEPS = 4000;
/** The notes counter shows from here on. */
export const NOTES_COUNTER_FROM = 45_000;

/** A call being taken: what the shell gave, and the form's content (changed in place). */
export interface ActiveCall {
  draftId: string;
  caseNumber: string;
  startedAt: string;
  newCase: boolean;
  resumed: boolean;
  content: CallContent;
}

export interface CallProps {
  session: Session;
  call: ActiveCall;
  settings: Settings;
  busy: boolean;
  saveState: SaveState;
  copy: 'idle' | 'copied' | 'failed';
  confirmDiscard: boolean;
  /** The content changed (already written into `call.content`). */
  onChange(): void;
  /** A field lost focus. */
  onFieldLeft(): void;
  onCopy(): void;
  onEnd(): void;
  onDiscard(): void;
  onDiscardConfirm(): void;
  onDiscardCancel(): void;
  onLock(): void;
}

export function saveStateText(state: SaveState): string {
  return t(state === 'saved' ? 'autosave-saved' : state === 'saving' ? 'autosave-saving' : 'autosave-retrying');
}

export function copyText(copy: CallProps['copy']): string {
  return copy === 'copied' ? t('copy-done') : copy === 'failed' ? t('copy-failed') : '';
}

/** The name of a referral: its own label (user text), the built-in translation, or its code. */
export function referralName(code: string, referrals: readonly Referral[]): Node | string {
  const entry = referrals.find((item) => item.code === code);
  if (entry?.label) return userText(entry.label, { dir: 'auto' });
  if (isDefaultReferral(code)) return t(`referral-${code}`);
  return userText(code, { dir: 'ltr', class: 'code' });
}

function options<V extends string>(values: readonly V[], prefix: string): { value: V; text: string }[] {
  return values.map((value) => {
    const id = `${prefix}${value}`;
    return { value, text: hasMessage(id) ? t(id as MessageId) : value };
  });
}

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return el('fieldset', { id, class: 'group' }, el('legend', {}, title), ...children);
}

function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : value;
}

/** The concern ladder: "not assessed" and three cumulative steps, as one radio group. */
function ladder(content: CallContent, settings: Settings, onChange: () => void): HTMLElement {
  const steps = new Map<Level, HTMLElement>();
  const radios: HTMLInputElement[] = [];
  const update = (): void => {
    const chosen = levelStep(content.level);
    for (const [level, step] of steps) {
      const n = levelStep(level);
      step.classList.toggle('chosen', n === chosen);
      // The steps are cumulative: every step below the chosen one is met as well.
      const met = n > 0 && n < chosen;
      step.classList.toggle('met', met);
      const note = step.querySelector<HTMLElement>('.met-note');
      if (note) note.hidden = !met;
    }
  };

  const countries = settings.transitCountries.map((code) => regionName(code) ?? code);
  const list = el('div', { class: 'ladder', role: 'radiogroup', 'aria-labelledby': 'level-legend' });
  for (const level of LEVELS) {
    const n = levelStep(level);
    const id = `level-${level}`;
    const radio = el('input', { id, name: 'level', type: 'radio', value: level });
    radio.checked = content.level === level;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      content.level = level;
      update();
      onChange();
    });
    radios.push(radio);
    const descriptionId = `${id}-meaning`;
    let label: HTMLElement;
    if (level === 'not_assessed') {
      radio.setAttribute('aria-describedby', descriptionId);
      label = el(
        'label',
        { for: id },
        el('span', { class: 'step-title' }, t('level-not_assessed')),
        el('span', { id: descriptionId, class: 'step-meaning' }, t('level-not-assessed-hint')),
      );
    } else {
      const meaning = el('span', { id: descriptionId, class: 'step-meaning' }, t(`level-meaning-${level}`));
      if (level === 'in_transit_country' && countries.length > 0) {
        meaning.append(
          ' ',
          el('span', { id: 'transit-countries', class: 'transit' }, t('level-transit-countries', { countries: formatList(countries) })),
        );
      }
      radio.setAttribute('aria-describedby', `${descriptionId} ${id}-met`);
      label = el(
        'label',
        { for: id },
        el('span', { class: 'step-title' }, t('level-step-title', { step: n })),
        meaning,
        el('span', { id: `${id}-met`, class: 'met-note', hidden: true }, t('level-step-met')),
      );
    }
    const step = el('div', { id: `ladder-step-${n}`, class: `ladder-step step-${n}`, 'data-step': String(n) }, radio, label);
    steps.set(level, step);
    list.append(step);
  }
  update();
  return el(
    'fieldset',
    { id: 'level', class: 'group level' },
    el('legend', { id: 'level-legend' }, t('level-legend')),
    el('p', { class: 'hint' }, t('level-intro')),
    list,
  );
}

function contactFields(content: CallContent, onChange: () => void): HTMLElement[] {
  const identity = content.caller.identity;
  if (identity.choice !== 'gave_contact_details') return [];
  // A name may be in any script; a phone number or an address always reads left to right.
  const make = (key: 'name' | 'phone' | 'email', type: string, dir: 'auto' | 'ltr') => {
    const id = `contact-${key}`;
    const input = el('input', { id, name: id, type, dir, autocomplete: 'off', spellcheck: 'false' });
    input.value = identity[key] ?? '';
    input.addEventListener('input', () => {
      identity[key] = emptyToNull(input.value);
      onChange();
    });
    return el('div', { class: 'field' }, el('label', { for: id }, t(`contact-${key}-label`)), input);
  };
  return [make('name', 'text', 'auto'), make('phone', 'tel', 'ltr'), make('email', 'email', 'ltr')];
}

/** The call form: case number, timer, autosave state, every field, end and discard. */
export function callScreen(props: CallProps): Screen {
  const { call, settings } = props;
  const content = call.content;
  const change = (): void => props.onChange();
  const language = currentLanguage();

  // --- the number to read aloud, the timer, the save state ----------------------------------
  const number = el(
    'p',
    { id: 'call-case-number', class: 'case-number big-number', dir: 'ltr', translate: 'no', tabindex: '-1' },
    call.caseNumber,
  );
  const arabic =
    language === 'ar'
      ? el(
          'p',
          { id: 'call-case-number-arabic', class: 'case-number arabic-number', dir: 'ltr', translate: 'no', lang: 'ar' },
          toArabicIndic(call.caseNumber),
        )
      : null;
  const copy = el('button', { id: 'copy-case-number', type: 'button', class: 'secondary' }, t('copy-case-number'));
  copy.addEventListener('click', () => props.onCopy());
  const timer = el(
    'p',
    { class: 'timer' },
    el('span', { class: 'label' }, t('call-timer-label')),
    ' ',
    el('time', { id: 'call-timer', role: 'timer', 'aria-live': 'off' }, formatTimer(Date.now() - Date.parse(call.startedAt))),
  );
  const header = el(
    'div',
    { class: 'call-header' },
    el(
      'div',
      { class: 'number-box' },
      el('p', { class: 'number-label' }, t(call.newCase ? 'call-new-case' : 'call-returning')),
      number,
      arabic,
      el('div', { class: 'copy-row' }, copy, el('span', { id: 'copy-status', role: 'status', class: 'status' }, copyText(props.copy))),
    ),
    el(
      'div',
      { class: 'call-meta' },
      timer,
      el(
        'p',
        { id: 'autosave-status', role: 'status', class: `autosave ${props.saveState}`, 'data-state': props.saveState },
        saveStateText(props.saveState),
      ),
    ),
  );

  // --- the call -----------------------------------------------------------------------------
  const channel = selectField('call-channel', t('call-channel-label'), options(CHANNELS, 'channel-'), content.channel, (value) => {
    content.channel = value;
    change();
  });
  const callLanguage = selectField(
    'call-language',
    t('call-language-label'),
    options(CALL_LANGUAGES, 'call-language-'),
    content.language,
    (value) => {
      content.language = value;
      change();
    },
  );

  // --- the caller ---------------------------------------------------------------------------
  const relationship = selectField(
    'caller-relationship',
    t('caller-relationship-label'),
    options(RELATIONSHIPS, 'relationship-'),
    content.caller.relationship,
    (value) => {
      content.caller.relationship = value;
      change();
    },
  );
  const callerGender = selectField('caller-gender', t('caller-gender-label'), options(GENDERS, 'gender-'), content.caller.gender, (value) => {
    content.caller.gender = value;
    change();
  });
  const givesContact = checkField(
    'caller-gives-contact',
    t('caller-gives-contact-label'),
    content.caller.identity.choice === 'gave_contact_details',
    { role: 'switch', 'aria-controls': 'contact-fields', 'aria-describedby': 'caller-anonymous-hint' },
  );
  const contact = el('div', { id: 'contact-fields', class: 'contact' }, ...contactFields(content, change));
  givesContact.input.addEventListener('change', () => {
    // Unticking drops what was typed: the call is anonymous again.
    content.caller.identity = givesContact.input.checked
      ? { choice: 'gave_contact_details', name: null, phone: null, email: null }
      : { choice: 'anonymous' };
    contact.replaceChildren(...contactFields(content, change));
    change();
  });

  // --- the person of concern ----------------------------------------------------------------
  const personGender = selectField('person-gender', t('person-gender-label'), options(GENDERS, 'gender-'), content.person.gender, (value) => {
    content.person.gender = value;
    change();
  });
  const ageBand = selectField('person-age-band', t('person-age-band-label'), options(AGE_BANDS, 'age-'), content.person.ageBand, (value) => {
    content.person.ageBand = value;
    change();
  });
  const situation = selectField(
    'person-situation',
    t('person-situation-label'),
    options(SITUATIONS, 'situation-'),
    content.person.situation,
    (value) => {
      content.person.situation = value;
      change();
    },
  );
  const environment = selectField(
    'person-environment',
    t('person-environment-label'),
    options(ENVIRONMENTS, 'environment-'),
    content.person.environment,
    (value) => {
      content.person.environment = value;
      change();
    },
  );

  // --- referrals: the helpline's list, plus any code this call already has -------------------
  const codes = settings.referrals.map((entry) => entry.code);
  for (const code of content.referrals) if (!codes.includes(code)) codes.push(code);
  const referralBoxes = codes.map((code) => {
    const box = checkField(`referral-${code}`, referralName(code, settings.referrals), content.referrals.includes(code), {
      value: code,
      class: 'referral',
    });
    box.input.addEventListener('change', () => {
      const others = content.referrals.filter((item) => item !== code);
      // Keep the list's order, so the same choice always sends the same content.
      content.referrals = codes.filter((item) => item === code ? box.input.checked : others.includes(item));
      change();
    });
    return box.block;
  });

  // --- next steps, follow-up, notes ---------------------------------------------------------
  const nextSteps = el('textarea', { id: 'next-steps', name: 'next-steps', rows: '3', dir: 'auto', maxlength: String(MAX_NEXT_STEPS) });
  nextSteps.value = content.nextSteps;
  nextSteps.addEventListener('input', () => {
    content.nextSteps = nextSteps.value;
    change();
  });
  const followUp = el('input', { id: 'follow-up', name: 'follow-up', type: 'date' });
  followUp.value = content.followUp ?? '';
  const followUpChanged = (): void => {
    const value = /^\d{4}-\d{2}-\d{2}$/.test(followUp.value) ? followUp.value : null;
    if (value === content.followUp) return;
    content.followUp = value;
    change();
  };
  followUp.addEventListener('input', followUpChanged);
  followUp.addEventListener('change', followUpChanged);

  const notes = el('textarea', {
    id: 'notes',
    name: 'notes',
    rows: '14',
    dir: 'auto',
    maxlength: String(MAX_NOTES),
    'aria-describedby': 'notes-hint notes-counter',
  });
  notes.value = content.notes;
  const counter = el('p', { id: 'notes-counter', class: 'counter' });
  const count = (): void => {
    const length = notes.value.length;
    counter.hidden = length < NOTES_COUNTER_FROM;
    counter.classList.toggle('full', length >= MAX_NOTES);
    counter.textContent = counter.hidden ? '' : t('notes-counter', { count: length, max: MAX_NOTES });
  };
  count();
  notes.addEventListener('input', () => {
    content.notes = notes.value;
    count();
    change();
  });

  // --- end and discard ----------------------------------------------------------------------
  const end = el(
    'button',
    { id: 'end-call', type: 'button', class: 'big', disabled: props.busy, 'aria-keyshortcuts': 'Alt+E', title: t('end-call') },
    props.busy ? t('working') : t('end-call'),
  );
  end.addEventListener('click', () => props.onEnd());
  let discardArea: HTMLElement;
  if (props.confirmDiscard) {
    const yes = el('button', { id: 'discard-call-confirm', type: 'button', class: 'danger', disabled: props.busy }, t('discard-call-confirm'));
    const no = el('button', { id: 'discard-call-cancel', type: 'button', class: 'secondary' }, t('discard-call-cancel'));
    yes.addEventListener('click', () => props.onDiscardConfirm());
    no.addEventListener('click', () => props.onDiscardCancel());
    discardArea = el(
      'div',
      { id: 'discard-confirm', class: 'confirm', role: 'group', 'aria-labelledby': 'discard-call-question' },
      el('p', { id: 'discard-call-question', class: 'warning' }, t('discard-call-question')),
      el('div', { class: 'actions' }, no, yes),
    );
    // Escape backs out of the question; it never discards.
    discardArea.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        props.onDiscardCancel();
      }
    });
  } else {
    const discard = el('button', { id: 'discard-call', type: 'button', class: 'secondary', disabled: props.busy }, t('discard-call'));
    discard.addEventListener('click', () => props.onDiscard());
    discardArea = el('div', { class: 'discard' }, discard);
  }

  const form = el(
    'form',
    { id: 'call-form', class: 'call-form', novalidate: true },
    el(
      'div',
      { class: 'call-columns' },
      el(
        'div',
        { class: 'call-facts' },
        section('call-section-call', t('call-section-call'), channel.block, callLanguage.block),
        section(
          'call-section-caller',
          t('call-section-caller'),
          relationship.block,
          callerGender.block,
          givesContact.block,
          el('p', { id: 'caller-anonymous-hint', class: 'hint' }, t('caller-anonymous-hint')),
          contact,
        ),
        section('call-section-person', t('call-section-person'), personGender.block, ageBand.block, situation.block, environment.block),
        ladder(content, settings, change),
        section(
          'call-section-referrals',
          t('call-section-referrals'),
          ...(referralBoxes.length > 0 ? referralBoxes : [el('p', { class: 'hint' }, t('referrals-none-available'))]),
        ),
        el('div', { class: 'field' }, el('label', { for: 'next-steps' }, t('next-steps-label')), nextSteps),
        el('div', { class: 'field' }, el('label', { for: 'follow-up' }, t('follow-up-label')), followUp),
      ),
      el(
        'div',
        { class: 'call-notes' },
        el(
          'div',
          { class: 'field notes' },
          el('label', { for: 'notes' }, t('notes-label')),
          el('p', { id: 'notes-hint', class: 'hint' }, t('notes-hint')),
          notes,
          counter,
        ),
        el('div', { class: 'actions end' }, end),
        discardArea,
      ),
    ),
  );
  // Enter in a text field must not end anything.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('focusout', () => props.onFieldLeft());

  const title = el('h2', { id: 'call-title' }, t('call-title'));
  const root = el(
    'div',
    { class: 'unlocked' },
    navBar({ session: props.session, current: null, onNavigate: () => {}, onLock: props.onLock }),
    el('section', { id: 'call', class: 'screen call', 'aria-labelledby': 'call-title' }, title, header, form),
  );
  return { root, focus: channel.select };
}
