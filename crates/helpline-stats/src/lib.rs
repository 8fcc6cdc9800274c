//! Statistics a supervisor can publish without singling anyone out (DESIGN §6): the monthly
//! tables, their disclosure control, and their exports.

pub mod export;
pub mod labels;
pub mod suppression;
pub mod tables;

use helpline_core::{Error, Month, Session};

use crate::suppression::Threshold;
use crate::tables::{monthly_statistics, MonthlyStatistics};

/// The most months one export may span.
pub const MAX_MONTHS: usize = 120;
/// The trend charts cover this many months, up to the last month asked for.
pub const TREND_MONTHS: usize = 12;

/// The published statistics for `from` to `to`, and for the twelve months up to `to` (the
/// trend), read from the store in one pass. Supervisors only.
pub fn compute(
    session: &Session,
    from: Month,
    to: Month,
    k: Threshold,
) -> Result<(MonthlyStatistics, MonthlyStatistics), Error> {
    let months = from.through(to);
    if months.is_empty() {
        return Err(Error::InvalidInput {
            field: "months",
            reason: format!("{to} is before {from}"),
        });
    }
    if months.len() > MAX_MONTHS {
        return Err(Error::InvalidInput {
            field: "months",
            reason: format!("at most {MAX_MONTHS} months at a time"),
        });
    }
    let trend_start = (1..TREND_MONTHS).fold(to, |m, _| m.previous());
    let trend = trend_start.through(to);
    let mut every_month = months.clone();
    every_month.extend(trend.iter().filter(|m| !months.contains(m)));
    let counts = session.month_counts(&every_month)?;
    // In the order asked for: `counts` follows `every_month`, whose order is not the trend's.
    let of = |wanted: &[Month]| -> Vec<_> {
        wanted
            .iter()
            .filter_map(|month| counts.iter().find(|(m, _)| m == month).cloned())
            .collect()
    };
    let referrals = session.settings()?.referrals;
    Ok((
        monthly_statistics(&of(&months), &referrals, k),
        monthly_statistics(&of(&trend), &referrals, k),
    ))
}
