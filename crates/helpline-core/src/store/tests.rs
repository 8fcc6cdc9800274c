use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::*;
use crate::CaseNumber;

pub(super) const PASS: &str = "correct horse battery";

pub(super) fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

pub(super) fn new_store(dir: &Path) -> (Session, RecoveryCode) {
    Store::create(dir, "sara", &pass(PASS)).unwrap()
}

pub(super) fn call_at(started: chrono::DateTime<Utc>, level: ConcernLevel, notes: &str) -> Call {
    Call {
        started_at: started,
        ended_at: Some(started + chrono::Duration::minutes(23)),
        content: CallContent {
            channel: Channel::Phone,
            language: Language::Arabic,
            level,
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
            referrals: vec![ReferralCode::new("psychologist").unwrap()],
            next_steps: "call back after the weekend".into(),
            follow_up: None,
            follow_up_done: false,
            notes: notes.into(),
        },
    }
}

/// A case's row id, found the way the store finds it (by the blind index of its number).
pub(super) fn case_id(session: &Session, number: &CaseNumber) -> i64 {
    let index = crypto::blind_index(&session.keys.case_index, &number.canonical());
    session
        .conn()
        .query_row(
            "SELECT id FROM cases WHERE number_index = ?1",
            [&index[..]],
            |r| r.get(0),
        )
        .unwrap()
}

pub(super) fn a_call(notes: &str) -> Call {
    call_at(
        Utc.with_ymd_and_hms(2026, 3, 14, 9, 26, 53).unwrap(),
        ConcernLevel::StrongInterest,
        notes,
    )
}

#[test]
fn a_case_keeps_its_calls_and_comes_back_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let first = a_call("first call: son talks about leaving");
    let number = session.record_call(None, &first).unwrap();
    let later = call_at(
        first.started_at + chrono::Duration::days(9),
        ConcernLevel::WishToLeave,
        "second call, مرحبا",
    );
    assert_eq!(session.record_call(Some(&number), &later).unwrap(), number);
    session
        .record_call(None, &a_call("another family"))
        .unwrap();

    let store = session.lock();
    let session = store.unlock("sara", &pass(PASS)).unwrap();
    let typed = number
        .grouped(crate::DigitScript::ArabicIndic)
        .replace(' ', "-");
    let history = session
        .case_history(&CaseNumber::parse(&typed).unwrap())
        .unwrap();
    let calls: Vec<&Call> = history.calls.iter().map(|c| &c.call).collect();
    assert_eq!(calls, vec![&first, &later]);
}

#[test]
fn a_valid_number_without_a_case_is_no_such_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    session.record_call(None, &a_call("x")).unwrap();
    let err = session.case_history(&CaseNumber::random()).unwrap_err();
    assert_eq!(err.code(), "no_such_case");
    let err = session
        .record_call(Some(&CaseNumber::random()), &a_call("x"))
        .unwrap_err();
    assert_eq!(err.code(), "no_such_case");
    let mut typo = CaseNumber::random().canonical().into_bytes();
    typo[0] = if typo[0] == b'9' { b'0' } else { typo[0] + 1 };
    let err = Error::from(CaseNumber::parse(std::str::from_utf8(&typo).unwrap()).unwrap_err());
    assert_eq!(
        err.code(),
        "case_number_check_failed",
        "a typo is not valid, not 'no such case'"
    );
}

#[test]
fn unlock_tells_unknown_users_from_wrong_passphrases() {
    let dir = tempfile::tempdir().unwrap();
    new_store(dir.path());
    let err = Store::open(dir.path())
        .unwrap()
        .unlock("nobody", &pass(PASS))
        .err()
        .unwrap();
    assert_eq!(err.code(), "unknown_user");
    let err = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass("not the passphrase"))
        .err()
        .unwrap();
    assert_eq!(err.code(), "wrong_passphrase");
    let session = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass(PASS))
        .unwrap();
    assert_eq!(session.role(), Role::Supervisor);
}

#[test]
fn opening_tells_what_is_wrong_with_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Store::open(dir.path()).err().unwrap().code(), "no_store");

    std::fs::write(
        dir.path().join(DATABASE_FILE),
        b"these are not the droids you are looking for, not at all",
    )
    .unwrap();
    assert_eq!(Store::open(dir.path()).err().unwrap().code(), "not_a_store");

    let other = tempfile::tempdir().unwrap();
    let conn = Connection::open(other.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    assert_eq!(
        Store::open(other.path()).err().unwrap().code(),
        "not_a_store"
    );

    let newer = tempfile::tempdir().unwrap();
    new_store(newer.path());
    let conn = Connection::open(newer.path().join(DATABASE_FILE)).unwrap();
    conn.pragma_update(None, "user_version", schema::latest_version() + 1)
        .unwrap();
    drop(conn);
    assert_eq!(
        Store::open(newer.path()).err().unwrap().code(),
        "newer_schema"
    );

    assert_eq!(
        Store::create(newer.path(), "sara", &pass(PASS))
            .err()
            .unwrap()
            .code(),
        "store_exists"
    );
}

#[test]
fn roles_guard_user_management() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    assert_eq!(
        boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
            .unwrap_err()
            .code(),
        "user_exists"
    );
    assert_eq!(
        boss.add_user(" omar", Role::Volunteer, &pass("volunteer pass 1"))
            .unwrap_err()
            .code(),
        "invalid_user_name"
    );
    assert_eq!(
        boss.remove_user("sara").unwrap_err().code(),
        "invalid_argument"
    );
    let number = boss.record_call(None, &a_call("seen by both")).unwrap();
    let mut volunteer = boss
        .lock()
        .unlock("omar", &pass("volunteer pass 1"))
        .unwrap();
    assert_eq!(volunteer.role(), Role::Volunteer);
    assert_eq!(
        volunteer
            .add_user("eve", Role::Supervisor, &pass("whatever pass"))
            .unwrap_err()
            .code(),
        "not_allowed"
    );
    assert_eq!(
        volunteer.remove_user("sara").unwrap_err().code(),
        "not_allowed"
    );
    assert_eq!(volunteer.users().unwrap_err().code(), "not_allowed");
    // The volunteer reads the same case through their own key slot.
    assert_eq!(volunteer.case_history(&number).unwrap().calls.len(), 1);

    let mut boss = volunteer.lock().unlock("sara", &pass(PASS)).unwrap();
    boss.add_user("lina", Role::Supervisor, &pass("second supervisor"))
        .unwrap();
    boss.remove_user("omar").unwrap();
    let names: Vec<String> = boss.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["lina", "sara"]);
    let slots: i64 = boss
        .conn()
        .query_row("SELECT count(*) FROM key_slots", [], |r| r.get(0))
        .unwrap();
    assert_eq!(slots, 3, "two users and the recovery slot");
    let mut lina = boss
        .lock()
        .unlock("lina", &pass("second supervisor"))
        .unwrap();
    lina.remove_user("sara").unwrap();
    let store = lina.lock();
    assert_eq!(
        store
            .unlock("omar", &pass("volunteer pass 1"))
            .err()
            .unwrap()
            .code(),
        "unknown_user"
    );
}

#[test]
fn a_user_name_is_one_name_whatever_its_letter_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    boss.add_user("Omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    let err = boss
        .add_user("omar", Role::Supervisor, &pass("another pass 1"))
        .unwrap_err();
    assert_eq!(err.code(), "user_exists");
    assert!(
        err.to_string().contains("\"Omar\""),
        "names the existing user: {err}"
    );
    boss.reset_passphrase("OMAR", &pass("volunteer pass 2"))
        .unwrap();

    // "Sara" signs in as "sara", and the session and the audit use the name as it was set up.
    let sara = boss.lock().unlock("Sara", &pass(PASS)).unwrap();
    assert_eq!(sara.user_name(), "sara");
    let trail = sara.audit_trail().unwrap();
    assert_eq!(trail.last().unwrap().user, "sara");
    assert!(matches!(
        &trail[trail.len() - 2].action,
        AuditAction::PassphraseReset { name } if name == "Omar"
    ));
    let omar = sara
        .lock()
        .unlock("omar", &pass("volunteer pass 2"))
        .unwrap();
    assert_eq!(omar.user_name(), "Omar");
    let mut sara = omar.lock().unlock("SARA", &pass(PASS)).unwrap();
    assert_eq!(
        sara.remove_user("sArA").unwrap_err().code(),
        "invalid_argument",
        "removing oneself in another case is still oneself"
    );
    sara.remove_user("OMAR").unwrap();
    let names: Vec<String> = sara.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["sara"]);
}

#[test]
fn two_users_from_before_the_rule_sign_in_by_their_exact_names() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    boss.add_user("omar", Role::Volunteer, &pass("first omar pass"))
        .unwrap();
    boss.add_user("Omer", Role::Volunteer, &pass("second omar pass"))
        .unwrap();
    // An earlier release let a second "omar" in: make the store it left.
    boss.conn()
        .execute("UPDATE users SET name = 'Omar' WHERE name = 'Omer'", [])
        .unwrap();
    // That release wrote the slot for the name as it stands.
    boss.reset_passphrase("Omar", &pass("second omar pass"))
        .unwrap();
    let store = boss.lock();
    let first = store.unlock("omar", &pass("first omar pass")).unwrap();
    assert_eq!(first.user_name(), "omar");
    let second = first
        .lock()
        .unlock("Omar", &pass("second omar pass"))
        .unwrap();
    assert_eq!(second.user_name(), "Omar");
    assert_eq!(
        second
            .lock()
            .unlock("OMAR", &pass("second omar pass"))
            .err()
            .unwrap()
            .code(),
        "user_name_ambiguous"
    );
}

#[test]
fn a_supervisor_cannot_remove_themselves_so_one_always_remains() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    boss.add_user("lina", Role::Supervisor, &pass("second supervisor"))
        .unwrap();
    let mut lina = boss
        .lock()
        .unlock("lina", &pass("second supervisor"))
        .unwrap();
    lina.remove_user("sara").unwrap();
    assert_eq!(
        lina.remove_user("lina").unwrap_err().code(),
        "invalid_argument"
    );
    assert_eq!(
        lina.users().unwrap(),
        [UserSummary {
            name: "lina".into(),
            role: Role::Supervisor
        }]
    );
}

#[test]
fn a_new_passphrase_replaces_the_old_without_touching_data() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session
        .record_call(None, &a_call("kept through the change"))
        .unwrap();
    let before: Vec<u8> = session
        .conn()
        .query_row("SELECT notes FROM calls", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        session
            .change_passphrase(&pass("wrong current pass"), &pass("a brand new passphrase"))
            .unwrap_err()
            .code(),
        "wrong_passphrase"
    );
    session
        .change_passphrase(&pass(PASS), &pass("a brand new passphrase"))
        .unwrap();
    let after: Vec<u8> = session
        .conn()
        .query_row("SELECT notes FROM calls", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after, "no data is re-encrypted");
    let store = session.lock();
    let store = match store.unlock("sara", &pass(PASS)) {
        Err(e) => {
            assert_eq!(e.code(), "wrong_passphrase");
            Store::open(dir.path()).unwrap()
        }
        Ok(_) => panic!("the old passphrase still opens the store"),
    };
    let session = store
        .unlock("sara", &pass("a brand new passphrase"))
        .unwrap();
    assert_eq!(
        session.case_history(&number).unwrap().calls[0]
            .call
            .content
            .notes,
        "kept through the change"
    );
}

#[test]
fn the_recovery_code_opens_the_store_and_sets_a_new_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, code) = new_store(dir.path());
    let number = session.record_call(None, &a_call("recovered")).unwrap();
    let store = session.lock();
    let wrong = RecoveryCode::random();
    let store = match store.recover(&wrong, "sara", &pass("after recovery 1")) {
        Err(e) => {
            assert_eq!(e.code(), "wrong_recovery_code");
            Store::open(dir.path()).unwrap()
        }
        Ok(_) => panic!("a random code opened the store"),
    };
    let typed = RecoveryCode::parse(&code.display().to_lowercase()).unwrap();
    let session = store
        .recover(&typed, "sara", &pass("after recovery 1"))
        .unwrap();
    assert_eq!(
        session.case_history(&number).unwrap().calls[0]
            .call
            .content
            .notes,
        "recovered"
    );
    let session = session
        .lock()
        .unlock("sara", &pass("after recovery 1"))
        .unwrap();
    assert_eq!(session.user_name(), "sara");
}

#[test]
fn a_slot_or_key_from_elsewhere_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    new_store(dir.path());
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute("DELETE FROM key_slots WHERE kind = 'user'", [])
        .unwrap();
    drop(conn);
    assert_eq!(
        Store::open(dir.path())
            .unwrap()
            .unlock("sara", &pass(PASS))
            .err()
            .unwrap()
            .code(),
        "key_slot_missing"
    );
}

#[test]
fn a_slot_asking_for_more_argon2id_than_the_app_writes_is_a_damaged_record() {
    let dir = tempfile::tempdir().unwrap();
    new_store(dir.path());
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    // 4 GiB and 64 passes: never given to Argon2id, so this answers at once.
    conn.execute(
        "UPDATE key_slots SET kdf_memory_kib = 4194304, kdf_iterations = 64 WHERE kind = 'user'",
        [],
    )
    .unwrap();
    drop(conn);
    let err = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass(PASS))
        .err()
        .unwrap();
    assert!(
        matches!(
            err,
            Error::DamagedRecord {
                table: "key_slots",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn referrals_must_be_on_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    assert_eq!(session.settings().unwrap(), HelplineSettings::default());
    let mut call = a_call("x");
    call.content.referrals = vec![ReferralCode::new("astrologer").unwrap()];
    assert_eq!(
        session.record_call(None, &call).unwrap_err().code(),
        "invalid_argument"
    );
    call.content.referrals = vec![];
    call.content.notes = "n".repeat(crate::domain::MAX_NOTES_CHARS + 1);
    assert_eq!(
        session.record_call(None, &call).unwrap_err().code(),
        "too_long"
    );
    let count: i64 = session
        .conn()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0, "nothing is written for a refused call");
}

#[test]
fn a_sealed_value_moved_to_another_row_is_a_damaged_record() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let victim = session.record_call(None, &a_call("victim notes")).unwrap();
    session
        .record_call(Some(&victim), &a_call("victim second call"))
        .unwrap();
    let intact = session.record_call(None, &a_call("intact notes")).unwrap();
    // Within one case, so the case key is the same and only the row binding can tell.
    let (first, second): (i64, i64) = session
        .conn()
        .query_row(
            "SELECT min(id), max(id) FROM calls WHERE case_id = (SELECT case_id FROM calls GROUP BY case_id HAVING count(*) = 2)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    session
        .conn()
        .execute(
            "UPDATE calls SET notes = (SELECT notes FROM calls WHERE id = ?1) WHERE id = ?2",
            [first, second],
        )
        .unwrap();

    let session = session.lock().unlock("sara", &pass(PASS)).unwrap();
    match session.case_history(&victim).unwrap_err() {
        Error::DamagedRecord { table, row, column } => {
            assert_eq!((table, row, column), ("calls", second, "notes"))
        }
        other => panic!("expected a damaged record, got {other:?}"),
    }
    assert_eq!(
        session.case_history(&intact).unwrap().calls[0]
            .call
            .content
            .notes,
        "intact notes"
    );
    let report = session.verify().unwrap();
    assert_eq!(report.sqlite_integrity, ["ok"]);
    assert_eq!(
        report.damaged,
        [DamagedPlace {
            table: "calls",
            row: second,
            column: "notes"
        }]
    );
    assert!(!report.is_sound());
}

#[test]
fn a_flipped_bit_in_a_case_key_is_reported_for_that_case_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let broken = session.record_call(None, &a_call("a")).unwrap();
    let fine = session.record_call(None, &a_call("b")).unwrap();
    let index = crypto::blind_index(&session.keys.case_index, &broken.canonical());
    let id: i64 = session
        .conn()
        .query_row(
            "SELECT id FROM cases WHERE number_index = ?1",
            [&index[..]],
            |r| r.get(0),
        )
        .unwrap();
    let mut wrapped: Vec<u8> = session
        .conn()
        .query_row("SELECT wrapped_key FROM cases WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    wrapped[20] ^= 0x01;
    session
        .conn()
        .execute(
            "UPDATE cases SET wrapped_key = ?1 WHERE id = ?2",
            rusqlite::params![wrapped, id],
        )
        .unwrap();
    assert_eq!(
        session.case_history(&broken).unwrap_err().code(),
        "damaged_record"
    );
    assert!(session.case_history(&fine).is_ok());
    let report = session.verify().unwrap();
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(
        (report.damaged[0].table, report.damaged[0].row),
        ("cases", id)
    );
}

#[test]
fn a_sound_store_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let n = session.record_call(None, &a_call("a")).unwrap();
    session.record_call(Some(&n), &a_call("b")).unwrap();
    let report = session.verify().unwrap();
    assert!(report.is_sound(), "{report:?}");
    // one role, two settings (the helpline's, the key slots' owners), a case (key, number,
    // summary), two calls of two sealed columns
    assert_eq!(report.sealed_values_checked, 1 + 2 + 3 + 4);
}

#[test]
fn the_files_are_private_to_their_owner() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    let (mut session, _) = new_store(&dir);
    session.record_call(None, &a_call("x")).unwrap();
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        assert_eq!(
            entry.metadata().unwrap().permissions().mode() & 0o077,
            0,
            "{:?} is readable by others",
            entry.path()
        );
        seen += 1;
    }
    assert!(seen >= 2, "expected the database and its WAL");
}

#[test]
fn the_schema_stores_in_plain_only_what_the_allow_list_names() {
    let dir = tempfile::tempdir().unwrap();
    let (session, _) = new_store(dir.path());
    let mut actual = BTreeSet::new();
    let mut tables = session
        .conn()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap();
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in names {
        let mut columns = session
            .conn()
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap();
        for column in columns.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            actual.insert((table.clone(), column.unwrap()));
        }
    }
    let listed: BTreeSet<(String, String)> = COLUMNS
        .iter()
        .map(|(t, c, _)| (t.to_string(), c.to_string()))
        .collect();
    assert_eq!(
        actual, listed,
        "every column must be in store::schema::COLUMNS, as plain or sealed"
    );
}

/// Every byte of every file in the data folder, for the leak scan.
pub(super) fn raw_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.display().to_string(), std::fs::read(&path).unwrap())
        })
        .collect()
}

fn assert_absent(files: &[(String, Vec<u8>)], needle: &str) {
    for (name, bytes) in files {
        let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(!found, "{needle:?} is readable in {name}");
    }
}

#[test]
fn nothing_written_can_be_read_from_the_raw_files() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let started = Utc.with_ymd_and_hms(2026, 3, 14, 9, 26, 53).unwrap();
    let mut call = call_at(
        started,
        ConcernLevel::InTransitCountry,
        "NOTES-MARKER Yusuf talks of Raqqa, يوسف في الرقة",
    );
    call.content.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails {
        name: Some("Fatima Zahra Lindqvist".into()),
        phone: Some("+46 70 123 45 67".into()),
        email: Some("fatima.lindqvist@example.se".into()),
    });
    call.content.next_steps = "NEXTSTEP-MARKER meet the school counsellor".into();
    let mut numbers = vec![session.record_call(None, &call).unwrap()];
    numbers.push(
        session
            .record_call(Some(&numbers[0]), &a_call("second NOTES-MARKER"))
            .unwrap(),
    );
    numbers.push(
        session
            .record_call(None, &a_call("third NOTES-MARKER"))
            .unwrap(),
    );

    let mut needles: Vec<String> = vec![
        "NOTES-MARKER".into(),
        "Yusuf".into(),
        "يوسف".into(),
        "Fatima".into(),
        "Lindqvist".into(),
        "123 45 67".into(),
        "example.se".into(),
        "NEXTSTEP-MARKER".into(),
        "counsellor".into(),
        "in_transit_country".into(),
        "planning_to_travel".into(),
        "violent_islamist".into(),
        "psychologist".into(),
        "supervisor".into(),
        // the call's time in the forms a careless writer would use
        "2026-03-14".into(),
        "20260314".into(),
        "14/03/2026".into(),
        "3/14/2026".into(),
        "09:26".into(),
        "09:49".into(),
        started.timestamp().to_string(),
        started.timestamp_millis().to_string(),
    ];
    for n in &numbers {
        needles.push(n.canonical());
        needles.push(n.grouped(crate::DigitScript::Latin));
        needles.push(n.canonical()[..8].to_string());
    }
    // While the writes are still in the WAL…
    let files = raw_files(dir.path());
    assert!(
        files.iter().any(|(name, _)| name.ends_with("-wal")),
        "the WAL should be scanned too"
    );
    for needle in &needles {
        assert_absent(&files, needle);
    }
    // …and after they are checkpointed into the database file and the store is closed.
    drop(session);
    let files = raw_files(dir.path());
    for needle in &needles {
        assert_absent(&files, needle);
    }
    // The scan itself can fail: the plain month and user name are there.
    let db = &files
        .iter()
        .find(|(name, _)| name.ends_with(DATABASE_FILE))
        .unwrap()
        .1;
    assert!(db.windows(7).any(|w| w == b"2026-03"));
    assert!(db.windows(4).any(|w| w == b"sara"));
}

#[test]
fn architecture_md_lists_what_is_stored_in_plain() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ARCHITECTURE.md"
    ))
    .unwrap();
    for (table, column, storage) in COLUMNS {
        let kind = match storage {
            Storage::Plain(_) => "plain",
            Storage::Sealed(_) | Storage::SealedToReportKey => "sealed",
        };
        let row = format!("| `{table}` | `{column}` | {kind} |");
        assert!(doc.contains(&row), "ARCHITECTURE.md lacks the row {row}");
    }
    let rows = doc.lines().filter(|l| l.starts_with("| `")).count();
    assert_eq!(
        rows,
        COLUMNS.len(),
        "ARCHITECTURE.md lists columns the code does not have"
    );
}

fn content(notes: &str) -> CallContent {
    a_call(notes).content
}

#[test]
fn a_started_call_reserves_its_number_and_autosaves_until_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let draft = session.start_call(None).unwrap();
    assert_eq!(draft.content, CallContent::blank());
    // The number exists at once, before anything is said.
    assert_eq!(session.case_history(&draft.number).unwrap().calls.len(), 0);
    session
        .save_draft(draft.draft_id, &content("first words"))
        .unwrap();
    session
        .save_draft(draft.draft_id, &content("first words, and more"))
        .unwrap();
    assert_eq!(
        session.case_history(&draft.number).unwrap().calls.len(),
        0,
        "a draft is not a finished call"
    );

    // The app dies here; the next unlock finds the call with its notes.
    drop(session);
    let mut session = Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass(PASS))
        .unwrap();
    let unfinished = session.unfinished_calls().unwrap();
    assert_eq!(unfinished.len(), 1);
    assert_eq!(unfinished[0].number, draft.number);
    assert_eq!(unfinished[0].started_at, draft.started_at);
    assert_eq!(unfinished[0].content.notes, "first words, and more");

    let number = session
        .end_call(draft.draft_id, &content("the whole call"))
        .unwrap();
    assert_eq!(number, draft.number);
    assert!(session.unfinished_calls().unwrap().is_empty());
    let history = session.case_history(&number).unwrap();
    assert_eq!(history.calls.len(), 1);
    let call = &history.calls[0].call;
    assert_eq!(call.started_at, draft.started_at);
    assert!(call.ended_at.unwrap() >= call.started_at);
    assert_eq!(call.content.notes, "the whole call");
    assert_eq!(
        session
            .end_call(draft.draft_id, &content("again"))
            .unwrap_err()
            .code(),
        "no_such_call"
    );
    assert_eq!(
        session
            .save_draft(draft.draft_id, &content("late"))
            .unwrap_err()
            .code(),
        "no_such_call"
    );
}

#[test]
fn a_returning_callers_new_call_starts_from_who_called_about_whom() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let number = session.record_call(None, &a_call("first")).unwrap();
    let draft = session.start_call(Some(&number)).unwrap();
    let first = a_call("first").content;
    assert_eq!(draft.content.caller, first.caller);
    assert_eq!(draft.content.person, first.person);
    assert_eq!(draft.content.level, ConcernLevel::NotAssessed);
    assert_eq!(draft.content.notes, "");
    assert_eq!(
        session
            .start_call(Some(&CaseNumber::random()))
            .unwrap_err()
            .code(),
        "no_such_case"
    );
}

#[test]
fn a_discarded_call_leaves_no_trace_of_an_empty_new_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let mistaken = session.start_call(None).unwrap();
    session.discard_call(mistaken.draft_id).unwrap();
    assert_eq!(
        session.case_history(&mistaken.number).unwrap_err().code(),
        "no_such_case"
    );
    assert_eq!(
        session.discard_call(mistaken.draft_id).unwrap_err().code(),
        "no_such_call"
    );
    // On an existing case only the draft goes.
    let number = session.record_call(None, &a_call("kept")).unwrap();
    let draft = session.start_call(Some(&number)).unwrap();
    session.discard_call(draft.draft_id).unwrap();
    assert_eq!(session.case_history(&number).unwrap().calls.len(), 1);
}

#[test]
fn ending_a_call_checks_it_and_keeps_the_draft_when_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let draft = session.start_call(None).unwrap();
    let mut refused = content("notes that must not be lost");
    refused.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails::default());
    // Autosave keeps whatever is typed; ending needs a consistent call.
    session.save_draft(draft.draft_id, &refused).unwrap();
    assert_eq!(
        session
            .end_call(draft.draft_id, &refused)
            .unwrap_err()
            .code(),
        "contact_details_missing"
    );
    refused.caller.identity = CallerIdentity::Anonymous;
    refused.referrals = vec![ReferralCode::new("astrologer").unwrap()];
    assert_eq!(
        session
            .end_call(draft.draft_id, &refused)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    let unfinished = session.unfinished_calls().unwrap();
    assert_eq!(unfinished[0].content.notes, "notes that must not be lost");
    let mut too_long = content("");
    too_long.notes = "n".repeat(crate::domain::MAX_NOTES_CHARS + 1);
    assert_eq!(
        session
            .save_draft(draft.draft_id, &too_long)
            .unwrap_err()
            .code(),
        "too_long"
    );
}

#[test]
fn the_cases_list_shows_latest_and_highest_levels_and_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    let rising = session
        .record_call(None, &call_at(t0, ConcernLevel::StrongInterest, "a"))
        .unwrap();
    let mut later = call_at(
        t0 + chrono::Duration::days(3),
        ConcernLevel::InTransitCountry,
        "b",
    );
    later.content.follow_up = Some(chrono::NaiveDate::from_ymd_opt(2026, 5, 10).unwrap());
    session.record_call(Some(&rising), &later).unwrap();
    session
        .record_call(
            Some(&rising),
            &call_at(
                t0 + chrono::Duration::days(5),
                ConcernLevel::NotAssessed,
                "c",
            ),
        )
        .unwrap();
    session
        .record_call(
            Some(&rising),
            &call_at(
                t0 + chrono::Duration::days(6),
                ConcernLevel::WishToLeave,
                "d",
            ),
        )
        .unwrap();
    let quiet = session
        .record_call(
            None,
            &call_at(
                t0 - chrono::Duration::days(30),
                ConcernLevel::NotAssessed,
                "e",
            ),
        )
        .unwrap();

    let cases = session.list_cases().unwrap();
    assert_eq!(
        cases.iter().map(|c| &c.number).collect::<Vec<_>>(),
        [&rising, &quiet],
        "most recent first"
    );
    let summary = &cases[0].summary;
    assert_eq!(
        (summary.latest_level, summary.highest_level),
        (ConcernLevel::WishToLeave, ConcernLevel::InTransitCountry)
    );
    assert_eq!(
        (summary.calls, summary.open, summary.follow_up),
        (4, true, later.content.follow_up),
        "the follow-up stays until a call changes or does it"
    );
    assert!(
        !summary.escalated,
        "the latest assessed call (2) fell from 3"
    );
    session
        .record_call(
            Some(&rising),
            &call_at(
                t0 + chrono::Duration::days(7),
                ConcernLevel::InTransitCountry,
                "e",
            ),
        )
        .unwrap();
    assert!(
        session.list_cases().unwrap()[0].summary.escalated,
        "2 to 3 rose"
    );
    // A call recorded later with an earlier time leaves the summary exact.
    session
        .record_call(
            Some(&rising),
            &call_at(
                t0 - chrono::Duration::days(1),
                ConcernLevel::NotAssessed,
                "early",
            ),
        )
        .unwrap();
    let summary = &session.list_cases().unwrap()[0].summary;
    assert_eq!(
        (summary.calls, summary.latest_level, summary.escalated),
        (6, ConcernLevel::InTransitCountry, true)
    );

    let history = session.case_history(&rising).unwrap();
    let escalated: Vec<bool> = history.calls.iter().map(|c| c.escalated).collect();
    // early: not assessed; 1; → 3 rose; not assessed is no assessment; 3 → 2 fell; 2 → 3 rose.
    assert_eq!(escalated, [false, false, true, false, false, true]);

    session.set_case_open(&quiet, false).unwrap();
    assert!(!session.list_cases().unwrap()[1].summary.open);
    assert!(!session.case_history(&quiet).unwrap().open);
}

#[test]
fn settings_are_for_supervisors_to_change_and_everyone_to_read() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    let mut settings = boss.settings().unwrap();
    assert_eq!(settings.idle_lock_minutes, 5);
    settings.referrals.push(Referral {
        code: ReferralCode::new("exit_programme").unwrap(),
        label: Some("Exit, Stockholm".into()),
    });
    settings
        .transit_countries
        .push(CountryCode::try_from("IQ".to_string()).unwrap());
    settings.idle_lock_minutes = 10;
    boss.set_settings(&settings).unwrap();

    let mut twice = settings.clone();
    twice.referrals.push(twice.referrals[0].clone());
    assert_eq!(
        boss.set_settings(&twice).unwrap_err().code(),
        "invalid_argument"
    );
    let mut zero = settings.clone();
    zero.idle_lock_minutes = 0;
    assert_eq!(boss.set_settings(&zero).unwrap_err().code(), "out_of_range");

    boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    let mut volunteer = boss
        .lock()
        .unlock("omar", &pass("volunteer pass 1"))
        .unwrap();
    assert_eq!(volunteer.settings().unwrap(), settings);
    assert_eq!(
        volunteer.set_settings(&settings).unwrap_err().code(),
        "not_allowed"
    );
    let mut call = a_call("referred to the new programme");
    call.content.referrals = vec![ReferralCode::new("exit_programme").unwrap()];
    volunteer.record_call(None, &call).unwrap();
}

#[test]
fn statistics_read_whole_cases_of_the_months_asked_for_supervisors_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    let march = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    let april = Utc.with_ymd_and_hms(2026, 4, 10, 12, 0, 0).unwrap();
    let returning = boss
        .record_call(None, &call_at(march, ConcernLevel::StrongInterest, "a"))
        .unwrap();
    boss.record_call(
        Some(&returning),
        &call_at(april, ConcernLevel::InTransitCountry, "b"),
    )
    .unwrap();
    boss.record_call(None, &call_at(march, ConcernLevel::NotAssessed, "c"))
        .unwrap();
    let open_draft = boss.start_call(None).unwrap();
    boss.save_draft(open_draft.draft_id, &content("not finished"))
        .unwrap();

    let april_cases =
        case_rows::cases_in_months(boss.conn(), &boss.keys, &["2026-04".parse().unwrap()]).unwrap();
    assert_eq!(
        april_cases.len(),
        1,
        "only the case with a call in April, and no drafts"
    );
    let calls = &april_cases[0];
    assert_eq!(
        calls.len(),
        2,
        "with its March call, to tell it is returning"
    );
    assert!(calls[1].escalated);
    let both = case_rows::cases_in_months(
        boss.conn(),
        &boss.keys,
        &["2026-03".parse().unwrap(), "2026-04".parse().unwrap()],
    )
    .unwrap();
    assert_eq!(both.len(), 2);

    boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    let volunteer = boss
        .lock()
        .unlock("omar", &pass("volunteer pass 1"))
        .unwrap();
    assert_eq!(
        volunteer
            .month_counts(&["2026-04".parse().unwrap()])
            .unwrap_err()
            .code(),
        "not_allowed"
    );
}

mod backups {
    use super::*;
    use crate::store::backup::{restore, verify_backup, BackupSecret};

    #[test]
    fn a_backup_restores_elsewhere_with_a_passphrase_or_the_recovery_code() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, code) = new_store(&dir.path().join("live"));
        let number = session
            .record_call(None, &a_call("kept in the backup"))
            .unwrap();
        let draft = session.start_call(Some(&number)).unwrap();
        session
            .save_draft(
                draft.draft_id,
                &content("an unfinished call, backed up too"),
            )
            .unwrap();
        let file = dir.path().join("helpline.backup");
        session.backup(&file).unwrap();
        // The live store goes on; the backup is a snapshot of the moment it was taken.
        session
            .record_call(None, &a_call("after the backup"))
            .unwrap();

        let other = tempfile::tempdir().unwrap();
        let store = restore(
            &file,
            &other.path().join("a"),
            &BackupSecret::User {
                name: "sara",
                passphrase: &pass(PASS),
            },
        )
        .unwrap();
        let restored = store.unlock("sara", &pass(PASS)).unwrap();
        assert_eq!(
            restored.case_history(&number).unwrap().calls[0]
                .call
                .content
                .notes,
            "kept in the backup"
        );
        assert_eq!(restored.unfinished_calls().unwrap().len(), 1);
        assert_eq!(
            restored.list_cases().unwrap().len(),
            1,
            "nothing written after the backup"
        );
        assert!(restored.verify().unwrap().is_sound());

        let store = restore(
            &file,
            &other.path().join("b"),
            &BackupSecret::Recovery(&code),
        )
        .unwrap();
        let recovered = store
            .recover(&code, "sara", &pass("new after disaster"))
            .unwrap();
        assert_eq!(recovered.case_history(&number).unwrap().calls.len(), 1);

        let report = verify_backup(&file, "sara", &pass(PASS)).unwrap();
        assert!(report.is_sound());
    }

    #[test]
    fn a_backup_tells_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, _) = new_store(&dir.path().join("live"));
        session.record_call(None, &a_call("x")).unwrap();
        let file = dir.path().join("b");
        session.backup(&file).unwrap();
        let into = |name: &str| dir.path().join(name);
        let (right, wrong) = (pass(PASS), pass("not the passphrase"));
        let user = |passphrase| BackupSecret::User {
            name: "sara",
            passphrase,
        };

        assert_eq!(
            restore(&file, &into("1"), &user(&wrong))
                .err()
                .unwrap()
                .code(),
            "wrong_passphrase"
        );
        assert_eq!(
            restore(
                &file,
                &into("2"),
                &BackupSecret::User {
                    name: "nobody",
                    passphrase: &pass(PASS)
                }
            )
            .err()
            .unwrap()
            .code(),
            "unknown_user"
        );
        assert_eq!(
            restore(
                &file,
                &into("3"),
                &BackupSecret::Recovery(&RecoveryCode::random())
            )
            .err()
            .unwrap()
            .code(),
            "wrong_recovery_code"
        );
        assert_eq!(
            restore(&file, &dir.path().join("live"), &user(&right))
                .err()
                .unwrap()
                .code(),
            "store_exists"
        );

        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 40;
        bytes[last] ^= 0x20;
        let flipped = dir.path().join("flipped");
        std::fs::write(&flipped, &bytes).unwrap();
        assert_eq!(
            restore(&flipped, &into("4"), &user(&right))
                .err()
                .unwrap()
                .code(),
            "backup_damaged"
        );
        assert!(
            !into("4").join(DATABASE_FILE).exists(),
            "nothing is written from a damaged backup"
        );

        let truncated = dir.path().join("truncated");
        std::fs::write(&truncated, &bytes[..20]).unwrap();
        assert_eq!(
            restore(&truncated, &into("5"), &user(&right))
                .err()
                .unwrap()
                .code(),
            "not_a_backup"
        );
        let database = dir.path().join("live").join(DATABASE_FILE);
        assert_eq!(
            restore(&database, &into("6"), &user(&right))
                .err()
                .unwrap()
                .code(),
            "not_a_backup"
        );
    }

    #[test]
    fn only_supervisors_back_up_and_reset_passphrases() {
        let dir = tempfile::tempdir().unwrap();
        let (mut boss, _) = new_store(dir.path());
        boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
            .unwrap();
        boss.reset_passphrase("omar", &pass("fresh from the boss"))
            .unwrap();
        assert_eq!(
            boss.reset_passphrase("nobody", &pass("fresh from the boss"))
                .unwrap_err()
                .code(),
            "unknown_user"
        );
        let mut omar = boss
            .lock()
            .unlock("omar", &pass("fresh from the boss"))
            .unwrap();
        assert_eq!(
            omar.backup(&dir.path().join("b")).unwrap_err().code(),
            "not_allowed"
        );
        assert_eq!(
            omar.reset_passphrase("sara", &pass("taking over now"))
                .unwrap_err()
                .code(),
            "not_allowed"
        );
        let number = omar.record_call(None, &a_call("x")).unwrap();
        assert_eq!(omar.forget_case(&number).unwrap_err().code(), "not_allowed");
    }

    #[test]
    fn a_forgotten_case_is_gone_from_the_files_and_from_later_backups() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("live");
        let (mut session, _) = new_store(&live);
        let forgotten = session
            .record_call(None, &a_call("FORGET-ME the caller asked"))
            .unwrap();
        session
            .record_call(Some(&forgotten), &a_call("FORGET-ME again"))
            .unwrap();
        let kept = session.record_call(None, &a_call("KEEP-ME")).unwrap();
        // An earlier backup still has it, as backups do; the live files and later backups not.
        session.forget_case(&forgotten).unwrap();
        assert_eq!(
            session.case_history(&forgotten).unwrap_err().code(),
            "no_such_case"
        );
        assert_eq!(
            session.case_history(&kept).unwrap().calls[0]
                .call
                .content
                .notes,
            "KEEP-ME"
        );

        let file = dir.path().join("after.backup");
        session.backup(&file).unwrap();
        let restored_dir = dir.path().join("restored");
        restore(
            &file,
            &restored_dir,
            &BackupSecret::User {
                name: "sara",
                passphrase: &pass(PASS),
            },
        )
        .unwrap();
        let key_index = {
            let index = crypto::blind_index(&session.keys.case_index, &forgotten.canonical());
            data_encoding::HEXLOWER.encode(&index)
        };
        drop(session);
        for folder in [&live, &restored_dir] {
            let files = raw_files(folder);
            // Sealed, the notes are never readable; what must be gone is every trace of the row:
            // its blind index.
            let index = data_encoding::HEXLOWER
                .decode(key_index.as_bytes())
                .unwrap();
            for (name, bytes) in &files {
                assert!(
                    !bytes.windows(index.len()).any(|w| w == index.as_slice()),
                    "the forgotten case's index is still in {name}"
                );
            }
        }
        let restored = Store::open(&restored_dir)
            .unwrap()
            .unlock("sara", &pass(PASS))
            .unwrap();
        assert_eq!(restored.list_cases().unwrap().len(), 1);
    }
}

#[test]
fn a_truncated_store_is_reported_as_damaged_not_as_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    for i in 0..40 {
        session
            .record_call(
                None,
                &a_call(&format!("call {i} {}", "padding ".repeat(200))),
            )
            .unwrap();
    }
    drop(session);
    let path = dir.path().join(DATABASE_FILE);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let outcome = Store::open(dir.path())
        .and_then(|store| store.unlock("sara", &pass(PASS)))
        .and_then(|session| session.verify());
    match outcome {
        Err(e) => assert_eq!(e.code(), "store_damaged", "{e}"),
        Ok(report) => assert!(!report.is_sound(), "half a store cannot verify: {report:?}"),
    }
}

#[test]
fn failed_unlocks_are_counted_in_the_folder_until_one_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    new_store(dir.path());
    assert_eq!(Store::unlock_delay(dir.path()), std::time::Duration::ZERO);
    for _ in 0..3 {
        let _ = Store::open(dir.path())
            .unwrap()
            .unlock("sara", &pass("wrong guess here"));
    }
    let _ = Store::open(dir.path())
        .unwrap()
        .unlock("mallory", &pass(PASS));
    assert_eq!(Store::failed_unlocks(dir.path()), 4);
    assert_eq!(Store::unlock_delay(dir.path()).as_secs(), 8);
    Store::open(dir.path())
        .unwrap()
        .unlock("sara", &pass(PASS))
        .unwrap();
    assert_eq!(Store::unlock_delay(dir.path()), std::time::Duration::ZERO);
}

#[test]
fn imported_cases_read_back_like_recorded_ones_for_supervisors_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut boss, _) = new_store(dir.path());
    let first = a_call("imported one");
    let later = call_at(
        first.started_at + chrono::Duration::days(3),
        ConcernLevel::WishToLeave,
        "imported two",
    );
    // Given out of order: the history and summary still read oldest first.
    let numbers = boss
        .import_cases(&[vec![later.clone(), first.clone()], vec![a_call("another")]])
        .unwrap();
    assert_eq!(numbers.len(), 2);
    let history = boss.case_history(&numbers[0]).unwrap();
    let calls: Vec<&Call> = history.calls.iter().map(|c| &c.call).collect();
    assert_eq!(calls, [&first, &later]);
    assert!(history.calls[1].escalated);
    let listed = boss.list_cases().unwrap();
    let summary = &listed
        .iter()
        .find(|c| c.number == numbers[0])
        .unwrap()
        .summary;
    assert_eq!((summary.calls, summary.escalated), (2, true));

    let mut bad = a_call("x");
    bad.content.referrals = vec![ReferralCode::new("not_on_the_list").unwrap()];
    assert_eq!(
        boss.import_cases(&[vec![a_call("ok")], vec![bad]])
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    assert_eq!(
        boss.list_cases().unwrap().len(),
        2,
        "nothing of a refused import is written"
    );
    boss.add_user("omar", Role::Volunteer, &pass("volunteer pass 1"))
        .unwrap();
    let mut omar = boss
        .lock()
        .unlock("omar", &pass("volunteer pass 1"))
        .unwrap();
    assert_eq!(
        omar.import_cases(&[vec![a_call("x")]]).unwrap_err().code(),
        "not_allowed"
    );
}

#[test]
fn an_unfinished_call_says_whether_it_opened_its_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = new_store(dir.path());
    let fresh = session.start_call(None).unwrap();
    assert!(fresh.new_case);
    let returning = session.record_call(None, &a_call("first")).unwrap();
    let again = session.start_call(Some(&returning)).unwrap();
    assert!(!again.new_case);
    // After a restart, as the home screen offers them again.
    let session = session.lock().unlock("sara", &pass(PASS)).unwrap();
    let unfinished: Vec<(i64, bool)> = session
        .unfinished_calls()
        .unwrap()
        .into_iter()
        .map(|d| (d.draft_id, d.new_case))
        .collect();
    assert!(unfinished.contains(&(fresh.draft_id, true)));
    assert!(unfinished.contains(&(again.draft_id, false)));
}
