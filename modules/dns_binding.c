/* process.binding('dns'): lookup(host, family, cb) -> cb(err, [[address, family], ...]).
 * A pending lookup keeps the loop alive; results always arrive asynchronously. */
#include <stdlib.h>
#include "runtime.h"
#include "bindings.h"
#include "platform.h"

typedef struct lookup_req {
  duk_context *ctx;
  void *cb; /* NULL once cancelled by a soft reset: the answer is then dropped */
  struct lookup_req *next, *prev;
} lookup_req;

static lookup_req *pending; /* the lookups not answered yet */

static void unlist(lookup_req *q)
{
  if (q->prev)
    q->prev->next = q->next;
  else
    pending = q->next;
  if (q->next) q->next->prev = q->prev;
  q->next = q->prev = NULL;
}

/* A soft reset (runtime/repl_run.c): no pending lookup keeps the loop alive or calls
 * back; the platform still answers each, and the answer is dropped. */
void dns_cancel_all(duk_context *ctx)
{
  while (pending) {
    lookup_req *q = pending;
    unlist(q);
    petrel_unpin(ctx, q->cb);
    q->cb = NULL;
    loop_unref();
  }
}

/* A lookup's answer, delivered under petrel_protected: the address list is built
 * in the heap, which may be full. */
typedef struct {
  void *cb;
  int err;
  const plat_addr *addrs;
  int n;
} lookup_answer;

static duk_ret_t deliver(duk_context *ctx, void *udata)
{
  lookup_answer *a = udata;
  duk_push_heapptr(ctx, a->cb);
  duk_push_undefined(ctx);
  duk_push_int(ctx, a->err);
  duk_push_array(ctx);
  for (int i = 0; i < a->n; i++) {
    char buf[64];
    plat_addr_format(&a->addrs[i], buf, sizeof buf);
    duk_push_array(ctx);
    duk_push_string(ctx, buf);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_int(ctx, a->addrs[i].family);
    duk_put_prop_index(ctx, -2, 1);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  petrel_make_callback(ctx, 2);
  return 0;
}

static void on_lookup(void *user, int err, const plat_addr *addrs, int n)
{
  lookup_req *q = user;
  duk_context *ctx = q->ctx;
  lookup_answer a = { q->cb, err, addrs, n };
  if (!q->cb) { /* cancelled */
    free(q);
    return;
  }
  unlist(q);
  free(q);
  loop_unref();
  /* No lookup is left unanswered: when the list cannot be built, the callback
   * gets ENOMEM (the pin keeps it alive until then; each lookup has its own). */
  if (petrel_protected(ctx, deliver, &a)) {
    a.err = PLAT_ENOMEM;
    a.n = 0;
    (void)petrel_protected(ctx, deliver, &a);
  }
  petrel_unpin(ctx, a.cb);
}

static duk_ret_t dns_lookup(duk_context *ctx)
{
  const char *host = duk_require_string(ctx, 0);
  int family = duk_require_int(ctx, 1);
  duk_require_function(ctx, 2);
  lookup_req *q = malloc(sizeof *q);
  if (!q) {
    duk_push_int(ctx, PLAT_ENOMEM);
    return 1;
  }
  q->ctx = ctx;
  q->cb = petrel_pin(ctx, 2);
  q->prev = NULL; /* listed first: an answer may come before plat_lookup returns */
  q->next = pending;
  if (pending) pending->prev = q;
  pending = q;
  loop_ref();
  int err = plat_lookup(host, family, on_lookup, q);
  if (err) {
    unlist(q);
    loop_unref();
    petrel_unpin(ctx, q->cb);
    free(q);
  }
  duk_push_int(ctx, err);
  return 1;
}

static const petrel_lf_name dns_names[] = { { "lookup", dns_lookup, 0 }, { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(dns, dns_names);

duk_ret_t petrel_binding_dns(duk_context *ctx)
{
  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, dns_lookup, 3, 3, 0);
  duk_put_prop_literal(ctx, -2, "lookup");
  return 1;
}
