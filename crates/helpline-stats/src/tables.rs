//! The monthly tables: what is counted, in which unit, and the published (suppressed) values.
//!
//! What is counted, and how, is [`helpline_core::tally`]'s; here the counts become tables.

use helpline_core::tally::{table, MonthCounts};
use helpline_core::{
    AgeBand, Channel, Code, ConcernLevel, Environment, Gender, Language, Month, Referral,
    Relationship, Situation,
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

/// A table being published: its categories in the order shown, read from each month's counts.
struct TableSpec {
    id: &'static str,
    unit: Unit,
    dimension: Dimension,
    categories: Vec<String>,
}

impl TableSpec {
    fn new(id: &'static str, unit: Unit, dimension: Dimension, categories: Vec<String>) -> Self {
        TableSpec {
            id,
            unit,
            dimension,
            categories,
        }
    }

    fn publish(mut self, counts: &[(Month, MonthCounts)], k: Threshold) -> Table {
        // A referral code no longer on the helpline's list still counts, under its code.
        for (_, month) in counts {
            for category in month.categories(self.id) {
                if !self.categories.iter().any(|c| c == category) {
                    self.categories.push(category.to_string());
                }
            }
        }
        let columns = counts
            .iter()
            .map(|(_, month)| {
                let column: Vec<u64> = self
                    .categories
                    .iter()
                    .map(|category| month.count(self.id, category))
                    .collect();
                protect(&column, k)
            })
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

/// Publishes each month's counts (as [`helpline_core::Session::month_counts`] gives them),
/// a column per month, with disclosure control at `k`.
pub fn monthly_statistics(
    counts: &[(Month, MonthCounts)],
    referrals: &[Referral],
    k: Threshold,
) -> MonthlyStatistics {
    let calls = |id, dimension, categories| TableSpec::new(id, Unit::Calls, dimension, categories);
    let cases = |id, dimension, categories| TableSpec::new(id, Unit::Cases, dimension, categories);
    let both = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    let referral_codes = referrals
        .iter()
        .map(|r| r.code.as_str().to_string())
        .collect();
    // The order tables are shown in.
    let specs = [
        calls(
            table::CALLS_BY_CHANNEL,
            Dimension::Channel,
            codes::<Channel>(),
        ),
        calls(
            table::CALLS_BY_LANGUAGE,
            Dimension::CallLanguage,
            codes::<Language>(),
        ),
        calls(
            table::CALLS_BY_LEVEL,
            Dimension::Level,
            codes::<ConcernLevel>(),
        ),
        cases(
            table::CASES_BY_HIGHEST_LEVEL,
            Dimension::Level,
            codes::<ConcernLevel>(),
        ),
        cases(
            table::CASES_NEW_OR_RETURNING,
            Dimension::NewOrReturning,
            both("new", "returning"),
        ),
        cases(
            table::CASES_LEVEL_ROSE,
            Dimension::LevelRose,
            both("rose", "did_not_rise"),
        ),
        calls(
            table::CALLS_BY_CALLER_RELATIONSHIP,
            Dimension::Relationship,
            codes::<Relationship>(),
        ),
        calls(
            table::CALLS_BY_CALLER_GENDER,
            Dimension::Gender,
            codes::<Gender>(),
        ),
        calls(
            table::CALLS_BY_PERSON_GENDER,
            Dimension::Gender,
            codes::<Gender>(),
        ),
        calls(
            table::CALLS_BY_AGE_BAND,
            Dimension::AgeBand,
            codes::<AgeBand>(),
        ),
        calls(
            table::CALLS_BY_SITUATION,
            Dimension::Situation,
            codes::<Situation>(),
        ),
        calls(
            table::CALLS_BY_ENVIRONMENT,
            Dimension::Environment,
            codes::<Environment>(),
        ),
        TableSpec::new(
            table::REFERRALS_MADE,
            Unit::Referrals,
            Dimension::Referral,
            referral_codes,
        ),
    ];
    MonthlyStatistics {
        months: counts.iter().map(|(month, _)| *month).collect(),
        k: k.k(),
        tables: specs
            .into_iter()
            .map(|spec| spec.publish(counts, k))
            .collect(),
        call_time: counts
            .iter()
            .map(|(_, month)| call_time(month.call_lengths(), k))
            .collect(),
        referral_labels: referrals.to_vec(),
    }
}

/// Total and median call time, hidden when fewer than k calls were timed (a median of two
/// calls is nearly a person's own call). `minutes` is sorted.
fn call_time(minutes: Vec<u64>, k: Threshold) -> CallTime {
    let timed = minutes.len() as u64;
    let calls_timed = protect(&[timed], k).total;
    if timed < k.k() {
        return CallTime {
            calls_timed,
            total_minutes: None,
            median_minutes: None,
        };
    }
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
    use helpline_core::tally::count_case;
    use helpline_core::{default_referrals, Call, CallContent, RecordedCall, ReferralCode};

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

    /// What the store would give for `months`: the cases counted, one set of counts per month.
    fn counted(cases: &[Vec<RecordedCall>], months: &[Month]) -> Vec<(Month, MonthCounts)> {
        let mut counts = std::collections::BTreeMap::new();
        for case in cases {
            count_case(case, |m| months.contains(&m), &mut counts);
        }
        months
            .iter()
            .map(|m| (*m, counts.remove(m).unwrap_or_default()))
            .collect()
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
            &counted(&april(), &months),
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
            &counted(&april(), &months),
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
