#!/usr/bin/env bash
# run_script.sh script.js [args...]: runs one JS file on the mps2-an385 firmware under
# QEMU and exits with its status (tools/board_run.sh calls this). The work is done by
# run_script.py: boot, wait for the REPL, upload through its raw mode, run, relay.
exec python3 "$(dirname "$0")/run_script.py" "$@"
