/* lien.c - PostgreSQL rows of lien: what a lien holder claims from a plaintiff's recovery (the
 * amount, and the negotiated and final amounts once known), with the holder's name.
 *
 * Mirrors ../sqlite/lien.c. Liens go with their party (party.c); the checks (a plaintiff of
 * the case) are domain/lien.c; the per-plaintiff totals of the liens tab are domain/summary.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_lien(const PGresult *r, int row, void *out)
{
	struct store_lien *l = out;
	l->id = pg_i64(r, row, 0);
	l->case_id = pg_i64(r, row, 1);
	l->party_id = pg_i64(r, row, 2);
	l->holder_id = pg_i64(r, row, 3);
	pg_text(r, row, 4, l->description, sizeof l->description);
	l->amount_cents = pg_i64(r, row, 5);
	l->negotiated_cents = pg_i64(r, row, 6);
	l->final_cents = pg_i64(r, row, 7);
	l->version = pg_i64(r, row, 8);
	pg_text(r, row, 9, l->holder_name, sizeof l->holder_name);
}

/* pg_bind_lien_fields binds $3 holder .. $7 final (LIEN_FIELDS in catalogue_summary.c). */
static void pg_bind_lien_fields(struct pg_params *p, const struct store_lien *l)
{
	pg_p_i64(p, l->holder_id);
	pg_p_text(p, l->description);
	pg_p_i64(p, l->amount_cents);
	pg_p_opt(p, l->negotiated_cents);
	pg_p_opt(p, l->final_cents);
}

int pg_lien_insert(struct store_conn *base, struct store_lien *l)
{
	struct pg_params p = {0};
	pg_p_i64(&p, l->case_id);
	pg_p_i64(&p, l->party_id);
	pg_bind_lien_fields(&p, l);
	int rc = pg_insert_id(pg_conn(base), PG_LIEN_INSERT, &p, &l->id);
	if (rc == STORE_OK)
		l->version = 1;
	return rc;
}

int pg_lien_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_lien *l)
{
	return pg_one_ids(pg_conn(base), PG_LIEN_GET, case_id, id, pg_read_lien, l);
}

int pg_lien_update(struct store_conn *base, struct store_lien *l)
{
	struct pg_params p = {0};
	pg_p_i64(&p, l->id);
	pg_p_i64(&p, l->case_id);
	pg_bind_lien_fields(&p, l);
	pg_p_i64(&p, l->version);
	return pg_update_versioned(pg_conn(base), PG_LIEN_UPDATE, &p, &l->version, NULL, NULL);
}

int pg_lien_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_LIEN_DELETE, id);
}

struct pg_lien_walk {
	store_lien_each_fn each;
	void *ctx;
};

static int pg_visit_lien(const PGresult *r, int row, void *ctx)
{
	struct pg_lien_walk *w = ctx;
	struct store_lien l;
	memset(&l, 0, sizeof l);
	pg_read_lien(r, row, &l);
	return w->each(&l, w->ctx);
}

int pg_lien_list(struct store_conn *base, int64_t case_id, store_lien_each_fn each, void *ctx)
{
	struct pg_lien_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_LIEN_LIST, case_id, pg_visit_lien, &w);
}
