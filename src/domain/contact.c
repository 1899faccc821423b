/* contact.c - rules for contacts (see contact.h). Their SQL is store/<backend>/, their JSON form
 * api/contacts.c. */
#include "domain/contact.h"
#include "core/clock.h"
#include "domain/rights.h"
#include "domain/setup.h"
#include "domain/user.h"

#include <stddef.h>
#include <stdio.h>
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

/* contact_apply copies the present members of f into ct, trimmed. */
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
		{CONTACT_F_EMAIL, offsetof(struct store_contact, email), sizeof ct->email},
		{CONTACT_F_PHONE, offsetof(struct store_contact, phone), sizeof ct->phone},
	};
	for (size_t i = 0; i < sizeof members / sizeof members[0]; i++) {
		if (!(f->present & members[i].bit))
			continue;
		char *dst = (char *)ct + members[i].offset;
		snprintf(dst, members[i].size, "%s", (const char *)&f->d.v + members[i].offset);
		setup_trim(dst);
	}
}

static int contact_check(const struct store_contact *ct, struct err *e)
{
	bool person = strcmp(ct->kind, "person") == 0;
	if (!person && strcmp(ct->kind, "organisation") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "kind", "must be person or organisation");
	if (person && !ct->first_name[0] && !ct->last_name[0])
		return err_set(e, ERR_UNPROCESSABLE, "last_name",
			       "a person needs a last name or a first name");
	if (!person && !ct->org_name[0])
		return err_set(e, ERR_UNPROCESSABLE, "org_name", "an organisation needs its name");
	if (!user_email_valid(ct->email))
		return err_set(e, ERR_UNPROCESSABLE, "email", "is not an e-mail address");
	return 0;
}

struct contact_tx {
	int64_t id, version;
	const struct contact_fields *f;
	const struct store_contact *in;   /* create: the checked contact */
	struct store_contact *out;
};

static int contact_create_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct contact_tx *t = ctx;
	*t->out = *t->in;
	int rc = store_contact_insert(c, t->out, clock_now());
	if (rc == STORE_OK)   /* the display name is made by the store */
		rc = store_contact_get(c, t->out->id, t->out);
	return user_store_error(rc, "contact", e);
}

int contact_create(struct store_conn *c, const struct actor *a, const struct contact_fields *f,
		   struct contact_detail *out_detail, struct err *e)
{
	memset(out_detail, 0, sizeof *out_detail);
	struct store_contact *out = &out_detail->v;
	int rc = rights_require(a, RIGHT_CASE_EDIT, e);
	if (rc != 0)
		return rc;
	struct store_contact in;
	memset(&in, 0, sizeof in);
	snprintf(in.kind, sizeof in.kind, "person");
	contact_apply(&in, f);
	rc = contact_check(&in, e);
	if (rc != 0)
		return rc;
	struct contact_tx t = {.f = f, .in = &in, .out = out};
	return store_tx_run(c, contact_create_fn, &t, e);
}

static int contact_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct contact_tx *t = ctx;
	int rc = store_contact_get(c, t->id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	if (t->out->version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the contact was changed meanwhile (version %lld, not %lld); reload",
			       (long long)t->out->version, (long long)t->version);
	contact_apply(t->out, t->f);
	rc = contact_check(t->out, e);
	if (rc != 0)
		return rc;
	rc = store_contact_update(c, t->out, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match", "the contact was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	/* the display name is made by the store */
	return user_store_error(store_contact_get(c, t->id, t->out), "contact", e);
}

int contact_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		   const struct contact_fields *f, struct contact_detail *out_detail, struct err *e)
{
	memset(out_detail, 0, sizeof *out_detail);
	struct store_contact *out = &out_detail->v;
	int rc = rights_require(a, RIGHT_CASE_EDIT, e);
	if (rc != 0)
		return rc;
	struct contact_tx t = {.id = id, .version = version, .f = f, .out = out};
	return store_tx_run(c, contact_update_fn, &t, e);
}

static int contact_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct contact_tx *t = ctx;
	int rc = store_contact_get(c, t->id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	char where[64] = "";
	int64_t n = 0;
	rc = store_contact_usage(c, t->id, where, &n);
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	if (n > 0)
		return err_set(e, ERR_CONFLICT, NULL, "in use: %lld %s", (long long)n, where);
	return user_store_error(store_contact_delete(c, t->id), "contact", e);
}

int contact_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e)
{
	int rc = rights_require(a, RIGHT_CASE_EDIT, e);
	if (rc != 0)
		return rc;
	struct store_contact gone;
	struct contact_tx t = {.id = id, .out = &gone};
	return store_tx_run(c, contact_delete_fn, &t, e);
}

int contact_get(struct store_conn *c, const struct actor *a, int64_t id,
		struct contact_detail *out_detail, struct err *e)
{
	memset(out_detail, 0, sizeof *out_detail);
	struct store_contact *out = &out_detail->v;
	int rc = contact_require_read(a, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_contact_get(c, id, out), "contact", e);
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
