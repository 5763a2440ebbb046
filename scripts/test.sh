#!/usr/bin/env bash
# The README's test command runs this: every ava test under TZ=UTC, then the date-sensitive
# domain tests again under Asia/Taipei (a pharmacy's zone) to prove no answer depends on TZ.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/pcscd-up.sh ]; then
  # Device tests need a running pcscd with vpcd; the script is a no-op when it cannot start one.
  bash scripts/pcscd-up.sh || true
fi

TZ=UTC npx ava "$@"
if [ "$#" -eq 0 ]; then
  TZ=Asia/Taipei npx ava 'test/core/domain/**/*.test.ts'
fi
