import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CALL_MINUTES, IdleTimer } from './idle';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the set minutes without activity, and activity postpones it', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(document, 5, onIdle);
    timer.start();
    vi.advanceTimersByTime(4 * 60_000);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000 + 1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits at least CALL_MINUTES while a call is open, then the normal time again', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(document, 5, onIdle);
    timer.start();
    timer.setCallOpen(true);
    vi.advanceTimersByTime((CALL_MINUTES - 1) * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.setCallOpen(false);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
