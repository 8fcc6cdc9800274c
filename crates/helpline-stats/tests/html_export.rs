//! The printable HTML report: its structure, that every text is escaped, that it fetches and
//! runs nothing, and that Arabic reads right to left.

mod common;

use helpline_stats::export::Format;
use helpline_stats::labels::{Labels, ReportLanguage};

fn html(language: ReportLanguage) -> String {
    String::from_utf8(common::export(language, Format::Html)).expect("UTF-8")
}

/// The report of the twelve months up to April 2026.
fn year_html(language: ReportLanguage) -> String {
    String::from_utf8(common::export_months(
        language,
        Format::Html,
        &common::year_to_april(),
        false,
    ))
    .expect("UTF-8")
}

/// The text as the report escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Whether some ` on<letters>=` (onload=, onerror=…) is in `page`.
fn has_event_handler(page: &str) -> bool {
    page.match_indices(" on").any(|(i, _)| {
        let rest = &page[i + 3..];
        let name = rest.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        name > 0 && rest[name..].starts_with('=')
    })
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_document_names_its_language_and_direction() {
    let en = html(ReportLanguage::En);
    assert!(
        en.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"),
        "{}",
        &en[..80]
    );
    assert!(en.contains("<meta charset=\"utf-8\">"));
    let ar = html(ReportLanguage::Ar);
    assert!(
        ar.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &ar[..80]
    );
    let sv = html(ReportLanguage::Sv);
    assert!(sv.contains("<html lang=\"sv\" dir=\"ltr\">"));
}

#[test]
fn title_period_and_rules_with_k_come_first() {
    let page = html(ReportLanguage::En);
    let labels = Labels::new(ReportLanguage::En, &[]);
    let title = page
        .find(&escaped(&labels.text("stats-report-title")))
        .expect("the title");
    let period = page
        .find(&escaped(&labels.period("2026-03", "2026-04")))
        .expect("the period");
    let rules = page
        .find(&escaped(&labels.text("stats-rules-title")))
        .expect("the rules' title");
    let chart = page.find("<svg class=\"chart\"").expect("a chart");
    let table = page.find("<table").expect("a table");
    assert!(title < period && period < rules && rules < chart && chart < table);
    // Each rule line, the primary one with its "<5" kept left to right.
    let rules_box = &page[rules..chart];
    for rule in labels.rules(5) {
        let html = escaped(&rule).replace("&lt;5", "<span dir=\"ltr\">&lt;5</span>");
        assert!(rules_box.contains(&html), "{html}");
    }
    assert!(rules_box.contains("&quot;<span dir=\"ltr\">&lt;5</span>&quot;"));
    assert!(rules_box.contains("(k = 5)"));
    // The legend: the symbols as the tables show them.
    assert!(rules_box.contains("<span class=\"sym hidden\" dir=\"ltr\">&lt;5</span>"));
    assert!(rules_box.contains("<span class=\"sym hidden\" dir=\"ltr\">x</span>"));
    assert!(rules_box.contains("<span class=\"sym hidden\" dir=\"ltr\">..</span>"));
}

#[test]
fn the_period_column_comes_last_and_is_explained() {
    let page = String::from_utf8(common::export_months(
        ReportLanguage::En,
        Format::Html,
        &common::months(),
        true,
    ))
    .unwrap();
    let labels = Labels::new(ReportLanguage::En, &[]);
    assert!(
        page.contains(&escaped(&labels.period_column("2026-03/2026-04")).replace(
            "2026-03/2026-04",
            "<span dir=\"ltr\">2026-03/2026-04</span>"
        ))
    );
    assert!(page.contains("data-column=\"2026-04\">2026-04</th><th scope=\"col\" class=\"n\" dir=\"ltr\" data-column=\"2026-03/2026-04\">2026-03/2026-04</th>"));
    // 15 calls in the two months: shown, that total would give March's one call away (15 -
    // 14), so it is hidden. Call time has no period column.
    assert!(page.contains("<tr data-category=\"total\"><th scope=\"row\">Total</th><td class=\"n hidden\" dir=\"ltr\">&lt;5</td><td class=\"n\" dir=\"ltr\">14</td><td class=\"n hidden\" dir=\"ltr\">x</td></tr>"));
    let call_time = &page[page.rfind("<table").unwrap()..];
    assert!(!call_time.contains("2026-03/2026-04"));
}

#[test]
fn both_charts_are_inline_svg_with_their_captions_and_the_tables_values() {
    let page = year_html(ReportLanguage::En);
    let labels = Labels::new(ReportLanguage::En, &[]);
    assert_eq!(count(&page, "<svg class=\"chart\""), 2);
    assert_eq!(count(&page, "<svg"), count(&page, "</svg>"));
    for id in ["stats-trend-calls", "stats-trend-levels"] {
        assert!(
            page.contains(&format!("<figcaption>{}", escaped(&labels.text(id)))),
            "{id}"
        );
    }
    let calls = &page[page.find("<svg class=\"chart\"").unwrap()..page.find("</svg>").unwrap()];
    // The report's twelve months on the axis, May 2025 to April 2026, each once.
    for month in ["2025-05", "2025-10", "2026-04"] {
        assert_eq!(count(calls, &format!(">{month}</text>")), 1, "{month}");
    }
    // Each bar says what the table's total says; a hidden one is an empty dashed box.
    let stats = common::statistics(&common::year_to_april());
    let channel = stats
        .tables
        .iter()
        .find(|t| t.id == "calls_by_channel")
        .unwrap();
    let totals: Vec<_> = channel.columns.iter().map(|c| c.total).collect();
    for total in &totals {
        assert!(
            calls.contains(&format!(
                ">{}</text>",
                escaped(&labels.published(*total, 5))
            )),
            "{total:?}"
        );
    }
    let hidden = totals
        .iter()
        .filter(|t| !matches!(t, helpline_stats::suppression::Published::Count(_)))
        .count();
    assert!(hidden >= 1, "March's one call is \"<5\"");
    assert_eq!(count(calls, "stroke-dasharray=\"3 2\""), hidden);
    assert!(calls.contains(">14</text>"), "April: 14 calls");
    assert!(page.contains(&escaped(&labels.text("stats-chart-hidden"))));
    // The levels chart's legend names every level.
    for level in [
        "Not assessed",
        "Step 1: strong interest in the conflict",
        "Step 3: in a transit country",
    ] {
        assert!(
            page.contains(&format!("<span>{level}</span></li>")),
            "{level}"
        );
    }
}

#[test]
fn one_table_per_table_then_call_time() {
    let page = html(ReportLanguage::En);
    let stats = common::statistics(&common::months());
    assert_eq!(count(&page, "<table"), stats.tables.len() + 1);
    assert_eq!(count(&page, "</table>"), stats.tables.len() + 1);
    assert_eq!(
        count(&page, "<tfoot>"),
        stats.tables.len(),
        "a total row per table, none for call time"
    );
    assert!(page.contains("<caption><span class=\"title\">Calls by channel</span><span class=\"unit\">Counted: calls.</span></caption>"));
    assert!(page.contains("<table data-table=\"calls_by_channel\">"));
    assert!(page.contains("<th scope=\"col\" class=\"n\" dir=\"ltr\" data-column=\"2026-03\">2026-03</th><th scope=\"col\" class=\"n\" dir=\"ltr\" data-column=\"2026-04\">2026-04</th>"));
    // March had one call: only its total is published ("<5"), the categories are withheld
    // (".."). April: 12 phone calls hidden ("x") for the 2 e-mails ("<5"); the total 14.
    assert!(page.contains(
        "<tr data-category=\"phone\"><th scope=\"row\">Phone</th><td class=\"n hidden\" dir=\"ltr\">..</td><td class=\"n hidden\" dir=\"ltr\">x</td></tr>"
    ));
    assert!(page.contains(
        "<tr data-category=\"total\"><th scope=\"row\">Total</th><td class=\"n hidden\" dir=\"ltr\">&lt;5</td><td class=\"n\" dir=\"ltr\">14</td></tr>"
    ));
    let call_time = &page[page.rfind("<table").unwrap()..];
    assert!(call_time.contains("Call time"));
    assert!(call_time.contains("<tr data-category=\"total_minutes\"><th scope=\"row\">Total minutes</th><td class=\"n hidden\" dir=\"ltr\">x</td><td class=\"n\" dir=\"ltr\">219</td></tr>"));
}

#[test]
fn more_than_a_year_is_split_into_tables_of_a_year_at_most() {
    let months = common::months_to_april(30);
    assert_eq!(months[0].to_string(), "2023-11");
    let page = String::from_utf8(common::export_months(
        ReportLanguage::En,
        Format::Html,
        &months,
        false,
    ))
    .unwrap();
    let tables = common::statistics(&common::months()).tables.len() + 1;
    assert_eq!(count(&page, "<table"), 3 * tables, "12 + 12 + 6 months");
    assert_eq!(count(&page, "<table class=\"wide\""), 2 * tables);
    assert_eq!(count(&page, ">2023-11</th>"), tables);
    assert_eq!(count(&page, ">2026-04</th>"), tables);
    let channel = page.find("Calls by channel</span>").unwrap();
    let first_block = &page[channel..channel + page[channel..].find("</table>").unwrap()];
    assert_eq!(count(first_block, "<th scope=\"col\" class=\"n\""), 12);
}

#[test]
fn a_hostile_referral_label_is_only_text() {
    let page = html(ReportLanguage::En);
    assert!(page.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"));
    assert!(page.contains("<th scope=\"row\">Rådgivning &quot;Öst&quot; &amp; Väst&#39;s</th>"));
    assert!(!page.contains(common::HOSTILE_LABEL));
    assert!(!page.contains(common::AWKWARD_LABEL));
}

#[test]
fn it_runs_nothing_and_fetches_nothing() {
    for language in ReportLanguage::ALL {
        let page = html(language);
        let lower = page.to_lowercase();
        for banned in [
            "<script", "http://", "https://", "<link", "@import", "src=", "href=", "<iframe",
            "<object", "<img",
        ] {
            assert!(
                !lower.contains(banned),
                "{banned:?} in the {} report",
                language.code()
            );
        }
        assert!(
            !has_event_handler(&lower),
            "an on…= attribute in the {} report",
            language.code()
        );
        // The only url() is the charts' own hatch pattern.
        for (i, _) in page.match_indices("url(") {
            assert!(page[i..].starts_with("url(#"), "{}", &page[i..i + 20]);
        }
        assert_eq!(count(&page, "<style>"), 1);
        assert!(page.contains("\"Noto Sans\", \"Noto Sans Arabic\", \"DejaVu Sans\", sans-serif"));
    }
}

#[test]
fn the_event_handler_check_finds_one() {
    assert!(has_event_handler("<svg onload=alert(1)>"));
    assert!(!has_event_handler("shown on paper = fine"));
}

#[test]
fn nothing_from_the_calls_but_counts_is_in_it() {
    for language in ReportLanguage::ALL {
        let page = html(language);
        for secret in common::SECRETS {
            assert!(
                !page.contains(secret),
                "{secret:?} in the {} report",
                language.code()
            );
        }
    }
}

#[test]
fn arabic_charts_run_from_right_to_left() {
    let x_of = |page: &str, month: &str| -> f64 {
        let end = page.find(&format!(">{month}</text>")).unwrap();
        let start = page[..end].rfind("<text x=\"").unwrap() + "<text x=\"".len();
        page[start..].split('"').next().unwrap().parse().unwrap()
    };
    let en = year_html(ReportLanguage::En);
    assert!(x_of(&en, "2025-05") < x_of(&en, "2026-04"));
    let ar = year_html(ReportLanguage::Ar);
    assert!(
        x_of(&ar, "2025-05") > x_of(&ar, "2026-04"),
        "the oldest month is on the right"
    );
    // Numbers stay left to right: every value cell and the charts say so.
    assert!(ar.contains("<td class=\"n\" dir=\"ltr\">14</td>"));
    assert!(ar.contains("direction=\"ltr\""));
    let labels = Labels::new(ReportLanguage::Ar, &[]);
    assert!(ar.contains(&escaped(&labels.table_title("calls_by_channel"))));
}
