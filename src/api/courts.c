/* courts.c - courts and dockets of a case.
 *   GET/POST /api/v1/cases/{id}/courts, GET/PATCH/DELETE /api/v1/cases/{id}/courts/{row}
 * The personnel array is read here, member by member. Rules are domain/court.c; the summary's
 * courts use court_to_json (api/summary.c). */
#include "api/api.h"
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

static int court_reply(struct request *r, int status, const struct court_detail *d)
{
	api_set_etag(r, d->v.version);
	return reply_json(r, status, court_to_json(d));
}

/* court_read_body reads a create or edit body into f; -1 after answering the problem. */
static int court_read_body(struct request *r, struct court_fields *f)
{
	const json_t *people = NULL;
	if (api_body_list(r, court_spec, f, &f->present, "personnel", &people) != 0)
		return -1;
	if (!people)
		return 0;
	struct err e;
	err_clear(&e);
	int rc = 0;
	size_t n = json_array_size(people);
	f->present |= COURT_F_PERSONNEL;
	if (n > COURT_PERSONNEL_MAX)
		rc = err_set(&e, ERR_UNPROCESSABLE, "personnel", "at most %d people",
			     COURT_PERSONNEL_MAX);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = api_list_item(json_array_get(people, i), "personnel", i, court_person_spec,
				   &f->d.personnel[i], &e);
	f->d.n_personnel = (int)n;
	if (rc != 0) {
		reply_problem(r, &e);
		return -1;
	}
	return 0;
}

static int court_append(const struct court_detail *d, void *ctx)
{
	json_array_append_new(ctx, court_to_json(d));
	return 0;
}

static int courts_list(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	json_t *items = json_array();
	if (court_list(db, &r->actor, id, court_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

/* courts_save answers POST .../courts (create) and PATCH .../courts/{row} (If-Match). */
static int courts_save(struct request *r, bool create)
{
	int64_t id = request_param_id(r, 0), version = 0;
	int64_t row = id && !create ? request_param_id(r, 1) : 0;
	if (!id || (!create && (!row || api_if_match(r, &version) != 0)))
		return 0;
	struct court_fields f = {0};
	if (court_read_body(r, &f) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct court_detail d;
	int rc = create ? court_add(db, &r->actor, id, &f, &d, &e)
			: court_update(db, &r->actor, id, row, version, &f, &d, &e);
	if (rc != 0)
		return api_fail(r, &e);
	return court_reply(r, create ? 201 : 200, &d);
}

static int courts_create(struct request *r)
{
	return courts_save(r, true);
}

static int courts_patch(struct request *r)
{
	return courts_save(r, false);
}

static int courts_get(struct request *r)
{
	int64_t id = request_param_id(r, 0), row = id ? request_param_id(r, 1) : 0;
	struct err e;
	struct store_conn *db = row ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct court_detail d;
	if (court_get(db, &r->actor, id, row, &d, &e) != 0)
		return api_fail(r, &e);
	return court_reply(r, 200, &d);
}

static int courts_delete(struct request *r)
{
	return api_case_row_delete(r, court_remove);
}

const struct route api_court_routes[] = {
	{"GET", "/api/v1/cases/{id}/courts", courts_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/courts", courts_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/courts/{row}", courts_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/courts/{row}", courts_patch, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/courts/{row}", courts_delete, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
