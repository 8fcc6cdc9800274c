import { el, field } from '../dom';
import { formatNodes, t } from '../i18n';
import * as ipc from '../ipc';
import { recoveryCodeFields } from './recovery-fields';
import type { LockedContext, Rendered, Screen } from './types';

/** A backup chosen in the native dialog, to restore from instead of creating a store. */
export interface RestoreChoice {
  /** The file's name (the Rust side keeps its path). */
  fileName: string;
  /** Open it with the recovery code (and give the user a new passphrase) rather than a passphrase. */
  withRecovery: boolean;
}

/** What the restore form holds when it is sent. */
export interface RestoreForm {
  userName: string;
  passphrase: string;
  recoveryCode: string;
  newPassphrase: string;
  repeat: string;
}

export const ids = {
  screen: 'setup',
  title: 'setup-title',
  form: 'setup-form',
  user: 'setup-user',
  passphrase: 'setup-passphrase',
  repeat: 'setup-passphrase-repeat',
  submit: 'setup-submit',
  restorePart: 'setup-restore-part',
  restorePartTitle: 'setup-restore-title',
  chooseBackup: 'setup-restore',
  restore: 'restore',
  restoreTitle: 'restore-title',
  restoreChosen: 'restore-chosen',
  restoreFile: 'restore-file',
  chooseAgain: 'restore-choose-again',
  restoreForm: 'restore-form',
  withPassphrase: 'restore-with-passphrase',
  withRecovery: 'restore-with-recovery',
  restoreUser: 'restore-user',
  restorePassphrase: 'restore-passphrase',
  restoreCode: 'restore-code',
  restoreNewPassphrase: 'restore-new-passphrase',
  restoreRepeat: 'restore-new-passphrase-repeat',
  restoreSubmit: 'restore-submit',
  restoreCancel: 'restore-cancel',
  restoreStatus: 'restore-status',
  joinPart: 'setup-join-part',
  joinPartTitle: 'setup-join-title',
  chooseJoin: 'setup-join',
  join: 'join',
  joinTitle: 'join-title',
  joinForm: 'join-form',
  joinAddress: 'join-address',
  joinInvitation: 'join-invitation',
  joinUser: 'join-user',
  joinPassphrase: 'join-passphrase',
  joinSubmit: 'join-submit',
  joinCancel: 'join-cancel',
  joinStatus: 'join-status',
} as const;

/** What the join form holds when it is sent. */
export interface JoinForm {
  address: string;
  invitation: string;
  userName: string;
  passphrase: string;
}

/** The refusals of joining, by the field to correct. */
const JOIN_FIELDS: Partial<Record<ipc.ErrorCode, string>> = {
  server_address_invalid: ids.joinAddress,
  server_needs_tls: ids.joinAddress,
  server_unreachable: ids.joinAddress,
  server_refused: ids.joinAddress,
  invitation_invalid: ids.joinInvitation,
  invitation_unknown: ids.joinInvitation,
  unknown_user: ids.joinUser,
  invalid_user_name: ids.joinUser,
  user_name_ambiguous: ids.joinUser,
};

const userAttributes = { type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', dir: 'auto' };

/**
 * First run: create the encrypted store and its first user, a supervisor; restore a backup; or
 * join a helpline that has desks already, from an invitation.
 */
export class SetupScreen implements Screen {
  /** The backup to restore; null: create a new store. */
  private restore: RestoreChoice | null = null;
  /** The join form is on show. */
  private joining = false;

  constructor(private readonly ctx: LockedContext) {}

  render(): Rendered {
    if (this.joining) return this.joinForm();
    return this.restore ? this.restoreForm(this.restore) : this.createForm();
  }

  private startJoining(): void {
    this.joining = true;
    this.ctx.reopen(this);
  }

  private cancelJoining(): void {
    this.joining = false;
    this.ctx.reopen(this);
  }

  /** Joins with the server address and the invitation, and signs in as at the other desks. */
  private async joinHelpline(form: JoinForm): Promise<void> {
    if (this.ctx.tasks.busy) return;
    // Fields in the order they appear: what the UI can check before the shell's rules.
    if (form.address.trim() === '') {
      this.ctx.fail('server_address_invalid', ids.joinAddress);
      return;
    }
    if (form.invitation.trim() === '') {
      this.ctx.fail('invitation_invalid', ids.joinInvitation);
      return;
    }
    if (form.userName.trim() === '') {
      this.ctx.fail('invalid_user_name', ids.joinUser);
      return;
    }
    await this.ctx.tasks.run(this, {
      ask: () => ipc.joinHelpline(form.address, form.invitation, form.userName, form.passphrase),
      done: (signedIn) => this.ctx.signIn(signedIn),
      failed: async (code) => {
        if (code === 'store_exists') {
          await this.ctx.refresh();
          return undefined;
        }
        const fieldId = JOIN_FIELDS[code];
        if (fieldId) return { field: fieldId };
        if (code === 'wrong_passphrase' || code === 'passphrase_too_long') {
          return { field: ids.joinPassphrase, clear: [ids.joinPassphrase] };
        }
        return undefined;
      },
    });
  }

  private async setUp(userName: string, passphrase: string, repeat: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    // Fields in the order they appear: what the UI can check before the core's rules.
    if (userName.trim() === '') {
      this.ctx.fail('invalid_user_name', ids.user);
      return;
    }
    if (passphrase !== repeat) {
      this.ctx.fail('passphrase_mismatch', ids.repeat, [ids.repeat]);
      return;
    }
    await this.ctx.tasks.run(this, {
      ask: () => ipc.setUpStore(userName, passphrase),
      done: (result) => this.ctx.showRecoveryCode(result.recoveryCode, { user: result.user, role: result.role }),
      failed: async (code) => {
        if (code === 'store_exists') {
          // Someone set it up meanwhile; the Rust side knows which screen is right.
          await this.ctx.refresh();
          return undefined;
        }
        if (ipc.refusesNewPassphrase(code)) return { field: ids.passphrase, clear: [ids.repeat] };
        return { field: ids.user };
      },
    });
  }

  /** The Rust side opens the native dialog; a cancelled dialog changes nothing. */
  private async chooseBackup(): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.chooseRestoreFile(),
      done: (chosen) => {
        if (!chosen) return;
        if (this.restore) {
          // Another file: keep what was typed.
          this.restore = { ...this.restore, fileName: chosen.fileName };
        } else {
          this.restore = { fileName: chosen.fileName, withRecovery: false };
          this.ctx.reopen(this);
        }
      },
      failed: async (code) => {
        if (code === 'store_exists') await this.ctx.refresh();
      },
    });
  }

  private setRestoreMethod(withRecovery: boolean): void {
    if (!this.restore) return;
    this.restore = { ...this.restore, withRecovery };
    this.ctx.showError(null);
    this.ctx.redraw(this);
  }

  private cancelRestore(): void {
    this.restore = null;
    this.ctx.reopen(this);
  }

  /** Restores the chosen backup with a passphrase, or with the recovery code and a new one. */
  private async restoreBackup(form: RestoreForm): Promise<void> {
    if (!this.restore || this.ctx.tasks.busy) return;
    const { withRecovery } = this.restore;
    if (form.userName.trim() === '') {
      this.ctx.fail('invalid_user_name', ids.restoreUser);
      return;
    }
    if (withRecovery && form.newPassphrase !== form.repeat) {
      this.ctx.fail('passphrase_mismatch', ids.restoreRepeat, [ids.restoreRepeat]);
      return;
    }
    await this.ctx.tasks.run(this, {
      ask: () =>
        withRecovery
          ? ipc.restoreBackup(form.userName, form.newPassphrase, form.recoveryCode)
          : ipc.restoreBackup(form.userName, form.passphrase, null),
      done: (signedIn) => this.ctx.signIn(signedIn),
      failed: async (code) => {
        if (code === 'store_exists') {
          await this.ctx.refresh();
          return undefined;
        }
        if (code === 'unknown_user' || code === 'invalid_user_name') return { field: ids.restoreUser };
        if (code === 'not_a_backup' || code === 'backup_damaged' || code === 'newer_schema') return { field: ids.chooseAgain };
        if (!withRecovery) return { field: ids.restorePassphrase, clear: [ids.restorePassphrase] };
        if (ipc.refusesNewPassphrase(code)) {
          return { field: ids.restoreNewPassphrase, clear: [ids.restoreRepeat] };
        }
        return { field: ids.restoreCode };
      },
    });
  }

  private createForm(): Rendered {
    const busy = this.ctx.tasks.busy;
    const user = field(ids.user, t('setup-user-label'), userAttributes);
    const passphrase = field(
      ids.passphrase,
      t('setup-passphrase-label'),
      { type: 'password', autocomplete: 'new-password' },
      t('setup-passphrase-hint'),
    );
    const repeat = field(ids.repeat, t('setup-passphrase-repeat-label'), { type: 'password', autocomplete: 'new-password' });
    const submit = el('button', { id: ids.submit, type: 'submit', disabled: busy }, busy ? t('working') : t('setup-submit'));
    const form = el(
      'form',
      { id: ids.form, novalidate: true, 'aria-busy': busy ? 'true' : undefined },
      user.block,
      passphrase.block,
      repeat.block,
      el('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.setUp(user.input.value, passphrase.input.value, repeat.input.value);
    });
    const restore = el('button', { id: ids.chooseBackup, type: 'button', class: 'secondary', disabled: busy }, t('setup-restore'));
    restore.addEventListener('click', () => void this.chooseBackup());
    const join = el('button', { id: ids.chooseJoin, type: 'button', class: 'secondary', disabled: busy }, t('setup-join'));
    join.addEventListener('click', () => this.startJoining());
    const root = el(
      'section',
      { id: ids.screen, class: 'screen', 'aria-labelledby': ids.title },
      el('h2', { id: ids.title }, t('setup-title')),
      el('p', { class: 'intro' }, t('setup-intro')),
      form,
      el(
        'section',
        { id: ids.restorePart, class: 'aside-part', 'aria-labelledby': ids.restorePartTitle },
        el('h3', { id: ids.restorePartTitle }, t('setup-restore-title')),
        el('p', { class: 'hint' }, t('setup-restore-hint')),
        el('div', { class: 'actions' }, restore),
      ),
      el(
        'section',
        { id: ids.joinPart, class: 'aside-part', 'aria-labelledby': ids.joinPartTitle },
        el('h3', { id: ids.joinPartTitle }, t('setup-join-title')),
        el('p', { class: 'hint' }, t('setup-join-hint')),
        el('div', { class: 'actions' }, join),
      ),
    );
    return { root, focus: user.input };
  }

  private joinForm(): Rendered {
    const busy = this.ctx.tasks.busy;
    // The address holds the desks' password: typed like one, never offered again.
    const address = field(
      ids.joinAddress,
      t('join-address-label'),
      { type: 'password', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', dir: 'ltr' },
      t('join-address-hint'),
    );
    const invitation = field(
      ids.joinInvitation,
      t('join-invitation-label'),
      { type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', dir: 'ltr', translate: 'no', class: 'code-input' },
      t('join-invitation-hint'),
    );
    const user = field(ids.joinUser, t('setup-user-label'), userAttributes);
    const passphrase = field(
      ids.joinPassphrase,
      t('setup-passphrase-label'),
      { type: 'password', autocomplete: 'current-password' },
      t('join-passphrase-hint'),
    );
    const submit = el('button', { id: ids.joinSubmit, type: 'submit', disabled: busy }, busy ? t('working') : t('join-submit'));
    const back = el('button', { id: ids.joinCancel, type: 'button', class: 'secondary', disabled: busy }, t('restore-cancel'));
    back.addEventListener('click', () => this.cancelJoining());
    const form = el(
      'form',
      { id: ids.joinForm, novalidate: true, 'aria-busy': busy ? 'true' : undefined },
      address.block,
      invitation.block,
      user.block,
      passphrase.block,
      el('div', { class: 'actions' }, back, submit),
      el('p', { id: ids.joinStatus, class: 'status', role: 'status' }, busy ? t('join-working') : ''),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.joinHelpline({
        address: address.input.value,
        invitation: invitation.input.value,
        userName: user.input.value,
        passphrase: passphrase.input.value,
      });
    });
    const root = el(
      'section',
      { id: ids.join, class: 'screen', 'aria-labelledby': ids.joinTitle },
      el('h2', { id: ids.joinTitle }, t('join-title')),
      el('p', { class: 'intro' }, t('join-intro')),
      form,
    );
    return { root, focus: address.input };
  }

  private methodChoice(choice: RestoreChoice): HTMLElement {
    const option = (id: string, withRecovery: boolean, label: string) => {
      const radio = el('input', { id, name: 'restore-method', type: 'radio', value: withRecovery ? 'recovery' : 'passphrase' });
      radio.checked = choice.withRecovery === withRecovery;
      radio.addEventListener('change', () => {
        if (radio.checked) this.setRestoreMethod(withRecovery);
      });
      return el('div', { class: 'check' }, radio, el('label', { for: id }, label));
    };
    return el(
      'fieldset',
      { class: 'group', role: 'radiogroup' },
      el('legend', {}, t('restore-method-legend')),
      option(ids.withPassphrase, false, t('restore-with-passphrase')),
      option(ids.withRecovery, true, t('restore-with-recovery')),
    );
  }

  private restoreForm(choice: RestoreChoice): Rendered {
    const busy = this.ctx.tasks.busy;
    const user = field(ids.restoreUser, t('setup-user-label'), userAttributes);
    const passphrase = field(
      ids.restorePassphrase,
      t('setup-passphrase-label'),
      { type: 'password', autocomplete: 'current-password' },
      t('restore-passphrase-hint'),
    );
    const { code, passphrase: next, repeat } = recoveryCodeFields({
      code: ids.restoreCode,
      passphrase: ids.restoreNewPassphrase,
      repeat: ids.restoreRepeat,
    });
    const secretFields = choice.withRecovery ? [code.block, next.block, repeat.block] : [passphrase.block];
    const submit = el('button', { id: ids.restoreSubmit, type: 'submit', disabled: busy }, busy ? t('working') : t('restore-submit'));
    const back = el('button', { id: ids.restoreCancel, type: 'button', class: 'secondary', disabled: busy }, t('restore-cancel'));
    back.addEventListener('click', () => this.cancelRestore());
    const again = el('button', { id: ids.chooseAgain, type: 'button', class: 'link', disabled: busy }, t('restore-choose-again'));
    again.addEventListener('click', () => void this.chooseBackup());
    const form = el(
      'form',
      { id: ids.restoreForm, novalidate: true, 'aria-busy': busy ? 'true' : undefined },
      this.methodChoice(choice),
      user.block,
      ...secretFields,
      el('div', { class: 'actions' }, back, submit),
      el('p', { id: ids.restoreStatus, class: 'status', role: 'status' }, busy ? t('restore-working') : ''),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.restoreBackup({
        userName: user.input.value,
        passphrase: passphrase.input.value,
        recoveryCode: code.input.value,
        newPassphrase: next.input.value,
        repeat: repeat.input.value,
      });
    });
    const file = el('bdi', { id: ids.restoreFile, dir: 'ltr', class: 'path', translate: 'no' }, choice.fileName);
    const root = el(
      'section',
      { id: ids.restore, class: 'screen', 'aria-labelledby': ids.restoreTitle },
      el('h2', { id: ids.restoreTitle }, t('restore-title')),
      el('p', { class: 'intro' }, t('restore-intro')),
      el('p', { id: ids.restoreChosen }, ...formatNodes('restore-chosen', { file }), ' ', again),
      form,
    );
    return { root, focus: user.input };
  }
}
