// The safety screen (supervisors only): backups and their checks, checking the store, the
// retention period, forgetting a case, and the audit trail; and what the retention period did
// at sign-in.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatCount } from './format';
import { LANGUAGES, t } from './i18n';
import type { AuditEntry, VerifyResult } from './ipc';
import * as ipc from './ipc';
import { AUDIT_PAGE } from './screens/safety';
import {
  advance,
  byId,
  chooseLanguage,
  errorShown,
  fakeShell,
  input,
  plain,
  reset,
  shellError,
  submit,
  textOf,
  type,
} from './test-support';
import {
  BACKUP_PASSPHRASE,
  BACKUP_PATH,
  BAD_CHECK,
  FINGERPRINT,
  NUMBER,
  STARTED_AT,
  addCase,
  audited,
  callView,
  commands,
  deferred,
  open,
  sent,
  store,
  type FakeStore,
  type Overrides,
} from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) });
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});

function supervisor(overrides: Partial<FakeStore> = {}): FakeStore {
  return store({ role: 'supervisor', ...overrides });
}

async function safety(fake: FakeStore = supervisor(), overrides: Overrides = {}) {
  const calls = await open(fake, overrides);
  byId('nav-safety').click();
  await advance();
  return calls;
}

function damagedReport(): VerifyResult {
  return {
    sound: false,
    sealedValuesChecked: 40,
    fileProblems: [],
    damaged: [
      { table: 'calls', column: 'notes', row: '8123456789012345678' },
      { table: 'cases', column: 'wrapped_key', row: '-4' },
    ],
  };
}

describe('who sees it', () => {
  test('a volunteer has no safety screen; the shell refuses its commands anyway', async () => {
    const calls = await open(store({ role: 'volunteer' }));
    expect(document.getElementById('nav-safety')).toBeNull();
    expect(commands(calls)).not.toContain('take_backup');
  });

  test('a supervisor opens it from the menu, with every part', async () => {
    await safety();
    expect(plain(textOf('nav-safety'))).toBe('Safety');
    expect(byId('nav-safety').getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(byId('safety-title'));
    for (const id of ['safety-backup', 'safety-check', 'safety-retention', 'safety-forget', 'safety-audit']) {
      expect(document.getElementById(id), id).not.toBeNull();
    }
    for (const control of document.querySelectorAll('#safety input')) {
      expect(document.querySelector(`label[for="${control.id}"]`)?.textContent, control.id).toBeTruthy();
    }
  });
});

describe('backups', () => {
  test('the shell asks where to save; the screen shows where it went', async () => {
    const calls = await safety();
    byId('backup-take').click();
    await advance();
    expect(sent(calls, 'take_backup')).toEqual([{}]);
    expect(plain(textOf('backup-status'))).toBe(`Backup saved to ${BACKUP_PATH}`);
    expect(byId('backup-status').dataset.state).toBe('saved');
    expect(byId('backup-status').querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(errorShown()).toBe('');
    expect(document.activeElement).toBe(byId('backup-take'));
  });

  test('a cancelled dialog is not an error', async () => {
    await safety(supervisor(), { take_backup: () => null });
    byId('backup-take').click();
    await advance();
    expect(plain(textOf('backup-status'))).toBe('No backup was taken: the save was cancelled.');
    expect(errorShown()).toBe('');
  });

  test('a failed backup says so in the chosen language', async () => {
    await safety(supervisor(), { take_backup: () => Promise.reject(shellError('backup_failed')) });
    byId('backup-take').click();
    await advance();
    expect(plain(textOf('backup-status'))).toBe('The backup was not taken.');
    expect(errorShown()).toBe(
      'The backup could not be written. Check that the folder exists, that you may save there and that the disk is not full.',
    );
    chooseLanguage('sv');
    expect(plain(textOf('backup-status'))).toBe('Säkerhetskopian togs inte.');
    chooseLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(plain(textOf('backup-status'))).toBe('لم تُؤخذ النسخة الاحتياطية.');
  });

  test('the buttons wait while the shell works', async () => {
    const answer = deferred();
    const calls = await safety(supervisor(), { take_backup: () => answer.promise });
    byId('backup-take').click();
    await advance();
    expect(byId<HTMLButtonElement>('backup-take').disabled).toBe(true);
    byId('verify-store').click();
    await advance();
    expect(commands(calls)).not.toContain('verify_store');
    answer.resolve({ path: BACKUP_PATH });
    await advance();
    expect(byId<HTMLButtonElement>('backup-take').disabled).toBe(false);
  });
});

describe('checking', () => {
  test('a sound store says how much was checked', async () => {
    await safety();
    byId('verify-store').click();
    await advance();
    expect(byId('verify-result').dataset.sound).toBe('yes');
    expect(plain(textOf('verify-result'))).toBe('The store is sound: 42 encrypted values were opened and checked.');
  });

  test('damage is listed in plain words, with each record', async () => {
    await safety(supervisor(), { verify_store: () => damagedReport() });
    byId('verify-store').click();
    await advance();
    const report = byId('verify-result');
    expect(report.dataset.sound).toBe('no');
    expect(plain(report.textContent ?? '')).toContain('Damage found: 2 records do not open.');
    const rows = [...report.querySelectorAll('.damaged-place')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["A call's notes", '8123456789012345678'],
      ["A case's key (nothing of that case opens)", '-4'],
    ]);
    chooseLanguage('sv');
    expect(byId('verify-result').querySelector('.damaged-place td')?.textContent).toBe('Ett samtals anteckningar');
  });

  test("a file SQLite cannot read whole shows SQLite's own words", async () => {
    await safety(supervisor(), {
      verify_store: () => ({ sound: false, sealedValuesChecked: 0, fileProblems: ['*** in database main ***', 'Page 7: btreeInitPage() returns error code 11'], damaged: [] }),
    });
    byId('verify-store').click();
    await advance();
    const text = textOf('verify-result');
    expect(text).toContain('The store file itself is damaged.');
    expect(text).toContain('Page 7: btreeInitPage() returns error code 11');
  });

  test('every damaged place has its own words in every language', () => {
    const places = ['users-role', 'settings-value', 'cases-wrapped_key', 'cases-number', 'cases-summary', 'calls-details', 'calls-notes', 'call_drafts-details', 'call_drafts-notes'];
    for (const language of LANGUAGES) {
      const texts = new Set(places.map((place) => t('verify-place', { place }, language)));
      expect(texts.size, language).toBe(places.length);
      expect(texts.has(t('verify-place', { place: 'audit_trail-entry' }, language)), language).toBe(false);
    }
  });

  test('a backup file is checked with the supervisor passphrase, which is not kept on screen', async () => {
    const calls = await safety();
    type('verify-backup-passphrase', 'not it');
    submit('verify-backup-submit');
    await advance();
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
    expect(input('verify-backup-passphrase').value).toBe('');
    expect(document.activeElement).toBe(input('verify-backup-passphrase'));
    expect(document.getElementById('verify-backup-result')).toBeNull();

    type('verify-backup-passphrase', BACKUP_PASSPHRASE);
    submit('verify-backup-submit');
    await advance();
    expect(sent(calls, 'verify_backup').at(-1)).toEqual({ passphrase: BACKUP_PASSPHRASE });
    expect(errorShown()).toBe('');
    const result = byId('verify-backup-result');
    expect(plain(result.textContent ?? '')).toContain(`Checked ${BACKUP_PATH}:`);
    expect(result.textContent).toContain('The store is sound');
    expect(input('verify-backup-passphrase').value).toBe('');
  });

  test('a cancelled choice checks nothing; a stranger file is named as such', async () => {
    let reply: () => unknown = () => null;
    await safety(supervisor(), { verify_backup: () => reply() });
    type('verify-backup-passphrase', BACKUP_PASSPHRASE);
    submit('verify-backup-submit');
    await advance();
    expect(plain(textOf('verify-backup-status'))).toBe('Nothing was checked: no file was chosen.');
    expect(errorShown()).toBe('');

    for (const [code, message] of [
      ['not_a_backup', 'That file is not a Helpline backup, or its beginning is damaged.'],
      ['backup_damaged', 'The backup is damaged: its contents do not open. Use another backup.'],
    ]) {
      reply = () => Promise.reject(shellError(code!));
      type('verify-backup-passphrase', BACKUP_PASSPHRASE);
      submit('verify-backup-submit');
      await advance();
      expect(errorShown()).toBe(message);
      expect(plain(textOf('verify-backup-status'))).toBe('The backup file could not be checked.');
    }
  });
});

describe('forgetting a case', () => {
  function withCase(): FakeStore {
    const fake = supervisor();
    addCase(fake, NUMBER, [callView(), callView({ startedAt: '2026-02-01T09:00:00Z' })]);
    return fake;
  }

  test('finds the case, asks, then forgets it for good; the lookup no longer finds it', async () => {
    const calls = await safety(withCase());
    type('forget-number', '٤٨٢١-٠٩٣٧-٥٥٢');
    submit('forget-submit');
    await advance();
    expect(commands(calls)).not.toContain('forget_case');
    const question = byId('forget-confirm');
    expect(plain(question.textContent ?? '')).toContain(
      `Forget case ${NUMBER} and its 2 calls for good? This cannot be undone: nobody will be able to open it again.`,
    );
    expect(question.querySelector('bdi.case-number')?.getAttribute('dir')).toBe('ltr');
    expect(document.activeElement).toBe(byId('forget-cancel'));

    byId('forget-cancel').click();
    await advance();
    expect(document.getElementById('forget-confirm')).toBeNull();
    expect(commands(calls)).not.toContain('forget_case');

    submit('forget-submit');
    await advance();
    byId('forget-confirm-yes').click();
    await advance();
    expect(sent(calls, 'forget_case')).toEqual([{ caseNumber: NUMBER }]);
    expect(plain(textOf('forget-notice'))).toBe(`Case ${NUMBER} was forgotten. It is gone from this computer.`);
    expect(input('forget-number').value).toBe('');

    byId('nav-home').click();
    await advance();
    type('lookup-number', NUMBER);
    submit('lookup-submit');
    await advance();
    expect(errorShown()).toBe('No case has that number — check it with the caller.');
  });

  test('an empty, mistyped or unknown number is refused before anything is forgotten', async () => {
    const calls = await safety(withCase());
    submit('forget-submit');
    await advance();
    expect(errorShown()).toBe('Type the case number the caller gives you.');
    type('forget-number', BAD_CHECK);
    submit('forget-submit');
    await advance();
    expect(errorShown()).toBe('That number is not valid — check it with the caller.');
    expect(document.activeElement).toBe(input('forget-number'));
    type('forget-number', '1234 5678 903');
    submit('forget-submit');
    await advance();
    expect(errorShown()).toBe('No case has that number — check it with the caller.');
    expect(document.getElementById('forget-confirm')).toBeNull();
    expect(commands(calls)).not.toContain('forget_case');
  });

  test('the question reads right to left in Arabic, the number still left to right', async () => {
    await safety(withCase());
    type('forget-number', NUMBER);
    submit('forget-submit');
    await advance();
    chooseLanguage('ar');
    const question = byId('forget-question');
    expect(plain(question.textContent ?? '')).toContain('لا يمكن التراجع عن ذلك');
    expect(question.querySelector('bdi.case-number')?.textContent).toBe(NUMBER);
    expect(plain(textOf('forget-confirm-yes'))).toBe('نعم، امحُها نهائيًا');
  });
});

describe('the retention period', () => {
  test('a first period destroys cases, so it asks first and says what it did', async () => {
    const fake = supervisor({ expireOnSave: 3 });
    const calls = await safety(fake);
    expect(plain(textOf('retention-current'))).toBe('Now: case content is kept until a supervisor forgets the case.');
    expect(input('retention-forever').checked).toBe(true);
    expect(input('retention-months').disabled).toBe(true);

    byId('retention-limited').click();
    await advance();
    expect(input('retention-months').disabled).toBe(false);
    type('retention-months', '24');
    submit('retention-submit');
    await advance();
    expect(commands(calls)).not.toContain('set_retention_months');
    expect(plain(textOf('retention-question'))).toBe(
      'Destroy every case whose last call was more than 24 months ago? They are deleted from this computer for good, now and at every sign-in from now on. This cannot be undone.',
    );
    byId('retention-cancel').click();
    await advance();
    expect(document.getElementById('retention-confirm')).toBeNull();
    expect(commands(calls)).not.toContain('set_retention_months');

    submit('retention-submit');
    await advance();
    byId('retention-confirm-yes').click();
    await advance();
    expect(sent(calls, 'set_retention_months')).toEqual([{ months: 24 }]);
    expect(plain(textOf('retention-notice'))).toBe('Saved. 3 cases were destroyed for good.');
    expect(plain(textOf('retention-current'))).toBe("Now: case content is kept for 24 months after the case's last call.");
  });

  test('a longer period, or until forgotten, destroys nothing new and needs no yes', async () => {
    const fake = supervisor();
    fake.settings.retentionMonths = 12;
    const calls = await safety(fake);
    expect(input('retention-limited').checked).toBe(true);
    expect(input('retention-months').value).toBe('12');
    type('retention-months', '٣٦'); // Arabic-Indic digits
    submit('retention-submit');
    await advance();
    expect(document.getElementById('retention-confirm')).toBeNull();
    expect(sent(calls, 'set_retention_months')).toEqual([{ months: 36 }]);
    expect(plain(textOf('retention-notice'))).toBe('Saved. No case was old enough to be destroyed.');

    byId('retention-forever').click();
    await advance();
    submit('retention-submit');
    await advance();
    expect(sent(calls, 'set_retention_months').at(-1)).toEqual({ months: null });

    byId('retention-limited').click();
    await advance();
    type('retention-months', '6');
    submit('retention-submit');
    await advance();
    expect(document.getElementById('retention-confirm')).not.toBeNull();
  });

  test('months outside 1 to 120 are refused before anything is sent', async () => {
    const calls = await safety();
    byId('retention-limited').click();
    await advance();
    for (const bad of ['0', '121', 'two', '']) {
      type('retention-months', bad);
      submit('retention-submit');
      await advance();
      expect(errorShown(), bad).toBe('Choose a whole number of months from 1 to 120.');
      expect(document.activeElement).toBe(input('retention-months'));
    }
    expect(commands(calls)).not.toContain('set_retention_months');
  });

  test('in Swedish and Arabic the question counts months in their own words', async () => {
    await safety();
    byId('retention-limited').click();
    await advance();
    type('retention-months', '3');
    submit('retention-submit');
    await advance();
    chooseLanguage('sv');
    expect(plain(textOf('retention-question'))).toContain('för mer än 3 månader sedan?');
    chooseLanguage('ar');
    expect(plain(textOf('retention-question'))).toContain('أشهر؟');
    expect(plain(textOf('retention-question'))).toContain('لا يمكن التراجع عن ذلك.');
  });

  test('a supervisor is told what the period destroyed at sign-in; a volunteer is not', async () => {
    const fake = supervisor({ state: 'locked', expireAtSignIn: 2 });
    await open(fake);
    type('unlock-user', 'Maja');
    type('unlock-passphrase', 'a long enough passphrase');
    submit('unlock-submit');
    await advance();
    expect(plain(textOf('retention-expired'))).toBe(
      '2 cases were destroyed for good: their time under the retention period was up.',
    );
    byId('nav-cases').click();
    await advance();
    byId('nav-home').click();
    await advance();
    expect(document.getElementById('retention-expired')).toBeNull();

    const volunteer = store({ state: 'locked', expireAtSignIn: 2 });
    await open(volunteer);
    type('unlock-user', 'Ahmad');
    type('unlock-passphrase', 'a long enough passphrase');
    submit('unlock-submit');
    await advance();
    expect(document.getElementById('home')).not.toBeNull();
    expect(document.getElementById('retention-expired')).toBeNull();
  });

  test('a retention run that failed at sign-in is shown to a supervisor', async () => {
    const fake = supervisor({ state: 'locked' });
    await open(fake, {
      unlock: () => {
        fake.state = 'unlocked';
        return { user: 'Maja', role: 'supervisor', casesExpired: 0, retentionFailed: true };
      },
    });
    type('unlock-user', 'Maja');
    type('unlock-passphrase', 'a long enough passphrase');
    submit('unlock-submit');
    await advance();
    expect(document.getElementById('home')).not.toBeNull();
    expect(errorShown()).toBe(
      'Cases past the retention period could not be destroyed at sign-in; they are still there. Save the period again under Safety to retry.',
    );
  });
});

describe('the audit trail', () => {
  function everyKind(fake: FakeStore): void {
    const actions: AuditEntry['action'][] = [
      { kind: 'signed_in' },
      { kind: 'recovery_code_used' },
      { kind: 'case_opened', case: '1f3a9c07b2d4e6f8' },
      { kind: 'case_forgotten', case: '1f3a9c07b2d4e6f8' },
      { kind: 'cases_expired', cases: 4, retentionMonths: 24 },
      { kind: 'statistics_exported', from: '2026-01', to: '2026-02', format: 'xlsx', k: 5, periodTotal: false },
      { kind: 'backup_taken' },
      { kind: 'user_added', name: 'Sara', role: 'supervisor' },
      { kind: 'user_removed', name: 'Sara' },
      { kind: 'passphrase_changed' },
      { kind: 'passphrase_reset', name: 'Ahmad' },
      { kind: 'settings_changed', setting: 'retention_months' },
    ];
    for (const action of actions) audited(fake, action);
  }

  test('every kind of entry reads as a sentence, newest first', async () => {
    const fake = supervisor();
    everyKind(fake);
    const calls = await safety(fake);
    expect(commands(calls)).not.toContain('audit_trail');
    byId('audit-show').click();
    await advance();
    const rows = [...document.querySelectorAll('#audit-table .audit-entry')];
    expect(rows.map((row) => row.getAttribute('data-seq'))).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
    const what = rows.map((row) => row.querySelector('.audit-what')?.textContent ?? '').map(plain).reverse();
    expect(what).toEqual([
      'Signed in.',
      'Opened the store with the recovery code.',
      'Opened a case (record 1f3a9c07b2d4e6f8).',
      'Forgot a case for good (record 1f3a9c07b2d4e6f8).',
      'The retention period (24 months) destroyed 4 cases.',
      'Exported statistics for 2026-01 to 2026-02 as XLSX (smallest count shown: 5).',
      'Took a backup.',
      'Added Sara as a supervisor.',
      'Removed the user Sara.',
      'Changed their own passphrase.',
      'Gave Ahmad a new passphrase.',
      'Changed how long case content is kept.',
    ]);
    expect(rows[0]!.querySelectorAll('td')[2]?.textContent).toBe('Maja');
    expect(plain(textOf('audit-count'))).toBe('Showing the newest 12 of 12 entries.');

    chooseLanguage('ar');
    const arabic = [...document.querySelectorAll('#audit-table .audit-what')].map((cell) => plain(cell.textContent ?? ''));
    expect(arabic.at(-1)).toBe('سجّل الدخول.');
    expect(arabic[0]).toBe('غيّر مدة الاحتفاظ بمحتوى الحالات.');
    chooseLanguage('sv');
    expect(plain(document.querySelector('#audit-table .audit-what')?.textContent ?? '')).toBe(
      'Ändrade hur länge ärendens innehåll sparas.',
    );
  });

  test('a long trail shows a page at a time', async () => {
    const fake = supervisor();
    for (let i = 0; i < 120; i++) audited(fake, { kind: 'signed_in' });
    await safety(fake);
    byId('audit-show').click();
    await advance();
    expect(document.querySelectorAll('.audit-entry').length).toBe(AUDIT_PAGE);
    byId('audit-more').click();
    await advance();
    expect(document.querySelectorAll('.audit-entry').length).toBe(AUDIT_PAGE * 2);
    byId('audit-more').click();
    await advance();
    expect(document.querySelectorAll('.audit-entry').length).toBe(120);
    expect(document.getElementById('audit-more')).toBeNull();
    expect(plain(textOf('audit-count'))).toBe(`Showing the newest ${formatCount(120)} of ${formatCount(120)} entries.`);
  });

  test('verifying says whole, with the fingerprint to note down', async () => {
    const fake = supervisor();
    everyKind(fake);
    await safety(fake);
    byId('audit-verify').click();
    await advance();
    expect(byId('audit-check').dataset.sound).toBe('yes');
    expect(plain(byId('audit-check').textContent ?? '')).toContain('The trail is whole: 12 entries checked, none altered or removed.');
    expect(plain(textOf('audit-fingerprint'))).toBe(`Fingerprint of the trail: ${FINGERPRINT}`);
  });

  test('each problem is said in plain words', async () => {
    await safety(supervisor(), {
      verify_audit: () => ({
        sound: false,
        entriesChecked: 30,
        headSeq: 33,
        fingerprint: FINGERPRINT,
        problems: [
          { seq: 4, count: 1, problem: 'altered' },
          { seq: 10, count: 3, problem: 'missing' },
          { seq: 31, count: 3, problem: 'tail_removed' },
        ],
      }),
    });
    byId('audit-verify').click();
    await advance();
    expect(byId('audit-check').dataset.sound).toBe('no');
    const problems = [...document.querySelectorAll('#audit-problems li')].map((item) => plain(item.textContent ?? ''));
    expect(problems).toEqual([
      'Entry 4 was altered or does not open.',
      'Entries 10 to 12 are missing.',
      'The last 3 entries (from number 31) were removed.',
    ]);
  });
});

describe('the contract', () => {
  test('replies of the safety commands are checked for shape', async () => {
    const broken: [() => Promise<unknown>, unknown][] = [
      [() => ipc.verifyStore(), { sound: true, sealedValuesChecked: 1, fileProblems: [], damaged: [{ table: 'calls', column: 'notes', row: 81234 }] }],
      [() => ipc.verifyStore(), { sound: 'yes', sealedValuesChecked: 1, fileProblems: [], damaged: [] }],
      [() => ipc.verifyBackup('x'), { path: '/b', report: null }],
      [() => ipc.takeBackup(), { path: '' }],
      [() => ipc.auditTrail(), [{ seq: 1, at: STARTED_AT, user: 'Maja', action: { kind: 'deleted_everything' } }]],
      [() => ipc.auditTrail(), [{ seq: 1, at: STARTED_AT, user: 'Maja', action: { kind: 'case_opened' } }]],
      [() => ipc.verifyAudit(), { sound: true, entriesChecked: 1, headSeq: 1, fingerprint: '<b>', problems: [] }],
      [() => ipc.verifyAudit(), { sound: true, entriesChecked: 1, headSeq: 1, fingerprint: '', problems: [{ seq: 1, count: 1, problem: 'gone' }] }],
      [() => ipc.setRetentionMonths(3), {}],
      [() => ipc.unlock('x', 'y'), { user: 'x', role: 'volunteer' }],
      [() => ipc.recover('x', 'y', 'z'), { user: 'x', role: 'volunteer', casesExpired: -1, retentionFailed: false }],
      [() => ipc.chooseRestoreFile(), { name: 'x' }],
    ];
    for (const [run, reply] of broken) {
      fakeShell(() => reply);
      await expect(run(), JSON.stringify(reply)).rejects.toMatchObject({ code: 'unknown' });
    }
  });

  test('arguments go by their contract names', async () => {
    const calls = fakeShell((cmd) => {
      switch (cmd) {
        case 'set_retention_months':
          return { casesDestroyed: 0 };
        case 'recover':
        case 'restore_backup':
          return { user: 'Maja', role: 'supervisor', casesExpired: 0, retentionFailed: false };
        default:
          return null;
      }
    });
    await ipc.setRetentionMonths(null);
    await ipc.forgetCase('4821 0937 552');
    await ipc.resetPassphrase('Ahmad', 'a new passphrase');
    await ipc.recover('Maja', 'K7QF', 'a new passphrase');
    await ipc.restoreBackup('Maja', 'pass', null);
    expect(await ipc.chooseRestoreFile()).toBeNull();
    expect(calls).toEqual([
      { cmd: 'set_retention_months', args: { months: null } },
      { cmd: 'forget_case', args: { caseNumber: '4821 0937 552' } },
      { cmd: 'reset_passphrase', args: { userName: 'Ahmad', passphrase: 'a new passphrase' } },
      { cmd: 'recover', args: { userName: 'Maja', recoveryCode: 'K7QF', newPassphrase: 'a new passphrase' } },
      { cmd: 'restore_backup', args: { userName: 'Maja', passphrase: 'pass', recoveryCode: null } },
      { cmd: 'choose_restore_file', args: {} },
    ]);
  });
});
