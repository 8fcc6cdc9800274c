import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ids as appIds } from './app';
import { t } from './i18n';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as recoveryIds } from './screens/recovery';
import { ids as setupIds } from './screens/setup';
import { ids as statusIds } from './screens/status';
import { ids as unlockIds } from './screens/unlock';
import {
  byId,
  chooseLanguage,
  errorShown,
  fakeShell,
  input,
  plain,
  mount,
  reset,
  settle,
  shellError,
  submit,
  type,
} from './test-support';
import { commands, sent, storeCalls } from './test-shell';

const RECOVERY_CODE = 'K7QF-2MZP-9WXR-4HTD-JB6C-8NVE-3LQA-7YSU'; // the core's format

beforeEach(reset);
afterEach(reset);

function needsSetup(overrides: Partial<Record<string, () => unknown>> = {}) {
  return fakeShell((cmd, args) => {
    const override = overrides[cmd];
    if (override) return override();
    switch (cmd) {
      case 'watch_lock':
      case 'watch_sync':
      case 'ui_language':
      case 'set_ui_language':
        return null;
      case 'app_status':
        return { state: 'needs_setup' };
      case 'set_up_store':
        return { recoveryCode: RECOVERY_CODE, user: args.userName, role: 'supervisor' };
      default:
        throw shellError('invalid_argument');
    }
  });
}

function locked(overrides: Partial<Record<string, () => unknown>> = {}) {
  return fakeShell((cmd, args) => {
    const override = overrides[cmd];
    if (override) return override();
    switch (cmd) {
      case 'watch_lock':
      case 'watch_sync':
      case 'ui_language':
      case 'set_ui_language':
        return null;
      case 'app_status':
        return { state: 'locked' };
      case 'unlock':
        return { user: args.userName, role: 'volunteer', casesExpired: 0, retentionFailed: false };
      case 'lock':
        return null;
      // What home reads after unlocking: an empty store.
      case 'get_settings':
        return { referrals: [], transitCountries: [], idleLockMinutes: 5, retentionMonths: null };
      case 'unfinished_calls':
        return [];
      case 'list_cases':
        return { cases: [], total: 0 };
      default:
        throw shellError('invalid_argument');
    }
  });
}


describe('start', () => {
  test('asks app_status and shows set-up on a fresh machine', async () => {
    const calls = needsSetup();
    await mount();
    expect(commands(calls)).toEqual(['app_status']);
    expect(byId(setupIds.screen).textContent).toContain(
      'This creates the encrypted store on this computer and its first user, a supervisor.',
    );
    expect(document.activeElement).toBe(input(setupIds.user));
    expect(errorShown()).toBe('');
  });

  test('shows unlock when the store is locked', async () => {
    locked();
    await mount();
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(document.getElementById(setupIds.screen)).toBeNull();
    expect(document.activeElement).toBe(input(unlockIds.user));
  });

  test('shows home when the store is already unlocked', async () => {
    fakeShell(() => ({ state: 'unlocked', user: 'Maja', role: 'supervisor' }));
    await mount();
    expect(byId(homeIds.user).textContent).toBe('Maja');
    expect(byId(homeIds.role).textContent).toBe('You are signed in as a supervisor.');
  });

  test('a failed app_status shows the translated error and can be retried', async () => {
    let fail = true;
    const calls = fakeShell(() => {
      if (fail) throw shellError('newer_schema');
      return { state: 'locked' };
    });
    await mount();
    expect(errorShown()).toBe(
      'The store was written by a newer version of Helpline. Update the app to open it.',
    );
    fail = false;
    byId(statusIds.retry).click();
    await settle();
    expect(commands(calls)).toEqual(['app_status', 'app_status']);
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(errorShown()).toBe('');
  });

  test('a malformed app_status reply is an error, not a guess', async () => {
    fakeShell(() => ({ state: 'unlocked', user: 'Maja', role: 'admin' }));
    await mount();
    expect(document.getElementById(homeIds.screen)).toBeNull();
    expect(errorShown()).toBe(t('error-unknown', undefined, 'en'));
  });

  test('every input and select has a label', async () => {
    needsSetup();
    await mount();
    const controls = document.querySelectorAll('input, select');
    expect(controls.length).toBe(4);
    for (const control of controls) {
      const label = document.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent, `label for #${control.id}`).toBeTruthy();
    }
  });
});

describe('first-run set-up', () => {
  test('calls set_up_store with what was typed, then shows the recovery code', async () => {
    const calls = needsSetup();
    await mount();
    type(setupIds.user, 'Maja Lind');
    type(setupIds.passphrase, 'correct horse battery');
    type(setupIds.repeat, 'correct horse battery');
    submit(setupIds.submit);
    await settle();

    expect(storeCalls(calls).slice(1)).toEqual([
      { cmd: 'set_up_store', args: { userName: 'Maja Lind', passphrase: 'correct horse battery' } },
    ]);
    const code = byId(recoveryIds.code);
    expect(code.textContent).toBe(RECOVERY_CODE);
    expect(code.getAttribute('dir')).toBe('ltr');
    expect(document.getElementById(setupIds.screen)).toBeNull();
    expect(document.querySelector('input[type="password"]')).toBeNull();
  });

  test('continue is disabled until the box is ticked; afterwards the code is gone', async () => {
    needsSetup();
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'a long enough passphrase');
    type(setupIds.repeat, 'a long enough passphrase');
    submit(setupIds.submit);
    await settle();

    const next = byId<HTMLButtonElement>(recoveryIds.continue);
    expect(next.disabled).toBe(true);
    expect(document.activeElement).toBe(input(recoveryIds.stored));
    // Submitting anyway (Enter) does nothing while the box is not ticked.
    next.form?.requestSubmit();
    expect(document.getElementById(recoveryIds.code)).not.toBeNull();

    input(recoveryIds.stored).click();
    expect(next.disabled).toBe(false);
    input(recoveryIds.stored).click();
    expect(next.disabled).toBe(true);
    input(recoveryIds.stored).click();
    next.click();

    expect(document.getElementById(recoveryIds.code)).toBeNull();
    expect(document.body.textContent).not.toContain(RECOVERY_CODE);
    expect(byId(homeIds.user).textContent).toBe('Maja');
    expect(byId(homeIds.role).textContent).toBe('You are signed in as a supervisor.');
  });

  test('mismatched passphrases never reach IPC', async () => {
    const calls = needsSetup();
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'one passphrase here');
    type(setupIds.repeat, 'another passphrase');
    submit(setupIds.submit);
    await settle();

    expect(commands(calls)).toEqual(['app_status']);
    expect(errorShown()).toBe('The two passphrases are not the same.');
    expect(byId(appIds.error).getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(input(setupIds.repeat));
    expect(input(setupIds.passphrase).value).toBe('one passphrase here');
  });

  test('a rejected set-up shows the translated code and stays on the form', async () => {
    needsSetup({ set_up_store: () => Promise.reject(shellError('passphrase_too_short', { field: 'passphrase', min: 10, max: 1024 })) });
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'short');
    type(setupIds.repeat, 'short');
    submit(setupIds.submit);
    await settle();

    expect(plain(errorShown())).toBe('The passphrase is too short. It needs at least 10 characters.');
    expect(input(setupIds.user).value).toBe('Maja');
    expect(document.activeElement).toBe(input(setupIds.passphrase));
    expect(byId<HTMLButtonElement>(setupIds.submit).disabled).toBe(false);
  });

  test('a guessable passphrase is refused with a reason and a suggestion, at the passphrase field', async () => {
    needsSetup({ set_up_store: () => Promise.reject(shellError('passphrase_weak')) });
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'password1234');
    type(setupIds.repeat, 'password1234');
    submit(setupIds.submit);
    await settle();

    expect(plain(errorShown())).toContain('would be easy to guess');
    expect(plain(errorShown())).toContain('four or more words');
    expect(document.activeElement).toBe(input(setupIds.passphrase));
    expect(input(setupIds.repeat).value).toBe('');
  });

  test('the button is disabled while set-up runs, and a second submit is ignored', async () => {
    let finish: (value: unknown) => void = () => {};
    const calls = needsSetup({ set_up_store: () => new Promise((resolve) => (finish = resolve)) });
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'a long enough passphrase');
    type(setupIds.repeat, 'a long enough passphrase');
    submit(setupIds.submit);
    await settle();
    expect(byId<HTMLButtonElement>(setupIds.submit).disabled).toBe(true);
    expect(input(setupIds.user).value).toBe('Maja');
    byId<HTMLFormElement>(setupIds.form).requestSubmit();
    await settle();
    expect(commands(calls)).toEqual(['app_status', 'set_up_store']);

    finish({ recoveryCode: RECOVERY_CODE, user: 'Maja', role: 'supervisor' });
    await settle();
    expect(byId(recoveryIds.code).textContent).toBe(RECOVERY_CODE);
    // Each group stays whole when the code wraps: eight of them, each its four characters.
    const groups = [...byId(recoveryIds.code).querySelectorAll('.code-group')].map((group) => group.textContent);
    expect(groups).toEqual(RECOVERY_CODE.split('-').map((group, i, all) => (i < all.length - 1 ? `${group}-` : group)));
    expect(groups).toHaveLength(8);
  });
});

describe('unlock and lock', () => {
  test('unlock calls unlock with the typed values and greets the user', async () => {
    const calls = locked();
    await mount();
    type(unlockIds.user, 'Ahmad');
    type(unlockIds.passphrase, 'a long enough passphrase');
    submit(unlockIds.submit);
    await settle();

    expect(storeCalls(calls)[1]).toEqual({
      cmd: 'unlock',
      args: { userName: 'Ahmad', passphrase: 'a long enough passphrase' },
    });
    expect(byId(homeIds.user).textContent).toBe('Ahmad');
    expect(byId(homeIds.user).tagName).toBe('BDI');
    expect(byId(homeIds.title).textContent).toBe('Hello, Ahmad!');
    expect(byId(homeIds.role).textContent).toBe('You are signed in as a volunteer.');
  });

  test('an IPC error code is shown translated, in the chosen language', async () => {
    locked({ unlock: () => Promise.reject(shellError('wrong_passphrase')) });
    await mount();
    chooseLanguage('sv');
    type(unlockIds.user, 'Ahmad');
    type(unlockIds.passphrase, 'not the passphrase');
    submit(unlockIds.submit);
    await settle();

    expect(errorShown()).toBe('Lösenfrasen är fel. Kontrollera den och försök igen.');
    expect(errorShown()).not.toContain('English, for logs');
    // The passphrase is cleared, the name kept, the focus on what to retype.
    expect(input(unlockIds.user).value).toBe('Ahmad');
    expect(input(unlockIds.passphrase).value).toBe('');
    expect(document.activeElement).toBe(input(unlockIds.passphrase));

    // The shown error follows a later language switch too.
    chooseLanguage('en');
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
  });

  test('an unknown error code, or a rejection without one, shows the generic message', async () => {
    let reply: unknown = shellError('disk_on_fire');
    locked({ unlock: () => Promise.reject(reply) });
    await mount();
    submit(unlockIds.submit);
    await settle();
    expect(errorShown()).toBe(t('error-unknown', undefined, 'en'));

    reply = 'a bare string';
    submit(unlockIds.submit);
    await settle();
    expect(errorShown()).toBe(t('error-unknown', undefined, 'en'));
  });

  test('lock calls lock, returns to unlock and clears everything shown', async () => {
    const calls = locked();
    await mount();
    type(unlockIds.user, 'Ahmad');
    type(unlockIds.passphrase, 'a long enough passphrase');
    submit(unlockIds.submit);
    await settle();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();

    byId(navIds.lock).click();
    await settle();

    expect(commands(calls)).toEqual(['app_status', 'unlock', 'get_settings', 'unfinished_calls', 'list_cases', 'lock']);
    expect(document.getElementById(homeIds.screen)).toBeNull();
    expect(document.getElementById(homeIds.user)).toBeNull();
    expect(document.body.textContent).not.toContain('Ahmad');
    expect(input(unlockIds.user).value).toBe('');
    expect(input(unlockIds.passphrase).value).toBe('');
    expect(document.activeElement).toBe(input(unlockIds.user));
  });

  test('a failed lock shows the error on whatever screen the shell now reports', async () => {
    let state = 'unlocked';
    fakeShell((cmd) => {
      if (cmd === 'watch_lock' || cmd === 'watch_sync' || cmd === 'ui_language') return null;
      if (cmd === 'app_status') return { state, user: 'Ahmad', role: 'volunteer' };
      state = 'locked';
      throw shellError('storage_failed');
    });
    await mount();
    byId(navIds.lock).click();
    await settle();
    expect(document.getElementById(homeIds.screen)).toBeNull();
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(errorShown()).toBe(
      'The data could not be read or written on this computer. Check that the disk is not full.',
    );
  });
});

describe('untrusted text', () => {
  const hostile = '<img src=x onerror="window.pwned=1">';

  test('a user name with markup is shown as text, not HTML', async () => {
    needsSetup();
    await mount();
    type(setupIds.user, hostile);
    type(setupIds.passphrase, 'a long enough passphrase');
    type(setupIds.repeat, 'a long enough passphrase');
    submit(setupIds.submit);
    await settle();
    input(recoveryIds.stored).click();
    byId(recoveryIds.continue).click();

    expect(byId(homeIds.user).textContent).toBe(hostile);
    expect(byId(homeIds.user).children.length).toBe(0);
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  test('IPC-returned text is not parsed either', async () => {
    fakeShell(() => ({ state: 'unlocked', user: '<b id="injected">x</b>', role: 'volunteer' }));
    await mount();
    expect(document.getElementById('injected')).toBeNull();
    expect(byId(homeIds.user).textContent).toBe('<b id="injected">x</b>');
  });

  test('a recovery code with markup is shown as text', async () => {
    needsSetup({ set_up_store: () => ({ recoveryCode: '<i>1234</i>', user: 'M', role: 'supervisor' }) });
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'a long enough passphrase');
    type(setupIds.repeat, 'a long enough passphrase');
    submit(setupIds.submit);
    await settle();
    expect(byId(recoveryIds.code).textContent).toBe('<i>1234</i>');
    expect(document.querySelector('i')).toBeNull();
  });
});

describe('language', () => {
  test('the switcher offers each language in its own name, on every screen', async () => {
    locked();
    await mount();
    const options = Array.from(byId<HTMLSelectElement>(appIds.language).options);
    expect(options.map((option) => [option.value, option.textContent])).toEqual([
      ['en', 'English'],
      ['sv', 'Svenska'],
      ['ar', 'العربية'],
    ]);
  });

  test('Arabic sets dir=rtl and keeps what was typed; the shell keeps the choice', async () => {
    const calls = needsSetup();
    await mount();
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'typed before switching');
    type(setupIds.repeat, 'typed before');

    chooseLanguage('ar');

    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(byId(setupIds.title).textContent).toBe('إعداد خط المساعدة');
    expect(document.querySelector(`label[for="${setupIds.user}"]`)?.textContent).toBe('اسم المستخدم');
    expect(input(setupIds.user).value).toBe('Maja');
    expect(input(setupIds.passphrase).value).toBe('typed before switching');
    expect(input(setupIds.repeat).value).toBe('typed before');
    expect(document.title).toBe('خط المساعدة');
    expect(sent(calls, 'set_ui_language')).toEqual([{ language: 'ar' }]);
    // The switcher keeps the focus it had.
    expect(document.activeElement).toBe(byId(appIds.language));

    chooseLanguage('sv');
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    expect(document.documentElement.getAttribute('lang')).toBe('sv');
    expect(byId(setupIds.title).textContent).toBe('Kom igång med Helpline');
    expect(input(setupIds.user).value).toBe('Maja');
  });

  test('switching on the recovery screen keeps the code and the tick', async () => {
    needsSetup();
    await mount();
    type(setupIds.user, 'Maja');
    type(setupIds.passphrase, 'a long enough passphrase');
    type(setupIds.repeat, 'a long enough passphrase');
    submit(setupIds.submit);
    await settle();
    input(recoveryIds.stored).click();

    chooseLanguage('ar');

    expect(byId(recoveryIds.code).textContent).toBe(RECOVERY_CODE);
    expect(byId(recoveryIds.code).getAttribute('dir')).toBe('ltr');
    expect(input(recoveryIds.stored).checked).toBe(true);
    expect(byId<HTMLButtonElement>(recoveryIds.continue).disabled).toBe(false);
    expect(byId<HTMLButtonElement>(recoveryIds.continue).textContent).toBe('متابعة');
  });

  test('the greeting isolates the name in Arabic too', async () => {
    fakeShell((cmd) => (cmd === 'ui_language' ? 'ar' : { state: 'unlocked', user: 'Maja Lind', role: 'volunteer' }));
    await mount();
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    const title = byId(homeIds.title);
    expect(title.textContent).toBe('مرحبًا، Maja Lind!');
    expect(title.querySelector(`bdi#${homeIds.user}`)?.textContent).toBe('Maja Lind');
    expect(byId(homeIds.role).textContent).toBe('لقد سجّلت الدخول بصفة متطوع.');
  });

  test('the saved choice wins over the system languages', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ar-EG', 'en']);
    locked({ ui_language: () => 'sv' });
    await mount();
    expect(document.documentElement.getAttribute('lang')).toBe('sv');
    expect(byId<HTMLSelectElement>(appIds.language).value).toBe('sv');
    expect(byId(unlockIds.title).textContent).toBe('Lås upp Helpline');
  });

  test('a choice the shell cannot read is said, over the system language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['sv-SE']);
    locked({
      ui_language: () => {
        throw shellError('storage_failed');
      },
    });
    await mount();
    expect(document.documentElement.getAttribute('lang')).toBe('sv');
    expect(byId(unlockIds.title).textContent).toBe('Lås upp Helpline');
    expect(errorShown()).toContain('Kontrollera att disken inte är full');
  });

  test('a choice the shell could not keep is said; the switch stands', async () => {
    locked({
      set_ui_language: () => {
        throw shellError('storage_failed');
      },
    });
    await mount();
    chooseLanguage('ar');
    await settle();
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(errorShown()).not.toBe('');
  });

  test('without a saved choice the first matching system language is used, else English', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'ar-EG', 'sv-SE']);
    locked();
    await mount();
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');

    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'de']);
    await mount();
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
  });
});
