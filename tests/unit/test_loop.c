// sources: runtime/loop.c
// cflags: -Ibuild/linux/duktape
/* The loop's liveness rules (what keeps the process running), with the JS hooks
 * and plat_wait replaced by recorders. */
#include <criterion/criterion.h>
#include "runtime.h"
#include "platform.h"

static int waits, last_timeout, hooks_timers, hooks_before_exit, hooks_immediates;
static double fake_now;
static const char *last_hook;
/* The idle collection's inputs: the heap's size, JS calls a poll makes, collections. */
static size_t fake_heap;
static int collections, probe_runs_js;
unsigned long petrel_calls;
size_t petrel_heap_used(void) { return fake_heap; }
void duk_gc(duk_context *ctx, duk_uint_t flags)
{
  (void)ctx;
  (void)flags;
  collections++;
  fake_heap = 100000;
}

uint64_t plat_now_ms(void) { return (uint64_t)fake_now; }
void plat_wait(int timeout_ms)
{
  waits++;
  last_timeout = timeout_ms;
  if (timeout_ms == 0 && probe_runs_js) petrel_calls++;
  if (timeout_ms > 0) fake_now += timeout_ms;
  if (waits > 50) loop_unref(); /* safety valve */
}
void petrel_push_hook(duk_context *ctx, const char *name)
{
  (void)ctx;
  last_hook = name;
}
void petrel_run_ticks(duk_context *ctx) { (void)ctx; }
/* the board's address never changes here (runtime/netcfg.c's event) */
unsigned plat_net_changes(void) { return 0; }
void petrel_net_changed(duk_context *ctx) { (void)ctx; }
int petrel_make_callback(duk_context *ctx, duk_idx_t nargs)
{
  (void)ctx;
  (void)nargs;
  if (!strcmp(last_hook, "beforeExit")) hooks_before_exit++;
  return 0;
}
/* runtime/timers.c's queues, as the loop sees them: run them all. */
static double timers_ran_at;
void timers_run(duk_context *ctx, double now)
{
  (void)ctx;
  hooks_timers++;
  timers_ran_at = now;
  loop_set_timer(-1, 0);
}
void timers_run_immediates(duk_context *ctx)
{
  (void)ctx;
  hooks_immediates++;
  loop_set_immediates(0, 0);
}
/* duk_push_* used by loop.c's run_hook: no-ops here. */
void duk_push_undefined(duk_context *ctx) { (void)ctx; }
void duk_push_number(duk_context *ctx, duk_double_t v)
{
  (void)ctx;
  (void)v;
}

static void reset(void)
{
  waits = last_timeout = hooks_timers = hooks_before_exit = hooks_immediates = 0;
  collections = probe_runs_js = 0;
  fake_heap = 100000;
  fake_now += 1000; /* past the previous test's idle probe */
  loop_set_timer(-1, 0);
  loop_set_immediates(0, 0);
  while (loop_busy(0)) loop_unref();
}

Test(loop, exits_at_once_when_nothing_is_pending)
{
  reset();
  loop_run(NULL);
  cr_expect_eq(waits, 0);
  cr_expect_eq(hooks_before_exit, 1);
}

Test(loop, sleeps_until_the_timer_then_runs_it)
{
  reset();
  loop_set_timer(1250, 1);
  loop_run(NULL);
  cr_expect_eq(hooks_timers, 1);
  cr_expect_eq(waits, 1);
  cr_expect_eq(last_timeout, 250);
  cr_expect_eq(timers_ran_at, 1250); /* with the loop's time after the wait */
}

Test(loop, unrefed_timer_does_not_keep_it_alive)
{
  reset();
  loop_set_timer(5000, 0);
  loop_run(NULL);
  cr_expect_eq(waits, 0);
  cr_expect_eq(hooks_timers, 0);
}

Test(loop, immediates_poll_without_sleeping)
{
  reset();
  loop_set_immediates(1, 1);
  loop_run(NULL);
  cr_expect_eq(waits, 1);
  cr_expect_eq(last_timeout, 0);
  cr_expect_eq(hooks_immediates, 1);
}

Test(loop, refs_count_and_busy_ignores_the_console)
{
  reset();
  loop_ref();
  cr_expect(loop_busy(0));
  cr_expect(!loop_busy(1));
  loop_ref();
  cr_expect(loop_busy(1));
  loop_unref();
  loop_unref();
  loop_unref(); /* never below zero */
  cr_expect(!loop_busy(0));
}

Test(loop, collects_before_sleeping_after_the_heap_grew)
{
  reset();
  loop_set_timer(fake_now + 10, 1);
  loop_run(NULL); /* the loop sees the heap's low point: 100000 */
  fake_heap = 200000;
  waits = 0;
  fake_now += 100; /* past the next probe time */
  loop_set_timer(fake_now + 500, 1);
  loop_run(NULL);
  cr_expect_eq(collections, 1);
  cr_expect_eq(waits, 2); /* the probe (0 ms), then the sleep */
  cr_expect_eq(last_timeout, 500);
  cr_expect_eq(hooks_timers, 2);
}

Test(loop, no_collection_while_events_keep_coming_or_the_heap_is_flat)
{
  reset();
  loop_set_timer(fake_now + 10, 1);
  loop_run(NULL);
  fake_heap = 105000; /* grown by less than an eighth plus 4 KiB */
  waits = 0;
  loop_set_timer(fake_now + 100, 1);
  loop_run(NULL);
  cr_expect_eq(collections, 0);
  cr_expect_eq(waits, 1);

  fake_heap = 200000; /* past the idle mark, below the busy one (half + 64 KiB) */
  probe_runs_js = 1;  /* each poll dispatches an event: not idle */
  loop_set_timer(fake_now + 100, 1);
  loop_run(NULL);
  cr_expect_eq(collections, 0);
  cr_expect_eq(hooks_timers, 3);
}

Test(loop, collects_during_a_burst_once_the_heap_grew_by_half)
{
  reset();
  loop_set_timer(fake_now + 10, 1);
  loop_run(NULL);                         /* the low point: 100000 */
  fake_heap = 100000 + 50000 + 65536 + 1; /* grown by half plus 64 KiB, and more */
  probe_runs_js = 1;                      /* never idle */
  loop_set_timer(fake_now + 100, 1);
  loop_run(NULL);
  cr_expect_eq(collections, 1);
}

Test(loop, timers_run_only_once_due_and_immediates_after_io)
{
  reset();
  double t0 = fake_now;
  loop_set_timer(t0 + 10, 1);
  loop_set_immediates(1, 1);
  loop_run(NULL);
  /* the immediates after the first (non-sleeping) poll, the timer after the sleep */
  cr_expect_eq(hooks_immediates, 1);
  cr_expect_eq(hooks_timers, 1);
  cr_expect_eq(waits, 2);
  cr_expect(timers_ran_at >= t0 + 10);
}

Test(loop, unrefed_immediates_do_not_keep_it_alive)
{
  reset();
  loop_set_immediates(1, 0);
  loop_run(NULL);
  cr_expect_eq(waits, 0);
  cr_expect_eq(hooks_immediates, 0);
}
