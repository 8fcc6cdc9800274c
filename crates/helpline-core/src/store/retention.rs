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
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;

use super::audit::{self, AuditAction};
use super::cases::{calls_without_notes_of, read_summary, unwrap_case_key, OpenedCase};
use super::mark_escalations;
use super::session::{read_setting, write_setting, Session};
use crate::crypto::SubKeys;
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

impl Session {
    /// The counts statistics are published from, for each month asked for: the live cases'
    /// plus those left by destroyed cases. Supervisors only.
    pub fn month_counts(&self, months: &[Month]) -> Result<Vec<(Month, MonthCounts)>> {
        let cases = self.cases_for_statistics(months)?;
        let mut counts = retired_counts(self.conn(), &self.keys)?;
        counts.retain(|month, _| months.contains(month));
        let mut live = BTreeMap::new();
        for case in &cases {
            count_case(case, |m| months.contains(&m), &mut live);
        }
        for (month, month_counts) in live {
            counts.entry(month).or_default().add_all(&month_counts);
        }
        Ok(months
            .iter()
            .map(|m| (*m, counts.remove(m).unwrap_or_default()))
            .collect())
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
