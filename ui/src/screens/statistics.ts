// Supervisors only: monthly statistics, as the Rust side computed them after disclosure
// control. The screen never sees a raw count below k: hidden values arrive as "below_threshold"
// ("<k"), "secondary" ("x") or "withheld" ("..") and are drawn as such. What is shown is what an
// export would publish now; only an export publishes. Titles, row labels and rules come
// translated from Rust (in `document.language`); everything else here is from helpline.ftl.

import { checkField, el, field, svg } from '../dom';
import { formatCount, formatDecimal, formatMonth, inUiDigits, monthName, previousMonth, thisMonth, toLatinDigits } from '../format';
import { currentLanguage, direction, formatNodes, t } from '../i18n';
import {
  EXPORT_FORMATS,
  isMonth,
  type CallTime,
  type ClientErrorCode,
  type ExportFormat,
  type Published,
  type StatisticsDocument,
  type StatisticsPeriod,
  type StatisticsQuery,
  type StatisticsTable,
} from '../ipc';
import * as ipc from '../ipc';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

export const DEFAULT_K = 5;
export const K_MIN = 3;
export const K_MAX = 100;
export const MAX_MONTHS = 24;
/** The table whose totals the chart draws. */
export const CHART_TABLE = 'calls_by_channel';

export const ids = {
  screen: 'statistics',
  title: 'statistics-title',
  form: 'stats-form',
  formTitle: 'stats-form-title',
  from: 'stats-from',
  to: 'stats-to',
  k: 'stats-k',
  periodTotal: 'stats-period-total',
  monthHint: 'stats-month-hint',
  /** The month a month field holds, named in the UI language. */
  monthName: (field: string) => `${field}-name` as const,
  periodTotalHint: 'stats-period-total-hint',
  show: 'stats-show',
  exportPart: 'stats-export',
  exportTitle: 'stats-export-title',
  exportPublishes: 'stats-export-publishes',
  exportStatus: 'stats-export-status',
  loading: 'stats-loading',
  results: 'stats-results',
  resultsTitle: 'stats-results-title',
  period: 'stats-period',
  preview: 'stats-preview',
  periodColumn: 'stats-period-column',
  rules: 'stats-rules',
  rulesTitle: 'stats-rules-title',
  rulesK: 'stats-rules-k',
  legend: 'stats-legend',
  legendWithheld: 'stats-legend-withheld',
  chart: 'stats-chart',
  chartTitle: 'stats-chart-title',
  callTime: 'stats-call-time',
  table: (table: string) => `stats-table-${table}` as const,
  export: (format: ExportFormat) => `stats-export-${format}` as const,
} as const;

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
  | { ok: false; code: FormErrorCode; field: typeof ids.from | typeof ids.to | typeof ids.k };

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
  // Field by field, in the order they appear: from, to, then k.
  const current = monthNumber(thisMonth(now));
  if (!isMonth(from)) return { ok: false, code: 'month_missing', field: ids.from };
  if (monthNumber(from) >= current) return { ok: false, code: 'month_not_ended', field: ids.from };
  if (!isMonth(to)) return { ok: false, code: 'month_missing', field: ids.to };
  if (monthNumber(to) >= current) return { ok: false, code: 'month_not_ended', field: ids.to };
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months < 1) return { ok: false, code: 'period_reversed', field: ids.to };
  if (months > MAX_MONTHS) return { ok: false, code: 'period_too_long', field: ids.to };
  const digits = toLatinDigits(form.k.trim());
  const k = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
  if (!(k >= K_MIN && k <= K_MAX)) return { ok: false, code: 'invalid_k', field: ids.k };
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
/** The formats' own names, the same in every language; isolated where they are shown. */
const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { csv: 'CSV', json: 'JSON', xlsx: 'Excel (.xlsx)', html: 'HTML' };

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
      { id: ids.table(table.id), class: 'stats-table', 'data-table': table.id, 'data-unit': table.unit },
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
      { id: ids.callTime, class: 'stats-table' },
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
      id: ids.chart,
      class: 'stats-chart',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': ids.chartTitle,
    },
    svg('line', { class: 'axis', x1: '0', x2: String(width), y1: String(base), y2: String(base) }),
    ...bars,
  );
  return el(
    'figure',
    { class: 'stats-chart-figure' },
    el('figcaption', { id: ids.chartTitle }, t('statistics-chart-title')),
    chart,
    el('p', { class: 'hint' }, t('statistics-chart-hidden')),
  );
}

function rulesBox(document: StatisticsDocument): HTMLElement {
  const { k, rules } = document.disclosure_control;
  return el(
    'aside',
    { id: ids.rules, class: 'stats-rules', 'aria-labelledby': ids.rulesTitle },
    el('h4', { id: ids.rulesTitle }, t('statistics-rules-title')),
    el('p', { id: ids.rulesK }, ...formatNodes('statistics-rules-k', { k: ltr(formatCount(k), { class: 'k' }) })),
    el('ul', { class: 'stats-rule-list' }, ...rules.map((rule) => el('li', {}, rule))),
  );
}

function legend(k: number): HTMLElement {
  return el(
    'div',
    { id: ids.legend, class: 'stats-legend' },
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
        { id: ids.legendWithheld },
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
    { id: ids.results, class: 'stats-results', lang: document.language, 'aria-labelledby': ids.resultsTitle },
    el('h3', { id: ids.resultsTitle, tabindex: '-1' }, t('statistics-results-title')),
    first && last
      ? el('p', { id: ids.period, class: 'stats-period' }, ...formatNodes('statistics-period', { from: monthLabel(first), to: monthLabel(last) }))
      : null,
    el('p', { id: ids.preview, class: 'stats-preview' }, t('statistics-preview')),
    document.period ? el('p', { id: ids.periodColumn, class: 'hint' }, t('statistics-period-column')) : null,
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

/** Supervisors only: choose months and k, see the tables and the chart, save them as a file. */
export class StatisticsScreen implements Screen {
  /** What is typed, kept across drawings. */
  private form = defaultStatisticsForm();
  /** The statistics on show, or null before the first "Show". */
  private document: StatisticsDocument | null = null;
  /** What the shown document was asked for; a language switch asks again in the new one. */
  private query: StatisticsQuery | null = null;
  /** A request is on its way. */
  private loading = false;
  private exportStatus: ExportStatus | null = null;

  constructor(private readonly ctx: SessionContext) {}

  /**
   * Titles, labels and rules of the statistics come from Rust in the language asked for: after
   * a language switch, the shown statistics are asked for again in the new one.
   */
  languageChanged(): void {
    const language = currentLanguage();
    if (this.ctx.tasks.busy || !this.query || this.query.language === language) return;
    void this.load({ ...this.query, language }, false);
  }

  /** The query for what was typed, in the UI language; null (and the error shown) if it is not valid. */
  private queryFor(form: StatisticsForm): StatisticsQuery | null {
    this.form = { ...form };
    const checked = checkStatisticsForm(form);
    if (!checked.ok) {
      this.ctx.fail(checked.code, checked.field);
      return null;
    }
    return { from: checked.from, to: checked.to, periodTotal: checked.periodTotal, k: checked.k, language: currentLanguage() };
  }

  private async show(form: StatisticsForm): Promise<void> {
    if (this.ctx.tasks.busy) return;
    const query = this.queryFor(form);
    if (query) await this.load(query, true);
  }

  private async load(query: StatisticsQuery, focusResults: boolean): Promise<void> {
    this.loading = true;
    const taken = await this.ctx.tasks.run(this, {
      ask: () => ipc.statistics(query),
      done: (document) => {
        this.document = document;
        this.query = query;
        this.loading = false;
      },
      drawn: () => {
        if (focusResults) this.ctx.focus(ids.resultsTitle);
      },
      failed: () => {
        this.loading = false;
      },
    });
    if (taken) this.languageChanged();
  }

  /** Rust asks where to save and writes the file; the answer is the path, or null if cancelled. */
  private async export(form: StatisticsForm, format: ExportFormat): Promise<void> {
    if (this.ctx.tasks.busy) return;
    const query = this.queryFor(form);
    if (!query) return;
    this.exportStatus = null;
    const taken = await this.ctx.tasks.run(this, {
      ask: () => ipc.exportStatistics(query, format),
      done: (saved) => {
        this.exportStatus = saved ? { state: 'saved', path: saved.path } : { state: 'cancelled' };
      },
      drawn: () => this.ctx.focus(ids.export(format)),
      failed: () => {
        this.exportStatus = { state: 'failed' };
        return { field: ids.export(format) };
      },
    });
    // Not after a failure: asking again would clear the error from #error.
    if (taken) this.languageChanged();
  }

  render(): Rendered {
    const busy = this.ctx.tasks.busy;
    // Text fields the UI formats (a month picker or a number field shows the machine's locale,
    // not the UI's): the UI language's digits, any digits read back, the month named beside.
    const monthField = (id: string, label: string) => {
      const made = field(id, label, {
        type: 'text',
        inputmode: 'numeric',
        dir: 'ltr',
        autocomplete: 'off',
        spellcheck: 'false',
        class: 'month-input',
        'aria-describedby': `${ids.monthName(id)} ${ids.monthHint}`,
      });
      const name = el('span', { id: ids.monthName(id), class: 'month-name hint' });
      const named = (): void => {
        const month = typedMonth(made.input.value);
        name.textContent = isMonth(month) ? monthName(month) : '';
      };
      made.input.addEventListener('input', named);
      made.block.append(name);
      return { ...made, named };
    };
    const from = monthField(ids.from, t('statistics-from-label'));
    const to = monthField(ids.to, t('statistics-to-label'));
    const k = field(
      ids.k,
      t('statistics-k-label'),
      { type: 'text', inputmode: 'numeric', dir: 'ltr', autocomplete: 'off', class: 'short' },
      t('statistics-k-hint', { min: formatCount(K_MIN), max: formatCount(K_MAX) }),
    );
    // A single month has no period to add up: the box is disabled (and keeps its tick for when
    // the months change again); nothing asks for the column then.
    const periodTotal = checkField(ids.periodTotal, t('statistics-period-total-label'), this.form.periodTotal, {
      'aria-describedby': ids.periodTotalHint,
    });
    from.input.value = inUiDigits(this.form.from);
    to.input.value = inUiDigits(this.form.to);
    k.input.value = inUiDigits(this.form.k);
    from.named();
    to.named();
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
          this.form = read();
        });
      }
    }

    const show = el('button', { id: ids.show, type: 'submit', disabled: busy }, t('statistics-show'));
    const form = el(
      'form',
      { id: ids.form, class: 'stats-form', novalidate: true, 'aria-labelledby': ids.formTitle },
      el('h3', { id: ids.formTitle, class: 'visually-hidden' }, t('statistics-query')),
      el('div', { class: 'stats-fields' }, from.block, to.block, k.block),
      el('p', { id: ids.monthHint, class: 'hint' }, ...formatNodes('statistics-month-hint', { example: ltr(formatMonth('2026-03')) })),
      periodTotal.block,
      el('p', { id: ids.periodTotalHint, class: 'hint' }, t('statistics-period-total-hint')),
      el('div', { class: 'actions' }, show),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.show(read());
    });

    const exportButtons = EXPORT_FORMATS.map((format) => {
      const button = el(
        'button',
        {
          id: ids.export(format),
          type: 'button',
          class: 'secondary',
          'data-format': format,
          'aria-describedby': ids.exportPublishes,
          disabled: busy,
        },
        ...formatNodes(`statistics-export-${format}`, { format: ltr(FORMAT_NAMES[format], { class: 'format', translate: 'no' }) }),
      );
      button.addEventListener('click', () => void this.export(read(), format));
      return button;
    });
    const exportPart = el(
      'section',
      { id: ids.exportPart, class: 'stats-export', 'aria-labelledby': ids.exportTitle },
      el('h3', { id: ids.exportTitle }, t('statistics-export-title')),
      el('p', { class: 'hint' }, t('statistics-export-hint')),
      el('p', { id: ids.exportPublishes, class: 'stats-publishes' }, t('statistics-export-publishes')),
      el('div', { class: 'actions' }, ...exportButtons),
      el(
        'p',
        {
          id: ids.exportStatus,
          class: `status export-status${this.exportStatus ? ` ${this.exportStatus.state}` : ''}`,
          role: 'status',
          'data-state': this.exportStatus?.state,
        },
        ...exportStatusText(this.exportStatus),
      ),
    );

    const title = el('h2', { id: ids.title, tabindex: '-1' }, t('statistics-title'));
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'statistics'),
      el(
        'section',
        { id: ids.screen, class: 'screen statistics', 'aria-labelledby': ids.title },
        title,
        el('p', { class: 'intro' }, t('statistics-intro')),
        form,
        exportPart,
        this.loading ? el('p', { id: ids.loading, class: 'empty', 'aria-busy': 'true' }, t('loading')) : null,
        this.document ? results(this.document) : null,
      ),
    );
    return { root, focus: title };
  }
}
