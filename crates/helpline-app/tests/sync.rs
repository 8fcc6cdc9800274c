//! Several desks of one helpline through a real PostgreSQL (started by `scripts/test.sh`,
//! which exports where it listens): each test gets a database of its own, sets it up with
//! `init_server` as its administrator, and drives real `Helpline`s on temporary data folders,
//! desks connecting over 127.0.0.1 with the desks' role and its password.

use std::path::Path;
use std::process::Command;

use chrono::{Duration, Utc};
use helpline_app::Helpline;
use helpline_core::{
    Call, CallContent, CallerIdentity, CaseNumber, ConcernLevel, ContactDetails, DigitScript,
};
use zeroize::Zeroizing;

const PASSPHRASE: &str = "a long shared passphrase";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: these tests need the PostgreSQL that `scripts/test.sh rust` starts"
        )
    })
}

/// A database of its own on the test server, and its administrator's address.
struct TestServer {
    admin: String,
    dbname: String,
}

impl TestServer {
    fn new() -> TestServer {
        let socket = env("HELPLINE_TEST_POSTGRES_HOST");
        let port = env("HELPLINE_TEST_POSTGRES_PORT");
        let user = env("HELPLINE_TEST_POSTGRES_USER");
        let dbname = format!(
            "t{}",
            data_encoding::HEXLOWER.encode(&helpline_core::crypto::random_bytes::<6>())
        );
        let mut postgres = postgres::Client::connect(
            &format!("host={socket} port={port} user={user} dbname=postgres"),
            postgres::NoTls,
        )
        .unwrap();
        postgres
            .batch_execute(&format!("CREATE DATABASE {dbname}"))
            .unwrap();
        TestServer {
            admin: format!("host={socket} port={port} user={user} dbname={dbname}"),
            dbname,
        }
    }

    fn admin(&self) -> postgres::Client {
        postgres::Client::connect(&self.admin, postgres::NoTls).unwrap()
    }

    /// The address desks use: over 127.0.0.1, with the desks' role and password.
    fn desk_address(&self) -> String {
        let address = Helpline::init_server(&self.admin).unwrap();
        let password = address
            .split(' ')
            .find_map(|part| part.strip_prefix("password="))
            .unwrap()
            .trim_matches('\'')
            .to_owned();
        format!(
            "host=127.0.0.1 port={} dbname={} user={}_desk password={password}",
            env("HELPLINE_TEST_POSTGRES_PORT"),
            self.dbname,
            self.dbname
        )
    }

    /// The log's records but each desk's own announcement.
    fn change_rows(&self) -> i64 {
        self.admin()
            .query_one(
                "SELECT (SELECT count(*) FROM log) - (SELECT count(*) FROM desks)",
                &[],
            )
            .unwrap()
            .get(0)
    }

    fn dump(&self) -> Vec<u8> {
        let output = Command::new(Path::new(&env("HELPLINE_TEST_POSTGRES_BIN")).join("pg_dump"))
            .args([
                "-h",
                &env("HELPLINE_TEST_POSTGRES_HOST"),
                "-p",
                &env("HELPLINE_TEST_POSTGRES_PORT"),
                "-U",
                &env("HELPLINE_TEST_POSTGRES_USER"),
                &self.dbname,
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    }
}

fn secret(text: &str) -> Zeroizing<String> {
    Zeroizing::new(text.to_owned())
}

/// The first desk: a new store, connected to a server just set up.
fn first_desk(root: &Path, address: &str) -> Helpline {
    let mut desk = Helpline::new(root.join("a"));
    desk.set_up("sara", secret(PASSPHRASE)).unwrap();
    desk.connect_desk(address, "Office").unwrap();
    desk
}

/// A desk joined from an invitation the first desk made.
fn joined_desk(root: &Path, name: &str, address: &str, inviter: &mut Helpline) -> Helpline {
    let invitation = inviter.invite_desk(name).unwrap();
    let mut desk = Helpline::new(root.join(name));
    desk.join_helpline(address, &invitation.code, "sara", secret(PASSPHRASE))
        .unwrap();
    desk
}

fn call(started: chrono::DateTime<Utc>, level: ConcernLevel, notes: &str) -> Call {
    let mut content = CallContent::blank();
    content.level = level;
    content.notes = notes.to_owned();
    Call {
        started_at: started,
        ended_at: Some(started + Duration::minutes(17)),
        content,
    }
}

fn notes_of(desk: &mut Helpline, number: &str) -> Vec<String> {
    desk.case_calls(number)
        .unwrap()
        .calls
        .into_iter()
        .map(|c| c.call.content.notes)
        .collect()
}

#[test]
fn a_call_at_one_desk_is_found_at_another_by_its_number_typed_in_arabic_indic_digits() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let before = a
        .record_call(
            None,
            &call(
                Utc::now() - Duration::days(2),
                ConcernLevel::StrongInterest,
                "before B joined",
            ),
        )
        .unwrap()
        .case_number;
    let mut b = joined_desk(root.path(), "b", &address, &mut a);
    assert_eq!(notes_of(&mut b, &before), ["before B joined"]);

    let number = a
        .record_call(
            None,
            &call(
                Utc::now() - Duration::hours(3),
                ConcernLevel::StrongInterest,
                "a mother worried about her son",
            ),
        )
        .unwrap()
        .case_number;
    assert_eq!(a.sync_now().unwrap().pushed, 1);
    assert_eq!(b.sync_now().unwrap().calls, 1);
    let typed = CaseNumber::parse(&number)
        .unwrap()
        .grouped(DigitScript::ArabicIndic);
    assert!(typed.chars().all(|c| !c.is_ascii_digit()));
    assert_eq!(notes_of(&mut b, &typed), ["a mother worried about her son"]);
    assert_eq!(b.sync_status().unwrap().pending, 0);
}

#[test]
fn a_call_added_at_the_second_desk_shows_the_escalation_at_the_first() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let mut b = joined_desk(root.path(), "b", &address, &mut a);
    let started = Utc::now() - Duration::days(4);
    let number = a
        .record_call(
            None,
            &call(started, ConcernLevel::StrongInterest, "first call, at A"),
        )
        .unwrap()
        .case_number;
    a.sync_now().unwrap();
    b.sync_now().unwrap();
    b.record_call(
        Some(&number),
        &call(
            started + Duration::days(2),
            ConcernLevel::InTransitCountry,
            "he has left, said the mother, at B",
        ),
    )
    .unwrap();
    b.sync_now().unwrap();
    a.sync_now().unwrap();
    let history = a.find_case(&number).unwrap();
    assert_eq!(history.calls.len(), 2);
    // Newest first, as the volunteer reads them.
    assert!(history.calls[0].escalated);
    assert_eq!(
        history.calls[0].content.notes,
        "he has left, said the mother, at B"
    );
}

#[test]
fn a_desk_offline_for_a_while_catches_up_and_pushes_its_backlog() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let mut b = joined_desk(root.path(), "b", &address, &mut a);
    // More than one pull's batch from A, and a backlog at B, written while B was apart.
    let at = Utc::now() - Duration::days(1);
    let from_a: Vec<String> = (0..helpline_sync::server::PULL_BATCH + 20)
        .map(|i| {
            a.record_call(
                None,
                &call(at, ConcernLevel::NotAssessed, &format!("A {i}")),
            )
            .unwrap()
            .case_number
        })
        .collect();
    let from_b: Vec<String> = (0..30)
        .map(|i| {
            b.record_call(
                None,
                &call(at, ConcernLevel::NotAssessed, &format!("B {i}")),
            )
            .unwrap()
            .case_number
        })
        .collect();
    a.sync_now().unwrap();
    let report = b.sync_now().unwrap();
    assert_eq!(report.pushed, 30);
    assert_eq!(report.calls, from_a.len() as u64);
    a.sync_now().unwrap();
    for (i, number) in from_a.iter().enumerate() {
        assert_eq!(notes_of(&mut b, number), [format!("A {i}")]);
    }
    for (i, number) in from_b.iter().enumerate() {
        assert_eq!(notes_of(&mut a, number), [format!("B {i}")]);
    }
    // Nothing twice: one record per call.
    assert_eq!(server.change_rows(), (from_a.len() + from_b.len()) as i64);
}

#[test]
fn a_forgotten_case_is_gone_from_every_desk_and_from_the_server() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let mut b = joined_desk(root.path(), "b", &address, &mut a);
    let mut c = joined_desk(root.path(), "c", &address, &mut a);
    let at = Utc::now() - Duration::days(1);
    let forgotten = a
        .record_call(
            None,
            &call(
                at,
                ConcernLevel::StrongInterest,
                "the family asked to be forgotten",
            ),
        )
        .unwrap()
        .case_number;
    let kept = a
        .record_call(None, &call(at, ConcernLevel::StrongInterest, "kept"))
        .unwrap()
        .case_number;
    a.sync_now().unwrap();
    b.sync_now().unwrap();
    // C adds a call to the case while it is apart; it reaches the server after the forgetting.
    c.sync_now().unwrap();
    c.record_call(
        Some(&forgotten),
        &call(
            at + Duration::hours(1),
            ConcernLevel::StrongInterest,
            "late, from C",
        ),
    )
    .unwrap();
    let pending = b.invite_desk("d").unwrap();

    b.forget_case(&forgotten).unwrap();
    b.sync_now().unwrap();
    a.sync_now().unwrap();
    c.sync_now().unwrap();
    for desk in [&mut a, &mut b, &mut c] {
        assert_eq!(desk.find_case(&forgotten).unwrap_err().code, "no_such_case");
        assert_eq!(notes_of(desk, &kept), ["kept"]);
    }
    // On the server: the kept call and the forgetting itself; not the forgotten case's call,
    // and no invitation, whose snapshot held the case.
    assert_eq!(server.change_rows(), 2);
    let invitations: i64 = server
        .admin()
        .query_one("SELECT count(*) FROM invitations", &[])
        .unwrap()
        .get(0);
    assert_eq!(invitations, 0);
    let mut d = Helpline::new(root.path().join("d"));
    assert_eq!(
        d.join_helpline(&address, &pending.code, "sara", secret(PASSPHRASE))
            .unwrap_err()
            .code,
        "invitation_unknown"
    );
}

#[test]
fn a_dump_of_the_server_holds_no_notes_contact_details_case_numbers_or_times() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let mut b = joined_desk(root.path(), "b", &address, &mut a);
    // A month apart from today's, which the server's own bookkeeping (when the schema was
    // made) may name.
    let started = chrono::TimeZone::with_ymd_and_hms(&Utc, 2025, 3, 14, 9, 26, 53).unwrap();
    let mut with_details = call(
        started,
        ConcernLevel::WishToLeave,
        "Notes-Zebra-Quartz about Ahmad",
    );
    with_details.content.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails {
        name: Some("Fatima Qasim-Lindqvist".into()),
        phone: Some("+46701234567".into()),
        email: Some("fatima@example.org".into()),
    });
    with_details.content.next_steps = "NextSteps-Walrus".into();
    let number = a.record_call(None, &with_details).unwrap().case_number;
    a.sync_now().unwrap();
    b.sync_now().unwrap();
    assert_eq!(
        notes_of(&mut b, &number),
        ["Notes-Zebra-Quartz about Ahmad"]
    );
    let _invitation = a.invite_desk("c").unwrap();

    let dump = server.dump();
    assert!(
        dump.windows(9).any(|w| w == b"COPY publ"),
        "the dump holds the tables"
    );
    let parsed = CaseNumber::parse(&number).unwrap();
    let month = started.format("%Y-%m").to_string();
    let needles = [
        "Notes-Zebra-Quartz".to_owned(),
        "Ahmad".into(),
        "Fatima".into(),
        "Lindqvist".into(),
        "46701234567".into(),
        "fatima@example".into(),
        "NextSteps-Walrus".into(),
        parsed.canonical(),
        parsed.grouped(DigitScript::Latin),
        started.to_rfc3339(),
        started.format("%Y-%m-%dT%H:%M").to_string(),
        month,
        "wish_to_leave".into(),
    ];
    for needle in &needles {
        assert!(
            !dump.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "the server's dump holds {needle:?}"
        );
    }
}

#[test]
fn a_server_address_across_the_network_without_tls_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let mut desk = Helpline::new(root.path().join("a"));
    desk.set_up("sara", secret(PASSPHRASE)).unwrap();
    assert_eq!(
        desk.connect_desk(
            "host=db.example.org dbname=helpline user=x password=y",
            "Office"
        )
        .unwrap_err()
        .code,
        "server_needs_tls"
    );
    assert_eq!(
        desk.connect_desk("this is not an address", "Office")
            .unwrap_err()
            .code,
        "server_address_invalid"
    );
    assert!(!desk.sync_status().unwrap().connected);
}

#[test]
fn only_supervisors_connect_and_invite_and_the_desks_role_cannot_update() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    a.add_user(
        "omar",
        "volunteer",
        secret("another long passphrase for omar"),
    )
    .unwrap();
    a.record_call(
        None,
        &call(
            Utc::now() - Duration::days(1),
            ConcernLevel::StrongInterest,
            "x",
        ),
    )
    .unwrap();
    a.sync_now().unwrap();
    a.lock();
    a.unlock("omar", secret("another long passphrase for omar"))
        .unwrap();
    assert_eq!(a.invite_desk("b").unwrap_err().code, "not_allowed");
    // A volunteer's desk syncs all the same.
    a.sync_now().unwrap();

    let mut desk_role = postgres::Client::connect(&address, postgres::NoTls).unwrap();
    for statement in [
        "UPDATE log SET epoch = 2",
        "DELETE FROM log",
        "DELETE FROM invitations",
        "TRUNCATE log",
        "UPDATE desks SET removed = true",
    ] {
        let error = desk_role.batch_execute(statement).unwrap_err();
        assert_eq!(
            error.as_db_error().map(|e| e.code().code()),
            Some("42501"),
            "{statement}: {error}"
        );
    }
    let wrong = address.replace("password=", "password=x");
    assert_eq!(
        Helpline::new(root.path().join("z"))
            .join_helpline(&wrong, "AAAA", "sara", secret(PASSPHRASE))
            .unwrap_err()
            .code,
        "invitation_invalid"
    );
}

#[test]
fn a_removed_desk_cannot_read_what_is_written_after_and_syncs_no_more() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let mut b = joined_desk(root.path(), "b", &address, &mut a);
    let mut c = joined_desk(root.path(), "c", &address, &mut a);
    for desk in [&mut b, &mut c, &mut a] {
        desk.sync_now().unwrap();
    }
    let names: Vec<String> = a.desks().unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let at = Utc::now() - Duration::days(1);
    let before = a
        .record_call(
            None,
            &call(at, ConcernLevel::StrongInterest, "before the removal"),
        )
        .unwrap()
        .case_number;
    a.sync_now().unwrap();
    let head_at_removal = {
        let desks = a.remove_desk("c").unwrap();
        assert!(desks.iter().any(|d| d.name == "c" && d.removed));
        server
            .admin()
            .query_one("SELECT max(seq) FROM log", &[])
            .unwrap()
            .get::<_, i64>(0)
    };
    let after = a
        .record_call(
            None,
            &call(at, ConcernLevel::StrongInterest, "after the removal"),
        )
        .unwrap()
        .case_number;
    a.sync_now().unwrap();
    b.sync_now().unwrap();
    assert_eq!(notes_of(&mut b, &after), ["after the removal"]);
    // B writes under the new key too.
    b.record_call(
        Some(&after),
        &call(
            at + Duration::hours(1),
            ConcernLevel::StrongInterest,
            "B, after",
        ),
    )
    .unwrap();
    b.sync_now().unwrap();

    // C learns it was removed, and stops.
    assert_eq!(c.sync_now().unwrap_err().code, "desk_removed");
    assert_eq!(c.find_case(&after).unwrap_err().code, "no_such_case");
    assert_eq!(notes_of(&mut c, &before), ["before the removal"]);

    // C as an attacker: every record on the server, tried with every key C holds. What was
    // written after the removal opens with none of them.
    let store = helpline_core::Store::open(&root.path().join("c")).unwrap();
    let session = store
        .unlock(
            "sara",
            &helpline_core::Passphrase::for_unlock(PASSPHRASE).unwrap(),
        )
        .unwrap();
    let settings = session.sync_settings().unwrap().unwrap();
    let mut as_c = postgres::Client::connect(&address, postgres::NoTls).unwrap();
    let rows = as_c
        .query("SELECT seq, record_id, body FROM log ORDER BY seq", &[])
        .unwrap();
    let mut opened_after = 0;
    let mut written_after = 0;
    for row in &rows {
        let (seq, record_id, body): (i64, Vec<u8>, Vec<u8>) = (row.get(0), row.get(1), row.get(2));
        let opens = settings.epoch_keys.iter().any(|(epoch, hex)| {
            let key = helpline_core::crypto::SecretKey::from_hex(hex).unwrap();
            helpline_sync::record::open(&key, &settings.helpline_id, *epoch, &record_id, &body)
                .is_ok()
        });
        if seq > head_at_removal {
            written_after += 1;
            opened_after += opens as usize;
        }
    }
    assert!(written_after >= 2, "{written_after}");
    assert_eq!(opened_after, 0);
    // And the server refuses its pushes.
    let removed: bool = server
        .admin()
        .query_one(
            "SELECT removed FROM desks WHERE desk_id = $1",
            &[&settings.desk_id],
        )
        .unwrap()
        .get(0);
    assert!(removed);
    let refused = as_c
        .execute(
            "INSERT INTO log (record_id, desk_id, epoch, body) VALUES ($1, $2, 1, $3)",
            &[&vec![1u8; 16], &settings.desk_id, &vec![0u8; 1024]],
        )
        .unwrap_err();
    assert_eq!(
        refused.as_db_error().map(|e| e.code().code()),
        Some("42501")
    );
}

#[test]
fn a_mistyped_passphrase_does_not_cost_the_invitation_but_a_second_use_finds_none() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let invitation = a.invite_desk("b").unwrap();
    let mut b = Helpline::new(root.path().join("b"));
    assert_eq!(
        b.join_helpline(
            &address,
            &invitation.code,
            "sara",
            secret("not the passphrase")
        )
        .unwrap_err()
        .code,
        "wrong_passphrase"
    );
    assert!(!helpline_core::Store::exists(&root.path().join("b")));
    b.join_helpline(&address, &invitation.code, "sara", secret(PASSPHRASE))
        .unwrap();
    assert!(b.sync_status().unwrap().connected);
    let mut c = Helpline::new(root.path().join("c"));
    assert_eq!(
        c.join_helpline(&address, &invitation.code, "sara", secret(PASSPHRASE))
            .unwrap_err()
            .code,
        "invitation_unknown"
    );
    assert!(!helpline_core::Store::exists(&root.path().join("c")));
}

#[test]
fn a_volunteer_joins_too_and_a_restored_desk_is_a_new_desk_that_misses_nothing() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let omar = "omar's own long passphrase";
    a.add_user("omar", "volunteer", secret(omar)).unwrap();
    let invitation = a.invite_desk("omar's laptop").unwrap();
    let mut b = Helpline::new(root.path().join("b"));
    b.join_helpline(&address, &invitation.code, "omar", secret(omar))
        .unwrap();
    let b_id = b.sync_status().unwrap().desk_id.unwrap();

    // A backup of B, restored on a new laptop while the old one goes on for a while.
    let backup = root.path().join("b.backup");
    b.lock();
    b.unlock("sara", secret(PASSPHRASE)).unwrap();
    b.backup(&backup).unwrap();
    let late = b
        .record_call(
            None,
            &call(
                Utc::now() - Duration::hours(2),
                ConcernLevel::StrongInterest,
                "from the old laptop, after the backup",
            ),
        )
        .unwrap()
        .case_number;
    b.sync_now().unwrap();
    let mut restored = Helpline::new(root.path().join("restored"));
    restored
        .restore_file(&backup, "sara", secret(PASSPHRASE), None)
        .unwrap();
    assert_ne!(restored.sync_status().unwrap().desk_id.unwrap(), b_id);
    restored.sync_now().unwrap();
    assert_eq!(
        notes_of(&mut restored, &late),
        ["from the old laptop, after the backup"]
    );
    a.sync_now().unwrap();
    assert_eq!(a.desks().unwrap().len(), 3);
}

#[test]
fn after_the_desks_password_changes_a_supervisor_gives_each_desk_the_new_address() {
    let server = TestServer::new();
    let address = server.desk_address();
    let root = tempfile::tempdir().unwrap();
    let mut a = first_desk(root.path(), &address);
    let new_address = server.desk_address();
    assert_ne!(new_address, address);
    assert_eq!(a.sync_now().unwrap_err().code, "server_refused");
    assert_eq!(
        a.set_server_address(&address).unwrap_err().code,
        "server_refused"
    );
    a.set_server_address(&new_address).unwrap();
    a.sync_now().unwrap();
}
