/* case_statuses.c - the status table of a case.
 *   GET/POST /api/v1/cases/{id}/statuses, GET /api/v1/cases/{id}/statuses/history,
 *   PATCH/DELETE /api/v1/cases/{id}/statuses/{row}
 * Rules are domain/case_status.c; the mass status change is in api/cases.c. */
#include "api/api.h"
#include "core/date.h"
#include "domain/case_status.h"

#include <stddef.h>

#define SF(member) offsetof(struct case_status_fields, member)

/* status_type_id comes first so that PATCH, which does not take it, can use the table + 1. */
const struct spec_field api_case_status_spec[] = {
	{"status_type_id", SPEC_ID, SF(status_type_id), 0, CASE_STATUS_F_TYPE, false},
	{"status_id", SPEC_ID, SF(status_id), 0, CASE_STATUS_F_STATUS, false},
	{"expected_days", SPEC_INT, SF(expected_days), 0, CASE_STATUS_F_EXPECTED_DAYS, false},
	{"date", SPEC_DATE, SF(date), STORE_DATE_LEN, CASE_STATUS_F_DATE, false},
	{"comments", SPEC_STRING, SF(comments), STORE_COMMENTS_MAX + 1, CASE_STATUS_F_COMMENTS, false},
	{"close_reason_id", SPEC_ID, SF(close_reason_id), 0, CASE_STATUS_F_CLOSE_REASON, false},
	{0},
};

/* case_status_to_json is the status row; days and overdue are counted to today (api.h). */
json_t *case_status_to_json(const struct store_case_status *s, const char *today)
{
	int64_t days;
	bool overdue;
	case_status_days(s, today, &days, &overdue);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(s->id));
	json_object_set_new(o, "status_type", json_pack("{s:I, s:s, s:b}", "id",
		(json_int_t)s->status_type_id, "name", s->status_type_name, "stage", s->stage));
	json_object_set_new(o, "status", json_pack("{s:I, s:s, s:b}", "id", (json_int_t)s->status_id,
		"name", s->status_name, "closing", s->closing));
	json_object_set_new(o, "expected_days", json_integer(s->expected_days));
	json_object_set_new(o, "from_date", json_string(s->from_date));
	json_object_set_new(o, "to_date", api_opt(s->to_date));
	json_object_set_new(o, "current", json_boolean(s->current));
	json_object_set_new(o, "days", json_integer(days));
	json_object_set_new(o, "overdue", json_boolean(overdue));
	json_object_set_new(o, "staff", api_ref(s->user_id, s->user_name));
	json_object_set_new(o, "comments", json_string(s->comments));
	json_object_set_new(o, "close_reason", api_ref(s->close_reason_id, s->close_reason_name));
	json_object_set_new(o, "version", json_integer(s->version));
	return o;
}

static int case_status_reply(struct request *r, int status, const struct store_case_status *s)
{
	char today[DATE_LEN];
	date_today(today);
	api_set_etag(r, s->version);
	return reply_json(r, status, case_status_to_json(s, today));
}

struct case_status_rows {
	json_t *items;
	char today[DATE_LEN];
};

static int case_status_append(const struct store_case_status *s, void *ctx)
{
	struct case_status_rows *rows = ctx;
	json_array_append_new(rows->items, case_status_to_json(s, rows->today));
	return 0;
}

/* case_statuses_walk answers a whole list of the case's rows read by fn. */
static int case_statuses_walk(struct request *r,
			      int (*fn)(struct store_conn *, const struct actor *, int64_t,
					store_case_status_each_fn, void *, struct err *))
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct case_status_rows rows = {.items = json_array()};
	date_today(rows.today);
	if (fn(db, &r->actor, id, case_status_append, &rows, &e) != 0) {
		json_decref(rows.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(rows.items));
}

static int case_statuses_list(struct request *r)
{
	return case_statuses_walk(r, case_status_list);
}

static int case_statuses_history(struct request *r)
{
	return case_statuses_walk(r, case_status_history);
}

static int case_statuses_create(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct case_status_fields f = {0};
	if (api_body(r, api_case_status_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case_status s;
	if (case_status_set(db, &r->actor, id, &f, &s, &e) != 0)
		return api_fail(r, &e);
	return case_status_reply(r, 201, &s);
}

static int case_statuses_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), row = id ? request_param_id(r, 1) : 0, version;
	if (!row || api_if_match(r, &version) != 0)
		return 0;
	struct case_status_fields f = {0};
	if (api_body(r, api_case_status_spec + 1, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case_status s;
	if (case_status_edit(db, &r->actor, id, row, version, &f, &s, &e) != 0)
		return api_fail(r, &e);
	return case_status_reply(r, 200, &s);
}

static int case_statuses_delete(struct request *r)
{
	return api_case_row_delete(r, case_status_remove);
}

const struct route api_case_status_routes[] = {
	{"GET", "/api/v1/cases/{id}/statuses", case_statuses_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/statuses", case_statuses_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/statuses/history", case_statuses_history, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/statuses/{row}", case_statuses_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/statuses/{row}", case_statuses_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
