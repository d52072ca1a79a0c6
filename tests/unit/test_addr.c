// sources: platform/addr.c
/* Address parsing and formatting shared by both backends (and net.isIP). */
#include <criterion/criterion.h>
#include <string.h>
#include "platform.h"

static int family_of(const char *s)
{
  plat_addr a;
  return plat_addr_parse(s, &a) == 0 ? a.family : 0;
}

static const char *roundtrip(const char *s)
{
  static char buf[64];
  plat_addr a;
  if (plat_addr_parse(s, &a) != 0) return "(invalid)";
  plat_addr_format(&a, buf, sizeof buf);
  return buf;
}

Test(addr, classifies_like_node_isIP)
{
  cr_expect_eq(family_of("127.0.0.1"), 4);
  cr_expect_eq(family_of("::1"), 6);
  cr_expect_eq(family_of("::ffff:127.0.0.1"), 6);
  cr_expect_eq(family_of("fe80::1%lo"), 6);
  cr_expect_eq(family_of("localhost"), 0);
  cr_expect_eq(family_of("256.0.0.1"), 0);
  cr_expect_eq(family_of(""), 0);
  cr_expect_eq(family_of("1.2.3"), 0);
  cr_expect_eq(family_of("01.2.3.4"), 0);
  cr_expect_eq(family_of("1.2.3.4.5"), 0);
  cr_expect_eq(family_of(":::"), 0);
  cr_expect_eq(family_of("1:2:3:4:5:6:7:8:9"), 0);
  cr_expect_eq(family_of("1::2::3"), 0);
  cr_expect_eq(family_of("12345::"), 0);
  cr_expect_eq(family_of("1:2:3:4:5:6:7:8"), 6);
  cr_expect_eq(family_of("::"), 6);
}

Test(addr, formats_rfc5952)
{
  cr_expect_str_eq(roundtrip("0:0:0:0:0:0:0:1"), "::1");
  cr_expect_str_eq(roundtrip("::"), "::");
  cr_expect_str_eq(roundtrip("2001:DB8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
  cr_expect_str_eq(roundtrip("2001:db8:0:1:1:1:1:1"), "2001:db8:0:1:1:1:1:1");
  cr_expect_str_eq(roundtrip("::ffff:7f00:1"), "::ffff:127.0.0.1");
  cr_expect_str_eq(roundtrip("10.0.0.255"), "10.0.0.255");
  cr_expect_str_eq(roundtrip("fe80::1"), "fe80::1");
}

Test(addr, keeps_port_out_of_parsing)
{
  plat_addr a;
  cr_assert_eq(plat_addr_parse("192.168.1.2", &a), 0);
  cr_expect_eq(a.port, 0);
  cr_expect_eq(a.bytes[0], 192);
  cr_expect_eq(a.bytes[3], 2);
}
