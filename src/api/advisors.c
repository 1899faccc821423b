/* advisors.c - advisors and their logs.
 *   GET /api/v1/advisors, GET /api/v1/contacts/{id}/advisor-log
 * Rules are domain/advisor.c. */
#include "api/api.h"

const struct route api_advisor_routes[] = {
	{0},
};
