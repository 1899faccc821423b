/* contact.c - rules for contacts (see contact.h): their names, their phones, e-mails and postal
 * addresses (one primary of each; the contact row's phone and email columns copy the primary
 * phone and e-mail), their employer. Their SQL is store/<backend>/, their JSON form
 * api/contacts.c; cases point at them as parties (domain/party.c) and staff (case_staff.c). */
#include "domain/contact.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/rights.h"
#include "domain/setup.h"
#include "domain/user.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool contact_may_read(const struct actor *a)
{
	return a->via == ACTOR_SYSTEM || strcmp(a->user.role, "admin") == 0 ||
	       strcmp(a->user.role, "staff") == 0;
}

static int contact_require_read(const struct actor *a, struct err *e)
{
	if (contact_may_read(a))
		return 0;
	return err_set(e, ERR_FORBIDDEN, NULL, "contacts are for administrators and staff");
}

int contact_ref(struct store_conn *c, int64_t id, const char *field, struct store_contact *out,
		struct err *e)
{
	int rc = id > 0 ? store_contact_get(c, id, out) : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, field, "there is no contact %lld", (long long)id);
	return user_store_error(rc, "contact", e);
}

/* ---- reading a contact with its lists --------------------------------------------------- */

static int contact_collect_channel(const struct store_contact_channel *ch, void *ctx)
{
	struct contact_detail *d = ctx;
	if (d->n_channels < CONTACT_CHANNELS_MAX)
		d->channels[d->n_channels++] = *ch;
	return 0;
}

static int contact_collect_address(const struct store_contact_address *ad, void *ctx)
{
	struct contact_detail *d = ctx;
	if (d->n_addresses < CONTACT_ADDRESSES_MAX)
		d->addresses[d->n_addresses++] = *ad;
	return 0;
}

/* contact_read_lists fills d's phones, e-mails and addresses (d->v is the contact). */
static int contact_read_lists(struct store_conn *c, struct contact_detail *d, struct err *e)
{
	d->n_channels = 0;
	d->n_addresses = 0;
	int rc = store_contact_channel_list(c, d->v.id, contact_collect_channel, d);
	if (rc == STORE_OK)
		rc = store_contact_address_list(c, d->v.id, contact_collect_address, d);
	return user_store_error(rc, "contact", e);
}

/* contact_read fills d with contact id and its lists; ERR_NOT_FOUND when there is none. */
static int contact_read(struct store_conn *c, int64_t id, struct contact_detail *d,
			struct err *e)
{
	memset(d, 0, sizeof *d);
	int rc = user_store_error(store_contact_get(c, id, &d->v), "contact", e);
	return rc != 0 ? rc : contact_read_lists(c, d, e);
}

/* ---- the rules -------------------------------------------------------------------------- */

/* contact_apply copies the present plain members of f into ct, trimmed (the phones, e-mails
 * and addresses are contact_merge_channels / contact_merge_addresses). */
static void contact_apply(struct store_contact *ct, const struct contact_fields *f)
{
	static const struct {
		uint32_t bit;
		size_t offset, size;
	} members[] = {
		{CONTACT_F_KIND, offsetof(struct store_contact, kind), sizeof ct->kind},
		{CONTACT_F_FIRST_NAME, offsetof(struct store_contact, first_name), sizeof ct->first_name},
		{CONTACT_F_LAST_NAME, offsetof(struct store_contact, last_name), sizeof ct->last_name},
		{CONTACT_F_ORG_NAME, offsetof(struct store_contact, org_name), sizeof ct->org_name},
		{CONTACT_F_NICKNAME, offsetof(struct store_contact, nickname), sizeof ct->nickname},
		{CONTACT_F_LANGUAGES, offsetof(struct store_contact, languages), sizeof ct->languages},
		{CONTACT_F_PREFERRED_COMM, offsetof(struct store_contact, preferred_comm), sizeof ct->preferred_comm},
		{CONTACT_F_BIRTH_DATE, offsetof(struct store_contact, birth_date), sizeof ct->birth_date},
		{CONTACT_F_DEATH_DATE, offsetof(struct store_contact, death_date), sizeof ct->death_date},
		{CONTACT_F_DEATH_PLACE, offsetof(struct store_contact, death_place), sizeof ct->death_place},
	};
	for (size_t i = 0; i < sizeof members / sizeof members[0]; i++) {
		if (!(f->present & members[i].bit))
			continue;
		char *dst = (char *)ct + members[i].offset;
		snprintf(dst, members[i].size, "%s", (const char *)&f->d.v + members[i].offset);
		setup_trim(dst);
	}
	if (f->present & CONTACT_F_EMPLOYER)
		ct->employer_id = f->d.v.employer_id;
}

/* The two kinds of channel: their list member, their single member and its place. */
static const struct contact_channel_kind {
	const char *kind, *list, *one;
	uint32_t list_bit, one_bit;
	size_t one_at;
} contact_channel_kinds[] = {
	{"phone", "phones", "phone", CONTACT_F_PHONES, CONTACT_F_PHONE,
	 offsetof(struct store_contact, phone)},
	{"email", "emails", "email", CONTACT_F_EMAILS, CONTACT_F_EMAIL,
	 offsetof(struct store_contact, email)},
};

static int contact_add_channel(struct contact_detail *d, const struct contact_channel_kind *k,
			       const struct store_contact_channel *ch, struct err *e)
{
	if (d->n_channels == CONTACT_CHANNELS_MAX)
		return err_set(e, ERR_UNPROCESSABLE, k->list,
			       "at most %d phones and e-mails together", CONTACT_CHANNELS_MAX);
	struct store_contact_channel *to = &d->channels[d->n_channels++];
	*to = *ch;
	snprintf(to->kind, sizeof to->kind, "%s", k->kind);
	setup_trim(to->label);
	setup_trim(to->value);
	return 0;
}

/* contact_merge_channels makes next's phones and e-mails: each kind from f when given (its
 * list, or the single phone / email as the only one), else as stored (cur). */
static int contact_merge_channels(struct contact_detail *next, const struct contact_detail *cur,
				  const struct contact_fields *f, struct err *e)
{
	next->n_channels = 0;
	for (size_t k = 0; k < 2; k++) {
		const struct contact_channel_kind *kind = &contact_channel_kinds[k];
		if ((f->present & kind->list_bit) && (f->present & kind->one_bit))
			return err_set(e, ERR_UNPROCESSABLE, kind->one, "give %s or %s, not both",
				       kind->one, kind->list);
		if (f->present & kind->one_bit) {
			struct store_contact_channel one = {.primary = true};
			snprintf(one.value, sizeof one.value, "%s",
				 (const char *)&f->d.v + kind->one_at);
			setup_trim(one.value);
			if (k == 1 && !user_email_valid(one.value))
				return err_set(e, ERR_UNPROCESSABLE, "email", "is not an e-mail address");
			if (one.value[0] && contact_add_channel(next, kind, &one, e) != 0)
				return e->code;
			continue;
		}
		const struct contact_detail *from = (f->present & kind->list_bit) ? &f->d : cur;
		for (int i = 0; i < from->n_channels; i++)
			if (strcmp(from->channels[i].kind, kind->kind) == 0 &&
			    contact_add_channel(next, kind, &from->channels[i], e) != 0)
				return e->code;
	}
	return 0;
}

/* contact_check_channels checks each phone and e-mail (named "phones[i].value") and that at
 * most one of each kind is primary. */
static int contact_check_channels(const struct contact_detail *d, struct err *e)
{
	for (size_t k = 0; k < 2; k++) {
		const struct contact_channel_kind *kind = &contact_channel_kinds[k];
		int n = 0, primaries = 0;
		for (int i = 0; i < d->n_channels; i++) {
			const struct store_contact_channel *ch = &d->channels[i];
			if (strcmp(ch->kind, kind->kind) != 0)
				continue;
			char field[48];
			snprintf(field, sizeof field, "%s[%d].value", kind->list, n++);
			if (!ch->value[0])
				return err_set(e, ERR_UNPROCESSABLE, field, "must not be empty");
			if (k == 0 && strlen(ch->value) > STORE_PHONE_MAX)
				return err_set(e, ERR_UNPROCESSABLE, field,
					       "must be at most %d bytes long", STORE_PHONE_MAX);
			if (k == 1 && !user_email_valid(ch->value))
				return err_set(e, ERR_UNPROCESSABLE, field, "is not an e-mail address");
			primaries += ch->primary;
		}
		if (primaries > 1)
			return err_set(e, ERR_UNPROCESSABLE, kind->list,
				       "only one of the %s can be primary", kind->list);
	}
	return 0;
}

/* contact_merge_addresses takes f's addresses when given, trimmed and checked (each needs its
 * first line or its city; at most one primary). */
static int contact_merge_addresses(struct contact_detail *next, const struct contact_fields *f,
				   struct err *e)
{
	if (!(f->present & CONTACT_F_ADDRESSES))
		return 0;
	int primaries = 0;
	next->n_addresses = 0;
	for (int i = 0; i < f->d.n_addresses && i < CONTACT_ADDRESSES_MAX; i++) {
		struct store_contact_address *ad = &next->addresses[next->n_addresses++];
		*ad = f->d.addresses[i];
		char *parts[] = {ad->label, ad->line1, ad->line2, ad->city, ad->region, ad->postcode,
				 ad->country};
		for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++)
			setup_trim(parts[p]);
		if (!ad->line1[0] && !ad->city[0]) {
			char field[32];
			snprintf(field, sizeof field, "addresses[%d].line1", i);
			return err_set(e, ERR_UNPROCESSABLE, field,
				       "an address needs its first line or its city");
		}
		primaries += ad->primary;
	}
	if (primaries > 1)
		return err_set(e, ERR_UNPROCESSABLE, "addresses", "only one address can be primary");
	return 0;
}

/* contact_primaries marks the first of each list primary when none is, and copies the primary
 * phone and e-mail into the contact's phone and email. */
static void contact_primaries(struct contact_detail *d)
{
	for (size_t k = 0; k < 2; k++) {
		const struct contact_channel_kind *kind = &contact_channel_kinds[k];
		struct store_contact_channel *first = NULL, *primary = NULL;
		for (int i = 0; i < d->n_channels; i++) {
			struct store_contact_channel *ch = &d->channels[i];
			if (strcmp(ch->kind, kind->kind) != 0)
				continue;
			if (!first)
				first = ch;
			if (ch->primary && !primary)
				primary = ch;
		}
		if (!primary && first) {
			first->primary = true;
			primary = first;
		}
		char *copy = (char *)&d->v + kind->one_at;
		size_t size = k == 0 ? sizeof d->v.phone : sizeof d->v.email;
		snprintf(copy, size, "%s", primary ? primary->value : "");
	}
	bool any = false;
	for (int i = 0; i < d->n_addresses; i++)
		any = any || d->addresses[i].primary;
	if (!any && d->n_addresses > 0)
		d->addresses[0].primary = true;
}

/* contact_check is the rules over the contact as it will be stored (self_id: its id, 0 when
 * new). */
static int contact_check(struct store_conn *c, const struct contact_detail *d, int64_t self_id,
			 struct err *e)
{
	const struct store_contact *ct = &d->v;
	bool person = strcmp(ct->kind, "person") == 0;
	if (!person && strcmp(ct->kind, "organisation") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "kind", "must be person or organisation");
	if (person && !ct->first_name[0] && !ct->last_name[0])
		return err_set(e, ERR_UNPROCESSABLE, "last_name",
			       "a person needs a last name or a first name");
	if (!person && !ct->org_name[0])
		return err_set(e, ERR_UNPROCESSABLE, "org_name", "an organisation needs its name");
	if (strcmp(ct->preferred_comm, "email") != 0 && strcmp(ct->preferred_comm, "letter") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "preferred_comm", "must be email or letter");
	if (ct->birth_date[0] && !date_valid(ct->birth_date))
		return err_set(e, ERR_UNPROCESSABLE, "birth_date", "must be a date YYYY-MM-DD");
	if (ct->death_date[0] && !date_valid(ct->death_date))
		return err_set(e, ERR_UNPROCESSABLE, "death_date", "must be a date YYYY-MM-DD");
	int rc = contact_check_channels(d, e);
	if (rc != 0 || ct->employer_id == 0)
		return rc;
	if (ct->employer_id == self_id)
		return err_set(e, ERR_UNPROCESSABLE, "employer_id",
			       "a contact cannot be its own employer");
	struct store_contact employer;
	rc = contact_ref(c, ct->employer_id, "employer_id", &employer, e);
	if (rc == 0 && strcmp(employer.kind, "organisation") != 0)
		rc = err_set(e, ERR_UNPROCESSABLE, "employer_id",
			     "%s is not an organisation", employer.display_name);
	return rc;
}

/* ---- writing ---------------------------------------------------------------------------- */

struct contact_tx {
	int64_t id, version;              /* update: which contact at which version; create: 0 */
	const struct contact_fields *f;
	struct contact_detail *cur;       /* scratch: the contact as stored */
	struct contact_detail *out;
};

/* contact_save_fn creates (t->id == 0) or changes a contact with its lists. */
static int contact_save_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct contact_tx *t = ctx;
	const struct contact_fields *f = t->f;
	struct contact_detail *cur = t->cur, *next = t->out;
	int rc;
	if (t->id) {
		rc = contact_read(c, t->id, cur, e);
		if (rc != 0)
			return rc;
		if (cur->v.version != t->version)
			return err_set(e, ERR_CONFLICT, "header.If-Match",
				       "the contact was changed meanwhile (version %lld, not %lld); reload",
				       (long long)cur->v.version, (long long)t->version);
	} else {
		memset(cur, 0, sizeof *cur);
		snprintf(cur->v.kind, sizeof cur->v.kind, "person");
		snprintf(cur->v.preferred_comm, sizeof cur->v.preferred_comm, "email");
	}
	*next = *cur;
	contact_apply(&next->v, f);
	rc = contact_merge_channels(next, cur, f, e);
	if (rc == 0)
		rc = contact_merge_addresses(next, f, e);
	if (rc == 0)
		rc = contact_check(c, next, t->id, e);
	if (rc != 0)
		return rc;
	contact_primaries(next);
	int64_t now = clock_now();
	rc = t->id ? store_contact_update(c, &next->v, now) : store_contact_insert(c, &next->v, now);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the contact was changed meanwhile; reload");
	const uint32_t channel_bits = CONTACT_F_PHONE | CONTACT_F_PHONES | CONTACT_F_EMAIL |
				      CONTACT_F_EMAILS;
	if (rc == STORE_OK && (t->id ? (f->present & channel_bits) != 0 : next->n_channels > 0))
		rc = store_contact_channels_set(c, next->v.id, next->channels, next->n_channels);
	if (rc == STORE_OK &&
	    (t->id ? (f->present & CONTACT_F_ADDRESSES) != 0 : next->n_addresses > 0))
		rc = store_contact_addresses_set(c, next->v.id, next->addresses, next->n_addresses);
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	/* the display and employer names and the list rows' ids are made by the store */
	return contact_read(c, next->v.id, next, e);
}

/* contact_save runs contact_save_fn for the actor (case_edit). */
static int contact_save(struct store_conn *c, const struct actor *a, int64_t id,
			int64_t version, const struct contact_fields *f, struct contact_detail *out,
			struct err *e)
{
	memset(out, 0, sizeof *out);
	int rc = rights_require(a, RIGHT_CASE_EDIT, e);
	if (rc != 0)
		return rc;
	struct contact_detail *cur = malloc(sizeof *cur);
	if (!cur)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	struct contact_tx t = {.id = id, .version = version, .f = f, .cur = cur, .out = out};
	rc = store_tx_run(c, contact_save_fn, &t, e);
	free(cur);
	return rc;
}

int contact_create(struct store_conn *c, const struct actor *a, const struct contact_fields *f,
		   struct contact_detail *out, struct err *e)
{
	return contact_save(c, a, 0, 0, f, out, e);
}

int contact_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		   const struct contact_fields *f, struct contact_detail *out, struct err *e)
{
	if (id <= 0)
		return err_set(e, ERR_NOT_FOUND, NULL, "contact not found");
	return contact_save(c, a, id, version, f, out, e);
}

static int contact_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	const int64_t *id = ctx;
	struct store_contact gone;
	int rc = store_contact_get(c, *id, &gone);
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	char where[64] = "";
	int64_t n = 0;
	rc = store_contact_usage(c, *id, where, &n);
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	if (n > 0)
		return err_set(e, ERR_CONFLICT, NULL, "in use: %lld %s", (long long)n, where);
	/* its phones, e-mails and addresses go with it */
	rc = store_contact_channels_set(c, *id, NULL, 0);
	if (rc == STORE_OK)
		rc = store_contact_addresses_set(c, *id, NULL, 0);
	if (rc == STORE_OK)
		rc = store_contact_delete(c, *id);
	return user_store_error(rc, "contact", e);
}

int contact_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e)
{
	int rc = rights_require(a, RIGHT_CASE_EDIT, e);
	if (rc != 0)
		return rc;
	return store_tx_run(c, contact_delete_fn, &id, e);
}

/* ---- reading ---------------------------------------------------------------------------- */

int contact_get(struct store_conn *c, const struct actor *a, int64_t id,
		struct contact_detail *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	int rc = contact_require_read(a, e);
	if (rc != 0)
		return rc;
	return contact_read(c, id, out, e);
}

int contact_list(struct store_conn *c, const struct actor *a, const char *q, int64_t after_id,
		 int limit, store_contact_each_fn each, void *ctx, struct err *e)
{
	int rc = contact_require_read(a, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_contact_list(c, q ? q : "", after_id, limit, each, ctx),
				"contacts", e);
}

struct contact_page {
	struct store_contact *items;
	int n, cap;
};

static int contact_collect(const struct store_contact *ct, void *ctx)
{
	struct contact_page *p = ctx;
	if (p->n == p->cap)
		return 1;
	p->items[p->n++] = *ct;
	return 0;
}

int contact_list_detail(struct store_conn *c, const struct actor *a, const char *q,
			int64_t after_id, int limit, contact_detail_each_fn each, void *ctx,
			struct err *e)
{
	if (limit < 1)
		return 0;
	/* The page is read whole first: the store is not asked again while a walk is running. */
	struct contact_page page = {.items = calloc((size_t)limit, sizeof *page.items),
				    .cap = limit};
	struct contact_detail *d = malloc(sizeof *d);
	int rc = page.items && d ? 0 : err_set(e, ERR_INTERNAL, NULL, "out of memory");
	if (rc == 0)
		rc = contact_list(c, a, q, after_id, limit, contact_collect, &page, e);
	for (int i = 0; rc == 0 && i < page.n; i++) {
		memset(d, 0, sizeof *d);
		d->v = page.items[i];
		rc = contact_read_lists(c, d, e);
		if (rc == 0 && each(d, ctx) != 0)
			break;
	}
	free(d);
	free(page.items);
	return rc;
}
