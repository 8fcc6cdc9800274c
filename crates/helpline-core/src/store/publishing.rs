//! Publishing statistics, or seeing what an export would publish: the register of what was
//! published ([`super::publications`]) and the counts of the months not yet published are read
//! under the store's write lock, so that no call lands in a month between counting it and
//! recording what was published; the new columns are recorded with the export's audit entry.

use std::collections::BTreeSet;

use chrono::Utc;

use super::audit::{self, AuditAction};
use super::case_rows::draft_months;
use super::counting::count_months;
use super::publications::{self, Publication};
use super::session::{Session, Write};
use crate::domain::Month;
use crate::error::{Error, Result};
use crate::tally::MonthCounts;

/// What an export was, for the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord<'a> {
    pub from: Month,
    pub to: Month,
    pub format: &'a str,
    pub k: u64,
    pub period_total: bool,
}

/// Publishing statistics, or seeing what an export would publish: everything is read under
/// the store's write lock, so that no call lands in a month between counting it and
/// recording what was published. Dropped without [`Publishing::publish`] or
/// [`Publishing::finish`], nothing is written.
pub struct Publishing<'s> {
    write: Write<'s>,
}

impl Session {
    /// Supervisors only.
    pub fn publishing(&mut self) -> Result<Publishing<'_>> {
        self.require_supervisor()?;
        Ok(Publishing {
            write: self.begin_write()?,
        })
    }
}

impl Publishing<'_> {
    /// Everything published so far, in no particular order (rows have random ids).
    pub fn published(&self) -> Result<Vec<Publication>> {
        publications::read_all(&self.write, self.write.keys)
    }

    /// The counts of months to be published now. Each must have ended (in this machine's time
    /// zone) and have no call still in progress, or its statistics would not be final.
    pub fn unpublished_counts(&self, months: &[Month]) -> Result<Vec<(Month, MonthCounts)>> {
        let this_month = Month::of(Utc::now());
        if let Some(&month) = months.iter().find(|m| **m >= this_month) {
            return Err(Error::MonthNotEnded { month });
        }
        let open = draft_months(&self.write, self.write.keys)?;
        if let Some(&month) = months.iter().find(|m| open.contains(m)) {
            return Err(Error::MonthHasOpenCall { month });
        }
        count_months(&self.write, self.write.keys, months)
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
            publications::insert(&self.write, self.write.keys, publication)?;
        }
        self.write.audit(AuditAction::StatisticsExported {
            from: export.from,
            to: export.to,
            format: audit::checked_format(export.format)?,
            k: export.k,
            period_total: export.period_total,
        })?;
        self.write.commit()
    }

    /// Ends without publishing; what was counted meanwhile is kept for next time.
    pub fn finish(self) -> Result<()> {
        self.write.commit()
    }
}

#[cfg(test)]
#[path = "publishing_tests.rs"]
mod tests;
