//! Turns the last benchmark run into BENCHMARKS.md's table: criterion's medians
//! (target/criterion/<operation>-<calls>/<helpline|plain|kdf>/new/estimates.json), the bytes on
//! disk from each dataset's manifest, and the desktop measurements (target/bench-desktop.json)
//! when there are any. Prints Markdown.

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

fn ms(value: f64) -> String {
    if value >= 100.0 {
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
