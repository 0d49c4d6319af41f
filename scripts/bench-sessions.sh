#!/usr/bin/env bash
# Benchmarks launching and terminating a session (5 folders and 2 automount
# folders) against `docker run -d` and `docker rm -f` on the same engine, in
# one run, and prints the ratios. Starts the engine and builds the local
# test image when needed.
#
# Usage: scripts/bench-sessions.sh
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
run_engine_benchmark sessions
