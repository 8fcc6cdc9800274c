import { el } from '../dom';
import { t } from '../i18n';
import type { Screen } from './types';

/** While `app_status` is on its way. */
export function loadingScreen(): Screen {
  const root = el('section', { id: 'loading', class: 'screen', 'aria-busy': 'true' }, el('p', {}, t('loading')));
  return { root, focus: root };
}

/** `app_status` failed: the error is in #error; offer to ask again. */
export function failedScreen({ onRetry }: { onRetry(): void }): Screen {
  const retry = el('button', { id: 'retry', type: 'button' }, t('retry'));
  retry.addEventListener('click', () => onRetry());
  const root = el(
    'section',
    { id: 'failed', class: 'screen', 'aria-labelledby': 'failed-title' },
    el('h2', { id: 'failed-title' }, t('startup-failed-title')),
    el('div', { class: 'actions' }, retry),
  );
  return { root, focus: retry };
}
