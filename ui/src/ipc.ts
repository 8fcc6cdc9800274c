// The IPC contract with the desktop shell (src-tauri), in one place.
//
// Every call to Rust goes through the typed wrappers below; nothing else in the UI imports
// `invoke`. Argument keys are camelCase here; Tauri maps them to the Rust parameter names.
// The types of requests and replies are generated from the Rust ones
// (./generated/ipc-types.ts); every reply is still checked at run time, against the table of
// checkers below, because a malformed reply must become an error, never a half-drawn screen.

import { Channel, invoke } from '@tauri-apps/api/core';
import {
  AGE_BANDS,
  CALL_LANGUAGES,
  CHANNELS,
  ENVIRONMENTS,
  ERROR_CODES,
  GENDERS,
  LIMITS,
  LEVELS,
  LOCK_REASONS,
  UI_LANGUAGES,
  RELATIONSHIPS,
  ROLES,
  SIGN_IN_FAILURES,
  SITUATIONS,
  type AppError,
  type AppStatus,
  type AuditAction,
  type AuditCheckView,
  type AuditEntry,
  type AuditProblem,
  type AuditProblemKind,
  type CallContent,
  type Caller,
  type CaseHistoryView,
  type CaseListView,
  type CaseNumberView,
  type CaseOverviewView,
  type CasesFilter,
  type CheckedBackup,
  type DamagedView,
  type DraftView,
  type ErrorCode as ShellErrorCode,
  type ForgottenView,
  type Identity,
  type Level,
  type LockNotice,
  type LockReason,
  type UiLanguage,
  type LimitView,
  type NewRecoveryCode,
  type Person,
  type RecordedCall,
  type Referral,
  type RestoreFile,
  type RetentionView,
  type Role,
  type SavedFile,
  type SetUpDone,
  type SettingsView,
  type SignedIn,
  type InvitationView,
  type SyncConflictView,
  type SyncReport,
  type SyncStatusView,
  type User,
  type VerifyView,
} from './generated/ipc-types';

export { AGE_BANDS, CALL_LANGUAGES, CHANNELS, ENVIRONMENTS, ERROR_CODES, GENDERS, LEVELS, LIMITS, RELATIONSHIPS, ROLES, SITUATIONS, UI_LANGUAGES };
export type {
  AgeBand,
  AppStatus,
  AuditAction,
  AuditEntry,
  AuditProblem,
  AuditProblemKind,
  CallContent,
  CallLanguage,
  CasesFilter,
  CasesSort,
  Channel,
  Environment,
  Gender,
  Identity,
  Level,
  LimitView,
  Referral,
  Relationship,
  Role,
  SavedFile,
  SignedIn,
  Situation,
  InvitationView,
  SyncReport,
  SyncStatusView,
} from './generated/ipc-types';

export type { ShellErrorCode };

/** `set_up_store({ userName, passphrase })`; the store is unlocked afterwards. */
export type SetUpResult = SetUpDone;
/** Who is signed in. */
export type Session = Pick<SignedIn, 'user' | 'role'>;
export type Settings = SettingsView;
export type StartedCall = DraftView;
export type Unfinished = DraftView;
export type CaseHistory = CaseHistoryView;
/** A finished call in a case's history. */
export type CallView = RecordedCall;
export type CaseOverview = CaseOverviewView;
/** `list_cases({ filter })`: the most recent matching cases, and how many match in all. */
export type CaseList = CaseListView;
export type UserSummary = User;
/** What a check of the store or of a backup found. */
export type VerifyResult = VerifyView;
/** A sealed value that did not authenticate: where it is (table and column) and its row. */
export type DamagedPlace = DamagedView;
export type AuditCheck = AuditCheckView;
export type AuditKind = AuditAction['kind'];

/** Codes the UI raises itself, before any IPC call. */
export const CLIENT_ERROR_CODES = [
  'passphrase_mismatch',
  'draft_not_saved',
  'referral_exists',
  'country_exists',
  'invalid_country',
  'case_number_empty',
  'month_missing',
  'period_reversed',
  'period_too_long',
  'invalid_k',
  'date_invalid',
  'retention_failed',
  'locked_idle',
  'locked_suspend',
  'locked_screen',
  'desk_name_empty',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Anything shown in `#error`. `unknown` covers codes this build does not know. */
export type ErrorCode = ShellErrorCode | ClientErrorCode | 'unknown';

/**
 * A failed call, normalised: `code` is always one the UI can translate; `limit` is the core's
 * limit an input broke, which the message names (the UI keeps no copy of those limits).
 */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly limit: LimitView | null;

  constructor(code: ErrorCode, message: string, limit: LimitView | null = null) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
    this.limit = limit;
  }
}

function toLimit(value: unknown): LimitView | null {
  if (typeof value !== 'object' || value === null) return null;
  const { field, min, max } = value as Partial<Record<keyof LimitView, unknown>>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (typeof field !== 'string' || !whole(max) || !(min === null || min === undefined || whole(min))) return null;
  return { field, min: min ?? null, max };
}

function isKnownCode(code: unknown): code is ShellErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Turns whatever a rejected `invoke` gave us into an `IpcError`. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (typeof reason === 'object' && reason !== null) {
    const { code, message, limit } = reason as Partial<Record<keyof AppError, unknown>>;
    const text = typeof message === 'string' ? message : '';
    return new IpcError(isKnownCode(code) ? code : 'unknown', text, isKnownCode(code) ? toLimit(limit) : null);
  }
  return new IpcError('unknown', typeof reason === 'string' ? reason : '');
}

/** The step of a level: 0 when not assessed, else 1 to 3. */
export function levelStep(level: Level): number {
  return LEVELS.indexOf(level);
}


// --- reply checkers -------------------------------------------------------------------------
// A checker returns the value it was given, rebuilt from exactly the fields of its type
// (nothing extra travels on), or throws `Mismatch`. `object` takes a checker for every field
// of the generated type, so the compiler says when the two part.

class Mismatch extends Error {}

type Check<T> = (value: unknown) => T;

function mismatch(): never {
  throw new Mismatch();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function refine<T>(check: Check<T>, ok: (value: T) => boolean): Check<T> {
  return (value) => {
    const checked = check(value);
    return ok(checked) ? checked : mismatch();
  };
}

const string: Check<string> = (value) => (typeof value === 'string' ? value : mismatch());
const boolean: Check<boolean> = (value) => (typeof value === 'boolean' ? value : mismatch());
const count: Check<number> = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : mismatch();
const nonEmpty = refine(string, (text) => text.trim() !== '');
/** A time the shell sends (RFC 3339) that the UI can compute with. */
const time = refine(string, (text) => !Number.isNaN(Date.parse(text)));
const date = refine(string, (text) => /^\d{4}-\d{2}-\d{2}$/.test(text));
const month: Check<string> = (value) => (isMonth(value) ? value : mismatch());

function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value) => (typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : mismatch());
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === null ? null : check(value));
}

function array<T>(check: Check<T>): Check<T[]> {
  return (value) => (Array.isArray(value) ? value.map(check) : mismatch());
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

function object<T>(shape: Shape<T>): Check<T> {
  return (value) => {
    if (!isRecord(value) || Array.isArray(value)) return mismatch();
    const out: Partial<T> = {};
    for (const key of Object.keys(shape) as (keyof T)[]) out[key] = shape[key](value[key as string]);
    return out as T;
  };
}

/** A union told apart by its `tag` field: a shape for every variant's other fields. */
function tagged<K extends string, T extends Record<K, string>>(
  tag: K,
  variants: { [V in T[K]]: Shape<Omit<Extract<T, Record<K, V>>, K>> },
): Check<T> {
  return (value) => {
    if (!isRecord(value)) return mismatch();
    const kind = value[tag];
    if (typeof kind !== 'string' || !Object.hasOwn(variants, kind)) return mismatch();
    const rest = object<object>(variants[kind as T[K]] as Shape<object>)(value);
    return { [tag]: kind, ...rest } as unknown as T;
  };
}

/** Commands whose reply carries nothing. */
const nothing: Check<void> = () => undefined;

const role = oneOf(ROLES);
const level = oneOf(LEVELS);
const caseNumber = nonEmpty;

const identity = tagged<'choice', Identity>('choice', {
  anonymous: {},
  gave_contact_details: { name: nullable(string), phone: nullable(string), email: nullable(string) },
});

const caller = object<Caller>({ relationship: oneOf(RELATIONSHIPS), gender: oneOf(GENDERS), identity });

const person = object<Person>({
  gender: oneOf(GENDERS),
  ageBand: oneOf(AGE_BANDS),
  situation: oneOf(SITUATIONS),
  environment: oneOf(ENVIRONMENTS),
});

const contentShape: Shape<CallContent> = {
  channel: oneOf(CHANNELS),
  language: oneOf(CALL_LANGUAGES),
  level,
  caller,
  person,
  referrals: array(string),
  nextSteps: string,
  followUp: nullable(date),
  followUpDone: boolean,
  notes: string,
};
const content = object<CallContent>(contentShape);


const signedIn = object<SignedIn>({ user: string, role, casesExpired: count, retentionFailed: boolean });

const referral = object<Referral>({ code: nonEmpty, label: nullable(string) });

const settings = object<SettingsView>({
  referrals: array(referral),
  transitCountries: array((value) => refine(string, (code) => /^[A-Za-z]{2}$/.test(code))(value).toUpperCase()),
  idleLockMinutes: refine(count, (minutes) => minutes >= 1 && minutes <= LIMITS.idleLockMinutes),
  retentionMonths: nullable(refine(count, (months) => months >= 1 && months <= LIMITS.retentionMonths)),
});

const caseOverview = object<CaseOverviewView>({
  caseNumber,
  open: boolean,
  latestLevel: level,
  highestLevel: level,
  lastCallAt: nullable(time),
  followUp: nullable(date),
  followUpState: nullable(oneOf(['overdue', 'today', 'later'] as const)),
  calls: count,
  escalated: boolean,
});

const draftShape: Shape<DraftView> = {
  draftId: nonEmpty,
  caseNumber,
  startedAt: time,
  content,
  newCase: boolean,
  case: nullable(caseOverview),
};

const savedFile = object<SavedFile>({ path: nonEmpty });

const IDENTIFIER = /^[a-z_]{1,40}$/;
const identifier = refine(string, (name) => IDENTIFIER.test(name));

const damagedPlace = object<DamagedView>({
  table: identifier,
  column: identifier,
  row: refine(string, (row) => /^-?\d{1,20}$/.test(row)),
});

const verifyResult = object<VerifyView>({
  sound: boolean,
  sealedValuesChecked: count,
  fileProblems: array(string),
  damaged: array(damagedPlace),
  newerFormat: array(damagedPlace),
  schemaChanges: array(string),
});

const auditAction = tagged<'kind', AuditAction>('kind', {
  signed_in: {},
  recovery_code_used: {},
  recovery_code_replaced: {},
  key_slots_bound: {},
  backup_taken: {},
  passphrase_changed: {},
  case_opened: { case: string },
  case_forgotten: { case: string },
  case_forgotten_elsewhere: { case: string },
  forget_failed: { case: string, reason: identifier },
  follow_up_done: { case: string },
  call_corrected: { case: string, fields: array(string) },
  cases_expired: { cases: count, retentionMonths: count },
  statistics_exported: { from: month, to: month, format: string, k: count, periodTotal: boolean },
  user_added: { name: string, role },
  user_removed: { name: string },
  passphrase_reset: { name: string },
  settings_changed: { setting: string },
  sign_in_failed: { name: string, reason: oneOf(SIGN_IN_FAILURES), attemptedAt: time },
  sign_in_reports_damaged: { unreadable: count, keyReplaced: boolean },
});

/** Every kind of audit entry, in the order the safety screen explains them. */
const AUDIT_KIND_SET: Record<AuditKind, true> = {
  signed_in: true,
  recovery_code_used: true,
  recovery_code_replaced: true,
  key_slots_bound: true,
  case_opened: true,
  case_forgotten: true,
  case_forgotten_elsewhere: true,
  forget_failed: true,
  follow_up_done: true,
  call_corrected: true,
  cases_expired: true,
  statistics_exported: true,
  backup_taken: true,
  user_added: true,
  user_removed: true,
  passphrase_changed: true,
  passphrase_reset: true,
  settings_changed: true,
  sign_in_failed: true,
  sign_in_reports_damaged: true,
};
export const AUDIT_KINDS = Object.keys(AUDIT_KIND_SET) as AuditKind[];

const AUDIT_PROBLEM_SET: Record<AuditProblemKind, true> = { altered: true, missing: true, tail_removed: true };
export const AUDIT_PROBLEMS = Object.keys(AUDIT_PROBLEM_SET) as AuditProblemKind[];

const auditCheck = object<AuditCheckView>({
  sound: boolean,
  entriesChecked: count,
  headSeq: count,
  fingerprint: refine(string, (hex) => /^[0-9a-f]{0,64}$/.test(hex)),
  problems: array(object<AuditProblem>({ seq: count, count, problem: oneOf(AUDIT_PROBLEMS) })),
});

const syncStatusView = refine(
  object<SyncStatusView>({
    connected: boolean,
    deskName: nullable(string),
    deskId: nullable(string),
    server: nullable(string),
    cursor: count,
    pending: count,
    conflicts: array(object<SyncConflictView>({ what: identifier, case: nullable(string), at: time })),
  }),
  // A desk of its own has no name, id or server; a connected one has all three.
  (view) => [view.deskName, view.deskId, view.server].every((part) => (part !== null) === view.connected),
);

/** The reply checker of every command. */
const caseHistory = object<CaseHistoryView>({
  caseNumber,
  open: boolean,
  calls: array(
    object<RecordedCall>({
      ...contentShape,
      callId: nonEmpty,
      startedAt: time,
      endedAt: nullable(time),
      escalated: boolean,
      correctableUntil: nullable(time),
    }),
  ),
});

export const REPLIES = {
  app_status: tagged<'state', AppStatus>('state', { needs_setup: {}, locked: {}, unlocked: { user: string, role } }),
  set_up_store: object<SetUpDone>({ recoveryCode: nonEmpty, user: string, role: oneOf(['supervisor'] as const) }),
  unlock: signedIn,
  recover: signedIn,
  restore_backup: signedIn,
  choose_restore_file: nullable(object<RestoreFile>({ fileName: string })),
  lock: nothing,
  watch_lock: nothing,
  ui_language: nullable(oneOf(UI_LANGUAGES)),
  set_ui_language: nothing,
  note_input: nothing,
  change_passphrase: nothing,
  get_settings: settings,
  set_referrals: nothing,
  set_transit_countries: nothing,
  set_idle_lock_minutes: nothing,
  set_retention_months: object<RetentionView>({ casesDestroyed: count }),
  start_call: object<DraftView>(draftShape),
  save_draft: nothing,
  end_call: object<CaseNumberView>({ caseNumber }),
  copy_case_number: nothing,
  discard_call: nothing,
  unfinished_calls: array(object<DraftView>(draftShape)),
  find_case: caseHistory,
  correct_call: caseHistory,
  case_overview: caseOverview,
  mark_follow_up_done: caseOverview,
  list_cases: refine(
    object<CaseListView>({ cases: array(caseOverview), total: count }),
    (list) => list.cases.length <= LIMITS.listedCases && list.cases.length <= list.total,
  ),
  set_case_open: nothing,
  list_users: array(object<User>({ name: string, role })),
  add_user: nothing,
  remove_user: nothing,
  reset_passphrase: nothing,
  statistics: (value: unknown): StatisticsDocument => toStatistics(value) ?? mismatch(),
  export_statistics: nullable(savedFile),
  take_backup: nullable(savedFile),
  verify_store: verifyResult,
  verify_backup: nullable(object<CheckedBackup>({ path: string, report: verifyResult })),
  forget_case: object<ForgottenView>({ backupsHoldingIt: array(time) }),
  replace_recovery_code: object<NewRecoveryCode>({ recoveryCode: nonEmpty }),
  audit_trail: array(object<AuditEntry>({ seq: count, at: time, user: string, action: auditAction })),
  verify_audit: auditCheck,
  sync_status: syncStatusView,
  watch_sync: nothing,
  sync_now: object<SyncReport>({ pushed: count, calls: count, forgotten: count, cursor: count }),
  connect_desk: syncStatusView,
  // The code is shown once, in its groups: letters and digits 2-7 between dashes.
  invite_desk: object<InvitationView>({ code: refine(string, (code) => /^[A-Z2-7]{1,8}(-[A-Z2-7]{1,8})+$/.test(code)), deskName: nonEmpty }),
  join_helpline: signedIn,
} satisfies Record<string, Check<unknown>>;

export type Command = keyof typeof REPLIES;
export type Reply<C extends Command> = ReturnType<(typeof REPLIES)[C]>;

/** Sends a command and checks its reply; a rejection or a malformed reply is an `IpcError`. */
async function request<C extends Command>(command: C, args?: Record<string, unknown>): Promise<Reply<C>> {
  let reply: unknown;
  try {
    reply = await invoke<unknown>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
  try {
    return REPLIES[command](reply) as Reply<C>;
  } catch {
    throw new IpcError('unknown', `${command}: unexpected reply from the shell`);
  }
}

// --- commands -------------------------------------------------------------------------------

export async function appStatus(): Promise<AppStatus> {
  return request('app_status');
}

export async function setUpStore(userName: string, passphrase: string): Promise<SetUpResult> {
  return request('set_up_store', { userName, passphrase });
}

/**
 * `unlock`, `recover` and `restore_backup` answer the session, and what the retention period
 * destroyed at once (the shell applies it after every sign-in).
 */
export async function unlock(userName: string, passphrase: string): Promise<SignedIn> {
  return request('unlock', { userName, passphrase });
}

export async function lock(): Promise<void> {
  return request('lock');
}

export type { LockReason };

const lockNotice = object<LockNotice>({ reason: oneOf(LOCK_REASONS) });

/**
 * Hears from the shell each time it locked the store by itself (idle, suspend, screen lock).
 * The shell sends only after it has locked, so any message means locked: one whose reason
 * does not check gives null.
 */
export async function watchLock(onLock: (reason: LockReason | null) => void): Promise<void> {
  const channel = new Channel<unknown>();
  channel.onmessage = (message) => {
    let reason: LockReason | null = null;
    try {
      reason = lockNotice(message).reason;
    } catch {
      // Still locked; only the reason is unknown.
    }
    onLock(reason);
  };
  return request('watch_lock', { onLock: channel });
}

/**
 * What the shell's background sync last found: nothing to show (`off`: locked, or a desk of
 * its own), syncing, synced at a time, offline since a time, or refused (a supervisor must look).
 */
export type SyncState =
  | { state: 'off' }
  | { state: 'syncing' }
  | { state: 'synced'; at: string }
  | { state: 'offline'; since: string; code: ErrorCode }
  | { state: 'failed'; code: ErrorCode };

function errorCode(value: unknown): ErrorCode {
  return isKnownCode(value) ? value : typeof value === 'string' ? 'unknown' : mismatch();
}

const syncState = tagged<'state', SyncState>('state', {
  off: {},
  syncing: {},
  synced: { at: time },
  offline: { since: time, code: errorCode },
  failed: { code: errorCode },
});

/**
 * Hears from the shell how its background sync stands: at once, and at every change. A
 * message that does not check is taken as nothing to show.
 */
export async function watchSync(onState: (state: SyncState) => void): Promise<void> {
  const channel = new Channel<unknown>();
  channel.onmessage = (message) => {
    let state: SyncState = { state: 'off' };
    try {
      state = syncState(message);
    } catch {
      // Nothing to show rather than something wrong.
    }
    onState(state);
  };
  return request('watch_sync', { onSync: channel });
}

/** The language the UI was last shown in on this computer, or null before any choice. */
export async function uiLanguage(): Promise<UiLanguage | null> {
  return request('ui_language');
}

/** Keeps the UI's language for the next start (the webview itself keeps nothing). */
export async function setUiLanguage(language: UiLanguage): Promise<void> {
  return request('set_ui_language', { language });
}

/** A person used the page just now; `callOpen` says whether a call is on screen. */
export async function noteInput(callOpen: boolean): Promise<void> {
  return request('note_input', { callOpen });
}

/** Every passphrase is forgotten: the recovery code gives `userName` a new passphrase. */
export async function recover(userName: string, recoveryCode: string, newPassphrase: string): Promise<SignedIn> {
  return request('recover', { userName, recoveryCode, newPassphrase });
}

/**
 * First run: the Rust side shows the native open dialog and keeps the chosen file; the reply
 * is its name only, or null when the dialog was cancelled.
 */
export async function chooseRestoreFile(): Promise<RestoreFile | null> {
  return request('choose_restore_file');
}

/**
 * First run: restores the chosen backup and signs in. Without a recovery code, `passphrase` is
 * the user's passphrase as it was when the backup was taken; with one, the user's new passphrase.
 */
export async function restoreBackup(userName: string, passphrase: string, recoveryCode: string | null): Promise<SignedIn> {
  return request('restore_backup', { userName, passphrase, recoveryCode });
}

export async function changePassphrase(current: string, next: string): Promise<void> {
  return request('change_passphrase', { current, next });
}

/** A new recovery code (supervisors, asked their passphrase again), to show once. */
export async function replaceRecoveryCode(passphrase: string): Promise<string> {
  return (await request('replace_recovery_code', { passphrase })).recoveryCode;
}

export async function getSettings(): Promise<Settings> {
  return request('get_settings');
}

export async function startCall(caseNumber: string | null): Promise<StartedCall> {
  return request('start_call', { caseNumber });
}

export async function saveDraft(draftId: string, callContent: CallContent): Promise<void> {
  return request('save_draft', { draftId, content: callContent });
}

export async function endCall(draftId: string, callContent: CallContent): Promise<CaseNumberView> {
  return request('end_call', { draftId, content: callContent });
}

/**
 * Has the shell put the case number of the call in progress `draftId` on the system clipboard;
 * it takes it off after 30 s, or when the store locks, if the clipboard still holds it.
 */
export async function copyCaseNumber(draftId: string): Promise<void> {
  return request('copy_case_number', { draftId });
}

export async function discardCall(draftId: string): Promise<void> {
  return request('discard_call', { draftId });
}

export async function unfinishedCalls(): Promise<Unfinished[]> {
  return request('unfinished_calls');
}

export async function findCase(number: string): Promise<CaseHistory> {
  return request('find_case', { caseNumber: number });
}

/** A case's summary, without its calls or notes: the shell writes no audit entry for it. */
export async function findCaseOverview(number: string): Promise<CaseOverview> {
  return request('case_overview', { caseNumber: number });
}

/** The cases matching `filter`, filtered, ordered and capped by the shell. */
export async function listCases(filter: CasesFilter): Promise<CaseList> {
  return request('list_cases', {
    filter: { openOnly: filter.openOnly, dueOnly: filter.dueOnly, minStep: filter.minStep, sort: filter.sort },
  });
}

/** The case's follow-up is done without a call; the reply is the case as it now stands. */
export async function markFollowUpDone(number: string): Promise<CaseOverview> {
  return request('mark_follow_up_done', { caseNumber: number });
}

/**
 * Replaces a finished call's content (by its taker, within the correction window); the reply
 * is the case's history with the corrected call.
 */
export async function correctCall(callId: string, callContent: CallContent): Promise<CaseHistory> {
  return request('correct_call', { callId, content: callContent });
}

export async function setCaseOpen(number: string, open: boolean): Promise<void> {
  return request('set_case_open', { caseNumber: number, open });
}

// --- supervisors only -----------------------------------------------------------------------

export async function listUsers(): Promise<UserSummary[]> {
  return request('list_users');
}

export async function addUser(userName: string, userRole: Role, passphrase: string): Promise<void> {
  return request('add_user', { userName, role: userRole, passphrase });
}

export async function removeUser(userName: string): Promise<void> {
  return request('remove_user', { userName });
}

export async function setReferrals(referrals: Referral[]): Promise<void> {
  return request('set_referrals', { referrals: referrals.map((entry) => ({ code: entry.code, label: entry.label })) });
}

export async function setTransitCountries(countries: string[]): Promise<void> {
  return request('set_transit_countries', { countries: [...countries] });
}

export async function setIdleLockMinutes(minutes: number): Promise<void> {
  return request('set_idle_lock_minutes', { minutes });
}

/**
 * Sets how long case content is kept (null: until forgotten); the shell applies it at once and
 * answers how many cases that destroyed.
 */
export async function setRetentionMonths(months: number | null): Promise<RetentionView> {
  return request('set_retention_months', { months });
}

// --- safety (supervisors only) --------------------------------------------------------------

/** The Rust side asks where to save (the native dialog) and writes the backup; null if cancelled. */
export async function takeBackup(): Promise<SavedFile | null> {
  return request('take_backup');
}

export async function verifyStore(): Promise<VerifyResult> {
  return request('verify_store');
}

/**
 * The Rust side asks for a backup file (the native dialog) and checks it with the supervisor's
 * passphrase; null if the dialog was cancelled.
 */
export async function verifyBackup(passphrase: string): Promise<CheckedBackup | null> {
  return request('verify_backup', { passphrase });
}

/** Destroys a case for good; the number is sent as typed (the Rust side parses it). */
/** Whether `code` refuses a new passphrase itself (its length, or how easy it is to guess): the field to correct is the new passphrase. */
export function refusesNewPassphrase(code: ErrorCode): boolean {
  return code === 'passphrase_too_short' || code === 'passphrase_too_long' || code === 'passphrase_weak';
}

/** Destroys the case; says when each backup that still holds it was taken. */
export async function forgetCase(number: string): Promise<ForgottenView> {
  return request('forget_case', { caseNumber: number });
}

export async function resetPassphrase(userName: string, passphrase: string): Promise<void> {
  return request('reset_passphrase', { userName, passphrase });
}

/** The audit trail (supervisors only), newest first. */
export async function auditTrail(): Promise<AuditEntry[]> {
  return request('audit_trail');
}

export async function verifyAudit(): Promise<AuditCheck> {
  return request('verify_audit');
}

// --- several desks, one helpline --------------------------------------------------------------

/** This desk's place in the helpline: its name, the server (without its password), what waits. */
export async function syncStatus(): Promise<SyncStatusView> {
  return request('sync_status');
}

/** Syncs now: this desk's changes to the server, the other desks' here. */
export async function syncNow(): Promise<SyncReport> {
  return request('sync_now');
}

/** Makes this desk the first of a helpline whose server was just set up (supervisors). */
export async function connectDesk(address: string, deskName: string): Promise<SyncStatusView> {
  return request('connect_desk', { address, deskName });
}

/** A one-time invitation for a new desk (supervisors), to show once. */
export async function inviteDesk(deskName: string): Promise<InvitationView> {
  return request('invite_desk', { deskName });
}

/**
 * First run: this computer becomes a new desk of a helpline, from an invitation, and signs in
 * with the passphrase the user has at the other desks.
 */
export async function joinHelpline(address: string, invitation: string, userName: string, passphrase: string): Promise<SignedIn> {
  return request('join_helpline', { address, invitation, userName, passphrase });
}

// --- statistics (supervisors only) ----------------------------------------------------------

export const REPORT_LANGUAGES = ['en', 'sv', 'ar'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const STATISTICS_UNITS = ['calls', 'cases', 'referrals'] as const;
export type StatisticsUnit = (typeof STATISTICS_UNITS)[number];
export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A count as published: the number, hidden as below k ("<k"), hidden with it ("x"), or not
 * published at all ("..", any number, zero included).
 */
export type Published =
  | { shown: 'count'; value: number }
  | { shown: 'below_threshold' }
  | { shown: 'secondary' }
  | { shown: 'withheld' };

export interface StatisticsRow {
  category: string;
  label: string;
  /** One per month. */
  values: Published[];
  /** The period column: the total over all the months, or null when there is none. */
  period: Published | null;
}

export interface StatisticsTable {
  id: string;
  title: string;
  unit: StatisticsUnit;
  rows: StatisticsRow[];
  /** One per month. */
  totals: Published[];
  /** The table's total over the period, or null when there is no period column. */
  period_total: Published | null;
}

export interface CallTime {
  month: string;
  calls_timed: Published;
  total_minutes: number | null;
  median_minutes: number | null;
}

/** The months the period column adds up: all the document's months, at least two. */
export interface StatisticsPeriod {
  from: string;
  to: string;
  months: string[];
}

/** How each hidden value is written in the document's language. */
export interface StatisticsSymbols {
  below_threshold: string;
  secondary: string;
  withheld: string;
}

export const STATISTICS_FORMAT = 'helpline-statistics';
export const STATISTICS_VERSION = 2;

/**
 * `statistics(...)`: what an export would publish now (the JSON export's document, version 2);
 * every count already passed through disclosure control on the Rust side.
 */
export interface StatisticsDocument {
  format: typeof STATISTICS_FORMAT;
  version: typeof STATISTICS_VERSION;
  /** 'YYYY-MM', one per column, oldest first. */
  months: string[];
  /** Set when the period column was asked for and there are several months. */
  period: StatisticsPeriod | null;
  language: ReportLanguage;
  disclosure_control: { k: number; rules: string[]; symbols: StatisticsSymbols };
  tables: StatisticsTable[];
  call_time: CallTime[];
}

export interface StatisticsQuery {
  /** 'YYYY-MM' */
  from: string;
  /** 'YYYY-MM', not before `from`. */
  to: string;
  /** Add the column with the total over the period (meaningful over several months). */
  periodTotal: boolean;
  k: number;
  language: ReportLanguage;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

// The statistics document is the JSON export's (format version 2, with its own snake_case
// keys), not a Rust type of the IPC, so its checks are written out here, with the sums and
// lengths that must agree.

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Maps every item, or fails as a whole when one does not fit. */
function all<T>(value: unknown, check: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    const checked = check(item);
    if (checked === null) return null;
    out.push(checked);
  }
  return out;
}

const isReportLanguage = isOneOf(REPORT_LANGUAGES);
const isUnit = isOneOf(STATISTICS_UNITS);

function toPublished(value: unknown): Published | null {
  if (!isRecord(value)) return null;
  if (value.shown === 'count') return isCount(value.value) ? { shown: 'count', value: value.value } : null;
  if (value.shown === 'below_threshold') return { shown: 'below_threshold' };
  if (value.shown === 'secondary') return { shown: 'secondary' };
  if (value.shown === 'withheld') return { shown: 'withheld' };
  return null;
}

/** One published value per month, or null. */
function toColumns(value: unknown, months: number): Published[] | null {
  const values = all(value, toPublished);
  return values && values.length === months ? values : null;
}

/**
 * The period column's value: a published value when the document has a period, null when it
 * has none; `undefined` when it does not fit (missing, or present without a period).
 */
function toPeriodValue(value: unknown, hasPeriod: boolean): Published | null | undefined {
  if (!hasPeriod) return value === null ? null : undefined;
  return toPublished(value) ?? undefined;
}

function isMinutes(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
}

function toTable(value: unknown, months: number, hasPeriod: boolean): StatisticsTable | null {
  if (!isRecord(value) || !isString(value.id) || !/^[a-z0-9_]{1,64}$/.test(value.id)) return null;
  if (!isString(value.title) || !isUnit(value.unit)) return null;
  const totals = toColumns(value.totals, months);
  const periodTotal = toPeriodValue(value.period_total, hasPeriod);
  const rows = all(value.rows, (row): StatisticsRow | null => {
    if (!isRecord(row) || !isString(row.category) || !isString(row.label)) return null;
    const values = toColumns(row.values, months);
    const period = toPeriodValue(row.period, hasPeriod);
    return values && period !== undefined ? { category: row.category, label: row.label, values, period } : null;
  });
  if (!totals || !rows || periodTotal === undefined) return null;
  return { id: value.id, title: value.title, unit: value.unit, rows, totals, period_total: periodTotal };
}

function toCallTime(value: unknown): CallTime | null {
  if (!isRecord(value) || !isMonth(value.month)) return null;
  const timed = toPublished(value.calls_timed);
  if (!timed || !isMinutes(value.total_minutes) || !isMinutes(value.median_minutes)) return null;
  return {
    month: value.month,
    calls_timed: timed,
    total_minutes: value.total_minutes,
    median_minutes: value.median_minutes,
  };
}

function sameMonths(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((month, index) => month === b[index]);
}

/** Null, or the period over exactly the document's months (two or more). */
function toPeriod(value: unknown, months: readonly string[]): StatisticsPeriod | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || months.length < 2) return undefined;
  const periodMonths = all(value.months, (month) => (isMonth(month) ? month : null));
  if (!periodMonths || !sameMonths(periodMonths, months)) return undefined;
  if (value.from !== months[0] || value.to !== months.at(-1)) return undefined;
  return { from: months[0]!, to: months.at(-1)!, months: periodMonths };
}

function toSymbols(value: unknown): StatisticsSymbols | null {
  if (!isRecord(value) || !isString(value.below_threshold) || !isString(value.secondary) || !isString(value.withheld)) {
    return null;
  }
  return { below_threshold: value.below_threshold, secondary: value.secondary, withheld: value.withheld };
}

function toStatistics(value: unknown): StatisticsDocument | null {
  if (!isRecord(value) || value.format !== STATISTICS_FORMAT || value.version !== STATISTICS_VERSION) return null;
  if (!isReportLanguage(value.language)) return null;
  const months = all(value.months, (month) => (isMonth(month) ? month : null));
  // At least one month, oldest first, each once.
  if (!months || months.length === 0 || months.some((month, i) => i > 0 && month <= months[i - 1]!)) return null;
  const period = toPeriod(value.period, months);
  const control = value.disclosure_control;
  if (period === undefined || !isRecord(control)) return null;
  const { k } = control;
  const rules = all(control.rules, (rule) => (isString(rule) ? rule : null));
  const symbols = toSymbols(control.symbols);
  if (!isCount(k) || k < 1 || !rules || !symbols) return null;
  const tables = all(value.tables, (table) => toTable(table, months.length, period !== null));
  const callTime = all(value.call_time, toCallTime);
  if (!tables || !callTime || !sameMonths(callTime.map((entry) => entry.month), months)) return null;
  return {
    format: STATISTICS_FORMAT,
    version: STATISTICS_VERSION,
    months,
    period,
    language: value.language,
    disclosure_control: { k, rules, symbols },
    tables,
    call_time: callTime,
  };
}

function queryArgs(query: StatisticsQuery): Record<string, unknown> {
  return { from: query.from, to: query.to, periodTotal: query.periodTotal, k: query.k, language: query.language };
}

/** What an export would publish now; publishes nothing. */
export async function statistics(query: StatisticsQuery): Promise<StatisticsDocument> {
  return request('statistics', queryArgs(query));
}

/**
 * The Rust side asks where to save (the native dialog), publishes the months (a published
 * month is shown exactly the same by every later export) and writes the file. Null when the
 * supervisor cancelled the dialog.
 */
export async function exportStatistics(query: StatisticsQuery, format: ExportFormat): Promise<SavedFile | null> {
  return request('export_statistics', { ...queryArgs(query), format });
}
