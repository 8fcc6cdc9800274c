//! The desktop shell's decoding of IPC arguments from the webview (`src-tauri/src/desk.rs`):
//! a call's content (`parse_content`, then `validate` or `check_limits`), the referral list
//! (`set_referrals`, then `check_referrals`), transit countries (`set_transit_countries`) and
//! the statistics months (`StatisticsQuery::parse`).
//!
//! Every decoding runs on every input: the seeds are JSON of each kind and plain month and
//! country texts, and the fuzzer carries what it learns from one into the others. Nothing may
//! panic; errors are fine.
#![no_main]

use helpline_core::{check_referrals, CallContent, CountryCode, Month, Referral};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // parse_content: Tauri hands the shell a serde_json::Value, which serde maps onto the core's
    // types; decode both straight from the bytes and by way of a Value, as the shell does.
    if let Ok(content) = serde_json::from_slice::<CallContent>(data) {
        check_content(&content);
        // What the shell sends back to the webview must decode to the same content.
        let json = serde_json::to_vec(&content).expect("a decoded content serialises");
        let again: CallContent =
            serde_json::from_slice(&json).expect("serialised content decodes again");
        assert_eq!(again, content, "content does not round-trip through JSON");
    }
    let value = serde_json::from_slice::<serde_json::Value>(data).ok();
    if let Some(value) = &value {
        if let Ok(content) = serde_json::from_value::<CallContent>(value.clone()) {
            check_content(&content);
        }
        // set_referrals
        if let Ok(referrals) = serde_json::from_value::<Vec<Referral>>(value.clone()) {
            let _ = check_referrals(&referrals);
        }
        // set_transit_countries: Tauri decodes the argument as Vec<String>.
        if let Ok(countries) = serde_json::from_value::<Vec<String>>(value.clone()) {
            for country in countries {
                let _ = CountryCode::try_from(country);
            }
        }
        // StatisticsQuery::parse gets the months as strings.
        if let Some(text) = value.as_str() {
            check_month(text);
        }
    }
    if let Ok(referrals) = serde_json::from_slice::<Vec<Referral>>(data) {
        let _ = check_referrals(&referrals);
    }
    // The same types straight from text, as the CLI and the statistics screen pass them.
    if let Ok(text) = std::str::from_utf8(data) {
        check_month(text);
        if let Ok(code) = CountryCode::try_from(text.to_owned()) {
            let back = String::from(code);
            assert_eq!(back, text, "a country code changed on the way through");
        }
    }
});

fn check_content(content: &CallContent) {
    let limits = content.check_limits();
    let valid = content.validate();
    // A call that passes `validate` keeps the limits too (validate is limits and more).
    if valid.is_ok() {
        assert!(
            limits.is_ok(),
            "validate accepted content that breaks the limits"
        );
    }
}

fn check_month(text: &str) {
    if let Ok(month) = text.parse::<Month>() {
        let shown = month.to_string();
        assert_eq!(shown, text, "a month does not print as it was written");
        assert!((1..=12).contains(&month.number()));
        let _ = month.next();
        let _ = month.previous();
        // Months decode from JSON strings too (serde try_from).
        let json = serde_json::to_string(&month).expect("a month serialises");
        let again: Month = serde_json::from_str(&json).expect("a serialised month decodes");
        assert_eq!(again, month);
    }
}
