/* Stack traces of a built app name its source files and lines.
 *
 * `petrel-tool build app.js -o out.js` (tools/build.js) writes out.js.lines beside
 * the bundle: which source file and line each line of the bundle came from (the
 * format is described in tools/build.js). When Duktape formats a traceback (the
 * `stack` getter of an error, so util.inspect(err) and an uncaught error's report
 * too), each frame "at f (FILE:N)" asks petrel_linetab_map() (tools/duktape_patch.py,
 * edit 11): when FILE.lines exists, the frame reads "at f (SOURCE:M)" instead, SOURCE
 * relative to the app's source folder, as petrel-tool unmap writes it.
 *
 * Nothing is loaded at boot and nothing goes into the JS heap: the table stays in
 * the file system (a board's file store) until a traceback is formatted, is read
 * then into a C buffer, searched (binary search over its sorted text lines) and
 * freed. No table, an unreadable one or no memory for it: the frame keeps the
 * bundle's position. */
#include <stdlib.h>
#include <string.h>
#include "duktape.h"
#include "platform.h"

#define LT_NAME_MAX 128

static unsigned long parse_num(const char **p, const char *end, int *ok)
{
  unsigned long v = 0;
  const char *s = *p;
  while (s < end && *s == ' ') s++;
  const char *d = s;
  while (s < end && *s >= '0' && *s <= '9') v = v * 10 + (unsigned long)(*s++ - '0');
  *ok = s > d;
  *p = s;
  return v;
}

static const char *line_end(const char *s, const char *end)
{
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  return nl ? nl + 1 : end;
}

/* The name of file index fi (its "f NAME" line) into out; 0 if there is none. */
static int file_name(const char *s, const char *end, unsigned long fi, char *out)
{
  for (unsigned long i = 0; s < end && s[0] == 'f' && s[1] == ' '; i++) {
    const char *e = line_end(s, end);
    if (i == fi) {
      size_t n = (size_t)(e - (s + 2));
      if (n && s[2 + n - 1] == '\n') n--;
      if (n == 0 || n >= LT_NAME_MAX) return 0;
      memcpy(out, s + 2, n);
      out[n] = 0;
      return 1;
    }
    s = e;
  }
  return 0;
}

/* text (len bytes) is a line table: the source position of bundle line *line. */
static int lookup(const char *text, size_t len, duk_uint_t *line, char *name)
{
  const char *end = text + len;
  static const char magic[] = "#petrel-lines 1";
  if (len < sizeof magic - 1 || memcmp(text, magic, sizeof magic - 1)) return 0;
  const char *files = line_end(text, end), *runs = files;
  while (runs < end && runs[0] == 'f') runs = line_end(runs, end);
  /* Binary search over the run lines for the last one starting at or before *line;
   * lo is always a line's start. */
  const char *lo = runs, *hi = end, *best = NULL;
  unsigned long want = *line;
  while (lo < hi) {
    const char *mid = lo + (hi - lo) / 2;
    while (mid > lo && mid[-1] != '\n') mid--;
    const char *p = mid;
    int ok;
    unsigned long b = parse_num(&p, end, &ok);
    if (!ok) return 0; /* not a table tools/build.js wrote */
    if (b <= want) {
      best = mid;
      lo = line_end(mid, end);
    } else {
      hi = mid;
    }
  }
  if (!best) return 0;
  const char *p = best;
  int ok;
  unsigned long b = parse_num(&p, end, &ok);
  while (p < end && *p == ' ') p++;
  if (p < end && *p == '-') return 0; /* bundle lines of no source file */
  unsigned long fi = parse_num(&p, end, &ok);
  if (!ok) return 0;
  unsigned long l = parse_num(&p, end, &ok);
  if (!ok || !file_name(files, runs, fi, name)) return 0;
  *line = (duk_uint_t)(l + (want - b));
  return 1;
}

/* Duktape's traceback formatting, per frame: the position to print. */
const char *petrel_linetab_map(const char *filename, duk_uint_t *line)
{
  static char name[LT_NAME_MAX];
  char path[LT_NAME_MAX + 8];
  size_t n = strlen(filename);
  if (n == 0 || n + sizeof ".lines" > sizeof path || *line == 0) return filename;
  memcpy(path, filename, n);
  memcpy(path + n, ".lines", sizeof ".lines");
  if (plat_file_kind(path) != 1) return filename;
  char *text;
  size_t len;
  if (plat_file_read(path, &text, &len) != 0) return filename;
  duk_uint_t l = *line;
  int found = lookup(text, len, &l, name);
  free(text);
  if (!found) return filename;
  *line = l;
  return name;
}
