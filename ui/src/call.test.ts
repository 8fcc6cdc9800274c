// Taking a call: the number at once, the timer, the form, the ladder, contact details,
// autosave, ending and discarding.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CallContent } from './ipc';
import { ids as callIds } from './screens/call';
import { ids as historyIds } from './screens/history';
import { ids as homeIds } from './screens/home';
import {
  advance,
  byId,
  choose,
  chooseLanguage,
  errorAt,
  errorShown,
  input,
  plain,
  press,
  reset,
  shellError,
  textOf,
  typeText,
} from './test-support';
import {
  NUMBER,
  STARTED_AT,
  addCase,
  blankContent,
  callView,
  commands,
  deferred,
  open,
  sent,
  store,
} from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) });
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});


async function newCall(): Promise<void> {
  byId(homeIds.newCall).click();
  await advance();
}

function savedNotes(calls: { cmd: string; args: Record<string, unknown> }[]): string[] {
  return sent(calls, 'save_draft').map((args) => (args.content as CallContent).notes);
}

describe('a new call', () => {
  test('shows the case number at once, grouped and left to right, and the timer runs', async () => {
    const fake = store();
    fake.settings.idleLockMinutes = 120; // this test sits still for minutes
    const calls = await open(fake);
    await newCall();

    expect(sent(calls, 'start_call')).toEqual([{ caseNumber: null }]);
    const number = byId(callIds.caseNumber);
    expect(number.textContent).toBe(NUMBER);
    expect(number.getAttribute('dir')).toBe('ltr');
    expect(textOf(callIds.timer)).toBe('00:00');
    // The Arabic reading aid is for the Arabic UI only.
    expect(document.getElementById(callIds.caseNumberArabic)).toBeNull();

    await advance(3000);
    expect(textOf(callIds.timer)).toBe('00:03');
    await advance(62_000);
    expect(textOf(callIds.timer)).toBe('01:05');
    await advance(9 * 60_000);
    expect(textOf(callIds.timer)).toBe('10:05');
  });

  test('in Arabic the number is also shown in Arabic-Indic digits, still left to right', async () => {
    await open();
    chooseLanguage('ar');
    await newCall();
    expect(document.documentElement.dir).toBe('rtl');
    expect(byId(callIds.caseNumber).textContent).toBe(NUMBER);
    const arabic = byId(callIds.caseNumberArabic);
    expect(arabic.textContent).toBe('٤٨٢١ ٠٩٣٧ ٥٥٢');
    expect(arabic.getAttribute('dir')).toBe('ltr');
    // The timer's digits are those Intl uses for Arabic.
    await advance(5000);
    const five = new Intl.NumberFormat('ar', { minimumIntegerDigits: 2, useGrouping: false }).format(5);
    const zero = new Intl.NumberFormat('ar', { minimumIntegerDigits: 2, useGrouping: false }).format(0);
    expect(textOf(callIds.timer)).toBe(`${zero}:${five}`);
  });

  test('every field is filled from the content the shell sent', async () => {
    const content: CallContent = {
      channel: 'email',
      language: 'ar',
      level: 'wish_to_leave',
      caller: {
        relationship: 'mother',
        gender: 'woman',
        identity: { choice: 'gave_contact_details', name: 'Amira', phone: '070-123 45 67', email: null },
      },
      person: { gender: 'man', ageBand: '18_20', situation: 'planning_to_travel', environment: 'violent_islamist' },
      referrals: ['psychologist', 'old_code'],
      nextSteps: 'Call back on Friday',
      followUp: '2026-03-06',
      followUpDone: false,
      notes: 'She is worried.',
    };
    await open(store(), {
      start_call: () => ({ draftId: 'd1', caseNumber: NUMBER, startedAt: STARTED_AT, newCase: false, content, case: null }),
    });
    await newCall();

    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    expect(value('call-channel')).toBe('email');
    expect(value('call-language')).toBe('ar');
    expect(value('caller-relationship')).toBe('mother');
    expect(value('caller-gender')).toBe('woman');
    expect(input(callIds.givesContact).checked).toBe(true);
    expect(value('contact-name')).toBe('Amira');
    expect(value('contact-phone')).toBe('070-123 45 67');
    expect(value('contact-email')).toBe('');
    expect(value('person-gender')).toBe('man');
    expect(value('person-age-band')).toBe('18_20');
    expect(value('person-situation')).toBe('planning_to_travel');
    expect(value('person-environment')).toBe('violent_islamist');
    expect(input(callIds.levelStep('wish_to_leave')).checked).toBe(true);
    expect(input(callIds.referral('psychologist')).checked).toBe(true);
    expect(input(callIds.referral('psychiatrist')).checked).toBe(false);
    // A code no longer in the list is still shown, so it is not dropped silently.
    expect(input(callIds.referral('old_code')).checked).toBe(true);
    expect(value('next-steps')).toBe('Call back on Friday');
    expect(value('follow-up')).toBe('2026-03-06');
    expect(value('notes')).toBe('She is worried.');
    expect(byId(callIds.notes).getAttribute('dir')).toBe('auto');
    expect(byId(callIds.contact('name')).getAttribute('dir')).toBe('auto');
    expect(textOf(callIds.caseNumber)).toBe(NUMBER);
    expect(byId(callIds.screen).textContent).toContain('Returning caller');
  });

  test('every control has a label', async () => {
    await open();
    await newCall();
    byId(callIds.givesContact).click();
    const controls = byId(callIds.screen).querySelectorAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      const label = document.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent, `label for #${control.id}`).toBeTruthy();
    }
  });
});

describe('switching language during a call', () => {
  test('keeps everything typed and chosen, and the save goes on', async () => {
    const calls = await open();
    await newCall();
    typeText(callIds.notes, 'Notes typed in English');
    byId(callIds.levelStep('wish_to_leave')).click();
    byId(callIds.givesContact).click();
    typeText(callIds.contact('name'), 'Amira');
    byId(callIds.notes).focus();

    chooseLanguage('sv');
    expect(document.querySelector(`label[for="${callIds.notes}"]`)?.textContent).toBe('Anteckningar');
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('Notes typed in English');
    expect(input(callIds.levelStep('wish_to_leave')).checked).toBe(true);
    expect(byId(callIds.ladderStep(1)).classList.contains('met')).toBe(true);
    expect(input(callIds.contact('name')).value).toBe('Amira');
    expect(textOf(callIds.caseNumber)).toBe(NUMBER);
    expect(textOf(callIds.saveStatus)).toBe('Sparar …');

    await advance(1000);
    expect(textOf(callIds.saveStatus)).toBe('Sparat');
    const content = sent(calls, 'save_draft').at(-1)!.content as CallContent;
    expect(content.notes).toBe('Notes typed in English');
    expect(content.level).toBe('wish_to_leave');
    expect(content.caller.identity).toEqual({ choice: 'gave_contact_details', name: 'Amira', phone: null, email: null });
  });
});

describe('the concern ladder', () => {
  test('has "not assessed" and three steps that say what they mean', async () => {
    await open();
    await newCall();
    for (const id of [callIds.levelStep('not_assessed'), callIds.levelStep('strong_interest'), callIds.levelStep('wish_to_leave'), callIds.levelStep('in_transit_country')]) {
      expect(input(id).type).toBe('radio');
      expect(input(id).name).toBe('level');
    }
    expect(input(callIds.levelStep('not_assessed')).checked).toBe(true);
    const ladder = byId(callIds.level).textContent ?? '';
    expect(ladder).toContain('Not assessed');
    expect(ladder).toContain('A strong interest in the conflict.');
    expect(ladder).toContain('Step 1, and has expressed a wish to leave or to change environment.');
    expect(ladder).toContain('Steps 1 and 2, and has already travelled to a transit country.');
    // The transit countries come from the settings, named in the UI language.
    const names = new Intl.DisplayNames(['en-GB'], { type: 'region' });
    const countries = textOf(callIds.transitCountries);
    for (const code of ['TR', 'JO', 'LB']) expect(countries).toContain(names.of(code));
  });

  test('choosing step 3 shows steps 1 and 2 as met; a lower step takes that back', async () => {
    const calls = await open();
    await newCall();
    expect(document.querySelectorAll('.ladder-step.met').length).toBe(0);

    byId(callIds.levelStep('in_transit_country')).click();
    const step = (n: number) => byId(`ladder-step-${n}`);
    expect(step(1).classList.contains('met')).toBe(true);
    expect(step(2).classList.contains('met')).toBe(true);
    expect(step(3).classList.contains('met')).toBe(false);
    expect(step(3).classList.contains('chosen')).toBe(true);
    for (const n of [1, 2]) {
      const note = step(n).querySelector<HTMLElement>('.met-note')!;
      expect(note.hidden).toBe(false);
      expect(note.textContent).toBe('Met: included in the chosen step.');
    }
    expect(step(3).querySelector<HTMLElement>('.met-note')!.hidden).toBe(true);

    byId(callIds.levelStep('strong_interest')).click();
    expect(document.querySelectorAll('.ladder-step.met').length).toBe(0);
    expect(step(1).classList.contains('chosen')).toBe(true);

    byId(callIds.levelStep('wish_to_leave')).click();
    expect([...document.querySelectorAll('.ladder-step.met')].map((el) => el.id)).toEqual(['ladder-step-1']);

    await advance(1000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).level).toBe('wish_to_leave');
  });
});

describe('contact details', () => {
  test('appear only with the switch, and unticking drops them: the call is anonymous again', async () => {
    const calls = await open();
    await newCall();
    expect(document.getElementById(callIds.contact('name'))).toBeNull();
    expect(byId(callIds.givesContact).getAttribute('role')).toBe('switch');

    byId(callIds.givesContact).click();
    expect(document.getElementById(callIds.contact('name'))).not.toBeNull();
    expect(document.getElementById(callIds.contact('phone'))).not.toBeNull();
    expect(document.getElementById(callIds.contact('email'))).not.toBeNull();
    typeText(callIds.contact('name'), 'Amira');
    typeText(callIds.contact('phone'), '070 123');
    await advance(1000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).caller.identity).toEqual({
      choice: 'gave_contact_details',
      name: 'Amira',
      phone: '070 123',
      email: null,
    });

    byId(callIds.givesContact).click();
    expect(document.getElementById(callIds.contact('name'))).toBeNull();
    expect(document.body.textContent).not.toContain('Amira');
    await advance(1000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).caller.identity).toEqual({ choice: 'anonymous' });

    // Ticking again starts empty: nothing typed before comes back.
    byId(callIds.givesContact).click();
    expect(input(callIds.contact('name')).value).toBe('');

    byId(callIds.givesContact).click();
    typeText(callIds.notes, 'She gave no details in the end.');
    byId(callIds.end).click();
    await advance();
    expect((sent(calls, 'end_call')[0]!.content as CallContent).caller.identity).toEqual({ choice: 'anonymous' });
  });
});

describe('autosave', () => {
  test('saves after a second of quiet, with the draft id and the whole content', async () => {
    const calls = await open();
    await newCall();
    expect(textOf(callIds.saveStatus)).toBe('Saved');
    typeText(callIds.notes, 'She called because');
    await advance(999);
    expect(sent(calls, 'save_draft')).toEqual([]);
    expect(textOf(callIds.saveStatus)).toBe('Saving…');
    await advance(1);
    const content = { ...blankContent(), notes: 'She called because' };
    expect(sent(calls, 'save_draft')).toEqual([{ draftId: 'draft-1', content }]);
    expect(textOf(callIds.saveStatus)).toBe('Saved');
  });

  test('while typing goes on, saves at most every 3 seconds, with the latest notes', async () => {
    const calls = await open();
    await newCall();
    let text = '';
    // A keystroke every 400 ms for 7 seconds.
    for (let i = 0; i < 18; i++) {
      text += 'x';
      typeText(callIds.notes, text);
      await advance(400);
    }
    const saves = savedNotes(calls);
    expect(saves.length).toBe(2); // at 3 s and at 6 s, not on every keystroke
    expect(saves[0]!.length).toBeGreaterThanOrEqual(7);
    expect(saves[1]!.length).toBeGreaterThan(saves[0]!.length);
    await advance(1000);
    expect(savedNotes(calls).at(-1)).toBe(text);
    expect(savedNotes(calls).length).toBe(3);
  });

  test('one save at a time: later typing waits, then the latest content is sent', async () => {
    const first = deferred();
    let inFlight = 0;
    let most = 0;
    const fake = store();
    const calls = await open(fake, {
      save_draft: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          if (inFlight === 1 && sent(calls, 'save_draft').length === 1) await first.promise;
        } finally {
          inFlight -= 1;
        }
        return null;
      },
    });
    await newCall();
    typeText(callIds.notes, 'one');
    await advance(1000);
    expect(savedNotes(calls)).toEqual(['one']);
    typeText(callIds.notes, 'one two');
    await advance(1000);
    typeText(callIds.notes, 'one two three');
    await advance(5000);
    // Still only the first one: it has not answered yet.
    expect(savedNotes(calls)).toEqual(['one']);
    expect(textOf(callIds.saveStatus)).toBe('Saving…');

    first.resolve(null);
    await advance();
    expect(savedNotes(calls)).toEqual(['one', 'one two three']);
    expect(most).toBe(1);
    expect(textOf(callIds.saveStatus)).toBe('Saved');
  });

  test('a failed save says so, keeps the text and is retried with the latest notes', async () => {
    let failures = 2;
    const calls = await open(store(), {
      save_draft: () => {
        if (failures-- > 0) throw shellError('storage_failed');
        return null;
      },
    });
    await newCall();
    typeText(callIds.notes, 'Worried about her son');
    await advance(1000);
    expect(textOf(callIds.saveStatus)).toBe('Not saved — retrying');
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('Worried about her son');
    // A transient failure is not an alarm: the status says it, #error stays quiet.
    expect(errorShown()).toBe('');

    typeText(callIds.notes, 'Worried about her son, 17');
    await advance(999);
    expect(savedNotes(calls).length).toBe(1); // backing off, not hammering
    await advance(1);
    expect(savedNotes(calls).length).toBe(2); // the first retry fails as well
    expect(textOf(callIds.saveStatus)).toBe('Not saved — retrying');
    // Typing on does not cut the back-off short.
    typeText(callIds.notes, 'Worried about her son, 17.');
    await advance(1999);
    expect(savedNotes(calls).length).toBe(2); // a longer wait before the next
    await advance(1);
    expect(savedNotes(calls)).toEqual(['Worried about her son', 'Worried about her son, 17', 'Worried about her son, 17.']);
    expect(textOf(callIds.saveStatus)).toBe('Saved');
  });

  test('an error the volunteer must act on is shown; the text stays', async () => {
    await open(store(), { save_draft: () => Promise.reject(shellError('no_such_call')) });
    await newCall();
    typeText(callIds.notes, 'still here');
    await advance(1000);
    expect(errorShown()).toBe('That unfinished call is no longer there.');
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('still here');
  });

  test('leaving a field saves at once', async () => {
    const calls = await open();
    await newCall();
    byId(callIds.notes).focus();
    typeText(callIds.notes, 'typed');
    byId(callIds.notes).blur();
    await advance();
    expect(savedNotes(calls)).toEqual(['typed']);
  });

  test('the counter shows near the limit of 50,000 characters', async () => {
    await open();
    await newCall();
    expect(byId(callIds.notes).getAttribute('maxlength')).toBe('50000');
    typeText(callIds.notes, 'a'.repeat(1000));
    expect(byId(callIds.notesCounter).hidden).toBe(true);
    typeText(callIds.notes, 'a'.repeat(49_990));
    expect(byId(callIds.notesCounter).hidden).toBe(false);
    expect(plain(textOf(callIds.notesCounter))).toBe('49,990 of 50,000 characters');
  });
});

describe('ending and discarding', () => {
  test('end call waits for the save in flight, then ends with the latest content and shows the case', async () => {
    const save = deferred();
    const fake = store();
    const calls = await open(fake, {
      save_draft: async (args) => {
        if (sent(calls, 'save_draft').length === 1) await save.promise;
        return (await import('./test-shell')).answer(fake, 'save_draft', args);
      },
    });
    await newCall();
    typeText(callIds.notes, 'first words');
    await advance(1000);
    typeText(callIds.notes, 'first words, last words');
    byId(callIds.levelStep('strong_interest')).click();

    byId(callIds.end).click();
    await advance();
    expect(commands(calls)).not.toContain('end_call');
    expect(byId<HTMLButtonElement>(callIds.end).disabled).toBe(true);

    save.resolve(null);
    await advance();
    const order = commands(calls).filter((cmd) => ['save_draft', 'end_call', 'find_case'].includes(cmd));
    expect(order).toEqual(['save_draft', 'save_draft', 'end_call', 'find_case']);
    const ended = sent(calls, 'end_call')[0]!;
    expect(ended.draftId).toBe('draft-1');
    expect((ended.content as CallContent).notes).toBe('first words, last words');
    expect((ended.content as CallContent).level).toBe('strong_interest');
    expect(sent(calls, 'find_case')).toEqual([{ caseNumber: NUMBER }]);

    expect(document.getElementById(callIds.screen)).toBeNull();
    expect(textOf(historyIds.caseNumber)).toBe(NUMBER);
    expect(textOf(historyIds.confirmation)).toBe('The call was saved in this case.');
    expect(document.querySelector('.history-notes')?.textContent).toBe('first words, last words');

    // No save after the end, and no timer left running.
    await advance(10_000);
    expect(sent(calls, 'save_draft').length).toBe(2);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1); // at most the input report that closes its window
  });

  test('a refused end keeps the call open and saving', async () => {
    const calls = await open(store(), { end_call: () => Promise.reject(shellError('too_long')) });
    await newCall();
    typeText(callIds.notes, 'notes');
    byId(callIds.end).click();
    await advance();
    expect(errorShown()).toBe('The text is too long to be saved. Shorten it.');
    expect(document.getElementById(callIds.screen)).not.toBeNull();
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('notes');
    expect(byId<HTMLButtonElement>(callIds.end).disabled).toBe(false);
    typeText(callIds.notes, 'notes, shorter');
    await advance(1000);
    expect(savedNotes(calls).at(-1)).toBe('notes, shorter');
  });

  test('discard asks first; Escape and "no" keep the call; yes discards it', async () => {
    const fake = store();
    const calls = await open(fake);
    await newCall();
    typeText(callIds.notes, 'something');

    byId(callIds.discard).click();
    expect(textOf(callIds.discardQuestion)).toBe('Discard this call? Everything written in it will be deleted.');
    expect(document.activeElement).toBe(byId(callIds.discardCancel));
    press('Escape');
    await advance();
    expect(document.getElementById(callIds.discardYes)).toBeNull();
    expect(commands(calls)).not.toContain('discard_call');
    expect(byId<HTMLTextAreaElement>(callIds.notes).value).toBe('something');

    byId(callIds.discard).click();
    byId(callIds.discardCancel).click();
    expect(commands(calls)).not.toContain('discard_call');

    byId(callIds.discard).click();
    byId(callIds.discardYes).click();
    await advance();
    expect(sent(calls, 'discard_call')).toEqual([{ draftId: 'draft-1' }]);
    expect(document.getElementById(callIds.screen)).toBeNull();
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
    expect(fake.drafts.size).toBe(0);
  });

  test('Escape anywhere in the call discards nothing', async () => {
    const calls = await open();
    await newCall();
    typeText(callIds.notes, 'kept');
    byId(callIds.notes).focus();
    press('Escape');
    press('Escape', {}, document.body);
    await advance(2000);
    expect(commands(calls)).not.toContain('discard_call');
    expect(commands(calls)).not.toContain('end_call');
    expect(document.getElementById(callIds.screen)).not.toBeNull();
  });
});

describe('copying the number', () => {
  test('the shell copies the number of the call in progress, and says it is cleared in 30 seconds', async () => {
    const fake = store();
    const calls = await open(fake);
    await newCall();
    byId(callIds.copy).click();
    await advance();
    // The webview names the call, never the text: the shell copies the draft's own number.
    expect(sent(calls, 'copy_case_number')).toEqual([{ draftId: 'draft-1' }]);
    expect(fake.clipboard).toBe(NUMBER);
    expect(textOf(callIds.copyStatus)).toBe(
      'Copied. It is cleared from the clipboard after 30 seconds, or sooner if Helpline locks.',
    );
  });

  test('the webview does not write the clipboard itself', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      await open();
      await newCall();
      byId(callIds.copy).click();
      await advance();
      expect(writeText).not.toHaveBeenCalled();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  test('when copying fails, the number is selected and the volunteer told to copy it', async () => {
    await open(store(), { copy_case_number: () => Promise.reject(shellError('clipboard_failed')) });
    await newCall();
    byId(callIds.copy).click();
    await advance();
    expect(textOf(callIds.copyStatus)).toBe('Could not copy. Select and copy the number (Ctrl+C).');
    expect(document.getSelection()?.toString()).toBe(NUMBER);
  });
});

describe('a returning caller', () => {
  test('"new call on this case" starts a call on that number', async () => {
    const fake = store();
    addCase(fake, NUMBER, [callView({ caller: { relationship: 'mother', gender: 'woman', identity: { choice: 'anonymous' } } })]);
    const calls = await open(fake);
    input(homeIds.lookupNumber).value = '48210937552';
    byId(homeIds.lookupSubmit).click();
    await advance();
    byId(historyIds.newCall).click();
    await advance();
    expect(sent(calls, 'start_call')).toEqual([{ caseNumber: NUMBER }]);
    expect(textOf(callIds.caseNumber)).toBe(NUMBER);
    expect(byId<HTMLSelectElement>(callIds.relationship).value).toBe('mother');
  });
});

describe('the call screen a volunteer can work with (issue 12)', () => {
  test('a header that stays on top holds the number, the time, the save state, the level and End call', async () => {
    await open();
    await newCall();
    const header = byId(callIds.header);
    for (const id of [callIds.caseNumber, callIds.timer, callIds.saveStatus, callIds.currentLevel, callIds.end, callIds.caseSummary]) {
      expect(header.contains(byId(id)), id).toBe(true);
    }
    expect(textOf(callIds.currentLevel)).toBe('Not assessed');
    // A new case has no history to sum up.
    expect(byId(callIds.caseSummary).hidden).toBe(true);
    byId(callIds.levelStep('wish_to_leave')).click();
    expect(textOf(callIds.currentLevel)).toBe('Step 2: wishes to leave');
    // The header comes before the form, so the sticky rule keeps it in sight over all of it.
    expect(header.compareDocumentPosition(byId(callIds.form)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const css = (await import('./style.css?raw')).default;
    expect(css).toMatch(/\.call-header \{\s*position: sticky;/);
  });

  test('the notes come first, the ladder beside them, and each step names itself as the history does', async () => {
    await open();
    await newCall();
    expect(document.activeElement).toBe(byId(callIds.notes));
    const notes = byId(callIds.notes);
    const ladder = byId(callIds.level);
    expect(notes.compareDocumentPosition(ladder) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(ladder.compareDocumentPosition(byId(callIds.relationship)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const titles = [...ladder.querySelectorAll('.step-title')].map((title) => title.textContent);
    expect(titles).toEqual([
      'Not assessed',
      'Step 1: strong interest in the conflict',
      'Step 2: wishes to leave',
      'Step 3: in a transit country',
    ]);
  });

  test('the details are open while none is filled, and their summary says what is chosen', async () => {
    await open();
    await newCall();
    const details = byId<HTMLDetailsElement>(callIds.details);
    expect(details.tagName).toBe('DETAILS');
    expect(details.open).toBe(true);
    expect(textOf(callIds.detailsSummary)).toBe('Nothing stated yet');
    choose(callIds.relationship, 'mother');
    choose(callIds.ageBand, '15_17');
    byId(callIds.referral('psychologist')).click();
    expect(plain(textOf(callIds.detailsSummary))).toBe('Mother · age 15–17 · Psychologist');
    // Closed by the volunteer, it stays closed when the screen is drawn again.
    details.open = false;
    details.dispatchEvent(new Event('toggle'));
    chooseLanguage('sv');
    expect(byId<HTMLDetailsElement>(callIds.details).open).toBe(false);
  });

  test('a call whose details are filled opens with them folded away, summed up', async () => {
    const content: CallContent = {
      ...blankContent(),
      channel: 'phone',
      language: 'sv',
      caller: { relationship: 'father', gender: 'man', identity: { choice: 'anonymous' } },
    };
    await open(store(), {
      start_call: () => ({ draftId: 'd1', caseNumber: NUMBER, startedAt: STARTED_AT, newCase: true, content, case: null }),
    });
    await newCall();
    expect(byId<HTMLDetailsElement>(callIds.details).open).toBe(false);
    expect(textOf(callIds.detailsSummary)).toBe('Phone · Swedish · Father · Man');
  });

  test('a returning caller\u2019s case is on the call screen: the last level and follow-up, and the earlier calls', async () => {
    const fake = store();
    addCase(fake, NUMBER, [
      callView({ startedAt: '2026-02-01T09:00:00Z', endedAt: '2026-02-01T09:20:00Z', level: 'strong_interest', followUp: '2026-02-10', nextSteps: 'Call the school', notes: 'First call.' }),
      callView({ startedAt: '2026-02-20T09:00:00Z', endedAt: '2026-02-20T09:00:30Z', level: 'wish_to_leave', notes: 'He wants to go.' }),
    ]);
    const calls = await open(fake);
    byId(homeIds.lookupNumber).focus();
    input(homeIds.lookupNumber).value = NUMBER;
    byId(homeIds.lookupSubmit).click();
    await advance();
    byId(historyIds.newCall).click();
    await advance();
    expect(sent(calls, 'find_case').length).toBe(2);
    expect(document.activeElement).toBe(byId(callIds.notes));

    const summary = byId(callIds.caseSummary);
    expect(summary.hidden).toBe(false);
    expect(summary.textContent).toContain('Last call: Step 2: wishes to leave');
    // The follow-up agreed in the first call is still the case's.
    expect(summary.textContent).toContain(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(2026, 1, 10)));

    const story = byId<HTMLDetailsElement>(callIds.story);
    expect(story.tagName).toBe('DETAILS');
    expect(story.open).toBe(true);
    expect(story.querySelector('summary')?.textContent).toBe('Earlier calls on this case (\u20682\u2069)');
    const items = [...byId(callIds.storyCalls).querySelectorAll('.history-call')];
    expect(items.map((item) => item.querySelector('.history-notes')?.textContent)).toEqual(['He wants to go.', 'First call.']);
    expect(items[0]!.textContent).toContain('Step 2: wishes to leave');
    expect(items[0]!.textContent).toContain('Under a minute');
    expect(items[1]!.textContent).toContain('Call the school');
    // Still in the call.
    expect(document.getElementById(callIds.screen)).not.toBeNull();
  });
});

describe('ending a call with nothing recorded (issue 12)', () => {
  test('asks first; "Back to the call" ends nothing and returns to the notes', async () => {
    const calls = await open();
    await newCall();
    byId(callIds.end).click();
    await advance();
    expect(commands(calls)).not.toContain('end_call');
    expect(textOf(callIds.emptyQuestion)).toBe('Nothing was recorded for this call.');
    expect(byId(callIds.header).contains(byId(callIds.emptyConfirm))).toBe(true);
    expect(document.activeElement).toBe(byId(callIds.emptyBack));
    byId(callIds.emptyBack).click();
    expect(document.getElementById(callIds.emptyConfirm)).toBeNull();
    expect(document.activeElement).toBe(byId(callIds.notes));
    // Escape backs out too.
    byId(callIds.end).click();
    press('Escape');
    expect(document.getElementById(callIds.emptyConfirm)).toBeNull();
    expect(commands(calls)).not.toContain('end_call');
    expect(commands(calls)).not.toContain('discard_call');
  });

  test('Alt+N then Alt+E asks too, and "Discard the call" discards it', async () => {
    const fake = store();
    const calls = await open(fake);
    press('n', { alt: true }, document.body);
    await advance();
    press('e', { alt: true });
    await advance();
    expect(commands(calls)).not.toContain('end_call');
    byId(callIds.emptyDiscard).click();
    await advance();
    expect(sent(calls, 'discard_call')).toEqual([{ draftId: 'draft-1' }]);
    expect(commands(calls)).not.toContain('end_call');
    expect(document.getElementById(homeIds.screen)).not.toBeNull();
  });

  test('"Save it anyway" ends the call as it is', async () => {
    const calls = await open();
    await newCall();
    byId(callIds.end).click();
    byId(callIds.emptySave).click();
    await advance();
    expect(sent(calls, 'end_call')).toEqual([{ draftId: 'draft-1', content: blankContent() }]);
    expect(document.getElementById(historyIds.screen)).not.toBeNull();
  });

  test('anything recorded, even only a level, ends without a question', async () => {
    const calls = await open();
    await newCall();
    byId(callIds.levelStep('strong_interest')).click();
    byId(callIds.end).click();
    await advance();
    expect(document.getElementById(callIds.emptyConfirm)).toBeNull();
    expect(sent(calls, 'end_call').length).toBe(1);
  });
});

describe('the follow-up date in the UI language (issue 12)', () => {
  test('is a text field the UI reads in any digits and names the day; a wrong date is said at the field and stops End call', async () => {
    const calls = await open();
    chooseLanguage('ar');
    await newCall();
    const field = input(callIds.followUp);
    expect(field.type).toBe('text');
    typeText(callIds.notes, 'ملاحظات');
    // Arabic-Indic digits with slashes are a day as well.
    field.value = '٢٠٢٦/٣/٩';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(textOf(callIds.followUpDay)).toBe(new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(2026, 2, 9)));
    await advance(1000);
    expect((sent(calls, 'save_draft').at(-1)!.content as CallContent).followUp).toBe('2026-03-09');

    field.value = '2026-02-30';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    expect(errorAt(callIds.followUp)).toBe('هذا ليس تاريخًا. اكتب السنة والشهر واليوم كما في المثال تحت الحقل.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    byId(callIds.end).click();
    await advance();
    expect(commands(calls)).not.toContain('end_call');
    expect(document.activeElement).toBe(field);

    field.value = '2026-03-10';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(errorAt(callIds.followUp)).toBe('');
    byId(callIds.end).click();
    await advance();
    expect((sent(calls, 'end_call')[0]!.content as CallContent).followUp).toBe('2026-03-10');
  });

  test('a saved date is shown in the UI language\u2019s digits', async () => {
    await open(store(), {
      start_call: () => ({ draftId: 'd1', caseNumber: NUMBER, startedAt: STARTED_AT, newCase: true, content: { ...blankContent(), followUp: '2026-03-06' }, case: null }),
    });
    chooseLanguage('ar');
    await newCall();
    const digit = (n: number) => new Intl.NumberFormat('ar', { useGrouping: false }).format(n);
    expect(input(callIds.followUp).value).toBe('2026-03-06'.replace(/[0-9]/g, (d) => digit(Number(d))));
  });
});

describe('after End call (issue 12)', () => {
  test('the history opens at its top, its heading focused', async () => {
    const scrollTo = vi.fn();
    Object.defineProperty(document, 'scrollingElement', { value: { scrollTo }, configurable: true });
    try {
      await open();
      await newCall();
      typeText(callIds.notes, 'Something said.');
      scrollTo.mockClear();
      byId(callIds.end).click();
      await advance();
      expect(document.getElementById(historyIds.screen)).not.toBeNull();
      expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
      expect(document.activeElement).toBe(byId(historyIds.title));
    } finally {
      delete (document as { scrollingElement?: unknown }).scrollingElement;
    }
  });
});

describe('focus is always seen (issue 12)', () => {
  test('every control has a focus ring, the ladder\u2019s steps too after arrow keys', async () => {
    const css = (await import('./style.css?raw')).default;
    expect(css).toMatch(/:focus-visible \{\s*outline: 3px solid var\(--focus\);/);
    expect(css).toMatch(/\.ladder-step:focus-within \{\s*outline: 3px solid/);
    expect(css).toMatch(/summary:focus-visible \{\s*outline: 3px solid/);
    // Only elements focused by the code (headings, the number) drop the ring; no control does.
    for (const match of css.matchAll(/([^{}]+)\{[^}]*outline: none/g)) {
      expect(match[1]!.trim(), 'outline removed from').toMatch(/^(h2:focus|p\.big-number:focus|\.stats-results h3:focus)$/);
    }
  });
});

describe('a returning caller\u2019s follow-up stays with the case (issue 12)', () => {
  async function returningCall(fake: ReturnType<typeof store>): Promise<{ cmd: string; args: Record<string, unknown> }[]> {
    const calls = await open(fake);
    input(homeIds.lookupNumber).value = NUMBER;
    byId(homeIds.lookupSubmit).click();
    await advance();
    byId(historyIds.newCall).click();
    await advance();
    return calls;
  }

  test('the header shows the pending follow-up, overdue, and a call that sets none keeps it', async () => {
    const fake = store();
    addCase(fake, NUMBER, [
      callView({ startedAt: '2026-02-01T09:00:00Z', endedAt: '2026-02-01T09:20:00Z', level: 'strong_interest', followUp: '2026-02-10', notes: 'First call.' }),
    ]);
    const calls = await returningCall(fake);
    const summary = plain(textOf(callIds.caseSummary));
    expect(summary).toContain('Follow-up 10 Feb 2026');
    expect(summary).toContain('overdue');
    const done = input(callIds.followUpDone);
    expect(done.checked).toBe(false);

    byId(callIds.levelStep('in_transit_country')).click();
    typeText(callIds.notes, 'He has left.');
    byId(callIds.end).click();
    await advance();
    const ended = sent(calls, 'end_call')[0]!.content as CallContent;
    expect(ended.followUp).toBeNull();
    expect(ended.followUpDone).toBe(false);

    // The next call still shows it: nobody did it.
    byId(historyIds.newCall).click();
    await advance();
    expect(plain(textOf(callIds.caseSummary))).toContain('Follow-up 10 Feb 2026');
  });

  test('ticked as done in this call, it is sent as done, and the case has none after', async () => {
    const fake = store();
    addCase(fake, NUMBER, [
      callView({ startedAt: '2026-02-01T09:00:00Z', endedAt: '2026-02-01T09:20:00Z', level: 'strong_interest', followUp: '2026-02-10', notes: 'First call.' }),
    ]);
    const calls = await returningCall(fake);
    input(callIds.followUpDone).click();
    typeText(callIds.notes, 'We called her back as agreed.');
    byId(callIds.end).click();
    await advance();
    expect((sent(calls, 'end_call')[0]!.content as CallContent).followUpDone).toBe(true);
    byId(historyIds.newCall).click();
    await advance();
    expect(plain(textOf(callIds.caseSummary))).not.toContain('Follow-up');
    expect(document.getElementById(callIds.followUpDone)).toBeNull();
  });

  test('a new case has no pending follow-up to tick', async () => {
    await open();
    await newCall();
    expect(document.getElementById(callIds.followUpDone)).toBeNull();
    expect(byId(callIds.caseSummary).hidden).toBe(true);
  });
});
