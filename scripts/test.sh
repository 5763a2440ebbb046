#!/usr/bin/env bash
# The README's test command runs this: every ava test under TZ=UTC, then the date-sensitive
# domain tests again under Asia/Taipei (a pharmacy's zone) to prove no answer depends on TZ.
# It ends with one plain line, "N passed, N failed, N skipped", summed over both runs.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -f scripts/pcscd-up.sh ]; then
  # Device tests need a running pcscd with vpcd; the script says so when it cannot start one.
  bash scripts/pcscd-up.sh || true
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
TZ=UTC npx ava "$@" 2>&1 | tee -a "$log" || status=1
if [ "$#" -eq 0 ]; then
  echo '== domain tests again under TZ=Asia/Taipei'
  TZ=Asia/Taipei npx ava 'test/core/domain/**/*.test.ts' 2>&1 | tee -a "$log" || status=1
fi

# ava lists every test in a non-interactive run: ✔ passed, ✘ failed, "- [skip]" skipped.
passed=$(grep -cE '^\s*✔' "$log" || true)
failed=$(grep -cE '^\s*✘' "$log" || true)
skipped=$(grep -cE '^\s*- \[skip\]' "$log" || true)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
