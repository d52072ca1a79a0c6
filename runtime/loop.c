/*
 * The event loop, in libuv's phase order: timers, I/O (plat_wait), immediates.
 * The timer queue and the immediates live in runtime/timers.c, which tells the
 * loop the next deadline and whether anything ref'd is pending; the loop runs
 * them there (one call into JS per callback).
 */
#include "runtime.h"
#include "platform.h"

static int refs; /* ref'd handles: sockets, servers, lookups, console input */
static double timer_deadline = -1;
static int timer_refed;
static int immediates_pending, immediates_refed;
static double now_ms;
static void (*turn_hook)(duk_context *ctx); /* loop_set_turn_hook */
/* Set while plat_wait runs: it sleeps, then dispatches I/O callbacks itself, so the
 * first clock read of those callbacks refreshes the cached time (libuv updates it
 * once after polling). Without this, a timer set in a callback after a long idle
 * wait counted from before the wait and fired at once. */
static int time_stale;

void loop_ref(void) { refs++; }
void loop_unref(void)
{
  if (refs > 0) refs--;
}
void loop_set_timer(double deadline, int refed)
{
  timer_deadline = deadline;
  timer_refed = refed;
}
void loop_set_immediates(int pending, int refed)
{
  immediates_pending = pending;
  immediates_refed = refed;
}
void loop_update_time(void) { now_ms = (double)plat_now_ms(); }
void loop_set_turn_hook(void (*fn)(duk_context *ctx)) { turn_hook = fn; }
/* The turn hook's own deadline (the REPL's wait for the network before main.js): the
 * loop wakes by then even with no timer. -1: none. */
static double hook_deadline = -1;
void loop_wake_at(double ms) { hook_deadline = ms; }
/* The board's address changed (a DHCP lease...): process emits 'network' (netcfg.c). */
static unsigned net_changes;
double loop_now(void)
{
  if (time_stale || now_ms == 0) { /* 0: read before the loop's first iteration */
    time_stale = 0;
    loop_update_time();
  }
  return now_ms;
}

/* Work other than `ignored_refs` handles (e.g. the REPL's console input) is pending. */
int loop_busy(int ignored_refs)
{
  return refs > ignored_refs || (timer_deadline >= 0 && timer_refed) || (immediates_pending && immediates_refed);
}

static int alive(void)
{
  return refs > 0 || (timer_deadline >= 0 && timer_refed) || (immediates_pending && immediates_refed);
}

/* Idle collection. Reference cycles (a socket and the closures of its listeners, a
 * stream and its state) are freed only by mark-and-sweep, which Duktape starts from
 * an allocation: a loop that goes quiet after a burst of connections would keep
 * megabytes of them (on a board, the room the next connection needs). So when the
 * loop is about to sleep and the heap has grown by an eighth (plus 4 KiB) since the
 * last collection or low point, it polls once without sleeping; if that ran no JS,
 * the loop is idle and collects. At most one probe per IDLE_PROBE_MS keeps a busy
 * loop from polling twice per iteration. */
#define IDLE_PROBE_MS 50
static size_t idle_base; /* heap after the last idle collection, or its low point since */
static double next_probe;
/* A busy collection ran since the last idle one: its base held the burst's live
 * connections, so what they leave when the burst ends may stay under the eighth;
 * the loop's first idle moment after a burst collects regardless. */
static int burst_collected;

static int idle_grown(void)
{
  size_t used = petrel_heap_used();
  if (used < idle_base || idle_base == 0) idle_base = used;
  return burst_collected || used - idle_base > idle_base / 8 + 4096;
}

/* A burst that never lets the loop go idle is collected too, once the heap has grown
 * by half (plus 64 KiB) since the last collection or low point: what the platform
 * allocates beside Duktape (lwIP's connection records, TLS sessions) cannot start
 * Duktape's emergency collection, so on a board garbage would otherwise take the RAM
 * an accept needs (test_idle_collect's burst on mps2-an385-tls: accept ENOMEM). */
static void busy_collect(duk_context *ctx)
{
  size_t used = petrel_heap_used();
  if (used < idle_base || idle_base == 0) idle_base = used;
  if (used - idle_base <= idle_base / 2 + 65536) return;
  duk_gc(ctx, 0);
  idle_base = petrel_heap_used();
  burst_collected = 1;
}

/* Returns 1 if it collected, 0 if the probe found work (dispatched it) or it is not time. */
static int idle_collect(duk_context *ctx)
{
  if (now_ms < next_probe) return 0;
  next_probe = now_ms + IDLE_PROBE_MS;
  unsigned long calls = petrel_calls;
  time_stale = 1;
  plat_wait(0);
  time_stale = 0;
  if (petrel_calls != calls || immediates_pending) return 0;
  duk_gc(ctx, 0);
  idle_base = petrel_heap_used();
  burst_collected = 0;
  return 1;
}

static void run_hook(duk_context *ctx, const char *name)
{
  petrel_push_hook(ctx, name);
  duk_push_undefined(ctx);
  duk_push_number(ctx, now_ms);
  petrel_make_callback(ctx, 1);
}

void loop_run(duk_context *ctx)
{
  petrel_run_ticks(ctx);
  for (;;) {
    loop_update_time();
    if (timer_deadline >= 0 && timer_deadline <= now_ms) timers_run(ctx, now_ms);
    if (!alive()) {
      run_hook(ctx, "beforeExit"); /* may schedule more work, like Node's 'beforeExit' */
      if (!alive()) break;
    }
    /* Before each sleep: the REPL's raw mode ends a run here once nothing it started
     * keeps the loop busy (C, no JS timer: a run may leave the heap full). */
    if (turn_hook) turn_hook(ctx);
    int timeout = -1;
    if (immediates_pending) {
      timeout = 0;
    } else if (timer_deadline >= 0) {
      loop_update_time();
      double d = timer_deadline - now_ms;
      timeout = d <= 0 ? 0 : d > 0x7fffffff ? 0x7fffffff : (int)d + (d > (int)d);
    }
    if (hook_deadline >= 0 && turn_hook) {
      double d = hook_deadline - loop_now() + 1;
      if (d < 0) d = 0;
      if (timeout < 0 || timeout > d) timeout = d > 0x7fffffff ? 0x7fffffff : (int)d;
    }
    if (timeout != 0 && idle_grown()) {
      if (now_ms < next_probe) {
        double d = next_probe - now_ms + 1; /* sleep no longer than until the next probe */
        if (timeout < 0 || timeout > d) timeout = (int)d;
      } else if (!idle_collect(ctx)) {
        timeout = 0; /* the probe dispatched events: go round again */
      }
    }
    time_stale = 1;
    plat_wait(timeout);
    time_stale = 0;
    loop_update_time();
    if (immediates_pending) timers_run_immediates(ctx);
    if (plat_net_changes() != net_changes) {
      net_changes = plat_net_changes();
      petrel_net_changed(ctx);
    }
    busy_collect(ctx);
  }
}
