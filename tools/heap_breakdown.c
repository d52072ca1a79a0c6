/* Heap breakdown walk for measurements (docs/bench.md, "The mqtt app's heap"): not part of
 * any build. To use: append this file to a board's build/BOARD/duktape/duktape.c (after
 * `make`; it uses Duktape's internal macros, so it must be in the amalgamation) and call
 * petrel_meas_walk(ctx, "tag", petrel_heap_used()) where the breakdown is wanted (after a
 * duk_gc: e.g. in runtime/module_load.c right after a module is compiled, and in
 * runtime/main.c after loop_run). It prints "MEAS" lines on stderr: compiled function
 * templates (no prototype) and closures (header, property table), the data buffers they
 * share (constants, inner-function pointers, bytecode), their _Pc2line, _Varmap and
 * _Formals, then the other objects by kind, other buffers and the interned strings.
 * heap_used minus the walked total is allocator rounding, value stacks and the string
 * table itself. Sizes are the structures' own (sizeof plus property/data allocation). */
#include <stdio.h>
static duk_size_t pm__objsize(duk_hobject *h) {
	if (DUK_HOBJECT_IS_COMPFUNC(h)) return sizeof(duk_hcompfunc);
	if (DUK_HOBJECT_IS_NATFUNC(h)) return sizeof(duk_hnatfunc);
	if (DUK_HOBJECT_IS_BOUNDFUNC(h)) return sizeof(duk_hboundfunc);
#if defined(DUK_USE_BUFFEROBJECT_SUPPORT)
	if (DUK_HOBJECT_IS_BUFOBJ(h)) return sizeof(duk_hbufobj);
#endif
	if (DUK_HOBJECT_IS_THREAD(h)) return sizeof(duk_hthread);
	if (DUK_HOBJECT_IS_DECENV(h)) return sizeof(duk_hdecenv);
	if (DUK_HOBJECT_IS_OBJENV(h)) return sizeof(duk_hobjenv);
	if (DUK_HOBJECT_IS_ARRAY(h)) return sizeof(duk_harray);
	return sizeof(duk_hobject);
}
static duk_size_t pm__bufsize(duk_hbuffer *b) {
	if (DUK_HBUFFER_HAS_DYNAMIC(b)) {
		if (DUK_HBUFFER_HAS_EXTERNAL(b)) return sizeof(duk_hbuffer_external);
		return sizeof(duk_hbuffer_dynamic) + DUK_HBUFFER_GET_SIZE(b);
	}
	return sizeof(duk_hbuffer_fixed) + DUK_HBUFFER_GET_SIZE(b);
}
#define PM_MARK(hh) DUK_HEAPHDR_SET_TEMPROOT((duk_heaphdr *) (hh))
#define PM_MARKED(hh) DUK_HEAPHDR_HAS_TEMPROOT((duk_heaphdr *) (hh))
void petrel_meas_walk(duk_context *ctx, const char *tag, unsigned long heap_used) {
	duk_hthread *thr = (duk_hthread *) ctx;
	duk_heap *heap = thr->heap;
	duk_heaphdr *hdr;
	unsigned long n_tpl = 0, tpl_hdr = 0, tpl_props = 0, n_clo = 0, clo_hdr = 0, clo_props = 0;
	unsigned long n_data = 0, d_hdr = 0, d_consts = 0, d_funcs = 0, d_code = 0;
	unsigned long n_p2l = 0, p2l = 0, n_vm = 0, vm = 0, n_fm = 0, fm = 0;
	unsigned long n_env = 0, env = 0, n_arr = 0, arr = 0, n_obj = 0, obj = 0, n_nat = 0, nat = 0, n_oth = 0, oth = 0;
	unsigned long n_buf = 0, buf = 0, n_str = 0, str = 0, n_thr = 0, thrb = 0;
	duk_uint32_t i;
	/* pass 1: compiled functions and what hangs off them */
	for (hdr = heap->heap_allocated; hdr; hdr = DUK_HEAPHDR_GET_NEXT(heap, hdr)) {
		duk_hobject *h; duk_hcompfunc *f; duk_hbuffer *d; duk_tval *tv; int is_tpl;
		if (DUK_HEAPHDR_GET_TYPE(hdr) != DUK_HTYPE_OBJECT) continue;
		h = (duk_hobject *) hdr;
		if (!DUK_HOBJECT_IS_COMPFUNC(h)) continue;
		f = (duk_hcompfunc *) h;
		is_tpl = DUK_HOBJECT_GET_PROTOTYPE(heap, h) == NULL;
		if (is_tpl) { n_tpl++; tpl_hdr += sizeof(duk_hcompfunc); tpl_props += DUK_HOBJECT_P_ALLOC_SIZE(h); }
		else { n_clo++; clo_hdr += sizeof(duk_hcompfunc); clo_props += DUK_HOBJECT_P_ALLOC_SIZE(h); }
		PM_MARK(h);
		d = (duk_hbuffer *) DUK_HCOMPFUNC_GET_DATA(heap, f);
		if (d && !PM_MARKED(d)) {
			PM_MARK(d); n_data++; d_hdr += sizeof(duk_hbuffer_fixed);
			d_consts += DUK_HCOMPFUNC_GET_CONSTS_SIZE(heap, f);
			d_funcs += DUK_HCOMPFUNC_GET_FUNCS_SIZE(heap, f);
			d_code += DUK_HCOMPFUNC_GET_CODE_SIZE(heap, f);
		}
		tv = duk_hobject_find_entry_tval_ptr_stridx(heap, h, DUK_STRIDX_INT_PC2LINE);
		if (tv && DUK_TVAL_IS_BUFFER(tv) && !PM_MARKED(DUK_TVAL_GET_BUFFER(tv))) {
			PM_MARK(DUK_TVAL_GET_BUFFER(tv)); n_p2l++; p2l += pm__bufsize(DUK_TVAL_GET_BUFFER(tv));
		}
		tv = duk_hobject_find_entry_tval_ptr_stridx(heap, h, DUK_STRIDX_INT_VARMAP);
		if (tv && DUK_TVAL_IS_OBJECT(tv) && !PM_MARKED(DUK_TVAL_GET_OBJECT(tv))) {
			duk_hobject *o = DUK_TVAL_GET_OBJECT(tv);
			PM_MARK(o); n_vm++; vm += pm__objsize(o) + DUK_HOBJECT_P_ALLOC_SIZE(o);
		}
		tv = duk_hobject_find_entry_tval_ptr_stridx(heap, h, DUK_STRIDX_INT_FORMALS);
		if (tv && DUK_TVAL_IS_OBJECT(tv) && !PM_MARKED(DUK_TVAL_GET_OBJECT(tv))) {
			duk_hobject *o = DUK_TVAL_GET_OBJECT(tv);
			PM_MARK(o); n_fm++; fm += pm__objsize(o) + DUK_HOBJECT_P_ALLOC_SIZE(o);
		}
	}
	/* pass 2: everything else; clear marks */
	for (hdr = heap->heap_allocated; hdr; hdr = DUK_HEAPHDR_GET_NEXT(heap, hdr)) {
		if (PM_MARKED(hdr)) { DUK_HEAPHDR_CLEAR_TEMPROOT(hdr); continue; }
		if (DUK_HEAPHDR_GET_TYPE(hdr) == DUK_HTYPE_BUFFER) { n_buf++; buf += pm__bufsize((duk_hbuffer *) hdr); continue; }
		if (DUK_HEAPHDR_GET_TYPE(hdr) == DUK_HTYPE_OBJECT) {
			duk_hobject *h = (duk_hobject *) hdr;
			unsigned long sz = pm__objsize(h) + DUK_HOBJECT_P_ALLOC_SIZE(h);
			if (DUK_HOBJECT_IS_DECENV(h) || DUK_HOBJECT_IS_OBJENV(h)) { n_env++; env += sz; }
			else if (DUK_HOBJECT_IS_ARRAY(h)) { n_arr++; arr += sz; }
			else if (DUK_HOBJECT_IS_NATFUNC(h) || DUK_HOBJECT_IS_BOUNDFUNC(h)) { n_nat++; nat += sz; }
			else if (DUK_HOBJECT_IS_THREAD(h)) { n_thr++; thrb += sz; }
			else if (DUK_HOBJECT_GET_CLASS_NUMBER(h) == DUK_HOBJECT_CLASS_OBJECT) { n_obj++; obj += sz; }
			else { n_oth++; oth += sz; }
			continue;
		}
		n_oth++;
	}
	for (i = 0; i < heap->st_size; i++) {
		duk_hstring *s;
#if defined(DUK_USE_STRTAB_PTRCOMP)
		s = DUK_USE_HEAPPTR_DEC16(heap->heap_udata, heap->strtable16[i]);
#else
		s = heap->strtable[i];
#endif
		for (; s; s = s->hdr.h_next) { n_str++; str += sizeof(duk_hstring) + DUK_HSTRING_GET_BYTELEN(s) + 1; }
	}
	{
		unsigned long sum = tpl_hdr + tpl_props + clo_hdr + clo_props + d_hdr + d_consts + d_funcs + d_code + p2l + vm + fm
		    + env + arr + obj + nat + oth + buf + str + thrb;
		fprintf(stderr, "MEAS %s heap_used=%lu walked=%lu\n", tag, heap_used, sum);
		fprintf(stderr, "MEAS %s templates n=%lu hdr=%lu props=%lu | closures n=%lu hdr=%lu props=%lu\n", tag, n_tpl, tpl_hdr, tpl_props, n_clo, clo_hdr, clo_props);
		fprintf(stderr, "MEAS %s data n=%lu hdr=%lu consts=%lu funcs=%lu code=%lu | pc2line n=%lu %lu | varmap n=%lu %lu | formals n=%lu %lu\n", tag, n_data, d_hdr, d_consts, d_funcs, d_code, n_p2l, p2l, n_vm, vm, n_fm, fm);
		fprintf(stderr, "MEAS %s envs n=%lu %lu | arrays n=%lu %lu | objects n=%lu %lu | natfuncs n=%lu %lu | threads n=%lu %lu | other objs n=%lu %lu | other bufs n=%lu %lu | strings n=%lu %lu\n", tag, n_env, env, n_arr, arr, n_obj, obj, n_nat, nat, n_thr, thrb, n_oth, oth, n_buf, buf, n_str, str);
	}
}
