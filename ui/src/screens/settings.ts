import { el, field, selectField, userText } from '../dom';
import { regionName, toLatinDigits } from '../format';
import { formatNodes, t, type MessageId } from '../i18n';
import * as ipc from '../ipc';
import { LIMITS, ROLES, type ErrorCode, type Role, type Settings, type UserSummary } from '../ipc';
import type { Correction } from '../tasks';
import { referralName } from './call-view';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

export type SettingsPart = 'users' | 'referrals' | 'countries' | 'idle' | 'recovery';

/** A success line, shown in the part it belongs to. */
export interface Notice {
  part: SettingsPart;
  message: MessageId;
}

export const ids = {
  screen: 'settings',
  title: 'settings-title',
  part: (part: SettingsPart) => `settings-${part}` as const,
  partTitle: (part: SettingsPart) => `settings-${part}-title` as const,
  notice: (part: SettingsPart) => `${part}-notice` as const,
  users: 'users-list',
  userName: (index: number) => `user-name-${index}` as const,
  resetForm: 'reset-passphrase-form',
  resetTitle: 'reset-passphrase-title',
  resetNew: 'reset-passphrase-new',
  resetRepeat: 'reset-passphrase-repeat',
  resetSubmit: 'reset-passphrase-submit',
  resetCancel: 'reset-passphrase-cancel',
  userAddForm: 'user-add-form',
  userAddTitle: 'user-add-title',
  userAddName: 'user-add-name',
  userAddRole: 'user-add-role',
  userAddPassphrase: 'user-add-passphrase',
  userAddSubmit: 'user-add-submit',
  referrals: 'referrals-list',
  referralEntry: (index: number) => `referral-entry-${index}` as const,
  referralAddForm: 'referral-add-form',
  referralAddCode: 'referral-add-code',
  referralAddLabel: 'referral-add-label',
  referralAddSubmit: 'referral-add-submit',
  countries: 'countries-list',
  countryEntry: (index: number) => `country-entry-${index}` as const,
  countryAddForm: 'country-add-form',
  countryAddCode: 'country-add-code',
  countryAddSubmit: 'country-add-submit',
  idleForm: 'idle-lock-form',
  idleMinutes: 'idle-lock-minutes',
  idleSubmit: 'idle-lock-submit',
  recoveryForm: 'recovery-replace-form',
  recoveryPassphrase: 'recovery-replace-passphrase',
  recoverySubmit: 'recovery-replace-submit',
} as const;

/** Supervisors only: users, the referral list, transit countries and the automatic lock. */
export class SettingsScreen implements Screen {
  /** The user whose removal waits for a yes. */
  private confirmRemove: string | null = null;
  /** The user who is being given a new passphrase. */
  private resetFor: string | null = null;
  private notice: Notice | null = null;
  /** The No of the question about removing a user, as last drawn. */
  private removeCancel: HTMLElement | null = null;

  /** `users`: null when the list could not be read (the error is in #error). */
  constructor(
    private readonly ctx: SessionContext,
    private users: UserSummary[] | null,
  ) {}

  /** Runs one change; on success reads the settings and the users again and shows `notice`. */
  private async change(change: () => Promise<void>, notice: Notice, failed?: (code: ErrorCode) => Correction | void): Promise<void> {
    const afresh = (users: UserSummary[] | null): void => {
      this.users = users;
      this.notice = notice;
      this.confirmRemove = null;
      this.resetFor = null;
      this.ctx.reopen(this);
    };
    await this.ctx.tasks.run(this, {
      ask: change,
      done: () => ({
        before: () => this.ctx.reloadSettings(),
        ask: () => ipc.listUsers(),
        done: (users: UserSummary[]) => afresh(users),
        failed: () => afresh(null),
      }),
      ...(failed ? { failed } : {}),
    });
  }

  private askRemove(name: string | null): void {
    this.confirmRemove = name;
    if (name !== null) {
      this.resetFor = null;
      this.notice = null;
    }
    this.ctx.redraw(this);
    if (name !== null) this.removeCancel?.focus();
  }

  private async removeUser(name: string): Promise<void> {
    await this.change(() => ipc.removeUser(name), { part: 'users', message: 'user-removed' });
  }

  private async addUser(name: string, role: Role, passphrase: string): Promise<void> {
    await this.change(() => ipc.addUser(name, role, passphrase), { part: 'users', message: 'user-added' }, (code) => ({
      field: ipc.refusesNewPassphrase(code) ? ids.userAddPassphrase : ids.userAddName,
    }));
  }

  private askReset(name: string | null): void {
    this.resetFor = name;
    if (name !== null) {
      this.confirmRemove = null;
      this.notice = null;
    }
    this.ctx.showError(null);
    this.ctx.redraw(this);
    if (name !== null) this.ctx.focus(ids.resetNew);
  }

  private async resetPassphrase(name: string, passphrase: string, repeat: string): Promise<void> {
    if (passphrase !== repeat) {
      this.ctx.fail('passphrase_mismatch', ids.resetRepeat, [ids.resetRepeat]);
      return;
    }
    await this.change(
      () => ipc.resetPassphrase(name, passphrase),
      { part: 'users', message: 'passphrase-reset-done' },
      (code) => (ipc.refusesNewPassphrase(code) ? { field: ids.resetNew, clear: [ids.resetRepeat] } : undefined),
    );
  }

  private async addReferral(code: string, label: string): Promise<void> {
    const trimmed = code.trim();
    const { referrals } = this.ctx.settings;
    if (referrals.some((entry) => entry.code === trimmed)) {
      this.ctx.fail('referral_exists', ids.referralAddCode);
      return;
    }
    const name = label.trim();
    // What a code may be is the core's rule: its refusal names the limit.
    await this.change(
      () => ipc.setReferrals([...referrals, { code: trimmed, label: name === '' ? null : name }]),
      { part: 'referrals', message: 'referrals-saved' },
      (code) => (code === 'referral_code_malformed' ? { field: ids.referralAddCode } : undefined),
    );
  }

  private async saveReferrals(referrals: Settings['referrals']): Promise<void> {
    await this.change(() => ipc.setReferrals(referrals), { part: 'referrals', message: 'referrals-saved' });
  }

  private async addCountry(typed: string): Promise<void> {
    const code = typed.trim().toUpperCase();
    const countries = this.ctx.settings.transitCountries;
    if (!/^[A-Z]{2}$/.test(code) || regionName(code) === undefined) {
      this.ctx.fail('invalid_country', ids.countryAddCode);
      return;
    }
    if (countries.includes(code)) {
      this.ctx.fail('country_exists', ids.countryAddCode);
      return;
    }
    await this.saveCountries([...countries, code]);
  }

  private async saveCountries(countries: string[]): Promise<void> {
    await this.change(() => ipc.setTransitCountries(countries), { part: 'countries', message: 'countries-saved' });
  }

  private async setIdleMinutes(typed: string): Promise<void> {
    const digits = toLatinDigits(typed.trim());
    const minutes = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
    if (!(minutes >= 1 && minutes <= LIMITS.idleLockMinutes)) {
      this.ctx.fail('out_of_range', ids.idleMinutes, [], { field: 'idle_lock_minutes', min: 1, max: LIMITS.idleLockMinutes });
      return;
    }
    await this.change(() => ipc.setIdleLockMinutes(minutes), { part: 'idle', message: 'idle-saved' }, () => ({
      field: ids.idleMinutes,
    }));
  }

  render(): Rendered {
    const title = el('h2', { id: ids.title, tabindex: '-1' }, t('settings-title'));
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'settings'),
      el(
        'section',
        { id: ids.screen, class: 'screen settings', 'aria-labelledby': ids.title },
        title,
        this.usersPart(),
        this.referralsPart(),
        this.countriesPart(),
        this.idlePart(),
        this.recoveryPart(),
      ),
    );
    return { root, focus: title };
  }

  private noticeLine(part: SettingsPart): HTMLElement | null {
    if (this.notice?.part !== part) return null;
    return el('p', { id: ids.notice(part), class: 'notice', role: 'status' }, t(this.notice.message));
  }

  private part(part: SettingsPart, title: MessageId, ...children: (Node | null)[]): HTMLElement {
    return el(
      'section',
      { id: ids.part(part), class: 'settings-part', 'aria-labelledby': ids.partTitle(part) },
      el('h3', { id: ids.partTitle(part) }, t(title)),
      this.noticeLine(part),
      ...children,
    );
  }

  /** A new passphrase for another user, typed twice; their old one stops working at once. */
  private resetForm(name: string): HTMLElement {
    const passphrase = field(ids.resetNew, t('passphrase-new-label'), { type: 'password', autocomplete: 'new-password' }, t('setup-passphrase-hint'));
    const repeat = field(ids.resetRepeat, t('passphrase-repeat-label'), { type: 'password', autocomplete: 'new-password' });
    const submit = el('button', { id: ids.resetSubmit, type: 'submit', disabled: this.ctx.tasks.busy }, t('reset-passphrase-submit'));
    const cancel = el('button', { id: ids.resetCancel, type: 'button', class: 'secondary' }, t('confirm-cancel'));
    cancel.addEventListener('click', () => this.askReset(null));
    const form = el(
      'form',
      { id: ids.resetForm, class: 'confirm', novalidate: true, 'aria-labelledby': ids.resetTitle },
      el('h4', { id: ids.resetTitle }, ...formatNodes('reset-passphrase-title', { user: userText(name, { dir: 'auto' }) })),
      el('p', { class: 'hint' }, t('reset-passphrase-hint')),
      passphrase.block,
      repeat.block,
      el('div', { class: 'actions' }, cancel, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.resetPassphrase(name, passphrase.input.value, repeat.input.value);
    });
    return form;
  }

  private usersPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const me = this.ctx.session.user;
    this.removeCancel = null;
    const list = el('ul', { id: ids.users, class: 'plain-list' });
    this.users?.forEach((user, index) => {
      const nameId = ids.userName(index);
      const item = el(
        'li',
        { class: 'user-row', 'data-user': user.name },
        el(
          'span',
          { class: 'entry' },
          userText(user.name, { id: nameId, class: 'user-name', dir: 'auto' }),
          ' ',
          el('span', { class: 'tag' }, t(`role-${user.role}`)),
          user.name === me ? el('span', { class: 'muted' }, ' ', t('user-you')) : null,
        ),
      );
      // Supervisors never remove themselves, so a store always keeps one.
      if (user.name !== me) {
        if (this.confirmRemove === user.name) {
          const yes = el('button', { type: 'button', class: 'danger remove-user-confirm', disabled: busy }, t('remove-user-confirm'));
          const no = el('button', { type: 'button', class: 'secondary remove-user-cancel' }, t('confirm-cancel'));
          yes.addEventListener('click', () => void this.removeUser(user.name));
          no.addEventListener('click', () => this.askRemove(null));
          this.removeCancel = no;
          item.append(
            el(
              'div',
              { class: 'confirm', role: 'group' },
              el('p', { class: 'warning' }, ...formatNodes('remove-user-question', { user: userText(user.name, { dir: 'auto' }) })),
              el('div', { class: 'actions' }, no, yes),
            ),
          );
        } else if (this.resetFor === user.name) {
          item.append(this.resetForm(user.name));
        } else {
          const reset = el(
            'button',
            { type: 'button', class: 'secondary small reset-passphrase', 'aria-describedby': nameId, disabled: busy },
            t('reset-passphrase'),
          );
          reset.addEventListener('click', () => this.askReset(user.name));
          const remove = el(
            'button',
            { type: 'button', class: 'secondary small remove-user', 'aria-describedby': nameId, disabled: busy },
            t('remove-user'),
          );
          remove.addEventListener('click', () => this.askRemove(user.name));
          item.append(el('span', { class: 'actions' }, reset, remove));
        }
      }
      list.append(item);
    });

    const name = field(ids.userAddName, t('user-add-name-label'), {
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'none',
      spellcheck: 'false',
      dir: 'auto',
    });
    const roleSelect = selectField(
      ids.userAddRole,
      t('user-add-role-label'),
      ROLES.map((value) => ({ value, text: t(`role-${value}`) })),
      'volunteer',
      () => {},
    );
    const passphrase = field(
      ids.userAddPassphrase,
      t('user-add-passphrase-label'),
      { type: 'password', autocomplete: 'new-password' },
      t('setup-passphrase-hint'),
    );
    const submit = el('button', { id: ids.userAddSubmit, type: 'submit', disabled: busy }, t('user-add-submit'));
    const form = el(
      'form',
      { id: ids.userAddForm, novalidate: true, 'aria-labelledby': ids.userAddTitle },
      el('h4', { id: ids.userAddTitle }, t('user-add-title')),
      name.block,
      roleSelect.block,
      passphrase.block,
      el('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // Read at submit time: a re-render restores the select's value without a change event.
      const role: Role = roleSelect.select.value === 'supervisor' ? 'supervisor' : 'volunteer';
      void this.addUser(name.input.value, role, passphrase.input.value);
    });
    return this.part('users', 'settings-users', list, form);
  }

  private referralsPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const { referrals } = this.ctx.settings;
    const list = el('ul', { id: ids.referrals, class: 'plain-list' });
    referrals.forEach((entry, index) => {
      const nameId = ids.referralEntry(index);
      const remove = el(
        'button',
        { type: 'button', class: 'secondary small remove-referral', 'data-code': entry.code, 'aria-describedby': nameId, disabled: busy },
        t('remove-referral'),
      );
      remove.addEventListener('click', () => void this.saveReferrals(referrals.filter((item) => item.code !== entry.code)));
      list.append(
        el(
          'li',
          { class: 'referral-row' },
          el(
            'span',
            { id: nameId, class: 'entry' },
            referralName(entry.code, referrals),
            ' ',
            el('bdi', { class: 'code muted', dir: 'ltr', translate: 'no' }, entry.code),
          ),
          remove,
        ),
      );
    });
    if (referrals.length === 0) list.append(el('li', { class: 'muted' }, t('settings-empty')));
    const code = field(ids.referralAddCode, t('referral-add-code-label'), {
      type: 'text',
      dir: 'ltr',
      autocomplete: 'off',
      autocapitalize: 'none',
      spellcheck: 'false',
      maxlength: String(LIMITS.referralCodeChars),
    });
    const label = field(ids.referralAddLabel, t('referral-add-label-label'), { type: 'text', dir: 'auto', autocomplete: 'off' });
    const submit = el('button', { id: ids.referralAddSubmit, type: 'submit', disabled: busy }, t('referral-add-submit'));
    const form = el('form', { id: ids.referralAddForm, novalidate: true }, code.block, label.block, el('div', { class: 'actions' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.addReferral(code.input.value, label.input.value);
    });
    return this.part('referrals', 'settings-referrals', list, form);
  }

  private countriesPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const countries = this.ctx.settings.transitCountries;
    const list = el('ul', { id: ids.countries, class: 'plain-list' });
    countries.forEach((code, index) => {
      const nameId = ids.countryEntry(index);
      const remove = el(
        'button',
        { type: 'button', class: 'secondary small remove-country', 'data-code': code, 'aria-describedby': nameId, disabled: busy },
        t('remove-country'),
      );
      remove.addEventListener('click', () => void this.saveCountries(countries.filter((item) => item !== code)));
      list.append(
        el(
          'li',
          { class: 'country-row' },
          el(
            'span',
            { id: nameId, class: 'entry' },
            regionName(code) ?? code,
            ' ',
            el('bdi', { class: 'code muted', dir: 'ltr', translate: 'no' }, code),
          ),
          remove,
        ),
      );
    });
    if (countries.length === 0) list.append(el('li', { class: 'muted' }, t('settings-empty')));
    const code = field(ids.countryAddCode, t('country-add-label'), {
      type: 'text',
      dir: 'ltr',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: '2',
      class: 'short',
    });
    const submit = el('button', { id: ids.countryAddSubmit, type: 'submit', disabled: busy }, t('country-add-submit'));
    const form = el('form', { id: ids.countryAddForm, novalidate: true }, code.block, el('div', { class: 'actions' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.addCountry(code.input.value);
    });
    return this.part('countries', 'settings-countries', list, form);
  }

  private idlePart(): HTMLElement {
    // Text, not type=number: a number input may refuse Arabic-Indic digits.
    const minutes = field(ids.idleMinutes, t('idle-lock-minutes-label'), {
      type: 'text',
      inputmode: 'numeric',
      dir: 'ltr',
      autocomplete: 'off',
      maxlength: '3',
      class: 'short',
    });
    minutes.input.value = String(this.ctx.settings.idleLockMinutes);
    const submit = el('button', { id: ids.idleSubmit, type: 'submit', disabled: this.ctx.tasks.busy }, t('idle-lock-submit'));
    const form = el('form', { id: ids.idleForm, novalidate: true }, minutes.block, el('div', { class: 'actions' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.setIdleMinutes(minutes.input.value);
    });
    return this.part('idle', 'settings-idle', form);
  }

  /** A new recovery code, for when the paper is lost or was seen; shown once, as at set-up. */
  private recoveryPart(): HTMLElement {
    const passphrase = field(ids.recoveryPassphrase, t('recovery-replace-passphrase-label'), {
      type: 'password',
      autocomplete: 'current-password',
    });
    const submit = el('button', { id: ids.recoverySubmit, type: 'submit', class: 'secondary', disabled: this.ctx.tasks.busy }, t('recovery-replace-submit'));
    const form = el('form', { id: ids.recoveryForm, novalidate: true }, passphrase.block, el('div', { class: 'actions' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.replaceRecoveryCode(passphrase.input.value);
    });
    return this.part('recovery', 'settings-recovery', el('p', { class: 'hint' }, t('recovery-replace-hint')), form);
  }

  private async replaceRecoveryCode(passphrase: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    await this.ctx.tasks.run(this, {
      ask: () => ipc.replaceRecoveryCode(passphrase),
      done: (code) => this.ctx.showRecoveryCode(code),
      failed: () => ({ field: ids.recoveryPassphrase, clear: [ids.recoveryPassphrase] }),
    });
  }
}
