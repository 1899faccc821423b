/* office.c - SQLite rows of office (a firm's branches, with address and letter logo).
 *
 * Whether an office may be deleted (no users in it) is decided in domain/office.c. */
#include "store/sqlite/sqlite.h"

#include <stdlib.h>
#include <string.h>

static void sq_read_office(sqlite3_stmt *st, void *row)
{
	struct store_office *o = row;
	o->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, o->name, sizeof o->name);
	sq_text(st, 2, o->address, sizeof o->address);
	sq_text(st, 3, o->phone, sizeof o->phone);
	sq_text(st, 4, o->email, sizeof o->email);
	o->has_logo = sqlite3_column_int(st, 5) != 0;
	o->version = sqlite3_column_int64(st, 6);
	o->created_at = sqlite3_column_int64(st, 7);
}

static void sq_bind_office_fields(sqlite3_stmt *st, int first, const struct store_office *o)
{
	sqlite3_bind_text(st, first, o->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 1, o->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 2, o->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 3, o->email, -1, SQLITE_STATIC);
}

int sqlite_office_insert(struct store_conn *base, struct store_office *o)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_INSERT);
	if (!st)
		return STORE_ERROR;
	sq_bind_office_fields(st, 1, o);
	sqlite3_bind_int64(st, 5, o->created_at);
	int rc = sq_insert_id(c, st, &o->id);
	if (rc == STORE_OK)
		o->version = 1;
	return rc;
}

int sqlite_office_get(struct store_conn *base, int64_t id, struct store_office *o)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_one(c, st, sq_read_office, o);
}

int sqlite_office_update(struct store_conn *base, struct store_office *o, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_UPDATE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, o->id);
	sq_bind_office_fields(st, 2, o);
	sqlite3_bind_int64(st, 6, o->version);
	sqlite3_bind_int64(st, 7, now);
	int rc = sq_exec_write(c, st, 1);
	if (rc == STORE_NOT_FOUND) {
		struct store_office cur;
		rc = sqlite_office_get(base, o->id, &cur);
		return rc == STORE_OK ? STORE_CONFLICT : rc;
	}
	if (rc == STORE_OK)
		o->version++;
	return rc;
}

int sqlite_office_delete(struct store_conn *base, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_DELETE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_exec_write(c, st, 1);
}

struct sq_office_walk {
	store_office_each_fn each;
	void *ctx;
};

static int sq_visit_office(sqlite3_stmt *st, void *ctx)
{
	struct sq_office_walk *w = ctx;
	struct store_office o;
	sq_read_office(st, &o);
	return w->each(&o, w->ctx);
}

int sqlite_office_list(struct store_conn *base, store_office_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_LIST);
	if (!st)
		return STORE_ERROR;
	struct sq_office_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_office, &w);
}

int sqlite_office_usage(struct store_conn *base, int64_t id, char where[64], int64_t *count)
{
	static const struct sq_use uses[] = {
		{SQ_OFFICE_USERS, "users"},
		{SQ_OFFICE_CASES, "cases"},
	};
	return sq_usage(sq_conn(base), uses, 2, id, where, count);
}

int sqlite_office_logo_set(struct store_conn *base, int64_t id, const char *mime,
			   const void *data, size_t len)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_LOGO_SET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (data) {
		sqlite3_bind_text(st, 2, mime, -1, SQLITE_STATIC);
		sqlite3_bind_blob64(st, 3, data, len, SQLITE_STATIC);
	}
	return sq_exec_write(c, st, 1);
}

int sqlite_office_logo_get(struct store_conn *base, int64_t id, char mime[64], void **data,
			   size_t *len)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_OFFICE_LOGO_GET);
	*data = NULL;
	*len = 0;
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), out = STORE_OK;
	if (rc == SQLITE_ROW) {
		sq_text(st, 0, mime, 64);
		int n = sqlite3_column_bytes(st, 1);
		const void *b = sqlite3_column_blob(st, 1);
		*data = malloc(n > 0 ? (size_t)n : 1);
		if (!*data) {
			out = STORE_ERROR;
		} else {
			if (n > 0)
				memcpy(*data, b, (size_t)n);
			*len = (size_t)n;
		}
	} else {
		out = rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_rc(c, sqlite3_extended_errcode(c->db));
	}
	sq_done(st);
	return out;
}
