#!/usr/bin/env bash
# Builds and opens the Helpline desktop app. The data folder is $HELPLINE_DATA_DIR, else
# ~/.local/share/helpline.
source "$(dirname "$0")/setup.sh"

need_debian_packages $BUILD_PACKAGES fonts-noto-core fonts-dejavu-core
need_toolchains
need_npm_packages "$REPO/ui"

[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || die "no display to open a window on: run this in a desktop session (or under xvfb-run)"
cd "$REPO"
build_ui
cargo build --locked -p helpline-desktop
exec "$REPO/target/debug/helpline-desktop"
