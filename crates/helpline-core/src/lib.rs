//! The Helpline core: domain types, case numbers, and the encrypted case store.
//!
//! Pure Rust with no UI and no Tauri: the desktop shell and the `helpline` CLI are thin layers
//! over this crate. See ARCHITECTURE.md for the key hierarchy and what is stored in plain.

pub mod case;
pub mod case_number;
pub mod code;
pub mod crypto;
pub mod domain;
pub mod error;
pub mod month;
pub mod paths;
pub mod store;
pub mod tally;

pub use case::{
    CallDraft, CaseHistory, CaseList, CaseOrder, CaseOverview, CaseQuery, CaseSummary,
    FollowUpState, RecordedCall, MAX_LISTED_CASES,
};
pub use case_number::{CaseNumber, CaseNumberError, DigitScript};
pub use crypto::{Passphrase, RecoveryCode};
pub use domain::*;
pub use error::{Error, Result};
pub use store::{
    AuditAction, AuditEntry, AuditProblem, AuditProblemKind, AuditReport, Session, Store,
    UserSummary, VerifyReport,
};
