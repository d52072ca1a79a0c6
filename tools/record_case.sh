#!/usr/bin/env bash
# record_case.sh tests/cases/NAME.js...: records Node's stdout and exit status for a case.
set -u
for f in "$@"; do
  (cd "$(dirname "$f")" && node "$(basename "$f")" > "$(basename "${f%.js}").expected")
  rc=$?
  if [ $rc -ne 0 ]; then echo $rc > "${f%.js}.exitcode"; else rm -f "${f%.js}.exitcode"; fi
  echo "recorded $f (exit $rc)"
done
