# Criterion unit tests: each tests/unit/test_<x>.c names the sources it needs in a
# "// sources: a.c b.c" line; it is built with them and run. Ends with "N passed, N failed".
.SECONDEXPANSION:
B := build/unit
TESTS := $(wildcard tests/unit/test_*.c)
BINS := $(patsubst tests/unit/%.c,$(B)/%,$(TESTS))
CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter -Iplatform -Iruntime -Imodules -Itests/unit
sources_of = $(shell sed -n 's|^// sources: ||p' $(1))

.PHONY: run
run: $(BINS)
	@pass=0; fail=0; for t in $(BINS); do \
	  if $$t --jobs 1 >$$t.log 2>&1; then pass=$$((pass+1)); echo "ok   [unit] $$(basename $$t)"; \
	  else fail=$$((fail+1)); echo "FAIL [unit] $$(basename $$t)"; sed 's/^/     | /' $$t.log | tail -20; fi; \
	  grep -h 'Synthesis' $$t.log | sed 's/^/     /'; done; \
	echo "$$pass passed, $$fail failed"; [ $$fail -eq 0 ]

$(B)/%: tests/unit/%.c $$(call sources_of,tests/unit/$$*.c)
	@mkdir -p $(@D)
	@$(CC) $(CFLAGS) -o $@ $< $(call sources_of,$<) -lcriterion -pthread
