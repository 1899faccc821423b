/* policy.c - rules for a pending case's policy data (see policy.h): which cases have it, the
 * kinds of pending case, the parent of an informal child, the insured and the carrier, and the
 * version that makes a stale write a conflict. Requirements are domain/requirement.c; what a
 * sent report does to the follow-up dates is domain/follow_up.c; the stage is the case's primary
 * status (domain/case_status.c). The timeline event is written through domain/timeline.c in the
 * change's own transaction. */
#include "domain/policy.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/contact.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

bool policy_kind_valid(const char *k)
{
	return strcmp(k, "formal") == 0 || strcmp(k, "informal") == 0 ||
	       strcmp(k, "informal_child") == 0 || strcmp(k, "group") == 0;
}

/* policy_blank fills p as the policy of a case without a row: version 0, kind formal, no
 * amount. */
static void policy_blank(int64_t case_id, struct store_policy *p)
{
	memset(p, 0, sizeof *p);
	p->case_id = case_id;
	p->amount_cents = -1;
	snprintf(p->kind, sizeof p->kind, "formal");
}

/* policy_case_check refuses a case whose type is not of group insurance (422 on case). */
static int policy_case_check(const struct store_case *k, struct err *e)
{
	if (strcmp(k->case_group, "insurance") == 0)
		return 0;
	return err_set(e, ERR_UNPROCESSABLE, "case",
		       "only a case of an insurance case type has policy data ('%s' is %s)",
		       k->case_type_name, k->case_group[0] ? k->case_group : "of no group");
}

/* policy_read reads case_id's row into p, or the blank policy when it has none; *exists says
 * which. */
static int policy_read(struct store_conn *c, int64_t case_id, struct store_policy *p,
		       bool *exists, struct err *e)
{
	int rc = store_policy_get(c, case_id, p);
	*exists = rc == STORE_OK;
	if (rc == STORE_NOT_FOUND) {
		policy_blank(case_id, p);
		return 0;
	}
	return user_store_error(rc, "policy", e);
}

int policy_get(struct store_conn *c, const struct actor *a, int64_t case_id,
	       struct store_policy *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc == 0)
		rc = policy_case_check(&k, e);
	if (rc != 0)
		return rc;
	bool exists;
	return policy_read(c, case_id, out, &exists, e);
}

bool policy_parent(struct store_conn *c, const struct actor *a, const struct store_policy *p,
		   struct store_case_brief *out)
{
	memset(out, 0, sizeof *out);
	if (p->parent_case_id <= 0)
		return false;
	struct store_case k;
	struct err e;
	err_clear(&e);
	if (case_load(c, a, p->parent_case_id, &k, &e) != 0)
		return false;
	out->id = k.id;
	snprintf(out->number, sizeof out->number, "%s", k.number);
	snprintf(out->name, sizeof out->name, "%s", k.name);
	snprintf(out->stage_name, sizeof out->stage_name, "%s", k.stage_name);
	return true;
}

/* policy_apply copies the given members of f into p, checking what needs no database (texts
 * trimmed, kind, amount, dates). */
static int policy_apply(const struct policy_fields *f, struct store_policy *p, struct err *e)
{
	const struct store_policy *v = &f->v;
	if (f->present & POLICY_F_NUMBER) {
		snprintf(p->policy_number, sizeof p->policy_number, "%s", v->policy_number);
		setup_trim(p->policy_number);
	}
	if (f->present & POLICY_F_INSURED)
		p->insured_contact_id = v->insured_contact_id;
	if (f->present & POLICY_F_CARRIER)
		p->carrier_contact_id = v->carrier_contact_id;
	if (f->present & POLICY_F_PRODUCT) {
		snprintf(p->product, sizeof p->product, "%s", v->product);
		setup_trim(p->product);
	}
	if (f->present & POLICY_F_AMOUNT) {
		if (v->amount_cents < -1)
			return err_set(e, ERR_UNPROCESSABLE, "amount_cents",
				       "must be 0 or more, or null");
		p->amount_cents = v->amount_cents;
	}
	if (f->present & POLICY_F_KIND) {
		if (!policy_kind_valid(v->kind))
			return err_set(e, ERR_UNPROCESSABLE, "kind",
				       "must be formal, informal, informal_child or group");
		snprintf(p->kind, sizeof p->kind, "%s", v->kind);
	}
	if (f->present & POLICY_F_PARENT)
		p->parent_case_id = v->parent_case_id;
	if (f->present & POLICY_F_NEXT_FOLLOW_UP) {
		if (v->next_follow_up[0] && !date_valid(v->next_follow_up))
			return err_set(e, ERR_UNPROCESSABLE, "next_follow_up",
				       "must be a date YYYY-MM-DD");
		snprintf(p->next_follow_up, sizeof p->next_follow_up, "%s", v->next_follow_up);
	}
	if (f->present & POLICY_F_LAST_FOLLOW_UP) {
		if (v->last_follow_up[0] && !date_valid(v->last_follow_up))
			return err_set(e, ERR_UNPROCESSABLE, "last_follow_up",
				       "must be a date YYYY-MM-DD");
		snprintf(p->last_follow_up, sizeof p->last_follow_up, "%s", v->last_follow_up);
	}
	if (strcmp(p->kind, "informal_child") != 0)
		p->parent_case_id = 0;   /* only an informal child has a parent */
	return 0;
}

/* policy_check_contact checks that contact id (0 = none) exists, for the input named field. */
static int policy_check_contact(struct store_conn *c, int64_t id, const char *field,
				struct err *e)
{
	struct store_contact ct;
	return id == 0 ? 0 : contact_ref(c, id, field, &ct, e);
}

/* policy_check_parent: an informal child names its parent, an insurance case other than its
 * own that the actor can see. */
static int policy_check_parent(struct store_conn *c, const struct actor *a,
			       const struct store_policy *p, struct err *e)
{
	if (strcmp(p->kind, "informal_child") != 0)
		return 0;
	if (p->parent_case_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "parent_case_id",
			       "is required for an informal child case");
	if (p->parent_case_id == p->case_id)
		return err_set(e, ERR_UNPROCESSABLE, "parent_case_id",
			       "must be another case than this one");
	struct store_case parent;
	int rc = case_load(c, a, p->parent_case_id, &parent, e);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, "parent_case_id", "there is no case %lld",
			       (long long)p->parent_case_id);
	if (rc != 0)
		return rc;
	if (strcmp(parent.case_group, "insurance") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "parent_case_id",
			       "must be an insurance case; '%s' is not", parent.name);
	return 0;
}

/* policy_money writes cents as "1234.56" ("" when not set). */
static void policy_money(int64_t cents, char out[32])
{
	if (cents < 0)
		out[0] = '\0';
	else
		snprintf(out, 32, "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
}

/* policy_describe names what differs between a and b. */
static void policy_describe(const struct store_policy *a, const struct store_policy *b,
			    struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	case_diff_text(d, "policy number", a->policy_number, b->policy_number);
	if (a->insured_contact_id != b->insured_contact_id)
		case_diff_add(d, "insured", a->insured_contact_id ? a->insured_name : "",
			      b->insured_contact_id ? b->insured_name : "");
	if (a->carrier_contact_id != b->carrier_contact_id)
		case_diff_add(d, "carrier", a->carrier_contact_id ? a->carrier_name : "",
			      b->carrier_contact_id ? b->carrier_name : "");
	case_diff_text(d, "product", a->product, b->product);
	if (a->amount_cents != b->amount_cents) {
		char ma[32], mb[32];
		policy_money(a->amount_cents, ma);
		policy_money(b->amount_cents, mb);
		case_diff_add(d, "amount", ma, mb);
	}
	case_diff_text(d, "kind", a->kind, b->kind);
	if (a->parent_case_id != b->parent_case_id) {
		char pa[24] = "", pb[24] = "";
		if (a->parent_case_id)
			snprintf(pa, sizeof pa, "case %lld", (long long)a->parent_case_id);
		if (b->parent_case_id)
			snprintf(pb, sizeof pb, "case %lld", (long long)b->parent_case_id);
		case_diff_add(d, "parent", pa, pb);
	}
	case_diff_text(d, "next follow-up", a->next_follow_up, b->next_follow_up);
	case_diff_text(d, "last follow-up", a->last_follow_up, b->last_follow_up);
}

struct policy_tx {
	const struct actor *a;
	int64_t case_id, version;
	const struct policy_fields *f;
	struct store_policy *out;
};

/* policy_check_version compares the version the caller sent with the row's. */
static int policy_check_version(const struct policy_tx *x, bool exists,
				const struct store_policy *old, struct err *e)
{
	if (x->version < 0 && exists)
		return err_set(e, ERR_PRECONDITION, "header.If-Match",
			       "the case has policy data (version %lld): send If-Match with it",
			       (long long)old->version);
	if (x->version < 0 || (exists && old->version == x->version) ||
	    (!exists && x->version == 0))
		return 0;
	if (!exists)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the case has no policy data yet; send version 0 to add it");
	return err_set(e, ERR_CONFLICT, "header.If-Match",
		       "the policy data was changed meanwhile (version %lld); reload",
		       (long long)old->version);
}

static int policy_put_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct policy_tx *x = ctx;
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc == 0)
		rc = policy_case_check(&k, e);
	if (rc != 0)
		return rc;
	struct store_policy old;
	bool exists;
	rc = policy_read(c, x->case_id, &old, &exists, e);
	if (rc == 0)
		rc = policy_check_version(x, exists, &old, e);
	if (rc != 0)
		return rc;
	struct store_policy p = old;
	rc = policy_apply(x->f, &p, e);
	if (rc == 0 && p.insured_contact_id != old.insured_contact_id)
		rc = policy_check_contact(c, p.insured_contact_id, "insured_id", e);
	if (rc == 0 && p.carrier_contact_id != old.carrier_contact_id)
		rc = policy_check_contact(c, p.carrier_contact_id, "carrier_id", e);
	if (rc == 0)
		rc = policy_check_parent(c, x->a, &p, e);
	if (rc != 0)
		return rc;
	struct case_diff d;
	policy_describe(&old, &p, &d);
	if (exists && d.count == 0) {
		*x->out = old;   /* nothing changes: nothing is written, the version stays */
		return 0;
	}
	rc = store_policy_put(c, &p, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the policy data was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "policy", e);
	rc = user_store_error(store_policy_get(c, x->case_id, x->out), "policy", e);
	if (rc != 0)
		return rc;
	policy_describe(&old, x->out, &d);   /* again, with the contacts' names */
	if (!exists)
		return timeline_append(c, x->a, x->case_id, "policy.changed", e,
				       "Policy data added%s%s", d.count ? ": " : "", d.text);
	return timeline_append(c, x->a, x->case_id, "policy.changed", e, "Policy data: %s",
			       d.text);
}

int policy_put(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t version,
	       const struct policy_fields *f, struct store_policy *out, struct err *e)
{
	struct policy_tx x = {.a = a, .case_id = case_id, .version = version, .f = f, .out = out};
	return store_tx_run(c, policy_put_fn, &x, e);
}
