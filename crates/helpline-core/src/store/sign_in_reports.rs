//! Failed sign-ins, for the audit trail. When a sign-in fails no key is open, so the unlock
//! screen seals a report (the user's name, why, when; never the passphrase) to the store's
//! public report key (`crypto::SignInReportKeys`). The next session to open enters the reports
//! in the audit trail and deletes them, in the transaction of its own "signed in" entry.
//!
//! Anyone with the file can add a false report or delete a true one (the key is public and the
//! rows are not chained); what they cannot do is read one. A report key found replaced, or a
//! report that does not open, is itself entered in the trail.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::audit::{AuditAction, SignInFailure};
use super::sealed;
use super::MAX_USER_NAME_CHARS;
use crate::crypto::{self, SignInReportKeys, SubKeys};
use crate::error::{Error, Result};

/// Reports kept until the next session; later failures only count in `failed-unlocks`, so a
/// script guessing at the unlock screen cannot grow the file without bound.
pub(super) const MAX_PENDING_REPORTS: i64 = 1000;
/// Every report is padded to a multiple of this, so its size does not tell the name's length.
const REPORT_BLOCK: usize = 512;

#[derive(Serialize, Deserialize)]
struct Report {
    name: String,
    reason: SignInFailure,
    at: DateTime<Utc>,
}

/// What a report is bound to: this store, so a report copied from another store does not open.
fn context(store_id: &[u8]) -> Vec<u8> {
    let mut context = b"helpline failed sign-in report\0".to_vec();
    context.extend_from_slice(store_id);
    context
}

/// Seals a report of a failed sign-in. A store no session of this release has opened yet has
/// no report key, and then nothing is written.
pub(super) fn report(conn: &Connection, typed_name: &str, reason: SignInFailure) -> Result<()> {
    let (store_id, public_key) = conn.query_row(
        "SELECT store_id, sign_in_report_key FROM store_info WHERE id = 1",
        [],
        |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Option<Vec<u8>>>(1)?)),
    )?;
    let Some(public_key) = public_key else {
        return Ok(());
    };
    let pending: i64 = conn.query_row("SELECT count(*) FROM failed_sign_ins", [], |r| r.get(0))?;
    if pending >= MAX_PENDING_REPORTS {
        return Ok(());
    }
    // A name the store does not have is not kept: it may be a passphrase typed into the wrong
    // field, and supervisors read the trail.
    let name = match reason {
        SignInFailure::UnknownUser => String::new(),
        SignInFailure::WrongPassphrase | SignInFailure::WrongRecoveryCode => {
            typed_name.chars().take(MAX_USER_NAME_CHARS).collect()
        }
    };
    let report = Report {
        name,
        reason,
        at: Utc::now(),
    };
    let mut plaintext = serde_json::to_vec(&report)
        .map_err(|e| Error::Storage(format!("writing a sign-in report: {e}")))?;
    // JSON escapes NUL, so trailing zeros are padding.
    plaintext.resize(plaintext.len().div_ceil(REPORT_BLOCK) * REPORT_BLOCK, 0);
    let sealed = crypto::seal_sign_in_report(&public_key, &context(&store_id), &plaintext).ok_or(
        Error::DamagedRecord {
            table: "store_info",
            row: 1,
            column: "sign_in_report_key",
        },
    )?;
    conn.execute(
        "INSERT INTO failed_sign_ins (id, report) VALUES (?1, ?2)",
        params![crypto::random_row_id(), sealed],
    )?;
    Ok(())
}

fn open(keys: &SignInReportKeys, store_id: &[u8], sealed: &[u8]) -> Option<Report> {
    let plaintext = keys.open(&context(store_id), sealed)?;
    let end = plaintext
        .iter()
        .rposition(|&b| b != 0)
        .map_or(0, |last| last + 1);
    serde_json::from_slice(&plaintext[..end]).ok()
}

/// Opens stored reports for `verify`, without taking them.
pub(super) struct Opener {
    keys: SignInReportKeys,
    store_id: Vec<u8>,
}

impl Opener {
    pub fn new(conn: &Connection, keys: &SubKeys) -> Result<Self> {
        let store_id = conn.query_row("SELECT store_id FROM store_info WHERE id = 1", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })?;
        Ok(Opener {
            keys: SignInReportKeys::derive(keys),
            store_id,
        })
    }

    pub fn opens(&self, sealed: Option<&[u8]>) -> bool {
        sealed.is_some_and(|s| open(&self.keys, &self.store_id, s).is_some())
    }
}

/// Takes every pending report, oldest first, as audit actions, and makes sure the store's
/// public report key is this store's (writing it at the first session of this release). To be
/// called inside the session's first write transaction.
pub(super) fn take(conn: &Connection, keys: &SubKeys) -> Result<Vec<AuditAction>> {
    let report_keys = SignInReportKeys::derive(keys);
    let public_key = report_keys.public_key();
    let (store_id, stored_key) = conn
        .query_row(
            "SELECT store_id, sign_in_report_key FROM store_info WHERE id = 1",
            [],
            |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Option<Vec<u8>>>(1)?)),
        )
        .optional()?
        .ok_or(Error::StoreDamaged)?;
    let key_replaced = stored_key.as_ref().is_some_and(|k| *k != public_key);
    if stored_key.as_ref() != Some(&public_key) {
        conn.execute(
            "UPDATE store_info SET sign_in_report_key = ?1 WHERE id = 1",
            [&public_key],
        )?;
    }
    let mut reports = Vec::new();
    let mut unreadable: u32 = 0;
    {
        let mut statement = conn.prepare("SELECT report FROM failed_sign_ins")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            match sealed::blob(row, 0).and_then(|s| open(&report_keys, &store_id, &s)) {
                Some(report) => reports.push(report),
                None => unreadable = unreadable.saturating_add(1),
            }
        }
    }
    conn.execute("DELETE FROM failed_sign_ins", [])?;
    reports.sort_by_key(|r| r.at);
    let mut actions: Vec<AuditAction> = reports
        .into_iter()
        .map(|r| AuditAction::SignInFailed {
            name: r.name,
            reason: r.reason,
            attempted_at: r.at,
        })
        .collect();
    if unreadable > 0 || key_replaced {
        actions.push(AuditAction::SignInReportsDamaged {
            unreadable,
            key_replaced,
        });
    }
    Ok(actions)
}
