/* router.h - route tables and matching.
 *
 * Each file in src/api/ exports a table of struct route ending in an entry with a NULL method;
 * api/routes.c lists the tables. Before a handler runs, the server checks (in this order) that
 * the path exists, the method is allowed, the body fits, the caller is logged in when the route
 * needs it, and CSRF proof is there for unsafe methods under a cookie session. */
#ifndef CASELOAD_HTTP_ROUTER_H
#define CASELOAD_HTTP_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "http/request.h"

enum route_auth {
	ROUTE_PUBLIC,   /* no login needed */
	ROUTE_USER,     /* any logged-in user; rights are checked in the domain */
};

#define ROUTE_BODY_NONE 0
#define ROUTE_BODY_JSON ((size_t)1024 * 1024)   /* 1 MiB, defaults.md */

struct route {
	const char *method;
	const char *pattern;     /* "/api/v1/users/{id}/rights/{right}" */
	int (*handler)(struct request *r);
	enum route_auth auth;
	bool csrf;               /* unsafe method: needs CSRF proof under a cookie session */
	size_t body_max;         /* largest accepted body; 0 = no body */
};

enum router_result { ROUTER_FOUND, ROUTER_NO_PATH, ROUTER_NO_METHOD };

/* router_tables is the NULL-terminated list of route tables (defined in api/routes.c). */
extern const struct route *const router_tables[];

/* router_match finds the route for method and path, filling r->params/nparams. On
 * ROUTER_NO_METHOD, allow (size allow_size) receives the methods the path does accept. */
enum router_result router_match(struct request *r, const char *method, const char *path,
				const struct route **out, char *allow, size_t allow_size);

/* router_unsafe says whether a method changes state (POST, PUT, PATCH, DELETE). */
bool router_unsafe(const char *method);

#endif
