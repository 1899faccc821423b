/* case.c - rules for a case itself (see case.h): who may see it, opening it (number, owner,
 * first stage), editing it (rights on name and number, the value history, one timeline event
 * naming the changes), deleting it, listing it, and the case number pattern. The case's own
 * summary data (retainer date, referral in and out, liability, incident facts) are members of
 * the case like the others.
 *
 * Where a case stands is domain/case_status.c (this file only writes the first stage row);
 * the audit trail is domain/timeline.c; the firm's lists are domain/setup.c. */
#include "domain/case.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/contact.h"
#include "domain/rights.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/us_state.h"
#include "domain/user.h"

#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* How many generated numbers to try when the pattern's next numbers are already taken (by
 * numbers given by hand or imported). */
#define CASE_NUMBER_ATTEMPTS 100

void case_scope(const struct actor *a, struct store_scope *scope)
{
	memset(scope, 0, sizeof *scope);
	if (a->via == ACTOR_SYSTEM || strcmp(a->user.role, "admin") == 0 ||
	    strcmp(a->user.role, "staff") == 0) {
		scope->all = true;
		return;
	}
	scope->user_id = a->user.id;
	scope->contact_id = a->user.contact_id;
}

int case_load(struct store_conn *c, const struct actor *a, int64_t id, struct store_case *out,
	      struct err *e)
{
	struct store_scope scope;
	case_scope(a, &scope);
	int rc = id > 0 ? store_case_get(c, &scope, id, out) : STORE_NOT_FOUND;
	return user_store_error(rc, "case", e);
}

int case_load_for_edit(struct store_conn *c, const struct actor *a, int64_t id,
		       struct store_case *out, struct err *e)
{
	int rc = case_load(c, a, id, out, e);
	if (rc == 0)
		rc = rights_require(a, RIGHT_CASE_EDIT, e);
	return rc;
}

int64_t case_acting_user(const struct actor *a, const struct store_case *k)
{
	return a->via == ACTOR_SYSTEM || a->user.id == 0 ? k->owner_id : a->user.id;
}

int case_setup_ref(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		   const char *field, struct store_setup_item *out, struct err *e)
{
	int rc = id > 0 ? store_setup_get(c, kind, id, out) : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, field, "there is no %s %lld",
			       setup_kind_name(kind), (long long)id);
	return user_store_error(rc, setup_kind_name(kind), e);
}

/* ---- the case number pattern ------------------------------------------------------------ */

/* case_number_put appends n bytes of s to out at *len; false when it would not fit. */
static bool case_number_put(char *out, size_t *len, const char *s, size_t n)
{
	if (*len + n > STORE_CASE_NUMBER_MAX)
		return false;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
	return true;
}

/* case_number_token expands one token (the text between the braces, tok of n bytes). */
static int case_number_token(const char *tok, size_t n, const char *today, int64_t seq,
			     char *text, size_t size, bool *is_seq)
{
	*is_seq = false;
	if (n == 4 && memcmp(tok, "YYYY", 4) == 0)
		return snprintf(text, size, "%.4s", today);
	if (n == 2 && memcmp(tok, "YY", 2) == 0)
		return snprintf(text, size, "%.2s", today + 2);
	if (n == 2 && memcmp(tok, "MM", 2) == 0)
		return snprintf(text, size, "%.2s", today + 5);
	if (n == 2 && memcmp(tok, "DD", 2) == 0)
		return snprintf(text, size, "%.2s", today + 8);
	if (n == 3 && memcmp(tok, "SEQ", 3) == 0) {
		*is_seq = true;
		return snprintf(text, size, "%" PRId64, seq);
	}
	if (n >= 5 && n <= 6 && memcmp(tok, "SEQ:", 4) == 0) {
		int width = 0;
		for (size_t i = 4; i < n; i++) {
			if (!isdigit((unsigned char)tok[i]))
				return -1;
			width = width * 10 + (tok[i] - '0');
		}
		if (width < 1 || width > 12)
			return -1;
		*is_seq = true;
		return snprintf(text, size, "%0*" PRId64, width, seq);
	}
	return -1;
}

int case_number_format(const char *pattern, const char today[STORE_DATE_LEN], int64_t seq,
		       char out[STORE_CASE_NUMBER_MAX + 1], struct err *e)
{
	static const char field[] = "case_number_pattern";
	size_t len = 0;
	bool has_seq = false;
	out[0] = '\0';
	if (!date_valid(today))
		return err_set(e, ERR_INTERNAL, NULL, "no valid date for the case number");
	for (const char *p = pattern; *p;) {
		if (*p != '{') {
			size_t run = strcspn(p, "{");
			if (!case_number_put(out, &len, p, run))
				return err_set(e, ERR_UNPROCESSABLE, field,
					       "makes numbers longer than %d characters",
					       STORE_CASE_NUMBER_MAX);
			p += run;
			continue;
		}
		const char *close = strchr(p, '}');
		if (!close)
			return err_set(e, ERR_UNPROCESSABLE, field, "has a '{' without its '}'");
		char text[32];
		bool is_seq;
		int n = case_number_token(p + 1, (size_t)(close - p - 1), today, seq, text,
					  sizeof text, &is_seq);
		if (n < 0)
			return err_set(e, ERR_UNPROCESSABLE, field,
				       "has the unknown token '%.*s'; use {YYYY} {YY} {MM} {DD} {SEQ} "
				       "or {SEQ:n} (n from 1 to 12)", (int)(close - p + 1 > 40 ? 40 : close - p + 1), p);
		has_seq = has_seq || is_seq;
		if (!case_number_put(out, &len, text, (size_t)n))
			return err_set(e, ERR_UNPROCESSABLE, field,
				       "makes numbers longer than %d characters", STORE_CASE_NUMBER_MAX);
		p = close + 1;
	}
	if (!has_seq)
		return err_set(e, ERR_UNPROCESSABLE, field, "needs a {SEQ} or {SEQ:n} token");
	return 0;
}

/* ---- checking and applying fields ------------------------------------------------------- */

static bool case_blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* case_check_shape checks what needs no database: required members, dates, the state code,
 * money. */
static int case_check_shape(const struct case_fields *f, bool creating, struct err *e)
{
	if (creating && (!(f->present & CASE_F_NAME) || case_blank(f->name)))
		return err_set(e, ERR_UNPROCESSABLE, "name", "is required");
	if ((f->present & CASE_F_NAME) && case_blank(f->name))
		return err_set(e, ERR_UNPROCESSABLE, "name", "must not be empty");
	if ((creating || (f->present & CASE_F_CASE_TYPE)) && f->case_type_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "case_type_id", "is required");
	static const struct {
		uint32_t bit;
		size_t offset;
		const char *name;
	} dates[] = {
		{CASE_F_INCIDENT_DATE, offsetof(struct case_fields, incident_date), "incident_date"},
		{CASE_F_OPENED_DATE, offsetof(struct case_fields, opened_date), "opened_date"},
		{CASE_F_WANTED_DATE, offsetof(struct case_fields, wanted_date), "wanted_date"},
		{CASE_F_EXPECTED_RESOLUTION_DATE, offsetof(struct case_fields, expected_resolution_date),
		 "expected_resolution_date"},
		{CASE_F_RETAINER_DATE, offsetof(struct case_fields, retainer_date), "retainer_date"},
	};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		const char *d = (const char *)f + dates[i].offset;
		if ((f->present & dates[i].bit) && d[0] && !date_valid(d))
			return err_set(e, ERR_UNPROCESSABLE, dates[i].name, "must be a date YYYY-MM-DD");
	}
	if (!creating && (f->present & CASE_F_OPENED_DATE) && !f->opened_date[0])
		return err_set(e, ERR_UNPROCESSABLE, "opened_date", "cannot be cleared");
	if ((f->present & CASE_F_STATE) && f->state[0] && !us_state_valid(f->state))
		return err_set(e, ERR_UNPROCESSABLE, "state",
			       "'%s' is not a US state code (see /api/v1/setup/states)", f->state);
	if ((f->present & CASE_F_MIN_SETTLEMENT) && f->min_settlement_cents < -1)
		return err_set(e, ERR_UNPROCESSABLE, "min_settlement_cents", "must be >= 0 or null");
	if (!creating && (f->present & CASE_F_OWNER) && f->owner_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "owner_id", "a case always has an owner");
	if ((f->present & CASE_F_LIABILITY_PERCENT) &&
	    (f->liability_percent < -1 || f->liability_percent > 100))
		return err_set(e, ERR_UNPROCESSABLE, "liability_percent",
			       "must be from 0 to 100, or null");
	return 0;
}

/* case_copy_trimmed copies s into out (size bytes) without white space at either end. */
static void case_copy_trimmed(char *out, size_t size, const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

static void case_apply(struct store_case *k, const struct case_fields *f)
{
	uint32_t p = f->present;
	if (p & CASE_F_NUMBER)
		case_copy_trimmed(k->number, sizeof k->number, f->number);
	if (p & CASE_F_NAME)
		case_copy_trimmed(k->name, sizeof k->name, f->name);
	if (p & CASE_F_CASE_TYPE)
		k->case_type_id = f->case_type_id;
	if (p & CASE_F_CASE_SUBTYPE)
		k->case_subtype_id = f->case_subtype_id;
	if (p & CASE_F_STATE)
		snprintf(k->state, sizeof k->state, "%.2s", f->state);
	if (p & CASE_F_OFFICE)
		k->office_id = f->office_id;
	if (p & CASE_F_INCIDENT_DATE)
		snprintf(k->incident_date, sizeof k->incident_date, "%s", f->incident_date);
	if (p & CASE_F_OPENED_DATE)
		snprintf(k->opened_date, sizeof k->opened_date, "%s", f->opened_date);
	if (p & CASE_F_WANTED_DATE)
		snprintf(k->wanted_date, sizeof k->wanted_date, "%s", f->wanted_date);
	if (p & CASE_F_EXPECTED_RESOLUTION_DATE)
		snprintf(k->expected_resolution_date, sizeof k->expected_resolution_date, "%s",
			 f->expected_resolution_date);
	if (p & CASE_F_VALUE_RANGE)
		k->value_range_id = f->value_range_id;
	if (p & CASE_F_MIN_SETTLEMENT) {
		k->has_min_settlement = f->min_settlement_cents >= 0;
		k->min_settlement_cents = k->has_min_settlement ? f->min_settlement_cents : 0;
	}
	if (p & CASE_F_VALUE_COMMENTS)
		snprintf(k->value_comments, sizeof k->value_comments, "%s", f->value_comments);
	if (p & CASE_F_SERIOUS_INJURY)
		k->serious_injury = f->serious_injury;
	if (p & CASE_F_MDL_MASTER)
		k->mdl_master = f->mdl_master;
	if (p & CASE_F_DESCRIPTION)
		snprintf(k->description, sizeof k->description, "%s", f->description);
	if (p & CASE_F_OWNER)
		k->owner_id = f->owner_id;
	if (p & CASE_F_RETAINER_DATE)
		snprintf(k->retainer_date, sizeof k->retainer_date, "%s", f->retainer_date);
	if (p & CASE_F_REFERRAL_IN_FORM)
		case_copy_trimmed(k->referral_in_form, sizeof k->referral_in_form, f->referral_in_form);
	if (p & CASE_F_REFERRAL_IN_CONTACT)
		k->referral_in_contact_id = f->referral_in_contact_id;
	if (p & CASE_F_REFERRAL_OUT_FORM)
		case_copy_trimmed(k->referral_out_form, sizeof k->referral_out_form,
				  f->referral_out_form);
	if (p & CASE_F_REFERRAL_OUT_CONTACT)
		k->referral_out_contact_id = f->referral_out_contact_id;
	if (p & CASE_F_LIABILITY_CODE)
		case_copy_trimmed(k->liability_code, sizeof k->liability_code, f->liability_code);
	if (p & CASE_F_LIABILITY_PERCENT)
		k->liability_percent = f->liability_percent < 0 ? -1 : f->liability_percent;
	if (p & CASE_F_INCIDENT_FACTS)
		snprintf(k->incident_facts, sizeof k->incident_facts, "%s", f->incident_facts);
}

/* case_check_contact checks a contact reference that is new (from_id differs) and fills its
 * name; id 0 (none) clears the name. */
static int case_check_contact(struct store_conn *c, int64_t from_id, int64_t id, char *name,
			      size_t size, const char *field, struct err *e)
{
	if (!id) {
		name[0] = '\0';
		return 0;
	}
	if (id == from_id)
		return 0;
	struct store_contact ct;
	int rc = contact_ref(c, id, field, &ct, e);
	if (rc == 0)
		snprintf(name, size, "%s", ct.display_name);
	return rc;
}

/* case_check_refs checks the references of k that are new (old == NULL: all of them) against
 * the firm's lists, and fills k's joined names from what it read. */
static int case_check_refs(struct store_conn *c, const struct store_case *old, struct store_case *k,
			   struct err *e)
{
	struct store_setup_item type, item;
	int rc = case_setup_ref(c, SETUP_CASE_TYPE, k->case_type_id, "case_type_id", &type, e);
	if (rc != 0)
		return rc;
	snprintf(k->case_type_name, sizeof k->case_type_name, "%s", type.name);
	snprintf(k->case_group, sizeof k->case_group, "%s", type.group);
	if (!k->case_subtype_id) {
		k->case_subtype_name[0] = '\0';
	} else if (!old || old->case_subtype_id != k->case_subtype_id ||
		   old->case_type_id != k->case_type_id) {
		rc = case_setup_ref(c, SETUP_CASE_SUBTYPE, k->case_subtype_id, "case_subtype_id",
				    &item, e);
		if (rc != 0)
			return rc;
		if (item.parent_id != k->case_type_id)
			return err_set(e, ERR_UNPROCESSABLE, "case_subtype_id",
				       "'%s' is not a subtype of %s", item.name, type.name);
		snprintf(k->case_subtype_name, sizeof k->case_subtype_name, "%s", item.name);
	}
	if (!k->office_id) {
		k->office_name[0] = '\0';
	} else if (!old || old->office_id != k->office_id) {
		struct store_office o;
		rc = store_office_get(c, k->office_id, &o);
		if (rc == STORE_NOT_FOUND)
			return err_set(e, ERR_UNPROCESSABLE, "office_id", "there is no office %lld",
				       (long long)k->office_id);
		if (rc != STORE_OK)
			return user_store_error(rc, "office", e);
		snprintf(k->office_name, sizeof k->office_name, "%s", o.name);
	}
	if (!k->value_range_id) {
		k->value_range_name[0] = '\0';
	} else if (!old || old->value_range_id != k->value_range_id) {
		rc = case_setup_ref(c, SETUP_VALUE_RANGE, k->value_range_id, "value_range_id", &item, e);
		if (rc != 0)
			return rc;
		snprintf(k->value_range_name, sizeof k->value_range_name, "%s", item.name);
	}
	if (!old || old->owner_id != k->owner_id) {
		struct store_user u;
		rc = store_user_get(c, k->owner_id, &u);
		if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !u.active))
			return err_set(e, ERR_UNPROCESSABLE, "owner_id", "there is no active user %lld",
				       (long long)k->owner_id);
		if (rc != STORE_OK)
			return user_store_error(rc, "user", e);
		snprintf(k->owner_name, sizeof k->owner_name, "%s", u.name);
	}
	rc = case_check_contact(c, old ? old->referral_in_contact_id : 0, k->referral_in_contact_id,
				k->referral_in_contact_name, sizeof k->referral_in_contact_name,
				"referral_in_contact_id", e);
	if (rc == 0)
		rc = case_check_contact(c, old ? old->referral_out_contact_id : 0,
					k->referral_out_contact_id, k->referral_out_contact_name,
					sizeof k->referral_out_contact_name, "referral_out_contact_id", e);
	return rc;
}

/* ---- describing a change ---------------------------------------------------------------- */

void case_diff_add(struct case_diff *d, const char *label, const char *from, const char *to)
{
	size_t room = sizeof d->text - d->len;
	int n = snprintf(d->text + d->len, room, "%s%s: %s → %s", d->count ? "; " : "", label,
			 from[0] ? from : "(none)", to[0] ? to : "(none)");
	d->count++;
	if (n > 0)
		d->len = (size_t)n >= room ? sizeof d->text - 1 : d->len + (size_t)n;
}

void case_diff_text(struct case_diff *d, const char *label, const char *from, const char *to)
{
	if (strcmp(from, to) != 0)
		case_diff_add(d, label, from, to);
}

/* case_diff_cut copies the first CASE_DIFF_LONG_CHARS characters of s into out (with "…" when
 * there were more), on one line. */
static void case_diff_cut(const char *s, char *out, size_t size)
{
	size_t n = 0, chars = 0;
	while (s[n] && chars < CASE_DIFF_LONG_CHARS) {
		n++;
		while (((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
		chars++;
	}
	snprintf(out, size, "%.*s%s", (int)n, s, s[n] ? "…" : "");
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

void case_diff_long(struct case_diff *d, const char *label, const char *from, const char *to)
{
	if (strcmp(from, to) == 0)
		return;
	char a[CASE_DIFF_LONG_CHARS * 4 + 8], b[CASE_DIFF_LONG_CHARS * 4 + 8];
	case_diff_cut(from, a, sizeof a);
	case_diff_cut(to, b, sizeof b);
	case_diff_add(d, label, a, b);
}

static void case_diff_ref(struct case_diff *d, const char *label, int64_t from_id,
			  const char *from, int64_t to_id, const char *to)
{
	if (from_id != to_id)
		case_diff_add(d, label, from_id ? from : "", to_id ? to : "");
}

static void case_diff_flag(struct case_diff *d, const char *label, bool from, bool to)
{
	if (from != to)
		case_diff_add(d, label, from ? "yes" : "no", to ? "yes" : "no");
}

static void case_percent_text(int64_t percent, char out[32])
{
	if (percent < 0)
		out[0] = '\0';
	else
		snprintf(out, 32, "%" PRId64 "%%", percent);
}

static void case_money_text(bool has, int64_t cents, char out[32])
{
	if (!has)
		out[0] = '\0';
	else
		snprintf(out, 32, "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
}

/* case_describe_changes lists what differs between a and b ("name: A → B; state: NY → NJ"). */
static void case_describe_changes(const struct store_case *a, const struct store_case *b,
				  struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	case_diff_text(d, "number", a->number, b->number);
	case_diff_text(d, "name", a->name, b->name);
	case_diff_ref(d, "case type", a->case_type_id, a->case_type_name, b->case_type_id,
		      b->case_type_name);
	case_diff_ref(d, "subtype", a->case_subtype_id, a->case_subtype_name, b->case_subtype_id,
		      b->case_subtype_name);
	case_diff_text(d, "state", a->state, b->state);
	case_diff_ref(d, "office", a->office_id, a->office_name, b->office_id, b->office_name);
	case_diff_text(d, "incident date", a->incident_date, b->incident_date);
	case_diff_text(d, "opened date", a->opened_date, b->opened_date);
	case_diff_text(d, "wanted date", a->wanted_date, b->wanted_date);
	case_diff_text(d, "expected resolution date", a->expected_resolution_date,
		       b->expected_resolution_date);
	case_diff_ref(d, "value range", a->value_range_id, a->value_range_name, b->value_range_id,
		      b->value_range_name);
	char ma[32], mb[32];
	case_money_text(a->has_min_settlement, a->min_settlement_cents, ma);
	case_money_text(b->has_min_settlement, b->min_settlement_cents, mb);
	case_diff_text(d, "minimum settlement", ma, mb);
	case_diff_long(d, "value comments", a->value_comments, b->value_comments);
	case_diff_flag(d, "serious injury", a->serious_injury, b->serious_injury);
	case_diff_flag(d, "MDL master case", a->mdl_master, b->mdl_master);
	case_diff_long(d, "description", a->description, b->description);
	case_diff_ref(d, "owner", a->owner_id, a->owner_name, b->owner_id, b->owner_name);
	case_diff_text(d, "retainer date", a->retainer_date, b->retainer_date);
	case_diff_text(d, "referral in", a->referral_in_form, b->referral_in_form);
	case_diff_ref(d, "referred in by", a->referral_in_contact_id, a->referral_in_contact_name,
		      b->referral_in_contact_id, b->referral_in_contact_name);
	case_diff_text(d, "referral out", a->referral_out_form, b->referral_out_form);
	case_diff_ref(d, "referred out to", a->referral_out_contact_id, a->referral_out_contact_name,
		      b->referral_out_contact_id, b->referral_out_contact_name);
	case_diff_text(d, "liability code", a->liability_code, b->liability_code);
	char pa[32], pb[32];
	case_percent_text(a->liability_percent, pa);
	case_percent_text(b->liability_percent, pb);
	case_diff_text(d, "liability", pa, pb);
	case_diff_long(d, "incident facts", a->incident_facts, b->incident_facts);
}

/* ---- create ----------------------------------------------------------------------------- */

struct case_tx {
	const struct actor *a;
	const struct case_fields *f;
	int64_t id, version;
	struct store_case *out;
};

/* case_first_stage picks the stage a new case starts in: f->status_id (a stage status of the
 * case's group, not closing) or the first stage of the group. */
static int case_first_stage(struct store_conn *c, const struct case_fields *f,
			    const struct store_case *k, struct store_setup_item *st, struct err *e)
{
	int rc;
	if ((f->present & CASE_F_STATUS) && f->status_id > 0) {
		rc = case_setup_ref(c, SETUP_STATUS, f->status_id, "status_id", st, e);
		if (rc != 0)
			return rc;
		struct store_setup_item type;
		rc = case_setup_ref(c, SETUP_STATUS_TYPE, st->parent_id, "status_id", &type, e);
		if (rc != 0)
			return rc;
		if (!type.stage)
			return err_set(e, ERR_UNPROCESSABLE, "status_id", "'%s' is not a stage (it is a %s status)",
				       st->name, type.name);
		if (st->closing)
			return err_set(e, ERR_UNPROCESSABLE, "status_id", "a case cannot start closed");
		if (st->group[0] && strcmp(st->group, k->case_group) != 0)
			return err_set(e, ERR_UNPROCESSABLE, "status_id",
				       "'%s' is a stage of the %s group, not of %s", st->name, st->group,
				       k->case_group);
		return 0;
	}
	rc = store_stage_first(c, k->case_group, st);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, "case_type_id",
			       "no stage is set up for the %s group", k->case_group);
	return user_store_error(rc, "stage", e);
}

/* case_insert_numbered writes k, with its own number or the next free one of the pattern. */
static int case_insert_numbered(struct store_conn *c, struct store_case *k, int64_t now,
				struct err *e)
{
	int rc;
	if (k->number[0]) {
		rc = store_case_insert(c, k, now);
		if (rc == STORE_CONFLICT)
			return err_set(e, ERR_CONFLICT, "number", "a case numbered '%s' exists", k->number);
		return user_store_error(rc, "case", e);
	}
	char pattern[STORE_SETTING_MAX + 1], today[DATE_LEN];
	rc = setup_case_number_pattern(c, pattern, sizeof pattern, e);
	if (rc != 0)
		return rc;
	date_today(today);
	for (int attempt = 0; attempt < CASE_NUMBER_ATTEMPTS; attempt++) {
		int64_t seq;
		rc = store_counter_next(c, "case_number", &seq);
		if (rc != STORE_OK)
			return user_store_error(rc, "case number counter", e);
		rc = case_number_format(pattern, today, seq, k->number, e);
		if (rc != 0)
			return rc;
		rc = store_case_insert(c, k, now);
		if (rc != STORE_CONFLICT)
			return user_store_error(rc, "case", e);
	}
	return err_set(e, ERR_CONFLICT, "number",
		       "the next %d numbers of the pattern are all taken; give a number",
		       CASE_NUMBER_ATTEMPTS);
}

static int case_create_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_tx *t = ctx;
	struct store_case *k = t->out;
	memset(k, 0, sizeof *k);
	k->liability_percent = -1;
	case_apply(k, t->f);
	if (!k->opened_date[0])
		date_today(k->opened_date);
	if (!k->owner_id)
		k->owner_id = t->a->user.id;
	k->created_by = case_acting_user(t->a, k);
	int rc = case_check_refs(c, NULL, k, e);
	struct store_setup_item stage;
	if (rc == 0)
		rc = case_first_stage(c, t->f, k, &stage, e);
	int64_t now = clock_now();
	if (rc == 0)
		rc = case_insert_numbered(c, k, now, e);
	if (rc != 0)
		return rc;
	struct store_case_status row = {
		.case_id = k->id, .status_type_id = stage.parent_id, .status_id = stage.id,
		.expected_days = stage.days, .current = true, .user_id = case_acting_user(t->a, k),
	};
	snprintf(row.from_date, sizeof row.from_date, "%s", k->opened_date);
	rc = store_case_status_insert(c, &row, now);
	if (rc == STORE_OK)
		rc = store_case_set_stage(c, k->id, stage.id, "", now);
	if (rc != STORE_OK)
		return user_store_error(rc, "case status", e);
	if (k->value_range_id) {
		struct store_value_change v = {.case_id = k->id, .value_range_id = k->value_range_id,
					       .user_id = case_acting_user(t->a, k)};
		snprintf(v.from_date, sizeof v.from_date, "%s", k->opened_date);
		snprintf(v.comments, sizeof v.comments, "%s", k->value_comments);
		rc = store_value_change_add(c, &v);
		if (rc != STORE_OK)
			return user_store_error(rc, "value history", e);
	}
	rc = timeline_append(c, t->a, k->id, "case.created", e, "Case %s%sopened: %s (%s), stage %s",
			     k->number, k->number[0] ? " " : "", k->name, k->case_type_name, stage.name);
	if (rc != 0)
		return rc;
	struct store_scope all = {.all = true};
	return user_store_error(store_case_get(c, &all, k->id, k), "case", e);
}

int case_create(struct store_conn *c, const struct actor *a, const struct case_fields *f,
		struct store_case *out, struct err *e)
{
	int rc = rights_require(a, RIGHT_CASE_CREATE, e);
	if (rc == 0)
		rc = case_check_shape(f, true, e);
	if (rc != 0)
		return rc;
	bool own_owner = (f->present & CASE_F_OWNER) && f->owner_id > 0;
	if (!own_owner && (a->via == ACTOR_SYSTEM || a->user.id == 0))
		return err_set(e, ERR_UNPROCESSABLE, "owner_id",
			       "is required for a case the system opens");
	struct case_tx t = {.a = a, .f = f, .out = out};
	return store_tx_run(c, case_create_fn, &t, e);
}

/* ---- update, delete --------------------------------------------------------------------- */

static int case_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_tx *t = ctx;
	struct store_case old, *k = t->out;
	int rc = case_load_for_edit(c, t->a, t->id, &old, e);
	if (rc != 0)
		return rc;
	if (old.version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the case was changed meanwhile (version %lld); reload",
			       (long long)old.version);
	*k = old;
	case_apply(k, t->f);
	if (!rights_has(t->a, RIGHT_CASE_EDIT_NAME_NUMBER)) {
		if (strcmp(old.name, k->name) != 0)
			return err_set(e, ERR_FORBIDDEN, "name",
				       "changing the case name needs the right 'case_edit_name_number'");
		if (strcmp(old.number, k->number) != 0)
			return err_set(e, ERR_FORBIDDEN, "number",
				       "changing the case number needs the right 'case_edit_name_number'");
	}
	rc = case_check_refs(c, &old, k, e);
	if (rc != 0)
		return rc;
	struct case_diff d;
	case_describe_changes(&old, k, &d);
	if (d.count == 0) {
		*k = old;
		return 0;
	}
	int64_t now = clock_now();
	rc = store_case_update(c, k, now);
	if (rc == STORE_CONFLICT && strcmp(old.number, k->number) != 0)
		return err_set(e, ERR_CONFLICT, "number", "a case numbered '%s' exists", k->number);
	if (rc != STORE_OK)
		return user_store_error(rc, "case", e);
	if (old.value_range_id != k->value_range_id) {
		struct store_value_change v = {.case_id = k->id, .value_range_id = k->value_range_id,
					       .user_id = case_acting_user(t->a, k)};
		date_today(v.from_date);
		snprintf(v.comments, sizeof v.comments, "%s", k->value_comments);
		rc = store_value_change_add(c, &v);
		if (rc != STORE_OK)
			return user_store_error(rc, "value history", e);
	}
	rc = timeline_append(c, t->a, k->id, "case.changed", e, "%s", d.text);
	if (rc != 0)
		return rc;
	struct store_scope all = {.all = true};
	return user_store_error(store_case_get(c, &all, k->id, k), "case", e);
}

int case_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		const struct case_fields *f, struct store_case *out, struct err *e)
{
	int rc = case_check_shape(f, false, e);
	if (rc != 0)
		return rc;
	struct case_fields g = *f;
	g.present &= ~(uint32_t)CASE_F_STATUS;  /* the stage changes through the status table */
	struct case_tx t = {.a = a, .f = &g, .id = id, .version = version, .out = out};
	return store_tx_run(c, case_update_fn, &t, e);
}

static int case_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_tx *t = ctx;
	struct store_case k;
	int rc = case_load(c, t->a, t->id, &k, e);
	if (rc != 0)
		return rc;
	rc = store_case_delete(c, k.id, clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "case", e);
	return timeline_append(c, t->a, k.id, "case.deleted", e, "Case %s%sdeleted: %s", k.number,
			       k.number[0] ? " " : "", k.name);
}

int case_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct case_tx t = {.a = a, .id = id};
	return store_tx_run(c, case_delete_fn, &t, e);
}

/* ---- reads ------------------------------------------------------------------------------ */

int case_list(struct store_conn *c, const struct actor *a, struct store_case_filter *f,
	      store_case_each_fn each, void *ctx, struct err *e)
{
	case_scope(a, &f->scope);
	return user_store_error(store_case_list(c, f, each, ctx), "cases", e);
}

int case_value_history(struct store_conn *c, const struct actor *a, int64_t id,
		       store_value_change_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_value_change_list(c, id, each, ctx), "value history", e);
}
