//! The audit trail: who signed in, opened which case, exported what, changed which user or
//! setting, and when retention ran. Append-only and hash-chained, so that an altered or
//! removed entry is found by [`Session::verify_audit`].
//!
//! Each entry is sealed (JSON, under the audit sub-key, bound to its `seq`) and chained:
//! `chain_n = HMAC-SHA256(audit-chain sub-key, chain_(n-1) ‖ seq_n as 8 bytes big-endian ‖
//! sealed entry_n)`, with `chain_0` 32 zero bytes. The head (the last seq and its chain) is
//! also kept as the sealed setting `audit_head`, written in the same transaction as each
//! entry, so removing the last entries is found too. What no self-contained file can show: a
//! head copied back from an older state of the same store together with the entries after it
//! removed; the fingerprint that `verify_audit` reports can be noted down elsewhere for that.
//!
//! An entry never holds notes, contact details or case numbers: a case is named by a reference
//! derived from its random row id, which means nothing once the case is forgotten.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::sealed::{self, stored_as_itself, Cell};
use super::settings;
use crate::code::Code;
use crate::crypto::{self, SubKeys};
use crate::domain::{Month, Role};
use crate::error::{Error, Result};
const CHAIN_LEN: usize = 32;
const CHAIN_0: [u8; CHAIN_LEN] = [0; CHAIN_LEN];
/// Longest export format name an entry records ("csv", "xlsx", …).
const MAX_FORMAT_CHARS: usize = 16;

/// An export format's name as an entry records it: a short name such as `csv`.
pub(super) fn checked_format(format: &str) -> Result<String> {
    if format.is_empty()
        || format.chars().count() > MAX_FORMAT_CHARS
        || !format.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(Error::InvalidInput {
            field: "format",
            reason: "an export format is a short name such as csv".into(),
        });
    }
    Ok(format.to_owned())
}

/// One entry of the trail (stored as `records::AuditEntryRecord`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    /// The user who acted.
    pub user: String,
    pub action: AuditAction,
}

/// What was done. `case` is a reference to the case's row, never its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditAction {
    SignedIn,
    RecoveryCodeUsed,
    /// A supervisor replaced the recovery code: the old one opens nothing any more (but still
    /// opens backups taken before).
    RecoveryCodeReplaced,
    /// The store's record of whose each key slot is was written from the slots as they were:
    /// once, at the first sign-in of a store from before that record. A second one means the
    /// record was removed from the file.
    KeySlotsBound,
    CaseOpened {
        case: String,
    },
    CaseForgotten {
        case: String,
    },
    /// A case forgotten (or expired) at another desk of the helpline, destroyed here when
    /// this desk synced.
    CaseForgottenElsewhere {
        case: String,
    },
    /// A case that was to be destroyed and could not be, because the file was changed outside
    /// Helpline (a trigger that ignores deletes, say); `reason` is the error's code.
    ForgetFailed {
        case: String,
        reason: String,
    },
    /// A case's follow-up was marked done outside a call (from the cases list).
    FollowUpDone {
        case: String,
    },
    /// A finished call was corrected by the volunteer who took it; `fields` names what
    /// changed (the content's field names, never their values).
    CallCorrected {
        case: String,
        fields: Vec<String>,
    },
    CasesExpired {
        cases: u64,
        retention_months: u32,
    },
    StatisticsExported {
        from: Month,
        to: Month,
        format: String,
        k: u64,
        /// Whether a total over the period was published with the months.
        #[serde(default)]
        period_total: bool,
    },
    BackupTaken,
    UserAdded {
        name: String,
        role: Role,
    },
    UserRemoved {
        name: String,
    },
    PassphraseChanged,
    PassphraseReset {
        name: String,
    },
    SettingsChanged {
        setting: String,
    },
    /// A sign-in that failed: reported by the unlock screen, which holds no key, and entered
    /// by the next session that opens (see `store/sign_in_reports.rs`). The name is as typed,
    /// and empty for a name the store does not have (it may be a mistyped passphrase).
    SignInFailed {
        name: String,
        reason: SignInFailure,
        attempted_at: DateTime<Utc>,
    },
    /// Reports of failed sign-ins that did not open, or a report key found replaced: someone
    /// edited the file between two sessions.
    SignInReportsDamaged {
        unreadable: u32,
        key_replaced: bool,
    },
}

crate::code::coded_enum! {
    /// Why a sign-in failed. Its stable code is stored.
    SignInFailure {
        UnknownUser = "unknown_user",
        WrongPassphrase = "wrong_passphrase",
        WrongRecoveryCode = "wrong_recovery_code",
    }
}

/// What [`Session::verify_audit`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// Rows of the trail looked at.
    pub entries_checked: u64,
    /// The head's seq: how many entries the trail has had (0 for none).
    pub head_seq: u64,
    /// The first 8 bytes of the head's chain value, in hex (empty for an empty trail). Noted
    /// down outside the store, it shows later whether the trail was wound back.
    pub fingerprint: String,
    pub problems: Vec<AuditProblem>,
}

impl AuditReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A problem found at `seq` (the first seq concerned), affecting `count` entries from there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditProblem {
    pub seq: u64,
    pub count: u64,
    pub problem: AuditProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditProblemKind {
    /// The entry does not open, or its chain value does not follow from the entry before.
    Altered,
    /// Entries are missing between two others (a gap in seq).
    Missing,
    /// The last entries were removed: the head counts more entries than there are, or the head
    /// is missing or does not open while entries exist.
    TailRemoved,
}

/// The head as sealed in `settings`; a store-only type, so it is its own record.
#[derive(Serialize, Deserialize)]
struct Head {
    seq: u64,
    /// hex
    chain: String,
}

stored_as_itself!(Head);

enum HeadState {
    Missing,
    Unreadable,
    Known { seq: u64, chain: Vec<u8> },
}

/// A reference to a case for the trail: its random row id in hex. It names no caller and,
/// once the case is deleted, nothing at all.
pub(super) fn case_reference(case_id: i64) -> String {
    format!("{case_id:016x}")
}

fn entry_cell(seq: u64) -> Cell {
    Cell {
        table: "audit_trail",
        bound: seq.to_string(),
        row: i64::try_from(seq).unwrap_or(i64::MAX),
        column: "entry",
    }
}

fn link(keys: &SubKeys, previous: &[u8], seq: u64, sealed: &[u8]) -> [u8; CHAIN_LEN] {
    crypto::hmac_sha256(&keys.audit_chain, &[previous, &seq.to_be_bytes(), sealed])
}

fn read_head(conn: &Connection, keys: &SubKeys) -> Result<HeadState> {
    match settings::read::<Head>(conn, keys, settings::AUDIT_HEAD) {
        Ok(None) => Ok(HeadState::Missing),
        Ok(Some(head)) => match data_encoding::HEXLOWER.decode(head.chain.as_bytes()) {
            Ok(chain) if chain.len() == CHAIN_LEN => Ok(HeadState::Known {
                seq: head.seq,
                chain,
            }),
            _ => Ok(HeadState::Unreadable),
        },
        Err(Error::DamagedRecord { .. } | Error::DamagedValue { .. }) => Ok(HeadState::Unreadable),
        Err(e) => Err(e),
    }
}

fn last_row(conn: &Connection) -> Result<Option<(u64, Vec<u8>)>> {
    Ok(conn
        .query_row(
            "SELECT seq, chain FROM audit_trail ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
        )
        .optional()?
        .and_then(|(seq, chain)| Some((u64::try_from(seq).ok()?, chain))))
}

/// Appends an entry, inside the caller's transaction (the caller commits, so the entry and the
/// change it records are written together or not at all).
pub(super) fn append(
    conn: &Connection,
    keys: &SubKeys,
    user: &str,
    action: AuditAction,
) -> Result<()> {
    // Where the new entry goes. The head is trusted over the rows (it cannot be forged); when
    // it is missing or does not open while entries exist, a gap is left after the last row so
    // that verify keeps reporting the break instead of the next head hiding it.
    let (seq, previous) = match (read_head(conn, keys)?, last_row(conn)?) {
        (HeadState::Known { seq, .. }, Some((last, chain))) if last > seq => (last + 1, chain),
        (HeadState::Known { seq, chain }, _) => (seq.saturating_add(1), chain),
        (HeadState::Missing | HeadState::Unreadable, None) => (1, CHAIN_0.to_vec()),
        (HeadState::Missing | HeadState::Unreadable, Some((last, chain))) => (last + 2, chain),
    };
    let entry = AuditEntry {
        seq,
        at: Utc::now(),
        user: user.to_owned(),
        action,
    };
    let sealed = sealed::seal_record(&keys.audit, &entry_cell(seq), &entry)?;
    let chain = link(keys, &previous, seq, &sealed);
    let row = i64::try_from(seq).map_err(|_| Error::Storage("the audit trail is full".into()))?;
    conn.execute(
        "INSERT INTO audit_trail (seq, entry, chain) VALUES (?1, ?2, ?3)",
        params![row, sealed, &chain[..]],
    )?;
    settings::write(
        conn,
        keys,
        settings::AUDIT_HEAD,
        &Head {
            seq,
            chain: data_encoding::HEXLOWER.encode(&chain),
        },
    )
}

fn open_entry(keys: &SubKeys, seq: u64, sealed: &[u8]) -> Option<AuditEntry> {
    let entry: AuditEntry = sealed::open_record(&keys.audit, &entry_cell(seq), sealed).ok()?;
    (entry.seq == seq).then_some(entry)
}

/// Checks every entry and the chain between them, and the head against the last entry.
pub(super) fn verify(conn: &Connection, keys: &SubKeys) -> Result<AuditReport> {
    let mut report = AuditReport::default();
    let mut problem = |seq: u64, count: u64, problem: AuditProblemKind| {
        report_problem(&mut report.problems, seq, count, problem)
    };
    let mut statement = conn.prepare("SELECT seq, entry, chain FROM audit_trail ORDER BY seq")?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut entries_checked = 0;
    let (mut last_seq, mut last_chain) = (0u64, CHAIN_0.to_vec());
    // When the previous row failed its link: the chain value it should have had. The next
    // link may follow from either, so that one altered entry, or one altered chain value, is
    // reported at its own row only.
    let mut last_expected: Option<[u8; CHAIN_LEN]> = None;
    for row in rows {
        let (seq, sealed, chain) = row?;
        entries_checked += 1;
        // Our schema holds seq >= 1; a file with another schema may not.
        let Ok(seq @ 1..) = u64::try_from(seq) else {
            problem(0, 1, AuditProblemKind::Altered);
            continue;
        };
        // Across a gap the link cannot be checked; the gap is what is reported.
        let linked = seq == last_seq + 1;
        if !linked {
            problem(last_seq + 1, seq - last_seq - 1, AuditProblemKind::Missing);
        }
        let opens = open_entry(keys, seq, &sealed).is_some();
        let follows = |previous: &[u8]| {
            crypto::hmac_sha256_matches(
                &keys.audit_chain,
                &[previous, &seq.to_be_bytes(), &sealed],
                &chain,
            )
        };
        let chained = !linked || follows(&last_chain) || last_expected.is_some_and(|e| follows(&e));
        if !opens || !chained {
            problem(seq, 1, AuditProblemKind::Altered);
        }
        last_expected = (linked && !chained).then(|| link(keys, &last_chain, seq, &sealed));
        (last_seq, last_chain) = (seq, chain);
    }
    drop(statement);
    let mut head_seq = last_seq;
    match read_head(conn, keys)? {
        HeadState::Missing | HeadState::Unreadable if last_seq > 0 => {
            problem(last_seq + 1, 1, AuditProblemKind::TailRemoved)
        }
        HeadState::Missing | HeadState::Unreadable => {}
        HeadState::Known { seq, chain } => {
            head_seq = seq;
            if seq > last_seq {
                problem(last_seq + 1, seq - last_seq, AuditProblemKind::TailRemoved);
            } else if seq < last_seq {
                // Entries the head does not vouch for.
                problem(seq + 1, last_seq - seq, AuditProblemKind::Altered);
            } else if chain != last_chain {
                problem(seq, 1, AuditProblemKind::Altered);
            }
            last_chain = chain;
        }
    }
    report.entries_checked = entries_checked;
    report.head_seq = head_seq;
    if head_seq > 0 {
        report.fingerprint = data_encoding::HEXLOWER.encode(&last_chain[..last_chain.len().min(8)]);
    }
    report.problems.sort_by_key(|p| p.seq);
    Ok(report)
}

/// Adds a problem unless the same one is already listed for that seq.
fn report_problem(
    problems: &mut Vec<AuditProblem>,
    seq: u64,
    count: u64,
    problem: AuditProblemKind,
) {
    let new = AuditProblem {
        seq,
        count,
        problem,
    };
    if !problems.contains(&new) {
        problems.push(new);
    }
}

/// The trail, newest first. An entry that does not open is left out here; [`verify`] is what
/// reports damage.
pub(super) fn entries(conn: &Connection, keys: &SubKeys) -> Result<Vec<AuditEntry>> {
    let mut statement = conn.prepare("SELECT seq, entry FROM audit_trail ORDER BY seq DESC")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut entries = Vec::new();
    for row in rows {
        let (seq, sealed) = row?;
        if let Some(entry) = u64::try_from(seq)
            .ok()
            .and_then(|seq| open_entry(keys, seq, &sealed))
        {
            entries.push(entry);
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests;
