/* The application embedded at build time (make BOARD=mps2-an385 APP=file.js), kept
 * in flash and listed in the file store as /app.js. Without APP the blob is empty and
 * the firmware starts the REPL. PETREL_APP_FILE is set by board.mk. */
  .section .rodata.petrel_app, "a"
  .global petrel_app_start
  .global petrel_app_end
petrel_app_start:
#ifdef PETREL_APP_FILE
  .incbin PETREL_APP_FILE
#endif
petrel_app_end:
  .byte 0
