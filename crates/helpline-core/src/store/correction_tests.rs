//! A finished call can be corrected by the volunteer who took it, for the rest of the shift
//! (issue 12); published months keep their counts.

use chrono::{Duration, TimeZone, Utc};

use super::publications::Publication;
use super::publishing::ExportRecord;
use super::tests::{call_at, new_store, pass, PASS};
use super::*;
use crate::case::CORRECTION_WINDOW;
use crate::domain::{Channel, ConcernLevel, Month};
use crate::tally::table;
use crate::CaseNumber;

const OMAR: &str = "omar's passphrase";

/// A store with sara (supervisor) and omar (volunteer); omar is signed in.
fn omar_signed_in(dir: &std::path::Path) -> Session {
    let (mut sara, _) = new_store(dir);
    sara.add_user("omar", Role::Volunteer, &pass(OMAR)).unwrap();
    sara.lock().unlock("omar", &pass(OMAR)).unwrap()
}

fn take_call(session: &mut Session, level: ConcernLevel, notes: &str) -> (CaseNumber, i64) {
    let draft = session.start_call(None).unwrap();
    let mut content = call_at(Utc::now(), level, notes).content;
    content.referrals.clear();
    let number = session.end_call(draft.draft_id, &content).unwrap();
    let id = session.case_history(&number).unwrap().calls[0].id;
    (number, id)
}

#[test]
fn the_volunteer_who_took_a_call_corrects_it_for_the_rest_of_the_shift() {
    let dir = tempfile::tempdir().unwrap();
    let mut omar = omar_signed_in(dir.path());
    let (number, id) = take_call(&mut omar, ConcernLevel::StrongInterest, "first words");
    let history = omar.case_history(&number).unwrap();
    let ended = history.calls[0].call.ended_at.unwrap();
    assert_eq!(
        history.calls[0].correctable_until,
        Some(ended + CORRECTION_WINDOW)
    );

    let mut content = history.calls[0].call.content.clone();
    content.level = ConcernLevel::InTransitCountry;
    content.notes = "he has already left".into();
    content.follow_up = chrono::NaiveDate::from_ymd_opt(2027, 1, 4);
    let corrected = omar.correct_call(id, &content).unwrap();
    assert_eq!(corrected.calls[0].call.content, content);
    assert_eq!(corrected.calls[0].call.ended_at, Some(ended), "times stay");
    let summary = omar.case_overview(&number).unwrap().summary;
    assert_eq!(summary.latest_level, ConcernLevel::InTransitCountry);
    assert_eq!(summary.follow_up, content.follow_up);
    assert_eq!(summary.calls, 1);

    let sara = omar.lock().unlock("sara", &pass(PASS)).unwrap();
    let entry = sara
        .audit_trail()
        .unwrap()
        .into_iter()
        .find(|e| matches!(e.action, AuditAction::CallCorrected { .. }))
        .expect("the correction is audited");
    assert_eq!(entry.user, "omar");
    assert_eq!(
        entry.action,
        AuditAction::CallCorrected {
            case: audit::case_reference(super::tests::case_id(&sara, &number)),
            fields: vec!["follow_up".into(), "level".into(), "notes".into()],
        }
    );
    assert!(
        !format!("{entry:?}").contains("already left"),
        "no notes in the audit trail"
    );
    // Nobody else may correct it: not even a supervisor.
    let mut sara = sara;
    let refused = sara.correct_call(id, &content).unwrap_err();
    assert_eq!(refused.code(), "not_your_call");
    assert!(sara.case_history(&number).unwrap().calls[0]
        .correctable_until
        .is_none());
}

#[test]
fn a_call_past_the_window_or_from_before_takers_were_kept_is_not_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let (mut sara, _) = new_store(dir.path());
    let long_ago = call_at(
        Utc::now() - CORRECTION_WINDOW - Duration::hours(1),
        ConcernLevel::StrongInterest,
        "x",
    );
    let number = sara.record_call(None, &long_ago).unwrap();
    let history = sara.case_history(&number).unwrap();
    assert_eq!(history.calls[0].correctable_until, None);
    let error = sara
        .correct_call(history.calls[0].id, &long_ago.content)
        .unwrap_err();
    assert_eq!(error.code(), "correction_window_closed");

    // Imported calls (as the calls of earlier releases) name no taker.
    let recent = call_at(Utc::now(), ConcernLevel::StrongInterest, "y");
    let imported = sara.import_cases(&[vec![recent.clone()]]).unwrap();
    let id = sara.case_history(&imported[0]).unwrap().calls[0].id;
    let error = sara.correct_call(id, &recent.content).unwrap_err();
    assert_eq!(error.code(), "not_your_call");

    assert_eq!(
        sara.correct_call(12345, &recent.content)
            .unwrap_err()
            .code(),
        "no_such_call"
    );
    let mut too_long = recent.content.clone();
    too_long.notes = "x".repeat(crate::domain::MAX_NOTES_CHARS + 1);
    let own = sara.case_history(&number).unwrap().calls[0].id;
    assert_eq!(
        sara.correct_call(own, &too_long).unwrap_err().code(),
        "too_long"
    );
}

#[test]
fn a_correction_moves_the_kept_counts_and_leaves_published_months_as_published() {
    let dir = tempfile::tempdir().unwrap();
    let (mut sara, _) = new_store(dir.path());
    let last_month = Month::of(Utc::now()).previous();
    // A call that started last month and ended now (an e-mail answered over weeks, say): in
    // a month that can be published, and still correctable.
    let started = chrono::Local
        .with_ymd_and_hms(last_month.year(), last_month.number(), 15, 12, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let mut call = call_at(started, ConcernLevel::StrongInterest, "by e-mail");
    call.ended_at = Some(Utc::now());
    let number = sara.record_call(None, &call).unwrap();
    let id = sara.case_history(&number).unwrap().calls[0].id;
    let phone = |s: &Session| {
        s.month_counts(&[last_month]).unwrap()[0]
            .1
            .count(table::CALLS_BY_CHANNEL, "phone")
    };
    assert_eq!(phone(&sara), 1, "counted, and kept");

    let mut by_email = call.content.clone();
    by_email.channel = Channel::Email;
    sara.correct_call(id, &by_email).unwrap();
    assert_eq!(phone(&sara), 0, "the kept counts follow the correction");

    let publishing = sara.publishing().unwrap();
    publishing
        .publish(
            &[Publication {
                months: vec![last_month],
                k: 5,
                content: serde_json::json!({}),
            }],
            &ExportRecord {
                from: last_month,
                to: last_month,
                format: "json",
                k: 5,
                period_total: false,
            },
        )
        .unwrap();
    let mut risen = by_email.clone();
    risen.level = ConcernLevel::WishToLeave;
    let error = sara.correct_call(id, &risen).unwrap_err();
    assert_eq!(error.code(), "correction_changes_published");
    let mut notes_only = by_email.clone();
    notes_only.notes = "by e-mail; she will write again".into();
    notes_only.next_steps = "answer her next e-mail".into();
    let history = sara.correct_call(id, &notes_only).unwrap();
    assert_eq!(history.calls[0].call.content, notes_only);
}
