import { caseNumber, el } from '../dom';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import * as ipc from '../ipc';
import { toIpcError, type CallView, type CaseHistory, type LimitView } from '../ipc';
import { callItem, newestFirst } from './call-view';
import { Correction, correctionField, ids as correctionIds } from './correction';
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
  /** A call's item, by its id. */
  call: (callId: string) => `history-call-${callId}`,
  correct: (callId: string) => `correct-call-${callId}`,
  correctableUntil: (callId: string) => `correctable-until-${callId}`,
  corrected: 'history-corrected',
  correction: correctionIds,
} as const;

/** One case: its number, open or closed, every call newest first, and a new call on it. */
export class HistoryScreen implements Screen {
  /** The call being corrected, in place of its item; null when none is. */
  private correcting: Correction | null = null;
  /** A correction was saved: the notice says so until the next change. */
  private corrected = false;

  /** `ended`: shown after a call was ended, which was saved in this case. */
  constructor(
    private readonly ctx: SessionContext,
    private history: CaseHistory,
    private ended: boolean,
  ) {}

  private startCorrecting(call: CallView): void {
    if (this.ctx.tasks.busy) return;
    this.correcting = new Correction(call);
    this.corrected = false;
    this.ended = false;
    this.ctx.redraw(this);
    this.ctx.focus(correctionIds.level(call.level));
  }

  private cancelCorrecting(): void {
    const callId = this.correcting?.call.callId;
    this.correcting = null;
    this.ctx.redraw(this);
    if (callId) this.ctx.focus(ids.correct(callId));
  }

  private async saveCorrection(): Promise<void> {
    const correction = this.correcting;
    if (!correction || this.ctx.tasks.busy) return;
    if (!correction.followUpValid()) {
      this.ctx.fail('date_invalid', correctionIds.followUp);
      return;
    }
    // The task runner passes a refusal's code on; its limit says which field it is about.
    let limit: LimitView | null = null;
    await this.ctx.tasks.run(this, {
      ask: () =>
        ipc.correctCall(correction.call.callId, structuredClone(correction.content)).catch((reason: unknown) => {
          limit = toIpcError(reason).limit;
          throw reason;
        }),
      done: (history) => {
        this.history = history;
        this.correcting = null;
        this.corrected = true;
      },
      drawn: () => this.ctx.focus(ids.corrected),
      failed: () => ({ field: correctionField(limit) }),
    });
  }

  private async setOpen(open: boolean): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.setCaseOpen(this.history.caseNumber, open),
      done: () => {
        this.history = { ...this.history, open };
        this.ended = false;
        this.corrected = false;
      },
      drawn: () => this.ctx.focus(ids.toggleOpen),
    });
  }

  /** A call's item; the call being corrected is its form instead, and one its user may correct has the button. */
  private item(call: CallView): HTMLElement {
    const busy = this.ctx.tasks.busy;
    if (this.correcting?.call.callId === call.callId) {
      return el('li', { class: 'history-call correcting' }, this.correcting.render(busy, () => void this.saveCorrection(), () => this.cancelCorrecting()));
    }
    let actions: HTMLElement | undefined;
    if (call.correctableUntil !== null) {
      const hint = ids.correctableUntil(call.callId);
      const button = el(
        'button',
        { id: ids.correct(call.callId), type: 'button', class: 'secondary', disabled: busy || this.correcting !== null, 'aria-describedby': hint },
        t('history-correct'),
      );
      button.addEventListener('click', () => this.startCorrecting(call));
      actions = el(
        'div',
        { class: 'correct-call' },
        button,
        el('p', { id: hint, class: 'hint' }, t('history-correctable-until', { time: formatDateTime(call.correctableUntil) })),
      );
    }
    return callItem(call, this.ctx.settings.referrals, 'h4', { id: ids.call(call.callId), actions });
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
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'cases'),
      el(
        'section',
        { id: ids.screen, class: 'screen history', 'aria-labelledby': ids.title },
        title,
        this.ended ? el('p', { id: ids.confirmation, class: 'notice', role: 'status' }, t('history-ended')) : null,
        this.corrected ? el('p', { id: ids.corrected, class: 'notice', role: 'status', tabindex: '-1' }, t('history-corrected')) : null,
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
          : el('ol', { id: ids.calls, class: 'history-calls', 'aria-labelledby': ids.callsTitle }, ...calls.map((call) => this.item(call))),
      ),
    );
    return { root, focus: title };
  }
}
