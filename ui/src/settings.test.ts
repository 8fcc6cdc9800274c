// Supervisor settings: users, the referral list, transit countries, the idle lock.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CallContent } from './ipc';
import { ids as callIds } from './screens/call';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as recoveryIds } from './screens/recovery';
import { ids as settingsIds } from './screens/settings';
import { advance, byId, chooseLanguage, errorShown, input, mount, plain, reset, shellError, submit, textOf, type } from './test-support';
import { STARTED_AT, commands, sent, shell, store, type FakeStore, type Overrides } from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) });
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});

async function settings(fake: FakeStore = store({ role: 'supervisor' }), overrides: Overrides = {}) {
  const calls = shell(fake, overrides);
  await mount();
  await advance();
  byId(navIds.place('settings')).click();
  await advance();
  return calls;
}

const userNames = () => [...document.querySelectorAll(`#${settingsIds.users} .user-name`)].map((name) => name.textContent);

describe('users', () => {
  test('lists users; others can be removed after a confirmation, never oneself', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    expect(userNames()).toEqual(['Maja', 'Ahmad']);
    const rows = [...document.querySelectorAll('.user-row')];
    expect(rows[0]!.querySelector('.remove-user')).toBeNull(); // Maja is signed in
    expect(rows[0]!.textContent).toContain('(you)');

    rows[1]!.querySelector<HTMLButtonElement>('.remove-user')!.click();
    expect(commands(calls)).not.toContain('remove_user');
    expect(document.querySelector('.user-row .confirm')?.textContent).toContain('Remove Ahmad?');
    document.querySelector<HTMLButtonElement>('.remove-user-cancel')!.click();
    expect(commands(calls)).not.toContain('remove_user');

    document.querySelectorAll<HTMLButtonElement>('.remove-user')[0]!.click();
    document.querySelector<HTMLButtonElement>('.remove-user-confirm')!.click();
    await advance();
    expect(sent(calls, 'remove_user')).toEqual([{ userName: 'Ahmad' }]);
    expect(userNames()).toEqual(['Maja']);
    expect(textOf(settingsIds.notice('users'))).toBe('The user was removed.');
  });

  test('adds a user with the chosen role', async () => {
    const calls = await settings();
    type(settingsIds.userAddName, 'Sara');
    const role = byId<HTMLSelectElement>(settingsIds.userAddRole);
    role.value = 'supervisor';
    role.dispatchEvent(new Event('change'));
    type(settingsIds.userAddPassphrase, 'a long enough passphrase');
    submit(settingsIds.userAddSubmit);
    await advance();
    expect(sent(calls, 'add_user')).toEqual([{ userName: 'Sara', role: 'supervisor', passphrase: 'a long enough passphrase' }]);
    expect(userNames()).toEqual(['Maja', 'Ahmad', 'Sara']);
    expect(textOf(settingsIds.notice('users'))).toContain('The user was added.');
    expect(input(settingsIds.userAddName).value).toBe('');
    expect(input(settingsIds.userAddPassphrase).value).toBe('');
  });

  test('a refused user keeps the form, and the role survives a language switch', async () => {
    await settings(store({ role: 'supervisor' }), { add_user: () => Promise.reject(shellError('user_exists')) });
    type(settingsIds.userAddName, 'Ahmad');
    const role = byId<HTMLSelectElement>(settingsIds.userAddRole);
    role.value = 'supervisor';
    role.dispatchEvent(new Event('change'));
    type(settingsIds.userAddPassphrase, 'a long enough passphrase');
    submit(settingsIds.userAddSubmit);
    await advance();
    expect(errorShown()).toBe('There is already a user with that name (letter case does not make another name).');
    expect(input(settingsIds.userAddName).value).toBe('Ahmad');
    chooseLanguage('sv');
    expect(byId<HTMLSelectElement>(settingsIds.userAddRole).value).toBe('supervisor');
    expect(errorShown()).toBe('Det finns redan en användare med det namnet (stora och små bokstäver gör inte ett annat namn).');
  });
});

describe('a new passphrase for another user', () => {
  test('is typed twice and set; nobody resets their own here', async () => {
    const calls = await settings();
    const rows = [...document.querySelectorAll('.user-row')];
    expect(rows[0]!.querySelector('.reset-passphrase')).toBeNull(); // Maja is signed in
    rows[1]!.querySelector<HTMLButtonElement>('.reset-passphrase')!.click();
    await advance();
    expect(plain(textOf(settingsIds.resetTitle))).toBe('A new passphrase for Ahmad');
    expect(document.activeElement).toBe(input(settingsIds.resetNew));

    type(settingsIds.resetNew, 'a fresh passphrase');
    type(settingsIds.resetRepeat, 'a fresh passphrasf');
    submit(settingsIds.resetSubmit);
    await advance();
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(commands(calls)).not.toContain('reset_passphrase');

    type(settingsIds.resetNew, 'short');
    type(settingsIds.resetRepeat, 'short');
    submit(settingsIds.resetSubmit);
    await advance();
    expect(plain(errorShown())).toBe('The passphrase is too short. It needs at least 10 characters.');
    expect(document.activeElement).toBe(input(settingsIds.resetNew));

    type(settingsIds.resetNew, 'a fresh passphrase');
    type(settingsIds.resetRepeat, 'a fresh passphrase');
    submit(settingsIds.resetSubmit);
    await advance();
    expect(sent(calls, 'reset_passphrase').at(-1)).toEqual({ userName: 'Ahmad', passphrase: 'a fresh passphrase' });
    expect(textOf(settingsIds.notice('users'))).toBe('The new passphrase is set. Give it to them in person.');
    expect(document.getElementById(settingsIds.resetForm)).toBeNull();
  });

  test('can be cancelled, and reads right to left in Arabic', async () => {
    const calls = await settings();
    document.querySelector<HTMLButtonElement>('.reset-passphrase')!.click();
    await advance();
    chooseLanguage('ar');
    expect(plain(textOf(settingsIds.resetTitle))).toBe('عبارة مرور جديدة للمستخدم Ahmad');
    expect(document.documentElement.dir).toBe('rtl');
    byId(settingsIds.resetCancel).click();
    await advance();
    expect(document.getElementById(settingsIds.resetForm)).toBeNull();
    expect(commands(calls)).not.toContain('reset_passphrase');
  });
});

describe('referrals', () => {
  test('adds an entry with its own label and removes one; the call form follows', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    type(settingsIds.referralAddCode, 'imam_karim');
    type(settingsIds.referralAddLabel, 'Imam Karim, Biskopsgården');
    submit(settingsIds.referralAddSubmit);
    await advance();
    const saved = sent(calls, 'set_referrals')[0]!.referrals as { code: string; label: string | null }[];
    expect(saved.at(-1)).toEqual({ code: 'imam_karim', label: 'Imam Karim, Biskopsgården' });
    expect(saved.length).toBe(9);
    expect(byId(settingsIds.referrals).textContent).toContain('Imam Karim, Biskopsgården');
    expect(textOf(settingsIds.notice('referrals'))).toBe('The referral list was saved.');

    document.querySelector<HTMLButtonElement>('.remove-referral[data-code="ngo"]')!.click();
    await advance();
    const after = sent(calls, 'set_referrals')[1]!.referrals as { code: string }[];
    expect(after.map((entry) => entry.code)).not.toContain('ngo');
    expect(after.length).toBe(8);

    byId(navIds.place('home')).click();
    await advance();
    byId(homeIds.newCall).click();
    await advance();
    expect(document.getElementById(callIds.referral('ngo'))).toBeNull();
    expect(document.querySelector(`label[for="${callIds.referral('imam_karim')}"]`)?.textContent).toBe('Imam Karim, Biskopsgården');
    expect(document.querySelector(`label[for="${callIds.referral('psychologist')}"]`)?.textContent).toBe('Psychologist');
    byId(callIds.referral('imam_karim')).click();
    await advance(1000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).referrals).toEqual(['imam_karim']);
  });

  test("a code the core refuses is shown with the core's limit, on the code's field", async () => {
    const calls = await settings();
    for (const bad of ['Imam', 'with space', 'å', '']) {
      type(settingsIds.referralAddCode, bad);
      submit(settingsIds.referralAddSubmit);
      await advance();
      expect(plain(errorShown())).toBe('A code is 1 to 40 characters: a–z, 0–9 and _.');
      expect(document.activeElement).toBe(input(settingsIds.referralAddCode));
    }
    const refused = calls.filter((call) => call.cmd === 'set_referrals').length;
    expect(refused).toBe(4);
    type(settingsIds.referralAddCode, 'ngo');
    submit(settingsIds.referralAddSubmit);
    await advance();
    expect(errorShown()).toBe('The list already has that code.');
    expect(calls.filter((call) => call.cmd === 'set_referrals')).toHaveLength(refused);
  });
});

describe('transit countries', () => {
  test('are listed by name; a code is added in capitals and removed', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    const names = new Intl.DisplayNames(['en-GB'], { type: 'region' });
    const list = byId(settingsIds.countries).textContent ?? '';
    for (const code of ['TR', 'JO', 'LB']) expect(list).toContain(names.of(code));

    type(settingsIds.countryAddCode, 'sy');
    submit(settingsIds.countryAddSubmit);
    await advance();
    expect(sent(calls, 'set_transit_countries')).toEqual([{ countries: ['TR', 'JO', 'LB', 'SY'] }]);
    expect(byId(settingsIds.countries).textContent).toContain(names.of('SY'));

    document.querySelector<HTMLButtonElement>('.remove-country[data-code="JO"]')!.click();
    await advance();
    expect(sent(calls, 'set_transit_countries').at(-1)).toEqual({ countries: ['TR', 'LB', 'SY'] });
  });

  test('a code that is not a country, or already there, is refused', async () => {
    const calls = await settings();
    for (const bad of ['T', 'TUR', '12', 'QQ']) {
      type(settingsIds.countryAddCode, bad);
      submit(settingsIds.countryAddSubmit);
      await advance();
      expect(errorShown(), bad).toBe('That is not a two-letter country code (ISO 3166), such as TR.');
    }
    type(settingsIds.countryAddCode, 'tr');
    submit(settingsIds.countryAddSubmit);
    await advance();
    expect(errorShown()).toBe('The list already has that country.');
    expect(commands(calls)).not.toContain('set_transit_countries');
  });
});

describe('idle lock minutes', () => {
  test('1 to 120 are saved (the shell\u2019s lock uses them at once: see helpline-app\u2019s tests)', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    expect(input(settingsIds.idleMinutes).value).toBe('5');
    for (const bad of ['0', '121', 'abc', '']) {
      type(settingsIds.idleMinutes, bad);
      submit(settingsIds.idleSubmit);
      await advance();
      expect(plain(errorShown())).toBe('Choose a whole number from 1 to 120.');
    }
    expect(commands(calls)).not.toContain('set_idle_lock_minutes');
    type(settingsIds.idleMinutes, '2');
    submit(settingsIds.idleSubmit);
    await advance();
    expect(sent(calls, 'set_idle_lock_minutes')).toEqual([{ minutes: 2 }]);
    expect(textOf(settingsIds.notice('idle'))).toBe('Saved.');
    expect(fake.settings.idleLockMinutes).toBe(2);
  });
});

test('a volunteer who reaches a supervisor command anyway gets the translated refusal', async () => {
  // The shell enforces the role; the UI only hides the menu entry.
  const fake = store({ role: 'supervisor' });
  await settings(fake, { list_users: () => Promise.reject(shellError('not_allowed')) });
  expect(errorShown()).toBe('Your role does not allow this.');
});

describe('the recovery code', () => {
  test('is replaced after the passphrase is asked again, and the new one is shown once', async () => {
    const calls = await settings();
    type(settingsIds.recoveryPassphrase, 'not it');
    submit(settingsIds.recoverySubmit);
    await advance();
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
    expect(input(settingsIds.recoveryPassphrase).value).toBe('');
    type(settingsIds.recoveryPassphrase, 'the current passphrase');
    submit(settingsIds.recoverySubmit);
    await advance();
    expect(sent(calls, 'replace_recovery_code')).toEqual([{ passphrase: 'not it' }, { passphrase: 'the current passphrase' }]);
    expect(plain(textOf(recoveryIds.code))).toContain('TWOX');
  });
});
