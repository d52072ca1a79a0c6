/* SHA-256 (runtime/sha256.c). */
#ifndef PETREL_SHA256_H
#define PETREL_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t h[8];
  uint64_t total;
  unsigned char buf[64];
  size_t used;
} petrel_sha256;

void petrel_sha256_init(petrel_sha256 *s);
void petrel_sha256_update(petrel_sha256 *s, const void *data, size_t len);
void petrel_sha256_final(petrel_sha256 *s, unsigned char out[32]);
#endif
