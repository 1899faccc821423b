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

/* sq_count steps a single-row, single-integer statement into *out. */
int sq_count(struct sqlite_conn *c, sqlite3_stmt *st, int64_t *out);

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
int sqlite_office_users(struct store_conn *c, int64_t id, int64_t *count);
int sqlite_office_logo_set(struct store_conn *c, int64_t id, const char *mime, const void *data,
			   size_t len);
int sqlite_office_logo_get(struct store_conn *c, int64_t id, char mime[64], void **data,
			   size_t *len);

#endif
