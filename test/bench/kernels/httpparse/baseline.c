/*
 * Kernel "httpparse" in hand-written C: the same request texts, a parser that yields the same fields
 * (headers in a small table keyed by the lower-cased name, as the Map), and the same output line.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQUESTS 256
#define PASSES 400
#define MAXHDR 16

static const char *const METHODS[4] = {"GET", "POST", "PUT", "DELETE"};

struct slice { const char *p; size_t n; };
struct header { char name[32]; struct slice value; };
struct request {
	struct slice method, path, query, body;
	struct header headers[MAXHDR];
	int nheaders;
	long content_length;
};

static uint32_t seed = 2463534242u;
static uint32_t next(void) {
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static char *make_request(int i) {
	uint32_t r = next();
	const char *method = METHODS[r & 3];
	char body[64] = "";
	if (!strcmp(method, "POST") || !strcmp(method, "PUT")) snprintf(body, sizeof body, "{\"setpoint\":%u,\"unit\":\"C\"}", r % 1000);
	char *s = malloc(512);
	int n = snprintf(s, 512, "%s /api/v1/sensors/%d/readings?from=%u&limit=%d HTTP/1.1\r\n", method, i % 97, r >> 12, i % 50);
	n += snprintf(s + n, 512 - n, "Host: device-%d.local\r\n", i % 13);
	n += snprintf(s + n, 512 - n, "User-Agent: bench-client/1.0\r\nAccept: application/json\r\n");
	n += snprintf(s + n, 512 - n, "X-Request-Id: %u\r\n", r);
	if (i % 3 == 0) n += snprintf(s + n, 512 - n, "Connection: keep-alive\r\n");
	if (body[0]) n += snprintf(s + n, 512 - n, "content-type: application/json\r\nContent-Length:   %zu\r\n", strlen(body));
	snprintf(s + n, 512 - n, "\r\n%s", body);
	return s;
}

static const char *find(const char *from, const char *end, const char *needle) {
	size_t k = strlen(needle);
	for (const char *p = from; p + k <= end; p++)
		if (*p == needle[0] && !memcmp(p, needle, k)) return p;
	return NULL;
}

static struct header *header_slot(struct request *req, const char *name, size_t n) {
	for (int i = 0; i < req->nheaders; i++)
		if (strlen(req->headers[i].name) == n && !memcmp(req->headers[i].name, name, n)) return &req->headers[i];
	if (req->nheaders == MAXHDR) return NULL;
	return &req->headers[req->nheaders++];
}

static const struct slice *header_get(const struct request *req, const char *name) {
	for (int i = 0; i < req->nheaders; i++)
		if (!strcmp(req->headers[i].name, name)) return &req->headers[i].value;
	return NULL;
}

static int parse(const char *text, size_t len, struct request *req) {
	const char *end_of_text = text + len;
	const char *end = find(text, end_of_text, "\r\n\r\n");
	if (!end) return 0;
	const char *line_end = find(text, end_of_text, "\r\n");
	const char *sp1 = memchr(text, ' ', len);
	const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(end_of_text - sp1 - 1)) : NULL;
	if (!sp1 || !sp2 || sp2 > line_end) return 0;
	if ((size_t)(line_end - sp2 - 1) != 8 || memcmp(sp2 + 1, "HTTP/1.1", 8)) return 0;
	req->method = (struct slice){text, (size_t)(sp1 - text)};
	const char *target = sp1 + 1;
	const char *q = memchr(target, '?', (size_t)(sp2 - target));
	req->path = (struct slice){target, (size_t)((q ? q : sp2) - target)};
	req->query = q ? (struct slice){q + 1, (size_t)(sp2 - q - 1)} : (struct slice){"", 0};
	req->nheaders = 0;
	const char *pos = line_end + 2;
	while (pos < end) {
		const char *eol = find(pos, end_of_text, "\r\n");
		const char *colon = memchr(pos, ':', (size_t)(end_of_text - pos));
		if (!colon || colon > eol) return 0;
		size_t n = (size_t)(colon - pos);
		char name[32];
		if (n >= sizeof name) return 0;
		for (size_t k = 0; k < n; k++) name[k] = (char)tolower((unsigned char)pos[k]);
		name[n] = 0;
		const char *v = colon + 1, *ve = eol;
		while (v < ve && isspace((unsigned char)*v)) v++;
		while (ve > v && isspace((unsigned char)ve[-1])) ve--;
		struct header *h = header_slot(req, name, n);
		if (!h) return 0;
		memcpy(h->name, name, n + 1);
		h->value = (struct slice){v, (size_t)(ve - v)};
		pos = eol + 2;
	}
	const struct slice *cl = header_get(req, "content-length");
	req->content_length = cl ? strtol(cl->p, NULL, 10) : 0;
	const char *body = end + 4;
	size_t avail = (size_t)(end_of_text - body);
	req->body = (struct slice){body, (size_t)req->content_length < avail ? (size_t)req->content_length : avail};
	return 1;
}

int main(void) {
	char *texts[REQUESTS];
	size_t lens[REQUESTS];
	for (int i = 0; i < REQUESTS; i++) {
		texts[i] = make_request(i);
		lens[i] = strlen(texts[i]);
	}
	long parsed = 0, methods = 0, paths = 0, params = 0, headers = 0, hosts = 0, lengths = 0, bodies = 0;
	struct request req;
	for (int pass = 0; pass < PASSES; pass++) {
		for (int i = 0; i < REQUESTS; i++) {
			if (!parse(texts[i], lens[i], &req)) continue;
			parsed++;
			methods += (long)req.method.n;
			for (size_t k = 0; k < req.path.n; k++) paths += (unsigned char)req.path.p[k];
			params += 1;
			for (size_t k = 0; k < req.query.n; k++) params += req.query.p[k] == '&';
			headers += req.nheaders;
			const struct slice *host = header_get(&req, "host");
			hosts += host ? (long)host->n : 0;
			lengths += req.content_length;
			bodies += (long)req.body.n;
		}
	}
	printf("httpparse: %ld requests: methods %ld paths %ld params %ld headers %ld hosts %ld content-length %ld bodies %ld\n",
		parsed, methods, paths, params, headers, hosts, lengths, bodies);
	for (int i = 0; i < REQUESTS; i++) free(texts[i]);
	return 0;
}
