/* court.c - SQLite rows of case_court and court_personnel: the courts a case is before (the
 * court's contact, docket number, filing date) and the court's people on it (judge, clerk,
 * ... as contacts with a role).
 *
 * The checks on a court row and its personnel are domain/court.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_court(sqlite3_stmt *st, void *row)
{
	struct store_court *ct = row;
	ct->id = sqlite3_column_int64(st, 0);
	ct->case_id = sqlite3_column_int64(st, 1);
	ct->court_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, ct->docket_number, sizeof ct->docket_number);
	sq_text(st, 4, ct->filing_date, sizeof ct->filing_date);
	ct->version = sqlite3_column_int64(st, 5);
	sq_text(st, 6, ct->court_name, sizeof ct->court_name);
}

/* sq_bind_court_fields binds ?3 court, ?4 docket number, ?5 filing date. */
static void sq_bind_court_fields(sqlite3_stmt *st, const struct store_court *ct)
{
	sqlite3_bind_int64(st, 3, ct->court_id);
	sqlite3_bind_text(st, 4, ct->docket_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ct->filing_date, -1, SQLITE_STATIC);
}

int sqlite_court_insert(struct store_conn *base, struct store_court *ct)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_COURT_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, ct->case_id);
	sq_bind_court_fields(st, ct);
	int rc = sq_insert_id(c, st, &ct->id);
	if (rc == STORE_OK)
		ct->version = 1;
	return rc;
}

int sqlite_court_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_court *ct)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_COURT_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_court, ct) : STORE_ERROR;
}

int sqlite_court_update(struct store_conn *base, struct store_court *ct)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_COURT_UPDATE, SQ_COURT_GET, ct->case_id, ct->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_court_fields(st, ct);
	sqlite3_bind_int64(st, 6, ct->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		ct->version++;
	return rc;
}

/* sqlite_court_delete removes the personnel first; inside the caller's transaction. */
int sqlite_court_delete(struct store_conn *base, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	int rc = sq_write_of(c, SQ_COURT_PERSONNEL_CLEAR, id);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return rc;
	return sq_write_of(c, SQ_COURT_DELETE, id);
}

struct sq_court_walk {
	store_court_each_fn each;
	void *ctx;
};

static int sq_visit_court(sqlite3_stmt *st, void *ctx)
{
	struct sq_court_walk *w = ctx;
	struct store_court ct;
	sq_read_court(st, &ct);
	return w->each(&ct, w->ctx);
}

int sqlite_court_list(struct store_conn *base, int64_t case_id, store_court_each_fn each,
		      void *ctx)
{
	struct sq_court_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_COURT_LIST, case_id, sq_visit_court, &w);
}

/* sq_bind_court_person binds ?3 contact and ?4 role of SQ_COURT_PERSON_INSERT. */
static void sq_bind_court_person(sqlite3_stmt *st, const void *rows, int i)
{
	const struct store_court_person *p = (const struct store_court_person *)rows + i;
	sqlite3_bind_int64(st, 3, p->contact_id);
	sqlite3_bind_text(st, 4, p->role, -1, SQLITE_STATIC);
}

/* sqlite_court_personnel_set: STORE_NOT_FOUND when the court row is not one of case_id's
 * (nothing changes then). */
int sqlite_court_personnel_set(struct store_conn *base, int64_t case_id, int64_t case_court_id,
			       const struct store_court_person *rows, int n)
{
	struct store_court ct;
	int rc = sqlite_court_get(base, case_id, case_court_id, &ct);
	if (rc != STORE_OK)
		return rc;
	return sq_replace_rows(sq_conn(base), SQ_COURT_PERSONNEL_CLEAR, SQ_COURT_PERSON_INSERT,
			       case_court_id, case_id, sq_bind_court_person, rows, n);
}

struct sq_court_person_walk {
	store_court_person_each_fn each;
	void *ctx;
};

static int sq_visit_court_person(sqlite3_stmt *st, void *ctx)
{
	struct sq_court_person_walk *w = ctx;
	struct store_court_person p;
	p.id = sqlite3_column_int64(st, 0);
	p.case_court_id = sqlite3_column_int64(st, 1);
	p.contact_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, p.role, sizeof p.role);
	sq_text(st, 4, p.name, sizeof p.name);
	return w->each(&p, w->ctx);
}

int sqlite_court_personnel_list(struct store_conn *base, int64_t case_id, int64_t case_court_id,
				store_court_person_each_fn each, void *ctx)
{
	struct sq_court_person_walk w = {each, ctx};
	return sq_each_ids(sq_conn(base), SQ_COURT_PERSONNEL_LIST, case_id, case_court_id,
			   sq_visit_court_person, &w);
}
