//! The store beside its plain-SQLite baseline, operation by operation (BENCHMARKS.md).
//!
//! Each criterion group is `<operation>-<calls>` with the functions `helpline` (the encrypted
//! store) and `plain` (the baseline), plus `kdf` (Argon2id alone) in the unlock group;
//! `bench-report` turns the medians into BENCHMARKS.md's table.
//!
//! Sizes, seed and data folder come from the environment (`helpline_bench::settings`).

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use helpline_bench::dataset::{Dataset, PASSPHRASE, USER};
use helpline_bench::generate::Generator;
use helpline_bench::settings;
use helpline_core::crypto::{self, KdfParams, SlotSecret};
use helpline_core::tally::MonthCounts;
use helpline_core::{CallContent, CaseQuery, Month, Passphrase, Referral, Store, MAX_LISTED_CASES};
use helpline_stats::release::{protect_release, Request};
use helpline_stats::suppression::Threshold;
use helpline_stats::tables::MonthlyStatistics;

/// The months' statistics published for the first time, from `counts` (read beforehand from
/// the store or the baseline): the whole release protected together, with the total over the
/// months when `period_total`.
fn publish<E: std::fmt::Debug>(
    counts: Result<Vec<(Month, MonthCounts)>, E>,
    referrals: &[Referral],
    k: Threshold,
    period_total: bool,
) -> MonthlyStatistics {
    let counts = counts.expect("counts");
    let request = Request {
        months: counts.iter().map(|(m, _)| *m).collect(),
        period_total,
        k,
    };
    protect_release(&request, &[], referrals, |_| Ok(counts))
        .expect("the release is protected")
        .statistics
}

/// One month in the middle of the generated years, and the twelve months of its year.
fn months() -> (Month, Vec<Month>) {
    let month = Month::new(2022, 6).expect("a month");
    let year = Month::new(2022, 1)
        .expect("a month")
        .through(Month::new(2022, 12).expect("a month"));
    (month, year)
}

/// A group for operations of a second or so: fewer, shorter samples.
fn slow(c: &mut Criterion, name: String) -> BenchmarkGroup<'_, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4));
    group
}

fn store_benches(c: &mut Criterion) {
    let settings = settings::from_env().expect("the benchmark settings");
    let seed = settings.seed;
    for &calls in &settings.sizes {
        let dataset = Dataset::open_or_build(&settings.data_root, calls, seed, &mut |written| {
            if written % 100_000 == 0 {
                eprintln!("bench: building {calls} calls: {written} written");
            }
        })
        .expect("building the benchmark data");
        let mut session = dataset.unlock().expect("unlocking the benchmark store");
        let mut plain = dataset.open_plain().expect("opening the baseline");
        let short = Dataset::samples(&dataset.manifest.short_cases).expect("sample cases");
        let long = Dataset::samples(&dataset.manifest.long_cases).expect("sample cases");
        let mut fresh = Generator::new(seed ^ 0xBE9C);
        let (month, year) = months();
        let k = Threshold::default();
        let referrals = session.settings().expect("settings").referrals;

        let group_name = |op: &str| format!("{op}-{calls}");
        {
            let mut group = slow(c, group_name("unlock"));
            let passphrase = Passphrase::for_unlock(PASSPHRASE).expect("passphrase");
            group.bench_function("helpline", |b| {
                b.iter(|| {
                    Store::open(&dataset.encrypted_dir())
                        .and_then(|store| store.unlock(USER, &passphrase))
                        .expect("unlock")
                })
            });
            let salt = [7u8; crypto::SALT_LEN];
            group.bench_function("kdf", |b| {
                b.iter(|| {
                    crypto::derive_slot_key(
                        &SlotSecret::Passphrase(&passphrase),
                        &salt,
                        KdfParams::CURRENT,
                    )
                    .expect("kdf")
                })
            });
            group.bench_function("plain", |b| b.iter(|| dataset.open_plain().expect("open")));
        }
        {
            let mut group = c.benchmark_group(group_name("new_case_with_first_call"));
            group.sample_size(30);
            group.bench_function("helpline", |b| {
                b.iter_batched(
                    || fresh.case().remove(0),
                    |call| session.record_call(None, &call).expect("record"),
                    criterion::BatchSize::SmallInput,
                )
            });
            group.bench_function("plain", |b| {
                b.iter_batched(
                    || fresh.case().remove(0),
                    |call| plain.record_call(&call).expect("record"),
                    criterion::BatchSize::SmallInput,
                )
            });
        }
        {
            let mut group = c.benchmark_group(group_name("autosave"));
            group.sample_size(30);
            let call = fresh.case().remove(0);
            let draft = session.start_call(Some(&short[0].0)).expect("start");
            let plain_draft = plain.start_call(&short[0].1, &call).expect("start");
            let mut content: CallContent = call.content.clone();
            group.bench_function("helpline", |b| {
                b.iter(|| {
                    content.notes.push('.');
                    session
                        .save_draft(draft.draft_id, &content)
                        .expect("autosave")
                })
            });
            group.bench_function("plain", |b| {
                b.iter(|| {
                    content.notes.push('.');
                    plain.save_draft(plain_draft, &content).expect("autosave")
                })
            });
            drop(group);
            session.discard_call(draft.draft_id).expect("discard");
        }
        for (op, cases) in [("lookup", &short), ("history_10_calls", &long)] {
            let mut group = c.benchmark_group(group_name(op));
            group.sample_size(50);
            let mut next = cases.iter().cycle();
            group.bench_function("helpline", |b| {
                b.iter(|| {
                    session
                        .case_history(&next.next().expect("samples").0)
                        .expect("history")
                })
            });
            let mut next = cases.iter().cycle();
            group.bench_function("plain", |b| {
                b.iter(|| {
                    plain
                        .case_history(&next.next().expect("samples").1)
                        .expect("history")
                })
            });
        }
        {
            let mut group = slow(c, group_name("open_cases_with_follow_ups"));
            // What the cases list asks: open cases with a follow-up, most recent first, the
            // first MAX_LISTED_CASES of them and how many there are.
            let query = CaseQuery {
                open_only: true,
                due_by: Some(chrono::NaiveDate::MAX),
                min_step: 0,
                limit: MAX_LISTED_CASES,
                order: helpline_core::CaseOrder::LastCall,
            };
            group.bench_function("helpline", |b| {
                b.iter(|| session.cases(&query).expect("list").total)
            });
            group.bench_function("plain", |b| {
                b.iter(|| {
                    let mut listed: Vec<_> = plain
                        .list_cases()
                        .expect("list")
                        .into_iter()
                        .filter(|(_, s)| query.matches(s))
                        .collect();
                    let total = listed.len();
                    listed.truncate(query.limit);
                    total
                })
            });
        }
        // Statistics twice: counted from the cases (the kept counts dropped before each
        // run, as after a call in that month), and read back from the kept counts of a past
        // month, which is what a supervisor's export does from the second time on.
        let drop_kept = |file: std::path::PathBuf| {
            let conn = rusqlite::Connection::open(file).expect("the database file");
            move || {
                conn.execute("DELETE FROM month_counts", [])
                    .expect("dropping the kept counts");
            }
        };
        let mut drop_sealed = drop_kept(
            dataset
                .encrypted_dir()
                .join(helpline_core::store::DATABASE_FILE),
        );
        let mut drop_plain = drop_kept(
            dataset
                .plain_dir()
                .join(helpline_bench::plain::DATABASE_FILE),
        );
        for (op, wanted) in [
            ("statistics_one_month", vec![month]),
            ("statistics_twelve_months", year.clone()),
        ] {
            let mut group = slow(c, group_name(op));
            group.bench_function("helpline", |b| {
                b.iter_batched(
                    &mut drop_sealed,
                    |()| publish(session.month_counts(&wanted), &referrals, k, false),
                    criterion::BatchSize::PerIteration,
                )
            });
            group.bench_function("plain", |b| {
                b.iter_batched(
                    &mut drop_plain,
                    |()| publish(plain.month_counts(&wanted), &referrals, k, false),
                    criterion::BatchSize::PerIteration,
                )
            });
            drop(group);
            let mut group = c.benchmark_group(group_name(&format!("{op}_kept")));
            group.sample_size(30);
            group.bench_function("helpline", |b| {
                b.iter(|| publish(session.month_counts(&wanted), &referrals, k, false))
            });
            group.bench_function("plain", |b| {
                b.iter(|| publish(plain.month_counts(&wanted), &referrals, k, false))
            });
        }
        // A year with its total over the year (the annual report), every table of every month
        // and the year's column protected together.
        let mut group = slow(c, group_name("statistics_twelve_months_period_kept"));
        group.bench_function("helpline", |b| {
            b.iter(|| publish(session.month_counts(&year), &referrals, k, true))
        });
        group.bench_function("plain", |b| {
            b.iter(|| publish(plain.month_counts(&year), &referrals, k, true))
        });
        drop(group);
    }
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
