//! What a session does with cases and calls: starting a call (which reserves the case number
//! at once), autosaving it as a draft, ending it, reading cases back, forgetting one. The rows
//! themselves are written by `store/case_rows.rs`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::audit::{self, case_reference, AuditAction};
use super::case_rows::{
    calls_without_notes_of, checkpoint, destroy_case, draft_ids, find_case, has_finished_call,
    insert_call, insert_call_row, load_call, load_draft, new_case, next_content, open_number,
    open_summary, read_case_number, read_summary, recompute_summary, rewrite_call, taken_calls_of,
    unwrap_case_key, write_draft, write_summary, OpenedCase,
};
use super::records::TakenCall;
use super::session::Session;
use super::{month_counts, publications, schema, sync_rows};
use crate::case::{
    correctable_until, mark_escalations, CallDraft, CaseHistory, CaseList, CaseOverview, CaseQuery,
    CaseSummary, RecordedCall, CORRECTION_WINDOW,
};
use crate::case_number::CaseNumber;
use crate::crypto;
use crate::domain::{Call, CallContent, Month};
use crate::error::{Error, Result};
use crate::tally::count_case;

/// What forgetting a case could not reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForgottenCase {
    /// When each backup that may still hold the case was taken (every backup since its first
    /// call), oldest first: they open with the passphrases and recovery code valid then, so
    /// they should be destroyed.
    pub backups_holding_it: Vec<DateTime<Utc>>,
}

#[cfg(test)]
impl Session {
    /// Moves a draft's start to `started_at`, as if the app had been closed mid-call then.
    pub(super) fn backdate_draft(&mut self, draft_id: i64, started_at: DateTime<Utc>) {
        super::case_rows::rewrite_draft_start(self.conn(), &self.keys, draft_id, started_at);
    }
}

impl Session {
    /// Starts a call: on a new case (its number is drawn and reserved at once) or on the case
    /// with `number`. The call exists as a draft until [`Session::end_call`].
    pub fn start_call(&mut self, number: Option<&CaseNumber>) -> Result<CallDraft> {
        self.write(|w| {
            let (number, case, content) = match number {
                Some(number) => {
                    let case = find_case(w, w.keys, number)?;
                    let content = next_content(w, &case)?;
                    (number.clone(), case, content)
                }
                None => {
                    let (number, case) = new_case(w, w.keys)?;
                    (number, case, CallContent::blank())
                }
            };
            let new_case = !has_finished_call(w, &case)?;
            let draft = CallDraft {
                draft_id: crypto::random_row_id(),
                number,
                started_at: Utc::now(),
                content,
                new_case,
                case: (!new_case).then(|| read_summary(w, &case)).transpose()?,
            };
            write_draft(
                w,
                &case,
                draft.draft_id,
                &Call {
                    started_at: draft.started_at,
                    ended_at: None,
                    content: draft.content.clone(),
                },
            )?;
            Ok(draft)
        })
    }

    /// Autosave: replaces what the draft holds. Durable when it returns.
    pub fn save_draft(&mut self, draft_id: i64, content: &CallContent) -> Result<()> {
        content.check_limits()?;
        self.write(|w| {
            let (case, saved) = load_draft(w, w.keys, draft_id)?;
            write_draft(
                w,
                &case,
                draft_id,
                &Call {
                    content: content.clone(),
                    ..saved
                },
            )
        })
    }

    /// Ends the call: it becomes a finished call on its case, and the draft is gone, in one
    /// transaction. Returns the case number.
    pub fn end_call(&mut self, draft_id: i64, content: &CallContent) -> Result<CaseNumber> {
        self.check_referrals_known(content)?;
        self.write(|w| {
            let (case, saved) = load_draft(w, w.keys, draft_id)?;
            let call = Call {
                started_at: saved.started_at,
                ended_at: Some(Utc::now().max(saved.started_at)),
                content: content.clone(),
            };
            call.validate()?;
            insert_call(w, w.keys, &case, &call, Some(self.user_id))?;
            w.execute("DELETE FROM call_drafts WHERE id = ?1", [draft_id])?;
            read_case_number(w, &case)
        })
    }

    /// Throws a call away (started by mistake). A new case that never got a call goes with it.
    pub fn discard_call(&mut self, draft_id: i64) -> Result<()> {
        self.write(|w| {
            let case_id: i64 = w
                .query_row(
                    "SELECT case_id FROM call_drafts WHERE id = ?1",
                    [draft_id],
                    |r| r.get(0),
                )
                .map_err(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Error::NoSuchCall,
                    other => other.into(),
                })?;
            w.execute("DELETE FROM call_drafts WHERE id = ?1", [draft_id])?;
            w.execute(
                "DELETE FROM cases WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM calls WHERE case_id = ?1) \
                 AND NOT EXISTS (SELECT 1 FROM call_drafts WHERE case_id = ?1)",
                [case_id],
            )?;
            Ok(())
        })
    }

    /// Calls that were started but not ended (the app was closed, or the power went), with what
    /// was last autosaved, oldest first.
    pub fn unfinished_calls(&self) -> Result<Vec<CallDraft>> {
        let mut drafts = Vec::new();
        for draft_id in draft_ids(self.conn())? {
            let (case, call) = load_draft(self.conn(), &self.keys, draft_id)?;
            let number = read_case_number(self.conn(), &case)?;
            let new_case = !has_finished_call(self.conn(), &case)?;
            drafts.push(CallDraft {
                draft_id,
                number,
                started_at: call.started_at,
                content: call.content,
                new_case,
                case: (!new_case)
                    .then(|| read_summary(self.conn(), &case))
                    .transpose()?,
            });
        }
        drafts.sort_by_key(|d| d.started_at);
        Ok(drafts)
    }

    /// The case number of the call in progress `draft_id` (`NoSuchCall` once it has ended).
    pub fn draft_case_number(&self, draft_id: i64) -> Result<CaseNumber> {
        let (case, _) = load_draft(self.conn(), &self.keys, draft_id)?;
        read_case_number(self.conn(), &case)
    }

    /// Records a whole call at once (the CLI's way): on a new case when `number` is None (the
    /// new number is returned), or on the case with that number.
    pub fn record_call(&mut self, number: Option<&CaseNumber>, call: &Call) -> Result<CaseNumber> {
        call.validate()?;
        self.check_referrals_known(&call.content)?;
        self.write(|w| {
            publications::refuse_published(
                &publications::published_months(w, w.keys)?,
                call.month(),
            )?;
            let (number, case) = match number {
                Some(number) => (number.clone(), find_case(w, w.keys, number)?),
                None => new_case(w, w.keys)?,
            };
            insert_call(w, w.keys, &case, call, Some(self.user_id))?;
            Ok(number)
        })
    }

    /// Many whole cases at once, each a list of finished calls, in one transaction: for bulk
    /// loading (the benchmarks' data). Supervisors only. Returns each case's new number.
    pub fn import_cases(&mut self, cases: &[Vec<Call>]) -> Result<Vec<CaseNumber>> {
        self.require_supervisor()?;
        for call in cases.iter().flatten() {
            call.validate()?;
            self.check_referrals_known(&call.content)?;
        }
        self.write(|w| {
            let published = publications::published_months(w, w.keys)?;
            for call in cases.iter().flatten() {
                publications::refuse_published(&published, call.month())?;
            }
            let mut numbers = Vec::with_capacity(cases.len());
            for calls in cases {
                let (number, case) = new_case(w, w.keys)?;
                // Bulk-loaded calls name no taker, so nobody corrects them.
                for call in calls {
                    insert_call_row(w, w.keys, &case, call, None)?;
                }
                let mut ordered: Vec<(i64, Call)> = calls
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, c)| (i as i64, c))
                    .collect();
                ordered.sort_by_key(|(i, call)| (call.started_at, *i));
                write_summary(
                    w,
                    &case,
                    &CaseSummary::of(true, None, &mark_escalations(ordered)),
                )?;
                numbers.push(number);
            }
            Ok(numbers)
        })
    }

    /// A case's finished calls, oldest first, with escalations marked, and until when this
    /// session's user may correct the calls they took. A call whose sealed values do not
    /// authenticate is a damaged-record error for that row; other cases are unaffected. A
    /// history read whole is recorded in the audit trail (by a reference to the case's row,
    /// never its number).
    pub fn case_history(&self, number: &CaseNumber) -> Result<CaseHistory> {
        self.write(|w| {
            let case = find_case(w, w.keys, number)?;
            let summary = read_summary(w, &case)?;
            let (calls, takers): (Vec<_>, Vec<_>) = taken_calls_of(w, &case)?
                .into_iter()
                .map(|(id, taken)| ((id, taken.call), taken.taken_by))
                .unzip();
            let now = Utc::now();
            let calls = mark_escalations(calls)
                .into_iter()
                .zip(takers)
                .map(|(recorded, taken_by)| {
                    let until = correctable_until(&recorded.call);
                    RecordedCall {
                        correctable_until: (taken_by == Some(self.user_id) && now < until)
                            .then_some(until),
                        ..recorded
                    }
                })
                .collect();
            w.audit(AuditAction::CaseOpened {
                case: case_reference(case.id),
            })?;
            Ok(CaseHistory {
                number: number.clone(),
                open: summary.open,
                calls,
            })
        })
    }

    /// Corrects a finished call: only the user who took it, within [`CORRECTION_WINDOW`] of
    /// its end. Its times stay; the case's summary and the kept counts follow in the same
    /// transaction. A correction that would change what a published month counts is refused
    /// (the notes and next steps, which are not counted, may still be corrected). Audited by
    /// the names of the fields that changed, never their values. Returns the case's history.
    pub fn correct_call(&mut self, call_id: i64, content: &CallContent) -> Result<CaseHistory> {
        content.validate()?;
        self.check_referrals_known(content)?;
        let number = self.write(|w| {
            let (case, taken) = load_call(w, w.keys, call_id)?;
            if taken.taken_by != Some(self.user_id) {
                return Err(Error::NotYourCall);
            }
            if Utc::now() >= correctable_until(&taken.call) {
                return Err(Error::CorrectionWindowClosed {
                    hours: CORRECTION_WINDOW.num_hours(),
                });
            }
            let fields = changed_fields(&taken.call.content, content)?;
            let changed = changed_months(w, &case, call_id, content)?;
            let published = publications::published_months(w, w.keys)?;
            if let Some(month) = changed.iter().find(|m| published.contains(m)) {
                return Err(Error::CorrectionChangesPublished { month: *month });
            }
            let call = Call {
                content: content.clone(),
                ..taken.call
            };
            let corrected = TakenCall {
                month: taken.month,
                call,
                taken_by: taken.taken_by,
            };
            rewrite_call(w, w.keys, &case, call_id, &corrected)?;
            if let Some(first) = changed.first() {
                month_counts::forget_from(w, *first)?;
            }
            recompute_summary(w, &case)?;
            w.audit(AuditAction::CallCorrected {
                case: case_reference(case.id),
                fields,
            })?;
            read_case_number(w, &case)
        })?;
        self.case_history(&number)
    }

    /// A case's summary, without its calls or notes: what a screen shows before it acts on a
    /// case (forgetting it, say). Opens nothing else, so nothing is audited.
    pub fn case_overview(&self, number: &CaseNumber) -> Result<CaseOverview> {
        let case = find_case(self.conn(), &self.keys, number)?;
        Ok(CaseOverview {
            number: number.clone(),
            summary: read_summary(self.conn(), &case)?,
        })
    }

    /// Every case with its summary, most recent call first.
    pub fn list_cases(&self) -> Result<Vec<CaseOverview>> {
        let mut cases = Vec::new();
        for (case, summary, number) in self.summaries()? {
            cases.push(CaseOverview {
                number: open_number(&case, &number)?,
                summary,
            });
        }
        cases.sort_by_key(|c| std::cmp::Reverse(c.summary.last_call_at));
        Ok(cases)
    }

    /// The cases that `query` asks for, in its order, and how many there are. Every summary is
    /// opened (they are sealed), but only the listed cases' numbers.
    pub fn cases(&self, query: &CaseQuery) -> Result<CaseList> {
        query.check()?;
        let mut matching: Vec<_> = self
            .summaries()?
            .into_iter()
            .filter(|(_, summary, _)| query.matches(summary))
            .collect();
        query
            .order
            .sort(&mut matching, |(case, summary, _)| (case.id, summary));
        let total = matching.len() as u64;
        matching.truncate(query.limit);
        let cases = matching
            .into_iter()
            .map(|(case, summary, number)| {
                Ok(CaseOverview {
                    number: open_number(&case, &number)?,
                    summary,
                })
            })
            .collect::<Result<_>>()?;
        Ok(CaseList { cases, total })
    }

    /// Every case with its key and opened summary, and its number still sealed.
    fn summaries(&self) -> Result<Vec<(OpenedCase, CaseSummary, Vec<u8>)>> {
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
            let case = OpenedCase {
                id,
                key: unwrap_case_key(&self.keys, id, &wrapped)?,
            };
            let summary = open_summary(&case, &summary)?;
            cases.push((case, summary, number));
        }
        Ok(cases)
    }

    /// Destroys a case for good (supervisors), for a caller who asks. Its anonymous monthly
    /// counts stay, so published statistics do not change (see `store/month_counts.rs`).
    ///
    /// Backups are copies this store cannot reach: the answer names the backups taken since the
    /// case began, which still hold it under the same keys, so that they can be destroyed.
    /// A file changed outside Helpline (a trigger that ignores the delete, say) fails loudly,
    /// and the failure is kept in the audit trail.
    pub fn forget_case(&mut self, number: &CaseNumber) -> Result<ForgottenCase> {
        self.require_supervisor()?;
        let mut reference = None;
        let forgotten = self.write(|w| {
            let case = find_case(w, w.keys, number)?;
            reference = Some(case_reference(case.id));
            let began = calls_without_notes_of(w, &case)?
                .first()
                .map(|(_, call)| call.started_at);
            schema::check(w)?;
            destroy_case(w, w.keys, &case)?;
            w.audit(AuditAction::CaseForgotten {
                case: case_reference(case.id),
            })?;
            Ok(began)
        });
        let began = self.noting_failed_destroy(forgotten, reference)?;
        checkpoint(self.conn())?;
        // The trail reads newest first.
        let backups_holding_it = audit::entries(self.conn(), &self.keys)?
            .into_iter()
            .rev()
            .filter(|entry| entry.action == AuditAction::BackupTaken)
            .filter(|entry| began.is_none_or(|began| entry.at >= began))
            .map(|entry| entry.at)
            .collect();
        Ok(ForgottenCase { backups_holding_it })
    }

    /// `outcome` of a change that destroys cases, with `case` the one it was destroying. A file
    /// changed outside Helpline (a trigger that ignores the delete, a table beside ours) rolled
    /// the change back: that is recorded in the trail, in its own transaction, and stays an error.
    pub(super) fn noting_failed_destroy<T>(
        &self,
        outcome: Result<T>,
        case: Option<String>,
    ) -> Result<T> {
        match (outcome, case) {
            (
                Err(e @ (Error::SchemaChanged { .. } | Error::DestroyIncomplete { .. })),
                Some(case),
            ) => {
                self.audited(AuditAction::ForgetFailed {
                    case,
                    reason: e.code().to_owned(),
                })?;
                Err(e)
            }
            (outcome, _) => outcome,
        }
    }

    /// Marks the case's pending follow-up done outside a call (the volunteer rang back from the
    /// cases list and it is settled), recorded in the audit trail. The mark is kept with the
    /// case, so it holds when the summary is recomputed; a call after it may agree a new one.
    /// With nothing pending, nothing is written.
    pub fn mark_follow_up_done(&mut self, number: &CaseNumber) -> Result<CaseOverview> {
        self.write(|w| {
            let case = find_case(w, w.keys, number)?;
            let mut summary = read_summary(w, &case)?;
            if summary.follow_up.is_some() {
                summary.follow_up = None;
                summary.follow_up_done_at = Some(Utc::now());
                write_summary(w, &case, &summary)?;
                sync_rows::share_case_state(
                    w,
                    w.keys,
                    case.id,
                    summary.open,
                    summary.follow_up_done_at,
                )?;
                w.audit(AuditAction::FollowUpDone {
                    case: case_reference(case.id),
                })?;
            }
            Ok(CaseOverview {
                number: number.clone(),
                summary,
            })
        })
    }

    /// Marks a case open or closed (closed cases drop out of the default cases list).
    pub fn set_case_open(&mut self, number: &CaseNumber, open: bool) -> Result<()> {
        self.write(|w| {
            let case = find_case(w, w.keys, number)?;
            let mut summary = read_summary(w, &case)?;
            summary.open = open;
            write_summary(w, &case, &summary)?;
            sync_rows::share_case_state(w, w.keys, case.id, open, summary.follow_up_done_at)
        })
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
}

/// The months whose counts would change if call `call_id` of `case` had `content`: the
/// case's whole history counted both ways (a level changed in one month can make a later
/// month's call a rise), by the one counting rule, `tally::count_case`. Oldest first.
fn changed_months(
    conn: &rusqlite::Connection,
    case: &OpenedCase,
    call_id: i64,
    content: &CallContent,
) -> Result<Vec<Month>> {
    let before = calls_without_notes_of(conn, case)?;
    let after: Vec<(i64, Call)> = before
        .iter()
        .map(|(id, call)| {
            let call = if *id == call_id {
                Call {
                    content: content.clone(),
                    ..call.clone()
                }
            } else {
                call.clone()
            };
            (*id, call)
        })
        .collect();
    let count = |calls: Vec<(i64, Call)>| {
        let mut counts = BTreeMap::new();
        count_case(&mark_escalations(calls), |_| true, &mut counts);
        counts
    };
    let (before, after) = (count(before), count(after));
    let months: BTreeSet<Month> = before.keys().chain(after.keys()).copied().collect();
    Ok(months
        .into_iter()
        .filter(|m| before.get(m) != after.get(m))
        .collect())
}

/// The names of the content's fields that differ, as the audit trail records them.
fn changed_fields(before: &CallContent, after: &CallContent) -> Result<Vec<String>> {
    let fields = |content: &CallContent| {
        serde_json::to_value(content).map_err(|e| Error::Storage(e.to_string()))
    };
    let (before, after) = (fields(before)?, fields(after)?);
    let mut changed: Vec<String> = after
        .as_object()
        .map(|fields| {
            fields
                .iter()
                .filter(|(name, value)| before.get(name.as_str()) != Some(*value))
                .map(|(name, _)| name.clone())
                .collect()
        })
        .unwrap_or_default();
    // In one order whatever JSON maps keep.
    changed.sort();
    Ok(changed)
}
