/*
 * Natives behind sdk/api modules (declared there with `@native c_name`).
 */
#include "internal.h"

/* since the machine started: kernel entry on a board, the process start on the host board */
double rt_api_uptime(void) { return (double)rt_sys_now_ns() / 1e6; }
double rt_api_monotonic_ns(void) { return (double)rt_sys_now_ns(); }
void rt_api_exit(double code) { rt_exit((int)code); }

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
