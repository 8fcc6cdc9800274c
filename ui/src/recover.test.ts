// When every passphrase is forgotten (the recovery code on the unlock screen), and a new
// computer (restoring a backup on the first-run screen). The native file dialog is the Rust
// side's: the UI only ever sees a file's name.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
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
  type('recover-user', user);
  type('recover-code', code);
  type('recover-passphrase', passphrase);
  type('recover-passphrase-repeat', repeat);
  submit('recover-submit');
}

describe('the recovery code on the unlock screen', () => {
  test('opens the store and gives the user a new passphrase', async () => {
    const calls = await open(store({ state: 'locked', role: 'supervisor' }));
    expect(document.getElementById('recover-form')).toBeNull();
    byId('unlock-use-recovery').click();
    await advance();
    expect(textOf('recover-title')).toBe('Use the recovery code');
    expect(document.activeElement).toBe(input('recover-user'));
    expect(input('recover-code').getAttribute('dir')).toBe('ltr');
    expect(input('recover-code').getAttribute('autocomplete')).toBe('off');
    for (const control of document.querySelectorAll('#recover-form input')) {
      expect(document.querySelector(`label[for="${control.id}"]`)?.textContent, control.id).toBeTruthy();
    }

    // Written down in small letters with spaces: the Rust side reads it all the same.
    fillRecovery('Maja', RECOVERY_CODE.toLowerCase().replace(/-/g, ' '), 'a brand new passphrase');
    await advance();
    expect(sent(calls, 'recover')).toEqual([
      { userName: 'Maja', recoveryCode: RECOVERY_CODE.toLowerCase().replace(/-/g, ' '), newPassphrase: 'a brand new passphrase' },
    ]);
    expect(document.getElementById('home')).not.toBeNull();
    expect(commands(calls)).not.toContain('unlock');
  });

  test('the two new passphrases must match before anything is sent', async () => {
    const calls = await open(store({ state: 'locked' }));
    byId('unlock-use-recovery').click();
    await advance();
    fillRecovery('Maja', RECOVERY_CODE, 'a brand new passphrase', 'a brand new passphrasE');
    await advance();
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(input('recover-passphrase-repeat').value).toBe('');
    expect(document.activeElement).toBe(input('recover-passphrase-repeat'));
    expect(commands(calls)).not.toContain('recover');
  });

  test('each refusal is translated and puts the focus where the mistake is', async () => {
    await open(store({ state: 'locked' }));
    byId('unlock-use-recovery').click();
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
      expect(errorShown(), message).toBe(message);
      expect(document.activeElement, message).toBe(input(field));
      expect(input('recover-code').value, 'the code stays to be corrected').toBe(code);
    }
    chooseLanguage('ar');
    expect(errorShown()).toBe('عبارة المرور قصيرة جدًا. يجب أن تتكوّن من عشرة أحرف على الأقل.');
    expect(textOf('recover-title')).toBe('استخدام رمز الاسترداد');
    expect(document.documentElement.dir).toBe('rtl');
  });

  test('back to signing in with a passphrase', async () => {
    await open(store({ state: 'locked' }));
    byId('unlock-use-recovery').click();
    await advance();
    byId('recover-back').click();
    await advance();
    expect(document.getElementById('recover-form')).toBeNull();
    expect(document.activeElement).toBe(input('unlock-user'));
  });

  test('the form waits while the code is checked', async () => {
    const answer = deferred();
    const calls = await open(store({ state: 'locked' }), { recover: () => answer.promise });
    byId('unlock-use-recovery').click();
    await advance();
    fillRecovery('Maja', RECOVERY_CODE, 'a brand new passphrase');
    await advance();
    expect(byId<HTMLButtonElement>('recover-submit').disabled).toBe(true);
    expect(textOf('recover-status')).toBe('Please wait…');
    submit('recover-submit');
    await advance();
    expect(sent(calls, 'recover').length).toBe(1);
    answer.reject(shellError('wrong_recovery_code'));
    await advance();
    expect(byId<HTMLButtonElement>('recover-submit').disabled).toBe(false);
  });
});

describe('restoring a backup on the first-run screen', () => {
  function firstRun(): FakeStore {
    return store({ state: 'needs_setup', role: 'supervisor' });
  }

  async function chooseFile(): Promise<void> {
    byId('setup-restore').click();
    await advance();
  }

  test('a cancelled dialog leaves the set-up screen as it was', async () => {
    const calls = await open(firstRun(), { choose_restore_file: () => null });
    type('setup-user', 'Maja');
    await chooseFile();
    expect(sent(calls, 'choose_restore_file')).toEqual([{}]);
    expect(document.getElementById('setup')).not.toBeNull();
    expect(input('setup-user').value).toBe('Maja');
    expect(errorShown()).toBe('');
  });

  test('with the passphrase as it was: restores and signs in', async () => {
    const calls = await open(firstRun());
    await chooseFile();
    expect(plain(textOf('restore-chosen'))).toContain(`Backup file: ${BACKUP_FILE}`);
    expect(byId('restore-file').getAttribute('dir')).toBe('ltr');
    expect(input('restore-with-passphrase').checked).toBe(true);
    expect(document.getElementById('restore-code')).toBeNull();
    expect(document.activeElement).toBe(input('restore-user'));

    type('restore-user', 'Maja');
    type('restore-passphrase', 'the wrong one');
    submit('restore-submit');
    await advance();
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
    expect(input('restore-passphrase').value).toBe('');
    expect(document.activeElement).toBe(input('restore-passphrase'));

    type('restore-passphrase', BACKUP_PASSPHRASE);
    submit('restore-submit');
    await advance();
    expect(sent(calls, 'restore_backup').at(-1)).toEqual({ userName: 'Maja', passphrase: BACKUP_PASSPHRASE, recoveryCode: null });
    expect(document.getElementById('home')).not.toBeNull();
    expect(commands(calls)).not.toContain('set_up_store');
  });

  test('with the recovery code: a new passphrase, typed twice', async () => {
    const calls = await open(firstRun());
    await chooseFile();
    byId('restore-with-recovery').click();
    await advance();
    expect(document.getElementById('restore-passphrase')).toBeNull();
    type('restore-user', 'Maja');
    type('restore-code', RECOVERY_CODE);
    type('restore-new-passphrase', 'a brand new passphrase');
    type('restore-new-passphrase-repeat', 'something else entirely');
    submit('restore-submit');
    await advance();
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(commands(calls)).not.toContain('restore_backup');

    type('restore-new-passphrase-repeat', 'a brand new passphrase');
    submit('restore-submit');
    await advance();
    expect(sent(calls, 'restore_backup')).toEqual([
      { userName: 'Maja', passphrase: 'a brand new passphrase', recoveryCode: RECOVERY_CODE },
    ]);
    expect(document.getElementById('home')).not.toBeNull();
  });

  test('a file that is not a backup, or a damaged one, is said in the chosen language', async () => {
    let failure = 'not_a_backup';
    await open(firstRun(), { restore_backup: () => Promise.reject(shellError(failure)) });
    await chooseFile();
    type('restore-user', 'Maja');
    type('restore-passphrase', BACKUP_PASSPHRASE);
    submit('restore-submit');
    await advance();
    expect(errorShown()).toBe('That file is not a Helpline backup, or its beginning is damaged.');
    expect(document.activeElement).toBe(byId('restore-choose-again'));
    chooseLanguage('sv');
    expect(errorShown()).toBe('Filen är inte en säkerhetskopia från Helpline, eller så är dess början skadad.');
    failure = 'backup_damaged';
    type('restore-passphrase', BACKUP_PASSPHRASE);
    submit('restore-submit');
    await advance();
    expect(errorShown()).toBe('Säkerhetskopian är skadad: innehållet går inte att öppna. Använd en annan säkerhetskopia.');
    chooseLanguage('ar');
    expect(errorShown()).toBe('النسخة الاحتياطية تالفة: لا يمكن فتح محتواها. استخدم نسخة احتياطية أخرى.');
    expect(textOf('restore-title')).toBe('الاستعادة من نسخة احتياطية');
  });

  test('another file keeps what was typed; back returns to set-up', async () => {
    const calls = await open(firstRun());
    await chooseFile();
    type('restore-user', 'Maja');
    byId('restore-choose-again').click();
    await advance();
    expect(sent(calls, 'choose_restore_file').length).toBe(2);
    expect(input('restore-user').value).toBe('Maja');
    byId('restore-cancel').click();
    await advance();
    expect(document.getElementById('setup')).not.toBeNull();
    expect(document.getElementById('restore')).toBeNull();
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
    type('restore-user', 'Maja');
    type('restore-passphrase', BACKUP_PASSPHRASE);
    submit('restore-submit');
    await advance();
    expect(document.getElementById('unlock')).not.toBeNull();
    expect(errorShown()).toBe('A store already exists on this computer.');
  });
});
