/* us_state.h - the US states, the District of Columbia and the inhabited territories: the codes
 * a case's `state` may take and their names for pick lists. A fixed list, not a setup list: it
 * is the same for every firm. Served by GET /api/v1/setup/states (api/setup.c). */
#ifndef CASELOAD_US_STATE_H
#define CASELOAD_US_STATE_H

#include <stdbool.h>
#include <stddef.h>

struct us_state {
	const char *code;   /* two upper-case letters, "NY" */
	const char *name;   /* "New York" */
};

/* us_state_list gives the whole list in name order; *n receives its length. The array is
 * static and lives as long as the program. */
const struct us_state *us_state_list(size_t *n);

/* us_state_valid says whether code is one of the codes (exactly, upper case). NULL and "" are
 * not codes: callers that allow "no state" test for "" themselves. */
bool us_state_valid(const char *code);

/* us_state_name gives the name of a code, or NULL when it is not one. */
const char *us_state_name(const char *code);

#endif
