//! What statistics have published: each published column (a month, or a period of months) as
//! the statistics crate recorded it, sealed. A month, once published, is published again
//! exactly as it was (DESIGN §6: months are final once published), so nothing can be learned
//! by comparing two exports of it; and no finished call can be recorded into it afterwards.
//!
//! The core knows a publication's months and k; the rest (the published values and the
//! counts behind them) is the statistics crate's own record, kept here as JSON.

use std::collections::BTreeSet;

use rusqlite::{params, Connection};

use super::sealed::{self, Cell};
use crate::crypto::{self, SubKeys};
use crate::domain::Month;
use crate::error::{Error, Result};

/// One published column of statistics (stored as `records::PublicationRecord`).
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// One month for a month's column; several for a period's.
    pub months: Vec<Month>,
    /// The threshold it was published with.
    pub k: u64,
    /// The statistics crate's record of what was published, and from which counts.
    pub content: serde_json::Value,
}

pub(super) fn read_all(conn: &Connection, keys: &SubKeys) -> Result<Vec<Publication>> {
    let mut statement = conn.prepare_cached("SELECT id, body FROM publications ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, sealed::blob(r, 1))))?;
    let mut all = Vec::new();
    for row in rows {
        let (id, body) = row?;
        let cell = Cell::of("publications", id, "body");
        let body = body.ok_or_else(|| cell.damaged())?;
        all.push(sealed::open_record(&keys.store, &cell, &body)?);
    }
    Ok(all)
}

/// Every month some publication covers.
pub(super) fn published_months(conn: &Connection, keys: &SubKeys) -> Result<BTreeSet<Month>> {
    Ok(read_all(conn, keys)?
        .into_iter()
        .flat_map(|p| p.months)
        .collect())
}

/// A finished call may not be recorded into a month whose statistics are published.
pub(super) fn refuse_published(published: &BTreeSet<Month>, month: Month) -> Result<()> {
    if published.contains(&month) {
        return Err(Error::MonthPublished { month });
    }
    Ok(())
}

/// Adds one publication, inside the caller's transaction.
pub(super) fn insert(conn: &Connection, keys: &SubKeys, publication: &Publication) -> Result<()> {
    let id = crypto::random_row_id();
    let body = sealed::seal_record(
        &keys.store,
        &Cell::of("publications", id, "body"),
        publication,
    )?;
    conn.execute(
        "INSERT INTO publications (id, body) VALUES (?1, ?2)",
        params![id, body],
    )?;
    Ok(())
}
