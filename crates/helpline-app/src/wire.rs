//! What crosses IPC that is made of the core's domain types: a call's content, recorded calls,
//! referrals, users and the audit trail, with camelCase field names like every other view.
//! The core's domain types keep their own serde shapes (the CLI's `--json`; the store writes
//! its own record types, `store/records.rs`); these convert to and from them field by field (destructured, so a new core field does not compile until it
//! is given a place here). Enum values keep the core's codes.

use chrono::{DateTime, Utc};
use helpline_core::store::{
    AuditAction, AuditEntry, AuditProblem, AuditProblemKind, SignInFailure,
};
use helpline_core::{
    AgeBand, Call, CallContent, Caller, CallerIdentity, Channel, ConcernLevel, ContactDetails,
    Environment, Gender, Language, Month, PersonOfConcern, RecordedCall, Referral, ReferralCode,
    Relationship, Role, Situation, UserSummary,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::typescript::{
    AgeBandTs, ChannelTs, ConcernLevelTs, EnvironmentTs, GenderTs, LanguageTs, RelationshipTs,
    RoleTs, SignInFailureTs, SituationTs,
};

/// What the volunteer records during a call: everything but its times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "CallContent")]
pub struct CallContentView {
    #[ts(as = "ChannelTs")]
    pub channel: Channel,
    #[ts(as = "LanguageTs")]
    pub language: Language,
    #[ts(as = "ConcernLevelTs")]
    pub level: ConcernLevel,
    pub caller: CallerView,
    pub person: PersonView,
    /// Codes from the helpline's referral list.
    #[ts(as = "Vec<String>")]
    pub referrals: Vec<ReferralCode>,
    pub next_steps: String,
    /// A day, `YYYY-MM-DD`; it stays with the case until a later call changes or does it.
    pub follow_up: Option<chrono::NaiveDate>,
    /// This call did the case's pending follow-up.
    pub follow_up_done: bool,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "Caller")]
pub struct CallerView {
    #[ts(as = "RelationshipTs")]
    pub relationship: Relationship,
    #[ts(as = "GenderTs")]
    pub gender: Gender,
    pub identity: IdentityView,
}

/// Whether the caller stays anonymous; contact details exist only when they chose to give them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "choice", rename_all = "snake_case")]
#[ts(rename = "Identity")]
pub enum IdentityView {
    Anonymous,
    GaveContactDetails {
        name: Option<String>,
        phone: Option<String>,
        email: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "Person")]
pub struct PersonView {
    #[ts(as = "GenderTs")]
    pub gender: Gender,
    #[ts(as = "AgeBandTs")]
    pub age_band: AgeBand,
    #[ts(as = "SituationTs")]
    pub situation: Situation,
    #[ts(as = "EnvironmentTs")]
    pub environment: Environment,
}

impl From<CallContent> for CallContentView {
    fn from(content: CallContent) -> Self {
        let CallContent {
            channel,
            language,
            level,
            caller,
            person,
            referrals,
            next_steps,
            follow_up,
            follow_up_done,
            notes,
        } = content;
        let Caller {
            relationship,
            gender,
            identity,
        } = caller;
        let PersonOfConcern {
            gender: person_gender,
            age_band,
            situation,
            environment,
        } = person;
        CallContentView {
            channel,
            language,
            level,
            caller: CallerView {
                relationship,
                gender,
                identity: match identity {
                    CallerIdentity::Anonymous => IdentityView::Anonymous,
                    CallerIdentity::GaveContactDetails(ContactDetails { name, phone, email }) => {
                        IdentityView::GaveContactDetails { name, phone, email }
                    }
                },
            },
            person: PersonView {
                gender: person_gender,
                age_band,
                situation,
                environment,
            },
            referrals,
            next_steps,
            follow_up,
            follow_up_done,
            notes,
        }
    }
}

impl From<CallContentView> for CallContent {
    fn from(view: CallContentView) -> Self {
        let CallContentView {
            channel,
            language,
            level,
            caller,
            person,
            referrals,
            next_steps,
            follow_up,
            follow_up_done,
            notes,
        } = view;
        CallContent {
            channel,
            language,
            level,
            caller: Caller {
                relationship: caller.relationship,
                gender: caller.gender,
                identity: match caller.identity {
                    IdentityView::Anonymous => CallerIdentity::Anonymous,
                    IdentityView::GaveContactDetails { name, phone, email } => {
                        CallerIdentity::GaveContactDetails(ContactDetails { name, phone, email })
                    }
                },
            },
            person: PersonOfConcern {
                gender: person.gender,
                age_band: person.age_band,
                situation: person.situation,
                environment: person.environment,
            },
            referrals,
            next_steps,
            follow_up,
            follow_up_done,
            notes,
        }
    }
}

/// A finished call as a case's history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RecordedCall")]
pub struct RecordedCallView {
    /// What `correct_call` names it by.
    pub call_id: String,
    pub started_at: DateTime<Utc>,
    /// Null when how long the call lasted was not recorded.
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub content: CallContentView,
    /// The assessed level rose above the previous assessed call's (a call not assessed is
    /// skipped).
    pub escalated: bool,
    /// Until when the signed-in user may correct this call (they took it, and the
    /// correction window is open); null when they cannot.
    pub correctable_until: Option<DateTime<Utc>>,
}

impl From<RecordedCall> for RecordedCallView {
    fn from(recorded: RecordedCall) -> Self {
        let RecordedCall {
            id,
            call,
            escalated,
            correctable_until,
        } = recorded;
        let Call {
            started_at,
            ended_at,
            content,
        } = call;
        RecordedCallView {
            call_id: id.to_string(),
            started_at,
            ended_at,
            content: content.into(),
            escalated,
            correctable_until,
        }
    }
}

/// One entry of the helpline's referral list: default entries carry a code the UI translates,
/// entries the helpline adds their own label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "Referral")]
pub struct ReferralView {
    /// Checked by the core when it comes in, so a malformed code gets the core's error.
    pub code: String,
    pub label: Option<String>,
}

impl From<Referral> for ReferralView {
    fn from(Referral { code, label }: Referral) -> Self {
        ReferralView {
            code: code.as_str().to_owned(),
            label,
        }
    }
}

impl TryFrom<ReferralView> for Referral {
    type Error = helpline_core::Error;
    fn try_from(ReferralView { code, label }: ReferralView) -> Result<Self, Self::Error> {
        Ok(Referral {
            code: ReferralCode::new(&code)?,
            label,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "User")]
pub struct UserView {
    pub name: String,
    #[ts(as = "RoleTs")]
    pub role: Role,
}

impl From<UserSummary> for UserView {
    fn from(UserSummary { name, role }: UserSummary) -> Self {
        UserView { name, role }
    }
}

/// One entry of the audit trail: who did what when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AuditEntry")]
pub struct AuditEntryView {
    pub seq: u64,
    pub at: DateTime<Utc>,
    /// The user who acted.
    pub user: String,
    pub action: AuditActionView,
}

/// What was done. `case` is a reference to the case's record, never its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(rename = "AuditAction")]
pub enum AuditActionView {
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
    /// A case that could not be destroyed because the file was changed outside Helpline;
    /// `reason` is the error's code.
    ForgetFailed {
        case: String,
        reason: String,
    },
    /// A case's follow-up was marked done outside a call.
    FollowUpDone {
        case: String,
    },
    /// A call was corrected by the volunteer who took it; `fields` names what changed
    /// (the core's field names, such as `level` or `notes`), never the values.
    CallCorrected {
        case: String,
        fields: Vec<String>,
    },
    CasesExpired {
        cases: u64,
        retention_months: u32,
    },
    StatisticsExported {
        /// `YYYY-MM`
        #[ts(as = "String")]
        from: Month,
        /// `YYYY-MM`
        #[ts(as = "String")]
        to: Month,
        format: String,
        k: u64,
        /// Whether a total over the period was published with the months.
        period_total: bool,
    },
    BackupTaken,
    UserAdded {
        name: String,
        #[ts(as = "RoleTs")]
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
    /// A sign-in that failed, entered at the next sign-in; `name` is as typed.
    SignInFailed {
        name: String,
        #[ts(as = "SignInFailureTs")]
        reason: SignInFailure,
        attempted_at: DateTime<Utc>,
    },
    /// Reports of failed sign-ins that did not open, or a report key found replaced.
    SignInReportsDamaged {
        unreadable: u32,
        key_replaced: bool,
    },
}

impl From<AuditEntry> for AuditEntryView {
    fn from(
        AuditEntry {
            seq,
            at,
            user,
            action,
        }: AuditEntry,
    ) -> Self {
        let action = match action {
            AuditAction::SignedIn => AuditActionView::SignedIn,
            AuditAction::RecoveryCodeUsed => AuditActionView::RecoveryCodeUsed,
            AuditAction::RecoveryCodeReplaced => AuditActionView::RecoveryCodeReplaced,
            AuditAction::KeySlotsBound => AuditActionView::KeySlotsBound,
            AuditAction::CaseOpened { case } => AuditActionView::CaseOpened { case },
            AuditAction::CaseForgotten { case } => AuditActionView::CaseForgotten { case },
            AuditAction::CaseForgottenElsewhere { case } => {
                AuditActionView::CaseForgottenElsewhere { case }
            }
            AuditAction::ForgetFailed { case, reason } => {
                AuditActionView::ForgetFailed { case, reason }
            }
            AuditAction::FollowUpDone { case } => AuditActionView::FollowUpDone { case },
            AuditAction::CallCorrected { case, fields } => {
                AuditActionView::CallCorrected { case, fields }
            }
            AuditAction::CasesExpired {
                cases,
                retention_months,
            } => AuditActionView::CasesExpired {
                cases,
                retention_months,
            },
            AuditAction::StatisticsExported {
                from,
                to,
                format,
                k,
                period_total,
            } => AuditActionView::StatisticsExported {
                from,
                to,
                format,
                k,
                period_total,
            },
            AuditAction::BackupTaken => AuditActionView::BackupTaken,
            AuditAction::UserAdded { name, role } => AuditActionView::UserAdded { name, role },
            AuditAction::UserRemoved { name } => AuditActionView::UserRemoved { name },
            AuditAction::PassphraseChanged => AuditActionView::PassphraseChanged,
            AuditAction::PassphraseReset { name } => AuditActionView::PassphraseReset { name },
            AuditAction::SettingsChanged { setting } => {
                AuditActionView::SettingsChanged { setting }
            }
            AuditAction::SignInFailed {
                name,
                reason,
                attempted_at,
            } => AuditActionView::SignInFailed {
                name,
                reason,
                attempted_at,
            },
            AuditAction::SignInReportsDamaged {
                unreadable,
                key_replaced,
            } => AuditActionView::SignInReportsDamaged {
                unreadable,
                key_replaced,
            },
        };
        AuditEntryView {
            seq,
            at,
            user,
            action,
        }
    }
}

/// A problem found in the audit trail at `seq` (the first entry concerned), affecting `count`
/// entries from there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AuditProblem")]
pub struct AuditProblemView {
    pub seq: u64,
    pub count: u64,
    pub problem: AuditProblemKindView,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "AuditProblemKind")]
pub enum AuditProblemKindView {
    /// The entry does not open, or does not follow from the entry before.
    Altered,
    /// Entries are missing between two others.
    Missing,
    /// The last entries were removed.
    TailRemoved,
}

impl From<AuditProblem> for AuditProblemView {
    fn from(
        AuditProblem {
            seq,
            count,
            problem,
        }: AuditProblem,
    ) -> Self {
        AuditProblemView {
            seq,
            count,
            problem: match problem {
                AuditProblemKind::Altered => AuditProblemKindView::Altered,
                AuditProblemKind::Missing => AuditProblemKindView::Missing,
                AuditProblemKind::TailRemoved => AuditProblemKindView::TailRemoved,
            },
        }
    }
}

/// A file the shell wrote where the native save dialog said (a backup, an export).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedFile {
    pub path: String,
}

/// A backup file chosen in the native open dialog, and what checking it found.
#[derive(Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckedBackup {
    pub path: String,
    pub report: crate::VerifyView,
}
