/* case.c - SQLite rows of case_record: a case's own fields, the names joined in for reading,
 * who may see it (struct store_scope) and the filtered, searched case list.
 *
 * A case's statuses, staff, notes, value history, timeline, parties and related cases are in
 * the files of those names beside this one; the rules (numbers, rights, first stage) are
 * domain/case.c. Deleted cases keep their rows (deleted = 1) and are never read here. The
 * search index case_fts is written alongside the row (see sq_search_take in search.c). */
#include "store/sqlite/sqlite.h"

#include <stdlib.h>
#include <string.h>

static void sq_read_case(sqlite3_stmt *st, void *row)
{
	struct store_case *k = row;
	k->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, k->number, sizeof k->number);
	sq_text(st, 2, k->name, sizeof k->name);
	k->case_type_id = sqlite3_column_int64(st, 3);
	k->case_subtype_id = sqlite3_column_int64(st, 4);
	sq_text(st, 5, k->state, sizeof k->state);
	k->office_id = sqlite3_column_int64(st, 6);
	sq_text(st, 7, k->incident_date, sizeof k->incident_date);
	sq_text(st, 8, k->opened_date, sizeof k->opened_date);
	sq_text(st, 9, k->wanted_date, sizeof k->wanted_date);
	sq_text(st, 10, k->expected_resolution_date, sizeof k->expected_resolution_date);
	sq_text(st, 11, k->closed_date, sizeof k->closed_date);
	k->value_range_id = sqlite3_column_int64(st, 12);
	k->has_min_settlement = sqlite3_column_int(st, 13) != 0;
	k->min_settlement_cents = sqlite3_column_int64(st, 14);
	sq_text(st, 15, k->value_comments, sizeof k->value_comments);
	k->serious_injury = sqlite3_column_int(st, 16) != 0;
	k->mdl_master = sqlite3_column_int(st, 17) != 0;
	sq_text(st, 18, k->description, sizeof k->description);
	k->owner_id = sqlite3_column_int64(st, 19);
	k->stage_status_id = sqlite3_column_int64(st, 20);
	k->created_by = sqlite3_column_int64(st, 21);
	k->version = sqlite3_column_int64(st, 22);
	k->created_at = sqlite3_column_int64(st, 23);
	k->updated_at = sqlite3_column_int64(st, 24);
	sq_text(st, 25, k->case_type_name, sizeof k->case_type_name);
	sq_text(st, 26, k->case_group, sizeof k->case_group);
	sq_text(st, 27, k->case_subtype_name, sizeof k->case_subtype_name);
	sq_text(st, 28, k->office_name, sizeof k->office_name);
	sq_text(st, 29, k->owner_name, sizeof k->owner_name);
	sq_text(st, 30, k->stage_name, sizeof k->stage_name);
	sq_text(st, 31, k->value_range_name, sizeof k->value_range_name);
	sq_text(st, 32, k->retainer_date, sizeof k->retainer_date);
	sq_text(st, 33, k->referral_in_form, sizeof k->referral_in_form);
	k->referral_in_contact_id = sqlite3_column_int64(st, 34);
	sq_text(st, 35, k->referral_out_form, sizeof k->referral_out_form);
	k->referral_out_contact_id = sqlite3_column_int64(st, 36);
	sq_text(st, 37, k->liability_code, sizeof k->liability_code);
	k->liability_percent = sqlite3_column_int64(st, 38);
	sq_text(st, 39, k->incident_facts, sizeof k->incident_facts);
	sq_text(st, 40, k->referral_in_contact_name, sizeof k->referral_in_contact_name);
	sq_text(st, 41, k->referral_out_contact_name, sizeof k->referral_out_contact_name);
}

/* sq_bind_case_fields binds the editable fields, ?1 .. ?25 (CASE_FIELDS in catalogue.c); a
 * liability_percent below 0 is stored as NULL (not set). */
static void sq_bind_case_fields(sqlite3_stmt *st, const struct store_case *k)
{
	sqlite3_bind_text(st, 1, k->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, k->case_type_id);
	sqlite3_bind_int64(st, 4, k->case_subtype_id);
	sqlite3_bind_text(st, 5, k->state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, k->office_id);
	sqlite3_bind_text(st, 7, k->incident_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, k->opened_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, k->wanted_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, k->expected_resolution_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, k->value_range_id);
	if (k->has_min_settlement)
		sqlite3_bind_int64(st, 12, k->min_settlement_cents);
	else
		sqlite3_bind_null(st, 12);
	sqlite3_bind_text(st, 13, k->value_comments, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 14, k->serious_injury);
	sqlite3_bind_int(st, 15, k->mdl_master);
	sqlite3_bind_text(st, 16, k->description, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 17, k->owner_id);
	sqlite3_bind_text(st, 18, k->retainer_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, k->referral_in_form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 20, k->referral_in_contact_id);
	sqlite3_bind_text(st, 21, k->referral_out_form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 22, k->referral_out_contact_id);
	sqlite3_bind_text(st, 23, k->liability_code, -1, SQLITE_STATIC);
	if (k->liability_percent >= 0)
		sqlite3_bind_int64(st, 24, k->liability_percent);
	else
		sqlite3_bind_null(st, 24);
	sqlite3_bind_text(st, 25, k->incident_facts, -1, SQLITE_STATIC);
}

int sqlite_case_insert(struct store_conn *base, struct store_case *k, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_INSERT);
	if (!st)
		return STORE_ERROR;
	sq_bind_case_fields(st, k);
	sqlite3_bind_int64(st, 26, k->created_by);
	sqlite3_bind_int64(st, 27, now);
	int rc = sq_insert_id(c, st, &k->id);
	if (rc == STORE_OK)
		rc = sq_search_put(c, SQ_CASE_FTS_ADD, k->id);
	if (rc == STORE_OK) {
		k->version = 1;
		k->created_at = now;
		k->updated_at = now;
		k->stage_status_id = 0;
		k->closed_date[0] = '\0';
	}
	return rc;
}

int sqlite_case_get(struct store_conn *base, const struct store_scope *scope, int64_t id,
		    struct store_case *k)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, scope->all);
	sqlite3_bind_int64(st, 3, scope->user_id);
	sqlite3_bind_int64(st, 4, scope->contact_id);
	return sq_one(c, st, sq_read_case, k);
}

int sqlite_case_get_by_number(struct store_conn *base, const char *number, struct store_case *k)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_GET_BY_NUMBER);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	return sq_one(c, st, sq_read_case, k);
}

/* sqlite_case_update writes the fields of CASE_FIELDS: the stage and closed date belong to
 * sqlite_case_set_stage and are left as they are. */
int sqlite_case_update(struct store_conn *base, struct store_case *k, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_UPDATE);
	sqlite3_stmt *exists = sq_stmt(c, SQ_CASE_EXISTS);
	if (!st || !exists)
		return STORE_ERROR;
	bool taken;
	int rc = sq_search_take(c, SQ_CASE_FTS_REMOVE, k->id, k->version, &taken);
	if (rc != STORE_OK)
		return rc;
	sq_bind_case_fields(st, k);
	sqlite3_bind_int64(st, 26, k->id);
	sqlite3_bind_int64(st, 27, now);
	sqlite3_bind_int64(st, 28, k->version);
	sqlite3_bind_int64(exists, 1, k->id);
	rc = sq_update_versioned(c, st, exists);
	if (taken) {
		int put = sq_search_put(c, SQ_CASE_FTS_ADD, k->id);
		if (rc == STORE_OK)
			rc = put;
	}
	if (rc == STORE_OK) {
		k->version++;
		k->updated_at = now;
	}
	return rc;
}

int sqlite_case_set_stage(struct store_conn *base, int64_t id, int64_t stage_status_id,
			  const char *closed_date, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_SET_STAGE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, stage_status_id);
	sqlite3_bind_text(st, 3, closed_date ? closed_date : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	return sq_exec_write(c, st, 1);
}

int sqlite_case_delete(struct store_conn *base, int64_t id, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_DELETE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return sq_exec_write(c, st, 1);
}

struct sq_case_walk {
	store_case_each_fn each;
	void *ctx;
};

static int sq_visit_case(sqlite3_stmt *st, void *ctx)
{
	struct sq_case_walk *w = ctx;
	struct store_case k;
	sq_read_case(st, &k);
	return w->each(&k, w->ctx);
}

/* sq_case_list_stmt picks the variant of the list the planner serves best: a restricted
 * caller's few cases through case_staff / case_party, a search through case_fts, one case
 * type through its index, else every case newest first through the rowid. */
static enum sq_id sq_case_list_stmt(const struct store_case_filter *f, bool search)
{
	if (!f->scope.all)
		return search ? SQ_CASE_LIST_Q_SCOPED : SQ_CASE_LIST_SCOPED;
	if (search)
		return SQ_CASE_LIST_Q;
	return f->case_type_id > 0 ? SQ_CASE_LIST_TYPE : SQ_CASE_LIST;
}

int sqlite_case_list(struct store_conn *base, const struct store_case_filter *f,
		     store_case_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	char *match = sq_fts_query(c, f->q);
	if (!match)
		return STORE_ERROR;
	sqlite3_stmt *st = sq_stmt(c, sq_case_list_stmt(f, match[0] != '\0'));
	if (!st) {
		free(match);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(st, 1, f->before_id > 0 ? f->before_id : INT64_MAX);
	sqlite3_bind_int(st, 2, f->limit);
	sqlite3_bind_int64(st, 3, f->scope.user_id);
	sqlite3_bind_int64(st, 4, f->scope.contact_id);
	sqlite3_bind_text(st, 5, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, f->case_type_id);
	sqlite3_bind_int64(st, 7, f->stage_status_id);
	sqlite3_bind_int64(st, 8, f->status_id);
	sqlite3_bind_int64(st, 9, f->office_id);
	sqlite3_bind_int64(st, 10, f->staff_user_id);
	sqlite3_bind_int64(st, 11, f->owner_id);
	sqlite3_bind_text(st, 12, f->opened_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, f->opened_to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 14, f->closed < 0 ? -1 : f->closed != 0);
	struct sq_case_walk w = {each, ctx};
	int rc = sq_each(c, st, sq_visit_case, &w);
	free(match);
	return rc;
}
