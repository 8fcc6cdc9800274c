// First run of the real desktop app, driven over WebDriver through tauri-driver:
// set-up → recovery code → home → lock → unlock → home.
//
// The caller builds the app, starts Xvfb and tauri-driver on 127.0.0.1:4444, points the app
// at a fresh, empty data folder, and sets HELPLINE_APP to the absolute path of the binary.

import assert from 'node:assert/strict';
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const APP = process.env.HELPLINE_APP;
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const WAIT = 30_000;

const USER = 'e2e-supervisor';
const PASSPHRASE = 'e2e correct horse battery staple';

/** The app binary, checked, or a clear error saying what to set. */
async function appBinary() {
  if (!APP) {
    throw new Error(
      'HELPLINE_APP is not set. Set it to the absolute path of the built helpline-desktop ' +
        'binary (e.g. target/debug/helpline-desktop); tauri-driver must be listening on ' +
        '127.0.0.1:4444.',
    );
  }
  if (!isAbsolute(APP)) throw new Error(`HELPLINE_APP must be an absolute path, not ${APP}`);
  try {
    await access(APP, constants.X_OK);
  } catch {
    throw new Error(`HELPLINE_APP=${APP} is not an executable file`);
  }
  return APP;
}

/** @type {WebdriverIO.Browser | undefined} */
let browser;

/** What #error says, for failure messages. */
async function shownError() {
  const box = await browser.$('#error');
  return (await box.isDisplayed()) ? await box.getText() : '(no #error shown)';
}

/** Waits until the element is displayed; on time-out, says which error the app showed. */
async function waitFor(selector) {
  const element = await browser.$(selector);
  try {
    await element.waitForDisplayed({ timeout: WAIT });
  } catch (cause) {
    await screenshot(`failed-${selector.replace(/[^a-z0-9-]/gi, '')}.png`);
    throw new Error(`${selector} was not shown within ${WAIT} ms; app says: ${await shownError()}`, {
      cause,
    });
  }
  return element;
}

/** Waits until no element matches (the screen was replaced). */
async function waitForGone(selector) {
  await browser.$(selector).waitForExist({ timeout: WAIT, reverse: true });
}

async function screenshot(name) {
  if (!browser) return;
  try {
    // WebKit's screenshot is the last painted frame: wait until the current DOM is painted.
    await browser.execute(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))),
    );
    await mkdir(ARTIFACTS, { recursive: true });
    await browser.saveScreenshot(`${ARTIFACTS}${name}`);
  } catch (error) {
    console.error(`could not save screenshot ${name}:`, error);
  }
}

/** Types into a field, replacing what is there. */
async function fill(selector, text) {
  const field = await waitFor(selector);
  await field.setValue(text);
}

describe('first run', () => {
  before(async () => {
    const application = await appBinary();
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await remote({
      hostname: '127.0.0.1',
      port: 4444,
      path: '/',
      logLevel: 'warn',
      connectionRetryTimeout: 120_000,
      connectionRetryCount: 1,
      // Exactly these: no browserName (WebKitWebDriver refuses to match one), and no BiDi.
      capabilities: {
        'tauri:options': { application },
        'wdio:enforceWebDriverClassic': true,
      },
    });
  });

  after(async () => {
    if (browser) {
      const session = browser;
      browser = undefined;
      await session.deleteSession();
    }
  });

  test('a fresh store asks for set-up', async () => {
    await waitFor('#setup');
    assert.equal(await browser.$('#unlock').isExisting(), false);
    for (const id of ['#setup-user', '#setup-passphrase', '#setup-passphrase-repeat', '#language']) {
      assert.ok(await browser.$(id).isDisplayed(), `${id} is shown`);
    }
  });

  test('set-up shows the recovery code once, then home', async () => {
    await fill('#setup-user', USER);
    await fill('#setup-passphrase', PASSPHRASE);
    await fill('#setup-passphrase-repeat', PASSPHRASE);
    await (await browser.$('#setup-submit')).click();

    const codeBox = await waitFor('#recovery-code');
    const code = (await codeBox.getText()).trim();
    assert.notEqual(code, '', 'the recovery code is not empty');
    assert.match(code, /^[0-9a-z]+(?:[ -][0-9a-z]+)+$/i, `groups of characters: ${code}`);
    assert.ok(code.replace(/[ -]/g, '').length >= 16, `long enough to be unguessable: ${code}`);
    assert.equal(await codeBox.getAttribute('dir'), 'ltr');

    const next = await browser.$('#recovery-continue');
    assert.equal(await next.isEnabled(), false, 'continue is disabled until the box is ticked');
    await (await browser.$('#recovery-stored')).click();
    await next.waitForEnabled({ timeout: WAIT });
    await next.click();

    await waitFor('#home');
    assert.equal(await (await browser.$('#home-user')).getText(), USER);
    assert.equal(await browser.$('#recovery-code').isExisting(), false, 'the code left the DOM');
    const source = await browser.getPageSource();
    assert.ok(!source.includes(code), 'the code is nowhere in the page any more');
    await screenshot('first-run-home.png');
  });

  test('lock returns to the unlock screen and clears home', async () => {
    await (await waitFor('#lock')).click();
    await waitFor('#unlock');
    await waitForGone('#home');
    assert.equal(await browser.$('#home-user').isExisting(), false);
  });

  test('unlock with the same credentials shows home again', async () => {
    await fill('#unlock-user', USER);
    await fill('#unlock-passphrase', PASSPHRASE);
    await (await browser.$('#unlock-submit')).click();
    await waitFor('#home');
    assert.equal(await (await browser.$('#home-user')).getText(), USER);
  });

  test('the Arabic UI is right to left and keeps the name isolated', async () => {
    await (await browser.$('#language')).selectByAttribute('value', 'ar');
    await browser.waitUntil(
      async () => (await browser.execute(() => document.documentElement.dir)) === 'rtl',
      { timeout: WAIT, timeoutMsg: '<html dir> did not become rtl' },
    );
    assert.equal(await browser.execute(() => document.documentElement.lang), 'ar');
    assert.equal(await (await browser.$('#home-user')).getText(), USER);
    await screenshot('first-run-home-ar.png');
    // Back to English, so the language saved in this data folder is the default again.
    await (await browser.$('#language')).selectByAttribute('value', 'en');
  });
});
