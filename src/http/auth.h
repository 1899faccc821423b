/* auth.h - who is calling (session cookie or bearer token) and the CSRF checks for cookie
 * sessions. Whether the caller may do the thing is the domain's business (domain/rights.c). */
#ifndef CASELOAD_HTTP_AUTH_H
#define CASELOAD_HTTP_AUTH_H

#include "http/request.h"

#define AUTH_COOKIE_NAME "__Host-sid"

/* auth_identify fills r->actor from the Authorization header or the session cookie. For a
 * route that needs a login, no or bad credentials are ERR_UNAUTHORIZED; on a public route they
 * are ignored and r->actor stays anonymous. */
int auth_identify(struct request *r, struct err *e);

/* auth_check_route enforces the route's login requirement and, for unsafe methods under a
 * cookie session, the CSRF proof: X-CSRF-Token, same-origin Origin, Sec-Fetch-Site. ERR_CSRF. */
int auth_check_route(struct request *r, struct err *e);

/* auth_check_origin refuses (ERR_CSRF) a request whose Origin or Sec-Fetch-Site, when sent,
 * show it comes from another site; required makes a missing Origin an error too. */
int auth_check_origin(struct request *r, bool required, struct err *e);

/* auth_set_cookie makes the answer set the session cookie to token; auth_clear_cookie ends it. */
void auth_set_cookie(struct request *r, const char *token);
void auth_clear_cookie(struct request *r);

#endif
