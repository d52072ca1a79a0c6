/*
 * mps2-an385 board internals: Cortex-M3 system registers, the AN385 memory map and
 * the board's private functions. Written from the Armv7-M Architecture Reference
 * Manual and the AN385 / CMSDK documentation (no vendor headers).
 */
#ifndef PETREL_MPS2_H
#define PETREL_MPS2_H

#include <stddef.h>
#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* ---- clocks ---- */
#define MPS2_CORE_HZ 25000000u /* AN385 system clock (QEMU: SYSCLK_FRQ) */

/* ---- System Control Space (Armv7-M) ---- */
#define SCB_ICSR           REG32(0xE000ED04u) /* interrupt control and state */
#define SCB_ICSR_PENDSTSET (1u << 26)
#define SCB_VTOR           REG32(0xE000ED08u)
#define SCB_SCR            REG32(0xE000ED10u)
#define SCB_CCR            REG32(0xE000ED14u)
#define SCB_SHCSR          REG32(0xE000ED24u)
#define SCB_CFSR           REG32(0xE000ED28u) /* MMFSR | BFSR << 8 | UFSR << 16 */
#define SCB_HFSR           REG32(0xE000ED2Cu)
#define SCB_DFSR           REG32(0xE000ED30u)
#define SCB_MMFAR          REG32(0xE000ED34u)
#define SCB_BFAR           REG32(0xE000ED38u)
#define SCB_HFSR_DEBUGEVT  (1u << 31)
#define SCB_HFSR_FORCED    (1u << 30)
#define SCB_CFSR_MSTKERR   (1u << 4)
#define SCB_CFSR_STKERR    (1u << 12)
#define SCB_CCR_DIV_0_TRP  (1u << 4)

#define SYST_CSR           REG32(0xE000E010u)
#define SYST_RVR           REG32(0xE000E014u)
#define SYST_CVR           REG32(0xE000E018u)
#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_TICKINT   (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2) /* 1: the core clock */

#define NVIC_ISER(n)       REG32(0xE000E100u + 4u * (n))
#define NVIC_ICER(n)       REG32(0xE000E180u + 4u * (n))
#define NVIC_ICPR(n)       REG32(0xE000E280u + 4u * (n))
#define NVIC_IPR_BYTE(irq) (*(volatile uint8_t *)(uintptr_t)(0xE000E400u + (irq)))

static inline void nvic_enable(unsigned irq) { NVIC_ISER(irq >> 5) = 1u << (irq & 31); }
static inline void nvic_disable(unsigned irq) { NVIC_ICER(irq >> 5) = 1u << (irq & 31); }
static inline void nvic_clear_pending(unsigned irq) { NVIC_ICPR(irq >> 5) = 1u << (irq & 31); }

/* Interrupt masking (PRIMASK); irq_save/irq_restore nest. */
static inline uint32_t irq_save(void)
{
  uint32_t primask;
  __asm volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
  return primask;
}
static inline void irq_restore(uint32_t primask) { __asm volatile("msr primask, %0" ::"r"(primask) : "memory"); }

/* ---- AN385 peripherals and their interrupt numbers (QEMU hw/arm/mps2.c) ---- */
#define UART0_BASE   0x40004000u
#define UART0_RX_IRQ 0
#define UART0_TX_IRQ 1
#define UART_OVF_IRQ 12 /* UART0-2 overrun interrupts, ORed */
#define LAN9118_BASE 0x40200000u
#define LAN9118_IRQ  13
#define MPS2_NUM_IRQ 32

/* ---- board internals (startup.c, uart.c, lan9118.c, board.c) ---- */
/* UART0: polled transmit, interrupt-driven receive into a ring buffer. */
void uart_init(void);
void uart_write(const void *buf, size_t len);
size_t uart_read(char *buf, size_t max);
void uart_flush(void); /* waits until the last byte left the transmitter */
void uart_irq_handler(void);
void uart_overflow_irq_handler(void);

/* SysTick millisecond clock. */
void clock_init(void);
uint64_t clock_ms(void);
uint64_t clock_ns(void);
void systick_handler(void);

/* Ethernet interrupt: wakes the core; frames are read by board_netifs_poll. */
void lan9118_irq_handler(void);

/* Semihosting (the debugger or QEMU's -semihosting). Returns -1 when no debugger
 * answers (the BKPT is caught by the HardFault handler and skipped). */
int semihost_call(int op, void *arg);
#define SEMIHOST_SYS_TIME                     0x11
#define SEMIHOST_SYS_EXIT                     0x18
#define SEMIHOST_SYS_EXIT_EXTENDED            0x20
#define SEMIHOST_ADP_STOPPED_APPLICATION_EXIT 0x20026
#define SEMIHOST_ADP_STOPPED_RUNTIME_ERROR    0x20023

/* Fatal board error: prints "PETREL PANIC <msg>" and ends (exit status 134). */
void board_panic(const char *msg) __attribute__((noreturn));
/* Writes text/hex straight to the UART, for fault reports (no malloc, no stdio). */
void board_puts(const char *s);
void board_puthex(uint32_t v);
/* Ends the program: semihosting exit with status, or a WFI loop without a debugger. */
void board_halt(int status) __attribute__((noreturn));

/* Embedded application (app_embed.S); empty when built without APP=. */
extern const char petrel_app_start[], petrel_app_end[];
extern const char petrel_app_lines_start[], petrel_app_lines_end[]; /* its line table (APP=) */
extern const char petrel_app_as_main[1]; /* 1: the app is the main program (APP_MODE=main) */

/* Set by interrupt handlers and board_wake(); consumed by board_sleep(). */
extern volatile int board_wake_flag;

/* Where the core's time goes, for the bench (bench.py reads it through QEMU's
 * monitor, by the symbol's address): idle_ns, the time spent in board_sleep's
 * completed calls; slept_at_ns, when the latest call began. Read while the board
 * sleeps, busy time between two reads = the change of slept_at_ns minus the
 * change of idle_ns; under QEMU's -icount shift=0 (one instruction, one ns) that is
 * the instructions the firmware ran, whatever the host's load. */
struct board_cpu {
  volatile uint64_t idle_ns;
  volatile uint64_t slept_at_ns;
};
extern struct board_cpu board_cpu;

/* Random numbers for lwIP (ports, TCP sequence numbers, DNS ids). */
uint32_t board_rand(void);

/* What board.c takes from the board's other files. */
void board_filestore_init(void);     /* filestore.c */
size_t board_heap_extent(void);      /* syscalls.c */
char *board_heap_break(void);        /* syscalls.c: malloc's end so far */
extern char *board_heap_end;         /* syscalls.c: how far malloc may grow (the file store is above) */
size_t board_filestore_top(void);    /* filestore.c: bytes it keeps above board_heap_end */
size_t board_stack_high_water(void); /* startup.c */
/* lwIP's LWIP_PLATFORM_ASSERT (arch/cc.h; board.c) */
void board_lwip_assert(int line) __attribute__((noreturn, noinline));

#endif
