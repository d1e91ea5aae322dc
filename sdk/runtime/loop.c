/*
 * The entry point and the event loop: main() runs the compiled module, then alternates between
 * draining the microtask queue, running due timers and the callbacks of ready sockets, waiting in
 * one rump_sys_poll (io.c) until the next deadline or a watched descriptor is ready. It returns
 * when no timer is left and no descriptor is watched.
 */
#include "internal.h"

int rt_exit_code;

/* ---- microtasks: a ring of (function, argument) pairs ---- */
static rt_valbuf *mq;
static uint32_t mq_head, mq_len;

static void loop_roots(void);

void rt_enqueue_microtask(rt_value fn, rt_value arg) {
	if (!mq || mq_len * 2 + 2 > mq->cap) {
		uint32_t ncap = mq ? mq->cap * 2 : 64;
		rt_valbuf *nb = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)ncap * 8, RT_T_VALBUF);
		nb->cap = ncap;
		for (uint32_t i = 0; i < ncap; i++) nb->v[i] = RT_UNDEF;
		for (uint32_t i = 0; i < mq_len; i++) {
			uint32_t j = (mq_head + i) % (mq->cap / 2);
			nb->v[2 * i] = mq->v[2 * j];
			nb->v[2 * i + 1] = mq->v[2 * j + 1];
		}
		mq = nb;
		mq_head = 0;
	}
	uint32_t n = mq->cap / 2, j = (mq_head + mq_len) % n;
	mq->v[2 * j] = fn;
	mq->v[2 * j + 1] = arg;
	mq_len++;
}

int rt_microtasks_pending(void) { return mq_len != 0; }

void rt_run_microtasks(void) {
	while (mq_len) {
		uint32_t n = mq->cap / 2;
		rt_value fn = mq->v[2 * mq_head], arg = mq->v[2 * mq_head + 1];
		mq->v[2 * mq_head] = RT_UNDEF;
		mq->v[2 * mq_head + 1] = RT_UNDEF;
		mq_head = (mq_head + 1) % n;
		mq_len--;
		rt_call(fn, RT_UNDEF, arg == RT_HOLE ? 0 : 1, &arg);
	}
}

/* ---- timers: an unsorted table (programs have few timers) ---- */
typedef struct timer {
	double due;    /* ms */
	double period; /* ms, < 0 for one-shot */
	uint32_t id;
	uint32_t seq;  /* insertion order for equal deadlines */
} timer;
#define MAXT 256
static timer timers[MAXT];
static rt_value timer_fn[MAXT];   /* callbacks (rooted) */
static rt_value timer_args[MAXT]; /* array of extra arguments or RT_UNDEF */
static int ntimers;
static uint32_t next_id = 1, next_seq;
static uint64_t t0_ns;

double rt_now_ms(void) { return (double)(rt_sys_now_ns() - t0_ns) / 1e6; }

rt_value rt_timer_add(rt_value fn, double ms, int repeat, int argc, const rt_value *argv) {
	if (!rt_is_func(fn)) rt_throw_type("The \"callback\" argument must be of type function");
	if (ntimers == MAXT) rt_throw_range("too many timers (256)");
	if (!(ms >= 1) || ms > 2147483647.0) ms = 1; /* as Node: <1 or NaN becomes 1 */
	timer *t = &timers[ntimers];
	t->due = rt_now_ms() + ms;
	t->period = repeat ? ms : -1;
	t->id = next_id++;
	t->seq = next_seq++;
	timer_fn[ntimers] = fn;
	timer_args[ntimers] = argc > 0 ? rt_array_of(argc, argv) : RT_UNDEF;
	ntimers++;
	return rt_num(t->id);
}

void rt_timer_clear(rt_value idv) {
	if (!rt_is_num(idv)) return;
	uint32_t id = (uint32_t)rt_dbl(idv);
	for (int i = 0; i < ntimers; i++)
		if (timers[i].id == id) {
			ntimers--;
			timers[i] = timers[ntimers];
			timer_fn[i] = timer_fn[ntimers];
			timer_args[i] = timer_args[ntimers];
			timer_fn[ntimers] = RT_UNDEF;
			timer_args[ntimers] = RT_UNDEF;
			return;
		}
}

static void loop_roots(void) {
	rt_gc_mark_ptr(mq);
	for (int i = 0; i < ntimers; i++) { rt_gc_mark_value(timer_fn[i]); rt_gc_mark_value(timer_args[i]); }
}

/* runs the earliest due timer; returns 0 if none is due */
static int run_one_timer(double now) {
	int best = -1;
	for (int i = 0; i < ntimers; i++)
		if (timers[i].due <= now && (best < 0 || timers[i].due < timers[best].due ||
			(timers[i].due == timers[best].due && timers[i].seq < timers[best].seq))) best = i;
	if (best < 0) return 0;
	rt_value fn = timer_fn[best], args = timer_args[best];
	uint32_t id = timers[best].id;
	if (timers[best].period >= 0) {
		timers[best].due = now + timers[best].period;
		timers[best].seq = next_seq++;
	} else rt_timer_clear(rt_num(id));
	if (args == RT_UNDEF) rt_call(fn, RT_UNDEF, 0, 0);
	else rt_call_spread(fn, RT_UNDEF, args);
	return 1;
}

/* drains the microtask queue; a promise rejection nobody handled by then is thrown as uncaught */
static void drain(void) {
	extern int rt_promise_unhandled(rt_value *reason);
	rt_value reason;
	rt_run_microtasks();
	if (rt_promise_unhandled(&reason)) rt_throw(reason);
}

static void run_loop(void) {
	for (;;) {
		drain();
		if (ntimers == 0 && !rt_io_active()) return;
		double now = rt_now_ms();
		/* run every timer that was due at this instant, draining microtasks after each (as Node) */
		int ran = 0;
		while (run_one_timer(now)) { ran = 1; drain(); }
		if (ran) continue;
		/* wait for the next deadline (forever without timers) or a watched descriptor (io.c) */
		double wait = -1;
		if (ntimers) {
			double next = timers[0].due;
			for (int i = 1; i < ntimers; i++) if (timers[i].due < next) next = timers[i].due;
			wait = next > now ? next - now : 0;
		}
		rt_out_flush();
		rt_io_wait(wait);
	}
}

void rt_exit(int code) {
	rt_out_flush();
	rt_sys_exit(code);
}

/* the uncaught-exception path: print like Node's last line ("Uncaught Error: msg") to stderr */
void rt_report_uncaught(rt_value e) {
	rt_out_flush();
	extern void rt_write_str(int fd, rt_value s);
	rt_value s;
	if (rt_is_obj(e) && ((rt_hdr *)rt_ptr(e))->type == RT_T_ERROR) {
		s = rt_get(e, rt_atom_stack);
		if (!rt_is_str(s)) s = rt_tostring(e);
	} else s = rt_concat(rt_str_c("Uncaught "), rt_inspect(e));
	rt_write_str(2, s);
	rt_write_str(2, rt_str_c("\n"));
	rt_out_flush();
}

static rt_handler top;

int main(int argc, char **argv) {
	(void)argc;
	(void)argv;
	volatile char stack_mark = 0;
	rt_sys_init();
	rt_gc_init((void *)&stack_mark);
	t0_ns = rt_sys_now_ns();
	rt_gc_add_root_fn(loop_roots);
	rt_builtins_init();
	if (RT_TRY_ENTER(top)) {
		rt_app_main();
		run_loop();
		RT_TRY_LEAVE(top);
	} else {
		rt_report_uncaught(rt_exc);
		rt_exit_code = 1;
	}
	rt_out_flush();
	(void)stack_mark;
	return rt_exit_code;
}
