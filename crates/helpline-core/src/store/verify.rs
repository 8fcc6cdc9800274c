//! Opening every sealed value of the store, for `verify`: one walk over the sealed columns that
//! `schema::COLUMNS` lists, so a new sealed column is checked without a change here.

use std::collections::HashMap;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Serialize;

use super::case_rows::{check_month, open_number, unwrap_case_key, OpenedCase};
use super::records::TakenCall;
use super::schema::{SealKey, Storage, COLUMNS};
use super::sealed::{self, Cell, Finding};
use super::sign_in_reports;
use crate::crypto::{self, SecretKey, SubKeys};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DamagedPlace {
    pub table: &'static str,
    pub row: i64,
    pub column: &'static str,
}

#[derive(Default)]
pub(super) struct SealedFindings {
    pub checked: usize,
    pub damaged: Vec<DamagedPlace>,
    pub newer_format: Vec<DamagedPlace>,
}

impl SealedFindings {
    fn note(&mut self, finding: Finding, table: &'static str, row: i64, column: &'static str) {
        self.checked += 1;
        let place = DamagedPlace { table, row, column };
        match finding {
            Finding::Sound => {}
            Finding::Damaged => self.damaged.push(place),
            Finding::NewerFormat => self.newer_format.push(place),
        }
    }
}

/// A row's binding value as text: an id or seq, a setting's name, a month.
fn bound_text(value: ValueRef<'_>) -> Option<String> {
    match value {
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Text(text) => std::str::from_utf8(text).ok().map(str::to_owned),
        _ => None,
    }
}

/// Every sealed value this session's keys open. A value that is not even a blob (the file was
/// edited) is reported like one that does not authenticate, so one damaged row never stops the
/// check. A case whose key does not unwrap is reported once, at its key: its values cannot be
/// read by anyone.
pub(super) fn sealed_values(conn: &Connection, keys: &SubKeys) -> Result<SealedFindings> {
    let mut findings = SealedFindings::default();
    // None for a case whose key does not unwrap.
    let mut case_keys: HashMap<i64, Option<SecretKey>> = HashMap::new();
    let mut cases = conn.prepare("SELECT id, wrapped_key FROM cases")?;
    for row in cases.query_map([], |r| Ok((r.get::<_, i64>(0)?, sealed::blob(r, 1))))? {
        let (id, wrapped) = row?;
        let key = wrapped.and_then(|wrapped| unwrap_case_key(keys, id, &wrapped).ok());
        let finding = if key.is_some() {
            Finding::Sound
        } else {
            Finding::Damaged
        };
        findings.note(finding, "cases", id, "wrapped_key");
        case_keys.insert(id, key);
    }
    for &(table, column, storage) in COLUMNS {
        let sealing = match storage {
            Storage::Plain(_) => continue,
            Storage::SealedToReportKey => {
                report_key_values(conn, keys, table, column, &mut findings)?;
                continue;
            }
            Storage::Sealed(sealing) => sealing,
        };
        let case_column = match sealing.key {
            SealKey::Case(case_column) => case_column,
            SealKey::Store | SealKey::Audit => "NULL",
        };
        // Names from the const list above, never from outside.
        let sql = format!(
            "SELECT rowid, {}, {case_column}, {column} FROM {table}",
            sealing.bound_by
        );
        let mut statement = conn.prepare(&sql)?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let key = match sealing.key {
                SealKey::Store => Some(&keys.store),
                SealKey::Audit => Some(&keys.audit),
                SealKey::Case(_) => match row.get_ref(2)? {
                    ValueRef::Integer(case_id) => match case_keys.get(&case_id) {
                        Some(Some(key)) => Some(key),
                        // Reported at the case's key already.
                        Some(None) => continue,
                        None => None,
                    },
                    _ => None,
                },
            };
            let bound = bound_text(row.get_ref(1)?);
            let finding = match (key, bound) {
                (Some(key), Some(bound)) => {
                    let cell = Cell {
                        table,
                        bound,
                        row: rowid,
                        column,
                    };
                    sealed::inspect(key, &cell, sealed::blob(row, 3).as_deref(), sealing.record)
                }
                _ => Finding::Damaged,
            };
            findings.note(finding, table, rowid, column);
        }
    }
    Ok(findings)
}

/// The values sealed to the store's public report key (failed sign-ins not yet entered).
fn report_key_values(
    conn: &Connection,
    keys: &SubKeys,
    table: &'static str,
    column: &'static str,
    findings: &mut SealedFindings,
) -> Result<()> {
    let opener = sign_in_reports::Opener::new(conn, keys)?;
    // Names from the const list above, never from outside.
    let mut statement = conn.prepare(&format!("SELECT rowid, {column} FROM {table}"))?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let finding = if opener.opens(sealed::blob(row, 1).as_deref()) {
            Finding::Sound
        } else {
            Finding::Damaged
        };
        findings.note(finding, table, row.get(0)?, column);
    }
    Ok(())
}

/// What the code trusts in plain must agree with what is sealed: a case's blind index with its
/// sealed number (an index moved onto another case would open that case to this caller), and a
/// call's plain month with the month sealed with it (an edited month hides the call from
/// statistics and retention). Values that do not open at all are [`sealed_values`]' to report.
pub(super) fn plain_bindings(conn: &Connection, keys: &SubKeys) -> Result<Vec<DamagedPlace>> {
    let mut damaged = Vec::new();
    let mut cases = conn.prepare("SELECT id, wrapped_key, number_index, number FROM cases")?;
    let mut rows = cases.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let (Some(wrapped), Some(sealed_number)) = (sealed::blob(row, 1), sealed::blob(row, 3))
        else {
            continue;
        };
        let Ok(key) = unwrap_case_key(keys, id, &wrapped) else {
            continue;
        };
        let case = OpenedCase { id, key };
        if let Ok(number) = open_number(&case, &sealed_number) {
            let index = crypto::blind_index(&keys.case_index, &number.canonical());
            if sealed::blob(row, 2).as_deref() != Some(&index[..]) {
                damaged.push(DamagedPlace {
                    table: "cases",
                    row: id,
                    column: "number_index",
                });
            }
        }
        let mut calls =
            conn.prepare_cached("SELECT id, month, details FROM calls WHERE case_id = ?1")?;
        let mut call_rows = calls.query([id])?;
        while let Some(call) = call_rows.next()? {
            let call_id: i64 = call.get(0)?;
            let month = match call.get_ref(1)? {
                ValueRef::Text(text) => String::from_utf8_lossy(text).into_owned(),
                _ => String::new(),
            };
            let Some(details) = sealed::blob(call, 2) else {
                continue;
            };
            let cell = sealed::Cell::of("calls", call_id, "details");
            let Ok(taken) = sealed::open_record::<TakenCall>(&case.key, &cell, &details) else {
                continue;
            };
            if let Err(Error::DamagedRecord { table, row, column }) =
                check_month(call_id, &month, &taken)
            {
                damaged.push(DamagedPlace { table, row, column });
            }
        }
    }
    Ok(damaged)
}
