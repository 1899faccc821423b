/* test_http.c - unit tests of the request-independent parts of src/http: field specs, JSON
 * depth, problem mapping, route matching, and the route tables' own consistency. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http/body.h"
#include "http/problem.h"
#include "http/router.h"
#include "http/spec.h"

struct sample {
	char name[8];
	int64_t count;
	int64_t office_id;
	bool active;
};

static const struct spec_field sample_spec[] = {
	{"name", SPEC_STRING, offsetof(struct sample, name), 8, 1, true},
	{"count", SPEC_INT, offsetof(struct sample, count), 0, 2, false},
	{"office_id", SPEC_ID, offsetof(struct sample, office_id), 0, 4, false},
	{"active", SPEC_BOOL, offsetof(struct sample, active), 0, 8, false},
	{0},
};

static int parse(const char *text, struct sample *s, uint32_t *present, struct err *e)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	assert_non_null(j);
	memset(s, 0, sizeof *s);
	*present = 0;
	err_clear(e);
	int rc = spec_parse(j, sample_spec, s, present, e);
	json_decref(j);
	return rc;
}

static void spec_fills_the_struct_and_the_present_bits(void **state)
{
	struct sample s;
	uint32_t present;
	struct err e;
	assert_int_equal(parse("{\"name\":\"abc\",\"count\":-3,\"office_id\":null,\"active\":true}", &s, &present, &e), 0);
	assert_string_equal(s.name, "abc");
	assert_int_equal(s.count, -3);
	assert_int_equal(s.office_id, 0);
	assert_true(s.active);
	assert_int_equal(present, 1 | 2 | 4 | 8);
	assert_int_equal(parse("{\"name\":\"x\"}", &s, &present, &e), 0);
	assert_int_equal(present, 1);
}

static void spec_names_the_first_bad_field(void **state)
{
	struct sample s;
	uint32_t present;
	struct err e;
	assert_int_equal(parse("{\"name\":5}", &s, &present, &e), ERR_INVALID);
	assert_string_equal(e.field, "name");
	assert_int_equal(parse("{\"count\":1}", &s, &present, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "name");
	assert_int_equal(parse("{\"name\":\"12345678\"}", &s, &present, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "name");
	assert_int_equal(parse("{\"name\":\"a\",\"office_id\":-1}", &s, &present, &e), ERR_INVALID);
	assert_string_equal(e.field, "office_id");
	assert_int_equal(parse("{\"name\":\"a\",\"count\":1.5}", &s, &present, &e), ERR_INVALID);
	assert_string_equal(e.field, "count");
	assert_int_equal(parse("{\"name\":\"a\",\"active\":\"yes\"}", &s, &present, &e), ERR_INVALID);
	assert_string_equal(e.field, "active");
	assert_int_equal(parse("{\"name\":\"a\",\"colour\":1}", &s, &present, &e), ERR_INVALID);
	assert_string_equal(e.field, "colour");
}

static void json_depth_is_measured(void **state)
{
	json_error_t je;
	json_t *flat = json_loads("{\"a\":1}", 0, &je);
	json_t *deep = json_loads("{\"a\":[[[{\"b\":[]}]]]}", 0, &je);
	assert_int_equal(body_json_depth(flat), 1);
	assert_int_equal(body_json_depth(deep), 6);
	json_decref(flat);
	json_decref(deep);
}

static void problems_map_codes_to_statuses(void **state)
{
	assert_int_equal(problem_status(ERR_INVALID), 400);
	assert_int_equal(problem_status(ERR_UNAUTHORIZED), 401);
	assert_int_equal(problem_status(ERR_CSRF), 403);
	assert_int_equal(problem_status(ERR_NOT_FOUND), 404);
	assert_int_equal(problem_status(ERR_CONFLICT), 409);
	assert_int_equal(problem_status(ERR_UNPROCESSABLE), 422);
	assert_int_equal(problem_status(ERR_PRECONDITION), 428);
	assert_int_equal(problem_status(ERR_TOO_MANY), 429);
	assert_int_equal(problem_status(ERR_BUSY), 503);
	assert_int_equal(problem_status(ERR_INTERNAL), 500);
	struct err e;
	err_clear(&e);
	err_set(&e, ERR_INTERNAL, "x", "SELECT secret FROM t failed");
	json_t *p = problem_to_json(&e, 0, 0);
	/* internal details never reach the client */
	assert_null(strstr(json_string_value(json_object_get(p, "detail")), "SELECT"));
	assert_string_equal(json_string_value(json_object_get(p, "code")), "internal");
	json_decref(p);
	err_set(&e, ERR_INVALID, "body", "malformed");
	p = problem_to_json(&e, 3, 7);
	assert_int_equal(json_integer_value(json_object_get(p, "line")), 3);
	assert_int_equal(json_integer_value(json_object_get(p, "column")), 7);
	assert_string_equal(json_string_value(json_object_get(p, "field")), "body");
	json_decref(p);
}

static void router_finds_routes_and_tells_wrong_methods(void **state)
{
	const struct route *rt = NULL;
	char allow[128];
	assert_int_equal(router_match(NULL, "GET", "/api/v1/health", &rt, allow, sizeof allow), ROUTER_FOUND);
	assert_string_equal(rt->pattern, "/api/v1/health");
	assert_int_equal(router_match(NULL, "HEAD", "/api/v1/health", &rt, allow, sizeof allow), ROUTER_FOUND);
	assert_int_equal(router_match(NULL, "GET", "/api/v1/users/12/rights/admin", &rt, allow, sizeof allow), ROUTER_NO_METHOD);
	assert_non_null(strstr(allow, "PUT"));
	assert_non_null(strstr(allow, "DELETE"));
	assert_int_equal(router_match(NULL, "GET", "/api/v1/users/", &rt, allow, sizeof allow), ROUTER_NO_PATH);
	assert_int_equal(router_match(NULL, "GET", "/api/v1/users//x", &rt, allow, sizeof allow), ROUTER_NO_PATH);
	assert_int_equal(router_match(NULL, "GET", "/api/v1/nothing", &rt, allow, sizeof allow), ROUTER_NO_PATH);
	assert_true(router_unsafe("POST"));
	assert_true(router_unsafe("DELETE"));
	assert_false(router_unsafe("GET"));
}

static void route_tables_are_consistent(void **state)
{
	/* every unsafe route under a login demands CSRF proof; no two routes share method+pattern */
	for (int t = 0; router_tables[t]; t++) {
		for (const struct route *a = router_tables[t]; a->method; a++) {
			if (a->auth == ROUTE_USER && router_unsafe(a->method))
				assert_true(a->csrf);
			if (!router_unsafe(a->method))
				assert_int_equal(a->body_max, 0);
			for (int u = 0; router_tables[u]; u++)
				for (const struct route *b = router_tables[u]; b->method; b++)
					if (a != b)
						assert_false(strcmp(a->method, b->method) == 0 &&
							     strcmp(a->pattern, b->pattern) == 0);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spec_fills_the_struct_and_the_present_bits),
		cmocka_unit_test(spec_names_the_first_bad_field),
		cmocka_unit_test(json_depth_is_measured),
		cmocka_unit_test(problems_map_codes_to_statuses),
		cmocka_unit_test(router_finds_routes_and_tells_wrong_methods),
		cmocka_unit_test(route_tables_are_consistent),
	};
	return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
