//! The TypeScript of the IPC contract: `ui/src/generated/ipc-types.ts` is rendered from the
//! Rust types by a test here, which fails when the checked-in file is not what it would write
//! (`UPDATE_IPC=1 cargo test -p helpline-app` rewrites it).
//!
//! ts-rs cannot derive for the core's enums (another crate, which has no TypeScript in it);
//! their TypeScript is the list of their codes, from `Code::ALL`, through the
//! markers below, which fields name with `#[ts(as = ...)]`.

use helpline_core::Code;
use ts_rs::{Config, TS};

/// The codes of `T`, in the core's order, as a TypeScript union.
fn union_of<T: Code>() -> String {
    T::ALL
        .iter()
        .map(|value| format!("{:?}", value.code()))
        .collect::<Vec<_>>()
        .join(" | ")
}

macro_rules! coded_ts {
    ($($marker:ident => $core:ty, $name:literal, $list:literal;)+) => {
        $(
            #[doc = concat!("The TypeScript of the core's `", stringify!($core), "`: its codes.")]
            pub struct $marker;

            impl TS for $marker {
                type WithoutGenerics = Self;
                type OptionInnerType = Self;
                fn name(_: &Config) -> String {
                    $name.to_owned()
                }
                fn inline(_: &Config) -> String {
                    union_of::<$core>()
                }
            }
        )+

        /// Each coded enum as a constant list of its codes (the UI builds its choices from
        /// them) and the type of one code.
        #[cfg(test)]
        fn coded_enums() -> String {
            let mut out = String::new();
            $(
                let codes: Vec<String> = <$core as Code>::ALL
                    .iter()
                    .map(|value| format!("{:?}", value.code()))
                    .collect();
                out.push_str(&format!(
                    "export const {} = [{}] as const;\nexport type {} = (typeof {})[number];\n\n",
                    $list,
                    codes.join(", "),
                    $name,
                    $list
                ));
            )+
            out
        }
    };
}

coded_ts! {
    ChannelTs => helpline_core::Channel, "Channel", "CHANNELS";
    LanguageTs => helpline_core::Language, "CallLanguage", "CALL_LANGUAGES";
    RelationshipTs => helpline_core::Relationship, "Relationship", "RELATIONSHIPS";
    GenderTs => helpline_core::Gender, "Gender", "GENDERS";
    AgeBandTs => helpline_core::AgeBand, "AgeBand", "AGE_BANDS";
    SituationTs => helpline_core::Situation, "Situation", "SITUATIONS";
    EnvironmentTs => helpline_core::Environment, "Environment", "ENVIRONMENTS";
    ConcernLevelTs => helpline_core::ConcernLevel, "Level", "LEVELS";
    RoleTs => helpline_core::Role, "Role", "ROLES";
    SignInFailureTs => helpline_core::store::SignInFailure, "SignInFailure", "SIGN_IN_FAILURES";
}

/// The TypeScript of `AppError::code`: one of [`crate::error::ERROR_CODES`].
pub struct ErrorCodeTs;

impl TS for ErrorCodeTs {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &Config) -> String {
        "ErrorCode".to_owned()
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::*;
    use crate::*;

    const GENERATED: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ui/src/generated/ipc-types.ts"
    );

    fn declaration<T: TS>(cfg: &Config) -> String {
        let docs = T::docs().unwrap_or_default();
        format!("{docs}export {}\n\n", T::decl(cfg))
    }

    /// The core's limits the UI needs before it asks (a counter under the notes, a field's
    /// length), from the core's own constants, so the UI keeps no copy of them.
    fn limits() -> String {
        use helpline_core::domain as d;
        let limits: [(&str, u64); 9] = [
            ("notesChars", d::MAX_NOTES_CHARS as u64),
            ("nextStepsChars", d::MAX_NEXT_STEPS_CHARS as u64),
            ("contactChars", d::MAX_CONTACT_CHARS as u64),
            ("referralCodeChars", d::MAX_REFERRAL_CODE_CHARS as u64),
            ("referralLabelChars", d::MAX_REFERRAL_LABEL_CHARS as u64),
            ("idleLockMinutes", u64::from(d::MAX_IDLE_LOCK_MINUTES)),
            ("retentionMonths", u64::from(d::MAX_RETENTION_MONTHS)),
            ("listedCases", helpline_core::MAX_LISTED_CASES as u64),
            (
                "userNameChars",
                helpline_core::store::MAX_USER_NAME_CHARS as u64,
            ),
        ];
        let fields: Vec<String> = limits
            .iter()
            .map(|(name, max)| format!("  {name}: {max},\n"))
            .collect();
        format!(
            "/** The core's limits, as the largest value each allows. */\nexport const LIMITS = {{\n{}}} as const;\n\n",
            fields.concat()
        )
    }

    /// Each value of `values` as JSON, comma-separated.
    fn json_list<T: serde::Serialize>(values: &[T]) -> String {
        let items: Vec<String> = values
            .iter()
            .map(|value| serde_json::to_string(value).expect("a plain enum serialises"))
            .collect();
        items.join(", ")
    }

    /// How long the shell waits, with a call open, before it locks; why it may lock; the UI's
    /// languages.
    fn shell_constants() -> String {
        format!(
            "/** The shortest idle time, in minutes, before the shell locks while a call is open. */\n\
             export const CALL_MINUTES = {CALL_MINUTES};\n\n\
             /** Why the shell may lock by itself. */\n\
             export const LOCK_REASONS = [{}] as const;\n\n\
             /** The languages the UI speaks, as the shell keeps the choice. */\n\
             export const UI_LANGUAGES = [{}] as const;\n\n",
            json_list(&LockReason::ALL),
            json_list(&UiLanguage::ALL)
        )
    }

    fn render() -> String {
        // serde_json writes every integer as a JSON number; none of ours comes near 2^53.
        let cfg = Config::new().with_large_int("number");
        let mut out = String::from(
            "// Generated from the Rust types of crates/helpline-app by its tests; do not edit.\n\
             // After changing those types: UPDATE_IPC=1 cargo test -p helpline-app\n\n",
        );
        out.push_str(&coded_enums());
        let codes: Vec<String> = crate::error::error_codes()
            .iter()
            .map(|code| format!("  {code:?},\n"))
            .collect();
        out.push_str(&format!(
            "/** Every code a rejected command carries (`AppError`). */\nexport const ERROR_CODES = [\n{}] as const;\nexport type ErrorCode = (typeof ERROR_CODES)[number];\n\n",
            codes.concat()
        ));
        out.push_str(&limits());
        out.push_str(&shell_constants());
        for decl in [
            declaration::<AppError>(&cfg),
            declaration::<crate::error::LimitView>(&cfg),
            declaration::<AppStatus>(&cfg),
            declaration::<UiLanguage>(&cfg),
            declaration::<SetUpDone>(&cfg),
            declaration::<SignedIn>(&cfg),
            declaration::<RestoreFile>(&cfg),
            declaration::<SettingsView>(&cfg),
            declaration::<ReferralView>(&cfg),
            declaration::<RetentionView>(&cfg),
            declaration::<CallContentView>(&cfg),
            declaration::<CallerView>(&cfg),
            declaration::<IdentityView>(&cfg),
            declaration::<PersonView>(&cfg),
            declaration::<DraftView>(&cfg),
            declaration::<CaseNumberView>(&cfg),
            declaration::<RecordedCallView>(&cfg),
            declaration::<CaseHistoryView>(&cfg),
            declaration::<CasesFilter>(&cfg),
            declaration::<CasesSort>(&cfg),
            declaration::<CaseOverviewView>(&cfg),
            declaration::<FollowUpStateView>(&cfg),
            declaration::<CaseListView>(&cfg),
            declaration::<UserView>(&cfg),
            declaration::<SavedFile>(&cfg),
            declaration::<VerifyView>(&cfg),
            declaration::<DamagedView>(&cfg),
            declaration::<ForgottenView>(&cfg),
            declaration::<NewRecoveryCode>(&cfg),
            declaration::<CheckedBackup>(&cfg),
            declaration::<crate::LockNotice>(&cfg),
            declaration::<crate::LockReason>(&cfg),
            declaration::<AuditEntryView>(&cfg),
            declaration::<AuditActionView>(&cfg),
            declaration::<AuditCheckView>(&cfg),
            declaration::<AuditProblemView>(&cfg),
            declaration::<AuditProblemKindView>(&cfg),
            declaration::<SyncStatusView>(&cfg),
            declaration::<SyncConflictView>(&cfg),
            declaration::<SyncReport>(&cfg),
            declaration::<InvitationView>(&cfg),
        ] {
            out.push_str(&decl);
        }
        format!("{}\n", out.trim_end())
    }

    #[test]
    fn the_generated_typescript_is_current() {
        let rendered = render();
        if std::env::var_os("UPDATE_IPC").is_some() {
            std::fs::create_dir_all(std::path::Path::new(GENERATED).parent().unwrap()).unwrap();
            std::fs::write(GENERATED, &rendered).unwrap();
        }
        let checked_in = std::fs::read_to_string(GENERATED).unwrap_or_default();
        assert!(
            checked_in == rendered,
            "ui/src/generated/ipc-types.ts is not what the Rust types give; regenerate it with \
             UPDATE_IPC=1 cargo test -p helpline-app"
        );
    }
}
