//! Benchmark data and the plain-SQLite baseline (issue 6; BENCHMARKS.md says how to run it).
//!
//! [`generate`] draws realistic calls from a seed; [`dataset`] builds, once per size and seed,
//! an encrypted store and a plain baseline holding the same calls; [`plain`] is the baseline.

pub mod dataset;
pub mod generate;
pub mod plain;
pub mod settings;

/// What can go wrong while building or reading benchmark data.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("store: {0}")]
    Core(#[from] helpline_core::Error),
    #[error("plain SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migrations: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("text: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
    #[error("case number: {0}")]
    CaseNumber(#[from] helpline_core::CaseNumberError),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = BenchError> = std::result::Result<T, E>;
