// sources: platform/errors.c platform/host/errno_map.c
/* Error codes: Node's names and errno numbers, and the POSIX backend's mapping. */
#include <criterion/criterion.h>
#include <errno.h>
#include "platform.h"

int host_error(int e);

Test(errors, names_and_numbers_match_node)
{
  cr_expect_eq(PLAT_ECONNREFUSED, -111);
  cr_expect_eq(PLAT_EADDRINUSE, -98);
  cr_expect_eq(PLAT_ECONNRESET, -104);
  cr_expect_eq(PLAT_ENOTFOUND, -3008);
  cr_expect_str_eq(plat_strerror_code(PLAT_ECONNREFUSED), "ECONNREFUSED");
  cr_expect_str_eq(plat_strerror_code(PLAT_ENOTFOUND), "ENOTFOUND");
  cr_expect_str_eq(plat_strerror_text(PLAT_EADDRINUSE), "address already in use");
  cr_expect_str_eq(plat_strerror_code(-12345), "UNKNOWN");
}

Test(errors, posix_mapping)
{
  cr_expect_eq(host_error(ECONNREFUSED), PLAT_ECONNREFUSED);
  cr_expect_eq(host_error(EPIPE), PLAT_EPIPE);
  cr_expect_eq(host_error(ENFILE), PLAT_EMFILE);
  cr_expect_eq(host_error(ETIMEDOUT), PLAT_ETIMEDOUT);
  cr_expect_eq(host_error(EWOULDBLOCK), PLAT_EAGAIN);
  cr_expect_eq(host_error(12345), PLAT_EUNKNOWN);
}

Test(errors, numbers_by_name)
{
  cr_assert_eq(plat_error_by_name("ECONNREFUSED"), PLAT_ECONNREFUSED);
  cr_assert_eq(plat_error_by_name("EISCONN"), PLAT_EISCONN);
  cr_assert_eq(plat_error_by_name("ENOTFOUND"), PLAT_ENOTFOUND);
  cr_assert_eq(plat_error_by_name("EOF"), PLAT_EOF, "the last entry");
  cr_assert_eq(plat_error_by_name("EPERM"), PLAT_EPERM, "the first entry");
  cr_assert_eq(plat_error_by_name("NOPE"), 0);
  cr_assert_eq(plat_error_by_name("connection refused"), 0, "a text is not a name");
}
