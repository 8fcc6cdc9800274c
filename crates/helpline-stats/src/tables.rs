//! The monthly tables: what is counted, in which unit, and the shape of what is published.
//!
//! What is counted, and how, is [`helpline_core::tally`]'s; which values are published is
//! [`crate::release`]'s.

use helpline_core::tally::table;
use helpline_core::{
    AgeBand, Channel, Code, ConcernLevel, Environment, Gender, Language, Month, Referral,
    Relationship, Situation,
};
use serde::Serialize;

use crate::suppression::Published;

/// What one count in a table is a count of. Tables of the same unit and month share their
/// total: every call is in each calls table once, every case in each cases table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Calls,
    Cases,
    Referrals,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Calls, Unit::Cases, Unit::Referrals];
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

/// A table as published: its id, unit, dimension and the categories every release lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    /// Stable id, e.g. `calls_by_channel`; also names the table's title message.
    pub id: &'static str,
    pub unit: Unit,
    pub dimension: Dimension,
    /// Category codes, in the order shown.
    pub categories: Vec<String>,
}

fn codes<T: Code>() -> Vec<String> {
    T::ALL.iter().map(|v| v.code().to_string()).collect()
}

/// Every published table, in the order shown; referral codes are the helpline's own list.
pub fn table_specs(referrals: &[Referral]) -> Vec<TableSpec> {
    let spec = |id, unit, dimension, categories| TableSpec {
        id,
        unit,
        dimension,
        categories,
    };
    let both = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    use Unit::{Calls, Cases};
    vec![
        spec(
            table::CALLS_BY_CHANNEL,
            Calls,
            Dimension::Channel,
            codes::<Channel>(),
        ),
        spec(
            table::CALLS_BY_LANGUAGE,
            Calls,
            Dimension::CallLanguage,
            codes::<Language>(),
        ),
        spec(
            table::CALLS_BY_LEVEL,
            Calls,
            Dimension::Level,
            codes::<ConcernLevel>(),
        ),
        spec(
            table::CASES_BY_HIGHEST_LEVEL,
            Cases,
            Dimension::Level,
            codes::<ConcernLevel>(),
        ),
        spec(
            table::CASES_NEW_OR_RETURNING,
            Cases,
            Dimension::NewOrReturning,
            both("new", "returning"),
        ),
        spec(
            table::CASES_LEVEL_ROSE,
            Cases,
            Dimension::LevelRose,
            both("rose", "did_not_rise"),
        ),
        spec(
            table::CALLS_BY_CALLER_RELATIONSHIP,
            Calls,
            Dimension::Relationship,
            codes::<Relationship>(),
        ),
        spec(
            table::CALLS_BY_CALLER_GENDER,
            Calls,
            Dimension::Gender,
            codes::<Gender>(),
        ),
        spec(
            table::CALLS_BY_PERSON_GENDER,
            Calls,
            Dimension::Gender,
            codes::<Gender>(),
        ),
        spec(
            table::CALLS_BY_AGE_BAND,
            Calls,
            Dimension::AgeBand,
            codes::<AgeBand>(),
        ),
        spec(
            table::CALLS_BY_SITUATION,
            Calls,
            Dimension::Situation,
            codes::<Situation>(),
        ),
        spec(
            table::CALLS_BY_ENVIRONMENT,
            Calls,
            Dimension::Environment,
            codes::<Environment>(),
        ),
        spec(
            table::REFERRALS_MADE,
            Unit::Referrals,
            Dimension::Referral,
            referrals
                .iter()
                .map(|r| r.code.as_str().to_string())
                .collect(),
        ),
    ]
}

/// One column of a table as published: a value per category, and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProtectedColumn {
    pub cells: Vec<Published>,
    pub total: Published,
}

/// One published table: a row per category, a column per month, and the period's column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub id: &'static str,
    pub unit: Unit,
    pub dimension: Dimension,
    /// Category codes, in the order shown.
    pub categories: Vec<String>,
    /// One per month, in the order of [`MonthlyStatistics::months`].
    pub columns: Vec<ProtectedColumn>,
    /// The total of each category over the period, when the release has one.
    pub period: Option<ProtectedColumn>,
}

/// Call time in one month, in whole minutes, of the calls whose length was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallTime {
    /// How many calls the figures are over; the figures are hidden when it is below k.
    pub calls_timed: Published,
    pub total_minutes: Option<u64>,
    pub median_minutes: Option<u64>,
}

/// Everything an export shows: only published values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthlyStatistics {
    pub months: Vec<Month>,
    /// The months the period column covers (all of `months`), when there is one.
    pub period: Option<Vec<Month>>,
    pub k: u64,
    pub tables: Vec<Table>,
    pub call_time: Vec<CallTime>,
    /// Helpline-defined referral labels (for codes without a translation).
    #[serde(skip)]
    pub referral_labels: Vec<Referral>,
}

impl MonthlyStatistics {
    /// The heading of the period column: `2026-01/2026-12` (an ISO 8601 interval).
    pub fn period_heading(&self) -> Option<String> {
        let months = self.period.as_ref()?;
        Some(format!("{}/{}", months.first()?, months.last()?))
    }

    /// Every column's heading, as every format writes it: each month, then the period.
    pub fn headings(&self) -> Vec<String> {
        self.months
            .iter()
            .map(|m| m.to_string())
            .chain(self.period_heading())
            .collect()
    }
}

impl Table {
    /// The columns in the order of [`MonthlyStatistics::headings`].
    pub fn all_columns(&self) -> impl Iterator<Item = &ProtectedColumn> {
        self.columns.iter().chain(&self.period)
    }
}
