/* appointment.c - PostgreSQL rows of appointment and appointment_attendee: a case's meetings
 * and hearings (start, end, subject, completed) and who attends them (staff users or contacts).
 *
 * Mirrors ../sqlite/appointment.c. Which appointments are pending and the checks on attendees
 * (one of user / contact, no one twice) are domain/appointment.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_appointment(const PGresult *r, int row, void *out)
{
	struct store_appointment *ap = out;
	ap->id = pg_i64(r, row, 0);
	ap->case_id = pg_i64(r, row, 1);
	ap->starts_at = pg_i64(r, row, 2);
	ap->ends_at = pg_i64(r, row, 3);
	pg_text(r, row, 4, ap->subject, sizeof ap->subject);
	pg_text(r, row, 5, ap->comments, sizeof ap->comments);
	ap->completed = pg_bool(r, row, 6);
	ap->created_by = pg_i64(r, row, 7);
	ap->version = pg_i64(r, row, 8);
	ap->created_at = pg_i64(r, row, 9);
	ap->updated_at = pg_i64(r, row, 10);
}

/* pg_bind_appointment_fields binds $3 starts_at .. $7 completed (APPOINTMENT_FIELDS in
 * catalogue_summary.c), then now as $8. */
static void pg_bind_appointment_fields(struct pg_params *p, const struct store_appointment *ap,
				       int64_t now)
{
	pg_p_i64(p, ap->starts_at);
	pg_p_i64(p, ap->ends_at);
	pg_p_text(p, ap->subject);
	pg_p_text(p, ap->comments);
	pg_p_bool(p, ap->completed);
	pg_p_i64(p, now);
}

int pg_appointment_insert(struct store_conn *base, struct store_appointment *ap, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, ap->case_id);
	pg_p_i64(&p, ap->created_by);
	pg_bind_appointment_fields(&p, ap, now);
	int rc = pg_insert_id(pg_conn(base), PG_APPOINTMENT_INSERT, &p, &ap->id);
	if (rc == STORE_OK) {
		ap->version = 1;
		ap->created_at = now;
		ap->updated_at = now;
	}
	return rc;
}

int pg_appointment_get(struct store_conn *base, int64_t case_id, int64_t id,
		       struct store_appointment *ap)
{
	return pg_one_ids(pg_conn(base), PG_APPOINTMENT_GET, case_id, id, pg_read_appointment, ap);
}

int pg_appointment_update(struct store_conn *base, struct store_appointment *ap, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, ap->id);
	pg_p_i64(&p, ap->case_id);
	pg_bind_appointment_fields(&p, ap, now);
	pg_p_i64(&p, ap->version);
	int rc = pg_update_versioned(pg_conn(base), PG_APPOINTMENT_UPDATE, &p, &ap->version, NULL,
				     NULL);
	if (rc == STORE_OK)
		ap->updated_at = now;
	return rc;
}

/* pg_appointment_delete removes the appointment with its attendees, in one statement. */
int pg_appointment_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_APPOINTMENT_DELETE, id);
}

struct pg_appointment_walk {
	store_appointment_each_fn each;
	void *ctx;
};

static int pg_visit_appointment(const PGresult *r, int row, void *ctx)
{
	struct pg_appointment_walk *w = ctx;
	struct store_appointment ap;
	memset(&ap, 0, sizeof ap);
	pg_read_appointment(r, row, &ap);
	return w->each(&ap, w->ctx);
}

int pg_appointment_list(struct store_conn *base, int64_t case_id, int64_t pending_from,
			store_appointment_each_fn each, void *ctx)
{
	struct pg_appointment_walk w = {each, ctx};
	return pg_each_ids(pg_conn(base), PG_APPOINTMENT_LIST, case_id, pending_from,
			   pg_visit_appointment, &w);
}

/* The attendees being written, for pg_bind_attendee. */
struct pg_attendee_rows {
	int64_t case_id;
	int64_t appointment_id;
	const struct store_attendee *rows;
};

static void pg_bind_attendee(struct pg_params *p, int i, const void *ctx)
{
	const struct pg_attendee_rows *a = ctx;
	pg_p_i64(p, a->case_id);
	pg_p_i64(p, a->appointment_id);
	pg_p_i64(p, a->rows[i].user_id);
	pg_p_i64(p, a->rows[i].contact_id);
}

/* pg_attendees_set: STORE_NOT_FOUND when the appointment is not one of case_id's (nothing
 * changes then); an attendee with both or neither of user / contact breaks a CHECK
 * (STORE_ERROR). */
int pg_attendees_set(struct store_conn *base, int64_t case_id, int64_t appointment_id,
		     const struct store_attendee *rows, int n)
{
	struct pg_params key = {0};
	pg_p_i64(&key, case_id);
	pg_p_i64(&key, appointment_id);
	struct pg_attendee_rows a = {case_id, appointment_id, rows};
	return pg_rows_replace(pg_conn(base), PG_ATTENDEES_CLEAR, &key, PG_ATTENDEE_INSERT, n,
			       pg_bind_attendee, &a);
}

struct pg_attendee_walk {
	store_attendee_each_fn each;
	void *ctx;
};

static int pg_visit_attendee(const PGresult *r, int row, void *ctx)
{
	struct pg_attendee_walk *w = ctx;
	struct store_attendee at;
	memset(&at, 0, sizeof at);
	at.id = pg_i64(r, row, 0);
	at.appointment_id = pg_i64(r, row, 1);
	at.user_id = pg_i64(r, row, 2);
	at.contact_id = pg_i64(r, row, 3);
	pg_text(r, row, 4, at.name, sizeof at.name);
	return w->each(&at, w->ctx);
}

int pg_attendee_list(struct store_conn *base, int64_t case_id, int64_t appointment_id,
		     store_attendee_each_fn each, void *ctx)
{
	struct pg_attendee_walk w = {each, ctx};
	return pg_each_ids(pg_conn(base), PG_ATTENDEE_LIST, case_id, appointment_id,
			   pg_visit_attendee, &w);
}
