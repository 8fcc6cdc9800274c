//! Load on the helpline's server (the real PostgreSQL `scripts/test.sh` starts): several desks
//! syncing at once, and a new desk joining a helpline of 100,000 calls.

use std::path::Path;
use std::thread;

use chrono::{Duration, TimeZone, Utc};
use helpline_app::Helpline;
use helpline_core::{Call, CallContent, ConcernLevel, Passphrase, Store};
use zeroize::Zeroizing;

const PASSPHRASE: &str = "a long shared passphrase";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: these tests need the PostgreSQL that `scripts/test.sh rust` starts"
        )
    })
}

/// A database of its own; answers the desks' address over 127.0.0.1 and the superuser's.
fn fresh_server() -> (String, postgres::Client) {
    let (socket, port, user) = (
        env("HELPLINE_TEST_POSTGRES_HOST"),
        env("HELPLINE_TEST_POSTGRES_PORT"),
        env("HELPLINE_TEST_POSTGRES_USER"),
    );
    let dbname = format!(
        "t{}",
        data_encoding::HEXLOWER.encode(&helpline_core::crypto::random_bytes::<6>())
    );
    postgres::Client::connect(
        &format!("host={socket} port={port} user={user} dbname=postgres"),
        postgres::NoTls,
    )
    .unwrap()
    .batch_execute(&format!("CREATE DATABASE {dbname}"))
    .unwrap();
    let admin = format!("host={socket} port={port} user={user} dbname={dbname}");
    let address = Helpline::init_server(&admin).unwrap();
    let password = address
        .split(' ')
        .find_map(|part| part.strip_prefix("password="))
        .unwrap()
        .trim_matches('\'')
        .to_owned();
    let desks = format!(
        "host=127.0.0.1 port={port} dbname={dbname} user={dbname}_desk password={password}"
    );
    (
        desks,
        postgres::Client::connect(&admin, postgres::NoTls).unwrap(),
    )
}

fn secret(text: &str) -> Zeroizing<String> {
    Zeroizing::new(text.to_owned())
}

fn call(i: i64, notes: &str) -> Call {
    let started = Utc.with_ymd_and_hms(2025, 1, 1, 8, 0, 0).unwrap() + Duration::minutes(37 * i);
    let mut content = CallContent::blank();
    content.level = ConcernLevel::StrongInterest;
    content.notes = notes.to_owned();
    Call {
        started_at: started,
        ended_at: Some(started + Duration::minutes(12)),
        content,
    }
}

fn join(root: &Path, name: &str, address: &str, inviter: &mut Helpline) -> Helpline {
    let invitation = inviter.invite_desk(name).unwrap();
    let mut desk = Helpline::new(root.join(name));
    desk.join_helpline(address, &invitation.code, "sara", secret(PASSPHRASE))
        .unwrap();
    desk
}

/// How many cases the desk holds (every case here has one call).
fn calls_at(desk: &mut Helpline) -> u64 {
    let every = helpline_app::CasesFilter {
        open_only: false,
        due_only: false,
        min_step: 0,
        sort: helpline_app::CasesSort::LastCall,
    };
    desk.cases(&every, 1).unwrap().total
}

#[test]
fn several_desks_syncing_at_once_end_with_every_call_once() {
    let (address, mut admin) = fresh_server();
    let root = tempfile::tempdir().unwrap();
    let mut first = Helpline::new(root.path().join("a"));
    first.set_up("sara", secret(PASSPHRASE)).unwrap();
    first.connect_desk(&address, "a").unwrap();
    let mut desks = vec![first];
    for name in ["b", "c", "d"] {
        let desk = join(root.path(), name, &address, &mut desks[0]);
        desks.push(desk);
    }
    const ROUNDS: i64 = 5;
    const PER_ROUND: i64 = 12;
    let handles: Vec<_> = desks
        .into_iter()
        .enumerate()
        .map(|(n, mut desk)| {
            thread::spawn(move || {
                for round in 0..ROUNDS {
                    for i in 0..PER_ROUND {
                        desk.record_call(
                            None,
                            &call(round * 100 + i, &format!("desk {n} round {round} call {i}")),
                        )
                        .unwrap();
                    }
                    desk.sync_now().unwrap();
                }
                desk
            })
        })
        .collect();
    let mut desks: Vec<Helpline> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    for desk in &mut desks {
        desk.sync_now().unwrap();
    }
    let everyone = (desks.len() as i64 * ROUNDS * PER_ROUND) as u64;
    for desk in &mut desks {
        assert_eq!(calls_at(desk), everyone);
    }
    let records: i64 = admin
        .query_one("SELECT count(*) FROM log", &[])
        .unwrap()
        .get(0);
    // One record per call, and one announcement per desk.
    assert_eq!(records as u64, everyone + desks.len() as u64);
    let positions: Vec<i64> = admin
        .query("SELECT seq FROM log ORDER BY seq", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_new_desk_joins_a_helpline_of_100k_calls() {
    const CALLS: usize = 100_000;
    let (address, _admin) = fresh_server();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("a");
    {
        let (mut session, _) =
            Store::create(&dir, "sara", &Passphrase::new(PASSPHRASE).unwrap()).unwrap();
        let cases: Vec<Vec<Call>> = (0..CALLS as i64).map(|i| vec![call(i, "")]).collect();
        for chunk in cases.chunks(5_000) {
            session.import_cases(chunk).unwrap();
        }
    }
    let mut a = Helpline::new(dir);
    a.unlock("sara", secret(PASSPHRASE)).unwrap();
    a.connect_desk(&address, "a").unwrap();
    let mut b = join(root.path(), "b", &address, &mut a);
    assert_eq!(calls_at(&mut b), CALLS as u64);
    // And it goes on from there: a call at A reaches it.
    let number = a
        .record_call(None, &call(1, "after the join"))
        .unwrap()
        .case_number;
    a.sync_now().unwrap();
    assert_eq!(b.sync_now().unwrap().calls, 1);
    assert_eq!(b.find_case(&number).unwrap().calls.len(), 1);
}
