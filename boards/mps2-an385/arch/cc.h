/* lwIP's compiler/platform glue for mps2-an385 (arm-none-eabi-gcc, newlib). */
#ifndef PETREL_MPS2_ARCH_CC_H
#define PETREL_MPS2_ARCH_CC_H

#include <stdint.h>
#include <stdlib.h>

#include <machine/endian.h> /* BYTE_ORDER, LITTLE_ENDIAN from newlib */

/* Random numbers for ports, TCP initial sequence numbers and DNS ids. */
uint32_t board_rand(void);

/* A failed lwIP assertion ends the firmware with a "PETREL PANIC" line that gives the
 * failing line and the code address (arm-none-eabi-addr2line -e petrel ADDR names
 * the file). The message strings themselves are left out to save flash. */
void board_lwip_assert(int line) __attribute__((noreturn, noinline));
#define LWIP_PLATFORM_ASSERT(x) board_lwip_assert(__LINE__)
/* Diagnostics are only printed with LWIP_DEBUG, which this board leaves off. */
#define LWIP_PLATFORM_DIAG(x)                                                                                          \
  do {                                                                                                                 \
  } while (0)

#endif
