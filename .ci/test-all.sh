#!/usr/bin/env bash
# Runs every test: installs and starts what the tests need (PostgreSQL on
# 127.0.0.1, Debian's Chromium for the browser tests), then the whole suite
# against SQLite and PostgreSQL. Needs root for apt-get when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
TEST_PG_URL=$(bash .ci/postgres.sh | tail -n 1)
export TEST_PG_URL
export SCREENSHOT_DIR=${SCREENSHOT_DIR:-$PWD/tests/artifacts/screenshots}
mkdir -p "$SCREENSHOT_DIR"
echo "screenshots: $SCREENSHOT_DIR"
pnpm typecheck
pnpm lint
pnpm exec vitest run
pnpm --silent test:mutation
bash ../shared/tools/check-example.sh
