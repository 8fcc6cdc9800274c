//! The IPC commands: thin wrappers that take the webview's arguments and hand them to
//! [`Desk`], which checks them. The webview is untrusted input.

use std::sync::{Mutex, MutexGuard};

use helpline_core::store::AuditEntry;
use helpline_core::UserSummary;
use helpline_stats::export::{ExportError, Format};
use tauri::State;
use zeroize::Zeroizing;

use crate::desk::{
    self, AppStatus, AuditCheckView, CaseHistoryView, CaseListView, CaseNumberView, Desk,
    DraftView, RestoreFile, RetentionView, SetUpDone, SettingsView, SignedIn, StartedCallView,
    StatisticsQuery, VerifyView,
};
use crate::dialogs;
use crate::error::ShellError;

pub struct DeskState(Mutex<Desk>);

impl DeskState {
    pub fn new(desk: Desk) -> Self {
        DeskState(Mutex::new(desk))
    }

    fn desk(&self) -> MutexGuard<'_, Desk> {
        // A panic while the lock was held cannot leave a half-written store (every write is one
        // transaction), so a poisoned lock is safe to take over.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn with<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T, ShellError>) -> Result<T, ShellError> {
        f(&mut self.desk())
    }
}

type Reply<T> = Result<T, ShellError>;

#[tauri::command]
pub fn app_status(state: State<'_, DeskState>) -> Reply<AppStatus> {
    state.with(|desk| Ok(desk.status()))
}

// Key derivation takes a noticeable moment: the commands that derive keys are async, so they
// run off the main thread and the window stays responsive.
#[tauri::command]
pub async fn set_up_store(
    state: State<'_, DeskState>,
    user_name: String,
    passphrase: String,
) -> Reply<SetUpDone> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|desk| desk.set_up(&user_name, passphrase))
}

#[tauri::command]
pub async fn unlock(
    state: State<'_, DeskState>,
    user_name: String,
    passphrase: String,
) -> Reply<SignedIn> {
    let passphrase = Zeroizing::new(passphrase);
    let (result, delay) = {
        let mut desk = state.desk();
        let result = desk.unlock(&user_name, passphrase);
        (result, desk.unlock_delay())
    };
    if result.is_err() && !delay.is_zero() {
        // Waits without holding the desk, so the window can still ask for its status.
        let _ = tauri::async_runtime::spawn_blocking(move || std::thread::sleep(delay)).await;
    }
    result
}

/// Every passphrase is forgotten: the recovery code and a new passphrase for `user_name`.
#[tauri::command]
pub async fn recover(
    state: State<'_, DeskState>,
    user_name: String,
    recovery_code: String,
    new_passphrase: String,
) -> Reply<SignedIn> {
    let (code, next) = (
        Zeroizing::new(recovery_code),
        Zeroizing::new(new_passphrase),
    );
    state.with(|desk| desk.recover(&user_name, code, next))
}

/// First run: the native open dialog for a backup file, remembered by the shell. `None` when
/// the dialog was cancelled.
#[tauri::command]
pub async fn choose_restore_file(
    app: tauri::AppHandle,
    state: State<'_, DeskState>,
) -> Reply<Option<RestoreFile>> {
    state.with(|desk| desk.refuse_unless_first_run())?;
    let Some(path) = dialogs::open_path(&app, desk::BACKUP_EXTENSION)? else {
        return Ok(None);
    };
    state.with(|desk| desk.choose_restore_file(path)).map(Some)
}

/// First run: restores the chosen backup and signs in; with `recovery_code`, `passphrase` is
/// the user's new passphrase, else their passphrase as it was when the backup was taken.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, DeskState>,
    user_name: String,
    passphrase: String,
    recovery_code: Option<String>,
) -> Reply<SignedIn> {
    let passphrase = Zeroizing::new(passphrase);
    let code = recovery_code.map(Zeroizing::new);
    state.with(|desk| desk.restore(&user_name, passphrase, code))
}

#[tauri::command]
pub fn lock(state: State<'_, DeskState>) -> Reply<()> {
    state.with(|desk| {
        desk.lock();
        Ok(())
    })
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, DeskState>,
    current: String,
    next: String,
) -> Reply<()> {
    let (current, next) = (Zeroizing::new(current), Zeroizing::new(next));
    state.with(|desk| desk.change_passphrase(current, next))
}

#[tauri::command]
pub fn get_settings(state: State<'_, DeskState>) -> Reply<SettingsView> {
    state.with(Desk::settings)
}

#[tauri::command]
pub fn set_referrals(state: State<'_, DeskState>, referrals: serde_json::Value) -> Reply<()> {
    state.with(|desk| desk.set_referrals(referrals))
}

#[tauri::command]
pub fn set_transit_countries(state: State<'_, DeskState>, countries: Vec<String>) -> Reply<()> {
    state.with(|desk| desk.set_transit_countries(countries))
}

#[tauri::command]
pub fn set_retention_months(
    state: State<'_, DeskState>,
    months: Option<u32>,
) -> Reply<RetentionView> {
    state.with(|desk| desk.set_retention_months(months))
}

#[tauri::command]
pub fn set_idle_lock_minutes(state: State<'_, DeskState>, minutes: u32) -> Reply<()> {
    state.with(|desk| desk.set_idle_lock_minutes(minutes))
}

#[tauri::command]
pub fn start_call(
    state: State<'_, DeskState>,
    case_number: Option<String>,
) -> Reply<StartedCallView> {
    state.with(|desk| desk.start_call(case_number))
}

#[tauri::command]
pub fn save_draft(
    state: State<'_, DeskState>,
    draft_id: String,
    content: serde_json::Value,
) -> Reply<()> {
    state.with(|desk| desk.save_draft(&draft_id, content))
}

#[tauri::command]
pub fn end_call(
    state: State<'_, DeskState>,
    draft_id: String,
    content: serde_json::Value,
) -> Reply<CaseNumberView> {
    state.with(|desk| desk.end_call(&draft_id, content))
}

#[tauri::command]
pub fn discard_call(state: State<'_, DeskState>, draft_id: String) -> Reply<()> {
    state.with(|desk| desk.discard_call(&draft_id))
}

#[tauri::command]
pub fn unfinished_calls(state: State<'_, DeskState>) -> Reply<Vec<DraftView>> {
    state.with(Desk::unfinished_calls)
}

#[tauri::command]
pub fn find_case(state: State<'_, DeskState>, case_number: String) -> Reply<CaseHistoryView> {
    state.with(|desk| desk.find_case(&case_number))
}

/// `filter` is `{ openOnly, dueOnly, minStep }`, checked by [`Desk::list_cases`].
#[tauri::command]
pub fn list_cases(state: State<'_, DeskState>, filter: serde_json::Value) -> Reply<CaseListView> {
    state.with(|desk| desk.list_cases(filter))
}

#[tauri::command]
pub fn set_case_open(state: State<'_, DeskState>, case_number: String, open: bool) -> Reply<()> {
    state.with(|desk| desk.set_case_open(&case_number, open))
}

#[tauri::command]
pub fn list_users(state: State<'_, DeskState>) -> Reply<Vec<UserSummary>> {
    state.with(Desk::list_users)
}

#[tauri::command]
pub async fn add_user(
    state: State<'_, DeskState>,
    user_name: String,
    role: String,
    passphrase: String,
) -> Reply<()> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|desk| desk.add_user(&user_name, &role, passphrase))
}

#[tauri::command]
pub fn remove_user(state: State<'_, DeskState>, user_name: String) -> Reply<()> {
    state.with(|desk| desk.remove_user(&user_name))
}

#[tauri::command]
pub fn statistics(
    state: State<'_, DeskState>,
    from: String,
    to: String,
    period_total: bool,
    k: u64,
    language: String,
) -> Reply<serde_json::Value> {
    let query = StatisticsQuery::parse(&from, &to, period_total, k, &language)?;
    state.with(|desk| desk.statistics(&query))
}

#[derive(serde::Serialize)]
pub struct Saved {
    path: String,
}

/// Asks where to save with the system's own dialog (the webview never names a path), then
/// publishes the statistics and writes the export. `None` when the supervisor cancelled.
// Each argument is one field of the webview's call, checked here one by one.
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn export_statistics(
    app: tauri::AppHandle,
    state: State<'_, DeskState>,
    from: String,
    to: String,
    period_total: bool,
    k: u64,
    language: String,
    format: String,
) -> Reply<Option<Saved>> {
    let query = StatisticsQuery::parse(&from, &to, period_total, k, &language)?;
    let format: Format = format
        .parse()
        .map_err(|e: ExportError| ShellError::invalid_argument(e.to_string()))?;
    state.with(Desk::require_supervisor)?;
    let Some(path) = dialogs::save_path(&app, &query.file_name(format), format.extension())? else {
        return Ok(None);
    };
    state.with(|desk| desk.export_statistics(&query, format, &path))?;
    Ok(Some(Saved {
        path: path.display().to_string(),
    }))
}

/// Asks where to save the backup with the native dialog, then writes it. `None` when cancelled.
#[tauri::command]
pub async fn take_backup(
    app: tauri::AppHandle,
    state: State<'_, DeskState>,
) -> Reply<Option<Saved>> {
    state.with(Desk::require_supervisor)?;
    let name = desk::backup_file_name(chrono::Local::now().date_naive());
    let Some(path) = dialogs::save_path(&app, &name, desk::BACKUP_EXTENSION)? else {
        return Ok(None);
    };
    state.with(|desk| desk.backup(&path))?;
    Ok(Some(Saved {
        path: path.display().to_string(),
    }))
}

#[tauri::command]
pub async fn verify_store(state: State<'_, DeskState>) -> Reply<VerifyView> {
    state.with(Desk::verify_store)
}

/// Asks for a backup file with the native dialog and checks it with the supervisor's
/// passphrase. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn verify_backup(
    app: tauri::AppHandle,
    state: State<'_, DeskState>,
    passphrase: String,
) -> Reply<Option<CheckedBackup>> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(Desk::require_supervisor)?;
    let Some(path) = dialogs::open_path(&app, desk::BACKUP_EXTENSION)? else {
        return Ok(None);
    };
    let report = state.with(|desk| desk.verify_backup(&path, passphrase))?;
    Ok(Some(CheckedBackup {
        path: path.display().to_string(),
        report,
    }))
}

#[derive(serde::Serialize)]
pub struct CheckedBackup {
    path: String,
    report: VerifyView,
}

#[tauri::command]
pub fn forget_case(state: State<'_, DeskState>, case_number: String) -> Reply<()> {
    state.with(|desk| desk.forget_case(&case_number))
}

#[tauri::command]
pub async fn reset_passphrase(
    state: State<'_, DeskState>,
    user_name: String,
    passphrase: String,
) -> Reply<()> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|desk| desk.reset_passphrase(&user_name, passphrase))
}

#[tauri::command]
pub fn audit_trail(state: State<'_, DeskState>) -> Reply<Vec<AuditEntry>> {
    state.with(Desk::audit_trail)
}

#[tauri::command]
pub fn verify_audit(state: State<'_, DeskState>) -> Reply<AuditCheckView> {
    state.with(Desk::verify_audit)
}
