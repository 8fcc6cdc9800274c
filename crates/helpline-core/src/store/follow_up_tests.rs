//! A follow-up stays with its case until someone marks it done or changes it (issue 12).

use chrono::{Duration, NaiveDate, TimeZone, Utc};

use super::tests::{call_at, case_id, new_store};
use super::*;
use crate::case::CaseOrder;
use crate::domain::ConcernLevel;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn due_by(session: &Session, by: NaiveDate) -> Vec<crate::CaseNumber> {
    let query = CaseQuery {
        due_by: Some(by),
        ..CaseQuery::all()
    };
    session
        .cases(&query)
        .unwrap()
        .cases
        .into_iter()
        .map(|c| c.number)
        .collect()
}

#[test]
fn a_call_that_sets_no_follow_up_leaves_the_cases_follow_up_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    let mut first = call_at(t0, ConcernLevel::WishToLeave, "we agreed a call-back");
    first.content.follow_up = Some(day(5, 8));
    let number = session.record_call(None, &first).unwrap();
    let risen = call_at(
        t0 + Duration::days(2),
        ConcernLevel::InTransitCountry,
        "he left",
    );
    session.record_call(Some(&number), &risen).unwrap();

    let overview = session.case_overview(&number).unwrap();
    assert_eq!(overview.summary.follow_up, Some(day(5, 8)));
    assert_eq!(
        overview.summary.latest_level,
        ConcernLevel::InTransitCountry
    );
    assert_eq!(due_by(&session, day(5, 8)), vec![number.clone()]);

    // A call that did the follow-up clears it; a later one that agrees a new one sets it.
    let mut rang_back = call_at(t0 + Duration::days(7), ConcernLevel::InTransitCountry, "x");
    rang_back.content.follow_up_done = true;
    session.record_call(Some(&number), &rang_back).unwrap();
    assert_eq!(
        session.case_overview(&number).unwrap().summary.follow_up,
        None
    );
    let mut again = call_at(t0 + Duration::days(9), ConcernLevel::InTransitCountry, "y");
    again.content.follow_up = Some(day(5, 20));
    session.record_call(Some(&number), &again).unwrap();
    assert_eq!(
        session.case_overview(&number).unwrap().summary.follow_up,
        Some(day(5, 20))
    );
}

#[test]
fn a_follow_up_marked_done_stays_done_until_a_later_call_sets_another() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    let mut first = call_at(t0, ConcernLevel::WishToLeave, "a");
    first.content.follow_up = Some(day(5, 8));
    let number = session.record_call(None, &first).unwrap();

    let overview = session.mark_follow_up_done(&number).unwrap();
    assert_eq!(overview.summary.follow_up, None);
    assert!(due_by(&session, day(12, 31)).is_empty());
    let audited = session.audit_trail().unwrap();
    assert_eq!(
        audited[0].action,
        AuditAction::FollowUpDone {
            case: audit::case_reference(case_id(&session, &number))
        }
    );

    // The summary is recomputed from the calls when one is added, even one from before the
    // mark (recorded late): the mark still holds.
    let late = call_at(t0 + Duration::days(1), ConcernLevel::WishToLeave, "b");
    session.record_call(Some(&number), &late).unwrap();
    assert_eq!(
        session.case_overview(&number).unwrap().summary.follow_up,
        None
    );

    // A call taken after the mark may agree a new one.
    let draft = session.start_call(Some(&number)).unwrap();
    let mut content = draft.content.clone();
    content.follow_up = Some(day(12, 24));
    session.end_call(draft.draft_id, &content).unwrap();
    assert_eq!(due_by(&session, day(12, 24)), vec![number.clone()]);

    // Nothing pending: marking done again changes nothing and records nothing.
    let entries = session.audit_trail().unwrap().len();
    session.mark_follow_up_done(&number).unwrap();
    session.mark_follow_up_done(&number).unwrap();
    assert_eq!(session.audit_trail().unwrap().len(), entries + 1);
}

#[test]
fn the_cases_list_puts_whom_to_call_first_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let today = chrono::Local::now().date_naive();
    let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    // (level, follow-up in days from today, days after t0 of the call)
    let cases: Vec<_> = [
        (ConcernLevel::StrongInterest, None, 9),
        (ConcernLevel::StrongInterest, Some(3), 8),
        (ConcernLevel::StrongInterest, Some(0), 7),
        (ConcernLevel::StrongInterest, Some(-2), 6),
        (ConcernLevel::InTransitCountry, Some(-1), 5),
        (ConcernLevel::InTransitCountry, None, 4),
        (ConcernLevel::WishToLeave, Some(0), 3),
    ]
    .into_iter()
    .map(|(level, follow_up, day)| {
        let mut call = call_at(t0 + Duration::days(day), level, "x");
        call.content.follow_up = follow_up.map(|d| today + Duration::days(d));
        session.record_call(None, &call).unwrap()
    })
    .collect();
    let listed = |order| {
        let query = CaseQuery {
            order,
            ..CaseQuery::all()
        };
        let list = session.cases(&query).unwrap();
        list.cases
            .iter()
            .map(|c| cases.iter().position(|n| *n == c.number).unwrap())
            .collect::<Vec<_>>()
    };
    // Overdue (step 3 before step 1), due today (step 2 before step 1), later, then none
    // (step 3 before step 1).
    assert_eq!(listed(CaseOrder::FollowUp { today }), [4, 3, 6, 2, 1, 5, 0]);
    assert_eq!(listed(CaseOrder::Level), [4, 5, 6, 0, 1, 2, 3]);
    assert_eq!(listed(CaseOrder::LastCall), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(
        crate::case::FollowUpState::of(Some(today), today),
        Some(crate::case::FollowUpState::Today)
    );
}
