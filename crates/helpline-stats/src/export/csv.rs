//! CSV, UTF-8, one row per published value, in long form so any tool can pivot it.
//!
//! Columns: `table` (a table id, or `about` for the rule rows), `unit` (calls, cases,
//! referrals), `category` (a stable code, or `total`), `label` (in the report's language),
//! `month` (YYYY-MM, or YYYY-MM/YYYY-MM for the total over the period), `value` (a count,
//! `<k`, `x` for a hidden count, or `..` for one not published). The first rows, with table
//! `about`, state k and the rules.

use std::io::Write;

use super::{ExportError, Report};

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
    let stats = report.statistics;
    let labels = report.labels;
    let mut csv = ::csv::Writer::from_writer(out);
    let io = |e: ::csv::Error| ExportError::Write(e.to_string());
    csv.write_record(["table", "unit", "category", "label", "month", "value"])
        .map_err(io)?;
    let first = stats
        .months
        .first()
        .map(|m| m.to_string())
        .unwrap_or_default();
    csv.write_record(["about", "", "k", "k", &first, &stats.k.to_string()])
        .map_err(io)?;
    for (i, rule) in labels.rules(stats.k).iter().enumerate() {
        csv.write_record(["about", "", &format!("rule_{}", i + 1), rule, &first, ""])
            .map_err(io)?;
    }
    let headings = stats.headings();
    for table in &stats.tables {
        let unit = serde_plain(&table.unit);
        for (heading, column) in headings.iter().zip(table.all_columns()) {
            for (code, value) in table.categories.iter().zip(&column.cells) {
                let label = labels.category(table.dimension, code);
                csv.write_record([
                    table.id,
                    &unit,
                    code,
                    &label,
                    heading,
                    &labels.published(*value, stats.k),
                ])
                .map_err(io)?;
            }
            let total = labels.published(column.total, stats.k);
            csv.write_record([
                table.id,
                &unit,
                "total",
                &labels.text("stats-total"),
                heading,
                &total,
            ])
            .map_err(io)?;
        }
    }
    let hidden = || labels.text("stats-hidden");
    let rows = super::call_time_rows(
        report,
        |v| labels.published(v, stats.k),
        |v| v.map_or_else(hidden, |v| v.to_string()),
    );
    for (code, label, values) in rows {
        for (month, value) in stats.months.iter().zip(values) {
            csv.write_record([
                "call_time",
                "calls",
                code,
                &label,
                &month.to_string(),
                &value,
            ])
            .map_err(io)?;
        }
    }
    csv.flush()?;
    Ok(())
}

fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
