/* appointment.c - SQLite rows of appointment and appointment_attendee: a case's meetings and
 * hearings (start, end, subject, completed) and who attends them (staff users or contacts).
 *
 * Which appointments are pending and the checks on attendees (one of user / contact, no one
 * twice) are domain/appointment.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_appointment(sqlite3_stmt *st, void *row)
{
	struct store_appointment *ap = row;
	ap->id = sqlite3_column_int64(st, 0);
	ap->case_id = sqlite3_column_int64(st, 1);
	ap->starts_at = sqlite3_column_int64(st, 2);
	ap->ends_at = sqlite3_column_int64(st, 3);
	sq_text(st, 4, ap->subject, sizeof ap->subject);
	sq_text(st, 5, ap->comments, sizeof ap->comments);
	ap->completed = sqlite3_column_int(st, 6) != 0;
	ap->created_by = sqlite3_column_int64(st, 7);
	ap->version = sqlite3_column_int64(st, 8);
	ap->created_at = sqlite3_column_int64(st, 9);
	ap->updated_at = sqlite3_column_int64(st, 10);
}

/* sq_bind_appointment_fields binds ?3 starts_at .. ?7 completed (APPOINTMENT_FIELDS in
 * catalogue.c) and ?9 now. */
static void sq_bind_appointment_fields(sqlite3_stmt *st, const struct store_appointment *ap,
				       int64_t now)
{
	sqlite3_bind_int64(st, 3, ap->starts_at);
	sqlite3_bind_int64(st, 4, ap->ends_at);
	sqlite3_bind_text(st, 5, ap->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ap->comments, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, ap->completed);
	sqlite3_bind_int64(st, 9, now);
}

int sqlite_appointment_insert(struct store_conn *base, struct store_appointment *ap, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_APPOINTMENT_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, ap->case_id);
	sq_bind_appointment_fields(st, ap, now);
	sqlite3_bind_int64(st, 8, ap->created_by);
	int rc = sq_insert_id(c, st, &ap->id);
	if (rc == STORE_OK) {
		ap->version = 1;
		ap->created_at = now;
		ap->updated_at = now;
	}
	return rc;
}

int sqlite_appointment_get(struct store_conn *base, int64_t case_id, int64_t id,
			   struct store_appointment *ap)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_APPOINTMENT_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_appointment, ap) : STORE_ERROR;
}

int sqlite_appointment_update(struct store_conn *base, struct store_appointment *ap, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_APPOINTMENT_UPDATE, SQ_APPOINTMENT_GET, ap->case_id, ap->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_appointment_fields(st, ap, now);
	sqlite3_bind_int64(st, 8, ap->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK) {
		ap->version++;
		ap->updated_at = now;
	}
	return rc;
}

/* sqlite_appointment_delete removes the attendees first; inside the caller's transaction. */
int sqlite_appointment_delete(struct store_conn *base, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	int rc = sq_write_of(c, SQ_ATTENDEES_CLEAR, id);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return rc;
	return sq_write_of(c, SQ_APPOINTMENT_DELETE, id);
}

struct sq_appointment_walk {
	store_appointment_each_fn each;
	void *ctx;
};

static int sq_visit_appointment(sqlite3_stmt *st, void *ctx)
{
	struct sq_appointment_walk *w = ctx;
	struct store_appointment ap;
	sq_read_appointment(st, &ap);
	return w->each(&ap, w->ctx);
}

int sqlite_appointment_list(struct store_conn *base, int64_t case_id, int64_t pending_from,
			    store_appointment_each_fn each, void *ctx)
{
	struct sq_appointment_walk w = {each, ctx};
	return sq_each_ids(sq_conn(base), SQ_APPOINTMENT_LIST, case_id, pending_from,
			   sq_visit_appointment, &w);
}

/* sq_bind_attendee binds ?3 user and ?4 contact of SQ_ATTENDEE_INSERT. */
static void sq_bind_attendee(sqlite3_stmt *st, const void *rows, int i)
{
	const struct store_attendee *at = (const struct store_attendee *)rows + i;
	sqlite3_bind_int64(st, 3, at->user_id);
	sqlite3_bind_int64(st, 4, at->contact_id);
}

/* sqlite_attendees_set: STORE_NOT_FOUND when the appointment is not one of case_id's (nothing
 * changes then); an attendee with both or neither of user / contact breaks a CHECK
 * (STORE_ERROR). */
int sqlite_attendees_set(struct store_conn *base, int64_t case_id, int64_t appointment_id,
			 const struct store_attendee *rows, int n)
{
	struct store_appointment ap;
	int rc = sqlite_appointment_get(base, case_id, appointment_id, &ap);
	if (rc != STORE_OK)
		return rc;
	return sq_replace_rows(sq_conn(base), SQ_ATTENDEES_CLEAR, SQ_ATTENDEE_INSERT,
			       appointment_id, case_id, sq_bind_attendee, rows, n);
}

struct sq_attendee_walk {
	store_attendee_each_fn each;
	void *ctx;
};

static int sq_visit_attendee(sqlite3_stmt *st, void *ctx)
{
	struct sq_attendee_walk *w = ctx;
	struct store_attendee at;
	at.id = sqlite3_column_int64(st, 0);
	at.appointment_id = sqlite3_column_int64(st, 1);
	at.user_id = sqlite3_column_int64(st, 2);
	at.contact_id = sqlite3_column_int64(st, 3);
	sq_text(st, 4, at.name, sizeof at.name);
	return w->each(&at, w->ctx);
}

int sqlite_attendee_list(struct store_conn *base, int64_t case_id, int64_t appointment_id,
			 store_attendee_each_fn each, void *ctx)
{
	struct sq_attendee_walk w = {each, ctx};
	return sq_each_ids(sq_conn(base), SQ_ATTENDEE_LIST, case_id, appointment_id,
			   sq_visit_attendee, &w);
}
