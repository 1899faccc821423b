/* requirement.c - rules for a pending case's requirements (see requirement.h): name, status,
 * the key and POS marks, the listed order and the dates, with "received" dated today when no
 * date is given. The policy data is domain/policy.c; which requirement statuses a status report
 * lists is domain/follow_up.c (report_settings). The timeline events are written through
 * domain/timeline.c in each change's transaction. */
#include "domain/requirement.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

bool requirement_status_valid(const char *s)
{
	return strcmp(s, "outstanding") == 0 || strcmp(s, "received") == 0 ||
	       strcmp(s, "waived") == 0;
}

struct requirement_tx {
	const struct actor *a;
	int64_t case_id, id, version;
	const struct requirement_fields *f;
	struct store_requirement *out;
	struct store_case k;
};

/* requirement_apply copies the given members of f into r, checking what needs no database
 * (the name and comments are trimmed). */
static int requirement_apply(const struct requirement_fields *f, struct store_requirement *r,
			     struct err *e)
{
	const struct store_requirement *v = &f->v;
	if (f->present & REQUIREMENT_F_NAME) {
		snprintf(r->name, sizeof r->name, "%s", v->name);
		if (!setup_trim(r->name))
			return err_set(e, ERR_UNPROCESSABLE, "name", "must not be empty");
	}
	if (f->present & REQUIREMENT_F_STATUS) {
		if (!requirement_status_valid(v->status))
			return err_set(e, ERR_UNPROCESSABLE, "status",
				       "must be outstanding, received or waived");
		snprintf(r->status, sizeof r->status, "%s", v->status);
	}
	if (f->present & REQUIREMENT_F_KEY)
		r->key = v->key;
	if (f->present & REQUIREMENT_F_POS)
		r->pos = v->pos;
	if (f->present & REQUIREMENT_F_POSITION) {
		if (v->position < 0)
			return err_set(e, ERR_UNPROCESSABLE, "position", "must be 0 or more");
		r->position = v->position;
	}
	if (f->present & REQUIREMENT_F_REQUESTED) {
		if (v->requested_date[0] && !date_valid(v->requested_date))
			return err_set(e, ERR_UNPROCESSABLE, "requested_date",
				       "must be a date YYYY-MM-DD");
		snprintf(r->requested_date, sizeof r->requested_date, "%s", v->requested_date);
	}
	if (f->present & REQUIREMENT_F_RECEIVED) {
		if (v->received_date[0] && !date_valid(v->received_date))
			return err_set(e, ERR_UNPROCESSABLE, "received_date",
				       "must be a date YYYY-MM-DD");
		snprintf(r->received_date, sizeof r->received_date, "%s", v->received_date);
	}
	if (f->present & REQUIREMENT_F_COMMENTS) {
		snprintf(r->comments, sizeof r->comments, "%s", v->comments);
		setup_trim(r->comments);
	}
	return 0;
}

/* requirement_date_received dates a requirement that became received today, unless the caller
 * gave a received date. */
static void requirement_date_received(const struct requirement_fields *f,
				      const char *old_status, struct store_requirement *r)
{
	if (strcmp(r->status, "received") != 0 || strcmp(old_status, "received") == 0 ||
	    r->received_date[0] || (f->present & REQUIREMENT_F_RECEIVED))
		return;
	date_today(r->received_date);
}

/* requirement_flags writes the marks of r for the timeline: ", key, POS". */
static void requirement_flags(const struct store_requirement *r, char out[16])
{
	snprintf(out, 16, "%s%s", r->key ? ", key" : "", r->pos ? ", POS" : "");
}

struct requirement_last {
	int64_t position;
	bool any;
};

static int requirement_last_each(const struct store_requirement *r, void *ctx)
{
	struct requirement_last *l = ctx;
	if (!l->any || r->position > l->position)
		l->position = r->position;
	l->any = true;
	return 0;
}

/* requirement_next_position gives the position after the case's last requirement (1 for the
 * first). */
static int requirement_next_position(struct store_conn *c, int64_t case_id, int64_t *out,
				     struct err *e)
{
	struct requirement_last l = {0};
	int rc = store_requirement_list(c, case_id, requirement_last_each, &l);
	if (rc != STORE_OK)
		return user_store_error(rc, "requirements", e);
	*out = l.any ? l.position + 1 : 1;
	return 0;
}

static int requirement_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct requirement_tx *x = ctx;
	int rc = case_load_for_edit(c, x->a, x->case_id, &x->k, e);
	if (rc != 0)
		return rc;
	if (!(x->f->present & REQUIREMENT_F_NAME))
		return err_set(e, ERR_UNPROCESSABLE, "name", "is required");
	struct store_requirement r;
	memset(&r, 0, sizeof r);
	r.case_id = x->case_id;
	snprintf(r.status, sizeof r.status, "outstanding");
	rc = requirement_apply(x->f, &r, e);
	if (rc == 0 && !(x->f->present & REQUIREMENT_F_POSITION))
		rc = requirement_next_position(c, x->case_id, &r.position, e);
	if (rc != 0)
		return rc;
	requirement_date_received(x->f, "", &r);
	rc = store_requirement_insert(c, &r, clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "requirement", e);
	rc = user_store_error(store_requirement_get(c, x->case_id, r.id, x->out), "requirement", e);
	if (rc != 0)
		return rc;
	char flags[16];
	requirement_flags(x->out, flags);
	return timeline_append(c, x->a, x->case_id, "requirement.added", e,
			       "Requirement \"%s\" added (%s%s)", x->out->name, x->out->status,
			       flags);
}

int requirement_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const struct requirement_fields *f, struct store_requirement *out,
		    struct err *e)
{
	struct requirement_tx x = {.a = a, .case_id = case_id, .f = f, .out = out};
	return store_tx_run(c, requirement_add_fn, &x, e);
}

/* requirement_open loads the case for a change and reads the requirement into r. */
static int requirement_open(struct store_conn *c, struct requirement_tx *x,
			    struct store_requirement *r, struct err *e)
{
	int rc = case_load_for_edit(c, x->a, x->case_id, &x->k, e);
	if (rc != 0)
		return rc;
	int src = x->id > 0 ? store_requirement_get(c, x->case_id, x->id, r) : STORE_NOT_FOUND;
	return user_store_error(src, "requirement", e);
}

/* requirement_mark names a change of a yes/no mark. */
static void requirement_mark(struct case_diff *d, const char *label, bool a, bool b)
{
	if (a != b)
		case_diff_add(d, label, a ? "yes" : "no", b ? "yes" : "no");
}

/* requirement_describe names what differs between a and b. */
static void requirement_describe(const struct store_requirement *a,
				 const struct store_requirement *b, struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	case_diff_text(d, "name", a->name, b->name);
	case_diff_text(d, "status", a->status, b->status);
	requirement_mark(d, "key", a->key, b->key);
	requirement_mark(d, "POS", a->pos, b->pos);
	if (a->position != b->position) {
		char pa[24], pb[24];
		snprintf(pa, sizeof pa, "%" PRId64, a->position);
		snprintf(pb, sizeof pb, "%" PRId64, b->position);
		case_diff_add(d, "position", pa, pb);
	}
	case_diff_text(d, "requested", a->requested_date, b->requested_date);
	case_diff_text(d, "received", a->received_date, b->received_date);
	case_diff_long(d, "comments", a->comments, b->comments);
}

static int requirement_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct requirement_tx *x = ctx;
	struct store_requirement old;
	int rc = requirement_open(c, x, &old, e);
	if (rc != 0)
		return rc;
	if (old.version != x->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the requirement was changed meanwhile (version %lld); reload",
			       (long long)old.version);
	struct store_requirement r = old;
	rc = requirement_apply(x->f, &r, e);
	if (rc != 0)
		return rc;
	requirement_date_received(x->f, old.status, &r);
	struct case_diff d;
	requirement_describe(&old, &r, &d);
	if (d.count == 0) {
		*x->out = old;   /* nothing changes: nothing is written, the version stays */
		return 0;
	}
	rc = store_requirement_update(c, &r, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the requirement was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "requirement", e);
	rc = user_store_error(store_requirement_get(c, x->case_id, r.id, x->out), "requirement", e);
	if (rc != 0)
		return rc;
	return timeline_append(c, x->a, x->case_id, "requirement.changed", e,
			       "Requirement \"%s\": %s", old.name, d.text);
}

int requirement_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       int64_t version, const struct requirement_fields *f,
		       struct store_requirement *out, struct err *e)
{
	struct requirement_tx x = {.a = a, .case_id = case_id, .id = id, .version = version,
				   .f = f, .out = out};
	return store_tx_run(c, requirement_update_fn, &x, e);
}

static int requirement_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct requirement_tx *x = ctx;
	int rc = requirement_open(c, x, x->out, e);
	if (rc != 0)
		return rc;
	rc = store_requirement_delete(c, x->out->id);
	if (rc != STORE_OK)
		return user_store_error(rc, "requirement", e);
	return timeline_append(c, x->a, x->case_id, "requirement.removed", e,
			       "Requirement \"%s\" removed", x->out->name);
}

int requirement_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       struct err *e)
{
	struct store_requirement gone;
	struct requirement_tx x = {.a = a, .case_id = case_id, .id = id, .out = &gone};
	return store_tx_run(c, requirement_remove_fn, &x, e);
}

struct requirement_filter {
	bool outstanding_only;
	store_requirement_each_fn each;
	void *ctx;
};

static int requirement_filter_each(const struct store_requirement *r, void *ctx)
{
	struct requirement_filter *f = ctx;
	if (f->outstanding_only && strcmp(r->status, "outstanding") != 0)
		return 0;
	return f->each(r, f->ctx);
}

int requirement_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		     bool outstanding_only, store_requirement_each_fn each, void *ctx,
		     struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	struct requirement_filter f = {outstanding_only, each, ctx};
	rc = store_requirement_list(c, case_id, requirement_filter_each, &f);
	return user_store_error(rc, "requirements", e);
}

int requirement_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    struct store_requirement *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	int src = id > 0 ? store_requirement_get(c, case_id, id, out) : STORE_NOT_FOUND;
	return user_store_error(src, "requirement", e);
}
