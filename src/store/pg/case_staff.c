/* case_staff.c - PostgreSQL rows of case_staff: who works on a case (a user or a contact) in
 * which role, from when to when.
 *
 * Mirrors ../sqlite/case_staff.c. Changing the person or the role ends a row and starts
 * another; that rule, and the timeline events, are in domain/case_staff.c. Current staff also
 * decide which cases an advisor sees (the scope in case.c). */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_case_staff(const PGresult *r, int row, void *out)
{
	struct store_case_staff *s = out;
	s->id = pg_i64(r, row, 0);
	s->case_id = pg_i64(r, row, 1);
	s->user_id = pg_i64(r, row, 2);
	s->contact_id = pg_i64(r, row, 3);
	s->role_id = pg_i64(r, row, 4);
	pg_text(r, row, 5, s->comments, sizeof s->comments);
	pg_text(r, row, 6, s->from_date, sizeof s->from_date);
	pg_text(r, row, 7, s->to_date, sizeof s->to_date);
	s->current = pg_bool(r, row, 8);
	s->version = pg_i64(r, row, 9);
	pg_text(r, row, 10, s->person_name, sizeof s->person_name);
	pg_text(r, row, 11, s->role_name, sizeof s->role_name);
	pg_text(r, row, 12, s->role_category, sizeof s->role_category);
}

int pg_case_staff_insert(struct store_conn *base, struct store_case_staff *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, s->case_id);
	pg_p_i64(&p, s->user_id);
	pg_p_i64(&p, s->contact_id);
	pg_p_i64(&p, s->role_id);
	pg_p_text(&p, s->comments);
	pg_p_text(&p, s->from_date);
	int rc = pg_insert_id(pg_conn(base), PG_CASE_STAFF_INSERT, &p, &s->id);
	if (rc == STORE_OK) {
		s->to_date[0] = '\0';
		s->current = true;
		s->version = 1;
	}
	return rc;
}

int pg_case_staff_get(struct store_conn *base, int64_t case_id, int64_t id,
		      struct store_case_staff *s)
{
	return pg_one_ids(pg_conn(base), PG_CASE_STAFF_GET, case_id, id, pg_read_case_staff,
			  s);
}

int pg_case_staff_update(struct store_conn *base, struct store_case_staff *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, s->id);
	pg_p_i64(&p, s->case_id);
	pg_p_text(&p, s->comments);
	pg_p_i64(&p, s->version);
	return pg_update_versioned(pg_conn(base), PG_CASE_STAFF_UPDATE, &p, &s->version, NULL,
				   NULL);
}

int pg_case_staff_end(struct store_conn *base, int64_t id, const char *to_date)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, to_date);
	return pg_exec_write(pg_conn(base), PG_CASE_STAFF_END, &p, 1);
}

struct pg_case_staff_walk {
	store_case_staff_each_fn each;
	void *ctx;
};

static int pg_visit_case_staff(const PGresult *r, int row, void *ctx)
{
	struct pg_case_staff_walk *w = ctx;
	struct store_case_staff s;
	memset(&s, 0, sizeof s);
	pg_read_case_staff(r, row, &s);
	return w->each(&s, w->ctx);
}

int pg_case_staff_list(struct store_conn *base, int64_t case_id, bool history,
		       store_case_staff_each_fn each, void *ctx)
{
	struct pg_case_staff_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), history ? PG_CASE_STAFF_HISTORY : PG_CASE_STAFF_LIST,
			  case_id, pg_visit_case_staff, &w);
}
