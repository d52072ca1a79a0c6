/*
 * lwIP backend: name lookups with lwIP's DNS client (dns_gethostbyname_addrtype).
 * Every answer, even a cached one or a local one, is queued and delivered from
 * plat_wait. Local answers (no packet sent): IP literals, 'localhost' (127.0.0.1
 * and ::1) and the reserved '.invalid' names (RFC 6761: always NXDOMAIN).
 * lwIP reports one address per lookup and does not tell NXDOMAIN from a
 * timeout: a failure after DNS_SLOW_MS counts as a timeout (EAI_AGAIN).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lwip/dns.h"
#include "lwip_backend.h"

#define DNS_SLOW_MS 2500

typedef struct lookup lookup;
struct lookup {
  lookup *next;
  plat_lookup_cb cb;
  void *user;
  int err, n;
  uint64_t started;
  plat_addr addrs[2];
  char host[];
};

static lookup *done_head, *done_tail;
static int in_flight;

static void finish(lookup *l)
{
  l->next = NULL;
  if (done_tail)
    done_tail->next = l;
  else
    done_head = l;
  done_tail = l;
}

static void on_found(const char *name, const ip_addr_t *ip, void *arg)
{
  lookup *l = arg;
  (void)name;
  in_flight--;
  if (ip) {
    lw_from_ip(ip, 0, 0, &l->addrs[0]);
    l->n = 1;
  } else {
    l->err = plat_now_ms() - l->started >= DNS_SLOW_MS ? PLAT_EAI_AGAIN : PLAT_ENOTFOUND;
  }
  finish(l);
}

/* name equals `label` or ends in "." label, ignoring case and one trailing dot */
static int name_is(const char *name, const char *label)
{
  size_t n = strlen(name), k = strlen(label);
  if (n > 0 && name[n - 1] == '.') n--;
  if (n < k || strncasecmp(name + n - k, label, k) != 0) return 0;
  return n == k || name[n - k - 1] == '.';
}

static int answer_locally(lookup *l, const char *host, int family)
{
  plat_addr a;
  if (plat_addr_parse(host, &a) == 0) {
    l->addrs[l->n++] = a;
    return 1;
  }
  size_t n = strlen(host);
  if (n > 0 && host[n - 1] == '.') n--;
  if (n == 9 && strncasecmp(host, "localhost", 9) == 0) {
    if (family != 6) plat_addr_parse("127.0.0.1", &l->addrs[l->n++]);
    if (family != 4) plat_addr_parse("::1", &l->addrs[l->n++]);
    return 1;
  }
  if (name_is(host, "invalid")) {
    l->err = PLAT_ENOTFOUND;
    return 1;
  }
  return 0;
}

int plat_lookup(const char *host, int family, plat_lookup_cb cb, void *user)
{
  size_t hl = strlen(host);
  lookup *l = calloc(1, sizeof *l + hl + 1);
  if (!l) return PLAT_ENOMEM;
  memcpy(l->host, host, hl + 1);
  l->cb = cb;
  l->user = user;
  l->started = plat_now_ms();
  if (answer_locally(l, host, family)) {
    finish(l);
    return 0;
  }
  ip_addr_t ip;
  u8_t type = family == 4 ? LWIP_DNS_ADDRTYPE_IPV4 : family == 6 ? LWIP_DNS_ADDRTYPE_IPV6 : LWIP_DNS_ADDRTYPE_IPV4_IPV6;
  err_t e = dns_gethostbyname_addrtype(l->host, &ip, on_found, l, type);
  if (e == ERR_INPROGRESS) {
    in_flight++;
    return 0;
  }
  if (e == ERR_OK) {
    lw_from_ip(&ip, 0, 0, &l->addrs[0]);
    l->n = 1;
  } else if (e == ERR_ARG) {
    l->err = PLAT_ENOTFOUND; /* empty or too long a name */
  } else {
    l->err = PLAT_EAI_AGAIN; /* no DNS server configured (ERR_VAL), table full (ERR_MEM) */
  }
  finish(l);
  return 0;
}

int lw_dns_pending(void) { return done_head != NULL; }

int lw_dns_dispatch(void)
{
  lookup *l = done_head;
  int ran = 0;
  done_head = done_tail = NULL;
  while (l) {
    lookup *next = l->next;
    l->cb(l->user, l->err, l->addrs, l->err ? 0 : l->n);
    free(l);
    ran = 1;
    l = next;
  }
  return ran;
}
