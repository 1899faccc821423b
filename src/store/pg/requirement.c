/* requirement.c - PostgreSQL rows of requirement: what the carrier still needs (or has had)
 * before a pending case's policy is placed, in the order listed, with its status and dates.
 *
 * Mirrors ../sqlite/requirement.c. The rules (a valid status, dates, received date with
 * received status) are domain/requirement.c; the policy itself is policy.c. */
#include "store/pg/pg.h"

#include <stdio.h>
#include <string.h>

static void pg_read_requirement(const PGresult *r, int row, void *out)
{
	struct store_requirement *q = out;
	q->id = pg_i64(r, row, 0);
	q->case_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, q->name, sizeof q->name);
	pg_text(r, row, 3, q->status, sizeof q->status);
	q->key = pg_bool(r, row, 4);
	q->pos = pg_bool(r, row, 5);
	q->position = pg_i64(r, row, 6);
	pg_text(r, row, 7, q->requested_date, sizeof q->requested_date);
	pg_text(r, row, 8, q->received_date, sizeof q->received_date);
	pg_text(r, row, 9, q->comments, sizeof q->comments);
	q->version = pg_i64(r, row, 10);
	q->created_at = pg_i64(r, row, 11);
	q->updated_at = pg_i64(r, row, 12);
}

/* pg_bind_requirement_fields binds $3 name .. $10 comments (REQUIREMENT_FIELDS in
 * catalogue_reports.c). */
static void pg_bind_requirement_fields(struct pg_params *p, const struct store_requirement *q)
{
	pg_p_text(p, q->name);
	pg_p_text(p, q->status);
	pg_p_bool(p, q->key);
	pg_p_bool(p, q->pos);
	pg_p_i64(p, q->position);
	pg_p_text(p, q->requested_date);
	pg_p_text(p, q->received_date);
	pg_p_text(p, q->comments);
}

/* pg_requirement_written completes q after a write: the status the table defaulted ('' is
 * stored as outstanding). */
static void pg_requirement_written(struct store_requirement *q)
{
	if (q->status[0] == '\0')
		snprintf(q->status, sizeof q->status, "outstanding");
}

/* pg_requirement_insert writes q (an empty status is stored as outstanding); id, version and
 * times come back in q. */
int pg_requirement_insert(struct store_conn *base, struct store_requirement *q, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, q->case_id);
	pg_p_i64(&p, now);
	pg_bind_requirement_fields(&p, q);
	int rc = pg_insert_id(pg_conn(base), PG_REQUIREMENT_INSERT, &p, &q->id);
	if (rc == STORE_OK) {
		q->version = 1;
		q->created_at = now;
		q->updated_at = now;
		pg_requirement_written(q);
	}
	return rc;
}

/* pg_requirement_get fills q with requirement id of case_id; STORE_NOT_FOUND otherwise. */
int pg_requirement_get(struct store_conn *base, int64_t case_id, int64_t id,
		       struct store_requirement *q)
{
	memset(q, 0, sizeof *q);
	return pg_one_ids(pg_conn(base), PG_REQUIREMENT_GET, case_id, id, pg_read_requirement, q);
}

/* pg_requirement_update writes the fields at q->version (STORE_CONFLICT when stale,
 * STORE_NOT_FOUND when gone) and bumps it. */
int pg_requirement_update(struct store_conn *base, struct store_requirement *q, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, q->id);
	pg_p_i64(&p, q->case_id);
	pg_bind_requirement_fields(&p, q);
	pg_p_i64(&p, now);
	pg_p_i64(&p, q->version);
	int rc = pg_update_versioned(pg_conn(base), PG_REQUIREMENT_UPDATE, &p, &q->version, NULL,
				     NULL);
	if (rc == STORE_OK) {
		q->updated_at = now;
		pg_requirement_written(q);
	}
	return rc;
}

/* pg_requirement_delete removes a requirement; STORE_NOT_FOUND when absent. */
int pg_requirement_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_REQUIREMENT_DELETE, id);
}

struct pg_requirement_walk {
	store_requirement_each_fn each;
	void *ctx;
};

static int pg_visit_requirement(const PGresult *r, int row, void *ctx)
{
	struct pg_requirement_walk *w = ctx;
	struct store_requirement q;
	memset(&q, 0, sizeof q);
	pg_read_requirement(r, row, &q);
	return w->each(&q, w->ctx);
}

/* pg_requirement_list walks a case's requirements in (position, id) order. */
int pg_requirement_list(struct store_conn *base, int64_t case_id,
			store_requirement_each_fn each, void *ctx)
{
	struct pg_requirement_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_REQUIREMENT_LIST, case_id, pg_visit_requirement, &w);
}
