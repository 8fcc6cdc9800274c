// Two desks of one helpline: desk A is the CLI (`target/debug/helpline`), desk B the real app,
// sharing cases through the real PostgreSQL that scripts/test.sh starts for this stage (it
// exports HELPLINE_TEST_POSTGRES_HOST, _PORT, _USER and _BIN). The test makes a database of its
// own, sets the server up and connects A with the CLI, records a call and invites a desk; the
// app joins from its first-run screen, finds the case by its number, adds a call, and its
// background sync takes it to the server soon after End call; A syncs and sees it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { WAIT, appBinary, freshDataDir, openApp } from './support.mjs';

const USER = 'sara';
const PASSPHRASE = 'e2e two desks share one helpline';
const NOTES_AT_A = 'A mother worried about her son, taken at desk A.';
const NOTES_AT_B = 'He called back himself, taken in the app at desk B.';
const NOTES_LATER_AT_A = 'A third call, back at desk A.';
/** How long the background sync may take after End call: far less than its minute. */
const SOON = 20_000;

/** Text without Fluent's isolation marks around placeables. */
function plain(text) {
  return text.replace(/[\u2068\u2069]/g, '');
}

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: this test needs the PostgreSQL that scripts/test.sh starts for its e2e stage`);
  }
  return value;
}

/** The CLI beside the app binary (the same target folder), or HELPLINE_CLI. */
async function cliBinary() {
  const cli = process.env.HELPLINE_CLI ?? join(dirname(await appBinary()), 'helpline');
  try {
    await access(cli, constants.X_OK);
  } catch {
    throw new Error(`${cli} is not an executable file: build it with cargo build -p helpline-cli (or set HELPLINE_CLI)`);
  }
  return cli;
}

/** The environment for the CLI: nothing of the caller's HELPLINE_* settings, sara signed in. */
function cliEnv(extra = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HELPLINE_')));
  return { ...clean, HELPLINE_USER: USER, HELPLINE_PASSPHRASE: PASSPHRASE, ...extra };
}

let cli;
let root;
let deskA;
let dbname;
/** The desks' address (over 127.0.0.1, with their password) and the password alone. */
let address;
let password;
let number;
let invitation;
/** @type {import('./support.mjs').AppDriver} */
let app;

/** `helpline --data-dir DIR ARGS` at desk A (or `dir`), `input` on standard input; its output. */
function helpline(args, { input = '', dir = deskA, extra = {} } = {}) {
  try {
    return execFileSync(cli, ['--data-dir', dir, ...args], { input, env: cliEnv(extra), encoding: 'utf8' });
  } catch (error) {
    throw new Error(`helpline ${args.join(' ')} failed: ${error.stderr ?? error}`, { cause: error });
  }
}

function psql(sql) {
  execFileSync(
    join(env('HELPLINE_TEST_POSTGRES_BIN'), 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', env('HELPLINE_TEST_POSTGRES_HOST'), '-p', env('HELPLINE_TEST_POSTGRES_PORT'), '-U', env('HELPLINE_TEST_POSTGRES_USER'), '-d', 'postgres', '-c', sql],
    { encoding: 'utf8' },
  );
}

describe('two desks, one helpline: the CLI and the app', () => {
  before(async () => {
    cli = await cliBinary();
    root = await mkdtemp(join(tmpdir(), 'helpline-e2e-desks-'));
    deskA = join(root, 'a');
    dbname = `e2e_${randomBytes(6).toString('hex')}`;
    psql(`CREATE DATABASE ${dbname}`);
  });

  after(async () => {
    await app?.close();
    // The app's connections end with it; FORCE ends any left over.
    if (dbname) psql(`DROP DATABASE IF EXISTS ${dbname} WITH (FORCE)`);
  });

  test('desk A: a store, the server set up, connected, a call recorded and synced, a desk invited', async () => {
    helpline(['init', '--user', USER], { extra: { HELPLINE_NEW_PASSPHRASE: PASSPHRASE } });
    const admin = `host=${env('HELPLINE_TEST_POSTGRES_HOST')} port=${env('HELPLINE_TEST_POSTGRES_PORT')} user=${env('HELPLINE_TEST_POSTGRES_USER')} dbname=${dbname}`;
    const printed = helpline(['server', 'init', '--url-file', '-'], { input: `${admin}\n`, dir: join(root, 'unused') }).trim();
    password = /password='?([^' ]+)'?/.exec(printed)?.[1];
    assert.ok(password, 'the desks\u2019 address holds their password');
    // Over 127.0.0.1 with the desks' password, as another computer's desk would connect (the
    // test server trusts anyone on its socket).
    address = `host=127.0.0.1 port=${env('HELPLINE_TEST_POSTGRES_PORT')} dbname=${dbname} user=${dbname}_desk password=${password}`;
    const addressFile = join(root, 'desk-address');
    await writeFile(addressFile, `${address}\n`, { mode: 0o600 });
    assert.match(helpline(['desk', 'connect', '--name', 'Office', '--url-file', addressFile]), /connected: yes/);

    number = helpline(['call', 'new', '--channel', 'phone', '--language', 'sv', '--level', '2', '--details-file', '-'], {
      input: JSON.stringify({ notes: NOTES_AT_A }),
    }).trim();
    assert.match(number, /^\d{4} \d{4} \d{3}$/);
    const pushed = JSON.parse(helpline(['sync', '--json']));
    assert.ok(pushed.pushed >= 1, JSON.stringify(pushed));

    invitation = helpline(['desk', 'invite', '--name', 'Laptop']).trim();
    assert.match(invitation, /^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){9}$/);
  });

  test('desk B: the app joins from its first-run screen and signs in', async () => {
    app = await openApp(await freshDataDir());
    await app.waitFor('#setup');
    await app.click('#setup-join');
    await app.waitFor('#join');
    assert.equal(await (await app.waitFor('#join-address')).getAttribute('type'), 'password');
    await app.fill('#join-address', address);
    await app.fill('#join-invitation', invitation);
    await app.fill('#join-user', USER);
    await app.fill('#join-passphrase', PASSPHRASE);
    await app.click('#join-submit');
    await app.waitFor('#home');
    assert.equal(await app.text('#home-user'), USER);
    const source = await app.browser.getPageSource();
    assert.ok(!source.includes(password), 'the desks\u2019 password is nowhere in the page');
    assert.ok(!source.includes(invitation), 'nor the invitation');
    // The sync right after sign-in: the header says so, quietly.
    await app.browser.waitUntil(async () => (await app.browser.$('#sync-state').getAttribute('data-state')) === 'synced', {
      timeout: WAIT,
      timeoutMsg: `the header never said synced; app says: ${await app.shownError()}`,
    });
    assert.match(await app.text('#sync-state'), /^Synced /);
  });

  test('the app finds A\u2019s case by its number and adds a call; the background sync takes it to the server', async () => {
    await app.fill('#lookup-number', number);
    await app.click('#lookup-submit');
    await app.waitFor('#case-history');
    assert.deepEqual(await app.browser.$$('.history-notes').map((n) => n.getText()), [NOTES_AT_A]);

    await app.click('#new-call-on-case');
    await app.waitFor('#call');
    await app.click('#level-in_transit_country');
    await app.fill('#notes', NOTES_AT_B);
    await app.browser.waitUntil(async () => (await app.browser.$('#autosave-status').getAttribute('data-state')) === 'saved', {
      timeout: WAIT,
      timeoutMsg: 'the notes were not autosaved',
    });
    await app.click('#end-call');
    await app.waitFor('#case-history');
    const ended = Date.now();

    // The desks screen: this desk's status; nothing waits once the background sync ran.
    await app.click('#nav-desks');
    await app.waitFor('#desks');
    assert.equal(await app.text('#desks-desk-name'), 'Laptop');
    assert.ok(!(await app.text('#desks-server')).includes(password), 'the server is shown without its password');
    await app.browser.waitUntil(async () => (await app.text('#desks-pending')) === '0', {
      timeout: SOON,
      timeoutMsg: 'the finished call was still waiting to be sent',
    });
    assert.ok(Date.now() - ended < SOON, 'sent soon after End call, not at the next minute');
    await app.screenshot('desks.png');
  });

  test('desk A syncs and sees the app\u2019s call in the case', async () => {
    const pulled = JSON.parse(helpline(['sync', '--json']));
    assert.equal(pulled.calls, 1, JSON.stringify(pulled));
    const shown = JSON.parse(helpline(['case', 'show', '--json', '-'], { input: `${number}\n` }));
    assert.deepEqual(shown.calls.map((call) => call.notes).sort(), [NOTES_AT_A, NOTES_AT_B].sort());
    // The app's call at level 3 after A's at 2: the case escalated, at A too.
    assert.ok(shown.calls.some((call) => call.escalated === true), JSON.stringify(shown.calls));
  });

  test('Sync now says what it did, and the case has the newest call', async () => {
    // A takes the case's next call; the app's Sync now files it.
    helpline(['call', 'new', '--case', '-', '--channel', 'phone', '--language', 'ar', '--details-file', '-'], {
      input: `${number}\n${JSON.stringify({ notes: NOTES_LATER_AT_A })}`,
    });
    helpline(['sync', '--json']);
    await app.click('#desks-sync-now');
    const report = plain(await app.text('#desks-sync-report'));
    assert.match(report, /^Synced\. Sent: \d+\. Calls from other desks: [01]\. Cases forgotten: 0\.$/);
    assert.equal(await app.shownError(), '(no #error shown)');
    await app.click('#nav-home');
    await app.fill('#lookup-number', number);
    await app.click('#lookup-submit');
    await app.waitFor('#case-history');
    const notes = await app.browser.$$('.history-notes').map((n) => n.getText());
    assert.deepEqual([...notes].sort(), [NOTES_AT_A, NOTES_AT_B, NOTES_LATER_AT_A].sort());
  });
});
