// The safety screen (supervisors only): backups and their checks, checking the store, the
// retention period, forgetting a case, and the audit trail; and what the retention period did
// at sign-in.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatCount } from './format';
import { LANGUAGES, t } from './i18n';
import type { AuditEntry, VerifyResult } from './ipc';
import * as ipc from './ipc';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as unlockIds } from './screens/unlock';
import { AUDIT_PAGE, ids as safetyIds } from './screens/safety';
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
  byId(navIds.place('safety')).click();
  await advance();
  return calls;
}

function damagedReport(): VerifyResult {
  return {
    sound: false,
    sealedValuesChecked: 40,
    fileProblems: [],
    schemaChanges: [],
    damaged: [
      { table: 'calls', column: 'notes', row: '8123456789012345678' },
      { table: 'cases', column: 'wrapped_key', row: '-4' },
    ],
    newerFormat: [],
  };
}

describe('who sees it', () => {
  test('a volunteer has no safety screen; the shell refuses its commands anyway', async () => {
    const calls = await open(store({ role: 'volunteer' }));
    expect(document.getElementById(navIds.place('safety'))).toBeNull();
    expect(commands(calls)).not.toContain('take_backup');
  });

  test('a supervisor opens it from the menu, with every part', async () => {
    await safety();
    expect(plain(textOf(navIds.place('safety')))).toBe('Safety');
    expect(byId(navIds.place('safety')).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(byId(safetyIds.title));
    for (const id of [safetyIds.part('backup'), safetyIds.part('check'), safetyIds.part('retention'), safetyIds.part('forget'), safetyIds.part('audit')]) {
      expect(document.getElementById(id), id).not.toBeNull();
    }
    for (const control of document.querySelectorAll(`#${safetyIds.screen} input`)) {
      expect(document.querySelector(`label[for="${control.id}"]`)?.textContent, control.id).toBeTruthy();
    }
  });
});

describe('backups', () => {
  test('the shell asks where to save; the screen shows where it went', async () => {
    const calls = await safety();
    byId(safetyIds.backupTake).click();
    await advance();
    expect(sent(calls, 'take_backup')).toEqual([{}]);
    expect(plain(textOf(safetyIds.backupStatus))).toBe(`Backup saved to ${BACKUP_PATH}`);
    expect(byId(safetyIds.backupStatus).dataset.state).toBe('saved');
    expect(byId(safetyIds.backupStatus).querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(errorShown()).toBe('');
    expect(document.activeElement).toBe(byId(safetyIds.backupTake));
  });

  test('a cancelled dialog is not an error', async () => {
    await safety(supervisor(), { take_backup: () => null });
    byId(safetyIds.backupTake).click();
    await advance();
    expect(plain(textOf(safetyIds.backupStatus))).toBe('No backup was taken: the save was cancelled.');
    expect(errorShown()).toBe('');
  });

  test('a failed backup says so in the chosen language', async () => {
    await safety(supervisor(), { take_backup: () => Promise.reject(shellError('backup_failed')) });
    byId(safetyIds.backupTake).click();
    await advance();
    expect(plain(textOf(safetyIds.backupStatus))).toBe('The backup was not taken.');
    expect(errorShown()).toBe(
      'The backup could not be written. Check that the folder exists, that you may save there and that the disk is not full.',
    );
    chooseLanguage('sv');
    expect(plain(textOf(safetyIds.backupStatus))).toBe('Säkerhetskopian togs inte.');
    chooseLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(plain(textOf(safetyIds.backupStatus))).toBe('لم تُؤخذ النسخة الاحتياطية.');
  });

  test('the buttons wait while the shell works', async () => {
    const answer = deferred();
    const calls = await safety(supervisor(), { take_backup: () => answer.promise });
    byId(safetyIds.backupTake).click();
    await advance();
    expect(byId<HTMLButtonElement>(safetyIds.backupTake).disabled).toBe(true);
    byId(safetyIds.verifyStore).click();
    await advance();
    expect(commands(calls)).not.toContain('verify_store');
    answer.resolve({ path: BACKUP_PATH });
    await advance();
    expect(byId<HTMLButtonElement>(safetyIds.backupTake).disabled).toBe(false);
  });
});

describe('checking', () => {
  test('a sound store says how much was checked', async () => {
    await safety();
    byId(safetyIds.verifyStore).click();
    await advance();
    expect(byId(safetyIds.storeReport).dataset.sound).toBe('yes');
    expect(plain(textOf(safetyIds.storeReport))).toBe('The store is sound: 42 encrypted values were opened and checked.');
  });

  test('damage is listed in plain words, with each record', async () => {
    await safety(supervisor(), { verify_store: () => damagedReport() });
    byId(safetyIds.verifyStore).click();
    await advance();
    const report = byId(safetyIds.storeReport);
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
    expect(byId(safetyIds.storeReport).querySelector('.damaged-place td')?.textContent).toBe('Ett samtals anteckningar');
  });

  test('records from a newer release are told apart from damage', async () => {
    await safety(supervisor(), {
      verify_store: () => ({
        sound: false,
        sealedValuesChecked: 9,
        fileProblems: [],
        damaged: [],
        newerFormat: [{ table: 'cases', column: 'summary', row: '77' }],
        schemaChanges: [],
      }),
    });
    byId(safetyIds.verifyStore).click();
    await advance();
    const text = plain(textOf(safetyIds.storeReport));
    expect(text).toContain('One record was written by a newer version of Helpline. Nothing is damaged: update the app to read it.');
    expect(text).not.toContain('Damage found');
    expect(text).not.toContain('earlier backups');
  });

  test('a file changed outside the app lists what was added to it', async () => {
    await safety(supervisor(), {
      verify_store: () => ({ sound: false, sealedValuesChecked: 9, fileProblems: [], damaged: [], newerFormat: [], schemaChanges: ['trigger "keep" that Helpline never made'] }),
    });
    byId(safetyIds.verifyStore).click();
    await advance();
    const text = plain(textOf(safetyIds.storeReport));
    expect(text).toContain('someone changed it outside the app');
    expect(text).toContain('trigger "keep" that Helpline never made');
  });

  test("a file SQLite cannot read whole shows SQLite's own words", async () => {
    await safety(supervisor(), {
      verify_store: () => ({ sound: false, sealedValuesChecked: 0, fileProblems: ['*** in database main ***', 'Page 7: btreeInitPage() returns error code 11'], damaged: [], newerFormat: [], schemaChanges: [] }),
    });
    byId(safetyIds.verifyStore).click();
    await advance();
    const text = textOf(safetyIds.storeReport);
    expect(text).toContain('The store file itself is damaged.');
    expect(text).toContain('Page 7: btreeInitPage() returns error code 11');
  });

  test('every damaged place has its own words in every language', () => {
    const places = ['users-role', 'settings-value', 'cases-wrapped_key', 'cases-number', 'cases-summary', 'calls-details', 'calls-notes', 'call_drafts-details', 'call_drafts-notes', 'key_slots-user_id', 'cases-number_index', 'calls-month'];
    for (const language of LANGUAGES) {
      const texts = new Set(places.map((place) => t('verify-place', { place }, language)));
      expect(texts.size, language).toBe(places.length);
      expect(texts.has(t('verify-place', { place: 'audit_trail-entry' }, language)), language).toBe(false);
    }
  });

  test('a backup file is checked with the supervisor passphrase, which is not kept on screen', async () => {
    const calls = await safety();
    type(safetyIds.verifyBackupPassphrase, 'not it');
    submit(safetyIds.verifyBackupSubmit);
    await advance();
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
    expect(input(safetyIds.verifyBackupPassphrase).value).toBe('');
    expect(document.activeElement).toBe(input(safetyIds.verifyBackupPassphrase));
    expect(document.getElementById(safetyIds.verifyBackupResult)).toBeNull();

    type(safetyIds.verifyBackupPassphrase, BACKUP_PASSPHRASE);
    submit(safetyIds.verifyBackupSubmit);
    await advance();
    expect(sent(calls, 'verify_backup').at(-1)).toEqual({ passphrase: BACKUP_PASSPHRASE });
    expect(errorShown()).toBe('');
    const result = byId(safetyIds.verifyBackupResult);
    expect(plain(result.textContent ?? '')).toContain(`Checked ${BACKUP_PATH}:`);
    expect(result.textContent).toContain('The store is sound');
    expect(input(safetyIds.verifyBackupPassphrase).value).toBe('');
  });

  test('a cancelled choice checks nothing; a stranger file is named as such', async () => {
    let reply: () => unknown = () => null;
    await safety(supervisor(), { verify_backup: () => reply() });
    type(safetyIds.verifyBackupPassphrase, BACKUP_PASSPHRASE);
    submit(safetyIds.verifyBackupSubmit);
    await advance();
    expect(plain(textOf(safetyIds.verifyBackupStatus))).toBe('Nothing was checked: no file was chosen.');
    expect(errorShown()).toBe('');

    for (const [code, message] of [
      ['not_a_backup', 'That file is not a Helpline backup, or its beginning is damaged.'],
      ['backup_damaged', 'The backup is damaged: its contents do not open. Use another backup.'],
    ]) {
      reply = () => Promise.reject(shellError(code!));
      type(safetyIds.verifyBackupPassphrase, BACKUP_PASSPHRASE);
      submit(safetyIds.verifyBackupSubmit);
      await advance();
      expect(errorShown()).toBe(message);
      expect(plain(textOf(safetyIds.verifyBackupStatus))).toBe('The backup file could not be checked.');
    }
  });
});

describe('forgetting a case', () => {
  function withCase(): FakeStore {
    const fake = supervisor();
    addCase(fake, NUMBER, [callView(), callView({ startedAt: '2026-02-01T09:00:00Z' })]);
    return fake;
  }

  test('names the backups that still hold the case, so they can be destroyed', async () => {
    await safety(withCase(), { forget_case: () => ({ backupsHoldingIt: ['2026-02-03T10:00:00Z', '2026-02-10T10:00:00Z'] }) });
    type(safetyIds.forgetNumber, NUMBER);
    submit(safetyIds.forgetSubmit);
    await advance();
    byId(safetyIds.forgetYes).click();
    await advance();
    const backups = plain(textOf(safetyIds.forgetBackups));
    expect(backups).toContain('2 backups taken since this case began still hold it.');
    expect(document.querySelectorAll(`#${safetyIds.forgetBackups} li`)).toHaveLength(2);
  });

  test('finds the case, asks, then forgets it for good; the lookup no longer finds it', async () => {
    const calls = await safety(withCase());
    type(safetyIds.forgetNumber, '٤٨٢١-٠٩٣٧-٥٥٢');
    submit(safetyIds.forgetSubmit);
    await advance();
    expect(commands(calls)).not.toContain('forget_case');
    // Asking which case is not opening it: its summary only, no history, no audit entry.
    expect(commands(calls)).toContain('case_overview');
    expect(commands(calls)).not.toContain('find_case');
    const question = byId(safetyIds.forgetConfirm);
    expect(plain(question.textContent ?? '')).toContain(
      `Forget case ${NUMBER} and its 2 calls for good? This cannot be undone: nobody will be able to open it again.`,
    );
    expect(question.querySelector('bdi.case-number')?.getAttribute('dir')).toBe('ltr');
    expect(document.activeElement).toBe(byId(safetyIds.forgetCancel));

    byId(safetyIds.forgetCancel).click();
    await advance();
    expect(document.getElementById(safetyIds.forgetConfirm)).toBeNull();
    expect(commands(calls)).not.toContain('forget_case');

    submit(safetyIds.forgetSubmit);
    await advance();
    byId(safetyIds.forgetYes).click();
    await advance();
    expect(sent(calls, 'forget_case')).toEqual([{ caseNumber: NUMBER }]);
    expect(plain(textOf(safetyIds.forgetNotice))).toBe(`Case ${NUMBER} was forgotten. It is gone from this computer.`);
    expect(input(safetyIds.forgetNumber).value).toBe('');

    byId(navIds.place('home')).click();
    await advance();
    type(homeIds.lookupNumber, NUMBER);
    submit(homeIds.lookupSubmit);
    await advance();
    expect(errorShown()).toBe('No case has that number — check it with the caller.');
  });

  test('an empty, mistyped or unknown number is refused before anything is forgotten', async () => {
    const calls = await safety(withCase());
    submit(safetyIds.forgetSubmit);
    await advance();
    expect(errorShown()).toBe('Type the case number the caller gives you.');
    type(safetyIds.forgetNumber, BAD_CHECK);
    submit(safetyIds.forgetSubmit);
    await advance();
    expect(errorShown()).toBe('That number is not valid — check it with the caller.');
    expect(document.activeElement).toBe(input(safetyIds.forgetNumber));
    type(safetyIds.forgetNumber, '1234 5678 903');
    submit(safetyIds.forgetSubmit);
    await advance();
    expect(errorShown()).toBe('No case has that number — check it with the caller.');
    expect(document.getElementById(safetyIds.forgetConfirm)).toBeNull();
    expect(commands(calls)).not.toContain('forget_case');
  });

  test('the question reads right to left in Arabic, the number still left to right', async () => {
    await safety(withCase());
    type(safetyIds.forgetNumber, NUMBER);
    submit(safetyIds.forgetSubmit);
    await advance();
    chooseLanguage('ar');
    const question = byId(safetyIds.forgetQuestion);
    expect(plain(question.textContent ?? '')).toContain('لا يمكن التراجع عن ذلك');
    expect(question.querySelector('bdi.case-number')?.textContent).toBe(NUMBER);
    expect(plain(textOf(safetyIds.forgetYes))).toBe('نعم، امحُها نهائيًا');
  });
});

describe('the retention period', () => {
  test('a first period destroys cases, so it asks first and says what it did', async () => {
    const fake = supervisor({ expireOnSave: 3 });
    const calls = await safety(fake);
    expect(plain(textOf(safetyIds.retentionCurrent))).toBe('Now: case content is kept until a supervisor forgets the case.');
    expect(input(safetyIds.retentionMode('forever')).checked).toBe(true);
    expect(input(safetyIds.retentionMonths).disabled).toBe(true);

    byId(safetyIds.retentionMode('limited')).click();
    await advance();
    expect(input(safetyIds.retentionMonths).disabled).toBe(false);
    type(safetyIds.retentionMonths, '24');
    submit(safetyIds.retentionSubmit);
    await advance();
    expect(commands(calls)).not.toContain('set_retention_months');
    expect(plain(textOf(safetyIds.retentionQuestion))).toBe(
      'Destroy every case whose last call was more than 24 months ago? They are deleted from this computer for good, now and at every sign-in from now on. This cannot be undone.',
    );
    byId(safetyIds.retentionCancel).click();
    await advance();
    expect(document.getElementById(safetyIds.retentionConfirm)).toBeNull();
    expect(commands(calls)).not.toContain('set_retention_months');

    submit(safetyIds.retentionSubmit);
    await advance();
    byId(safetyIds.retentionYes).click();
    await advance();
    expect(sent(calls, 'set_retention_months')).toEqual([{ months: 24 }]);
    expect(plain(textOf(safetyIds.retentionNotice))).toBe('Saved. 3 cases were destroyed for good.');
    expect(plain(textOf(safetyIds.retentionCurrent))).toBe("Now: case content is kept for 24 months after the case's last call.");
  });

  test('a longer period, or until forgotten, destroys nothing new and needs no yes', async () => {
    const fake = supervisor();
    fake.settings.retentionMonths = 12;
    const calls = await safety(fake);
    expect(input(safetyIds.retentionMode('limited')).checked).toBe(true);
    expect(input(safetyIds.retentionMonths).value).toBe('12');
    type(safetyIds.retentionMonths, '٣٦'); // Arabic-Indic digits
    submit(safetyIds.retentionSubmit);
    await advance();
    expect(document.getElementById(safetyIds.retentionConfirm)).toBeNull();
    expect(sent(calls, 'set_retention_months')).toEqual([{ months: 36 }]);
    expect(plain(textOf(safetyIds.retentionNotice))).toBe('Saved. No case was old enough to be destroyed.');

    byId(safetyIds.retentionMode('forever')).click();
    await advance();
    submit(safetyIds.retentionSubmit);
    await advance();
    expect(sent(calls, 'set_retention_months').at(-1)).toEqual({ months: null });

    byId(safetyIds.retentionMode('limited')).click();
    await advance();
    type(safetyIds.retentionMonths, '6');
    submit(safetyIds.retentionSubmit);
    await advance();
    expect(document.getElementById(safetyIds.retentionConfirm)).not.toBeNull();
  });

  test('months outside 1 to 120 are refused before anything is sent', async () => {
    const calls = await safety();
    byId(safetyIds.retentionMode('limited')).click();
    await advance();
    for (const bad of ['0', '121', 'two', '']) {
      type(safetyIds.retentionMonths, bad);
      submit(safetyIds.retentionSubmit);
      await advance();
      // The core's limit, from the generated contract, in the core's words for it.
      expect(plain(errorShown()), bad).toBe('Choose a whole number from 1 to 120.');
      expect(document.activeElement).toBe(input(safetyIds.retentionMonths));
    }
    expect(commands(calls)).not.toContain('set_retention_months');
  });

  test('in Swedish and Arabic the question counts months in their own words', async () => {
    await safety();
    byId(safetyIds.retentionMode('limited')).click();
    await advance();
    type(safetyIds.retentionMonths, '3');
    submit(safetyIds.retentionSubmit);
    await advance();
    chooseLanguage('sv');
    expect(plain(textOf(safetyIds.retentionQuestion))).toContain('för mer än 3 månader sedan?');
    chooseLanguage('ar');
    expect(plain(textOf(safetyIds.retentionQuestion))).toContain('أشهر؟');
    expect(plain(textOf(safetyIds.retentionQuestion))).toContain('لا يمكن التراجع عن ذلك.');
  });

  test('a supervisor is told what the period destroyed at sign-in; a volunteer is not', async () => {
    const fake = supervisor({ state: 'locked', expireAtSignIn: 2 });
    await open(fake);
    type(unlockIds.user, 'Maja');
    type(unlockIds.passphrase, 'a long enough passphrase');
    submit(unlockIds.submit);
    await advance();
    expect(plain(textOf(homeIds.retentionExpired))).toBe(
      '2 cases were destroyed for good: their time under the retention period was up.',
    );
    byId(navIds.place('cases')).click();
    await advance();
    byId(navIds.place('home')).click();
    await advance();
    expect(document.getElementById(homeIds.retentionExpired)).toBeNull();

    const volunteer = store({ state: 'locked', expireAtSignIn: 2 });
    await open(volunteer);
    type(unlockIds.user, 'Ahmad');
    type(unlockIds.passphrase, 'a long enough passphrase');
    submit(unlockIds.submit);
    await advance();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    expect(document.getElementById(homeIds.retentionExpired)).toBeNull();
  });

  test('a retention run that failed at sign-in is shown to a supervisor', async () => {
    const fake = supervisor({ state: 'locked' });
    await open(fake, {
      unlock: () => {
        fake.state = 'unlocked';
        return { user: 'Maja', role: 'supervisor', casesExpired: 0, retentionFailed: true };
      },
    });
    type(unlockIds.user, 'Maja');
    type(unlockIds.passphrase, 'a long enough passphrase');
    submit(unlockIds.submit);
    await advance();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
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
      { kind: 'sign_in_failed', name: 'omar', reason: 'wrong_passphrase', attemptedAt: '2026-03-14T08:26:53Z' },
      { kind: 'sign_in_failed', name: '', reason: 'unknown_user', attemptedAt: '2026-03-14T08:27:10Z' },
      { kind: 'sign_in_reports_damaged', unreadable: 2, keyReplaced: true },
    ];
    for (const action of actions) audited(fake, action);
  }

  test('every kind of entry reads as a sentence, newest first', async () => {
    const fake = supervisor();
    everyKind(fake);
    const calls = await safety(fake);
    expect(commands(calls)).not.toContain('audit_trail');
    byId(safetyIds.auditShow).click();
    await advance();
    const rows = [...document.querySelectorAll(`#${safetyIds.auditTable} .audit-entry`)];
    expect(rows.map((row) => row.getAttribute('data-seq'))).toEqual(['15', '14', '13', '12', '11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
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
      'Someone tried to sign in as omar with a wrong passphrase (14 Mar 2026, 08:26).',
      'Someone tried to sign in with a name this store does not have (14 Mar 2026, 08:27).',
      'The key that failed sign-ins are sealed to had been replaced in the file, and 2 reports could not be read. Someone has edited the store.',
    ]);
    expect(rows[0]!.querySelectorAll('td')[2]?.textContent).toBe('Maja');
    expect(plain(textOf(safetyIds.auditCount))).toBe('Showing the newest 15 of 15 entries.');

    chooseLanguage('ar');
    const arabic = [...document.querySelectorAll(`#${safetyIds.auditTable} .audit-what`)].map((cell) => plain(cell.textContent ?? ''));
    expect(arabic.at(-1)).toBe('سجّل الدخول.');
    expect(arabic[3]).toBe('غيّر مدة الاحتفاظ بمحتوى الحالات.');
    chooseLanguage('sv');
    expect(plain(document.querySelectorAll(`#${safetyIds.auditTable} .audit-what`)[3]?.textContent ?? '')).toBe(
      'Ändrade hur länge ärendens innehåll sparas.',
    );
  });

  test('a long trail shows a page at a time', async () => {
    const fake = supervisor();
    for (let i = 0; i < 120; i++) audited(fake, { kind: 'signed_in' });
    await safety(fake);
    byId(safetyIds.auditShow).click();
    await advance();
    expect(document.querySelectorAll('.audit-entry').length).toBe(AUDIT_PAGE);
    byId(safetyIds.auditMore).click();
    await advance();
    expect(document.querySelectorAll('.audit-entry').length).toBe(AUDIT_PAGE * 2);
    byId(safetyIds.auditMore).click();
    await advance();
    expect(document.querySelectorAll('.audit-entry').length).toBe(120);
    expect(document.getElementById(safetyIds.auditMore)).toBeNull();
    expect(plain(textOf(safetyIds.auditCount))).toBe(`Showing the newest ${formatCount(120)} of ${formatCount(120)} entries.`);
  });

  test('verifying says whole, with the fingerprint to note down', async () => {
    const fake = supervisor();
    everyKind(fake);
    await safety(fake);
    byId(safetyIds.auditVerify).click();
    await advance();
    expect(byId(safetyIds.auditCheck).dataset.sound).toBe('yes');
    expect(plain(byId(safetyIds.auditCheck).textContent ?? '')).toContain('The trail is whole: 15 entries checked, none altered or removed.');
    expect(plain(textOf(safetyIds.auditFingerprint))).toBe(`Fingerprint of the trail: ${FINGERPRINT}`);
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
    byId(safetyIds.auditVerify).click();
    await advance();
    expect(byId(safetyIds.auditCheck).dataset.sound).toBe('no');
    const problems = [...document.querySelectorAll(`#${safetyIds.auditProblems} li`)].map((item) => plain(item.textContent ?? ''));
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
      [() => ipc.verifyStore(), { sound: true, sealedValuesChecked: 1, fileProblems: [], damaged: [{ table: 'calls', column: 'notes', row: 81234 }], newerFormat: [] }],
      [() => ipc.verifyStore(), { sound: 'yes', sealedValuesChecked: 1, fileProblems: [], damaged: [], newerFormat: [] }],
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
        case 'forget_case':
          return { backupsHoldingIt: [] };
        case 'replace_recovery_code':
          return { recoveryCode: 'TWOX-QIKA-4V3E-HJTI-234W-KY7E-67GM-PYZV' };
        default:
          return null;
      }
    });
    await ipc.setRetentionMonths(null);
    await ipc.forgetCase('4821 0937 552');
    await ipc.replaceRecoveryCode('my passphrase');
    await ipc.resetPassphrase('Ahmad', 'a new passphrase');
    await ipc.recover('Maja', 'K7QF', 'a new passphrase');
    await ipc.restoreBackup('Maja', 'pass', null);
    expect(await ipc.chooseRestoreFile()).toBeNull();
    expect(calls).toEqual([
      { cmd: 'set_retention_months', args: { months: null } },
      { cmd: 'forget_case', args: { caseNumber: '4821 0937 552' } },
      { cmd: 'replace_recovery_code', args: { passphrase: 'my passphrase' } },
      { cmd: 'reset_passphrase', args: { userName: 'Ahmad', passphrase: 'a new passphrase' } },
      { cmd: 'recover', args: { userName: 'Maja', recoveryCode: 'K7QF', newPassphrase: 'a new passphrase' } },
      { cmd: 'restore_backup', args: { userName: 'Maja', passphrase: 'pass', recoveryCode: null } },
      { cmd: 'choose_restore_file', args: {} },
    ]);
  });
});
