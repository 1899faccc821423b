/* session.c - logging in and out, who am I, and changing one's own password.
 *   POST /api/v1/session, DELETE /api/v1/session, GET /api/v1/me, PUT /api/v1/me/password
 * The rules are domain/session.c and domain/user.c; the cookie is http/auth.c. */
#include "api/api.h"
#include "domain/password.h"
#include "domain/session.h"
#include "domain/user.h"
#include "http/auth.h"
#include "http/server.h"

#include <stddef.h>
#include <sodium.h>

struct login_body {
	char login[STORE_LOGIN_MAX + 1];
	char password[PASSWORD_MAX_CHARS * 4 + 1];
};

static const struct spec_field login_spec[] = {
	{"login", SPEC_STRING, offsetof(struct login_body, login), STORE_LOGIN_MAX + 1, 1, true},
	{"password", SPEC_STRING, offsetof(struct login_body, password), PASSWORD_MAX_CHARS * 4 + 1, 2, true},
	{0},
};

/* session_me_json is the answer of login and /me: the user and the CSRF token (cookie only). */
static json_t *session_me_json(const struct actor *a)
{
	return json_pack("{s:o, s:o}", "user", user_to_json(&a->user, a->rights), "csrf_token",
			 a->via == ACTOR_COOKIE ? json_string(a->csrf_token) : json_null());
}

static int session_create(struct request *r)
{
	struct err e;
	err_clear(&e);
	if (auth_check_origin(r, false, &e) != 0)
		return api_fail(r, &e);
	struct login_body b = {0};
	uint32_t present = 0;
	if (api_body(r, login_spec, &b, &present) != 0)
		return 0;
	struct store_conn *db = api_db(r);
	if (!db)
		return 0;
	char token[SESSION_SECRET_CHARS + 1];
	struct actor a;
	int rc = session_login(db, &r->srv->cfg.session, b.login, b.password, r->client_ip, &a, token, &e);
	sodium_memzero(b.password, sizeof b.password);
	if (rc != 0)
		return api_fail(r, &e);
	r->actor = a;
	auth_set_cookie(r, token);
	sodium_memzero(token, sizeof token);
	return reply_json(r, 200, session_me_json(&a));
}

static int session_delete(struct request *r)
{
	struct err e;
	err_clear(&e);
	struct store_conn *db = api_db(r);
	if (!db)
		return 0;
	if (session_logout(db, &r->actor, &e) != 0)
		return api_fail(r, &e);
	auth_clear_cookie(r);
	return reply_empty(r, 204);
}

static int me_get(struct request *r)
{
	return reply_json(r, 200, session_me_json(&r->actor));
}

struct password_body {
	char current[PASSWORD_MAX_CHARS * 4 + 1];
	char fresh[PASSWORD_MAX_CHARS * 4 + 1];
};

static const struct spec_field password_spec[] = {
	{"current_password", SPEC_STRING, offsetof(struct password_body, current), PASSWORD_MAX_CHARS * 4 + 1, 1, true},
	{"new_password", SPEC_STRING, offsetof(struct password_body, fresh), PASSWORD_MAX_CHARS * 4 + 1, 2, true},
	{0},
};

static int me_password(struct request *r)
{
	struct password_body b = {0};
	uint32_t present = 0;
	if (api_body(r, password_spec, &b, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	int rc = user_change_own_password(db, &r->actor, b.current, b.fresh, &e);
	sodium_memzero(&b, sizeof b);
	if (rc != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

const struct route api_session_routes[] = {
	{"POST", "/api/v1/session", session_create, ROUTE_PUBLIC, false, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/session", session_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"GET", "/api/v1/me", me_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PUT", "/api/v1/me/password", me_password, ROUTE_USER, true, ROUTE_BODY_JSON},
	{0},
};
