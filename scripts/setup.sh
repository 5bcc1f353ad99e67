#!/usr/bin/env bash
# Installs headroom-mitm (into .venv) and the pinned agents (OpenCode, Claude Code, Codex, Gemini CLI:
# into .tools, for the end-to-end tests and the demo), no sudo.
# With --demo, then runs `headroom-mitm demo`: a scripted OpenCode session against the built-in stub.
set -euo pipefail
cd "$(dirname "$0")/.."
OPENCODE_VERSION=1.18.33
# The other agents the e2e tests drive (versions pinned: prompts, tools and wire details change).
AGENT_PACKAGES=("@anthropic-ai/claude-code@2.1.332" "@openai/codex@0.171.0" "@google/gemini-cli@0.61.0")

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
# OpenCode's grep tool runs ripgrep and would download it from GitHub; a wheel ships the binary.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --only-binary=:all: "ripgrep==14.1.0"

if [ ! -x .tools/node_modules/opencode-linux-x64/bin/opencode ] \
   || ! grep -q "\"version\": \"$OPENCODE_VERSION\"" .tools/node_modules/opencode-linux-x64/package.json; then
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "opencode-linux-x64@$OPENCODE_VERSION"
fi
missing=()
for spec in "${AGENT_PACKAGES[@]}"; do
  name="${spec%@*}" version="${spec##*@}"
  grep -qs "\"version\": \"$version\"" ".tools/node_modules/$name/package.json" || missing+=("$spec")
done
if [ ${#missing[@]} -gt 0 ]; then
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "opencode-linux-x64@$OPENCODE_VERSION" "${missing[@]}"
fi
mkdir -p .tools/bin
ln -sf ../node_modules/opencode-linux-x64/bin/opencode .tools/bin/opencode
for agent in claude codex gemini; do ln -sf ../node_modules/.bin/$agent .tools/bin/$agent; done
ln -sf ../../.venv/bin/rg .tools/bin/rg
# The Redis store's tests run against a real redis-server: Debian's package, where we may install it.
# Optional for a user: without it only those tests are skipped (they fail under CI=true).
if ! command -v redis-server >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; } \
    >/dev/null 2>&1 || echo "note: could not install redis-server (only needed by the Redis store tests)" >&2
fi

echo "installed: $(.venv/bin/headroom-mitm --version), opencode $(.tools/bin/opencode --version)," \
     "claude $(.tools/bin/claude --version | cut -d' ' -f1), $(.tools/bin/codex --version), gemini $(.tools/bin/gemini --version)"
echo "use it:    export PATH=\"$PWD/.venv/bin:$PWD/.tools/bin:\$PATH\"; headroom-mitm opencode"

if [ "${1:-}" = "--demo" ]; then
  PATH="$PWD/.tools/bin:$PATH" exec .venv/bin/headroom-mitm demo
fi
