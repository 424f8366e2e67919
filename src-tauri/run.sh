#!/usr/bin/env bash
# Builds and starts the Cuadra desktop app on this machine (Debian 12 with Rust and Node 20+).
#
#   bash src-tauri/run.sh          release build with the UI embedded, then run it
#   bash src-tauri/run.sh --dev    `tauri dev`: the Vite dev server with hot reload, debug build
#
# The workspace is $CUADRA_DB if set, else ~/.local/share/co.cuadra.app/cuadra.db.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash tests/setup.sh --app-only

if [[ "${1:-}" == "--dev" ]]; then
  shift
  # The Tauri CLI finds tauri.conf.json from the current directory: run it from the root.
  exec ui/node_modules/.bin/tauri dev "$@"
fi

npm --prefix ui run build
# Without tauri/custom-protocol the binary would load the dev server instead of ui/dist.
exec cargo run -p cuadra --release --features tauri/custom-protocol -- "$@"
