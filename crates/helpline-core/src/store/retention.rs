//! Destroying cases, on request or when their time is up, without changing statistics already
//! published.
//!
//! A destroyed case loses its key, its calls and drafts (SQLite's `secure_delete` overwrites
//! the freed pages) and then the WAL is checkpointed and truncated, so its content cannot be
//! read back from the file or from any later backup. Before it goes, its anonymous monthly
//! counts ([`MonthCounts`]) are added to the store's *retired counts*, a sealed setting;
//! statistics are the live cases' counts plus the retired counts, so a month reads the same
//! before and after.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use super::audit::{self, AuditAction};
use super::cases::{
    calls_without_notes_of, cases_in_months, read_summary, unwrap_case_key, OpenedCase,
};
use super::mark_escalations;
use super::session::{read_setting, write_setting, Session};
use crate::crypto::{self, SubKeys};
use crate::domain::Month;
use crate::error::{Error, Result};
use crate::tally::{count_case, MonthCounts};

/// The setting that holds the retired counts, by month.
const RETIRED_COUNTS: &str = "retired_counts";

/// What one retention run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RetentionRun {
    pub cases_destroyed: u64,
}

fn retired_counts(conn: &Connection, keys: &SubKeys) -> Result<BTreeMap<Month, MonthCounts>> {
    let kept: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM settings WHERE name = ?1)",
        [RETIRED_COUNTS],
        |r| r.get(0),
    )?;
    if kept {
        read_setting(conn, keys, RETIRED_COUNTS)
    } else {
        Ok(BTreeMap::new())
    }
}

fn counts_place(month: &str) -> Vec<u8> {
    crypto::place("month_counts", month, "counts")
}

/// A month's kept counts; None when not kept, or when what is kept does not open (it is
/// counted again from the cases, which are the truth; `verify` reports the damage).
fn kept_counts(conn: &Connection, keys: &SubKeys, month: Month) -> Result<Option<MonthCounts>> {
    let month = month.to_string();
    let sealed: Option<Vec<u8>> = conn
        .prepare_cached("SELECT counts FROM month_counts WHERE month = ?1")?
        .query_row([&month], |r| {
            Ok(r.get_ref(0)?.as_blob().map(<[u8]>::to_vec).ok())
        })
        .optional()?
        .flatten();
    Ok(sealed
        .and_then(|sealed| crypto::open(&keys.store, &counts_place(&month), &sealed))
        .and_then(|plain| serde_json::from_slice(&plain).ok()))
}

fn keep_counts(
    conn: &Connection,
    keys: &SubKeys,
    month: Month,
    counts: &MonthCounts,
) -> Result<()> {
    let month = month.to_string();
    let plain = serde_json::to_vec(counts).map_err(|e| Error::Storage(e.to_string()))?;
    conn.execute(
        "INSERT INTO month_counts (month, counts) VALUES (?1, ?2) \
         ON CONFLICT(month) DO UPDATE SET counts = excluded.counts",
        params![
            month,
            crypto::seal(&keys.store, &counts_place(&month), &plain)
        ],
    )?;
    Ok(())
}

/// A call was written in `month`: the kept counts of that month and every later one may be
/// wrong now (a call's month makes a case new or returning, and its level rose or not, for
/// later months too), so they are dropped and counted again when next asked for.
pub(super) fn forget_counts_from(conn: &Connection, month: Month) -> Result<()> {
    conn.prepare_cached("DELETE FROM month_counts WHERE month >= ?1")?
        .execute([month.to_string()])?;
    Ok(())
}

/// Deletes a case inside the caller's transaction, keeping its monthly counts. The caller
/// commits and then calls [`checkpoint`].
pub(super) fn destroy_case(conn: &Connection, keys: &SubKeys, case: &OpenedCase) -> Result<()> {
    match calls_without_notes_of(conn, case) {
        Ok(calls) => {
            let mut retired = retired_counts(conn, keys)?;
            count_case(&mark_escalations(calls), |_| true, &mut retired);
            write_setting(conn, keys, RETIRED_COUNTS, &retired)?;
        }
        // A case whose calls cannot be read was never counted either (statistics refuse a
        // damaged store until it is repaired); it is still destroyed when asked.
        Err(Error::DamagedRecord { .. }) => {}
        Err(other) => return Err(other),
    }
    conn.execute("DELETE FROM cases WHERE id = ?1", [case.id])?;
    Ok(())
}

/// Moves every page the WAL holds into the database (whose freed pages `secure_delete` has
/// zeroed) and truncates the WAL, so no old copy of a destroyed page stays beside the file.
pub(super) fn checkpoint(conn: &Connection) -> Result<()> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(Error::Storage(
            "the store is in use by another program; the deleted pages will be cleared when it closes"
                .into(),
        ));
    }
    Ok(())
}

/// The counts of each month asked for, inside the caller's (write) transaction, so that no
/// call lands in these months between counting them and keeping the result.
///
/// A past month, once counted, is kept (sealed, in `month_counts`) and read back next time
/// instead of opening every case again; a call written in a month drops the kept counts of
/// that month and every later one ([`forget_counts_from`]). Destroying a case changes nothing
/// here: what it took from the live counts it gave to the retired ones.
pub(super) fn count_months(
    conn: &Connection,
    keys: &SubKeys,
    months: &[Month],
) -> Result<Vec<(Month, MonthCounts)>> {
    let this_month = Month::of(Utc::now());
    let mut counts = BTreeMap::new();
    let mut missing = Vec::new();
    for &month in months {
        match kept_counts(conn, keys, month)? {
            Some(kept) if month < this_month => {
                counts.insert(month, kept);
            }
            _ => missing.push(month),
        }
    }
    if !missing.is_empty() {
        let mut counted = retired_counts(conn, keys)?;
        counted.retain(|month, _| missing.contains(month));
        let mut live = BTreeMap::new();
        for case in cases_in_months(conn, keys, &missing)? {
            count_case(&case, |m| missing.contains(&m), &mut live);
        }
        for (month, month_counts) in live {
            counted.entry(month).or_default().add_all(&month_counts);
        }
        for &month in &missing {
            let month_counts = counted.remove(&month).unwrap_or_default();
            if month < this_month {
                keep_counts(conn, keys, month, &month_counts)?;
            }
            counts.insert(month, month_counts);
        }
    }
    Ok(months
        .iter()
        .map(|m| (*m, counts.get(m).cloned().unwrap_or_default()))
        .collect())
}

impl Session {
    /// The counts statistics are published from, for each month asked for: the live cases'
    /// plus those left by destroyed cases. Supervisors only. (What an export publishes is
    /// read through [`Session::publishing`], which keeps published months as they were.)
    pub fn month_counts(&self, months: &[Month]) -> Result<Vec<(Month, MonthCounts)>> {
        self.require_supervisor()?;
        let tx = self.write_transaction()?;
        let counts = count_months(&tx, &self.keys, months)?;
        tx.commit()?;
        Ok(counts)
    }

    /// Every kept month's sealed counts: (month, opens?).
    pub(super) fn verify_month_counts(
        &self,
        check: &mut dyn FnMut(bool, &'static str, i64, &'static str),
    ) -> Result<()> {
        let mut statement = self
            .conn()
            .prepare("SELECT rowid, month, counts FROM month_counts")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get_ref(2)?.as_blob().map(<[u8]>::to_vec).ok(),
            ))
        })?;
        for row in rows {
            let (rowid, month, sealed) = row?;
            let opens = sealed.is_some_and(|sealed| {
                crypto::open(&self.keys.store, &counts_place(&month), &sealed).is_some()
            });
            check(opens, "month_counts", rowid, "counts");
        }
        Ok(())
    }

    /// Destroys every case whose last call is older than the helpline's retention period
    /// (none when no period is set). Cases with a call in progress are left for the next run.
    /// Runs on every unlock, for any user: the period is the helpline's rule, not a role's.
    pub fn apply_retention(&mut self, now: DateTime<Utc>) -> Result<RetentionRun> {
        let Some(months) = self.settings()?.retention_months else {
            return Ok(RetentionRun::default());
        };
        let cutoff =
            now.checked_sub_months(Months::new(months))
                .ok_or_else(|| Error::InvalidInput {
                    field: "retention_months",
                    reason: format!("{months} months before now is out of range"),
                })?;
        let user = self.user_name().to_owned();
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Month is in plain beside each call, so the candidates are found without opening
        // anything; the sealed summary then gives the exact time of the last call.
        let candidates: Vec<(i64, Vec<u8>)> = tx
            .prepare(
                "SELECT c.id, c.wrapped_key FROM cases c \
                 WHERE NOT EXISTS (SELECT 1 FROM call_drafts d WHERE d.case_id = c.id) \
                 AND (SELECT max(month) FROM calls WHERE case_id = c.id) <= ?1",
            )?
            .query_map([Month::of(cutoff).to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut run = RetentionRun::default();
        for (id, wrapped) in candidates {
            // A damaged case is left alone here: `verify` lists it, and a supervisor can
            // forget it.
            let Ok(key) = unwrap_case_key(&self.keys, id, &wrapped) else {
                continue;
            };
            let case = OpenedCase { id, key };
            let expired = match read_summary(&tx, &case) {
                Ok(summary) => summary.last_call_at.is_some_and(|last| last < cutoff),
                Err(Error::DamagedRecord { .. }) => false,
                Err(other) => return Err(other),
            };
            if expired {
                destroy_case(&tx, &self.keys, &case)?;
                run.cases_destroyed += 1;
            }
        }
        if run.cases_destroyed > 0 {
            audit::append(
                &tx,
                &self.keys,
                &user,
                AuditAction::CasesExpired {
                    cases: run.cases_destroyed,
                    retention_months: months,
                },
            )?;
        }
        tx.commit()?;
        if run.cases_destroyed > 0 {
            checkpoint(self.conn())?;
        }
        Ok(run)
    }
}
