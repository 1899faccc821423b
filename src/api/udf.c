/* udf.c - user-defined fields of a case.
 *   GET/PATCH /api/v1/cases/{id}/udf
 * Rules are domain/udf.c. */
#include "api/api.h"

const struct route api_udf_routes[] = {
	{0},
};
