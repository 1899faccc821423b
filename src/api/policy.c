/* policy.c - a pending case's policy data.
 *   GET/PUT /api/v1/cases/{id}/policy
 * Rules are domain/policy.c. */
#include "api/api.h"

const struct route api_policy_routes[] = {
	{0},
};
