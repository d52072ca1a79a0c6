/*
 * js2c: embeds built-in JS modules in the binary as C strings.
 *   js2c [-z] out.c modules/events.js modules/internal/errors.js runtime/js/bootstrap.js ...
 * Module names: modules/X.js -> "X", modules/X/Y.js -> "X/Y" (timers/promises),
 * modules/internal/X.js and runtime/js/X.js -> "internal/X"
 * (the same under a prefix, e.g. build/<board>/gen/min/ for JSMIN=1 boards).
 * To save flash the sources are minified (comments and spaces between tokens
 * dropped, see minify()); line breaks are kept so stack traces still point at
 * the right source line. With -z each module is also DEFLATE-compressed
 * (runtime/inflate.c decodes it on first require): for boards short of flash;
 * -d adds a preset dictionary that all the modules' DEFLATE data may refer into.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zopfli/zopfli.h>
#include <zopfli/deflate.h> /* ZopfliDeflatePart */

static int packing; /* -z: store each module DEFLATE-compressed */
/* -d FILE (with -z): a preset dictionary, text the modules share (Makefile: trained
 * by zstd over them). Each module is compressed as if the dictionary came just before
 * it, so its first occurrences of common names and phrases are back-references into
 * the dictionary; it is stored once, uncompressed (petrel_builtin_dict). */
static unsigned char *dict;
static size_t dict_len;

static void module_name(const char *path, char *out, size_t len)
{
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  int internal = strstr(path, "/internal/") != NULL || strncmp(path, "runtime/js/", 11) == 0 ||
                 strstr(path, "/runtime/js/") != NULL; /* also $(B)/gen/min/runtime/js/ */
  /* modules/X/Y.js (X not internal) -> "X/Y": node's subpath modules, timers/promises */
  const char *m = NULL;
  for (const char *p = strstr(path, "modules/"); p; p = strstr(p + 1, "modules/")) m = p + 8;
  if (!internal && m && strchr(m, '/') && strncmp(m, "internal/", 9) != 0) base = m;
  snprintf(out, len, "%s%.*s", internal ? "internal/" : "", (int)(strlen(base) - 3), base);
}

/* ---- minifier: ES5 source in, the same program with less text out ----------
 * Comments go, and so does every space that does not separate two tokens; line
 * breaks stay (they keep automatic semicolon insertion and the line numbers in
 * stack traces unchanged). Strings, regular expression literals and template
 * literals are copied as they are. */
typedef struct {
  char *p;
  size_t n, cap;
} text;

static void put(text *t, char c)
{
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 65536;
    t->p = realloc(t->p, t->cap);
    if (!t->p) {
      perror("js2c");
      exit(1);
    }
  }
  t->p[t->n++] = c;
}

static int ident_char(int c)
{
  return c == '_' || c == '$' || c >= 128 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* After these words a '/' starts a regular expression, not a division. */
static int keyword_before_regexp(const char *w, size_t n)
{
  static const char *const kw[] = { "return", "typeof", "instanceof", "in", "of",   "new", "delete",
                                    "void",   "throw",  "case",       "do", "else", 0 };
  for (int i = 0; kw[i]; i++)
    if (strlen(kw[i]) == n && memcmp(kw[i], w, n) == 0) return 1;
  return 0;
}

static text minify(const char *s, size_t n)
{
  text o = { 0, 0, 0 };
  size_t i = 0;
  int pending_space = 0; /* whitespace was skipped since the last token */
  char last = '\n';      /* last character written */
  size_t word_start = 0; /* start in o of the last identifier-like token */
  int last_was_word = 0;
  while (i < n) {
    char c = s[i];
    if (c == '\n') { /* lines stay; trailing spaces go */
      put(&o, '\n');
      last = '\n';
      pending_space = 0;
      i++;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = 1;
      i++;
      continue;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '/') { /* line comment */
      while (i < n && s[i] != '\n') i++;
      continue;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '*') { /* block comment: keep its line breaks */
      i += 2;
      int lines = 0;
      while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/')) {
        if (s[i] == '\n') lines++;
        i++;
      }
      i += 2;
      if (lines) {
        for (int k = 0; k < lines; k++) put(&o, '\n');
        last = '\n';
        pending_space = 0;
      } else
        pending_space = 1;
      continue;
    }
    /* A space is kept only where dropping it would join two tokens into one. */
    if (pending_space && last != '\n') {
      int keep = (ident_char((unsigned char)last) && ident_char((unsigned char)c)) ||
                 ((last == '+' || last == '-') && (c == '+' || c == '-')) || (last == '/' && (c == '/' || c == '*')) ||
                 (last >= '0' && last <= '9' && c == '.');
      if (keep) {
        put(&o, ' ');
        last = ' ';
      }
    }
    pending_space = 0;
    int regexp_ok = 0;
    if (c == '/') {
      if (last_was_word)
        regexp_ok = keyword_before_regexp(o.p + word_start, o.n - word_start);
      else
        regexp_ok = !(last == ')' || last == ']' || last == '}' || ident_char((unsigned char)last));
    }
    if (c == '"' || c == '\'' || c == '`' || (c == '/' && regexp_ok)) {
      /* string, template or regular expression literal, verbatim */
      int in_class = 0;
      put(&o, c);
      i++;
      while (i < n) {
        char d = s[i];
        if (d == '\\' && i + 1 < n) {
          put(&o, d);
          put(&o, s[i + 1]);
          i += 2;
          continue;
        }
        put(&o, d);
        i++;
        if (c == '/') {
          if (d == '[')
            in_class = 1;
          else if (d == ']')
            in_class = 0;
          else if (d == '/' && !in_class)
            break;
          else if (d == '\n')
            break; /* not a regexp after all: stop at the line's end */
        } else if (d == c) {
          break;
        } else if (d == '\n' && c != '`') {
          break;
        }
      }
      if (c == '/') {
        while (i < n && ident_char((unsigned char)s[i])) put(&o, s[i++]);
      } /* flags */
      last = o.p[o.n - 1];
      last_was_word = 0;
      continue;
    }
    if (ident_char((unsigned char)c)) {
      word_start = o.n;
      while (i < n && ident_char((unsigned char)s[i])) put(&o, s[i++]);
      /* numbers like 1e-5 or 0x1f are words here; a '.' inside a number is copied too */
      while (i < n && s[i] == '.' && o.p[word_start] >= '0' && o.p[word_start] <= '9' &&
             !(o.n > word_start && (o.p[o.n - 1] == '.'))) {
        put(&o, s[i++]);
        while (i < n && ident_char((unsigned char)s[i])) put(&o, s[i++]);
      }
      if ((o.p[o.n - 1] == 'e' || o.p[o.n - 1] == 'E') && o.p[word_start] >= '0' && o.p[word_start] <= '9' && i < n &&
          (s[i] == '+' || s[i] == '-')) { /* exponent sign */
        put(&o, s[i++]);
        while (i < n && ident_char((unsigned char)s[i])) put(&o, s[i++]);
      }
      last = o.p[o.n - 1];
      last_was_word = !(o.p[word_start] >= '0' && o.p[word_start] <= '9');
      continue;
    }
    put(&o, c);
    i++;
    last = c;
    last_was_word = 0;
  }
  return o;
}

/* A C string literal; octal escapes always have three digits, so a digit after
 * one cannot join it. Packed data is split every 32 bytes, text at its lines. */
static void emit_bytes(FILE *out, const unsigned char *p, size_t n)
{
  fputs("  \"", out);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = p[i];
    if (c == '\n' && !packing) {
      fputs(i + 1 < n ? "\\n\"\n  \"" : "\\n", out);
      continue;
    }
    if (packing && i && i % 32 == 0) fputs("\"\n  \"", out);
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c == '?')
      fputs("\\?", out); /* no trigraphs */
    else if (c < 32 || c >= 127)
      fprintf(out, "\\%03o", c);
    else
      fputc(c, out);
  }
  fputs("\"", out);
}

/* Returns the text's length; *packed_len is the compressed size (0 unless -z). */
static size_t emit_source(FILE *out, FILE *in, size_t *packed_len)
{
  text src = { 0, 0, 0 };
  int ch;
  while ((ch = fgetc(in)) != EOF) put(&src, (char)ch);
  text m = minify(src.p ? src.p : "", src.n);
  /* Blank lines at the end carry no line numbers. */
  while (m.n && m.p[m.n - 1] == '\n') m.n--;
  put(&m, '\n');
  size_t len = m.n;
  *packed_len = 0;
  if (packing) {
    /* Raw DEFLATE (no zlib header), decoded on the device by runtime/inflate.c.
     * Zopfli searches harder than zlib -9 for the same format: ~2.5% less flash. */
    ZopfliOptions opt;
    unsigned char *buf = NULL;
    size_t n = 0;
    unsigned char bits = 0;
    ZopfliInitOptions(&opt);
    unsigned char *all = malloc(dict_len + m.n + 1);
    if (!all) {
      perror("js2c");
      exit(1);
    }
    if (dict_len) memcpy(all, dict, dict_len);
    memcpy(all + dict_len, m.p, m.n);
    /* The dictionary is the window before the text (ZopfliDeflatePart's instart). */
    ZopfliDeflatePart(&opt, 2, 1, all, dict_len, dict_len + m.n, &bits, &buf, &n);
    free(all);
    if (!buf || n == 0) {
      fputs("js2c: deflate failed\n", stderr);
      exit(1);
    }
    *packed_len = n;
    emit_bytes(out, buf, n);
    free(buf);
  } else {
    emit_bytes(out, (const unsigned char *)m.p, m.n);
  }
  free(src.p);
  free(m.p);
  return len;
}

int main(int argc, char **argv)
{
  int first = 2;
  if (argc > 1 && strcmp(argv[1], "-z") == 0) {
    packing = 1;
    argv++;
    argc--;
  }
  if (packing && argc > 2 && strcmp(argv[1], "-d") == 0) {
    FILE *d = fopen(argv[2], "rb");
    if (!d) {
      perror(argv[2]);
      return 1;
    }
    text t = { 0, 0, 0 };
    int ch;
    while ((ch = fgetc(d)) != EOF) put(&t, (char)ch);
    fclose(d);
    dict = (unsigned char *)t.p;
    dict_len = t.n;
    if (dict_len > 32768) {
      fprintf(stderr, "js2c: %s: a dictionary holds at most 32 KiB\n", argv[2]);
      return 1;
    }
    argv += 2;
    argc -= 2;
  }
  if (argc < 2) {
    fprintf(stderr, "usage: js2c [-z [-d dict]] out.c file.js...\n");
    return 2;
  }
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
  FILE *out = fopen(tmp, "w");
  if (!out) {
    perror(tmp);
    return 1;
  }
  fputs("/* Generated by tools/js2c.c from the built-in JS modules. Do not edit. */\n"
        "#include \"builtins.h\"\n\n",
        out);
  size_t *lens = calloc((size_t)argc, sizeof *lens), *packed = calloc((size_t)argc, sizeof *packed);
  if (!lens || !packed) {
    perror("js2c");
    return 1;
  }
  for (int i = first; i < argc; i++) {
    FILE *in = fopen(argv[i], "r");
    if (!in) {
      perror(argv[i]);
      return 1;
    }
    fprintf(out, "static const char src_%d[] =\n", i);
    lens[i] = emit_source(out, in, &packed[i]);
    fputs(";\n\n", out);
    fclose(in);
  }
  fputs("const char petrel_builtin_dict[] =\n", out);
  emit_bytes(out, dict ? dict : (const unsigned char *)"", dict_len);
  fprintf(out, ";\nconst size_t petrel_builtin_dict_len = %zu;\n\n", dict_len);
  fputs("const petrel_builtin petrel_builtins[] = {\n", out);
  for (int i = first; i < argc; i++) {
    char name[256];
    module_name(argv[i], name, sizeof name);
    fprintf(out, "  { \"%s\", src_%d, %zu, %zu },\n", name, i, lens[i], packed[i]);
  }
  fputs("  { 0, 0, 0, 0 }\n};\n", out);
  if (fclose(out) != 0 || rename(tmp, argv[1]) != 0) {
    perror(argv[1]);
    return 1;
  }
  return 0;
}
