//! The IPC commands: argument checking and mapping onto [`Desk`]. The webview is untrusted
//! input; everything it sends is checked in `Desk` and the core.

use std::sync::Mutex;

use tauri::State;
use zeroize::Zeroizing;

use crate::desk::{AppStatus, Desk, SetUpDone, SignedIn};
use crate::error::ShellError;

pub struct DeskState(Mutex<Desk>);

impl DeskState {
    pub fn new(desk: Desk) -> Self {
        DeskState(Mutex::new(desk))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T, ShellError>) -> Result<T, ShellError> {
        // A panic while the lock was held cannot leave a half-written store (every write is one
        // transaction), so a poisoned lock is safe to take over.
        let mut desk = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut desk)
    }
}

#[tauri::command]
pub fn app_status(state: State<'_, DeskState>) -> Result<AppStatus, ShellError> {
    state.with(|desk| Ok(desk.status()))
}

// Key derivation takes a noticeable moment: these run off the main thread (async) so the
// window stays responsive.
#[tauri::command]
pub async fn set_up_store(state: State<'_, DeskState>, user_name: String, passphrase: String) -> Result<SetUpDone, ShellError> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|desk| desk.set_up(&user_name, passphrase))
}

#[tauri::command]
pub async fn unlock(state: State<'_, DeskState>, user_name: String, passphrase: String) -> Result<SignedIn, ShellError> {
    let passphrase = Zeroizing::new(passphrase);
    state.with(|desk| desk.unlock(&user_name, passphrase))
}

#[tauri::command]
pub fn lock(state: State<'_, DeskState>) -> Result<(), ShellError> {
    state.with(|desk| {
        desk.lock();
        Ok(())
    })
}
