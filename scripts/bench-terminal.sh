#!/usr/bin/env bash
# Benchmarks terminals: 64 MiB of output through the core against `docker
# exec` on the same engine (time ratio), keystroke echo round trips (p50,
# p99), and the memory the flood costs. Starts the engine and builds the
# local test image when needed.
#
# Usage: scripts/bench-terminal.sh
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$BERTH_ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/target}
ensure_engine
build_test_image
exec cargo bench -p berth-core --bench terminal
