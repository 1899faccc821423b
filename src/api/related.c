/* related.c - a case's related cases and other cases.
 *   GET/POST /api/v1/cases/{id}/related, DELETE /api/v1/cases/{id}/related/{other},
 *   GET /api/v1/cases/{id}/other-cases
 * Rules are domain/related.c. The parties are api/parties.c. */
#include "api/api.h"
#include "domain/related.h"

#include <stddef.h>

struct related_body {
	int64_t case_id;
};

static const struct spec_field related_spec[] = {
	{"case_id", SPEC_ID, offsetof(struct related_body, case_id), 0, 1, true},
	{0},
};

/* brief_to_json is the Case brief resource (related and other cases; api.h). */
json_t *brief_to_json(const struct store_case_brief *b)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)b->id,
			 "number", api_opt(b->number), "name", b->name,
			 "stage", api_opt(b->stage_name), "attorney", api_opt(b->attorney),
			 "paralegal", api_opt(b->paralegal),
			 "case_manager", api_opt(b->case_manager));
}

static int brief_append(const struct store_case_brief *b, void *ctx)
{
	json_array_append_new(ctx, brief_to_json(b));
	return 0;
}

/* The two lists take the same steps around a different domain walk (other = the other
 * cases). */
static int related_list_reply(struct request *r, bool other)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	json_t *items = json_array();
	int rc = other ? related_other_cases(db, &r->actor, id, brief_append, items, &e)
		       : related_list(db, &r->actor, id, brief_append, items, &e);
	if (rc != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int related_get(struct request *r)
{
	return related_list_reply(r, false);
}

static int other_cases_get(struct request *r)
{
	return related_list_reply(r, true);
}

static int related_post(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct related_body b = {0};
	uint32_t present = 0;
	if (api_body(r, related_spec, &b, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_case_brief brief;
	if (related_add(db, &r->actor, id, b.case_id, &brief, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 201, brief_to_json(&brief));
}

static int related_delete(struct request *r)
{
	return api_case_row_delete(r, related_remove);
}

const struct route api_related_routes[] = {
	{"GET", "/api/v1/cases/{id}/related", related_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/related", related_post, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/related/{other}", related_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"GET", "/api/v1/cases/{id}/other-cases", other_cases_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
