#!/usr/bin/env bash
# The whole test suite: each stage's tests (tests/<stage>/), hostile input, and end-to-end (the real, pinned OpenCode). Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENCODE_BIN="${OPENCODE_BIN:-$PWD/.tools/bin/opencode}"
exec .venv/bin/python -m pytest -q "$@"
