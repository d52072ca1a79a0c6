/* The streams in C: helpers over a JS state object (modules/stream_state.c) and
 * what the Writable files share (modules/stream_writable.c: the state machine,
 * modules/stream_writable_methods.c: the methods and the binding; modules/stream_readable.c:
 * Readable's flowing-mode switches). */
#ifndef PETREL_STREAM_STATE_H
#define PETREL_STREAM_STATE_H
#include <stdint.h>
#include "runtime.h"

/* The global stash's entry for what internal/stream_writable.js hands to C:
 * Buffer, from, isEncoding, nextTick, EMPTY, fail. */
#define HELPERS_KEY DUK_HIDDEN_SYMBOL("writableHelpers")
#define STATE_KEY   DUK_HIDDEN_SYMBOL("s")   /* on onwrite and onFinish: the state */
#define CALLED_KEY  DUK_HIDDEN_SYMBOL("c")   /* on onFinish: called once already */
#define CBS_KEY     DUK_HIDDEN_SYMBOL("cbs") /* on a writev batch's callback */
/* The global stash's entries for the states' default prototypes (packFields keeps them). */
#define READABLE_PROTO_KEY DUK_HIDDEN_SYMBOL("rStateProto")
#define WRITABLE_PROTO_KEY DUK_HIDDEN_SYMBOL("wStateProto")

/* What fail(kind, value, name) makes (internal/stream_errors.js). */
enum {
  F_NULL,
  F_CHUNK,
  F_ENCODING,
  F_AFTER_END,
  F_DESTROYED,
  F_MULTIPLE,
  F_FINISHED,
  F_NOT_IMPLEMENTED,
  F_READ_NOT_IMPLEMENTED,
  F_PUSH_CHUNK,
  F_UNSHIFT_AFTER_END,
  F_PUSH_AFTER_EOF,
  F_HWM
};

/* Helpers: obj, idx and stream are stack indices (negative ones allowed). */
/* Pushes helpers[name]. */
void st_push_helper(duk_context *ctx, const char *name);
/* Pushes fail(kind, what) (what NULL: undefined), fail(kind, the value at idx). */
void st_push_error(duk_context *ctx, int kind, const char *what);
void st_push_fail(duk_context *ctx, int kind, duk_idx_t idx);
/* JS truthiness of a value, of obj[key]; a number field (NaN if none). */
int st_truthy(duk_context *ctx, duk_idx_t idx);
int st_flag(duk_context *ctx, duk_idx_t obj, const char *key);
/* A Readable state's packed flag by its number in stream_packed.c's readable_fields
 * (same order), from bits st_packed_bits gave for a Readable state ((bits & 3) == 1):
 * 0 false, 1 true, 2 null. The data path's reads without a search of the table. */
enum { RF_FLOWING, RF_ENDED, RF_END_EMITTED, RF_READING, RF_SYNC, RF_NEED_READABLE, RF_EMITTED_READABLE,
       RF_READABLE_LISTENING, RF_RESUME_SCHEDULED, RF_PAUSED, RF_ERROR_EMITTED, RF_DESTROYED, RF_CLOSED,
       RF_CLOSE_EMITTED, RF_READING_MORE, RF_DATA_EMITTED };
static inline int st_rbit(uint64_t bits, int f) { return (int)((bits >> (2 + 2 * (unsigned)f)) & 3); }
double st_num(duk_context *ctx, duk_idx_t obj, const char *key);
void st_put_bool(duk_context *ctx, duk_idx_t obj, const char *key, int v);
void st_put_num(duk_context *ctx, duk_idx_t obj, const char *key, double v);
void st_put_dup(duk_context *ctx, duk_idx_t obj, const char *key, duk_idx_t val);
void st_add_num(duk_context *ctx, duk_idx_t obj, const char *key, double d);
int st_is_function(duk_context *ctx, duk_idx_t idx);
/* value instanceof Buffer (its prototype chain; no Symbol.hasInstance call) */
int st_is_buffer(duk_context *ctx, duk_idx_t idx);
/* An accessor's property name (Duktape passes it: DUK_USE_NONSTD_GETTER_KEY_ARGUMENT,
 * at idx 0 for a getter, 1 for a setter) as its number in names[0..n), or n: one
 * native function serves every accessor of a group. */
int st_key_index(duk_context *ctx, duk_idx_t idx, const char *const *names, int n);
/* process.nextTick(fn as a light function, the n values on top: popped). */
void st_next_tick(duk_context *ctx, duk_c_function fn, int nargs, duk_idx_t n);
/* nextTick(the function below the n values on top, those values): all popped. */
void st_next_tick_value(duk_context *ctx, duk_idx_t n);
/* obj.name(the n values on top): they and the result popped. */
void st_call_method(duk_context *ctx, duk_idx_t obj, const char *name, duk_idx_t n);
void st_emit(duk_context *ctx, duk_idx_t stream, const char *event);
/* errorOrDestroy(stream, the error on top (popped), sync) */
void st_error_or_destroy(duk_context *ctx, duk_idx_t stream, int sync);
/* Calls each function of the array at arr with the value on top (popped). */
void st_call_each(duk_context *ctx, duk_idx_t arr);
/* options[key] or options.highWaterMark checked (idx < 0: no options), or the default. */
double st_hwm(duk_context *ctx, duk_idx_t idx, const char *key, int object_mode);
/* The state prototype variants: bit 0 emitClose === false, bit 1 autoDestroy === false. */
int st_option_bits(duk_context *ctx, duk_idx_t options);
void st_push_state_proto(duk_context *ctx, duk_idx_t base, int bits);

/* stream_writable.c, for the methods */
int writable_write_chunk(duk_context *ctx, duk_idx_t stream, duk_idx_t base);
/* end(chunk)'s write through a stream kind's own fast path, when one is set (net.Socket's,
 * modules/net_socket.c): -1 not taken (the general write runs), else taken. It may leave
 * values pushed. */
extern int (*writable_fast_end_write)(duk_context *ctx, duk_idx_t stream, duk_idx_t state, duk_idx_t chunk,
                                      duk_idx_t enc);
void writable_clear_buffer(duk_context *ctx, duk_idx_t stream, duk_idx_t state);
void writable_finish_maybe(duk_context *ctx, duk_idx_t stream, duk_idx_t state, int sync);
duk_ret_t writable_error_buffer_tick(duk_context *ctx);                        /* (state) */
duk_ret_t writable_onwrite_get(duk_context *ctx);                              /* the getter of state.onwrite */
void writable_own_stream(duk_context *ctx, duk_idx_t stream, duk_idx_t state); /* before onwrite */
double writable_buffered_length(duk_context *ctx, duk_idx_t state);

/* stream_destroy.c: destroy(err, cb) (this: the stream), errorOrDestroy(stream, err,
 * sync), _undestroy() */
duk_ret_t stream_destroy(duk_context *ctx);
duk_ret_t stream_error_or_destroy(duk_context *ctx);
duk_ret_t stream_undestroy(duk_context *ctx);

/* stream_packed.c: packFields(proto, table) on the binding at idx; a state's
 * packed flag key straight from its bits: 0 false, 1 true, 2 null, or -1 (not a
 * packed field of obj: use the property); the put (2: null, false where the field
 * cannot be null) returns 0 if not one. */
void packed_funcs(duk_context *ctx, duk_idx_t binding);
int st_packed_get(duk_context *ctx, duk_idx_t obj, const char *key);
int st_packed_put(duk_context *ctx, duk_idx_t obj, const char *key, int v);
/* 1 if any of the packed fields named by keys (NULL-ended) is true on obj, 0 if
 * none, -1 if obj's flags are not packed or a key is not one of its fields (ask
 * st_flag then): one read of the bits for several flags. */
int st_packed_any(duk_context *ctx, duk_idx_t obj, const char *const *keys);
/* Reads obj's packed bits once into *b: 1, or 0 when its flags are not packed. */
int st_packed_bits(duk_context *ctx, duk_idx_t obj, uint64_t *b);
/* The field key in bits b (st_packed_bits): 0 false, 1 true, 2 null, -1 not one of
 * its fields (ask st_flag). */
int st_bits_field(uint64_t b, const char *key);
/* Several flag reads of one state in a row with nothing between them that writes
 * its flags: the bits read once (st_bits_of), then st_flag_in per key, which
 * answers as st_flag does (a key that is not packed reads the property). */
typedef struct {
  uint64_t b;
  int packed;
} st_bits;
static inline void st_bits_of(duk_context *ctx, duk_idx_t obj, st_bits *sb)
{
  sb->packed = st_packed_bits(ctx, obj, &sb->b);
}
static inline int st_flag_in(duk_context *ctx, duk_idx_t obj, const st_bits *sb, const char *key)
{
  if (sb->packed) {
    int v = st_bits_field(sb->b, key);
    if (v >= 0) return v == 1;
  }
  return st_flag(ctx, obj, key);
}

/* The Writable state's block (stream_packed.c): its counters and its flags' bits
 * as a C struct in a hidden fixed buffer rather than as named properties. */
enum { W_LENGTH, W_PENDINGCB, W_CORKED, W_WRITELEN, W_BUFFERED_INDEX, W_HWM, W_NUMS };
/* The Writable's flags, their bits in the block (the order of writable_fields). */
enum {
  WF_FINAL_CALLED,
  WF_NEED_DRAIN,
  WF_ENDING,
  WF_ENDED,
  WF_FINISHED,
  WF_DESTROYED,
  WF_WRITING,
  WF_SYNC,
  WF_BUFFER_PROCESSING,
  WF_PREFINISHED,
  WF_ERROR_EMITTED,
  WF_CLOSED,
  WF_CLOSE_EMITTED,
  WF_CONSTRUCTED,
  WF_OBJECT_MODE,
  WF_DECODE_STRINGS
};
/* Duktape aligns a fixed buffer's data to 4 bytes at least (DUK_USE_ALIGN_BY):
 * enough for doubles on the boards (ARMv7-M's LDRD/VLDR take word alignment) and
 * for x86-64. */
typedef struct {
  double num[W_NUMS];
  uint64_t bits; /* 2 bits a flag from bit 2 on (bits 0-1: the table, 2) */
  void *owner;   /* the state it belongs to (the prototype's is shared) */
} st_wblock;
/* The block of the Writable state at obj (own or its prototype's: read only), or
 * NULL; the state's own (made on first use; a state from elsewhere adopts one from
 * its named fields), NULL if obj is no object. One lookup each: the hot paths
 * fetch it once per call. */
st_wblock *st_wblk(duk_context *ctx, duk_idx_t obj);
st_wblock *st_wblk_own(duk_context *ctx, duk_idx_t obj);
/* st_wblk_own, or a coded TypeError (ERR_INVALID_STATE) if obj is no object. */
st_wblock *st_wblk_req(duk_context *ctx, duk_idx_t obj);
static inline int wb_flag(const st_wblock *w, int f) { return ((w->bits >> (2 + 2 * f)) & 3) == 1; }
static inline void wb_set(st_wblock *w, int f, int v)
{
  w->bits = (w->bits & ~((uint64_t)3 << (2 + 2 * f))) | ((uint64_t)(v ? 1 : 0) << (2 + 2 * f));
}
/* Any of the flags in mask (1 << WF_...) true. */
static inline int wb_any(const st_wblock *w, unsigned mask)
{
  for (int f = 0; mask; f++, mask >>= 1)
    if ((mask & 1) && wb_flag(w, f)) return 1;
  return 0;
}
/* The counter f of the Writable state at obj; the put and add write it (the state
 * gets its own block on its first write). A state without the block goes through
 * the named property (the read) or adopts one (the write). */
double st_wnum(duk_context *ctx, duk_idx_t obj, int f);
void st_put_wnum(duk_context *ctx, duk_idx_t obj, int f, double v);
void st_add_wnum(duk_context *ctx, duk_idx_t obj, int f, double d);

/* stream_readable.c: installReadable(proto, helpers) */
duk_ret_t readable_install(duk_context *ctx);
/* Readable's on/removeListener on top, for an event they only pass on: the base's. */
void petrel_readable_skip_listener_method(duk_context *ctx, duk_idx_t type, int remove);
/* stream_readable_init.c: initReadable and defineReadableAccessors on the binding at idx */
void readable_init_funcs(duk_context *ctx, duk_idx_t binding);
/* deferred.c: deferMethods, defineLazy and deferErrors on the binding at idx */
void deferred_funcs(duk_context *ctx, duk_idx_t binding);
/* errors_system.c: internal/errors' systemError(errno, syscall, extra) */
duk_ret_t errors_system_error(duk_context *ctx);
#endif
