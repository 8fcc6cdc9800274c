import { el, field } from '../dom';
import { t } from '../i18n';
import type { Screen } from './types';

export interface UnlockProps {
  busy: boolean;
  onSubmit(userName: string, passphrase: string): void;
}

/** The store is locked: sign in. */
export function unlockScreen({ busy, onSubmit }: UnlockProps): Screen {
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
  const form = el(
    'form',
    { id: 'unlock-form', novalidate: true, 'aria-busy': busy ? 'true' : undefined },
    user.block,
    passphrase.block,
    el('div', { class: 'actions' }, submit),
    el('p', { id: 'unlock-status', class: 'status', role: 'status' }, busy ? t('unlock-checking') : ''),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(user.input.value, passphrase.input.value);
  });
  const root = el(
    'section',
    { id: 'unlock', class: 'screen', 'aria-labelledby': 'unlock-title' },
    el('h2', { id: 'unlock-title' }, t('unlock-title')),
    el('p', { class: 'intro' }, t('unlock-intro')),
    form,
  );
  return { root, focus: user.input };
}
