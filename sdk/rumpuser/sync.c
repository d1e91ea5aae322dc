/*
 * Firmware hypercalls: threads, the current-lwp pointer, mutexes, rwlocks, condition variables.
 *
 * core schedules cooperatively on one CPU: a thread runs until it blocks or yields, and
 * interrupt handlers never switch threads. So a test-and-set on these structures is atomic
 * without atomics, and "check, then core_waitq_wait" cannot lose a wake-up. Waiters re-check
 * after every wake-up. A hypercall that blocks releases the kernel CPU first
 * (rumpuser__unschedule) and takes it back after (rumpuser__reschedule); _nowrap ones do not.
 */
#include "rumpuser_int.h"

/* ---- threads ---- */

struct thrbox {
	void *(*f)(void *);
	void *arg;
};

static void
thrstart(void *p)
{
	struct thrbox b = *(struct thrbox *)p;

	core_free(p);
	b.f(b.arg);
	core_thread_exit();
}

/* core copies the name; the cookie of a joinable thread is its struct core_thread */
int
rumpuser_thread_create(void *(*f)(void *), void *arg, const char *name, int mustjoin,
    int priority, int cpuidx, void **cookie)
{
	struct thrbox *b;
	struct core_thread *t;

	(void)priority; (void)cpuidx;
	if ((b = core_malloc(sizeof(*b), 0)) == NULL)
		return RUMPUSER_ENOMEM;
	b->f = f;
	b->arg = arg;
	t = core_thread_create(name != NULL && name[0] != '\0' ? name : "rump", thrstart, b, 0,
	    mustjoin ? CORE_THREAD_JOINABLE : 0);
	if (t == NULL) {
		core_free(b);
		return RUMPUSER_ENOMEM;
	}
	if (cookie != NULL)
		*cookie = mustjoin ? t : NULL;
	return 0;
}

void
rumpuser_thread_exit(void)
{
	core_thread_exit();
}

int
rumpuser_thread_join(void *cookie)
{
	int nlocks, rv;

	if (cookie == NULL)
		return RUMPUSER_EINVAL;
	rumpuser__unschedule(&nlocks, NULL);
	rv = core_thread_join(cookie);
	rumpuser__reschedule(nlocks, NULL);
	return rv;
}

/* ---- the kernel's current lwp: a word per core thread ---- */

void
rumpuser_curlwpop(int op, struct lwp *l)
{
	switch (op) {
	case RUMPUSER_LWP_SET:
		rumpuser__slots()[SLOT_CURLWP] = l;
		break;
	case RUMPUSER_LWP_CLEAR:
		rumpuser__slots()[SLOT_CURLWP] = NULL;
		break;
	default:                /* CREATE, DESTROY: nothing to keep per lwp */
		break;
	}
}

struct lwp *
rumpuser_curlwp(void)
{
	return rumpuser__slots()[SLOT_CURLWP];
}

/* ---- mutexes ---- */

struct rumpuser_mtx {
	struct core_waitq wq;           /* threads waiting to enter */
	struct core_thread *holder;
	struct lwp *owner;              /* KMUTEX: the holder's lwp */
	int flags;
};

static void *
alloc_or_panic(size_t size, const char *what)
{
	void *p = core_malloc(size, 0);

	if (p == NULL)
		core_panic("rumpuser: out of memory for a %s", what);
	__builtin_memset(p, 0, size);
	return p;
}

void
rumpuser_mutex_init(struct rumpuser_mtx **mtxp, int flags)
{
	struct rumpuser_mtx *m = alloc_or_panic(sizeof(*m), "mutex");

	core_waitq_init(&m->wq);
	m->flags = flags;
	*mtxp = m;
}

/* blocking: the caller would wait; re-entering a held mutex would wait forever */
static int
mtx_tryget(struct rumpuser_mtx *m, int blocking)
{
	struct core_thread *self = core_thread_self();

	if (m->holder != NULL) {
		if (blocking && m->holder == self)
			core_panic("rumpuser: mutex %p entered again by its holder", (void *)m);
		return 0;
	}
	m->holder = self;
	if (m->flags & RUMPUSER_MTX_KMUTEX)
		m->owner = rumpuser_curlwp();
	return 1;
}

void
rumpuser_mutex_enter_nowrap(struct rumpuser_mtx *m)
{
	while (!mtx_tryget(m, 1))
		core_waitq_wait(&m->wq, 0);
}

void
rumpuser_mutex_enter(struct rumpuser_mtx *m)
{
	int nlocks;

	if (mtx_tryget(m, 1))
		return;
	if (m->flags & RUMPUSER_MTX_SPIN) {
		rumpuser_mutex_enter_nowrap(m);
		return;
	}
	rumpuser__unschedule(&nlocks, NULL);
	rumpuser_mutex_enter_nowrap(m);
	rumpuser__reschedule(nlocks, NULL);
}

int
rumpuser_mutex_tryenter(struct rumpuser_mtx *m)
{
	return mtx_tryget(m, 0) ? 0 : RUMPUSER_EBUSY;
}

void
rumpuser_mutex_exit(struct rumpuser_mtx *m)
{
	if (m->holder != core_thread_self())
		core_panic("rumpuser: mutex %p released by a thread not holding it", (void *)m);
	m->holder = NULL;
	m->owner = NULL;
	core_waitq_wake_one(&m->wq);
}

void
rumpuser_mutex_destroy(struct rumpuser_mtx *m)
{
	core_free(m);
}

void
rumpuser_mutex_owner(struct rumpuser_mtx *m, struct lwp **lp)
{
	*lp = m->owner;
}

/* ---- reader/writer locks ---- */

struct rumpuser_rw {
	struct core_waitq wq;           /* threads waiting to enter, either way */
	int readers;
	struct core_thread *writer;
};

void
rumpuser_rw_init(struct rumpuser_rw **rwp)
{
	struct rumpuser_rw *rw = alloc_or_panic(sizeof(*rw), "rwlock");

	core_waitq_init(&rw->wq);
	*rwp = rw;
}

static int
rw_tryget(int op, struct rumpuser_rw *rw)
{
	if (op == RUMPUSER_RW_WRITER) {
		if (rw->writer != NULL || rw->readers > 0)
			return 0;
		rw->writer = core_thread_self();
	} else {
		if (rw->writer != NULL)
			return 0;
		rw->readers++;
	}
	return 1;
}

void
rumpuser_rw_enter(int op, struct rumpuser_rw *rw)
{
	int nlocks;

	if (rw_tryget(op, rw))
		return;
	rumpuser__unschedule(&nlocks, NULL);
	while (!rw_tryget(op, rw))
		core_waitq_wait(&rw->wq, 0);
	rumpuser__reschedule(nlocks, NULL);
}

int
rumpuser_rw_tryenter(int op, struct rumpuser_rw *rw)
{
	return rw_tryget(op, rw) ? 0 : RUMPUSER_EBUSY;
}

/* the caller holds it for reading: succeeds only if it is the only reader */
int
rumpuser_rw_tryupgrade(struct rumpuser_rw *rw)
{
	if (rw->readers != 1 || rw->writer != NULL)
		return RUMPUSER_EBUSY;
	rw->readers = 0;
	rw->writer = core_thread_self();
	return 0;
}

void
rumpuser_rw_downgrade(struct rumpuser_rw *rw)
{
	rw->writer = NULL;
	rw->readers = 1;
	core_waitq_wake_all(&rw->wq);   /* other readers may enter now */
}

void
rumpuser_rw_exit(struct rumpuser_rw *rw)
{
	if (rw->writer != NULL)
		rw->writer = NULL;
	else if (rw->readers > 0)
		rw->readers--;
	if (rw->writer == NULL && rw->readers == 0)
		core_waitq_wake_all(&rw->wq);
}

void
rumpuser_rw_destroy(struct rumpuser_rw *rw)
{
	core_free(rw);
}

/* READER: someone holds it for reading (readers are not tracked individually) */
void
rumpuser_rw_held(int op, struct rumpuser_rw *rw, int *heldp)
{
	if (op == RUMPUSER_RW_WRITER)
		*heldp = rw->writer == core_thread_self();
	else
		*heldp = rw->readers > 0;
}

/* ---- condition variables ---- */

struct rumpuser_cv {
	struct core_waitq wq;
	int nwaiters;
};

void
rumpuser_cv_init(struct rumpuser_cv **cvp)
{
	struct rumpuser_cv *cv = alloc_or_panic(sizeof(*cv), "condvar");

	core_waitq_init(&cv->wq);
	*cvp = cv;
}

void
rumpuser_cv_destroy(struct rumpuser_cv *cv)
{
	core_free(cv);
}

/*
 * Release the mutex, sleep on the cv (deadline 0: none), take the mutex back. wrap: release
 * the kernel CPU around it. A kernel mutex is taken only with the kernel CPU held, so for
 * one the CPU comes back first; for others the mutex does.
 */
static int
cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *m, uint64_t deadline, int wrap)
{
	int nlocks = 0, rv;

	cv->nwaiters++;
	if (wrap)
		rumpuser__unschedule(&nlocks, m);
	rumpuser_mutex_exit(m);
	rv = core_waitq_wait(&cv->wq, deadline);
	cv->nwaiters--;
	if (wrap && (m->flags & (RUMPUSER_MTX_KMUTEX | RUMPUSER_MTX_SPIN)) == RUMPUSER_MTX_KMUTEX) {
		rumpuser__reschedule(nlocks, m);
		rumpuser_mutex_enter_nowrap(m);
	} else {
		rumpuser_mutex_enter_nowrap(m);
		if (wrap)
			rumpuser__reschedule(nlocks, m);
	}
	return rv == CORE_ETIMEDOUT ? RUMPUSER_ETIMEDOUT : 0;
}

void
rumpuser_cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *m)
{
	cv_wait(cv, m, 0, 1);
}

void
rumpuser_cv_wait_nowrap(struct rumpuser_cv *cv, struct rumpuser_mtx *m)
{
	cv_wait(cv, m, 0, 0);
}

int
rumpuser_cv_timedwait(struct rumpuser_cv *cv, struct rumpuser_mtx *m, int64_t sec, int64_t nsec)
{
	uint64_t deadline = core_clock_monotonic_ns();

	if (sec > 0)
		deadline += (uint64_t)sec * 1000000000ULL;
	if (nsec > 0)
		deadline += (uint64_t)nsec;
	if (deadline == 0)
		deadline = 1;                   /* 0 would mean "no deadline" */
	return cv_wait(cv, m, deadline, 1);
}

void
rumpuser_cv_signal(struct rumpuser_cv *cv)
{
	core_waitq_wake_one(&cv->wq);
}

void
rumpuser_cv_broadcast(struct rumpuser_cv *cv)
{
	core_waitq_wake_all(&cv->wq);
}

void
rumpuser_cv_has_waiters(struct rumpuser_cv *cv, int *waitersp)
{
	*waitersp = cv->nwaiters;
}
