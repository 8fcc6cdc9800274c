// The IPC contract with the desktop shell (src-tauri), in one place.
//
// Every call to Rust goes through the typed wrappers below; nothing else in the UI imports
// `invoke`. Argument keys are camelCase here; Tauri maps them to the Rust parameter names.

import { invoke } from '@tauri-apps/api/core';

export type Role = 'volunteer' | 'supervisor';

/** `app_status()` */
export type AppStatus =
  | { state: 'needs_setup' }
  | { state: 'locked' }
  | { state: 'unlocked'; user: string; role: Role };

/** `set_up_store({ userName, passphrase })`; the store is unlocked afterwards. */
export interface SetUpResult {
  recoveryCode: string;
  user: string;
  role: 'supervisor';
}

/** `unlock({ userName, passphrase })` */
export interface Session {
  user: string;
  role: Role;
}

/** Error codes the shell sends in a rejected call (`{ code, message }`). */
export const ERROR_CODES = [
  'wrong_passphrase',
  'unknown_user',
  'store_locked',
  'store_exists',
  'not_a_store',
  'newer_schema',
  'damaged_record',
  'not_allowed',
  'invalid_user_name',
  'passphrase_too_short',
  'passphrase_too_long',
  'storage_failed',
  'invalid_argument',
  'wrong_recovery_code',
  'user_exists',
  'key_slot_missing',
  'no_store',
  'case_number_check_failed',
  'case_number_malformed',
  'no_such_case',
  'too_long',
] as const;

export type ShellErrorCode = (typeof ERROR_CODES)[number];

/** Codes the UI raises itself, before any IPC call. */
export const CLIENT_ERROR_CODES = ['passphrase_mismatch'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Anything shown in `#error`. `unknown` covers codes this build does not know. */
export type ErrorCode = ShellErrorCode | ClientErrorCode | 'unknown';

/** What a rejected IPC promise carries. `message` is English, for logs only. */
export interface IpcErrorPayload {
  code: string;
  message: string;
}

/** A failed call, normalised: `code` is always one the UI can translate. */
export class IpcError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

function isKnownCode(code: unknown): code is ShellErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Turns whatever a rejected `invoke` gave us into an `IpcError`. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (typeof reason === 'object' && reason !== null) {
    const { code, message } = reason as Partial<Record<keyof IpcErrorPayload, unknown>>;
    const text = typeof message === 'string' ? message : '';
    return new IpcError(isKnownCode(code) ? code : 'unknown', text);
  }
  return new IpcError('unknown', typeof reason === 'string' ? reason : '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isRole(value: unknown): value is Role {
  return value === 'volunteer' || value === 'supervisor';
}

function malformed(command: string): IpcError {
  return new IpcError('unknown', `${command}: unexpected reply from the shell`);
}

async function call(command: string, args?: Record<string, unknown>): Promise<unknown> {
  try {
    return await invoke<unknown>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

// Replies are checked for shape: a malformed one is an error, never half-rendered.

export async function appStatus(): Promise<AppStatus> {
  const reply = await call('app_status');
  if (isRecord(reply)) {
    if (reply.state === 'needs_setup') return { state: 'needs_setup' };
    if (reply.state === 'locked') return { state: 'locked' };
    if (reply.state === 'unlocked' && typeof reply.user === 'string' && isRole(reply.role)) {
      return { state: 'unlocked', user: reply.user, role: reply.role };
    }
  }
  throw malformed('app_status');
}

export async function setUpStore(userName: string, passphrase: string): Promise<SetUpResult> {
  const reply = await call('set_up_store', { userName, passphrase });
  if (
    isRecord(reply) &&
    typeof reply.recoveryCode === 'string' &&
    reply.recoveryCode !== '' &&
    typeof reply.user === 'string' &&
    reply.role === 'supervisor'
  ) {
    return { recoveryCode: reply.recoveryCode, user: reply.user, role: 'supervisor' };
  }
  throw malformed('set_up_store');
}

export async function unlock(userName: string, passphrase: string): Promise<Session> {
  const reply = await call('unlock', { userName, passphrase });
  if (isRecord(reply) && typeof reply.user === 'string' && isRole(reply.role)) {
    return { user: reply.user, role: reply.role };
  }
  throw malformed('unlock');
}

export async function lock(): Promise<void> {
  await call('lock');
}
