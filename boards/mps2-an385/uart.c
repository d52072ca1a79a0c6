/*
 * CMSDK APB UART0: the console. Transmit is polled; receive is interrupt-driven
 * into a ring buffer that board_console_read drains.
 *
 * Flow control: the UART holds one received byte and QEMU's serial backend hands
 * it the next only after the data register was read. When the ring is full the
 * interrupt handler leaves the byte in the UART (and stops reading); the reader
 * takes it once it made room. So nothing is dropped: a fast sender (an upload
 * through the raw REPL) is simply held back.
 *
 * Ctrl-C (0x03) sets plat_interrupt_requested as it arrives, so a running
 * statement can be interrupted, and still reaches the REPL as input.
 */
#include "mps2.h"
#include "platform.h"

#define UART_DATA      REG32(UART0_BASE + 0x00)
#define UART_STATE     REG32(UART0_BASE + 0x04)
#define UART_CTRL      REG32(UART0_BASE + 0x08)
#define UART_INTSTATUS REG32(UART0_BASE + 0x0c) /* read: status, write: clear */
#define UART_BAUDDIV   REG32(UART0_BASE + 0x10)

#define STATE_TXFULL    (1u << 0)
#define STATE_RXFULL    (1u << 1)
#define STATE_TXOVR     (1u << 2)
#define STATE_RXOVR     (1u << 3)
#define CTRL_TXEN       (1u << 0)
#define CTRL_RXEN       (1u << 1)
#define CTRL_RXINTEN    (1u << 3)
#define CTRL_RXOVRINTEN (1u << 5)
#define INT_RX          (1u << 1)
#define INT_RXOVR       (1u << 3)

#define BAUD      115200u
#define RING_SIZE 1024u /* a power of two */

static volatile uint8_t ring[RING_SIZE];
static volatile uint32_t ring_head, ring_tail; /* head: written by the ISR; tail: by the reader */
static volatile int rx_stalled;                /* the ring was full: a byte waits in the UART */
static volatile uint32_t rx_overruns;

void uart_init(void)
{
  UART_CTRL = 0;
  UART_BAUDDIV = MPS2_CORE_HZ / BAUD; /* QEMU needs >= 16; the rate itself is not emulated */
  UART_INTSTATUS = 0xf;
  UART_CTRL = CTRL_TXEN | CTRL_RXEN | CTRL_RXINTEN | CTRL_RXOVRINTEN;
  nvic_clear_pending(UART0_RX_IRQ);
  nvic_clear_pending(UART_OVF_IRQ);
  nvic_enable(UART0_RX_IRQ);
  nvic_enable(UART_OVF_IRQ);
}

void uart_write(const void *buf, size_t len)
{
  const uint8_t *p = buf;
  while (len--) {
    while (UART_STATE & STATE_TXFULL) {}
    UART_DATA = *p++;
  }
}

void uart_flush(void)
{
  while (UART_STATE & STATE_TXFULL) {}
}

/* Moves bytes from the UART into the ring while there is room. Interrupts masked. */
static void drain_uart(void)
{
  while (UART_STATE & STATE_RXFULL) {
    uint32_t head = ring_head;
    if (head - ring_tail >= RING_SIZE) {
      rx_stalled = 1;
      return;
    }
    uint8_t c = (uint8_t)UART_DATA;
    if (c == 0x03) plat_interrupt_requested = 1;
    ring[head % RING_SIZE] = c;
    ring_head = head + 1;
  }
  rx_stalled = 0;
}

void uart_irq_handler(void)
{
  UART_INTSTATUS = INT_RX;
  drain_uart();
  board_wake_flag = 1;
}

/* Receive overrun (the byte before was not read in time): counted, cleared. */
void uart_overflow_irq_handler(void)
{
  if (UART_STATE & STATE_RXOVR) rx_overruns++;
  UART_STATE = STATE_RXOVR | STATE_TXOVR; /* write-one-to-clear */
  UART_INTSTATUS = INT_RXOVR | (1u << 2);
}

size_t uart_read(char *buf, size_t max)
{
  size_t n = 0;
  uint32_t tail = ring_tail;
  while (n < max && tail != ring_head) buf[n++] = (char)ring[tail++ % RING_SIZE];
  ring_tail = tail;
  if (rx_stalled) {
    uint32_t m = irq_save();
    drain_uart();
    irq_restore(m);
  }
  return n;
}
