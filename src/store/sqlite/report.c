/* report.c - SQLite side of case status reports, up to the send: which (advisor, case) pairs
 * a report's options select, what a report shows of one case, and the frozen previews with
 * their items (one report to one advisor by one method) and each item's cases.
 *
 * Grouping pairs into reports, masking and the text are domain/report.c; the send made from a
 * preview and its letters are report_send.c, the e-mails it queues mail.c. */
#include "store/sqlite/sqlite.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- selection -------------------------------------------------------------------------- */

/* sq_ids_json writes ids[0..n) as a JSON array text ("[1,2,3]"), malloc'd; NULL when out of
 * memory (message in c). The text is bound as a parameter and read by json_each. */
static char *sq_ids_json(struct sqlite_conn *c, const int64_t *ids, int n)
{
	size_t size = (size_t)(n > 0 ? n : 0) * 21 + 3;
	char *out = malloc(size);
	if (!out) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
		return NULL;
	}
	size_t o = 0;
	out[o++] = '[';
	for (int i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%" PRId64, i ? "," : "", ids[i]);
	out[o++] = ']';
	out[o] = '\0';
	return out;
}

static void sq_read_pair(sqlite3_stmt *st, void *row)
{
	struct store_report_pair *p = row;
	p->contact_id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, p->last_name, sizeof p->last_name);
	sq_text(st, 2, p->display_name, sizeof p->display_name);
	p->case_id = sqlite3_column_int64(st, 3);
	p->primary = sqlite3_column_int(st, 4) != 0;
}

struct sq_pair_walk {
	store_report_pair_each_fn each;
	void *ctx;
};

static int sq_visit_pair(sqlite3_stmt *st, void *ctx)
{
	struct sq_pair_walk *w = ctx;
	struct store_report_pair p;
	sq_read_pair(st, &p);
	return w->each(&p, w->ctx);
}

/* sq_pairs_stmt picks the statement that starts where the filter is narrowest: the selected
 * cases' staff, the selected advisors' staff rows, or every advisor staff row. */
static enum sq_id sq_pairs_stmt(const struct store_report_filter *f)
{
	if (f->cases == REPORT_CASES_SELECTED)
		return SQ_REPORT_PAIRS_CASES;
	if (f->advisors == REPORT_ADVISORS_SELECTED)
		return SQ_REPORT_PAIRS_ADVISORS;
	return SQ_REPORT_PAIRS;
}

/* sqlite_report_pairs walks the pairs the filter selects (REPORT_PAIRS in catalogue.c). The
 * id lists are bound as JSON arrays; an empty list selects nothing. */
int sqlite_report_pairs(struct store_conn *base, const struct store_report_filter *f,
			store_report_pair_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	int rc = STORE_ERROR;
	char *advisors = sq_ids_json(c, f->advisor_ids, f->advisor_ids ? f->n_advisors : 0);
	char *cases = sq_ids_json(c, f->case_ids, f->case_ids ? f->n_cases : 0);
	sqlite3_stmt *st = advisors && cases ? sq_stmt(c, sq_pairs_stmt(f)) : NULL;
	if (!st)
		goto done;
	sqlite3_bind_int64(st, 1, f->office_id);
	sqlite3_bind_int64(st, 2, f->case_manager_id);
	sqlite3_bind_int(st, 3, (int)f->advisors);
	sqlite3_bind_text(st, 4, advisors, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, (int)f->cases);
	sqlite3_bind_text(st, 6, f->due_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, f->stage_status_id);
	sqlite3_bind_text(st, 8, cases, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, f->informal);
	sqlite3_bind_int(st, 10, f->informal_child);
	sqlite3_bind_int(st, 11, f->group);
	struct sq_pair_walk w = {each, ctx};
	rc = sq_each(c, st, sq_visit_pair, &w);
done:
	free(advisors);
	free(cases);
	return rc;
}

static void sq_read_report_case(sqlite3_stmt *st, void *row)
{
	struct store_report_case *rc = row;
	struct store_policy *p = &rc->policy;
	memset(rc, 0, sizeof *rc);
	rc->case_id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, rc->number, sizeof rc->number);
	sq_text(st, 2, rc->name, sizeof rc->name);
	rc->office_id = sqlite3_column_int64(st, 3);
	rc->stage_status_id = sqlite3_column_int64(st, 4);
	sq_text(st, 5, rc->stage_name, sizeof rc->stage_name);
	sq_text(st, 6, rc->stage_since, sizeof rc->stage_since);
	sq_text(st, 7, rc->case_manager, sizeof rc->case_manager);
	sq_text(st, 8, rc->primary_advisor_last, sizeof rc->primary_advisor_last);
	sq_text(st, 9, rc->primary_advisor_name, sizeof rc->primary_advisor_name);
	rc->has_policy = sqlite3_column_int(st, 10) != 0;
	p->case_id = rc->case_id;
	sq_text(st, 11, p->policy_number, sizeof p->policy_number);
	p->insured_contact_id = sqlite3_column_int64(st, 12);
	sq_text(st, 13, p->insured_name, sizeof p->insured_name);
	p->carrier_contact_id = sqlite3_column_int64(st, 14);
	sq_text(st, 15, p->carrier_name, sizeof p->carrier_name);
	sq_text(st, 16, p->product, sizeof p->product);
	p->amount_cents = sqlite3_column_int64(st, 17);
	sq_text(st, 18, p->kind, sizeof p->kind);
	p->parent_case_id = sqlite3_column_int64(st, 19);
	sq_text(st, 20, p->next_follow_up, sizeof p->next_follow_up);
	sq_text(st, 21, p->last_follow_up, sizeof p->last_follow_up);
	p->version = sqlite3_column_int64(st, 22);
	p->updated_at = sqlite3_column_int64(st, 23);
	if (!rc->has_policy) {
		memset(p, 0, sizeof *p);
		snprintf(p->kind, sizeof p->kind, "formal");
	}
}

/* sqlite_report_case_get reads a case for a report in one statement; without a policy row the
 * policy is zeroed but for kind formal. */
int sqlite_report_case_get(struct store_conn *base, int64_t case_id,
			   struct store_report_case *rc)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_CASE_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, case_id);
	return sq_one(c, st, sq_read_report_case, rc);
}

/* ---- previews --------------------------------------------------------------------------- */

/* sqlite_report_preview_insert writes p and its options text; p->id comes back. */
int sqlite_report_preview_insert(struct store_conn *base, struct store_report_preview *p,
				 const char *options)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_PREVIEW_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, options ? options : "{}", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->today, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, p->created_by);
	sqlite3_bind_int64(st, 4, p->created_at);
	int rc = sq_insert_id(c, st, &p->id);
	if (rc == STORE_OK)
		p->send_id = 0;
	return rc;
}

/* A preview being read, with where its options go (NULL: not wanted). */
struct sq_preview_row {
	struct store_report_preview *p;
	char **options;
};

static void sq_read_preview(sqlite3_stmt *st, void *row)
{
	struct sq_preview_row *r = row;
	struct store_report_preview *p = r->p;
	p->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, p->today, sizeof p->today);
	p->created_by = sqlite3_column_int64(st, 2);
	p->created_at = sqlite3_column_int64(st, 3);
	p->send_id = sqlite3_column_int64(st, 4);
	if (r->options) {
		const char *t = (const char *)sqlite3_column_text(st, 5);
		*r->options = strdup(t ? t : "");
	}
}

/* sqlite_report_preview_get fills p and, when options is not NULL, a malloc'd copy of the
 * options (NULL unless STORE_OK; STORE_ERROR when out of memory). */
int sqlite_report_preview_get(struct store_conn *base, int64_t id,
			      struct store_report_preview *p, char **options)
{
	struct sqlite_conn *c = sq_conn(base);
	if (options)
		*options = NULL;
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_PREVIEW_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	struct sq_preview_row row = {p, options};
	int rc = sq_one(c, st, sq_read_preview, &row);
	if (rc == STORE_OK && options && !*options) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
		rc = STORE_ERROR;
	}
	return rc;
}

/* ---- items ------------------------------------------------------------------------------ */

/* sq_read_written_item reads what the item insert returns: id and the advisor's name. */
static void sq_read_written_item(sqlite3_stmt *st, void *row)
{
	struct store_report_item *it = row;
	it->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, it->advisor_name, sizeof it->advisor_name);
}

/* sqlite_report_item_insert writes the item (id and advisor name come back) and then its
 * cases in order. Call inside a transaction: a failure part way leaves a partial item until
 * the rollback. */
int sqlite_report_item_insert(struct store_conn *base, struct store_report_item *it,
			      const int64_t *case_ids, int n)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_ITEM_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, it->preview_id);
	sqlite3_bind_int64(st, 2, it->seq);
	sqlite3_bind_text(st, 3, it->sort_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, it->contact_id);
	sqlite3_bind_text(st, 5, it->method, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, it->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, it->issues, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, it->applied);
	sqlite3_bind_text(st, 9, it->outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, it->reason, -1, SQLITE_STATIC);
	int rc = sq_one(c, st, sq_read_written_item, it);
	for (int i = 0; rc == STORE_OK && i < n; i++) {
		st = sq_stmt_ids(c, SQ_REPORT_ITEM_CASE_INSERT, it->id, i);
		if (!st)
			return STORE_ERROR;
		sqlite3_bind_int64(st, 3, case_ids[i]);
		rc = sq_exec_write(c, st, 0);
	}
	if (rc == STORE_OK) {
		it->cases = n;
		if (it->outcome[0] == '\0')
			snprintf(it->outcome, sizeof it->outcome, "pending");
		it->mail_state[0] = '\0';
		it->mail_error[0] = '\0';
		it->mail_id = 0;
	}
	return rc;
}

static void sq_read_item(sqlite3_stmt *st, void *row)
{
	struct store_report_item *it = row;
	it->id = sqlite3_column_int64(st, 0);
	it->preview_id = sqlite3_column_int64(st, 1);
	it->seq = sqlite3_column_int64(st, 2);
	sq_text(st, 3, it->sort_key, sizeof it->sort_key);
	it->contact_id = sqlite3_column_int64(st, 4);
	sq_text(st, 5, it->advisor_name, sizeof it->advisor_name);
	sq_text(st, 6, it->method, sizeof it->method);
	sq_text(st, 7, it->address, sizeof it->address);
	sq_text(st, 8, it->issues, sizeof it->issues);
	it->cases = sqlite3_column_int64(st, 9);
	it->applied = sqlite3_column_int(st, 10) != 0;
	sq_text(st, 11, it->outcome, sizeof it->outcome);
	sq_text(st, 12, it->reason, sizeof it->reason);
	sq_text(st, 13, it->mail_state, sizeof it->mail_state);
	sq_text(st, 14, it->mail_error, sizeof it->mail_error);
	it->mail_id = sqlite3_column_int64(st, 15);
}

/* sqlite_report_item_get reads an item (without its outbox row: mail_* are empty). */
int sqlite_report_item_get(struct store_conn *base, int64_t id, struct store_report_item *it)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_ITEM_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_null(st, 2);
	return sq_one(c, st, sq_read_item, it);
}

struct sq_item_walk {
	store_report_item_each_fn each;
	void *ctx;
};

static int sq_visit_item(sqlite3_stmt *st, void *ctx)
{
	struct sq_item_walk *w = ctx;
	struct store_report_item it;
	sq_read_item(st, &it);
	return w->each(&it, w->ctx);
}

/* sqlite_report_item_list walks a preview's items (see store.h); run_id NULL joins no outbox
 * row. */
int sqlite_report_item_list(struct store_conn *base, int64_t preview_id, bool letters_only,
			    const char *run_id, store_report_item_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, letters_only ? SQ_REPORT_ITEM_LETTERS : SQ_REPORT_ITEM_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, preview_id);
	if (run_id)
		sqlite3_bind_text(st, 2, run_id, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 2);
	struct sq_item_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_item, &w);
}

struct sq_id_walk {
	store_id_each_fn each;
	void *ctx;
};

static int sq_visit_id(sqlite3_stmt *st, void *ctx)
{
	struct sq_id_walk *w = ctx;
	return w->each(sqlite3_column_int64(st, 0), w->ctx);
}

int sqlite_report_item_cases(struct store_conn *base, int64_t item_id, store_id_each_fn each,
			     void *ctx)
{
	struct sq_id_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_REPORT_ITEM_CASES, item_id, sq_visit_id, &w);
}

struct sq_brief_walk {
	store_report_case_brief_each_fn each;
	void *ctx;
};

static int sq_visit_brief(sqlite3_stmt *st, void *ctx)
{
	struct sq_brief_walk *w = ctx;
	struct store_report_case_brief b;
	b.case_id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, b.number, sizeof b.number);
	sq_text(st, 2, b.name, sizeof b.name);
	sq_text(st, 3, b.stage_name, sizeof b.stage_name);
	return w->each(&b, w->ctx);
}

/* sqlite_report_item_case_briefs walks an item's cases in order with number, name, stage. */
int sqlite_report_item_case_briefs(struct store_conn *base, int64_t item_id,
				   store_report_case_brief_each_fn each, void *ctx)
{
	struct sq_brief_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_REPORT_ITEM_CASE_BRIEFS, item_id, sq_visit_brief, &w);
}

/* sqlite_report_item_mark writes applied, outcome and reason; STORE_NOT_FOUND when there is
 * no such item. */
int sqlite_report_item_mark(struct store_conn *base, int64_t id, bool applied,
			    const char *outcome, const char *reason)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_ITEM_MARK);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, applied);
	sqlite3_bind_text(st, 3, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, reason ? reason : "", -1, SQLITE_STATIC);
	return sq_exec_write(c, st, 1);
}

/* sq_read_id reads column 0 into an int64_t. */
static void sq_read_id(sqlite3_stmt *st, void *row)
{
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

/* sqlite_report_item_next_unapplied finds the first unapplied item by seq after item after_id
 * (0, or an id not of this preview: from the first). */
int sqlite_report_item_next_unapplied(struct store_conn *base, int64_t preview_id,
				      int64_t after_id, int64_t *id)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_REPORT_ITEM_NEXT_UNAPPLIED, preview_id, after_id);
	return st ? sq_one(c, st, sq_read_id, id) : STORE_ERROR;
}
