#!/usr/bin/env bash
# npm test: system packages → typecheck → lint → unit/property/conformance tests → production
# build (with the size budget) → Playwright e2e against the built site. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
start=$(date +%s)
out=.cache/test; mkdir -p "$out"
stage() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

stage "system packages"; bash scripts/ensure-system-packages.sh
# One command per line: under set -e a failure inside an && list does not stop the script.
stage "typecheck"; npx tsc -p tsconfig.json --noEmit; npx tsc -p tsconfig.core.json --noEmit
stage "lint"; npx eslint . --max-warnings=0; npx prettier --check . --log-level warn
stage "unit, property and conformance tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
stage "production build"
node --import tsx scripts/build-pgdata.ts --if-missing
npx vite build --logLevel warn; node scripts/size-budget.mjs
stage "end-to-end tests (Playwright, Debian chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/e2e.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$out/vitest.json" "$out/e2e.json" "$(( $(date +%s) - start ))"
