/* The application embedded at build time (make BOARD=mps2-an385 APP=file.js), kept
 * in flash and listed in the file store as /app.js, and its line table (tools/build.js)
 * as /app.js.lines. Without APP the blobs are empty and the firmware starts the REPL.
 * PETREL_APP_FILE and PETREL_APP_LINES are set by board.mk, and PETREL_APP_MAIN, how
 * the app runs (startup.c): 0 as the REPL's boot app (APP_MODE=boot, the default), 1 as
 * the firmware's main program with no REPL (APP_MODE=main; make app-image). The
 * module wrapper's text around the app lets the loader compile it in flash. */
#include "module_wrapper.h"
  .section .rodata.petrel_app, "a"
  .global petrel_app_start
  .global petrel_app_end
  .global petrel_app_lines_start
  .global petrel_app_lines_end
  /* The module wrapper around the app (runtime/module_wrapper.h): the loader
   * compiles it here in flash instead of copying it into RAM (plat_file_in_place). */
  .ascii PETREL_WRAPPER_HEAD
petrel_app_start:
#ifdef PETREL_APP_FILE
  .incbin PETREL_APP_FILE
#endif
petrel_app_end:
  .ascii PETREL_WRAPPER_TAIL
  .byte 0
petrel_app_lines_start:
#ifdef PETREL_APP_LINES
  .incbin PETREL_APP_LINES
#endif
petrel_app_lines_end:
  .byte 0
  .global petrel_app_as_main
petrel_app_as_main:
#if defined(PETREL_APP_MAIN) && PETREL_APP_MAIN
  .byte 1
#else
  .byte 0
#endif
