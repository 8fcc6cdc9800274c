//! The error that crosses IPC: a stable `code` the UI translates, and an English message for
//! logs. Never carries notes, contact details or case numbers (the core's messages do not).

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ShellError {
    pub code: &'static str,
    pub message: String,
}

impl From<helpline_core::Error> for ShellError {
    fn from(e: helpline_core::Error) -> Self {
        ShellError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl ShellError {
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        ShellError {
            code: "invalid_argument",
            message: message.into(),
        }
    }
}
