//! The register of what was published: a month is published once and never changes, no call
//! is recorded into it afterwards, and only ended months with no call in progress are counted
//! for publishing.

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::domain::{ConcernLevel, Month};
use crate::store::publications::Publication;
use crate::store::tests::{a_call, call_at, new_store, pass, PASS};
use crate::store::Store;

fn march() -> Month {
    Month::new(2026, 3).unwrap()
}

fn export(k: u64) -> ExportRecord<'static> {
    ExportRecord {
        from: march(),
        to: march(),
        format: "json",
        k,
        period_total: false,
    }
}

/// How many exports the audit trail records.
fn exports(session: &Session) -> usize {
    session
        .audit_trail()
        .unwrap()
        .into_iter()
        .filter(|e| matches!(e.action, AuditAction::StatisticsExported { .. }))
        .count()
}

fn column(months: Vec<Month>, k: u64) -> Publication {
    Publication {
        months,
        k,
        content: serde_json::json!({ "published": "whatever the statistics crate keeps" }),
    }
}

#[test]
fn a_publication_is_kept_sealed_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    session.record_call(None, &a_call("march call")).unwrap();
    let publishing = session.publishing().unwrap();
    assert_eq!(publishing.published().unwrap(), []);
    let counts = publishing.unpublished_counts(&[march()]).unwrap();
    assert_eq!(
        counts[0]
            .1
            .count(crate::tally::table::CALLS_BY_CHANNEL, "phone"),
        1
    );
    publishing
        .publish(&[column(vec![march()], 5)], &export(5))
        .unwrap();

    let mut session = session.lock().unlock("sara", &pass(PASS)).unwrap();
    let published = session.publishing().unwrap().published().unwrap();
    assert_eq!(published, [column(vec![march()], 5)]);
    assert_eq!(exports(&session), 1, "the export is in the audit trail");
    assert!(session.verify().unwrap().is_sound());
}

#[test]
fn a_month_or_period_is_published_once_and_always_with_the_same_k() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let april = march().next();
    session
        .publishing()
        .unwrap()
        .publish(&[column(vec![march()], 5)], &export(5))
        .unwrap();
    let again = session
        .publishing()
        .unwrap()
        .publish(&[column(vec![march()], 5)], &export(5));
    assert_eq!(again.unwrap_err().code(), "invalid_argument");
    let other_k = session
        .publishing()
        .unwrap()
        .publish(&[column(vec![april], 3)], &export(3));
    match other_k {
        Err(Error::ThresholdFixed { published }) => assert_eq!(published, 5),
        other => panic!("{other:?}"),
    }
    session
        .publishing()
        .unwrap()
        .publish(
            &[column(vec![april], 5), column(vec![march(), april], 5)],
            &export(5),
        )
        .unwrap();
    assert_eq!(session.publishing().unwrap().published().unwrap().len(), 3);
    let period_again = session
        .publishing()
        .unwrap()
        .publish(&[column(vec![march(), april], 5)], &export(5));
    assert_eq!(period_again.unwrap_err().code(), "invalid_argument");
}

#[test]
fn nothing_is_written_unless_published() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let publishing = session.publishing().unwrap();
    drop(publishing);
    session.publishing().unwrap().finish().unwrap();
    assert_eq!(session.publishing().unwrap().published().unwrap(), []);
    assert_eq!(exports(&session), 0);
}

#[test]
fn only_ended_months_with_no_call_in_progress_are_counted_for_publishing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let this_month = Month::of(Utc::now());
    match session
        .publishing()
        .unwrap()
        .unpublished_counts(&[march(), this_month])
    {
        Err(Error::MonthNotEnded { month }) => assert_eq!(month, this_month),
        other => panic!("{other:?}"),
    }
    match session
        .publishing()
        .unwrap()
        .unpublished_counts(&[this_month.next()])
    {
        Err(Error::MonthNotEnded { .. }) => {}
        other => panic!("{other:?}"),
    }
    // A call started now is in progress in this month; months before it can be published.
    let draft = session.start_call(None).unwrap();
    let last_month = this_month.previous();
    session
        .publishing()
        .unwrap()
        .unpublished_counts(&[last_month])
        .unwrap();
    // A draft of an ended month (the app was closed mid-call, long ago) holds that month back.
    session.backdate_draft(
        draft.draft_id,
        Utc.with_ymd_and_hms(2026, 3, 30, 21, 0, 0).unwrap(),
    );
    let held_back = session.publishing().unwrap().unpublished_counts(&[march()]);
    match held_back {
        Err(Error::MonthHasOpenCall { month }) => assert_eq!(month, march()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_call_is_recorded_into_a_published_month() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session.record_call(None, &a_call("before")).unwrap();
    session
        .publishing()
        .unwrap()
        .publish(&[column(vec![march()], 5)], &export(5))
        .unwrap();
    let late = a_call("a call from March, written down in May");
    for refused in [
        session.record_call(None, &late),
        session.record_call(Some(&number), &late),
        session
            .import_cases(&[vec![late.clone()]])
            .map(|_| number.clone()),
    ] {
        match refused {
            Err(Error::MonthPublished { month }) => assert_eq!(month, march()),
            other => panic!("{other:?}"),
        }
    }
    // The month after is open, and the refused calls wrote nothing.
    let april = call_at(
        late.started_at + Duration::days(31),
        ConcernLevel::WishToLeave,
        "april",
    );
    session.record_call(Some(&number), &april).unwrap();
    assert_eq!(session.case_history(&number).unwrap().calls.len(), 2);
}

#[test]
fn a_damaged_publication_is_reported_not_read_as_another() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    session
        .publishing()
        .unwrap()
        .publish(&[column(vec![march()], 5)], &export(5))
        .unwrap();
    drop(session);
    let conn = rusqlite::Connection::open(dir.path().join(crate::store::DATABASE_FILE)).unwrap();
    conn.execute(
        "UPDATE publications SET body = substr(body, 1, 20) || zeroblob(length(body) - 20)",
        [],
    )
    .unwrap();
    drop(conn);
    let mut session = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass(PASS))
        .unwrap();
    let report = session.verify().unwrap();
    assert!(report
        .damaged
        .iter()
        .any(|d| d.table == "publications" && d.column == "body"));
    assert_eq!(
        session
            .publishing()
            .unwrap()
            .published()
            .unwrap_err()
            .code(),
        "damaged_record"
    );
    // A whole call written afterwards cannot be checked against what was published: it is
    // refused with the damage named, not recorded blindly. (A call taken in the app is not:
    // ending a call never checks, so that no call is lost.)
    assert_eq!(
        session.record_call(None, &a_call("x")).unwrap_err().code(),
        "damaged_record"
    );
}
