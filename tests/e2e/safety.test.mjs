// Nothing lost, nothing leaked, in the real app, as a supervisor: take a backup, check the
// store and the backup file, forget a case (after which the lookup finds nothing), and read
// and verify the audit trail.
//
// WebDriver cannot drive a native file dialog. Debug builds of the app read
// HELPLINE_E2E_DIALOG_DIR instead (src-tauri/src/dialogs.rs): a save goes into that folder
// under the offered name, an open takes the newest file there. scripts/test.sh sets it for
// tauri-driver, which the app inherits; this file reads the same variable.

import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { WAIT, freshDataDir, openApp } from './support.mjs';

const USER = 'e2e-safety-lead';
const PASSPHRASE = 'e2e nothing lost nothing leaked';

/** @type {import('./support.mjs').AppDriver} */
let app;
/** The case number of the one call made in `before`. */
let number = '';

function dialogDir() {
  const dir = process.env.HELPLINE_E2E_DIALOG_DIR;
  if (!dir) {
    throw new Error(
      'HELPLINE_E2E_DIALOG_DIR is not set. Set it (for tauri-driver, and so for the app, and for ' +
        'this test) to an empty folder that stands in for the native file dialogs.',
    );
  }
  return dir;
}

/** The file name the app offers for a backup taken today (its local date). */
function backupName() {
  const now = new Date();
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `helpline-${day}.hlbak`;
}

/** Waits until the element's text satisfies `check`; returns the text. */
async function textWhen(selector, check, what) {
  let text = '';
  await app.browser.waitUntil(
    async () => {
      text = await app.text(selector);
      return check(text);
    },
    { timeout: WAIT, timeoutMsg: `${selector}: ${what}; it says "${text}", and the app: ${await app.shownError()}` },
  );
  return text;
}

describe('safety', () => {
  before(async () => {
    dialogDir();
    app = await openApp(await freshDataDir());
    await app.waitFor('#setup');
    await app.setUp(USER, PASSPHRASE);
    await app.click('#new-call');
    await app.waitFor('#call');
    number = (await app.text('#call-case-number')).trim();
    await app.fill('#notes', 'A caller who will ask to be forgotten.');
    await app.click('#end-call');
    await app.waitFor('#case-history');
    await app.click('#nav-safety');
    await app.waitFor('#safety');
  });

  after(async () => {
    await app?.close();
  });

  test('a backup is taken where the dialog says, and is not the store in plain', async () => {
    await app.click('#backup-take');
    const path = join(dialogDir(), backupName());
    const status = await textWhen('#backup-status', (text) => text.includes(path), `should say it saved to ${path}`);
    assert.ok(status.startsWith('Backup saved to'), status);
    assert.ok((await stat(path)).size > 1000, 'the backup has the store in it');
    const bytes = await readFile(path);
    assert.equal(bytes.subarray(0, 8).toString('latin1'), 'HLPLBAK1');
    assert.equal(bytes.includes(Buffer.from('will ask to be forgotten')), false, 'no notes in plain');
    assert.equal(await app.shownError(), '(no #error shown)');
  });

  test('the store checks as sound, and so does the backup file', async () => {
    await app.click('#verify-store');
    const result = await textWhen('#verify-result', (text) => text.length > 0, 'should show the result');
    assert.match(result, /^The store is sound: .*\d.* encrypted values were opened and checked\.$/);

    await app.fill('#verify-backup-passphrase', PASSPHRASE);
    await app.click('#verify-backup-submit');
    const checked = await textWhen('#verify-backup-result', (text) => text.includes('The store is sound'), 'should check the backup');
    assert.ok(checked.includes(backupName()), checked);
    assert.equal(await (await app.browser.$('#verify-backup-passphrase')).getValue(), '', 'the passphrase is not kept');
    await app.screenshot('safety-checked.png');
  });

  test('a forgotten case is gone: the lookup says no case has that number', async () => {
    await app.fill('#forget-number', number);
    await app.click('#forget-submit');
    const question = await app.text('#forget-question');
    assert.ok(question.includes('cannot be undone'), question);
    await app.click('#forget-confirm-yes');
    await textWhen('#forget-notice', (text) => text.includes('was forgotten'), 'should say the case was forgotten');

    await app.click('#nav-home');
    await app.waitFor('#home');
    await app.fill('#lookup-number', number);
    await app.click('#lookup-submit');
    await app.browser.waitUntil(async () => (await app.shownError()).includes('No case has that number'), {
      timeout: WAIT,
      timeoutMsg: `the lookup should find no case; the app says: ${await app.shownError()}`,
    });
    assert.equal(await app.exists('#case-history'), false);
  });

  test('the audit trail lists what was done, newest first, and verifies whole', async () => {
    await app.click('#nav-safety');
    await app.waitFor('#safety');
    await app.click('#audit-show');
    await app.waitFor('#audit-table');
    const kinds = await app.browser.execute(() =>
      [...document.querySelectorAll('#audit-table .audit-entry')].map((row) => row.getAttribute('data-kind')),
    );
    assert.ok(kinds.includes('backup_taken'), `a backup entry in ${kinds}`);
    const table = await app.text('#audit-table');
    assert.ok(table.includes('Took a backup.'), table);
    assert.ok(table.includes(USER), 'entries name who acted');
    assert.equal(table.includes(number), false, 'the trail names no case number');
    assert.equal(table.includes(number.replace(/ /g, '')), false, 'not even without spaces');
    const seqs = await app.browser.execute(() =>
      [...document.querySelectorAll('#audit-table .audit-entry')].map((row) => Number(row.getAttribute('data-seq'))),
    );
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');

    await app.click('#audit-verify');
    const check = await textWhen('#audit-check', (text) => text.length > 0, 'should show the check');
    assert.ok(check.startsWith('The trail is whole:'), check);
    assert.match(await app.text('#audit-fingerprint'), /[0-9a-f]{16}/);

    await app.setLanguage('ar');
    await app.waitFor('#audit-table');
    await app.screenshot('safety-audit-ar.png');
    await app.setLanguage('en');
  });
});
