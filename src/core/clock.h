/* clock.h - the current time, in one place so tests and jobs agree on it. */
#ifndef CASELOAD_CLOCK_H
#define CASELOAD_CLOCK_H

#include <stdint.h>

/* clock_now is the current Unix time in seconds. */
int64_t clock_now(void);

/* clock_monotonic_us is a monotonic clock in microseconds, for durations only. */
int64_t clock_monotonic_us(void);

/* clock_format_utc writes t as "2026-11-23T05:40:00Z" into out (at least 21 bytes). */
void clock_format_utc(int64_t t, char out[32]);

#endif
