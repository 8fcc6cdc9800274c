//! Case numbers: what a caller is told when a call starts and quotes when they call back.
//!
//! Ten random digits and a Damm check digit. Digits only, so every caller can say them in
//! Swedish, English or Arabic; the check digit catches every single wrong digit and every swap
//! of two neighbours, so a mistyped number is "not valid", never someone else's case.

use std::fmt;

use rand::Rng;
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// How many random digits a case number has (before its check digit).
pub const RANDOM_DIGITS: usize = 10;
/// Total digits, check digit included.
pub const TOTAL_DIGITS: usize = RANDOM_DIGITS + 1;
/// Group sizes for reading aloud: "4821 0937 552".
const GROUPS: [usize; 3] = [4, 4, 3];

/// The Damm algorithm's quasigroup of order 10 (totally anti-symmetric, zero diagonal).
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

fn damm_interim(digits: &[u8]) -> u8 {
    digits
        .iter()
        .fold(0, |interim, &d| DAMM[interim as usize][d as usize])
}

/// A valid case number: the digits (0-9 values), check digit last.
#[derive(Clone, PartialEq, Eq, Hash, Zeroize)]
#[zeroize(drop)]
pub struct CaseNumber([u8; TOTAL_DIGITS]);

/// Why a typed case number was not accepted. Every one of these means "check it with the
/// caller"; none of them says anything about which cases exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum CaseNumberError {
    #[error("no case number was given")]
    Empty,
    #[error("a case number has only digits, spaces and dashes; {found:?} is not one of them")]
    UnexpectedCharacter { found: char },
    #[error("a case number has {expected} digits; this one has {found}")]
    WrongLength { found: usize, expected: usize },
    #[error("that number is not valid (its check digit does not match); check it with the caller")]
    CheckDigitMismatch,
}

/// The digit scripts a number can be shown in and typed back in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DigitScript {
    /// 0123456789
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩ (U+0660..U+0669)
    ArabicIndic,
    /// ۰۱۲۳۴۵۶۷۸۹ (U+06F0..U+06F9), also typed on Persian and Urdu keyboards
    Persian,
}

impl DigitScript {
    pub const ALL: [DigitScript; 3] = [
        DigitScript::Latin,
        DigitScript::ArabicIndic,
        DigitScript::Persian,
    ];

    fn zero(self) -> u32 {
        match self {
            DigitScript::Latin => '0' as u32,
            DigitScript::ArabicIndic => 0x0660,
            DigitScript::Persian => 0x06F0,
        }
    }

    fn digit(self, value: u8) -> char {
        char::from_u32(self.zero() + value as u32).expect("digit blocks are contiguous")
    }

    fn value_of(c: char) -> Option<u8> {
        DigitScript::ALL.iter().find_map(|script| {
            let offset = (c as u32).checked_sub(script.zero())?;
            (offset < 10).then_some(offset as u8)
        })
    }
}

/// Characters a volunteer may type or paste between the digits: spaces of every width,
/// dashes and hyphens, and the invisible direction marks that come along when a number is
/// copied out of right-to-left text.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{00AD}'
                | '\u{200B}'..='\u{200F}' | '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'
                | '\u{061C}' | '\u{FEFF}'
        )
}

impl CaseNumber {
    /// A fresh random number from the operating system's CSPRNG.
    pub fn random() -> Self {
        let mut rng = rand::rngs::OsRng;
        let mut digits = [0u8; TOTAL_DIGITS];
        for d in digits.iter_mut().take(RANDOM_DIGITS) {
            *d = rng.gen_range(0..10);
        }
        digits[RANDOM_DIGITS] = damm_interim(&digits[..RANDOM_DIGITS]);
        CaseNumber(digits)
    }

    /// Reads a number however it was typed: with or without spaces and dashes, in Latin,
    /// Arabic-Indic or Persian digits (or a mix).
    pub fn parse(input: &str) -> Result<Self, CaseNumberError> {
        let mut digits = Vec::with_capacity(TOTAL_DIGITS);
        for c in input.chars() {
            if let Some(value) = DigitScript::value_of(c) {
                digits.push(value);
            } else if !is_separator(c) {
                return Err(CaseNumberError::UnexpectedCharacter { found: c });
            }
        }
        if digits.is_empty() {
            return Err(CaseNumberError::Empty);
        }
        if digits.len() != TOTAL_DIGITS {
            return Err(CaseNumberError::WrongLength {
                found: digits.len(),
                expected: TOTAL_DIGITS,
            });
        }
        if damm_interim(&digits) != 0 {
            digits.zeroize();
            return Err(CaseNumberError::CheckDigitMismatch);
        }
        let mut number = [0u8; TOTAL_DIGITS];
        number.copy_from_slice(&digits);
        digits.zeroize();
        Ok(CaseNumber(number))
    }

    /// The canonical form the blind index is computed over: the eleven Latin digits.
    pub fn canonical(&self) -> String {
        self.0
            .iter()
            .map(|&d| DigitScript::Latin.digit(d))
            .collect()
    }

    /// Grouped for reading aloud, in the given digits: "4821 0937 552".
    pub fn grouped(&self, script: DigitScript) -> String {
        let mut out = String::with_capacity(TOTAL_DIGITS * 2 + GROUPS.len());
        let mut digits = self.0.iter();
        for (i, size) in GROUPS.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            for &d in digits.by_ref().take(*size) {
                out.push(script.digit(d));
            }
        }
        out
    }

    /// Grouped and wrapped in a left-to-right isolate (U+2066 … U+2069), for right-to-left
    /// text: the groups are then never shown in reversed order.
    pub fn grouped_isolated(&self, script: DigitScript) -> String {
        format!("\u{2066}{}\u{2069}", self.grouped(script))
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped(DigitScript::Latin))
    }
}

/// Deliberately not the number: case numbers must not end up in logs by accident.
impl fmt::Debug for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CaseNumber(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn number_from(random: [u8; RANDOM_DIGITS]) -> CaseNumber {
        let mut digits = [0u8; TOTAL_DIGITS];
        digits[..RANDOM_DIGITS].copy_from_slice(&random);
        digits[RANDOM_DIGITS] = damm_interim(&random);
        CaseNumber(digits)
    }

    fn random_digits() -> impl Strategy<Value = [u8; RANDOM_DIGITS]> {
        proptest::array::uniform10(0u8..10)
    }

    #[test]
    fn damm_matches_the_published_example() {
        // The worked example of the Damm algorithm: 572 has check digit 4.
        assert_eq!(damm_interim(&[5, 7, 2]), 4);
        assert_eq!(damm_interim(&[5, 7, 2, 4]), 0);
    }

    #[test]
    fn reads_every_script_and_separator() {
        let n = CaseNumber::parse("4821 0937 55").err();
        assert_eq!(
            n,
            Some(CaseNumberError::WrongLength {
                found: 10,
                expected: 11
            })
        );
        let number = number_from([4, 8, 2, 1, 0, 9, 3, 7, 5, 5]);
        let canonical = number.canonical();
        let dashed = format!(
            "{}-{}-{}",
            &canonical[..4],
            &canonical[4..8],
            &canonical[8..]
        );
        assert_eq!(CaseNumber::parse(&dashed).unwrap(), number);
        let arabic = number.grouped(DigitScript::ArabicIndic).replace(' ', "–");
        assert!(arabic.starts_with('٤'));
        assert_eq!(CaseNumber::parse(&arabic).unwrap(), number);
        let persian = number.grouped_isolated(DigitScript::Persian);
        assert!(persian.contains('۴'));
        assert_eq!(CaseNumber::parse(&persian).unwrap(), number);
        assert_eq!(
            CaseNumber::parse(&format!("\u{200F} {canonical}\u{00A0}")).unwrap(),
            number
        );
    }

    #[test]
    fn says_why_a_number_is_refused() {
        assert_eq!(
            CaseNumber::parse("  - ").unwrap_err(),
            CaseNumberError::Empty
        );
        assert_eq!(
            CaseNumber::parse("4821 O937 552").unwrap_err(),
            CaseNumberError::UnexpectedCharacter { found: 'O' }
        );
        let good = number_from([4, 8, 2, 1, 0, 9, 3, 7, 5, 5]).canonical();
        let mut bad = good.clone().into_bytes();
        bad[10] = if bad[10] == b'9' { b'0' } else { bad[10] + 1 };
        let bad = String::from_utf8(bad).unwrap();
        assert_eq!(
            CaseNumber::parse(&bad).unwrap_err(),
            CaseNumberError::CheckDigitMismatch
        );
    }

    #[test]
    fn random_numbers_are_valid_and_differ() {
        let a = CaseNumber::random();
        let b = CaseNumber::random();
        assert_eq!(CaseNumber::parse(&a.canonical()).unwrap(), a);
        assert_ne!(a, b, "two random 10-digit numbers collided");
    }

    #[test]
    fn debug_does_not_show_the_number() {
        let number = number_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
        assert!(!format!("{number:?}").contains("1234"));
    }

    proptest! {
        #[test]
        fn every_single_wrong_digit_is_refused(random in random_digits(), pos in 0..TOTAL_DIGITS, delta in 1u8..10) {
            let mut digits = number_from(random).0;
            digits[pos] = (digits[pos] + delta) % 10;
            let typed: String = digits.iter().map(|&d| DigitScript::Latin.digit(d)).collect();
            prop_assert_eq!(CaseNumber::parse(&typed).unwrap_err(), CaseNumberError::CheckDigitMismatch);
        }

        #[test]
        fn every_swap_of_neighbours_is_refused(random in random_digits(), pos in 0..TOTAL_DIGITS - 1) {
            let mut digits = number_from(random).0;
            prop_assume!(digits[pos] != digits[pos + 1]);
            digits.swap(pos, pos + 1);
            let typed: String = digits.iter().map(|&d| DigitScript::Latin.digit(d)).collect();
            prop_assert_eq!(CaseNumber::parse(&typed).unwrap_err(), CaseNumberError::CheckDigitMismatch);
        }

        #[test]
        fn what_is_shown_reads_back_the_same_in_every_script(random in random_digits()) {
            let number = number_from(random);
            for script in DigitScript::ALL {
                prop_assert_eq!(&CaseNumber::parse(&number.grouped(script)).unwrap(), &number);
                prop_assert_eq!(&CaseNumber::parse(&number.grouped_isolated(script)).unwrap(), &number);
            }
        }
    }
}
