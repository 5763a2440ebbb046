#!/usr/bin/env bash
# The README's test command runs this: every ava test under TZ=UTC, then the date-sensitive
# domain tests again under Asia/Taipei (a pharmacy's zone) to prove no answer depends on TZ.
# The files that talk to the real pcscd (ava.config.mjs `pcscdTests`) are left out of the
# concurrent run and run here one at a time after it: there is one pcscd, and one of them
# restarts it. It ends with one plain line, "N passed, N failed, N skipped", summed over all runs.
#
#   bash scripts/test.sh                      everything
#   bash scripts/test.sh FILE… [--flag=value]  those files (pcscd ones still alone, after the rest)
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -f scripts/pcscd-up.sh ]; then
  # Device tests need a running pcscd with vpcd; the script says so when it cannot start one.
  bash scripts/pcscd-up.sh || true
fi

mapfile -t pcscd_tests < <(node --input-type=module -e "const { pcscdTests } = await import('./ava.config.mjs'); console.log(pcscdTests.join('\n'))")

is_pcscd_test() {
  local file=${1#./} known
  for known in "${pcscd_tests[@]}"; do [ "$file" = "$known" ] && return 0; done
  return 1
}

# Flags go to every ava run (give their values as --flag=value); files go to the run they belong to.
flags=() concurrent=() alone=()
for arg in "$@"; do
  if [[ "$arg" == -* ]]; then flags+=("$arg")
  elif is_pcscd_test "$arg"; then alone+=("$arg")
  else concurrent+=("$arg")
  fi
done
full=0
if [ "${#concurrent[@]}" -eq 0 ] && [ "${#alone[@]}" -eq 0 ]; then
  full=1
  alone=("${pcscd_tests[@]}")
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
if [ "$full" -eq 1 ] || [ "${#concurrent[@]}" -gt 0 ]; then
  TZ=UTC npx ava ${flags[@]+"${flags[@]}"} ${concurrent[@]+"${concurrent[@]}"} 2>&1 | tee -a "$log" || status=1
fi
for file in ${alone[@]+"${alone[@]}"}; do
  echo "== $file alone (it talks to the real pcscd)"
  TZ=UTC npx ava ${flags[@]+"${flags[@]}"} "$file" 2>&1 | tee -a "$log" || status=1
done
if [ "$full" -eq 1 ]; then
  echo '== domain tests again under TZ=Asia/Taipei'
  TZ=Asia/Taipei npx ava ${flags[@]+"${flags[@]}"} 'test/core/domain/**/*.test.ts' 2>&1 | tee -a "$log" || status=1
fi

# ava lists every test in a non-interactive run: ✔ passed, ✘ failed, "- [skip]" skipped.
passed=$(grep -cE '^\s*✔' "$log" || true)
failed=$(grep -cE '^\s*✘' "$log" || true)
skipped=$(grep -cE '^\s*- \[skip\]' "$log" || true)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
