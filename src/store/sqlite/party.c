/* party.c - SQLite rows of case_party: the contacts on each side of a case (plaintiffs,
 * defendants). Minimal for now; the case summary adds the detail.
 *
 * The other cases a plaintiff shares are listed by related.c; rules are domain/party.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_party(sqlite3_stmt *st, void *row)
{
	struct store_party *p = row;
	p->id = sqlite3_column_int64(st, 0);
	p->case_id = sqlite3_column_int64(st, 1);
	p->contact_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, p->kind, sizeof p->kind);
	sq_text(st, 4, p->contact_name, sizeof p->contact_name);
}

int sqlite_party_insert(struct store_conn *base, struct store_party *p)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_PARTY_INSERT, p->case_id, p->contact_id);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 3, p->kind, -1, SQLITE_STATIC);
	return sq_insert_id(c, st, &p->id);
}

int sqlite_party_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_party *p)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_PARTY_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_party, p) : STORE_ERROR;
}

int sqlite_party_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_PARTY_DELETE, id);
}

struct sq_party_walk {
	store_party_each_fn each;
	void *ctx;
};

static int sq_visit_party(sqlite3_stmt *st, void *ctx)
{
	struct sq_party_walk *w = ctx;
	struct store_party p;
	sq_read_party(st, &p);
	return w->each(&p, w->ctx);
}

int sqlite_party_list(struct store_conn *base, int64_t case_id, store_party_each_fn each,
		      void *ctx)
{
	struct sq_party_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_PARTY_LIST, case_id, sq_visit_party, &w);
}
