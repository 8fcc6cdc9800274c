// Supervisors only: this desk's place in the helpline (DESIGN §8). Its status (name, server
// without its password, changes waiting, position in the server's log) and Sync now; for a desk
// of its own, connecting it as the helpline's first; for a connected one, inviting a new desk
// with a one-time code, shown once.

import { el, field, userText } from '../dom';
import { formatCount } from '../format';
import { formatNodes, t } from '../i18n';
import * as ipc from '../ipc';
import type { InvitationView, SyncReport, SyncState, SyncStatusView } from '../ipc';
import { navBar } from './nav';
import { codeGroups } from './recovery';
import { syncLine } from './sync-state';
import type { Rendered, Screen, SessionContext } from './types';

type DesksPart = 'status' | 'connect' | 'invite';
/** What the screen is waiting for, to say it on the button that asked. */
type Busy = 'sync' | 'connect' | 'invite';

export const ids = {
  screen: 'desks',
  title: 'desks-title',
  part: (part: DesksPart) => `desks-${part}` as const,
  partTitle: (part: DesksPart) => `desks-${part}-title` as const,
  alone: 'desks-alone',
  details: 'desks-details',
  deskName: 'desks-desk-name',
  server: 'desks-server',
  pending: 'desks-pending',
  position: 'desks-position',
  state: 'desks-state',
  syncNow: 'desks-sync-now',
  syncReport: 'desks-sync-report',
  connectForm: 'desks-connect-form',
  address: 'desks-address',
  connectName: 'desks-connect-name',
  connectSubmit: 'desks-connect-submit',
  connectStatus: 'desks-connect-status',
  connected: 'desks-connected',
  inviteForm: 'desks-invite-form',
  inviteName: 'desks-invite-name',
  inviteSubmit: 'desks-invite-submit',
  inviteStatus: 'desks-invite-status',
  invitation: 'desks-invitation',
  invitationTitle: 'desks-invitation-title',
  invitationCode: 'desks-invitation-code',
  invitationDone: 'desks-invitation-done',
} as const;

/** The refusals that are about the server address (the field to correct). */
const ADDRESS_CODES: readonly ipc.ErrorCode[] = ['server_address_invalid', 'server_needs_tls', 'server_unreachable', 'server_refused'];

function part(id: DesksPart, title: Parameters<typeof t>[0], ...children: (Node | null)[]): HTMLElement {
  return el(
    'section',
    { id: ids.part(id), class: 'settings-part', 'aria-labelledby': ids.partTitle(id) },
    el('h3', { id: ids.partTitle(id) }, t(title)),
    ...children,
  );
}

function ltr(text: string, attributes: Record<string, string> = {}): HTMLElement {
  return el('bdi', { dir: 'ltr', translate: 'no', ...attributes }, text);
}

export class DesksScreen implements Screen {
  /** null until read (or when it could not be read: the error is in #error). */
  private status: SyncStatusView | null = null;
  private busy: Busy | null = null;
  /** What the last Sync now did. */
  private report: SyncReport | null = null;
  /** Just connected: say so once. */
  private justConnected = false;
  /** Shown once; it leaves memory with "I have passed it on" or with the screen. */
  private invitation: InvitationView | null = null;

  constructor(private readonly ctx: SessionContext) {}

  /** Reads this desk's status; drawn again when it arrives. */
  async load(): Promise<void> {
    await this.ctx.tasks.load(this, {
      ask: () => ipc.syncStatus(),
      done: (status) => {
        this.status = status;
      },
    });
  }

  /** A background sync went through: what waits and the position changed. */
  syncChanged(state: SyncState): void {
    if (state.state === 'synced' && !this.ctx.tasks.busy) void this.load();
    else this.ctx.redraw(this);
  }

  leave(): void {
    this.invitation = null;
  }

  private async syncNow(): Promise<void> {
    this.busy = 'sync';
    await this.ctx.tasks.run(this, {
      ask: () => ipc.syncNow(),
      done: (report) => {
        this.report = report;
        // The status after it: nothing waiting, a new position.
        return {
          ask: () => ipc.syncStatus(),
          done: (status: SyncStatusView) => void (this.status = status),
          drawn: () => this.ctx.focus(ids.syncNow),
        };
      },
      failed: () => {
        this.report = null;
      },
    });
    this.busy = null;
    this.ctx.redraw(this);
  }

  private async connect(address: string, deskName: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    // Fields in the order they appear.
    if (address.trim() === '') {
      this.ctx.fail('server_address_invalid', ids.address);
      return;
    }
    if (deskName.trim() === '') {
      this.ctx.fail('desk_name_empty', ids.connectName);
      return;
    }
    this.busy = 'connect';
    await this.ctx.tasks.run(this, {
      ask: () => ipc.connectDesk(address, deskName),
      done: (status) => {
        this.status = status;
        this.justConnected = true;
      },
      drawn: () => this.ctx.focus(ids.syncNow),
      // Anything else (the server holds another helpline already, say) is about no field.
      failed: (code) => (ADDRESS_CODES.includes(code) ? { field: ids.address } : undefined),
    });
    this.busy = null;
    this.ctx.redraw(this);
  }

  private async invite(deskName: string): Promise<void> {
    if (this.ctx.tasks.busy) return;
    if (deskName.trim() === '') {
      this.ctx.fail('desk_name_empty', ids.inviteName);
      return;
    }
    this.invitation = null;
    this.busy = 'invite';
    await this.ctx.tasks.run(this, {
      ask: () => ipc.inviteDesk(deskName),
      done: (invitation) => {
        this.invitation = invitation;
        this.justConnected = false;
      },
      drawn: () => {
        this.ctx.empty([ids.inviteName]);
        this.ctx.focus(ids.invitationDone);
      },
    });
    this.busy = null;
    this.ctx.redraw(this);
    // The invitation syncs first: the status changed too.
    if (this.invitation) void this.load();
  }

  private passedOn(): void {
    this.invitation = null;
    this.ctx.redraw(this);
    this.ctx.focus(ids.inviteName);
  }

  render(): Rendered {
    const title = el('h2', { id: ids.title, tabindex: '-1' }, t('desks-title'));
    const status = this.status;
    const root = el(
      'div',
      { class: 'unlocked' },
      navBar(this.ctx, 'desks'),
      el(
        'section',
        { id: ids.screen, class: 'screen settings desks', 'aria-labelledby': ids.title },
        title,
        el('p', { class: 'intro' }, t('desks-intro')),
        this.statusPart(status),
        status && !status.connected ? this.connectPart() : null,
        status?.connected ? this.invitePart() : null,
      ),
    );
    return { root, focus: title };
  }

  private statusPart(status: SyncStatusView | null): HTMLElement {
    if (status === null) return part('status', 'desks-status-title', el('p', { class: 'hint' }, t('loading')));
    if (!status.connected) {
      return part('status', 'desks-status-title', el('p', { id: ids.alone }, t('desks-alone')));
    }
    const running = this.busy === 'sync';
    const sync = el('button', { id: ids.syncNow, type: 'button', disabled: this.ctx.tasks.busy }, running ? t('sync-syncing') : t('desks-sync-now'));
    sync.addEventListener('click', () => void this.syncNow());
    const row = (label: Parameters<typeof t>[0], value: Node | string) => [el('dt', {}, t(label)), el('dd', {}, value)];
    const report = this.report;
    return part(
      'status',
      'desks-status-title',
      this.justConnected ? el('p', { id: ids.connected, class: 'notice', role: 'status' }, t('desks-connected')) : null,
      el(
        'dl',
        { id: ids.details, class: 'call-details' },
        ...row('desks-name', userText(status.deskName ?? '', { id: ids.deskName, dir: 'auto' })),
        ...row('desks-server', ltr(status.server ?? '', { id: ids.server, class: 'code' })),
        ...row('desks-pending', el('span', { id: ids.pending }, formatCount(status.pending))),
        ...row('desks-position', el('span', { id: ids.position }, formatCount(status.cursor))),
        ...row('desks-state', syncLine(ids.state, this.ctx.syncState, 'span') ?? el('span', { id: ids.state, class: 'sync-state' }, t('desks-state-off'))),
      ),
      el('div', { class: 'actions' }, sync),
      el(
        'p',
        { id: ids.syncReport, class: 'status', role: 'status' },
        report ? t('desks-sync-done', { count: report.pushed, calls: report.calls, cases: report.forgotten }) : '',
      ),
    );
  }

  private connectPart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    // The address holds the desks' password: typed like one, never shown or offered again.
    const address = field(
      ids.address,
      t('desks-address-label'),
      { type: 'password', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', dir: 'ltr' },
      t('desks-address-hint'),
    );
    const name = field(ids.connectName, t('desks-name-label'), { type: 'text', autocomplete: 'off', dir: 'auto', maxlength: '60' }, t('desks-name-hint'));
    const running = this.busy === 'connect';
    const submit = el('button', { id: ids.connectSubmit, type: 'submit', disabled: busy }, running ? t('desks-connecting') : t('desks-connect-submit'));
    const form = el(
      'form',
      { id: ids.connectForm, novalidate: true, 'aria-busy': running ? 'true' : undefined },
      address.block,
      name.block,
      el('div', { class: 'actions' }, submit),
      el('p', { id: ids.connectStatus, class: 'status', role: 'status' }, running ? t('desks-connecting') : ''),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.connect(address.input.value, name.input.value);
    });
    return part('connect', 'desks-connect-title', el('p', { class: 'hint' }, t('desks-connect-hint')), form);
  }

  private invitePart(): HTMLElement {
    const busy = this.ctx.tasks.busy;
    const name = field(ids.inviteName, t('desks-invite-name-label'), { type: 'text', autocomplete: 'off', dir: 'auto', maxlength: '60' }, t('desks-name-hint'));
    const running = this.busy === 'invite';
    const submit = el('button', { id: ids.inviteSubmit, type: 'submit', disabled: busy }, running ? t('desks-inviting-short') : t('desks-invite-submit'));
    const form = el(
      'form',
      { id: ids.inviteForm, novalidate: true, 'aria-busy': running ? 'true' : undefined },
      name.block,
      el('div', { class: 'actions' }, submit),
      el('p', { id: ids.inviteStatus, class: 'status', role: 'status' }, running ? t('desks-inviting') : ''),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.invite(name.input.value);
    });
    return part('invite', 'desks-invite-title', el('p', { class: 'hint' }, t('desks-invite-hint')), form, this.invitationBox());
  }

  /** The code in its groups, once, with what it is for and how it must travel. */
  private invitationBox(): HTMLElement | null {
    const invitation = this.invitation;
    if (!invitation) return null;
    const done = el('button', { id: ids.invitationDone, type: 'button', class: 'secondary' }, t('desks-invitation-done'));
    done.addEventListener('click', () => this.passedOn());
    return el(
      'div',
      { id: ids.invitation, class: 'invitation', role: 'group', 'aria-labelledby': ids.invitationTitle },
      el('h4', { id: ids.invitationTitle }, ...formatNodes('desks-invitation-title', { name: userText(invitation.deskName, { dir: 'auto' }) })),
      // Left to right and isolated, also in the Arabic UI, so its groups never reorder.
      el('p', { id: ids.invitationCode, class: 'recovery-code', dir: 'ltr', translate: 'no' }, ...codeGroups(invitation.code)),
      el('p', { class: 'warning' }, t('desks-invitation-once')),
      el('div', { class: 'actions' }, done),
    );
  }
}
