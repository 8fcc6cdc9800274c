#!/usr/bin/env bash
# Builds the benchmark data (once per size and seed; about four minutes for the 1M-call
# store), runs every benchmark of BENCHMARKS.md on it, then measures the desktop app's release
# build, and prints the tables (also kept in target/bench-report.md). Run it on a quiet machine:
# the benchmarks time real work, and anything else running skews them.
#
# The several-desks benchmarks (issue 14) get a private PostgreSQL server (scripts/postgres.sh),
# started for them and stopped when they are done, or when the run ends whichever way.
#
#   HELPLINE_BENCH_SIZES  store sizes in calls (10000,100000,1000000); the several desks'
#                         per-call benchmarks run at the sizes up to 100000, a new desk's first
#                         sync at every size (at 1M it takes minutes: leave 1000000 out to skip it)
#   HELPLINE_BENCH_SEED   the generator's seed (2026)
#   HELPLINE_BENCH_DATA   where the datasets are kept (target/bench-data; about 6 GB for 1M)
#   BENCH_SKIP_STORE=1    leave the single store beside plain SQLite out
#   BENCH_SKIP_SYNC=1     leave the several desks out (and PostgreSQL)
#   BENCH_SKIP_DESKTOP=1  leave the desktop app out
source "$(dirname "$0")/setup.sh"
source "$(dirname "$0")/postgres.sh"

# What was started (the PostgreSQL server) is stopped at exit, on a failure or Ctrl-C too.
cleanups=()
cleanup() {
    local i
    for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need_debian_packages $BUILD_PACKAGES
[ "${BENCH_SKIP_SYNC:-}" = 1 ] || need_debian_packages postgresql-15 postgresql-client-15
need_toolchains
cd "$REPO"

say "benchmarks: building the data generator, the baselines and the benchmarks (release)"
cargo build --release --locked -p helpline-bench --bins --benches
say "benchmarks: the datasets (built once, then reused)"
target/release/bench-data
if [ "${BENCH_SKIP_STORE:-}" != 1 ]; then
    say "benchmarks: the store beside plain SQLite (criterion)"
    cargo bench --locked -p helpline-bench --bench store
fi
if [ "${BENCH_SKIP_SYNC:-}" != 1 ]; then
    cleanups+=(stop_test_postgres)
    start_test_postgres
    say "benchmarks: several desks beside plain PostgreSQL, per call (criterion)"
    cargo bench --locked -p helpline-bench --bench sync
    say "benchmarks: several desks: a new desk's first sync, and the server's bytes per call"
    target/release/bench-sync
    stop_test_postgres
fi
if [ "${BENCH_SKIP_DESKTOP:-}" != 1 ]; then
    say "benchmarks: the desktop app (release build)"
    "$REPO/scripts/bench-desktop.sh"
fi
say "benchmarks: the tables (target/bench-report.md)"
target/release/bench-report | tee target/bench-report.md
