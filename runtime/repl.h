/* The REPL's shared state (runtime/repl.c: input and line editing; runtime/repl_run.c:
 * evaluation, printing and the raw mode protocol). Text is kept as Duktape's bytes
 * (UTF-8 from the console); the cursor moves a whole character at a time. */
#ifndef PETREL_REPL_H
#define PETREL_REPL_H

#include <stddef.h>
#include "duktape.h"

/* A growable byte string in native memory (counted as external, under the heap
 * limit); growing it throws a RangeError on a full heap. */
typedef struct {
  char *p;
  size_t len, cap;
} repl_buf;

typedef struct {
  int terminal;     /* a terminal in raw mode: the REPL echoes and edits */
  int on_board;     /* process.platform === 'none' */
  int prompt_shown; /* output from callbacks goes above the prompt */
  int pending;      /* lines of an unfinished statement (joined in pending_text) */
  int raw;          /* raw mode (tools/petrel-tool) */
  int running;      /* a raw-mode run is under way */
  repl_buf line;    /* the line being typed, cursor a byte offset in it */
  size_t cursor;
  repl_buf pending_text;
  repl_buf raw_buf; /* the raw request being received */
  void *run_module; /* module_load.c's runModule, pinned */
} repl_state;

extern repl_state repl;

void repl_buf_put(duk_context *ctx, repl_buf *b, const char *s, size_t len);
/* Empties b; a large one (an uploaded file) goes back to the heap. */
void repl_buf_clear(repl_buf *b);
/* Raw bytes to the console (fd 1): the prompt, redraws, the raw protocol. */
void repl_write(duk_context *ctx, const char *s);
/* s (n bytes) to fd as the REPL's console streams write it: \n as \r\n on a terminal,
 * above the prompt when it is up (then redrawn if redraw_after). Uses no heap unless s
 * holds surrogates (or the redraw), so a full heap's error report still gets out. */
void repl_out(duk_context *ctx, int fd, const char *s, size_t n, int redraw_after);
/* global.console[method](the value on top), popped: "log", or "error". */
void repl_console(duk_context *ctx, const char *method);
#define repl_print(ctx) repl_console(ctx, "log")
/* Does text contain word (lower case), ignoring ASCII case? */
int repl_has_word(const char *text, const char *word);
void repl_show_prompt(duk_context *ctx);
/* Is c (UTF-8 at s, n bytes left) JS whitespace (\s)? Returns its length, or 0. */
size_t repl_space_len(const char *s, size_t n);

/* repl_run.c */
void repl_evaluate(duk_context *ctx, const char *src, size_t len);
void repl_enter_raw(duk_context *ctx);
/* The soft reset (Ctrl-D at a board's empty prompt, the raw request //@petrel:soft-reset):
 * every socket, server, timer, immediate, tick and pending lookup closed or dropped (no
 * callback of theirs runs again); the modules (the scripts' own and the built-in ones
 * loaded since boot), the globals, process's properties and listeners and the stash
 * entries added since boot dropped; then compacting collections: the heap is back to its
 * boot figure. The files stay. repl_note_boot_globals notes what there is at boot
 * (names only: no lazy global is made by it). */
void repl_soft_reset(duk_context *ctx);
/* repl_file.c: a raw put (kind 1), sha256 (2) or get (3) request, req the n bytes after
 * its tag; answers with the raw protocol's status. */
void repl_file_request(duk_context *ctx, const char *req, size_t n, int kind);
void repl_note_boot_globals(duk_context *ctx);
void repl_raw_input(duk_context *ctx, const char *s, size_t len);
/* The boot app (a board's /main.js, at boot and after Ctrl-D's soft reset): started
 * unless there is none or a Ctrl-C came first; 1 if it was (its end shows the prompt). */
int repl_run_boot(duk_context *ctx);
/* Console input that concerns the boot app: while it runs, input is dropped but for
 * Ctrl-C, which ends it (the prompt comes); after a statement of it was interrupted,
 * the Ctrl-C that did it. Returns how many bytes of data it took. */
size_t repl_boot_input(duk_context *ctx, const char *data, size_t n);
int repl_boot_wants_input(void);
/* Sets up the hooks process.c offers (exit and uncaught errors during raw runs). */
void repl_set_hooks(duk_context *ctx, duk_idx_t opts);

#endif
