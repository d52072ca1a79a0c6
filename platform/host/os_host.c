/*
 * The host's figures for node's os module, on every board that runs as a process
 * (linux, linux-lwip): as libuv reads them on Linux (/proc/meminfo's MemTotal and
 * MemAvailable, /proc/uptime, /proc/loadavg, /proc/cpuinfo's model, cpufreq's speed, /proc/stat's CPU times), uname(2) and gethostname(2).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include "host.h"

/* The number after `key` in a "key: value" file (0 when absent). */
static double proc_value(const char *path, const char *key)
{
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  char line[256];
  double v = 0;
  size_t n = strlen(key);
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, key, n)) {
      char *p = line + n;
      while (*p == ' ' || *p == '\t' || *p == ':') p++;
      v = strtod(p, NULL);
      break;
    }
  fclose(f);
  return v;
}

void plat_os_info_get(plat_os_info *out)
{
  memset(out, 0, sizeof *out);
  out->total_mem = (uint64_t)proc_value("/proc/meminfo", "MemTotal") * 1024;
  out->free_mem = (uint64_t)proc_value("/proc/meminfo", "MemAvailable") * 1024;
  if (!out->total_mem) out->total_mem = (uint64_t)sysconf(_SC_PHYS_PAGES) * (uint64_t)sysconf(_SC_PAGESIZE);
  FILE *f = fopen("/proc/uptime", "r");
  if (f) {
    if (fscanf(f, "%lf", &out->uptime) != 1) out->uptime = 0;
    fclose(f);
  }
  f = fopen("/proc/loadavg", "r");
  if (f) {
    if (fscanf(f, "%lf %lf %lf", &out->loadavg[0], &out->loadavg[1], &out->loadavg[2]) != 3)
      memset(out->loadavg, 0, sizeof out->loadavg);
    fclose(f);
  }
  if (gethostname(out->hostname, sizeof out->hostname - 1) != 0) strcpy(out->hostname, "localhost");
  struct utsname u;
  if (uname(&u) == 0) {
    snprintf(out->type, sizeof out->type, "%.31s", u.sysname);
    snprintf(out->release, sizeof out->release, "%s", u.release);
    snprintf(out->version, sizeof out->version, "%s", u.version);
    snprintf(out->machine, sizeof out->machine, "%.31s", u.machine);
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  out->cpus = n > 0 ? (unsigned)n : 1;
  f = fopen("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", "r"); /* kHz, as libuv; else 0 */
  if (f) {
    unsigned khz = 0;
    if (fscanf(f, "%u", &khz) == 1) out->cpu_mhz = khz / 1000;
    fclose(f);
  }
  f = fopen("/proc/cpuinfo", "r");
  if (f) {
    char line[256];
    while (fgets(line, sizeof line, f))
      if (!strncmp(line, "model name", 10)) {
        char *p = strchr(line, ':');
        if (p) {
          p += 1 + (p[1] == ' ');
          p[strcspn(p, "\n")] = 0;
          snprintf(out->cpu_model, sizeof out->cpu_model, "%s", p);
        }
        break;
      }
    fclose(f);
  }
}

/* /proc/stat's "cpuN user nice system idle iowait irq ..." in clock ticks, as libuv reads it. */
int plat_cpu_times(unsigned cpu, double times[5])
{
  FILE *f = fopen("/proc/stat", "r");
  if (!f) return PLAT_ENOSYS;
  char line[512], want[16];
  int n = snprintf(want, sizeof want, "cpu%u ", cpu), r = PLAT_EINVAL;
  double ms = 1000.0 / (double)sysconf(_SC_CLK_TCK);
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, want, (size_t)n)) {
      unsigned long long v[6];
      if (sscanf(line + n, "%llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) == 6) {
        times[0] = (double)v[0] * ms;
        times[1] = (double)v[1] * ms;
        times[2] = (double)v[2] * ms;
        times[3] = (double)v[3] * ms;
        times[4] = (double)v[5] * ms;
        r = 0;
      }
      break;
    }
  fclose(f);
  return r;
}
