import { el } from '../dom';
import { t } from '../i18n';
import type { Screen } from './types';

export interface RecoveryProps {
  code: string;
  stored: boolean;
  onStoredChange(stored: boolean): void;
  onContinue(): void;
}

/** The recovery code, shown once right after set-up. */
export function recoveryScreen({ code, stored, onStoredChange, onContinue }: RecoveryProps): Screen {
  const checkbox = el('input', {
    id: 'recovery-stored',
    name: 'recovery-stored',
    type: 'checkbox',
    checked: stored,
  });
  checkbox.checked = stored;
  const next = el(
    'button',
    { id: 'recovery-continue', type: 'submit', disabled: !stored },
    t('recovery-continue'),
  );
  checkbox.addEventListener('change', () => {
    next.disabled = !checkbox.checked;
    onStoredChange(checkbox.checked);
  });
  const form = el(
    'form',
    { id: 'recovery-form', novalidate: true },
    el('div', { class: 'check' }, checkbox, el('label', { for: 'recovery-stored' }, t('recovery-stored'))),
    el('div', { class: 'actions' }, next),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (checkbox.checked) onContinue();
  });
  const root = el(
    'section',
    { id: 'recovery', class: 'screen', 'aria-labelledby': 'recovery-title' },
    el('h2', { id: 'recovery-title' }, t('recovery-title')),
    el('p', { class: 'intro' }, t('recovery-explain')),
    // Left-to-right and isolated, also inside the Arabic UI, so groups never reorder.
    el('p', { id: 'recovery-code', class: 'recovery-code', dir: 'ltr', translate: 'no' }, code),
    el('p', { class: 'warning' }, t('recovery-once')),
    form,
  );
  return { root, focus: checkbox };
}
