/* core internals shared between core's files; not part of the core interface */
#ifndef CORE_INTERNAL_H
#define CORE_INTERNAL_H
#include <core/core.h>

void core_mem_init(void);
/* scheduler start: make `main_fn(arg)` the first thread, named "main"; never returns */
void core_sched_start(unsigned long intr_on, core_thread_fn main_fn, void *arg, size_t stack, void *mem)
    __attribute__((noreturn));
const char *core_thread_current_name(void);
#endif
