/* request.h - one HTTP request as the handlers see it, and the ways to answer it.
 *
 * server.c makes a struct request per request (with an arena freed when it completes), router.c
 * finds its route, auth.c fills r->actor, then the route's handler runs and answers with exactly
 * one reply_* call. Handlers live in src/api/ and call one domain function each. */
#ifndef CASELOAD_HTTP_REQUEST_H
#define CASELOAD_HTTP_REQUEST_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

struct server;
struct route;

#define REQUEST_MAX_PARAMS 4

struct request {
	struct MHD_Connection *conn;
	struct server *srv;
	struct arena arena;              /* freed when the request completes */
	const char *method;
	const char *path;
	char client_ip[64];
	int64_t started_us;

	struct buf body;                 /* capped at the route's body_max */
	bool body_refused;               /* an answer was queued before the body was read */
	size_t discarded;                /* bytes dropped after a mid-body refusal */
	const struct route *route;
	const char *params[REQUEST_MAX_PARAMS];  /* path placeholders in pattern order */
	int nparams;

	struct store_conn *db;           /* taken from the pool on first use, see request_db() */
	struct actor actor;              /* via == ACTOR_NONE when not logged in */
	json_t *json;                    /* the parsed body, owned here */

	struct MHD_Response *response;   /* the answer, once a reply_* call made it */
	int status;
	const char *set_cookie;          /* arena string, added as Set-Cookie */
	const char *allow;               /* Allow header for 405 */
	const char *etag;                /* ETag header */
	int retry_after;                 /* Retry-After header when > 0 */
	int problem_line, problem_column;  /* malformed JSON position for the problem body */
};

/* request_db returns the request's database connection, taking one from the pool on first use;
 * NULL when none was free in time (the caller answers 503). Released when the request ends. */
struct store_conn *request_db(struct request *r);

/* request_header gives a request header (case-insensitive name) or NULL. */
const char *request_header(struct request *r, const char *name);

/* request_query gives a query-string argument or NULL. */
const char *request_query(struct request *r, const char *name);

/* request_param_id parses path placeholder i as a positive id; 0 (after answering 404) when it
 * is not one. */
int64_t request_param_id(struct request *r, int i);

/* ---- replies: each returns 0 so a handler can `return reply_json(...)` ---------------------- */

/* reply_json answers status with body as JSON; takes ownership of body (decref'd here). */
int reply_json(struct request *r, int status, json_t *body);

/* reply_empty answers status with no body (204, or 201 without content). */
int reply_empty(struct request *r, int status);

/* reply_bytes answers with a copy of data and the given Content-Type. */
int reply_bytes(struct request *r, int status, const char *content_type, const void *data,
		size_t len, bool download);

/* reply_fd answers with the first size bytes of the open file fd, which it takes (closed when
 * sent, or at once when the answer cannot be made): large downloads go out from a temporary
 * file instead of memory. */
int reply_fd(struct request *r, int status, const char *content_type, int fd, uint64_t size,
	     bool download);

/* reply_static answers with data that lives as long as the program (embedded files). */
int reply_static(struct request *r, const char *content_type, const void *data, size_t len);

/* reply_problem answers an error as application/problem+json (see problem.c). */
int reply_problem(struct request *r, const struct err *e);

/* reply_error is reply_problem for an error made on the spot. */
int reply_error(struct request *r, int code, const char *field, const char *message);

#endif
