/* court.c - PostgreSQL rows of case_court and court_personnel: the courts a case is before
 * (court contact, docket number, filing date) and the people of each (judge, clerk, ...).
 *
 * Mirrors ../sqlite/court.c. The checks (a court contact, at most 32 personnel) are
 * domain/court.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_court(const PGresult *r, int row, void *out)
{
	struct store_court *ct = out;
	ct->id = pg_i64(r, row, 0);
	ct->case_id = pg_i64(r, row, 1);
	ct->court_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, ct->docket_number, sizeof ct->docket_number);
	pg_text(r, row, 4, ct->filing_date, sizeof ct->filing_date);
	ct->version = pg_i64(r, row, 5);
	pg_text(r, row, 6, ct->court_name, sizeof ct->court_name);
}

/* pg_bind_court_fields binds the court, the docket number and the filing date. */
static void pg_bind_court_fields(struct pg_params *p, const struct store_court *ct)
{
	pg_p_i64(p, ct->court_id);
	pg_p_text(p, ct->docket_number);
	pg_p_text(p, ct->filing_date);
}

int pg_court_insert(struct store_conn *base, struct store_court *ct)
{
	struct pg_params p = {0};
	pg_p_i64(&p, ct->case_id);
	pg_bind_court_fields(&p, ct);
	int rc = pg_insert_id(pg_conn(base), PG_COURT_INSERT, &p, &ct->id);
	if (rc == STORE_OK)
		ct->version = 1;
	return rc;
}

int pg_court_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_court *ct)
{
	return pg_one_ids(pg_conn(base), PG_COURT_GET, case_id, id, pg_read_court, ct);
}

int pg_court_update(struct store_conn *base, struct store_court *ct)
{
	struct pg_params p = {0};
	pg_p_i64(&p, ct->id);
	pg_p_i64(&p, ct->case_id);
	pg_bind_court_fields(&p, ct);
	pg_p_i64(&p, ct->version);
	return pg_update_versioned(pg_conn(base), PG_COURT_UPDATE, &p, &ct->version, NULL, NULL);
}

/* pg_court_delete removes the court row with its personnel, in one statement. */
int pg_court_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_COURT_DELETE, id);
}

struct pg_court_walk {
	store_court_each_fn each;
	void *ctx;
};

static int pg_visit_court(const PGresult *r, int row, void *ctx)
{
	struct pg_court_walk *w = ctx;
	struct store_court ct;
	memset(&ct, 0, sizeof ct);
	pg_read_court(r, row, &ct);
	return w->each(&ct, w->ctx);
}

int pg_court_list(struct store_conn *base, int64_t case_id, store_court_each_fn each, void *ctx)
{
	struct pg_court_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_COURT_LIST, case_id, pg_visit_court, &w);
}

/* The personnel being written, for pg_bind_court_person. */
struct pg_court_person_rows {
	int64_t case_id;
	int64_t case_court_id;
	const struct store_court_person *rows;
};

static void pg_bind_court_person(struct pg_params *p, int i, const void *ctx)
{
	const struct pg_court_person_rows *a = ctx;
	pg_p_i64(p, a->case_id);
	pg_p_i64(p, a->case_court_id);
	pg_p_i64(p, a->rows[i].contact_id);
	pg_p_text(p, a->rows[i].role);
}

/* pg_court_personnel_set: STORE_NOT_FOUND when the court row is not one of case_id's (nothing
 * changes then). */
int pg_court_personnel_set(struct store_conn *base, int64_t case_id, int64_t case_court_id,
			   const struct store_court_person *rows, int n)
{
	struct pg_params key = {0};
	pg_p_i64(&key, case_id);
	pg_p_i64(&key, case_court_id);
	struct pg_court_person_rows a = {case_id, case_court_id, rows};
	return pg_rows_replace(pg_conn(base), PG_COURT_PERSONNEL_CLEAR, &key,
			       PG_COURT_PERSON_INSERT, n, pg_bind_court_person, &a);
}

struct pg_court_person_walk {
	store_court_person_each_fn each;
	void *ctx;
};

static int pg_visit_court_person(const PGresult *r, int row, void *ctx)
{
	struct pg_court_person_walk *w = ctx;
	struct store_court_person cp;
	memset(&cp, 0, sizeof cp);
	cp.id = pg_i64(r, row, 0);
	cp.case_court_id = pg_i64(r, row, 1);
	cp.contact_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, cp.role, sizeof cp.role);
	pg_text(r, row, 4, cp.name, sizeof cp.name);
	return w->each(&cp, w->ctx);
}

int pg_court_personnel_list(struct store_conn *base, int64_t case_id, int64_t case_court_id,
			    store_court_person_each_fn each, void *ctx)
{
	struct pg_court_person_walk w = {each, ctx};
	return pg_each_ids(pg_conn(base), PG_COURT_PERSONNEL_LIST, case_id, case_court_id,
			   pg_visit_court_person, &w);
}
