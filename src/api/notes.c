/* notes.c - (being written) */
#include "api/api.h"

const struct route api_note_routes[] = {
	{0},
};
