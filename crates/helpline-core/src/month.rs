//! A calendar month, the finest time statistics ever show; written YYYY-MM. Errors name months,
//! so this module needs none: reading a month from text (`Month::new`, `FromStr`) is checked
//! input and lives with the others in `domain.rs`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: i32,
    /// 1 to 12
    month: u32,
}

impl Month {
    /// The month, when `year` is 1900 to 9999 and `month` 1 to 12.
    pub(crate) fn checked(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year))
            .then_some(Month { year, month })
    }

    /// The month a moment falls in, in this machine's time zone.
    pub fn of(moment: DateTime<Utc>) -> Self {
        use chrono::Datelike;
        let local = moment.with_timezone(&chrono::Local);
        Month {
            year: local.year(),
            month: local.month(),
        }
    }

    /// Whether some time zone on Earth (UTC-12 to UTC+14) puts `moment` in this month: all that
    /// can be checked of a month recorded on a machine whose zone was not kept.
    pub(crate) fn could_hold(self, moment: DateTime<Utc>) -> bool {
        use chrono::Datelike;
        [chrono::Duration::hours(-12), chrono::Duration::hours(14)]
            .into_iter()
            .filter_map(|offset| moment.checked_add_signed(offset))
            .any(|t| t.year() == self.year && t.month() == self.month)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.month
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn previous(self) -> Self {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Every month from `self` to `last`, both included; empty when `last` is earlier.
    pub fn through(self, last: Month) -> Vec<Month> {
        std::iter::successors(Some(self), |m| Some(m.next()))
            .take_while(|m| *m <= last)
            .collect()
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}
