// What every end-to-end test needs: the app binary, a WebDriver session on tauri-driver with a
// fresh data folder of its own, explicit waits, and screenshots as artefacts.
//
// The caller (scripts/test.sh) builds the app, starts Xvfb and tauri-driver on 127.0.0.1:4444,
// and sets HELPLINE_APP to the absolute path of the binary.

import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

export const WAIT = 30_000;
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** The app binary, checked, or a clear error saying what to set. */
export async function appBinary() {
  const app = process.env.HELPLINE_APP;
  if (!app) {
    throw new Error(
      'HELPLINE_APP is not set. Set it to the absolute path of the built helpline-desktop ' +
        'binary (e.g. target/debug/helpline-desktop); tauri-driver must be listening on ' +
        '127.0.0.1:4444.',
    );
  }
  if (!isAbsolute(app)) throw new Error(`HELPLINE_APP must be an absolute path, not ${app}`);
  try {
    await access(app, constants.X_OK);
  } catch {
    throw new Error(`HELPLINE_APP=${app} is not an executable file`);
  }
  return app;
}

/** A fresh, empty data folder for one test file's store. */
export async function freshDataDir() {
  return mkdtemp(join(tmpdir(), 'helpline-e2e-'));
}

/** Starts the app on `dataDir` (with `extraArgs` after it) and returns the WebDriver session. */
export async function openApp(dataDir, extraArgs = []) {
  const application = await appBinary();
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    path: '/',
    logLevel: 'warn',
    connectionRetryTimeout: 120_000,
    connectionRetryCount: 1,
    // Exactly these: no browserName (WebKitWebDriver refuses to match one), and no BiDi.
    capabilities: {
      'tauri:options': { application, args: ['--data-dir', dataDir, ...extraArgs] },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  return new AppDriver(browser);
}

/** Kills every running instance of the app at once, as a crash or a power cut would. */
export async function killApp() {
  execFileSync('pkill', ['-KILL', '-f', await appBinary()]);
}

export class AppDriver {
  constructor(browser) {
    this.browser = browser;
  }

  async close() {
    try {
      await this.browser.deleteSession();
    } catch {
      // The app may already be gone (a test killed it); nothing is left to close.
    }
  }

  /** The error the app shows: #error, or the message at the field it is about. */
  async shownError() {
    const box = await this.browser.$('#error');
    if (await box.isDisplayed()) return await box.getText();
    const atField = await this.browser.$('.field-error');
    return (await atField.isExisting()) ? await atField.getText() : '(no #error shown)';
  }

  /** Waits until the element is displayed; on time-out, says which error the app showed. */
  async waitFor(selector) {
    const element = await this.browser.$(selector);
    try {
      await element.waitForDisplayed({ timeout: WAIT });
    } catch (cause) {
      await this.screenshot(`failed-${selector.replace(/[^a-z0-9-]/gi, '')}.png`);
      throw new Error(`${selector} was not shown within ${WAIT} ms; app says: ${await this.shownError()}`, { cause });
    }
    return element;
  }

  /** Waits until no element matches (the screen was replaced). */
  async waitForGone(selector) {
    await this.browser.$(selector).waitForExist({ timeout: WAIT, reverse: true });
  }

  async click(selector) {
    await (await this.waitFor(selector)).click();
  }

  /** Types into a field, replacing what is there. */
  async fill(selector, text) {
    await (await this.waitFor(selector)).setValue(text);
  }

  async text(selector) {
    return (await this.waitFor(selector)).getText();
  }

  async exists(selector) {
    return this.browser.$(selector).isExisting();
  }

  async setLanguage(language) {
    await (await this.waitFor('#language')).selectByAttribute('value', language);
    const dir = language === 'ar' ? 'rtl' : 'ltr';
    await this.browser.waitUntil(async () => (await this.browser.execute(() => document.documentElement.dir)) === dir, {
      timeout: WAIT,
      timeoutMsg: `<html dir> did not become ${dir}`,
    });
  }

  async screenshot(name) {
    try {
      // WebKit's screenshot is the last painted frame: wait until the current DOM is painted.
      await this.browser.execute(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))),
      );
      await mkdir(ARTIFACTS, { recursive: true });
      await this.browser.saveScreenshot(`${ARTIFACTS}${name}`);
    } catch (error) {
      console.error(`could not save screenshot ${name}:`, error);
    }
  }

  /** First-run set-up through to the home screen. */
  async setUp(user, passphrase) {
    await this.fill('#setup-user', user);
    await this.fill('#setup-passphrase', passphrase);
    await this.fill('#setup-passphrase-repeat', passphrase);
    await this.click('#setup-submit');
    const code = (await this.text('#recovery-code')).trim();
    await this.click('#recovery-stored');
    const next = await this.browser.$('#recovery-continue');
    await next.waitForEnabled({ timeout: WAIT });
    await next.click();
    await this.waitFor('#home');
    return code;
  }

  async unlock(user, passphrase) {
    await this.fill('#unlock-user', user);
    await this.fill('#unlock-passphrase', passphrase);
    await this.click('#unlock-submit');
  }
}
