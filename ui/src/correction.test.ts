// A finished call corrected from the case history by the volunteer who took it: the button and
// its time limit, the compact form prefilled from the call, what is sent, and each refusal.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatDateTime, inUiDigits } from './format';
import type { CallContent } from './ipc';
import { ids as historyIds } from './screens/history';
import { ids as homeIds } from './screens/home';
import {
  advance,
  byId,
  choose,
  chooseLanguage,
  errorAt,
  input,
  plain,
  reset,
  shellError,
  submit,
  textOf,
  type,
  typeText,
  type Call,
} from './test-support';
import { NUMBER, STARTED_AT, addCase, callView, open, sent, store, type FakeStore, type Overrides } from './test-shell';

beforeEach(() => {
  reset();
  vi.useFakeTimers({ now: new Date(STARTED_AT) });
});
afterEach(() => {
  reset();
  vi.useRealTimers();
});

const UNTIL = '2026-03-02T21:12:00Z';

/** A case of two calls: the latest one the signed-in volunteer took this morning, an older one not. */
function fake(): FakeStore {
  const shellStore = store();
  addCase(shellStore, NUMBER, [
    callView({
      callId: '2002',
      startedAt: '2026-03-02T09:00:00Z',
      endedAt: '2026-03-02T09:12:00Z',
      correctableUntil: UNTIL,
      channel: 'phone',
      language: 'sv',
      level: 'strong_interest',
      caller: { relationship: 'mother', gender: 'woman', identity: { choice: 'gave_contact_details', name: 'Amal', phone: '070 123', email: null } },
      person: { gender: 'man', ageBand: '18_20', situation: 'radicalising', environment: 'violent_islamist' },
      referrals: ['ngo'],
      nextSteps: 'Call back on Friday',
      followUp: '2026-03-06',
      followUpDone: true,
      notes: 'Worried about her son.',
    }),
    callView({ callId: '2001', startedAt: '2026-02-20T09:00:00Z', endedAt: '2026-02-20T09:10:00Z', notes: 'First call.' }),
  ]);
  return shellStore;
}

async function history(shellStore: FakeStore = fake(), overrides: Overrides = {}): Promise<Call[]> {
  const calls = await open(shellStore, overrides);
  type(homeIds.lookupNumber, NUMBER);
  submit(homeIds.lookupSubmit);
  await advance();
  return calls;
}

function item(callId: string): HTMLElement {
  return byId(historyIds.call(callId));
}

async function startCorrecting(): Promise<void> {
  byId(historyIds.correct('2002')).click();
  await advance();
}

function correctionSent(calls: Call[]): { callId: unknown; content: CallContent }[] {
  return sent(calls, 'correct_call') as { callId: unknown; content: CallContent }[];
}

describe('correcting a call', () => {
  test('only a call with correctableUntil has the button, with until when', async () => {
    await history();
    expect(byId(historyIds.correct('2002')).textContent).toBe('Correct this call');
    expect(plain(textOf(historyIds.correctableUntil('2002')))).toBe(`You can correct it until ${formatDateTime(UNTIL)}.`);
    expect(byId(historyIds.correct('2002')).getAttribute('aria-describedby')).toBe(historyIds.correctableUntil('2002'));
    expect(document.getElementById(historyIds.correct('2001'))).toBeNull();
    expect(document.getElementById(historyIds.correctableUntil('2001'))).toBeNull();
    expect(item('2001').querySelector('button')).toBeNull();
  });

  test('the form takes the place of the call, prefilled with its content', async () => {
    await history();
    await startCorrecting();
    expect(document.getElementById(historyIds.call('2002'))).toBeNull();
    const form = byId(historyIds.correction.form);
    expect(form.closest('li')).not.toBeNull();
    expect(document.getElementById(historyIds.call('2001'))).not.toBeNull();
    expect(input(historyIds.correction.level('strong_interest')).checked).toBe(true);
    const steps = [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => [
      radio.value,
      form.querySelector(`label[for="${radio.id}"]`)?.textContent,
    ]);
    expect(steps).toEqual([
      ['not_assessed', 'Not assessed'],
      ['strong_interest', 'Step 1: strong interest in the conflict'],
      ['wish_to_leave', 'Step 2: wishes to leave'],
      ['in_transit_country', 'Step 3: in a transit country'],
    ]);
    expect(byId<HTMLSelectElement>(historyIds.correction.channel).value).toBe('phone');
    expect([...byId<HTMLSelectElement>(historyIds.correction.channel).options].map((option) => option.textContent)).toContain('Not stated');
    expect(byId<HTMLSelectElement>(historyIds.correction.language).value).toBe('sv');
    expect([...byId<HTMLSelectElement>(historyIds.correction.language).options].map((option) => option.textContent)).toContain('Not stated');
    expect(byId<HTMLTextAreaElement>(historyIds.correction.nextSteps).value).toBe('Call back on Friday');
    expect(input(historyIds.correction.followUp).value).toBe('2026-03-06');
    expect(byId<HTMLTextAreaElement>(historyIds.correction.notes).value).toBe('Worried about her son.');
    expect(byId(historyIds.correction.save).textContent).toBe('Save correction');
    expect(byId(historyIds.correction.cancel).textContent).toBe('Cancel');
    expect(document.activeElement).toBe(input(historyIds.correction.level('strong_interest')));
  });

  test('saving sends the call as it was with exactly the changes made, and the history shows the corrected call', async () => {
    const shellStore = fake();
    const calls = await history(shellStore);
    await startCorrecting();
    const before = structuredClone(shellStore.cases.get('48210937552')!.calls[0]!);
    byId(historyIds.correction.level('in_transit_country')).click();
    choose(historyIds.correction.language, 'not_stated');
    typeText(historyIds.correction.nextSteps, 'Call back on Monday');
    type(historyIds.correction.followUp, '٢٠٢٦-٠٣-٠٩');
    typeText(historyIds.correction.notes, 'Worried about her son; he has left.');
    submit(historyIds.correction.save);
    await advance();

    expect(correctionSent(calls)).toEqual([
      {
        callId: '2002',
        content: {
          channel: 'phone',
          language: 'not_stated',
          level: 'in_transit_country',
          caller: before.caller,
          person: before.person,
          referrals: ['ngo'],
          nextSteps: 'Call back on Monday',
          followUp: '2026-03-09',
          followUpDone: true,
          notes: 'Worried about her son; he has left.',
        },
      },
    ]);
    expect(document.getElementById(historyIds.correction.form)).toBeNull();
    expect(byId(historyIds.corrected).textContent).toBe('The call was corrected; the audit trail keeps that it was.');
    expect(item('2002').querySelector('.level')?.textContent).toBe('Step 3: in a transit country');
    expect(item('2002').querySelector('.history-notes')?.textContent).toBe('Worried about her son; he has left.');
    expect(item('2002').textContent).not.toContain('Swedish');
    expect(shellStore.audit[0]?.action).toEqual({ kind: 'call_corrected', case: '4821093700000000', fields: ['follow_up', 'language', 'level', 'next_steps', 'notes'] });
  });

  test('saving with nothing changed sends the call exactly as it was', async () => {
    const shellStore = fake();
    const calls = await history(shellStore);
    await startCorrecting();
    const { callId, startedAt, endedAt, escalated, correctableUntil, ...content } = structuredClone(shellStore.cases.get('48210937552')!.calls[0]!);
    expect([callId, startedAt, endedAt, escalated, correctableUntil]).toEqual(['2002', '2026-03-02T09:00:00Z', '2026-03-02T09:12:00Z', false, UNTIL]);
    submit(historyIds.correction.save);
    await advance();
    expect(correctionSent(calls)).toEqual([{ callId: '2002', content }]);
  });

  test('Cancel puts the call back as it was, and sends nothing', async () => {
    const calls = await history();
    await startCorrecting();
    typeText(historyIds.correction.notes, 'Something else');
    byId(historyIds.correction.cancel).click();
    await advance();
    expect(document.getElementById(historyIds.correction.form)).toBeNull();
    expect(item('2002').querySelector('.history-notes')?.textContent).toBe('Worried about her son.');
    expect(document.activeElement).toBe(byId(historyIds.correct('2002')));
    expect(correctionSent(calls)).toEqual([]);
    // Opened again, the form starts from the call, not from what was typed before.
    await startCorrecting();
    expect(byId<HTMLTextAreaElement>(historyIds.correction.notes).value).toBe('Worried about her son.');
  });

  test('a follow-up that is no day is said at its field, and nothing is sent', async () => {
    const calls = await history();
    await startCorrecting();
    type(historyIds.correction.followUp, '2026-02-30');
    submit(historyIds.correction.save);
    await advance();
    expect(correctionSent(calls)).toEqual([]);
    expect(errorAt(historyIds.correction.followUp)).toContain('That is not a date.');
    expect(byId(historyIds.correction.form)).not.toBeNull();
    // An emptied field is no follow-up.
    type(historyIds.correction.followUp, '');
    submit(historyIds.correction.save);
    await advance();
    expect(correctionSent(calls)[0]?.content.followUp).toBeNull();
  });

  const refusals: [string, ReturnType<typeof shellError>, string, string][] = [
    ['not_your_call', shellError('not_your_call'), historyIds.correction.save, 'Only the volunteer who took a call can correct it'],
    ['correction_window_closed', shellError('correction_window_closed'), historyIds.correction.save, 'A call can be corrected until 12 hours after it ended'],
    [
      'correction_changes_published',
      shellError('correction_changes_published'),
      historyIds.correction.save,
      'The statistics of that month have been published',
    ],
    ['too_long (next steps)', shellError('too_long', { field: 'next_steps', min: null, max: 4000 }), historyIds.correction.nextSteps, 'The text is too long'],
    ['too_long (notes)', shellError('too_long', { field: 'notes', min: null, max: 50000 }), historyIds.correction.notes, 'The text is too long'],
  ];

  test.each(refusals)('a refusal (%s) keeps the form as typed, with the error at its field', async (_, error, field, message) => {
    const calls = await history(fake(), {
      correct_call: () => {
        throw error;
      },
    });
    await startCorrecting();
    typeText(historyIds.correction.notes, 'Typed before the refusal');
    submit(historyIds.correction.save);
    await advance();
    expect(correctionSent(calls).length).toBe(1);
    expect(byId(historyIds.correction.form)).not.toBeNull();
    expect(byId<HTMLTextAreaElement>(historyIds.correction.notes).value).toBe('Typed before the refusal');
    expect(errorAt(field)).toContain(message);
    expect(document.getElementById(historyIds.corrected)).toBeNull();
  });

  test('the fake shell refuses a call the user did not take, and one whose window has closed', async () => {
    const shellStore = fake();
    const calls = await history(shellStore);
    await startCorrecting();
    shellStore.cases.get('48210937552')!.calls[0]!.correctableUntil = null;
    submit(historyIds.correction.save);
    await advance();
    expect(errorAt(historyIds.correction.save)).toContain('Only the volunteer who took a call');
    shellStore.cases.get('48210937552')!.calls[0]!.correctableUntil = '2026-03-02T09:30:00Z';
    submit(historyIds.correction.save);
    await advance();
    expect(errorAt(historyIds.correction.save)).toContain('can no longer be corrected');
    expect(correctionSent(calls).length).toBe(2);
  });

  test('in Arabic the button, the hint and the form read right to left', async () => {
    await history();
    chooseLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(byId(historyIds.correct('2002')).textContent).toBe('تصحيح هذه المكالمة');
    expect(plain(textOf(historyIds.correctableUntil('2002')))).toBe(`يمكنك تصحيحها حتى ${formatDateTime(UNTIL)}.`);
    await startCorrecting();
    const form = byId(historyIds.correction.form);
    expect(form.closest('[dir="ltr"]')).toBeNull();
    expect(form.querySelector(`label[for="${historyIds.correction.level('wish_to_leave')}"]`)?.textContent).toBe('الخطوة ٢: يرغب في المغادرة');
    // The date is written in the UI's digits, and stays left to right.
    expect(input(historyIds.correction.followUp).value).toBe(inUiDigits('2026-03-06'));
    expect(input(historyIds.correction.followUp).getAttribute('dir')).toBe('ltr');
    expect(byId(historyIds.correction.save).textContent).toBe('حفظ التصحيح');
    expect(byId<HTMLTextAreaElement>(historyIds.correction.notes).getAttribute('dir')).toBe('auto');
  });
});
