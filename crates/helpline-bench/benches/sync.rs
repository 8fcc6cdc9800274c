//! Several desks of one helpline beside a plain baseline (issue 14; BENCHMARKS.md, "Several
//! desks"), per operation, against the PostgreSQL `scripts/bench.sh` starts:
//!
//! - `sync_one_call-<calls>`: a call ended at desk A until desk B finds it. `helpline`: A's
//!   `record_call` and `sync_now`, then B's `sync_now` and `find_case` of the new number;
//!   `helpline_push` is A's part alone and `helpline_pull` B's (A's push done untimed before
//!   each); `connect` is the connection every `sync_now` opens (TCP to 127.0.0.1, SCRAM), and
//!   `record_call` A's ending of a call alone (with sync connected; `plain_record_call`). The
//!   baseline (`plain`, `plain_push`, `plain_pull`): A writes the call to its plain SQLite
//!   store and INSERTs its JSON into a plain table over a connection it keeps open; B SELECTs
//!   the rows after its position over its own, files them into its plain store in one
//!   transaction, and looks the case up (`crate::plain_sync`).
//! - `sync_catch_up_1000-<calls>`: B pulls and files 1,000 calls (whole generated cases) that A
//!   wrote and pushed beforehand, untimed; the baseline reads the same calls' plain rows and
//!   files them into its plain store. B's part alone is timed; A's calls are bulk-loaded to
//!   keep the setup short (they go to A's outbox and reach B as any call does).
//!
//! Both desks hold a dataset's calls (B joined from A), for each size up to
//! [`PER_CALL_MAX_CALLS`]; the one-shot first sync of a new desk is `bench-sync`'s. Without
//! a server this prints why and measures nothing, so it builds and runs anywhere.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use helpline_bench::dataset::Dataset;
use helpline_bench::desks::{store_session, Desks, PlainDesks};
use helpline_bench::generate::Generator;
use helpline_bench::{server, settings};
use helpline_sync::Server;

/// The largest store the per-call benchmarks run on: what they time does not grow with the
/// store (compare 10k and 100k), and at 1M the two desks' setup alone (two copies of 2.5 GB
/// and a first sync) would take minutes.
const PER_CALL_MAX_CALLS: usize = 100_000;
/// How many calls a catch-up brings.
const CATCH_UP_CALLS: usize = 1_000;

fn sync_benches(c: &mut Criterion) {
    let settings = settings::from_env().expect("the benchmark settings");
    let Some(env) = server::from_env() else {
        eprintln!("bench sync: {}", server::NO_SERVER);
        return;
    };
    for &calls in settings
        .sizes
        .iter()
        .filter(|&&calls| calls <= PER_CALL_MAX_CALLS)
    {
        let dataset =
            Dataset::open_or_build(&settings.data_root, calls, settings.seed, &mut |written| {
                if written % 100_000 == 0 {
                    eprintln!("bench: building {calls} calls: {written} written");
                }
            })
            .expect("building the benchmark data");
        eprintln!("bench sync: two desks of {calls} calls (B joins from A)");
        let mut desks =
            Desks::new(&env, &dataset, &settings.data_root).expect("setting up two desks");
        let mut plain = PlainDesks::new(&desks.database, &dataset, &settings.data_root)
            .expect("setting up the baseline's desks");
        let address = desks.database.desk_address.clone();
        let mut fresh = Generator::new(settings.seed ^ 0x5EC5);
        let group_name = |op: &str| format!("{op}-{calls}");

        {
            let mut group = c.benchmark_group(group_name("sync_one_call"));
            group
                .sample_size(30)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(4));
            let Desks { a, b, .. } = &mut desks;
            let PlainDesks { a: pa, b: pb, .. } = &mut plain;
            group.bench_function("helpline", |bench| {
                bench.iter_batched(
                    || fresh.case().remove(0),
                    |call| {
                        let number = a.record_call(None, &call).expect("record").case_number;
                        a.sync_now().expect("A syncs");
                        assert_eq!(b.sync_now().expect("B syncs").calls, 1);
                        b.find_case(&number).expect("B finds the case")
                    },
                    BatchSize::SmallInput,
                )
            });
            group.bench_function("helpline_push", |bench| {
                bench.iter_batched(
                    || fresh.case().remove(0),
                    |call| {
                        a.record_call(None, &call).expect("record");
                        a.sync_now().expect("A syncs")
                    },
                    BatchSize::SmallInput,
                )
            });
            // What the pushes above left for B, untimed.
            b.sync_now().expect("B catches up");
            group.bench_function("helpline_pull", |bench| {
                bench.iter_batched(
                    || {
                        let call = fresh.case().remove(0);
                        let number = a.record_call(None, &call).expect("record").case_number;
                        a.sync_now().expect("A syncs");
                        number
                    },
                    |number| {
                        assert_eq!(b.sync_now().expect("B syncs").calls, 1);
                        b.find_case(&number).expect("B finds the case")
                    },
                    BatchSize::PerIteration,
                )
            });
            group.bench_function("connect", |bench| {
                bench.iter(|| Server::connect(&address).expect("connect"))
            });
            // Ending a call alone, with sync connected (its change goes to the outbox too).
            group.bench_function("record_call", |bench| {
                bench.iter_batched(
                    || fresh.case().remove(0),
                    |call| a.record_call(None, &call).expect("record"),
                    BatchSize::SmallInput,
                )
            });
            // What that left, pushed and filed untimed.
            a.sync_now().expect("A pushes");
            b.sync_now().expect("B catches up");
            group.bench_function("plain", |bench| {
                bench.iter_batched(
                    || fresh.case().remove(0),
                    |call| {
                        let number = pa.record_and_push(&call).expect("A pushes");
                        assert_eq!(pb.catch_up().expect("pull"), 1);
                        pb.store.case_history(&number).expect("B finds the case")
                    },
                    BatchSize::SmallInput,
                )
            });
            group.bench_function("plain_push", |bench| {
                bench.iter_batched(
                    || fresh.case().remove(0),
                    |call| pa.record_and_push(&call).expect("A pushes"),
                    BatchSize::SmallInput,
                )
            });
            pb.catch_up().expect("B catches up");
            group.bench_function("plain_record_call", |bench| {
                bench.iter_batched(
                    || fresh.case().remove(0),
                    |call| pa.store.add_call(None, &call).expect("record"),
                    BatchSize::SmallInput,
                )
            });
            group.bench_function("plain_pull", |bench| {
                bench.iter_batched(
                    || {
                        pa.record_and_push(&fresh.case().remove(0))
                            .expect("A pushes")
                    },
                    |number| {
                        assert_eq!(pb.catch_up().expect("pull"), 1);
                        pb.store.case_history(&number).expect("B finds the case")
                    },
                    BatchSize::PerIteration,
                )
            });
        }
        {
            // A second or so per iteration, and a second or two of setup: one short warm-up,
            // ten samples of one iteration each.
            let mut group = c.benchmark_group(group_name("sync_catch_up_1000"));
            group
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_millis(1))
                .measurement_time(Duration::from_secs(1));
            let Desks { a, b, .. } = &mut desks;
            let PlainDesks { a: pa, b: pb, .. } = &mut plain;
            // A's calls are bulk-loaded through a second session on its store (each still goes
            // to A's outbox): written one by one, they would take seconds per iteration.
            let mut a_store = store_session(a).expect("a second session on A's store");
            group.bench_function("helpline", |bench| {
                bench.iter_batched(
                    || {
                        a_store
                            .import_cases(&fresh.cases_with_calls(CATCH_UP_CALLS))
                            .expect("write");
                        assert_eq!(
                            a.sync_now().expect("A pushes").pushed,
                            CATCH_UP_CALLS as u64
                        );
                    },
                    |()| {
                        let report = b.sync_now().expect("B catches up");
                        assert_eq!(report.calls, CATCH_UP_CALLS as u64);
                        report
                    },
                    BatchSize::PerIteration,
                )
            });
            group.bench_function("plain", |bench| {
                bench.iter_batched(
                    || {
                        pa.import_and_push(&fresh.cases_with_calls(CATCH_UP_CALLS))
                            .expect("write")
                    },
                    |()| assert_eq!(pb.catch_up().expect("B catches up"), CATCH_UP_CALLS as u64),
                    BatchSize::PerIteration,
                )
            });
        }
        drop(plain);
        drop(desks);
    }
}

criterion_group!(benches, sync_benches);
criterion_main!(benches);
