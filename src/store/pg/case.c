/* case.c - PostgreSQL rows of case_record: a case, the names joined into every read of it, the
 * caller's scope, and the filtered, searched case list.
 *
 * Mirrors ../sqlite/case.c. Deleted cases stay in the table (their history with them) but no
 * read here returns them. Rights, validation and the timeline events of a change are in
 * domain/case.c; a case's statuses, staff and notes have their own files beside this one. */
#include "store/pg/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void pg_read_case(const PGresult *r, int row, void *out)
{
	struct store_case *k = out;
	k->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, k->number, sizeof k->number);
	pg_text(r, row, 2, k->name, sizeof k->name);
	k->case_type_id = pg_i64(r, row, 3);
	k->case_subtype_id = pg_i64(r, row, 4);
	pg_text(r, row, 5, k->state, sizeof k->state);
	k->office_id = pg_i64(r, row, 6);
	pg_text(r, row, 7, k->incident_date, sizeof k->incident_date);
	pg_text(r, row, 8, k->opened_date, sizeof k->opened_date);
	pg_text(r, row, 9, k->wanted_date, sizeof k->wanted_date);
	pg_text(r, row, 10, k->expected_resolution_date, sizeof k->expected_resolution_date);
	pg_text(r, row, 11, k->closed_date, sizeof k->closed_date);
	k->value_range_id = pg_i64(r, row, 12);
	k->has_min_settlement = pg_bool(r, row, 13);
	k->min_settlement_cents = pg_i64(r, row, 14);
	pg_text(r, row, 15, k->value_comments, sizeof k->value_comments);
	k->serious_injury = pg_bool(r, row, 16);
	k->mdl_master = pg_bool(r, row, 17);
	pg_text(r, row, 18, k->description, sizeof k->description);
	k->owner_id = pg_i64(r, row, 19);
	k->stage_status_id = pg_i64(r, row, 20);
	k->created_by = pg_i64(r, row, 21);
	k->version = pg_i64(r, row, 22);
	k->created_at = pg_i64(r, row, 23);
	k->updated_at = pg_i64(r, row, 24);
	pg_text(r, row, 25, k->case_type_name, sizeof k->case_type_name);
	pg_text(r, row, 26, k->case_group, sizeof k->case_group);
	pg_text(r, row, 27, k->case_subtype_name, sizeof k->case_subtype_name);
	pg_text(r, row, 28, k->office_name, sizeof k->office_name);
	pg_text(r, row, 29, k->owner_name, sizeof k->owner_name);
	pg_text(r, row, 30, k->stage_name, sizeof k->stage_name);
	pg_text(r, row, 31, k->value_range_name, sizeof k->value_range_name);
	pg_text(r, row, 32, k->retainer_date, sizeof k->retainer_date);
	pg_text(r, row, 33, k->referral_in_form, sizeof k->referral_in_form);
	k->referral_in_contact_id = pg_i64(r, row, 34);
	pg_text(r, row, 35, k->referral_out_form, sizeof k->referral_out_form);
	k->referral_out_contact_id = pg_i64(r, row, 36);
	pg_text(r, row, 37, k->liability_code, sizeof k->liability_code);
	k->liability_percent = pg_i64(r, row, 38);
	pg_text(r, row, 39, k->incident_facts, sizeof k->incident_facts);
	pg_text(r, row, 40, k->referral_in_contact_name, sizeof k->referral_in_contact_name);
	pg_text(r, row, 41, k->referral_out_contact_name, sizeof k->referral_out_contact_name);
}

/* pg_bind_case_fields binds the editable fields (not the stage or the closed date), $1 .. $25
 * (CASE_FIELDS in catalogue.c). */
static void pg_bind_case_fields(struct pg_params *p, const struct store_case *k)
{
	pg_p_text(p, k->number);
	pg_p_text(p, k->name);
	pg_p_i64(p, k->case_type_id);
	pg_p_i64(p, k->case_subtype_id);
	pg_p_text(p, k->state);
	pg_p_i64(p, k->office_id);
	pg_p_text(p, k->incident_date);
	pg_p_text(p, k->opened_date);
	pg_p_text(p, k->wanted_date);
	pg_p_text(p, k->expected_resolution_date);
	pg_p_i64(p, k->value_range_id);
	if (k->has_min_settlement)
		pg_p_i64(p, k->min_settlement_cents);
	else
		pg_p_text(p, NULL);
	pg_p_text(p, k->value_comments);
	pg_p_bool(p, k->serious_injury);
	pg_p_bool(p, k->mdl_master);
	pg_p_text(p, k->description);
	pg_p_i64(p, k->owner_id);
	pg_p_text(p, k->retainer_date);
	pg_p_text(p, k->referral_in_form);
	pg_p_i64(p, k->referral_in_contact_id);
	pg_p_text(p, k->referral_out_form);
	pg_p_i64(p, k->referral_out_contact_id);
	pg_p_text(p, k->liability_code);
	pg_p_opt(p, k->liability_percent);
	pg_p_text(p, k->incident_facts);
}

/* pg_bind_scope binds a caller's scope as the statement's $1-$3. */
static void pg_bind_scope(struct pg_params *p, const struct store_scope *scope)
{
	pg_p_bool(p, scope->all);
	pg_p_i64(p, scope->user_id);
	pg_p_i64(p, scope->contact_id);
}

int pg_case_insert(struct store_conn *base, struct store_case *k, int64_t now)
{
	struct pg_params p = {0};
	pg_bind_case_fields(&p, k);
	pg_p_i64(&p, k->created_by);
	pg_p_i64(&p, now);
	/* STORE_CONFLICT: ON CONFLICT DO NOTHING gave no row, the number is taken */
	int rc = pg_insert_id(pg_conn(base), PG_CASE_INSERT, &p, &k->id);
	if (rc == STORE_OK) {
		k->version = 1;
		k->created_at = now;
		k->updated_at = now;
		k->stage_status_id = 0;
		k->closed_date[0] = '\0';
	}
	return rc;
}

int pg_case_get(struct store_conn *base, const struct store_scope *scope, int64_t id,
		struct store_case *k)
{
	struct pg_params p = {0};
	pg_bind_scope(&p, scope);
	pg_p_i64(&p, id);
	return pg_one(pg_conn(base), PG_CASE_GET, &p, pg_read_case, k);
}

int pg_case_get_by_number(struct store_conn *base, const char *number, struct store_case *k)
{
	struct pg_params p = {0};
	pg_p_text(&p, number);
	return pg_one(pg_conn(base), PG_CASE_GET_BY_NUMBER, &p, pg_read_case, k);
}

int pg_case_update(struct store_conn *base, struct store_case *k, int64_t now)
{
	struct pg_params p = {0};
	pg_bind_case_fields(&p, k);
	pg_p_i64(&p, k->id);
	pg_p_i64(&p, k->version);
	pg_p_i64(&p, now);
	int rc = pg_update_versioned(pg_conn(base), PG_CASE_UPDATE, &p, &k->version, NULL, NULL);
	if (rc == STORE_OK)
		k->updated_at = now;
	return rc;
}

int pg_case_set_stage(struct store_conn *base, int64_t id, int64_t stage_status_id,
		      const char *closed_date, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, stage_status_id);
	pg_p_text(&p, closed_date ? closed_date : "");
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_CASE_SET_STAGE, &p, 1);
}

int pg_case_delete(struct store_conn *base, int64_t id, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_CASE_DELETE, &p, 1);
}

struct pg_case_walk {
	store_case_each_fn each;
	void *ctx;
};

static int pg_visit_case(const PGresult *r, int row, void *ctx)
{
	struct pg_case_walk *w = ctx;
	struct store_case k;
	memset(&k, 0, sizeof k);
	pg_read_case(r, row, &k);
	return w->each(&k, w->ctx);
}

/* pg_case_list_statement picks the variant of the list for a caller's scope and a search. */
static enum pg_id pg_case_list_statement(const struct store_case_filter *f, bool search)
{
	if (!f->scope.all)
		return search ? PG_CASE_LIST_Q_SCOPED : PG_CASE_LIST_SCOPED;
	return search ? PG_CASE_LIST_Q : PG_CASE_LIST;
}

int pg_case_list(struct store_conn *base, const struct store_case_filter *f,
		 store_case_each_fn each, void *ctx)
{
	char *tsq = pg_tsquery(f->q);
	if (!tsq) {
		snprintf(base->last_error, sizeof base->last_error, "case list: out of memory");
		return STORE_ERROR;
	}
	bool search = tsq[0] != '\0';
	struct pg_params p = {0};
	pg_p_i64(&p, f->case_type_id);
	pg_p_i64(&p, f->stage_status_id);
	pg_p_i64(&p, f->status_id);
	pg_p_i64(&p, f->office_id);
	pg_p_i64(&p, f->staff_user_id);
	pg_p_i64(&p, f->owner_id);
	pg_p_text(&p, f->opened_from);
	pg_p_text(&p, f->opened_to);
	pg_p_i64(&p, f->closed);
	pg_p_i64(&p, f->before_id > 0 ? f->before_id : 0);
	pg_p_limit(&p, f->limit);
	if (!f->scope.all) {
		pg_p_i64(&p, f->scope.user_id);
		pg_p_i64(&p, f->scope.contact_id);
	}
	if (search)
		pg_p_text(&p, tsq);
	struct pg_case_walk w = {each, ctx};
	int rc = pg_each(pg_conn(base), pg_case_list_statement(f, search), &p, pg_visit_case, &w);
	free(tsq);
	return rc;
}
