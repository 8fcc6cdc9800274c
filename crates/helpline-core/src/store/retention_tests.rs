//! Retention and erasure: what a destroyed case leaves behind (its anonymous counts) and what
//! it does not (anything that could be read back from the files or a later backup).

use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::backup::{restore, BackupSecret};
use super::tests::{call_at, new_store, pass, raw_files, PASS};
use super::*;
use crate::domain::{ConcernLevel, Month, MAX_RETENTION_MONTHS};
use crate::CaseNumber;

fn at(year: i32, month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, 12, 0, 0).unwrap()
}

fn months(from: &str, to: &str) -> Vec<Month> {
    from.parse::<Month>().unwrap().through(to.parse().unwrap())
}

fn set_retention(session: &mut Session, months: Option<u32>) {
    let mut settings = session.settings().unwrap();
    settings.retention_months = months;
    session.set_settings(&settings).unwrap();
}

/// The sealed bytes of a case's row and its calls' rows: what must not survive its destruction.
fn sealed_bytes_of(dir: &Path, session: &Session, number: &CaseNumber) -> Vec<Vec<u8>> {
    let index = crypto::blind_index(&session.keys.case_index, &number.canonical());
    let conn = Connection::open(dir.join(DATABASE_FILE)).unwrap();
    let (id, wrapped, summary): (i64, Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT id, wrapped_key, summary FROM cases WHERE number_index = ?1",
            [&index[..]],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let mut bytes = vec![index.to_vec(), wrapped, summary];
    let mut calls = conn
        .prepare("SELECT details, notes FROM calls WHERE case_id = ?1")
        .unwrap();
    for row in calls
        .query_map([id], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .unwrap()
    {
        let (details, notes) = row.unwrap();
        bytes.push(details);
        bytes.push(notes);
    }
    bytes
}

fn assert_gone(folder: &Path, traces: &[Vec<u8>]) {
    for (name, bytes) in raw_files(folder) {
        for trace in traces {
            assert!(
                !bytes.windows(trace.len()).any(|w| w == trace.as_slice()),
                "{} bytes of a destroyed case are still in {name}",
                trace.len()
            );
        }
    }
}

#[test]
fn forgetting_a_case_leaves_the_published_months_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let asked = session
        .record_call(
            None,
            &call_at(at(2026, 3, 2), ConcernLevel::StrongInterest, "a"),
        )
        .unwrap();
    session
        .record_call(
            Some(&asked),
            &call_at(at(2026, 4, 9), ConcernLevel::WishToLeave, "b"),
        )
        .unwrap();
    session
        .record_call(
            None,
            &call_at(at(2026, 4, 20), ConcernLevel::NotAssessed, "c"),
        )
        .unwrap();
    let spring = months("2026-02", "2026-05");
    let before = session.month_counts(&spring).unwrap();
    assert_eq!(
        before[2]
            .1
            .count(crate::tally::table::CASES_LEVEL_ROSE, "rose"),
        1,
        "April counts the forgotten case's rise"
    );

    session.forget_case(&asked).unwrap();
    assert_eq!(session.month_counts(&spring).unwrap(), before);
    assert!(
        matches!(
            &session.audit_trail().unwrap()[0].action,
            AuditAction::CaseForgotten { .. }
        ),
        "the trail records who forgot a case"
    );
    // Later calls still add to the same months.
    session
        .record_call(
            None,
            &call_at(at(2026, 4, 25), ConcernLevel::NotAssessed, "d"),
        )
        .unwrap();
    let after = session.month_counts(&spring).unwrap();
    assert_eq!(
        after[2]
            .1
            .count(crate::tally::table::CASES_NEW_OR_RETURNING, "new"),
        before[2]
            .1
            .count(crate::tally::table::CASES_NEW_OR_RETURNING, "new")
            + 1
    );
}

#[test]
fn expired_cases_are_destroyed_for_good_and_their_months_stay_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live");
    let (mut session, _) = new_store(&live);
    let now = at(2026, 11, 21);
    let old = session
        .record_call(
            None,
            &call_at(at(2024, 1, 5), ConcernLevel::StrongInterest, "OLD-1"),
        )
        .unwrap();
    session
        .record_call(
            Some(&old),
            &call_at(at(2025, 10, 1), ConcernLevel::WishToLeave, "OLD-2"),
        )
        .unwrap();
    // Its last call is inside the period, though its first is not: kept whole.
    let returning = session
        .record_call(
            None,
            &call_at(at(2024, 1, 6), ConcernLevel::StrongInterest, "RET-1"),
        )
        .unwrap();
    session
        .record_call(
            Some(&returning),
            &call_at(
                now - Duration::days(20),
                ConcernLevel::StrongInterest,
                "RET-2",
            ),
        )
        .unwrap();
    // An old case with a call in progress waits for the next run.
    let in_progress = session
        .record_call(
            None,
            &call_at(at(2024, 2, 1), ConcernLevel::NotAssessed, "BUSY"),
        )
        .unwrap();
    let draft = session.start_call(Some(&in_progress)).unwrap();

    let all = months("2024-01", "2026-11");
    let published = session.month_counts(&all).unwrap();
    let traces = sealed_bytes_of(&live, &session, &old);

    assert_eq!(
        session.apply_retention(now).unwrap().cases_destroyed,
        0,
        "no period set"
    );
    set_retention(&mut session, Some(12));
    assert_eq!(session.apply_retention(now).unwrap().cases_destroyed, 1);
    assert_eq!(
        session.audit_trail().unwrap()[0].action,
        AuditAction::CasesExpired {
            cases: 1,
            retention_months: 12
        }
    );
    assert_eq!(
        session.case_history(&old).unwrap_err().code(),
        "no_such_case"
    );
    assert_eq!(session.case_history(&returning).unwrap().calls.len(), 2);
    assert_eq!(session.case_history(&in_progress).unwrap().calls.len(), 1);
    assert_eq!(session.month_counts(&all).unwrap(), published);
    assert_eq!(
        session.apply_retention(now).unwrap().cases_destroyed,
        0,
        "nothing left to do"
    );

    session.discard_call(draft.draft_id).unwrap();
    assert_eq!(
        session.apply_retention(now).unwrap().cases_destroyed,
        1,
        "once the call is gone"
    );
    assert_eq!(session.month_counts(&all).unwrap(), published);

    let backup = dir.path().join("after.backup");
    session.backup(&backup).unwrap();
    let restored = dir.path().join("restored");
    restore(
        &backup,
        &restored,
        &BackupSecret::User {
            name: "sara",
            passphrase: &pass(PASS),
        },
    )
    .unwrap();
    drop(session);
    assert_gone(&live, &traces);
    assert_gone(&restored, &traces);
    let restored = Store::open(&restored)
        .unwrap()
        .unlock("sara", &pass(PASS))
        .unwrap();
    assert_eq!(
        restored.month_counts(&all).unwrap(),
        published,
        "the counts travel in backups"
    );
}

#[test]
fn a_case_expires_only_once_its_last_call_is_older_than_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    set_retention(&mut session, Some(6));
    let now = at(2026, 11, 21);
    let just_inside = session
        .record_call(
            None,
            &call_at(at(2026, 5, 22), ConcernLevel::NotAssessed, "in"),
        )
        .unwrap();
    let just_outside = session
        .record_call(
            None,
            &call_at(at(2026, 5, 20), ConcernLevel::NotAssessed, "out"),
        )
        .unwrap();
    assert_eq!(session.apply_retention(now).unwrap().cases_destroyed, 1);
    assert!(session.case_history(&just_inside).is_ok());
    assert_eq!(
        session.case_history(&just_outside).unwrap_err().code(),
        "no_such_case"
    );
}

#[test]
fn volunteers_sessions_apply_the_period_too_and_it_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    for wrong in [0, MAX_RETENTION_MONTHS + 1] {
        let mut settings = boss.settings().unwrap();
        settings.retention_months = Some(wrong);
        let error = boss.set_settings(&settings).unwrap_err();
        assert_eq!(
            error.limit().map(|l| (l.field, l.min, l.max)),
            Some(("retention_months", Some(1), u64::from(MAX_RETENTION_MONTHS)))
        );
        assert_eq!(error.code(), "out_of_range");
    }
    set_retention(&mut boss, Some(MAX_RETENTION_MONTHS));
    boss.record_call(
        None,
        &call_at(at(2010, 1, 1), ConcernLevel::NotAssessed, "old"),
    )
    .unwrap();
    boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    let mut omar = boss
        .lock()
        .unlock("omar", &pass("volunteer pass 1"))
        .unwrap();
    assert_eq!(
        omar.apply_retention(at(2026, 11, 21))
            .unwrap()
            .cases_destroyed,
        1
    );
    assert!(omar.list_cases().unwrap().is_empty());
}

fn kept_months(session: &Session) -> Vec<String> {
    session
        .conn()
        .prepare("SELECT month FROM month_counts ORDER BY month")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn past_months_are_kept_once_counted_and_counted_again_after_a_call_in_them() {
    use crate::tally::table::CALLS_BY_CHANNEL;
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let forgotten = session
        .record_call(
            None,
            &call_at(at(2024, 3, 5), ConcernLevel::StrongInterest, "a"),
        )
        .unwrap();
    session
        .record_call(
            None,
            &call_at(at(2024, 4, 5), ConcernLevel::StrongInterest, "b"),
        )
        .unwrap();
    let spring = months("2024-03", "2024-05");
    let phone = |counts: &[(Month, crate::tally::MonthCounts)], i: usize| {
        counts[i].1.count(CALLS_BY_CHANNEL, "phone")
    };
    let first = session.month_counts(&spring).unwrap();
    assert_eq!((phone(&first, 0), phone(&first, 1)), (1, 1));
    assert_eq!(kept_months(&session), ["2024-03", "2024-04", "2024-05"]);
    // The current month is never kept: its calls are still coming.
    let now = Month::of(Utc::now());
    session.month_counts(&[now]).unwrap();
    assert!(!kept_months(&session).contains(&now.to_string()));

    // A call written in April drops April and later, and is counted next time.
    session
        .record_call(
            None,
            &call_at(at(2024, 4, 20), ConcernLevel::StrongInterest, "c"),
        )
        .unwrap();
    assert_eq!(kept_months(&session), ["2024-03"]);
    let second = session.month_counts(&spring).unwrap();
    assert_eq!((phone(&second, 0), phone(&second, 1)), (1, 2));

    // Forgetting a case leaves the kept counts as they are, and right.
    session.forget_case(&forgotten).unwrap();
    assert_eq!(kept_months(&session), ["2024-03", "2024-04", "2024-05"]);
    assert_eq!(session.month_counts(&spring).unwrap(), second);

    // Damaged kept counts are reported by verify and counted again from the cases.
    session
        .conn()
        .execute(
            "UPDATE month_counts SET counts = x'00112233' WHERE month = '2024-04'",
            [],
        )
        .unwrap();
    let report = session.verify().unwrap();
    assert_eq!(
        report
            .damaged
            .iter()
            .map(|d| (d.table, d.column))
            .collect::<Vec<_>>(),
        [("month_counts", "counts")]
    );
    assert_eq!(session.month_counts(&spring).unwrap(), second);
    assert!(session.verify().unwrap().is_sound());
}
