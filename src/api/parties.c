/* parties.c - parties of a case: plaintiffs, other plaintiffs, defendants in full.
 *   GET/POST /api/v1/cases/{id}/parties, GET/PATCH/DELETE /api/v1/cases/{id}/parties/{party}
 * Rules are domain/party.c. */
#include "api/api.h"

const struct route api_party_routes[] = {
	{0},
};
