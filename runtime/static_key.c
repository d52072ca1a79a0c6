/* A debug check for the keys C finds by their address (PETREL_CHECK_STATIC_KEYS,
 * linux-asan): Duktape's literal cache (tools/duktape_patch.py, edit 19) and the
 * packed stream fields' memo (modules/stream_packed.c) keep what they found for a
 * C string by the string's address, so the string must never change there: a
 * literal or a static table's entry, which lie in the program's read-only data.
 * A stack buffer, a heap block or a string Duktape returned does not, and its
 * address can hold other bytes of the same length later ("Function" where
 * "function" was). The check aborts on such a key, naming it. Other builds leave
 * it out (runtime/duk_config_common.h: PETREL_DUK_STATIC_KEY). */
#if defined(PETREL_CHECK_STATIC_KEYS)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "static_key.h"
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#define MAX_RANGES 8
static struct {
  uintptr_t lo, hi;
} ranges[MAX_RANGES];
static int n_ranges = -1; /* -1: not looked up yet */

/* The main program comes first; its loadable segments without write permission. */
static int first_object(struct dl_phdr_info *info, size_t size, void *data)
{
  (void)size;
  (void)data;
  n_ranges = 0;
  for (int i = 0; i < info->dlpi_phnum && n_ranges < MAX_RANGES; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W)) continue;
    ranges[n_ranges].lo = (uintptr_t)info->dlpi_addr + ph->p_vaddr;
    ranges[n_ranges].hi = ranges[n_ranges].lo + ph->p_memsz;
    n_ranges++;
  }
  return 1; /* stop after the main program */
}

int petrel_static_key_ok(const void *key, size_t len)
{
  if (n_ranges < 0) dl_iterate_phdr(first_object, NULL);
  uintptr_t p = (uintptr_t)key;
  for (int i = 0; i < n_ranges; i++)
    if (p >= ranges[i].lo && p <= ranges[i].hi && len <= ranges[i].hi - p) return 1;
  return 0;
}

void petrel_static_key_check(const void *key, size_t len)
{
  if (petrel_static_key_ok(key, len)) return;
  fprintf(stderr,
          "petrel: a key found by its address is not in read-only data: \"%.*s\" at %p "
          "(literal calls and petrel_*_static take literals and static tables only)\n",
          (int)(len > 64 ? 64 : len), (const char *)key, key);
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_print_stack_trace();
#endif
  abort();
}
#else
typedef int petrel_static_key_unused; /* ISO C wants something in a translation unit */
#endif
