/* appointment.c - rules for appointments on a case (see appointment.h): times, subject, the
 * people attending, and which ones are pending. Date-times arrive as Unix seconds (the API
 * reads ISO 8601 with note_parse_at, domain/note.h); the summary's list of pending ones is
 * domain/summary.c, which calls appointment_list. */
#include "domain/appointment.h"
#include "core/buf.h"
#include "core/clock.h"
#include "domain/case.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define APPOINTMENT_DEFAULT_LENGTH 3600   /* seconds: an hour */

bool appointment_is_pending(const struct store_appointment *ap, int64_t now)
{
	return !ap->completed || ap->starts_at >= now;
}

static int appointment_attendee_add(const struct store_attendee *at, void *ctx)
{
	struct appointment_detail *d = ctx;
	if (d->n_attendees < APPOINTMENT_ATTENDEES_MAX)
		d->attendees[d->n_attendees++] = *at;
	return 0;
}

/* appointment_attendees reads the attendees of appointment d->v into d. */
static int appointment_attendees(struct store_conn *c, struct appointment_detail *d)
{
	d->n_attendees = 0;
	return store_attendee_list(c, d->v.case_id, d->v.id, appointment_attendee_add, d);
}

/* appointment_read reads appointment id of a case with its attendees into d. */
static int appointment_read(struct store_conn *c, int64_t case_id, int64_t id,
			    struct appointment_detail *d, struct err *e)
{
	int rc = store_appointment_get(c, case_id, id, &d->v);
	if (rc == STORE_OK)
		rc = appointment_attendees(c, d);
	return user_store_error(rc, "appointment", e);
}

/* The appointments of a list, gathered before their attendees are read. */
struct appointment_rows {
	struct buf b;
	bool failed;   /* out of memory */
};

static int appointment_collect(const struct store_appointment *ap, void *ctx)
{
	struct appointment_rows *rows = ctx;
	rows->failed = buf_append(&rows->b, ap, sizeof *ap) != 0;
	return rows->failed;
}

int appointment_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		     bool pending_only, int64_t now, appointment_each_fn each, void *ctx,
		     struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	/* The appointments are read first and their attendees after, one statement at a time. */
	struct appointment_rows rows = {.failed = false};
	buf_init(&rows.b, 0);
	rc = user_store_error(store_appointment_list(c, case_id,
						     pending_only ? (now > 0 ? now : 1) : 0,
						     appointment_collect, &rows),
			      "appointments", e);
	if (rc == 0 && rows.failed)
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory");
	size_t n = rc == 0 ? rows.b.len / sizeof(struct store_appointment) : 0;
	struct appointment_detail *d = n ? malloc(sizeof *d) : NULL;
	if (n && !d)
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		memcpy(&d->v, rows.b.data + i * sizeof d->v, sizeof d->v);
		rc = user_store_error(appointment_attendees(c, d), "attendees", e);
		if (rc == 0 && each(d, ctx) != 0)
			rc = err_set(e, ERR_INTERNAL, NULL, "stopped");
	}
	free(d);
	buf_cleanup(&rows.b);
	return rc;
}

int appointment_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    struct appointment_detail *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return appointment_read(c, case_id, id, out, e);
}

/* ---- checking what is asked for --------------------------------------------------------- */

/* appointment_check_attendee: attendee i is exactly one of an existing user and an existing
 * contact, and not someone already listed before it. */
static int appointment_check_attendee(struct store_conn *c, const struct appointment_detail *d,
				      int i, struct err *e)
{
	const struct store_attendee *at = &d->attendees[i];
	char field[48];
	snprintf(field, sizeof field, "attendees[%d].%s", i,
		 at->contact_id > 0 && at->user_id <= 0 ? "contact_id" : "user_id");
	if ((at->user_id > 0) == (at->contact_id > 0))
		return err_set(e, ERR_UNPROCESSABLE, field,
			       "give exactly one of user_id and contact_id");
	for (int j = 0; j < i; j++)
		if (d->attendees[j].user_id == at->user_id &&
		    d->attendees[j].contact_id == at->contact_id)
			return err_set(e, ERR_UNPROCESSABLE, field, "is attending already (attendees[%d])",
				       j);
	int rc;
	if (at->user_id > 0) {
		struct store_user u;
		rc = store_user_get(c, at->user_id, &u);
	} else {
		struct store_contact ct;
		rc = store_contact_get(c, at->contact_id, &ct);
	}
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, field, "there is no %s %lld",
			       at->user_id > 0 ? "user" : "contact",
			       (long long)(at->user_id > 0 ? at->user_id : at->contact_id));
	return user_store_error(rc, "attendee", e);
}

static int appointment_check_attendees(struct store_conn *c, const struct appointment_detail *d,
				       struct err *e)
{
	if (d->n_attendees < 0 || d->n_attendees > APPOINTMENT_ATTENDEES_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "attendees", "at most %d people",
			       APPOINTMENT_ATTENDEES_MAX);
	for (int i = 0; i < d->n_attendees; i++) {
		int rc = appointment_check_attendee(c, d, i, e);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* appointment_apply copies the given members of f into ap and checks them: subject not blank
 * (trimmed), the end not before the start. A new start without a new end keeps the length; an
 * end given as 0 is the start plus an hour. */
static int appointment_apply(const struct appointment_fields *f, struct store_appointment *ap,
			     bool adding, struct err *e)
{
	const struct store_appointment *v = &f->d.v;
	if (adding && !(f->present & APPOINTMENT_F_STARTS_AT))
		return err_set(e, ERR_UNPROCESSABLE, "starts_at", "is required");
	if (adding && !(f->present & APPOINTMENT_F_SUBJECT))
		return err_set(e, ERR_UNPROCESSABLE, "subject", "is required");
	int64_t length = adding ? APPOINTMENT_DEFAULT_LENGTH : ap->ends_at - ap->starts_at;
	if (f->present & APPOINTMENT_F_STARTS_AT) {
		if (v->starts_at == 0)
			return err_set(e, ERR_UNPROCESSABLE, "starts_at", "is required");
		ap->starts_at = v->starts_at;
		ap->ends_at = v->starts_at + length;
	}
	if (f->present & APPOINTMENT_F_ENDS_AT)
		ap->ends_at = v->ends_at ? v->ends_at : ap->starts_at + APPOINTMENT_DEFAULT_LENGTH;
	if (ap->ends_at < ap->starts_at)
		return err_set(e, ERR_UNPROCESSABLE, "ends_at", "must not be before starts_at");
	if (f->present & APPOINTMENT_F_SUBJECT) {
		snprintf(ap->subject, sizeof ap->subject, "%s", v->subject);
		if (!setup_trim(ap->subject))
			return err_set(e, ERR_UNPROCESSABLE, "subject", "must not be empty");
	}
	if (f->present & APPOINTMENT_F_COMMENTS)
		snprintf(ap->comments, sizeof ap->comments, "%s", v->comments);
	if (f->present & APPOINTMENT_F_COMPLETED)
		ap->completed = v->completed;
	return 0;
}

/* ---- describing a change ---------------------------------------------------------------- */

/* appointment_when writes t as the firm's local "YYYY-MM-DD HH:MM" into out. */
static void appointment_when(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || strftime(out, 32, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, 32, "%lld", (long long)t);
}

/* appointment_people lists the attendees' names, "A, B, C" ("" for none). */
static void appointment_people(const struct appointment_detail *d, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < d->n_attendees && len < size; i++) {
		int n = snprintf(out + len, size - len, "%s%s", i ? ", " : "", d->attendees[i].name);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

static bool appointment_same_people(const struct appointment_detail *a,
				    const struct appointment_detail *b)
{
	if (a->n_attendees != b->n_attendees)
		return false;
	for (int i = 0; i < a->n_attendees; i++)
		if (a->attendees[i].user_id != b->attendees[i].user_id ||
		    a->attendees[i].contact_id != b->attendees[i].contact_id)
			return false;
	return true;
}

/* appointment_describe names what differs between a and b. */
static void appointment_describe(const struct appointment_detail *a,
				 const struct appointment_detail *b, struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	char x[32], y[32];
	appointment_when(a->v.starts_at, x);
	appointment_when(b->v.starts_at, y);
	case_diff_text(d, "starts", x, y);
	appointment_when(a->v.ends_at, x);
	appointment_when(b->v.ends_at, y);
	case_diff_text(d, "ends", x, y);
	case_diff_text(d, "subject", a->v.subject, b->v.subject);
	case_diff_long(d, "comments", a->v.comments, b->v.comments);
	if (a->v.completed != b->v.completed)
		case_diff_add(d, "completed", a->v.completed ? "yes" : "no",
			      b->v.completed ? "yes" : "no");
	if (!appointment_same_people(a, b)) {
		char pa[400], pb[400];
		appointment_people(a, pa, sizeof pa);
		appointment_people(b, pb, sizeof pb);
		case_diff_add(d, "attendees", pa, pb);
	}
}

/* ---- changes ---------------------------------------------------------------------------- */

struct appointment_tx {
	const struct actor *a;
	int64_t case_id, id, version;
	const struct appointment_fields *f;
	struct appointment_detail *out;
	struct appointment_detail old, d;   /* the row as read and as it becomes */
};

/* appointment_event writes 'Appointment "<subject>" on <start> <what>'. */
static int appointment_event(struct store_conn *c, const struct appointment_tx *x,
			     const char *type, const char *what,
			     const struct store_appointment *ap, struct err *e)
{
	char when[32];
	appointment_when(ap->starts_at, when);
	return timeline_append(c, x->a, x->case_id, type, e, "Appointment \"%s\" on %s %s",
			       ap->subject, when, what);
}

/* appointment_write_people replaces the attendees with those of x->f and checks them. */
static int appointment_write_people(struct store_conn *c, struct appointment_tx *x,
				    int64_t id, struct err *e)
{
	int rc = appointment_check_attendees(c, &x->f->d, e);
	if (rc != 0)
		return rc;
	rc = store_attendees_set(c, x->case_id, id, x->f->d.attendees, x->f->d.n_attendees);
	return user_store_error(rc, "attendees", e);
}

static int appointment_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct appointment_tx *x = ctx;
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc != 0)
		return rc;
	struct store_appointment *ap = &x->d.v;
	memset(ap, 0, sizeof *ap);
	ap->case_id = x->case_id;
	rc = appointment_apply(x->f, ap, true, e);
	if (rc != 0)
		return rc;
	ap->created_by = case_acting_user(x->a, &k);
	rc = store_appointment_insert(c, ap, clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "appointment", e);
	if (x->f->present & APPOINTMENT_F_ATTENDEES)
		rc = appointment_write_people(c, x, ap->id, e);
	if (rc == 0)
		rc = appointment_read(c, x->case_id, ap->id, x->out, e);
	if (rc != 0)
		return rc;
	char people[400], what[420];
	appointment_people(x->out, people, sizeof people);
	snprintf(what, sizeof what, "added%s%s%s", people[0] ? " (" : "", people,
		 people[0] ? ")" : "");
	return appointment_event(c, x, "appointment.added", what, &x->out->v, e);
}

int appointment_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const struct appointment_fields *f, struct appointment_detail *out,
		    struct err *e)
{
	struct appointment_tx x = {.a = a, .case_id = case_id, .f = f, .out = out};
	return store_tx_run(c, appointment_add_fn, &x, e);
}

/* appointment_open loads the case for a change and reads the appointment into x->old. */
static int appointment_open(struct store_conn *c, struct appointment_tx *x, struct err *e)
{
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc != 0)
		return rc;
	return appointment_read(c, x->case_id, x->id, &x->old, e);
}

static int appointment_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct appointment_tx *x = ctx;
	int rc = appointment_open(c, x, e);
	if (rc != 0)
		return rc;
	if (x->old.v.version != x->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the appointment was changed meanwhile (version %lld); reload",
			       (long long)x->old.v.version);
	x->d = x->old;
	rc = appointment_apply(x->f, &x->d.v, false, e);
	if (rc != 0)
		return rc;
	bool people = x->f->present & APPOINTMENT_F_ATTENDEES;
	if (people) {
		x->d.n_attendees = x->f->d.n_attendees;
		memcpy(x->d.attendees, x->f->d.attendees,
		       sizeof x->d.attendees[0] * (size_t)(x->d.n_attendees > 0 ? x->d.n_attendees : 0));
		people = !appointment_same_people(&x->old, &x->d);
	}
	struct case_diff d;
	appointment_describe(&x->old, &x->d, &d);
	if (d.count == 0) {
		*x->out = x->old;   /* nothing changes: nothing is written, the version stays */
		return 0;
	}
	rc = store_appointment_update(c, &x->d.v, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the appointment was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "appointment", e);
	if (people)
		rc = appointment_write_people(c, x, x->id, e);
	if (rc == 0)
		rc = appointment_read(c, x->case_id, x->id, x->out, e);
	if (rc != 0)
		return rc;
	appointment_describe(&x->old, x->out, &d);   /* again, with the attendees' names */
	char when[32];
	appointment_when(x->old.v.starts_at, when);
	return timeline_append(c, x->a, x->case_id, "appointment.changed", e,
			       "Appointment \"%s\" on %s: %s", x->old.v.subject, when, d.text);
}

int appointment_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       int64_t version, const struct appointment_fields *f,
		       struct appointment_detail *out, struct err *e)
{
	struct appointment_tx x = {.a = a, .case_id = case_id, .id = id, .version = version,
				   .f = f, .out = out};
	return store_tx_run(c, appointment_update_fn, &x, e);
}

static int appointment_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct appointment_tx *x = ctx;
	int rc = appointment_open(c, x, e);
	if (rc != 0)
		return rc;
	rc = store_appointment_delete(c, x->id);
	if (rc != STORE_OK)
		return user_store_error(rc, "appointment", e);
	return appointment_event(c, x, "appointment.removed", "removed", &x->old.v, e);
}

int appointment_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       struct err *e)
{
	struct appointment_tx x = {.a = a, .case_id = case_id, .id = id};
	return store_tx_run(c, appointment_remove_fn, &x, e);
}
