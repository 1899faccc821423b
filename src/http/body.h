/* body.h - reading a request body as JSON: media type, size (already capped while reading, see
 * server.c), syntax with line and column, nesting depth, and an object at the top. */
#ifndef CASELOAD_HTTP_BODY_H
#define CASELOAD_HTTP_BODY_H

#include <jansson.h>

#include "http/request.h"

#define BODY_JSON_MAX_DEPTH 32

/* body_json parses r's body into r->json (owned by the request) and returns it through *out.
 * Fails with ERR_MEDIA_TYPE (not application/json), ERR_INVALID (malformed: r->problem_line and
 * r->problem_column are set; too deep; not an object). */
int body_json(struct request *r, json_t **out, struct err *e);

/* body_json_depth measures how deeply v nests (a scalar is 0, [] or {} is 1). */
int body_json_depth(const json_t *v);

#endif
