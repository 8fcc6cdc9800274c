//! The stored records: what each sealed JSON value is on disk, as types of its own, converted to
//! and from the domain types. The domain and the app may rename and reshape their types freely;
//! these change only by adding a format (see [`super::sealed`]), and every format stays
//! readable.
//!
//! Format 0 is what releases before record formats wrote (the domain types' own JSON, no
//! format byte); format 1 has the same fields, so both read through one type. Category values
//! (channel, level, role, …) are written as their stable codes, which never change once
//! released.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{AuditAction, AuditEntry, SignInFailure};
use super::publications::Publication;
use super::schema::RECORD_FORMAT;
use super::sealed::Stored;
use crate::case::CaseSummary;
use crate::domain::{
    AgeBand, Call, CallContent, Caller, CallerIdentity, Channel, ConcernLevel, ContactDetails,
    CountryCode, Environment, Gender, HelplineSettings, Language, Month, PersonOfConcern, Referral,
    ReferralCode, Relationship, Role, Situation,
};
use crate::tally::MonthCounts;

/// Implements [`Stored`] for a domain type through its record type, formats 0 and 1 alike.
macro_rules! stored_as {
    ($domain:ty, $record:ty) => {
        impl Stored for $domain {
            const FORMAT: u8 = RECORD_FORMAT;
            fn encode(&self) -> serde_json::Result<Vec<u8>> {
                serde_json::to_vec(&<$record>::from(self))
            }
            fn decode(format: u8, json: &[u8]) -> Option<Self> {
                match format {
                    0 | 1 => serde_json::from_slice::<$record>(json)
                        .ok()?
                        .try_into()
                        .ok(),
                    _ => None,
                }
            }
        }
    };
}

// ---- calls and drafts: `calls.details`, `call_drafts.details` (notes are sealed apart) ----

#[derive(Serialize, Deserialize)]
pub(super) struct CallRecord {
    started_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
    channel: Channel,
    language: Language,
    level: ConcernLevel,
    caller: CallerRecord,
    person: PersonRecord,
    referrals: Vec<ReferralCode>,
    next_steps: String,
    follow_up: Option<NaiveDate>,
    /// Calls written before issue 12 did no follow-up.
    #[serde(default)]
    follow_up_done: bool,
    /// The users row of who took the call, so that only they may correct it; drafts and
    /// calls written before issue 12 name nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    taken_by: Option<i64>,
    /// The month the call is counted in, sealed so that the plain `calls.month` can be checked
    /// against it; drafts, and calls written before issue 13, have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    month: Option<Month>,
}

#[derive(Serialize, Deserialize)]
struct CallerRecord {
    relationship: Relationship,
    gender: Gender,
    identity: IdentityRecord,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "choice", rename_all = "snake_case")]
enum IdentityRecord {
    Anonymous,
    GaveContactDetails {
        name: Option<String>,
        phone: Option<String>,
        email: Option<String>,
    },
}

#[derive(Serialize, Deserialize)]
struct PersonRecord {
    gender: Gender,
    age_band: AgeBand,
    situation: Situation,
    environment: Environment,
}

impl From<&Call> for CallRecord {
    fn from(call: &Call) -> Self {
        let content = &call.content;
        CallRecord {
            started_at: call.started_at,
            ended_at: call.ended_at,
            channel: content.channel,
            language: content.language,
            level: content.level,
            caller: CallerRecord {
                relationship: content.caller.relationship,
                gender: content.caller.gender,
                identity: match &content.caller.identity {
                    CallerIdentity::Anonymous => IdentityRecord::Anonymous,
                    CallerIdentity::GaveContactDetails(contact) => {
                        IdentityRecord::GaveContactDetails {
                            name: contact.name.clone(),
                            phone: contact.phone.clone(),
                            email: contact.email.clone(),
                        }
                    }
                },
            },
            person: PersonRecord {
                gender: content.person.gender,
                age_band: content.person.age_band,
                situation: content.person.situation,
                environment: content.person.environment,
            },
            referrals: content.referrals.clone(),
            next_steps: content.next_steps.clone(),
            follow_up: content.follow_up,
            follow_up_done: content.follow_up_done,
            taken_by: None,
            month: None,
        }
    }
}

/// The call with empty notes: they are read from their own column.
impl From<CallRecord> for Call {
    fn from(record: CallRecord) -> Self {
        Call {
            started_at: record.started_at,
            ended_at: record.ended_at,
            content: CallContent {
                channel: record.channel,
                language: record.language,
                level: record.level,
                caller: Caller {
                    relationship: record.caller.relationship,
                    gender: record.caller.gender,
                    identity: match record.caller.identity {
                        IdentityRecord::Anonymous => CallerIdentity::Anonymous,
                        IdentityRecord::GaveContactDetails { name, phone, email } => {
                            CallerIdentity::GaveContactDetails(ContactDetails {
                                name,
                                phone,
                                email,
                            })
                        }
                    },
                },
                person: PersonOfConcern {
                    gender: record.person.gender,
                    age_band: record.person.age_band,
                    situation: record.person.situation,
                    environment: record.person.environment,
                },
                referrals: record.referrals,
                next_steps: record.next_steps,
                follow_up: record.follow_up,
                follow_up_done: record.follow_up_done,
                notes: String::new(),
            },
        }
    }
}

stored_as!(Call, CallRecord);

/// A finished call as `calls.details` keeps it: the call and who took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TakenCall {
    pub call: Call,
    /// The users row of who took it; None for calls from before takers were kept.
    pub taken_by: Option<i64>,
    /// The month it is counted in, as kept in plain beside it; None for calls from before
    /// issue 13.
    pub month: Option<Month>,
}

impl From<&TakenCall> for CallRecord {
    fn from(taken: &TakenCall) -> Self {
        CallRecord {
            taken_by: taken.taken_by,
            month: taken.month,
            ..CallRecord::from(&taken.call)
        }
    }
}

impl From<CallRecord> for TakenCall {
    fn from(record: CallRecord) -> Self {
        TakenCall {
            taken_by: record.taken_by,
            month: record.month,
            call: record.into(),
        }
    }
}

stored_as!(TakenCall, CallRecord);

// ---- `cases.summary` ----

#[derive(Serialize, Deserialize)]
pub(super) struct CaseSummaryRecord {
    open: bool,
    latest_level: ConcernLevel,
    highest_level: ConcernLevel,
    last_call_at: Option<DateTime<Utc>>,
    follow_up: Option<NaiveDate>,
    /// Summaries written before issue 12 had no follow-up marked done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    follow_up_done_at: Option<DateTime<Utc>>,
    calls: u32,
    /// Format 0 before escalations were kept in the summary had no such field.
    #[serde(default)]
    escalated: bool,
}

impl From<&CaseSummary> for CaseSummaryRecord {
    fn from(summary: &CaseSummary) -> Self {
        CaseSummaryRecord {
            open: summary.open,
            latest_level: summary.latest_level,
            highest_level: summary.highest_level,
            last_call_at: summary.last_call_at,
            follow_up: summary.follow_up,
            follow_up_done_at: summary.follow_up_done_at,
            calls: summary.calls,
            escalated: summary.escalated,
        }
    }
}

impl From<CaseSummaryRecord> for CaseSummary {
    fn from(record: CaseSummaryRecord) -> Self {
        CaseSummary {
            open: record.open,
            latest_level: record.latest_level,
            highest_level: record.highest_level,
            last_call_at: record.last_call_at,
            follow_up: record.follow_up,
            follow_up_done_at: record.follow_up_done_at,
            calls: record.calls,
            escalated: record.escalated,
        }
    }
}

stored_as!(CaseSummary, CaseSummaryRecord);

// ---- `settings.value` of the setting `helpline` ----

#[derive(Serialize, Deserialize)]
pub(super) struct SettingsRecord {
    referrals: Vec<ReferralRecord>,
    transit_countries: Vec<CountryCode>,
    idle_lock_minutes: u32,
    #[serde(default)]
    retention_months: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct ReferralRecord {
    code: ReferralCode,
    label: Option<String>,
}

impl From<&HelplineSettings> for SettingsRecord {
    fn from(settings: &HelplineSettings) -> Self {
        SettingsRecord {
            referrals: settings
                .referrals
                .iter()
                .map(|r| ReferralRecord {
                    code: r.code.clone(),
                    label: r.label.clone(),
                })
                .collect(),
            transit_countries: settings.transit_countries.clone(),
            idle_lock_minutes: settings.idle_lock_minutes,
            retention_months: settings.retention_months,
        }
    }
}

impl From<SettingsRecord> for HelplineSettings {
    fn from(record: SettingsRecord) -> Self {
        HelplineSettings {
            referrals: record
                .referrals
                .into_iter()
                .map(|r| Referral {
                    code: r.code,
                    label: r.label,
                })
                .collect(),
            transit_countries: record.transit_countries,
            idle_lock_minutes: record.idle_lock_minutes,
            retention_months: record.retention_months,
        }
    }
}

stored_as!(HelplineSettings, SettingsRecord);

// ---- `audit_trail.entry` ----

#[derive(Serialize, Deserialize)]
pub(super) struct AuditEntryRecord {
    seq: u64,
    at: DateTime<Utc>,
    user: String,
    action: AuditActionRecord,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum AuditActionRecord {
    SignedIn,
    RecoveryCodeUsed,
    RecoveryCodeReplaced,
    KeySlotsBound,
    CaseOpened {
        case: String,
    },
    CaseForgotten {
        case: String,
    },
    CaseForgottenElsewhere {
        case: String,
    },
    ForgetFailed {
        case: String,
        reason: String,
    },
    FollowUpDone {
        case: String,
    },
    CallCorrected {
        case: String,
        fields: Vec<String>,
    },
    CasesExpired {
        cases: u64,
        retention_months: u32,
    },
    StatisticsExported {
        from: Month,
        to: Month,
        format: String,
        k: u64,
        #[serde(default)]
        period_total: bool,
    },
    BackupTaken,
    UserAdded {
        name: String,
        role: Role,
    },
    UserRemoved {
        name: String,
    },
    PassphraseChanged,
    PassphraseReset {
        name: String,
    },
    SettingsChanged {
        setting: String,
    },
    SignInFailed {
        name: String,
        reason: SignInFailure,
        attempted_at: DateTime<Utc>,
    },
    SignInReportsDamaged {
        unreadable: u32,
        key_replaced: bool,
    },
}

impl From<&AuditEntry> for AuditEntryRecord {
    fn from(entry: &AuditEntry) -> Self {
        use AuditAction as A;
        use AuditActionRecord as R;
        let action = match entry.action.clone() {
            A::SignedIn => R::SignedIn,
            A::RecoveryCodeUsed => R::RecoveryCodeUsed,
            A::RecoveryCodeReplaced => R::RecoveryCodeReplaced,
            A::KeySlotsBound => R::KeySlotsBound,
            A::CaseOpened { case } => R::CaseOpened { case },
            A::CaseForgotten { case } => R::CaseForgotten { case },
            A::CaseForgottenElsewhere { case } => R::CaseForgottenElsewhere { case },
            A::ForgetFailed { case, reason } => R::ForgetFailed { case, reason },
            A::FollowUpDone { case } => R::FollowUpDone { case },
            A::CallCorrected { case, fields } => R::CallCorrected { case, fields },
            A::CasesExpired {
                cases,
                retention_months,
            } => R::CasesExpired {
                cases,
                retention_months,
            },
            A::StatisticsExported {
                from,
                to,
                format,
                k,
                period_total,
            } => R::StatisticsExported {
                from,
                to,
                format,
                k,
                period_total,
            },
            A::BackupTaken => R::BackupTaken,
            A::UserAdded { name, role } => R::UserAdded { name, role },
            A::UserRemoved { name } => R::UserRemoved { name },
            A::PassphraseChanged => R::PassphraseChanged,
            A::PassphraseReset { name } => R::PassphraseReset { name },
            A::SettingsChanged { setting } => R::SettingsChanged { setting },
            A::SignInFailed {
                name,
                reason,
                attempted_at,
            } => R::SignInFailed {
                name,
                reason,
                attempted_at,
            },
            A::SignInReportsDamaged {
                unreadable,
                key_replaced,
            } => R::SignInReportsDamaged {
                unreadable,
                key_replaced,
            },
        };
        AuditEntryRecord {
            seq: entry.seq,
            at: entry.at,
            user: entry.user.clone(),
            action,
        }
    }
}

impl From<AuditEntryRecord> for AuditEntry {
    fn from(record: AuditEntryRecord) -> Self {
        use AuditAction as A;
        use AuditActionRecord as R;
        let action = match record.action {
            R::SignedIn => A::SignedIn,
            R::RecoveryCodeUsed => A::RecoveryCodeUsed,
            R::RecoveryCodeReplaced => A::RecoveryCodeReplaced,
            R::KeySlotsBound => A::KeySlotsBound,
            R::CaseOpened { case } => A::CaseOpened { case },
            R::CaseForgotten { case } => A::CaseForgotten { case },
            R::CaseForgottenElsewhere { case } => A::CaseForgottenElsewhere { case },
            R::ForgetFailed { case, reason } => A::ForgetFailed { case, reason },
            R::FollowUpDone { case } => A::FollowUpDone { case },
            R::CallCorrected { case, fields } => A::CallCorrected { case, fields },
            R::CasesExpired {
                cases,
                retention_months,
            } => A::CasesExpired {
                cases,
                retention_months,
            },
            R::StatisticsExported {
                from,
                to,
                format,
                k,
                period_total,
            } => A::StatisticsExported {
                from,
                to,
                format,
                k,
                period_total,
            },
            R::BackupTaken => A::BackupTaken,
            R::UserAdded { name, role } => A::UserAdded { name, role },
            R::UserRemoved { name } => A::UserRemoved { name },
            R::PassphraseChanged => A::PassphraseChanged,
            R::PassphraseReset { name } => A::PassphraseReset { name },
            R::SettingsChanged { setting } => A::SettingsChanged { setting },
            R::SignInFailed {
                name,
                reason,
                attempted_at,
            } => A::SignInFailed {
                name,
                reason,
                attempted_at,
            },
            R::SignInReportsDamaged {
                unreadable,
                key_replaced,
            } => A::SignInReportsDamaged {
                unreadable,
                key_replaced,
            },
        };
        AuditEntry {
            seq: record.seq,
            at: record.at,
            user: record.user,
            action,
        }
    }
}

stored_as!(AuditEntry, AuditEntryRecord);

// ---- `month_counts.counts`, and the setting `retired_counts` ----

#[derive(Serialize, Deserialize)]
pub(super) struct MonthCountsRecord {
    tables: BTreeMap<String, BTreeMap<String, u64>>,
    call_minutes: BTreeMap<u64, u64>,
}

impl From<&MonthCounts> for MonthCountsRecord {
    fn from(counts: &MonthCounts) -> Self {
        MonthCountsRecord {
            tables: counts.tables.clone(),
            call_minutes: counts.call_minutes.clone(),
        }
    }
}

impl From<MonthCountsRecord> for MonthCounts {
    fn from(record: MonthCountsRecord) -> Self {
        MonthCounts {
            tables: record.tables,
            call_minutes: record.call_minutes,
        }
    }
}

stored_as!(MonthCounts, MonthCountsRecord);

/// The counts destroyed cases left behind, by month (see `store/month_counts.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RetiredCounts(pub BTreeMap<Month, MonthCounts>);

#[derive(Serialize, Deserialize)]
pub(super) struct RetiredCountsRecord(BTreeMap<Month, MonthCountsRecord>);

impl From<&RetiredCounts> for RetiredCountsRecord {
    fn from(retired: &RetiredCounts) -> Self {
        RetiredCountsRecord(retired.0.iter().map(|(m, c)| (*m, c.into())).collect())
    }
}

impl From<RetiredCountsRecord> for RetiredCounts {
    fn from(record: RetiredCountsRecord) -> Self {
        RetiredCounts(record.0.into_iter().map(|(m, c)| (m, c.into())).collect())
    }
}

stored_as!(RetiredCounts, RetiredCountsRecord);

// ---- `publications.body` ----

#[derive(Serialize, Deserialize)]
pub(super) struct PublicationRecord {
    months: Vec<Month>,
    k: u64,
    content: serde_json::Value,
}

impl From<&Publication> for PublicationRecord {
    fn from(publication: &Publication) -> Self {
        PublicationRecord {
            months: publication.months.clone(),
            k: publication.k,
            content: publication.content.clone(),
        }
    }
}

impl From<PublicationRecord> for Publication {
    fn from(record: PublicationRecord) -> Self {
        Publication {
            months: record.months,
            k: record.k,
            content: record.content,
        }
    }
}

// Format 0 (the first release that published) also carried `"version": 1` inside, which
// format 1 leaves to the format byte; serde skips it.
stored_as!(Publication, PublicationRecord);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_referrals;

    /// Format-0 JSON exactly as the release before record formats wrote it (the domain types'
    /// serde shapes then), so that changing those shapes can never break these reads.
    #[test]
    fn format_0_values_read_as_written_by_earlier_releases() {
        let call = br#"{"started_at":"2026-03-05T09:00:00Z","ended_at":null,"channel":"phone","language":"sv","level":"strong_interest","caller":{"relationship":"mother","gender":"woman","identity":{"choice":"gave_contact_details","name":"A","phone":null,"email":null}},"person":{"gender":"man","age_band":"18_20","situation":"radicalising","environment":"violent_islamist"},"referrals":["ngo"],"next_steps":"x","follow_up":"2026-05-01","notes":""}"#;
        let call = Call::decode(0, call).expect("a format-0 call reads");
        assert_eq!(call.content.level, ConcernLevel::StrongInterest);
        assert!(
            !call.content.follow_up_done,
            "no call did a follow-up before issue 12"
        );
        assert!(matches!(
            call.content.caller.identity,
            CallerIdentity::GaveContactDetails(ContactDetails { ref name, .. }) if name.as_deref() == Some("A")
        ));
        let summary = br#"{"open":true,"latest_level":"wish_to_leave","highest_level":"wish_to_leave","last_call_at":null,"follow_up":null,"calls":2}"#;
        let summary = CaseSummary::decode(0, summary).expect("a summary without escalated");
        assert_eq!((summary.calls, summary.escalated), (2, false));
        assert_eq!(summary.follow_up_done_at, None);
        let entry = br#"{"seq":3,"at":"2026-04-01T10:00:00Z","user":"sara","action":{"kind":"statistics_exported","from":"2026-03","to":"2026-03","format":"csv","k":3}}"#;
        let entry = AuditEntry::decode(0, entry).expect("an entry without period_total");
        assert!(matches!(
            entry.action,
            AuditAction::StatisticsExported {
                period_total: false,
                ..
            }
        ));
        let settings = br#"{"referrals":[{"code":"ngo","label":null}],"transit_countries":["TR"],"idle_lock_minutes":5}"#;
        let settings = HelplineSettings::decode(0, settings).expect("settings without retention");
        assert_eq!(settings.retention_months, None);
    }

    #[test]
    fn every_record_reads_back_what_was_written() {
        let settings = HelplineSettings {
            referrals: default_referrals(),
            retention_months: Some(12),
            ..HelplineSettings::default()
        };
        let json = settings.encode().unwrap();
        assert_eq!(HelplineSettings::decode(1, &json), Some(settings));
        let mut counts = MonthCounts::default();
        counts.call_minutes.insert(12, 3);
        let retired = RetiredCounts([("2026-03".parse().unwrap(), counts)].into());
        let json = retired.encode().unwrap();
        assert_eq!(RetiredCounts::decode(1, &json), Some(retired));
    }

    #[test]
    fn a_format_this_build_does_not_know_is_not_read() {
        let json = HelplineSettings::default().encode().unwrap();
        assert_eq!(HelplineSettings::decode(2, &json), None);
    }
}
