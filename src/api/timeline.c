/* timeline.c - (being written) */
#include "api/api.h"

const struct route api_timeline_routes[] = {
	{0},
};
