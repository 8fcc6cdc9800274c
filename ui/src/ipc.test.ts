import { afterEach, describe, expect, test } from 'vitest';
import * as ipc from './ipc';
import { IpcError, appStatus, lock, setUpStore, toIpcError, unlock } from './ipc';
import { fakeShell, reset, shellError } from './test-support';

afterEach(reset);

describe('ipc wrappers', () => {
  test('send the contract names and camelCase argument keys', async () => {
    const calls = fakeShell((cmd, args) => {
      switch (cmd) {
        case 'app_status':
          return { state: 'locked' };
        case 'set_up_store':
          return { recoveryCode: '1234-5678', user: args.userName, role: 'supervisor' };
        case 'unlock':
          return { user: args.userName, role: 'volunteer', casesExpired: 0, retentionFailed: false };
        default:
          return null;
      }
    });
    expect(await appStatus()).toEqual({ state: 'locked' });
    expect(await setUpStore('Maja', 'pass phrase 1')).toEqual({
      recoveryCode: '1234-5678',
      user: 'Maja',
      role: 'supervisor',
    });
    expect(await unlock('Ahmad', 'pass phrase 2')).toEqual({
      user: 'Ahmad',
      role: 'volunteer',
      casesExpired: 0,
      retentionFailed: false,
    });
    expect(await lock()).toBeUndefined();
    expect(calls).toEqual([
      { cmd: 'app_status', args: {} },
      { cmd: 'set_up_store', args: { userName: 'Maja', passphrase: 'pass phrase 1' } },
      { cmd: 'unlock', args: { userName: 'Ahmad', passphrase: 'pass phrase 2' } },
      { cmd: 'lock', args: {} },
    ]);
  });

  test('a rejection becomes an IpcError with the code', async () => {
    fakeShell(() => {
      throw shellError('unknown_user');
    });
    const error = await unlock('nobody', 'pass phrase 3').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(IpcError);
    expect((error as IpcError).code).toBe('unknown_user');
    expect((error as IpcError).message).toBe('unknown_user (English, for logs)');
  });

  test('replies that break the contract are rejected', async () => {
    const replies: unknown[] = [
      null,
      { state: 'open' },
      { state: 'unlocked', user: 7, role: 'volunteer' },
      { state: 'unlocked', user: 'x', role: 'root' },
    ];
    for (const reply of replies) {
      fakeShell(() => reply);
      await expect(appStatus()).rejects.toMatchObject({ code: 'unknown' });
    }
    fakeShell(() => ({ recoveryCode: '', user: 'x', role: 'supervisor' }));
    await expect(setUpStore('x', 'pass phrase 4')).rejects.toMatchObject({ code: 'unknown' });
    fakeShell(() => ({ user: 'x', role: 'volunteer', recovery_code: 'abc' }));
    await expect(setUpStore('x', 'pass phrase 4')).rejects.toMatchObject({ code: 'unknown' });
  });

  test('toIpcError maps unknown shapes to the fallback code', () => {
    expect(toIpcError(shellError('store_locked')).code).toBe('store_locked');
    expect(toIpcError(shellError('not_a_code')).code).toBe('unknown');
    expect(toIpcError({ code: 42 }).code).toBe('unknown');
    expect(toIpcError('plain string').code).toBe('unknown');
    expect(toIpcError(undefined).code).toBe('unknown');
    expect(toIpcError(null).code).toBe('unknown');
  });
});

describe('calls and cases', () => {
  const content = {
    channel: 'phone',
    language: 'ar',
    level: 'wish_to_leave',
    caller: {
      relationship: 'mother',
      gender: 'woman',
      identity: { choice: 'gave_contact_details', name: 'Amira', phone: null, email: null },
    },
    person: { gender: 'man', ageBand: '15_17', situation: 'radicalising', environment: 'violent_islamist' },
    referrals: ['psychologist'],
    nextSteps: '',
    followUp: '2026-03-06',
    followUpDone: false,
    notes: 'n',
  };
  const started = {
    draftId: 'd1',
    caseNumber: '4821 0937 552',
    startedAt: '2026-03-02T10:00:00Z',
    newCase: true,
    case: null,
    content,
  };

  test('send the contract names and argument keys', async () => {
    const calls = fakeShell((cmd) => {
      switch (cmd) {
        case 'get_settings':
          return { referrals: [{ code: 'ngo', label: null }], transitCountries: ['TR'], idleLockMinutes: 5, retentionMonths: 24 };
        case 'start_call':
          return started;
        case 'end_call':
          return { caseNumber: '4821 0937 552' };
        case 'unfinished_calls':
          return [{ draftId: 'd1', caseNumber: '4821 0937 552', startedAt: '2026-03-02T10:00:00Z', content, newCase: false, case: null }];
        case 'find_case':
          return { caseNumber: '4821 0937 552', open: true, calls: [{ ...content, callId: '1001', startedAt: '2026-03-02T10:00:00Z', endedAt: null, escalated: true, correctableUntil: null }] };
        case 'list_cases':
          return {
            cases: [
              {
                caseNumber: '4821 0937 552',
                open: true,
                latestLevel: 'wish_to_leave',
                highestLevel: 'in_transit_country',
                lastCallAt: '2026-03-02T10:00:00Z',
                followUp: null,
                followUpState: null,
                calls: 3,
                escalated: true,
              },
            ],
            total: 12_345,
          };
        case 'list_users':
          return [{ name: 'Maja', role: 'supervisor' }];
        default:
          return null;
      }
    });
    const typed = content as unknown as ipc.CallContent;
    expect(await ipc.getSettings()).toEqual({
      referrals: [{ code: 'ngo', label: null }],
      transitCountries: ['TR'],
      idleLockMinutes: 5,
      retentionMonths: 24,
    });
    expect(await ipc.startCall(null)).toEqual(started);
    await ipc.startCall('4821 0937 552');
    await ipc.saveDraft('d1', typed);
    expect(await ipc.endCall('d1', typed)).toEqual({ caseNumber: '4821 0937 552' });
    await ipc.discardCall('d1');
    expect((await ipc.unfinishedCalls())[0]?.content).toEqual(content);
    expect((await ipc.findCase('٤٨٢١'))?.calls[0]?.escalated).toBe(true);
    const listed = await ipc.listCases({ openOnly: false, dueOnly: true, minStep: 2, sort: 'last_call' });
    expect(listed.cases[0]?.highestLevel).toBe('in_transit_country');
    expect(listed.total).toBe(12_345);
    await ipc.setCaseOpen('4821 0937 552', false);
    await ipc.changePassphrase('old passphrase', 'new passphrase');
    expect(await ipc.listUsers()).toEqual([{ name: 'Maja', role: 'supervisor' }]);
    await ipc.addUser('Sara', 'volunteer', 'pass phrase 5');
    await ipc.removeUser('Sara');
    await ipc.setReferrals([{ code: 'ngo', label: 'NGO' }]);
    await ipc.setTransitCountries(['TR', 'JO']);
    await ipc.setIdleLockMinutes(10);
    expect(calls).toEqual([
      { cmd: 'get_settings', args: {} },
      { cmd: 'start_call', args: { caseNumber: null } },
      { cmd: 'start_call', args: { caseNumber: '4821 0937 552' } },
      { cmd: 'save_draft', args: { draftId: 'd1', content } },
      { cmd: 'end_call', args: { draftId: 'd1', content } },
      { cmd: 'discard_call', args: { draftId: 'd1' } },
      { cmd: 'unfinished_calls', args: {} },
      { cmd: 'find_case', args: { caseNumber: '٤٨٢١' } },
      { cmd: 'list_cases', args: { filter: { openOnly: false, dueOnly: true, minStep: 2, sort: 'last_call' } } },
      { cmd: 'set_case_open', args: { caseNumber: '4821 0937 552', open: false } },
      { cmd: 'change_passphrase', args: { current: 'old passphrase', next: 'new passphrase' } },
      { cmd: 'list_users', args: {} },
      { cmd: 'add_user', args: { userName: 'Sara', role: 'volunteer', passphrase: 'pass phrase 5' } },
      { cmd: 'remove_user', args: { userName: 'Sara' } },
      { cmd: 'set_referrals', args: { referrals: [{ code: 'ngo', label: 'NGO' }] } },
      { cmd: 'set_transit_countries', args: { countries: ['TR', 'JO'] } },
      { cmd: 'set_idle_lock_minutes', args: { minutes: 10 } },
    ]);
  });

  test('mark_follow_up_done and correct_call send the case number, the call id and the whole content; replies are checked', async () => {
    const overview = {
      caseNumber: '4821 0937 552',
      open: true,
      latestLevel: 'wish_to_leave',
      highestLevel: 'wish_to_leave',
      lastCallAt: '2026-03-02T10:00:00Z',
      followUp: null,
      followUpState: null,
      calls: 1,
      escalated: false,
    };
    const recorded = { ...content, callId: '1001', startedAt: '2026-03-02T10:00:00Z', endedAt: null, escalated: false, correctableUntil: null };
    let broken = false;
    const calls = fakeShell((cmd) => {
      if (cmd === 'mark_follow_up_done') return broken ? { ...overview, followUpState: 'soon' } : overview;
      if (cmd === 'correct_call') return broken ? { caseNumber: '4821 0937 552', open: true, calls: [{ ...recorded, callId: '' }] } : { caseNumber: '4821 0937 552', open: true, calls: [recorded] };
      return null;
    });
    const typed = content as unknown as ipc.CallContent;
    expect(await ipc.markFollowUpDone('4821 0937 552')).toEqual(overview);
    expect((await ipc.correctCall('1001', typed)).calls).toEqual([recorded]);
    expect(calls).toEqual([
      { cmd: 'mark_follow_up_done', args: { caseNumber: '4821 0937 552' } },
      { cmd: 'correct_call', args: { callId: '1001', content } },
    ]);
    broken = true;
    await expect(ipc.markFollowUpDone('4821 0937 552')).rejects.toMatchObject({ code: 'unknown' });
    await expect(ipc.correctCall('1001', typed)).rejects.toMatchObject({ code: 'unknown' });
  });

  test('replies that break the contract are rejected whole', async () => {
    const anyCase = { openOnly: false, dueOnly: false, minStep: 0, sort: 'last_call' } as const;
    const listed = {
      caseNumber: '1',
      open: true,
      latestLevel: 'wish_to_leave',
      highestLevel: 'wish_to_leave',
      lastCallAt: null,
      followUp: null,
      followUpState: null,
      calls: 1,
      escalated: false,
    };
    const broken: [() => Promise<unknown>, unknown][] = [
      [() => ipc.startCall(null), { ...started, content: { ...content, level: 'step_4' } }],
      [() => ipc.startCall(null), { ...started, content: { ...content, caller: { ...content.caller, identity: { choice: 'maybe' } } } }],
      [() => ipc.startCall(null), { ...started, content: { ...content, person: { ...content.person, ageBand: '17' } } }],
      [() => ipc.startCall(null), { ...started, content: { ...content, followUp: '6 March' } }],
      [() => ipc.startCall(null), { ...started, startedAt: 'yesterday' }],
      [() => ipc.startCall(null), { ...started, draft_id: 'd1', draftId: undefined }],
      [() => ipc.getSettings(), { referrals: [], transitCountries: ['Turkey'], idleLockMinutes: 5, retentionMonths: null }],
      [() => ipc.getSettings(), { referrals: [], transitCountries: [], idleLockMinutes: 0, retentionMonths: null }],
      [() => ipc.getSettings(), { referrals: [{ code: 'ngo' }], transitCountries: [], idleLockMinutes: 5, retentionMonths: null }],
      [() => ipc.getSettings(), { referrals: [], transitCountries: [], idleLockMinutes: 5 }],
      [() => ipc.getSettings(), { referrals: [], transitCountries: [], idleLockMinutes: 5, retentionMonths: 0 }],
      [() => ipc.getSettings(), { referrals: [], transitCountries: [], idleLockMinutes: 5, retentionMonths: 121 }],
      [() => ipc.findCase('1'), { caseNumber: '1', open: true, calls: [{ ...content, startedAt: 'x', endedAt: null, escalated: false }] }],
      [() => ipc.findCase('1'), { caseNumber: '1', open: true, calls: [{ ...content, startedAt: '2026-03-02T10:00:00Z', endedAt: null }] }],
      [() => ipc.listCases(anyCase), { cases: [{ ...listed, latestLevel: 'high' }], total: 1 }],
      [() => ipc.listCases(anyCase), { cases: [{ ...listed, escalated: undefined }], total: 1 }],
      [() => ipc.listCases(anyCase), [listed]],
      [() => ipc.listCases(anyCase), { cases: [] }],
      [() => ipc.listCases(anyCase), { cases: [listed], total: -1 }],
      [() => ipc.listCases(anyCase), { cases: [listed], total: '1' }],
      [() => ipc.listCases(anyCase), { cases: [listed, listed], total: 1 }],
      [() => ipc.listCases(anyCase), { cases: Array.from({ length: ipc.LIMITS.listedCases + 1 }, () => listed), total: 1000 }],
      [() => ipc.unfinishedCalls(), [{ draftId: 'd1', caseNumber: '1', startedAt: '2026-03-02T10:00:00Z' }]],
      [() => ipc.listUsers(), [{ name: 'x', role: 'admin' }]],
      [() => ipc.endCall('d1', content as unknown as ipc.CallContent), {}],
    ];
    for (const [run, reply] of broken) {
      fakeShell(() => reply);
      await expect(run(), JSON.stringify(reply)).rejects.toMatchObject({ code: 'unknown' });
    }
  });

  test('extra fields in a reply do not travel on', async () => {
    fakeShell(() => ({ ...started, content: { ...content, secret: 'x', caller: { ...content.caller, extra: 1 } } }));
    const reply = await ipc.startCall(null);
    expect(reply.content).toEqual(content);
  });

  test('the new error codes are known; others become the generic one', () => {
    expect(toIpcError(shellError('no_such_call')).code).toBe('no_such_call');
    // The UI's own codes are not the shell's: from the shell, they are unknown.
    expect(toIpcError(shellError('invalid_country')).code).toBe('unknown');
    expect(toIpcError(shellError('call_on_fire')).code).toBe('unknown');
  });
});

describe('statistics', () => {
  const query = { from: '2026-01', to: '2026-02', periodTotal: false, k: 5, language: 'sv' } as const;
  const below = { shown: 'below_threshold' };
  const withheld = { shown: 'withheld' };
  const document = {
    format: 'helpline-statistics',
    version: 2,
    months: ['2026-01', '2026-02'],
    period: null,
    language: 'sv',
    disclosure_control: {
      k: 5,
      rules: ['Antal från 1 till 4 visas som "<5" (k = 5).'],
      symbols: { below_threshold: '<5', secondary: 'x', withheld: '..' },
    },
    tables: [
      {
        id: 'calls_by_channel',
        title: 'Samtal per kanal',
        unit: 'calls',
        rows: [{ category: 'phone', label: 'Telefon', values: [{ shown: 'count', value: 12 }, withheld], period: null }],
        totals: [{ shown: 'count', value: 14 }, below],
        period_total: null,
      },
    ],
    call_time: [
      { month: '2026-01', calls_timed: { shown: 'count', value: 12 }, total_minutes: 150, median_minutes: 9 },
      { month: '2026-02', calls_timed: below, total_minutes: null, median_minutes: null },
    ],
  };
  /** The same, with the period column. */
  const withPeriod = {
    ...document,
    period: { from: '2026-01', to: '2026-02', months: ['2026-01', '2026-02'] },
    tables: [
      {
        ...document.tables[0]!,
        rows: [{ ...document.tables[0]!.rows[0]!, period: { shown: 'secondary' } }],
        period_total: { shown: 'count', value: 20 },
      },
    ],
  };

  test('send the contract names and arguments; a cancelled save is null', async () => {
    let saved: unknown = { path: '/home/maja/s.csv' };
    const calls = fakeShell((cmd) => (cmd === 'statistics' ? document : saved));
    expect(await ipc.statistics(query)).toEqual(document);
    expect(await ipc.exportStatistics({ ...query, periodTotal: true }, 'csv')).toEqual({ path: '/home/maja/s.csv' });
    saved = null;
    expect(await ipc.exportStatistics(query, 'xlsx')).toBeNull();
    expect(calls).toEqual([
      { cmd: 'statistics', args: { from: '2026-01', to: '2026-02', periodTotal: false, k: 5, language: 'sv' } },
      {
        cmd: 'export_statistics',
        args: { from: '2026-01', to: '2026-02', periodTotal: true, k: 5, language: 'sv', format: 'csv' },
      },
      {
        cmd: 'export_statistics',
        args: { from: '2026-01', to: '2026-02', periodTotal: false, k: 5, language: 'sv', format: 'xlsx' },
      },
    ]);
  });

  test('a document with the period column, and "withheld" values, is accepted', async () => {
    fakeShell(() => withPeriod);
    expect(await ipc.statistics({ ...query, periodTotal: true })).toEqual(withPeriod);
  });

  test('replies that break the contract are rejected whole', async () => {
    const table = document.tables[0]!;
    const row = table.rows[0]!;
    const periodTable = withPeriod.tables[0]!;
    const broken: unknown[] = [
      null,
      { ...document, format: 'other-statistics' },
      { ...document, version: 1 },
      { ...document, version: undefined },
      { ...document, months: ['2026-1', '2026-02'] },
      { ...document, months: ['2026-13', '2026-02'] },
      { ...document, months: ['2026-02', '2026-01'] },
      { ...document, months: [], tables: [], call_time: [] },
      { ...document, language: 'fr' },
      { ...document, disclosure_control: { ...document.disclosure_control, k: 0 } },
      { ...document, disclosure_control: { ...document.disclosure_control, rules: [7] } },
      { ...document, disclosure_control: { k: 5, rules: [] } }, // version 1: no symbols
      { ...document, disclosure_control: { ...document.disclosure_control, symbols: { below_threshold: '<5', secondary: 'x' } } },
      { ...document, tables: [{ ...table, unit: 'people' }] },
      { ...document, tables: [{ ...table, id: 'bad id"' }] },
      { ...document, tables: [{ ...table, totals: [{ shown: 'count', value: 14 }] }] }, // one month short
      { ...document, tables: [{ ...table, totals: [{ shown: 'count', value: -1 }, below] }] },
      { ...document, tables: [{ ...table, totals: [{ shown: 'count', value: 2.5 }, below] }] },
      { ...document, tables: [{ ...table, totals: [{ shown: 'count' }, below] }] },
      { ...document, tables: [{ ...table, totals: [{ shown: 'raw', value: 2 }, below] }] },
      { ...document, tables: [{ ...table, totals: [{ shown: 'Withheld' }, below] }] },
      { ...document, tables: [{ ...table, rows: [{ ...row, values: [{ shown: 'hidden' }, below] }] }] },
      { ...document, tables: [{ ...table, rows: [{ category: 'phone', values: [below, below], period: null }] }] },
      // A period column without a period, or a period without its column.
      { ...document, tables: [{ ...table, period_total: below }] },
      { ...document, tables: [{ ...table, rows: [{ ...row, period: withheld }] }] },
      { ...document, tables: [{ ...table, period_total: undefined }] },
      { ...withPeriod, tables: [{ ...periodTable, period_total: null }] },
      { ...withPeriod, tables: [{ ...periodTable, rows: [{ ...row, period: null }] }] },
      { ...withPeriod, tables: [{ ...periodTable, period_total: { shown: 'raw', value: 3 } }] },
      // A period column of the wrong length: over other months than the document's.
      { ...withPeriod, period: { ...withPeriod.period, months: ['2026-01'] } },
      { ...withPeriod, period: { ...withPeriod.period, months: ['2026-01', '2026-02', '2026-03'] } },
      { ...withPeriod, period: { ...withPeriod.period, to: '2026-03' } },
      { ...withPeriod, period: { from: '2026-01', to: '2026-02' } },
      { ...withPeriod, tables: [{ ...periodTable, rows: [{ ...row, period: [withheld, withheld] }] }] },
      // A period over a single month does not exist.
      {
        ...withPeriod,
        months: ['2026-01'],
        period: { from: '2026-01', to: '2026-01', months: ['2026-01'] },
        tables: [{ ...periodTable, rows: [{ ...row, values: [below] }], totals: [below] }],
        call_time: [document.call_time[0]],
      },
      { ...document, call_time: [{ ...document.call_time[0], total_minutes: -3 }, document.call_time[1]] },
      { ...document, call_time: [{ ...document.call_time[0], month: 'January' }, document.call_time[1]] },
      { ...document, call_time: [document.call_time[0]] },
      { ...document, call_time: [{ ...document.call_time[0], calls_timed: { shown: 'unknown' } }, document.call_time[1]] },
      { ...document, call_time: null },
    ];
    for (const reply of broken) {
      fakeShell(() => reply);
      await expect(ipc.statistics(query), JSON.stringify(reply)).rejects.toMatchObject({ code: 'unknown' });
    }
    for (const reply of [{}, { path: '' }, { path: 7 }, 'C:\\stats.csv', undefined]) {
      fakeShell(() => reply);
      await expect(ipc.exportStatistics(query, 'json'), JSON.stringify(reply)).rejects.toMatchObject({ code: 'unknown' });
    }
  });

  test('extra fields do not travel on', async () => {
    fakeShell(() => ({
      ...withPeriod,
      raw_counts: [3, 1],
      period: { ...withPeriod.period, raw: 4 },
      disclosure_control: { ...document.disclosure_control, symbols: { ...document.disclosure_control.symbols, raw: '3' } },
      tables: [{ ...withPeriod.tables[0], rows: [{ ...withPeriod.tables[0]!.rows[0], raw: 2 }] }],
      call_time: document.call_time.map((entry) => ({ ...entry, case_numbers: ['4821 0937 552'] })),
    }));
    expect(await ipc.statistics(query)).toEqual(withPeriod);
  });

  test('export_failed and the codes of publishing are known', () => {
    for (const code of ['export_failed', 'month_not_ended', 'month_has_open_call', 'threshold_fixed', 'month_published']) {
      expect(toIpcError(shellError(code)).code).toBe(code);
    }
  });
});
