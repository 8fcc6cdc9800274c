// How the background sync stands, in a few quiet words: the header shows them while this desk
// is connected, and the desks screen beside this desk's status. A sync's error is never a
// dialog: offline is said with the time it began, anything else as a problem for a supervisor.

import { el } from '../dom';
import { formatTime } from '../format';
import { errorText, t } from '../i18n';
import type { SyncState } from '../ipc';

export const ids = {
  header: 'sync-state',
} as const;

/** The words for `state`, and a longer explanation for a tooltip; null when there is nothing to show. */
export function syncWords(state: SyncState): { text: string; detail: string | null } | null {
  switch (state.state) {
    case 'off':
      return null;
    case 'syncing':
      return { text: t('sync-syncing'), detail: null };
    case 'synced':
      return { text: t('sync-synced', { time: formatTime(state.at) }), detail: null };
    case 'offline':
      return { text: t('sync-offline', { time: formatTime(state.since) }), detail: errorText(state.code) };
    case 'failed':
      return { text: t('sync-failed'), detail: errorText(state.code) };
  }
}

/** The state as one line (`id`): its words, the explanation as its title, the state for styling. */
export function syncLine(id: string, state: SyncState, tag: 'p' | 'span' = 'p'): HTMLElement | null {
  const words = syncWords(state);
  if (!words) return null;
  return el(tag, { id, class: 'sync-state', 'data-state': state.state, title: words.detail ?? undefined }, words.text);
}
