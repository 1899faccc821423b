/* report_build.c - one case status report as plain data (render/report_doc.h): who sends it
 * (the office of its first case, with the logo when asked), to whom (the advisor's name, e-mail
 * and postal address), and per case the policy data (masked as the options say), the stage,
 * the stage's follow-up text in follow-up mode and the requirements the settings include, in
 * their listed order. The same doc becomes the e-mail (render/mail.c) and the letter
 * (render/pdf.c); nothing here formats either.
 *
 * What a report covers is decided by the preview (domain/report.c); what sending it does is
 * domain/report_send.c. */
#include "domain/follow_up.h"
#include "domain/report.h"
#include "domain/user.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- masking and formatting ------------------------------------------------------------- */

/* report_utf8_len gives the length of the UTF-8 character that starts with byte b (1 for a
 * stray continuation byte, so a walk always moves on). */
static size_t report_utf8_len(unsigned char b)
{
	if (b >= 0xF0)
		return 4;
	if (b >= 0xE0)
		return 3;
	if (b >= 0xC0)
		return 2;
	return 1;
}

/* report_utf8_chars counts the characters of s. */
static size_t report_utf8_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

void report_mask_policy(const char *in, char *out, size_t size)
{
	if (size == 0)
		return;
	size_t chars = report_utf8_chars(in);
	/* a number of four characters or fewer would show whole: star it all */
	size_t starred = chars > 4 ? chars - 4 : chars, o = 0, seen = 0;
	const unsigned char *p = (const unsigned char *)in;
	while (*p && o + 1 < size) {
		size_t n = report_utf8_len(*p);
		if (seen < starred) {
			out[o++] = '*';
		} else {
			if (o + n >= size)
				break;
			for (size_t i = 0; i < n && p[i]; i++)
				out[o++] = (char)p[i];
		}
		seen++;
		for (size_t i = 0; i < n && *p; i++)
			p++;
	}
	out[o] = '\0';
}

void report_mask_initials(const char *in, char *out, size_t size)
{
	if (size == 0)
		return;
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)in;
	out[0] = '\0';
	while (*p) {
		while (*p && isspace(*p))
			p++;
		if (!*p)
			break;
		size_t n = report_utf8_len(*p);
		/* a space when it is not the first, the letter (n bytes), "." and the NUL */
		if (o + (o ? 1 : 0) + n + 2 > size)
			break;
		if (o)
			out[o++] = ' ';
		out[o++] = n == 1 ? (char)toupper(*p) : (char)*p;
		for (size_t i = 1; i < n && p[i]; i++)
			out[o++] = (char)p[i];
		out[o++] = '.';
		out[o] = '\0';
		while (*p && !isspace(*p))
			p++;
	}
}

/* report_amount writes cents as "$1,234.00", or "" when not set (negative). */
static void report_amount(int64_t cents, char *out, size_t size)
{
	if (cents < 0) {
		snprintf(out, size, "%s", "");
		return;
	}
	char digits[32], grouped[48];
	snprintf(digits, sizeof digits, "%" PRId64, cents / 100);
	size_t n = strlen(digits), o = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, size, "$%.24s.%02d", grouped, (int)(cents % 100));
}

/* ---- shared helpers --------------------------------------------------------------------- */

int report_ids_add(struct report_ids *ids, int64_t id)
{
	if (ids->n == ids->cap) {
		int cap = ids->cap ? ids->cap * 2 : 16;
		int64_t *v = realloc(ids->v, (size_t)cap * sizeof *v);
		if (!v)
			return ERR_INTERNAL;
		ids->v = v;
		ids->cap = cap;
	}
	ids->v[ids->n++] = id;
	return 0;
}

void report_ids_cleanup(struct report_ids *ids)
{
	free(ids->v);
	memset(ids, 0, sizeof *ids);
}

int report_cases_add(struct report_cases *l, const struct store_report_case *k)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 8;
		struct store_report_case *v = realloc(l->v, (size_t)cap * sizeof *v);
		if (!v)
			return ERR_INTERNAL;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *k;
	return 0;
}

void report_cases_cleanup(struct report_cases *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

struct report_ids_walk {
	struct report_ids *ids;
	bool failed;
};

static int report_ids_each(int64_t id, void *ctx)
{
	struct report_ids_walk *w = ctx;
	if (report_ids_add(w->ids, id) != 0) {
		w->failed = true;
		return 1;
	}
	return 0;
}

int report_item_case_ids(struct store_conn *c, int64_t item_id, struct report_ids *out,
			 struct err *e)
{
	struct report_ids_walk w = {.ids = out};
	int rc = store_report_item_cases(c, item_id, report_ids_each, &w);
	if (w.failed)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory for a report's cases");
	if (rc == STORE_OK || rc == STORE_NOT_FOUND)
		return 0;
	return user_store_error(rc, "report cases", e);
}

struct report_address_pick {
	struct store_contact_address *out;
	bool found, primary;
};

static int report_address_each(const struct store_contact_address *ad, void *ctx)
{
	struct report_address_pick *k = ctx;
	if (!k->found || (ad->primary && !k->primary)) {
		*k->out = *ad;
		k->found = true;
		k->primary = ad->primary;
	}
	return 0;
}

int report_primary_address(struct store_conn *c, int64_t contact_id,
			   struct store_contact_address *out, bool *found, struct err *e)
{
	struct report_address_pick k = {.out = out};
	memset(out, 0, sizeof *out);
	int rc = store_contact_address_list(c, contact_id, report_address_each, &k);
	*found = k.found;
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : user_store_error(rc, "address", e);
}

/* report_address_city writes "Springfield, IL 62701" (the parts there are). */
static void report_address_city(const struct store_contact_address *ad, char *out, size_t size)
{
	const char *sep = ad->city[0] && (ad->region[0] || ad->postcode[0]) ? ", " : "";
	const char *sp = ad->region[0] && ad->postcode[0] ? " " : "";
	snprintf(out, size, "%s%s%s%s%s", ad->city, sep, ad->region, sp, ad->postcode);
}

void report_address_one_line(const struct store_contact_address *ad, char *out, size_t size)
{
	char city[STORE_PERSON_NAME_MAX * 2 + 40];
	report_address_city(ad, city, sizeof city);
	const char *parts[4] = {ad->line1, ad->line2, city, ad->country};
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < 4 && o + 1 < size; i++) {
		if (!parts[i][0])
			continue;
		int n = snprintf(out + o, size - o, "%s%s", o ? ", " : "", parts[i]);
		if (n < 0)
			break;
		o += (size_t)n;
	}
}

/* ---- the doc ---------------------------------------------------------------------------- */

/* report_build_sender fills the office part of d from the office of the report's first case
 * (nothing when it has none), with its logo when the options show it. */
static int report_build_sender(struct store_conn *c, const struct report_options *o,
			       int64_t office_id, struct report_doc *d, struct err *e)
{
	if (!office_id)
		return 0;
	struct store_office of;
	int rc = store_office_get(c, office_id, &of);
	if (rc == STORE_NOT_FOUND)
		return 0;
	if (rc != STORE_OK)
		return user_store_error(rc, "office", e);
	snprintf(d->office_name, sizeof d->office_name, "%s", of.name);
	snprintf(d->office_address, sizeof d->office_address, "%s", of.address);
	snprintf(d->office_phone, sizeof d->office_phone, "%s", of.phone);
	snprintf(d->office_email, sizeof d->office_email, "%s", of.email);
	if (!o->show_logo || !of.has_logo)
		return 0;
	char mime[64] = "";
	void *data = NULL;
	size_t len = 0;
	rc = store_office_logo_get(c, office_id, mime, &data, &len);
	if (rc == STORE_NOT_FOUND)
		return 0;
	if (rc != STORE_OK)
		return user_store_error(rc, "office logo", e);
	rc = report_doc_set_logo(d, data, len, mime);
	free(data);
	return rc == 0 ? 0 : err_set(e, ERR_INTERNAL, NULL, "out of memory for the office logo");
}

/* report_build_recipient fills the advisor part of d: name, e-mail, postal address lines. */
static int report_build_recipient(struct store_conn *c, int64_t contact_id, struct report_doc *d,
				  struct err *e)
{
	struct store_contact ct;
	int rc = store_contact_get(c, contact_id, &ct);
	if (rc != STORE_OK)
		return user_store_error(rc, "advisor", e);
	snprintf(d->advisor_name, sizeof d->advisor_name, "%s", ct.display_name);
	snprintf(d->advisor_email, sizeof d->advisor_email, "%s", ct.email);
	struct store_contact_address ad;
	bool found = false;
	rc = report_primary_address(c, contact_id, &ad, &found, e);
	if (rc != 0 || !found)
		return rc;
	char city[sizeof d->address_lines[0]];
	report_address_city(&ad, city, sizeof city);
	const char *parts[4] = {ad.line1, ad.line2, city, ad.country};
	int n = 0;
	for (int i = 0; i < 4; i++)
		if (parts[i][0])
			snprintf(d->address_lines[n++], sizeof d->address_lines[0], "%s", parts[i]);
	return 0;
}

struct report_req_walk {
	const struct report_options *o;
	const struct report_settings *set;
	struct report_doc_case *k;
	int rc;
};

/* report_req_wanted says whether a report lists r: POS requirements only when the options ask
 * for them and they are outstanding; others when the settings include their status. */
static bool report_req_wanted(const struct report_req_walk *w, const struct store_requirement *r)
{
	bool outstanding = strcmp(r->status, "outstanding") == 0;
	if (r->pos)
		return w->o->pos_requirements && outstanding;
	if (outstanding)
		return w->set->include_outstanding;
	if (strcmp(r->status, "received") == 0)
		return w->set->include_received;
	if (strcmp(r->status, "waived") == 0)
		return w->set->include_waived;
	return false;
}

static int report_req_each(const struct store_requirement *r, void *ctx)
{
	struct report_req_walk *w = ctx;
	if (!report_req_wanted(w, r))
		return 0;
	struct report_doc_requirement q;
	memset(&q, 0, sizeof q);
	snprintf(q.name, sizeof q.name, "%s", r->name);
	snprintf(q.status, sizeof q.status, "%s", r->status);
	q.key = r->key;
	q.pos = r->pos;
	if (report_doc_add_requirement(w->k, &q) != 0) {
		w->rc = ERR_INTERNAL;
		return 1;
	}
	return 0;
}

/* report_build_case adds one case to d: its policy data (masked), stage, kind, the stage's
 * text in follow-up mode, and its requirements. */
static int report_build_case(struct store_conn *c, const struct report_options *o,
			     const struct report_settings *set, const struct store_report_case *rc_,
			     struct report_doc *d, struct err *e)
{
	struct report_doc_case *k = report_doc_add_case(d);
	if (!k)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory for a report");
	const struct store_policy *p = &rc_->policy;
	snprintf(k->number, sizeof k->number, "%s", rc_->number);
	if (o->mask == REPORT_MASK_POLICY || o->mask == REPORT_MASK_BOTH)
		report_mask_policy(p->policy_number, k->policy_number, sizeof k->policy_number);
	else
		snprintf(k->policy_number, sizeof k->policy_number, "%s", p->policy_number);
	if (o->mask == REPORT_MASK_NAME || o->mask == REPORT_MASK_BOTH)
		report_mask_initials(p->insured_name, k->insured, sizeof k->insured);
	else
		snprintf(k->insured, sizeof k->insured, "%s", p->insured_name);
	snprintf(k->carrier, sizeof k->carrier, "%s", p->carrier_name);
	snprintf(k->product, sizeof k->product, "%s", p->product);
	report_amount(rc_->has_policy ? p->amount_cents : -1, k->amount, sizeof k->amount);
	snprintf(k->stage, sizeof k->stage, "%s", rc_->stage_name);
	snprintf(k->stage_since, sizeof k->stage_since, "%s", rc_->stage_since);
	snprintf(k->kind, sizeof k->kind, "%s", rc_->has_policy && p->kind[0] ? p->kind : "formal");
	if (o->cases == REPORT_CASES_FOLLOW_UP && rc_->office_id && rc_->stage_status_id) {
		struct store_follow_up_stage st;
		int rc = store_follow_up_stage_get(c, rc_->office_id, rc_->stage_status_id, &st);
		if (rc == STORE_OK)
			snprintf(k->follow_up_text, sizeof k->follow_up_text, "%s", st.report_text);
		else if (rc != STORE_NOT_FOUND)
			return user_store_error(rc, "follow-up stage", e);
	}
	struct report_req_walk w = {.o = o, .set = set, .k = k};
	int rc = store_requirement_list(c, rc_->case_id, report_req_each, &w);
	if (w.rc != 0)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory for a report");
	if (rc == STORE_OK || rc == STORE_NOT_FOUND)
		return 0;
	return user_store_error(rc, "requirements", e);
}

int report_build_doc(struct store_conn *c, const struct report_options *o, const char *today,
		     const struct store_report_item *item, struct report_doc *d, struct err *e)
{
	return report_build_doc_ids(c, o, today, item, d, NULL, e);
}

int report_build_doc_ids(struct store_conn *c, const struct report_options *o,
			 const char *today, const struct store_report_item *item,
			 struct report_doc *d, struct report_cases *present, struct err *e)
{
	struct report_ids ids = {0};
	struct report_settings set;
	int rc = report_settings_get(c, &set, e);
	if (rc == 0)
		rc = report_item_case_ids(c, item->id, &ids, e);
	if (rc != 0)
		goto done;
	snprintf(d->date, sizeof d->date, "%s", today);
	snprintf(d->subject, sizeof d->subject, "%s",
		 o->subject[0] ? o->subject
			       : set.default_subject[0] ? set.default_subject
							: REPORT_SETTINGS_SUBJECT_DEFAULT);
	rc = report_build_recipient(c, item->contact_id, d, e);
	for (int i = 0; rc == 0 && i < ids.n; i++) {
		struct store_report_case rcase;
		int src = store_report_case_get(c, ids.v[i], &rcase);
		if (src == STORE_NOT_FOUND)
			continue;   /* deleted since the preview: it is not reported */
		if (src != STORE_OK) {
			rc = user_store_error(src, "case", e);
			break;
		}
		if (d->n_cases == 0)
			rc = report_build_sender(c, o, rcase.office_id, d, e);
		if (rc == 0)
			rc = report_build_case(c, o, &set, &rcase, d, e);
		if (rc == 0 && present && report_cases_add(present, &rcase) != 0)
			rc = err_set(e, ERR_INTERNAL, NULL, "out of memory for a report's cases");
	}
done:
	report_ids_cleanup(&ids);
	return rc;
}
