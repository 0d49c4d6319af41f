# Shared set-up for scripts/run.sh and scripts/test.sh: installs what is
# missing (Debian/Ubuntu), starts a Docker engine when none answers, and
# installs the UI's npm packages. Every step is idempotent. Sourced, not run.

BERTH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

# Packages the Tauri app needs to build and run.
TAURI_BUILD_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev curl file)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

_apt_updated=
# Installs the Debian packages that are not installed yet.
install_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} = 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${missing[*]}"
  log "installing ${missing[*]}"
  if [ -z "$_apt_updated" ]; then as_root apt-get update -q; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# Checks the Rust and Node toolchains.
require_toolchains() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    install_packages nodejs npm
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js $major is too old for the UI build; install Node.js 20 or newer"
}

# Installs ui/node_modules with `npm ci` when package-lock.json changed.
install_ui_packages() {
  local stamp="$BERTH_ROOT/ui/node_modules/.berth-lock-sha"
  local want
  want=$(sha256sum "$BERTH_ROOT/ui/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing UI packages (npm ci)"
    (cd "$BERTH_ROOT/ui" && npm ci --no-audit --no-fund)
    echo "$want" > "$stamp"
  fi
}

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

# Makes sure a container engine answers: the one DOCKER_HOST names, the
# running Docker service, or a dockerd started here when no service manager
# runs one.
ensure_engine() {
  command -v docker >/dev/null || install_packages docker.io
  engine_answers && return 0
  [ -z "${DOCKER_HOST:-}" ] || die "no engine answers at DOCKER_HOST=$DOCKER_HOST"
  command -v dockerd >/dev/null || install_packages docker.io
  if [ -d /run/systemd/system ]; then
    log "starting the docker service"
    as_root systemctl start docker || true
  fi
  if ! engine_answers; then
    log "starting dockerd (log: /tmp/berth-dockerd.log)"
    as_root sh -c 'nohup dockerd > /tmp/berth-dockerd.log 2>&1 &'
  fi
  local i
  for i in $(seq 60); do
    engine_answers && return 0
    sleep 1
  done
  die "the Docker engine did not start; see /tmp/berth-dockerd.log"
}

TEST_IMAGE=berth-test/busybox:latest

# A tiny image made locally from busybox-static: no registry is needed.
build_test_image() {
  docker image inspect "$TEST_IMAGE" >/dev/null 2>&1 && return 0
  local root
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,etc,home/work,tmp}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
  printf 'root:x:0:\n' > "$root/etc/group"
  tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' - "$TEST_IMAGE" >/dev/null
  rm -rf "$root"
  log "built $TEST_IMAGE"
}

xvfb_pid=
stop_xvfb() { [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true; }

# Starts Xvfb on the first free display, exports DISPLAY, and stops it when
# the script exits.
start_xvfb() {
  trap stop_xvfb EXIT
  local display=99
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
  done
  Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp > /tmp/berth-xvfb.log 2>&1 &
  xvfb_pid=$!
  local i
  for i in $(seq 100); do
    [ -e "/tmp/.X11-unix/X$display" ] && break
    sleep 0.1
  done
  [ -e "/tmp/.X11-unix/X$display" ] || die "Xvfb did not start; see /tmp/berth-xvfb.log"
  export DISPLAY=":$display"
}

# Runs `cargo bench --bench NAME` of berth-core with the engine and the test
# image it needs.
run_engine_benchmark() {
  cd "$BERTH_ROOT"
  export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/target}
  ensure_engine
  build_test_image
  exec cargo bench -p berth-core --bench "$1"
}
