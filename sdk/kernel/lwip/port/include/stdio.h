/* lwIP includes <stdio.h> only for diagnostics, which go through rumpuser_dprintf (arch/cc.h). */
#ifndef RUMPSDK_LWIP_STDIO_H
#define RUMPSDK_LWIP_STDIO_H
#include <stddef.h>
#endif
