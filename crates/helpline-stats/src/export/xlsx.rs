//! XLSX, for the spreadsheet people actually use.
//!
//! The first sheet states the rules and k, with a legend of "<k", "x" and ".."; then one sheet
//! per table (title, unit, a header row of months and the period, a row per category and a
//! total row) and one for call time. Counts are numbers; "<k" and "x" are text, right-aligned like the counts.
//! Sheet names are the translated titles, cut to Excel's 31 characters; the full title is the
//! sheet's first row. Arabic sheets run right to left.

use std::io::Write;

use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{ExportError, Report};
use crate::labels::Labels;
use crate::suppression::Published;

/// Excel's limit on a sheet name, in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;
/// The rows above a table's first category: title, unit, header.
const HEADER_ROW: u32 = 2;
/// A4 in Excel's list of paper sizes.
const PAPER_A4: u8 = 9;
/// A sheet of more months than this prints in landscape.
const LANDSCAPE_ABOVE_MONTHS: usize = 6;

/// The cell formats every sheet uses.
struct Styles {
    title: Format,
    heading: Format,
    unit: Format,
    header: Format,
    header_month: Format,
    label: Format,
    count: Format,
    hidden: Format,
    total_label: Format,
    total_count: Format,
    total_hidden: Format,
    rule: Format,
    symbol: Format,
}

impl Styles {
    fn new() -> Styles {
        // Counts and months read left to right even on an Arabic sheet; "<5" must not mirror.
        let value = Format::new()
            .set_align(FormatAlign::Right)
            .set_reading_direction(1);
        let total = |f: Format| f.set_bold().set_border_top(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(13),
            heading: Format::new().set_bold().set_font_size(11),
            unit: Format::new().set_italic(),
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            header_month: value
                .clone()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            label: Format::new(),
            count: value.clone(),
            hidden: value.clone().set_italic(),
            total_label: total(Format::new()),
            total_count: total(value.clone()),
            total_hidden: total(value.clone().set_italic()),
            rule: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            symbol: value.set_bold().set_align(FormatAlign::Top),
        }
    }
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
    let buffer = workbook(report)
        .and_then(|mut book| book.save_to_buffer())
        .map_err(xlsx)?;
    out.write_all(&buffer)?;
    out.flush()?;
    Ok(())
}

fn xlsx(e: XlsxError) -> ExportError {
    ExportError::Write(e.to_string())
}

fn workbook(report: &Report<'_>) -> Result<Workbook, XlsxError> {
    let stats = report.statistics;
    let labels = report.labels;
    let styles = Styles::new();
    let rtl = labels.language().dir() == "rtl";
    let k = stats.k;
    let mut book = Workbook::new();
    // A title only: no author (a user name) and nothing about who exported it.
    book.set_properties(&DocProperties::new().set_title(labels.text("stats-report-title")));
    let mut names = Vec::new();
    let months: Vec<String> = stats.months.iter().map(|m| m.to_string()).collect();
    let headings = stats.headings();

    // The rules, and a legend of what "<k" and "x" mean.
    let sheet = new_sheet(
        &mut book,
        &labels.text("stats-rules-title"),
        "rules",
        &mut names,
        rtl,
    )?;
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 100)?;
    sheet.write_string_with_format(0, 0, labels.text("stats-report-title"), &styles.title)?;
    let period = labels.period(
        months.first().map_or("", String::as_str),
        months.last().map_or("", String::as_str),
    );
    sheet.write_string(1, 0, period)?;
    sheet.write_string_with_format(3, 0, labels.text("stats-rules-title"), &styles.heading)?;
    sheet.write_string_with_format(4, 0, "k", &styles.symbol)?;
    sheet.write_number_with_format(
        4,
        1,
        k as f64,
        &Format::new().set_align(FormatAlign::Left).set_bold(),
    )?;
    // The rules of "<k", "x", ".." and 0 come first, each with its symbol beside it as the
    // legend; then the guarantee, that months are final, and what a report never holds.
    let symbols = labels.symbols(k);
    let rules = labels.rules(k);
    for (i, rule) in rules.iter().enumerate() {
        let row = 5 + i as u32;
        if let Some(symbol) = symbols.get(i) {
            sheet.write_string_with_format(row, 0, symbol, &styles.symbol)?;
        }
        sheet.write_string_with_format(row, 1, rule, &styles.rule)?;
    }
    if let Some(heading) = stats.period_heading() {
        sheet.write_string_with_format(
            6 + rules.len() as u32,
            1,
            labels.period_column(&heading),
            &styles.rule,
        )?;
    }

    for table in &stats.tables {
        let title = labels.table_title(table.id);
        let sheet = new_sheet(&mut book, &title, table.id, &mut names, rtl)?;
        let rows: Vec<(String, Vec<Cell>)> = table
            .categories
            .iter()
            .enumerate()
            .map(|(r, code)| {
                let values = table
                    .all_columns()
                    .map(|c| Cell::of(c.cells[r], k, labels))
                    .collect();
                (labels.category(table.dimension, code), values)
            })
            .collect();
        let total = (
            labels.text("stats-total"),
            table
                .all_columns()
                .map(|c| Cell::of(c.total, k, labels))
                .collect(),
        );
        let layout = Grid {
            title: &title,
            unit: &labels.unit(table.unit),
            corner: &labels.text("stats-category"),
            months: &headings,
        };
        layout.write(sheet, &styles, &rows, Some(&total))?;
    }

    // Call time: how many calls were timed, and their total and median minutes.
    let title = labels.text("stats-call-time-title");
    let sheet = new_sheet(&mut book, &title, "call_time", &mut names, rtl)?;
    let minutes =
        |v: Option<u64>| v.map_or_else(|| Cell::Hidden(labels.text("stats-hidden")), Cell::Count);
    let rows: Vec<(String, Vec<Cell>)> =
        super::call_time_rows(report, |v| Cell::of(v, k, labels), minutes)
            .into_iter()
            .map(|(_, label, values)| (label, values))
            .collect();
    Grid {
        title: &title,
        unit: "",
        corner: "",
        months: &months,
    }
    .write(sheet, &styles, &rows, None)?;

    Ok(book)
}

/// What goes in one value cell.
enum Cell {
    Count(u64),
    Hidden(String),
}

impl Cell {
    fn of(value: Published, k: u64, labels: &Labels) -> Cell {
        match value {
            Published::Count(n) => Cell::Count(n),
            other => Cell::Hidden(labels.published(other, k)),
        }
    }

    fn write(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        format: &Format,
    ) -> Result<(), XlsxError> {
        match self {
            Cell::Count(n) => sheet.write_number_with_format(row, col, *n as f64, format)?,
            Cell::Hidden(text) => sheet.write_string_with_format(row, col, text, format)?,
        };
        Ok(())
    }
}

/// One sheet's table: a title, a unit line, a header of column headings, a row per label.
struct Grid<'g> {
    title: &'g str,
    unit: &'g str,
    /// The header above the labels.
    corner: &'g str,
    /// The column headings: months, and the period's.
    months: &'g [String],
}

impl Grid<'_> {
    /// Writes the table, then `total` as a bold row under a rule; sets the widths, freezes the
    /// panes below the header and beside the labels, and sets up printing.
    fn write(
        &self,
        sheet: &mut Worksheet,
        styles: &Styles,
        rows: &[(String, Vec<Cell>)],
        total: Option<&(String, Vec<Cell>)>,
    ) -> Result<(), XlsxError> {
        sheet.write_string_with_format(0, 0, self.title, &styles.title)?;
        if !self.unit.is_empty() {
            sheet.write_string_with_format(1, 0, self.unit, &styles.unit)?;
        }
        sheet.write_string_with_format(HEADER_ROW, 0, self.corner, &styles.header)?;
        for (m, month) in self.months.iter().enumerate() {
            sheet.write_string_with_format(
                HEADER_ROW,
                1 + m as u16,
                month,
                &styles.header_month,
            )?;
        }
        for (r, (label, values)) in rows.iter().chain(total).enumerate() {
            let row = HEADER_ROW + 1 + r as u32;
            let is_total = r == rows.len();
            let label_format = if is_total {
                &styles.total_label
            } else {
                &styles.label
            };
            sheet.write_string_with_format(row, 0, label, label_format)?;
            for (m, value) in values.iter().enumerate() {
                let format = match (value, is_total) {
                    (Cell::Count(_), false) => &styles.count,
                    (Cell::Hidden(_), false) => &styles.hidden,
                    (Cell::Count(_), true) => &styles.total_count,
                    (Cell::Hidden(_), true) => &styles.total_hidden,
                };
                value.write(sheet, row, 1 + m as u16, format)?;
            }
        }
        let widest = rows
            .iter()
            .chain(total)
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        sheet.set_column_width(
            0,
            (widest.max(self.corner.chars().count()) + 2).clamp(14, 60) as f64,
        )?;
        for m in 0..self.months.len() {
            sheet.set_column_width(1 + m as u16, 10)?;
        }
        sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
        sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
        if self.months.len() > LANDSCAPE_ABOVE_MONTHS {
            sheet.set_landscape();
        }
        Ok(())
    }
}

/// Adds a sheet named after `wanted`, made a valid, unused sheet name.
fn new_sheet<'b>(
    book: &'b mut Workbook,
    wanted: &str,
    fallback: &str,
    used: &mut Vec<String>,
    rtl: bool,
) -> Result<&'b mut Worksheet, XlsxError> {
    let name = sheet_name(wanted, fallback, used);
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    sheet.set_right_to_left(rtl);
    sheet.set_paper_size(PAPER_A4);
    // Printed, every sheet is one page wide (the rules' long lines included).
    sheet.set_print_fit_to_pages(1, 0);
    Ok(sheet)
}

/// A sheet name Excel accepts: none of `[]:*?/\`, no apostrophe at either end, at most 31
/// UTF-16 units (cut at a space where one is near), not "History", and unique ignoring case.
fn sheet_name(wanted: &str, fallback: &str, used: &mut Vec<String>) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let tidy = |s: &str| s.trim().trim_matches('\'').trim().to_string();
    let base = match tidy(&cleaned) {
        s if s.is_empty() => fallback.to_string(),
        s => s,
    };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let name = format!(
            "{}{suffix}",
            tidy(&cut(&base, SHEET_NAME_MAX - suffix.len()))
        );
        let taken = used.iter().any(|u| u.to_lowercase() == name.to_lowercase());
        if !taken && !name.eq_ignore_ascii_case("history") && !name.is_empty() {
            used.push(name.clone());
            return name;
        }
    }
    unreachable!("some suffix is free")
}

/// `text` cut to `max` UTF-16 units, at the last space if that keeps two thirds of it.
fn cut(text: &str, max: usize) -> String {
    if text.encode_utf16().count() <= max {
        return text.to_string();
    }
    let mut cut = String::new();
    for c in text.chars() {
        if cut.encode_utf16().count() + c.len_utf16() > max {
            break;
        }
        cut.push(c);
    }
    match cut.rfind(' ') {
        Some(space) if cut[..space].encode_utf16().count() * 3 >= max * 2 => {
            cut[..space].to_string()
        }
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = Vec::new();
        let long = "Calls by the caller's relationship to the person";
        let first = sheet_name(long, "x", &mut used);
        assert_eq!(first, "Calls by the caller's");
        let second = sheet_name(long, "x", &mut used);
        assert_eq!(second, "Calls by the caller's (2)");
        assert_eq!(sheet_name("'Odd: [name]/?*\\'", "x", &mut used), "Odd name");
        assert_eq!(sheet_name(" ''' ", "fallback", &mut used), "fallback");
        assert_eq!(sheet_name("HISTORY", "x", &mut used), "HISTORY (2)");
        assert_eq!(
            sheet_name("CALLS BY THE CALLER'S", "x", &mut used),
            "CALLS BY THE CALLER'S (3)"
        );
        let arabic = "المكالمات حسب صلة المتصل بالشخص المعني في الشهر";
        let name = sheet_name(arabic, "x", &mut used);
        assert!(name.encode_utf16().count() <= SHEET_NAME_MAX && arabic.starts_with(&name));
        let no_spaces = "ÄrendenPerHögstaOronivåUnderMånadenOchMer";
        assert_eq!(sheet_name(no_spaces, "x", &mut used).chars().count(), 31);
        for name in &used {
            rust_xlsxwriter::utility::check_sheet_name(name).unwrap();
        }
    }
}
