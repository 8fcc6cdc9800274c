//! Several desks through the real `helpline` binary, against the real PostgreSQL that
//! `scripts/test.sh rust` starts: each test sets up a database of its own with `server init`,
//! and desks on temporary data folders connect to it over 127.0.0.1 with the desks' password.
//! The tests that stop the server are in `sync_server_down.rs`, a test binary of their own
//! (cargo runs test binaries one after another, so they never overlap these).

mod common;

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;
use predicates::prelude::*;
use tempfile::TempDir;

#[test]
fn a_call_at_one_desk_is_found_at_another_by_its_number_in_arabic_indic_digits_and_back() {
    let server = TestServer::new();
    let root = TempDir::new().unwrap();
    let address = server.init(root.path());
    let a = first_desk(root.path(), &address);
    assert_eq!(status(&a)["desk_name"], "Office");

    let number = stdout(
        as_sara(&a)
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .args(["--level", "2", "--details-file", "-"])
            .write_stdin(r#"{"notes": "A mother worried about her son, at A."}"#)
            .assert()
            .success(),
    )
    .trim()
    .to_owned();
    let shown = stdout(as_sara(&a).arg("sync").assert().success());
    assert!(
        predicate::str::is_match(
            r"^pushed [1-9][0-9]*, filed 0 calls, destroyed 0 forgotten cases, at position [1-9][0-9]*\n$"
        )
        .unwrap()
        .eval(&shown),
        "{shown}"
    );
    assert_eq!(status(&a)["pending"], 0);

    let b = joined_desk(root.path(), "b", &address, &a);
    let typed = to_arabic_indic(&number);
    assert!(typed.chars().all(|c| !c.is_ascii_digit()), "{typed}");
    assert_eq!(
        notes_at(&b, &typed),
        ["A mother worried about her son, at A."]
    );

    // B takes the mother's next call, and a new caller's; they reach A at the next syncs.
    as_sara(&b)
        .args(["call", "new", "--case", "-", "--channel", "phone"])
        .args(["--language", "ar", "--level", "3", "--details-file", "-"])
        .write_stdin(format!("{typed}\n{}", r#"{"notes": "He has left, at B."}"#))
        .assert()
        .success()
        .stdout(format!("{number}\n"));
    let other = stdout(
        as_sara(&b)
            .args(["call", "new", "--channel", "email", "--language", "en"])
            .args(["--details-file", "-"])
            .write_stdin(r#"{"notes": "A new caller, at B."}"#)
            .assert()
            .success(),
    )
    .trim()
    .to_owned();
    let pushed = sync(&b);
    assert!(pushed["pushed"].as_u64().unwrap() >= 2, "{pushed}");
    assert_eq!(pushed["calls"], 0, "{pushed}");
    let pulled = sync(&a);
    assert_eq!(pulled["calls"], 2, "{pulled}");
    assert_eq!(pulled["forgotten"], 0, "{pulled}");
    assert_eq!(pulled["cursor"], server.head(), "{pulled}");
    assert_eq!(
        notes_at(&a, &number),
        [
            "A mother worried about her son, at A.",
            "He has left, at B."
        ]
    );
    assert_eq!(notes_at(&a, &other), ["A new caller, at B."]);
    let history = stdout(
        as_sara(&a)
            .args(["case", "show", "-"])
            .write_stdin(format!("{number}\n"))
            .assert()
            .success(),
    );
    assert!(history.contains("ESCALATED"), "{history}");

    // Both desks are where the server is, with nothing left to push.
    sync(&b);
    for desk in [&a, &b] {
        let now = status(desk);
        assert_eq!(now["connected"], true, "{now}");
        assert_eq!(now["pending"], 0, "{now}");
        assert_eq!(now["cursor"], server.head(), "{now}");
        let server_shown = now["server"].as_str().unwrap();
        assert!(!server_shown.contains("password"), "{server_shown}");
    }
    assert_ne!(status(&a)["desk_id"], status(&b)["desk_id"]);
    let text = stdout(as_sara(&b).args(["desk", "status"]).assert().success());
    assert!(text.starts_with("connected: yes\ndesk:      b\n"), "{text}");
    assert_eq!(calls_and_cases(&a), (3, 2));
    assert_eq!(calls_and_cases(&b), (3, 2));
}

/// Runs `helpline --user sara --passphrase-stdin ARGS` on `dir` and fails if any of `secrets`
/// is in its /proc/PID/cmdline, read while it waits for standard input, as any other user's
/// process could read it; then gives it `input`. Its standard output.
fn run_unseen(dir: &std::path::Path, args: &[&str], input: &str, secrets: &[&str]) -> String {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("helpline"));
    for name in [
        "HELPLINE_DATA_DIR",
        "HELPLINE_USER",
        "HELPLINE_PASSPHRASE",
        "HELPLINE_SERVER",
        "HELPLINE_INVITATION",
    ] {
        cmd.env_remove(name);
    }
    let mut child = cmd
        .arg("--data-dir")
        .arg(dir)
        .args(["--user", USER, "--passphrase-stdin"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Right after the exec the new command line may not be filled in yet: wait until it is.
    let last = *args.last().unwrap();
    let read_cmdline = || {
        let bytes = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap();
        String::from_utf8_lossy(&bytes).replace('\0', " ")
    };
    let mut cmdline = read_cmdline();
    for _ in 0..500 {
        if cmdline.ends_with(&format!("{last} ")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
        cmdline = read_cmdline();
    }
    assert!(cmdline.ends_with(&format!("{last} ")), "its own: {cmdline}");
    let squeezed =
        |text: &str| -> String { text.chars().filter(|c| c.is_alphanumeric()).collect() };
    for secret in secrets {
        assert!(
            !cmdline.contains(secret) && !squeezed(&cmdline).contains(&squeezed(secret)),
            "{secret:?} is on the command line: {cmdline}"
        );
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn neither_the_servers_password_nor_an_invitation_is_ever_on_the_command_line() {
    let server = TestServer::new();
    let root = TempDir::new().unwrap();
    let address = server.init(root.path());
    let password = address.rsplit("password=").next().unwrap().to_owned();
    assert!(password.len() >= 20, "{address}");

    let a = new_store(root.path(), "a");
    let shown = run_unseen(
        &a,
        &["desk", "connect", "--name", "Office", "--url-file", "-"],
        &format!("{PASSPHRASE}\n{address}\n"),
        &[&password],
    );
    assert!(shown.contains("connected: yes"), "{shown}");
    let number = stdout(
        as_sara(&a)
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .args(["--notes-file", "-"])
            .write_stdin("Called from the station.")
            .assert()
            .success(),
    )
    .trim()
    .to_owned();

    let code = invite(&a, "b");
    let b = root.path().join("b");
    let shown = run_unseen(
        &b,
        &["desk", "join", "--url-file", "-", "--invitation-file", "-"],
        &format!("{PASSPHRASE}\n{address}\n{code}\n"),
        &[&password, &code],
    );
    assert!(
        shown.contains("Joined the helpline as desk \"b\""),
        "{shown}"
    );
    assert_eq!(notes_at(&b, &number), ["Called from the station."]);

    // Typed on the command line it still works, with a warning each time.
    let code = invite(&a, "c");
    let assert = as_sara(&root.path().join("c"))
        .args(["desk", "join", "--url", &address])
        .env("HELPLINE_INVITATION", &code)
        .assert()
        .success();
    let warning = stderr(&assert);
    assert!(
        warning.contains("warning: the server's address on the command line can be read by other users' processes")
            && warning.contains("--url-file"),
        "{warning}"
    );
}

#[test]
fn the_desks_commands_refuse_what_they_cannot_do_in_one_line_with_a_code() {
    let server = TestServer::new();
    let root = TempDir::new().unwrap();

    // No address anywhere: nothing is done, and the line says where to give it.
    let line = fails_with(
        bare(root.path()).args(["server", "init"]).assert(),
        "invalid_argument",
    );
    assert!(
        line.contains("HELPLINE_SERVER_ADMIN") && line.contains("--url-file"),
        "{line}"
    );
    let two_lines = secret_file(root.path(), "two-lines", "host=/tmp\ndbname=x");
    let line = fails_with(
        bare(root.path())
            .args(["server", "init", "--url-file"])
            .arg(&two_lines)
            .assert(),
        "invalid_argument",
    );
    assert!(line.contains("more than one line"), "{line}");
    fails_with(
        bare(root.path())
            .args(["server", "init", "--url-file"])
            .arg(root.path().join("missing"))
            .assert(),
        "invalid_argument",
    );
    fails_with(
        bare(root.path())
            .args(["server", "init"])
            .env(
                "HELPLINE_SERVER_ADMIN",
                "host=db.example.org dbname=helpline user=x",
            )
            .assert(),
        "server_needs_tls",
    );
    fails_with(
        bare(root.path())
            .args(["server", "init", "--url-file", "-"])
            .write_stdin("this is not an address\n")
            .assert(),
        "server_address_invalid",
    );
    let address = server.init(root.path());

    // A desk of its own says so, and cannot sync.
    let a = new_store(root.path(), "a");
    let text = stdout(as_sara(&a).args(["desk", "status"]).assert().success());
    assert!(text.starts_with("connected: no"), "{text}");
    assert_eq!(status(&a)["connected"], false);
    assert_eq!(status(&a)["desk_name"], serde_json::Value::Null);
    let line = fails_with(as_sara(&a).arg("sync").assert(), "desk_not_connected");
    assert!(line.contains("not connected"), "{line}");
    fails_with(
        as_sara(&a).args(["desk", "invite", "--name", "b"]).assert(),
        "desk_not_connected",
    );
    fails_with(
        as_sara(&a)
            .args(["desk", "connect", "--name", "Office"])
            .assert(),
        "invalid_argument",
    );
    let wrong = address.replace("password=", "password=x");
    fails_with(
        as_sara(&a)
            .args(["desk", "connect", "--name", "Office"])
            .env("HELPLINE_SERVER", &wrong)
            .assert(),
        "server_refused",
    );
    // Only supervisors connect.
    as_sara(&a)
        .args(["user", "add", "omar", "--role", "volunteer"])
        .env("HELPLINE_NEW_PASSPHRASE", "omar's own long passphrase")
        .assert()
        .success();
    fails_with(
        helpline(&a)
            .args(["--user", "omar", "desk", "connect", "--name", "Office"])
            .env("HELPLINE_PASSPHRASE", "omar's own long passphrase")
            .env("HELPLINE_SERVER", &address)
            .assert(),
        "not_allowed",
    );
    as_sara(&a)
        .args(["desk", "connect", "--name", "Office"])
        .env("HELPLINE_SERVER", &address)
        .assert()
        .success();
    fails_with(
        as_sara(&a)
            .args(["desk", "connect", "--name", "Again"])
            .env("HELPLINE_SERVER", &address)
            .assert(),
        "desk_connected",
    );

    // Joining: never onto a store, and never with half the input, before the invitation is
    // used; a code that is not one, or was used, says which.
    let code = invite(&a, "b");
    fails_with(
        as_sara(&a)
            .args(["desk", "join"])
            .env("HELPLINE_SERVER", &address)
            .env("HELPLINE_INVITATION", &code)
            .assert(),
        "store_exists",
    );
    let b = root.path().join("b");
    let line = fails_with(
        helpline(&b)
            .args(["--user", USER, "--passphrase-stdin", "desk", "join"])
            .args(["--url-file", "-", "--invitation-file", "-"])
            .write_stdin(format!("{PASSPHRASE}\n{address}\n"))
            .assert(),
        "invalid_argument",
    );
    assert!(
        line.contains("expected the invitation on standard input")
            && line.contains("then the server's address (--url-file -), then the invitation"),
        "{line}"
    );
    fails_with(
        as_sara(&b)
            .args(["desk", "join"])
            .env("HELPLINE_SERVER", &address)
            .env("HELPLINE_INVITATION", "not an invitation")
            .assert(),
        "invitation_invalid",
    );
    // No terminal to ask on (the test has none): it says how to give the code instead.
    let line = fails_with(
        as_sara(&b)
            .args(["desk", "join"])
            .env("HELPLINE_SERVER", &address)
            .assert(),
        "invalid_argument",
    );
    assert!(line.contains("HELPLINE_INVITATION"), "{line}");
    assert!(!b.join("helpline.db").exists());
    as_sara(&b)
        .args(["desk", "join"])
        .env("HELPLINE_SERVER", &address)
        .env("HELPLINE_INVITATION", code.to_lowercase().replace('-', " "))
        .assert()
        .success();
    let c = root.path().join("c");
    fails_with(
        as_sara(&c)
            .args(["desk", "join"])
            .env("HELPLINE_SERVER", &address)
            .env("HELPLINE_INVITATION", &code)
            .assert(),
        "invitation_unknown",
    );
    assert!(!c.join("helpline.db").exists());
}

/// What a killed `helpline sync` left.
#[derive(Debug, Default)]
struct Kills {
    /// Killed while its push's transaction was open on the server.
    mid_push: u32,
    /// Killed after the server committed its push, before it marked the push done here.
    after_commit: u32,
    /// Killed between two batches of a pull: some of the log filed, not all.
    mid_pull: u32,
    /// Ended before it could be killed.
    finished: u32,
}

/// Starts `helpline sync` at `desk`, waits until it is inside its push (an INSERT into the
/// log in an open transaction), and SIGKILLs it after a random moment of up to `within`.
/// True when it was killed there.
fn kill_mid_push(server: &TestServer, desk: &std::path::Path, within: Duration) -> bool {
    let mut child = spawn_as_sara(desk, &["sync"]);
    let inside = server.wait_for(&mut child, "INSERT INTO log");
    if inside {
        std::thread::sleep(random_below(within));
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    inside && !status.success()
}

/// A duration from zero up to `limit`, drawn at random.
fn random_below(limit: Duration) -> Duration {
    let draw = u64::from_le_bytes(helpline_core::crypto::random_bytes::<8>());
    Duration::from_micros(draw % (limit.as_micros() as u64).max(1))
}

#[test]
fn a_sync_killed_mid_push_or_mid_pull_loses_nothing_and_files_nothing_twice() {
    let server = TestServer::new();
    let root = TempDir::new().unwrap();
    let address = server.init(root.path());
    let a = first_desk(root.path(), &address);
    let b = joined_desk(root.path(), "b", &address, &a);
    let desks = 2;
    let began = Instant::now();
    let from_a = record_calls(&a, "A", 2000);
    let from_b = record_calls(&b, "B", 600);
    eprintln!("recorded 2,600 calls in {:?}", began.elapsed());
    let total = (from_a.len() + from_b.len()) as i64;
    let mut kills = Kills::default();

    // Pushes killed while their transaction is open leave nothing on the server: the log has
    // only the desks' announcements.
    let before = server.log_rows();
    for desk in [&a, &a, &a, &b, &b] {
        if kill_mid_push(&server, desk, Duration::from_millis(150)) {
            kills.mid_push += 1;
            assert_eq!(server.log_rows(), before, "a killed push left records");
        } else {
            kills.finished += 1;
        }
    }
    assert!(kills.mid_push >= 3, "no push was caught: {kills:?}");

    // A push the server committed, killed before the desk marked it pushed: it is pushed
    // again at the next sync, and the server keeps one copy.
    let mut child = spawn_as_sara(&a, &["sync"]);
    assert!(server.wait_for(&mut child, "INSERT INTO log"));
    assert!(
        server.wait_for_commit(&mut child),
        "A's push did not commit"
    );
    let _ = child.kill();
    child.wait().unwrap();
    assert_eq!(server.log_rows(), before + from_a.len() as i64);
    if status(&a)["pending"].as_u64().unwrap() > 0 {
        kills.after_commit += 1;
    }

    // Then syncs killed while they read the log: A (which pushes its 2,000, then reads them
    // back as its own), B (which pushes its 600, then files A's 2,000, 500 records a batch,
    // each batch in one transaction with the position read), then A again (B's 600). Each
    // is killed a random moment after it began to read its Nth batch: mid-batch, with N - 1
    // batches filed.
    let head_before = server.head();
    for (desk, batches) in [(&a, 2), (&b, 1), (&b, 2), (&b, 2), (&b, 2), (&a, 2)] {
        let cursor_before = status(desk)["cursor"].as_i64().unwrap();
        let mut child = spawn_as_sara(desk, &["sync"]);
        if server.wait_for_starts(&mut child, "SELECT seq", batches) {
            std::thread::sleep(random_below(Duration::from_millis(300)));
        }
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let cursor = status(desk)["cursor"].as_i64().unwrap();
        if finished {
            kills.finished += 1;
        } else if cursor > cursor_before && cursor < server.head() {
            kills.mid_pull += 1;
        }
        // Whatever the moment, the server holds each pushed call once.
        assert!(
            server.log_rows() <= total + desks,
            "{} rows",
            server.log_rows()
        );
    }
    eprintln!("kills: {kills:?}");
    assert!(server.head() > head_before);

    // Syncs to the end, then every call is at both desks once, and on the server once.
    for desk in [&a, &b, &a] {
        let report = sync(desk);
        assert_eq!(report["cursor"], server.head(), "{report}");
    }
    assert_eq!(
        server.log_rows(),
        total + desks,
        "one record per call, and each desk's announcement"
    );
    for desk in [&a, &b] {
        assert_eq!(calls_and_cases(desk), (total, total));
        let now = status(desk);
        assert_eq!(now["pending"], 0, "{now}");
        assert_eq!(now["cursor"], server.head(), "{now}");
        as_sara(desk)
            .arg("verify")
            .assert()
            .success()
            .stdout(predicate::str::starts_with("ok: "));
    }
    // Each call where it was written, and at the other desk, with its notes: a sample.
    for i in [0, 1, 499, 500, 1234, 1999] {
        assert_eq!(notes_at(&b, &from_a[i]), [format!("A {i}")]);
    }
    for i in [0, 299, 599] {
        assert_eq!(notes_at(&a, &from_b[i]), [format!("B {i}")]);
    }
    assert!(
        kills.mid_pull >= 1,
        "no pull was caught between batches: {kills:?}"
    );
}
