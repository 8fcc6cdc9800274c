import { el } from '../dom';
import { t } from '../i18n';
import type { Screen } from './types';

export const ids = {
  loading: 'loading',
  failed: 'failed',
  failedTitle: 'failed-title',
  retry: 'retry',
} as const;

/** While `app_status` is on its way. */
export function loadingScreen(): Screen {
  return {
    render() {
      const root = el('section', { id: ids.loading, class: 'screen', 'aria-busy': 'true' }, el('p', {}, t('loading')));
      return { root, focus: root };
    },
  };
}

/** `app_status` failed: the error is in #error; offer to ask again. */
export function failedScreen(onRetry: () => void): Screen {
  return {
    render() {
      const retry = el('button', { id: ids.retry, type: 'button' }, t('retry'));
      retry.addEventListener('click', () => onRetry());
      const root = el(
        'section',
        { id: ids.failed, class: 'screen', 'aria-labelledby': ids.failedTitle },
        el('h2', { id: ids.failedTitle }, t('startup-failed-title')),
        el('div', { class: 'actions' }, retry),
      );
      return { root, focus: retry };
    },
  };
}
