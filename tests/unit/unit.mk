# Criterion unit tests: each tests/unit/test_<x>.c names the sources it needs in a
# "// sources: a.c b.c" line (and extra flags in "// cflags: ..."); it is built with
# them and run. Ends with "N passed, N failed".
.SECONDEXPANSION:
B := build/unit
TESTS := $(wildcard tests/unit/test_*.c)
BINS := $(patsubst tests/unit/%.c,$(B)/%,$(TESTS))
# Every unit test runs under ASan and UBSan: a memory error fails it.
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Iplatform -Iruntime -Imodules -Itests/unit $(SAN)
sources_of = $(shell sed -n 's|^// sources: ||p' $(1))
cflags_of = $(shell sed -n 's|^// cflags: ||p' $(1))
# A "// sources:" line naming a file that is gone must stop the build, not leave a
# stale binary (or none) to be run.
MISSING := $(strip $(foreach t,$(TESTS),$(foreach s,$(call sources_of,$t),$(if $(wildcard $s)$(filter build/%,$s),,$t:$s))))
$(if $(MISSING),$(error unit tests name sources that do not exist: $(MISSING)))

.PHONY: run
run: $(BINS)
	@pass=0; fail=0; for t in $(BINS); do \
	  if $$t --jobs 1 >$$t.log 2>&1; then ok=1; echo "ok   [unit] $$(basename $$t)"; \
	  else ok=0; echo "FAIL [unit] $$(basename $$t)"; sed 's/^/     | /' $$t.log | tail -20; fi; \
	  syn=$$(grep -h 'Synthesis' $$t.log); echo "     $$syn"; \
	  p=$$(echo "$$syn" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p'); \
	  f=$$(echo "$$syn" | sed -n 's/.*Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 + \2/p'); \
	  f=$$(($${f:-0})); [ $$ok = 1 ] || [ $$f -gt 0 ] || f=1; \
	  pass=$$((pass + $${p:-0})); fail=$$((fail + f)); done; \
	echo "$$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# lwIP for the backend's tests (test_lwip_*.c list $(B)/liblwip.a in their sources):
# Debian's lwIP sources (fetched by `make setup`) built once with the tests' own
# configuration, tests/unit/lwip/lwipopts.h (loopback only, small pools).
include platform/lwip/lwip.mk
LWIP_CFLAGS := -Itests/unit/lwip -Iplatform/lwip -I$(LWIP_DIR)/include
LWIP_OBJS := $(patsubst %.c,$(B)/lwip-$(LWIP_VERSION)/%.o,$(LWIP_SRCS))
$(B)/test_lwip_% $(B)/test_contract_lwip: CFLAGS += $(LWIP_CFLAGS)
$(filter $(B)/test_lwip_% $(B)/test_contract_lwip,$(BINS)): tests/unit/lwip_test.h platform/lwip/lwip_backend.h
$(filter $(B)/test_lwip_% $(B)/test_contract_%,$(BINS)): tests/unit/tcp_harness.h tests/unit/contract_tests.h

build/.setup/sources:
	@$(MAKE) --no-print-directory build/.setup/sources
$(B)/lwip-$(LWIP_VERSION)/%.o: tests/unit/lwip/lwipopts.h tests/unit/lwip/arch/cc.h | build/.setup/sources
	@mkdir -p $(@D)
	@$(CC) -std=gnu11 -O1 -g -w -Iplatform $(LWIP_CFLAGS) -c $(LWIP_DIR)/$*.c -o $@
$(B)/liblwip.a: $(LWIP_OBJS)
	@rm -f $@ && ar rcs $@ $^

# Tests that include duktape.h use the linux board's generated Duktape config and
# its (edited, tools/duktape_patch.py) duktape.c.
$(BINS): | build/linux/duktape/duk_config.h build/linux/duktape/duktape.c
build/linux/duktape/duk_config.h build/linux/duktape/duktape.c:
	@$(MAKE) --no-print-directory BOARD=linux $@

$(B)/%: tests/unit/%.c $$(call sources_of,tests/unit/$$*.c)
	@mkdir -p $(@D)
	@$(CC) $(CFLAGS) $(call cflags_of,$<) -o $@ $< $(call sources_of,$<) -lcriterion -pthread -lm
