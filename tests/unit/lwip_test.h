/*
 * Helpers for the lwIP backend's unit tests (tests/unit/test_lwip_*.c). They
 * drive the backend through platform.h over lwIP's loopback netif and look
 * inside records (lwip_backend.h) and lwIP's own state to check what the
 * stack saw. Criterion runs every test in its own process: each starts with a
 * fresh lwIP (the .init fixture).
 */
#ifndef PETREL_LWIP_TEST_H
#define PETREL_LWIP_TEST_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "platform.h"
#include "tcp_harness.h"
#include "lwip_backend.h"
#include "lwip/tcp.h"
#include "lwip/netif.h"
#include "lwip/stats.h"
#include "lwip/memp.h"

static void lw_setup(void) { cr_assert_eq(plat_init(0, NULL), 0); }

/* TCP pcbs in use in lwIP's pool right now. */
__attribute__((unused)) static unsigned pcbs_used(void) { return lwip_stats.memp[MEMP_TCP_PCB]->used; }

#endif
