//! The anonymous monthly counts the store keeps apart from its cases:
//!
//! - *kept counts* (`month_counts`): each past month's counts once counted, so the next export
//!   reads them instead of opening every case again. They are a cache of the cases: a call
//!   written in a month drops that month's and every later month's ([`forget_from`]), and a
//!   kept value that does not open is simply counted again.
//! - *retired counts* (the setting `retired_counts`): what destroyed cases were counted as, by
//!   month. They are not a cache: nothing else holds them. Statistics are the live cases'
//!   counts plus these, so a month reads the same before and after a case is destroyed.

use rusqlite::{params, Connection, OptionalExtension};

use super::records::RetiredCounts;
use super::sealed::{self, Cell};
use super::settings;
use crate::crypto::SubKeys;
use crate::domain::Month;
use crate::error::Result;
use crate::tally::MonthCounts;

fn cell(month: &str, row: i64) -> Cell {
    Cell {
        table: "month_counts",
        bound: month.to_owned(),
        row,
        column: "counts",
    }
}

pub(super) fn retired(conn: &Connection, keys: &SubKeys) -> Result<RetiredCounts> {
    Ok(settings::read(conn, keys, settings::RETIRED_COUNTS)?.unwrap_or_default())
}

pub(super) fn retire(conn: &Connection, keys: &SubKeys, retired: &RetiredCounts) -> Result<()> {
    settings::write(conn, keys, settings::RETIRED_COUNTS, retired)
}

/// A month's kept counts; None when not kept, or when what is kept does not open or is in a
/// format this build does not read (it is counted again from the cases, which are the truth;
/// `verify` reports the damage).
pub(super) fn kept(conn: &Connection, keys: &SubKeys, month: Month) -> Result<Option<MonthCounts>> {
    let month = month.to_string();
    let row = conn
        .prepare_cached("SELECT rowid, counts FROM month_counts WHERE month = ?1")?
        .query_row([&month], |r| Ok((r.get::<_, i64>(0)?, sealed::blob(r, 1))))
        .optional()?;
    Ok(row.and_then(|(rowid, sealed)| {
        sealed::open_record(&keys.store, &cell(&month, rowid), &sealed?).ok()
    }))
}

pub(super) fn keep(
    conn: &Connection,
    keys: &SubKeys,
    month: Month,
    counts: &MonthCounts,
) -> Result<()> {
    let month = month.to_string();
    let sealed = sealed::seal_record(&keys.store, &cell(&month, 0), counts)?;
    conn.prepare_cached(
        "INSERT INTO month_counts (month, counts) VALUES (?1, ?2) \
         ON CONFLICT(month) DO UPDATE SET counts = excluded.counts",
    )?
    .execute(params![month, sealed])?;
    Ok(())
}

/// A call was written in `month`: the kept counts of that month and every later one may be
/// wrong now (a call's month makes a case new or returning, and its level rose or not, for
/// later months too), so they are dropped and counted again when next asked for.
pub(super) fn forget_from(conn: &Connection, month: Month) -> Result<()> {
    conn.prepare_cached("DELETE FROM month_counts WHERE month >= ?1")?
        .execute([month.to_string()])?;
    Ok(())
}
