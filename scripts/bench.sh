#!/usr/bin/env bash
# Builds the benchmark data (once per size and seed; about four minutes for the 1M-call
# store), runs every benchmark of BENCHMARKS.md on it, then measures the desktop app's release
# build, and prints the table (also kept in target/bench-report.md). Run it on a quiet machine:
# the benchmarks time real work, and anything else running skews them.
#
#   HELPLINE_BENCH_SIZES  store sizes in calls (10000,100000,1000000)
#   HELPLINE_BENCH_SEED   the generator's seed (2026)
#   HELPLINE_BENCH_DATA   where the datasets are kept (target/bench-data; about 6 GB for 1M)
#   BENCH_SKIP_DESKTOP=1  leave the desktop app out
source "$(dirname "$0")/setup.sh"

need_debian_packages $BUILD_PACKAGES
need_toolchains
cd "$REPO"

say "benchmarks: building the data generator, the baseline and the benchmarks (release)"
cargo build --release --locked -p helpline-bench --bins --benches
say "benchmarks: the datasets (built once, then reused)"
target/release/bench-data
say "benchmarks: the store beside plain SQLite (criterion)"
cargo bench --locked -p helpline-bench --bench store
if [ "${BENCH_SKIP_DESKTOP:-}" != 1 ]; then
    say "benchmarks: the desktop app (release build)"
    "$REPO/scripts/bench-desktop.sh"
fi
say "benchmarks: the table (target/bench-report.md)"
target/release/bench-report | tee target/bench-report.md
