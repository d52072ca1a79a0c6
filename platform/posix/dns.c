/* POSIX backend: name lookups. getaddrinfo blocks, so each lookup runs on a
 * short-lived thread and posts its answer back through a pipe watched by the
 * poller; the callback then runs from plat_wait like every other event. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
#include "posix.h"

#define MAX_ADDRS 16

typedef struct lookup {
  pthread_t thread; /* joined when its answer arrives: no thread outlives the loop's view of it */
  plat_lookup_cb cb;
  void *user;
  int family;
  int err;
  int n;
  plat_addr addrs[MAX_ADDRS];
  char host[];
} lookup;

static int pipe_fds[2] = { -1, -1 };
static pio pipe_io;

static int map_eai(int e)
{
  switch (e) {
    case EAI_NONAME: return PLAT_ENOTFOUND;
#ifdef EAI_NODATA
    case EAI_NODATA: return PLAT_ENOTFOUND;
#endif
    case EAI_AGAIN: return PLAT_EAI_AGAIN;
    case EAI_FAIL: return PLAT_EAI_FAIL;
    case EAI_MEMORY: return PLAT_ENOMEM;
    case EAI_FAMILY: return PLAT_EAFNOSUPPORT;
    default: return PLAT_EAI_SYSTEM;
  }
}

static void *resolve(void *arg)
{
  lookup *l = arg;
  struct addrinfo hints, *res = NULL;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = l->family == 4 ? AF_INET : l->family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  int r = getaddrinfo(l->host, NULL, &hints, &res);
  if (r != 0) {
    l->err = map_eai(r);
  } else {
    for (struct addrinfo *ai = res; ai && l->n < MAX_ADDRS; ai = ai->ai_next) {
      plat_addr *a = &l->addrs[l->n];
      memset(a, 0, sizeof *a);
      if (ai->ai_family == AF_INET) {
        a->family = 4;
        memcpy(a->bytes, &((struct sockaddr_in *)ai->ai_addr)->sin_addr, 4);
      } else if (ai->ai_family == AF_INET6) {
        a->family = 6;
        memcpy(a->bytes, &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, 16);
        a->scope_id = ((struct sockaddr_in6 *)ai->ai_addr)->sin6_scope_id;
      } else {
        continue;
      }
      l->n++;
    }
    freeaddrinfo(res);
    if (l->n == 0) l->err = PLAT_ENOTFOUND;
  }
  /* A pointer-sized write to a pipe is atomic. */
  ssize_t w = write(pipe_fds[1], &l, sizeof l);
  (void)w;
  return NULL;
}

static void on_answers(pio *p, uint32_t ev)
{
  (void)p;
  (void)ev;
  lookup *l;
  while (read(pipe_fds[0], &l, sizeof l) == (ssize_t)sizeof l) {
    /* The thread's last act was the write: joining costs nothing and frees its
     * stack now (a detached thread still exiting at process exit shows up as
     * lost memory under valgrind). */
    pthread_join(l->thread, NULL);
    l->cb(l->user, l->err, l->addrs, l->err ? 0 : l->n);
    free(l);
  }
}

int plat_lookup(const char *host, int family, plat_lookup_cb cb, void *user)
{
  if (pipe_fds[0] < 0) {
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) return host_error(errno);
    fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    pipe_io.fd = pipe_fds[0];
    pipe_io.on_io = on_answers;
    pio_update(&pipe_io, PIO_IN);
  }
  size_t hl = strlen(host);
  lookup *l = calloc(1, sizeof *l + hl + 1);
  if (!l) return PLAT_ENOMEM;
  memcpy(l->host, host, hl + 1);
  l->cb = cb;
  l->user = user;
  l->family = family;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 128 * 1024);
  int r = pthread_create(&l->thread, &attr, resolve, l);
  pthread_attr_destroy(&attr);
  if (r != 0) {
    free(l);
    return host_error(r);
  }
  return 0;
}
