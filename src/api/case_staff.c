/* case_staff.c - (being written) */
#include "api/api.h"

const struct route api_case_staff_routes[] = {
	{0},
};
