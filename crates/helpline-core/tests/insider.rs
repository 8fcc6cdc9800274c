//! Attacks by someone who holds a copy of the file, the `sqlite3` tool and a volunteer's
//! passphrase (issue 13). Each edits the store the way such an attacker would, with the real
//! `sqlite3` binary and no help from Helpline's code, and checks that Helpline refuses with a
//! coded error that names the damaged record, shows nothing of another case, and that `verify`
//! finds the edit.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Duration, TimeZone, Utc};
use helpline_core::domain::*;
use helpline_core::store::backup::{restore, BackupSecret};
use helpline_core::store::DamagedPlace;
use helpline_core::{AuditAction, Error, Passphrase, Session, Store};

const SARA: &str = "sara's own lantern of autumn";
const OMAR: &str = "omar keeps the harbour quiet";
const LENA: &str = "lena walks past seven bridges";

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

/// Runs SQL on the store in `dir` with the `sqlite3` tool, as an attacker would.
fn sqlite3(dir: &Path, sql: &str) {
    let out = Command::new("sqlite3")
        .arg(dir.join("helpline.db"))
        .arg(sql)
        .output()
        .expect("the sqlite3 tool (Debian's sqlite3 package) runs");
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn call_at(started: DateTime<Utc>, notes: &str) -> Call {
    Call {
        started_at: started,
        ended_at: Some(started + Duration::minutes(20)),
        content: CallContent {
            channel: Channel::Phone,
            language: Language::Swedish,
            level: ConcernLevel::StrongInterest,
            caller: Caller {
                relationship: Relationship::Mother,
                gender: Gender::Woman,
                identity: CallerIdentity::Anonymous,
            },
            person: PersonOfConcern {
                gender: Gender::Man,
                age_band: AgeBand::From18To20,
                situation: Situation::PlanningToTravel,
                environment: Environment::ViolentIslamist,
            },
            referrals: vec![],
            next_steps: String::new(),
            follow_up: None,
            follow_up_done: false,
            notes: notes.into(),
        },
    }
}

fn a_call(notes: &str) -> Call {
    call_at(Utc.with_ymd_and_hms(2026, 3, 14, 9, 26, 53).unwrap(), notes)
}

/// A store with sara and lena (supervisors) and omar (a volunteer).
fn helpline(dir: &Path) -> Session {
    let (mut sara, _) = Store::create(dir, "sara", &pass(SARA)).unwrap();
    sara.add_user("omar", Role::Volunteer, &pass(OMAR)).unwrap();
    sara.add_user("lena", Role::Supervisor, &pass(LENA))
        .unwrap();
    sara
}

fn unlock(dir: &Path, name: &str, passphrase: &str) -> helpline_core::Result<Session> {
    Store::open(dir)?.unlock(name, &pass(passphrase))
}

fn damaged(table: &'static str, column: &'static str) -> impl Fn(&DamagedPlace) -> bool {
    move |place| place.table == table && place.column == column
}

#[test]
fn a_volunteers_slot_moved_under_a_supervisor_does_not_sign_in_as_the_supervisor() {
    let dir = tempfile::tempdir().unwrap();
    drop(helpline(dir.path()));
    sqlite3(
        dir.path(),
        "DELETE FROM key_slots WHERE user_id = (SELECT id FROM users WHERE name = 'sara');
         UPDATE key_slots SET user_id = (SELECT id FROM users WHERE name = 'sara')
          WHERE user_id = (SELECT id FROM users WHERE name = 'omar');",
    );
    let refused = unlock(dir.path(), "sara", OMAR).err().expect("refused");
    assert_eq!(refused.code(), "damaged_record", "{refused}");
    assert!(matches!(
        refused,
        Error::DamagedRecord {
            table: "key_slots",
            column: "user_id",
            ..
        }
    ));
    // Another supervisor's check finds the moved slot.
    let lena = unlock(dir.path(), "lena", LENA).unwrap();
    let report = lena.verify().unwrap();
    assert!(!report.is_sound());
    assert!(
        report.damaged.iter().any(damaged("key_slots", "user_id")),
        "{report:?}"
    );
}

#[test]
fn swapped_user_names_do_not_sign_a_volunteer_in_under_a_supervisors_name() {
    let dir = tempfile::tempdir().unwrap();
    drop(helpline(dir.path()));
    sqlite3(
        dir.path(),
        "UPDATE users SET name = 'x' WHERE name = 'sara';
         UPDATE users SET name = 'sara' WHERE name = 'omar';
         UPDATE users SET name = 'omar' WHERE name = 'x';",
    );
    let refused = unlock(dir.path(), "sara", OMAR).err().expect("refused");
    assert!(
        matches!(
            refused,
            Error::DamagedRecord {
                table: "key_slots",
                ..
            }
        ),
        "{refused}"
    );
    let report = unlock(dir.path(), "lena", LENA).unwrap().verify().unwrap();
    assert_eq!(
        report
            .damaged
            .iter()
            .filter(|p| damaged("key_slots", "user_id")(p))
            .count(),
        2,
        "{report:?}"
    );
}

#[test]
fn exchanged_blind_indexes_never_show_a_family_another_familys_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut sara = helpline(dir.path());
    let first = sara
        .record_call(None, &a_call("the first family's worry"))
        .unwrap();
    let second = sara
        .record_call(None, &a_call("the second family's worry"))
        .unwrap();
    drop(sara);
    sqlite3(
        dir.path(),
        "CREATE TEMP TABLE was AS SELECT id, number_index FROM cases;
         UPDATE cases SET number_index = x'00' WHERE id = (SELECT min(id) FROM was);
         UPDATE cases SET number_index = (SELECT number_index FROM was WHERE id = (SELECT min(id) FROM was))
          WHERE id = (SELECT max(id) FROM was);
         UPDATE cases SET number_index = (SELECT number_index FROM was WHERE id = (SELECT max(id) FROM was))
          WHERE id = (SELECT min(id) FROM was);",
    );
    let omar = unlock(dir.path(), "omar", OMAR).unwrap();
    for number in [&first, &second] {
        let refused = omar.case_history(number).expect_err("refused");
        assert!(
            matches!(
                refused,
                Error::DamagedRecord {
                    table: "cases",
                    column: "number_index",
                    ..
                }
            ),
            "{refused}"
        );
    }
    let report = unlock(dir.path(), "sara", SARA).unwrap().verify().unwrap();
    assert_eq!(
        report
            .damaged
            .iter()
            .filter(|p| damaged("cases", "number_index")(p))
            .count(),
        2,
        "{report:?}"
    );
}

#[test]
fn a_trigger_that_keeps_forgotten_rows_stops_the_store_from_opening() {
    let dir = tempfile::tempdir().unwrap();
    let mut sara = helpline(dir.path());
    sara.record_call(None, &a_call("to be forgotten")).unwrap();
    drop(sara);
    sqlite3(
        dir.path(),
        "CREATE TRIGGER keep_calls BEFORE DELETE ON calls BEGIN SELECT RAISE(IGNORE); END;",
    );
    let refused = Store::open(dir.path()).err().expect("refused");
    assert_eq!(refused.code(), "schema_changed");
    assert!(refused.to_string().contains("keep_calls"), "{refused}");
}

#[test]
fn a_trigger_planted_while_the_store_is_open_makes_forgetting_fail_loudly() {
    let dir = tempfile::tempdir().unwrap();
    let mut sara = helpline(dir.path());
    let number = sara.record_call(None, &a_call("to be forgotten")).unwrap();
    sqlite3(
        dir.path(),
        "CREATE TRIGGER keep_calls BEFORE DELETE ON calls BEGIN SELECT RAISE(IGNORE); END;
         CREATE TABLE copies (details BLOB);",
    );
    let refused = sara.forget_case(&number).expect_err("refused");
    assert_eq!(refused.code(), "schema_changed", "{refused}");
    // Nothing was called forgotten, and the trail says it failed.
    let trail = sara.audit_trail().unwrap();
    assert!(!trail
        .iter()
        .any(|e| matches!(e.action, AuditAction::CaseForgotten { .. })));
    assert!(trail.iter().any(|e| matches!(
        &e.action,
        AuditAction::ForgetFailed { reason, .. } if reason == "schema_changed"
    )));
    let report = sara.verify().unwrap();
    assert!(!report.is_sound());
    assert!(
        report
            .schema_changes
            .iter()
            .any(|c| c.contains("keep_calls"))
            && report.schema_changes.iter().any(|c| c.contains("copies")),
        "{report:?}"
    );
}

#[test]
fn an_edited_month_is_found_and_never_silently_counted_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut sara = helpline(dir.path());
    let number = sara.record_call(None, &a_call("march")).unwrap();
    drop(sara);
    sqlite3(dir.path(), "UPDATE calls SET month = '2026-07';");
    let sara = unlock(dir.path(), "sara", SARA).unwrap();
    let report = sara.verify().unwrap();
    assert!(
        report.damaged.iter().any(damaged("calls", "month")),
        "{report:?}"
    );
    let refused = sara.case_history(&number).expect_err("refused");
    assert!(matches!(
        refused,
        Error::DamagedRecord {
            table: "calls",
            column: "month",
            ..
        }
    ));
    let july = "2026-07".parse().unwrap();
    assert!(matches!(
        sara.month_counts(&[july]),
        Err(Error::DamagedRecord {
            table: "calls",
            column: "month",
            ..
        })
    ));
}

#[test]
fn forgetting_names_the_backups_that_still_hold_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let mut sara = helpline(dir.path());
    sara.backup(&backups.path().join("before.backup")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let number = sara
        .record_call(None, &call_at(Utc::now(), "please forget us"))
        .unwrap();
    sara.backup(&backups.path().join("after.backup")).unwrap();
    let forgotten = sara.forget_case(&number).unwrap();
    assert_eq!(forgotten.backups_holding_it.len(), 1, "{forgotten:?}");
    // It is true: the later backup still opens the case, with the passphrases of then.
    let restored = backups.path().join("restored");
    let passphrase = pass(SARA);
    let store = restore(
        &backups.path().join("after.backup"),
        &restored,
        &BackupSecret::User {
            name: "sara",
            passphrase: &passphrase,
        },
    )
    .unwrap();
    let old = store.unlock("sara", &passphrase).unwrap();
    assert!(old.case_history(&number).is_ok());
}

#[test]
fn a_replaced_recovery_code_opens_nothing_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (mut sara, old_code) = Store::create(dir.path(), "sara", &pass(SARA)).unwrap();
    assert!(matches!(
        sara.replace_recovery_code(&pass(OMAR)),
        Err(Error::WrongPassphrase)
    ));
    let new_code = sara.replace_recovery_code(&pass(SARA)).unwrap();
    assert_ne!(*new_code.display(), *old_code.display());
    assert!(sara
        .audit_trail()
        .unwrap()
        .iter()
        .any(|e| e.action == AuditAction::RecoveryCodeReplaced));
    drop(sara);
    let again = pass("a brand new passphrase for sara");
    assert!(matches!(
        Store::open(dir.path())
            .unwrap()
            .recover(&old_code, "sara", &again),
        Err(Error::WrongRecoveryCode)
    ));
    let sara = Store::open(dir.path())
        .unwrap()
        .recover(&new_code, "sara", &again)
        .unwrap();
    assert!(sara.verify().unwrap().is_sound());
}

#[test]
fn a_volunteer_cannot_replace_the_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    drop(helpline(dir.path()));
    let mut omar = unlock(dir.path(), "omar", OMAR).unwrap();
    assert!(matches!(
        omar.replace_recovery_code(&pass(OMAR)),
        Err(Error::NotAllowed { .. })
    ));
}

#[test]
fn a_store_from_before_slot_owners_gets_them_at_its_first_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    drop(helpline(dir.path()));
    // As a store written before this release: no record of whose each slot is.
    sqlite3(
        dir.path(),
        "DELETE FROM settings WHERE name = 'slot_owners';",
    );
    let omar = unlock(dir.path(), "omar", OMAR).unwrap();
    assert_eq!(omar.role(), Role::Volunteer);
    drop(omar);
    let sara = unlock(dir.path(), "sara", SARA).unwrap();
    assert!(sara.verify().unwrap().is_sound());
    let bound = sara
        .audit_trail()
        .unwrap()
        .iter()
        .filter(|e| e.action == AuditAction::KeySlotsBound)
        .count();
    assert_eq!(bound, 1, "recorded once, at the first sign-in");
}

#[test]
fn a_view_or_index_added_to_the_file_is_found_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let sara = helpline(dir.path());
    sqlite3(
        dir.path(),
        "CREATE VIEW everything AS SELECT * FROM calls; CREATE INDEX by_month ON calls(month);",
    );
    let report = sara.verify().unwrap();
    assert_eq!(report.schema_changes.len(), 2, "{report:?}");
    assert!(!report.is_sound());
}
