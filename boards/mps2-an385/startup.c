/*
 * mps2-an385 start-up: vector table, reset, fault handling, semihosting.
 *
 * Reset: .data is copied from flash, .bss zeroed, the thread stack painted (for the
 * high-water mark), then Petrel's main() runs on the process stack (PSP) with a
 * synthetic argv: ["petrel", "/app.js"] when an application was embedded at build
 * time (APP=), else ["petrel", "-i"] (the REPL on the UART). Interrupts and faults
 * run on the separate main stack (MSP), so a thread stack overflow -- it runs off
 * the bottom of RAM -- still gets a readable report.
 *
 * Faults print "PETREL HARDFAULT ..." on the UART and end QEMU with status 134
 * through semihosting. A semihosting call made without a debugger (a BKPT 0xAB that
 * nobody answers) escalates to HardFault too; that case is recognised and the call
 * returns -1, so the firmware also runs where no debugger or QEMU is listening.
 */
#include <string.h>
#include "mps2.h"
#include "lwip_board.h"

extern int main(int argc, char **argv);

extern uint32_t __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __thread_stack_bottom[], __thread_stack_top[], __handler_stack_top[];

#define STACK_PAINT 0x5354414bu /* "STAK" */

void Reset_Handler(void);
void HardFault_Handler(void);
static void nmi_handler(void);
static void default_handler(void);

/* ---- vector table ---- */
typedef void (*vector)(void);
__attribute__((section(".vectors"), used)) static const vector vectors[16 + MPS2_NUM_IRQ] = {
  (vector)(uintptr_t)__handler_stack_top,
  Reset_Handler,
  nmi_handler,
  HardFault_Handler,
  HardFault_Handler, /* MemManage (not enabled: escalates anyway) */
  HardFault_Handler, /* BusFault */
  HardFault_Handler, /* UsageFault */
  0,
  0,
  0,
  0,
  default_handler, /* SVCall */
  default_handler, /* DebugMonitor */
  0,
  default_handler, /* PendSV */
  systick_handler,
  [16 + UART0_RX_IRQ] = uart_irq_handler,
  [16 + UART0_TX_IRQ] = default_handler,
  [16 + 2] = default_handler,
  [16 + 3] = default_handler,
  [16 + 4] = default_handler,
  [16 + 5] = default_handler,
  [16 + 6] = default_handler,
  [16 + 7] = default_handler,
  [16 + 8] = default_handler,
  [16 + 9] = default_handler,
  [16 + 10] = default_handler,
  [16 + 11] = default_handler,
  [16 + UART_OVF_IRQ] = uart_overflow_irq_handler,
  [16 + LAN9118_IRQ] = lan9118_irq_handler,
  [16 + 14] = default_handler,
  [16 + 15] = default_handler,
  [16 + 16] = default_handler,
  [16 + 17] = default_handler,
  [16 + 18] = default_handler,
  [16 + 19] = default_handler,
  [16 + 20] = default_handler,
  [16 + 21] = default_handler,
  [16 + 22] = default_handler,
  [16 + 23] = default_handler,
  [16 + 24] = default_handler,
  [16 + 25] = default_handler,
  [16 + 26] = default_handler,
  [16 + 27] = default_handler,
  [16 + 28] = default_handler,
  [16 + 29] = default_handler,
  [16 + 30] = default_handler,
  [16 + 31] = default_handler,
};

/* ---- reset ---- */
/* Global, not static: the branch to it is in asm, and with LTO a static function may
 * land in another partition under a local name the asm cannot reach. */
void reset_c(void) __attribute__((noreturn, used));

/* Switches thread mode to the process stack before any C code uses a stack frame. */
__attribute__((naked, noreturn)) void Reset_Handler(void)
{
  __asm volatile("ldr r0, =__handler_stack_top\n"
                 "msr msp, r0\n"
                 "ldr r0, =__thread_stack_top\n"
                 "msr psp, r0\n"
                 "movs r0, #2\n" /* CONTROL.SPSEL = 1: thread mode uses PSP */
                 "msr control, r0\n"
                 "isb\n"
                 "b reset_c\n");
}

static void paint_stack(void)
{
  uint32_t *sp;
  __asm volatile("mov %0, sp" : "=r"(sp));
  for (uint32_t *p = __thread_stack_bottom; p < sp - 16; p++) *p = STACK_PAINT;
}

/* Bytes of the thread stack ever used (the paint that was overwritten). */
size_t board_stack_high_water(void)
{
  const uint32_t *p = __thread_stack_bottom;
  while (p < __thread_stack_top && *p == STACK_PAINT) p++;
  return (size_t)((const char *)__thread_stack_top - (const char *)p);
}

static char arg0[] = "petrel", arg_app[] = "/app.js", arg_repl[] = "-i";

void reset_c(void)
{
  uint32_t *src = __data_load, *dst = __data_start;
  while (dst < __data_end) *dst++ = *src++;
  for (dst = __bss_start; dst < __bss_end; dst++) *dst = 0;
  paint_stack();

  clock_init();
  uart_init();

  /* APP_MODE=main: the app is the program (its stdin the UART, its exit status the
   * board's); otherwise the REPL, which runs an embedded app as its boot app. */
  int app = (uintptr_t)petrel_app_end > (uintptr_t)petrel_app_start;
  char *argv[3] = { arg0, app && petrel_app_as_main[0] ? arg_app : arg_repl, NULL };
  int status = main(2, argv);
  board_exit(status);
  for (;;) {}
}

/* The REPL's boot app when the store has no /main.js: the embedded app (APP_MODE=boot). */
const char *plat_boot_app(void)
{
  return (uintptr_t)petrel_app_end > (uintptr_t)petrel_app_start && !petrel_app_as_main[0] ? "/app.js" : NULL;
}

/* ---- UART output for fault reports (no stdio, no malloc) ---- */
void board_puts(const char *s) { uart_write(s, strlen(s)); }

void board_puthex(uint32_t v)
{
  char buf[11] = "0x";
  for (int i = 0; i < 8; i++) buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
  buf[10] = 0;
  board_puts(buf);
}

/* ---- semihosting ---- */
static volatile int semihost_absent; /* set once a call went unanswered */

int semihost_call(int op, void *arg)
{
  if (semihost_absent) return -1;
  register int r0 __asm("r0") = op;
  register void *r1 __asm("r1") = arg;
  __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void board_halt(int status)
{
  /* SYS_EXIT_EXTENDED carries the exit status (QEMU passes it on as its own);
   * plain SYS_EXIT only knows success or failure. */
  uint32_t block[2] = { SEMIHOST_ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status };
  semihost_call(SEMIHOST_SYS_EXIT_EXTENDED, block);
  block[0] = status == 0 ? SEMIHOST_ADP_STOPPED_APPLICATION_EXIT : SEMIHOST_ADP_STOPPED_RUNTIME_ERROR;
  semihost_call(SEMIHOST_SYS_EXIT, (void *)(uintptr_t)block[0]);
  /* No debugger: stop here, interrupts off, the core asleep. */
  board_puts("PETREL HALTED status=");
  board_puthex((uint32_t)status);
  board_puts("\r\n");
  __asm volatile("cpsid i");
  for (;;) __asm volatile("wfi");
}

void board_panic(const char *msg)
{
  board_puts("\r\nPETREL PANIC ");
  board_puts(msg);
  board_puts("\r\n");
  board_halt(134);
}

/* ---- faults ---- */
void fault_report(uint32_t *frame, uint32_t exc_return) __attribute__((used));

__attribute__((naked)) void HardFault_Handler(void)
{
  __asm volatile("tst lr, #4\n"
                 "ite eq\n"
                 "mrseq r0, msp\n"
                 "mrsne r0, psp\n"
                 "mov r1, lr\n"
                 "b fault_report\n");
}

static int frame_readable(const uint32_t *frame)
{
  extern uint32_t __heap_end[];
  uintptr_t a = (uintptr_t)frame;
  return (a & 3) == 0 && a >= (uintptr_t)__thread_stack_bottom && a + 32 <= (uintptr_t)__heap_end;
}

void fault_report(uint32_t *frame, uint32_t exc_return)
{
  uint32_t hfsr = SCB_HFSR, cfsr = SCB_CFSR;
  int stacking_failed = (cfsr & (SCB_CFSR_STKERR | SCB_CFSR_MSTKERR)) != 0;

  /* An unanswered semihosting call: skip the BKPT and return -1 in r0. (The
   * architecture reports it as a debug event; QEMU as a forced HardFault with no
   * fault status. Either way the instruction at pc is BKPT 0xAB.) */
  if (((hfsr & SCB_HFSR_DEBUGEVT) || ((hfsr & SCB_HFSR_FORCED) && cfsr == 0)) && !stacking_failed &&
      frame_readable(frame)) {
    uint32_t pc = frame[6];
    if ((pc & 1) == 0 && pc < 0x00400000u && *(const uint16_t *)(uintptr_t)pc == 0xbeab) {
      frame[0] = (uint32_t)-1;
      frame[6] = pc + 2;
      semihost_absent = 1;
      SCB_HFSR = SCB_HFSR_DEBUGEVT; /* write-one-to-clear */
      SCB_DFSR = SCB_DFSR;
      return; /* exception return through exc_return */
    }
  }

  board_puts("\r\nPETREL HARDFAULT");
  if (!stacking_failed && frame_readable(frame)) {
    board_puts(" pc=");
    board_puthex(frame[6]);
    board_puts(" lr=");
    board_puthex(frame[5]);
    board_puts(" psr=");
    board_puthex(frame[7]);
  }
  board_puts(" sp=");
  board_puthex((uint32_t)(uintptr_t)frame);
  board_puts(" cfsr=");
  board_puthex(cfsr);
  board_puts(" hfsr=");
  board_puthex(hfsr);
  if (cfsr & (1u << 15)) {
    board_puts(" bfar=");
    board_puthex(SCB_BFAR);
  }
  if (cfsr & (1u << 7)) {
    board_puts(" mmfar=");
    board_puthex(SCB_MMFAR);
  }
  board_puts(" exc_return=");
  board_puthex(exc_return);
  if (stacking_failed || ((exc_return & 4) && (uintptr_t)frame < (uintptr_t)__thread_stack_bottom + 64))
    board_puts(" (thread stack overflow)");
  board_puts("\r\n");
  board_halt(134);
}

static void nmi_handler(void) { board_panic("NMI"); }

static void default_handler(void)
{
  uint32_t ipsr;
  __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
  board_puts("\r\nPETREL UNEXPECTED EXCEPTION ");
  board_puthex(ipsr);
  board_panic("(no handler)");
}
