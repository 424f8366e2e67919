#!/usr/bin/env bash
# Every check Cuadra has, in the order CI runs them: format, lints, the UI's checks and tests,
# all Rust tests, then the end-to-end tests of the real desktop app under Xvfb.
# A failing check does not hide the others: each runs, and the summary names every failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

started=$SECONDS
failed=()
step() {
  local title=$1
  shift
  printf '\n==== %s ====\n$ %s\n' "$title" "$*"
  local t0=$SECONDS
  if "$@"; then
    printf -- '---- %s: ok (%ds)\n' "$title" $((SECONDS - t0))
  else
    printf -- '---- %s: FAILED (%ds)\n' "$title" $((SECONDS - t0))
    failed+=("$title")
  fi
}

printf '\n==== setup ====\n'
bash tests/setup.sh # nothing below means anything without it: stop here if it fails

step "rustfmt" cargo fmt --all --check
step "clippy" cargo clippy --workspace --all-targets -- -D warnings
# The crash points (cuadra-core's `test-hooks` feature) are for the CLI's tests only: no normal
# dependency of the app or the CLI may switch them on.
no_test_hooks() { ! cargo tree -p cuadra -p cuadra-cli -e normal,build -f '{p} [{f}]' | grep test-hooks; }
step "no crash points in the app and CLI builds" no_test_hooks
step "ui lint" npm --prefix ui run lint
step "ui typecheck" npm --prefix ui run typecheck
step "ui unit tests" npm --prefix ui test
step "ui build" npm --prefix ui run build
step "ui browser tests (Chromium, fake backend)" npm --prefix ui run test:browser
step "rust tests" cargo nextest run --workspace --no-fail-fast
# The e2e tests drive the binary cargo builds for them, so it must embed ui/dist (built above)
# instead of loading the Vite dev server: that is what tauri/custom-protocol switches on.
e2e=(cargo nextest run -p cuadra --features tauri/custom-protocol --test e2e --run-ignored only)
step "app build (embedded UI)" "${e2e[@]}" --no-run
step "e2e (Xvfb + tauri-driver)" xvfb-run -a -s "-screen 0 1280x900x24" "${e2e[@]}" --no-fail-fast

elapsed=$((SECONDS - started))
if ((${#failed[@]})); then
  printf '\n==== FAILED after %ds: %s ====\n' "$elapsed" "$(IFS=,; echo "${failed[*]}" | sed 's/,/, /g')"
  exit 1
fi
printf '\n==== all checks passed in %ds ====\n' "$elapsed"
