//! Whose each key slot is, sealed under the store key. A slot's wrapped key is bound only to its
//! store and row, and its user is a plain column: without this record, moving a volunteer's slot
//! under a supervisor's row (with the `sqlite3` tool) would sign the volunteer's passphrase in as
//! that supervisor, and renaming a users row would write their audit entries under another name.
//! Kept as a sealed setting rather than in each slot's associated data so that `verify` checks
//! every slot without anyone's passphrase, and stores and backups of earlier releases open as
//! they are.
//!
//! A store from before this record gets it at its first sign-in, from the slots as they are then
//! (trusted on first use), and the audit trail says so: a second such entry means the record was
//! removed.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::sealed::stored_as_itself;
use super::settings;
use crate::crypto::SubKeys;
use crate::error::{Error, Result};

/// A slot's owner: a user's row and name, or None for the recovery slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Owner {
    user: Option<(i64, String)>,
}

#[derive(Default, Serialize, Deserialize)]
struct SlotOwners {
    /// By slot id, as text (JSON keys).
    slots: BTreeMap<String, Owner>,
}

stored_as_itself!(SlotOwners);

/// The owner the row of slot `slot_id` names now: its user's id and name, or the recovery slot.
fn owner_in_rows(conn: &Connection, slot_id: i64) -> Result<Option<Owner>> {
    let row = conn
        .query_row(
            "SELECT s.kind, s.user_id, u.name FROM key_slots s LEFT JOIN users u ON u.id = s.user_id \
             WHERE s.id = ?1",
            [slot_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            },
        )
        .optional()?;
    Ok(row.map(|(kind, user, name)| Owner {
        user: match (kind.as_str(), user, name) {
            ("recovery", None, _) => None,
            (_, Some(user), Some(name)) => Some((user, name)),
            // A user slot whose user row is gone: it belongs to nobody who can sign in.
            _ => Some((user.unwrap_or(0), String::new())),
        },
    }))
}

fn slot_ids(conn: &Connection) -> Result<Vec<i64>> {
    let mut statement = conn.prepare("SELECT id FROM key_slots")?;
    let ids = statement
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn damaged(slot_id: i64) -> Error {
    Error::DamagedRecord {
        table: "key_slots",
        row: slot_id,
        column: "user_id",
    }
}

/// Records that the slot just written as `slot_id` is its row's user's (or the recovery slot),
/// and forgets the slot it replaced, inside the caller's transaction.
pub(super) fn bind(
    conn: &Connection,
    keys: &SubKeys,
    slot_id: i64,
    replaced: Option<i64>,
) -> Result<()> {
    let mut owners: SlotOwners =
        settings::read(conn, keys, settings::SLOT_OWNERS)?.unwrap_or_default();
    if let Some(old) = replaced {
        owners.slots.remove(&old.to_string());
    }
    let owner = owner_in_rows(conn, slot_id)?.ok_or_else(|| damaged(slot_id))?;
    owners.slots.insert(slot_id.to_string(), owner);
    settings::write(conn, keys, settings::SLOT_OWNERS, &owners)
}

/// Forgets the slots of a removed user, so that their rows copied back from an older file do not
/// sign them in again.
pub(super) fn unbind_user(conn: &Connection, keys: &SubKeys, user_id: i64) -> Result<()> {
    let Some(mut owners) = settings::read::<SlotOwners>(conn, keys, settings::SLOT_OWNERS)? else {
        return Ok(());
    };
    owners
        .slots
        .retain(|_, owner| owner.user.as_ref().is_none_or(|(user, _)| *user != user_id));
    settings::write(conn, keys, settings::SLOT_OWNERS, &owners)
}

/// Whether a store has the record yet; a store from before it gets it with [`bind_all`].
pub(super) fn recorded(conn: &Connection, keys: &SubKeys) -> Result<bool> {
    Ok(settings::read::<SlotOwners>(conn, keys, settings::SLOT_OWNERS)?.is_some())
}

/// Records every slot's owner as the rows say now: once, for a store from before the record.
pub(super) fn bind_all(conn: &Connection, keys: &SubKeys) -> Result<()> {
    let mut owners = SlotOwners::default();
    for id in slot_ids(conn)? {
        if let Some(owner) = owner_in_rows(conn, id)? {
            owners.slots.insert(id.to_string(), owner);
        }
    }
    settings::write(conn, keys, settings::SLOT_OWNERS, &owners)
}

/// Checks that slot `slot_id`, just opened, is the one its row says: the recovery slot, or the
/// slot of user `user_id` under that user's name. Before the store has the record, every slot
/// passes (see [`bind_all`]).
pub(super) fn check(conn: &Connection, keys: &SubKeys, slot_id: i64) -> Result<()> {
    let Some(owners) = settings::read::<SlotOwners>(conn, keys, settings::SLOT_OWNERS)? else {
        return Ok(());
    };
    let now = owner_in_rows(conn, slot_id)?;
    match (owners.slots.get(&slot_id.to_string()), now) {
        (Some(recorded), Some(now)) if *recorded == now => Ok(()),
        _ => Err(damaged(slot_id)),
    }
}

/// Every slot whose row no longer names the owner it was written for, for `verify`.
pub(super) fn moved_slots(conn: &Connection, keys: &SubKeys) -> Result<Vec<i64>> {
    let mut moved = Vec::new();
    for id in slot_ids(conn)? {
        if check(conn, keys, id).is_err() {
            moved.push(id);
        }
    }
    Ok(moved)
}
