//! Named settings, each a sealed record under the store sub-key, bound to its name: the
//! helpline's settings, the audit trail's head, the counts destroyed cases left behind.

use rusqlite::{params, Connection, OptionalExtension};

use super::sealed::{self, Cell, Stored};
use crate::crypto::SubKeys;
use crate::error::Result;

/// The helpline's settings ([`crate::domain::HelplineSettings`]).
pub(super) const HELPLINE: &str = "helpline";
/// The audit trail's head (see `store/audit.rs`).
pub(super) const AUDIT_HEAD: &str = "audit_head";
/// The counts of destroyed cases (see `store/month_counts.rs`).
pub(super) const RETIRED_COUNTS: &str = "retired_counts";
/// Whose each key slot is (see `store/slot_owners.rs`).
pub(super) const SLOT_OWNERS: &str = "slot_owners";
/// How this desk reaches the helpline's server (see `store/sync.rs`).
pub(super) const SYNC: &str = "sync";
/// The cases destroyed anywhere in the helpline (see `store/sync_rows.rs`).
pub(super) const FORGOTTEN_CASES: &str = "forgotten_cases";

fn cell(name: &str, row: i64) -> Cell {
    Cell {
        table: "settings",
        bound: name.to_owned(),
        row,
        column: "value",
    }
}

pub(super) fn write<T: Stored>(
    conn: &Connection,
    keys: &SubKeys,
    name: &str,
    value: &T,
) -> Result<()> {
    // The rowid is only reported for damage; sealing binds the name.
    let sealed = sealed::seal_record(&keys.store, &cell(name, 0), value)?;
    conn.prepare_cached(
        "INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![name, sealed])?;
    Ok(())
}

/// The setting `name`; None when it was never written.
pub(super) fn read<T: Stored>(conn: &Connection, keys: &SubKeys, name: &str) -> Result<Option<T>> {
    let row = conn
        .prepare_cached("SELECT rowid, value FROM settings WHERE name = ?1")?
        .query_row([name], |r| Ok((r.get::<_, i64>(0)?, sealed::blob(r, 1))))
        .optional()?;
    let Some((rowid, value)) = row else {
        return Ok(None);
    };
    let cell = cell(name, rowid);
    let value = value.ok_or_else(|| cell.damaged())?;
    sealed::open_record(&keys.store, &cell, &value).map(Some)
}

/// A setting every store has from its creation; missing is damage.
pub(super) fn read_kept<T: Stored>(conn: &Connection, keys: &SubKeys, name: &str) -> Result<T> {
    read(conn, keys, name)?.ok_or_else(|| cell(name, 0).damaged())
}
