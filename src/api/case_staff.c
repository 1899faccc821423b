/* case_staff.c - who works on a case.
 *   GET/POST /api/v1/cases/{id}/staff, GET /api/v1/cases/{id}/staff/history,
 *   PATCH/DELETE /api/v1/cases/{id}/staff/{row}
 * Rules are domain/case_staff.c. */
#include "api/api.h"
#include "domain/case_staff.h"

#include <stddef.h>

#define SF(member) offsetof(struct case_staff_fields, member)

static const struct spec_field staff_spec[] = {
	{"user_id", SPEC_ID, SF(user_id), 0, CASE_STAFF_F_USER, false},
	{"contact_id", SPEC_ID, SF(contact_id), 0, CASE_STAFF_F_CONTACT, false},
	{"role_id", SPEC_ID, SF(role_id), 0, CASE_STAFF_F_ROLE, false},
	{"comments", SPEC_STRING, SF(comments), STORE_COMMENTS_MAX + 1, CASE_STAFF_F_COMMENTS, false},
	{"date", SPEC_DATE, SF(date), STORE_DATE_LEN, CASE_STAFF_F_DATE, false},
	{0},
};

/* staff_to_json is the Staff row resource (api.h). */
json_t *staff_to_json(const struct store_case_staff *s)
{
	return json_pack("{s:I, s:o, s:o, s:s, s:{s:I, s:s, s:s}, s:s, s:s, s:o, s:b, s:I}",
			 "id", (json_int_t)s->id,
			 "user", api_ref(s->user_id, s->person_name),
			 "contact", api_ref(s->contact_id, s->person_name),
			 "name", s->person_name,
			 "role", "id", (json_int_t)s->role_id, "name", s->role_name,
			 "category", s->role_category,
			 "comments", s->comments, "from_date", s->from_date,
			 "to_date", api_opt(s->to_date), "current", s->current,
			 "version", (json_int_t)s->version);
}

static int staff_reply(struct request *r, int status, const struct store_case_staff *s)
{
	api_set_etag(r, s->version);
	return reply_json(r, status, staff_to_json(s));
}

static int staff_append(const struct store_case_staff *s, void *ctx)
{
	json_array_append_new(ctx, staff_to_json(s));
	return 0;
}

static int staff_list_reply(struct request *r, bool history)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	json_t *items = json_array();
	if (case_staff_list(db, &r->actor, id, history, staff_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int staff_list(struct request *r)
{
	return staff_list_reply(r, false);
}

static int staff_history(struct request *r)
{
	return staff_list_reply(r, true);
}

static int staff_create(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct case_staff_fields f = {0};
	if (api_body(r, staff_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case_staff s;
	if (case_staff_add(db, &r->actor, id, &f, &s, &e) != 0)
		return api_fail(r, &e);
	return staff_reply(r, 201, &s);
}

static int staff_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), row = id ? request_param_id(r, 1) : 0, version;
	if (!row || api_if_match(r, &version) != 0)
		return 0;
	struct case_staff_fields f = {0};
	if (api_body(r, staff_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case_staff s;
	if (case_staff_update(db, &r->actor, id, row, version, &f, &s, &e) != 0)
		return api_fail(r, &e);
	return staff_reply(r, 200, &s);
}

static int staff_delete(struct request *r)
{
	return api_case_row_delete(r, case_staff_remove);
}

/* /staff/history comes before /staff/{row}: the first matching route wins. */
const struct route api_case_staff_routes[] = {
	{"GET", "/api/v1/cases/{id}/staff", staff_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/staff", staff_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/staff/history", staff_history, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/staff/{row}", staff_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/staff/{row}", staff_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
