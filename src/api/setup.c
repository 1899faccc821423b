/* setup.c - (being written) */
#include "api/api.h"

const struct route api_setup_routes[] = {
	{0},
};
