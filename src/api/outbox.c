/* outbox.c - the e-mail outbox, for the operator.
 *   GET /api/v1/outbox, POST /api/v1/outbox/{id}/resolve
 * Rules are jobs/outbox.c. */
#include "api/api.h"

const struct route api_outbox_routes[] = {
	{0},
};
