/* date.c - ISO 8601 calendar dates and day counting (see date.h). The day-number arithmetic is
 * the proleptic Gregorian "days from civil" conversion. */
#include "core/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int64_t date_days_from_civil(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void date_civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static bool date_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_parse(const char *s, int64_t *day)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!date_digits(s, 4, &y) || !date_digits(s + 5, 2, &m) || !date_digits(s + 8, 2, &d))
		return false;
	if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	int max = month_days[m - 1] + (m == 2 && leap ? 1 : 0);
	if (d > max)
		return false;
	if (day)
		*day = date_days_from_civil(y, m, d);
	return true;
}

bool date_valid(const char *s)
{
	return date_parse(s, NULL);
}

void date_format(int64_t day, char out[DATE_LEN])
{
	int64_t y, m, d;
	date_civil_from_days(day, &y, &m, &d);
	snprintf(out, DATE_LEN, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
}

void date_of_time(int64_t t, char out[DATE_LEN])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm)) {
		snprintf(out, DATE_LEN, "1970-01-01");
		return;
	}
	date_format(date_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), out);
}

void date_today(char out[DATE_LEN])
{
	date_of_time((int64_t)time(NULL), out);
}

int64_t date_days_between(const char *from, const char *to)
{
	int64_t a, b;
	if (!date_parse(from, &a) || !date_parse(to, &b))
		return 0;
	return b - a;
}
