// When every passphrase is forgotten (the recovery code on the unlock screen), and a new
// computer (restoring a backup on the first-run screen). The native file dialog is the Rust
// side's: the UI only ever sees a file's name.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ids as homeIds } from './screens/home';
import { ids as setupIds } from './screens/setup';
import { ids as unlockIds } from './screens/unlock';
import {
  advance,
  byId,
  chooseLanguage,
  errorShown,
  input,
  plain,
  reset,
  shellError,
  submit,
  textOf,
  type,
} from './test-support';
import {
  BACKUP_FILE,
  BACKUP_PASSPHRASE,
  RECOVERY_CODE,
  STARTED_AT,
  commands,
  deferred,
  open,
  sent,
  store,
  type FakeStore,
} from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) });
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});

function fillRecovery(user: string, code: string, passphrase: string, repeat = passphrase): void {
  type(unlockIds.recoverUser, user);
  type(unlockIds.recoverCode, code);
  type(unlockIds.recoverPassphrase, passphrase);
  type(unlockIds.recoverRepeat, repeat);
  submit(unlockIds.recoverSubmit);
}

describe('the recovery code on the unlock screen', () => {
  test('opens the store and gives the user a new passphrase', async () => {
    const calls = await open(store({ state: 'locked', role: 'supervisor' }));
    expect(document.getElementById(unlockIds.recoverForm)).toBeNull();
    byId(unlockIds.useRecovery).click();
    await advance();
    expect(textOf(unlockIds.recoverTitle)).toBe('Use the recovery code');
    expect(document.activeElement).toBe(input(unlockIds.recoverUser));
    expect(input(unlockIds.recoverCode).getAttribute('dir')).toBe('ltr');
    expect(input(unlockIds.recoverCode).getAttribute('autocomplete')).toBe('off');
    for (const control of document.querySelectorAll(`#${unlockIds.recoverForm} input`)) {
      expect(document.querySelector(`label[for="${control.id}"]`)?.textContent, control.id).toBeTruthy();
    }

    // Written down in small letters with spaces: the Rust side reads it all the same.
    fillRecovery('Maja', RECOVERY_CODE.toLowerCase().replace(/-/g, ' '), 'a brand new passphrase');
    await advance();
    expect(sent(calls, 'recover')).toEqual([
      { userName: 'Maja', recoveryCode: RECOVERY_CODE.toLowerCase().replace(/-/g, ' '), newPassphrase: 'a brand new passphrase' },
    ]);
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    expect(commands(calls)).not.toContain('unlock');
  });

  test('the two new passphrases must match before anything is sent', async () => {
    const calls = await open(store({ state: 'locked' }));
    byId(unlockIds.useRecovery).click();
    await advance();
    fillRecovery('Maja', RECOVERY_CODE, 'a brand new passphrase', 'a brand new passphrasE');
    await advance();
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(input(unlockIds.recoverRepeat).value).toBe('');
    expect(document.activeElement).toBe(input(unlockIds.recoverRepeat));
    expect(commands(calls)).not.toContain('recover');
  });

  test('each refusal is translated and puts the focus where the mistake is', async () => {
    await open(store({ state: 'locked' }));
    byId(unlockIds.useRecovery).click();
    await advance();
    const cases: [string, string, string, string, string][] = [
      ['Maja', 'not a code', 'a brand new passphrase', 'That is not a recovery code. It has 32 letters and digits (2–7), in groups of four.', 'recover-code'],
      ['Maja', 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', 'a brand new passphrase', 'The recovery code is wrong. Check it against what was written down.', 'recover-code'],
      ['Nobody', RECOVERY_CODE, 'a brand new passphrase', 'There is no user with that name.', 'recover-user'],
      ['Maja', RECOVERY_CODE, 'short', 'The passphrase is too short. It needs at least 10 characters.', 'recover-passphrase'],
    ];
    for (const [user, code, passphrase, message, field] of cases) {
      fillRecovery(user, code, passphrase);
      await advance();
      expect(plain(errorShown()), message).toBe(message);
      expect(document.activeElement, message).toBe(input(field));
      expect(input(unlockIds.recoverCode).value, 'the code stays to be corrected').toBe(code);
    }
    chooseLanguage('ar');
    // The core's limit, in the digits Intl gives Arabic counts everywhere in the app.
    expect(plain(errorShown())).toMatch(/^عبارة المرور قصيرة جدًا. يجب أن تتكوّن من (10|١٠) أحرف على الأقل.$/);
    expect(textOf(unlockIds.recoverTitle)).toBe('استخدام رمز الاسترداد');
    expect(document.documentElement.dir).toBe('rtl');
  });

  test('back to signing in with a passphrase', async () => {
    await open(store({ state: 'locked' }));
    byId(unlockIds.useRecovery).click();
    await advance();
    byId(unlockIds.recoverBack).click();
    await advance();
    expect(document.getElementById(unlockIds.recoverForm)).toBeNull();
    expect(document.activeElement).toBe(input(unlockIds.user));
  });

  test('the form waits while the code is checked', async () => {
    const answer = deferred();
    const calls = await open(store({ state: 'locked' }), { recover: () => answer.promise });
    byId(unlockIds.useRecovery).click();
    await advance();
    fillRecovery('Maja', RECOVERY_CODE, 'a brand new passphrase');
    await advance();
    expect(byId<HTMLButtonElement>(unlockIds.recoverSubmit).disabled).toBe(true);
    expect(textOf(unlockIds.recoverStatus)).toBe('Checking…');
    submit(unlockIds.recoverSubmit);
    await advance();
    expect(sent(calls, 'recover').length).toBe(1);
    answer.reject(shellError('wrong_recovery_code'));
    await advance();
    expect(byId<HTMLButtonElement>(unlockIds.recoverSubmit).disabled).toBe(false);
  });
});

describe('restoring a backup on the first-run screen', () => {
  function firstRun(): FakeStore {
    return store({ state: 'needs_setup', role: 'supervisor' });
  }

  async function chooseFile(): Promise<void> {
    byId(setupIds.chooseBackup).click();
    await advance();
  }

  test('a cancelled dialog leaves the set-up screen as it was', async () => {
    const calls = await open(firstRun(), { choose_restore_file: () => null });
    type(setupIds.user, 'Maja');
    await chooseFile();
    expect(sent(calls, 'choose_restore_file')).toEqual([{}]);
    expect(document.getElementById(setupIds.screen)).not.toBeNull();
    expect(input(setupIds.user).value).toBe('Maja');
    expect(errorShown()).toBe('');
  });

  test('with the passphrase as it was: restores and signs in', async () => {
    const calls = await open(firstRun());
    await chooseFile();
    expect(plain(textOf(setupIds.restoreChosen))).toContain(`Backup file: ${BACKUP_FILE}`);
    expect(byId(setupIds.restoreFile).getAttribute('dir')).toBe('ltr');
    expect(input(setupIds.withPassphrase).checked).toBe(true);
    expect(document.getElementById(setupIds.restoreCode)).toBeNull();
    expect(document.activeElement).toBe(input(setupIds.restoreUser));

    type(setupIds.restoreUser, 'Maja');
    type(setupIds.restorePassphrase, 'the wrong one');
    submit(setupIds.restoreSubmit);
    await advance();
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
    expect(input(setupIds.restorePassphrase).value).toBe('');
    expect(document.activeElement).toBe(input(setupIds.restorePassphrase));

    type(setupIds.restorePassphrase, BACKUP_PASSPHRASE);
    submit(setupIds.restoreSubmit);
    await advance();
    expect(sent(calls, 'restore_backup').at(-1)).toEqual({ userName: 'Maja', passphrase: BACKUP_PASSPHRASE, recoveryCode: null });
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    expect(commands(calls)).not.toContain('set_up_store');
  });

  test('with the recovery code: a new passphrase, typed twice', async () => {
    const calls = await open(firstRun());
    await chooseFile();
    byId(setupIds.withRecovery).click();
    await advance();
    expect(document.getElementById(setupIds.restorePassphrase)).toBeNull();
    type(setupIds.restoreUser, 'Maja');
    type(setupIds.restoreCode, RECOVERY_CODE);
    type(setupIds.restoreNewPassphrase, 'a brand new passphrase');
    type(setupIds.restoreRepeat, 'something else entirely');
    submit(setupIds.restoreSubmit);
    await advance();
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(commands(calls)).not.toContain('restore_backup');

    type(setupIds.restoreRepeat, 'a brand new passphrase');
    submit(setupIds.restoreSubmit);
    await advance();
    expect(sent(calls, 'restore_backup')).toEqual([
      { userName: 'Maja', passphrase: 'a brand new passphrase', recoveryCode: RECOVERY_CODE },
    ]);
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
  });

  test('a file that is not a backup, or a damaged one, is said in the chosen language', async () => {
    let failure = 'not_a_backup';
    await open(firstRun(), { restore_backup: () => Promise.reject(shellError(failure)) });
    await chooseFile();
    type(setupIds.restoreUser, 'Maja');
    type(setupIds.restorePassphrase, BACKUP_PASSPHRASE);
    submit(setupIds.restoreSubmit);
    await advance();
    expect(errorShown()).toBe('That file is not a Helpline backup, or its beginning is damaged.');
    expect(document.activeElement).toBe(byId(setupIds.chooseAgain));
    chooseLanguage('sv');
    expect(errorShown()).toBe('Filen är inte en säkerhetskopia från Helpline, eller så är dess början skadad.');
    failure = 'backup_damaged';
    type(setupIds.restorePassphrase, BACKUP_PASSPHRASE);
    submit(setupIds.restoreSubmit);
    await advance();
    expect(errorShown()).toBe('Säkerhetskopian är skadad: innehållet går inte att öppna. Använd en annan säkerhetskopia.');
    chooseLanguage('ar');
    expect(errorShown()).toBe('النسخة الاحتياطية تالفة: لا يمكن فتح محتواها. استخدم نسخة احتياطية أخرى.');
    expect(textOf(setupIds.restoreTitle)).toBe('الاستعادة من نسخة احتياطية');
  });

  test('another file keeps what was typed; back returns to set-up', async () => {
    const calls = await open(firstRun());
    await chooseFile();
    type(setupIds.restoreUser, 'Maja');
    byId(setupIds.chooseAgain).click();
    await advance();
    expect(sent(calls, 'choose_restore_file').length).toBe(2);
    expect(input(setupIds.restoreUser).value).toBe('Maja');
    byId(setupIds.restoreCancel).click();
    await advance();
    expect(document.getElementById(setupIds.screen)).not.toBeNull();
    expect(document.getElementById(setupIds.restore)).toBeNull();
  });

  test('a store that appeared meanwhile sends the user to unlock', async () => {
    const fake = firstRun();
    await open(fake, {
      restore_backup: () => {
        fake.state = 'locked';
        return Promise.reject(shellError('store_exists'));
      },
    });
    await chooseFile();
    type(setupIds.restoreUser, 'Maja');
    type(setupIds.restorePassphrase, BACKUP_PASSPHRASE);
    submit(setupIds.restoreSubmit);
    await advance();
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(errorShown()).toBe('A store already exists on this computer.');
  });
});
