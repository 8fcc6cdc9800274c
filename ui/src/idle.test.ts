import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { InputReporter, REPORT_EVERY_MS } from './idle';

describe('InputReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports keys, clicks, wheel, touch and typing, but not pointer movement', () => {
    const send = vi.fn();
    const reporter = new InputReporter(document, send);
    reporter.start();
    document.dispatchEvent(new Event('pointermove'));
    expect(send).not.toHaveBeenCalled();
    for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart', 'input']) {
      document.dispatchEvent(new Event(type));
      vi.advanceTimersByTime(REPORT_EVERY_MS);
    }
    expect(send).toHaveBeenCalledTimes(5);
    reporter.stop();
  });

  it('reports a change of call at once, and nothing after it stops', () => {
    const send = vi.fn();
    const reporter = new InputReporter(document, send);
    reporter.start();
    document.dispatchEvent(new Event('keydown'));
    reporter.setCallOpen(true);
    expect(send.mock.calls).toEqual([[false], [true]]);
    document.dispatchEvent(new Event('keydown'));
    reporter.stop();
    vi.advanceTimersByTime(10 * REPORT_EVERY_MS);
    document.dispatchEvent(new Event('keydown'));
    reporter.setCallOpen(false);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
