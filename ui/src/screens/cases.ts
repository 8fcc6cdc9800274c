import { caseNumber, checkField, el } from '../dom';
import { formatCount, formatDateTime, formatDay, formatInteger, today } from '../format';
import { t } from '../i18n';
import { LEVELS, levelStep, type CaseList, type CasesFilter, type Level } from '../ipc';

export type { CasesFilter } from '../ipc';

export function defaultFilter(): CasesFilter {
  return { openOnly: true, dueOnly: false, minStep: 0 };
}

export interface CasesProps {
  /**
   * What the shell sent for `filter` (already filtered, most recent first, capped); null
   * while it is on its way or when it could not be read (the error is in #error).
   */
  list: CaseList | null;
  /** Owned by the caller, so it survives a re-render; changed in place. */
  filter: CasesFilter;
  headingLevel: 'h2' | 'h3';
  /** The list is on its way. */
  loading?: boolean;
  /** The filter changed (in place): the list must be asked for again. */
  onFilter(): void;
  onOpen(caseNumber: string): void;
}

/** Whether a follow-up date has come (today or earlier), as the shell reckons it for the filter. */
export function isDue(followUp: string | null, day: string = today()): boolean {
  return followUp !== null && followUp <= day;
}

/** A level's cell; `escalated` adds the marker a supervisor must not miss. */
function levelCell(level: Level, escalated = false): HTMLElement {
  return el(
    'td',
    { class: `level level-${levelStep(level)}` },
    t(`level-short-${level}`),
    escalated ? el('span', { class: 'tag case-escalated' }, t('history-escalated')) : null,
  );
}

/** The list of cases with its filters; each row opens the case's history. */
export function casesSection({ list, filter, headingLevel, loading = false, onFilter, onOpen }: CasesProps): HTMLElement {
  const openOnly = checkField('cases-filter-open', t('cases-filter-open'), filter.openOnly);
  const dueOnly = checkField('cases-filter-due', t('cases-filter-due'), filter.dueOnly);
  const level = el('select', { id: 'cases-filter-level', name: 'cases-filter-level' });
  level.append(el('option', { value: '0' }, t('cases-filter-level-any')));
  for (const step of [1, 2, 3]) level.append(el('option', { value: String(step) }, t('cases-filter-level-min', { step })));
  level.value = String(filter.minStep);

  const day = today();
  const shown = list?.cases ?? [];
  const body = el(
    'tbody',
    {},
    ...shown.map((item) => {
      const due = isDue(item.followUp, day);
      const open = el('button', { type: 'button', class: 'case-link' }, caseNumber(item.caseNumber));
      open.addEventListener('click', () => onOpen(item.caseNumber));
      return el(
        'tr',
        { class: ['case-row', due ? 'due' : '', item.open ? '' : 'closed'].filter(Boolean).join(' ') },
        el('th', { scope: 'row' }, open, item.open ? null : el('span', { class: 'tag' }, t('cases-closed'))),
        levelCell(item.latestLevel, item.escalated),
        levelCell(item.highestLevel),
        el('td', {}, item.lastCallAt ? formatDateTime(item.lastCallAt) : t('value-none')),
        el(
          'td',
          { class: due ? 'follow-up due' : 'follow-up' },
          item.followUp ? formatDay(item.followUp) : t('value-none'),
          due ? el('span', { class: 'tag due-tag' }, t('cases-due')) : null,
        ),
        el('td', { class: 'number' }, formatInteger(item.calls)),
      );
    }),
  );
  const table = el(
    'table',
    { id: 'cases-table', class: 'cases-table', hidden: shown.length === 0 },
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
  const empty = el('p', { id: 'cases-empty', class: 'empty', hidden: list === null || shown.length > 0 }, t('cases-empty'));
  // The shell sends the most recent cases only: say so, and how to find the others.
  const capped =
    list !== null && list.total > shown.length
      ? el(
          'p',
          { id: 'cases-capped', class: 'hint', role: 'status' },
          t('cases-capped', { shown: formatCount(shown.length), count: formatCount(list.total), total: list.total }),
        )
      : null;

  openOnly.input.addEventListener('change', () => {
    filter.openOnly = openOnly.input.checked;
    onFilter();
  });
  dueOnly.input.addEventListener('change', () => {
    filter.dueOnly = dueOnly.input.checked;
    onFilter();
  });
  level.addEventListener('change', () => {
    const step = Number(level.value);
    filter.minStep = Number.isInteger(step) && step >= 0 && step < LEVELS.length ? step : 0;
    onFilter();
  });

  return el(
    'section',
    { id: 'cases', class: 'cases', 'aria-labelledby': 'cases-title' },
    el(headingLevel, { id: 'cases-title', tabindex: '-1' }, t('cases-title')),
    el(
      'fieldset',
      { class: 'filters' },
      el('legend', {}, t('cases-filters')),
      openOnly.block,
      dueOnly.block,
      el('div', { class: 'field inline' }, el('label', { for: 'cases-filter-level' }, t('cases-filter-level')), level),
    ),
    loading ? el('p', { id: 'cases-loading', class: 'empty', 'aria-busy': 'true' }, t('loading')) : null,
    capped,
    el('div', { class: 'table-wrap' }, table),
    empty,
  );
}
