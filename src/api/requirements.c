/* requirements.c - a pending case's requirements.
 *   GET/POST /api/v1/cases/{id}/requirements, GET/PATCH/DELETE .../requirements/{row}
 * Rules are domain/requirement.c; the steps around them are api/case_rows.c. */
#include "api/api.h"

const struct route api_requirement_routes[] = {
	{0},
};
