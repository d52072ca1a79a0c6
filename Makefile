# Petrel: `make` builds build/$(BOARD)/petrel; `make test` runs every suite on
# every board that can run here; `make BOARD=<name>` picks a board from boards/.
BOARD ?= linux
B := build/$(BOARD)
SETUP := build/.setup
Q := $(if $(V),,@)
SHELL := /bin/bash
# No built-in rules: make would otherwise try to remake the included .d files
# from "x.d.o" through its own "%: %.o" rule and our object pattern rules.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

# APP=app.js (boards that embed an application: mps2-an385): the board embeds
# APP_BUILT, the app bundled and lowered to ES5.1 by the host build step (rule below),
# with its line table beside it (app.js.lines: embedded too, the runtime reads it for
# stack traces; `tools/petrel-tool unmap` on the host). APP_EXCLUDE="pkg ...": packages
# left out of the bundle; APP_ALIAS="pkg=name ...": packages required as others
# (petrel-tool build --exclude, --alias).
APP_BUILT := $(if $(APP),$(abspath $(B)/gen/app/app.js))
include boards/$(BOARD)/board.mk
# TLS: mbedTLS built from source for boards that have the tls binding.
include modules/tls/mbedtls.mk

# ---- board interface (boards/<name>/board.mk sets these) -----------------
# CC, CFLAGS_BOARD, LDFLAGS_BOARD, LDLIBS_BOARD, PLATFORM (posix|lwip),
# DUK_CONFIG (a header appended to Duktape's stock duk_config.h),
# BOARD_SRCS (board-specific .c/.S), SETUP_NEEDS (host|cross).
# How the board runs and is tested (the test and bench scripts read these from
# build/<board>/board.env, written with every build):
#   RUN_PREFIX  what runs the binary on this machine (empty: natively; qemu-arm for rpi)
#   RUN_SCRIPT  or a runner that takes script.js [args] (a firmware under QEMU)
#   EMULATION   none | user (qemu-arm) | system (a whole board under qemu-system-*)
#   TEST_SUITES the suites tools/test_all.sh runs on it besides TEST_COMMON (the
#               names are listed there)
#   TEST_COMMON the suites every board runs (default: the JS tests, the conformance
#               cases, the fuzz, the differential fuzz and the host build step's apps)
#   TEST_ALSO   boards built and tested with this one (mps2-an385's TLS variant)
#   TEST_SANITIZED boards built and tested under ASan/UBSan once every board is done
#               (linux: linux-asan, linux-lwip-asan; PETREL_SKIP_SANITIZERS=1 skips them)
#   TEST_TIMEOUT seconds a JS test or a conformance case may take (PETREL_TEST_TIMEOUT
#               overrides; default 60, 150 for a whole board under emulation, which
#               boots for each case and runs out of memory slowly)
#   TEST_TIMEOUT_LONG seconds a long run may take: a fuzz seed, a TLS script with many
#               connections (PETREL_TEST_TIMEOUT overrides; default twice TEST_TIMEOUT)
#   PEER_NET    how programs on this machine reach the board's sockets: host (the board
#               uses this machine's stack: 127.0.0.1), tap (its own stack, reached
#               through a TAP device in a network namespace: needs root), qemu-user
#               (QEMU's user networking: ports forwarded by the runner)
#   APP_IMAGE   1 when the board can run an app embedded in a firmware of its own
#               (board.mk's APP_EMBED_SRC: make app-image APP_JS=bundle.js, below)
PLATFORM ?= posix
TEST_COMMON ?= js conformance fuzz diff build
SETUP_NEEDS ?= host
EMULATION ?= $(if $(RUN_SCRIPT),system,$(if $(RUN_PREFIX),user,none))
TEST_TIMEOUT ?= $(if $(filter system,$(EMULATION)),150,60)
TEST_TIMEOUT_LONG ?= $(shell echo $$((2 * $(TEST_TIMEOUT))))
PEER_NET ?= host

WARN := -Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration
CFLAGS_COMMON := -std=gnu11 -O2 -g $(WARN) -MMD -MP -Iplatform -Iruntime -Imodules -I$(B)/duktape \
  -DPETREL_BOARD_NAME='"$(BOARD)"' $(EXTRA_CFLAGS)
CFLAGS_ALL := $(CFLAGS_COMMON) $(CFLAGS_BOARD)

OWN_SRCS := $(wildcard runtime/*.c) $(wildcard modules/*.c) $(wildcard platform/*.c) \
  $(wildcard platform/$(PLATFORM)/*.c) $(BOARD_SRCS)
# The POSIX backend runs on a host OS: its files, errno and terminal code is in
# platform/host/ (linux-lwip, lwIP on a host, adds it through BOARD_SRCS).
OWN_SRCS += $(if $(filter posix,$(PLATFORM)),$(wildcard platform/host/*.c))
OWN_SRCS := $(filter-out $(BOARD_EXCLUDE),$(OWN_SRCS))
JS_SRCS := $(filter-out $(BOARD_EXCLUDE),$(sort $(wildcard modules/*.js modules/*/promises.js modules/internal/*.js runtime/js/*.js)))

OBJS := $(patsubst %,$(B)/obj/%.o,$(OWN_SRCS)) $(B)/obj/duktape.o $(B)/obj/builtin_js.o $(EXTRA_OBJS)

.PHONY: all clean test test-unit test-js test-conformance check-asan valgrind bench run-example run setup
all: $(B)/petrel $(B)/board.env

# The board's facts for the shell scripts (see the board interface above).
$(B)/board.env: boards/$(BOARD)/board.mk Makefile $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(Q)printf "RUN_PREFIX='%s'\nRUN_SCRIPT='%s'\nEMULATION='%s'\nTEST_SUITES='%s'\nTEST_COMMON='%s'\nTEST_ALSO='%s'\nTEST_SANITIZED='%s'\nTEST_TIMEOUT='%s'\nTEST_TIMEOUT_LONG='%s'\nPEER_NET='%s'\nAPP_IMAGE='%s'\n" \
	  "$(RUN_PREFIX)" "$(RUN_SCRIPT)" "$(EMULATION)" "$(strip $(TEST_SUITES))" "$(strip $(TEST_COMMON))" \
	  "$(strip $(TEST_ALSO))" "$(strip $(TEST_SANITIZED))" "$(strip $(TEST_TIMEOUT))" "$(strip $(TEST_TIMEOUT_LONG))" \
	  "$(strip $(PEER_NET))" "$(if $(APP_EMBED_SRC),1)" > $@

# ---- set-up: Debian packages and source packages, installed on demand ----
# The host and sources stamps are redone when setup.sh or the sources list changes
# (new packages and pinned source versions reach old checkouts).
$(SETUP)/host: tools/setup.sh
	$(Q)tools/setup.sh host && mkdir -p $(SETUP) && touch $@
$(SETUP)/cross: | $(SETUP)/host
	$(Q)tools/setup.sh cross && touch $@
# Redone when the pinned source packages or the sources list change (setup.sh
# fetches only what build/third_party lacks).
$(SETUP)/sources: tools/setup.sh tools/apt-sources.list | $(SETUP)/host
	$(Q)tools/setup.sh sources && touch $@
setup: $(SETUP)/$(SETUP_NEEDS) $(SETUP)/sources

# ---- Duktape: the stock amalgamation from duktape-dev with our config ----
# A board with DUK_ROM=1 (board.mk) instead gets a duktape.c generated for ROM
# built-ins by Duktape's configure.py from the duktape source package, which
# tools/duktape_configure.py runs under Python 3 (DUK_CONFIGURE_ARGS: the board's
# extra arguments). Either way the board's headers are appended to duk_config.h.
DUK_HEADERS := runtime/duk_config_common.h $(DUK_CONFIG)
ifeq ($(DUK_ROM),1)
DUK_SRC := $(B)/duktape/configured
DUK_SRC_STAMP := $(DUK_SRC)/.stamp
# Petrel's own strings join Duktape's in the ROM string table (rule below the built-in JS).
DUK_ROM_STRINGS := $(B)/duktape/rom_strings.yaml
# Petrel's additions to the ROM built-in objects (what runtime/iterators.c adds at boot elsewhere).
DUK_ROM_OBJECTS := runtime/builtins_rom.yaml
# The ES2015+ methods of runtime/es_methods.c become ROM function objects on the built-ins
# (tools/es_methods_yaml.py); other boards put them on at boot as light functions.
DUK_ROM_METHODS := $(B)/duktape/es_methods.yaml
$(DUK_SRC_STAMP): tools/duktape_configure.py $(DUK_HEADERS) $(filter boards/%/board.mk,$(MAKEFILE_LIST)) \
  $(DUK_ROM_STRINGS) $(DUK_ROM_OBJECTS) $(DUK_ROM_METHODS) | $(SETUP)/$(SETUP_NEEDS) $(SETUP)/sources
	@mkdir -p $(B)/duktape
	@echo "  CONFIG  duktape.c with ROM built-ins (Duktape's configure.py)"
	$(Q)/usr/bin/python3 tools/duktape_configure.py "$$(ls -d build/third_party/duktape-2.*/ | head -1)" \
	  $(B)/duktape/configure $(DUK_SRC) $(DUK_HEADERS) -- $(DUK_CONFIGURE_ARGS) --builtin-file $(abspath $(DUK_ROM_STRINGS)) \
	  --builtin-file $(abspath $(DUK_ROM_OBJECTS)) --builtin-file $(abspath $(DUK_ROM_METHODS))
	$(Q)touch $@
else
DUK_SRC := /usr/share/duktape
DUK_SRC_STAMP :=
endif
$(B)/duktape/duk_config.h: $(DUK_HEADERS) $(DUK_SRC_STAMP) | $(SETUP)/$(SETUP_NEEDS)
	@mkdir -p $(@D)
	$(Q)cp $(DUK_SRC)/duktape.h $(@D)/
	$(Q)sed '/^#endif.*DUK_CONFIG_H_INCLUDED/d' $(DUK_SRC)/duk_config.h > $@.tmp
	$(Q)printf '#include "%s"\n#include "%s"\n#endif /* DUK_CONFIG_H_INCLUDED */\n' \
	  $(abspath runtime/duk_config_common.h) $(abspath $(DUK_CONFIG)) >> $@.tmp
	$(Q)mv $@.tmp $@
# duktape.c gets a few small edits (tools/duktape_patch.py says which and why).
$(B)/duktape/duktape.c: tools/duktape_patch.py tools/genfile.py $(DUK_SRC_STAMP) | $(SETUP)/$(SETUP_NEEDS)
	@mkdir -p $(@D)
	$(Q)python3 tools/duktape_patch.py $(DUK_SRC)/duktape.c $@

$(B)/obj/duktape.o: $(B)/duktape/duktape.c $(B)/duktape/duk_config.h
	@mkdir -p $(@D)
	@echo "  CC      duktape.c ($(BOARD))"
	$(Q)$(CC) $(filter-out -MMD -MP $(WARN),$(CFLAGS_ALL)) $(DUK_CFLAGS) -w -c $< -o $@

# ---- built-in JS embedded by a host tool --------------------------------
HOSTCC ?= cc
build/host/js2c: tools/js2c.c | $(SETUP)/host
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -O2 -Wall -o $@ $< -lzopfli
# JS2C_FLAGS (board.mk): -z stores the modules compressed. JSMIN=1 (board.mk): each
# module goes through tools/jsmin.js (terser) first.
ifeq ($(JSMIN),1)
JS_EMBED := $(patsubst %,$(B)/gen/min/%,$(JS_SRCS))
$(SETUP)/jsmin: | $(SETUP)/host
	$(Q)tools/setup.sh jsmin && touch $@
$(B)/gen/min/%.js: %.js tools/jsmin.js | $(SETUP)/jsmin
	@mkdir -p $(@D)
	@echo "  JSMIN   $<"
	$(Q)node tools/jsmin.js build/tools/terser $< $@
else
JS_EMBED := $(JS_SRCS)
endif
# With -z the modules are compressed against one preset dictionary (js2c -d), the
# text they share as zstd's trainer finds it: the last 2 KiB of a 4 KiB zstd
# dictionary, its content part, whose most useful text comes last. Stored once, it
# saves ~4.5 KB of flash on mps2-an385 (~11 % of the packed JS). Training is
# deterministic: the same modules give the same dictionary.
ifneq ($(filter -z,$(JS2C_FLAGS)),)
JS_DICT := $(B)/gen/builtin_js.dict
$(JS_DICT): $(JS_EMBED) | $(SETUP)/host
	@mkdir -p $(@D)
	$(Q)zstd -q -f --train $(JS_EMBED) --maxdict=4096 -o $@.zst && tail -c 2048 $@.zst > $@.tmp && mv $@.tmp $@
JS2C_DICT := -d $(JS_DICT)
endif
$(B)/gen/builtin_js.c: $(JS_EMBED) $(JS_DICT) build/host/js2c $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(Q)build/host/js2c $(JS2C_FLAGS) $(JS2C_DICT) $@ $(JS_EMBED)
# The strings of the board's JS and C for the ROM string table (DUK_ROM boards); the
# file is rewritten only when the list changes, which alone regenerates duktape.c.
$(B)/duktape/rom_strings.yaml: tools/duktape_rom_strings.py tools/genfile.py $(JS_EMBED) $(filter %.c,$(OWN_SRCS))
	@mkdir -p $(@D)
	$(Q)python3 tools/duktape_rom_strings.py $@ $(JS_EMBED) $(filter %.c,$(OWN_SRCS))
$(B)/duktape/es_methods.yaml: tools/es_methods_yaml.py tools/genfile.py runtime/es_methods.c
	@mkdir -p $(@D)
	$(Q)python3 tools/es_methods_yaml.py runtime/es_methods.c $@
$(B)/obj/builtin_js.o: $(B)/gen/builtin_js.c $(B)/duktape/duk_config.h
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

# ---- APP=: the host build step (tools/build.js through petrel-tool build) ----------
# Runs on every make (the app's requires are only known to the build); the bundle is
# rewritten only when it changed, so an unchanged app does not relink.
$(SETUP)/babel: tools/babel/package-lock.json | $(SETUP)/host
	$(Q)tools/setup.sh babel && touch $@
ifneq ($(APP),)
.PHONY: FORCE
$(APP_BUILT): FORCE | $(SETUP)/babel
	@mkdir -p $(@D)
	@echo "  BUILD   $(APP) (ES5 bundle)"
	$(Q)node tools/build.js build/tools/babel $(APP) $@ $(addprefix --exclude ,$(APP_EXCLUDE)) $(addprefix --alias ,$(APP_ALIAS))
endif

# ---- our own sources -------------------------------------------------------
$(B)/obj/%.c.o: %.c $(B)/duktape/duk_config.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@
$(B)/obj/%.S.o: %.S | $(SETUP)/$(SETUP_NEEDS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(B)/petrel: $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS_ALL) $(LDFLAGS_BOARD) -o $@ $(OBJS) $(LDLIBS_BOARD)
	$(Q)$(POST_LINK)

# ---- make app-image APP_JS=bundle.js (boards that embed an app: APP_EMBED_SRC) ------
# $(B)/petrel-app: the firmware of `make` with a bundle already built (tools/build.js;
# its .lines beside it go in too) embedded as /app.js, which it runs at boot with no
# arguments as its program (APP_MODE=main: no REPL, the app's exit status the board's); linked from the same objects with APP_IMAGE_LDFLAGS (board.mk). Always
# relinked (the bundle is named on the command line). tests/build/run.sh runs an app
# too large for the board's file store this way (board.env's APP_IMAGE).
ifneq ($(APP_EMBED_SRC),)
.PHONY: app-image FORCE
APP_IMAGE_OBJS := $(filter-out $(B)/obj/$(APP_EMBED_SRC).o,$(OBJS)) $(B)/obj/app_image.S.o
app-image: $(B)/petrel-app $(B)/board.env
$(B)/obj/app_image.S.o: $(APP_EMBED_SRC) FORCE | $(SETUP)/$(SETUP_NEEDS)
	$(if $(APP_JS),,$(error app-image: name the bundle, APP_JS=bundle.js))
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_ALL) -DPETREL_APP_MAIN=1 -DPETREL_APP_FILE='"$(abspath $(APP_JS))"' \
	  $(if $(wildcard $(APP_JS).lines),-DPETREL_APP_LINES='"$(abspath $(APP_JS)).lines"') -c $< -o $@
$(B)/petrel-app: $(APP_IMAGE_OBJS)
	@echo "  LD      $@ ($(APP_JS) embedded)"
	$(Q)$(CC) $(CFLAGS_ALL) $(APP_IMAGE_LDFLAGS) -o $@ $(APP_IMAGE_OBJS) $(LDLIBS_BOARD)
endif

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)

# ---- tests -----------------------------------------------------------------
# Boards whose binaries run on this machine (natively or under QEMU).
TEST_BOARDS ?= linux linux-poll linux-lwip rpi mps2-an385

test:
	$(Q)tools/test_all.sh $(if $(filter command line,$(origin BOARD)),$(BOARD),$(TEST_BOARDS))

test-unit:
	$(Q)$(MAKE) --no-print-directory -f tests/unit/unit.mk

test-js: $(B)/petrel $(B)/board.env
	$(Q)tools/run_js_tests.sh $(BOARD) tests/js

test-conformance: $(B)/petrel $(B)/board.env
	$(Q)tools/run_conformance.sh $(BOARD) ../shared/conformance tests/cases

# The board's sanitized builds (its board.mk's TEST_SANITIZED: for linux, linux-asan and
# linux-lwip-asan), built and tested as make test does after every other board.
check-asan: $(B)/board.env
	$(Q)tools/test_all.sh --sanitized $(BOARD)

valgrind:
	$(Q)$(MAKE) --no-print-directory all
	$(Q)PETREL_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	  tools/run_js_tests.sh $(BOARD) tests/js
	$(Q)tests/tls/valgrind.sh $(BOARD)

# A board.mk may set BENCH_CMD (mps2-an385 measures on the emulated board).
bench: $(B)/petrel $(B)/board.env
	$(Q)$(or $(BENCH_CMD),tools/bench/run.sh $(BOARD))

# examples/echo.js is ES2015+: built to ES5 by the host build step first, as an app is.
EXAMPLE_BUILT := $(B)/gen/examples/echo.js
run-example: $(B)/petrel $(B)/board.env | $(SETUP)/babel
	@mkdir -p $(dir $(EXAMPLE_BUILT))
	$(Q)node tools/build.js build/tools/babel examples/echo.js $(EXAMPLE_BUILT)
	$(Q)tools/board_run.sh $(BOARD) $(EXAMPLE_BUILT)

# `make run [ARGS=...]`: runs the board's binary on this machine. A board.mk may set
# RUN_CMD (mps2-an385 boots QEMU with the UART on this terminal); by default the
# binary runs under RUN_PREFIX (native, or qemu-arm for rpi).
RUN_CMD ?= $(RUN_PREFIX) $(B)/petrel $(ARGS)
run: $(B)/petrel
	$(RUN_CMD)

clean:
	rm -rf build/linux build/linux-* build/mps2-* build/rpi build/host
