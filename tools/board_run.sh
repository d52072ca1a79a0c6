#!/usr/bin/env bash
# board_run.sh BOARD script.js [args...]: runs a script with the petrel built for BOARD,
# natively or under emulation, so every runner treats all boards alike. How the board
# runs comes from its board.mk (RUN_PREFIX, RUN_SCRIPT), through build/BOARD/board.env.
# PETREL_WRAP (e.g. "valgrind -q") is put in front of native binaries.
set -u
board=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
env="$top/build/$board/board.env"
[ -f "$env" ] || { echo "board_run.sh: $env is missing (make BOARD=$board)" >&2; exit 127; }
. "$env"
if [ -n "$RUN_SCRIPT" ]; then exec "$top/$RUN_SCRIPT" "$@"; fi
if [ -n "$RUN_PREFIX" ]; then exec $RUN_PREFIX "$top/build/$board/petrel" "$@"; fi
exec ${PETREL_WRAP:-} "$top/build/$board/petrel" "$@"
