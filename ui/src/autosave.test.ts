// The autosave on its own, with fake timers and a save the test answers itself.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Autosaver, type SaveState } from './autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

interface Pending {
  content: string;
  resolve(): void;
  reject(): void;
}

/** An autosaver over a string, whose saves wait until the test settles them. */
function harness() {
  let text = '';
  const pending: Pending[] = [];
  const states: SaveState[] = [];
  let inFlight = 0;
  let most = 0;
  const saver = new Autosaver<string>({
    save: (content) =>
      new Promise<void>((resolve, reject) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        const done = () => {
          inFlight -= 1;
        };
        pending.push({
          content,
          resolve: () => {
            done();
            resolve();
          },
          reject: () => {
            done();
            reject(new Error('failed'));
          },
        });
      }),
    snapshot: () => text,
    onState: (state) => states.push(state),
  });
  return {
    saver,
    pending,
    states,
    most: () => most,
    type(value: string) {
      text = value;
      saver.changed();
    },
  };
}

async function tick(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('Autosaver', () => {
  test('debounces: one save a second after the last change', async () => {
    const h = harness();
    h.type('a');
    await tick(500);
    h.type('ab');
    await tick(999);
    expect(h.pending.length).toBe(0);
    await tick(1);
    expect(h.pending.map((p) => p.content)).toEqual(['ab']);
    h.pending[0]!.resolve();
    await tick();
    expect(h.saver.state).toBe('saved');
    expect(h.states).toEqual(['saving', 'saved']);
  });

  test('throttles: continuous changes are saved every 3 seconds', async () => {
    const h = harness();
    const saved: string[] = [];
    for (let i = 1; i <= 30; i++) {
      h.type('x'.repeat(i));
      await tick(200);
      for (const p of h.pending.splice(0)) {
        saved.push(p.content);
        p.resolve();
      }
    }
    // 6 seconds of typing: saves at 3 s and at 6 s, each with what was typed by then.
    expect(saved).toEqual(['x'.repeat(15), 'x'.repeat(30)]);
    expect(h.saver.state).toBe('saving');
  });

  test('never two saves at once; the latest content follows the one in flight', async () => {
    const h = harness();
    h.type('one');
    await tick(1000);
    h.type('two');
    await tick(3000);
    h.type('three');
    await tick(3000);
    expect(h.pending.map((p) => p.content)).toEqual(['one']);
    h.pending[0]!.resolve();
    await tick();
    expect(h.pending.map((p) => p.content)).toEqual(['one', 'three']);
    expect(h.most()).toBe(1);
  });

  test('retries after a failure with growing waits, with the latest content', async () => {
    const h = harness();
    h.type('a');
    await tick(1000);
    h.pending[0]!.reject();
    await tick();
    expect(h.saver.state).toBe('retrying');
    h.type('ab');
    await tick(999);
    expect(h.pending.length).toBe(1);
    await tick(1);
    expect(h.pending[1]!.content).toBe('ab');
    h.pending[1]!.reject();
    await tick(1999);
    expect(h.pending.length).toBe(2);
    await tick(1);
    expect(h.pending.length).toBe(3);
    h.pending[2]!.resolve();
    await tick();
    expect(h.saver.state).toBe('saved');
    // After a success the next failure starts the waits from the beginning.
    h.type('abc');
    await tick(1000);
    h.pending[3]!.reject();
    await tick(1000);
    expect(h.pending.length).toBe(5);
  });

  test('flush waits for the save in flight, then saves what is left', async () => {
    const h = harness();
    h.type('one');
    await tick(1000);
    h.type('one two');
    let flushed: boolean | undefined;
    void h.saver.flush().then((ok) => (flushed = ok));
    await tick();
    expect(h.pending.length).toBe(1);
    h.pending[0]!.resolve();
    await tick();
    expect(h.pending.map((p) => p.content)).toEqual(['one', 'one two']);
    expect(flushed).toBeUndefined();
    h.pending[1]!.resolve();
    await tick();
    expect(flushed).toBe(true);
    // Nothing left to do: no timer fires another save.
    await tick(10_000);
    expect(h.pending.length).toBe(2);
  });

  test('a failed flush says so and leaves the retry running', async () => {
    const h = harness();
    h.type('one');
    let flushed: boolean | undefined;
    void h.saver.flush().then((ok) => (flushed = ok));
    await tick();
    h.pending[0]!.reject();
    await tick();
    expect(flushed).toBe(false);
    expect(h.saver.state).toBe('retrying');
    await tick(1000);
    expect(h.pending.length).toBe(2);
  });

  test('stop ends all saving; resume starts again', async () => {
    const h = harness();
    h.type('one');
    h.saver.stop();
    await tick(5000);
    expect(h.pending.length).toBe(0);
    h.type('two');
    await tick(5000);
    expect(h.pending.length).toBe(0);
    h.saver.resume();
    await tick(1000);
    expect(h.pending.map((p) => p.content)).toEqual(['two']);
  });
});
