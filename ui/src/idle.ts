// Locks the app after a while without keyboard or pointer activity.

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

export class IdleTimer {
  private last = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
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

  stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const type of ACTIVITY) this.target.removeEventListener(type, this.activity, { capture: true });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private limit(): number {
    return Math.max(1, this.minutes) * 60_000;
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
