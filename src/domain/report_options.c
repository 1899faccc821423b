/* report_options.c - the options of a case status report (see report_options.h): defaults,
 * checking and normalising, the right they need, and their JSON form (the API's body and the
 * frozen copy a preview keeps).
 *
 * What the options select and the office's follow-up method are domain/report.c's; the CLI
 * fills the struct from its flags in cli/report.c. */
#include "domain/report_options.h"
#include "domain/rights.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const report_advisors_names[] = {"all", "primary", "selected"};
static const char *const report_cases_names[] = {"follow_up", "all", "stage", "selected"};
static const char *const report_method_names[] = {"preferred", "email", "print"};
static const char *const report_mask_names[] = {"none", "policy", "name", "both"};

#define REPORT_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* report_name_of gives names[v], or "" when v is out of range. */
static const char *report_name_of(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : "";
}

/* report_lookup finds s among names; -1 when it is not there. */
static int report_lookup(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *report_advisors_name(enum store_report_advisors v)
{
	return report_name_of(report_advisors_names, REPORT_COUNT(report_advisors_names), (int)v);
}

const char *report_cases_name(enum store_report_cases v)
{
	return report_name_of(report_cases_names, REPORT_COUNT(report_cases_names), (int)v);
}

const char *report_method_name(enum report_method v)
{
	return report_name_of(report_method_names, REPORT_COUNT(report_method_names), (int)v);
}

const char *report_mask_name(enum report_mask v)
{
	return report_name_of(report_mask_names, REPORT_COUNT(report_mask_names), (int)v);
}

int report_advisors_lookup(const char *s)
{
	return report_lookup(report_advisors_names, REPORT_COUNT(report_advisors_names), s);
}

int report_cases_lookup(const char *s)
{
	return report_lookup(report_cases_names, REPORT_COUNT(report_cases_names), s);
}

int report_method_lookup(const char *s)
{
	return report_lookup(report_method_names, REPORT_COUNT(report_method_names), s);
}

int report_mask_lookup(const char *s)
{
	return report_lookup(report_mask_names, REPORT_COUNT(report_mask_names), s);
}

void report_options_defaults(struct report_options *o)
{
	memset(o, 0, sizeof *o);
	o->advisors = REPORT_ADVISORS_ALL;
	o->cases = REPORT_CASES_ALL;
	o->method = REPORT_METHOD_PREFERRED;
	o->mask = REPORT_MASK_NONE;
}

/* report_ids_check checks a selected list: 1..REPORT_SELECTED_MAX positive ids, none twice. */
static int report_ids_check(const int64_t *ids, int n, const char *field, const char *what,
			    struct err *e)
{
	if (n < 1)
		return err_set(e, ERR_UNPROCESSABLE, field, "select at least one %s", what);
	if (n > REPORT_SELECTED_MAX)
		return err_set(e, ERR_UNPROCESSABLE, field, "select at most %d %ss",
			       REPORT_SELECTED_MAX, what);
	for (int i = 0; i < n; i++) {
		if (ids[i] <= 0)
			return err_set(e, ERR_UNPROCESSABLE, field, "must hold positive ids");
		for (int j = 0; j < i; j++)
			if (ids[j] == ids[i])
				return err_set(e, ERR_UNPROCESSABLE, field, "names %s %lld twice",
					       what, (long long)ids[i]);
	}
	return 0;
}

/* report_subject_check refuses control characters (a subject is a mail header) and makes a
 * blank subject "" (the default one). */
static int report_subject_check(char *subject, struct err *e)
{
	bool blank = true;
	for (const unsigned char *p = (const unsigned char *)subject; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return err_set(e, ERR_UNPROCESSABLE, "subject",
				       "must be one line without control characters");
		if (!isspace(*p))
			blank = false;
	}
	if (strlen(subject) > REPORT_SUBJECT_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "subject", "must be at most %d bytes long",
			       REPORT_SUBJECT_MAX);
	if (blank)
		subject[0] = '\0';
	return 0;
}

int report_options_check(struct report_options *o, struct err *e)
{
	if (o->office_id < 0)
		return err_set(e, ERR_UNPROCESSABLE, "office_id", "must be a positive id or null");
	if (o->case_manager_id < 0)
		return err_set(e, ERR_UNPROCESSABLE, "case_manager_id",
			       "must be a positive id or null");
	if ((int)o->advisors < 0 || (int)o->advisors > REPORT_ADVISORS_SELECTED)
		return err_set(e, ERR_UNPROCESSABLE, "advisors",
			       "must be all, primary or selected");
	if ((int)o->cases < 0 || (int)o->cases > REPORT_CASES_SELECTED)
		return err_set(e, ERR_UNPROCESSABLE, "cases",
			       "must be follow_up, all, stage or selected");
	if ((int)o->method < 0 || (int)o->method > REPORT_METHOD_PRINT)
		return err_set(e, ERR_UNPROCESSABLE, "method", "must be preferred, email or print");
	if ((int)o->mask < 0 || (int)o->mask > REPORT_MASK_BOTH)
		return err_set(e, ERR_UNPROCESSABLE, "mask", "must be none, policy, name or both");
	int rc = 0;
	if (o->advisors == REPORT_ADVISORS_SELECTED)
		rc = report_ids_check(o->advisor_ids, o->n_advisors, "advisor_ids", "advisor", e);
	else
		o->n_advisors = 0;
	if (rc != 0)
		return rc;
	if (o->cases == REPORT_CASES_SELECTED)
		rc = report_ids_check(o->case_ids, o->n_cases, "case_ids", "case", e);
	else
		o->n_cases = 0;
	if (rc != 0)
		return rc;
	if (o->cases == REPORT_CASES_STAGE) {
		if (o->stage_status_id <= 0)
			return err_set(e, ERR_UNPROCESSABLE, "stage_status_id",
				       "choose the stage the cases are in");
	} else {
		o->stage_status_id = 0;
	}
	if (o->cases == REPORT_CASES_FOLLOW_UP) {
		if (o->office_id == 0)
			return err_set(e, ERR_UNPROCESSABLE, "cases",
				       "follow_up needs an office with stage-based follow-ups");
		o->one_case_per_letter = true;
	}
	return report_subject_check(o->subject, e);
}

int report_options_right(const struct report_options *o)
{
	if (o->advisors == REPORT_ADVISORS_SELECTED || o->cases == REPORT_CASES_SELECTED)
		return RIGHT_STATUS_REPORT_SELECTIVE_SEND;
	return RIGHT_STATUS_REPORT_MASS_SEND;
}

/* report_id_json gives an id as a JSON integer, or null for 0. */
static json_t *report_id_json(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

static json_t *report_ids_json(const int64_t *ids, int n)
{
	json_t *a = json_array();
	for (int i = 0; a && i < n; i++)
		json_array_append_new(a, json_integer((json_int_t)ids[i]));
	return a;
}

json_t *report_options_to_json(const struct report_options *o)
{
	json_t *include = json_pack("{s:b, s:b, s:b, s:b}", "informal", o->informal,
				    "informal_child", o->informal_child, "group", o->group,
				    "pos_requirements", o->pos_requirements);
	return json_pack("{s:o, s:o, s:s, s:o, s:s, s:o, s:o, s:o, s:s, s:b, s:b, s:s, s:s}",
			 "office_id", report_id_json(o->office_id),
			 "case_manager_id", report_id_json(o->case_manager_id),
			 "advisors", report_advisors_name(o->advisors),
			 "advisor_ids", report_ids_json(o->advisor_ids, o->n_advisors),
			 "cases", report_cases_name(o->cases),
			 "stage_status_id", report_id_json(o->stage_status_id),
			 "case_ids", report_ids_json(o->case_ids, o->n_cases),
			 "include", include,
			 "method", report_method_name(o->method),
			 "one_case_per_letter", o->one_case_per_letter,
			 "show_logo", o->show_logo,
			 "mask", report_mask_name(o->mask),
			 "subject", o->subject);
}

/* ---- reading the JSON form -------------------------------------------------------------- */

/* report_json_id reads an id member: a positive integer or null (0). */
static int report_json_id(const json_t *v, const char *field, int64_t *out, struct err *e)
{
	if (json_is_null(v)) {
		*out = 0;
		return 0;
	}
	if (!json_is_integer(v))
		return err_set(e, ERR_INVALID, field, "must be a positive integer id or null");
	if (json_integer_value(v) <= 0)
		return err_set(e, ERR_UNPROCESSABLE, field,
			       "must be a positive integer id or null");
	*out = (int64_t)json_integer_value(v);
	return 0;
}

static int report_json_bool(const json_t *v, const char *field, bool *out, struct err *e)
{
	if (!json_is_boolean(v))
		return err_set(e, ERR_INVALID, field, "must be true or false");
	*out = json_is_true(v);
	return 0;
}

/* report_json_enum reads a string member naming one of an enum's values (lookup). */
static int report_json_enum(const json_t *v, const char *field, int (*lookup)(const char *),
			    const char *choices, int *out, struct err *e)
{
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, field, "must be a string: %s", choices);
	int x = lookup(json_string_value(v));
	if (x < 0)
		return err_set(e, ERR_UNPROCESSABLE, field, "must be %s", choices);
	*out = x;
	return 0;
}

/* report_json_ids reads an array of ids (null = none) into ids[0..*n). */
static int report_json_ids(const json_t *v, const char *field, int64_t *ids, int *n,
			   struct err *e)
{
	*n = 0;
	if (json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return err_set(e, ERR_INVALID, field, "must be an array of ids");
	if (json_array_size(v) > REPORT_SELECTED_MAX)
		return err_set(e, ERR_UNPROCESSABLE, field, "may hold at most %d ids",
			       REPORT_SELECTED_MAX);
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		if (!json_is_integer(x))
			return err_set(e, ERR_INVALID, field, "must be an array of ids");
		if (json_integer_value(x) <= 0)
			return err_set(e, ERR_UNPROCESSABLE, field, "must hold positive ids");
		ids[(*n)++] = (int64_t)json_integer_value(x);
	}
	return 0;
}

static int report_json_include(const json_t *v, struct report_options *o, struct err *e)
{
	if (json_is_null(v))
		return 0;
	if (!json_is_object(v))
		return err_set(e, ERR_INVALID, "include", "must be an object");
	const char *key;
	json_t *x;
	json_object_foreach((json_t *)v, key, x) {
		char field[64];
		snprintf(field, sizeof field, "include.%s", key);
		bool *dst = strcmp(key, "informal") == 0 ? &o->informal
			  : strcmp(key, "informal_child") == 0 ? &o->informal_child
			  : strcmp(key, "group") == 0 ? &o->group
			  : strcmp(key, "pos_requirements") == 0 ? &o->pos_requirements : NULL;
		if (!dst)
			return err_set(e, ERR_INVALID, field, "is not a known field");
		int rc = report_json_bool(x, field, dst, e);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int report_json_subject(const json_t *v, char *out, struct err *e)
{
	if (json_is_null(v)) {
		out[0] = '\0';
		return 0;
	}
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, "subject", "must be a string");
	if (json_string_length(v) > REPORT_SUBJECT_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "subject", "must be at most %d bytes long",
			       REPORT_SUBJECT_MAX);
	if (strlen(json_string_value(v)) != json_string_length(v))
		return err_set(e, ERR_UNPROCESSABLE, "subject", "must not hold NUL characters");
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

/* report_json_member reads one member of the options object into o. */
static int report_json_member(const char *key, const json_t *v, struct report_options *o,
			      struct err *e)
{
	int x = 0, rc;
	if (strcmp(key, "office_id") == 0)
		return report_json_id(v, key, &o->office_id, e);
	if (strcmp(key, "case_manager_id") == 0)
		return report_json_id(v, key, &o->case_manager_id, e);
	if (strcmp(key, "stage_status_id") == 0)
		return report_json_id(v, key, &o->stage_status_id, e);
	if (strcmp(key, "advisor_ids") == 0)
		return report_json_ids(v, key, o->advisor_ids, &o->n_advisors, e);
	if (strcmp(key, "case_ids") == 0)
		return report_json_ids(v, key, o->case_ids, &o->n_cases, e);
	if (strcmp(key, "include") == 0)
		return report_json_include(v, o, e);
	if (strcmp(key, "one_case_per_letter") == 0)
		return report_json_bool(v, key, &o->one_case_per_letter, e);
	if (strcmp(key, "show_logo") == 0)
		return report_json_bool(v, key, &o->show_logo, e);
	if (strcmp(key, "subject") == 0)
		return report_json_subject(v, o->subject, e);
	if (strcmp(key, "advisors") == 0) {
		rc = report_json_enum(v, key, report_advisors_lookup, "all, primary or selected",
				      &x, e);
		o->advisors = (enum store_report_advisors)x;
		return rc;
	}
	if (strcmp(key, "cases") == 0) {
		rc = report_json_enum(v, key, report_cases_lookup,
				      "follow_up, all, stage or selected", &x, e);
		o->cases = (enum store_report_cases)x;
		return rc;
	}
	if (strcmp(key, "method") == 0) {
		rc = report_json_enum(v, key, report_method_lookup, "preferred, email or print",
				      &x, e);
		o->method = (enum report_method)x;
		return rc;
	}
	if (strcmp(key, "mask") == 0) {
		rc = report_json_enum(v, key, report_mask_lookup, "none, policy, name or both",
				      &x, e);
		o->mask = (enum report_mask)x;
		return rc;
	}
	char field[64];
	snprintf(field, sizeof field, "%s", key);
	return err_set(e, ERR_INVALID, field, "is not a known field");
}

int report_options_from_json(const json_t *obj, struct report_options *o, struct err *e)
{
	report_options_defaults(o);
	if (!json_is_object(obj))
		return err_set(e, ERR_INVALID, "options", "must be an object");
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)obj, key, v) {
		int rc = report_json_member(key, v, o, e);
		if (rc != 0)
			return rc;
	}
	return report_options_check(o, e);
}
