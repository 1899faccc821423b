/* party.c - PostgreSQL rows of case_party: the contacts a case is for or against (plaintiffs,
 * defendants), minimal until the case summary adds the detail.
 *
 * Mirrors ../sqlite/party.c. Parties give a client the cases they see (the scope in case.c)
 * and decide a case's "other cases" (related.c). */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_party(const PGresult *r, int row, void *out)
{
	struct store_party *pt = out;
	pt->id = pg_i64(r, row, 0);
	pt->case_id = pg_i64(r, row, 1);
	pt->contact_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, pt->kind, sizeof pt->kind);
	pg_text(r, row, 4, pt->contact_name, sizeof pt->contact_name);
}

int pg_party_insert(struct store_conn *base, struct store_party *pt)
{
	struct pg_params p = {0};
	pg_p_i64(&p, pt->case_id);
	pg_p_i64(&p, pt->contact_id);
	pg_p_text(&p, pt->kind);
	/* STORE_CONFLICT: the contact already has that kind on the case */
	return pg_insert_id(pg_conn(base), PG_PARTY_INSERT, &p, &pt->id);
}

int pg_party_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_party *pt)
{
	return pg_one_ids(pg_conn(base), PG_PARTY_GET, case_id, id, pg_read_party, pt);
}

int pg_party_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_PARTY_DELETE, id);
}

struct pg_party_walk {
	store_party_each_fn each;
	void *ctx;
};

static int pg_visit_party(const PGresult *r, int row, void *ctx)
{
	struct pg_party_walk *w = ctx;
	struct store_party pt;
	memset(&pt, 0, sizeof pt);
	pg_read_party(r, row, &pt);
	return w->each(&pt, w->ctx);
}

int pg_party_list(struct store_conn *base, int64_t case_id, store_party_each_fn each, void *ctx)
{
	struct pg_party_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_PARTY_LIST, case_id, pg_visit_party, &w);
}
