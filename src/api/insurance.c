/* insurance.c - insurance of the parties of a case.
 *   GET/POST /api/v1/cases/{id}/insurance, GET/PATCH/DELETE /api/v1/cases/{id}/insurance/{row}
 * Rules are domain/insurance.c. */
#include "api/api.h"

const struct route api_insurance_routes[] = {
	{0},
};
