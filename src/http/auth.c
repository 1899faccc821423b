/* auth.c - reading credentials from a request and checking CSRF proof (see auth.h). Sessions
 * and tokens themselves are domain/session.c. */
#include "http/auth.h"
#include "http/router.h"
#include "http/server.h"
#include "domain/session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int auth_identify(struct request *r, struct err *e)
{
	const char *authz = request_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
	const char *cookie = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, AUTH_COOKIE_NAME);
	bool needed = r->route->auth != ROUTE_PUBLIC;
	if (!authz && !cookie) {
		if (needed)
			return err_set(e, ERR_UNAUTHORIZED, NULL, "log in first");
		return 0;
	}
	struct store_conn *db = request_db(r);
	if (!db)
		return err_set(e, ERR_BUSY, NULL, "the server is busy; try again");
	struct err local;
	err_clear(&local);
	int rc;
	if (authz) {
		if (strncasecmp(authz, "Bearer ", 7) != 0)
			rc = err_set(&local, ERR_UNAUTHORIZED, "header.Authorization",
				     "only Bearer tokens are accepted");
		else
			rc = token_resolve(db, authz + 7, &r->actor, &local);
	} else {
		rc = session_resolve(db, &r->srv->cfg.session, cookie, &r->actor, &local);
	}
	if (rc == 0)
		return 0;
	memset(&r->actor, 0, sizeof r->actor);
	if (!needed && rc == ERR_UNAUTHORIZED)
		return 0;
	*e = local;
	return rc;
}

/* auth_origin_is_ours compares Origin with the scheme-less Host the request was sent to. */
static bool auth_origin_is_ours(struct request *r, const char *origin)
{
	const char *host = request_header(r, MHD_HTTP_HEADER_HOST);
	if (!host)
		return false;
	const char *rest = NULL;
	if (strncmp(origin, "http://", 7) == 0)
		rest = origin + 7;
	else if (strncmp(origin, "https://", 8) == 0)
		rest = origin + 8;
	return rest && strcasecmp(rest, host) == 0;
}

int auth_check_origin(struct request *r, bool required, struct err *e)
{
	const char *origin = request_header(r, "Origin");
	if (!origin && required)
		return err_set(e, ERR_CSRF, "header.Origin", "the request has no Origin header");
	if (origin && !auth_origin_is_ours(r, origin))
		return err_set(e, ERR_CSRF, "header.Origin", "the request comes from another site");
	const char *site = request_header(r, "Sec-Fetch-Site");
	if (!site && required)
		return err_set(e, ERR_CSRF, "header.Sec-Fetch-Site", "the request has no Sec-Fetch-Site header");
	if (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return err_set(e, ERR_CSRF, "header.Sec-Fetch-Site", "the request comes from another site");
	return 0;
}

int auth_check_route(struct request *r, struct err *e)
{
	if (r->route->auth != ROUTE_PUBLIC && r->actor.via == ACTOR_NONE)
		return err_set(e, ERR_UNAUTHORIZED, NULL, "log in first");
	if (!r->route->csrf || !router_unsafe(r->method) || r->actor.via != ACTOR_COOKIE)
		return 0;
	const char *token = request_header(r, "X-CSRF-Token");
	size_t want = strlen(r->actor.csrf_token);
	if (!token || strlen(token) != want || want == 0 ||
	    sodium_memcmp(token, r->actor.csrf_token, want) != 0)
		return err_set(e, ERR_CSRF, "header.X-CSRF-Token", "missing or wrong CSRF token");
	return auth_check_origin(r, true, e);
}

void auth_set_cookie(struct request *r, const char *token)
{
	r->set_cookie = arena_printf(&r->arena, "%s=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
				     AUTH_COOKIE_NAME, token);
}

void auth_clear_cookie(struct request *r)
{
	r->set_cookie = arena_printf(&r->arena, "%s=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0",
				     AUTH_COOKIE_NAME);
}
