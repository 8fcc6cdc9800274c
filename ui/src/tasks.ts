// The one way a screen asks the shell for something: while the task runs the screen is busy
// (its buttons say so), a reply that comes after a lock or after the screen was left is
// dropped, a store locked behind the UI's back ends the session, and a refusal is shown with
// the focus on the field to correct.

import { toIpcError, type ErrorCode, type IpcError, type LimitView } from './ipc';
import type { Screen } from './screens/screen';

/** Where a refusal sends the volunteer: the field to correct, and fields to empty first. */
export interface Correction {
  field: string;
  clear?: readonly string[];
}

export interface Task<T> {
  /** Waited for before asking (busy meanwhile); the task is dropped if the screen was left. */
  before?(): Promise<unknown>;
  ask(): Promise<T>;
  /** A newer request of the same kind was made: this one's reply is dropped as well. */
  superseded?(): boolean;
  /** The reply, while its screen is on show: change the screen's state, go elsewhere, or go on with another task (still busy). */
  done?(value: T): void | Task<unknown> | Promise<void | Task<unknown>>;
  /** Once the reply is drawn (and the screen no longer busy): where the focus goes. */
  drawn?(): void;
  /** A refusal (a locked store aside): change the state; return the field to correct, if any. The code is shown. */
  failed?(code: ErrorCode): void | Correction | Promise<void | Correction>;
}

/** What the runner needs of the app. */
export interface TaskHost {
  /** Bumped whenever a session ends. */
  epoch(): number;
  /** Whether `screen` is the one on show. */
  shows(screen: Screen): boolean;
  /** Draws `screen` again, keeping what was typed, if it is on show. */
  redraw(screen: Screen): void;
  /** Shows `code` (with the limit it names, if any) in the error box; null empties it. */
  showError(code: ErrorCode | null, limit?: LimitView | null): void;
  /** Shows `code`, empties `clear` and puts the focus (and selection) on `field`. */
  fail(code: ErrorCode, field: string, clear: readonly string[], limit?: LimitView | null): void;
  /** The store is locked but the app was signed in: ends the session and shows the unlock screen. False when not signed in. */
  sessionLost(code: ErrorCode): boolean;
}

export class TaskRunner {
  /** The task that makes its screen busy; null when none runs. */
  private running: { screen: Screen } | null = null;

  constructor(private readonly host: TaskHost) {}

  /** Whether the screen on show waits for a task of its own. */
  get busy(): boolean {
    return this.running !== null && this.host.shows(this.running.screen);
  }

  /**
   * Runs `task` for `screen`, which is busy meanwhile and drawn again at the end; the error box
   * is cleared first. Nothing runs while the screen is busy. True when the reply was taken.
   */
  async run<T>(screen: Screen, task: Task<T>): Promise<boolean> {
    if (this.busy || !this.host.shows(screen)) return false;
    const token = { screen };
    this.running = token;
    this.host.showError(null);
    this.host.redraw(screen);
    try {
      return await this.step(screen, this.host.epoch(), token, task);
    } finally {
      if (this.running === token) this.running = null;
    }
  }

  /** Like `run`, for what a screen fetches on its own: not busy, and any error stays shown meanwhile. */
  async load<T>(screen: Screen, task: Task<T>): Promise<boolean> {
    return this.step(screen, this.host.epoch(), null, task);
  }

  /** A closure telling whether `screen` is still on show in the session of now. */
  watch(screen: Screen): () => boolean {
    const epoch = this.host.epoch();
    return () => epoch === this.host.epoch() && this.host.shows(screen);
  }

  /**
   * The common end of a failed call. A locked store means the session is gone: the unlock
   * screen shows, and null is returned. Otherwise the refusal.
   */
  failure(reason: unknown): IpcError | null {
    const error = toIpcError(reason);
    if (error.code === 'store_locked' && this.host.sessionLost(error.code)) return null;
    return error;
  }

  private async step<T>(screen: Screen, epoch: number, token: { screen: Screen } | null, task: Task<T>): Promise<boolean> {
    const current = (): boolean => epoch === this.host.epoch() && this.host.shows(screen) && !task.superseded?.();
    if (task.before) {
      await task.before();
      if (!current()) return false;
    }
    let value: T;
    try {
      value = await task.ask();
    } catch (reason) {
      if (!current()) return false;
      if (this.running === token) this.running = null;
      const error = this.failure(reason);
      if (error === null) return false;
      const correction = await task.failed?.(error.code);
      this.host.redraw(screen);
      if (correction) this.host.fail(error.code, correction.field, correction.clear ?? [], error.limit);
      else this.host.showError(error.code, error.limit);
      return false;
    }
    if (!current()) return false;
    const next = await task.done?.(value);
    if (next) return this.step(screen, epoch, token, next);
    if (!current()) return true;
    if (this.running === token) this.running = null;
    this.host.redraw(screen);
    task.drawn?.();
    return true;
  }
}
