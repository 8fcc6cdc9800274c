// Supervisors only: nothing lost, nothing leaked. Backups (saved where the supervisor chooses in
// the native dialog, which the Rust side opens), checks of the store and of backup files, the
// retention period, forgetting a case for good, and the audit trail.

import { caseNumber, el, field, userText } from '../dom';
import { formatCount, formatDateTime, formatMonth, toLatinDigits } from '../format';
import { formatNodes, t, type MessageId } from '../i18n';
import {
  MAX_RETENTION_MONTHS,
  type AuditAction,
  type AuditCheck,
  type AuditEntry,
  type ClientErrorCode,
  type Session,
  type VerifyResult,
} from '../ipc';
import { navBar, type Place } from './nav';
import type { Screen } from './types';

/** How many audit entries show at first, and how many more each "Show more" adds. */
export const AUDIT_PAGE = 50;

export type BackupStatus = { state: 'saved'; path: string } | { state: 'cancelled' } | { state: 'failed' };
export type BackupCheck = { state: 'checked'; path: string; report: VerifyResult } | { state: 'cancelled' } | { state: 'failed' };
export type RetentionMode = 'forever' | 'limited';

export interface SafetyProps {
  session: Session;
  busy: boolean;
  /** The period now in force; null: until forgotten. */
  retentionMonths: number | null;
  retentionMode: RetentionMode;
  /** A shorter period waiting for a yes. */
  retentionConfirm: number | null;
  /** Saved: how many cases that destroyed at once. */
  retentionDone: number | null;
  backupStatus: BackupStatus | null;
  storeCheck: VerifyResult | null;
  backupCheck: BackupCheck | null;
  /** The case found for forgetting, waiting for a yes. */
  forgetConfirm: { caseNumber: string; calls: number } | null;
  /** The case just forgotten. */
  forgotten: string | null;
  /** null until shown. */
  audit: AuditEntry[] | null;
  auditShown: number;
  auditCheck: AuditCheck | null;
  onNavigate(place: Place): void;
  onLock(): void;
  onTakeBackup(): void;
  onVerifyStore(): void;
  onVerifyBackup(passphrase: string): void;
  onRetentionMode(mode: RetentionMode): void;
  onSaveRetention(mode: RetentionMode, typed: string): void;
  onRetentionConfirm(months: number): void;
  onRetentionCancel(): void;
  onForget(typed: string): void;
  onForgetConfirm(caseNumber: string): void;
  onForgetCancel(): void;
  onShowAudit(): void;
  onMoreAudit(): void;
  onVerifyAudit(): void;
}

/** The months typed for the retention period, or the error to show. */
export function checkRetentionMonths(typed: string): { ok: true; months: number } | { ok: false; code: ClientErrorCode } {
  const digits = toLatinDigits(typed.trim());
  const months = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
  if (!(months >= 1 && months <= MAX_RETENTION_MONTHS)) return { ok: false, code: 'invalid_retention_months' };
  return { ok: true, months };
}

/** Whether saving `months` (null: until forgotten) can destroy cases that `current` keeps. */
export function isShorter(months: number | null, current: number | null): boolean {
  return months !== null && (current === null || months < current);
}

function ltr(text: string, attributes: Record<string, string> = {}): HTMLElement {
  return el('bdi', { dir: 'ltr', ...attributes }, text);
}

function part(id: string, title: MessageId, ...children: (Node | null)[]): HTMLElement {
  return el(
    'section',
    { id: `safety-${id}`, class: 'settings-part safety-part', 'aria-labelledby': `safety-${id}-title` },
    el('h3', { id: `safety-${id}-title` }, t(title)),
    ...children,
  );
}

// --- backups ------------------------------------------------------------------------------

function backupStatusText(status: BackupStatus | null): (Node | string)[] {
  if (status === null) return [];
  switch (status.state) {
    case 'saved':
      return formatNodes('backup-saved', { path: ltr(status.path, { class: 'path' }) });
    case 'cancelled':
      return [t('backup-cancelled')];
    case 'failed':
      return [t('backup-failed')];
  }
}

function backupPart(props: SafetyProps): HTMLElement {
  const take = el('button', { id: 'backup-take', type: 'button', disabled: props.busy }, t('backup-take'));
  take.addEventListener('click', () => props.onTakeBackup());
  const status = props.backupStatus;
  return part(
    'backup',
    'safety-backup-title',
    el('p', { class: 'hint' }, t('backup-hint')),
    el('div', { class: 'actions' }, take),
    el(
      'p',
      { id: 'backup-status', class: `status export-status${status ? ` ${status.state}` : ''}`, role: 'status', 'data-state': status?.state },
      ...backupStatusText(status),
    ),
  );
}

// --- checks -------------------------------------------------------------------------------

/** What a check found, in plain words: sound, or each damaged place and its record. */
export function verifyReport(id: string, result: VerifyResult): HTMLElement {
  const box = el('div', { id, class: 'verify-report', 'data-sound': result.sound ? 'yes' : 'no' });
  if (result.sound) {
    box.append(el('p', { class: 'notice' }, t('verify-sound', { count: result.sealedValuesChecked })));
    return box;
  }
  box.append(el('p', { class: 'warning' }, t('verify-unsound', { count: result.damaged.length })));
  if (result.fileProblems.length > 0) {
    box.append(
      el('p', {}, t('verify-file-problems')),
      el('ul', { class: 'file-problems code' }, ...result.fileProblems.map((line) => el('li', {}, ltr(line)))),
    );
  }
  if (result.damaged.length > 0) {
    const rows = result.damaged.map((place) =>
      el(
        'tr',
        { class: 'damaged-place', 'data-table': place.table, 'data-column': place.column },
        el('td', {}, t('verify-place', { place: `${place.table}-${place.column}` })),
        el('td', { class: 'code' }, ltr(place.row)),
      ),
    );
    box.append(
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          { class: 'damaged-places' },
          el('caption', {}, t('verify-damaged-title')),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('verify-col-what')), el('th', { scope: 'col' }, t('verify-col-record')))),
          el('tbody', {}, ...rows),
        ),
      ),
    );
  }
  box.append(el('p', { class: 'hint' }, t('verify-advice')));
  return box;
}

function backupCheckResult(check: BackupCheck | null): HTMLElement | null {
  if (check === null) return null;
  if (check.state !== 'checked') {
    return el(
      'p',
      { id: 'verify-backup-status', class: `status export-status ${check.state}`, role: 'status', 'data-state': check.state },
      t(check.state === 'cancelled' ? 'verify-backup-cancelled' : 'verify-backup-failed'),
    );
  }
  const report = verifyReport('verify-backup-report', check.report);
  report.prepend(el('p', { class: 'checked-file' }, ...formatNodes('verify-backup-checked', { path: ltr(check.path, { class: 'path' }) })));
  return el('div', { id: 'verify-backup-result', role: 'status' }, report);
}

function checkPart(props: SafetyProps): HTMLElement {
  const verify = el('button', { id: 'verify-store', type: 'button', disabled: props.busy }, t('verify-store'));
  verify.addEventListener('click', () => props.onVerifyStore());
  const passphrase = field(
    'verify-backup-passphrase',
    t('verify-backup-passphrase-label'),
    { type: 'password', autocomplete: 'current-password' },
    t('verify-backup-passphrase-hint'),
  );
  const submit = el('button', { id: 'verify-backup-submit', type: 'submit', class: 'secondary', disabled: props.busy }, t('verify-backup-submit'));
  const form = el(
    'form',
    { id: 'verify-backup-form', novalidate: true, 'aria-labelledby': 'verify-backup-title' },
    el('h4', { id: 'verify-backup-title' }, t('verify-backup-title')),
    passphrase.block,
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onVerifyBackup(passphrase.input.value);
  });
  return part(
    'check',
    'safety-check-title',
    el('p', { class: 'hint' }, t('verify-hint')),
    el('div', { class: 'actions' }, verify),
    props.storeCheck ? el('div', { role: 'status' }, verifyReport('verify-result', props.storeCheck)) : null,
    form,
    backupCheckResult(props.backupCheck),
  );
}

// --- retention ----------------------------------------------------------------------------

function retentionPart(props: SafetyProps): HTMLElement {
  const option = (mode: RetentionMode, label: MessageId) => {
    const id = `retention-${mode}`;
    const radio = el('input', { id, name: 'retention-mode', type: 'radio', value: mode, disabled: props.busy });
    radio.checked = props.retentionMode === mode;
    radio.addEventListener('change', () => {
      if (radio.checked) props.onRetentionMode(mode);
    });
    return el('div', { class: 'check' }, radio, el('label', { for: id }, t(label)));
  };
  // Text, not type=number: a number input may refuse Arabic-Indic digits.
  const months = field(
    'retention-months',
    t('retention-months-label'),
    {
      type: 'text',
      inputmode: 'numeric',
      dir: 'ltr',
      autocomplete: 'off',
      maxlength: '3',
      class: 'short',
      disabled: props.retentionMode === 'forever',
    },
    t('retention-months-hint'),
  );
  months.input.value = props.retentionMonths === null ? '' : String(props.retentionMonths);
  const submit = el('button', { id: 'retention-submit', type: 'submit', disabled: props.busy }, t('retention-submit'));
  const form = el(
    'form',
    { id: 'retention-form', novalidate: true },
    el(
      'fieldset',
      { class: 'group', role: 'radiogroup' },
      el('legend', {}, t('retention-legend')),
      option('forever', 'retention-forever'),
      option('limited', 'retention-limited'),
      months.block,
    ),
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onSaveRetention(props.retentionMode, months.input.value);
  });
  let confirm: HTMLElement | null = null;
  if (props.retentionConfirm !== null) {
    const chosen = props.retentionConfirm;
    const yes = el('button', { id: 'retention-confirm-yes', type: 'button', class: 'danger', disabled: props.busy }, t('retention-confirm'));
    const no = el('button', { id: 'retention-cancel', type: 'button', class: 'secondary' }, t('confirm-cancel'));
    yes.addEventListener('click', () => props.onRetentionConfirm(chosen));
    no.addEventListener('click', () => props.onRetentionCancel());
    confirm = el(
      'div',
      { id: 'retention-confirm', class: 'confirm', role: 'group', 'aria-labelledby': 'retention-question' },
      el('p', { id: 'retention-question', class: 'warning' }, t('retention-question', { months: chosen })),
      el('div', { class: 'actions' }, no, yes),
    );
  }
  return part(
    'retention',
    'safety-retention-title',
    el('p', { class: 'hint' }, t('retention-hint')),
    el('p', { id: 'retention-current' }, t('retention-current', { months: props.retentionMonths ?? 0 })),
    props.retentionDone !== null
      ? el('p', { id: 'retention-notice', class: 'notice', role: 'status' }, t('retention-saved', { cases: props.retentionDone }))
      : null,
    form,
    confirm,
  );
}

// --- forgetting a case --------------------------------------------------------------------

function forgetPart(props: SafetyProps): HTMLElement {
  const number = field(
    'forget-number',
    t('lookup-label'),
    { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', dir: 'ltr', translate: 'no', class: 'case-number-input' },
    t('lookup-hint'),
  );
  const submit = el('button', { id: 'forget-submit', type: 'submit', class: 'secondary', disabled: props.busy }, t('forget-submit'));
  const form = el('form', { id: 'forget-form', novalidate: true }, el('div', { class: 'inline-form' }, number.block, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    props.onForget(number.input.value);
  });
  let confirm: HTMLElement | null = null;
  if (props.forgetConfirm) {
    const found = props.forgetConfirm;
    const yes = el('button', { id: 'forget-confirm-yes', type: 'button', class: 'danger', disabled: props.busy }, t('forget-confirm'));
    const no = el('button', { id: 'forget-cancel', type: 'button', class: 'secondary' }, t('confirm-cancel'));
    yes.addEventListener('click', () => props.onForgetConfirm(found.caseNumber));
    no.addEventListener('click', () => props.onForgetCancel());
    confirm = el(
      'div',
      { id: 'forget-confirm', class: 'confirm', role: 'group', 'aria-labelledby': 'forget-question' },
      el('p', { id: 'forget-question', class: 'warning' }, ...formatNodes('forget-question', { number: caseNumber(found.caseNumber) }, { calls: found.calls })),
      el('div', { class: 'actions' }, no, yes),
    );
  }
  return part(
    'forget',
    'safety-forget-title',
    el('p', { class: 'hint' }, t('forget-hint')),
    props.forgotten !== null
      ? el('p', { id: 'forget-notice', class: 'notice', role: 'status' }, ...formatNodes('forget-done', { number: caseNumber(props.forgotten) }))
      : null,
    form,
    confirm,
  );
}

// --- the audit trail ----------------------------------------------------------------------

function settingName(setting: string): string {
  return t('audit-setting', { setting });
}

/** One entry's action as a sentence in the UI language. */
export function auditSentence(action: AuditAction): string {
  switch (action.kind) {
    case 'signed_in':
    case 'recovery_code_used':
    case 'backup_taken':
    case 'passphrase_changed':
      return t(`audit-action-${action.kind}`);
    case 'case_opened':
    case 'case_forgotten':
      return t(`audit-action-${action.kind}`, { case: action.case });
    case 'cases_expired':
      return t('audit-action-cases_expired', { cases: action.cases, months: action.retentionMonths });
    case 'statistics_exported':
      return t('audit-action-statistics_exported', {
        from: formatMonth(action.from),
        to: formatMonth(action.to),
        format: action.format.toUpperCase(),
        k: action.k,
      });
    case 'user_added':
      return t('audit-action-user_added', { name: action.name, role: action.role });
    case 'user_removed':
    case 'passphrase_reset':
      return t(`audit-action-${action.kind}`, { name: action.name });
    case 'settings_changed':
      return t('audit-action-settings_changed', { setting: settingName(action.setting) });
  }
}

function auditCheckResult(check: AuditCheck): HTMLElement {
  const box = el('div', { id: 'audit-check', class: 'verify-report', role: 'status', 'data-sound': check.sound ? 'yes' : 'no' });
  if (check.sound) {
    box.append(el('p', { class: 'notice' }, t('audit-sound', { count: check.entriesChecked })));
  } else {
    box.append(
      el('p', { class: 'warning' }, t('audit-unsound')),
      el(
        'ul',
        { id: 'audit-problems' },
        ...check.problems.map((problem) =>
          el(
            'li',
            { 'data-problem': problem.problem },
            t(`audit-problem-${problem.problem}`, { seq: problem.seq, count: problem.count, last: problem.seq + problem.count - 1 }),
          ),
        ),
      ),
    );
  }
  if (check.fingerprint !== '') {
    box.append(
      el('p', { id: 'audit-fingerprint' }, ...formatNodes('audit-fingerprint', { fingerprint: ltr(check.fingerprint, { class: 'code' }) })),
      el('p', { class: 'hint' }, t('audit-fingerprint-hint')),
    );
  }
  return box;
}

function auditTable(entries: AuditEntry[], shown: number): HTMLElement {
  const rows = entries.slice(0, shown).map((entry) =>
    el(
      'tr',
      { class: 'audit-entry', 'data-kind': entry.action.kind, 'data-seq': String(entry.seq) },
      el('td', { class: 'number' }, ltr(formatCount(entry.seq))),
      el('td', {}, ltr(formatDateTime(entry.at))),
      el('td', {}, userText(entry.user, { dir: 'auto' })),
      el('td', { class: 'audit-what' }, auditSentence(entry.action)),
    ),
  );
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { id: 'audit-table', class: 'audit-table' },
      el('caption', {}, t('audit-table-caption')),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col', class: 'number' }, t('audit-col-seq')),
          el('th', { scope: 'col' }, t('audit-col-when')),
          el('th', { scope: 'col' }, t('audit-col-who')),
          el('th', { scope: 'col' }, t('audit-col-what')),
        ),
      ),
      el('tbody', {}, ...rows),
    ),
  );
}

function auditPart(props: SafetyProps): HTMLElement {
  const show = el('button', { id: 'audit-show', type: 'button', class: 'secondary', disabled: props.busy }, t(props.audit ? 'audit-refresh' : 'audit-show'));
  show.addEventListener('click', () => props.onShowAudit());
  const verify = el('button', { id: 'audit-verify', type: 'button', class: 'secondary', disabled: props.busy }, t('audit-verify'));
  verify.addEventListener('click', () => props.onVerifyAudit());
  let list: HTMLElement | null = null;
  if (props.audit) {
    const entries = props.audit;
    const shown = Math.min(props.auditShown, entries.length);
    let more: HTMLElement | null = null;
    if (shown < entries.length) {
      const button = el('button', { id: 'audit-more', type: 'button', class: 'secondary small', disabled: props.busy }, t('audit-more'));
      button.addEventListener('click', () => props.onMoreAudit());
      more = el('div', { class: 'actions' }, button);
    }
    list = el(
      'div',
      { id: 'audit-list' },
      entries.length === 0
        ? el('p', { class: 'empty' }, t('audit-empty'))
        : el('p', { id: 'audit-count', class: 'hint' }, t('audit-count', { shown, count: entries.length })),
      entries.length > 0 ? auditTable(entries, shown) : null,
      more,
    );
  }
  return part(
    'audit',
    'safety-audit-title',
    el('p', { class: 'hint' }, t('audit-hint')),
    el('div', { class: 'actions' }, show, verify),
    props.auditCheck ? auditCheckResult(props.auditCheck) : null,
    list,
  );
}

/** Supervisors only: backups, checks, the retention period, forgetting a case, the audit trail. */
export function safetyScreen(props: SafetyProps): Screen {
  const title = el('h2', { id: 'safety-title', tabindex: '-1' }, t('safety-title'));
  const root = el(
    'div',
    { class: 'unlocked' },
    navBar({ session: props.session, current: 'safety', onNavigate: props.onNavigate, onLock: props.onLock }),
    el(
      'section',
      { id: 'safety', class: 'screen settings safety', 'aria-labelledby': 'safety-title' },
      title,
      el('p', { class: 'intro' }, t('safety-intro')),
      backupPart(props),
      checkPart(props),
      retentionPart(props),
      forgetPart(props),
      auditPart(props),
    ),
  );
  return { root, focus: title };
}
