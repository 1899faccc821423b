/* deadlines.c - critical deadlines and SOLs of a case.
 *   GET/POST /api/v1/cases/{id}/deadlines, GET/PATCH/DELETE .../deadlines/{deadline}
 * Rules are domain/deadline.c. */
#include "api/api.h"

const struct route api_deadline_routes[] = {
	{0},
};
