/* deadline.c - PostgreSQL rows of deadline: a case's critical deadlines and statutes of
 * limitation (plaintiff SOL, defendant SOL, or a critical-deadline type from setup), with the
 * party's name and the type's.
 *
 * Mirrors ../sqlite/deadline.c. Deleting a party keeps its deadlines without it (party.c); the
 * checks, the next deadline and the overdue rule are domain/deadline.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_deadline(const PGresult *r, int row, void *out)
{
	struct store_deadline *d = out;
	d->id = pg_i64(r, row, 0);
	d->case_id = pg_i64(r, row, 1);
	d->party_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, d->kind, sizeof d->kind);
	d->deadline_type_id = pg_i64(r, row, 4);
	pg_text(r, row, 5, d->due_date, sizeof d->due_date);
	pg_text(r, row, 6, d->comments, sizeof d->comments);
	d->done = pg_bool(r, row, 7);
	pg_text(r, row, 8, d->done_date, sizeof d->done_date);
	d->created_by = pg_i64(r, row, 9);
	d->version = pg_i64(r, row, 10);
	pg_text(r, row, 11, d->party_name, sizeof d->party_name);
	pg_text(r, row, 12, d->type_name, sizeof d->type_name);
}

/* pg_bind_deadline_fields binds $3 party .. $9 done date (DEADLINE_FIELDS in
 * catalogue_summary.c). */
static void pg_bind_deadline_fields(struct pg_params *p, const struct store_deadline *d)
{
	pg_p_i64(p, d->party_id);
	pg_p_text(p, d->kind);
	pg_p_i64(p, d->deadline_type_id);
	pg_p_text(p, d->due_date);
	pg_p_text(p, d->comments);
	pg_p_bool(p, d->done);
	pg_p_text(p, d->done_date);
}

int pg_deadline_insert(struct store_conn *base, struct store_deadline *d)
{
	struct pg_params p = {0};
	pg_p_i64(&p, d->case_id);
	pg_p_i64(&p, d->created_by);
	pg_bind_deadline_fields(&p, d);
	int rc = pg_insert_id(pg_conn(base), PG_DEADLINE_INSERT, &p, &d->id);
	if (rc == STORE_OK)
		d->version = 1;
	return rc;
}

int pg_deadline_get(struct store_conn *base, int64_t case_id, int64_t id,
		    struct store_deadline *d)
{
	return pg_one_ids(pg_conn(base), PG_DEADLINE_GET, case_id, id, pg_read_deadline, d);
}

int pg_deadline_update(struct store_conn *base, struct store_deadline *d)
{
	struct pg_params p = {0};
	pg_p_i64(&p, d->id);
	pg_p_i64(&p, d->case_id);
	pg_bind_deadline_fields(&p, d);
	pg_p_i64(&p, d->version);
	return pg_update_versioned(pg_conn(base), PG_DEADLINE_UPDATE, &p, &d->version, NULL, NULL);
}

int pg_deadline_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_DEADLINE_DELETE, id);
}

struct pg_deadline_walk {
	store_deadline_each_fn each;
	void *ctx;
};

static int pg_visit_deadline(const PGresult *r, int row, void *ctx)
{
	struct pg_deadline_walk *w = ctx;
	struct store_deadline d;
	memset(&d, 0, sizeof d);
	pg_read_deadline(r, row, &d);
	return w->each(&d, w->ctx);
}

int pg_deadline_list(struct store_conn *base, int64_t case_id, bool outstanding_only,
		     store_deadline_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	pg_p_bool(&p, outstanding_only);
	struct pg_deadline_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_DEADLINE_LIST, &p, pg_visit_deadline, &w);
}
