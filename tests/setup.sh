#!/usr/bin/env bash
# Installs what building, running and testing Cuadra needs on a fresh Debian 12 machine that
# already has Rust (cargo) and Node 20+ (npm). Idempotent, and quick when all is in place.
#
#   bash tests/setup.sh              everything: the app's build deps and the test tools
#   bash tests/setup.sh --app-only   only what building and running the app needs
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

app_only=false
if [[ "${1:-}" == "--app-only" ]]; then app_only=true; fi

say() { printf 'setup: %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------
# WebKitGTK 4.1 + OpenSSL headers to build the app; Xvfb, xauth and WebKitWebDriver to drive it
# in tests; Chromium for headless screenshots of the plain web UI; procps for kill(1); python3 for
# the tamper script of `tests/tamper`.
packages=(libwebkit2gtk-4.1-dev pkg-config build-essential libssl-dev procps python3)
if ! $app_only; then
  # fonts-wqy-microhei: a CJK font, so the Chinese UI renders in the headless test windows.
  packages+=(xvfb xauth webkit2gtk-driver chromium fonts-wqy-microhei)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt run to finish instead of failing on its lock.
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages already installed"
fi

# --- Toolchains that must already be there -------------------------------------------------
command -v cargo >/dev/null || { echo "setup: cargo not found: install Rust (rustup) first" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: npm not found: install Node.js 20 or newer first" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "setup: Node.js $(node --version) is too old: Vite 7 needs Node 20.19 or newer" >&2
  exit 1
fi

# --- The web UI's packages -------------------------------------------------------------------
# `npm ci` wipes node_modules every time; skip it while the lockfile is the one installed.
stamp=ui/node_modules/.cuadra-installed-lock.json
if [[ -f $stamp ]] && cmp -s ui/package-lock.json "$stamp"; then
  say "ui/node_modules matches ui/package-lock.json"
else
  say "npm ci --prefix ui"
  npm ci --prefix ui --no-audit --no-fund
  cp ui/package-lock.json "$stamp"
fi

# --- Cargo-installed test tools --------------------------------------------------------------
if ! $app_only; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  if ! command -v tauri-driver >/dev/null; then
    say "cargo install tauri-driver"
    cargo install tauri-driver --locked --version '^2'
  fi
  if ! cargo nextest --version >/dev/null 2>&1; then
    say "cargo install cargo-nextest"
    cargo install cargo-nextest --locked
  fi
  say "tauri-driver and cargo-nextest present"
fi
