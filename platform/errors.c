/* Names and texts of the portable error codes (shared by every backend).
 * Kept as one table of values and one string of "NAME\0text\0" pairs: two
 * switch statements over these sparse values compiled to 1.3 KB of compares
 * on a Cortex-M3; the table and a search take under 0.2 KB. */
#include <string.h>
#include "platform_errors.h"

#define PLAT_ERR_VALUE(name, value, text) value,
static const short error_values[] = { PLAT_ERROR_LIST(PLAT_ERR_VALUE) };
#undef PLAT_ERR_VALUE
#define PLAT_ERR_STRINGS(name, value, text) #name "\0" text "\0"
static const char error_strings[] = PLAT_ERROR_LIST(PLAT_ERR_STRINGS);
#undef PLAT_ERR_STRINGS

/* The code's name (which 0) or text (which 1); dflt for a code not in the list. */
static const char *lookup(int err, int which, const char *dflt)
{
  const char *s = error_strings;
  size_t i, skip, n = sizeof error_values / sizeof error_values[0];
  for (i = 0; i < n && error_values[i] != err; i++) {}
  if (i == n) return dflt;
  for (skip = 2 * i + (size_t)which; skip; skip--) s += strlen(s) + 1;
  return s;
}

const char *plat_strerror_code(int err) { return lookup(err, 0, "UNKNOWN"); }

const char *plat_strerror_text(int err) { return lookup(err, 1, "unknown error"); }

int plat_error_by_name(const char *name)
{
  const char *s = error_strings;
  size_t i, n = sizeof error_values / sizeof error_values[0];
  for (i = 0; i < n; i++) {
    if (strcmp(s, name) == 0) return error_values[i];
    s += strlen(s) + 1; /* the name */
    s += strlen(s) + 1; /* its text */
  }
  return 0;
}
