import { el, field } from '../dom';
import { t } from '../i18n';
import type { Session } from '../ipc';
import { navBar, type Place } from './nav';
import type { Screen } from './types';

export interface PassphraseProps {
  session: Session;
  busy: boolean;
  done: boolean;
  onNavigate(place: Place): void;
  onLock(): void;
  onSubmit(current: string, next: string, repeat: string): void;
}

/** Change one's own passphrase (rewrites one key slot in the store). */
export function passphraseScreen(props: PassphraseProps): Screen {
  const current = field('passphrase-current', t('passphrase-current-label'), {
    type: 'password',
    autocomplete: 'current-password',
  });
  const next = field(
    'passphrase-new',
    t('passphrase-new-label'),
    { type: 'password', autocomplete: 'new-password' },
    t('setup-passphrase-hint'),
  );
  const repeat = field('passphrase-repeat', t('passphrase-repeat-label'), {
    type: 'password',
    autocomplete: 'new-password',
  });
  const submit = el(
    'button',
    { id: 'passphrase-submit', type: 'submit', disabled: props.busy },
    props.busy ? t('working') : t('passphrase-submit'),
  );
  const form = el(
    'form',
    { id: 'passphrase-form', novalidate: true, 'aria-busy': props.busy ? 'true' : undefined },
    current.block,
    next.block,
    repeat.block,
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onSubmit(current.input.value, next.input.value, repeat.input.value);
  });
  const title = el('h2', { id: 'passphrase-title' }, t('passphrase-title'));
  const root = el(
    'div',
    { class: 'unlocked' },
    navBar({ session: props.session, current: 'passphrase', onNavigate: props.onNavigate, onLock: props.onLock }),
    el(
      'section',
      { id: 'passphrase', class: 'screen narrow', 'aria-labelledby': 'passphrase-title' },
      title,
      el('p', { class: 'intro' }, t('passphrase-intro')),
      props.done ? el('p', { id: 'passphrase-done', class: 'notice', role: 'status' }, t('passphrase-done')) : null,
      form,
    ),
  );
  return { root, focus: current.input };
}
