// The statistics screen (supervisors only): the form and its checks, the tables with their
// hidden values, the chart, Arabic, and saving as a file through the shell.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ids as appIds } from './app';
import { formatMonth } from './format';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as unlockIds } from './screens/unlock';
import { checkStatisticsForm, defaultStatisticsForm, ids as statsIds, isSingleMonth } from './screens/statistics';
import {
  advance,
  byId,
  chooseLanguage,
  errorShown,
  input,
  mount,
  plain,
  reset,
  shellError,
  submit,
  textOf,
  type,
} from './test-support';
import {
  STARTED_AT,
  blankContent,
  commands,
  deferred,
  exportPath,
  sent,
  shell,
  statisticsDocument,
  store,
  type FakeStore,
  type Overrides,
  type StatisticsArgs,
} from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) }); // 2 March 2026
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});

const SVG = 'http://www.w3.org/2000/svg';

async function statistics(fake: FakeStore = store({ role: 'supervisor' }), overrides: Overrides = {}) {
  const calls = shell(fake, overrides);
  await mount();
  await advance();
  byId(navIds.place('statistics')).click();
  await advance();
  return calls;
}

/** Fills the form and presses Show. */
async function show(from = '2025-12', to = '2026-02', k = '5'): Promise<void> {
  type(statsIds.from, from);
  type(statsIds.to, to);
  type(statsIds.k, k);
  submit(statsIds.show);
  await advance();
}

/** The texts of one row's value cells (by category) in a table. */
function cells(tableId: string, category: string): string[] {
  return [...byId(tableId).querySelectorAll(`tr[data-category="${category}"] td`)].map((td) => td.textContent ?? '');
}

function totals(tableId: string): string[] {
  return [...byId(tableId).querySelectorAll('tfoot td')].map((td) => td.textContent ?? '');
}

describe('who sees it', () => {
  test('a volunteer has no menu entry for statistics', async () => {
    const calls = shell(store({ role: 'volunteer' }));
    await mount();
    await advance();
    expect(document.getElementById(navIds.place('home'))).not.toBeNull();
    expect(document.getElementById(navIds.place('statistics'))).toBeNull();
    expect(commands(calls)).not.toContain('statistics');
  });

  test('a supervisor has it, before safety and the settings', async () => {
    shell(store({ role: 'supervisor' }));
    await mount();
    await advance();
    const ids = [...document.querySelectorAll('.main-nav button.link')].map((button) => button.id);
    expect(ids).toEqual(['nav-home', 'nav-cases', 'nav-passphrase', 'nav-statistics', 'nav-safety', 'nav-settings', 'nav-desks']);
    expect(textOf(navIds.place('statistics'))).toBe('Statistics');
  });

  test('navigating there as a volunteer is refused, even from a menu entry left from a supervisor', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = shell(fake);
    await mount();
    await advance();
    const stale = byId(navIds.place('statistics'));
    byId(navIds.lock).click();
    await advance();
    fake.role = 'volunteer';
    type(unlockIds.user, 'Ahmad');
    type(unlockIds.passphrase, 'a long enough passphrase');
    submit(unlockIds.submit);
    await advance();
    expect(document.getElementById(navIds.place('statistics'))).toBeNull();
    stale.click(); // its handler still reaches the app
    await advance();
    expect(document.getElementById(statsIds.screen)).toBeNull();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    expect(commands(calls)).not.toContain('statistics');
  });

  test('the shell has the last word: a refusal is shown translated', async () => {
    await statistics(store({ role: 'supervisor' }), { statistics: () => Promise.reject(shellError('not_allowed')) });
    await show();
    expect(errorShown()).toBe('Your role does not allow this.');
    expect(document.getElementById(statsIds.results)).toBeNull();
  });
});

describe('the form', () => {
  test('both months default to the previous calendar month, k to 5', async () => {
    await statistics();
    expect(byId(statsIds.title).textContent).toBe('Statistics');
    expect(document.activeElement).toBe(byId(statsIds.title));
    // Text fields the UI formats, not pickers in the machine's locale (issue 12).
    expect(input(statsIds.from).type).toBe('text');
    expect(input(statsIds.to).type).toBe('text');
    expect(input(statsIds.k).type).toBe('text');
    expect(textOf(statsIds.monthName(statsIds.from))).toBe('February 2026');
    expect(input(statsIds.from).value).toBe('2026-02');
    expect(input(statsIds.to).value).toBe('2026-02');
    expect(input(statsIds.k).value).toBe('5');
    for (const id of [statsIds.from, statsIds.to, statsIds.k]) {
      expect(document.querySelector(`label[for="${id}"]`)?.textContent, id).toBeTruthy();
    }
  });

  test('in January the default is December of the year before', () => {
    expect(defaultStatisticsForm(new Date(2026, 0, 31, 23, 59))).toEqual({ from: '2025-12', to: '2025-12', k: '5', periodTotal: false });
    expect(defaultStatisticsForm(new Date(2026, 11, 1, 0, 0))).toEqual({ from: '2026-11', to: '2026-11', k: '5', periodTotal: false });
  });

  test('the default is never a month that has not ended, whatever the day', () => {
    for (const now of [new Date(2026, 2, 1, 0, 0), new Date(2026, 2, 31, 23, 59), new Date(2027, 0, 1, 0, 0, 1)]) {
      const form = defaultStatisticsForm(now);
      expect(checkStatisticsForm(form, now), now.toString()).toEqual({
        ok: true,
        from: form.from,
        to: form.to,
        periodTotal: false,
        k: 5,
      });
      // One month later, the same form names this month: refused.
      const later = new Date(now.getFullYear(), now.getMonth() - 1, 15);
      expect(checkStatisticsForm(defaultStatisticsForm(later), now).ok).toBe(true);
      expect(checkStatisticsForm({ ...form, to: defaultStatisticsForm(new Date(now.getFullYear(), now.getMonth() + 1, 1)).to }, now)).toEqual({
        ok: false,
        code: 'month_not_ended',
        field: 'stats-to',
      });
    }
  });

  test('a single month is the same month however its digits are typed', () => {
    expect(isSingleMonth({ from: '2026-02', to: '2026-02' })).toBe(true);
    expect(isSingleMonth({ from: '\u0662\u0660\u0662\u0666-\u0660\u0662', to: ' 2026-02' })).toBe(true);
    expect(isSingleMonth({ from: '2026-01', to: '2026-02' })).toBe(false);
    expect(isSingleMonth({ from: '', to: '' })).toBe(false);
  });

  test('Show asks for the defaults in the UI language', async () => {
    const calls = await statistics();
    submit(statsIds.show);
    await advance();
    expect(sent(calls, 'statistics')).toEqual([{ from: '2026-02', to: '2026-02', periodTotal: false, k: 5, language: 'en' }]);
    expect(document.activeElement).toBe(byId(statsIds.resultsTitle));
  });

  test('a wrong range or k is refused before anything is sent, with a translated message', async () => {
    const calls = await statistics();
    const cases: [string, string, string, string, string][] = [
      ['2026-02', '2026-01', '5', 'The last month cannot come before the first.', 'stats-to'],
      // Field by field: the first month is checked whole before the last.
      ['2026-03', '2026-01', '5', 'A chosen month has not ended yet. Its statistics can be published once it has: choose months up to last month.', 'stats-from'],
      ['2024-01', '2026-01', '5', 'Choose at most 24 months at a time.', 'stats-to'],
      ['', '2026-01', '5', 'Choose a first and a last month (year and month, for example 2026-03).', 'stats-from'],
      ['2026-01', '', '5', 'Choose a first and a last month (year and month, for example 2026-03).', 'stats-to'],
      ['2026-01', '2026-01', '2', 'Choose a smallest count shown (k) from 3 to 100.', 'stats-k'],
      ['2026-01', '2026-01', '101', 'Choose a smallest count shown (k) from 3 to 100.', 'stats-k'],
      ['2026-01', '2026-01', '', 'Choose a smallest count shown (k) from 3 to 100.', 'stats-k'],
    ];
    for (const [from, to, k, message, field] of cases) {
      await show(from, to, k);
      expect(errorShown(), `${from}..${to} k=${k}`).toBe(message);
      expect(document.activeElement, `${from}..${to} k=${k}`).toBe(input(field));
      byId(statsIds.export('csv')).click();
      await advance();
      expect(errorShown()).toBe(message);
    }
    expect(commands(calls)).not.toContain('statistics');
    expect(commands(calls)).not.toContain('export_statistics');

    chooseLanguage('sv');
    await show('2026-02', '2026-01');
    expect(errorShown()).toBe('Den sista månaden kan inte komma före den första.');
    expect(commands(calls)).not.toContain('statistics');
  });

  test('exactly 24 months, and k from 3 to 100, are sent', async () => {
    const calls = await statistics();
    await show('2024-02', '2026-01', '3');
    await show('2026-01', '2026-01', '100');
    expect(sent(calls, 'statistics')).toEqual([
      { from: '2024-02', to: '2026-01', periodTotal: false, k: 3, language: 'en' },
      { from: '2026-01', to: '2026-01', periodTotal: false, k: 100, language: 'en' },
    ]);
    expect(errorShown()).toBe('');
    expect(document.querySelectorAll(`#${statsIds.chart} rect.bar`).length).toBe(1);
  });

  test('while the statistics are on their way the buttons wait, and what was typed stays', async () => {
    const reply = deferred();
    const calls = await statistics(store({ role: 'supervisor' }), { statistics: () => reply.promise });
    await show('2025-12', '2026-02', '7');
    expect(byId<HTMLButtonElement>(statsIds.show).disabled).toBe(true);
    expect(byId<HTMLButtonElement>(statsIds.export('csv')).disabled).toBe(true);
    expect(document.getElementById(statsIds.loading)).not.toBeNull();
    byId(statsIds.export('csv')).click();
    submit(statsIds.show);
    await advance();
    expect(commands(calls).filter((cmd) => cmd === 'statistics' || cmd === 'export_statistics')).toEqual(['statistics']);
    reply.resolve(statisticsDocument({ from: '2025-12', to: '2026-02', periodTotal: false, k: 7, language: 'en' }));
    await advance();
    expect(byId<HTMLButtonElement>(statsIds.show).disabled).toBe(false);
    expect(document.getElementById(statsIds.loading)).toBeNull();
    expect([input(statsIds.from).value, input(statsIds.to).value, input(statsIds.k).value]).toEqual(['2025-12', '2026-02', '7']);
  });

  test('a refusal from Rust is translated; a malformed reply shows nothing of it', async () => {
    await statistics(store({ role: 'supervisor' }), { statistics: () => Promise.reject(shellError('invalid_argument')) });
    await show();
    expect(errorShown()).toBe('The app sent a request that was not valid. Please report this.');

    reset();
    await statistics(store({ role: 'supervisor' }), {
      statistics: (args) => ({ ...statisticsDocument(args as unknown as StatisticsArgs), months: ['March'] }),
    });
    await show();
    expect(errorShown()).toBe('Something went wrong. Try again; if it keeps happening, tell your supervisor.');
    expect(document.getElementById(statsIds.results)).toBeNull();
  });

  test('a locked store on the way shows the unlock screen', async () => {
    await statistics(store({ role: 'supervisor' }), { statistics: () => Promise.reject(shellError('store_locked')) });
    await show();
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(document.getElementById(statsIds.screen)).toBeNull();
  });
});

describe('the tables', () => {
  test('counts as numbers, hidden ones as "<k" and "x", with units, totals and a legend', async () => {
    await statistics();
    await show();
    const table = byId(statsIds.table('calls_by_channel'));
    expect(table.classList.contains('stats-table')).toBe(true);
    expect(table.querySelector('caption')?.textContent).toBe('Calls by channel');
    expect(table.querySelector('thead th')?.textContent).toBe('Calls');
    expect([...table.querySelectorAll('thead .month')].map((month) => month.textContent)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(table.querySelector('tbody th')?.textContent).toBe('Phone');
    expect(cells('stats-table-calls_by_channel', 'phone')).toEqual(['12', '13', '14']);
    expect(cells('stats-table-calls_by_channel', 'email')).toEqual(['<5', '0', 'x']);
    expect(table.querySelector('tfoot th')?.textContent).toBe('Total');
    expect(totals('stats-table-calls_by_channel')).toEqual(['15', '<5', 'x']);
    expect(byId(statsIds.table('referrals_made')).querySelector('thead th')?.textContent).toBe('Referrals');
    // Grouped the way the UI language groups digits.
    expect(cells('stats-table-calls_by_language', 'sv')[0]).toBe(new Intl.NumberFormat('en-GB').format(1234));

    // The rules come from Rust as they are; k and the signs are explained.
    const rules = byId(statsIds.rules).textContent ?? '';
    expect(rules).toContain('Counts from 1 to 4 are shown as "<5" (k = 5).');
    expect(plain(textOf(statsIds.rulesK))).toBe('Smallest count shown: 5');
    const legend = plain(textOf(statsIds.legend));
    expect(legend).toContain('<5: between 1 and 4, too few to show.');
    expect(legend).toContain('x: a count of 5 or more, hidden as well, so that no count below 5 can be worked out');
    expect(plain(textOf(statsIds.period))).toBe('2025-12 to 2026-02');
  });

  test('the signs follow k', async () => {
    const calls = await statistics();
    await show('2025-12', '2026-02', '10');
    expect(sent(calls, 'statistics').at(-1)).toMatchObject({ k: 10 });
    expect(cells('stats-table-calls_by_channel', 'email')).toEqual(['<10', '0', 'x']);
    expect(plain(textOf(statsIds.legend))).toContain('<10: between 1 and 9');
  });

  test('call time per month: hidden or missing figures are "x"', async () => {
    await statistics();
    await show();
    const table = byId(statsIds.callTime);
    expect(table.querySelector('caption')?.textContent).toBe('Call time per month');
    expect(cells('stats-call-time', 'calls_timed')).toEqual(['12', '<5', '14']);
    expect(cells('stats-call-time', 'total_minutes')).toEqual(['150.5', 'x', '150.5']);
    expect(cells('stats-call-time', 'median_minutes')).toEqual(['9.5', 'x', '9.5']);
  });

  test('hostile labels, titles and rules from the reply are text, never markup', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    await statistics(store({ role: 'supervisor' }), {
      statistics: (args) => {
        const document = statisticsDocument(args as unknown as StatisticsArgs);
        document.tables[2]!.rows[0]!.label = hostile;
        document.tables[0]!.title = `<b>${hostile}</b>`;
        document.disclosure_control.rules[0] = `<script>alert(2)</script>${hostile}`;
        return document;
      },
    });
    await show();
    expect(document.querySelector(`#${statsIds.screen} img, #${statsIds.screen} b, #${statsIds.screen} script`)).toBeNull();
    expect(byId(statsIds.table('referrals_made')).querySelector('tbody th')?.textContent).toBe(hostile);
    expect(byId(statsIds.table('calls_by_channel')).querySelector('caption')?.textContent).toBe(`<b>${hostile}</b>`);
    expect(byId(statsIds.rules).textContent).toContain(`<script>alert(2)</script>${hostile}`);
  });
});

describe('the chart', () => {
  test('is SVG with one bar per month; hidden totals are empty bars marked "<k" or "x"', async () => {
    await statistics();
    await show();
    const chart = byId(statsIds.chart) as unknown as SVGSVGElement;
    expect(chart.namespaceURI).toBe(SVG);
    expect(chart.getAttribute('aria-labelledby')).toBe('stats-chart-title');
    expect(textOf(statsIds.chartTitle)).toBe('Calls per month');
    const groups = [...chart.querySelectorAll('g.bar-group')];
    expect(groups.map((group) => group.getAttribute('data-month'))).toEqual(['2025-12', '2026-01', '2026-02']);
    const bars = [...chart.querySelectorAll('rect.bar')];
    expect(bars.length).toBe(3);
    for (const bar of bars) expect(bar.namespaceURI).toBe(SVG);
    expect(bars.map((bar) => bar.classList.contains('empty'))).toEqual([false, true, true]);
    expect(groups.map((group) => group.querySelector('.bar-value')?.textContent)).toEqual(['15', '<5', 'x']);
    expect(groups.map((group) => group.querySelector('.bar-month')?.textContent)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(Number(bars[0]!.getAttribute('height'))).toBeGreaterThan(0);
    // Left to right in time.
    const x = bars.map((bar) => Number(bar.getAttribute('x')));
    expect(x[0]).toBeLessThan(x[1]!);
    expect(x[1]).toBeLessThan(x[2]!);
  });

  test('24 months, 24 bars', async () => {
    await statistics();
    await show('2024-03', '2026-02');
    expect(document.querySelectorAll(`#${statsIds.chart} rect.bar`).length).toBe(24);
    expect(document.querySelectorAll(`#${statsIds.table('calls_by_channel')} thead .month`).length).toBe(24);
  });
});

describe('Arabic', () => {
  test('the screen is right to left; months and values read left to right; the chart runs from the right', async () => {
    const calls = await statistics();
    chooseLanguage('ar');
    await show();
    expect(sent(calls, 'statistics').at(-1)).toEqual({ from: '2025-12', to: '2026-02', periodTotal: false, k: 5, language: 'ar' });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(textOf(statsIds.title)).toBe('الإحصاءات');
    expect(byId(statsIds.results).getAttribute('lang')).toBe('ar');
    const table = byId(statsIds.table('calls_by_channel'));
    expect(table.querySelector('caption')?.textContent).toBe('المكالمات حسب القناة');
    expect(table.querySelector('thead th')?.textContent).toBe('المكالمات');
    const months = [...table.querySelectorAll('thead .month')];
    expect(months.length).toBe(3);
    const expected = ['2025-12', '2026-01', '2026-02'].map(formatMonth);
    for (const [index, month] of months.entries()) {
      expect(month.getAttribute('dir')).toBe('ltr');
      expect(month.textContent).toBe(expected[index]);
    }
    const values = [...table.querySelectorAll('td')];
    expect(values.length).toBe(9);
    for (const cell of values) expect(cell.querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(cells('stats-table-calls_by_channel', 'email')).toEqual([
      `<${new Intl.NumberFormat('ar').format(5)}`,
      new Intl.NumberFormat('ar').format(0),
      'x',
    ]);
    for (const input of ['stats-from', 'stats-to', 'stats-k']) expect(byId(input).getAttribute('dir')).toBe('ltr');
    expect(byId(statsIds.legend).querySelector('.sign')?.getAttribute('dir')).toBe('ltr');
    // The first month is on the right, like the table's first column.
    const x = [...document.querySelectorAll(`#${statsIds.chart} rect.bar`)].map((bar) => Number(bar.getAttribute('x')));
    expect(x[0]).toBeGreaterThan(x[1]!);
    expect(x[1]).toBeGreaterThan(x[2]!);
  });

  test('switching the language asks again in the new one, for the same months and k', async () => {
    const calls = await statistics();
    await show('2025-12', '2026-02', '6');
    expect(byId(statsIds.table('calls_by_channel')).querySelector('caption')?.textContent).toBe('Calls by channel');
    chooseLanguage('sv');
    await advance();
    expect(sent(calls, 'statistics')).toEqual([
      { from: '2025-12', to: '2026-02', periodTotal: false, k: 6, language: 'en' },
      { from: '2025-12', to: '2026-02', periodTotal: false, k: 6, language: 'sv' },
    ]);
    expect(byId(statsIds.table('calls_by_channel')).querySelector('caption')?.textContent).toBe('Samtal per kanal');
    expect(byId(statsIds.table('calls_by_channel')).querySelector('thead th')?.textContent).toBe('Samtal');
    expect(document.activeElement).toBe(byId(appIds.language));
  });
});

describe('saving as a file', () => {
  test('each button asks export_statistics for its format and shows where the file went', async () => {
    const calls = await statistics();
    type(statsIds.from, '2026-01');
    type(statsIds.k, '8');
    for (const format of ['csv', 'json', 'xlsx', 'html']) {
      byId(`stats-export-${format}`).click();
      await advance();
      expect(sent(calls, 'export_statistics').at(-1)).toEqual({
        from: '2026-01',
        to: '2026-02',
        periodTotal: false,
        k: 8,
        language: 'en',
        format,
      });
      expect(plain(textOf(statsIds.exportStatus))).toBe(`Saved to ${exportPath('2026-01', '2026-02', format)}`);
      expect(byId(statsIds.exportStatus).querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
      expect(document.activeElement).toBe(byId(`stats-export-${format}`));
    }
    expect(sent(calls, 'export_statistics').length).toBe(4);
    expect(errorShown()).toBe('');
    // Saving needs no statistics on screen first.
    expect(commands(calls)).not.toContain('statistics');
  });

  test('the labels of the buttons are translated', async () => {
    await statistics();
    expect(textOf(statsIds.export('xlsx'))).toBe('Save as Excel (.xlsx)');
    chooseLanguage('sv');
    expect(textOf(statsIds.export('csv'))).toBe('Spara som CSV');
  });

  test('a cancelled save dialog says nothing was saved', async () => {
    const calls = await statistics(store({ role: 'supervisor' }), { export_statistics: () => null });
    byId(statsIds.export('html')).click();
    await advance();
    expect(sent(calls, 'export_statistics')).toEqual([
      { from: '2026-02', to: '2026-02', periodTotal: false, k: 5, language: 'en', format: 'html' },
    ]);
    expect(textOf(statsIds.exportStatus)).toBe('Nothing was saved: the save was cancelled.');
    expect(errorShown()).toBe('');
  });

  test('a file that could not be written says so, with the reason in #error', async () => {
    await statistics(store({ role: 'supervisor' }), { export_statistics: () => Promise.reject(shellError('export_failed')) });
    chooseLanguage('ar');
    byId(statsIds.export('xlsx')).click();
    await advance();
    expect(textOf(statsIds.exportStatus)).toBe('لم يُحفظ الملف.');
    expect(errorShown()).toBe(
      'تعذّرت كتابة الملف. تأكّد من وجود المجلد، ومن أنه يُسمح لك بالحفظ فيه، ومن أن القرص غير ممتلئ. ومع ذلك فقد نُشرت الأشهر: إن حفظتها مرة أخرى فستكون القيم نفسها.',
    );
    chooseLanguage('en');
    expect(textOf(statsIds.exportStatus)).toBe('The file was not saved.');
    expect(errorShown()).toBe(
      'The file could not be written. Check that the folder exists, that you may save there and that the disk is not full. The months are published all the same: saving them again gives the same values.',
    );
  });

  test('a hostile path is shown as text', async () => {
    const path = '<img src=x onerror="alert(1)">.csv';
    await statistics(store({ role: 'supervisor' }), { export_statistics: () => ({ path }) });
    byId(statsIds.export('csv')).click();
    await advance();
    expect(document.querySelector(`#${statsIds.screen} img`)).toBeNull();
    expect(plain(textOf(statsIds.exportStatus))).toBe(`Saved to ${path}`);
  });

  test('the statistics on screen stay when a file is saved', async () => {
    await statistics();
    await show();
    byId(statsIds.export('json')).click();
    await advance();
    expect(document.getElementById(statsIds.results)).not.toBeNull();
    expect(textOf(statsIds.exportStatus)).toContain('Saved to');
  });
});

describe('the period column', () => {
  test('a box asks for it; it is sent to Show and to every export', async () => {
    const calls = await statistics();
    const box = input(statsIds.periodTotal);
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    expect(document.querySelector(`label[for="${statsIds.periodTotal}"]`)?.textContent).toBe(
      'Add a column with the total over the period',
    );
    type(statsIds.from, '2025-12');
    box.click();
    submit(statsIds.show);
    await advance();
    byId(statsIds.export('csv')).click();
    await advance();
    expect(sent(calls, 'statistics')).toEqual([{ from: '2025-12', to: '2026-02', periodTotal: true, k: 5, language: 'en' }]);
    expect(sent(calls, 'export_statistics')).toEqual([
      { from: '2025-12', to: '2026-02', periodTotal: true, k: 5, language: 'en', format: 'csv' },
    ]);
    input(statsIds.periodTotal).click();
    submit(statsIds.show);
    await advance();
    expect(sent(calls, 'statistics').at(-1)).toMatchObject({ periodTotal: false });
  });

  test('for a single month the box is disabled, and nothing asks for the column', async () => {
    const calls = await statistics();
    // The default: one month.
    expect(input(statsIds.periodTotal).disabled).toBe(true);
    type(statsIds.from, '2026-01');
    expect(input(statsIds.periodTotal).disabled).toBe(false);
    input(statsIds.periodTotal).click();
    type(statsIds.from, '2026-02');
    expect(input(statsIds.periodTotal).disabled).toBe(true);
    expect(input(statsIds.periodTotal).checked).toBe(true); // kept for when the months change again
    submit(statsIds.show);
    await advance();
    expect(sent(calls, 'statistics').at(-1)).toEqual({ from: '2026-02', to: '2026-02', periodTotal: false, k: 5, language: 'en' });
    expect(byId(statsIds.table('calls_by_channel')).querySelector('[data-column="period"]')).toBeNull();
    expect(document.getElementById(statsIds.periodColumn)).toBeNull();
    type(statsIds.to, '2026-03');
    expect(input(statsIds.periodTotal).disabled).toBe(false);
  });

  test('the tick survives a re-render and a language switch, and is asked for again', async () => {
    const calls = await statistics();
    type(statsIds.from, '2025-12');
    input(statsIds.periodTotal).click();
    chooseLanguage('sv');
    await advance();
    expect(input(statsIds.periodTotal).checked).toBe(true);
    expect(input(statsIds.periodTotal).disabled).toBe(false);
    expect(input(statsIds.from).value).toBe('2025-12');
    expect(document.querySelector(`label[for="${statsIds.periodTotal}"]`)?.textContent).toBe(
      'Lägg till en kolumn med summan för hela perioden',
    );
    submit(statsIds.show);
    await advance();
    chooseLanguage('ar');
    await advance();
    expect(input(statsIds.periodTotal).checked).toBe(true);
    expect(sent(calls, 'statistics')).toEqual([
      { from: '2025-12', to: '2026-02', periodTotal: true, k: 5, language: 'sv' },
      { from: '2025-12', to: '2026-02', periodTotal: true, k: 5, language: 'ar' },
    ]);
    expect(byId(statsIds.table('calls_by_channel')).querySelectorAll('td[data-column="period"]').length).toBe(3);
  });

  test('comes after the months, headed by the period, with ".." and totals', async () => {
    await statistics();
    type(statsIds.from, '2025-12');
    input(statsIds.periodTotal).click();
    submit(statsIds.show);
    await advance();
    const table = byId(statsIds.table('calls_by_channel'));
    const headings = [...table.querySelectorAll('thead th')];
    expect(headings.length).toBe(5);
    const last = headings.at(-1)!;
    expect(last.getAttribute('data-column')).toBe('period');
    expect(last.querySelector('.period-months')?.textContent).toBe('2025-12\u20132026-02');
    expect(last.querySelector('.period-months')?.getAttribute('dir')).toBe('ltr');
    expect(last.querySelector('.period-caption')?.textContent).toBe('Total over the period');
    // Phone: 12 + 13 + 14; e-mail "x"; the table's total over the period 100.
    expect(cells('stats-table-calls_by_channel', 'phone')).toEqual(['12', '13', '14', '39']);
    expect(cells('stats-table-calls_by_channel', 'email')).toEqual(['<5', '0', 'x', 'x']);
    expect(totals('stats-table-calls_by_channel')).toEqual(['15', '<5', 'x', '100']);
    const period = [...table.querySelectorAll('td[data-column="period"]')];
    expect(period.map((cell) => cell.className)).toEqual([
      'number shown-count period-cell',
      'number shown-secondary period-cell',
      'number shown-count period-cell',
    ]);
    // Referrals: withheld in the middle month and over the period.
    expect(cells('stats-table-referrals_made', 'exit_programme')).toEqual(['7', '..', '7', '..']);
    expect(totals('stats-table-referrals_made')).toEqual(['7', '<5', '7', '<5']);
    const withheld = [...byId(statsIds.table('referrals_made')).querySelectorAll('td.shown-withheld')];
    expect(withheld.map((cell) => cell.textContent)).toEqual(['..', '..']);
    expect(withheld[1]!.getAttribute('data-column')).toBe('period');
    expect(withheld[0]!.querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(textOf(statsIds.periodColumn)).toBe("The last column is each row's total over the whole period.");
    // Call time has no period column.
    expect(byId(statsIds.callTime).querySelectorAll('thead th').length).toBe(4);
  });

  test('the chart draws the months only; a withheld total is an empty bar marked ".."', async () => {
    await statistics(store({ role: 'supervisor' }), {
      statistics: (args) => {
        const reply = statisticsDocument(args as unknown as StatisticsArgs);
        reply.tables[0]!.totals[0] = { shown: 'withheld' };
        return reply;
      },
    });
    type(statsIds.from, '2025-12');
    input(statsIds.periodTotal).click();
    submit(statsIds.show);
    await advance();
    const groups = [...document.querySelectorAll(`#${statsIds.chart} g.bar-group`)];
    expect(groups.map((group) => group.getAttribute('data-month'))).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(groups.map((group) => group.querySelector('.bar-value')?.textContent)).toEqual(['..', '<5', 'x']);
    expect(groups[0]!.classList.contains('shown-withheld')).toBe(true);
    expect(groups.map((group) => group.querySelector('rect')!.classList.contains('empty'))).toEqual([true, true, true]);
    expect(totals('stats-table-calls_by_channel')).toEqual(['..', '<5', 'x', '100']);
  });

  test('in Arabic the period reads left to right, formatted like the months, after them', async () => {
    await statistics();
    chooseLanguage('ar');
    type(statsIds.from, '2025-12');
    input(statsIds.periodTotal).click();
    submit(statsIds.show);
    await advance();
    const last = [...byId(statsIds.table('calls_by_channel')).querySelectorAll('thead th')].at(-1)!;
    expect(last.querySelector('.period-months')?.textContent).toBe(`${formatMonth('2025-12')}\u2013${formatMonth('2026-02')}`);
    expect(last.querySelector('.period-months')?.getAttribute('dir')).toBe('ltr');
    expect(last.querySelector('.period-caption')?.textContent).toBe('المجموع على امتداد الفترة');
    expect(cells('stats-table-referrals_made', 'exit_programme').at(-1)).toBe('..');
  });
});

describe('the legend and what is published', () => {
  test('".." and 0 are explained, with k', async () => {
    await statistics();
    await show('2025-12', '2026-02', '7');
    const withheld = plain(textOf(statsIds.legendWithheld));
    expect(withheld).toBe(
      '..: not published. Either the counts of a table in a month with fewer than 7 calls, cases or referrals, ' +
        'where only the total is shown, or counts that hiding alone could not protect. It could be any number, zero included.',
    );
    expect(byId(statsIds.legendWithheld).querySelector('.sign')?.getAttribute('dir')).toBe('ltr');
    expect(plain(textOf(statsIds.legend))).toContain('0: none, exactly zero.');
    chooseLanguage('sv');
    await advance();
    expect(plain(textOf(statsIds.legendWithheld))).toContain('..: publiceras inte.');
  });

  test('saving says it publishes; the results say they are what would be published', async () => {
    await statistics();
    expect(textOf(statsIds.exportPublishes)).toBe(
      'Saving a file publishes the chosen months. A published month never changes afterwards: every later file shows it ' +
        'exactly as it was first published. Only months that have ended can be published.',
    );
    expect(byId(statsIds.export('csv')).getAttribute('aria-describedby')).toBe('stats-export-publishes');
    expect(document.getElementById(statsIds.preview)).toBeNull();
    await show();
    expect(textOf(statsIds.preview)).toBe(
      'This is what saving a file would publish now. Showing the statistics publishes nothing.',
    );
    chooseLanguage('ar');
    await advance();
    expect(textOf(statsIds.exportPublishes)).toContain('حفظ ملف ينشر الأشهر المختارة.');
  });
});

describe('months that cannot be published', () => {
  const NOT_ENDED = {
    en: 'A chosen month has not ended yet. Its statistics can be published once it has: choose months up to last month.',
    sv: 'En av de valda månaderna har inte tagit slut än. Dess statistik kan publiceras när den har gjort det: välj månader till och med förra månaden.',
    ar: 'أحد الأشهر المختارة لم ينتهِ بعد. يمكن نشر إحصاءاته بعد انتهائه: اختر أشهرًا حتى الشهر الماضي.',
  };

  test('this month or a later one is refused before anything is sent, in the UI language', async () => {
    const calls = await statistics();
    await show('2026-03', '2026-03'); // 2 March 2026 now
    expect(errorShown()).toBe(NOT_ENDED.en);
    expect(document.activeElement).toBe(input(statsIds.from));
    await show('2026-01', '2026-04');
    expect(errorShown()).toBe(NOT_ENDED.en);
    expect(document.activeElement).toBe(input(statsIds.to));
    byId(statsIds.export('json')).click();
    await advance();
    expect(errorShown()).toBe(NOT_ENDED.en);
    chooseLanguage('sv');
    expect(errorShown()).toBe(NOT_ENDED.sv);
    chooseLanguage('ar');
    expect(errorShown()).toBe(NOT_ENDED.ar);
    expect(commands(calls)).not.toContain('statistics');
    expect(commands(calls)).not.toContain('export_statistics');
    // What was typed stays.
    expect([input(statsIds.from).value, input(statsIds.to).value]).toEqual(['2026-01', '2026-04']);
  });

  test("the shell's own refusal is shown the same (its clock may differ)", async () => {
    // The shell's month is February: February has not ended for it.
    const calls = await statistics(store({ role: 'supervisor', now: '2026-02-28T23:30:00Z' }));
    submit(statsIds.show);
    await advance();
    expect(commands(calls)).toContain('statistics');
    expect(errorShown()).toBe(NOT_ENDED.en);
    expect(document.getElementById(statsIds.results)).toBeNull();
    byId(statsIds.export('csv')).click();
    await advance();
    expect(errorShown()).toBe(NOT_ENDED.en);
    expect(textOf(statsIds.exportStatus)).toBe('The file was not saved.');
  });

  test('a call still open in a month: say to end or discard it, in every language', async () => {
    const fake = store({ role: 'supervisor' });
    fake.drafts.set('draft-9', { draftId: 'draft-9', caseNumber: '4821 0937 552', startedAt: '2026-01-31T22:00:00Z', content: blankContent(), newCase: true, case: null });
    await statistics(fake);
    type(statsIds.from, '2025-12');
    input(statsIds.periodTotal).click();
    submit(statsIds.show);
    await advance();
    expect(errorShown()).toBe(
      'A call that started in one of these months is still open. End or discard it from the unfinished calls on the home screen, then try again.',
    );
    expect([input(statsIds.from).value, input(statsIds.to).value, input(statsIds.periodTotal).checked]).toEqual([
      '2025-12',
      '2026-02',
      true,
    ]);
    chooseLanguage('sv');
    expect(errorShown()).toContain('Avsluta eller kasta det bland de oavslutade samtalen på startsidan');
    chooseLanguage('ar');
    expect(errorShown()).toContain('أنهِها أو احذفها من المكالمات غير المكتملة في الصفحة الرئيسية');
    // February alone has no open call.
    chooseLanguage('en');
    type(statsIds.from, '2026-02');
    submit(statsIds.show);
    await advance();
    expect(errorShown()).toBe('');
    expect(document.getElementById(statsIds.results)).not.toBeNull();
  });

  test('once published with one k, another k is refused, shown and exported', async () => {
    const calls = await statistics();
    byId(statsIds.export('csv')).click(); // publishes February with k = 5
    await advance();
    expect(textOf(statsIds.exportStatus)).toContain('Saved to');
    type(statsIds.k, '7');
    submit(statsIds.show);
    await advance();
    const text =
      "This helpline's statistics have already been published with another smallest count shown (k). Use the same k as in the earlier reports, so that reports can be compared without giving a hidden count away.";
    expect(errorShown()).toBe(text);
    byId(statsIds.export('html')).click();
    await advance();
    expect(errorShown()).toBe(text);
    expect(sent(calls, 'export_statistics').map((args) => args.k)).toEqual([5, 7]);
    expect(input(statsIds.k).value).toBe('7');
    chooseLanguage('sv');
    expect(errorShown()).toBe(
      'Statistiken har redan publicerats med ett annat minsta antal som visas (k). Använd samma k som i de tidigare rapporterna, så att rapporterna kan jämföras utan att ett dolt antal avslöjas.',
    );
    // The same k again is fine.
    type(statsIds.k, '5');
    submit(statsIds.show);
    await advance();
    expect(errorShown()).toBe('');
    expect(document.getElementById(statsIds.results)).not.toBeNull();
  });

  test('month_published is known and translated', async () => {
    await statistics(store({ role: 'supervisor' }), { statistics: () => Promise.reject(shellError('month_published')) });
    await show();
    expect(errorShown()).toBe(
      "The statistics of that month have been published, so no call can be added to it any more. Record the call with today's date and say in the notes when it took place.",
    );
    chooseLanguage('ar');
    expect(errorShown()).toBe(
      'نُشرت إحصاءات ذلك الشهر، فلم يعد ممكنًا إضافة مكالمة إليه. سجّل المكالمة بتاريخ اليوم واذكر في الملاحظات متى جرت.',
    );
  });
});

describe('in the UI language (issue 12)', () => {
  test('months and k show the Arabic UI\u2019s digits and month names; format names are isolated', async () => {
    const calls = await statistics();
    chooseLanguage('ar');
    await advance();
    // The digits Intl gives Arabic (Arabic-Indic where ICU says so), as every number of the UI.
    const digit = (n: number) => new Intl.NumberFormat('ar', { useGrouping: false }).format(n);
    const arabic = (text: string) => text.replace(/[0-9]/g, (d) => digit(Number(d)));
    // A fresh screen in Arabic: the form drawn from its state.
    byId(navIds.place('home')).click();
    await advance();
    byId(navIds.place('statistics')).click();
    await advance();
    expect(input(statsIds.from).value).toBe(arabic('2026-02'));
    expect(input(statsIds.k).value).toBe(arabic('5'));
    const monthName = new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 1, 1)));
    expect(textOf(statsIds.monthName(statsIds.from))).toBe(monthName);
    const format = byId(statsIds.export('xlsx')).querySelector('bdi');
    expect(format?.textContent).toBe('Excel (.xlsx)');
    expect(format?.getAttribute('dir')).toBe('ltr');
    expect(byId(statsIds.export('xlsx')).textContent).not.toContain('\u200f');
    submit(statsIds.show);
    await advance();
    expect(sent(calls, 'statistics').at(-1)).toMatchObject({ from: '2026-02', to: '2026-02', k: 5, language: 'ar' });
  });
});
