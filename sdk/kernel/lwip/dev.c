/*
 * Device nodes (rump/dev.h): a table of names drivers register, and the descriptors open on
 * them. Descriptors are numbered from KERN_DEV_FD_BASE, above every lwIP socket, so syscalls.c
 * tells them apart by number. One lock guards both tables; the operations themselves run
 * unlocked (drivers serialize their own hardware). One thread per descriptor at a time, as for
 * sockets: closing a descriptor another thread is using is not guarded against.
 */
#include "kernel_int.h"
#include <rump/dev.h>

#define NNODES 16
#define NAMELEN 16

struct node {
	char name[NAMELEN];
	const struct rumpsdk_cdevsw *sw;
	void *softc;
};

struct file {
	struct node *node;      /* NULL: the descriptor is free */
	int fflag;              /* RUMPSDK_FREAD | RUMPSDK_FWRITE */
};

static struct node nodes[NNODES];
static int nnodes;
static struct file files[KERN_DEV_NFD];
static struct rumpuser_mtx *lock;     /* created on first use (kern_mutex_once) */

static void
dev_enter(void)
{
	rumpuser_mutex_enter(kern_mutex_once(&lock));
}

static int
name_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int
rumpsdk_dev_register(const char *name, const struct rumpsdk_cdevsw *sw, void *softc)
{
	size_t len = 0;
	int error = 0, i;

	if ((error = rump_init()) != 0)
		return error;
	if (name == NULL || sw == NULL)
		return EINVAL;
	for (; name[len]; len++)
		if (name[len] == '/' || len + 1 >= NAMELEN)
			return EINVAL;
	if (len == 0)
		return EINVAL;
	dev_enter();
	for (i = 0; i < nnodes; i++)
		if (name_eq(nodes[i].name, name))
			error = EEXIST;
	if (error == 0 && nnodes == NNODES)
		error = ENOSPC;
	if (error == 0) {
		__builtin_memcpy(nodes[nnodes].name, name, len + 1);
		nodes[nnodes].sw = sw;
		nodes[nnodes].softc = softc;
		nnodes++;
	}
	rumpuser_mutex_exit(lock);
	return error;
}

/* the open file of a device descriptor, or NULL */
static struct file *
file_of(int fd)
{
	struct file *f;

	if (!kern_is_dev(fd))
		return NULL;
	dev_enter();
	f = files[fd - KERN_DEV_FD_BASE].node ? &files[fd - KERN_DEV_FD_BASE] : NULL;
	rumpuser_mutex_exit(lock);
	return f;
}

int
kern_dev_open(const char *path, int flags)
{
	static const char prefix[] = "/dev/";
	struct node *node = NULL;
	int fflag = ((flags & O_ACCMODE) + 1) & (RUMPSDK_FREAD | RUMPSDK_FWRITE), fd = -1, error, i;

	if (path == NULL)
		return kern_fail(EFAULT);
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return kern_fail(EINVAL);
	for (i = 0; prefix[i]; i++)
		if (path[i] != prefix[i])
			return kern_fail(ENOENT);
	kern_attach_devices();          /* the drivers register their nodes as they attach */
	dev_enter();
	for (int n = 0; n < nnodes; n++)
		if (name_eq(nodes[n].name, path + i))
			node = &nodes[n];
	for (int d = 0; node && d < KERN_DEV_NFD && fd < 0; d++) {
		if (files[d].node == NULL) {
			files[d].node = node;
			files[d].fflag = fflag;
			fd = KERN_DEV_FD_BASE + d;
		}
	}
	rumpuser_mutex_exit(lock);
	if (node == NULL)
		return kern_fail(ENOENT);
	if (fd < 0)
		return kern_fail(ENFILE);
	if (node->sw->d_open && (error = node->sw->d_open(node->softc, fflag)) != 0) {
		dev_enter();
		files[fd - KERN_DEV_FD_BASE].node = NULL;
		rumpuser_mutex_exit(lock);
		return kern_fail(error);
	}
	return fd;
}

int
kern_dev_close(int fd)
{
	struct file *f = file_of(fd);
	int error = 0;

	if (f == NULL)
		return kern_fail(EBADF);
	if (f->node->sw->d_close)
		error = f->node->sw->d_close(f->node->softc, f->fflag);
	dev_enter();
	f->node = NULL;
	rumpuser_mutex_exit(lock);
	return error ? kern_fail(error) : 0;
}

ssize_t
kern_dev_read(int fd, void *buf, size_t n)
{
	struct file *f = file_of(fd);
	size_t done = 0;
	int error;

	if (f == NULL || !(f->fflag & RUMPSDK_FREAD))
		return kern_fail(EBADF);
	if (f->node->sw->d_read == NULL)
		return kern_fail(ENODEV);
	if ((error = f->node->sw->d_read(f->node->softc, buf, n, &done, f->fflag)) != 0)
		return kern_fail(error);
	return (ssize_t)done;
}

ssize_t
kern_dev_write(int fd, const void *buf, size_t n)
{
	struct file *f = file_of(fd);
	size_t done = 0;
	int error;

	if (f == NULL || !(f->fflag & RUMPSDK_FWRITE))
		return kern_fail(EBADF);
	if (f->node->sw->d_write == NULL)
		return kern_fail(ENODEV);
	if ((error = f->node->sw->d_write(f->node->softc, buf, n, &done, f->fflag)) != 0)
		return kern_fail(error);
	return (ssize_t)done;
}

int
kern_dev_ioctl(int fd, unsigned long cmd, void *data)
{
	struct file *f = file_of(fd);
	int error;

	if (f == NULL)
		return kern_fail(EBADF);
	if (f->node->sw->d_ioctl == NULL)
		return kern_fail(ENODEV);
	if ((error = f->node->sw->d_ioctl(f->node->softc, cmd, data, f->fflag)) != 0)
		return kern_fail(error);
	return 0;
}

int
kern_dev_getfl(int fd)
{
	struct file *f = file_of(fd);

	return f == NULL ? kern_fail(EBADF) : f->fflag - 1;   /* back to O_RDONLY/O_WRONLY/O_RDWR */
}
