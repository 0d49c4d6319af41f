#!/usr/bin/env bash
# Benchmarks the terminal window of the real app: about 10 MiB of output
# rendered to the end (time ratio against `docker exec` of the same command
# into /dev/null), and how fast the window answers WebDriver while the flood
# renders, against while it is idle. Builds the app, starts the engine, the
# local test image, Xvfb and a session bus as the test command does.
#
# Usage: scripts/bench-terminal-app.sh
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$BERTH_ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/target}
ensure_engine
build_test_image
(cd ui && npm run build)
cargo build -p berth-desktop --locked
export BERTH_APP_BIN="$CARGO_TARGET_DIR/debug/berth-desktop"
start_xvfb
dbus-run-session -- cargo bench -p berth-e2e --bench terminal_app --locked
