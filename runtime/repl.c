/* The REPL: the same code serves stdin/stdout on Linux and the UART on a board.
 * In C (#17's native core): it is resident whenever a board runs its REPL, and as
 * JS it held ~15 KB of Duktape heap there; here it holds the REPL's console and a
 * few pins. This file: input, line editing, history, the dot commands. Evaluation,
 * printing and the raw mode protocol of tools/petrel-tool: runtime/repl_run.c.
 *
 * Input arrives from the event loop (petrel_console_read_start_c), so timers and
 * sockets keep running while the prompt waits. On a terminal the REPL edits lines
 * itself (backspace, arrows, history); output from callbacks is printed above the
 * line being typed instead of through it. Piped input is taken a line at a time,
 * without echo, as Node's REPL does. */
#include <string.h>
#include "runtime.h"
#include "platform.h"
#include "repl.h"

#define PROMPT      "> "
#define MORE        "... "
#define HISTORY_MAX 50

repl_state repl;

static struct {
  char *p;
  size_t len;
} history[HISTORY_MAX]; /* newest first */
static int history_len, hist_pos = -1;
static char esc[8]; /* an escape sequence being received: ESC [ digit final at most */
static size_t esc_len;
static repl_buf partial; /* piped input: the unfinished line */

void repl_buf_put(duk_context *ctx, repl_buf *b, const char *s, size_t len)
{
  if (b->len + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->len + len + 1) cap *= 2;
    char *p = petrel_native_realloc(b->p, cap);
    if (!p) (void)petrel_throw_oom(ctx);
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, len);
  b->len += len;
  b->p[b->len] = 0;
}

void repl_buf_clear(repl_buf *b)
{
  b->len = 0;
  if (b->cap > 256) {
    petrel_native_free(b->p);
    b->p = NULL;
    b->cap = 0;
  }
}

void repl_write(duk_context *ctx, const char *s) { petrel_console_write(ctx, 1, s, strlen(s)); }

void repl_console(duk_context *ctx, const char *method)
{
  duk_get_global_literal(ctx, "console");
  duk_get_prop_string(ctx, -1, method);
  duk_insert(ctx, -3);
  duk_insert(ctx, -2); /* [log console s] */
  duk_call_method(ctx, 1);
  duk_pop(ctx);
}

/* JS's \s in UTF-8: ASCII spaces and line ends, U+00A0, U+1680, U+2000-200A,
 * U+2028-2029, U+202F, U+205F, U+3000, U+FEFF. */
size_t repl_space_len(const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *)s;
  if (!n) return 0;
  if (p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r')) return 1;
  if (n >= 2 && p[0] == 0xc2 && p[1] == 0xa0) return 2;
  if (n < 3) return 0;
  unsigned c = (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
  if ((p[0] & 0xf0) != 0xe0 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80) return 0;
  if (c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
      c == 0x3000 || c == 0xfeff)
    return 3;
  return 0;
}

static int is_cont(char c) { return ((unsigned char)c & 0xc0) == 0x80; }

/* Bytes of the character at s (n bytes left). */
static size_t char_len(const char *s, size_t n)
{
  size_t k = 1;
  while (k < n && is_cont(s[k])) k++;
  return k;
}

static const char *prompt(void) { return repl.pending ? MORE : PROMPT; }

static void redraw(duk_context *ctx)
{
  repl_write(ctx, "\r\x1b[K");
  repl_write(ctx, prompt());
  petrel_console_write(ctx, 1, repl.line.p ? repl.line.p : "", repl.line.len);
  int back = 0;
  for (size_t i = repl.cursor; i < repl.line.len; i++) back += !is_cont(repl.line.p[i]);
  if (back > 0) {
    duk_push_sprintf(ctx, "\x1b[%dD", back);
    repl_write(ctx, duk_get_string(ctx, -1));
    duk_pop(ctx);
  }
}

void repl_show_prompt(duk_context *ctx)
{
  repl.prompt_shown = 1;
  if (repl.terminal)
    redraw(ctx);
  else
    repl_write(ctx, prompt());
}

void repl_out(duk_context *ctx, int fd, const char *s, size_t n, int redraw_after)
{
  int above = repl.terminal && repl.prompt_shown;
  if (above) petrel_console_write_raw(fd, "\r\x1b[K", 4);
  if (!repl.terminal) {
    petrel_console_write(ctx, fd, s, n);
  } else if (memchr(s, 0xed, n)) { /* surrogates: the copy converted to UTF-8 needs the heap */
    size_t lines = 0, o = 0;
    for (size_t i = 0; i < n; i++) lines += s[i] == '\n';
    char *out = duk_push_fixed_buffer(ctx, n + lines);
    for (size_t i = 0; i < n; i++) {
      if (s[i] == '\n') out[o++] = '\r';
      out[o++] = s[i];
    }
    petrel_console_write(ctx, fd, out, o);
    duk_pop(ctx);
  } else { /* \n -> \r\n through a buffer on the C stack */
    char buf[128];
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
      if (o + 2 > sizeof buf) {
        petrel_console_write_raw(fd, buf, o);
        o = 0;
      }
      if (s[i] == '\n') buf[o++] = '\r';
      buf[o++] = s[i];
    }
    if (o) petrel_console_write_raw(fd, buf, o);
  }
  if (above && redraw_after) redraw(ctx);
}

/* The console's streams: write(s) for fd 1 (magic 1) and 2. Output produced while
 * the prompt is up goes above it, then the line is redrawn. No heap is needed (but for
 * text with surrogates): the Console drops what its stream's write throws, and on a
 * full heap that would silently lose the uncaught-error report. */
static duk_ret_t stream_write(duk_context *ctx)
{
  int fd = duk_get_current_magic(ctx);
  duk_size_t n;
  const char *s = duk_to_lstring(ctx, 0, &n);
  repl_out(ctx, fd, s, n, 1);
  duk_push_true(ctx);
  return 1;
}

static void finish(duk_context *ctx)
{
  repl.prompt_shown = 0;
  if (repl.terminal) {
    repl_write(ctx, "\r\n");
    plat_console_set_raw(0);
  }
  petrel_console_read_stop(ctx);
}

/* A dot command (cmd trimmed): 1 if it was one. */
static int command(duk_context *ctx, const char *cmd)
{
  size_t w = 0;
  while (cmd[w] && !repl_space_len(cmd + w, strlen(cmd + w))) w++;
  if (w == 5 && !strncmp(cmd, ".exit", 5)) {
    if (repl.on_board) {
      duk_push_literal(ctx, ".exit is not available on a board (press reset instead)");
      repl_print(ctx);
      return 1;
    }
    finish(ctx);
    return 1;
  }
  if (w == 5 && !strncmp(cmd, ".help", 5)) {
    duk_push_sprintf(ctx,
                     ".break   abandon the statement being typed\n"
                     ".clear   same as .break\n"
                     ".exit    leave the REPL%s\n"
                     ".help    this text\n"
                     "Ctrl-C interrupts a running statement; Ctrl-D leaves.",
                     repl.on_board ? " (not on a board)" : "");
    repl_print(ctx);
    return 1;
  }
  if (w == 6 && (!strncmp(cmd, ".break", 6) || !strncmp(cmd, ".clear", 6))) {
    repl.pending = 0;
    repl_buf_clear(&repl.pending_text);
    return 1;
  }
  return 0;
}

/* Is the string on top blank (only whitespace)? */
static int blank(duk_context *ctx)
{
  duk_dup_top(ctx);
  duk_trim(ctx, -1);
  int r = duk_get_length(ctx, -1) == 0;
  duk_pop(ctx);
  return r;
}

int repl_has_word(const char *text, const char *word)
{
  size_t n = strlen(word);
  for (; *text; text++) {
    size_t i = 0;
    while (i < n && text[i] && (text[i] | 0x20) == word[i]) i++;
    if (i == n) return 1;
  }
  return 0;
}

/* Is the error on top a syntax error that more input may complete? */
static int incomplete(duk_context *ctx)
{
  if (!duk_is_object(ctx, -1)) return 0;
  duk_get_prop_literal(ctx, -1, "name");
  duk_get_prop_literal(ctx, -2, "message");
  const char *name = duk_get_string(ctx, -2), *msg = duk_get_string(ctx, -1);
  int r = name && !strcmp(name, "SyntaxError") && msg &&
          (repl_has_word(msg, "end of input") || repl_has_word(msg, "unterminated") || repl_has_word(msg, "eof"));
  duk_pop_2(ctx);
  return r;
}

static void history_add(duk_context *ctx, const char *text, size_t n)
{
  if (history_len && history[0].len == n && !memcmp(history[0].p, text, n)) return;
  char *p = petrel_native_realloc(NULL, n + 1);
  if (!p) (void)petrel_throw_oom(ctx);
  memcpy(p, text, n);
  p[n] = 0;
  if (history_len == HISTORY_MAX) petrel_native_free(history[--history_len].p);
  memmove(history + 1, history, (size_t)history_len * sizeof history[0]);
  history[0].p = p;
  history[0].len = n;
  history_len++;
}

/* A line was entered (the string on top, popped). */
static void accept_line(duk_context *ctx)
{
  duk_size_t n;
  const char *text = duk_get_lstring(ctx, -1, &n);
  repl.prompt_shown = 0;
  if (repl.terminal) repl_write(ctx, "\r\n");
  if (!repl.pending && n && text[0] == '.') {
    duk_dup_top(ctx);
    duk_trim(ctx, -1);
    int done = command(ctx, duk_get_string(ctx, -1));
    duk_pop(ctx);
    if (done) {
      duk_pop(ctx);
      return;
    }
  }
  if (!blank(ctx)) history_add(ctx, text, n);
  hist_pos = -1;
  if (repl.pending) repl_buf_put(ctx, &repl.pending_text, "\n", 1);
  repl_buf_put(ctx, &repl.pending_text, text, n);
  repl.pending++;
  duk_pop(ctx);
  duk_push_lstring(ctx, repl.pending_text.p, repl.pending_text.len); /* src */
  if (blank(ctx)) {
    repl.pending = 0;
    repl_buf_clear(&repl.pending_text);
    duk_pop(ctx);
    return;
  }
  /* Compiles as a function body first: an error at the end of the input means
   * the statement goes on on the next line. */
  duk_push_literal(ctx, "function () {");
  duk_dup(ctx, -2);
  duk_push_literal(ctx, "\n}");
  duk_concat(ctx, 3);
  duk_push_literal(ctx, "repl");
  if (duk_pcompile(ctx, DUK_COMPILE_FUNCTION) != 0 && incomplete(ctx)) {
    duk_pop_2(ctx);
    return;
  }
  duk_pop(ctx);
  repl.pending = 0;
  repl_buf_clear(&repl.pending_text);
  duk_size_t len;
  const char *src = duk_get_lstring(ctx, -1, &len);
  repl_evaluate(ctx, src, len);
  duk_pop(ctx);
}

static void set_line(duk_context *ctx, const char *s, size_t n)
{
  repl.line.len = 0;
  repl_buf_put(ctx, &repl.line, s, n);
  repl.cursor = n;
}

/* The end of an escape sequence (in esc): arrows, Home, End, Delete. */
static void escape_key(duk_context *ctx)
{
  char k = esc[esc_len - 1];
  int del = esc_len == 4 && esc[2] == '3' && k == '~';
  esc_len = 0;
  repl_buf *l = &repl.line;
  if (k == 'A' || k == 'B') {
    if (!history_len) return;
    if (k == 'A')
      hist_pos = hist_pos + 1 < history_len - 1 ? hist_pos + 1 : history_len - 1;
    else
      hist_pos = hist_pos - 1 > -1 ? hist_pos - 1 : -1;
    if (hist_pos >= 0)
      set_line(ctx, history[hist_pos].p, history[hist_pos].len);
    else
      set_line(ctx, "", 0);
  } else if (k == 'C') {
    if (repl.cursor < l->len) repl.cursor += char_len(l->p + repl.cursor, l->len - repl.cursor);
  } else if (k == 'D') {
    while (repl.cursor > 0 && is_cont(l->p[--repl.cursor])) {}
  } else if (k == 'H') {
    repl.cursor = 0;
  } else if (k == 'F') {
    repl.cursor = l->len;
  } else if (del && repl.cursor < l->len) {
    size_t c = char_len(l->p + repl.cursor, l->len - repl.cursor);
    memmove(l->p + repl.cursor, l->p + repl.cursor + c, l->len - repl.cursor - c + 1);
    l->len -= c;
  }
  redraw(ctx);
}

/* Terminal input, a character (s, n bytes) at a time: editing keys and escape sequences. */
static void key(duk_context *ctx, const char *s, size_t n)
{
  repl_buf *l = &repl.line;
  if (esc_len) {
    if (esc_len + n > sizeof esc) n = sizeof esc - esc_len; /* cannot happen: at most 4 + 4 */
    memcpy(esc + esc_len, s, n);
    esc_len += n;
    if (esc_len == 2 && (esc[1] == '[' || esc[1] == 'O')) return;
    if (esc_len == 3 && esc[1] == '[' && esc[2] >= '0' && esc[2] <= '9') return;
    escape_key(ctx);
    return;
  }
  switch (n == 1 ? (unsigned char)s[0] : 0x100) { /* a longer character is text */
    case '\x1b':
      esc[0] = s[0];
      esc_len = 1;
      return;
    case '\r':
    case '\n':
      duk_push_lstring(ctx, l->p ? l->p : "", l->len);
      l->len = 0;
      repl.cursor = 0;
      accept_line(ctx);
      if (plat_console_is_tty() || repl.terminal) repl_show_prompt(ctx);
      return;
    case '\x7f':
    case '\b':
      if (repl.cursor > 0) {
        size_t end = repl.cursor;
        while (repl.cursor > 0 && is_cont(l->p[--repl.cursor])) {}
        memmove(l->p + repl.cursor, l->p + end, l->len - end + 1);
        l->len -= end - repl.cursor;
      }
      break;
    case '\x01':
      if (!l->len && !repl.pending) {
        repl_enter_raw(ctx);
        return;
      }
      repl.cursor = 0;
      break;
    case '\x05': repl.cursor = l->len; break;
    case '\x03':
      repl_write(ctx, "^C\r\n");
      if (!l->len && !repl.pending) {
        duk_push_literal(ctx, "(To exit, press Ctrl-D or type .exit)");
        repl_print(ctx);
      }
      l->len = 0;
      repl.cursor = 0;
      repl.pending = 0;
      repl_buf_clear(&repl.pending_text);
      break;
    case '\x04':
      if (!l->len && repl.on_board) { /* a board has nothing to exit to: a soft reset */
        repl.pending = 0;
        repl_buf_clear(&repl.pending_text);
        repl_write(ctx, "\r\n");
        repl_soft_reset(ctx);
        repl_write(ctx, "soft reset\r\n");
        if (repl_run_boot(ctx)) return; /* main.js again, as MicroPython's soft reboot */
        break;
      }
      if (!l->len) {
        finish(ctx);
        return;
      }
      break;
    case '\x15': /* Ctrl-U: delete up to the cursor */
      memmove(l->p, l->p + repl.cursor, l->len - repl.cursor + 1);
      l->len -= repl.cursor;
      repl.cursor = 0;
      break;
    default:
      if (n == 1 && (unsigned char)s[0] < ' ') return;
      repl_buf_put(ctx, l, s, n); /* room, then move the tail */
      memmove(l->p + repl.cursor + n, l->p + repl.cursor, l->len - n - repl.cursor);
      memcpy(l->p + repl.cursor, s, n);
      repl.cursor += n;
  }
  redraw(ctx);
}

/* The console's input: a piece of text, or null at the end of input. */
static duk_ret_t on_input(duk_context *ctx)
{
  if (duk_is_null(ctx, 0)) {
    if (partial.len) {
      duk_push_lstring(ctx, partial.p, partial.len);
      repl_buf_clear(&partial);
      accept_line(ctx);
    }
    repl_buf_clear(&partial);
    finish(ctx);
    return 0;
  }
  duk_size_t n;
  const char *data = duk_require_lstring(ctx, 0, &n);
  if (!repl.raw && repl_boot_wants_input()) { /* the boot app's Ctrl-C */
    size_t took = repl_boot_input(ctx, data, n);
    data += took;
    n -= took;
    if (!n) return 0;
  }
  if (repl.raw) {
    repl_raw_input(ctx, data, n);
    return 0;
  }
  if (n && data[0] == '\x01' && !repl.line.len && !repl.pending && !partial.len) {
    repl_enter_raw(ctx);
    if (n > 1) repl_raw_input(ctx, data + 1, n - 1);
    return 0;
  }
  if (repl.terminal) {
    for (size_t i = 0; i < n;) {
      if (repl.raw) {
        repl_raw_input(ctx, data + i, n - i);
        return 0;
      }
      if (repl_boot_wants_input()) { /* Ctrl-D started main.js */
        i += repl_boot_input(ctx, data + i, n - i);
        continue;
      }
      size_t c = char_len(data + i, n - i);
      key(ctx, data + i, c);
      i += c;
    }
    return 0;
  }
  /* Piped input: whole lines, no echo, prompt after each one like Node's REPL. Ctrl-C
   * drops the unfinished line and entry; then Ctrl-A enters raw mode (as on a terminal). */
  const char *cc;
  while ((cc = memchr(data, '\x03', n)) != NULL) {
    n -= (size_t)(cc + 1 - data);
    data = cc + 1;
    repl_buf_clear(&partial);
    repl.pending = 0;
    repl_buf_clear(&repl.pending_text);
  }
  if (n && data[0] == '\x01' && !repl.pending && !partial.len) {
    repl_enter_raw(ctx);
    if (n > 1) repl_raw_input(ctx, data + 1, n - 1);
    return 0;
  }
  repl_buf_put(ctx, &partial, data, n);
  const char *nl;
  while (partial.len && (nl = memchr(partial.p, '\n', partial.len)) != NULL) {
    size_t len = (size_t)(nl - partial.p), rest = partial.len - len - 1;
    duk_push_lstring(ctx, partial.p, len && partial.p[len - 1] == '\r' ? len - 1 : len);
    memmove(partial.p, nl + 1, rest);
    partial.len = rest;
    accept_line(ctx);
    if (!plat_console_is_tty()) continue;
    repl_show_prompt(ctx);
  }
  return 0;
}

/* The console's stdout/stderr write and the input callback (lightfunc_names.h) */
static const petrel_lf_name repl_names[] = { { "write", stream_write, 1 }, { "write", stream_write, 2 },
                                             { "onInput", on_input, 0 }, { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(repl, repl_names);

/* core.replStart(opts): opts as module_load.c's runRepl passes them (terminal,
 * runModule, setExitHook, setUncaughtHook). */
duk_ret_t petrel_repl_start(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_get_prop_literal(ctx, 0, "terminal");
  repl.terminal = duk_to_boolean(ctx, -1) && plat_console_set_raw(1) == 0;
  duk_get_global_literal(ctx, "process");
  duk_get_prop_literal(ctx, -1, "platform");
  repl.on_board = !strcmp(duk_to_string(ctx, -1), "none");
  duk_get_prop_literal(ctx, 0, "runModule");
  duk_require_function(ctx, -1);
  repl.run_module = petrel_pin(ctx, -1);
  duk_pop_n(ctx, 4);

  /* global.console = new Console({ stdout, stderr }) writing through stream_write */
  petrel_require_builtin(ctx, "console");
  duk_get_prop_literal(ctx, -1, "Console");
  duk_push_object(ctx);
  for (int fd = 1; fd <= 2; fd++) {
    duk_push_object(ctx);
    duk_push_c_lightfunc(ctx, stream_write, 1, 1, fd);
    duk_put_prop_literal(ctx, -2, "write");
    duk_put_prop_string(ctx, -2, fd == 1 ? "stdout" : "stderr");
  }
  duk_new(ctx, 1);
  duk_put_global_literal(ctx, "console");
  duk_pop(ctx);

  repl_set_hooks(ctx, 0);
  repl_note_boot_globals(ctx);
  petrel_console_read_start_c(ctx, on_input);
  if (repl.terminal) {
    duk_get_global_literal(ctx, "process");
    duk_get_prop_literal(ctx, -1, "version");
    duk_get_prop_literal(ctx, -2, "board");
    duk_push_sprintf(ctx, "Welcome to Petrel %s (%s).\r\nType \".help\" for more information.\r\n",
                     duk_to_string(ctx, -2), duk_to_string(ctx, -1));
    repl_write(ctx, duk_get_string(ctx, -1));
    duk_pop_n(ctx, 4);
  }
  if (!repl_run_boot(ctx) && repl.terminal) repl_show_prompt(ctx);
  return 0;
}
