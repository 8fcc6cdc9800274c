//! The IPC commands: thin wrappers that take the webview's arguments and hand them to
//! [`Helpline`], which checks them. The webview is untrusted input.

use std::time::Instant;

use helpline_stats::export::{ExportError, Format};
use tauri::ipc::Channel;
use tauri::State;
use zeroize::Zeroizing;

use helpline_app::{
    self as app, AppError, AppStatus, AuditCheckView, AuditEntryView, CaseHistoryView,
    CaseListView, CaseNumberView, CaseOverviewView, CheckedBackup, DraftView, ForgottenView,
    Helpline, InvitationView, LockNotice, NewRecoveryCode, RestoreFile, RetentionView, SavedFile,
    SetUpDone, SettingsView, SignedIn, StatisticsQuery, SyncReport, SyncStatusView, UiLanguage,
    UserView, VerifyView,
};
use tauri::{AppHandle, Manager};

use crate::clipboard::CaseNumberClipboard;
use crate::dialogs;
use crate::lock::LockNotices;
use crate::state::HelplineState;
use crate::sync::{SyncState, Syncer};

type Reply<T> = Result<T, AppError>;

#[tauri::command]
pub fn app_status(state: State<'_, HelplineState>) -> Reply<AppStatus> {
    state.with(|helpline| Ok(helpline.status()))
}

// Key derivation takes a noticeable moment: the commands that derive keys are async, so they
// run off the main thread and the window stays responsive.
#[tauri::command]
pub async fn set_up_store(
    state: State<'_, HelplineState>,
    user_name: String,
    passphrase: String,
) -> Reply<SetUpDone> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|helpline| helpline.set_up(&user_name, passphrase))
}

#[tauri::command]
pub async fn unlock(
    state: State<'_, HelplineState>,
    user_name: String,
    passphrase: String,
) -> Reply<SignedIn> {
    let passphrase = Zeroizing::new(passphrase);
    let (result, delay) = {
        let mut helpline = state.helpline();
        let result = helpline.unlock(&user_name, passphrase);
        (result, helpline.unlock_delay())
    };
    if result.is_err() && !delay.is_zero() {
        // Waits without holding the helpline, so the window can still ask for its status.
        let _ = tauri::async_runtime::spawn_blocking(move || std::thread::sleep(delay)).await;
    }
    result
}

/// Every passphrase is forgotten: the recovery code and a new passphrase for `user_name`.
#[tauri::command]
pub async fn recover(
    state: State<'_, HelplineState>,
    user_name: String,
    recovery_code: String,
    new_passphrase: String,
) -> Reply<SignedIn> {
    let (code, next) = (
        Zeroizing::new(recovery_code),
        Zeroizing::new(new_passphrase),
    );
    state.with(|helpline| helpline.recover(&user_name, code, next))
}

/// First run: the native open dialog for a backup file, remembered by the shell. `None` when
/// the dialog was cancelled.
#[tauri::command]
pub async fn choose_restore_file(
    app: tauri::AppHandle,
    state: State<'_, HelplineState>,
) -> Reply<Option<RestoreFile>> {
    state.with(|helpline| helpline.refuse_unless_first_run())?;
    let Some(path) = dialogs::open_path(&app, app::BACKUP_EXTENSION)? else {
        return Ok(None);
    };
    state
        .with(|helpline| helpline.choose_restore_file(path))
        .map(Some)
}

/// First run: restores the chosen backup and signs in; with `recovery_code`, `passphrase` is
/// the user's new passphrase, else their passphrase as it was when the backup was taken.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, HelplineState>,
    user_name: String,
    passphrase: String,
    recovery_code: Option<String>,
) -> Reply<SignedIn> {
    let passphrase = Zeroizing::new(passphrase);
    let code = recovery_code.map(Zeroizing::new);
    state.with(|helpline| helpline.restore(&user_name, passphrase, code))
}

#[tauri::command]
pub fn lock(
    state: State<'_, HelplineState>,
    clipboard: State<'_, CaseNumberClipboard>,
) -> Reply<()> {
    state.with(|helpline| {
        helpline.lock();
        Ok(())
    })?;
    clipboard.take_off();
    Ok(())
}

/// Puts the case number of the call in progress `draft_id` on the system clipboard, for 30 s
/// at most; the webview names the call, never the text. Async, so the wait for the clipboard
/// thread is off the main thread.
#[tauri::command]
pub async fn copy_case_number(
    state: State<'_, HelplineState>,
    clipboard: State<'_, CaseNumberClipboard>,
    draft_id: String,
) -> Reply<()> {
    let number = state.with(|helpline| helpline.case_number_of_call(&draft_id))?;
    clipboard.copy(number)
}

/// The language the UI was last shown in on this computer, asked before sign-in.
#[tauri::command]
pub fn ui_language(state: State<'_, HelplineState>) -> Reply<Option<UiLanguage>> {
    state.with(|helpline| helpline.ui_language())
}

#[tauri::command]
pub fn set_ui_language(state: State<'_, HelplineState>, language: String) -> Reply<()> {
    state.with(|helpline| helpline.set_ui_language(&language))
}

/// The UI opens this channel once; the shell says on it when the store locked by itself.
#[tauri::command]
pub fn watch_lock(notices: State<'_, LockNotices>, on_lock: Channel<LockNotice>) -> Reply<()> {
    notices.watch(on_lock);
    Ok(())
}

/// Real input (keys, clicks, scrolling) in the window, reported now and then; the shell's idle
/// deadline counts from it. Async, so that a report that waits for a long command (a backup,
/// an export) does not hold up the main thread meanwhile.
#[tauri::command]
pub async fn note_input(state: State<'_, HelplineState>, call_open: bool) -> Reply<()> {
    state.with(|helpline| helpline.note_input(Instant::now(), call_open))
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, HelplineState>,
    current: String,
    next: String,
) -> Reply<()> {
    let (current, next) = (Zeroizing::new(current), Zeroizing::new(next));
    state.with(|helpline| helpline.change_passphrase(current, next))
}

#[tauri::command]
pub fn get_settings(state: State<'_, HelplineState>) -> Reply<SettingsView> {
    state.with(Helpline::settings)
}

#[tauri::command]
pub fn set_referrals(state: State<'_, HelplineState>, referrals: serde_json::Value) -> Reply<()> {
    state.with(|helpline| helpline.set_referrals(referrals))
}

#[tauri::command]
pub fn set_transit_countries(state: State<'_, HelplineState>, countries: Vec<String>) -> Reply<()> {
    state.with(|helpline| helpline.set_transit_countries(countries))
}

#[tauri::command]
pub fn set_retention_months(
    state: State<'_, HelplineState>,
    months: Option<u32>,
) -> Reply<RetentionView> {
    state.with(|helpline| helpline.set_retention_months(months))
}

#[tauri::command]
pub fn set_idle_lock_minutes(state: State<'_, HelplineState>, minutes: u32) -> Reply<()> {
    state.with(|helpline| helpline.set_idle_lock_minutes(minutes))
}

#[tauri::command]
pub fn start_call(
    state: State<'_, HelplineState>,
    case_number: Option<String>,
) -> Reply<DraftView> {
    state.with(|helpline| helpline.start_call(case_number))
}

#[tauri::command]
pub fn save_draft(
    state: State<'_, HelplineState>,
    draft_id: String,
    content: serde_json::Value,
) -> Reply<()> {
    state.with(|helpline| helpline.save_draft(&draft_id, content))
}

/// A finished call is a change for the helpline's other desks: the background sync takes it
/// there soon.
#[tauri::command]
pub fn end_call(
    state: State<'_, HelplineState>,
    syncer: State<'_, Syncer>,
    draft_id: String,
    content: serde_json::Value,
) -> Reply<CaseNumberView> {
    let ended = state.with(|helpline| helpline.end_call(&draft_id, content))?;
    syncer.soon();
    Ok(ended)
}

#[tauri::command]
pub fn discard_call(state: State<'_, HelplineState>, draft_id: String) -> Reply<()> {
    state.with(|helpline| helpline.discard_call(&draft_id))
}

#[tauri::command]
pub fn unfinished_calls(state: State<'_, HelplineState>) -> Reply<Vec<DraftView>> {
    state.with(Helpline::unfinished_calls)
}

#[tauri::command]
pub fn find_case(state: State<'_, HelplineState>, case_number: String) -> Reply<CaseHistoryView> {
    state.with(|helpline| helpline.find_case(&case_number))
}

/// A case's summary without its calls or notes, and without an audit entry.
#[tauri::command]
pub fn case_overview(
    state: State<'_, HelplineState>,
    case_number: String,
) -> Reply<CaseOverviewView> {
    state.with(|helpline| helpline.case_overview(&case_number))
}

/// `filter` is `{ openOnly, dueOnly, minStep, sort }`, checked by [`Helpline::list_cases`].
#[tauri::command]
pub fn list_cases(
    state: State<'_, HelplineState>,
    filter: serde_json::Value,
) -> Reply<CaseListView> {
    state.with(|helpline| helpline.list_cases(filter))
}

/// `content` is the call's corrected content, checked by [`Helpline::correct_call`].
#[tauri::command]
pub fn correct_call(
    state: State<'_, HelplineState>,
    syncer: State<'_, Syncer>,
    call_id: String,
    content: serde_json::Value,
) -> Reply<CaseHistoryView> {
    let history = state.with(|helpline| helpline.correct_call(&call_id, content))?;
    syncer.soon();
    Ok(history)
}

/// The case's follow-up marked done from the cases list (audited).
#[tauri::command]
pub fn mark_follow_up_done(
    state: State<'_, HelplineState>,
    case_number: String,
) -> Reply<CaseOverviewView> {
    state.with(|helpline| helpline.mark_follow_up_done(&case_number))
}

#[tauri::command]
pub fn set_case_open(
    state: State<'_, HelplineState>,
    case_number: String,
    open: bool,
) -> Reply<()> {
    state.with(|helpline| helpline.set_case_open(&case_number, open))
}

#[tauri::command]
pub fn list_users(state: State<'_, HelplineState>) -> Reply<Vec<UserView>> {
    state.with(Helpline::list_users)
}

#[tauri::command]
pub async fn add_user(
    state: State<'_, HelplineState>,
    user_name: String,
    role: String,
    passphrase: String,
) -> Reply<()> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|helpline| helpline.add_user(&user_name, &role, passphrase))
}

#[tauri::command]
pub fn remove_user(state: State<'_, HelplineState>, user_name: String) -> Reply<()> {
    state.with(|helpline| helpline.remove_user(&user_name))
}

#[tauri::command]
pub fn statistics(
    state: State<'_, HelplineState>,
    from: String,
    to: String,
    period_total: bool,
    k: u64,
    language: String,
) -> Reply<serde_json::Value> {
    let query = StatisticsQuery::parse(&from, &to, period_total, k, &language)?;
    state.with(|helpline| helpline.statistics(&query))
}

/// Asks where to save with the system's own dialog (the webview never names a path), then
/// publishes the statistics and writes the export. `None` when the supervisor cancelled.
// Each argument is one field of the webview's call, checked here one by one.
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn export_statistics(
    app: tauri::AppHandle,
    state: State<'_, HelplineState>,
    from: String,
    to: String,
    period_total: bool,
    k: u64,
    language: String,
    format: String,
) -> Reply<Option<SavedFile>> {
    let query = StatisticsQuery::parse(&from, &to, period_total, k, &language)?;
    let format: Format = format
        .parse()
        .map_err(|e: ExportError| AppError::invalid_argument(e.to_string()))?;
    state.with(Helpline::require_supervisor)?;
    let Some(path) = dialogs::save_path(&app, &query.file_name(format), format.extension())? else {
        return Ok(None);
    };
    state.with(|helpline| helpline.export_statistics(&query, format, &path))?;
    Ok(Some(SavedFile {
        path: path.display().to_string(),
    }))
}

/// Asks where to save the backup with the native dialog, then writes it. `None` when cancelled.
#[tauri::command]
pub async fn take_backup(
    app: tauri::AppHandle,
    state: State<'_, HelplineState>,
) -> Reply<Option<SavedFile>> {
    state.with(Helpline::require_supervisor)?;
    let name = app::backup_file_name(chrono::Local::now().date_naive());
    let Some(path) = dialogs::save_path(&app, &name, app::BACKUP_EXTENSION)? else {
        return Ok(None);
    };
    state.with(|helpline| helpline.backup(&path))?;
    Ok(Some(SavedFile {
        path: path.display().to_string(),
    }))
}

#[tauri::command]
pub async fn verify_store(state: State<'_, HelplineState>) -> Reply<VerifyView> {
    state.with(Helpline::verify_store)
}

/// Asks for a backup file with the native dialog and checks it with the supervisor's
/// passphrase. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn verify_backup(
    app: tauri::AppHandle,
    state: State<'_, HelplineState>,
    passphrase: String,
) -> Reply<Option<CheckedBackup>> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(Helpline::require_supervisor)?;
    let Some(path) = dialogs::open_path(&app, app::BACKUP_EXTENSION)? else {
        return Ok(None);
    };
    let report = state.with(|helpline| helpline.verify_backup(&path, passphrase))?;
    Ok(Some(CheckedBackup {
        path: path.display().to_string(),
        report,
    }))
}

/// Forgetting reaches every desk: the background sync takes it there soon.
#[tauri::command]
pub fn forget_case(
    state: State<'_, HelplineState>,
    syncer: State<'_, Syncer>,
    case_number: String,
) -> Reply<ForgottenView> {
    let forgotten = state.with(|helpline| helpline.forget_case(&case_number))?;
    syncer.soon();
    Ok(forgotten)
}

#[tauri::command]
pub async fn replace_recovery_code(
    state: State<'_, HelplineState>,
    passphrase: String,
) -> Reply<NewRecoveryCode> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|helpline| helpline.replace_recovery_code(passphrase))
}

#[tauri::command]
pub async fn reset_passphrase(
    state: State<'_, HelplineState>,
    user_name: String,
    passphrase: String,
) -> Reply<()> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|helpline| helpline.reset_passphrase(&user_name, passphrase))
}

#[tauri::command]
pub fn audit_trail(state: State<'_, HelplineState>) -> Reply<Vec<AuditEntryView>> {
    state.with(Helpline::audit_trail)
}

#[tauri::command]
pub fn verify_audit(state: State<'_, HelplineState>) -> Reply<AuditCheckView> {
    state.with(Helpline::verify_audit)
}

// --- several desks, one helpline -------------------------------------------------------------

/// Runs `work`, which talks to the helpline's server, on a thread of its own: never on the
/// main thread, and never on one of the few that answer the window's other commands.
async fn off_the_window<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppHandle) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(move || work(&app))
        .await
        .map_err(|e| AppError::new("storage_failed", format!("the request stopped: {e}")))?
}

/// This desk's place in the helpline (the server's address without its password).
#[tauri::command]
pub fn sync_status(state: State<'_, HelplineState>) -> Reply<SyncStatusView> {
    state.with(Helpline::sync_status)
}

/// The UI opens this channel once; the shell says on it what the background sync found, at
/// once and at every change.
#[tauri::command]
pub fn watch_sync(syncer: State<'_, Syncer>, on_sync: Channel<SyncState>) -> Reply<()> {
    syncer.watch(move |sync| {
        if let Err(e) = on_sync.send(sync.clone()) {
            eprintln!("helpline-desktop: the window was not told how the sync stands: {e}");
        }
    });
    Ok(())
}

/// Syncs now (after a sync already running), and keeps what it found as the quiet state.
#[tauri::command]
pub async fn sync_now(app: AppHandle) -> Reply<SyncReport> {
    off_the_window(app, |app| {
        app.state::<Syncer>()
            .sync(app.state::<HelplineState>().inner())
    })
    .await
}

/// Makes this desk the first of a helpline whose server was just set up (supervisors).
/// `address` holds the desks' password: it is never logged or shown again.
#[tauri::command]
pub async fn connect_desk(
    app: AppHandle,
    address: String,
    desk_name: String,
) -> Reply<SyncStatusView> {
    let address = Zeroizing::new(address);
    off_the_window(app, move |app| {
        let syncer = app.state::<Syncer>();
        let connected = {
            let _one = syncer.one_at_a_time();
            app.state::<HelplineState>()
                .with(|helpline| helpline.connect_desk(&address, &desk_name))?
        };
        syncer.soon();
        Ok(connected)
    })
    .await
}

/// A one-time invitation for a new desk (supervisors), shown once. It syncs first and puts a
/// snapshot on the server, holding the store meanwhile; the window says "Inviting…".
#[tauri::command]
pub async fn invite_desk(app: AppHandle, desk_name: String) -> Reply<InvitationView> {
    off_the_window(app, move |app| {
        let syncer = app.state::<Syncer>();
        let _one = syncer.one_at_a_time();
        app.state::<HelplineState>()
            .with(|helpline| helpline.invite_desk(&desk_name))
    })
    .await
}

/// First run: this computer joins a helpline as a new desk, from an invitation, and signs in
/// with the passphrase the user has at the other desks.
#[tauri::command]
pub async fn join_helpline(
    app: AppHandle,
    address: String,
    invitation: String,
    user_name: String,
    passphrase: String,
) -> Reply<SignedIn> {
    let (address, invitation, passphrase) = (
        Zeroizing::new(address),
        Zeroizing::new(invitation),
        Zeroizing::new(passphrase),
    );
    off_the_window(app, move |app| {
        let syncer = app.state::<Syncer>();
        let signed_in = {
            let _one = syncer.one_at_a_time();
            app.state::<HelplineState>().with(|helpline| {
                helpline.join_helpline(&address, &invitation, &user_name, passphrase)
            })?
        };
        syncer.soon();
        Ok(signed_in)
    })
    .await
}
