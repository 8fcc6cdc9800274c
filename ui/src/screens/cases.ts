import { caseNumber, checkField, el } from '../dom';
import { formatCount, formatDateTime, formatDay, formatInteger } from '../format';
import { t } from '../i18n';
import * as ipc from '../ipc';
import { LEVELS, type CaseList, type CaseOverview, type CasesFilter, type CasesSort, type Level } from '../ipc';
import { levelBadge } from './call-view';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

/** What the cases list shows at first: open cases, at any level, whom to call first at the top. */
export function defaultFilter(): CasesFilter {
  return { openOnly: true, dueOnly: false, minStep: 0, sort: 'follow_up' };
}

/** The orders of the list, as the sort select offers them. */
const SORTS: readonly CasesSort[] = ['follow_up', 'level', 'last_call'];

export const ids = {
  screen: 'cases-screen',
  part: 'cases',
  title: 'cases-title',
  filterOpen: 'cases-filter-open',
  filterDue: 'cases-filter-due',
  filterLevel: 'cases-filter-level',
  sort: 'cases-sort',
  /** A row's button that opens the case, by the case number's digits. */
  open: (caseNumber: string) => `cases-open-${caseNumber.replace(/\D/g, '')}`,
  /** The Mark done button of a case's follow-up, by the case number's digits. */
  markDone: (caseNumber: string) => `cases-mark-done-${caseNumber.replace(/\D/g, '')}`,
  loading: 'cases-loading',
  capped: 'cases-capped',
  table: 'cases-table',
  empty: 'cases-empty',
};

/**
 * A level's cell, with the history's badge (short: the column names the level); `escalated`
 * adds the history's note, the marker a supervisor must not miss.
 */
function levelCell(level: Level, escalated = false): HTMLElement {
  return el(
    'td',
    { class: 'level-cell' },
    levelBadge(level, t(`level-short-${level}`)),
    escalated ? el('span', { class: 'history-escalated', role: 'note' }, t('history-escalated')) : null,
  );
}

/** The class and tag of a follow-up that has come: overdue or due today, told apart in words. */
function followUpMark(item: CaseOverview): { cls: string; tag: HTMLElement } | null {
  if (item.followUpState !== 'overdue' && item.followUpState !== 'today') return null;
  const cls = `follow-up-${item.followUpState}`;
  return { cls, tag: el('span', { class: `tag ${cls}` }, t(`cases-follow-up-${item.followUpState}`)) };
}


/**
 * The list of cases with its filters, as part of a screen (home, or the cases screen); each row
 * opens the case's history. The shell filters and caps the list; only the reply to the latest
 * request is shown.
 */
export class CasesPart {
  /** What the shell sent for the filter; null while on its way or when it could not be read. */
  private list: CaseList | null = null;
  private loading = true;
  /** Counts requests for the list. */
  private request = 0;

  constructor(
    private readonly ctx: SessionContext,
    private readonly screen: Screen,
    private readonly headingLevel: 'h2' | 'h3',
  ) {}

  /** Asks for the list with the session's filter, showing the loading state meanwhile. */
  async load(): Promise<void> {
    const request = ++this.request;
    if (!this.loading || this.list !== null) {
      this.loading = true;
      this.list = null;
      this.ctx.redraw(this.screen);
    }
    await this.ctx.tasks.load(this.screen, {
      superseded: () => request !== this.request,
      ask: () => ipc.listCases(this.ctx.casesFilter),
      done: (list) => {
        this.list = list;
        this.loading = false;
      },
      failed: () => {
        this.loading = false;
      },
    });
  }

  /** For a screen that asks for the list together with something else: the request's number. */
  begin(): number {
    return ++this.request;
  }

  /** The reply to request `begin` numbered; the reason it failed, or null. */
  receive(request: number, reply: PromiseSettledResult<CaseList>): unknown {
    // A filter changed meanwhile: its own request fills the list.
    if (request !== this.request) return null;
    this.loading = false;
    if (reply.status === 'rejected') return reply.reason;
    this.list = reply.value;
    return null;
  }

  private async open(caseNumber: string): Promise<void> {
    await this.ctx.tasks.run(this.screen, {
      ask: () => ipc.findCase(caseNumber),
      done: (history) => this.ctx.showHistory(history, false),
    });
  }

  private async markDone(caseNumber: string): Promise<void> {
    await this.ctx.tasks.run(this.screen, {
      ask: () => ipc.markFollowUpDone(caseNumber),
      // The case may now sort elsewhere, or leave a "follow-up due" list: ask for the list again,
      // then keep the focus at the case (its button is gone), or at the list when it left it.
      done: () =>
        void this.load().then(() => {
          const row = ids.open(caseNumber);
          this.ctx.focus(document.getElementById(row) ? row : ids.title);
        }),
    });
  }

  private filterChanged(filter: CasesFilter): void {
    this.ctx.setCasesFilter(filter);
    void this.load();
  }

  render(): HTMLElement {
    const { list } = this;
    const filter = this.ctx.casesFilter;
    const openOnly = checkField(ids.filterOpen, t('cases-filter-open'), filter.openOnly);
    const dueOnly = checkField(ids.filterDue, t('cases-filter-due'), filter.dueOnly);
    const level = el('select', { id: ids.filterLevel, name: ids.filterLevel });
    level.append(el('option', { value: '0' }, t('cases-filter-level-any')));
    for (const step of [1, 2, 3]) level.append(el('option', { value: String(step) }, t('cases-filter-level-min', { step })));
    level.value = String(filter.minStep);

    const sort = el('select', { id: ids.sort, name: ids.sort });
    for (const order of SORTS) sort.append(el('option', { value: order }, t(`cases-sort-${order}`)));
    sort.value = filter.sort;

    const busy = this.ctx.tasks.busy;
    const shown = list?.cases ?? [];
    const body = el(
      'tbody',
      {},
      ...shown.map((item) => {
        const mark = followUpMark(item);
        const open = el('button', { id: ids.open(item.caseNumber), type: 'button', class: 'case-link' }, caseNumber(item.caseNumber));
        open.addEventListener('click', () => void this.open(item.caseNumber));
        let done: HTMLElement | null = null;
        if (item.followUp !== null) {
          // Described by the case number, so each row's button says which case it is about.
          done = el(
            'button',
            { id: ids.markDone(item.caseNumber), type: 'button', class: 'secondary small', disabled: busy, 'aria-describedby': ids.open(item.caseNumber) },
            t('cases-mark-done'),
          );
          done.addEventListener('click', () => void this.markDone(item.caseNumber));
        }
        return el(
          'tr',
          { class: ['case-row', mark?.cls ?? '', item.open ? '' : 'closed'].filter(Boolean).join(' ') },
          el('th', { scope: 'row' }, open, item.open ? null : el('span', { class: 'tag' }, t('cases-closed'))),
          levelCell(item.latestLevel, item.escalated),
          levelCell(item.highestLevel),
          el('td', {}, item.lastCallAt ? formatDateTime(item.lastCallAt) : t('value-none')),
          el('td', { class: 'follow-up' }, item.followUp ? formatDay(item.followUp) : t('value-none'), mark?.tag ?? null, done),
          el('td', { class: 'number' }, formatInteger(item.calls)),
        );
      }),
    );
    const table = el(
      'table',
      { id: ids.table, class: 'cases-table', hidden: shown.length === 0 },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, t('cases-col-number')),
          el('th', { scope: 'col' }, t('cases-col-latest')),
          el('th', { scope: 'col' }, t('cases-col-highest')),
          el('th', { scope: 'col' }, t('cases-col-last-call')),
          el('th', { scope: 'col' }, t('cases-col-follow-up')),
          el('th', { scope: 'col', class: 'number' }, t('cases-col-calls')),
        ),
      ),
      body,
    );
    const empty = el('p', { id: ids.empty, class: 'empty', hidden: list === null || shown.length > 0 }, t('cases-empty'));
    // The shell sends the most recent cases only: say so, and how to find the others.
    const capped =
      list !== null && list.total > shown.length
        ? el(
            'p',
            { id: ids.capped, class: 'hint', role: 'status' },
            t('cases-capped', { shown: formatCount(shown.length), count: formatCount(list.total), total: list.total }),
          )
        : null;

    openOnly.input.addEventListener('change', () => this.filterChanged({ ...filter, openOnly: openOnly.input.checked }));
    dueOnly.input.addEventListener('change', () => this.filterChanged({ ...filter, dueOnly: dueOnly.input.checked }));
    sort.addEventListener('change', () => {
      const order = SORTS.find((value) => value === sort.value);
      if (order) this.filterChanged({ ...filter, sort: order });
    });
    level.addEventListener('change', () => {
      const step = Number(level.value);
      this.filterChanged({ ...filter, minStep: Number.isInteger(step) && step >= 0 && step < LEVELS.length ? step : 0 });
    });

    return el(
      'section',
      { id: ids.part, class: 'cases', 'aria-labelledby': ids.title },
      el(this.headingLevel, { id: ids.title, tabindex: '-1' }, t('cases-title')),
      el(
        'fieldset',
        { class: 'filters' },
        el('legend', {}, t('cases-filters')),
        openOnly.block,
        dueOnly.block,
        el('div', { class: 'field inline' }, el('label', { for: ids.filterLevel }, t('cases-filter-level')), level),
        el('div', { class: 'field inline' }, el('label', { for: ids.sort }, t('cases-sort')), sort),
      ),
      this.loading ? el('p', { id: ids.loading, class: 'empty', 'aria-busy': 'true' }, t('loading')) : null,
      capped,
      el('div', { class: 'table-wrap' }, table),
      empty,
    );
  }
}

/** Every case, from the menu. */
export class CasesScreen implements Screen {
  private readonly cases: CasesPart;

  constructor(private readonly ctx: SessionContext) {
    this.cases = new CasesPart(ctx, this, 'h2');
  }

  /** Asks for the list; the screen shows at once, with the list on its way. */
  load(): Promise<void> {
    return this.cases.load();
  }

  render(): Rendered {
    const part = this.cases.render();
    const root = el('div', { class: 'unlocked' }, navBar(this.ctx, 'cases'), el('div', { id: ids.screen, class: 'screen' }, part));
    return { root, focus: part.querySelector<HTMLElement>(`#${ids.title}`) ?? root };
  }
}
