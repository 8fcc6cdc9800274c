import { Autosaver, type SaveState } from '../autosave';
import { checkField, dayInput, el, selectField } from '../dom';
import { formatDay, formatList, formatTimer, inUiDigits, regionName, toArabicIndic, today, typedDay } from '../format';
import { currentLanguage, hasMessage, t, type MessageId } from '../i18n';
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
  type CaseOverview,
  type ErrorCode,
  type Level,
  type Settings,
  type Unfinished,
} from '../ipc';
import { callItem, levelBadge, newestFirst, referralName, stated } from './call-view';
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
  /** The sticky header: number, time, save state, level, the case so far, End call. */
  header: 'call-header',
  currentLevel: 'call-current-level',
  /** For a returning caller: the case's last level and follow-up, in the header. */
  caseSummary: 'call-case-summary',
  form: 'call-form',
  /** The demographic fields, collapsible; the summary says what is chosen. */
  details: 'call-details',
  detailsSummary: 'call-details-summary',
  /** For a returning caller: the case's earlier calls, collapsible. */
  story: 'call-case-story',
  storyCalls: 'call-case-story-calls',
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
  followUpDay: 'follow-up-day',
  followUpHint: 'follow-up-hint',
  /** For a returning caller whose case has a follow-up: it was done in this call. */
  followUpDone: 'follow-up-done',
  notes: 'notes',
  notesHint: 'notes-hint',
  notesCounter: 'notes-counter',
  end: 'end-call',
  discard: 'discard-call',
  discardConfirm: 'discard-confirm',
  discardQuestion: 'discard-call-question',
  discardYes: 'discard-call-confirm',
  discardCancel: 'discard-call-cancel',
  emptyConfirm: 'empty-call-confirm',
  emptyQuestion: 'empty-call-question',
  emptyDiscard: 'empty-call-discard',
  emptySave: 'empty-call-save',
  emptyBack: 'empty-call-back',
} as const;

type CopyState = 'idle' | 'copied' | 'failed';

export function copyContent(content: CallContent): CallContent {
  return JSON.parse(JSON.stringify(content)) as CallContent;
}

/** An unfinished call, taken up again; `blank` is a new call's content, when known. */
export function resumedCall(draft: Unfinished, blank: CallContent | null): ActiveCall {
  return {
    draftId: draft.draftId,
    caseNumber: draft.caseNumber,
    startedAt: draft.startedAt,
    newCase: draft.newCase,
    resumed: true,
    content: copyContent(draft.content),
    blank,
    case: draft.case,
  };
}

/** The same value whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Whether nothing was recorded: the content is still what a new call started with. */
export function nothingRecorded(content: CallContent, blank: CallContent | null): boolean {
  return blank !== null && sameValue(content, blank);
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
        el('span', { class: 'step-title' }, t(`level-${level}`)),
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

/** The demographic fields: whether any says more than "not stated". */
function anyDetailStated(content: CallContent): boolean {
  const { caller, person } = content;
  return (
    [caller.relationship, caller.gender, person.gender, person.ageBand, person.situation, person.environment].some(stated) ||
    caller.identity.choice !== 'anonymous' ||
    content.referrals.length > 0
  );
}

/** What the collapsed details say is chosen: every stated value, in the fields' order. */
function detailsChosen(content: CallContent, settings: Settings): (Node | string)[] {
  const text = (prefix: string, code: string): string => (hasMessage(`${prefix}${code}`) ? t(`${prefix}${code}` as MessageId) : code);
  const { caller, person } = content;
  const items: (Node | string)[] = [];
  if (stated(content.channel)) items.push(text('channel-', content.channel));
  if (stated(content.language)) items.push(text('call-language-', content.language));
  if (stated(caller.relationship)) items.push(text('relationship-', caller.relationship));
  if (stated(caller.gender)) items.push(text('gender-', caller.gender));
  if (caller.identity.choice === 'gave_contact_details') items.push(t('caller-gives-contact-label'));
  if (stated(person.gender)) items.push(text('gender-', person.gender));
  if (stated(person.ageBand)) items.push(t('history-age', { age: text('age-', person.ageBand) }));
  if (stated(person.situation)) items.push(text('situation-', person.situation));
  if (stated(person.environment)) items.push(text('environment-', person.environment));
  for (const code of content.referrals) items.push(referralName(code, settings.referrals));
  if (items.length === 0) return [t('call-details-none')];
  const parts: (Node | string)[] = [];
  items.forEach((item, index) => parts.push(...(index > 0 ? [' · '] : []), item));
  return parts;
}

/** A follow-up's day, tagged when it is overdue or due today (in words, not colour alone). */
function followUpDue(overview: CaseOverview): HTMLElement | null {
  if (overview.followUp === null) return null;
  const state = overview.followUpState;
  return el(
    'span',
    { class: state ? `follow-up-due follow-up-${state}` : 'follow-up-due' },
    formatDay(overview.followUp),
    state === 'overdue' || state === 'today' ? el('span', { class: 'tag' }, t(`call-follow-up-${state}`)) : null,
  );
}

/** The header's word on a returning caller's case: its last level and its pending follow-up. */
function caseSummaryParts(overview: CaseOverview): HTMLElement[] {
  if (overview.calls === 0) return [];
  const due = followUpDue(overview);
  return [
    el(
      'span',
      { class: 'case-last-level' },
      el('span', { class: 'label' }, t('call-case-last-level')),
      ' ',
      levelBadge(overview.latestLevel),
      overview.escalated ? el('span', { class: 'history-escalated', role: 'note' }, t('history-escalated')) : null,
    ),
    due ? el('span', { class: 'case-follow-up' }, el('span', { class: 'label' }, t('history-follow-up')), ' ', due) : null,
  ].filter((part): part is HTMLElement => part !== null);
}

/**
 * The call form: a sticky header (case number, timer, autosave state, level, the case so far,
 * End call), the notes with the concern ladder beside them, the case's earlier calls, and the
 * demographic fields, collapsible. The screen keeps the call's content (its own copy, changed
 * as the volunteer types) and saves it as a draft while the call is open.
 */
export class CallScreen implements Screen {
  private readonly content: CallContent;
  private readonly saver: Autosaver<CallContent>;
  private readonly current: () => boolean;
  private saveState: SaveState = 'saved';
  private copy: CopyState = 'idle';
  private confirmDiscard = false;
  /** End call found nothing recorded and asks what to do. */
  private confirmEmpty = false;
  /** Whether the demographic fields are shown; open at first while none is filled. */
  private detailsOpen: boolean;
  /** A returning caller's case as read when the call opened; null until then (or for a new case). */
  private story: CaseHistory | null = null;
  private storyFailed = false;
  /** The follow-up date as typed, while it differs from what the content holds; null: as saved. */
  private followUpTyped: string | null = null;
  /** A lock found the draft unsaved and said so; the next one locks anyway. */
  private lockAnyway = false;
  /** The error a failed save put up, cleared again by the next save that works. */
  private saveError: ErrorCode | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Elements of the last drawing that change without drawing the screen again. */
  private shown: {
    number: HTMLElement;
    timer: HTMLElement;
    copyStatus: HTMLElement;
    saveStatus: HTMLElement;
    level: HTMLElement;
    chosen: HTMLElement;
  } | null = null;

  constructor(
    private readonly ctx: SessionContext,
    private readonly call: ActiveCall,
  ) {
    this.content = copyContent(call.content);
    this.detailsOpen = !anyDetailStated(this.content);
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

  /** The call's draft id, to take the call up again after a lock. */
  get draftId(): string {
    return this.call.draftId;
  }

  /**
   * What a new case's call starts with, for the call taken up again after a lock. Never a
   * returning case's: that starts from who called about whom (contact details too), and a
   * lock keeps nothing of a case.
   */
  get blank(): CallContent | null {
    return this.call.newCase ? this.call.blank : null;
  }

  /** Once shown: a returning caller's case is read, so its story is on the call screen. */
  async load(): Promise<void> {
    if (this.call.newCase) return;
    await this.ctx.tasks.load(this, {
      ask: () => ipc.findCase(this.call.caseNumber),
      done: (history) => {
        this.story = history;
      },
      failed: () => {
        this.storyFailed = true;
      },
    });
  }

  /** Saves now if anything is unsaved (the window was left). */
  saveNow(): void {
    this.saver.saveNow();
  }

  /**
   * Before locking by hand: whether the draft is saved. A lock whose save failed says so and
   * waits for a second try.
   */
  async readyToLock(): Promise<boolean> {
    const saved = await withTimeout(this.saver.flush(), LOCK_SAVE_TIMEOUT_MS, false);
    if (saved || this.lockAnyway) return true;
    this.lockAnyway = true;
    this.ctx.showError('draft_not_saved');
    return false;
  }

  leave(): void {
    this.saver.stop();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Waits for the pending save, ends the call with the latest content, shows its case. A call
   * with nothing recorded is not ended without asking (`anyway`: the volunteer said to save it).
   */
  async end(anyway = false): Promise<void> {
    if (this.ctx.tasks.busy) return;
    if (!this.followUpValid()) {
      this.ctx.fail('date_invalid', ids.followUp);
      return;
    }
    if (!anyway && nothingRecorded(this.content, this.call.blank)) {
      this.askEmpty(true);
      return;
    }
    this.confirmEmpty = false;
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
      failed: (code) => {
        // The call is still open: keep saving it.
        this.saver.resume();
        // The switch is on but nothing was typed: the first contact field is the one to fill.
        return code === 'contact_details_missing' ? { field: ids.contact('name') } : undefined;
      },
    });
  }

  /** Whether the follow-up field holds a day, or nothing. */
  private followUpValid(): boolean {
    const typed = this.followUpTyped;
    return typed === null || typed.trim() === '' || typedDay(typed) !== null;
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

  private askEmpty(confirm: boolean): void {
    this.confirmEmpty = confirm;
    this.ctx.redraw(this);
    // Back to the call is the answer that loses nothing; without the question, the notes.
    this.ctx.focus(confirm ? ids.emptyBack : ids.notes);
  }

  /** The shell copies, so that the number comes off the clipboard again (30 s, or a lock). */
  private async copyNumber(): Promise<void> {
    try {
      await ipc.copyCaseNumber(this.call.draftId);
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

  /** A field changed: save, and bring the header's level and the details' summary up to date. */
  private changed(): void {
    this.saver.changed();
    if (!this.shown) return;
    this.shown.level.replaceChildren(levelBadge(this.content.level));
    this.shown.chosen.replaceChildren(...detailsChosen(this.content, this.ctx.settings));
  }

  private elapsed(): string {
    return formatTimer(Date.now() - Date.parse(this.call.startedAt));
  }

  render(): Rendered {
    const { form, notes, details } = this.form();
    const header = this.header(details.chosen);
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, null),
      el(
        'section',
        { id: ids.screen, class: 'screen call', 'aria-labelledby': ids.title },
        el('h2', { id: ids.title, class: 'visually-hidden' }, t('call-title')),
        header,
        form,
      ),
    );
    return { root, focus: notes };
  }

  /** The header that stays on screen: what to read aloud, how long, saved or not, the level, End call. */
  private header(chosen: HTMLElement): HTMLElement {
    const { call } = this;
    const busy = this.ctx.tasks.busy;
    // Only the timer's text changes between drawings.
    this.timer ??= setInterval(() => {
      const text = this.elapsed();
      const timer = this.shown?.timer;
      if (timer && timer.textContent !== text) timer.textContent = text;
    }, 250);

    const number = el(
      'p',
      { id: ids.caseNumber, class: 'case-number big-number', dir: 'ltr', translate: 'no', tabindex: '-1' },
      call.caseNumber,
    );
    const arabic =
      currentLanguage() === 'ar'
        ? el(
            'p',
            { id: ids.caseNumberArabic, class: 'case-number arabic-number', dir: 'ltr', translate: 'no', lang: 'ar' },
            toArabicIndic(call.caseNumber),
          )
        : null;
    const copy = el('button', { id: ids.copy, type: 'button', class: 'secondary small' }, t('copy-case-number'));
    copy.addEventListener('click', () => void this.copyNumber());
    const timer = el('time', { id: ids.timer, role: 'timer', 'aria-live': 'off' }, this.elapsed());
    const copyStatus = el('span', { id: ids.copyStatus, role: 'status', class: 'status' }, copyText(this.copy));
    const saveStatus = el(
      'p',
      { id: ids.saveStatus, role: 'status', class: `autosave ${this.saveState}`, 'data-state': this.saveState },
      saveStateText(this.saveState),
    );
    const level = el('span', { id: ids.currentLevel }, levelBadge(this.content.level));
    const summary = this.call.case ? caseSummaryParts(this.call.case) : [];
    const caseSummary = el('p', { id: ids.caseSummary, class: 'case-summary', hidden: summary.length === 0 }, ...summary);
    this.shown = { number, timer, copyStatus, saveStatus, level, chosen };

    const end = el(
      'button',
      { id: ids.end, type: 'button', class: 'end-call', disabled: busy, 'aria-keyshortcuts': 'Alt+E', title: t('end-call') },
      busy ? t('working') : t('end-call'),
    );
    end.addEventListener('click', () => void this.end());

    return el(
      'div',
      { id: ids.header, class: 'call-header' },
      el(
        'div',
        { class: 'number-box' },
        el('p', { class: 'number-label' }, t(call.newCase ? 'call-new-case' : 'call-returning')),
        el('div', { class: 'number-row' }, number, arabic, copy, copyStatus),
      ),
      el(
        'div',
        { class: 'call-meta' },
        el('p', { class: 'timer' }, el('span', { class: 'label' }, t('call-timer-label')), ' ', timer),
        saveStatus,
        el('p', { class: 'current-level' }, el('span', { class: 'label' }, t('level-legend')), ' ', level),
        caseSummary,
      ),
      el('div', { class: 'end-box' }, end),
      this.confirmEmpty ? this.emptyQuestion() : null,
    );
  }

  /** End call with nothing recorded: discard it, save it all the same, or go back to it. */
  private emptyQuestion(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const discard = el('button', { id: ids.emptyDiscard, type: 'button', class: 'danger', disabled: busy }, t('empty-call-discard'));
    const save = el('button', { id: ids.emptySave, type: 'button', class: 'secondary', disabled: busy }, t('empty-call-save'));
    const back = el('button', { id: ids.emptyBack, type: 'button', class: 'secondary' }, t('empty-call-back'));
    discard.addEventListener('click', () => void this.discard());
    save.addEventListener('click', () => void this.end(true));
    back.addEventListener('click', () => this.askEmpty(false));
    const question = el(
      'div',
      { id: ids.emptyConfirm, class: 'confirm', role: 'group', 'aria-labelledby': ids.emptyQuestion },
      el('p', { id: ids.emptyQuestion, class: 'warning' }, t('empty-call-question')),
      el('div', { class: 'actions' }, back, discard, save),
    );
    // Escape goes back to the call; it never discards.
    question.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.askEmpty(false);
      }
    });
    return question;
  }

  /** A returning caller's earlier calls, newest first, collapsible. */
  /**
   * A returning caller's case with a follow-up: it stays with the case until this call does it
   * (the box) or agrees another (the date below).
   */
  private pendingFollowUp(change: () => void): HTMLElement | null {
    const pending = this.call.case;
    const due = pending ? followUpDue(pending) : null;
    if (!pending?.followUp || !due) return null;
    const done = checkField(ids.followUpDone, t('follow-up-done-label'), this.content.followUpDone);
    done.input.addEventListener('change', () => {
      this.content.followUpDone = done.input.checked;
      change();
    });
    return el(
      'div',
      { class: 'field pending-follow-up' },
      el('p', { class: 'hint' }, t('follow-up-pending'), ' ', due),
      done.block,
    );
  }

  private storySection(): HTMLElement | null {
    if (this.call.newCase) return null;
    const { story } = this;
    let body: HTMLElement;
    if (story === null) body = el('p', { class: 'hint' }, t(this.storyFailed ? 'call-story-failed' : 'call-story-loading'));
    else if (story.calls.length === 0) body = el('p', { class: 'empty' }, t('history-no-calls'));
    else {
      body = el(
        'ol',
        { id: ids.storyCalls, class: 'history-calls compact' },
        ...newestFirst(story.calls).map((item) => callItem(item, this.ctx.settings.referrals, 'h5')),
      );
    }
    return el(
      'details',
      { id: ids.story, class: 'case-story', open: true },
      el('summary', {}, t('call-story-title', { calls: story?.calls.length ?? 0 })),
      body,
    );
  }

  private form(): { form: HTMLElement; notes: HTMLTextAreaElement; details: { chosen: HTMLElement } } {
    const { content } = this;
    const settings = this.ctx.settings;
    const busy = this.ctx.tasks.busy;
    const change = (): void => this.changed();

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
    // The UI language's digits, any digits read back, the day named beside it as the UI writes it.
    const followUp = dayInput(ids.followUp, `${ids.followUpDay} ${ids.followUpHint}`);
    followUp.value = this.followUpTyped ?? inUiDigits(content.followUp ?? '');
    const followUpDay = el('span', { id: ids.followUpDay, class: 'day-name' }, content.followUp ? formatDay(content.followUp) : '');
    followUp.addEventListener('input', () => {
      this.followUpTyped = followUp.value;
      const value = typedDay(followUp.value);
      followUpDay.textContent = value ? formatDay(value) : '';
      if (value === content.followUp) return;
      content.followUp = value;
      change();
    });
    // Said once the volunteer leaves the field, not at every keystroke.
    followUp.addEventListener('change', () => {
      if (!this.followUpValid()) this.ctx.showError('date_invalid', null, ids.followUp);
    });

    const notes = el('textarea', {
      id: ids.notes,
      name: ids.notes,
      rows: '12',
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

    // --- discard ------------------------------------------------------------------------------
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

    // --- the demographic fields, collapsible: the summary says what is chosen ---------------------
    const chosen = el('span', { id: ids.detailsSummary, class: 'chosen' }, ...detailsChosen(content, settings));
    const details = el(
      'details',
      { id: ids.details, class: 'call-details-fields', open: this.detailsOpen },
      el('summary', {}, el('span', { class: 'summary-title' }, t('call-details-title')), ' ', chosen),
      el(
        'div',
        { class: 'details-grid' },
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
        section(
          'call-section-referrals',
          t('call-section-referrals'),
          ...(referralBoxes.length > 0 ? referralBoxes : [el('p', { class: 'hint' }, t('referrals-none-available'))]),
        ),
      ),
    );
    details.addEventListener('toggle', () => {
      this.detailsOpen = details.open;
    });

    const form = el(
      'form',
      { id: ids.form, class: 'call-form', novalidate: true },
      el(
        'div',
        { class: 'call-columns' },
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
        ),
        el(
          'div',
          { class: 'call-assessment' },
          ladder(content, settings, change),
          el('div', { class: 'field' }, el('label', { for: ids.nextSteps }, t('next-steps-label')), nextSteps),
          this.pendingFollowUp(change),
          el(
            'div',
            { class: 'field' },
            el('label', { for: ids.followUp }, t('follow-up-label')),
            el('div', { class: 'date-row' }, followUp, followUpDay),
            el('p', { id: ids.followUpHint, class: 'hint' }, t('follow-up-hint', { example: inUiDigits(today()) })),
          ),
        ),
      ),
      this.storySection(),
      details,
      discardArea,
    );
    // Enter in a text field must not end anything.
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('focusout', () => this.saver.saveNow());

    return { form, notes, details: { chosen } };
  }
}
