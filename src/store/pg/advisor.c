/* advisor.c - PostgreSQL reads of advisors (contacts who are current case staff in a role of
 * category advisor, named on the staff row or as the user whose own contact they are) and
 * rows of advisor_log, what was sent to each of them.
 *
 * Mirrors ../sqlite/advisor.c. Who may list advisors or read a log is domain/advisor.c; the
 * (advisor, case) pairs of a report are report.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_advisor(const PGresult *r, int row, void *out)
{
	struct store_advisor *a = out;
	a->contact_id = pg_i64(r, row, 0);
	pg_text(r, row, 1, a->display_name, sizeof a->display_name);
	pg_text(r, row, 2, a->first_name, sizeof a->first_name);
	pg_text(r, row, 3, a->last_name, sizeof a->last_name);
	pg_text(r, row, 4, a->email, sizeof a->email);
	pg_text(r, row, 5, a->preferred_comm, sizeof a->preferred_comm);
	a->cases = pg_i64(r, row, 6);
}

struct pg_advisor_walk {
	store_advisor_each_fn each;
	void *ctx;
};

static int pg_visit_advisor(const PGresult *r, int row, void *ctx)
{
	struct pg_advisor_walk *w = ctx;
	struct store_advisor a;
	memset(&a, 0, sizeof a);
	pg_read_advisor(r, row, &a);
	return w->each(&a, w->ctx);
}

/* pg_advisor_list walks advisors with contact id > after_id in id order, at most limit,
 * those matching q (a prefix of a name or the e-mail, any case; "" = all). */
int pg_advisor_list(struct store_conn *base, const char *q, int64_t after_id, int limit,
		    store_advisor_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_text(&p, q ? q : "");
	pg_p_i64(&p, after_id);
	pg_p_limit(&p, limit);
	struct pg_advisor_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_ADVISOR_LIST, &p, pg_visit_advisor, &w);
}

/* pg_read_written_log reads what the log insert gives back: the id, the case's number and
 * name. */
static void pg_read_written_log(const PGresult *r, int row, void *out)
{
	struct store_advisor_log *l = out;
	l->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, l->case_number, sizeof l->case_number);
	pg_text(r, row, 2, l->case_name, sizeof l->case_name);
}

/* pg_advisor_log_insert writes l (id, case number and name come back); STORE_CONFLICT when
 * the send logged this case for this advisor already. */
int pg_advisor_log_insert(struct store_conn *base, struct store_advisor_log *l)
{
	struct pg_params p = {0};
	pg_p_i64(&p, l->contact_id);
	pg_p_i64(&p, l->case_id);
	pg_p_i64(&p, l->send_id);
	pg_p_i64(&p, l->at);
	pg_p_text(&p, l->method);
	pg_p_text(&p, l->subject);
	pg_p_text(&p, l->body);
	pg_p_i64(&p, l->user_id);
	int rc = pg_one(pg_conn(base), PG_ADVISOR_LOG_INSERT, &p, pg_read_written_log, l);
	/* no row back: this send logged this case for this advisor already */
	return rc == STORE_NOT_FOUND ? STORE_CONFLICT : rc;
}

static void pg_read_advisor_log(const PGresult *r, int row, struct store_advisor_log *l)
{
	l->id = pg_i64(r, row, 0);
	l->contact_id = pg_i64(r, row, 1);
	l->case_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, l->case_number, sizeof l->case_number);
	pg_text(r, row, 4, l->case_name, sizeof l->case_name);
	l->send_id = pg_i64(r, row, 5);
	l->at = pg_i64(r, row, 6);
	pg_text(r, row, 7, l->method, sizeof l->method);
	pg_text(r, row, 8, l->subject, sizeof l->subject);
	pg_text(r, row, 9, l->body, sizeof l->body);
	l->user_id = pg_i64(r, row, 10);
}

struct pg_advisor_log_walk {
	store_advisor_log_each_fn each;
	void *ctx;
};

static int pg_visit_advisor_log(const PGresult *r, int row, void *ctx)
{
	struct pg_advisor_log_walk *w = ctx;
	struct store_advisor_log l;
	memset(&l, 0, sizeof l);
	pg_read_advisor_log(r, row, &l);
	return w->each(&l, w->ctx);
}

/* pg_advisor_log_list walks an advisor's log newest first (id < before_id; 0 = from the
 * newest), at most limit. */
int pg_advisor_log_list(struct store_conn *base, int64_t contact_id, int64_t before_id,
			int limit, store_advisor_log_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, contact_id);
	pg_p_i64(&p, before_id);
	pg_p_limit(&p, limit);
	struct pg_advisor_log_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_ADVISOR_LOG_LIST, &p, pg_visit_advisor_log, &w);
}
