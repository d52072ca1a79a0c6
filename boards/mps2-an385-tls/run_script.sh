#!/usr/bin/env bash
# run_script.sh script.js [args...]: runs one JS file on the mps2-an385-tls firmware
# under QEMU (tools/board_run.sh calls this): mps2-an385's runner with this image.
top=$(cd "$(dirname "$0")/../.." && pwd)
export PETREL_MPS2_IMAGE=${PETREL_MPS2_IMAGE:-$top/build/mps2-an385-tls/petrel}
exec python3 "$top/boards/mps2-an385/run_script.py" "$@"
