/* setting.c - SQLite rows of setting (the firm's settings, key = value) and counter (named
 * sequences such as the case number counter).
 *
 * What the settings mean (the case number pattern) is domain/setup.c. */
#include "store/sqlite/sqlite.h"

struct sq_setting_value {
	char *buf;
	size_t size;
};

static void sq_read_setting(sqlite3_stmt *st, void *row)
{
	struct sq_setting_value *v = row;
	sq_text(st, 0, v->buf, v->size);
}

int sqlite_setting_get(struct store_conn *base, const char *key, char *value, size_t size)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SETTING_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	struct sq_setting_value v = {value, size};
	return sq_one(c, st, sq_read_setting, &v);
}

int sqlite_setting_set(struct store_conn *base, const char *key, const char *value)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SETTING_SET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return sq_exec_write(c, st, 0);
}

int sqlite_counter_next(struct store_conn *base, const char *name, int64_t *value)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_COUNTER_NEXT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return sq_insert_id(c, st, value);
}
