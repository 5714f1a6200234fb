#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failing stage.
#   lint → typecheck → cycles → unit → build → integration → e2e
# Installs what is missing first (pnpm, dependencies, Chromium, PostgreSQL's binaries and
# redis-server for the storage and multi-process tests). The last line printed is always
# `N passed, N failed`, the sum over the vitest stages that ran; CI reads it.
# Exit status: 0 when every stage passed, the failing stage's status otherwise (124 on timeout).
#
# Environment:
#   TEST_BUDGET_SECONDS  wall-clock budget for all stages (default 1680 = 28 min)
#   TEST_STAGES          space-separated subset of stages to run, e.g. "unit integration"
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

results_dir=test/artifacts/results
budget=${TEST_BUDGET_SECONDS:-1680}
started=$SECONDS

heading() { printf '\n==> %s\n' "$*"; }

summary_line() {
  node scripts/vitest-summary.mjs "$results_dir"/*.json 2>/dev/null || echo "0 passed, 0 failed"
}

finish() {
  local status=$1
  heading "stages"
  if [ ${#timings[@]} -gt 0 ]; then printf '%s\n' "${timings[@]}"; fi
  if [ "$status" -ne 0 ]; then
    printf 'FAILED at stage: %s (exit %s)\n' "$failed_stage" "$status"
  fi
  summary_line
  exit "$status"
}

timings=()
failed_stage=
running=

on_signal() {
  trap - INT TERM
  if [ -n "$running" ]; then
    kill -TERM "$running" 2>/dev/null
    wait "$running" 2>/dev/null
  fi
  failed_stage="${current_stage:-setup} (interrupted)"
  finish 130
}
trap on_signal INT TERM
rm -rf "$results_dir"
mkdir -p "$results_dir"

heading "setup: install what is missing"
if ! bash scripts/bootstrap.sh || ! bash scripts/install-chromium.sh || ! bash scripts/install-postgres.sh ||
  ! bash scripts/install-redis.sh || ! bash scripts/install-nginx.sh; then
  failed_stage=setup
  finish 1
fi

# stage <name> <cap seconds> <command…>
stage() {
  local name=$1 cap=$2
  shift 2
  if [ -n "${TEST_STAGES:-}" ] && [[ " $TEST_STAGES " != *" $name "* ]]; then
    timings+=("$(printf '  %-12s skipped' "$name")")
    return 0
  fi
  local remaining=$((budget - (SECONDS - started)))
  [ "$remaining" -lt "$cap" ] && cap=$remaining
  if [ "$cap" -le 0 ]; then
    failed_stage="$name (no time left of the ${budget}s budget)"
    finish 124
  fi
  heading "$name: $* (limit ${cap}s)"
  current_stage=$name
  local t0=$SECONDS status=0
  # timeout runs the stage in its own process group (and kills all of it on expiry), so a
  # terminal's Ctrl-C would not reach it: run it in the background and forward signals.
  timeout --kill-after=15 "$cap" "$@" &
  running=$!
  wait "$running" || status=$?
  running=
  local took=$((SECONDS - t0))
  if [ "$status" -eq 0 ]; then
    timings+=("$(printf '  %-12s ok      %4ss' "$name" "$took")")
  else
    [ "$status" -eq 124 ] && echo "[test] $name timed out after ${cap}s"
    timings+=("$(printf '  %-12s FAILED  %4ss' "$name" "$took")")
    failed_stage=$name
    finish "$status"
  fi
}

# The vitest stages write a JSON report beside the console one, for the summary line. A project
# that finds no test files fails (vitest's default): a broken glob must not read as a pass.
vitest_args() {
  printf '%s\n' --reporter=default --reporter=json "--outputFile.json=$results_dir/$1.json"
}

stage lint 600 pnpm lint
stage typecheck 600 pnpm typecheck
stage cycles 300 pnpm cycles
stage unit 600 pnpm test:unit $(vitest_args unit)
stage build 600 bash scripts/build-if-changed.sh
stage integration 600 pnpm test:integration $(vitest_args integration)
# About 9 minutes on a quiet machine, 13 on a loaded one (networks' scenarios joined the suite):
# the cap leaves room for a noisy neighbour, far inside CI's 90 minutes.
stage e2e 1800 pnpm test:e2e $(vitest_args e2e)
finish 0
