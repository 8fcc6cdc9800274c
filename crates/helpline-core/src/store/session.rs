//! What an unlocked store can do. A [`Session`] holds the master key and its sub-keys; they are
//! wiped when the session is dropped or locked.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use zeroize::Zeroizing;

use super::audit::{self, AuditAction, AuditReport};
use super::{check_user_name, write_slot, Store};
use crate::crypto::{self, Passphrase, SecretKey, SlotSecret, SubKeys};
use crate::domain::{
    check_referrals, Code, HelplineSettings, Role, MAX_IDLE_LOCK_MINUTES, MAX_RETENTION_MONTHS,
    MAX_TRANSIT_COUNTRIES,
};
use crate::error::{Error, Result};

pub(super) const SETTINGS: &str = "helpline";

pub struct Session {
    pub(super) store: Store,
    master: SecretKey,
    pub(super) keys: SubKeys,
    user_id: i64,
    pub(super) user_name: String,
    role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    pub name: String,
    pub role: Role,
}

/// What `verify` found: how many sealed values it opened, and which did not authenticate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub sqlite_integrity: Vec<String>,
    pub sealed_values_checked: usize,
    pub damaged: Vec<DamagedPlace>,
    /// The audit trail's check, for supervisors (None for a volunteer's session).
    pub audit: Option<AuditReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DamagedPlace {
    pub table: &'static str,
    pub row: i64,
    pub column: &'static str,
}

impl VerifyReport {
    pub fn is_sound(&self) -> bool {
        self.damaged.is_empty()
            && self.sqlite_integrity == ["ok"]
            && self.audit.as_ref().is_none_or(AuditReport::is_sound)
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

    /// An immediate (write) transaction from `&self`, for reads that leave an audit entry. A
    /// session's connection is never inside another transaction when one of its methods starts
    /// (every transaction is opened and closed within one method), so this cannot nest.
    pub(super) fn write_transaction(&self) -> Result<rusqlite::Transaction<'_>> {
        Ok(rusqlite::Transaction::new_unchecked(
            self.conn(),
            TransactionBehavior::Immediate,
        )?)
    }

    // ---- users ----

    pub fn add_user(&mut self, name: &str, role: Role, passphrase: &Passphrase) -> Result<()> {
        self.require(Role::Supervisor)?;
        check_user_name(name)?;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM users WHERE name = ?1)",
            [name],
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::UserExists(name.to_owned()));
        }
        let user_id = insert_user(&tx, &self.keys, name, role)?;
        let store_id = tx.query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })?;
        write_slot(
            &tx,
            &store_id,
            Some(user_id),
            &SlotSecret::Passphrase(passphrase),
            &self.master,
        )?;
        audit::append(
            &tx,
            &self.keys,
            &self.user_name,
            AuditAction::UserAdded {
                name: name.to_owned(),
                role,
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a user and their key slot; no data is re-encrypted. Only supervisors remove users
    /// and never themselves, so a store always keeps at least one supervisor.
    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        self.require(Role::Supervisor)?;
        if name == self.user_name {
            return Err(Error::InvalidInput {
                field: "user",
                reason: "you cannot remove yourself; ask another supervisor".into(),
            });
        }
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let user_id = tx
            .query_row("SELECT id FROM users WHERE name = ?1", [name], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .ok_or_else(|| Error::UnknownUser(name.to_owned()))?;
        tx.execute("DELETE FROM users WHERE id = ?1", [user_id])?;
        audit::append(
            &tx,
            &self.keys,
            &self.user_name,
            AuditAction::UserRemoved {
                name: name.to_owned(),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Changes the session user's own passphrase. The current one is asked again, so an
    /// unattended unlocked screen is not enough to take over an account.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        let store_id = self.store.store_id()?;
        let opened = self
            .store
            .open_slot(
                "user_id = ?1",
                params![self.user_id],
                &SlotSecret::Passphrase(current),
            )?
            .ok_or(Error::WrongPassphrase)?;
        drop(opened);
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_slot(
            &tx,
            &store_id,
            Some(self.user_id),
            &SlotSecret::Passphrase(new),
            &self.master,
        )?;
        audit::append(
            &tx,
            &self.keys,
            &self.user_name,
            AuditAction::PassphraseChanged,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Gives another user a fresh passphrase (supervisors): for a volunteer who forgot theirs.
    /// Only that user's key slot is rewritten.
    pub fn reset_passphrase(&mut self, name: &str, passphrase: &Passphrase) -> Result<()> {
        self.require(Role::Supervisor)?;
        let user_id = self
            .conn()
            .query_row("SELECT id FROM users WHERE name = ?1", [name], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .ok_or_else(|| Error::UnknownUser(name.to_owned()))?;
        let store_id = self.store.store_id()?;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_slot(
            &tx,
            &store_id,
            Some(user_id),
            &SlotSecret::Passphrase(passphrase),
            &self.master,
        )?;
        audit::append(
            &tx,
            &self.keys,
            &self.user_name,
            AuditAction::PassphraseReset {
                name: name.to_owned(),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn users(&self) -> Result<Vec<UserSummary>> {
        self.require(Role::Supervisor)?;
        list_users(self.conn(), &self.keys)
    }

    // ---- settings ----

    /// The helpline's settings; every user reads them (the call screen needs the lists).
    pub fn settings(&self) -> Result<HelplineSettings> {
        read_setting(self.conn(), &self.keys, SETTINGS)
    }

    /// Replaces the helpline's settings (supervisors).
    pub fn set_settings(&mut self, settings: &HelplineSettings) -> Result<()> {
        self.require(Role::Supervisor)?;
        check_referrals(&settings.referrals)?;
        if settings.transit_countries.len() > MAX_TRANSIT_COUNTRIES {
            return Err(Error::InvalidInput {
                field: "transit_countries",
                reason: format!("at most {MAX_TRANSIT_COUNTRIES}"),
            });
        }
        if !(1..=MAX_IDLE_LOCK_MINUTES).contains(&settings.idle_lock_minutes) {
            return Err(Error::InvalidInput {
                field: "idle_lock_minutes",
                reason: format!("the idle lock time is 1 to {MAX_IDLE_LOCK_MINUTES} minutes"),
            });
        }
        if settings
            .retention_months
            .is_some_and(|m| !(1..=MAX_RETENTION_MONTHS).contains(&m))
        {
            return Err(Error::InvalidInput {
                field: "retention_months",
                reason: format!("case content is kept 1 to {MAX_RETENTION_MONTHS} months"),
            });
        }
        // One entry per setting that changed, named by its field (never its value), so a
        // setting added later is audited without a change here.
        let before = read_setting::<serde_json::Value>(self.conn(), &self.keys, SETTINGS).ok();
        let after = serde_json::to_value(settings).map_err(|e| Error::Storage(e.to_string()))?;
        let changed: Vec<String> = after
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
            .unwrap_or_default();
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_setting(&tx, &self.keys, SETTINGS, settings)?;
        for setting in changed {
            audit::append(
                &tx,
                &self.keys,
                &self.user_name,
                AuditAction::SettingsChanged { setting },
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Checks the SQLite file and opens every sealed value this session can open.
    pub fn verify(&self) -> Result<VerifyReport> {
        let conn = self.conn();
        let mut report = VerifyReport::default();
        let mut statement = conn.prepare("PRAGMA integrity_check")?;
        report.sqlite_integrity = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;

        let mut check = |ok: bool, table: &'static str, row: i64, column: &'static str| {
            report.sealed_values_checked += 1;
            if !ok {
                report.damaged.push(DamagedPlace { table, row, column });
            }
        };
        let mut users = conn.prepare("SELECT id, role FROM users")?;
        for row in users.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
            let (id, sealed) = row?;
            check(
                crypto::open(
                    &self.keys.store,
                    &crypto::place("users", &id.to_string(), "role"),
                    &sealed,
                )
                .is_some(),
                "users",
                id,
                "role",
            );
        }
        let mut settings = conn.prepare("SELECT rowid, name, value FROM settings")?;
        for row in settings.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })? {
            let (rowid, name, sealed) = row?;
            check(
                crypto::open(
                    &self.keys.store,
                    &crypto::place("settings", &name, "value"),
                    &sealed,
                )
                .is_some(),
                "settings",
                rowid,
                "value",
            );
        }
        self.verify_cases(&mut check)?;
        self.verify_month_counts(&mut check)?;
        self.verify_publications(&mut check)?;
        if self.role == Role::Supervisor {
            report.audit = Some(audit::verify(conn, &self.keys)?);
        }
        Ok(report)
    }
}

pub(super) fn insert_user(
    conn: &Connection,
    keys: &SubKeys,
    name: &str,
    role: Role,
) -> Result<i64> {
    let id = crypto::random_row_id();
    let sealed_role = crypto::seal(
        &keys.store,
        &crypto::place("users", &id.to_string(), "role"),
        role.code().as_bytes(),
    );
    conn.execute(
        "INSERT INTO users (id, name, role) VALUES (?1, ?2, ?3)",
        params![id, name, sealed_role],
    )?;
    Ok(id)
}

pub(super) fn read_role(conn: &Connection, keys: &SubKeys, user_id: i64) -> Result<Role> {
    let sealed: Vec<u8> =
        conn.query_row("SELECT role FROM users WHERE id = ?1", [user_id], |r| {
            r.get(0)
        })?;
    let damaged = || Error::DamagedRecord {
        table: "users",
        row: user_id,
        column: "role",
    };
    let plain = crypto::open(
        &keys.store,
        &crypto::place("users", &user_id.to_string(), "role"),
        &sealed,
    )
    .ok_or_else(damaged)?;
    std::str::from_utf8(&plain)
        .ok()
        .and_then(Role::from_code)
        .ok_or_else(damaged)
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

pub(super) fn write_setting<T: Serialize>(
    conn: &Connection,
    keys: &SubKeys,
    name: &str,
    value: &T,
) -> Result<()> {
    let plain =
        Zeroizing::new(serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?);
    let sealed = crypto::seal(
        &keys.store,
        &crypto::place("settings", name, "value"),
        &plain,
    );
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        params![name, sealed],
    )?;
    Ok(())
}

pub(super) fn read_setting<T: DeserializeOwned>(
    conn: &Connection,
    keys: &SubKeys,
    name: &str,
) -> Result<T> {
    let (rowid, sealed) = conn
        .query_row(
            "SELECT rowid, value FROM settings WHERE name = ?1",
            [name],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
        )
        .optional()?
        .ok_or(Error::DamagedRecord {
            table: "settings",
            row: 0,
            column: "value",
        })?;
    let damaged = || Error::DamagedRecord {
        table: "settings",
        row: rowid,
        column: "value",
    };
    let plain = crypto::open(
        &keys.store,
        &crypto::place("settings", name, "value"),
        &sealed,
    )
    .ok_or_else(damaged)?;
    serde_json::from_slice(&plain).map_err(|_| damaged())
}
