/* lwIP's compiler glue for the unit tests (a Linux process). */
#ifndef PETREL_TEST_LWIP_CC_H
#define PETREL_TEST_LWIP_CC_H
#include <stdio.h>
#include <stdlib.h>
/* A failed lwIP assertion is a bug the test must see: abort (Criterion counts a crash). */
#define LWIP_PLATFORM_DIAG(x)                                                                                          \
  do {                                                                                                                 \
    printf x;                                                                                                          \
  } while (0)
#define LWIP_PLATFORM_ASSERT(x)                                                                                        \
  do {                                                                                                                 \
    fprintf(stderr, "lwIP assertion \"%s\" failed at %s:%d\n", (x), __FILE__, __LINE__);                               \
    abort();                                                                                                           \
  } while (0)
#define LWIP_RAND() ((u32_t)random())
#endif
