/* test_setup.c - unit tests of the setup lists' pure rules (groups, role categories, name
 * trimming, which members each list has), the US state codes and the e-mail shape shared by
 * users and contacts. The rules that need a database (parents, the stage type, in use) are
 * covered by the API suite. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/setup.h"
#include "domain/us_state.h"
#include "domain/user.h"

static void groups_are_the_five_kinds_of_firm(void **state)
{
	const char *ok[] = {"legal", "insurance", "mortgage", "protection", "support"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(setup_group_valid(ok[i]));
	assert_false(setup_group_valid(""));
	assert_false(setup_group_valid("Legal"));
	assert_false(setup_group_valid("banking"));
}

static void role_categories_are_fixed(void **state)
{
	const char *ok[] = {"", "attorney", "paralegal", "case_manager", "advisor", "owner"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(setup_category_valid(ok[i]));
	assert_false(setup_category_valid("adviser"));
	assert_false(setup_category_valid("Attorney"));
	assert_false(setup_category_valid(" attorney"));
}

static void names_are_trimmed(void **state)
{
	char s[32];
	strcpy(s, "  Intake \t\n");
	assert_true(setup_trim(s));
	assert_string_equal(s, "Intake");
	strcpy(s, "Pre-Litigation");
	assert_true(setup_trim(s));
	assert_string_equal(s, "Pre-Litigation");
	strcpy(s, " \t ");
	assert_false(setup_trim(s));
	assert_string_equal(s, "");
	strcpy(s, "");
	assert_false(setup_trim(s));
}

static void each_list_has_its_own_members(void **state)
{
	assert_int_equal(setup_kind_fields(SETUP_CASE_TYPE),
			 SETUP_F_NAME | SETUP_F_GROUP | SETUP_F_POSITION);
	assert_true(setup_kind_fields(SETUP_CASE_SUBTYPE) & SETUP_F_PARENT);
	assert_true(setup_kind_fields(SETUP_STATUS_TYPE) & SETUP_F_STAGE);
	uint32_t status = setup_kind_fields(SETUP_STATUS);
	assert_true((status & (SETUP_F_PARENT | SETUP_F_DAYS | SETUP_F_CLOSING | SETUP_F_GROUP)) ==
		    (SETUP_F_PARENT | SETUP_F_DAYS | SETUP_F_CLOSING | SETUP_F_GROUP));
	assert_false(status & SETUP_F_STAGE);
	assert_true(setup_kind_fields(SETUP_ROLE) & SETUP_F_CATEGORY);
	assert_true(setup_kind_fields(SETUP_NOTE_TYPE) & SETUP_F_CLIENT_FACING);
	assert_int_equal(setup_kind_fields(SETUP_VALUE_RANGE) & (SETUP_F_LOW | SETUP_F_HIGH | SETUP_F_LIMIT),
			 SETUP_F_LOW | SETUP_F_HIGH | SETUP_F_LIMIT);
	assert_int_equal(setup_kind_fields(SETUP_CLOSE_REASON), SETUP_F_NAME | SETUP_F_POSITION);
	for (int k = 0; k < SETUP__COUNT; k++)
		assert_true(setup_kind_fields((enum store_setup_kind)k) & SETUP_F_NAME);
	assert_int_equal(setup_kind_fields(SETUP__COUNT), 0);
	assert_string_equal(setup_kind_name(SETUP_STATUS_TYPE), "status type");
	assert_string_equal(setup_kind_name(SETUP_VALUE_RANGE), "value range");
}

static void us_states_include_dc_and_territories(void **state)
{
	size_t n = 0;
	const struct us_state *all = us_state_list(&n);
	assert_true(n >= 51);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(strlen(all[i].code), 2);
		assert_true(us_state_valid(all[i].code));
		if (i > 0)
			assert_true(strcmp(all[i - 1].name, all[i].name) < 0);
		for (size_t k = i + 1; k < n; k++)
			assert_string_not_equal(all[i].code, all[k].code);
	}
	assert_true(us_state_valid("NY"));
	assert_true(us_state_valid("DC"));
	assert_true(us_state_valid("PR"));
	assert_string_equal(us_state_name("IL"), "Illinois");
	assert_false(us_state_valid("ny"));
	assert_false(us_state_valid("XX"));
	assert_false(us_state_valid(""));
	assert_false(us_state_valid("NYC"));
	assert_false(us_state_valid(NULL));
}

static void email_addresses_have_a_shape(void **state)
{
	assert_true(user_email_valid(""));
	assert_true(user_email_valid("clara.client@example.com"));
	assert_false(user_email_valid("clara"));
	assert_false(user_email_valid("@example.com"));
	assert_false(user_email_valid("clara@example"));
	assert_false(user_email_valid("clara@@example.com"));
	assert_false(user_email_valid("clara client@example.com"));
	assert_false(user_email_valid("clara@example.com."));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(groups_are_the_five_kinds_of_firm),
		cmocka_unit_test(role_categories_are_fixed),
		cmocka_unit_test(names_are_trimmed),
		cmocka_unit_test(each_list_has_its_own_members),
		cmocka_unit_test(us_states_include_dc_and_territories),
		cmocka_unit_test(email_addresses_have_a_shape),
	};
	return cmocka_run_group_tests_name("setup", tests, NULL, NULL);
}
