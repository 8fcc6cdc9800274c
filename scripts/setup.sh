# Sourced by scripts/test.sh and scripts/run-app.sh: installs what this repo needs on Debian 12
# and does nothing (quickly) when it is all there. Needs root or sudo for Debian packages.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TAURI_DRIVER_VERSION="2.1.0"
CARGO_FUZZ_VERSION="0.13.2"

# To build the Tauri 2 app (WebKitGTK 4.1), to drive it headless, and fonts for Arabic and Latin.
BUILD_PACKAGES="build-essential pkg-config file libwebkit2gtk-4.1-dev libsoup-3.0-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev"
# PostgreSQL 15 (Debian 12's): the tests start a private server of it (scripts/postgres.sh) and
# use its psql and pg_dump.
TEST_PACKAGES="webkit2gtk-driver xvfb xauth xclip dbus-x11 dbus-daemon dbus-bin sqlite3 fonts-noto-core fonts-dejavu-core python3-openpyxl python3-scipy postgresql-15 postgresql-client-15"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root (or sudo) to run: $*"
    fi
}

need_debian_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    for pkg in "${missing[@]}"; do
        case "$pkg" in postgresql|postgresql-[0-9]*) no_main_postgres_cluster; break ;; esac
    done
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Debian's PostgreSQL server package creates and starts a system-wide "main" cluster on port
# 5432 when it is installed. The tests start their own, private one: before the package comes,
# tell postgresql-common not to make one. createcluster.conf (which the package manages, with
# ucf) reads createcluster.d/, so a file of ours there says it without editing theirs; only a
# createcluster.conf that no longer reads that folder gets the line itself.
main_postgres_cluster_off() {
    [ -f /etc/postgresql-common/createcluster.conf ] && [ "$(pg_conftool /etc/postgresql-common/createcluster.conf show -bs create_main_cluster 2>/dev/null || true)" = off ]
}
no_main_postgres_cluster() {
    local conf=/etc/postgresql-common/createcluster.conf
    local ours=/etc/postgresql-common/createcluster.d/helpline-no-main-cluster.conf
    local setting="# scripts/setup.sh: no system-wide cluster; the tests start a private one
create_main_cluster = false"
    main_postgres_cluster_off && return 0
    say "PostgreSQL: no system-wide main cluster when the server is installed ($ours)"
    as_root mkdir -p "${ours%/*}"
    printf '%s\n' "$setting" | as_root tee "$ours" >/dev/null
    if [ -f "$conf" ] && ! main_postgres_cluster_off; then
        printf '\n%s\n' "$setting" | as_root tee -a "$conf" >/dev/null
    fi
}

need_toolchains() {
    command -v cargo >/dev/null || die "no Rust toolchain: install rustup and a stable toolchain (https://rustup.rs), then try again"
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        need_debian_packages nodejs npm
    fi
    local major
    major="$(node -p 'process.versions.node.split(".")[0]')"
    [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed for the UI build (found $(node --version))"
}

need_tauri_driver() {
    export PATH="$HOME/.cargo/bin:$PATH"
    # tauri-driver has no --version: ask cargo which version it installed. (Read whole first:
    # grep -q stopping early would break cargo's pipe, and pipefail would call that a miss.)
    local installed
    installed="$(cargo install --list 2>/dev/null || true)"
    if command -v tauri-driver >/dev/null && grep -q "^tauri-driver v${TAURI_DRIVER_VERSION}:" <<< "$installed"; then
        return 0
    fi
    say "installing tauri-driver $TAURI_DRIVER_VERSION (about two minutes)"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
}

need_cargo_fuzz() {
    export PATH="$HOME/.cargo/bin:$PATH"
    if cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then return 0; fi
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about a minute)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet
}

# npm ci only when package-lock.json changed since the last install.
need_npm_packages() {
    local dir="$1"
    if [ -f "$dir/node_modules/.package-lock.json" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
        return 0
    fi
    say "installing npm packages in ${dir#$REPO/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}

build_ui() {
    (cd "$REPO/ui" && npm run --silent build)
}
