import { caseNumber, checkField, el } from '../dom';
import { formatDateTime, formatDay, formatInteger, today } from '../format';
import { t } from '../i18n';
import { LEVELS, levelStep, type CaseOverview, type Level } from '../ipc';

export interface CasesFilter {
  openOnly: boolean;
  dueOnly: boolean;
  /** Minimum step of the latest level, 0 for any. */
  minStep: number;
}

export function defaultFilter(): CasesFilter {
  return { openOnly: true, dueOnly: false, minStep: 0 };
}

export interface CasesProps {
  /** null when the list could not be read (the error is in #error). */
  cases: CaseOverview[] | null;
  /** Owned by the caller, so it survives a re-render; changed in place. */
  filter: CasesFilter;
  headingLevel: 'h2' | 'h3';
  /** The list is on its way. */
  loading?: boolean;
  onOpen(caseNumber: string): void;
}

/** Whether a follow-up date has come (today or earlier). */
export function isDue(followUp: string | null, day: string = today()): boolean {
  return followUp !== null && followUp <= day;
}

export function filterCases(cases: readonly CaseOverview[], filter: CasesFilter, day: string = today()): CaseOverview[] {
  return cases
    .filter((item) => !filter.openOnly || item.open)
    .filter((item) => !filter.dueOnly || isDue(item.followUp, day))
    .filter((item) => levelStep(item.latestLevel) >= filter.minStep)
    .sort((a, b) => (b.lastCallAt ? Date.parse(b.lastCallAt) : 0) - (a.lastCallAt ? Date.parse(a.lastCallAt) : 0));
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
export function casesSection({ cases, filter, headingLevel, loading = false, onOpen }: CasesProps): HTMLElement {
  const openOnly = checkField('cases-filter-open', t('cases-filter-open'), filter.openOnly);
  const dueOnly = checkField('cases-filter-due', t('cases-filter-due'), filter.dueOnly);
  const level = el('select', { id: 'cases-filter-level', name: 'cases-filter-level' });
  level.append(el('option', { value: '0' }, t('cases-filter-level-any')));
  for (const step of [1, 2, 3]) level.append(el('option', { value: String(step) }, t('cases-filter-level-min', { step })));
  level.value = String(filter.minStep);

  const body = el('tbody', {});
  const empty = el('p', { id: 'cases-empty', class: 'empty', hidden: true }, t('cases-empty'));
  const table = el(
    'table',
    { id: 'cases-table', class: 'cases-table' },
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

  const fill = (): void => {
    const day = today();
    const shown = cases ? filterCases(cases, filter, day) : [];
    body.replaceChildren(
      ...shown.map((item) => {
        const due = isDue(item.followUp, day);
        const open = el('button', { type: 'button', class: 'case-link' }, caseNumber(item.caseNumber));
        open.addEventListener('click', () => onOpen(item.caseNumber));
        return el(
          'tr',
          { class: ['case-row', due ? 'due' : '', item.open ? '' : 'closed'].filter(Boolean).join(' ') },
          el(
            'th',
            { scope: 'row' },
            open,
            item.open ? null : el('span', { class: 'tag' }, t('cases-closed')),
          ),
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
    table.hidden = shown.length === 0;
    empty.hidden = cases === null || shown.length > 0;
  };

  openOnly.input.addEventListener('change', () => {
    filter.openOnly = openOnly.input.checked;
    fill();
  });
  dueOnly.input.addEventListener('change', () => {
    filter.dueOnly = dueOnly.input.checked;
    fill();
  });
  level.addEventListener('change', () => {
    const step = Number(level.value);
    filter.minStep = step >= 0 && step < LEVELS.length ? step : 0;
    fill();
  });
  fill();

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
    el('div', { class: 'table-wrap' }, table),
    empty,
  );
}
