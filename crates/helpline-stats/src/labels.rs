//! Labels for exports in English, Swedish or Arabic, from the same Fluent files as the UI
//! (`assets/locales/<lang>/helpline.ftl` for categories, `statistics.ftl` for the report).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use helpline_core::Referral;
use serde::Serialize;

use crate::suppression::Published;
use crate::tables::{Dimension, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportLanguage {
    En,
    Sv,
    Ar,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the report language is en, sv or ar, not {0:?}")]
pub struct UnknownLanguage(pub String);

impl std::str::FromStr for ReportLanguage {
    type Err = UnknownLanguage;
    fn from_str(code: &str) -> Result<Self, UnknownLanguage> {
        match code {
            "en" => Ok(ReportLanguage::En),
            "sv" => Ok(ReportLanguage::Sv),
            "ar" => Ok(ReportLanguage::Ar),
            other => Err(UnknownLanguage(other.to_string())),
        }
    }
}

impl ReportLanguage {
    pub const ALL: [ReportLanguage; 3] =
        [ReportLanguage::En, ReportLanguage::Sv, ReportLanguage::Ar];

    pub fn code(self) -> &'static str {
        match self {
            ReportLanguage::En => "en",
            ReportLanguage::Sv => "sv",
            ReportLanguage::Ar => "ar",
        }
    }

    /// The writing direction, for the HTML report.
    pub fn dir(self) -> &'static str {
        if self == ReportLanguage::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    fn sources(self) -> [&'static str; 2] {
        match self {
            ReportLanguage::En => [
                include_str!("../../../assets/locales/en/helpline.ftl"),
                include_str!("../../../assets/locales/en/statistics.ftl"),
            ],
            ReportLanguage::Sv => [
                include_str!("../../../assets/locales/sv/helpline.ftl"),
                include_str!("../../../assets/locales/sv/statistics.ftl"),
            ],
            ReportLanguage::Ar => [
                include_str!("../../../assets/locales/ar/helpline.ftl"),
                include_str!("../../../assets/locales/ar/statistics.ftl"),
            ],
        }
    }
}

pub struct Labels {
    language: ReportLanguage,
    bundle: FluentBundle<FluentResource>,
    referrals: Vec<Referral>,
}

impl Labels {
    /// `referrals` gives the labels of referral codes the helpline added itself.
    pub fn new(language: ReportLanguage, referrals: &[Referral]) -> Labels {
        let lang_id = language
            .code()
            .parse()
            .expect("en, sv and ar are language identifiers");
        let mut bundle = FluentBundle::new(vec![lang_id]);
        // Exports are plain text and spreadsheets: no invisible isolation marks in them.
        bundle.set_use_isolating(false);
        for source in language.sources() {
            // The files are part of the build and tested below; a syntax error fails the tests.
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(resource, _)| resource);
            bundle.add_resource_overriding(resource);
        }
        Labels {
            language,
            bundle,
            referrals: referrals.to_vec(),
        }
    }

    pub fn language(&self) -> ReportLanguage {
        self.language
    }

    /// The message `id` with `args`, or None when there is no such message.
    fn lookup(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// A report text. Every id used is checked by a test in each language.
    pub fn text(&self, id: &str) -> String {
        self.lookup(id, None).unwrap_or_else(|| id.to_string())
    }

    pub fn period(&self, from: &str, to: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("from", FluentValue::from(from));
        args.set("to", FluentValue::from(to));
        self.lookup("stats-period", Some(&args)).unwrap_or_default()
    }

    /// The rule lines every export states, with its k: first those of "<k", "x", ".." and 0
    /// (in the order of [`Labels::symbols`]), then what the release guarantees, that months
    /// are final, and what a report never holds.
    pub fn rules(&self, k: u64) -> Vec<String> {
        let mut args = FluentArgs::new();
        args.set("k", FluentValue::from(k));
        args.set("below", FluentValue::from(k - 1));
        [
            "stats-rule-primary",
            "stats-rule-secondary",
            "stats-rule-withheld",
            "stats-rule-zero",
            "stats-rule-guarantee",
            "stats-rule-final",
            "stats-rule-never",
        ]
        .iter()
        .map(|id| self.lookup(id, Some(&args)).unwrap_or_default())
        .collect()
    }

    /// The symbols the first rule lines explain: "<k", "x", ".." and 0.
    pub fn symbols(&self, k: u64) -> [String; 4] {
        [
            self.published(Published::BelowThreshold, k),
            self.published(Published::Secondary, k),
            self.published(Published::Withheld, k),
            "0".to_string(),
        ]
    }

    /// Why a month cannot be published, for a supervisor, in the report's language: for the
    /// refusals of publishing (a month not ended, a call still open, another k); None for any
    /// other error.
    pub fn refusal(&self, error: &helpline_core::Error) -> Option<String> {
        use helpline_core::Error;
        let mut args = FluentArgs::new();
        match error {
            Error::MonthNotEnded { month } | Error::MonthHasOpenCall { month } => {
                args.set("month", FluentValue::from(month.to_string()));
            }
            Error::ThresholdFixed { published } => args.set("k", FluentValue::from(*published)),
            _ => return None,
        }
        self.lookup(&format!("stats-refused-{}", error.code()), Some(&args))
    }

    /// The line that says what the period column is.
    pub fn period_column(&self, heading: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("period", FluentValue::from(heading));
        self.lookup("stats-period-column", Some(&args))
            .unwrap_or_default()
    }

    pub fn table_title(&self, table_id: &str) -> String {
        self.text(&format!("stats-table-{table_id}"))
    }

    pub fn unit(&self, unit: Unit) -> String {
        self.text(match unit {
            Unit::Calls => "stats-unit-calls",
            Unit::Cases => "stats-unit-cases",
            Unit::Referrals => "stats-unit-referrals",
        })
    }

    fn category_id(dimension: Dimension, code: &str) -> String {
        let prefix = match dimension {
            Dimension::Channel => "channel",
            Dimension::CallLanguage => "call-language",
            Dimension::Level => "level",
            Dimension::Relationship => "relationship",
            Dimension::Gender => "gender",
            Dimension::AgeBand => "age",
            Dimension::Situation => "situation",
            Dimension::Environment => "environment",
            Dimension::Referral => "referral",
            Dimension::NewOrReturning | Dimension::LevelRose => "stats-case",
        };
        format!("{prefix}-{code}")
    }

    /// A category's label: the translation of its code, a referral's own label, or the code.
    pub fn category(&self, dimension: Dimension, code: &str) -> String {
        if let Some(label) = self.lookup(&Labels::category_id(dimension, code), None) {
            return label;
        }
        self.referrals
            .iter()
            .find(|r| r.code.as_str() == code)
            .and_then(|r| r.label.clone())
            .unwrap_or_else(|| code.to_string())
    }

    /// A published value as text: the count, "<k", or "x".
    pub fn published(&self, value: Published, k: u64) -> String {
        match value {
            Published::Count(n) => n.to_string(),
            Published::BelowThreshold => format!("<{k}"),
            Published::Secondary => self.text("stats-hidden"),
            Published::Withheld => self.text("stats-withheld"),
        }
    }
}

#[cfg(test)]
mod tests {
    use helpline_core::{
        default_referrals, AgeBand, Channel, Code, ConcernLevel, Environment, Gender, Language,
        Relationship, Situation,
    };

    use super::*;

    fn all_categories() -> Vec<(Dimension, String)> {
        fn of<T: Code>(d: Dimension) -> Vec<(Dimension, String)> {
            T::ALL.iter().map(|v| (d, v.code().to_string())).collect()
        }
        let mut all = [
            of::<Channel>(Dimension::Channel),
            of::<Language>(Dimension::CallLanguage),
            of::<ConcernLevel>(Dimension::Level),
            of::<Relationship>(Dimension::Relationship),
            of::<Gender>(Dimension::Gender),
            of::<AgeBand>(Dimension::AgeBand),
            of::<Situation>(Dimension::Situation),
            of::<Environment>(Dimension::Environment),
        ]
        .concat();
        all.extend(
            default_referrals()
                .into_iter()
                .map(|r| (Dimension::Referral, r.code.as_str().to_string())),
        );
        for code in ["new", "returning"] {
            all.push((Dimension::NewOrReturning, code.to_string()));
        }
        for code in ["rose", "did_not_rise"] {
            all.push((Dimension::LevelRose, code.to_string()));
        }
        all
    }

    const TEXTS: &[&str] = &[
        "stats-report-title",
        "stats-month",
        "stats-category",
        "stats-total",
        "stats-hidden",
        "stats-withheld",
        "stats-period-column",
        "stats-rules-title",
        "stats-call-time-title",
        "stats-calls-timed",
        "stats-total-minutes",
        "stats-median-minutes",
        "stats-trend-calls",
        "stats-trend-levels",
        "stats-chart-hidden",
    ];

    const TABLES: &[&str] = &[
        "calls_by_channel",
        "calls_by_language",
        "calls_by_level",
        "cases_by_highest_level",
        "cases_new_or_returning",
        "cases_level_rose",
        "calls_by_caller_relationship",
        "calls_by_caller_gender",
        "calls_by_person_gender",
        "calls_by_age_band",
        "calls_by_situation",
        "calls_by_environment",
        "referrals_made",
    ];

    #[test]
    fn the_fluent_files_parse() {
        for language in ReportLanguage::ALL {
            for source in language.sources() {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("{}: {errors:?}", language.code());
                }
            }
        }
    }

    #[test]
    fn every_label_exists_in_every_language() {
        for language in ReportLanguage::ALL {
            let labels = Labels::new(language, &[]);
            for (dimension, code) in all_categories() {
                let id = Labels::category_id(dimension, &code);
                assert!(
                    labels.lookup(&id, None).is_some(),
                    "{} lacks {id}",
                    language.code()
                );
            }
            for id in TEXTS {
                assert!(
                    labels.lookup(id, None).is_some(),
                    "{} lacks {id}",
                    language.code()
                );
            }
            for table in TABLES {
                assert!(
                    labels
                        .lookup(&format!("stats-table-{table}"), None)
                        .is_some(),
                    "{} lacks the title of {table}",
                    language.code()
                );
            }
            for unit in [Unit::Calls, Unit::Cases, Unit::Referrals] {
                assert_ne!(labels.unit(unit), "");
            }
            let rules = labels.rules(5);
            assert_eq!(rules.len(), 7);
            assert!(rules.iter().all(|r| !r.is_empty()));
            assert!(
                rules[4].contains("<5") && rules[4].contains('4'),
                "{}",
                rules[4]
            );
            assert!(labels
                .period_column("2026-01/2026-12")
                .contains("2026-01/2026-12"));
            assert!(labels.period("2026-01", "2026-03").contains("2026-03"));
        }
    }

    #[test]
    fn labels_follow_the_language() {
        let sv = Labels::new(ReportLanguage::Sv, &[]);
        assert_eq!(
            sv.category(Dimension::CallLanguage, "not_stated"),
            "Inte angivet"
        );
        assert_eq!(
            sv.category(Dimension::Channel, "email"),
            Labels::new(ReportLanguage::Sv, &[]).text("channel-email")
        );
        assert_ne!(
            sv.table_title("calls_by_channel"),
            Labels::new(ReportLanguage::En, &[]).table_title("calls_by_channel")
        );
        assert!(sv.rules(5)[0].contains("<5"));
        assert_eq!(ReportLanguage::Ar.dir(), "rtl");
        assert!("fr".parse::<ReportLanguage>().is_err());
    }

    #[test]
    fn a_helplines_own_referral_shows_its_label() {
        let own = Referral {
            code: helpline_core::ReferralCode::new("exit_programme").unwrap(),
            label: Some("Exit Stockholm".into()),
        };
        let labels = Labels::new(ReportLanguage::En, &[own]);
        assert_eq!(
            labels.category(Dimension::Referral, "exit_programme"),
            "Exit Stockholm"
        );
        assert_eq!(
            labels.category(Dimension::Referral, "unknown_code"),
            "unknown_code"
        );
        assert_eq!(labels.published(Published::BelowThreshold, 5), "<5");
        assert_eq!(labels.published(Published::Secondary, 5), "x");
        assert_eq!(labels.published(Published::Count(12), 5), "12");
        assert_eq!(labels.published(Published::Withheld, 5), "..");
    }
}
