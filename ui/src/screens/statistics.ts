// Supervisors only: monthly statistics, as the Rust side computed them after disclosure
// control. The screen never sees a raw count below k: hidden values arrive as "below_threshold"
// ("<k"), "secondary" ("x") or "withheld" ("..") and are drawn as such. What is shown is what an
// export would publish now; only an export publishes. Titles, row labels and rules come
// translated from Rust (in `document.language`); everything else here is from helpline.ftl.

import { checkField, el, field, svg } from '../dom';
import { formatCount, formatDecimal, formatMonth, monthName, previousMonth, thisMonth, toLatinDigits } from '../format';
import { currentLanguage, direction, formatNodes, t } from '../i18n';
import {
  EXPORT_FORMATS,
  isMonth,
  type CallTime,
  type ClientErrorCode,
  type ExportFormat,
  type Published,
  type Session,
  type StatisticsDocument,
  type StatisticsPeriod,
  type StatisticsTable,
} from '../ipc';
import { navBar, type Place } from './nav';
import type { Screen } from './types';

export const DEFAULT_K = 5;
export const K_MIN = 3;
export const K_MAX = 100;
export const MAX_MONTHS = 24;
/** The table whose totals the chart draws. */
export const CHART_TABLE = 'calls_by_channel';

/** What is typed in the form, as typed. */
export interface StatisticsForm {
  from: string;
  to: string;
  k: string;
  /** The box "Add a column with the total over the period" (only sent over several months). */
  periodTotal: boolean;
}

export type ExportStatus = { state: 'saved'; path: string } | { state: 'cancelled' } | { state: 'failed' };

/** Both months default to the previous calendar month (the latest that can be published); k to 5. */
export function defaultStatisticsForm(now: Date = new Date()): StatisticsForm {
  const month = previousMonth(now);
  return { from: month, to: month, k: String(DEFAULT_K), periodTotal: false };
}

/** What the form check can refuse; `month_not_ended` is the shell's code, checked here first. */
export type FormErrorCode = ClientErrorCode | 'month_not_ended';

export type FormCheck =
  | { ok: true; from: string; to: string; periodTotal: boolean; k: number }
  | { ok: false; code: FormErrorCode; field: 'stats-from' | 'stats-to' | 'stats-k' };

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** A month as typed, in Latin digits ('YYYY-MM' when it is one). */
function typedMonth(typed: string): string {
  // Where the month picker is a plain text field, Arabic digits may be typed.
  return toLatinDigits(typed.trim());
}

/** Both fields name the same month: there is no period to add up. */
export function isSingleMonth(form: Pick<StatisticsForm, 'from' | 'to'>): boolean {
  const from = typedMonth(form.from);
  return isMonth(from) && from === typedMonth(form.to);
}

/**
 * Checks the form before anything is sent: months, their order, at most 24, none that has not
 * ended (this month or later, by the local date), k from 3 to 100. The period column is asked
 * for only over several months.
 */
export function checkStatisticsForm(form: StatisticsForm, now: Date = new Date()): FormCheck {
  const from = typedMonth(form.from);
  const to = typedMonth(form.to);
  if (!isMonth(from)) return { ok: false, code: 'month_missing', field: 'stats-from' };
  if (!isMonth(to)) return { ok: false, code: 'month_missing', field: 'stats-to' };
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months < 1) return { ok: false, code: 'period_reversed', field: 'stats-to' };
  if (months > MAX_MONTHS) return { ok: false, code: 'period_too_long', field: 'stats-to' };
  const current = monthNumber(thisMonth(now));
  if (monthNumber(from) >= current) return { ok: false, code: 'month_not_ended', field: 'stats-from' };
  if (monthNumber(to) >= current) return { ok: false, code: 'month_not_ended', field: 'stats-to' };
  const digits = toLatinDigits(form.k.trim());
  const k = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
  if (!(k >= K_MIN && k <= K_MAX)) return { ok: false, code: 'invalid_k', field: 'stats-k' };
  return { ok: true, from, to, periodTotal: form.periodTotal && months > 1, k };
}

/** A published value as the tables show it: the number, "<k", "x" or "..". */
export function publishedText(value: Published, k: number): string {
  switch (value.shown) {
    case 'count':
      return formatCount(value.value);
    case 'below_threshold':
      return `<${formatCount(k)}`;
    case 'secondary':
      return t('statistics-hidden');
    case 'withheld':
      return t('statistics-withheld');
  }
}

/** Numbers, signs and months read left to right in every language ("<5" must not mirror). */
function ltr(text: string, attributes: Record<string, string> = {}): HTMLElement {
  return el('bdi', { dir: 'ltr', ...attributes }, text);
}

function monthLabel(month: string): HTMLElement {
  return ltr(formatMonth(month), { class: 'month', title: monthName(month), 'data-month': month });
}

/** The period's heading: its first and last month with a dash between, left to right. */
function periodLabel(period: StatisticsPeriod): HTMLElement {
  return ltr(`${formatMonth(period.from)}\u2013${formatMonth(period.to)}`, {
    class: 'period-months',
    title: `${monthName(period.from)} \u2013 ${monthName(period.to)}`,
  });
}

function valueCell(text: string, shown: Published['shown'] | 'minutes', extraClass = ''): HTMLElement {
  return el('td', { class: `number shown-${shown}${extraClass}` }, ltr(text));
}

function publishedCell(value: Published, k: number): HTMLElement {
  return valueCell(publishedText(value, k), value.shown);
}

/** A cell of the period column (after the months). */
function periodCell(value: Published, k: number): HTMLElement {
  const cell = valueCell(publishedText(value, k), value.shown, ' period-cell');
  cell.setAttribute('data-column', 'period');
  return cell;
}

function minutesCell(value: number | null): HTMLElement {
  return value === null ? valueCell(t('statistics-hidden'), 'secondary') : valueCell(formatDecimal(value), 'minutes');
}

function headRow(corner: string, months: readonly string[], period: StatisticsPeriod | null = null): HTMLElement {
  return el(
    'tr',
    {},
    el('th', { scope: 'col' }, corner),
    ...months.map((month) => el('th', { scope: 'col', class: 'number' }, monthLabel(month))),
    period
      ? el(
          'th',
          { scope: 'col', class: 'number period-heading', 'data-column': 'period' },
          periodLabel(period),
          el('span', { class: 'period-caption' }, t('statistics-period-heading')),
        )
      : null,
  );
}

function statsTable(table: StatisticsTable, document: StatisticsDocument): HTMLElement {
  const { months, period } = document;
  const k = document.disclosure_control.k;
  const rows = table.rows.map((row) =>
    el(
      'tr',
      { class: 'stats-row', 'data-category': row.category },
      // A helpline's own referral label is typed by a supervisor: text, isolated.
      el('th', { scope: 'row' }, el('bdi', { dir: 'auto', class: 'label' }, row.label)),
      ...row.values.map((value) => publishedCell(value, k)),
      period && row.period ? periodCell(row.period, k) : null,
    ),
  );
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { id: `stats-table-${table.id}`, class: 'stats-table', 'data-table': table.id, 'data-unit': table.unit },
      el('caption', {}, table.title),
      el('thead', {}, headRow(t(`statistics-unit-${table.unit}`), months, period)),
      el('tbody', {}, ...rows),
      el(
        'tfoot',
        {},
        el(
          'tr',
          { class: 'totals' },
          el('th', { scope: 'row' }, t('statistics-total')),
          ...table.totals.map((value) => publishedCell(value, k)),
          period && table.period_total ? periodCell(table.period_total, k) : null,
        ),
      ),
    ),
  );
}

function callTimeTable(callTime: readonly CallTime[], k: number): HTMLElement {
  const row = (label: string, cells: HTMLElement[], id: string) =>
    el('tr', { class: 'stats-row', 'data-category': id }, el('th', { scope: 'row' }, label), ...cells);
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { id: 'stats-call-time', class: 'stats-table' },
      el('caption', {}, t('statistics-call-time-title')),
      el('thead', {}, headRow('', callTime.map((entry) => entry.month))),
      el(
        'tbody',
        {},
        row(t('statistics-calls-timed'), callTime.map((entry) => publishedCell(entry.calls_timed, k)), 'calls_timed'),
        row(t('statistics-total-minutes'), callTime.map((entry) => minutesCell(entry.total_minutes)), 'total_minutes'),
        row(t('statistics-median-minutes'), callTime.map((entry) => minutesCell(entry.median_minutes)), 'median_minutes'),
      ),
    ),
  );
}

/**
 * Calls per month as an SVG bar chart (built with createElementNS, styled by class), the month
 * totals only (never the period's). A hidden or withheld total has no height to draw: it
 * becomes an empty bar at the height of k, marked "<k", "x" or "..".
 * In a right-to-left language the months run from the right, like the table's columns.
 */
function callsChart(document: StatisticsDocument): HTMLElement | null {
  const table = document.tables.find((entry) => entry.id === CHART_TABLE);
  const months = document.months;
  if (!table || months.length === 0) return null;
  const k = document.disclosure_control.k;
  const count = months.length;
  const slot = Math.max(48, Math.floor(480 / count));
  const barWidth = Math.min(36, Math.round(slot * 0.6));
  const top = 22;
  const plot = 160;
  const width = slot * count;
  const height = top + plot + 26;
  const base = top + plot;
  const amount = (value: Published) => (value.shown === 'count' ? value.value : k);
  const max = Math.max(1, ...table.totals.map(amount));
  const rtl = direction(currentLanguage()) === 'rtl';

  const bars = table.totals.map((value, index) => {
    const month = months[index] ?? '';
    const centre = (rtl ? count - 1 - index : index) * slot + slot / 2;
    const barHeight = Math.round((amount(value) / max) * plot);
    const text = publishedText(value, k);
    const hidden = value.shown !== 'count';
    return svg(
      'g',
      { class: `bar-group shown-${value.shown}`, 'data-month': month },
      svg('title', {}, t('statistics-chart-bar', { month: formatMonth(month), value: text })),
      svg('rect', {
        class: hidden ? 'bar empty' : 'bar',
        x: String(centre - barWidth / 2),
        y: String(base - barHeight),
        width: String(barWidth),
        height: String(barHeight),
      }),
      svg('text', { class: 'bar-value', x: String(centre), y: String(base - barHeight - 5), 'text-anchor': 'middle', direction: 'ltr' }, text),
      svg('text', { class: 'bar-month', x: String(centre), y: String(height - 8), 'text-anchor': 'middle', direction: 'ltr' }, formatMonth(month)),
    );
  });
  const chart = svg(
    'svg',
    {
      id: 'stats-chart',
      class: 'stats-chart',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'stats-chart-title',
    },
    svg('line', { class: 'axis', x1: '0', x2: String(width), y1: String(base), y2: String(base) }),
    ...bars,
  );
  return el(
    'figure',
    { class: 'stats-chart-figure' },
    el('figcaption', { id: 'stats-chart-title' }, t('statistics-chart-title')),
    chart,
    el('p', { class: 'hint' }, t('statistics-chart-hidden')),
  );
}

function rulesBox(document: StatisticsDocument): HTMLElement {
  const { k, rules } = document.disclosure_control;
  return el(
    'aside',
    { id: 'stats-rules', class: 'stats-rules', 'aria-labelledby': 'stats-rules-title' },
    el('h4', { id: 'stats-rules-title' }, t('statistics-rules-title')),
    el('p', { id: 'stats-rules-k' }, ...formatNodes('statistics-rules-k', { k: ltr(formatCount(k), { class: 'k' }) })),
    el('ul', { class: 'stats-rule-list' }, ...rules.map((rule) => el('li', {}, rule))),
  );
}

function legend(k: number): HTMLElement {
  return el(
    'div',
    { id: 'stats-legend', class: 'stats-legend' },
    el('h4', {}, t('statistics-legend-title')),
    el(
      'ul',
      {},
      el(
        'li',
        {},
        ...formatNodes('statistics-legend-below', { symbol: ltr(`<${formatCount(k)}`, { class: 'sign' }) }, { below: k - 1 }),
      ),
      el(
        'li',
        {},
        ...formatNodes('statistics-legend-secondary', { symbol: ltr(t('statistics-hidden'), { class: 'sign' }) }, { k }),
      ),
      el(
        'li',
        { id: 'stats-legend-withheld' },
        ...formatNodes('statistics-legend-withheld', { symbol: ltr(t('statistics-withheld'), { class: 'sign' }) }, { k }),
      ),
      el('li', {}, ...formatNodes('statistics-legend-zero', { symbol: ltr(formatCount(0), { class: 'sign' }) })),
    ),
  );
}

function results(document: StatisticsDocument): HTMLElement {
  const { months } = document;
  const k = document.disclosure_control.k;
  const first = months[0];
  const last = months.at(-1);
  return el(
    'section',
    { id: 'stats-results', class: 'stats-results', lang: document.language, 'aria-labelledby': 'stats-results-title' },
    el('h3', { id: 'stats-results-title', tabindex: '-1' }, t('statistics-results-title')),
    first && last
      ? el('p', { id: 'stats-period', class: 'stats-period' }, ...formatNodes('statistics-period', { from: monthLabel(first), to: monthLabel(last) }))
      : null,
    el('p', { id: 'stats-preview', class: 'stats-preview' }, t('statistics-preview')),
    document.period ? el('p', { id: 'stats-period-column', class: 'hint' }, t('statistics-period-column')) : null,
    el('div', { class: 'stats-explain' }, rulesBox(document), legend(k)),
    callsChart(document),
    ...document.tables.map((table) => statsTable(table, document)),
    document.call_time.length > 0 ? callTimeTable(document.call_time, k) : null,
  );
}

function exportStatusText(status: ExportStatus | null): (Node | string)[] {
  if (status === null) return [];
  switch (status.state) {
    case 'saved':
      return formatNodes('statistics-export-saved', { path: ltr(status.path, { class: 'path' }) });
    case 'cancelled':
      return [t('statistics-export-cancelled')];
    case 'failed':
      return [t('statistics-export-failed')];
  }
}

export interface StatisticsProps {
  session: Session;
  busy: boolean;
  /** What the fields start with; a re-render keeps what was typed since. */
  form: StatisticsForm;
  /** The statistics on show, or null before the first "Show". */
  document: StatisticsDocument | null;
  /** A request is on its way. */
  loading: boolean;
  exportStatus: ExportStatus | null;
  onNavigate(place: Place): void;
  onLock(): void;
  /** Something was typed or ticked: the form as it is now (kept across re-renders). */
  onFormChange(form: StatisticsForm): void;
  onShow(form: StatisticsForm): void;
  onExport(form: StatisticsForm, format: ExportFormat): void;
}

/** Supervisors only: choose months and k, see the tables and the chart, save them as a file. */
export function statisticsScreen(props: StatisticsProps): Screen {
  const from = field('stats-from', t('statistics-from-label'), {
    type: 'month',
    dir: 'ltr',
    autocomplete: 'off',
    'aria-describedby': 'stats-month-hint',
  });
  const to = field('stats-to', t('statistics-to-label'), {
    type: 'month',
    dir: 'ltr',
    autocomplete: 'off',
    'aria-describedby': 'stats-month-hint',
  });
  const k = field(
    'stats-k',
    t('statistics-k-label'),
    { type: 'number', min: String(K_MIN), max: String(K_MAX), step: '1', inputmode: 'numeric', dir: 'ltr', class: 'short' },
    t('statistics-k-hint'),
  );
  // A single month has no period to add up: the box is disabled (and keeps its tick for when
  // the months change again); nothing asks for the column then.
  const periodTotal = checkField('stats-period-total', t('statistics-period-total-label'), props.form.periodTotal, {
    'aria-describedby': 'stats-period-total-hint',
  });
  from.input.value = props.form.from;
  to.input.value = props.form.to;
  k.input.value = props.form.k;
  // Read at the time of the click: a re-render restores typed values without an input event.
  const read = (): StatisticsForm => ({
    from: from.input.value,
    to: to.input.value,
    k: k.input.value,
    periodTotal: periodTotal.input.checked,
  });
  const followMonths = () => {
    periodTotal.input.disabled = isSingleMonth(read());
  };
  followMonths();
  for (const input of [from.input, to.input, k.input, periodTotal.input]) {
    for (const kind of ['input', 'change']) {
      input.addEventListener(kind, () => {
        followMonths();
        props.onFormChange(read());
      });
    }
  }

  const show = el('button', { id: 'stats-show', type: 'submit', disabled: props.busy }, t('statistics-show'));
  const form = el(
    'form',
    { id: 'stats-form', class: 'stats-form', novalidate: true, 'aria-labelledby': 'stats-form-title' },
    el('h3', { id: 'stats-form-title', class: 'visually-hidden' }, t('statistics-query')),
    el('div', { class: 'stats-fields' }, from.block, to.block, k.block),
    el('p', { id: 'stats-month-hint', class: 'hint' }, t('statistics-month-hint')),
    periodTotal.block,
    el('p', { id: 'stats-period-total-hint', class: 'hint' }, t('statistics-period-total-hint')),
    el('div', { class: 'actions' }, show),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onShow(read());
  });

  const exportButtons = EXPORT_FORMATS.map((format) => {
    const button = el(
      'button',
      {
        id: `stats-export-${format}`,
        type: 'button',
        class: 'secondary',
        'data-format': format,
        'aria-describedby': 'stats-export-publishes',
        disabled: props.busy,
      },
      t(`statistics-export-${format}`),
    );
    button.addEventListener('click', () => props.onExport(read(), format));
    return button;
  });
  const exportPart = el(
    'section',
    { id: 'stats-export', class: 'stats-export', 'aria-labelledby': 'stats-export-title' },
    el('h3', { id: 'stats-export-title' }, t('statistics-export-title')),
    el('p', { class: 'hint' }, t('statistics-export-hint')),
    el('p', { id: 'stats-export-publishes', class: 'stats-publishes' }, t('statistics-export-publishes')),
    el('div', { class: 'actions' }, ...exportButtons),
    el(
      'p',
      {
        id: 'stats-export-status',
        class: `status export-status${props.exportStatus ? ` ${props.exportStatus.state}` : ''}`,
        role: 'status',
        'data-state': props.exportStatus?.state,
      },
      ...exportStatusText(props.exportStatus),
    ),
  );

  const title = el('h2', { id: 'statistics-title', tabindex: '-1' }, t('statistics-title'));
  const root = el(
    'div',
    { class: 'unlocked' },
    navBar({ session: props.session, current: 'statistics', onNavigate: props.onNavigate, onLock: props.onLock }),
    el(
      'section',
      { id: 'statistics', class: 'screen statistics', 'aria-labelledby': 'statistics-title' },
      title,
      el('p', { class: 'intro' }, t('statistics-intro')),
      form,
      exportPart,
      props.loading ? el('p', { id: 'stats-loading', class: 'empty', 'aria-busy': 'true' }, t('loading')) : null,
      props.document ? results(props.document) : null,
    ),
  );
  return { root, focus: title };
}
