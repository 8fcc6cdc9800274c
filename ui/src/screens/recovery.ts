import { el } from '../dom';
import { t } from '../i18n';
import type { Session } from '../ipc';
import type { LockedContext, Rendered, Screen } from './types';

export const ids = {
  screen: 'recovery',
  title: 'recovery-title',
  code: 'recovery-code',
  stored: 'recovery-stored',
  form: 'recovery-form',
  continue: 'recovery-continue',
} as const;

/** The code in groups that each stay on one line when the code wraps (after a dash only). */
export function codeGroups(code: string): HTMLElement[] {
  const groups = code.split('-');
  return groups.map((group, i) => el('span', { class: 'code-group' }, i < groups.length - 1 ? `${group}-` : group));
}

/** The recovery code, shown once right after set-up; it leaves the DOM and memory with this screen. */
export class RecoveryScreen implements Screen {
  /** The box "I have stored the code", kept across a new language. */
  private stored = false;

  constructor(
    private readonly ctx: LockedContext,
    private readonly code: string,
    private readonly session: Session,
  ) {}

  render(): Rendered {
    const checkbox = el('input', { id: ids.stored, name: ids.stored, type: 'checkbox', checked: this.stored });
    checkbox.checked = this.stored;
    const next = el('button', { id: ids.continue, type: 'submit', disabled: !this.stored }, t('recovery-continue'));
    checkbox.addEventListener('change', () => {
      this.stored = checkbox.checked;
      next.disabled = !this.stored;
    });
    const form = el(
      'form',
      { id: ids.form, novalidate: true },
      el('div', { class: 'check' }, checkbox, el('label', { for: ids.stored }, t('recovery-stored'))),
      el('div', { class: 'actions' }, next),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (checkbox.checked) this.ctx.signIn(this.session);
    });
    const root = el(
      'section',
      { id: ids.screen, class: 'screen', 'aria-labelledby': ids.title },
      el('h2', { id: ids.title }, t('recovery-title')),
      el('p', { class: 'intro' }, t('recovery-explain')),
      // Left-to-right and isolated, also inside the Arabic UI, so groups never reorder.
      el('p', { id: ids.code, class: 'recovery-code', dir: 'ltr', translate: 'no' }, ...codeGroups(this.code)),
      el('p', { class: 'warning' }, t('recovery-once')),
      form,
    );
    return { root, focus: checkbox };
  }
}
