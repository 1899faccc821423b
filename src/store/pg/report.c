/* report.c - PostgreSQL reads and rows of case status reports before they are sent: which
 * (advisor, case) pairs a report covers, what a report shows of one case, the frozen previews
 * (report_preview) and their reports (report_item, report_item_case), with what became of each
 * after the send.
 *
 * Mirrors ../sqlite/report.c. Grouping the pairs into reports, methods and issues are
 * domain/report.c; the sends, their leases and letters are report_send.c; the outbox rows the
 * items are read with are mail.c's. Lists of ids go to the server as one bigint[] parameter in
 * text form (pg_id_array). */
#include "store/pg/reports.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pg_id_array writes ids[0..n) as the text of a bigint[] ("{1,2,3}", "{}" when none) into a
 * malloc'd string the caller frees; NULL when out of memory. */
static char *pg_id_array(const int64_t *ids, int n)
{
	size_t size = 3 + (size_t)(n > 0 ? n : 0) * 21;
	char *out = malloc(size);
	if (!out)
		return NULL;
	size_t len = 0;
	out[len++] = '{';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%" PRId64, i ? "," : "", ids[i]);
	out[len++] = '}';
	out[len] = '\0';
	return out;
}

static int pg_no_memory(struct pg_conn *c)
{
	snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
	return STORE_ERROR;
}

/* ---- selection -------------------------------------------------------------------------- */

struct pg_pair_walk {
	store_report_pair_each_fn each;
	void *ctx;
};

static int pg_visit_pair(const PGresult *r, int row, void *ctx)
{
	struct pg_pair_walk *w = ctx;
	struct store_report_pair p;
	memset(&p, 0, sizeof p);
	p.contact_id = pg_i64(r, row, 0);
	pg_text(r, row, 1, p.last_name, sizeof p.last_name);
	pg_text(r, row, 2, p.display_name, sizeof p.display_name);
	p.case_id = pg_i64(r, row, 3);
	p.primary = pg_bool(r, row, 4);
	return w->each(&p, w->ctx);
}

/* pg_pairs_statement picks the statement that starts where the filter is narrowest: the
 * selected cases' staff, the selected advisors' staff rows, or every advisor staff row. */
static enum pg_id pg_pairs_statement(const struct store_report_filter *f)
{
	if (f->cases == REPORT_CASES_SELECTED)
		return PG_REPORT_PAIRS_CASES;
	if (f->advisors == REPORT_ADVISORS_SELECTED)
		return PG_REPORT_PAIRS_ADVISORS;
	return PG_REPORT_PAIRS;
}

/* pg_report_pairs walks the pairs the filter selects (REPORT_PAIRS in catalogue_reports.c).
 * The id lists are bound as bigint[] texts; an empty list selects nothing. */
int pg_report_pairs(struct store_conn *base, const struct store_report_filter *f,
		    store_report_pair_each_fn each, void *ctx)
{
	struct pg_conn *c = pg_conn(base);
	bool some_advisors = f->advisors == REPORT_ADVISORS_SELECTED;
	bool some_cases = f->cases == REPORT_CASES_SELECTED;
	char *advisors = pg_id_array(f->advisor_ids, some_advisors ? f->n_advisors : 0);
	char *cases = pg_id_array(f->case_ids, some_cases ? f->n_cases : 0);
	int rc;
	if (!advisors || !cases) {
		rc = pg_no_memory(c);
		goto done;
	}
	struct pg_params p = {0};
	pg_p_i64(&p, f->office_id);
	pg_p_i64(&p, f->case_manager_id);
	pg_p_i64(&p, (int64_t)f->advisors);
	pg_p_text(&p, advisors);
	pg_p_i64(&p, (int64_t)f->cases);
	pg_p_text(&p, f->due_date);
	pg_p_i64(&p, f->stage_status_id);
	pg_p_text(&p, cases);
	pg_p_bool(&p, f->informal);
	pg_p_bool(&p, f->informal_child);
	pg_p_bool(&p, f->group);
	struct pg_pair_walk w = {each, ctx};
	rc = pg_each(c, pg_pairs_statement(f), &p, pg_visit_pair, &w);
done:
	free(advisors);
	free(cases);
	return rc;
}

static void pg_read_report_case(const PGresult *r, int row, void *out)
{
	struct store_report_case *rc = out;
	rc->case_id = pg_i64(r, row, 0);
	pg_text(r, row, 1, rc->number, sizeof rc->number);
	pg_text(r, row, 2, rc->name, sizeof rc->name);
	rc->office_id = pg_i64(r, row, 3);
	rc->stage_status_id = pg_i64(r, row, 4);
	pg_text(r, row, 5, rc->stage_name, sizeof rc->stage_name);
	pg_text(r, row, 6, rc->stage_since, sizeof rc->stage_since);
	pg_text(r, row, 7, rc->case_manager, sizeof rc->case_manager);
	pg_text(r, row, 8, rc->primary_advisor_last, sizeof rc->primary_advisor_last);
	pg_text(r, row, 9, rc->primary_advisor_name, sizeof rc->primary_advisor_name);
	rc->has_policy = pg_bool(r, row, 10);
	memset(&rc->policy, 0, sizeof rc->policy);
	if (rc->has_policy)
		pg_read_policy(r, row, 11, &rc->policy);
	else
		snprintf(rc->policy.kind, sizeof rc->policy.kind, "formal");
}

/* pg_report_case_get reads a case for a report in one statement; without a policy row the
 * policy is zeroed but for kind formal. STORE_NOT_FOUND when absent or deleted. */
int pg_report_case_get(struct store_conn *base, int64_t case_id, struct store_report_case *rc)
{
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	memset(rc, 0, sizeof *rc);
	return pg_one(pg_conn(base), PG_REPORT_CASE_GET, &p, pg_read_report_case, rc);
}

/* ---- previews --------------------------------------------------------------------------- */

/* pg_report_preview_insert writes pv and its options text ({} when NULL); pv->id comes
 * back. */
int pg_report_preview_insert(struct store_conn *base, struct store_report_preview *pv,
			     const char *options)
{
	struct pg_params p = {0};
	pg_p_text(&p, options ? options : "{}");
	pg_p_text(&p, pv->today);
	pg_p_i64(&p, pv->created_by);
	pg_p_i64(&p, pv->created_at);
	int rc = pg_insert_id(pg_conn(base), PG_REPORT_PREVIEW_INSERT, &p, &pv->id);
	if (rc == STORE_OK)
		pv->send_id = 0;
	return rc;
}

/* pg_report_preview_get fills pv and, when options is not NULL, a malloc'd copy of the
 * options the caller frees (STORE_ERROR when out of memory). */
int pg_report_preview_get(struct store_conn *base, int64_t id, struct store_report_preview *pv,
			  char **options)
{
	struct pg_conn *c = pg_conn(base);
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	if (options)
		*options = NULL;
	memset(pv, 0, sizeof *pv);
	int rc;
	PGresult *r = pg_exec(c, PG_REPORT_PREVIEW_GET, &p, 0, &rc);
	if (r && PQntuples(r) == 0)
		rc = STORE_NOT_FOUND;
	if (rc != STORE_OK)
		goto done;
	pv->id = pg_i64(r, 0, 0);
	pg_text(r, 0, 1, pv->today, sizeof pv->today);
	pv->created_by = pg_i64(r, 0, 2);
	pv->created_at = pg_i64(r, 0, 3);
	pv->send_id = pg_i64(r, 0, 4);
	if (options) {
		*options = strdup(PQgetvalue(r, 0, 5));
		if (!*options)
			rc = pg_no_memory(c);
	}
done:
	PQclear(r);
	return rc;
}

/* ---- reports of a preview --------------------------------------------------------------- */

/* pg_report_item_insert writes the item and its cases (in order) in one statement; id and the
 * count of cases come back in it. */
int pg_report_item_insert(struct store_conn *base, struct store_report_item *it,
			  const int64_t *case_ids, int n)
{
	struct pg_conn *c = pg_conn(base);
	char *cases = pg_id_array(case_ids, n);
	if (!cases)
		return pg_no_memory(c);
	struct pg_params p = {0};
	pg_p_i64(&p, it->preview_id);
	pg_p_i64(&p, it->seq);
	pg_p_text(&p, it->sort_key);
	pg_p_i64(&p, it->contact_id);
	pg_p_text(&p, it->method);
	pg_p_text(&p, it->address);
	pg_p_text(&p, it->issues);
	pg_p_bool(&p, it->applied);
	pg_p_text(&p, it->outcome[0] ? it->outcome : "pending");
	pg_p_text(&p, it->reason);
	pg_p_text(&p, cases);
	int rc = pg_insert_id(c, PG_REPORT_ITEM_INSERT, &p, &it->id);
	free(cases);
	if (rc == STORE_OK) {
		it->cases = n;
		if (!it->outcome[0])
			snprintf(it->outcome, sizeof it->outcome, "pending");
	}
	return rc;
}

static void pg_read_item(const PGresult *r, int row, void *out)
{
	struct store_report_item *it = out;
	it->id = pg_i64(r, row, 0);
	it->preview_id = pg_i64(r, row, 1);
	it->seq = pg_i64(r, row, 2);
	pg_text(r, row, 3, it->sort_key, sizeof it->sort_key);
	it->contact_id = pg_i64(r, row, 4);
	pg_text(r, row, 5, it->advisor_name, sizeof it->advisor_name);
	pg_text(r, row, 6, it->method, sizeof it->method);
	pg_text(r, row, 7, it->address, sizeof it->address);
	pg_text(r, row, 8, it->issues, sizeof it->issues);
	it->cases = pg_i64(r, row, 9);
	it->applied = pg_bool(r, row, 10);
	pg_text(r, row, 11, it->outcome, sizeof it->outcome);
	pg_text(r, row, 12, it->reason, sizeof it->reason);
	pg_text(r, row, 13, it->mail_state, sizeof it->mail_state);
	pg_text(r, row, 14, it->mail_error, sizeof it->mail_error);
	it->mail_id = pg_i64(r, row, 15);
}

/* pg_report_item_get reads an item (without its outbox row: mail_* are empty). */
int pg_report_item_get(struct store_conn *base, int64_t id, struct store_report_item *it)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	memset(it, 0, sizeof *it);
	return pg_one(pg_conn(base), PG_REPORT_ITEM_GET, &p, pg_read_item, it);
}

struct pg_item_walk {
	store_report_item_each_fn each;
	void *ctx;
};

static int pg_visit_item(const PGresult *r, int row, void *ctx)
{
	struct pg_item_walk *w = ctx;
	struct store_report_item it;
	memset(&it, 0, sizeof it);
	pg_read_item(r, row, &it);
	return w->each(&it, w->ctx);
}

/* pg_report_item_list walks a preview's items by seq, or its letters by (sort key, seq),
 * with the outbox row of run_id (NULL: none). */
int pg_report_item_list(struct store_conn *base, int64_t preview_id, bool letters_only,
			const char *run_id, store_report_item_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, preview_id);
	pg_p_bool(&p, letters_only);
	pg_p_text(&p, run_id);  /* NULL: no outbox rows */
	struct pg_item_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_REPORT_ITEM_LIST, &p, pg_visit_item, &w);
}

struct pg_id_walk {
	store_id_each_fn each;
	void *ctx;
};

static int pg_visit_id(const PGresult *r, int row, void *ctx)
{
	struct pg_id_walk *w = ctx;
	return w->each(pg_i64(r, row, 0), w->ctx);
}

/* pg_report_item_cases walks an item's case ids in order. */
int pg_report_item_cases(struct store_conn *base, int64_t item_id, store_id_each_fn each,
			 void *ctx)
{
	struct pg_id_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_REPORT_ITEM_CASES, item_id, pg_visit_id, &w);
}

struct pg_brief_walk {
	store_report_case_brief_each_fn each;
	void *ctx;
};

static int pg_visit_brief(const PGresult *r, int row, void *ctx)
{
	struct pg_brief_walk *w = ctx;
	struct store_report_case_brief b;
	b.case_id = pg_i64(r, row, 0);
	pg_text(r, row, 1, b.number, sizeof b.number);
	pg_text(r, row, 2, b.name, sizeof b.name);
	pg_text(r, row, 3, b.stage_name, sizeof b.stage_name);
	return w->each(&b, w->ctx);
}

/* pg_report_item_case_briefs walks an item's cases in order with number, name and stage. */
int pg_report_item_case_briefs(struct store_conn *base, int64_t item_id,
			       store_report_case_brief_each_fn each, void *ctx)
{
	struct pg_brief_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_REPORT_ITEM_CASE_BRIEFS, item_id, pg_visit_brief, &w);
}

/* pg_report_item_mark writes applied, outcome and reason; STORE_NOT_FOUND when absent. */
int pg_report_item_mark(struct store_conn *base, int64_t id, bool applied, const char *outcome,
			const char *reason)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_bool(&p, applied);
	pg_p_text(&p, outcome);
	pg_p_text(&p, reason ? reason : "");
	return pg_exec_write(pg_conn(base), PG_REPORT_ITEM_MARK, &p, 1);
}

static void pg_read_id_col(const PGresult *r, int row, void *out)
{
	*(int64_t *)out = pg_i64(r, row, 0);
}

/* pg_report_item_next_unapplied gives the preview's first item by seq not yet applied
 * after item after_id (0 = from the first); STORE_NOT_FOUND when none is left. */
int pg_report_item_next_unapplied(struct store_conn *base, int64_t preview_id,
				  int64_t after_id, int64_t *id)
{
	return pg_one_ids(pg_conn(base), PG_REPORT_ITEM_NEXT_UNAPPLIED, preview_id, after_id,
			  pg_read_id_col, id);
}
