/* insurance.h - the insurance of a case's parties: company, claim number, policy limits (as
 * written, and the no-fault and UM/SUM limits in cents), adjuster and the adjuster's phone,
 * and the coverage amount. The defendants' coverage adds up to the case's total liability
 * coverage (domain/summary.c).
 *
 * Reading follows the case; changes need case_edit and write "insurance.added" / ".changed" /
 * ".removed" on the timeline. */
#ifndef CASELOAD_INSURANCE_H
#define CASELOAD_INSURANCE_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum insurance_field_bit {
	INSURANCE_F_PARTY = 1u << 0,      /* create only */
	INSURANCE_F_COMPANY = 1u << 1,
	INSURANCE_F_CLAIM_NUMBER = 1u << 2,
	INSURANCE_F_POLICY_LIMITS = 1u << 3,
	INSURANCE_F_NO_FAULT = 1u << 4,
	INSURANCE_F_UM_SUM = 1u << 5,
	INSURANCE_F_ADJUSTER = 1u << 6,
	INSURANCE_F_ADJUSTER_PHONE = 1u << 7,
	INSURANCE_F_COVERAGE = 1u << 8,
};

struct insurance_fields {
	uint32_t present;   /* enum insurance_field_bit */
	struct store_insurance v;
};

int insurance_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		   store_insurance_each_fn each, void *ctx, struct err *e);

/* insurance_get reads row id of the case; ERR_NOT_FOUND when the case has none (or the case
 * is not the actor's to see). */
int insurance_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		  struct store_insurance *out, struct err *e);

/* insurance_add: party_id is a party of this case (422 party_id), company_id / adjuster_id
 * exist when given, cents >= 0 (422 naming the field). */
int insurance_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		  const struct insurance_fields *f, struct store_insurance *out, struct err *e);
int insurance_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		     int64_t version, const struct insurance_fields *f,
		     struct store_insurance *out, struct err *e);
int insurance_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		     struct err *e);

#endif
