// A supervisor's statistics in the real app: after a call this month, this month cannot be
// published yet (it has not ended), and says so; last month's tables show (all 0 in a fresh
// store), with the chart; in Arabic the page is right to left.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { freshDataDir, openApp } from './support.mjs';

/** @type {import('./support.mjs').AppDriver} */
let app;

/** 'YYYY-MM' of the month `offset` months from now, in local time (as the app's form). */
function month(offset = 0) {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Sets both months of the form and presses Show. */
async function showMonth(value) {
  // The month fields are text fields the UI formats; set them by script.
  await app.browser.execute((chosen) => {
    for (const id of ['stats-from', 'stats-to']) {
      const input = document.getElementById(id);
      input.value = chosen;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, value);
  await app.click('#stats-show');
}

describe('statistics', () => {
  before(async () => {
    app = await openApp(await freshDataDir());
    await app.waitFor('#setup');
    await app.setUp('e2e-statistics-lead', 'e2e numbers that name nobody');
    await app.click('#new-call');
    await app.waitFor('#call');
    await app.fill('#notes', 'A note that must never reach a statistic.');
    await app.click('#end-call');
    await app.waitFor('#case-history');
  });

  after(async () => {
    await app?.close();
  });

  test('this month cannot be published yet; last month shows its tables', async () => {
    await app.click('#nav-statistics');
    await app.waitFor('#statistics');

    await showMonth(month(0));
    const refusal = await app.shownError();
    assert.ok(refusal.includes('has not ended yet'), `the month_not_ended text is shown, not: ${refusal}`);
    assert.ok(!(await app.exists('#stats-results')), 'nothing is shown for this month');

    await showMonth(month(-1));
    await app.waitFor('#stats-table-calls_by_channel');
    assert.equal(await app.shownError(), '(no #error shown)');
    // A fresh store had no call last month: every count is 0 (this month's call is not in it).
    assert.equal(await app.text('#stats-table-calls_by_channel tfoot td'), '0');
    const page = await app.text('#statistics');
    assert.ok(!page.includes('must never reach'), 'no notes in statistics');
    assert.ok(await app.exists('#statistics svg'), 'the chart is drawn');

    await app.setLanguage('ar');
    await app.waitFor('.stats-table');
    await app.screenshot('statistics-ar.png');
    await app.setLanguage('en');
  });
});
