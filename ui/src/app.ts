// The single window: a header with the language switcher, #error, and one screen.
// Which screen shows is decided by the Rust side (`app_status`) and by the screens, through
// the context the app gives them; each screen keeps its own state and asks the shell through
// the one task runner.
//
// While unlocked, the app holds a session: the settings, the input reporter, the keyboard
// shortcuts and the cases filter. Locking by hand (button, Ctrl+L) saves the open call's draft;
// the shell locks by itself (idle, suspend, screen lock) and says so over a channel. Either way
// the session ends and every screen is replaced, so nothing of it stays in the DOM.

import { clearFieldError, el, showFieldError } from './dom';
import { formatCount } from './format';
import {
  LANGUAGES,
  bundleFor,
  currentLanguage,
  errorText,
  initialLanguage,
  isLanguage,
  setLanguage,
  t,
  type Language,
} from './i18n';
import { InputReporter } from './idle';
import * as ipc from './ipc';
import type { CallContent, CasesFilter, ClientErrorCode, ErrorCode, LimitView, LockReason, Session, Settings, SignedIn, SyncState } from './ipc';
import { CallScreen, copyContent, resumedCall } from './screens/call';
import { CasesScreen, defaultFilter } from './screens/cases';
import { DesksScreen } from './screens/desks';
import { HistoryScreen } from './screens/history';
import { HomeScreen } from './screens/home';
import type { ActiveCall, Place } from './screens/types';
import { PassphraseScreen } from './screens/passphrase';
import { RecoveryScreen } from './screens/recovery';
import { SafetyScreen } from './screens/safety';
import { SettingsScreen } from './screens/settings';
import { SetupScreen } from './screens/setup';
import { StatisticsScreen } from './screens/statistics';
import { ids as syncIds, syncWords } from './screens/sync-state';
import { failedScreen, loadingScreen } from './screens/status';
import type { Context, LockedContext, Screen, SessionContext } from './screens/types';
import { UnlockScreen } from './screens/unlock';
import { TaskRunner, type TaskHost } from './tasks';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export const ids = {
  title: 'app-title',
  language: 'language',
  screen: 'screen',
  error: 'error',
} as const;

function defaultSettings(): Settings {
  return { referrals: [], transitCountries: [], idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES, retentionMonths: null };
}

/** What the unlock screen says after the shell locked by itself. */
const LOCKED_BECAUSE: Record<LockReason, ClientErrorCode> = {
  idle: 'locked_idle',
  suspend: 'locked_suspend',
  screen_locked: 'locked_screen',
};

function isShortcut(event: KeyboardEvent, letter: string, modifier: 'alt' | 'ctrl'): boolean {
  // event.code names the physical key, so the shortcut also works with an Arabic layout.
  const key = event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter;
  if (!key || event.metaKey || event.shiftKey) return false;
  return modifier === 'alt' ? event.altKey && !event.ctrlKey : event.ctrlKey && !event.altKey;
}

/** A limit's bounds as the error messages' `$min` and `$max`, in the language's own digits. */
function limitArgs(limit: LimitView | null): Record<string, string> {
  if (!limit) return {};
  const args: Record<string, string> = { max: formatCount(limit.max) };
  if (limit.min !== null) args.min = formatCount(limit.min);
  return args;
}

export class App {
  private screen: Screen = loadingScreen();
  private error: ErrorCode | null = null;
  /** The limit the shown error names, if any. */
  private errorLimit: LimitView | null = null;
  /** The id of the field the shown error is about: it shows there, not in #error. */
  private errorField: string | null = null;
  /** Bumped whenever a session ends; replies that arrive later are dropped. */
  private epoch = 0;

  // The session: set while unlocked, dropped on lock.
  private session: Session | null = null;
  /** What screens of the session are given; null while locked. */
  private signedIn: SessionContext | null = null;
  private settings: Settings = defaultSettings();
  private settingsLoad: Promise<void> = Promise.resolve();
  private filter: CasesFilter = defaultFilter();
  private input: InputReporter | null = null;
  private locking = false;
  /** What the shell's background sync last said; shown in the header while signed in. */
  private syncState: SyncState = { state: 'off' };
  /** A new case's call as start_call sent it: the same for every such call, so kept across locks. */
  private blankCall: CallContent | null = null;
  /**
   * The call open when the store was locked (its draft is saved): the same user's next sign-in
   * goes straight back into it. Random ids and the blank content only, nothing of the call.
   */
  private lockedCall: { user: string; draftId: string; blank: CallContent | null } | null = null;

  private readonly tasks: TaskRunner;
  /** What every screen is given. */
  private readonly display: Context;
  /** What the screens before sign-in are given. */
  private readonly locked: LockedContext;

  private readonly title: HTMLElement;
  private readonly languageLabel: HTMLLabelElement;
  private readonly languageSelect: HTMLSelectElement;
  private readonly syncBox: HTMLElement;
  private readonly main: HTMLElement;
  private readonly screenHost: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly document: Document;

  private readonly onKeyDown = (event: KeyboardEvent): void => this.shortcut(event);
  private readonly onLeave = (): void => this.openCall()?.saveNow();
  private readonly onVisibility = (): void => {
    if (this.document.visibilityState === 'hidden') this.openCall()?.saveNow();
  };

  constructor(private readonly host: HTMLElement) {
    this.document = host.ownerDocument;
    const taskHost: TaskHost = {
      epoch: () => this.epoch,
      shows: (screen) => screen === this.screen,
      redraw: (screen) => {
        if (screen === this.screen) this.rerender();
      },
      showError: (code, limit) => this.setError(code, limit),
      fail: (code, field, clear, limit) => this.fail(code, field, clear, limit),
      sessionLost: (code) => this.sessionLost(code),
    };
    this.tasks = new TaskRunner(taskHost);
    this.display = {
      tasks: this.tasks,
      redraw: taskHost.redraw,
      reopen: (screen) => {
        if (screen === this.screen) this.show(screen);
      },
      showError: (code, limit, field) => this.setError(code, limit, field ?? null),
      clearError: (code) => {
        if (this.error === code) this.setError(null);
      },
      fail: (code, field, clear = [], limit) => this.fail(code, field, clear, limit),
      focus: (id) => this.byId(id)?.focus(),
      empty: (fields) => this.empty(fields),
    };
    this.locked = {
      ...this.display,
      signIn: (signedIn) => this.startSession(signedIn),
      showRecoveryCode: (code, session) => this.show(new RecoveryScreen(this.locked, code, session)),
      refresh: () => this.refresh(),
    };

    this.title = el('h1', { id: ids.title });
    this.languageLabel = el('label', { for: ids.language });
    this.languageSelect = el('select', { id: ids.language, name: ids.language });
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
    // Quiet: not a live region, so a sync every minute is not read out; its words are there to see.
    this.syncBox = el('p', { id: syncIds.header, class: 'sync-state', hidden: true });
    this.screenHost = el('div', { id: ids.screen });
    this.errorBox = el('p', { id: ids.error, role: 'alert', class: 'error', hidden: true });
    // Above the screen, in the flow: an error about no field never covers a button.
    this.main = el('main', { class: 'card' }, this.errorBox, this.screenHost);
    this.host.replaceChildren(
      el(
        'header',
        { class: 'top' },
        this.title,
        this.syncBox,
        el('div', { class: 'language' }, this.languageLabel, this.languageSelect),
      ),
      this.main,
    );
    this.document.addEventListener('keydown', this.onKeyDown);
    this.document.defaultView?.addEventListener('blur', this.onLeave);
    this.document.defaultView?.addEventListener('pagehide', this.onLeave);
    this.document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Shows the start screen the Rust side asks for. */
  async start(): Promise<void> {
    // The webview keeps nothing between starts; the shell keeps the language last chosen.
    let saved: Language | null = null;
    let unreadable: ErrorCode | null = null;
    try {
      saved = await ipc.uiLanguage();
    } catch (reason) {
      unreadable = ipc.toIpcError(reason).code;
    }
    this.applyLanguage(initialLanguage(saved));
    this.show(loadingScreen());
    try {
      await ipc.watchLock((reason) => this.lockedByShell(reason));
    } catch {
      // The shell locks all the same; the first command after a lock is refused with
      // store_locked, which brings the unlock screen (sessionLost).
    }
    try {
      await ipc.watchSync((state) => this.syncChanged(state));
    } catch {
      // The header then says nothing of the sync; the desks screen still asks for its status.
    }
    await this.refresh();
    // Said on the first screen; the system's language is shown meanwhile.
    if (unreadable) this.setError(unreadable);
  }

  /** Removes the app's listeners and timers (tests mount many apps in one document). */
  dispose(): void {
    this.endSession();
    this.document.removeEventListener('keydown', this.onKeyDown);
    this.document.defaultView?.removeEventListener('blur', this.onLeave);
    this.document.defaultView?.removeEventListener('pagehide', this.onLeave);
    this.document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Re-reads `app_status` and shows the matching screen. */
  private async refresh(): Promise<void> {
    try {
      const status = await ipc.appStatus();
      switch (status.state) {
        case 'needs_setup':
          this.endSession();
          this.show(new SetupScreen(this.locked));
          break;
        case 'locked':
          this.endSession();
          this.show(new UnlockScreen(this.locked));
          break;
        case 'unlocked':
          this.startSession({ user: status.user, role: status.role });
          break;
      }
    } catch (reason) {
      this.endSession();
      this.show(failedScreen(() => void this.retry()));
      this.setError(ipc.toIpcError(reason).code);
    }
  }

  private async retry(): Promise<void> {
    this.show(loadingScreen());
    await this.refresh();
  }

  // --- language -------------------------------------------------------------------------

  private applyLanguage(language: Language): void {
    setLanguage(language);
    this.languageSelect.value = language;
    this.title.textContent = t('app-title');
    this.languageLabel.textContent = t('language-label');
    this.document.title = t('app-title');
    this.drawSync();
  }

  // --- the sync state in the header -----------------------------------------------------

  /** The shell's background sync has something new to say. */
  private syncChanged(state: SyncState): void {
    this.syncState = state;
    this.drawSync();
    this.screen.syncChanged?.(state);
  }

  /** Shown while signed in and the desk is connected; never an error dialog. */
  private drawSync(): void {
    const words = this.session ? syncWords(this.syncState) : null;
    this.syncBox.hidden = words === null;
    this.syncBox.textContent = words?.text ?? '';
    this.syncBox.dataset.state = words ? this.syncState.state : '';
    if (words?.detail) this.syncBox.title = words.detail;
    else this.syncBox.removeAttribute('title');
  }

  /** Keeps the choice for the next start; a failure says so, the switch stands. */
  private async keepLanguage(language: Language): Promise<void> {
    try {
      await ipc.setUiLanguage(language);
    } catch (reason) {
      this.setError(ipc.toIpcError(reason).code);
    }
  }

  /** Re-renders the current screen in `language`, keeping what was typed and the focus. */
  private switchLanguage(language: Language): void {
    if (language === currentLanguage()) return;
    void this.keepLanguage(language);
    this.applyLanguage(language);
    this.rerender();
    this.screen.languageChanged?.();
  }

  // --- the screen and the error box -----------------------------------------------------

  /** Replaces the screen (and everything it displayed) and clears any error. */
  private show(screen: Screen): void {
    if (screen !== this.screen) this.screen.leave?.();
    this.screen = screen;
    this.setError(null);
    // A new screen opens at its top (the history after End call too), not where the last one was scrolled.
    this.document.scrollingElement?.scrollTo?.({ top: 0 });
    this.render(true);
    this.input?.setCallOpen(screen instanceof CallScreen);
  }

  private render(focus: boolean): void {
    const rendered = this.screen.render();
    this.main.classList.toggle('wide', this.session !== null);
    this.screenHost.replaceChildren(rendered.root);
    this.drawError();
    if (focus) rendered.focus.focus();
  }

  /**
   * Renders the same screen again (new language, busy state, a reply) without losing what was
   * typed into its fields or where the focus was.
   */
  private rerender(): void {
    const typed = new Map<string, string>();
    for (const control of this.controls()) {
      if (control.id && control.type !== 'checkbox' && control.type !== 'radio') typed.set(control.id, control.value);
    }
    const active = this.document.activeElement;
    const focusedId = active instanceof HTMLElement && this.screenHost.contains(active) ? active.id : '';
    this.render(false);
    for (const control of this.controls()) {
      const value = typed.get(control.id);
      if (value !== undefined && control.value !== value) control.value = value;
    }
    if (focusedId) this.byId(focusedId)?.focus();
  }

  private controls(): NodeListOf<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> {
    return this.screenHost.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea');
  }

  /**
   * Shows `code`: next to its field when there is one on screen (`field`, or the field a core
   * limit names), else in #error. Null clears both.
   */
  private setError(code: ErrorCode | null, limit: LimitView | null = null, field: string | null = null): void {
    this.error = code;
    this.errorLimit = code ? limit : null;
    // A core limit names its field in snake_case; the input of the same name is in kebab-case.
    const limited = limit ? limit.field.replace(/_/g, '-') : null;
    const input = limited ? this.byId(limited) : undefined;
    const isInput = input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement;
    this.errorField = code ? (field ?? (isInput ? limited : null)) : null;
    this.drawError();
  }

  /** Draws the error as set, again after a redraw: at its field, or in #error. */
  private drawError(): void {
    for (const shown of this.screenHost.querySelectorAll<HTMLElement>('.field-error')) {
      const control = this.byId(shown.dataset.field ?? '');
      if (control) clearFieldError(control);
      else shown.remove();
    }
    const text = this.error ? errorText(this.error, limitArgs(this.errorLimit)) : '';
    const control = this.errorField ? this.byId(this.errorField) : undefined;
    if (this.error && control) {
      const code = this.error;
      // A field folded away (the call's details) is unfolded, so its message is seen.
      const folded = control.closest('details');
      if (folded && !folded.open) folded.open = true;
      showFieldError(control, text, () => {
        if (this.error === code) this.setError(null);
      });
    }
    const inBox = this.error !== null && control === undefined;
    const appears = inBox && this.errorBox.hidden;
    this.errorBox.textContent = inBox ? text : '';
    this.errorBox.hidden = !inBox;
    // Above a long page it may be out of sight: bring it in, as little as needed.
    if (appears) this.errorBox.scrollIntoView?.({ block: 'nearest' });
  }

  /** The element of the current screen with this id, if any. */
  private byId(id: string): HTMLElement | undefined {
    const found = Array.from(this.screenHost.querySelectorAll('[id]')).find((element) => element.id === id);
    return found instanceof HTMLElement ? found : undefined;
  }

  private empty(fields: readonly string[]): void {
    for (const id of fields) {
      const input = this.byId(id);
      if (input instanceof HTMLInputElement) input.value = '';
    }
  }

  /** Shows `code` and puts the focus (and selection) on the field to correct. */
  private fail(code: ErrorCode, fieldId: string, clear: readonly string[], limit: LimitView | null = null): void {
    this.empty(clear);
    this.setError(code, limit, fieldId);
    const target = this.byId(fieldId);
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  }

  // --- session --------------------------------------------------------------------------

  /**
   * Unlocked: read the settings, report input to the shell's idle lock, and show home, saying to a supervisor what
   * the retention period destroyed at sign-in, or that it could not run.
   */
  private startSession(signedIn: Session | SignedIn): void {
    this.endSession();
    const session: Session = { user: signedIn.user, role: signedIn.role };
    this.session = session;
    this.signedIn = this.sessionContext(session);
    this.drawSync();
    const epoch = this.epoch;
    this.input = new InputReporter(this.document, (callOpen) => void this.noteInput(epoch, callOpen));
    this.input.start();
    this.settingsLoad = ipc.getSettings().then(
      (settings) => {
        if (epoch === this.epoch) this.useSettings(settings);
      },
      (reason: unknown) => {
        if (epoch !== this.epoch) return;
        const error = this.tasks.failure(reason);
        if (error) this.setError(error.code, error.limit);
      },
    );
    const casesExpired = 'casesExpired' in signedIn ? signedIn.casesExpired : 0;
    const locked = this.lockedCall;
    this.lockedCall = null;
    if (locked && locked.user === session.user) void this.resumeLockedCall(locked, casesExpired);
    else this.goHome(casesExpired);
    if ('retentionFailed' in signedIn && signedIn.retentionFailed && session.role === 'supervisor') {
      this.setError('retention_failed');
    }
  }

  /** Back into the call a lock interrupted, as an unfinished call; home if it is gone. */
  private async resumeLockedCall(locked: { draftId: string; blank: CallContent | null }, casesExpired: number): Promise<void> {
    const ctx = this.signedIn;
    if (!ctx) return;
    this.show(loadingScreen());
    const current = this.tasks.watch(this.screen);
    try {
      const draft = (await ipc.unfinishedCalls()).find((item) => item.draftId === locked.draftId);
      if (!current()) return;
      if (draft) {
        this.showCall(ctx, resumedCall(draft, locked.blank));
        return;
      }
    } catch (reason) {
      if (!current() || this.tasks.failure(reason) === null) return;
    }
    this.goHome(casesExpired);
  }

  /** Drops everything the session held; later replies to its calls are ignored. */
  private endSession(): void {
    this.epoch += 1;
    this.input?.stop();
    this.input = null;
    this.screen.leave?.();
    this.session = null;
    this.signedIn = null;
    this.settings = defaultSettings();
    this.settingsLoad = Promise.resolve();
    this.filter = defaultFilter();
    this.drawSync();
  }

  /** The store was locked behind the UI's back: the session is gone. */
  private sessionLost(code: ErrorCode): boolean {
    if (!this.session) return false;
    this.endSession();
    this.show(new UnlockScreen(this.locked));
    this.setError(code);
    return true;
  }

  private useSettings(settings: Settings): void {
    this.settings = settings;
  }

  /**
   * Tells the shell's idle lock that a person used the page. A refusal because the store is
   * locked means the session is gone; any other failure is left alone: the worst it can do is
   * lock a little early, which is safe.
   */
  private async noteInput(epoch: number, callOpen: boolean): Promise<void> {
    try {
      await ipc.noteInput(callOpen);
    } catch (reason) {
      if (epoch === this.epoch && ipc.toIpcError(reason).code === 'store_locked') this.sessionLost('store_locked');
    }
  }

  /**
   * The shell locked the store by itself: the keys are already gone. The open call's draft is
   * as the autosave last kept it (at most a few seconds behind); the same user's next sign-in
   * goes back into it.
   */
  private lockedByShell(reason: LockReason | null): void {
    const call = this.openCall();
    if (call && this.session) this.lockedCall = { user: this.session.user, draftId: call.draftId, blank: call.blank };
    if (this.session) {
      this.endSession();
      this.show(new UnlockScreen(this.locked));
    }
    if (this.screen instanceof UnlockScreen) this.setError(reason ? LOCKED_BECAUSE[reason] : 'store_locked');
  }

  private sessionContext(session: Session): SessionContext {
    // The getters read what the app holds for the session as it is now.
    const app = this;
    const ctx: SessionContext = {
      ...this.display,
      session,
      get settings() {
        return app.settings;
      },
      get settingsLoaded() {
        return app.settingsLoad;
      },
      get casesFilter() {
        return app.filter;
      },
      get blankCall() {
        return app.blankCall;
      },
      get syncState() {
        return app.syncState;
      },
      setCasesFilter: (filter) => {
        this.filter = filter;
      },
      updateSettings: (settings) => this.useSettings(settings),
      reloadSettings: async () => {
        try {
          this.useSettings(await ipc.getSettings());
        } catch {
          // The change is made; the old settings stay on screen until the next read.
        }
      },
      navigate: (place) => void this.navigate(place),
      goHome: () => this.goHome(),
      newCall: (caseNumber) => void this.newCall(caseNumber),
      openCall: (call) => this.showCall(ctx, call),
      showHistory: (history, ended) => this.show(new HistoryScreen(ctx, history, ended)),
      showRecoveryCode: (code) => this.show(new RecoveryScreen(this.locked, code, session)),
      lock: () => void this.lock(),
    };
    return ctx;
  }

  /** The call on screen, if one is open. */
  private openCall(): CallScreen | null {
    return this.screen instanceof CallScreen ? this.screen : null;
  }

  private shortcut(event: KeyboardEvent): void {
    if (!this.session || event.repeat) return;
    const call = this.openCall();
    if (isShortcut(event, 'l', 'ctrl')) {
      event.preventDefault();
      void this.lock();
    } else if (isShortcut(event, 'n', 'alt') && !call) {
      event.preventDefault();
      void this.newCall(null);
    } else if (isShortcut(event, 'e', 'alt') && call) {
      event.preventDefault();
      void call.end();
    }
  }

  private async navigate(place: Place): Promise<void> {
    const ctx = this.signedIn;
    if (!ctx || this.openCall()) return;
    // Statistics, safety and settings are for supervisors; the shell refuses their commands to anyone else as well.
    const supervisor = ctx.session.role === 'supervisor';
    switch (place) {
      case 'home':
        this.goHome();
        break;
      case 'cases': {
        const cases = new CasesScreen(ctx);
        this.show(cases);
        await cases.load();
        break;
      }
      case 'passphrase':
        this.show(new PassphraseScreen(ctx));
        break;
      case 'settings':
        if (!supervisor) return;
        await this.tasks.load(this.screen, {
          ask: () => ipc.listUsers(),
          done: (users) => this.show(new SettingsScreen(ctx, users)),
          failed: () => this.show(new SettingsScreen(ctx, null)),
        });
        break;
      case 'safety': {
        if (!supervisor) return;
        // The retention choice starts from the settings, which may still be on their way.
        const stillHere = this.tasks.watch(this.screen);
        await this.settingsLoad;
        if (stillHere()) this.show(new SafetyScreen(ctx));
        break;
      }
      case 'statistics':
        if (supervisor) this.show(new StatisticsScreen(ctx));
        break;
      case 'desks': {
        if (!supervisor) return;
        const desks = new DesksScreen(ctx);
        this.show(desks);
        await desks.load();
        break;
      }
    }
  }

  /** Home at once; the unfinished calls and the cases fill in when they arrive. */
  private goHome(casesExpired = 0): void {
    if (!this.signedIn) return;
    const home = new HomeScreen(this.signedIn, casesExpired);
    this.show(home);
    void home.load();
  }

  private async newCall(caseNumber: string | null): Promise<void> {
    const ctx = this.signedIn;
    if (!ctx || this.openCall()) return;
    await this.tasks.run(this.screen, {
      before: () => this.settingsLoad,
      ask: () => ipc.startCall(caseNumber),
      done: (started) => {
        if (started.newCase) this.blankCall = copyContent(started.content);
        this.showCall(ctx, { ...started, resumed: false, blank: copyContent(started.content) });
      },
    });
  }

  /** Shows the call screen; a returning caller's case is read for it once it shows. */
  private showCall(ctx: SessionContext, call: ActiveCall): void {
    const screen = new CallScreen(ctx, call);
    this.show(screen);
    void screen.load();
  }

  /**
   * Saves the draft of a call, locks the store and shows the unlock screen. A lock whose save
   * failed says so first, and locks on the second try.
   */
  private async lock(): Promise<void> {
    if (this.locking || !this.session) return;
    this.locking = true;
    try {
      const call = this.openCall();
      if (call && !(await call.readyToLock())) return;
      if (call && this.session) this.lockedCall = { user: this.session.user, draftId: call.draftId, blank: call.blank };
      this.endSession();
      // Clear the screen before waiting for the shell.
      this.show(loadingScreen());
      await ipc.lock();
      this.show(new UnlockScreen(this.locked));
    } catch (failure) {
      const { code } = ipc.toIpcError(failure);
      // Whatever happened, show what the Rust side now says, and why the lock failed.
      await this.refresh();
      this.setError(code);
    } finally {
      this.locking = false;
    }
  }
}

/** Mounts the app into `host` and shows the first screen. */
export async function startApp(host: HTMLElement): Promise<App> {
  const app = new App(host);
  await app.start();
  return app;
}
