//! What a case is, apart from how it is stored: its summary, its calls as read back, and the
//! questions the cases list asks of it.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::Serialize;

use crate::case_number::CaseNumber;
use crate::domain::{Call, CallContent, ConcernLevel};
use crate::error::{Error, Result};

/// What the cases list shows of a case without opening its calls; kept up to date on every
/// finished call and sealed in `cases.summary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub open: bool,
    pub latest_level: ConcernLevel,
    pub highest_level: ConcernLevel,
    pub last_call_at: Option<DateTime<Utc>>,
    /// The follow-up still to be done: set by the last call that agreed one, until a later
    /// call did it or it was marked done.
    pub follow_up: Option<NaiveDate>,
    /// When the case's follow-up was last marked done outside a call (from the cases list).
    /// Kept with the case, not derived from its calls, so recomputing the summary from the
    /// calls keeps the mark; only a call decided after it can set a new follow-up.
    pub follow_up_done_at: Option<DateTime<Utc>>,
    pub calls: u32,
    /// The latest assessed call's level rose above the assessed call before it: news a
    /// supervisor must see in the cases list, not only in the history.
    pub escalated: bool,
}

impl CaseSummary {
    pub fn new() -> Self {
        CaseSummary {
            open: true,
            latest_level: ConcernLevel::NotAssessed,
            highest_level: ConcernLevel::NotAssessed,
            last_call_at: None,
            follow_up: None,
            follow_up_done_at: None,
            calls: 0,
            escalated: false,
        }
    }

    /// The summary of a case's whole history (oldest first, escalations marked), with what the
    /// case itself keeps: whether it is open, and when its follow-up was marked done.
    pub fn of(
        open: bool,
        follow_up_done_at: Option<DateTime<Utc>>,
        calls: &[RecordedCall],
    ) -> Self {
        let mut summary = CaseSummary {
            open,
            follow_up_done_at,
            ..CaseSummary::new()
        };
        // The follow-up agreed last and when that was decided (the call's end: a call in
        // progress when the follow-up was marked done still decides after the mark).
        let mut follow_up: Option<(NaiveDate, DateTime<Utc>)> = None;
        for recorded in calls {
            let call = &recorded.call;
            summary.add(call);
            if let Some(day) = call.content.follow_up {
                follow_up = Some((day, call.ended_at.unwrap_or(call.started_at)));
            } else if call.content.follow_up_done {
                follow_up = None;
            }
        }
        summary.follow_up = follow_up
            .filter(|(_, decided)| follow_up_done_at.is_none_or(|done| *decided > done))
            .map(|(day, _)| day);
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
        }
        if call.content.level.step() > self.highest_level.step() {
            self.highest_level = call.content.level;
        }
        self.calls += 1;
    }
}

impl Default for CaseSummary {
    fn default() -> Self {
        CaseSummary::new()
    }
}

/// How long after a call ended the volunteer who took it may still correct it: the rest of
/// a shift, so a slip noticed after the caller hung up can be put right, but a record is not
/// rewritten long after.
pub const CORRECTION_WINDOW: TimeDelta = TimeDelta::hours(12);

/// Until when a finished call may be corrected (by the volunteer who took it). A call whose
/// end was not recorded counts from its start.
pub fn correctable_until(call: &Call) -> DateTime<Utc> {
    call.ended_at.unwrap_or(call.started_at) + CORRECTION_WINDOW
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
    /// Until when the user who read the case may correct this call: set only for the user
    /// who took it, while [`CORRECTION_WINDOW`] lasts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correctable_until: Option<DateTime<Utc>>,
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
                correctable_until: None,
            }
        })
        .collect()
}

/// A case's calls, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseHistory {
    #[serde(skip)]
    pub number: CaseNumber,
    pub open: bool,
    pub calls: Vec<RecordedCall>,
}

/// A case as the cases list and the "forget a case" screen show it: its summary, no notes.
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
    /// The case has no finished call yet: this call opened it.
    pub new_case: bool,
    /// The case's summary as the call found it (None for a new case), so the call screen can
    /// show the case's last level and follow-up.
    pub case: Option<CaseSummary>,
}

/// Most cases one list gives; the rest are counted in [`CaseList::total`].
pub const MAX_LISTED_CASES: usize = 200;

/// Where a case's follow-up stands on a day: the one rule for "overdue" and "due today".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FollowUpState {
    /// Its day has passed.
    Overdue,
    Today,
    Later,
}

impl FollowUpState {
    /// None when the case has no follow-up pending.
    pub fn of(follow_up: Option<NaiveDate>, today: NaiveDate) -> Option<Self> {
        follow_up.map(|due| match due.cmp(&today) {
            std::cmp::Ordering::Less => FollowUpState::Overdue,
            std::cmp::Ordering::Equal => FollowUpState::Today,
            std::cmp::Ordering::Greater => FollowUpState::Later,
        })
    }
}

/// The order of the cases list, to help decide whom to call first. Ties are broken by the
/// case's row, so the same store lists the same way every time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseOrder {
    /// Follow-ups overdue on `today`, then due today, then later (each earliest first), then
    /// cases with none; within each, the latest level highest first, then the last call
    /// newest first.
    FollowUp { today: NaiveDate },
    /// The latest level highest first, then the last call newest first.
    Level,
    /// The last call newest first (a case without calls last).
    LastCall,
}

impl CaseOrder {
    /// Sorts `cases` (each with its row id, for ties) in this order.
    pub fn sort<T>(self, cases: &mut [T], of: impl Fn(&T) -> (i64, &CaseSummary)) {
        use std::cmp::Reverse;
        match self {
            CaseOrder::FollowUp { today } => cases.sort_by_key(|item| {
                let (id, summary) = of(item);
                let state = FollowUpState::of(summary.follow_up, today);
                (
                    // Cases with none last.
                    state.is_none(),
                    state,
                    Reverse(summary.latest_level.step()),
                    summary.follow_up,
                    Reverse(summary.last_call_at),
                    id,
                )
            }),
            CaseOrder::Level => cases.sort_by_key(|item| {
                let (id, summary) = of(item);
                (
                    Reverse(summary.latest_level.step()),
                    Reverse(summary.last_call_at),
                    id,
                )
            }),
            CaseOrder::LastCall => cases.sort_by_key(|item| {
                let (id, summary) = of(item);
                (Reverse(summary.last_call_at), id)
            }),
        }
    }
}

/// Which cases to list: all three conditions hold for each case listed. Cases come in `order`,
/// at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseQuery {
    /// Only cases not closed.
    pub open_only: bool,
    /// Only cases whose follow-up date is this day or earlier.
    pub due_by: Option<NaiveDate>,
    /// Only cases whose latest level is at least this step (0: any, up to 3).
    pub min_step: u8,
    /// 1 to [`MAX_LISTED_CASES`].
    pub limit: usize,
    pub order: CaseOrder,
}

impl CaseQuery {
    /// Every case, as many as one list gives, most recent call first.
    pub fn all() -> Self {
        CaseQuery {
            open_only: false,
            due_by: None,
            min_step: 0,
            limit: MAX_LISTED_CASES,
            order: CaseOrder::LastCall,
        }
    }

    pub fn check(&self) -> Result<()> {
        let top = ConcernLevel::InTransitCountry.step();
        if self.min_step > top {
            return Err(Error::OutOfRange {
                field: "min_step",
                min: 0,
                max: u64::from(top),
            });
        }
        if !(1..=MAX_LISTED_CASES).contains(&self.limit) {
            return Err(Error::OutOfRange {
                field: "limit",
                min: 1,
                max: MAX_LISTED_CASES as u64,
            });
        }
        Ok(())
    }

    pub fn matches(&self, summary: &CaseSummary) -> bool {
        (!self.open_only || summary.open)
            && self
                .due_by
                .is_none_or(|day| summary.follow_up.is_some_and(|due| due <= day))
            && summary.latest_level.step() >= self.min_step
    }
}

/// The cases a [`CaseQuery`] found: the first `limit` of them, and how many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseList {
    pub cases: Vec<CaseOverview>,
    pub total: u64,
}
