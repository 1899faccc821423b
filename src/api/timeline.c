/* timeline.c - a case's audit trail, read only.
 *   GET /api/v1/cases/{id}/timeline?limit=&cursor=
 * Events are written by the domain functions of each change (domain/timeline.c); there is no
 * way to write, change or delete one here (other methods are 405). The chain check is
 * `caseload audit verify` (cli/audit.c). */
#include "api/api.h"
#include "domain/timeline.h"

struct timeline_page {
	json_t *items;
	int64_t last_seq;
};

static int timeline_append_json(const struct store_event *ev, void *ctx)
{
	struct timeline_page *p = ctx;
	json_array_append_new(p->items, json_pack("{s:I, s:I, s:o, s:s, s:o, s:s}",
		"id", (json_int_t)ev->id, "seq", (json_int_t)ev->seq, "at", api_time(ev->at),
		"type", ev->type, "staff", api_ref(ev->user_id, ev->user_name),
		"description", ev->description));
	p->last_seq = ev->seq;
	return 0;
}

static int timeline_get(struct request *r)
{
	int64_t id = request_param_id(r, 0), before_seq;
	int limit;
	if (!id || api_list_params(r, &limit, &before_seq) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct timeline_page page = {.items = json_array()};
	if (timeline_list(db, &r->actor, id, before_seq, limit, timeline_append_json, &page, &e) != 0) {
		json_decref(page.items);
		return api_fail(r, &e);
	}
	/* the first event (seq 1) is the end of the chain: no page follows it */
	return reply_json(r, 200, api_list_body(page.items, limit,
						page.last_seq > 1 ? page.last_seq : 0));
}

const struct route api_timeline_routes[] = {
	{"GET", "/api/v1/cases/{id}/timeline", timeline_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
