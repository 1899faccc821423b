/* party.c - rules for the parties of a case (see party.h): plaintiffs, other plaintiffs (not
 * represented by the firm) and defendants; the primary plaintiff and primary contact marks,
 * one of each per case. The rows hanging under a party (insurance, liens, bankruptcies) are
 * party_row.c with insurance.c, lien.c and bankruptcy.c; the SQL is store/<backend>/; the
 * JSON form api/parties.c. */
#include "domain/party.h"
#include "domain/case.h"
#include "domain/contact.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool party_is_plaintiff(const struct store_party *p)
{
	return strcmp(p->kind, "plaintiff") == 0;
}

const char *party_primary_label(const struct store_party *p)
{
	if (p->primary_party && p->primary_contact)
		return "Plaintiff/Contact";
	if (p->primary_party)
		return "Plaintiff";
	return p->primary_contact ? "Contact" : "";
}

void party_describe(const struct store_party *p, char *out, size_t size)
{
	const char *kind = !party_is_plaintiff(p) ? "Defendant"
			   : p->represented	  ? "Plaintiff"
						  : "Other plaintiff";
	snprintf(out, size, "%s: %s", kind, p->contact_name);
}

int party_of_case(struct store_conn *c, int64_t case_id, int64_t party_id, bool plaintiff_only,
		  const char *field, struct store_party *out, struct err *e)
{
	int rc = party_id > 0 ? store_party_get(c, case_id, party_id, out) : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, field, "the case has no party %lld",
			       (long long)party_id);
	if (rc != STORE_OK)
		return user_store_error(rc, "party", e);
	if (plaintiff_only && !party_is_plaintiff(out))
		return err_set(e, ERR_UNPROCESSABLE, field, "%s is not a plaintiff",
			       out->contact_name);
	return 0;
}

int party_list(struct store_conn *c, const struct actor *a, int64_t case_id,
	       store_party_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_party_list(c, case_id, each, ctx), "parties", e);
}

int party_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t party_id,
	      struct store_party *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_party_get(c, case_id, party_id, out), "party", e);
}

/* ---- the rules -------------------------------------------------------------------------- */

/* party_apply copies the present members of f into p, but the contact and the kind. */
static void party_apply(struct store_party *p, const struct party_fields *f)
{
	const struct store_party *v = &f->v;
	if (f->present & PARTY_F_GROUP)
		p->group_no = v->group_no;
	if (f->present & PARTY_F_PRIMARY_PARTY)
		p->primary_party = v->primary_party;
	if (f->present & PARTY_F_PRIMARY_CONTACT)
		p->primary_contact = v->primary_contact;
	if (f->present & PARTY_F_REPRESENTED)
		p->represented = v->represented;
	if (f->present & PARTY_F_LAW_FIRM)
		p->law_firm_id = v->law_firm_id;
	if (f->present & PARTY_F_ATTORNEY)
		p->attorney_id = v->attorney_id;
	if (f->present & PARTY_F_ROLE) {
		snprintf(p->role, sizeof p->role, "%s", v->role);
		setup_trim(p->role);
	}
	if (f->present & PARTY_F_INJURY_SUMMARY)
		snprintf(p->injury_summary, sizeof p->injury_summary, "%s", v->injury_summary);
	if (f->present & PARTY_F_PLEADINGS_SUMMARY)
		snprintf(p->pleadings_summary, sizeof p->pleadings_summary, "%s",
			 v->pleadings_summary);
}

/* party_check is the rules over a party as it will be stored. */
static int party_check(struct store_conn *c, const struct store_party *p, struct err *e)
{
	bool plaintiff = party_is_plaintiff(p);
	if (!plaintiff && strcmp(p->kind, "defendant") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "kind", "must be plaintiff or defendant");
	if (p->group_no < 1)
		return err_set(e, ERR_UNPROCESSABLE, "group_no", "must be 1 or more");
	if (!plaintiff && p->primary_party)
		return err_set(e, ERR_UNPROCESSABLE, "primary_party",
			       "only a plaintiff can be the primary plaintiff");
	if (!plaintiff && p->primary_contact)
		return err_set(e, ERR_UNPROCESSABLE, "primary_contact",
			       "only a plaintiff can be the primary contact");
	if (!plaintiff && !p->represented)
		return err_set(e, ERR_UNPROCESSABLE, "represented",
			       "only a plaintiff can be an other plaintiff, not represented by the firm");
	if (!p->represented && (p->primary_party || p->primary_contact))
		return err_set(e, ERR_UNPROCESSABLE,
			       p->primary_party ? "primary_party" : "primary_contact",
			       "an other plaintiff, not represented by the firm, cannot be primary");
	struct store_contact ct;
	int rc = p->law_firm_id ? contact_ref(c, p->law_firm_id, "law_firm_id", &ct, e) : 0;
	if (rc == 0 && p->attorney_id)
		rc = contact_ref(c, p->attorney_id, "attorney_id", &ct, e);
	return rc;
}

static const char *party_yes(bool b)
{
	return b ? "yes" : "no";
}

/* party_diff names the changes from a to b ("group: 1 → 2; role: (none) → Driver"). */
static void party_diff(struct case_diff *d, const struct store_party *a,
		       const struct store_party *b)
{
	char ga[24], gb[24];
	snprintf(ga, sizeof ga, "%" PRId64, a->group_no);
	snprintf(gb, sizeof gb, "%" PRId64, b->group_no);
	case_diff_text(d, "group", ga, gb);
	case_diff_text(d, "primary plaintiff", party_yes(a->primary_party),
		       party_yes(b->primary_party));
	case_diff_text(d, "primary contact", party_yes(a->primary_contact),
		       party_yes(b->primary_contact));
	case_diff_text(d, "role", a->role, b->role);
	case_diff_text(d, "represented by the firm", party_yes(a->represented),
		       party_yes(b->represented));
	if (a->law_firm_id != b->law_firm_id)
		case_diff_add(d, "law firm", a->law_firm_name, b->law_firm_name);
	if (a->attorney_id != b->attorney_id)
		case_diff_add(d, "attorney", a->attorney_name, b->attorney_name);
	case_diff_long(d, "injury summary", a->injury_summary, b->injury_summary);
	case_diff_long(d, "pleadings summary", a->pleadings_summary, b->pleadings_summary);
}

/* ---- changes ---------------------------------------------------------------------------- */

struct party_tx {
	const struct actor *a;
	int64_t case_id, party_id, version;
	const struct party_fields *f;
	struct store_party *old;       /* scratch: the party as it was */
	struct store_party *out;
};

/* party_event writes "<Kind>: <name> <what>" ("Plaintiff: John Client added"). */
static int party_event(struct store_conn *c, const struct party_tx *t, const char *type,
		       const struct store_party *p, const char *what, struct err *e)
{
	char who[STORE_NAME_MAX + 32];
	party_describe(p, who, sizeof who);
	return timeline_append(c, t->a, t->case_id, type, e, "%s %s", who, what);
}

/* party_changed writes the "party.changed" event naming the changes from old to p. */
static int party_changed(struct store_conn *c, const struct party_tx *t,
			 const struct store_party *old, const struct store_party *p, struct err *e)
{
	struct case_diff d = {0};
	party_diff(&d, old, p);
	char what[sizeof d.text + 16];
	snprintf(what, sizeof what, "changed: %s", d.text);
	return party_event(c, t, "party.changed", p, what, e);
}

/* What party_add and the primary marks need to know of the other parties of a case. */
struct party_brief {
	int64_t id;
	bool plaintiff, represented, primary_party, primary_contact;
};

struct party_briefs {
	struct party_brief *items;
	size_t n, cap;
	bool no_memory;
};

static int party_collect(const struct store_party *p, void *ctx)
{
	struct party_briefs *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct party_brief *items = realloc(l->items, cap * sizeof *items);
		if (!items) {
			l->no_memory = true;
			return 1;
		}
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = (struct party_brief){p->id, party_is_plaintiff(p), p->represented,
						 p->primary_party, p->primary_contact};
	return 0;
}

/* party_briefs_read lists the parties of the case into l (the caller frees l->items). */
static int party_briefs_read(struct store_conn *c, int64_t case_id, struct party_briefs *l,
			     struct err *e)
{
	int rc = store_party_list(c, case_id, party_collect, l);
	if (l->no_memory)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory listing the parties");
	return user_store_error(rc, "parties", e);
}

/* party_take_marks takes the primary marks p holds off every other plaintiff of the case, with
 * a "party.changed" event for each. */
static int party_take_marks(struct store_conn *c, const struct party_tx *t,
			    const struct store_party *p, const struct party_briefs *l,
			    struct err *e)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct party_brief *o = &l->items[i];
		bool take_party = p->primary_party && o->primary_party;
		bool take_contact = p->primary_contact && o->primary_contact;
		if (o->id == p->id || !(take_party || take_contact))
			continue;
		int rc = store_party_get(c, t->case_id, o->id, t->old);
		if (rc != STORE_OK)
			return user_store_error(rc, "party", e);
		struct store_party now = *t->old;
		now.primary_party = now.primary_party && !take_party;
		now.primary_contact = now.primary_contact && !take_contact;
		rc = store_party_update(c, &now);
		if (rc != STORE_OK)
			return user_store_error(rc, "party", e);
		rc = party_changed(c, t, t->old, &now, e);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* party_store_error maps a failed write of p: the contact already on that side, a stale
 * version, or the store's own trouble. */
static int party_store_error(int rc, bool adding, const struct store_party *p, struct err *e)
{
	if (rc == STORE_CONFLICT && adding)
		return err_set(e, ERR_CONFLICT, "contact_id", "%s is already a %s of the case",
			       p->contact_name[0] ? p->contact_name : "the contact", p->kind);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the party was changed meanwhile; reload");
	return user_store_error(rc, "party", e);
}

/* party_start loads the case (not found first) and checks the right to change it. */
static int party_start(struct store_conn *c, const struct party_tx *t, struct err *e)
{
	struct store_case k;
	return case_load_for_edit(c, t->a, t->case_id, &k, e);
}

static int party_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct party_tx *t = ctx;
	const struct party_fields *f = t->f;
	int rc = party_start(c, t, e);
	if (rc != 0)
		return rc;
	struct store_party p = {.case_id = t->case_id, .group_no = 1, .represented = true,
				.contact_id = f->v.contact_id};
	snprintf(p.kind, sizeof p.kind, "%s", (f->present & PARTY_F_KIND) ? f->v.kind : "plaintiff");
	party_apply(&p, f);
	struct store_contact ct;
	rc = contact_ref(c, p.contact_id, "contact_id", &ct, e);
	if (rc != 0)
		return rc;
	snprintf(p.contact_name, sizeof p.contact_name, "%s", ct.display_name);
	struct party_briefs l = {0};
	rc = party_briefs_read(c, t->case_id, &l, e);
	bool first = party_is_plaintiff(&p) && p.represented;
	for (size_t i = 0; rc == 0 && first && i < l.n; i++)
		first = !(l.items[i].plaintiff && l.items[i].represented);
	if (first && !(f->present & PARTY_F_PRIMARY_PARTY))
		p.primary_party = true;
	if (first && !(f->present & PARTY_F_PRIMARY_CONTACT))
		p.primary_contact = true;
	if (rc == 0)
		rc = party_check(c, &p, e);
	if (rc == 0)
		rc = party_store_error(store_party_insert(c, &p), true, &p, e);
	if (rc == 0)
		rc = user_store_error(store_party_get(c, t->case_id, p.id, t->out), "party", e);
	if (rc == 0)
		rc = party_event(c, t, "party.added", t->out, "added", e);
	if (rc == 0)
		rc = party_take_marks(c, t, t->out, &l, e);
	free(l.items);
	return rc;
}

/* party_run runs one change in a transaction, with the scratch row it needs. */
static int party_run(struct store_conn *c, struct party_tx *t, store_tx_fn fn, struct err *e)
{
	struct store_party *old = malloc(sizeof *old);
	if (!old)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	t->old = old;
	int rc = store_tx_run(c, fn, t, e);
	free(old);
	return rc;
}

int party_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	      const struct party_fields *f, struct store_party *out, struct err *e)
{
	if (!(f->present & PARTY_F_CONTACT))
		return err_set(e, ERR_UNPROCESSABLE, "contact_id", "is required");
	struct party_tx t = {.a = a, .case_id = case_id, .f = f, .out = out};
	return party_run(c, &t, party_add_fn, e);
}

static int party_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct party_tx *t = ctx;
	const struct party_fields *f = t->f;
	int rc = party_start(c, t, e);
	if (rc != 0)
		return rc;
	struct store_party *old = t->old, *p = t->out;
	rc = store_party_get(c, t->case_id, t->party_id, old);
	if (rc != STORE_OK)
		return user_store_error(rc, "party", e);
	if (old->version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the party was changed meanwhile (version %lld, not %lld); reload",
			       (long long)old->version, (long long)t->version);
	*p = *old;
	party_apply(p, f);
	if ((f->present & PARTY_F_REPRESENTED) && !p->represented) {
		/* an other plaintiff is never primary: the marks go unless the change sets them */
		p->primary_party = p->primary_party && (f->present & PARTY_F_PRIMARY_PARTY);
		p->primary_contact = p->primary_contact && (f->present & PARTY_F_PRIMARY_CONTACT);
	}
	rc = party_check(c, p, e);
	if (rc != 0)
		return rc;
	struct case_diff d = {0};
	party_diff(&d, old, p);
	if (d.count == 0) {
		*p = *old;   /* nothing changes: nothing is written */
		return 0;
	}
	bool marked = (p->primary_party && !old->primary_party) ||
		      (p->primary_contact && !old->primary_contact);
	rc = party_store_error(store_party_update(c, p), false, p, e);
	if (rc == 0)
		rc = user_store_error(store_party_get(c, t->case_id, p->id, p), "party", e);
	if (rc == 0)
		rc = party_changed(c, t, old, p, e);
	if (rc != 0 || !marked)
		return rc;
	struct party_briefs l = {0};
	rc = party_briefs_read(c, t->case_id, &l, e);
	if (rc == 0)
		rc = party_take_marks(c, t, p, &l, e);
	free(l.items);
	return rc;
}

int party_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t party_id,
		 int64_t version, const struct party_fields *f, struct store_party *out,
		 struct err *e)
{
	if (f->present & PARTY_F_CONTACT)
		return err_set(e, ERR_UNPROCESSABLE, "contact_id",
			       "cannot be changed: remove the party and add the contact");
	if (f->present & PARTY_F_KIND)
		return err_set(e, ERR_UNPROCESSABLE, "kind",
			       "cannot be changed: remove the party and add it on the other side");
	struct party_tx t = {.a = a, .case_id = case_id, .party_id = party_id,
			     .version = version, .f = f, .out = out};
	return party_run(c, &t, party_update_fn, e);
}

static int party_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct party_tx *t = ctx;
	int rc = party_start(c, t, e);
	if (rc != 0)
		return rc;
	rc = store_party_get(c, t->case_id, t->party_id, t->old);
	if (rc == STORE_OK)   /* its insurance, liens and bankruptcies go with it */
		rc = store_party_delete(c, t->party_id);
	if (rc != STORE_OK)
		return user_store_error(rc, "party", e);
	return party_event(c, t, "party.removed", t->old, "removed", e);
}

int party_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t party_id,
		 struct err *e)
{
	struct store_party gone;
	struct party_tx t = {.a = a, .case_id = case_id, .party_id = party_id, .out = &gone};
	return party_run(c, &t, party_remove_fn, e);
}
