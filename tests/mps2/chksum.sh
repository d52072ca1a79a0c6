#!/bin/sh
# The board's checksum (boards/mps2-an385/chksum.c) against a reference
# (tests/mps2/test_chksum.c): built for the host (its portable C) and for Thumb-2,
# run under qemu-arm (the LDM/ADCS loops the Cortex-M3 firmware runs; the cross
# compiler and qemu-user come with `make setup` for the Arm boards).
set -e
cd "$(dirname "$0")/../.."
out=build/test-chksum
mkdir -p "$out"
gcc -std=gnu11 -O2 -Wall -Wextra -fsanitize=address,undefined -o "$out/host" tests/mps2/test_chksum.c boards/mps2-an385/chksum.c
arm-linux-gnueabihf-gcc -std=gnu11 -Os -Wall -Wextra -mthumb -march=armv7-a -mfpu=vfpv3-d16 -static \
  -o "$out/thumb2" tests/mps2/test_chksum.c boards/mps2-an385/chksum.c
pass=0
fail=0
for t in host thumb2; do
  if [ $t = thumb2 ]; then r=$(qemu-arm "$out/$t") && ok=1 || ok=0; else r=$("$out/$t") && ok=1 || ok=0; fi
  echo "$r" | sed "s/^/[$t] /"
  if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok   [chksum] $t"; else fail=$((fail + 1)); echo "FAIL [chksum] $t"; fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
