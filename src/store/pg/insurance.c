/* insurance.c - PostgreSQL rows of party_insurance: a party's insurer, claim, limits, adjuster
 * and coverage, with the names of the company and the adjuster and the party's side.
 *
 * Mirrors ../sqlite/insurance.c. Rows go with their party (party.c); the checks (a party of
 * the case, cents >= 0) are domain/insurance.c; the defendants' total coverage is summed by
 * domain/summary.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_insurance(const PGresult *r, int row, void *out)
{
	struct store_insurance *in = out;
	in->id = pg_i64(r, row, 0);
	in->case_id = pg_i64(r, row, 1);
	in->party_id = pg_i64(r, row, 2);
	in->company_id = pg_i64(r, row, 3);
	pg_text(r, row, 4, in->claim_number, sizeof in->claim_number);
	pg_text(r, row, 5, in->policy_limits, sizeof in->policy_limits);
	in->no_fault_cents = pg_i64(r, row, 6);
	in->um_sum_cents = pg_i64(r, row, 7);
	in->adjuster_id = pg_i64(r, row, 8);
	pg_text(r, row, 9, in->adjuster_phone, sizeof in->adjuster_phone);
	in->coverage_cents = pg_i64(r, row, 10);
	in->version = pg_i64(r, row, 11);
	pg_text(r, row, 12, in->company_name, sizeof in->company_name);
	pg_text(r, row, 13, in->adjuster_name, sizeof in->adjuster_name);
	pg_text(r, row, 14, in->party_kind, sizeof in->party_kind);
}

/* pg_bind_insurance_fields binds $3 company .. $10 coverage (INSURANCE_FIELDS in
 * catalogue_summary.c); cents below 0 are NULL, not given. */
static void pg_bind_insurance_fields(struct pg_params *p, const struct store_insurance *in)
{
	pg_p_i64(p, in->company_id);
	pg_p_text(p, in->claim_number);
	pg_p_text(p, in->policy_limits);
	pg_p_opt(p, in->no_fault_cents);
	pg_p_opt(p, in->um_sum_cents);
	pg_p_i64(p, in->adjuster_id);
	pg_p_text(p, in->adjuster_phone);
	pg_p_opt(p, in->coverage_cents);
}

int pg_insurance_insert(struct store_conn *base, struct store_insurance *in)
{
	struct pg_params p = {0};
	pg_p_i64(&p, in->case_id);
	pg_p_i64(&p, in->party_id);
	pg_bind_insurance_fields(&p, in);
	int rc = pg_insert_id(pg_conn(base), PG_INSURANCE_INSERT, &p, &in->id);
	if (rc == STORE_OK)
		in->version = 1;
	return rc;
}

int pg_insurance_get(struct store_conn *base, int64_t case_id, int64_t id,
		     struct store_insurance *in)
{
	return pg_one_ids(pg_conn(base), PG_INSURANCE_GET, case_id, id, pg_read_insurance, in);
}

int pg_insurance_update(struct store_conn *base, struct store_insurance *in)
{
	struct pg_params p = {0};
	pg_p_i64(&p, in->id);
	pg_p_i64(&p, in->case_id);
	pg_bind_insurance_fields(&p, in);
	pg_p_i64(&p, in->version);
	return pg_update_versioned(pg_conn(base), PG_INSURANCE_UPDATE, &p, &in->version, NULL,
				   NULL);
}

int pg_insurance_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_INSURANCE_DELETE, id);
}

struct pg_insurance_walk {
	store_insurance_each_fn each;
	void *ctx;
};

static int pg_visit_insurance(const PGresult *r, int row, void *ctx)
{
	struct pg_insurance_walk *w = ctx;
	struct store_insurance in;
	memset(&in, 0, sizeof in);
	pg_read_insurance(r, row, &in);
	return w->each(&in, w->ctx);
}

int pg_insurance_list(struct store_conn *base, int64_t case_id, store_insurance_each_fn each,
		      void *ctx)
{
	struct pg_insurance_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_INSURANCE_LIST, case_id, pg_visit_insurance, &w);
}
