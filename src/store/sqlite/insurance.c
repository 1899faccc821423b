/* insurance.c - SQLite rows of party_insurance: a party's insurance on a case (company, claim
 * number, limits, no-fault and UM/SUM, adjuster, coverage). Cents not given are NULL in the
 * table and -1 in the record.
 *
 * The summary's total liability coverage is worked out by domain/summary.c; the rows go with
 * their party (party.c, sqlite_party_delete). */
#include "store/sqlite/sqlite.h"

static void sq_read_insurance(sqlite3_stmt *st, void *row)
{
	struct store_insurance *in = row;
	in->id = sqlite3_column_int64(st, 0);
	in->case_id = sqlite3_column_int64(st, 1);
	in->party_id = sqlite3_column_int64(st, 2);
	in->company_id = sqlite3_column_int64(st, 3);
	sq_text(st, 4, in->claim_number, sizeof in->claim_number);
	sq_text(st, 5, in->policy_limits, sizeof in->policy_limits);
	in->no_fault_cents = sqlite3_column_int64(st, 6);
	in->um_sum_cents = sqlite3_column_int64(st, 7);
	in->adjuster_id = sqlite3_column_int64(st, 8);
	sq_text(st, 9, in->adjuster_phone, sizeof in->adjuster_phone);
	in->coverage_cents = sqlite3_column_int64(st, 10);
	in->version = sqlite3_column_int64(st, 11);
	sq_text(st, 12, in->company_name, sizeof in->company_name);
	sq_text(st, 13, in->adjuster_name, sizeof in->adjuster_name);
	sq_text(st, 14, in->party_kind, sizeof in->party_kind);
}

/* sq_bind_insurance_fields binds ?3 company .. ?10 coverage (INSURANCE_FIELDS in
 * catalogue.c). */
static void sq_bind_insurance_fields(sqlite3_stmt *st, const struct store_insurance *in)
{
	sqlite3_bind_int64(st, 3, in->company_id);
	sqlite3_bind_text(st, 4, in->claim_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, in->policy_limits, -1, SQLITE_STATIC);
	sq_bind_cents(st, 6, in->no_fault_cents);
	sq_bind_cents(st, 7, in->um_sum_cents);
	sqlite3_bind_int64(st, 8, in->adjuster_id);
	sqlite3_bind_text(st, 9, in->adjuster_phone, -1, SQLITE_STATIC);
	sq_bind_cents(st, 10, in->coverage_cents);
}

int sqlite_insurance_insert(struct store_conn *base, struct store_insurance *in)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_INSURANCE_INSERT, in->case_id, in->party_id);
	if (!st)
		return STORE_ERROR;
	sq_bind_insurance_fields(st, in);
	int rc = sq_insert_id(c, st, &in->id);
	if (rc == STORE_OK)
		in->version = 1;
	return rc;
}

int sqlite_insurance_get(struct store_conn *base, int64_t case_id, int64_t id,
			 struct store_insurance *in)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_INSURANCE_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_insurance, in) : STORE_ERROR;
}

int sqlite_insurance_update(struct store_conn *base, struct store_insurance *in)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_INSURANCE_UPDATE, SQ_INSURANCE_GET, in->case_id, in->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_insurance_fields(st, in);
	sqlite3_bind_int64(st, 11, in->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		in->version++;
	return rc;
}

int sqlite_insurance_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_INSURANCE_DELETE, id);
}

struct sq_insurance_walk {
	store_insurance_each_fn each;
	void *ctx;
};

static int sq_visit_insurance(sqlite3_stmt *st, void *ctx)
{
	struct sq_insurance_walk *w = ctx;
	struct store_insurance in;
	sq_read_insurance(st, &in);
	return w->each(&in, w->ctx);
}

int sqlite_insurance_list(struct store_conn *base, int64_t case_id,
			  store_insurance_each_fn each, void *ctx)
{
	struct sq_insurance_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_INSURANCE_LIST, case_id, sq_visit_insurance, &w);
}
