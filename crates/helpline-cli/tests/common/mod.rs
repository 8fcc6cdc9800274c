//! What the sync tests share: a database of their own on the test PostgreSQL (which
//! `scripts/test.sh rust` starts and names in HELPLINE_TEST_POSTGRES_*), the real `helpline`
//! binary on temporary data folders, and calls recorded in bulk.
#![allow(dead_code)] // each test binary uses some of these

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use chrono::Utc;
use helpline_app::Helpline;
use helpline_core::{Call, CallContent, ConcernLevel};
use zeroize::Zeroizing;

/// Every desk's supervisor is sara, with the same passphrase at every desk.
pub const USER: &str = "sara";
pub const PASSPHRASE: &str = "a long shared passphrase";

/// The environment variables the CLI reads that a test must not inherit.
const INHERITED: [&str; 7] = [
    "HELPLINE_DATA_DIR",
    "HELPLINE_USER",
    "HELPLINE_PASSPHRASE",
    "HELPLINE_NEW_PASSPHRASE",
    "HELPLINE_SERVER",
    "HELPLINE_SERVER_ADMIN",
    "HELPLINE_INVITATION",
];

pub fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: these tests need the PostgreSQL that `scripts/test.sh rust` \
             starts (for a run of your own, export the HELPLINE_TEST_POSTGRES_* variables of a \
             server started with scripts/postgres.sh)"
        )
    })
}

/// A database of its own on the test server.
pub struct TestServer {
    pub dbname: String,
    /// The administrator's address: the superuser, through the socket.
    pub admin: String,
}

impl TestServer {
    pub fn new() -> TestServer {
        let socket = env("HELPLINE_TEST_POSTGRES_HOST");
        let port = env("HELPLINE_TEST_POSTGRES_PORT");
        let user = env("HELPLINE_TEST_POSTGRES_USER");
        let dbname = format!("t{}", hex(&helpline_core::crypto::random_bytes::<6>()));
        let mut postgres = postgres::Client::connect(
            &format!("host={socket} port={port} user={user} dbname=postgres"),
            postgres::NoTls,
        )
        .unwrap_or_else(|e| panic!("the test PostgreSQL does not answer on {socket}: {e}"));
        postgres
            .batch_execute(&format!("CREATE DATABASE {dbname}"))
            .unwrap();
        TestServer {
            admin: format!("host={socket} port={port} user={user} dbname={dbname}"),
            dbname,
        }
    }

    /// The superuser, on this database.
    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.admin, postgres::NoTls).unwrap()
    }

    /// How many records the server's log holds.
    pub fn log_rows(&self) -> i64 {
        self.client()
            .query_one("SELECT count(*) FROM log", &[])
            .unwrap()
            .get(0)
    }

    /// The last position in the server's log.
    pub fn head(&self) -> i64 {
        self.client()
            .query_one("SELECT COALESCE(max(seq), 0) FROM log", &[])
            .unwrap()
            .get(0)
    }

    /// `helpline server init`, the administrator's address on standard input; the address it
    /// printed, made to go over 127.0.0.1 (with the desks' password) rather than the socket,
    /// where the test server trusts everyone.
    pub fn init(&self, root: &Path) -> String {
        let printed = stdout(
            bare(root)
                .args(["server", "init", "--url-file", "-"])
                .write_stdin(format!("{}\n", self.admin))
                .assert()
                .success()
                .stderr(predicates::str::contains("shown only this once")),
        );
        assert_eq!(printed.lines().count(), 1, "the address alone: {printed}");
        let password = printed
            .split(' ')
            .find_map(|part| part.strip_prefix("password="))
            .expect("the desks' address holds their password")
            .trim()
            .trim_matches('\'')
            .to_owned();
        format!(
            "host=127.0.0.1 port={} dbname={} user={}_desk password={password}",
            env("HELPLINE_TEST_POSTGRES_PORT"),
            self.dbname,
            self.dbname
        )
    }

    /// Waits until a connection of `helpline` to this database runs a statement beginning with
    /// `statement`, or is inside the transaction of one, as long as `child` runs. False when
    /// the child ended first, or after a minute.
    pub fn wait_for(&self, child: &mut Child, statement: &str) -> bool {
        let mut client = self.client();
        let pattern = format!("{statement}%");
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                return false;
            }
            let seen: i64 = client
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 \
                     AND application_name = 'helpline' AND query LIKE $2 AND state <> 'idle'",
                    &[&self.dbname, &pattern],
                )
                .unwrap()
                .get(0);
            if seen > 0 {
                return true;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        false
    }
}

impl TestServer {
    /// Waits until a connection of `helpline` to this database has just committed (its last
    /// statement was COMMIT, and it is idle), as long as `child` runs. False when the child
    /// ended first, or after a minute.
    pub fn wait_for_commit(&self, child: &mut Child) -> bool {
        let mut client = self.client();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                return false;
            }
            let seen: i64 = client
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 \
                     AND application_name = 'helpline' AND query = 'COMMIT' AND state = 'idle'",
                    &[&self.dbname],
                )
                .unwrap()
                .get(0);
            if seen > 0 {
                return true;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        false
    }

    /// Waits until `helpline`'s connections to this database have begun a statement beginning
    /// with `statement` `times` times, as long as `child` runs. False when the child ended
    /// first, or after a minute. (PostgreSQL marks a statement's start twice, when it is
    /// parsed and when it runs, a moment apart: starts closer than 20 ms count once.)
    pub fn wait_for_starts(&self, child: &mut Child, statement: &str, times: usize) -> bool {
        let mut client = self.client();
        let pattern = format!("{statement}%");
        let mut starts = std::collections::BTreeSet::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                return false;
            }
            for row in client
                .query(
                    "SELECT (extract(epoch FROM query_start) * 1000000)::int8 \
                     FROM pg_stat_activity WHERE datname = $1 \
                     AND application_name = 'helpline' AND query LIKE $2",
                    &[&self.dbname, &pattern],
                )
                .unwrap()
            {
                if let Some(micros) = row.get::<_, Option<i64>>(0) {
                    starts.insert(micros);
                }
            }
            let mut counted = 0;
            let mut last = i64::MIN;
            for &start in &starts {
                if start.saturating_sub(last) > 20_000 {
                    counted += 1;
                }
                last = start;
            }
            if counted >= times {
                return true;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        false
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A `helpline` command with nothing inherited that could point it elsewhere, and no data
/// folder of its own (`server init` needs none): it gets `root/unused`.
pub fn bare(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("helpline").unwrap();
    for name in INHERITED {
        cmd.env_remove(name);
    }
    cmd.arg("--data-dir").arg(root.join("unused"));
    cmd
}

/// A `helpline` command on the data folder `dir`.
pub fn helpline(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("helpline").unwrap();
    for name in INHERITED {
        cmd.env_remove(name);
    }
    cmd.arg("--data-dir").arg(dir);
    cmd
}

/// A `helpline` command on `dir` acting as sara, her passphrase from the environment.
pub fn as_sara(dir: &Path) -> Command {
    let mut cmd = helpline(dir);
    cmd.env("HELPLINE_USER", USER)
        .env("HELPLINE_PASSPHRASE", PASSPHRASE);
    cmd
}

/// `helpline ARGS` as sara on `dir`, as a child process the test can kill.
pub fn spawn_as_sara(dir: &Path, args: &[&str]) -> Child {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("helpline"));
    for name in INHERITED {
        cmd.env_remove(name);
    }
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("HELPLINE_USER", USER)
        .env("HELPLINE_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

pub fn stdout(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// Fails with a single line on standard error that names the code; never a panic. The line.
pub fn fails_with(assert: assert_cmd::assert::Assert, code: &str) -> String {
    let out = assert.failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.ends_with(&format!("[{code}]\n")),
        "expected [{code}], got {stderr:?}"
    );
    assert_eq!(stderr.lines().count(), 1, "one clear line, got {stderr:?}");
    assert!(!stderr.contains("panicked"));
    stderr
}

/// A file in `root` that holds `text` on one line, readable by its owner only.
pub fn secret_file(root: &Path, name: &str, text: &str) -> PathBuf {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = root.join(name);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .unwrap();
    writeln!(file, "{text}").unwrap();
    path
}

/// A new store in `root/name` with sara its supervisor.
pub fn new_store(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    helpline(&dir)
        .args(["init", "--user", USER])
        .env("HELPLINE_NEW_PASSPHRASE", PASSPHRASE)
        .assert()
        .success();
    dir
}

/// The helpline's first desk, `root/a`: a new store, connected with `desk connect`, the
/// address from a file.
pub fn first_desk(root: &Path, address: &str) -> PathBuf {
    let dir = new_store(root, "a");
    let file = secret_file(root, "desk-address", address);
    let shown = stdout(
        as_sara(&dir)
            .args(["desk", "connect", "--name", "Office", "--url-file"])
            .arg(&file)
            .assert()
            .success(),
    );
    assert!(shown.contains("connected: yes"), "{shown}");
    dir
}

/// `desk invite` at `inviter`: the code it printed.
pub fn invite(inviter: &Path, name: &str) -> String {
    let assert = as_sara(inviter)
        .args(["desk", "invite", "--name", name])
        .assert()
        .success();
    assert!(
        stderr(&assert).contains("works once"),
        "{}",
        stderr(&assert)
    );
    let code = stdout(assert).trim().to_owned();
    assert_eq!(code.len(), 39 + 9, "ten groups of four: {code}");
    code
}

/// A desk joined at `root/name` from an invitation `inviter` made, the address and the
/// invitation from the environment.
pub fn joined_desk(root: &Path, name: &str, address: &str, inviter: &Path) -> PathBuf {
    let code = invite(inviter, name);
    let dir = root.join(name);
    let shown = stdout(
        as_sara(&dir)
            .args(["desk", "join"])
            .env("HELPLINE_SERVER", address)
            .env("HELPLINE_INVITATION", &code)
            .assert()
            .success(),
    );
    assert!(
        shown.contains(&format!("Joined the helpline as desk {name:?}")),
        "{shown}"
    );
    dir
}

/// `helpline sync --json` on `dir`.
pub fn sync(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&stdout(
        as_sara(dir).args(["sync", "--json"]).assert().success(),
    ))
    .unwrap()
}

/// `helpline desk status --json` on `dir`.
pub fn status(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&stdout(
        as_sara(dir)
            .args(["desk", "status", "--json"])
            .assert()
            .success(),
    ))
    .unwrap()
}

/// A finished call a day ago, with `notes`.
pub fn call(notes: &str) -> Call {
    let started = Utc::now() - chrono::Duration::days(1);
    let mut content = CallContent::blank();
    content.level = ConcernLevel::StrongInterest;
    content.notes = notes.to_owned();
    Call {
        started_at: started,
        ended_at: Some(started + chrono::Duration::minutes(12)),
        content,
    }
}

/// Records `count` calls at `dir`, each on a new case, with the notes `PREFIX i`, signed in
/// once (through the application layer the CLI uses: `call new` unlocks the store for every
/// call, which is too slow for thousands). Their case numbers.
pub fn record_calls(dir: &Path, prefix: &str, count: usize) -> Vec<String> {
    let mut desk = Helpline::new(dir.to_path_buf());
    desk.unlock(USER, Zeroizing::new(PASSPHRASE.to_owned()))
        .unwrap();
    (0..count)
        .map(|i| {
            desk.record_call(None, &call(&format!("{prefix} {i}")))
                .unwrap()
                .case_number
        })
        .collect()
}

/// How many calls and cases the store at `dir` holds (the tables' row counts, which the
/// store keeps in plain).
pub fn calls_and_cases(dir: &Path) -> (i64, i64) {
    let db = rusqlite::Connection::open(dir.join("helpline.db")).unwrap();
    let count = |table: &str| -> i64 {
        db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    (count("calls"), count("cases"))
}

/// The notes of the calls of case `number` at `dir`, through `case show`, the number given
/// as `-` on standard input.
pub fn notes_at(dir: &Path, number: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&stdout(
        as_sara(dir)
            .args(["case", "show", "--json", "-"])
            .write_stdin(format!("{number}\n"))
            .assert()
            .success(),
    ))
    .unwrap();
    json["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["notes"].as_str().unwrap_or_default().to_owned())
        .collect()
}

pub fn to_arabic_indic(text: &str) -> String {
    text.chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| char::from_u32(0x0660 + d).unwrap())
        })
        .collect()
}
