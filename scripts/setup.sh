# Sourced by scripts/test.sh and scripts/run-app.sh: installs what this repo needs on Debian 12
# and does nothing (quickly) when it is all there. Needs root or sudo for Debian packages.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TAURI_DRIVER_VERSION="2.1.0"
CARGO_FUZZ_VERSION="0.13.2"

# To build the Tauri 2 app (WebKitGTK 4.1), to drive it headless, and fonts for Arabic and Latin.
BUILD_PACKAGES="build-essential pkg-config file libwebkit2gtk-4.1-dev libsoup-3.0-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev"
TEST_PACKAGES="webkit2gtk-driver xvfb xauth xclip dbus-x11 dbus-daemon dbus-bin sqlite3 fonts-noto-core fonts-dejavu-core python3-openpyxl python3-scipy"

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
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
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
