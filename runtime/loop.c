/*
 * The event loop, in libuv's phase order: timers, I/O (plat_wait), immediates.
 * Timers and immediates live in JS (modules/timers.js); C only knows the next
 * deadline and whether anything ref'd is pending, so a tick costs one call.
 */
#include "runtime.h"
#include "platform.h"

static int refs; /* ref'd handles: sockets, servers, lookups, console input */
static double timer_deadline = -1;
static int timer_refed;
static int immediates_pending, immediates_refed;
static double now_ms;
/* Set while plat_wait runs: it sleeps, then dispatches I/O callbacks itself, so the
 * first clock read of those callbacks refreshes the cached time (libuv updates it
 * once after polling). Without this, a timer set in a callback after a long idle
 * wait counted from before the wait and fired at once. */
static int time_stale;

void loop_ref(void) { refs++; }
void loop_unref(void) { if (refs > 0) refs--; }
void loop_set_timer(double deadline, int refed) { timer_deadline = deadline; timer_refed = refed; }
void loop_set_immediates(int pending, int refed) { immediates_pending = pending; immediates_refed = refed; }
void loop_update_time(void) { now_ms = (double)plat_now_ms(); }
double loop_now(void)
{
  if (time_stale) {
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
    if (timer_deadline >= 0 && timer_deadline <= now_ms) run_hook(ctx, "processTimers");
    if (!alive()) {
      run_hook(ctx, "beforeExit"); /* may schedule more work, like Node's 'beforeExit' */
      if (!alive()) break;
    }
    int timeout = -1;
    if (immediates_pending) {
      timeout = 0;
    } else if (timer_deadline >= 0) {
      loop_update_time();
      double d = timer_deadline - now_ms;
      timeout = d <= 0 ? 0 : d > 0x7fffffff ? 0x7fffffff : (int)d + (d > (int)d);
    }
    time_stale = 1;
    plat_wait(timeout);
    time_stale = 0;
    loop_update_time();
    if (immediates_pending) run_hook(ctx, "processImmediates");
  }
}
