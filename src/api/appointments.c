/* appointments.c - appointments on a case.
 *   GET/POST /api/v1/cases/{id}/appointments,
 *   GET/PATCH/DELETE /api/v1/cases/{id}/appointments/{appointment}
 * Date-times are read as ISO 8601 (note_parse_at, domain/note.c) and written in UTC; the
 * attendees array is read here, member by member. Rules are domain/appointment.c; the
 * summary's pending appointments use appointment_to_json (api/summary.c). */
#include "api/api.h"
#include "core/clock.h"
#include "domain/appointment.h"
#include "domain/note.h"

#include <stddef.h>
#include <stdio.h>

/* A create or edit body: the fields, with the times still as text. */
struct appointment_body {
	struct appointment_fields f;
	char starts_at[NOTE_AT_MAX + 1];
	char ends_at[NOTE_AT_MAX + 1];
};

#define AB(member) offsetof(struct appointment_body, member)

static const struct spec_field appointment_spec[] = {
	{"starts_at", SPEC_STRING, AB(starts_at), NOTE_AT_MAX + 1, APPOINTMENT_F_STARTS_AT, false},
	{"ends_at", SPEC_STRING, AB(ends_at), NOTE_AT_MAX + 1, APPOINTMENT_F_ENDS_AT, false},
	{"subject", SPEC_STRING, AB(f.d.v.subject), STORE_NAME_MAX + 1, APPOINTMENT_F_SUBJECT,
	 false},
	{"comments", SPEC_STRING, AB(f.d.v.comments), STORE_COMMENTS_MAX + 1,
	 APPOINTMENT_F_COMMENTS, false},
	{"completed", SPEC_BOOL, AB(f.d.v.completed), 0, APPOINTMENT_F_COMPLETED, false},
	{0},
};

static const struct spec_field attendee_spec[] = {
	{"user_id", SPEC_ID, offsetof(struct store_attendee, user_id), 0, 1, false},
	{"contact_id", SPEC_ID, offsetof(struct store_attendee, contact_id), 0, 2, false},
	{0},
};

json_t *appointment_to_json(const struct appointment_detail *d)
{
	json_t *people = json_array();
	for (int i = 0; i < d->n_attendees; i++) {
		const struct store_attendee *at = &d->attendees[i];
		json_array_append_new(people, json_pack("{s:I, s:s}",
			at->user_id ? "user_id" : "contact_id",
			(json_int_t)(at->user_id ? at->user_id : at->contact_id), "name", at->name));
	}
	const struct store_appointment *ap = &d->v;
	return json_pack("{s:I, s:o, s:o, s:s, s:s, s:b, s:b, s:o, s:I, s:I}",
			 "id", (json_int_t)ap->id, "starts_at", api_time(ap->starts_at),
			 "ends_at", api_time(ap->ends_at), "subject", ap->subject,
			 "comments", ap->comments, "completed", ap->completed,
			 "pending", appointment_is_pending(ap, clock_now()), "attendees", people,
			 "created_by", (json_int_t)ap->created_by, "version", (json_int_t)ap->version);
}

static int appointment_reply(struct request *r, int status, const struct appointment_detail *d)
{
	api_set_etag(r, d->v.version);
	return reply_json(r, status, appointment_to_json(d));
}

/* appointment_time reads a date-time given for field into *out ("" = 0: not given). */
static int appointment_time(const char *text, const char *field, int64_t *out, struct err *e)
{
	*out = 0;
	if (!text[0] || note_parse_at(text, out, e) == 0)
		return 0;
	snprintf(e->field, sizeof e->field, "%s", field);
	return e->code;
}

/* appointment_read_body reads a create or edit body into b->f; -1 after answering the problem. */
static int appointment_read_body(struct request *r, struct appointment_body *b)
{
	const json_t *people = NULL;
	if (api_body_list(r, appointment_spec, b, &b->f.present, "attendees", &people) != 0)
		return -1;
	struct err e;
	err_clear(&e);
	struct appointment_fields *f = &b->f;
	int rc = 0;
	if (f->present & APPOINTMENT_F_STARTS_AT)
		rc = appointment_time(b->starts_at, "starts_at", &f->d.v.starts_at, &e);
	if (rc == 0 && (f->present & APPOINTMENT_F_ENDS_AT))
		rc = appointment_time(b->ends_at, "ends_at", &f->d.v.ends_at, &e);
	if (rc == 0 && people) {
		f->present |= APPOINTMENT_F_ATTENDEES;
		size_t n = json_array_size(people);
		if (n > APPOINTMENT_ATTENDEES_MAX)
			rc = err_set(&e, ERR_UNPROCESSABLE, "attendees", "at most %d people",
				     APPOINTMENT_ATTENDEES_MAX);
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = api_list_item(json_array_get(people, i), "attendees", i, attendee_spec,
					   &f->d.attendees[i], &e);
		f->d.n_attendees = (int)n;
	}
	if (rc != 0) {
		reply_problem(r, &e);
		return -1;
	}
	return 0;
}

static int appointment_append(const struct appointment_detail *d, void *ctx)
{
	json_array_append_new(ctx, appointment_to_json(d));
	return 0;
}

static int appointments_list(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	bool pending = false;
	if (!id || api_query_bool(r, "pending", &pending) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	json_t *items = json_array();
	if (appointment_list(db, &r->actor, id, pending, clock_now(), appointment_append, items,
			     &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

/* appointments_save answers POST .../appointments (create) and PATCH
 * .../appointments/{appointment} (If-Match). */
static int appointments_save(struct request *r, bool create)
{
	int64_t id = request_param_id(r, 0), version = 0;
	int64_t row = id && !create ? request_param_id(r, 1) : 0;
	if (!id || (!create && (!row || api_if_match(r, &version) != 0)))
		return 0;
	struct appointment_body b = {0};
	if (appointment_read_body(r, &b) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct appointment_detail d;
	int rc = create ? appointment_add(db, &r->actor, id, &b.f, &d, &e)
			: appointment_update(db, &r->actor, id, row, version, &b.f, &d, &e);
	if (rc != 0)
		return api_fail(r, &e);
	return appointment_reply(r, create ? 201 : 200, &d);
}

static int appointments_create(struct request *r)
{
	return appointments_save(r, true);
}

static int appointments_patch(struct request *r)
{
	return appointments_save(r, false);
}

static int appointments_get(struct request *r)
{
	int64_t id = request_param_id(r, 0), row = id ? request_param_id(r, 1) : 0;
	struct err e;
	struct store_conn *db = row ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct appointment_detail d;
	if (appointment_get(db, &r->actor, id, row, &d, &e) != 0)
		return api_fail(r, &e);
	return appointment_reply(r, 200, &d);
}

static int appointments_delete(struct request *r)
{
	return api_case_row_delete(r, appointment_remove);
}

const struct route api_appointment_routes[] = {
	{"GET", "/api/v1/cases/{id}/appointments", appointments_list, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/appointments", appointments_create, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/appointments/{appointment}", appointments_get, ROUTE_USER,
	 false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/appointments/{appointment}", appointments_patch, ROUTE_USER,
	 true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/appointments/{appointment}", appointments_delete,
	 ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
