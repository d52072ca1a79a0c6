/*
 * SMSC LAN9118 Ethernet controller (as on the MPS2 board and in QEMU) as an lwIP
 * netif, written from the LAN9118 datasheet.
 *
 * Receive: the chip queues frames in its RX data FIFO and one status word per frame
 * in the RX status FIFO. Its interrupt (IRQ 13, "RX status FIFO level") only wakes
 * the core: the handler masks it and sets the wake flag; board_netifs_poll, called
 * from the event loop, copies every queued frame into a pool pbuf, hands it to lwIP
 * and unmasks the interrupt. lwIP is never entered from an interrupt.
 * Transmit: each pbuf of a frame is one TX buffer (command words A and B, then the
 * data words); the chip sends once the last buffer is in.
 *
 * The chip is told to put 2 bytes before each received frame (RX_CFG RXDOFF) and lwIP
 * to expect them (ETH_PAD_SIZE 2), so IP headers land word-aligned.
 */
#include <string.h>
#include "mps2.h"
#include "lwip_board.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/etharp.h"
#include "lwip/ethip6.h"
#include "lwip/dns.h"
#include "lwip/dhcp.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"
#include "netif/ethernet.h"

/* ---- registers (byte offsets from LAN9118_BASE) ---- */
#define LAN(off)       REG32(LAN9118_BASE + (off))
#define RX_DATA_FIFO   LAN(0x00)
#define TX_DATA_FIFO   LAN(0x20)
#define RX_STATUS_FIFO LAN(0x40)
#define TX_STATUS_FIFO LAN(0x48)
#define ID_REV         LAN(0x50)
#define IRQ_CFG        LAN(0x54)
#define INT_STS        LAN(0x58)
#define INT_EN         LAN(0x5c)
#define BYTE_TEST      LAN(0x64)
#define FIFO_INT       LAN(0x68)
#define RX_CFG         LAN(0x6c)
#define TX_CFG         LAN(0x70)
#define HW_CFG         LAN(0x74)
#define RX_FIFO_INF    LAN(0x7c)
#define TX_FIFO_INF    LAN(0x80)
#define PMT_CTRL       LAN(0x84)
#define MAC_CSR_CMD    LAN(0xa4)
#define MAC_CSR_DATA   LAN(0xa8)

#define IRQ_CFG_EN        (1u << 8)
#define IRQ_CFG_POL_HIGH  (1u << 4)
#define IRQ_CFG_PUSH_PULL (1u << 0)
#define INT_RSFL          (1u << 3) /* RX status FIFO level reached (here: any frame) */
#define INT_RXE           (1u << 14)
#define INT_TXE           (1u << 13)
#define HW_CFG_SRST       (1u << 0)
#define PMT_READY         (1u << 0)
#define TX_CFG_TX_ON      (1u << 1)
#define TX_CFG_TXSAO      (1u << 2) /* TX status may overrun (we do not need it) */
#define RX_CFG_RXDOFF(n)  ((uint32_t)(n) << 8)
#define MAC_CSR_BUSY      (1u << 31)
#define MAC_CSR_READ      (1u << 30)

/* MAC registers behind MAC_CSR_CMD/DATA */
#define MAC_CR       1
#define MAC_ADDRH    2
#define MAC_ADDRL    3
#define MAC_MII_ACC  6
#define MAC_MII_DATA 7
#define MAC_CR_RXEN  (1u << 2)
#define MAC_CR_TXEN  (1u << 3)
#define MAC_CR_FDPX  (1u << 20)
#define MAC_CR_MCPAS (1u << 19) /* pass all multicast: IPv6 neighbour discovery */

/* TX command words */
#define TXA_FIRST     (1u << 13)
#define TXA_LAST      (1u << 12)
#define TXA_OFFSET(n) ((uint32_t)(n) << 16)

#define RXS_ERROR     (1u << 15)
#define RXS_LENGTH(s) (((s) >> 16) & 0x3fff)
#define RX_OFFSET     2 /* == ETH_PAD_SIZE */

#define SPIN_LIMIT 100000

static struct netif eth;
static int nic_present;

static int wait_clear(volatile uint32_t *reg, uint32_t bits)
{
  for (int i = 0; i < SPIN_LIMIT; i++)
    if (!(*reg & bits)) return 0;
  return -1;
}

static uint32_t mac_read(unsigned reg)
{
  if (wait_clear(&MAC_CSR_CMD, MAC_CSR_BUSY)) return 0;
  MAC_CSR_CMD = MAC_CSR_BUSY | MAC_CSR_READ | reg;
  wait_clear(&MAC_CSR_CMD, MAC_CSR_BUSY);
  return MAC_CSR_DATA;
}

static void mac_write(unsigned reg, uint32_t value)
{
  if (wait_clear(&MAC_CSR_CMD, MAC_CSR_BUSY)) return;
  MAC_CSR_DATA = value;
  MAC_CSR_CMD = MAC_CSR_BUSY | reg;
  wait_clear(&MAC_CSR_CMD, MAC_CSR_BUSY);
}

/* PHY register through the MII management interface (internal PHY at address 1). */
static uint32_t phy_read(unsigned reg)
{
  mac_write(MAC_MII_ACC, (1u << 11) | (reg << 6) | 1u /* MIIBZY */);
  for (int i = 0; i < SPIN_LIMIT; i++)
    if (!(mac_read(MAC_MII_ACC) & 1u)) break;
  return mac_read(MAC_MII_DATA) & 0xffff;
}

/* Soft reset and configuration; fills mac[6]. Returns 0, or -1 if no chip answers. */
static int chip_init(uint8_t mac[6])
{
  if (BYTE_TEST != 0x87654321u) return -1;
  HW_CFG = HW_CFG_SRST;
  if (wait_clear(&HW_CFG, HW_CFG_SRST)) return -1;
  for (int i = 0; i < SPIN_LIMIT && !(PMT_CTRL & PMT_READY); i++) {}

  /* The address the EEPROM (QEMU: -nic ...,mac=) loaded; a fixed local one if none. */
  uint32_t lo = mac_read(MAC_ADDRL), hi = mac_read(MAC_ADDRH);
  mac[0] = (uint8_t)lo;
  mac[1] = (uint8_t)(lo >> 8);
  mac[2] = (uint8_t)(lo >> 16);
  mac[3] = (uint8_t)(lo >> 24);
  mac[4] = (uint8_t)hi;
  mac[5] = (uint8_t)(hi >> 8);
  if ((lo == 0 && (hi & 0xffff) == 0) || (lo == 0xffffffffu && (hi & 0xffff) == 0xffff) || (mac[0] & 1)) {
    static const uint8_t fallback[6] = { 0x02, 0x50, 0x45, 0x54, 0x52, 0x4c }; /* locally administered */
    memcpy(mac, fallback, 6);
    mac_write(MAC_ADDRL, (uint32_t)mac[0] | (uint32_t)mac[1] << 8 | (uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24);
    mac_write(MAC_ADDRH, (uint32_t)mac[4] | (uint32_t)mac[5] << 8);
  }

  /* Interrupt pin: active high, push-pull, enabled; only "a frame arrived". */
  INT_EN = 0;
  INT_STS = 0xffffffffu;
  IRQ_CFG = IRQ_CFG_EN | IRQ_CFG_POL_HIGH | IRQ_CFG_PUSH_PULL;
  FIFO_INT = 0x48000000u; /* RX status level 0: interrupt on every frame */
  RX_CFG = RX_CFG_RXDOFF(RX_OFFSET);
  TX_CFG = TX_CFG_TX_ON | TX_CFG_TXSAO;
  mac_write(MAC_CR, MAC_CR_TXEN | MAC_CR_RXEN | MAC_CR_FDPX | MAC_CR_MCPAS);
  return 0;
}

void lan9118_irq_handler(void)
{
  INT_EN = 0; /* until board_netifs_poll has read what is queued */
  board_wake_flag = 1;
}

/* ---- the data FIFOs ----
 * Each data FIFO's port is aliased over eight words (RX 0x00-0x1c, TX 0x20-0x3c) so
 * that a burst of consecutive addresses reaches it: the words move eight at a time
 * with LDM/STM pairs (two instructions per 32 bytes; a word at a time through the
 * port took ~5 for each 4 bytes, 1.4 M instructions per MiB sent, docs/bench.md). */
static void fifo_put(const uint32_t *w, uint32_t n)
{
  volatile uint32_t *port = &TX_DATA_FIFO;
  for (; n >= 8; n -= 8)
    __asm__ volatile("ldmia %[w]!, {r3, r4, r5, r6}\n\t"
                     "stmia %[port], {r3, r4, r5, r6}\n\t"
                     "ldmia %[w]!, {r3, r4, r5, r6}\n\t"
                     "stmia %[port], {r3, r4, r5, r6}\n\t"
                     : [w] "+r"(w)
                     : [port] "r"(port)
                     : "r3", "r4", "r5", "r6", "memory");
  for (; n; n--) *port = *w++;
}

static void fifo_get(uint32_t *w, uint32_t n)
{
  volatile uint32_t *port = &RX_DATA_FIFO;
  for (; n >= 8; n -= 8)
    __asm__ volatile("ldmia %[port], {r3, r4, r5, r6}\n\t"
                     "stmia %[w]!, {r3, r4, r5, r6}\n\t"
                     "ldmia %[port], {r3, r4, r5, r6}\n\t"
                     "stmia %[w]!, {r3, r4, r5, r6}\n\t"
                     : [w] "+r"(w)
                     : [port] "r"(port)
                     : "r3", "r4", "r5", "r6", "memory");
  for (; n; n--) *w++ = *port;
}

/* ---- transmit ---- */
static err_t lan9118_linkoutput(struct netif *netif, struct pbuf *p)
{
  (void)netif;
#if ETH_PAD_SIZE
  pbuf_remove_header(p, ETH_PAD_SIZE);
#endif
  uint32_t total = p->tot_len;
  err_t err = ERR_OK;
  /* Room for the whole frame: data plus two command words and alignment per buffer. */
  uint32_t need = total + 12u * (uint32_t)pbuf_clen(p);
  int i;
  for (i = 0; i < SPIN_LIMIT && (TX_FIFO_INF & 0xffff) < need; i++) {}
  if (i == SPIN_LIMIT || total > 1514) {
    LINK_STATS_INC(link.memerr);
    LINK_STATS_INC(link.drop);
    err = ERR_MEM;
    goto out;
  }
  uint32_t tag = (total & 0xffffu) << 16; /* any tag: the length makes a fine one */
  for (struct pbuf *q = p; q; q = q->next) {
    if (q->len == 0 && q->next) continue;
    uintptr_t addr = (uintptr_t)q->payload;
    uint32_t offset = addr & 3u;
    uint32_t cmd_a = TXA_OFFSET(offset) | q->len;
    if (q == p) cmd_a |= TXA_FIRST;
    if (!q->next) cmd_a |= TXA_LAST;
    TX_DATA_FIFO = cmd_a;
    TX_DATA_FIFO = tag | total;
    /* Whole words from the aligned address below the payload; the chip skips the
     * first `offset` bytes and ignores what follows the last one. */
    fifo_put((const uint32_t *)(addr - offset), (q->len + offset + 3u) / 4u);
  }
  /* The status words are not needed (TXSAO); drop any so the FIFO never fills. */
  while (TX_FIFO_INF >> 16) (void)TX_STATUS_FIFO;
  LINK_STATS_INC(link.xmit);
out:
#if ETH_PAD_SIZE
  pbuf_add_header(p, ETH_PAD_SIZE);
#endif
  return err;
}

static err_t lan9118_netif_init(struct netif *netif)
{
  uint8_t mac[6];
  if (chip_init(mac)) return ERR_IF;
  netif->name[0] = 'e';
  netif->name[1] = 'n';
  netif->hwaddr_len = 6;
  memcpy(netif->hwaddr, mac, 6);
  netif->mtu = 1500;
  netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_MLD6;
  netif->output = etharp_output;
  netif->output_ip6 = ethip6_output;
  netif->linkoutput = lan9118_linkoutput;
#if LWIP_NETIF_HOSTNAME
  netif->hostname = "petrel";
#endif
  return ERR_OK;
}

/* ---- receive ---- */
/* Reads `words` words of the frame at the head of the RX data FIFO into p (a chain
 * whose tot_len >= the bytes wanted), or discards them if p is NULL. */
static void read_frame(struct pbuf *p, uint32_t words, uint32_t bytes)
{
  struct pbuf *q = p;
  uint32_t off = 0, done = 0;
  /* The whole words that fit the first buffer, when it is word-aligned (a pool pbuf
   * is, and holds a frame): in bursts; the rest (the last bytes, the CRC) below. */
  if (q && ((uintptr_t)q->payload & 3u) == 0) {
    uint32_t n = (bytes < q->len ? bytes : q->len) / 4u;
    if (n > words) n = words;
    fifo_get((uint32_t *)q->payload, n);
    words -= n;
    off = done = 4u * n;
    if (off == q->len) {
      q = q->next;
      off = 0;
    }
  }
  while (words--) {
    uint32_t w = RX_DATA_FIFO;
    if (!q) continue;
    if (off + 4 <= q->len && (((uintptr_t)q->payload + off) & 3u) == 0 && done + 4 <= bytes) {
      *(uint32_t *)((uint8_t *)q->payload + off) = w;
      off += 4;
      done += 4;
    } else {
      for (int b = 0; b < 4 && done < bytes; b++, done++) {
        if (off == q->len) {
          q = q->next;
          off = 0;
          if (!q) break;
        }
        ((uint8_t *)q->payload)[off++] = (uint8_t)(w >> (8 * b));
      }
    }
    if (q && off == q->len) {
      q = q->next;
      off = 0;
    }
  }
}

/* The PHY's link bit, read once a second (no PHY interrupt handling). */
#define PHY_BSR      1
#define PHY_BSR_LINK (1u << 2)
static uint64_t link_checked_ms;

static void check_link(void)
{
  link_checked_ms = clock_ms();
  int up = (phy_read(PHY_BSR) & PHY_BSR_LINK) != 0;
  if (up && !netif_is_link_up(&eth))
    netif_set_link_up(&eth);
  else if (!up && netif_is_link_up(&eth))
    netif_set_link_down(&eth);
}

void board_netifs_poll(void)
{
  if (!nic_present) return;
  if (clock_ms() - link_checked_ms >= 1000) check_link();
  INT_STS = INT_RSFL | INT_RXE | INT_TXE; /* acknowledge before reading: a later frame re-raises it */
  while ((RX_FIFO_INF >> 16) & 0xff) {
    uint32_t status = RX_STATUS_FIFO;
    uint32_t len = RXS_LENGTH(status); /* frame + 4-byte CRC */
    uint32_t words = (len + RX_OFFSET + 3u) / 4u;
    struct pbuf *p = NULL;
    if ((status & RXS_ERROR) || len < 18 || len > 1518) {
      LINK_STATS_INC(link.drop);
    } else {
      uint32_t keep = len - 4 + RX_OFFSET; /* pad + frame, without the CRC */
      p = pbuf_alloc(PBUF_RAW, (u16_t)keep, PBUF_POOL);
      if (!p) {
        LINK_STATS_INC(link.memerr);
        LINK_STATS_INC(link.drop);
      }
      read_frame(p, words, keep);
      if (p) {
        LINK_STATS_INC(link.recv);
        if (eth.input(p, &eth) != ERR_OK) pbuf_free(p);
      }
      continue;
    }
    read_frame(NULL, words, 0);
  }
  INT_EN = INT_RSFL;
}

/* ---- the board's interfaces ---- */
static int parse_ip4(const char *s, ip4_addr_t *out) { return ip4addr_aton(s, out) ? 0 : -1; }

void board_netifs_init(void)
{
  ip4_addr_t ip, mask, gw;
#if LWIP_DHCP
  ip4_addr_set_zero(&ip);
  ip4_addr_set_zero(&mask);
  ip4_addr_set_zero(&gw);
#else
  if (parse_ip4(PETREL_NET_IP, &ip) || parse_ip4(PETREL_NET_MASK, &mask) || parse_ip4(PETREL_NET_GW, &gw))
    board_panic("bad NET_IP/NET_MASK/NET_GW");
#endif
  if (!netif_add(&eth, &ip, &mask, &gw, NULL, lan9118_netif_init, ethernet_input)) {
    board_puts("petrel: no LAN9118 ethernet controller found\r\n");
    return;
  }
  nic_present = 1;
  netif_set_default(&eth);
#if LWIP_IPV6
  netif_create_ip6_linklocal_address(&eth, 1);
#if LWIP_IPV6_AUTOCONFIG
  eth.ip6_autoconfig_enabled = 1;
#endif
#endif
  netif_set_up(&eth);
  check_link();
#if LWIP_DNS
  ip_addr_t dns;
  if (ipaddr_aton(PETREL_NET_DNS, &dns)) dns_setserver(0, &dns);
#endif
#if LWIP_DHCP
  dhcp_start(&eth);
#endif
  nvic_clear_pending(LAN9118_IRQ);
  INT_STS = 0xffffffffu;
  INT_EN = INT_RSFL;
  nvic_enable(LAN9118_IRQ);
}
