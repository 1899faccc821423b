/* conn.c - SQLite connections: opening with the durability settings of defaults.md, the
 * per-connection statement cache and the small helpers every concept file uses (sqlite.h),
 * transactions, migrations and the integrity check.
 *
 * Row-level calls live in the concept files beside this one (user.c, session.c, case.c, ...);
 * the table of them is at the end of this file. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void sq_set_error(struct sqlite_conn *c, const char *what)
{
	snprintf(c->base.last_error, sizeof c->base.last_error, "%s: %s", what,
		 c->db ? sqlite3_errmsg(c->db) : "no connection");
}

int sq_rc(struct sqlite_conn *c, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return STORE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_RETRY;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return STORE_CONFLICT;
		sq_set_error(c, "constraint");
		return STORE_ERROR;
	default:
		sq_set_error(c, "sqlite");
		return STORE_ERROR;
	}
}

sqlite3_stmt *sq_stmt(struct sqlite_conn *c, enum sq_id id)
{
	sqlite3_stmt *st = c->stmt[id];
	if (!st) {
		int rc = sqlite3_prepare_v3(c->db, sq_sql(id), -1, SQLITE_PREPARE_PERSISTENT,
					    &st, NULL);
		if (rc != SQLITE_OK) {
			sq_set_error(c, "prepare");
			return NULL;
		}
		c->stmt[id] = st;
	}
	return st;
}

void sq_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

int sq_exec_write(struct sqlite_conn *c, sqlite3_stmt *st, int need_change)
{
	int rc = sqlite3_step(st);
	int out = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? STORE_OK : sq_rc(c, sqlite3_extended_errcode(c->db));
	if (out == STORE_OK && need_change && sqlite3_changes(c->db) == 0)
		out = STORE_NOT_FOUND;
	sq_done(st);
	return out;
}

void sq_text(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

void sq_bind_cents(sqlite3_stmt *st, int param, int64_t cents)
{
	if (cents < 0)
		sqlite3_bind_null(st, param);
	else
		sqlite3_bind_int64(st, param, cents);
}

void sq_blob32(sqlite3_stmt *st, int col, unsigned char dst[32])
{
	const void *b = sqlite3_column_blob(st, col);
	if (b && sqlite3_column_bytes(st, col) == 32)
		memcpy(dst, b, 32);
	else
		memset(dst, 0, 32);
}

int sq_count(struct sqlite_conn *c, sqlite3_stmt *st, int64_t *out)
{
	int rc = sqlite3_step(st);
	int res = STORE_OK;
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		res = sq_rc(c, sqlite3_extended_errcode(c->db));
	sq_done(st);
	return res;
}

int sq_update_versioned(struct sqlite_conn *c, sqlite3_stmt *st, sqlite3_stmt *exists)
{
	int rc = sq_exec_write(c, st, 1);
	if (rc == STORE_NOT_FOUND) {
		int step = sqlite3_step(exists);
		if (step == SQLITE_ROW)
			rc = STORE_CONFLICT;
		else if (step != SQLITE_DONE)
			rc = sq_rc(c, sqlite3_extended_errcode(c->db));
	}
	sq_done(exists);
	return rc;
}

int sq_update_stmts(struct sqlite_conn *c, enum sq_id update, enum sq_id get, int64_t a,
		    int64_t b, sqlite3_stmt **st, sqlite3_stmt **exists)
{
	*st = sq_stmt_ids(c, update, a, b);
	*exists = sq_stmt_ids(c, get, a, b);
	if (*st && *exists)
		return STORE_OK;
	sq_done(*st);
	sq_done(*exists);
	return STORE_ERROR;
}

int sq_replace_rows(struct sqlite_conn *c, enum sq_id clear, enum sq_id insert, int64_t a,
		    int64_t b, sq_bind_row_fn bind, const void *rows, int n)
{
	int rc = sq_write_of(c, clear, a);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return rc;
	for (int i = 0; i < n; i++) {
		sqlite3_stmt *st = sq_stmt_ids(c, insert, a, b);
		if (!st)
			return STORE_ERROR;
		bind(st, rows, i);
		rc = sq_exec_write(c, st, 0);
		if (rc != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

int sq_usage(struct sqlite_conn *c, const struct sq_use *uses, int n, int64_t id, char where[64],
	     int64_t *count)
{
	where[0] = '\0';
	*count = 0;
	for (int i = 0; i < n; i++) {
		sqlite3_stmt *st = sq_stmt(c, uses[i].count);
		if (!st)
			return STORE_ERROR;
		sqlite3_bind_int64(st, 1, id);
		int rc = sq_count(c, st, count);
		if (rc != STORE_OK)
			return rc;
		if (*count > 0) {
			snprintf(where, 64, "%s", uses[i].where);
			return STORE_OK;
		}
	}
	return STORE_OK;
}

sqlite3_stmt *sq_stmt_ids(struct sqlite_conn *c, enum sq_id id, int64_t a, int64_t b)
{
	sqlite3_stmt *st = sq_stmt(c, id);
	if (st) {
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
	}
	return st;
}

int sq_write_of(struct sqlite_conn *c, enum sq_id id, int64_t arg)
{
	sqlite3_stmt *st = sq_stmt(c, id);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, arg);
	return sq_exec_write(c, st, 1);
}

int sq_each_of(struct sqlite_conn *c, enum sq_id id, int64_t arg, sq_visit_fn visit, void *ctx)
{
	sqlite3_stmt *st = sq_stmt(c, id);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, arg);
	return sq_each(c, st, visit, ctx);
}

int sq_each_ids(struct sqlite_conn *c, enum sq_id id, int64_t a, int64_t b, sq_visit_fn visit,
		void *ctx)
{
	sqlite3_stmt *st = sq_stmt_ids(c, id, a, b);
	if (!st)
		return STORE_ERROR;
	return sq_each(c, st, visit, ctx);
}

int sq_one(struct sqlite_conn *c, sqlite3_stmt *st, sq_row_fn read, void *row)
{
	int rc = sqlite3_step(st), out;
	if (rc == SQLITE_ROW) {
		read(st, row);
		out = STORE_OK;
	} else {
		out = rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_rc(c, sqlite3_extended_errcode(c->db));
	}
	sq_done(st);
	return out;
}

int sq_insert_id(struct sqlite_conn *c, sqlite3_stmt *st, int64_t *id)
{
	int rc = sqlite3_step(st), out = STORE_OK;
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		out = sq_rc(c, sqlite3_extended_errcode(c->db));
	sq_done(st);
	return out;
}

int sq_each(struct sqlite_conn *c, sqlite3_stmt *st, sq_visit_fn visit, void *ctx)
{
	int rc, out = STORE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (visit(st, ctx) != 0)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		out = sq_rc(c, sqlite3_extended_errcode(c->db));
	sq_done(st);
	return out;
}

/* sq_pragma runs one setting statement at open; these are fixed text, not input. */
static int sq_pragma(struct sqlite_conn *c, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(c->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "db", "could not apply %s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return ERR_INTERNAL;
	}
	return 0;
}

static int sqlite_connect(const char *url, struct store_conn **out, struct err *e)
{
	struct sqlite_conn *c = calloc(1, sizeof *c);
	if (!c)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	const char *path = strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
		    SQLITE_OPEN_EXRESCODE;
	if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "db", "cannot open %s: %s", path,
			c->db ? sqlite3_errmsg(c->db) : "out of memory");
		sqlite3_close(c->db);
		free(c);
		return ERR_INTERNAL;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, 5000);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	static const char *const settings[] = {
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=FULL",
		"PRAGMA foreign_keys=ON",
		"PRAGMA secure_delete=ON",
		"PRAGMA trusted_schema=OFF",
		"PRAGMA journal_size_limit=67108864",
	};
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		if (sq_pragma(c, settings[i], e) != 0) {
			sqlite3_close(c->db);
			free(c);
			return ERR_INTERNAL;
		}
	}
	*out = &c->base;
	return 0;
}

static void sqlite_disconnect(struct store_conn *base)
{
	struct sqlite_conn *c = sq_conn(base);
	for (int i = 0; i < SQ__COUNT; i++)
		sqlite3_finalize(c->stmt[i]);
	sqlite3_close(c->db);
	free(c);
}

static int sqlite_simple(struct store_conn *base, enum sq_id id)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, id);
	if (!st)
		return STORE_ERROR;
	return sq_exec_write(c, st, 0);
}

static int sqlite_begin(struct store_conn *c) { return sqlite_simple(c, SQ_BEGIN_IMMEDIATE); }
static int sqlite_commit(struct store_conn *c) { return sqlite_simple(c, SQ_COMMIT); }

static void sqlite_rollback(struct store_conn *base)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sqlite3_get_autocommit(c->db))
		sqlite_simple(base, SQ_ROLLBACK);
}

/* sqlite_bulk gives c a 32 MiB page cache (store_bulk); the pragma is fixed text. */
static int sqlite_bulk(struct store_conn *base)
{
	struct sqlite_conn *c = sq_conn(base);
	if (sqlite3_exec(c->db, "PRAGMA cache_size=-32768", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(base->last_error, sizeof base->last_error, "%s", sqlite3_errmsg(c->db));
		return STORE_ERROR;
	}
	return STORE_OK;
}

static int sqlite_check(struct store_conn *base, struct err *e)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = NULL;
	int ok = 0;
	if (sqlite3_prepare_v2(c->db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		ok = t && strcmp((const char *)t, "ok") == 0;
		if (!ok)
			err_set(e, ERR_INTERNAL, "db", "quick_check: %s", t ? (const char *)t : "?");
	} else {
		err_set(e, ERR_INTERNAL, "db", "quick_check failed: %s", sqlite3_errmsg(c->db));
	}
	sqlite3_finalize(st);
	return ok ? 0 : ERR_INTERNAL;
}

/* ---- migrations ------------------------------------------------------------------------- */

#define SQ_MAX_MIGRATIONS 256

static int sq_latest(const struct embed_file **list, struct err *e)
{
	int n = store_migrations_for("sqlite", list, SQ_MAX_MIGRATIONS);
	if (n < 0)
		return err_set(e, ERR_INTERNAL, NULL, "the SQLite migrations are not numbered 0001.. without gaps");
	return n;
}

static int sq_ensure_version_table(struct sqlite_conn *c, struct err *e)
{
	return sq_pragma(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
			    "name TEXT NOT NULL, applied_at INTEGER NOT NULL)", e);
}

static int sq_read_version(struct sqlite_conn *c, int *current, struct err *e)
{
	sqlite3_stmt *st = sq_stmt(c, SQ_SCHEMA_VERSION);
	int64_t v = 0;
	if (!st || sq_count(c, st, &v) != STORE_OK)
		return err_set(e, ERR_INTERNAL, "db", "cannot read the schema version: %s", c->base.last_error);
	*current = (int)v;
	return 0;
}

int sqlite_schema_version(struct store_conn *base, int *current, int *latest, struct err *e)
{
	struct sqlite_conn *c = sq_conn(base);
	const struct embed_file *list[SQ_MAX_MIGRATIONS];
	int n = sq_latest(list, e);
	if (n < 0)
		return ERR_INTERNAL;
	*latest = n;
	if (sq_ensure_version_table(c, e) != 0)
		return ERR_INTERNAL;
	return sq_read_version(c, current, e);
}

int sqlite_migrate(struct store_conn *base, int *from, int *to, struct err *e)
{
	struct sqlite_conn *c = sq_conn(base);
	int current = 0, latest = 0;
	const struct embed_file *list[SQ_MAX_MIGRATIONS];
	if (sqlite_schema_version(base, &current, &latest, e) != 0)
		return ERR_INTERNAL;
	if (from)
		*from = current;
	if (to)
		*to = current;
	if (current > latest)
		return err_set(e, ERR_CONFLICT, "db",
			       "the database has schema version %d but this caseload knows only up to %d; "
			       "use a newer caseload", current, latest);
	sq_latest(list, e);
	for (int v = current + 1; v <= latest; v++) {
		if (sq_pragma(c, "BEGIN IMMEDIATE", e) != 0)
			return ERR_INTERNAL;
		char *msg = NULL;
		if (sqlite3_exec(c->db, (const char *)list[v - 1]->data, NULL, NULL, &msg) != SQLITE_OK) {
			err_set(e, ERR_INTERNAL, "db", "migration %s failed: %s", list[v - 1]->name,
				msg ? msg : "?");
			sqlite3_free(msg);
			sqlite_rollback(base);
			return ERR_INTERNAL;
		}
		sqlite3_stmt *st = sq_stmt(c, SQ_SCHEMA_RECORD);
		if (!st) {
			sqlite_rollback(base);
			return err_set(e, ERR_INTERNAL, "db", "%s", c->base.last_error);
		}
		sqlite3_bind_int(st, 1, v);
		sqlite3_bind_text(st, 2, list[v - 1]->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
		if (sq_exec_write(c, st, 0) != STORE_OK || sqlite_commit(base) != STORE_OK) {
			sqlite_rollback(base);
			return err_set(e, ERR_INTERNAL, "db", "recording migration %d failed", v);
		}
		if (to)
			*to = v;
	}
	return 0;
}

const struct store_backend store_sqlite_backend = {
	.name = "sqlite",
	.connect = sqlite_connect,
	.disconnect = sqlite_disconnect,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.migrate = sqlite_migrate,
	.schema_version = sqlite_schema_version,
	.check = sqlite_check,
	.bulk = sqlite_bulk,

	.user_insert = sqlite_user_insert,
	.user_get = sqlite_user_get,
	.user_get_by_login = sqlite_user_get_by_login,
	.user_update = sqlite_user_update,
	.user_set_password = sqlite_user_set_password,
	.user_list = sqlite_user_list,
	.user_count = sqlite_user_count,

	.right_set = sqlite_right_set,
	.right_clear = sqlite_right_clear,
	.right_list = sqlite_right_list,

	.session_insert = sqlite_session_insert,
	.session_get = sqlite_session_get,
	.session_touch = sqlite_session_touch,
	.session_delete = sqlite_session_delete,
	.session_delete_user = sqlite_session_delete_user,
	.session_purge = sqlite_session_purge,

	.token_insert = sqlite_token_insert,
	.token_get_by_hash = sqlite_token_get_by_hash,
	.token_list = sqlite_token_list,
	.token_delete = sqlite_token_delete,
	.token_touch = sqlite_token_touch,

	.login_attempt_add = sqlite_login_attempt_add,
	.login_failures = sqlite_login_failures,
	.login_attempts_by_login = sqlite_login_attempts_by_login,
	.login_attempts_by_ip = sqlite_login_attempts_by_ip,
	.login_attempt_purge = sqlite_login_attempt_purge,

	.office_insert = sqlite_office_insert,
	.office_get = sqlite_office_get,
	.office_update = sqlite_office_update,
	.office_delete = sqlite_office_delete,
	.office_list = sqlite_office_list,
	.office_usage = sqlite_office_usage,
	.office_logo_set = sqlite_office_logo_set,
	.office_logo_get = sqlite_office_logo_get,

	.setting_get = sqlite_setting_get,
	.setting_set = sqlite_setting_set,
	.counter_next = sqlite_counter_next,

	.setup_insert = sqlite_setup_insert,
	.setup_get = sqlite_setup_get,
	.setup_update = sqlite_setup_update,
	.setup_delete = sqlite_setup_delete,
	.setup_list = sqlite_setup_list,
	.setup_usage = sqlite_setup_usage,
	.stage_first = sqlite_stage_first,

	.contact_insert = sqlite_contact_insert,
	.contact_get = sqlite_contact_get,
	.contact_update = sqlite_contact_update,
	.contact_delete = sqlite_contact_delete,
	.contact_list = sqlite_contact_list,
	.contact_usage = sqlite_contact_usage,

	.case_insert = sqlite_case_insert,
	.case_get = sqlite_case_get,
	.case_get_by_number = sqlite_case_get_by_number,
	.case_update = sqlite_case_update,
	.case_set_stage = sqlite_case_set_stage,
	.case_delete = sqlite_case_delete,
	.case_list = sqlite_case_list,

	.value_change_add = sqlite_value_change_add,
	.value_change_list = sqlite_value_change_list,

	.case_status_insert = sqlite_case_status_insert,
	.case_status_get = sqlite_case_status_get,
	.case_status_current = sqlite_case_status_current,
	.case_status_end = sqlite_case_status_end,
	.case_status_update = sqlite_case_status_update,
	.case_status_list = sqlite_case_status_list,
	.case_status_history = sqlite_case_status_history,

	.case_staff_insert = sqlite_case_staff_insert,
	.case_staff_get = sqlite_case_staff_get,
	.case_staff_update = sqlite_case_staff_update,
	.case_staff_end = sqlite_case_staff_end,
	.case_staff_list = sqlite_case_staff_list,

	.note_insert = sqlite_note_insert,
	.note_get = sqlite_note_get,
	.note_update = sqlite_note_update,
	.note_delete = sqlite_note_delete,
	.note_list = sqlite_note_list,

	.event_last = sqlite_event_last,
	.event_insert = sqlite_event_insert,
	.event_list = sqlite_event_list,
	.event_walk_all = sqlite_event_walk_all,

	.related_add = sqlite_related_add,
	.related_remove = sqlite_related_remove,
	.related_list = sqlite_related_list,
	.other_cases = sqlite_other_cases,

	.party_insert = sqlite_party_insert,
	.party_get = sqlite_party_get,
	.party_delete = sqlite_party_delete,
	.party_list = sqlite_party_list,

	.contact_channels_set = sqlite_contact_channels_set,
	.contact_channel_list = sqlite_contact_channel_list,
	.contact_addresses_set = sqlite_contact_addresses_set,
	.contact_address_list = sqlite_contact_address_list,
	.party_update = sqlite_party_update,
	.insurance_insert = sqlite_insurance_insert,
	.insurance_get = sqlite_insurance_get,
	.insurance_update = sqlite_insurance_update,
	.insurance_delete = sqlite_insurance_delete,
	.insurance_list = sqlite_insurance_list,
	.lien_insert = sqlite_lien_insert,
	.lien_get = sqlite_lien_get,
	.lien_update = sqlite_lien_update,
	.lien_delete = sqlite_lien_delete,
	.lien_list = sqlite_lien_list,
	.bankruptcy_insert = sqlite_bankruptcy_insert,
	.bankruptcy_get = sqlite_bankruptcy_get,
	.bankruptcy_update = sqlite_bankruptcy_update,
	.bankruptcy_delete = sqlite_bankruptcy_delete,
	.bankruptcy_list = sqlite_bankruptcy_list,
	.task_insert = sqlite_task_insert,
	.task_get = sqlite_task_get,
	.task_update = sqlite_task_update,
	.task_delete = sqlite_task_delete,
	.task_list = sqlite_task_list,
	.appointment_insert = sqlite_appointment_insert,
	.appointment_get = sqlite_appointment_get,
	.appointment_update = sqlite_appointment_update,
	.appointment_delete = sqlite_appointment_delete,
	.appointment_list = sqlite_appointment_list,
	.attendees_set = sqlite_attendees_set,
	.attendee_list = sqlite_attendee_list,
	.deadline_insert = sqlite_deadline_insert,
	.deadline_get = sqlite_deadline_get,
	.deadline_update = sqlite_deadline_update,
	.deadline_delete = sqlite_deadline_delete,
	.deadline_list = sqlite_deadline_list,
	.court_insert = sqlite_court_insert,
	.court_get = sqlite_court_get,
	.court_update = sqlite_court_update,
	.court_delete = sqlite_court_delete,
	.court_list = sqlite_court_list,
	.court_personnel_set = sqlite_court_personnel_set,
	.court_personnel_list = sqlite_court_personnel_list,
	.udf_value_set = sqlite_udf_value_set,
	.udf_value_list = sqlite_udf_value_list,
	.policy_get = sqlite_policy_get,
	.policy_put = sqlite_policy_put,
	.policy_follow_up_set = sqlite_policy_follow_up_set,
	.requirement_insert = sqlite_requirement_insert,
	.requirement_get = sqlite_requirement_get,
	.requirement_update = sqlite_requirement_update,
	.requirement_delete = sqlite_requirement_delete,
	.requirement_list = sqlite_requirement_list,
	.follow_up_get = sqlite_follow_up_get,
	.follow_up_set = sqlite_follow_up_set,
	.follow_up_stage_get = sqlite_follow_up_stage_get,
	.advisor_list = sqlite_advisor_list,
	.advisor_log_insert = sqlite_advisor_log_insert,
	.advisor_log_list = sqlite_advisor_log_list,
	.report_pairs = sqlite_report_pairs,
	.report_case_get = sqlite_report_case_get,
	.report_preview_insert = sqlite_report_preview_insert,
	.report_preview_get = sqlite_report_preview_get,
	.report_item_insert = sqlite_report_item_insert,
	.report_item_get = sqlite_report_item_get,
	.report_item_list = sqlite_report_item_list,
	.report_item_cases = sqlite_report_item_cases,
	.report_item_case_briefs = sqlite_report_item_case_briefs,
	.report_item_mark = sqlite_report_item_mark,
	.report_item_next_unapplied = sqlite_report_item_next_unapplied,
	.report_send_insert = sqlite_report_send_insert,
	.report_send_get = sqlite_report_send_get,
	.report_send_by_preview = sqlite_report_send_by_preview,
	.report_send_update = sqlite_report_send_update,
	.report_send_claim = sqlite_report_send_claim,
	.report_letters_clear = sqlite_report_letters_clear,
	.report_letters_append = sqlite_report_letters_append,
	.report_letters_read = sqlite_report_letters_read,
	.mail_insert = sqlite_mail_insert,
	.mail_get = sqlite_mail_get,
	.mail_claim = sqlite_mail_claim,
	.mail_finish = sqlite_mail_finish,
	.mail_recover = sqlite_mail_recover,
	.mail_resolve = sqlite_mail_resolve,
	.mail_list = sqlite_mail_list,
	.mail_count = sqlite_mail_count,
};
