/*
 * Freed blocks kept for reuse, over malloc (built where the board asks for it:
 * PETREL_BLOCK_CACHE; runtime/vm.c and the board's lwIP heap call it).
 *
 * Why: newlib-nano's malloc is one address-ordered free list, walked from its head by
 * malloc (first fit) and by free (to insert in order); on mps2-an385 a malloc or a
 * free cost ~570 instructions on the board->host stream, ~1,400 of each per MiB (10 %
 * of the firmware's work, docs/bench.md). Half of them are lwIP's send buffers: one
 * ~1.5 KB block per segment, allocated by tcp_write and freed when the segment is
 * acknowledged, the same size over and over.
 *
 * How: lwIP frees a block of BC_MIN..BC_MAX usable bytes with bc_free_keep, which
 * keeps up to BC_KEEP of them (a send window's worth); bc_malloc gives a kept block
 * back for any request it fits with at most 1/8 to spare. Everything else is malloc's
 * as before. (Size-class lists for Duktape's small blocks, and slabs for them, were
 * measured too and left out: no fewer instructions once these are kept, and more RAM,
 * docs/bench.md.)
 *
 * RAM: kept blocks are never why the heap grows. While any are kept, the board's
 * _sbrk refuses to grow the heap for a call from here (bc_sbrk_soft; the Duktape heap
 * and lwIP both allocate through bc_malloc); malloc fails, the kept blocks go back to
 * malloc (where they join their free neighbours), and the call is tried again.
 *
 * Out of memory: NULL, never an abort, after that retry. Duktape then collects
 * garbage and tries again (its own retry), and the runtime turns a final failure into
 * a coded error (runtime/vm.c).
 */
#if defined(PETREL_BLOCK_CACHE) || defined(BC_BASE_MALLOC)
#include <stdint.h>
#include <string.h>
#include "block_cache.h"

#ifndef BC_BASE_MALLOC
#include <malloc.h>
#include <stdlib.h>
#define BC_BASE_MALLOC malloc
#define BC_BASE_FREE free
#define BC_BASE_REALLOC realloc
#define BC_BASE_USABLE malloc_usable_size
#else /* a test's own allocator (tests/unit/test_block_cache.c) */
void *BC_BASE_MALLOC(size_t size);
void BC_BASE_FREE(void *ptr);
void *BC_BASE_REALLOC(void *ptr, size_t size);
size_t BC_BASE_USABLE(void *ptr);
#endif

#define BC_KEEP 8 /* blocks kept: TCP_SND_BUF is 8 segments on mps2-an385 */
#define BC_MIN 1024
#define BC_MAX 2048

static void *kept[BC_KEEP];
static size_t kept_size[BC_KEEP];
static size_t kept_blocks, kept_bytes;
/* volatile: the compiler takes malloc for a function that reads no global of ours,
 * and without it dropped the store of 0 before the retry below. */
volatile int bc_sbrk_soft;

void bc_trim(void)
{
  for (int i = 0; i < BC_KEEP; i++)
    if (kept[i]) {
      BC_BASE_FREE(kept[i]);
      kept[i] = NULL;
    }
  kept_blocks = kept_bytes = 0;
}

void *bc_malloc(size_t size)
{
  if (size == 0) size = 1;
  if (kept_blocks && size >= BC_MIN - BC_MIN / 8 && size <= BC_MAX)
    for (int i = 0; i < BC_KEEP; i++)
      if (kept[i] && kept_size[i] >= size && kept_size[i] - size <= size / 8) {
        void *p = kept[i];
        kept[i] = NULL;
        kept_blocks--;
        kept_bytes -= kept_size[i];
        return p;
      }
  /* malloc; if it fails while blocks are kept (the board's _sbrk refuses to grow the
   * heap then), again once they are given back. */
  bc_sbrk_soft = kept_blocks != 0;
  void *p = BC_BASE_MALLOC(size);
  if (!p && bc_sbrk_soft) {
    bc_sbrk_soft = 0;
    bc_trim();
    p = BC_BASE_MALLOC(size);
  }
  bc_sbrk_soft = 0;
  return p;
}

void *bc_realloc(void *ptr, size_t size)
{
  if (!ptr) return bc_malloc(size);
  if (size == 0) size = 1;
  bc_sbrk_soft = kept_blocks != 0;
  void *p = BC_BASE_REALLOC(ptr, size);
  if (!p && bc_sbrk_soft) {
    bc_sbrk_soft = 0;
    bc_trim();
    p = BC_BASE_REALLOC(ptr, size);
  }
  bc_sbrk_soft = 0;
  return p;
}

void bc_free(void *ptr) { BC_BASE_FREE(ptr); }

void bc_free_keep(void *ptr)
{
  if (!ptr) return;
  size_t u = BC_BASE_USABLE(ptr);
  if (u >= BC_MIN && u <= BC_MAX)
    for (int i = 0; i < BC_KEEP; i++)
      if (!kept[i]) {
        kept[i] = ptr;
        kept_size[i] = u;
        kept_blocks++;
        kept_bytes += u;
        return;
      }
  BC_BASE_FREE(ptr);
}

size_t bc_usable_size(void *ptr) { return BC_BASE_USABLE(ptr); }

void bc_get_stats(struct bc_stats *st)
{
  st->kept_blocks = kept_blocks;
  st->kept_bytes = kept_bytes;
}
#endif
