/* court.c - rules for the courts and dockets of a case (see court.h): the court contact, the
 * docket number, the filing date and the court personnel with their roles. Contacts
 * themselves are domain/contact.c; the summary's list of courts is domain/summary.c. */
#include "domain/court.h"
#include "core/buf.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int court_person_add(const struct store_court_person *p, void *ctx)
{
	struct court_detail *d = ctx;
	if (d->n_personnel < COURT_PERSONNEL_MAX)
		d->personnel[d->n_personnel++] = *p;
	return 0;
}

/* court_personnel reads the personnel of court row d->v into d. */
static int court_personnel(struct store_conn *c, struct court_detail *d)
{
	d->n_personnel = 0;
	return store_court_personnel_list(c, d->v.case_id, d->v.id, court_person_add, d);
}

/* court_read reads court row id of a case with its personnel into d. */
static int court_read(struct store_conn *c, int64_t case_id, int64_t id, struct court_detail *d,
		      struct err *e)
{
	int rc = store_court_get(c, case_id, id, &d->v);
	if (rc == STORE_OK)
		rc = court_personnel(c, d);
	return user_store_error(rc, "court", e);
}

/* The court rows of a list, gathered before their personnel are read. */
struct court_rows {
	struct buf b;
	bool failed;   /* out of memory */
};

static int court_collect(const struct store_court *ct, void *ctx)
{
	struct court_rows *rows = ctx;
	rows->failed = buf_append(&rows->b, ct, sizeof *ct) != 0;
	return rows->failed;
}

int court_list(struct store_conn *c, const struct actor *a, int64_t case_id, court_each_fn each,
	       void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	/* The rows are read first and their personnel after, one statement at a time. */
	struct court_rows rows = {.failed = false};
	buf_init(&rows.b, 0);
	rc = user_store_error(store_court_list(c, case_id, court_collect, &rows), "courts", e);
	if (rc == 0 && rows.failed)
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory");
	size_t n = rc == 0 ? rows.b.len / sizeof(struct store_court) : 0;
	struct court_detail *d = n ? malloc(sizeof *d) : NULL;
	if (n && !d)
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		memcpy(&d->v, rows.b.data + i * sizeof d->v, sizeof d->v);
		rc = user_store_error(court_personnel(c, d), "court personnel", e);
		if (rc == 0 && each(d, ctx) != 0)
			rc = err_set(e, ERR_INTERNAL, NULL, "stopped");
	}
	free(d);
	buf_cleanup(&rows.b);
	return rc;
}

int court_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
	      struct court_detail *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return court_read(c, case_id, id, out, e);
}

/* ---- checking what is asked for --------------------------------------------------------- */

/* court_check_contact: id names an existing contact (else 422 on field). */
static int court_check_contact(struct store_conn *c, int64_t id, const char *field,
			       struct err *e)
{
	struct store_contact ct;
	int rc = id > 0 ? store_contact_get(c, id, &ct) : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, field, "there is no contact %lld",
			       (long long)id);
	return user_store_error(rc, "contact", e);
}

/* court_check_personnel: at most COURT_PERSONNEL_MAX, each an existing contact (the roles are
 * trimmed in place). */
static int court_check_personnel(struct store_conn *c, struct court_detail *d, struct err *e)
{
	if (d->n_personnel < 0 || d->n_personnel > COURT_PERSONNEL_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "personnel", "at most %d people",
			       COURT_PERSONNEL_MAX);
	for (int i = 0; i < d->n_personnel; i++) {
		char field[48];
		snprintf(field, sizeof field, "personnel[%d].contact_id", i);
		int rc = court_check_contact(c, d->personnel[i].contact_id, field, e);
		if (rc != 0)
			return rc;
		setup_trim(d->personnel[i].role);
	}
	return 0;
}

/* court_apply copies the given members of f into ct and checks what needs no database. */
static int court_apply(const struct court_fields *f, struct store_court *ct, struct err *e)
{
	const struct store_court *v = &f->d.v;
	if (f->present & COURT_F_COURT)
		ct->court_id = v->court_id;
	if (f->present & COURT_F_DOCKET) {
		snprintf(ct->docket_number, sizeof ct->docket_number, "%s", v->docket_number);
		setup_trim(ct->docket_number);
	}
	if (f->present & COURT_F_FILING_DATE) {
		if (v->filing_date[0] && !date_valid(v->filing_date))
			return err_set(e, ERR_UNPROCESSABLE, "filing_date", "must be a date YYYY-MM-DD");
		snprintf(ct->filing_date, sizeof ct->filing_date, "%s", v->filing_date);
	}
	return 0;
}

/* ---- describing a change ---------------------------------------------------------------- */

/* court_people lists the personnel, "Judge: A. Judge, Clerk: B. Clerk" ("" for none). */
static void court_people(const struct court_detail *d, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < d->n_personnel && len < size; i++) {
		const struct store_court_person *p = &d->personnel[i];
		int n = snprintf(out + len, size - len, "%s%s%s%s", i ? ", " : "", p->role,
				 p->role[0] ? ": " : "", p->name);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

static bool court_same_people(const struct court_detail *a, const struct court_detail *b)
{
	if (a->n_personnel != b->n_personnel)
		return false;
	for (int i = 0; i < a->n_personnel; i++)
		if (a->personnel[i].contact_id != b->personnel[i].contact_id ||
		    strcmp(a->personnel[i].role, b->personnel[i].role) != 0)
			return false;
	return true;
}

/* court_describe names what differs between a and b. */
static void court_describe(const struct court_detail *a, const struct court_detail *b,
			   struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	if (a->v.court_id != b->v.court_id)
		case_diff_add(d, "court", a->v.court_name, b->v.court_name);
	case_diff_text(d, "docket number", a->v.docket_number, b->v.docket_number);
	case_diff_text(d, "filing date", a->v.filing_date, b->v.filing_date);
	if (!court_same_people(a, b)) {
		char pa[400], pb[400];
		court_people(a, pa, sizeof pa);
		court_people(b, pb, sizeof pb);
		case_diff_add(d, "personnel", pa, pb);
	}
}

/* ---- changes ---------------------------------------------------------------------------- */

struct court_tx {
	const struct actor *a;
	int64_t case_id, id, version;
	const struct court_fields *f;
	struct court_detail *out;
	struct court_detail old, d;   /* the row as read and as it becomes */
};

/* court_event writes "Court <name> (docket <number>) <what>". */
static int court_event(struct store_conn *c, const struct court_tx *x, const char *type,
		       const char *what, const struct store_court *ct, struct err *e)
{
	return timeline_append(c, x->a, x->case_id, type, e, "Court %s%s%s%s %s", ct->court_name,
			       ct->docket_number[0] ? " (docket " : "", ct->docket_number,
			       ct->docket_number[0] ? ")" : "", what);
}

/* court_write_people checks x->d's personnel and makes them the row's. */
static int court_write_people(struct store_conn *c, struct court_tx *x, int64_t id,
			      struct err *e)
{
	int rc = court_check_personnel(c, &x->d, e);
	if (rc != 0)
		return rc;
	rc = store_court_personnel_set(c, x->case_id, id, x->d.personnel, x->d.n_personnel);
	return user_store_error(rc, "court personnel", e);
}

/* court_take_people copies the personnel asked for into x->d. */
static void court_take_people(struct court_tx *x)
{
	int n = x->f->d.n_personnel;
	x->d.n_personnel = n;
	if (n > 0 && n <= COURT_PERSONNEL_MAX)
		memcpy(x->d.personnel, x->f->d.personnel, sizeof x->d.personnel[0] * (size_t)n);
}

static int court_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct court_tx *x = ctx;
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc != 0)
		return rc;
	memset(&x->d, 0, sizeof x->d);
	x->d.v.case_id = x->case_id;
	if (!(x->f->present & COURT_F_COURT))
		return err_set(e, ERR_UNPROCESSABLE, "court_id", "is required");
	rc = court_apply(x->f, &x->d.v, e);
	if (rc == 0)
		rc = court_check_contact(c, x->d.v.court_id, "court_id", e);
	if (rc != 0)
		return rc;
	rc = store_court_insert(c, &x->d.v);
	if (rc != STORE_OK)
		return user_store_error(rc, "court", e);
	if (x->f->present & COURT_F_PERSONNEL) {
		court_take_people(x);
		rc = court_write_people(c, x, x->d.v.id, e);
	}
	if (rc == 0)
		rc = court_read(c, x->case_id, x->d.v.id, x->out, e);
	if (rc != 0)
		return rc;
	char people[400], what[420];
	court_people(x->out, people, sizeof people);
	snprintf(what, sizeof what, "added%s%s%s", people[0] ? " (" : "", people,
		 people[0] ? ")" : "");
	return court_event(c, x, "court.added", what, &x->out->v, e);
}

int court_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	      const struct court_fields *f, struct court_detail *out, struct err *e)
{
	struct court_tx x = {.a = a, .case_id = case_id, .f = f, .out = out};
	return store_tx_run(c, court_add_fn, &x, e);
}

/* court_open loads the case for a change and reads the row into x->old. */
static int court_open(struct store_conn *c, struct court_tx *x, struct err *e)
{
	struct store_case k;
	int rc = case_load_for_edit(c, x->a, x->case_id, &k, e);
	if (rc != 0)
		return rc;
	return court_read(c, x->case_id, x->id, &x->old, e);
}

static int court_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct court_tx *x = ctx;
	int rc = court_open(c, x, e);
	if (rc != 0)
		return rc;
	if (x->old.v.version != x->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the court row was changed meanwhile (version %lld); reload",
			       (long long)x->old.v.version);
	x->d = x->old;
	rc = court_apply(x->f, &x->d.v, e);
	if (rc == 0 && x->d.v.court_id != x->old.v.court_id)
		rc = court_check_contact(c, x->d.v.court_id, "court_id", e);
	if (rc != 0)
		return rc;
	if (x->f->present & COURT_F_PERSONNEL) {
		court_take_people(x);
		for (int i = 0; i < x->d.n_personnel && i < COURT_PERSONNEL_MAX; i++)
			setup_trim(x->d.personnel[i].role);
	}
	bool people = !court_same_people(&x->old, &x->d);
	bool row = x->d.v.court_id != x->old.v.court_id ||
		   strcmp(x->d.v.docket_number, x->old.v.docket_number) != 0 ||
		   strcmp(x->d.v.filing_date, x->old.v.filing_date) != 0;
	if (!people && !row) {
		*x->out = x->old;   /* nothing changes: nothing is written, the version stays */
		return 0;
	}
	rc = store_court_update(c, &x->d.v);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the court row was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "court", e);
	if (people)
		rc = court_write_people(c, x, x->id, e);
	if (rc == 0)
		rc = court_read(c, x->case_id, x->id, x->out, e);
	if (rc != 0)
		return rc;
	struct case_diff d;
	court_describe(&x->old, x->out, &d);
	return timeline_append(c, x->a, x->case_id, "court.changed", e, "Court %s: %s",
			       x->old.v.court_name, d.text);
}

int court_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		 int64_t version, const struct court_fields *f, struct court_detail *out,
		 struct err *e)
{
	struct court_tx x = {.a = a, .case_id = case_id, .id = id, .version = version, .f = f,
			     .out = out};
	return store_tx_run(c, court_update_fn, &x, e);
}

static int court_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct court_tx *x = ctx;
	int rc = court_open(c, x, e);
	if (rc != 0)
		return rc;
	rc = store_court_delete(c, x->id);
	if (rc != STORE_OK)
		return user_store_error(rc, "court", e);
	return court_event(c, x, "court.removed", "removed", &x->old.v, e);
}

int court_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		 struct err *e)
{
	struct court_tx x = {.a = a, .case_id = case_id, .id = id};
	return store_tx_run(c, court_remove_fn, &x, e);
}
