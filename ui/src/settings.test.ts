// Supervisor settings: users, the referral list, transit countries, the idle lock.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CallContent } from './ipc';
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
  byId('nav-settings').click();
  await advance();
  return calls;
}

const userNames = () => [...document.querySelectorAll('#users-list .user-name')].map((name) => name.textContent);

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
    expect(textOf('users-notice')).toBe('The user was removed.');
  });

  test('adds a user with the chosen role', async () => {
    const calls = await settings();
    type('user-add-name', 'Sara');
    const role = byId<HTMLSelectElement>('user-add-role');
    role.value = 'supervisor';
    role.dispatchEvent(new Event('change'));
    type('user-add-passphrase', 'a long enough passphrase');
    submit('user-add-submit');
    await advance();
    expect(sent(calls, 'add_user')).toEqual([{ userName: 'Sara', role: 'supervisor', passphrase: 'a long enough passphrase' }]);
    expect(userNames()).toEqual(['Maja', 'Ahmad', 'Sara']);
    expect(textOf('users-notice')).toContain('The user was added.');
    expect(input('user-add-name').value).toBe('');
    expect(input('user-add-passphrase').value).toBe('');
  });

  test('a refused user keeps the form, and the role survives a language switch', async () => {
    await settings(store({ role: 'supervisor' }), { add_user: () => Promise.reject(shellError('user_exists')) });
    type('user-add-name', 'Ahmad');
    const role = byId<HTMLSelectElement>('user-add-role');
    role.value = 'supervisor';
    role.dispatchEvent(new Event('change'));
    type('user-add-passphrase', 'a long enough passphrase');
    submit('user-add-submit');
    await advance();
    expect(errorShown()).toBe('There is already a user with that name.');
    expect(input('user-add-name').value).toBe('Ahmad');
    chooseLanguage('sv');
    expect(byId<HTMLSelectElement>('user-add-role').value).toBe('supervisor');
    expect(errorShown()).toBe('Det finns redan en användare med det namnet.');
  });
});

describe('a new passphrase for another user', () => {
  test('is typed twice and set; nobody resets their own here', async () => {
    const calls = await settings();
    const rows = [...document.querySelectorAll('.user-row')];
    expect(rows[0]!.querySelector('.reset-passphrase')).toBeNull(); // Maja is signed in
    rows[1]!.querySelector<HTMLButtonElement>('.reset-passphrase')!.click();
    await advance();
    expect(plain(textOf('reset-passphrase-title'))).toBe('A new passphrase for Ahmad');
    expect(document.activeElement).toBe(input('reset-passphrase-new'));

    type('reset-passphrase-new', 'a fresh passphrase');
    type('reset-passphrase-repeat', 'a fresh passphrasf');
    submit('reset-passphrase-submit');
    await advance();
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(commands(calls)).not.toContain('reset_passphrase');

    type('reset-passphrase-new', 'short');
    type('reset-passphrase-repeat', 'short');
    submit('reset-passphrase-submit');
    await advance();
    expect(errorShown()).toBe('The passphrase is too short. It needs at least 10 characters.');
    expect(document.activeElement).toBe(input('reset-passphrase-new'));

    type('reset-passphrase-new', 'a fresh passphrase');
    type('reset-passphrase-repeat', 'a fresh passphrase');
    submit('reset-passphrase-submit');
    await advance();
    expect(sent(calls, 'reset_passphrase').at(-1)).toEqual({ userName: 'Ahmad', passphrase: 'a fresh passphrase' });
    expect(textOf('users-notice')).toBe('The new passphrase is set. Give it to them in person.');
    expect(document.getElementById('reset-passphrase-form')).toBeNull();
  });

  test('can be cancelled, and reads right to left in Arabic', async () => {
    const calls = await settings();
    document.querySelector<HTMLButtonElement>('.reset-passphrase')!.click();
    await advance();
    chooseLanguage('ar');
    expect(plain(textOf('reset-passphrase-title'))).toBe('عبارة مرور جديدة للمستخدم Ahmad');
    expect(document.documentElement.dir).toBe('rtl');
    byId('reset-passphrase-cancel').click();
    await advance();
    expect(document.getElementById('reset-passphrase-form')).toBeNull();
    expect(commands(calls)).not.toContain('reset_passphrase');
  });
});

describe('referrals', () => {
  test('adds an entry with its own label and removes one; the call form follows', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    type('referral-add-code', 'imam_karim');
    type('referral-add-label', 'Imam Karim, Biskopsgården');
    submit('referral-add-submit');
    await advance();
    const saved = sent(calls, 'set_referrals')[0]!.referrals as { code: string; label: string | null }[];
    expect(saved.at(-1)).toEqual({ code: 'imam_karim', label: 'Imam Karim, Biskopsgården' });
    expect(saved.length).toBe(9);
    expect(byId('referrals-list').textContent).toContain('Imam Karim, Biskopsgården');
    expect(textOf('referrals-notice')).toBe('The referral list was saved.');

    document.querySelector<HTMLButtonElement>('.remove-referral[data-code="ngo"]')!.click();
    await advance();
    const after = sent(calls, 'set_referrals')[1]!.referrals as { code: string }[];
    expect(after.map((entry) => entry.code)).not.toContain('ngo');
    expect(after.length).toBe(8);

    byId('nav-home').click();
    await advance();
    byId('new-call').click();
    await advance();
    expect(document.getElementById('referral-ngo')).toBeNull();
    expect(document.querySelector('label[for="referral-imam_karim"]')?.textContent).toBe('Imam Karim, Biskopsgården');
    expect(document.querySelector('label[for="referral-psychologist"]')?.textContent).toBe('Psychologist');
    byId('referral-imam_karim').click();
    await advance(1000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).referrals).toEqual(['imam_karim']);
  });

  test('codes are checked before they are sent', async () => {
    const calls = await settings();
    for (const bad of ['Imam', 'with space', 'å', '']) {
      type('referral-add-code', bad);
      submit('referral-add-submit');
      await advance();
      expect(errorShown()).toBe('A code is 1 to 40 characters: a–z, 0–9 and _.');
    }
    type('referral-add-code', 'ngo');
    submit('referral-add-submit');
    await advance();
    expect(errorShown()).toBe('The list already has that code.');
    expect(commands(calls)).not.toContain('set_referrals');
  });
});

describe('transit countries', () => {
  test('are listed by name; a code is added in capitals and removed', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    const names = new Intl.DisplayNames(['en-GB'], { type: 'region' });
    const list = byId('countries-list').textContent ?? '';
    for (const code of ['TR', 'JO', 'LB']) expect(list).toContain(names.of(code));

    type('country-add-code', 'sy');
    submit('country-add-submit');
    await advance();
    expect(sent(calls, 'set_transit_countries')).toEqual([{ countries: ['TR', 'JO', 'LB', 'SY'] }]);
    expect(byId('countries-list').textContent).toContain(names.of('SY'));

    document.querySelector<HTMLButtonElement>('.remove-country[data-code="JO"]')!.click();
    await advance();
    expect(sent(calls, 'set_transit_countries').at(-1)).toEqual({ countries: ['TR', 'LB', 'SY'] });
  });

  test('a code that is not a country, or already there, is refused', async () => {
    const calls = await settings();
    for (const bad of ['T', 'TUR', '12', 'QQ']) {
      type('country-add-code', bad);
      submit('country-add-submit');
      await advance();
      expect(errorShown(), bad).toBe('That is not a two-letter country code (ISO 3166), such as TR.');
    }
    type('country-add-code', 'tr');
    submit('country-add-submit');
    await advance();
    expect(errorShown()).toBe('The list already has that country.');
    expect(commands(calls)).not.toContain('set_transit_countries');
  });
});

describe('idle lock minutes', () => {
  test('1 to 120 are saved and used at once', async () => {
    const fake = store({ role: 'supervisor' });
    const calls = await settings(fake);
    expect(input('idle-lock-minutes').value).toBe('5');
    for (const bad of ['0', '121', 'abc', '']) {
      type('idle-lock-minutes', bad);
      submit('idle-lock-submit');
      await advance();
      expect(errorShown()).toBe('Choose a whole number of minutes from 1 to 120.');
    }
    expect(commands(calls)).not.toContain('set_idle_lock_minutes');
    type('idle-lock-minutes', '2');
    submit('idle-lock-submit');
    await advance();
    expect(sent(calls, 'set_idle_lock_minutes')).toEqual([{ minutes: 2 }]);
    expect(textOf('idle-notice')).toBe('Saved.');
    await advance(119_000);
    expect(commands(calls)).not.toContain('lock');
    await advance(1_000);
    expect(commands(calls)).toContain('lock');
  });
});

test('a volunteer who reaches a supervisor command anyway gets the translated refusal', async () => {
  // The shell enforces the role; the UI only hides the menu entry.
  const fake = store({ role: 'supervisor' });
  await settings(fake, { list_users: () => Promise.reject(shellError('not_allowed')) });
  expect(errorShown()).toBe('Your role does not allow this.');
});
