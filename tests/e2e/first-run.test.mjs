// First run of the real desktop app, driven over WebDriver through tauri-driver:
// set-up → recovery code → home → lock → unlock → home.
//
// The caller builds the app, starts Xvfb and tauri-driver on 127.0.0.1:4444, points the app
// at a fresh, empty data folder, and sets HELPLINE_APP to the absolute path of the binary.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { WAIT, freshDataDir, openApp } from './support.mjs';

const USER = 'e2e-supervisor';
const PASSPHRASE = 'e2e correct horse battery staple';

/** @type {import('./support.mjs').AppDriver} */
let app;
/** @type {WebdriverIO.Browser} */
let browser;

describe('first run', () => {
  before(async () => {
    app = await openApp(await freshDataDir());
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
  });

  test('a fresh store asks for set-up', async () => {
    await app.waitFor('#setup');
    assert.equal(await browser.$('#unlock').isExisting(), false);
    for (const id of ['#setup-user', '#setup-passphrase', '#setup-passphrase-repeat', '#language']) {
      assert.ok(await browser.$(id).isDisplayed(), `${id} is shown`);
    }
  });

  test('set-up shows the recovery code once, then home', async () => {
    await app.fill('#setup-user', USER);
    await app.fill('#setup-passphrase', PASSPHRASE);
    await app.fill('#setup-passphrase-repeat', PASSPHRASE);
    await (await browser.$('#setup-submit')).click();

    const codeBox = await app.waitFor('#recovery-code');
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

    await app.waitFor('#home');
    assert.equal(await (await browser.$('#home-user')).getText(), USER);
    assert.equal(await browser.$('#recovery-code').isExisting(), false, 'the code left the DOM');
    const source = await browser.getPageSource();
    assert.ok(!source.includes(code), 'the code is nowhere in the page any more');
    await app.screenshot('first-run-home.png');
  });

  test('lock returns to the unlock screen and clears home', async () => {
    await (await app.waitFor('#lock')).click();
    await app.waitFor('#unlock');
    await app.waitForGone('#home');
    assert.equal(await browser.$('#home-user').isExisting(), false);
  });

  test('unlock with the same credentials shows home again', async () => {
    await app.fill('#unlock-user', USER);
    await app.fill('#unlock-passphrase', PASSPHRASE);
    await (await browser.$('#unlock-submit')).click();
    await app.waitFor('#home');
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
    // No screenshot here: WebKitWebDriver's screenshot of this screen hangs (every time on
    // this machine), and the session with it; the call test keeps Arabic screens as artefacts.
    // Back to English, so the language saved in this data folder is the default again.
    await (await browser.$('#language')).selectByAttribute('value', 'en');
  });
});
