/* petrel [options] [script.js [args...]] : the command-line entry point. */
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "builtins.h"
#include "platform.h"

extern int petrel_argc;
extern char **petrel_argv;

/* PETREL_NO_CLI (a board: main() gets only the app's path or -i from its startup
 * code) leaves out the options nobody can type there, and this text. */
#if !defined(PETREL_NO_CLI)
static const char usage[] = "Usage: petrel [options] [script.js [arguments]]\n"
                            "       petrel                 start the REPL\n\n"
                            "Options:\n"
                            "  -e, --eval <code>     evaluate code\n"
                            "  -p, --print <code>    evaluate code and print the result\n"
                            "  -i, --interactive     start the REPL even if stdin is not a terminal\n"
                            "  --expose-gc           make gc() a global that collects the heap's garbage\n"
                            "  -v, --version         print Petrel's version\n"
                            "  -h, --help            print this help\n";
#endif

static void say(int fd, const char *s) { plat_console_write(fd, s, strlen(s)); }

static duk_ret_t compile_bootstrap(duk_context *ctx, void *b)
{
  petrel_builtin_compile(ctx, b, "", "");
  return 1;
}

/* Runs bootstrap.js: it returns the object whose methods start each mode. */
static void bootstrap(duk_context *ctx)
{
  duk_push_global_stash(ctx);
  duk_push_object(ctx);
  duk_put_prop_literal(ctx, -2, "bindings");
  duk_pop(ctx);

  const petrel_builtin *b = petrel_builtin_find("internal/bootstrap");
  if (duk_safe_call(ctx, compile_bootstrap, (void *)b, 0, 1) != 0 ||
      (petrel_push_binding(ctx, "core"), duk_pcall(ctx, 1)) != 0) {
    duk_safe_to_stacktrace(ctx, -1);
    say(2, "petrel: bootstrap failed: ");
    say(2, duk_safe_to_string(ctx, -1));
    say(2, "\n");
    plat_exit(70);
  }
  /* [entry] */
}

int main(int argc, char **argv)
{
  const char *eval_code = NULL, *script = NULL;
  int print_result = 0, interactive = 0, expose_gc = 0, i;
  /* Options come first; the first word that is not one, or what follows "--", ends
   * them. As in node: without -e/-p that word is the script and the rest its
   * arguments; with -e/-p there is no script, and every word left is an argument
   * (`node -e CODE a b`, `node -p CODE -- a`: process.argv is [execPath, a, b]). */
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (a[0] != '-' || strcmp(a, "-") == 0) break;
    if (!strcmp(a, "-i") || !strcmp(a, "--interactive")) {
      interactive = 1;
      continue;
    }
#if !defined(PETREL_NO_CLI)
    if (!strcmp(a, "--expose-gc") || !strcmp(a, "--expose_gc")) {
      expose_gc = 1;
      continue;
    }
    if (!strcmp(a, "-v") || !strcmp(a, "--version")) {
      say(1, "v" PETREL_VERSION "\n");
      return 0;
    }
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      say(1, usage);
      return 0;
    }
    if (!strcmp(a, "-e") || !strcmp(a, "--eval") || !strcmp(a, "-p") || !strcmp(a, "--print")) {
      print_result = a[1] == 'p' || a[2] == 'p';
      if (i + 1 >= argc) {
        say(2, "petrel: ");
        say(2, a);
        say(2, " requires an argument\n");
        return 9;
      }
      eval_code = argv[++i];
      continue;
    }
#endif
    say(2, "petrel: bad option: ");
    say(2, a);
    say(2, "\n");
    return 9;
  }
  if (!eval_code && i < argc) script = argv[i++];

  /* process.argv: [execPath, script, args...], or [execPath, args...] for -e/-p and
   * the REPL; runMain (module_load.c) replaces the script's name with its resolved path. */
  petrel_argc = 0;
  petrel_argv = calloc((size_t)argc + 1, sizeof *petrel_argv);
  petrel_argv[petrel_argc++] = argv[0];
  if (script) petrel_argv[petrel_argc++] = (char *)script;
  for (; i < argc; i++) petrel_argv[petrel_argc++] = argv[i];

  plat_init(argc, argv);
  duk_context *ctx = petrel_vm_create();
  if (!ctx) {
    say(2, "petrel: out of memory\n");
    return 70;
  }
  bootstrap(ctx);
  petrel_net_config(ctx); /* the store's /net.json, else the build's settings (netcfg.c) */
  if (expose_gc) { /* global.gc(), as node --expose-gc: the core binding's collector */
    petrel_push_binding(ctx, "core");
    duk_get_prop_literal(ctx, -1, "gc");
    duk_put_global_literal(ctx, "gc");
    duk_pop(ctx);
  }
  loop_update_time(); /* as libuv: timers set by the main script count from its start */

  if (script) {
    duk_push_literal(ctx, "runMain");
    duk_push_string(ctx, script);
    if (duk_pcall_prop(ctx, -3, 1) != 0) petrel_fatal_exception(ctx);
    duk_pop(ctx);
  } else if (eval_code) {
    duk_push_literal(ctx, "runEval");
    duk_push_string(ctx, eval_code);
    duk_push_boolean(ctx, print_result);
    if (duk_pcall_prop(ctx, -4, 2) != 0) petrel_fatal_exception(ctx);
    duk_pop(ctx);
  }
  if (!script && (!eval_code || interactive)) {
    if (interactive || plat_console_is_tty() || !eval_code) {
      duk_push_literal(ctx, "runRepl");
      duk_push_boolean(ctx, interactive || plat_console_is_tty());
      if (duk_pcall_prop(ctx, -3, 1) != 0) petrel_fatal_exception(ctx);
      duk_pop(ctx);
    }
  }
  petrel_run_ticks(ctx);
  /* Compiling the built-ins and the script left garbage behind: collect it
   * and return the pages before the loop settles into its steady state. */
  duk_gc(ctx, 0);
  duk_gc(ctx, 0);
  plat_mem_release();
  loop_run(ctx);

  /* Nothing keeps the loop alive: 'exit' listeners, then the exit code. */
  duk_push_literal(ctx, "exit");
  int code = 0;
  if (duk_pcall_prop(ctx, -2, 0) == 0)
    code = duk_get_int_default(ctx, -1, 0);
  else
    petrel_fatal_exception(ctx);
  plat_exit(code);
  return code;
}
