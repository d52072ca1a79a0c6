// sources: platform/lwip/tcp.c platform/lwip/tcp_rx.c platform/lwip/tcp_budget.c platform/lwip/sys.c platform/lwip/udp.c platform/lwip/dns.c platform/lwip/err_map.c platform/lwip/ipaddr.c platform/addr.c platform/errors.c tests/unit/lwip_test_board.c build/unit/liblwip.a
/* platform.h's TCP contract (contract_tests.h) on the lwIP backend: lwIP's loopback
 * netif, with the unit tests' small pools (tests/unit/lwip/lwipopts.h). */
#define CONTRACT_SUITE contract_lwip
static void contract_setup(void);
#include "contract_tests.h"
static void contract_setup(void) { cr_assert_eq(plat_init(0, NULL), 0); }
