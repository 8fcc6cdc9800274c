//! Statistics a supervisor can publish without singling anyone out (DESIGN §6): the monthly
//! tables, their disclosure control across a whole release and every earlier one, and their
//! exports.

pub mod export;
pub mod labels;
pub mod protection;
pub mod register;
pub mod release;
pub mod suppression;
pub mod tables;

use helpline_core::store::{ExportRecord, Publishing};
use helpline_core::{Error, Month, Session};

use crate::register::Recorded;
use crate::release::{protect_release, Release, Request};
use crate::suppression::Threshold;

/// The most months one export may span.
pub const MAX_MONTHS: usize = 120;

/// What a supervisor asks for, checked.
pub fn request(from: Month, to: Month, period_total: bool, k: Threshold) -> Result<Request, Error> {
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
    Ok(Request {
        months,
        period_total,
        k,
    })
}

fn release(
    publishing: &Publishing<'_>,
    session_referrals: &[helpline_core::Referral],
    request: &Request,
) -> Result<Release, Error> {
    let register = publishing
        .published()?
        .iter()
        .map(Recorded::read)
        .collect::<Result<Vec<_>, _>>()?;
    protect_release(request, &register, session_referrals, |months| {
        publishing.unpublished_counts(months)
    })
}

/// The release as an export would publish it now, for the statistics screen; publishes
/// nothing. Supervisors only.
pub fn preview(session: &mut Session, request: &Request) -> Result<Release, Error> {
    let referrals = session.settings()?.referrals;
    let publishing = session.publishing()?;
    let release = release(&publishing, &referrals, request)?;
    publishing.finish()?;
    Ok(release)
}

/// Publishes the release: records every column it shows for the first time and the export
/// in the audit trail, in one transaction, and only then hands it back to be written out. If
/// writing the file then fails, the months stay as published, and the next export shows
/// them the same. Supervisors only.
pub fn publish(session: &mut Session, request: &Request, format: &str) -> Result<Release, Error> {
    let referrals = session.settings()?.referrals;
    let publishing = session.publishing()?;
    let release = release(&publishing, &referrals, request)?;
    let new: Vec<_> = release
        .new_columns
        .iter()
        .map(Recorded::to_publication)
        .collect();
    let months = &request.months;
    publishing.publish(
        &new,
        &ExportRecord {
            from: months[0],
            to: months[months.len() - 1],
            format,
            k: request.k.k(),
            period_total: release.statistics.period.is_some(),
        },
    )?;
    Ok(release)
}

/// The months and periods published so far, by month (a period after the months it starts
/// with), each with its k. Supervisors only.
pub fn published(session: &mut Session) -> Result<Vec<(Vec<Month>, u64)>, Error> {
    let publishing = session.publishing()?;
    let mut published: Vec<(Vec<Month>, u64)> = publishing
        .published()?
        .into_iter()
        .map(|p| (p.months, p.k))
        .collect();
    publishing.finish()?;
    // By month, a period after the months it starts with: the register keeps no order.
    published.sort_by(|(a, _), (b, _)| (a.first(), a.len()).cmp(&(b.first(), b.len())));
    Ok(published)
}
