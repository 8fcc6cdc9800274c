//! What an unlocked store can do. A [`Session`] holds the master key and its sub-keys; they are
//! wiped when the session is dropped or locked.

use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use serde::Serialize;

use super::audit::{self, AuditAction, AuditEntry, AuditReport};
use super::sealed::{self, Cell};
use super::settings;
use super::sign_in_reports;
use super::slot_owners;
use super::sync_rows;
use super::user_names;
use super::verify::{self, DamagedPlace};
use super::{check_user_name, write_slot, Store};
use crate::crypto::{Passphrase, RecoveryCode, SecretKey, SlotSecret, SubKeys};
use crate::domain::{
    check_referrals, Code, HelplineSettings, Role, MAX_IDLE_LOCK_MINUTES, MAX_RETENTION_MONTHS,
    MAX_TRANSIT_COUNTRIES,
};
use crate::error::{Error, Result};

pub struct Session {
    pub(super) store: Store,
    master: SecretKey,
    pub(super) keys: SubKeys,
    pub(super) user_id: i64,
    pub(super) user_name: String,
    role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    pub name: String,
    pub role: Role,
}

/// What `verify` found: how many sealed values it opened, which did not authenticate, and which
/// are records in a format newer than this build reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub sqlite_integrity: Vec<String>,
    /// How the file's schema differs from the one Helpline makes (tables, triggers, views or
    /// indexes added, removed or changed), in words; empty when it is Helpline's own.
    pub schema_changes: Vec<String>,
    pub sealed_values_checked: usize,
    pub damaged: Vec<DamagedPlace>,
    /// Not damage: written by a newer release, whose app reads them.
    pub newer_format: Vec<DamagedPlace>,
    /// The audit trail's check, for supervisors (None for a volunteer's session).
    pub audit: Option<AuditReport>,
}

impl VerifyReport {
    pub fn is_sound(&self) -> bool {
        self.damaged.is_empty()
            && self.schema_changes.is_empty()
            && self.newer_format.is_empty()
            && self.sqlite_integrity == ["ok"]
            && self.audit.as_ref().is_none_or(AuditReport::is_sound)
    }
}

/// An open write transaction of a session, for a change and the audit entry that records it,
/// which commit together or not at all.
pub(super) struct Write<'a> {
    pub tx: Transaction<'a>,
    pub keys: &'a SubKeys,
    user: &'a str,
}

impl Write<'_> {
    /// Records `action` by the session's user, in this transaction.
    pub fn audit(&self, action: AuditAction) -> Result<()> {
        audit::append(&self.tx, self.keys, self.user, action)
    }

    /// Enters the failed sign-ins reported since the last session in the audit trail.
    pub fn enter_sign_in_reports(&self) -> Result<()> {
        for action in sign_in_reports::take(&self.tx, self.keys)? {
            self.audit(action)?;
        }
        Ok(())
    }

    /// Gives a store from before slots had recorded owners that record, at its first sign-in.
    pub(super) fn bind_key_slots_once(&self) -> Result<()> {
        if slot_owners::recorded(&self.tx, self.keys)? {
            return Ok(());
        }
        slot_owners::bind_all(&self.tx, self.keys)?;
        self.audit(AuditAction::KeySlotsBound)
    }

    pub fn commit(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}

impl std::ops::Deref for Write<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

impl Session {
    pub(super) fn new(
        store: Store,
        master: SecretKey,
        user_id: i64,
        user_name: String,
        role: Role,
    ) -> Self {
        let keys = SubKeys::derive(&master);
        Session {
            store,
            master,
            keys,
            user_id,
            user_name,
            role,
        }
    }

    pub fn user_name(&self) -> &str {
        &self.user_name
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// Drops the keys and gives back the locked store.
    pub fn lock(self) -> Store {
        let Session { store, .. } = self;
        store
    }

    pub(super) fn require_supervisor(&self) -> Result<()> {
        self.require(Role::Supervisor)
    }

    fn require(&self, role: Role) -> Result<()> {
        if role == Role::Supervisor && self.role != Role::Supervisor {
            return Err(Error::NotAllowed { needed: role });
        }
        Ok(())
    }

    pub(super) fn conn(&self) -> &Connection {
        &self.store.conn
    }

    /// Runs `work` in an immediate (write) transaction and commits what it did, with any audit
    /// entry it wrote; nothing of it when it fails. A session's connection is never inside
    /// another transaction when one of its methods starts (every transaction is opened and
    /// closed within one method), so this cannot nest, and `&self` is enough.
    pub(super) fn write<T>(&self, work: impl FnOnce(&Write<'_>) -> Result<T>) -> Result<T> {
        let write = self.begin_write()?;
        let value = work(&write)?;
        write.commit()?;
        Ok(value)
    }

    /// A write transaction that outlives one call (publishing); dropped uncommitted, it
    /// writes nothing.
    pub(super) fn begin_write(&self) -> Result<Write<'_>> {
        Ok(Write {
            tx: Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate)?,
            keys: &self.keys,
            user: &self.user_name,
        })
    }

    /// Appends one entry for the session's user, in a transaction of its own.
    pub(super) fn audited(&self, action: AuditAction) -> Result<()> {
        self.write(|w| w.audit(action))
    }

    // ---- audit trail ----

    /// The audit trail, newest first (supervisors). An entry that does not open is left out
    /// here; [`Session::verify_audit`] is what reports damage.
    pub fn audit_trail(&self) -> Result<Vec<AuditEntry>> {
        self.require_supervisor()?;
        audit::entries(self.conn(), &self.keys)
    }

    /// Checks the whole trail (supervisors): every entry opens, each follows from the one
    /// before, none is missing, and the head matches the last.
    pub fn verify_audit(&self) -> Result<AuditReport> {
        self.require_supervisor()?;
        audit::verify(self.conn(), &self.keys)
    }

    // ---- users ----

    pub fn add_user(&mut self, name: &str, role: Role, passphrase: &Passphrase) -> Result<()> {
        self.require(Role::Supervisor)?;
        check_user_name(name)?;
        self.write(|w| {
            if let Some(existing) = user_names::taken_by(w, name)? {
                return Err(Error::UserExists(existing));
            }
            let user_id = insert_user(w, w.keys, name, role)?;
            let store_id =
                w.query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| {
                    r.get::<_, Vec<u8>>(0)
                })?;
            write_slot(
                w,
                &store_id,
                Some(user_id),
                &SlotSecret::Passphrase(passphrase),
                &self.master,
            )?;
            w.audit(AuditAction::UserAdded {
                name: name.to_owned(),
                role,
            })
        })
    }

    /// Removes a user and their key slot; no data is re-encrypted. Only supervisors remove users
    /// and never themselves, so a store always keeps at least one supervisor.
    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        self.require(Role::Supervisor)?;
        self.write(|w| {
            let (user_id, name) = user_names::find_user(w, name)?
                .ok_or_else(|| Error::UnknownUser(name.to_owned()))?;
            if user_id == self.user_id {
                return Err(Error::InvalidInput {
                    field: "user",
                    reason: "you cannot remove yourself; ask another supervisor".into(),
                });
            }
            w.execute("DELETE FROM users WHERE id = ?1", [user_id])?;
            slot_owners::unbind_user(w, w.keys, user_id)?;
            sync_rows::share_user_removed(w, w.keys, user_id)?;
            w.audit(AuditAction::UserRemoved { name })
        })
    }

    /// Changes the session user's own passphrase. The current one is asked again, so an
    /// unattended unlocked screen is not enough to take over an account.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        let opened = self
            .store
            .open_slot(
                "user_id = ?1",
                params![self.user_id],
                &SlotSecret::Passphrase(current),
            )?
            .ok_or(Error::WrongPassphrase)?;
        drop(opened);
        self.set_own_passphrase(new, AuditAction::PassphraseChanged)
    }

    /// Replaces the recovery code (supervisors), for when the paper it was written on is lost
    /// or was seen. The supervisor's passphrase is asked again, as for changing it. The old code
    /// opens nothing in this store any more; it still opens the backups taken before.
    pub fn replace_recovery_code(&mut self, current: &Passphrase) -> Result<RecoveryCode> {
        self.require(Role::Supervisor)?;
        self.store
            .open_slot(
                "user_id = ?1",
                params![self.user_id],
                &SlotSecret::Passphrase(current),
            )?
            .ok_or(Error::WrongPassphrase)?;
        let code = RecoveryCode::random();
        let store_id = self.store.store_id()?;
        self.write(|w| {
            write_slot(
                w,
                &store_id,
                None,
                &SlotSecret::Recovery(&code),
                &self.master,
            )?;
            w.audit(AuditAction::RecoveryCodeReplaced)
        })?;
        Ok(code)
    }

    /// Rewrites the session user's key slot for `new` and records `why`, in one transaction.
    pub(super) fn set_own_passphrase(&self, new: &Passphrase, why: AuditAction) -> Result<()> {
        let store_id = self.store.store_id()?;
        self.write(|w| {
            write_slot(
                w,
                &store_id,
                Some(self.user_id),
                &SlotSecret::Passphrase(new),
                &self.master,
            )?;
            w.audit(why)
        })
    }

    /// Gives another user a fresh passphrase (supervisors): for a volunteer who forgot theirs.
    /// Only that user's key slot is rewritten.
    pub fn reset_passphrase(&mut self, name: &str, passphrase: &Passphrase) -> Result<()> {
        self.require(Role::Supervisor)?;
        let (user_id, name) = user_names::find_user(self.conn(), name)?
            .ok_or_else(|| Error::UnknownUser(name.to_owned()))?;
        let store_id = self.store.store_id()?;
        self.write(|w| {
            write_slot(
                w,
                &store_id,
                Some(user_id),
                &SlotSecret::Passphrase(passphrase),
                &self.master,
            )?;
            w.audit(AuditAction::PassphraseReset { name })
        })
    }

    pub fn users(&self) -> Result<Vec<UserSummary>> {
        self.require(Role::Supervisor)?;
        list_users(self.conn(), &self.keys)
    }

    // ---- settings ----

    /// The helpline's settings; every user reads them (the call screen needs the lists).
    pub fn settings(&self) -> Result<HelplineSettings> {
        settings::read_kept(self.conn(), &self.keys, settings::HELPLINE)
    }

    /// Replaces the helpline's settings (supervisors).
    pub fn set_settings(&mut self, new: &HelplineSettings) -> Result<()> {
        self.require(Role::Supervisor)?;
        check_referrals(&new.referrals)?;
        if new.transit_countries.len() > MAX_TRANSIT_COUNTRIES {
            return Err(Error::TooMany {
                field: "transit_countries",
                max: MAX_TRANSIT_COUNTRIES,
            });
        }
        if !(1..=MAX_IDLE_LOCK_MINUTES).contains(&new.idle_lock_minutes) {
            return Err(Error::OutOfRange {
                field: "idle_lock_minutes",
                min: 1,
                max: u64::from(MAX_IDLE_LOCK_MINUTES),
            });
        }
        if new
            .retention_months
            .is_some_and(|m| !(1..=MAX_RETENTION_MONTHS).contains(&m))
        {
            return Err(Error::OutOfRange {
                field: "retention_months",
                min: 1,
                max: u64::from(MAX_RETENTION_MONTHS),
            });
        }
        // One entry per setting that changed, named by its stored field (never its value), so
        // a setting added later is audited without a change here.
        let before = self.settings().ok();
        let changed = settings_changed(before.as_ref(), new)?;
        self.write(|w| {
            settings::write(w, w.keys, settings::HELPLINE, new)?;
            sync_rows::share_settings(w, w.keys)?;
            for setting in changed {
                w.audit(AuditAction::SettingsChanged { setting })?;
            }
            Ok(())
        })
    }

    /// Checks the SQLite file and opens every sealed value this session can open.
    pub fn verify(&self) -> Result<VerifyReport> {
        let conn = self.conn();
        let mut statement = conn.prepare("PRAGMA integrity_check")?;
        let sqlite_integrity = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut sealed = verify::sealed_values(conn, &self.keys)?;
        sealed
            .damaged
            .extend(verify::plain_bindings(conn, &self.keys)?);
        sealed.damaged.extend(
            slot_owners::moved_slots(conn, &self.keys)?
                .into_iter()
                .map(|row| verify::DamagedPlace {
                    table: "key_slots",
                    row,
                    column: "user_id",
                }),
        );
        Ok(VerifyReport {
            sqlite_integrity,
            schema_changes: super::schema::changes(conn)?,
            sealed_values_checked: sealed.checked,
            damaged: sealed.damaged,
            newer_format: sealed.newer_format,
            audit: match self.role {
                Role::Supervisor => Some(audit::verify(conn, &self.keys)?),
                Role::Volunteer => None,
            },
        })
    }
}

/// The stored fields that differ between two versions of the settings.
pub(super) fn settings_changed(
    before: Option<&HelplineSettings>,
    after: &HelplineSettings,
) -> Result<Vec<String>> {
    let fields = |settings: &HelplineSettings| {
        serde_json::to_value(super::records::SettingsRecord::from(settings))
            .map_err(|e| Error::Storage(e.to_string()))
    };
    let before = before.map(fields).transpose()?;
    let after = fields(after)?;
    Ok(after
        .as_object()
        .map(|fields| {
            fields
                .iter()
                .filter(|(name, value)| {
                    before.as_ref().and_then(|b| b.get(name.as_str())) != Some(*value)
                })
                .map(|(name, _)| name.clone())
                .collect()
        })
        .unwrap_or_default())
}

fn role_cell(user_id: i64) -> Cell {
    Cell::of("users", user_id, "role")
}

pub(super) fn insert_user(
    conn: &Connection,
    keys: &SubKeys,
    name: &str,
    role: Role,
) -> Result<i64> {
    let id = crate::crypto::random_row_id();
    let sealed_role = sealed::seal_text(&keys.store, &role_cell(id), role.code());
    conn.execute(
        "INSERT INTO users (id, name, role) VALUES (?1, ?2, ?3)",
        params![id, name, sealed_role],
    )?;
    Ok(id)
}

pub(super) fn read_role(conn: &Connection, keys: &SubKeys, user_id: i64) -> Result<Role> {
    let cell = role_cell(user_id);
    let sealed = conn
        .query_row("SELECT role FROM users WHERE id = ?1", [user_id], |r| {
            Ok(sealed::blob(r, 0))
        })?
        .ok_or_else(|| cell.damaged())?;
    let code = sealed::open_text(&keys.store, &cell, &sealed)?;
    Role::from_code(&code).ok_or_else(|| cell.damaged())
}

fn list_users(conn: &Connection, keys: &SubKeys) -> Result<Vec<UserSummary>> {
    let mut statement = conn.prepare("SELECT id, name FROM users ORDER BY name")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut users = Vec::new();
    for row in rows {
        let (id, name) = row?;
        users.push(UserSummary {
            name,
            role: read_role(conn, keys, id)?,
        });
    }
    Ok(users)
}
