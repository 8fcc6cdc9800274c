//! Writing published statistics out: CSV and JSON for machines, XLSX for the spreadsheet,
//! and a printable HTML report with charts. Every format is made from a [`Report`], which
//! holds only published (suppressed) values, and states the rule and k it used.

mod csv;
mod html;
mod json;
mod xlsx;

use std::io::Write;

use serde::Serialize;

use crate::labels::Labels;
use crate::tables::MonthlyStatistics;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    Json,
    Xlsx,
    Html,
}

impl std::str::FromStr for Format {
    type Err = ExportError;
    fn from_str(code: &str) -> Result<Self, ExportError> {
        match code {
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "xlsx" => Ok(Format::Xlsx),
            "html" => Ok(Format::Html),
            other => Err(ExportError::UnknownFormat(other.to_string())),
        }
    }
}

impl Format {
    /// The usual file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the export format is csv, json, xlsx or html, not {0:?}")]
    UnknownFormat(String),
    #[error("could not write the export: {0}")]
    Write(String),
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}

/// What an export is made of: the release's published values, and the labels of one language.
pub struct Report<'a> {
    /// The months asked for, one column each, and the period's column if there is one.
    pub statistics: &'a MonthlyStatistics,
    pub labels: &'a Labels,
}

/// Writes the export to `path` all at once: into a temporary file beside it, then renamed, so
/// a crash never leaves half a file where a supervisor expects a report.
pub fn write_file(
    report: &Report<'_>,
    format: Format,
    path: &std::path::Path,
) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => std::path::Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    write(report, format, file.as_file_mut())?;
    file.as_file().sync_all()?;
    file.persist(path)
        .map_err(|e| ExportError::Write(e.error.to_string()))?;
    Ok(())
}

/// The JSON export as a value, for the desktop app's statistics screen.
pub fn document(report: &Report<'_>) -> serde_json::Value {
    json::document(report)
}

/// The call-time rows every format shows, each a code, a label and one value per month: how
/// many calls were timed (`timed` shows a published count), their total and median minutes
/// (`minutes` shows a figure, None when hidden).
fn call_time_rows<T>(
    report: &Report<'_>,
    timed: impl Fn(crate::suppression::Published) -> T,
    minutes: impl Fn(Option<u64>) -> T,
) -> [(&'static str, String, Vec<T>); 3] {
    let (stats, labels) = (report.statistics, report.labels);
    [
        (
            "calls_timed",
            labels.text("stats-calls-timed"),
            stats
                .call_time
                .iter()
                .map(|t| timed(t.calls_timed))
                .collect(),
        ),
        (
            "total_minutes",
            labels.text("stats-total-minutes"),
            stats
                .call_time
                .iter()
                .map(|t| minutes(t.total_minutes))
                .collect(),
        ),
        (
            "median_minutes",
            labels.text("stats-median-minutes"),
            stats
                .call_time
                .iter()
                .map(|t| minutes(t.median_minutes))
                .collect(),
        ),
    ]
}

pub fn write(report: &Report<'_>, format: Format, out: &mut dyn Write) -> Result<(), ExportError> {
    match format {
        Format::Csv => csv::write(report, out),
        Format::Json => json::write(report, out),
        Format::Xlsx => xlsx::write(report, out),
        Format::Html => html::write(report, out),
    }
}
