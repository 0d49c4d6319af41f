#!/usr/bin/env bash
# Runs every test of Berth, installing and starting what the tests need:
# Debian packages, tauri-driver, a Docker engine, the local test image, Xvfb,
# a D-Bus session bus and the UI's npm packages. Stops at the first failure.
#
# Usage: scripts/test.sh
set -euo pipefail
source "$(dirname "$0")/lib/setup.sh"
cd "$BERTH_ROOT"

# Reuse one target directory outside the clone, so a fresh clone does not
# rebuild every dependency.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/target}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

timings=()
stage() {
  local name=$1 start=$SECONDS
  shift
  log "$name"
  "$@"
  timings+=("$(printf '%5ds  %s' $((SECONDS - start)) "$name")")
}

install_all() {
  install_packages "${TAURI_BUILD_PACKAGES[@]}" webkit2gtk-driver xvfb dbus docker.io busybox-static \
    python3-dbus python3-gi xclip
  require_toolchains
  if ! tauri-driver --help >/dev/null 2>&1; then
    log "installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked
  fi
  install_ui_packages
}

engine_and_image() {
  ensure_engine
  build_test_image
}

build_ui() { (cd ui && npm run build); }
rust_format() { cargo fmt --all --check; }
rust_lint() { cargo clippy --workspace --all-targets --locked -- -D warnings; }
rust_tests() { cargo test --workspace --exclude berth-e2e --locked; }
ui_checks() {
  (cd ui && npm run typecheck && npm run lint && npm test)
}

end_to_end() {
  cargo build -p berth-desktop --locked
  export BERTH_APP_BIN="$CARGO_TARGET_DIR/debug/berth-desktop"
  start_xvfb
  rm -rf target/e2e-screenshots
  # A private session bus, as a desktop session has.
  dbus-run-session -- cargo test -p berth-e2e --locked -- --test-threads=1
  log "screenshots: $BERTH_ROOT/target/e2e-screenshots"
}

stage "install" install_all
stage "engine and test image" engine_and_image
stage "UI build" build_ui
stage "cargo fmt" rust_format
stage "cargo clippy" rust_lint
stage "cargo test" rust_tests
stage "UI typecheck, lint, tests" ui_checks
stage "end to end" end_to_end

log "all stages passed"
printf '%s\n' "${timings[@]}" >&2
