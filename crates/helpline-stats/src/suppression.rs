//! What is published of one count, and the threshold below which a count is never shown.
//!
//! * A count from 1 to k-1 is published as "<k" (primary suppression).
//! * Zero is published as zero: it describes nobody.
//! * A count of k or more is shown, or hidden as "x" so that no "<k" can be worked out from
//!   the rest of the release and earlier releases (secondary suppression, [`crate::protection`]).
//! * ".." withholds a count altogether: the counts of a table in a month with fewer than k
//!   calls (cases, referrals), and counts that hiding alone could not protect.

use serde::{Deserialize, Serialize};

/// What is published for one count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shown", content = "value", rename_all = "snake_case")]
pub enum Published {
    /// The count itself.
    Count(u64),
    /// 1 to k-1, shown as "<k".
    BelowThreshold,
    /// Hidden so that no "<k" can be worked out: a count of k or more.
    Secondary,
    /// Not published: any count, zero included.
    Withheld,
}

impl Published {
    /// A count's own rule, before anything is hidden for another's sake.
    pub fn primary(n: u64, k: Threshold) -> Published {
        if (1..k.k()).contains(&n) {
            Published::BelowThreshold
        } else {
            Published::Count(n)
        }
    }
}

/// The threshold k: counts below it are not published. At least 3: with k = 2, "<2" would say
/// "exactly 1". The helpline's default is 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold(u64);

pub const DEFAULT_THRESHOLD: u64 = 5;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the suppression threshold k must be between 3 and 100, not {0}")]
pub struct InvalidThreshold(pub u64);

impl Threshold {
    pub fn new(k: u64) -> Result<Self, InvalidThreshold> {
        if (3..=100).contains(&k) {
            Ok(Threshold(k))
        } else {
            Err(InvalidThreshold(k))
        }
    }

    pub fn k(self) -> u64 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(DEFAULT_THRESHOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_is_checked() {
        assert!(Threshold::new(2).is_err(), "\"<2\" would say exactly 1");
        assert!(Threshold::new(101).is_err());
        assert_eq!(Threshold::new(3).unwrap().k(), 3);
    }

    #[test]
    fn a_count_below_k_is_never_shown_and_zero_always_is() {
        let k = Threshold::default();
        assert_eq!(Published::primary(0, k), Published::Count(0));
        for n in 1..5 {
            assert_eq!(Published::primary(n, k), Published::BelowThreshold);
        }
        assert_eq!(Published::primary(5, k), Published::Count(5));
    }

    #[test]
    fn published_values_read_back_as_written() {
        for value in [
            Published::Count(7),
            Published::BelowThreshold,
            Published::Secondary,
            Published::Withheld,
        ] {
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<Published>(&json).unwrap(), value);
        }
        assert_eq!(
            serde_json::to_string(&Published::Withheld).unwrap(),
            r#"{"shown":"withheld"}"#
        );
    }
}
