//! The application layer's one error: a stable `code` the UI translates and scripts match on,
//! and an English message for logs and the CLI. It crosses IPC as `{code, message, limit?}`.
//! Never carries notes, contact details or case numbers (the core's messages do not).

use helpline_core::error::Limit;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct AppError {
    pub code: &'static str,
    pub message: String,
    /// The limit an input broke, so the UI can say it without keeping its own copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
}

impl From<helpline_core::Error> for AppError {
    fn from(e: helpline_core::Error) -> Self {
        AppError {
            code: e.code(),
            message: e.to_string(),
            limit: e.limit(),
        }
    }
}

impl AppError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
            limit: None,
        }
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        AppError::new("invalid_argument", message)
    }
}
