#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a short while. One line per target; exits non-zero
# if any target crashes (a panic), times out or runs out of memory. Installs nothing: `cargo fuzz`
# must be on PATH (see fuzz/README.md for the pinned version).
#
#   FUZZ_SECONDS    seconds per target (15)
#   FUZZ_TARGETS    which targets, space-separated (all)
#   FUZZ_SANITIZER  none (default: half the build time, twice the speed) or address
#   FUZZ_CORPUS_DIR keep what the fuzzer finds in $FUZZ_CORPUS_DIR/<target> (default: a
#                   temporary folder, removed at the end; fuzz/corpus/ is never written)
#
# A failing input is kept in fuzz/artifacts/<target>/, and the line says how to rerun it.
set -euo pipefail

cd "$(dirname "$0")"

# cargo-fuzz passes nightly-only flags (-Z sanitizer=…, -C passes=sancov-module, …); the stable
# toolchain accepts them with this.
export RUSTC_BOOTSTRAP=1

seconds="${FUZZ_SECONDS:-15}"
sanitizer="${FUZZ_SANITIZER:-none}"
read -r -a targets <<< "${FUZZ_TARGETS:-case_number recovery_code call_content store_file backup_file}"
# Release build with debug assertions and overflow checks (an overflow is a crash, as in a debug
# build). Each sanitizer has its own target folder, so switching does not rebuild the other.
build_flags=(--release --debug-assertions --sanitizer "$sanitizer" --target-dir "target/$sanitizer")

# Per target: libFuzzer options beyond the time limit. -timeout is per input, in seconds;
# -rss_limit_mb also caps any single allocation (-malloc_limit_mb defaults to it).
options() {
    case "$1" in
        case_number | recovery_code) echo "-max_len=1024 -timeout=5 -rss_limit_mb=512" ;;
        call_content) echo "-max_len=16384 -timeout=5 -rss_limit_mb=1024 -dict=dicts/call_content.dict" ;;
        # Seeds are SQLite files of up to 60 KiB; each input is written to a fresh folder, opened,
        # and unlocked when its key slot is cheap.
        store_file) echo "-max_len=65536 -timeout=20 -rss_limit_mb=1536" ;;
        # Seeds are backups of 15 KiB; each input is parsed, written to a fresh folder and
        # restored when the slot copy it opens is cheap.
        backup_file) echo "-max_len=65536 -timeout=20 -rss_limit_mb=1536 -dict=dicts/backup_file.dict" ;;
        *) echo "fuzz: no such target: $1" >&2; return 1 ;;
    esac
}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: cargo-fuzz is not installed; see fuzz/README.md" >&2
    exit 2
fi
for target in "${targets[@]}"; do options "$target" >/dev/null || exit 2; done

started=$(date +%s)
# Cargo.lock must be up to date, as with --locked in the main workspace.
if ! fetch_log=$(cargo fetch --locked 2>&1); then
    printf '%s\n' "$fetch_log" | tail -n 20 >&2
    echo "fuzz: fuzz/Cargo.lock is out of date; run (cd fuzz && cargo fetch) and commit it" >&2
    exit 1
fi
if ! build_log=$(cargo fuzz build "${build_flags[@]}" 2>&1); then
    printf '%s\n' "$build_log" | tail -n 40 >&2
    echo "fuzz: build FAILED" >&2
    exit 1
fi
echo "fuzz: built the targets (sanitizer: $sanitizer) in $(($(date +%s) - started)) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus_root="${FUZZ_CORPUS_DIR:-$work/corpus}"

failed=0
for target in "${targets[@]}"; do
    log="$work/$target.log"
    mkdir -p "$corpus_root/$target" "artifacts/$target"
    # shellcheck disable=SC2046 # options() prints a list of words
    if cargo fuzz run "${build_flags[@]}" "$target" "$corpus_root/$target" "corpus/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 $(options "$target") >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
        rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
        echo "fuzz: $target ok: ${runs:-?} inputs in ${seconds} s, coverage ${cov:-?}, peak ${rss:-?} MB"
    else
        failed=1
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        kind=$(grep -o -m1 -E 'panicked at [^ ]*|ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|ERROR: LeakSanitizer' "$log" || true)
        echo "fuzz: $target FAILED (${kind:-see below}), input ${artifact:-not saved}; rerun: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run ${build_flags[*]} $target ${artifact:-<input>})"
        cp "$log" "artifacts/$target/last-failure.log"
        { grep -m1 -A4 -E 'panicked at|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)' "$log" || tail -n 20 "$log"; } |
            sed "s/^/  $target| /" >&2
        echo "  $target| (whole output: fuzz/artifacts/$target/last-failure.log)" >&2
    fi
done

echo "fuzz: done in $(($(date +%s) - started)) s"
exit "$failed"
