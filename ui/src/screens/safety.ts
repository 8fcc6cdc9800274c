// Supervisors only: nothing lost, nothing leaked. Backups (saved where the supervisor chooses in
// the native dialog, which the Rust side opens), checks of the store and of backup files, the
// retention period, forgetting a case for good, and the audit trail.

import { caseNumber, el, field, userText } from '../dom';
import { formatCount, formatDateTime, formatMonth, toLatinDigits } from '../format';
import { formatNodes, t, type MessageId } from '../i18n';
import {
  LIMITS,
  type AuditAction,
  type AuditCheck,
  type AuditEntry,
  type LimitView,
  type VerifyResult,
} from '../ipc';
import * as ipc from '../ipc';
import { navBar } from './nav';
import type { Rendered, Screen, SessionContext } from './types';

/** How many audit entries show at first, and how many more each "Show more" adds. */
export const AUDIT_PAGE = 50;

export type BackupStatus = { state: 'saved'; path: string } | { state: 'cancelled' } | { state: 'failed' };
export type BackupCheck = { state: 'checked'; path: string; report: VerifyResult } | { state: 'cancelled' } | { state: 'failed' };
export type RetentionMode = 'forever' | 'limited';
type SafetyPart = 'backup' | 'check' | 'retention' | 'forget' | 'audit';

export const ids = {
  screen: 'safety',
  title: 'safety-title',
  backupTake: 'backup-take',
  backupStatus: 'backup-status',
  verifyStore: 'verify-store',
  storeReport: 'verify-result',
  verifyBackupForm: 'verify-backup-form',
  verifyBackupTitle: 'verify-backup-title',
  verifyBackupPassphrase: 'verify-backup-passphrase',
  verifyBackupSubmit: 'verify-backup-submit',
  verifyBackupStatus: 'verify-backup-status',
  verifyBackupResult: 'verify-backup-result',
  verifyBackupReport: 'verify-backup-report',
  retentionForm: 'retention-form',
  retentionMonths: 'retention-months',
  retentionSubmit: 'retention-submit',
  retentionCurrent: 'retention-current',
  retentionNotice: 'retention-notice',
  retentionConfirm: 'retention-confirm',
  retentionQuestion: 'retention-question',
  retentionYes: 'retention-confirm-yes',
  retentionCancel: 'retention-cancel',
  forgetForm: 'forget-form',
  forgetNumber: 'forget-number',
  forgetSubmit: 'forget-submit',
  forgetNotice: 'forget-notice',
  forgetBackups: 'forget-backups',
  forgetConfirm: 'forget-confirm',
  forgetQuestion: 'forget-question',
  forgetYes: 'forget-confirm-yes',
  forgetCancel: 'forget-cancel',
  auditShow: 'audit-show',
  auditVerify: 'audit-verify',
  auditCheck: 'audit-check',
  auditProblems: 'audit-problems',
  auditFingerprint: 'audit-fingerprint',
  auditList: 'audit-list',
  auditCount: 'audit-count',
  auditTable: 'audit-table',
  auditMore: 'audit-more',
  part: (part: SafetyPart) => `safety-${part}` as const,
  partTitle: (part: SafetyPart) => `safety-${part}-title` as const,
  retentionMode: (mode: RetentionMode) => `retention-${mode}` as const,
} as const;

/** The core's limit on the retention period, for the check before it is asked. */
export const RETENTION_LIMIT: LimitView = { field: 'retention_months', min: 1, max: LIMITS.retentionMonths };

/** The months typed for the retention period; null when they are not a whole number in range. */
export function checkRetentionMonths(typed: string): number | null {
  const digits = toLatinDigits(typed.trim());
  const months = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
  return months >= 1 && months <= RETENTION_LIMIT.max ? months : null;
}

/** Whether saving `months` (null: until forgotten) can destroy cases that `current` keeps. */
export function isShorter(months: number | null, current: number | null): boolean {
  return months !== null && (current === null || months < current);
}

function ltr(text: string, attributes: Record<string, string> = {}): HTMLElement {
  return el('bdi', { dir: 'ltr', ...attributes }, text);
}

function part(id: SafetyPart, title: MessageId, ...children: (Node | null)[]): HTMLElement {
  return el(
    'section',
    { id: ids.part(id), class: 'settings-part safety-part', 'aria-labelledby': ids.partTitle(id) },
    el('h3', { id: ids.partTitle(id) }, t(title)),
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


// --- checks -------------------------------------------------------------------------------

/** What a check found, in plain words: sound, or each damaged place and its record. */
export function verifyReport(id: string, result: VerifyResult): HTMLElement {
  const box = el('div', { id, class: 'verify-report', 'data-sound': result.sound ? 'yes' : 'no' });
  if (result.sound) {
    box.append(el('p', { class: 'notice' }, t('verify-sound', { count: result.sealedValuesChecked })));
    return box;
  }
  const damage = result.damaged.length > 0 || result.fileProblems.length > 0 || result.schemaChanges.length > 0;
  if (damage) box.append(el('p', { class: 'warning' }, t('verify-unsound', { count: result.damaged.length })));
  // Not damage: records a newer release wrote, which this one cannot read.
  if (result.newerFormat.length > 0) {
    box.append(el('p', { class: 'warning newer-format' }, t('verify-newer-format', { count: result.newerFormat.length })));
  }
  if (result.schemaChanges.length > 0) {
    box.append(
      el('p', { class: 'warning' }, t('verify-schema-changed')),
      el('ul', { class: 'schema-changes code' }, ...result.schemaChanges.map((line) => el('li', {}, ltr(line)))),
    );
  }
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
  if (damage) box.append(el('p', { class: 'hint' }, t('verify-advice')));
  return box;
}

function backupCheckResult(check: BackupCheck | null): HTMLElement | null {
  if (check === null) return null;
  if (check.state !== 'checked') {
    return el(
      'p',
      { id: ids.verifyBackupStatus, class: `status export-status ${check.state}`, role: 'status', 'data-state': check.state },
      t(check.state === 'cancelled' ? 'verify-backup-cancelled' : 'verify-backup-failed'),
    );
  }
  const report = verifyReport(ids.verifyBackupReport, check.report);
  report.prepend(el('p', { class: 'checked-file' }, ...formatNodes('verify-backup-checked', { path: ltr(check.path, { class: 'path' }) })));
  return el('div', { id: ids.verifyBackupResult, role: 'status' }, report);
}


// --- retention ----------------------------------------------------------------------------


// --- forgetting a case --------------------------------------------------------------------


// --- the audit trail ----------------------------------------------------------------------

function settingName(setting: string): string {
  return t('audit-setting', { setting });
}

/** One entry's action as a sentence in the UI language. */
export function auditSentence(action: AuditAction): string {
  switch (action.kind) {
    case 'signed_in':
    case 'recovery_code_used':
    case 'recovery_code_replaced':
    case 'key_slots_bound':
    case 'backup_taken':
    case 'passphrase_changed':
      return t(`audit-action-${action.kind}`);
    case 'case_opened':
    case 'case_forgotten':
    case 'case_forgotten_elsewhere':
    case 'follow_up_done':
      return t(`audit-action-${action.kind}`, { case: action.case });
    case 'forget_failed':
      return t('audit-action-forget_failed', { case: action.case, reason: action.reason });
    case 'call_corrected':
      return t('audit-action-call_corrected', { case: action.case, fields: action.fields.join(', ') });
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
    case 'sign_in_failed':
      return t('audit-action-sign_in_failed', { name: action.name, reason: action.reason, when: formatDateTime(action.attemptedAt) });
    case 'sign_in_reports_damaged':
      return t('audit-action-sign_in_reports_damaged', { unreadable: action.unreadable, replaced: action.keyReplaced ? 'yes' : 'no' });
  }
}

function auditCheckResult(check: AuditCheck): HTMLElement {
  const box = el('div', { id: ids.auditCheck, class: 'verify-report', role: 'status', 'data-sound': check.sound ? 'yes' : 'no' });
  if (check.sound) {
    box.append(el('p', { class: 'notice' }, t('audit-sound', { count: check.entriesChecked })));
  } else {
    box.append(
      el('p', { class: 'warning' }, t('audit-unsound')),
      el(
        'ul',
        { id: ids.auditProblems },
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
      el('p', { id: ids.auditFingerprint }, ...formatNodes('audit-fingerprint', { fingerprint: ltr(check.fingerprint, { class: 'code' }) })),
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
      { id: ids.auditTable, class: 'audit-table' },
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

/** Supervisors only: backups, checks, the retention period, forgetting a case, the audit trail. */
export class SafetyScreen implements Screen {
  private backupStatus: BackupStatus | null = null;
  private storeCheck: VerifyResult | null = null;
  private backupCheck: BackupCheck | null = null;
  private retentionMode: RetentionMode;
  /** A shorter period waiting for a yes. */
  private retentionConfirm: number | null = null;
  /** Saved: how many cases that destroyed at once. */
  private retentionDone: number | null = null;
  /** The case found for forgetting, waiting for a yes. */
  private forgetConfirm: { caseNumber: string; calls: number } | null = null;
  /** The case just forgotten, and when each backup that still holds it was taken. */
  private forgotten: { caseNumber: string; backups: string[] } | null = null;
  /** null until shown. */
  private audit: AuditEntry[] | null = null;
  private auditShown = AUDIT_PAGE;
  private auditCheck: AuditCheck | null = null;

  /** The retention choice starts from the settings, so they must have arrived. */
  constructor(private readonly ctx: SessionContext) {
    this.retentionMode = ctx.settings.retentionMonths === null ? 'forever' : 'limited';
  }

  /** Rust asks where to save (the native dialog) and writes the backup there. */
  private async takeBackup(): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.takeBackup(),
      done: (saved) => {
        this.backupStatus = saved ? { state: 'saved', path: saved.path } : { state: 'cancelled' };
      },
      drawn: () => this.ctx.focus(ids.backupTake),
      failed: () => {
        this.backupStatus = { state: 'failed' };
      },
    });
  }

  private async verifyStore(): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.verifyStore(),
      done: (result) => {
        this.storeCheck = result;
      },
      drawn: () => this.ctx.focus(ids.verifyStore),
    });
  }

  /** Rust asks for the file (the native dialog) and checks it with the supervisor's passphrase. */
  private async verifyBackup(passphrase: string): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.verifyBackup(passphrase),
      done: (checked) => {
        this.backupCheck = checked ? { state: 'checked', ...checked } : { state: 'cancelled' };
      },
      drawn: () => {
        this.ctx.empty([ids.verifyBackupPassphrase]);
        this.ctx.focus(ids.verifyBackupSubmit);
      },
      failed: (code) => {
        // A wrong passphrase says nothing about the file; anything else is the file's failure.
        this.backupCheck = code === 'wrong_passphrase' || code === 'passphrase_too_long' ? null : { state: 'failed' };
        return { field: ids.verifyBackupPassphrase, clear: [ids.verifyBackupPassphrase] };
      },
    });
  }

  private setRetentionMode(mode: RetentionMode): void {
    this.retentionMode = mode;
    this.retentionConfirm = null;
    this.ctx.redraw(this);
  }

  /** A shorter period (or a first one) destroys cases at once: it waits for a yes. */
  private async saveRetention(typed: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    let months: number | null = null;
    if (this.retentionMode === 'limited') {
      months = checkRetentionMonths(typed);
      if (months === null) {
        this.ctx.fail('out_of_range', ids.retentionMonths, [], RETENTION_LIMIT);
        return;
      }
    }
    this.retentionDone = null;
    if (isShorter(months, this.ctx.settings.retentionMonths)) {
      this.retentionConfirm = months;
      this.ctx.showError(null);
      this.ctx.redraw(this);
      this.ctx.focus(ids.retentionCancel);
      return;
    }
    await this.setRetention(months);
  }

  private async setRetention(months: number | null): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.setRetentionMonths(months),
      done: (run) => {
        this.ctx.updateSettings({ ...this.ctx.settings, retentionMonths: months });
        this.retentionMode = months === null ? 'forever' : 'limited';
        this.retentionConfirm = null;
        this.retentionDone = run.casesDestroyed;
      },
      drawn: () => this.ctx.focus(ids.retentionSubmit),
      failed: () => {
        this.retentionConfirm = null;
        return { field: ids.retentionMonths };
      },
    });
  }

  private cancelRetention(): void {
    this.retentionConfirm = null;
    this.ctx.redraw(this);
    this.ctx.focus(ids.retentionSubmit);
  }

  /** Finds the case first (the same parsing as the lookup), so the question names it and its calls. */
  private async findForForgetting(typed: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    if (typed.trim() === '') {
      this.ctx.fail('case_number_empty', ids.forgetNumber);
      return;
    }
    await this.ctx.tasks.run(this, {
      // The overview, not the history: asking is not opening the case, so no notes are read
      // and no "case opened" entry is written.
      ask: () => ipc.findCaseOverview(typed),
      done: (overview) => {
        this.forgotten = null;
        this.forgetConfirm = { caseNumber: overview.caseNumber, calls: overview.calls };
      },
      drawn: () => this.ctx.focus(ids.forgetCancel),
      failed: () => {
        this.forgetConfirm = null;
        return { field: ids.forgetNumber };
      },
    });
  }

  private async forget(caseNumber: string): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.forgetCase(caseNumber),
      done: (forgotten) => {
        this.forgetConfirm = null;
        this.forgotten = { caseNumber, backups: forgotten.backupsHoldingIt };
      },
      drawn: () => {
        this.ctx.empty([ids.forgetNumber]);
        this.ctx.focus(ids.forgetNumber);
      },
      failed: () => {
        this.forgetConfirm = null;
        return { field: ids.forgetNumber };
      },
    });
  }

  private cancelForgetting(): void {
    this.forgetConfirm = null;
    this.ctx.redraw(this);
    this.ctx.focus(ids.forgetNumber);
  }

  private async showAudit(): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.auditTrail(),
      done: (entries) => {
        this.audit = entries;
        this.auditShown = AUDIT_PAGE;
      },
      drawn: () => this.ctx.focus(ids.auditShow),
    });
  }

  private moreAudit(): void {
    this.auditShown += AUDIT_PAGE;
    this.ctx.redraw(this);
  }

  private async verifyAudit(): Promise<void> {
    await this.ctx.tasks.run(this, {
      ask: () => ipc.verifyAudit(),
      done: (check) => {
        this.auditCheck = check;
      },
      drawn: () => this.ctx.focus(ids.auditVerify),
    });
  }

  render(): Rendered {
    const title = el('h2', { id: ids.title, tabindex: '-1' }, t('safety-title'));
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'safety'),
      el(
        'section',
        { id: ids.screen, class: 'screen settings safety', 'aria-labelledby': ids.title },
        title,
        el('p', { class: 'intro' }, t('safety-intro')),
        this.backupPart(),
        this.checkPart(),
        this.retentionPart(),
        this.forgetPart(),
        this.auditPart(),
      ),
    );
    return { root, focus: title };
  }

  private backupPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const take = el('button', { id: ids.backupTake, type: 'button', disabled: busy }, t('backup-take'));
    take.addEventListener('click', () => void this.takeBackup());
    const status = this.backupStatus;
    return part(
      'backup',
      'safety-backup-title',
      el('p', { class: 'hint' }, t('backup-hint')),
      el('div', { class: 'actions' }, take),
      el(
        'p',
        { id: ids.backupStatus, class: `status export-status${status ? ` ${status.state}` : ''}`, role: 'status', 'data-state': status?.state },
        ...backupStatusText(status),
      ),
    );
  }

  private checkPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const verify = el('button', { id: ids.verifyStore, type: 'button', disabled: busy }, t('verify-store'));
    verify.addEventListener('click', () => void this.verifyStore());
    const passphrase = field(
      ids.verifyBackupPassphrase,
      t('verify-backup-passphrase-label'),
      { type: 'password', autocomplete: 'current-password' },
      t('verify-backup-passphrase-hint'),
    );
    const submit = el('button', { id: ids.verifyBackupSubmit, type: 'submit', class: 'secondary', disabled: busy }, t('verify-backup-submit'));
    const form = el(
      'form',
      { id: ids.verifyBackupForm, novalidate: true, 'aria-labelledby': ids.verifyBackupTitle },
      el('h4', { id: ids.verifyBackupTitle }, t('verify-backup-title')),
      passphrase.block,
      el('div', { class: 'actions' }, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.verifyBackup(passphrase.input.value);
    });
    return part(
      'check',
      'safety-check-title',
      el('p', { class: 'hint' }, t('verify-hint')),
      el('div', { class: 'actions' }, verify),
      this.storeCheck ? el('div', { role: 'status' }, verifyReport(ids.storeReport, this.storeCheck)) : null,
      form,
      backupCheckResult(this.backupCheck),
    );
  }

  private retentionPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const { retentionMonths } = this.ctx.settings;
    const option = (mode: RetentionMode, label: MessageId) => {
      const id = ids.retentionMode(mode);
      const radio = el('input', { id, name: 'retention-mode', type: 'radio', value: mode, disabled: busy });
      radio.checked = this.retentionMode === mode;
      radio.addEventListener('change', () => {
        if (radio.checked) this.setRetentionMode(mode);
      });
      return el('div', { class: 'check' }, radio, el('label', { for: id }, t(label)));
    };
    // Text, not type=number: a number input may refuse Arabic-Indic digits.
    const months = field(
      ids.retentionMonths,
      t('retention-months-label'),
      {
        type: 'text',
        inputmode: 'numeric',
        dir: 'ltr',
        autocomplete: 'off',
        maxlength: '3',
        class: 'short',
        disabled: this.retentionMode === 'forever',
      },
      t('retention-months-hint'),
    );
    months.input.value = retentionMonths === null ? '' : String(retentionMonths);
    const submit = el('button', { id: ids.retentionSubmit, type: 'submit', disabled: busy }, t('retention-submit'));
    const form = el(
      'form',
      { id: ids.retentionForm, novalidate: true },
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
      void this.saveRetention(months.input.value);
    });
    let confirm: HTMLElement | null = null;
    if (this.retentionConfirm !== null) {
      const chosen = this.retentionConfirm;
      const yes = el('button', { id: ids.retentionYes, type: 'button', class: 'danger', disabled: busy }, t('retention-confirm'));
      const no = el('button', { id: ids.retentionCancel, type: 'button', class: 'secondary' }, t('confirm-cancel'));
      yes.addEventListener('click', () => void this.setRetention(chosen));
      no.addEventListener('click', () => this.cancelRetention());
      confirm = el(
        'div',
        { id: ids.retentionConfirm, class: 'confirm', role: 'group', 'aria-labelledby': ids.retentionQuestion },
        el('p', { id: ids.retentionQuestion, class: 'warning' }, t('retention-question', { months: chosen })),
        el('div', { class: 'actions' }, no, yes),
      );
    }
    return part(
      'retention',
      'safety-retention-title',
      el('p', { class: 'hint' }, t('retention-hint')),
      el('p', { id: ids.retentionCurrent }, t('retention-current', { months: retentionMonths ?? 0 })),
      this.retentionDone !== null
        ? el('p', { id: ids.retentionNotice, class: 'notice', role: 'status' }, t('retention-saved', { cases: this.retentionDone }))
        : null,
      form,
      confirm,
    );
  }

  private forgetPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const number = field(
      ids.forgetNumber,
      t('lookup-label'),
      { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', dir: 'ltr', translate: 'no', class: 'case-number-input' },
      t('lookup-hint'),
    );
    const submit = el('button', { id: ids.forgetSubmit, type: 'submit', class: 'secondary', disabled: busy }, t('forget-submit'));
    const form = el('form', { id: ids.forgetForm, novalidate: true }, el('div', { class: 'inline-form' }, number.block, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.findForForgetting(number.input.value);
    });
    let confirm: HTMLElement | null = null;
    if (this.forgetConfirm) {
      const found = this.forgetConfirm;
      const yes = el('button', { id: ids.forgetYes, type: 'button', class: 'danger', disabled: busy }, t('forget-confirm'));
      const no = el('button', { id: ids.forgetCancel, type: 'button', class: 'secondary' }, t('confirm-cancel'));
      yes.addEventListener('click', () => void this.forget(found.caseNumber));
      no.addEventListener('click', () => this.cancelForgetting());
      confirm = el(
        'div',
        { id: ids.forgetConfirm, class: 'confirm', role: 'group', 'aria-labelledby': ids.forgetQuestion },
        el('p', { id: ids.forgetQuestion, class: 'warning' }, ...formatNodes('forget-question', { number: caseNumber(found.caseNumber) }, { calls: found.calls })),
        el('div', { class: 'actions' }, no, yes),
      );
    }
    return part(
      'forget',
      'safety-forget-title',
      el('p', { class: 'hint' }, t('forget-hint')),
      this.forgotten !== null
        ? el('p', { id: ids.forgetNotice, class: 'notice', role: 'status' }, ...formatNodes('forget-done', { number: caseNumber(this.forgotten.caseNumber) }))
        : null,
      // Backups are copies this computer cannot reach: say which still hold the case.
      this.forgotten !== null && this.forgotten.backups.length > 0
        ? el(
            'div',
            { id: ids.forgetBackups, class: 'warning', role: 'status' },
            el('p', {}, t('forget-backups', { count: this.forgotten.backups.length })),
            el('ul', { class: 'plain-list' }, ...this.forgotten.backups.map((at) => el('li', {}, t('forget-backup-taken', { when: formatDateTime(at) })))),
          )
        : null,
      form,
      confirm,
    );
  }

  private auditPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const show = el('button', { id: ids.auditShow, type: 'button', class: 'secondary', disabled: busy }, t(this.audit ? 'audit-refresh' : 'audit-show'));
    show.addEventListener('click', () => void this.showAudit());
    const verify = el('button', { id: ids.auditVerify, type: 'button', class: 'secondary', disabled: busy }, t('audit-verify'));
    verify.addEventListener('click', () => void this.verifyAudit());
    let list: HTMLElement | null = null;
    if (this.audit) {
      const entries = this.audit;
      const shown = Math.min(this.auditShown, entries.length);
      let more: HTMLElement | null = null;
      if (shown < entries.length) {
        const button = el('button', { id: ids.auditMore, type: 'button', class: 'secondary small', disabled: busy }, t('audit-more'));
        button.addEventListener('click', () => this.moreAudit());
        more = el('div', { class: 'actions' }, button);
      }
      list = el(
        'div',
        { id: ids.auditList },
        entries.length === 0
          ? el('p', { class: 'empty' }, t('audit-empty'))
          : el('p', { id: ids.auditCount, class: 'hint' }, t('audit-count', { shown, count: entries.length })),
        entries.length > 0 ? auditTable(entries, shown) : null,
        more,
      );
    }
    return part(
      'audit',
      'safety-audit-title',
      el('p', { class: 'hint' }, t('audit-hint')),
      el('div', { class: 'actions' }, show, verify),
      this.auditCheck ? auditCheckResult(this.auditCheck) : null,
      list,
    );
  }
}
