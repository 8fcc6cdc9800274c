//! `RecoveryCode::parse` on any text a supervisor could type from their note.
//!
//! Properties: parsing never panics, and a code that parses reads back from the form it is
//! shown in (`display`), also lower-cased and with spaces for dashes, as a person may write it.
#![no_main]

use helpline_core::RecoveryCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(code) = RecoveryCode::parse(text) else {
        return;
    };
    let shown = code.display();
    let read_back = RecoveryCode::parse(&shown)
        .unwrap_or_else(|e| panic!("the displayed form of a parsed code does not parse: {e}"));
    assert!(
        read_back.display() == shown,
        "display and parse do not round-trip"
    );
    let written = shown.to_lowercase().replace('-', " ");
    let read_back = RecoveryCode::parse(&written)
        .unwrap_or_else(|e| panic!("the lower-case, spaced form does not parse: {e}"));
    assert!(
        read_back.display() == shown,
        "the lower-case, spaced form reads back as another code"
    );
});
