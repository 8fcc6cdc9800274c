//! A printable HTML report: one self-contained file (inline style, inline SVG charts, no
//! scripts, nothing fetched), for reading on screen or printing on A4.
//!
//! Title and period; the rules box (the rule lines and k, with "<k", "x" and ".." shown as the
//! tables show them); two charts over the report's months (calls per month, and calls by
//! concern level per month); then every table, with the period's column if there is one, and
//! call time. Tables and their cells carry `data-table`, `data-column` and `data-category`,
//! so that a program can read the same values as a person.
//!
//! Every text inserted is escaped with [`escape`]: the labels come from translation files and
//! from referral labels supervisors type. Charts hold only numbers and months; their words
//! (captions, legend) are HTML around them, so they follow the page's direction. In Arabic
//! the charts are mirrored (months run from right to left, the axis on the right) while
//! numbers and months still read left to right.

use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use super::{ExportError, Report};
use crate::suppression::Published;
use crate::tables::{MonthlyStatistics, Table, Unit};

/// Escapes `& < > " '` so that `text` is only ever text, in element content or in a quoted
/// attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Appends formatted text to a `String` (which cannot fail).
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

const STYLE: &str = r#"
@page { size: A4; margin: 16mm 15mm 18mm; }
:root { color: #000; background: #fff; color-scheme: light; }
body {
  font-family: "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
  font-size: 10pt; line-height: 1.4; margin: 0 auto; padding: 10mm; max-width: 180mm;
}
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 12pt; margin: 0 0 4pt; }
.period { margin: 0 0 10pt; }
.rules { border: 1.5pt solid #000; padding: 6pt 10pt; margin: 0 0 14pt; break-inside: avoid; }
.rules ul { list-style: none; padding: 0; margin: 0; }
.rules li { display: flex; gap: 8pt; align-items: baseline; margin: 3pt 0; }
.sym {
  flex: none; box-sizing: border-box; min-width: 2.6em; text-align: center; font-weight: bold;
  border: 0.75pt solid #000; padding: 0 3pt;
}
.sym.empty { border-color: transparent; }
.hidden { font-style: italic; }
figure { margin: 0 0 14pt; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 11pt; }
.unit { font-style: italic; font-weight: normal; font-size: 9pt; }
svg.chart { display: block; width: 100%; height: auto; direction: ltr; margin: 2pt 0; }
svg.chart text { font-size: 11px; fill: #000; }
svg.chart .small { font-size: 9px; }
svg.chart .hidden-value { font-style: italic; }
.legend { list-style: none; padding: 0; margin: 2pt 0; display: flex; flex-wrap: wrap; gap: 3pt 14pt; font-size: 9pt; }
.legend li { display: flex; align-items: center; gap: 4pt; }
.note { font-size: 9pt; margin: 2pt 0; display: flex; align-items: center; gap: 4pt; }
svg.swatch { flex: none; width: 12pt; height: 12pt; }
table { border-collapse: collapse; margin: 0 0 14pt; break-inside: avoid; font-size: 9pt; min-width: 60%; }
caption { caption-side: top; text-align: start; margin-bottom: 3pt; }
caption .title { display: block; font-weight: bold; font-size: 10.5pt; }
caption .unit { display: block; }
th, td { padding: 1.5pt 6pt; border-bottom: 0.5pt solid #888; }
thead th { border-bottom: 1pt solid #000; text-align: start; vertical-align: bottom; }
th[scope="row"] { text-align: start; }
tbody th { font-weight: normal; }
tfoot th, tfoot td { font-weight: bold; border-top: 1pt solid #000; border-bottom: none; }
thead .n { width: 16mm; }
table.wide { width: 100%; font-size: 7.5pt; }
table.wide thead .n { width: auto; }
table.wide th, table.wide td { padding: 1.5pt 2.5pt; }
table.wide th[scope="row"] { width: 20%; }
.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
html[dir="rtl"] .n { text-align: left; }
"#;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
    out.write_all(document(report).as_bytes())?;
    out.flush()?;
    Ok(())
}

fn document(report: &Report<'_>) -> String {
    let stats = report.statistics;
    let labels = report.labels;
    let language = labels.language();
    let rtl = language.dir() == "rtl";
    let k = stats.k;
    let months: Vec<String> = stats.months.iter().map(|m| m.to_string()).collect();
    let title = labels.text("stats-report-title");
    let period = labels.period(
        months.first().map_or("", String::as_str),
        months.last().map_or("", String::as_str),
    );

    let mut h = String::with_capacity(64 * 1024);
    put!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        language.code(),
        language.dir()
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    put!(
        h,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&format!("{title} – {period}"))
    );
    put!(
        h,
        "<header>\n<h1>{}</h1>\n<p class=\"period\">{}</p>\n</header>\n",
        escape(&title),
        escape(&period)
    );

    // The rules, each symbol beside the rule that explains it: "<k", "x", ".." and 0 first,
    // then the guarantee, that months are final, and what the report never holds.
    put!(h, "<section class=\"rules\" aria-labelledby=\"rules-title\">\n<h2 id=\"rules-title\">{}</h2>\n<ul>\n", escape(&labels.text("stats-rules-title")));
    let symbols = labels.symbols(k);
    for (i, rule) in labels.rules(k).iter().enumerate() {
        let (symbol, class) = match symbols.get(i) {
            Some(symbol) if i + 1 < symbols.len() => (symbol.as_str(), "sym hidden"),
            Some(symbol) => (symbol.as_str(), "sym"),
            None => ("", "sym empty"),
        };
        put!(
            h,
            "<li><span class=\"{class}\" dir=\"ltr\">{}</span><span>{}</span></li>\n",
            escape(symbol),
            rule_html(rule, &symbols[0])
        );
    }
    if let Some(heading) = stats.period_heading() {
        put!(
            h,
            "<li><span class=\"sym empty\" dir=\"ltr\"></span><span>{}</span></li>\n",
            rule_html(&labels.period_column(&heading), &heading)
        );
    }
    h.push_str("</ul>\n</section>\n");

    charts(&mut h, report, rtl);

    h.push_str("<section class=\"tables\">\n");
    let shown = |v: Published| (labels.published(v, k), is_hidden(v));
    let headings = stats.headings();
    for table in &stats.tables {
        let rows: Vec<Row> = table
            .categories
            .iter()
            .enumerate()
            .map(|(r, code)| Row {
                code,
                label: labels.category(table.dimension, code),
                values: table.all_columns().map(|c| shown(c.cells[r])).collect(),
            })
            .collect();
        let total = Row {
            code: "total",
            label: labels.text("stats-total"),
            values: table.all_columns().map(|c| shown(c.total)).collect(),
        };
        let layout = TableLayout {
            id: table.id,
            title: &labels.table_title(table.id),
            unit: &labels.unit(table.unit),
            corner: &labels.text("stats-category"),
            months: &headings,
        };
        layout.write(&mut h, &rows, Some(&total));
    }
    let minutes = |v: Option<u64>| {
        v.map_or_else(
            || (labels.text("stats-hidden"), true),
            |v| (v.to_string(), false),
        )
    };
    let time_rows: Vec<Row> = super::call_time_rows(report, shown, minutes)
        .into_iter()
        .map(|(code, label, values)| Row {
            code,
            label,
            values,
        })
        .collect();
    let layout = TableLayout {
        id: "call_time",
        title: &labels.text("stats-call-time-title"),
        unit: "",
        corner: "",
        months: &months,
    };
    layout.write(&mut h, &time_rows, None);
    h.push_str("</section>\n</body>\n</html>\n");
    h
}

/// A rule line, escaped, with each "<k" in it kept left to right: in an Arabic sentence the
/// bidirectional algorithm would otherwise mirror it to "5>", unlike the tables.
fn rule_html(rule: &str, below: &str) -> String {
    rule.split(below)
        .map(escape)
        .collect::<Vec<_>>()
        .join(&format!("<span dir=\"ltr\">{}</span>", escape(below)))
}

/// The largest count shown (hidden values do not stretch a chart's axis), 0 when none is.
fn largest_count<'a>(values: impl Iterator<Item = &'a Published>) -> u64 {
    values
        .filter_map(|v| match v {
            Published::Count(n) => Some(*n),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

fn is_hidden(value: Published) -> bool {
    !matches!(value, Published::Count(_))
}

/// A table of more months is split into blocks of this many (a year fits across A4).
const MONTHS_PER_TABLE: usize = 12;
/// Above this many months a table is set in smaller type.
const WIDE_TABLE_MONTHS: usize = 6;

/// A table row: its category's code, its label, and each column's published text and
/// whether it is hidden.
struct Row<'r> {
    code: &'r str,
    label: String,
    values: Vec<(String, bool)>,
}

/// One table's frame: caption (title and unit), and the header of columns.
struct TableLayout<'t> {
    /// The table's id, for `data-table`.
    id: &'t str,
    title: &'t str,
    unit: &'t str,
    /// The header above the labels.
    corner: &'t str,
    /// The column headings: months, and the period's.
    months: &'t [String],
}

impl TableLayout<'_> {
    /// Writes the table: caption, header, a row per label, then `total` in the footer; in
    /// blocks of at most a year of months, each a table of its own, so that it fits on A4.
    fn write(&self, h: &mut String, rows: &[Row], total: Option<&Row>) {
        let blocks = self.months.len().div_ceil(MONTHS_PER_TABLE).max(1);
        for block in 0..blocks {
            let from = block * MONTHS_PER_TABLE;
            let to = self.months.len().min(from + MONTHS_PER_TABLE);
            self.write_block(h, rows, total, from..to);
        }
    }

    fn write_block(&self, h: &mut String, rows: &[Row], total: Option<&Row>, months: Range<usize>) {
        // Many months: smaller type, so that a year still fits across A4.
        let class = if months.len() > WIDE_TABLE_MONTHS {
            " class=\"wide\""
        } else {
            ""
        };
        put!(
            h,
            "<table{class} data-table=\"{}\">\n<caption><span class=\"title\">{}</span>",
            escape(self.id),
            escape(self.title)
        );
        if !self.unit.is_empty() {
            put!(h, "<span class=\"unit\">{}</span>", escape(self.unit));
        }
        put!(
            h,
            "</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            escape(self.corner)
        );
        for month in &self.months[months.clone()] {
            put!(
                h,
                "<th scope=\"col\" class=\"n\" dir=\"ltr\" data-column=\"{}\">{}</th>",
                escape(month),
                escape(month)
            );
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        let row = |h: &mut String, row: &Row| {
            put!(
                h,
                "<tr data-category=\"{}\"><th scope=\"row\">{}</th>",
                escape(row.code),
                escape(&row.label)
            );
            for (value, hidden) in &row.values[months.clone()] {
                let class = if *hidden { "n hidden" } else { "n" };
                put!(
                    h,
                    "<td class=\"{class}\" dir=\"ltr\">{}</td>",
                    escape(value)
                );
            }
            h.push_str("</tr>\n");
        };
        for r in rows {
            row(h, r);
        }
        h.push_str("</tbody>\n");
        if let Some(total) = total {
            h.push_str("<tfoot>\n");
            row(h, total);
            h.push_str("</tfoot>\n");
        }
        h.push_str("</table>\n");
    }
}

// ---------------------------------------------------------------------------------------------
// Charts

/// The fills of the concern levels, lightest (not assessed, hatched) to darkest (step 3):
/// told apart in black and white by grey and pattern, and named in the legend.
const LEVEL_FILLS: [Fill; 4] = [
    Fill::Hatch,
    Fill::Grey("#d0d0d0"),
    Fill::Grey("#808080"),
    Fill::Grey("#000"),
];

#[derive(Clone, Copy)]
enum Fill {
    Grey(&'static str),
    Hatch,
}

impl Fill {
    /// The SVG `fill` value; a hatch needs its pattern defined under `pattern_id`.
    fn paint(self, pattern_id: &str) -> String {
        match self {
            Fill::Grey(grey) => grey.to_string(),
            Fill::Hatch => format!("url(#{pattern_id})"),
        }
    }
}

fn hatch_pattern(id: &str) -> String {
    format!(
        "<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\">\
         <rect width=\"4\" height=\"4\" fill=\"#fff\"/><path d=\"M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2\" stroke=\"#000\" stroke-width=\"0.8\"/></pattern>"
    )
}

/// A small square showing a fill, for a legend.
fn swatch(fill: Fill, id: &str) -> String {
    let defs = if matches!(fill, Fill::Hatch) {
        format!("<defs>{}</defs>", hatch_pattern(id))
    } else {
        String::new()
    };
    format!(
        "<svg class=\"swatch\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">{defs}<rect x=\"0.5\" y=\"0.5\" width=\"11\" height=\"11\" fill=\"{}\" stroke=\"#000\"/></svg>",
        fill.paint(id)
    )
}

/// The mark of a hidden value: an empty dashed box.
fn hidden_swatch() -> &'static str {
    "<svg class=\"swatch\" viewBox=\"0 0 12 12\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"11\" height=\"11\" fill=\"none\" stroke=\"#000\" stroke-dasharray=\"2 1.5\"/></svg>"
}

/// The drawing area of a bar chart, in SVG user units; mirrored for right-to-left.
struct Frame {
    width: f64,
    height: f64,
    /// The margin on the axis side (left, or right when mirrored), for the counts.
    axis: f64,
    /// The margin on the other side.
    end: f64,
    top: f64,
    bottom: f64,
    rtl: bool,
    /// The count at the top of the axis, and the step between ticks.
    max: u64,
    step: u64,
}

impl Frame {
    fn plot_width(&self) -> f64 {
        self.width - self.axis - self.end
    }

    fn baseline(&self) -> f64 {
        self.height - self.bottom
    }

    /// The x of a shape of `width` whose start (reading the chart's way) is `along` units into
    /// the plot.
    fn x(&self, along: f64, width: f64) -> f64 {
        if self.rtl {
            self.width - self.axis - along - width
        } else {
            self.axis + along
        }
    }

    /// The y of a count.
    fn y(&self, count: u64) -> f64 {
        self.baseline() - (self.baseline() - self.top) * count as f64 / self.max as f64
    }

    /// Opens the SVG and draws the axis: ticks, their counts and light grid lines.
    fn open(&self, h: &mut String, label: &str, defs: &str) {
        put!(
            h,
            "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" direction=\"ltr\">",
            self.width,
            self.height,
            escape(label)
        );
        put!(h, "<title>{}</title>", escape(label));
        if !defs.is_empty() {
            put!(h, "<defs>{defs}</defs>");
        }
        let (left, right) = (
            self.x(0.0, self.plot_width()),
            self.x(0.0, self.plot_width()) + self.plot_width(),
        );
        let (tick_x, anchor) = if self.rtl {
            (right + 6.0, "start")
        } else {
            (left - 6.0, "end")
        };
        let mut tick = 0;
        while tick <= self.max {
            let y = self.y(tick);
            let style = if tick == 0 {
                "stroke=\"#000\" stroke-width=\"1\""
            } else {
                "stroke=\"#bbb\" stroke-width=\"0.5\" stroke-dasharray=\"2 2\""
            };
            put!(
                h,
                "<line x1=\"{left:.1}\" x2=\"{right:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" {style}/>"
            );
            put!(
                h,
                "<text x=\"{tick_x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{tick}</text>",
                y + 4.0
            );
            tick += self.step;
        }
    }

    /// Writes each month under its slot.
    fn months(&self, h: &mut String, months: &[String], slot: f64) {
        for (i, month) in months.iter().enumerate() {
            let x = self.x(i as f64 * slot, slot) + slot / 2.0;
            put!(
                h,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                self.baseline() + 16.0,
                escape(month)
            );
        }
    }
}

/// The largest count to show and a tick step of 1, 2 or 5 times a power of ten, for at most
/// five steps; 0..k when nothing is shown.
fn axis(largest: u64, k: u64) -> (u64, u64) {
    let largest = if largest == 0 { k.max(1) } else { largest };
    let mut power = 1;
    loop {
        for step in [power, 2 * power, 5 * power] {
            if largest.div_ceil(step) <= 5 {
                return (largest.div_ceil(step) * step, step);
            }
        }
        power *= 10;
    }
}

fn table<'s>(stats: &'s MonthlyStatistics, id: &str) -> Option<&'s Table> {
    stats.tables.iter().find(|t| t.id == id)
}

/// A bar, or for a hidden value an empty dashed box, with its published text above it.
#[allow(clippy::too_many_arguments)]
fn bar(
    h: &mut String,
    frame: &Frame,
    x: f64,
    width: f64,
    value: Published,
    shown: &str,
    fill: &str,
    rotate: bool,
) {
    let base = frame.baseline();
    let (top, class) = match value {
        Published::Count(n) => {
            let y = frame.y(n);
            if n > 0 {
                put!(h, "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"0.6\"/>", base - y);
            }
            (y, "")
        }
        _ => {
            let box_height = if rotate { 10.0 } else { 14.0 };
            put!(
                h,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{box_height:.1}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\"/>",
                x + 0.4,
                base - box_height,
                width - 0.8
            );
            (base - box_height, " hidden-value")
        }
    };
    let cx = x + width / 2.0;
    if rotate {
        let y = top - 3.0;
        put!(
            h,
            "<text class=\"small{class}\" x=\"{cx:.1}\" y=\"{y:.1}\" transform=\"rotate(-90 {cx:.1} {y:.1})\" dominant-baseline=\"central\" text-anchor=\"start\">{}</text>",
            escape(shown)
        );
    } else {
        put!(
            h,
            "<text class=\"{}\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            class.trim(),
            top - 4.0,
            escape(shown)
        );
    }
}

/// The two charts, over the report's months.
fn charts(h: &mut String, report: &Report<'_>, rtl: bool) {
    let stats = report.statistics;
    let labels = report.labels;
    let k = stats.k;
    let months: Vec<String> = stats.months.iter().map(|m| m.to_string()).collect();
    let note = |h: &mut String| {
        put!(
            h,
            "<p class=\"note\">{}<span>{}</span></p>\n",
            hidden_swatch(),
            escape(&labels.text("stats-chart-hidden"))
        );
    };
    h.push_str("<section class=\"charts\">\n");

    // Calls per month: the total of calls by channel.
    if let Some(channel) = table(stats, "calls_by_channel") {
        let title = labels.text("stats-trend-calls");
        let totals: Vec<Published> = channel.columns.iter().map(|c| c.total).collect();
        let largest = largest_count(totals.iter());
        let (max, step) = axis(largest, k);
        let frame = Frame {
            width: 720.0,
            height: 250.0,
            axis: 44.0,
            end: 8.0,
            top: 22.0,
            bottom: 26.0,
            rtl,
            max,
            step,
        };
        put!(h, "<figure class=\"chart\">\n<figcaption>{}<br><span class=\"unit\">{}</span></figcaption>\n", escape(&title), escape(&labels.unit(Unit::Calls)));
        frame.open(h, &title, "");
        let slot = frame.plot_width() / months.len().max(1) as f64;
        let width = (slot * 0.6).min(40.0);
        for (i, value) in totals.iter().enumerate() {
            let x = frame.x(i as f64 * slot + (slot - width) / 2.0, width);
            bar(
                h,
                &frame,
                x,
                width,
                *value,
                &labels.published(*value, k),
                "#808080",
                false,
            );
        }
        frame.months(h, &months, slot);
        h.push_str("</svg>\n");
        if totals.iter().any(|v| is_hidden(*v)) {
            note(h);
        }
        h.push_str("</figure>\n");
    }

    // Calls by concern level per month: a group of bars per month, one per level.
    if let Some(level) = table(stats, "calls_by_level") {
        let title = labels.text("stats-trend-levels");
        let levels = level.categories.len().max(1);
        let largest = largest_count(level.columns.iter().flat_map(|c| &c.cells));
        let (max, step) = axis(largest, k);
        let frame = Frame {
            width: 720.0,
            height: 290.0,
            axis: 44.0,
            end: 8.0,
            top: 34.0,
            bottom: 26.0,
            rtl,
            max,
            step,
        };
        put!(h, "<figure class=\"chart\">\n<figcaption>{}<br><span class=\"unit\">{}</span></figcaption>\n", escape(&title), escape(&labels.unit(Unit::Calls)));
        frame.open(h, &title, &hatch_pattern("levels-hatch"));
        let slot = frame.plot_width() / months.len().max(1) as f64;
        let group = slot * 0.84;
        let width = group / levels as f64;
        let mut any_hidden = false;
        for (m, column) in level.columns.iter().enumerate() {
            for (l, value) in column.cells.iter().enumerate() {
                let fill = LEVEL_FILLS[l % LEVEL_FILLS.len()].paint("levels-hatch");
                // A hair of white between bars, so that empty boxes side by side stay apart.
                let drawn = width - 1.5;
                let x = frame.x(
                    m as f64 * slot + (slot - group) / 2.0 + l as f64 * width + 0.75,
                    drawn,
                );
                bar(
                    h,
                    &frame,
                    x,
                    drawn,
                    *value,
                    &labels.published(*value, k),
                    &fill,
                    true,
                );
                any_hidden |= is_hidden(*value);
            }
        }
        frame.months(h, &months, slot);
        h.push_str("</svg>\n<ul class=\"legend\">\n");
        for (l, code) in level.categories.iter().enumerate() {
            let fill = LEVEL_FILLS[l % LEVEL_FILLS.len()];
            put!(
                h,
                "<li>{}<span>{}</span></li>\n",
                swatch(fill, &format!("legend-hatch-{l}")),
                escape(&labels.category(level.dimension, code))
            );
        }
        h.push_str("</ul>\n");
        if any_hidden {
            note(h);
        }
        h.push_str("</figure>\n");
    }
    h.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_nothing_that_could_be_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("a & b \"c\" 'd'"),
            "a &amp; b &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(
            escape("&amp;"),
            "&amp;amp;",
            "escaping twice shows the text once escaped"
        );
        assert_eq!(escape("خط المساعدة <5"), "خط المساعدة &lt;5");
        for hostile in [
            "\"><img src=x onerror=alert(1)>",
            "' onmouseover='x",
            "</style><script>",
        ] {
            let escaped = escape(hostile);
            assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped}");
        }
    }

    #[test]
    fn a_rules_k_stays_left_to_right_and_escaped() {
        assert_eq!(
            rule_html("تُعرض الأعداد من 1 إلى 4 على شكل \"<5\" (k = 5).", "<5"),
            "تُعرض الأعداد من 1 إلى 4 على شكل &quot;<span dir=\"ltr\">&lt;5</span>&quot; (k = 5)."
        );
        assert_eq!(rule_html("a <b> & c", "<5"), "a &lt;b&gt; &amp; c");
    }

    #[test]
    fn the_axis_has_round_steps() {
        assert_eq!(axis(0, 5), (5, 1));
        assert_eq!(axis(4, 5), (4, 1));
        assert_eq!(axis(14, 5), (15, 5));
        assert_eq!(axis(25, 5), (25, 5));
        assert_eq!(axis(26, 5), (30, 10));
        assert_eq!(axis(101, 5), (150, 50));
        assert_eq!(axis(999, 5), (1000, 200));
    }
}
