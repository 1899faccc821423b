/* pg.h - internals shared by the PostgreSQL backend's files (not for use outside src/store/pg).
 *
 * Statements come from the named catalogue (catalogue.c, catalogue_summary.c) and are prepared
 * once per connection, on first use, under their catalogue name; they are run with
 * PQexecPrepared and bound parameters (text format, bytea in binary format). Results come back
 * in text format except where a caller asks for binary (the office logo). Each concept file
 * (user.c, session.c, login_attempt.c, office.c, setting.c, setup.c, contact.c,
 * contact_channel.c, case.c, value_history.c, case_status.c, case_staff.c, note.c, event.c,
 * related.c, party.c, insurance.c, lien.c, bankruptcy.c, task.c, appointment.c, deadline.c,
 * court.c, udf_value.c) mirrors its namesake in ../sqlite/; search.c turns search words into a
 * tsquery. */
#ifndef CASELOAD_STORE_PG_H
#define CASELOAD_STORE_PG_H

#include <libpq-fe.h>

#include "store/backend.h"
#include "store/pg/catalogue.h"

struct pg_conn {
	struct store_conn base;
	PGconn *db;
	bool in_tx;                /* between a successful begin and commit/rollback */
	bool tx_lost;              /* the connection broke inside the transaction: fail until rollback */
	bool prepared[PG__COUNT];  /* statement prepared on this session (reset by a reconnect) */
};

#define PG_MAX_PARAMS 32

/* The bound parameters of one statement, filled in order with pg_p_*(). Values point into the
 * struct itself or at the caller's strings, which must outlive the call to pg_exec(). */
struct pg_params {
	int n;
	const char *values[PG_MAX_PARAMS];
	int lengths[PG_MAX_PARAMS];
	int formats[PG_MAX_PARAMS];
	char num[PG_MAX_PARAMS][24];
};

/* pg_p_text binds a NUL-terminated string (NULL binds SQL NULL). */
void pg_p_text(struct pg_params *p, const char *s);
/* pg_p_i64 binds an integer. */
void pg_p_i64(struct pg_params *p, int64_t v);
/* pg_p_opt binds an integer whose negative value means "not given" (-1 cents, -1 percent) as
 * SQL NULL. */
void pg_p_opt(struct pg_params *p, int64_t v);
/* pg_p_limit binds a row limit for LIMIT $n: a negative one binds NULL (no limit), as a
 * negative LIMIT means on SQLite. */
void pg_p_limit(struct pg_params *p, int limit);
/* pg_p_bool binds a boolean. */
void pg_p_bool(struct pg_params *p, bool v);
/* pg_p_bytes binds len bytes as a binary bytea (data NULL binds SQL NULL). */
void pg_p_bytes(struct pg_params *p, const void *data, size_t len);

/* pg_exec runs catalogue statement id with params p (NULL for none), preparing it first if this
 * session has not. binary_result asks for binary result columns. On STORE_OK returns the result,
 * which the caller frees with PQclear(); otherwise returns NULL and *rc is STORE_RETRY
 * (40001/40P01), STORE_CONFLICT (23505) or STORE_ERROR (message in c->base.last_error). */
PGresult *pg_exec(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int binary_result,
		  int *rc);

/* pg_exec_guarded is pg_exec for a statement that may raise unique_violation inside a
 * transaction: it runs under a savepoint, so that STORE_CONFLICT leaves the transaction usable
 * (as on SQLite) instead of aborted. Outside a transaction it is pg_exec. */
PGresult *pg_exec_guarded(struct pg_conn *c, enum pg_id id, const struct pg_params *p,
			  int binary_result, int *rc);

/* pg_exec_write runs a statement that returns no rows: STORE_OK, or STORE_NOT_FOUND when it
 * changed no row and need_change is set, or an error rc. */
int pg_exec_write(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int need_change);

/* pg_exec_count runs a single-row statement and reads its first column as an integer. */
int pg_exec_count(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int64_t *out);

/* pg_read_fn reads row of r into out (a record struct of the caller's). */
typedef void (*pg_read_fn)(const PGresult *r, int row, void *out);

/* pg_one runs a SELECT that yields at most one row: STORE_OK with out filled by read,
 * STORE_NOT_FOUND, or an error rc. */
int pg_one(struct pg_conn *c, enum pg_id id, const struct pg_params *p, pg_read_fn read,
	   void *out);

/* pg_visit_fn is called per row by pg_each; non-zero stops the walk. */
typedef int (*pg_visit_fn)(const PGresult *r, int row, void *ctx);

/* pg_each runs a SELECT and calls visit for each row, in order, until one returns non-zero. */
int pg_each(struct pg_conn *c, enum pg_id id, const struct pg_params *p, pg_visit_fn visit,
	    void *ctx);

/* pg_one_ids is pg_one of a statement whose parameters are two integers ($1 a, $2 b). */
int pg_one_ids(struct pg_conn *c, enum pg_id id, int64_t a, int64_t b, pg_read_fn read,
	       void *out);

/* pg_each_of is pg_each of a statement whose only parameter is an integer (a case id). */
int pg_each_of(struct pg_conn *c, enum pg_id id, int64_t arg, pg_visit_fn visit, void *ctx);

/* pg_each_ids is pg_each of a statement whose parameters are two integers ($1 a, $2 b). */
int pg_each_ids(struct pg_conn *c, enum pg_id id, int64_t a, int64_t b, pg_visit_fn visit,
		void *ctx);

/* pg_write_of runs a write whose only parameter is an integer (an id): STORE_NOT_FOUND when it
 * changed no row. */
int pg_write_of(struct pg_conn *c, enum pg_id id, int64_t arg);

/* pg_insert_id runs an INSERT ... [ON CONFLICT DO NOTHING] RETURNING id into *out; no row
 * returned (a unique key was taken) is STORE_CONFLICT. */
int pg_insert_id(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int64_t *out);

/* pg_update_versioned runs a versioned update (catalogue VERSIONED_UPDATE: new version or NULL,
 * and whether the row exists) under a savepoint: STORE_OK with *version set to the new one,
 * STORE_CONFLICT when the version was stale or a unique key is taken, STORE_NOT_FOUND when the
 * row is gone, or an error rc. read (may be NULL) is then given the row to read any further
 * columns the statement returns into out. */
int pg_update_versioned(struct pg_conn *c, enum pg_id id, const struct pg_params *p,
			int64_t *version, pg_read_fn read, void *out);

/* pg_bind_row_fn binds the parameters of row i of a list being written (pg_rows_replace). */
typedef void (*pg_bind_row_fn)(struct pg_params *p, int i, const void *ctx);

/* pg_rows_replace replaces the rows of a list under one parent (a contact's phones, an
 * appointment's attendees, a court row's personnel), inside the caller's transaction: clear,
 * run with key, deletes the old rows and counts the parent; none found is STORE_NOT_FOUND and
 * nothing changes. Then insert runs once for each i in [0, n), with the parameters bind gives
 * for row i, stopping at the first failure, whose rc is returned. */
int pg_rows_replace(struct pg_conn *c, enum pg_id clear, const struct pg_params *key,
		    enum pg_id insert, int n, pg_bind_row_fn bind, const void *ctx);

/* pg_tsquery turns a user's search words into the text of a tsquery for
 * to_tsquery('simple', ...): every run of letters and digits becomes a prefix term and the
 * terms are ANDed ("smith:* & 2026:*"). Returns a malloc'd string the caller frees, "" when q
 * has no word, NULL when out of memory. Nothing of q but letters and digits reaches the
 * tsquery syntax. */
char *pg_tsquery(const char *q);

/* Text-format column readers. pg_text copies into dst (size bytes, always terminated; NULL
 * gives ""); pg_i64 and pg_bool read NULL as 0/false; pg_bytes32 decodes a 32-byte bytea
 * (zeros when it is not 32 bytes). */
void pg_text(const PGresult *r, int row, int col, char *dst, size_t size);
int64_t pg_i64(const PGresult *r, int row, int col);
bool pg_bool(const PGresult *r, int row, int col);
void pg_bytes32(const PGresult *r, int row, int col, unsigned char dst[32]);

static inline struct pg_conn *pg_conn(struct store_conn *c)
{
	return (struct pg_conn *)c;
}

/* The concept files' implementations, collected into the backend table at the end of conn.c. */
int pg_migrate(struct store_conn *c, int *from, int *to, struct err *e);
int pg_schema_version(struct store_conn *c, int *current, int *latest, struct err *e);

int pg_user_insert(struct store_conn *c, struct store_user *u);
int pg_user_get(struct store_conn *c, int64_t id, struct store_user *u);
int pg_user_get_by_login(struct store_conn *c, const char *login, struct store_user *u);
int pg_user_update(struct store_conn *c, struct store_user *u, int64_t now);
int pg_user_set_password(struct store_conn *c, int64_t id, const char *hash, int64_t now);
int pg_user_list(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
		 void *ctx);
int pg_user_count(struct store_conn *c, int64_t *count);

int pg_right_set(struct store_conn *c, int64_t user_id, const char *right, bool granted);
int pg_right_clear(struct store_conn *c, int64_t user_id, const char *right);
int pg_right_list(struct store_conn *c, int64_t user_id, struct store_right_override *out,
		  int max, int *n);

int pg_session_insert(struct store_conn *c, const struct store_session *s);
int pg_session_get(struct store_conn *c, const unsigned char id_hash[32],
		   struct store_session *s);
int pg_session_touch(struct store_conn *c, const unsigned char id_hash[32], int64_t now);
int pg_session_delete(struct store_conn *c, const unsigned char id_hash[32]);
int pg_session_delete_user(struct store_conn *c, int64_t user_id);
int pg_session_purge(struct store_conn *c, int64_t idle_before, int64_t now);

int pg_token_insert(struct store_conn *c, struct store_token *t);
int pg_token_get_by_hash(struct store_conn *c, const unsigned char hash[32],
			 struct store_token *t);
int pg_token_list(struct store_conn *c, int64_t user_id, store_token_each_fn each, void *ctx);
int pg_token_delete(struct store_conn *c, int64_t user_id, int64_t id);
int pg_token_touch(struct store_conn *c, int64_t id, int64_t now);

int pg_login_attempt_add(struct store_conn *c, const char *login, const char *ip, bool ok,
			 int64_t at);
int pg_login_failures(struct store_conn *c, const char *login, int64_t since, int64_t *count,
		      int64_t *last_at);
int pg_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
			       int64_t *count);
int pg_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since,
			    int64_t *count);
int pg_login_attempt_purge(struct store_conn *c, int64_t before);

int pg_office_insert(struct store_conn *c, struct store_office *o);
int pg_office_get(struct store_conn *c, int64_t id, struct store_office *o);
int pg_office_update(struct store_conn *c, struct store_office *o, int64_t now);
int pg_office_delete(struct store_conn *c, int64_t id);
int pg_office_list(struct store_conn *c, store_office_each_fn each, void *ctx);
int pg_office_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count);
int pg_office_logo_set(struct store_conn *c, int64_t id, const char *mime, const void *data,
		       size_t len);
int pg_office_logo_get(struct store_conn *c, int64_t id, char mime[64], void **data,
		       size_t *len);

int pg_setting_get(struct store_conn *c, const char *key, char *value, size_t size);
int pg_setting_set(struct store_conn *c, const char *key, const char *value);
int pg_counter_next(struct store_conn *c, const char *name, int64_t *value);

int pg_setup_insert(struct store_conn *c, struct store_setup_item *item);
int pg_setup_get(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		 struct store_setup_item *item);
int pg_setup_update(struct store_conn *c, struct store_setup_item *item);
int pg_setup_delete(struct store_conn *c, enum store_setup_kind kind, int64_t id);
int pg_setup_list(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id,
		  store_setup_each_fn each, void *ctx);
int pg_setup_usage(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		   char where[64], int64_t *count);
int pg_stage_first(struct store_conn *c, const char *group, struct store_setup_item *status);

/* pg_usage reads a usage statement's (place, count) row: where = "" and *count = 0 when the
 * statement gives no row (unused). Shared by setup.c and contact.c. */
int pg_usage(struct pg_conn *c, enum pg_id id, int64_t row_id, char where[64], int64_t *count);

int pg_contact_insert(struct store_conn *c, struct store_contact *ct, int64_t now);
int pg_contact_get(struct store_conn *c, int64_t id, struct store_contact *ct);
int pg_contact_update(struct store_conn *c, struct store_contact *ct, int64_t now);
int pg_contact_delete(struct store_conn *c, int64_t id);
int pg_contact_list(struct store_conn *c, const char *q, int64_t after_id, int limit,
		    store_contact_each_fn each, void *ctx);
int pg_contact_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count);

int pg_case_insert(struct store_conn *c, struct store_case *k, int64_t now);
int pg_case_get(struct store_conn *c, const struct store_scope *scope, int64_t id,
		struct store_case *k);
int pg_case_get_by_number(struct store_conn *c, const char *number, struct store_case *k);
int pg_case_update(struct store_conn *c, struct store_case *k, int64_t now);
int pg_case_set_stage(struct store_conn *c, int64_t id, int64_t stage_status_id,
		      const char *closed_date, int64_t now);
int pg_case_delete(struct store_conn *c, int64_t id, int64_t now);
int pg_case_list(struct store_conn *c, const struct store_case_filter *f,
		 store_case_each_fn each, void *ctx);

int pg_value_change_add(struct store_conn *c, struct store_value_change *v);
int pg_value_change_list(struct store_conn *c, int64_t case_id,
			 store_value_change_each_fn each, void *ctx);

int pg_case_status_insert(struct store_conn *c, struct store_case_status *s, int64_t now);
int pg_case_status_get(struct store_conn *c, int64_t case_id, int64_t id,
		       struct store_case_status *s);
int pg_case_status_current(struct store_conn *c, int64_t case_id, int64_t status_type_id,
			   struct store_case_status *s);
int pg_case_status_end(struct store_conn *c, int64_t id, const char *to_date);
int pg_case_status_update(struct store_conn *c, struct store_case_status *s);
int pg_case_status_list(struct store_conn *c, int64_t case_id, store_case_status_each_fn each,
			void *ctx);
int pg_case_status_history(struct store_conn *c, int64_t case_id,
			   store_case_status_each_fn each, void *ctx);

int pg_case_staff_insert(struct store_conn *c, struct store_case_staff *s);
int pg_case_staff_get(struct store_conn *c, int64_t case_id, int64_t id,
		      struct store_case_staff *s);
int pg_case_staff_update(struct store_conn *c, struct store_case_staff *s);
int pg_case_staff_end(struct store_conn *c, int64_t id, const char *to_date);
int pg_case_staff_list(struct store_conn *c, int64_t case_id, bool history,
		       store_case_staff_each_fn each, void *ctx);

int pg_note_insert(struct store_conn *c, struct store_note *n, int64_t now);
int pg_note_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_note *n);
int pg_note_update(struct store_conn *c, struct store_note *n, int64_t now);
int pg_note_delete(struct store_conn *c, int64_t id);
int pg_note_list(struct store_conn *c, int64_t case_id, const char *q, int64_t before_at,
		 int64_t before_id, int limit, store_note_each_fn each, void *ctx);

int pg_event_last(struct store_conn *c, int64_t case_id, struct store_event *ev);
int pg_event_insert(struct store_conn *c, struct store_event *ev);
int pg_event_list(struct store_conn *c, int64_t case_id, int64_t before_seq, int limit,
		  store_event_each_fn each, void *ctx);
int pg_event_walk_all(struct store_conn *c, store_event_each_fn each, void *ctx);

int pg_related_add(struct store_conn *c, int64_t a, int64_t b, int64_t now);
int pg_related_remove(struct store_conn *c, int64_t a, int64_t b);
int pg_related_list(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each,
		    void *ctx);
int pg_other_cases(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each,
		   void *ctx);

int pg_party_insert(struct store_conn *c, struct store_party *p);
int pg_party_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_party *p);
int pg_party_delete(struct store_conn *c, int64_t id);
int pg_party_list(struct store_conn *c, int64_t case_id, store_party_each_fn each, void *ctx);

/* Migration 0003 (the case summary): contact_channel.c, party.c, insurance.c, lien.c,
 * bankruptcy.c, task.c, appointment.c, deadline.c, court.c, udf_value.c. */
int pg_contact_channels_set(struct store_conn *c, int64_t contact_id, const struct store_contact_channel *rows, int n);
int pg_contact_channel_list(struct store_conn *c, int64_t contact_id, store_contact_channel_each_fn each, void *ctx);
int pg_contact_addresses_set(struct store_conn *c, int64_t contact_id, const struct store_contact_address *rows, int n);
int pg_contact_address_list(struct store_conn *c, int64_t contact_id, store_contact_address_each_fn each, void *ctx);
int pg_party_update(struct store_conn *c, struct store_party *p);
int pg_insurance_insert(struct store_conn *c, struct store_insurance *in);
int pg_insurance_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_insurance *in);
int pg_insurance_update(struct store_conn *c, struct store_insurance *in);
int pg_insurance_delete(struct store_conn *c, int64_t id);
int pg_insurance_list(struct store_conn *c, int64_t case_id, store_insurance_each_fn each, void *ctx);
int pg_lien_insert(struct store_conn *c, struct store_lien *l);
int pg_lien_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_lien *l);
int pg_lien_update(struct store_conn *c, struct store_lien *l);
int pg_lien_delete(struct store_conn *c, int64_t id);
int pg_lien_list(struct store_conn *c, int64_t case_id, store_lien_each_fn each, void *ctx);
int pg_bankruptcy_insert(struct store_conn *c, struct store_bankruptcy *b);
int pg_bankruptcy_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_bankruptcy *b);
int pg_bankruptcy_update(struct store_conn *c, struct store_bankruptcy *b);
int pg_bankruptcy_delete(struct store_conn *c, int64_t id);
int pg_bankruptcy_list(struct store_conn *c, int64_t case_id, store_bankruptcy_each_fn each, void *ctx);
int pg_task_insert(struct store_conn *c, struct store_task *t, int64_t now);
int pg_task_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_task *t);
int pg_task_update(struct store_conn *c, struct store_task *t, int64_t now);
int pg_task_delete(struct store_conn *c, int64_t id);
int pg_task_list(struct store_conn *c, int64_t case_id, bool open_only, store_task_each_fn each, void *ctx);
int pg_appointment_insert(struct store_conn *c, struct store_appointment *ap, int64_t now);
int pg_appointment_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_appointment *ap);
int pg_appointment_update(struct store_conn *c, struct store_appointment *ap, int64_t now);
int pg_appointment_delete(struct store_conn *c, int64_t id);
int pg_appointment_list(struct store_conn *c, int64_t case_id, int64_t pending_from, store_appointment_each_fn each, void *ctx);
int pg_attendees_set(struct store_conn *c, int64_t case_id, int64_t appointment_id, const struct store_attendee *rows, int n);
int pg_attendee_list(struct store_conn *c, int64_t case_id, int64_t appointment_id, store_attendee_each_fn each, void *ctx);
int pg_deadline_insert(struct store_conn *c, struct store_deadline *d);
int pg_deadline_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_deadline *d);
int pg_deadline_update(struct store_conn *c, struct store_deadline *d);
int pg_deadline_delete(struct store_conn *c, int64_t id);
int pg_deadline_list(struct store_conn *c, int64_t case_id, bool outstanding_only, store_deadline_each_fn each, void *ctx);
int pg_court_insert(struct store_conn *c, struct store_court *ct);
int pg_court_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_court *ct);
int pg_court_update(struct store_conn *c, struct store_court *ct);
int pg_court_delete(struct store_conn *c, int64_t id);
int pg_court_list(struct store_conn *c, int64_t case_id, store_court_each_fn each, void *ctx);
int pg_court_personnel_set(struct store_conn *c, int64_t case_id, int64_t case_court_id, const struct store_court_person *rows, int n);
int pg_court_personnel_list(struct store_conn *c, int64_t case_id, int64_t case_court_id, store_court_person_each_fn each, void *ctx);
int pg_udf_value_set(struct store_conn *c, int64_t case_id, int64_t field_id, const char *value);
int pg_udf_value_list(struct store_conn *c, int64_t case_id, store_udf_value_each_fn each, void *ctx);

/* 0004: policy.c, requirement.c, follow_up.c, advisor.c, report.c, report_send.c, mail.c */
int pg_policy_get(struct store_conn *c, int64_t case_id, struct store_policy *p);
int pg_policy_put(struct store_conn *c, struct store_policy *p, int64_t now);
int pg_policy_follow_up_set(struct store_conn *c, int64_t case_id, const char *next, const char *last, int64_t now);
int pg_requirement_insert(struct store_conn *c, struct store_requirement *r, int64_t now);
int pg_requirement_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_requirement *r);
int pg_requirement_update(struct store_conn *c, struct store_requirement *r, int64_t now);
int pg_requirement_delete(struct store_conn *c, int64_t id);
int pg_requirement_list(struct store_conn *c, int64_t case_id, store_requirement_each_fn each, void *ctx);
int pg_follow_up_get(struct store_conn *c, int64_t office_id, char method[8], store_follow_up_stage_each_fn each, void *ctx);
int pg_follow_up_set(struct store_conn *c, int64_t office_id, const char *method, const struct store_follow_up_stage *rows, int n);
int pg_follow_up_stage_get(struct store_conn *c, int64_t office_id, int64_t status_id, struct store_follow_up_stage *s);
int pg_advisor_list(struct store_conn *c, const char *q, int64_t after_id, int limit, store_advisor_each_fn each, void *ctx);
int pg_advisor_log_insert(struct store_conn *c, struct store_advisor_log *l);
int pg_advisor_log_list(struct store_conn *c, int64_t contact_id, int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx);
int pg_report_pairs(struct store_conn *c, const struct store_report_filter *f, store_report_pair_each_fn each, void *ctx);
int pg_report_case_get(struct store_conn *c, int64_t case_id, struct store_report_case *rc);
int pg_report_preview_insert(struct store_conn *c, struct store_report_preview *p, const char *options);
int pg_report_preview_get(struct store_conn *c, int64_t id, struct store_report_preview *p, char **options);
int pg_report_item_insert(struct store_conn *c, struct store_report_item *it, const int64_t *case_ids, int n);
int pg_report_item_get(struct store_conn *c, int64_t id, struct store_report_item *it);
int pg_report_item_list(struct store_conn *c, int64_t preview_id, bool letters_only, const char *run_id, store_report_item_each_fn each, void *ctx);
int pg_report_item_cases(struct store_conn *c, int64_t item_id, store_id_each_fn each, void *ctx);
int pg_report_item_case_briefs(struct store_conn *c, int64_t item_id,
			       store_report_case_brief_each_fn each, void *ctx);
int pg_report_item_mark(struct store_conn *c, int64_t id, bool applied, const char *outcome, const char *reason);
int pg_report_item_next_unapplied(struct store_conn *c, int64_t preview_id, int64_t after_id, int64_t *id);
int pg_report_send_insert(struct store_conn *c, struct store_report_send *s);
int pg_report_send_get(struct store_conn *c, int64_t id, struct store_report_send *s);
int pg_report_send_by_preview(struct store_conn *c, int64_t preview_id, struct store_report_send *s);
int pg_report_send_update(struct store_conn *c, const struct store_report_send *s);
int pg_report_send_claim(struct store_conn *c, int64_t send_id, int64_t now, int64_t until, struct store_report_send *s);
int pg_report_letters_clear(struct store_conn *c, int64_t send_id);
int pg_report_letters_append(struct store_conn *c, int64_t send_id, int64_t seq, const void *data, size_t len);
int pg_report_letters_read(struct store_conn *c, int64_t send_id, store_bytes_each_fn each, void *ctx);
int pg_mail_insert(struct store_conn *c, struct store_mail *m, int64_t now);
int pg_mail_get(struct store_conn *c, int64_t id, bool with_body, struct store_mail *m);
int pg_mail_claim(struct store_conn *c, const char *run_id, int64_t now, const char *worker, int64_t until, struct store_mail *m);
int pg_mail_finish(struct store_conn *c, int64_t id, const char *worker, const char *state, const char *error, int64_t next_attempt_at, int64_t now);
int pg_mail_recover(struct store_conn *c, bool all, int64_t now, int64_t *count);
int pg_mail_resolve(struct store_conn *c, int64_t id, const char *state, int64_t now);
int pg_mail_list(struct store_conn *c, const char *state, const char *run_id, int64_t after_id, int limit, store_mail_each_fn each, void *ctx);
int pg_mail_count(struct store_conn *c, const char *run_id, const char *state, int64_t *count);

#endif
