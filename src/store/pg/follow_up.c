/* follow_up.c - PostgreSQL rows of each office's follow-up method ("none" or "stage") and,
 * for stage-based follow-ups, the interval and report text per stage status
 * (office_follow_up).
 *
 * Mirrors ../sqlite/follow_up.c. The rules (intervals 1..365, only stage statuses) and the
 * dates a send moves are domain/follow_up.c; the dates themselves live on the policy
 * (policy.c). */
#include "store/pg/pg.h"

#include <stdio.h>
#include <string.h>

static void pg_read_stage(const PGresult *r, int row, void *out)
{
	struct store_follow_up_stage *s = out;
	s->status_id = pg_i64(r, row, 0);
	pg_text(r, row, 1, s->status_name, sizeof s->status_name);
	s->interval_days = pg_i64(r, row, 2);
	pg_text(r, row, 3, s->report_text, sizeof s->report_text);
}

static void pg_read_method(const PGresult *r, int row, void *out)
{
	pg_text(r, row, 0, out, 8);
}

struct pg_stage_walk {
	store_follow_up_stage_each_fn each;
	void *ctx;
};

static int pg_visit_stage(const PGresult *r, int row, void *ctx)
{
	struct pg_stage_walk *w = ctx;
	struct store_follow_up_stage s;
	memset(&s, 0, sizeof s);
	pg_read_stage(r, row, &s);
	return w->each(&s, w->ctx);
}

/* pg_follow_up_get copies the office's method and walks its stages (each may be NULL) by the
 * status's position; STORE_NOT_FOUND when the office does not exist. */
int pg_follow_up_get(struct store_conn *base, int64_t office_id, char method[8],
		     store_follow_up_stage_each_fn each, void *ctx)
{
	struct pg_conn *c = pg_conn(base);
	struct pg_params p = {0};
	pg_p_i64(&p, office_id);
	method[0] = '\0';
	int rc = pg_one(c, PG_FOLLOW_UP_METHOD, &p, pg_read_method, method);
	if (rc != STORE_OK || !each)
		return rc;
	struct pg_stage_walk w = {each, ctx};
	return pg_each(c, PG_FOLLOW_UP_STAGES, &p, pg_visit_stage, &w);
}

/* The stage rows being written for one office (pg_follow_up_set). */
struct pg_stage_rows {
	int64_t office_id;
	const struct store_follow_up_stage *rows;
};

/* pg_bind_stage binds row i: the office, the status, the interval and the report text. */
static void pg_bind_stage(struct pg_params *p, int i, const void *ctx)
{
	const struct pg_stage_rows *s = ctx;
	pg_p_i64(p, s->office_id);
	pg_p_i64(p, s->rows[i].status_id);
	pg_p_i64(p, s->rows[i].interval_days);
	pg_p_text(p, s->rows[i].report_text);
}

/* pg_follow_up_set writes the method and replaces the stage rows, inside the caller's
 * transaction; STORE_NOT_FOUND (nothing changed) when the office does not exist. */
int pg_follow_up_set(struct store_conn *base, int64_t office_id, const char *method,
		     const struct store_follow_up_stage *rows, int n)
{
	struct pg_params key = {0};
	pg_p_i64(&key, office_id);
	pg_p_text(&key, method);
	struct pg_stage_rows s = {office_id, rows};
	return pg_rows_replace(pg_conn(base), PG_FOLLOW_UP_CLEAR, &key, PG_FOLLOW_UP_INSERT, n,
			       pg_bind_stage, &s);
}

/* pg_follow_up_stage_get fills s for the office's stage status_id; STORE_NOT_FOUND when the
 * office has no row for it. */
int pg_follow_up_stage_get(struct store_conn *base, int64_t office_id, int64_t status_id,
			   struct store_follow_up_stage *s)
{
	memset(s, 0, sizeof *s);
	return pg_one_ids(pg_conn(base), PG_FOLLOW_UP_STAGE_GET, office_id, status_id,
			  pg_read_stage, s);
}
