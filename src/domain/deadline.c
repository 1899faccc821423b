/* deadline.c - rules for critical deadlines and statutes of limitation (see deadline.h): the
 * kind, the deadline type of a critical one (setup list SETUP_DEADLINE_TYPE, domain/setup.c),
 * the party and its side, done and its date, and the case's next deadline. The key dates and
 * flags that use the next one are domain/summary.c and domain/flag.c. */
#include "domain/deadline.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <stdio.h>
#include <string.h>

void deadline_next_consider(struct deadline_next *n, const struct store_deadline *d)
{
	if (d->done || !d->due_date[0])
		return;
	int order = n->found ? strcmp(d->due_date, n->d.due_date) : -1;
	if (order < 0 || (order == 0 && d->id < n->d.id)) {
		n->found = true;
		n->d = *d;
	}
}

void deadline_next_finish(struct deadline_next *n, const char *today)
{
	n->overdue = n->found && strcmp(n->d.due_date, today) < 0;
}

const char *deadline_kind_label(const struct store_deadline *d)
{
	if (strcmp(d->kind, "plaintiff_sol") == 0)
		return "Plaintiff SOL";
	if (strcmp(d->kind, "defendant_sol") == 0)
		return "Defendant SOL";
	return d->type_name[0] ? d->type_name : "Critical deadline";
}

int deadline_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		  bool outstanding_only, store_deadline_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	rc = store_deadline_list(c, case_id, outstanding_only, each, ctx);
	return user_store_error(rc, "deadlines", e);
}

/* deadline_read reads deadline id of a case into d. */
static int deadline_read(struct store_conn *c, int64_t case_id, int64_t id,
			 struct store_deadline *d, struct err *e)
{
	return user_store_error(store_deadline_get(c, case_id, id, d), "deadline", e);
}

int deadline_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		 struct store_deadline *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return deadline_read(c, case_id, id, out, e);
}

/* ---- checking what is asked for --------------------------------------------------------- */

/* deadline_sol_side is the party kind an SOL kind needs ("" for a critical deadline). */
static const char *deadline_sol_side(const char *kind)
{
	if (strcmp(kind, "plaintiff_sol") == 0)
		return "plaintiff";
	if (strcmp(kind, "defendant_sol") == 0)
		return "defendant";
	return "";
}

/* deadline_apply copies the given members of f into d (done_date handled by deadline_done). */
static void deadline_apply(const struct deadline_fields *f, struct store_deadline *d)
{
	const struct store_deadline *v = &f->v;
	if (f->present & DEADLINE_F_PARTY)
		d->party_id = v->party_id;
	if (f->present & DEADLINE_F_KIND)
		snprintf(d->kind, sizeof d->kind, "%s", v->kind);
	if (f->present & DEADLINE_F_TYPE)
		d->deadline_type_id = v->deadline_type_id;
	if (f->present & DEADLINE_F_DUE_DATE)
		snprintf(d->due_date, sizeof d->due_date, "%s", v->due_date);
	if (f->present & DEADLINE_F_COMMENTS)
		snprintf(d->comments, sizeof d->comments, "%s", v->comments);
}

/* deadline_done sets done and done_date: a done deadline has a date (the one given in
 * f->v.done_date, the one it had, or today); an outstanding one has none, and a date given
 * for one is refused. done_date_given: f->v.done_date is not "". */
static int deadline_done(const struct deadline_fields *f, bool done_date_given,
			 struct store_deadline *d, struct err *e)
{
	if (f->present & DEADLINE_F_DONE)
		d->done = f->v.done;
	if (done_date_given) {
		if (f->v.done_date[0] && !date_valid(f->v.done_date))
			return err_set(e, ERR_UNPROCESSABLE, "done_date", "must be a date YYYY-MM-DD");
		if (f->v.done_date[0] && !d->done)
			return err_set(e, ERR_UNPROCESSABLE, "done_date",
				       "only a done deadline has a done date");
		snprintf(d->done_date, sizeof d->done_date, "%s", f->v.done_date);
	}
	if (!d->done)
		d->done_date[0] = '\0';
	else if (!d->done_date[0])
		date_today(d->done_date);
	return 0;
}

/* deadline_check checks the whole of d against the case: the kind, the type (a critical
 * deadline's existing type; none for an SOL), the party (of this case; of the SOL's side) and
 * the due date. The joined names (party, type) are filled on the way. */
static int deadline_check(struct store_conn *c, struct store_deadline *d, struct err *e)
{
	const char *side = deadline_sol_side(d->kind);
	if (!side[0] && strcmp(d->kind, "critical") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "kind",
			       "must be plaintiff_sol, defendant_sol or critical");
	d->type_name[0] = '\0';
	if (side[0] && d->deadline_type_id)
		return err_set(e, ERR_UNPROCESSABLE, "deadline_type_id",
			       "a %s has no deadline type; send null", deadline_kind_label(d));
	if (!side[0]) {
		if (!d->deadline_type_id)
			return err_set(e, ERR_UNPROCESSABLE, "deadline_type_id",
				       "is required for a critical deadline");
		struct store_setup_item type;
		int rc = case_setup_ref(c, SETUP_DEADLINE_TYPE, d->deadline_type_id,
					"deadline_type_id", &type, e);
		if (rc != 0)
			return rc;
		snprintf(d->type_name, sizeof d->type_name, "%s", type.name);
	}
	d->party_name[0] = '\0';
	if (d->party_id) {
		struct store_party p;
		int rc = d->party_id > 0 ? store_party_get(c, d->case_id, d->party_id, &p)
					 : STORE_NOT_FOUND;
		if (rc == STORE_NOT_FOUND)
			return err_set(e, ERR_UNPROCESSABLE, "party_id",
				       "there is no party %lld on this case", (long long)d->party_id);
		if (rc != STORE_OK)
			return user_store_error(rc, "party", e);
		if (side[0] && strcmp(p.kind, side) != 0)
			return err_set(e, ERR_UNPROCESSABLE, "party_id",
				       "a %s is for a %s; %s is a %s", deadline_kind_label(d), side,
				       p.contact_name, p.kind);
		snprintf(d->party_name, sizeof d->party_name, "%s", p.contact_name);
	}
	if (!d->due_date[0])
		return err_set(e, ERR_UNPROCESSABLE, "due_date", "is required");
	if (!date_valid(d->due_date))
		return err_set(e, ERR_UNPROCESSABLE, "due_date", "must be a date YYYY-MM-DD");
	return 0;
}

/* ---- describing a change ---------------------------------------------------------------- */

/* deadline_name writes "Plaintiff SOL (John Client)" / "Expert disclosure" into out. */
static void deadline_name(const struct store_deadline *d, char *out, size_t size)
{
	if (d->party_id && d->party_name[0])
		snprintf(out, size, "%s (%s)", deadline_kind_label(d), d->party_name);
	else
		snprintf(out, size, "%s", deadline_kind_label(d));
}

/* deadline_describe names what differs between a and b (done aside, which has its own
 * event when it is set). */
static void deadline_describe(const struct store_deadline *a, const struct store_deadline *b,
			      struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	char x[2 * STORE_NAME_MAX + 8], y[2 * STORE_NAME_MAX + 8];
	deadline_name(a, x, sizeof x);
	deadline_name(b, y, sizeof y);
	case_diff_text(d, "deadline", x, y);
	case_diff_text(d, "due date", a->due_date, b->due_date);
	case_diff_long(d, "comments", a->comments, b->comments);
	if (a->done && !b->done)
		case_diff_add(d, "done", "yes", "no");
	else if (a->done && b->done)
		case_diff_text(d, "done date", a->done_date, b->done_date);
}

/* ---- changes ---------------------------------------------------------------------------- */

struct deadline_tx {
	const struct actor *a;
	int64_t case_id, id, version;
	const struct deadline_fields *f;
	bool done_date_given;
	struct store_deadline *out;
};

/* deadline_event writes "<label> (<party>) due <date> <what>". */
static int deadline_event(struct store_conn *c, const struct deadline_tx *x, const char *type,
			  const char *what, const struct store_deadline *d, struct err *e)
{
	char name[2 * STORE_NAME_MAX + 8];
	deadline_name(d, name, sizeof name);
	return timeline_append(c, x->a, x->case_id, type, e, "%s due %s %s", name, d->due_date,
			       what);
}

/* deadline_done_event writes "deadline.done" for d. */
static int deadline_done_event(struct store_conn *c, const struct deadline_tx *x,
			       const struct store_deadline *d, struct err *e)
{
	char what[40];
	snprintf(what, sizeof what, "done on %s", d->done_date);
	return deadline_event(c, x, "deadline.done", what, d, e);
}

static int deadline_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct deadline_tx *x = ctx;
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc != 0)
		return rc;
	if (!(x->f->present & DEADLINE_F_KIND))
		return err_set(e, ERR_UNPROCESSABLE, "kind", "is required");
	struct store_deadline d;
	memset(&d, 0, sizeof d);
	d.case_id = x->case_id;
	deadline_apply(x->f, &d);
	rc = deadline_check(c, &d, e);
	if (rc == 0)
		rc = deadline_done(x->f, x->done_date_given, &d, e);
	if (rc != 0)
		return rc;
	d.created_by = case_acting_user(x->a, &k);
	rc = store_deadline_insert(c, &d);
	if (rc != STORE_OK)
		return user_store_error(rc, "deadline", e);
	rc = deadline_read(c, x->case_id, d.id, x->out, e);
	if (rc == 0)
		rc = deadline_event(c, x, "deadline.added", "added", x->out, e);
	if (rc == 0 && x->out->done)
		rc = deadline_done_event(c, x, x->out, e);
	return rc;
}

int deadline_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		 const struct deadline_fields *f, struct store_deadline *out, struct err *e)
{
	struct deadline_tx x = {.a = a, .case_id = case_id, .f = f, .out = out,
				.done_date_given = f->v.done_date[0] != '\0'};
	return store_tx_run(c, deadline_add_fn, &x, e);
}

/* deadline_open loads the case for a change and reads the deadline into d. */
static int deadline_open(struct store_conn *c, struct deadline_tx *x, struct store_deadline *d,
			 struct err *e)
{
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc != 0)
		return rc;
	return deadline_read(c, x->case_id, x->id, d, e);
}

static int deadline_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct deadline_tx *x = ctx;
	struct store_deadline old;
	int rc = deadline_open(c, x, &old, e);
	if (rc != 0)
		return rc;
	if (old.version != x->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the deadline was changed meanwhile (version %lld); reload",
			       (long long)old.version);
	struct store_deadline d = old;
	deadline_apply(x->f, &d);
	rc = deadline_check(c, &d, e);
	if (rc == 0)
		rc = deadline_done(x->f, x->done_date_given, &d, e);
	if (rc != 0)
		return rc;
	bool done_now = d.done && !old.done;
	struct case_diff diff;
	deadline_describe(&old, &d, &diff);
	if (diff.count == 0 && !done_now) {
		*x->out = old;   /* nothing changes: nothing is written, the version stays */
		return 0;
	}
	rc = store_deadline_update(c, &d);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the deadline was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "deadline", e);
	rc = deadline_read(c, x->case_id, d.id, x->out, e);
	if (rc == 0 && diff.count > 0) {
		char name[2 * STORE_NAME_MAX + 8];
		deadline_name(&old, name, sizeof name);
		rc = timeline_append(c, x->a, x->case_id, "deadline.changed", e, "%s due %s: %s",
				     name, old.due_date, diff.text);
	}
	if (rc == 0 && done_now)
		rc = deadline_done_event(c, x, x->out, e);
	return rc;
}

int deadline_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    int64_t version, const struct deadline_fields *f, struct store_deadline *out,
		    struct err *e)
{
	struct deadline_tx x = {.a = a, .case_id = case_id, .id = id, .version = version, .f = f,
				.out = out, .done_date_given = f->v.done_date[0] != '\0'};
	return store_tx_run(c, deadline_update_fn, &x, e);
}

static int deadline_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct deadline_tx *x = ctx;
	int rc = deadline_open(c, x, x->out, e);
	if (rc != 0)
		return rc;
	rc = store_deadline_delete(c, x->out->id);
	if (rc != STORE_OK)
		return user_store_error(rc, "deadline", e);
	return deadline_event(c, x, "deadline.removed", "removed", x->out, e);
}

int deadline_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    struct err *e)
{
	struct store_deadline gone;
	struct deadline_tx x = {.a = a, .case_id = case_id, .id = id, .out = &gone};
	return store_tx_run(c, deadline_remove_fn, &x, e);
}
