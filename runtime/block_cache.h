/* Freed blocks kept for reuse over malloc (runtime/block_cache.c): what a board whose
 * malloc is one first-fit list (newlib-nano) gives the Duktape heap and lwIP. */
#ifndef PETREL_BLOCK_CACHE_H
#define PETREL_BLOCK_CACHE_H
#include <stddef.h>

void *bc_malloc(size_t size);
void *bc_realloc(void *ptr, size_t size); /* on failure ptr is left as it was */
void bc_free(void *ptr);                  /* straight back to malloc */
void bc_free_keep(void *ptr);             /* kept for reuse if it is a send buffer's size */
size_t bc_usable_size(void *ptr);
/* Gives the kept blocks back to malloc. */
void bc_trim(void);

struct bc_stats {
  size_t kept_blocks;
  size_t kept_bytes;
};
void bc_get_stats(struct bc_stats *st);

/* Set while block_cache.c calls malloc with blocks kept: the board's _sbrk then
 * refuses to grow the heap, malloc fails, and the blocks are given back before the
 * call is tried again, so kept blocks never move the heap's high-water mark. */
extern volatile int bc_sbrk_soft;

#endif
