//! The helpline's server goes down while desks work: this test stops the test PostgreSQL
//! (`$HELPLINE_TEST_POSTGRES_CTL stop immediate`), which every test using it shares, so it is
//! a test binary of its own and its one test function does everything in order: cargo runs
//! the test binaries one after another, so no other test's server goes away under it. It
//! starts the server again whatever happens, before it fails.

mod common;

use std::process::Command as Process;
use std::time::Instant;

use common::*;
use tempfile::TempDir;

/// Starts the test server again when dropped, if this test stopped it (a failed assertion
/// included), so the test binaries after this one find it running.
struct StartsAgain {
    stopped: bool,
}

impl StartsAgain {
    fn stop(&mut self) {
        self.stopped = true;
        ctl("stop", &["immediate"]);
    }

    fn start(&mut self) {
        ctl("start", &[]);
        self.stopped = false;
    }
}

impl Drop for StartsAgain {
    fn drop(&mut self) {
        if self.stopped {
            ctl("start", &[]);
        }
    }
}

fn ctl(action: &str, args: &[&str]) {
    let ctl = env("HELPLINE_TEST_POSTGRES_CTL");
    let status = Process::new(&ctl).arg(action).args(args).status().unwrap();
    assert!(status.success(), "{ctl} {action} failed");
}

#[test]
fn a_desk_goes_on_working_while_the_server_is_down_and_catches_up_when_it_is_back() {
    let server = TestServer::new();
    let root = TempDir::new().unwrap();
    let address = server.init(root.path());
    let a = first_desk(root.path(), &address);
    let b = joined_desk(root.path(), "b", &address, &a);
    let from_a = record_calls(&a, "A", 1000);
    let mut server_state = StartsAgain { stopped: false };

    // The server stops while A pushes: the sync fails in one line, and the push is not kept.
    let mut child = spawn_as_sara(&a, &["sync"]);
    assert!(
        server.wait_for(&mut child, "INSERT INTO log"),
        "the sync ended before its push was seen"
    );
    server_state.stop();
    let out = child.wait_with_output().unwrap();
    let line = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success(), "the sync went through: {line}");
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.starts_with("helpline: the helpline's server cannot be reached")
            && line.ends_with("[server_unreachable]\n"),
        "{line}"
    );

    // While it is down: a sync says it cannot reach it, and the desk goes on working.
    let began = Instant::now();
    let line = fails_with(as_sara(&a).arg("sync").assert(), "server_unreachable");
    assert!(
        line.contains("cannot be reached") && line.contains("syncs when it can"),
        "{line}"
    );
    assert!(!line.contains("password"), "{line}");
    assert!(
        began.elapsed().as_secs() < 10,
        "a server that is down is told at once"
    );
    let offline = stdout(
        as_sara(&a)
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .args(["--notes-file", "-"])
            .write_stdin("Taken while the server was down.")
            .assert()
            .success(),
    )
    .trim()
    .to_owned();
    assert_eq!(notes_at(&a, &offline), ["Taken while the server was down."]);
    let waiting = status(&a);
    assert!(
        waiting["pending"].as_u64().unwrap() >= 1001,
        "every call waits to be pushed: {waiting}"
    );
    fails_with(as_sara(&b).arg("sync").assert(), "server_unreachable");

    // Back: A pushes everything once, B catches up.
    server_state.start();
    let report = sync(&a);
    assert!(report["pushed"].as_u64().unwrap() >= 1001, "{report}");
    let report = sync(&b);
    assert_eq!(report["calls"], 1001, "{report}");
    assert_eq!(report["cursor"], server.head(), "{report}");
    assert_eq!(status(&a)["pending"], 0);
    assert_eq!(
        server.log_rows(),
        1001 + 2,
        "each call once, and the two desks"
    );
    assert_eq!(calls_and_cases(&b), (1001, 1001));
    assert_eq!(notes_at(&b, &offline), ["Taken while the server was down."]);
    assert_eq!(notes_at(&b, &from_a[999]), ["A 999"]);
}
