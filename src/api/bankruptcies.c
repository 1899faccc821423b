/* bankruptcies.c - bankruptcies of a case's parties.
 *   GET/POST /api/v1/cases/{id}/bankruptcies,
 *   GET/PATCH/DELETE /api/v1/cases/{id}/bankruptcies/{row}
 * Rules are domain/bankruptcy.c (with domain/party_row.c); the summary's Bankruptcy tab lists
 * them through bankruptcy_to_json (api/summary.c). The steps around the domain calls are
 * api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/bankruptcy.h"

#include <stddef.h>
#include <string.h>

#define BF(member) offsetof(struct bankruptcy_fields, v.member)
#define BS(member) sizeof(((struct store_bankruptcy *)0)->member)

static const struct spec_field bankruptcy_spec[] = {
	{"party_id", SPEC_ID, BF(party_id), 0, BANKRUPTCY_F_PARTY, false},
	{"court_id", SPEC_ID, BF(court_id), 0, BANKRUPTCY_F_COURT, false},
	{"judge", SPEC_STRING, BF(judge), BS(judge), BANKRUPTCY_F_JUDGE, false},
	{"docket_number", SPEC_STRING, BF(docket_number), BS(docket_number), BANKRUPTCY_F_DOCKET, false},
	{"trustee_id", SPEC_ID, BF(trustee_id), 0, BANKRUPTCY_F_TRUSTEE, false},
	{"trustee_attorney_id", SPEC_ID, BF(trustee_attorney_id), 0, BANKRUPTCY_F_TRUSTEE_ATTORNEY, false},
	{"retained_date", SPEC_DATE, BF(retained_date), STORE_DATE_LEN, BANKRUPTCY_F_RETAINED_DATE, false},
	{0},
};

json_t *bankruptcy_to_json(const struct store_bankruptcy *b)
{
	return json_pack("{s:I, s:I, s:s, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:I}",
			 "id", (json_int_t)b->id, "party_id", (json_int_t)b->party_id,
			 "side", strcmp(b->party_kind, "defendant") == 0 ? "D" : "P",
			 "party", api_ref(b->party_id, b->party_name),
			 "court", api_ref(b->court_id, b->court_name), "judge", b->judge,
			 "docket_number", b->docket_number,
			 "trustee", api_ref(b->trustee_id, b->trustee_name),
			 "trustee_attorney", api_ref(b->trustee_attorney_id, b->trustee_attorney_name),
			 "retained_date", api_opt(b->retained_date), "version", (json_int_t)b->version);
}

static int bankruptcy_append(const struct store_bankruptcy *b, void *ctx)
{
	json_array_append_new(ctx, bankruptcy_to_json(b));
	return 0;
}

/* bankruptcy_call makes the domain call of one step of the routes (api/case_rows.c). */
static int bankruptcy_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
			   struct err *e)
{
	struct store_bankruptcy b;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return bankruptcy_list(c, a, k->case_id, bankruptcy_append, k->items, e);
	case CASE_ROWS_GET:
		rc = bankruptcy_get(c, a, k->case_id, k->id, &b, e);
		break;
	case CASE_ROWS_ADD:
		rc = bankruptcy_add(c, a, k->case_id, k->fields, &b, e);
		break;
	default:
		rc = bankruptcy_update(c, a, k->case_id, k->id, k->version, k->fields, &b, e);
		break;
	}
	if (rc == 0) {
		k->row = bankruptcy_to_json(&b);
		k->row_version = b.version;
	}
	return rc;
}

static const struct case_rows bankruptcy_rows = {
	.spec = bankruptcy_spec, .fields_size = sizeof(struct bankruptcy_fields),
	.call = bankruptcy_call, .remove = bankruptcy_remove,
};

static int bankruptcies_handle(struct request *r)
{
	return case_rows_handle(r, &bankruptcy_rows);
}

const struct route api_bankruptcy_routes[] = {
	{"GET", "/api/v1/cases/{id}/bankruptcies", bankruptcies_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/bankruptcies", bankruptcies_handle, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/bankruptcies/{row}", bankruptcies_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/bankruptcies/{row}", bankruptcies_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/bankruptcies/{row}", bankruptcies_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
