/* contacts.c - (being written) */
#include "api/api.h"

const struct route api_contact_routes[] = {
	{0},
};
