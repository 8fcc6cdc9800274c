import { caseNumber, el, field } from '../dom';
import { formatDateTime } from '../format';
import { formatNodes, t } from '../i18n';
import * as ipc from '../ipc';
import type { Unfinished } from '../ipc';
import { resumedCall } from './call';
import { CasesPart } from './cases';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

export const ids = {
  screen: 'home',
  title: 'home-title',
  user: 'home-user',
  role: 'home-role',
  retentionExpired: 'retention-expired',
  unfinished: 'unfinished-calls',
  unfinishedTitle: 'unfinished-title',
  /** The first unfinished call's Continue button. */
  resumeFirst: 'resume-call-0',
  newCall: 'new-call',
  newCallHint: 'new-call-hint',
  lookupForm: 'lookup-form',
  lookupTitle: 'lookup-title',
  lookupNumber: 'lookup-number',
  lookupSubmit: 'lookup-submit',
} as const;

/** After unlocking: unfinished calls first, then new call, returning caller and the cases. */
export class HomeScreen implements Screen {
  private unfinished: Unfinished[] = [];
  /** The draft whose discard waits for a yes. */
  private confirmDiscard: string | null = null;
  private readonly cases: CasesPart;
  /** The No of the question about discarding, as last drawn. */
  private discardCancel: HTMLElement | null = null;

  /** `casesExpired`: cases the retention period destroyed at sign-in (shown to supervisors). */
  constructor(
    private readonly ctx: SessionContext,
    private readonly casesExpired = 0,
  ) {
    this.cases = new CasesPart(ctx, this, 'h3');
  }

  /** The unfinished calls and the cases fill in when they arrive. */
  async load(): Promise<void> {
    const request = this.cases.begin();
    let failed: unknown = null;
    let untouched = false;
    await this.ctx.tasks.load(this, {
      ask: () => Promise.allSettled([ipc.unfinishedCalls(), ipc.listCases(this.ctx.casesFilter)]),
      done: ([unfinished, cases]) => {
        if (unfinished.status === 'fulfilled') this.unfinished = unfinished.value;
        else failed = unfinished.reason;
        failed ??= this.cases.receive(request, cases);
        const active = document.activeElement;
        untouched = active === null || active === document.body || active.id === ids.title;
      },
      drawn: () => {
        if (failed !== null) {
          const error = this.ctx.tasks.failure(failed);
          if (error === null) return;
          this.ctx.showError(error.code, error.limit);
        }
        // An unfinished call comes first: offer it where the focus is.
        if (this.unfinished.length > 0 && untouched) this.ctx.focus(ids.resumeFirst);
      },
    });
  }

  /** Finds a case by what was typed; a wrong number keeps the field as typed. */
  private async lookup(typed: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    if (typed.trim() === '') {
      this.ctx.fail('case_number_empty', ids.lookupNumber);
      return;
    }
    await this.ctx.tasks.run(this, {
      // The raw text: the Rust side parses spaces, dashes and Arabic or Persian digits.
      ask: () => ipc.findCase(typed),
      done: (history) => this.ctx.showHistory(history, false),
      failed: () => ({ field: ids.lookupNumber }),
    });
  }

  private resume(draft: Unfinished): void {
    if (this.ctx.tasks.busy) return;
    // Only a new case's draft can be told from a blank call: a returning caller's starts filled in.
    this.ctx.openCall(resumedCall(draft, draft.newCase ? this.ctx.blankCall : null));
  }

  private askDiscard(draftId: string | null): void {
    this.confirmDiscard = draftId;
    this.ctx.redraw(this);
    if (draftId !== null) this.discardCancel?.focus();
  }

  private async discard(draftId: string): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.discardCall(draftId),
      done: () => this.ctx.goHome(),
      failed: (code) => {
        this.confirmDiscard = null;
        if (code === 'no_such_call') this.ctx.goHome();
      },
    });
  }

  private unfinishedSection(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const list = el('ul', { class: 'unfinished-list' });
    this.unfinished.forEach((draft, index) => {
      const resume = el(
        'button',
        { id: index === 0 ? ids.resumeFirst : undefined, type: 'button', class: 'resume-call', disabled: busy },
        t('resume-call'),
      );
      resume.addEventListener('click', () => this.resume(draft));
      const item = el(
        'li',
        { class: 'unfinished-call', 'data-draft': draft.draftId },
        el(
          'p',
          {},
          ...formatNodes('unfinished-call', { number: caseNumber(draft.caseNumber) }, {
            started: formatDateTime(draft.startedAt),
          }),
        ),
      );
      if (this.confirmDiscard === draft.draftId) {
        const yes = el('button', { type: 'button', class: 'danger discard-unfinished-confirm', disabled: busy }, t('discard-unfinished-confirm'));
        const no = el('button', { type: 'button', class: 'secondary discard-unfinished-cancel' }, t('confirm-cancel'));
        yes.addEventListener('click', () => void this.discard(draft.draftId));
        no.addEventListener('click', () => this.askDiscard(null));
        this.discardCancel = no;
        item.append(
          el(
            'div',
            { class: 'confirm', role: 'group', 'aria-label': t('discard-unfinished-question') },
            el('p', { class: 'warning' }, t('discard-unfinished-question')),
            el('div', { class: 'actions' }, no, yes),
          ),
        );
      } else {
        const discard = el('button', { type: 'button', class: 'secondary discard-unfinished', disabled: busy }, t('discard-unfinished'));
        discard.addEventListener('click', () => this.askDiscard(draft.draftId));
        item.append(el('div', { class: 'actions' }, resume, discard));
      }
      list.append(item);
    });
    return el(
      'section',
      { id: ids.unfinished, class: 'unfinished', role: 'region', 'aria-labelledby': ids.unfinishedTitle },
      el('h3', { id: ids.unfinishedTitle }, t('unfinished-title')),
      list,
    );
  }

  render(): Rendered {
    const { session } = this.ctx;
    const busy = this.ctx.tasks.busy;
    const casesExpired = session.role === 'supervisor' ? this.casesExpired : 0;
    this.discardCancel = null;
    // The name is text in its own isolate, so a name in another script displays right.
    const name = el('bdi', { id: ids.user }, session.user);
    const heading = el('h2', { id: ids.title, tabindex: '-1' }, ...formatNodes('home-greeting', { user: name }));

    const newCall = el(
      'button',
      {
        id: ids.newCall,
        type: 'button',
        class: 'big',
        disabled: busy,
        'aria-keyshortcuts': 'Alt+N',
        title: t('new-call'),
        'aria-describedby': ids.newCallHint,
      },
      t('new-call'),
    );
    newCall.addEventListener('click', () => this.ctx.newCall(null));

    const lookup = field(
      ids.lookupNumber,
      t('lookup-label'),
      {
        type: 'text',
        inputmode: 'numeric',
        autocomplete: 'off',
        spellcheck: 'false',
        dir: 'ltr',
        translate: 'no',
        class: 'case-number-input',
      },
      t('lookup-hint'),
    );
    const lookupSubmit = el('button', { id: ids.lookupSubmit, type: 'submit', disabled: busy }, t('lookup-submit'));
    const lookupForm = el(
      'form',
      { id: ids.lookupForm, class: 'lookup', novalidate: true, 'aria-labelledby': ids.lookupTitle },
      el('h3', { id: ids.lookupTitle }, t('lookup-title')),
      el('div', { class: 'inline-form' }, lookup.block, lookupSubmit),
    );
    lookupForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.lookup(lookup.input.value);
    });

    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'home'),
      el(
        'section',
        { id: ids.screen, class: 'screen', 'aria-labelledby': ids.title },
        heading,
        el('p', { id: ids.role, 'data-role': session.role }, t('home-role', { role: session.role })),
        casesExpired > 0
          ? el('p', { id: ids.retentionExpired, class: 'notice', role: 'status' }, t('retention-expired', { cases: casesExpired }))
          : null,
        this.unfinished.length > 0 ? this.unfinishedSection() : null,
        el(
          'div',
          { class: 'start' },
          el('div', { class: 'new-call' }, newCall, el('p', { id: ids.newCallHint, class: 'hint' }, t('new-call-hint'))),
          lookupForm,
        ),
        this.cases.render(),
      ),
    );
    const firstResume = root.querySelector<HTMLElement>(`#${ids.resumeFirst}`);
    return { root, focus: firstResume ?? heading };
  }
}
