// sources: runtime/cesu8.c
// cflags: -Ibuild/linux/duktape
/* Duktape's CESU-8 strings become real UTF-8 on the way out (console, files). */
#include <criterion/criterion.h>
#include <string.h>
#include "runtime.h"

static const char *conv(const char *in, size_t len, size_t *out_len)
{
  static char buf[64];
  *out_len = petrel_cesu8_to_utf8(in, len, buf);
  return buf;
}

Test(text, joins_surrogate_pairs)
{
  /* U+1D11E as CESU-8: ED A0 B4 ED B4 9E -> F0 9D 84 9E */
  size_t n;
  const char *o = conv("a\xed\xa0\xb4\xed\xb4\x9e"
                       "b",
                       8, &n);
  cr_assert_eq(n, 6);
  cr_expect_eq(memcmp(o,
                      "a\xf0\x9d\x84\x9e"
                      "b",
                      6),
               0);
}

Test(text, replaces_lone_surrogates)
{
  size_t n;
  const char *o = conv("\xed\xa0\xb4x\xed\xb4\x9e", 7, &n);
  cr_assert_eq(n, 7);
  cr_expect_eq(memcmp(o, "\xef\xbf\xbdx\xef\xbf\xbd", 7), 0);
}

Test(text, leaves_utf8_and_truncated_input_alone)
{
  size_t n;
  const char *o = conv("h\xc3\xa9\xe2\x82\xac\xed\x9f\xbf", 9, &n); /* U+D7FF is not a surrogate */
  cr_assert_eq(n, 9);
  cr_expect_eq(memcmp(o, "h\xc3\xa9\xe2\x82\xac\xed\x9f\xbf", 9), 0);
  o = conv("\xed\xa0", 2, &n); /* cut short: copied as is */
  cr_expect_eq(n, 2);
}

Test(text, converts_in_place)
{
  char buf[] = "\xed\xa0\xbd\xed\xb8\x80"; /* U+1F600 */
  size_t n = petrel_cesu8_to_utf8(buf, 6, buf);
  cr_assert_eq(n, 4);
  cr_expect_eq(memcmp(buf, "\xf0\x9f\x98\x80", 4), 0);
}
