/* related.c - SQLite rows of case_related (cases linked both ways) and the two lists of case
 * briefs: the related cases and the other cases that share a plaintiff (case_party, see
 * party.c).
 *
 * Who may link which cases is domain/related.c. The brief's staff names come from the first
 * current staff row of each role category (BRIEF_STAFF in catalogue.c). */
#include "store/sqlite/sqlite.h"

/* sqlite_related_add writes both directions in one statement; either already there is
 * STORE_CONFLICT. */
int sqlite_related_add(struct store_conn *base, int64_t a, int64_t b, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_RELATED_ADD, a, b);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 3, now);
	return sq_exec_write(c, st, 0);
}

int sqlite_related_remove(struct store_conn *base, int64_t a, int64_t b)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_RELATED_REMOVE, a, b);
	return st ? sq_exec_write(c, st, 1) : STORE_ERROR;
}

struct sq_brief_walk {
	store_case_brief_each_fn each;
	void *ctx;
};

static int sq_visit_brief(sqlite3_stmt *st, void *ctx)
{
	struct sq_brief_walk *w = ctx;
	struct store_case_brief b;
	b.id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, b.number, sizeof b.number);
	sq_text(st, 2, b.name, sizeof b.name);
	sq_text(st, 3, b.stage_name, sizeof b.stage_name);
	sq_text(st, 4, b.attorney, sizeof b.attorney);
	sq_text(st, 5, b.paralegal, sizeof b.paralegal);
	sq_text(st, 6, b.case_manager, sizeof b.case_manager);
	return w->each(&b, w->ctx);
}

int sqlite_related_list(struct store_conn *base, int64_t case_id, store_case_brief_each_fn each,
			void *ctx)
{
	struct sq_brief_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_RELATED_LIST, case_id, sq_visit_brief, &w);
}

int sqlite_other_cases(struct store_conn *base, int64_t case_id, store_case_brief_each_fn each,
		       void *ctx)
{
	struct sq_brief_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_OTHER_CASES, case_id, sq_visit_brief, &w);
}
