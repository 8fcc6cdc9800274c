//! The statistics crate's record of one published column (a month, or a period of months),
//! as the store keeps it ([`helpline_core::store::Publication`]): every count's published
//! value and the true count behind it. A later release shows the column exactly as recorded,
//! and protects new counts against it, using the counts as they were when it was published.

use std::collections::BTreeMap;

use helpline_core::store::Publication;
use helpline_core::{Error, Month};
use serde::{Deserialize, Serialize};

use crate::suppression::Published;

/// This record's format.
const VERSION: u32 = 1;

/// One count as published, with the truth it was published from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedCount {
    pub truth: u64,
    pub shown: Published,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedTable {
    /// Category code, and its count.
    pub cells: BTreeMap<String, PublishedCount>,
    pub total: PublishedCount,
}

/// Call time of a month, as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedCallTime {
    pub calls_timed: PublishedCount,
    pub total_minutes: Option<u64>,
    pub median_minutes: Option<u64>,
}

/// One published column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedColumn {
    pub version: u32,
    /// Table id, and what was published of it.
    pub tables: BTreeMap<String, PublishedTable>,
    /// A month's call time; None for a period.
    pub call_time: Option<PublishedCallTime>,
}

/// A published column with its months and k, read from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub months: Vec<Month>,
    pub k: u64,
    pub column: PublishedColumn,
}

impl PublishedColumn {
    pub fn new(
        tables: BTreeMap<String, PublishedTable>,
        call_time: Option<PublishedCallTime>,
    ) -> Self {
        PublishedColumn {
            version: VERSION,
            tables,
            call_time,
        }
    }
}

impl Recorded {
    pub fn read(publication: &Publication) -> Result<Recorded, Error> {
        let column: PublishedColumn = serde_json::from_value(publication.content.clone())
            .map_err(|e| Error::Storage(format!("a recorded publication does not read: {e}")))?;
        if column.version != VERSION {
            return Err(Error::NewerSchema {
                found: i64::from(column.version),
                supported: i64::from(VERSION),
            });
        }
        Ok(Recorded {
            months: publication.months.clone(),
            k: publication.k,
            column,
        })
    }

    pub fn to_publication(&self) -> Publication {
        Publication {
            months: self.months.clone(),
            k: self.k,
            content: serde_json::to_value(&self.column).expect("plain data"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written_and_a_newer_one_is_refused() {
        let count = |truth, shown| PublishedCount { truth, shown };
        let mut tables = BTreeMap::new();
        tables.insert(
            "calls_by_channel".to_string(),
            PublishedTable {
                cells: [
                    ("phone".to_string(), count(12, Published::Secondary)),
                    ("email".to_string(), count(2, Published::BelowThreshold)),
                ]
                .into(),
                total: count(14, Published::Count(14)),
            },
        );
        let recorded = Recorded {
            months: vec!["2026-04".parse().unwrap()],
            k: 5,
            column: PublishedColumn::new(
                tables,
                Some(PublishedCallTime {
                    calls_timed: count(14, Published::Count(14)),
                    total_minutes: Some(219),
                    median_minutes: Some(15),
                }),
            ),
        };
        let publication = recorded.to_publication();
        assert_eq!(Recorded::read(&publication).unwrap(), recorded);
        let mut newer = publication;
        newer.content["version"] = serde_json::json!(2);
        assert_eq!(Recorded::read(&newer).unwrap_err().code(), "newer_schema");
        newer.content = serde_json::json!({"something": "else"});
        assert_eq!(Recorded::read(&newer).unwrap_err().code(), "storage_failed");
    }
}
