/* deadlines.c - critical deadlines and statutes of limitation of a case.
 *   GET/POST /api/v1/cases/{id}/deadlines,
 *   GET/PATCH/DELETE /api/v1/cases/{id}/deadlines/{deadline}
 * The critical-deadline types are a setup list (api/setup.c). Rules are domain/deadline.c; the
 * summary's outstanding deadlines use deadline_to_json (api/summary.c). */
#include "api/api.h"
#include "domain/deadline.h"

#include <stddef.h>

#define DF(member) offsetof(struct deadline_fields, v.member)

static const struct spec_field deadline_spec[] = {
	{"party_id", SPEC_ID, DF(party_id), 0, DEADLINE_F_PARTY, false},
	{"kind", SPEC_STRING, DF(kind), sizeof(((struct store_deadline *)0)->kind),
	 DEADLINE_F_KIND, false},
	{"deadline_type_id", SPEC_ID, DF(deadline_type_id), 0, DEADLINE_F_TYPE, false},
	{"due_date", SPEC_DATE, DF(due_date), STORE_DATE_LEN, DEADLINE_F_DUE_DATE, false},
	{"comments", SPEC_STRING, DF(comments), STORE_COMMENTS_MAX + 1, DEADLINE_F_COMMENTS,
	 false},
	{"done", SPEC_BOOL, DF(done), 0, DEADLINE_F_DONE, false},
	/* a done date given is one that is not "" (domain/deadline.c) */
	{"done_date", SPEC_DATE, DF(done_date), STORE_DATE_LEN, 0, false},
	{0},
};

json_t *deadline_to_json(const struct store_deadline *d)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:s, s:s, s:s, s:b, s:o, s:I}",
			 "id", (json_int_t)d->id, "party", api_ref(d->party_id, d->party_name),
			 "kind", d->kind,
			 "deadline_type", api_ref(d->deadline_type_id, d->type_name),
			 "label", deadline_kind_label(d), "due_date", d->due_date,
			 "comments", d->comments, "done", d->done, "done_date", api_opt(d->done_date),
			 "version", (json_int_t)d->version);
}

static int deadline_reply(struct request *r, int status, const struct store_deadline *d)
{
	api_set_etag(r, d->version);
	return reply_json(r, status, deadline_to_json(d));
}

static int deadline_append(const struct store_deadline *d, void *ctx)
{
	json_array_append_new(ctx, deadline_to_json(d));
	return 0;
}

static int deadlines_list(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	bool outstanding = false;
	if (!id || api_query_bool(r, "outstanding", &outstanding) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	json_t *items = json_array();
	if (deadline_list(db, &r->actor, id, outstanding, deadline_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

/* deadlines_save answers POST .../deadlines (create) and PATCH .../deadlines/{deadline}
 * (If-Match). */
static int deadlines_save(struct request *r, bool create)
{
	int64_t id = request_param_id(r, 0), version = 0;
	int64_t row = id && !create ? request_param_id(r, 1) : 0;
	if (!id || (!create && (!row || api_if_match(r, &version) != 0)))
		return 0;
	struct deadline_fields f = {0};
	if (api_body(r, deadline_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_deadline d;
	int rc = create ? deadline_add(db, &r->actor, id, &f, &d, &e)
			: deadline_update(db, &r->actor, id, row, version, &f, &d, &e);
	if (rc != 0)
		return api_fail(r, &e);
	return deadline_reply(r, create ? 201 : 200, &d);
}

static int deadlines_create(struct request *r)
{
	return deadlines_save(r, true);
}

static int deadlines_patch(struct request *r)
{
	return deadlines_save(r, false);
}

static int deadlines_get(struct request *r)
{
	int64_t id = request_param_id(r, 0), row = id ? request_param_id(r, 1) : 0;
	struct err e;
	struct store_conn *db = row ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct store_deadline d;
	if (deadline_get(db, &r->actor, id, row, &d, &e) != 0)
		return api_fail(r, &e);
	return deadline_reply(r, 200, &d);
}

static int deadlines_delete(struct request *r)
{
	return api_case_row_delete(r, deadline_remove);
}

const struct route api_deadline_routes[] = {
	{"GET", "/api/v1/cases/{id}/deadlines", deadlines_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/deadlines", deadlines_create, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/deadlines/{deadline}", deadlines_get, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/deadlines/{deadline}", deadlines_patch, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/deadlines/{deadline}", deadlines_delete, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
