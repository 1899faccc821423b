/* case_rows.h - the five routes of a resource of rows under a case, answered the same way for
 * each: GET /api/v1/cases/{id}/<rows> (the whole list), POST (201), GET .../{row},
 * PATCH .../{row} (If-Match) and DELETE .../{row} (204). A resource (parties, insurance,
 * liens, bankruptcies, tasks, appointments, deadlines, courts) gives its body spec and one
 * function that makes its domain call for a step and turns the row into its JSON;
 * case_rows_handle does the rest (ids, the list's filter, If-Match, body, connection,
 * problems, ETag). */
#ifndef CASELOAD_API_CASE_ROWS_H
#define CASELOAD_API_CASE_ROWS_H

#include "api/api.h"

enum case_rows_op { CASE_ROWS_LIST, CASE_ROWS_GET, CASE_ROWS_ADD, CASE_ROWS_UPDATE };

/* One step: what it is given, and what the resource's call answers. */
struct case_rows_call {
	enum case_rows_op op;
	int64_t case_id;
	int64_t id, version;       /* GET, UPDATE: the row; UPDATE: the If-Match version */
	bool only;                 /* LIST: the filter (struct case_rows .filter), false if absent */
	const void *fields;        /* ADD, UPDATE: the parsed body (the domain's fields struct) */
	json_t *items;             /* LIST: the array to append the rows to */
	json_t *row;               /* GET, ADD, UPDATE: the row's JSON (a new reference) */
	int64_t row_version;       /* GET, ADD, UPDATE: the row's version, for the ETag */
};

struct case_rows {
	const struct spec_field *spec;  /* the body, into the domain's fields struct */
	size_t fields_size;             /* which must begin with its uint32_t present set */
	/* call makes the domain call of k->op: 0, or the ERR_* code it put in e */
	int (*call)(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
		    struct err *e);
	api_case_row_fn remove;         /* DELETE */
	/* Optional. filter names the list's query parameter, true or false (api_query_bool),
	 * read into k->only. list names the body's one array member that spec does not describe
	 * (api_body_list). rest reads what spec does not (the array member, NULL when absent;
	 * text to convert) into fields: 0, or the ERR_* code it put in e. */
	const char *filter;
	const char *list;
	int (*rest)(void *fields, const json_t *list, struct err *e);
};

/* case_rows_handle answers any of the five routes of rows (by the route's method, and whether
 * its path has the {row} placeholder). */
int case_rows_handle(struct request *r, const struct case_rows *rows);

/* case_rows_items reads the body's array member list, at most max elements (else 422 on list,
 * "at most <max> people"), through spec into the zeroed array items of elements of item_size
 * bytes, and its length into *n: 0, or the ERR_* code it put in e (a problem names
 * "list[i].member"). */
int case_rows_items(const json_t *array, const char *list, int max,
		    const struct spec_field *spec, void *items, size_t item_size, int *n,
		    struct err *e);

#endif
