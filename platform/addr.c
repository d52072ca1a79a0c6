/*
 * Text <-> binary IP addresses, written without inet_pton so that boards
 * without a BSD socket layer share it. IPv6 output follows RFC 5952 (the
 * form Node prints: longest zero run as "::", lower case, "::ffff:1.2.3.4").
 */
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include "platform.h"

static int parse_v4(const char *s, const char *end, uint8_t out[4])
{
  int part = 0;
  while (part < 4) {
    int v = 0, digits = 0;
    while (s < end && *s >= '0' && *s <= '9') {
      if (digits > 0 && v == 0) return -1; /* no leading zeros (Node rejects "01") */
      v = v * 10 + (*s - '0');
      if (v > 255 || ++digits > 3) return -1;
      s++;
    }
    if (digits == 0) return -1;
    out[part++] = (uint8_t)v;
    if (part < 4) {
      if (s >= end || *s != '.') return -1;
      s++;
    }
  }
  return s == end ? 0 : -1;
}

static int hexval(char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int parse_v6(const char *s, const char *end, uint8_t out[16])
{
  uint16_t words[8];
  int n = 0, gap = -1;
  if (s < end && *s == ':') {
    if (s + 1 >= end || s[1] != ':') return -1;
    s += 2;
    gap = 0;
    if (s == end) goto done;
  }
  while (s < end) {
    const char *start = s;
    int v = 0, digits = 0;
    while (s < end && hexval(*s) >= 0 && digits < 5) {
      v = v * 16 + hexval(*s);
      s++;
      digits++;
    }
    if (digits == 0 || digits > 4) return -1;
    if (s < end && *s == '.') { /* embedded IPv4 tail */
      uint8_t v4[4];
      if (n > 6 || parse_v4(start, end, v4) != 0) return -1;
      words[n++] = (uint16_t)(v4[0] << 8 | v4[1]);
      words[n++] = (uint16_t)(v4[2] << 8 | v4[3]);
      s = end;
      break;
    }
    if (n >= 8) return -1;
    words[n++] = (uint16_t)v;
    if (s == end) break;
    if (*s != ':') return -1;
    s++;
    if (s < end && *s == ':') {
      if (gap >= 0) return -1;
      gap = n;
      s++;
      if (s == end) break;
    } else if (s == end) {
      return -1; /* trailing single colon */
    }
  }
done:
  if (gap < 0 && n != 8) return -1;
  if (gap >= 0 && n > 7) return -1;
  memset(out, 0, 16);
  if (gap < 0) gap = n;
  for (int i = 0; i < gap; i++) {
    out[2 * i] = (uint8_t)(words[i] >> 8);
    out[2 * i + 1] = (uint8_t)words[i];
  }
  int tail = n - gap;
  for (int i = 0; i < tail; i++) {
    int w = 8 - tail + i;
    out[2 * w] = (uint8_t)(words[gap + i] >> 8);
    out[2 * w + 1] = (uint8_t)words[gap + i];
  }
  return 0;
}

int plat_addr_parse(const char *text, plat_addr *out)
{
  size_t len = strlen(text);
  const char *end = text + len;
  memset(out, 0, sizeof *out);
  if (parse_v4(text, end, out->bytes) == 0) {
    out->family = 4;
    return 0;
  }
  const char *pct = memchr(text, '%', len);
  if (pct) {
    /* zone index: numeric, or an interface name we cannot resolve here (kept as 0) */
    out->scope_id = (uint32_t)strtoul(pct + 1, NULL, 10);
    if (pct + 1 == end) return PLAT_EINVAL;
    for (const char *z = pct + 1; z < end; z++) /* Node's zone characters: [0-9a-zA-Z-.:] */
      if (!isalnum((unsigned char)*z) && *z != '-' && *z != '.' && *z != ':') return PLAT_EINVAL;
    end = pct;
  }
  if (parse_v6(text, end, out->bytes) == 0) {
    out->family = 6;
    return 0;
  }
  return PLAT_EINVAL;
}

void plat_addr_format(const plat_addr *a, char *buf, size_t len)
{
  const uint8_t *b = a->bytes;
  if (a->family == 4) {
    snprintf(buf, len, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    return;
  }
  uint16_t w[8];
  for (int i = 0; i < 8; i++) w[i] = (uint16_t)(b[2 * i] << 8 | b[2 * i + 1]);
  /* IPv4-mapped: ::ffff:a.b.c.d */
  if (!w[0] && !w[1] && !w[2] && !w[3] && !w[4] && w[5] == 0xffff) {
    snprintf(buf, len, "::ffff:%u.%u.%u.%u", b[12], b[13], b[14], b[15]);
    return;
  }
  int best = -1, best_len = 1, cur = -1, cur_len = 0;
  for (int i = 0; i < 8; i++) {
    if (w[i] == 0) {
      if (cur < 0) {
        cur = i;
        cur_len = 0;
      }
      if (++cur_len > best_len) {
        best = cur;
        best_len = cur_len;
      }
    } else {
      cur = -1;
    }
  }
  size_t pos = 0;
  buf[0] = 0;
  for (int i = 0; i < 8 && pos < len; i++) {
    if (i == best) {
      pos += (size_t)snprintf(buf + pos, len - pos, "::");
      i += best_len - 1;
      continue;
    }
    pos += (size_t)snprintf(buf + pos, len - pos, (pos && buf[pos - 1] != ':') ? ":%x" : "%x", w[i]);
  }
}
