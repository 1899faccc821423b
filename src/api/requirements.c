/* requirements.c - a pending case's requirements.
 *   GET/POST /api/v1/cases/{id}/requirements (?outstanding=true: only the outstanding ones),
 *   GET/PATCH/DELETE /api/v1/cases/{id}/requirements/{row}
 * Rules are domain/requirement.c; the steps around them are api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/requirement.h"

#include <stddef.h>

#define RF(member) offsetof(struct requirement_fields, v.member)

static const struct spec_field requirement_spec[] = {
	{"name", SPEC_STRING, RF(name), STORE_NAME_MAX + 1, REQUIREMENT_F_NAME, false},
	{"status", SPEC_STRING, RF(status), sizeof(((struct store_requirement *)0)->status),
	 REQUIREMENT_F_STATUS, false},
	{"key", SPEC_BOOL, RF(key), 0, REQUIREMENT_F_KEY, false},
	{"pos", SPEC_BOOL, RF(pos), 0, REQUIREMENT_F_POS, false},
	{"position", SPEC_INT, RF(position), 0, REQUIREMENT_F_POSITION, false},
	{"requested_date", SPEC_DATE, RF(requested_date), STORE_DATE_LEN, REQUIREMENT_F_REQUESTED,
	 false},
	{"received_date", SPEC_DATE, RF(received_date), STORE_DATE_LEN, REQUIREMENT_F_RECEIVED,
	 false},
	{"comments", SPEC_STRING, RF(comments), STORE_COMMENTS_MAX + 1, REQUIREMENT_F_COMMENTS,
	 false},
	{0},
};

/* requirement_to_json is the Requirement resource. */
static json_t *requirement_to_json(const struct store_requirement *q)
{
	return json_pack("{s:I, s:s, s:s, s:b, s:b, s:I, s:o, s:o, s:s, s:I, s:o, s:o}",
			 "id", (json_int_t)q->id, "name", q->name, "status", q->status,
			 "key", q->key, "pos", q->pos, "position", (json_int_t)q->position,
			 "requested_date", api_opt(q->requested_date),
			 "received_date", api_opt(q->received_date), "comments", q->comments,
			 "version", (json_int_t)q->version, "created_at", api_time(q->created_at),
			 "updated_at", api_time(q->updated_at));
}

static int requirement_append(const struct store_requirement *q, void *ctx)
{
	json_array_append_new(ctx, requirement_to_json(q));
	return 0;
}

/* requirement_call makes the domain call of one step of the routes (api/case_rows.c). */
static int requirement_call(struct store_conn *c, const struct actor *a,
			    struct case_rows_call *k, struct err *e)
{
	struct store_requirement q;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return requirement_list(c, a, k->case_id, k->only, requirement_append, k->items, e);
	case CASE_ROWS_GET:
		rc = requirement_get(c, a, k->case_id, k->id, &q, e);
		break;
	case CASE_ROWS_ADD:
		rc = requirement_add(c, a, k->case_id, k->fields, &q, e);
		break;
	default:
		rc = requirement_update(c, a, k->case_id, k->id, k->version, k->fields, &q, e);
		break;
	}
	if (rc == 0) {
		k->row = requirement_to_json(&q);
		k->row_version = q.version;
	}
	return rc;
}

static const struct case_rows requirement_rows = {
	.spec = requirement_spec, .fields_size = sizeof(struct requirement_fields),
	.call = requirement_call, .remove = requirement_remove, .filter = "outstanding",
};

static int requirements_handle(struct request *r)
{
	return case_rows_handle(r, &requirement_rows);
}

const struct route api_requirement_routes[] = {
	{"GET", "/api/v1/cases/{id}/requirements", requirements_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/requirements", requirements_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/requirements/{row}", requirements_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/requirements/{row}", requirements_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/requirements/{row}", requirements_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
