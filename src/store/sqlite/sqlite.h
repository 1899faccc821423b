/* sqlite.h - internals shared by the SQLite backend's files (not for use outside src/store/sqlite).
 *
 * Statements come from the named catalogue (catalogue.c) and are prepared once per connection,
 * on first use. Every statement handed out by sq_stmt() must be given back with sq_done() so it
 * is reset at once and holds no read snapshot open. */
#ifndef CASELOAD_STORE_SQLITE_H
#define CASELOAD_STORE_SQLITE_H

#include <sqlite3.h>

#include "store/backend.h"
#include "store/sqlite/catalogue.h"

struct sqlite_conn {
	struct store_conn base;
	sqlite3 *db;
	sqlite3_stmt *stmt[SQ__COUNT];
};

/* sq_stmt returns the prepared statement id on c, reset and unbound; NULL on error (the message
 * is in c->base.last_error). */
sqlite3_stmt *sq_stmt(struct sqlite_conn *c, enum sq_id id);

/* sq_done resets st and clears its bindings. */
void sq_done(sqlite3_stmt *st);

/* sq_rc turns a SQLite result code into a store_rc, saving the message for STORE_ERROR. */
int sq_rc(struct sqlite_conn *c, int rc);

/* sq_exec_write steps a statement that returns no rows and finishes it: STORE_OK, or
 * STORE_NOT_FOUND when it changed no row and need_change is set, or an error rc. */
int sq_exec_write(struct sqlite_conn *c, sqlite3_stmt *st, int need_change);

/* sq_text copies column col as text into dst (size bytes, always terminated). */
void sq_text(sqlite3_stmt *st, int col, char *dst, size_t size);

/* sq_bind_cents binds an amount that may be unknown: NULL for a negative one (the records'
 * -1 = not given), else the cents. Read such a column back with coalesce(column, -1). */
void sq_bind_cents(sqlite3_stmt *st, int param, int64_t cents);

/* sq_blob32 copies a 32-byte blob column into dst (zeros when the column is not 32 bytes). */
void sq_blob32(sqlite3_stmt *st, int col, unsigned char dst[32]);

/* sq_row_fn reads the current row of st into row (a record struct of the caller's). */
typedef void (*sq_row_fn)(sqlite3_stmt *st, void *row);

/* sq_one steps a bound SELECT that yields at most one row: STORE_OK with *row filled by read,
 * STORE_NOT_FOUND, or an error rc. The statement is finished either way. */
int sq_one(struct sqlite_conn *c, sqlite3_stmt *st, sq_row_fn read, void *row);

/* sq_insert_id steps an INSERT ... RETURNING id into *id (STORE_CONFLICT on a unique key). */
int sq_insert_id(struct sqlite_conn *c, sqlite3_stmt *st, int64_t *id);

/* sq_visit_fn is called per row by sq_each; non-zero stops the walk. */
typedef int (*sq_visit_fn)(sqlite3_stmt *st, void *ctx);

/* sq_each steps a bound SELECT calling visit for each row, then finishes it. */
int sq_each(struct sqlite_conn *c, sqlite3_stmt *st, sq_visit_fn visit, void *ctx);

/* sq_stmt_ids is sq_stmt with ?1 = a and ?2 = b bound (a case id and a row id, usually). */
sqlite3_stmt *sq_stmt_ids(struct sqlite_conn *c, enum sq_id id, int64_t a, int64_t b);

/* sq_write_of prepares statement id, binds arg to ?1 and runs it with sq_exec_write(...,
 * need_change = 1): STORE_NOT_FOUND when no row changed. */
int sq_write_of(struct sqlite_conn *c, enum sq_id id, int64_t arg);

/* sq_each_of prepares statement id, binds arg to ?1 (a case id, usually) and walks it with
 * sq_each. */
int sq_each_of(struct sqlite_conn *c, enum sq_id id, int64_t arg, sq_visit_fn visit, void *ctx);

/* sq_each_ids is sq_each_of with ?1 = a and ?2 = b bound (a case id and a filter, usually). */
int sq_each_ids(struct sqlite_conn *c, enum sq_id id, int64_t a, int64_t b, sq_visit_fn visit,
		void *ctx);

/* sq_count steps a single-row, single-integer statement into *out. */
int sq_count(struct sqlite_conn *c, sqlite3_stmt *st, int64_t *out);

/* sq_update_versioned steps a bound "UPDATE ... WHERE id AND version" statement. When it
 * changed no row, exists (a bound SELECT that yields a row when the record is there) tells a
 * stale version (STORE_CONFLICT) from a gone record (STORE_NOT_FOUND). Both statements are
 * finished either way. */
int sq_update_versioned(struct sqlite_conn *c, sqlite3_stmt *st, sqlite3_stmt *exists);

/* sq_update_stmts prepares the pair sq_update_versioned takes: the update statement and the
 * read of the same row, both with ?1 = a and ?2 = b (a case id and a row id). STORE_ERROR,
 * with neither left bound, when either cannot be prepared. */
int sq_update_stmts(struct sqlite_conn *c, enum sq_id update, enum sq_id get, int64_t a,
		    int64_t b, sqlite3_stmt **st, sqlite3_stmt **exists);

/* sq_bind_row_fn binds the rest of an insert's parameters (?3 ..) from row i of rows. */
typedef void (*sq_bind_row_fn)(sqlite3_stmt *st, const void *rows, int i);

/* sq_replace_rows replaces a list of rows that belong to one record: statement clear (?1 = a)
 * removes the old ones, then statement insert runs once per row with ?1 = a, ?2 = b and the
 * rest bound by bind. Call inside a transaction: a failure part way leaves the list half
 * written until the rollback. */
int sq_replace_rows(struct sqlite_conn *c, enum sq_id clear, enum sq_id insert, int64_t a,
		    int64_t b, sq_bind_row_fn bind, const void *rows, int n);

/* One place where a record may be used: a statement counting the rows that refer to ?1, and
 * what those rows are called ("cases"). */
struct sq_use {
	enum sq_id count;
	const char *where;
};

/* sq_usage runs the counts of uses[0 .. n-1] for id in order and stops at the first that finds
 * rows: *count and where (64 bytes) say which; 0 and "" when none does. */
int sq_usage(struct sqlite_conn *c, const struct sq_use *uses, int n, int64_t id, char where[64],
	     int64_t *count);

/* sq_fts_query turns a user's search words into an FTS5 query: the words as the index's
 * tokenizer cuts them (white space and punctuation split them), each quoted as a string with
 * a trailing * (prefix match), joined with AND. Returns a malloc'd string the caller frees, ""
 * when q has no words, NULL on failure (message in c's last error). The result is bound as a
 * parameter, never pasted into SQL. */
char *sq_fts_query(struct sqlite_conn *c, const char *q);

/* The search indexes (case_fts, note_fts) are external-content FTS5 tables kept here, not by
 * triggers (trusted_schema=OFF does not let a trigger write to a virtual table). A write to an
 * indexed row takes the row's words out first (sq_search_take: statement remove, ?1 = row,
 * ?2 = version; *taken says whether it was there), then writes the row, then puts the words of
 * the row as it now is back (sq_search_put: statement add, ?1 = row; nothing when the row is
 * gone). A failed write leaves the row as it was, and put restores its words. */
int sq_search_take(struct sqlite_conn *c, enum sq_id remove, int64_t row, int64_t version,
		   bool *taken);
int sq_search_put(struct sqlite_conn *c, enum sq_id add, int64_t row);

static inline struct sqlite_conn *sq_conn(struct store_conn *c)
{
	return (struct sqlite_conn *)c;
}

/* The concept files' implementations, collected into the backend table at the end of conn.c. */
int sqlite_migrate(struct store_conn *c, int *from, int *to, struct err *e);
int sqlite_schema_version(struct store_conn *c, int *current, int *latest, struct err *e);

int sqlite_user_insert(struct store_conn *c, struct store_user *u);
int sqlite_user_get(struct store_conn *c, int64_t id, struct store_user *u);
int sqlite_user_get_by_login(struct store_conn *c, const char *login, struct store_user *u);
int sqlite_user_update(struct store_conn *c, struct store_user *u, int64_t now);
int sqlite_user_set_password(struct store_conn *c, int64_t id, const char *hash, int64_t now);
int sqlite_user_list(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
		     void *ctx);
int sqlite_user_count(struct store_conn *c, int64_t *count);

int sqlite_right_set(struct store_conn *c, int64_t user_id, const char *right, bool granted);
int sqlite_right_clear(struct store_conn *c, int64_t user_id, const char *right);
int sqlite_right_list(struct store_conn *c, int64_t user_id, struct store_right_override *out,
		      int max, int *n);

int sqlite_session_insert(struct store_conn *c, const struct store_session *s);
int sqlite_session_get(struct store_conn *c, const unsigned char id_hash[32],
		       struct store_session *s);
int sqlite_session_touch(struct store_conn *c, const unsigned char id_hash[32], int64_t now);
int sqlite_session_delete(struct store_conn *c, const unsigned char id_hash[32]);
int sqlite_session_delete_user(struct store_conn *c, int64_t user_id);
int sqlite_session_purge(struct store_conn *c, int64_t idle_before, int64_t now);

int sqlite_token_insert(struct store_conn *c, struct store_token *t);
int sqlite_token_get_by_hash(struct store_conn *c, const unsigned char hash[32],
			     struct store_token *t);
int sqlite_token_list(struct store_conn *c, int64_t user_id, store_token_each_fn each, void *ctx);
int sqlite_token_delete(struct store_conn *c, int64_t user_id, int64_t id);
int sqlite_token_touch(struct store_conn *c, int64_t id, int64_t now);

int sqlite_login_attempt_add(struct store_conn *c, const char *login, const char *ip, bool ok,
			     int64_t at);
int sqlite_login_failures(struct store_conn *c, const char *login, int64_t since,
			  int64_t *count, int64_t *last_at);
int sqlite_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
				   int64_t *count);
int sqlite_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since,
				int64_t *count);
int sqlite_login_attempt_purge(struct store_conn *c, int64_t before);

int sqlite_office_insert(struct store_conn *c, struct store_office *o);
int sqlite_office_get(struct store_conn *c, int64_t id, struct store_office *o);
int sqlite_office_update(struct store_conn *c, struct store_office *o, int64_t now);
int sqlite_office_delete(struct store_conn *c, int64_t id);
int sqlite_office_list(struct store_conn *c, store_office_each_fn each, void *ctx);
int sqlite_office_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count);
int sqlite_office_logo_set(struct store_conn *c, int64_t id, const char *mime, const void *data,
			   size_t len);
int sqlite_office_logo_get(struct store_conn *c, int64_t id, char mime[64], void **data,
			   size_t *len);

int sqlite_setting_get(struct store_conn *c, const char *key, char *value, size_t size);
int sqlite_setting_set(struct store_conn *c, const char *key, const char *value);
int sqlite_counter_next(struct store_conn *c, const char *name, int64_t *value);

int sqlite_setup_insert(struct store_conn *c, struct store_setup_item *item);
int sqlite_setup_get(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		     struct store_setup_item *item);
int sqlite_setup_update(struct store_conn *c, struct store_setup_item *item);
int sqlite_setup_delete(struct store_conn *c, enum store_setup_kind kind, int64_t id);
int sqlite_setup_list(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id,
		      store_setup_each_fn each, void *ctx);
int sqlite_setup_usage(struct store_conn *c, enum store_setup_kind kind, int64_t id,
		       char where[64], int64_t *count);
int sqlite_stage_first(struct store_conn *c, const char *group, struct store_setup_item *status);

int sqlite_contact_insert(struct store_conn *c, struct store_contact *ct, int64_t now);
int sqlite_contact_get(struct store_conn *c, int64_t id, struct store_contact *ct);
int sqlite_contact_update(struct store_conn *c, struct store_contact *ct, int64_t now);
int sqlite_contact_delete(struct store_conn *c, int64_t id);
int sqlite_contact_list(struct store_conn *c, const char *q, int64_t after_id, int limit,
			store_contact_each_fn each, void *ctx);
int sqlite_contact_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count);

int sqlite_case_insert(struct store_conn *c, struct store_case *k, int64_t now);
int sqlite_case_get(struct store_conn *c, const struct store_scope *scope, int64_t id,
		    struct store_case *k);
int sqlite_case_get_by_number(struct store_conn *c, const char *number, struct store_case *k);
int sqlite_case_update(struct store_conn *c, struct store_case *k, int64_t now);
int sqlite_case_set_stage(struct store_conn *c, int64_t id, int64_t stage_status_id,
			  const char *closed_date, int64_t now);
int sqlite_case_delete(struct store_conn *c, int64_t id, int64_t now);
int sqlite_case_list(struct store_conn *c, const struct store_case_filter *f,
		     store_case_each_fn each, void *ctx);

int sqlite_value_change_add(struct store_conn *c, struct store_value_change *v);
int sqlite_value_change_list(struct store_conn *c, int64_t case_id,
			     store_value_change_each_fn each, void *ctx);

int sqlite_case_status_insert(struct store_conn *c, struct store_case_status *s, int64_t now);
int sqlite_case_status_get(struct store_conn *c, int64_t case_id, int64_t id,
			   struct store_case_status *s);
int sqlite_case_status_current(struct store_conn *c, int64_t case_id, int64_t status_type_id,
			       struct store_case_status *s);
int sqlite_case_status_end(struct store_conn *c, int64_t id, const char *to_date);
int sqlite_case_status_update(struct store_conn *c, struct store_case_status *s);
int sqlite_case_status_list(struct store_conn *c, int64_t case_id,
			    store_case_status_each_fn each, void *ctx);
int sqlite_case_status_history(struct store_conn *c, int64_t case_id,
			       store_case_status_each_fn each, void *ctx);

int sqlite_case_staff_insert(struct store_conn *c, struct store_case_staff *s);
int sqlite_case_staff_get(struct store_conn *c, int64_t case_id, int64_t id,
			  struct store_case_staff *s);
int sqlite_case_staff_update(struct store_conn *c, struct store_case_staff *s);
int sqlite_case_staff_end(struct store_conn *c, int64_t id, const char *to_date);
int sqlite_case_staff_list(struct store_conn *c, int64_t case_id, bool history,
			   store_case_staff_each_fn each, void *ctx);

int sqlite_note_insert(struct store_conn *c, struct store_note *n, int64_t now);
int sqlite_note_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_note *n);
int sqlite_note_update(struct store_conn *c, struct store_note *n, int64_t now);
int sqlite_note_delete(struct store_conn *c, int64_t id);
int sqlite_note_list(struct store_conn *c, int64_t case_id, const char *q, int64_t before_at,
		     int64_t before_id, int limit, store_note_each_fn each, void *ctx);

int sqlite_event_last(struct store_conn *c, int64_t case_id, struct store_event *ev);
int sqlite_event_insert(struct store_conn *c, struct store_event *ev);
int sqlite_event_list(struct store_conn *c, int64_t case_id, int64_t before_seq, int limit,
		      store_event_each_fn each, void *ctx);
int sqlite_event_walk_all(struct store_conn *c, store_event_each_fn each, void *ctx);

int sqlite_related_add(struct store_conn *c, int64_t a, int64_t b, int64_t now);
int sqlite_related_remove(struct store_conn *c, int64_t a, int64_t b);
int sqlite_related_list(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each,
			void *ctx);
int sqlite_other_cases(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each,
		       void *ctx);

int sqlite_party_insert(struct store_conn *c, struct store_party *p);
int sqlite_party_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_party *p);
int sqlite_party_delete(struct store_conn *c, int64_t id);
int sqlite_party_list(struct store_conn *c, int64_t case_id, store_party_each_fn each,
		      void *ctx);

/* Migration 0003 (the case summary): contact_channel.c, party.c, insurance.c, lien.c,
 * bankruptcy.c, task.c, appointment.c, deadline.c, court.c, udf_value.c. */
int sqlite_contact_channels_set(struct store_conn *c, int64_t contact_id,
				const struct store_contact_channel *rows, int n);
int sqlite_contact_channel_list(struct store_conn *c, int64_t contact_id,
				store_contact_channel_each_fn each, void *ctx);
int sqlite_contact_addresses_set(struct store_conn *c, int64_t contact_id,
				 const struct store_contact_address *rows, int n);
int sqlite_contact_address_list(struct store_conn *c, int64_t contact_id,
				store_contact_address_each_fn each, void *ctx);
int sqlite_party_update(struct store_conn *c, struct store_party *p);
int sqlite_insurance_insert(struct store_conn *c, struct store_insurance *in);
int sqlite_insurance_get(struct store_conn *c, int64_t case_id, int64_t id,
			 struct store_insurance *in);
int sqlite_insurance_update(struct store_conn *c, struct store_insurance *in);
int sqlite_insurance_delete(struct store_conn *c, int64_t id);
int sqlite_insurance_list(struct store_conn *c, int64_t case_id, store_insurance_each_fn each,
			  void *ctx);
int sqlite_lien_insert(struct store_conn *c, struct store_lien *l);
int sqlite_lien_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_lien *l);
int sqlite_lien_update(struct store_conn *c, struct store_lien *l);
int sqlite_lien_delete(struct store_conn *c, int64_t id);
int sqlite_lien_list(struct store_conn *c, int64_t case_id, store_lien_each_fn each, void *ctx);
int sqlite_bankruptcy_insert(struct store_conn *c, struct store_bankruptcy *b);
int sqlite_bankruptcy_get(struct store_conn *c, int64_t case_id, int64_t id,
			  struct store_bankruptcy *b);
int sqlite_bankruptcy_update(struct store_conn *c, struct store_bankruptcy *b);
int sqlite_bankruptcy_delete(struct store_conn *c, int64_t id);
int sqlite_bankruptcy_list(struct store_conn *c, int64_t case_id, store_bankruptcy_each_fn each,
			   void *ctx);
int sqlite_task_insert(struct store_conn *c, struct store_task *t, int64_t now);
int sqlite_task_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_task *t);
int sqlite_task_update(struct store_conn *c, struct store_task *t, int64_t now);
int sqlite_task_delete(struct store_conn *c, int64_t id);
int sqlite_task_list(struct store_conn *c, int64_t case_id, bool open_only, store_task_each_fn each,
		     void *ctx);
int sqlite_appointment_insert(struct store_conn *c, struct store_appointment *ap, int64_t now);
int sqlite_appointment_get(struct store_conn *c, int64_t case_id, int64_t id,
			   struct store_appointment *ap);
int sqlite_appointment_update(struct store_conn *c, struct store_appointment *ap, int64_t now);
int sqlite_appointment_delete(struct store_conn *c, int64_t id);
int sqlite_appointment_list(struct store_conn *c, int64_t case_id, int64_t pending_from,
			    store_appointment_each_fn each, void *ctx);
int sqlite_attendees_set(struct store_conn *c, int64_t case_id, int64_t appointment_id,
			 const struct store_attendee *rows, int n);
int sqlite_attendee_list(struct store_conn *c, int64_t case_id, int64_t appointment_id,
			 store_attendee_each_fn each, void *ctx);
int sqlite_deadline_insert(struct store_conn *c, struct store_deadline *d);
int sqlite_deadline_get(struct store_conn *c, int64_t case_id, int64_t id,
			struct store_deadline *d);
int sqlite_deadline_update(struct store_conn *c, struct store_deadline *d);
int sqlite_deadline_delete(struct store_conn *c, int64_t id);
int sqlite_deadline_list(struct store_conn *c, int64_t case_id, bool outstanding_only,
			 store_deadline_each_fn each, void *ctx);
int sqlite_court_insert(struct store_conn *c, struct store_court *ct);
int sqlite_court_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_court *ct);
int sqlite_court_update(struct store_conn *c, struct store_court *ct);
int sqlite_court_delete(struct store_conn *c, int64_t id);
int sqlite_court_list(struct store_conn *c, int64_t case_id, store_court_each_fn each, void *ctx);
int sqlite_court_personnel_set(struct store_conn *c, int64_t case_id, int64_t case_court_id,
			       const struct store_court_person *rows, int n);
int sqlite_court_personnel_list(struct store_conn *c, int64_t case_id, int64_t case_court_id,
				store_court_person_each_fn each, void *ctx);
int sqlite_udf_value_set(struct store_conn *c, int64_t case_id, int64_t field_id,
			 const char *value);
int sqlite_udf_value_list(struct store_conn *c, int64_t case_id, store_udf_value_each_fn each,
			  void *ctx);

/* 0004: policy.c, requirement.c, follow_up.c, advisor.c, report.c, report_send.c, mail.c */
int sqlite_policy_get(struct store_conn *c, int64_t case_id, struct store_policy *p);
int sqlite_policy_put(struct store_conn *c, struct store_policy *p, int64_t now);
int sqlite_policy_follow_up_set(struct store_conn *c, int64_t case_id, const char *next, const char *last, int64_t now);
int sqlite_requirement_insert(struct store_conn *c, struct store_requirement *r, int64_t now);
int sqlite_requirement_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_requirement *r);
int sqlite_requirement_update(struct store_conn *c, struct store_requirement *r, int64_t now);
int sqlite_requirement_delete(struct store_conn *c, int64_t id);
int sqlite_requirement_list(struct store_conn *c, int64_t case_id, store_requirement_each_fn each, void *ctx);
int sqlite_follow_up_get(struct store_conn *c, int64_t office_id, char method[8], store_follow_up_stage_each_fn each, void *ctx);
int sqlite_follow_up_set(struct store_conn *c, int64_t office_id, const char *method, const struct store_follow_up_stage *rows, int n);
int sqlite_follow_up_stage_get(struct store_conn *c, int64_t office_id, int64_t status_id, struct store_follow_up_stage *s);
int sqlite_advisor_list(struct store_conn *c, const char *q, int64_t after_id, int limit, store_advisor_each_fn each, void *ctx);
int sqlite_advisor_log_insert(struct store_conn *c, struct store_advisor_log *l);
int sqlite_advisor_log_list(struct store_conn *c, int64_t contact_id, int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx);
int sqlite_report_pairs(struct store_conn *c, const struct store_report_filter *f, store_report_pair_each_fn each, void *ctx);
int sqlite_report_case_get(struct store_conn *c, int64_t case_id, struct store_report_case *rc);
int sqlite_report_preview_insert(struct store_conn *c, struct store_report_preview *p, const char *options);
int sqlite_report_preview_get(struct store_conn *c, int64_t id, struct store_report_preview *p, char **options);
int sqlite_report_item_insert(struct store_conn *c, struct store_report_item *it, const int64_t *case_ids, int n);
int sqlite_report_item_get(struct store_conn *c, int64_t id, struct store_report_item *it);
int sqlite_report_item_list(struct store_conn *c, int64_t preview_id, bool letters_only, const char *run_id, store_report_item_each_fn each, void *ctx);
int sqlite_report_item_cases(struct store_conn *c, int64_t item_id, store_id_each_fn each, void *ctx);
int sqlite_report_item_case_briefs(struct store_conn *c, int64_t item_id,
				   store_report_case_brief_each_fn each, void *ctx);
int sqlite_report_item_mark(struct store_conn *c, int64_t id, bool applied, const char *outcome, const char *reason);
int sqlite_report_item_next_unapplied(struct store_conn *c, int64_t preview_id, int64_t after_id, int64_t *id);
int sqlite_report_send_insert(struct store_conn *c, struct store_report_send *s);
int sqlite_report_send_get(struct store_conn *c, int64_t id, struct store_report_send *s);
int sqlite_report_send_by_preview(struct store_conn *c, int64_t preview_id, struct store_report_send *s);
int sqlite_report_send_update(struct store_conn *c, const struct store_report_send *s);
int sqlite_report_send_claim(struct store_conn *c, int64_t send_id, int64_t now, int64_t until, struct store_report_send *s);
int sqlite_report_letters_clear(struct store_conn *c, int64_t send_id);
int sqlite_report_letters_append(struct store_conn *c, int64_t send_id, int64_t seq, const void *data, size_t len);
int sqlite_report_letters_read(struct store_conn *c, int64_t send_id, store_bytes_each_fn each, void *ctx);
int sqlite_mail_insert(struct store_conn *c, struct store_mail *m, int64_t now);
int sqlite_mail_get(struct store_conn *c, int64_t id, bool with_body, struct store_mail *m);
int sqlite_mail_claim(struct store_conn *c, const char *run_id, int64_t now, const char *worker, int64_t until, struct store_mail *m);
int sqlite_mail_finish(struct store_conn *c, int64_t id, const char *worker, const char *state, const char *error, int64_t next_attempt_at, int64_t now);
int sqlite_mail_recover(struct store_conn *c, bool all, int64_t now, int64_t *count);
int sqlite_mail_resolve(struct store_conn *c, int64_t id, const char *state, int64_t now);
int sqlite_mail_list(struct store_conn *c, const char *state, const char *run_id, int64_t after_id, int limit, store_mail_each_fn each, void *ctx);
int sqlite_mail_count(struct store_conn *c, const char *run_id, const char *state, int64_t *count);

#endif
