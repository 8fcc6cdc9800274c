import type { SyncState } from '../ipc';

/** One drawing of a screen: its root, and what gets focus when it is first shown. */
export interface Rendered {
  root: HTMLElement;
  focus: HTMLElement;
}

/**
 * A screen owns its state and its handlers; the app draws it (again after a change, a new
 * language or a task) and tells it when it is left.
 */
export interface Screen {
  /** Builds the screen's elements from its state. */
  render(): Rendered;
  /** Another screen replaced it, or the session ended. */
  leave?(): void;
  /** It was drawn again in a new language. */
  languageChanged?(): void;
  /** The shell's background sync said something new (the header shows it already). */
  syncChanged?(state: SyncState): void;
}
