// sources: modules/buffer_codec.c
/* The Buffer codecs (modules/buffer_codec.c) against values Node v20 gives for
 * the same inputs. Strings are written in Duktape's internal form: UTF-8 with
 * each surrogate as its own 3-byte sequence (CESU-8). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "buffer_codec.h"

/* U+1F600 as a JS string holds it: the surrogates D83D DE00, CESU-8 encoded. */
#define GRIN_CESU "\xed\xa0\xbd\xed\xb8\x80"
#define LONE_HIGH "\xed\xa0\x80" /* U+D800 */
#define LONE_LOW  "\xed\xb0\x80" /* U+DC00 */

static char hexbuf[4096];

static const char *hex(const uint8_t *b, size_t n)
{
  static const char d[] = "0123456789abcdef";
  size_t i;
  cr_assert(n * 2 < sizeof hexbuf);
  for (i = 0; i < n; i++) {
    hexbuf[2 * i] = d[b[i] >> 4];
    hexbuf[2 * i + 1] = d[b[i] & 15];
  }
  hexbuf[2 * n] = 0;
  return hexbuf;
}

/* Encodes the whole string; checks the count pass agrees with the write pass. */
static const char *enc(const char *s, int e)
{
  uint8_t out[1024];
  size_t len = strlen(s);
  size_t n = pb_encoded_length((const uint8_t *)s, len, e);
  cr_assert(n <= sizeof out);
  size_t w = pb_encode((const uint8_t *)s, len, e, out, n);
  cr_assert_eq(w, n);
  return hex(out, n);
}

static const char *encn(const char *s, size_t slen, int e)
{
  uint8_t out[1024];
  size_t n = pb_encode((const uint8_t *)s, slen, e, out, sizeof out);
  return hex(out, n);
}

/* Decodes bytes to the internal string form, returned as hex of its bytes. */
static const char *dec(const uint8_t *b, size_t len, int e)
{
  int same = -1;
  size_t n = pb_decoded_length(b, len, e, &same);
  uint8_t *out = malloc(n + 1);
  size_t w = pb_decode(b, len, e, out);
  cr_assert_eq(w, n, "decode wrote %zu, length said %zu", w, n);
  if (same == 1) cr_assert(n == len && memcmp(out, b, n) == 0, "'same' but output differs");
  const char *h = hex(out, n);
  free(out);
  return h;
}
#define DEC(e, ...)                                                                                                    \
  ({                                                                                                                   \
    static const uint8_t in_[] = { __VA_ARGS__ };                                                                      \
    dec(in_, sizeof in_, e);                                                                                           \
  })

/* ---- UTF-8 encoding ------------------------------------------------------------ */
Test(utf8_encode, ascii_and_bmp)
{
  cr_assert_str_eq(enc("hello", PB_UTF8), "68656c6c6f");
  cr_assert_str_eq(enc("\xc3\xa9\xe2\x82\xac", PB_UTF8), "c3a9e282ac"); /* é€ */
  cr_assert_str_eq(encn("a\0b", 3, PB_UTF8), "610062");
}

Test(utf8_encode, surrogate_pair_becomes_four_bytes)
{
  cr_assert_str_eq(enc(GRIN_CESU, PB_UTF8), "f09f9880");
  cr_assert_str_eq(enc("x" GRIN_CESU "y", PB_UTF8), "78f09f988079");
}

Test(utf8_encode, real_four_byte_sequence_passes_through)
{
  cr_assert_str_eq(enc("\xf0\x9f\x98\x80", PB_UTF8), "f09f9880");
}

Test(utf8_encode, lone_surrogates_become_replacement)
{
  /* Node: Buffer.from('\udc00a\ud800') -> efbfbd61efbfbd */
  cr_assert_str_eq(enc(LONE_LOW "a" LONE_HIGH, PB_UTF8), "efbfbd61efbfbd");
  /* reversed pair: Buffer.from('\ude00\ud83d') -> efbfbdefbfbd */
  cr_assert_str_eq(enc("\xed\xb8\x80\xed\xa0\xbd", PB_UTF8), "efbfbdefbfbd");
  /* high surrogate at the very end */
  cr_assert_str_eq(enc("a\xed\xa0\xbd", PB_UTF8), "61efbfbd");
}

Test(utf8_encode, wtf8_keeps_lone_surrogates)
{
  cr_assert_str_eq(enc(LONE_HIGH, PB_WTF8), "eda080");
  cr_assert_str_eq(enc(GRIN_CESU, PB_WTF8), "f09f9880");
}

Test(utf8_encode, garbage_input_never_overreads)
{
  /* stray continuation, truncated sequences, 0xff: one U+FFFD per bad byte */
  cr_assert_str_eq(encn("\x80", 1, PB_UTF8), "efbfbd");
  cr_assert_str_eq(encn("\xe2\x82", 2, PB_UTF8), "efbfbdefbfbd");
  cr_assert_str_eq(encn("\xff"
                        "a",
                        2, PB_UTF8),
                   "efbfbd61");
  cr_assert_str_eq(encn("\xed\xa0", 2, PB_UTF8), "efbfbdefbfbd");
  /* Duktape's extended forms above U+10FFFF */
  cr_assert_str_eq(encn("\xf8\x88\x80\x80\x80", 5, PB_UTF8), "efbfbd");
}

Test(utf8_encode, capacity_never_splits_a_character)
{
  uint8_t out[8];
  memset(out, 0xee, sizeof out);
  /* Node: alloc(5).write('ab😀') -> 2 */
  cr_assert_eq(pb_encode((const uint8_t *)"ab" GRIN_CESU, 8, PB_UTF8, out, 5), 2);
  cr_assert_eq(out[2], 0xee);
  /* alloc(3).write('😀') -> 0; alloc(2).write('a\ud800') -> 1 */
  cr_assert_eq(pb_encode((const uint8_t *)GRIN_CESU, 6, PB_UTF8, out, 3), 0);
  cr_assert_eq(pb_encode((const uint8_t *)"a" LONE_HIGH, 4, PB_UTF8, out, 2), 1);
  cr_assert_eq(pb_encode((const uint8_t *)"a" GRIN_CESU, 7, PB_UTF8, out, 5), 5);
  cr_assert_eq(pb_encode((const uint8_t *)"abc", 3, PB_UTF8, out, 0), 0);
}

Test(utf8_encode, counting_without_output)
{
  cr_assert_eq(pb_encode((const uint8_t *)"abc", 3, PB_UTF8, NULL, 2), 2);
  /* Buffer.byteLength('é😀\ud800a') -> 10 */
  cr_assert_eq(pb_encoded_length((const uint8_t *)"\xc3\xa9" GRIN_CESU LONE_HIGH "a", 12, PB_UTF8), 10);
}

/* ---- UTF-8 decoding (WHATWG, maximal subparts) ------------------------------------ */
Test(utf8_decode, valid_text_is_its_own_string_form)
{
  int same = 0;
  static const uint8_t t[] = { 'a', 0xc3, 0xa9, 0xe2, 0x82, 0xac };
  cr_assert_eq(pb_decoded_length(t, sizeof t, PB_UTF8, &same), 6);
  cr_assert_eq(same, 1);
  cr_assert_str_eq(DEC(PB_UTF8, 0xef, 0xbb, 0xbf, 0x41), "efbbbf41"); /* BOM kept */
}

Test(utf8_decode, four_byte_sequences_become_surrogate_pairs)
{
  int same = 1;
  static const uint8_t t[] = { 0xf0, 0x9f, 0x98, 0x80 };
  cr_assert_eq(pb_decoded_length(t, sizeof t, PB_UTF8, &same), 6);
  cr_assert_eq(same, 0);
  cr_assert_str_eq(DEC(PB_UTF8, 0xf0, 0x9f, 0x98, 0x80), "eda0bdedb880");
  cr_assert_str_eq(DEC(PB_UTF8, 0xf4, 0x8f, 0xbf, 0xbf), "edafbfedbfbf"); /* U+10FFFF */
}

/* Each expectation is Node's: Buffer.from([...]).toString() */
Test(utf8_decode, invalid_sequences)
{
  /* c3 28 -> '\ufffd(' */
  cr_assert_str_eq(DEC(PB_UTF8, 0xc3, 0x28), "efbfbd28");
  /* f0 9f 98 (truncated) -> one U+FFFD */
  cr_assert_str_eq(DEC(PB_UTF8, 0xf0, 0x9f, 0x98), "efbfbd");
  /* f0 9f 41 -> '\ufffdA' */
  cr_assert_str_eq(DEC(PB_UTF8, 0xf0, 0x9f, 0x41), "efbfbd41");
  /* overlong e0 80 80 -> three */
  cr_assert_str_eq(DEC(PB_UTF8, 0xe0, 0x80, 0x80), "efbfbdefbfbdefbfbd");
  /* above U+10FFFF: f4 90 80 80 -> four */
  cr_assert_str_eq(DEC(PB_UTF8, 0xf4, 0x90, 0x80, 0x80), "efbfbdefbfbdefbfbdefbfbd");
  /* encoded surrogate ed a0 80 -> three; ed 9f bf is fine */
  cr_assert_str_eq(DEC(PB_UTF8, 0xed, 0x9f, 0xbf, 0xed, 0xa0, 0x80), "ed9fbfefbfbdefbfbdefbfbd");
  /* c0 af, then f8 88 80 80 80 -> seven */
  cr_assert_str_eq(DEC(PB_UTF8, 0xc0, 0xaf, 0xf8, 0x88, 0x80, 0x80, 0x80),
                   "efbfbdefbfbdefbfbdefbfbdefbfbdefbfbdefbfbd");
  /* lone continuation bytes and a lead byte at the end */
  cr_assert_str_eq(DEC(PB_UTF8, 0x80, 0xbf, 0xc2), "efbfbdefbfbdefbfbd");
  cr_assert_str_eq(DEC(PB_UTF8, 0xff), "efbfbd");
}

Test(utf8_decode, empty)
{
  int same = 0;
  cr_assert_eq(pb_decoded_length(NULL, 0, PB_UTF8, &same), 0);
  cr_assert_eq(same, 1);
}

/* ---- the other encodings ------------------------------------------------------------ */
Test(hex, round_trip_and_stops)
{
  cr_assert_str_eq(enc("00ff7Fa0", PB_HEX), "00ff7fa0");
  cr_assert_str_eq(DEC(PB_HEX, 0x00, 0xff, 0x7f, 0xa0), "3030666637666130"); /* "00ff7fa0" */
  cr_assert_str_eq(enc("abc", PB_HEX), "ab");                                /* odd length: last digit dropped */
  cr_assert_str_eq(enc("abzzcd", PB_HEX), "ab");                             /* stops at the first bad pair */
  cr_assert_str_eq(enc("zz41", PB_HEX), "");
  cr_assert_str_eq(enc("a\xc4\x80", PB_HEX), "");          /* 'a\u0100': U+0100 cut to 00 */
  cr_assert_str_eq(enc("\xc5\xa1\xc5\xa1", PB_HEX), "aa"); /* '\u0161\u0161': cut to 'aa', as Node */
}

Test(base64, encode_both_alphabets)
{
  cr_assert_str_eq(DEC(PB_BASE64, 0xfb, 0xff), "2b2f383d");    /* "+/8=" */
  cr_assert_str_eq(DEC(PB_BASE64URL, 0xfb, 0xff), "2d5f38");   /* "-_8" */
  cr_assert_str_eq(DEC(PB_BASE64, 'h', 'i', '!'), "61476b68"); /* "aGkh" */
  cr_assert_str_eq(DEC(PB_BASE64, 'h'), "61413d3d");           /* "aA==" */
  cr_assert_str_eq(DEC(PB_BASE64URL, 'h'), "6141");            /* "aA" */
}

Test(base64, lenient_decoding)
{
  cr_assert_str_eq(enc("aGk=", PB_BASE64), "6869");
  cr_assert_str_eq(enc("aGk", PB_BASE64), "6869");       /* no padding */
  cr_assert_str_eq(enc(" a G k \n", PB_BASE64), "6869"); /* whitespace */
  cr_assert_str_eq(enc("a*G!k", PB_BASE64), "6869");     /* junk skipped */
  cr_assert_str_eq(enc("aGk=aGk=", PB_BASE64), "6869");  /* first '=' ends it */
  cr_assert_str_eq(enc("aG=k", PB_BASE64), "68");
  cr_assert_str_eq(enc("a", PB_BASE64), "");
  cr_assert_str_eq(enc("aGkaG", PB_BASE64), "68691a");
  cr_assert_str_eq(enc("====", PB_BASE64), "");
  cr_assert_str_eq(enc("-_-_", PB_BASE64), "fbffbf");        /* url alphabet under 'base64' */
  cr_assert_str_eq(enc("+/+/", PB_BASE64URL), "fbffbf");     /* and the reverse */
  cr_assert_str_eq(enc("aG\xc3\xa9 k", PB_BASE64), "6869");  /* é (e9) is junk */
  cr_assert_str_eq(enc("aG\xc5\xa1k", PB_BASE64), "6866a4"); /* U+0161 cut to 'a', as Node */
  cr_assert_str_eq(enc("aG\xc4\xbdk", PB_BASE64), "68");     /* U+013D cut to '=' */
}

Test(base64, round_trips)
{
  uint8_t bytes[256], back[256];
  char text[400];
  size_t n, len, i;
  for (i = 0; i < sizeof bytes; i++) bytes[i] = (uint8_t)(i * 7 + 3);
  for (len = 0; len <= 40; len++) {
    int e;
    for (e = PB_BASE64; e <= PB_BASE64URL; e++) {
      n = pb_decode(bytes, len, e, (uint8_t *)text);
      cr_assert_eq(n, pb_decoded_length(bytes, len, e, NULL));
      cr_assert_eq(pb_encode((const uint8_t *)text, n, e, back, sizeof back), len);
      cr_assert(memcmp(back, bytes, len) == 0);
    }
  }
}

Test(base64, capacity)
{
  uint8_t out[4];
  /* Node: alloc(2).write('aGVsbG8=', 'base64') -> 2, "he" */
  cr_assert_eq(pb_encode((const uint8_t *)"aGVsbG8=", 8, PB_BASE64, out, 2), 2);
  cr_assert_eq(out[0], 'h');
  cr_assert_eq(out[1], 'e');
}

Test(one_byte_encodings, latin1_ascii)
{
  /* 'é\u0100😀' as latin1 and ascii: e9 00 3d 00 */
  cr_assert_str_eq(enc("\xc3\xa9\xc4\x80" GRIN_CESU, PB_LATIN1), "e9003d00");
  cr_assert_str_eq(enc("\xc3\xa9\xc4\x80" GRIN_CESU, PB_ASCII), "e9003d00");
  cr_assert_str_eq(DEC(PB_LATIN1, 0x41, 0xc1, 0xff, 0x80), "41c381c3bfc280");
  cr_assert_str_eq(DEC(PB_ASCII, 0x41, 0xc1, 0xff, 0x80), "41417f00");
}

Test(ucs2, encode_decode)
{
  uint8_t out[8];
  cr_assert_str_eq(enc("\xc3\xa9\xc4\x80" GRIN_CESU, PB_UCS2), "e90000013dd800de");
  /* odd trailing byte ignored; a pair read back is a CESU-8 pair */
  cr_assert_str_eq(DEC(PB_UCS2, 0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x42), "41eda0bdedb880");
  /* capacity: whole units only, a pair may be split (as Node) */
  cr_assert_eq(pb_encode((const uint8_t *)"abc", 3, PB_UCS2, out, 5), 4);
  cr_assert_eq(pb_encode((const uint8_t *)GRIN_CESU, 6, PB_UCS2, out, 3), 2);
  cr_assert_eq(pb_encode((const uint8_t *)"a", 1, PB_UCS2, out, 1), 0);
}

Test(lengths, utf16_units)
{
  cr_assert_eq(pb_utf16_length((const uint8_t *)"a" GRIN_CESU, 7), 3);
  cr_assert_eq(pb_utf16_length((const uint8_t *)"\xf0\x9f\x98\x80", 4), 2);
  cr_assert_eq(pb_utf16_length((const uint8_t *)"\xc3\xa9", 2), 1);
}

/* ---- search, fill, compare, swap ------------------------------------------------------ */
static int64_t idx(const char *hay, const char *needle, int64_t off, int fwd)
{
  return pb_index_of((const uint8_t *)hay, strlen(hay), (const uint8_t *)needle, strlen(needle), off, fwd, 0);
}

Test(search, index_of_like_node)
{
  const char *h = "hello hello";
  cr_assert_eq(idx(h, "l", 0, 1), 2);
  cr_assert_eq(idx(h, "l", 4, 1), 8);
  cr_assert_eq(idx(h, "l", -3, 1), 8);
  cr_assert_eq(idx(h, "l", -100, 1), 2);
  cr_assert_eq(idx(h, "l", 100, 1), -1);
  cr_assert_eq(idx(h, "hello hello!", 0, 1), -1);
  cr_assert_eq(idx(h, "hello hello", 0, 1), 0);
  /* empty needle: the clamped offset */
  cr_assert_eq(idx(h, "", 5, 1), 5);
  cr_assert_eq(idx(h, "", 50, 1), 11);
  cr_assert_eq(idx(h, "", -3, 1), 8);
  cr_assert_eq(idx(h, "", -50, 1), 0);
  cr_assert_eq(idx("", "a", 0, 1), -1);
  cr_assert_eq(idx(h, "l", INT64_MAX, 1), -1);
  cr_assert_eq(idx(h, "l", INT64_MIN, 1), 2);
}

Test(search, last_index_of_like_node)
{
  const char *h = "hello hello";
  cr_assert_eq(idx(h, "l", 11, 0), 9);
  cr_assert_eq(idx(h, "l", 4, 0), 3);
  cr_assert_eq(idx(h, "l", -3, 0), 8);
  cr_assert_eq(idx(h, "l", -100, 0), -1);
  cr_assert_eq(idx(h, "l", 100, 0), 9);
  cr_assert_eq(idx(h, "hello", 7, 0), 6);
  cr_assert_eq(idx(h, "ello", 10, 0), 7);
  cr_assert_eq(idx(h, "lo", 2, 0), -1);
  cr_assert_eq(idx(h, "", 5, 0), 5);
  cr_assert_eq(idx(h, "", -50, 0), 0);
  cr_assert_eq(idx("abababab", "abab", 7, 0), 4);
  cr_assert_eq(idx("xaaaaaaab", "aab", 8, 0), 6);
  cr_assert_eq(idx("aab", "xaab", 3, 0), -1);
}

Test(search, ucs2_units)
{
  static const uint8_t u[] = { 'a', 0, 'b', 0, 'c', 0, 'a', 0, 'b', 0, 'c', 0 };
  static const uint8_t b[] = { 'b', 0 }, odd[] = { 0, 'a', 0, 'b' }, a[] = { 'a', 0 };
  cr_assert_eq(pb_index_of(u, sizeof u, b, 2, 0, 1, 1), 2);
  cr_assert_eq(pb_index_of(u, sizeof u, b, 2, 3, 1, 1), 2); /* offset 3 -> unit 1 */
  cr_assert_eq(pb_index_of(u, sizeof u, a, 2, 12, 0, 1), 6);
  cr_assert_eq(pb_index_of(u, sizeof u, b, 2, 1, 0, 1), -1);
  cr_assert_eq(pb_index_of(odd, sizeof odd, a, 2, 0, 1, 1), -1); /* never at odd positions */
  cr_assert_eq(pb_index_of(u, sizeof u, b, 1, 0, 1, 1), -1);     /* half a unit finds nothing */
}

Test(fill, patterns)
{
  uint8_t b[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  pb_fill(b + 2, 4, (const uint8_t *)"\xa1\xb2", 2);
  cr_assert_str_eq(hex(b, 8), "0102a1b2a1b20708");
  pb_fill(b, 8, (const uint8_t *)"\xe2\x82\xac", 3);
  cr_assert_str_eq(hex(b, 8), "e282ace282ace282");
  pb_fill(b, 2, (const uint8_t *)"\xe2\x82\xac", 3);
  cr_assert_str_eq(hex(b, 8), "e282ace282ace282");
  /* the pattern inside the target: read before writing (Node: fill(b.subarray(1, 3))) */
  uint8_t c[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  pb_fill(c, 8, c + 1, 2);
  cr_assert_str_eq(hex(c, 8), "0203020302030203");
}

Test(compare, ordering)
{
  cr_assert_eq(pb_compare((const uint8_t *)"a", 1, (const uint8_t *)"b", 1), -1);
  cr_assert_eq(pb_compare((const uint8_t *)"b", 1, (const uint8_t *)"a", 1), 1);
  cr_assert_eq(pb_compare((const uint8_t *)"a", 1, (const uint8_t *)"ab", 2), -1);
  cr_assert_eq(pb_compare((const uint8_t *)"ab", 2, (const uint8_t *)"ab", 2), 0);
  cr_assert_eq(pb_compare(NULL, 0, NULL, 0), 0);
  cr_assert_eq(pb_compare((const uint8_t *)"\xff", 1, (const uint8_t *)"\x01", 1), 1);
}

Test(swap, groups)
{
  uint8_t b[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  pb_swap(b, 8, 2);
  cr_assert_str_eq(hex(b, 8), "0201040306050807");
  pb_swap(b, 8, 2);
  pb_swap(b, 8, 4);
  cr_assert_str_eq(hex(b, 8), "0403020108070605");
  pb_swap(b, 8, 4);
  pb_swap(b, 8, 8);
  cr_assert_str_eq(hex(b, 8), "0807060504030201");
}

Test(validate, utf8_and_ascii)
{
  cr_assert(pb_is_utf8((const uint8_t *)"\xc3\xa9", 2));
  cr_assert(pb_is_utf8((const uint8_t *)"\xf0\x9f\x98\x80", 4));
  cr_assert_not(pb_is_utf8((const uint8_t *)"\xed\xa0\x80", 3));
  cr_assert_not(pb_is_utf8((const uint8_t *)"\xf0\x9f\x98", 3));
  cr_assert_not(pb_is_utf8((const uint8_t *)"\xc0\xaf", 2));
  cr_assert(pb_is_ascii((const uint8_t *)"abc", 3));
  cr_assert_not(pb_is_ascii((const uint8_t *)"\x80", 1));
}
