/* process.binding('dns'): lookup(host, family, cb) -> cb(err, [[address, family], ...]).
 * A pending lookup keeps the loop alive; results always arrive asynchronously. */
#include <stdlib.h>
#include "runtime.h"
#include "platform.h"

typedef struct {
  duk_context *ctx;
  void *cb;
} lookup_req;

static void on_lookup(void *user, int err, const plat_addr *addrs, int n)
{
  lookup_req *q = user;
  duk_context *ctx = q->ctx;
  loop_unref();
  duk_push_heapptr(ctx, q->cb);
  petrel_unpin(ctx, q->cb); /* still on the value stack: safe */
  duk_push_undefined(ctx);
  duk_push_int(ctx, err);
  duk_push_array(ctx);
  for (int i = 0; i < n; i++) {
    char buf[64];
    plat_addr_format(&addrs[i], buf, sizeof buf);
    duk_push_array(ctx);
    duk_push_string(ctx, buf);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_int(ctx, addrs[i].family);
    duk_put_prop_index(ctx, -2, 1);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  free(q);
  petrel_make_callback(ctx, 2);
}

static duk_ret_t dns_lookup(duk_context *ctx)
{
  const char *host = duk_require_string(ctx, 0);
  int family = duk_require_int(ctx, 1);
  duk_require_function(ctx, 2);
  lookup_req *q = malloc(sizeof *q);
  if (!q) { duk_push_int(ctx, PLAT_ENOMEM); return 1; }
  q->ctx = ctx;
  q->cb = petrel_pin(ctx, 2);
  int err = plat_lookup(host, family, on_lookup, q);
  if (err) {
    petrel_unpin(ctx, q->cb);
    free(q);
  } else {
    loop_ref();
  }
  duk_push_int(ctx, err);
  return 1;
}

duk_ret_t petrel_binding_dns(duk_context *ctx)
{
  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, dns_lookup, 3, 3, 0);
  duk_put_prop_string(ctx, -2, "lookup");
  return 1;
}
