/* follow_ups.c - the status report setup.
 *   GET/PUT /api/v1/setup/status-report, GET/PUT /api/v1/offices/{id}/follow-up
 * Rules are domain/follow_up.c. */
#include "api/api.h"

const struct route api_follow_up_routes[] = {
	{0},
};
