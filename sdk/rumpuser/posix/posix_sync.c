/*
 * Hosted hypercalls: threads, the current-lwp pointer, mutexes, rwlocks and condition
 * variables over pthreads. A hypercall that may block releases the kernel CPU first
 * (rumpuser__unschedule) and takes it back afterwards, except the _nowrap variants.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "posix_int.h"

/* ---- threads ---- */

struct thrstart {
	void *(*f)(void *);
	void *arg;
	char name[16];          /* the host limits thread names to 15 characters */
};

static void *
thrstart(void *p)
{
	struct thrstart ts = *(struct thrstart *)p;

	free(p);
	if (ts.name[0] != '\0')
		pthread_setname_np(pthread_self(), ts.name);
	return ts.f(ts.arg);
}

int
rumpuser_thread_create(void *(*f)(void *), void *arg, const char *name, int mustjoin,
    int priority, int cpuidx, void **cookie)
{
	struct thrstart *ts;
	pthread_attr_t attr;
	pthread_t *pt;
	int rv;

	(void)priority; (void)cpuidx;
	if ((ts = malloc(sizeof(*ts))) == NULL)
		return RUMPUSER_ENOMEM;
	if ((pt = malloc(sizeof(*pt))) == NULL) {
		free(ts);
		return RUMPUSER_ENOMEM;
	}
	ts->f = f;
	ts->arg = arg;
	ts->name[0] = '\0';
	if (name != NULL) {
		strncpy(ts->name, name, sizeof(ts->name) - 1);
		ts->name[sizeof(ts->name) - 1] = '\0';
	}
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr,
	    mustjoin ? PTHREAD_CREATE_JOINABLE : PTHREAD_CREATE_DETACHED);
	rv = pthread_create(pt, &attr, thrstart, ts);
	pthread_attr_destroy(&attr);
	if (rv != 0) {
		free(ts);
		free(pt);
		return rumpuser__errtrans(rv);
	}
	if (mustjoin) {
		*cookie = pt;
	} else {
		free(pt);
		if (cookie != NULL)
			*cookie = NULL;
	}
	return 0;
}

void
rumpuser_thread_exit(void)
{
	pthread_exit(NULL);
}

int
rumpuser_thread_join(void *cookie)
{
	pthread_t *pt = cookie;
	int nlocks, rv;

	if (pt == NULL)
		return RUMPUSER_EINVAL;
	rumpuser__flush();
	rumpuser__unschedule(&nlocks, NULL);
	rv = pthread_join(*pt, NULL);
	rumpuser__reschedule(nlocks, NULL);
	if (rv == 0)
		free(pt);
	return rumpuser__errtrans(rv);
}

/* ---- the kernel's current lwp, one per host thread ---- */

static __thread struct lwp *curlwp;

void
rumpuser_curlwpop(int op, struct lwp *l)
{
	switch (op) {
	case RUMPUSER_LWP_SET:
		curlwp = l;
		break;
	case RUMPUSER_LWP_CLEAR:
		curlwp = NULL;
		break;
	default:                /* CREATE, DESTROY: nothing to keep per lwp */
		break;
	}
}

struct lwp *
rumpuser_curlwp(void)
{
	return curlwp;
}

/* ---- mutexes ---- */

struct rumpuser_mtx {
	pthread_mutex_t pm;
	int flags;
	struct lwp *owner;      /* KMUTEX: the holder's lwp */
	int held;
};

void
rumpuser_mutex_init(struct rumpuser_mtx **mtxp, int flags)
{
	struct rumpuser_mtx *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		rumpuser_exit(RUMPUSER_PANIC);
	pthread_mutex_init(&m->pm, NULL);
	m->flags = flags;
	*mtxp = m;
}

static void
mtx_taken(struct rumpuser_mtx *m)
{
	m->held = 1;
	if (m->flags & RUMPUSER_MTX_KMUTEX)
		m->owner = rumpuser_curlwp();
}

void
rumpuser_mutex_enter_nowrap(struct rumpuser_mtx *m)
{
	pthread_mutex_lock(&m->pm);
	mtx_taken(m);
}

void
rumpuser_mutex_enter(struct rumpuser_mtx *m)
{
	int nlocks;

	if (m->flags & RUMPUSER_MTX_SPIN) {
		rumpuser_mutex_enter_nowrap(m);
		return;
	}
	if (pthread_mutex_trylock(&m->pm) != 0) {
		rumpuser__unschedule(&nlocks, NULL);
		pthread_mutex_lock(&m->pm);
		rumpuser__reschedule(nlocks, NULL);
	}
	mtx_taken(m);
}

int
rumpuser_mutex_tryenter(struct rumpuser_mtx *m)
{
	if (pthread_mutex_trylock(&m->pm) != 0)
		return RUMPUSER_EBUSY;
	mtx_taken(m);
	return 0;
}

void
rumpuser_mutex_exit(struct rumpuser_mtx *m)
{
	m->owner = NULL;
	m->held = 0;
	pthread_mutex_unlock(&m->pm);
}

void
rumpuser_mutex_destroy(struct rumpuser_mtx *m)
{
	pthread_mutex_destroy(&m->pm);
	free(m);
}

void
rumpuser_mutex_owner(struct rumpuser_mtx *m, struct lwp **lp)
{
	*lp = m->owner;
}

/* ---- reader/writer locks (own implementation: pthreads has no upgrade/downgrade) ---- */

struct rumpuser_rw {
	pthread_mutex_t pm;
	pthread_cond_t pc;
	int readers;            /* active readers */
	int writer;             /* 1 while write-held */
	pthread_t wowner;
};

void
rumpuser_rw_init(struct rumpuser_rw **rwp)
{
	struct rumpuser_rw *rw;

	if ((rw = calloc(1, sizeof(*rw))) == NULL)
		rumpuser_exit(RUMPUSER_PANIC);
	pthread_mutex_init(&rw->pm, NULL);
	pthread_cond_init(&rw->pc, NULL);
	*rwp = rw;
}

/* with rw->pm held */
static int
rw_tryget(int op, struct rumpuser_rw *rw)
{
	if (op == RUMPUSER_RW_WRITER) {
		if (rw->writer || rw->readers > 0)
			return 0;
		rw->writer = 1;
		rw->wowner = pthread_self();
	} else {
		if (rw->writer)
			return 0;
		rw->readers++;
	}
	return 1;
}

void
rumpuser_rw_enter(int op, struct rumpuser_rw *rw)
{
	int nlocks;

	pthread_mutex_lock(&rw->pm);
	if (!rw_tryget(op, rw)) {
		rumpuser__flush();
		rumpuser__unschedule(&nlocks, NULL);
		while (!rw_tryget(op, rw))
			pthread_cond_wait(&rw->pc, &rw->pm);
		pthread_mutex_unlock(&rw->pm);
		rumpuser__reschedule(nlocks, NULL);
		return;
	}
	pthread_mutex_unlock(&rw->pm);
}

int
rumpuser_rw_tryenter(int op, struct rumpuser_rw *rw)
{
	int ok;

	pthread_mutex_lock(&rw->pm);
	ok = rw_tryget(op, rw);
	pthread_mutex_unlock(&rw->pm);
	return ok ? 0 : RUMPUSER_EBUSY;
}

/* the caller holds it for reading: succeeds only if it is the only reader */
int
rumpuser_rw_tryupgrade(struct rumpuser_rw *rw)
{
	int rv = RUMPUSER_EBUSY;

	pthread_mutex_lock(&rw->pm);
	if (rw->readers == 1 && !rw->writer) {
		rw->readers = 0;
		rw->writer = 1;
		rw->wowner = pthread_self();
		rv = 0;
	}
	pthread_mutex_unlock(&rw->pm);
	return rv;
}

void
rumpuser_rw_downgrade(struct rumpuser_rw *rw)
{
	pthread_mutex_lock(&rw->pm);
	rw->writer = 0;
	rw->readers = 1;
	pthread_cond_broadcast(&rw->pc);
	pthread_mutex_unlock(&rw->pm);
}

void
rumpuser_rw_exit(struct rumpuser_rw *rw)
{
	pthread_mutex_lock(&rw->pm);
	if (rw->writer)
		rw->writer = 0;
	else if (rw->readers > 0)
		rw->readers--;
	if (!rw->writer && rw->readers == 0)
		pthread_cond_broadcast(&rw->pc);
	pthread_mutex_unlock(&rw->pm);
}

void
rumpuser_rw_destroy(struct rumpuser_rw *rw)
{
	pthread_cond_destroy(&rw->pc);
	pthread_mutex_destroy(&rw->pm);
	free(rw);
}

/* READER: someone holds it for reading (readers are not tracked individually) */
void
rumpuser_rw_held(int op, struct rumpuser_rw *rw, int *heldp)
{
	pthread_mutex_lock(&rw->pm);
	if (op == RUMPUSER_RW_WRITER)
		*heldp = rw->writer && pthread_equal(rw->wowner, pthread_self());
	else
		*heldp = rw->readers > 0;
	pthread_mutex_unlock(&rw->pm);
}

/* ---- condition variables ---- */

struct rumpuser_cv {
	pthread_cond_t pc;
	int nwaiters;           /* changed only with the waiter's mutex held */
};

void
rumpuser_cv_init(struct rumpuser_cv **cvp)
{
	struct rumpuser_cv *cv;
	pthread_condattr_t attr;

	if ((cv = calloc(1, sizeof(*cv))) == NULL)
		rumpuser_exit(RUMPUSER_PANIC);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&cv->pc, &attr);
	pthread_condattr_destroy(&attr);
	*cvp = cv;
}

void
rumpuser_cv_destroy(struct rumpuser_cv *cv)
{
	pthread_cond_destroy(&cv->pc);
	free(cv);
}

/* before the wait: give up the kernel CPU and the mutex's ownership record */
static void
cv_unschedule(struct rumpuser_mtx *m, int *nlocks)
{
	rumpuser__flush();
	rumpuser__unschedule(nlocks, m);
	m->owner = NULL;
	m->held = 0;
}

/*
 * After the wait (pthread mutex held again). A kernel mutex is taken only with the kernel
 * CPU held, so drop it, take the CPU, then the mutex; others: mutex first, then the CPU.
 */
static void
cv_reschedule(struct rumpuser_mtx *m, int nlocks)
{
	if ((m->flags & (RUMPUSER_MTX_KMUTEX | RUMPUSER_MTX_SPIN)) == RUMPUSER_MTX_KMUTEX) {
		pthread_mutex_unlock(&m->pm);
		rumpuser__reschedule(nlocks, m);
		rumpuser_mutex_enter_nowrap(m);
	} else {
		mtx_taken(m);
		rumpuser__reschedule(nlocks, m);
	}
}

void
rumpuser_cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *m)
{
	int nlocks;

	cv->nwaiters++;
	cv_unschedule(m, &nlocks);
	pthread_cond_wait(&cv->pc, &m->pm);
	cv_reschedule(m, nlocks);
	cv->nwaiters--;
}

void
rumpuser_cv_wait_nowrap(struct rumpuser_cv *cv, struct rumpuser_mtx *m)
{
	cv->nwaiters++;
	rumpuser__flush();
	m->owner = NULL;
	m->held = 0;
	pthread_cond_wait(&cv->pc, &m->pm);
	mtx_taken(m);
	cv->nwaiters--;
}

int
rumpuser_cv_timedwait(struct rumpuser_cv *cv, struct rumpuser_mtx *m, int64_t sec, int64_t nsec)
{
	struct timespec ts;
	int nlocks, rv;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += (time_t)sec + (time_t)(nsec / 1000000000);
	ts.tv_nsec += (long)(nsec % 1000000000);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_nsec -= 1000000000L;
		ts.tv_sec++;
	}
	cv->nwaiters++;
	cv_unschedule(m, &nlocks);
	do
		rv = pthread_cond_timedwait(&cv->pc, &m->pm, &ts);
	while (rv == EINTR);
	cv_reschedule(m, nlocks);
	cv->nwaiters--;
	return rv == ETIMEDOUT ? RUMPUSER_ETIMEDOUT : 0;
}

void
rumpuser_cv_signal(struct rumpuser_cv *cv)
{
	pthread_cond_signal(&cv->pc);
}

void
rumpuser_cv_broadcast(struct rumpuser_cv *cv)
{
	pthread_cond_broadcast(&cv->pc);
}

/* meaningful when the caller holds the mutex the waiters use */
void
rumpuser_cv_has_waiters(struct rumpuser_cv *cv, int *waitersp)
{
	*waitersp = cv->nwaiters;
}
