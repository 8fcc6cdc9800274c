//! Test data for the export tests: a year of calls built the way `tables.rs`'s tests build
//! them, every call carrying notes, next steps and contact details that must never reach an
//! export, and three referrals of the helpline's own with labels that need escaping.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use helpline_core::tally::count_cases;
use helpline_core::{
    default_referrals, Call, CallContent, CallerIdentity, Channel, ConcernLevel, ContactDetails,
    Month, RecordedCall, Referral, ReferralCode,
};
use helpline_stats::export::{self, Format, Report};
use helpline_stats::labels::{Labels, ReportLanguage};
use helpline_stats::release::{protect_release, Release, Request};
use helpline_stats::suppression::Threshold;
use helpline_stats::tables::MonthlyStatistics;

/// A referral label a supervisor might type, meaning harm.
pub const HOSTILE_LABEL: &str = "<script>alert(1)</script>";
/// A referral label that a spreadsheet would run as a formula, were it not neutralised (no
/// address in it: the HTML tests look for any).
pub const FORMULA_LABEL: &str = "=HYPERLINK(\"x\",\"y\")";
/// A referral label with every character HTML escapes.
pub const AWKWARD_LABEL: &str = "Rådgivning \"Öst\" & Väst's";

/// Text that is in the calls and must be in no export.
pub const SECRETS: &[&str] = &[
    "NOTE-SECRET",
    "NEXT-STEP-SECRET",
    "Zyxwert Qwolsky",
    "+46 70 999 88 77",
    "qwolsky@example.org",
];

fn month(text: &str) -> Month {
    text.parse().unwrap()
}

/// The months asked for in most tests.
pub fn months() -> Vec<Month> {
    vec![month("2026-03"), month("2026-04")]
}

/// The twelve months up to April 2026.
pub fn year_to_april() -> Vec<Month> {
    months_to_april(12)
}

fn call(
    year: i32,
    month: u32,
    day: u32,
    level: ConcernLevel,
    channel: Channel,
    minutes: i64,
) -> Call {
    let started = Utc.with_ymd_and_hms(year, month, day, 12, 0, 0).unwrap();
    let mut content = CallContent::blank();
    content.level = level;
    content.channel = channel;
    content.referrals = vec![ReferralCode::new("psychologist").unwrap()];
    content.notes = format!("NOTE-SECRET {year}-{month}-{day}: the son spoke of leaving.");
    content.next_steps = "NEXT-STEP-SECRET: call the school counsellor".into();
    content.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails {
        name: Some("Zyxwert Qwolsky".into()),
        phone: Some("+46 70 999 88 77".into()),
        email: Some("qwolsky@example.org".into()),
    });
    Call {
        started_at: started,
        ended_at: Some(started + chrono::Duration::minutes(minutes)),
        content,
    }
}

fn case(calls: Vec<Call>) -> Vec<RecordedCall> {
    helpline_core::store::mark_escalations(
        calls
            .into_iter()
            .enumerate()
            .map(|(i, c)| (i as i64, c))
            .collect(),
    )
}

/// April 2026 as in `tables.rs`: twelve phone calls (one case first called in March, the only
/// call that month), two e-mails; 14 calls, phone hidden as "x", e-mail "<5". From May 2025 to
/// February 2026, some calls each month, over all four levels.
pub fn cases() -> Vec<Vec<RecordedCall>> {
    let mut cases: Vec<Vec<RecordedCall>> = (1..=11)
        .map(|d| {
            case(vec![call(
                2026,
                4,
                d,
                ConcernLevel::StrongInterest,
                Channel::Phone,
                10 + d as i64,
            )])
        })
        .collect();
    cases.push(case(vec![
        call(2026, 3, 2, ConcernLevel::StrongInterest, Channel::Phone, 5),
        call(2026, 4, 20, ConcernLevel::WishToLeave, Channel::Phone, 40),
        call(2026, 4, 21, ConcernLevel::WishToLeave, Channel::Email, 0),
    ]));
    let mut old = call(2026, 4, 22, ConcernLevel::NotAssessed, Channel::Email, 3);
    old.content.referrals = vec![ReferralCode::new("retired_service").unwrap()];
    cases.push(case(vec![old]));

    let per_month = [6, 9, 12, 8, 15, 20, 7, 11, 18, 25];
    let levels = [
        ConcernLevel::StrongInterest,
        ConcernLevel::NotAssessed,
        ConcernLevel::WishToLeave,
        ConcernLevel::StrongInterest,
        ConcernLevel::InTransitCountry,
        ConcernLevel::StrongInterest,
    ];
    for (i, &n) in per_month.iter().enumerate() {
        let m = 5 + i as u32;
        let (year, month) = (2025 + ((m - 1) / 12) as i32, (m - 1) % 12 + 1);
        for c in 0..n {
            let channel = if c % 4 == 3 {
                Channel::Email
            } else {
                Channel::Phone
            };
            cases.push(case(vec![call(
                year,
                month,
                1 + c % 27,
                levels[(c + i as u32) as usize % levels.len()],
                channel,
                5 + c as i64,
            )]));
        }
    }
    cases
}

pub fn referrals() -> Vec<Referral> {
    let mut referrals = default_referrals();
    referrals.push(Referral {
        code: ReferralCode::new("exit_programme").unwrap(),
        label: Some(HOSTILE_LABEL.into()),
    });
    referrals.push(Referral {
        code: ReferralCode::new("east_west").unwrap(),
        label: Some(AWKWARD_LABEL.into()),
    });
    referrals.push(Referral {
        code: ReferralCode::new("formula_link").unwrap(),
        label: Some(FORMULA_LABEL.into()),
    });
    referrals
}

/// The months published for the first time, with a total over the period if asked.
pub fn release(months: &[Month], period_total: bool) -> Release {
    let request = Request {
        months: months.to_vec(),
        period_total,
        k: Threshold::default(),
    };
    protect_release(&request, &[], &referrals(), |wanted| {
        Ok(count_cases(&cases(), wanted))
    })
    .unwrap()
}

/// The months' statistics, published for the first time.
pub fn statistics(months: &[Month]) -> MonthlyStatistics {
    release(months, false).statistics
}

/// The export of [`months`] in `language` and `format`.
pub fn export(language: ReportLanguage, format: Format) -> Vec<u8> {
    export_months(language, format, &months(), false)
}

/// The export of `months`, with their total if `period_total`.
pub fn export_months(
    language: ReportLanguage,
    format: Format,
    months: &[Month],
    period_total: bool,
) -> Vec<u8> {
    let statistics = release(months, period_total).statistics;
    let labels = Labels::new(language, &referrals());
    let mut out = Vec::new();
    let report = Report {
        statistics: &statistics,
        labels: &labels,
    };
    export::write(&report, format, &mut out).unwrap();
    out
}

/// `n` months up to April 2026.
pub fn months_to_april(n: u32) -> Vec<Month> {
    (0..n)
        .map(|i| {
            let index = 2026 * 12 + 3 - (n - 1 - i); // months since year 0, April 2026 last
            Month::new((index / 12) as i32, index % 12 + 1).unwrap()
        })
        .collect()
}
