/* setting.c - PostgreSQL rows of setting (the firm's key/value settings, such as the case
 * number pattern) and counter (named sequences, such as the case number's {SEQ}).
 *
 * Mirrors ../sqlite/setting.c. What the settings mean and how a case number is made from the
 * pattern is decided in the domain (domain/setup.c, domain/case.c). */
#include "store/pg/pg.h"

#include <stdio.h>

struct pg_setting_out {
	char *value;
	size_t size;
};

static void pg_read_setting(const PGresult *r, int row, void *out)
{
	struct pg_setting_out *o = out;
	pg_text(r, row, 0, o->value, o->size);
}

int pg_setting_get(struct store_conn *base, const char *key, char *value, size_t size)
{
	struct pg_params p = {0};
	pg_p_text(&p, key);
	struct pg_setting_out o = {value, size};
	return pg_one(pg_conn(base), PG_SETTING_GET, &p, pg_read_setting, &o);
}

int pg_setting_set(struct store_conn *base, const char *key, const char *value)
{
	struct pg_params p = {0};
	pg_p_text(&p, key);
	pg_p_text(&p, value);
	return pg_exec_write(pg_conn(base), PG_SETTING_SET, &p, 0);
}

int pg_counter_next(struct store_conn *base, const char *name, int64_t *value)
{
	struct pg_params p = {0};
	pg_p_text(&p, name);
	return pg_exec_count(pg_conn(base), PG_COUNTER_NEXT, &p, value);
}
