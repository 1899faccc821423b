/* deadlines.c - critical deadlines and statutes of limitation of a case.
 *   GET/POST /api/v1/cases/{id}/deadlines,
 *   GET/PATCH/DELETE /api/v1/cases/{id}/deadlines/{deadline}
 * The critical-deadline types are a setup list (api/setup.c). Rules are domain/deadline.c; the
 * summary's outstanding deadlines use deadline_to_json (api/summary.c). The steps around the
 * domain calls are api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/deadline.h"

#include <stddef.h>

#define DF(member) offsetof(struct deadline_fields, v.member)

static const struct spec_field deadline_spec[] = {
	{"party_id", SPEC_ID, DF(party_id), 0, DEADLINE_F_PARTY, false},
	{"kind", SPEC_STRING, DF(kind), sizeof(((struct store_deadline *)0)->kind),
	 DEADLINE_F_KIND, false},
	{"deadline_type_id", SPEC_ID, DF(deadline_type_id), 0, DEADLINE_F_TYPE, false},
	{"due_date", SPEC_DATE, DF(due_date), STORE_DATE_LEN, DEADLINE_F_DUE_DATE, false},
	{"comments", SPEC_STRING, DF(comments), STORE_COMMENTS_MAX + 1, DEADLINE_F_COMMENTS,
	 false},
	{"done", SPEC_BOOL, DF(done), 0, DEADLINE_F_DONE, false},
	/* a done date given is one that is not "" (domain/deadline.c) */
	{"done_date", SPEC_DATE, DF(done_date), STORE_DATE_LEN, 0, false},
	{0},
};

json_t *deadline_to_json(const struct store_deadline *d)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:s, s:s, s:s, s:b, s:o, s:I}",
			 "id", (json_int_t)d->id, "party", api_ref(d->party_id, d->party_name),
			 "kind", d->kind,
			 "deadline_type", api_ref(d->deadline_type_id, d->type_name),
			 "label", deadline_kind_label(d), "due_date", d->due_date,
			 "comments", d->comments, "done", d->done, "done_date", api_opt(d->done_date),
			 "version", (json_int_t)d->version);
}

static int deadline_append(const struct store_deadline *d, void *ctx)
{
	json_array_append_new(ctx, deadline_to_json(d));
	return 0;
}

/* deadline_call makes the domain call of one step of the routes (api/case_rows.c). */
static int deadline_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
			 struct err *e)
{
	struct store_deadline d;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return deadline_list(c, a, k->case_id, k->only, deadline_append, k->items, e);
	case CASE_ROWS_GET:
		rc = deadline_get(c, a, k->case_id, k->id, &d, e);
		break;
	case CASE_ROWS_ADD:
		rc = deadline_add(c, a, k->case_id, k->fields, &d, e);
		break;
	default:
		rc = deadline_update(c, a, k->case_id, k->id, k->version, k->fields, &d, e);
		break;
	}
	if (rc == 0) {
		k->row = deadline_to_json(&d);
		k->row_version = d.version;
	}
	return rc;
}

static const struct case_rows deadline_rows = {
	.spec = deadline_spec, .fields_size = sizeof(struct deadline_fields),
	.call = deadline_call, .remove = deadline_remove, .filter = "outstanding",
};

static int deadlines_handle(struct request *r)
{
	return case_rows_handle(r, &deadline_rows);
}

const struct route api_deadline_routes[] = {
	{"GET", "/api/v1/cases/{id}/deadlines", deadlines_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/deadlines", deadlines_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/deadlines/{deadline}", deadlines_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/deadlines/{deadline}", deadlines_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/deadlines/{deadline}", deadlines_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
