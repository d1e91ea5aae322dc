/*
 * lwIP's operating-system types for the SDK (lwIP reads this as "arch/sys_arch.h"):
 * semaphores, mutexes, mailboxes and threads, built in ../../../sys_arch.c on the rump
 * kernel hypercalls only (rumpuser_mutex_*, rumpuser_cv_*, rumpuser_thread_create, ...).
 */
#ifndef RUMPSDK_ARCH_SYS_ARCH_H
#define RUMPSDK_ARCH_SYS_ARCH_H

struct kern_sem;
struct kern_mbox;
struct rumpuser_mtx;

typedef struct kern_sem *sys_sem_t;
typedef struct rumpuser_mtx *sys_mutex_t;
typedef struct kern_mbox *sys_mbox_t;
typedef void *sys_thread_t;
typedef int sys_prot_t;

#define sys_sem_valid(s) (*(s) != NULL)
#define sys_sem_set_invalid(s) (*(s) = NULL)
#define sys_mutex_valid(m) (*(m) != NULL)
#define sys_mutex_set_invalid(m) (*(m) = NULL)
#define sys_mbox_valid(m) (*(m) != NULL)
#define sys_mbox_set_invalid(m) (*(m) = NULL)

#endif
