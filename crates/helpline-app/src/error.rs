//! The application layer's one error: a stable `code` the UI translates and scripts match on,
//! and an English message for logs and the CLI. It crosses IPC as `{code, message, limit?}`.
//! Never carries notes, contact details or case numbers (the core's messages do not).

use helpline_core::error::Limit;
use serde::Serialize;
use ts_rs::TS;

use crate::typescript::ErrorCodeTs;

#[derive(Debug, Serialize, TS)]
pub struct AppError {
    /// One of [`error_codes`].
    #[ts(as = "ErrorCodeTs")]
    pub code: &'static str,
    pub message: String,
    /// The limit an input broke, so the UI can say it without keeping its own copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub limit: Option<LimitView>,
}

/// Which field broke which bound: a length in characters, a number of entries, or a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LimitView {
    pub field: String,
    pub min: Option<u64>,
    pub max: u64,
}

impl From<Limit> for LimitView {
    fn from(limit: Limit) -> Self {
        LimitView {
            field: limit.field.to_owned(),
            min: limit.min,
            max: limit.max,
        }
    }
}

/// Every code `helpline_core::Error::code()` gives. The core has no list of them; a test below
/// makes one of each of its variants and checks that this is exactly their codes.
const CORE_CODES: &[&str] = &[
    "wrong_passphrase",
    "wrong_recovery_code",
    "unknown_user",
    "user_exists",
    "user_name_ambiguous",
    "key_slot_missing",
    "store_locked",
    "no_store",
    "store_exists",
    "not_a_store",
    "newer_schema",
    "case_number_check_failed",
    "case_number_malformed",
    "not_a_backup",
    "backup_damaged",
    "no_such_case",
    "no_such_call",
    "damaged_record",
    "not_allowed",
    "invalid_user_name",
    "passphrase_too_short",
    "passphrase_too_long",
    "too_long",
    "too_many",
    "out_of_range",
    "referral_code_malformed",
    "record_format_unknown",
    "contact_details_missing",
    "invalid_argument",
    "store_damaged",
    "storage_failed",
    "month_not_ended",
    "month_has_open_call",
    "month_published",
    "threshold_fixed",
    "not_your_call",
    "correction_window_closed",
    "correction_changes_published",
    "schema_changed",
    "destroy_incomplete",
    "sync_change_damaged",
    "sync_change_newer",
    "case_number_collision",
];

pub(crate) const INVALID_ARGUMENT: &str = "invalid_argument";
pub(crate) const RECOVERY_CODE_MALFORMED: &str = "recovery_code_malformed";
pub(crate) const EXPORT_FAILED: &str = "export_failed";
pub(crate) const BACKUP_FAILED: &str = "backup_failed";
pub(crate) const PASSPHRASE_WEAK: &str = "passphrase_weak";
pub(crate) const CLIPBOARD_FAILED: &str = "clipboard_failed";

/// The codes this layer gives itself; every `AppError` not made from a core error has one.
const OWN_CODES: &[&str] = &[
    INVALID_ARGUMENT,
    RECOVERY_CODE_MALFORMED,
    EXPORT_FAILED,
    BACKUP_FAILED,
    PASSPHRASE_WEAK,
    CLIPBOARD_FAILED,
];

/// Every code an `AppError` can carry: the core's, then this layer's own, each once.
pub fn error_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = CORE_CODES.to_vec();
    for code in OWN_CODES.iter().chain(helpline_sync::SyncError::CODES) {
        if !codes.contains(code) {
            codes.push(code);
        }
    }
    codes
}

impl From<helpline_core::Error> for AppError {
    fn from(e: helpline_core::Error) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
            limit: e.limit().map(LimitView::from),
        }
    }
}

impl AppError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
            limit: None,
        }
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        AppError::new(INVALID_ARGUMENT, message)
    }

    /// The shell could not put a case number on the system clipboard.
    pub fn clipboard_failed(message: impl Into<String>) -> Self {
        AppError::new(CLIPBOARD_FAILED, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use helpline_core::{CaseNumberError, Error, Month, Role};
    use std::collections::BTreeSet;

    /// Which variant `e` is. Without a wildcard arm, a variant added to the core does not
    /// compile here until it gets a number and a place in `one_of_each`.
    fn variant(e: &Error) -> usize {
        match e {
            Error::WrongPassphrase => 0,
            Error::WrongRecoveryCode => 1,
            Error::UnknownUser(_) => 2,
            Error::UserExists(_) => 3,
            Error::KeySlotMissing => 4,
            Error::Locked => 5,
            Error::NoStore(_) => 6,
            Error::StoreExists(_) => 7,
            Error::NotAStore(_) => 8,
            Error::NewerSchema { .. } => 9,
            Error::InvalidCaseNumber(_) => 10,
            Error::NotABackup => 11,
            Error::BackupDamaged => 12,
            Error::NoSuchCase => 13,
            Error::NoSuchCall => 14,
            Error::DamagedRecord { .. } => 15,
            Error::NotAllowed { .. } => 16,
            Error::InvalidUserName(_) => 17,
            Error::PassphraseTooShort { .. } => 18,
            Error::PassphraseTooLong { .. } => 19,
            Error::TooLong { .. } => 20,
            Error::ContactDetailsMissing => 21,
            Error::InvalidInput { .. } => 22,
            Error::StoreDamaged => 23,
            Error::DamagedValue { .. } => 24,
            Error::Storage(_) => 25,
            Error::MonthNotEnded { .. } => 26,
            Error::MonthHasOpenCall { .. } => 27,
            Error::MonthPublished { .. } => 28,
            Error::ThresholdFixed { .. } => 29,
            Error::TooMany { .. } => 30,
            Error::OutOfRange { .. } => 31,
            Error::ReferralCodeMalformed { .. } => 32,
            Error::RecordFormatUnknown { .. } => 33,
            Error::NoSuchRecordedCall => 34,
            Error::NotYourCall => 35,
            Error::CorrectionWindowClosed { .. } => 36,
            Error::CorrectionChangesPublished { .. } => 37,
            Error::UserNameAmbiguous(_) => 38,
            Error::SchemaChanged { .. } => 39,
            Error::DestroyIncomplete { .. } => 40,
            Error::SyncChangeDamaged => 41,
            Error::SyncChangeNewer { .. } => 42,
            Error::CaseNumberCollision => 43,
        }
    }
    const VARIANTS: usize = 44;

    /// One of each variant (both kinds of invalid case number, which have two codes).
    fn one_of_each() -> Vec<Error> {
        let month = Month::new(2026, 1).unwrap();
        vec![
            Error::WrongPassphrase,
            Error::WrongRecoveryCode,
            Error::UnknownUser("x".into()),
            Error::UserExists("x".into()),
            Error::UserNameAmbiguous("x".into()),
            Error::KeySlotMissing,
            Error::Locked,
            Error::NoStore("x".into()),
            Error::StoreExists("x".into()),
            Error::NotAStore("x".into()),
            Error::NewerSchema {
                found: 9,
                supported: 4,
            },
            Error::InvalidCaseNumber(CaseNumberError::Empty),
            Error::InvalidCaseNumber(CaseNumberError::CheckDigitMismatch),
            Error::NotABackup,
            Error::BackupDamaged,
            Error::SchemaChanged {
                change: "trigger \"keep\" that Helpline never made".into(),
            },
            Error::DestroyIncomplete { table: "calls" },
            Error::SyncChangeDamaged,
            Error::SyncChangeNewer { format: 2 },
            Error::CaseNumberCollision,
            Error::NoSuchCase,
            Error::NoSuchCall,
            Error::DamagedRecord {
                table: "calls",
                row: 1,
                column: "notes",
            },
            Error::NotAllowed {
                needed: Role::Supervisor,
            },
            Error::InvalidUserName("empty"),
            Error::PassphraseTooShort { min: 10, max: 1024 },
            Error::PassphraseTooLong { max: 1024 },
            Error::TooLong {
                field: "notes",
                max_chars: 1,
            },
            Error::ContactDetailsMissing,
            Error::InvalidInput {
                field: "x",
                reason: "y".into(),
            },
            Error::StoreDamaged,
            Error::DamagedValue { column: "x".into() },
            Error::Storage("x".into()),
            Error::MonthNotEnded { month },
            Error::MonthHasOpenCall { month },
            Error::MonthPublished { month },
            Error::ThresholdFixed { published: 5 },
            Error::TooMany {
                field: "referrals",
                max: 3,
            },
            Error::OutOfRange {
                field: "limit",
                min: 1,
                max: 2,
            },
            Error::ReferralCodeMalformed { max_chars: 40 },
            Error::RecordFormatUnknown {
                table: "cases",
                row: 1,
                column: "summary",
                format: 9,
            },
            Error::NoSuchRecordedCall,
            Error::NotYourCall,
            Error::CorrectionWindowClosed { hours: 12 },
            Error::CorrectionChangesPublished { month },
        ]
    }

    #[test]
    fn the_core_codes_are_exactly_those_of_its_variants() {
        let errors = one_of_each();
        let variants: BTreeSet<usize> = errors.iter().map(variant).collect();
        assert_eq!(variants, (0..VARIANTS).collect(), "one of each variant");
        let codes: BTreeSet<&str> = errors.iter().map(Error::code).collect();
        assert_eq!(codes, CORE_CODES.iter().copied().collect());
        assert_eq!(CORE_CODES.len(), codes.len(), "each code once");
    }

    #[test]
    fn every_code_is_listed_once() {
        let codes = error_codes();
        let unique: BTreeSet<&str> = codes.iter().copied().collect();
        assert_eq!(unique.len(), codes.len());
        assert!(OWN_CODES.iter().all(|code| unique.contains(code)));
    }
}
