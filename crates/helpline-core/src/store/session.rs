//! What an unlocked store can do. A [`Session`] holds the master key and its sub-keys; they are
//! wiped when the session is dropped or locked.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use zeroize::Zeroizing;

use super::{check_user_name, write_slot, Store};
use crate::case_number::CaseNumber;
use crate::crypto::{self, Passphrase, SecretKey, SlotSecret, SubKeys};
use crate::domain::{Call, Code, Referral, Role};
use crate::error::{Error, Result};

pub(super) const REFERRALS_SETTING: &str = "referrals";

/// How often a freshly drawn case number may collide with an existing one before we give up;
/// with 10^10 numbers this is never reached short of a broken random source.
const MAX_NUMBER_DRAWS: usize = 16;

pub struct Session {
    store: Store,
    master: SecretKey,
    pub(super) keys: SubKeys,
    user_id: i64,
    user_name: String,
    role: Role,
}

/// One call as read back from a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedCall {
    pub id: i64,
    #[serde(flatten)]
    pub call: Call,
}

/// A case's calls, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseHistory {
    pub calls: Vec<RecordedCall>,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DamagedPlace {
    pub table: &'static str,
    pub row: i64,
    pub column: &'static str,
}

impl VerifyReport {
    pub fn is_sound(&self) -> bool {
        self.damaged.is_empty() && self.sqlite_integrity == ["ok"]
    }
}

impl Session {
    pub(super) fn new(store: Store, master: SecretKey, user_id: i64, user_name: String, role: Role) -> Self {
        let keys = SubKeys::derive(&master);
        Session { store, master, keys, user_id, user_name, role }
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

    fn require(&self, role: Role) -> Result<()> {
        if role == Role::Supervisor && self.role != Role::Supervisor {
            return Err(Error::NotAllowed { needed: role });
        }
        Ok(())
    }

    pub(super) fn conn(&self) -> &Connection {
        &self.store.conn
    }

    // ---- users ----

    pub fn add_user(&mut self, name: &str, role: Role, passphrase: &Passphrase) -> Result<()> {
        self.require(Role::Supervisor)?;
        check_user_name(name)?;
        let tx = self.store.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let taken: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE name = ?1)", [name], |r| r.get(0))?;
        if taken {
            return Err(Error::UserExists(name.to_owned()));
        }
        let user_id = insert_user(&tx, &self.keys, name, role)?;
        let store_id = tx.query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| r.get::<_, Vec<u8>>(0))?;
        write_slot(&tx, &store_id, Some(user_id), &SlotSecret::Passphrase(passphrase), &self.master)?;
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
        let tx = self.store.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let user_id = tx
            .query_row("SELECT id FROM users WHERE name = ?1", [name], |r| r.get::<_, i64>(0))
            .optional()?
            .ok_or_else(|| Error::UnknownUser(name.to_owned()))?;
        tx.execute("DELETE FROM users WHERE id = ?1", [user_id])?;
        tx.commit()?;
        Ok(())
    }

    /// Changes the session user's own passphrase. The current one is asked again, so an
    /// unattended unlocked screen is not enough to take over an account.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        let store_id = self.store.store_id()?;
        let opened = self
            .store
            .open_slot("user_id = ?1", params![self.user_id], &SlotSecret::Passphrase(current))?
            .ok_or(Error::WrongPassphrase)?;
        drop(opened);
        write_slot(self.conn(), &store_id, Some(self.user_id), &SlotSecret::Passphrase(new), &self.master)
    }

    pub fn users(&self) -> Result<Vec<UserSummary>> {
        self.require(Role::Supervisor)?;
        list_users(self.conn(), &self.keys)
    }

    // ---- settings ----

    pub fn referrals(&self) -> Result<Vec<Referral>> {
        read_setting(self.conn(), &self.keys, REFERRALS_SETTING)
    }

    // ---- cases and calls ----

    /// Records a call: on a new case when `case` is None (the new number is returned), or on
    /// the case with that number. Written in one transaction, durably, before it returns.
    pub fn record_call(&mut self, case: Option<&CaseNumber>, call: &Call) -> Result<CaseNumber> {
        call.validate()?;
        let known: BTreeSet<_> = self.referrals()?.into_iter().map(|r| r.code).collect();
        if let Some(unknown) = call.referrals.iter().find(|code| !known.contains(*code)) {
            return Err(Error::InvalidInput {
                field: "referral",
                reason: format!("{:?} is not on the helpline's referral list", unknown.as_str()),
            });
        }
        let tx = self.store.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (number, case_id, case_key) = match case {
            Some(number) => {
                let (case_id, case_key) = find_case(&tx, &self.keys, number)?;
                (number.clone(), case_id, case_key)
            }
            None => {
                let number = draw_unused_number(&tx, &self.keys)?;
                let case_id = crypto::random_row_id();
                let case_key = SecretKey::random();
                let wrapped = crypto::wrap_key(&self.keys.case_wrap, &case_key_place(case_id), &case_key);
                tx.execute(
                    "INSERT INTO cases (id, number_index, wrapped_key) VALUES (?1, ?2, ?3)",
                    params![case_id, &crypto::blind_index(&self.keys.case_index, &number.canonical())[..], wrapped],
                )?;
                (number, case_id, case_key)
            }
        };
        let call_id = crypto::random_row_id();
        let (details, notes) = split_call(call)?;
        tx.execute(
            "INSERT INTO calls (id, case_id, month, details, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                call_id,
                case_id,
                call.month(),
                crypto::seal(&case_key, &call_place(call_id, "details"), &details),
                crypto::seal(&case_key, &call_place(call_id, "notes"), notes.as_bytes()),
            ],
        )?;
        tx.commit()?;
        Ok(number)
    }

    /// A case's calls, oldest first. A call whose sealed values do not authenticate is a
    /// damaged-record error for that row; other cases are unaffected.
    pub fn case_history(&self, number: &CaseNumber) -> Result<CaseHistory> {
        let (case_id, case_key) = find_case(self.conn(), &self.keys, number)?;
        let mut statement = self.conn().prepare("SELECT id, details, notes FROM calls WHERE case_id = ?1")?;
        let rows = statement.query_map([case_id], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, Vec<u8>>(1)?, row.get::<_, Vec<u8>>(2)?)))?;
        let mut calls = Vec::new();
        for row in rows {
            let (id, details, notes) = row?;
            calls.push(RecordedCall { id, call: open_call(&case_key, id, &details, &notes)? });
        }
        calls.sort_by_key(|c| (c.call.started_at, c.id));
        Ok(CaseHistory { calls })
    }

    /// Checks the SQLite file and opens every sealed value this session can open.
    pub fn verify(&self) -> Result<VerifyReport> {
        let conn = self.conn();
        let mut report = VerifyReport::default();
        let mut statement = conn.prepare("PRAGMA integrity_check")?;
        report.sqlite_integrity = statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;

        let mut check = |ok: bool, table: &'static str, row: i64, column: &'static str| {
            report.sealed_values_checked += 1;
            if !ok {
                report.damaged.push(DamagedPlace { table, row, column });
            }
        };
        let mut users = conn.prepare("SELECT id, role FROM users")?;
        for row in users.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
            let (id, sealed) = row?;
            check(crypto::open(&self.keys.store, &crypto::place("users", &id.to_string(), "role"), &sealed).is_some(), "users", id, "role");
        }
        let mut settings = conn.prepare("SELECT rowid, name, value FROM settings")?;
        for row in settings.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Vec<u8>>(2)?)))? {
            let (rowid, name, sealed) = row?;
            check(crypto::open(&self.keys.store, &crypto::place("settings", &name, "value"), &sealed).is_some(), "settings", rowid, "value");
        }
        let mut cases = conn.prepare("SELECT id, wrapped_key FROM cases")?;
        let mut calls = conn.prepare("SELECT id, details, notes FROM calls WHERE case_id = ?1")?;
        for row in cases.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
            let (case_id, wrapped) = row?;
            let case_key = crypto::unwrap_key(&self.keys.case_wrap, &case_key_place(case_id), &wrapped);
            check(case_key.is_some(), "cases", case_id, "wrapped_key");
            // A case whose key is damaged has calls nobody can read; the case is what is listed.
            let Some(case_key) = case_key else { continue };
            for call in calls.query_map([case_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, Vec<u8>>(2)?)))? {
                let (id, details, notes) = call?;
                check(crypto::open(&case_key, &call_place(id, "details"), &details).is_some(), "calls", id, "details");
                check(crypto::open(&case_key, &call_place(id, "notes"), &notes).is_some(), "calls", id, "notes");
            }
        }
        Ok(report)
    }
}

fn case_key_place(case_id: i64) -> Vec<u8> {
    crypto::place("cases", &case_id.to_string(), "wrapped_key")
}

fn call_place(call_id: i64, column: &str) -> Vec<u8> {
    crypto::place("calls", &call_id.to_string(), column)
}

/// Notes are sealed on their own (autosave rewrites only them); the rest of the call is sealed
/// as one JSON value in `details`, with its notes field left empty.
fn split_call(call: &Call) -> Result<(Zeroizing<Vec<u8>>, &str)> {
    let without_notes = Call { notes: String::new(), ..call.clone() };
    let details = serde_json::to_vec(&without_notes).map_err(|e| Error::Storage(e.to_string()))?;
    Ok((Zeroizing::new(details), &call.notes))
}

fn open_call(case_key: &SecretKey, id: i64, details: &[u8], notes: &[u8]) -> Result<Call> {
    let damaged = |column| Error::DamagedRecord { table: "calls", row: id, column };
    let details = crypto::open(case_key, &call_place(id, "details"), details).ok_or_else(|| damaged("details"))?;
    let notes = crypto::open(case_key, &call_place(id, "notes"), notes).ok_or_else(|| damaged("notes"))?;
    let mut call: Call = serde_json::from_slice(&details).map_err(|_| damaged("details"))?;
    call.notes = String::from_utf8(notes.to_vec()).map_err(|_| damaged("notes"))?;
    Ok(call)
}

fn find_case(conn: &Connection, keys: &SubKeys, number: &CaseNumber) -> Result<(i64, SecretKey)> {
    let index = crypto::blind_index(&keys.case_index, &number.canonical());
    let (case_id, wrapped) = conn
        .query_row("SELECT id, wrapped_key FROM cases WHERE number_index = ?1", [&index[..]], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .optional()?
        .ok_or(Error::NoSuchCase)?;
    let case_key = crypto::unwrap_key(&keys.case_wrap, &case_key_place(case_id), &wrapped)
        .ok_or(Error::DamagedRecord { table: "cases", row: case_id, column: "wrapped_key" })?;
    Ok((case_id, case_key))
}

fn draw_unused_number(conn: &Connection, keys: &SubKeys) -> Result<CaseNumber> {
    for _ in 0..MAX_NUMBER_DRAWS {
        let number = CaseNumber::random();
        let index = crypto::blind_index(&keys.case_index, &number.canonical());
        let taken: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM cases WHERE number_index = ?1)", [&index[..]], |r| r.get(0))?;
        if !taken {
            return Ok(number);
        }
    }
    Err(Error::Storage("could not draw an unused case number; the random source may be broken".into()))
}

pub(super) fn insert_user(conn: &Connection, keys: &SubKeys, name: &str, role: Role) -> Result<i64> {
    let id = crypto::random_row_id();
    let sealed_role = crypto::seal(&keys.store, &crypto::place("users", &id.to_string(), "role"), role.code().as_bytes());
    conn.execute("INSERT INTO users (id, name, role) VALUES (?1, ?2, ?3)", params![id, name, sealed_role])?;
    Ok(id)
}

pub(super) fn read_role(conn: &Connection, keys: &SubKeys, user_id: i64) -> Result<Role> {
    let sealed: Vec<u8> = conn.query_row("SELECT role FROM users WHERE id = ?1", [user_id], |r| r.get(0))?;
    let damaged = || Error::DamagedRecord { table: "users", row: user_id, column: "role" };
    let plain = crypto::open(&keys.store, &crypto::place("users", &user_id.to_string(), "role"), &sealed).ok_or_else(damaged)?;
    std::str::from_utf8(&plain).ok().and_then(Role::from_code).ok_or_else(damaged)
}

fn list_users(conn: &Connection, keys: &SubKeys) -> Result<Vec<UserSummary>> {
    let mut statement = conn.prepare("SELECT id, name FROM users ORDER BY name")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut users = Vec::new();
    for row in rows {
        let (id, name) = row?;
        users.push(UserSummary { name, role: read_role(conn, keys, id)? });
    }
    Ok(users)
}

pub(super) fn write_setting<T: Serialize>(conn: &Connection, keys: &SubKeys, name: &str, value: &T) -> Result<()> {
    let plain = Zeroizing::new(serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?);
    let sealed = crypto::seal(&keys.store, &crypto::place("settings", name, "value"), &plain);
    conn.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        params![name, sealed],
    )?;
    Ok(())
}

fn read_setting<T: DeserializeOwned>(conn: &Connection, keys: &SubKeys, name: &str) -> Result<T> {
    let (rowid, sealed) = conn
        .query_row("SELECT rowid, value FROM settings WHERE name = ?1", [name], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
        .optional()?
        .ok_or(Error::DamagedRecord { table: "settings", row: 0, column: "value" })?;
    let damaged = || Error::DamagedRecord { table: "settings", row: rowid, column: "value" };
    let plain = crypto::open(&keys.store, &crypto::place("settings", name, "value"), &sealed).ok_or_else(damaged)?;
    serde_json::from_slice(&plain).map_err(|_| damaged())
}
