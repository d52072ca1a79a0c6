/* Names and texts of the portable error codes (shared by every backend). */
#include "platform_errors.h"

const char *plat_strerror_code(int err)
{
  switch (err) {
#define PLAT_ERR_NAME(name, value, text) case value: return #name;
    PLAT_ERROR_LIST(PLAT_ERR_NAME)
#undef PLAT_ERR_NAME
  default: return "UNKNOWN";
  }
}

const char *plat_strerror_text(int err)
{
  switch (err) {
#define PLAT_ERR_TEXT(name, value, text) case value: return text;
    PLAT_ERROR_LIST(PLAT_ERR_TEXT)
#undef PLAT_ERR_TEXT
  default: return "unknown error";
  }
}
