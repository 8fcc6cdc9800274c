//! Turns the last benchmark run into BENCHMARKS.md's tables: criterion's medians
//! (target/criterion/<operation>-<calls>/<helpline|plain|kdf>/new/estimates.json), the bytes on
//! disk from each dataset's manifest, the desktop measurements (target/bench-desktop.json)
//! when there are any, and the several desks' (criterion's `sync_*` groups and bench-sync's
//! target/bench-sync/<calls>.json). Prints Markdown.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use helpline_bench::dataset::{Dataset, Manifest};
use helpline_bench::settings;

/// (operation, what it is, budget on the store's median in ms, whether reads must stay
/// within 1.5x of the baseline)
const OPERATIONS: &[(&str, &str, Option<f64>, bool)] = &[
    (
        "unlock",
        "unlock: open and unlock, KDF included",
        None,
        false,
    ),
    (
        "new_case_with_first_call",
        "new case with its first call, durable",
        Some(10.0),
        false,
    ),
    ("autosave", "one autosave of notes, durable", None, false),
    (
        "lookup",
        "look a case up by its number (1-3 calls)",
        Some(2.0),
        true,
    ),
    (
        "history_10_calls",
        "open a history of 10 calls",
        Some(10.0),
        true,
    ),
    (
        "open_cases_with_follow_ups",
        "list open cases with follow-ups",
        None,
        true,
    ),
    (
        "statistics_one_month",
        "one month's statistics, counted from the cases",
        Some(100.0),
        true,
    ),
    (
        "statistics_twelve_months",
        "twelve months' statistics, counted from the cases",
        Some(1000.0),
        true,
    ),
    (
        "statistics_one_month_kept",
        "one past month's statistics, from its kept counts",
        Some(100.0),
        true,
    ),
    (
        "statistics_twelve_months_kept",
        "twelve past months' statistics, from their kept counts",
        Some(1000.0),
        true,
    ),
    (
        "statistics_twelve_months_period_kept",
        "twelve past months and their total over the year, protected together, from kept counts",
        Some(1000.0),
        false,
    ),
];
const READ_RATIO: f64 = 1.5;
const DISK_RATIO: f64 = 1.5;

fn median_ms(criterion: &Path, group: &str, function: &str) -> Option<f64> {
    let file = criterion
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    Some(json["median"]["point_estimate"].as_f64()? / 1e6)
}

/// How many iterations criterion timed (its samples' iteration counts, summed).
fn iterations(criterion: &Path, group: &str, function: &str) -> Option<f64> {
    let file = criterion.join(group).join(function).join("new/sample.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    Some(
        json["iters"]
            .as_array()?
            .iter()
            .filter_map(|n| n.as_f64())
            .sum(),
    )
}

fn ms(value: f64) -> String {
    if value >= 10_000.0 {
        format!("{:.1} s", value / 1000.0)
    } else if value >= 100.0 {
        format!("{value:.0} ms")
    } else if value >= 1.0 {
        format!("{value:.1} ms")
    } else {
        format!("{:.0} µs", value * 1000.0)
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**missed**"
    }
}

fn main() -> ExitCode {
    let settings = match settings::from_env() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("bench-report: {e}");
            return ExitCode::from(2);
        }
    };
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target");
    let criterion = target.join("criterion");
    println!("| operation | calls | store median | plain median | ratio | budget | met |");
    println!("|---|---:|---:|---:|---:|---|---|");
    let mut missing = Vec::new();
    for &(op, label, budget, read) in OPERATIONS {
        for &calls in &settings.sizes {
            let group = format!("{op}-{calls}");
            let (Some(store), Some(plain)) = (
                median_ms(&criterion, &group, "helpline"),
                median_ms(&criterion, &group, "plain"),
            ) else {
                missing.push(group);
                continue;
            };
            let ratio = store / plain;
            let mut budgets = Vec::new();
            let mut met = true;
            if let Some(limit) = budget {
                budgets.push(format!("≤ {}", ms(limit)));
                met &= store <= limit;
            }
            if read {
                budgets.push(format!("≤ {READ_RATIO}x"));
                met &= ratio <= READ_RATIO;
            }
            let (budget_text, met_text) = if budgets.is_empty() {
                ("—".to_string(), "—")
            } else {
                (budgets.join(", "), verdict(met))
            };
            println!(
                "| {label} | {calls} | {} | {} | {ratio:.2}x | {budget_text} | {met_text} |",
                ms(store),
                ms(plain)
            );
            if op == "unlock" {
                if let Some(kdf) = median_ms(&criterion, &group, "kdf") {
                    println!(
                        "| unlock: the KDF alone (Argon2id, 64 MiB, t=3) | {calls} | {} | — | — | — | — |",
                        ms(kdf)
                    );
                    println!(
                        "| unlock: the rest (open, slot, audit entry) | {calls} | {} | {} | {:.2}x | — | — |",
                        ms(store - kdf),
                        ms(plain),
                        (store - kdf) / plain
                    );
                }
            }
        }
    }
    for &calls in &settings.sizes {
        let folder = Dataset::folder(&settings.data_root, calls, settings.seed);
        let manifest: Option<Manifest> = std::fs::read(folder.join("manifest.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        let Some(manifest) = manifest else {
            missing.push(format!("dataset of {calls} calls"));
            continue;
        };
        let store = manifest.bytes_encrypted as f64 / manifest.calls as f64;
        let plain = manifest.bytes_plain as f64 / manifest.calls as f64;
        let ratio = store / plain;
        println!(
            "| bytes on disk per call | {calls} | {store:.0} B | {plain:.0} B | {ratio:.2}x | ≤ {DISK_RATIO}x | {} |",
            verdict(ratio <= DISK_RATIO)
        );
    }
    if let Ok(bytes) = std::fs::read(target.join("bench-desktop.json")) {
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(desktop) => print_desktop(&desktop),
            Err(e) => eprintln!("bench-report: target/bench-desktop.json: {e}"),
        }
    } else {
        missing.push("desktop measurements (scripts/bench-desktop.sh)".into());
    }
    print_desks(
        &criterion,
        &target.join("bench-sync"),
        &settings.sizes,
        &mut missing,
    );
    if !missing.is_empty() {
        eprintln!("bench-report: not measured: {}", missing.join(", "));
    }
    ExitCode::SUCCESS
}

fn print_desktop(desktop: &serde_json::Value) {
    println!();
    println!("| desktop app (release build) | measured | budget | met |");
    println!("|---|---:|---|---|");
    let number = |path: &[&str]| {
        path.iter()
            .try_fold(desktop, |value, key| value.get(key))
            .and_then(serde_json::Value::as_f64)
    };
    let rows: [(&str, &[&str], Option<f64>, &str); 5] = [
        (
            "launch to the unlock screen (median)",
            &["launch_to_unlock_ms", "median"],
            Some(1000.0),
            "ms",
        ),
        (
            "\"New call\" to the case number on screen (median)",
            &["new_call_to_number_ms", "median"],
            Some(100.0),
            "ms",
        ),
        (
            "memory of all processes, idle on the unlock screen (PSS)",
            &["memory_mb", "idle_unlock_screen", "pss"],
            Some(200.0),
            "MB",
        ),
        (
            "memory of all processes, idle with a small store open (PSS)",
            &["memory_mb", "idle_small_store", "pss"],
            Some(200.0),
            "MB",
        ),
        (
            "memory of all processes with the 1M-call store open (PSS)",
            &["memory_mb", "big_store_open", "pss"],
            None,
            "MB",
        ),
    ];
    for (label, path, budget, unit) in rows {
        let Some(value) = number(path) else {
            println!("| {label} | not measured | | |");
            continue;
        };
        match budget {
            Some(limit) => println!(
                "| {label} | {value:.0} {unit} | ≤ {limit:.0} {unit} | {} |",
                verdict(value <= limit)
            ),
            None => println!("| {label} | {value:.0} {unit} | — | — |"),
        }
    }
}

/// The several-desks table: criterion's per-call groups, then bench-sync's one-shot runs.
fn print_desks(criterion: &Path, sync_dir: &Path, sizes: &[usize], missing: &mut Vec<String>) {
    println!();
    println!("| several desks (issue 14) | calls | store | plain | ratio | timed |");
    println!("|---|---:|---:|---:|---:|---:|");
    let row = |label: &str, calls: usize, store: Option<f64>, plain: Option<f64>, timed: &str| {
        let text = |v: Option<f64>| v.map_or("—".to_string(), ms);
        let ratio = match (store, plain) {
            (Some(s), Some(p)) => format!("{:.2}x", s / p),
            _ => "—".to_string(),
        };
        println!(
            "| {label} | {calls} | {} | {} | {ratio} | {timed} |",
            text(store),
            text(plain)
        );
    };
    const PER_CALL: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "sync_one_call",
            "helpline",
            "sync of one call: ended at A until found at B",
            Some("plain"),
        ),
        (
            "sync_one_call",
            "helpline_push",
            "… A: the call ended and pushed",
            Some("plain_push"),
        ),
        (
            "sync_one_call",
            "helpline_pull",
            "… B: pulled, filed and found",
            Some("plain_pull"),
        ),
        (
            "sync_one_call",
            "connect",
            "… the connection each sync opens",
            None,
        ),
        (
            "sync_one_call",
            "record_call",
            "… A's `record_call` alone, sync connected (plain: the plain store's)",
            Some("plain_record_call"),
        ),
        (
            "sync_catch_up_1000",
            "helpline",
            "catching up 1,000 calls (B pulls and files them)",
            Some("plain"),
        ),
    ];
    for &(op, function, label, plain_function) in PER_CALL {
        for &calls in sizes {
            let group = format!("{op}-{calls}");
            let Some(store) = median_ms(criterion, &group, function) else {
                missing.push(format!("{group}/{function}"));
                continue;
            };
            let plain = plain_function.and_then(|f| median_ms(criterion, &group, f));
            let timed = iterations(criterion, &group, function)
                .map_or(String::new(), |n| format!("{n:.0} iterations"));
            row(label, calls, Some(store), plain, &timed);
        }
    }
    for &calls in sizes {
        let file = sync_dir.join(format!("{calls}.json"));
        let Some(run) = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        else {
            missing.push(format!("bench-sync at {calls} calls"));
            continue;
        };
        let get = |path: &[&str]| {
            path.iter()
                .try_fold(&run, |value, key| value.get(key))
                .and_then(serde_json::Value::as_f64)
        };
        let runs = get(&["runs"]).unwrap_or(0.0);
        let timed = if runs == 1.0 {
            "1 run".to_string()
        } else {
            format!("{runs:.0} runs")
        };
        let plain_sum = |keys: &[&str]| -> Option<f64> {
            keys.iter()
                .map(|k| get(&["plain_first_sync_ms", k]))
                .sum::<Option<f64>>()
        };
        row(
            "a new desk's first sync: invite at A and join at B",
            calls,
            get(&["first_sync_ms", "whole"]),
            get(&["plain_first_sync_ms", "whole"]),
            &timed,
        );
        row(
            "… invite (a sync, the sealed snapshot, its parts put on the server)",
            calls,
            get(&["first_sync_ms", "invite"]),
            plain_sum(&["copy", "upload"]),
            &timed,
        );
        row(
            "… join (the parts taken and opened, restore, sign-in, a sync)",
            calls,
            get(&["first_sync_ms", "join"]),
            plain_sum(&["download", "open"]),
            &timed,
        );
        let steps: &[(&str, &str, Option<&str>)] = &[
            ("… step: `VACUUM INTO` alone", "vacuum_into", Some("copy")),
            (
                "… step: the sealed snapshot (`Helpline::backup`: `VACUUM INTO`, sealed, written)",
                "backup",
                Some("copy"),
            ),
            (
                "… step: its 1 MiB parts read and sealed",
                "seal_parts",
                None,
            ),
            (
                "… step: the parts put on the server",
                "upload",
                Some("upload"),
            ),
            (
                "… step: the parts taken back (`helpline_redeem`)",
                "download",
                Some("download"),
            ),
            ("… step: the parts opened and written", "open_parts", None),
            (
                "… step: restore (Argon2id, the snapshot opened, written, synced)",
                "restore",
                Some("open"),
            ),
            ("… step: unlock (Argon2id again)", "unlock", None),
            (
                "… step: the app's sign-in (unlock, then the retention period applied)",
                "sign_in",
                None,
            ),
            (
                "… step: the new desk's sync after joining",
                "sync_after_join",
                None,
            ),
            ("… Argon2id alone (once)", "kdf", None),
        ];
        for &(label, key, plain_key) in steps {
            row(
                label,
                calls,
                get(&["steps", key]),
                plain_key.and_then(|k| get(&["plain_first_sync_ms", k])),
                "1 run",
            );
        }
        let bytes_row = |label: &str, store: Option<f64>, plain: Option<f64>| {
            let text = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.0} B"));
            let ratio = match (store, plain) {
                (Some(s), Some(p)) => format!("{:.2}x", s / p),
                _ => "—".to_string(),
            };
            println!(
                "| {label} | {calls} | {} | {} | {ratio} | |",
                text(store),
                text(plain)
            );
        };
        bytes_row(
            "the snapshot (the store's `VACUUM INTO` copy; plain: the plain file's)",
            get(&["steps", "snapshot_bytes"]),
            get(&["plain_first_sync_ms", "bytes"]),
        );
        bytes_row(
            "server bytes per call (the log's growth over 1,000 calls; plain: a table of their JSON)",
            get(&["server_bytes", "log_per_call"]),
            get(&["server_bytes", "plain_table_per_call"]),
        );
        bytes_row(
            "… beside the call's plaintext JSON (plain column)",
            get(&["server_bytes", "log_per_call"]),
            get(&["server_bytes", "plaintext_json_per_call"]),
        );
        for (label, key) in [
            (
                "… a call as the store seals it (its details and notes)",
                "sealed_call_per_call",
            ),
            (
                "… its change as the outbox keeps it, before padding (hex in JSON, sealed)",
                "outbox_change_per_call",
            ),
            (
                "… of which TOAST (the records' bodies)",
                "log_toast_per_call",
            ),
            ("… of which the table's own pages", "log_heap_per_call"),
            ("… of which its indexes", "log_indexes_per_call"),
            ("a call's notes alone (UTF-8)", "notes_per_call"),
        ] {
            bytes_row(label, get(&["server_bytes", key]), None);
        }
        if let Some(sizes) = run
            .get("server_bytes")
            .and_then(|b| b.get("record_sizes"))
            .and_then(serde_json::Value::as_object)
        {
            let buckets: Vec<String> = sizes
                .iter()
                .map(|(size, count)| format!("{size} B × {count}"))
                .collect();
            println!(
                "| records on the server, by size (padded and sealed) | {calls} | {} | | | |",
                buckets.join(", ")
            );
        }
        if let Some(mb) = get(&["peak_rss_mb"]) {
            println!(
                "| peak memory of the process (A invites, then B joins; the largest size so far) | {calls} | {mb:.0} MB | | | |"
            );
        }
    }
}
