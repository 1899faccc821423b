/* policy.h - the insurance side of a pending case: policy number, insured (the policy holder,
 * a contact), carrier (an organisation contact), product, amount, the kind of pending case
 * (formal, informal, informal_child with its parent case, group) and the next and last
 * follow-up dates. The stage is the case's primary status (domain/case_status.c).
 *
 * Only cases of a case type of group insurance have one (ERR_UNPROCESSABLE "case" otherwise).
 * Reading follows the case (advisors see their own cases' policies); writing needs case_edit
 * and writes "policy.changed" on the timeline. Requirements are domain/requirement.c. */
#ifndef CASELOAD_POLICY_H
#define CASELOAD_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum policy_field_bit {
	POLICY_F_NUMBER = 1u << 0,
	POLICY_F_INSURED = 1u << 1,
	POLICY_F_CARRIER = 1u << 2,
	POLICY_F_PRODUCT = 1u << 3,
	POLICY_F_AMOUNT = 1u << 4,
	POLICY_F_KIND = 1u << 5,
	POLICY_F_PARENT = 1u << 6,
	POLICY_F_NEXT_FOLLOW_UP = 1u << 7,
	POLICY_F_LAST_FOLLOW_UP = 1u << 8,
};

struct policy_fields {
	uint32_t present;   /* enum policy_field_bit */
	struct store_policy v;
};

/* policy_kind_valid says whether k is formal, informal, informal_child or group. */
bool policy_kind_valid(const char *k);

/* policy_get fills out for a case the actor may see; a case without a policy row answers an
 * empty one (version 0, kind formal, amount -1). ERR_NOT_FOUND when the case is not theirs. */
int policy_get(struct store_conn *c, const struct actor *a, int64_t case_id,
	       struct store_policy *out, struct err *e);

/* policy_put changes the given members (creating the row when version is 0 and none exists;
 * ERR_CONFLICT when version is stale). Rules: kind valid; informal_child needs parent_case_id,
 * an insurance case other than this one (422 parent_case_id), other kinds clear it; insured and
 * carrier existing contacts (422 insured_id / carrier_id); amount >= 0; follow-up dates valid.
 * version < 0 says the caller sent no version (no If-Match): that creates the row when there is
 * none, and is ERR_PRECONDITION on header.If-Match when there is one. Writes "policy.changed"
 * when something changed (nothing is written otherwise; the version stays). */
int policy_put(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t version,
	       const struct policy_fields *f, struct store_policy *out, struct err *e);

/* policy_parent fills out with the brief (id, number, name, stage) of p's parent case, when p
 * has one that the actor may see; false (out zeroed) otherwise. Errors count as not seen. */
bool policy_parent(struct store_conn *c, const struct actor *a, const struct store_policy *p,
		   struct store_case_brief *out);

#endif
