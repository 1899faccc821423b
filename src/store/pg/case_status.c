/* case_status.c - PostgreSQL rows of case_status: the status table of a case (one current
 * primary status, at most one current status of each sub-status type) and its history.
 *
 * Mirrors ../sqlite/case_status.c. The rules (the status belongs to its type, the close reason
 * only with the closing status, a new status ends the current one of its type, the case's stage
 * and closed date follow the primary status) are in domain/case_status.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_case_status(const PGresult *r, int row, void *out)
{
	struct store_case_status *s = out;
	s->id = pg_i64(r, row, 0);
	s->case_id = pg_i64(r, row, 1);
	s->status_type_id = pg_i64(r, row, 2);
	s->status_id = pg_i64(r, row, 3);
	s->expected_days = pg_i64(r, row, 4);
	pg_text(r, row, 5, s->from_date, sizeof s->from_date);
	pg_text(r, row, 6, s->to_date, sizeof s->to_date);
	s->current = pg_bool(r, row, 7);
	s->user_id = pg_i64(r, row, 8);
	pg_text(r, row, 9, s->comments, sizeof s->comments);
	s->close_reason_id = pg_i64(r, row, 10);
	s->version = pg_i64(r, row, 11);
	s->created_at = pg_i64(r, row, 12);
	pg_text(r, row, 13, s->status_type_name, sizeof s->status_type_name);
	s->stage = pg_bool(r, row, 14);
	pg_text(r, row, 15, s->status_name, sizeof s->status_name);
	s->closing = pg_bool(r, row, 16);
	pg_text(r, row, 17, s->close_reason_name, sizeof s->close_reason_name);
	pg_text(r, row, 18, s->user_name, sizeof s->user_name);
}

int pg_case_status_insert(struct store_conn *base, struct store_case_status *s, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, s->case_id);
	pg_p_i64(&p, s->status_type_id);
	pg_p_i64(&p, s->status_id);
	pg_p_i64(&p, s->expected_days);
	pg_p_text(&p, s->from_date);
	pg_p_i64(&p, s->user_id);
	pg_p_text(&p, s->comments);
	pg_p_i64(&p, s->close_reason_id);
	pg_p_i64(&p, now);
	/* STORE_CONFLICT: the case already has a current row of that type */
	int rc = pg_insert_id(pg_conn(base), PG_CASE_STATUS_INSERT, &p, &s->id);
	if (rc == STORE_OK) {
		s->to_date[0] = '\0';
		s->current = true;
		s->version = 1;
		s->created_at = now;
	}
	return rc;
}

int pg_case_status_get(struct store_conn *base, int64_t case_id, int64_t id,
		       struct store_case_status *s)
{
	return pg_one_ids(pg_conn(base), PG_CASE_STATUS_GET, case_id, id, pg_read_case_status,
			  s);
}

int pg_case_status_current(struct store_conn *base, int64_t case_id, int64_t status_type_id,
			   struct store_case_status *s)
{
	return pg_one_ids(pg_conn(base), PG_CASE_STATUS_CURRENT, case_id, status_type_id,
			  pg_read_case_status, s);
}

int pg_case_status_end(struct store_conn *base, int64_t id, const char *to_date)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, to_date);
	return pg_exec_write(pg_conn(base), PG_CASE_STATUS_END, &p, 1);
}

int pg_case_status_update(struct store_conn *base, struct store_case_status *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, s->id);
	pg_p_i64(&p, s->case_id);
	pg_p_i64(&p, s->expected_days);
	pg_p_text(&p, s->from_date);
	pg_p_text(&p, s->comments);
	pg_p_i64(&p, s->close_reason_id);
	pg_p_i64(&p, s->status_id);
	pg_p_i64(&p, s->version);
	return pg_update_versioned(pg_conn(base), PG_CASE_STATUS_UPDATE, &p, &s->version, NULL,
				   NULL);
}

struct pg_case_status_walk {
	store_case_status_each_fn each;
	void *ctx;
};

static int pg_visit_case_status(const PGresult *r, int row, void *ctx)
{
	struct pg_case_status_walk *w = ctx;
	struct store_case_status s;
	memset(&s, 0, sizeof s);
	pg_read_case_status(r, row, &s);
	return w->each(&s, w->ctx);
}

/* pg_case_status_walk runs one of the two list statements over a case's rows. */
static int pg_case_status_walk(struct store_conn *base, enum pg_id id, int64_t case_id,
			       store_case_status_each_fn each, void *ctx)
{
	struct pg_case_status_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), id, case_id, pg_visit_case_status, &w);
}

int pg_case_status_list(struct store_conn *base, int64_t case_id, store_case_status_each_fn each,
			void *ctx)
{
	return pg_case_status_walk(base, PG_CASE_STATUS_LIST, case_id, each, ctx);
}

int pg_case_status_history(struct store_conn *base, int64_t case_id,
			   store_case_status_each_fn each, void *ctx)
{
	return pg_case_status_walk(base, PG_CASE_STATUS_HISTORY, case_id, each, ctx);
}
