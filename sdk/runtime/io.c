/*
 * Sockets for the event loop (the natives behind sdk/api/net.ts and the watch table the loop
 * polls) and device nodes (open, close and I2C_IOCTL_EXEC for sdk/api/i2c.ts). Besides sys.c,
 * the only runtime file that calls the kernel; see README.md.
 *
 * Natives return their result, or -errno (NetBSD numbering) as a number. Every socket is
 * non-blocking. rt_io_watch(fd, events, callback) registers a descriptor (events: RT_IO_READ |
 * RT_IO_WRITE, or 0 for errors only); rt_io_wait(ms) waits in one rump_sys_poll over all watched
 * descriptors (at most ms, < 0 forever), then calls each ready descriptor's callback with
 * RT_IO_READ | RT_IO_WRITE | RT_IO_FAIL as a macrotask, draining microtasks after each.
 */
#include "internal.h"
#include <rump/rump_syscalls.h>
#include <rump/netbsd_abi.h>
#include <rump/netif.h>

#define RT_IO_READ 1
#define RT_IO_WRITE 2
#define RT_IO_FAIL 4
#define RT_IO_WEAK 8 /* a watch flag: it does not keep the program running (the debug shell's fd 0) */

/* options of rt_net_setopt (net.ts OPT_*) */
#define OPT_REUSEADDR 1
#define OPT_NODELAY 2
#define OPT_KEEPALIVE 3

/* ---- the watch table ---- */
#define MAXW 128 /* the kernel has at most 80 sockets */
typedef struct watch {
	int fd;
	int events;
	uint32_t gen; /* changes when the slot is reused: stale poll results are ignored */
} watch;
static watch w[MAXW];
static rt_value wcb[MAXW]; /* callbacks (rooted) */
static int nw;
static int nweak; /* how many of the nw watches are RT_IO_WEAK */
static uint32_t wgen;

static void io_roots(void) {
	for (int i = 0; i < nw; i++) rt_gc_mark_value(wcb[i]);
}

static int find(int fd) {
	for (int i = 0; i < nw; i++)
		if (w[i].fd == fd) return i;
	return -1;
}

void rt_io_watch(double fdd, double events, rt_value cb) {
	static int rooted;
	if (!rooted) { rt_gc_add_root_fn(io_roots); rooted = 1; }
	int fd = (int)fdd, i = find(fd);
	if (!rt_is_func(cb)) rt_throw_type("rt_io_watch: the callback must be a function");
	if (i < 0) {
		if (nw == MAXW) rt_throw_range("too many watched descriptors");
		i = nw++;
		w[i].fd = fd;
		w[i].gen = ++wgen;
		w[i].events = 0;
	}
	nweak += ((int)events & RT_IO_WEAK ? 1 : 0) - (w[i].events & RT_IO_WEAK ? 1 : 0);
	w[i].events = (int)events;
	wcb[i] = cb;
}

void rt_io_unwatch(double fdd) {
	int i = find((int)fdd);
	if (i < 0) return;
	if (w[i].events & RT_IO_WEAK) nweak--;
	nw--;
	w[i] = w[nw];
	wcb[i] = wcb[nw];
	wcb[nw] = RT_UNDEF;
}

/* the loop keeps running while a descriptor other than a weak one is watched */
int rt_io_active(void) { return nw > nweak; }

void rt_io_wait(double ms) {
	if (nw == 0) {
		if (ms > 0) rt_sys_wait_ms(ms);
		return;
	}
	struct pollfd pfd[MAXW];
	uint32_t gen[MAXW];
	int n = nw;
	for (int i = 0; i < n; i++) {
		pfd[i].fd = w[i].fd;
		pfd[i].events = (short)((w[i].events & RT_IO_READ ? POLLIN : 0) | (w[i].events & RT_IO_WRITE ? POLLOUT : 0));
		pfd[i].revents = 0;
		gen[i] = w[i].gen;
	}
	int t = ms < 0 ? -1 : ms > 1e9 ? 1000000000 : (int)(ms + 0.999);
	if (rump_sys_poll(pfd, (u_int)n, t) <= 0) return;
	for (int k = 0; k < n; k++) {
		short re = pfd[k].revents;
		if (!re) continue;
		int i = find(pfd[k].fd);
		if (i < 0 || w[i].gen != gen[k]) continue; /* unwatched (or replaced) by an earlier callback */
		int ev = (re & POLLIN ? RT_IO_READ : 0) | (re & POLLOUT ? RT_IO_WRITE : 0) |
			(re & (POLLERR | POLLHUP | POLLNVAL) ? RT_IO_FAIL : 0);
		rt_value cb = wcb[i], arg = rt_num(ev);
		if (re & POLLNVAL) rt_io_unwatch(pfd[k].fd); /* closed under us: never report it again */
		rt_call(cb, RT_UNDEF, 1, &arg);
		rt_run_microtasks();
	}
}

/* ---- helpers ---- */
static int fail(void) { return -rumpsdk_errno(); }

/* a dotted-quad string into *a (network order); 0 or -EINVAL */
static int parse_ipv4(rt_value host, uint32_t *a) {
	if (!rt_is_str(host)) return -EINVAL;
	rt_string *s = rt_flat(host);
	uint32_t v = 0, part = 0;
	int dots = 0, digits = 0;
	for (uint32_t i = 0; i <= s->len; i++) {
		uint16_t c = i < s->len ? s->s[i] : '.';
		if (c >= '0' && c <= '9') {
			part = part * 10 + (c - '0');
			if (++digits > 3 || part > 255) return -EINVAL;
		} else if (c == '.') {
			if (!digits) return -EINVAL;
			v = v << 8 | part;
			part = 0;
			digits = 0;
			dots++;
		} else return -EINVAL;
	}
	if (dots != 4) return -EINVAL;
	*a = __builtin_bswap32(v);
	return 0;
}

static int make_sin(rt_value host, double port, struct sockaddr_in *sin) {
	__builtin_memset(sin, 0, sizeof *sin);
	sin->sin_len = sizeof *sin;
	sin->sin_family = AF_INET;
	sin->sin_port = __builtin_bswap16((uint16_t)port);
	if (!(port >= 0 && port <= 65535)) return -EINVAL;
	return parse_ipv4(host, &sin->sin_addr.s_addr);
}

static rt_value ipv4_string(uint32_t a /* network order */) {
	char buf[16], *p = buf;
	const uint8_t *b = (const uint8_t *)&a;
	for (int i = 0; i < 4; i++) {
		unsigned x = b[i];
		if (x >= 100) *p++ = (char)('0' + x / 100);
		if (x >= 10) *p++ = (char)('0' + x / 10 % 10);
		*p++ = (char)('0' + x % 10);
		if (i < 3) *p++ = '.';
	}
	*p = 0;
	return rt_str_c(buf);
}

static rt_value address_object(const struct sockaddr_in *sin) {
	rt_value o = rt_obj_new_sized(rt_proto_object, 2);
	rt_obj_set_c(o, "address", ipv4_string(sin->sin_addr.s_addr));
	rt_obj_set_c(o, "port", rt_num(__builtin_bswap16(sin->sin_port)));
	return o;
}

static rt_typed *u8_of(rt_value v) {
	if (!rt_is_ptr(v) || rt_ptr_type(v) != RT_T_TYPEDARRAY) rt_throw_type("expected a Uint8Array");
	return (rt_typed *)rt_ptr(v);
}

static uint8_t iobuf[65536];

/* ---- natives of net.ts ---- */
double rt_net_socket(int udp) {
	int fd = rump_sys_socket(AF_INET, (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK, 0);
	return fd < 0 ? fail() : fd;
}

double rt_net_bind(double fd, rt_value host, double port) {
	struct sockaddr_in sin;
	int r = make_sin(host, port, &sin);
	if (r < 0) return r;
	return rump_sys_bind((int)fd, (struct sockaddr *)&sin, sizeof sin) < 0 ? fail() : 0;
}

double rt_net_listen(double fd, double backlog) {
	return rump_sys_listen((int)fd, (int)backlog) < 0 ? fail() : 0;
}

double rt_net_accept(double fd) {
	int c = rump_sys_paccept((int)fd, 0, 0, 0, SOCK_NONBLOCK);
	return c < 0 ? fail() : c;
}

double rt_net_connect(double fd, rt_value host, double port) {
	struct sockaddr_in sin;
	int r = make_sin(host, port, &sin);
	if (r < 0) return r;
	return rump_sys_connect((int)fd, (struct sockaddr *)&sin, sizeof sin) < 0 ? fail() : 0;
}

/* a fresh Uint8Array of what was read, 0 at end of stream, or -errno */
rt_value rt_net_read(double fd, double max) {
	size_t n = max > 0 && max < sizeof iobuf ? (size_t)max : sizeof iobuf;
	ssize_t r = rump_sys_read((int)fd, iobuf, n);
	if (r < 0) return rt_num(fail());
	if (r == 0) return rt_num(0);
	rt_value a = rt_typed_new(RT_TA_U8, (double)r);
	__builtin_memcpy(((rt_typed *)rt_ptr(a))->data, iobuf, (size_t)r);
	return a;
}

/* writes data[offset..]: the bytes taken, or -errno */
double rt_net_write(double fd, rt_value data, double offset) {
	rt_typed *t = u8_of(data);
	uint32_t off = offset > 0 ? (uint32_t)offset : 0;
	if (off >= t->length) return 0;
	ssize_t r = rump_sys_write((int)fd, t->data + off, t->length - off);
	return r < 0 ? fail() : (double)r;
}

double rt_net_shutdown(double fd) { return rump_sys_shutdown((int)fd, SHUT_WR) < 0 ? fail() : 0; }

double rt_net_close(double fd) { return rump_sys_close((int)fd) < 0 ? fail() : 0; }

double rt_net_setopt(double fd, double opt, int on) {
	int level = SOL_SOCKET, name, v = on ? 1 : 0;
	switch ((int)opt) {
	case OPT_REUSEADDR: name = SO_REUSEADDR; break;
	case OPT_NODELAY: level = IPPROTO_TCP; name = TCP_NODELAY; break;
	case OPT_KEEPALIVE: name = SO_KEEPALIVE; break;
	default: return -EINVAL;
	}
	return rump_sys_setsockopt((int)fd, level, name, &v, sizeof v) < 0 ? fail() : 0;
}

/* the pending error of a socket (SO_ERROR), as a positive errno, or 0 */
double rt_net_sockerror(double fd) {
	int v = 0;
	socklen_t l = sizeof v;
	if (rump_sys_getsockopt((int)fd, SOL_SOCKET, SO_ERROR, &v, &l) < 0) return rumpsdk_errno();
	return v;
}

/* { address, port } of the peer (peer) or the local end, or -errno */
rt_value rt_net_address(double fd, int peer) {
	struct sockaddr_in sin;
	socklen_t l = sizeof sin;
	__builtin_memset(&sin, 0, sizeof sin);
	int r = peer ? rump_sys_getpeername((int)fd, (struct sockaddr *)&sin, &l) : rump_sys_getsockname((int)fd, (struct sockaddr *)&sin, &l);
	if (r < 0) return rt_num(fail());
	return address_object(&sin);
}

double rt_net_sendto(double fd, rt_value data, rt_value host, double port) {
	rt_typed *t = u8_of(data);
	struct sockaddr_in sin;
	int r = make_sin(host, port, &sin);
	if (r < 0) return r;
	ssize_t n = rump_sys_sendto((int)fd, t->data, t->length, 0, (struct sockaddr *)&sin, sizeof sin);
	return n < 0 ? fail() : (double)n;
}

/* { data, address, port } of one datagram, or -errno */
rt_value rt_net_recvfrom(double fd, double max) {
	struct sockaddr_in sin;
	socklen_t l = sizeof sin;
	size_t n = max > 0 && max < sizeof iobuf ? (size_t)max : sizeof iobuf;
	__builtin_memset(&sin, 0, sizeof sin);
	ssize_t r = rump_sys_recvfrom((int)fd, iobuf, n, 0, (struct sockaddr *)&sin, &l);
	if (r < 0) return rt_num(fail());
	rt_value a = rt_typed_new(RT_TA_U8, (double)r);
	__builtin_memcpy(((rt_typed *)rt_ptr(a))->data, iobuf, (size_t)r);
	rt_value o = address_object(&sin);
	rt_obj_set_c(o, "data", a);
	return o;
}

/* a host name to a dotted quad (blocks while the DNS server answers), or -errno */
rt_value rt_net_lookup(rt_value name) {
	char buf[256];
	if (!rt_is_str(name)) return rt_num(-EINVAL);
	rt_string *s = rt_flat(name);
	if (s->len == 0 || s->len >= sizeof buf) return rt_num(-EINVAL);
	for (uint32_t i = 0; i < s->len; i++) {
		if (s->s[i] == 0 || s->s[i] > 0x7e) return rt_num(-EINVAL);
		buf[i] = (char)s->s[i];
	}
	buf[s->len] = 0;
	uint32_t a = 0;
	int e = rumpsdk_getaddrinfo_v4(buf, &a);
	if (e) return rt_num(-e);
	return ipv4_string(a);
}

/* ---- natives of shell.ts (the debug shell's kernel queries) ---- */

/* the kernel's report (rump/netif.h RUMPSDK_REPORT_*) as a string, or -errno */
rt_value rt_net_report(double which) {
	static char text[4096];
	int name[3] = { RUMPSDK_CTL_NET, RUMPSDK_CTL_REPORT, (int)which };
	size_t len = sizeof text;
	if (rump_sys___sysctl(name, 3, text, &len, NULL, 0) < 0) return rt_num(fail());
	return rt_str_from_utf8(text, len);
}

/* one ICMP echo to the dotted quad host: the round trip in ms, or -errno (ETIMEDOUT without a
 * reply within timeout_ms). Blocks the event loop while it waits (a debugging tool). */
double rt_net_ping(rt_value host, double seq, double timeout_ms) {
	struct sockaddr_in sin;
	int e = make_sin(host, 0, &sin);
	if (e < 0) return e;
	int s = rump_sys_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (s < 0) return fail();
	uint8_t pkt[64];
	__builtin_memset(pkt, 0, sizeof pkt);
	pkt[0] = 8; /* echo request */
	pkt[4] = 0x52; pkt[5] = 0x53; /* identifier "RS" */
	pkt[6] = (uint8_t)((int)seq >> 8); pkt[7] = (uint8_t)seq;
	for (int i = 8; i < (int)sizeof pkt; i++) pkt[i] = (uint8_t)i;
	uint32_t sum = 0;
	for (int i = 0; i < (int)sizeof pkt; i += 2) sum += (uint32_t)(pkt[i] << 8 | pkt[i + 1]);
	while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	pkt[2] = (uint8_t)(sum >> 8); pkt[3] = (uint8_t)sum;
	uint64_t t0 = rt_sys_now_ns();
	double rv = -ETIMEDOUT;
	if (rump_sys_sendto(s, pkt, sizeof pkt, 0, (struct sockaddr *)&sin, sizeof sin) < 0) rv = fail();
	while (rv == -ETIMEDOUT) {
		double left = timeout_ms - (double)(rt_sys_now_ns() - t0) / 1e6;
		if (left <= 0) break;
		struct pollfd p = { s, POLLIN, 0 };
		if (rump_sys_poll(&p, 1, (int)(left + 0.999)) <= 0) continue;
		uint8_t in[256];
		ssize_t n = rump_sys_recvfrom(s, in, sizeof in, 0, NULL, NULL);
		if (n < 20) continue;
		int ihl = (in[0] & 15) * 4; /* raw IPv4 sockets receive the IP header */
		if (n >= ihl + 8 && in[ihl] == 0 && in[ihl + 4] == 0x52 && in[ihl + 5] == 0x53 &&
		    in[ihl + 6] == pkt[6] && in[ihl + 7] == pkt[7])
			rv = (double)(rt_sys_now_ns() - t0) / 1e6;
	}
	rump_sys_close(s);
	return rv;
}

/* ---- natives of i2c.ts: device nodes and NetBSD's I2C_IOCTL_EXEC ---- */

/* open("/dev/...") read-write (write) or read-only: the descriptor, or -errno */
double rt_dev_open(rt_value path, int write) {
	char buf[64];
	if (!rt_is_str(path)) return -EINVAL;
	rt_string *s = rt_flat(path);
	if (s->len == 0 || s->len >= sizeof buf) return -ENOENT;
	for (uint32_t i = 0; i < s->len; i++) {
		if (s->s[i] == 0 || s->s[i] > 0x7e) return -ENOENT;
		buf[i] = (char)s->s[i];
	}
	buf[s->len] = 0;
	int fd = rump_sys_open(buf, write ? O_RDWR : O_RDONLY, 0);
	return fd < 0 ? fail() : fd;
}

double rt_dev_close(double fd) { return rump_sys_close((int)fd) < 0 ? fail() : 0; }

/* one I2C_IOCTL_EXEC: cmd (a Uint8Array, or undefined for none) is sent first; then for a read
 * op readLen bytes come back as a fresh Uint8Array, for a write op data's bytes go out (0 back).
 * -errno on failure. The struct is the C compiler's, so its layout fits the board's word size. */
rt_value rt_iic_exec(double fd, double op, double addr, rt_value cmd, rt_value data, double readLen) {
	uint8_t in[I2C_EXEC_MAX_BUFLEN];
	struct i2c_ioctl_exec e = { (int)op, (i2c_addr_t)addr, NULL, 0, NULL, 0 };
	int read = ((int)op & 2) == 0;
	if (!rt_is_nullish(cmd)) {
		rt_typed *t = u8_of(cmd);
		e.iie_cmd = t->length ? t->data : NULL;
		e.iie_cmdlen = t->length;
	}
	if (read && readLen > 0) {
		if (readLen > I2C_EXEC_MAX_BUFLEN) return rt_num(-EINVAL);
		e.iie_buf = in;
		e.iie_buflen = (size_t)readLen;
	} else if (!read && !rt_is_nullish(data)) {
		rt_typed *t = u8_of(data);
		e.iie_buf = t->length ? t->data : NULL;
		e.iie_buflen = t->length;
	}
	if (rump_sys_ioctl((int)fd, I2C_IOCTL_EXEC, &e) < 0) return rt_num(fail());
	if (!read || e.iie_buflen == 0) return rt_num(0);
	rt_value a = rt_typed_new(RT_TA_U8, (double)e.iie_buflen);
	__builtin_memcpy(((rt_typed *)rt_ptr(a))->data, in, e.iie_buflen);
	return a;
}
