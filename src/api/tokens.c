/* tokens.c - the caller's API tokens for integrations.
 *   POST /api/v1/tokens, GET /api/v1/tokens, DELETE /api/v1/tokens/{id}
 * Secrets are made and checked in domain/session.c. */
#include "api/api.h"
#include "domain/session.h"

#include <stddef.h>
#include <sodium.h>

struct token_body {
	char name[STORE_NAME_MAX + 1];
};

static const struct spec_field token_spec[] = {
	{"name", SPEC_STRING, offsetof(struct token_body, name), STORE_NAME_MAX + 1, 1, true},
	{0},
};

static json_t *token_to_json(const struct store_token *t)
{
	return json_pack("{s:I, s:s, s:o, s:o}", "id", (json_int_t)t->id, "name", t->name,
			 "created_at", api_time(t->created_at), "last_used_at", api_time(t->last_used_at));
}

static int token_post(struct request *r)
{
	struct token_body b = {0};
	uint32_t present = 0;
	if (api_body(r, token_spec, &b, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_token t;
	char secret[64];
	if (token_create(db, &r->actor, b.name, &t, secret, &e) != 0)
		return api_fail(r, &e);
	json_t *j = token_to_json(&t);
	json_object_set_new(j, "token", json_string(secret));
	sodium_memzero(secret, sizeof secret);
	return reply_json(r, 201, j);
}

static int token_append(const struct store_token *t, void *ctx)
{
	json_array_append_new(ctx, token_to_json(t));
	return 0;
}

static int token_get_list(struct request *r)
{
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	json_t *items = json_array();
	if (token_list(db, &r->actor, token_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int token_remove(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	if (token_delete(db, &r->actor, id, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

const struct route api_token_routes[] = {
	{"POST", "/api/v1/tokens", token_post, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/tokens", token_get_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"DELETE", "/api/v1/tokens/{id}", token_remove, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
