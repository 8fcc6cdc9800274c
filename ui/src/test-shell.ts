// A small stand-in for the Rust side, for the UI tests: it keeps cases, drafts, users and
// settings in memory and answers the commands of the IPC contract. Not part of the built app.

import { today } from './format';
import { LIMITS } from './ipc';
import type {
  AuditEntry,
  CallContent,
  CallView,
  CaseOverview,
  CasesFilter,
  Published,
  Referral,
  Role,
  Settings,
  StatisticsDocument,
  SyncState,
  SyncStatusView,
  Unfinished,
  UserSummary,
  VerifyResult,
} from './ipc';
import { advance, fakeShell, mount, shellError, type Call } from './test-support';

/** The core's refusal of a short passphrase, with its limit (10 to 1024 characters). */
function tooShort(): ReturnType<typeof shellError> {
  return shellError('passphrase_too_short', { field: 'passphrase', min: 10, max: 1024 });
}

export const NUMBER = '4821 0937 552';
export const OTHER_NUMBER = '1234 5678 903';
/** A number whose check digit is wrong (the fake knows it by heart). */
export const BAD_CHECK = '4821 0937 553';
export const STARTED_AT = '2026-03-02T10:00:00Z';
/** The store's recovery code, in the core's format. */
export const RECOVERY_CODE = 'K7QF-2MZP-3WXR-4HTD-JB6C-5NVE-3LQA-7YSU';
/** Where the fake's save dialog puts a backup, and the file its open dialog picks. */
export const BACKUP_PATH = '/home/maja/helpline-2026-03-02.hlbak';
export const BACKUP_FILE = 'helpline-2026-03-02.hlbak';
/** The passphrase that opens the fake's backups (and checks them). */
export const BACKUP_PASSPHRASE = 'the current passphrase';
export const FINGERPRINT = '3f9a0c1b2d4e6f80';
/** The address the fake's helpline server answers on (a local socket), and the same without its password. */
export const DESK_ADDRESS = 'host=/run/postgresql dbname=helpline user=helpline_desk password=QWERTYUIOPASDFGH';
export const DESK_SERVER = 'host=/run/postgresql dbname=helpline user=helpline_desk';
/** The one invitation the fake's server holds, as the core shows it; and this desk's id once connected. */
export const INVITATION = 'MFRG-GZDF-MZTW-Q2LK-NNWG-23TO-OBYX-E33U-MFRG-GZD';
export const DESK_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/** A desk of its own, as `sync_status` answers for it. */
export function notConnected(): SyncStatusView {
  return { connected: false, deskName: null, deskId: null, server: null, cursor: 0, pending: 0, conflicts: [] };
}

/** A connected desk named `deskName`. */
export function connected(deskName = 'Office', overrides: Partial<SyncStatusView> = {}): SyncStatusView {
  return { connected: true, deskName, deskId: DESK_ID, server: DESK_SERVER, cursor: 0, pending: 0, conflicts: [], ...overrides };
}

/** An invitation as the core reads it: base32 letters and digits, dashes and spaces ignored, any case. */
function invitationCode(typed: unknown): string {
  if (typeof typed !== 'string') throw shellError('invalid_argument');
  const compact = typed.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z2-7]{39}$/.test(compact)) throw shellError('invitation_invalid');
  return compact;
}

/** A server address as the sync layer checks it: it must name a host, on this computer or a socket. */
function serverAddress(typed: unknown): string {
  if (typeof typed !== 'string') throw shellError('invalid_argument');
  const host = /(?:^|\s)host=(\S+)/.exec(typed)?.[1];
  if (!host) throw shellError('server_address_invalid');
  if (!host.startsWith('/') && !['localhost', '127.0.0.1', '::1'].includes(host)) throw shellError('server_needs_tls');
  return typed;
}

/** A desk's name as the application layer checks it: 1 to 60 characters, no control characters. */
function deskName(typed: unknown): string {
  const name = typeof typed === 'string' ? typed.trim() : '';
  if (name === '' || [...name].length > 60 || /\p{Cc}/u.test(name)) throw shellError('invalid_argument');
  return name;
}

export function soundReport(): VerifyResult {
  return { sound: true, sealedValuesChecked: 42, fileProblems: [], damaged: [], newerFormat: [], schemaChanges: [] };
}

/** The recovery code as the core reads it: any case, dashes and spaces ignored, 0, 1 and 8 as O, I and B. */
function recoveryCode(typed: unknown): string {
  if (typeof typed !== 'string') throw shellError('invalid_argument');
  const compact = typed
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  if (!/^[A-Z2-7]{32}$/.test(compact)) throw shellError('recovery_code_malformed');
  return compact;
}

export function blankContent(): CallContent {
  return {
    channel: 'not_stated',
    language: 'not_stated',
    level: 'not_assessed',
    caller: { relationship: 'not_stated', gender: 'not_stated', identity: { choice: 'anonymous' } },
    person: { gender: 'not_stated', ageBand: 'unknown', situation: 'other_unknown', environment: 'other_unknown' },
    referrals: [],
    nextSteps: '',
    followUp: null,
    followUpDone: false,
    notes: '',
  };
}

export function defaultReferrals(): Referral[] {
  return [
    'psychologist',
    'psychiatrist',
    'school_counsellor',
    'former_extremist',
    'social_services',
    'religious_community',
    'ngo',
    'health_care',
  ].map((code) => ({ code, label: null }));
}

export type Draft = Unfinished;

/** A case as the fake keeps it; calls newest first. */
export interface FakeCase {
  caseNumber: string;
  open: boolean;
  calls: CallView[];
  /** How many calls the case had when its follow-up was marked done outside a call. */
  followUpDoneAt?: number;
}

export interface FakeStore {
  state: 'needs_setup' | 'locked' | 'unlocked';
  user: string;
  role: Role;
  settings: Settings;
  users: UserSummary[];
  /** By the 11 digits. */
  cases: Map<string, FakeCase>;
  drafts: Map<string, Draft>;
  /** The number the next new case gets. */
  nextNumber: string;
  nextDraft: number;
  /** What `start_call` and `unfinished_calls` say the time is. */
  now: string;
  /** Newest first. */
  audit: AuditEntry[];
  /** How many cases the retention period destroys at the next sign-in, and when it is saved. */
  expireAtSignIn: number;
  expireOnSave: number;
  /** The k of the statistics published so far (by an export), or null before the first. */
  publishedK: number | null;
  /** The language the shell keeps for the UI, null before any choice. */
  uiLanguage: string | null;
  /** The channel the UI opened with watch_lock, and how many notices went down it. */
  lockChannel: number | null;
  lockNotices: number;
  /** What copy_case_number put on the clipboard (the real shell takes it off again). */
  clipboard: string | null;
  /** This desk's place in the helpline, as `sync_status` answers. */
  sync: SyncStatusView;
  /** The helpline's server cannot be reached (`server_unreachable`). */
  serverDown: boolean;
  /** Whether the server still holds the invitation `INVITATION` (it works once). */
  invitationOpen: boolean;
  /** The channel the UI opened with watch_sync, and how many states went down it. */
  syncChannel: number | null;
  syncNotices: number;
}

export function store(overrides: Partial<FakeStore> = {}): FakeStore {
  return {
    state: 'unlocked',
    user: 'Maja',
    role: 'volunteer',
    settings: { referrals: defaultReferrals(), transitCountries: ['TR', 'JO', 'LB'], idleLockMinutes: 5, retentionMonths: null },
    users: [
      { name: 'Maja', role: 'supervisor' },
      { name: 'Ahmad', role: 'volunteer' },
    ],
    cases: new Map(),
    drafts: new Map(),
    nextNumber: NUMBER,
    nextDraft: 1,
    now: STARTED_AT,
    audit: [],
    expireAtSignIn: 0,
    expireOnSave: 0,
    publishedK: null,
    uiLanguage: null,
    lockChannel: null,
    lockNotices: 0,
    clipboard: null,
    sync: notConnected(),
    serverDown: false,
    invitationOpen: true,
    syncChannel: null,
    syncNotices: 0,
    ...overrides,
  };
}

/** Adds an entry to the fake's audit trail (newest first), as the core would. */
export function audited(fake: FakeStore, action: AuditEntry['action'], at = STARTED_AT): void {
  const seq = (fake.audit[0]?.seq ?? 0) + 1;
  fake.audit.unshift({ seq, at, user: fake.user, action });
}

/** The digits of a number typed any way (what the Rust side parses). */
export function digits(typed: string): string {
  return typed
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\-\u200E\u200F\u2066-\u2069]/g, '');
}

function parse(typed: unknown): string {
  if (typeof typed !== 'string') throw shellError('invalid_argument');
  const clean = digits(typed);
  if (!/^\d{11}$/.test(clean)) throw shellError('case_number_malformed');
  if (clean === digits(BAD_CHECK)) throw shellError('case_number_check_failed');
  return clean;
}

function step(level: CallContent['level']): number {
  return ['not_assessed', 'strong_interest', 'wish_to_leave', 'in_transit_country'].indexOf(level);
}

/** A case as the cases list and the "forget a case" screen see it; calls newest first. */
/**
 * The case's follow-up, by the core's rule: the latest call that agreed one sets it, and it
 * stays until a later call does it or it is marked done outside a call.
 */
function caseFollowUp(item: FakeCase, calls: readonly CallView[]): string | null {
  const since = calls.slice(0, calls.length - (item.followUpDoneAt ?? 0));
  for (const call of since) {
    if (call.followUp !== null) return call.followUp;
    if (call.followUpDone) return null;
  }
  return null;
}

function overview(item: FakeCase): CaseOverview {
  // Newest first whatever order a test gave them in, as the core orders by start.
  const calls = [...item.calls].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const latest = calls[0];
  const followUp = caseFollowUp(item, calls);
  const highest = calls.reduce((max, call) => Math.max(max, step(call.level)), 0);
  return {
    caseNumber: item.caseNumber,
    open: item.open,
    latestLevel: latest?.level ?? 'not_assessed',
    highestLevel: (['not_assessed', 'strong_interest', 'wish_to_leave', 'in_transit_country'] as const)[highest]!,
    lastCallAt: latest?.startedAt ?? null,
    followUp,
    followUpState: followUpState(followUp),
    calls: item.calls.length,
    escalated: calls.find((call) => call.level !== 'not_assessed')?.escalated ?? false,
  };
}

/** Where a follow-up stands on this computer's day, as the shell reckons it. */
function followUpState(followUp: string | null): CaseOverview['followUpState'] {
  if (followUp === null) return null;
  const day = today();
  return followUp < day ? 'overdue' : followUp === day ? 'today' : 'later';
}

/** The cases list's filter, checked as the shell checks it: every field, nothing else. */
function casesFilter(value: unknown): CasesFilter {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shellError('invalid_argument');
  const filter = value as Record<string, unknown>;
  const keys = Object.keys(filter).sort();
  if (keys.join() !== 'dueOnly,minStep,openOnly,sort') throw shellError('invalid_argument');
  const { openOnly, dueOnly, minStep, sort } = filter;
  if (sort !== 'follow_up' && sort !== 'level' && sort !== 'last_call') throw shellError('invalid_argument');
  if (typeof openOnly !== 'boolean' || typeof dueOnly !== 'boolean') throw shellError('invalid_argument');
  if (typeof minStep !== 'number' || !Number.isInteger(minStep) || minStep < 0 || minStep > 3) {
    throw shellError('invalid_argument');
  }
  return { openOnly, dueOnly, minStep, sort };
}

/** The audit trail's reference to a case (never its number; the fake's is made of its digits). */
function reference(key: string): string {
  return key.slice(0, 8) + '00000000';
}

type Order = (a: CaseOverview, b: CaseOverview) => number;
const byLastCall: Order = (a, b) => (b.lastCallAt ? Date.parse(b.lastCallAt) : 0) - (a.lastCallAt ? Date.parse(a.lastCallAt) : 0);
const byLevel: Order = (a, b) => step(b.latestLevel) - step(a.latestLevel) || byLastCall(a, b);
const FOLLOW_UP_STATES = ['overdue', 'today', 'later', null] as const;

/** The core's orders of the cases list (`CaseOrder`). */
const ORDERS: Record<CasesFilter['sort'], Order> = {
  // Overdue, due today, later, none; then the latest level, the earliest follow-up, the last call.
  follow_up: (a, b) =>
    FOLLOW_UP_STATES.indexOf(a.followUpState) - FOLLOW_UP_STATES.indexOf(b.followUpState) ||
    step(b.latestLevel) - step(a.latestLevel) ||
    (a.followUp ?? '').localeCompare(b.followUp ?? '') ||
    byLastCall(a, b),
  level: byLevel,
  last_call: byLastCall,
};

export function addCase(fake: FakeStore, caseNumber: string, calls: CallView[], open = true): void {
  fake.cases.set(digits(caseNumber), { caseNumber, open, calls });
}

export function callView(overrides: Partial<CallView> = {}): CallView {
  return {
    ...blankContent(),
    callId: '1001',
    startedAt: '2026-03-01T09:00:00Z',
    endedAt: '2026-03-01T09:12:00Z',
    escalated: false,
    correctableUntil: null,
    ...overrides,
  };
}

export type Overrides = Partial<Record<string, (args: Record<string, unknown>) => unknown>>;

/** Answers every command from `fake`; `overrides` replace single commands. */
export function shell(fake: FakeStore, overrides: Overrides = {}): Call[] {
  return fakeShell((cmd, args) => {
    const override = overrides[cmd];
    if (override) return override(args);
    return answer(fake, cmd, args);
  });
}

export function answer(fake: FakeStore, cmd: string, args: Record<string, unknown>): unknown {
  const unlocked = (): void => {
    if (fake.state !== 'unlocked') throw shellError('store_locked');
  };
  const supervisor = (): void => {
    unlocked();
    if (fake.role !== 'supervisor') throw shellError('not_allowed');
  };
  const signedIn = () => {
    const casesExpired = fake.expireAtSignIn;
    fake.expireAtSignIn = 0;
    audited(fake, { kind: 'signed_in' });
    return { user: fake.user, role: fake.role, casesExpired, retentionFailed: false };
  };
  switch (cmd) {
    case 'app_status':
      return fake.state === 'unlocked' ? { state: 'unlocked', user: fake.user, role: fake.role } : { state: fake.state };
    case 'unlock':
      fake.state = 'unlocked';
      fake.user = String(args.userName);
      return signedIn();
    case 'recover': {
      if (fake.state !== 'locked') throw shellError('invalid_argument');
      if (recoveryCode(args.recoveryCode) !== recoveryCode(RECOVERY_CODE)) throw shellError('wrong_recovery_code');
      if (!fake.users.some((user) => user.name === args.userName)) throw shellError('unknown_user');
      if (String(args.newPassphrase).length < 10) throw tooShort();
      fake.state = 'unlocked';
      fake.user = String(args.userName);
      return signedIn();
    }
    case 'choose_restore_file':
      if (fake.state !== 'needs_setup') throw shellError('store_exists');
      return { fileName: BACKUP_FILE };
    case 'restore_backup': {
      if (fake.state !== 'needs_setup') throw shellError('store_exists');
      if (args.recoveryCode !== null) {
        if (recoveryCode(args.recoveryCode) !== recoveryCode(RECOVERY_CODE)) throw shellError('wrong_recovery_code');
      }
      const user = fake.users.find((entry) => entry.name === args.userName);
      if (!user) throw shellError('unknown_user');
      if (args.recoveryCode === null && args.passphrase !== BACKUP_PASSPHRASE) throw shellError('wrong_passphrase');
      if (String(args.passphrase).length < 10) throw tooShort();
      fake.state = 'unlocked';
      fake.user = user.name;
      fake.role = user.role;
      return signedIn();
    }
    case 'lock':
      fake.state = 'locked';
      return null;
    case 'watch_lock': {
      const channel = args.onLock as { id?: unknown } | undefined;
      if (typeof channel?.id !== 'number') throw shellError('invalid_argument');
      fake.lockChannel = channel.id;
      return null;
    }
    case 'watch_sync': {
      const channel = args.onSync as { id?: unknown } | undefined;
      if (typeof channel?.id !== 'number') throw shellError('invalid_argument');
      fake.syncChannel = channel.id;
      return null;
    }
    case 'sync_status':
      unlocked();
      return structuredClone(fake.sync);
    case 'sync_now': {
      unlocked();
      if (!fake.sync.connected) throw shellError('desk_not_connected');
      if (fake.serverDown) throw shellError('server_unreachable');
      const pushed = fake.sync.pending;
      fake.sync.pending = 0;
      return { pushed, calls: 0, forgotten: 0, cursor: fake.sync.cursor };
    }
    case 'connect_desk': {
      // In the application layer's order: the name, the role, the desk, then the server.
      const name = deskName(args.deskName);
      supervisor();
      if (fake.sync.connected) throw shellError('desk_connected');
      serverAddress(args.address);
      if (fake.serverDown) throw shellError('server_unreachable');
      fake.sync = connected(name);
      audited(fake, { kind: 'settings_changed', setting: 'sync' });
      return structuredClone(fake.sync);
    }
    case 'invite_desk': {
      const name = deskName(args.deskName);
      supervisor();
      // It syncs first.
      if (!fake.sync.connected) throw shellError('desk_not_connected');
      if (fake.serverDown) throw shellError('server_unreachable');
      fake.sync.pending = 0;
      fake.invitationOpen = true;
      return { code: INVITATION, deskName: name };
    }
    case 'join_helpline': {
      // First run only; the invitation is read before the server is asked, and used up there.
      if (fake.state !== 'needs_setup') throw shellError('store_exists');
      const code = invitationCode(args.invitation);
      serverAddress(args.address);
      if (fake.serverDown) throw shellError('server_unreachable');
      if (code !== invitationCode(INVITATION) || !fake.invitationOpen) throw shellError('invitation_unknown');
      fake.invitationOpen = false;
      const user = fake.users.find((entry) => entry.name === args.userName);
      if (!user) throw shellError('unknown_user');
      if (args.passphrase !== BACKUP_PASSPHRASE) throw shellError('wrong_passphrase');
      fake.state = 'unlocked';
      fake.user = user.name;
      fake.role = user.role;
      fake.sync = connected('Laptop');
      return signedIn();
    }
    case 'ui_language':
      return fake.uiLanguage;
    case 'set_ui_language':
      if (!['en', 'sv', 'ar'].includes(String(args.language))) throw shellError('invalid_argument');
      fake.uiLanguage = String(args.language);
      return null;
    case 'note_input':
      unlocked();
      if (typeof args.callOpen !== 'boolean') throw shellError('invalid_argument');
      return null;
    case 'get_settings':
      unlocked();
      return structuredClone(fake.settings);
    case 'replace_recovery_code':
      supervisor();
      if (args.passphrase !== 'the current passphrase') throw shellError('wrong_passphrase');
      audited(fake, { kind: 'recovery_code_replaced' });
      return { recoveryCode: 'TWOX-QIKA-4V3E-HJTI-234W-KY7E-67GM-PYZV' };
    case 'change_passphrase':
      unlocked();
      if (args.current !== 'the current passphrase') throw shellError('wrong_passphrase');
      if (typeof args.next !== 'string' || args.next.length < 10) throw tooShort();
      return null;
    case 'start_call': {
      unlocked();
      let caseNumber = fake.nextNumber;
      let content = blankContent();
      let newCase = true;
      if (args.caseNumber !== null) {
        const found = fake.cases.get(parse(args.caseNumber));
        if (!found) throw shellError('no_such_case');
        caseNumber = found.caseNumber;
        newCase = false;
        const last = found.calls[0];
        if (last) {
          content = { ...blankContent(), channel: last.channel, language: last.language, caller: last.caller, person: last.person };
        }
      }
      const draftId = `draft-${fake.nextDraft++}`;
      const found = fake.cases.get(digits(caseNumber));
      const summary = newCase || !found ? null : overview(found);
      fake.drafts.set(draftId, { draftId, caseNumber, startedAt: fake.now, content, newCase, case: summary });
      return { draftId, caseNumber, startedAt: fake.now, newCase, content: structuredClone(content), case: summary };
    }
    case 'save_draft': {
      unlocked();
      const draft = fake.drafts.get(String(args.draftId));
      if (!draft) throw shellError('no_such_call');
      draft.content = structuredClone(args.content as CallContent);
      return null;
    }
    case 'end_call': {
      unlocked();
      const draft = fake.drafts.get(String(args.draftId));
      if (!draft) throw shellError('no_such_call');
      fake.drafts.delete(draft.draftId);
      const key = digits(draft.caseNumber);
      const existing = fake.cases.get(key) ?? { caseNumber: draft.caseNumber, open: true, calls: [] };
      const content = structuredClone(args.content as CallContent);
      // As the core marks it: the level rose above the latest *assessed* call's (a call not
      // assessed is skipped).
      const previous = existing.calls.find((call) => call.level !== 'not_assessed');
      const endedAt = Date.parse(draft.startedAt) + 9 * 60_000;
      existing.calls.unshift({
        ...content,
        callId: String(7000 + Number(draft.draftId.replace(/\D/g, ''))),
        startedAt: draft.startedAt,
        endedAt: new Date(endedAt).toISOString(),
        escalated: previous !== undefined && step(content.level) > step(previous.level),
        // As the core: the taker may correct it for 12 hours after it ended.
        correctableUntil: new Date(endedAt + 12 * 3_600_000).toISOString(),
      });
      fake.cases.set(key, existing);
      return { caseNumber: draft.caseNumber };
    }
    case 'copy_case_number': {
      unlocked();
      const draft = fake.drafts.get(String(args.draftId));
      if (!draft) throw shellError('no_such_call');
      fake.clipboard = draft.caseNumber;
      return null;
    }
    case 'discard_call':
      unlocked();
      if (!fake.drafts.delete(String(args.draftId))) throw shellError('no_such_call');
      return null;
    case 'unfinished_calls':
      unlocked();
      return [...fake.drafts.values()].map((draft) => structuredClone(draft));
    case 'find_case': {
      unlocked();
      const found = fake.cases.get(parse(args.caseNumber));
      if (!found) throw shellError('no_such_case');
      return structuredClone(found);
    }
    case 'case_overview': {
      unlocked();
      const found = fake.cases.get(parse(args.caseNumber));
      if (!found) throw shellError('no_such_case');
      return overview(found);
    }
    case 'list_cases': {
      const filter = casesFilter(args.filter);
      unlocked();
      const day = today();
      const matching = [...fake.cases.values()]
        .map(overview)
        .filter((item) => !filter.openOnly || item.open)
        .filter((item) => !filter.dueOnly || (item.followUp !== null && item.followUp <= day))
        .filter((item) => step(item.latestLevel) >= filter.minStep)
        .sort(ORDERS[filter.sort]);
      return { cases: matching.slice(0, LIMITS.listedCases), total: matching.length };
    }
    case 'correct_call': {
      // A call's id is the core's row number.
      if (typeof args.callId !== 'string' || !/^\d+$/.test(args.callId)) throw shellError('invalid_argument');
      unlocked();
      for (const found of fake.cases.values()) {
        const index = found.calls.findIndex((call) => call.callId === args.callId);
        if (index < 0) continue;
        const call = found.calls[index]!;
        // As the core: only the taker (the fake says so by correctableUntil), within the window.
        if (call.correctableUntil === null) throw shellError('not_your_call');
        if (Date.parse(call.correctableUntil) <= Date.parse(fake.now)) throw shellError('correction_window_closed');
        const content = structuredClone(args.content as CallContent);
        if (content.nextSteps.length > LIMITS.nextStepsChars) throw shellError('too_long', { field: 'next_steps', min: null, max: LIMITS.nextStepsChars });
        if (content.notes.length > LIMITS.notesChars) throw shellError('too_long', { field: 'notes', min: null, max: LIMITS.notesChars });
        const before = call as unknown as Record<string, unknown>;
        const fields = Object.entries(content)
          .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(before[name]))
          .map(([name]) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`))
          .sort();
        found.calls[index] = { ...call, ...content };
        audited(fake, { kind: 'call_corrected', case: reference(digits(found.caseNumber)), fields });
        return structuredClone(found);
      }
      throw shellError('no_such_call');
    }
    case 'mark_follow_up_done': {
      unlocked();
      const found = fake.cases.get(parse(args.caseNumber));
      if (!found) throw shellError('no_such_case');
      found.followUpDoneAt = found.calls.length;
      audited(fake, { kind: 'follow_up_done', case: reference(parse(args.caseNumber)) });
      return overview(found);
    }
    case 'set_case_open': {
      unlocked();
      const found = fake.cases.get(parse(args.caseNumber));
      if (!found) throw shellError('no_such_case');
      found.open = Boolean(args.open);
      return null;
    }
    case 'list_users':
      supervisor();
      return structuredClone(fake.users);
    case 'add_user': {
      supervisor();
      const name = String(args.userName);
      if (name.trim() === '') throw shellError('invalid_user_name');
      if (fake.users.some((user) => user.name.toLowerCase() === name.toLowerCase())) throw shellError('user_exists');
      if (String(args.passphrase).length < 10) throw tooShort();
      fake.users.push({ name, role: args.role as Role });
      return null;
    }
    case 'remove_user':
      supervisor();
      fake.users = fake.users.filter((user) => user.name !== args.userName);
      return null;
    case 'set_referrals': {
      supervisor();
      const referrals = args.referrals as Referral[];
      // The core's rule for a code.
      if (referrals.some((entry) => !new RegExp(`^[a-z0-9_]{1,${LIMITS.referralCodeChars}}$`).test(entry.code))) {
        throw shellError('referral_code_malformed', { field: 'referral', min: 1, max: LIMITS.referralCodeChars });
      }
      fake.settings.referrals = structuredClone(referrals);
      return null;
    }
    case 'set_transit_countries':
      supervisor();
      fake.settings.transitCountries = [...(args.countries as string[])];
      return null;
    case 'set_idle_lock_minutes':
      supervisor();
      if (!(Number(args.minutes) >= 1 && Number(args.minutes) <= LIMITS.idleLockMinutes)) {
        throw shellError('out_of_range', { field: 'idle_lock_minutes', min: 1, max: LIMITS.idleLockMinutes });
      }
      fake.settings.idleLockMinutes = Number(args.minutes);
      return null;
    case 'reset_passphrase': {
      supervisor();
      const name = String(args.userName);
      if (!fake.users.some((user) => user.name === name)) throw shellError('unknown_user');
      if (String(args.passphrase).length < 10) throw tooShort();
      audited(fake, { kind: 'passphrase_reset', name });
      return null;
    }
    case 'set_retention_months': {
      supervisor();
      const months = args.months;
      if (months !== null && !(typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= LIMITS.retentionMonths)) {
        throw shellError('out_of_range', { field: 'retention_months', min: 1, max: LIMITS.retentionMonths });
      }
      fake.settings.retentionMonths = months;
      audited(fake, { kind: 'settings_changed', setting: 'retention_months' });
      const casesDestroyed = fake.expireOnSave;
      fake.expireOnSave = 0;
      if (casesDestroyed > 0 && months !== null) {
        audited(fake, { kind: 'cases_expired', cases: casesDestroyed, retentionMonths: months });
      }
      return { casesDestroyed };
    }
    case 'take_backup':
      supervisor();
      audited(fake, { kind: 'backup_taken' });
      return { path: BACKUP_PATH };
    case 'verify_store':
      supervisor();
      return soundReport();
    case 'verify_backup':
      supervisor();
      if (args.passphrase !== BACKUP_PASSPHRASE) throw shellError('wrong_passphrase');
      return { path: BACKUP_PATH, report: soundReport() };
    case 'forget_case': {
      supervisor();
      const key = parse(args.caseNumber);
      if (!fake.cases.delete(key)) throw shellError('no_such_case');
      audited(fake, { kind: 'case_forgotten', case: reference(key) });
      // As the core: every backup the trail knows of, oldest first (the fake's cases have no start).
      return { backupsHoldingIt: fake.audit.filter((entry) => entry.action.kind === 'backup_taken').map((entry) => entry.at).reverse() };
    }
    case 'audit_trail':
      supervisor();
      return structuredClone(fake.audit);
    case 'verify_audit':
      supervisor();
      return { sound: true, entriesChecked: fake.audit.length, headSeq: fake.audit.length, fingerprint: FINGERPRINT, problems: [] };
    case 'statistics': {
      const query = statisticsArgs(args);
      supervisor();
      publishable(fake, query);
      return statisticsDocument(query);
    }
    case 'export_statistics': {
      const query = statisticsArgs(args);
      if (!['csv', 'json', 'xlsx', 'html'].includes(String(args.format))) throw shellError('invalid_argument');
      supervisor();
      publishable(fake, query);
      fake.publishedK = query.k;
      audited(fake, { kind: 'statistics_exported', from: query.from, to: query.to, format: String(args.format), k: query.k, periodTotal: query.periodTotal });
      return { path: exportPath(query.from, query.to, String(args.format)) };
    }
    default:
      throw shellError('invalid_argument');
  }
}

/** What the UI sends for the shell's lock, its sync state and its language, not the store: left out of `commands`. */
const NOT_THE_STORE = new Set(['watch_lock', 'watch_sync', 'note_input', 'ui_language', 'set_ui_language']);

/** The calls sent to the store, in order (the rest is read with `sent`). */
export function storeCalls(calls: readonly Call[]): Call[] {
  return calls.filter((call) => !NOT_THE_STORE.has(call.cmd));
}

/** The commands sent to the store, in order. */
export function commands(calls: readonly Call[]): string[] {
  return storeCalls(calls).map((call) => call.cmd);
}

/**
 * The shell locks by itself, as src-tauri/src/lock.rs does: the store first, then a notice down
 * the channel the UI opened; `message` replaces the notice (a malformed one, say).
 */
export function lockByShell(fake: FakeStore, reason: string, message: unknown = { reason }): void {
  if (fake.lockChannel === null) throw new Error('the UI never opened the lock channel');
  fake.state = 'locked';
  const index = fake.lockNotices++;
  (window as unknown as { __TAURI_INTERNALS__: { runCallback(id: number, data: unknown): void } }).__TAURI_INTERNALS__.runCallback(
    fake.lockChannel,
    { index, message },
  );
}

/** The shell's background sync says how it stands, down the channel the UI opened with watch_sync. */
export function syncByShell(fake: FakeStore, state: SyncState): void {
  if (fake.syncChannel === null) throw new Error('the UI never opened the sync channel');
  const index = fake.syncNotices++;
  (window as unknown as { __TAURI_INTERNALS__: { runCallback(id: number, data: unknown): void } }).__TAURI_INTERNALS__.runCallback(
    fake.syncChannel,
    { index, message: state },
  );
}

/** The calls of one command. */
export function sent(calls: readonly Call[], cmd: string): Record<string, unknown>[] {
  return calls.filter((call) => call.cmd === cmd).map((call) => call.args);
}

/** A promise and the functions that settle it, for replies the test releases itself. */
export function deferred<T = unknown>(): { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void } {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// --- statistics -----------------------------------------------------------------------------

export interface StatisticsArgs {
  from: string;
  to: string;
  periodTotal: boolean;
  k: number;
  language: 'en' | 'sv' | 'ar';
}

/** Checks the arguments the way the Rust side does: bad months or k are `invalid_argument`. */
function statisticsArgs(args: Record<string, unknown>): StatisticsArgs {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  const { from, to, periodTotal, k, language } = args;
  if (typeof from !== 'string' || typeof to !== 'string' || !month.test(from) || !month.test(to) || to < from) {
    throw shellError('invalid_argument');
  }
  if (typeof periodTotal !== 'boolean') throw shellError('invalid_argument');
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 3 || k > 100) throw shellError('invalid_argument');
  if (language !== 'en' && language !== 'sv' && language !== 'ar') throw shellError('invalid_argument');
  if (monthsBetween(from, to).length > 24) throw shellError('invalid_argument');
  return { from, to, periodTotal, k, language };
}

/**
 * What the core refuses before it publishes, or shows what it would publish, in its order: a k
 * other than the one published before, a month that has not ended (by `fake.now`, in UTC like
 * the shell), a month with a call still open (a draft started in it).
 */
function publishable(fake: FakeStore, query: StatisticsArgs): void {
  if (fake.publishedK !== null && fake.publishedK !== query.k) throw shellError('threshold_fixed');
  const months = monthsBetween(query.from, query.to);
  const current = fake.now.slice(0, 7);
  if (months.some((month) => month >= current)) throw shellError('month_not_ended');
  const open = [...fake.drafts.values()].map((draft) => draft.startedAt.slice(0, 7));
  if (months.some((month) => open.includes(month))) throw shellError('month_has_open_call');
}

export function exportPath(from: string, to: string, format: string): string {
  return `/home/maja/Documents/helpline-statistics-${from}-${to}.${format}`;
}

/** Every month from `from` to `to`, as 'YYYY-MM'. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const text = `${year}-${String(month).padStart(2, '0')}`;
    if (text > to) break;
    months.push(text);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const TITLES = {
  calls_by_channel: { en: 'Calls by channel', sv: 'Samtal per kanal', ar: 'المكالمات حسب القناة' },
  calls_by_language: { en: 'Calls by language of the call', sv: 'Samtal per samtalsspråk', ar: 'المكالمات حسب لغة المكالمة' },
  referrals_made: { en: 'Referrals made', sv: 'Hänvisningar', ar: 'الإحالات' },
} as const;

const RULES = {
  en: (k: number) => [`Counts from 1 to ${k - 1} are shown as "<${k}" (k = ${k}).`, 'Zero is shown as 0: it describes nobody.'],
  sv: (k: number) => [`Antal från 1 till ${k - 1} visas som "<${k}" (k = ${k}).`, 'Noll visas som 0: det beskriver ingen.'],
  ar: (k: number) => [`تُعرض الأعداد من 1 إلى ${k - 1} على شكل "<${k}" (k = ${k}).`, 'يُعرض الصفر على شكل 0: فهو لا يصف أحدًا.'],
} as const;

const count = (value: number): Published => ({ shown: 'count', value });
const BELOW: Published = { shown: 'below_threshold' };
const SECONDARY: Published = { shown: 'secondary' };
const WITHHELD: Published = { shown: 'withheld' };

/**
 * A `statistics` reply (JSON document version 2) for the months asked, with every kind of
 * published value in a fixed pattern by month (the numbers do not add up; they only need to be
 * recognisable):
 * - calls_by_channel: phone 12, 13, 14, …; email "<k", 0, "x", …; totals 15, "<k", "x", …;
 * - referrals_made: 7, "..", 7, … (a month with few referrals shows only its total), totals
 *   7, "<k", 7, …;
 * and, when the period column is asked for over several months, the period: phone the sum of
 * its months, email "x", its total 100; calls_by_language the sum; referrals ".." with "<k".
 */
export function statisticsDocument(query: StatisticsArgs): StatisticsDocument {
  const months = monthsBetween(query.from, query.to);
  const { language, k } = query;
  const period = query.periodTotal && months.length > 1;
  const each = (value: (index: number) => Published) => months.map((_, index) => value(index));
  const over = (value: Published): Published | null => (period ? value : null);
  const sum = (first: number, step: number) => months.reduce((total, _, index) => total + first + step * index, 0);
  return {
    format: 'helpline-statistics',
    version: 2,
    months,
    period: period ? { from: query.from, to: query.to, months } : null,
    language,
    disclosure_control: {
      k,
      rules: [...RULES[language](k)],
      symbols: { below_threshold: `<${k}`, secondary: 'x', withheld: '..' },
    },
    tables: [
      {
        id: 'calls_by_channel',
        title: TITLES.calls_by_channel[language],
        unit: 'calls',
        rows: [
          {
            category: 'phone',
            label: { en: 'Phone', sv: 'Telefon', ar: 'الهاتف' }[language],
            values: each((i) => count(12 + i)),
            period: over(count(sum(12, 1))),
          },
          {
            category: 'email',
            label: { en: 'E-mail', sv: 'E-post', ar: 'البريد الإلكتروني' }[language],
            values: each((i) => [BELOW, count(0), SECONDARY][i % 3]!),
            period: over(SECONDARY),
          },
        ],
        totals: each((i) => [count(15 + i), BELOW, SECONDARY][i % 3]!),
        period_total: over(count(100)),
      },
      {
        id: 'calls_by_language',
        title: TITLES.calls_by_language[language],
        unit: 'calls',
        rows: [{ category: 'sv', label: 'Swedish', values: each(() => count(1234)), period: over(count(sum(1234, 0))) }],
        totals: each(() => count(1234)),
        period_total: over(count(sum(1234, 0))),
      },
      {
        id: 'referrals_made',
        title: TITLES.referrals_made[language],
        unit: 'referrals',
        rows: [
          {
            category: 'exit_programme',
            label: 'Exit Stockholm',
            values: each((i) => (i % 3 === 1 ? WITHHELD : count(7))),
            period: over(WITHHELD),
          },
        ],
        totals: each((i) => (i % 3 === 1 ? BELOW : count(7))),
        period_total: over(BELOW),
      },
    ],
    call_time: months.map((month, i) => ({
      month,
      calls_timed: i % 3 === 1 ? BELOW : count(12 + i),
      total_minutes: i % 3 === 1 ? null : 150.5,
      median_minutes: i % 3 === 1 ? null : 9.5,
    })),
  };
}

/** Mounts the app on `fake` (the shell's answers, with `overrides`) and lets it settle. */
export async function open(fake: FakeStore = store(), overrides: Overrides = {}): Promise<Call[]> {
  const calls = shell(fake, overrides);
  await mount();
  await advance();
  return calls;
}
