/*
 * mps2-an385: the board functions of the lwIP backend (platform/lwip/lwip_board.h) that are not drivers:
 * clocks, sleeping, console, exit, memory figures, randomness.
 */
#include <stdlib.h>
#include <string.h>
#include "mps2.h"
#include "platform.h"
#include "lwip_board.h"
#include "lwip/stats.h"
#include "lwip/netif.h"
#include "block_cache.h"

/* ---- SysTick: a 1 ms tick from the 25 MHz core clock ---- */
#define TICK_RELOAD (MPS2_CORE_HZ / 1000u - 1u)
static volatile uint64_t ticks_ms;

void clock_init(void)
{
  SYST_CSR = 0;
  SYST_RVR = TICK_RELOAD;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
}

void systick_handler(void) { ticks_ms++; }

uint64_t clock_ms(void)
{
  uint32_t m = irq_save();
  uint64_t t = ticks_ms;
  irq_restore(m);
  return t;
}

/* Milliseconds plus the elapsed part of the current tick (40 ns resolution). */
uint64_t clock_ns(void)
{
  uint32_t m = irq_save();
  uint64_t ms = ticks_ms;
  uint32_t val = SYST_CVR;
  if (SCB_ICSR & SCB_ICSR_PENDSTSET) { /* wrapped while masked: the tick is not counted yet */
    ms++;
    val = SYST_CVR;
  }
  irq_restore(m);
  return ms * 1000000u + (uint64_t)(TICK_RELOAD - val) * (1000000000u / MPS2_CORE_HZ);
}

uint64_t plat_now_ms(void) { return clock_ms(); }
uint64_t plat_hrtime_ns(void) { return clock_ns(); }

/* Wall clock: the host's time (semihosting SYS_TIME, whole seconds) read once at
 * start-up, advanced by SysTick. Without a debugger it starts at 0 (1970). */
static double epoch_at_boot_ms;

double plat_wallclock_ms(void) { return epoch_at_boot_ms + (double)clock_ms(); }

/* ---- sleeping ---- */
volatile int board_wake_flag;
struct board_cpu board_cpu;

void board_wake(void) { board_wake_flag = 1; }

/* WFI with interrupts masked: a pending interrupt still ends the WFI, and the
 * handler runs right after the unmask, so no wake-up can slip in between the check
 * and the sleep. The 1 ms SysTick also ends each WFI; it only advances the clock. */
void board_sleep(int timeout_ms)
{
  uint64_t deadline = timeout_ms < 0 ? UINT64_MAX : clock_ms() + (uint64_t)timeout_ms;
  uint64_t start = clock_ns();
  board_cpu.slept_at_ns = start;
  for (;;) {
    uint32_t m = irq_save();
    if (board_wake_flag) {
      board_wake_flag = 0;
      irq_restore(m);
      break;
    }
    if (clock_ms() >= deadline) {
      irq_restore(m);
      break;
    }
    __asm volatile("wfi");
    irq_restore(m);
  }
  board_cpu.idle_ns += clock_ns() - start;
}

/* ---- console: UART0 ---- */
void plat_console_write(int fd, const void *buf, size_t len)
{
  (void)fd; /* stdout and stderr share the UART */
  uart_write(buf, len);
}

long board_console_read(char *buf, size_t max) { return (long)uart_read(buf, max); }
int plat_console_is_tty(void) { return 1; }
/* The UART never echoes or edits lines: it is always "raw". */
int plat_console_set_raw(int raw)
{
  (void)raw;
  return 0;
}

/* ---- lwIP's randomness: xorshift128 seeded by plat_random (not cryptographic) ---- */
static uint32_t rnd[4] = { 0x50455452u, 0x454c2121u, 0x6d707332u, 0x616e3338u };

uint32_t board_rand(void)
{
  uint32_t t = rnd[3], s = rnd[0];
  rnd[3] = rnd[2];
  rnd[2] = rnd[1];
  rnd[1] = s;
  t ^= t << 11;
  t ^= t >> 8;
  rnd[0] = t ^ s ^ (s >> 19);
  return rnd[0];
}

static void seed_rand(uint32_t a, uint32_t b)
{
  rnd[0] ^= a;
  rnd[1] ^= b;
  for (int i = 0; i < 16; i++) board_rand();
}

/* ---- life cycle ---- */

int board_init(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  int t = semihost_call(SEMIHOST_SYS_TIME, NULL);
  epoch_at_boot_ms = t > 0 ? (double)t * 1000.0 - (double)clock_ms() : 0.0;
  /* lwIP's numbers (ports, ISNs, DNS ids) from a generator seeded by the platform's
   * source, the one route to entropy (plat_random; TEST-ONLY under QEMU). */
  uint32_t seed[2] = { 0, 0 };
  (void)plat_random(seed, sizeof seed);
  seed_rand(seed[0], seed[1]);
  board_filestore_init();
  return 0;
}

#ifndef PETREL_MPS2_REPORT
#define PETREL_MPS2_REPORT 0
#endif

static void put_dec(size_t v)
{
  char buf[12];
  int n = 0;
  do {
    buf[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v && n < 11);
  while (n) uart_write(&buf[--n], 1);
}

/* The Cortex-M3's system reset (AIRCR.SYSRESETREQ, with its key), once the UART has
 * sent what was written: the board boots again as at power on (QEMU reloads the image);
 * RAM, and so the store, is lost. */
int plat_hard_reset(int check)
{
  if (check) return 0;
  uart_flush();
  __asm volatile("dsb" ::: "memory");
  REG32(0xE000ED0Cu) = 0x05FA0004u;
  __asm volatile("dsb" ::: "memory");
  for (;;) {}
}

void board_exit(int status)
{
  if (PETREL_MPS2_REPORT) { /* make ... EXTRA_CFLAGS=-DPETREL_MPS2_REPORT=1: RAM figures at exit */
    board_puts("[mps2] stack high-water ");
    put_dec(board_stack_high_water());
    board_puts(" B, heap extent ");
    put_dec(board_heap_extent());
    board_puts(" B\r\n");
  }
  uart_flush();
  board_halt(status);
}

const char *plat_name(void) { return "mps2-an385"; }
const char *plat_os(void) { return "none"; }

/* RAM in use: static data, the heap's extent (newlib never gives memory back to
 * _sbrk, so this is also the heap's high-water mark), the file store at the top of
 * RAM and the deepest stack use. */
extern char __data_start[], __bss_end[];

size_t board_rss(void)
{
  return (size_t)(__bss_end - __data_start) + board_heap_extent() + board_filestore_top() + board_stack_high_water();
}

/* node's os module (plat_os_info_get): the board's RAM, what malloc can still hand
 * out (its free blocks and the room up to the file store), the time since reset and
 * the name DHCP sends (/net.json's "hostname", else "petrel"); release: Petrel's
 * version (modules/os_binding.c). */
extern char __heap_end[];
/* newlib-nano's free list (nano-mallocr.c: a free chunk starts with its size, then the
 * next one); mallinfo() would add stdio's 4 KB (it comes with malloc_stats). */
struct nano_chunk {
  long size;
  struct nano_chunk *next;
};
extern struct nano_chunk *__malloc_free_list;

void plat_os_info_get(plat_os_info *out)
{
  memset(out, 0, sizeof *out);
  out->total_mem = (uint64_t)(uintptr_t)(__heap_end - (char *)0x20000000);
  out->free_mem = (uint64_t)(board_heap_end - board_heap_break());
  for (struct nano_chunk *c = __malloc_free_list; c; c = c->next) out->free_mem += (uint64_t)c->size;
  out->uptime = (double)plat_now_ms() / 1000;
  const char *h = netif_default && netif_default->hostname ? netif_default->hostname : "petrel";
  strncpy(out->hostname, h, sizeof out->hostname - 1);
  strcpy(out->type, "Petrel");
  strcpy(out->version, PETREL_BOARD_NAME);
  strcpy(out->machine, "armv7-m");
  strcpy(out->cpu_model, "Arm Cortex-M3");
  out->cpu_mhz = 25;
  out->cpus = 1;
}

/* No one counts where the CPU's time goes: os.cpus() says 0. */
int plat_cpu_times(unsigned cpu, double times[5])
{
  (void)cpu;
  (void)times;
  return PLAT_ENOTSUP;
}

void board_lwip_assert(int line)
{
  uint32_t lr = (uint32_t)(uintptr_t)__builtin_return_address(0);
  board_puts("\r\nPETREL PANIC lwIP assertion failed: line ");
  put_dec((size_t)line);
  board_puts(" called from ");
  board_puthex(lr);
  board_puts("\r\n");
  board_halt(134);
}

/* lwIP's heap (lwipopts.h, MEM_CUSTOM_ALLOCATOR): malloc's arena, shared with the JS
 * heap, through runtime/block_cache.c (which keeps freed send buffers for the next
 * segments), with at most MEM_SIZE bytes in lwIP's hands (mem.c counts each block's requested
 * size in lwip_stats.mem.used; tcp_budget.c sizes its per-connection bound on it).
 * When the arena has no block, the reserve below: LWIP_RESERVE bytes only lwIP uses,
 * cut into blocks first-fit. Each block starts with a header word (its length in
 * words, the top bit set while in use); free neighbours are joined as the search
 * walks over them. The reserve is taken from the arena, and kept, once lwIP holds
 * LWIP_RESERVE bytes of its heap (data in flight: the case it is for); until then
 * (a program without connections, or the few blocks of the stack's own traffic) the
 * 4 KiB serve the JS heap. */
#define RES_WORDS (LWIP_RESERVE / 4)
#define RES_USED 0x80000000u
static uint32_t *reserve;

static int in_lwip_reserve(const void *p)
{
  return reserve && (const uint32_t *)p >= reserve && (const uint32_t *)p < reserve + RES_WORDS;
}

static void *reserve_alloc(size_t size)
{
  uint32_t want = (uint32_t)((size + 3) / 4) + 1; /* + the header */
  if (!reserve) return NULL;
  for (uint32_t i = 0; i < RES_WORDS;) {
    uint32_t len = reserve[i] & ~RES_USED;
    if (!(reserve[i] & RES_USED)) {
      while (i + len < RES_WORDS && !(reserve[i + len] & RES_USED)) len += reserve[i + len]; /* join */
      reserve[i] = len;
      if (len >= want) {
        if (len - want >= 2) { /* split: the rest stays free */
          reserve[i + want] = len - want;
          len = want;
        }
        reserve[i] = len | RES_USED;
        return &reserve[i + 1];
      }
    }
    i += len;
  }
  return NULL;
}

void *board_lwip_malloc(size_t size)
{
  if ((size_t)lwip_stats.mem.used + size > MEM_SIZE) return NULL;
  if (!reserve && (size_t)lwip_stats.mem.used + size >= LWIP_RESERVE) {
    reserve = bc_malloc(LWIP_RESERVE); /* never freed */
    if (reserve) reserve[0] = RES_WORDS; /* one free block */
  }
  void *p = bc_malloc(size);
  return p ? p : reserve_alloc(size);
}

void board_lwip_free(void *p)
{
  if (in_lwip_reserve(p))
    ((uint32_t *)p)[-1] &= ~RES_USED;
  else
    bc_free_keep(p);
}

void *board_lwip_calloc(size_t n, size_t size) /* lwIP calls it only with its statistics off */
{
  if (size && n > (size_t)-1 / size) return NULL;
  void *p = board_lwip_malloc(n * size);
  if (p) memset(p, 0, n * size);
  return p;
}
