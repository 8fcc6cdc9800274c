//! The application layer's one error: a stable `code` the UI translates and scripts match on,
//! and an English message for logs and the CLI. It crosses IPC as `{code, message}`. Never
//! carries notes, contact details or case numbers (the core's messages do not).

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct AppError {
    pub code: &'static str,
    pub message: String,
}

impl From<helpline_core::Error> for AppError {
    fn from(e: helpline_core::Error) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl AppError {
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        AppError {
            code: "invalid_argument",
            message: message.into(),
        }
    }
}
