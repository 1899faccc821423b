/* follow_ups.c - the status report setup.
 *   GET/PUT /api/v1/setup/status-report, GET/PUT /api/v1/offices/{id}/follow-up
 * A PUT changes the members it gives (an absent member keeps its value). Rules are
 * domain/follow_up.c; the offices themselves are api/offices.c. */
#include "api/api.h"
#include "domain/follow_up.h"
#include "domain/requirement.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* ---- /api/v1/setup/status-report --------------------------------------------------------- */

#define SETTINGS_F_SUBJECT (1u << 0)

struct settings_body {
	uint32_t present;
	char default_subject[sizeof(((struct report_settings *)0)->default_subject)];
};

static const struct spec_field settings_spec[] = {
	{"default_subject", SPEC_STRING, offsetof(struct settings_body, default_subject),
	 sizeof(((struct settings_body *)0)->default_subject), SETTINGS_F_SUBJECT, false},
	{0},
};

static json_t *settings_to_json(const struct report_settings *s)
{
	json_t *include = json_array();
	if (s->include_outstanding)
		json_array_append_new(include, json_string("outstanding"));
	if (s->include_received)
		json_array_append_new(include, json_string("received"));
	if (s->include_waived)
		json_array_append_new(include, json_string("waived"));
	return json_pack("{s:s, s:o}", "default_subject", s->default_subject, "include", include);
}

static int settings_get(struct request *r)
{
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct report_settings s;
	if (report_settings_read(db, &r->actor, &s, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 200, settings_to_json(&s));
}

/* settings_include reads the "include" array (strings naming requirement statuses) into s;
 * 0, or the code it put in e. */
static int settings_include(const json_t *list, struct report_settings *s, struct err *e)
{
	s->include_outstanding = s->include_received = s->include_waived = false;
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		char field[32];
		snprintf(field, sizeof field, "include[%zu]", i);
		if (!json_is_string(v))
			return err_set(e, ERR_INVALID, field, "must be a string");
		const char *name = json_string_value(v);
		if (!requirement_status_valid(name))
			return err_set(e, ERR_UNPROCESSABLE, field,
				       "must be outstanding, received or waived");
		if (strcmp(name, "outstanding") == 0)
			s->include_outstanding = true;
		else if (strcmp(name, "received") == 0)
			s->include_received = true;
		else
			s->include_waived = true;
	}
	return 0;
}

static int settings_put(struct request *r)
{
	struct settings_body b = {0};
	const json_t *list = NULL;
	if (api_body_list(r, settings_spec, &b, &b.present, "include", &list) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct report_settings s;
	if (report_settings_read(db, &r->actor, &s, &e) != 0)
		return api_fail(r, &e);
	if (b.present & SETTINGS_F_SUBJECT)
		snprintf(s.default_subject, sizeof s.default_subject, "%s", b.default_subject);
	if (list && settings_include(list, &s, &e) != 0)
		return api_fail(r, &e);
	if (report_settings_set(db, &r->actor, &s, &e) != 0 ||
	    report_settings_get(db, &s, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 200, settings_to_json(&s));
}

/* ---- /api/v1/offices/{id}/follow-up ------------------------------------------------------ */

#define FOLLOW_UP_F_METHOD (1u << 0)

struct follow_up_body {
	uint32_t present;
	char method[sizeof(((struct follow_up_setup *)0)->method)];
};

static const struct spec_field follow_up_spec[] = {
	{"method", SPEC_STRING, offsetof(struct follow_up_body, method),
	 sizeof(((struct follow_up_body *)0)->method), FOLLOW_UP_F_METHOD, false},
	{0},
};

#define SF(member) offsetof(struct store_follow_up_stage, member)

static const struct spec_field stage_spec[] = {
	{"status_id", SPEC_ID, SF(status_id), 0, 1u << 0, true},
	{"interval_days", SPEC_INT, SF(interval_days), 0, 1u << 1, true},
	{"report_text", SPEC_STRING, SF(report_text), STORE_DESCRIPTION_MAX + 1, 1u << 2, false},
	{0},
};

static json_t *follow_up_to_json(const struct follow_up_setup *s)
{
	json_t *stages = json_array();
	for (int i = 0; i < s->n_stages; i++) {
		const struct store_follow_up_stage *st = &s->stages[i];
		json_array_append_new(stages,
				      json_pack("{s:o, s:I, s:s}",
						"status", api_ref(st->status_id, st->status_name),
						"interval_days", (json_int_t)st->interval_days,
						"report_text", st->report_text));
	}
	return json_pack("{s:s, s:o}", "method", s->method, "stages", stages);
}

/* follow_up_setup_new gives a zeroed setup on the request's arena (it is large); NULL after
 * answering 500. */
static struct follow_up_setup *follow_up_setup_new(struct request *r)
{
	struct follow_up_setup *s = arena_alloc(&r->arena, sizeof *s);
	if (!s)
		reply_error(r, ERR_INTERNAL, NULL, "out of memory");
	return s;
}

static int follow_up_get_handler(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	struct follow_up_setup *s = db ? follow_up_setup_new(r) : NULL;
	if (!s)
		return 0;
	if (follow_up_get(db, &r->actor, id, s, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 200, follow_up_to_json(s));
}

/* follow_up_stages reads the "stages" array into s; 0, or the code it put in e. */
static int follow_up_stages(const json_t *list, struct follow_up_setup *s, struct err *e)
{
	size_t n = json_array_size(list);
	if (n > FOLLOW_UP_STAGES_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "stages", "at most %d stages",
			       FOLLOW_UP_STAGES_MAX);
	memset(s->stages, 0, sizeof s->stages);
	s->n_stages = (int)n;
	for (size_t i = 0; i < n; i++) {
		int rc = api_list_item(json_array_get(list, i), "stages", i, stage_spec,
				       &s->stages[i], e);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int follow_up_put_handler(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct follow_up_body b = {0};
	const json_t *list = NULL;
	if (api_body_list(r, follow_up_spec, &b, &b.present, "stages", &list) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	struct follow_up_setup *s = db ? follow_up_setup_new(r) : NULL;
	if (!s)
		return 0;
	if (follow_up_get(db, &r->actor, id, s, &e) != 0)
		return api_fail(r, &e);
	if (b.present & FOLLOW_UP_F_METHOD)
		snprintf(s->method, sizeof s->method, "%s", b.method);
	if (list && follow_up_stages(list, s, &e) != 0)
		return api_fail(r, &e);
	if (follow_up_set(db, &r->actor, id, s, &e) != 0 ||
	    follow_up_get(db, &r->actor, id, s, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 200, follow_up_to_json(s));
}

const struct route api_follow_up_routes[] = {
	{"GET", "/api/v1/setup/status-report", settings_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PUT", "/api/v1/setup/status-report", settings_put, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/offices/{id}/follow-up", follow_up_get_handler, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PUT", "/api/v1/offices/{id}/follow-up", follow_up_put_handler, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{0},
};
