/* bankruptcy.c - SQLite rows of bankruptcy: a party's bankruptcy as the case summary's
 * Bankruptcy tab shows it (court, judge, docket number, trustee, trustee's attorney, date
 * retained), with the party's side and the contacts' names joined in.
 *
 * The checks are domain/bankruptcy.c; the rows go with their party (party.c,
 * sqlite_party_delete). */
#include "store/sqlite/sqlite.h"

static void sq_read_bankruptcy(sqlite3_stmt *st, void *row)
{
	struct store_bankruptcy *b = row;
	b->id = sqlite3_column_int64(st, 0);
	b->case_id = sqlite3_column_int64(st, 1);
	b->party_id = sqlite3_column_int64(st, 2);
	b->court_id = sqlite3_column_int64(st, 3);
	sq_text(st, 4, b->judge, sizeof b->judge);
	sq_text(st, 5, b->docket_number, sizeof b->docket_number);
	b->trustee_id = sqlite3_column_int64(st, 6);
	b->trustee_attorney_id = sqlite3_column_int64(st, 7);
	sq_text(st, 8, b->retained_date, sizeof b->retained_date);
	b->version = sqlite3_column_int64(st, 9);
	sq_text(st, 10, b->party_kind, sizeof b->party_kind);
	sq_text(st, 11, b->party_name, sizeof b->party_name);
	sq_text(st, 12, b->court_name, sizeof b->court_name);
	sq_text(st, 13, b->trustee_name, sizeof b->trustee_name);
	sq_text(st, 14, b->trustee_attorney_name, sizeof b->trustee_attorney_name);
}

/* sq_bind_bankruptcy_fields binds ?3 court .. ?8 retained date (BANKRUPTCY_FIELDS in
 * catalogue.c). */
static void sq_bind_bankruptcy_fields(sqlite3_stmt *st, const struct store_bankruptcy *b)
{
	sqlite3_bind_int64(st, 3, b->court_id);
	sqlite3_bind_text(st, 4, b->judge, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, b->docket_number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, b->trustee_id);
	sqlite3_bind_int64(st, 7, b->trustee_attorney_id);
	sqlite3_bind_text(st, 8, b->retained_date, -1, SQLITE_STATIC);
}

int sqlite_bankruptcy_insert(struct store_conn *base, struct store_bankruptcy *b)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_BANKRUPTCY_INSERT, b->case_id, b->party_id);
	if (!st)
		return STORE_ERROR;
	sq_bind_bankruptcy_fields(st, b);
	int rc = sq_insert_id(c, st, &b->id);
	if (rc == STORE_OK)
		b->version = 1;
	return rc;
}

int sqlite_bankruptcy_get(struct store_conn *base, int64_t case_id, int64_t id,
			  struct store_bankruptcy *b)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_BANKRUPTCY_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_bankruptcy, b) : STORE_ERROR;
}

int sqlite_bankruptcy_update(struct store_conn *base, struct store_bankruptcy *b)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_BANKRUPTCY_UPDATE, SQ_BANKRUPTCY_GET, b->case_id, b->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_bankruptcy_fields(st, b);
	sqlite3_bind_int64(st, 9, b->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		b->version++;
	return rc;
}

int sqlite_bankruptcy_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_BANKRUPTCY_DELETE, id);
}

struct sq_bankruptcy_walk {
	store_bankruptcy_each_fn each;
	void *ctx;
};

static int sq_visit_bankruptcy(sqlite3_stmt *st, void *ctx)
{
	struct sq_bankruptcy_walk *w = ctx;
	struct store_bankruptcy b;
	sq_read_bankruptcy(st, &b);
	return w->each(&b, w->ctx);
}

int sqlite_bankruptcy_list(struct store_conn *base, int64_t case_id,
			   store_bankruptcy_each_fn each, void *ctx)
{
	struct sq_bankruptcy_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_BANKRUPTCY_LIST, case_id, sq_visit_bankruptcy, &w);
}
