//! Stored records read back across formats, a newer format is told from tampering, and the
//! cases list is answered by the core.

use chrono::{Duration, NaiveDate, Utc};

use super::tests::{call_at, case_id, new_store};
use super::*;
use crate::domain::ConcernLevel;
use crate::{CaseNumber, CaseQuery, MAX_LISTED_CASES};

/// Seals `plain` into a case's summary as a release would that writes it that way: with the
/// case's own key, bound to the row, built here from the crypto primitives and not the store's
/// sealing code.
fn write_summary_plaintext(session: &Session, number: &CaseNumber, plain: &[u8]) {
    let id = case_id(session, number);
    let wrapped: Vec<u8> = session
        .conn()
        .query_row("SELECT wrapped_key FROM cases WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    let key = crypto::unwrap_key(
        &session.keys.case_wrap,
        &crypto::place("cases", &id.to_string(), "wrapped_key"),
        &wrapped,
    )
    .unwrap();
    let sealed = crypto::seal(
        &key,
        &crypto::place("cases", &id.to_string(), "summary"),
        plain,
    );
    session
        .conn()
        .execute(
            "UPDATE cases SET summary = ?1 WHERE id = ?2",
            rusqlite::params![sealed, id],
        )
        .unwrap();
}

#[test]
fn a_record_in_a_newer_format_is_its_own_error_not_damage() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let newer = session
        .record_call(
            None,
            &call_at(Utc::now(), ConcernLevel::StrongInterest, "n"),
        )
        .unwrap();
    let other = session
        .record_call(None, &call_at(Utc::now(), ConcernLevel::NotAssessed, "o"))
        .unwrap();
    write_summary_plaintext(
        &session,
        &newer,
        b"\x07{\"whatever\":\"a later release wrote\"}",
    );

    let error = session.case_overview(&newer).unwrap_err();
    assert_eq!(error.code(), "record_format_unknown", "{error}");
    assert!(error.to_string().contains("newer version"), "{error}");
    assert!(
        session.case_overview(&other).is_ok(),
        "other cases still read"
    );
    let report = session.verify().unwrap();
    assert!(report.damaged.is_empty(), "not tampering: {report:?}");
    assert_eq!(
        report.newer_format,
        [DamagedPlace {
            table: "cases",
            row: case_id(&session, &newer),
            column: "summary"
        }]
    );
    assert!(!report.is_sound());

    // The same value with a flipped bit is damage, whatever its format.
    let id = case_id(&session, &newer);
    session
        .conn()
        .execute(
            "UPDATE cases SET summary = substr(summary, 1, 20) || x'00' || substr(summary, 22) WHERE id = ?1",
            [id],
        )
        .unwrap();
    assert_eq!(
        session.case_overview(&newer).unwrap_err().code(),
        "damaged_record"
    );
    let report = session.verify().unwrap();
    assert_eq!(report.damaged.len(), 1);
    assert!(report.newer_format.is_empty());
}

#[test]
fn a_summary_written_before_record_formats_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session
        .record_call(None, &call_at(Utc::now(), ConcernLevel::WishToLeave, "x"))
        .unwrap();
    // Format 0: the JSON alone, without `escalated`, as the first releases wrote it.
    write_summary_plaintext(
        &session,
        &number,
        br#"{"open":false,"latest_level":"wish_to_leave","highest_level":"wish_to_leave","last_call_at":null,"follow_up":"2026-05-01","calls":4}"#,
    );
    let summary = session.case_overview(&number).unwrap().summary;
    assert!(!summary.open);
    assert_eq!(summary.calls, 4);
    assert_eq!(summary.follow_up, NaiveDate::from_ymd_opt(2026, 5, 1));
    assert!(session.verify().unwrap().is_sound());
}

#[test]
fn new_records_carry_their_format() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session
        .record_call(None, &call_at(Utc::now(), ConcernLevel::WishToLeave, "x"))
        .unwrap();
    let id = case_id(&session, &number);
    let (key, sealed): (Vec<u8>, Vec<u8>) = session
        .conn()
        .query_row(
            "SELECT wrapped_key, summary FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let key = crypto::unwrap_key(
        &session.keys.case_wrap,
        &crypto::place("cases", &id.to_string(), "wrapped_key"),
        &key,
    )
    .unwrap();
    let plain = crypto::open(
        &key,
        &crypto::place("cases", &id.to_string(), "summary"),
        &sealed,
    )
    .unwrap();
    assert_eq!(plain[0], schema::RECORD_FORMAT);
    assert_eq!(plain[1], b'{');
}

#[test]
fn an_overview_shows_a_case_without_opening_its_calls_or_auditing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session
        .record_call(
            None,
            &call_at(Utc::now(), ConcernLevel::StrongInterest, "a"),
        )
        .unwrap();
    session
        .record_call(
            Some(&number),
            &call_at(Utc::now(), ConcernLevel::WishToLeave, "b"),
        )
        .unwrap();
    // Damaged notes would stop anything that opens the calls.
    session
        .conn()
        .execute("UPDATE calls SET notes = x'00'", [])
        .unwrap();
    let before = session.audit_trail().unwrap().len();
    let overview = session.case_overview(&number).unwrap();
    assert_eq!(overview.summary.calls, 2);
    assert!(overview.summary.escalated);
    assert_eq!(session.audit_trail().unwrap().len(), before);
    assert_eq!(
        session.case_history(&number).unwrap_err().code(),
        "damaged_record"
    );
}

#[test]
fn the_cases_query_filters_orders_and_limits_in_the_core() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let now = Utc::now();
    let today = now.date_naive();
    let mut numbers = Vec::new();
    for (days_ago, level) in [
        (1, ConcernLevel::NotAssessed),
        (5, ConcernLevel::StrongInterest),
        (3, ConcernLevel::WishToLeave),
        (9, ConcernLevel::InTransitCountry),
    ] {
        let mut call = call_at(now - Duration::days(days_ago), level, "q");
        call.content.follow_up = Some(today - Duration::days(days_ago - 2));
        numbers.push(session.record_call(None, &call).unwrap());
    }
    session.set_case_open(&numbers[2], false).unwrap();
    let listed = |query: CaseQuery| {
        let list = session.cases(&query).unwrap();
        let order: Vec<usize> = list
            .cases
            .iter()
            .map(|c| numbers.iter().position(|n| *n == c.number).unwrap())
            .collect();
        (order, list.total)
    };
    assert_eq!(
        listed(CaseQuery::all()),
        (vec![0, 2, 1, 3], 4),
        "recent first"
    );
    let open = CaseQuery {
        open_only: true,
        ..CaseQuery::all()
    };
    assert_eq!(listed(open), (vec![0, 1, 3], 3));
    let due = CaseQuery {
        due_by: Some(today),
        ..CaseQuery::all()
    };
    // Follow-ups: tomorrow (case 0), then 3, 1 and 7 days ago.
    assert_eq!(listed(due), (vec![2, 1, 3], 3));
    let serious = CaseQuery {
        min_step: 2,
        ..CaseQuery::all()
    };
    assert_eq!(listed(serious), (vec![2, 3], 2));
    let first_two = CaseQuery {
        limit: 2,
        ..CaseQuery::all()
    };
    assert_eq!(
        listed(first_two),
        (vec![0, 2], 4),
        "total counts past the limit"
    );

    for (query, field) in [
        (
            CaseQuery {
                limit: 0,
                ..CaseQuery::all()
            },
            "limit",
        ),
        (
            CaseQuery {
                limit: MAX_LISTED_CASES + 1,
                ..CaseQuery::all()
            },
            "limit",
        ),
        (
            CaseQuery {
                min_step: 4,
                ..CaseQuery::all()
            },
            "min_step",
        ),
    ] {
        let error = session.cases(&query).unwrap_err();
        assert_eq!(error.code(), "out_of_range");
        assert_eq!(error.limit().map(|l| l.field), Some(field));
    }
}
