/* problem.h - the one place where error codes become HTTP statuses and problem+json bodies. */
#ifndef CASELOAD_HTTP_PROBLEM_H
#define CASELOAD_HTTP_PROBLEM_H

#include <jansson.h>

#include "core/err.h"

/* problem_status maps an ERR_* code to its HTTP status. */
int problem_status(int code);

/* problem_title gives the short title for an HTTP status. */
const char *problem_title(int status);

/* problem_to_json builds the problem body for e; line/column > 0 are added for bad JSON. */
json_t *problem_to_json(const struct err *e, int line, int column);

#endif
