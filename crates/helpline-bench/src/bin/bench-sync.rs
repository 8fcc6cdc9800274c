//! The one-shot measurements of several desks (issue 14; BENCHMARKS.md, "Several desks"), for
//! each size of HELPLINE_BENCH_SIZES, against the PostgreSQL `scripts/bench.sh` starts. Writes
//! `target/bench-sync/<calls>.json`, which `bench-report` reads.
//!
//! - **A new desk's first sync**: desk A (a copy of the dataset's store, connected to a new
//!   database) invites, desk B joins: `invite_desk` and `join_helpline`, timed whole, a few
//!   times at the smaller sizes and once at the larger. Then the same steps again one by one,
//!   from the pieces the app layer is made of, to say where the time goes: the snapshot
//!   (`VACUUM INTO` alone, then `Helpline::backup`: `VACUUM INTO`, sealed, written), its parts
//!   sealed and put on the server, taken back, opened and written, the restore (Argon2id, the
//!   snapshot opened and written) and the unlock (Argon2id again); Argon2id alone.
//! - **The baseline**: the dataset's plain SQLite store copied with `VACUUM INTO`, put on the
//!   same server in parts of the same size, taken back from a second connection, written and
//!   opened (`helpline_bench::plain_sync::first_sync`).
//! - **Server bytes per call**: desk A writes 1,000 calls (whole generated cases) and pushes
//!   them; the log table's growth (heap, TOAST, indexes) over the calls, the sizes of the
//!   records, beside the calls' plaintext JSON and a plain table of that JSON.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use helpline_app::Helpline;
use helpline_bench::dataset::{Dataset, PASSPHRASE, USER};
use helpline_bench::desks::{first_desk, invite_and_join, passphrase, write_cases, JoinTiming};
use helpline_bench::generate::Generator;
use helpline_bench::plain_sync::{self, PlainFirstSync, PlainLog};
use helpline_bench::server::{self, BenchDatabase, ServerEnv};
use helpline_bench::{settings, BenchError, Result};
use helpline_core::crypto::{self, KdfParams, SlotSecret};
use helpline_core::store::backup::{self, BackupSecret};
use helpline_core::{CaseNumber, Passphrase};
use helpline_sync::{InvitationCode, Server};
use serde_json::json;

/// Calls written for the server's bytes per call.
const BYTES_CALLS: usize = 1_000;

/// How many first syncs to time at a size: a few where each takes seconds, one where it takes
/// minutes.
fn join_runs(calls: usize) -> usize {
    if calls <= 10_000 {
        5
    } else if calls <= 100_000 {
        3
    } else {
        1
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn timed<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, Duration)> {
    let started = Instant::now();
    let value = f()?;
    Ok((value, started.elapsed()))
}

fn main() -> ExitCode {
    let settings = match settings::from_env() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("bench-sync: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(env) = server::from_env() else {
        eprintln!("bench-sync: {}", server::NO_SERVER);
        return ExitCode::from(2);
    };
    let out_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-sync");
    for &calls in &settings.sizes {
        let started = Instant::now();
        match measure(&env, &settings, calls) {
            Ok(report) => {
                let file = out_dir.join(format!("{calls}.json"));
                let written = std::fs::create_dir_all(&out_dir)
                    .and_then(|()| std::fs::write(&file, serde_json::to_vec_pretty(&report)?));
                if let Err(e) = written {
                    eprintln!("bench-sync: writing {}: {e}", file.display());
                    return ExitCode::from(1);
                }
                println!(
                    "bench-sync: {calls} calls measured in {:.0} s ({})",
                    started.elapsed().as_secs_f64(),
                    file.display()
                );
            }
            Err(e) => {
                eprintln!("bench-sync: {calls} calls: {e}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

fn measure(
    env: &ServerEnv,
    settings: &settings::Settings,
    calls: usize,
) -> Result<serde_json::Value> {
    let dataset = Dataset::open_or_build(&settings.data_root, calls, settings.seed, &mut |n| {
        if n % 100_000 == 0 {
            eprintln!("bench-sync: building {calls} calls: {n} written");
        }
    })?;
    let scratch = tempfile::Builder::new()
        .prefix("sync-")
        .tempdir_in(&settings.data_root)?;
    let database = BenchDatabase::create(env, &format!("j{calls}"))?;
    eprintln!("bench-sync: {calls} calls: desk A (a copy of the dataset's store) connects");
    let mut a = first_desk(&dataset, &database, &scratch.path().join("a"))?;

    // The first syncs, whole; the baseline's after each.
    let mut joins: Vec<JoinTiming> = Vec::new();
    let mut plains: Vec<PlainFirstSync> = Vec::new();
    let mut syncs_after_join = Vec::new();
    let sample = dataset
        .manifest
        .short_cases
        .first()
        .map(|(number, _)| number.clone())
        .ok_or_else(|| BenchError::Setup("the dataset keeps no sample case".into()))?;
    for run in 0..join_runs(calls) {
        let folder = scratch.path().join(format!("b{run}"));
        let (mut b, timing) = invite_and_join(&mut a, &database.desk_address, folder.clone())?;
        // B holds A's calls.
        b.find_case(&sample).map_err(BenchError::app)?;
        // The sync join_helpline ends with, once more (nothing new since).
        let (_, sync) = timed(|| b.sync_now().map_err(BenchError::app))?;
        syncs_after_join.push(ms(sync));
        eprintln!(
            "bench-sync: {calls} calls: first sync {}: invite {:.1} s, join {:.1} s",
            run + 1,
            timing.invite.as_secs_f64(),
            timing.join.as_secs_f64()
        );
        joins.push(timing);
        drop(b);
        std::fs::remove_dir_all(&folder)?;

        let plain_to = scratch.path().join(format!("plain-b{run}"));
        let mut sender = database.plain_client()?;
        let mut receiver = database.plain_client()?;
        let plain =
            plain_sync::first_sync(&dataset.plain_dir(), &plain_to, &mut sender, &mut receiver)?;
        eprintln!(
            "bench-sync: {calls} calls: plain first sync {}: {:.1} s",
            run + 1,
            plain.total().as_secs_f64()
        );
        plains.push(plain);
        std::fs::remove_dir_all(&plain_to)?;
    }

    eprintln!("bench-sync: {calls} calls: the first sync's steps, one by one");
    let mut steps = join_steps(&mut a, &database, scratch.path())?;
    steps["sync_after_join"] = json!(median(syncs_after_join));
    eprintln!("bench-sync: {calls} calls: server bytes per call ({BYTES_CALLS} calls)");
    let bytes = server_bytes(&mut a, &database, settings.seed)?;

    let joins_ms =
        |f: fn(&JoinTiming) -> Duration| -> Vec<f64> { joins.iter().map(|j| ms(f(j))).collect() };
    let plain_ms = |f: fn(&PlainFirstSync) -> Duration| -> Vec<f64> {
        plains.iter().map(|p| ms(f(p))).collect()
    };
    Ok(json!({
        "calls": calls,
        "cases": dataset.manifest.cases,
        "store_bytes": dataset.manifest.bytes_encrypted,
        "runs": joins.len(),
        "first_sync_ms": {
            "whole": median(joins.iter().map(|j| ms(j.invite + j.join)).collect()),
            "invite": median(joins_ms(|j| j.invite)),
            "join": median(joins_ms(|j| j.join)),
            "each": joins.iter().map(|j| json!({"invite": ms(j.invite), "join": ms(j.join)})).collect::<Vec<_>>(),
        },
        "steps": steps,
        "plain_first_sync_ms": {
            "whole": median(plain_ms(PlainFirstSync::total)),
            "copy": median(plain_ms(|p| p.copy)),
            "upload": median(plain_ms(|p| p.upload)),
            "download": median(plain_ms(|p| p.download)),
            "open": median(plain_ms(|p| p.open)),
            "bytes": plains.first().map(|p| p.bytes),
        },
        "server_bytes": bytes,
        "peak_rss_mb": peak_rss_mb(),
    }))
}

/// The most memory this process has held so far (VmHWM), in MB: sizes run smallest first, so
/// at each size it is that size's first syncs (A's and B's sides, one after the other).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The first sync's steps one at a time, as `invite_desk` and `join_helpline` take them, each
/// timed: what part of the whole the snapshot is, and what part Argon2id.
fn join_steps(
    a: &mut Helpline,
    database: &BenchDatabase,
    scratch: &Path,
) -> Result<serde_json::Value> {
    let file = a.data_dir().join(helpline_core::store::DATABASE_FILE);
    // VACUUM INTO alone, on the same file (no key needed to copy ciphertext).
    let vacuum_to = scratch.join("vacuum.db");
    let (_, vacuum) = timed(|| {
        let conn = rusqlite::Connection::open(&file)?;
        conn.execute("VACUUM INTO ?1", [vacuum_to.to_string_lossy()])?;
        Ok(())
    })?;
    let snapshot_bytes = std::fs::metadata(&vacuum_to)?.len();
    std::fs::remove_file(&vacuum_to)?;

    // The sealed snapshot, as invite_desk makes it.
    let backup_file = scratch.join("snapshot.backup");
    let (_, backup) = timed(|| a.backup(&backup_file).map_err(BenchError::app))?;
    let code = InvitationCode::random();
    let (parts, seal_parts) = timed(|| {
        let snapshot = zeroize::Zeroizing::new(std::fs::read(&backup_file)?);
        let mut parts = vec![code.seal_part(0, b"{}")];
        for (n, chunk) in snapshot
            .chunks(helpline_sync::invitation::PART_LEN)
            .enumerate()
        {
            parts.push(code.seal_part(n as u32 + 1, chunk));
        }
        Ok(parts)
    })?;
    let part_count = parts.len() - 1;
    let (_, upload) = timed(|| {
        Server::connect(&database.desk_address)?.put_invitation(&code.id, &parts)?;
        Ok(())
    })?;
    drop(parts);

    // The new desk's side.
    let (parts, download) =
        timed(|| Ok(Server::connect(&database.desk_address)?.redeem_invitation(&code.id)?))?;
    let received = scratch.join("received.backup");
    let (_, open_parts) = timed(|| {
        use std::io::Write as _;
        let mut out = std::fs::File::create(&received)?;
        for (n, sealed) in parts.iter().enumerate().skip(1) {
            out.write_all(&code.open_part(n as u32, sealed)?)?;
        }
        Ok(())
    })?;
    drop(parts);
    let restored = scratch.join("restored");
    let unlock_passphrase = Passphrase::for_unlock(PASSPHRASE)?;
    let (store, restore) = timed(|| {
        Ok(backup::restore(
            &received,
            &restored,
            &BackupSecret::User {
                name: USER,
                passphrase: &unlock_passphrase,
            },
        )?)
    })?;
    let (session, unlock) = timed(|| Ok(store.unlock(USER, &unlock_passphrase)?))?;
    drop(session);
    // As the app signs in: the same unlock, then the retention period applied.
    let mut desk = Helpline::new(restored.clone());
    let (_, sign_in) = timed(|| {
        desk.unlock(USER, passphrase()).map_err(BenchError::app)?;
        Ok(())
    })?;
    drop(desk);
    let mut kdf = Vec::new();
    for _ in 0..3 {
        let salt = [7u8; crypto::SALT_LEN];
        let (_, t) = timed(|| {
            Ok(crypto::derive_slot_key(
                &SlotSecret::Passphrase(&unlock_passphrase),
                &salt,
                KdfParams::CURRENT,
            )?)
        })?;
        kdf.push(ms(t));
    }
    std::fs::remove_dir_all(&restored)?;
    std::fs::remove_file(&received)?;
    std::fs::remove_file(&backup_file)?;
    Ok(json!({
        "snapshot_bytes": snapshot_bytes,
        "parts": part_count,
        "vacuum_into": ms(vacuum),
        "backup": ms(backup),
        "seal_parts": ms(seal_parts),
        "upload": ms(upload),
        "download": ms(download),
        "open_parts": ms(open_parts),
        "restore": ms(restore),
        "unlock": ms(unlock),
        "sign_in": ms(sign_in),
        "kdf": median(kdf),
    }))
}

/// Desk A writes and pushes [`BYTES_CALLS`] calls; what the log grew by, per call, beside the
/// calls' plaintext JSON and a plain table holding it.
fn server_bytes(
    a: &mut Helpline,
    database: &BenchDatabase,
    seed: u64,
) -> Result<serde_json::Value> {
    let mut admin = database.admin()?;
    let size = |admin: &mut postgres::Client, table: &str| -> Result<(i64, i64, i64, i64)> {
        let row = admin.query_one(
            "SELECT pg_total_relation_size($1::text::regclass), \
             pg_relation_size($1::text::regclass), pg_indexes_size($1::text::regclass)",
            &[&table],
        )?;
        let count: i64 = admin
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])?
            .get(0);
        Ok((row.get(0), row.get(1), row.get(2), count))
    };
    let last_seq: i64 = admin
        .query_one("SELECT COALESCE(max(seq), 0) FROM log", &[])?
        .get(0);
    let before = size(&mut admin, "log")?;
    let cases = Generator::new(seed ^ 0xB17E5).cases_with_calls(BYTES_CALLS);
    let (_, write) = timed(|| write_cases(a, &cases))?;
    // What A keeps of them before the push (no key needed to measure ciphertext): each call's
    // sealed columns, and its change in the outbox (sealed under the store's key, padded not).
    let (sealed_call, outbox_change): (f64, f64) = {
        let conn =
            rusqlite::Connection::open(a.data_dir().join(helpline_core::store::DATABASE_FILE))?;
        conn.query_row(
            "SELECT avg(length(c.details) + length(c.notes)), avg(length(o.change)) \
             FROM sync_outbox o JOIN sync_records r ON r.record_id = o.record_id \
             JOIN calls c ON c.id = r.call_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
    };
    let (report, push) = timed(|| a.sync_now().map_err(BenchError::app))?;
    if report.pushed < BYTES_CALLS as u64 {
        return Err(BenchError::Setup(format!(
            "{} changes pushed, {BYTES_CALLS} calls written",
            report.pushed
        )));
    }
    let after = size(&mut admin, "log")?;
    let mut records = BTreeMap::new();
    for row in admin.query(
        "SELECT octet_length(body), count(*) FROM log WHERE seq > $1 GROUP BY 1 ORDER BY 1",
        &[&last_seq],
    )? {
        records.insert(row.get::<_, i32>(0).to_string(), row.get::<_, i64>(1));
    }

    // The same calls in plain: their JSON, and a plain table of it.
    let calls: Vec<_> = cases.iter().flatten().cloned().collect();
    let json_bytes: usize = calls
        .iter()
        .map(|c| serde_json::to_vec(c).map(|v| v.len()))
        .sum::<Result<usize, _>>()?;
    let notes_bytes: usize = calls.iter().map(|c| c.content.notes.len()).sum();
    let plain_before = size(&mut admin, "plain_log")?;
    let mut log = PlainLog::connect(&database.plain_address, "bytes")?;
    let rows: Vec<_> = calls
        .iter()
        .map(|call| {
            (
                (rand::random::<u64>() >> 1) as i64,
                CaseNumber::random(),
                call.clone(),
            )
        })
        .collect();
    log.push_all(&rows)?;
    let plain_after = size(&mut admin, "plain_log")?;
    let per = |before: i64, after: i64| (after - before) as f64 / calls.len() as f64;
    Ok(json!({
        "calls": calls.len(),
        "changes_pushed": report.pushed,
        "write_ms": ms(write),
        "push_ms": ms(push),
        "sealed_call_per_call": sealed_call,
        "outbox_change_per_call": outbox_change,
        "log_per_call": per(before.0, after.0),
        "log_heap_per_call": per(before.1, after.1),
        "log_indexes_per_call": per(before.2, after.2),
        "log_toast_per_call": per(before.0 - before.1 - before.2, after.0 - after.1 - after.2),
        "record_sizes": records,
        "plaintext_json_per_call": json_bytes as f64 / calls.len() as f64,
        "notes_per_call": notes_bytes as f64 / calls.len() as f64,
        "plain_table_per_call": per(plain_before.0, plain_after.0),
        "plain_rows": plain_after.3 - plain_before.3,
    }))
}
