/* fuzz_json_spec.c - libFuzzer target: arbitrary bytes through the request-body path (jansson
 * parse, depth check, field-spec parse of the user fields). Must never crash or leak. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "domain/user.h"
#include "http/body.h"
#include "http/spec.h"

#define UF(member) offsetof(struct user_fields, member)

static const struct spec_field fuzz_spec[] = {
	{"login", SPEC_STRING, UF(login), STORE_LOGIN_MAX + 1, USER_F_LOGIN, true},
	{"name", SPEC_STRING, UF(name), STORE_NAME_MAX + 1, USER_F_NAME, false},
	{"office_id", SPEC_ID, UF(office_id), 0, USER_F_OFFICE, false},
	{"active", SPEC_BOOL, UF(active), 0, USER_F_ACTIVE, false},
	{0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t je;
	json_t *v = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	if (!v)
		return 0;
	if (body_json_depth(v) <= BODY_JSON_MAX_DEPTH && json_is_object(v)) {
		struct user_fields f;
		memset(&f, 0, sizeof f);
		struct err e;
		err_clear(&e);
		spec_parse(v, fuzz_spec, &f, &f.present, &e);
	}
	json_decref(v);
	return 0;
}
