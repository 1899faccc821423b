/* setup.c - SQLite rows of the setup lists (case types, subtypes, status types, statuses,
 * close reasons, staff roles, note types, value ranges, deadline types, summary flags and
 * user-defined fields) behind one record type.
 *
 * Each kind has its own table and its own statements in the catalogue, all reading and
 * binding the same numbered columns and parameters (see the note above CASE_TYPE_COLUMNS in
 * catalogue.c), so one reader and one binder serve every kind. The rules (names, groups, the
 * one stage type, what may be deleted) are domain/setup.c. */
#include "store/sqlite/sqlite.h"

#include <string.h>

struct sq_setup_sql {
	enum sq_id insert, get, update, del, list;
	struct sq_use use[3];   /* where a row may be used, in the order of checking */
	int uses;
};

static const struct sq_setup_sql sq_setup[SETUP__COUNT] = {
	[SETUP_CASE_TYPE] = {SQ_CASE_TYPE_INSERT, SQ_CASE_TYPE_GET, SQ_CASE_TYPE_UPDATE,
			     SQ_CASE_TYPE_DELETE, SQ_CASE_TYPE_LIST,
			     {{SQ_CASE_TYPE_USE_CASES, "cases"},
			      {SQ_CASE_TYPE_USE_SUBTYPES, "subtypes"},
			      {SQ_CASE_TYPE_USE_UDF_FIELDS, "user-defined fields"}}, 3},
	[SETUP_CASE_SUBTYPE] = {SQ_CASE_SUBTYPE_INSERT, SQ_CASE_SUBTYPE_GET, SQ_CASE_SUBTYPE_UPDATE,
				SQ_CASE_SUBTYPE_DELETE, SQ_CASE_SUBTYPE_LIST,
				{{SQ_CASE_SUBTYPE_USE_CASES, "cases"}}, 1},
	[SETUP_STATUS_TYPE] = {SQ_STATUS_TYPE_INSERT, SQ_STATUS_TYPE_GET, SQ_STATUS_TYPE_UPDATE,
			       SQ_STATUS_TYPE_DELETE, SQ_STATUS_TYPE_LIST,
			       {{SQ_STATUS_TYPE_USE_STATUSES, "statuses"},
				{SQ_STATUS_TYPE_USE_CASE_STATUSES, "case statuses"}}, 2},
	[SETUP_STATUS] = {SQ_STATUS_INSERT, SQ_STATUS_GET, SQ_STATUS_UPDATE, SQ_STATUS_DELETE,
			  SQ_STATUS_LIST,
			  {{SQ_STATUS_USE_CASE_STATUSES, "case statuses"},
			   {SQ_STATUS_USE_CASES, "cases"},
			   {SQ_STATUS_USE_FOLLOW_UPS, "office follow-ups"}}, 3},
	[SETUP_CLOSE_REASON] = {SQ_CLOSE_REASON_INSERT, SQ_CLOSE_REASON_GET, SQ_CLOSE_REASON_UPDATE,
				SQ_CLOSE_REASON_DELETE, SQ_CLOSE_REASON_LIST,
				{{SQ_CLOSE_REASON_USE_CASE_STATUSES, "case statuses"}}, 1},
	[SETUP_ROLE] = {SQ_ROLE_INSERT, SQ_ROLE_GET, SQ_ROLE_UPDATE, SQ_ROLE_DELETE, SQ_ROLE_LIST,
			{{SQ_ROLE_USE_CASE_STAFF, "case staff"}}, 1},
	[SETUP_NOTE_TYPE] = {SQ_NOTE_TYPE_INSERT, SQ_NOTE_TYPE_GET, SQ_NOTE_TYPE_UPDATE,
			     SQ_NOTE_TYPE_DELETE, SQ_NOTE_TYPE_LIST,
			     {{SQ_NOTE_TYPE_USE_NOTES, "notes"}}, 1},
	[SETUP_VALUE_RANGE] = {SQ_VALUE_RANGE_INSERT, SQ_VALUE_RANGE_GET, SQ_VALUE_RANGE_UPDATE,
			       SQ_VALUE_RANGE_DELETE, SQ_VALUE_RANGE_LIST,
			       {{SQ_VALUE_RANGE_USE_CASES, "cases"},
				{SQ_VALUE_RANGE_USE_VALUE_HISTORY, "value history"}}, 2},
	[SETUP_DEADLINE_TYPE] = {SQ_DEADLINE_TYPE_INSERT, SQ_DEADLINE_TYPE_GET,
				 SQ_DEADLINE_TYPE_UPDATE, SQ_DEADLINE_TYPE_DELETE,
				 SQ_DEADLINE_TYPE_LIST,
				 {{SQ_DEADLINE_TYPE_USE_DEADLINES, "deadlines"}}, 1},
	[SETUP_FLAG] = {SQ_FLAG_INSERT, SQ_FLAG_GET, SQ_FLAG_UPDATE, SQ_FLAG_DELETE, SQ_FLAG_LIST,
			{{0, NULL}}, 0},
	[SETUP_UDF_FIELD] = {SQ_UDF_FIELD_INSERT, SQ_UDF_FIELD_GET, SQ_UDF_FIELD_UPDATE,
			     SQ_UDF_FIELD_DELETE, SQ_UDF_FIELD_LIST,
			     {{SQ_UDF_FIELD_USE_VALUES, "case values"}}, 1},
};

static int sq_setup_kind_ok(enum store_setup_kind kind)
{
	return (int)kind >= 0 && kind < SETUP__COUNT;
}

/* sq_read_setup reads the 19 shared columns; the caller sets item->kind. */
static void sq_read_setup(sqlite3_stmt *st, void *row)
{
	struct store_setup_item *it = row;
	it->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, it->name, sizeof it->name);
	it->parent_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, it->group, sizeof it->group);
	sq_text(st, 4, it->category, sizeof it->category);
	it->days = sqlite3_column_int64(st, 5);
	it->stage = sqlite3_column_int(st, 6) != 0;
	it->closing = sqlite3_column_int(st, 7) != 0;
	it->client_facing = sqlite3_column_int(st, 8) != 0;
	it->low_cents = sqlite3_column_int64(st, 9);
	it->high_cents = sqlite3_column_int64(st, 10);
	it->limit_cents = sqlite3_column_int64(st, 11);
	it->position = sqlite3_column_int64(st, 12);
	it->version = sqlite3_column_int64(st, 13);
	sq_text(st, 14, it->code, sizeof it->code);
	sq_text(st, 15, it->text, sizeof it->text);
	sq_text(st, 16, it->target, sizeof it->target);
	it->required = sqlite3_column_int(st, 17) != 0;
	it->primary_advisor = sqlite3_column_int(st, 18) != 0;
}

/* sq_bind_setup binds ?1 .. ?12 and ?15 .. ?19, those the statement has (every insert uses
 * ?12 and every update ?14, so ?1 .. ?12 are always in range; only the flags, user-defined
 * fields and roles go past ?14). */
static void sq_bind_setup(sqlite3_stmt *st, const struct store_setup_item *it)
{
	int top = sqlite3_bind_parameter_count(st);
	if (top >= 15)
		sqlite3_bind_text(st, 15, it->code, -1, SQLITE_STATIC);
	if (top >= 16)
		sqlite3_bind_text(st, 16, it->text, -1, SQLITE_STATIC);
	if (top >= 17)
		sqlite3_bind_text(st, 17, it->target, -1, SQLITE_STATIC);
	if (top >= 18)
		sqlite3_bind_int(st, 18, it->required);
	if (top >= 19)
		sqlite3_bind_int(st, 19, it->primary_advisor);
	sqlite3_bind_text(st, 1, it->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, it->parent_id);
	sqlite3_bind_text(st, 3, it->group, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, it->category, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, it->days);
	sqlite3_bind_int(st, 6, it->stage);
	sqlite3_bind_int(st, 7, it->closing);
	sqlite3_bind_int(st, 8, it->client_facing);
	sqlite3_bind_int64(st, 9, it->low_cents);
	sqlite3_bind_int64(st, 10, it->high_cents);
	sqlite3_bind_int64(st, 11, it->limit_cents);
	sqlite3_bind_int64(st, 12, it->position);
}

/* sq_setup_stmt prepares statement id with ?1 bound to id (when it has a ?1). */
static sqlite3_stmt *sq_setup_stmt(struct sqlite_conn *c, enum sq_id id, int64_t arg)
{
	sqlite3_stmt *st = sq_stmt(c, id);
	if (st && sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_int64(st, 1, arg);
	return st;
}

int sqlite_setup_insert(struct store_conn *base, struct store_setup_item *item)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sq_setup_kind_ok(item->kind))
		return STORE_ERROR;
	sqlite3_stmt *st = sq_stmt(c, sq_setup[item->kind].insert);
	if (!st)
		return STORE_ERROR;
	sq_bind_setup(st, item);
	int rc = sq_insert_id(c, st, &item->id);
	if (rc == STORE_OK)
		item->version = 1;
	return rc;
}

int sqlite_setup_get(struct store_conn *base, enum store_setup_kind kind, int64_t id,
		     struct store_setup_item *item)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sq_setup_kind_ok(kind))
		return STORE_ERROR;
	sqlite3_stmt *st = sq_setup_stmt(c, sq_setup[kind].get, id);
	if (!st)
		return STORE_ERROR;
	memset(item, 0, sizeof *item);
	item->kind = kind;
	return sq_one(c, st, sq_read_setup, item);
}

int sqlite_setup_update(struct store_conn *base, struct store_setup_item *item)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sq_setup_kind_ok(item->kind))
		return STORE_ERROR;
	sqlite3_stmt *st = sq_stmt(c, sq_setup[item->kind].update);
	sqlite3_stmt *exists = sq_setup_stmt(c, sq_setup[item->kind].get, item->id);
	if (!st || !exists) {
		sq_done(exists);
		return STORE_ERROR;
	}
	sq_bind_setup(st, item);
	sqlite3_bind_int64(st, 13, item->id);
	sqlite3_bind_int64(st, 14, item->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		item->version++;
	return rc;
}

int sqlite_setup_delete(struct store_conn *base, enum store_setup_kind kind, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sq_setup_kind_ok(kind))
		return STORE_ERROR;
	return sq_write_of(c, sq_setup[kind].del, id);
}

struct sq_setup_walk {
	enum store_setup_kind kind;
	store_setup_each_fn each;
	void *ctx;
};

static int sq_visit_setup(sqlite3_stmt *st, void *ctx)
{
	struct sq_setup_walk *w = ctx;
	struct store_setup_item it;
	memset(&it, 0, sizeof it);
	it.kind = w->kind;
	sq_read_setup(st, &it);
	return w->each(&it, w->ctx);
}

int sqlite_setup_list(struct store_conn *base, enum store_setup_kind kind, int64_t parent_id,
		      store_setup_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sq_setup_kind_ok(kind))
		return STORE_ERROR;
	sqlite3_stmt *st = sq_setup_stmt(c, sq_setup[kind].list, parent_id);
	if (!st)
		return STORE_ERROR;
	struct sq_setup_walk w = {kind, each, ctx};
	return sq_each(c, st, sq_visit_setup, &w);
}

int sqlite_setup_usage(struct store_conn *base, enum store_setup_kind kind, int64_t id,
		       char where[64], int64_t *count)
{
	if (!sq_setup_kind_ok(kind))
		return STORE_ERROR;
	const struct sq_setup_sql *k = &sq_setup[kind];
	return sq_usage(sq_conn(base), k->use, k->uses, id, where, count);
}

int sqlite_stage_first(struct store_conn *base, const char *group,
		       struct store_setup_item *status)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_STAGE_FIRST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, group, -1, SQLITE_STATIC);
	memset(status, 0, sizeof *status);
	status->kind = SETUP_STATUS;
	return sq_one(c, st, sq_read_setup, status);
}
