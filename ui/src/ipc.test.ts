import { afterEach, describe, expect, test } from 'vitest';
import { IpcError, appStatus, lock, setUpStore, toIpcError, unlock } from './ipc';
import { fakeShell, reset, shellError } from './test-support';

afterEach(reset);

describe('ipc wrappers', () => {
  test('send the contract names and camelCase argument keys', async () => {
    const calls = fakeShell((cmd, args) => {
      switch (cmd) {
        case 'app_status':
          return { state: 'locked' };
        case 'set_up_store':
          return { recoveryCode: '1234-5678', user: args.userName, role: 'supervisor' };
        case 'unlock':
          return { user: args.userName, role: 'volunteer' };
        default:
          return null;
      }
    });
    expect(await appStatus()).toEqual({ state: 'locked' });
    expect(await setUpStore('Maja', 'pass phrase 1')).toEqual({
      recoveryCode: '1234-5678',
      user: 'Maja',
      role: 'supervisor',
    });
    expect(await unlock('Ahmad', 'pass phrase 2')).toEqual({ user: 'Ahmad', role: 'volunteer' });
    expect(await lock()).toBeUndefined();
    expect(calls).toEqual([
      { cmd: 'app_status', args: {} },
      { cmd: 'set_up_store', args: { userName: 'Maja', passphrase: 'pass phrase 1' } },
      { cmd: 'unlock', args: { userName: 'Ahmad', passphrase: 'pass phrase 2' } },
      { cmd: 'lock', args: {} },
    ]);
  });

  test('a rejection becomes an IpcError with the code', async () => {
    fakeShell(() => {
      throw shellError('unknown_user');
    });
    const error = await unlock('nobody', 'pass phrase 3').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(IpcError);
    expect((error as IpcError).code).toBe('unknown_user');
    expect((error as IpcError).message).toBe('unknown_user (English, for logs)');
  });

  test('replies that break the contract are rejected', async () => {
    const replies: unknown[] = [
      null,
      { state: 'open' },
      { state: 'unlocked', user: 7, role: 'volunteer' },
      { state: 'unlocked', user: 'x', role: 'root' },
    ];
    for (const reply of replies) {
      fakeShell(() => reply);
      await expect(appStatus()).rejects.toMatchObject({ code: 'unknown' });
    }
    fakeShell(() => ({ recoveryCode: '', user: 'x', role: 'supervisor' }));
    await expect(setUpStore('x', 'pass phrase 4')).rejects.toMatchObject({ code: 'unknown' });
    fakeShell(() => ({ user: 'x', role: 'volunteer', recovery_code: 'abc' }));
    await expect(setUpStore('x', 'pass phrase 4')).rejects.toMatchObject({ code: 'unknown' });
  });

  test('toIpcError maps unknown shapes to the fallback code', () => {
    expect(toIpcError(shellError('store_locked')).code).toBe('store_locked');
    expect(toIpcError(shellError('not_a_code')).code).toBe('unknown');
    expect(toIpcError({ code: 42 }).code).toBe('unknown');
    expect(toIpcError('plain string').code).toBe('unknown');
    expect(toIpcError(undefined).code).toBe('unknown');
    expect(toIpcError(null).code).toBe('unknown');
  });
});
