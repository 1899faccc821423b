/* users.c - administering users and their rights.
 *   GET/POST /api/v1/users, GET/PATCH /api/v1/users/{id}, PUT /api/v1/users/{id}/password,
 *   PUT/DELETE /api/v1/users/{id}/rights/{right}, GET /api/v1/rights
 * Rules (admin only, validation, role defaults) are domain/user.c and domain/rights.c. */
#include "api/api.h"
#include "domain/rights.h"
#include "domain/user.h"

#include <stddef.h>
#include <sodium.h>

#define UF(member) offsetof(struct user_fields, member)

static const struct spec_field user_create_spec[] = {
	{"login", SPEC_STRING, UF(login), STORE_LOGIN_MAX + 1, USER_F_LOGIN, false},
	{"name", SPEC_STRING, UF(name), STORE_NAME_MAX + 1, USER_F_NAME, false},
	{"email", SPEC_STRING, UF(email), STORE_EMAIL_MAX + 1, USER_F_EMAIL, false},
	{"role", SPEC_STRING, UF(role), STORE_ROLE_MAX + 1, USER_F_ROLE, false},
	{"office_id", SPEC_ID, UF(office_id), 0, USER_F_OFFICE, false},
	{"active", SPEC_BOOL, UF(active), 0, USER_F_ACTIVE, false},
	{"contact_id", SPEC_ID, UF(contact_id), 0, USER_F_CONTACT, false},
	{"password", SPEC_STRING, UF(password), sizeof(((struct user_fields *)0)->password), USER_F_PASSWORD, false},
	{0},
};

static const struct spec_field user_patch_spec[] = {
	{"name", SPEC_STRING, UF(name), STORE_NAME_MAX + 1, USER_F_NAME, false},
	{"email", SPEC_STRING, UF(email), STORE_EMAIL_MAX + 1, USER_F_EMAIL, false},
	{"role", SPEC_STRING, UF(role), STORE_ROLE_MAX + 1, USER_F_ROLE, false},
	{"office_id", SPEC_ID, UF(office_id), 0, USER_F_OFFICE, false},
	{"active", SPEC_BOOL, UF(active), 0, USER_F_ACTIVE, false},
	{"contact_id", SPEC_ID, UF(contact_id), 0, USER_F_CONTACT, false},
	{0},
};

static const struct spec_field user_password_spec[] = {
	{"password", SPEC_STRING, UF(password), sizeof(((struct user_fields *)0)->password), USER_F_PASSWORD, true},
	{0},
};

struct rights_body {
	bool granted;
};

static const struct spec_field rights_spec[] = {
	{"granted", SPEC_BOOL, offsetof(struct rights_body, granted), 0, 1, true},
	{0},
};

/* user_full_json is a user with effective rights and overrides (GET one, PATCH, rights). */
static int user_reply_full(struct request *r, struct store_conn *db, int64_t id, int status)
{
	struct err e;
	err_clear(&e);
	struct store_user u;
	uint32_t rights = 0, granted = 0, revoked = 0;
	if (user_get(db, &r->actor, id, &u, &e) != 0 || rights_effective(db, &u, &rights, &e) != 0 ||
	    user_overrides(db, id, &granted, &revoked, &e) != 0)
		return api_fail(r, &e);
	json_t *j = user_to_json(&u, rights);
	json_t *g = json_array(), *v = json_array();
	for (int i = 0; i < RIGHT__COUNT; i++) {
		if (granted & (1u << i))
			json_array_append_new(g, json_string(rights_info((enum right)i)->name));
		if (revoked & (1u << i))
			json_array_append_new(v, json_string(rights_info((enum right)i)->name));
	}
	json_object_set_new(j, "overrides", json_pack("{s:o, s:o}", "granted", g, "revoked", v));
	api_set_etag(r, u.version);
	return reply_json(r, status, j);
}

struct user_page {
	struct store_conn *db;
	json_t *items;
	int64_t last_id;
	int failed;
};

static int user_append(const struct store_user *u, void *ctx)
{
	struct user_page *p = ctx;
	uint32_t rights = 0;
	if (rights_effective(p->db, u, &rights, NULL) != 0) {
		p->failed = 1;
		return 1;
	}
	json_array_append_new(p->items, user_to_json(u, rights));
	p->last_id = u->id;
	return 0;
}

static int users_list(struct request *r)
{
	int limit;
	int64_t after;
	if (api_list_params(r, &limit, &after) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct user_page p = {db, json_array(), 0, 0};
	if (user_list(db, &r->actor, after, limit, user_append, &p, &e) != 0 || p.failed) {
		json_decref(p.items);
		if (p.failed)
			err_set(&e, ERR_INTERNAL, NULL, "cannot read rights");
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

/* person_to_json is a user as the directory shows them: who, not what they may do. */
static json_t *person_to_json(const struct store_user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:b}", "id", (json_int_t)u->id, "login", u->login,
			 "name", u->name, "role", u->role, "office_id",
			 u->office_id ? json_integer(u->office_id) : json_null(), "active", u->active);
}

static int person_append(const struct store_user *u, void *ctx)
{
	struct user_page *p = ctx;
	json_array_append_new(p->items, person_to_json(u));
	p->last_id = u->id;
	return 0;
}

static int people_list(struct request *r)
{
	int limit;
	int64_t after;
	if (api_list_params(r, &limit, &after) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct user_page p = {db, json_array(), 0, 0};
	if (user_directory(db, &r->actor, after, limit, person_append, &p, &e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

static int users_create(struct request *r)
{
	struct user_fields f = {0};
	if (api_body(r, user_create_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_user u;
	int rc = user_create(db, &r->actor, &f, &u, &e);
	sodium_memzero(f.password, sizeof f.password);
	if (rc != 0)
		return api_fail(r, &e);
	return user_reply_full(r, db, u.id, 201);
}

static int users_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct store_conn *db = id ? api_db(r) : NULL;
	if (!db)
		return 0;
	return user_reply_full(r, db, id, 200);
}

static int users_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), version;
	if (!id || api_if_match(r, &version) != 0)
		return 0;
	struct user_fields f = {0};
	if (api_body(r, user_patch_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_user u;
	if (user_update(db, &r->actor, id, version, &f, &u, &e) != 0)
		return api_fail(r, &e);
	return user_reply_full(r, db, id, 200);
}

static int users_password(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct user_fields f = {0};
	if (api_body(r, user_password_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	int rc = user_set_password(db, &r->actor, id, f.password, &e);
	sodium_memzero(f.password, sizeof f.password);
	if (rc != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

/* users_right_change grants/revokes (PUT) or resets (DELETE) one right. */
static int users_right_change(struct request *r, bool reset)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct rights_body b = {0};
	uint32_t present = 0;
	if (!reset && api_body(r, rights_spec, &b, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	if (user_right_override(db, &r->actor, id, r->params[1], b.granted, reset, &e) != 0)
		return api_fail(r, &e);
	return user_reply_full(r, db, id, 200);
}

static int users_right_put(struct request *r) { return users_right_change(r, false); }
static int users_right_delete(struct request *r) { return users_right_change(r, true); }

static int rights_list(struct request *r)
{
	static const char *const roles[] = {"admin", "staff", "advisor", "client"};
	json_t *items = json_array();
	for (int i = 0; i < RIGHT__COUNT; i++) {
		json_t *with = json_array();
		for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
			if (rights_role_default(roles[k]) & (1u << i))
				json_array_append_new(with, json_string(roles[k]));
		const struct right_info *info = rights_info((enum right)i);
		json_array_append_new(items, json_pack("{s:s, s:s, s:o}", "name", info->name,
						       "description", info->description, "roles", with));
	}
	return reply_json(r, 200, api_list_whole(items));
}

const struct route api_user_routes[] = {
	{"GET", "/api/v1/users", users_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/users", users_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/users/{id}", users_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/users/{id}", users_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"PUT", "/api/v1/users/{id}/password", users_password, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"PUT", "/api/v1/users/{id}/rights/{right}", users_right_put, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/users/{id}/rights/{right}", users_right_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"GET", "/api/v1/rights", rights_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"GET", "/api/v1/people", people_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
