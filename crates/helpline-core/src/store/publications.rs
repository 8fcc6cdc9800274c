//! What statistics have published: each published column (a month, or a period of months) as
//! the statistics crate recorded it, sealed. A month, once published, is published again
//! exactly as it was (DESIGN §6: months are final once published), so nothing can be learned
//! by comparing two exports of it; and no finished call can be recorded into it afterwards.
//!
//! The core knows a publication's months and k; the rest (the published values and the
//! counts behind them) is the statistics crate's own record, kept here as JSON.

use std::collections::BTreeSet;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::session::Session;
use crate::crypto::{self, SubKeys};
use crate::domain::Month;
use crate::error::{Error, Result};

/// The version of a publication's sealed record.
const RECORD_VERSION: u32 = 1;

/// One published column of statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// One month for a month's column; several for a period's.
    pub months: Vec<Month>,
    /// The threshold it was published with.
    pub k: u64,
    /// The statistics crate's record of what was published, and from which counts.
    pub content: serde_json::Value,
}

#[derive(Serialize, Deserialize)]
struct Record {
    version: u32,
    #[serde(flatten)]
    publication: Publication,
}

fn body_place(id: i64) -> Vec<u8> {
    crypto::place("publications", &id.to_string(), "body")
}

pub(super) fn read_all(conn: &Connection, keys: &SubKeys) -> Result<Vec<Publication>> {
    let mut statement = conn.prepare_cached("SELECT id, body FROM publications ORDER BY id")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut all = Vec::new();
    for row in rows {
        let (id, sealed) = row?;
        let damaged = Error::DamagedRecord {
            table: "publications",
            row: id,
            column: "body",
        };
        let plain = crypto::open(&keys.store, &body_place(id), &sealed).ok_or(damaged)?;
        let record: Record = serde_json::from_slice(&plain).map_err(|_| Error::DamagedRecord {
            table: "publications",
            row: id,
            column: "body",
        })?;
        if record.version != RECORD_VERSION {
            return Err(Error::NewerSchema {
                found: i64::from(record.version),
                supported: i64::from(RECORD_VERSION),
            });
        }
        all.push(record.publication);
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
    let record = Record {
        version: RECORD_VERSION,
        publication: publication.clone(),
    };
    let plain = serde_json::to_vec(&record).map_err(|e| Error::Storage(e.to_string()))?;
    conn.execute(
        "INSERT INTO publications (id, body) VALUES (?1, ?2)",
        params![id, crypto::seal(&keys.store, &body_place(id), &plain)],
    )?;
    Ok(())
}

impl Session {
    /// Every sealed publication: (row, opens?).
    pub(super) fn verify_publications(
        &self,
        check: &mut dyn FnMut(bool, &'static str, i64, &'static str),
    ) -> Result<()> {
        let mut statement = self.conn().prepare("SELECT id, body FROM publications")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get_ref(1)?.as_blob().map(<[u8]>::to_vec).ok(),
            ))
        })?;
        for row in rows {
            let (id, sealed) = row?;
            let opens = sealed
                .and_then(|sealed| crypto::open(&self.keys.store, &body_place(id), &sealed))
                .and_then(|plain| serde_json::from_slice::<Record>(&plain).ok())
                .is_some();
            check(opens, "publications", id, "body");
        }
        Ok(())
    }
}
