/* courts.c - courts and dockets of a case.
 *   GET/POST /api/v1/cases/{id}/courts, GET/PATCH/DELETE /api/v1/cases/{id}/courts/{row}
 * Rules are domain/court.c. */
#include "api/api.h"

const struct route api_court_routes[] = {
	{0},
};
