//! JSON: the published statistics with their labels, the rules and k, and what each symbol
//! stands for.

use std::io::Write;

use serde::Serialize;

use super::{ExportError, Report};
use crate::suppression::Published;
use crate::tables::{CallTime, Unit};

/// The document's format, for whoever reads it later: 2 added the period column, ".." and
/// the symbols.
const VERSION: u32 = 2;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    months: Vec<String>,
    period: Option<Period>,
    language: &'static str,
    disclosure_control: Rules,
    tables: Vec<TableDocument<'a>>,
    call_time: Vec<MonthCallTime<'a>>,
}

#[derive(Serialize)]
struct Period {
    from: String,
    to: String,
    months: Vec<String>,
}

#[derive(Serialize)]
struct Rules {
    k: u64,
    rules: Vec<String>,
    symbols: Symbols,
}

/// How each hidden value is written in the other formats.
#[derive(Serialize)]
struct Symbols {
    below_threshold: String,
    secondary: String,
    withheld: String,
}

#[derive(Serialize)]
struct TableDocument<'a> {
    id: &'static str,
    title: String,
    unit: Unit,
    rows: Vec<Row<'a>>,
    totals: Vec<Published>,
    period_total: Option<Published>,
}

#[derive(Serialize)]
struct Row<'a> {
    category: &'a str,
    label: String,
    /// One per month; `{"shown": "count", "value": 12}`, `{"shown": "below_threshold"}` ("<k"),
    /// `{"shown": "secondary"}` ("x") or `{"shown": "withheld"}` ("..").
    values: Vec<Published>,
    period: Option<Published>,
}

#[derive(Serialize)]
struct MonthCallTime<'a> {
    month: String,
    #[serde(flatten)]
    time: &'a CallTime,
}

pub fn document(report: &Report<'_>) -> serde_json::Value {
    let stats = report.statistics;
    let labels = report.labels;
    let k = stats.k;
    let document = Document {
        format: "helpline-statistics",
        version: VERSION,
        months: stats.months.iter().map(|m| m.to_string()).collect(),
        period: stats.period.as_ref().and_then(|months| {
            Some(Period {
                from: months.first()?.to_string(),
                to: months.last()?.to_string(),
                months: months.iter().map(|m| m.to_string()).collect(),
            })
        }),
        language: labels.language().code(),
        disclosure_control: Rules {
            k,
            rules: labels.rules(k),
            symbols: Symbols {
                below_threshold: labels.published(Published::BelowThreshold, k),
                secondary: labels.published(Published::Secondary, k),
                withheld: labels.published(Published::Withheld, k),
            },
        },
        tables: stats
            .tables
            .iter()
            .map(|table| TableDocument {
                id: table.id,
                title: labels.table_title(table.id),
                unit: table.unit,
                rows: table
                    .categories
                    .iter()
                    .enumerate()
                    .map(|(r, code)| Row {
                        category: code,
                        label: labels.category(table.dimension, code),
                        values: table.columns.iter().map(|c| c.cells[r]).collect(),
                        period: table.period.as_ref().map(|p| p.cells[r]),
                    })
                    .collect(),
                totals: table.columns.iter().map(|c| c.total).collect(),
                period_total: table.period.as_ref().map(|p| p.total),
            })
            .collect(),
        call_time: stats
            .months
            .iter()
            .zip(&stats.call_time)
            .map(|(m, time)| MonthCallTime {
                month: m.to_string(),
                time,
            })
            .collect(),
    };
    serde_json::to_value(&document).expect("the document is plain data")
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, &document(report))
        .map_err(|e| ExportError::Write(e.to_string()))?;
    out.write_all(b"\n")?;
    Ok(())
}
