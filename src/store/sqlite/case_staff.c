/* case_staff.c - SQLite rows of case_staff: who works on a case (a user, or a contact from
 * outside the firm) in which role, from when to when. Ended rows stay as the history; current
 * rows also decide who may see a case (the scope of case.c).
 *
 * The rules (one of user / contact, changing the person starts a new row) are
 * domain/case_staff.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_case_staff(sqlite3_stmt *st, void *row)
{
	struct store_case_staff *s = row;
	s->id = sqlite3_column_int64(st, 0);
	s->case_id = sqlite3_column_int64(st, 1);
	s->user_id = sqlite3_column_int64(st, 2);
	s->contact_id = sqlite3_column_int64(st, 3);
	s->role_id = sqlite3_column_int64(st, 4);
	sq_text(st, 5, s->comments, sizeof s->comments);
	sq_text(st, 6, s->from_date, sizeof s->from_date);
	sq_text(st, 7, s->to_date, sizeof s->to_date);
	s->current = sqlite3_column_int(st, 8) != 0;
	s->version = sqlite3_column_int64(st, 9);
	sq_text(st, 10, s->person_name, sizeof s->person_name);
	sq_text(st, 11, s->role_name, sizeof s->role_name);
	sq_text(st, 12, s->role_category, sizeof s->role_category);
}

/* sqlite_case_staff_insert adds s as a current row from s->from_date (id and version are
 * returned). Both or neither of user_id / contact_id break a CHECK: STORE_ERROR. */
int sqlite_case_staff_insert(struct store_conn *base, struct store_case_staff *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_STAFF_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->case_id);
	sqlite3_bind_int64(st, 2, s->user_id);
	sqlite3_bind_int64(st, 3, s->contact_id);
	sqlite3_bind_int64(st, 4, s->role_id);
	sqlite3_bind_text(st, 5, s->comments, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, s->from_date, -1, SQLITE_STATIC);
	int rc = sq_insert_id(c, st, &s->id);
	if (rc == STORE_OK) {
		s->to_date[0] = '\0';
		s->current = true;
		s->version = 1;
	}
	return rc;
}

int sqlite_case_staff_get(struct store_conn *base, int64_t case_id, int64_t id,
			  struct store_case_staff *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_CASE_STAFF_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_case_staff, s) : STORE_ERROR;
}

int sqlite_case_staff_update(struct store_conn *base, struct store_case_staff *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_CASE_STAFF_UPDATE, s->case_id, s->id);
	sqlite3_stmt *exists = sq_stmt_ids(c, SQ_CASE_STAFF_GET, s->case_id, s->id);
	if (!st || !exists) {
		sq_done(st);
		sq_done(exists);
		return STORE_ERROR;
	}
	sqlite3_bind_text(st, 3, s->comments, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, s->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		s->version++;
	return rc;
}

/* sqlite_case_staff_end: STORE_NOT_FOUND when the row is gone or already ended; bumps the
 * version. */
int sqlite_case_staff_end(struct store_conn *base, int64_t id, const char *to_date)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_STAFF_END);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to_date, -1, SQLITE_STATIC);
	return sq_exec_write(c, st, 1);
}

struct sq_case_staff_walk {
	store_case_staff_each_fn each;
	void *ctx;
};

static int sq_visit_case_staff(sqlite3_stmt *st, void *ctx)
{
	struct sq_case_staff_walk *w = ctx;
	struct store_case_staff s;
	sq_read_case_staff(st, &s);
	return w->each(&s, w->ctx);
}

int sqlite_case_staff_list(struct store_conn *base, int64_t case_id, bool history,
			   store_case_staff_each_fn each, void *ctx)
{
	struct sq_case_staff_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), history ? SQ_CASE_STAFF_HISTORY : SQ_CASE_STAFF_LIST,
			  case_id, sq_visit_case_staff, &w);
}
