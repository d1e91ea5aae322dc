/*
 * Natives behind sdk/api modules (declared there with `@native c_name`).
 */
#include "internal.h"

/* since the machine started: kernel entry on a board, the process start on the host board */
double rt_api_uptime(void) { return (double)rt_sys_now_ns() / 1e6; }
double rt_api_monotonic_ns(void) { return (double)rt_sys_now_ns(); }
void rt_api_exit(double code) { rt_exit((int)code); }

/* gc(): a collection now (diagnostics: memory().heapUsed just after it is the live data) */
void rt_api_gc(void) { rt_gc_collect(); }

rt_value rt_api_memory(void) {
	rt_memstats st;
	rt_gc_stats(&st);
	rt_value o = rt_obj_new_sized(rt_proto_object, 6);
	rt_obj_set_c(o, "heapSize", rt_num(st.heap_size));
	rt_obj_set_c(o, "heapUsed", rt_num(st.heap_used));
	rt_obj_set_c(o, "heapPeak", rt_num(st.heap_peak));
	rt_obj_set_c(o, "collections", rt_num(st.collections));
	rt_obj_set_c(o, "gcPauseP50Ms", rt_num(st.pause_p50_ms));
	rt_obj_set_c(o, "gcPauseP99Ms", rt_num(st.pause_p99_ms));
	return o;
}

/* param(name): the value of a board/application parameter, or undefined (names and values are
 * ASCII/UTF-8, names up to 127 bytes, values up to 2047 bytes: core's reports rumpsdk.report.* are long) */
rt_value rt_api_param(rt_value name) {
	char key[128], val[2048];
	if (!rt_is_str(name)) return RT_UNDEF;
	rt_string *s = rt_flat(name);
	if (s->len == 0 || s->len >= sizeof key) return RT_UNDEF;
	for (uint32_t i = 0; i < s->len; i++) {
		if (s->s[i] == 0 || s->s[i] > 0x7e) return RT_UNDEF;
		key[i] = (char)s->s[i];
	}
	key[s->len] = 0;
	if (rt_sys_param(key, val, sizeof val) != 0) return RT_UNDEF;
	size_t n = 0;
	while (n < sizeof val && val[n]) n++;
	return rt_str_from_utf8(val, n);
}
