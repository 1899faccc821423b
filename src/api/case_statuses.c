/* case_statuses.c - (being written) */
#include "api/api.h"

const struct route api_case_status_routes[] = {
	{0},
};
