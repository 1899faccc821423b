/* liens.c - liens on a case's plaintiffs.
 *   GET/POST /api/v1/cases/{id}/liens, GET/PATCH/DELETE /api/v1/cases/{id}/liens/{row}
 * Rules are domain/lien.c (with domain/party_row.c); the summary's Liens tab totals them per
 * plaintiff (domain/summary.c, api/summary.c). The steps around the domain calls are
 * api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/lien.h"

#include <stddef.h>

#define LF(member) offsetof(struct lien_fields, v.member)

static const struct spec_field lien_spec[] = {
	{"party_id", SPEC_ID, LF(party_id), 0, LIEN_F_PARTY, false},
	{"holder_id", SPEC_ID, LF(holder_id), 0, LIEN_F_HOLDER, false},
	{"description", SPEC_STRING, LF(description), sizeof(((struct store_lien *)0)->description),
	 LIEN_F_DESCRIPTION, false},
	{"amount_cents", SPEC_CENTS, LF(amount_cents), 0, LIEN_F_AMOUNT, false},
	{"negotiated_cents", SPEC_CENTS, LF(negotiated_cents), 0, LIEN_F_NEGOTIATED, false},
	{"final_cents", SPEC_CENTS, LF(final_cents), 0, LIEN_F_FINAL, false},
	{0},
};

json_t *lien_to_json(const struct store_lien *l)
{
	return json_pack("{s:I, s:I, s:o, s:s, s:I, s:o, s:o, s:I}",
			 "id", (json_int_t)l->id, "party_id", (json_int_t)l->party_id,
			 "holder", api_ref(l->holder_id, l->holder_name),
			 "description", l->description, "amount_cents", (json_int_t)l->amount_cents,
			 "negotiated_cents",
			 l->negotiated_cents >= 0 ? json_integer(l->negotiated_cents) : json_null(),
			 "final_cents", l->final_cents >= 0 ? json_integer(l->final_cents) : json_null(),
			 "version", (json_int_t)l->version);
}

static int lien_append(const struct store_lien *l, void *ctx)
{
	json_array_append_new(ctx, lien_to_json(l));
	return 0;
}

/* lien_call makes the domain call of one step of the routes (api/case_rows.c). */
static int lien_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
		     struct err *e)
{
	struct store_lien l;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return lien_list(c, a, k->case_id, lien_append, k->items, e);
	case CASE_ROWS_GET:
		rc = lien_get(c, a, k->case_id, k->id, &l, e);
		break;
	case CASE_ROWS_ADD:
		rc = lien_add(c, a, k->case_id, k->fields, &l, e);
		break;
	default:
		rc = lien_update(c, a, k->case_id, k->id, k->version, k->fields, &l, e);
		break;
	}
	if (rc == 0) {
		k->row = lien_to_json(&l);
		k->row_version = l.version;
	}
	return rc;
}

static const struct case_rows lien_rows = {
	.spec = lien_spec, .fields_size = sizeof(struct lien_fields), .call = lien_call,
	.remove = lien_remove,
};

static int liens_handle(struct request *r)
{
	return case_rows_handle(r, &lien_rows);
}

const struct route api_lien_routes[] = {
	{"GET", "/api/v1/cases/{id}/liens", liens_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/liens", liens_handle, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/liens/{row}", liens_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/liens/{row}", liens_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/liens/{row}", liens_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
