/* The application embedded at build time (make BOARD=mps2-an385 APP=file.js), kept
 * in flash and listed in the file store as /app.js, and its line table (tools/build.js)
 * as /app.js.lines. Without APP the blobs are empty and the firmware starts the REPL.
 * PETREL_APP_FILE and PETREL_APP_LINES are set by board.mk. */
  .section .rodata.petrel_app, "a"
  .global petrel_app_start
  .global petrel_app_end
  .global petrel_app_lines_start
  .global petrel_app_lines_end
petrel_app_start:
#ifdef PETREL_APP_FILE
  .incbin PETREL_APP_FILE
#endif
petrel_app_end:
  .byte 0
petrel_app_lines_start:
#ifdef PETREL_APP_LINES
  .incbin PETREL_APP_LINES
#endif
petrel_app_lines_end:
  .byte 0
