#!/usr/bin/env bash
# Builds and runs the Berth desktop app, installing what is missing first:
# the Tauri build packages, the UI's npm packages, and — when no container
# engine answers — Debian's docker.io with dockerd started.
#
# Usage: scripts/run.sh
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$BERTH_ROOT"
# The same build directory as scripts/test.sh, outside the clone.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/target}

install_packages "${TAURI_BUILD_PACKAGES[@]}"
require_toolchains
install_ui_packages
# The app shows a banner when no engine answers, so this is a convenience,
# not a requirement: go on without one if it cannot be started.
(ensure_engine) || log "no container engine: Berth will say how to start one"
(cd ui && npm run build)
exec cargo run -p berth-desktop
