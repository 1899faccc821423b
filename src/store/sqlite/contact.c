/* contact.c - SQLite rows of contact: the people and organisations outside the user list
 * (clients, advisors, other parties), as parties of cases and as external case staff.
 *
 * The display name is worked out in SQL (CONTACT_DISPLAY in catalogue.c) so that every read
 * that joins a contact names it the same way. Validation is domain/contact.c. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sq_read_contact(sqlite3_stmt *st, void *row)
{
	struct store_contact *ct = row;
	ct->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, ct->kind, sizeof ct->kind);
	sq_text(st, 2, ct->first_name, sizeof ct->first_name);
	sq_text(st, 3, ct->last_name, sizeof ct->last_name);
	sq_text(st, 4, ct->org_name, sizeof ct->org_name);
	sq_text(st, 5, ct->email, sizeof ct->email);
	sq_text(st, 6, ct->phone, sizeof ct->phone);
	sq_text(st, 7, ct->display_name, sizeof ct->display_name);
	ct->version = sqlite3_column_int64(st, 8);
	ct->created_at = sqlite3_column_int64(st, 9);
}

static void sq_bind_contact_fields(sqlite3_stmt *st, const struct store_contact *ct, int64_t now)
{
	sqlite3_bind_text(st, 1, ct->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ct->first_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ct->last_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ct->org_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ct->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ct->phone, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
}

/* sq_read_written_contact reads INSERT / UPDATE ... RETURNING id, display name. */
static void sq_read_written_contact(sqlite3_stmt *st, void *row)
{
	struct store_contact *ct = row;
	ct->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, ct->display_name, sizeof ct->display_name);
}

int sqlite_contact_insert(struct store_conn *base, struct store_contact *ct, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_INSERT);
	if (!st)
		return STORE_ERROR;
	sq_bind_contact_fields(st, ct, now);
	int rc = sq_one(c, st, sq_read_written_contact, ct);
	if (rc == STORE_OK) {
		ct->version = 1;
		ct->created_at = now;
	}
	return rc;
}

int sqlite_contact_get(struct store_conn *base, int64_t id, struct store_contact *ct)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_one(c, st, sq_read_contact, ct);
}

int sqlite_contact_update(struct store_conn *base, struct store_contact *ct, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_contact_fields(st, ct, now);
	sqlite3_bind_int64(st, 8, ct->id);
	sqlite3_bind_int64(st, 9, ct->version);
	int rc = sq_one(c, st, sq_read_written_contact, ct);
	if (rc == STORE_OK) {
		ct->version++;
	} else if (rc == STORE_NOT_FOUND) {
		struct store_contact cur;
		rc = sqlite_contact_get(base, ct->id, &cur);
		if (rc == STORE_OK)
			rc = STORE_CONFLICT;
	}
	return rc;
}

int sqlite_contact_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_CONTACT_DELETE, id);
}

struct sq_contact_walk {
	store_contact_each_fn each;
	void *ctx;
};

static int sq_visit_contact(sqlite3_stmt *st, void *ctx)
{
	struct sq_contact_walk *w = ctx;
	struct store_contact ct;
	sq_read_contact(st, &ct);
	return w->each(&ct, w->ctx);
}

/* sq_like_prefix makes the LIKE pattern "q%" with %, _ and \ in q escaped by \; malloc'd. */
static char *sq_like_prefix(const char *q)
{
	char *out = malloc(2 * strlen(q) + 2);
	if (!out)
		return NULL;
	size_t o = 0;
	for (const char *p = q; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[o++] = '\\';
		out[o++] = *p;
	}
	out[o++] = '%';
	out[o] = '\0';
	return out;
}

int sqlite_contact_list(struct store_conn *base, const char *q, int64_t after_id, int limit,
			store_contact_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_LIST);
	if (!st)
		return STORE_ERROR;
	char *pattern = sq_like_prefix(q ? q : "");
	if (!pattern) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
		return STORE_ERROR;
	}
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_text(st, 2, q ? q : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, limit);
	struct sq_contact_walk w = {each, ctx};
	int rc = sq_each(c, st, sq_visit_contact, &w);
	free(pattern);
	return rc;
}

int sqlite_contact_usage(struct store_conn *base, int64_t id, char where[64], int64_t *count)
{
	static const struct sq_use uses[] = {
		{SQ_CONTACT_USE_PARTIES, "case parties"},
		{SQ_CONTACT_USE_STAFF, "case staff"},
		{SQ_CONTACT_USE_USERS, "users"},
	};
	return sq_usage(sq_conn(base), uses, (int)(sizeof uses / sizeof uses[0]), id, where, count);
}
