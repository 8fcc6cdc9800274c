// A recorded call as the history and the call screen's story of a case show it: only what was
// stated, in one compact definition list, so a case of many calls reads at a glance.

import { el, userText } from '../dom';
import { durationMinutes, formatDateTime, formatDay, formatList, listNodes } from '../format';
import { hasMessage, isDefaultReferral, t, type MessageId } from '../i18n';
import { levelStep, type CallContent, type CallView, type Referral } from '../ipc';

/** Codes that say nothing was stated: a call that has them shows no row for them. */
const NOT_STATED: readonly string[] = ['not_stated', 'unknown', 'other_unknown'];

export function stated(code: string): boolean {
  return !NOT_STATED.includes(code);
}

/** The name of a referral: its own label (user text), the built-in translation, or its code. */
export function referralName(code: string, referrals: readonly Referral[]): Node | string {
  const entry = referrals.find((item) => item.code === code);
  if (entry?.label) return userText(entry.label, { dir: 'auto' });
  if (isDefaultReferral(code)) return t(`referral-${code}`);
  return userText(code, { dir: 'ltr', class: 'code' });
}

/** A value's translation, or its code when there is none (a code newer than the UI). */
function valueText(prefix: string, code: string): string {
  const id = `${prefix}${code}`;
  return hasMessage(id) ? t(id as MessageId) : code;
}

/** Newest first, whatever order they came in. */
export function newestFirst(calls: readonly CallView[]): CallView[] {
  return calls
    .map((call, index) => ({ call, index, time: Date.parse(call.startedAt) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map((item) => item.call);
}

/** How long a call took: never "0 min"; nothing known without an end. */
export function durationText(call: CallView): string {
  const minutes = durationMinutes(call.startedAt, call.endedAt);
  if (minutes === null || call.endedAt === null) return t('duration-unknown');
  const underAMinute = Date.parse(call.endedAt) - Date.parse(call.startedAt) < 60_000;
  return underAMinute ? t('duration-under-minute') : t('duration-minutes', { minutes });
}

function row(term: string, ...value: (Node | string)[]): HTMLElement[] {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

/** The call's stated facts, one row each; rows of nothing stated are left out. */
function details(call: CallView, referrals: readonly Referral[]): HTMLElement {
  const rows: HTMLElement[] = [];
  const how = [valueText('channel-', call.channel), valueText('call-language-', call.language)].filter((_, index) =>
    stated(index === 0 ? call.channel : call.language),
  );
  if (how.length > 0) rows.push(...row(t('history-call'), formatList(how, 'unit')));
  const caller = [valueText('relationship-', call.caller.relationship), valueText('gender-', call.caller.gender)].filter(
    (_, index) => stated(index === 0 ? call.caller.relationship : call.caller.gender),
  );
  if (caller.length > 0) rows.push(...row(t('history-caller'), formatList(caller, 'unit')));
  const identity = call.caller.identity;
  if (identity.choice === 'gave_contact_details') {
    // A name may be in any script; a phone number or an address always reads left to right.
    if (identity.name) rows.push(...row(t('contact-name-label'), userText(identity.name, { dir: 'auto' })));
    if (identity.phone) rows.push(...row(t('contact-phone-label'), userText(identity.phone, { dir: 'ltr' })));
    if (identity.email) rows.push(...row(t('contact-email-label'), userText(identity.email, { dir: 'ltr' })));
  }
  const { person } = call;
  const about: string[] = [];
  if (stated(person.gender)) about.push(valueText('gender-', person.gender));
  if (stated(person.ageBand)) about.push(t('history-age', { age: valueText('age-', person.ageBand) }));
  if (stated(person.situation)) about.push(valueText('situation-', person.situation));
  if (stated(person.environment)) about.push(valueText('environment-', person.environment));
  if (about.length > 0) rows.push(...row(t('history-person'), formatList(about, 'unit')));
  if (call.referrals.length > 0) {
    rows.push(...row(t('history-referrals'), ...listNodes(call.referrals.map((code) => referralName(code, referrals)))));
  }
  if (call.nextSteps.trim() !== '') rows.push(...row(t('history-next-steps'), el('span', { class: 'pre', dir: 'auto' }, call.nextSteps)));
  if (call.followUp) rows.push(...row(t('history-follow-up'), formatDay(call.followUp)));
  return el('dl', { class: 'call-details' }, ...rows);
}

/** The level of a call as a badge, named as the ladder names it (or `name`, such as the short name). */
export function levelBadge(level: CallView['level'], name: string = t(`level-${level}`)): HTMLElement {
  return el('span', { class: `level level-${levelStep(level)}` }, name);
}

/** A recorded call's content, as `end_call` took it and `correct_call` takes it again (a copy). */
export function contentOf(call: CallView): CallContent {
  return structuredClone({
    channel: call.channel,
    language: call.language,
    level: call.level,
    caller: call.caller,
    person: call.person,
    referrals: call.referrals,
    nextSteps: call.nextSteps,
    followUp: call.followUp,
    followUpDone: call.followUpDone,
    notes: call.notes,
  });
}

/**
 * One recorded call: when, how long, its level, what was stated, and the notes if any;
 * `extra` (the history's correction button) comes last.
 */
export function callItem(
  call: CallView,
  referrals: readonly Referral[],
  heading: 'h4' | 'h5' = 'h4',
  extra: { id?: string; actions?: HTMLElement | undefined } = {},
): HTMLElement {
  return el(
    'li',
    { id: extra.id, class: call.escalated ? 'history-call escalated' : 'history-call' },
    el(
      heading,
      { class: 'history-call-head' },
      el('time', { datetime: call.startedAt }, formatDateTime(call.startedAt)),
      el('span', { class: 'duration' }, durationText(call)),
      levelBadge(call.level),
      call.escalated ? el('span', { class: 'history-escalated', role: 'note' }, t('history-escalated')) : null,
    ),
    details(call, referrals),
    call.notes.trim() === ''
      ? null
      : el('div', { class: 'history-notes-block' }, el('p', { class: 'notes-label' }, t('history-notes')), el('p', { class: 'history-notes', dir: 'auto' }, call.notes)),
    extra.actions ?? null,
  );
}
