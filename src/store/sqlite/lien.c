/* lien.c - SQLite rows of lien: the liens on a case's plaintiffs (holder, description, amount,
 * and the negotiated and final amounts once known; NULL in the table and -1 in the record
 * until then).
 *
 * The Liens tab's totals per plaintiff are domain/lien.c; the rows go with their party
 * (party.c, sqlite_party_delete). */
#include "store/sqlite/sqlite.h"

static void sq_read_lien(sqlite3_stmt *st, void *row)
{
	struct store_lien *l = row;
	l->id = sqlite3_column_int64(st, 0);
	l->case_id = sqlite3_column_int64(st, 1);
	l->party_id = sqlite3_column_int64(st, 2);
	l->holder_id = sqlite3_column_int64(st, 3);
	sq_text(st, 4, l->description, sizeof l->description);
	l->amount_cents = sqlite3_column_int64(st, 5);
	l->negotiated_cents = sqlite3_column_int64(st, 6);
	l->final_cents = sqlite3_column_int64(st, 7);
	l->version = sqlite3_column_int64(st, 8);
	sq_text(st, 9, l->holder_name, sizeof l->holder_name);
}

/* sq_bind_lien_fields binds ?3 holder .. ?7 final (LIEN_FIELDS in catalogue.c). */
static void sq_bind_lien_fields(sqlite3_stmt *st, const struct store_lien *l)
{
	sqlite3_bind_int64(st, 3, l->holder_id);
	sqlite3_bind_text(st, 4, l->description, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, l->amount_cents);
	sq_bind_cents(st, 6, l->negotiated_cents);
	sq_bind_cents(st, 7, l->final_cents);
}

int sqlite_lien_insert(struct store_conn *base, struct store_lien *l)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_LIEN_INSERT, l->case_id, l->party_id);
	if (!st)
		return STORE_ERROR;
	sq_bind_lien_fields(st, l);
	int rc = sq_insert_id(c, st, &l->id);
	if (rc == STORE_OK)
		l->version = 1;
	return rc;
}

int sqlite_lien_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_lien *l)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_LIEN_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_lien, l) : STORE_ERROR;
}

int sqlite_lien_update(struct store_conn *base, struct store_lien *l)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_LIEN_UPDATE, SQ_LIEN_GET, l->case_id, l->id, &st, &exists) !=
	    STORE_OK)
		return STORE_ERROR;
	sq_bind_lien_fields(st, l);
	sqlite3_bind_int64(st, 8, l->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		l->version++;
	return rc;
}

int sqlite_lien_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_LIEN_DELETE, id);
}

struct sq_lien_walk {
	store_lien_each_fn each;
	void *ctx;
};

static int sq_visit_lien(sqlite3_stmt *st, void *ctx)
{
	struct sq_lien_walk *w = ctx;
	struct store_lien l;
	sq_read_lien(st, &l);
	return w->each(&l, w->ctx);
}

int sqlite_lien_list(struct store_conn *base, int64_t case_id, store_lien_each_fn each, void *ctx)
{
	struct sq_lien_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_LIEN_LIST, case_id, sq_visit_lien, &w);
}
