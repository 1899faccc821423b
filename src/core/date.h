/* date.h - calendar dates as ISO 8601 text ("YYYY-MM-DD"), as the store and the API carry them.
 *
 * A date is a date, not a timestamp: it is compared and counted as a day number, never through a
 * time zone. "Today" is the firm's today, i.e. the local date of this process (serve sets the
 * firm's time zone with --time-zone before any thread starts). */
#ifndef CASELOAD_DATE_H
#define CASELOAD_DATE_H

#include <stdbool.h>
#include <stdint.h>

#define DATE_LEN 11   /* "YYYY-MM-DD" and its terminator */

/* date_parse reads "YYYY-MM-DD" (a real calendar date, years 1800..2200) into a day number
 * (days since 1970-01-01). Returns false for anything else. */
bool date_parse(const char *s, int64_t *day);

/* date_valid is date_parse without the result. */
bool date_valid(const char *s);

/* date_format writes day number day as "YYYY-MM-DD" into out. */
void date_format(int64_t day, char out[DATE_LEN]);

/* date_today writes the firm's current date into out. */
void date_today(char out[DATE_LEN]);

/* date_of_time writes the firm's local date of Unix time t into out. */
void date_of_time(int64_t t, char out[DATE_LEN]);

/* date_days_between gives to - from in calendar days (both valid dates; 0 otherwise). */
int64_t date_days_between(const char *from, const char *to);

#endif
