/* Keys C finds by their address must lie in read-only data (runtime/static_key.c). */
#ifndef PETREL_STATIC_KEY_H
#define PETREL_STATIC_KEY_H
#include <stddef.h>

#if defined(PETREL_CHECK_STATIC_KEYS)
/* 1 if key..key+len lies in the program's read-only data. */
int petrel_static_key_ok(const void *key, size_t len);
/* Aborts, naming the key, unless it does. */
void petrel_static_key_check(const void *key, size_t len);
#endif

#endif
