/* insurance.c - the insurance of a case's parties (see insurance.h): its record described for
 * the steps every row under a party shares (domain/party_row.c). The defendants' total
 * coverage is the summary's (domain/summary.c). */
#include "domain/insurance.h"
#include "domain/party_row.h"
#include "domain/user.h"

#include <stddef.h>

#define IF(member) offsetof(struct store_insurance, member)
#define IS(member) sizeof(((struct store_insurance *)0)->member)

static const struct party_row_member insurance_members[] = {
	{INSURANCE_F_COMPANY, "company_id", "company", PARTY_ROW_CONTACT, IF(company_id), 0, IF(company_name)},
	{INSURANCE_F_CLAIM_NUMBER, "claim_number", "claim number", PARTY_ROW_TEXT, IF(claim_number), IS(claim_number), 0},
	{INSURANCE_F_POLICY_LIMITS, "policy_limits", "policy limits", PARTY_ROW_TEXT, IF(policy_limits), IS(policy_limits), 0},
	{INSURANCE_F_NO_FAULT, "no_fault_cents", "no-fault limit", PARTY_ROW_CENTS, IF(no_fault_cents), 0, 0},
	{INSURANCE_F_UM_SUM, "um_sum_cents", "UM/SUM limit", PARTY_ROW_CENTS, IF(um_sum_cents), 0, 0},
	{INSURANCE_F_ADJUSTER, "adjuster_id", "adjuster", PARTY_ROW_CONTACT, IF(adjuster_id), 0, IF(adjuster_name)},
	{INSURANCE_F_ADJUSTER_PHONE, "adjuster_phone", "adjuster phone", PARTY_ROW_TEXT, IF(adjuster_phone), IS(adjuster_phone), 0},
	{INSURANCE_F_COVERAGE, "coverage_cents", "coverage", PARTY_ROW_CENTS, IF(coverage_cents), 0, 0},
	{0},
};

static int insurance_store(struct store_conn *c, enum party_row_op op, void *row)
{
	struct store_insurance *in = row;
	switch (op) {
	case PARTY_ROW_GET:
		return store_insurance_get(c, in->case_id, in->id, in);
	case PARTY_ROW_INSERT:
		return store_insurance_insert(c, in);
	case PARTY_ROW_UPDATE:
		return store_insurance_update(c, in);
	case PARTY_ROW_DELETE:
		return store_insurance_delete(c, in->id);
	}
	return STORE_ERROR;
}

static const struct party_row_kind insurance_kind = {
	.what = "insurance", .title = "Insurance", .plaintiff_only = false,
	.size = sizeof(struct store_insurance), .party_bit = INSURANCE_F_PARTY,
	.id_at = IF(id), .case_at = IF(case_id), .party_at = IF(party_id),
	.version_at = IF(version), .name_at = IF(company_name),
	.members = insurance_members, .store = insurance_store,
};

int insurance_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		   store_insurance_each_fn each, void *ctx, struct err *e)
{
	int rc = party_row_open(c, a, case_id, e);
	return rc != 0 ? rc : user_store_error(store_insurance_list(c, case_id, each, ctx),
					       "insurance", e);
}

int insurance_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		  struct store_insurance *out, struct err *e)
{
	return party_row_get(c, a, &insurance_kind, case_id, id, out, e);
}

int insurance_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		  const struct insurance_fields *f, struct store_insurance *out, struct err *e)
{
	return party_row_add(c, a, &insurance_kind, case_id, f->present, &f->v, out, e);
}

int insurance_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		     int64_t version, const struct insurance_fields *f,
		     struct store_insurance *out, struct err *e)
{
	struct store_insurance old;
	return party_row_update(c, a, &insurance_kind, case_id, id, version, f->present, &f->v,
				&old, out, e);
}

int insurance_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		     struct err *e)
{
	struct store_insurance gone;
	return party_row_remove(c, a, &insurance_kind, case_id, id, &gone, e);
}
