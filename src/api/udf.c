/* udf.c - user-defined fields of a case.
 *   GET/PATCH /api/v1/cases/{id}/udf
 * A value goes out as JSON of its format: a string (text, date, picklist), a number (number;
 * money in cents) or a boolean (yes/no), null when not set; it comes in the same way except
 * money, which is written in units (1250.5). Rules are domain/udf.c; the fields themselves are
 * the setup list /api/v1/setup/udf-fields (api/setup.c). */
#include "api/api.h"
#include "domain/udf.h"
#include "http/body.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

json_t *udf_options_to_json(const char *options)
{
	json_t *a = json_array();
	for (const char *line = options; *line;) {
		size_t n = strcspn(line, "\n");
		json_array_append_new(a, json_stringn(line, n));
		line += n;
		if (*line)
			line++;
	}
	return a;
}

/* udf_value_to_json is a stored value (canonical text, "" = none) as JSON of its format. */
static json_t *udf_value_to_json(const struct store_setup_item *field, const char *value)
{
	if (!value[0])
		return json_null();
	if (strcmp(field->code, "yesno") == 0)
		return json_boolean(strcmp(value, "1") == 0);
	if (strcmp(field->code, "money") == 0)
		return json_integer(strtoll(value, NULL, 10));
	if (strcmp(field->code, "number") == 0) {
		char *end = NULL;
		long long whole = strtoll(value, &end, 10);
		if (!*end)
			return json_integer(whole);
		return json_real(strtod(value, NULL));
	}
	return json_string(value);
}

json_t *udf_entry_to_json(const struct udf_entry *u)
{
	const struct store_setup_item *f = &u->field;
	json_t *field = json_pack("{s:I, s:s, s:s, s:b, s:o}", "id", (json_int_t)f->id,
				  "name", f->name, "format", f->code, "required", f->required,
				  "options", udf_options_to_json(f->text));
	return json_pack("{s:o, s:o}", "field", field, "value", udf_value_to_json(f, u->value));
}

static int udf_append(const struct udf_entry *u, void *ctx)
{
	json_array_append_new(ctx, udf_entry_to_json(u));
	return 0;
}

/* udf_reply answers the case's fields with their values (200). */
static int udf_reply(struct request *r, struct store_conn *db, int64_t id, struct err *e)
{
	json_t *items = json_array();
	if (udf_list(db, &r->actor, id, udf_append, items, e) != 0) {
		json_decref(items);
		return api_fail(r, e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

static int udf_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	return udf_reply(r, db, id, &e);
}

/* udf_input_of reads one member of "values" into in; ERR_UNPROCESSABLE naming
 * "values.<name>" for a JSON type no field has or text that is too long. */
static int udf_input_of(const char *name, const json_t *v, struct udf_input *in, struct err *e)
{
	char field[sizeof e->field];
	snprintf(field, sizeof field, "values.%s", name);
	memset(in, 0, sizeof *in);
	if (strlen(name) > STORE_NAME_MAX)
		return err_set(e, ERR_UNPROCESSABLE, field, "is not a user-defined field of this case");
	memcpy(in->name, name, strlen(name) + 1);
	switch (json_typeof(v)) {
	case JSON_NULL:
		in->type = UDF_IN_NULL;
		return 0;
	case JSON_STRING:
		if (json_string_length(v) > STORE_UDF_VALUE_MAX)
			return err_set(e, ERR_UNPROCESSABLE, field, "must be at most %d bytes long",
				       STORE_UDF_VALUE_MAX);
		in->type = UDF_IN_STRING;
		memcpy(in->text, json_string_value(v), json_string_length(v) + 1);
		return 0;
	case JSON_INTEGER:
		in->type = UDF_IN_NUMBER;
		snprintf(in->text, sizeof in->text, "%lld", (long long)json_integer_value(v));
		return 0;
	case JSON_REAL:
		in->type = UDF_IN_NUMBER;
		udf_number_text(json_real_value(v), in->text, sizeof in->text);
		return 0;
	case JSON_TRUE:
	case JSON_FALSE:
		in->type = UDF_IN_BOOL;
		snprintf(in->text, sizeof in->text, "%s", json_is_true(v) ? "true" : "false");
		return 0;
	default:
		return err_set(e, ERR_UNPROCESSABLE, field,
			       "must be a string, a number, true, false or null");
	}
}

/* udf_body reads {"values": {...}} into a new array of inputs (*out, *n; the caller frees). */
static int udf_body(struct request *r, struct udf_input **out, int *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	json_t *obj = NULL;
	int rc = body_json(r, &obj, e);
	if (rc != 0)
		return rc;
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		if (strcmp(key, "values") != 0) {
			char name[sizeof e->field];
			snprintf(name, sizeof name, "%s", key);
			return err_set(e, ERR_INVALID, name, "is not a known field");
		}
	}
	json_t *values = json_object_get(obj, "values");
	if (!values)
		return err_set(e, ERR_UNPROCESSABLE, "values", "is required");
	if (!json_is_object(values))
		return err_set(e, ERR_INVALID, "values", "must be an object of field name: value");
	if (json_object_size(values) > UDF_SET_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "values", "at most %d fields at once", UDF_SET_MAX);
	*out = calloc(json_object_size(values) + 1, sizeof **out);
	if (!*out)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	json_object_foreach(values, key, v) {
		rc = udf_input_of(key, v, &(*out)[*n], e);
		if (rc != 0)
			return rc;
		(*n)++;
	}
	return 0;
}

static int udf_patch(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	if (!id)
		return 0;
	struct err e;
	err_clear(&e);
	struct udf_input *inputs = NULL;
	int n = 0;
	if (udf_body(r, &inputs, &n, &e) != 0) {
		free(inputs);
		return api_fail(r, &e);
	}
	struct store_conn *db = api_start(r, &e);
	int rc = db ? udf_set(db, &r->actor, id, inputs, n, &e) : 0;
	free(inputs);
	if (!db)
		return 0;
	if (rc != 0)
		return api_fail(r, &e);
	return udf_reply(r, db, id, &e);
}

const struct route api_udf_routes[] = {
	{"GET", "/api/v1/cases/{id}/udf", udf_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/udf", udf_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{0},
};
