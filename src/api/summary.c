/* summary.c - the case summary in one call.
 *   GET /api/v1/cases/{id}/summary
 * The rows come from domain/summary.c (case_summary_walk); this file turns them into JSON. */
#include "api/api.h"

const struct route api_summary_routes[] = {
	{0},
};
