//! The real `helpline` binary on temporary data folders.

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const SUPERVISOR_PASS: &str = "supervisor passphrase";

/// A `helpline` command on `dir`, with nothing inherited that could point it elsewhere.
fn helpline(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("helpline").unwrap();
    cmd.env_remove("HELPLINE_DATA_DIR")
        .env_remove("HELPLINE_USER")
        .env_remove("HELPLINE_PASSPHRASE")
        .env_remove("HELPLINE_NEW_PASSPHRASE")
        .arg("--data-dir")
        .arg(dir.path());
    cmd
}

fn as_sara(dir: &TempDir) -> Command {
    as_user(dir, "sara", SUPERVISOR_PASS)
}

/// A `helpline` command acting as `user` with `passphrase` from the environment.
fn as_user(dir: &TempDir, user: &str, passphrase: &str) -> Command {
    let mut cmd = helpline(dir);
    cmd.env("HELPLINE_USER", user)
        .env("HELPLINE_PASSPHRASE", passphrase);
    cmd
}

/// sara adds the volunteer omar, passphrase "volunteer passphrase".
fn add_volunteer(dir: &TempDir) {
    as_sara(dir)
        .args(["user", "add", "omar", "--role", "volunteer"])
        .env("HELPLINE_NEW_PASSPHRASE", "volunteer passphrase")
        .assert()
        .success();
}

fn init(dir: &TempDir) -> String {
    let out = helpline(dir)
        .args(["init", "--user", "sara", "--passphrase-stdin"])
        .write_stdin(format!("{SUPERVISOR_PASS}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The recovery code in what `init` printed: eight groups of four.
fn recovery_code(printed: &str) -> String {
    printed
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.matches('-').count() == 7)
        .unwrap()
        .to_string()
}

fn stdout(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// Fails with a single line on standard error that names the code; never a panic. The line.
fn fails_with(assert: assert_cmd::assert::Assert, code: &str) -> String {
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

/// `cmd` with the case number given as `-`, on standard input: never on the command line.
fn on_case<'a>(cmd: &'a mut Command, number: &str) -> &'a mut Command {
    cmd.arg("-").write_stdin(format!("{number}\n"))
}

/// Fails if any of `secrets` is in `command_line`, also with spaces and dashes left out (a
/// case number or a phone number is the same number without them).
fn assert_unseen(command_line: &str, secrets: &[&str]) {
    let squeezed =
        |text: &str| -> String { text.chars().filter(|c| c.is_alphanumeric()).collect() };
    for secret in secrets {
        assert!(
            !command_line.contains(secret) && !squeezed(command_line).contains(&squeezed(secret)),
            "{secret:?} is on the command line: {command_line}"
        );
    }
}

/// `cmd`'s command line, as the test gives it.
fn command_line(cmd: &Command) -> String {
    let args: Vec<String> = cmd
        .get_args()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    args.join(" ")
}

/// Runs `helpline --user sara --passphrase-stdin ARGS` with sara's passphrase and then `input`
/// on standard input, and fails if any of `secrets` is in its /proc/PID/cmdline, read while it
/// waits for the passphrase, as any other user's process could read it. Its standard output.
fn run_unseen(dir: &TempDir, args: &[&str], input: &str, secrets: &[&str]) -> String {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("helpline"))
        .env_remove("HELPLINE_DATA_DIR")
        .env_remove("HELPLINE_USER")
        .env_remove("HELPLINE_PASSPHRASE")
        .env_remove("HELPLINE_NEW_PASSPHRASE")
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--user", "sara", "--passphrase-stdin"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Right after the exec the new command line may not be filled in yet: wait until it is.
    let read_cmdline = || {
        let bytes = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap();
        String::from_utf8_lossy(&bytes).replace('\0', " ")
    };
    let mut cmdline = read_cmdline();
    for _ in 0..500 {
        if cmdline.contains("--passphrase-stdin") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        cmdline = read_cmdline();
    }
    assert!(cmdline.contains("--passphrase-stdin"), "its own: {cmdline}");
    assert_unseen(&cmdline, secrets);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{SUPERVISOR_PASS}\n{input}").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

fn to_arabic_indic(text: &str) -> String {
    text.chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| char::from_u32(0x0660 + d).unwrap())
        })
        .collect()
}

#[test]
fn the_readme_tour() {
    let dir = TempDir::new().unwrap();
    let printed = init(&dir);
    assert!(printed.contains("Recovery code"));
    let code_line = printed
        .lines()
        .find(|l| l.trim().len() == 39 && l.trim().matches('-').count() == 7);
    assert!(
        code_line.is_some(),
        "the recovery code is printed once: {printed}"
    );

    as_sara(&dir)
        .args([
            "user",
            "add",
            "omar",
            "--role",
            "volunteer",
            "--passphrase-stdin",
        ])
        .env_remove("HELPLINE_PASSPHRASE")
        .write_stdin(format!("{SUPERVISOR_PASS}\nvolunteer passphrase\n"))
        .assert()
        .success();

    let details = r#"{"contact_name": "Fatima", "contact_phone": "+46 70 123 45 67",
        "next_steps": "Call her back on Tuesday.",
        "notes": "Her son has stopped seeing his friends.\nHe talks of leaving.\n"}"#;
    let number = stdout(
        helpline(&dir)
            .args([
                "--user",
                "omar",
                "--passphrase-stdin",
                "call",
                "new",
                "--channel",
                "phone",
                "--language",
                "sv",
                "--level",
                "2",
            ])
            .args([
                "--caller-relationship",
                "mother",
                "--caller-gender",
                "woman",
                "--referral",
                "social_services",
            ])
            .args(["--details-file", "-"])
            .write_stdin(format!("volunteer passphrase\n{details}"))
            .assert()
            .success(),
    );
    let number = number.trim().to_string();
    assert_eq!(number.len(), 13, "grouped 4 4 3: {number}");

    on_case(as_sara(&dir).args(["call", "new", "--case"]), &number)
        .args([
            "--channel",
            "email",
            "--language",
            "ar",
            "--level",
            "3",
            "--minutes",
            "25",
        ])
        .assert()
        .success()
        .stdout(format!("{number}\n"));

    // The caller reads the number back in Arabic-Indic digits with dashes.
    let typed = to_arabic_indic(&number).replace(' ', "-");
    let history = stdout(
        on_case(
            as_user(&dir, "omar", "volunteer passphrase").args(["case", "show"]),
            &typed,
        )
        .assert()
        .success(),
    );
    assert!(history.contains("(open): 2 call(s)"), "{history}");
    assert!(
        history.contains("gave contact details: Fatima, +46 70 123 45 67"),
        "{history}"
    );
    assert!(
        history.contains("Next steps: Call her back on Tuesday."),
        "{history}"
    );
    assert!(history.contains("He talks of leaving."), "{history}");
    assert!(
        history.contains("Concern level: 3 (in_transit_country)  ESCALATED"),
        "{history}"
    );
    assert!(history.contains("Referrals: social_services"), "{history}");

    let json: serde_json::Value = serde_json::from_str(&stdout(
        on_case(as_sara(&dir).args(["case", "show", "--json"]), &number)
            .assert()
            .success(),
    ))
    .unwrap();
    assert_eq!(json["calls"][0]["level"], "wish_to_leave");
    assert_eq!(json["calls"][1]["channel"], "email");

    as_sara(&dir)
        .arg("verify")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "));
    let users = stdout(as_sara(&dir).args(["user", "list"]).assert().success());
    assert_eq!(users, "omar\tvolunteer\nsara\tsupervisor\n");
}

#[test]
fn a_mistyped_number_is_not_valid_and_an_unknown_one_is_not_found() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let number = stdout(
        as_sara(&dir)
            .args(["call", "new", "--channel", "phone", "--language", "en"])
            .assert()
            .success(),
    );
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let mut swapped = digits.clone().into_bytes();
    let pos = (0..10).find(|&i| swapped[i] != swapped[i + 1]).unwrap();
    swapped.swap(pos, pos + 1);
    fails_with(
        on_case(
            as_sara(&dir).args(["case", "show"]),
            std::str::from_utf8(&swapped).unwrap(),
        )
        .assert(),
        "case_number_check_failed",
    );
    fails_with(
        on_case(as_sara(&dir).args(["case", "show"]), "12 34").assert(),
        "case_number_malformed",
    );
    // A valid number that is nobody's case: the Damm check digit of 0000000000 is 0.
    fails_with(
        on_case(as_sara(&dir).args(["case", "show"]), "0000 0000 000").assert(),
        "no_such_case",
    );
}

#[test]
fn wrong_users_and_passphrases_are_told_apart() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    fails_with(
        as_sara(&dir)
            .env("HELPLINE_PASSPHRASE", "not my passphrase")
            .arg("verify")
            .assert(),
        "wrong_passphrase",
    );
    fails_with(
        as_sara(&dir)
            .env("HELPLINE_USER", "nobody")
            .arg("verify")
            .assert(),
        "unknown_user",
    );
}

#[test]
fn a_folder_without_a_store_or_with_a_stranger_file_is_refused() {
    let dir = TempDir::new().unwrap();
    fails_with(as_sara(&dir).arg("verify").assert(), "no_store");
    std::fs::write(dir.path().join("helpline.db"), vec![0x42u8; 8192]).unwrap();
    fails_with(as_sara(&dir).arg("verify").assert(), "not_a_store");
    fails_with(
        helpline(&dir)
            .args(["init", "--user", "sara", "--passphrase-stdin"])
            .write_stdin(format!("{SUPERVISOR_PASS}\n"))
            .assert(),
        "store_exists",
    );
}

#[test]
fn secrets_that_are_missing_or_weak_say_what_to_do() {
    let dir = TempDir::new().unwrap();
    fails_with(
        helpline(&dir)
            .args(["init", "--user", "sara", "--passphrase-stdin"])
            .write_stdin("short\n")
            .assert(),
        "passphrase_too_short",
    );
    fails_with(
        helpline(&dir)
            .args(["init", "--user", "sara", "--passphrase-stdin"])
            .write_stdin("")
            .assert(),
        "invalid_argument",
    );
    // No terminal, no environment, no --passphrase-stdin: a clear line, not a hang. (Where the
    // tests run in a terminal, the binary would rightly ask on it; CI has none.)
    if std::fs::File::open("/dev/tty").is_err() {
        fails_with(
            helpline(&dir)
                .args(["init", "--user", "sara"])
                .write_stdin("")
                .assert(),
            "invalid_argument",
        );
    }
    fails_with(helpline(&dir).arg("verify").assert(), "invalid_argument");
    assert!(
        !dir.path().join("helpline.db").exists(),
        "nothing was created"
    );
}

#[test]
fn passphrases_change_and_users_go() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    add_volunteer(&dir);
    helpline(&dir)
        .args(["--user", "omar", "--passphrase-stdin", "user", "passwd"])
        .write_stdin("volunteer passphrase\nnew volunteer passphrase\n")
        .assert()
        .success();
    let omar = |pass: &str| as_user(&dir, "omar", pass);
    fails_with(
        omar("volunteer passphrase").args(["user", "list"]).assert(),
        "wrong_passphrase",
    );
    // Checking the whole store is a supervisor's, in the CLI as in the app.
    fails_with(
        omar("new volunteer passphrase").arg("verify").assert(),
        "not_allowed",
    );
    fails_with(
        omar("new volunteer passphrase")
            .args(["user", "remove", "sara"])
            .assert(),
        "not_allowed",
    );
    as_sara(&dir)
        .args(["user", "remove", "omar"])
        .assert()
        .success();
    fails_with(
        omar("new volunteer passphrase").arg("verify").assert(),
        "unknown_user",
    );
}

#[test]
fn the_recovery_code_sets_a_new_passphrase() {
    let dir = TempDir::new().unwrap();
    let code = recovery_code(&init(&dir));
    helpline(&dir)
        .args(["--user", "sara", "--passphrase-stdin", "recover"])
        .write_stdin(format!("{}\nrecovered passphrase\n", code.to_lowercase()))
        .assert()
        .success();
    as_sara(&dir)
        .env("HELPLINE_PASSPHRASE", "recovered passphrase")
        .arg("verify")
        .assert()
        .success();
    fails_with(
        helpline(&dir)
            .args(["--user", "sara", "--passphrase-stdin", "recover"])
            .write_stdin(format!("{code}\nanother passphrase\n").replace(&code[..4], "AAAA"))
            .assert(),
        "wrong_recovery_code",
    );
}

#[test]
fn bad_call_options_are_refused_before_anything_is_written() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let clap_refuses = |args: &[&str]| {
        let out = as_sara(&dir)
            .args(["call", "new"])
            .args(args)
            .assert()
            .code(2);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(
            stderr.starts_with("error:") && !stderr.contains("panicked"),
            "{stderr}"
        );
    };
    clap_refuses(&["--channel", "fax", "--language", "sv"]);
    clap_refuses(&["--channel", "phone", "--language", "sv", "--level", "4"]);
    clap_refuses(&[
        "--channel",
        "phone",
        "--language",
        "sv",
        "--follow-up",
        "next tuesday",
    ]);
    clap_refuses(&["--language", "sv"]);
    // Nothing nobody chose is counted: the language is asked for too ("not_stated" if unknown).
    clap_refuses(&["--channel", "phone"]);
    fails_with(
        as_sara(&dir)
            .args([
                "call",
                "new",
                "--channel",
                "phone",
                "--language",
                "sv",
                "--referral",
                "astrologer",
            ])
            .assert(),
        "invalid_argument",
    );
    fails_with(
        as_sara(&dir)
            .args([
                "call",
                "new",
                "--channel",
                "phone",
                "--language",
                "sv",
                "--notes-file",
                "/no/such/file",
            ])
            .assert(),
        "invalid_argument",
    );
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "x".repeat(helpline_core::domain::MAX_NOTES_CHARS + 1)).unwrap();
    fails_with(
        as_sara(&dir)
            .args([
                "call",
                "new",
                "--channel",
                "phone",
                "--language",
                "sv",
                "--notes-file",
            ])
            .arg(&big)
            .assert(),
        "too_long",
    );
    let verify = stdout(as_sara(&dir).arg("verify").assert().success());
    assert!(
        verify.contains("ok: 8 sealed values") && verify.contains("4 audit entries"),
        "no case: only the role, the settings, the key slots' owners, the audit trail's head and \
         its 4 entries: {verify}"
    );
}

/// Six calls in Swedish and five in English by phone, one in Arabic by e-mail, all in April
/// 2026, with notes, contact details and case numbers that must never reach an export.
fn april_store(dir: &TempDir) -> Vec<String> {
    init(dir);
    let mut numbers = Vec::new();
    for (i, language) in [
        "sv", "sv", "sv", "sv", "sv", "sv", "en", "en", "en", "en", "en", "ar",
    ]
    .iter()
    .enumerate()
    {
        let channel = if *language == "ar" { "email" } else { "phone" };
        let started = format!("2026-04-{:02}T10:00:00+02:00", i + 3);
        let number = stdout(
            as_sara(dir)
                .args([
                    "call",
                    "new",
                    "--channel",
                    channel,
                    "--language",
                    language,
                    "--level",
                    "1",
                    "--minutes",
                    "20",
                ])
                .args(["--started", &started, "--details-file", "-"])
                .write_stdin(format!(
                    r#"{{"contact_name": "Fatima Lindqvist", "notes": "NOTE-{i} the son talks of leaving"}}"#
                ))
                .assert()
                .success(),
        );
        numbers.push(number.trim().to_string());
    }
    numbers
}

#[test]
fn statistics_exports_count_right_suppress_small_numbers_and_name_nobody() {
    let dir = TempDir::new().unwrap();
    let numbers = april_store(&dir);
    let out = dir.path().join("april");
    for format in ["csv", "json", "xlsx", "html"] {
        let path = out.with_extension(format);
        as_sara(&dir)
            .args([
                "stats", "export", "--month", "2026-04", "--format", format, "--out",
            ])
            .arg(&path)
            .assert()
            .success();
        let bytes = std::fs::read(&path).unwrap();
        for secret in [
            "NOTE-",
            "Fatima",
            "Lindqvist",
            "sara",
            "2026-04-0",
            "2026-04-1",
            "10:00",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} is in the {format} export"
            );
        }
        for number in &numbers {
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            assert!(
                !bytes.windows(digits.len()).any(|w| w == digits.as_bytes()),
                "a case number is in the {format} export"
            );
        }
    }
    let csv = std::fs::read_to_string(out.with_extension("csv")).unwrap();
    let row = |table: &str, category: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{table},")) && l.split(',').nth(2) == Some(category))
            .unwrap_or_else(|| panic!("no row {table} {category} in\n{csv}"))
            .rsplit(',')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(row("about", "k"), "5");
    // ar 1 is "<5", and sv 6 goes with it: to a reader ar is 12 - 5 - sv with sv at least 5,
    // so 1 or 2. Its whole range (1 to 4) would take hiding the month's total, which is kept.
    assert_eq!(row("calls_by_language", "ar"), "<5");
    assert_eq!(row("calls_by_language", "sv"), "x");
    assert_eq!(row("calls_by_language", "en"), "5");
    assert_eq!(row("calls_by_language", "total"), "12");
    assert_eq!(row("calls_by_channel", "phone"), "x", "11 phone, 1 e-mail");
    assert_eq!(row("calls_by_channel", "email"), "<5");
    assert_eq!(row("cases_new_or_returning", "new"), "12");
    assert_eq!(row("calls_by_level", "strong_interest"), "12");

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.with_extension("json")).unwrap()).unwrap();
    assert_eq!(json["disclosure_control"]["k"], 5);
    assert_eq!(json["months"], serde_json::json!(["2026-04"]));

    // A range with its total over the period, in Swedish: April is shown as published, March
    // (no calls) is new.
    let range = out.with_extension("range.csv");
    as_sara(&dir)
        .args([
            "stats",
            "export",
            "--month",
            "2026-03",
            "--to",
            "2026-04",
            "--period-total",
            "--format",
            "csv",
            "--language",
            "sv",
            "--out",
        ])
        .arg(&range)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&range).unwrap();
    for line in [
        "calls_by_language,calls,total,Totalt,2026-03,0",
        "calls_by_language,calls,ar,Arabiska,2026-04,<5",
        "calls_by_language,calls,ar,Arabiska,2026-03/2026-04,<5",
        "calls_by_language,calls,total,Totalt,2026-03/2026-04,12",
    ] {
        assert!(csv.contains(&format!("\n{line}\n")), "{line} in {csv}");
    }
}

#[test]
fn a_published_month_stays_as_published_and_takes_no_new_calls() {
    let dir = TempDir::new().unwrap();
    let numbers = april_store(&dir);
    let export = |name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        let assert = as_sara(&dir)
            .args(["stats", "export", "--month", "2026-04", "--format", "csv"])
            .args(extra)
            .arg("--out")
            .arg(&path)
            .assert();
        (assert, path)
    };
    let (first, first_path) = export("first.csv", &[]);
    first.success();

    // No call can be added to April now; the refused call wrote nothing.
    fails_with(
        as_sara(&dir)
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .args(["--started", "2026-04-28T10:00:00+02:00"])
            .assert(),
        "month_published",
    );
    // A case forgotten after publication does not change the month either.
    on_case(as_sara(&dir).args(["case", "forget"]), &numbers[11])
        .assert()
        .success();
    let (again, again_path) = export("again.csv", &[]);
    again.success();
    assert_eq!(
        std::fs::read(&first_path).unwrap(),
        std::fs::read(&again_path).unwrap(),
        "April is exported exactly as first published"
    );
    // Another k would publish April differently: refused, and the file is not written.
    let (other_k, other_path) = export("other-k.csv", &["--k", "7"]);
    fails_with(other_k, "threshold_fixed");
    assert!(!other_path.exists());

    let listed = stdout(
        as_sara(&dir)
            .args(["stats", "published"])
            .assert()
            .success(),
    );
    assert_eq!(listed, "2026-04\tk = 5\n");

    // This month has not ended: it cannot be published, and the supervisor is told so in the
    // report's language.
    let this_month = chrono::Local::now().format("%Y-%m").to_string();
    let refused = as_sara(&dir)
        .args(["stats", "export", "--month", &this_month, "--format", "csv"])
        .args(["--language", "sv", "--out"])
        .arg(dir.path().join("now.csv"))
        .assert();
    let said = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(
        said.contains(&format!("{this_month} är inte slut ännu")),
        "{said}"
    );
    fails_with(refused, "month_not_ended");
    assert!(!dir.path().join("now.csv").exists());

    // The register keeps no order (random row ids); the list is by month, a period after the
    // months it starts with.
    for (name, extra) in [
        ("may.csv", &["--month", "2026-05"][..]),
        ("march.csv", &["--month", "2026-03"][..]),
        (
            "spring.csv",
            &["--month", "2026-03", "--to", "2026-05", "--period-total"][..],
        ),
    ] {
        as_sara(&dir)
            .args(["stats", "export", "--format", "csv"])
            .args(extra)
            .arg("--out")
            .arg(dir.path().join(name))
            .assert()
            .success();
    }
    let listed = stdout(
        as_sara(&dir)
            .args(["stats", "published"])
            .assert()
            .success(),
    );
    assert_eq!(
        listed,
        "2026-03\tk = 5\n2026-03/2026-05\tk = 5\n2026-04\tk = 5\n2026-05\tk = 5\n"
    );
}

#[test]
fn statistics_are_for_supervisors_and_check_their_options() {
    let dir = TempDir::new().unwrap();
    april_store(&dir);
    add_volunteer(&dir);
    let out = dir.path().join("x.csv");
    let export = |cmd: &mut Command| {
        cmd.args([
            "stats", "export", "--month", "2026-04", "--format", "csv", "--out",
        ])
        .arg(&out);
    };
    let mut volunteer = as_user(&dir, "omar", "volunteer passphrase");
    export(&mut volunteer);
    fails_with(volunteer.assert(), "not_allowed");
    assert!(!out.exists());

    let mut low_k = as_sara(&dir);
    export(&mut low_k);
    fails_with(low_k.args(["--k", "2"]).assert(), "invalid_argument");
    fails_with(
        as_sara(&dir)
            .args([
                "stats", "export", "--month", "2026-05", "--to", "2026-04", "--format", "csv",
                "--out",
            ])
            .arg(&out)
            .assert(),
        "invalid_argument",
    );
    fails_with(
        as_sara(&dir)
            .args([
                "stats",
                "export",
                "--month",
                "2026-04",
                "--format",
                "csv",
                "--out",
                "/no/such/folder/x.csv",
            ])
            .assert(),
        "export_failed",
    );
    as_sara(&dir)
        .args([
            "stats", "export", "--month", "2026-13", "--format", "csv", "--out",
        ])
        .arg(&out)
        .assert()
        .code(2);
}

#[test]
fn a_backup_restores_on_another_machine_and_verifies() {
    let dir = TempDir::new().unwrap();
    let code = recovery_code(&init(&dir));
    let number = stdout(
        as_sara(&dir)
            .args([
                "call",
                "new",
                "--channel",
                "phone",
                "--language",
                "sv",
                "--notes-file",
                "-",
            ])
            .write_stdin("BACKED-UP notes")
            .assert()
            .success(),
    );
    let number = number.trim().to_string();
    let file = dir.path().join("helpline.backup");
    as_sara(&dir)
        .args(["backup", "--out"])
        .arg(&file)
        .assert()
        .success();
    as_sara(&dir)
        .args(["verify", "--backup"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "));

    let elsewhere = TempDir::new().unwrap();
    let target = elsewhere.path().join("restored");
    let restored = || {
        let mut cmd = Command::cargo_bin("helpline").unwrap();
        cmd.env_remove("HELPLINE_DATA_DIR")
            .env("HELPLINE_USER", "sara")
            .env("HELPLINE_PASSPHRASE", SUPERVISOR_PASS)
            .arg("--data-dir")
            .arg(&target);
        cmd
    };
    restored().arg("restore").arg(&file).assert().success();
    let history = stdout(
        on_case(restored().args(["case", "show"]), &number)
            .assert()
            .success(),
    );
    assert!(history.contains("BACKED-UP notes"), "{history}");
    fails_with(
        restored().arg("restore").arg(&file).assert(),
        "store_exists",
    );

    // Every passphrase forgotten: the recovery code opens the backup and sets a new one.
    let again = elsewhere.path().join("recovered");
    let mut cmd = Command::cargo_bin("helpline").unwrap();
    cmd.env_remove("HELPLINE_PASSPHRASE")
        .arg("--data-dir")
        .arg(&again)
        .args([
            "--user",
            "sara",
            "--passphrase-stdin",
            "restore",
            "--recovery",
        ])
        .arg(&file);
    cmd.write_stdin(format!("{code}\nafter the fire 2026\n"))
        .assert()
        .success();
    let mut cmd = Command::cargo_bin("helpline").unwrap();
    cmd.arg("--data-dir")
        .arg(&again)
        .env("HELPLINE_USER", "sara")
        .env("HELPLINE_PASSPHRASE", "after the fire 2026")
        .arg("verify")
        .assert()
        .success();

    let junk = dir.path().join("junk");
    std::fs::write(&junk, b"HLPLBAK1 but then nothing sensible").unwrap();
    fails_with(
        as_sara(&dir)
            .args(["verify", "--backup"])
            .arg(&junk)
            .assert(),
        "not_a_backup",
    );
}

#[test]
fn a_supervisor_resets_a_volunteers_passphrase_and_forgets_a_case() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    add_volunteer(&dir);
    as_sara(&dir)
        .args(["user", "reset", "omar"])
        .env("HELPLINE_NEW_PASSPHRASE", "a fresh passphrase")
        .assert()
        .success();
    let number = stdout(
        as_user(&dir, "omar", "a fresh passphrase")
            .args(["call", "new", "--channel", "phone", "--language", "ar"])
            .assert()
            .success(),
    );
    let number = number.trim();
    fails_with(
        on_case(
            as_user(&dir, "omar", "a fresh passphrase").args(["case", "forget"]),
            number,
        )
        .assert(),
        "not_allowed",
    );
    on_case(as_sara(&dir).args(["case", "forget"]), number)
        .assert()
        .success();
    fails_with(
        on_case(as_sara(&dir).args(["case", "show"]), number).assert(),
        "no_such_case",
    );
}

#[test]
fn retention_destroys_cases_older_than_the_period_the_supervisor_sets() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let new_call = |started: &str| {
        let out = stdout(
            as_sara(&dir)
                .args(["call", "new", "--channel", "phone", "--language", "sv"])
                .args(["--started", started])
                .assert()
                .success(),
        );
        out.trim().to_string()
    };
    let old = new_call("2019-03-01T10:00:00+01:00");
    let recent = new_call(&chrono::Utc::now().to_rfc3339());
    let show = || stdout(as_sara(&dir).args(["retention", "show"]).assert().success());
    assert!(show().starts_with("off"), "{}", show());
    assert!(
        stdout(as_sara(&dir).args(["retention", "run"]).assert().success())
            .starts_with("0 expired")
    );

    for (wrong, code) in [
        ("0", "out_of_range"),
        ("121", "out_of_range"),
        ("a year", "invalid_argument"),
        ("-3", "invalid_argument"),
    ] {
        fails_with(
            as_sara(&dir)
                .args(["retention", "set", "--", wrong])
                .assert(),
            code,
        );
    }
    add_volunteer(&dir);
    fails_with(
        as_user(&dir, "omar", "volunteer passphrase")
            .args(["retention", "set", "12"])
            .assert(),
        "not_allowed",
    );
    // A new period applies at once, in the CLI as in the app.
    let set = stdout(
        as_sara(&dir)
            .args(["retention", "set", "12"])
            .assert()
            .success(),
    );
    assert!(
        set.contains("1 case(s) older than it destroyed now"),
        "{set}"
    );
    assert!(show().starts_with("12 months"));
    assert!(
        stdout(as_sara(&dir).args(["retention", "run"]).assert().success())
            .starts_with("0 expired")
    );
    fails_with(
        on_case(as_sara(&dir).args(["case", "show"]), &old).assert(),
        "no_such_case",
    );
    on_case(as_sara(&dir).args(["case", "show"]), &recent)
        .assert()
        .success();
}

#[test]
fn the_audit_trail_verifies_lists_and_finds_tampering() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    add_volunteer(&dir);
    let number = stdout(
        as_user(&dir, "omar", "volunteer passphrase")
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .assert()
            .success(),
    );
    let number = number.trim().to_string();
    on_case(
        as_user(&dir, "omar", "volunteer passphrase").args(["case", "show"]),
        &number,
    )
    .assert()
    .success();
    // Last month: this month's statistics cannot be published until it has ended.
    let now = chrono::Local::now().date_naive();
    let month = (now - chrono::Duration::days(i64::from(chrono::Datelike::day(&now))))
        .format("%Y-%m")
        .to_string();
    let out = dir.path().join("month.csv");
    as_sara(&dir)
        .args([
            "stats", "export", "--month", &month, "--format", "csv", "--out",
        ])
        .arg(&out)
        .assert()
        .success();

    let verified = stdout(as_sara(&dir).args(["audit", "verify"]).assert().success());
    assert!(verified.contains("ok: "), "{verified}");
    assert!(verified.contains("fingerprint"), "{verified}");
    let listed = stdout(as_sara(&dir).args(["audit", "list"]).assert().success());
    let lines: Vec<&str> = listed.lines().collect();
    assert!(
        lines[0].contains("\tsara\tsigned_in"),
        "newest first: {listed}"
    );
    assert!(listed.contains("\tomar\tcase_opened case="), "{listed}");
    assert!(
        listed.contains(&format!("statistics_exported format=csv from={month}")),
        "{listed}"
    );
    assert!(
        listed.contains("user_added name=omar role=volunteer"),
        "{listed}"
    );
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    assert!(!listed.contains(&digits[..6]), "no case number: {listed}");
    let json = stdout(
        as_sara(&dir)
            .args(["audit", "list", "--json"])
            .assert()
            .success(),
    );
    let entries: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(entries[0]["action"]["kind"], "signed_in");
    assert!(entries.as_array().unwrap().len() >= 8, "{json}");
    for command in [["audit", "verify"], ["audit", "list"]] {
        fails_with(
            as_user(&dir, "omar", "volunteer passphrase")
                .args(command)
                .assert(),
            "not_allowed",
        );
    }

    // Someone with the file removes an entry from the middle…
    let db = rusqlite::Connection::open(dir.path().join("helpline.db")).unwrap();
    assert_eq!(
        db.execute("DELETE FROM audit_trail WHERE seq = 3", [])
            .unwrap(),
        1
    );
    drop(db);
    let failed = as_sara(&dir).args(["audit", "verify"]).assert();
    let printed = String::from_utf8(failed.get_output().stdout.clone()).unwrap();
    assert!(printed.contains("audit: entry 3 missing"), "{printed}");
    let stderr = String::from_utf8(failed.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("missing"), "{stderr}");
    fails_with(failed, "audit_trail_broken");
    fails_with(
        as_sara(&dir).args(["verify"]).assert(),
        "audit_trail_broken",
    );

    // …and alters one byte of another.
    let db = rusqlite::Connection::open(dir.path().join("helpline.db")).unwrap();
    let mut entry: Vec<u8> = db
        .query_row("SELECT entry FROM audit_trail WHERE seq = 5", [], |r| {
            r.get(0)
        })
        .unwrap();
    entry[30] ^= 0x80;
    db.execute(
        "UPDATE audit_trail SET entry = ?1 WHERE seq = 5",
        rusqlite::params![entry],
    )
    .unwrap();
    drop(db);
    let failed = as_sara(&dir).args(["audit", "verify"]).assert();
    let printed = String::from_utf8(failed.get_output().stdout.clone()).unwrap();
    assert!(printed.contains("audit: entry 3 missing"), "{printed}");
    assert!(printed.contains("audit: entry 5 altered"), "{printed}");
    fails_with(failed, "audit_trail_broken");
    let listed = as_sara(&dir).args(["audit", "list"]).assert().success();
    let warned = String::from_utf8(listed.get_output().stderr.clone()).unwrap();
    assert!(warned.contains("not sound"), "{warned}");
}

/// `case list --json` with `args`: the listed case numbers and the total.
fn listed(dir: &TempDir, args: &[&str]) -> (Vec<String>, u64) {
    let out = as_sara(dir)
        .args(["case", "list", "--json"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let numbers = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["case_number"].as_str().unwrap().to_owned())
        .collect();
    (numbers, json["total"].as_u64().unwrap())
}

#[test]
fn case_list_puts_whom_to_call_first_first_for_a_morning_script() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let today = chrono::Local::now().date_naive();
    let new_case = |level: &str, follow_up: Option<chrono::NaiveDate>| {
        let mut cmd = as_sara(&dir);
        cmd.args(["call", "new", "--channel", "phone", "--language", "sv"])
            .args(["--level", level]);
        if let Some(day) = follow_up {
            cmd.args(["--follow-up", &day.to_string()]);
        }
        let out = cmd.assert().success().get_output().stdout.clone();
        String::from_utf8(out).unwrap().trim().to_owned()
    };
    let overdue = new_case("1", Some(today - chrono::Duration::days(1)));
    let step_3 = new_case("3", None);
    let due_today = new_case("2", Some(today));

    assert_eq!(
        listed(&dir, &[]),
        (vec![overdue.clone(), due_today.clone(), step_3.clone()], 3),
        "by follow-up unless asked otherwise"
    );
    assert_eq!(
        listed(&dir, &["--sort", "level"]).0,
        [step_3.clone(), due_today.clone(), overdue.clone()]
    );
    assert_eq!(
        listed(&dir, &["--sort", "last-call"]).0,
        [due_today.clone(), step_3.clone(), overdue.clone()]
    );
    assert_eq!(
        listed(&dir, &["--due", "--open"]),
        (vec![overdue.clone(), due_today.clone()], 2)
    );
    assert_eq!(
        listed(&dir, &["--min-step", "2"]).0,
        [due_today.clone(), step_3.clone()]
    );
    assert_eq!(
        listed(&dir, &["--limit", "1"]),
        (vec![overdue.clone()], 3),
        "the total counts past the limit"
    );

    // The JSON's field names are the documented ones.
    let out = as_sara(&dir)
        .args(["case", "list", "--json", "--limit", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let case = &json["cases"][0];
    let mut fields: Vec<&str> = case
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "calls",
            "case_number",
            "escalated",
            "follow_up",
            "follow_up_state",
            "highest_level",
            "last_call_at",
            "latest_level",
            "open"
        ]
    );
    assert_eq!(case["follow_up_state"], "overdue");
    assert_eq!(case["latest_level"], "strong_interest");
    assert_eq!(
        case["follow_up"],
        (today - chrono::Duration::days(1)).to_string()
    );

    // Plain: an aligned table, a header and one row a case.
    let out = as_sara(&dir)
        .args(["case", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("CASE"), "{text}");
    assert!(lines[1].starts_with(&overdue), "{text}");
    assert!(lines[1].contains("overdue"), "{text}");
    let column = lines[0].find("LEVEL").unwrap();
    for row in &lines[1..4] {
        assert_eq!(&row[column - 1..column], " ", "{text}");
        assert_ne!(&row[column..column + 1], " ", "aligned: {text}");
    }
    assert_eq!(lines[4], "3 of 3 cases.");

    fails_with(
        as_sara(&dir)
            .args(["case", "list", "--limit", "0"])
            .assert(),
        "out_of_range",
    );
}

#[test]
fn a_supervisor_replaces_the_recovery_code_and_forgetting_names_the_backups_that_hold_the_case() {
    let dir = TempDir::new().unwrap();
    let old_code = recovery_code(&init(&dir));
    let printed = stdout(
        as_sara(&dir)
            .args(["recovery-code", "replace"])
            .assert()
            .success(),
    );
    let new_code = recovery_code(&printed);
    assert_ne!(new_code, old_code);
    fails_with(
        helpline(&dir)
            .args(["--user", "sara", "--passphrase-stdin", "recover"])
            .write_stdin(format!("{old_code}\nrecovered passphrase\n"))
            .assert(),
        "wrong_recovery_code",
    );

    let number = stdout(
        as_sara(&dir)
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .assert()
            .success(),
    );
    let backup = dir.path().join("after.hlbak");
    as_sara(&dir)
        .args(["backup", "--out", backup.to_str().unwrap()])
        .assert()
        .success();
    let forgot = stdout(
        on_case(as_sara(&dir).args(["case", "forget"]), number.trim())
            .assert()
            .success(),
    );
    assert_eq!(
        forgot.matches("backup taken ").count(),
        1,
        "the backup taken after the call: {forgot}"
    );
}

#[test]
fn a_guessable_new_passphrase_is_refused_with_a_reason() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    for weak in ["aaaaaaaaaaaa", "password1234"] {
        fails_with(
            as_sara(&dir)
                .args(["user", "add", "omar", "--role", "volunteer"])
                .env("HELPLINE_NEW_PASSPHRASE", weak)
                .assert(),
            "passphrase_weak",
        );
    }
    let users = stdout(as_sara(&dir).args(["user", "list"]).assert().success());
    assert!(!users.contains("omar"), "nobody was added: {users}");
}

#[test]
fn contact_details_next_steps_notes_and_case_numbers_reach_the_case_but_never_the_command_line() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let (name, phone, email) = ("Amina Haddad", "+46 70 555 01 23", "amina@example.org");
    let (next_steps, notes) = ("Ring the school counsellor", "NOTES-FIRST he left school");
    let mut secrets = vec![name, phone, email, next_steps, notes, "NOTES-SECOND"];

    // Everything from standard input, after the passphrase line.
    let details = serde_json::json!({
        "contact_name": name,
        "contact_phone": phone,
        "next_steps": next_steps,
        "notes": notes,
    });
    let new_call = ["call", "new", "--channel", "phone", "--language", "sv"];
    let details_from_stdin = [&new_call[..], &["--details-file", "-"]].concat();
    let number = run_unseen(&dir, &details_from_stdin, &details.to_string(), &secrets);
    let number = number.trim().to_owned();
    secrets.push(&number);

    // The caller rings back: the case number line, then the notes.
    let case_then_notes = [&new_call[..], &["--case", "-", "--notes-file", "-"]].concat();
    let input = format!("{number}\nNOTES-SECOND she called again\n");
    assert_eq!(
        run_unseen(&dir, &case_then_notes, &input, &secrets).trim(),
        number
    );

    // A details file names the case and the e-mail address.
    let file = dir.path().join("details.json");
    let details = serde_json::json!({ "case_number": number, "contact_email": email });
    std::fs::write(&file, details.to_string()).unwrap();
    let details_from_file = [&new_call[..], &["--details-file", file.to_str().unwrap()]].concat();
    assert_eq!(
        run_unseen(&dir, &details_from_file, "", &secrets).trim(),
        number
    );

    let mut show = as_sara(&dir);
    on_case(show.args(["case", "show"]), &number);
    assert_unseen(&command_line(&show), &secrets);
    let history = stdout(show.assert().success());
    assert!(history.contains("(open): 3 call(s)"), "{history}");
    assert!(
        history.contains(&format!("gave contact details: {name}, {phone}")),
        "{history}"
    );
    assert!(
        history.contains(&format!("Next steps: {next_steps}")),
        "{history}"
    );
    assert!(history.contains(notes), "{history}");
    assert!(
        history.contains("NOTES-SECOND she called again"),
        "{history}"
    );
    assert!(
        history.contains(&format!("gave contact details: {email}")),
        "{history}"
    );

    let mut forget = as_sara(&dir);
    on_case(forget.args(["case", "forget"]), &number);
    assert_unseen(&command_line(&forget), &secrets);
    forget.assert().success();
    fails_with(
        on_case(as_sara(&dir).args(["case", "show"]), &number).assert(),
        "no_such_case",
    );
}

#[test]
fn bad_details_and_case_number_input_is_refused_with_what_to_do() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let call_new = || {
        let mut cmd = as_sara(&dir);
        cmd.args(["call", "new", "--channel", "phone", "--language", "sv"]);
        cmd
    };
    let with_details = |document: &[u8]| {
        let mut cmd = call_new();
        cmd.args(["--details-file", "-"]).write_stdin(document);
        cmd.assert()
    };

    let said = fails_with(
        call_new()
            .args(["--details-file", "/no/such/details.json"])
            .assert(),
        "invalid_argument",
    );
    assert!(
        said.contains("could not read the details document"),
        "{said}"
    );
    fails_with(
        call_new().arg("--details-file").arg(dir.path()).assert(),
        "invalid_argument",
    );
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let said = fails_with(
        call_new().arg("--details-file").arg(&empty).assert(),
        "invalid_argument",
    );
    assert!(
        said.contains("is empty") && said.contains("JSON object"),
        "{said}"
    );
    fails_with(with_details(b" \n "), "invalid_argument");
    let said = fails_with(with_details(b"{\"notes\": \"\xff\"}"), "invalid_argument");
    assert!(said.contains("not UTF-8"), "{said}");
    let said = fails_with(with_details(b"{\"contact_phone\": "), "invalid_argument");
    assert!(said.contains("not valid JSON"), "{said}");
    fails_with(with_details(b"[\"+46 70 555 01 23\"]"), "invalid_argument");
    let said = fails_with(
        with_details(b"{\"contact_phon\": \"+46 70 555 01 23\"}"),
        "invalid_argument",
    );
    assert!(
        said.contains("\"contact_phon\"") && said.contains("contact_phone"),
        "names the misspelt field and the right ones: {said}"
    );
    // Neither a value in a field's place nor a value of the wrong type is repeated.
    let said = fails_with(
        with_details(b"{\"+46 70 555 01 23\": \"phone\"}"),
        "invalid_argument",
    );
    assert!(!said.contains("555"), "{said}");
    let said = fails_with(
        with_details(b"{\"contact_phone\": 46705550123}"),
        "invalid_argument",
    );
    assert!(said.contains("not text") && !said.contains("555"), "{said}");
    let huge = format!("{{\"notes\": \"{}\"}}", "x".repeat(2_000_000));
    fails_with(with_details(huge.as_bytes()), "too_long");
    let long_phone = format!("{{\"contact_phone\": \"{}\"}}", "1".repeat(201));
    fails_with(with_details(long_phone.as_bytes()), "too_long");
    fails_with(
        with_details(b"{\"contact_phone\": \" \"}"),
        "contact_details_missing",
    );
    fails_with(
        with_details(b"{\"case_number\": \"12 34\"}"),
        "case_number_malformed",
    );

    // Two places for one value, or two readers of the rest of standard input: refused.
    let said = fails_with(
        call_new()
            .args(["--details-file", "-", "--notes-file", "-"])
            .write_stdin("{}")
            .assert(),
        "invalid_argument",
    );
    assert!(said.contains("\"notes\" field"), "{said}");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "the notes").unwrap();
    let said = fails_with(
        call_new()
            .args(["--details-file", "-", "--notes-file"])
            .arg(&notes)
            .write_stdin("{\"notes\": \"other notes\"}")
            .assert(),
        "invalid_argument",
    );
    assert!(said.contains("notes is given twice"), "{said}");
    fails_with(
        call_new()
            .args(["--case", "-", "--details-file", "-"])
            .write_stdin("0000 0000 000\n{\"case_number\": \"0000 0000 000\"}")
            .assert(),
        "invalid_argument",
    );
    let empty_notes = dir.path().join("empty-notes.txt");
    std::fs::write(&empty_notes, "\n").unwrap();
    let said = fails_with(
        call_new().arg("--notes-file").arg(&empty_notes).assert(),
        "invalid_argument",
    );
    assert!(said.contains("leave out --notes-file"), "{said}");

    // The case number line: missing, or not a line at all.
    let said = fails_with(
        call_new().args(["--case", "-"]).write_stdin("").assert(),
        "invalid_argument",
    );
    assert!(said.contains("expected the case number"), "{said}");
    fails_with(
        as_sara(&dir)
            .args(["case", "show", "-"])
            .write_stdin("1".repeat(100_000))
            .assert(),
        "too_long",
    );
    // Without `-` and without a terminal to ask on, a clear line rather than a hang.
    if std::fs::File::open("/dev/tty").is_err() {
        let said = fails_with(
            as_sara(&dir).args(["case", "show"]).assert(),
            "invalid_argument",
        );
        assert!(said.contains("give `-`"), "{said}");
    }

    assert_eq!(listed(&dir, &[]).1, 0, "no call was recorded");
}

#[test]
fn contact_details_and_case_numbers_typed_on_the_command_line_still_work_with_a_warning() {
    let dir = TempDir::new().unwrap();
    init(&dir);
    let recorded = as_sara(&dir)
        .args(["call", "new", "--channel", "phone", "--language", "sv"])
        .args([
            "--contact-name",
            "Omar Said",
            "--contact-phone",
            "0701234567",
        ])
        .args([
            "--contact-email",
            "o@example.org",
            "--next-steps",
            "Call back",
        ])
        .assert()
        .success();
    let number = String::from_utf8(recorded.get_output().stdout.clone()).unwrap();
    let number = number.trim();
    let warned = stderr(&recorded);
    for (option, field) in [
        ("--contact-name", "contact_name"),
        ("--contact-phone", "contact_phone"),
        ("--contact-email", "contact_email"),
        ("--next-steps", "next_steps"),
    ] {
        let line = warned
            .lines()
            .find(|line| line.contains(&format!("warning: {option} ")))
            .unwrap_or_else(|| panic!("no warning for {option}: {warned}"));
        assert!(
            line.contains("other users' processes")
                && line.contains("shell history")
                && line.contains(&format!("\"{field}\" in --details-file")),
            "{line}"
        );
        assert!(
            !line.contains("0701234567"),
            "the value is not repeated: {line}"
        );
    }

    let again = as_sara(&dir)
        .args([
            "call",
            "new",
            "--case",
            number,
            "--channel",
            "phone",
            "--language",
            "sv",
        ])
        .assert()
        .success();
    let warned = stderr(&again);
    assert!(
        warned.contains("warning: a case number on the command line")
            && warned.contains("--case -"),
        "{warned}"
    );
    let shown = as_sara(&dir)
        .args(["case", "show", number])
        .assert()
        .success();
    let warned = stderr(&shown);
    assert!(warned.contains("give `-`"), "{warned}");
    let history = stdout(shown);
    assert!(history.contains("(open): 2 call(s)"), "{history}");
    assert!(
        history.contains("gave contact details: Omar Said, 0701234567, o@example.org"),
        "{history}"
    );
    assert!(history.contains("Next steps: Call back"), "{history}");

    // One value in two places is refused, in one line and before any warning.
    fails_with(
        as_sara(&dir)
            .args(["call", "new", "--channel", "phone", "--language", "sv"])
            .args(["--contact-phone", "0701234567", "--details-file", "-"])
            .write_stdin("{\"contact_phone\": \"0707654321\"}")
            .assert(),
        "invalid_argument",
    );
    let forgot = as_sara(&dir)
        .args(["case", "forget", number])
        .assert()
        .success();
    assert!(stderr(&forgot).contains("warning: a case number"));
}
