// Autosave of a call's draft: after a quiet moment, at most every few seconds while typing goes
// on, one save at a time with the latest content, and retries with backoff when a save fails.
// Nothing here touches the DOM: the text stays in the form whatever happens to a save.

export type SaveState = 'saved' | 'saving' | 'retrying';

export interface AutosaveOptions<T> {
  /** Sends one save; rejects when it failed. */
  save(content: T): Promise<void>;
  /** The content as it is now (taken when a save starts, so the latest always wins). */
  snapshot(): T;
  onState(state: SaveState): void;
  /** Save after this long without a change. */
  quietMs?: number;
  /** While changes keep coming, save at least this often. */
  maxWaitMs?: number;
  /** Waits before the 1st, 2nd, … retry; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

type Timer = ReturnType<typeof setTimeout>;

export class Autosaver<T> {
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly retryDelaysMs: readonly number[];

  private dirty = false;
  private inFlight: Promise<boolean> | null = null;
  /** A save was due while another was in flight: start it as soon as that one ends. */
  private due = false;
  private failures = 0;
  private flushing = 0;
  private stopped = false;
  private current: SaveState = 'saved';

  private quietTimer: Timer | undefined;
  private maxTimer: Timer | undefined;
  private retryTimer: Timer | undefined;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.quietMs = options.quietMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
  }

  get state(): SaveState {
    return this.current;
  }

  /** Whether there are changes no save has stored yet. */
  get pending(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /** The content changed: save it soon. */
  changed(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.retryTimer !== undefined) return; // backing off; the retry takes the latest content
    this.setState(this.failures > 0 ? 'retrying' : 'saving');
    if (this.quietTimer !== undefined) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.run(), this.quietMs);
    this.maxTimer ??= setTimeout(() => this.run(), this.maxWaitMs);
  }

  /** Saves now if anything is unsaved (a field lost focus, the window was left). */
  saveNow(): void {
    if (this.stopped || !this.dirty || this.retryTimer !== undefined) return;
    this.run();
  }

  /**
   * Waits for the save in flight, then saves what is still unsaved. True when everything
   * typed so far is stored; false when the last attempt failed (autosave keeps retrying).
   */
  async flush(): Promise<boolean> {
    this.flushing += 1;
    this.clearTimers();
    try {
      while (this.inFlight) await this.inFlight;
      if (this.stopped) return !this.dirty;
      if (this.dirty) return await this.start();
      return true;
    } finally {
      this.flushing -= 1;
      // Back to normal operation: retry after a failure, or save what was typed meanwhile.
      if (this.flushing === 0 && !this.stopped && this.dirty && !this.inFlight) {
        if (this.failures > 0) this.afterFailure();
        else this.changed();
      }
    }
  }

  /** No more saves (the call ended, was discarded, or the app locks). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
  }

  /** Saves again after `stop` (ending the call failed): the current content, soon. */
  resume(): void {
    this.stopped = false;
    this.changed();
  }

  /** Resolves once no save is in flight (starts none). */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private run(): void {
    this.clearTimers(false);
    if (this.stopped || !this.dirty) return;
    if (this.inFlight) {
      this.due = true;
      return;
    }
    void this.start();
  }

  private start(): Promise<boolean> {
    this.dirty = false;
    this.due = false;
    this.setState('saving');
    const content = this.options.snapshot();
    const attempt = this.options.save(content).then(
      () => true,
      () => false,
    );
    const flight = attempt.then((ok) => {
      this.inFlight = null;
      if (ok) {
        this.failures = 0;
      } else {
        this.failures += 1;
        this.dirty = true;
      }
      if (this.stopped) return ok;
      if (this.flushing > 0) {
        this.setState(ok && !this.dirty ? 'saved' : ok ? 'saving' : 'retrying');
        return ok;
      }
      if (!ok) {
        this.afterFailure();
      } else if (this.dirty) {
        this.setState('saving');
        if (this.due) this.run(); // otherwise the timers armed by the change will fire
      } else {
        this.setState('saved');
      }
      return ok;
    });
    this.inFlight = flight;
    return flight;
  }

  private afterFailure(): void {
    this.setState('retrying');
    this.clearTimers(false);
    if (this.retryTimer !== undefined) return;
    const index = Math.min(Math.max(this.failures - 1, 0), this.retryDelaysMs.length - 1);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.run();
    }, this.retryDelaysMs[index] ?? 1000);
  }

  private clearTimers(retry = true): void {
    if (this.quietTimer !== undefined) clearTimeout(this.quietTimer);
    if (this.maxTimer !== undefined) clearTimeout(this.maxTimer);
    this.quietTimer = undefined;
    this.maxTimer = undefined;
    if (retry && this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
  }

  private setState(state: SaveState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onState(state);
  }
}
