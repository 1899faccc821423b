/* cases.c - the case resource and the mass status change.
 *   GET/POST /api/v1/cases, GET/PATCH/DELETE /api/v1/cases/{id},
 *   GET /api/v1/cases/{id}/value-history,
 *   POST /api/v1/cases/mass-status/preview, POST /api/v1/cases/mass-status
 * Rules are domain/case.c and domain/case_status_mass.c; the status table of one case is
 * api/case_statuses.c. */
#include "api/api.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/case_status.h"
#include "http/body.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CF(member) offsetof(struct case_fields, member)
#define CF_SIZE(member) sizeof(((struct case_fields *)0)->member)

/* status_id comes first so that PATCH, which does not take it, can use case_spec + 1. */
static const struct spec_field case_spec[] = {
	{"status_id", SPEC_ID, CF(status_id), 0, CASE_F_STATUS, false},
	{"number", SPEC_STRING, CF(number), CF_SIZE(number), CASE_F_NUMBER, false},
	{"name", SPEC_STRING, CF(name), CF_SIZE(name), CASE_F_NAME, false},
	{"case_type_id", SPEC_ID, CF(case_type_id), 0, CASE_F_CASE_TYPE, false},
	{"case_subtype_id", SPEC_ID, CF(case_subtype_id), 0, CASE_F_CASE_SUBTYPE, false},
	{"state", SPEC_STRING, CF(state), CF_SIZE(state), CASE_F_STATE, false},
	{"office_id", SPEC_ID, CF(office_id), 0, CASE_F_OFFICE, false},
	{"incident_date", SPEC_DATE, CF(incident_date), CF_SIZE(incident_date), CASE_F_INCIDENT_DATE, false},
	{"opened_date", SPEC_DATE, CF(opened_date), CF_SIZE(opened_date), CASE_F_OPENED_DATE, false},
	{"wanted_date", SPEC_DATE, CF(wanted_date), CF_SIZE(wanted_date), CASE_F_WANTED_DATE, false},
	{"expected_resolution_date", SPEC_DATE, CF(expected_resolution_date),
	 CF_SIZE(expected_resolution_date), CASE_F_EXPECTED_RESOLUTION_DATE, false},
	{"value_range_id", SPEC_ID, CF(value_range_id), 0, CASE_F_VALUE_RANGE, false},
	{"min_settlement_cents", SPEC_CENTS, CF(min_settlement_cents), 0, CASE_F_MIN_SETTLEMENT, false},
	{"value_comments", SPEC_STRING, CF(value_comments), CF_SIZE(value_comments), CASE_F_VALUE_COMMENTS, false},
	{"serious_injury", SPEC_BOOL, CF(serious_injury), 0, CASE_F_SERIOUS_INJURY, false},
	{"mdl_master", SPEC_BOOL, CF(mdl_master), 0, CASE_F_MDL_MASTER, false},
	{"description", SPEC_STRING, CF(description), CF_SIZE(description), CASE_F_DESCRIPTION, false},
	{"owner_id", SPEC_ID, CF(owner_id), 0, CASE_F_OWNER, false},
	{"retainer_date", SPEC_DATE, CF(retainer_date), CF_SIZE(retainer_date), CASE_F_RETAINER_DATE, false},
	{"referral_in_form", SPEC_STRING, CF(referral_in_form), CF_SIZE(referral_in_form),
	 CASE_F_REFERRAL_IN_FORM, false},
	{"referral_in_contact_id", SPEC_ID, CF(referral_in_contact_id), 0, CASE_F_REFERRAL_IN_CONTACT, false},
	{"referral_out_form", SPEC_STRING, CF(referral_out_form), CF_SIZE(referral_out_form),
	 CASE_F_REFERRAL_OUT_FORM, false},
	{"referral_out_contact_id", SPEC_ID, CF(referral_out_contact_id), 0, CASE_F_REFERRAL_OUT_CONTACT, false},
	{"liability_code", SPEC_STRING, CF(liability_code), CF_SIZE(liability_code), CASE_F_LIABILITY_CODE, false},
	{"liability_percent", SPEC_INT, CF(liability_percent), 0, CASE_F_LIABILITY_PERCENT, false},
	{"incident_facts", SPEC_STRING, CF(incident_facts), CF_SIZE(incident_facts), CASE_F_INCIDENT_FACTS, false},
	{0},
};

/* case_body reads a create or edit body through spec into f. "liability_percent" is a whole
 * number or null (not set, kept as -1); a negative number is refused here, since -1 already
 * means null (the domain refuses the rest of what is outside 0..100). -1 after answering. */
static int case_body(struct request *r, const struct spec_field *spec, struct case_fields *f)
{
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	if (body_json(r, &obj, &e) == 0) {
		json_t *percent = json_object_get(obj, "liability_percent");
		if (percent && json_is_null(percent))
			json_object_set_new(obj, "liability_percent", json_integer(-1));
		else if (percent && json_is_integer(percent) && json_integer_value(percent) < 0)
			err_set(&e, ERR_UNPROCESSABLE, "liability_percent", "must be from 0 to 100, or null");
		if (!e.code && spec_parse(obj, spec, f, &f->present, &e) == 0)
			return 0;
	}
	reply_problem(r, &e);
	return -1;
}

/* case_to_json is the Case resource (api.h). */
json_t *case_to_json(const struct store_case *k)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(k->id));
	json_object_set_new(o, "number", api_opt(k->number));
	json_object_set_new(o, "name", json_string(k->name));
	json_object_set_new(o, "case_type", json_pack("{s:I, s:s, s:s}", "id", (json_int_t)k->case_type_id,
						      "name", k->case_type_name, "group", k->case_group));
	json_object_set_new(o, "case_subtype", api_ref(k->case_subtype_id, k->case_subtype_name));
	json_object_set_new(o, "state", api_opt(k->state));
	json_object_set_new(o, "office", api_ref(k->office_id, k->office_name));
	json_object_set_new(o, "incident_date", api_opt(k->incident_date));
	json_object_set_new(o, "opened_date", api_opt(k->opened_date));
	json_object_set_new(o, "wanted_date", api_opt(k->wanted_date));
	json_object_set_new(o, "expected_resolution_date", api_opt(k->expected_resolution_date));
	json_object_set_new(o, "closed_date", api_opt(k->closed_date));
	json_object_set_new(o, "closed", json_boolean(k->closed_date[0] != '\0'));
	json_object_set_new(o, "value_range", api_ref(k->value_range_id, k->value_range_name));
	json_object_set_new(o, "min_settlement_cents",
			    k->has_min_settlement ? json_integer(k->min_settlement_cents) : json_null());
	json_object_set_new(o, "value_comments", json_string(k->value_comments));
	json_object_set_new(o, "serious_injury", json_boolean(k->serious_injury));
	json_object_set_new(o, "mdl_master", json_boolean(k->mdl_master));
	json_object_set_new(o, "description", json_string(k->description));
	json_object_set_new(o, "owner", api_ref(k->owner_id, k->owner_name));
	json_object_set_new(o, "retainer_date", api_opt(k->retainer_date));
	json_object_set_new(o, "referral_in_form", json_string(k->referral_in_form));
	json_object_set_new(o, "referral_in_contact",
			    api_ref(k->referral_in_contact_id, k->referral_in_contact_name));
	json_object_set_new(o, "referral_out_form", json_string(k->referral_out_form));
	json_object_set_new(o, "referral_out_contact",
			    api_ref(k->referral_out_contact_id, k->referral_out_contact_name));
	json_object_set_new(o, "liability_code", json_string(k->liability_code));
	json_object_set_new(o, "liability_percent",
			    k->liability_percent >= 0 ? json_integer(k->liability_percent) : json_null());
	json_object_set_new(o, "incident_facts", json_string(k->incident_facts));
	json_object_set_new(o, "stage", api_ref(k->stage_status_id, k->stage_name));
	json_object_set_new(o, "created_by", json_integer(k->created_by));
	json_object_set_new(o, "version", json_integer(k->version));
	json_object_set_new(o, "created_at", api_time(k->created_at));
	json_object_set_new(o, "updated_at", api_time(k->updated_at));
	return o;
}

static int case_reply(struct request *r, int status, const struct store_case *k)
{
	api_set_etag(r, k->version);
	return reply_json(r, status, case_to_json(k));
}

/* ---- the list filters (query string, or the "filter" member of a mass change) ----------- */

enum case_filter_kind { CASE_FILTER_ID, CASE_FILTER_DATE, CASE_FILTER_BOOL, CASE_FILTER_TEXT };

#define FF(member) offsetof(struct store_case_filter, member)

static const struct {
	const char *name;
	enum case_filter_kind kind;
	size_t offset;
} case_filters[] = {
	{"case_type_id", CASE_FILTER_ID, FF(case_type_id)},
	{"stage_id", CASE_FILTER_ID, FF(stage_status_id)},
	{"status_id", CASE_FILTER_ID, FF(status_id)},
	{"office_id", CASE_FILTER_ID, FF(office_id)},
	{"staff_id", CASE_FILTER_ID, FF(staff_user_id)},
	{"owner_id", CASE_FILTER_ID, FF(owner_id)},
	{"opened_from", CASE_FILTER_DATE, FF(opened_from)},
	{"opened_to", CASE_FILTER_DATE, FF(opened_to)},
	{"closed", CASE_FILTER_BOOL, FF(closed)},
	{"q", CASE_FILTER_TEXT, FF(q)},
};
#define CASE_FILTER_COUNT (sizeof case_filters / sizeof case_filters[0])

static void case_filter_init(struct store_case_filter *f)
{
	memset(f, 0, sizeof *f);
	f->closed = -1;
}

/* case_filter_set stores the text value v of filter i into f; false when v is not of its kind. */
static bool case_filter_set(struct store_case_filter *f, size_t i, const char *v)
{
	char *dst = (char *)f + case_filters[i].offset;
	switch (case_filters[i].kind) {
	case CASE_FILTER_ID: {
		char *end = NULL;
		long long id = strtoll(v, &end, 10);
		if (!*v || *end || id <= 0)
			return false;
		*(int64_t *)(void *)dst = id;
		return true;
	}
	case CASE_FILTER_DATE:
		if (*v && !date_valid(v))
			return false;
		snprintf(dst, STORE_DATE_LEN, "%s", v);
		return true;
	case CASE_FILTER_BOOL:
		if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
			return false;
		*(int *)(void *)dst = strcmp(v, "true") == 0;
		return true;
	case CASE_FILTER_TEXT:
		if (strlen(v) > STORE_NAME_MAX)
			return false;
		snprintf(dst, STORE_NAME_MAX + 1, "%s", v);
		return true;
	}
	return false;
}

static const char *case_filter_expect(size_t i)
{
	switch (case_filters[i].kind) {
	case CASE_FILTER_ID: return "must be a positive integer id";
	case CASE_FILTER_DATE: return "must be a date YYYY-MM-DD";
	case CASE_FILTER_BOOL: return "must be true or false";
	case CASE_FILTER_TEXT: return "must be text of at most 200 bytes";
	}
	return "is not valid";
}

/* case_filter_query reads the filters from the query string; -1 after answering 400. */
static int case_filter_query(struct request *r, struct store_case_filter *f)
{
	for (size_t i = 0; i < CASE_FILTER_COUNT; i++) {
		const char *v = request_query(r, case_filters[i].name);
		if (v && !case_filter_set(f, i, v)) {
			char field[64];
			snprintf(field, sizeof field, "query.%s", case_filters[i].name);
			reply_error(r, ERR_INVALID, field, case_filter_expect(i));
			return -1;
		}
	}
	return 0;
}

/* case_filter_json reads the filters from a JSON object (members named as the query
 * parameters, with JSON types); fills e naming "filter.<member>" on a bad one. */
static int case_filter_json(const json_t *obj, struct store_case_filter *f, struct err *e)
{
	if (!json_is_object(obj))
		return err_set(e, ERR_INVALID, "filter", "must be an object of list filters");
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)obj, key, v) {
		char field[64], text[STORE_NAME_MAX + 2];
		snprintf(field, sizeof field, "filter.%s", key);
		size_t i = 0;
		while (i < CASE_FILTER_COUNT && strcmp(case_filters[i].name, key) != 0)
			i++;
		if (i == CASE_FILTER_COUNT)
			return err_set(e, ERR_INVALID, field, "is not a known filter");
		if (json_is_null(v))
			continue;
		if (json_is_integer(v) && case_filters[i].kind == CASE_FILTER_ID)
			snprintf(text, sizeof text, "%lld", (long long)json_integer_value(v));
		else if (json_is_boolean(v) && case_filters[i].kind == CASE_FILTER_BOOL)
			snprintf(text, sizeof text, "%s", json_is_true(v) ? "true" : "false");
		else if (json_is_string(v) && (case_filters[i].kind == CASE_FILTER_DATE ||
					       case_filters[i].kind == CASE_FILTER_TEXT))
			snprintf(text, sizeof text, "%s", json_string_value(v));
		else
			return err_set(e, ERR_INVALID, field, "%s", case_filter_expect(i));
		if (!case_filter_set(f, i, text))
			return err_set(e, ERR_INVALID, field, "%s", case_filter_expect(i));
	}
	return 0;
}

/* ---- handlers --------------------------------------------------------------------------- */

struct case_page {
	json_t *items;
	int64_t last_id;
};

static int case_append(const struct store_case *k, void *ctx)
{
	struct case_page *p = ctx;
	json_array_append_new(p->items, case_to_json(k));
	p->last_id = k->id;
	return 0;
}

static int cases_list(struct request *r)
{
	struct store_case_filter f;
	case_filter_init(&f);
	if (api_list_params(r, &f.limit, &f.before_id) != 0 || case_filter_query(r, &f) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct case_page page = {.items = json_array()};
	if (case_list(db, &r->actor, &f, case_append, &page, &e) != 0) {
		json_decref(page.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(page.items, f.limit, page.last_id));
}

static int cases_create(struct request *r)
{
	struct case_fields f = {0};
	f.min_settlement_cents = -1;
	f.liability_percent = -1;
	if (case_body(r, case_spec, &f) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case k;
	if (case_create(db, &r->actor, &f, &k, &e) != 0)
		return api_fail(r, &e);
	return case_reply(r, 201, &k);
}

static int cases_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct store_case k;
	if (case_load(db, &r->actor, id, &k, &e) != 0)
		return api_fail(r, &e);
	return case_reply(r, 200, &k);
}

static int cases_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), version;
	if (!id || api_if_match(r, &version) != 0)
		return 0;
	struct case_fields f = {0};
	f.min_settlement_cents = -1;
	f.liability_percent = -1;
	if (case_body(r, case_spec + 1, &f) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case k;
	if (case_update(db, &r->actor, id, version, &f, &k, &e) != 0)
		return api_fail(r, &e);
	return case_reply(r, 200, &k);
}

static int cases_delete(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	if (case_delete(db, &r->actor, id, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

/* value_change_to_json is a row of the value history (api.h). */
json_t *value_change_to_json(const struct store_value_change *v)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:s}",
		"id", (json_int_t)v->id, "value_range", api_ref(v->value_range_id, v->value_name),
		"from_date", v->from_date, "to_date", api_opt(v->to_date),
		"staff", api_ref(v->user_id, v->user_name), "comments", v->comments);
}

static int value_change_append(const struct store_value_change *v, void *ctx)
{
	json_array_append_new(ctx, value_change_to_json(v));
	return 0;
}

static int cases_value_history(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	json_t *items = json_array();
	if (case_value_history(db, &r->actor, id, value_change_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

/* ---- mass status change ----------------------------------------------------------------- */

/* cases_mass_body splits the body into the target (case_ids or filter) and the change. ids
 * has room for CASE_STATUS_MASS_MAX. */
static int cases_mass_body(struct request *r, struct case_mass_target *t, int64_t *ids,
			   struct store_case_filter *filter, struct case_status_fields *f,
			   struct err *e)
{
	json_t *obj = NULL;
	int rc = body_json(r, &obj, e);
	if (rc != 0)
		return rc;
	json_t *jids = json_object_get(obj, "case_ids"), *jfilter = json_object_get(obj, "filter");
	if (!jids == !jfilter)
		return err_set(e, ERR_UNPROCESSABLE, "case_ids", "give either case_ids or filter");
	memset(t, 0, sizeof *t);
	if (jids) {
		if (!json_is_array(jids))
			return err_set(e, ERR_INVALID, "case_ids", "must be an array of case ids");
		if (json_array_size(jids) > CASE_STATUS_MASS_MAX)
			return err_set(e, ERR_UNPROCESSABLE, "case_ids", "at most %d cases at once",
				       CASE_STATUS_MASS_MAX);
		size_t i;
		json_t *v;
		json_array_foreach(jids, i, v) {
			if (!json_is_integer(v) || json_integer_value(v) <= 0)
				return err_set(e, ERR_INVALID, "case_ids", "must be an array of case ids");
			ids[i] = (int64_t)json_integer_value(v);
		}
		t->ids = ids;
		t->n = (int)json_array_size(jids);
	} else {
		case_filter_init(filter);
		rc = case_filter_json(jfilter, filter, e);
		if (rc != 0)
			return rc;
		t->filter = filter;
	}
	json_t *rest = json_copy(obj);
	json_object_del(rest, "case_ids");
	json_object_del(rest, "filter");
	rc = spec_parse(rest, api_case_status_spec, f, &f->present, e);
	json_decref(rest);
	return rc;
}

static int mass_item_append(const struct case_mass_item *it, void *ctx)
{
	json_array_append_new(ctx, json_pack("{s:I, s:o, s:s, s:o, s:s, s:b, s:o}",
		"case_id", (json_int_t)it->case_id, "number", api_opt(it->number), "name", it->name,
		"from", it->has_from ? json_string(it->from) : json_null(), "to", it->to,
		"ok", it->ok, "problem", it->ok ? json_null() : json_string(it->problem)));
	return 0;
}

static int cases_mass(struct request *r, bool apply)
{
	struct case_mass_target t;
	struct store_case_filter filter;
	struct case_status_fields f = {0};
	int64_t *ids = malloc(sizeof *ids * CASE_STATUS_MASS_MAX);
	struct err e;
	err_clear(&e);
	if (!ids)
		return reply_error(r, ERR_INTERNAL, NULL, "out of memory");
	if (cases_mass_body(r, &t, ids, &filter, &f, &e) != 0) {
		free(ids);
		return api_fail(r, &e);
	}
	struct store_conn *db = api_db(r);
	if (!db) {
		free(ids);
		return 0;
	}
	json_t *items = json_array();
	int count = 0, changed = 0;
	int rc = case_status_mass(db, &r->actor, &t, &f, apply, mass_item_append, items, &count,
				  &changed, &e);
	free(ids);
	if (rc != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, json_pack("{s:o, s:i, s:i}", "items", items, "count", count,
					    "changed", changed));
}

static int cases_mass_preview(struct request *r)
{
	return cases_mass(r, false);
}

static int cases_mass_apply(struct request *r)
{
	return cases_mass(r, true);
}

const struct route api_case_routes[] = {
	{"GET", "/api/v1/cases", cases_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases", cases_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"POST", "/api/v1/cases/mass-status/preview", cases_mass_preview, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"POST", "/api/v1/cases/mass-status", cases_mass_apply, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}", cases_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}", cases_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}", cases_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"GET", "/api/v1/cases/{id}/value-history", cases_value_history, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
