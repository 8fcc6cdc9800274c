// The replies the real application layer gave (recorded by crates/helpline-app/tests/replies.rs
// into fixtures/replies/) against the UI: every one passes the reply checkers, and the fake
// shell the other tests use answers the same commands with replies of the same shape, and
// marks escalations as the core does.

import { describe, expect, test } from 'vitest';
import { REPLIES, toIpcError, type CallContent, type Command, type Level } from './ipc';
import { answer, blankContent, NUMBER, OTHER_NUMBER, store, type FakeStore } from './test-shell';

type Recorded = { ok: unknown } | { error: { code: string; message: string } };

const files = import.meta.glob<Record<string, Recorded>>('./fixtures/replies/*.json', { eager: true, import: 'default' });
const recorded = new Map(
  Object.entries(files).map(([path, scenarios]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), scenarios] as const),
);

function reply(command: Command, scenario: string): Recorded {
  const found = recorded.get(command)?.[scenario];
  if (!found) throw new Error(`no recorded reply for ${command}: ${scenario}`);
  return found;
}

function ok(command: Command, scenario: string): unknown {
  const found = reply(command, scenario);
  if (!('ok' in found)) throw new Error(`${command}: ${scenario} was refused`);
  return found.ok;
}

/** Every item of every list in `value`, by where it is (list indices left out). */
function itemsByPath(value: unknown, path = '$', pool = new Map<string, unknown[]>()): Map<string, unknown[]> {
  if (Array.isArray(value)) {
    const key = `${path}[]`;
    pool.set(key, [...(pool.get(key) ?? []), ...value]);
    for (const item of value) itemsByPath(item, key, pool);
  } else if (typeof value === 'object' && value !== null) {
    for (const [field, item] of Object.entries(value)) itemsByPath(item, `${path}.${field}`, pool);
  }
  return pool;
}

/**
 * Where the shape of the fake's reply parts from the recorded one: keys, and the JSON type of
 * each value. An item of a list must look like some recorded item in the same place (lists mix
 * the variants of a union, and one recording need not show every variant in every list).
 */
function differences(fake: unknown, real: unknown, pool = itemsByPath(real), path = '$'): string[] {
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (kind(fake) !== kind(real)) return [`${path}: ${kind(fake)} in the fake, ${kind(real)} recorded`];
  if (Array.isArray(fake)) {
    const candidates = pool.get(`${path}[]`) ?? [];
    if (candidates.length === 0) return [];
    return fake.flatMap((item) => {
      const each = candidates.map((other) => differences(item, other, pool, `${path}[]`));
      return each.some((found) => found.length === 0) ? [] : each[0]!;
    });
  }
  if (typeof fake === 'object' && fake !== null && typeof real === 'object' && real !== null) {
    const a = Object.keys(fake).sort();
    const b = Object.keys(real).sort();
    if (a.join() !== b.join()) return [`${path}: keys ${a.join(',')} in the fake, ${b.join(',')} recorded`];
    return a.flatMap((key) =>
      differences((fake as Record<string, unknown>)[key], (real as Record<string, unknown>)[key], pool, `${path}.${key}`),
    );
  }
  return [];
}

describe('the recorded replies', () => {
  test('cover every command of the contract', () => {
    expect([...recorded.keys()].sort()).toEqual(Object.keys(REPLIES).sort());
  });

  test('pass the reply checkers, which keep every field', () => {
    for (const [command, scenarios] of recorded) {
      for (const [scenario, entry] of Object.entries(scenarios)) {
        const check = REPLIES[command as Command];
        if ('ok' in entry) {
          const checked: unknown = check(entry.ok);
          if (checked !== undefined) expect(checked, `${command}: ${scenario}`).toEqual(entry.ok);
        } else {
          expect(toIpcError(entry.error).code, `${command}: ${scenario}`).toBe(entry.error.code);
        }
      }
    }
  });
});

describe('the fake shell answers as the real one', () => {
  /** Runs `command` on the fake: its reply, or its refusal as the shell sends it. */
  function run(fake: FakeStore, command: Command, args: Record<string, unknown> = {}): Recorded {
    try {
      return { ok: answer(fake, command, args) ?? null };
    } catch (reason) {
      return { error: reason as { code: string; message: string } };
    }
  }

  function same(fake: FakeStore, command: Command, scenario: string, args: Record<string, unknown> = {}): unknown {
    const got = run(fake, command, args);
    const real = reply(command, scenario);
    if ('error' in real) {
      expect('error' in got ? got.error.code : got, `${command}: ${scenario}`).toBe(real.error.code);
      return null;
    }
    expect(differences('ok' in got ? got.ok : got, real.ok), `${command}: ${scenario}`).toEqual([]);
    return 'ok' in got ? got.ok : null;
  }

  function content(level: Level, notes: string): CallContent {
    return { ...blankContent(), level, notes };
  }

  /** Calls at `levels` on one new case (numbered `number`); its number. */
  function calls(fake: FakeStore, number: string, levels: Level[]): string {
    fake.nextNumber = number;
    let caseNumber: string | null = null;
    for (const level of levels) {
      const started = answer(fake, 'start_call', { caseNumber }) as { draftId: string; caseNumber: string };
      answer(fake, 'end_call', { draftId: started.draftId, content: content(level, 'notes') });
      caseNumber = started.caseNumber;
    }
    return caseNumber!;
  }

  function escalations(history: unknown): [string, boolean][] {
    return (history as { calls: { level: string; escalated: boolean }[] }).calls.map((call) => [call.level, call.escalated]);
  }

  test('for a day of calls, settings and safety', () => {
    const fake = store({ user: 'Maja', role: 'supervisor' });
    same(fake, 'ui_language', 'never chosen');
    same(fake, 'set_ui_language', 'sv', { language: 'sv' });
    same(fake, 'set_ui_language', 'not a language', { language: 'klingon' });
    same(fake, 'ui_language', 'chosen');
    same(fake, 'app_status', 'unlocked');
    same(fake, 'note_input', 'noted', { callOpen: true });
    same(fake, 'lock', 'locked');
    same(fake, 'app_status', 'locked');
    same(fake, 'unlock', 'signed in', { userName: 'Maja', passphrase: 'the current passphrase' });
    same(fake, 'get_settings', 'as set up');
    same(fake, 'set_retention_months', '24 months', { months: 24 });
    same(fake, 'set_retention_months', '0 months', { months: 0 });
    same(fake, 'set_idle_lock_minutes', '15', { minutes: 15 });

    const started = same(fake, 'start_call', 'new case', { caseNumber: null }) as { draftId: string; caseNumber: string };
    same(fake, 'save_draft', 'typed so far', { draftId: started.draftId, content: content('wish_to_leave', 'so far') });
    same(fake, 'end_call', 'ended', { draftId: started.draftId, content: content('wish_to_leave', 'first call') });
    same(fake, 'end_call', 'ended twice', { draftId: started.draftId, content: content('wish_to_leave', 'x') });
    same(fake, 'start_call', 'returning caller', { caseNumber: started.caseNumber });
    same(fake, 'unfinished_calls', 'one open');
    same(fake, 'find_case', 'malformed number', { caseNumber: '1234' });
    same(fake, 'list_cases', 'snake_case filter', { filter: { open_only: true } });
    same(fake, 'list_users', 'two users');
    same(fake, 'add_user', 'volunteer', { userName: 'Sara', role: 'volunteer', passphrase: 'volunteer passphrase' });
    same(fake, 'reset_passphrase', 'for a volunteer', { userName: 'Ahmad', passphrase: 'a fresh passphrase' });
    same(fake, 'change_passphrase', 'wrong current', { current: 'not it', next: 'a new passphrase' });
    same(fake, 'set_transit_countries', 'two', { countries: ['TR', 'JO'] });
    same(fake, 'take_backup', 'saved');
    same(fake, 'verify_store', 'sound');
    same(fake, 'verify_backup', 'sound', { passphrase: 'the current passphrase' });
    same(fake, 'verify_backup', 'wrong passphrase', { passphrase: 'not the passphrase' });
    const query = { from: '2026-02', to: '2026-02', periodTotal: false, k: 5, language: 'en' };
    same(fake, 'statistics', 'last month', query);
    same(fake, 'export_statistics', 'saved', { ...query, format: 'json' });
    same(fake, 'forget_case', 'forgotten', { caseNumber: started.caseNumber });
    same(fake, 'replace_recovery_code', 'wrong passphrase', { passphrase: 'not the passphrase' });
    same(fake, 'replace_recovery_code', 'replaced', { passphrase: 'the current passphrase' });
    same(fake, 'audit_trail', 'after a day');
    same(fake, 'verify_audit', 'sound');
    same(fake, 'sync_status', 'not connected');
    same(fake, 'sync_now', 'not connected');
    same(fake, 'invite_desk', 'not connected', { deskName: 'Laptop' });
    same(fake, 'connect_desk', 'over the network', {
      address: 'host=192.0.2.7 port=5432 dbname=helpline user=helpline_desk password=not-shown',
      deskName: 'Office',
    });
    same(fake, 'lock', 'locked');
    same(fake, 'get_settings', 'store locked');
    same(fake, 'note_input', 'store locked', { callOpen: false });

    const fresh = store({ state: 'needs_setup' });
    same(fresh, 'choose_restore_file', 'chosen');
    same(fresh, 'restore_backup', 'signed in', { userName: 'Maja', passphrase: 'the current passphrase', recoveryCode: null });

    const joining = store({ state: 'needs_setup' });
    same(joining, 'join_helpline', 'malformed invitation', {
      address: 'host=/run/postgresql dbname=helpline user=helpline_desk password=not-shown',
      invitation: 'K7QF-2MZP-not-an-invitation',
      userName: 'Maja',
      passphrase: 'the current passphrase',
    });
  });

  test('and marks escalations as the core does: a call not assessed is skipped', () => {
    const fake = store({ user: 'Maja', role: 'supervisor' });
    same(fake, 'case_overview', 'no such case', { caseNumber: NUMBER });
    const steady = calls(fake, NUMBER, ['wish_to_leave', 'not_assessed', 'wish_to_leave']);
    const rising = calls(fake, OTHER_NUMBER, ['strong_interest', 'not_assessed', 'wish_to_leave']);
    for (const [number, scenario] of [
      [steady, 'levels 2, 0, 2'],
      [rising, 'levels 1, 0, 2'],
    ] as const) {
      const history = same(fake, 'find_case', scenario, { caseNumber: number });
      expect(escalations(history), scenario).toEqual(escalations(ok('find_case', scenario)));
    }
    expect(escalations(ok('find_case', 'levels 1, 0, 2'))[0]).toEqual(['wish_to_leave', true]);
    expect(escalations(ok('find_case', 'levels 2, 0, 2'))[0]).toEqual(['wish_to_leave', false]);

    // The cases list's flag is the latest assessed call's, in the fake as recorded.
    answer(fake, 'set_case_open', { caseNumber: rising, open: false });
    const summary = (list: unknown) =>
      (list as { cases: { calls: number; escalated: boolean; open: boolean; latestLevel: string }[] }).cases
        .map((item) => [item.calls, item.escalated, item.open, item.latestLevel].join())
        .sort();
    const listed = same(fake, 'list_cases', 'every case', { filter: { openOnly: false, dueOnly: false, minStep: 0, sort: 'last_call' } });
    expect(summary(listed)).toEqual(summary(ok('list_cases', 'every case')));
    // The overview (closed here, open where recorded) counts and flags as the core does.
    const flags = (value: unknown) => {
      const { calls, escalated, latestLevel, highestLevel } = value as Record<string, unknown>;
      return [calls, escalated, latestLevel, highestLevel];
    };
    const overview = same(fake, 'case_overview', 'levels 1, 0, 2', { caseNumber: rising });
    expect(flags(overview)).toEqual(flags(ok('case_overview', 'levels 1, 0, 2')));

    // A correction answers the case's history; marking a follow-up done, its overview.
    const latest = (answer(fake, 'find_case', { caseNumber: steady }) as { calls: { callId: string }[] }).calls[0]!;
    same(fake, 'correct_call', 'level 2 corrected to 3', { callId: latest.callId, content: content('in_transit_country', 'corrected notes') });
    same(fake, 'correct_call', 'not a call', { callId: 'call', content: content('in_transit_country', 'x') });
    same(fake, 'mark_follow_up_done', 'follow-up done', { caseNumber: steady });
    same(fake, 'mark_follow_up_done', 'no such case', { caseNumber: '5555 5555 550' });
  });
});
