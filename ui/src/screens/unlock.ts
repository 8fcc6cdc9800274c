import { el, field } from '../dom';
import { t } from '../i18n';
import * as ipc from '../ipc';
import { recoveryCodeFields } from './recovery-fields';
import type { LockedContext, Rendered, Screen } from './types';

export const ids = {
  screen: 'unlock',
  title: 'unlock-title',
  form: 'unlock-form',
  user: 'unlock-user',
  passphrase: 'unlock-passphrase',
  submit: 'unlock-submit',
  status: 'unlock-status',
  useRecovery: 'unlock-use-recovery',
  recoverForm: 'recover-form',
  recoverTitle: 'recover-title',
  recoverUser: 'recover-user',
  recoverCode: 'recover-code',
  recoverPassphrase: 'recover-passphrase',
  recoverRepeat: 'recover-passphrase-repeat',
  recoverSubmit: 'recover-submit',
  recoverBack: 'recover-back',
  recoverStatus: 'recover-status',
} as const;

const userAttributes = { type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', dir: 'auto' };

/** The store is locked: sign in, or open it with the recovery code when every passphrase is forgotten. */
export class UnlockScreen implements Screen {
  /** The recovery-code form instead of the sign-in form. */
  private recovery = false;

  constructor(private readonly ctx: LockedContext) {}

  render(): Rendered {
    const { form, focus } = this.recovery ? this.recoveryForm() : this.signInForm();
    const root = el(
      'section',
      { id: ids.screen, class: 'screen', 'aria-labelledby': ids.title },
      el('h2', { id: ids.title }, t('unlock-title')),
      this.recovery ? null : el('p', { class: 'intro' }, t('unlock-intro')),
      form,
    );
    return { root, focus };
  }

  private async unlock(userName: string, passphrase: string): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.unlock(userName, passphrase),
      done: (session) => this.ctx.signIn(session),
      failed: (code) =>
        code === 'unknown_user' || code === 'invalid_user_name'
          ? { field: ids.user, clear: [ids.passphrase] }
          : { field: ids.passphrase, clear: [ids.passphrase] },
    });
  }

  /** Every passphrase is forgotten: the recovery code gives the user a new passphrase. */
  private async recover(userName: string, recoveryCode: string, passphrase: string, repeat: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    // Fields in the order they appear: what the UI can check before the core's rules.
    if (userName.trim() === '') {
      this.ctx.fail('invalid_user_name', ids.recoverUser);
      return;
    }
    if (passphrase !== repeat) {
      this.ctx.fail('passphrase_mismatch', ids.recoverRepeat, [ids.recoverRepeat]);
      return;
    }
    await this.ctx.tasks.run(this, {
      ask: () => ipc.recover(userName, recoveryCode, passphrase),
      done: (signedIn) => this.ctx.signIn(signedIn),
      failed: (code) => {
        if (code === 'unknown_user' || code === 'invalid_user_name') return { field: ids.recoverUser };
        if (ipc.refusesNewPassphrase(code)) {
          return { field: ids.recoverPassphrase, clear: [ids.recoverRepeat] };
        }
        return { field: ids.recoverCode };
      },
    });
  }

  private showRecovery(recovery: boolean): void {
    this.recovery = recovery;
    this.ctx.reopen(this);
  }

  private signInForm(): { form: HTMLElement; focus: HTMLElement } {
    const busy = this.ctx.tasks.busy;
    const user = field(ids.user, t('unlock-user-label'), userAttributes);
    const passphrase = field(ids.passphrase, t('unlock-passphrase-label'), {
      type: 'password',
      autocomplete: 'current-password',
    });
    // The button keeps its label: one "Checking…", in the status line below it.
    const submit = el('button', { id: ids.submit, type: 'submit', disabled: busy }, t('unlock-submit'));
    const useRecovery = el('button', { id: ids.useRecovery, type: 'button', class: 'link', disabled: busy }, t('unlock-use-recovery'));
    useRecovery.addEventListener('click', () => this.showRecovery(true));
    const form = el(
      'form',
      { id: ids.form, novalidate: true, 'aria-busy': busy ? 'true' : undefined },
      user.block,
      passphrase.block,
      el('div', { class: 'actions' }, submit),
      // A wrong passphrase takes longer to answer (the shell slows it down): say what is going on,
      // in a line whose room is kept, so nothing moves when it appears.
      el('p', { id: ids.status, class: 'status-line', role: 'status' }, busy ? t('unlock-checking') : ''),
      el('p', { class: 'aside' }, useRecovery),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.unlock(user.input.value, passphrase.input.value);
    });
    return { form, focus: user.input };
  }

  private recoveryForm(): { form: HTMLElement; focus: HTMLElement } {
    const busy = this.ctx.tasks.busy;
    const user = field(ids.recoverUser, t('unlock-user-label'), userAttributes);
    const { code, passphrase, repeat } = recoveryCodeFields({
      code: ids.recoverCode,
      passphrase: ids.recoverPassphrase,
      repeat: ids.recoverRepeat,
    });
    const submit = el('button', { id: ids.recoverSubmit, type: 'submit', disabled: busy }, t('recover-submit'));
    const back = el('button', { id: ids.recoverBack, type: 'button', class: 'secondary', disabled: busy }, t('recover-back'));
    back.addEventListener('click', () => this.showRecovery(false));
    const form = el(
      'form',
      { id: ids.recoverForm, novalidate: true, 'aria-busy': busy ? 'true' : undefined, 'aria-labelledby': ids.recoverTitle },
      el('h3', { id: ids.recoverTitle }, t('recover-title')),
      el('p', { class: 'intro' }, t('recover-intro')),
      user.block,
      code.block,
      passphrase.block,
      repeat.block,
      el('div', { class: 'actions' }, back, submit),
      el('p', { id: ids.recoverStatus, class: 'status-line', role: 'status' }, busy ? t('unlock-checking') : ''),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.recover(user.input.value, code.input.value, passphrase.input.value, repeat.input.value);
    });
    return { form, focus: user.input };
  }
}
