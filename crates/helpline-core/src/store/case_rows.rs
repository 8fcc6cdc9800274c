//! The rows of cases, their calls and drafts: reading and writing them sealed under each case's
//! own key, inside the caller's transaction. The rules (who may, what is audited) are the
//! session's, in `store/cases.rs` and `store/retention.rs`.

use rusqlite::{params, Connection, OptionalExtension};

use super::records::TakenCall;
use super::sealed::{self, Cell, Stored};
use super::{month_counts, sync_rows};
use crate::case::{mark_escalations, CaseSummary, RecordedCall};
use crate::case_number::CaseNumber;
use crate::crypto::{self, SecretKey, SubKeys};
use crate::domain::{Call, CallContent, Month};
use crate::error::{Error, Result};
use crate::tally::count_case;

/// How often a freshly drawn case number may collide with an existing one before we give up;
/// with 10^10 numbers this is never reached short of a broken random source.
const MAX_NUMBER_DRAWS: usize = 16;

/// A case opened for writing: its row and key.
pub(super) struct OpenedCase {
    pub id: i64,
    pub key: SecretKey,
}

/// Where a call or a draft is kept.
#[derive(Clone, Copy)]
pub(super) enum CallTable {
    Calls,
    Drafts,
}

impl CallTable {
    fn name(self) -> &'static str {
        match self {
            CallTable::Calls => "calls",
            CallTable::Drafts => "call_drafts",
        }
    }
}

/// Notes are sealed on their own (autosave rewrites them most); the rest of a call is sealed as
/// one record without them: `details` is a draft's [`Call`] or a finished call's [`TakenCall`].
fn seal_call<T: Stored>(
    key: &SecretKey,
    table: CallTable,
    id: i64,
    details: &T,
    notes: &str,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let details = sealed::seal_record(key, &Cell::of(table.name(), id, "details"), details)?;
    let notes = sealed::seal_text(key, &Cell::of(table.name(), id, "notes"), notes);
    Ok((details, notes))
}

fn open_details<T: Stored>(
    key: &SecretKey,
    table: CallTable,
    id: i64,
    details: &[u8],
) -> Result<T> {
    sealed::open_record(key, &Cell::of(table.name(), id, "details"), details)
}

fn open_notes(key: &SecretKey, table: CallTable, id: i64, notes: &[u8]) -> Result<String> {
    sealed::open_text(key, &Cell::of(table.name(), id, "notes"), notes)
}

fn case_key_place(case_id: i64) -> Vec<u8> {
    crypto::place("cases", &case_id.to_string(), "wrapped_key")
}

pub(super) fn unwrap_case_key(keys: &SubKeys, case_id: i64, wrapped: &[u8]) -> Result<SecretKey> {
    crypto::unwrap_key(&keys.case_wrap, &case_key_place(case_id), wrapped).ok_or(
        Error::DamagedRecord {
            table: "cases",
            row: case_id,
            column: "wrapped_key",
        },
    )
}

pub(super) fn find_case(
    conn: &Connection,
    keys: &SubKeys,
    number: &CaseNumber,
) -> Result<OpenedCase> {
    let index = crypto::blind_index(&keys.case_index, &number.canonical());
    let (id, wrapped) = conn
        .query_row(
            "SELECT id, wrapped_key FROM cases WHERE number_index = ?1",
            [&index[..]],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
        )
        .optional()?
        .ok_or(Error::NoSuchCase)?;
    let case = OpenedCase {
        id,
        key: unwrap_case_key(keys, id, &wrapped)?,
    };
    // The index is plain and could have been moved onto another case's row: the case must
    // hold the number it was found by, or its content is never shown to this caller.
    if read_case_number(conn, &case)? != *number {
        return Err(Error::DamagedRecord {
            table: "cases",
            row: id,
            column: "number_index",
        });
    }
    Ok(case)
}

pub(super) fn new_case(conn: &Connection, keys: &SubKeys) -> Result<(CaseNumber, OpenedCase)> {
    let mut drawn = None;
    for _ in 0..MAX_NUMBER_DRAWS {
        let number = CaseNumber::random();
        let index = crypto::blind_index(&keys.case_index, &number.canonical());
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE number_index = ?1)",
            [&index[..]],
            |r| r.get(0),
        )?;
        if !taken {
            drawn = Some(number);
            break;
        }
    }
    let number = drawn.ok_or_else(|| {
        Error::Storage(
            "could not draw an unused case number; the random source may be broken".into(),
        )
    })?;
    let case = OpenedCase {
        id: crypto::random_row_id(),
        key: SecretKey::random(),
    };
    conn.execute(
        "INSERT INTO cases (id, number_index, wrapped_key, number, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            case.id,
            &crypto::blind_index(&keys.case_index, &number.canonical())[..],
            crypto::wrap_key(&keys.case_wrap, &case_key_place(case.id), &case.key),
            sealed::seal_text(&case.key, &Cell::of("cases", case.id, "number"), &number.canonical()),
            sealed::seal_record(&case.key, &Cell::of("cases", case.id, "summary"), &CaseSummary::new())?,
        ],
    )?;
    Ok((number, case))
}

pub(super) fn open_summary(case: &OpenedCase, sealed: &[u8]) -> Result<CaseSummary> {
    sealed::open_record(&case.key, &Cell::of("cases", case.id, "summary"), sealed)
}

pub(super) fn read_summary(conn: &Connection, case: &OpenedCase) -> Result<CaseSummary> {
    let sealed: Vec<u8> = conn
        .prepare_cached("SELECT summary FROM cases WHERE id = ?1")?
        .query_row([case.id], |r| r.get(0))?;
    open_summary(case, &sealed)
}

pub(super) fn write_summary(
    conn: &Connection,
    case: &OpenedCase,
    summary: &CaseSummary,
) -> Result<()> {
    let sealed = sealed::seal_record(&case.key, &Cell::of("cases", case.id, "summary"), summary)?;
    conn.execute(
        "UPDATE cases SET summary = ?1 WHERE id = ?2",
        params![sealed, case.id],
    )?;
    Ok(())
}

pub(super) fn open_number(case: &OpenedCase, sealed: &[u8]) -> Result<CaseNumber> {
    let cell = Cell::of("cases", case.id, "number");
    let text = zeroize::Zeroizing::new(sealed::open_text(&case.key, &cell, sealed)?);
    CaseNumber::parse(&text).map_err(|_| cell.damaged())
}

pub(super) fn read_case_number(conn: &Connection, case: &OpenedCase) -> Result<CaseNumber> {
    let sealed: Vec<u8> =
        conn.query_row("SELECT number FROM cases WHERE id = ?1", [case.id], |r| {
            r.get(0)
        })?;
    open_number(case, &sealed)
}

/// Whether the case has a finished call (a call in progress on a case without one opened it).
pub(super) fn has_finished_call(conn: &Connection, case: &OpenedCase) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM calls WHERE case_id = ?1)")?
        .query_row([case.id], |r| r.get(0))?)
}

/// Writes a finished call onto its case, taken by the users row `taken_by`. Every write of a
/// call goes through here or [`rewrite_call`], so the kept counts of its month and later are
/// dropped with it (see `store/month_counts.rs`).
pub(super) fn insert_call_row(
    conn: &Connection,
    keys: &SubKeys,
    case: &OpenedCase,
    call: &Call,
    taken_by: Option<i64>,
) -> Result<()> {
    let id = crypto::random_row_id();
    let taken = TakenCall {
        call: call.clone(),
        taken_by,
        month: Some(call.month()),
    };
    let (details, notes) = seal_call(&case.key, CallTable::Calls, id, &taken, &call.content.notes)?;
    conn.prepare_cached(
        "INSERT INTO calls (id, case_id, month, details, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        id,
        case.id,
        call.month().to_string(),
        details,
        notes
    ])?;
    sync_rows::share_call(conn, keys, id)?;
    month_counts::forget_from(conn, call.month())
}

/// Replaces a finished call's sealed values (a correction: its times and month stay). The
/// caller drops the kept counts the change touches.
pub(super) fn rewrite_call(
    conn: &Connection,
    keys: &SubKeys,
    case: &OpenedCase,
    id: i64,
    taken: &TakenCall,
) -> Result<()> {
    let (details, notes) = seal_call(
        &case.key,
        CallTable::Calls,
        id,
        taken,
        &taken.call.content.notes,
    )?;
    conn.prepare_cached("UPDATE calls SET details = ?1, notes = ?2 WHERE id = ?3")?
        .execute(params![details, notes, id])?;
    sync_rows::share_call(conn, keys, id)
}

/// A finished call's case and the call, with who took it.
pub(super) fn load_call(
    conn: &Connection,
    keys: &SubKeys,
    call_id: i64,
) -> Result<(OpenedCase, TakenCall)> {
    let (case_id, wrapped, month, details, notes) = conn
        .query_row(
            "SELECT l.case_id, c.wrapped_key, l.month, l.details, l.notes FROM calls l JOIN cases c ON c.id = l.case_id WHERE l.id = ?1",
            [call_id],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, String>(2)?, r.get::<_, Vec<u8>>(3)?, r.get::<_, Vec<u8>>(4)?)),
        )
        .optional()?
        .ok_or(Error::NoSuchRecordedCall)?;
    let case = OpenedCase {
        id: case_id,
        key: unwrap_case_key(keys, case_id, &wrapped)?,
    };
    let mut taken: TakenCall = open_details(&case.key, CallTable::Calls, call_id, &details)?;
    check_month(call_id, &month, &taken)?;
    taken.call.content.notes = open_notes(&case.key, CallTable::Calls, call_id, &notes)?;
    Ok((case, taken))
}

/// Writes a finished call and brings the case's summary up to date.
pub(super) fn insert_call(
    conn: &Connection,
    keys: &SubKeys,
    case: &OpenedCase,
    call: &Call,
    taken_by: Option<i64>,
) -> Result<()> {
    insert_call_row(conn, keys, case, call, taken_by)?;
    recompute_summary(conn, case)
}

/// Brings a case's summary up to date from its whole history (a case has few calls), so a
/// call recorded with an earlier time, or corrected, still leaves the summary exact; what the
/// case itself keeps (open, follow-up marked done) is carried over.
pub(super) fn recompute_summary(conn: &Connection, case: &OpenedCase) -> Result<()> {
    let kept = read_summary(conn, case)?;
    let summary = CaseSummary::of(
        kept.open,
        kept.follow_up_done_at,
        &mark_escalations(calls_of(conn, case)?),
    );
    write_summary(conn, case, &summary)
}

pub(super) fn calls_of(conn: &Connection, case: &OpenedCase) -> Result<Vec<(i64, Call)>> {
    Ok(taken_calls_of(conn, case)?
        .into_iter()
        .map(|(id, taken)| (id, taken.call))
        .collect())
}

/// Statistics and retention select calls by their plain month: it must be the month sealed
/// with the call, or one its start falls in somewhere on Earth for a call from before the month
/// was sealed, or the row was edited to hide the call from a month.
pub(super) fn check_month(id: i64, plain: &str, taken: &TakenCall) -> Result<()> {
    let fits = match plain.parse::<Month>() {
        Ok(month) => match taken.month {
            Some(sealed) => sealed == month,
            None => month.could_hold(taken.call.started_at),
        },
        Err(_) => false,
    };
    if fits {
        Ok(())
    } else {
        Err(Error::DamagedRecord {
            table: "calls",
            row: id,
            column: "month",
        })
    }
}

/// A case's calls with their notes and who took each, oldest first.
pub(super) fn taken_calls_of(
    conn: &Connection,
    case: &OpenedCase,
) -> Result<Vec<(i64, TakenCall)>> {
    let mut statement =
        conn.prepare_cached("SELECT id, month, details, notes FROM calls WHERE case_id = ?1")?;
    let rows = statement.query_map([case.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
            r.get::<_, Vec<u8>>(3)?,
        ))
    })?;
    let mut calls = Vec::new();
    for row in rows {
        let (id, month, details, notes) = row?;
        let mut taken: TakenCall = open_details(&case.key, CallTable::Calls, id, &details)?;
        check_month(id, &month, &taken)?;
        taken.call.content.notes = open_notes(&case.key, CallTable::Calls, id, &notes)?;
        calls.push((id, taken));
    }
    calls.sort_by_key(|(id, taken)| (taken.call.started_at, *id));
    Ok(calls)
}

/// A case's calls with empty notes, oldest first: all that statistics need. The notes column
/// is neither read nor decrypted, which is most of a call's bytes.
pub(super) fn calls_without_notes_of(
    conn: &Connection,
    case: &OpenedCase,
) -> Result<Vec<(i64, Call)>> {
    let mut statement =
        conn.prepare_cached("SELECT id, month, details FROM calls WHERE case_id = ?1")?;
    let rows = statement.query_map([case.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut calls = Vec::new();
    for row in rows {
        let (id, month, details) = row?;
        let taken: TakenCall = open_details(&case.key, CallTable::Calls, id, &details)?;
        check_month(id, &month, &taken)?;
        calls.push((id, taken.call));
    }
    calls.sort_by_key(|(id, call)| (call.started_at, *id));
    Ok(calls)
}

/// A draft's case and the call as last saved.
pub(super) fn load_draft(
    conn: &Connection,
    keys: &SubKeys,
    draft_id: i64,
) -> Result<(OpenedCase, Call)> {
    let row = conn
        .query_row(
            "SELECT d.case_id, c.wrapped_key, d.details, d.notes FROM call_drafts d JOIN cases c ON c.id = d.case_id WHERE d.id = ?1",
            [draft_id],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, Vec<u8>>(2)?, r.get::<_, Vec<u8>>(3)?)),
        )
        .optional()?
        .ok_or(Error::NoSuchCall)?;
    let (case_id, wrapped, details, notes) = row;
    let case = OpenedCase {
        id: case_id,
        key: unwrap_case_key(keys, case_id, &wrapped)?,
    };
    let mut call: Call = open_details(&case.key, CallTable::Drafts, draft_id, &details)?;
    call.content.notes = open_notes(&case.key, CallTable::Drafts, draft_id, &notes)?;
    Ok((case, call))
}

pub(super) fn write_draft(
    conn: &Connection,
    case: &OpenedCase,
    draft_id: i64,
    call: &Call,
) -> Result<()> {
    let (details, notes) = seal_call(
        &case.key,
        CallTable::Drafts,
        draft_id,
        call,
        &call.content.notes,
    )?;
    conn.execute(
        "INSERT INTO call_drafts (id, case_id, details, notes) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(id) DO UPDATE SET details = excluded.details, notes = excluded.notes",
        params![draft_id, case.id, details, notes],
    )?;
    Ok(())
}

/// The ids of every call in progress.
pub(super) fn draft_ids(conn: &Connection) -> Result<Vec<i64>> {
    Ok(conn
        .prepare("SELECT id FROM call_drafts")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The month each call in progress started in.
pub(super) fn draft_months(conn: &Connection, keys: &SubKeys) -> Result<Vec<Month>> {
    draft_ids(conn)?
        .into_iter()
        .map(|id| Ok(load_draft(conn, keys, id)?.1.month()))
        .collect()
}

/// Every case with a call in one of `months`: all its calls, oldest first, without notes.
pub(super) fn cases_in_months(
    conn: &Connection,
    keys: &SubKeys,
    months: &[Month],
) -> Result<Vec<Vec<RecordedCall>>> {
    let mut ids = std::collections::BTreeSet::new();
    let mut in_month =
        conn.prepare_cached("SELECT DISTINCT case_id FROM calls WHERE month = ?1")?;
    for month in months {
        for id in in_month.query_map([month.to_string()], |r| r.get::<_, i64>(0))? {
            ids.insert(id?);
        }
    }
    let mut wrapped_key = conn.prepare_cached("SELECT wrapped_key FROM cases WHERE id = ?1")?;
    let mut cases = Vec::with_capacity(ids.len());
    for id in ids {
        let wrapped: Vec<u8> = wrapped_key.query_row([id], |r| r.get(0))?;
        let case = OpenedCase {
            id,
            key: unwrap_case_key(keys, id, &wrapped)?,
        };
        cases.push(mark_escalations(calls_without_notes_of(conn, &case)?));
    }
    Ok(cases)
}

/// Deletes a case inside the caller's transaction, keeping its monthly counts (see
/// `store/month_counts.rs`), and has every other desk of the helpline destroy it too. The
/// caller commits and then calls [`checkpoint`].
pub(super) fn destroy_case(conn: &Connection, keys: &SubKeys, case: &OpenedCase) -> Result<()> {
    sync_rows::share_destroyed(conn, keys, case.id)?;
    destroy_case_rows(conn, keys, case)
}

/// [`destroy_case`] at this desk only: for a case another desk destroyed.
pub(super) fn destroy_case_rows(
    conn: &Connection,
    keys: &SubKeys,
    case: &OpenedCase,
) -> Result<()> {
    match calls_without_notes_of(conn, case) {
        Ok(calls) => {
            let mut retired = month_counts::retired(conn, keys)?;
            count_case(&mark_escalations(calls), |_| true, &mut retired.0);
            month_counts::retire(conn, keys, &retired)?;
        }
        // A case whose calls cannot be read was never counted either (statistics refuse a
        // damaged store until it is repaired); it is still destroyed when asked.
        Err(Error::DamagedRecord { .. } | Error::RecordFormatUnknown { .. }) => {}
        Err(other) => return Err(other),
    }
    conn.execute("DELETE FROM cases WHERE id = ?1", [case.id])?;
    // A delete that something in the file ignored still reports success: look, and never call
    // a case destroyed while any row of it remains.
    for (table, sql) in [
        ("cases", "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)"),
        (
            "calls",
            "SELECT EXISTS (SELECT 1 FROM calls WHERE case_id = ?1)",
        ),
        (
            "call_drafts",
            "SELECT EXISTS (SELECT 1 FROM call_drafts WHERE case_id = ?1)",
        ),
        (
            "sync_records",
            "SELECT EXISTS (SELECT 1 FROM sync_records WHERE case_id = ?1)",
        ),
    ] {
        let left: bool = conn.query_row(sql, [case.id], |r| r.get(0))?;
        if left {
            return Err(Error::DestroyIncomplete { table });
        }
    }
    Ok(())
}

/// Moves every page the WAL holds into the database (whose freed pages `secure_delete` has
/// zeroed) and truncates the WAL, so no old copy of a destroyed page stays beside the file.
pub(super) fn checkpoint(conn: &Connection) -> Result<()> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(Error::Storage(
            "the store is in use by another program; the deleted pages will be cleared when it closes"
                .into(),
        ));
    }
    Ok(())
}

/// A draft written as it was; for tests that need a call started long ago.
#[cfg(test)]
pub(super) fn rewrite_draft_start(
    conn: &Connection,
    keys: &SubKeys,
    draft_id: i64,
    started_at: chrono::DateTime<chrono::Utc>,
) {
    let (case, call) = load_draft(conn, keys, draft_id).unwrap();
    write_draft(conn, &case, draft_id, &Call { started_at, ..call }).unwrap();
}

/// A blank or continuing call's content: a returning caller's new call starts from the last.
pub(super) fn next_content(conn: &Connection, case: &OpenedCase) -> Result<CallContent> {
    Ok(match calls_of(conn, case)?.last() {
        Some((_, previous)) => CallContent::continuing(&previous.content),
        None => CallContent::blank(),
    })
}
