#!/usr/bin/env bash
# board_run.sh BOARD script.js [args...]: runs a script with the petrel built for BOARD,
# natively or under emulation, so every runner treats all boards alike.
# PETREL_WRAP (e.g. "valgrind -q") is put in front of native binaries.
set -u
board=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
bin="$top/build/$board/petrel"
case "$board" in
  linux|linux-asan|linux-poll|linux-lwip*) exec ${PETREL_WRAP:-} "$bin" "$@" ;;
  rpi) exec qemu-arm -L /usr/arm-linux-gnueabihf "$bin" "$@" ;;
  *) exec "$top/boards/$board/run_script.sh" "$@" ;;
esac
