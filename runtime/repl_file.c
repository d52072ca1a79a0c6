/*
 * The raw protocol's file transfers (runtime/repl_run.c's raw_request passes them here):
 * petrel-tool's cp, cat and sha256sum, and the boards' run scripts' uploads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"
#include "repl.h"
#include "sha256.h"
#include "buffer_codec.h"

/* ---- file transfer requests (petrel-tool's put, sha256 and get) ----
 *   //@petrel:put OFFSET TOTAL PATH\n<base64>   bytes OFFSET.. of PATH's TOTAL: offset 0
 *                                              creates or replaces PATH, more chunks append
 *   //@petrel:sha256 PATH                      prints "<hex digest> <size>\n"
 *   //@petrel:get OFFSET LENGTH PATH           prints bytes OFFSET.. of PATH in base64
 * Every byte travels as text without control bytes, so no upload can end a request or
 * interrupt anything, and any file (binary, not UTF-8) is stored as it is. An error is
 * one line on stderr ("ENOSPC: no space left on device, write '/big.bin'"), status 1. */

#define REPACK_MAX (32 * 1024) /* a chunked upload up to this is rewritten whole (packed) */

typedef struct {
  const char *req;
  size_t n;
  int kind; /* 1 put, 2 sha256, 3 get */
} file_req;

/* Reads a decimal number at *p (before end); -1 when there is none. */
static long long number(const char **p, const char *end)
{
  long long v = 0;
  int any = 0;
  while (*p < end && **p >= '0' && **p <= '9' && v < (1LL << 40)) v = v * 10 + (*(*p)++ - '0'), any = 1;
  if (*p < end && **p == ' ') (*p)++;
  else if (*p < end) any = 0;
  return any ? v : -1;
}

/* Throws "CODE: text, syscall 'path'" (a plain Error: its message is the line shown). */
static duk_ret_t file_error(duk_context *ctx, int err, const char *syscall, const char *path)
{
  return duk_error(ctx, DUK_ERR_ERROR, "%s: %s, %s '%s'", plat_strerror_code(err), plat_strerror_text(err), syscall,
                   path);
}

typedef struct {
  char *data;
  size_t len;
} file_copy;

static duk_ret_t push_copy(duk_context *ctx, void *udata)
{
  file_copy *c = udata;
  void *b = duk_push_fixed_buffer(ctx, c->len);
  if (c->len) memcpy(b, c->data, c->len);
  return 1;
}

static duk_ret_t do_file_request(duk_context *ctx, void *udata)
{
  file_req *f = udata;
  const char *p = f->req, *end = f->req + f->n;
  const char *nl = memchr(p, '\n', f->n);
  const char *line_end = nl ? nl : end;
  long long a = -1, b = -1;
  if (f->kind != 2) {
    a = number(&p, line_end);
    b = number(&p, line_end);
    if (a < 0 || b < 0) return duk_error(ctx, DUK_ERR_ERROR, "EINVAL: bad request (want OFFSET LENGTH PATH)");
  }
  if (p == line_end) return duk_error(ctx, DUK_ERR_ERROR, "EINVAL: no path in the request");
  duk_push_lstring(ctx, p, (size_t)(line_end - p));
  const char *path = duk_get_string(ctx, -1);
  if (f->kind == 1) {
    const char *body = nl ? nl + 1 : end;
    const uint8_t *text = (const uint8_t *)body;
    size_t tlen = (size_t)(end - body);
    size_t len = pb_encoded_length(text, tlen, PB_BASE64); /* Buffer's codec: base64 -> bytes */
    void *data = duk_push_fixed_buffer(ctx, len);
    pb_encode(text, tlen, PB_BASE64, data, len);
    if (a + (long long)len > b) return duk_error(ctx, DUK_ERR_ERROR, "EINVAL: more bytes than TOTAL");
    int r = a == 0 ? plat_file_write(path, data, len) : plat_file_append(path, data, len);
    if (r && a > 0) (void)plat_file_write(path, "", 0); /* not left half there, filling the store */
    if (r) return file_error(ctx, r, a == 0 ? "open" : "write", path);
    duk_pop(ctx);
    if (a > 0 && a + (long long)len == b && b <= REPACK_MAX) { /* best effort: a store may pack it */
      char *all;
      size_t all_len;
      if (plat_file_read(path, &all, &all_len) == 0) {
        (void)plat_file_write(path, all, all_len); /* on failure the file stays as it is */
        free(all);
      }
    }
    return 0;
  }
  /* The file's bytes are the store's copy (malloc'd): nothing may throw until they are
   * freed, so the digest or the base64 text is made in C, then pushed. */
  file_copy c;
  int r = plat_file_read(path, &c.data, &c.len);
  if (r) return file_error(ctx, r, "open", path);
  char hex[65 + 24];
  file_copy out = { hex, 0 };
  if (f->kind == 2) {
    petrel_sha256 h;
    unsigned char d[32];
    petrel_sha256_init(&h);
    petrel_sha256_update(&h, c.data, c.len);
    petrel_sha256_final(&h, d);
    for (int i = 0; i < 32; i++) {
      hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    out.len = 64 + (size_t)snprintf(hex + 64, sizeof hex - 64, " %lu\n", (unsigned long)c.len);
  } else {
    size_t from = (size_t)a < c.len ? (size_t)a : c.len;
    size_t k = (size_t)b < c.len - from ? (size_t)b : c.len - from;
    out.len = pb_decoded_length((const uint8_t *)c.data + from, k, PB_BASE64, NULL);
    out.data = malloc(out.len + 1);
    if (out.data) pb_decode((const uint8_t *)c.data + from, k, PB_BASE64, (uint8_t *)out.data);
  }
  free(c.data);
  if (!out.data) return file_error(ctx, PLAT_ENOMEM, "read", path);
  int rc = duk_safe_call(ctx, push_copy, &out, 0, 1);
  if (out.data != hex) free(out.data);
  if (rc != 0) return duk_throw(ctx);
  petrel_console_write_raw(1, duk_get_buffer_data(ctx, -1, NULL), out.len);
  return 0;
}

/* A put, sha256 or get request (req, n bytes after the tag; kind as file_req's). */
void repl_file_request(duk_context *ctx, const char *req, size_t n, int kind)
{
  file_req f = { req, n, kind };
  int status = 0;
  if (duk_safe_call(ctx, do_file_request, &f, 0, 1) != 0) {
    duk_get_prop_literal(ctx, -1, "message");
    const char *msg = duk_is_string(ctx, -1) ? duk_get_string(ctx, -1) : "request failed";
    petrel_frame_stderr(1);
    petrel_console_write(ctx, 2, msg, strlen(msg));
    petrel_console_write(ctx, 2, "\n", 1);
    petrel_frame_stderr(0);
    duk_pop(ctx);
    status = 1;
  }
  duk_pop(ctx);
  duk_push_sprintf(ctx, "\x04%d\x04>", status);
  repl_write(ctx, duk_get_string(ctx, -1));
  duk_pop(ctx);
}
