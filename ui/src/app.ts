// The single window: a header with the language switcher, one screen, and #error.
// Which screen shows is decided by the Rust side (`app_status`) and by the replies to calls.

import { el } from './dom';
import {
  LANGUAGES,
  bundleFor,
  currentLanguage,
  errorText,
  initialLanguage,
  isLanguage,
  saveLanguage,
  setLanguage,
  t,
  type Language,
} from './i18n';
import * as ipc from './ipc';
import type { ErrorCode, Session } from './ipc';
import { homeScreen } from './screens/home';
import { recoveryScreen } from './screens/recovery';
import { setupScreen } from './screens/setup';
import { failedScreen, loadingScreen } from './screens/status';
import type { Screen } from './screens/types';
import { unlockScreen } from './screens/unlock';

export type View =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'setup' }
  | { kind: 'recovery'; code: string; session: Session; stored: boolean }
  | { kind: 'unlock' }
  | { kind: 'home'; session: Session };

export class App {
  private view: View = { kind: 'loading' };
  private error: ErrorCode | null = null;
  private busy = false;

  private readonly title: HTMLElement;
  private readonly languageLabel: HTMLLabelElement;
  private readonly languageSelect: HTMLSelectElement;
  private readonly screenHost: HTMLElement;
  private readonly errorBox: HTMLElement;

  constructor(private readonly host: HTMLElement) {
    this.title = el('h1', { id: 'app-title' });
    this.languageLabel = el('label', { for: 'language' });
    this.languageSelect = el('select', { id: 'language', name: 'language' });
    for (const language of LANGUAGES) {
      // Each language is named in itself, so anyone can find their own.
      const name = bundleFor(language).getMessage('language-name')?.value;
      const label = name ? bundleFor(language).formatPattern(name) : language;
      this.languageSelect.append(el('option', { value: language, lang: language }, label));
    }
    this.languageSelect.addEventListener('change', () => {
      const chosen = this.languageSelect.value;
      if (isLanguage(chosen)) this.switchLanguage(chosen);
    });
    this.screenHost = el('div', { id: 'screen' });
    this.errorBox = el('p', { id: 'error', role: 'alert', class: 'error', hidden: true });
    this.host.replaceChildren(
      el(
        'header',
        { class: 'top' },
        this.title,
        el('div', { class: 'language' }, this.languageLabel, this.languageSelect),
      ),
      el('main', { class: 'card' }, this.screenHost, this.errorBox),
    );
  }

  /** Shows the start screen the Rust side asks for. */
  async start(): Promise<void> {
    this.applyLanguage(initialLanguage());
    this.show({ kind: 'loading' });
    await this.refresh();
  }

  /** Re-reads `app_status` and shows the matching screen. */
  private async refresh(): Promise<void> {
    try {
      const status = await ipc.appStatus();
      switch (status.state) {
        case 'needs_setup':
          this.show({ kind: 'setup' });
          break;
        case 'locked':
          this.show({ kind: 'unlock' });
          break;
        case 'unlocked':
          this.show({ kind: 'home', session: { user: status.user, role: status.role } });
          break;
      }
    } catch (reason) {
      this.show({ kind: 'failed' });
      this.setError(ipc.toIpcError(reason).code);
    }
  }

  // --- language -------------------------------------------------------------------------

  private applyLanguage(language: Language): void {
    setLanguage(language);
    this.languageSelect.value = language;
    this.title.textContent = t('app-title');
    this.languageLabel.textContent = t('language-label');
    document.title = t('app-title');
  }

  /** Re-renders the current screen in `language`, keeping what was typed and the focus. */
  private switchLanguage(language: Language): void {
    if (language === currentLanguage()) return;
    saveLanguage(language);
    this.applyLanguage(language);
    this.rerender();
  }

  // --- screens --------------------------------------------------------------------------

  /** Replaces the screen (and everything it displayed) and clears any error. */
  private show(view: View): void {
    this.view = view;
    this.busy = false;
    this.setError(null);
    this.render(true);
  }

  private render(focus: boolean): void {
    const screen = this.screen();
    this.screenHost.replaceChildren(screen.root);
    if (this.error) this.errorBox.textContent = errorText(this.error);
    if (focus) screen.focus.focus();
  }

  /**
   * Renders the same screen again (new language, busy state) without losing what was typed
   * into its text fields or where the focus was. Other state lives in `this.view`.
   */
  private rerender(): void {
    const typed = new Map<string, string>();
    for (const input of this.screenHost.querySelectorAll('input')) {
      if (input.id && input.type !== 'checkbox' && input.type !== 'radio') typed.set(input.id, input.value);
    }
    const active = document.activeElement;
    const focusedId = active instanceof HTMLElement && this.screenHost.contains(active) ? active.id : '';
    this.render(false);
    for (const input of this.screenHost.querySelectorAll('input')) {
      const value = typed.get(input.id);
      if (value !== undefined) input.value = value;
    }
    if (focusedId) {
      const again = this.byId(focusedId);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  private screen(): Screen {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return loadingScreen();
      case 'failed':
        return failedScreen({ onRetry: () => void this.retry() });
      case 'setup':
        return setupScreen({
          busy: this.busy,
          onSubmit: (user, passphrase, repeat) => void this.setUp(user, passphrase, repeat),
        });
      case 'recovery':
        return recoveryScreen({
          code: view.code,
          stored: view.stored,
          onStoredChange: (stored) => {
            view.stored = stored;
          },
          // The code leaves the DOM and the app's memory with this screen.
          onContinue: () => this.show({ kind: 'home', session: view.session }),
        });
      case 'unlock':
        return unlockScreen({
          busy: this.busy,
          onSubmit: (user, passphrase) => void this.unlock(user, passphrase),
        });
      case 'home':
        return homeScreen({ session: view.session, busy: this.busy, onLock: () => void this.lock() });
    }
  }

  private setError(code: ErrorCode | null): void {
    this.error = code;
    this.errorBox.textContent = code ? errorText(code) : '';
    this.errorBox.hidden = code === null;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.rerender();
  }

  /** The element of the current screen with this id, if any. */
  private byId(id: string): Element | undefined {
    return Array.from(this.screenHost.querySelectorAll('[id]')).find((found) => found.id === id);
  }

  private field(id: string): HTMLInputElement | null {
    const found = this.byId(id);
    return found instanceof HTMLInputElement ? found : null;
  }

  /** Shows `code` and puts the focus (and selection) on the field to correct. */
  private fail(code: ErrorCode, fieldId: string, clear: readonly string[] = []): void {
    for (const id of clear) {
      const input = this.field(id);
      if (input) input.value = '';
    }
    this.setError(code);
    const input = this.field(fieldId);
    input?.focus();
    input?.select();
  }

  // --- actions --------------------------------------------------------------------------

  private async retry(): Promise<void> {
    this.show({ kind: 'loading' });
    await this.refresh();
  }

  private async setUp(userName: string, passphrase: string, repeat: string): Promise<void> {
    if (this.busy) return;
    if (passphrase !== repeat) {
      this.fail('passphrase_mismatch', 'setup-passphrase-repeat', ['setup-passphrase-repeat']);
      return;
    }
    this.setError(null);
    this.setBusy(true);
    try {
      const result = await ipc.setUpStore(userName, passphrase);
      this.show({
        kind: 'recovery',
        code: result.recoveryCode,
        session: { user: result.user, role: result.role },
        stored: false,
      });
    } catch (reason) {
      this.setBusy(false);
      const { code } = ipc.toIpcError(reason);
      if (code === 'store_exists') {
        // Someone set it up meanwhile; the Rust side knows which screen is right.
        await this.refresh();
        this.setError(code);
      } else if (code === 'invalid_user_name') {
        this.fail(code, 'setup-user');
      } else if (code === 'passphrase_too_short' || code === 'passphrase_too_long') {
        this.fail(code, 'setup-passphrase', ['setup-passphrase-repeat']);
      } else {
        this.fail(code, 'setup-user');
      }
    }
  }

  private async unlock(userName: string, passphrase: string): Promise<void> {
    if (this.busy) return;
    this.setError(null);
    this.setBusy(true);
    try {
      const session = await ipc.unlock(userName, passphrase);
      this.show({ kind: 'home', session });
    } catch (reason) {
      this.setBusy(false);
      const { code } = ipc.toIpcError(reason);
      if (code === 'unknown_user' || code === 'invalid_user_name') {
        this.fail(code, 'unlock-user', ['unlock-passphrase']);
      } else {
        this.fail(code, 'unlock-passphrase', ['unlock-passphrase']);
      }
    }
  }

  private async lock(): Promise<void> {
    if (this.busy) return;
    this.setError(null);
    this.setBusy(true);
    try {
      await ipc.lock();
      this.show({ kind: 'unlock' });
    } catch (reason) {
      const { code } = ipc.toIpcError(reason);
      // Whatever happened, show what the Rust side now says, and why the lock failed.
      await this.refresh();
      this.setError(code);
    }
  }
}

/** Mounts the app into `host` and shows the first screen. */
export async function startApp(host: HTMLElement): Promise<App> {
  const app = new App(host);
  await app.start();
  return app;
}
