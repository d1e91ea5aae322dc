/*
 * Generators and async functions. The compiler turns each such function into a resume function
 * (rt_resume) over a heap frame (rt_genframe) that holds its locals between steps; f->state is 0
 * before the first step, the number of the suspension point while suspended, RT_GEN_DONE after.
 * This file drives those frames: generator objects (next/return/throw, the iterator protocol,
 * yield* delegation), async functions (their promise, `await` continuations), async generators
 * (a queue of next/return/throw requests, each with its promise) and the iterators of for await.
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)

void rt_obj_init(rt_object *o, rt_value proto);
void rt_await_value(rt_value v, rt_value cont); /* promise.c */

static rt_value gen_proto = RT_UNDEF, agen_proto = RT_UNDEF, from_sync_proto = RT_UNDEF, sym_async = RT_UNDEF;

static void gen_roots(void) {
	rt_gc_mark_value(gen_proto);
	rt_gc_mark_value(agen_proto);
	rt_gc_mark_value(from_sync_proto);
	rt_gc_mark_value(sym_async);
}
static void add_roots(void) {
	static int added;
	if (!added) rt_gc_add_root_fn(gen_roots), added = 1;
}

/* Symbol.asyncIterator: a unique symbol atom, as Symbol() makes */
rt_value rt_sym_async_iterator(void) {
	if (sym_async == RT_UNDEF) {
		add_roots();
		rt_string *s = rt_flat(rt_str_c("Symbol(Symbol.asyncIterator)"));
		s->h.flags |= RT_F_SYMBOL | RT_F_INTERNED;
		s->hash = 0x51ed270bu ^ 0x2545f491u;
		sym_async = rt_box_ptr(s);
	}
	return sym_async;
}

#define AG_EXECUTING 1     /* async generator states in running: executing (or awaiting in its body) */
#define AG_AWAITING_RETURN 2
#define AG_AWAITING 4      /* set by rt_async_await while the body runs */

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

static void agen_init(void);
static void gen_init(void) {
	if (gen_proto != RT_UNDEF) return;
	add_roots();
	agen_init();
	gen_proto = rt_obj_new(rt_proto_iterator);
	static const rt_fndef methods1[] = {
		{"next", gen_next, 1}, {"return", gen_return, 1}, {"throw", gen_throw, 1},
	};
	RT_METHODS(gen_proto, methods1);
}

rt_value rt_gen_new(rt_resume resume, rt_value self, rt_value this_, uint32_t nslots, int kind) {
	gen_init();
	rt_genframe *g = (rt_genframe *)rt_alloc(sizeof(rt_genframe) + nslots * sizeof(rt_value), RT_T_GENERATOR);
	g->resume = resume;
	g->self = self;
	g->this_ = this_;
	g->promise = RT_UNDEF;
	g->delegate = RT_UNDEF;
	g->nslots = nslots;
	g->kind = (uint32_t)kind;
	for (uint32_t i = 0; i < nslots; i++) g->slot[i] = RT_UNDEF;
	rt_obj_init(&g->o, kind == 0 ? gen_proto : kind == 1 ? rt_proto_object : agen_proto);
	if (kind == 1) g->promise = rt_promise_new();
	if (kind == 2) g->promise = rt_array_new(0, 6); /* the request queue */
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

static rt_value agen_await_cont(rt_function *self, rt_value this_, int argc, const rt_value *argv);
void rt_async_await(rt_genframe *f, rt_value v) {
	if (f->kind == 2) { /* async generator: tell agen_run that the body awaits (not yields) */
		f->running |= AG_AWAITING;
		if (f->delegate == RT_UNDEF) {
			f->delegate = rt_func_new_nc(agen_await_cont, "", 2, 1);
			((rt_function *)rt_ptr(f->delegate))->cap[0] = rt_box_ptr(f);
		}
		rt_await_value(v, f->delegate);
		return;
	}
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

/* ---- async generators ----
 * g->promise holds the request queue: triples (mode, value, promise). g->running is 0 when the
 * generator is suspended (at the start while state is 0, else at a yield) or completed (state
 * RT_GEN_DONE); AG_EXECUTING while its body runs or awaits; AG_AWAITING_RETURN while a return(v)
 * request on a completed generator awaits v. The compiled body itself awaits yield operands and
 * return values, and a return request at a yield awaits its value and leaves as a return
 * statement would (suspend.ts). */
static rt_value async_iter_proto = RT_UNDEF;

static void async_roots(void) { rt_gc_mark_value(async_iter_proto); }

static rt_array *AQ(rt_genframe *g) { return (rt_array *)rt_ptr(g->promise); }

/* AsyncGeneratorCompleteStep: settles the first request's promise and removes the request */
static void agen_complete(rt_genframe *g, int threw, rt_value v, int done) {
	rt_array *q = AQ(g);
	rt_value p = q->items->v[2];
	for (uint32_t i = 3; i < q->len; i++) q->items->v[i - 3] = q->items->v[i];
	for (uint32_t i = q->len - 3; i < q->len; i++) q->items->v[i] = RT_HOLE;
	q->len -= 3;
	if (threw) rt_promise_reject(p, v);
	else rt_promise_resolve(p, rt_iter_result(v, done));
}

static void agen_drain(rt_genframe *g);
NATIVE(agen_return_cont) {
	rt_genframe *g = (rt_genframe *)rt_ptr(self->cap[0]);
	(void)this_;
	g->running = 0;
	agen_complete(g, rt_truthy(rt_arg(argc, argv, 1)), rt_arg(argc, argv, 0), 1);
	agen_drain(g);
	return RT_UNDEF;
}

/* AsyncGeneratorAwaitReturn: the first request is return(v) and the generator has completed */
static void agen_await_return(rt_genframe *g) {
	g->running = AG_AWAITING_RETURN;
	rt_value cont = rt_func_new_nc(agen_return_cont, "", 2, 1);
	((rt_function *)rt_ptr(cont))->cap[0] = rt_box_ptr(g);
	rt_await_value(AQ(g)->items->v[1], cont);
}

/* AsyncGeneratorDrainQueue: answers the requests queued behind the completion */
static void agen_drain(rt_genframe *g) {
	while (AQ(g)->len) {
		int mode = (int)rt_dbl(AQ(g)->items->v[0]);
		if (mode == 2) { agen_await_return(g); return; }
		agen_complete(g, mode == 1, mode == 1 ? AQ(g)->items->v[1] : RT_UNDEF, 1);
	}
}

/* AsyncGeneratorResume and what follows: runs the body with (mode, sent) until it awaits, yields
 * with no request queued (a queued one resumes it at once), or completes */
static void agen_run(rt_genframe *g, int mode, rt_value sent) {
	rt_genframe *volatile vg = g;
	volatile int vmode = mode;
	volatile rt_value vsent = sent;
	for (;;) {
		rt_handler h;
		vg->running = AG_EXECUTING;
		if (RT_TRY_ENTER(h)) {
			rt_value r = vg->resume(vg, vmode, vsent);
			RT_TRY_LEAVE(h);
			g = vg;
			if (g->running & AG_AWAITING) { g->running = AG_EXECUTING; return; }
			if (g->state == RT_GEN_DONE) {
				g->running = 0;
				agen_complete(g, 0, r, 1);
				agen_drain(g);
				return;
			}
			agen_complete(g, 0, r, 0); /* it yielded r */
			if (!AQ(g)->len) { g->running = 0; return; }
			vmode = (int)rt_dbl(AQ(g)->items->v[0]);
			vsent = AQ(g)->items->v[1];
			continue;
		}
		g = vg;
		g->state = RT_GEN_DONE;
		g->running = 0;
		agen_complete(g, 1, rt_exc, 1);
		agen_drain(g);
		return;
	}
}

/* the continuation of an await in an async generator's body: (value, rejected) */
NATIVE(agen_await_cont) {
	(void)this_;
	agen_run((rt_genframe *)rt_ptr(self->cap[0]), rt_truthy(rt_arg(argc, argv, 1)) ? 1 : 0, rt_arg(argc, argv, 0));
	return RT_UNDEF;
}

/* next/return/throw (mode 0/2/1): enqueues the request and returns its promise */
static rt_value agen_request(rt_value this_, int mode, rt_value v, const char *name) {
	rt_value p = rt_promise_new();
	if (!rt_is_ptr(this_) || rt_ptr_type(this_) != RT_T_GENERATOR || ((rt_genframe *)rt_ptr(this_))->kind != 2) {
		rt_promise_reject(p, rt_error_new("TypeError", name));
		return p;
	}
	rt_genframe *g = (rt_genframe *)rt_ptr(this_);
	int start = g->running == 0 && g->state == 0, completed = g->running == 0 && g->state == RT_GEN_DONE;
	if (mode == 0 && completed) {
		rt_promise_resolve(p, rt_iter_result(RT_UNDEF, 1));
		return p;
	}
	if (mode == 1 && (start || completed)) {
		g->state = RT_GEN_DONE;
		rt_promise_reject(p, v);
		return p;
	}
	rt_array_push(g->promise, rt_num(mode));
	rt_array_push(g->promise, v);
	rt_array_push(g->promise, p);
	if (mode == 2 && (start || completed)) {
		g->state = RT_GEN_DONE;
		agen_await_return(g);
	} else if (g->running == 0) agen_run(g, mode, v);
	return p;
}
NATIVE(agen_next) {
	(void)self;
	return agen_request(this_, 0, rt_arg(argc, argv, 0), "next method called on incompatible receiver (not an async generator)");
}
NATIVE(agen_return) {
	(void)self;
	return agen_request(this_, 2, rt_arg(argc, argv, 0), "return method called on incompatible receiver (not an async generator)");
}
NATIVE(agen_throw) {
	(void)self;
	return agen_request(this_, 1, rt_arg(argc, argv, 0), "throw method called on incompatible receiver (not an async generator)");
}
NATIVE(async_iter_self) {
	(void)self; (void)argc; (void)argv;
	return this_;
}

static void agen_init(void) {
	rt_gc_add_root_fn(async_roots);
	async_iter_proto = rt_obj_new(rt_proto_object); /* %AsyncIteratorPrototype% */
	rt_define(async_iter_proto, (rt_string *)rt_ptr(rt_sym_async_iterator()), rt_native("[Symbol.asyncIterator]", async_iter_self, 0), 0);
	agen_proto = rt_obj_new(async_iter_proto);
	static const rt_fndef methods2[] = {
		{"next", agen_next, 1}, {"return", agen_return, 1}, {"throw", agen_throw, 1},
	};
	RT_METHODS(agen_proto, methods2);
}

/* ---- for await ---- */

/* AsyncFromSyncIteratorContinuation's step: cap[0] the promise, cap[1] done; (value, rejected) */
NATIVE(fs_cont) {
	(void)this_;
	if (rt_truthy(rt_arg(argc, argv, 1))) rt_promise_reject(self->cap[0], rt_arg(argc, argv, 0));
	else rt_promise_resolve(self->cap[0], rt_iter_result(rt_arg(argc, argv, 0), rt_truthy(self->cap[1])));
	return RT_UNDEF;
}
static void fs_continue(rt_value r, rt_value p) {
	if (!rt_is_obj(r)) rt_throw_type("Iterator result is not an object");
	int done = rt_truthy(rt_get(r, rt_atom_done));
	rt_value v = rt_get(r, rt_atom_value);
	rt_value cont = rt_func_new_nc(fs_cont, "", 2, 2);
	((rt_function *)rt_ptr(cont))->cap[0] = p;
	((rt_function *)rt_ptr(cont))->cap[1] = rt_bool(done);
	rt_await_value(v, cont);
}
/* next(v) of an async-from-sync iterator: cap[0] the sync iterator, cap[1] its next method */
NATIVE(fs_next) {
	rt_value p = rt_promise_new();
	rt_handler h;
	(void)this_;
	if (RT_TRY_ENTER(h)) {
		fs_continue(rt_call(self->cap[1], self->cap[0], argc ? 1 : 0, argv), p);
		RT_TRY_LEAVE(h);
	} else rt_promise_reject(p, rt_exc);
	return p;
}
/* return(v): cap[0] the sync iterator */
NATIVE(fs_return) {
	rt_value p = rt_promise_new();
	rt_handler h;
	(void)this_;
	if (RT_TRY_ENTER(h)) {
		rt_value m = rt_get(self->cap[0], rt_atom_return);
		if (m == RT_UNDEF || m == RT_NULL) rt_promise_resolve(p, rt_iter_result(rt_arg(argc, argv, 0), 1));
		else fs_continue(rt_call(m, self->cap[0], argc ? 1 : 0, argv), p);
		RT_TRY_LEAVE(h);
	} else rt_promise_reject(p, rt_exc);
	return p;
}

/* GetIterator(v, async): v[Symbol.asyncIterator](), else CreateAsyncFromSyncIterator(GetIterator(v)) */
rt_value rt_async_iter_get(rt_value v) {
	gen_init();
	rt_value m = rt_is_obj(v) ? rt_get(v, (rt_string *)rt_ptr(sym_async)) : RT_UNDEF;
	if (m != RT_UNDEF && m != RT_NULL) {
		rt_value it = rt_call(m, v, 0, 0);
		if (!rt_is_obj(it)) rt_throw_type("Result of the Symbol.asyncIterator method is not an object");
		return it;
	}
	rt_value sit = rt_get_iterator(v);
	rt_value w = rt_obj_new(async_iter_proto);
	rt_value nx = rt_func_new_nc(fs_next, "next", 1, 2);
	((rt_function *)rt_ptr(nx))->cap[0] = sit;
	((rt_function *)rt_ptr(nx))->cap[1] = rt_get(sit, rt_atom_next);
	rt_value ret = rt_func_new_nc(fs_return, "return", 1, 1);
	((rt_function *)rt_ptr(ret))->cap[0] = sit;
	rt_define(w, rt_atom_next, nx, 0);
	rt_define(w, rt_atom_return, ret, 0);
	return w;
}

rt_value rt_iter_next_method(rt_value it) { return rt_get(it, rt_atom_next); }

int rt_iter_result_done(rt_value r) {
	if (!rt_is_obj(r)) rt_throw_errv("TypeError", rt_concat(rt_str_c("Iterator result "), rt_concat(rt_tostring(r), rt_str_c(" is not an object"))));
	return rt_truthy(rt_get(r, rt_atom_done));
}
rt_value rt_iter_result_value(rt_value r) { return rt_get(r, rt_atom_value); }

/* AsyncIteratorClose's call: it.return() (to be awaited), or RT_HOLE when there is none */
rt_value rt_async_iter_close_start(rt_value it) {
	rt_value m = rt_get(it, rt_atom_return);
	if (m == RT_UNDEF || m == RT_NULL) return RT_HOLE;
	return rt_call(m, it, 0, 0);
}
