//! CSV, UTF-8, one row per published value, in long form so any tool can pivot it.
//!
//! Columns: `table` (a table id, or `about` for the rule rows), `unit` (calls, cases,
//! referrals), `category` (a stable code, or `total`), `label` (in the report's language),
//! `month` (YYYY-MM, or YYYY-MM/YYYY-MM for the total over the period), `value` (a count,
//! `<k`, `x` for a hidden count, or `..` for one not published). The first rows, with table
//! `about`, state k and the rules.
//!
//! A cell that a spreadsheet would take for a formula (one beginning with `=`, `+`, `-`, `@`,
//! a tab or a carriage return, as OWASP lists them) is written with a leading `'`, so that a
//! referral label such as `=HYPERLINK(…)` is shown as text, never run. A cell that begins with
//! `'` gets one too, so a reader that removes one leading `'` before any of these characters
//! gets every cell back exactly (`tests/stats/audit.py` does).

use std::borrow::Cow;
use std::io::Write;

use super::{ExportError, Report};

/// The characters that make a spreadsheet read a cell as a formula, and the quote that marks
/// one as text.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The cell as written: with a leading `'` where it would otherwise start a formula.
fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The one way a row is written, so no cell escapes [`neutralised`].
struct Rows<W: Write>(::csv::Writer<W>);

impl<W: Write> Rows<W> {
    fn write(&mut self, row: [&str; 6]) -> Result<(), ExportError> {
        self.0
            .write_record(row.map(neutralised).iter().map(|c| c.as_bytes()))
            .map_err(|e| ExportError::Write(e.to_string()))
    }
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
    let stats = report.statistics;
    let labels = report.labels;
    let mut csv = Rows(::csv::Writer::from_writer(out));
    csv.write(["table", "unit", "category", "label", "month", "value"])?;
    let first = stats
        .months
        .first()
        .map(|m| m.to_string())
        .unwrap_or_default();
    csv.write(["about", "", "k", "k", &first, &stats.k.to_string()])?;
    for (i, rule) in labels.rules(stats.k).iter().enumerate() {
        csv.write(["about", "", &format!("rule_{}", i + 1), rule, &first, ""])?;
    }
    let headings = stats.headings();
    for table in &stats.tables {
        let unit = serde_plain(&table.unit);
        for (heading, column) in headings.iter().zip(table.all_columns()) {
            for (code, value) in table.categories.iter().zip(&column.cells) {
                let label = labels.category(table.dimension, code);
                csv.write([
                    table.id,
                    &unit,
                    code,
                    &label,
                    heading,
                    &labels.published(*value, stats.k),
                ])?;
            }
            let total = labels.published(column.total, stats.k);
            csv.write([
                table.id,
                &unit,
                "total",
                &labels.text("stats-total"),
                heading,
                &total,
            ])?;
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
            csv.write([
                "call_time",
                "calls",
                code,
                &label,
                &month.to_string(),
                &value,
            ])?;
        }
    }
    csv.0.flush()?;
    Ok(())
}

fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::neutralised;

    #[test]
    fn a_cell_that_would_start_a_formula_gets_a_quote() {
        for cell in ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=1"] {
            assert_eq!(neutralised(cell), format!("'{cell}"));
        }
        for cell in [
            "",
            "12",
            "<5",
            "x",
            "..",
            "2026-03",
            "Exit =Stockholm",
            "مرحبا",
        ] {
            assert_eq!(neutralised(cell), cell);
        }
    }
}
