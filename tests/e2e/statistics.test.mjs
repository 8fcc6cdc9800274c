// A supervisor's statistics in the real app: after a call, this month's tables show, with the
// one call published as "<5", and the chart; in Arabic the page is right to left.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { freshDataDir, openApp } from './support.mjs';

/** @type {import('./support.mjs').AppDriver} */
let app;

function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
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

  test("this month's tables publish the single call as <5", async () => {
    await app.click('#nav-statistics');
    await app.waitFor('#statistics');
    // Month inputs may be plain text fields in WebKitGTK; set them by script either way.
    await app.browser.execute((month) => {
      for (const id of ['stats-from', 'stats-to']) {
        const input = document.getElementById(id);
        input.value = month;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }, thisMonth());
    await app.click('#stats-show');
    await app.waitFor('.stats-table');
    const page = await app.text('#statistics');
    assert.ok(page.includes('<5'), 'one call is published as <5');
    assert.ok(!page.includes('must never reach'), 'no notes in statistics');
    assert.ok(await app.exists('#statistics svg'), 'the chart is drawn');
    await app.setLanguage('ar');
    await app.waitFor('.stats-table');
    await app.screenshot('statistics-ar.png');
    await app.setLanguage('en');
  });
});
