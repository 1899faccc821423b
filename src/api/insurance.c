/* insurance.c - the insurance of a case's parties.
 *   GET/POST /api/v1/cases/{id}/insurance, GET/PATCH/DELETE /api/v1/cases/{id}/insurance/{row}
 * Rules are domain/insurance.c (with domain/party_row.c); the summary's plaintiffs and
 * defendants carry their rows through insurance_to_json (api/summary.c). The steps around the
 * domain calls are api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/insurance.h"

#include <stddef.h>

#define IF(member) offsetof(struct insurance_fields, v.member)
#define IS(member) sizeof(((struct store_insurance *)0)->member)

static const struct spec_field insurance_spec[] = {
	{"party_id", SPEC_ID, IF(party_id), 0, INSURANCE_F_PARTY, false},
	{"company_id", SPEC_ID, IF(company_id), 0, INSURANCE_F_COMPANY, false},
	{"claim_number", SPEC_STRING, IF(claim_number), IS(claim_number), INSURANCE_F_CLAIM_NUMBER, false},
	{"policy_limits", SPEC_STRING, IF(policy_limits), IS(policy_limits), INSURANCE_F_POLICY_LIMITS, false},
	{"no_fault_cents", SPEC_CENTS, IF(no_fault_cents), 0, INSURANCE_F_NO_FAULT, false},
	{"um_sum_cents", SPEC_CENTS, IF(um_sum_cents), 0, INSURANCE_F_UM_SUM, false},
	{"adjuster_id", SPEC_ID, IF(adjuster_id), 0, INSURANCE_F_ADJUSTER, false},
	{"adjuster_phone", SPEC_STRING, IF(adjuster_phone), IS(adjuster_phone), INSURANCE_F_ADJUSTER_PHONE, false},
	{"coverage_cents", SPEC_CENTS, IF(coverage_cents), 0, INSURANCE_F_COVERAGE, false},
	{0},
};

/* insurance_cents is a cents member: a number, or null when not given (-1). */
static json_t *insurance_cents(int64_t cents)
{
	return cents >= 0 ? json_integer(cents) : json_null();
}

json_t *insurance_to_json(const struct store_insurance *in)
{
	return json_pack("{s:I, s:I, s:o, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:I}",
			 "id", (json_int_t)in->id, "party_id", (json_int_t)in->party_id,
			 "company", api_ref(in->company_id, in->company_name),
			 "claim_number", in->claim_number, "policy_limits", in->policy_limits,
			 "no_fault_cents", insurance_cents(in->no_fault_cents),
			 "um_sum_cents", insurance_cents(in->um_sum_cents),
			 "adjuster", api_ref(in->adjuster_id, in->adjuster_name),
			 "adjuster_phone", in->adjuster_phone,
			 "coverage_cents", insurance_cents(in->coverage_cents),
			 "version", (json_int_t)in->version);
}

static int insurance_append(const struct store_insurance *in, void *ctx)
{
	json_array_append_new(ctx, insurance_to_json(in));
	return 0;
}

/* insurance_call makes the domain call of one step of the routes (api/case_rows.c). */
static int insurance_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
			  struct err *e)
{
	struct store_insurance in;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return insurance_list(c, a, k->case_id, insurance_append, k->items, e);
	case CASE_ROWS_GET:
		rc = insurance_get(c, a, k->case_id, k->id, &in, e);
		break;
	case CASE_ROWS_ADD:
		rc = insurance_add(c, a, k->case_id, k->fields, &in, e);
		break;
	default:
		rc = insurance_update(c, a, k->case_id, k->id, k->version, k->fields, &in, e);
		break;
	}
	if (rc == 0) {
		k->row = insurance_to_json(&in);
		k->row_version = in.version;
	}
	return rc;
}

static const struct case_rows insurance_rows = {
	.spec = insurance_spec, .fields_size = sizeof(struct insurance_fields),
	.call = insurance_call, .remove = insurance_remove,
};

static int insurance_handle(struct request *r)
{
	return case_rows_handle(r, &insurance_rows);
}

const struct route api_insurance_routes[] = {
	{"GET", "/api/v1/cases/{id}/insurance", insurance_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/insurance", insurance_handle, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/insurance/{row}", insurance_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/insurance/{row}", insurance_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/insurance/{row}", insurance_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
