/* advisors.c - advisors and their logs.
 *   GET /api/v1/advisors?q=&limit=&cursor=, GET /api/v1/contacts/{id}/advisor-log?limit=&cursor=
 * Rules are domain/advisor.c; the contacts themselves are api/contacts.c. */
#include "api/api.h"
#include "domain/advisor.h"

#include <stdio.h>

struct advisor_page {
	json_t *items;
	int64_t last_id;
};

static json_t *advisor_to_json(const struct store_advisor *v)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:I}", "id", (json_int_t)v->contact_id,
			 "name", v->display_name, "first_name", v->first_name,
			 "last_name", v->last_name, "email", v->email,
			 "preferred_comm", v->preferred_comm, "cases", (json_int_t)v->cases);
}

static int advisor_append(const struct store_advisor *v, void *ctx)
{
	struct advisor_page *p = ctx;
	json_array_append_new(p->items, advisor_to_json(v));
	p->last_id = v->contact_id;
	return 0;
}

static int advisors_list(struct request *r)
{
	int limit;
	int64_t after;
	if (api_list_params(r, &limit, &after) != 0)
		return 0;
	const char *q = request_query(r, "q");
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct advisor_page p = {json_array(), 0};
	if (advisor_list(db, &r->actor, q ? q : "", after, limit, advisor_append, &p, &e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

/* advisor_log_case is the case of a log entry as a brief (number and name only), or null. */
static json_t *advisor_log_case(const struct store_advisor_log *l)
{
	if (!l->case_id)
		return json_null();
	struct store_case_brief b = {.id = l->case_id};
	snprintf(b.number, sizeof b.number, "%s", l->case_number);
	snprintf(b.name, sizeof b.name, "%s", l->case_name);
	return brief_to_json(&b);
}

/* advisor_log_to_json is one entry of an advisor's log. */
static json_t *advisor_log_to_json(const struct store_advisor_log *l)
{
	return json_pack("{s:I, s:o, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)l->id,
			 "at", api_time(l->at), "method", l->method, "subject", l->subject,
			 "body", l->body, "case", advisor_log_case(l),
			 "send_id", l->send_id ? json_integer(l->send_id) : json_null());
}

static int advisor_log_append(const struct store_advisor_log *l, void *ctx)
{
	struct advisor_page *p = ctx;
	json_array_append_new(p->items, advisor_log_to_json(l));
	p->last_id = l->id;
	return 0;
}

static int advisor_log_handler(struct request *r)
{
	int64_t id = request_param_id(r, 0), before;
	int limit;
	if (!id || api_list_params(r, &limit, &before) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct advisor_page p = {json_array(), 0};
	if (advisor_log_list(db, &r->actor, id, before, limit, advisor_log_append, &p, &e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

const struct route api_advisor_routes[] = {
	{"GET", "/api/v1/advisors", advisors_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"GET", "/api/v1/contacts/{id}/advisor-log", advisor_log_handler, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{0},
};
