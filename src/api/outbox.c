/* outbox.c - the e-mail outbox, for the operator.
 *   GET /api/v1/outbox, POST /api/v1/outbox/{id}/resolve
 * The list is by id, oldest first; its cursor is the last row's id. Rules (admin only, the
 * states, settling in-doubt rows) are jobs/outbox.c; sending is its worker's. */
#include "api/api.h"
#include "jobs/outbox.h"

#include <stddef.h>
#include <string.h>

/* outbox_to_json is the outbox row resource (never with the message body). */
static json_t *outbox_to_json(const struct store_mail *m)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:o, s:o}",
			 "id", (json_int_t)m->id, "run_id", m->run_id,
			 "recipient_id", m->recipient_id, "message_id", m->message_id,
			 "to", m->rcpt_to, "subject", m->subject, "state", m->state,
			 "attempts", (json_int_t)m->attempts, "last_error", m->last_error,
			 "created_at", api_time(m->created_at), "sent_at", api_time(m->sent_at));
}

struct outbox_page {
	json_t *items;
	int64_t last_id;
};

static int outbox_append(const struct store_mail *m, void *ctx)
{
	struct outbox_page *p = ctx;
	json_array_append_new(p->items, outbox_to_json(m));
	p->last_id = m->id;
	return 0;
}

static int outbox_get_list(struct request *r)
{
	int limit;
	int64_t after;
	if (api_list_params(r, &limit, &after) != 0)
		return 0;
	const char *state = request_query(r, "state");
	const char *run = request_query(r, "run");
	if (state && *state && !outbox_state_valid(state))
		return reply_error(r, ERR_INVALID, "query.state",
				   "must be pending, sending, sent, failed or in_doubt");
	if (run && strlen(run) > STORE_RUN_ID_MAX)
		return reply_error(r, ERR_INVALID, "query.run", "must be at most 64 bytes long");
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct outbox_page p = {json_array(), 0};
	if (outbox_list(db, &r->actor, state ? state : "", run ? run : "", after, limit,
			outbox_append, &p, &e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

struct outbox_resolve_body {
	char as[16];
};

static const struct spec_field outbox_resolve_spec[] = {
	{"as", SPEC_STRING, offsetof(struct outbox_resolve_body, as),
	 sizeof(((struct outbox_resolve_body *)0)->as), 1, true},
	{0},
};

/* outbox_post_resolve settles an in-doubt row and answers it as it is now; a row queued again
 * wakes this server's worker. */
static int outbox_post_resolve(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct outbox_resolve_body b = {{0}};
	uint32_t present = 0;
	if (api_body(r, outbox_resolve_spec, &b, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_mail m;
	memset(&m, 0, sizeof m);
	if (outbox_resolve_get(db, &r->actor, id, b.as, &m, &e) != 0)
		return api_fail(r, &e);
	if (strcmp(b.as, "resend") == 0)
		outbox_worker_poke(outbox_worker_current);
	return reply_json(r, 200, outbox_to_json(&m));
}

const struct route api_outbox_routes[] = {
	{"GET", "/api/v1/outbox", outbox_get_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/outbox/{id}/resolve", outbox_post_resolve, ROUTE_USER, true, ROUTE_BODY_JSON},
	{0},
};
