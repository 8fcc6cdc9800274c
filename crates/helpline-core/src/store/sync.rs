//! What this desk shares with the helpline's other desks (DESIGN §8), as the store sees it.
//!
//! Every desk of a helpline holds the same master key (a desk joins from a sealed snapshot of
//! another desk's store), so a row sealed at one desk opens at every other. A change therefore
//! travels as the rows it wrote, sealed as they are in the file: a finished call with its
//! case's row, or a case forgotten. The helpline's server never sees them: the sync layer
//! seals every change again under the helpline's sync key before it leaves the desk.
//!
//! - `sync_outbox`: changes written here and not yet acknowledged by the server, each sealed
//!   under the store sub-key and written in the transaction of the change itself, so a change
//!   is never lost between the write and the push.
//! - `sync_records`: which change (by its random id on the server) carried which case, so that
//!   forgetting a case can name every record of it that the server must delete. Its rows go
//!   with the case.
//! - the setting `sync`: the server, this desk's id, the sync keys, and how far the log has
//!   been read ([`SyncSettings`]).
//! - the setting `forgotten_cases`: the ids of cases forgotten anywhere, so that a call that
//!   arrives late from a desk that was offline is not filed on a case that no longer exists.

use chrono::{DateTime, Utc};
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::audit::{case_reference, AuditAction};
use super::case_rows::{
    checkpoint, destroy_case_rows, load_call, read_case_number, read_summary, recompute_summary,
    unwrap_case_key, write_summary, OpenedCase,
};
use super::sealed::{self, stored_as_itself, Cell, Stored};
use super::session::read_role;
use super::session::{settings_changed, Session, Write};
use super::sync_rows::{
    call_pending, case_state_pending, enqueue_change, enqueue_deletes, note_record, outbox_cell,
    records_of, CallRow, CaseRow, Change, ForgottenCases, Hex, OutboxEntry, SlotRow, UserRow,
};
use super::{month_counts, schema, settings, slot_owners};
use crate::case::CaseSummary;
use crate::crypto::{self, DeskKeys, KdfParams, SecretKey, SubKeys};
use crate::domain::{HelplineSettings, Month};
use crate::error::{Error, Result};

/// The file beside the store that holds this desk's own key-pair seed, sealed.
const DESK_KEY_FILE: &str = "desk-key";

/// How this desk reaches the helpline's server and how far it has read the server's log.
/// Kept sealed in the store; the sync layer (`helpline-sync`) gives it meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSettings {
    /// How to reach the server (a PostgreSQL connection string, with its password).
    pub server: String,
    /// The helpline's random id: every desk of it has the same one.
    pub helpline_id: String,
    /// This desk's random id, which the server sees beside every record it pushes.
    pub desk_id: String,
    /// The name a supervisor gave this desk ("Office", "Sara's laptop").
    pub desk_name: String,
    /// The last position in the server's log this desk has applied.
    pub cursor: i64,
    /// The sync keys by epoch (hex), newest last: every record is sealed under one of them.
    pub epoch_keys: Vec<(u32, String)>,
    /// Every desk of the helpline this desk has heard of, itself included.
    #[serde(default)]
    pub desks: Vec<KnownDesk>,
    /// This desk was removed from the helpline: it syncs no more.
    #[serde(default)]
    pub removed: bool,
    /// Changes two desks made to the same thing while apart, where this desk's own (later in
    /// the log once pushed) replaced the other's: for a supervisor to look at.
    #[serde(default)]
    pub conflicts: Vec<SyncConflict>,
}

/// Two desks changed one thing while apart; the one later in the server's log was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConflict {
    /// `case_state` (a case closed at one desk, reopened at another) or `settings`.
    pub what: String,
    /// A case's reference as the audit trail names it (never its number), for `case_state`.
    pub case: Option<String>,
    /// When this desk filed the other desk's change and found its own in the way.
    pub at: DateTime<Utc>,
}
stored_as_itself!(SyncSettings);

/// A desk as the others know it, from the sealed record it pushed when it joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownDesk {
    pub desk_id: String,
    pub name: String,
    /// Its public key (hex), which new sync keys are sealed to.
    pub public_key: String,
    pub removed: bool,
}

impl SyncSettings {
    /// Adds or updates a desk this desk has heard of; a removed desk stays removed.
    fn know(&mut self, desk: KnownDesk) {
        match self.desks.iter_mut().find(|d| d.desk_id == desk.desk_id) {
            Some(known) => {
                known.name = desk.name;
                known.public_key = desk.public_key;
                known.removed |= desk.removed;
            }
            None => self.desks.push(desk),
        }
    }

    /// What a new epoch's key is sealed to each desk with: it names the helpline and the epoch.
    pub fn envelope_context(&self, epoch: u32) -> Vec<u8> {
        crypto::place("sync_keys", &self.helpline_id, &epoch.to_string())
    }
}

/// A change on its way to the server: its random id there, what it carries (to be sealed by
/// the sync layer) and the records the server must delete with it (a forgotten case's).
#[derive(Debug, Clone)]
pub struct OutgoingChange {
    pub record_id: Vec<u8>,
    /// None for deletions alone: no record goes to the server.
    pub body: Option<Vec<u8>>,
    pub deletes: Vec<Vec<u8>>,
    /// The epoch to seal it under, when not the newest: a desk's removal goes under the key
    /// the remaining desks have, since it brings them the new one.
    pub epoch: Option<u32>,
}

/// A change another desk wrote, opened by the sync layer.
#[derive(Debug, Clone)]
pub struct IncomingChange {
    pub record_id: Vec<u8>,
    pub body: Vec<u8>,
}

/// What applying a batch of other desks' changes did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AppliedChanges {
    /// Finished calls filed (new ones, and corrections of calls this desk had).
    pub calls: u64,
    /// Cases forgotten at another desk and destroyed here.
    pub forgotten: u64,
    /// Records the server should delete (of forgotten cases, including calls that arrived
    /// after their case was forgotten): in the outbox now, for the next push.
    pub server_deletes: u64,
}

impl Session {
    /// How this desk reaches the helpline's server; None when it is a desk of its own.
    pub fn sync_settings(&self) -> Result<Option<SyncSettings>> {
        settings::read(self.conn(), &self.keys, settings::SYNC)
    }

    /// Connects this desk to a helpline's server, or records a new key or position
    /// (supervisors). From now on every finished call and every destroyed case is kept for
    /// the other desks until it is pushed.
    pub fn set_sync_settings(&mut self, new: &SyncSettings) -> Result<()> {
        self.require_supervisor()?;
        self.write(|w| {
            settings::write(w, w.keys, settings::SYNC, new)?;
            w.audit(AuditAction::SettingsChanged {
                setting: settings::SYNC.to_owned(),
            })
        })
    }

    /// This desk's own key pair, from a seed kept beside the store in `desk-key`, not in it: no
    /// invitation's snapshot and no backup carries it to another desk, so a removed desk can
    /// open no other desk's share of a new sync key. Sealed under the store sub-key, bound to
    /// this store; made at first use (again on a desk restored from a backup, which then
    /// announces its new key).
    pub fn desk_keys(&self) -> Result<DeskKeys> {
        let dir = self.store.path().parent().unwrap_or(Path::new("."));
        let file = dir.join(DESK_KEY_FILE);
        let place = crypto::place(
            "desk-key",
            &data_encoding::HEXLOWER.encode(&self.store.store_id()?),
            "seed",
        );
        match std::fs::read(&file) {
            Ok(sealed) => {
                let seed = crypto::open(&self.keys.store, &place, &sealed)
                    .and_then(|plain| SecretKey::from_hex(std::str::from_utf8(&plain).ok()?))
                    .ok_or_else(|| {
                        Error::Storage(format!(
                            "{} does not open with this store's keys; move it aside, and this desk makes a new one",
                            file.display()
                        ))
                    })?;
                Ok(DeskKeys::from_seed(&seed))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let seed = SecretKey::random();
                let sealed = crypto::seal(&self.keys.store, &place, seed.to_hex().as_bytes());
                let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
                std::io::Write::write_all(&mut temporary, &sealed)?;
                temporary.as_file().sync_all()?;
                temporary.persist(&file).map_err(|e| Error::from(e.error))?;
                Ok(DeskKeys::from_seed(&seed))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Whether the other desks know this desk by the key it has now.
    pub fn desk_announced(&self) -> Result<bool> {
        let Some(settings) = self.sync_settings()? else {
            return Ok(false);
        };
        let public = data_encoding::HEXLOWER.encode(&self.desk_keys()?.public_key());
        Ok(settings
            .desks
            .iter()
            .any(|d| d.desk_id == settings.desk_id && d.public_key == public))
    }

    /// Tells the other desks that this desk is one of them, with its name and public key
    /// (once connected or joined).
    pub fn announce_desk(&mut self) -> Result<()> {
        let desk_keys = self.desk_keys()?;
        self.write(|w| {
            let mut settings: SyncSettings = settings::read(w, w.keys, settings::SYNC)?
                .ok_or_else(|| Error::Storage("this desk is not connected to a server".into()))?;
            let me = KnownDesk {
                desk_id: settings.desk_id.clone(),
                name: settings.desk_name.clone(),
                public_key: data_encoding::HEXLOWER.encode(&desk_keys.public_key()),
                removed: false,
            };
            enqueue_change(
                w,
                w.keys,
                Change::Desk {
                    desk_id: me.desk_id.clone(),
                    name: me.name.clone(),
                    public_key: me.public_key.clone(),
                },
            )?;
            settings.know(me);
            settings::write(w, w.keys, settings::SYNC, &settings)
        })
    }

    /// Removes a desk from the helpline (supervisors): a new sync key, sealed to every other
    /// desk still in it, so that nothing written from now on opens at the removed one. The
    /// removal itself goes under the old key, which the others have. Answers the new epoch.
    pub fn remove_desk(&mut self, desk_id: &str) -> Result<u32> {
        self.require_supervisor()?;
        self.write(|w| {
            let mut settings: SyncSettings = settings::read(w, w.keys, settings::SYNC)?
                .ok_or_else(|| Error::Storage("this desk is not connected to a server".into()))?;
            if desk_id == settings.desk_id {
                return Err(Error::InvalidInput {
                    field: "desk",
                    reason: "a desk cannot remove itself; remove it from another desk".into(),
                });
            }
            if !settings
                .desks
                .iter()
                .any(|d| d.desk_id == desk_id && !d.removed)
            {
                return Err(Error::InvalidInput {
                    field: "desk",
                    reason: "there is no such desk in this helpline (or it was removed already)"
                        .into(),
                });
            }
            let epoch = settings
                .epoch_keys
                .iter()
                .map(|(e, _)| *e)
                .max()
                .unwrap_or(0)
                + 1;
            let key = SecretKey::random();
            let hex = key.to_hex();
            let context = settings.envelope_context(epoch);
            let mut envelopes = Vec::new();
            for desk in settings.desks.iter_mut() {
                if desk.desk_id == desk_id {
                    desk.removed = true;
                }
                if desk.removed || desk.desk_id == settings.desk_id {
                    continue;
                }
                let public = data_encoding::HEXLOWER
                    .decode(desk.public_key.as_bytes())
                    .ok()
                    .and_then(|pk| crypto::seal_to_desk(&pk, &context, hex.as_bytes()))
                    .ok_or_else(|| {
                        Error::Storage(format!("the key of desk {:?} is damaged", desk.name))
                    })?;
                envelopes.push((desk.desk_id.clone(), Hex(public)));
            }
            settings.epoch_keys.push((epoch, hex.to_string()));
            enqueue_change(
                w,
                w.keys,
                Change::DeskRemoved {
                    desk_id: desk_id.to_owned(),
                    epoch,
                    envelopes,
                },
            )?;
            settings::write(w, w.keys, settings::SYNC, &settings)?;
            w.audit(AuditAction::SettingsChanged {
                setting: "desks".to_owned(),
            })?;
            Ok(epoch)
        })
    }

    /// A supervisor has looked at the conflicts: they are cleared.
    pub fn clear_sync_conflicts(&mut self) -> Result<()> {
        self.require_supervisor()?;
        self.write(|w| {
            let Some(mut settings): Option<SyncSettings> =
                settings::read(w, w.keys, settings::SYNC)?
            else {
                return Ok(());
            };
            settings.conflicts.clear();
            settings::write(w, w.keys, settings::SYNC, &settings)
        })
    }

    /// Takes on the settings an invitation gave this desk, which was just made from its
    /// snapshot: any user who signed in may, since a supervisor made the invitation.
    pub fn join_with(&mut self, joined: &SyncSettings) -> Result<()> {
        self.write(|w| {
            settings::write(w, w.keys, settings::SYNC, joined)?;
            w.audit(AuditAction::SettingsChanged {
                setting: settings::SYNC.to_owned(),
            })
        })
    }

    /// A desk restored from a backup is a new desk: it gets a new id (and a new key pair, when
    /// its `desk-key` did not come with it), so that what the old one pushed after the backup
    /// reaches it like any other desk's, and the two never push as one.
    pub fn become_new_desk(&mut self, desk_id: &str) -> Result<()> {
        self.write(|w| {
            let Some(mut settings): Option<SyncSettings> =
                settings::read(w, w.keys, settings::SYNC)?
            else {
                return Ok(());
            };
            settings.desk_id = desk_id.to_owned();
            settings::write(w, w.keys, settings::SYNC, &settings)
        })?;
        self.announce_desk()
    }

    /// A new address for the helpline's server (supervisors): after `helpline server init`
    /// gave the desks' role a new password, or the server moved.
    pub fn set_server_address(&mut self, address: &str) -> Result<()> {
        self.require_supervisor()?;
        self.write(|w| {
            let mut settings: SyncSettings = settings::read(w, w.keys, settings::SYNC)?
                .ok_or_else(|| Error::Storage("this desk is not connected to a server".into()))?;
            settings.server = address.to_owned();
            settings::write(w, w.keys, settings::SYNC, &settings)?;
            w.audit(AuditAction::SettingsChanged {
                setting: settings::SYNC.to_owned(),
            })
        })
    }

    /// Changes written here that the server has not acknowledged, oldest first.
    pub fn outbox(&self) -> Result<Vec<OutgoingChange>> {
        let mut statement = self
            .conn()
            .prepare("SELECT id, record_id, change FROM sync_outbox")?;
        let rows = statement
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut entries = rows
            .into_iter()
            .map(|(id, record_id, sealed_entry)| {
                let entry: OutboxEntry =
                    sealed::open_record(&self.keys.store, &outbox_cell(id), &sealed_entry)?;
                Ok((entry, record_id))
            })
            .collect::<Result<Vec<_>>>()?;
        // Oldest first: a correction after the call it corrects.
        entries.sort_by_key(|(entry, _)| entry.written_at);
        entries
            .into_iter()
            .map(|(entry, record_id)| {
                let body = entry
                    .change
                    .as_ref()
                    .map(|change| {
                        let mut body = vec![Change::FORMAT];
                        body.extend(change.encode().map_err(|e| Error::Storage(e.to_string()))?);
                        Ok::<_, Error>(body)
                    })
                    .transpose()?;
                let epoch = match &entry.change {
                    Some(Change::DeskRemoved { epoch, .. }) => Some(epoch.saturating_sub(1)),
                    _ => None,
                };
                Ok(OutgoingChange {
                    record_id,
                    body,
                    deletes: entry.deletes.into_iter().map(|Hex(id)| id).collect(),
                    epoch,
                })
            })
            .collect()
    }

    /// The server holds these changes now: they leave the outbox.
    pub fn pushed(&mut self, record_ids: &[Vec<u8>]) -> Result<()> {
        self.write(|w| {
            for record_id in record_ids {
                w.execute("DELETE FROM sync_outbox WHERE record_id = ?1", [record_id])?;
            }
            Ok(())
        })
    }

    /// Files other desks' changes, in the order of the server's log, and moves the position
    /// read to `cursor`, all in one transaction: a batch is applied whole or not at all, so a
    /// desk killed mid-pull reads it again. A change already applied (or this desk's own) is
    /// skipped, so reading one twice changes nothing.
    pub fn apply_changes(
        &mut self,
        incoming: &[IncomingChange],
        cursor: i64,
    ) -> Result<AppliedChanges> {
        let mut applied = AppliedChanges::default();
        let desk_keys = self.desk_keys()?;
        let destroyed = self.write(|w| {
            let mut settings: SyncSettings = settings::read(w, w.keys, settings::SYNC)?
                .ok_or_else(|| Error::Storage("this desk is not connected to a server".into()))?;
            let mut forgotten: ForgottenCases =
                settings::read(w, w.keys, settings::FORGOTTEN_CASES)?.unwrap_or_default();
            let mut destroyed = 0;
            let mut deletes = Vec::new();
            for change in incoming {
                let seen: bool = w
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM sync_records WHERE record_id = ?1)",
                    )?
                    .query_row([&change.record_id], |r| r.get(0))?;
                if seen {
                    continue;
                }
                match decode_change(&change.body)? {
                    Change::Call { case, call } => {
                        if forgotten.0.contains(&case.id) {
                            deletes.push(change.record_id.clone());
                            continue;
                        }
                        let (case_id, call_id) = (case.id, call.id);
                        if file_call(w, w.keys, case, call)? {
                            applied.calls += 1;
                        }
                        note_record(w, &change.record_id, case_id, Some(call_id))?;
                    }
                    Change::CaseState {
                        case_id,
                        open,
                        follow_up_done_at,
                    } => {
                        if file_case_state(w, case_id, open, follow_up_done_at)? {
                            settings.conflicts.push(SyncConflict {
                                what: "case_state".into(),
                                case: Some(case_reference(case_id)),
                                at: Utc::now(),
                            });
                        }
                    }
                    Change::Settings { value } => {
                        if file_settings(w, &value)? {
                            settings.conflicts.push(SyncConflict {
                                what: "settings".into(),
                                case: None,
                                at: Utc::now(),
                            });
                        }
                    }
                    Change::Slot { user, slot } => {
                        if file_slot(w, user, slot)? {
                            settings.conflicts.push(SyncConflict {
                                what: "users".into(),
                                case: None,
                                at: Utc::now(),
                            });
                        }
                    }
                    Change::UserRemoved { user_id } => {
                        w.execute("DELETE FROM users WHERE id = ?1", [user_id])?;
                        slot_owners::unbind_user(w, w.keys, user_id)?;
                    }
                    Change::Desk {
                        desk_id,
                        name,
                        public_key,
                    } => {
                        settings.know(KnownDesk {
                            desk_id,
                            name,
                            public_key,
                            removed: false,
                        });
                    }
                    Change::DeskRemoved {
                        desk_id,
                        epoch,
                        envelopes,
                    } => {
                        if let Some(known) =
                            settings.desks.iter_mut().find(|d| d.desk_id == desk_id)
                        {
                            known.removed = true;
                        }
                        if desk_id == settings.desk_id {
                            settings.removed = true;
                        } else if let Some((_, sealed)) =
                            envelopes.iter().find(|(id, _)| *id == settings.desk_id)
                        {
                            let key = desk_keys
                                .open(&settings.envelope_context(epoch), &sealed.0)
                                .and_then(|bytes| String::from_utf8(bytes).ok())
                                .filter(|hex| SecretKey::from_hex(hex).is_some())
                                .ok_or(Error::SyncChangeDamaged)?;
                            if !settings.epoch_keys.iter().any(|(e, _)| *e == epoch) {
                                settings.epoch_keys.push((epoch, key));
                            }
                        }
                    }
                    Change::Forgotten { case_id } => {
                        forgotten.0.insert(case_id);
                        let wrapped: Option<Vec<u8>> = w
                            .query_row(
                                "SELECT wrapped_key FROM cases WHERE id = ?1",
                                [case_id],
                                |r| r.get(0),
                            )
                            .optional()?;
                        if let Some(wrapped) = wrapped {
                            deletes.extend(records_of(w, case_id)?);
                            let case = OpenedCase {
                                id: case_id,
                                key: unwrap_case_key(w.keys, case_id, &wrapped)?,
                            };
                            if destroyed == 0 {
                                schema::check(w)?;
                            }
                            destroy_case_rows(w, w.keys, &case)?;
                            w.audit(AuditAction::CaseForgottenElsewhere {
                                case: case_reference(case_id),
                            })?;
                            destroyed += 1;
                            applied.forgotten += 1;
                        }
                    }
                }
            }
            applied.server_deletes = deletes.len() as u64;
            enqueue_deletes(w, w.keys, deletes)?;
            settings::write(w, w.keys, settings::FORGOTTEN_CASES, &forgotten)?;
            settings.cursor = cursor;
            settings::write(w, w.keys, settings::SYNC, &settings)?;
            Ok(destroyed)
        })?;
        if destroyed > 0 {
            checkpoint(self.conn())?;
        }
        Ok(applied)
    }
}

/// Files another desk's close, reopen or follow-up mark. The log decides: a change of this
/// case's state made here and not pushed yet is later than anything pulled now, so it stays
/// (true: a conflict, when the two disagree). A follow-up marked done stays done at the later
/// of the two marks. A case this desk does not hold (forgotten, say) is left alone.
fn file_case_state(
    w: &Write<'_>,
    case_id: i64,
    open: bool,
    follow_up_done_at: Option<DateTime<Utc>>,
) -> Result<bool> {
    let Some(wrapped) = w
        .query_row(
            "SELECT wrapped_key FROM cases WHERE id = ?1",
            [case_id],
            |r| r.get::<_, Vec<u8>>(0),
        )
        .optional()?
    else {
        return Ok(false);
    };
    let case = OpenedCase {
        id: case_id,
        key: unwrap_case_key(w.keys, case_id, &wrapped)?,
    };
    let mut summary = read_summary(w, &case)?;
    let pending = case_state_pending(w, case_id)?;
    let conflict = pending && summary.open != open;
    if !pending {
        summary.open = open;
    }
    summary.follow_up_done_at = summary.follow_up_done_at.max(follow_up_done_at);
    write_summary(w, &case, &summary)?;
    recompute_summary(w, &case)?;
    Ok(conflict)
}

/// Files another desk's settings, unless this desk changed them too and has not pushed that
/// yet (true: a conflict; this desk's are later in the log and replace the others' everywhere).
/// What arrives must open as this helpline's settings, or nothing changes.
fn file_settings(w: &Write<'_>, value: &[u8]) -> Result<bool> {
    if settings_pending(w, w.keys)? {
        return Ok(true);
    }
    let before: HelplineSettings = settings::read_kept(w, w.keys, settings::HELPLINE)?;
    w.execute(
        "UPDATE settings SET value = ?1 WHERE name = ?2",
        params![value, settings::HELPLINE],
    )?;
    let after: HelplineSettings =
        settings::read_kept(w, w.keys, settings::HELPLINE).map_err(|_| Error::SyncChangeDamaged)?;
    for setting in settings_changed(Some(&before), &after)? {
        w.audit(AuditAction::SettingsChanged { setting })?;
    }
    Ok(false)
}

/// Whether this desk's own settings change waits in the outbox.
fn settings_pending(conn: &rusqlite::Connection, keys: &SubKeys) -> Result<bool> {
    pending(conn, keys, |change| {
        matches!(change, Change::Settings { .. })
    })
}

/// Whether a change of this desk's that `is_it` picks waits in the outbox (the outbox is
/// short: what was written since the last push).
fn pending(
    conn: &rusqlite::Connection,
    keys: &SubKeys,
    is_it: impl Fn(&Change) -> bool,
) -> Result<bool> {
    let mut statement = conn.prepare_cached("SELECT id, change FROM sync_outbox")?;
    let rows = statement
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, sealed_entry) in rows {
        let entry: OutboxEntry = sealed::open_record(&keys.store, &outbox_cell(id), &sealed_entry)?;
        if entry.change.as_ref().is_some_and(&is_it) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Files another desk's key slot and its user's row. The log decides, as for settings: this
/// desk's own change of the same slot, not pushed yet, stays (true: a conflict). A user of the
/// same name with another id (added at two desks while apart) is a conflict too, and the
/// other desk's is not filed. What arrives must open as this helpline's: the role under its
/// user, the slot's record of its owner.
fn file_slot(w: &Write<'_>, user: Option<UserRow>, slot: SlotRow) -> Result<bool> {
    let same_slot = |change: &Change| match change {
        Change::Slot { slot: mine, .. } => mine.kind == slot.kind && mine.user_id == slot.user_id,
        _ => false,
    };
    if pending(w, w.keys, same_slot)? {
        return Ok(true);
    }
    if !KdfParams::is_sane(&KdfParams {
        memory_kib: u32::try_from(slot.kdf_memory_kib).map_err(|_| Error::SyncChangeDamaged)?,
        iterations: u32::try_from(slot.kdf_iterations).map_err(|_| Error::SyncChangeDamaged)?,
        parallelism: u32::try_from(slot.kdf_parallelism).map_err(|_| Error::SyncChangeDamaged)?,
    }) {
        return Err(Error::SyncChangeDamaged);
    }
    if let Some(user) = &user {
        if slot.user_id != Some(user.id) || slot.kind != "user" {
            return Err(Error::SyncChangeDamaged);
        }
        let same_name: Option<i64> = w
            .query_row(
                "SELECT id FROM users WHERE name = ?1 AND id != ?2",
                params![user.name, user.id],
                |r| r.get(0),
            )
            .optional()?;
        if same_name.is_some() {
            return Ok(true);
        }
        w.execute(
            "INSERT INTO users (id, name, role) VALUES (?1, ?2, ?3) \
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role",
            params![user.id, user.name, user.role],
        )?;
        read_role(w, w.keys, user.id).map_err(|_| Error::SyncChangeDamaged)?;
    } else if slot.kind != "recovery" || slot.user_id.is_some() {
        return Err(Error::SyncChangeDamaged);
    }
    let replaced: Option<i64> = w
        .query_row(
            "SELECT id FROM key_slots WHERE kind = ?1 AND user_id IS ?2",
            params![slot.kind, slot.user_id],
            |r| r.get(0),
        )
        .optional()?;
    if replaced.is_some() {
        w.execute(
            "UPDATE key_slots SET id = ?1, kdf_memory_kib = ?2, kdf_iterations = ?3, kdf_parallelism = ?4, \
             salt = ?5, wrapped_master_key = ?6 WHERE kind = ?7 AND user_id IS ?8",
            params![slot.id, slot.kdf_memory_kib, slot.kdf_iterations, slot.kdf_parallelism, slot.salt, slot.wrapped_master_key, slot.kind, slot.user_id],
        )?;
    } else {
        w.execute(
            "INSERT INTO key_slots (id, kind, user_id, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_master_key) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![slot.id, slot.kind, slot.user_id, slot.kdf_memory_kib, slot.kdf_iterations, slot.kdf_parallelism, slot.salt, slot.wrapped_master_key],
        )?;
    }
    slot_owners::bind(w, w.keys, slot.id, replaced)?;
    Ok(false)
}

fn decode_change(body: &[u8]) -> Result<Change> {
    let damaged = || Error::SyncChangeDamaged;
    let (&format, json) = body.split_first().ok_or_else(damaged)?;
    if format > Change::FORMAT {
        return Err(Error::SyncChangeNewer { format });
    }
    Change::decode(format, json).ok_or_else(damaged)
}

/// Files a call from another desk on its case, creating the case's row when this desk has
/// not seen it, and checks that what arrived opens and holds together before it is kept.
/// A correction of a call this desk has also corrected, and not pushed yet, is not filed:
/// ours is later in the log once pushed, and wins on every desk. False when nothing changed.
fn file_call(w: &Write<'_>, keys: &SubKeys, case: CaseRow, call: CallRow) -> Result<bool> {
    let known: Option<i64> = w
        .query_row(
            "SELECT id FROM cases WHERE number_index = ?1",
            [&case.number_index],
            |r| r.get(0),
        )
        .optional()?;
    let opened = OpenedCase {
        id: case.id,
        key: unwrap_case_key(keys, case.id, &case.wrapped_key)
            .map_err(|_| Error::SyncChangeDamaged)?,
    };
    match known {
        Some(id) if id == case.id => {}
        Some(_) => return Err(Error::CaseNumberCollision),
        None => {
            w.execute(
                "INSERT INTO cases (id, number_index, wrapped_key, number, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    case.id,
                    case.number_index,
                    case.wrapped_key,
                    case.number,
                    sealed::seal_record(&opened.key, &Cell::of("cases", case.id, "summary"), &CaseSummary::new())?,
                ],
            )?;
        }
    }
    let month: Month = call.month.parse().map_err(|_| Error::SyncChangeDamaged)?;
    let existing: Option<i64> = w
        .query_row("SELECT case_id FROM calls WHERE id = ?1", [call.id], |r| {
            r.get(0)
        })
        .optional()?;
    match existing {
        Some(case_id) if case_id != case.id => return Err(Error::SyncChangeDamaged),
        Some(_) if call_pending(w, call.id)? => return Ok(false),
        Some(_) => {
            w.execute(
                "UPDATE calls SET details = ?1, notes = ?2 WHERE id = ?3",
                params![call.details, call.notes, call.id],
            )?;
        }
        None => {
            w.execute(
                "INSERT INTO calls (id, case_id, month, details, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![call.id, case.id, call.month, call.details, call.notes],
            )?;
        }
    }
    // What arrived must open under this helpline's keys and hold its own month, or it is not
    // kept: the transaction rolls back.
    load_call(w, keys, call.id).map_err(|_| Error::SyncChangeDamaged)?;
    read_case_number(w, &opened).map_err(|_| Error::SyncChangeDamaged)?;
    month_counts::forget_from(w, month)?;
    recompute_summary(w, &opened)?;
    Ok(true)
}
