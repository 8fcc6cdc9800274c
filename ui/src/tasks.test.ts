// The one task runner: busy while a task runs, late replies dropped, a locked store back to the
// unlock screen, refusals shown with the focus on the field to correct. First against a host
// that records what the runner asks of it, then through the app and the fake shell.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ids as casesIds } from './screens/cases';
import { ids as historyIds } from './screens/history';
import { ids as homeIds } from './screens/home';
import { ids as navIds } from './screens/nav';
import { ids as unlockIds } from './screens/unlock';
import type { Screen } from './screens/types';
import { TaskRunner, type TaskHost } from './tasks';
import { advance, byId, errorShown, input, reset, shellError, submit, type } from './test-support';
import { NUMBER, STARTED_AT, commands, deferred, open, store } from './test-shell';

function screen(): Screen {
  return { render: () => ({ root: document.createElement('div'), focus: document.createElement('div') }) };
}

/** A host with one screen on show; it records what the runner asks of it. */
function host(options: { signedIn?: boolean } = {}) {
  const log: string[] = [];
  const state = { shown: screen(), epoch: 0, signedIn: options.signedIn ?? true };
  const unlockScreen = screen();
  let runner: TaskRunner | null = null;
  const fake: TaskHost = {
    epoch: () => state.epoch,
    shows: (candidate) => candidate === state.shown,
    redraw: (candidate) => {
      if (candidate === state.shown) log.push(runner?.busy ? 'redraw busy' : 'redraw');
    },
    showError: (code) => log.push(`error ${code ?? 'cleared'}`),
    fail: (code, field, clear) => log.push(`fail ${code} at ${field}, clear ${clear.join(' ')}`.trim()),
    sessionLost: (code) => {
      if (!state.signedIn) return false;
      state.signedIn = false;
      state.epoch += 1;
      state.shown = unlockScreen;
      log.push(`unlock screen (${code})`);
      return true;
    },
  };
  runner = new TaskRunner(fake);
  return { runner, log, state, first: state.shown, unlockScreen };
}

describe('the task runner', () => {
  test('the screen is busy while its task runs, and drawn again when the reply is taken', async () => {
    const { runner, log, first } = host();
    const reply = deferred<string>();
    const seen: string[] = [];
    const running = runner.run(first, {
      ask: () => reply.promise,
      done: (value) => void seen.push(`done ${value} ${runner.busy ? 'busy' : 'idle'}`),
      drawn: () => void seen.push(`drawn ${runner.busy ? 'busy' : 'idle'}`),
    });
    expect(runner.busy).toBe(true);
    expect(log).toEqual(['error cleared', 'redraw busy']);
    reply.resolve('answer');
    expect(await running).toBe(true);
    expect(seen).toEqual(['done answer busy', 'drawn idle']);
    expect(log).toEqual(['error cleared', 'redraw busy', 'redraw']);
    expect(runner.busy).toBe(false);
  });

  test('nothing else runs while the screen is busy', async () => {
    const { runner, first } = host();
    const reply = deferred();
    const running = runner.run(first, { ask: () => reply.promise });
    const ask = vi.fn(() => Promise.resolve());
    expect(await runner.run(first, { ask })).toBe(false);
    expect(ask).not.toHaveBeenCalled();
    reply.resolve(null);
    await running;
    expect(await runner.run(first, { ask })).toBe(true);
    expect(ask).toHaveBeenCalledOnce();
  });

  test('busy is cleared on failure; the code is shown with the focus on the field to correct', async () => {
    const { runner, log, first } = host();
    const states: string[] = [];
    const taken = await runner.run(first, {
      ask: () => Promise.reject(shellError('wrong_passphrase')),
      done: () => void states.push('done'),
      failed: (code) => {
        states.push(`failed ${code} ${runner.busy ? 'busy' : 'idle'}`);
        return { field: 'unlock-passphrase', clear: ['unlock-passphrase'] };
      },
    });
    expect(taken).toBe(false);
    expect(states).toEqual(['failed wrong_passphrase idle']);
    expect(log.slice(2)).toEqual(['redraw', 'fail wrong_passphrase at unlock-passphrase, clear unlock-passphrase']);
    expect(runner.busy).toBe(false);
  });

  test('without a field to correct, the code is shown', async () => {
    const { runner, log, first } = host();
    await runner.run(first, { ask: () => Promise.reject(shellError('storage_failed')) });
    expect(log.slice(2)).toEqual(['redraw', 'error storage_failed']);
    expect(runner.busy).toBe(false);
  });

  test('a reply that comes after the screen was left is dropped, and so is a failure', async () => {
    const { runner, log, state, first } = host();
    const reply = deferred();
    const done = vi.fn();
    const running = runner.run(first, { ask: () => reply.promise, done });
    state.shown = screen();
    expect(runner.busy).toBe(false); // the new screen does not wait for the old one's task
    reply.resolve('late');
    expect(await running).toBe(false);
    expect(done).not.toHaveBeenCalled();

    const refusal = deferred();
    const failed = vi.fn();
    const again = runner.run(state.shown, { ask: () => refusal.promise, failed });
    state.shown = screen();
    refusal.reject(shellError('no_such_case'));
    await again;
    expect(failed).not.toHaveBeenCalled();
    expect(log).not.toContain('error no_such_case');
  });

  test('a reply that comes after the session ended is dropped, even on the same screen', async () => {
    const { runner, state, first } = host();
    const reply = deferred();
    const done = vi.fn();
    const running = runner.run(first, { ask: () => reply.promise, done });
    state.epoch += 1;
    reply.resolve(null);
    expect(await running).toBe(false);
    expect(done).not.toHaveBeenCalled();
  });

  test('a reply to a request that was superseded is dropped', async () => {
    const { runner, first } = host();
    let request = 0;
    const replies = [deferred<string>(), deferred<string>()];
    const shown: string[] = [];
    const load = (): Promise<boolean> => {
      const mine = ++request;
      const reply = replies[mine - 1]!;
      return runner.load(first, {
        superseded: () => mine !== request,
        ask: () => reply.promise,
        done: (value) => void shown.push(value),
      });
    };
    const older = load();
    const newer = load();
    replies[1]!.resolve('newer');
    replies[0]!.resolve('older');
    expect(await Promise.all([older, newer])).toEqual([false, true]);
    expect(shown).toEqual(['newer']);
  });

  test('a locked store ends the session and shows the unlock screen; the task hears nothing of it', async () => {
    const { runner, log, state, first, unlockScreen } = host();
    const failed = vi.fn();
    const drawn = vi.fn();
    expect(await runner.run(first, { ask: () => Promise.reject(shellError('store_locked')), failed, drawn })).toBe(false);
    expect(state.shown).toBe(unlockScreen);
    expect(log.slice(2)).toEqual(['unlock screen (store_locked)']);
    expect(failed).not.toHaveBeenCalled();
    expect(drawn).not.toHaveBeenCalled();
    expect(runner.busy).toBe(false);
  });

  test('before sign-in, a locked store is just a code to show', async () => {
    const { runner, log, first } = host({ signedIn: false });
    await runner.run(first, { ask: () => Promise.reject(shellError('store_locked')) });
    expect(log.slice(2)).toEqual(['redraw', 'error store_locked']);
  });

  test('what it waits for first keeps the screen busy; leaving meanwhile means nothing is asked', async () => {
    const { runner, state, first } = host();
    const ready = deferred();
    const ask = vi.fn(() => Promise.resolve());
    const running = runner.run(first, { before: () => ready.promise, ask });
    expect(runner.busy).toBe(true);
    state.shown = screen();
    ready.resolve(null);
    expect(await running).toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });

  test('a task may go on with another; the screen stays busy until the last reply', async () => {
    const { runner, first } = host();
    const second = deferred<number>();
    const seen: string[] = [];
    const running = runner.run(first, {
      ask: () => Promise.resolve('first'),
      done: () => ({
        ask: () => second.promise,
        done: (value: number) => void seen.push(`second ${value}`),
      }),
    });
    await advanceMicrotasks();
    expect(runner.busy).toBe(true);
    second.resolve(2);
    expect(await running).toBe(true);
    expect(seen).toEqual(['second 2']);
    expect(runner.busy).toBe(false);
  });

  test('load neither makes the screen busy nor clears the error', async () => {
    const { runner, log, first } = host();
    const reply = deferred();
    const loading = runner.load(first, { ask: () => reply.promise });
    expect(runner.busy).toBe(false);
    expect(log).toEqual([]);
    reply.resolve(null);
    expect(await loading).toBe(true);
    expect(log).toEqual(['redraw']);
  });
});

async function advanceMicrotasks(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('the task runner in the app', () => {
  beforeEach(() => {
    reset();
    vi.useFakeTimers({ now: new Date(STARTED_AT) });
  });
  afterEach(() => {
    reset();
    vi.useRealTimers();
  });

  test('a case found after the volunteer went on to the cases list does not replace it', async () => {
    const found = deferred();
    await open(store(), { find_case: () => found.promise });
    type(homeIds.lookupNumber, NUMBER);
    submit(homeIds.lookupSubmit);
    await advance();
    expect(byId<HTMLButtonElement>(homeIds.lookupSubmit).disabled).toBe(true);
    byId(navIds.place('cases')).click();
    await advance();
    found.resolve({ caseNumber: NUMBER, open: true, calls: [] });
    await advance();
    expect(document.getElementById(casesIds.screen)).not.toBeNull();
    expect(document.getElementById(historyIds.screen)).toBeNull();
    expect(errorShown()).toBe('');
  });

  test('a store locked behind the UI\u2019s back during a task shows the unlock screen and says why', async () => {
    const fake = store();
    const calls = await open(fake, { find_case: () => Promise.reject(shellError('store_locked')) });
    type(homeIds.lookupNumber, NUMBER);
    submit(homeIds.lookupSubmit);
    await advance();
    expect(document.getElementById(homeIds.screen)).toBeNull();
    expect(document.activeElement).toBe(input(unlockIds.user));
    expect(errorShown()).not.toBe('');
    expect(commands(calls)).not.toContain('lock');
  });

  test('a refused task is no longer busy and can be sent again', async () => {
    let refuse = true;
    const calls = await open(store(), {
      find_case: () => {
        if (refuse) throw shellError('no_such_case');
        return { caseNumber: NUMBER, open: true, calls: [] };
      },
    });
    type(homeIds.lookupNumber, NUMBER);
    submit(homeIds.lookupSubmit);
    await advance();
    expect(byId<HTMLButtonElement>(homeIds.lookupSubmit).disabled).toBe(false);
    expect(document.activeElement).toBe(input(homeIds.lookupNumber));
    refuse = false;
    submit(homeIds.lookupSubmit);
    await advance();
    expect(commands(calls).filter((cmd) => cmd === 'find_case').length).toBe(2);
    expect(document.getElementById(historyIds.screen)).not.toBeNull();
  });
});
