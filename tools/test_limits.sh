# Sourced by the test runners: a board's memory limits (boards/BOARD/test-limits.txt,
# format in that file). Needs $top and $board.
limits="$top/boards/$board/test-limits.txt"; limits_rel="boards/$board/test-limits.txt"
limit_line() { # NAME: the file's line for NAME (its first field), or nothing
  [ -f "$limits" ] && grep -E "^$1[[:space:]]*\|" "$limits" | head -1
}
memory_limit() { # LINE RC FILE...: did the run end as the "memory" LINE says (exit 1 and
  # one of its texts, separated by ", ", in the output), not by a fault or a time limit?
  local line=$1 rc=$2; shift 2
  [ "$(echo "$line" | cut -d'|' -f2 | tr -d ' ')" = memory ] && [ "$rc" = 1 ] || return 1
  local what w IFS=','
  what=$(echo "$line" | cut -d'|' -f3 | sed 's/^ *//; s/ *$//')
  for w in $what; do w=${w# }; grep -qaF -- "$w" "$@" && return 0; done
  return 1
}
limit_why() { echo "$1" | cut -d'|' -f4- | sed 's/^ *//'; } # LINE: its reason
