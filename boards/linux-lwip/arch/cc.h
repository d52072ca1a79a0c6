/* lwIP's compiler/platform glue for linux-lwip (a Linux process, gcc/clang). */
#ifndef PETREL_LWIP_ARCH_CC_H
#define PETREL_LWIP_ARCH_CC_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* glibc's <endian.h> (via stdlib.h) defines BYTE_ORDER and LITTLE_ENDIAN the way lwIP expects. */

/* Diagnostics and assertions go to stderr; a failed assertion is a bug: abort. */
#include <stdarg.h>
static inline void lwip_diag(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
}
#define LWIP_PLATFORM_DIAG(x)                                                                                          \
  do {                                                                                                                 \
    lwip_diag x;                                                                                                       \
  } while (0)
#define LWIP_PLATFORM_ASSERT(x)                                                                                        \
  do {                                                                                                                 \
    fprintf(stderr, "lwIP assertion \"%s\" failed at %s:%d\n", (x), __FILE__, __LINE__);                               \
    fflush(stderr);                                                                                                    \
    abort();                                                                                                           \
  } while (0)

/* Random source for initial ports, ISNs and DNS ids (seeded by board_init). */
#define LWIP_RAND() ((u32_t)random())

#endif
