//! The one way a value goes into a sealed column and comes out of it (DESIGN §4): AES-256-GCM
//! bound to its table, row and column, and, for records, a format byte in front of the JSON.
//!
//! A *record* (a call's details, a case summary, an audit entry, a setting, …) is written as
//! its own stored type ([`super::records`]), never as the domain or IPC type, so renaming a
//! field in the app cannot turn old rows into "damaged records". The first plaintext byte is
//! the record's format; values written before formats existed begin with the JSON itself
//! (`{` or `[`) and are format 0. A format newer than this build knows is
//! [`Error::RecordFormatUnknown`]: not tampering, but a store written by a newer release.
//!
//! *Scalars* (a case number, a role code, notes) are sealed as their UTF-8 text and have no
//! format: their text is the format.

use zeroize::Zeroizing;

use crate::crypto::{self, SecretKey};
use crate::error::{Error, Result};

/// Where a sealed value lives. `bound` is what the value is bound to besides table and column
/// (a row id, a setting's name, a month); `row` is the SQLite rowid reported when it is damaged.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    pub table: &'static str,
    pub bound: String,
    pub row: i64,
    pub column: &'static str,
}

impl Cell {
    /// A column of a table whose rows are bound by their integer id (which is the rowid).
    pub fn of(table: &'static str, id: i64, column: &'static str) -> Cell {
        Cell {
            table,
            bound: id.to_string(),
            row: id,
            column,
        }
    }

    fn aad(&self) -> Vec<u8> {
        crypto::place(self.table, &self.bound, self.column)
    }

    pub fn damaged(&self) -> Error {
        Error::DamagedRecord {
            table: self.table,
            row: self.row,
            column: self.column,
        }
    }
}

/// A value stored as a versioned record.
pub(super) trait Stored: Sized {
    /// The format this build writes; every earlier one is still read.
    const FORMAT: u8;
    /// The record's JSON in [`Stored::FORMAT`].
    fn encode(&self) -> serde_json::Result<Vec<u8>>;
    /// Reads a record written in `format` (at most [`Stored::FORMAT`]); None when it does not
    /// parse as that format.
    fn decode(format: u8, json: &[u8]) -> Option<Self>;
}

/// Implements [`Stored`] for a store-only type that is its own record (no domain type to
/// convert from), formats 0 and 1 alike.
macro_rules! stored_as_itself {
    ($record:ty) => {
        impl $crate::store::sealed::Stored for $record {
            const FORMAT: u8 = $crate::store::schema::RECORD_FORMAT;
            fn encode(&self) -> serde_json::Result<Vec<u8>> {
                serde_json::to_vec(self)
            }
            fn decode(format: u8, json: &[u8]) -> Option<Self> {
                match format {
                    0 | 1 => serde_json::from_slice(json).ok(),
                    _ => None,
                }
            }
        }
    };
}
pub(super) use stored_as_itself;

/// The first byte of a record's plaintext: its format, or the JSON of a format-0 record.
fn split_format(plain: &[u8]) -> (u8, &[u8]) {
    match plain.first() {
        Some(b'{' | b'[') | None => (0, plain),
        Some(&format) => (format, &plain[1..]),
    }
}

pub(super) fn seal_text(key: &SecretKey, cell: &Cell, text: &str) -> Vec<u8> {
    crypto::seal(key, &cell.aad(), text.as_bytes())
}

pub(super) fn open_text(key: &SecretKey, cell: &Cell, sealed: &[u8]) -> Result<String> {
    let plain = crypto::open(key, &cell.aad(), sealed).ok_or_else(|| cell.damaged())?;
    String::from_utf8(plain.to_vec()).map_err(|_| cell.damaged())
}

pub(super) fn seal_record<T: Stored>(key: &SecretKey, cell: &Cell, value: &T) -> Result<Vec<u8>> {
    let json = Zeroizing::new(value.encode().map_err(|e| Error::Storage(e.to_string()))?);
    let mut plain = Zeroizing::new(Vec::with_capacity(json.len() + 1));
    plain.push(T::FORMAT);
    plain.extend_from_slice(&json);
    Ok(crypto::seal(key, &cell.aad(), &plain))
}

pub(super) fn open_record<T: Stored>(key: &SecretKey, cell: &Cell, sealed: &[u8]) -> Result<T> {
    let plain = crypto::open(key, &cell.aad(), sealed).ok_or_else(|| cell.damaged())?;
    let (format, json) = split_format(&plain);
    if format > T::FORMAT {
        return Err(Error::RecordFormatUnknown {
            table: cell.table,
            row: cell.row,
            column: cell.column,
            format,
        });
    }
    T::decode(format, json).ok_or_else(|| cell.damaged())
}

/// What `verify` finds of one sealed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Finding {
    Sound,
    /// It does not authenticate (or is not even a blob).
    Damaged,
    /// It authenticates, but is a record in a format newer than this build reads.
    NewerFormat,
}

/// Opens a value only to check it; `newest` is the newest record format this build reads for
/// the column, None for a scalar.
pub(super) fn inspect(
    key: &SecretKey,
    cell: &Cell,
    sealed: Option<&[u8]>,
    newest: Option<u8>,
) -> Finding {
    let Some(plain) = sealed.and_then(|sealed| crypto::open(key, &cell.aad(), sealed)) else {
        return Finding::Damaged;
    };
    match newest {
        Some(newest) if split_format(&plain).0 > newest => Finding::NewerFormat,
        _ => Finding::Sound,
    }
}

/// A column's bytes when it holds a blob; None for anything else (a file edited by hand).
pub(super) fn blob(row: &rusqlite::Row<'_>, column: usize) -> Option<Vec<u8>> {
    row.get_ref(column)
        .ok()
        .and_then(|value| value.as_blob().ok())
        .map(<[u8]>::to_vec)
}
