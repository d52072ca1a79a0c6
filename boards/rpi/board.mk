# Raspberry Pi, 32-bit Raspberry Pi OS (armhf Linux): the POSIX backend cross-built
# with Debian's arm-linux-gnueabihf toolchain. Debian's armhf baseline is ARMv7 +
# VFPv3-D16 + Thumb-2, so the binary runs on Pi 2, 3, 4, 5 and Zero 2 (not Pi 1/Zero).
# Linked dynamically against glibc (the same 2.36 as Raspberry Pi OS bookworm), so
# getaddrinfo's NSS works on the device. Tested here under qemu-arm user emulation.
CC := arm-linux-gnueabihf-gcc
PLATFORM := posix
SETUP_NEEDS := cross
DUK_CONFIG := boards/rpi/duk_config_board.h
# 64-bit file offsets and inode numbers (readdir64, stat64): a 64-bit file system (an
# SD card's ext4, or the host's under qemu-arm) gives a 32-bit readdir EOVERFLOW.
CFLAGS_BOARD := -pthread -mfloat-abi=hard -D_FILE_OFFSET_BITS=64
LDLIBS_BOARD := -lm -pthread
RUN_PREFIX := qemu-arm -L /usr/arm-linux-gnueabihf
TEST_SUITES := cli net-real tls
