/* appointments.c - appointments on a case.
 *   GET/POST /api/v1/cases/{id}/appointments,
 *   GET/PATCH/DELETE /api/v1/cases/{id}/appointments/{appointment}
 * Date-times are read as ISO 8601 (note_parse_at, domain/note.c) and written in UTC; the
 * attendees array is read here, member by member (case_rows_items). Rules are
 * domain/appointment.c; the summary's pending appointments use appointment_to_json
 * (api/summary.c). The steps around the domain calls are api/case_rows.c. */
#include "api/case_rows.h"
#include "core/clock.h"
#include "domain/appointment.h"
#include "domain/note.h"

#include <stddef.h>
#include <stdio.h>

/* A create or edit body: the fields (first, for their present set), with the times still as
 * text. */
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

/* appointment_time reads a date-time given for field into *out ("" = 0: not given). */
static int appointment_time(const char *text, const char *field, int64_t *out, struct err *e)
{
	*out = 0;
	if (!text[0] || note_parse_at(text, out, e) == 0)
		return 0;
	snprintf(e->field, sizeof e->field, "%s", field);
	return e->code;
}

/* appointment_body_rest reads the times and the attendees of a create or edit body into
 * fields, a struct appointment_body (api/case_rows.c). */
static int appointment_body_rest(void *fields, const json_t *people, struct err *e)
{
	struct appointment_body *b = fields;
	struct appointment_fields *f = &b->f;
	int rc = 0;
	if (f->present & APPOINTMENT_F_STARTS_AT)
		rc = appointment_time(b->starts_at, "starts_at", &f->d.v.starts_at, e);
	if (rc == 0 && (f->present & APPOINTMENT_F_ENDS_AT))
		rc = appointment_time(b->ends_at, "ends_at", &f->d.v.ends_at, e);
	if (rc == 0 && people) {
		f->present |= APPOINTMENT_F_ATTENDEES;
		rc = case_rows_items(people, "attendees", APPOINTMENT_ATTENDEES_MAX, attendee_spec,
				     f->d.attendees, sizeof f->d.attendees[0], &f->d.n_attendees,
				     e);
	}
	return rc;
}

static int appointment_append(const struct appointment_detail *d, void *ctx)
{
	json_array_append_new(ctx, appointment_to_json(d));
	return 0;
}

/* appointment_call makes the domain call of one step of the routes (api/case_rows.c); the
 * fields are a struct appointment_body. */
static int appointment_call(struct store_conn *c, const struct actor *a,
			    struct case_rows_call *k, struct err *e)
{
	const struct appointment_body *b = k->fields;
	struct appointment_detail d;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return appointment_list(c, a, k->case_id, k->only, clock_now(), appointment_append,
					k->items, e);
	case CASE_ROWS_GET:
		rc = appointment_get(c, a, k->case_id, k->id, &d, e);
		break;
	case CASE_ROWS_ADD:
		rc = appointment_add(c, a, k->case_id, &b->f, &d, e);
		break;
	default:
		rc = appointment_update(c, a, k->case_id, k->id, k->version, &b->f, &d, e);
		break;
	}
	if (rc == 0) {
		k->row = appointment_to_json(&d);
		k->row_version = d.v.version;
	}
	return rc;
}

static const struct case_rows appointment_rows = {
	.spec = appointment_spec, .fields_size = sizeof(struct appointment_body),
	.call = appointment_call, .remove = appointment_remove, .filter = "pending",
	.list = "attendees", .rest = appointment_body_rest,
};

static int appointments_handle(struct request *r)
{
	return case_rows_handle(r, &appointment_rows);
}

const struct route api_appointment_routes[] = {
	{"GET", "/api/v1/cases/{id}/appointments", appointments_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/appointments", appointments_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/appointments/{appointment}", appointments_handle, ROUTE_USER,
	 false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/appointments/{appointment}", appointments_handle, ROUTE_USER,
	 true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/appointments/{appointment}", appointments_handle,
	 ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
