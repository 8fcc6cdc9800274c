//! The desktop app's state and operations, free of Tauri so they are tested without a window:
//! where the store is, and the unlocked session when there is one.

use std::path::PathBuf;

use helpline_core::{paths, Code, Passphrase, Session, Store};
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
        return Err(ShellError::invalid_argument(format!("{field} is longer than {MAX_ARGUMENT_BYTES} bytes")));
    }
    Ok(())
}

impl Desk {
    /// The data folder comes from HELPLINE_DATA_DIR or the system's per-user data folder, as
    /// for the CLI.
    pub fn from_environment() -> Result<Desk, ShellError> {
        Ok(Desk::new(paths::data_dir(None)?))
    }

    pub fn new(data_dir: PathBuf) -> Desk {
        Desk { data_dir, session: None }
    }

    pub fn status(&self) -> AppStatus {
        match &self.session {
            Some(session) => AppStatus::Unlocked { user: session.user_name().to_owned(), role: session.role().code() },
            None if Store::exists(&self.data_dir) => AppStatus::Locked,
            None => AppStatus::NeedsSetup,
        }
    }

    pub fn set_up(&mut self, user_name: &str, passphrase: Zeroizing<String>) -> Result<SetUpDone, ShellError> {
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

    pub fn unlock(&mut self, user_name: &str, passphrase: Zeroizing<String>) -> Result<SignedIn, ShellError> {
        check_length("userName", user_name)?;
        check_length("passphrase", &passphrase)?;
        if self.session.is_some() {
            return Err(ShellError::invalid_argument("the store is already unlocked; lock it first"));
        }
        let passphrase = Passphrase::for_unlock(&passphrase)?;
        let session = Store::open(&self.data_dir)?.unlock(user_name, &passphrase)?;
        let signed_in = SignedIn { user: session.user_name().to_owned(), role: session.role().code() };
        self.session = Some(session);
        Ok(signed_in)
    }

    /// Drops the session and with it every key.
    pub fn lock(&mut self) {
        self.session = None;
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
        assert_eq!(desk.status(), AppStatus::Unlocked { user: "sara".into(), role: "supervisor" });
        desk.lock();
        assert_eq!(desk.status(), AppStatus::Locked);
        assert_eq!(desk.unlock("sara", secret("wrong passphrase")).unwrap_err().code, "wrong_passphrase");
        assert_eq!(desk.unlock("sara", secret("a long passphrase")).unwrap(), SignedIn { user: "sara".into(), role: "supervisor" });
        assert_eq!(desk.unlock("sara", secret("a long passphrase")).unwrap_err().code, "invalid_argument");
    }

    #[test]
    fn arguments_are_checked_before_the_core() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::new(dir.path().to_path_buf());
        assert_eq!(desk.set_up("sara", secret("short")).err().unwrap().code, "passphrase_too_short");
        assert_eq!(desk.set_up("", secret("a long passphrase")).err().unwrap().code, "invalid_user_name");
        assert_eq!(desk.set_up(&"x".repeat(5000), secret("a long passphrase")).err().unwrap().code, "invalid_argument");
        assert_eq!(desk.status(), AppStatus::NeedsSetup, "nothing was created by refused set-ups");
        assert_eq!(desk.unlock("sara", secret("a long passphrase")).unwrap_err().code, "no_store");
        desk.set_up("sara", secret("a long passphrase")).unwrap();
        desk.lock();
        assert_eq!(desk.set_up("eve", secret("a long passphrase")).err().unwrap().code, "store_exists");
    }
}
