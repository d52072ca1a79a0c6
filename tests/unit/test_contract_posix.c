// sources: platform/posix/tcp.c platform/posix/sys.c platform/posix/dns.c platform/posix/wait.c platform/posix/poller_epoll.c platform/host/errno_map.c platform/host/host.c platform/host/sys_host.c platform/addr.c platform/errors.c
/* platform.h's TCP contract (contract_tests.h) on the POSIX backend: epoll, loopback. */
#define CONTRACT_SUITE contract_posix
static void contract_setup(void);
#include "contract_tests.h"
static void contract_setup(void) { cr_assert_eq(plat_init(0, NULL), 0); }
