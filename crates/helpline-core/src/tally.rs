//! What monthly statistics are made of: for each month, how many calls, cases and referrals
//! fall in each category. Counts carry no case and no call, so they can outlive the cases they
//! were counted from (a case destroyed by retention or on request leaves its counts behind, and
//! published months stay the same). Disclosure control is applied later, when publishing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::case::RecordedCall;
use crate::domain::{Call, Code, ConcernLevel, Month};

/// The ids of the counted tables; each also names a published table.
pub mod table {
    pub const CALLS_BY_CHANNEL: &str = "calls_by_channel";
    pub const CALLS_BY_LANGUAGE: &str = "calls_by_language";
    pub const CALLS_BY_LEVEL: &str = "calls_by_level";
    pub const CALLS_BY_CALLER_RELATIONSHIP: &str = "calls_by_caller_relationship";
    pub const CALLS_BY_CALLER_GENDER: &str = "calls_by_caller_gender";
    pub const CALLS_BY_PERSON_GENDER: &str = "calls_by_person_gender";
    pub const CALLS_BY_AGE_BAND: &str = "calls_by_age_band";
    pub const CALLS_BY_SITUATION: &str = "calls_by_situation";
    pub const CALLS_BY_ENVIRONMENT: &str = "calls_by_environment";
    pub const REFERRALS_MADE: &str = "referrals_made";
    pub const CASES_BY_HIGHEST_LEVEL: &str = "cases_by_highest_level";
    pub const CASES_NEW_OR_RETURNING: &str = "cases_new_or_returning";
    pub const CASES_LEVEL_ROSE: &str = "cases_level_rose";
}

/// One month's counts, before disclosure control.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCounts {
    /// Table id, then category code, then count.
    pub tables: BTreeMap<String, BTreeMap<String, u64>>,
    /// Length in whole minutes of each call whose end was recorded, then how many calls.
    pub call_minutes: BTreeMap<u64, u64>,
}

impl MonthCounts {
    pub fn count(&self, table: &str, category: &str) -> u64 {
        self.tables
            .get(table)
            .and_then(|t| t.get(category))
            .copied()
            .unwrap_or(0)
    }

    /// The categories counted in `table` this month, including codes no longer in use.
    pub fn categories<'a>(&'a self, table: &str) -> impl Iterator<Item = &'a str> {
        self.tables
            .get(table)
            .into_iter()
            .flat_map(|t| t.keys().map(String::as_str))
    }

    /// How many calls were timed, and their lengths in minutes, shortest first.
    pub fn call_lengths(&self) -> Vec<u64> {
        self.call_minutes
            .iter()
            .flat_map(|(&minutes, &calls)| std::iter::repeat_n(minutes, calls as usize))
            .collect()
    }

    pub fn add_all(&mut self, other: &MonthCounts) {
        for (table, counts) in &other.tables {
            let mine = self.tables.entry(table.clone()).or_default();
            for (category, n) in counts {
                *mine.entry(category.clone()).or_default() += n;
            }
        }
        for (minutes, n) in &other.call_minutes {
            *self.call_minutes.entry(*minutes).or_default() += n;
        }
    }

    fn add(&mut self, table: &str, category: &str) {
        *self
            .tables
            .entry(table.to_owned())
            .or_default()
            .entry(category.to_owned())
            .or_default() += 1;
    }
}

/// Adds one whole case (all its calls, oldest first, escalations marked) to the counts of each
/// month that `wanted` accepts. A case is "new" in the month of its first call ever, and its
/// level "rose" in a month when one of that month's calls rose above the case's previous
/// assessed call, whenever that was.
pub fn count_case(
    case: &[RecordedCall],
    wanted: impl Fn(Month) -> bool,
    into: &mut BTreeMap<Month, MonthCounts>,
) {
    // Each call's month, once: it is a time-zone conversion.
    let call_months: Vec<Month> = case.iter().map(|c| c.call.month()).collect();
    let first_month = call_months.iter().min().copied();
    let mut months = call_months.clone();
    months.sort_unstable();
    months.dedup();
    for month in months.into_iter().filter(|m| wanted(*m)) {
        let counts = into.entry(month).or_default();
        let in_month: Vec<&RecordedCall> = case
            .iter()
            .zip(&call_months)
            .filter(|(_, m)| **m == month)
            .map(|(c, _)| c)
            .collect();
        for recorded in &in_month {
            let content = &recorded.call.content;
            counts.add(table::CALLS_BY_CHANNEL, content.channel.code());
            counts.add(table::CALLS_BY_LANGUAGE, content.language.code());
            counts.add(table::CALLS_BY_LEVEL, content.level.code());
            counts.add(
                table::CALLS_BY_CALLER_RELATIONSHIP,
                content.caller.relationship.code(),
            );
            counts.add(table::CALLS_BY_CALLER_GENDER, content.caller.gender.code());
            counts.add(table::CALLS_BY_PERSON_GENDER, content.person.gender.code());
            counts.add(table::CALLS_BY_AGE_BAND, content.person.age_band.code());
            counts.add(table::CALLS_BY_SITUATION, content.person.situation.code());
            counts.add(
                table::CALLS_BY_ENVIRONMENT,
                content.person.environment.code(),
            );
            for referral in &content.referrals {
                counts.add(table::REFERRALS_MADE, referral.as_str());
            }
            if let Some(minutes) = call_minutes(&recorded.call) {
                *counts.call_minutes.entry(minutes).or_default() += 1;
            }
        }
        let highest = in_month
            .iter()
            .map(|c| c.call.content.level)
            .max_by_key(|l| l.step())
            .unwrap_or(ConcernLevel::NotAssessed);
        counts.add(table::CASES_BY_HIGHEST_LEVEL, highest.code());
        let new = first_month == Some(month);
        counts.add(
            table::CASES_NEW_OR_RETURNING,
            if new { "new" } else { "returning" },
        );
        let rose = in_month.iter().any(|c| c.escalated);
        counts.add(
            table::CASES_LEVEL_ROSE,
            if rose { "rose" } else { "did_not_rise" },
        );
    }
}

/// The counts of each of `months`, in order, from whole cases (all their calls, oldest first,
/// escalations marked), as [`count_case`] counts them: what the store gives for cases that
/// were never destroyed.
pub fn count_cases(cases: &[Vec<RecordedCall>], months: &[Month]) -> Vec<(Month, MonthCounts)> {
    let mut counts = BTreeMap::new();
    for case in cases {
        count_case(case, |m| months.contains(&m), &mut counts);
    }
    months
        .iter()
        .map(|m| (*m, counts.remove(m).unwrap_or_default()))
        .collect()
}

fn call_minutes(call: &Call) -> Option<u64> {
    let ended = call.ended_at?;
    u64::try_from((ended - call.started_at).num_minutes()).ok()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::{CallContent, Channel};
    use crate::store::mark_escalations;

    fn call(month: u32, level: ConcernLevel, minutes: Option<i64>) -> Call {
        let started = Utc.with_ymd_and_hms(2026, month, 10, 12, 0, 0).unwrap();
        let mut content = CallContent::blank();
        content.level = level;
        content.channel = Channel::Phone;
        Call {
            started_at: started,
            ended_at: minutes.map(|m| started + chrono::Duration::minutes(m)),
            content,
        }
    }

    fn counted(calls: Vec<Call>) -> BTreeMap<Month, MonthCounts> {
        let case = mark_escalations(
            calls
                .into_iter()
                .enumerate()
                .map(|(i, c)| (i as i64, c))
                .collect(),
        );
        let mut counts = BTreeMap::new();
        count_case(&case, |_| true, &mut counts);
        counts
    }

    #[test]
    fn a_case_counts_as_new_once_and_rises_in_the_month_it_rose() {
        let counts = counted(vec![
            call(3, ConcernLevel::StrongInterest, Some(12)),
            call(4, ConcernLevel::NotAssessed, None),
            call(4, ConcernLevel::WishToLeave, Some(30)),
        ]);
        let march: Month = "2026-03".parse().unwrap();
        let april: Month = "2026-04".parse().unwrap();
        assert_eq!(
            counts[&march].count(table::CASES_NEW_OR_RETURNING, "new"),
            1
        );
        assert_eq!(
            counts[&april].count(table::CASES_NEW_OR_RETURNING, "returning"),
            1
        );
        assert_eq!(counts[&april].count(table::CASES_LEVEL_ROSE, "rose"), 1);
        assert_eq!(
            counts[&march].count(table::CASES_LEVEL_ROSE, "did_not_rise"),
            1
        );
        assert_eq!(counts[&april].count(table::CALLS_BY_CHANNEL, "phone"), 2);
        assert_eq!(
            counts[&april].count(
                table::CASES_BY_HIGHEST_LEVEL,
                ConcernLevel::WishToLeave.code()
            ),
            1
        );
        assert_eq!(
            counts[&april].call_lengths(),
            vec![30],
            "the untimed call is left out"
        );
    }

    #[test]
    fn adding_counts_together_is_the_same_as_counting_both_cases() {
        let a = counted(vec![call(5, ConcernLevel::StrongInterest, Some(3))]);
        let b = counted(vec![call(5, ConcernLevel::StrongInterest, Some(3))]);
        let may: Month = "2026-05".parse().unwrap();
        let mut sum = a[&may].clone();
        sum.add_all(&b[&may]);
        assert_eq!(
            sum.count(table::CALLS_BY_LEVEL, ConcernLevel::StrongInterest.code()),
            2
        );
        assert_eq!(sum.call_lengths(), vec![3, 3]);
        assert_eq!(sum.count(table::CASES_NEW_OR_RETURNING, "new"), 2);
    }
}
