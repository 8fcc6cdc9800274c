// Helpers for the UI tests (jsdom + the Tauri IPC mock). Not part of the built app.

import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { vi } from 'vitest';
import { startApp } from './app';

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
export function shellError(code: string): { code: string; message: string } {
  return { code, message: `${code} (English, for logs)` };
}

/** Mounts a fresh app; resolves once the first `app_status` has been answered. */
export async function mount(): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.id = 'app';
  document.body.replaceChildren(host);
  await startApp(host);
  return host;
}

export function reset(): void {
  clearMocks();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  window.localStorage.clear();
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
  const select = byId<HTMLSelectElement>('language');
  select.focus();
  select.value = language;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Lets pending promise callbacks (the mocked IPC replies) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The text of #error, or '' when no error is shown. */
export function errorShown(): string {
  const box = byId('error');
  return box.hidden ? '' : (box.textContent ?? '');
}
