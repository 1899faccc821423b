/* spec.c - field-spec driven JSON parsing (see spec.h). */
#include "http/spec.h"
#include "core/date.h"

#include <stdio.h>
#include <string.h>

static const struct spec_field *spec_find(const struct spec_field *fields, const char *name)
{
	for (const struct spec_field *f = fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

static int spec_read(const json_t *v, const struct spec_field *f, char *dst, struct err *e)
{
	switch (f->type) {
	case SPEC_STRING: {
		if (!json_is_string(v))
			return err_set(e, ERR_INVALID, f->name, "must be a string");
		size_t len = json_string_length(v);
		if (len >= f->size)
			return err_set(e, ERR_UNPROCESSABLE, f->name, "must be at most %zu bytes long", f->size - 1);
		memcpy(dst + f->offset, json_string_value(v), len);
		dst[f->offset + len] = '\0';
		return 0;
	}
	case SPEC_INT:
		if (!json_is_integer(v))
			return err_set(e, ERR_INVALID, f->name, "must be an integer");
		*(int64_t *)(void *)(dst + f->offset) = (int64_t)json_integer_value(v);
		return 0;
	case SPEC_ID:
		if (json_is_null(v)) {
			*(int64_t *)(void *)(dst + f->offset) = 0;
			return 0;
		}
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return err_set(e, ERR_INVALID, f->name, "must be a positive integer id or null");
		*(int64_t *)(void *)(dst + f->offset) = (int64_t)json_integer_value(v);
		return 0;
	case SPEC_DATE:
		if (json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
			dst[f->offset] = '\0';
			return 0;
		}
		if (!json_is_string(v) || !date_valid(json_string_value(v)) || f->size < DATE_LEN)
			return err_set(e, ERR_INVALID, f->name, "must be a date YYYY-MM-DD, \"\" or null");
		memcpy(dst + f->offset, json_string_value(v), DATE_LEN);
		return 0;
	case SPEC_CENTS:
		if (json_is_null(v)) {
			*(int64_t *)(void *)(dst + f->offset) = -1;
			return 0;
		}
		if (!json_is_integer(v) || json_integer_value(v) < 0)
			return err_set(e, ERR_INVALID, f->name, "must be a whole number of cents (>= 0) or null");
		*(int64_t *)(void *)(dst + f->offset) = (int64_t)json_integer_value(v);
		return 0;
	case SPEC_BOOL:
		if (!json_is_boolean(v))
			return err_set(e, ERR_INVALID, f->name, "must be true or false");
		*(bool *)(void *)(dst + f->offset) = json_is_true(v);
		return 0;
	}
	return err_set(e, ERR_INTERNAL, f->name, "unknown spec type");
}

int spec_parse(const json_t *obj, const struct spec_field *fields, void *dst, uint32_t *present,
	       struct err *e)
{
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)obj, key, v) {
		const struct spec_field *f = spec_find(fields, key);
		if (!f) {
			char name[64];
			snprintf(name, sizeof name, "%s", key);
			return err_set(e, ERR_INVALID, name, "is not a known field");
		}
		int rc = spec_read(v, f, dst, e);
		if (rc != 0)
			return rc;
		*present |= f->bit;
	}
	for (const struct spec_field *f = fields; f->name; f++)
		if (f->required && !json_object_get(obj, f->name))
			return err_set(e, ERR_UNPROCESSABLE, f->name, "is required");
	return 0;
}
