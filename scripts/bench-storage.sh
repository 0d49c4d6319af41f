#!/usr/bin/env bash
# Benchmarks folder transfers and listings against cp and ls on the same
# disk, in one run, and prints the ratios and the peak memory of an upload.
# Needs about 4 GiB free under $BERTH_BENCH_DIR (default: the temporary
# directory), which should be on the disk that holds storage folders.
#
# Usage: scripts/bench-storage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/target}
exec cargo bench -p berth-core --bench storage
