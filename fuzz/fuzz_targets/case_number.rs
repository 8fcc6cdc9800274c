//! `CaseNumber::parse` on any text a volunteer could type or paste.
//!
//! Properties: parsing never panics; a number that parses reads back equal from its grouped
//! form in every digit script (plain and isolated), and its canonical form is 11 ASCII digits.
#![no_main]

use helpline_core::case_number::TOTAL_DIGITS;
use helpline_core::{CaseNumber, DigitScript};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(number) = CaseNumber::parse(text) else {
        return;
    };
    let canonical = number.canonical();
    assert_eq!(
        canonical.len(),
        TOTAL_DIGITS,
        "canonical form is not 11 characters"
    );
    assert!(
        canonical.bytes().all(|b| b.is_ascii_digit()),
        "canonical form is not ASCII digits"
    );
    assert!(
        CaseNumber::parse(&canonical).as_ref() == Ok(&number),
        "the canonical form does not read back"
    );
    for script in DigitScript::ALL {
        let grouped = number.grouped(script);
        assert!(
            CaseNumber::parse(&grouped).as_ref() == Ok(&number),
            "the grouped form in {script:?} does not read back"
        );
        let isolated = number.grouped_isolated(script);
        assert!(
            CaseNumber::parse(&isolated).as_ref() == Ok(&number),
            "the isolated grouped form in {script:?} does not read back"
        );
    }
});
