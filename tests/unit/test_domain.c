/* test_domain.c - unit tests of the pure domain rules: password policy and hashing, rights and
 * role defaults. Rules that need a database are covered by test_store.c and the API suite. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "domain/password.h"
#include "domain/rights.h"

static void password_policy_checks_length_and_breached_list(void **state)
{
	struct err e;
	err_clear(&e);
	assert_int_equal(password_check_policy("short", "bob", "password", &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "password");
	assert_int_equal(password_check_policy("Password1234", "bob", "password", &e), ERR_UNPROCESSABLE);
	assert_non_null(strstr(e.message, "breached"));
	assert_int_equal(password_check_policy("robert.smith", "robert.smith", "password", &e), ERR_UNPROCESSABLE);
	assert_int_equal(password_check_policy("plum-harbour-kettle", "bob", "password", &e), 0);
	/* twelve characters, counted as characters, not bytes */
	assert_int_equal(password_check_policy("ééééééééééé", "bob", "p", &e), ERR_UNPROCESSABLE);
	assert_int_equal(password_check_policy("éééééééééééé", "bob", "p", &e), 0);
	char longpw[200];
	memset(longpw, 'k', 129);
	longpw[129] = '\0';
	assert_int_equal(password_check_policy(longpw, "bob", "password", &e), ERR_UNPROCESSABLE);
}

static void passwords_hash_and_verify(void **state)
{
	char h[STORE_HASH_MAX + 1];
	struct err e;
	assert_int_equal(password_hash("plum-harbour-kettle", h, &e), 0);
	assert_non_null(strstr(h, "$argon2id$"));
	assert_true(password_verify(h, "plum-harbour-kettle"));
	assert_false(password_verify(h, "plum-harbour-kettlE"));
	assert_false(password_needs_rehash(h));
	assert_false(password_verify_dummy("anything"));
}

static void roles_have_their_default_rights(void **state)
{
	uint32_t admin = rights_role_default("admin");
	uint32_t staff = rights_role_default("staff");
	assert_int_equal(admin, (1u << RIGHT__COUNT) - 1);
	assert_true(staff & (1u << RIGHT_CASE_CREATE));
	assert_true(staff & (1u << RIGHT_STATUS_REPORT_SELECTIVE_SEND));
	assert_false(staff & (1u << RIGHT_STATUS_REPORT_MASS_SEND));
	assert_false(staff & (1u << RIGHT_ADMIN));
	assert_int_equal(rights_role_default("advisor"), 0);
	assert_int_equal(rights_role_default("client"), 0);
	assert_int_equal(rights_role_default("nobody"), 0);
	assert_true(rights_role_valid("client"));
	assert_false(rights_role_valid("root"));
	assert_int_equal(rights_lookup("client_invite"), RIGHT_CLIENT_INVITE);
	assert_int_equal(rights_lookup("client"), -1);
}

static void rights_require_names_the_right(void **state)
{
	struct actor a;
	memset(&a, 0, sizeof a);
	a.rights = 1u << RIGHT_CASE_EDIT;
	struct err e;
	err_clear(&e);
	assert_int_equal(rights_require(&a, RIGHT_CASE_EDIT, &e), 0);
	assert_int_equal(rights_require(&a, RIGHT_ADMIN, &e), ERR_FORBIDDEN);
	assert_non_null(strstr(e.message, "admin"));
	actor_system(&a);
	assert_true(rights_has(&a, RIGHT_STATUS_REPORT_MASS_SEND));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_policy_checks_length_and_breached_list),
		cmocka_unit_test(passwords_hash_and_verify),
		cmocka_unit_test(roles_have_their_default_rights),
		cmocka_unit_test(rights_require_names_the_right),
	};
	return cmocka_run_group_tests_name("domain", tests, NULL, NULL);
}
