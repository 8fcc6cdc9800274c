//! The audit trail: what is recorded, what it never holds, and that tampering is found.

use std::path::Path;

use chrono::{TimeZone, Utc};

use super::*;
use crate::crypto::Passphrase;
use crate::domain::*;
use crate::store::backup::{restore, BackupSecret};
use crate::store::publishing::ExportRecord;
use crate::store::sign_in_reports;
use crate::store::tests::{call_at, case_id, new_store, pass, raw_files, PASS};
use crate::store::Session;
use crate::store::{Store, DATABASE_FILE};
use crate::CaseNumber;

fn export(month: Month, format: &str) -> ExportRecord<'_> {
    ExportRecord {
        from: month,
        to: month,
        format,
        k: 5,
        period_total: false,
    }
}

fn a_call(notes: &str) -> Call {
    call_at(
        Utc.with_ymd_and_hms(2026, 3, 14, 9, 26, 53).unwrap(),
        ConcernLevel::StrongInterest,
        notes,
    )
}

fn unlock(dir: &Path, user: &str, passphrase: &str) -> Session {
    Store::open(dir)
        .unwrap()
        .unlock(user, &pass(passphrase))
        .unwrap()
}

/// The kinds of a trail's actions, oldest first.
fn kinds(session: &Session) -> Vec<String> {
    let mut trail = session.audit_trail().unwrap();
    trail.reverse();
    trail
        .iter()
        .map(|e| {
            serde_json::to_value(&e.action).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// A store whose trail has `n` entries (sign-ins), as sara, unlocked.
fn trail_of(dir: &Path, n: usize) -> Session {
    let (session, _) = new_store(dir);
    drop(session);
    for _ in 0..n - 1 {
        unlock(dir, "sara", PASS);
    }
    let session = unlock(dir, "sara", PASS);
    assert_eq!(session.audit_trail().unwrap().len(), n);
    session
}

fn problems(session: &Session) -> Vec<(u64, u64, AuditProblemKind)> {
    let report = session.verify_audit().unwrap();
    assert_eq!(
        report.is_sound(),
        report.problems.is_empty(),
        "is_sound agrees with the list"
    );
    let whole = session.verify().unwrap();
    assert_eq!(
        whole.audit.as_ref(),
        Some(&report),
        "verify includes the trail"
    );
    assert_eq!(whole.is_sound(), report.is_sound());
    report
        .problems
        .iter()
        .map(|p| (p.seq, p.count, p.problem))
        .collect()
}

#[test]
fn every_audited_action_leaves_one_entry_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let (session, code) = new_store(&dir.path().join("live"));
    assert!(
        session.audit_trail().unwrap().is_empty(),
        "creating is not an entry"
    );
    let mut session = session.lock().unlock("sara", &pass(PASS)).unwrap();
    session
        .add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    let number = session.record_call(None, &a_call("x")).unwrap();
    session.case_history(&number).unwrap();
    let mut settings = session.settings().unwrap();
    settings.idle_lock_minutes += 1;
    settings.transit_countries.pop();
    session.set_settings(&settings).unwrap();
    session.set_settings(&settings).unwrap(); // nothing changed: nothing recorded
    session
        .reset_passphrase("omar", &pass("volunteer pass 2"))
        .unwrap();
    session
        .change_passphrase(&pass(PASS), &pass("sara's new passphrase"))
        .unwrap();
    session.backup(&dir.path().join("backup")).unwrap();
    let march = Month::new(2026, 3).unwrap();
    session
        .publishing()
        .unwrap()
        .publish(&[], &export(march, "csv"))
        .unwrap();
    session.remove_user("omar").unwrap();
    let session = session
        .lock()
        .recover(&code, "sara", &pass("after recovery"))
        .unwrap();

    assert_eq!(
        kinds(&session),
        [
            "signed_in",
            "user_added",
            "case_opened",
            "settings_changed",
            "settings_changed",
            "passphrase_reset",
            "passphrase_changed",
            "backup_taken",
            "statistics_exported",
            "user_removed",
            "recovery_code_used",
        ]
    );
    let trail = session.audit_trail().unwrap();
    let seqs: Vec<u64> = trail.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=11).rev().collect::<Vec<_>>(), "newest first");
    assert!(trail.iter().all(|e| e.user == "sara"));
    assert!(trail.windows(2).all(|w| w[0].at >= w[1].at));
    let actions: Vec<&AuditAction> = trail.iter().rev().map(|e| &e.action).collect();
    assert_eq!(
        actions[1],
        &AuditAction::UserAdded {
            name: "omar".into(),
            role: Role::Volunteer
        }
    );
    assert_eq!(
        actions[2],
        &AuditAction::CaseOpened {
            case: format!("{:016x}", case_id(&session, &number))
        }
    );
    let mut changed: Vec<&AuditAction> = actions[3..5].to_vec();
    changed.sort_by_key(|a| format!("{a:?}"));
    assert_eq!(
        changed,
        [
            &AuditAction::SettingsChanged {
                setting: "idle_lock_minutes".into()
            },
            &AuditAction::SettingsChanged {
                setting: "transit_countries".into()
            },
        ]
    );
    assert_eq!(
        actions[5],
        &AuditAction::PassphraseReset {
            name: "omar".into()
        }
    );
    assert_eq!(
        actions[8],
        &AuditAction::StatisticsExported {
            from: march,
            to: march,
            format: "csv".into(),
            k: 5,
            period_total: false,
        }
    );
    assert_eq!(
        actions[9],
        &AuditAction::UserRemoved {
            name: "omar".into()
        }
    );
    let report = session.verify_audit().unwrap();
    assert!(report.is_sound(), "{report:?}");
    assert_eq!((report.entries_checked, report.head_seq), (11, 11));
    assert_eq!(report.fingerprint.len(), 16);

    // A volunteer's sign-in and case lookup are recorded under their name.
    let mut session = session;
    session
        .add_user("lina", Role::Volunteer, &pass("volunteer pass 3"))
        .unwrap();
    let volunteer = session
        .lock()
        .unlock("lina", &pass("volunteer pass 3"))
        .unwrap();
    volunteer.case_history(&number).unwrap();
    let session = volunteer
        .lock()
        .unlock("sara", &pass("after recovery"))
        .unwrap();
    let trail = session.audit_trail().unwrap();
    let users: Vec<&str> = trail[..4].iter().rev().map(|e| e.user.as_str()).collect();
    assert_eq!(users, ["sara", "lina", "lina", "sara"]);
}

#[test]
fn a_refused_action_leaves_no_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = trail_of(dir.path(), 1);
    assert!(session
        .add_user("sara", Role::Volunteer, &pass("whatever pass"))
        .is_err());
    assert!(session.remove_user("nobody").is_err());
    assert!(session.case_history(&CaseNumber::random()).is_err());
    assert!(session
        .change_passphrase(&pass("not my passphrase"), &pass("a new passphrase"))
        .is_err());
    let mut settings = session.settings().unwrap();
    settings.idle_lock_minutes = 0;
    assert!(session.set_settings(&settings).is_err());
    let march = Month::new(2026, 3).unwrap();
    assert_eq!(
        session
            .publishing()
            .unwrap()
            .publish(&[], &export(march, "csv; notes"))
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    assert!(Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("wrong passphrase"))
        .is_err());
    assert_eq!(kinds(&session), ["signed_in"]);
}

#[test]
fn the_trail_holds_no_notes_contact_details_or_case_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = trail_of(dir.path(), 1);
    let mut call = a_call("NOTES-MARKER Yusuf talks of Raqqa");
    call.content.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails {
        name: Some("Fatima Lindqvist".into()),
        phone: Some("+46 70 123 45 67".into()),
        email: Some("fatima.lindqvist@example.se".into()),
    });
    call.content.next_steps = "NEXTSTEP-MARKER".into();
    let number = session.record_call(None, &call).unwrap();
    session.case_history(&number).unwrap();
    session.forget_case(&number).unwrap();
    session.backup(&dir.path().join("b")).unwrap();

    let mut plain = String::new();
    let mut rows = session
        .conn()
        .prepare("SELECT seq, entry FROM audit_trail")
        .unwrap();
    for row in rows
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
        .unwrap()
    {
        let (seq, sealed) = row.unwrap();
        let bytes = crypto::open(
            &session.keys.audit,
            &crypto::place("audit_trail", &seq.to_string(), "entry"),
            &sealed,
        )
        .expect("every entry opens");
        plain.push_str(std::str::from_utf8(&bytes).unwrap());
        plain.push('\n');
    }
    assert!(plain.contains("case_opened"), "the scan can fail: {plain}");
    let digits = number.canonical();
    for needle in [
        "NOTES-MARKER",
        "Yusuf",
        "Raqqa",
        "Fatima",
        "Lindqvist",
        "123 45 67",
        "example.se",
        "NEXTSTEP-MARKER",
        "strong_interest",
        digits.as_str(),
        &number.grouped(crate::DigitScript::Latin),
        &digits[..6],
        &digits[5..],
    ] {
        assert!(
            !plain.contains(needle),
            "{needle:?} is in the trail: {plain}"
        );
    }
    // Nor in plain in the files: the entries are sealed.
    drop(rows);
    drop(session);
    for (name, bytes) in raw_files(dir.path()) {
        for needle in ["case_opened", "signed_in", "backup_taken"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} readable in {name}"
            );
        }
    }
}

fn tamper(session: &Session, sql: &str, args: impl rusqlite::Params) {
    assert_eq!(session.conn().execute(sql, args).unwrap(), 1, "{sql}");
}

#[test]
fn a_fresh_store_and_a_used_one_verify_sound() {
    let dir = tempfile::tempdir().unwrap();
    let (session, _) = new_store(&dir.path().join("fresh"));
    let report = session.verify_audit().unwrap();
    assert_eq!(
        report,
        AuditReport {
            entries_checked: 0,
            head_seq: 0,
            fingerprint: String::new(),
            problems: vec![]
        }
    );
    assert!(session.verify().unwrap().is_sound());
    drop(session);
    let session = trail_of(&dir.path().join("used"), 3);
    assert_eq!(problems(&session), []);
}

#[test]
fn an_altered_byte_is_found_at_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 4);
    let mut entry: Vec<u8> = session
        .conn()
        .query_row("SELECT entry FROM audit_trail WHERE seq = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    entry[20] ^= 0x01;
    tamper(
        &session,
        "UPDATE audit_trail SET entry = ?1 WHERE seq = 2",
        [entry],
    );
    assert_eq!(problems(&session), [(2, 1, AuditProblemKind::Altered)]);
    // The view leaves it out; the rest still reads.
    let seqs: Vec<u64> = session
        .audit_trail()
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, [4, 3, 1]);
}

#[test]
fn an_altered_chain_value_is_found_at_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 3);
    tamper(
        &session,
        "UPDATE audit_trail SET chain = zeroblob(32) WHERE seq = 2",
        [],
    );
    assert_eq!(problems(&session), [(2, 1, AuditProblemKind::Altered)]);
}

#[test]
fn a_removed_entry_in_the_middle_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 5);
    tamper(&session, "DELETE FROM audit_trail WHERE seq = 3", []);
    assert_eq!(problems(&session), [(3, 1, AuditProblemKind::Missing)]);
    session
        .conn()
        .execute("DELETE FROM audit_trail WHERE seq = 2", [])
        .unwrap();
    assert_eq!(problems(&session), [(2, 2, AuditProblemKind::Missing)]);
}

#[test]
fn removed_last_entries_are_found_and_stay_found() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 4);
    session
        .conn()
        .execute("DELETE FROM audit_trail WHERE seq >= 3", [])
        .unwrap();
    assert_eq!(problems(&session), [(3, 2, AuditProblemKind::TailRemoved)]);
    // The next entry continues from the head, so the gap is still there to see.
    drop(session);
    let session = unlock(dir.path(), "sara", PASS);
    assert_eq!(problems(&session), [(3, 2, AuditProblemKind::Missing)]);
    assert_eq!(session.audit_trail().unwrap()[0].seq, 5);
}

#[test]
fn a_removed_head_is_found_and_stays_found() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 3);
    tamper(&session, "DELETE FROM audit_trail WHERE seq = 3", []);
    tamper(
        &session,
        "DELETE FROM settings WHERE name = 'audit_head'",
        [],
    );
    assert_eq!(problems(&session), [(3, 1, AuditProblemKind::TailRemoved)]);
    drop(session);
    let session = unlock(dir.path(), "sara", PASS);
    assert_eq!(problems(&session), [(3, 1, AuditProblemKind::Missing)]);

    // A head that does not open counts as none; the store still unlocks.
    let mut head: Vec<u8> = session
        .conn()
        .query_row(
            "SELECT value FROM settings WHERE name = 'audit_head'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    head[15] ^= 0x01;
    tamper(
        &session,
        "UPDATE settings SET value = ?1 WHERE name = 'audit_head'",
        [head],
    );
    let report = session.verify().unwrap();
    assert!(!report.is_sound());
    assert_eq!(report.damaged.len(), 1, "the head is a damaged setting too");
    assert!(report.audit.unwrap().problems.contains(&AuditProblem {
        seq: 5,
        count: 1,
        problem: AuditProblemKind::TailRemoved
    }));
}

#[test]
fn swapped_entries_are_altered() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 4);
    let conn = session.conn();
    let entry = |seq: i64| -> Vec<u8> {
        conn.query_row("SELECT entry FROM audit_trail WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let (two, three) = (entry(2), entry(3));
    tamper(
        &session,
        "UPDATE audit_trail SET entry = ?1 WHERE seq = 2",
        [three],
    );
    tamper(
        &session,
        "UPDATE audit_trail SET entry = ?1 WHERE seq = 3",
        [two],
    );
    assert_eq!(
        problems(&session),
        [
            (2, 1, AuditProblemKind::Altered),
            (3, 1, AuditProblemKind::Altered)
        ]
    );
}

#[test]
fn renumbered_rows_are_altered() {
    let dir = tempfile::tempdir().unwrap();
    let session = trail_of(dir.path(), 3);
    // Rows 2 and 3 change places whole (entry and chain with them).
    tamper(
        &session,
        "UPDATE audit_trail SET seq = 10 WHERE seq = 2",
        [],
    );
    tamper(&session, "UPDATE audit_trail SET seq = 2 WHERE seq = 3", []);
    tamper(
        &session,
        "UPDATE audit_trail SET seq = 3 WHERE seq = 10",
        [],
    );
    let found = problems(&session);
    assert!(
        found.contains(&(2, 1, AuditProblemKind::Altered)),
        "{found:?}"
    );
    assert!(
        found.contains(&(3, 1, AuditProblemKind::Altered)),
        "{found:?}"
    );
}

#[test]
fn only_supervisors_read_or_verify_the_trail() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    session
        .add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    drop(session);
    let mut volunteer = unlock(dir.path(), "omar", "volunteer pass 1");
    assert_eq!(volunteer.audit_trail().unwrap_err().code(), "not_allowed");
    assert_eq!(volunteer.verify_audit().unwrap_err().code(), "not_allowed");
    assert_eq!(
        volunteer.publishing().err().map(|e| e.code()),
        Some("not_allowed")
    );
    let report = volunteer.verify().unwrap();
    assert_eq!(
        report.audit, None,
        "a volunteer's verify leaves the trail out"
    );
    assert!(report.is_sound());
}

#[test]
fn the_trail_survives_a_backup_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = trail_of(&dir.path().join("live"), 2);
    let number = session.record_call(None, &a_call("x")).unwrap();
    session.case_history(&number).unwrap();
    let file = dir.path().join("backup");
    session.backup(&file).unwrap();
    let before = session.audit_trail().unwrap();

    let restored_dir = dir.path().join("restored");
    let passphrase: Passphrase = pass(PASS);
    let store = restore(
        &file,
        &restored_dir,
        &BackupSecret::User {
            name: "sara",
            passphrase: &passphrase,
        },
    )
    .unwrap();
    let restored = store.unlock("sara", &passphrase).unwrap();
    let after = restored.audit_trail().unwrap();
    // The backup holds the trail up to the backup (its own entry is written after the file),
    // and the restored store goes on from there.
    assert_eq!(&after[1..], &before[1..]);
    assert_eq!(after[0].action, AuditAction::SignedIn);
    assert_eq!(after[0].seq, before[1].seq + 1);
    assert!(restored.verify().unwrap().is_sound());
    assert!(std::fs::metadata(restored_dir.join(DATABASE_FILE)).is_ok());
}

fn failed_sign_ins(session: &Session) -> Vec<(String, SignInFailure)> {
    let mut trail = session.audit_trail().unwrap();
    trail.reverse();
    trail
        .into_iter()
        .filter_map(|e| match e.action {
            AuditAction::SignInFailed { name, reason, .. } => Some((name, reason)),
            _ => None,
        })
        .collect()
}

fn pending_reports(dir: &Path) -> i64 {
    rusqlite::Connection::open(dir.join(DATABASE_FILE))
        .unwrap()
        .query_row("SELECT count(*) FROM failed_sign_ins", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn failed_sign_ins_reach_the_audit_trail_at_the_next_sign_in_without_their_passphrases() {
    let dir = tempfile::tempdir().unwrap();
    let (mut sara, code) = new_store(dir.path());
    sara.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    drop(sara);
    let store = Store::open(dir.path()).unwrap();
    let wrong = "guessed-passphrase-7";
    let err = store.unlock("omar", &pass(wrong)).err().unwrap();
    assert_eq!(err.code(), "wrong_passphrase");
    // A passphrase typed into the name field by mistake is an unknown user: its text is never
    // kept, since supervisors read the trail.
    let err = Store::open(dir.path())
        .unwrap()
        .unlock(wrong, &pass("volunteer pass 1"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "unknown_user");
    let other_code = crate::crypto::RecoveryCode::random();
    let err = Store::open(dir.path())
        .unwrap()
        .recover(&other_code, "sara", &pass("new passphrase 1"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "wrong_recovery_code");
    assert_eq!(pending_reports(dir.path()), 3);
    // Sealed: nothing typed can be read in the files.
    for (name, bytes) in raw_files(dir.path()) {
        assert!(
            !bytes.windows(wrong.len()).any(|w| w == wrong.as_bytes()),
            "{wrong} in {name}"
        );
    }

    let sara = unlock(dir.path(), "sara", PASS);
    assert_eq!(
        failed_sign_ins(&sara),
        [
            ("omar".to_owned(), SignInFailure::WrongPassphrase),
            (String::new(), SignInFailure::UnknownUser),
            ("sara".to_owned(), SignInFailure::WrongRecoveryCode),
        ]
    );
    let kinds = kinds(&sara);
    assert_eq!(
        kinds.last().unwrap(),
        "signed_in",
        "entered before the sign-in: {kinds:?}"
    );
    assert_eq!(pending_reports(dir.path()), 0, "entered once");
    let trail = serde_json::to_string(&sara.audit_trail().unwrap()).unwrap();
    assert!(
        !trail.contains(wrong),
        "the passphrase tried is never recorded"
    );
    assert!(sara.verify().unwrap().is_sound());
    drop(sara);

    // The recovery code's session enters them too.
    let _ = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass(wrong));
    let sara = Store::open(dir.path())
        .unwrap()
        .recover(&code, "sara", &pass("new passphrase 1"))
        .unwrap();
    assert_eq!(failed_sign_ins(&sara).len(), 4);
}

#[test]
fn reports_that_do_not_open_and_a_replaced_report_key_are_entered_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let (sara, _) = new_store(dir.path());
    drop(sara);
    let _ = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("not the passphrase"));
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute(
        "INSERT INTO failed_sign_ins (id, report) VALUES (7, x'00112233')",
        [],
    )
    .unwrap();
    let sara = unlock(dir.path(), "sara", PASS);
    let report = sara.verify().unwrap();
    assert!(report.is_sound(), "taken at sign-in: {report:?}");
    let damaged: Vec<AuditAction> = sara
        .audit_trail()
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .filter(|a| matches!(a, AuditAction::SignInReportsDamaged { .. }))
        .collect();
    assert_eq!(
        damaged,
        [AuditAction::SignInReportsDamaged {
            unreadable: 1,
            key_replaced: false
        }]
    );
    assert_eq!(
        failed_sign_ins(&sara).len(),
        1,
        "the sound report still counts"
    );
    drop(sara);

    // An insider swaps in a key of their own, to read the names typed at this desk.
    let (_, theirs) = {
        let elsewhere = tempfile::tempdir().unwrap();
        let (session, _) = new_store(elsewhere.path());
        drop(session);
        let other = rusqlite::Connection::open(elsewhere.path().join(DATABASE_FILE)).unwrap();
        let key: Vec<u8> = other
            .query_row("SELECT sign_in_report_key FROM store_info", [], |r| {
                r.get(0)
            })
            .unwrap();
        (elsewhere, key)
    };
    conn.execute("UPDATE store_info SET sign_in_report_key = ?1", [&theirs])
        .unwrap();
    let _ = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("not the passphrase"));
    let sara = unlock(dir.path(), "sara", PASS);
    assert!(matches!(
        &sara.audit_trail().unwrap()[1].action,
        AuditAction::SignInReportsDamaged {
            unreadable: 1,
            key_replaced: true
        }
    ));
    let key: Vec<u8> = conn
        .query_row("SELECT sign_in_report_key FROM store_info", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_ne!(key, theirs, "the store's own key is back");
}

#[test]
fn a_report_waiting_for_the_next_session_is_checked_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let (sara, _) = new_store(dir.path());
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    // Written by the unlock screen of another process while this session is open.
    sign_in_reports::report(&conn, "omar", SignInFailure::WrongPassphrase).unwrap();
    assert!(sara.verify().unwrap().is_sound());
    conn.execute(
        "UPDATE failed_sign_ins SET report = substr(report, 1, 40)",
        [],
    )
    .unwrap();
    let report = sara.verify().unwrap();
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(report.damaged[0].table, "failed_sign_ins");
}
