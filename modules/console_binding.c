/*
 * console and its Console class in C (#17's native core: what runs at boot).
 * process.binding('console'): console(require) makes the global console and
 * Console, primitive(require) internal/primitive's exports and format(require)
 * internal/format's (modules/format.c); the three JS modules are one line each.
 *
 * Why C: every program loads console at boot, and the REPL makes a Console of its
 * own; as JS the module was ~20 functions (~7 KB of heap on a board) and each
 * Console bound its 16 methods (~150 B each). Here a method is one C function
 * told apart by its magic: on Console.prototype and on the global console it is a
 * light function (8 bytes; the global console's ignore `this`, as Node's bound
 * methods do), and an instance made with `new Console` gets native functions that
 * share one small object naming the instance (their prototype), so that a method
 * taken off the instance (`var log = c.log`) still writes to its streams.
 * Semantics are Node 20's (lib/internal/console/constructor.js): methods that
 * Node calls through `this` (log from count, group, dirxml, timeLog; warn from
 * assert; error from trace) are looked up on the console. State lives on the
 * console under hidden keys: the streams (null: the platform console, written
 * like process.stdout), the group indentation, the counters and the timers.
 */
#include <math.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "bindings.h"
#include "platform.h"
#include "format.h"

#define DEFAULT_KEY DUK_HIDDEN_SYMBOL("consoleDefault")
#define OUT_KEY     DUK_HIDDEN_SYMBOL("out") /* stdout stream; null: the platform console */
#define ERR_KEY     DUK_HIDDEN_SYMBOL("err")
#define INDENT_KEY  DUK_HIDDEN_SYMBOL("indent") /* the group indentation (absent: none) */
#define WIDTH_KEY   DUK_HIDDEN_SYMBOL("width")  /* groupIndentation (absent: 2) */
#define COUNTS_KEY  DUK_HIDDEN_SYMBOL("counts")
#define TIMES_KEY   DUK_HIDDEN_SYMBOL("times") /* label -> start, in ms */
#define OPTIONS_KEY DUK_HIDDEN_SYMBOL("inspectOptions")
#define STRICT_KEY  DUK_HIDDEN_SYMBOL("noIgnore") /* ignoreErrors: false */
#define SELF_KEY    DUK_HIDDEN_SYMBOL("self")     /* on a bound method's prototype */

enum {
  M_LOG,
  M_WARN,
  M_DIR,
  M_TIME,
  M_TIME_END,
  M_TIME_LOG,
  M_TRACE,
  M_ASSERT,
  M_CLEAR,
  M_COUNT,
  M_COUNT_RESET,
  M_GROUP,
  M_GROUP_END,
  M_TABLE,
  M_DIRXML,
  M_NOOP,
  /* Aliases: the same method on Console.prototype (info === log there, as in Node),
   * but a function of its own on the global console and on an instance. */
  M_DEBUG,
  M_INFO,
  M_ERROR,
  M_GROUP_COLLAPSED,
  M_PROFILE_END, /* the inspector's (profile is M_NOOP): nothing here, named apart */
  M_TIME_STAMP
};
#define M_METHOD 0x1f
#define M_GLOBAL 0x20 /* a method of the global console: `this` is not looked at */

/* Node's order (Object.keys(console)); own: the magic when not on the prototype. */
static const struct {
  const char *name;
  unsigned char method, own;
} methods[] = { { "log", M_LOG, M_LOG },
                { "warn", M_WARN, M_WARN },
                { "dir", M_DIR, M_DIR },
                { "time", M_TIME, M_TIME },
                { "timeEnd", M_TIME_END, M_TIME_END },
                { "timeLog", M_TIME_LOG, M_TIME_LOG },
                { "trace", M_TRACE, M_TRACE },
                { "assert", M_ASSERT, M_ASSERT },
                { "clear", M_CLEAR, M_CLEAR },
                { "count", M_COUNT, M_COUNT },
                { "countReset", M_COUNT_RESET, M_COUNT_RESET },
                { "group", M_GROUP, M_GROUP },
                { "groupEnd", M_GROUP_END, M_GROUP_END },
                { "table", M_TABLE, M_TABLE },
                { "debug", M_LOG, M_DEBUG },
                { "info", M_LOG, M_INFO },
                { "dirxml", M_DIRXML, M_DIRXML },
                { "error", M_WARN, M_ERROR },
                { "groupCollapsed", M_GROUP, M_GROUP_COLLAPSED },
                { NULL, 0, 0 } };

static void push_stashed(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

/* The console a method works on. [...] -> [... self] */
static void push_self(duk_context *ctx, int magic)
{
  if (magic & M_GLOBAL) {
    push_stashed(ctx, DEFAULT_KEY);
    return;
  }
  duk_push_current_function(ctx);
  duk_get_prop_string(ctx, -1, SELF_KEY); /* a method bound by new Console */
  duk_remove(ctx, -2);
  if (!duk_is_undefined(ctx, -1)) return;
  duk_pop(ctx);
  duk_push_this(ctx);
  if (duk_is_object(ctx, -1) && duk_has_prop_string(ctx, -1, OUT_KEY)) return;
  (void)duk_type_error(ctx, "Console method called on an object that is not a Console");
}

/* process.emitWarning(message at the top). [... message] -> [...] */
static void emit_warning(duk_context *ctx)
{
  duk_get_global_literal(ctx, "process");
  duk_push_literal(ctx, "emitWarning");
  duk_dup(ctx, -3);
  duk_call_prop(ctx, -3, 1);
  duk_pop_3(ctx);
}

/* self[name](args at [first, first + n)) */
static void call_own(duk_context *ctx, duk_idx_t self, const char *name, duk_idx_t first, duk_idx_t n)
{
  if (n) first = duk_normalize_index(ctx, first);
  duk_require_stack(ctx, n + 4);
  duk_push_string(ctx, name);
  for (duk_idx_t i = 0; i < n; i++) duk_dup(ctx, first + i);
  duk_call_prop(ctx, self, n);
  duk_pop(ctx);
}

/* kWriteToConsole: the text at idx, indented by the group level, and a newline, to
 * the console's stream for fd (or the platform console). */
static void write_text(duk_context *ctx, duk_idx_t self, int fd, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  duk_get_prop_string(ctx, self, INDENT_KEY);
  duk_size_t ilen = 0, len;
  const char *ind = duk_is_string(ctx, -1) ? duk_get_lstring(ctx, -1, &ilen) : "";
  const char *s = duk_to_lstring(ctx, idx, &len);
  size_t lines = 1;
  if (ilen)
    for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))) != NULL; p++) lines++;
  char *out = duk_push_fixed_buffer(ctx, len + 1 + ilen * lines);
  char *o = out;
  memcpy(o, ind, ilen);
  o += ilen;
  for (size_t i = 0; i < len; i++) {
    *o++ = s[i];
    if (s[i] == '\n' && ilen) {
      memcpy(o, ind, ilen);
      o += ilen;
    }
  }
  *o = '\n';
  duk_buffer_to_string(ctx, -1);
  duk_remove(ctx, -2); /* the indentation */
  duk_get_prop_string(ctx, self, fd == 2 ? ERR_KEY : OUT_KEY);
  if (duk_is_null_or_undefined(ctx, -1)) {
    petrel_console_print(ctx, fd, -2);
  } else {
    /* stream.write(text): with ignoreErrors (the default) what it throws is dropped, as in Node */
    duk_push_literal(ctx, "write");
    duk_dup(ctx, -3);
    if (duk_get_prop_string(ctx, self, STRICT_KEY)) {
      duk_pop(ctx);
      duk_call_prop(ctx, -3, 1);
    } else {
      duk_pop(ctx);
      (void)duk_pcall_prop(ctx, -3, 1);
    }
    duk_pop(ctx);
  }
  duk_pop_2(ctx);
}

/* log/warn: the arguments formatted with the console's inspectOptions, if any. */
static void write_formatted(duk_context *ctx, duk_idx_t self, int fd, duk_idx_t nargs)
{
  duk_get_prop_literal(ctx, self, OPTIONS_KEY);
  duk_idx_t opts = duk_is_undefined(ctx, -1) ? -1 : duk_get_top_index(ctx);
  format_values(ctx, opts, 0, nargs);
  write_text(ctx, self, fd, -1);
  duk_pop_2(ctx);
}

/* label = label === undefined ? 'default' : `${label}`; left at idx */
static const char *label_at(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_undefined(ctx, idx)) {
    duk_push_literal(ctx, "default");
    duk_replace(ctx, idx);
  }
  return duk_to_string(ctx, idx);
}

/* The console's counters or timers (a bare object, made on first use). [...] -> [... map] */
static void push_map(duk_context *ctx, duk_idx_t self, const char *key)
{
  if (duk_get_prop_string(ctx, self, key)) return;
  duk_pop(ctx);
  duk_push_bare_object(ctx);
  duk_dup_top(ctx);
  duk_put_prop_string(ctx, self, key);
}

static double now_ms(void) { return (double)plat_hrtime_ns() / 1e6; }

/* n.toFixed(3), as Number.prototype.toFixed rounds. [...] -> [... text] */
static void push_fixed3(duk_context *ctx, double n)
{
  duk_push_number(ctx, n);
  duk_push_literal(ctx, "toFixed");
  duk_push_int(ctx, 3);
  duk_call_prop(ctx, -3, 1);
  duk_remove(ctx, -2);
}

/* Node's formatTime: "1.234ms", "1.234s", "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)". */
static void push_duration(duk_context *ctx, double ms)
{
  double hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = floor(ms / 3600000);
        ms = fmod(ms, 3600000);
      }
      minutes = floor(ms / 60000);
      ms = fmod(ms, 60000);
    }
    seconds = ms / 1000;
  }
  if (hours != 0 || minutes != 0) {
    push_fixed3(ctx, seconds); /* "s.mmm", s padded to two digits */
    const char *f = duk_get_string(ctx, -1);
    const char *dot = strchr(f, '.');
    int whole = dot ? (int)(dot - f) : (int)strlen(f);
    /* integers: a board's printf has no %f */
    if (hours != 0)
      duk_push_sprintf(ctx, "%ld:%02ld:%s%s (h:mm:ss.mmm)", (long)hours, (long)minutes, whole < 2 ? "0" : "", f);
    else
      duk_push_sprintf(ctx, "%ld:%s%s (m:ss.mmm)", (long)minutes, whole < 2 ? "0" : "", f);
    duk_remove(ctx, -2);
    return;
  }
  if (seconds != 0) {
    push_fixed3(ctx, seconds);
    duk_push_literal(ctx, "s");
  } else {
    push_fixed3(ctx, ms); /* Number(ms.toFixed(3)) */
    duk_to_number(ctx, -1);
    duk_to_string(ctx, -1);
    duk_push_literal(ctx, "ms");
  }
  duk_concat(ctx, 2);
}

/* timeEnd / timeLog: self.log('%s: %s', label, duration, ...data). Returns 0 (and
 * warns) when the label has no timer. */
static int time_log(duk_context *ctx, duk_idx_t self, const char *name, duk_idx_t data, duk_idx_t ndata)
{
  const char *label = label_at(ctx, 0);
  push_map(ctx, self, TIMES_KEY);
  duk_dup(ctx, 0);
  if (!duk_get_prop(ctx, -2)) {
    duk_pop_2(ctx);
    duk_push_sprintf(ctx, "No such label '%s' for console.%s()", label, name);
    emit_warning(ctx);
    return 0;
  }
  double ms = now_ms() - duk_get_number(ctx, -1);
  duk_pop_2(ctx);
  duk_idx_t first = duk_get_top(ctx);
  duk_push_literal(ctx, "%s: %s");
  duk_dup(ctx, 0);
  push_duration(ctx, ms);
  for (duk_idx_t i = 0; i < ndata; i++) duk_dup(ctx, data + i);
  call_own(ctx, self, "log", first, 3 + ndata);
  duk_set_top(ctx, first);
  return 1;
}

/* console.trace: "Trace: <message>" and the stack of the caller, through self.error. */
static void trace(duk_context *ctx, duk_idx_t self, duk_idx_t nargs)
{
  format_values(ctx, -1, 0, nargs);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "");
  duk_get_prop_literal(ctx, -1, "stack");
  const char *stack = duk_get_string(ctx, -1);
  /* The frames below this C function (light or native: the first such line). */
  const char *frames = NULL;
  for (const char *p = stack ? strchr(stack, '\n') : NULL; p; p = strchr(p + 1, '\n')) {
    const char *eol = strchr(p + 1, '\n');
    size_t n = eol ? (size_t)(eol - p) : strlen(p);
    int own = 0;
    for (size_t i = 0; i + 6 <= n && !own; i++)
      own = memcmp(p + i, " light", 6) == 0 || memcmp(p + i, "native", 6) == 0;
    if (own) {
      frames = eol;
      break;
    }
  }
  duk_push_string(ctx, duk_get_length(ctx, -3) ? "Trace: " : "Trace");
  duk_dup(ctx, -4);
  duk_push_string(ctx, frames ? frames : "");
  duk_concat(ctx, 3);
  call_own(ctx, self, "error", duk_get_top_index(ctx), 1);
  duk_pop_n(ctx, 4);
}

/* console.clear: on a terminal, cursor home and clear the screen (Node's cursorTo + clearScreenDown). */
static void clear(duk_context *ctx, duk_idx_t self)
{
  duk_get_prop_string(ctx, self, OUT_KEY);
  int tty;
  if (duk_is_null_or_undefined(ctx, -1)) {
    tty = plat_console_is_tty();
  } else {
    duk_get_prop_literal(ctx, -1, "isTTY");
    tty = duk_to_boolean(ctx, -1);
    duk_pop(ctx);
  }
  duk_pop(ctx);
  if (!tty) return;
  duk_get_global_literal(ctx, "process");
  duk_get_prop_literal(ctx, -1, "env");
  duk_get_prop_literal(ctx, -1, "TERM");
  int dumb = duk_is_string(ctx, -1) && strcmp(duk_get_string(ctx, -1), "dumb") == 0;
  duk_pop_3(ctx);
  if (dumb) return;
  duk_get_prop_string(ctx, self, OUT_KEY);
  duk_push_literal(ctx, "\x1b[1;1H\x1b[0J");
  if (duk_is_null_or_undefined(ctx, -2)) {
    petrel_console_print(ctx, 1, -1);
  } else {
    duk_push_literal(ctx, "write");
    duk_dup(ctx, -2);
    duk_call_prop(ctx, -4, 1);
    duk_pop(ctx);
  }
  duk_pop_2(ctx);
}

static void group_indent(duk_context *ctx, duk_idx_t self, int deeper)
{
  duk_get_prop_string(ctx, self, WIDTH_KEY);
  int width = duk_is_number(ctx, -1) ? duk_get_int(ctx, -1) : 2;
  duk_pop(ctx);
  duk_get_prop_string(ctx, self, INDENT_KEY);
  duk_size_t len = 0;
  const char *s = duk_is_string(ctx, -1) ? duk_get_lstring(ctx, -1, &len) : "";
  if (deeper) {
    char *p = duk_push_fixed_buffer(ctx, len + (size_t)width);
    memcpy(p, s, len);
    memset(p + len, ' ', (size_t)width);
    duk_buffer_to_string(ctx, -1);
  } else {
    duk_push_lstring(ctx, s, len > (size_t)width ? len - (size_t)width : 0);
  }
  duk_put_prop_string(ctx, self, INDENT_KEY);
  duk_pop(ctx);
}

static duk_ret_t console_method(duk_context *ctx)
{
  int magic = duk_get_current_magic(ctx);
  duk_idx_t nargs = duk_get_top(ctx);
  if (nargs < 2) duk_set_top(ctx, 2);
  push_self(ctx, magic);
  duk_idx_t self = duk_get_top_index(ctx);
  switch (magic & M_METHOD) {
    case M_LOG:
    case M_DEBUG:
    case M_INFO: write_formatted(ctx, self, 1, nargs); break;
    case M_WARN:
    case M_ERROR: write_formatted(ctx, self, 2, nargs); break;
    case M_DIR: /* inspect(object, { customInspect: false, ...options }) */
      duk_push_object(ctx);
      duk_push_false(ctx);
      duk_put_prop_literal(ctx, -2, "customInspect");
      if (duk_check_type_mask(ctx, 1, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER)) {
        duk_enum(ctx, 1, DUK_ENUM_OWN_PROPERTIES_ONLY);
        while (duk_next(ctx, -1, 1)) duk_put_prop(ctx, -4);
        duk_pop(ctx);
      }
      format_inspect(ctx, 0, duk_get_top_index(ctx));
      write_text(ctx, self, 1, -1);
      break;
    case M_TIME: {
      const char *label = label_at(ctx, 0);
      push_map(ctx, self, TIMES_KEY);
      duk_dup(ctx, 0);
      if (duk_has_prop(ctx, -2)) {
        duk_push_sprintf(ctx, "Label '%s' already exists for console.time()", label);
        emit_warning(ctx);
      } else {
        duk_dup(ctx, 0);
        duk_push_number(ctx, now_ms());
        duk_put_prop(ctx, -3);
      }
      break;
    }
    case M_TIME_END:
      if (time_log(ctx, self, "timeEnd", 0, 0)) {
        push_map(ctx, self, TIMES_KEY);
        duk_dup(ctx, 0);
        duk_del_prop(ctx, -2);
      }
      break;
    case M_TIME_LOG: time_log(ctx, self, "timeLog", 1, nargs > 1 ? nargs - 1 : 0); break;
    case M_TRACE: trace(ctx, self, nargs); break;
    case M_ASSERT: /* args[0] = `Assertion failed: ${args[0]}`; this.warn(...args) */
      if (petrel_truthy(ctx, 0)) break;
      if (nargs < 2) {
        duk_push_literal(ctx, "Assertion failed");
        call_own(ctx, self, "warn", -1, 1);
      } else {
        duk_push_literal(ctx, "Assertion failed: ");
        duk_dup(ctx, 1);
        duk_to_string(ctx, -1);
        duk_concat(ctx, 2);
        duk_replace(ctx, 1);
        call_own(ctx, self, "warn", 1, nargs - 1);
      }
      break;
    case M_CLEAR: clear(ctx, self); break;
    case M_COUNT: { /* this.log(`${label}: ${count}`) */
      label_at(ctx, 0);
      push_map(ctx, self, COUNTS_KEY);
      duk_dup(ctx, 0);
      duk_get_prop(ctx, -2);
      double n = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) + 1 : 1;
      duk_pop(ctx);
      duk_dup(ctx, 0);
      duk_push_number(ctx, n);
      duk_put_prop(ctx, -3);
      duk_dup(ctx, 0);
      duk_push_literal(ctx, ": ");
      duk_push_number(ctx, n);
      duk_concat(ctx, 3);
      call_own(ctx, self, "log", -1, 1);
      break;
    }
    case M_COUNT_RESET: {
      /* Node looks the label up before making it a string: only a string can be found. */
      int string = duk_is_undefined(ctx, 0) || duk_is_string(ctx, 0);
      const char *label = label_at(ctx, 0);
      push_map(ctx, self, COUNTS_KEY);
      duk_dup(ctx, 0);
      if (string && duk_has_prop(ctx, -2)) {
        duk_dup(ctx, 0);
        duk_del_prop(ctx, -2);
      } else {
        duk_push_sprintf(ctx, "Count for '%s' does not exist", label);
        emit_warning(ctx);
      }
      break;
    }
    case M_GROUP:
    case M_GROUP_COLLAPSED:
      if (nargs > 0) call_own(ctx, self, "log", 0, nargs);
      group_indent(ctx, self, 1);
      break;
    case M_GROUP_END: group_indent(ctx, self, 0); break;
    case M_TABLE: /* a table of an object's rows: internal/console_table, loaded on first use */
      if (!duk_is_undefined(ctx, 1) ||
          (duk_check_type_mask(ctx, 0, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER) && !duk_is_function(ctx, 0))) {
        format_require(ctx, "internal/console_table");
        duk_dup(ctx, self);
        duk_dup(ctx, 0);
        duk_dup(ctx, 1);
        duk_call(ctx, 3);
      } else {
        call_own(ctx, self, "log", 0, 1);
      }
      break;
    case M_DIRXML: call_own(ctx, self, "log", 0, nargs); break;
    default: break; /* profile, profileEnd, timeStamp: the inspector's, nothing without one */
  }
  return 0;
}

/* validateInteger(value, 'groupIndentation', 0, 1000), Node's errors. */
static void check_indentation(duk_context *ctx, duk_idx_t idx)
{
  const char *maker = NULL, *expect = NULL;
  if (!duk_is_number(ctx, idx))
    maker = "invalidArgType", expect = "number";
  else if (duk_get_number(ctx, idx) != trunc(duk_get_number(ctx, idx)) || isinf(duk_get_number(ctx, idx)))
    maker = "outOfRange", expect = "an integer";
  else if (duk_get_number(ctx, idx) < 0 || duk_get_number(ctx, idx) > 1000)
    maker = "outOfRange", expect = ">= 0 && <= 1000";
  if (!maker) return;
  format_require(ctx, "internal/errors");
  duk_push_string(ctx, maker);
  duk_push_literal(ctx, "groupIndentation");
  duk_push_string(ctx, expect);
  duk_dup(ctx, idx); /* invalidArgType(name, type, value), outOfRange(name, range, value) */
  duk_call_prop(ctx, -5, 3);
  (void)duk_throw(ctx);
}

/* new Console(stdout[, stderr[, ignoreErrors]]) or new Console({ stdout, stderr,
 * ignoreErrors, inspectOptions, groupIndentation }) */
static duk_ret_t console_constructor(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  if (!duk_is_constructor_call(ctx)) { /* Console(...) is new Console(...) */
    duk_push_current_function(ctx);
    duk_insert(ctx, 0);
    duk_new(ctx, 3);
    return 1;
  }
  duk_push_this(ctx); /* 3 */
  /* 4 stdout, 5 stderr, 6 ignoreErrors, 7 inspectOptions, 8 groupIndentation */
  int positional = !petrel_truthy(ctx, 0) || duk_is_primitive(ctx, 0);
  if (!positional) {
    duk_get_prop_literal(ctx, 0, "write");
    positional = duk_is_function(ctx, -1);
    duk_pop(ctx);
  }
  if (positional) {
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_dup(ctx, 2);
    duk_push_undefined(ctx);
    duk_push_undefined(ctx);
  } else {
    static const char *const keys[] = { "stdout", "stderr", "ignoreErrors", "inspectOptions", "groupIndentation" };
    for (int i = 0; i < 5; i++) duk_get_prop_string(ctx, 0, keys[i]);
  }
  if (duk_is_undefined(ctx, 5)) {
    duk_dup(ctx, 4);
    duk_replace(ctx, 5);
  }
  for (int i = 4; i <= 5; i++) {
    int ok = petrel_truthy(ctx, i) && !duk_is_primitive(ctx, i);
    if (ok) {
      duk_get_prop_literal(ctx, i, "write");
      ok = duk_is_function(ctx, -1);
      duk_pop(ctx);
    }
    if (!ok) {
      format_require(ctx, "internal/errors");
      duk_push_literal(ctx, "codeError");
      duk_push_literal(ctx, "ERR_CONSOLE_WRITABLE_STREAM");
      duk_push_sprintf(ctx, "Console expects a writable stream instance for %s", i == 4 ? "stdout" : "stderr");
      duk_get_global_literal(ctx, "TypeError");
      duk_call_prop(ctx, -5, 3);
      return duk_throw(ctx);
    }
  }
  if (!duk_is_undefined(ctx, 8)) check_indentation(ctx, 8);
  duk_dup(ctx, 4);
  duk_put_prop_string(ctx, 3, OUT_KEY);
  duk_dup(ctx, 5);
  duk_put_prop_literal(ctx, 3, ERR_KEY);
  if (duk_is_boolean(ctx, 6) && !duk_get_boolean(ctx, 6)) {
    duk_push_true(ctx);
    duk_put_prop_string(ctx, 3, STRICT_KEY);
  }
  if (petrel_truthy(ctx, 7)) {
    duk_dup(ctx, 7);
    duk_put_prop_literal(ctx, 3, OPTIONS_KEY);
  }
  if (!duk_is_undefined(ctx, 8)) {
    duk_dup(ctx, 8);
    duk_put_prop_string(ctx, 3, WIDTH_KEY);
  }
  /* The methods, bound: native functions whose shared prototype names this console. */
  duk_push_c_function(ctx, console_method, DUK_VARARGS);
  duk_get_prototype(ctx, -1);
  duk_push_object(ctx); /* the shared prototype */
  duk_swap(ctx, -1, -2);
  duk_set_prototype(ctx, -2);
  duk_dup(ctx, 3);
  duk_put_prop_string(ctx, -2, SELF_KEY);
  duk_idx_t shared = duk_get_top_index(ctx);
  for (int i = 0; methods[i].name; i++) {
    if (i)
      duk_push_c_function(ctx, console_method, DUK_VARARGS);
    else
      duk_dup(ctx, shared - 1);
    duk_set_magic(ctx, -1, methods[i].own);
    duk_dup(ctx, shared);
    duk_set_prototype(ctx, -2);
    duk_put_prop_string(ctx, 3, methods[i].name);
  }
  return 0;
}

static const petrel_lf_name inspector_only[] = { { "profile", console_method, M_NOOP | M_GLOBAL },
                                                 { "profileEnd", console_method, M_PROFILE_END | M_GLOBAL },
                                                 { "timeStamp", console_method, M_TIME_STAMP | M_GLOBAL },
                                                 { "format", format_js, 0 },
                                                 { "formatWithOptions", format_with_options_js, 0 },
                                                 { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(console, inspector_only);

/* Node's names (lightfunc_names.h): a method by its magic; Console.prototype.info is log. */
static const char *console_name(duk_c_function fn, int magic)
{
  if (fn != console_method) return NULL;
  for (int i = 0; methods[i].name; i++)
    if ((magic & M_GLOBAL ? methods[i].own | M_GLOBAL : methods[i].method) == magic) return methods[i].name;
  return NULL;
}
PETREL_LIGHTFUNC_LOOKUP(console, console_name);

/* Puts the methods on obj as light functions: Console.prototype's, or (global) the
 * global console's. */
static void put_methods(duk_context *ctx, duk_idx_t obj, int global)
{
  obj = duk_normalize_index(ctx, obj);
  for (int i = 0; methods[i].name; i++) {
    int magic = global ? methods[i].own | M_GLOBAL : methods[i].method;
    duk_push_c_lightfunc(ctx, console_method, DUK_VARARGS, 0, magic);
    duk_put_prop_string(ctx, obj, methods[i].name);
  }
}

static void def_hidden(duk_context *ctx, duk_idx_t obj, const char *key, duk_uint_t flags)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_string(ctx, key);
  duk_insert(ctx, -2);
  duk_def_prop(ctx, obj, DUK_DEFPROP_HAVE_VALUE | flags);
}

/* console(require): the global console, with Console on it. */
static duk_ret_t binding_console(duk_context *ctx)
{
  format_set_require(ctx, 0);
  push_stashed(ctx, DEFAULT_KEY);
  if (!duk_is_undefined(ctx, -1)) return 1;
  duk_pop(ctx);
  duk_push_c_function(ctx, console_constructor, 3); /* 1 */
  duk_push_literal(ctx, "Console");
  def_hidden(ctx, 1, "name", DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE);
  duk_push_object(ctx); /* 2: Console.prototype */
  put_methods(ctx, 2, 0);
  duk_dup(ctx, 1);
  def_hidden(ctx, 2, "constructor",
             DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_CLEAR_ENUMERABLE);
  duk_dup(ctx, 2);
  def_hidden(ctx, 1, "prototype",
             DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE | DUK_DEFPROP_CLEAR_ENUMERABLE);
  duk_push_object(ctx); /* 3: the global console, as Node's: not an instance of Console */
  put_methods(ctx, 3, 1);
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, 3, "Console");
  for (int i = 0; i < 3; i++) {
    duk_push_c_lightfunc(ctx, console_method, DUK_VARARGS, 0, inspector_only[i].magic);
    duk_put_prop_string(ctx, 3, inspector_only[i].name);
  }
  duk_push_null(ctx);
  duk_put_prop_string(ctx, 3, OUT_KEY);
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, 3, ERR_KEY);
  duk_get_global_literal(ctx, "Symbol"); /* console[Symbol.toStringTag] = 'console' */
  duk_get_prop_literal(ctx, -1, "toStringTag");
  if (duk_is_symbol(ctx, -1)) {
    duk_push_literal(ctx, "console");
    duk_def_prop(ctx, 3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_CLEAR_WRITABLE |
                     DUK_DEFPROP_CLEAR_ENUMERABLE);
    duk_pop(ctx);
  } else {
    duk_pop_2(ctx);
  }
  duk_push_global_stash(ctx);
  duk_dup(ctx, 3);
  duk_put_prop_literal(ctx, -2, DEFAULT_KEY);
  duk_pop(ctx);
  return 1;
}

/* primitive(require): internal/primitive's exports. */
static duk_ret_t binding_primitive(duk_context *ctx)
{
  format_set_require(ctx, 0);
  format_push_primitive(ctx);
  return 1;
}

/* format(require): internal/format's exports. */
static duk_ret_t binding_format(duk_context *ctx)
{
  format_set_require(ctx, 0);
  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, format_js, DUK_VARARGS, 0, 0);
  duk_put_prop_literal(ctx, -2, "format");
  duk_push_c_lightfunc(ctx, format_with_options_js, DUK_VARARGS, 0, 0);
  duk_put_prop_literal(ctx, -2, "formatWithOptions");
  return 1;
}

static const duk_function_list_entry console_funcs[] = { { "console", binding_console, 1 },
                                                         { "primitive", binding_primitive, 1 },
                                                         { "format", binding_format, 1 },
                                                         { NULL, NULL, 0 } };

PETREL_LIGHTFUNC_LIST(console, console_funcs);

duk_ret_t petrel_binding_console(duk_context *ctx)
{
  format_init(ctx);
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, console_funcs);
  return 1;
}
