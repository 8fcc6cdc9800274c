// The compact form that corrects a finished call in its case's history: what a volunteer most
// often gets wrong in a hurry (the level, channel and language, next steps, follow-up, notes).
// The other fields are sent as they were.

import { dayInput, el, selectField } from '../dom';
import { formatDay, inUiDigits, today, typedDay } from '../format';
import { hasMessage, t, type MessageId } from '../i18n';
import { CALL_LANGUAGES, CHANNELS, LEVELS, LIMITS, type CallContent, type CallView, type Level, type LimitView } from '../ipc';
import { contentOf } from './call-view';

export const ids = {
  form: 'correction-form',
  title: 'correction-title',
  levelLegend: 'correction-level-legend',
  level: (level: Level) => `correction-level-${level}`,
  channel: 'correction-channel',
  language: 'correction-language',
  nextSteps: 'correction-next-steps',
  followUp: 'correction-follow-up',
  followUpDay: 'correction-follow-up-day',
  followUpHint: 'correction-follow-up-hint',
  notes: 'correction-notes',
  save: 'correction-save',
  cancel: 'correction-cancel',
} as const;

function options<V extends string>(values: readonly V[], prefix: string): { value: V; text: string }[] {
  return values.map((value) => {
    const id = `${prefix}${value}`;
    return { value, text: hasMessage(id) ? t(id as MessageId) : value };
  });
}

/** The form's field for a refusal: the field a core limit names, else the form's Save button. */
export function correctionField(limit: LimitView | null): string {
  if (limit?.field === 'next_steps') return ids.nextSteps;
  if (limit?.field === 'notes') return ids.notes;
  return ids.save;
}

/** One call being corrected: the content as edited so far, from the call's own. */
export class Correction {
  readonly content: CallContent;
  /** The follow-up field as typed; it may hold no day yet. */
  private followUpTyped: string;

  constructor(readonly call: CallView) {
    this.content = contentOf(call);
    this.followUpTyped = inUiDigits(call.followUp ?? '');
  }

  /** Whether the follow-up field holds a day, or nothing. */
  followUpValid(): boolean {
    return this.followUpTyped.trim() === '' || typedDay(this.followUpTyped) !== null;
  }

  render(busy: boolean, save: () => void, cancel: () => void): HTMLElement {
    const { content } = this;
    const radios = el('div', { class: 'correction-levels', role: 'radiogroup', 'aria-labelledby': ids.levelLegend });
    for (const level of LEVELS) {
      const radio = el('input', { id: ids.level(level), name: ids.form + '-level', type: 'radio', value: level });
      radio.checked = content.level === level;
      radio.addEventListener('change', () => {
        if (radio.checked) content.level = level;
      });
      radios.append(el('div', { class: 'check' }, radio, el('label', { for: radio.id }, t(`level-${level}`))));
    }
    const channel = selectField(ids.channel, t('call-channel-label'), options(CHANNELS, 'channel-'), content.channel, (value) => {
      content.channel = value;
    });
    const language = selectField(ids.language, t('call-language-label'), options(CALL_LANGUAGES, 'call-language-'), content.language, (value) => {
      content.language = value;
    });
    const nextSteps = el('textarea', { id: ids.nextSteps, name: ids.nextSteps, rows: '2', dir: 'auto', maxlength: String(LIMITS.nextStepsChars) });
    nextSteps.value = content.nextSteps;
    nextSteps.addEventListener('input', () => {
      content.nextSteps = nextSteps.value;
    });
    // The UI language's digits, any digits read back, the day named beside it as the UI writes it.
    const followUp = dayInput(ids.followUp, `${ids.followUpDay} ${ids.followUpHint}`);
    followUp.value = this.followUpTyped;
    const followUpDay = el('span', { id: ids.followUpDay, class: 'day-name' }, content.followUp ? formatDay(content.followUp) : '');
    followUp.addEventListener('input', () => {
      this.followUpTyped = followUp.value;
      content.followUp = typedDay(followUp.value);
      followUpDay.textContent = content.followUp ? formatDay(content.followUp) : '';
    });
    const notes = el('textarea', { id: ids.notes, name: ids.notes, rows: '5', dir: 'auto', maxlength: String(LIMITS.notesChars) });
    notes.value = content.notes;
    notes.addEventListener('input', () => {
      content.notes = notes.value;
    });

    const saveButton = el('button', { id: ids.save, type: 'submit', disabled: busy }, t('correction-save'));
    const cancelButton = el('button', { id: ids.cancel, type: 'button', class: 'secondary', disabled: busy }, t('correction-cancel'));
    cancelButton.addEventListener('click', cancel);
    const form = el(
      'form',
      { id: ids.form, class: 'correction', 'aria-labelledby': ids.title, novalidate: true },
      el('h4', { id: ids.title }, t('correction-title')),
      el('p', { class: 'hint' }, t('correction-kept')),
      el('fieldset', { class: 'group level' }, el('legend', { id: ids.levelLegend }, t('level-legend')), radios),
      el('div', { class: 'correction-row' }, channel.block, language.block),
      el('div', { class: 'field' }, el('label', { for: ids.nextSteps }, t('next-steps-label')), nextSteps),
      el(
        'div',
        { class: 'field' },
        el('label', { for: ids.followUp }, t('follow-up-label')),
        el('div', { class: 'date-row' }, followUp, followUpDay),
        el('p', { id: ids.followUpHint, class: 'hint' }, t('follow-up-hint', { example: inUiDigits(today()) })),
      ),
      el('div', { class: 'field' }, el('label', { for: ids.notes }, t('notes-label')), notes),
      el('div', { class: 'actions' }, saveButton, cancelButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save();
    });
    return form;
  }
}
