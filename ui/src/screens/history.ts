import { caseNumber, el } from '../dom';
import { t } from '../i18n';
import * as ipc from '../ipc';
import type { CaseHistory } from '../ipc';
import { callItem, newestFirst } from './call-view';
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
