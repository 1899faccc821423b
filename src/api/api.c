/* api.c - helpers shared by the handlers (see api.h). */
#include "api/api.h"
#include "core/clock.h"
#include "domain/rights.h"
#include "http/body.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store_conn *api_db(struct request *r)
{
	struct store_conn *c = request_db(r);
	if (!c)
		reply_error(r, ERR_BUSY, NULL, "the server is busy; try again");
	return c;
}

struct store_conn *api_start(struct request *r, struct err *e)
{
	err_clear(e);
	return api_db(r);
}

int api_fail(struct request *r, const struct err *e)
{
	reply_problem(r, e);
	return 0;
}

int api_body(struct request *r, const struct spec_field *spec, void *dst, uint32_t *present)
{
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	if (body_json(r, &obj, &e) != 0 || spec_parse(obj, spec, dst, present, &e) != 0) {
		reply_problem(r, &e);
		return -1;
	}
	return 0;
}

int api_if_match(struct request *r, int64_t *version)
{
	const char *v = request_header(r, MHD_HTTP_HEADER_IF_MATCH);
	if (!v) {
		reply_error(r, ERR_PRECONDITION, "header.If-Match",
			    "send If-Match with the version you read, so changes are not lost");
		return -1;
	}
	char digits[32];
	size_t n = strlen(v);
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		v++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof digits || strspn(v, "0123456789") < n) {
		reply_error(r, ERR_INVALID, "header.If-Match", "must be the record's version number");
		return -1;
	}
	memcpy(digits, v, n);
	digits[n] = '\0';
	*version = strtoll(digits, NULL, 10);
	return 0;
}

void api_set_etag(struct request *r, int64_t version)
{
	r->etag = arena_printf(&r->arena, "\"%lld\"", (long long)version);
}

static int api_bad_cursor(struct request *r)
{
	reply_error(r, ERR_INVALID, "query.cursor", "is not a cursor this server gave");
	return -1;
}

/* api_list_start reads limit and decodes the cursor argument into raw (size bytes; "" when
 * there is none); -1 after answering 400. */
static int api_list_start(struct request *r, int *limit, char *raw, size_t size)
{
	*limit = API_LIST_DEFAULT;
	raw[0] = '\0';
	const char *l = request_query(r, "limit");
	if (l) {
		char *end = NULL;
		long v = strtol(l, &end, 10);
		if (!*l || *end || v < 1 || v > API_LIST_MAX) {
			reply_error(r, ERR_INVALID, "query.limit", "must be a number from 1 to 200");
			return -1;
		}
		*limit = (int)v;
	}
	const char *c = request_query(r, "cursor");
	if (c && *c) {
		size_t len = 0;
		if (sodium_base642bin((unsigned char *)raw, size - 1, c, strlen(c), NULL, &len, NULL,
				      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || len == 0)
			return api_bad_cursor(r);
		raw[len] = '\0';
	}
	return 0;
}

/* api_list_cursor reads limit and a cursor "<id>" (at == NULL) or "<at>.<id>". */
static int api_list_cursor(struct request *r, int *limit, int64_t *at, int64_t *id)
{
	char raw[48];
	*id = 0;
	if (at)
		*at = 0;
	if (api_list_start(r, limit, raw, sizeof raw) != 0)
		return -1;
	if (!raw[0])
		return 0;
	const char *p = raw;
	char *end = NULL;
	long long t = 0;
	if (at) {
		t = strtoll(p, &end, 10);
		if (end == p || *end != '.')
			return api_bad_cursor(r);
		p = end + 1;
	}
	long long v = strtoll(p, &end, 10);
	if (end == p || *end || v < 0 || (at && v == 0))
		return api_bad_cursor(r);
	if (at)
		*at = t;
	*id = v;
	return 0;
}

int api_list_params(struct request *r, int *limit, int64_t *after_id)
{
	return api_list_cursor(r, limit, NULL, after_id);
}

int api_list_params_at(struct request *r, int *limit, int64_t *at, int64_t *id)
{
	return api_list_cursor(r, limit, at, id);
}

/* api_list_wrap makes the list body with raw as the next cursor (base64url), or null when the
 * page was not full (nothing more follows) or raw is NULL. Takes ownership of items. */
static json_t *api_list_wrap(json_t *items, int limit, const char *raw)
{
	json_t *cursor = json_null();
	if ((int)json_array_size(items) >= limit && raw) {
		char enc[72];
		sodium_bin2base64(enc, sizeof enc, (const unsigned char *)raw, strlen(raw),
				  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		json_decref(cursor);
		cursor = json_string(enc);
	}
	return json_pack("{s:o, s:o}", "items", items, "next_cursor", cursor);
}

json_t *api_list_body(json_t *items, int limit, int64_t last_id)
{
	char raw[24];
	snprintf(raw, sizeof raw, "%lld", (long long)last_id);
	return api_list_wrap(items, limit, last_id > 0 ? raw : NULL);
}

json_t *api_list_body_at(json_t *items, int limit, int64_t last_at, int64_t last_id)
{
	char raw[48];
	snprintf(raw, sizeof raw, "%lld.%lld", (long long)last_at, (long long)last_id);
	return api_list_wrap(items, limit, last_id > 0 ? raw : NULL);
}

json_t *api_list_whole(json_t *items)
{
	return json_pack("{s:o, s:n}", "items", items, "next_cursor");
}

json_t *api_time(int64_t t)
{
	if (t == 0)
		return json_null();
	char buf[32];
	clock_format_utc(t, buf);
	return json_string(buf);
}

json_t *api_ref(int64_t id, const char *name)
{
	if (id == 0)
		return json_null();
	return json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name);
}

json_t *api_opt(const char *s)
{
	return s[0] ? json_string(s) : json_null();
}

int api_case_row_delete(struct request *r, api_case_row_fn fn)
{
	int64_t id = request_param_id(r, 0), row = id ? request_param_id(r, 1) : 0;
	struct store_conn *db = row ? api_db(r) : NULL;
	if (!db)
		return 0;
	struct err e;
	err_clear(&e);
	if (fn(db, &r->actor, id, row, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

int api_query_bool(struct request *r, const char *name, bool *out)
{
	const char *v = request_query(r, name);
	if (!v)
		return 0;
	if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0) {
		char field[64];
		snprintf(field, sizeof field, "query.%s", name);
		reply_error(r, ERR_INVALID, field, "must be true or false");
		return -1;
	}
	*out = strcmp(v, "true") == 0;
	return 0;
}

int api_body_list(struct request *r, const struct spec_field *spec, void *dst,
		  uint32_t *present, const char *list, const json_t **items)
{
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	*items = NULL;
	if (body_json(r, &obj, &e) != 0) {
		reply_problem(r, &e);
		return -1;
	}
	json_t *v = json_object_get(obj, list);
	if (v && !json_is_array(v) && !json_is_null(v)) {
		reply_error(r, ERR_INVALID, list, "must be an array");
		return -1;
	}
	json_t *rest = json_copy(obj);
	if (!rest) {
		reply_error(r, ERR_INTERNAL, NULL, "out of memory");
		return -1;
	}
	json_object_del(rest, list);
	int rc = spec_parse(rest, spec, dst, present, &e);
	json_decref(rest);
	if (rc != 0) {
		reply_problem(r, &e);
		return -1;
	}
	*items = v;
	return 0;
}

int api_list_item(const json_t *item, const char *list, size_t i,
		  const struct spec_field *spec, void *dst, struct err *e)
{
	uint32_t present = 0;
	char where[64];
	if (!json_is_object(item)) {
		snprintf(where, sizeof where, "%s[%zu]", list, i);
		return err_set(e, ERR_INVALID, where, "must be an object");
	}
	int rc = spec_parse(item, spec, dst, &present, e);
	if (rc != 0) {
		char member[sizeof e->field];
		memcpy(member, e->field, sizeof member);
		if (snprintf(e->field, sizeof e->field, "%s[%zu].%s", list, i, member) < 0)
			e->field[0] = '\0';
	}
	return rc;
}

json_t *user_to_json(const struct store_user *u, uint32_t rights)
{
	json_t *names = json_array();
	for (int i = 0; i < RIGHT__COUNT; i++)
		if (rights & (1u << i))
			json_array_append_new(names, json_string(rights_info((enum right)i)->name));
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:o, s:I, s:o}",
			 "id", (json_int_t)u->id, "login", u->login, "name", u->name,
			 "email", u->email, "role", u->role,
			 "office_id", u->office_id ? json_integer(u->office_id) : json_null(),
			 "contact_id", u->contact_id ? json_integer(u->contact_id) : json_null(),
			 "active", u->active, "rights", names, "version", (json_int_t)u->version,
			 "created_at", api_time(u->created_at));
}
