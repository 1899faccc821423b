/* advisor.c - SQLite reads of advisors and rows of advisor_log.
 *
 * An advisor is not a table: it is a contact who is current case staff in a role of category
 * advisor, directly or through a user whose own contact it is (ADVISOR_CASES in catalogue.c).
 * The advisor log records what each status report sent them, one row per advisor and case.
 * Who may read an advisor's log is domain/advisor.c; the (advisor, case) pairs of a report are
 * report.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_advisor(sqlite3_stmt *st, void *row)
{
	struct store_advisor *a = row;
	a->contact_id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, a->display_name, sizeof a->display_name);
	sq_text(st, 2, a->first_name, sizeof a->first_name);
	sq_text(st, 3, a->last_name, sizeof a->last_name);
	sq_text(st, 4, a->email, sizeof a->email);
	sq_text(st, 5, a->preferred_comm, sizeof a->preferred_comm);
	a->cases = sqlite3_column_int64(st, 6);
}

struct sq_advisor_walk {
	store_advisor_each_fn each;
	void *ctx;
};

static int sq_visit_advisor(sqlite3_stmt *st, void *ctx)
{
	struct sq_advisor_walk *w = ctx;
	struct store_advisor a;
	sq_read_advisor(st, &a);
	return w->each(&a, w->ctx);
}

/* sqlite_advisor_list walks advisors by contact id after after_id, at most limit; q (NULL or
 * "" = all) keeps those whose first, last or organisation name or e-mail starts with q, in
 * any (ASCII) case. cases counts their pending cases (open, undeleted, insurance). Without q
 * the page is read from the staff rows' contact ids in order; with it, contacts are scanned by
 * id and the matching advisors kept. */
int sqlite_advisor_list(struct store_conn *base, const char *q, int64_t after_id, int limit,
			store_advisor_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	bool search = q && q[0];
	sqlite3_stmt *st = sq_stmt(c, search ? SQ_ADVISOR_SEARCH : SQ_ADVISOR_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_text(st, 2, search ? q : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit);
	struct sq_advisor_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_advisor, &w);
}

/* sq_read_logged reads what the insert returns: the id and the case's number and name. */
static void sq_read_logged(sqlite3_stmt *st, void *row)
{
	struct store_advisor_log *l = row;
	l->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, l->case_number, sizeof l->case_number);
	sq_text(st, 2, l->case_name, sizeof l->case_name);
}

/* sqlite_advisor_log_insert writes l (id and the case's number and name come back in l);
 * STORE_CONFLICT when the send already logged this advisor's case. */
int sqlite_advisor_log_insert(struct store_conn *base, struct store_advisor_log *l)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_ADVISOR_LOG_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, l->contact_id);
	sqlite3_bind_int64(st, 2, l->case_id);
	sqlite3_bind_int64(st, 3, l->send_id);
	sqlite3_bind_int64(st, 4, l->at);
	sqlite3_bind_text(st, 5, l->method, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, l->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, l->body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, l->user_id);
	return sq_one(c, st, sq_read_logged, l);
}

static void sq_read_log(sqlite3_stmt *st, void *row)
{
	struct store_advisor_log *l = row;
	l->id = sqlite3_column_int64(st, 0);
	l->contact_id = sqlite3_column_int64(st, 1);
	l->case_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, l->case_number, sizeof l->case_number);
	sq_text(st, 4, l->case_name, sizeof l->case_name);
	l->send_id = sqlite3_column_int64(st, 5);
	l->at = sqlite3_column_int64(st, 6);
	sq_text(st, 7, l->method, sizeof l->method);
	sq_text(st, 8, l->subject, sizeof l->subject);
	sq_text(st, 9, l->body, sizeof l->body);
	l->user_id = sqlite3_column_int64(st, 10);
}

struct sq_log_walk {
	store_advisor_log_each_fn each;
	void *ctx;
};

static int sq_visit_log(sqlite3_stmt *st, void *ctx)
{
	struct sq_log_walk *w = ctx;
	struct store_advisor_log l;
	sq_read_log(st, &l);
	return w->each(&l, w->ctx);
}

/* sqlite_advisor_log_list walks a contact's log newest first (by id), below before_id. */
int sqlite_advisor_log_list(struct store_conn *base, int64_t contact_id, int64_t before_id,
			    int limit, store_advisor_log_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_ADVISOR_LOG_LIST, contact_id, before_id);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int(st, 3, limit);
	struct sq_log_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_log, &w);
}
