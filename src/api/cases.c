/* cases.c - (being written) */
#include "api/api.h"

const struct route api_case_routes[] = {
	{0},
};
