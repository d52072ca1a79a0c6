# linux-lwip-tiny: linux-lwip with lwIP's pools and heap shrunk until a test runs
# them dry (the PETREL_LWIP_TINY section of boards/linux-lwip/lwipopts.h: 7 TCP
# pcbs, 48 KiB of heap, a 4-segment window). Only for tests/lwip (exhaustion).
include boards/linux-lwip/board.mk
CFLAGS_BOARD += -DPETREL_LWIP_TINY=1
# Built and tested with linux-lwip (its TEST_ALSO): only tests/lwip.
TEST_SUITES := lwip-dry
TEST_COMMON :=
TEST_ALSO :=
