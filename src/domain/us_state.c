/* us_state.c - the fixed list of US state codes (see us_state.h). */
#include "domain/us_state.h"

#include <string.h>

static const struct us_state us_states[] = {
	{"AL", "Alabama"},
	{"AK", "Alaska"},
	{"AS", "American Samoa"},
	{"AZ", "Arizona"},
	{"AR", "Arkansas"},
	{"CA", "California"},
	{"CO", "Colorado"},
	{"CT", "Connecticut"},
	{"DE", "Delaware"},
	{"DC", "District of Columbia"},
	{"FL", "Florida"},
	{"GA", "Georgia"},
	{"GU", "Guam"},
	{"HI", "Hawaii"},
	{"ID", "Idaho"},
	{"IL", "Illinois"},
	{"IN", "Indiana"},
	{"IA", "Iowa"},
	{"KS", "Kansas"},
	{"KY", "Kentucky"},
	{"LA", "Louisiana"},
	{"ME", "Maine"},
	{"MD", "Maryland"},
	{"MA", "Massachusetts"},
	{"MI", "Michigan"},
	{"MN", "Minnesota"},
	{"MS", "Mississippi"},
	{"MO", "Missouri"},
	{"MT", "Montana"},
	{"NE", "Nebraska"},
	{"NV", "Nevada"},
	{"NH", "New Hampshire"},
	{"NJ", "New Jersey"},
	{"NM", "New Mexico"},
	{"NY", "New York"},
	{"NC", "North Carolina"},
	{"ND", "North Dakota"},
	{"MP", "Northern Mariana Islands"},
	{"OH", "Ohio"},
	{"OK", "Oklahoma"},
	{"OR", "Oregon"},
	{"PA", "Pennsylvania"},
	{"PR", "Puerto Rico"},
	{"RI", "Rhode Island"},
	{"SC", "South Carolina"},
	{"SD", "South Dakota"},
	{"TN", "Tennessee"},
	{"TX", "Texas"},
	{"UM", "U.S. Minor Outlying Islands"},
	{"VI", "U.S. Virgin Islands"},
	{"UT", "Utah"},
	{"VT", "Vermont"},
	{"VA", "Virginia"},
	{"WA", "Washington"},
	{"WV", "West Virginia"},
	{"WI", "Wisconsin"},
	{"WY", "Wyoming"},
};

#define US_STATE_COUNT (sizeof us_states / sizeof us_states[0])

const struct us_state *us_state_list(size_t *n)
{
	*n = US_STATE_COUNT;
	return us_states;
}

const char *us_state_name(const char *code)
{
	if (!code || strlen(code) != 2)
		return NULL;
	for (size_t i = 0; i < US_STATE_COUNT; i++)
		if (strcmp(us_states[i].code, code) == 0)
			return us_states[i].name;
	return NULL;
}

bool us_state_valid(const char *code)
{
	return us_state_name(code) != NULL;
}
