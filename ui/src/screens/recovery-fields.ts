import { field } from '../dom';
import { t } from '../i18n';

/** The field ids of one form that takes the recovery code. */
export interface RecoveryFieldIds {
  code: string;
  passphrase: string;
  repeat: string;
}

/**
 * The recovery code, then a new passphrase twice: what both places that take the code ask for
 * (the unlock screen when every passphrase is forgotten, and restoring a backup at first run).
 */
export function recoveryCodeFields(ids: RecoveryFieldIds): {
  code: ReturnType<typeof field>;
  passphrase: ReturnType<typeof field>;
  repeat: ReturnType<typeof field>;
} {
  return {
    code: field(
      ids.code,
      t('recover-code-label'),
      { type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', dir: 'ltr', translate: 'no' },
      t('recover-code-hint'),
    ),
    passphrase: field(
      ids.passphrase,
      t('passphrase-new-label'),
      { type: 'password', autocomplete: 'new-password' },
      t('setup-passphrase-hint'),
    ),
    repeat: field(ids.repeat, t('passphrase-repeat-label'), { type: 'password', autocomplete: 'new-password' }),
  };
}
