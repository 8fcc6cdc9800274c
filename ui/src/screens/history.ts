import { caseNumber, el, userText } from '../dom';
import { durationMinutes, formatDateTime, formatDay, listNodes } from '../format';
import { t } from '../i18n';
import * as ipc from '../ipc';
import { levelStep, type CallView, type CaseHistory, type Referral } from '../ipc';
import { referralName } from './call';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

export const ids = {
  screen: 'case-history',
  title: 'history-title',
  confirmation: 'history-confirmation',
  caseNumber: 'history-case-number',
  state: 'case-state',
  newCall: 'new-call-on-case',
  toggleOpen: 'case-open-toggle',
  callsTitle: 'history-calls-title',
  calls: 'history-calls',
} as const;

/** Newest first, whatever order they came in. */
export function newestFirst(calls: readonly CallView[]): CallView[] {
  return calls
    .map((call, index) => ({ call, index, time: Date.parse(call.startedAt) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map((item) => item.call);
}

function row(term: string, ...value: (Node | string | null)[]): HTMLElement[] {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function callItem(call: CallView, referrals: readonly Referral[]): HTMLElement {
  const minutes = durationMinutes(call.startedAt, call.endedAt);
  const identity = call.caller.identity;
  const contact: HTMLElement[] = [];
  if (identity.choice === 'gave_contact_details') {
    // A name may be in any script; a phone number or an address always reads left to right.
    if (identity.name) contact.push(...row(t('contact-name-label'), userText(identity.name, { dir: 'auto' })));
    if (identity.phone) contact.push(...row(t('contact-phone-label'), userText(identity.phone, { dir: 'ltr' })));
    if (identity.email) contact.push(...row(t('contact-email-label'), userText(identity.email, { dir: 'ltr' })));
  }
  const details = el(
    'dl',
    { class: 'call-details' },
    ...row(t('history-duration'), minutes === null ? t('duration-unknown') : t('duration-minutes', { minutes })),
    ...row(t('history-channel'), t(`channel-${call.channel}`)),
    ...row(t('history-language'), t(`call-language-${call.language}`)),
    ...row(t('history-level'), el('span', { class: `level level-${levelStep(call.level)}` }, t(`level-${call.level}`))),
    ...row(
      t('history-caller'),
      t('history-caller-value', {
        relationship: t(`relationship-${call.caller.relationship}`),
        gender: t(`gender-${call.caller.gender}`),
      }),
    ),
    ...(contact.length > 0 ? contact : row(t('history-contact'), t('history-anonymous'))),
    ...row(
      t('history-person'),
      t('history-person-value', {
        gender: t(`gender-${call.person.gender}`),
        age: t(`age-${call.person.ageBand}`),
        situation: t(`situation-${call.person.situation}`),
        environment: t(`environment-${call.person.environment}`),
      }),
    ),
    ...row(
      t('history-referrals'),
      ...(call.referrals.length === 0 ? [t('value-none')] : listNodes(call.referrals.map((code) => referralName(code, referrals)))),
    ),
    ...row(
      t('history-next-steps'),
      call.nextSteps.trim() === '' ? t('value-none') : el('span', { class: 'pre', dir: 'auto' }, call.nextSteps),
    ),
    ...row(t('history-follow-up'), call.followUp ? formatDay(call.followUp) : t('value-none')),
  );
  return el(
    'li',
    { class: call.escalated ? 'history-call escalated' : 'history-call' },
    el(
      'h4',
      {},
      el('time', { datetime: call.startedAt }, formatDateTime(call.startedAt)),
      call.escalated ? el('span', { class: 'history-escalated', role: 'note' }, t('history-escalated')) : null,
    ),
    details,
    el('h5', {}, t('history-notes')),
    el('p', { class: 'history-notes', dir: 'auto' }, call.notes.trim() === '' ? t('value-none') : call.notes),
  );
}

/** One case: its number, open or closed, every call newest first, and a new call on it. */
export class HistoryScreen implements Screen {
  /** `ended`: shown after a call was ended, which was saved in this case. */
  constructor(
    private readonly ctx: SessionContext,
    private history: CaseHistory,
    private ended: boolean,
  ) {}

  private async setOpen(open: boolean): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.setCaseOpen(this.history.caseNumber, open),
      done: () => {
        this.history = { ...this.history, open };
        this.ended = false;
      },
      drawn: () => this.ctx.focus(ids.toggleOpen),
    });
  }

  render(): Rendered {
    const { history } = this;
    const busy = this.ctx.tasks.busy;
    const title = el('h2', { id: ids.title, tabindex: '-1' }, t('history-title'));
    const toggle = el(
      'button',
      { id: ids.toggleOpen, type: 'button', class: 'secondary', disabled: busy, 'aria-describedby': ids.state },
      t(history.open ? 'case-close' : 'case-reopen'),
    );
    toggle.addEventListener('click', () => void this.setOpen(!history.open));
    const newCall = el('button', { id: ids.newCall, type: 'button', disabled: busy }, t('new-call-on-case'));
    newCall.addEventListener('click', () => this.ctx.newCall(history.caseNumber));
    const calls = newestFirst(history.calls);
    const referrals = this.ctx.settings.referrals;
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'cases'),
      el(
        'section',
        { id: ids.screen, class: 'screen history', 'aria-labelledby': ids.title },
        title,
        this.ended ? el('p', { id: ids.confirmation, class: 'notice', role: 'status' }, t('history-ended')) : null,
        el(
          'div',
          { class: 'history-head' },
          el(
            'p',
            { class: 'number-line' },
            el('span', { class: 'label' }, t('history-case-number-label')),
            ' ',
            caseNumber(history.caseNumber, { id: ids.caseNumber, class: 'case-number big-number' }),
          ),
          el(
            'p',
            { id: ids.state, class: history.open ? 'state open' : 'state closed', 'data-open': String(history.open) },
            t('case-state', { open: history.open ? 'yes' : 'no' }),
          ),
          el('div', { class: 'actions' }, newCall, toggle),
        ),
        el('h3', { id: ids.callsTitle }, t('history-calls')),
        calls.length === 0
          ? el('p', { class: 'empty' }, t('history-no-calls'))
          : el('ol', { id: ids.calls, class: 'history-calls', 'aria-labelledby': ids.callsTitle }, ...calls.map((call) => callItem(call, referrals))),
      ),
    );
    return { root, focus: title };
  }
}
