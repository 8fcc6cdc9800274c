#!/usr/bin/env bash
# Benchmarks the desktop app (issue 6): builds the release app (the UI first: the release binary
# embeds ui/dist), starts Xvfb, D-Bus and tauri-driver as scripts/test.sh does, and runs
# tests/e2e/bench/desktop.mjs, which writes JSON to BENCH_DESKTOP_OUT [target/bench-desktop.json].
#
# BENCH_BIG_STORE is the data folder of a big store [target/bench-data/calls-1000000-seed-2026/encrypted];
# it is copied before use and never written. Without it (or while it is still being generated,
# i.e. no manifest.json next to it) the big-store measurement is skipped.
source "$(dirname "$0")/setup.sh"

need_debian_packages $BUILD_PACKAGES $TEST_PACKAGES
need_toolchains
need_tauri_driver
need_npm_packages "$REPO/ui"
need_npm_packages "$REPO/tests/e2e"

cd "$REPO"
say "building the UI, then the release app"
build_ui
cargo build --release --locked -p helpline-desktop

export BENCH_DESKTOP_OUT="$(realpath -m "${BENCH_DESKTOP_OUT:-$REPO/target/bench-desktop.json}")"
BENCH_BIG_STORE="$(realpath -m "${BENCH_BIG_STORE:-$REPO/target/bench-data/calls-1000000-seed-2026/encrypted}")"
if [ ! -d "$BENCH_BIG_STORE" ]; then
    say "no big store at $BENCH_BIG_STORE: skipping the big-store measurement (c)"
    BENCH_BIG_STORE=""
elif [ ! -f "$(dirname "$BENCH_BIG_STORE")/manifest.json" ]; then
    say "$BENCH_BIG_STORE has no manifest.json next to it (still being generated?): skipping the big-store measurement (c)"
    BENCH_BIG_STORE=""
fi
export BENCH_BIG_STORE

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HELPLINE_APP="$REPO/target/release/helpline-desktop" BENCH_BUILD=release
# Fresh places for the webview's own storage; a data folder is passed to every launch.
export HELPLINE_DATA_DIR="$scratch/data" XDG_DATA_HOME="$scratch/xdg-data" XDG_CONFIG_HOME="$scratch/xdg-config" XDG_CACHE_HOME="$scratch/xdg-cache"
export NO_AT_BRIDGE=1 TAURI_DRIVER_LOG="$scratch/tauri-driver.log"
# Ports of their own, so that a test run elsewhere on 4444/4445 does not collide.
export BENCH_DRIVER_PORT="${BENCH_DRIVER_PORT:-4454}" BENCH_NATIVE_PORT="${BENCH_NATIVE_PORT:-4455}"
say "benchmarking under Xvfb through tauri-driver"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bash -c '
    tauri-driver --port "$BENCH_DRIVER_PORT" --native-port "$BENCH_NATIVE_PORT" > "$TAURI_DRIVER_LOG" 2>&1 &
    driver=$!
    trap "kill $driver 2>/dev/null; wait $driver 2>/dev/null" EXIT
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$BENCH_DRIVER_PORT) 2>/dev/null && break; sleep 0.2; done
    cd tests/e2e && node bench/desktop.mjs
' || { echo "--- tauri-driver and app output:"; cat "$TAURI_DRIVER_LOG"; exit 1; }
say "wrote $BENCH_DESKTOP_OUT"
cat "$BENCH_DESKTOP_OUT"
