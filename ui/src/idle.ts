// Locks the app after a while without keyboard or pointer activity. While a call is open the
// volunteer may listen for a long time without touching anything, so the limit is then at
// least CALL_MINUTES: a caller must not be cut off by the lock screen.

/** The shortest idle time before locking while a call is open. */
export const CALL_MINUTES = 30;

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

export class IdleTimer {
  private last = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private callOpen = false;
  private readonly activity = (): void => {
    this.last = Date.now();
  };

  constructor(
    private readonly target: Document,
    private minutes: number,
    private readonly onIdle: () => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.last = Date.now();
    for (const type of ACTIVITY) this.target.addEventListener(type, this.activity, { capture: true, passive: true });
    this.schedule(this.limit());
  }

  /** A new limit, counted from the last activity. */
  setMinutes(minutes: number): void {
    this.minutes = minutes;
    if (this.running) this.check();
  }

  /** Whether a call is open; the limit is then at least CALL_MINUTES. */
  setCallOpen(open: boolean): void {
    if (open === this.callOpen) return;
    this.callOpen = open;
    if (this.running) this.check();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const type of ACTIVITY) this.target.removeEventListener(type, this.activity, { capture: true });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private limit(): number {
    const minutes = Math.max(1, this.minutes);
    return (this.callOpen ? Math.max(minutes, CALL_MINUTES) : minutes) * 60_000;
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), ms);
  }

  // Activity only records a time; the timer looks at it when it fires, so moving the mouse
  // costs nothing.
  private check(): void {
    if (!this.running) return;
    const idle = Date.now() - this.last;
    if (idle >= this.limit()) {
      this.stop();
      this.onIdle();
    } else {
      this.schedule(this.limit() - idle);
    }
  }
}
