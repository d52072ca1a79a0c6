/* The board's network settings at run time (#24): a JSON file in the store, read at
 * boot (main.c) and after each soft reset (repl_reset.c), handed to the platform
 * (plat_net_configure: lwIP boards; the host's system owns a POSIX board's network).
 *
 *   /net.json   {"dhcp": true}  or  {"ip": "10.0.2.20", "netmask": "255.255.255.0",
 *               "gateway": "10.0.2.2", "dns": "10.0.2.3"}, and optionally
 *               "hostname" (the name DHCP sends, os.hostname()) and "wait" (ms that
 *               /main.js waits for an address at boot, default 10000)
 *
 * A board reads /net.json; a board that runs as a host process (linux-lwip) the file
 * $PETREL_NET_CONFIG names. No file: the build's settings (NET_IP..., NET_DHCP). A
 * file that cannot be used: a one-line warning and the build's settings, never a
 * halt. The JSON is parsed by the engine's own JSON.parse (no parser of ours). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"

#define DEFAULT_WAIT_MS 10000
static double wait_ms = DEFAULT_WAIT_MS;

static const char *config_path(void)
{
#ifdef PETREL_NO_CLI
  return "/net.json";
#else
  const char *p = getenv("PETREL_NET_CONFIG");
  return p && *p ? p : NULL;
#endif
}

/* obj.key, an IPv4 address, into b: 0, 1 when absent, -1 when not an address */
static int get_ip4(duk_context *ctx, const char *key, uint8_t *b)
{
  if (!duk_get_prop_string(ctx, -1, key) || duk_is_null_or_undefined(ctx, -1)) {
    duk_pop(ctx);
    return 1;
  }
  plat_addr a;
  int r = duk_is_string(ctx, -1) && plat_addr_parse(duk_get_string(ctx, -1), &a) == 0 && a.family == 4 ? 0 : -1;
  duk_pop(ctx);
  if (!r) memcpy(b, a.bytes, 4);
  return r;
}

/* [text] -> [] : c filled from the JSON, or an Error thrown naming the problem */
static duk_ret_t parse(duk_context *ctx, void *udata)
{
  plat_net_config *c = udata;
  duk_json_decode(ctx, -1);
  if (!duk_is_object(ctx, -1) || duk_is_array(ctx, -1)) return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not an object");
  duk_get_prop_literal(ctx, -1, "dhcp");
  c->dhcp = (uint8_t)duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  static const char *const keys[] = { "ip", "netmask", "gateway", "dns" };
  uint8_t *dst[] = { c->ip, c->mask, c->gw, c->dns };
  for (int i = 0; i < 4; i++) {
    int r = get_ip4(ctx, keys[i], dst[i]);
    if (r < 0) return duk_error(ctx, DUK_ERR_TYPE_ERROR, "\"%s\" is not an IPv4 address", keys[i]);
    if (r > 0 && i == 0 && !c->dhcp) return duk_error(ctx, DUK_ERR_TYPE_ERROR, "no \"ip\" (or \"dhcp\": true)");
    if (r > 0 && i == 1 && !c->dhcp) memcpy(c->mask, "\xff\xff\xff\x00", 4);
  }
  if (duk_get_prop_literal(ctx, -1, "hostname")) {
    duk_size_t n;
    const char *h = duk_is_string(ctx, -1) ? duk_get_lstring(ctx, -1, &n) : NULL;
    if (!h || n >= sizeof c->hostname) return duk_error(ctx, DUK_ERR_TYPE_ERROR, "\"hostname\" is not a string of 1-32 bytes");
    memcpy(c->hostname, h, n);
  }
  duk_pop(ctx);
  if (duk_get_prop_literal(ctx, -1, "wait")) {
    double w = duk_to_number(ctx, -1);
    if (!(w >= 0 && w <= 0x7fffffff)) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "\"wait\" is not a number of ms");
    wait_ms = w;
  }
  return 0;
}

static void warn(duk_context *ctx, const char *path, const char *why)
{
  duk_push_sprintf(ctx, "petrel: %s: %s; the build's network settings are used\n", path, why);
  duk_size_t n;
  const char *s = duk_get_lstring(ctx, -1, &n);
  plat_console_write(2, s, n);
  duk_pop(ctx);
}

void petrel_net_config(duk_context *ctx)
{
  if (!plat_net_configurable()) return; /* the host's system owns its network */
  const char *path = config_path();
  plat_net_config c;
  memset(&c, 0, sizeof c);
  wait_ms = DEFAULT_WAIT_MS;
  char *data = NULL;
  size_t len = 0;
  if (!path || plat_file_kind(path) != 1 || plat_file_read(path, &data, &len) != 0) {
    (void)plat_net_configure(NULL);
    return;
  }
  if (!duk_check_stack(ctx, 4) || !len) {
    free(data);
    (void)plat_net_configure(NULL);
    return;
  }
  duk_push_lstring(ctx, data, len);
  free(data);
  int rc = duk_safe_call(ctx, parse, &c, 1, 1);
  if (rc != 0) {
    warn(ctx, path, duk_safe_to_string(ctx, -1));
    duk_pop(ctx);
    wait_ms = DEFAULT_WAIT_MS;
    (void)plat_net_configure(NULL);
    return;
  }
  duk_pop(ctx);
  int r = plat_net_configure(&c);
  if (r != 0) warn(ctx, path, plat_strerror_code(r));
}

double petrel_net_wait_ms(void) { return wait_ms; }

/* The address changed: process.emit('network'), as a callback from C (the uncaught
 * handling and the ticks after). Node has no such event; it is the one thing a
 * program needs to learn when a DHCP lease arrives or goes, and `process` is the
 * emitter every program has without loading anything. */
void petrel_net_changed(duk_context *ctx)
{
  duk_get_global_literal(ctx, "process");
  if (!duk_is_object(ctx, -1)) {
    duk_pop(ctx);
    return;
  }
  duk_get_prop_literal(ctx, -1, "emit");
  if (!duk_is_callable(ctx, -1)) {
    duk_pop_2(ctx);
    return;
  }
  duk_swap_top(ctx, -2); /* [emit process] */
  duk_push_literal(ctx, "network");
  petrel_make_callback(ctx, 1);
}
