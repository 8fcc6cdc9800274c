// Several desks, one helpline: the quiet sync state in the header, the desks screen
// (supervisors: this desk's status, Sync now, connecting, inviting), and joining a helpline from
// the first-run screen.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ids as appIds } from './app';
import { formatTime } from './format';
import { errorText, t } from './i18n';
import { ids as callIds } from './screens/call';
import { ids as desksIds } from './screens/desks';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as setupIds } from './screens/setup';
import { ids as syncIds } from './screens/sync-state';
import { ids as unlockIds } from './screens/unlock';
import {
  advance,
  byId,
  chooseLanguage,
  errorAt,
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
  BACKUP_PASSPHRASE,
  DESK_ADDRESS,
  DESK_SERVER,
  INVITATION,
  STARTED_AT,
  commands,
  connected,
  deferred,
  open,
  sent,
  store,
  syncByShell,
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

/** The header's sync state: its text, '' when it is hidden. */
function headerState(): string {
  const box = byId(syncIds.header);
  return box.hidden ? '' : plain(box.textContent ?? '');
}

async function desks(fake: FakeStore = supervisor(), overrides: Overrides = {}) {
  const calls = await open(fake, overrides);
  byId(navIds.place('desks')).click();
  await advance();
  return calls;
}

describe('the sync state in the header', () => {
  test('says nothing for a desk of its own', async () => {
    const fake = store();
    await open(fake);
    expect(fake.syncChannel, 'the UI listens from the start').not.toBeNull();
    syncByShell(fake, { state: 'off' });
    await advance();
    expect(headerState()).toBe('');
  });

  test('says each state quietly: syncing, synced at a time, offline since a time, a problem', async () => {
    const fake = store();
    await open(fake);
    syncByShell(fake, { state: 'syncing' });
    await advance();
    expect(headerState()).toBe('Syncing…');
    expect(byId(syncIds.header).dataset.state).toBe('syncing');

    syncByShell(fake, { state: 'synced', at: '2026-03-02T10:05:00Z' });
    await advance();
    expect(headerState()).toBe(`Synced ${formatTime('2026-03-02T10:05:00Z')}`);

    syncByShell(fake, { state: 'offline', since: '2026-03-02T10:07:00Z', code: 'server_unreachable' });
    await advance();
    expect(headerState()).toBe(`Offline since ${formatTime('2026-03-02T10:07:00Z')}`);
    // The longer explanation is there for whoever looks, not in the way.
    expect(byId(syncIds.header).title).toBe(errorText('server_unreachable'));

    syncByShell(fake, { state: 'failed', code: 'case_number_collision' });
    await advance();
    expect(headerState()).toBe('Sync problem: tell a supervisor');
    expect(byId(syncIds.header).title).toBe(errorText('case_number_collision'));
    // Quiet: not an error, not a live region.
    expect(errorShown()).toBe('');
    expect(byId(syncIds.header).getAttribute('role')).toBeNull();
    expect(byId(syncIds.header).getAttribute('aria-live')).toBeNull();

    syncByShell(fake, { state: 'off' });
    await advance();
    expect(headerState()).toBe('');
  });

  test('a problem during a call stays in the header: no error on the call screen', async () => {
    const fake = store();
    await open(fake);
    byId(homeIds.newCall).click();
    await advance();
    expect(document.getElementById(callIds.screen)).not.toBeNull();
    syncByShell(fake, { state: 'failed', code: 'server_refused' });
    syncByShell(fake, { state: 'offline', since: STARTED_AT, code: 'server_unreachable' });
    await advance();
    expect(errorShown()).toBe('');
    expect(document.getElementById(callIds.screen)).not.toBeNull();
    expect(headerState()).toContain('Offline since');
  });

  test('is not shown while locked, and comes back at the next sign-in', async () => {
    const fake = store();
    await open(fake);
    syncByShell(fake, { state: 'synced', at: STARTED_AT });
    await advance();
    expect(headerState()).not.toBe('');
    byId(navIds.lock).click();
    await advance();
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(headerState()).toBe('');
    type(unlockIds.user, 'Maja');
    type(unlockIds.passphrase, 'the current passphrase');
    submit(unlockIds.submit);
    await advance();
    expect(headerState()).toBe(`Synced ${formatTime(STARTED_AT)}`);
  });

  test('a state that does not check shows nothing rather than something wrong', async () => {
    const fake = store();
    await open(fake);
    syncByShell(fake, { state: 'synced', at: STARTED_AT });
    await advance();
    syncByShell(fake, { state: 'synced', at: 'yesterday' } as never);
    await advance();
    expect(headerState()).toBe('');
  });

  test('speaks the UI language', async () => {
    const fake = store();
    await open(fake);
    syncByShell(fake, { state: 'failed', code: 'server_refused' });
    await advance();
    chooseLanguage('sv');
    expect(headerState()).toBe(t('sync-failed', {}, 'sv'));
    chooseLanguage('ar');
    expect(headerState()).toBe(t('sync-failed', {}, 'ar'));
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('the desks screen', () => {
  test('is a supervisor’s: a volunteer has no such place', async () => {
    const calls = await open(store({ role: 'volunteer' }));
    expect(document.getElementById(navIds.place('desks'))).toBeNull();
    expect(commands(calls)).not.toContain('sync_status');
  });

  test('a desk of its own says so and offers to connect it, the address typed like a password', async () => {
    const calls = await desks();
    expect(sent(calls, 'sync_status')).toEqual([{}]);
    expect(byId(navIds.place('desks')).getAttribute('aria-current')).toBe('page');
    expect(textOf(desksIds.alone)).toBe(t('desks-alone'));
    expect(input(desksIds.address).type).toBe('password');
    expect(input(desksIds.address).autocomplete).toBe('off');
    expect(document.getElementById(desksIds.part('invite'))).toBeNull();
    for (const control of document.querySelectorAll(`#${desksIds.screen} input`)) {
      expect(document.querySelector(`label[for="${control.id}"]`)?.textContent, control.id).toBeTruthy();
    }
  });

  test('connecting sends the address and name, then shows the status without the password', async () => {
    const fake = supervisor();
    const calls = await desks(fake);
    type(desksIds.address, DESK_ADDRESS);
    type(desksIds.connectName, 'Office');
    submit(desksIds.connectSubmit);
    await advance();
    expect(sent(calls, 'connect_desk')).toEqual([{ address: DESK_ADDRESS, deskName: 'Office' }]);
    expect(textOf(desksIds.connected)).toBe(t('desks-connected'));
    expect(textOf(desksIds.deskName)).toBe('Office');
    expect(textOf(desksIds.server)).toBe(DESK_SERVER);
    expect(document.body.innerHTML).not.toContain('QWERTYUIOPASDFGH');
    expect(document.getElementById(desksIds.address)).toBeNull();
    expect(document.getElementById(desksIds.part('invite'))).not.toBeNull();
  });

  test('an address over the network is refused at the address field; an empty name never reaches the shell', async () => {
    const calls = await desks();
    type(desksIds.address, DESK_ADDRESS);
    submit(desksIds.connectSubmit);
    await advance();
    expect(errorAt(desksIds.connectName)).toBe(errorText('desk_name_empty'));
    expect(commands(calls)).not.toContain('connect_desk');

    type(desksIds.address, 'host=helpline.example.org dbname=helpline user=helpline_desk password=x');
    type(desksIds.connectName, 'Office');
    submit(desksIds.connectSubmit);
    await advance();
    expect(errorAt(desksIds.address)).toBe(errorText('server_needs_tls'));
    expect(document.activeElement).toBe(byId(desksIds.address));
  });

  test('says "Connecting…" while the shell connects', async () => {
    const reply = deferred();
    await desks(supervisor(), { connect_desk: () => reply.promise });
    type(desksIds.address, DESK_ADDRESS);
    type(desksIds.connectName, 'Office');
    submit(desksIds.connectSubmit);
    await advance();
    expect(textOf(desksIds.connectSubmit)).toBe('Connecting…');
    expect(byId<HTMLButtonElement>(desksIds.connectSubmit).disabled).toBe(true);
    reply.resolve(connected('Office'));
    await advance();
    expect(textOf(desksIds.deskName)).toBe('Office');
  });

  test('a connected desk shows its name, server, what waits and its position; Sync now says what it did', async () => {
    const fake = supervisor({ sync: connected('Office', { pending: 3, cursor: 41 }) });
    const calls = await desks(fake);
    expect(textOf(desksIds.deskName)).toBe('Office');
    expect(textOf(desksIds.server)).toBe(DESK_SERVER);
    expect(byId(desksIds.server).getAttribute('dir')).toBe('ltr');
    expect(textOf(desksIds.pending)).toBe('3');
    expect(textOf(desksIds.position)).toBe('41');
    expect(textOf(desksIds.state)).toBe(t('desks-state-off'));
    byId(desksIds.syncNow).click();
    await advance();
    expect(sent(calls, 'sync_now')).toEqual([{}]);
    expect(plain(textOf(desksIds.syncReport))).toBe('Synced. Sent: 3. Calls from other desks: 0. Cases forgotten: 0.');
    expect(textOf(desksIds.pending)).toBe('0');
    expect(document.activeElement).toBe(byId(desksIds.syncNow));
  });

  test('shows the background sync as the header does, and reads the status again after it', async () => {
    const fake = supervisor({ sync: connected('Office', { pending: 2 }) });
    const calls = await desks(fake);
    syncByShell(fake, { state: 'syncing' });
    await advance();
    expect(textOf(desksIds.state)).toBe('Syncing…');
    fake.sync.pending = 0;
    syncByShell(fake, { state: 'synced', at: STARTED_AT });
    await advance();
    expect(plain(textOf(desksIds.state))).toBe(`Synced ${formatTime(STARTED_AT)}`);
    expect(textOf(desksIds.pending)).toBe('0');
    expect(sent(calls, 'sync_status')).toHaveLength(2);
  });

  test('Sync now when the server cannot be reached says so; nothing else changes', async () => {
    await desks(supervisor({ sync: connected('Office'), serverDown: true }));
    byId(desksIds.syncNow).click();
    await advance();
    expect(errorShown()).toBe(errorText('server_unreachable'));
    expect(textOf(desksIds.syncReport)).toBe('');
  });

  test('an invitation is shown once, in groups, with how it must travel; hiding it takes it away', async () => {
    const calls = await desks(supervisor({ sync: connected('Office') }));
    type(desksIds.inviteName, 'Laptop');
    submit(desksIds.inviteSubmit);
    await advance();
    expect(sent(calls, 'invite_desk')).toEqual([{ deskName: 'Laptop' }]);
    const code = byId(desksIds.invitationCode);
    expect(code.getAttribute('dir')).toBe('ltr');
    expect([...code.querySelectorAll('.code-group')].map((group) => group.textContent).join('')).toBe(INVITATION);
    expect(code.querySelectorAll('.code-group')).toHaveLength(10);
    expect(plain(textOf(desksIds.invitationTitle))).toBe('Invitation for Laptop');
    expect(textOf(desksIds.invitation)).toContain(t('desks-invitation-once'));
    expect(document.activeElement).toBe(byId(desksIds.invitationDone));
    expect(input(desksIds.inviteName).value).toBe('');

    byId(desksIds.invitationDone).click();
    await advance();
    expect(document.getElementById(desksIds.invitation)).toBeNull();
    expect(document.body.textContent).not.toContain('MFRG-');
  });

  test('the invitation leaves with the screen', async () => {
    await desks(supervisor({ sync: connected('Office') }));
    type(desksIds.inviteName, 'Laptop');
    submit(desksIds.inviteSubmit);
    await advance();
    expect(document.getElementById(desksIds.invitationCode)).not.toBeNull();
    byId(navIds.place('home')).click();
    await advance();
    byId(navIds.place('desks')).click();
    await advance();
    expect(document.getElementById(desksIds.invitation)).toBeNull();
    expect(document.body.textContent).not.toContain('MFRG-');
  });

  test('says "Inviting…" while the shell seals and sends the store', async () => {
    const reply = deferred();
    await desks(supervisor({ sync: connected('Office') }), { invite_desk: () => reply.promise });
    type(desksIds.inviteName, 'Laptop');
    submit(desksIds.inviteSubmit);
    await advance();
    expect(textOf(desksIds.inviteSubmit)).toBe('Inviting…');
    expect(textOf(desksIds.inviteStatus)).toBe(t('desks-inviting'));
    reply.reject(shellError('server_unreachable'));
    await advance();
    expect(errorShown()).toBe(errorText('server_unreachable'));
    expect(textOf(desksIds.inviteSubmit)).toBe(t('desks-invite-submit'));
    expect(document.getElementById(desksIds.invitation)).toBeNull();
  });
});

describe('joining a helpline on the first-run screen', () => {
  function firstRun(overrides: Partial<FakeStore> = {}): FakeStore {
    return store({ state: 'needs_setup', users: [{ name: 'Sara', role: 'volunteer' }], ...overrides });
  }

  async function joinForm(fake: FakeStore, overrides: Overrides = {}) {
    const calls = await open(fake, overrides);
    byId(setupIds.chooseJoin).click();
    await advance();
    return calls;
  }

  function fill(address: string, invitation: string, user: string, passphrase: string): void {
    type(setupIds.joinAddress, address);
    type(setupIds.joinInvitation, invitation);
    type(setupIds.joinUser, user);
    type(setupIds.joinPassphrase, passphrase);
  }

  test('is the third way, beside set-up and restoring', async () => {
    await open(firstRun());
    expect(textOf(setupIds.joinPartTitle)).toBe(t('setup-join-title'));
    byId(setupIds.chooseJoin).click();
    await advance();
    expect(textOf(setupIds.joinTitle)).toBe(t('join-title'));
    expect(document.activeElement).toBe(byId(setupIds.joinAddress));
    expect(input(setupIds.joinAddress).type).toBe('password');
    expect(input(setupIds.joinPassphrase).type).toBe('password');
    expect(input(setupIds.joinInvitation).getAttribute('dir')).toBe('ltr');
    byId(setupIds.joinCancel).click();
    await advance();
    expect(document.getElementById(setupIds.form)).not.toBeNull();
  });

  test('joins with what was typed and goes into the app signed in', async () => {
    const fake = firstRun();
    const calls = await joinForm(fake);
    fill(DESK_ADDRESS, INVITATION.toLowerCase(), 'Sara', BACKUP_PASSPHRASE);
    submit(setupIds.joinSubmit);
    await advance();
    expect(sent(calls, 'join_helpline')).toEqual([
      { address: DESK_ADDRESS, invitation: INVITATION.toLowerCase(), userName: 'Sara', passphrase: BACKUP_PASSPHRASE },
    ]);
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    expect(textOf(homeIds.user)).toBe('Sara');
    syncByShell(fake, { state: 'synced', at: STARTED_AT });
    await advance();
    expect(headerState()).toBe(`Synced ${formatTime(STARTED_AT)}`);
  });

  test('says what it waits for while the helpline is fetched', async () => {
    const reply = deferred();
    const fake = firstRun();
    await joinForm(fake, { join_helpline: () => reply.promise });
    fill(DESK_ADDRESS, INVITATION, 'Sara', BACKUP_PASSPHRASE);
    submit(setupIds.joinSubmit);
    await advance();
    expect(textOf(setupIds.joinStatus)).toBe(t('join-working'));
    expect(byId<HTMLButtonElement>(setupIds.joinSubmit).disabled).toBe(true);
    fake.state = 'unlocked';
    fake.user = 'Sara';
    reply.resolve({ user: 'Sara', role: 'volunteer', casesExpired: 0, retentionFailed: false });
    await advance();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
  });

  test('fields are checked in the order they appear, before the shell is asked', async () => {
    const calls = await joinForm(firstRun());
    fill('', '', '', '');
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinAddress)).toBe(errorText('server_address_invalid'));
    type(setupIds.joinAddress, DESK_ADDRESS);
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinInvitation)).toBe(errorText('invitation_invalid'));
    type(setupIds.joinInvitation, INVITATION);
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinUser)).toBe(errorText('invalid_user_name'));
    expect(commands(calls)).not.toContain('join_helpline');
  });

  test('each refusal is shown at the field to correct', async () => {
    const fake = firstRun();
    await joinForm(fake);
    fill(DESK_ADDRESS, 'not an invitation', 'Sara', BACKUP_PASSPHRASE);
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinInvitation)).toBe(errorText('invitation_invalid'));

    fill('host=192.0.2.7 dbname=helpline', INVITATION, 'Sara', BACKUP_PASSPHRASE);
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinAddress)).toBe(errorText('server_needs_tls'));

    fill(DESK_ADDRESS, INVITATION, 'Sara', 'not the passphrase');
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinPassphrase)).toBe(errorText('wrong_passphrase'));
    expect(input(setupIds.joinPassphrase).value).toBe('');

    // The invitation was used by that try: the next one is told so, at the invitation.
    fill(DESK_ADDRESS, INVITATION, 'Sara', BACKUP_PASSPHRASE);
    submit(setupIds.joinSubmit);
    await advance();
    expect(errorAt(setupIds.joinInvitation)).toBe(errorText('invitation_unknown'));
    expect(document.getElementById(setupIds.join)).not.toBeNull();
  });

  test('a store that appeared meanwhile brings the screen the shell asks for', async () => {
    const fake = firstRun();
    await joinForm(fake);
    fake.state = 'locked';
    fill(DESK_ADDRESS, INVITATION, 'Sara', BACKUP_PASSPHRASE);
    submit(setupIds.joinSubmit);
    await advance();
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
  });
});

test('the header box is part of the page from the start (hidden), before the screen', async () => {
  await open(store({ state: 'needs_setup' }));
  const header = document.querySelector('header.top')!;
  expect(header.contains(byId(syncIds.header))).toBe(true);
  expect(byId(syncIds.header).hidden).toBe(true);
  expect(byId(appIds.screen).contains(byId(syncIds.header))).toBe(false);
});
