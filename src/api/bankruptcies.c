/* bankruptcies.c - bankruptcies of the parties of a case.
 *   GET/POST /api/v1/cases/{id}/bankruptcies, GET/PATCH/DELETE .../bankruptcies/{row}
 * Rules are domain/bankruptcy.c. */
#include "api/api.h"

const struct route api_bankruptcy_routes[] = {
	{0},
};
