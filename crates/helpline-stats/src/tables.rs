//! The monthly tables: what is counted, in which unit, and the published (suppressed) values.
//!
//! Counting starts from whole cases (all their calls, oldest first), so a case is "new" in the
//! month of its first call ever, and a level "rose" when a call's assessed level is higher than
//! the case's previous assessed call, whenever that was.

use helpline_core::{
    AgeBand, Call, Channel, Code, ConcernLevel, Environment, Gender, Language, Month, RecordedCall,
    Referral, Relationship, Situation,
};
use serde::Serialize;

use crate::suppression::{protect, ProtectedColumn, Published, Threshold};

/// What one count in a table is a count of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Calls,
    Cases,
    Referrals,
}

/// The categories a table counts by; names the Fluent messages that label them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Channel,
    CallLanguage,
    Level,
    Relationship,
    Gender,
    AgeBand,
    Situation,
    Environment,
    Referral,
    NewOrReturning,
    LevelRose,
}

/// One published table: a row per category, a column per month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Stable id, e.g. `calls_by_channel`; also names the table's title message.
    pub id: &'static str,
    pub unit: Unit,
    pub dimension: Dimension,
    /// Category codes, in the order shown.
    pub categories: Vec<String>,
    /// One per month, in the order of [`MonthlyStatistics::months`].
    pub columns: Vec<ProtectedColumn>,
}

/// Call time in one month, in whole minutes, of the calls whose length was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallTime {
    /// How many calls the figures are over; the figures are hidden when it is below k.
    pub calls_timed: Published,
    pub total_minutes: Option<u64>,
    pub median_minutes: Option<u64>,
}

/// Everything an export shows: only published values, already suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthlyStatistics {
    pub months: Vec<Month>,
    pub k: u64,
    pub tables: Vec<Table>,
    pub call_time: Vec<CallTime>,
    /// Helpline-defined referral labels (for codes without a translation).
    #[serde(skip)]
    pub referral_labels: Vec<Referral>,
}

fn codes<T: Code>() -> Vec<String> {
    T::ALL.iter().map(|v| v.code().to_string()).collect()
}

/// A table being counted: a row of counts per category, a count per month.
struct Tally {
    months: usize,
    id: &'static str,
    unit: Unit,
    dimension: Dimension,
    categories: Vec<String>,
    counts: Vec<Vec<u64>>,
}

impl Tally {
    fn new(
        id: &'static str,
        unit: Unit,
        dimension: Dimension,
        categories: Vec<String>,
        months: usize,
    ) -> Self {
        let counts = vec![vec![0; months]; categories.len()];
        Tally {
            months,
            id,
            unit,
            dimension,
            categories,
            counts,
        }
    }

    fn add(&mut self, category: &str, month: usize) {
        let row = match self.categories.iter().position(|c| c == category) {
            Some(row) => row,
            None => {
                // A referral code no longer on the helpline's list still counts, under its code.
                self.categories.push(category.to_string());
                self.counts.push(vec![0; self.months]);
                self.categories.len() - 1
            }
        };
        self.counts[row][month] += 1;
    }

    fn publish(self, k: Threshold) -> Table {
        let columns = (0..self.months)
            .map(|m| protect(&self.counts.iter().map(|row| row[m]).collect::<Vec<_>>(), k))
            .collect();
        Table {
            id: self.id,
            unit: self.unit,
            dimension: self.dimension,
            categories: self.categories,
            columns,
        }
    }
}

/// Counts `cases` (whole cases, as [`helpline_core::Session::cases_for_statistics`] gives
/// them) over `months`, and publishes the counts with disclosure control at `k`.
pub fn monthly_statistics(
    cases: &[Vec<RecordedCall>],
    months: &[Month],
    referrals: &[Referral],
    k: Threshold,
) -> MonthlyStatistics {
    let n = months.len();
    let calls = |id, dimension, categories| Tally::new(id, Unit::Calls, dimension, categories, n);
    let mut by_channel = calls("calls_by_channel", Dimension::Channel, codes::<Channel>());
    let mut by_language = calls(
        "calls_by_language",
        Dimension::CallLanguage,
        codes::<Language>(),
    );
    let mut by_level = calls("calls_by_level", Dimension::Level, codes::<ConcernLevel>());
    let mut by_relationship = calls(
        "calls_by_caller_relationship",
        Dimension::Relationship,
        codes::<Relationship>(),
    );
    let mut by_caller_gender = calls(
        "calls_by_caller_gender",
        Dimension::Gender,
        codes::<Gender>(),
    );
    let mut by_person_gender = calls(
        "calls_by_person_gender",
        Dimension::Gender,
        codes::<Gender>(),
    );
    let mut by_age = calls("calls_by_age_band", Dimension::AgeBand, codes::<AgeBand>());
    let mut by_situation = calls(
        "calls_by_situation",
        Dimension::Situation,
        codes::<Situation>(),
    );
    let mut by_environment = calls(
        "calls_by_environment",
        Dimension::Environment,
        codes::<Environment>(),
    );
    let referral_codes = referrals
        .iter()
        .map(|r| r.code.as_str().to_string())
        .collect();
    let mut referrals_made = Tally::new(
        "referrals_made",
        Unit::Referrals,
        Dimension::Referral,
        referral_codes,
        n,
    );
    let mut highest = Tally::new(
        "cases_by_highest_level",
        Unit::Cases,
        Dimension::Level,
        codes::<ConcernLevel>(),
        n,
    );
    let both = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    let mut new_or_returning = Tally::new(
        "cases_new_or_returning",
        Unit::Cases,
        Dimension::NewOrReturning,
        both("new", "returning"),
        n,
    );
    let mut level_rose = Tally::new(
        "cases_level_rose",
        Unit::Cases,
        Dimension::LevelRose,
        both("rose", "did_not_rise"),
        n,
    );
    let mut minutes: Vec<Vec<u64>> = vec![Vec::new(); n];

    for case in cases {
        let first_month = case.iter().map(|c| c.call.month()).min();
        for (m, month) in months.iter().enumerate() {
            let in_month: Vec<&RecordedCall> =
                case.iter().filter(|c| c.call.month() == *month).collect();
            if in_month.is_empty() {
                continue;
            }
            for recorded in &in_month {
                let content = &recorded.call.content;
                by_channel.add(content.channel.code(), m);
                by_language.add(content.language.code(), m);
                by_level.add(content.level.code(), m);
                by_relationship.add(content.caller.relationship.code(), m);
                by_caller_gender.add(content.caller.gender.code(), m);
                by_person_gender.add(content.person.gender.code(), m);
                by_age.add(content.person.age_band.code(), m);
                by_situation.add(content.person.situation.code(), m);
                by_environment.add(content.person.environment.code(), m);
                for referral in &content.referrals {
                    referrals_made.add(referral.as_str(), m);
                }
                if let Some(length) = call_minutes(&recorded.call) {
                    minutes[m].push(length);
                }
            }
            let top = in_month
                .iter()
                .map(|c| c.call.content.level)
                .max_by_key(|l| l.step())
                .unwrap_or(ConcernLevel::NotAssessed);
            highest.add(top.code(), m);
            new_or_returning.add(
                if first_month == Some(*month) {
                    "new"
                } else {
                    "returning"
                },
                m,
            );
            level_rose.add(
                if in_month.iter().any(|c| c.escalated) {
                    "rose"
                } else {
                    "did_not_rise"
                },
                m,
            );
        }
    }

    let tables = [
        by_channel,
        by_language,
        by_level,
        highest,
        new_or_returning,
        level_rose,
        by_relationship,
        by_caller_gender,
        by_person_gender,
        by_age,
        by_situation,
        by_environment,
        referrals_made,
    ]
    .into_iter()
    .map(|tally| tally.publish(k))
    .collect();
    MonthlyStatistics {
        months: months.to_vec(),
        k: k.k(),
        tables,
        call_time: minutes.into_iter().map(|m| call_time(m, k)).collect(),
        referral_labels: referrals.to_vec(),
    }
}

fn call_minutes(call: &Call) -> Option<u64> {
    let ended = call.ended_at?;
    u64::try_from((ended - call.started_at).num_minutes()).ok()
}

/// Total and median call time, hidden when fewer than k calls were timed (a median of two
/// calls is nearly a person's own call).
fn call_time(mut minutes: Vec<u64>, k: Threshold) -> CallTime {
    let timed = minutes.len() as u64;
    let calls_timed = protect(&[timed], k).total;
    if timed < k.k() {
        return CallTime {
            calls_timed,
            total_minutes: None,
            median_minutes: None,
        };
    }
    minutes.sort_unstable();
    let middle = minutes.len() / 2;
    let median = if minutes.len().is_multiple_of(2) {
        (minutes[middle - 1] + minutes[middle]) / 2
    } else {
        minutes[middle]
    };
    CallTime {
        calls_timed,
        total_minutes: Some(minutes.iter().sum()),
        median_minutes: Some(median),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use helpline_core::{default_referrals, CallContent, ReferralCode};

    use super::*;
    use crate::suppression::Published::{BelowThreshold, Count, Secondary};

    fn call(day: u32, month: u32, level: ConcernLevel, channel: Channel, minutes: i64) -> Call {
        let started = Utc.with_ymd_and_hms(2026, month, day, 12, 0, 0).unwrap();
        let mut content = CallContent::blank();
        content.level = level;
        content.channel = channel;
        content.referrals = vec![ReferralCode::new("psychologist").unwrap()];
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

    fn table<'a>(stats: &'a MonthlyStatistics, id: &str) -> &'a Table {
        stats.tables.iter().find(|t| t.id == id).unwrap()
    }

    fn row(table: &Table, category: &str, month: usize) -> Published {
        let r = table.categories.iter().position(|c| c == category).unwrap();
        table.columns[month].cells[r]
    }

    /// Twelve phone calls in April on twelve cases, level 1; one of them came first in March
    /// and rose in April; two e-mails; one case with an unknown old referral.
    fn april() -> Vec<Vec<RecordedCall>> {
        let mut cases: Vec<Vec<RecordedCall>> = (1..=11)
            .map(|d| {
                case(vec![call(
                    d,
                    4,
                    ConcernLevel::StrongInterest,
                    Channel::Phone,
                    10 + d as i64,
                )])
            })
            .collect();
        cases.push(case(vec![
            call(2, 3, ConcernLevel::StrongInterest, Channel::Phone, 5),
            call(20, 4, ConcernLevel::WishToLeave, Channel::Phone, 40),
            call(21, 4, ConcernLevel::WishToLeave, Channel::Email, 0),
        ]));
        let mut old = call(22, 4, ConcernLevel::NotAssessed, Channel::Email, 3);
        old.content.referrals = vec![ReferralCode::new("retired_service").unwrap()];
        cases.push(case(vec![old]));
        cases
    }

    #[test]
    fn a_known_month_gives_the_right_published_counts() {
        let months = ["2026-04".parse().unwrap()];
        let stats = monthly_statistics(
            &april(),
            &months,
            &default_referrals(),
            Threshold::default(),
        );
        let channel = table(&stats, "calls_by_channel");
        assert_eq!(channel.unit, Unit::Calls);
        // 12 phone, 2 e-mail: the 2 is hidden, and with it the 12 it could be worked out from.
        assert_eq!(row(channel, "phone", 0), Secondary);
        assert_eq!(row(channel, "email", 0), BelowThreshold);
        assert_eq!(channel.columns[0].total, Count(14));

        let level = table(&stats, "calls_by_level");
        assert_eq!(row(level, "strong_interest", 0), Count(11));
        assert_eq!(row(level, "wish_to_leave", 0), BelowThreshold);

        let highest = table(&stats, "cases_by_highest_level");
        assert_eq!(highest.unit, Unit::Cases);
        assert_eq!(
            highest.columns[0].total,
            Count(13),
            "13 cases had calls in April"
        );
        let new = table(&stats, "cases_new_or_returning");
        assert_eq!(row(new, "new", 0), Secondary, "12 new, 1 returning");
        assert_eq!(row(new, "returning", 0), BelowThreshold);
        let rose = table(&stats, "cases_level_rose");
        assert_eq!(row(rose, "rose", 0), BelowThreshold);

        let referrals = table(&stats, "referrals_made");
        assert_eq!(referrals.unit, Unit::Referrals);
        assert_eq!(
            row(referrals, "retired_service", 0),
            BelowThreshold,
            "an old code still counts"
        );
        // 13 of 14 referrals: it would give the 1 away.
        assert_eq!(row(referrals, "psychologist", 0), Secondary);
        assert_eq!(row(referrals, "ngo", 0), Count(0));
        assert_eq!(referrals.columns[0].total, Count(14));

        let time = &stats.call_time[0];
        assert_eq!(time.calls_timed, Count(14));
        // 11..=21 minutes, 40, 0, 3: total 176 + 43 = 219; sorted, the middle pair is 15 and 16.
        assert_eq!(time.total_minutes, Some(219));
        assert_eq!(time.median_minutes, Some(15));
    }

    #[test]
    fn several_months_are_one_column_each() {
        let months: Vec<Month> = ["2026-03".parse().unwrap(), "2026-04".parse().unwrap()].to_vec();
        let stats = monthly_statistics(
            &april(),
            &months,
            &default_referrals(),
            Threshold::new(3).unwrap(),
        );
        let new = table(&stats, "cases_new_or_returning");
        assert_eq!(new.columns.len(), 2);
        assert_eq!(
            row(new, "new", 0),
            BelowThreshold,
            "March: the one case, new"
        );
        assert_eq!(
            row(new, "returning", 1),
            BelowThreshold,
            "April: it returns"
        );
        assert_eq!(
            stats.call_time[0].total_minutes, None,
            "one call timed in March: hidden"
        );
        assert_eq!(stats.k, 3);
    }
}
