// The single window: a header with the language switcher, one screen, and #error.
// Which screen shows is decided by the Rust side (`app_status`) and by the replies to calls.
//
// While unlocked, the app holds a session: the settings, the idle timer, the keyboard
// shortcuts and, during a call, its autosave. Locking (button, Ctrl+L or idle) saves the draft,
// ends the session and replaces every screen, so nothing of it stays in the DOM.

import { Autosaver, type SaveState } from './autosave';
import { el } from './dom';
import { formatTimer, regionName, toLatinDigits } from './format';
import { IdleTimer } from './idle';
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
  type MessageId,
} from './i18n';
import * as ipc from './ipc';
import type {
  AuditCheck,
  AuditEntry,
  CallContent,
  CaseHistory,
  CaseList,
  ErrorCode,
  ExportFormat,
  Role,
  Session,
  Settings,
  SignedIn,
  StatisticsDocument,
  StatisticsQuery,
  Unfinished,
  UserSummary,
  VerifyResult,
} from './ipc';
import { callScreen, copyText, saveStateText, type ActiveCall } from './screens/call';
import { casesSection, defaultFilter, type CasesFilter } from './screens/cases';
import { historyScreen } from './screens/history';
import { homeScreen } from './screens/home';
import { navBar, type Place } from './screens/nav';
import { passphraseScreen } from './screens/passphrase';
import { recoveryScreen } from './screens/recovery';
import {
  AUDIT_PAGE,
  checkRetentionMonths,
  isShorter,
  safetyScreen,
  type BackupCheck,
  type BackupStatus,
  type RetentionMode,
} from './screens/safety';
import { settingsScreen, type SettingsPart } from './screens/settings';
import { setupScreen, type RestoreChoice, type RestoreForm } from './screens/setup';
import {
  checkStatisticsForm,
  defaultStatisticsForm,
  statisticsScreen,
  type ExportStatus,
  type StatisticsForm,
} from './screens/statistics';
import { failedScreen, loadingScreen } from './screens/status';
import type { Screen } from './screens/types';
import { unlockScreen } from './screens/unlock';

export type View =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'setup'; restore: RestoreChoice | null }
  | { kind: 'recovery'; code: string; session: Session; stored: boolean }
  | { kind: 'unlock'; recovery: boolean }
  | {
      kind: 'home';
      session: Session;
      loading: boolean;
      unfinished: Unfinished[];
      /** The cases list as the shell sent it for `App.filter`; null while on its way. */
      cases: CaseList | null;
      confirmDiscard: string | null;
      /** Cases the retention period destroyed at sign-in (shown to supervisors). */
      casesExpired: number;
    }
  | { kind: 'cases'; session: Session; loading: boolean; cases: CaseList | null }
  | {
      kind: 'call';
      session: Session;
      call: ActiveCall;
      saveState: SaveState;
      copy: 'idle' | 'copied' | 'failed';
      confirmDiscard: boolean;
    }
  | { kind: 'history'; session: Session; history: CaseHistory; ended: boolean }
  | { kind: 'passphrase'; session: Session; done: boolean }
  | {
      kind: 'settings';
      session: Session;
      users: UserSummary[] | null;
      confirmRemove: string | null;
      resetFor: string | null;
      notice: { part: SettingsPart; message: MessageId } | null;
    }
  | {
      kind: 'safety';
      session: Session;
      backupStatus: BackupStatus | null;
      storeCheck: VerifyResult | null;
      backupCheck: BackupCheck | null;
      retentionMode: RetentionMode;
      retentionConfirm: number | null;
      retentionDone: number | null;
      forgetConfirm: { caseNumber: string; calls: number } | null;
      forgotten: string | null;
      audit: AuditEntry[] | null;
      auditShown: number;
      auditCheck: AuditCheck | null;
    }
  | {
      kind: 'statistics';
      session: Session;
      form: StatisticsForm;
      loading: boolean;
      document: StatisticsDocument | null;
      /** What the shown document was asked for; a language switch asks again in the new one. */
      query: StatisticsQuery | null;
      exportStatus: ExportStatus | null;
    };

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
/** How long locking waits for the last save of a draft. */
export const LOCK_SAVE_TIMEOUT_MS = 5000;
/** Save errors that are not worth more than "Not saved — retrying". */
const QUIET_SAVE_ERRORS: readonly ErrorCode[] = ['storage_failed', 'unknown'];

function defaultSettings(): Settings {
  return { referrals: [], transitCountries: [], idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES, retentionMonths: null };
}

function copyContent(content: CallContent): CallContent {
  return JSON.parse(JSON.stringify(content)) as CallContent;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

function isShortcut(event: KeyboardEvent, letter: string, modifier: 'alt' | 'ctrl'): boolean {
  // event.code names the physical key, so the shortcut also works with an Arabic layout.
  const key = event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter;
  if (!key || event.metaKey || event.shiftKey) return false;
  return modifier === 'alt' ? event.altKey && !event.ctrlKey : event.ctrlKey && !event.altKey;
}

export class App {
  private view: View = { kind: 'loading' };
  private error: ErrorCode | null = null;
  private busy = false;

  // The session: set while unlocked, dropped on lock.
  private session: Session | null = null;
  private settings: Settings = defaultSettings();
  private settingsLoad: Promise<void> = Promise.resolve();
  private filter: CasesFilter = defaultFilter();
  /** Counts requests for the cases list: only the reply to the latest one is shown. */
  private casesRequest = 0;
  private idle: IdleTimer | null = null;
  private autosaver: Autosaver<CallContent> | null = null;
  private saveErrorShown = false;
  private callTimer: ReturnType<typeof setInterval> | undefined;
  /** Bumped whenever a session ends; replies that arrive later are dropped. */
  private epoch = 0;
  private locking = false;
  /** A manual lock found the draft unsaved and said so; the next one locks anyway. */
  private lockAnyway = false;

  private readonly title: HTMLElement;
  private readonly languageLabel: HTMLLabelElement;
  private readonly languageSelect: HTMLSelectElement;
  private readonly main: HTMLElement;
  private readonly screenHost: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly document: Document;

  private readonly onKeyDown = (event: KeyboardEvent): void => this.shortcut(event);
  private readonly onLeave = (): void => this.autosaver?.saveNow();
  private readonly onVisibility = (): void => {
    if (this.document.visibilityState === 'hidden') this.autosaver?.saveNow();
  };

  constructor(private readonly host: HTMLElement) {
    this.document = host.ownerDocument;
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
    this.main = el('main', { class: 'card' }, this.screenHost, this.errorBox);
    this.host.replaceChildren(
      el(
        'header',
        { class: 'top' },
        this.title,
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
    this.applyLanguage(initialLanguage());
    this.show({ kind: 'loading' });
    await this.refresh();
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
          this.show({ kind: 'setup', restore: null });
          break;
        case 'locked':
          this.endSession();
          this.show({ kind: 'unlock', recovery: false });
          break;
        case 'unlocked':
          this.startSession({ user: status.user, role: status.role });
          break;
      }
    } catch (reason) {
      this.endSession();
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
    this.document.title = t('app-title');
  }

  /** Re-renders the current screen in `language`, keeping what was typed and the focus. */
  private switchLanguage(language: Language): void {
    if (language === currentLanguage()) return;
    saveLanguage(language);
    this.applyLanguage(language);
    this.rerender();
    if (this.view.kind === 'statistics') this.statisticsFollowLanguage(this.view);
  }

  // --- screens --------------------------------------------------------------------------

  /** Replaces the screen (and everything it displayed) and clears any error. */
  private show(view: View): void {
    this.view = view;
    this.busy = false;
    this.setError(null);
    this.render(true);
    this.syncCallTimer();
    this.idle?.setCallOpen(view.kind === 'call');
  }

  private render(focus: boolean): void {
    const screen = this.screen();
    this.main.classList.toggle('wide', this.session !== null && this.view.kind !== 'unlock');
    this.screenHost.replaceChildren(screen.root);
    if (this.error) this.errorBox.textContent = errorText(this.error);
    if (focus) screen.focus.focus();
  }

  /**
   * Renders the same screen again (new language, busy state) without losing what was typed
   * into its fields or where the focus was. Other state lives in `this.view`.
   */
  private rerender(): void {
    const typed = new Map<string, string>();
    for (const control of this.screenHost.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input, select, textarea',
    )) {
      if (control.id && control.type !== 'checkbox' && control.type !== 'radio') typed.set(control.id, control.value);
    }
    const active = this.document.activeElement;
    const focusedId = active instanceof HTMLElement && this.screenHost.contains(active) ? active.id : '';
    this.render(false);
    for (const control of this.screenHost.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input, select, textarea',
    )) {
      const value = typed.get(control.id);
      if (value !== undefined && control.value !== value) control.value = value;
    }
    if (focusedId) {
      const again = this.byId(focusedId);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  private screen(): Screen {
    const view = this.view;
    const nav = {
      onNavigate: (place: Place) => void this.navigate(place),
      onLock: () => void this.lock('manual'),
    };
    switch (view.kind) {
      case 'loading':
        return loadingScreen();
      case 'failed':
        return failedScreen({ onRetry: () => void this.retry() });
      case 'setup':
        return setupScreen({
          busy: this.busy,
          restore: view.restore,
          onSubmit: (user, passphrase, repeat) => void this.setUp(user, passphrase, repeat),
          onChooseBackup: () => void this.chooseBackup(),
          onRestoreMethod: (withRecovery) => {
            if (!view.restore) return;
            view.restore.withRecovery = withRecovery;
            this.setError(null);
            this.rerender();
          },
          onRestore: (form) => void this.restore(form),
          onRestoreCancel: () => this.show({ kind: 'setup', restore: null }),
        });
      case 'recovery':
        return recoveryScreen({
          code: view.code,
          stored: view.stored,
          onStoredChange: (stored) => {
            view.stored = stored;
          },
          // The code leaves the DOM and the app's memory with this screen.
          onContinue: () => this.startSession(view.session),
        });
      case 'unlock':
        return unlockScreen({
          busy: this.busy,
          recovery: view.recovery,
          onSubmit: (user, passphrase) => void this.unlock(user, passphrase),
          onRecover: (user, code, passphrase, repeat) => void this.recover(user, code, passphrase, repeat),
          onShowRecovery: () => this.show({ kind: 'unlock', recovery: true }),
          onHideRecovery: () => this.show({ kind: 'unlock', recovery: false }),
        });
      case 'home':
        return homeScreen({
          ...nav,
          session: view.session,
          busy: this.busy,
          unfinished: view.unfinished,
          confirmDiscard: view.confirmDiscard,
          casesExpired: view.session.role === 'supervisor' ? view.casesExpired : 0,
          cases: view.cases,
          casesLoading: view.loading,
          filter: this.filter,
          onFilterCases: () => void this.loadCases(view),
          onNewCall: () => void this.newCall(null),
          onLookup: (typed) => void this.lookup(typed),
          onOpenCase: (number) => void this.openCase(number),
          onResume: (draft) => this.resume(draft),
          onDiscard: (draftId) => {
            view.confirmDiscard = draftId;
            this.rerender();
            this.screenHost.querySelector<HTMLElement>('.discard-unfinished-cancel')?.focus();
          },
          onDiscardConfirm: (draftId) => void this.discardUnfinished(draftId),
          onDiscardCancel: () => {
            view.confirmDiscard = null;
            this.rerender();
          },
        });
      case 'cases': {
        const root = el(
          'div',
          { class: 'unlocked' },
          navBar({ ...nav, session: view.session, current: 'cases' }),
          el(
            'div',
            { id: 'cases-screen', class: 'screen' },
            casesSection({
              list: view.cases,
              filter: this.filter,
              headingLevel: 'h2',
              loading: view.loading,
              onFilter: () => void this.loadCases(view),
              onOpen: (number) => void this.openCase(number),
            }),
          ),
        );
        return { root, focus: root.querySelector<HTMLElement>('#cases-title') ?? root };
      }
      case 'call':
        return callScreen({
          session: view.session,
          call: view.call,
          settings: this.settings,
          busy: this.busy,
          saveState: view.saveState,
          copy: view.copy,
          confirmDiscard: view.confirmDiscard,
          onChange: () => this.autosaver?.changed(),
          onFieldLeft: () => this.autosaver?.saveNow(),
          onCopy: () => void this.copyNumber(),
          onEnd: () => void this.endCall(),
          onDiscard: () => {
            view.confirmDiscard = true;
            this.rerender();
            this.byId('discard-call-cancel')?.focus();
          },
          onDiscardConfirm: () => void this.discardCall(),
          onDiscardCancel: () => {
            view.confirmDiscard = false;
            this.rerender();
            this.byId('discard-call')?.focus();
          },
          onLock: nav.onLock,
        });
      case 'history':
        return historyScreen({
          ...nav,
          session: view.session,
          history: view.history,
          referrals: this.settings.referrals,
          busy: this.busy,
          ended: view.ended,
          onToggleOpen: (open) => void this.setCaseOpen(open),
          onNewCall: (number) => void this.newCall(number),
        });
      case 'passphrase':
        return passphraseScreen({
          ...nav,
          session: view.session,
          busy: this.busy,
          done: view.done,
          onSubmit: (current, next, repeat) => void this.changePassphrase(current, next, repeat),
        });
      case 'settings':
        return settingsScreen({
          ...nav,
          session: view.session,
          busy: this.busy,
          users: view.users,
          settings: this.settings,
          confirmRemove: view.confirmRemove,
          resetFor: view.resetFor,
          notice: view.notice,
          onRemoveUser: (name) => {
            view.confirmRemove = name;
            view.resetFor = null;
            view.notice = null;
            this.rerender();
            this.screenHost.querySelector<HTMLElement>('.remove-user-cancel')?.focus();
          },
          onRemoveUserConfirm: (name) => void this.removeUser(name),
          onRemoveUserCancel: () => {
            view.confirmRemove = null;
            this.rerender();
          },
          onAddUser: (name, role, passphrase) => void this.addUser(name, role, passphrase),
          onResetPassphrase: (name) => {
            view.resetFor = name;
            view.confirmRemove = null;
            view.notice = null;
            this.setError(null);
            this.rerender();
            this.byId('reset-passphrase-new')?.focus();
          },
          onResetPassphraseSubmit: (name, passphrase, repeat) => void this.resetPassphrase(name, passphrase, repeat),
          onResetPassphraseCancel: () => {
            view.resetFor = null;
            this.setError(null);
            this.rerender();
          },
          onAddReferral: (code, label) => void this.addReferral(code, label),
          onRemoveReferral: (code) =>
            void this.saveReferrals(this.settings.referrals.filter((entry) => entry.code !== code)),
          onAddCountry: (code) => void this.addCountry(code),
          onRemoveCountry: (code) =>
            void this.saveCountries(this.settings.transitCountries.filter((item) => item !== code)),
          onSetIdleMinutes: (typed) => void this.setIdleMinutes(typed),
        });
      case 'statistics':
        return statisticsScreen({
          ...nav,
          session: view.session,
          busy: this.busy,
          form: view.form,
          loading: view.loading,
          document: view.document,
          exportStatus: view.exportStatus,
          onFormChange: (form) => {
            view.form = { ...form };
          },
          onShow: (form) => void this.showStatistics(form),
          onExport: (form, format) => void this.exportStatistics(form, format),
        });
      case 'safety':
        return safetyScreen({
          ...nav,
          session: view.session,
          busy: this.busy,
          retentionMonths: this.settings.retentionMonths,
          retentionMode: view.retentionMode,
          retentionConfirm: view.retentionConfirm,
          retentionDone: view.retentionDone,
          backupStatus: view.backupStatus,
          storeCheck: view.storeCheck,
          backupCheck: view.backupCheck,
          forgetConfirm: view.forgetConfirm,
          forgotten: view.forgotten,
          audit: view.audit,
          auditShown: view.auditShown,
          auditCheck: view.auditCheck,
          onTakeBackup: () => void this.takeBackup(),
          onVerifyStore: () => void this.verifyStore(),
          onVerifyBackup: (passphrase) => void this.verifyBackup(passphrase),
          onRetentionMode: (mode) => {
            view.retentionMode = mode;
            view.retentionConfirm = null;
            this.rerender();
          },
          onSaveRetention: (mode, typed) => void this.saveRetention(mode, typed),
          onRetentionConfirm: (months) => void this.setRetention(months),
          onRetentionCancel: () => {
            view.retentionConfirm = null;
            this.rerender();
            this.byId('retention-submit')?.focus();
          },
          onForget: (typed) => void this.findForForgetting(typed),
          onForgetConfirm: (number) => void this.forgetCase(number),
          onForgetCancel: () => {
            view.forgetConfirm = null;
            this.rerender();
            this.byId('forget-number')?.focus();
          },
          onShowAudit: () => void this.showAudit(),
          onMoreAudit: () => {
            view.auditShown += AUDIT_PAGE;
            this.rerender();
          },
          onVerifyAudit: () => void this.verifyAudit(),
        });
    }
  }

  private setError(code: ErrorCode | null): void {
    this.error = code;
    this.errorBox.textContent = code ? errorText(code) : '';
    this.errorBox.hidden = code === null;
    if (code === null) this.saveErrorShown = false;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.rerender();
  }

  /** The element of the current screen with this id, if any. */
  private byId(id: string): HTMLElement | undefined {
    const found = Array.from(this.screenHost.querySelectorAll('[id]')).find((element) => element.id === id);
    return found instanceof HTMLElement ? found : undefined;
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

  /** Whether a reply still belongs to what is on screen (no lock or other screen since). */
  private current(epoch: number, view?: View): boolean {
    return epoch === this.epoch && (view === undefined || view === this.view);
  }

  /**
   * The common end of a failed call while unlocked. A locked store means the session is gone:
   * show the unlock screen. Returns the code otherwise.
   */
  private failure(reason: unknown): ErrorCode | null {
    const { code } = ipc.toIpcError(reason);
    if (code === 'store_locked' && this.session) {
      this.endSession();
      this.show({ kind: 'unlock', recovery: false });
      this.setError(code);
      return null;
    }
    return code;
  }

  // --- session --------------------------------------------------------------------------

  /**
   * Unlocked: read the settings, watch for idleness, and show home, saying to a supervisor what
   * the retention period destroyed at sign-in, or that it could not run.
   */
  private startSession(signedIn: Session | SignedIn): void {
    this.endSession();
    const session: Session = { user: signedIn.user, role: signedIn.role };
    this.session = session;
    const epoch = this.epoch;
    this.idle = new IdleTimer(this.document, DEFAULT_IDLE_LOCK_MINUTES, () => void this.lock('idle'));
    this.idle.start();
    this.settingsLoad = ipc.getSettings().then(
      (settings) => {
        if (!this.current(epoch)) return;
        this.settings = settings;
        this.idle?.setMinutes(settings.idleLockMinutes);
      },
      (reason: unknown) => {
        if (!this.current(epoch)) return;
        const code = this.failure(reason);
        if (code) this.setError(code);
      },
    );
    const expired = 'casesExpired' in signedIn ? signedIn.casesExpired : 0;
    this.goHome(expired);
    if ('retentionFailed' in signedIn && signedIn.retentionFailed && session.role === 'supervisor') {
      this.setError('retention_failed');
    }
  }

  /** Drops everything the session held; later replies to its calls are ignored. */
  private endSession(): void {
    this.epoch += 1;
    this.idle?.stop();
    this.idle = null;
    this.autosaver?.stop();
    this.autosaver = null;
    this.session = null;
    this.settings = defaultSettings();
    this.settingsLoad = Promise.resolve();
    this.filter = defaultFilter();
    this.lockAnyway = false;
    this.saveErrorShown = false;
    this.stopCallTimer();
  }

  private shortcut(event: KeyboardEvent): void {
    if (!this.session || event.repeat) return;
    if (isShortcut(event, 'l', 'ctrl')) {
      event.preventDefault();
      void this.lock('manual');
    } else if (isShortcut(event, 'n', 'alt') && this.view.kind !== 'call') {
      event.preventDefault();
      void this.newCall(null);
    } else if (isShortcut(event, 'e', 'alt') && this.view.kind === 'call') {
      event.preventDefault();
      void this.endCall();
    }
  }

  private async navigate(place: Place): Promise<void> {
    const session = this.session;
    if (!session || this.view.kind === 'call') return;
    switch (place) {
      case 'home':
        this.goHome();
        break;
      case 'cases': {
        const view: Extract<View, { kind: 'cases' }> = { kind: 'cases', session, loading: true, cases: null };
        this.show(view);
        await this.loadCases(view);
        break;
      }
      case 'passphrase':
        this.show({ kind: 'passphrase', session, done: false });
        break;
      case 'settings':
        if (session.role !== 'supervisor') return;
        await this.openSettings(null);
        break;
      case 'safety':
        if (session.role !== 'supervisor') return;
        await this.openSafety();
        break;
      case 'statistics':
        // Supervisors only; the shell refuses the commands to anyone else as well.
        if (session.role !== 'supervisor') return;
        this.show({
          kind: 'statistics',
          session,
          form: defaultStatisticsForm(),
          loading: false,
          document: null,
          query: null,
          exportStatus: null,
        });
        break;
    }
  }

  /** Home at once; the unfinished calls and the cases fill in when they arrive. */
  private goHome(casesExpired = 0): void {
    const session = this.session;
    if (!session) return;
    const epoch = this.epoch;
    const view: Extract<View, { kind: 'home' }> = {
      kind: 'home',
      session,
      loading: true,
      unfinished: [],
      cases: null,
      confirmDiscard: null,
      casesExpired,
    };
    this.show(view);
    void this.loadHome(view, epoch);
  }

  private async loadHome(view: Extract<View, { kind: 'home' }>, epoch: number): Promise<void> {
    const request = ++this.casesRequest;
    const [unfinished, cases] = await Promise.allSettled([ipc.unfinishedCalls(), ipc.listCases(this.filter)]);
    if (!this.current(epoch, view)) return;
    let failed: unknown = null;
    if (unfinished.status === 'fulfilled') view.unfinished = unfinished.value;
    else failed = unfinished.reason;
    // A filter changed meanwhile: its own request fills the list.
    if (request === this.casesRequest) {
      view.loading = false;
      if (cases.status === 'fulfilled') view.cases = cases.value;
      else failed ??= cases.reason;
    }
    const active = this.document.activeElement;
    const untouched = active === null || active === this.document.body || active?.id === 'home-title';
    this.rerender();
    if (failed !== null) {
      const code = this.failure(failed);
      if (code) this.setError(code);
      if (!this.current(epoch, view)) return;
    }
    // An unfinished call comes first: offer it where the focus is.
    if (view.unfinished.length > 0 && untouched) this.byId('resume-call-0')?.focus();
  }

  /**
   * Asks the shell for the cases list with the current filter (it filters and caps), showing
   * the loading state meanwhile. A reply to an older request is dropped.
   */
  private async loadCases(view: Extract<View, { kind: 'home' | 'cases' }>): Promise<void> {
    const epoch = this.epoch;
    const request = ++this.casesRequest;
    if (!view.loading || view.cases !== null) {
      view.loading = true;
      view.cases = null;
      this.rerender();
    }
    try {
      const cases = await ipc.listCases(this.filter);
      if (!this.current(epoch, view) || request !== this.casesRequest) return;
      view.cases = cases;
      view.loading = false;
      this.rerender();
    } catch (reason) {
      if (!this.current(epoch, view) || request !== this.casesRequest) return;
      view.loading = false;
      this.rerender();
      const code = this.failure(reason);
      if (code) this.setError(code);
    }
  }

  private async retry(): Promise<void> {
    this.show({ kind: 'loading' });
    await this.refresh();
  }

  // --- set-up, unlock, lock -------------------------------------------------------------

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
      this.startSession(session);
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

  /** Every passphrase is forgotten: the recovery code gives the user a new passphrase. */
  private async recover(userName: string, recoveryCode: string, passphrase: string, repeat: string): Promise<void> {
    if (this.busy || this.view.kind !== 'unlock') return;
    if (passphrase !== repeat) {
      this.fail('passphrase_mismatch', 'recover-passphrase-repeat', ['recover-passphrase-repeat']);
      return;
    }
    this.setError(null);
    this.setBusy(true);
    try {
      this.startSession(await ipc.recover(userName, recoveryCode, passphrase));
    } catch (reason) {
      this.setBusy(false);
      const { code } = ipc.toIpcError(reason);
      if (code === 'unknown_user' || code === 'invalid_user_name') {
        this.fail(code, 'recover-user');
      } else if (code === 'passphrase_too_short' || code === 'passphrase_too_long') {
        this.fail(code, 'recover-passphrase', ['recover-passphrase-repeat']);
      } else {
        this.fail(code, 'recover-code');
      }
    }
  }

  /** First run: the Rust side opens the native dialog; a cancelled dialog changes nothing. */
  private async chooseBackup(): Promise<void> {
    const view = this.view;
    if (view.kind !== 'setup' || this.busy) return;
    this.setError(null);
    this.setBusy(true);
    try {
      const chosen = await ipc.chooseRestoreFile();
      if (this.view !== view) return;
      if (chosen && view.restore) {
        // Another file: keep what was typed.
        view.restore.fileName = chosen.fileName;
        this.setBusy(false);
      } else if (chosen) {
        this.show({ kind: 'setup', restore: { fileName: chosen.fileName, withRecovery: false } });
      } else {
        this.setBusy(false);
      }
    } catch (reason) {
      if (this.view !== view) return;
      this.setBusy(false);
      const { code } = ipc.toIpcError(reason);
      if (code === 'store_exists') await this.refresh();
      this.setError(code);
    }
  }

  /** First run: restores the chosen backup with a passphrase, or with the recovery code and a new one. */
  private async restore(form: RestoreForm): Promise<void> {
    const view = this.view;
    if (view.kind !== 'setup' || !view.restore || this.busy) return;
    const { withRecovery } = view.restore;
    if (withRecovery && form.newPassphrase !== form.repeat) {
      this.fail('passphrase_mismatch', 'restore-new-passphrase-repeat', ['restore-new-passphrase-repeat']);
      return;
    }
    this.setError(null);
    this.setBusy(true);
    try {
      const signedIn = withRecovery
        ? await ipc.restoreBackup(form.userName, form.newPassphrase, form.recoveryCode)
        : await ipc.restoreBackup(form.userName, form.passphrase, null);
      this.startSession(signedIn);
    } catch (reason) {
      this.setBusy(false);
      const { code } = ipc.toIpcError(reason);
      if (code === 'store_exists') {
        await this.refresh();
        this.setError(code);
      } else if (code === 'unknown_user' || code === 'invalid_user_name') {
        this.fail(code, 'restore-user');
      } else if (code === 'not_a_backup' || code === 'backup_damaged' || code === 'newer_schema') {
        this.setError(code);
        this.byId('restore-choose-again')?.focus();
      } else if (!withRecovery) {
        this.fail(code, 'restore-passphrase', ['restore-passphrase']);
      } else if (code === 'passphrase_too_short' || code === 'passphrase_too_long') {
        this.fail(code, 'restore-new-passphrase', ['restore-new-passphrase-repeat']);
      } else {
        this.fail(code, 'restore-code');
      }
    }
  }

  /**
   * Saves the draft of a call, locks the store and shows the unlock screen. A manual lock whose
   * save failed says so first, and locks on the second try; the idle lock always locks.
   */
  private async lock(reason: 'manual' | 'idle'): Promise<void> {
    if (this.locking || !this.session) return;
    this.locking = true;
    try {
      const saver = this.autosaver;
      if (saver) {
        const saved = await withTimeout(saver.flush(), LOCK_SAVE_TIMEOUT_MS, false);
        if (!saved && reason === 'manual' && !this.lockAnyway) {
          this.lockAnyway = true;
          this.setError('draft_not_saved');
          return;
        }
      }
      this.endSession();
      // Clear the screen before waiting for the shell.
      this.show({ kind: 'loading' });
      await ipc.lock();
      this.show({ kind: 'unlock', recovery: false });
    } catch (failure) {
      const { code } = ipc.toIpcError(failure);
      // Whatever happened, show what the Rust side now says, and why the lock failed.
      await this.refresh();
      this.setError(code);
    } finally {
      this.locking = false;
    }
  }

  // --- calls ----------------------------------------------------------------------------

  private async newCall(caseNumber: string | null): Promise<void> {
    const session = this.session;
    if (!session || this.busy || this.view.kind === 'call') return;
    const epoch = this.epoch;
    const view = this.view;
    this.setError(null);
    this.setBusy(true);
    await this.settingsLoad;
    if (!this.current(epoch, view)) return;
    try {
      const started = await ipc.startCall(caseNumber);
      if (!this.current(epoch, view)) return;
      this.openCall(session, { ...started, resumed: false });
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) this.setError(code);
    }
  }

  private resume(draft: Unfinished): void {
    const session = this.session;
    if (!session || this.busy) return;
    this.openCall(session, {
      draftId: draft.draftId,
      caseNumber: draft.caseNumber,
      startedAt: draft.startedAt,
      newCase: false,
      resumed: true,
      content: copyContent(draft.content),
    });
  }

  private openCall(session: Session, call: ActiveCall): void {
    this.autosaver?.stop();
    const epoch = this.epoch;
    this.autosaver = new Autosaver<CallContent>({
      save: async (content) => {
        try {
          await ipc.saveDraft(call.draftId, content);
          if (this.saveErrorShown && this.current(epoch)) this.setError(null);
        } catch (reason) {
          if (this.current(epoch)) this.saveFailed(reason);
          throw reason;
        }
      },
      snapshot: () => copyContent(call.content),
      onState: (state) => this.saveStateChanged(epoch, state),
    });
    this.show({ kind: 'call', session, call, saveState: 'saved', copy: 'idle', confirmDiscard: false });
  }

  private saveFailed(reason: unknown): void {
    const code = this.failure(reason);
    if (!code || QUIET_SAVE_ERRORS.includes(code)) return;
    this.setError(code);
    this.saveErrorShown = true;
  }

  private saveStateChanged(epoch: number, state: SaveState): void {
    if (!this.current(epoch)) return;
    if (state === 'saved') this.lockAnyway = false;
    const view = this.view;
    if (view.kind !== 'call') return;
    view.saveState = state;
    const status = this.byId('autosave-status');
    if (status) {
      status.textContent = saveStateText(state);
      status.className = `autosave ${state}`;
      status.dataset.state = state;
    }
  }

  private syncCallTimer(): void {
    const view = this.view;
    if (view.kind !== 'call') {
      this.stopCallTimer();
      return;
    }
    if (this.callTimer !== undefined) return;
    this.callTimer = setInterval(() => {
      const now = this.view;
      if (now.kind !== 'call') return;
      const timer = this.byId('call-timer');
      // Rendered by the screen the same way; only the text changes here.
      const text = callScreenTimer(now.call.startedAt);
      if (timer && timer.textContent !== text) timer.textContent = text;
    }, 250);
  }

  private stopCallTimer(): void {
    if (this.callTimer !== undefined) clearInterval(this.callTimer);
    this.callTimer = undefined;
  }

  private async copyNumber(): Promise<void> {
    const view = this.view;
    if (view.kind !== 'call') return;
    try {
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard?.writeText) throw new Error('no clipboard');
      await clipboard.writeText(view.call.caseNumber);
      view.copy = 'copied';
    } catch {
      view.copy = 'failed';
      // Select the number, so Ctrl+C copies it.
      const number = this.byId('call-case-number');
      const selection = this.document.getSelection();
      if (number && selection) selection.selectAllChildren(number);
    }
    if (this.view !== view) return;
    const status = this.byId('copy-status');
    if (status) status.textContent = copyText(view.copy);
  }

  /** Waits for the pending save, ends the call with the latest content, shows its case. */
  private async endCall(): Promise<void> {
    const view = this.view;
    const saver = this.autosaver;
    if (view.kind !== 'call' || this.busy || !saver) return;
    const epoch = this.epoch;
    this.setError(null);
    this.setBusy(true);
    await saver.flush();
    if (!this.current(epoch, view)) return;
    saver.stop();
    try {
      const { caseNumber } = await ipc.endCall(view.call.draftId, copyContent(view.call.content));
      if (!this.current(epoch, view)) return;
      this.autosaver = null;
      await this.showCase(caseNumber, true, epoch, view);
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      // The call is still open: keep saving it.
      saver.resume();
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) this.setError(code);
    }
  }

  private async discardCall(): Promise<void> {
    const view = this.view;
    const saver = this.autosaver;
    if (view.kind !== 'call' || this.busy) return;
    const epoch = this.epoch;
    this.setBusy(true);
    saver?.stop();
    await saver?.settled();
    if (!this.current(epoch, view)) return;
    try {
      await ipc.discardCall(view.call.draftId);
      if (!this.current(epoch, view)) return;
      this.autosaver = null;
      this.goHome();
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      saver?.resume();
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) this.setError(code);
    }
  }

  private async discardUnfinished(draftId: string): Promise<void> {
    const view = this.view;
    if (view.kind !== 'home' || this.busy) return;
    const epoch = this.epoch;
    this.setBusy(true);
    try {
      await ipc.discardCall(draftId);
      if (!this.current(epoch, view)) return;
      this.goHome();
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      view.confirmDiscard = null;
      const code = this.failure(reason);
      if (code === 'no_such_call') {
        this.goHome();
        this.setError(code);
      } else if (code) {
        this.setBusy(false);
        this.setError(code);
      }
    }
  }

  // --- cases ----------------------------------------------------------------------------

  /** Finds a case by what was typed; a wrong number keeps the field as typed. */
  private async lookup(typed: string): Promise<void> {
    const view = this.view;
    if (view.kind !== 'home' || this.busy) return;
    if (typed.trim() === '') {
      this.fail('case_number_empty', 'lookup-number');
      return;
    }
    const epoch = this.epoch;
    this.setError(null);
    this.setBusy(true);
    try {
      // The raw text: the Rust side parses spaces, dashes and Arabic or Persian digits.
      const history = await ipc.findCase(typed);
      if (!this.current(epoch, view)) return;
      this.showHistory(history, false);
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) this.fail(code, 'lookup-number');
    }
  }

  private async openCase(caseNumber: string): Promise<void> {
    if (this.busy || !this.session) return;
    const epoch = this.epoch;
    const view = this.view;
    this.setError(null);
    this.setBusy(true);
    await this.showCase(caseNumber, false, epoch, view);
  }

  private async showCase(caseNumber: string, ended: boolean, epoch: number, view: View): Promise<void> {
    try {
      const history = await ipc.findCase(caseNumber);
      if (!this.current(epoch, view)) return;
      this.showHistory(history, ended);
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      const code = this.failure(reason);
      if (!code) return;
      if (ended) this.goHome(); // the call is saved; only its history could not be read
      else this.setBusy(false);
      this.setError(code);
    }
  }

  private showHistory(history: CaseHistory, ended: boolean): void {
    const session = this.session;
    if (session) this.show({ kind: 'history', session, history, ended });
  }

  private async setCaseOpen(open: boolean): Promise<void> {
    const view = this.view;
    if (view.kind !== 'history' || this.busy) return;
    const epoch = this.epoch;
    this.setError(null);
    this.setBusy(true);
    try {
      await ipc.setCaseOpen(view.history.caseNumber, open);
      if (!this.current(epoch, view)) return;
      view.history = { ...view.history, open };
      view.ended = false;
      this.setBusy(false);
      this.byId('case-open-toggle')?.focus();
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) this.setError(code);
    }
  }

  // --- own passphrase -------------------------------------------------------------------

  private async changePassphrase(current: string, next: string, repeat: string): Promise<void> {
    const view = this.view;
    if (view.kind !== 'passphrase' || this.busy) return;
    if (next !== repeat) {
      this.fail('passphrase_mismatch', 'passphrase-repeat', ['passphrase-repeat']);
      return;
    }
    const epoch = this.epoch;
    this.setError(null);
    this.setBusy(true);
    try {
      await ipc.changePassphrase(current, next);
      if (!this.current(epoch, view)) return;
      this.show({ kind: 'passphrase', session: view.session, done: true });
      this.byId('passphrase-done')?.focus();
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      this.setBusy(false);
      const code = this.failure(reason);
      if (!code) return;
      if (code === 'passphrase_too_short' || code === 'passphrase_too_long') {
        this.fail(code, 'passphrase-new', ['passphrase-repeat']);
      } else {
        this.fail(code, 'passphrase-current', ['passphrase-current']);
      }
    }
  }

  // --- supervisor settings --------------------------------------------------------------

  private async openSettings(notice: Extract<View, { kind: 'settings' }>['notice']): Promise<void> {
    const session = this.session;
    if (!session || session.role !== 'supervisor') return;
    const epoch = this.epoch;
    let users: UserSummary[] | null = null;
    let failed: unknown = null;
    try {
      users = await ipc.listUsers();
    } catch (reason) {
      failed = reason;
    }
    if (!this.current(epoch)) return;
    this.show({ kind: 'settings', session, users, confirmRemove: null, resetFor: null, notice });
    if (failed !== null) {
      const code = this.failure(failed);
      if (code) this.setError(code);
    }
  }

  /** Runs one supervisor change; on success re-reads the settings and shows `notice`. */
  private async settingsChange(
    change: () => Promise<void>,
    notice: { part: SettingsPart; message: MessageId },
    onError: (code: ErrorCode) => void = (code) => this.setError(code),
  ): Promise<void> {
    const view = this.view;
    if (view.kind !== 'settings' || this.busy) return;
    const epoch = this.epoch;
    this.setError(null);
    this.setBusy(true);
    try {
      await change();
      if (!this.current(epoch, view)) return;
      try {
        this.settings = await ipc.getSettings();
        this.idle?.setMinutes(this.settings.idleLockMinutes);
      } catch {
        // The change is made; the old settings stay on screen until the next read.
      }
      if (!this.current(epoch, view)) return;
      await this.openSettings(notice);
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) onError(code);
    }
  }

  private async addUser(name: string, role: Role, passphrase: string): Promise<void> {
    await this.settingsChange(() => ipc.addUser(name, role, passphrase), { part: 'users', message: 'user-added' }, (code) => {
      if (code === 'passphrase_too_short' || code === 'passphrase_too_long') this.fail(code, 'user-add-passphrase');
      else this.fail(code, 'user-add-name');
    });
  }

  private async resetPassphrase(name: string, passphrase: string, repeat: string): Promise<void> {
    if (passphrase !== repeat) {
      this.fail('passphrase_mismatch', 'reset-passphrase-repeat', ['reset-passphrase-repeat']);
      return;
    }
    await this.settingsChange(
      () => ipc.resetPassphrase(name, passphrase),
      { part: 'users', message: 'passphrase-reset-done' },
      (code) => {
        if (code === 'passphrase_too_short' || code === 'passphrase_too_long') {
          this.fail(code, 'reset-passphrase-new', ['reset-passphrase-repeat']);
        } else {
          this.setError(code);
        }
      },
    );
  }

  private async removeUser(name: string): Promise<void> {
    await this.settingsChange(() => ipc.removeUser(name), { part: 'users', message: 'user-removed' });
  }

  private async addReferral(code: string, label: string): Promise<void> {
    const trimmed = code.trim();
    if (!/^[a-z0-9_]{1,40}$/.test(trimmed)) {
      this.fail('invalid_referral_code', 'referral-add-code');
      return;
    }
    if (this.settings.referrals.some((entry) => entry.code === trimmed)) {
      this.fail('referral_exists', 'referral-add-code');
      return;
    }
    const name = label.trim();
    await this.saveReferrals([...this.settings.referrals, { code: trimmed, label: name === '' ? null : name }]);
  }

  private async saveReferrals(referrals: Settings['referrals']): Promise<void> {
    await this.settingsChange(() => ipc.setReferrals(referrals), { part: 'referrals', message: 'referrals-saved' });
  }

  private async addCountry(typed: string): Promise<void> {
    const code = typed.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || regionName(code) === undefined) {
      this.fail('invalid_country', 'country-add-code');
      return;
    }
    if (this.settings.transitCountries.includes(code)) {
      this.fail('country_exists', 'country-add-code');
      return;
    }
    await this.saveCountries([...this.settings.transitCountries, code]);
  }

  private async saveCountries(countries: string[]): Promise<void> {
    await this.settingsChange(() => ipc.setTransitCountries(countries), { part: 'countries', message: 'countries-saved' });
  }

  private async setIdleMinutes(typed: string): Promise<void> {
    const digits = toLatinDigits(typed.trim());
    const minutes = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
    if (!(minutes >= 1 && minutes <= 120)) {
      this.fail('invalid_minutes', 'idle-lock-minutes');
      return;
    }
    await this.settingsChange(() => ipc.setIdleLockMinutes(minutes), { part: 'idle', message: 'idle-saved' }, (code) =>
      this.fail(code, 'idle-lock-minutes'),
    );
  }

  // --- safety (supervisors) -------------------------------------------------------------

  private async openSafety(): Promise<void> {
    const session = this.session;
    if (!session || session.role !== 'supervisor') return;
    const epoch = this.epoch;
    // The retention choice starts from the settings, which may still be on their way.
    await this.settingsLoad;
    if (!this.current(epoch) || this.view.kind === 'call') return;
    this.show({
      kind: 'safety',
      session,
      backupStatus: null,
      storeCheck: null,
      backupCheck: null,
      retentionMode: this.settings.retentionMonths === null ? 'forever' : 'limited',
      retentionConfirm: null,
      retentionDone: null,
      forgetConfirm: null,
      forgotten: null,
      audit: null,
      auditShown: AUDIT_PAGE,
      auditCheck: null,
    });
  }

  /** The safety view, if it is on screen, not busy, and the session may use it. */
  private safetyView(): SafetyView | null {
    const view = this.view;
    if (view.kind !== 'safety' || this.busy || this.session?.role !== 'supervisor') return null;
    return view;
  }

  /** Runs one safety task; its result goes into the view, which is drawn again. */
  private async safetyTask<T>(
    task: () => Promise<T>,
    done: (view: SafetyView, value: T) => AfterTask,
    failed: (view: SafetyView, code: ErrorCode) => void = (_, code) => this.setError(code),
  ): Promise<void> {
    const view = this.safetyView();
    if (!view) return;
    const epoch = this.epoch;
    this.setError(null);
    this.setBusy(true);
    let value: T;
    try {
      value = await task();
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) failed(view, code);
      return;
    }
    if (!this.current(epoch, view)) return;
    const after = done(view, value);
    this.setBusy(false);
    for (const id of after.clear ?? []) {
      const input = this.field(id);
      if (input) input.value = '';
    }
    if (after.focus) this.byId(after.focus)?.focus();
  }

  /** Rust asks where to save (the native dialog) and writes the backup there. */
  private async takeBackup(): Promise<void> {
    await this.safetyTask(
      () => ipc.takeBackup(),
      (view, saved) => {
        view.backupStatus = saved ? { state: 'saved', path: saved.path } : { state: 'cancelled' };
        return { focus: 'backup-take' };
      },
      (view, code) => {
        view.backupStatus = { state: 'failed' };
        this.rerender();
        this.setError(code);
      },
    );
  }

  private async verifyStore(): Promise<void> {
    await this.safetyTask(
      () => ipc.verifyStore(),
      (view, result) => {
        view.storeCheck = result;
        return { focus: 'verify-store' };
      },
    );
  }

  /** Rust asks for the file (the native dialog) and checks it with the supervisor's passphrase. */
  private async verifyBackup(passphrase: string): Promise<void> {
    await this.safetyTask(
      () => ipc.verifyBackup(passphrase),
      (view, checked) => {
        view.backupCheck = checked ? { state: 'checked', ...checked } : { state: 'cancelled' };
        return { focus: 'verify-backup-submit', clear: ['verify-backup-passphrase'] };
      },
      (view, code) => {
        // A wrong passphrase says nothing about the file; anything else is the file's failure.
        view.backupCheck = code === 'wrong_passphrase' || code === 'passphrase_too_long' ? null : { state: 'failed' };
        this.rerender();
        this.fail(code, 'verify-backup-passphrase', ['verify-backup-passphrase']);
      },
    );
  }

  /** A shorter period (or a first one) destroys cases at once: it waits for a yes. */
  private async saveRetention(mode: RetentionMode, typed: string): Promise<void> {
    const view = this.safetyView();
    if (!view) return;
    let months: number | null = null;
    if (mode === 'limited') {
      const checked = checkRetentionMonths(typed);
      if (!checked.ok) {
        this.fail(checked.code, 'retention-months');
        return;
      }
      months = checked.months;
    }
    view.retentionDone = null;
    if (isShorter(months, this.settings.retentionMonths)) {
      view.retentionConfirm = months;
      this.setError(null);
      this.rerender();
      this.byId('retention-cancel')?.focus();
      return;
    }
    await this.setRetention(months);
  }

  private async setRetention(months: number | null): Promise<void> {
    await this.safetyTask(
      () => ipc.setRetentionMonths(months),
      (view, run) => {
        this.settings = { ...this.settings, retentionMonths: months };
        view.retentionMode = months === null ? 'forever' : 'limited';
        view.retentionConfirm = null;
        view.retentionDone = run.casesDestroyed;
        return { focus: 'retention-submit' };
      },
      (view, code) => {
        view.retentionConfirm = null;
        this.rerender();
        this.fail(code, 'retention-months');
      },
    );
  }

  /** Finds the case first (the same parsing as the lookup), so the question names it. */
  private async findForForgetting(typed: string): Promise<void> {
    if (!this.safetyView()) return;
    if (typed.trim() === '') {
      this.fail('case_number_empty', 'forget-number');
      return;
    }
    await this.safetyTask(
      () => ipc.findCase(typed),
      (view, history) => {
        view.forgotten = null;
        view.forgetConfirm = { caseNumber: history.caseNumber, calls: history.calls.length };
        return { focus: 'forget-cancel' };
      },
      (view, code) => {
        view.forgetConfirm = null;
        this.rerender();
        this.fail(code, 'forget-number');
      },
    );
  }

  private async forgetCase(caseNumber: string): Promise<void> {
    await this.safetyTask(
      () => ipc.forgetCase(caseNumber),
      (view) => {
        view.forgetConfirm = null;
        view.forgotten = caseNumber;
        return { focus: 'forget-number', clear: ['forget-number'] };
      },
      (view, code) => {
        view.forgetConfirm = null;
        this.rerender();
        this.fail(code, 'forget-number');
      },
    );
  }

  private async showAudit(): Promise<void> {
    await this.safetyTask(
      () => ipc.auditTrail(),
      (view, entries) => {
        view.audit = entries;
        view.auditShown = AUDIT_PAGE;
        return { focus: 'audit-show' };
      },
    );
  }

  private async verifyAudit(): Promise<void> {
    await this.safetyTask(
      () => ipc.verifyAudit(),
      (view, check) => {
        view.auditCheck = check;
        return { focus: 'audit-verify' };
      },
    );
  }

  // --- statistics (supervisors) ---------------------------------------------------------

  /** The statistics view, if it is on screen and the session may use it. */
  private statisticsView(): Extract<View, { kind: 'statistics' }> | null {
    const view = this.view;
    if (view.kind !== 'statistics' || this.busy || this.session?.role !== 'supervisor') return null;
    return view;
  }

  /** The query for what was typed, in the UI language; null (and the error shown) if it is not valid. */
  private statisticsQuery(view: Extract<View, { kind: 'statistics' }>, form: StatisticsForm): StatisticsQuery | null {
    view.form = { ...form };
    const checked = checkStatisticsForm(form);
    if (!checked.ok) {
      this.fail(checked.code, checked.field);
      return null;
    }
    return {
      from: checked.from,
      to: checked.to,
      periodTotal: checked.periodTotal,
      k: checked.k,
      language: currentLanguage(),
    };
  }

  private async showStatistics(form: StatisticsForm): Promise<void> {
    const view = this.statisticsView();
    if (!view) return;
    const query = this.statisticsQuery(view, form);
    if (query) await this.loadStatistics(view, query, true);
  }

  private async loadStatistics(
    view: Extract<View, { kind: 'statistics' }>,
    query: StatisticsQuery,
    focusResults: boolean,
  ): Promise<void> {
    const epoch = this.epoch;
    this.setError(null);
    view.loading = true;
    this.setBusy(true);
    try {
      const document = await ipc.statistics(query);
      if (!this.current(epoch, view)) return;
      view.document = document;
      view.query = query;
      view.loading = false;
      this.setBusy(false);
      if (focusResults) this.byId('stats-results-title')?.focus();
      this.statisticsFollowLanguage(view);
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      view.loading = false;
      this.setBusy(false);
      const code = this.failure(reason);
      if (code) this.setError(code);
    }
  }

  /** Rust asks where to save and writes the file; the answer is the path, or null if cancelled. */
  private async exportStatistics(form: StatisticsForm, format: ExportFormat): Promise<void> {
    const view = this.statisticsView();
    if (!view) return;
    const query = this.statisticsQuery(view, form);
    if (!query) return;
    const epoch = this.epoch;
    this.setError(null);
    view.exportStatus = null;
    this.setBusy(true);
    let failed: unknown = null;
    try {
      const saved = await ipc.exportStatistics(query, format);
      if (!this.current(epoch, view)) return;
      view.exportStatus = saved ? { state: 'saved', path: saved.path } : { state: 'cancelled' };
    } catch (reason) {
      if (!this.current(epoch, view)) return;
      view.exportStatus = { state: 'failed' };
      failed = reason;
    }
    this.setBusy(false);
    this.byId(`stats-export-${format}`)?.focus();
    if (failed === null) {
      this.statisticsFollowLanguage(view);
    } else {
      // No asking again here: it would clear the error from #error.
      const code = this.failure(failed);
      if (code) this.setError(code);
    }
  }

  /**
   * Titles, labels and rules of the statistics come from Rust in the language asked for: after
   * a language switch, the shown statistics are asked for again in the new one.
   */
  private statisticsFollowLanguage(view: Extract<View, { kind: 'statistics' }>): void {
    const language = currentLanguage();
    if (this.busy || !view.query || view.query.language === language) return;
    void this.loadStatistics(view, { ...view.query, language }, false);
  }
}

type SafetyView = Extract<View, { kind: 'safety' }>;

/** What to do once a safety task's result is on screen. */
interface AfterTask {
  focus?: string;
  /** Fields to empty (a re-render keeps what was typed). */
  clear?: string[];
}

function callScreenTimer(startedAt: string): string {
  return formatTimer(Date.now() - Date.parse(startedAt));
}

/** Mounts the app into `host` and shows the first screen. */
export async function startApp(host: HTMLElement): Promise<App> {
  const app = new App(host);
  await app.start();
  return app;
}
