# mps2-an385: Arm's MPS2 FPGA board with the AN385 Cortex-M3 image, as emulated by
# `qemu-system-arm -M mps2-an385` (CMSDK UART0 console, LAN9118 ethernet, 25 MHz).
# Firmware: newlib-nano, lwIP (NO_SYS) through platform/lwip, Duktape low-memory config.
# The linker script budgets 1 MiB of flash and 1 MiB of RAM although QEMU gives 4 MiB
# of each (why not 256 KiB of RAM: boards/mps2-an385/README.md, "Memory budget").
#
#   make BOARD=mps2-an385                      firmware: build/mps2-an385/petrel (ELF) + petrel.bin
#   make BOARD=mps2-an385 APP=app.js           ... that runs app.js (stored as /app.js) at boot
#   make BOARD=mps2-an385 run [PORT=8080]      boot it in QEMU, UART on this terminal, host port
#                                              PORT forwarded to the board (PORT= for none)
# Network (build time): NET_IP, NET_MASK, NET_GW, NET_DNS (QEMU user networking defaults),
# NET_DHCP=1 to ask for an address with DHCP instead.
MPS2 := boards/mps2-an385
comma := ,
CROSS := arm-none-eabi-
CC := $(CROSS)gcc
PLATFORM := lwip
SETUP_NEEDS := cross
DUK_CONFIG := $(MPS2)/duk_config_board.h

# lwIP from the Debian source package that `make setup` (tools/setup.sh sources) unpacks.
include platform/lwip/lwip.mk
EXTRA_OBJS := $(LWIP_BOARD_OBJS)

NET_IP ?= 10.0.2.15
NET_MASK ?= 255.255.255.0
NET_GW ?= 10.0.2.2
NET_DNS ?= 10.0.2.3
NET_DHCP ?= 0
NET_PCBS ?= 16
# RAM the linker script budgets (default 1M, see mps2-an385.ld); QEMU has 4M.
RAM_SIZE ?=

MPS2_CPU := -mcpu=cortex-m3 -mthumb -flto
CFLAGS_BOARD := $(MPS2_CPU) -Os -ffunction-sections -fdata-sections --specs=nano.specs \
  -I$(MPS2) -Iplatform/lwip -I$(LWIP_DIR)/include \
  -DPETREL_NET_IP='"$(NET_IP)"' -DPETREL_NET_MASK='"$(NET_MASK)"' -DPETREL_NET_GW='"$(NET_GW)"' \
  -DPETREL_NET_DNS='"$(NET_DNS)"' -DPETREL_NET_DHCP=$(NET_DHCP) -DPETREL_TCP_PCBS=$(NET_PCBS) \
  -DPETREL_NO_CLI
# plat_random() from random_test_only.c: QEMU's AN385 has no TRNG; NOT SECURE (a real
# board implements plat_random() with its TRNG and drops this flag and that file).
CFLAGS_BOARD += -DPETREL_TEST_ENTROPY
LDFLAGS_BOARD := -T $(MPS2)/mps2-an385.ld -nostartfiles -Wl,--gc-sections -Wl,-Map,$(B)/petrel.map \
  -Wl,--print-memory-usage -Wl,--no-warn-rwx-segments $(if $(RAM_SIZE),-Wl$(comma)--defsym$(comma)__petrel_ram_size=$(RAM_SIZE))
LDLIBS_BOARD := -lm

BOARD_SRCS := $(wildcard $(MPS2)/*.c) $(MPS2)/app_embed.S
# No TLS on this board (mps2-an385-tls has it): neither the binding nor internal/tls.js
# (6.7 KB of flash); the small modules/tls.js front throws ERR_NO_CRYPTO (docs/tls.md).
BOARD_EXCLUDE := $(wildcard modules/tls*.c modules/internal/tls*.js)
# Built-in JS stored DEFLATE-compressed (tools/js2c.c -z, runtime/inflate.c): ~170 KB
# of minified source take ~45 KB of flash; a module is inflated on its first require.
JS2C_FLAGS := -z
# ... after tools/jsmin.js: functions that are never constructors become methods (no
# prototype object each: -36 KiB of heap) and terser mangles local names (-6.7 KB of flash).
JSMIN := 1

# ---- APP=file.js: embedded in flash, run at boot as /app.js ------------------------
# The stamp holds the embedded file's path, so changing or dropping APP rebuilds the blob.
MPS2_APP := $(if $(APP),$(abspath $(APP)))
MPS2_APP_STAMP := $(B)/gen/app_path
$(shell mkdir -p $(B)/gen && { [ -f $(MPS2_APP_STAMP) ] && [ "$$(cat $(MPS2_APP_STAMP))" = "$(MPS2_APP)" ] || echo "$(MPS2_APP)" > $(MPS2_APP_STAMP); })
$(B)/obj/$(MPS2)/app_embed.S.o: $(MPS2_APP_STAMP) $(MPS2_APP)
$(B)/obj/$(MPS2)/app_embed.S.o: CFLAGS_ALL += $(if $(MPS2_APP),-DPETREL_APP_FILE='"$(MPS2_APP)"')
# Rules above must not become make's default goal.
.DEFAULT_GOAL := all

# Raw image for flashing tools, and a size summary after each link.
POST_LINK = $(CROSS)objcopy -O binary $@ $@.bin && $(CROSS)size $@

# ---- how it runs and is tested (Makefile, "board interface") ---------------------------
# A script runs on the firmware under QEMU through the REPL's raw mode (run_script.py);
# the REPL over the UART has its own suite (tests/mps2/run.py), and the TLS variant
# (boards/mps2-an385-tls) is built and tested with this board.
RUN_SCRIPT := $(MPS2)/run_script.sh
TEST_SUITES := repl-uart jsmin
TEST_ALSO := mps2-an385-tls

# ---- make bench: flash/RAM, heap, bytes per connection, NIC throughput (bench.py) ----
BENCH_CMD = python3 $(MPS2)/bench.py

# The reference firmware: the same startup, drivers and lwIP with no interpreter
# (ref/lwip_ref.c); bench.py measures its throughput beside Petrel's.
REF_OBJS := $(patsubst %,$(B)/obj/%.o,$(MPS2)/ref/lwip_ref.c $(filter-out $(MPS2)/random_test_only.c,$(BOARD_SRCS))) \
  $(LWIP_BOARD_OBJS)
$(B)/lwip_ref: $(REF_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS_ALL) $(filter-out -Wl$(comma)-Map$(comma)%,$(LDFLAGS_BOARD)) -o $@ $(REF_OBJS) $(LDLIBS_BOARD)
bench: $(B)/lwip_ref

# ---- make run ------------------------------------------------------------------------
# The UART is this terminal (signal=off: Ctrl-C goes to the board and interrupts JS;
# Ctrl-D on an empty REPL line ends the REPL and QEMU with it).
PORT ?= 8080
QEMU_MPS2 = qemu-system-arm -M mps2-an385 -cpu cortex-m3 -display none -nodefaults \
  -semihosting-config enable=on,target=native -kernel $(B)/petrel
RUN_CMD = $(QEMU_MPS2) -chardev stdio,id=uart0,signal=off -serial chardev:uart0 \
  -nic user$(if $(PORT),$(comma)hostfwd=tcp:127.0.0.1:$(PORT)-:$(PORT))
# newlib calls these stubs from libc.a, which LTO does not see: compile them without it.
$(B)/obj/$(MPS2)/syscalls.c.o: CFLAGS_ALL += -fno-lto
