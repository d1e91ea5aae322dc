/*
 * Generators and async functions. The compiler turns each such function into a resume function
 * (rt_resume) over a heap frame (rt_genframe) that holds its locals between steps; f->state is 0
 * before the first step, the number of the suspension point while suspended, RT_GEN_DONE after.
 * This file drives those frames: generator objects (next/return/throw, the iterator protocol,
 * yield* delegation) and async functions (their promise, `await` continuations).
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)

void rt_obj_init(rt_object *o, rt_value proto);
void rt_await_value(rt_value v, rt_value cont); /* promise.c */

static rt_value gen_proto = RT_UNDEF;

static void gen_roots(void) { rt_gc_mark_value(gen_proto); }

static rt_genframe *G(rt_value v) {
	if (!rt_is_ptr(v) || rt_ptr_type(v) != RT_T_GENERATOR || ((rt_genframe *)rt_ptr(v))->promise != RT_UNDEF)
		rt_throw_type("next method called on incompatible receiver (not a generator)");
	return (rt_genframe *)rt_ptr(v);
}

/* one step of a generator; *done tells whether it finished (returned or threw) */
static rt_value gen_step(rt_genframe *g, int mode, rt_value sent, int *done) {
	if (g->running) rt_throw_type("Generator is already running");
	if (g->state == RT_GEN_DONE || (g->state == 0 && mode != 0)) {
		g->state = RT_GEN_DONE;
		if (mode == 1) rt_throw(sent);
		*done = 1;
		return mode == 2 ? sent : RT_UNDEF;
	}
	rt_handler h;
	rt_genframe *volatile vg = g;
	g->running = 1;
	if (RT_TRY_ENTER(h)) {
		rt_value r = g->resume(g, mode, sent);
		RT_TRY_LEAVE(h);
		vg->running = 0;
		*done = vg->state == RT_GEN_DONE;
		return r;
	}
	vg->running = 0;
	vg->state = RT_GEN_DONE;
	rt_throw(rt_exc);
}

NATIVE(gen_next) {
	int done = 0;
	rt_value r = gen_step(G(this_), 0, rt_arg(argc, argv, 0), &done);
	(void)self;
	return rt_iter_result(r, done);
}
NATIVE(gen_return) {
	int done = 0;
	rt_value r = gen_step(G(this_), 2, rt_arg(argc, argv, 0), &done);
	(void)self;
	return rt_iter_result(r, done);
}
NATIVE(gen_throw) {
	int done = 0;
	rt_value r = gen_step(G(this_), 1, rt_arg(argc, argv, 0), &done);
	(void)self;
	return rt_iter_result(r, done);
}

static void gen_init(void) {
	if (gen_proto != RT_UNDEF) return;
	rt_gc_add_root_fn(gen_roots);
	gen_proto = rt_obj_new(rt_proto_iterator);
	rt_method(gen_proto, "next", gen_next, 1);
	rt_method(gen_proto, "return", gen_return, 1);
	rt_method(gen_proto, "throw", gen_throw, 1);
}

rt_value rt_gen_new(rt_resume resume, rt_value self, rt_value this_, uint32_t nslots, int async) {
	gen_init();
	rt_genframe *g = (rt_genframe *)rt_alloc(sizeof(rt_genframe) + nslots * sizeof(rt_value), RT_T_GENERATOR);
	g->resume = resume;
	g->self = self;
	g->this_ = this_;
	g->promise = RT_UNDEF;
	g->delegate = RT_UNDEF;
	g->nslots = nslots;
	for (uint32_t i = 0; i < nslots; i++) g->slot[i] = RT_UNDEF;
	rt_obj_init(&g->o, async ? rt_proto_object : gen_proto);
	if (async) g->promise = rt_promise_new();
	return rt_box_ptr(g);
}

/* yield*: one step of the iterator in f->delegate with the resumption (mode, sent).
 * Returns 0 when it yielded (*out = the value to yield), 1 when it completed (*out = its return
 * value, the value of the yield* expression), 2 when a return() request completed (*out = the
 * value the outer generator returns). */
int rt_gen_delegate(rt_genframe *f, int mode, rt_value sent, rt_value *out) {
	rt_value it = f->delegate;
	rt_value r;
	if (mode == 0) r = rt_call(rt_get(it, rt_atom_next), it, 1, &sent);
	else {
		rt_value m = rt_get(it, mode == 1 ? rt_atom_throw : rt_atom_return);
		if (!rt_is_func(m)) {
			f->delegate = RT_UNDEF;
			if (mode == 2) { *out = sent; return 2; }
			rt_value ret = rt_get(it, rt_atom_return);
			if (rt_is_func(ret)) rt_call(ret, it, 0, 0);
			rt_throw_type("The iterator does not provide a 'throw' method");
		}
		r = rt_call(m, it, 1, &sent);
	}
	if (!rt_is_obj(r)) rt_throw_type("Iterator result is not an object");
	*out = rt_get(r, rt_atom_value);
	if (!rt_truthy(rt_get(r, rt_atom_done))) return 0;
	f->delegate = RT_UNDEF;
	return mode == 2 ? 2 : 1;
}

/* GetIterator(v) as an object with next() (the start of yield*) */
rt_value rt_get_iterator(rt_value v) {
	rt_value m = rt_is_obj(v) || rt_is_str(v) ? rt_get(v, rt_atom_symiter) : RT_UNDEF;
	if (!rt_is_func(m)) rt_throw_errv("TypeError", rt_concat(rt_is_obj(v) ? rt_str_c("object") : rt_tostring(v), rt_str_c(" is not iterable")));
	rt_value it = rt_call(m, v, 0, 0);
	if (!rt_is_obj(it)) rt_throw_type("Result of the Symbol.iterator method is not an object");
	return it;
}

/* ---- async functions ---- */
static void async_step(rt_genframe *g, int mode, rt_value sent) {
	rt_handler h;
	rt_genframe *volatile vg = g;
	if (RT_TRY_ENTER(h)) {
		rt_value r = g->resume(g, mode, sent);
		RT_TRY_LEAVE(h);
		if (vg->state == RT_GEN_DONE) rt_promise_resolve(vg->promise, r);
		return;
	}
	vg->state = RT_GEN_DONE;
	rt_promise_reject(vg->promise, rt_exc);
}

/* the continuation of an await: (value, rejected); cap[0] is the frame */
NATIVE(await_cont) {
	(void)this_;
	rt_genframe *g = (rt_genframe *)rt_ptr(self->cap[0]);
	async_step(g, rt_truthy(rt_arg(argc, argv, 1)) ? 1 : 0, rt_arg(argc, argv, 0));
	return RT_UNDEF;
}

void rt_async_await(rt_genframe *f, rt_value v) {
	if (f->delegate == RT_UNDEF) { /* async frames keep their continuation in the delegate field */
		f->delegate = rt_func_new_nc(await_cont, "", 2, 1);
		((rt_function *)rt_ptr(f->delegate))->cap[0] = rt_box_ptr(f);
	}
	rt_await_value(v, f->delegate);
}

rt_value rt_async_start(rt_value frame) {
	rt_genframe *g = (rt_genframe *)rt_ptr(frame);
	async_step(g, 0, RT_UNDEF);
	return g->promise;
}

/* array destructuring without a rest element: takes n values, then closes the iterator (calls its
 * return()) if it is not exhausted, as `const [a, b] = iterable` does */
rt_value rt_array_from_iterable_n(rt_value v, uint32_t n) {
	rt_value out = rt_array_new(0, n);
	rt_iter it;
	rt_value x;
	rt_iter_init(&it, v);
	for (uint32_t i = 0; i < n; i++) {
		if (!rt_iter_next(&it, &x)) return out;
		rt_array_push(out, x);
	}
	rt_iter_close(&it);
	return out;
}
