//! Counting months for statistics: the kept counts where they are sound, the cases otherwise,
//! plus what destroyed cases left (see `store/month_counts.rs`).

use std::collections::BTreeMap;

use chrono::Utc;
use rusqlite::Connection;

use super::case_rows::cases_in_months;
use super::month_counts;
use super::session::Session;
use crate::crypto::SubKeys;
use crate::domain::Month;
use crate::error::Result;
use crate::tally::{count_case, MonthCounts};

/// The counts of each month asked for, inside the caller's (write) transaction, so that no
/// call lands in these months between counting them and keeping the result. A past month,
/// once counted, is kept; this month never is, as calls still come in.
pub(super) fn count_months(
    conn: &Connection,
    keys: &SubKeys,
    months: &[Month],
) -> Result<Vec<(Month, MonthCounts)>> {
    let this_month = Month::of(Utc::now());
    let mut counts = BTreeMap::new();
    let mut missing = Vec::new();
    for &month in months {
        match month_counts::kept(conn, keys, month)? {
            Some(kept) if month < this_month => {
                counts.insert(month, kept);
            }
            _ => missing.push(month),
        }
    }
    if !missing.is_empty() {
        let mut counted = month_counts::retired(conn, keys)?.0;
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
                month_counts::keep(conn, keys, month, &month_counts)?;
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
        self.write(|w| count_months(w, w.keys, months))
    }
}
