import { el } from '../dom';
import { formatNodes, t } from '../i18n';
import type { Session } from '../ipc';
import type { Screen } from './types';

export interface HomeProps {
  session: Session;
  busy: boolean;
  onLock(): void;
}

/** Placeholder home screen: who is signed in, and the lock button. */
export function homeScreen({ session, busy, onLock }: HomeProps): Screen {
  // The name is text in its own isolate, so a name in another script displays right.
  const name = el('bdi', { id: 'home-user' }, session.user);
  const heading = el(
    'h2',
    { id: 'home-title', tabindex: '-1' },
    ...formatNodes('home-greeting', { user: name }),
  );
  const lockButton = el(
    'button',
    { id: 'lock', type: 'button', disabled: busy },
    busy ? t('working') : t('home-lock'),
  );
  lockButton.addEventListener('click', () => onLock());
  const root = el(
    'section',
    { id: 'home', class: 'screen', 'aria-labelledby': 'home-title' },
    heading,
    el('p', { id: 'home-role', 'data-role': session.role }, t('home-role', { role: session.role })),
    el('p', { class: 'intro' }, t('home-next')),
    el('div', { class: 'actions' }, lockButton),
  );
  return { root, focus: heading };
}
