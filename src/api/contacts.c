/* contacts.c - people and organisations outside the user list.
 *   GET/POST /api/v1/contacts, GET/PATCH/DELETE /api/v1/contacts/{id}
 * Rules (who may read and write, the name and e-mail rules, in use) are domain/contact.c. A
 * user's link to their own contact is contact_id on /api/v1/users (api/users.c). */
#include "api/api.h"
#include "domain/contact.h"

#include <stddef.h>
#include <string.h>

#define CF(member) offsetof(struct store_contact, member)

static const struct spec_field contact_spec[] = {
	{"kind", SPEC_STRING, CF(kind), sizeof(((struct store_contact *)0)->kind), CONTACT_F_KIND, false},
	{"first_name", SPEC_STRING, CF(first_name), STORE_PERSON_NAME_MAX + 1, CONTACT_F_FIRST_NAME, false},
	{"last_name", SPEC_STRING, CF(last_name), STORE_PERSON_NAME_MAX + 1, CONTACT_F_LAST_NAME, false},
	{"org_name", SPEC_STRING, CF(org_name), STORE_NAME_MAX + 1, CONTACT_F_ORG_NAME, false},
	{"email", SPEC_STRING, CF(email), STORE_EMAIL_MAX + 1, CONTACT_F_EMAIL, false},
	{"phone", SPEC_STRING, CF(phone), STORE_PHONE_MAX + 1, CONTACT_F_PHONE, false},
	{0},
};

static json_t *contact_to_json(const struct store_contact *ct)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o}",
			 "id", (json_int_t)ct->id, "kind", ct->kind, "first_name", ct->first_name,
			 "last_name", ct->last_name, "org_name", ct->org_name, "email", ct->email,
			 "phone", ct->phone, "display_name", ct->display_name,
			 "version", (json_int_t)ct->version, "created_at", api_time(ct->created_at));
}

static int contact_reply(struct request *r, int status, const struct store_contact *ct)
{
	api_set_etag(r, ct->version);
	return reply_json(r, status, contact_to_json(ct));
}

struct contact_page {
	json_t *items;
	int64_t last_id;
};

static int contact_append(const struct store_contact *ct, void *ctx)
{
	struct contact_page *p = ctx;
	json_array_append_new(p->items, contact_to_json(ct));
	p->last_id = ct->id;
	return 0;
}

static int contacts_list(struct request *r)
{
	int limit;
	int64_t after;
	if (api_list_params(r, &limit, &after) != 0)
		return 0;
	const char *q = request_query(r, "q");
	if (q && strlen(q) > STORE_NAME_MAX)
		return reply_error(r, ERR_INVALID, "query.q", "must be at most 200 bytes long");
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct contact_page p = {json_array(), 0};
	if (contact_list(db, &r->actor, q ? q : "", after, limit, contact_append, &p, &e) != 0) {
		json_decref(p.items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_body(p.items, limit, p.last_id));
}

static int contacts_create(struct request *r)
{
	struct contact_fields f = {0};
	if (api_body(r, contact_spec, &f.d.v, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct contact_detail ct;
	if (contact_create(db, &r->actor, &f, &ct, &e) != 0)
		return api_fail(r, &e);
	return contact_reply(r, 201, &ct.v);
}

static int contacts_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct contact_detail ct;
	if (contact_get(db, &r->actor, id, &ct, &e) != 0)
		return api_fail(r, &e);
	return contact_reply(r, 200, &ct.v);
}

static int contacts_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), version;
	if (!id || api_if_match(r, &version) != 0)
		return 0;
	struct contact_fields f = {0};
	if (api_body(r, contact_spec, &f.d.v, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct contact_detail ct;
	if (contact_update(db, &r->actor, id, version, &f, &ct, &e) != 0)
		return api_fail(r, &e);
	return contact_reply(r, 200, &ct.v);
}

static int contacts_delete(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	if (contact_delete(db, &r->actor, id, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

const struct route api_contact_routes[] = {
	{"GET", "/api/v1/contacts", contacts_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/contacts", contacts_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/contacts/{id}", contacts_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/contacts/{id}", contacts_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/contacts/{id}", contacts_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
