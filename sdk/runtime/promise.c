/*
 * Promises, as the spec (and V8) orders their jobs: reactions run as microtasks; resolving with a
 * thenable takes a PromiseResolveThenableJob; `await` subscribes directly to a native promise
 * (one tick). A rejection still unhandled when the microtask queue is drained ends the program
 * like an uncaught exception (Node's default).
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)
#define P(v) ((rt_promise *)rt_ptr(v))

static rt_value unhandled; /* array of rejected promises without a handler yet */

void rt_obj_init(rt_object *o, rt_value proto);
static rt_value call_then(rt_value p, int argc, const rt_value *argv) { return rt_call(rt_get(p, rt_atom_then), p, argc, argv); }
static int is_promise(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) == RT_T_PROMISE; }

rt_value rt_promise_new(void) {
	rt_init_promise();
	rt_promise *p = (rt_promise *)rt_alloc(sizeof(rt_promise), RT_T_PROMISE);
	rt_obj_init(&p->o, rt_proto_promise);
	p->value = RT_UNDEF;
	return rt_box_ptr(p);
}

/* a reaction job: arg = [handler, derived, value, rejected] */
static rt_value settle_derived(rt_value d, rt_value v, int rejected) {
	if (d == RT_UNDEF) return RT_UNDEF;
	if (rt_is_func(d)) { /* a native continuation (await): called with (value, rejected) */
		rt_value a[2] = {v, rt_bool(rejected)};
		return rt_call(d, RT_UNDEF, 2, a);
	}
	if (rejected) rt_promise_reject(d, v);
	else rt_promise_resolve(d, v);
	return RT_UNDEF;
}
NATIVE(reaction_job) {
	(void)self; (void)this_;
	rt_value job = rt_arg(argc, argv, 0);
	rt_value h = rt_aget(job, 0), d = rt_aget(job, 1), v = rt_aget(job, 2);
	int rejected = rt_truthy(rt_aget(job, 3));
	if (!rt_is_func(h)) return settle_derived(d, v, rejected);
	rt_handler hd;
	volatile rt_value result = RT_UNDEF;
	if (RT_TRY_ENTER(hd)) {
		result = rt_call(h, RT_UNDEF, 1, &v);
		RT_TRY_LEAVE(hd);
	} else return settle_derived(d, rt_exc, 1);
	return settle_derived(d, result, 0);
}
static rt_value job_fn;

static void enqueue_reaction(rt_value h, rt_value d, rt_value v, int rejected) {
	rt_value a[4] = {h, d, v, rt_bool(rejected)};
	rt_enqueue_microtask(job_fn, rt_array_of(4, a));
}

static void settle(rt_value pv, rt_value v, uint32_t state) {
	rt_promise *p = P(pv);
	if (p->state) return;
	p->state = state;
	p->value = v;
	rt_valbuf *r = p->reactions;
	uint32_t n = p->nreact;
	p->reactions = 0;
	p->nreact = 0;
	for (uint32_t i = 0; i < n; i++) enqueue_reaction(r->v[3 * i + (state == 2)], r->v[3 * i + 2], v, state == 2);
	if (state == 2 && !p->handled && n == 0) rt_array_push(unhandled, pv);
}

void rt_promise_reject(rt_value p, rt_value v) { settle(p, v, 2); }

/* resolve functions of a promise: [promise, already-resolved cell] in captures */
NATIVE(thenable_job) {
	(void)this_;
	/* arg = [promise, thenable, then] */
	rt_value a = rt_arg(argc, argv, 0);
	rt_value p = rt_aget(a, 0), x = rt_aget(a, 1), then = rt_aget(a, 2);
	extern rt_value rt_resolving_functions(rt_value p, rt_value *reject);
	rt_value rej, res = rt_resolving_functions(p, &rej);
	rt_handler hd;
	if (RT_TRY_ENTER(hd)) {
		rt_value fa[2] = {res, rej};
		rt_call(then, x, 2, fa);
		RT_TRY_LEAVE(hd);
	} else rt_call(rej, RT_UNDEF, 1, &rt_exc);
	(void)self;
	return RT_UNDEF;
}
static rt_value thenable_job_fn;

void rt_promise_resolve(rt_value p, rt_value x) {
	if (P(p)->state) return;
	if (x == p) { settle(p, rt_error_new("TypeError", "Chaining cycle detected for promise #<Promise>"), 2); return; }
	if (!rt_is_obj(x)) { settle(p, x, 1); return; }
	rt_handler hd;
	volatile rt_value then = RT_UNDEF;
	if (RT_TRY_ENTER(hd)) {
		then = rt_get(x, rt_atom_then);
		RT_TRY_LEAVE(hd);
	} else { settle(p, rt_exc, 2); return; }
	if (!rt_is_func(then)) { settle(p, x, 1); return; }
	rt_value a[3] = {p, x, then};
	rt_enqueue_microtask(thenable_job_fn, rt_array_of(3, a));
}

NATIVE(resolve_fn) {
	(void)this_;
	rt_cell *done = rt_cellp(self->cap[1]);
	if (done->v == RT_TRUE) return RT_UNDEF;
	done->v = RT_TRUE;
	rt_promise_resolve(self->cap[0], rt_arg(argc, argv, 0));
	return RT_UNDEF;
}
NATIVE(reject_fn) {
	(void)this_;
	rt_cell *done = rt_cellp(self->cap[1]);
	if (done->v == RT_TRUE) return RT_UNDEF;
	done->v = RT_TRUE;
	rt_promise_reject(self->cap[0], rt_arg(argc, argv, 0));
	return RT_UNDEF;
}
rt_value rt_resolving_functions(rt_value p, rt_value *reject) {
	rt_value done = rt_new_cell(RT_FALSE);
	rt_value res = rt_func_new_nc(resolve_fn, "", 1, 2);
	((rt_function *)rt_ptr(res))->cap[0] = p;
	((rt_function *)rt_ptr(res))->cap[1] = done;
	rt_value rej = rt_func_new_nc(reject_fn, "", 1, 2);
	((rt_function *)rt_ptr(rej))->cap[0] = p;
	((rt_function *)rt_ptr(rej))->cap[1] = done;
	*reject = rej;
	return res;
}

/* PerformPromiseThen: derived is a promise, a native continuation function, or RT_UNDEF */
static void perform_then(rt_value pv, rt_value on_ok, rt_value on_err, rt_value derived) {
	rt_promise *p = P(pv);
	if (p->state == 0) {
		if (!p->reactions || p->nreact * 3 + 3 > p->reactions->cap) {
			uint32_t cap = p->reactions ? p->reactions->cap * 2 : 6;
			rt_valbuf *b = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)cap * 8, RT_T_VALBUF);
			b->cap = cap;
			for (uint32_t i = 0; i < cap; i++) b->v[i] = RT_UNDEF;
			p = P(pv);
			for (uint32_t i = 0; i < p->nreact * 3; i++) b->v[i] = p->reactions->v[i];
			p->reactions = b;
		}
		p->reactions->v[3 * p->nreact] = on_ok;
		p->reactions->v[3 * p->nreact + 1] = on_err;
		p->reactions->v[3 * p->nreact + 2] = derived;
		p->nreact++;
	} else if (p->state == 1) enqueue_reaction(on_ok, derived, p->value, 0);
	else {
		if (!p->handled) { /* no longer unhandled */
			rt_array *u = (rt_array *)rt_ptr(unhandled);
			for (uint32_t i = 0; i < u->len; i++) if (u->items->v[i] == pv) u->items->v[i] = RT_UNDEF;
		}
		enqueue_reaction(on_err, derived, p->value, 1);
	}
	P(pv)->handled = 1;
}

void rt_promise_then_native(rt_value p, rt_value on_ok, rt_value on_err) { perform_then(p, on_ok, on_err, RT_UNDEF); }

rt_value rt_promise_resolved(rt_value v) {
	if (is_promise(v)) return v;
	rt_value p = rt_promise_new();
	rt_promise_resolve(p, v);
	return p;
}

/* await v: cont(value, rejected) runs as a microtask once v settles */
void rt_await_value(rt_value v, rt_value cont) {
	rt_value p = rt_promise_resolved(v);
	perform_then(p, RT_UNDEF, RT_UNDEF, cont);
}

static rt_value this_promise(rt_value v) {
	if (!is_promise(v)) rt_throw_type("Method Promise.prototype.then called on incompatible receiver");
	return v;
}
NATIVE(p_then) {
	(void)self;
	this_promise(this_);
	rt_value d = rt_promise_new();
	perform_then(this_, rt_arg(argc, argv, 0), rt_arg(argc, argv, 1), d);
	return d;
}
NATIVE(p_catch) {
	rt_value a[2] = {RT_UNDEF, rt_arg(argc, argv, 0)};
	return call_then(this_, 2, a);
	(void)self;
}
/* finally(f): then(v => resolve(f()).then(() => v), e => resolve(f()).then(() => throw e)) */
NATIVE(fin_value) { (void)this_; (void)argc; (void)argv; return self->cap[0]; }
NATIVE(fin_thrower) { (void)this_; (void)argc; (void)argv; rt_throw(self->cap[0]); }
static rt_value fin_step(rt_function *self, int argc, const rt_value *argv, int rejected) {
	rt_value v = rt_arg(argc, argv, 0);
	rt_value r = rt_call(self->cap[0], RT_UNDEF, 0, 0);
	rt_value p = rt_promise_resolved(r);
	rt_value k = rt_func_new_nc(rejected ? fin_thrower : fin_value, "", 0, 1);
	((rt_function *)rt_ptr(k))->cap[0] = v;
	return call_then(p, 1, &k);
}
NATIVE(fin_ok) { (void)this_; return fin_step(self, argc, argv, 0); }
NATIVE(fin_err) { (void)this_; return fin_step(self, argc, argv, 1); }
NATIVE(p_finally) {
	(void)self;
	rt_value f = rt_arg(argc, argv, 0);
	rt_value a[2] = {f, f};
	if (rt_is_func(f)) {
		a[0] = rt_func_new_nc(fin_ok, "", 1, 1);
		((rt_function *)rt_ptr(a[0]))->cap[0] = f;
		a[1] = rt_func_new_nc(fin_err, "", 1, 1);
		((rt_function *)rt_ptr(a[1]))->cap[0] = f;
	}
	return call_then(this_, 2, a);
}

NATIVE(promise_ctor) {
	(void)self; (void)this_;
	rt_value ex = rt_arg(argc, argv, 0);
	if (!rt_is_func(ex)) rt_throw_type("Promise resolver is not a function");
	rt_value p = rt_promise_new();
	rt_value rej, res = rt_resolving_functions(p, &rej);
	rt_handler hd;
	if (RT_TRY_ENTER(hd)) {
		rt_value a[2] = {res, rej};
		rt_call(ex, RT_UNDEF, 2, a);
		RT_TRY_LEAVE(hd);
	} else rt_call(rej, RT_UNDEF, 1, &rt_exc);
	return p;
}
NATIVE(promise_resolve) { (void)self; (void)this_; return rt_promise_resolved(rt_arg(argc, argv, 0)); }
NATIVE(promise_reject) {
	(void)self; (void)this_;
	rt_value p = rt_promise_new();
	rt_promise_reject(p, rt_arg(argc, argv, 0));
	return p;
}

/* combinators: a shared state object {values array, remaining count cell, result promise} */
enum { K_ALL, K_SETTLED, K_ANY };
NATIVE(comb_elem) {
	/* caps: [state array [values, remaining cell, promise], index, kind(num), rejected(bool)] */
	(void)this_;
	rt_value st = self->cap[0];
	uint32_t i = (uint32_t)rt_dbl(self->cap[1]);
	int kind = (int)rt_dbl(self->cap[2]), rejected = self->cap[3] == RT_TRUE;
	rt_value done = rt_aget(st, 3);
	if (rt_cellp(self->cap[4])->v == RT_TRUE) return RT_UNDEF; /* already called */
	rt_cellp(self->cap[4])->v = RT_TRUE;
	(void)done;
	rt_value v = rt_arg(argc, argv, 0);
	if (kind == K_SETTLED) {
		rt_value o = rt_obj_new(rt_proto_object);
		rt_set(o, rt_atom_c("status"), rt_str_c(rejected ? "rejected" : "fulfilled"));
		rt_set(o, rt_atom_c(rejected ? "reason" : "value"), v);
		v = o;
	}
	rt_aset(rt_aget(st, 0), i, v);
	rt_cell *rem = rt_cellp(rt_aget(st, 1));
	rem->v = rt_num(rt_dbl(rem->v) - 1);
	if (rt_dbl(rem->v) == 0) {
		if (kind == K_ANY) {
			rt_value e = rt_error_new("AggregateError", "All promises were rejected");
			rt_set(e, rt_atom_c("errors"), rt_aget(st, 0));
			rt_promise_reject(rt_aget(st, 2), e);
		} else rt_promise_resolve(rt_aget(st, 2), rt_aget(st, 0));
	}
	return RT_UNDEF;
}
static rt_value elem_fn(rt_value st, uint32_t i, int kind, int rejected) {
	rt_value f = rt_func_new_nc(comb_elem, "", 1, 5);
	rt_function *fp = (rt_function *)rt_ptr(f);
	fp->cap[0] = st;
	fp->cap[1] = rt_num(i);
	fp->cap[2] = rt_num(kind);
	fp->cap[3] = rt_bool(rejected);
	fp->cap[4] = rt_new_cell(RT_FALSE);
	return f;
}
static rt_value combinator(rt_value iterable, int kind) {
	rt_value p = rt_promise_new();
	rt_value rej, res = rt_resolving_functions(p, &rej);
	rt_value a[4] = {rt_array_new(0, 4), rt_new_cell(rt_num(1)), p, RT_UNDEF};
	rt_value st = rt_array_of(4, a);
	rt_handler hd;
	if (RT_TRY_ENTER(hd)) {
		rt_iter it;
		rt_value x;
		uint32_t i = 0;
		rt_iter_init(&it, iterable);
		while (rt_iter_next(&it, &x)) {
			rt_array_push(rt_aget(st, 0), RT_UNDEF);
			rt_cell *rem = rt_cellp(rt_aget(st, 1));
			rem->v = rt_num(rt_dbl(rem->v) + 1);
			rt_value px = rt_promise_resolved(x);
			rt_value fa[2];
			if (kind == K_ALL) { fa[0] = elem_fn(st, i, kind, 0); fa[1] = rej; }
			else if (kind == K_SETTLED) { fa[0] = elem_fn(st, i, kind, 0); fa[1] = elem_fn(st, i, kind, 1); }
			else { fa[0] = res; fa[1] = elem_fn(st, i, kind, 1); }
			call_then(px, 2, fa);
			i++;
		}
		RT_TRY_LEAVE(hd);
	} else {
		rt_call(rej, RT_UNDEF, 1, &rt_exc);
		return p;
	}
	rt_cell *rem = rt_cellp(rt_aget(st, 1));
	rem->v = rt_num(rt_dbl(rem->v) - 1);
	if (rt_dbl(rem->v) == 0) {
		if (kind == K_ANY) {
			rt_value e = rt_error_new("AggregateError", "All promises were rejected");
			rt_set(e, rt_atom_c("errors"), rt_aget(st, 0));
			rt_promise_reject(p, e);
		} else rt_promise_resolve(p, rt_aget(st, 0));
	}
	return p;
}
NATIVE(promise_all) { (void)self; (void)this_; return combinator(rt_arg(argc, argv, 0), K_ALL); }
NATIVE(promise_allsettled) { (void)self; (void)this_; return combinator(rt_arg(argc, argv, 0), K_SETTLED); }
NATIVE(promise_any) { (void)self; (void)this_; return combinator(rt_arg(argc, argv, 0), K_ANY); }
NATIVE(promise_race) {
	(void)self; (void)this_;
	rt_value p = rt_promise_new();
	rt_value rej, res = rt_resolving_functions(p, &rej);
	rt_handler hd;
	if (RT_TRY_ENTER(hd)) {
		rt_iter it;
		rt_value x;
		rt_iter_init(&it, rt_arg(argc, argv, 0));
		while (rt_iter_next(&it, &x)) {
			rt_value fa[2] = {res, rej};
			call_then(rt_promise_resolved(x), 2, fa);
		}
		RT_TRY_LEAVE(hd);
	} else rt_call(rej, RT_UNDEF, 1, &rt_exc);
	return p;
}

/* the event loop asks after draining microtasks: an unhandled rejection ends the program */
int rt_promise_unhandled(rt_value *reason) {
	if (!unhandled) return 0; /* no promise made yet */
	rt_array *u = (rt_array *)rt_ptr(unhandled);
	for (uint32_t i = 0; i < u->len; i++) {
		rt_value pv = u->items->v[i];
		if (pv != RT_UNDEF && !P(pv)->handled) { *reason = P(pv)->value; return 1; }
	}
	u->len = 0;
	return 0;
}

static void promise_roots(void) {
	rt_gc_mark_value(unhandled);
	rt_gc_mark_value(job_fn);
	rt_gc_mark_value(thenable_job_fn);
}

void rt_init_promise(void) {
	if (unhandled) return;
	rt_gc_add_root_fn(promise_roots);
	unhandled = rt_array_new(0, 8);
	job_fn = rt_native("", reaction_job, 1);
	thenable_job_fn = rt_native("", thenable_job, 1);
	rt_proto_promise = rt_obj_new(rt_proto_object);
	rt_value p = rt_proto_promise;
	static const rt_fndef methods1[] = {
		{"then", p_then, 2}, {"catch", p_catch, 1}, {"finally", p_finally, 1},
	};
	RT_METHODS(p, methods1);
	rt_value c = rt_native("Promise", promise_ctor, 1);
	rt_define(c, rt_atom_prototype, p, 0);
	rt_define(p, rt_atom_constructor, c, 0);
	static const rt_fndef methods2[] = {
		{"resolve", promise_resolve, 1}, {"reject", promise_reject, 1}, {"all", promise_all, 1},
		{"allSettled", promise_allsettled, 1}, {"any", promise_any, 1}, {"race", promise_race, 1},
	};
	RT_METHODS(c, methods2);
	rt_define(rt_global_obj, rt_atom_c("Promise"), c, 0);
}
