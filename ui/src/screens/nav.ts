import { el } from '../dom';
import { t } from '../i18n';
import type { Place, SessionContext } from './types';


export const ids = {
  place: (place: Place) => `nav-${place}` as const,
  lock: 'lock',
} as const;

/**
 * The menu of every unlocked screen; `current` is where the user is, null during a call, when
 * only Lock is offered. Statistics, safety and settings exist only for supervisors.
 */
export function navBar(ctx: SessionContext, current: Place | null): HTMLElement {
  const nav = el('nav', { class: 'main-nav', 'aria-label': t('nav-label') });
  const list = el('ul', {});
  if (current !== null) {
    const places: Place[] = ['home', 'cases', 'passphrase'];
    if (ctx.session.role === 'supervisor') places.push('statistics', 'safety', 'settings', 'desks');
    for (const place of places) {
      const button = el(
        'button',
        { id: ids.place(place), type: 'button', class: 'link', 'aria-current': place === current ? 'page' : undefined },
        t(`nav-${place}`),
      );
      button.addEventListener('click', () => ctx.navigate(place));
      list.append(el('li', {}, button));
    }
  }
  const lock = el(
    'button',
    { id: ids.lock, type: 'button', class: 'secondary', 'aria-keyshortcuts': 'Control+L', title: t('home-lock') },
    t('home-lock'),
  );
  lock.addEventListener('click', () => ctx.lock());
  list.append(el('li', { class: 'lock' }, lock));
  nav.append(list);
  return nav;
}
