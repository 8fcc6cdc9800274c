// The call screen as a volunteer with a distressed caller meets it: the header stays in view
// while the notes grow, a returning caller's case (last level, follow-up, earlier calls) is on
// the screen, the follow-up agreed in one call survives a later call that sets none, a finished
// call is corrected, a follow-up is marked done from the cases list, an empty call is not kept
// without a question, a copied number leaves the system clipboard when the store locks (but
// what another app copied since stays), and at 640×480 the notes and End call are in reach. Screenshots in three
// languages at both sizes.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { WAIT, freshDataDir, openApp } from './support.mjs';

const USER = 'e2e-call-screen';
const PASSPHRASE = 'e2e the header never scrolls away';

/** @type {import('./support.mjs').AppDriver} */
let app;

/** A day `days` from today, as the follow-up field takes it (YYYY-MM-DD). */
function dayFromToday(days) {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

async function waitUntilSaved() {
  await app.browser.waitUntil(async () => (await app.browser.$('#autosave-status').getAttribute('data-state')) === 'saved', {
    timeout: WAIT,
    timeoutMsg: 'the call was not autosaved',
  });
}

/** Whether the element lies wholly inside the window as it is scrolled now. */
async function inView(selector) {
  return app.browser.execute((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  }, selector);
}

async function scrollToBottom() {
  await app.browser.execute(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

/** What the X clipboard holds as `target`, as another app reads it (xclip); null when none. */
function clipboardText(target = 'UTF8_STRING') {
  try {
    return execFileSync('xclip', ['-o', '-selection', 'clipboard', '-t', target], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

/** Another app copies `text` (xclip serves it in the foreground until it is killed). */
function anotherAppCopies(text) {
  const xclip = spawn('xclip', ['-quiet', '-selection', 'clipboard', '-i'], { stdio: ['pipe', 'ignore', 'ignore'] });
  xclip.stdin.end(text);
  return xclip;
}

async function copyTheNumber() {
  await app.click('#copy-case-number');
  await app.browser.waitUntil(async () => (await app.browser.execute(() => document.getElementById('copy-status')?.textContent)) !== '', {
    timeout: WAIT,
    timeoutMsg: 'copying said nothing',
  });
  assert.match(await app.text('#copy-status'), /30 seconds/, 'the volunteer is told it is cleared');
}

async function lockAndUnlock() {
  await app.click('#lock');
  await app.waitFor('#unlock');
  await app.unlock(USER, PASSPHRASE);
  await app.waitFor('#call');
}

async function openCase(number) {
  await app.click('#nav-home');
  await app.fill('#lookup-number', number);
  await app.click('#lookup-submit');
  await app.waitFor('#case-history');
}

describe('the call screen', () => {
  let number;
  const followUp = dayFromToday(7);

  before(async () => {
    app = await openApp(await freshDataDir());
    await app.waitFor('#setup');
    await app.setUp(USER, PASSPHRASE);
  });

  after(async () => {
    await app?.close();
  });

  test('a new call: the notes have the focus and the header stays while they grow', async () => {
    await app.click('#new-call');
    await app.waitFor('#call');
    number = (await app.text('#call-case-number')).trim();
    assert.equal(await app.browser.execute(() => document.activeElement?.id), 'notes', 'typing starts in the notes');
    for (const part of ['#call-case-number', '#call-timer', '#autosave-status', '#call-current-level', '#end-call']) {
      assert.ok(await app.browser.$(`#call-header ${part}`).isExisting(), `${part} is in the header`);
    }
    const levelBefore = await app.text('#call-current-level');
    await app.click('#level-wish_to_leave');
    await app.browser.waitUntil(async () => (await app.text('#call-current-level')) !== levelBefore, {
      timeout: WAIT,
      timeoutMsg: 'the header shows the level chosen',
    });
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: the mother tells what her son said.`);
    await app.fill('#notes', lines.join('\n'));
    await app.fill('#next-steps', 'We call her back after the weekend.');
    await app.fill('#follow-up', followUp);
    await waitUntilSaved();
    await scrollToBottom();
    assert.ok(await inView('#call-case-number'), 'the number is in view after scrolling down');
    assert.ok(await inView('#end-call'), 'End call is in view after scrolling down');
    await app.click('#end-call');
    await app.waitFor('#case-history');
  });

  test('a returning call shows the case, and keeps the follow-up it does not change', async () => {
    await app.click('#new-call-on-case');
    await app.waitFor('#call');
    assert.equal((await app.text('#call-case-number')).trim(), number);
    const summary = await app.waitFor('#call-case-summary');
    assert.ok((await summary.getText()).length > 0, 'the header says where the case stands');
    await app.waitFor('#call-case-story');
    assert.match(await app.browser.$('#call-case-story').getText(), /after the weekend/, 'the last call is on the screen');
    await app.screenshot('call-returning-en-1100x760.png');

    await app.click('#level-in_transit_country');
    await app.fill('#notes', 'He has left; she heard from him in a transit country.');
    await waitUntilSaved();
    await app.click('#end-call');
    await app.waitFor('#case-history');

    await app.click('#nav-cases');
    await app.waitFor('#cases-table');
    const row = await app.browser.$(`//tr[contains(@class, "case-row")][.//button[normalize-space(.)="${number}"]]`);
    await row.waitForDisplayed({ timeout: WAIT });
    const shown = await row.$('td.follow-up').getText();
    assert.notEqual(shown.trim(), '', 'the case still has its follow-up');
    assert.doesNotMatch(shown, /^(none|—|-)$/i);
  });

  test('a finished call is corrected from the history by the volunteer who took it', async () => {
    await openCase(number);
    const correct = await app.waitFor('[id^="correct-call-"]');
    await correct.click();
    await app.waitFor('#correction-form');
    await app.fill('#correction-notes', 'He has left; she heard from him in a transit country. Corrected: it was Tuesday.');
    await app.click('#correction-save');
    await app.waitFor('#history-corrected');
    const notes = await app.browser.$$('.history-notes').map((n) => n.getText());
    assert.ok(notes.some((text) => text.includes('Corrected: it was Tuesday.')), `the history shows the correction: ${notes}`);
  });

  test('the cases list marks a follow-up done, and the case keeps none', async () => {
    await app.click('#nav-cases');
    const digits = number.replace(/\s/g, '');
    await app.waitFor(`#cases-mark-done-${digits}`);
    await app.click(`#cases-mark-done-${digits}`);
    await app.browser.waitUntil(async () => !(await app.exists(`#cases-mark-done-${digits}`)), {
      timeout: WAIT,
      timeoutMsg: 'the follow-up was not marked done',
    });
  });

  test('Alt+N then Alt+E asks before keeping a call with nothing recorded, and discards it', async () => {
    await app.click('#nav-home');
    await app.waitFor('#new-call');
    await app.browser.keys(['Alt', 'n']);
    await app.waitFor('#call');
    const empty = (await app.text('#call-case-number')).trim();
    await app.browser.keys(['Alt', 'e']);
    await app.waitFor('#empty-call-confirm');
    await app.click('#empty-call-discard');
    await app.waitForGone('#call');
    await app.click('#nav-home');
    await app.fill('#lookup-number', empty);
    await app.click('#lookup-submit');
    assert.equal(await app.exists('#case-history'), false, 'the discarded call left no case');
  });

  test('a copied number is on the system clipboard until the store locks; what was copied since stays', async () => {
    await app.click('#nav-home');
    await app.click('#new-call');
    await app.waitFor('#call');
    const copied = (await app.text('#call-case-number')).trim();
    await copyTheNumber();
    assert.equal(clipboardText(), copied, 'another app pastes the number');
    assert.match(clipboardText('TARGETS') ?? '', /^x-kde-passwordManagerHint$/m, 'marked for clipboard managers to skip');
    await lockAndUnlock();
    assert.equal(clipboardText(), null, 'locking took it off');

    await copyTheNumber();
    assert.equal(clipboardText(), copied);
    const other = anotherAppCopies('the address of the social services');
    try {
      await app.browser.waitUntil(async () => clipboardText() === 'the address of the social services', {
        timeout: WAIT,
        timeoutMsg: 'the other app did not copy',
      });
      await lockAndUnlock();
      assert.equal(clipboardText(), 'the address of the social services', 'what the user copied since is theirs');
    } finally {
      other.kill();
    }
    await app.click('#discard-call');
    await app.click('#discard-call-confirm');
    await app.waitForGone('#call');
  });

  for (const language of ['en', 'sv', 'ar']) {
    for (const [width, height] of [
      [1100, 760],
      [640, 480],
    ]) {
      test(`a returning call in ${language} at ${width}×${height}: notes and End call in reach`, async () => {
        await app.browser.setWindowSize(width, height);
        await app.setLanguage(language);
        await openCase(number);
        await app.click('#new-call-on-case');
        await app.waitFor('#call');
        await app.fill('#notes', language === 'ar' ? 'الأم تتصل مرة أخرى.' : 'The mother rings again.');
        await waitUntilSaved();
        await app.browser.execute(() => document.getElementById('notes')?.focus());
        assert.ok(await inView('#end-call'), 'End call is in view');
        assert.ok(await inView('#call-case-number'), 'the number is in view');
        assert.ok(
          await app.browser.execute(() => {
            const box = document.getElementById('notes')?.getBoundingClientRect();
            return box !== undefined && box.top < window.innerHeight && box.bottom > 0;
          }),
          'the notes are in view',
        );
        await app.screenshot(`call-returning-${language}-${width}x${height}.png`);
        await app.click('#discard-call');
        await app.click('#discard-call-confirm');
        await app.waitForGone('#call');
      });
    }
  }
});
