/* flag.c - the case summary's flag rules (see flag.h): which conditions, parameters and
 * targets a flag of the setup list may have, and whether a flag holds for the facts of one
 * case. Gathering the facts (parties, deadlines, liens, UDF values, ...) is domain/summary.c;
 * the setup list itself (names, positions, unique names) is domain/setup.c. */
#include "domain/flag.h"
#include "core/date.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* What a condition's parameter is. */
enum flag_param { FLAG_PARAM_NONE, FLAG_PARAM_FIELD, FLAG_PARAM_FIELD_VALUE };

#define FLAG_FACT(member) offsetof(struct flag_facts, member)

/* Each condition: its parameter, and for the plain ones the fact it is (an offset into struct
 * flag_facts). */
static const struct {
	const char *code;
	enum flag_param param;
	size_t fact;
} flag_conditions[] = {
	{"serious_injury", FLAG_PARAM_NONE, FLAG_FACT(serious_injury)},
	{"mdl_master", FLAG_PARAM_NONE, FLAG_FACT(mdl_master)},
	{"bankruptcy", FLAG_PARAM_NONE, FLAG_FACT(bankruptcy)},
	{"referred_out", FLAG_PARAM_NONE, FLAG_FACT(referred_out)},
	{"deceased_plaintiff", FLAG_PARAM_NONE, FLAG_FACT(deceased_plaintiff)},
	{"minor_plaintiff", FLAG_PARAM_NONE, FLAG_FACT(minor_plaintiff)},
	{"sol_past_due", FLAG_PARAM_NONE, FLAG_FACT(sol_past_due)},
	{"deadline_past_due", FLAG_PARAM_NONE, FLAG_FACT(deadline_past_due)},
	{"liens", FLAG_PARAM_NONE, FLAG_FACT(liens)},
	{"critical_task", FLAG_PARAM_NONE, FLAG_FACT(critical_task)},
	{"udf_equals", FLAG_PARAM_FIELD_VALUE, 0},
	{"udf_set", FLAG_PARAM_FIELD, 0},
};

#define FLAG_CONDITION_COUNT (sizeof flag_conditions / sizeof flag_conditions[0])

static const char *const flag_targets[] = {
	"injuries", "bankruptcy", "referral", "surrogate", "deadlines", "plaintiffs",
	"defendants", "liens", "tasks", "incident", "udf", "info",
};

/* flag_condition_find gives the index of a condition code, or -1. */
static int flag_condition_find(const char *code)
{
	for (size_t i = 0; i < FLAG_CONDITION_COUNT; i++)
		if (strcmp(code, flag_conditions[i].code) == 0)
			return (int)i;
	return -1;
}

/* flag_span finds s without white space at either end: *start and the length. */
static size_t flag_span(const char *s, size_t n, const char **start)
{
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	*start = s;
	return n;
}

/* flag_param_split splits "Field name=value" at the first '=' into the trimmed name and value
 * (pointers into param, with lengths); a parameter without '=' is all name. */
static void flag_param_split(const char *param, const char **name, size_t *name_len,
			     const char **value, size_t *value_len)
{
	const char *eq = strchr(param, '=');
	size_t n = eq ? (size_t)(eq - param) : strlen(param);
	*name_len = flag_span(param, n, name);
	if (eq) {
		*value_len = flag_span(eq + 1, strlen(eq + 1), value);
	} else {
		*value = param + n;
		*value_len = 0;
	}
}

int flag_condition_valid(const char *condition, const char *param, const char *target,
			 struct err *e)
{
	int i = flag_condition_find(condition);
	if (i < 0)
		return err_set(e, ERR_UNPROCESSABLE, "condition",
			       condition[0] ? "must be serious_injury, mdl_master, bankruptcy, referred_out, "
					      "deceased_plaintiff, minor_plaintiff, sol_past_due, deadline_past_due, "
					      "liens, critical_task, udf_equals or udf_set"
					    : "is required");
	const char *name, *value;
	size_t name_len, value_len;
	flag_param_split(param, &name, &name_len, &value, &value_len);
	switch (flag_conditions[i].param) {
	case FLAG_PARAM_NONE:
		if (param[0])
			return err_set(e, ERR_UNPROCESSABLE, "param", "%s takes no parameter", condition);
		break;
	case FLAG_PARAM_FIELD:
		if (!name_len || strchr(param, '='))
			return err_set(e, ERR_UNPROCESSABLE, "param",
				       "udf_set needs the name of a user-defined field");
		break;
	case FLAG_PARAM_FIELD_VALUE:
		if (!name_len || !value_len || !strchr(param, '='))
			return err_set(e, ERR_UNPROCESSABLE, "param",
				       "udf_equals needs \"Field name=value\" (yes/no as 1 or 0, money in cents)");
		break;
	}
	for (size_t t = 0; t < sizeof flag_targets / sizeof flag_targets[0]; t++)
		if (strcmp(target, flag_targets[t]) == 0)
			return 0;
	return err_set(e, ERR_UNPROCESSABLE, "target",
		       target[0] ? "must be injuries, bankruptcy, referral, surrogate, deadlines, plaintiffs, "
				   "defendants, liens, tasks, incident, udf or info"
				 : "is required: where the flag's details live");
}

/* flag_udf_value finds the value of the UDF named name (n bytes); NULL when the case has no
 * such field. */
static const char *flag_udf_value(const struct flag_facts *f, const char *name, size_t n)
{
	for (int i = 0; i < f->n_udf; i++) {
		const char *have = f->udf_names[i];
		if (have && strlen(have) == n && memcmp(have, name, n) == 0)
			return f->udf_values[i] ? f->udf_values[i] : "";
	}
	return NULL;
}

bool flag_holds(const struct store_setup_item *flag, const struct flag_facts *f)
{
	int i = flag_condition_find(flag->code);
	if (i < 0)
		return false;
	if (flag_conditions[i].param == FLAG_PARAM_NONE)
		return *(const bool *)(const void *)((const char *)f + flag_conditions[i].fact);
	bool equals = flag_conditions[i].param == FLAG_PARAM_FIELD_VALUE;
	const char *name, *value;
	size_t name_len, value_len;
	flag_param_split(flag->text, &name, &name_len, &value, &value_len);
	if (!name_len)
		return false;
	const char *have = flag_udf_value(f, name, name_len);
	if (!have || !have[0])
		return false;
	return !equals || (strlen(have) == value_len && memcmp(have, value, value_len) == 0);
}

bool flag_is_minor(const char *birth_date, const char *today)
{
	int64_t born, now;
	if (!birth_date || !today || !date_parse(birth_date, &born) || !date_parse(today, &now))
		return false;
	/* the 18th birthday, compared as text: "YYYY-MM-DD" sorts as it counts (a 29 February
	 * birthday comes of age on 1 March in a year without one) */
	int year = 0;
	for (int i = 0; i < 4; i++)
		year = year * 10 + (birth_date[i] - '0');
	char adult[32];
	snprintf(adult, sizeof adult, "%04d%.6s", year + 18, birth_date + 4);
	return strcmp(today, adult) < 0;
}
