import { el, field, selectField, userText } from '../dom';
import { regionName } from '../format';
import { formatNodes, t, type MessageId } from '../i18n';
import { ROLES, type Role, type Session, type Settings, type UserSummary } from '../ipc';
import { referralName } from './call';
import { navBar, type Place } from './nav';
import type { Screen } from './types';

export type SettingsPart = 'users' | 'referrals' | 'countries' | 'idle';

export interface SettingsProps {
  session: Session;
  busy: boolean;
  /** null when the list could not be read (the error is in #error). */
  users: UserSummary[] | null;
  settings: Settings;
  /** The user whose removal waits for a yes. */
  confirmRemove: string | null;
  /** The user who is being given a new passphrase. */
  resetFor: string | null;
  /** A success line, shown in the part it belongs to. */
  notice: { part: SettingsPart; message: MessageId } | null;
  onNavigate(place: Place): void;
  onLock(): void;
  onRemoveUser(name: string): void;
  onRemoveUserConfirm(name: string): void;
  onRemoveUserCancel(): void;
  onAddUser(name: string, role: Role, passphrase: string): void;
  onResetPassphrase(name: string): void;
  onResetPassphraseSubmit(name: string, passphrase: string, repeat: string): void;
  onResetPassphraseCancel(): void;
  onAddReferral(code: string, label: string): void;
  onRemoveReferral(code: string): void;
  onAddCountry(code: string): void;
  onRemoveCountry(code: string): void;
  onSetIdleMinutes(typed: string): void;
}

function notice(props: SettingsProps, part: SettingsPart): HTMLElement | null {
  if (props.notice?.part !== part) return null;
  return el('p', { id: `${part}-notice`, class: 'notice', role: 'status' }, t(props.notice.message));
}

function part(id: SettingsPart, title: MessageId, ...children: (Node | null)[]): HTMLElement {
  return el(
    'section',
    { id: `settings-${id}`, class: 'settings-part', 'aria-labelledby': `settings-${id}-title` },
    el('h3', { id: `settings-${id}-title` }, t(title)),
    ...children,
  );
}

/** A new passphrase for another user, typed twice; their old one stops working at once. */
function resetForm(props: SettingsProps, name: string): HTMLElement {
  const passphrase = field(
    'reset-passphrase-new',
    t('passphrase-new-label'),
    { type: 'password', autocomplete: 'new-password' },
    t('setup-passphrase-hint'),
  );
  const repeat = field('reset-passphrase-repeat', t('passphrase-repeat-label'), { type: 'password', autocomplete: 'new-password' });
  const submit = el('button', { id: 'reset-passphrase-submit', type: 'submit', disabled: props.busy }, t('reset-passphrase-submit'));
  const cancel = el('button', { id: 'reset-passphrase-cancel', type: 'button', class: 'secondary' }, t('confirm-cancel'));
  cancel.addEventListener('click', () => props.onResetPassphraseCancel());
  const form = el(
    'form',
    { id: 'reset-passphrase-form', class: 'confirm', novalidate: true, 'aria-labelledby': 'reset-passphrase-title' },
    el('h4', { id: 'reset-passphrase-title' }, ...formatNodes('reset-passphrase-title', { user: userText(name, { dir: 'auto' }) })),
    el('p', { class: 'hint' }, t('reset-passphrase-hint')),
    passphrase.block,
    repeat.block,
    el('div', { class: 'actions' }, cancel, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onResetPassphraseSubmit(name, passphrase.input.value, repeat.input.value);
  });
  return form;
}

function usersPart(props: SettingsProps): HTMLElement {
  const list = el('ul', { id: 'users-list', class: 'plain-list' });
  props.users?.forEach((user, index) => {
    const nameId = `user-name-${index}`;
    const item = el(
      'li',
      { class: 'user-row', 'data-user': user.name },
      el(
        'span',
        { class: 'entry' },
        userText(user.name, { id: nameId, class: 'user-name', dir: 'auto' }),
        ' ',
        el('span', { class: 'tag' }, t(`role-${user.role}`)),
        user.name === props.session.user ? el('span', { class: 'muted' }, ' ', t('user-you')) : null,
      ),
    );
    // Supervisors never remove themselves, so a store always keeps one.
    if (user.name !== props.session.user) {
      if (props.confirmRemove === user.name) {
        const yes = el('button', { type: 'button', class: 'danger remove-user-confirm', disabled: props.busy }, t('remove-user-confirm'));
        const no = el('button', { type: 'button', class: 'secondary remove-user-cancel' }, t('confirm-cancel'));
        yes.addEventListener('click', () => props.onRemoveUserConfirm(user.name));
        no.addEventListener('click', () => props.onRemoveUserCancel());
        item.append(
          el(
            'div',
            { class: 'confirm', role: 'group' },
            el('p', { class: 'warning' }, ...formatNodes('remove-user-question', { user: userText(user.name, { dir: 'auto' }) })),
            el('div', { class: 'actions' }, no, yes),
          ),
        );
      } else if (props.resetFor === user.name) {
        item.append(resetForm(props, user.name));
      } else {
        const reset = el(
          'button',
          { type: 'button', class: 'secondary small reset-passphrase', 'aria-describedby': nameId, disabled: props.busy },
          t('reset-passphrase'),
        );
        reset.addEventListener('click', () => props.onResetPassphrase(user.name));
        const remove = el(
          'button',
          { type: 'button', class: 'secondary small remove-user', 'aria-describedby': nameId, disabled: props.busy },
          t('remove-user'),
        );
        remove.addEventListener('click', () => props.onRemoveUser(user.name));
        item.append(el('span', { class: 'actions' }, reset, remove));
      }
    }
    list.append(item);
  });

  const name = field('user-add-name', t('user-add-name-label'), {
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'auto',
  });
  const roleSelect = selectField(
    'user-add-role',
    t('user-add-role-label'),
    ROLES.map((value) => ({ value, text: t(`role-${value}`) })),
    'volunteer',
    () => {},
  );
  const passphrase = field(
    'user-add-passphrase',
    t('user-add-passphrase-label'),
    { type: 'password', autocomplete: 'new-password' },
    t('setup-passphrase-hint'),
  );
  const submit = el('button', { id: 'user-add-submit', type: 'submit', disabled: props.busy }, t('user-add-submit'));
  const form = el(
    'form',
    { id: 'user-add-form', novalidate: true, 'aria-labelledby': 'user-add-title' },
    el('h4', { id: 'user-add-title' }, t('user-add-title')),
    name.block,
    roleSelect.block,
    passphrase.block,
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Read at submit time: a re-render restores the select's value without a change event.
    const role: Role = roleSelect.select.value === 'supervisor' ? 'supervisor' : 'volunteer';
    props.onAddUser(name.input.value, role, passphrase.input.value);
  });
  return part('users', 'settings-users', notice(props, 'users'), list, form);
}

function referralsPart(props: SettingsProps): HTMLElement {
  const referrals = props.settings.referrals;
  const list = el('ul', { id: 'referrals-list', class: 'plain-list' });
  referrals.forEach((entry, index) => {
    const nameId = `referral-entry-${index}`;
    const remove = el(
      'button',
      { type: 'button', class: 'secondary small remove-referral', 'data-code': entry.code, 'aria-describedby': nameId, disabled: props.busy },
      t('remove-referral'),
    );
    remove.addEventListener('click', () => props.onRemoveReferral(entry.code));
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
  const code = field('referral-add-code', t('referral-add-code-label'), {
    type: 'text',
    dir: 'ltr',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    maxlength: '40',
  });
  const label = field('referral-add-label', t('referral-add-label-label'), { type: 'text', dir: 'auto', autocomplete: 'off' });
  const submit = el('button', { id: 'referral-add-submit', type: 'submit', disabled: props.busy }, t('referral-add-submit'));
  const form = el('form', { id: 'referral-add-form', novalidate: true }, code.block, label.block, el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onAddReferral(code.input.value, label.input.value);
  });
  return part('referrals', 'settings-referrals', notice(props, 'referrals'), list, form);
}

function countriesPart(props: SettingsProps): HTMLElement {
  const countries = props.settings.transitCountries;
  const list = el('ul', { id: 'countries-list', class: 'plain-list' });
  countries.forEach((code, index) => {
    const nameId = `country-entry-${index}`;
    const remove = el(
      'button',
      { type: 'button', class: 'secondary small remove-country', 'data-code': code, 'aria-describedby': nameId, disabled: props.busy },
      t('remove-country'),
    );
    remove.addEventListener('click', () => props.onRemoveCountry(code));
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
  const code = field('country-add-code', t('country-add-label'), {
    type: 'text',
    dir: 'ltr',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '2',
    class: 'short',
  });
  const submit = el('button', { id: 'country-add-submit', type: 'submit', disabled: props.busy }, t('country-add-submit'));
  const form = el('form', { id: 'country-add-form', novalidate: true }, code.block, el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onAddCountry(code.input.value);
  });
  return part('countries', 'settings-countries', notice(props, 'countries'), list, form);
}

function idlePart(props: SettingsProps): HTMLElement {
  // Text, not type=number: a number input may refuse Arabic-Indic digits.
  const minutes = field('idle-lock-minutes', t('idle-lock-minutes-label'), {
    type: 'text',
    inputmode: 'numeric',
    dir: 'ltr',
    autocomplete: 'off',
    maxlength: '3',
    class: 'short',
  });
  minutes.input.value = String(props.settings.idleLockMinutes);
  const submit = el('button', { id: 'idle-lock-submit', type: 'submit', disabled: props.busy }, t('idle-lock-submit'));
  const form = el('form', { id: 'idle-lock-form', novalidate: true }, minutes.block, el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onSetIdleMinutes(minutes.input.value);
  });
  return part('idle', 'settings-idle', notice(props, 'idle'), form);
}

/** Supervisors only: users, the referral list, transit countries and the automatic lock. */
export function settingsScreen(props: SettingsProps): Screen {
  const title = el('h2', { id: 'settings-title', tabindex: '-1' }, t('settings-title'));
  const root = el(
    'div',
    { class: 'unlocked' },
    navBar({ session: props.session, current: 'settings', onNavigate: props.onNavigate, onLock: props.onLock }),
    el(
      'section',
      { id: 'settings', class: 'screen settings', 'aria-labelledby': 'settings-title' },
      title,
      usersPart(props),
      referralsPart(props),
      countriesPart(props),
      idlePart(props),
    ),
  );
  return { root, focus: title };
}
