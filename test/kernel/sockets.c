/*
 * Socket syscall test program for the kernel (layer 4) over loopback, no NIC needed: the same
 * file runs hosted (board "host") and as firmware (qemu-x86). Uses rump_sys_* for everything
 * and the hypercalls only for threads, time and output.
 * Prints "ok NAME" or "FAIL NAME: why (value)" per check and "sockets: N failures"; main
 * returns the number of failures (the exit code).
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/rumpuser.h>

#include "../lib/check.h"
#define LOOP htonl_(INADDR_LOOPBACK)
#define MiB (1024 * 1024)

static uint32_t htonl_(uint32_t v) { return __builtin_bswap32(v); }
static uint16_t htons_(uint16_t v) { return __builtin_bswap16(v); }

static int64_t
now_ms(void)
{
	int64_t sec;
	long nsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return sec * 1000 + nsec / 1000000;
}

static struct sockaddr_in
sin_of(uint32_t addr, uint16_t port)
{
	struct sockaddr_in sin = { 0 };

	sin.sin_len = sizeof(sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons_(port);
	sin.sin_addr.s_addr = addr;
	return sin;
}

#define SA(p) ((struct sockaddr *)(p))

static void *
spawn(void *(*fn)(void *), void *arg, const char *name)
{
	void *cookie = 0;

	if (rumpuser_thread_create(fn, arg, name, 1, -1, -1, &cookie) != 0) {
		check(name, 0, "rumpuser_thread_create failed", 0);
		return 0;
	}
	return cookie;
}

/* the bytes of the transfer: a reproducible pseudo-random stream */
static uint8_t
pattern(uint32_t i)
{
	uint32_t x = i * 2654435761u;

	return (uint8_t)(x >> 24 ^ x >> 11);
}

/* Fletcher-like checksum that notices order and value */
struct sum { uint32_t a, b; };
static void
sum_add(struct sum *s, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		s->a = (s->a + p[i]) % 65521;
		s->b = (s->b + s->a) % 65521;
	}
}

/* ---- 1. blocking TCP, two threads, 1 MiB with checksum ---- */

struct tcp_server { int lfd; uint32_t got, sum; int err; };

static void *
tcp_server(void *arg)
{
	struct tcp_server *srv = arg;
	struct sockaddr_in peer;
	socklen_t plen = sizeof(peer);
	static uint8_t buf[8192];
	struct sum s = { 1, 0 };
	ssize_t n;
	int fd = rump_sys_accept(srv->lfd, SA(&peer), &plen);

	if (fd < 0) {
		srv->err = rumpsdk_errno();
		return 0;
	}
	if (plen != sizeof(peer) || peer.sin_len != sizeof(peer) || peer.sin_family != AF_INET ||
	    peer.sin_addr.s_addr != LOOP)
		srv->err = -1;
	while ((n = rump_sys_read(fd, buf, sizeof(buf))) > 0) {
		sum_add(&s, buf, (size_t)n);
		srv->got += (uint32_t)n;
	}
	if (n < 0)
		srv->err = rumpsdk_errno();
	srv->sum = s.b << 16 | s.a;
	/* answer with what arrived: count and checksum */
	uint32_t reply[2] = { srv->got, srv->sum };
	rump_sys_write(fd, reply, sizeof(reply));
	rump_sys_close(fd);
	return 0;
}

static void
test_tcp_transfer(void)
{
	struct sockaddr_in sin = sin_of(LOOP, 5001), name;
	socklen_t len;
	struct tcp_server srv = { 0 };
	static uint8_t buf[10000];
	struct sum s = { 1, 0 };
	uint32_t sent = 0, reply[2] = { 0, 0 };
	int one = 1, fd, v;
	void *t;
	int64_t t0;

	srv.lfd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	check("tcp socket from fd 3 up", srv.lfd >= 3, "fd", srv.lfd);
	check("tcp SO_REUSEADDR", rump_sys_setsockopt(srv.lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == 0,
	    "errno", rumpsdk_errno());
	check("tcp bind", rump_sys_bind(srv.lfd, SA(&sin), sizeof(sin)) == 0, "errno", rumpsdk_errno());
	check("tcp listen", rump_sys_listen(srv.lfd, 4) == 0, "errno", rumpsdk_errno());
	t = spawn(tcp_server, &srv, "tcp-server");

	fd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	check("tcp connect", rump_sys_connect(fd, SA(&sin), sizeof(sin)) == 0, "errno", rumpsdk_errno());
	check("tcp TCP_NODELAY", rump_sys_setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) == 0,
	    "errno", rumpsdk_errno());
	len = sizeof(name);
	check("tcp getpeername", rump_sys_getpeername(fd, SA(&name), &len) == 0 && len == sizeof(name) &&
	    name.sin_port == htons_(5001) && name.sin_addr.s_addr == LOOP, "errno", rumpsdk_errno());
	len = sizeof(name);
	check("tcp getsockname", rump_sys_getsockname(fd, SA(&name), &len) == 0 && name.sin_family == AF_INET &&
	    name.sin_port != 0 && name.sin_addr.s_addr == LOOP, "errno", rumpsdk_errno());
	len = sizeof(v);
	check("tcp SO_RCVBUF", rump_sys_getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, &len) == 0 && v > 0,
	    "errno", rumpsdk_errno());
	len = sizeof(v);
	check("tcp SO_SNDBUF", rump_sys_getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &v, &len) == 0 && v > 0,
	    "errno", rumpsdk_errno());
	check("tcp SO_KEEPALIVE", rump_sys_setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one)) == 0,
	    "errno", rumpsdk_errno());

	t0 = now_ms();
	while (sent < MiB) {
		/* varying chunk sizes, through write and writev */
		size_t n = 1 + (sent * 7 + 1234) % sizeof(buf);
		ssize_t w;
		if (n > MiB - sent)
			n = MiB - sent;
		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(sent + (uint32_t)i);
		if ((sent / 4096) % 2) {
			struct iovec iov[2] = { { buf, n / 2 }, { buf + n / 2, n - n / 2 } };
			w = rump_sys_writev(fd, iov, 2);
		} else {
			w = rump_sys_write(fd, buf, n);
		}
		if (w <= 0) {
			check("tcp write 1 MiB", 0, "errno", rumpsdk_errno());
			break;
		}
		sum_add(&s, buf, (size_t)w);
		sent += (uint32_t)w;
	}
	check("tcp shutdown(SHUT_WR)", rump_sys_shutdown(fd, SHUT_WR) == 0, "errno", rumpsdk_errno());
	{
		ssize_t got = 0, n;
		while (got < (ssize_t)sizeof(reply) &&
		    (n = rump_sys_read(fd, (char *)reply + got, sizeof(reply) - (size_t)got)) > 0)
			got += n;
	}
	rumpuser_thread_join(t);
	say("tcp: 1 MiB in %ld ms\n", (long)(now_ms() - t0));
	check("tcp server saw no error", srv.err == 0, "errno", srv.err);
	check("tcp 1 MiB arrived", reply[0] == MiB && srv.got == MiB, "bytes", (long)reply[0]);
	check("tcp checksum matches", reply[1] == (s.b << 16 | s.a), "sum", (long)reply[1]);
	check("tcp read after peer close gives 0", rump_sys_read(fd, buf, 1) == 0, "errno", rumpsdk_errno());
	check("tcp close", rump_sys_close(fd) == 0, "errno", rumpsdk_errno());

	/* a second socket on the same port without SO_REUSEADDR */
	fd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	check("EADDRINUSE", rump_sys_bind(fd, SA(&sin), sizeof(sin)) == -1 && rumpsdk_errno() == EADDRINUSE,
	    "errno", rumpsdk_errno());
	rump_sys_close(fd);
	rump_sys_close(srv.lfd);
}

/* ---- 2. non-blocking connect and accept with poll ---- */

static void
test_nonblocking(void)
{
	struct sockaddr_in sin = sin_of(LOOP, 5002);
	int lfd, cfd, afd, v, fl;
	socklen_t len;
	char buf[64];
	struct pollfd pfd[2];

	lfd = rump_sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	rump_sys_bind(lfd, SA(&sin), sizeof(sin));
	rump_sys_listen(lfd, 4);
	check("accept EAGAIN (nothing pending)", rump_sys_accept(lfd, 0, 0) == -1 && rumpsdk_errno() == EAGAIN,
	    "errno", rumpsdk_errno());

	cfd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	fl = rump_sys_fcntl(cfd, F_GETFL);
	check("fcntl F_GETFL", fl >= 0 && !(fl & O_NONBLOCK), "flags", fl);
	check("fcntl F_SETFL O_NONBLOCK", rump_sys_fcntl(cfd, F_SETFL, fl | O_NONBLOCK) == 0 &&
	    (rump_sys_fcntl(cfd, F_GETFL) & O_NONBLOCK), "errno", rumpsdk_errno());
	v = rump_sys_connect(cfd, SA(&sin), sizeof(sin));
	check("connect EINPROGRESS", v == 0 || rumpsdk_errno() == EINPROGRESS, "errno", rumpsdk_errno());

	pfd[0] = (struct pollfd){ lfd, POLLIN, 0 };
	pfd[1] = (struct pollfd){ cfd, POLLOUT, 0 };
	{
		/* the two may come in one poll or in two: each is counted once, and not asked for again */
		int64_t t0 = now_ms();
		int in = 0, out = 0;
		while (!(in && out) && now_ms() - t0 < 5000) {
			if (rump_sys_poll(pfd, 2, 1000) < 0)
				break;
			if (pfd[0].revents & POLLIN)
				in = 1, pfd[0].events = 0;
			if (pfd[1].revents & POLLOUT)
				out = 1, pfd[1].events = 0;
		}
		check("poll: listener POLLIN and connector POLLOUT", in && out, "ready", in + out);
	}
	len = sizeof(v);
	check("SO_ERROR 0 after connect", rump_sys_getsockopt(cfd, SOL_SOCKET, SO_ERROR, &v, &len) == 0 && v == 0,
	    "so_error", v);
	afd = rump_sys_paccept(lfd, 0, 0, 0, SOCK_NONBLOCK);
	check("paccept SOCK_NONBLOCK", afd >= 3, "errno", rumpsdk_errno());
	check("read EAGAIN (no data)", rump_sys_read(afd, buf, sizeof(buf)) == -1 && rumpsdk_errno() == EAGAIN,
	    "errno", rumpsdk_errno());
	v = 0;
	check("FIONREAD 0", rump_sys_ioctl(afd, FIONREAD, &v) == 0 && v == 0, "value", v);
	check("write on connected non-blocking", rump_sys_write(cfd, "hello", 5) == 5, "errno", rumpsdk_errno());
	pfd[0] = (struct pollfd){ afd, POLLIN, 0 };
	check("poll POLLIN on data", rump_sys_poll(pfd, 1, 2000) == 1 && (pfd[0].revents & POLLIN), "revents",
	    pfd[0].revents);
	v = 0;
	check("FIONREAD 5", rump_sys_ioctl(afd, FIONREAD, &v) == 0 && v == 5, "value", v);
	check("recvfrom MSG_PEEK", rump_sys_recvfrom(afd, buf, 2, MSG_PEEK, 0, 0) == 2 && buf[0] == 'h', "errno",
	    rumpsdk_errno());
	check("read data", rump_sys_read(afd, buf, sizeof(buf)) == 5 && buf[4] == 'o', "errno", rumpsdk_errno());
	v = 0;
	check("FIONBIO off", rump_sys_ioctl(afd, FIONBIO, &v) == 0 && !(rump_sys_fcntl(afd, F_GETFL) & O_NONBLOCK),
	    "errno", rumpsdk_errno());
	{
		struct timeval tv = { 0, 200000 };
		int64_t t0 = now_ms(), dt;
		ssize_t n;
		check("SO_RCVTIMEO", rump_sys_setsockopt(afd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0, "errno",
		    rumpsdk_errno());
		n = rump_sys_read(afd, buf, sizeof(buf));
		dt = now_ms() - t0;
		check("blocking read times out with EAGAIN after SO_RCVTIMEO", n == -1 && rumpsdk_errno() == EAGAIN &&
		    dt >= 150 && dt < 2000, "ms", (long)dt);
		tv.tv_usec = 100000;
		check("SO_SNDTIMEO", rump_sys_setsockopt(afd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == 0, "errno",
		    rumpsdk_errno());
	}
	{
		/* poll with a timeout and nothing to report; the console fd alongside a socket */
		int64_t t0 = now_ms(), dt;
		int n;
		pfd[0] = (struct pollfd){ afd, POLLIN, 0 };
		n = rump_sys_poll(pfd, 1, 150);
		dt = now_ms() - t0;
		check("poll timeout", n == 0 && dt >= 100 && dt < 2000, "ms", (long)dt);
		pfd[0] = (struct pollfd){ 1, POLLOUT, 0 };
		pfd[1] = (struct pollfd){ afd, POLLIN, 0 };
		n = rump_sys_poll(pfd, 2, 1000);
		check("poll console fd 1 with a socket", n == 1 && pfd[0].revents == POLLOUT && pfd[1].revents == 0,
		    "n", n);
		pfd[0] = (struct pollfd){ 0, POLLIN, 0 };
		n = rump_sys_poll(pfd, 2, 100);
		check("poll console fd 0 with a socket", n >= 0 && pfd[1].revents == 0 && (n == 0) == (pfd[0].revents == 0),
		    "n", n);
	}
	rump_sys_close(cfd);
	pfd[0] = (struct pollfd){ afd, POLLIN, 0 };
	check("poll POLLIN at peer close", rump_sys_poll(pfd, 1, 2000) == 1, "revents", pfd[0].revents);
	check("read 0 at peer close", rump_sys_read(afd, buf, sizeof(buf)) == 0, "errno", rumpsdk_errno());
	rump_sys_close(afd);
	rump_sys_close(lfd);
}

/* ---- 3. UDP echo ---- */

static void *
udp_server(void *arg)
{
	int fd = *(int *)arg;
	char buf[2048];
	struct sockaddr_in from;

	for (;;) {
		socklen_t flen = sizeof(from);
		ssize_t n = rump_sys_recvfrom(fd, buf, sizeof(buf), 0, SA(&from), &flen);
		if (n < 0)
			break;
		rump_sys_sendto(fd, buf, (size_t)n, 0, SA(&from), flen);
		if (n == 4 && __builtin_memcmp(buf, "quit", 4) == 0)
			break;
	}
	return 0;
}

static void
test_udp(void)
{
	struct sockaddr_in sin = sin_of(LOOP, 5003), from;
	int sfd = rump_sys_socket(AF_INET, SOCK_DGRAM, 0), cfd, dup, i, good = 0;
	struct timeval tv = { 2, 0 };
	char buf[2048], msg[1400];
	void *t;

	check("udp bind", rump_sys_bind(sfd, SA(&sin), sizeof(sin)) == 0, "errno", rumpsdk_errno());
	dup = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	check("udp EADDRINUSE", rump_sys_bind(dup, SA(&sin), sizeof(sin)) == -1 && rumpsdk_errno() == EADDRINUSE,
	    "errno", rumpsdk_errno());
	rump_sys_close(dup);
	t = spawn(udp_server, &sfd, "udp-server");
	cfd = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	rump_sys_setsockopt(cfd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (i = 0; i < 50; i++) {
		size_t len = 1 + (size_t)(i * 97) % sizeof(msg);
		socklen_t flen = sizeof(from);
		ssize_t n;
		for (size_t k = 0; k < len; k++)
			msg[k] = (char)pattern((uint32_t)(i * 1000 + k));
		if (rump_sys_sendto(cfd, msg, len, 0, SA(&sin), sizeof(sin)) != (ssize_t)len)
			break;
		n = rump_sys_recvfrom(cfd, buf, sizeof(buf), 0, SA(&from), &flen);
		if (n == (ssize_t)len && __builtin_memcmp(buf, msg, len) == 0 && from.sin_port == htons_(5003))
			good++;
	}
	check("udp echo of 50 datagrams", good == 50, "good", good);
	rump_sys_sendto(cfd, "quit", 4, 0, SA(&sin), sizeof(sin));
	rumpuser_thread_join(t);
	rump_sys_close(cfd);
	rump_sys_close(sfd);
}

/* ---- 4. errors ---- */

static void
test_errors(void)
{
	struct sockaddr_in sin = sin_of(LOOP, 5999);   /* nobody listens */
	int fd, v;
	socklen_t len;
	char c;
	struct pollfd pfd;

	fd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	check("ECONNREFUSED (blocking connect)", rump_sys_connect(fd, SA(&sin), sizeof(sin)) == -1 &&
	    rumpsdk_errno() == ECONNREFUSED, "errno", rumpsdk_errno());
	rump_sys_close(fd);

	fd = rump_sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	rump_sys_connect(fd, SA(&sin), sizeof(sin));
	pfd = (struct pollfd){ fd, POLLOUT, 0 };
	rump_sys_poll(&pfd, 1, 2000);
	len = sizeof(v);
	v = 0;
	check("ECONNREFUSED (non-blocking, SO_ERROR)", rump_sys_getsockopt(fd, SOL_SOCKET, SO_ERROR, &v, &len) == 0 &&
	    v == ECONNREFUSED, "so_error", v);
	rump_sys_close(fd);

	check("EBADF read", rump_sys_read(77, &c, 1) == -1 && rumpsdk_errno() == EBADF, "errno", rumpsdk_errno());
	check("EBADF write", rump_sys_write(77, &c, 1) == -1 && rumpsdk_errno() == EBADF, "errno", rumpsdk_errno());
	check("EBADF close", rump_sys_close(77) == -1 && rumpsdk_errno() == EBADF, "errno", rumpsdk_errno());
	check("EBADF close twice", rump_sys_close(fd) == -1 && rumpsdk_errno() == EBADF, "errno", rumpsdk_errno());
	check("ENOTSOCK on the console", rump_sys_listen(1, 1) == -1 && rumpsdk_errno() == ENOTSOCK, "errno",
	    rumpsdk_errno());
	check("EAFNOSUPPORT", rump_sys_socket(AF_INET6, SOCK_STREAM, 0) == -1 && rumpsdk_errno() == EAFNOSUPPORT,
	    "errno", rumpsdk_errno());
	pfd = (struct pollfd){ 77, POLLIN, 0 };
	check("poll POLLNVAL", rump_sys_poll(&pfd, 1, 0) == 1 && pfd.revents == POLLNVAL, "revents", pfd.revents);
}

int
main(int argc, char **argv)
{
	(void)argc; (void)argv;
	if (rump_init() != 0) {
		say("FAIL rump_init\n");
		return 1;
	}
	test_tcp_transfer();
	test_nonblocking();
	test_udp();
	test_errors();
	say("sockets: %d failures\n", failures);
	return failures;
}
