// The idle lock lives in the shell (src-tauri/src/lock.rs): it keeps the deadline and locks by
// itself, so a page that hangs or stops reporting is locked all the same. This page only tells
// the shell that a person touched it, and whether a call is open (the shell then waits at least
// CALL_MINUTES: a caller must not be cut off by the lock screen).
//
// Only deliberate input counts. Pointer movement does not: a mouse jiggler would keep an
// unattended laptop open forever.

export { CALL_MINUTES } from './generated/ipc-types';

/** At most one report per this many milliseconds; the deadline is counted in minutes. */
export const REPORT_EVERY_MS = 10_000;

const INPUT = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'input'] as const;

export class InputReporter {
  private lastReport = Number.NEGATIVE_INFINITY;
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private callOpen = false;
  private readonly onInput = (): void => {
    const wait = this.lastReport + REPORT_EVERY_MS - Date.now();
    if (wait <= 0) this.report();
    // Input inside the window is reported at its end, so the shell's last input is never
    // more than REPORT_EVERY_MS behind the real one.
    else this.trailing ??= setTimeout(() => this.report(), wait);
  };

  constructor(
    private readonly target: Document,
    private readonly send: (callOpen: boolean) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const type of INPUT) this.target.addEventListener(type, this.onInput, { capture: true, passive: true });
  }

  /** Whether a call is on screen; a change is reported at once. */
  setCallOpen(open: boolean): void {
    if (open === this.callOpen) return;
    this.callOpen = open;
    if (this.running) this.report();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const type of INPUT) this.target.removeEventListener(type, this.onInput, { capture: true });
    this.clearTrailing();
  }

  private report(): void {
    this.clearTrailing();
    if (!this.running) return;
    this.lastReport = Date.now();
    this.send(this.callOpen);
  }

  private clearTrailing(): void {
    if (this.trailing !== undefined) clearTimeout(this.trailing);
    this.trailing = undefined;
  }
}
