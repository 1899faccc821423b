/* value_history.c - PostgreSQL rows of case_value_history: the estimated value range of a case
 * over time (value, from, to, staff, comments).
 *
 * Mirrors ../sqlite/value_history.c. When a row is written (a case created with a range, the
 * range changed) is decided in domain/case.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_value_change(const PGresult *r, int row, void *out)
{
	struct store_value_change *v = out;
	v->id = pg_i64(r, row, 0);
	v->case_id = pg_i64(r, row, 1);
	v->value_range_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, v->value_name, sizeof v->value_name);
	pg_text(r, row, 4, v->from_date, sizeof v->from_date);
	pg_text(r, row, 5, v->to_date, sizeof v->to_date);
	v->user_id = pg_i64(r, row, 6);
	pg_text(r, row, 7, v->user_name, sizeof v->user_name);
	pg_text(r, row, 8, v->comments, sizeof v->comments);
}

int pg_value_change_add(struct store_conn *base, struct store_value_change *v)
{
	struct pg_params p = {0};
	pg_p_i64(&p, v->case_id);
	pg_p_i64(&p, v->value_range_id);
	pg_p_text(&p, v->from_date);
	pg_p_text(&p, v->to_date);
	pg_p_i64(&p, v->user_id);
	pg_p_text(&p, v->comments);
	/* one statement ends the current row and adds v as given (its to_date normally "") */
	return pg_insert_id(pg_conn(base), PG_VALUE_CHANGE_ADD, &p, &v->id);
}

struct pg_value_change_walk {
	store_value_change_each_fn each;
	void *ctx;
};

static int pg_visit_value_change(const PGresult *r, int row, void *ctx)
{
	struct pg_value_change_walk *w = ctx;
	struct store_value_change v;
	memset(&v, 0, sizeof v);
	pg_read_value_change(r, row, &v);
	return w->each(&v, w->ctx);
}

int pg_value_change_list(struct store_conn *base, int64_t case_id,
			 store_value_change_each_fn each, void *ctx)
{
	struct pg_value_change_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_VALUE_CHANGE_LIST, case_id, pg_visit_value_change,
			  &w);
}
