// Generated from the Rust types of crates/helpline-app by its tests; do not edit.
// After changing those types: UPDATE_IPC=1 cargo test -p helpline-app

export const CHANNELS = ["phone", "email", "not_stated"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CALL_LANGUAGES = ["sv", "en", "ar", "other", "not_stated"] as const;
export type CallLanguage = (typeof CALL_LANGUAGES)[number];

export const RELATIONSHIPS = ["mother", "father", "sibling", "other_relative", "partner", "friend", "professional", "other", "not_stated"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const GENDERS = ["woman", "man", "other", "not_stated"] as const;
export type Gender = (typeof GENDERS)[number];

export const AGE_BANDS = ["under_15", "15_17", "18_20", "21_25", "26_30", "over_30", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SITUATIONS = ["radicalising", "planning_to_travel", "in_conflict_zone", "returned", "other_unknown"] as const;
export type Situation = (typeof SITUATIONS)[number];

export const ENVIRONMENTS = ["violent_islamist", "violent_right_wing", "violent_left_wing", "acting_alone_unclear", "criminal_network", "other_unknown"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const LEVELS = ["not_assessed", "strong_interest", "wish_to_leave", "in_transit_country"] as const;
export type Level = (typeof LEVELS)[number];

export const ROLES = ["volunteer", "supervisor"] as const;
export type Role = (typeof ROLES)[number];

export const SIGN_IN_FAILURES = ["unknown_user", "wrong_passphrase", "wrong_recovery_code"] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

/** Every code a rejected command carries (`AppError`). */
export const ERROR_CODES = [
  "wrong_passphrase",
  "wrong_recovery_code",
  "unknown_user",
  "user_exists",
  "user_name_ambiguous",
  "key_slot_missing",
  "store_locked",
  "no_store",
  "store_exists",
  "not_a_store",
  "newer_schema",
  "case_number_check_failed",
  "case_number_malformed",
  "not_a_backup",
  "backup_damaged",
  "no_such_case",
  "no_such_call",
  "damaged_record",
  "not_allowed",
  "invalid_user_name",
  "passphrase_too_short",
  "passphrase_too_long",
  "too_long",
  "too_many",
  "out_of_range",
  "referral_code_malformed",
  "record_format_unknown",
  "contact_details_missing",
  "invalid_argument",
  "store_damaged",
  "storage_failed",
  "month_not_ended",
  "month_has_open_call",
  "month_published",
  "threshold_fixed",
  "not_your_call",
  "correction_window_closed",
  "correction_changes_published",
  "schema_changed",
  "destroy_incomplete",
  "sync_change_damaged",
  "sync_change_newer",
  "case_number_collision",
  "recovery_code_malformed",
  "export_failed",
  "backup_failed",
  "passphrase_weak",
  "clipboard_failed",
  "server_unreachable",
  "server_refused",
  "server_needs_tls",
  "server_address_invalid",
  "invitation_invalid",
  "invitation_unknown",
  "record_damaged",
  "desk_removed",
  "desk_not_connected",
  "desk_connected",
  "server_in_use",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The core's limits, as the largest value each allows. */
export const LIMITS = {
  notesChars: 50000,
  nextStepsChars: 4000,
  contactChars: 200,
  referralCodeChars: 40,
  referralLabelChars: 80,
  idleLockMinutes: 120,
  retentionMonths: 120,
  listedCases: 200,
  userNameChars: 64,
} as const;

/** The shortest idle time, in minutes, before the shell locks while a call is open. */
export const CALL_MINUTES = 30;

/** Why the shell may lock by itself. */
export const LOCK_REASONS = ["idle", "suspend", "screen_locked"] as const;

/** The languages the UI speaks, as the shell keeps the choice. */
export const UI_LANGUAGES = ["en", "sv", "ar"] as const;

export type AppError = { 
/**
 * One of [`error_codes`].
 */
code: ErrorCode, message: string, 
/**
 * The limit an input broke, so the UI can say it without keeping its own copy.
 */
limit?: LimitView, };

/**
 * Which field broke which bound: a length in characters, a number of entries, or a range.
 */
export type LimitView = { field: string, min: number | null, max: number, };

export type AppStatus = { "state": "needs_setup" } | { "state": "locked" } | { "state": "unlocked", user: string, role: Role, };

/**
 * One of the languages the UI speaks.
 */
export type UiLanguage = "en" | "sv" | "ar";

export type SetUpDone = { 
/**
 * Shown once; nothing keeps a copy.
 */
recoveryCode: string, user: string, role: Role, };

export type SignedIn = { user: string, role: Role, 
/**
 * Cases the retention period destroyed right after signing in.
 */
casesExpired: number, 
/**
 * The retention run failed (the cases it should have destroyed are still there).
 */
retentionFailed: boolean, };

export type RestoreFile = { 
/**
 * The file's name only, to show which backup was chosen.
 */
fileName: string, };

/**
 * The settings as the UI reads them.
 */
export type SettingsView = { referrals: Array<Referral>, 
/**
 * Two-letter country codes such as `TR`.
 */
transitCountries: Array<string>, idleLockMinutes: number, 
/**
 * Months case content is kept after a case's last call; None: until it is forgotten.
 */
retentionMonths: number | null, };

/**
 * One entry of the helpline's referral list: default entries carry a code the UI translates,
 * entries the helpline adds their own label.
 */
export type Referral = { 
/**
 * Checked by the core when it comes in, so a malformed code gets the core's error.
 */
code: string, label: string | null, };

/**
 * What saving the retention period destroyed at once.
 */
export type RetentionView = { casesDestroyed: number, };

/**
 * What the volunteer records during a call: everything but its times.
 */
export type CallContent = { channel: Channel, language: CallLanguage, level: Level, caller: Caller, person: Person, 
/**
 * Codes from the helpline's referral list.
 */
referrals: Array<string>, nextSteps: string, 
/**
 * A day, `YYYY-MM-DD`; it stays with the case until a later call changes or does it.
 */
followUp: string | null, 
/**
 * This call did the case's pending follow-up.
 */
followUpDone: boolean, notes: string, };

export type Caller = { relationship: Relationship, gender: Gender, identity: Identity, };

/**
 * Whether the caller stays anonymous; contact details exist only when they chose to give them.
 */
export type Identity = { "choice": "anonymous" } | { "choice": "gave_contact_details", name: string | null, phone: string | null, email: string | null, };

export type Person = { gender: Gender, ageBand: AgeBand, situation: Situation, environment: Environment, };

/**
 * A call in progress, as the call screen needs it.
 */
export type DraftView = { draftId: string, caseNumber: string, startedAt: string, content: CallContent, 
/**
 * The call opened the case (it has no finished call yet); also for a resumed draft.
 */
newCase: boolean, 
/**
 * The case as the call found it: its last level and follow-up for the call screen's
 * header; null for a new case.
 */
case: CaseOverviewView | null, };

export type CaseNumberView = { caseNumber: string, };

/**
 * A finished call as a case's history shows it.
 */
export type RecordedCall = { 
/**
 * What `correct_call` names it by.
 */
callId: string, startedAt: string, 
/**
 * Null when how long the call lasted was not recorded.
 */
endedAt: string | null, 
/**
 * The assessed level rose above the previous assessed call's (a call not assessed is
 * skipped).
 */
escalated: boolean, 
/**
 * Until when the signed-in user may correct this call (they took it, and the
 * correction window is open); null when they cannot.
 */
correctableUntil: string | null, channel: Channel, language: CallLanguage, level: Level, caller: Caller, person: Person, 
/**
 * Codes from the helpline's referral list.
 */
referrals: Array<string>, nextSteps: string, 
/**
 * A day, `YYYY-MM-DD`; it stays with the case until a later call changes or does it.
 */
followUp: string | null, 
/**
 * This call did the case's pending follow-up.
 */
followUpDone: boolean, notes: string, };

export type CaseHistoryView = { caseNumber: string, open: boolean, 
/**
 * Newest first, as the volunteer reads them.
 */
calls: Array<RecordedCall>, };

/**
 * The cases list's filter, as the webview sends it: every field required, nothing else.
 */
export type CasesFilter = { 
/**
 * Only cases not closed.
 */
openOnly: boolean, 
/**
 * Only cases whose follow-up date is today or earlier (local time).
 */
dueOnly: boolean, 
/**
 * The latest level's step at least: 0 (any) to 3.
 */
minStep: number, sort: CasesSort, };

/**
 * The cases list's order (the core's `CaseOrder`).
 */
export type CasesSort = "follow_up" | "level" | "last_call";

export type CaseOverviewView = { caseNumber: string, open: boolean, latestLevel: Level, highestLevel: Level, lastCallAt: string | null, followUp: string | null, 
/**
 * Where the follow-up stands on this computer's calendar day; null without one.
 */
followUpState: FollowUpState | null, calls: number, escalated: boolean, };

/**
 * Where a case's follow-up stands today (the core's one rule, `FollowUpState`).
 */
export type FollowUpState = "overdue" | "today" | "later";

/**
 * The cases that match a filter, most recent last call first, at most [`MAX_LISTED_CASES`];
 * `total` is how many match.
 */
export type CaseListView = { cases: Array<CaseOverviewView>, total: number, };

export type User = { name: string, role: Role, };

/**
 * A file the shell wrote where the native save dialog said (a backup, an export).
 */
export type SavedFile = { path: string, };

/**
 * What a check of the store or of a backup found, for the safety screen.
 */
export type VerifyView = { sound: boolean, sealedValuesChecked: number, 
/**
 * SQLite's own words about the file when its integrity check did not say "ok".
 */
fileProblems: Array<string>, damaged: Array<DamagedView>, 
/**
 * Records a newer release wrote: not damage, but this build cannot read them.
 */
newerFormat: Array<DamagedView>, 
/**
 * Tables, triggers, views or indexes added to the file, removed or changed outside
 * Helpline, in words (English: they name SQL objects, as SQLite's own words do).
 */
schemaChanges: Array<string>, };

export type DamagedView = { table: string, column: string, 
/**
 * The random row id, as text: it does not fit in a JavaScript number.
 */
row: string, };

/**
 * What forgetting a case could not reach: the backups taken since the case began still hold
 * it under the same keys, and should be destroyed.
 */
export type ForgottenView = { 
/**
 * When each was taken, oldest first.
 */
backupsHoldingIt: Array<string>, };

/**
 * A replaced recovery code, shown once; nothing keeps a copy.
 */
export type NewRecoveryCode = { recoveryCode: string, };

/**
 * A backup file chosen in the native open dialog, and what checking it found.
 */
export type CheckedBackup = { path: string, report: VerifyView, };

export type LockNotice = { reason: LockReason, };

/**
 * Why the store locked without being asked to, as the shell tells the UI.
 */
export type LockReason = "idle" | "suspend" | "screen_locked";

/**
 * One entry of the audit trail: who did what when.
 */
export type AuditEntry = { seq: number, at: string, 
/**
 * The user who acted.
 */
user: string, action: AuditAction, };

/**
 * What was done. `case` is a reference to the case's record, never its number.
 */
export type AuditAction = { "kind": "signed_in" } | { "kind": "recovery_code_used" } | { "kind": "recovery_code_replaced" } | { "kind": "key_slots_bound" } | { "kind": "case_opened", case: string, } | { "kind": "case_forgotten", case: string, } | { "kind": "case_forgotten_elsewhere", case: string, } | { "kind": "forget_failed", case: string, reason: string, } | { "kind": "follow_up_done", case: string, } | { "kind": "call_corrected", case: string, fields: Array<string>, } | { "kind": "cases_expired", cases: number, retentionMonths: number, } | { "kind": "statistics_exported", 
/**
 * `YYYY-MM`
 */
from: string, 
/**
 * `YYYY-MM`
 */
to: string, format: string, k: number, 
/**
 * Whether a total over the period was published with the months.
 */
periodTotal: boolean, } | { "kind": "backup_taken" } | { "kind": "user_added", name: string, role: Role, } | { "kind": "user_removed", name: string, } | { "kind": "passphrase_changed" } | { "kind": "passphrase_reset", name: string, } | { "kind": "settings_changed", setting: string, } | { "kind": "sign_in_failed", name: string, reason: SignInFailure, attemptedAt: string, } | { "kind": "sign_in_reports_damaged", unreadable: number, keyReplaced: boolean, };

/**
 * What a check of the audit trail found.
 */
export type AuditCheckView = { sound: boolean, entriesChecked: number, 
/**
 * How many entries the trail has had.
 */
headSeq: number, 
/**
 * To note down elsewhere: it shows later whether the trail was wound back.
 */
fingerprint: string, problems: Array<AuditProblem>, };

/**
 * A problem found in the audit trail at `seq` (the first entry concerned), affecting `count`
 * entries from there.
 */
export type AuditProblem = { seq: number, count: number, problem: AuditProblemKind, };

export type AuditProblemKind = "altered" | "missing" | "tail_removed";

/**
 * This desk's place in the helpline.
 */
export type SyncStatusView = { connected: boolean, deskName: string | null, deskId: string | null, 
/**
 * The server's address, without its password.
 */
server: string | null, cursor: number, 
/**
 * Changes written here that the server does not hold yet.
 */
pending: number, 
/**
 * Things two desks changed while apart, where this desk's change replaced the other's.
 */
conflicts: Array<SyncConflictView>, };

export type SyncConflictView = { 
/**
 * `case_state` or `settings`.
 */
what: string, 
/**
 * The case's reference in the audit trail, for `case_state`.
 */
case: string | null, at: string, };

/**
 * What one sync did.
 */
export type SyncReport = { 
/**
 * Changes of this desk the server holds now.
 */
pushed: number, 
/**
 * Calls from other desks filed here.
 */
calls: number, 
/**
 * Cases forgotten at other desks and destroyed here.
 */
forgotten: number, 
/**
 * The position in the server's log this desk has read up to.
 */
cursor: number, };

export type InvitationView = { 
/**
 * Shown once; the server keeps only what it opens, sealed.
 */
code: string, deskName: string, };
