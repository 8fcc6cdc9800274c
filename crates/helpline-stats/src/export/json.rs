//! JSON: the published statistics with their labels, and the rule and k used.

use std::io::Write;

use serde::Serialize;

use super::{ExportError, Report};
use crate::suppression::Published;
use crate::tables::{CallTime, Unit};

#[derive(Serialize)]
struct Document<'a> {
    months: Vec<String>,
    language: &'static str,
    disclosure_control: Rules,
    tables: Vec<TableDocument<'a>>,
    call_time: Vec<MonthCallTime<'a>>,
}

#[derive(Serialize)]
struct Rules {
    k: u64,
    rules: Vec<String>,
}

#[derive(Serialize)]
struct TableDocument<'a> {
    id: &'static str,
    title: String,
    unit: Unit,
    rows: Vec<Row<'a>>,
    totals: Vec<Published>,
}

#[derive(Serialize)]
struct Row<'a> {
    category: &'a str,
    label: String,
    /// One per month; `{"shown": "count", "value": 12}`, `{"shown": "below_threshold"}` ("<k")
    /// or `{"shown": "secondary"}` (hidden so that another cannot be worked out).
    values: Vec<Published>,
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
    let document = Document {
        months: stats.months.iter().map(|m| m.to_string()).collect(),
        language: labels.language().code(),
        disclosure_control: Rules {
            k: stats.k,
            rules: labels.rules(stats.k),
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
                    })
                    .collect(),
                totals: table.columns.iter().map(|c| c.total).collect(),
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
