import { el, field } from '../dom';
import { t } from '../i18n';
import * as ipc from '../ipc';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

export const ids = {
  screen: 'passphrase',
  title: 'passphrase-title',
  form: 'passphrase-form',
  current: 'passphrase-current',
  next: 'passphrase-new',
  repeat: 'passphrase-repeat',
  submit: 'passphrase-submit',
  done: 'passphrase-done',
} as const;

/** Change one's own passphrase (rewrites one key slot in the store). */
export class PassphraseScreen implements Screen {
  /** The passphrase was changed. */
  private done = false;

  constructor(private readonly ctx: SessionContext) {}

  private async change(current: string, next: string, repeat: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    if (next !== repeat) {
      this.ctx.fail('passphrase_mismatch', ids.repeat, [ids.repeat]);
      return;
    }
    await this.ctx.tasks.run(this, {
      ask: () => ipc.changePassphrase(current, next),
      done: () => {
        this.done = true;
        this.ctx.reopen(this);
      },
      drawn: () => this.ctx.focus(ids.done),
      failed: (code) =>
        ipc.refusesNewPassphrase(code)
          ? { field: ids.next, clear: [ids.repeat] }
          : { field: ids.current, clear: [ids.current] },
    });
  }

  render(): Rendered {
    const busy = this.ctx.tasks.busy;
    const current = field(ids.current, t('passphrase-current-label'), { type: 'password', autocomplete: 'current-password' });
    const next = field(ids.next, t('passphrase-new-label'), { type: 'password', autocomplete: 'new-password' }, t('setup-passphrase-hint'));
    const repeat = field(ids.repeat, t('passphrase-repeat-label'), { type: 'password', autocomplete: 'new-password' });
    const submit = el('button', { id: ids.submit, type: 'submit', disabled: busy }, busy ? t('working') : t('passphrase-submit'));
    const form = el(
      'form',
      { id: ids.form, novalidate: true, 'aria-busy': busy ? 'true' : undefined },
      current.block,
      next.block,
      repeat.block,
      el('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.change(current.input.value, next.input.value, repeat.input.value);
    });
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'passphrase'),
      el(
        'section',
        { id: ids.screen, class: 'screen narrow', 'aria-labelledby': ids.title },
        el('h2', { id: ids.title }, t('passphrase-title')),
        el('p', { class: 'intro' }, t('passphrase-intro')),
        this.done ? el('p', { id: ids.done, class: 'notice', role: 'status' }, t('passphrase-done')) : null,
        form,
      ),
    );
    return { root, focus: current.input };
  }
}
