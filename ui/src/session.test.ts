// While unlocked: home, unfinished calls, looking up a case, its history, the cases list,
// locking (button, Ctrl+L, idle), the keyboard-only path, one's own passphrase.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatCount } from './format';
import { REPORT_EVERY_MS } from './idle';
import type { CallContent } from './ipc';
import { ids as callIds } from './screens/call';
import { ids as casesIds } from './screens/cases';
import { ids as historyIds } from './screens/history';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as passphraseIds } from './screens/passphrase';
import { ids as settingsIds } from './screens/settings';
import { ids as unlockIds } from './screens/unlock';
import {
  advance,
  byId,
  choose,
  chooseLanguage,
  errorShown,
  input,
  plain,
  press,
  reset,
  shellError,
  submit,
  textOf,
  type,
  typeText,
  type Call,
} from './test-support';
import {
  BAD_CHECK,
  NUMBER,
  OTHER_NUMBER,
  STARTED_AT,
  addCase,
  answer,
  blankContent,
  callView,
  commands,
  deferred,
  open,
  sent,
  shell,
  store,
  type FakeStore,
  lockByShell,
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


async function unlockAs(user: string): Promise<void> {
  type(unlockIds.user, user);
  type(unlockIds.passphrase, 'a long enough passphrase');
  submit(unlockIds.submit);
  await advance();
}

async function lookup(typed: string): Promise<void> {
  type(homeIds.lookupNumber, typed);
  submit(homeIds.lookupSubmit);
  await advance();
}

describe('home', () => {
  test('offers a large New call with its shortcut, the returning-caller field and the menu', async () => {
    await open();
    const newCall = byId(homeIds.newCall);
    expect(newCall.textContent).toBe('New call (Alt+N)');
    expect(newCall.getAttribute('aria-keyshortcuts')).toBe('Alt+N');
    expect(document.querySelector(`label[for="${homeIds.lookupNumber}"]`)?.textContent).toBe('Case number');
    expect(byId(homeIds.lookupNumber).getAttribute('dir')).toBe('ltr');
    for (const id of [navIds.place('home'), navIds.place('cases'), navIds.place('passphrase'), navIds.lock]) expect(document.getElementById(id)).not.toBeNull();
    expect(textOf(navIds.lock)).toBe('Lock (Ctrl+L)');
  });

  test('settings are not there for volunteers', async () => {
    await open(store({ role: 'volunteer' }));
    expect(document.getElementById(navIds.place('settings'))).toBeNull();
    expect(document.getElementById(settingsIds.screen)).toBeNull();
  });

  test('settings are there for supervisors', async () => {
    const calls = await open(store({ role: 'supervisor' }));
    byId(navIds.place('settings')).click();
    await advance();
    expect(document.getElementById(settingsIds.screen)).not.toBeNull();
    expect(commands(calls)).toContain('list_users');
  });
});

describe('unfinished calls', () => {
  function withDraft(): FakeStore {
    const fake = store({ state: 'locked' });
    fake.drafts.set('draft-7', {
      draftId: 'draft-7',
      caseNumber: NUMBER,
      startedAt: '2026-03-02T09:40:00Z',
      content: { ...blankContent(), notes: 'Her son (17) talks about leaving.', level: 'strong_interest' },
      newCase: true,
      case: null,
    });
    return fake;
  }

  test('are offered first after unlocking, and resume with their notes', async () => {
    const fake = withDraft();
    const calls = await open(fake);
    await unlockAs('Maja');

    const box = byId(homeIds.unfinished);
    expect(box.textContent).toContain('A call was not finished — the notes were saved. Continue it?');
    expect(box.querySelector('.case-number')?.textContent).toBe(NUMBER);
    expect(box.querySelector('.case-number')?.getAttribute('dir')).toBe('ltr');
    // First on the page, before New call.
    expect(box.compareDocumentPosition(byId(homeIds.newCall)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.activeElement).toBe(byId(homeIds.resumeFirst));
    expect(document.querySelectorAll('.resume-call').length).toBe(1);
    expect(document.querySelectorAll('.discard-unfinished').length).toBe(1);

    byId(homeIds.resumeFirst).click();
    await advance();
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('Her son (17) talks about leaving.');
    expect(input(callIds.levelStep('strong_interest')).checked).toBe(true);
    expect(textOf(callIds.caseNumber)).toBe(NUMBER);
    // The call opened its case: it is not labelled as a returning caller's (issue 12).
    expect(document.querySelector('.number-label')?.textContent).toBe('New case. Give the caller this number:');
    // The timer counts from when the call began.
    expect(textOf(callIds.timer)).toBe('20:00');

    typeText(callIds.notes, 'Her son (17) talks about leaving. He has a ticket.');
    await advance(1000);
    expect(sent(calls, 'save_draft')).toEqual([
      {
        draftId: 'draft-7',
        content: { ...blankContent(), notes: 'Her son (17) talks about leaving. He has a ticket.', level: 'strong_interest' },
      },
    ]);
    expect(commands(calls)).not.toContain('start_call');
  });

  test('can be discarded after a confirmation', async () => {
    const fake = withDraft();
    const calls = await open(fake);
    await unlockAs('Maja');
    document.querySelector<HTMLButtonElement>('.discard-unfinished')!.click();
    expect(commands(calls)).not.toContain('discard_call');
    expect(byId(homeIds.unfinished).textContent).toContain('Discard this unfinished call?');
    document.querySelector<HTMLButtonElement>('.discard-unfinished-cancel')!.click();
    expect(commands(calls)).not.toContain('discard_call');

    document.querySelector<HTMLButtonElement>('.discard-unfinished')!.click();
    document.querySelector<HTMLButtonElement>('.discard-unfinished-confirm')!.click();
    await advance();
    expect(sent(calls, 'discard_call')).toEqual([{ draftId: 'draft-7' }]);
    expect(document.getElementById(homeIds.unfinished)).toBeNull();
  });

  test('a call that is gone says so', async () => {
    const fake = withDraft();
    await open(fake, { discard_call: () => Promise.reject(shellError('no_such_call')) });
    await unlockAs('Maja');
    document.querySelector<HTMLButtonElement>('.discard-unfinished')!.click();
    document.querySelector<HTMLButtonElement>('.discard-unfinished-confirm')!.click();
    await advance();
    expect(errorShown()).toBe('That unfinished call is no longer there.');
  });

  test('none: no box', async () => {
    await open();
    expect(document.getElementById(homeIds.unfinished)).toBeNull();
  });
});

describe('looking up a returning caller', () => {
  test('sends the number exactly as typed and shows the history', async () => {
    const fake = store();
    addCase(fake, NUMBER, [callView()]);
    const calls = await open(fake);
    await lookup('٤٨٢١-٠٩٣٧-٥٥٢');
    expect(sent(calls, 'find_case')).toEqual([{ caseNumber: '٤٨٢١-٠٩٣٧-٥٥٢' }]);
    expect(textOf(historyIds.caseNumber)).toBe(NUMBER);
  });

  test('a wrong check digit and an unknown number read differently; the typed number stays', async () => {
    await open();
    await lookup(BAD_CHECK);
    const invalid = errorShown();
    expect(invalid).toBe('That number is not valid — check it with the caller.');
    expect(input(homeIds.lookupNumber).value).toBe(BAD_CHECK);
    expect(document.activeElement).toBe(input(homeIds.lookupNumber));

    await lookup('4821 0937');
    expect(errorShown()).toBe(invalid); // too short: not valid either
    expect(input(homeIds.lookupNumber).value).toBe('4821 0937');

    await lookup(OTHER_NUMBER);
    expect(errorShown()).toBe('No case has that number — check it with the caller.');
    expect(errorShown()).not.toBe(invalid);
    expect(input(homeIds.lookupNumber).value).toBe(OTHER_NUMBER);
    expect(document.getElementById(historyIds.screen)).toBeNull();
  });

  test('an empty field asks for the number without asking the shell', async () => {
    const calls = await open();
    await lookup('  ');
    expect(commands(calls)).not.toContain('find_case');
    expect(errorShown()).toBe('Type the case number the caller gives you.');
  });
});

describe('case history', () => {
  function history(): FakeStore {
    const fake = store();
    fake.settings.referrals.push({ code: 'imam_karim', label: 'Imam Karim <b>' });
    addCase(fake, NUMBER, [
      // Sent oldest first: the UI shows them newest first anyway.
      callView({ startedAt: '2026-01-10T09:00:00Z', endedAt: '2026-01-10T09:20:00Z', notes: 'First call.', level: 'strong_interest' }),
      callView({
        startedAt: '2026-02-20T18:30:00Z',
        endedAt: null,
        notes: 'Second call.\n\nHe bought a ticket.',
        level: 'in_transit_country',
        escalated: true,
        channel: 'email',
        language: 'ar',
        referrals: ['social_services', 'imam_karim'],
        nextSteps: 'Call back Monday',
        followUp: '2026-02-23',
        caller: {
          relationship: 'mother',
          gender: 'woman',
          identity: { choice: 'gave_contact_details', name: 'أمينة', phone: null, email: 'a@example.org' },
        },
      }),
      callView({ startedAt: '2026-02-01T12:00:00Z', notes: 'Middle call.', level: 'strong_interest' }),
    ]);
    return fake;
  }

  test('shows the calls newest first, with the escalation marked', async () => {
    await open(history());
    await lookup(NUMBER);
    const items = [...document.querySelectorAll('.history-call')];
    expect(items.map((item) => item.querySelector('.history-notes')?.textContent)).toEqual([
      'Second call.\n\nHe bought a ticket.',
      'Middle call.',
      'First call.',
    ]);
    const [newest, middle] = items;
    expect(newest!.querySelector('.history-escalated')?.textContent).toBe('Concern rose');
    expect(middle!.querySelector('.history-escalated')).toBeNull();
    expect(document.querySelectorAll('.history-escalated').length).toBe(1);

    const text = newest!.textContent ?? '';
    expect(text).toContain('Step 3: in a transit country');
    expect(text).toContain('E-mail');
    expect(text).toContain('Arabic');
    expect(text).toContain('Social services');
    expect(text).toContain('Imam Karim <b>');
    expect(newest!.querySelector('b')).toBeNull();
    expect(text).toContain('Call back Monday');
    expect(text).toContain('Not recorded'); // no end time
    expect(text).toContain('أمينة');
    expect(text).toContain('a@example.org');
    // A name is isolated as typed; an e-mail address always reads left to right.
    const isolated = [...newest!.querySelectorAll('bdi')];
    expect(isolated.find((node) => node.textContent === 'أمينة')?.getAttribute('dir')).toBe('auto');
    expect(isolated.find((node) => node.textContent === 'a@example.org')?.getAttribute('dir')).toBe('ltr');
    const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-02-20T18:30:00Z'));
    expect(newest!.querySelector('time')?.textContent).toBe(when);
    expect(plain(items[2]!.textContent ?? '')).toContain('20 min');
    // Only what was stated: no rows of "not stated", "anonymous" or empty next steps (issue 12).
    const oldest = items[2]!;
    expect([...oldest.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([]);
    for (const noise of ['Not stated', 'Anonymous', 'Unknown', '—']) expect(oldest.textContent).not.toContain(noise);

    const notes = newest!.querySelector('.history-notes')!;
    expect(notes.getAttribute('dir')).toBe('auto');
    expect(byId(historyIds.caseNumber).getAttribute('dir')).toBe('ltr');
  });

  test('dates follow the UI language', async () => {
    await open(history());
    chooseLanguage('sv');
    await lookup(NUMBER);
    const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-02-20T18:30:00Z'));
    expect(document.querySelector('.history-call time')?.textContent).toBe(when);
    expect(document.querySelector('.history-escalated')?.textContent).toBe('Oron ökade');
  });

  test('the case can be closed and reopened', async () => {
    const fake = history();
    const calls = await open(fake);
    await lookup(NUMBER);
    expect(textOf(historyIds.state)).toBe('This case is open.');
    expect(textOf(historyIds.toggleOpen)).toBe('Close the case');
    byId(historyIds.toggleOpen).click();
    await advance();
    expect(sent(calls, 'set_case_open')).toEqual([{ caseNumber: NUMBER, open: false }]);
    expect(textOf(historyIds.state)).toBe('This case is closed.');
    byId(historyIds.toggleOpen).click();
    await advance();
    expect(sent(calls, 'set_case_open').at(-1)).toEqual({ caseNumber: NUMBER, open: true });
    expect(textOf(historyIds.state)).toBe('This case is open.');
  });
});

describe('the cases list', () => {
  function cases(): FakeStore {
    const fake = store();
    addCase(fake, NUMBER, [callView({ level: 'wish_to_leave', followUp: '2026-03-02', startedAt: '2026-02-27T10:00:00Z' })]);
    addCase(fake, OTHER_NUMBER, [callView({ level: 'strong_interest', followUp: '2026-04-01', startedAt: '2026-02-28T10:00:00Z' })]);
    addCase(fake, '5555 5555 550', [callView({ level: 'in_transit_country', startedAt: '2026-01-01T10:00:00Z' })], false);
    return fake;
  }

  const shown = () => [...document.querySelectorAll('.case-row .case-number')].map((cell) => cell.textContent);

  const filters = (calls: Call[]) => sent(calls, 'list_cases').map((args) => args.filter);

  test('shows open cases by default, follow-up due first, with due follow-ups marked', async () => {
    const calls = await open(cases());
    expect(filters(calls)).toEqual([{ openOnly: true, dueOnly: false, minStep: 0, sort: 'follow_up' }]);
    expect(input(casesIds.filterOpen).checked).toBe(true);
    expect(byId<HTMLSelectElement>(casesIds.sort).value).toBe('follow_up');
    expect(shown()).toEqual([NUMBER, OTHER_NUMBER]);
    expect(document.getElementById(casesIds.capped)).toBeNull();
    expect(document.getElementById(casesIds.loading)).toBeNull();
    const rows = [...document.querySelectorAll('.case-row')];
    expect(rows[0]!.classList.contains('follow-up-today')).toBe(true); // follow-up today
    expect(rows[1]!.classList.contains('follow-up-today')).toBe(false);
    expect(rows[0]!.textContent).toContain('Step 2');
    expect(document.querySelector('.case-row .case-number')?.getAttribute('dir')).toBe('ltr');
  });

  /** Four open cases: overdue at step 1, due today at step 2, later at step 1, none at step 3 (the latest call). */
  function toSort(): FakeStore {
    const fake = store();
    addCase(fake, '1111 1111 110', [callView({ level: 'strong_interest', followUp: '2026-02-20', startedAt: '2026-02-20T10:00:00Z' })]);
    addCase(fake, '2222 2222 220', [callView({ level: 'wish_to_leave', followUp: '2026-03-02', startedAt: '2026-02-25T10:00:00Z' })]);
    addCase(fake, '3333 3333 330', [callView({ level: 'strong_interest', followUp: '2026-03-09', startedAt: '2026-02-26T10:00:00Z' })]);
    addCase(fake, '4444 4444 440', [callView({ level: 'in_transit_country', startedAt: '2026-03-01T10:00:00Z' })]);
    return fake;
  }

  test('the sort is sent with the filter and kept for the session; each order lists as the shell sorts', async () => {
    const calls = await open(toSort());
    expect(shown()).toEqual(['1111 1111 110', '2222 2222 220', '3333 3333 330', '4444 4444 440']);
    const options = [...byId<HTMLSelectElement>(casesIds.sort).options].map((option) => [option.value, option.textContent]);
    expect(options).toEqual([
      ['follow_up', 'Follow-up due first'],
      ['level', 'Highest level first'],
      ['last_call', 'Latest call first'],
    ]);
    expect(byId(casesIds.sort).closest('fieldset.filters')).not.toBeNull();
    choose(casesIds.sort, 'level');
    await advance();
    expect(shown()).toEqual(['4444 4444 440', '2222 2222 220', '3333 3333 330', '1111 1111 110']);
    choose(casesIds.sort, 'last_call');
    await advance();
    expect(shown()).toEqual(['4444 4444 440', '3333 3333 330', '2222 2222 220', '1111 1111 110']);
    expect(filters(calls).map((filter) => (filter as { sort: string }).sort)).toEqual(['follow_up', 'level', 'last_call']);

    // Kept while away from the list, as the other filters are.
    byId(navIds.place('home')).click();
    await advance();
    byId(navIds.place('cases')).click();
    await advance();
    expect(byId<HTMLSelectElement>(casesIds.sort).value).toBe('last_call');
    expect(filters(calls).at(-1)).toEqual({ openOnly: true, dueOnly: false, minStep: 0, sort: 'last_call' });
  });

  test('an overdue follow-up is told apart from one due today, in words and not by colour alone', async () => {
    await open(toSort());
    const rows = [...document.querySelectorAll<HTMLElement>('.case-row')];
    const tag = (row: HTMLElement) => row.querySelector('.follow-up .tag');
    expect(rows[0]!.classList.contains('follow-up-overdue')).toBe(true);
    expect(tag(rows[0]!)?.textContent).toBe('Overdue');
    expect(tag(rows[0]!)?.classList.contains('follow-up-overdue')).toBe(true);
    expect(rows[1]!.classList.contains('follow-up-today')).toBe(true);
    expect(tag(rows[1]!)?.textContent).toBe('Due today');
    expect(tag(rows[1]!)?.classList.contains('follow-up-today')).toBe(true);
    // A later follow-up and none: no tag, no state class.
    for (const row of rows.slice(2)) {
      expect(tag(row)).toBeNull();
      expect(row.className).not.toMatch(/follow-up-/);
    }
  });

  test('step 3 and a risen case are marked with the badge and the note of the history', async () => {
    const fake = toSort();
    addCase(fake, '7777 7777 770', [
      callView({ level: 'wish_to_leave', startedAt: '2026-02-28T10:00:00Z', escalated: true }),
      callView({ level: 'strong_interest', startedAt: '2026-02-01T10:00:00Z' }),
    ]);
    await open(fake);
    const row = (number: string) =>
      [...document.querySelectorAll<HTMLElement>('.case-row')].find((item) => item.querySelector('.case-number')?.textContent === number)!;
    const step3 = row('4444 4444 440');
    expect(step3.querySelector('.level.level-3')?.textContent).toBe('Step 3');
    expect(step3.querySelector('.history-escalated')).toBeNull();
    const risen = row('7777 7777 770');
    const note = risen.querySelector('.history-escalated');
    expect(note?.textContent).toBe('Concern rose');
    expect(note?.getAttribute('role')).toBe('note');
    expect(risen.querySelector('.level.level-2')).not.toBeNull();
    expect(document.querySelectorAll('.case-row .history-escalated').length).toBe(1);
  });

  test('Mark done tells the shell, and the list comes back with the follow-up gone', async () => {
    const fake = toSort();
    const calls = await open(fake);
    // Only cases with a follow-up have the button.
    expect(document.getElementById(casesIds.markDone('4444 4444 440'))).toBeNull();
    const done = byId<HTMLButtonElement>(casesIds.markDone('1111 1111 110'));
    expect(done.textContent).toBe('Mark done');
    // Each row's button says which case it is about.
    expect(done.getAttribute('aria-describedby')).toBe(casesIds.open('1111 1111 110'));
    expect(byId(casesIds.open('1111 1111 110')).textContent).toBe('1111 1111 110');
    done.click();
    await advance();
    expect(sent(calls, 'mark_follow_up_done')).toEqual([{ caseNumber: '1111 1111 110' }]);
    expect(commands(calls).slice(-2)).toEqual(['mark_follow_up_done', 'list_cases']);
    expect(document.getElementById(casesIds.markDone('1111 1111 110'))).toBeNull();
    // The button is gone: the focus stays on the row, at its case.
    expect(document.activeElement).toBe(byId(casesIds.open('1111 1111 110')));
    const row = [...document.querySelectorAll<HTMLElement>('.case-row')].find(
      (item) => item.querySelector('.case-number')?.textContent === '1111 1111 110',
    )!;
    expect(row.querySelector('.follow-up')?.textContent).toBe('—');
    expect(row.className).not.toMatch(/follow-up-/);
    expect(fake.audit[0]?.action).toEqual({ kind: 'follow_up_done', case: '1111111100000000' });
    // The call that agreed it still says so; the case no longer has it, until a later call agrees one.
    expect(answer(fake, 'find_case', { caseNumber: '1111 1111 110' })).toMatchObject({ calls: [{ followUp: '2026-02-20' }] });
    fake.cases.get('11111111110')!.calls.unshift(callView({ callId: '1002', followUp: '2026-03-05', startedAt: '2026-03-01T10:00:00Z' }));
    expect(answer(fake, 'case_overview', { caseNumber: '1111 1111 110' })).toMatchObject({ followUp: '2026-03-05', followUpState: 'later' });
  });

  test('the fake keeps the follow-up of a case as the core does: through a later call that sets none, until one does it', () => {
    const fake = store();
    addCase(fake, NUMBER, [
      callView({ callId: '1002', level: 'in_transit_country', startedAt: '2026-03-01T10:00:00Z' }),
      callView({ callId: '1001', followUp: '2026-03-04', startedAt: '2026-02-27T10:00:00Z' }),
    ]);
    const followUp = () => (answer(fake, 'case_overview', { caseNumber: NUMBER }) as { followUp: string | null }).followUp;
    expect(followUp()).toBe('2026-03-04');
    fake.cases.get('48210937552')!.calls.unshift(callView({ callId: '1003', followUpDone: true, startedAt: '2026-03-02T09:00:00Z' }));
    expect(followUp()).toBeNull();
  });

  test('a refused Mark done shows why and keeps the row', async () => {
    await open(toSort(), { mark_follow_up_done: () => { throw shellError('no_such_case'); } });
    byId(casesIds.markDone('2222 2222 220')).click();
    await advance();
    expect(errorShown()).not.toBe('');
    expect(document.getElementById(casesIds.markDone('2222 2222 220'))).not.toBeNull();
  });

  test('in Arabic the follow-up tags, the sort and Mark done read right to left', async () => {
    await open(toSort());
    chooseLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    const tags = [...document.querySelectorAll('.case-row .follow-up .tag')];
    expect(tags.map((tag) => tag.textContent)).toEqual(['متأخرة', 'موعدها اليوم']);
    for (const tag of tags) expect(tag.closest('[dir="ltr"]')).toBeNull();
    expect(byId<HTMLSelectElement>(casesIds.sort).selectedOptions[0]?.textContent).toBe('المتابعات المستحقة أولًا');
    expect(byId(casesIds.markDone('1111 1111 110')).textContent).toBe('تمّت المتابعة');
  });

  test('a case whose concern rose is marked in the list', async () => {
    const fake = cases();
    addCase(fake, '7777 7777 770', [
      callView({ level: 'in_transit_country', startedAt: '2026-03-01T10:00:00Z', escalated: true }),
      callView({ level: 'strong_interest', startedAt: '2026-02-01T10:00:00Z' }),
    ]);
    await open(fake);
    const rows = [...document.querySelectorAll('.case-row')];
    const marked = rows.filter((row) => row.querySelector('.history-escalated'));
    expect(marked.length).toBe(1);
    expect(marked[0]!.querySelector('.case-number')?.textContent).toBe('7777 7777 770');
    expect(marked[0]!.querySelector('.history-escalated')?.textContent).toBe('Concern rose');
  });

  test('each filter change asks the shell for the list again: open only, follow-up due, minimum latest level', async () => {
    const calls = await open(cases());
    byId(casesIds.filterOpen).click();
    await advance();
    expect(shown()).toEqual([NUMBER, OTHER_NUMBER, '5555 5555 550']);
    byId(casesIds.filterDue).click();
    await advance();
    expect(shown()).toEqual([NUMBER]);
    byId(casesIds.filterDue).click();
    await advance();
    choose(casesIds.filterLevel, '2');
    await advance();
    expect(shown()).toEqual([NUMBER, '5555 5555 550']);
    choose(casesIds.filterLevel, '3');
    await advance();
    expect(shown()).toEqual(['5555 5555 550']);
    byId(casesIds.filterOpen).click();
    await advance();
    expect(shown()).toEqual([]);
    expect(byId(casesIds.empty).hidden).toBe(false);
    expect(filters(calls)).toEqual([
      { openOnly: true, dueOnly: false, minStep: 0, sort: 'follow_up' },
      { openOnly: false, dueOnly: false, minStep: 0, sort: 'follow_up' },
      { openOnly: false, dueOnly: true, minStep: 0, sort: 'follow_up' },
      { openOnly: false, dueOnly: false, minStep: 0, sort: 'follow_up' },
      { openOnly: false, dueOnly: false, minStep: 2, sort: 'follow_up' },
      { openOnly: false, dueOnly: false, minStep: 3, sort: 'follow_up' },
      { openOnly: true, dueOnly: false, minStep: 3, sort: 'follow_up' },
    ]);
    expect(input(casesIds.filterOpen).checked).toBe(true);
    expect(byId<HTMLSelectElement>(casesIds.filterLevel).value).toBe('3');
  });

  test('while the list is asked for again it shows as loading; a reply overtaken by a newer filter is dropped', async () => {
    const fake = cases();
    const slow = deferred();
    let hold = false;
    const calls = await open(fake, {
      list_cases: (args) => (hold ? slow.promise.then(() => answer(fake, 'list_cases', args)) : answer(fake, 'list_cases', args)),
    });
    byId(navIds.place('cases')).click();
    await advance();
    expect(document.getElementById(homeIds.screen)).toBeNull();
    expect(shown()).toEqual([NUMBER, OTHER_NUMBER]);

    hold = true;
    byId(casesIds.filterOpen).click();
    await advance();
    expect(document.getElementById(casesIds.loading)).not.toBeNull();
    expect(shown()).toEqual([]);
    expect(byId(casesIds.empty).hidden).toBe(true);

    hold = false;
    byId(casesIds.filterDue).click();
    await advance();
    expect(document.getElementById(casesIds.loading)).toBeNull();
    expect(shown()).toEqual([NUMBER]);
    slow.resolve(null);
    await advance();
    expect(shown()).toEqual([NUMBER]);
    expect(filters(calls).slice(-2)).toEqual([
      { openOnly: false, dueOnly: false, minStep: 0, sort: 'follow_up' },
      { openOnly: false, dueOnly: true, minStep: 0, sort: 'follow_up' },
    ]);
  });

  test('a list the shell capped says how many cases match, in every language', async () => {
    const fake = store();
    for (let i = 0; i < 250; i++) {
      const started = new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString();
      addCase(fake, `${String(i).padStart(4, '0')} 0000 000`, [callView({ startedAt: started, endedAt: started })]);
    }
    await open(fake);
    expect(document.querySelectorAll('.case-row').length).toBe(200);
    expect(shown()[0]).toBe('0249 0000 000');
    expect(plain(textOf(casesIds.capped))).toBe(
      'Showing the first 200 of 250 cases, in the order chosen. Narrow the filters, or look a case up by its number.',
    );
    chooseLanguage('sv');
    expect(plain(textOf(casesIds.capped))).toBe(
      `Visar de ${formatCount(200)} första av ${formatCount(250)} ärenden, i vald ordning. Begränsa urvalet, eller slå upp ett ärende på dess nummer.`,
    );
    chooseLanguage('ar');
    // 250: the plural form for 11 to 99 (of the hundred), the noun in the singular accusative.
    expect(plain(textOf(casesIds.capped))).toBe(
      `تُعرض أول ${formatCount(200)} من أصل ${formatCount(250)} حالةً بالترتيب المختار. ضيّق خيارات العرض، أو ابحث عن الحالة برقمها.`,
    );

    // Numbers are grouped the way the language groups them.
    for (let i = 250; i < 1_234; i++) {
      addCase(fake, `${String(i).padStart(4, '0')} 1111 111`, [callView({ startedAt: STARTED_AT })]);
    }
    chooseLanguage('en');
    byId(navIds.place('cases')).click();
    await advance();
    expect(document.querySelectorAll('.case-row').length).toBe(200);
    expect(plain(textOf(casesIds.capped))).toContain('Showing the first 200 of 1,234 cases');

    // Under the cap: no line.
    byId(casesIds.filterDue).click();
    await advance();
    expect(document.getElementById(casesIds.capped)).toBeNull();
    expect(byId(casesIds.empty).hidden).toBe(false);
  });

  test('a row opens the case history; the menu has the list too', async () => {
    const calls = await open(cases());
    document.querySelector<HTMLButtonElement>('.case-row button')!.click();
    await advance();
    expect(sent(calls, 'find_case')).toEqual([{ caseNumber: NUMBER }]);
    expect(textOf(historyIds.caseNumber)).toBe(NUMBER);

    byId(navIds.place('cases')).click();
    await advance();
    expect(document.getElementById(homeIds.screen)).toBeNull();
    expect(shown()).toEqual([NUMBER, OTHER_NUMBER]);
    expect(filters(calls)).toEqual([
      { openOnly: true, dueOnly: false, minStep: 0, sort: 'follow_up' },
      { openOnly: true, dueOnly: false, minStep: 0, sort: 'follow_up' },
    ]);
  });
});

describe('locking', () => {
  async function inCall(fake: FakeStore, overrides: Overrides = {}) {
    const calls = await open(fake, overrides);
    byId(homeIds.newCall).click();
    await advance();
    return calls;
  }

  function nothingLeft(): void {
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(document.getElementById(callIds.screen)).toBeNull();
    const page = document.body.textContent ?? '';
    for (const secret of [NUMBER, 'Confidential words', 'Maja']) expect(page).not.toContain(secret);
    expect(document.querySelectorAll('textarea').length).toBe(0);
  }

  test('when the shell locks by itself the screen clears and says why; the UI asks nothing more', async () => {
    const fake = store();
    const calls = await inCall(fake);
    typeText(callIds.notes, 'Confidential words');
    await advance(1_000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).notes).toBe('Confidential words');
    const before = commands(calls).length;
    lockByShell(fake, 'idle');
    await advance(60_000);
    nothingLeft();
    expect(plain(errorShown())).toBe(
      'Helpline locked itself: nobody used it for a while. Sign in to go on; an open call is kept as it was last saved.',
    );
    // The keys are gone already: no save and no lock of its own, then or later.
    expect(commands(calls).slice(before)).toEqual([]);
  });

  test('suspend and the screen lock are named, in the user\u2019s language', async () => {
    const fake = store();
    await open(fake);
    lockByShell(fake, 'suspend');
    await advance();
    expect(plain(errorShown())).toContain('when the computer went to sleep');
    await unlockAs('Maja');
    chooseLanguage('sv');
    lockByShell(fake, 'screen_locked');
    await advance();
    expect(plain(errorShown())).toBe(
      'Helpline låstes tillsammans med skärmen. Logga in för att fortsätta; ett öppet samtal finns kvar så som det senast sparades.',
    );
  });

  test('a notice whose reason does not check still clears the screen', async () => {
    const fake = store();
    await inCall(fake);
    typeText(callIds.notes, 'Confidential words');
    lockByShell(fake, 'idle', { reason: 'nap', extra: 1 });
    await advance();
    nothingLeft();
    expect(errorShown()).toBe('The store is locked. Unlock it first.');
  });

  test('input is reported to the shell at most every REPORT_EVERY_MS, the last one included; pointer movement is not input', async () => {
    const fake = store();
    const calls = await open(fake);
    const reports = () => sent(calls, 'note_input').length;
    for (let i = 0; i < 60; i++) {
      document.body.dispatchEvent(new Event('pointermove', { bubbles: true }));
      await advance(1_000);
    }
    expect(reports()).toBe(0);
    press('Shift', {}, document.body);
    await advance();
    expect(sent(calls, 'note_input')).toEqual([{ callOpen: false }]);
    for (let i = 0; i < 5; i++) {
      await advance(1_000);
      press('Shift', {}, document.body);
    }
    expect(reports()).toBe(1);
    await advance(REPORT_EVERY_MS - 5_000);
    // The window's last input arrives at its end, so the shell is never long behind.
    expect(reports()).toBe(2);
    await advance(10 * REPORT_EVERY_MS);
    expect(reports()).toBe(2);
    for (const event of [new Event('pointerdown', { bubbles: true }), new Event('wheel', { bubbles: true })]) {
      document.body.dispatchEvent(event);
      await advance(REPORT_EVERY_MS);
    }
    expect(reports()).toBe(4);
  });

  test('opening and leaving a call is reported at once, with whether a call is open', async () => {
    const fake = store();
    const calls = await open(fake);
    byId(homeIds.newCall).click();
    await advance();
    expect(sent(calls, 'note_input').at(-1)).toEqual({ callOpen: true });
    typeText(callIds.notes, 'Confidential words');
    byId(callIds.end).click();
    await advance();
    expect(sent(calls, 'note_input').at(-1)).toEqual({ callOpen: false });
  });

  test('an input report refused because the store is locked shows the unlock screen', async () => {
    const fake = store();
    await open(fake, { note_input: () => Promise.reject(shellError('store_locked')) });
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    press('Shift', {}, document.body);
    await advance();
    nothingLeft();
    expect(errorShown()).toBe('The store is locked. Unlock it first.');
  });

  test('Ctrl+L locks from anywhere, after saving the draft', async () => {
    const save = deferred();
    const calls = await inCall(store(), { save_draft: () => save.promise });
    typeText(callIds.notes, 'Confidential words');
    press('l', { ctrl: true }, byId(callIds.notes));
    await advance();
    expect(commands(calls)).not.toContain('lock'); // waits for the save
    save.resolve(null);
    await advance();
    expect(commands(calls).slice(-2)).toEqual(['save_draft', 'lock']);
    nothingLeft();
  });

  test('a lock whose save fails says so; pressing Lock again locks anyway', async () => {
    const calls = await inCall(store(), { save_draft: () => Promise.reject(shellError('storage_failed')) });
    typeText(callIds.notes, 'Confidential words');
    byId(navIds.lock).click();
    await advance();
    expect(commands(calls)).not.toContain('lock');
    expect(errorShown()).toContain('The notes could not be saved.');
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('Confidential words');
    byId(navIds.lock).click();
    await advance();
    expect(commands(calls)).toContain('lock');
    nothingLeft();
  });

  test('unlocking after a lock mid-call goes straight back into the call, not to home (issue 12)', async () => {
    const fake = store();
    fake.settings.idleLockMinutes = 1;
    const calls = await inCall(fake);
    typeText(callIds.notes, 'Confidential words');
    byId(callIds.levelStep('wish_to_leave')).click();
    byId(navIds.lock).click();
    await advance();
    nothingLeft();
    await unlockAs('Maja');
    expect(document.getElementById(homeIds.unfinished)).toBeNull();
    expect(document.getElementById(callIds.screen)).not.toBeNull();
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('Confidential words');
    expect(input(callIds.levelStep('wish_to_leave')).checked).toBe(true);
    expect(document.activeElement).toBe(byId(callIds.notes));
    expect(commands(calls).filter((cmd) => cmd === 'start_call').length).toBe(1);
    // The same draft goes on being saved, and the call ends as any other.
    typeText(callIds.notes, 'Confidential words, and more');
    await advance(1000);
    expect(sent(calls, 'save_draft').at(-1)!.draftId).toBe('draft-1');

    // The shell's own lock too; a call left empty still asks before it is saved.
    typeText(callIds.notes, '');
    byId(callIds.levelStep('not_assessed')).click();
    await advance(1_000);
    lockByShell(fake, 'idle');
    await advance();
    nothingLeft();
    await unlockAs('Maja');
    expect(document.getElementById(callIds.screen)).not.toBeNull();
    byId(callIds.end).click();
    await advance();
    expect(document.getElementById(callIds.emptyConfirm)).not.toBeNull();
    expect(commands(calls)).not.toContain('end_call');
  });

  test('a lock mid-call on a returning case keeps nothing of who called (issue 12)', async () => {
    const fake = store();
    addCase(fake, NUMBER, [
      callView({
        caller: { relationship: 'mother', gender: 'woman', identity: { choice: 'gave_contact_details', name: 'Amina Said', phone: '0701234567', email: null } },
        notes: 'First call.',
      }),
    ]);
    const calls = await open(fake);
    input(homeIds.lookupNumber).value = NUMBER;
    byId(homeIds.lookupSubmit).click();
    await advance();
    byId(historyIds.newCall).click();
    await advance();
    byId(navIds.lock).click();
    await advance();
    nothingLeft();
    await unlockAs('Maja');
    expect(document.getElementById(callIds.screen)).not.toBeNull();
    // What the call started from went with the lock, so ending it does not compare with it:
    // it ends at once, from the draft the shell kept.
    byId(callIds.end).click();
    await advance();
    expect(document.getElementById(callIds.emptyConfirm)).toBeNull();
    expect(commands(calls)).toContain('end_call');
  });

  test('someone else unlocking after a lock mid-call sees home', async () => {
    const fake = store();
    await inCall(fake);
    typeText(callIds.notes, 'Confidential words');
    byId(navIds.lock).click();
    await advance();
    await unlockAs('Omar');
    expect(document.getElementById(callIds.screen)).toBeNull();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
  });

  test('unlock shows "Checking…" while the shell takes its time', async () => {
    const answer = deferred();
    await open(store({ state: 'locked' }), { unlock: () => answer.promise });
    type(unlockIds.user, 'Maja');
    type(unlockIds.passphrase, 'not the passphrase');
    submit(unlockIds.submit);
    await advance();
    // One "Checking…", in a line that is there (its room kept) before and after (issue 12).
    expect(textOf(unlockIds.submit)).toBe('Unlock');
    expect(byId<HTMLButtonElement>(unlockIds.submit).disabled).toBe(true);
    expect(textOf(unlockIds.status)).toBe('Checking…');
    expect(document.body.textContent?.split('Checking…').length).toBe(2);
    expect(byId(unlockIds.status).className).toBe('status-line');
    answer.reject(shellError('wrong_passphrase'));
    await advance();
    expect(textOf(unlockIds.submit)).toBe('Unlock');
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
  });

  test('a store locked behind the UI\u2019s back shows the unlock screen', async () => {
    const fake = store();
    await open(fake);
    fake.state = 'locked';
    await lookup(NUMBER);
    expect(document.getElementById(unlockIds.screen)).not.toBeNull();
    expect(errorShown()).toBe('The store is locked. Unlock it first.');
  });
});

describe('keyboard only', () => {
  /** What Tab visits, in order (one radio per group, the checked one). */
  function tabOrder(): HTMLElement[] {
    const candidates = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')];
    const seenGroups = new Set<string>();
    return candidates.filter((element) => {
      if (element.closest('[hidden]')) return false;
      if ((element as HTMLButtonElement).disabled) return false;
      if (element.tabIndex < 0) return false;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        const group = element.name;
        const checked = document.querySelector<HTMLInputElement>(`input[type=radio][name="${group}"]:checked`);
        if (seenGroups.has(group) || (checked && checked !== element)) return false;
        seenGroups.add(group);
      }
      return true;
    });
  }

  test('Alt+N opens a call in its notes, Tab reaches every field and End call, Alt+E ends it', async () => {
    const calls = await open();
    press('n', { alt: true }, document.body);
    await advance();
    expect(sent(calls, 'start_call')).toEqual([{ caseNumber: null }]);
    // The notes are where the volunteer writes while the caller talks (issue 12).
    expect(document.activeElement).toBe(byId(callIds.notes));

    // No positive tabindex anywhere: the order is the order on screen.
    expect([...document.querySelectorAll('[tabindex]')].every((element) => Number(element.getAttribute('tabindex')) <= 0)).toBe(true);
    const order = tabOrder().map((element) => element.id);
    const at = (id: string) => order.indexOf(id);
    for (const id of [callIds.channel, callIds.language, callIds.relationship, callIds.callerGender, callIds.givesContact, callIds.personGender, callIds.ageBand, callIds.situation, callIds.environment, callIds.levelStep('not_assessed'), callIds.nextSteps, callIds.followUp, callIds.notes, callIds.end, callIds.discard]) {
      expect(at(id), id).toBeGreaterThanOrEqual(0);
    }
    // End call is in the header, before the notes; the ladder follows the notes, the details after.
    expect(at('end-call')).toBeLessThan(at('notes'));
    expect(at('notes') + 1).toBe(at('level-not_assessed'));
    expect(at('level-not_assessed')).toBeLessThan(at('next-steps'));
    expect(at('next-steps')).toBeLessThan(at('follow-up'));
    expect(at('follow-up')).toBeLessThan(at('call-channel'));
    expect(at('call-channel')).toBeLessThan(at('caller-relationship'));
    expect(at('caller-relationship')).toBeLessThan(at('person-gender'));
    expect(at('person-environment')).toBeLessThan(at('discard-call'));
    expect(byId(callIds.end).getAttribute('aria-keyshortcuts')).toBe('Alt+E');
    expect(textOf(callIds.end)).toBe('End call (Alt+E)');

    // The contact fields come right after their switch.
    byId(callIds.givesContact).click();
    const withContact = tabOrder().map((element) => element.id);
    expect(withContact.slice(withContact.indexOf('caller-gives-contact') + 1).slice(0, 3)).toEqual([
      'contact-name',
      'contact-phone',
      'contact-email',
    ]);
    byId(callIds.givesContact).click();

    byId(callIds.notes).focus();
    typeText(callIds.notes, 'typed without a mouse');
    press('e', { alt: true });
    await advance();
    expect(sent(calls, 'end_call').length).toBe(1);
    expect((sent(calls, 'end_call')[0]!.content as CallContent).notes).toBe('typed without a mouse');
    expect(document.getElementById(historyIds.screen)).not.toBeNull();
  });

  test('Alt+N works with an Arabic keyboard layout (the physical key counts)', async () => {
    const calls = await open();
    chooseLanguage('ar');
    const event = new KeyboardEvent('keydown', { key: 'ى', code: 'KeyN', altKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    await advance();
    expect(event.defaultPrevented).toBe(true);
    expect(sent(calls, 'start_call').length).toBe(1);
  });

  test('Alt+N does nothing during a call, and nothing while locked', async () => {
    const calls = await open(store({ state: 'locked' }));
    press('n', { alt: true }, document.body);
    await advance();
    expect(commands(calls)).not.toContain('start_call');
    await unlockAs('Maja');
    press('n', { alt: true }, document.body);
    await advance();
    press('n', { alt: true }, document.body);
    await advance();
    expect(sent(calls, 'start_call').length).toBe(1);
  });
});

describe('changing one\u2019s own passphrase', () => {
  async function passphrase(): Promise<ReturnType<typeof shell>> {
    const calls = await open();
    byId(navIds.place('passphrase')).click();
    await advance();
    return calls;
  }

  test('a mismatch is caught before asking the shell', async () => {
    const calls = await passphrase();
    type(passphraseIds.current, 'the current passphrase');
    type(passphraseIds.next, 'a brand new passphrase');
    type(passphraseIds.repeat, 'a different one');
    submit(passphraseIds.submit);
    await advance();
    expect(commands(calls)).not.toContain('change_passphrase');
    expect(errorShown()).toBe('The two passphrases are not the same.');
  });

  test('success says so and empties the form', async () => {
    const calls = await passphrase();
    type(passphraseIds.current, 'the current passphrase');
    type(passphraseIds.next, 'a brand new passphrase');
    type(passphraseIds.repeat, 'a brand new passphrase');
    submit(passphraseIds.submit);
    await advance();
    expect(sent(calls, 'change_passphrase')).toEqual([{ current: 'the current passphrase', next: 'a brand new passphrase' }]);
    expect(textOf(passphraseIds.done)).toBe('Your passphrase has been changed.');
    expect(input(passphraseIds.current).value).toBe('');
    expect(input(passphraseIds.next).value).toBe('');
  });

  test('a wrong current passphrase is shown and cleared', async () => {
    await passphrase();
    type(passphraseIds.current, 'not it at all');
    type(passphraseIds.next, 'a brand new passphrase');
    type(passphraseIds.repeat, 'a brand new passphrase');
    submit(passphraseIds.submit);
    await advance();
    expect(errorShown()).toBe('The passphrase is wrong. Check it and try again.');
    expect(input(passphraseIds.current).value).toBe('');
    expect(document.activeElement).toBe(input(passphraseIds.current));
    expect(plain(errorShown())).not.toContain('English');
  });
});
