/* bankruptcy.c - PostgreSQL rows of bankruptcy: a party's bankruptcy (court, judge, docket,
 * trustee and the trustee's attorney, date retained), with the party's side and name and the
 * names of the contacts.
 *
 * Mirrors ../sqlite/bankruptcy.c. Rows go with their party (party.c); the checks are
 * domain/bankruptcy.c; the Bankruptcy flag and tab are domain/flag.c and domain/summary.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_bankruptcy(const PGresult *r, int row, void *out)
{
	struct store_bankruptcy *b = out;
	b->id = pg_i64(r, row, 0);
	b->case_id = pg_i64(r, row, 1);
	b->party_id = pg_i64(r, row, 2);
	b->court_id = pg_i64(r, row, 3);
	pg_text(r, row, 4, b->judge, sizeof b->judge);
	pg_text(r, row, 5, b->docket_number, sizeof b->docket_number);
	b->trustee_id = pg_i64(r, row, 6);
	b->trustee_attorney_id = pg_i64(r, row, 7);
	pg_text(r, row, 8, b->retained_date, sizeof b->retained_date);
	b->version = pg_i64(r, row, 9);
	pg_text(r, row, 10, b->party_kind, sizeof b->party_kind);
	pg_text(r, row, 11, b->party_name, sizeof b->party_name);
	pg_text(r, row, 12, b->court_name, sizeof b->court_name);
	pg_text(r, row, 13, b->trustee_name, sizeof b->trustee_name);
	pg_text(r, row, 14, b->trustee_attorney_name, sizeof b->trustee_attorney_name);
}

/* pg_bind_bankruptcy_fields binds $3 court .. $8 retained date (BANKRUPTCY_FIELDS in
 * catalogue_summary.c). */
static void pg_bind_bankruptcy_fields(struct pg_params *p, const struct store_bankruptcy *b)
{
	pg_p_i64(p, b->court_id);
	pg_p_text(p, b->judge);
	pg_p_text(p, b->docket_number);
	pg_p_i64(p, b->trustee_id);
	pg_p_i64(p, b->trustee_attorney_id);
	pg_p_text(p, b->retained_date);
}

int pg_bankruptcy_insert(struct store_conn *base, struct store_bankruptcy *b)
{
	struct pg_params p = {0};
	pg_p_i64(&p, b->case_id);
	pg_p_i64(&p, b->party_id);
	pg_bind_bankruptcy_fields(&p, b);
	int rc = pg_insert_id(pg_conn(base), PG_BANKRUPTCY_INSERT, &p, &b->id);
	if (rc == STORE_OK)
		b->version = 1;
	return rc;
}

int pg_bankruptcy_get(struct store_conn *base, int64_t case_id, int64_t id,
		      struct store_bankruptcy *b)
{
	return pg_one_ids(pg_conn(base), PG_BANKRUPTCY_GET, case_id, id, pg_read_bankruptcy, b);
}

int pg_bankruptcy_update(struct store_conn *base, struct store_bankruptcy *b)
{
	struct pg_params p = {0};
	pg_p_i64(&p, b->id);
	pg_p_i64(&p, b->case_id);
	pg_bind_bankruptcy_fields(&p, b);
	pg_p_i64(&p, b->version);
	return pg_update_versioned(pg_conn(base), PG_BANKRUPTCY_UPDATE, &p, &b->version, NULL,
				   NULL);
}

int pg_bankruptcy_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_BANKRUPTCY_DELETE, id);
}

struct pg_bankruptcy_walk {
	store_bankruptcy_each_fn each;
	void *ctx;
};

static int pg_visit_bankruptcy(const PGresult *r, int row, void *ctx)
{
	struct pg_bankruptcy_walk *w = ctx;
	struct store_bankruptcy b;
	memset(&b, 0, sizeof b);
	pg_read_bankruptcy(r, row, &b);
	return w->each(&b, w->ctx);
}

int pg_bankruptcy_list(struct store_conn *base, int64_t case_id, store_bankruptcy_each_fn each,
		       void *ctx)
{
	struct pg_bankruptcy_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_BANKRUPTCY_LIST, case_id, pg_visit_bankruptcy, &w);
}
