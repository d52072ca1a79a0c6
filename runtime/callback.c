/*
 * Entering JS from C. Every event (timer, socket, lookup, console input) comes
 * through petrel_make_callback: one protected call, uncaught errors routed to
 * process ('uncaughtException' or exit 1), then the nextTick queue and the microtasks, as Node does.
 */
#include <stdio.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"

static int depth; /* nested C->JS calls: ticks run only when the outermost returns */
static int ticks_pending;

void petrel_ticks_pending(void) { ticks_pending = 1; }

/* The hooks (run the ticks, an uncaught error, beforeExit) are C light functions
 * in runtime/process.c: petrel_push_hook. */

static void die_in_handler(duk_context *ctx)
{
  /* The uncaught-exception machinery itself failed. Out of memory (the usual reason
   * on a board) is reported as the coded error it is, exit 1 as any uncaught error;
   * anything else is an error in the handler: exit 7 like Node. */
  static const char oom[] = "Uncaught Error: alloc failed (ERR_MEMORY_ALLOCATION_FAILED)\n";
  if (petrel_is_alloc_failure(ctx, -1)) {
    petrel_console_write_raw(2, oom, sizeof oom - 1);
    plat_exit(1);
  }
  duk_safe_to_stacktrace(ctx, -1);
  const char *msg = duk_get_string(ctx, -1);
  static const char prefix[] = "petrel: error in uncaught-exception handler: ";
  petrel_console_write_raw(2, prefix, sizeof prefix - 1);
  if (msg) petrel_console_write_raw(2, msg, strlen(msg));
  petrel_console_write_raw(2, "\n", 1);
  plat_exit(7);
}

static void fatal(duk_context *ctx, int from_promise)
{
  /* [... err] -> [... err] */
  depth++;
  petrel_push_hook(ctx, "fatalException");
  if (!duk_is_function(ctx, -1)) {
    duk_pop(ctx);
    die_in_handler(ctx);
  }
  duk_dup(ctx, -2);
  duk_push_boolean(ctx, from_promise);
  if (duk_pcall(ctx, 2) != DUK_EXEC_SUCCESS) die_in_handler(ctx);
  duk_pop(ctx);
  depth--;
}

void petrel_fatal_exception(duk_context *ctx) { fatal(ctx, 0); }
void petrel_fatal_rejection(duk_context *ctx) { fatal(ctx, 1); }

/* Node's processTicksAndRejections: the nextTick queue, then every microtask (those
 * queued by microtasks too; ticks they queue wait for the next round), again until
 * both are empty; then the unhandled rejections, which may queue more. Queuing a
 * microtask or a rejection sets ticks_pending too, so this runs after the callback. */
void petrel_run_ticks(duk_context *ctx)
{
  for (;;) {
    while (ticks_pending) {
      ticks_pending = 0;
      depth++;
      petrel_push_hook(ctx, "runTicks");
      if (duk_pcall(ctx, 0) != DUK_EXEC_SUCCESS) petrel_fatal_exception(ctx);
      duk_pop(ctx);
      petrel_run_microtasks(ctx);
      depth--;
    }
    if (!petrel_rejections_pending()) break;
    depth++;
    petrel_push_process_rejections(ctx);
    if (duk_pcall(ctx, 0) != DUK_EXEC_SUCCESS) petrel_fatal_exception(ctx);
    duk_pop(ctx);
    depth--;
  }
}

unsigned long petrel_calls;
int petrel_interrupt_callbacks;

int petrel_call_keep(duk_context *ctx, duk_idx_t nargs)
{
  petrel_calls++;
  /* While a REPL run or the boot app is on, Ctrl-C interrupts its callbacks too (a
   * timer spinning in for(;;){}): the outermost call only. */
  int intr = petrel_interrupt_callbacks && depth == 0;
  depth++;
  if (intr) petrel_set_interruptible(1);
  int threw = duk_pcall_method(ctx, nargs) != DUK_EXEC_SUCCESS;
  if (intr) petrel_set_interruptible(0);
  if (threw) {
    petrel_fatal_exception(ctx);
    duk_pop(ctx);
    duk_push_undefined(ctx);
  }
  depth--;
  if (depth == 0 && ticks_pending) petrel_run_ticks(ctx);
  return threw;
}

int petrel_make_callback(duk_context *ctx, duk_idx_t nargs)
{
  int threw = petrel_call_keep(ctx, nargs);
  duk_pop(ctx);
  return threw;
}

int petrel_protected(duk_context *ctx, duk_safe_call_function fn, void *udata)
{
  duk_idx_t top = duk_get_top(ctx);
  int failed = duk_safe_call(ctx, fn, udata, 0, 1) != DUK_EXEC_SUCCESS;
  if (failed) petrel_fatal_exception(ctx);
  duk_set_top(ctx, top);
  return failed;
}
