//! The XLSX export, read back with calamine (as a spreadsheet would) and unzipped (for what
//! calamine does not show: sheet direction, and that no note is anywhere in the package).

mod common;

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use helpline_stats::export::Format;
use helpline_stats::labels::{Labels, ReportLanguage};

fn workbook(language: ReportLanguage) -> (Vec<u8>, Xlsx<Cursor<Vec<u8>>>) {
    let bytes = common::export(language, Format::Xlsx);
    let book =
        open_workbook_from_rs(Cursor::new(bytes.clone())).expect("the export is an XLSX file");
    (bytes, book)
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({row}, {col}) is {other:?}, not text"),
    }
}

fn number(range: &Range<Data>, row: u32, col: u32) -> f64 {
    match range.get_value((row, col)) {
        Some(Data::Float(n)) => *n,
        Some(Data::Int(n)) => *n as f64,
        other => panic!("({row}, {col}) is {other:?}, not a number"),
    }
}

/// The row whose first cell is `label`.
fn row_of(range: &Range<Data>, label: &str) -> u32 {
    let start = range.start().unwrap().0;
    range
        .rows()
        .position(|r| matches!(r.first(), Some(Data::String(s)) if s == label))
        .map(|i| start + i as u32)
        .unwrap_or_else(|| panic!("no row {label:?}"))
}

/// Every file of the XLSX package, unzipped, as text.
fn package_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

#[test]
fn sheets_are_the_rules_then_one_per_table_then_call_time() {
    let (_, book) = workbook(ReportLanguage::En);
    let names = book.sheet_names();
    let stats = common::statistics(&common::months());
    assert_eq!(names.len(), 1 + stats.tables.len() + 1);
    assert_eq!(names[0], "How small numbers are protected");
    assert_eq!(names[1], "Calls by channel");
    assert_eq!(names.last().unwrap(), "Call time");
    assert!(names.contains(&"Referrals made".to_string()));
    for name in &names {
        assert!(name.encode_utf16().count() <= 31, "{name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
    }
    let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), names.len(), "sheet names are unique");
}

#[test]
fn the_first_sheet_states_the_rules_and_k() {
    let (_, mut book) = workbook(ReportLanguage::En);
    let labels = Labels::new(ReportLanguage::En, &[]);
    let name = book.sheet_names()[0].clone();
    let rules = book.worksheet_range(&name).unwrap();
    assert_eq!(text(&rules, 0, 0), labels.text("stats-report-title"));
    assert_eq!(text(&rules, 1, 0), labels.period("2026-03", "2026-04"));
    assert_eq!(text(&rules, 4, 0), "k");
    assert_eq!(number(&rules, 4, 1), 5.0);
    for (i, rule) in labels.rules(5).iter().enumerate() {
        assert_eq!(&text(&rules, 5 + i as u32, 1), rule);
    }
    assert!(text(&rules, 5, 1).contains("\"<5\""));
    // The legend: each symbol beside the rule that explains it.
    assert_eq!(text(&rules, 5, 0), "<5");
    assert_eq!(text(&rules, 6, 0), "x");
    assert_eq!(text(&rules, 7, 0), "..");
    assert_eq!(text(&rules, 8, 0), "0");
}

#[test]
fn known_cells_are_where_they_belong() {
    let (_, mut book) = workbook(ReportLanguage::En);
    let channel = book.worksheet_range("Calls by channel").unwrap();
    assert_eq!(text(&channel, 0, 0), "Calls by channel");
    assert_eq!(text(&channel, 1, 0), "Counted: calls.");
    assert_eq!(text(&channel, 2, 0), "Category");
    assert_eq!(text(&channel, 2, 1), "2026-03");
    assert_eq!(text(&channel, 2, 2), "2026-04");
    // April: 12 phone calls hidden as "x" so the 2 e-mails ("<5") cannot be worked out; 14 in all.
    let phone = row_of(&channel, "Phone");
    let email = row_of(&channel, "E-mail");
    let total = row_of(&channel, "Total");
    assert_eq!(text(&channel, phone, 2), "x");
    assert_eq!(text(&channel, email, 2), "<5");
    assert_eq!(number(&channel, total, 2), 14.0);
    assert_eq!(total, channel.end().unwrap().0, "the total is the last row");
    // March: one phone call, so only the total is published, as "<5".
    assert_eq!(text(&channel, phone, 1), "..");
    assert_eq!(text(&channel, email, 1), "..");
    assert_eq!(text(&channel, total, 1), "<5");

    let level = book.worksheet_range("Calls by concern level").unwrap();
    let strong = row_of(&level, "Step 1: strong interest in the conflict");
    assert_eq!(
        text(&level, strong, 2),
        "x",
        "11, hidden for step 2's 2 and the 1 not assessed"
    );
    let transit = row_of(&level, "Step 3: in a transit country");
    assert_eq!(
        number(&level, transit, 2),
        0.0,
        "zero is published as a number"
    );

    let referrals = book.worksheet_range("Referrals made").unwrap();
    let own = row_of(&referrals, common::HOSTILE_LABEL);
    assert_eq!(
        number(&referrals, own, 2),
        0.0,
        "a helpline's own referral shows under its own label"
    );
    row_of(&referrals, common::AWKWARD_LABEL);
    assert_eq!(
        text(&referrals, row_of(&referrals, "retired_service"), 2),
        "<5"
    );

    let time = book.worksheet_range("Call time").unwrap();
    assert_eq!(
        number(&time, row_of(&time, "Calls with a recorded length"), 2),
        14.0
    );
    assert_eq!(number(&time, row_of(&time, "Total minutes"), 2), 219.0);
    assert_eq!(number(&time, row_of(&time, "Median minutes"), 2), 15.0);
    assert_eq!(
        text(&time, row_of(&time, "Total minutes"), 1),
        "x",
        "one call timed in March"
    );
}

#[test]
fn arabic_sheets_run_right_to_left_and_are_labelled_in_arabic() {
    let (bytes, mut book) = workbook(ReportLanguage::Ar);
    let labels = Labels::new(ReportLanguage::Ar, &[]);
    let names = book.sheet_names();
    assert_eq!(names[0], labels.text("stats-rules-title"));
    let rules = book.worksheet_range(&names[0]).unwrap();
    assert!(text(&rules, 5, 1).contains("<5"));
    let sheets: Vec<(String, String)> = package_parts(&bytes)
        .into_iter()
        .filter(|(name, _)| name.starts_with("xl/worksheets/sheet"))
        .collect();
    assert_eq!(sheets.len(), names.len());
    for (name, xml) in &sheets {
        assert!(
            xml.contains("rightToLeft=\"1\""),
            "{name} is not right to left"
        );
    }
    let en_bytes = common::export(ReportLanguage::En, Format::Xlsx);
    assert!(package_parts(&en_bytes)
        .iter()
        .all(|(_, xml)| !xml.contains("rightToLeft")));
}

#[test]
fn sheets_freeze_the_header_and_set_widths() {
    let bytes = common::export(ReportLanguage::En, Format::Xlsx);
    let parts = package_parts(&bytes);
    let sheet2 = &parts
        .iter()
        .find(|(name, _)| name == "xl/worksheets/sheet2.xml")
        .unwrap()
        .1;
    assert!(
        sheet2.contains("topLeftCell=\"B4\"") && sheet2.contains("state=\"frozen\""),
        "{sheet2}"
    );
    assert!(sheet2.contains("<cols>"));
}

#[test]
fn nothing_from_the_calls_but_counts_is_in_the_file() {
    for language in ReportLanguage::ALL {
        let bytes = common::export(language, Format::Xlsx);
        for (name, content) in package_parts(&bytes) {
            for secret in common::SECRETS {
                assert!(
                    !content.contains(secret),
                    "{secret:?} is in {name} ({})",
                    language.code()
                );
            }
        }
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            for cell in range.used_cells() {
                if let Data::String(s) = cell.2 {
                    assert!(
                        !common::SECRETS.iter().any(|secret| s.contains(secret)),
                        "{s:?} in {name}"
                    );
                }
            }
        }
    }
}
