//! The CSV export: no cell is one a spreadsheet would run as a formula.

mod common;

use helpline_stats::export::Format;
use helpline_stats::labels::ReportLanguage;

fn rows(language: ReportLanguage) -> Vec<Vec<String>> {
    let bytes = common::export(language, Format::Csv);
    csv::Reader::from_reader(bytes.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_referral_label_that_is_a_formula_is_written_as_text() {
    for language in [ReportLanguage::En, ReportLanguage::Sv, ReportLanguage::Ar] {
        let rows = rows(language);
        let labels: Vec<&str> = rows
            .iter()
            .filter(|r| r[2] == "formula_link")
            .map(|r| r[3].as_str())
            .collect();
        assert!(!labels.is_empty(), "the referral is in the export");
        let written = format!("'{}", common::FORMULA_LABEL);
        assert!(labels.iter().all(|l| *l == written), "{labels:?}");
        // Whatever the language, no cell starts a formula.
        for row in &rows {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} in {row:?}"
                );
            }
        }
    }
}
