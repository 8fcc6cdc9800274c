// The lock lives in the shell, not in the webview: the real app locks by itself after the idle
// time, while its page is hung, when logind says the computer is going to sleep, and when the
// desktop's screensaver locks the screen.
//
// A minute lasts 2 s here (--test-minute-ms, debug builds only), so the default 5 minutes are
// 10 s. scripts/test.sh runs the app under a private session bus (dbus-run-session) and a
// private bus standing in for the system bus (DBUS_SYSTEM_BUS_ADDRESS); the signals are sent
// with dbus-send, as logind and the screensaver send them.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { WAIT, freshDataDir, openApp } from './support.mjs';

const USER = 'e2e-lock-supervisor';
const PASSPHRASE = 'e2e lanterns over the quiet harbour';
const MINUTE_MS = 2000;
const IDLE_MS = 5 * MINUTE_MS;

/** @type {import('./support.mjs').AppDriver} */
let app;
/** @type {WebdriverIO.Browser} */
let browser;

/** Sends a D-Bus signal on `bus` ('system' or 'session'), as the system would. */
function signal(bus, path, member, ...body) {
  const where = bus === 'system' ? `--bus=${process.env.DBUS_SYSTEM_BUS_ADDRESS}` : '--session';
  execFileSync('dbus-send', [where, '--type=signal', path, member, ...body]);
}

/** Sends the signal until the unlock screen shows: the app's listener may still be joining. */
async function untilLocked(send) {
  await browser.waitUntil(
    async () => {
      send();
      return browser.$('#unlock').isDisplayed();
    },
    { timeout: WAIT, interval: 300, timeoutMsg: 'the signal did not lock the app' },
  );
}

/** Whether the shell itself says the store is locked, asked past the UI. */
async function shellSaysLocked() {
  const status = await browser.execute(() => window.__TAURI_INTERNALS__.invoke('app_status'));
  return status.state === 'locked';
}

describe('the lock in the shell', () => {
  before(async () => {
    if (!process.env.DBUS_SYSTEM_BUS_ADDRESS || !process.env.DBUS_SESSION_BUS_ADDRESS) {
      throw new Error('run under scripts/test.sh e2e: it starts the buses this test signals on');
    }
    app = await openApp(await freshDataDir(), ['--test-minute-ms', String(MINUTE_MS)]);
    browser = app.browser;
    await app.waitFor('#setup');
  });

  after(async () => {
    await app?.close();
  });

  test('the idle time without input locks, and the unlock screen says why', async () => {
    await app.setUp(USER, PASSPHRASE);
    const since = Date.now();
    await app.waitFor('#unlock');
    assert.ok(Date.now() - since >= IDLE_MS - 3 * MINUTE_MS, 'not long before the idle time');
    assert.match(await app.shownError(), /nobody used it for a while/);
    assert.equal(await shellSaysLocked(), true);
  });

  test('a hung page is locked all the same, and shows the unlock screen once it runs again', async () => {
    await app.unlock(USER, PASSPHRASE);
    await app.waitFor('#home');
    // The page's thread is busy for longer than the idle time: nothing in it can run, or lock.
    const busyFor = IDLE_MS + 4 * MINUTE_MS;
    await browser.execute((ms) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        // Hung.
      }
    }, busyFor);
    await app.waitFor('#unlock');
    assert.equal(await shellSaysLocked(), true);
    assert.equal(await app.exists('#home'), false);
  });

  test('the computer going to sleep locks (logind PrepareForSleep)', async () => {
    await app.unlock(USER, PASSPHRASE);
    await app.waitFor('#home');
    await untilLocked(() =>
      signal('system', '/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep', 'boolean:true'),
    );
    assert.match(await app.shownError(), /when the computer went to sleep/);
    assert.equal(await shellSaysLocked(), true);
  });

  test('waking up does not lock (PrepareForSleep false)', async () => {
    await app.unlock(USER, PASSPHRASE);
    await app.waitFor('#home');
    for (let i = 0; i < 5; i++) {
      signal('system', '/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep', 'boolean:false');
    }
    await browser.pause(500);
    assert.equal(await shellSaysLocked(), false);
    assert.ok(await browser.$('#home').isDisplayed());
  });

  test('the desktop locking the screen locks (ScreenSaver ActiveChanged)', async () => {
    await untilLocked(() =>
      signal('session', '/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.ActiveChanged', 'boolean:true'),
    );
    assert.match(await app.shownError(), /locked with the screen/);
    assert.equal(await shellSaysLocked(), true);
  });
});
