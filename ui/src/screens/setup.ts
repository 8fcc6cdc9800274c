import { el, field } from '../dom';
import { formatNodes, t } from '../i18n';
import { recoveryCodeFields } from './recovery-fields';
import type { Screen } from './types';

/** A backup chosen in the native dialog, to restore from instead of creating a store. */
export interface RestoreChoice {
  /** The file's name (the Rust side keeps its path). */
  fileName: string;
  /** Open it with the recovery code (and give the user a new passphrase) rather than a passphrase. */
  withRecovery: boolean;
}

/** What the restore form holds when it is sent. */
export interface RestoreForm {
  userName: string;
  passphrase: string;
  recoveryCode: string;
  newPassphrase: string;
  repeat: string;
}

export interface SetupProps {
  busy: boolean;
  restore: RestoreChoice | null;
  onSubmit(userName: string, passphrase: string, repeat: string): void;
  /** Opens the native dialog (in Rust) to choose a backup file. */
  onChooseBackup(): void;
  onRestoreMethod(withRecovery: boolean): void;
  onRestore(form: RestoreForm): void;
  onRestoreCancel(): void;
}

function createForm({ busy, onSubmit, onChooseBackup }: SetupProps): Screen {
  const user = field('setup-user', t('setup-user-label'), {
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'auto',
  });
  const passphrase = field(
    'setup-passphrase',
    t('setup-passphrase-label'),
    { type: 'password', autocomplete: 'new-password' },
    t('setup-passphrase-hint'),
  );
  const repeat = field('setup-passphrase-repeat', t('setup-passphrase-repeat-label'), {
    type: 'password',
    autocomplete: 'new-password',
  });
  const submit = el(
    'button',
    { id: 'setup-submit', type: 'submit', disabled: busy },
    busy ? t('working') : t('setup-submit'),
  );
  const form = el(
    'form',
    { id: 'setup-form', novalidate: true, 'aria-busy': busy ? 'true' : undefined },
    user.block,
    passphrase.block,
    repeat.block,
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(user.input.value, passphrase.input.value, repeat.input.value);
  });
  const restore = el('button', { id: 'setup-restore', type: 'button', class: 'secondary', disabled: busy }, t('setup-restore'));
  restore.addEventListener('click', () => onChooseBackup());
  const root = el(
    'section',
    { id: 'setup', class: 'screen', 'aria-labelledby': 'setup-title' },
    el('h2', { id: 'setup-title' }, t('setup-title')),
    el('p', { class: 'intro' }, t('setup-intro')),
    form,
    el(
      'section',
      { id: 'setup-restore-part', class: 'aside-part', 'aria-labelledby': 'setup-restore-title' },
      el('h3', { id: 'setup-restore-title' }, t('setup-restore-title')),
      el('p', { class: 'hint' }, t('setup-restore-hint')),
      el('div', { class: 'actions' }, restore),
    ),
  );
  return { root, focus: user.input };
}

function methodChoice(props: SetupProps, choice: RestoreChoice): HTMLElement {
  const option = (id: string, withRecovery: boolean, label: string) => {
    const radio = el('input', { id, name: 'restore-method', type: 'radio', value: withRecovery ? 'recovery' : 'passphrase' });
    radio.checked = choice.withRecovery === withRecovery;
    radio.addEventListener('change', () => {
      if (radio.checked) props.onRestoreMethod(withRecovery);
    });
    return el('div', { class: 'check' }, radio, el('label', { for: id }, label));
  };
  return el(
    'fieldset',
    { class: 'group', role: 'radiogroup' },
    el('legend', {}, t('restore-method-legend')),
    option('restore-with-passphrase', false, t('restore-with-passphrase')),
    option('restore-with-recovery', true, t('restore-with-recovery')),
  );
}

function restoreForm(props: SetupProps, choice: RestoreChoice): Screen {
  const { busy } = props;
  const user = field('restore-user', t('setup-user-label'), {
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'auto',
  });
  const passphrase = field(
    'restore-passphrase',
    t('setup-passphrase-label'),
    { type: 'password', autocomplete: 'current-password' },
    t('restore-passphrase-hint'),
  );
  const { code, passphrase: next, repeat } = recoveryCodeFields({
    code: 'restore-code',
    passphrase: 'restore-new-passphrase',
    repeat: 'restore-new-passphrase-repeat',
  });
  const secretFields = choice.withRecovery ? [code.block, next.block, repeat.block] : [passphrase.block];
  const submit = el('button', { id: 'restore-submit', type: 'submit', disabled: busy }, busy ? t('working') : t('restore-submit'));
  const back = el('button', { id: 'restore-cancel', type: 'button', class: 'secondary', disabled: busy }, t('restore-cancel'));
  back.addEventListener('click', () => props.onRestoreCancel());
  const again = el('button', { id: 'restore-choose-again', type: 'button', class: 'link', disabled: busy }, t('restore-choose-again'));
  again.addEventListener('click', () => props.onChooseBackup());
  const form = el(
    'form',
    { id: 'restore-form', novalidate: true, 'aria-busy': busy ? 'true' : undefined },
    methodChoice(props, choice),
    user.block,
    ...secretFields,
    el('div', { class: 'actions' }, back, submit),
    el('p', { id: 'restore-status', class: 'status', role: 'status' }, busy ? t('restore-working') : ''),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onRestore({
      userName: user.input.value,
      passphrase: passphrase.input.value,
      recoveryCode: code.input.value,
      newPassphrase: next.input.value,
      repeat: repeat.input.value,
    });
  });
  const file = el('bdi', { id: 'restore-file', dir: 'ltr', class: 'path', translate: 'no' }, choice.fileName);
  const root = el(
    'section',
    { id: 'restore', class: 'screen', 'aria-labelledby': 'restore-title' },
    el('h2', { id: 'restore-title' }, t('restore-title')),
    el('p', { class: 'intro' }, t('restore-intro')),
    el('p', { id: 'restore-chosen' }, ...formatNodes('restore-chosen', { file }), ' ', again),
    form,
  );
  return { root, focus: user.input };
}

/** First run: create the encrypted store and its first user, a supervisor; or restore a backup. */
export function setupScreen(props: SetupProps): Screen {
  return props.restore ? restoreForm(props, props.restore) : createForm(props);
}
