/* case_status.c - the status engine (see case_status.h): setting, editing and removing the
 * statuses of a case, with their history rows, the case's stage and closed date, and the
 * timeline events, each change in one transaction.
 *
 * The mass change is case_status_mass.c; the status setup lists are domain/setup.c. */
#include "domain/case_status.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/rights.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define CASE_STATUS_CLOSED_PREFIX "Closed: "

/* ---- pure helpers ----------------------------------------------------------------------- */

void case_status_days(const struct store_case_status *s, const char *today, int64_t *days,
		      bool *overdue)
{
	const char *end = s->current || !s->to_date[0] ? today : s->to_date;
	int64_t d = date_days_between(s->from_date, end);
	*days = d < 0 ? 0 : d;
	*overdue = s->current && s->expected_days > 0 && *days > s->expected_days;
}

void case_status_closed_note(char *comments, size_t size, const char *reason)
{
	static const char sep[] = "; ";
	/* drop a note an earlier close left: "Closed: X" alone or "...; Closed: X" at the end */
	if (strncmp(comments, CASE_STATUS_CLOSED_PREFIX, strlen(CASE_STATUS_CLOSED_PREFIX)) == 0 &&
	    !strstr(comments, sep)) {
		comments[0] = '\0';
	} else {
		char *last = NULL;
		for (char *p = strstr(comments, "; " CASE_STATUS_CLOSED_PREFIX); p;
		     p = strstr(p + 1, "; " CASE_STATUS_CLOSED_PREFIX))
			last = p;
		if (last && !strstr(last + 2, sep))
			*last = '\0';
	}
	if (!reason)
		return;
	char note[STORE_NAME_MAX + sizeof CASE_STATUS_CLOSED_PREFIX + 4];
	int n = snprintf(note, sizeof note, "%s%s%s", comments[0] ? sep : "",
			 CASE_STATUS_CLOSED_PREFIX, reason);
	if (n < 0 || (size_t)n >= size)
		return;
	size_t keep = strlen(comments);
	if (keep + (size_t)n >= size) {
		keep = size - 1 - (size_t)n;
		while (keep > 0 && ((unsigned char)comments[keep] & 0xC0) == 0x80)
			keep--;  /* do not cut a UTF-8 character in half */
		comments[keep] = '\0';
		n = snprintf(note, sizeof note, "%s%s%s", keep ? sep : "", CASE_STATUS_CLOSED_PREFIX,
			     reason);
	}
	memcpy(comments + keep, note, (size_t)n + 1);
}

/* ---- checks ----------------------------------------------------------------------------- */

/* case_status_check_reason applies the close reason rule to status st: required (and existing)
 * when st is closing, refused otherwise. */
static int case_status_check_reason(struct store_conn *c, const struct store_setup_item *st,
				    int64_t reason_id, struct store_setup_item *reason,
				    struct err *e)
{
	memset(reason, 0, sizeof *reason);
	if (!st->closing) {
		if (reason_id > 0)
			return err_set(e, ERR_UNPROCESSABLE, "close_reason_id",
				       "only the closing status takes a close reason");
		return 0;
	}
	if (reason_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "close_reason_id",
			       "closing the case needs a close reason");
	return case_setup_ref(c, SETUP_CLOSE_REASON, reason_id, "close_reason_id", reason, e);
}

/* case_status_of_type reads status id and checks it belongs to the status type. */
static int case_status_of_type(struct store_conn *c, int64_t id,
			       const struct store_setup_item *type, struct store_setup_item *st,
			       struct err *e)
{
	if (id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "status_id", "is required");
	int rc = case_setup_ref(c, SETUP_STATUS, id, "status_id", st, e);
	if (rc == 0 && st->parent_id != type->id)
		return err_set(e, ERR_UNPROCESSABLE, "status_id", "'%s' is not a status of %s",
			       st->name, type->name);
	return rc;
}

static int case_status_check_days(int64_t days, struct err *e)
{
	if (days < 0)
		return err_set(e, ERR_UNPROCESSABLE, "expected_days", "must be 0 or more");
	return 0;
}

int case_status_plan_make(struct store_conn *c, const struct case_status_fields *f,
			  struct case_status_plan *p, struct err *e)
{
	memset(p, 0, sizeof *p);
	if (!(f->present & CASE_STATUS_F_TYPE) || f->status_type_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "status_type_id", "is required");
	int rc = case_setup_ref(c, SETUP_STATUS_TYPE, f->status_type_id, "status_type_id", &p->type, e);
	if (rc == 0)
		rc = case_status_of_type(c, (f->present & CASE_STATUS_F_STATUS) ? f->status_id : 0,
					 &p->type, &p->status, e);
	if (rc == 0)
		rc = case_status_check_reason(c, &p->status,
					      (f->present & CASE_STATUS_F_CLOSE_REASON) ? f->close_reason_id : 0,
					      &p->reason, e);
	if (rc != 0)
		return rc;
	p->expected_days = (f->present & CASE_STATUS_F_EXPECTED_DAYS) ? f->expected_days : p->status.days;
	rc = case_status_check_days(p->expected_days, e);
	if (rc != 0)
		return rc;
	if ((f->present & CASE_STATUS_F_DATE) && f->date[0]) {
		if (!date_valid(f->date))
			return err_set(e, ERR_UNPROCESSABLE, "date", "must be a date YYYY-MM-DD");
		snprintf(p->date, sizeof p->date, "%s", f->date);
	} else {
		date_today(p->date);
	}
	if (f->present & CASE_STATUS_F_COMMENTS)
		snprintf(p->comments, sizeof p->comments, "%s", f->comments);
	if (p->status.closing)
		case_status_closed_note(p->comments, sizeof p->comments, p->reason.name);
	return 0;
}

/* ---- setting a status ------------------------------------------------------------------- */

/* case_status_stage_events moves the case's stage and writes case.closed / case.reopened when
 * its closed state changes. */
static int case_status_move_stage(struct store_conn *c, const struct actor *a,
				  const struct store_case *k, const struct store_setup_item *st,
				  const char *date, const char *reason, struct err *e)
{
	int rc = store_case_set_stage(c, k->id, st->id, st->closing ? date : "", clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "case", e);
	if (st->closing)
		return timeline_append(c, a, k->id, "case.closed", e, "Case closed: %s (%s)",
				       reason, date);
	if (k->closed_date[0])
		return timeline_append(c, a, k->id, "case.reopened", e, "Case reopened: %s (%s)",
				       st->name, date);
	return 0;
}

int case_status_apply(struct store_conn *c, const struct actor *a, const struct store_case *k,
		      const struct case_status_plan *p, struct store_case_status *out,
		      struct err *e)
{
	struct store_case_status cur;
	int rc = store_case_status_current(c, k->id, p->type.id, &cur);
	bool had = rc == STORE_OK;
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "case status", e);
	if (had && cur.status_id == p->status.id)
		return err_set(e, ERR_CONFLICT, "status_id", "the case's %s already is %s",
			       p->type.name, p->status.name);
	if (had) {
		rc = store_case_status_end(c, cur.id, p->date);
		if (rc != STORE_OK)
			return user_store_error(rc, "case status", e);
	}
	struct store_case_status row = {
		.case_id = k->id, .status_type_id = p->type.id, .status_id = p->status.id,
		.expected_days = p->expected_days, .current = true,
		.user_id = case_acting_user(a, k), .close_reason_id = p->reason.id,
	};
	snprintf(row.from_date, sizeof row.from_date, "%s", p->date);
	snprintf(row.comments, sizeof row.comments, "%s", p->comments);
	rc = store_case_status_insert(c, &row, clock_now());
	if (rc == STORE_CONFLICT)  /* a current row appeared since we looked */
		return err_set(e, ERR_BUSY, NULL, "the case changed meanwhile; try again");
	if (rc != STORE_OK)
		return user_store_error(rc, "case status", e);
	if (had)
		rc = timeline_append(c, a, k->id, "status.set", e, "%s: %s → %s (%s)", p->type.name,
				     cur.status_name, p->status.name, p->date);
	else
		rc = timeline_append(c, a, k->id, "status.set", e, "%s: %s (%s)", p->type.name,
				     p->status.name, p->date);
	if (rc == 0 && p->type.stage)
		rc = case_status_move_stage(c, a, k, &p->status, p->date, p->reason.name, e);
	if (rc != 0 || !out)
		return rc;
	return user_store_error(store_case_status_get(c, k->id, row.id, out), "case status", e);
}

struct case_status_tx {
	const struct actor *a;
	int64_t case_id, row_id, version;
	const struct case_status_fields *f;
	struct store_case_status *out;
};

/* case_status_start loads the case (404 first) and checks the right to change it. */
static int case_status_start(struct store_conn *c, const struct case_status_tx *t,
			     struct store_case *k, struct err *e)
{
	return case_load_for_edit(c, t->a, t->case_id, k, e);
}

static int case_status_set_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_status_tx *t = ctx;
	struct store_case k;
	struct case_status_plan p;
	int rc = case_status_start(c, t, &k, e);
	if (rc == 0)
		rc = case_status_plan_make(c, t->f, &p, e);
	if (rc == 0)
		rc = case_status_apply(c, t->a, &k, &p, t->out, e);
	return rc;
}

int case_status_set(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const struct case_status_fields *f, struct store_case_status *out,
		    struct err *e)
{
	struct case_status_tx t = {.a = a, .case_id = case_id, .f = f, .out = out};
	return store_tx_run(c, case_status_set_fn, &t, e);
}

/* ---- editing and removing a row --------------------------------------------------------- */

/* case_status_load_row reads a row of the case that is still current. */
static int case_status_load_row(struct store_conn *c, const struct case_status_tx *t,
				struct store_case_status *row, struct err *e)
{
	int rc = t->row_id > 0 ? store_case_status_get(c, t->case_id, t->row_id, row) : STORE_NOT_FOUND;
	if (rc != STORE_OK)
		return user_store_error(rc, "status row", e);
	if (!row->current)
		return err_set(e, ERR_CONFLICT, NULL,
			       "this %s row ended on %s; only current rows can change",
			       row->status_type_name, row->to_date);
	return 0;
}

/* case_status_edit_apply works out the edited row (next) from row and the request. */
static int case_status_edit_apply(struct store_conn *c, const struct case_status_fields *f,
				  const struct store_case_status *row, struct store_case_status *next,
				  struct store_setup_item *st, struct store_setup_item *reason,
				  struct err *e)
{
	*next = *row;
	struct store_setup_item type = {.id = row->status_type_id};
	snprintf(type.name, sizeof type.name, "%s", row->status_type_name);
	int rc = case_status_of_type(c, (f->present & CASE_STATUS_F_STATUS) ? f->status_id : row->status_id,
				     &type, st, e);
	if (rc != 0)
		return rc;
	next->status_id = st->id;
	int64_t reason_id = (f->present & CASE_STATUS_F_CLOSE_REASON) ? f->close_reason_id :
			    st->closing ? row->close_reason_id : 0;
	rc = case_status_check_reason(c, st, reason_id, reason, e);
	if (rc != 0)
		return rc;
	next->close_reason_id = reason->id;
	if (f->present & CASE_STATUS_F_EXPECTED_DAYS) {
		rc = case_status_check_days(f->expected_days, e);
		if (rc != 0)
			return rc;
		next->expected_days = f->expected_days;
	}
	if (f->present & CASE_STATUS_F_DATE) {
		if (!date_valid(f->date))
			return err_set(e, ERR_UNPROCESSABLE, "date", "must be a date YYYY-MM-DD");
		snprintf(next->from_date, sizeof next->from_date, "%s", f->date);
	}
	if (f->present & CASE_STATUS_F_COMMENTS)
		snprintf(next->comments, sizeof next->comments, "%s", f->comments);
	if (st->closing)
		case_status_closed_note(next->comments, sizeof next->comments, reason->name);
	else if (row->closing)
		case_status_closed_note(next->comments, sizeof next->comments, NULL);
	return 0;
}

static int case_status_edit_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_status_tx *t = ctx;
	struct store_case k;
	struct store_case_status row, next;
	struct store_setup_item st, reason;
	int rc = case_status_start(c, t, &k, e);
	if (rc == 0)
		rc = case_status_load_row(c, t, &row, e);
	if (rc != 0)
		return rc;
	if (row.version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the status row was changed meanwhile (version %lld); reload",
			       (long long)row.version);
	rc = case_status_edit_apply(c, t->f, &row, &next, &st, &reason, e);
	if (rc != 0)
		return rc;
	struct case_diff d = {0};
	char from[32], to[32];
	case_diff_text(&d, "status", row.status_name, st.name);
	case_diff_text(&d, "date", row.from_date, next.from_date);
	snprintf(from, sizeof from, "%" PRId64, row.expected_days);
	snprintf(to, sizeof to, "%" PRId64, next.expected_days);
	case_diff_text(&d, "expected days", from, to);
	case_diff_text(&d, "close reason", row.close_reason_name, reason.name);
	case_diff_long(&d, "comments", row.comments, next.comments);
	if (d.count == 0) {
		*t->out = row;
		return 0;
	}
	rc = store_case_status_update(c, &next);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the status row was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "status row", e);
	rc = timeline_append(c, t->a, k.id, "status.changed", e, "%s: %s", row.status_type_name, d.text);
	if (rc == 0 && row.stage && (row.status_id != next.status_id ||
				     (st.closing && strcmp(row.from_date, next.from_date) != 0) ||
				     row.close_reason_id != next.close_reason_id)) {
		if (st.closing && k.closed_date[0]) {
			/* still closed: only the stage, date or reason moved */
			rc = store_case_set_stage(c, k.id, st.id, next.from_date, clock_now());
			rc = user_store_error(rc, "case", e);
		} else {
			rc = case_status_move_stage(c, t->a, &k, &st, next.from_date, reason.name, e);
		}
	}
	if (rc != 0)
		return rc;
	return user_store_error(store_case_status_get(c, k.id, row.id, t->out), "status row", e);
}

int case_status_edit(struct store_conn *c, const struct actor *a, int64_t case_id,
		     int64_t row_id, int64_t version, const struct case_status_fields *f,
		     struct store_case_status *out, struct err *e)
{
	struct case_status_tx t = {.a = a, .case_id = case_id, .row_id = row_id,
				   .version = version, .f = f, .out = out};
	return store_tx_run(c, case_status_edit_fn, &t, e);
}

static int case_status_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_status_tx *t = ctx;
	struct store_case k;
	struct store_case_status row;
	int rc = case_status_start(c, t, &k, e);
	if (rc == 0)
		rc = case_status_load_row(c, t, &row, e);
	if (rc != 0)
		return rc;
	if (row.stage)
		return err_set(e, ERR_CONFLICT, NULL,
			       "the primary status (%s) cannot be removed; set another stage instead",
			       row.status_name);
	char end[DATE_LEN];
	date_today(end);
	if (date_days_between(end, row.from_date) > 0)
		snprintf(end, sizeof end, "%s", row.from_date);
	rc = store_case_status_end(c, row.id, end);
	if (rc != STORE_OK)
		return user_store_error(rc, "status row", e);
	return timeline_append(c, t->a, k.id, "status.removed", e, "%s: %s removed (%s)",
			       row.status_type_name, row.status_name, end);
}

int case_status_remove(struct store_conn *c, const struct actor *a, int64_t case_id,
		       int64_t row_id, struct err *e)
{
	struct case_status_tx t = {.a = a, .case_id = case_id, .row_id = row_id};
	return store_tx_run(c, case_status_remove_fn, &t, e);
}

/* ---- reads ------------------------------------------------------------------------------ */

int case_status_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		     store_case_status_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_case_status_list(c, case_id, each, ctx), "case statuses", e);
}

int case_status_history(struct store_conn *c, const struct actor *a, int64_t case_id,
			store_case_status_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_case_status_history(c, case_id, each, ctx),
				"case status history", e);
}
