/* udf.c - user-defined fields of a case (see udf.h): what each format accepts and how a value
 * is kept (its canonical text), reading a case's fields with their values, and writing several
 * at once, all or nothing, with one "udf.changed" event.
 *
 * The fields themselves (a setup list per case type: name, format, required, options) are
 * domain/setup.c; the JSON form (numbers, booleans, money in cents) is api/udf.c; the flag
 * rules that look at UDF values are domain/flag.c. */
#include "domain/udf.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Money beyond this many digits of cents (a hundred trillion) is refused. */
#define UDF_MONEY_DIGITS 17

static const char *const udf_formats[] = {"text", "number", "money", "date", "yesno",
					  "picklist"};

bool udf_format_valid(const char *f)
{
	for (size_t i = 0; i < sizeof udf_formats / sizeof udf_formats[0]; i++)
		if (strcmp(f, udf_formats[i]) == 0)
			return true;
	return false;
}

void udf_number_text(double v, char *out, size_t size)
{
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(out, size, "%.*g", digits, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

/* udf_bad fills e for the field: ERR_UNPROCESSABLE on "values.<name>". */
static int udf_bad(struct err *e, const char *name, const char *why)
{
	char field[sizeof e->field];
	int room = (int)(sizeof field - sizeof "values.");
	snprintf(field, sizeof field, "values.%.*s", room, name);
	return err_set(e, ERR_UNPROCESSABLE, field, "%s", why);
}

/* udf_money_cents reads a decimal number ("1250.5", "-3", "1.25e2") exactly as cents: false
 * when it is not a number, has more than two decimals or is too large. */
static bool udf_money_cents(const char *s, int64_t *cents)
{
	char digits[64];
	size_t nd = 0;
	int64_t exp10 = 2;   /* the value is digits x 10^(exp10 - 2) units, i.e. x 10^exp10 cents */
	bool neg = false, any = false;
	const char *p = s;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (bool frac = false; *p; p++) {
		if (*p == '.' && !frac) {
			frac = true;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			break;
		any = true;
		if (nd == 0 && *p == '0') {   /* leading zeros count for nothing */
			if (frac)
				exp10--;
			continue;
		}
		if (nd >= sizeof digits)
			return false;
		digits[nd++] = *p;
		if (frac)
			exp10--;
	}
	if (!any)
		return false;
	if (*p == 'e' || *p == 'E') {
		char *end = NULL;
		long x = strtol(p + 1, &end, 10);
		if (end == p + 1 || *end || x > 100 || x < -100)
			return false;
		exp10 += x;
		p = end;
	}
	if (*p)
		return false;
	while (exp10 < 0 && nd > 0 && digits[nd - 1] == '0') {
		nd--;
		exp10++;
	}
	if (nd == 0) {
		*cents = 0;
		return true;
	}
	if (exp10 < 0 || (int64_t)nd + exp10 > UDF_MONEY_DIGITS)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < nd; i++)
		v = v * 10 + (digits[i] - '0');
	for (int64_t i = 0; i < exp10; i++)
		v *= 10;
	*cents = neg ? -v : v;
	return true;
}

/* udf_option_in says whether value is one line of a picklist's options. */
static bool udf_option_in(const char *options, const char *value)
{
	size_t n = strlen(value);
	for (const char *line = options; *line;) {
		size_t m = strcspn(line, "\n");
		if (m == n && memcmp(line, value, n) == 0)
			return true;
		line += m;
		if (*line)
			line++;
	}
	return false;
}

int udf_canonical(const struct store_setup_item *field, const struct udf_input *in, char *out,
		  size_t size, struct err *e)
{
	const char *f = field->code, *name = field->name;
	bool clear = in->type == UDF_IN_NULL ||
		     (in->type == UDF_IN_STRING && !in->text[0] &&
		      (strcmp(f, "text") == 0 || strcmp(f, "date") == 0 || strcmp(f, "picklist") == 0));
	if (clear) {
		if (field->required)
			return udf_bad(e, name, "is required and cannot be cleared");
		snprintf(out, size, "%s", "");
		return 0;
	}
	char text[STORE_UDF_VALUE_MAX + 1];
	if (strcmp(f, "text") == 0 || strcmp(f, "date") == 0 || strcmp(f, "picklist") == 0) {
		if (in->type != UDF_IN_STRING)
			return udf_bad(e, name, strcmp(f, "date") == 0 ? "must be a date YYYY-MM-DD or null"
								       : "must be a string or null");
		if (strcmp(f, "date") == 0 && !date_valid(in->text))
			return udf_bad(e, name, "must be a date YYYY-MM-DD or null");
		if (strcmp(f, "picklist") == 0 && !udf_option_in(field->text, in->text))
			return udf_bad(e, name, "must be one of the field's options");
		snprintf(text, sizeof text, "%s", in->text);
	} else if (strcmp(f, "number") == 0) {
		char *end = NULL;
		bool shaped = in->type == UDF_IN_NUMBER && in->text[0] &&
			      strspn(in->text, "0123456789+-.eE") == strlen(in->text);
		double v = shaped ? strtod(in->text, &end) : 0;
		if (!shaped || *end || !isfinite(v))
			return udf_bad(e, name, "must be a number or null");
		udf_number_text(v, text, sizeof text);
	} else if (strcmp(f, "money") == 0) {
		int64_t cents;
		if (in->type != UDF_IN_NUMBER)
			return udf_bad(e, name, "must be an amount (a number, e.g. 1250.50) or null");
		if (!udf_money_cents(in->text, &cents))
			return udf_bad(e, name, "must be an amount with at most two decimals");
		snprintf(text, sizeof text, "%" PRId64, cents);
	} else if (strcmp(f, "yesno") == 0) {
		if (in->type != UDF_IN_BOOL)
			return udf_bad(e, name, "must be true, false or null");
		snprintf(text, sizeof text, "%s", strcmp(in->text, "true") == 0 ? "1" : "0");
	} else {
		return err_set(e, ERR_INTERNAL, NULL, "the field '%s' has an unknown format '%s'", name, f);
	}
	if (strlen(text) >= size)
		return udf_bad(e, name, "is too long");
	memcpy(out, text, strlen(text) + 1);
	return 0;
}

/* ---- a case's fields with their values ----------------------------------------------------- */

struct udf_set_of {
	struct udf_entry *items;
	int n, cap;
	int rc;   /* STORE_ERROR when memory ran out */
};

static int udf_field_add(const struct store_setup_item *it, void *ctx)
{
	struct udf_set_of *s = ctx;
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		struct udf_entry *more = realloc(s->items, sizeof *more * (size_t)cap);
		if (!more) {
			s->rc = STORE_ERROR;
			return 1;
		}
		s->items = more;
		s->cap = cap;
	}
	memset(&s->items[s->n], 0, sizeof s->items[s->n]);
	s->items[s->n++].field = *it;
	return 0;
}

static int udf_value_put(const struct store_udf_value *v, void *ctx)
{
	struct udf_set_of *s = ctx;
	for (int i = 0; i < s->n; i++)
		if (s->items[i].field.id == v->field_id) {
			snprintf(s->items[i].value, sizeof s->items[i].value, "%s", v->value);
			break;
		}
	return 0;
}

/* udf_load reads the fields of case k's type, in order, with the case's values into s (the
 * caller frees s->items). */
static int udf_load(struct store_conn *c, const struct store_case *k, struct udf_set_of *s,
		    struct err *e)
{
	memset(s, 0, sizeof *s);
	int rc = store_setup_list(c, SETUP_UDF_FIELD, k->case_type_id, udf_field_add, s);
	if (rc == STORE_OK && s->rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory reading the user-defined fields");
	if (rc == STORE_OK && s->n > 0)
		rc = store_udf_value_list(c, k->id, udf_value_put, s);
	return user_store_error(rc, "user-defined fields", e);
}

int udf_walk_case(struct store_conn *c, const struct store_case *k, udf_each_fn each, void *ctx,
		  struct err *e)
{
	struct udf_set_of s;
	int rc = udf_load(c, k, &s, e);
	for (int i = 0; rc == 0 && i < s.n; i++)
		if (each(&s.items[i], ctx) != 0)
			break;
	free(s.items);
	return rc;
}

int udf_list(struct store_conn *c, const struct actor *a, int64_t case_id, udf_each_fn each,
	     void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	return rc != 0 ? rc : udf_walk_case(c, &k, each, ctx, e);
}

/* udf_shown is how a stored value reads in the timeline: yes/no, money with its cents. */
static void udf_shown(const struct store_setup_item *field, const char *value, char *out,
		      size_t size)
{
	if (!value[0]) {
		snprintf(out, size, "%s", "");
	} else if (strcmp(field->code, "yesno") == 0) {
		snprintf(out, size, "%s", strcmp(value, "1") == 0 ? "yes" : "no");
	} else if (strcmp(field->code, "money") == 0) {
		long long cents = strtoll(value, NULL, 10);
		unsigned long long whole = (unsigned long long)(cents < 0 ? -cents : cents);
		snprintf(out, size, "%s%llu.%02llu", cents < 0 ? "-" : "", whole / 100, whole % 100);
	} else {
		snprintf(out, size, "%s", value);
	}
}

struct udf_tx {
	const struct actor *a;
	int64_t case_id;
	const struct udf_input *inputs;
	int n;
};

static int udf_set_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct udf_tx *t = ctx;
	struct store_case k;
	int rc = case_load_for_edit(c, t->a, t->case_id, &k, e);
	if (rc != 0)
		return rc;
	struct udf_set_of s;
	rc = udf_load(c, &k, &s, e);
	int *which = rc == 0 ? calloc((size_t)(t->n ? t->n : 1), sizeof *which) : NULL;
	char (*values)[STORE_UDF_VALUE_MAX + 1] =
		rc == 0 ? calloc((size_t)(t->n ? t->n : 1), sizeof *values) : NULL;
	if (rc == 0 && (!which || !values))
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory writing user-defined fields");
	/* every value is checked before any is written */
	for (int i = 0; rc == 0 && i < t->n; i++) {
		const struct udf_input *in = &t->inputs[i];
		which[i] = -1;
		for (int f = 0; f < s.n; f++)
			if (strcmp(s.items[f].field.name, in->name) == 0)
				which[i] = f;
		if (which[i] < 0) {
			char why[STORE_NAME_MAX + 64];
			snprintf(why, sizeof why, "is not a user-defined field of %s", k.case_type_name);
			rc = udf_bad(e, in->name, why);
			break;
		}
		rc = udf_canonical(&s.items[which[i]].field, in, values[i], sizeof values[i], e);
	}
	struct case_diff d;
	memset(&d, 0, sizeof d);
	for (int i = 0; rc == 0 && i < t->n; i++) {
		struct udf_entry *u = &s.items[which[i]];
		if (strcmp(u->value, values[i]) == 0)
			continue;
		int src = store_udf_value_set(c, k.id, u->field.id, values[i]);
		if (src != STORE_OK) {
			rc = user_store_error(src, "user-defined field", e);
			break;
		}
		char from[STORE_UDF_VALUE_MAX + 32], to[STORE_UDF_VALUE_MAX + 32];
		udf_shown(&u->field, u->value, from, sizeof from);
		udf_shown(&u->field, values[i], to, sizeof to);
		case_diff_long(&d, u->field.name, from, to);
		snprintf(u->value, sizeof u->value, "%s", values[i]);
	}
	if (rc == 0 && d.count > 0)
		rc = timeline_append(c, t->a, k.id, "udf.changed", e, "%s", d.text);
	free(values);
	free(which);
	free(s.items);
	return rc;
}

int udf_set(struct store_conn *c, const struct actor *a, int64_t case_id,
	    const struct udf_input *inputs, int n, struct err *e)
{
	if (n < 0 || n > UDF_SET_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "values", "at most %d fields at once", UDF_SET_MAX);
	struct udf_tx t = {.a = a, .case_id = case_id, .inputs = inputs, .n = n};
	return store_tx_run(c, udf_set_fn, &t, e);
}
