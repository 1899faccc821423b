/* related.c - (being written) */
#include "api/api.h"

const struct route api_related_routes[] = {
	{0},
};
