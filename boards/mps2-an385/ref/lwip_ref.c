/*
 * The bench's reference firmware (issue #17): the same board, NIC driver and lwIP
 * configuration as Petrel's mps2-an385 firmware, with no interpreter: the raw API in C
 * does what bench.py asks Petrel's JS to do, so the two throughputs compare the cost
 * of Petrel's layers against the floor set by QEMU, the driver and lwIP.
 *
 *   host -> board  a server on port 7000 reads and counts; at the peer's FIN it
 *                  closes (the host waits for that FIN, as with Petrel).
 *   board -> host  "send PORT BYTES" on the UART: connects to the gateway
 *                  (10.0.2.2, the host) and writes BYTES from an 8 KiB buffer as the
 *                  send buffer allows (copied into lwIP, as Petrel's writes are),
 *                  then closes.
 * It prints "lwip-ref ready" when it listens, and a line for each finished transfer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mps2.h"
#include "lwip_board.h"
#include "lwip/init.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"

#define GUEST_PORT 7000
#define CHUNK      8192

static char chunk[CHUNK];
static unsigned long received;
static unsigned long to_send;

struct tcp_hdr;

/* lwipopts_backend.h routes lwIP's TCP input hook to Petrel's backend, which this
 * firmware does not link: let every segment through. */
signed char lw_tcp_inpacket(struct tcp_pcb *pcb, struct tcp_hdr *hdr, struct pbuf *p)
{
  (void)pcb;
  (void)hdr;
  (void)p;
  return ERR_OK;
}

/* What Petrel's lwIP backend (platform/lwip) gives the board and lwIP otherwise. */
volatile int plat_interrupt_requested; /* uart.c sets it on Ctrl-C */
u32_t sys_now(void) { return (u32_t)clock_ms(); }

static void say(const char *s) { uart_write(s, strlen(s)); }

/* ---- host -> board: count and drop ---- */
static err_t sink_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
  (void)arg;
  (void)err;
  if (!p) {
    char line[48];
    snprintf(line, sizeof line, "received %lu\r\n", received);
    say(line);
    tcp_recv(pcb, NULL);
    if (tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
    return ERR_OK;
  }
  received += p->tot_len;
  tcp_recved(pcb, p->tot_len);
  pbuf_free(p);
  return ERR_OK;
}

static err_t sink_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
  (void)arg;
  if (err != ERR_OK || !pcb) return ERR_VAL;
  received = 0;
  tcp_recv(pcb, sink_recv);
  return ERR_OK;
}

/* ---- board -> host: write while there is room ---- */
static void pump(struct tcp_pcb *pcb)
{
  while (to_send > 0) {
    u16_t room = tcp_sndbuf(pcb);
    u16_t n = (u16_t)(to_send < CHUNK ? to_send : CHUNK);
    if (room < n) n = room;
    if (n == 0 || tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN - 4) break;
    if (tcp_write(pcb, chunk, n, TCP_WRITE_FLAG_COPY) != ERR_OK) break; /* ERR_MEM: wait for tcp_sent */
    to_send -= n;
  }
  tcp_output(pcb);
  if (to_send == 0) {
    tcp_sent(pcb, NULL);
    if (tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
    say("sent\r\n");
  }
}

static err_t source_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
  (void)arg;
  (void)len;
  pump(pcb);
  return ERR_OK;
}

static err_t source_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
  (void)arg;
  if (err != ERR_OK) return err;
  tcp_sent(pcb, source_sent);
  pump(pcb);
  return ERR_OK;
}

static void source_error(void *arg, err_t err)
{
  (void)arg;
  char line[32];
  snprintf(line, sizeof line, "error %d\r\n", (int)err);
  say(line);
}

static void start_send(unsigned port, unsigned long bytes)
{
  ip_addr_t host;
  IP_ADDR4(&host, 10, 0, 2, 2);
  struct tcp_pcb *pcb = tcp_new();
  if (!pcb) {
    say("error no pcb\r\n");
    return;
  }
  to_send = bytes;
  tcp_err(pcb, source_error);
  if (tcp_connect(pcb, &host, (u16_t)port, source_connected) != ERR_OK) say("error connect\r\n");
}

/* ---- the UART: one command ---- */
static char cmd[64];
static size_t cmd_len;

static void poll_uart(void)
{
  char c;
  while (uart_read(&c, 1) == 1) {
    if (c != '\r' && c != '\n') {
      if (cmd_len < sizeof cmd - 1) cmd[cmd_len++] = c;
      continue;
    }
    cmd[cmd_len] = 0;
    unsigned port;
    unsigned long bytes;
    if (cmd_len && sscanf(cmd, "send %u %lu", &port, &bytes) == 2)
      start_send(port, bytes);
    else if (cmd_len)
      say("? send PORT BYTES\r\n");
    cmd_len = 0;
  }
}

int main(int argc, char **argv)
{
  board_init(argc, argv);
  memset(chunk, 'x', sizeof chunk);
  lwip_init();
  board_netifs_init();
  struct tcp_pcb *lst = tcp_new();
  if (!lst || tcp_bind(lst, IP_ANY_TYPE, GUEST_PORT) != ERR_OK || !(lst = tcp_listen(lst)))
    board_panic("lwip-ref: cannot listen");
  tcp_accept(lst, sink_accept);
  say("lwip-ref ready\r\n");
  for (;;) {
    board_netifs_poll();
    sys_check_timeouts();
    poll_uart();
    u32_t next = sys_timeouts_sleeptime();
    board_sleep(next == SYS_TIMEOUTS_SLEEPTIME_INFINITE ? -1 : (int)next);
  }
}
