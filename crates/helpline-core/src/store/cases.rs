//! Cases and their calls: starting a call (which reserves the case number at once), autosaving
//! it as a draft, ending it, and reading cases back. Everything about a case is sealed under
//! that case's own key.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::audit::{self, AuditAction};
use super::publications;
use super::retention;
use super::session::Session;
use crate::case_number::CaseNumber;
use crate::crypto::{self, SecretKey, SubKeys};
use crate::domain::{Call, CallContent, ConcernLevel, Month};
use crate::error::{Error, Result};

/// How often a freshly drawn case number may collide with an existing one before we give up;
/// with 10^10 numbers this is never reached short of a broken random source.
const MAX_NUMBER_DRAWS: usize = 16;

/// What the cases list shows of a case without opening its calls; kept up to date on every
/// finished call and sealed in `cases.summary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub open: bool,
    pub latest_level: ConcernLevel,
    pub highest_level: ConcernLevel,
    pub last_call_at: Option<DateTime<Utc>>,
    pub follow_up: Option<NaiveDate>,
    pub calls: u32,
    /// The latest assessed call's level rose above the assessed call before it: news a
    /// supervisor must see in the cases list, not only in the history.
    #[serde(default)]
    pub escalated: bool,
}

impl CaseSummary {
    fn new() -> Self {
        CaseSummary {
            open: true,
            latest_level: ConcernLevel::NotAssessed,
            highest_level: ConcernLevel::NotAssessed,
            last_call_at: None,
            follow_up: None,
            calls: 0,
            escalated: false,
        }
    }

    /// The summary of a case's whole history (oldest first, escalations marked).
    pub fn of(open: bool, calls: &[RecordedCall]) -> Self {
        let mut summary = CaseSummary {
            open,
            ..CaseSummary::new()
        };
        for recorded in calls {
            summary.add(&recorded.call);
        }
        summary.escalated = calls
            .iter()
            .rev()
            .find(|c| c.call.content.level != ConcernLevel::NotAssessed)
            .is_some_and(|c| c.escalated);
        summary
    }

    fn add(&mut self, call: &Call) {
        if self.last_call_at.is_none_or(|last| call.started_at >= last) {
            self.last_call_at = Some(call.started_at);
            self.latest_level = call.content.level;
            self.follow_up = call.content.follow_up;
        }
        if call.content.level.step() > self.highest_level.step() {
            self.highest_level = call.content.level;
        }
        self.calls += 1;
    }
}

/// One call as read back from a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedCall {
    #[serde(skip)]
    pub id: i64,
    #[serde(flatten)]
    pub call: Call,
    /// The assessed level rose above the previous call's assessed level.
    pub escalated: bool,
}

/// A case's calls, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseHistory {
    #[serde(skip)]
    pub number: CaseNumber,
    pub open: bool,
    pub calls: Vec<RecordedCall>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseOverview {
    pub number: CaseNumber,
    pub summary: CaseSummary,
}

/// A call in progress: its draft, saved as the volunteer types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallDraft {
    pub draft_id: i64,
    pub number: CaseNumber,
    pub started_at: DateTime<Utc>,
    pub content: CallContent,
}

/// A case opened for writing: its row and key.
pub(super) struct OpenedCase {
    pub(super) id: i64,
    pub(super) key: SecretKey,
}

fn place(table: &str, row: i64, column: &str) -> Vec<u8> {
    crypto::place(table, &row.to_string(), column)
}

fn seal_json<T: Serialize>(key: &SecretKey, aad: &[u8], value: &T) -> Result<Vec<u8>> {
    let plain =
        Zeroizing::new(serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?);
    Ok(crypto::seal(key, aad, &plain))
}

fn open_json<T: for<'de> Deserialize<'de>>(
    key: &SecretKey,
    table: &'static str,
    row: i64,
    column: &'static str,
    sealed: &[u8],
) -> Result<T> {
    let damaged = || Error::DamagedRecord { table, row, column };
    let plain = crypto::open(key, &place(table, row, column), sealed).ok_or_else(damaged)?;
    serde_json::from_slice(&plain).map_err(|_| damaged())
}

fn open_text(
    key: &SecretKey,
    table: &'static str,
    row: i64,
    column: &'static str,
    sealed: &[u8],
) -> Result<String> {
    let damaged = || Error::DamagedRecord { table, row, column };
    let plain = crypto::open(key, &place(table, row, column), sealed).ok_or_else(damaged)?;
    String::from_utf8(plain.to_vec()).map_err(|_| damaged())
}

/// Notes are sealed on their own (autosave rewrites them most); the rest of a call is sealed as
/// one JSON value with its notes left empty.
fn seal_call(key: &SecretKey, table: &str, id: i64, call: &Call) -> Result<(Vec<u8>, Vec<u8>)> {
    let without_notes = Call {
        content: CallContent {
            notes: String::new(),
            ..call.content.clone()
        },
        ..call.clone()
    };
    let details = seal_json(key, &place(table, id, "details"), &without_notes)?;
    let notes = crypto::seal(
        key,
        &place(table, id, "notes"),
        call.content.notes.as_bytes(),
    );
    Ok((details, notes))
}

fn open_call(
    key: &SecretKey,
    table: &'static str,
    id: i64,
    details: &[u8],
    notes: &[u8],
) -> Result<Call> {
    let mut call: Call = open_json(key, table, id, "details", details)?;
    call.content.notes = open_text(key, table, id, "notes", notes)?;
    Ok(call)
}

pub(super) fn case_key_place(case_id: i64) -> Vec<u8> {
    place("cases", case_id, "wrapped_key")
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
    Ok(OpenedCase {
        id,
        key: unwrap_case_key(keys, id, &wrapped)?,
    })
}

fn new_case(conn: &Connection, keys: &SubKeys) -> Result<(CaseNumber, OpenedCase)> {
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
            crypto::seal(&case.key, &place("cases", case.id, "number"), number.canonical().as_bytes()),
            seal_json(&case.key, &place("cases", case.id, "summary"), &CaseSummary::new())?,
        ],
    )?;
    Ok((number, case))
}

pub(super) fn read_summary(conn: &Connection, case: &OpenedCase) -> Result<CaseSummary> {
    let sealed: Vec<u8> =
        conn.query_row("SELECT summary FROM cases WHERE id = ?1", [case.id], |r| {
            r.get(0)
        })?;
    open_json(&case.key, "cases", case.id, "summary", &sealed)
}

fn write_summary(conn: &Connection, case: &OpenedCase, summary: &CaseSummary) -> Result<()> {
    let sealed = seal_json(&case.key, &place("cases", case.id, "summary"), summary)?;
    conn.execute(
        "UPDATE cases SET summary = ?1 WHERE id = ?2",
        params![sealed, case.id],
    )?;
    Ok(())
}

fn read_number(case_id: i64, key: &SecretKey, sealed: &[u8]) -> Result<CaseNumber> {
    let text = Zeroizing::new(open_text(key, "cases", case_id, "number", sealed)?);
    CaseNumber::parse(&text).map_err(|_| Error::DamagedRecord {
        table: "cases",
        row: case_id,
        column: "number",
    })
}

/// Writes a finished call onto its case and brings the case's summary up to date.
fn insert_call_row(conn: &Connection, case: &OpenedCase, call: &Call) -> Result<()> {
    let id = crypto::random_row_id();
    let (details, notes) = seal_call(&case.key, "calls", id, call)?;
    conn.execute(
        "INSERT INTO calls (id, case_id, month, details, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, case.id, call.month().to_string(), details, notes],
    )?;
    retention::forget_counts_from(conn, call.month())
}

fn insert_call(conn: &Connection, case: &OpenedCase, call: &Call) -> Result<()> {
    insert_call_row(conn, case, call)?;
    // Recomputed from the whole history (a case has few calls), so a call recorded with an
    // earlier time still leaves the summary exact.
    let open = read_summary(conn, case)?.open;
    let summary = CaseSummary::of(open, &mark_escalations(calls_of(conn, case)?));
    write_summary(conn, case, &summary)
}

pub(super) fn calls_of(conn: &Connection, case: &OpenedCase) -> Result<Vec<(i64, Call)>> {
    let mut statement =
        conn.prepare_cached("SELECT id, details, notes FROM calls WHERE case_id = ?1")?;
    let rows = statement.query_map([case.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut calls = Vec::new();
    for row in rows {
        let (id, details, notes) = row?;
        calls.push((id, open_call(&case.key, "calls", id, &details, &notes)?));
    }
    calls.sort_by_key(|(id, call)| (call.started_at, *id));
    Ok(calls)
}

/// A case's calls with empty notes, oldest first: all that statistics need. The notes column
/// is neither read nor decrypted, which is most of a call's bytes.
pub(super) fn calls_without_notes_of(
    conn: &Connection,
    case: &OpenedCase,
) -> Result<Vec<(i64, Call)>> {
    let mut statement = conn.prepare_cached("SELECT id, details FROM calls WHERE case_id = ?1")?;
    let rows = statement.query_map([case.id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut calls = Vec::new();
    for row in rows {
        let (id, details) = row?;
        let call: Call = open_json(&case.key, "calls", id, "details", &details)?;
        calls.push((id, call));
    }
    calls.sort_by_key(|(id, call)| (call.started_at, *id));
    Ok(calls)
}

/// A draft's case and the call as last saved.
fn load_draft(conn: &Connection, keys: &SubKeys, draft_id: i64) -> Result<(OpenedCase, Call)> {
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
    let call = open_call(&case.key, "call_drafts", draft_id, &details, &notes)?;
    Ok((case, call))
}

#[cfg(test)]
impl Session {
    /// Moves a draft's start to `started_at`, as if the app had been closed mid-call then.
    pub(super) fn backdate_draft(&mut self, draft_id: i64, started_at: DateTime<Utc>) {
        let (case, call) = load_draft(self.conn(), &self.keys, draft_id).unwrap();
        write_draft(self.conn(), &case, draft_id, &Call { started_at, ..call }).unwrap();
    }
}

/// The month each call in progress started in.
pub(super) fn draft_months(conn: &Connection, keys: &SubKeys) -> Result<Vec<Month>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM call_drafts")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| Ok(load_draft(conn, keys, id)?.1.month()))
        .collect()
}

fn write_draft(conn: &Connection, case: &OpenedCase, draft_id: i64, call: &Call) -> Result<()> {
    let (details, notes) = seal_call(&case.key, "call_drafts", draft_id, call)?;
    conn.execute(
        "INSERT INTO call_drafts (id, case_id, details, notes) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(id) DO UPDATE SET details = excluded.details, notes = excluded.notes",
        params![draft_id, case.id, details, notes],
    )?;
    Ok(())
}

impl Session {
    /// Starts a call: on a new case (its number is drawn and reserved at once) or on the case
    /// with `number`. The call exists as a draft until [`Session::end_call`].
    pub fn start_call(&mut self, number: Option<&CaseNumber>) -> Result<CallDraft> {
        let keys = &self.keys;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (number, case, content) = match number {
            Some(number) => {
                let case = find_case(&tx, keys, number)?;
                let content = match calls_of(&tx, &case)?.last() {
                    Some((_, previous)) => CallContent::continuing(&previous.content),
                    None => CallContent::blank(),
                };
                (number.clone(), case, content)
            }
            None => {
                let (number, case) = new_case(&tx, keys)?;
                (number, case, CallContent::blank())
            }
        };
        let draft = CallDraft {
            draft_id: crypto::random_row_id(),
            number,
            started_at: Utc::now(),
            content,
        };
        write_draft(
            &tx,
            &case,
            draft.draft_id,
            &Call {
                started_at: draft.started_at,
                ended_at: None,
                content: draft.content.clone(),
            },
        )?;
        tx.commit()?;
        Ok(draft)
    }

    /// Autosave: replaces what the draft holds. Durable when it returns.
    pub fn save_draft(&mut self, draft_id: i64, content: &CallContent) -> Result<()> {
        content.check_limits()?;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (case, saved) = load_draft(&tx, &self.keys, draft_id)?;
        write_draft(
            &tx,
            &case,
            draft_id,
            &Call {
                content: content.clone(),
                ..saved
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Ends the call: it becomes a finished call on its case, and the draft is gone, in one
    /// transaction. Returns the case number.
    pub fn end_call(&mut self, draft_id: i64, content: &CallContent) -> Result<CaseNumber> {
        self.check_referrals_known(content)?;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (case, saved) = load_draft(&tx, &self.keys, draft_id)?;
        let call = Call {
            started_at: saved.started_at,
            ended_at: Some(Utc::now().max(saved.started_at)),
            content: content.clone(),
        };
        call.validate()?;
        insert_call(&tx, &case, &call)?;
        tx.execute("DELETE FROM call_drafts WHERE id = ?1", [draft_id])?;
        let number = read_case_number(&tx, &case)?;
        tx.commit()?;
        Ok(number)
    }

    /// Throws a call away (started by mistake). A new case that never got a call goes with it.
    pub fn discard_call(&mut self, draft_id: i64) -> Result<()> {
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let case_id: i64 = tx
            .query_row(
                "SELECT case_id FROM call_drafts WHERE id = ?1",
                [draft_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::NoSuchCall)?;
        tx.execute("DELETE FROM call_drafts WHERE id = ?1", [draft_id])?;
        tx.execute(
            "DELETE FROM cases WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM calls WHERE case_id = ?1) \
             AND NOT EXISTS (SELECT 1 FROM call_drafts WHERE case_id = ?1)",
            [case_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Calls that were started but not ended (the app was closed, or the power went), with what
    /// was last autosaved, oldest first.
    pub fn unfinished_calls(&self) -> Result<Vec<CallDraft>> {
        let mut statement = self.conn().prepare("SELECT id FROM call_drafts")?;
        let ids: Vec<i64> = statement
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut drafts = Vec::new();
        for draft_id in ids {
            let (case, call) = load_draft(self.conn(), &self.keys, draft_id)?;
            let number = read_case_number(self.conn(), &case)?;
            drafts.push(CallDraft {
                draft_id,
                number,
                started_at: call.started_at,
                content: call.content,
            });
        }
        drafts.sort_by_key(|d| d.started_at);
        Ok(drafts)
    }

    /// Records a whole call at once (the CLI's way): on a new case when `number` is None (the
    /// new number is returned), or on the case with that number.
    pub fn record_call(&mut self, number: Option<&CaseNumber>, call: &Call) -> Result<CaseNumber> {
        call.validate()?;
        self.check_referrals_known(&call.content)?;
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        publications::refuse_published(
            &publications::published_months(&tx, &self.keys)?,
            call.month(),
        )?;
        let (number, case) = match number {
            Some(number) => (number.clone(), find_case(&tx, &self.keys, number)?),
            None => new_case(&tx, &self.keys)?,
        };
        insert_call(&tx, &case, call)?;
        tx.commit()?;
        Ok(number)
    }

    /// Many whole cases at once, each a list of finished calls, in one transaction: for bulk
    /// loading (the benchmarks' data). Supervisors only. Returns each case's new number.
    pub fn import_cases(&mut self, cases: &[Vec<Call>]) -> Result<Vec<CaseNumber>> {
        self.require_supervisor()?;
        for call in cases.iter().flatten() {
            call.validate()?;
            self.check_referrals_known(&call.content)?;
        }
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let published = publications::published_months(&tx, &self.keys)?;
        for call in cases.iter().flatten() {
            publications::refuse_published(&published, call.month())?;
        }
        let mut numbers = Vec::with_capacity(cases.len());
        for calls in cases {
            let (number, case) = new_case(&tx, &self.keys)?;
            for call in calls {
                insert_call_row(&tx, &case, call)?;
            }
            let recorded = calls
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, c)| (i as i64, c));
            let mut ordered: Vec<(i64, Call)> = recorded.collect();
            ordered.sort_by_key(|(i, call)| (call.started_at, *i));
            write_summary(
                &tx,
                &case,
                &CaseSummary::of(true, &mark_escalations(ordered)),
            )?;
            numbers.push(number);
        }
        tx.commit()?;
        Ok(numbers)
    }

    /// A case's finished calls, oldest first, with escalations marked. A call whose sealed
    /// values do not authenticate is a damaged-record error for that row; other cases are
    /// unaffected. A history read whole is recorded in the audit trail (by a reference to the
    /// case's row, never its number).
    pub fn case_history(&self, number: &CaseNumber) -> Result<CaseHistory> {
        let tx = self.write_transaction()?;
        let case = find_case(&tx, &self.keys, number)?;
        let summary = read_summary(&tx, &case)?;
        let calls = mark_escalations(calls_of(&tx, &case)?);
        audit::append(
            &tx,
            &self.keys,
            self.user_name(),
            AuditAction::CaseOpened {
                case: audit::case_reference(case.id),
            },
        )?;
        tx.commit()?;
        Ok(CaseHistory {
            number: number.clone(),
            open: summary.open,
            calls,
        })
    }

    /// Every case with its summary, most recent call first.
    pub fn list_cases(&self) -> Result<Vec<CaseOverview>> {
        let mut statement = self
            .conn()
            .prepare("SELECT id, wrapped_key, number, summary FROM cases")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
            ))
        })?;
        let mut cases = Vec::new();
        for row in rows {
            let (id, wrapped, number, summary) = row?;
            let key = unwrap_case_key(&self.keys, id, &wrapped)?;
            cases.push(CaseOverview {
                number: read_number(id, &key, &number)?,
                summary: open_json(&key, "cases", id, "summary", &summary)?,
            });
        }
        cases.sort_by_key(|c| std::cmp::Reverse(c.summary.last_call_at));
        Ok(cases)
    }

    /// Destroys a case for good (supervisors), for a caller who asks; see
    /// [`retention::destroy_case`]. Its anonymous monthly counts stay, so published statistics
    /// do not change.
    pub fn forget_case(&mut self, number: &CaseNumber) -> Result<()> {
        self.require_supervisor()?;
        let user = self.user_name().to_owned();
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let case = find_case(&tx, &self.keys, number)?;
        retention::destroy_case(&tx, &self.keys, &case)?;
        audit::append(
            &tx,
            &self.keys,
            &user,
            AuditAction::CaseForgotten {
                case: audit::case_reference(case.id),
            },
        )?;
        tx.commit()?;
        retention::checkpoint(self.conn())
    }

    /// Marks a case open or closed (closed cases drop out of the default cases list).
    pub fn set_case_open(&mut self, number: &CaseNumber, open: bool) -> Result<()> {
        let tx = self
            .store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let case = find_case(&tx, &self.keys, number)?;
        let mut summary = read_summary(&tx, &case)?;
        summary.open = open;
        write_summary(&tx, &case, &summary)?;
        tx.commit()?;
        Ok(())
    }

    fn check_referrals_known(&self, content: &CallContent) -> Result<()> {
        let known = self.settings()?.referrals;
        match content
            .referrals
            .iter()
            .find(|code| !known.iter().any(|r| &r.code == *code))
        {
            Some(unknown) => Err(Error::InvalidInput {
                field: "referral",
                reason: format!(
                    "{:?} is not on the helpline's referral list",
                    unknown.as_str()
                ),
            }),
            None => Ok(()),
        }
    }

    /// Every sealed value of the cases, their calls and drafts: (table, row, column, opens?).
    /// A value that is not even a blob (the file was edited) is reported like one that does
    /// not authenticate, so one damaged row never stops the check.
    pub(super) fn verify_cases(
        &self,
        check: &mut dyn FnMut(bool, &'static str, i64, &'static str),
    ) -> Result<()> {
        let conn = self.conn();
        let mut cases = conn.prepare("SELECT id, wrapped_key, number, summary FROM cases")?;
        let mut calls = conn.prepare("SELECT id, details, notes FROM calls WHERE case_id = ?1")?;
        let mut drafts =
            conn.prepare("SELECT id, details, notes FROM call_drafts WHERE case_id = ?1")?;
        let rows = cases.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, blob(r, 1), blob(r, 2), blob(r, 3)))
        })?;
        let opens =
            |key: &SecretKey, table: &str, id: i64, column: &str, sealed: &Option<Vec<u8>>| {
                sealed.as_deref().is_some_and(|sealed| {
                    crypto::open(key, &place(table, id, column), sealed).is_some()
                })
            };
        for row in rows {
            let (case_id, wrapped, number, summary) = row?;
            let key = wrapped
                .as_deref()
                .and_then(|wrapped| unwrap_case_key(&self.keys, case_id, wrapped).ok());
            check(key.is_some(), "cases", case_id, "wrapped_key");
            // A case whose key is damaged has calls nobody can read; the case is what is listed.
            let Some(key) = key else { continue };
            check(
                opens(&key, "cases", case_id, "number", &number),
                "cases",
                case_id,
                "number",
            );
            check(
                opens(&key, "cases", case_id, "summary", &summary),
                "cases",
                case_id,
                "summary",
            );
            for (table, statement) in [("calls", &mut calls), ("call_drafts", &mut drafts)] {
                let rows = statement.query_map([case_id], |r| {
                    Ok((r.get::<_, i64>(0)?, blob(r, 1), blob(r, 2)))
                })?;
                for row in rows {
                    let (id, details, notes) = row?;
                    check(
                        opens(&key, table, id, "details", &details),
                        table,
                        id,
                        "details",
                    );
                    check(opens(&key, table, id, "notes", &notes), table, id, "notes");
                }
            }
        }
        Ok(())
    }
}

/// A column's bytes when it holds a blob; None for anything else.
fn blob(row: &rusqlite::Row<'_>, column: usize) -> Option<Vec<u8>> {
    row.get_ref(column)
        .ok()
        .and_then(|value| value.as_blob().ok())
        .map(<[u8]>::to_vec)
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

/// Marks each call (oldest first) whose assessed level rose above the previous assessed call's.
pub fn mark_escalations(calls: Vec<(i64, Call)>) -> Vec<RecordedCall> {
    let mut previous_assessed: Option<ConcernLevel> = None;
    calls
        .into_iter()
        .map(|(id, call)| {
            let level = call.content.level;
            let escalated = previous_assessed.is_some_and(|p| level.step() > p.step());
            if level != ConcernLevel::NotAssessed {
                previous_assessed = Some(level);
            }
            RecordedCall {
                id,
                call,
                escalated,
            }
        })
        .collect()
}

fn read_case_number(conn: &Connection, case: &OpenedCase) -> Result<CaseNumber> {
    let sealed: Vec<u8> =
        conn.query_row("SELECT number FROM cases WHERE id = ?1", [case.id], |r| {
            r.get(0)
        })?;
    read_number(case.id, &case.key, &sealed)
}
