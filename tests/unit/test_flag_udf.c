/* test_flag_udf.c - unit tests of the case summary's flag rules (domain/flag.c: every
 * condition, the minor rule at the 18th birthday, what a flag's condition, parameter and
 * target may be) and of the user-defined fields' values (domain/udf.c: what each format
 * accepts and how it is kept). Writing values to a case (all or nothing, the timeline) is
 * covered by the API suite (tests/api/udf-flags.test.mjs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "domain/flag.h"
#include "domain/udf.h"

/* ---- flags ------------------------------------------------------------------------------- */

static struct store_setup_item flag_of(const char *condition, const char *param)
{
	struct store_setup_item it;
	memset(&it, 0, sizeof it);
	it.kind = SETUP_FLAG;
	snprintf(it.name, sizeof it.name, "%s", condition);
	snprintf(it.code, sizeof it.code, "%s", condition);
	snprintf(it.text, sizeof it.text, "%s", param);
	snprintf(it.target, sizeof it.target, "info");
	return it;
}

/* Each plain condition holds exactly when its fact is true. */
static void each_condition_follows_its_fact(void **state)
{
	static const struct {
		const char *code;
		size_t offset;
	} conds[] = {
		{"serious_injury", offsetof(struct flag_facts, serious_injury)},
		{"mdl_master", offsetof(struct flag_facts, mdl_master)},
		{"bankruptcy", offsetof(struct flag_facts, bankruptcy)},
		{"referred_out", offsetof(struct flag_facts, referred_out)},
		{"deceased_plaintiff", offsetof(struct flag_facts, deceased_plaintiff)},
		{"minor_plaintiff", offsetof(struct flag_facts, minor_plaintiff)},
		{"sol_past_due", offsetof(struct flag_facts, sol_past_due)},
		{"deadline_past_due", offsetof(struct flag_facts, deadline_past_due)},
		{"liens", offsetof(struct flag_facts, liens)},
		{"critical_task", offsetof(struct flag_facts, critical_task)},
	};
	for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++) {
		struct store_setup_item fl = flag_of(conds[i].code, "");
		struct flag_facts none;
		memset(&none, 0, sizeof none);
		assert_false(flag_holds(&fl, &none));
		struct flag_facts one = none;
		*(bool *)((char *)&one + conds[i].offset) = true;
		assert_true(flag_holds(&fl, &one));
		/* and only its own fact counts */
		for (size_t k = 0; k < sizeof conds / sizeof conds[0]; k++) {
			if (k == i)
				continue;
			struct flag_facts other = none;
			*(bool *)((char *)&other + conds[k].offset) = true;
			assert_false(flag_holds(&fl, &other));
		}
	}
	struct store_setup_item unknown = flag_of("full_moon", "");
	struct flag_facts all;
	memset(&all, 0xff, sizeof all);
	all.udf_names = NULL;
	all.udf_values = NULL;
	all.n_udf = 0;
	assert_false(flag_holds(&unknown, &all));
}

static void udf_conditions_look_at_the_values(void **state)
{
	const char *names[] = {"Referral source", "Policy limits verified", "Claim value", "Notes"};
	const char *values[] = {"Web", "1", "2500000", ""};
	struct flag_facts f;
	memset(&f, 0, sizeof f);
	f.udf_names = names;
	f.udf_values = values;
	f.n_udf = 4;

	struct store_setup_item fl = flag_of("udf_equals", "Referral source=Web");
	assert_true(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", " Referral source = Web ");   /* spaces around are ignored */
	assert_true(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Referral source=TV");
	assert_false(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Referral source=web");       /* values match exactly */
	assert_false(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Policy limits verified=1");  /* yes/no as stored */
	assert_true(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Policy limits verified=0");
	assert_false(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Claim value=2500000");       /* money in cents */
	assert_true(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Unknown field=Web");
	assert_false(flag_holds(&fl, &f));
	fl = flag_of("udf_equals", "Notes=");                    /* no value never equals */
	assert_false(flag_holds(&fl, &f));

	fl = flag_of("udf_set", "Referral source");
	assert_true(flag_holds(&fl, &f));
	fl = flag_of("udf_set", "Notes");                        /* stored as "": not set */
	assert_false(flag_holds(&fl, &f));
	fl = flag_of("udf_set", "Unknown field");
	assert_false(flag_holds(&fl, &f));
	fl = flag_of("udf_set", "referral source");              /* names match exactly */
	assert_false(flag_holds(&fl, &f));

	struct flag_facts empty;
	memset(&empty, 0, sizeof empty);
	fl = flag_of("udf_set", "Referral source");
	assert_false(flag_holds(&fl, &empty));
}

static void a_minor_is_under_18_today(void **state)
{
	assert_true(flag_is_minor("2008-06-15", "2026-06-14"));   /* the day before the 18th birthday */
	assert_false(flag_is_minor("2008-06-15", "2026-06-15"));  /* the 18th birthday */
	assert_false(flag_is_minor("2008-06-15", "2026-06-16"));
	assert_true(flag_is_minor("2020-01-01", "2026-03-01"));
	assert_false(flag_is_minor("1970-01-01", "2026-03-01"));
	assert_false(flag_is_minor("", "2026-03-01"));            /* unknown birth date */
	assert_false(flag_is_minor("not a date", "2026-03-01"));
	assert_false(flag_is_minor(NULL, "2026-03-01"));
	/* born on 29 February: of age on 1 March of a year without one */
	assert_true(flag_is_minor("2008-02-29", "2026-02-28"));
	assert_false(flag_is_minor("2008-02-29", "2026-03-01"));
	/* born today is a minor; born in the future is treated the same (not of age) */
	assert_true(flag_is_minor("2026-03-01", "2026-03-01"));
}

static void flag_conditions_params_and_targets_are_checked(void **state)
{
	struct err e;
	const char *plain[] = {"serious_injury", "mdl_master", "bankruptcy", "referred_out",
			       "deceased_plaintiff", "minor_plaintiff", "sol_past_due",
			       "deadline_past_due", "liens", "critical_task"};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		err_clear(&e);
		assert_int_equal(flag_condition_valid(plain[i], "", "info", &e), 0);
		err_clear(&e);
		assert_int_equal(flag_condition_valid(plain[i], "x", "info", &e), ERR_UNPROCESSABLE);
		assert_string_equal(e.field, "param");
	}
	const char *targets[] = {"injuries", "bankruptcy", "referral", "surrogate", "deadlines",
				 "plaintiffs", "defendants", "liens", "tasks", "incident", "udf", "info"};
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		err_clear(&e);
		assert_int_equal(flag_condition_valid("liens", "", targets[i], &e), 0);
	}
	err_clear(&e);
	assert_int_equal(flag_condition_valid("full_moon", "", "info", &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "condition");
	err_clear(&e);
	assert_int_equal(flag_condition_valid("", "", "info", &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "condition");
	err_clear(&e);
	assert_int_equal(flag_condition_valid("liens", "", "nowhere", &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "target");
	err_clear(&e);
	assert_int_equal(flag_condition_valid("liens", "", "", &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "target");

	err_clear(&e);
	assert_int_equal(flag_condition_valid("udf_equals", "Referral source=Web", "udf", &e), 0);
	const char *bad_equals[] = {"", "Referral source", "=Web", "Referral source=", " = "};
	for (size_t i = 0; i < sizeof bad_equals / sizeof bad_equals[0]; i++) {
		err_clear(&e);
		assert_int_equal(flag_condition_valid("udf_equals", bad_equals[i], "udf", &e),
				 ERR_UNPROCESSABLE);
		assert_string_equal(e.field, "param");
	}
	err_clear(&e);
	assert_int_equal(flag_condition_valid("udf_set", "Referral source", "udf", &e), 0);
	const char *bad_set[] = {"", "   ", "Referral source=Web"};
	for (size_t i = 0; i < sizeof bad_set / sizeof bad_set[0]; i++) {
		err_clear(&e);
		assert_int_equal(flag_condition_valid("udf_set", bad_set[i], "udf", &e), ERR_UNPROCESSABLE);
		assert_string_equal(e.field, "param");
	}
}

/* ---- user-defined field values ------------------------------------------------------------ */

static struct store_setup_item field_of(const char *name, const char *format, bool required,
					const char *options)
{
	struct store_setup_item it;
	memset(&it, 0, sizeof it);
	it.kind = SETUP_UDF_FIELD;
	it.id = 7;
	snprintf(it.name, sizeof it.name, "%s", name);
	snprintf(it.code, sizeof it.code, "%s", format);
	snprintf(it.text, sizeof it.text, "%s", options);
	it.required = required;
	return it;
}

static struct udf_input input_of(const char *name, enum udf_input_type type, const char *text)
{
	struct udf_input in;
	memset(&in, 0, sizeof in);
	snprintf(in.name, sizeof in.name, "%s", name);
	in.type = type;
	snprintf(in.text, sizeof in.text, "%s", text);
	return in;
}

/* ok_as checks that the input is accepted and kept as want. */
static void ok_as(const struct store_setup_item *f, enum udf_input_type type, const char *text,
		  const char *want)
{
	struct udf_input in = input_of(f->name, type, text);
	char out[STORE_UDF_VALUE_MAX + 1];
	struct err e;
	err_clear(&e);
	strcpy(out, "untouched");
	int rc = udf_canonical(f, &in, out, sizeof out, &e);
	if (rc != 0)
		fail_msg("%s %s '%s': %s", f->code, f->name, text, e.message);
	assert_string_equal(out, want);
}

/* refused checks that the input is ERR_UNPROCESSABLE on "values.<name>". */
static void refused(const struct store_setup_item *f, enum udf_input_type type, const char *text)
{
	struct udf_input in = input_of(f->name, type, text);
	char out[STORE_UDF_VALUE_MAX + 1], field[STORE_NAME_MAX + 16];
	struct err e;
	err_clear(&e);
	int rc = udf_canonical(f, &in, out, sizeof out, &e);
	if (rc != ERR_UNPROCESSABLE)
		fail_msg("%s '%s' was not refused (%d)", f->code, text, rc);
	snprintf(field, sizeof field, "values.%s", f->name);
	assert_string_equal(e.field, field);
}

static void formats_are_the_six(void **state)
{
	const char *ok[] = {"text", "number", "money", "date", "yesno", "picklist"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(udf_format_valid(ok[i]));
	assert_false(udf_format_valid(""));
	assert_false(udf_format_valid("Text"));
	assert_false(udf_format_valid("boolean"));
}

static void text_values(void **state)
{
	struct store_setup_item f = field_of("Adjuster notes", "text", false, "");
	ok_as(&f, UDF_IN_STRING, "Called twice, no answer", "Called twice, no answer");
	ok_as(&f, UDF_IN_STRING, "", "");      /* "" clears */
	ok_as(&f, UDF_IN_NULL, "", "");
	refused(&f, UDF_IN_NUMBER, "12");
	refused(&f, UDF_IN_BOOL, "true");
}

static void number_values(void **state)
{
	struct store_setup_item f = field_of("Treatment visits", "number", false, "");
	ok_as(&f, UDF_IN_NUMBER, "12", "12");
	ok_as(&f, UDF_IN_NUMBER, "12.50", "12.5");
	ok_as(&f, UDF_IN_NUMBER, "-3.25", "-3.25");
	ok_as(&f, UDF_IN_NUMBER, "0.1", "0.1");
	ok_as(&f, UDF_IN_NUMBER, "1e3", "1000");
	ok_as(&f, UDF_IN_NULL, "", "");
	refused(&f, UDF_IN_STRING, "12");
	refused(&f, UDF_IN_BOOL, "false");
	refused(&f, UDF_IN_NUMBER, "");
	refused(&f, UDF_IN_NUMBER, "twelve");
	refused(&f, UDF_IN_NUMBER, "inf");
	refused(&f, UDF_IN_NUMBER, "1e999");
}

static void money_values(void **state)
{
	struct store_setup_item f = field_of("Policy limit", "money", false, "");
	ok_as(&f, UDF_IN_NUMBER, "1250.5", "125050");
	ok_as(&f, UDF_IN_NUMBER, "1250.50", "125050");
	ok_as(&f, UDF_IN_NUMBER, "100000", "10000000");
	ok_as(&f, UDF_IN_NUMBER, "0.05", "5");
	ok_as(&f, UDF_IN_NUMBER, "0.29", "29");
	ok_as(&f, UDF_IN_NUMBER, "12.300", "1230");   /* trailing zeros are not decimals */
	ok_as(&f, UDF_IN_NUMBER, "1.25e2", "12500");
	ok_as(&f, UDF_IN_NUMBER, "0", "0");
	ok_as(&f, UDF_IN_NUMBER, "-40.1", "-4010");
	ok_as(&f, UDF_IN_NULL, "", "");
	refused(&f, UDF_IN_NUMBER, "12.345");          /* three decimals */
	refused(&f, UDF_IN_NUMBER, "0.001");
	refused(&f, UDF_IN_NUMBER, "1e-3");
	refused(&f, UDF_IN_NUMBER, "1e30");            /* too large */
	refused(&f, UDF_IN_STRING, "1250.50");         /* a string is not an amount */
	refused(&f, UDF_IN_BOOL, "true");
	refused(&f, UDF_IN_NUMBER, "");
}

static void date_values(void **state)
{
	struct store_setup_item f = field_of("Demand sent", "date", false, "");
	ok_as(&f, UDF_IN_STRING, "2026-02-28", "2026-02-28");
	ok_as(&f, UDF_IN_STRING, "2024-02-29", "2024-02-29");
	ok_as(&f, UDF_IN_STRING, "", "");
	ok_as(&f, UDF_IN_NULL, "", "");
	refused(&f, UDF_IN_STRING, "2026-02-30");
	refused(&f, UDF_IN_STRING, "2026-2-1");
	refused(&f, UDF_IN_STRING, "yesterday");
	refused(&f, UDF_IN_NUMBER, "20260228");
}

static void yesno_values(void **state)
{
	struct store_setup_item f = field_of("Police report", "yesno", false, "");
	ok_as(&f, UDF_IN_BOOL, "true", "1");
	ok_as(&f, UDF_IN_BOOL, "false", "0");
	ok_as(&f, UDF_IN_NULL, "", "");
	refused(&f, UDF_IN_STRING, "yes");
	refused(&f, UDF_IN_STRING, "");
	refused(&f, UDF_IN_NUMBER, "1");
}

static void picklist_values(void **state)
{
	struct store_setup_item f = field_of("Referral source", "picklist", false,
					     "Web\nTV\nAttorney referral");
	ok_as(&f, UDF_IN_STRING, "Web", "Web");
	ok_as(&f, UDF_IN_STRING, "Attorney referral", "Attorney referral");
	ok_as(&f, UDF_IN_STRING, "", "");
	ok_as(&f, UDF_IN_NULL, "", "");
	refused(&f, UDF_IN_STRING, "Radio");
	refused(&f, UDF_IN_STRING, "web");            /* options match exactly */
	refused(&f, UDF_IN_STRING, "Web\nTV");
	refused(&f, UDF_IN_STRING, "Attorney");       /* not a prefix of an option */
	refused(&f, UDF_IN_NUMBER, "1");
}

static void a_required_field_cannot_be_cleared(void **state)
{
	const char *formats[] = {"text", "number", "money", "date", "yesno", "picklist"};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		struct store_setup_item f = field_of("Must have", formats[i], true, "A\nB");
		refused(&f, UDF_IN_NULL, "");
	}
	struct store_setup_item t = field_of("Must have", "text", true, "");
	refused(&t, UDF_IN_STRING, "");
	ok_as(&t, UDF_IN_STRING, "there", "there");
}

static void numbers_print_short(void **state)
{
	char out[64];
	udf_number_text(0.1, out, sizeof out);
	assert_string_equal(out, "0.1");
	udf_number_text(1250.5, out, sizeof out);
	assert_string_equal(out, "1250.5");
	udf_number_text(42, out, sizeof out);
	assert_string_equal(out, "42");
	udf_number_text(12.345, out, sizeof out);
	assert_string_equal(out, "12.345");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_condition_follows_its_fact),
		cmocka_unit_test(udf_conditions_look_at_the_values),
		cmocka_unit_test(a_minor_is_under_18_today),
		cmocka_unit_test(flag_conditions_params_and_targets_are_checked),
		cmocka_unit_test(formats_are_the_six),
		cmocka_unit_test(text_values),
		cmocka_unit_test(number_values),
		cmocka_unit_test(money_values),
		cmocka_unit_test(date_values),
		cmocka_unit_test(yesno_values),
		cmocka_unit_test(picklist_values),
		cmocka_unit_test(a_required_field_cannot_be_cleared),
		cmocka_unit_test(numbers_print_short),
	};
	return cmocka_run_group_tests_name("flag_udf", tests, NULL, NULL);
}
