/*
 * lwIP's operating-system layer (sys_arch) on the rump kernel hypercalls alone: semaphores and
 * mailboxes are a hypercall mutex with condition variables, threads come from
 * rumpuser_thread_create, time from rumpuser_clock_gettime. Nothing here calls core or the
 * board, so the same code runs over the hosted POSIX hypercalls and over the firmware's.
 */
#include "kernel_int.h"
#include "lwip/opt.h"
#include "lwip/sys.h"
#include "lwip/err.h"

struct kern_sem {
	struct rumpuser_mtx *mtx;
	struct rumpuser_cv *cv;
	unsigned count;
};

struct kern_mbox {
	struct rumpuser_mtx *mtx;
	struct rumpuser_cv *notempty, *notfull;
	unsigned size, head, used;      /* ring of size slots */
	void **slot;
};

static struct rumpuser_mtx *protect_mtx;        /* sys_arch_protect: recursive, owner below */
static struct lwp *protect_owner;
static int protect_depth;

static void *
kmalloc(size_t n)
{
	void *p;

	return rumpuser_malloc(n, 0, &p) == 0 ? p : NULL;
}

void
sys_init(void)
{
	if (protect_mtx == NULL)
		rumpuser_mutex_init(&protect_mtx, RUMPUSER_MTX_KMUTEX);
}

u32_t
sys_now(void)
{
	int64_t sec;
	long nsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return (u32_t)(sec * 1000 + nsec / 1000000);
}

/* wait on cv for at most timeout ms (0: forever); returns 0 when woken, 1 on timeout */
static int
timed_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx, u32_t timeout)
{
	if (timeout == 0) {
		rumpuser_cv_wait(cv, mtx);
		return 0;
	}
	return rumpuser_cv_timedwait(cv, mtx, timeout / 1000, (int64_t)(timeout % 1000) * 1000000) != 0;
}

/* ---- semaphores ---- */

err_t
sys_sem_new(sys_sem_t *sem, u8_t count)
{
	struct kern_sem *s = kmalloc(sizeof(*s));

	if (s == NULL)
		return ERR_MEM;
	rumpuser_mutex_init(&s->mtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_cv_init(&s->cv);
	s->count = count;
	*sem = s;
	return ERR_OK;
}

void
sys_sem_free(sys_sem_t *sem)
{
	struct kern_sem *s = *sem;

	rumpuser_cv_destroy(s->cv);
	rumpuser_mutex_destroy(s->mtx);
	rumpuser_free(s, sizeof(*s));
	*sem = NULL;
}

void
sys_sem_signal(sys_sem_t *sem)
{
	struct kern_sem *s = *sem;

	rumpuser_mutex_enter(s->mtx);
	s->count++;
	rumpuser_cv_signal(s->cv);
	rumpuser_mutex_exit(s->mtx);
}

u32_t
sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout)
{
	struct kern_sem *s = *sem;
	u32_t start = sys_now(), waited;

	rumpuser_mutex_enter(s->mtx);
	while (s->count == 0) {
		u32_t left = 0;
		if (timeout != 0) {
			waited = sys_now() - start;
			if (waited >= timeout) {
				rumpuser_mutex_exit(s->mtx);
				return SYS_ARCH_TIMEOUT;
			}
			left = timeout - waited;
		}
		timed_wait(s->cv, s->mtx, left);
	}
	s->count--;
	rumpuser_mutex_exit(s->mtx);
	waited = sys_now() - start;
	return waited == SYS_ARCH_TIMEOUT ? waited - 1 : waited;
}

/* ---- mutexes ---- */

err_t
sys_mutex_new(sys_mutex_t *mutex)
{
	rumpuser_mutex_init(mutex, RUMPUSER_MTX_KMUTEX);
	return ERR_OK;
}

void sys_mutex_lock(sys_mutex_t *mutex) { rumpuser_mutex_enter(*mutex); }
void sys_mutex_unlock(sys_mutex_t *mutex) { rumpuser_mutex_exit(*mutex); }

void
sys_mutex_free(sys_mutex_t *mutex)
{
	rumpuser_mutex_destroy(*mutex);
	*mutex = NULL;
}

/* ---- mailboxes ---- */

err_t
sys_mbox_new(sys_mbox_t *mbox, int size)
{
	struct kern_mbox *m = kmalloc(sizeof(*m));

	if (size <= 0)
		size = 64;
	if (m == NULL)
		return ERR_MEM;
	if ((m->slot = kmalloc((size_t)size * sizeof(void *))) == NULL) {
		rumpuser_free(m, sizeof(*m));
		return ERR_MEM;
	}
	rumpuser_mutex_init(&m->mtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_cv_init(&m->notempty);
	rumpuser_cv_init(&m->notfull);
	m->size = (unsigned)size;
	m->head = m->used = 0;
	*mbox = m;
	return ERR_OK;
}

void
sys_mbox_free(sys_mbox_t *mbox)
{
	struct kern_mbox *m = *mbox;

	rumpuser_cv_destroy(m->notempty);
	rumpuser_cv_destroy(m->notfull);
	rumpuser_mutex_destroy(m->mtx);
	rumpuser_free(m->slot, m->size * sizeof(void *));
	rumpuser_free(m, sizeof(*m));
	*mbox = NULL;
}

static void
mbox_put(struct kern_mbox *m, void *msg)
{
	m->slot[(m->head + m->used) % m->size] = msg;
	m->used++;
	rumpuser_cv_signal(m->notempty);
}

void
sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	struct kern_mbox *m = *mbox;

	rumpuser_mutex_enter(m->mtx);
	while (m->used == m->size)
		rumpuser_cv_wait(m->notfull, m->mtx);
	mbox_put(m, msg);
	rumpuser_mutex_exit(m->mtx);
}

err_t
sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	struct kern_mbox *m = *mbox;
	err_t err = ERR_MEM;

	rumpuser_mutex_enter(m->mtx);
	if (m->used < m->size) {
		mbox_put(m, msg);
		err = ERR_OK;
	}
	rumpuser_mutex_exit(m->mtx);
	return err;
}

err_t
sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

static void *
mbox_get(struct kern_mbox *m)
{
	void *msg = m->slot[m->head];

	m->head = (m->head + 1) % m->size;
	m->used--;
	rumpuser_cv_signal(m->notfull);
	return msg;
}

u32_t
sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout)
{
	struct kern_mbox *m = *mbox;
	u32_t start = sys_now(), waited;
	void *got;

	rumpuser_mutex_enter(m->mtx);
	while (m->used == 0) {
		u32_t left = 0;
		if (timeout != 0) {
			waited = sys_now() - start;
			if (waited >= timeout) {
				rumpuser_mutex_exit(m->mtx);
				if (msg != NULL)
					*msg = NULL;
				return SYS_ARCH_TIMEOUT;
			}
			left = timeout - waited;
		}
		timed_wait(m->notempty, m->mtx, left);
	}
	got = mbox_get(m);
	rumpuser_mutex_exit(m->mtx);
	if (msg != NULL)
		*msg = got;
	waited = sys_now() - start;
	return waited == SYS_ARCH_TIMEOUT ? waited - 1 : waited;
}

u32_t
sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	struct kern_mbox *m = *mbox;
	void *got;

	rumpuser_mutex_enter(m->mtx);
	if (m->used == 0) {
		rumpuser_mutex_exit(m->mtx);
		return SYS_MBOX_EMPTY;
	}
	got = mbox_get(m);
	rumpuser_mutex_exit(m->mtx);
	if (msg != NULL)
		*msg = got;
	return 0;
}

/* ---- threads ---- */

struct thread_start {
	lwip_thread_fn fn;
	void *arg;
};

static void *
thread_trampoline(void *p)
{
	struct thread_start st = *(struct thread_start *)p;

	rumpuser_free(p, sizeof(st));
	st.fn(st.arg);
	rumpuser_thread_exit();
}

sys_thread_t
sys_thread_new(const char *name, lwip_thread_fn thread, void *arg, int stacksize, int prio)
{
	struct thread_start *st = kmalloc(sizeof(*st));
	void *cookie = NULL;

	(void)stacksize; (void)prio;
	if (st == NULL)
		kern_panic("lwip: no memory for a thread");
	st->fn = thread;
	st->arg = arg;
	if (rumpuser_thread_create(thread_trampoline, st, name, 0, -1, -1, &cookie) != 0)
		kern_panic("lwip: cannot create a thread");
	return cookie;
}

/* ---- SYS_ARCH_PROTECT: one recursive lock ---- */

sys_prot_t
sys_arch_protect(void)
{
	struct lwp *self = kern_curlwp();

	if (protect_owner == self) {
		protect_depth++;
		return 0;
	}
	rumpuser_mutex_enter(protect_mtx);
	protect_owner = self;
	protect_depth = 1;
	return 0;
}

void
sys_arch_unprotect(sys_prot_t pval)
{
	(void)pval;
	if (--protect_depth == 0) {
		protect_owner = NULL;
		rumpuser_mutex_exit(protect_mtx);
	}
}
