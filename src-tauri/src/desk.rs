//! The desktop app's state and operations, free of Tauri so they are tested without a window:
//! where the store is, and the unlocked session when there is one.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use helpline_core::store::{self, CallDraft, CaseOverview};
use helpline_core::Month;
use helpline_core::{
    paths, CallContent, CaseNumber, Code, ConcernLevel, CountryCode, Error, HelplineSettings,
    Passphrase, RecordedCall, Referral, Role, Session, Store, UserSummary,
};
use helpline_stats::export::{self, Format, Report};
use helpline_stats::labels::{Labels, ReportLanguage, UnknownLanguage};
use helpline_stats::suppression::Threshold;
use serde::Serialize;
use zeroize::Zeroizing;

use crate::error::ShellError;

/// The longest text any IPC argument of these commands may have; anything longer is refused
/// before it reaches the core.
const MAX_ARGUMENT_BYTES: usize = 4096;

pub struct Desk {
    data_dir: PathBuf,
    session: Option<Session>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AppStatus {
    NeedsSetup,
    Locked,
    Unlocked { user: String, role: &'static str },
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SignedIn {
    pub user: String,
    pub role: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SetUpDone {
    /// Shown once; the shell keeps no copy.
    pub recovery_code: String,
    pub user: String,
    pub role: &'static str,
}

fn check_length(field: &str, text: &str) -> Result<(), ShellError> {
    if text.len() > MAX_ARGUMENT_BYTES {
        return Err(ShellError::invalid_argument(format!(
            "{field} is longer than {MAX_ARGUMENT_BYTES} bytes"
        )));
    }
    Ok(())
}

impl Desk {
    /// The data folder is `--data-dir`, else HELPLINE_DATA_DIR, else the system's per-user
    /// data folder, as for the CLI.
    pub fn from_environment(data_dir: Option<PathBuf>) -> Result<Desk, ShellError> {
        Ok(Desk::new(paths::data_dir(data_dir)?))
    }

    pub fn new(data_dir: PathBuf) -> Desk {
        Desk {
            data_dir,
            session: None,
        }
    }

    pub fn status(&self) -> AppStatus {
        match &self.session {
            Some(session) => AppStatus::Unlocked {
                user: session.user_name().to_owned(),
                role: session.role().code(),
            },
            None if Store::exists(&self.data_dir) => AppStatus::Locked,
            None => AppStatus::NeedsSetup,
        }
    }

    pub fn set_up(
        &mut self,
        user_name: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<SetUpDone, ShellError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        let passphrase = Passphrase::new(&passphrase)?;
        let (session, code) = Store::create(&self.data_dir, user_name, &passphrase)?;
        let done = SetUpDone {
            recovery_code: code.display().to_string(),
            user: session.user_name().to_owned(),
            role: session.role().code(),
        };
        self.session = Some(session);
        Ok(done)
    }

    pub fn unlock(
        &mut self,
        user_name: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<SignedIn, ShellError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        if self.session.is_some() {
            return Err(ShellError::invalid_argument(
                "the store is already unlocked; lock it first",
            ));
        }
        let passphrase = Passphrase::for_unlock(&passphrase)?;
        let session = Store::open(&self.data_dir)?.unlock(user_name, &passphrase)?;
        let signed_in = SignedIn {
            user: session.user_name().to_owned(),
            role: session.role().code(),
        };
        self.session = Some(session);
        Ok(signed_in)
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
}

/// The settings as the UI reads them.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub referrals: Vec<Referral>,
    pub transit_countries: Vec<CountryCode>,
    pub idle_lock_minutes: u32,
}

/// A call in progress, as the call screen needs it.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub draft_id: String,
    pub case_number: String,
    pub started_at: DateTime<Utc>,
    pub content: CallContent,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StartedCallView {
    #[serde(flatten)]
    pub draft: DraftView,
    pub new_case: bool,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CaseNumberView {
    pub case_number: String,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CaseHistoryView {
    pub case_number: String,
    pub open: bool,
    /// Newest first, as the volunteer reads them.
    pub calls: Vec<RecordedCall>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CaseOverviewView {
    pub case_number: String,
    pub open: bool,
    pub latest_level: ConcernLevel,
    pub highest_level: ConcernLevel,
    pub last_call_at: Option<DateTime<Utc>>,
    pub follow_up: Option<NaiveDate>,
    pub calls: u32,
    pub escalated: bool,
}

fn shown(number: &CaseNumber) -> String {
    number.grouped(helpline_core::DigitScript::Latin)
}

fn draft_view(draft: CallDraft) -> DraftView {
    DraftView {
        draft_id: draft.draft_id.to_string(),
        case_number: shown(&draft.number),
        started_at: draft.started_at,
        content: draft.content,
    }
}

fn parse_case_number(text: &str) -> Result<CaseNumber, ShellError> {
    check_length("caseNumber", text)?;
    Ok(CaseNumber::parse(text).map_err(Error::from)?)
}

fn parse_draft_id(text: &str) -> Result<i64, ShellError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ShellError::invalid_argument("draftId is not the id of a call"))
}

/// The webview's JSON for a call's content, checked field by field by serde against the
/// core's types; anything else is a coded error, not a crash.
pub fn parse_content(value: serde_json::Value) -> Result<CallContent, ShellError> {
    serde_json::from_value(value).map_err(|e| ShellError::invalid_argument(format!("content: {e}")))
}

/// What the statistics screen asks for; checked before anything is read.
pub struct StatisticsQuery {
    from: Month,
    to: Month,
    k: Threshold,
    language: ReportLanguage,
}

impl StatisticsQuery {
    pub fn parse(from: &str, to: &str, k: u64, language: &str) -> Result<Self, ShellError> {
        Ok(StatisticsQuery {
            from: from.parse::<Month>()?,
            to: to.parse::<Month>()?,
            k: Threshold::new(k).map_err(|e| ShellError::invalid_argument(e.to_string()))?,
            language: language
                .parse()
                .map_err(|e: UnknownLanguage| ShellError::invalid_argument(e.to_string()))?,
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

impl Desk {
    /// The published statistics, as the JSON export's document.
    pub fn statistics(&mut self, query: &StatisticsQuery) -> Result<serde_json::Value, ShellError> {
        let (statistics, trend) =
            helpline_stats::compute(self.session()?, query.from, query.to, query.k)?;
        let labels = Labels::new(query.language, &statistics.referral_labels);
        Ok(export::document(&Report {
            statistics: &statistics,
            trend: &trend,
            labels: &labels,
        }))
    }

    /// Writes an export to `path` (chosen by the supervisor in the save dialog).
    pub fn export_statistics(
        &mut self,
        query: &StatisticsQuery,
        format: Format,
        path: &std::path::Path,
    ) -> Result<(), ShellError> {
        let (statistics, trend) =
            helpline_stats::compute(self.session()?, query.from, query.to, query.k)?;
        let labels = Labels::new(query.language, &statistics.referral_labels);
        export::write_file(
            &Report {
                statistics: &statistics,
                trend: &trend,
                labels: &labels,
            },
            format,
            path,
        )
        .map_err(|e| ShellError {
            code: "export_failed",
            message: e.to_string(),
        })
    }

    /// Supervisors only, checked before the save dialog opens.
    pub fn require_supervisor(&mut self) -> Result<(), ShellError> {
        match self.session()?.role() {
            Role::Supervisor => Ok(()),
            Role::Volunteer => Err(Error::NotAllowed {
                needed: Role::Supervisor,
            }
            .into()),
        }
    }

    fn session(&mut self) -> Result<&mut Session, ShellError> {
        self.session.as_mut().ok_or_else(|| Error::Locked.into())
    }

    pub fn change_passphrase(
        &mut self,
        current: Zeroizing<String>,
        next: Zeroizing<String>,
    ) -> Result<(), ShellError> {
        check_length("current", &current)?;
        check_length("next", &next)?;
        let current = Passphrase::for_unlock(&current)?;
        let next = Passphrase::new(&next)?;
        Ok(self.session()?.change_passphrase(&current, &next)?)
    }

    pub fn settings(&mut self) -> Result<SettingsView, ShellError> {
        let settings = self.session()?.settings()?;
        Ok(SettingsView {
            referrals: settings.referrals,
            transit_countries: settings.transit_countries,
            idle_lock_minutes: settings.idle_lock_minutes,
        })
    }

    fn change_settings(
        &mut self,
        change: impl FnOnce(&mut HelplineSettings),
    ) -> Result<(), ShellError> {
        let session = self.session()?;
        let mut settings = session.settings()?;
        change(&mut settings);
        Ok(session.set_settings(&settings)?)
    }

    pub fn set_referrals(&mut self, referrals: serde_json::Value) -> Result<(), ShellError> {
        let referrals: Vec<Referral> = serde_json::from_value(referrals)
            .map_err(|e| ShellError::invalid_argument(format!("referrals: {e}")))?;
        self.change_settings(|s| s.referrals = referrals)
    }

    pub fn set_transit_countries(&mut self, countries: Vec<String>) -> Result<(), ShellError> {
        let countries = countries
            .into_iter()
            .map(CountryCode::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        self.change_settings(|s| s.transit_countries = countries)
    }

    pub fn set_idle_lock_minutes(&mut self, minutes: u32) -> Result<(), ShellError> {
        self.change_settings(|s| s.idle_lock_minutes = minutes)
    }

    pub fn start_call(
        &mut self,
        case_number: Option<String>,
    ) -> Result<StartedCallView, ShellError> {
        let number = case_number.as_deref().map(parse_case_number).transpose()?;
        let draft = self.session()?.start_call(number.as_ref())?;
        Ok(StartedCallView {
            draft: draft_view(draft),
            new_case: number.is_none(),
        })
    }

    pub fn save_draft(
        &mut self,
        draft_id: &str,
        content: serde_json::Value,
    ) -> Result<(), ShellError> {
        let draft_id = parse_draft_id(draft_id)?;
        let content = parse_content(content)?;
        Ok(self.session()?.save_draft(draft_id, &content)?)
    }

    pub fn end_call(
        &mut self,
        draft_id: &str,
        content: serde_json::Value,
    ) -> Result<CaseNumberView, ShellError> {
        let draft_id = parse_draft_id(draft_id)?;
        let content = parse_content(content)?;
        let number = self.session()?.end_call(draft_id, &content)?;
        Ok(CaseNumberView {
            case_number: shown(&number),
        })
    }

    pub fn discard_call(&mut self, draft_id: &str) -> Result<(), ShellError> {
        let draft_id = parse_draft_id(draft_id)?;
        Ok(self.session()?.discard_call(draft_id)?)
    }

    pub fn unfinished_calls(&mut self) -> Result<Vec<DraftView>, ShellError> {
        Ok(self
            .session()?
            .unfinished_calls()?
            .into_iter()
            .map(draft_view)
            .collect())
    }

    pub fn find_case(&mut self, case_number: &str) -> Result<CaseHistoryView, ShellError> {
        let number = parse_case_number(case_number)?;
        let history = self.session()?.case_history(&number)?;
        Ok(CaseHistoryView {
            case_number: shown(&number),
            open: history.open,
            calls: history.calls.into_iter().rev().collect(),
        })
    }

    pub fn list_cases(&mut self) -> Result<Vec<CaseOverviewView>, ShellError> {
        let cases = self.session()?.list_cases()?;
        Ok(cases
            .into_iter()
            .map(|CaseOverview { number, summary }| CaseOverviewView {
                case_number: shown(&number),
                open: summary.open,
                latest_level: summary.latest_level,
                highest_level: summary.highest_level,
                last_call_at: summary.last_call_at,
                follow_up: summary.follow_up,
                calls: summary.calls,
                escalated: summary.escalated,
            })
            .collect())
    }

    pub fn set_case_open(&mut self, case_number: &str, open: bool) -> Result<(), ShellError> {
        let number = parse_case_number(case_number)?;
        Ok(self.session()?.set_case_open(&number, open)?)
    }

    pub fn list_users(&mut self) -> Result<Vec<UserSummary>, ShellError> {
        Ok(self.session()?.users()?)
    }

    pub fn add_user(
        &mut self,
        user_name: &str,
        role: &str,
        passphrase: Zeroizing<String>,
    ) -> Result<(), ShellError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        let role: Role = store::parse_role(role)?;
        let passphrase = Passphrase::new(&passphrase)?;
        Ok(self.session()?.add_user(user_name, role, &passphrase)?)
    }

    pub fn remove_user(&mut self, user_name: &str) -> Result<(), ShellError> {
        check_length("userName", user_name)?;
        Ok(self.session()?.remove_user(user_name)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(text: &str) -> Zeroizing<String> {
        Zeroizing::new(text.to_owned())
    }

    #[test]
    fn first_run_then_lock_then_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::new(dir.path().join("data"));
        assert_eq!(desk.status(), AppStatus::NeedsSetup);
        let done = desk.set_up("sara", secret("a long passphrase")).unwrap();
        assert_eq!(done.recovery_code.len(), 39);
        assert_eq!(
            desk.status(),
            AppStatus::Unlocked {
                user: "sara".into(),
                role: "supervisor"
            }
        );
        desk.lock();
        assert_eq!(desk.status(), AppStatus::Locked);
        assert_eq!(
            desk.unlock("sara", secret("wrong passphrase"))
                .unwrap_err()
                .code,
            "wrong_passphrase"
        );
        assert_eq!(
            desk.unlock("sara", secret("a long passphrase")).unwrap(),
            SignedIn {
                user: "sara".into(),
                role: "supervisor"
            }
        );
        assert_eq!(
            desk.unlock("sara", secret("a long passphrase"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
    }

    #[test]
    fn arguments_are_checked_before_the_core() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::new(dir.path().to_path_buf());
        assert_eq!(
            desk.set_up("sara", secret("short")).err().unwrap().code,
            "passphrase_too_short"
        );
        assert_eq!(
            desk.set_up("", secret("a long passphrase"))
                .err()
                .unwrap()
                .code,
            "invalid_user_name"
        );
        assert_eq!(
            desk.set_up(&"x".repeat(5000), secret("a long passphrase"))
                .err()
                .unwrap()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            desk.status(),
            AppStatus::NeedsSetup,
            "nothing was created by refused set-ups"
        );
        assert_eq!(
            desk.unlock("sara", secret("a long passphrase"))
                .unwrap_err()
                .code,
            "no_store"
        );
        desk.set_up("sara", secret("a long passphrase")).unwrap();
        desk.lock();
        assert_eq!(
            desk.set_up("eve", secret("a long passphrase"))
                .err()
                .unwrap()
                .code,
            "store_exists"
        );
    }

    fn unlocked(dir: &std::path::Path) -> Desk {
        let mut desk = Desk::new(dir.to_path_buf());
        desk.set_up("sara", secret("a long passphrase")).unwrap();
        desk
    }

    fn content_json(notes: &str) -> serde_json::Value {
        let mut content = serde_json::to_value(CallContent::blank()).unwrap();
        content["notes"] = notes.into();
        content["level"] = "wish_to_leave".into();
        content
    }

    #[test]
    fn a_call_from_start_to_history_through_the_commands() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = unlocked(dir.path());
        let started = desk.start_call(None).unwrap();
        assert!(started.new_case);
        assert_eq!(started.draft.case_number.len(), 13);
        desk.save_draft(&started.draft.draft_id, content_json("typed so far"))
            .unwrap();
        desk.lock();
        assert_eq!(
            desk.save_draft(&started.draft.draft_id, content_json("x"))
                .unwrap_err()
                .code,
            "store_locked"
        );
        desk.unlock("sara", secret("a long passphrase")).unwrap();
        let unfinished = desk.unfinished_calls().unwrap();
        assert_eq!(unfinished[0].content.notes, "typed so far");
        let ended = desk
            .end_call(&started.draft.draft_id, content_json("all of it"))
            .unwrap();
        assert_eq!(ended.case_number, started.draft.case_number);

        let again = desk
            .start_call(Some(ended.case_number.replace(' ', "-")))
            .unwrap();
        assert!(!again.new_case);
        desk.end_call(&again.draft.draft_id, content_json("second"))
            .unwrap();
        let history = desk.find_case(&ended.case_number).unwrap();
        let notes: Vec<&str> = history
            .calls
            .iter()
            .map(|c| c.call.content.notes.as_str())
            .collect();
        assert_eq!(notes, ["second", "all of it"], "newest first");
        let json = serde_json::to_value(&history).unwrap();
        assert_eq!(json["calls"][0]["level"], "wish_to_leave");
        assert_eq!(json["calls"][0]["escalated"], false);
        assert!(json["calls"][0]["started_at"].is_string());
        assert_eq!(desk.list_cases().unwrap()[0].calls, 2);
        desk.set_case_open(&ended.case_number, false).unwrap();
        assert!(!desk.find_case(&ended.case_number).unwrap().open);
    }

    #[test]
    fn what_the_webview_sends_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = unlocked(dir.path());
        let started = desk.start_call(None).unwrap();
        let id = &started.draft.draft_id;
        let mut bad = content_json("x");
        bad["level"] = "very_worried".into();
        assert_eq!(
            desk.save_draft(id, bad).unwrap_err().code,
            "invalid_argument"
        );
        assert_eq!(
            desk.save_draft(id, serde_json::json!("notes only"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            desk.save_draft("42; DROP TABLE calls", content_json("x"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            desk.save_draft("-5", content_json("x")).unwrap_err().code,
            "invalid_argument"
        );
        assert_eq!(
            desk.save_draft("12345", content_json("x"))
                .unwrap_err()
                .code,
            "no_such_call"
        );
        assert_eq!(
            desk.find_case("1234").unwrap_err().code,
            "case_number_malformed"
        );
        assert_eq!(
            desk.set_transit_countries(vec!["Turkey".into()])
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            desk.set_referrals(serde_json::json!([{"code": "Bad Code", "label": null}]))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        assert_eq!(
            desk.set_idle_lock_minutes(0).unwrap_err().code,
            "invalid_argument"
        );
        desk.set_idle_lock_minutes(15).unwrap();
        desk.set_transit_countries(vec!["TR".into(), "IQ".into()])
            .unwrap();
        let settings = desk.settings().unwrap();
        assert_eq!(settings.idle_lock_minutes, 15);
        assert_eq!(
            serde_json::to_value(&settings).unwrap()["transitCountries"],
            serde_json::json!(["TR", "IQ"])
        );
    }

    #[test]
    fn volunteers_cannot_run_the_helpline() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = unlocked(dir.path());
        desk.add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        assert_eq!(
            desk.add_user("eve", "boss", secret("volunteer passphrase"))
                .unwrap_err()
                .code,
            "invalid_argument"
        );
        desk.lock();
        desk.unlock("omar", secret("volunteer passphrase")).unwrap();
        assert_eq!(desk.list_users().unwrap_err().code, "not_allowed");
        assert_eq!(
            desk.set_idle_lock_minutes(30).unwrap_err().code,
            "not_allowed"
        );
        assert_eq!(desk.remove_user("sara").unwrap_err().code, "not_allowed");
        assert_eq!(
            desk.settings().unwrap().idle_lock_minutes,
            5,
            "but they read the settings"
        );
        desk.change_passphrase(
            secret("volunteer passphrase"),
            secret("a new volunteer passphrase"),
        )
        .unwrap();
    }

    #[test]
    fn failed_unlocks_slow_down_until_one_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = unlocked(dir.path());
        desk.lock();
        assert_eq!(desk.unlock_delay(), Duration::ZERO);
        let mut delays = Vec::new();
        for _ in 0..8 {
            desk.unlock("sara", secret("guess")).unwrap_err();
            delays.push(desk.unlock_delay().as_secs());
        }
        assert_eq!(delays, [1, 2, 4, 8, 16, 30, 30, 30]);
        // A restart does not reset it.
        let mut desk = Desk::new(dir.path().to_path_buf());
        assert_eq!(desk.unlock_delay().as_secs(), 30);
        desk.unlock("sara", secret("a long passphrase")).unwrap();
        assert_eq!(desk.unlock_delay(), Duration::ZERO);
    }

    #[test]
    fn statistics_for_supervisors_with_checked_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = unlocked(dir.path());
        let started = desk.start_call(None).unwrap();
        desk.end_call(&started.draft.draft_id, content_json("x"))
            .unwrap();
        let this_month = Month::of(chrono::Utc::now()).to_string();
        let query = StatisticsQuery::parse(&this_month, &this_month, 5, "sv").unwrap();
        let document = desk.statistics(&query).unwrap();
        assert_eq!(document["months"], serde_json::json!([this_month]));
        assert_eq!(document["disclosure_control"]["k"], 5);
        assert_eq!(
            document["tables"][0]["totals"][0]["shown"],
            "below_threshold"
        );
        let path = dir.path().join(query.file_name(Format::Csv));
        desk.export_statistics(&query, Format::Csv, &path).unwrap();
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("table,unit,category"));

        for (from, to, k, language) in [
            ("2026-4", "2026-04", 5, "en"),
            ("2026-04", "2026-04", 1, "en"),
            ("2026-04", "2026-04", 5, "fr"),
        ] {
            assert_eq!(
                StatisticsQuery::parse(from, to, k, language)
                    .err()
                    .unwrap()
                    .code,
                "invalid_argument"
            );
        }
        desk.add_user("omar", "volunteer", secret("volunteer passphrase"))
            .unwrap();
        desk.lock();
        desk.unlock("omar", secret("volunteer passphrase")).unwrap();
        assert_eq!(desk.require_supervisor().unwrap_err().code, "not_allowed");
        assert_eq!(desk.statistics(&query).unwrap_err().code, "not_allowed");
    }
}
