// Errors at the field they are about (issue 12): linked with aria-describedby and marked
// aria-invalid, cleared once the input is fixed, checked field by field in the order the
// fields appear; only an error about no field goes to #error, which covers nothing.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ids as appIds } from './app';
import { ids as callIds } from './screens/call';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as passphraseIds } from './screens/passphrase';
import { ids as settingsIds } from './screens/settings';
import { ids as setupIds } from './screens/setup';
import { ids as statsIds } from './screens/statistics';
import { ids as unlockIds } from './screens/unlock';
import { advance, byId, chooseLanguage, errorAt, errorShown, input, mount, reset, shellError, submit, type, typeText } from './test-support';
import { STARTED_AT, commands, open, shell, store } from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) });
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});

function boxShown(): boolean {
  return !byId(appIds.error).hidden;
}

describe('set-up', () => {
  test('a mismatch is shown at the repeated passphrase, survives a new language, and goes once it is retyped', async () => {
    shell(store({ state: 'needs_setup' }));
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'one passphrase here');
    type(setupIds.repeat, 'another passphrase');
    submit(setupIds.submit);
    await advance();

    expect(errorAt(setupIds.repeat)).toBe('The two passphrases are not the same.');
    expect(input(setupIds.repeat).getAttribute('aria-invalid')).toBe('true');
    expect(input(setupIds.passphrase).getAttribute('aria-invalid')).toBeNull();
    expect(boxShown()).toBe(false);
    expect(document.activeElement).toBe(input(setupIds.repeat));

    chooseLanguage('sv');
    expect(errorAt(setupIds.repeat)).toBe('De två lösenfraserna är inte likadana.');

    type(setupIds.repeat, 'one passphrase here');
    expect(errorAt(setupIds.repeat)).toBe('');
    expect(input(setupIds.repeat).getAttribute('aria-invalid')).toBeNull();
    expect(errorShown()).toBe('');
  });

  test('fields are checked in the order they appear: an empty user name before a mismatch', async () => {
    const calls = shell(store({ state: 'needs_setup' }));
    await mount();
    type(setupIds.passphrase, 'one passphrase here');
    type(setupIds.repeat, 'another passphrase');
    submit(setupIds.submit);
    await advance();
    expect(errorAt(setupIds.user)).toContain('That user name cannot be used.');
    expect(errorAt(setupIds.repeat)).toBe('');
    expect(commands(calls)).toEqual(['app_status']);
  });

  test('a limit the core names is shown at its field, with its bounds', async () => {
    shell(store({ state: 'needs_setup' }), {
      set_up_store: () => Promise.reject(shellError('passphrase_too_short', { field: 'passphrase', min: 10, max: 1024 })),
    });
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'short');
    type(setupIds.repeat, 'short');
    submit(setupIds.submit);
    await advance();
    expect(errorAt(setupIds.passphrase)).toContain('10');
    expect(boxShown()).toBe(false);
  });
});

describe('unlock', () => {
  test('a wrong passphrase is shown at the passphrase, an unknown user at the name', async () => {
    const fake = store({ state: 'locked' });
    let code = 'wrong_passphrase';
    shell(fake, { unlock: () => Promise.reject(shellError(code)) });
    await mount();
    type(unlockIds.user, 'Maja');
    type(unlockIds.passphrase, 'not it');
    submit(unlockIds.submit);
    await advance();
    expect(errorAt(unlockIds.passphrase)).toBe('The passphrase is wrong. Check it and try again.');
    expect(boxShown()).toBe(false);

    code = 'unknown_user';
    submit(unlockIds.submit);
    await advance();
    expect(errorAt(unlockIds.passphrase)).toBe('');
    expect(errorAt(unlockIds.user)).not.toBe('');
    expect(input(unlockIds.user).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('settings and one\u2019s passphrase', () => {
  async function settings(overrides = {}) {
    const calls = shell(store({ role: 'supervisor' }), overrides);
    await mount();
    await advance();
    byId(navIds.place('settings')).click();
    await advance();
    return calls;
  }

  test('a user name the core refuses is shown at the name; an idle time out of range at the minutes', async () => {
    await settings();
    type(settingsIds.userAddName, ' ');
    type(settingsIds.userAddPassphrase, 'a long enough passphrase');
    submit(settingsIds.userAddSubmit);
    await advance();
    expect(errorAt(settingsIds.userAddName)).toContain('That user name cannot be used.');
    expect(boxShown()).toBe(false);

    type(settingsIds.idleMinutes, '500');
    submit(settingsIds.idleSubmit);
    await advance();
    expect(errorAt(settingsIds.userAddName)).toBe('');
    expect(errorAt(settingsIds.idleMinutes)).toContain('120');
  });

  test('a new passphrase that is not repeated right is shown at the repetition', async () => {
    shell(store());
    await mount();
    await advance();
    byId(navIds.place('passphrase')).click();
    await advance();
    type(passphraseIds.current, 'the current passphrase');
    type(passphraseIds.next, 'a brand new passphrase');
    type(passphraseIds.repeat, 'a different one');
    submit(passphraseIds.submit);
    await advance();
    expect(errorAt(passphraseIds.repeat)).toBe('The two passphrases are not the same.');
  });
});

describe('statistics', () => {
  test('a wrong k is shown at k', async () => {
    shell(store({ role: 'supervisor' }));
    await mount();
    await advance();
    byId(navIds.place('statistics')).click();
    await advance();
    type(statsIds.k, '2');
    submit(statsIds.show);
    await advance();
    expect(errorAt(statsIds.k)).toContain('from 3 to 100');
    expect(input(statsIds.k).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the call', () => {
  test('notes the core finds too long are marked at the notes, and the mark goes once they are saved', async () => {
    let refuse = true;
    await open(store(), {
      save_draft: () => (refuse ? Promise.reject(shellError('too_long', { field: 'notes', min: null, max: 50_000 })) : null),
    });
    byId(homeIds.newCall).click();
    await advance();
    typeText(callIds.notes, 'far too long');
    await advance(1000);
    expect(errorAt(callIds.notes)).toBe('The text is too long to be saved. Shorten it.');
    expect(boxShown()).toBe(false);
    refuse = false;
    typeText(callIds.notes, 'shorter');
    expect(errorAt(callIds.notes)).toBe('');
  });

  test('contact details switched on but left empty are asked for at the name', async () => {
    await open(store(), { end_call: () => Promise.reject(shellError('contact_details_missing')) });
    byId(homeIds.newCall).click();
    await advance();
    typeText(callIds.notes, 'She will give her number.');
    byId(callIds.givesContact).click();
    byId(callIds.end).click();
    await advance();
    expect(errorAt(callIds.contact('name'))).not.toBe('');
    expect(document.activeElement).toBe(byId(callIds.contact('name')));
  });

  test('an error about no field is shown in #error, above the screen, where it covers no button', async () => {
    await open(store(), { start_call: () => Promise.reject(shellError('storage_failed')) });
    byId(homeIds.newCall).click();
    await advance();
    expect(boxShown()).toBe(true);
    const box = byId(appIds.error);
    expect(box.compareDocumentPosition(byId(appIds.screen)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const css = (await import('./style.css?raw')).default;
    const rule = /\n\.error \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).not.toContain('sticky');
  });
});
