/* courts.c - courts and dockets of a case.
 *   GET/POST /api/v1/cases/{id}/courts, GET/PATCH/DELETE /api/v1/cases/{id}/courts/{row}
 * The personnel array is read here, member by member (case_rows_items). Rules are
 * domain/court.c; the summary's courts use court_to_json (api/summary.c). The steps around
 * the domain calls are api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/court.h"

#include <stddef.h>

#define CF(member) offsetof(struct court_fields, d.v.member)

static const struct spec_field court_spec[] = {
	{"court_id", SPEC_ID, CF(court_id), 0, COURT_F_COURT, false},
	{"docket_number", SPEC_STRING, CF(docket_number), STORE_SHORT_MAX + 1, COURT_F_DOCKET,
	 false},
	{"filing_date", SPEC_DATE, CF(filing_date), STORE_DATE_LEN, COURT_F_FILING_DATE, false},
	{0},
};

static const struct spec_field court_person_spec[] = {
	{"contact_id", SPEC_ID, offsetof(struct store_court_person, contact_id), 0, 1, true},
	{"role", SPEC_STRING, offsetof(struct store_court_person, role), STORE_PERSON_NAME_MAX + 1,
	 2, false},
	{0},
};

json_t *court_to_json(const struct court_detail *d)
{
	json_t *people = json_array();
	for (int i = 0; i < d->n_personnel; i++) {
		const struct store_court_person *p = &d->personnel[i];
		json_array_append_new(people, json_pack("{s:o, s:s}", "contact",
			api_ref(p->contact_id, p->name), "role", p->role));
	}
	const struct store_court *ct = &d->v;
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:I}", "id", (json_int_t)ct->id,
			 "court", api_ref(ct->court_id, ct->court_name),
			 "docket_number", ct->docket_number, "filing_date", api_opt(ct->filing_date),
			 "personnel", people, "version", (json_int_t)ct->version);
}

/* court_body_rest reads the personnel of a create or edit body into fields, a struct
 * court_fields (api/case_rows.c). */
static int court_body_rest(void *fields, const json_t *people, struct err *e)
{
	struct court_fields *f = fields;
	if (!people)
		return 0;
	f->present |= COURT_F_PERSONNEL;
	return case_rows_items(people, "personnel", COURT_PERSONNEL_MAX, court_person_spec,
			       f->d.personnel, sizeof f->d.personnel[0], &f->d.n_personnel, e);
}

static int court_append(const struct court_detail *d, void *ctx)
{
	json_array_append_new(ctx, court_to_json(d));
	return 0;
}

/* court_call makes the domain call of one step of the routes (api/case_rows.c). */
static int court_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
		      struct err *e)
{
	struct court_detail d;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return court_list(c, a, k->case_id, court_append, k->items, e);
	case CASE_ROWS_GET:
		rc = court_get(c, a, k->case_id, k->id, &d, e);
		break;
	case CASE_ROWS_ADD:
		rc = court_add(c, a, k->case_id, k->fields, &d, e);
		break;
	default:
		rc = court_update(c, a, k->case_id, k->id, k->version, k->fields, &d, e);
		break;
	}
	if (rc == 0) {
		k->row = court_to_json(&d);
		k->row_version = d.v.version;
	}
	return rc;
}

static const struct case_rows court_rows = {
	.spec = court_spec, .fields_size = sizeof(struct court_fields), .call = court_call,
	.remove = court_remove, .list = "personnel", .rest = court_body_rest,
};

static int courts_handle(struct request *r)
{
	return case_rows_handle(r, &court_rows);
}

const struct route api_court_routes[] = {
	{"GET", "/api/v1/cases/{id}/courts", courts_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/courts", courts_handle, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/courts/{row}", courts_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/courts/{row}", courts_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/courts/{row}", courts_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
