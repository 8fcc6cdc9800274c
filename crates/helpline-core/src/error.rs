//! The core's one error type. Every variant has a stable `code` that the UI translates and
//! scripts can match on; the English `Display` text is for logs and the CLI. No message ever
//! carries notes, contact details, case numbers or times.

use crate::case_number::CaseNumberError;
use crate::code::Role;
use crate::month::Month;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("wrong recovery code")]
    WrongRecoveryCode,
    #[error("there is no user called {0:?} in this store")]
    UnknownUser(String),
    #[error("there is already a user called {0:?}")]
    UserExists(String),
    #[error("two users are called {0:?} in different letter case; type the name exactly as it was set up, and ask a supervisor to remove one of them")]
    UserNameAmbiguous(String),
    #[error("the key slot needed to unlock is missing; use another user's passphrase or the recovery code")]
    KeySlotMissing,
    #[error("the store is locked; unlock it first")]
    Locked,
    #[error("there is no store in {0}; create one with `init` first")]
    NoStore(String),
    #[error("there is already a store in {0}")]
    StoreExists(String),
    #[error("{0} is not a Helpline store (or it is damaged beyond opening)")]
    NotAStore(String),
    #[error("this store was written by a newer version of Helpline (schema {found}, this version knows up to {supported}); update the app")]
    NewerSchema { found: i64, supported: i64 },
    #[error("invalid case number: {0}")]
    InvalidCaseNumber(#[from] CaseNumberError),
    #[error("that file is not a Helpline backup (or its header is damaged)")]
    NotABackup,
    #[error("the backup is damaged: its contents do not authenticate; use another backup")]
    BackupDamaged,
    #[error("no case has that number; check it with the caller")]
    NoSuchCase,
    #[error("that call is no longer unfinished (it was ended or discarded)")]
    NoSuchCall,
    #[error("there is no such call (its case may have been forgotten)")]
    NoSuchRecordedCall,
    #[error("only the volunteer who took a call can correct it (calls recorded before corrections were possible cannot be corrected)")]
    NotYourCall,
    #[error("a call can be corrected until {hours} hours after it ended; this one can no longer be corrected")]
    CorrectionWindowClosed { hours: i64 },
    #[error("the statistics of {month} have been published and this correction would change what they count; the notes and next steps can still be corrected")]
    CorrectionChangesPublished { month: Month },
    #[error("damaged record: {table} row {row}, {column} does not authenticate")]
    DamagedRecord {
        table: &'static str,
        row: i64,
        column: &'static str,
    },
    #[error("{table} row {row}, {column} was written by a newer version of Helpline (record format {format}); update the app to read it")]
    RecordFormatUnknown {
        table: &'static str,
        row: i64,
        column: &'static str,
        format: u8,
    },
    #[error("only a {needed:?} may do this")]
    NotAllowed { needed: Role },
    #[error("invalid user name: {0}")]
    InvalidUserName(&'static str),
    #[error("a passphrase needs at least {min} characters")]
    PassphraseTooShort { min: usize, max: usize },
    #[error("a passphrase may have at most {max} characters")]
    PassphraseTooLong { max: usize },
    #[error("{field} is too long (at most {max_chars} characters)")]
    TooLong {
        field: &'static str,
        max_chars: usize,
    },
    #[error("{field}: at most {max}")]
    TooMany { field: &'static str, max: usize },
    #[error("{field} is {min} to {max}")]
    OutOfRange {
        field: &'static str,
        min: u64,
        max: u64,
    },
    #[error("a referral code is 1 to {max_chars} characters of a-z, 0-9 and _")]
    ReferralCodeMalformed { max_chars: usize },
    #[error("the caller chose to give contact details, but none were entered; enter them or switch the choice off")]
    ContactDetailsMissing,
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    #[error("the store file is damaged (SQLite cannot read it whole); restore the latest backup")]
    StoreDamaged,
    #[error("damaged record: column {column} holds a value of the wrong type; `verify` lists the damaged records")]
    DamagedValue { column: String },
    #[error("the store could not be read or written: {0}")]
    Storage(String),
    #[error("the store's file was changed outside Helpline ({change}); do not use it: restore the latest backup on this computer and tell a supervisor")]
    SchemaChanged { change: String },
    #[error("the case could not be destroyed: rows of {table} stayed after they were deleted, so the file was changed outside Helpline; nothing was removed; restore the latest backup and tell a supervisor")]
    DestroyIncomplete { table: &'static str },
    #[error("a change from the helpline's server does not open or does not hold together; nothing of it was kept; tell a supervisor, who can compare this desk with another")]
    SyncChangeDamaged,
    #[error("a change from the helpline's server was written by a newer version of Helpline (format {format}); update the app on this desk")]
    SyncChangeNewer { format: u8 },
    #[error("another desk gave the same case number to a different case while they were apart; sync stops here until this version can keep both; tell a supervisor")]
    CaseNumberCollision,
    #[error("{month} has not ended yet; its statistics can be published once it has")]
    MonthNotEnded { month: Month },
    #[error("a call that started in {month} is still open; end or discard it (the unfinished calls on the home screen), then try again")]
    MonthHasOpenCall { month: Month },
    #[error("the statistics of {month} have been published, and a call can no longer be added to that month; record it with today's date and say in the notes when it took place")]
    MonthPublished { month: Month },
    #[error("this helpline's statistics have been published with k = {published}; every later export uses k = {published}, so that reports can be compared without giving a hidden count away")]
    ThresholdFixed { published: u64 },
}

impl Error {
    /// The stable code of this error; never changes once released.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassphrase => "wrong_passphrase",
            Error::WrongRecoveryCode => "wrong_recovery_code",
            Error::UnknownUser(_) => "unknown_user",
            Error::UserExists(_) => "user_exists",
            Error::UserNameAmbiguous(_) => "user_name_ambiguous",
            Error::KeySlotMissing => "key_slot_missing",
            Error::Locked => "store_locked",
            Error::NoStore(_) => "no_store",
            Error::StoreExists(_) => "store_exists",
            Error::NotAStore(_) => "not_a_store",
            Error::NewerSchema { .. } => "newer_schema",
            Error::InvalidCaseNumber(CaseNumberError::CheckDigitMismatch) => {
                "case_number_check_failed"
            }
            Error::InvalidCaseNumber(_) => "case_number_malformed",
            Error::NotABackup => "not_a_backup",
            Error::BackupDamaged => "backup_damaged",
            Error::NoSuchCase => "no_such_case",
            Error::NoSuchCall | Error::NoSuchRecordedCall => "no_such_call",
            Error::NotYourCall => "not_your_call",
            Error::CorrectionWindowClosed { .. } => "correction_window_closed",
            Error::CorrectionChangesPublished { .. } => "correction_changes_published",
            Error::DamagedRecord { .. } | Error::DamagedValue { .. } => "damaged_record",
            Error::RecordFormatUnknown { .. } => "record_format_unknown",
            Error::NotAllowed { .. } => "not_allowed",
            Error::InvalidUserName(_) => "invalid_user_name",
            Error::PassphraseTooShort { .. } => "passphrase_too_short",
            Error::PassphraseTooLong { .. } => "passphrase_too_long",
            Error::TooLong { .. } => "too_long",
            Error::TooMany { .. } => "too_many",
            Error::OutOfRange { .. } => "out_of_range",
            Error::ReferralCodeMalformed { .. } => "referral_code_malformed",
            Error::ContactDetailsMissing => "contact_details_missing",
            Error::InvalidInput { .. } => "invalid_argument",
            Error::StoreDamaged => "store_damaged",
            Error::Storage(_) => "storage_failed",
            Error::SchemaChanged { .. } => "schema_changed",
            Error::DestroyIncomplete { .. } => "destroy_incomplete",
            Error::SyncChangeDamaged => "sync_change_damaged",
            Error::SyncChangeNewer { .. } => "sync_change_newer",
            Error::CaseNumberCollision => "case_number_collision",
            Error::MonthNotEnded { .. } => "month_not_ended",
            Error::MonthHasOpenCall { .. } => "month_has_open_call",
            Error::MonthPublished { .. } => "month_published",
            Error::ThresholdFixed { .. } => "threshold_fixed",
        }
    }
}

/// The limit an input broke, for the UI to say in its own words: which field, and its bounds
/// (a length in characters, a number of entries, or a value's range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Limit {
    pub field: &'static str,
    pub min: Option<u64>,
    pub max: u64,
}

impl Error {
    /// The limit this error reports, if it is about one.
    pub fn limit(&self) -> Option<Limit> {
        let max = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        match *self {
            Error::TooLong { field, max_chars } => Some(Limit {
                field,
                min: None,
                max: max(max_chars),
            }),
            Error::TooMany { field, max: most } => Some(Limit {
                field,
                min: None,
                max: max(most),
            }),
            Error::OutOfRange {
                field,
                min,
                max: most,
            } => Some(Limit {
                field,
                min: Some(min),
                max: most,
            }),
            Error::ReferralCodeMalformed { max_chars } => Some(Limit {
                field: "referral",
                min: Some(1),
                max: max(max_chars),
            }),
            Error::PassphraseTooShort { min, max: most } => Some(Limit {
                field: "passphrase",
                min: Some(max(min)),
                max: max(most),
            }),
            Error::PassphraseTooLong { max: most } => Some(Limit {
                field: "passphrase",
                min: None,
                max: max(most),
            }),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::Error as Sql;
        match &e {
            // A value of the wrong type where a sealed value or id belongs: one damaged record,
            // not a storage failure (our own writes never store one).
            Sql::InvalidColumnType(_, column, _) => Error::DamagedValue {
                column: column.clone(),
            },
            Sql::FromSqlConversionFailure(..) | Sql::IntegralValueOutOfRange(..) => {
                Error::DamagedValue {
                    column: "unknown".into(),
                }
            }
            // A table or column the schema must have is gone: the file was altered.
            Sql::SqliteFailure(_, Some(message))
                if message.starts_with("no such table")
                    || message.starts_with("no such column") =>
            {
                Error::StoreDamaged
            }
            _ => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                    Error::StoreDamaged
                }
                // SQLite's messages name tables and constraints, never values we bind.
                _ => Error::Storage(e.to_string()),
            },
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Storage(e.to_string())
    }
}
