import { el, field } from '../dom';
import { t } from '../i18n';
import { recoveryCodeFields } from './recovery-fields';
import type { Screen } from './types';

export interface UnlockProps {
  busy: boolean;
  /** Every passphrase is forgotten: the recovery-code form instead of the sign-in form. */
  recovery: boolean;
  onSubmit(userName: string, passphrase: string): void;
  onRecover(userName: string, recoveryCode: string, passphrase: string, repeat: string): void;
  onShowRecovery(): void;
  onHideRecovery(): void;
}

function signInForm({ busy, onSubmit, onShowRecovery }: UnlockProps): { form: HTMLElement; focus: HTMLElement } {
  const user = field('unlock-user', t('unlock-user-label'), {
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'auto',
  });
  const passphrase = field('unlock-passphrase', t('unlock-passphrase-label'), {
    type: 'password',
    autocomplete: 'current-password',
  });
  const submit = el(
    'button',
    { id: 'unlock-submit', type: 'submit', disabled: busy },
    // A wrong passphrase takes longer to answer (the shell slows it down): say what is going on.
    busy ? t('unlock-checking') : t('unlock-submit'),
  );
  const useRecovery = el(
    'button',
    { id: 'unlock-use-recovery', type: 'button', class: 'link', disabled: busy },
    t('unlock-use-recovery'),
  );
  useRecovery.addEventListener('click', () => onShowRecovery());
  const form = el(
    'form',
    { id: 'unlock-form', novalidate: true, 'aria-busy': busy ? 'true' : undefined },
    user.block,
    passphrase.block,
    el('div', { class: 'actions' }, submit),
    el('p', { id: 'unlock-status', class: 'status', role: 'status' }, busy ? t('unlock-checking') : ''),
    el('p', { class: 'aside' }, useRecovery),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(user.input.value, passphrase.input.value);
  });
  return { form, focus: user.input };
}

function recoveryForm({ busy, onRecover, onHideRecovery }: UnlockProps): { form: HTMLElement; focus: HTMLElement } {
  const user = field('recover-user', t('unlock-user-label'), {
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'auto',
  });
  const { code, passphrase, repeat } = recoveryCodeFields({
    code: 'recover-code',
    passphrase: 'recover-passphrase',
    repeat: 'recover-passphrase-repeat',
  });
  const submit = el('button', { id: 'recover-submit', type: 'submit', disabled: busy }, busy ? t('working') : t('recover-submit'));
  const back = el('button', { id: 'recover-back', type: 'button', class: 'secondary', disabled: busy }, t('recover-back'));
  back.addEventListener('click', () => onHideRecovery());
  const form = el(
    'form',
    { id: 'recover-form', novalidate: true, 'aria-busy': busy ? 'true' : undefined, 'aria-labelledby': 'recover-title' },
    el('h3', { id: 'recover-title' }, t('recover-title')),
    el('p', { class: 'intro' }, t('recover-intro')),
    user.block,
    code.block,
    passphrase.block,
    repeat.block,
    el('div', { class: 'actions' }, back, submit),
    el('p', { id: 'recover-status', class: 'status', role: 'status' }, busy ? t('working') : ''),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onRecover(user.input.value, code.input.value, passphrase.input.value, repeat.input.value);
  });
  return { form, focus: user.input };
}

/** The store is locked: sign in, or open it with the recovery code when every passphrase is forgotten. */
export function unlockScreen(props: UnlockProps): Screen {
  const { form, focus } = props.recovery ? recoveryForm(props) : signInForm(props);
  const root = el(
    'section',
    { id: 'unlock', class: 'screen', 'aria-labelledby': 'unlock-title' },
    el('h2', { id: 'unlock-title' }, t('unlock-title')),
    props.recovery ? null : el('p', { class: 'intro' }, t('unlock-intro')),
    form,
  );
  return { root, focus };
}
