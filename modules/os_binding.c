/* os (process.binding('os'); modules/os.js is one line): node 20's os module where it
 * applies to a board, as light functions told apart by their magic, over the
 * platform's figures (plat_os_info_get: the host's on linux and linux-lwip, the
 * board's own RAM, heap, uptime and hostname on a device) and its interfaces
 * (plat_net_interfaces: getifaddrs on POSIX, lwIP's netifs on an lwIP board).
 * Nothing of it is resident: the binding is made on the first require('os'). */
#include <string.h>
#include "runtime.h"
#include "bindings.h"
#include "platform.h"

enum {
  OS_ARCH,
  OS_AVAILABLE_PARALLELISM,
  OS_CPUS,
  OS_ENDIANNESS,
  OS_FREEMEM,
  OS_HOMEDIR,
  OS_HOSTNAME,
  OS_LOADAVG,
  OS_MACHINE,
  OS_NETWORK_INTERFACES,
  OS_PLATFORM,
  OS_RELEASE,
  OS_TMPDIR,
  OS_TOTALMEM,
  OS_TYPE,
  OS_UPTIME,
  OS_VERSION,
  OS_COUNT
};
static const char *const os_names[OS_COUNT] = { "arch",     "availableParallelism", "cpus",     "endianness", "freemem",
                                                "homedir",  "hostname",             "loadavg",  "machine",    "networkInterfaces",
                                                "platform", "release",              "tmpdir",   "totalmem",   "type",
                                                "uptime",   "version" };

/* process[key] (arch, platform), as node's os.arch() is process.arch */
static void push_process(duk_context *ctx, const char *key)
{
  duk_get_global_literal(ctx, "process");
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

/* process.env[key] if a non-empty string, else dflt */
static void push_env(duk_context *ctx, const char *key, const char *dflt)
{
  duk_get_global_literal(ctx, "process");
  duk_get_prop_literal(ctx, -1, "env");
  if (duk_is_object(ctx, -1)) duk_get_prop_string(ctx, -1, key);
  else duk_push_undefined(ctx);
  if (!duk_is_string(ctx, -1) || !duk_get_length(ctx, -1)) {
    duk_pop(ctx);
    duk_push_string(ctx, dflt);
  }
  duk_replace(ctx, -3);
  duk_pop(ctx);
}

static void push_mac(duk_context *ctx, const uint8_t *m)
{
  duk_push_sprintf(ctx, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

/* { name: [ { address, netmask, family, mac, internal, cidr[, scopeid] } ] } as node's */
static void push_interfaces(duk_context *ctx)
{
  plat_if_addr list[12];
  int n = plat_net_interfaces(list, 12);
  if (n > 12) n = 12;
  duk_push_object(ctx);
  for (int i = 0; i < n; i++) {
    plat_if_addr *e = &list[i];
    char buf[48];
    if (!duk_get_prop_string(ctx, -1, e->name)) {
      duk_pop(ctx);
      duk_push_array(ctx);
      duk_dup_top(ctx);
      duk_put_prop_string(ctx, -3, e->name);
    }
    duk_push_object(ctx);
    plat_addr_format(&e->addr, buf, sizeof buf);
    duk_push_string(ctx, buf);
    duk_put_prop_literal(ctx, -2, "address");
    plat_addr mask;
    memset(&mask, 0, sizeof mask);
    mask.family = e->addr.family;
    for (int b = 0; b < e->prefix && b < 128; b++) mask.bytes[b / 8] |= (uint8_t)(0x80u >> (b % 8));
    plat_addr_format(&mask, buf, sizeof buf);
    duk_push_string(ctx, buf);
    duk_put_prop_literal(ctx, -2, "netmask");
    duk_push_string(ctx, e->addr.family == 4 ? "IPv4" : "IPv6");
    duk_put_prop_literal(ctx, -2, "family");
    push_mac(ctx, e->mac);
    duk_put_prop_literal(ctx, -2, "mac");
    duk_push_boolean(ctx, e->internal);
    duk_put_prop_literal(ctx, -2, "internal");
    duk_get_prop_literal(ctx, -1, "address");
    duk_push_sprintf(ctx, "%s/%d", duk_get_string(ctx, -1), e->prefix);
    duk_put_prop_literal(ctx, -3, "cidr");
    duk_pop(ctx);
    if (e->addr.family == 6) {
      duk_push_uint(ctx, e->addr.scope_id);
      duk_put_prop_literal(ctx, -2, "scopeid");
    }
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
    duk_pop(ctx);
  }
}

static duk_ret_t os_call(duk_context *ctx)
{
  int op = duk_get_current_magic(ctx);
  plat_os_info info;
  switch (op) {
  case OS_ARCH: push_process(ctx, "arch"); return 1;
  case OS_PLATFORM: push_process(ctx, "platform"); return 1;
  case OS_ENDIANNESS: {
    const uint16_t one = 1;
    duk_push_string(ctx, *(const uint8_t *)&one ? "LE" : "BE");
    return 1;
  }
  case OS_HOMEDIR: push_env(ctx, "HOME", "/"); return 1;
  case OS_TMPDIR: {
    push_env(ctx, "TMPDIR", "");
    if (!duk_get_length(ctx, -1)) {
      duk_pop(ctx);
      push_env(ctx, "TMP", "");
    }
    if (!duk_get_length(ctx, -1)) {
      duk_pop(ctx);
      push_env(ctx, "TEMP", "/tmp");
    }
    duk_size_t len;
    const char *s = duk_get_lstring(ctx, -1, &len);
    if (len > 1 && s[len - 1] == '/') duk_push_lstring(ctx, s, len - 1); /* node drops a trailing slash */
    return 1;
  }
  case OS_NETWORK_INTERFACES: push_interfaces(ctx); return 1;
  default: break;
  }
  plat_os_info_get(&info);
  switch (op) {
  case OS_AVAILABLE_PARALLELISM: duk_push_uint(ctx, info.cpus ? info.cpus : 1); break;
  case OS_FREEMEM: duk_push_number(ctx, (double)info.free_mem); break;
  case OS_TOTALMEM: duk_push_number(ctx, (double)info.total_mem); break;
  case OS_UPTIME: duk_push_number(ctx, info.uptime); break;
  case OS_HOSTNAME: duk_push_string(ctx, info.hostname); break;
  case OS_TYPE: duk_push_string(ctx, info.type); break;
  case OS_RELEASE: duk_push_string(ctx, info.release[0] ? info.release : PETREL_VERSION); break;
  case OS_VERSION: duk_push_string(ctx, info.version); break;
  case OS_LOADAVG: /* a board has no run queue to average: 0s */
    duk_push_array(ctx);
    for (int i = 0; i < 3; i++) {
      duk_push_number(ctx, info.loadavg[i]);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
    }
    break;
  case OS_MACHINE: duk_push_string(ctx, info.machine); break;
  case OS_CPUS: /* node's shape; a board counts no times: 0 */
    duk_push_array(ctx);
    for (unsigned i = 0; i < (info.cpus ? info.cpus : 1); i++) {
      duk_push_object(ctx);
      duk_push_string(ctx, info.cpu_model);
      duk_put_prop_literal(ctx, -2, "model");
      duk_push_uint(ctx, info.cpu_mhz);
      duk_put_prop_literal(ctx, -2, "speed");
      duk_push_object(ctx);
      static const char *const times[] = { "user", "nice", "sys", "idle", "irq" };
      double v[5] = { 0 };
      if (plat_cpu_times(i, v) != 0) memset(v, 0, sizeof v);
      for (int t = 0; t < 5; t++) {
        duk_push_number(ctx, v[t]);
        duk_put_prop_string(ctx, -2, times[t]);
      }
      duk_put_prop_literal(ctx, -2, "times");
      duk_put_prop_index(ctx, -2, i);
    }
    break;
  }
  return 1;
}

static const char *os_name(duk_c_function fn, int magic)
{
  return fn == os_call && magic >= 0 && magic < OS_COUNT ? os_names[magic] : NULL;
}
PETREL_LIGHTFUNC_LOOKUP(os, os_name);

duk_ret_t petrel_binding_os(duk_context *ctx)
{
  duk_push_object(ctx);
  for (int op = 0; op < OS_COUNT; op++) {
    petrel_push_lightfunc(ctx, os_call, 0, 0, op);
    duk_put_prop_string(ctx, -2, os_names[op]);
  }
  duk_push_literal(ctx, "\n");
  duk_put_prop_literal(ctx, -2, "EOL");
  duk_push_literal(ctx, "/dev/null");
  duk_put_prop_literal(ctx, -2, "devNull");
  return 1;
}
