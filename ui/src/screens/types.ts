import type { CallContent, CaseHistory, CaseOverview, CasesFilter, ErrorCode, LimitView, Session, Settings, SignedIn, SyncState } from '../ipc';
import type { TaskRunner } from '../tasks';
import type { Screen } from './screen';

export type { Rendered, Screen } from './screen';

/** Where the menu of an unlocked screen leads. */
export type Place = 'home' | 'cases' | 'passphrase' | 'statistics' | 'safety' | 'settings' | 'desks';

/** A call on the call screen: its draft as last saved, and how it came to be open. */
export interface ActiveCall {
  draftId: string;
  caseNumber: string;
  startedAt: string;
  newCase: boolean;
  resumed: boolean;
  content: CallContent;
  /** What a new call starts with (start_call's content), to tell a call with nothing recorded; null when not known. */
  blank: CallContent | null;
  /** The case as it stood when the call started (its last level, its follow-up); null for a new case. */
  case: CaseOverview | null;
}

/** What the app offers every screen. */
export interface Context {
  readonly tasks: TaskRunner;
  /** Draws `screen` again, if it is on show, keeping what was typed and the focus. */
  redraw(screen: Screen): void;
  /** Draws `screen` afresh, as when it was first shown (empty fields, first focus, no error), if it is on show. */
  reopen(screen: Screen): void;
  /** Shows `code` at the field with the id `field` if there is one on screen, else in #error. */
  showError(code: ErrorCode | null, limit?: LimitView | null, field?: string): void;
  /** Clears the error box if it still shows `code`. */
  clearError(code: ErrorCode): void;
  /** Shows `code`, empties `clear` and puts the focus (and selection) on `field`. */
  fail(code: ErrorCode, field: string, clear?: readonly string[], limit?: LimitView | null): void;
  /** Puts the focus on the element of the screen on show with this id. */
  focus(id: string): void;
  /** Empties these fields of the screen on show (a redraw keeps what was typed). */
  empty(ids: readonly string[]): void;
}

/** While the store is locked or not set up yet. */
export interface LockedContext extends Context {
  /** The store is open: the session starts at home. */
  signIn(signedIn: Session | SignedIn): void;
  /** Right after set-up: the recovery code, once. */
  showRecoveryCode(code: string, session: Session): void;
  /** Shows the screen the shell's `app_status` asks for. */
  refresh(): Promise<void>;
}

/** While signed in. */
export interface SessionContext extends Context {
  readonly session: Session;
  /** The helpline's settings as last read. */
  readonly settings: Settings;
  /** Resolves once the settings read at sign-in have arrived (or failed). */
  readonly settingsLoaded: Promise<void>;
  /** A new case's call as start_call last sent it (it holds nothing of any call), or null. */
  readonly blankCall: CallContent | null;
  /** What the shell's background sync last said (also in the header). */
  readonly syncState: SyncState;
  /** The filter of the cases list, kept for the session. */
  readonly casesFilter: CasesFilter;
  setCasesFilter(filter: CasesFilter): void;
  /** The settings after a change made here. */
  updateSettings(settings: Settings): void;
  /** Reads the settings again after a change; a failure keeps the old ones. */
  reloadSettings(): Promise<void>;
  navigate(place: Place): void;
  goHome(): void;
  /** Starts a call, on a new case or on `caseNumber`. */
  newCall(caseNumber: string | null): void;
  openCall(call: ActiveCall): void;
  showHistory(history: CaseHistory, ended: boolean): void;
  /** A replaced recovery code, once, as after set-up; then home. */
  showRecoveryCode(code: string): void;
  lock(): void;
}
