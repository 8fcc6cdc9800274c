//! The application layer: what a person signed in to a Helpline store may do, with every role
//! check and every rule once, for the desktop app and the `helpline` CLI alike. No Tauri, so
//! every rule is tested here without a window.
//!
//! A [`Helpline`] is one data folder and the session of whoever is signed in to it. Its methods
//! take arguments as the webview or the command line gives them (text, checked here), do the
//! work through the core and the statistics crate, and answer with the shapes the app shows
//! (the `*View` types, which cross IPC as JSON) or a coded [`AppError`].

mod error;
mod idle;
mod strength;
mod sync;
mod typescript;
mod ui_language;
mod wire;

pub use error::{error_codes, AppError};
pub use idle::{LockNotice, LockReason, CALL_MINUTES};
pub use sync::{
    sync_in_steps, DeskView, InvitationView, Lend, SyncConflictView, SyncReport, SyncStatusView,
};
pub use ui_language::UiLanguage;
pub use wire::*;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use helpline_core::store::backup::{self, BackupSecret};
use helpline_core::store::{self, AuditEntry, CallDraft, CaseOverview, DamagedPlace};
use helpline_core::Month;
use helpline_core::{
    paths, Call, CallContent, CaseNumber, ConcernLevel, CountryCode, Error, HelplineSettings,
    Passphrase, RecordedCall, RecoveryCode, Referral, Role, Session, Store, VerifyReport,
    MAX_RETENTION_MONTHS,
};
use helpline_core::{CaseOrder, CaseQuery, CaseSummary, FollowUpState};
use helpline_stats::export::{self, Format, Report};
use helpline_stats::labels::{Labels, ReportLanguage, UnknownLanguage};
use helpline_stats::release::Request;
use helpline_stats::suppression::Threshold;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use error::{BACKUP_FAILED, EXPORT_FAILED, RECOVERY_CODE_MALFORMED};
use idle::IdleDeadline;
use typescript::{ConcernLevelTs, RoleTs};

/// The longest text any IPC argument of these commands may have; anything longer is refused
/// before it reaches the core.
const MAX_ARGUMENT_BYTES: usize = 4096;

/// The most cases `list_cases` sends: the most recent of those that match (the webview cannot
/// render a whole helpline's cases; a case further back is looked up by its number).
pub use helpline_core::MAX_LISTED_CASES;

pub struct Helpline {
    data_dir: PathBuf,
    session: Option<Session>,
    /// When the session locks by itself; renewed at every sign-in.
    idle: IdleDeadline,
    /// The backup file chosen on the first-run screen (in the native dialog), to restore from.
    restore_from: Option<PathBuf>,
}

// The tag's values are codes (`needs_setup`); a variant's fields are camelCase like every view.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum AppStatus {
    NeedsSetup,
    Locked,
    Unlocked {
        user: String,
        #[ts(as = "RoleTs")]
        role: Role,
    },
}

#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignedIn {
    pub user: String,
    #[ts(as = "RoleTs")]
    pub role: Role,
    /// Cases the retention period destroyed right after signing in.
    pub cases_expired: u64,
    /// The retention run failed (the cases it should have destroyed are still there).
    pub retention_failed: bool,
}

#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetUpDone {
    /// Shown once; nothing keeps a copy.
    pub recovery_code: String,
    pub user: String,
    #[ts(as = "RoleTs")]
    pub role: Role,
}

pub(crate) fn check_length(field: &str, text: &str) -> Result<(), AppError> {
    if text.len() > MAX_ARGUMENT_BYTES {
        return Err(AppError::invalid_argument(format!(
            "{field} is longer than {MAX_ARGUMENT_BYTES} bytes"
        )));
    }
    Ok(())
}

impl Helpline {
    /// The data folder is `--data-dir`, else HELPLINE_DATA_DIR, else the system's per-user
    /// data folder, as for the CLI.
    pub fn from_environment(data_dir: Option<PathBuf>) -> Result<Helpline, AppError> {
        Ok(Helpline::new(paths::data_dir(data_dir)?))
    }

    pub fn new(data_dir: PathBuf) -> Helpline {
        Helpline {
            data_dir,
            session: None,
            idle: IdleDeadline::new(Instant::now(), helpline_core::DEFAULT_IDLE_LOCK_MINUTES),
            restore_from: None,
        }
    }

    /// The language the UI was last shown in on this computer (None before any choice); asked
    /// before sign-in, so the unlock screen speaks it.
    pub fn ui_language(&self) -> Result<Option<UiLanguage>, AppError> {
        ui_language::read(&self.data_dir)
    }

    /// Keeps `language` (`en`, `sv` or `ar`) for the next start.
    pub fn set_ui_language(&self, language: &str) -> Result<(), AppError> {
        let language = UiLanguage::from_code(language).ok_or_else(|| {
            AppError::invalid_argument(format!(
                "{language:?} is not a language of the app; use en, sv or ar"
            ))
        })?;
        ui_language::write(&self.data_dir, language)
    }

    /// The data folder this helpline's store is (or will be) in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn status(&self) -> AppStatus {
        match &self.session {
            Some(session) => AppStatus::Unlocked {
                user: session.user_name().to_owned(),
                role: session.role(),
            },
            None if Store::exists(&self.data_dir) => AppStatus::Locked,
            None => AppStatus::NeedsSetup,
        }
    }

    pub fn set_up(
        &mut self,
        user_name: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<SetUpDone, AppError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        let passphrase = strength::new_passphrase(&passphrase, user_name)?;
        let (session, code) = Store::create(&self.data_dir, user_name, &passphrase)?;
        let done = SetUpDone {
            recovery_code: code.display().to_string(),
            user: session.user_name().to_owned(),
            role: session.role(),
        };
        self.keep(session);
        Ok(done)
    }

    pub fn unlock(
        &mut self,
        user_name: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<SignedIn, AppError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        self.refuse_when_unlocked()?;
        let passphrase = Passphrase::for_unlock(&passphrase)?;
        let session = Store::open(&self.data_dir)?.unlock(user_name, &passphrase)?;
        Ok(self.sign_in(session))
    }

    /// How long to hold back the answer to a failed unlock; counted in the data folder, so a
    /// restart does not reset it.
    pub fn unlock_delay(&self) -> Duration {
        Store::unlock_delay(&self.data_dir)
    }

    /// Drops the session and with it every key.
    pub fn lock(&mut self) {
        self.session = None;
    }

    /// Holds `session`, with an idle deadline counted from now.
    fn keep(&mut self, session: Session) {
        let minutes = match session.settings() {
            Ok(settings) => settings.idle_lock_minutes,
            // A store whose settings cannot be read still locks, at the shortest time.
            Err(e) => {
                eprintln!(
                    "helpline: the idle lock time could not be read: {e} [{}]",
                    e.code()
                );
                1
            }
        };
        self.idle = IdleDeadline::new(Instant::now(), minutes);
        self.session = Some(session);
    }

    /// Real input (keys, clicks, scrolling) at `now`, as the UI reports it; `call_open` says
    /// whether a call is on the screen.
    pub fn note_input(&mut self, now: Instant, call_open: bool) -> Result<(), AppError> {
        self.session()?;
        self.idle.note_input(now, call_open);
        Ok(())
    }

    /// Whether the session should lock at `now` for want of input, where a minute lasts
    /// `minute`.
    pub fn idle_lock_due(&self, now: Instant, minute: Duration) -> bool {
        self.session.is_some() && self.idle.is_due(now, minute)
    }

    fn refuse_when_unlocked(&self) -> Result<(), AppError> {
        if self.session.is_some() {
            return Err(AppError::invalid_argument(
                "the store is already unlocked; lock it first",
            ));
        }
        Ok(())
    }

    /// Keeps the session and applies the retention period at once, as after every unlock: a
    /// failed run does not undo the unlock, it is reported.
    fn sign_in(&mut self, mut session: Session) -> SignedIn {
        let retention = session.apply_retention(Utc::now());
        if let Err(e) = &retention {
            eprintln!("helpline: retention did not run: {e} [{}]", e.code());
        }
        let signed_in = SignedIn {
            user: session.user_name().to_owned(),
            role: session.role(),
            cases_expired: retention.as_ref().map_or(0, |run| run.cases_destroyed),
            retention_failed: retention.is_err(),
        };
        self.keep(session);
        signed_in
    }

    /// Every passphrase is forgotten: the recovery code opens the store and gives `user_name`
    /// a new passphrase. The session is that user's.
    pub fn recover(
        &mut self,
        user_name: &str,
        recovery_code: Zeroizing<String>,
        new_passphrase: Zeroizing<String>,
    ) -> Result<SignedIn, AppError> {
        check_length("userName", user_name)?;
        self.refuse_when_unlocked()?;
        let code = parse_recovery_code(&recovery_code)?;
        check_length("newPassphrase", &new_passphrase)?;
        let new_passphrase = strength::new_passphrase(&new_passphrase, user_name)?;
        let session = Store::open(&self.data_dir)?.recover(&code, user_name, &new_passphrase)?;
        Ok(self.sign_in(session))
    }

    /// Remembers the backup file chosen in the native dialog (first run only); the name to show.
    pub fn choose_restore_file(&mut self, path: PathBuf) -> Result<RestoreFile, AppError> {
        self.refuse_unless_first_run()?;
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.restore_from = Some(path);
        Ok(RestoreFile { file_name })
    }

    /// Restoring is for a computer without a store, before anyone signs in.
    pub fn refuse_unless_first_run(&self) -> Result<(), AppError> {
        self.refuse_when_unlocked()?;
        if Store::exists(&self.data_dir) {
            return Err(Error::StoreExists(self.data_dir.display().to_string()).into());
        }
        Ok(())
    }

    /// First run: restores the backup chosen with [`Helpline::choose_restore_file`] and signs
    /// in, as [`Helpline::restore_file`] does.
    pub fn restore(
        &mut self,
        user_name: &str,
        passphrase: Zeroizing<String>,
        recovery_code: Option<Zeroizing<String>>,
    ) -> Result<SignedIn, AppError> {
        let Some(backup_file) = self.restore_from.clone() else {
            return Err(AppError::invalid_argument("choose a backup file first"));
        };
        let signed_in = self.restore_file(&backup_file, user_name, passphrase, recovery_code)?;
        self.restore_from = None;
        Ok(signed_in)
    }

    /// Restores `backup_file` into the data folder, which must hold no store yet, and signs
    /// in: with the user's passphrase as it was when the backup was taken, or with the
    /// recovery code (then `passphrase` is the user's new one). If signing in fails after all,
    /// the restored store is removed again, so that the folder can be used again. A backup of
    /// a desk of a helpline becomes a new desk of it (see `sync.rs`).
    pub fn restore_file(
        &mut self,
        backup_file: &Path,
        user_name: &str,
        passphrase: Zeroizing<String>,
        recovery_code: Option<Zeroizing<String>>,
    ) -> Result<SignedIn, AppError> {
        let signed_in = self.restore_snapshot(backup_file, user_name, passphrase, recovery_code)?;
        self.restored_desk()?;
        Ok(signed_in)
    }

    /// [`Helpline::restore_file`] without making the restored store a new desk (joining does
    /// that with the invitation's settings).
    fn restore_snapshot(
        &mut self,
        backup_file: &Path,
        user_name: &str,
        passphrase: Zeroizing<String>,
        recovery_code: Option<Zeroizing<String>>,
    ) -> Result<SignedIn, AppError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        self.refuse_unless_first_run()?;
        let session = match recovery_code {
            None => {
                let passphrase = Passphrase::for_unlock(&passphrase)?;
                let secret = BackupSecret::User {
                    name: user_name,
                    passphrase: &passphrase,
                };
                let store = backup::restore(backup_file, &self.data_dir, &secret)?;
                store
                    .unlock(user_name, &passphrase)
                    .inspect_err(|_| store::remove_store(&self.data_dir))?
            }
            Some(code) => {
                let code = parse_recovery_code(&code)?;
                let new_passphrase = strength::new_passphrase(&passphrase, user_name)?;
                let store =
                    backup::restore(backup_file, &self.data_dir, &BackupSecret::Recovery(&code))?;
                store
                    .recover(&code, user_name, &new_passphrase)
                    .inspect_err(|_| store::remove_store(&self.data_dir))?
            }
        };
        Ok(self.sign_in(session))
    }
}

fn parse_recovery_code(text: &str) -> Result<RecoveryCode, AppError> {
    check_length("recoveryCode", text)?;
    RecoveryCode::parse(text).map_err(|_| {
        AppError::new(
            RECOVERY_CODE_MALFORMED,
            "a recovery code is 32 letters and digits 2-7, in groups of four",
        )
    })
}

#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreFile {
    /// The file's name only, to show which backup was chosen.
    pub file_name: String,
}

/// The settings as the UI reads them.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub referrals: Vec<ReferralView>,
    /// Two-letter country codes such as `TR`.
    #[ts(as = "Vec<String>")]
    pub transit_countries: Vec<CountryCode>,
    pub idle_lock_minutes: u32,
    /// Months case content is kept after a case's last call; None: until it is forgotten.
    pub retention_months: Option<u32>,
}

/// A call in progress, as the call screen needs it.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub draft_id: String,
    pub case_number: String,
    pub started_at: DateTime<Utc>,
    pub content: CallContentView,
    /// The call opened the case (it has no finished call yet); also for a resumed draft.
    pub new_case: bool,
    /// The case as the call found it: its last level and follow-up for the call screen's
    /// header; null for a new case.
    pub case: Option<CaseOverviewView>,
}

#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseNumberView {
    pub case_number: String,
}

#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseHistoryView {
    pub case_number: String,
    pub open: bool,
    /// Newest first, as the volunteer reads them.
    pub calls: Vec<RecordedCallView>,
}

/// A case's calls in the core's terms, oldest first (the CLI's `case show`).
#[derive(Debug, PartialEq, Eq)]
pub struct CaseCalls {
    pub case_number: String,
    pub open: bool,
    pub calls: Vec<RecordedCall>,
}

#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseOverviewView {
    pub case_number: String,
    pub open: bool,
    #[ts(as = "ConcernLevelTs")]
    pub latest_level: ConcernLevel,
    #[ts(as = "ConcernLevelTs")]
    pub highest_level: ConcernLevel,
    pub last_call_at: Option<DateTime<Utc>>,
    pub follow_up: Option<NaiveDate>,
    /// Where the follow-up stands on this computer's calendar day; null without one.
    pub follow_up_state: Option<FollowUpStateView>,
    pub calls: u32,
    pub escalated: bool,
}

/// Where a case's follow-up stands today (the core's one rule, `FollowUpState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "FollowUpState")]
pub enum FollowUpStateView {
    Overdue,
    Today,
    Later,
}

impl From<FollowUpState> for FollowUpStateView {
    fn from(state: FollowUpState) -> Self {
        match state {
            FollowUpState::Overdue => FollowUpStateView::Overdue,
            FollowUpState::Today => FollowUpStateView::Today,
            FollowUpState::Later => FollowUpStateView::Later,
        }
    }
}

/// The cases list's order (the core's `CaseOrder`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "CasesSort")]
pub enum CasesSort {
    /// Overdue follow-ups, then due today, then later, then none; each by latest level.
    FollowUp,
    /// Latest level highest first.
    Level,
    /// Last call newest first.
    LastCall,
}

/// The cases list's filter, as the webview sends it: every field required, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CasesFilter {
    /// Only cases not closed.
    pub open_only: bool,
    /// Only cases whose follow-up date is today or earlier (local time).
    pub due_only: bool,
    /// The latest level's step at least: 0 (any) to 3.
    pub min_step: u8,
    pub sort: CasesSort,
}

impl CasesFilter {
    /// Checks the webview's JSON field by field; its limits are the core's [`CaseQuery`]'s.
    pub fn parse(value: serde_json::Value) -> Result<Self, AppError> {
        // serde would also take the fields in order from an array: only an object is a filter.
        if !value.is_object() {
            return Err(AppError::invalid_argument(
                "filter: an object { openOnly, dueOnly, minStep, sort }",
            ));
        }
        serde_json::from_value(value)
            .map_err(|e| AppError::invalid_argument(format!("filter: {e}")))
    }

    /// The core's question for this filter on `today` (the local calendar day), for at most
    /// `limit` cases.
    pub fn query(&self, today: NaiveDate, limit: usize) -> CaseQuery {
        CaseQuery {
            open_only: self.open_only,
            due_by: self.due_only.then_some(today),
            min_step: self.min_step,
            limit,
            order: match self.sort {
                CasesSort::FollowUp => CaseOrder::FollowUp { today },
                CasesSort::Level => CaseOrder::Level,
                CasesSort::LastCall => CaseOrder::LastCall,
            },
        }
    }
}

/// The cases that match a filter, most recent last call first, at most [`MAX_LISTED_CASES`];
/// `total` is how many match.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseListView {
    pub cases: Vec<CaseOverviewView>,
    pub total: u64,
}

/// This computer's calendar day, on which follow-ups are due.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A case as the webview shows it, its follow-up reckoned on `today`.
fn overview_view(
    CaseOverview { number, summary }: CaseOverview,
    today: NaiveDate,
) -> CaseOverviewView {
    summary_view(shown(&number), summary, today)
}

fn summary_view(case_number: String, summary: CaseSummary, today: NaiveDate) -> CaseOverviewView {
    CaseOverviewView {
        follow_up_state: FollowUpState::of(summary.follow_up, today).map(Into::into),
        case_number,
        open: summary.open,
        latest_level: summary.latest_level,
        highest_level: summary.highest_level,
        last_call_at: summary.last_call_at,
        follow_up: summary.follow_up,
        calls: summary.calls,
        escalated: summary.escalated,
    }
}

fn shown(number: &CaseNumber) -> String {
    number.grouped(helpline_core::DigitScript::Latin)
}

fn draft_view(draft: CallDraft) -> DraftView {
    let case_number = shown(&draft.number);
    DraftView {
        draft_id: draft.draft_id.to_string(),
        case: draft
            .case
            .map(|summary| summary_view(case_number.clone(), summary, today())),
        case_number,
        started_at: draft.started_at,
        content: draft.content.into(),
        new_case: draft.new_case,
    }
}

fn parse_case_number(text: &str) -> Result<CaseNumber, AppError> {
    check_length("caseNumber", text)?;
    Ok(CaseNumber::parse(text).map_err(Error::from)?)
}

fn parse_draft_id(text: &str) -> Result<i64, AppError> {
    parse_row_id("draftId", text)
}

/// A call's or draft's id as the webview sends it back: the decimal text it was given.
fn parse_row_id(field: &str, text: &str) -> Result<i64, AppError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| AppError::invalid_argument(format!("{field} is not the id of a call")))
}

/// A case's history as the webview shows it: newest call first.
fn history_view(case_number: String, open: bool, calls: Vec<RecordedCall>) -> CaseHistoryView {
    CaseHistoryView {
        case_number,
        open,
        calls: calls
            .into_iter()
            .rev()
            .map(RecordedCallView::from)
            .collect(),
    }
}

/// The webview's JSON for a call's content, checked field by field by serde against the wire
/// type (and the core's codes); anything else is a coded error, not a crash.
pub fn parse_content(value: serde_json::Value) -> Result<CallContent, AppError> {
    serde_json::from_value::<CallContentView>(value)
        .map(CallContent::from)
        .map_err(|e| AppError::invalid_argument(format!("content: {e}")))
}

/// What the statistics screen asks for; checked before anything is read.
pub struct StatisticsQuery {
    from: Month,
    to: Month,
    request: Request,
    language: ReportLanguage,
}

/// A refusal to publish, in the report's language; any other error as it is.
fn refusal(labels: &Labels, error: Error) -> AppError {
    match labels.refusal(&error) {
        Some(message) => AppError::new(error.code(), message),
        None => error.into(),
    }
}

/// What an export wrote.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExportDone {
    pub months: usize,
    pub period_total: bool,
    pub k: u64,
}

/// One published column: a month, or a period of several.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublishedView {
    pub months: Vec<Month>,
    pub k: u64,
}

impl StatisticsQuery {
    /// The report's labels, with the helpline's own referral labels.
    fn labels(&self, session: &mut Session) -> Result<Labels, AppError> {
        Ok(Labels::new(self.language, &session.settings()?.referrals))
    }

    pub fn parse(
        from: &str,
        to: &str,
        period_total: bool,
        k: u64,
        language: &str,
    ) -> Result<Self, AppError> {
        let (from, to) = (from.parse::<Month>()?, to.parse::<Month>()?);
        let k = Threshold::new(k).map_err(|e| AppError::invalid_argument(e.to_string()))?;
        Ok(StatisticsQuery {
            from,
            to,
            request: helpline_stats::request(from, to, period_total, k)?,
            language: language
                .parse()
                .map_err(|e: UnknownLanguage| AppError::invalid_argument(e.to_string()))?,
        })
    }

    /// A file name to offer in the save dialog.
    pub fn file_name(&self, format: Format) -> String {
        if self.from == self.to {
            format!("helpline-{}.{}", self.from, format.extension())
        } else {
            format!("helpline-{}-{}.{}", self.from, self.to, format.extension())
        }
    }
}

impl Helpline {
    /// The statistics as an export would publish them now, as the JSON export's document;
    /// publishes nothing.
    pub fn statistics(&mut self, query: &StatisticsQuery) -> Result<serde_json::Value, AppError> {
        let labels = query.labels(self.session()?)?;
        let release = helpline_stats::preview(self.session()?, &query.request)
            .map_err(|e| refusal(&labels, e))?;
        Ok(export::document(&Report {
            statistics: &release.statistics,
            labels: &labels,
        }))
    }

    /// Publishes the statistics and writes them to `path` (chosen by the supervisor in the
    /// save dialog, or given on the command line). What is published is recorded, with the
    /// export's audit entry, before the file is written: if writing fails, the months stay
    /// published, and the next export of them is the same. A month that cannot be published
    /// yet is explained in the report's language.
    pub fn export_statistics(
        &mut self,
        query: &StatisticsQuery,
        format: Format,
        path: &std::path::Path,
    ) -> Result<ExportDone, AppError> {
        let labels = query.labels(self.session()?)?;
        let release = helpline_stats::publish(self.session()?, &query.request, format.extension())
            .map_err(|e| refusal(&labels, e))?;
        let statistics = &release.statistics;
        export::write_file(
            &Report {
                statistics,
                labels: &labels,
            },
            format,
            path,
        )
        .map_err(|e| AppError::new(
            EXPORT_FAILED,
            format!(
                "{e} (the months are published all the same: exporting them again gives the same values)"
            ),
        ))?;
        Ok(ExportDone {
            months: statistics.months.len(),
            period_total: statistics.period.is_some(),
            k: statistics.k,
        })
    }

    /// The months and periods published so far, by month, each with its k (supervisors).
    pub fn published_statistics(&mut self) -> Result<Vec<PublishedView>, AppError> {
        Ok(helpline_stats::published(self.session()?)?
            .into_iter()
            .map(|(months, k)| PublishedView { months, k })
            .collect())
    }

    /// Supervisors only, checked before the save dialog opens.
    pub fn require_supervisor(&mut self) -> Result<(), AppError> {
        match self.session()?.role() {
            Role::Supervisor => Ok(()),
            Role::Volunteer => Err(Error::NotAllowed {
                needed: Role::Supervisor,
            }
            .into()),
        }
    }

    fn session(&mut self) -> Result<&mut Session, AppError> {
        self.session.as_mut().ok_or_else(|| Error::Locked.into())
    }

    pub fn change_passphrase(
        &mut self,
        current: Zeroizing<String>,
        next: Zeroizing<String>,
    ) -> Result<(), AppError> {
        check_length("current", &current)?;
        check_length("next", &next)?;
        let current = Passphrase::for_unlock(&current)?;
        let session = self.session()?;
        let next = strength::new_passphrase(&next, session.user_name())?;
        Ok(session.change_passphrase(&current, &next)?)
    }

    pub fn settings(&mut self) -> Result<SettingsView, AppError> {
        let settings = self.session()?.settings()?;
        Ok(SettingsView {
            referrals: settings
                .referrals
                .into_iter()
                .map(ReferralView::from)
                .collect(),
            transit_countries: settings.transit_countries,
            idle_lock_minutes: settings.idle_lock_minutes,
            retention_months: settings.retention_months,
        })
    }

    fn change_settings(
        &mut self,
        change: impl FnOnce(&mut HelplineSettings),
    ) -> Result<(), AppError> {
        let session = self.session()?;
        let mut settings = session.settings()?;
        change(&mut settings);
        Ok(session.set_settings(&settings)?)
    }

    pub fn set_referrals(&mut self, referrals: serde_json::Value) -> Result<(), AppError> {
        let referrals = serde_json::from_value::<Vec<ReferralView>>(referrals)
            .map_err(|e| AppError::invalid_argument(format!("referrals: {e}")))?
            .into_iter()
            .map(Referral::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        self.change_settings(|s| s.referrals = referrals)
    }

    pub fn set_transit_countries(&mut self, countries: Vec<String>) -> Result<(), AppError> {
        let countries = countries
            .into_iter()
            .map(CountryCode::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        self.change_settings(|s| s.transit_countries = countries)
    }

    pub fn set_idle_lock_minutes(&mut self, minutes: u32) -> Result<(), AppError> {
        self.change_settings(|s| s.idle_lock_minutes = minutes)?;
        self.idle.set_minutes(minutes);
        Ok(())
    }

    /// Sets how long case content is kept (supervisors), then applies it at once: cases whose
    /// last call is older are destroyed now, not at the next unlock.
    pub fn set_retention_months(&mut self, months: Option<u32>) -> Result<RetentionView, AppError> {
        // Checked before anything is read, with the core's own error and limit.
        if months.is_some_and(|m| !(1..=MAX_RETENTION_MONTHS).contains(&m)) {
            return Err(Error::OutOfRange {
                field: "retention_months",
                min: 1,
                max: u64::from(MAX_RETENTION_MONTHS),
            }
            .into());
        }
        self.change_settings(|s| s.retention_months = months)?;
        self.apply_retention()
    }

    /// Destroys every case whose last call is older than the retention period, now (as every
    /// sign-in and every change of the period do). Anyone signed in: the period is the
    /// helpline's rule, not a role's.
    pub fn apply_retention(&mut self) -> Result<RetentionView, AppError> {
        let run = self.session()?.apply_retention(Utc::now())?;
        Ok(RetentionView {
            cases_destroyed: run.cases_destroyed,
        })
    }

    pub fn start_call(&mut self, case_number: Option<String>) -> Result<DraftView, AppError> {
        let number = case_number.as_deref().map(parse_case_number).transpose()?;
        Ok(draft_view(self.session()?.start_call(number.as_ref())?))
    }

    pub fn save_draft(
        &mut self,
        draft_id: &str,
        content: serde_json::Value,
    ) -> Result<(), AppError> {
        let draft_id = parse_draft_id(draft_id)?;
        let content = parse_content(content)?;
        Ok(self.session()?.save_draft(draft_id, &content)?)
    }

    pub fn end_call(
        &mut self,
        draft_id: &str,
        content: serde_json::Value,
    ) -> Result<CaseNumberView, AppError> {
        let draft_id = parse_draft_id(draft_id)?;
        let content = parse_content(content)?;
        let number = self.session()?.end_call(draft_id, &content)?;
        Ok(CaseNumberView {
            case_number: shown(&number),
        })
    }

    /// Records a whole call at once (the CLI's way): on the case with `case_number`, or on a
    /// new case. Refused in a month whose statistics are published.
    pub fn record_call(
        &mut self,
        case_number: Option<&str>,
        call: &Call,
    ) -> Result<CaseNumberView, AppError> {
        let number = case_number.map(parse_case_number).transpose()?;
        let number = self.session()?.record_call(number.as_ref(), call)?;
        Ok(CaseNumberView {
            case_number: shown(&number),
        })
    }

    pub fn discard_call(&mut self, draft_id: &str) -> Result<(), AppError> {
        let draft_id = parse_draft_id(draft_id)?;
        Ok(self.session()?.discard_call(draft_id)?)
    }

    /// The case number of the call in progress `draft_id`, as the call screen shows it: what
    /// the shell puts on the clipboard, so the webview can have it copy nothing else.
    pub fn case_number_of_call(&mut self, draft_id: &str) -> Result<String, AppError> {
        let draft_id = parse_draft_id(draft_id)?;
        Ok(shown(&self.session()?.draft_case_number(draft_id)?))
    }

    pub fn unfinished_calls(&mut self) -> Result<Vec<DraftView>, AppError> {
        Ok(self
            .session()?
            .unfinished_calls()?
            .into_iter()
            .map(draft_view)
            .collect())
    }

    pub fn find_case(&mut self, case_number: &str) -> Result<CaseHistoryView, AppError> {
        let case = self.case_calls(case_number)?;
        Ok(history_view(case.case_number, case.open, case.calls))
    }

    /// Corrects a finished call the signed-in user took, within the correction window (the
    /// webview's JSON for its content, as `end_call` takes it); the case's history afterwards.
    pub fn correct_call(
        &mut self,
        call_id: &str,
        content: serde_json::Value,
    ) -> Result<CaseHistoryView, AppError> {
        let call_id = parse_row_id("callId", call_id)?;
        let content = parse_content(content)?;
        let history = self.session()?.correct_call(call_id, &content)?;
        Ok(history_view(
            shown(&history.number),
            history.open,
            history.calls,
        ))
    }

    /// A case's history as the core has it, oldest first.
    pub fn case_calls(&mut self, case_number: &str) -> Result<CaseCalls, AppError> {
        let number = parse_case_number(case_number)?;
        let history = self.session()?.case_history(&number)?;
        Ok(CaseCalls {
            case_number: shown(&number),
            open: history.open,
            calls: history.calls,
        })
    }

    /// The cases list: those matching `filter` (the webview's JSON), in its order, at most
    /// [`MAX_LISTED_CASES`], with how many match. Due is reckoned on this computer's calendar day.
    pub fn list_cases(&mut self, filter: serde_json::Value) -> Result<CaseListView, AppError> {
        self.cases(&CasesFilter::parse(filter)?, MAX_LISTED_CASES)
    }

    /// The cases matching `filter`, in its order, at most `limit` (1 to
    /// [`MAX_LISTED_CASES`]), with how many match: the cases list and `helpline case list`.
    pub fn cases(&mut self, filter: &CasesFilter, limit: usize) -> Result<CaseListView, AppError> {
        // One day for the filter and every case's follow-up state, even across midnight.
        let today = today();
        let query = filter.query(today, limit);
        query.check()?;
        let list = self.session()?.cases(&query)?;
        Ok(CaseListView {
            cases: list
                .cases
                .into_iter()
                .map(|case| overview_view(case, today))
                .collect(),
            total: list.total,
        })
    }

    /// A case's summary without its calls or notes (no audit entry): what the "forget a case"
    /// screen shows before it asks to confirm.
    pub fn case_overview(&mut self, case_number: &str) -> Result<CaseOverviewView, AppError> {
        let number = parse_case_number(case_number)?;
        Ok(overview_view(
            self.session()?.case_overview(&number)?,
            today(),
        ))
    }

    /// Marks a case's pending follow-up done from the cases list (audited); the case as the
    /// list shows it afterwards.
    pub fn mark_follow_up_done(&mut self, case_number: &str) -> Result<CaseOverviewView, AppError> {
        let number = parse_case_number(case_number)?;
        Ok(overview_view(
            self.session()?.mark_follow_up_done(&number)?,
            today(),
        ))
    }

    pub fn set_case_open(&mut self, case_number: &str, open: bool) -> Result<(), AppError> {
        let number = parse_case_number(case_number)?;
        Ok(self.session()?.set_case_open(&number, open)?)
    }

    pub fn list_users(&mut self) -> Result<Vec<UserView>, AppError> {
        Ok(self
            .session()?
            .users()?
            .into_iter()
            .map(UserView::from)
            .collect())
    }

    pub fn add_user(
        &mut self,
        user_name: &str,
        role: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<(), AppError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        let role: Role = store::parse_role(role)?;
        let passphrase = strength::new_passphrase(&passphrase, user_name)?;
        Ok(self.session()?.add_user(user_name, role, &passphrase)?)
    }

    pub fn remove_user(&mut self, user_name: &str) -> Result<(), AppError> {
        check_length("userName", user_name)?;
        Ok(self.session()?.remove_user(user_name)?)
    }

    /// Gives another user a new passphrase (supervisors), for a volunteer who forgot theirs.
    pub fn reset_passphrase(
        &mut self,
        user_name: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<(), AppError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        let passphrase = strength::new_passphrase(&passphrase, user_name)?;
        Ok(self.session()?.reset_passphrase(user_name, &passphrase)?)
    }

    /// Writes an encrypted backup of the whole store to `path` (chosen in the save dialog).
    pub fn backup(&mut self, path: &Path) -> Result<(), AppError> {
        self.session()?.backup(path).map_err(|e| match e {
            Error::Storage(message) => AppError::new(BACKUP_FAILED, message),
            other => other.into(),
        })
    }

    /// Checks every record of the store (supervisors).
    pub fn verify_store(&mut self) -> Result<VerifyView, AppError> {
        self.require_supervisor()?;
        Ok(VerifyView::from(self.session()?.verify()?))
    }

    /// Checks a backup file with the signed-in supervisor's passphrase, as it was when the
    /// backup was taken: decrypts it into a temporary folder, unlocks it and verifies it there.
    pub fn verify_backup(
        &mut self,
        path: &Path,
        passphrase: Zeroizing<String>,
    ) -> Result<VerifyView, AppError> {
        check_length("passphrase", &passphrase)?;
        let passphrase = Passphrase::for_unlock(&passphrase)?;
        self.require_supervisor()?;
        let user_name = self.session()?.user_name().to_owned();
        Ok(VerifyView::from(backup::verify_backup(
            path,
            &user_name,
            &passphrase,
        )?))
    }

    /// The audit trail, newest first (supervisors).
    pub fn audit_trail(&mut self) -> Result<Vec<AuditEntryView>, AppError> {
        Ok(self
            .audit_entries()?
            .into_iter()
            .map(AuditEntryView::from)
            .collect())
    }

    /// The audit trail in the core's terms, newest first (the CLI's `audit list`).
    pub fn audit_entries(&mut self) -> Result<Vec<AuditEntry>, AppError> {
        Ok(self.session()?.audit_trail()?)
    }

    /// Checks that no entry of the trail was altered or removed (supervisors).
    pub fn verify_audit(&mut self) -> Result<AuditCheckView, AppError> {
        let report = self.session()?.verify_audit()?;
        Ok(AuditCheckView {
            sound: report.is_sound(),
            entries_checked: report.entries_checked,
            head_seq: report.head_seq,
            fingerprint: report.fingerprint,
            problems: report
                .problems
                .into_iter()
                .map(AuditProblemView::from)
                .collect(),
        })
    }

    /// Destroys a case for good (supervisors), for a caller who asks; says which backups still
    /// hold it.
    pub fn forget_case(&mut self, case_number: &str) -> Result<ForgottenView, AppError> {
        let number = parse_case_number(case_number)?;
        let forgotten = self.session()?.forget_case(&number)?;
        Ok(ForgottenView {
            backups_holding_it: forgotten.backups_holding_it,
        })
    }

    /// Replaces the recovery code (supervisors, asked their passphrase again); the new code is
    /// shown once, as at set-up.
    pub fn replace_recovery_code(
        &mut self,
        passphrase: Zeroizing<String>,
    ) -> Result<NewRecoveryCode, AppError> {
        check_length("passphrase", &passphrase)?;
        let passphrase = Passphrase::for_unlock(&passphrase)?;
        let code = self.session()?.replace_recovery_code(&passphrase)?;
        Ok(NewRecoveryCode {
            recovery_code: code.display().to_string(),
        })
    }
}

/// What saving the retention period destroyed at once.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionView {
    pub cases_destroyed: u64,
}

/// What a check of the audit trail found.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheckView {
    pub sound: bool,
    pub entries_checked: u64,
    /// How many entries the trail has had.
    pub head_seq: u64,
    /// To note down elsewhere: it shows later whether the trail was wound back.
    pub fingerprint: String,
    pub problems: Vec<AuditProblemView>,
}

/// The name offered in the save dialog for a backup taken on `day`.
pub fn backup_file_name(day: NaiveDate) -> String {
    format!("helpline-{day}.{BACKUP_EXTENSION}")
}

pub const BACKUP_EXTENSION: &str = "hlbak";

/// What forgetting a case could not reach: the backups taken since the case began still hold
/// it under the same keys, and should be destroyed.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct ForgottenView {
    /// When each was taken, oldest first.
    pub backups_holding_it: Vec<chrono::DateTime<chrono::Utc>>,
}

/// A replaced recovery code, shown once; nothing keeps a copy.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewRecoveryCode {
    pub recovery_code: String,
}

/// What a check of the store or of a backup found, for the safety screen.
#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifyView {
    pub sound: bool,
    pub sealed_values_checked: u64,
    /// SQLite's own words about the file when its integrity check did not say "ok".
    pub file_problems: Vec<String>,
    pub damaged: Vec<DamagedView>,
    /// Records a newer release wrote: not damage, but this build cannot read them.
    pub newer_format: Vec<DamagedView>,
    /// Tables, triggers, views or indexes added to the file, removed or changed outside
    /// Helpline, in words (English: they name SQL objects, as SQLite's own words do).
    pub schema_changes: Vec<String>,
}

#[derive(Debug, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct DamagedView {
    pub table: &'static str,
    pub column: &'static str,
    /// The random row id, as text: it does not fit in a JavaScript number.
    pub row: String,
}

impl DamagedView {
    fn of(place: &DamagedPlace) -> Self {
        DamagedView {
            table: place.table,
            column: place.column,
            row: place.row.to_string(),
        }
    }
}

impl From<VerifyReport> for VerifyView {
    fn from(report: VerifyReport) -> Self {
        VerifyView {
            sound: report.is_sound(),
            sealed_values_checked: report.sealed_values_checked as u64,
            file_problems: if report.sqlite_integrity == ["ok"] {
                Vec::new()
            } else {
                report.sqlite_integrity.clone()
            },
            damaged: report.damaged.iter().map(DamagedView::of).collect(),
            newer_format: report.newer_format.iter().map(DamagedView::of).collect(),
            schema_changes: report.schema_changes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(text: &str) -> Zeroizing<String> {
        Zeroizing::new(text.to_owned())
    }

    fn signed_in(user: &str, role: Role) -> SignedIn {
        SignedIn {
            user: user.into(),
            role,
            cases_expired: 0,
            retention_failed: false,
        }
    }

    #[test]
    fn first_run_then_lock_then_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = Helpline::new(dir.path().join("data"));
        assert_eq!(helpline.status(), AppStatus::NeedsSetup);
        let done = helpline
            .set_up("sara", secret("a long passphrase"))
            .unwrap();
        assert_eq!(done.recovery_code.len(), 39);
        assert_eq!(
            helpline.status(),
            AppStatus::Unlocked {
                user: "sara".into(),
                role: Role::Supervisor
            }
        );
        helpline.lock();
        assert_eq!(helpline.status(), AppStatus::Locked);
        assert_eq!(
            helpline
                .unlock("sara", secret("wrong passphrase"))
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        assert_eq!(
            helpline
                .unlock("sara", secret("a long passphrase"))
                .unwrap(),
            signed_in("sara", Role::Supervisor)
        );
        assert_eq!(
            helpline
                .unlock("sara", secret("a long passphrase"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
    }

    #[test]
    fn the_session_is_due_to_lock_after_the_helplines_idle_minutes_without_input() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = Helpline::new(dir.path().join("data"));
        let minute = Duration::from_secs(60);
        let start = Instant::now();
        assert!(
            !helpline.idle_lock_due(start + minute * 60, minute),
            "nothing to lock"
        );
        helpline
            .set_up("sara", secret("a long passphrase"))
            .unwrap();
        let default = helpline_core::DEFAULT_IDLE_LOCK_MINUTES;
        assert!(helpline.idle_lock_due(Instant::now() + minute * default, minute));
        helpline.set_idle_lock_minutes(20).unwrap();
        let now = Instant::now();
        helpline.note_input(now, false).unwrap();
        assert!(!helpline.idle_lock_due(now + minute * 19, minute));
        assert!(helpline.idle_lock_due(now + minute * 20, minute));
        helpline.note_input(now, true).unwrap();
        assert!(!helpline.idle_lock_due(now + minute * (CALL_MINUTES - 1), minute));

        helpline.lock();
        assert!(!helpline.idle_lock_due(now + minute * 60, minute));
        assert_eq!(
            helpline.note_input(now, false).unwrap_err().code,
            "store_locked",
            "input does not reach a locked store"
        );
        // The time the helpline chose holds at the next sign-in too.
        helpline
            .unlock("sara", secret("a long passphrase"))
            .unwrap();
        let now = Instant::now();
        assert!(!helpline.idle_lock_due(now + minute * 19, minute));
        assert!(helpline.idle_lock_due(now + minute * 20, minute));
    }

    #[test]
    fn arguments_are_checked_before_the_core() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = Helpline::new(dir.path().to_path_buf());
        assert_eq!(
            helpline.set_up("sara", secret("short")).err().unwrap().code,
            "passphrase_too_short"
        );
        assert_eq!(
            helpline
                .set_up("", secret("a long passphrase"))
                .err()
                .unwrap()
                .code,
            "invalid_user_name"
        );
        assert_eq!(
            helpline
                .set_up(&"x".repeat(5000), secret("a long passphrase"))
                .err()
                .unwrap()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            helpline.status(),
            AppStatus::NeedsSetup,
            "nothing was created by refused set-ups"
        );
        assert_eq!(
            helpline
                .unlock("sara", secret("a long passphrase"))
                .unwrap_err()
                .code,
            "no_store"
        );
        helpline
            .set_up("sara", secret("a long passphrase"))
            .unwrap();
        helpline.lock();
        assert_eq!(
            helpline
                .set_up("eve", secret("a long passphrase"))
                .err()
                .unwrap()
                .code,
            "store_exists"
        );
    }

    fn unlocked(dir: &std::path::Path) -> Helpline {
        let mut helpline = Helpline::new(dir.to_path_buf());
        helpline
            .set_up("sara", secret("a long passphrase"))
            .unwrap();
        helpline
    }

    /// A new case with one finished call with `notes`; its number as shown.
    fn finished_case(helpline: &mut Helpline, notes: &str) -> String {
        let started = helpline.start_call(None).unwrap();
        helpline
            .end_call(&started.draft_id, content_json(notes))
            .unwrap()
            .case_number
    }

    fn content_json(notes: &str) -> serde_json::Value {
        let mut content =
            serde_json::to_value(CallContentView::from(CallContent::blank())).unwrap();
        content["notes"] = notes.into();
        content["level"] = "wish_to_leave".into();
        content
    }

    #[test]
    fn a_call_from_start_to_history_through_the_commands() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let started = helpline.start_call(None).unwrap();
        assert!(started.new_case);
        assert_eq!(started.case_number.len(), 13);
        helpline
            .save_draft(&started.draft_id, content_json("typed so far"))
            .unwrap();
        helpline.lock();
        assert_eq!(
            helpline
                .save_draft(&started.draft_id, content_json("x"))
                .unwrap_err()
                .code,
            "store_locked"
        );
        helpline
            .unlock("sara", secret("a long passphrase"))
            .unwrap();
        let unfinished = helpline.unfinished_calls().unwrap();
        assert_eq!(unfinished[0].content.notes, "typed so far");
        let ended = helpline
            .end_call(&started.draft_id, content_json("all of it"))
            .unwrap();
        assert_eq!(ended.case_number, started.case_number);

        let again = helpline
            .start_call(Some(ended.case_number.replace(' ', "-")))
            .unwrap();
        assert!(!again.new_case);
        helpline
            .end_call(&again.draft_id, content_json("second"))
            .unwrap();
        let history = helpline.find_case(&ended.case_number).unwrap();
        let notes: Vec<&str> = history
            .calls
            .iter()
            .map(|c| c.content.notes.as_str())
            .collect();
        assert_eq!(notes, ["second", "all of it"], "newest first");
        let json = serde_json::to_value(&history).unwrap();
        assert_eq!(json["calls"][0]["level"], "wish_to_leave");
        assert_eq!(json["calls"][0]["escalated"], false);
        assert!(json["calls"][0]["startedAt"].is_string());
        assert!(json["calls"][0]["nextSteps"].is_string());
        assert!(json["calls"][0]["person"]["ageBand"].is_string());
        let listed = helpline.list_cases(filter(true, false, 0)).unwrap();
        assert_eq!((listed.cases.len(), listed.total), (1, 1));
        assert_eq!(listed.cases[0].calls, 2);
        helpline.set_case_open(&ended.case_number, false).unwrap();
        assert!(!helpline.find_case(&ended.case_number).unwrap().open);
    }

    #[test]
    fn only_the_number_of_a_call_in_progress_is_there_to_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let earlier = finished_case(&mut helpline, "x");
        let started = helpline.start_call(Some(earlier.clone())).unwrap();
        let other = helpline.start_call(None).unwrap();
        assert_eq!(
            helpline.case_number_of_call(&started.draft_id).unwrap(),
            earlier
        );
        assert_eq!(
            helpline.case_number_of_call(&other.draft_id).unwrap(),
            other.case_number
        );
        let code =
            |helpline: &mut Helpline, id: &str| helpline.case_number_of_call(id).unwrap_err().code;
        assert_eq!(code(&mut helpline, "4821 0937 552"), "invalid_argument");
        helpline
            .end_call(&started.draft_id, content_json("ended"))
            .unwrap();
        assert_eq!(code(&mut helpline, &started.draft_id), "no_such_call");
        helpline.lock();
        assert_eq!(code(&mut helpline, &other.draft_id), "store_locked");
    }

    fn filter(open_only: bool, due_only: bool, min_step: u8) -> serde_json::Value {
        serde_json::json!({ "openOnly": open_only, "dueOnly": due_only, "minStep": min_step, "sort": "last_call" })
    }

    /// A finished call `minutes` ago at `level`, with a follow-up `follow_up_in` days from today.
    fn imported_call(
        minutes: i64,
        level: ConcernLevel,
        follow_up_in: Option<i64>,
    ) -> helpline_core::Call {
        let started_at = Utc::now() - chrono::Duration::minutes(minutes);
        let today = chrono::Local::now().date_naive();
        let mut content = CallContent::blank();
        content.level = level;
        content.follow_up = follow_up_in.map(|days| today + chrono::Duration::days(days));
        helpline_core::Call {
            started_at,
            ended_at: Some(started_at + chrono::Duration::minutes(5)),
            content,
        }
    }

    #[test]
    fn the_cases_list_is_filtered_most_recent_first_and_capped() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let levels = [
            ConcernLevel::NotAssessed,
            ConcernLevel::StrongInterest,
            ConcernLevel::WishToLeave,
            ConcernLevel::InTransitCountry,
        ];
        // 260 cases, case i last called i hours ago; every 4th has a follow-up three days ago,
        // every 5th one in three days (so a run across midnight changes nothing).
        let cases: Vec<Vec<helpline_core::Call>> = (0..260i64)
            .map(|i| {
                let follow_up = if i % 4 == 0 {
                    Some(-3)
                } else if i % 5 == 0 {
                    Some(3)
                } else {
                    None
                };
                vec![
                    imported_call(i * 60 + 30, ConcernLevel::InTransitCountry, None),
                    imported_call(i * 60, levels[(i % 4) as usize], follow_up),
                ]
            })
            .collect();
        let numbers = helpline.session().unwrap().import_cases(&cases).unwrap();
        // Every 10th case closed.
        for number in numbers.iter().step_by(10) {
            helpline.set_case_open(&shown(number), false).unwrap();
        }
        let recency = |listed: &CaseListView| {
            listed
                .cases
                .windows(2)
                .all(|pair| pair[0].last_call_at >= pair[1].last_call_at)
        };

        // Everything: capped at the most recent 200, the total says how many there are.
        let all = helpline.list_cases(filter(false, false, 0)).unwrap();
        assert_eq!(all.total, 260);
        assert_eq!(all.cases.len(), MAX_LISTED_CASES);
        assert!(recency(&all));
        assert_eq!(all.cases[0].case_number, shown(&numbers[0]));
        assert_eq!(all.cases[199].case_number, shown(&numbers[199]));
        assert_eq!(all.cases[0].calls, 2);
        assert_eq!(all.cases[0].highest_level, ConcernLevel::InTransitCountry);
        assert_eq!(all.cases[0].latest_level, ConcernLevel::NotAssessed);

        // Open only: 26 closed.
        let open = helpline.list_cases(filter(true, false, 0)).unwrap();
        assert_eq!(open.total, 234);
        assert_eq!(open.cases.len(), MAX_LISTED_CASES);
        assert!(open.cases.iter().all(|case| case.open));
        assert!(recency(&open));

        // Due: a follow-up today or earlier (every 4th case: 65), not the ones to come.
        let today = chrono::Local::now().date_naive();
        let due = helpline.list_cases(filter(false, true, 0)).unwrap();
        assert_eq!(due.total, 65);
        assert_eq!(due.cases.len(), 65, "under the cap: all of them");
        assert!(due
            .cases
            .iter()
            .all(|case| case.follow_up.is_some_and(|day| day < today)));
        assert!(recency(&due));
        // Open and due: every 20th case is closed and due (13 of them).
        assert_eq!(
            helpline.list_cases(filter(true, true, 0)).unwrap().total,
            52
        );

        // The latest level, not the highest, at least the step asked for.
        for (step, expected) in [(0, 260), (1, 195), (2, 130), (3, 65)] {
            let listed = helpline.list_cases(filter(false, false, step)).unwrap();
            assert_eq!(listed.total, expected, "step {step}");
            assert_eq!(
                listed.cases.len(),
                expected.min(MAX_LISTED_CASES as u64) as usize
            );
            assert!(listed
                .cases
                .iter()
                .all(|case| case.latest_level.step() >= step));
        }
        // Step 3 and due: the cases i % 4 == 3 never have a follow-up.
        assert_eq!(
            helpline.list_cases(filter(false, true, 3)).unwrap().total,
            0
        );

        let json =
            serde_json::to_value(helpline.list_cases(filter(true, true, 2)).unwrap()).unwrap();
        assert_eq!(json["total"], 0);
        assert_eq!(json["cases"], serde_json::json!([]));
        let json = serde_json::to_value(&due).unwrap();
        assert_eq!(json["total"], 65);
        assert!(json["cases"][0]["caseNumber"].is_string());
        assert!(json["cases"][0]["followUp"].is_string());
        assert!(json["cases"][0]["lastCallAt"].is_string());
    }

    #[test]
    fn a_follow_up_is_due_on_its_day_and_after() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut summary = helpline_core::CaseSummary {
            open: false,
            latest_level: ConcernLevel::WishToLeave,
            highest_level: ConcernLevel::InTransitCountry,
            last_call_at: None,
            follow_up: None,
            follow_up_done_at: None,
            calls: 1,
            escalated: false,
        };
        let due = CasesFilter {
            open_only: false,
            due_only: true,
            min_step: 0,
            sort: CasesSort::LastCall,
        };
        assert!(
            !due.query(day, MAX_LISTED_CASES).matches(&summary),
            "no follow-up date"
        );
        for (offset, expected) in [(-1, true), (0, true), (1, false)] {
            summary.follow_up = Some(day + chrono::Duration::days(offset));
            assert_eq!(
                due.query(day, MAX_LISTED_CASES).matches(&summary),
                expected,
                "{offset}"
            );
        }
        let open_only = CasesFilter {
            open_only: true,
            ..due
        };
        assert!(
            !open_only.query(day, MAX_LISTED_CASES).matches(&summary),
            "closed"
        );
        summary.open = true;
        summary.follow_up = Some(day);
        assert!(open_only.query(day, MAX_LISTED_CASES).matches(&summary));
        let step_3 = CasesFilter {
            min_step: 3,
            ..open_only
        };
        assert!(
            !step_3.query(day, MAX_LISTED_CASES).matches(&summary),
            "the latest level counts, not the highest"
        );
    }

    #[test]
    fn the_cases_list_says_where_each_follow_up_stands_and_sorts_by_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let cases = vec![
            vec![imported_call(10, ConcernLevel::StrongInterest, None)],
            vec![imported_call(20, ConcernLevel::StrongInterest, Some(2))],
            vec![imported_call(30, ConcernLevel::StrongInterest, Some(0))],
            vec![imported_call(40, ConcernLevel::StrongInterest, Some(-1))],
        ];
        let numbers = helpline.session().unwrap().import_cases(&cases).unwrap();
        let sorted = |helpline: &mut Helpline, sort: &str| {
            let mut filter = filter(false, false, 0);
            filter["sort"] = serde_json::json!(sort);
            helpline.list_cases(filter).unwrap().cases
        };
        let states: Vec<_> = sorted(&mut helpline, "follow_up")
            .into_iter()
            .map(|case| (case.case_number, case.follow_up_state))
            .collect();
        use FollowUpStateView::{Later, Overdue, Today};
        assert_eq!(
            states,
            [
                (shown(&numbers[3]), Some(Overdue)),
                (shown(&numbers[2]), Some(Today)),
                (shown(&numbers[1]), Some(Later)),
                (shown(&numbers[0]), None),
            ]
        );
        let recent = sorted(&mut helpline, "last_call");
        assert_eq!(recent[0].case_number, shown(&numbers[0]));
        let json = serde_json::to_value(&recent).unwrap();
        assert_eq!(json[3]["followUpState"], "overdue");
        assert_eq!(json[0]["followUpState"], serde_json::Value::Null);

        // The call screen of a returning caller knows the case's last level and follow-up.
        let draft = helpline.start_call(Some(shown(&numbers[3]))).unwrap();
        let case = draft.case.expect("a returning caller's case");
        assert_eq!(case.follow_up_state, Some(Overdue));
        assert_eq!(case.latest_level, ConcernLevel::StrongInterest);
        assert!(helpline.start_call(None).unwrap().case.is_none());
        let resumed = helpline.unfinished_calls().unwrap();
        assert_eq!(resumed.iter().filter(|d| d.case.is_some()).count(), 1);
    }

    #[test]
    fn the_cases_filter_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        for bad in [
            serde_json::json!(null),
            serde_json::json!("openOnly"),
            serde_json::json!([true, false, 0]),
            serde_json::json!({}),
            serde_json::json!({ "openOnly": true, "dueOnly": false }),
            serde_json::json!({ "openOnly": "yes", "dueOnly": false, "minStep": 0 }),
            serde_json::json!({ "openOnly": true, "dueOnly": 1, "minStep": 0 }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": -1 }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": 1.5 }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": 256 }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": "2" }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": null }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": 0, "limit": 1000000 }),
            serde_json::json!({ "open_only": true, "due_only": false, "min_step": 0 }),
            serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": 0, "sort": "oldest" }),
        ] {
            assert_eq!(
                helpline.list_cases(bad.clone()).unwrap_err().code,
                "invalid_argument",
                "{bad}"
            );
        }
        for step in 0..=3 {
            helpline.list_cases(filter(true, true, step)).unwrap();
        }
        helpline.lock();
        assert_eq!(
            helpline
                .list_cases(filter(true, false, 0))
                .unwrap_err()
                .code,
            "store_locked"
        );
        assert_eq!(
            helpline
                .list_cases(filter(true, false, 9))
                .unwrap_err()
                .code,
            "out_of_range",
            "checked before anything is read"
        );
        helpline
            .unlock("sara", secret("a long passphrase"))
            .unwrap();
        let error = helpline
            .list_cases(
                serde_json::json!({ "openOnly": true, "dueOnly": false, "minStep": 4, "sort": "level" }),
            )
            .unwrap_err();
        assert_eq!(error.code, "out_of_range");
        assert_eq!(
            error.limit.map(|l| (l.field, l.max)),
            Some(("min_step".to_owned(), 3)),
            "the limit is the core's, named"
        );
    }

    #[test]
    fn what_the_webview_sends_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let started = helpline.start_call(None).unwrap();
        let id = &started.draft_id;
        let mut bad = content_json("x");
        bad["level"] = "very_worried".into();
        assert_eq!(
            helpline.save_draft(id, bad).unwrap_err().code,
            "invalid_argument"
        );
        assert_eq!(
            helpline
                .save_draft(id, serde_json::json!("notes only"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            helpline
                .save_draft("42; DROP TABLE calls", content_json("x"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            helpline
                .save_draft("-5", content_json("x"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            helpline
                .save_draft("12345", content_json("x"))
                .unwrap_err()
                .code,
            "no_such_call"
        );
        assert_eq!(
            helpline.find_case("1234").unwrap_err().code,
            "case_number_malformed"
        );
        assert_eq!(
            helpline
                .set_transit_countries(vec!["Turkey".into()])
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        let error = helpline
            .set_referrals(serde_json::json!([{"code": "Bad Code", "label": null}]))
            .unwrap_err();
        assert_eq!(error.code, "referral_code_malformed");
        assert_eq!(
            error.limit.map(|l| (l.min, l.max)),
            Some((
                Some(1),
                helpline_core::domain::MAX_REFERRAL_CODE_CHARS as u64
            ))
        );
        let error = helpline.set_idle_lock_minutes(0).unwrap_err();
        assert_eq!(error.code, "out_of_range");
        assert_eq!(
            error.limit.map(|l| (l.min, l.max)),
            Some((Some(1), u64::from(helpline_core::MAX_IDLE_LOCK_MINUTES)))
        );
        helpline.set_idle_lock_minutes(15).unwrap();
        helpline
            .set_transit_countries(vec!["TR".into(), "IQ".into()])
            .unwrap();
        let settings = helpline.settings().unwrap();
        assert_eq!(settings.idle_lock_minutes, 15);
        assert_eq!(
            serde_json::to_value(&settings).unwrap()["transitCountries"],
            serde_json::json!(["TR", "IQ"])
        );
    }

    #[test]
    fn volunteers_cannot_run_the_helpline() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        helpline
            .add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(
            helpline
                .add_user("eve", "boss", secret("volunteer passphrase"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        helpline.lock();
        helpline
            .unlock("omar", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(helpline.list_users().unwrap_err().code, "not_allowed");
        assert_eq!(
            helpline.set_idle_lock_minutes(30).unwrap_err().code,
            "not_allowed"
        );
        assert_eq!(
            helpline.remove_user("sara").unwrap_err().code,
            "not_allowed"
        );
        assert_eq!(
            helpline.settings().unwrap().idle_lock_minutes,
            5,
            "but they read the settings"
        );
        helpline
            .change_passphrase(
                secret("volunteer passphrase"),
                secret("a new volunteer passphrase"),
            )
            .unwrap();
    }

    #[test]
    fn failed_unlocks_slow_down_until_one_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        helpline.lock();
        assert_eq!(helpline.unlock_delay(), Duration::ZERO);
        let mut delays = Vec::new();
        for _ in 0..8 {
            helpline.unlock("sara", secret("guess")).unwrap_err();
            delays.push(helpline.unlock_delay().as_secs());
        }
        assert_eq!(delays, [1, 2, 4, 8, 16, 30, 30, 30]);
        // A restart does not reset it.
        let mut helpline = Helpline::new(dir.path().to_path_buf());
        assert_eq!(helpline.unlock_delay().as_secs(), 30);
        helpline
            .unlock("sara", secret("a long passphrase"))
            .unwrap();
        assert_eq!(helpline.unlock_delay(), Duration::ZERO);
    }

    #[test]
    fn statistics_for_supervisors_with_checked_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let started = helpline.start_call(None).unwrap();
        helpline
            .end_call(&started.draft_id, content_json("x"))
            .unwrap();
        // This month has not ended: refused, shown or exported, and nothing is written.
        let this_month = Month::of(chrono::Utc::now());
        let now = StatisticsQuery::parse(
            &this_month.to_string(),
            &this_month.to_string(),
            false,
            5,
            "sv",
        )
        .unwrap();
        assert_eq!(
            helpline.statistics(&now).unwrap_err().code,
            "month_not_ended"
        );
        let refused = dir.path().join("now.csv");
        assert_eq!(
            helpline
                .export_statistics(&now, Format::Csv, &refused)
                .unwrap_err()
                .code,
            "month_not_ended"
        );
        assert!(!refused.exists());

        let last_month = this_month.previous().to_string();
        let query = StatisticsQuery::parse(&last_month, &last_month, false, 5, "sv").unwrap();
        let document = helpline.statistics(&query).unwrap();
        assert_eq!(document["months"], serde_json::json!([last_month]));
        assert_eq!(document["disclosure_control"]["k"], 5);
        assert_eq!(document["tables"][0]["totals"][0]["shown"], "count");
        let path = dir.path().join(query.file_name(Format::Csv));
        helpline
            .export_statistics(&query, Format::Csv, &path)
            .unwrap();
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("table,unit,category"));
        // Published now, it must be exported with the same k.
        let other_k = StatisticsQuery::parse(&last_month, &last_month, false, 7, "sv").unwrap();
        assert_eq!(
            helpline.statistics(&other_k).unwrap_err().code,
            "threshold_fixed"
        );

        for (from, to, k, language) in [
            ("2026-4", "2026-04", 5, "en"),
            ("2026-04", "2026-04", 1, "en"),
            ("2026-04", "2026-04", 5, "fr"),
            ("2026-05", "2026-04", 5, "en"),
        ] {
            assert_eq!(
                StatisticsQuery::parse(from, to, true, k, language)
                    .err()
                    .unwrap()
                    .code,
                "invalid_argument"
            );
        }
        helpline
            .add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        helpline.lock();
        helpline
            .unlock("omar", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(
            helpline.require_supervisor().unwrap_err().code,
            "not_allowed"
        );
        assert_eq!(helpline.statistics(&query).unwrap_err().code, "not_allowed");
    }

    #[test]
    fn a_backup_is_named_for_its_day() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(backup_file_name(day), "helpline-2026-03-09.hlbak");
    }

    #[test]
    fn backups_are_taken_checked_and_restored_on_another_computer() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = Helpline::new(dir.path().join("data"));
        let code = helpline
            .set_up("sara", secret("a long passphrase"))
            .unwrap()
            .recovery_code;
        let number = finished_case(&mut helpline, "kept in the backup");

        let report = helpline.verify_store().unwrap();
        assert!(report.sound);
        assert!(report.sealed_values_checked > 0);
        assert!(report.damaged.is_empty() && report.file_problems.is_empty());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["sound"], true);
        assert!(json["fileProblems"].is_array());

        let backup = dir.path().join(backup_file_name(
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
        ));
        helpline.backup(&backup).unwrap();
        assert!(
            helpline
                .verify_backup(&backup, secret("a long passphrase"))
                .unwrap()
                .sound
        );
        assert_eq!(
            helpline
                .verify_backup(&backup, secret("not the passphrase"))
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        let stranger = dir.path().join("notes.hlbak");
        std::fs::write(&stranger, b"just some text").unwrap();
        assert_eq!(
            helpline
                .verify_backup(&stranger, secret("a long passphrase"))
                .unwrap_err()
                .code,
            "not_a_backup"
        );
        assert_eq!(
            helpline
                .backup(&dir.path().join("no such folder").join("x.hlbak"))
                .unwrap_err()
                .code,
            "backup_failed"
        );
        // Restoring is for a computer without a store.
        helpline.lock();
        assert_eq!(
            helpline
                .choose_restore_file(backup.clone())
                .unwrap_err()
                .code,
            "store_exists"
        );

        // With the passphrase, on a new computer.
        let mut fresh = Helpline::new(dir.path().join("restored"));
        assert_eq!(
            fresh
                .restore("sara", secret("a long passphrase"), None)
                .unwrap_err()
                .code,
            "invalid_argument",
            "no file was chosen"
        );
        assert_eq!(
            fresh.choose_restore_file(backup.clone()).unwrap().file_name,
            "helpline-2026-03-09.hlbak"
        );
        assert_eq!(
            fresh
                .restore("sara", secret("wrong passphrase"), None)
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        assert_eq!(
            fresh
                .restore("omar", secret("a long passphrase"), None)
                .unwrap_err()
                .code,
            "unknown_user"
        );
        assert_eq!(fresh.status(), AppStatus::NeedsSetup);
        assert_eq!(
            fresh
                .restore("sara", secret("a long passphrase"), None)
                .unwrap(),
            signed_in("sara", Role::Supervisor)
        );
        let history = fresh.find_case(&number).unwrap();
        assert_eq!(history.calls[0].content.notes, "kept in the backup");

        // With the recovery code and a new passphrase.
        let mut other = Helpline::new(dir.path().join("recovered"));
        other.choose_restore_file(backup.clone()).unwrap();
        assert_eq!(
            other
                .restore("sara", secret("new passphrase here"), Some(secret("ABCD")))
                .unwrap_err()
                .code,
            "recovery_code_malformed"
        );
        assert_eq!(
            other
                .restore("sara", secret("short"), Some(secret(&code)))
                .unwrap_err()
                .code,
            "passphrase_too_short"
        );
        assert_eq!(
            other
                .restore("nobody", secret("new passphrase here"), Some(secret(&code)))
                .unwrap_err()
                .code,
            "unknown_user"
        );
        assert_eq!(
            other.status(),
            AppStatus::NeedsSetup,
            "a restore that could not sign in leaves no store behind"
        );
        other
            .restore("sara", secret("new passphrase here"), Some(secret(&code)))
            .unwrap();
        other.lock();
        other.unlock("sara", secret("new passphrase here")).unwrap();
        assert_eq!(other.find_case(&number).unwrap().calls.len(), 1);
    }

    #[test]
    fn the_recovery_code_opens_the_store_when_every_passphrase_is_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = Helpline::new(dir.path().join("data"));
        let code = helpline
            .set_up("sara", secret("a long passphrase"))
            .unwrap()
            .recovery_code;
        assert_eq!(
            helpline
                .recover("sara", secret(&code), secret("a new passphrase"))
                .unwrap_err()
                .code,
            "invalid_argument",
            "lock first"
        );
        helpline.lock();
        let other_code = RecoveryCode::random().display().to_string();
        assert_eq!(
            helpline
                .recover("sara", secret(&other_code), secret("a new passphrase"))
                .unwrap_err()
                .code,
            "wrong_recovery_code"
        );
        assert_eq!(
            helpline
                .recover("sara", secret("not a code"), secret("a new passphrase"))
                .unwrap_err()
                .code,
            "recovery_code_malformed"
        );
        assert_eq!(
            helpline
                .recover("sara", secret(&code), secret("short"))
                .unwrap_err()
                .code,
            "passphrase_too_short"
        );
        assert_eq!(
            helpline
                .recover("nobody", secret(&code), secret("a new passphrase"))
                .unwrap_err()
                .code,
            "unknown_user"
        );
        // Written down in lower case with spaces: still the code.
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(
            helpline
                .recover("sara", secret(&typed), secret("a new passphrase"))
                .unwrap(),
            signed_in("sara", Role::Supervisor)
        );
        helpline.lock();
        assert_eq!(
            helpline
                .unlock("sara", secret("a long passphrase"))
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        helpline.unlock("sara", secret("a new passphrase")).unwrap();
    }

    #[test]
    fn supervisors_forget_cases_and_give_new_passphrases() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let number = finished_case(&mut helpline, "forget me");
        helpline
            .add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();

        let mut wrong_check = number.clone();
        let last = wrong_check.pop().unwrap();
        wrong_check.push(if last == '0' { '1' } else { '0' });
        assert_eq!(
            helpline.forget_case(&wrong_check).unwrap_err().code,
            "case_number_check_failed"
        );
        assert_eq!(
            helpline.forget_case("12").unwrap_err().code,
            "case_number_malformed"
        );
        helpline.forget_case(&number.replace(' ', "-")).unwrap();
        assert_eq!(
            helpline.find_case(&number).unwrap_err().code,
            "no_such_case"
        );
        assert_eq!(
            helpline.forget_case(&number).unwrap_err().code,
            "no_such_case"
        );

        assert_eq!(
            helpline
                .reset_passphrase("omar", secret("short"))
                .unwrap_err()
                .code,
            "passphrase_too_short"
        );
        assert_eq!(
            helpline
                .reset_passphrase("nobody", secret("a fresh passphrase"))
                .unwrap_err()
                .code,
            "unknown_user"
        );
        helpline
            .reset_passphrase("omar", secret("a fresh passphrase"))
            .unwrap();
        helpline.lock();
        assert_eq!(
            helpline
                .unlock("omar", secret("volunteer passphrase"))
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        helpline
            .unlock("omar", secret("a fresh passphrase"))
            .unwrap();

        // A volunteer can do none of it.
        let backup = dir.path().join("x.hlbak");
        assert_eq!(helpline.backup(&backup).unwrap_err().code, "not_allowed");
        assert!(!backup.exists());
        assert_eq!(helpline.verify_store().unwrap_err().code, "not_allowed");
        assert_eq!(
            helpline
                .verify_backup(&backup, secret("a fresh passphrase"))
                .unwrap_err()
                .code,
            "not_allowed"
        );
        let theirs = finished_case(&mut helpline, "x");
        assert_eq!(
            helpline.forget_case(&theirs).unwrap_err().code,
            "not_allowed"
        );
        assert_eq!(
            helpline
                .reset_passphrase("sara", secret("taken over now"))
                .unwrap_err()
                .code,
            "not_allowed"
        );
    }

    /// A call on a new case, recorded as if it had been taken `days` ago.
    fn old_case(helpline: &mut Helpline, days: i64) -> String {
        let started_at = Utc::now() - chrono::Duration::days(days);
        let call = helpline_core::Call {
            started_at,
            ended_at: Some(started_at + chrono::Duration::minutes(10)),
            content: CallContent::blank(),
        };
        helpline.record_call(None, &call).unwrap().case_number
    }

    #[test]
    fn the_retention_period_destroys_old_cases_when_saved_and_at_every_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        assert_eq!(helpline.settings().unwrap().retention_months, None);
        for bad in [Some(0), Some(121)] {
            let error = helpline.set_retention_months(bad).unwrap_err();
            assert_eq!(error.code, "out_of_range");
            assert_eq!(error.limit.map(|l| (l.min, l.max)), Some((Some(1), 120)));
        }
        let old = old_case(&mut helpline, 100);
        let recent = old_case(&mut helpline, 10);
        assert_eq!(
            helpline.set_retention_months(Some(2)).unwrap(),
            RetentionView { cases_destroyed: 1 }
        );
        assert_eq!(helpline.settings().unwrap().retention_months, Some(2));
        assert_eq!(
            serde_json::to_value(helpline.settings().unwrap()).unwrap()["retentionMonths"],
            2
        );
        assert_eq!(helpline.find_case(&old).unwrap_err().code, "no_such_case");
        helpline.find_case(&recent).unwrap();

        // A case that ages past the period while the app is closed goes at the next unlock.
        let older = old_case(&mut helpline, 200);
        helpline.lock();
        let signed_in = helpline
            .unlock("sara", secret("a long passphrase"))
            .unwrap();
        assert_eq!(signed_in.cases_expired, 1);
        assert!(!signed_in.retention_failed);
        assert_eq!(helpline.find_case(&older).unwrap_err().code, "no_such_case");

        // Until forgotten: nothing goes.
        assert_eq!(
            helpline.set_retention_months(None).unwrap(),
            RetentionView { cases_destroyed: 0 }
        );
        let ancient = old_case(&mut helpline, 4000);
        helpline.lock();
        assert_eq!(
            helpline
                .unlock("sara", secret("a long passphrase"))
                .unwrap()
                .cases_expired,
            0
        );
        helpline.find_case(&ancient).unwrap();

        helpline
            .add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        helpline.lock();
        helpline
            .unlock("omar", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(
            helpline.set_retention_months(Some(12)).unwrap_err().code,
            "not_allowed"
        );
    }

    #[test]
    fn the_audit_trail_shows_what_was_done_and_checks_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        let number = finished_case(&mut helpline, "x");
        helpline.forget_case(&number).unwrap();
        helpline.backup(&dir.path().join("b.hlbak")).unwrap();
        let last_month = Month::of(Utc::now()).previous().to_string();
        let query = StatisticsQuery::parse(&last_month, &last_month, false, 5, "en").unwrap();
        helpline
            .export_statistics(&query, Format::Json, &dir.path().join("s.json"))
            .unwrap();
        helpline.lock();
        helpline
            .unlock("sara", secret("a long passphrase"))
            .unwrap();

        let trail = helpline.audit_trail().unwrap();
        let json = serde_json::to_value(&trail).unwrap();
        let kinds: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["action"]["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds.first(), Some(&"signed_in"), "newest first: {kinds:?}");
        for kind in ["backup_taken", "statistics_exported"] {
            assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
        }
        let export = json
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry["action"]["kind"] == "statistics_exported")
            .unwrap();
        assert_eq!(export["action"]["format"], "json");
        assert_eq!(export["action"]["k"], 5);
        assert_eq!(export["action"]["from"], last_month.as_str());
        assert_eq!(export["user"], "sara");
        assert!(export["at"].is_string());
        assert!(
            !json.to_string().contains(&number.replace(' ', "")),
            "no case number in the trail"
        );

        let check = helpline.verify_audit().unwrap();
        assert!(check.sound);
        assert_eq!(check.entries_checked, trail.len() as u64);
        assert_eq!(check.head_seq, trail.len() as u64);
        assert_eq!(check.fingerprint.len(), 16);
        let json = serde_json::to_value(&check).unwrap();
        assert_eq!(json["entriesChecked"], trail.len() as u64);
        assert_eq!(json["problems"], serde_json::json!([]));

        helpline
            .add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        helpline.lock();
        helpline
            .unlock("omar", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(helpline.audit_trail().unwrap_err().code, "not_allowed");
        assert_eq!(helpline.verify_audit().unwrap_err().code, "not_allowed");
    }

    #[test]
    fn what_the_cli_does_follows_the_same_rules() {
        let dir = tempfile::tempdir().unwrap();
        let mut helpline = unlocked(dir.path());
        // A whole call, as the CLI records it, on a new case and then on the same case.
        let number = old_case(&mut helpline, 45);
        let started_at = Utc::now() - chrono::Duration::days(44);
        let call = helpline_core::Call {
            started_at,
            ended_at: None,
            content: CallContent::blank(),
        };
        let again = helpline.record_call(Some(&number), &call).unwrap();
        assert_eq!(again.case_number, number);
        assert_eq!(
            helpline
                .record_call(Some("1234 5678 901"), &call)
                .unwrap_err()
                .code,
            "case_number_check_failed"
        );
        assert_eq!(helpline.find_case(&number).unwrap().calls.len(), 2);

        // Publishing a month that has not ended is refused, explained in the report's
        // language; a month published takes no more calls, and is listed.
        let this_month = Month::of(Utc::now()).to_string();
        let now = StatisticsQuery::parse(&this_month, &this_month, false, 5, "sv").unwrap();
        let refused = helpline
            .export_statistics(&now, Format::Csv, &dir.path().join("now.csv"))
            .unwrap_err();
        assert_eq!(refused.code, "month_not_ended");
        assert!(
            refused.message.contains("är inte slut ännu"),
            "{}",
            refused.message
        );
        let month = Month::of(started_at).to_string();
        let query = StatisticsQuery::parse(&month, &month, false, 5, "en").unwrap();
        let done = helpline
            .export_statistics(&query, Format::Json, &dir.path().join("m.json"))
            .unwrap();
        assert_eq!((done.months, done.period_total, done.k), (1, false, 5));
        assert_eq!(
            helpline.published_statistics().unwrap(),
            [PublishedView {
                months: vec![Month::of(started_at)],
                k: 5
            }]
        );
        assert_eq!(
            helpline.record_call(Some(&number), &call).unwrap_err().code,
            "month_published"
        );

        // Retention run now, by anyone signed in.
        assert_eq!(helpline.apply_retention().unwrap().cases_destroyed, 0);
        helpline
            .add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        helpline.lock();
        helpline
            .unlock("omar", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(helpline.apply_retention().unwrap().cases_destroyed, 0);
        assert_eq!(
            helpline.published_statistics().unwrap_err().code,
            "not_allowed"
        );
        assert_eq!(helpline.verify_store().unwrap_err().code, "not_allowed");
    }
}
