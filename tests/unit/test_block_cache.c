// sources: runtime/block_cache.c
// cflags: -DBC_BASE_MALLOC=t_malloc -DBC_BASE_FREE=t_free -DBC_BASE_REALLOC=t_realloc -DBC_BASE_USABLE=t_usable
/* The board's block cache (runtime/block_cache.c) over a malloc with a budget and
 * newlib-nano's usable sizes that, like the board's _sbrk, refuses to grow its
 * high-water mark while block_cache.c says so (bc_sbrk_soft). Random allocations,
 * frees (kept or not) and reallocs are checked against a reference (each block's
 * bytes); kept blocks are reused without malloc, never raise the high-water mark, and
 * exhaustion gives NULL, never a crash, and recovers once memory is freed. */
#include <criterion/criterion.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "block_cache.h"

/* ---- the base allocator: malloc with a budget, with newlib-nano's usable sizes ---- */
static size_t live, high, budget = SIZE_MAX;
static long base_blocks, base_calls;

static size_t nano_size(size_t n) { return n <= 4 ? 8 : ((n + 3) & ~(size_t)3) + 4; }

void *t_malloc(size_t n)
{
  base_calls++;
  n = nano_size(n);
  if (live + n > budget || (bc_sbrk_soft && live + n > high)) return NULL;
  void *p = malloc(n);
  if (!p) return NULL;
  live += malloc_usable_size(p);
  if (live > high) high = live;
  base_blocks++;
  return p;
}

void t_free(void *p)
{
  if (!p) return;
  live -= malloc_usable_size(p);
  base_blocks--;
  free(p);
}

void *t_realloc(void *p, size_t n)
{
  base_calls++;
  if (!p) return t_malloc(n);
  n = nano_size(n);
  size_t old = malloc_usable_size(p);
  if (n > old && (live - old + n > budget || (bc_sbrk_soft && live - old + n > high))) return NULL;
  void *q = realloc(p, n);
  if (!q) return NULL;
  live = live - old + malloc_usable_size(q);
  if (live > high) high = live;
  return q;
}

size_t t_usable(void *p) { return malloc_usable_size(p); }

/* ---- the reference: every live block, its size and the bytes it must hold ---- */
typedef struct {
  unsigned char *p;
  size_t n;
  unsigned seed;
} ref_block;

static void fill(ref_block *b)
{
  for (size_t i = 0; i < b->n; i++) b->p[i] = (unsigned char)(b->seed + i * 31u);
}

static int intact(const ref_block *b, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (b->p[i] != (unsigned char)(b->seed + i * 31u)) return 0;
  return 1;
}

static size_t rand_size(void)
{
  switch (rand() % 4) {
  case 0: return (size_t)(rand() % 4000) + 1;
  case 1: return (size_t)(rand() % 200) + 1;
  default: return (size_t)(rand() % 1200) + 900; /* around the kept sizes */
  }
}

Test(block_cache, send_buffers_are_reused_without_malloc)
{
  void *p[12];
  for (int i = 0; i < 12; i++) cr_assert_not_null(p[i] = bc_malloc(1556));
  for (int i = 0; i < 12; i++) bc_free_keep(p[i]);
  struct bc_stats st;
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, 8, "a window's worth kept (%zu)", st.kept_blocks);
  cr_expect_eq(base_blocks, 8, "the rest went back to malloc (%ld blocks)", base_blocks);
  long calls = base_calls;
  for (int i = 0; i < 8; i++) cr_assert_not_null(p[i] = bc_malloc(1500 + i));
  cr_expect_eq(base_calls, calls, "the kept blocks served them");
  cr_assert_not_null(p[8] = bc_malloc(1556));
  cr_expect_eq(base_calls, calls + 1, "then malloc again");
  for (int i = 0; i < 9; i++) bc_free_keep(p[i]);
  /* not for a request much smaller than the block, nor from a plain free */
  calls = base_calls;
  void *small = bc_malloc(1000);
  cr_expect_eq(base_calls, calls + 1, "a block half again as big is not used for 1000 B");
  bc_free(small);
  bc_get_stats(&st);
  size_t kept = st.kept_blocks;
  void *other = bc_malloc(1556);
  bc_free(other);
  void *tiny = bc_malloc(100);
  bc_free_keep(tiny);
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, kept - 1, "bc_free and small blocks are not kept");
  bc_trim();
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, 0);
  cr_expect_eq(st.kept_bytes, 0);
  cr_expect_eq(base_blocks, 0, "%ld blocks left in malloc's hands after bc_trim", base_blocks);
  bc_free(NULL);
  bc_free_keep(NULL);
}

Test(block_cache, random_against_reference)
{
  enum { SLOTS = 400, OPS = 200000 };
  static ref_block b[SLOTS];
  srand(17);
  for (long op = 0; op < OPS; op++) {
    ref_block *x = &b[rand() % SLOTS];
    int what = rand() % 4;
    if (!x->p) {
      x->n = rand_size();
      x->seed = (unsigned)rand();
      x->p = bc_malloc(x->n);
      cr_assert_not_null(x->p);
      cr_assert_geq(bc_usable_size(x->p), x->n);
      fill(x);
    } else if (what < 2) {
      cr_assert(intact(x, x->n), "block of %zu changed before its free (op %ld)", x->n, op);
      if (what == 0)
        bc_free(x->p);
      else
        bc_free_keep(x->p);
      x->p = NULL;
    } else {
      size_t n = rand_size();
      unsigned char *q = bc_realloc(x->p, n);
      cr_assert_not_null(q);
      x->p = q;
      cr_assert(intact(x, n < x->n ? n : x->n), "realloc %zu -> %zu lost bytes (op %ld)", x->n, n, op);
      cr_assert_geq(bc_usable_size(q), n);
      x->n = n;
      fill(x);
    }
  }
  for (int i = 0; i < SLOTS; i++)
    if (b[i].p) {
      cr_assert(intact(&b[i], b[i].n));
      bc_free(b[i].p);
    }
  bc_trim();
  cr_expect_eq(base_blocks, 0, "%ld malloc blocks left", base_blocks);
  cr_expect_eq(live, 0);
}

/* Out of memory: NULL, from small and large requests alike; after frees the same
 * requests succeed again. */
Test(block_cache, exhaustion_gives_null_and_recovers)
{
  budget = 64 * 1024;
  static void *p[4000];
  int n = 0;
  srand(5);
  while (n < 4000 && (p[n] = bc_malloc(rand_size()))) n++;
  cr_assert_lt(n, 4000, "the budget never ran out");
  for (size_t k = 1; k <= 4096; k *= 2)
    while (n < 4000 && (p[n] = bc_malloc(k))) n++; /* what is left, by size */
  for (size_t k = 1; k <= 4096; k *= 2) cr_expect_null(bc_malloc(k), "a block of %zu on a full heap", k);
  cr_expect_null(bc_malloc(1556));
  void *keep = p[0];
  cr_expect_null(bc_realloc(keep, 60000), "a realloc that does not fit fails");
  cr_expect_geq(bc_usable_size(keep), 1);
  for (int i = 1; i < n; i++) bc_free_keep(p[i]); /* some kept, the rest freed */
  struct bc_stats st;
  bc_get_stats(&st);
  cr_expect_gt(st.kept_blocks, 0);
  void *big = bc_malloc(budget - live + st.kept_bytes / 2); /* needs the kept blocks' room */
  cr_expect_not_null(big, "everything else freed, a big block fits again (live %zu)", live);
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, 0, "the kept blocks were given back for it");
  bc_free(big);
  bc_free(keep);
}

/* Kept blocks never make the heap grow: with blocks kept, a malloc that would raise
 * the high-water mark fails, the blocks go back, and the malloc is retried and fits
 * in their room. */
Test(block_cache, kept_blocks_never_raise_the_high_water)
{
  void *p[8];
  for (int i = 0; i < 8; i++) cr_assert_not_null(p[i] = bc_malloc(1556));
  for (int i = 0; i < 8; i++) bc_free_keep(p[i]);
  struct bc_stats st;
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, 8);
  size_t hw = high;
  cr_expect_eq(live, hw);
  void *big = bc_malloc(st.kept_bytes / 2); /* fits only in the kept blocks' room */
  cr_assert_not_null(big);
  cr_expect_leq(high, hw, "high-water %zu -> %zu", hw, high);
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, 0, "the kept blocks were given back");
  /* the same for a realloc */
  for (int i = 0; i < 8; i++) cr_assert_not_null(p[i] = bc_malloc(1556));
  bc_free(big);
  for (int i = 0; i < 8; i++) bc_free_keep(p[i]);
  hw = high;
  void *r = bc_malloc(16);
  cr_assert_not_null(r);
  r = bc_realloc(r, hw - live + 1000); /* more than the heap has below its high-water */
  cr_assert_not_null(r);
  bc_get_stats(&st);
  cr_expect_eq(st.kept_blocks, 0);
  bc_free(r);
}

/* A growing realloc that cannot fit leaves the block as it was; one that fits keeps
 * its bytes, growing or shrinking. */
Test(block_cache, realloc_failure_keeps_the_block)
{
  unsigned char *p = bc_malloc(100);
  cr_assert_not_null(p);
  memset(p, 7, 100);
  budget = live; /* nothing more fits */
  cr_expect_null(bc_realloc(p, 1000));
  for (int i = 0; i < 100; i++) cr_assert_eq(p[i], 7);
  budget = SIZE_MAX;
  unsigned char *q = bc_realloc(p, 1000);
  cr_assert_not_null(q);
  for (int i = 0; i < 100; i++) cr_assert_eq(q[i], 7);
  p = bc_realloc(q, 10);
  cr_assert_not_null(p);
  for (int i = 0; i < 10; i++) cr_assert_eq(p[i], 7);
  bc_free(p);
}
