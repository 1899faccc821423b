/* offices.c - the firm's offices and their letter logos.
 *   GET/POST /api/v1/offices, GET/PATCH/DELETE /api/v1/offices/{id},
 *   GET/PUT /api/v1/offices/{id}/logo
 * Rules are domain/office.c. */
#include "api/api.h"
#include "domain/office.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define OF(member) offsetof(struct office_fields, member)

static const struct spec_field office_spec[] = {
	{"name", SPEC_STRING, OF(name), STORE_NAME_MAX + 1, OFFICE_F_NAME, false},
	{"address", SPEC_STRING, OF(address), STORE_ADDRESS_MAX + 1, OFFICE_F_ADDRESS, false},
	{"phone", SPEC_STRING, OF(phone), sizeof(((struct office_fields *)0)->phone), OFFICE_F_PHONE, false},
	{"email", SPEC_STRING, OF(email), STORE_EMAIL_MAX + 1, OFFICE_F_EMAIL, false},
	{0},
};

static json_t *office_to_json(const struct store_office *o)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:I, s:o}", "id", (json_int_t)o->id,
			 "name", o->name, "address", o->address, "phone", o->phone, "email", o->email,
			 "has_logo", o->has_logo, "version", (json_int_t)o->version,
			 "created_at", api_time(o->created_at));
}

static int office_reply(struct request *r, int status, const struct store_office *o)
{
	api_set_etag(r, o->version);
	return reply_json(r, status, office_to_json(o));
}

static int office_append(const struct store_office *o, void *ctx)
{
	json_array_append_new(ctx, office_to_json(o));
	return 0;
}

static int offices_list(struct request *r)
{
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	json_t *items = json_array();
	if (office_list(db, &r->actor, office_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int offices_create(struct request *r)
{
	struct office_fields f = {0};
	if (api_body(r, office_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_office o;
	if (office_create(db, &r->actor, &f, &o, &e) != 0)
		return api_fail(r, &e);
	return office_reply(r, 201, &o);
}

static int offices_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct store_office o;
	if (office_get(db, &r->actor, id, &o, &e) != 0)
		return api_fail(r, &e);
	return office_reply(r, 200, &o);
}

static int offices_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0), version;
	if (!id || api_if_match(r, &version) != 0)
		return 0;
	struct office_fields f = {0};
	if (api_body(r, office_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_office o;
	if (office_update(db, &r->actor, id, version, &f, &o, &e) != 0)
		return api_fail(r, &e);
	return office_reply(r, 200, &o);
}

static int offices_delete(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	if (office_delete(db, &r->actor, id, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

static int offices_logo_put(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	const char *ct = request_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	const char *mime = NULL;
	if (ct && strncmp(ct, "image/png", 9) == 0)
		mime = "image/png";
	else if (ct && strncmp(ct, "image/jpeg", 10) == 0)
		mime = "image/jpeg";
	if (!mime)
		return reply_error(r, ERR_MEDIA_TYPE, "header.Content-Type", "the logo must be image/png or image/jpeg");
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	if (office_logo_set(db, &r->actor, id, mime, r->body.data ? r->body.data : "", r->body.len, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

static int offices_logo_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	char mime[64];
	void *data = NULL;
	size_t len = 0;
	if (office_logo_get(db, &r->actor, id, mime, &data, &len, &e) != 0)
		return api_fail(r, &e);
	reply_bytes(r, 200, mime, data, len, false);
	free(data);
	return 0;
}

const struct route api_office_routes[] = {
	{"GET", "/api/v1/offices", offices_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/offices", offices_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/offices/{id}", offices_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/offices/{id}", offices_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/offices/{id}", offices_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{"PUT", "/api/v1/offices/{id}/logo", offices_logo_put, ROUTE_USER, true, OFFICE_LOGO_MAX},
	{"GET", "/api/v1/offices/{id}/logo", offices_logo_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
