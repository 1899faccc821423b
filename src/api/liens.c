/* liens.c - liens on the plaintiffs of a case.
 *   GET/POST /api/v1/cases/{id}/liens, GET/PATCH/DELETE /api/v1/cases/{id}/liens/{row}
 * Rules are domain/lien.c. */
#include "api/api.h"

const struct route api_lien_routes[] = {
	{0},
};
