/* related.c - PostgreSQL rows of case_related (cases linked both ways) and the two lists of
 * case briefs: related cases, and other cases sharing a plaintiff.
 *
 * Mirrors ../sqlite/related.c. A brief's staff columns come from the current staff by role
 * category (see BRIEF_COLUMNS in catalogue.c). The parties that "other cases" compares are in
 * party.c; who may link which case is decided in domain/related.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_brief(const PGresult *r, int row, void *out)
{
	struct store_case_brief *b = out;
	b->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, b->number, sizeof b->number);
	pg_text(r, row, 2, b->name, sizeof b->name);
	pg_text(r, row, 3, b->stage_name, sizeof b->stage_name);
	pg_text(r, row, 4, b->attorney, sizeof b->attorney);
	pg_text(r, row, 5, b->paralegal, sizeof b->paralegal);
	pg_text(r, row, 6, b->case_manager, sizeof b->case_manager);
}

int pg_related_add(struct store_conn *base, int64_t a, int64_t b, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, a);
	pg_p_i64(&p, b);
	pg_p_i64(&p, now);
	/* both directions, ON CONFLICT DO NOTHING: no row written means they were linked */
	int rc = pg_exec_write(pg_conn(base), PG_RELATED_ADD, &p, 1);
	return rc == STORE_NOT_FOUND ? STORE_CONFLICT : rc;
}

int pg_related_remove(struct store_conn *base, int64_t a, int64_t b)
{
	struct pg_params p = {0};
	pg_p_i64(&p, a);
	pg_p_i64(&p, b);
	return pg_exec_write(pg_conn(base), PG_RELATED_REMOVE, &p, 1);
}

struct pg_brief_walk {
	store_case_brief_each_fn each;
	void *ctx;
};

static int pg_visit_brief(const PGresult *r, int row, void *ctx)
{
	struct pg_brief_walk *w = ctx;
	struct store_case_brief b;
	memset(&b, 0, sizeof b);
	pg_read_brief(r, row, &b);
	return w->each(&b, w->ctx);
}

/* pg_brief_walk runs one of the two brief lists of a case. */
static int pg_brief_walk(struct store_conn *base, enum pg_id id, int64_t case_id,
			 store_case_brief_each_fn each, void *ctx)
{
	struct pg_brief_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), id, case_id, pg_visit_brief, &w);
}

int pg_related_list(struct store_conn *base, int64_t case_id, store_case_brief_each_fn each,
		    void *ctx)
{
	return pg_brief_walk(base, PG_RELATED_LIST, case_id, each, ctx);
}

int pg_other_cases(struct store_conn *base, int64_t case_id, store_case_brief_each_fn each,
		   void *ctx)
{
	return pg_brief_walk(base, PG_OTHER_CASES, case_id, each, ctx);
}
