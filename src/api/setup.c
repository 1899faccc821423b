/* setup.c - the firm's vocabulary and settings.
 *   GET/POST /api/v1/setup/{list}, GET/PATCH/DELETE /api/v1/setup/{list}/{id} for the eleven
 *   lists (case-types, case-subtypes, status-types, statuses, close-reasons, roles,
 *   note-types, value-ranges, deadline-types, flags, udf-fields), GET /api/v1/setup/states,
 *   GET/PATCH /api/v1/setup/settings
 * One set of handlers serves every list: the route's path segment picks the list, and one
 * member table gives each list's JSON members (in and out); a UDF field's "options" (a JSON
 * array, kept one per line) is the one member read and written by hand. Rules are
 * domain/setup.c; offices are api/offices.c; a case's UDF values api/udf.c. */
#include "api/api.h"
#include "domain/setup.h"
#include "domain/us_state.h"
#include "http/body.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One list: its path segment, its kind and the query filters its GET takes. */
struct setup_list_def {
	const char *segment;
	enum store_setup_kind kind;
	const char *parent_query;   /* the parent filter's query name; NULL = none */
	bool group_query;           /* ?group= */
};

static const struct setup_list_def setup_lists[] = {
	{"case-types", SETUP_CASE_TYPE, NULL, false},
	{"case-subtypes", SETUP_CASE_SUBTYPE, "case_type_id", false},
	{"status-types", SETUP_STATUS_TYPE, NULL, false},
	{"statuses", SETUP_STATUS, "status_type_id", true},
	{"close-reasons", SETUP_CLOSE_REASON, NULL, false},
	{"roles", SETUP_ROLE, NULL, false},
	{"note-types", SETUP_NOTE_TYPE, NULL, false},
	{"value-ranges", SETUP_VALUE_RANGE, NULL, false},
	{"deadline-types", SETUP_DEADLINE_TYPE, NULL, false},
	{"flags", SETUP_FLAG, NULL, false},
	{"udf-fields", SETUP_UDF_FIELD, "case_type_id", false},
};

#define SETUP_LIST_COUNT (sizeof setup_lists / sizeof setup_lists[0])

/* One JSON member: how it is read (spec, offsets into struct store_setup_item), which lists
 * have it (bit 1 << kind), and whether "" goes out as null. */
struct setup_member {
	struct spec_field spec;
	uint32_t kinds;
	bool null_when_empty;
};

#define IT(member) offsetof(struct store_setup_item, member)
#define SETUP_ALL_KINDS ((1u << SETUP__COUNT) - 1)

static const struct setup_member setup_members[] = {
	{{"name", SPEC_STRING, IT(name), STORE_NAME_MAX + 1, SETUP_F_NAME, false},
	 SETUP_ALL_KINDS, false},
	{{"case_type_id", SPEC_ID, IT(parent_id), 0, SETUP_F_PARENT, false},
	 (1u << SETUP_CASE_SUBTYPE) | (1u << SETUP_UDF_FIELD), false},
	{{"status_type_id", SPEC_ID, IT(parent_id), 0, SETUP_F_PARENT, false},
	 1u << SETUP_STATUS, false},
	{{"group", SPEC_STRING, IT(group), STORE_GROUP_MAX + 1, SETUP_F_GROUP, false},
	 (1u << SETUP_CASE_TYPE) | (1u << SETUP_STATUS), true},
	{{"stage", SPEC_BOOL, IT(stage), 0, SETUP_F_STAGE, false},
	 1u << SETUP_STATUS_TYPE, false},
	{{"expected_days", SPEC_INT, IT(days), 0, SETUP_F_DAYS, false},
	 1u << SETUP_STATUS, false},
	{{"closing", SPEC_BOOL, IT(closing), 0, SETUP_F_CLOSING, false},
	 1u << SETUP_STATUS, false},
	{{"category", SPEC_STRING, IT(category), STORE_CATEGORY_MAX + 1, SETUP_F_CATEGORY, false},
	 1u << SETUP_ROLE, false},
	{{"primary_advisor", SPEC_BOOL, IT(primary_advisor), 0, SETUP_F_PRIMARY_ADVISOR, false},
	 1u << SETUP_ROLE, false},
	{{"client_facing", SPEC_BOOL, IT(client_facing), 0, SETUP_F_CLIENT_FACING, false},
	 1u << SETUP_NOTE_TYPE, false},
	{{"low_cents", SPEC_INT, IT(low_cents), 0, SETUP_F_LOW, false},
	 1u << SETUP_VALUE_RANGE, false},
	{{"high_cents", SPEC_INT, IT(high_cents), 0, SETUP_F_HIGH, false},
	 1u << SETUP_VALUE_RANGE, false},
	{{"disbursement_limit_cents", SPEC_INT, IT(limit_cents), 0, SETUP_F_LIMIT, false},
	 1u << SETUP_VALUE_RANGE, false},
	{{"condition", SPEC_STRING, IT(code), STORE_CATEGORY_MAX + 1, SETUP_F_CODE, false},
	 1u << SETUP_FLAG, false},
	{{"param", SPEC_STRING, IT(text), STORE_COMMENTS_MAX + 1, SETUP_F_TEXT, false},
	 1u << SETUP_FLAG, false},
	{{"target", SPEC_STRING, IT(target), STORE_CATEGORY_MAX + 1, SETUP_F_TARGET, false},
	 1u << SETUP_FLAG, false},
	{{"format", SPEC_STRING, IT(code), STORE_CATEGORY_MAX + 1, SETUP_F_CODE, false},
	 1u << SETUP_UDF_FIELD, false},
	{{"required", SPEC_BOOL, IT(required), 0, SETUP_F_REQUIRED, false},
	 1u << SETUP_UDF_FIELD, false},
	{{"position", SPEC_INT, IT(position), 0, SETUP_F_POSITION, false},
	 SETUP_ALL_KINDS, false},
};

#define SETUP_MEMBER_COUNT (sizeof setup_members / sizeof setup_members[0])

/* setup_list_of finds the list of the matched route from its pattern's segment after
 * /api/v1/setup/; NULL (after answering 404) for none, which the route table never makes. */
static const struct setup_list_def *setup_list_of(struct request *r)
{
	static const char prefix[] = "/api/v1/setup/";
	const char *seg = r->route ? r->route->pattern : "";
	if (strncmp(seg, prefix, sizeof prefix - 1) == 0)
		seg += sizeof prefix - 1;
	size_t len = strcspn(seg, "/");
	for (size_t i = 0; i < SETUP_LIST_COUNT; i++)
		if (strlen(setup_lists[i].segment) == len &&
		    strncmp(setup_lists[i].segment, seg, len) == 0)
			return &setup_lists[i];
	reply_error(r, ERR_NOT_FOUND, NULL, "no such setup list");
	return NULL;
}

static json_t *setup_member_json(const struct setup_member *m, const struct store_setup_item *it)
{
	const char *base = (const char *)it;
	switch (m->spec.type) {
	case SPEC_STRING: {
		const char *s = base + m->spec.offset;
		return (m->null_when_empty && !*s) ? json_null() : json_string(s);
	}
	case SPEC_BOOL:
		return json_boolean(*(const bool *)(const void *)(base + m->spec.offset));
	default:
		return json_integer(*(const int64_t *)(const void *)(base + m->spec.offset));
	}
}

/* setup_item_to_json is the JSON form of an item of any list. */
static json_t *setup_item_to_json(const struct store_setup_item *it)
{
	json_t *j = json_pack("{s:I}", "id", (json_int_t)it->id);
	for (size_t i = 0; i < SETUP_MEMBER_COUNT; i++)
		if (setup_members[i].kinds & (1u << it->kind))
			json_object_set_new(j, setup_members[i].spec.name,
					    setup_member_json(&setup_members[i], it));
	if (it->kind == SETUP_UDF_FIELD)
		json_object_set_new(j, "options", udf_options_to_json(it->text));
	json_object_set_new(j, "version", json_integer(it->version));
	return j;
}

static int setup_item_reply(struct request *r, int status, const struct store_setup_item *it)
{
	api_set_etag(r, it->version);
	return reply_json(r, status, setup_item_to_json(it));
}

/* setup_options reads a UDF field's "options" (an array of strings, or null for none) into
 * f->v.text, one per line, and takes the member out of obj. */
static int setup_options(json_t *obj, struct setup_fields *f, struct err *e)
{
	json_t *options = json_object_get(obj, "options");
	if (!options)
		return 0;
	char *text = f->v.text;
	size_t len = 0;
	text[0] = '\0';
	if (!json_is_null(options) && !json_is_array(options))
		return err_set(e, ERR_INVALID, "options", "must be an array of strings");
	size_t i;
	json_t *v;
	json_array_foreach(options, i, v) {
		if (!json_is_string(v))
			return err_set(e, ERR_INVALID, "options", "must be an array of strings");
		const char *s = json_string_value(v);
		size_t n = json_string_length(v);
		if (strcspn(s, "\r\n") < n || strlen(s) < n)
			return err_set(e, ERR_UNPROCESSABLE, "options",
				       "an option must be one line of text");
		if (len + (i ? 1 : 0) + n > STORE_COMMENTS_MAX)
			return err_set(e, ERR_UNPROCESSABLE, "options",
				       "must be at most %d bytes together", STORE_COMMENTS_MAX);
		if (i)
			text[len++] = '\n';
		memcpy(text + len, s, n);
		len += n;
		text[len] = '\0';
	}
	f->present |= SETUP_F_TEXT;
	json_object_del(obj, "options");
	return 0;
}

/* setup_body reads a create or edit body with the members of list l; "group": null means
 * every group and reads as "". -1 after answering the problem. */
static int setup_body(struct request *r, const struct setup_list_def *l, struct setup_fields *f)
{
	struct spec_field spec[SETUP_MEMBER_COUNT + 1];
	size_t n = 0;
	for (size_t i = 0; i < SETUP_MEMBER_COUNT; i++)
		if (setup_members[i].kinds & (1u << l->kind))
			spec[n++] = setup_members[i].spec;
	memset(&spec[n], 0, sizeof spec[n]);
	memset(f, 0, sizeof *f);
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	if (body_json(r, &obj, &e) == 0) {
		json_t *group = json_object_get(obj, "group");
		if (group && json_is_null(group))
			json_object_set_new(obj, "group", json_string(""));
		if ((l->kind != SETUP_UDF_FIELD || setup_options(obj, f, &e) == 0) &&
		    spec_parse(obj, spec, &f->v, &f->present, &e) == 0)
			return 0;
	}
	reply_problem(r, &e);
	return -1;
}

/* setup_query_id reads an optional positive id from the query; -1 after answering 400. */
static int setup_query_id(struct request *r, const char *name, int64_t *out)
{
	*out = 0;
	const char *v = name ? request_query(r, name) : NULL;
	if (!v || !*v)
		return 0;
	char *end = NULL;
	long long id = strtoll(v, &end, 10);
	if (*end || id <= 0) {
		char field[64];
		snprintf(field, sizeof field, "query.%s", name);
		reply_error(r, ERR_INVALID, field, "must be a positive integer id");
		return -1;
	}
	*out = id;
	return 0;
}

static int setup_append(const struct store_setup_item *it, void *ctx)
{
	json_array_append_new(ctx, setup_item_to_json(it));
	return 0;
}

static int setup_items_list(struct request *r)
{
	const struct setup_list_def *l = setup_list_of(r);
	if (!l)
		return 0;
	struct setup_filter filter = {0};
	if (setup_query_id(r, l->parent_query, &filter.parent_id) != 0)
		return 0;
	const char *group = l->group_query ? request_query(r, "group") : NULL;
	if (group && *group) {
		if (!setup_group_valid(group))
			return reply_error(r, ERR_INVALID, "query.group",
					   "must be legal, insurance, mortgage, protection or support");
		snprintf(filter.group, sizeof filter.group, "%s", group);
	}
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	json_t *items = json_array();
	if (setup_list(db, &r->actor, l->kind, &filter, setup_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int setup_items_create(struct request *r)
{
	const struct setup_list_def *l = setup_list_of(r);
	struct setup_fields f;
	if (!l || setup_body(r, l, &f) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_setup_item it;
	if (setup_create(db, &r->actor, l->kind, &f, &it, &e) != 0)
		return api_fail(r, &e);
	return setup_item_reply(r, 201, &it);
}

/* setup_target finds the list and the {id} of a request on one item, and the connection; NULL
 * after answering 404 or 503. */
static struct store_conn *setup_target(struct request *r, const struct setup_list_def **l,
				       int64_t *id)
{
	*l = setup_list_of(r);
	*id = *l ? request_param_id(r, 0) : 0;
	return *id ? api_db(r) : NULL;
}

static int setup_items_get(struct request *r)
{
	const struct setup_list_def *l;
	int64_t id;
	struct store_conn *db = setup_target(r, &l, &id);
	if (!db)
		return 0;
	struct err e;
	err_clear(&e);
	struct store_setup_item it;
	if (setup_get(db, &r->actor, l->kind, id, &it, &e) != 0)
		return api_fail(r, &e);
	return setup_item_reply(r, 200, &it);
}

static int setup_items_patch(struct request *r)
{
	const struct setup_list_def *l;
	int64_t id, version;
	struct setup_fields f;
	struct store_conn *db = setup_target(r, &l, &id);
	if (!db || api_if_match(r, &version) != 0 || setup_body(r, l, &f) != 0)
		return 0;
	struct err e;
	err_clear(&e);
	struct store_setup_item it;
	if (setup_update(db, &r->actor, l->kind, id, version, &f, &it, &e) != 0)
		return api_fail(r, &e);
	return setup_item_reply(r, 200, &it);
}

static int setup_items_delete(struct request *r)
{
	const struct setup_list_def *l;
	int64_t id;
	struct store_conn *db = setup_target(r, &l, &id);
	if (!db)
		return 0;
	struct err e;
	err_clear(&e);
	if (setup_delete(db, &r->actor, l->kind, id, &e) != 0)
		return api_fail(r, &e);
	return reply_empty(r, 204);
}

static int setup_states_list(struct request *r)
{
	size_t n = 0;
	const struct us_state *states = us_state_list(&n);
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:s, s:s}", "code", states[i].code,
						       "name", states[i].name));
	return reply_json(r, 200, api_list_whole(items));
}

static const struct spec_field settings_spec[] = {
	{"case_number_pattern", SPEC_STRING, offsetof(struct setup_settings, case_number_pattern),
	 STORE_SETTING_MAX + 1, SETUP_S_CASE_NUMBER_PATTERN, false},
	{0},
};

static json_t *settings_to_json(const struct setup_settings *s)
{
	return json_pack("{s:s}", "case_number_pattern", s->case_number_pattern);
}

static int setup_settings_read(struct request *r)
{
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct setup_settings s;
	if (setup_settings_get(db, &r->actor, &s, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 200, settings_to_json(&s));
}

static int setup_settings_patch(struct request *r)
{
	struct setup_settings in = {{0}};
	uint32_t present = 0;
	if (api_body(r, settings_spec, &in, &present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct setup_settings out;
	if (setup_settings_update(db, &r->actor, present, &in, &out, &e) != 0)
		return api_fail(r, &e);
	return reply_json(r, 200, settings_to_json(&out));
}

const struct route api_setup_routes[] = {
	{"GET", "/api/v1/setup/states", setup_states_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"GET", "/api/v1/setup/settings", setup_settings_read, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/settings", setup_settings_patch, ROUTE_USER, true, ROUTE_BODY_JSON},

	{"GET", "/api/v1/setup/case-types", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/case-types", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/case-types/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/case-types/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/case-types/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/case-subtypes", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/case-subtypes", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/case-subtypes/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/case-subtypes/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/case-subtypes/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/status-types", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/status-types", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/status-types/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/status-types/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/status-types/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/statuses", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/statuses", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/statuses/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/statuses/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/statuses/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/close-reasons", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/close-reasons", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/close-reasons/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/close-reasons/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/close-reasons/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/roles", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/roles", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/roles/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/roles/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/roles/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/note-types", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/note-types", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/note-types/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/note-types/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/note-types/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/value-ranges", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/value-ranges", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/value-ranges/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/value-ranges/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/value-ranges/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/deadline-types", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/deadline-types", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/deadline-types/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/deadline-types/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/deadline-types/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/flags", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/flags", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/flags/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/flags/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/flags/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},

	{"GET", "/api/v1/setup/udf-fields", setup_items_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/setup/udf-fields", setup_items_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/setup/udf-fields/{id}", setup_items_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/setup/udf-fields/{id}", setup_items_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/setup/udf-fields/{id}", setup_items_delete, ROUTE_USER, true, ROUTE_BODY_NONE},
	{0},
};
