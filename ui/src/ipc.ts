// The IPC contract with the desktop shell (src-tauri), in one place.
//
// Every call to Rust goes through the typed wrappers below; nothing else in the UI imports
// `invoke`. Argument keys are camelCase here; Tauri maps them to the Rust parameter names.

import { invoke } from '@tauri-apps/api/core';

export type Role = 'volunteer' | 'supervisor';

/** `app_status()` */
export type AppStatus =
  | { state: 'needs_setup' }
  | { state: 'locked' }
  | { state: 'unlocked'; user: string; role: Role };

/** `set_up_store({ userName, passphrase })`; the store is unlocked afterwards. */
export interface SetUpResult {
  recoveryCode: string;
  user: string;
  role: 'supervisor';
}

/** `unlock({ userName, passphrase })` */
export interface Session {
  user: string;
  role: Role;
}

/** Error codes the shell sends in a rejected call (`{ code, message }`). */
export const ERROR_CODES = [
  'wrong_passphrase',
  'unknown_user',
  'store_locked',
  'store_exists',
  'not_a_store',
  'newer_schema',
  'damaged_record',
  'not_allowed',
  'invalid_user_name',
  'passphrase_too_short',
  'passphrase_too_long',
  'storage_failed',
  'invalid_argument',
  'wrong_recovery_code',
  'user_exists',
  'key_slot_missing',
  'no_store',
  'case_number_check_failed',
  'case_number_malformed',
  'no_such_case',
  'too_long',
  'contact_details_missing',
  'store_damaged',
  'no_such_call',
  'invalid_country',
  'export_failed',
  'not_a_backup',
  'backup_damaged',
  'backup_failed',
  'recovery_code_malformed',
  'month_not_ended',
  'month_has_open_call',
  'threshold_fixed',
  'month_published',
] as const;

export type ShellErrorCode = (typeof ERROR_CODES)[number];

/** Codes the UI raises itself, before any IPC call. */
export const CLIENT_ERROR_CODES = [
  'passphrase_mismatch',
  'draft_not_saved',
  'invalid_referral_code',
  'referral_exists',
  'country_exists',
  'invalid_minutes',
  'case_number_empty',
  'month_missing',
  'period_reversed',
  'period_too_long',
  'invalid_k',
  'invalid_retention_months',
  'retention_failed',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Anything shown in `#error`. `unknown` covers codes this build does not know. */
export type ErrorCode = ShellErrorCode | ClientErrorCode | 'unknown';

/** What a rejected IPC promise carries. `message` is English, for logs only. */
export interface IpcErrorPayload {
  code: string;
  message: string;
}

/** A failed call, normalised: `code` is always one the UI can translate. */
export class IpcError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

function isKnownCode(code: unknown): code is ShellErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Turns whatever a rejected `invoke` gave us into an `IpcError`. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (typeof reason === 'object' && reason !== null) {
    const { code, message } = reason as Partial<Record<keyof IpcErrorPayload, unknown>>;
    const text = typeof message === 'string' ? message : '';
    return new IpcError(isKnownCode(code) ? code : 'unknown', text);
  }
  return new IpcError('unknown', typeof reason === 'string' ? reason : '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRole(value: unknown): value is Role {
  return value === 'volunteer' || value === 'supervisor';
}

function malformed(command: string): IpcError {
  return new IpcError('unknown', `${command}: unexpected reply from the shell`);
}

async function call(command: string, args?: Record<string, unknown>): Promise<unknown> {
  try {
    return await invoke<unknown>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

// Replies are checked for shape: a malformed one is an error, never half-rendered.

export async function appStatus(): Promise<AppStatus> {
  const reply = await call('app_status');
  if (isRecord(reply)) {
    if (reply.state === 'needs_setup') return { state: 'needs_setup' };
    if (reply.state === 'locked') return { state: 'locked' };
    if (reply.state === 'unlocked' && typeof reply.user === 'string' && isRole(reply.role)) {
      return { state: 'unlocked', user: reply.user, role: reply.role };
    }
  }
  throw malformed('app_status');
}

export async function setUpStore(userName: string, passphrase: string): Promise<SetUpResult> {
  const reply = await call('set_up_store', { userName, passphrase });
  if (
    isRecord(reply) &&
    typeof reply.recoveryCode === 'string' &&
    reply.recoveryCode !== '' &&
    typeof reply.user === 'string' &&
    reply.role === 'supervisor'
  ) {
    return { recoveryCode: reply.recoveryCode, user: reply.user, role: 'supervisor' };
  }
  throw malformed('set_up_store');
}

/**
 * `unlock`, `recover` and `restore_backup`: the session, and what the retention period
 * destroyed at once (the shell applies it after every sign-in).
 */
export interface SignedIn extends Session {
  casesExpired: number;
  /** The retention run failed: cases past their time are still there. */
  retentionFailed: boolean;
}

function toSignedIn(command: string, reply: unknown): SignedIn {
  if (
    isRecord(reply) &&
    typeof reply.user === 'string' &&
    isRole(reply.role) &&
    typeof reply.casesExpired === 'number' &&
    Number.isInteger(reply.casesExpired) &&
    reply.casesExpired >= 0 &&
    typeof reply.retentionFailed === 'boolean'
  ) {
    return { user: reply.user, role: reply.role, casesExpired: reply.casesExpired, retentionFailed: reply.retentionFailed };
  }
  throw malformed(command);
}

export async function unlock(userName: string, passphrase: string): Promise<SignedIn> {
  return toSignedIn('unlock', await call('unlock', { userName, passphrase }));
}

export async function lock(): Promise<void> {
  await call('lock');
}

/** Every passphrase is forgotten: the recovery code gives `userName` a new passphrase. */
export async function recover(userName: string, recoveryCode: string, newPassphrase: string): Promise<SignedIn> {
  return toSignedIn('recover', await call('recover', { userName, recoveryCode, newPassphrase }));
}

/**
 * First run: the Rust side shows the native open dialog and keeps the chosen file; the reply
 * is its name only, or null when the dialog was cancelled.
 */
export async function chooseRestoreFile(): Promise<{ fileName: string } | null> {
  const reply = await call('choose_restore_file');
  if (reply === null) return null;
  if (isRecord(reply) && typeof reply.fileName === 'string') return { fileName: reply.fileName };
  throw malformed('choose_restore_file');
}

/**
 * First run: restores the chosen backup and signs in. Without a recovery code, `passphrase` is
 * the user's passphrase as it was when the backup was taken; with one, the user's new passphrase.
 */
export async function restoreBackup(userName: string, passphrase: string, recoveryCode: string | null): Promise<SignedIn> {
  return toSignedIn('restore_backup', await call('restore_backup', { userName, passphrase, recoveryCode }));
}

// --- calls and cases ------------------------------------------------------------------------
// Domain objects keep the snake_case keys of the Rust types; only top-level arguments are
// camelCase.

export const LEVELS = ['not_assessed', 'strong_interest', 'wish_to_leave', 'in_transit_country'] as const;
export type Level = (typeof LEVELS)[number];
export const CHANNELS = ['phone', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CALL_LANGUAGES = ['sv', 'en', 'ar', 'other'] as const;
export type CallLanguage = (typeof CALL_LANGUAGES)[number];
export const RELATIONSHIPS = [
  'mother',
  'father',
  'sibling',
  'other_relative',
  'partner',
  'friend',
  'professional',
  'other',
  'not_stated',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const GENDERS = ['woman', 'man', 'other', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];
export const AGE_BANDS = ['under_15', '15_17', '18_20', '21_25', '26_30', 'over_30', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const SITUATIONS = [
  'radicalising',
  'planning_to_travel',
  'in_conflict_zone',
  'returned',
  'other_unknown',
] as const;
export type Situation = (typeof SITUATIONS)[number];
export const ENVIRONMENTS = [
  'violent_islamist',
  'violent_right_wing',
  'violent_left_wing',
  'acting_alone_unclear',
  'criminal_network',
  'other_unknown',
] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const ROLES = ['volunteer', 'supervisor'] as const;

/** The step of a level: 0 when not assessed, else 1 to 3. */
export function levelStep(level: Level): number {
  return LEVELS.indexOf(level);
}

export type Identity =
  | { choice: 'anonymous' }
  | { choice: 'gave_contact_details'; name: string | null; phone: string | null; email: string | null };

export interface CallContent {
  channel: Channel;
  language: CallLanguage;
  level: Level;
  caller: { relationship: Relationship; gender: Gender; identity: Identity };
  person: { gender: Gender; age_band: AgeBand; situation: Situation; environment: Environment };
  referrals: string[];
  next_steps: string;
  follow_up: string | null;
  notes: string;
}

export interface CallView extends CallContent {
  started_at: string;
  ended_at: string | null;
  escalated: boolean;
}

export interface Referral {
  code: string;
  label: string | null;
}

export interface Settings {
  referrals: Referral[];
  transitCountries: string[];
  idleLockMinutes: number;
  /** Months case content is kept after a case's last call; null: until it is forgotten. */
  retentionMonths: number | null;
}

export const MAX_RETENTION_MONTHS = 120;

export interface StartedCall {
  draftId: string;
  caseNumber: string;
  startedAt: string;
  newCase: boolean;
  content: CallContent;
}

export interface Unfinished {
  draftId: string;
  caseNumber: string;
  startedAt: string;
  content: CallContent;
}

export interface CaseHistory {
  caseNumber: string;
  open: boolean;
  calls: CallView[];
}

export interface CaseOverview {
  caseNumber: string;
  open: boolean;
  latestLevel: Level;
  highestLevel: Level;
  lastCallAt: string | null;
  followUp: string | null;
  calls: number;
  /** The latest assessed call's level rose above the one before. */
  escalated: boolean;
}

/** What the cases list asks `list_cases` for; the shell filters. */
export interface CasesFilter {
  openOnly: boolean;
  /** Only cases whose follow-up date is today or earlier. */
  dueOnly: boolean;
  /** Minimum step of the latest level, 0 for any (0 to 3). */
  minStep: number;
}

/** The most cases `list_cases` sends (the shell's MAX_LISTED_CASES). */
export const MAX_LISTED_CASES = 200;

/** `list_cases({ filter })`: the most recent matching cases, and how many match in all. */
export interface CaseList {
  /** Most recent last call first, at most MAX_LISTED_CASES. */
  cases: CaseOverview[];
  /** How many cases match the filter; more than `cases.length` when the list was capped. */
  total: number;
}

export interface UserSummary {
  name: string;
  role: Role;
}

// --- shape checks ---------------------------------------------------------------------------

function oneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

const isLevel = oneOf(LEVELS);
const isChannel = oneOf(CHANNELS);
const isCallLanguage = oneOf(CALL_LANGUAGES);
const isRelationship = oneOf(RELATIONSHIPS);
const isGender = oneOf(GENDERS);
const isAgeBand = oneOf(AGE_BANDS);
const isSituation = oneOf(SITUATIONS);
const isEnvironment = oneOf(ENVIRONMENTS);

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** A time the shell sends (RFC 3339) that the UI can compute with. */
function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDateOrNull(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && DATE.test(value));
}

function isIdentity(value: unknown): value is Identity {
  if (!isRecord(value)) return false;
  if (value.choice === 'anonymous') return true;
  return (
    value.choice === 'gave_contact_details' &&
    isStringOrNull(value.name) &&
    isStringOrNull(value.phone) &&
    isStringOrNull(value.email)
  );
}

function toIdentity(value: Identity): Identity {
  return value.choice === 'anonymous'
    ? { choice: 'anonymous' }
    : { choice: 'gave_contact_details', name: value.name, phone: value.phone, email: value.email };
}

/** Checks a CallContent and copies exactly its fields (nothing extra survives). */
function toContent(value: unknown): CallContent | null {
  if (!isRecord(value)) return null;
  const { caller, person, referrals } = value;
  if (
    !isChannel(value.channel) ||
    !isCallLanguage(value.language) ||
    !isLevel(value.level) ||
    !isRecord(caller) ||
    !isRelationship(caller.relationship) ||
    !isGender(caller.gender) ||
    !isIdentity(caller.identity) ||
    !isRecord(person) ||
    !isGender(person.gender) ||
    !isAgeBand(person.age_band) ||
    !isSituation(person.situation) ||
    !isEnvironment(person.environment) ||
    !Array.isArray(referrals) ||
    !referrals.every(isString) ||
    !isString(value.next_steps) ||
    !isDateOrNull(value.follow_up) ||
    !isString(value.notes)
  ) {
    return null;
  }
  return {
    channel: value.channel,
    language: value.language,
    level: value.level,
    caller: {
      relationship: caller.relationship,
      gender: caller.gender,
      identity: toIdentity(caller.identity),
    },
    person: {
      gender: person.gender,
      age_band: person.age_band,
      situation: person.situation,
      environment: person.environment,
    },
    referrals: [...referrals],
    next_steps: value.next_steps,
    follow_up: value.follow_up,
    notes: value.notes,
  };
}

function toCallView(value: unknown): CallView | null {
  const content = toContent(value);
  if (!content || !isRecord(value)) return null;
  if (!isTime(value.started_at) || !(value.ended_at === null || isTime(value.ended_at))) return null;
  if (typeof value.escalated !== 'boolean') return null;
  return { ...content, started_at: value.started_at, ended_at: value.ended_at, escalated: value.escalated };
}

function isReferral(value: unknown): value is Referral {
  return isRecord(value) && isString(value.code) && value.code !== '' && isStringOrNull(value.label);
}

function isCaseNumber(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
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

// --- commands -------------------------------------------------------------------------------

export async function changePassphrase(current: string, next: string): Promise<void> {
  await call('change_passphrase', { current, next });
}

export async function getSettings(): Promise<Settings> {
  const reply = await call('get_settings');
  if (
    isRecord(reply) &&
    Array.isArray(reply.referrals) &&
    reply.referrals.every(isReferral) &&
    Array.isArray(reply.transitCountries) &&
    reply.transitCountries.every((code) => typeof code === 'string' && /^[A-Za-z]{2}$/.test(code)) &&
    typeof reply.idleLockMinutes === 'number' &&
    Number.isInteger(reply.idleLockMinutes) &&
    reply.idleLockMinutes >= 1 &&
    reply.idleLockMinutes <= 120 &&
    (reply.retentionMonths === null || isRetentionMonths(reply.retentionMonths))
  ) {
    return {
      referrals: reply.referrals.map((entry) => ({ code: entry.code, label: entry.label })),
      transitCountries: (reply.transitCountries as string[]).map((code) => code.toUpperCase()),
      idleLockMinutes: reply.idleLockMinutes,
      retentionMonths: reply.retentionMonths,
    };
  }
  throw malformed('get_settings');
}

function toStarted(value: unknown): StartedCall | null {
  if (!isRecord(value)) return null;
  const content = toContent(value.content);
  if (
    !content ||
    !isString(value.draftId) ||
    value.draftId === '' ||
    !isCaseNumber(value.caseNumber) ||
    !isTime(value.startedAt) ||
    typeof value.newCase !== 'boolean'
  ) {
    return null;
  }
  return {
    draftId: value.draftId,
    caseNumber: value.caseNumber,
    startedAt: value.startedAt,
    newCase: value.newCase,
    content,
  };
}

export async function startCall(caseNumber: string | null): Promise<StartedCall> {
  const reply = toStarted(await call('start_call', { caseNumber }));
  if (reply) return reply;
  throw malformed('start_call');
}

export async function saveDraft(draftId: string, content: CallContent): Promise<void> {
  await call('save_draft', { draftId, content });
}

export async function endCall(draftId: string, content: CallContent): Promise<{ caseNumber: string }> {
  const reply = await call('end_call', { draftId, content });
  if (isRecord(reply) && isCaseNumber(reply.caseNumber)) return { caseNumber: reply.caseNumber };
  throw malformed('end_call');
}

export async function discardCall(draftId: string): Promise<void> {
  await call('discard_call', { draftId });
}

export async function unfinishedCalls(): Promise<Unfinished[]> {
  const reply = all(await call('unfinished_calls'), (item) => {
    if (!isRecord(item)) return null;
    const content = toContent(item.content);
    if (!content || !isString(item.draftId) || item.draftId === '') return null;
    if (!isCaseNumber(item.caseNumber) || !isTime(item.startedAt)) return null;
    return { draftId: item.draftId, caseNumber: item.caseNumber, startedAt: item.startedAt, content };
  });
  if (reply) return reply;
  throw malformed('unfinished_calls');
}

export async function findCase(caseNumber: string): Promise<CaseHistory> {
  const reply = await call('find_case', { caseNumber });
  if (isRecord(reply) && isCaseNumber(reply.caseNumber) && typeof reply.open === 'boolean') {
    const calls = all(reply.calls, toCallView);
    if (calls) return { caseNumber: reply.caseNumber, open: reply.open, calls };
  }
  throw malformed('find_case');
}

function toCaseOverview(item: unknown): CaseOverview | null {
  if (
    !isRecord(item) ||
    !isCaseNumber(item.caseNumber) ||
    typeof item.open !== 'boolean' ||
    !isLevel(item.latestLevel) ||
    !isLevel(item.highestLevel) ||
    !(item.lastCallAt === null || isTime(item.lastCallAt)) ||
    !isDateOrNull(item.followUp) ||
    !isCount(item.calls) ||
    typeof item.escalated !== 'boolean'
  ) {
    return null;
  }
  return {
    caseNumber: item.caseNumber,
    open: item.open,
    latestLevel: item.latestLevel,
    highestLevel: item.highestLevel,
    lastCallAt: item.lastCallAt,
    followUp: item.followUp,
    calls: item.calls,
    escalated: item.escalated,
  };
}

/** The cases matching `filter`, filtered, ordered and capped by the shell. */
export async function listCases(filter: CasesFilter): Promise<CaseList> {
  const reply = await call('list_cases', {
    filter: { openOnly: filter.openOnly, dueOnly: filter.dueOnly, minStep: filter.minStep },
  });
  if (isRecord(reply) && isCount(reply.total)) {
    const cases = all(reply.cases, toCaseOverview);
    if (cases && cases.length <= MAX_LISTED_CASES && cases.length <= reply.total) return { cases, total: reply.total };
  }
  throw malformed('list_cases');
}

export async function setCaseOpen(caseNumber: string, open: boolean): Promise<void> {
  await call('set_case_open', { caseNumber, open });
}

// --- supervisors only -----------------------------------------------------------------------

export async function listUsers(): Promise<UserSummary[]> {
  const reply = all(await call('list_users'), (item) =>
    isRecord(item) && isString(item.name) && isRole(item.role) ? { name: item.name, role: item.role } : null,
  );
  if (reply) return reply;
  throw malformed('list_users');
}

export async function addUser(userName: string, role: Role, passphrase: string): Promise<void> {
  await call('add_user', { userName, role, passphrase });
}

export async function removeUser(userName: string): Promise<void> {
  await call('remove_user', { userName });
}

export async function setReferrals(referrals: Referral[]): Promise<void> {
  await call('set_referrals', {
    referrals: referrals.map((entry) => ({ code: entry.code, label: entry.label })),
  });
}

export async function setTransitCountries(countries: string[]): Promise<void> {
  await call('set_transit_countries', { countries: [...countries] });
}

export async function setIdleLockMinutes(minutes: number): Promise<void> {
  await call('set_idle_lock_minutes', { minutes });
}

function isRetentionMonths(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RETENTION_MONTHS;
}

/**
 * Sets how long case content is kept (null: until forgotten); the shell applies it at once and
 * answers how many cases that destroyed.
 */
export async function setRetentionMonths(months: number | null): Promise<{ casesDestroyed: number }> {
  const reply = await call('set_retention_months', { months });
  if (isRecord(reply) && isCount(reply.casesDestroyed)) return { casesDestroyed: reply.casesDestroyed };
  throw malformed('set_retention_months');
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

const isReportLanguage = oneOf(REPORT_LANGUAGES);
const isUnit = oneOf(STATISTICS_UNITS);

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
  const reply = toStatistics(await call('statistics', queryArgs(query)));
  if (reply) return reply;
  throw malformed('statistics');
}

/**
 * The Rust side asks where to save (the native dialog), publishes the months (a published
 * month is shown exactly the same by every later export) and writes the file. Null when the
 * supervisor cancelled the dialog.
 */
export async function exportStatistics(query: StatisticsQuery, format: ExportFormat): Promise<{ path: string } | null> {
  const reply = await call('export_statistics', { ...queryArgs(query), format });
  if (reply === null) return null;
  if (isRecord(reply) && isString(reply.path) && reply.path !== '') return { path: reply.path };
  throw malformed('export_statistics');
}

// --- safety (supervisors only) --------------------------------------------------------------

/** A sealed value that did not authenticate: where it is (table and column) and its row. */
export interface DamagedPlace {
  table: string;
  column: string;
  /** The random row id, as text (it does not fit in a JavaScript number). */
  row: string;
}

/** What a check of the store or of a backup found. */
export interface VerifyResult {
  sound: boolean;
  sealedValuesChecked: number;
  /** SQLite's own words about the file, when its integrity check did not pass. */
  fileProblems: string[];
  damaged: DamagedPlace[];
}

const IDENTIFIER = /^[a-z_]{1,40}$/;

function toVerifyResult(value: unknown): VerifyResult | null {
  if (!isRecord(value) || typeof value.sound !== 'boolean' || !isCount(value.sealedValuesChecked)) return null;
  const fileProblems = all(value.fileProblems, (line) => (isString(line) ? line : null));
  const damaged = all(value.damaged, (place) =>
    isRecord(place) &&
    isString(place.table) &&
    IDENTIFIER.test(place.table) &&
    isString(place.column) &&
    IDENTIFIER.test(place.column) &&
    isString(place.row) &&
    /^-?\d{1,20}$/.test(place.row)
      ? { table: place.table, column: place.column, row: place.row }
      : null,
  );
  if (!fileProblems || !damaged) return null;
  return { sound: value.sound, sealedValuesChecked: value.sealedValuesChecked, fileProblems, damaged };
}

/** The Rust side asks where to save (the native dialog) and writes the backup; null if cancelled. */
export async function takeBackup(): Promise<{ path: string } | null> {
  const reply = await call('take_backup');
  if (reply === null) return null;
  if (isRecord(reply) && isString(reply.path) && reply.path !== '') return { path: reply.path };
  throw malformed('take_backup');
}

export async function verifyStore(): Promise<VerifyResult> {
  const reply = toVerifyResult(await call('verify_store'));
  if (reply) return reply;
  throw malformed('verify_store');
}

/**
 * The Rust side asks for a backup file (the native dialog) and checks it with the supervisor's
 * passphrase; null if the dialog was cancelled.
 */
export async function verifyBackup(passphrase: string): Promise<{ path: string; report: VerifyResult } | null> {
  const reply = await call('verify_backup', { passphrase });
  if (reply === null) return null;
  if (isRecord(reply) && isString(reply.path)) {
    const report = toVerifyResult(reply.report);
    if (report) return { path: reply.path, report };
  }
  throw malformed('verify_backup');
}

/** Destroys a case for good; the number is sent as typed (the Rust side parses it). */
export async function forgetCase(caseNumber: string): Promise<void> {
  await call('forget_case', { caseNumber });
}

export async function resetPassphrase(userName: string, passphrase: string): Promise<void> {
  await call('reset_passphrase', { userName, passphrase });
}

// --- the audit trail (supervisors only) -----------------------------------------------------

export const AUDIT_KINDS = [
  'signed_in',
  'recovery_code_used',
  'case_opened',
  'case_forgotten',
  'cases_expired',
  'statistics_exported',
  'backup_taken',
  'user_added',
  'user_removed',
  'passphrase_changed',
  'passphrase_reset',
  'settings_changed',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** What was done; `case` is a reference to the case's record, never its number. */
export type AuditAction =
  | { kind: 'signed_in' | 'recovery_code_used' | 'backup_taken' | 'passphrase_changed' }
  | { kind: 'case_opened' | 'case_forgotten'; case: string }
  | { kind: 'cases_expired'; cases: number; retention_months: number }
  | { kind: 'statistics_exported'; from: string; to: string; format: string; k: number }
  | { kind: 'user_added'; name: string; role: Role }
  | { kind: 'user_removed' | 'passphrase_reset'; name: string }
  | { kind: 'settings_changed'; setting: string };

export interface AuditEntry {
  seq: number;
  at: string;
  user: string;
  action: AuditAction;
}

export const AUDIT_PROBLEMS = ['altered', 'missing', 'tail_removed'] as const;
export type AuditProblemKind = (typeof AUDIT_PROBLEMS)[number];

/** A problem at `seq` (the first entry concerned), affecting `count` entries from there. */
export interface AuditProblem {
  seq: number;
  count: number;
  problem: AuditProblemKind;
}

export interface AuditCheck {
  sound: boolean;
  entriesChecked: number;
  headSeq: number;
  /** To note down elsewhere: it shows later whether the trail was wound back. */
  fingerprint: string;
  problems: AuditProblem[];
}

const isAuditProblem = oneOf(AUDIT_PROBLEMS);

function toAuditAction(value: unknown): AuditAction | null {
  if (!isRecord(value)) return null;
  switch (value.kind) {
    case 'signed_in':
    case 'recovery_code_used':
    case 'backup_taken':
    case 'passphrase_changed':
      return { kind: value.kind };
    case 'case_opened':
    case 'case_forgotten':
      return isString(value.case) ? { kind: value.kind, case: value.case } : null;
    case 'cases_expired':
      return isCount(value.cases) && isCount(value.retention_months)
        ? { kind: value.kind, cases: value.cases, retention_months: value.retention_months }
        : null;
    case 'statistics_exported':
      return isMonth(value.from) && isMonth(value.to) && isString(value.format) && isCount(value.k)
        ? { kind: value.kind, from: value.from, to: value.to, format: value.format, k: value.k }
        : null;
    case 'user_added':
      return isString(value.name) && isRole(value.role) ? { kind: value.kind, name: value.name, role: value.role } : null;
    case 'user_removed':
    case 'passphrase_reset':
      return isString(value.name) ? { kind: value.kind, name: value.name } : null;
    case 'settings_changed':
      return isString(value.setting) ? { kind: value.kind, setting: value.setting } : null;
    default:
      return null;
  }
}

/** The trail, newest first. */
export async function auditTrail(): Promise<AuditEntry[]> {
  const reply = all(await call('audit_trail'), (item) => {
    if (!isRecord(item) || !isCount(item.seq) || !isTime(item.at) || !isString(item.user)) return null;
    const action = toAuditAction(item.action);
    return action ? { seq: item.seq, at: item.at, user: item.user, action } : null;
  });
  if (reply) return reply;
  throw malformed('audit_trail');
}

export async function verifyAudit(): Promise<AuditCheck> {
  const reply = await call('verify_audit');
  if (
    isRecord(reply) &&
    typeof reply.sound === 'boolean' &&
    isCount(reply.entriesChecked) &&
    isCount(reply.headSeq) &&
    isString(reply.fingerprint) &&
    /^[0-9a-f]{0,64}$/.test(reply.fingerprint)
  ) {
    const problems = all(reply.problems, (item) =>
      isRecord(item) && isCount(item.seq) && isCount(item.count) && isAuditProblem(item.problem)
        ? { seq: item.seq, count: item.count, problem: item.problem }
        : null,
    );
    if (problems) {
      return {
        sound: reply.sound,
        entriesChecked: reply.entriesChecked,
        headSeq: reply.headSeq,
        fingerprint: reply.fingerprint,
        problems,
      };
    }
  }
  throw malformed('verify_audit');
}
