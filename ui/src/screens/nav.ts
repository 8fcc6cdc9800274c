import { el } from '../dom';
import { t } from '../i18n';
import type { Session } from '../ipc';

export type Place = 'home' | 'cases' | 'passphrase' | 'statistics' | 'safety' | 'settings';

export interface NavProps {
  session: Session;
  /** Where the user is; null during a call, when only Lock is offered. */
  current: Place | null;
  onNavigate(place: Place): void;
  onLock(): void;
}

/** The menu of every unlocked screen. Statistics, safety and settings exist only for supervisors. */
export function navBar({ session, current, onNavigate, onLock }: NavProps): HTMLElement {
  const nav = el('nav', { class: 'main-nav', 'aria-label': t('nav-label') });
  const list = el('ul', {});
  if (current !== null) {
    const places: [Place, `nav-${Place}`][] = [
      ['home', 'nav-home'],
      ['cases', 'nav-cases'],
      ['passphrase', 'nav-passphrase'],
    ];
    if (session.role === 'supervisor') places.push(['statistics', 'nav-statistics'], ['safety', 'nav-safety'], ['settings', 'nav-settings']);
    for (const [place, label] of places) {
      const button = el(
        'button',
        { id: `nav-${place}`, type: 'button', class: 'link', 'aria-current': place === current ? 'page' : undefined },
        t(label),
      );
      button.addEventListener('click', () => onNavigate(place));
      list.append(el('li', {}, button));
    }
  }
  const lock = el(
    'button',
    { id: 'lock', type: 'button', class: 'secondary', 'aria-keyshortcuts': 'Control+L', title: t('home-lock') },
    t('home-lock'),
  );
  lock.addEventListener('click', () => onLock());
  list.append(el('li', { class: 'lock' }, lock));
  nav.append(list);
  return nav;
}
