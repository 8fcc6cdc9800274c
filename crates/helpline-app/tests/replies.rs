//! Recorded replies: a real `Helpline` on a temporary data folder goes through a scripted day
//! (set-up, calls at levels 2, 0 and 2 on one case, the cases list, settings, users, safety,
//! statistics, and refusals), and each reply is written as the shell serialises it (serde_json
//! of what its command returns, `{"ok": …}` or `{"error": {code, message}}`) to
//! `ui/src/fixtures/replies/<command>.json`, one entry per scenario. The UI's tests check its
//! reply checkers and its fake shell against them.
//!
//! The test fails when the checked-in files differ from what it would write in anything but
//! the values that change from run to run (times, ids, case numbers, codes);
//! `UPDATE_IPC=1 cargo test -p helpline-app` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use helpline_app::{
    AppError, CallContentView, CheckedBackup, Helpline, SavedFile, StatisticsQuery,
};
use helpline_core::{Call, CallContent, CaseNumber, ConcernLevel, Month, RecoveryCode};
use helpline_stats::export::Format;
use serde::Serialize;
use serde_json::{json, Value};
use zeroize::Zeroizing;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/fixtures/replies");
const PASSPHRASE: &str = "the current passphrase";
/// Stands in for the temporary folder in what is written, so that paths are the same each run.
const HOME: &str = "/home/maja";

fn secret(text: &str) -> Zeroizing<String> {
    Zeroizing::new(text.to_owned())
}

/// Replies by command, then by scenario.
struct Recorder {
    replies: BTreeMap<String, serde_json::Map<String, Value>>,
    temp: String,
}

impl Recorder {
    fn record<T: Serialize>(&mut self, command: &str, scenario: &str, reply: Result<T, AppError>) {
        let entry = match reply {
            Ok(value) => json!({ "ok": value }),
            Err(error) => json!({ "error": error }),
        };
        let entry = self.without_temp(entry);
        let previous = self
            .replies
            .entry(command.to_owned())
            .or_default()
            .insert(scenario.to_owned(), entry);
        assert!(previous.is_none(), "{command}: {scenario} twice");
    }

    fn without_temp(&self, value: Value) -> Value {
        match value {
            Value::String(text) => Value::String(text.replace(&self.temp, HOME)),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| self.without_temp(v)).collect())
            }
            Value::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k, self.without_temp(v)))
                    .collect(),
            ),
            other => other,
        }
    }
}

/// A call's content as the webview sends it.
fn content(level: ConcernLevel, notes: &str) -> Value {
    let mut content = CallContentView::from(CallContent::blank());
    content.level = level;
    content.notes = notes.to_owned();
    serde_json::to_value(content).unwrap()
}

/// One finished call at `level` on the case `number` (a new case for None); its number.
fn call(helpline: &mut Helpline, number: Option<&str>, level: ConcernLevel) -> String {
    let started = helpline.start_call(number.map(str::to_owned)).unwrap();
    helpline
        .end_call(&started.draft_id, content(level, "notes"))
        .unwrap()
        .case_number
}

fn script(dir: &Path) -> BTreeMap<String, serde_json::Map<String, Value>> {
    let mut r = Recorder {
        replies: BTreeMap::new(),
        temp: dir.display().to_string(),
    };
    let mut h = Helpline::new(dir.join("data"));
    let path = |name: &str| -> PathBuf { dir.join(name) };
    let saved = |file: &Path| SavedFile {
        path: file.display().to_string(),
    };

    r.record("app_status", "first run", Ok(h.status()));
    r.record("ui_language", "never chosen", h.ui_language());
    r.record("set_ui_language", "sv", h.set_ui_language("sv"));
    r.record(
        "set_ui_language",
        "not a language",
        h.set_ui_language("klingon"),
    );
    r.record("ui_language", "chosen", h.ui_language());
    r.record(
        "set_up_store",
        "first run",
        h.set_up("Maja", secret(PASSPHRASE)),
    );
    r.record("app_status", "unlocked", Ok(h.status()));
    h.lock();
    r.record("lock", "locked", Ok(()));
    r.record("app_status", "locked", Ok(h.status()));
    r.record(
        "note_input",
        "store locked",
        h.note_input(Instant::now(), false),
    );
    r.record(
        "unlock",
        "wrong passphrase",
        h.unlock("Maja", secret("not it at all")),
    );
    r.record("unlock", "signed in", h.unlock("Maja", secret(PASSPHRASE)));
    r.record("note_input", "noted", h.note_input(Instant::now(), true));
    // The shell answers watch_lock itself, with nothing; recorded so the UI's checker meets it.
    r.record("watch_lock", "watching", Ok(()));
    r.record(
        "unlock",
        "already unlocked",
        h.unlock("Maja", secret(PASSPHRASE)),
    );

    r.record("get_settings", "as set up", h.settings());
    r.record(
        "set_retention_months",
        "24 months",
        h.set_retention_months(Some(24)),
    );
    r.record(
        "set_retention_months",
        "0 months",
        h.set_retention_months(Some(0)),
    );
    r.record("set_idle_lock_minutes", "15", h.set_idle_lock_minutes(15));

    // Levels 2, 0, 2 on one case: the last call is not an escalation (the not-assessed call
    // in between is skipped). Then 1, 0, 2 on another, which is.
    let started = h.start_call(None).unwrap();
    r.record("start_call", "new case", Ok(&started));
    let (id, number) = (&started.draft_id, &started.case_number);
    r.record(
        "save_draft",
        "typed so far",
        h.save_draft(id, content(ConcernLevel::WishToLeave, "so far")),
    );
    // The shell puts the number the app gives it on the clipboard and answers nothing.
    let copy = |h: &mut Helpline, id: &str| h.case_number_of_call(id).map(drop);
    r.record("copy_case_number", "the call in progress", copy(&mut h, id));
    r.record(
        "end_call",
        "ended",
        h.end_call(id, content(ConcernLevel::WishToLeave, "first call")),
    );
    r.record("copy_case_number", "call ended", copy(&mut h, id));
    r.record(
        "end_call",
        "ended twice",
        h.end_call(id, content(ConcernLevel::WishToLeave, "x")),
    );
    let again = h.start_call(Some(number.replace(' ', "-"))).unwrap();
    r.record("start_call", "returning caller", Ok(&again));
    r.record("unfinished_calls", "one open", h.unfinished_calls());
    let again_id = again.draft_id.clone();
    h.end_call(&again_id, content(ConcernLevel::NotAssessed, "second call"))
        .unwrap();
    call(&mut h, Some(number), ConcernLevel::WishToLeave);
    r.record("find_case", "levels 2, 0, 2", h.find_case(number));

    let rising = call(&mut h, None, ConcernLevel::StrongInterest);
    call(&mut h, Some(&rising), ConcernLevel::NotAssessed);
    call(&mut h, Some(&rising), ConcernLevel::WishToLeave);
    r.record("find_case", "levels 1, 0, 2", h.find_case(&rising));
    r.record("find_case", "malformed number", h.find_case("1234"));
    let unknown = CaseNumber::random().grouped(helpline_core::DigitScript::Latin);
    r.record("find_case", "no such case", h.find_case(&unknown));
    r.record("case_overview", "levels 1, 0, 2", h.case_overview(&rising));
    r.record("case_overview", "no such case", h.case_overview(&unknown));

    let open = h.start_call(None).unwrap();
    r.record("discard_call", "discarded", h.discard_call(&open.draft_id));
    r.record("discard_call", "not a call", h.discard_call("draft"));

    let filter = |open_only: bool, min_step: u8| json!({ "openOnly": open_only, "dueOnly": false, "minStep": min_step, "sort": "last_call" });
    r.record("set_case_open", "closed", h.set_case_open(&rising, false));
    r.record("list_cases", "every case", h.list_cases(filter(false, 0)));
    r.record("list_cases", "open only", h.list_cases(filter(true, 0)));
    r.record(
        "list_cases",
        "by follow-up",
        h.list_cases(
            json!({ "openOnly": false, "dueOnly": false, "minStep": 0, "sort": "follow_up" }),
        ),
    );
    r.record(
        "list_cases",
        "snake_case filter",
        h.list_cases(json!({ "open_only": true })),
    );

    r.record(
        "add_user",
        "volunteer",
        h.add_user("Ahmad", "volunteer", secret("volunteer passphrase")),
    );
    r.record(
        "add_user",
        "too short",
        h.add_user("Sara", "volunteer", secret("short")),
    );
    r.record("list_users", "two users", h.list_users());
    h.add_user("Sara", "volunteer", secret("volunteer passphrase"))
        .unwrap();
    r.record("remove_user", "a volunteer", h.remove_user("Sara"));
    r.record(
        "reset_passphrase",
        "for a volunteer",
        h.reset_passphrase("Ahmad", secret("a fresh passphrase")),
    );
    r.record(
        "change_passphrase",
        "wrong current",
        h.change_passphrase(secret("not the passphrase"), secret("a new passphrase")),
    );
    r.record(
        "set_referrals",
        "a bad code",
        h.set_referrals(json!([{ "code": "Bad Code", "label": null }])),
    );
    r.record(
        "set_transit_countries",
        "two",
        h.set_transit_countries(vec!["TR".into(), "JO".into()]),
    );

    // Calls last month, so that there is a month to publish, with counts of k and more (shown)
    // and below (hidden).
    let this_month = Month::of(Utc::now());
    let last_month = this_month.previous();
    let started_at: DateTime<Utc> =
        NaiveDate::from_ymd_opt(last_month.year(), last_month.number(), 10)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc();
    for minutes in 5..12 {
        let mut recorded = CallContent::blank();
        recorded.level = ConcernLevel::StrongInterest;
        if minutes < 7 {
            recorded.channel = helpline_core::Channel::Email;
        }
        h.record_call(
            None,
            &Call {
                started_at,
                ended_at: Some(started_at + Duration::minutes(minutes)),
                content: recorded,
            },
        )
        .unwrap();
    }
    let query = |month: Month| {
        StatisticsQuery::parse(&month.to_string(), &month.to_string(), false, 5, "en").unwrap()
    };
    r.record("statistics", "last month", h.statistics(&query(last_month)));
    r.record("statistics", "this month", h.statistics(&query(this_month)));
    let export = path("statistics.json");
    r.record(
        "export_statistics",
        "saved",
        h.export_statistics(&query(last_month), Format::Json, &export)
            .map(|_| saved(&export)),
    );

    let backup = path("helpline.hlbak");
    r.record(
        "take_backup",
        "saved",
        h.backup(&backup).map(|()| saved(&backup)),
    );
    r.record("verify_store", "sound", h.verify_store());
    let checked = h
        .verify_backup(&backup, secret(PASSPHRASE))
        .map(|report| CheckedBackup {
            path: backup.display().to_string(),
            report,
        });
    r.record("verify_backup", "sound", checked);
    r.record(
        "verify_backup",
        "wrong passphrase",
        h.verify_backup(&backup, secret("not the passphrase")),
    );
    // The volunteer who took a call corrects it within the window.
    let corrected = call(&mut h, None, ConcernLevel::WishToLeave);
    let latest = h.find_case(&corrected).unwrap().calls.remove(0);
    assert!(
        latest.correctable_until.is_some(),
        "the taker may correct it"
    );
    r.record(
        "correct_call",
        "level 2 corrected to 3",
        h.correct_call(
            &latest.call_id,
            content(ConcernLevel::InTransitCountry, "corrected notes"),
        ),
    );
    r.record(
        "correct_call",
        "not a call",
        h.correct_call("call", content(ConcernLevel::InTransitCountry, "x")),
    );
    let mut due = content(ConcernLevel::InTransitCountry, "a call-back agreed");
    due["followUp"] = json!("2026-03-09");
    let agreed = h.start_call(Some(corrected.clone())).unwrap();
    h.end_call(&agreed.draft_id, due).unwrap();
    r.record(
        "mark_follow_up_done",
        "follow-up done",
        h.mark_follow_up_done(&corrected),
    );
    r.record(
        "mark_follow_up_done",
        "no such case",
        h.mark_follow_up_done(&unknown),
    );

    r.record("forget_case", "forgotten", h.forget_case(&rising));
    r.record(
        "replace_recovery_code",
        "wrong passphrase",
        h.replace_recovery_code(secret("not the passphrase")),
    );
    r.record(
        "replace_recovery_code",
        "replaced",
        h.replace_recovery_code(secret(PASSPHRASE)),
    );
    r.record("audit_trail", "after a day", h.audit_trail());
    r.record("verify_audit", "sound", h.verify_audit());

    // Several desks: without a server, what a desk of its own answers. Connecting over the
    // network is refused before anything is sent (no TLS yet), and the shell answers watch_sync
    // itself, with nothing.
    r.record("sync_status", "not connected", h.sync_status());
    r.record("sync_now", "not connected", h.sync_now());
    r.record("invite_desk", "not connected", h.invite_desk("Laptop"));
    r.record(
        "connect_desk",
        "over the network",
        h.connect_desk(
            "host=192.0.2.7 port=5432 dbname=helpline user=helpline_desk password=not-shown",
            "Office",
        ),
    );
    r.record("watch_sync", "watching", Ok(()));

    h.lock();
    r.record(
        "unlock",
        "volunteer",
        h.unlock("Ahmad", secret("a fresh passphrase")),
    );
    r.record("audit_trail", "volunteer", h.audit_trail());
    r.record("get_settings", "store locked", {
        h.lock();
        h.settings()
    });
    let code = RecoveryCode::random().display().to_string();
    r.record(
        "recover",
        "wrong code",
        h.recover("Maja", secret(&code), secret("a new passphrase")),
    );

    // First run on another computer: restoring the backup.
    let mut fresh = Helpline::new(dir.join("restored"));
    r.record(
        "choose_restore_file",
        "chosen",
        fresh.choose_restore_file(backup.clone()),
    );
    r.record(
        "restore_backup",
        "signed in",
        fresh.restore("Maja", secret(PASSPHRASE), None),
    );

    // First run on a third computer: joining the helpline with a mistyped invitation.
    let mut joining = Helpline::new(dir.join("joining"));
    r.record(
        "join_helpline",
        "malformed invitation",
        joining.join_helpline(
            "host=/run/postgresql dbname=helpline user=helpline_desk password=not-shown",
            "K7QF-2MZP-not-an-invitation",
            "Maja",
            secret(PASSPHRASE),
        ),
    );
    r.replies
}

/// What may differ between two runs: values replaced by what kind of value they are.
fn stable(value: &Value) -> Value {
    match value {
        Value::String(text) => Value::String(kind_of(text).unwrap_or(text).to_owned()),
        Value::Array(items) => Value::Array(items.iter().map(stable).collect()),
        Value::Object(fields) => {
            Value::Object(fields.iter().map(|(k, v)| (k.clone(), stable(v))).collect())
        }
        other => other.clone(),
    }
}

fn kind_of(text: &str) -> Option<&'static str> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if DateTime::parse_from_rfc3339(text).is_ok() {
        Some("<time>")
    } else if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() {
        Some("<date>")
    } else if text.parse::<Month>().is_ok() {
        Some("<month>")
    } else if text.len() == 13 && CaseNumber::parse(text).is_ok() {
        Some("<case number>")
    } else if digits(text) || (text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit())) {
        // A draft's id, or a reference to a case or the trail's fingerprint in hex.
        Some("<id>")
    } else if text.len() == 39 && RecoveryCode::parse(text).is_ok() {
        Some("<recovery code>")
    } else if text.contains(" has not ended yet") {
        // The refusal names this month.
        Some("<month> has not ended yet")
    } else {
        None
    }
}

#[test]
fn the_recorded_replies_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let replies = script(dir.path());
    let update = std::env::var_os("UPDATE_IPC").is_some();
    let fixtures = Path::new(FIXTURES);
    if update {
        std::fs::create_dir_all(fixtures).unwrap();
    }
    let mut stale = Vec::new();
    for (command, scenarios) in &replies {
        let file = fixtures.join(format!("{command}.json"));
        let checked_in: Option<Value> = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok());
        if checked_in.as_ref().map(stable) == Some(stable(&Value::Object(scenarios.clone()))) {
            continue;
        }
        if update {
            // Only files that changed in more than their random parts, so that a diff shows
            // what changed.
            let text = serde_json::to_string_pretty(scenarios).unwrap() + "\n";
            std::fs::write(&file, text).unwrap();
        } else {
            stale.push(command.clone());
        }
    }
    let names = |entry: std::io::Result<std::fs::DirEntry>| entry.ok().map(|e| e.path());
    for file in std::fs::read_dir(fixtures)
        .into_iter()
        .flatten()
        .filter_map(names)
    {
        let command = file
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or("");
        if !replies.contains_key(command) {
            if update {
                std::fs::remove_file(&file).unwrap();
            } else {
                stale.push(file.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "ui/src/fixtures/replies/ is not what the application layer answers now ({stale:?}); \
         regenerate it with UPDATE_IPC=1 cargo test -p helpline-app"
    );
}
