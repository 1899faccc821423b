/* notes.c - notes on a case.
 *   GET/POST /api/v1/cases/{id}/notes, PATCH/DELETE /api/v1/cases/{id}/notes/{note}
 * The list is newest first by the note's date-time, so its cursor carries (at, id) of the last
 * note (api_list_params_at). Rules are domain/note.c. */
#include "api/api.h"
#include "domain/note.h"

#include <stddef.h>
#include <string.h>

#define NF(member) offsetof(struct note_fields, member)

#define NOTE_Q_MAX 200

static const struct spec_field note_spec[] = {
	{"note_type_id", SPEC_ID, NF(note_type_id), 0, NOTE_F_TYPE, false},
	{"body", SPEC_STRING, NF(body), STORE_NOTE_MAX + 1, NOTE_F_BODY, false},
	{"at", SPEC_STRING, NF(at), NOTE_AT_MAX + 1, NOTE_F_AT, false},
	{0},
};

/* note_to_json is the Note resource (api.h). */
json_t *note_to_json(const struct store_note *n)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:I, s:o, s:o}", "id", (json_int_t)n->id,
			 "type", api_ref(n->note_type_id, n->note_type_name), "body", n->body,
			 "at", api_time(n->at), "creator", api_ref(n->created_by, n->creator_name),
			 "version", (json_int_t)n->version, "created_at", api_time(n->created_at),
			 "updated_at", api_time(n->updated_at));
}

static int note_reply(struct request *r, int status, const struct store_note *n)
{
	api_set_etag(r, n->version);
	return reply_json(r, status, note_to_json(n));
}

struct note_page {
	json_t *items;
	int64_t last_at, last_id;
};

static int note_append(const struct store_note *n, void *ctx)
{
	struct note_page *p = ctx;
	json_array_append_new(p->items, note_to_json(n));
	p->last_at = n->at;
	p->last_id = n->id;
	return 0;
}

static int notes_list(struct request *r)
{
	int64_t id = request_param_id(r, 0), before_at, before_id;
	int limit;
	if (!id || api_list_params_at(r, &limit, &before_at, &before_id) != 0)
		return 0;
	const char *q = request_query(r, "q");
	if (q && strlen(q) > NOTE_Q_MAX)
		return reply_error(r, ERR_INVALID, "query.q", "must be at most 200 bytes long");
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct note_page p = {.items = json_array()};
	if (note_list(db, &r->actor, id, q ? q : "", before_at, before_id, limit, note_append, &p,
		      &e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body_at(p.items, limit, p.last_at, p.last_id));
}

static int notes_create(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct note_fields f = {0};
	if (api_body(r, note_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_note n;
	if (note_add(db, &r->actor, id, &f, &n, &e) != 0)
		return api_fail(r, &e);
	return note_reply(r, 201, &n);
}

static int notes_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), note = id ? request_param_id(r, 1) : 0, version;
	if (!note || api_if_match(r, &version) != 0)
		return 0;
	struct note_fields f = {0};
	if (api_body(r, note_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_note n;
	if (note_update(db, &r->actor, id, note, version, &f, &n, &e) != 0)
		return api_fail(r, &e);
	return note_reply(r, 200, &n);
}

static int notes_delete(struct request *r)
{
	return api_case_row_delete(r, note_delete);
}

const struct route api_note_routes[] = {
	{"GET", "/api/v1/cases/{id}/notes", notes_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/notes", notes_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"PATCH", "/api/v1/cases/{id}/notes/{note}", notes_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/notes/{note}", notes_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
