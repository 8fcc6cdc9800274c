//! Benchmark data and the plain-SQLite baseline (issue 6; BENCHMARKS.md says how to run it),
//! and the several-desks benchmarks against a plain PostgreSQL baseline (issue 14).
//!
//! [`generate`] draws realistic calls from a seed; [`dataset`] builds, once per size and seed,
//! an encrypted store and a plain baseline holding the same calls; [`plain`] is the baseline.
//! [`server`] is the PostgreSQL a sync benchmark runs against, [`desks`] two desks of one
//! helpline made from a dataset, and [`plain_sync`] the same sharing done in plain.

pub mod dataset;
pub mod desks;
pub mod generate;
pub mod plain;
pub mod plain_sync;
pub mod server;
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
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("sync: {0}")]
    Sync(#[from] helpline_sync::SyncError),
    #[error("app: {0}")]
    App(String),
    #[error("setting up: {0}")]
    Setup(String),
}

impl BenchError {
    /// An application-layer error, with its code.
    pub fn app(e: helpline_app::AppError) -> BenchError {
        BenchError::App(format!("{} [{}]", e.message, e.code))
    }
}

pub type Result<T, E = BenchError> = std::result::Result<T, E>;
