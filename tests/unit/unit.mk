# Criterion unit tests: each tests/unit/test_<x>.c names the sources it needs in a
# "// sources: a.c b.c" line (and extra flags in "// cflags: ..."); it is built with
# them and run. Ends with "N passed, N failed".
.SECONDEXPANSION:
B := build/unit
TESTS := $(wildcard tests/unit/test_*.c)
BINS := $(patsubst tests/unit/%.c,$(B)/%,$(TESTS))
CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Iplatform -Iruntime -Imodules -Itests/unit
sources_of = $(shell sed -n 's|^// sources: ||p' $(1))
cflags_of = $(shell sed -n 's|^// cflags: ||p' $(1))

.PHONY: run
run: $(BINS)
	@pass=0; fail=0; for t in $(BINS); do \
	  if $$t --jobs 1 >$$t.log 2>&1; then echo "ok   [unit] $$(basename $$t)"; \
	  else echo "FAIL [unit] $$(basename $$t)"; sed 's/^/     | /' $$t.log | tail -20; fail=$$((fail+1)); fi; \
	  syn=$$(grep -h 'Synthesis' $$t.log); echo "     $$syn"; \
	  p=$$(echo "$$syn" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p'); \
	  f=$$(echo "$$syn" | sed -n 's/.*Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 + \2/p'); \
	  pass=$$((pass + $${p:-0})); fail=$$((fail + $${f:-0})); done; \
	echo "$$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# Tests that include duktape.h use the generated Duktape config of the linux board.
$(BINS): | build/linux/duktape/duk_config.h
build/linux/duktape/duk_config.h:
	@$(MAKE) --no-print-directory BOARD=linux build/linux/duktape/duk_config.h

$(B)/%: tests/unit/%.c $$(call sources_of,tests/unit/$$*.c)
	@mkdir -p $(@D)
	@$(CC) $(CFLAGS) $(call cflags_of,$<) -o $@ $< $(call sources_of,$<) -lcriterion -pthread
