//! Destroying cases when their time is up, without changing statistics already published.
//!
//! A destroyed case loses its key, its calls and drafts (SQLite's `secure_delete` overwrites
//! the freed pages) and then the WAL is checkpointed and truncated, so its content cannot be
//! read back from the file or from any later backup. Before it goes, its anonymous monthly
//! counts are added to the store's retired counts (see `store/month_counts.rs`).

use chrono::{DateTime, Months, Utc};
use serde::Serialize;

use super::audit::{case_reference, AuditAction};
use super::case_rows::{checkpoint, destroy_case, read_summary, unwrap_case_key, OpenedCase};
use super::schema;
use super::session::Session;
use crate::domain::Month;
use crate::error::{Error, Result};

/// What one retention run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RetentionRun {
    pub cases_destroyed: u64,
}

impl Session {
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
        let mut failing = None;
        let run = self.write(|w| {
            // Month is in plain beside each call, so the candidates are found without opening
            // anything; the sealed summary then gives the exact time of the last call.
            let candidates: Vec<(i64, Vec<u8>)> = w
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
                let Ok(key) = unwrap_case_key(w.keys, id, &wrapped) else {
                    continue;
                };
                let case = OpenedCase { id, key };
                let expired = match read_summary(w, &case) {
                    Ok(summary) => summary.last_call_at.is_some_and(|last| last < cutoff),
                    Err(Error::DamagedRecord { .. } | Error::RecordFormatUnknown { .. }) => false,
                    Err(other) => return Err(other),
                };
                if expired {
                    // Once per run: the schema cannot change inside this transaction.
                    let first = failing.is_none();
                    failing = Some(case_reference(case.id));
                    if first {
                        schema::check(w)?;
                    }
                    destroy_case(w, w.keys, &case)?;
                    run.cases_destroyed += 1;
                }
            }
            if run.cases_destroyed > 0 {
                w.audit(AuditAction::CasesExpired {
                    cases: run.cases_destroyed,
                    retention_months: months,
                })?;
            }
            Ok(run)
        });
        let run = self.noting_failed_destroy(run, failing)?;
        if run.cases_destroyed > 0 {
            checkpoint(self.conn())?;
        }
        Ok(run)
    }
}
