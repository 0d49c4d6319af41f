#!/usr/bin/env bash
# Benchmarks terminals: 64 MiB of output through the core against `docker
# exec` on the same engine (time ratio), keystroke echo round trips (p50,
# p99), and the memory the flood costs. Starts the engine and builds the
# local test image when needed.
#
# Usage: scripts/bench-terminal.sh
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
run_engine_benchmark terminal
