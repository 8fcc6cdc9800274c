import { Autosaver, type SaveState } from '../autosave';
import { checkField, el, selectField, userText } from '../dom';
import { formatList, formatTimer, regionName, toArabicIndic } from '../format';
import { currentLanguage, hasMessage, isDefaultReferral, t, type MessageId } from '../i18n';
import * as ipc from '../ipc';
import {
  AGE_BANDS,
  CALL_LANGUAGES,
  CHANNELS,
  ENVIRONMENTS,
  GENDERS,
  LEVELS,
  LIMITS,
  RELATIONSHIPS,
  SITUATIONS,
  levelStep,
  type CallContent,
  type CaseHistory,
  type ErrorCode,
  type Level,
  type Referral,
  type Settings,
  type Unfinished,
} from '../ipc';
import { navBar } from './nav';
import type { ActiveCall, Rendered, Screen, SessionContext } from './types';

/** The notes counter shows from here on. */
export const NOTES_COUNTER_FROM = 45_000;

/** How long locking waits for the last save of a draft. */
export const LOCK_SAVE_TIMEOUT_MS = 5000;
/** Save errors that are not worth more than "Not saved — retrying". */
const QUIET_SAVE_ERRORS: readonly ErrorCode[] = ['storage_failed', 'unknown'];

export const ids = {
  screen: 'call',
  title: 'call-title',
  caseNumber: 'call-case-number',
  caseNumberArabic: 'call-case-number-arabic',
  copy: 'copy-case-number',
  copyStatus: 'copy-status',
  timer: 'call-timer',
  saveStatus: 'autosave-status',
  form: 'call-form',
  channel: 'call-channel',
  language: 'call-language',
  relationship: 'caller-relationship',
  callerGender: 'caller-gender',
  givesContact: 'caller-gives-contact',
  anonymousHint: 'caller-anonymous-hint',
  contactFields: 'contact-fields',
  contact: (part: 'name' | 'phone' | 'email') => `contact-${part}` as const,
  personGender: 'person-gender',
  ageBand: 'person-age-band',
  situation: 'person-situation',
  environment: 'person-environment',
  level: 'level',
  levelLegend: 'level-legend',
  levelStep: (level: Level) => `level-${level}` as const,
  ladderStep: (step: number) => `ladder-step-${step}` as const,
  transitCountries: 'transit-countries',
  referral: (code: string) => `referral-${code}` as const,
  nextSteps: 'next-steps',
  followUp: 'follow-up',
  notes: 'notes',
  notesHint: 'notes-hint',
  notesCounter: 'notes-counter',
  end: 'end-call',
  discard: 'discard-call',
  discardConfirm: 'discard-confirm',
  discardQuestion: 'discard-call-question',
  discardYes: 'discard-call-confirm',
  discardCancel: 'discard-call-cancel',
} as const;

type CopyState = 'idle' | 'copied' | 'failed';

export function copyContent(content: CallContent): CallContent {
  return JSON.parse(JSON.stringify(content)) as CallContent;
}

/** An unfinished call, taken up again. */
export function resumedCall(draft: Unfinished): ActiveCall {
  return {
    draftId: draft.draftId,
    caseNumber: draft.caseNumber,
    startedAt: draft.startedAt,
    newCase: draft.newCase,
    resumed: true,
    content: copyContent(draft.content),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

export function saveStateText(state: SaveState): string {
  return t(state === 'saved' ? 'autosave-saved' : state === 'saving' ? 'autosave-saving' : 'autosave-retrying');
}

export function copyText(copy: CopyState): string {
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
  const list = el('div', { class: 'ladder', role: 'radiogroup', 'aria-labelledby': ids.levelLegend });
  for (const level of LEVELS) {
    const n = levelStep(level);
    const id = ids.levelStep(level);
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
          el('span', { id: ids.transitCountries, class: 'transit' }, t('level-transit-countries', { countries: formatList(countries) })),
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
    const step = el('div', { id: ids.ladderStep(n), class: `ladder-step step-${n}`, 'data-step': String(n) }, radio, label);
    steps.set(level, step);
    list.append(step);
  }
  update();
  return el(
    'fieldset',
    { id: ids.level, class: 'group level' },
    el('legend', { id: ids.levelLegend }, t('level-legend')),
    el('p', { class: 'hint' }, t('level-intro')),
    list,
  );
}

function contactFields(content: CallContent, onChange: () => void): HTMLElement[] {
  const identity = content.caller.identity;
  if (identity.choice !== 'gave_contact_details') return [];
  // A name may be in any script; a phone number or an address always reads left to right.
  const make = (key: 'name' | 'phone' | 'email', type: string, dir: 'auto' | 'ltr') => {
    const id = ids.contact(key);
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

/**
 * The call form: case number, timer, autosave state, every field, end and discard. The screen
 * keeps the call's content (its own copy, changed as the volunteer types) and saves it as a
 * draft while the call is open.
 */
export class CallScreen implements Screen {
  private readonly content: CallContent;
  private readonly saver: Autosaver<CallContent>;
  private readonly current: () => boolean;
  private saveState: SaveState = 'saved';
  private copy: CopyState = 'idle';
  private confirmDiscard = false;
  /** A lock found the draft unsaved and said so; the next one locks anyway. */
  private lockAnyway = false;
  /** The error a failed save put up, cleared again by the next save that works. */
  private saveError: ErrorCode | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Elements of the last drawing that change without drawing the screen again. */
  private shown: { number: HTMLElement; timer: HTMLElement; copyStatus: HTMLElement; saveStatus: HTMLElement } | null = null;

  constructor(
    private readonly ctx: SessionContext,
    private readonly call: ActiveCall,
  ) {
    this.content = copyContent(call.content);
    this.current = ctx.tasks.watch(this);
    this.saver = new Autosaver<CallContent>({
      save: async (content) => {
        try {
          await ipc.saveDraft(call.draftId, content);
          if (this.saveError !== null && this.current()) {
            this.ctx.clearError(this.saveError);
            this.saveError = null;
          }
        } catch (reason) {
          if (this.current()) this.saveFailed(reason);
          throw reason;
        }
      },
      snapshot: () => copyContent(this.content),
      onState: (state) => this.saveStateChanged(state),
    });
  }

  /** Saves now if anything is unsaved (the window was left). */
  saveNow(): void {
    this.saver.saveNow();
  }

  /**
   * Before locking: whether the draft is saved. A manual lock whose save failed says so and
   * waits for a second try; the idle lock always locks.
   */
  async readyToLock(manual: boolean): Promise<boolean> {
    const saved = await withTimeout(this.saver.flush(), LOCK_SAVE_TIMEOUT_MS, false);
    if (saved || !manual || this.lockAnyway) return true;
    this.lockAnyway = true;
    this.ctx.showError('draft_not_saved');
    return false;
  }

  leave(): void {
    this.saver.stop();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for the pending save, ends the call with the latest content, shows its case. */
  async end(): Promise<void> {
    await this.ctx.tasks.run(this, {
      before: () => this.saver.flush(),
      ask: () => {
        this.saver.stop();
        return ipc.endCall(this.call.draftId, copyContent(this.content));
      },
      done: ({ caseNumber }) => ({
        ask: () => ipc.findCase(caseNumber),
        done: (history: CaseHistory) => this.ctx.showHistory(history, true),
        // The call is saved; only its history could not be read.
        failed: () => this.ctx.goHome(),
      }),
      failed: () => {
        // The call is still open: keep saving it.
        this.saver.resume();
      },
    });
  }

  private async discard(): Promise<void> {
    await this.ctx.tasks.run(this, {
      before: () => {
        this.saver.stop();
        return this.saver.settled();
      },
      ask: () => ipc.discardCall(this.call.draftId),
      done: () => this.ctx.goHome(),
      failed: () => this.saver.resume(),
    });
  }

  private askDiscard(confirm: boolean): void {
    this.confirmDiscard = confirm;
    this.ctx.redraw(this);
    this.ctx.focus(confirm ? ids.discardCancel : ids.discard);
  }

  private async copyNumber(): Promise<void> {
    try {
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard?.writeText) throw new Error('no clipboard');
      await clipboard.writeText(this.call.caseNumber);
      this.copy = 'copied';
    } catch {
      this.copy = 'failed';
      // Select the number, so Ctrl+C copies it.
      const selection = document.getSelection();
      if (this.shown && selection) selection.selectAllChildren(this.shown.number);
    }
    if (this.current() && this.shown) this.shown.copyStatus.textContent = copyText(this.copy);
  }

  private saveFailed(reason: unknown): void {
    const error = this.ctx.tasks.failure(reason);
    if (!error || QUIET_SAVE_ERRORS.includes(error.code)) return;
    this.ctx.showError(error.code, error.limit);
    this.saveError = error.code;
  }

  private saveStateChanged(state: SaveState): void {
    if (!this.current()) return;
    if (state === 'saved') this.lockAnyway = false;
    this.saveState = state;
    const status = this.shown?.saveStatus;
    if (status) {
      status.textContent = saveStateText(state);
      status.className = `autosave ${state}`;
      status.dataset.state = state;
    }
  }

  private elapsed(): string {
    return formatTimer(Date.now() - Date.parse(this.call.startedAt));
  }

  render(): Rendered {
    const { call } = this;
    const language = currentLanguage();
    // Only the timer's text changes between drawings.
    this.timer ??= setInterval(() => {
      const text = this.elapsed();
      const timer = this.shown?.timer;
      if (timer && timer.textContent !== text) timer.textContent = text;
    }, 250);

    // --- the number to read aloud, the timer, the save state ----------------------------------
    const number = el(
      'p',
      { id: ids.caseNumber, class: 'case-number big-number', dir: 'ltr', translate: 'no', tabindex: '-1' },
      call.caseNumber,
    );
    const arabic =
      language === 'ar'
        ? el(
            'p',
            { id: ids.caseNumberArabic, class: 'case-number arabic-number', dir: 'ltr', translate: 'no', lang: 'ar' },
            toArabicIndic(call.caseNumber),
          )
        : null;
    const copy = el('button', { id: ids.copy, type: 'button', class: 'secondary' }, t('copy-case-number'));
    copy.addEventListener('click', () => void this.copyNumber());
    const timer = el('time', { id: ids.timer, role: 'timer', 'aria-live': 'off' }, this.elapsed());
    const copyStatus = el('span', { id: ids.copyStatus, role: 'status', class: 'status' }, copyText(this.copy));
    const saveStatus = el(
      'p',
      { id: ids.saveStatus, role: 'status', class: `autosave ${this.saveState}`, 'data-state': this.saveState },
      saveStateText(this.saveState),
    );
    this.shown = { number, timer, copyStatus, saveStatus };
    const header = el(
      'div',
      { class: 'call-header' },
      el(
        'div',
        { class: 'number-box' },
        el('p', { class: 'number-label' }, t(call.newCase ? 'call-new-case' : 'call-returning')),
        number,
        arabic,
        el('div', { class: 'copy-row' }, copy, copyStatus),
      ),
      el(
        'div',
        { class: 'call-meta' },
        el('p', { class: 'timer' }, el('span', { class: 'label' }, t('call-timer-label')), ' ', timer),
        saveStatus,
      ),
    );
    const { form, focus } = this.form();
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, null),
      el('section', { id: ids.screen, class: 'screen call', 'aria-labelledby': ids.title }, el('h2', { id: ids.title }, t('call-title')), header, form),
    );
    return { root, focus };
  }

  private form(): { form: HTMLElement; focus: HTMLElement } {
    const { content } = this;
    const settings = this.ctx.settings;
    const busy = this.ctx.tasks.busy;
    const change = (): void => this.saver.changed();

    // --- the call -----------------------------------------------------------------------------
    const channel = selectField(ids.channel, t('call-channel-label'), options(CHANNELS, 'channel-'), content.channel, (value) => {
      content.channel = value;
      change();
    });
    const callLanguage = selectField(
      ids.language,
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
      ids.relationship,
      t('caller-relationship-label'),
      options(RELATIONSHIPS, 'relationship-'),
      content.caller.relationship,
      (value) => {
        content.caller.relationship = value;
        change();
      },
    );
    const callerGender = selectField(ids.callerGender, t('caller-gender-label'), options(GENDERS, 'gender-'), content.caller.gender, (value) => {
      content.caller.gender = value;
      change();
    });
    const givesContact = checkField(
      ids.givesContact,
      t('caller-gives-contact-label'),
      content.caller.identity.choice === 'gave_contact_details',
      { role: 'switch', 'aria-controls': ids.contactFields, 'aria-describedby': ids.anonymousHint },
    );
    const contact = el('div', { id: ids.contactFields, class: 'contact' }, ...contactFields(content, change));
    givesContact.input.addEventListener('change', () => {
      // Unticking drops what was typed: the call is anonymous again.
      content.caller.identity = givesContact.input.checked
        ? { choice: 'gave_contact_details', name: null, phone: null, email: null }
        : { choice: 'anonymous' };
      contact.replaceChildren(...contactFields(content, change));
      change();
    });

    // --- the person of concern ----------------------------------------------------------------
    const personGender = selectField(ids.personGender, t('person-gender-label'), options(GENDERS, 'gender-'), content.person.gender, (value) => {
      content.person.gender = value;
      change();
    });
    const ageBand = selectField(ids.ageBand, t('person-age-band-label'), options(AGE_BANDS, 'age-'), content.person.ageBand, (value) => {
      content.person.ageBand = value;
      change();
    });
    const situation = selectField(
      ids.situation,
      t('person-situation-label'),
      options(SITUATIONS, 'situation-'),
      content.person.situation,
      (value) => {
        content.person.situation = value;
        change();
      },
    );
    const environment = selectField(
      ids.environment,
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
      const box = checkField(ids.referral(code), referralName(code, settings.referrals), content.referrals.includes(code), {
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
    const nextSteps = el('textarea', { id: ids.nextSteps, name: ids.nextSteps, rows: '3', dir: 'auto', maxlength: String(LIMITS.nextStepsChars) });
    nextSteps.value = content.nextSteps;
    nextSteps.addEventListener('input', () => {
      content.nextSteps = nextSteps.value;
      change();
    });
    const followUp = el('input', { id: ids.followUp, name: ids.followUp, type: 'date' });
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
      id: ids.notes,
      name: ids.notes,
      rows: '14',
      dir: 'auto',
      maxlength: String(LIMITS.notesChars),
      'aria-describedby': `${ids.notesHint} ${ids.notesCounter}`,
    });
    notes.value = content.notes;
    const counter = el('p', { id: ids.notesCounter, class: 'counter' });
    const count = (): void => {
      const length = notes.value.length;
      counter.hidden = length < NOTES_COUNTER_FROM;
      counter.classList.toggle('full', length >= LIMITS.notesChars);
      counter.textContent = counter.hidden ? '' : t('notes-counter', { count: length, max: LIMITS.notesChars });
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
      { id: ids.end, type: 'button', class: 'big', disabled: busy, 'aria-keyshortcuts': 'Alt+E', title: t('end-call') },
      busy ? t('working') : t('end-call'),
    );
    end.addEventListener('click', () => void this.end());
    let discardArea: HTMLElement;
    if (this.confirmDiscard) {
      const yes = el('button', { id: ids.discardYes, type: 'button', class: 'danger', disabled: busy }, t('discard-call-confirm'));
      const no = el('button', { id: ids.discardCancel, type: 'button', class: 'secondary' }, t('discard-call-cancel'));
      yes.addEventListener('click', () => void this.discard());
      no.addEventListener('click', () => this.askDiscard(false));
      discardArea = el(
        'div',
        { id: ids.discardConfirm, class: 'confirm', role: 'group', 'aria-labelledby': ids.discardQuestion },
        el('p', { id: ids.discardQuestion, class: 'warning' }, t('discard-call-question')),
        el('div', { class: 'actions' }, no, yes),
      );
      // Escape backs out of the question; it never discards.
      discardArea.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          this.askDiscard(false);
        }
      });
    } else {
      const discard = el('button', { id: ids.discard, type: 'button', class: 'secondary', disabled: busy }, t('discard-call'));
      discard.addEventListener('click', () => this.askDiscard(true));
      discardArea = el('div', { class: 'discard' }, discard);
    }

    const form = el(
      'form',
      { id: ids.form, class: 'call-form', novalidate: true },
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
            el('p', { id: ids.anonymousHint, class: 'hint' }, t('caller-anonymous-hint')),
            contact,
          ),
          section('call-section-person', t('call-section-person'), personGender.block, ageBand.block, situation.block, environment.block),
          ladder(content, settings, change),
          section(
            'call-section-referrals',
            t('call-section-referrals'),
            ...(referralBoxes.length > 0 ? referralBoxes : [el('p', { class: 'hint' }, t('referrals-none-available'))]),
          ),
          el('div', { class: 'field' }, el('label', { for: ids.nextSteps }, t('next-steps-label')), nextSteps),
          el('div', { class: 'field' }, el('label', { for: ids.followUp }, t('follow-up-label')), followUp),
        ),
        el(
          'div',
          { class: 'call-notes' },
          el(
            'div',
            { class: 'field notes' },
            el('label', { for: ids.notes }, t('notes-label')),
            el('p', { id: ids.notesHint, class: 'hint' }, t('notes-hint')),
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
    form.addEventListener('focusout', () => this.saver.saveNow());

    return { form, focus: channel.select };
  }
}
