/* related.c - a case's related cases, parties and other cases.
 *   GET/POST /api/v1/cases/{id}/related, DELETE /api/v1/cases/{id}/related/{other},
 *   GET/POST /api/v1/cases/{id}/parties, DELETE /api/v1/cases/{id}/parties/{party},
 *   GET /api/v1/cases/{id}/other-cases
 * Rules are domain/related.c. */
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

struct party_body {
	int64_t contact_id;
	char kind[16];
};

static const struct spec_field party_spec[] = {
	{"contact_id", SPEC_ID, offsetof(struct party_body, contact_id), 0, 1, true},
	{"kind", SPEC_STRING, offsetof(struct party_body, kind), sizeof(((struct party_body *)0)->kind), 2, true},
	{0},
};

/* brief_to_json is the Case brief resource (related and other cases). */
static json_t *brief_to_json(const struct store_case_brief *b)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)b->id,
			 "number", api_opt(b->number), "name", b->name,
			 "stage", api_opt(b->stage_name), "attorney", api_opt(b->attorney),
			 "paralegal", api_opt(b->paralegal),
			 "case_manager", api_opt(b->case_manager));
}

/* party_to_json is the Party resource. */
static json_t *party_to_json(const struct store_party *p)
{
	return json_pack("{s:I, s:o, s:s}", "id", (json_int_t)p->id,
			 "contact", api_ref(p->contact_id, p->contact_name), "kind", p->kind);
}

static int brief_append(const struct store_case_brief *b, void *ctx)
{
	json_array_append_new(ctx, brief_to_json(b));
	return 0;
}

static int party_append(const struct store_party *p, void *ctx)
{
	json_array_append_new(ctx, party_to_json(p));
	return 0;
}

/* The three lists take the same steps around a different domain walk. */
enum related_kind { RELATED_LINKED, RELATED_OTHER, RELATED_PARTIES };

static int related_list_reply(struct request *r, enum related_kind kind)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	json_t *items = json_array();
	int rc;
	if (kind == RELATED_LINKED)
		rc = related_list(db, &r->actor, id, brief_append, items, &e);
	else if (kind == RELATED_OTHER)
		rc = related_other_cases(db, &r->actor, id, brief_append, items, &e);
	else
		rc = related_parties(db, &r->actor, id, party_append, items, &e);
	if (rc != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int related_get(struct request *r)
{
	return related_list_reply(r, RELATED_LINKED);
}

static int other_cases_get(struct request *r)
{
	return related_list_reply(r, RELATED_OTHER);
}

static int parties_get(struct request *r)
{
	return related_list_reply(r, RELATED_PARTIES);
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

static int parties_post(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct party_body b = {0};
	uint32_t present = 0;
	if (api_body(r, party_spec, &b, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_party p;
	if (related_party_add(db, &r->actor, id, b.contact_id, b.kind, &p, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 201, party_to_json(&p));
}

static int related_delete(struct request *r)
{
	return api_case_row_delete(r, related_remove);
}

static int parties_delete(struct request *r)
{
	return api_case_row_delete(r, related_party_remove);
}

const struct route api_related_routes[] = {
	{"GET", "/api/v1/cases/{id}/related", related_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/related", related_post, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/related/{other}", related_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"GET", "/api/v1/cases/{id}/parties", parties_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/parties", parties_post, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/parties/{party}", parties_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"GET", "/api/v1/cases/{id}/other-cases", other_cases_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
