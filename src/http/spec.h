/* spec.h - JSON objects into C structs by a table of field specs, naming the first bad field.
 *
 * A handler declares, per resource, which members it accepts, their type, where they go in its
 * struct and whether they are required. spec_parse fills the struct and a bit set of the members
 * that were present (for PATCH). Unknown members are refused so typos do not pass silently. */
#ifndef CASELOAD_HTTP_SPEC_H
#define CASELOAD_HTTP_SPEC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum spec_type {
	SPEC_STRING,   /* JSON string copied into char[size]; longer is 422 */
	SPEC_INT,      /* JSON integer into int64_t */
	SPEC_ID,       /* positive JSON integer into int64_t, or null (0) */
	SPEC_BOOL,     /* JSON true/false into bool */
	SPEC_DATE,     /* "YYYY-MM-DD" (a real date), "" or null (both "") into char[size >= 11] */
	SPEC_CENTS,    /* money: a JSON integer >= 0 into int64_t, or null (-1 = not set) */
};

struct spec_field {
	const char *name;
	enum spec_type type;
	size_t offset;      /* offsetof the destination in the caller's struct */
	size_t size;        /* SPEC_STRING: size of the char array (bytes, with the NUL) */
	uint32_t bit;       /* set in *present when the member is there */
	bool required;
};

/* spec_parse reads obj into dst according to fields (terminated by a NULL name), ORing the bits
 * of the present members into *present. The first problem found is returned: ERR_INVALID for a
 * wrong type or an unknown member, ERR_UNPROCESSABLE for a missing required one or a too-long
 * string; e->field names the member. */
int spec_parse(const json_t *obj, const struct spec_field *fields, void *dst, uint32_t *present,
	       struct err *e);

#endif
