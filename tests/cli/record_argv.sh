#!/usr/bin/env bash
# record_argv.sh: re-records argv.cases with node. Each line is the arguments, split by
# "|", a tab, then what `node ARGS` printed (stdout, then " rc=N"), run in a directory
# holding argv.js and a file named "a" (tests/cli/run.sh runs petrel the same way).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$here/argv.js" "$tmp/argv.js"; printf 'console.log("ran file a")\n' > "$tmp/a"
out=$(mktemp)
while IFS=$'\t' read -r args _; do
  IFS='|' read -ra A <<< "$args"
  got=$(cd "$tmp" && node "${A[@]}" </dev/null 2>/dev/null; echo " rc=$?")
  printf '%s\t%s\n' "$args" "$(echo $got)" >> "$out"
done < "$here/argv.cases"
mv "$out" "$here/argv.cases"
