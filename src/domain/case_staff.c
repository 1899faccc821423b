/* case_staff.c - rules for who works on a case (see case_staff.h). The rows live in the store's
 * case_staff table; the timeline events are written through domain/timeline.c in the same
 * transaction as each change. */
#include "domain/case_staff.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/rights.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <stdio.h>
#include <string.h>

struct case_staff_tx {
	const struct actor *a;
	int64_t case_id, row_id, version;
	const struct case_staff_fields *f;
	struct store_case_staff *out;
};

/* case_staff_check_person: exactly one of user_id / contact_id, and it exists. */
static int case_staff_check_person(struct store_conn *c, int64_t user_id, int64_t contact_id,
				   struct err *e)
{
	if ((user_id > 0) == (contact_id > 0))
		return err_set(e, ERR_UNPROCESSABLE, "user_id",
			       "give exactly one of user_id and contact_id");
	int rc;
	if (user_id > 0) {
		struct store_user u;
		rc = store_user_get(c, user_id, &u);
		if (rc == STORE_NOT_FOUND)
			return err_set(e, ERR_UNPROCESSABLE, "user_id", "there is no user %lld",
				       (long long)user_id);
		return user_store_error(rc, "user", e);
	}
	struct store_contact ct;
	rc = store_contact_get(c, contact_id, &ct);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, "contact_id", "there is no contact %lld",
			       (long long)contact_id);
	return user_store_error(rc, "contact", e);
}

static int case_staff_check_role(struct store_conn *c, int64_t role_id, struct err *e)
{
	struct store_setup_item role;
	return case_setup_ref(c, SETUP_ROLE, role_id, "role_id", &role, e);
}

/* case_staff_start loads the case and checks the right to change it (in that order, so a case
 * the actor may not see is not found before anything else). */
static int case_staff_start(struct store_conn *c, const struct case_staff_tx *t, struct err *e)
{
	struct store_case k;
	return case_load_for_edit(c, t->a, t->case_id, &k, e);
}

/* case_staff_insert_row writes a new current row and reads it back (with the names joined in)
 * into t->out. */
static int case_staff_insert_row(struct store_conn *c, struct case_staff_tx *t,
				 struct store_case_staff *s, struct err *e)
{
	int rc = store_case_staff_insert(c, s);
	if (rc != STORE_OK)
		return user_store_error(rc, "staff", e);
	return user_store_error(store_case_staff_get(c, t->case_id, s->id, t->out), "staff", e);
}

static int case_staff_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_staff_tx *t = ctx;
	const struct case_staff_fields *f = t->f;
	int rc = case_staff_start(c, t, e);
	if (rc == 0)
		rc = case_staff_check_person(c, f->user_id, f->contact_id, e);
	if (rc == 0)
		rc = case_staff_check_role(c, f->role_id, e);
	if (rc != 0)
		return rc;
	struct store_case_staff s;
	memset(&s, 0, sizeof s);
	s.case_id = t->case_id;
	s.user_id = f->user_id;
	s.contact_id = f->contact_id;
	s.role_id = f->role_id;
	s.current = true;
	if (f->present & CASE_STAFF_F_COMMENTS)
		snprintf(s.comments, sizeof s.comments, "%s", f->comments);
	if ((f->present & CASE_STAFF_F_DATE) && f->date[0])
		snprintf(s.from_date, sizeof s.from_date, "%s", f->date);
	else
		date_today(s.from_date);
	rc = case_staff_insert_row(c, t, &s, e);
	if (rc != 0)
		return rc;
	return timeline_append(c, t->a, t->case_id, "staff.added", e, "%s: %s added",
			       t->out->role_name, t->out->person_name);
}

/* case_staff_check_fields checks what can be checked without the database. */
static int case_staff_check_fields(const struct case_staff_fields *f, struct err *e)
{
	if ((f->present & CASE_STAFF_F_DATE) && f->date[0] && !date_valid(f->date))
		return err_set(e, ERR_UNPROCESSABLE, "date", "must be a date YYYY-MM-DD");
	if ((f->present & CASE_STAFF_F_COMMENTS) && strlen(f->comments) > STORE_COMMENTS_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "comments", "must be at most %d bytes long",
			       STORE_COMMENTS_MAX);
	return 0;
}

int case_staff_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		   const struct case_staff_fields *f, struct store_case_staff *out, struct err *e)
{
	if (!(f->present & CASE_STAFF_F_ROLE))
		return err_set(e, ERR_UNPROCESSABLE, "role_id", "is required");
	int rc = case_staff_check_fields(f, e);
	if (rc != 0)
		return rc;
	struct case_staff_tx t = {.a = a, .case_id = case_id, .f = f, .out = out};
	return store_tx_run(c, case_staff_add_fn, &t, e);
}

/* case_staff_open_row loads the case, checks the right, and reads current row t->row_id into
 * row: ERR_NOT_FOUND when the case has no such row, ERR_CONFLICT when it has ended. */
static int case_staff_open_row(struct store_conn *c, struct case_staff_tx *t,
			       struct store_case_staff *row, struct err *e)
{
	int rc = case_staff_start(c, t, e);
	if (rc != 0)
		return rc;
	rc = store_case_staff_get(c, t->case_id, t->row_id, row);
	if (rc != STORE_OK)
		return user_store_error(rc, "staff assignment", e);
	if (!row->current)
		return err_set(e, ERR_CONFLICT, NULL,
			       "the assignment ended on %s; it cannot be changed", row->to_date);
	return 0;
}

/* case_staff_new_person works out the person an edit asks for: a given user replaces a contact
 * and the other way round; giving both, or clearing the only one, is refused by the check. */
static void case_staff_new_person(const struct case_staff_fields *f,
				  const struct store_case_staff *old, int64_t *user_id,
				  int64_t *contact_id)
{
	*user_id = old->user_id;
	*contact_id = old->contact_id;
	if (f->present & CASE_STAFF_F_USER) {
		*user_id = f->user_id;
		if (f->user_id > 0 && !(f->present & CASE_STAFF_F_CONTACT))
			*contact_id = 0;
	}
	if (f->present & CASE_STAFF_F_CONTACT) {
		*contact_id = f->contact_id;
		if (f->contact_id > 0 && !(f->present & CASE_STAFF_F_USER))
			*user_id = 0;
	}
}

static int case_staff_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_staff_tx *t = ctx;
	const struct case_staff_fields *f = t->f;
	struct store_case_staff old;
	int rc = case_staff_open_row(c, t, &old, e);
	if (rc != 0)
		return rc;
	if (old.version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the assignment was changed meanwhile (version %lld); reload",
			       (long long)old.version);
	struct store_case_staff s = old;
	case_staff_new_person(f, &old, &s.user_id, &s.contact_id);
	if (f->present & CASE_STAFF_F_ROLE)
		s.role_id = f->role_id;
	if (f->present & CASE_STAFF_F_COMMENTS)
		snprintf(s.comments, sizeof s.comments, "%s", f->comments);
	bool new_person = s.user_id != old.user_id || s.contact_id != old.contact_id;
	bool new_role = s.role_id != old.role_id;
	if (new_person)
		rc = case_staff_check_person(c, s.user_id, s.contact_id, e);
	if (rc == 0 && new_role)
		rc = case_staff_check_role(c, s.role_id, e);
	if (rc != 0)
		return rc;

	if (!new_person && !new_role) {
		*t->out = old;
		if (strcmp(s.comments, old.comments) == 0)
			return 0;   /* nothing to change */
		rc = store_case_staff_update(c, &s);
		if (rc == STORE_CONFLICT)
			return err_set(e, ERR_CONFLICT, "header.If-Match",
				       "the assignment was changed meanwhile; reload");
		if (rc != STORE_OK)
			return user_store_error(rc, "staff assignment", e);
		*t->out = s;
		return timeline_append(c, t->a, t->case_id, "staff.changed", e,
				       "%s: %s: comments changed", s.role_name, s.person_name);
	}

	/* A new person or role: the old assignment ends today and a new one starts. */
	char today[DATE_LEN];
	date_today(today);
	rc = store_case_staff_end(c, old.id, today);
	if (rc != STORE_OK)
		return user_store_error(rc, "staff assignment", e);
	s.id = 0;
	s.version = 0;
	s.current = true;
	s.to_date[0] = '\0';
	snprintf(s.from_date, sizeof s.from_date, "%s", today);
	rc = case_staff_insert_row(c, t, &s, e);
	if (rc != 0)
		return rc;
	return timeline_append(c, t->a, t->case_id, "staff.changed", e, "%s: %s changed to %s: %s",
			       old.role_name, old.person_name, t->out->role_name,
			       t->out->person_name);
}

int case_staff_update(struct store_conn *c, const struct actor *a, int64_t case_id,
		      int64_t row_id, int64_t version, const struct case_staff_fields *f,
		      struct store_case_staff *out, struct err *e)
{
	if (f->present & CASE_STAFF_F_DATE)
		return err_set(e, ERR_UNPROCESSABLE, "date",
			       "cannot be changed; a change of person or role starts a new row today");
	int rc = case_staff_check_fields(f, e);
	if (rc != 0)
		return rc;
	struct case_staff_tx t = {.a = a, .case_id = case_id, .row_id = row_id,
				  .version = version, .f = f, .out = out};
	return store_tx_run(c, case_staff_update_fn, &t, e);
}

static int case_staff_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_staff_tx *t = ctx;
	struct store_case_staff row;
	int rc = case_staff_open_row(c, t, &row, e);
	if (rc != 0)
		return rc;
	char today[DATE_LEN];
	date_today(today);
	rc = store_case_staff_end(c, row.id, today);
	if (rc != STORE_OK)
		return user_store_error(rc, "staff assignment", e);
	return timeline_append(c, t->a, t->case_id, "staff.removed", e, "%s: %s removed",
			       row.role_name, row.person_name);
}

int case_staff_remove(struct store_conn *c, const struct actor *a, int64_t case_id,
		      int64_t row_id, struct err *e)
{
	struct case_staff_tx t = {.a = a, .case_id = case_id, .row_id = row_id};
	return store_tx_run(c, case_staff_remove_fn, &t, e);
}

int case_staff_list(struct store_conn *c, const struct actor *a, int64_t case_id, bool history,
		    store_case_staff_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_case_staff_list(c, case_id, history, each, ctx), "staff", e);
}
