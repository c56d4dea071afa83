#!/usr/bin/env bash
# The one command that takes a fresh clone to a full test run: install, then every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
rm -f test-results/vitest-*.json
npm test
node_modules/.bin/node scripts/test-summary.mjs
