//! The rows of sharing a store with the helpline's other desks, inside a caller's transaction
//! (see `store/sync.rs` for the whole picture): the outbox of changes written here, and which
//! server record carried which case. Below `case_rows`, which calls it for every finished call
//! written and every case destroyed.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::sealed::{self, stored_as_itself, Cell};
use super::settings;
use crate::crypto::{self, SubKeys};
use crate::error::Result;

/// A case's row as a change carries it: everything but its summary, which every desk
/// computes from the calls it holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct CaseRow {
    pub id: i64,
    #[serde(with = "hex")]
    pub number_index: Vec<u8>,
    #[serde(with = "hex")]
    pub wrapped_key: Vec<u8>,
    #[serde(with = "hex")]
    pub number: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct CallRow {
    pub id: i64,
    pub month: String,
    #[serde(with = "hex")]
    pub details: Vec<u8>,
    #[serde(with = "hex")]
    pub notes: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct UserRow {
    pub id: i64,
    pub name: String,
    #[serde(with = "hex")]
    pub role: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct SlotRow {
    pub id: i64,
    pub kind: String,
    pub user_id: Option<i64>,
    pub kdf_memory_kib: i64,
    pub kdf_iterations: i64,
    pub kdf_parallelism: i64,
    #[serde(with = "hex")]
    pub salt: Vec<u8>,
    #[serde(with = "hex")]
    pub wrapped_master_key: Vec<u8>,
}

/// What the outbox keeps of a change: the change, and the server's records it deletes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct OutboxEntry {
    /// When it was written: the outbox is pushed in this order (its row ids are random).
    pub written_at: DateTime<Utc>,
    /// None for deletions alone (of records that reached the server after their case was
    /// forgotten), which the server carries out and nobody reads.
    pub change: Option<Change>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deletes: Vec<Hex>,
}
stored_as_itself!(OutboxEntry);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Hex(#[serde(with = "hex")] pub Vec<u8>);

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Change {
    /// A finished call, new or corrected, with its case's row.
    Call { case: CaseRow, call: CallRow },
    /// A case destroyed (forgotten, or past the retention period): every desk destroys it.
    Forgotten { case_id: i64 },
    /// A case closed or reopened, or its follow-up marked done outside a call.
    CaseState {
        case_id: i64,
        open: bool,
        follow_up_done_at: Option<DateTime<Utc>>,
    },
    /// The helpline's settings (lists, idle lock, retention), as sealed in the file.
    Settings {
        #[serde(with = "hex")]
        value: Vec<u8>,
    },
    /// A key slot written (a user added, a passphrase changed or reset, the recovery code
    /// replaced), with its user's row, as sealed in the file.
    Slot {
        user: Option<UserRow>,
        slot: SlotRow,
    },
    /// A user removed.
    UserRemoved { user_id: i64 },
    /// A desk joined: its name and public key.
    Desk {
        desk_id: String,
        name: String,
        public_key: String,
    },
    /// A desk was removed; the key of `epoch` is sealed to each desk that stays.
    DeskRemoved {
        desk_id: String,
        epoch: u32,
        envelopes: Vec<(String, Hex)>,
    },
}
stored_as_itself!(Change);

/// The cases destroyed anywhere in the helpline, by id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct ForgottenCases(pub BTreeSet<i64>);
stored_as_itself!(ForgottenCases);

mod hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&data_encoding::HEXLOWER.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        data_encoding::HEXLOWER
            .decode(text.as_bytes())
            .map_err(serde::de::Error::custom)
    }
}

const RECORD_ID_LEN: usize = 16;

pub(super) fn outbox_cell(id: i64) -> Cell {
    Cell::of("sync_outbox", id, "change")
}

/// Whether this desk shares its store with a helpline's server.
pub(super) fn enabled(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM settings WHERE name = ?1)")?
        .query_row([settings::SYNC], |r| r.get(0))?)
}

fn enqueue(conn: &Connection, keys: &SubKeys, entry: &OutboxEntry) -> Result<Vec<u8>> {
    let id = crypto::random_row_id();
    let record_id = crypto::random_bytes::<RECORD_ID_LEN>().to_vec();
    conn.prepare_cached("INSERT INTO sync_outbox (id, record_id, change) VALUES (?1, ?2, ?3)")?
        .execute(params![
            id,
            record_id,
            sealed::seal_record(&keys.store, &outbox_cell(id), entry)?
        ])?;
    Ok(record_id)
}

/// Records the server must delete, with no change of their own: kept in the outbox, so a
/// deletion is not lost when the server cannot be reached right after the case went.
pub(super) fn enqueue_deletes(
    conn: &Connection,
    keys: &SubKeys,
    deletes: Vec<Vec<u8>>,
) -> Result<()> {
    if deletes.is_empty() {
        return Ok(());
    }
    enqueue(
        conn,
        keys,
        &OutboxEntry {
            written_at: Utc::now(),
            change: None,
            deletes: deletes.into_iter().map(Hex).collect(),
        },
    )
    .map(drop)
}

/// Key slot `slot_id` was just written: it goes to the other desks with its user's row, so a
/// volunteer signs in at every desk with the same passphrase.
pub(super) fn share_slot(conn: &Connection, keys: &SubKeys, slot_id: i64) -> Result<()> {
    if !enabled(conn)? {
        return Ok(());
    }
    let slot = conn.query_row(
        "SELECT id, kind, user_id, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, wrapped_master_key \
         FROM key_slots WHERE id = ?1",
        [slot_id],
        |r| {
            Ok(SlotRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                user_id: r.get(2)?,
                kdf_memory_kib: r.get(3)?,
                kdf_iterations: r.get(4)?,
                kdf_parallelism: r.get(5)?,
                salt: r.get(6)?,
                wrapped_master_key: r.get(7)?,
            })
        },
    )?;
    let user = match slot.user_id {
        Some(id) => Some(conn.query_row(
            "SELECT id, name, role FROM users WHERE id = ?1",
            [id],
            |r| {
                Ok(UserRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    role: r.get(2)?,
                })
            },
        )?),
        None => None,
    };
    enqueue_change(conn, keys, Change::Slot { user, slot })
}

/// User `user_id` was removed here.
pub(super) fn share_user_removed(conn: &Connection, keys: &SubKeys, user_id: i64) -> Result<()> {
    if !enabled(conn)? {
        return Ok(());
    }
    enqueue_change(conn, keys, Change::UserRemoved { user_id })
}

/// A change that concerns no case (a desk joining or removed), in the caller's transaction.
pub(super) fn enqueue_change(conn: &Connection, keys: &SubKeys, change: Change) -> Result<()> {
    enqueue(
        conn,
        keys,
        &OutboxEntry {
            written_at: Utc::now(),
            change: Some(change),
            deletes: Vec::new(),
        },
    )
    .map(drop)
}

/// A case's open state or follow-up mark changed here: the other desks get it, in the
/// caller's transaction.
pub(super) fn share_case_state(
    conn: &Connection,
    keys: &SubKeys,
    case_id: i64,
    open: bool,
    follow_up_done_at: Option<DateTime<Utc>>,
) -> Result<()> {
    if !enabled(conn)? {
        return Ok(());
    }
    let record_id = enqueue(
        conn,
        keys,
        &OutboxEntry {
            written_at: Utc::now(),
            change: Some(Change::CaseState {
                case_id,
                open,
                follow_up_done_at,
            }),
            deletes: Vec::new(),
        },
    )?;
    note_record(conn, &record_id, case_id, None)
}

/// Whether a change of the case's state written here is still waiting to be pushed.
pub(super) fn case_state_pending(conn: &Connection, case_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM sync_outbox o JOIN sync_records r ON r.record_id = o.record_id \
             WHERE r.case_id = ?1 AND r.call_id IS NULL)",
        )?
        .query_row([case_id], |r| r.get(0))?)
}

/// The helpline's settings changed here: the other desks get them as sealed.
pub(super) fn share_settings(conn: &Connection, keys: &SubKeys) -> Result<()> {
    if !enabled(conn)? {
        return Ok(());
    }
    let value: Vec<u8> = conn.query_row(
        "SELECT value FROM settings WHERE name = ?1",
        [settings::HELPLINE],
        |r| r.get(0),
    )?;
    enqueue_change(conn, keys, Change::Settings { value })
}

/// A finished call was written or corrected here: it goes to the other desks, with its case's
/// row, in the caller's transaction.
pub(super) fn share_call(conn: &Connection, keys: &SubKeys, call_id: i64) -> Result<()> {
    if !enabled(conn)? {
        return Ok(());
    }
    let (case, call) = conn.query_row(
        "SELECT c.id, c.number_index, c.wrapped_key, c.number, l.id, l.month, l.details, l.notes \
         FROM calls l JOIN cases c ON c.id = l.case_id WHERE l.id = ?1",
        [call_id],
        |r| {
            Ok((
                CaseRow {
                    id: r.get(0)?,
                    number_index: r.get(1)?,
                    wrapped_key: r.get(2)?,
                    number: r.get(3)?,
                },
                CallRow {
                    id: r.get(4)?,
                    month: r.get(5)?,
                    details: r.get(6)?,
                    notes: r.get(7)?,
                },
            ))
        },
    )?;
    let (case_id, call_id) = (case.id, call.id);
    let record_id = enqueue(
        conn,
        keys,
        &OutboxEntry {
            written_at: Utc::now(),
            change: Some(Change::Call { case, call }),
            deletes: Vec::new(),
        },
    )?;
    note_record(conn, &record_id, case_id, Some(call_id))
}

/// Server record `record_id` carries a change of `case_id` (a call of it, when `call_id`).
pub(super) fn note_record(
    conn: &Connection,
    record_id: &[u8],
    case_id: i64,
    call_id: Option<i64>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_records (record_id, case_id, call_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    )?
    .execute(params![record_id, case_id, call_id])?;
    Ok(())
}

/// Whether a change of call `call_id` written here is still waiting to be pushed.
pub(super) fn call_pending(conn: &Connection, call_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM sync_outbox o JOIN sync_records r ON r.record_id = o.record_id \
             WHERE r.call_id = ?1)",
        )?
        .query_row([call_id], |r| r.get(0))?)
}

/// The server's records of a case, and its changes not pushed yet, which go now: what the
/// server must delete when the case is destroyed.
pub(super) fn records_of(conn: &Connection, case_id: i64) -> Result<Vec<Vec<u8>>> {
    let ids = conn
        .prepare_cached("SELECT record_id FROM sync_records WHERE case_id = ?1")?
        .query_map([case_id], |r| r.get::<_, Vec<u8>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    conn.prepare_cached(
        "DELETE FROM sync_outbox WHERE record_id IN (SELECT record_id FROM sync_records WHERE case_id = ?1)",
    )?
    .execute([case_id])?;
    Ok(ids)
}

fn remember_forgotten(conn: &Connection, keys: &SubKeys, case_id: i64) -> Result<()> {
    let mut forgotten: ForgottenCases =
        settings::read(conn, keys, settings::FORGOTTEN_CASES)?.unwrap_or_default();
    if forgotten.0.insert(case_id) {
        settings::write(conn, keys, settings::FORGOTTEN_CASES, &forgotten)?;
    }
    Ok(())
}

/// A case is being destroyed here (forgotten, or expired): every other desk destroys it too,
/// and the server deletes what it holds of it. In the caller's transaction, before the rows go.
pub(super) fn share_destroyed(conn: &Connection, keys: &SubKeys, case_id: i64) -> Result<()> {
    if !enabled(conn)? {
        return Ok(());
    }
    // The server's deletions travel with the change in the outbox, not to the other desks:
    // each of them names its own records of the case when it destroys it.
    let deletes = records_of(conn, case_id)?.into_iter().map(Hex).collect();
    enqueue(
        conn,
        keys,
        &OutboxEntry {
            written_at: Utc::now(),
            change: Some(Change::Forgotten { case_id }),
            deletes,
        },
    )?;
    remember_forgotten(conn, keys, case_id)
}
