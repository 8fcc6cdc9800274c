import { el, field } from '../dom';
import { t } from '../i18n';
import type { Screen } from './types';

export interface SetupProps {
  busy: boolean;
  onSubmit(userName: string, passphrase: string, repeat: string): void;
}

/** First run: create the encrypted store and its first user, a supervisor. */
export function setupScreen({ busy, onSubmit }: SetupProps): Screen {
  const user = field('setup-user', t('setup-user-label'), {
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'auto',
  });
  const passphrase = field(
    'setup-passphrase',
    t('setup-passphrase-label'),
    { type: 'password', autocomplete: 'new-password' },
    t('setup-passphrase-hint'),
  );
  const repeat = field('setup-passphrase-repeat', t('setup-passphrase-repeat-label'), {
    type: 'password',
    autocomplete: 'new-password',
  });
  const submit = el(
    'button',
    { id: 'setup-submit', type: 'submit', disabled: busy },
    busy ? t('working') : t('setup-submit'),
  );
  const form = el(
    'form',
    { id: 'setup-form', novalidate: true, 'aria-busy': busy ? 'true' : undefined },
    user.block,
    passphrase.block,
    repeat.block,
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(user.input.value, passphrase.input.value, repeat.input.value);
  });
  const root = el(
    'section',
    { id: 'setup', class: 'screen', 'aria-labelledby': 'setup-title' },
    el('h2', { id: 'setup-title' }, t('setup-title')),
    el('p', { class: 'intro' }, t('setup-intro')),
    form,
  );
  return { root, focus: user.input };
}
