//! What statistics have published: each published column (a month, or a period of months) as
//! the statistics crate recorded it, sealed. A month, once published, is published again
//! exactly as it was (DESIGN §6: months are final once published), so nothing can be learned
//! by comparing two exports of it; and no finished call can be recorded into it afterwards.
//!
//! The core knows a publication's months and k; the rest (the published values and the
//! counts behind them) is the statistics crate's own record, kept here as JSON.

use std::collections::BTreeSet;

use chrono::Utc;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::audit::{self, AuditAction};
use super::cases::draft_months;
use super::retention::count_months;
use super::session::Session;
use crate::crypto::{self, SubKeys};
use crate::domain::Month;
use crate::error::{Error, Result};
use crate::tally::MonthCounts;

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

/// What an export was, for the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord<'a> {
    pub from: Month,
    pub to: Month,
    pub format: &'a str,
    pub k: u64,
    pub period_total: bool,
}

fn body_place(id: i64) -> Vec<u8> {
    crypto::place("publications", &id.to_string(), "body")
}

fn read_all(conn: &Connection, keys: &SubKeys) -> Result<Vec<Publication>> {
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

/// Publishing statistics, or seeing what an export would publish: everything is read under
/// the store's write lock, so that no call lands in a month between counting it and
/// recording what was published. Dropped without [`Publishing::publish`] or
/// [`Publishing::finish`], nothing is written.
pub struct Publishing<'s> {
    tx: Transaction<'s>,
    keys: &'s SubKeys,
    user: &'s str,
}

impl Session {
    /// Supervisors only.
    pub fn publishing(&mut self) -> Result<Publishing<'_>> {
        self.require_supervisor()?;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Publishing {
            tx,
            keys: &self.keys,
            user: &self.user_name,
        })
    }

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

impl Publishing<'_> {
    /// Everything published so far, oldest first.
    pub fn published(&self) -> Result<Vec<Publication>> {
        read_all(&self.tx, self.keys)
    }

    /// The counts of months to be published now. Each must have ended (in this machine's time
    /// zone) and have no call still in progress, or its statistics would not be final.
    pub fn unpublished_counts(&self, months: &[Month]) -> Result<Vec<(Month, MonthCounts)>> {
        let this_month = Month::of(Utc::now());
        if let Some(&month) = months.iter().find(|m| **m >= this_month) {
            return Err(Error::MonthNotEnded { month });
        }
        let open = draft_months(&self.tx, self.keys)?;
        if let Some(&month) = months.iter().find(|m| open.contains(m)) {
            return Err(Error::MonthHasOpenCall { month });
        }
        count_months(&self.tx, self.keys, months)
    }

    /// Records `new` (each month at most once, and all with the k of what was published
    /// before) and the export in the audit trail, in one transaction.
    pub fn publish(self, new: &[Publication], export: &ExportRecord<'_>) -> Result<()> {
        let before = self.published()?;
        if let Some(k) = before.first().or(new.first()).map(|p| p.k) {
            if before.iter().chain(new).any(|p| p.k != k) {
                return Err(Error::ThresholdFixed { published: k });
            }
        }
        let mut columns: BTreeSet<Vec<Month>> = before.into_iter().map(|p| p.months).collect();
        for publication in new {
            if publication.months.is_empty() || !columns.insert(publication.months.clone()) {
                return Err(Error::InvalidInput {
                    field: "publication",
                    reason: "a month or period is published once".into(),
                });
            }
        }
        for publication in new {
            let id = crypto::random_row_id();
            let record = Record {
                version: RECORD_VERSION,
                publication: publication.clone(),
            };
            let plain = serde_json::to_vec(&record).map_err(|e| Error::Storage(e.to_string()))?;
            self.tx.execute(
                "INSERT INTO publications (id, body) VALUES (?1, ?2)",
                params![id, crypto::seal(&self.keys.store, &body_place(id), &plain)],
            )?;
        }
        audit::append(
            &self.tx,
            self.keys,
            self.user,
            AuditAction::StatisticsExported {
                from: export.from,
                to: export.to,
                format: audit::checked_format(export.format)?,
                k: export.k,
                period_total: export.period_total,
            },
        )?;
        self.tx.commit()?;
        Ok(())
    }

    /// Ends without publishing; what was counted meanwhile is kept for next time.
    pub fn finish(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
#[path = "publications_tests.rs"]
mod tests;
