// Helpers for the UI tests (jsdom + the Tauri IPC mock). Not part of the built app.

import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { vi } from 'vitest';
import { ids as appIds, startApp, type App } from './app';

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

/** Records every IPC call and answers it with `handler` (throw to reject). */
export function fakeShell(handler: Handler): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    return handler(cmd, args);
  });
  return calls;
}

/** A rejection as the shell sends it. */
export function shellError(
  code: string,
  limit?: { field: string; min: number | null; max: number },
): { code: string; message: string; limit?: { field: string; min: number | null; max: number } } {
  return limit ? { code, message: `${code} (English, for logs)`, limit } : { code, message: `${code} (English, for logs)` };
}

let mounted: App | null = null;

/** Mounts a fresh app; resolves once the first `app_status` has been answered. */
export async function mount(): Promise<HTMLElement> {
  mounted?.dispose();
  const host = document.createElement('div');
  host.id = 'app';
  document.body.replaceChildren(host);
  mounted = await startApp(host);
  return host;
}

export function reset(): void {
  // The app listens on the document (shortcuts, idleness): a test's app must not outlive it.
  mounted?.dispose();
  mounted = null;
  clearMocks();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  vi.restoreAllMocks();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not in the document`);
  return found as T;
}

export function input(id: string): HTMLInputElement {
  return byId<HTMLInputElement>(id);
}

/** Types into a field the way a user would (value, then an input event). */
export function type(id: string, value: string): void {
  const field = input(id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Submits the form the way Enter or the submit button does. */
export function submit(buttonId: string): void {
  const button = byId<HTMLButtonElement>(buttonId);
  if (!button.form) throw new Error(`#${buttonId} is not in a form`);
  button.form.requestSubmit(button);
}

export function chooseLanguage(language: string): void {
  const select = byId<HTMLSelectElement>(appIds.language);
  select.focus();
  select.value = language;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Lets pending promise callbacks (the mocked IPC replies) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The error shown: the text of #error, or of the message at a field; '' when there is none. */
export function errorShown(): string {
  const box = byId(appIds.error);
  if (!box.hidden) return box.textContent ?? '';
  return document.querySelector('.field-error')?.textContent ?? '';
}

/** The message shown at the field with this id, checked to be linked to it; '' when none. */
export function errorAt(id: string): string {
  const control = byId(id);
  const note = document.getElementById(`${id}-error`);
  if (!note) return '';
  if (!(control.getAttribute('aria-describedby') ?? '').split(' ').includes(note.id)) throw new Error(`#${id} is not described by its error`);
  return note.textContent ?? '';
}

/**
 * Under fake timers: moves the clock by `ms` (running the timers due) and lets the promise
 * callbacks that follow run too.
 */
export async function advance(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

/** A key press on the focused element (or the body), as the keyboard sends it. */
export function press(
  key: string,
  modifiers: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {},
  target: Element | null = document.activeElement,
): KeyboardEvent {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
  const event = new KeyboardEvent('keydown', {
    key,
    code,
    altKey: modifiers.alt ?? false,
    ctrlKey: modifiers.ctrl ?? false,
    shiftKey: modifiers.shift ?? false,
    bubbles: true,
    cancelable: true,
  });
  (target ?? document.body).dispatchEvent(event);
  return event;
}

/** Types into a textarea the way a user would. */
export function typeText(id: string, value: string): void {
  const field = byId<HTMLTextAreaElement>(id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Chooses an option of a select the way a user would. */
export function choose(id: string, value: string): void {
  const select = byId<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The text of an element, '' when it is not there. */
export function textOf(id: string): string {
  return document.getElementById(id)?.textContent ?? '';
}

/** Text without Fluent's isolation marks around placeables (FSI, PDI). */
export function plain(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}
