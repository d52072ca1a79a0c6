/* The CommonJS wrapper around a module's text (runtime/module_load.c). A header of
 * its own because a board that embeds an app in flash (boards/mps2-an385/app_embed.S)
 * writes the same text before and after it, so the loader compiles the app in place
 * (plat_file_in_place) instead of copying it into RAM. Plain string literals: the
 * assembler reads them too. */
#ifndef PETREL_MODULE_WRAPPER_H
#define PETREL_MODULE_WRAPPER_H
#define PETREL_WRAPPER_HEAD "function (exports, require, module, __filename, __dirname) {"
#define PETREL_WRAPPER_TAIL "\n}"
#endif
