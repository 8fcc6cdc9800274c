//! The baseline: the same schema and the same data in plain, unencrypted SQLite, with the same
//! connection settings and the same statements as the store, so that a ratio measures what
//! encryption costs and nothing else. Where the store seals a value, this writes it in plain:
//! the case number instead of its blind index, JSON and text instead of ciphertext, no keys.

use std::collections::BTreeMap;
use std::path::Path;

use helpline_core::store::{mark_escalations, CaseSummary, RecordedCall};
use helpline_core::tally::{count_case, MonthCounts};
use helpline_core::{Call, CallContent, CaseNumber, Month};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::Result;

/// The summary as JSON, converted like the store's own summary record (whose type is private to
/// the store), so the baseline does the same work but the sealing.
#[derive(serde::Serialize, serde::Deserialize)]
struct SummaryJson {
    open: bool,
    latest_level: helpline_core::ConcernLevel,
    highest_level: helpline_core::ConcernLevel,
    last_call_at: Option<chrono::DateTime<chrono::Utc>>,
    follow_up: Option<chrono::NaiveDate>,
    follow_up_done_at: Option<chrono::DateTime<chrono::Utc>>,
    calls: u32,
    escalated: bool,
}

impl SummaryJson {
    fn of(summary: &CaseSummary) -> Self {
        SummaryJson {
            open: summary.open,
            latest_level: summary.latest_level,
            highest_level: summary.highest_level,
            last_call_at: summary.last_call_at,
            follow_up: summary.follow_up,
            follow_up_done_at: summary.follow_up_done_at,
            calls: summary.calls,
            escalated: summary.escalated,
        }
    }

    fn summary(self) -> CaseSummary {
        CaseSummary {
            open: self.open,
            latest_level: self.latest_level,
            highest_level: self.highest_level,
            last_call_at: self.last_call_at,
            follow_up: self.follow_up,
            follow_up_done_at: self.follow_up_done_at,
            calls: self.calls,
            escalated: self.escalated,
        }
    }

    fn read(json: &[u8]) -> Result<CaseSummary> {
        Ok(serde_json::from_slice::<SummaryJson>(json)?.summary())
    }
}

pub const DATABASE_FILE: &str = "plain.db";

pub struct PlainStore {
    conn: Connection,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

fn random_id() -> i64 {
    (rand::random::<u64>() >> 1) as i64
}

impl PlainStore {
    pub fn create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let mut conn = Connection::open(dir.join(DATABASE_FILE))?;
        configure(&conn)?;
        helpline_core::store::migrations().to_latest(&mut conn)?;
        Ok(PlainStore { conn })
    }

    /// Opens the baseline, as `Store::open` plus unlock would (without any key).
    pub fn open(dir: &Path) -> Result<Self> {
        let mut conn = Connection::open(dir.join(DATABASE_FILE))?;
        configure(&conn)?;
        // As `Store::open`: an older schema is brought up to date.
        helpline_core::store::migrations().to_latest(&mut conn)?;
        let _users: i64 = conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
        Ok(PlainStore { conn })
    }

    /// Many whole cases in one transaction (the generator's bulk load).
    pub fn import_cases(&mut self, cases: &[Vec<Call>]) -> Result<Vec<CaseNumber>> {
        Ok(self
            .import_cases_with_calls(cases)?
            .into_iter()
            .map(|(number, _)| number)
            .collect())
    }

    /// As [`PlainStore::import_cases`], answering each case's number with its calls' row ids.
    pub fn import_cases_with_calls(
        &mut self,
        cases: &[Vec<Call>],
    ) -> Result<Vec<(CaseNumber, Vec<i64>)>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut numbers = Vec::with_capacity(cases.len());
        for case in cases {
            let (number, id) = new_case(&tx)?;
            let mut calls = Vec::with_capacity(case.len());
            for call in case {
                calls.push(insert_call_row(&tx, id, call)?);
            }
            write_summary(&tx, id)?;
            numbers.push((number, calls));
        }
        tx.commit()?;
        Ok(numbers)
    }

    /// A new case with its first call, durably (one transaction, as `Session::record_call`).
    pub fn record_call(&mut self, call: &Call) -> Result<CaseNumber> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (number, id) = new_case(&tx)?;
        insert_call_row(&tx, id, call)?;
        write_summary(&tx, id)?;
        tx.commit()?;
        Ok(number)
    }

    /// A finished call on the case with `number`, or on a new case, durably (one transaction,
    /// as `Session::record_call`): its case's number and the call's row id.
    pub fn add_call(
        &mut self,
        number: Option<&CaseNumber>,
        call: &Call,
    ) -> Result<(CaseNumber, i64)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (number, id) = match number {
            Some(number) => (number.clone(), case_id_in(&tx, number)?),
            None => new_case(&tx)?,
        };
        let call_id = insert_call_row(&tx, id, call)?;
        write_summary(&tx, id)?;
        tx.commit()?;
        Ok((number, call_id))
    }

    /// Files calls another desk wrote, in one transaction, and moves the position read in the
    /// other desk's log to `cursor` in the same one (as `Session::apply_changes` does): each on
    /// its case by number, the case made when this desk has not seen it, a call it has already
    /// replaced (a correction), the months' kept counts dropped and the summary recomputed.
    /// Answers how many calls were filed.
    pub fn file_calls(&mut self, calls: &[SharedCall], cursor: i64) -> Result<u64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for shared in calls {
            let call: Call = serde_json::from_str(&shared.call)?;
            let number = CaseNumber::parse(&shared.case_number)?;
            let id = match find_case_id(&tx, &number)? {
                Some(id) => id,
                None => new_case_numbered(&tx, &number)?,
            };
            let (details, notes) = plain_call(&call)?;
            tx.prepare_cached(
                "INSERT INTO calls (id, case_id, month, details, notes) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT(id) DO UPDATE SET details = excluded.details, notes = excluded.notes",
            )?
            .execute(params![
                shared.call_id,
                id,
                call.month().to_string(),
                details,
                notes
            ])?;
            tx.prepare_cached("DELETE FROM month_counts WHERE month >= ?1")?
                .execute([call.month().to_string()])?;
            write_summary(&tx, id)?;
        }
        tx.execute(
            "INSERT INTO settings (name, value) VALUES ('plain_sync', ?1) \
             ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            [serde_json::to_vec(
                &serde_json::json!({ "cursor": cursor }),
            )?],
        )?;
        tx.commit()?;
        Ok(calls.len() as u64)
    }

    /// A draft on the case with `number`, as `Session::start_call` leaves it.
    pub fn start_call(&mut self, number: &CaseNumber, call: &Call) -> Result<i64> {
        let id = self.case_id(number)?;
        let draft = random_id();
        let (details, notes) = plain_call(call)?;
        self.conn.execute(
            "INSERT INTO call_drafts (id, case_id, details, notes) VALUES (?1, ?2, ?3, ?4)",
            params![draft, id, details, notes],
        )?;
        Ok(draft)
    }

    /// One autosave, as `Session::save_draft`: read the draft, write it back with new content.
    pub fn save_draft(&mut self, draft_id: i64, content: &CallContent) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (details, notes): (Vec<u8>, Vec<u8>) = tx.query_row(
            "SELECT details, notes FROM call_drafts WHERE id = ?1",
            [draft_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut call = read_call(&details, &notes)?;
        call.content = content.clone();
        let (details, notes) = plain_call(&call)?;
        tx.execute(
            "UPDATE call_drafts SET details = ?1, notes = ?2 WHERE id = ?3",
            params![details, notes, draft_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A case's history, as `Session::case_history`: found by number, its summary and calls
    /// read, and an entry written durably to the (plain) audit trail.
    pub fn case_history(&self, number: &CaseNumber) -> Result<Vec<RecordedCall>> {
        let id = self.case_id(number)?;
        let _summary: CaseSummary = {
            let json: Vec<u8> =
                self.conn
                    .query_row("SELECT summary FROM cases WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
            SummaryJson::read(&json)?
        };
        let calls = mark_escalations(calls_of(&self.conn, id)?);
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let seq: i64 = tx.query_row(
            "SELECT coalesce(max(seq), 0) + 1 FROM audit_trail",
            [],
            |r| r.get(0),
        )?;
        let entry = serde_json::to_vec(&serde_json::json!({
            "kind": "case_opened", "case": format!("{id:016x}"), "user": "bench"
        }))?;
        tx.execute(
            "INSERT INTO audit_trail (seq, entry, chain) VALUES (?1, ?2, ?3)",
            params![seq, entry, [0u8; 32].as_slice()],
        )?;
        tx.commit()?;
        Ok(calls)
    }

    /// Every case and its summary, as `Session::list_cases`.
    pub fn list_cases(&self) -> Result<Vec<(CaseNumber, CaseSummary)>> {
        let mut statement = self.conn.prepare("SELECT number, summary FROM cases")?;
        let rows = statement.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut cases = Vec::new();
        for row in rows {
            let (number, summary) = row?;
            cases.push((CaseNumber::parse(&number)?, SummaryJson::read(&summary)?));
        }
        cases.sort_by_key(|(_, s): &(CaseNumber, CaseSummary)| std::cmp::Reverse(s.last_call_at));
        Ok(cases)
    }

    /// What statistics are published from, as `Session::month_counts` (no retired counts):
    /// past months kept once counted, the rest counted from the cases' calls.
    pub fn month_counts(&self, months: &[Month]) -> Result<Vec<(Month, MonthCounts)>> {
        let this_month = Month::of(chrono::Utc::now());
        let mut counts = BTreeMap::new();
        let mut missing = Vec::new();
        for &month in months {
            let kept: Option<Vec<u8>> = self
                .conn
                .prepare_cached("SELECT counts FROM month_counts WHERE month = ?1")?
                .query_row([month.to_string()], |r| r.get(0))
                .optional()?;
            match kept {
                Some(json) if month < this_month => {
                    counts.insert(month, serde_json::from_slice(&json)?);
                }
                _ => missing.push(month),
            }
        }
        if !missing.is_empty() {
            let tx =
                rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let mut ids = std::collections::BTreeSet::new();
            let mut in_month =
                tx.prepare_cached("SELECT DISTINCT case_id FROM calls WHERE month = ?1")?;
            for month in &missing {
                for id in in_month.query_map([month.to_string()], |r| r.get::<_, i64>(0))? {
                    ids.insert(id?);
                }
            }
            let mut key = tx.prepare_cached("SELECT wrapped_key FROM cases WHERE id = ?1")?;
            let mut live = BTreeMap::new();
            for id in ids {
                let _no_key: Vec<u8> = key.query_row([id], |r| r.get(0))?;
                let case = mark_escalations(calls_without_notes_of(&tx, id)?);
                count_case(&case, |m| missing.contains(&m), &mut live);
            }
            drop((in_month, key));
            for month in missing {
                let month_counts: MonthCounts = live.remove(&month).unwrap_or_default();
                if month < this_month {
                    tx.execute(
                        "INSERT INTO month_counts (month, counts) VALUES (?1, ?2) \
                         ON CONFLICT(month) DO UPDATE SET counts = excluded.counts",
                        params![month.to_string(), serde_json::to_vec(&month_counts)?],
                    )?;
                }
                counts.insert(month, month_counts);
            }
            tx.commit()?;
        }
        Ok(months
            .iter()
            .map(|m| (*m, counts.get(m).cloned().unwrap_or_default()))
            .collect())
    }

    fn case_id(&self, number: &CaseNumber) -> Result<i64> {
        case_id_in(&self.conn, number)
    }
}

/// A call as the plain baseline shares it with other desks: its row id, its case's number and
/// the call as JSON, all in plain (`plain_sync`).
#[derive(Debug, Clone)]
pub struct SharedCall {
    pub call_id: i64,
    pub case_number: String,
    pub call: String,
}

fn case_id_in(conn: &Connection, number: &CaseNumber) -> Result<i64> {
    Ok(find_case_id(conn, number)?.ok_or(helpline_core::Error::NoSuchCase)?)
}

fn find_case_id(conn: &Connection, number: &CaseNumber) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM cases WHERE number_index = ?1")?
        .query_row([number.canonical().as_bytes()], |r| r.get(0))
        .optional()?)
}

/// A case another desk made, under the number it was given there.
fn new_case_numbered(conn: &Connection, number: &CaseNumber) -> Result<i64> {
    let id = random_id();
    let canonical = number.canonical();
    conn.prepare_cached(
        "INSERT INTO cases (id, number_index, wrapped_key, number, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, canonical.as_bytes(), [0u8; 0].as_slice(), canonical.as_str(), b"{}".as_slice()])?;
    Ok(id)
}

/// A case with a fresh number, drawn again while it is taken, as the store does.
fn new_case(conn: &Connection) -> Result<(CaseNumber, i64)> {
    let number = loop {
        let number = CaseNumber::random();
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE number_index = ?1)",
            [number.canonical().as_bytes()],
            |r| r.get(0),
        )?;
        if !taken {
            break number;
        }
    };
    let id = random_id();
    let canonical = number.canonical();
    conn.execute(
        "INSERT INTO cases (id, number_index, wrapped_key, number, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, canonical.as_bytes(), [0u8; 0].as_slice(), canonical.as_str(), b"{}".as_slice()],
    )?;
    Ok((number, id))
}

/// The call as the store splits it: everything but the notes as JSON, the notes as text.
fn plain_call(call: &Call) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut without_notes = call.clone();
    let notes = std::mem::take(&mut without_notes.content.notes);
    Ok((serde_json::to_vec(&without_notes)?, notes.into_bytes()))
}

fn read_call(details: &[u8], notes: &[u8]) -> Result<Call> {
    let mut call: Call = serde_json::from_slice(details)?;
    call.content.notes = String::from_utf8(notes.to_vec())?;
    Ok(call)
}

fn insert_call_row(conn: &Connection, case_id: i64, call: &Call) -> Result<i64> {
    let (details, notes) = plain_call(call)?;
    let call_id = random_id();
    conn.execute(
        "INSERT INTO calls (id, case_id, month, details, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![call_id, case_id, call.month().to_string(), details, notes],
    )?;
    conn.prepare_cached("DELETE FROM month_counts WHERE month >= ?1")?
        .execute([call.month().to_string()])?;
    Ok(call_id)
}

fn calls_of(conn: &Connection, case_id: i64) -> Result<Vec<(i64, Call)>> {
    let mut statement =
        conn.prepare_cached("SELECT id, details, notes FROM calls WHERE case_id = ?1")?;
    let rows = statement.query_map([case_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut calls = Vec::new();
    for row in rows {
        let (id, details, notes) = row?;
        calls.push((id, read_call(&details, &notes)?));
    }
    calls.sort_by_key(|(id, call)| (call.started_at, *id));
    Ok(calls)
}

fn calls_without_notes_of(conn: &Connection, case_id: i64) -> Result<Vec<(i64, Call)>> {
    let mut statement = conn.prepare_cached("SELECT id, details FROM calls WHERE case_id = ?1")?;
    let rows = statement.query_map([case_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut calls = Vec::new();
    for row in rows {
        let (id, details) = row?;
        calls.push((id, serde_json::from_slice::<Call>(&details)?));
    }
    calls.sort_by_key(|(id, call)| (call.started_at, *id));
    Ok(calls)
}

fn write_summary(conn: &Connection, case_id: i64) -> Result<()> {
    let summary = CaseSummary::of(true, None, &mark_escalations(calls_of(conn, case_id)?));
    conn.execute(
        "UPDATE cases SET summary = ?1 WHERE id = ?2",
        params![serde_json::to_vec(&SummaryJson::of(&summary))?, case_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Generator;

    #[test]
    fn a_call_shared_in_plain_is_filed_on_its_case_at_the_other_desk_once() {
        let root = tempfile::tempdir().unwrap();
        let mut a = PlainStore::create(&root.path().join("a")).unwrap();
        let mut b = PlainStore::create(&root.path().join("b")).unwrap();
        let mut generator = Generator::new(3);
        let case = generator.case();
        let mut shared = Vec::new();
        let mut number = None;
        for call in case.iter().take(2) {
            let (n, call_id) = a.add_call(number.as_ref(), call).unwrap();
            shared.push(SharedCall {
                call_id,
                case_number: n.canonical(),
                call: serde_json::to_string(call).unwrap(),
            });
            number = Some(n);
        }
        let number = number.unwrap();
        assert_eq!(b.file_calls(&shared, 2).unwrap(), 2);
        // Filed again (a pull read twice), nothing changes.
        b.file_calls(&shared, 2).unwrap();
        let strip = |calls: Vec<RecordedCall>| -> Vec<_> {
            calls.into_iter().map(|c| (c.call, c.escalated)).collect()
        };
        let at_b = strip(b.case_history(&number).unwrap());
        assert_eq!(at_b.len(), 2);
        assert!(at_b == strip(a.case_history(&number).unwrap()));
    }
}
