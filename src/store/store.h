/* store.h - the only database interface in Caseload.
 *
 * Everything above this header (domain, api, cli, jobs) speaks in typed calls on a store_conn;
 * the SQL lives below it, in sqlite/ and pg/, which implement the same calls. A store is a pool
 * of connections to one database; a connection is held by one thread at a time (one request or
 * one job step) and returned with store_release().
 *
 * Results are four-way, as in GNU Taler's database layer:
 *   STORE_OK         the call did what it says (a row was found / written)
 *   STORE_NOT_FOUND  no such row (or an update matched nothing)
 *   STORE_CONFLICT   a unique key or a stale version stopped the write
 *   STORE_RETRY      the database was busy or a serializable transaction lost; run it again
 *   STORE_ERROR      anything else; the message is in the connection's last error
 *
 * Writes happen inside store_tx_run(), which owns BEGIN/COMMIT/ROLLBACK and retries the whole
 * function on STORE_RETRY. Reads may be made outside a transaction.
 *
 * Times are Unix seconds (int64_t, UTC). Records use fixed-size text fields so that ownership is
 * trivial: the caller owns the struct, the store fills it. */
#ifndef CASELOAD_STORE_H
#define CASELOAD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum store_rc {
	STORE_OK = 0,
	STORE_NOT_FOUND = 1,
	STORE_CONFLICT = 2,
	STORE_RETRY = -2,
	STORE_ERROR = -1,
};

struct store;
struct store_conn;

/* ---- records ---------------------------------------------------------------------------- */

#define STORE_LOGIN_MAX 64
#define STORE_NAME_MAX 200
#define STORE_EMAIL_MAX 254
#define STORE_ROLE_MAX 16
#define STORE_HASH_MAX 128   /* crypto_pwhash_STRBYTES */
#define STORE_RIGHT_MAX 48
#define STORE_ADDRESS_MAX 500

struct store_user {
	int64_t id;
	char login[STORE_LOGIN_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	char email[STORE_EMAIL_MAX + 1];
	char role[STORE_ROLE_MAX + 1];   /* admin, staff, advisor, client */
	int64_t office_id;               /* 0 = none */
	bool active;
	char password_hash[STORE_HASH_MAX + 1];
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

/* A per-user override of a role's default right: granted (true) or revoked (false). */
struct store_right_override {
	char right[STORE_RIGHT_MAX + 1];
	bool granted;
};

struct store_session {
	unsigned char id_hash[32];  /* SHA-256 of the cookie token; the token itself is never stored */
	int64_t user_id;
	char csrf_token[64];        /* base64url, bound to this session */
	int64_t created_at;
	int64_t last_seen_at;
	int64_t expires_at;         /* absolute end of the session */
};

struct store_token {
	int64_t id;
	int64_t user_id;
	char name[STORE_NAME_MAX + 1];
	unsigned char hash[32];     /* SHA-256 of the bearer token */
	int64_t created_at;
	int64_t last_used_at;       /* 0 = never */
};

struct store_office {
	int64_t id;
	char name[STORE_NAME_MAX + 1];
	char address[STORE_ADDRESS_MAX + 1];
	char phone[64];
	char email[STORE_EMAIL_MAX + 1];
	bool has_logo;
	int64_t version;
	int64_t created_at;
};

/* ---- the pool --------------------------------------------------------------------------- */

/* store_open connects to url: a file path for SQLite, or "postgresql://..." / "postgres://...".
 * pool_size connections are made (at least 1). On success *out owns the pool; free it with
 * store_close(). Fails with ERR_INTERNAL and a message naming what went wrong. */
int store_open(const char *url, int pool_size, struct store **out, struct err *e);

/* store_close closes every connection and frees the pool; NULL is allowed. All connections must
 * have been released. */
void store_close(struct store *s);

/* store_backend_name says "sqlite" or "postgresql". */
const char *store_backend_name(const struct store *s);

/* store_acquire takes a connection from the pool, waiting up to wait_ms for one; NULL on timeout.
 * store_release gives it back (after a failed transaction it has already been rolled back). */
struct store_conn *store_acquire(struct store *s, int wait_ms);
void store_release(struct store *s, struct store_conn *c);

/* store_last_error is the backend's message for the last STORE_ERROR on c (for logs only). */
const char *store_last_error(struct store_conn *c);

/* ---- schema ----------------------------------------------------------------------------- */

/* store_migrate applies the numbered migrations the database lacks, each in its own transaction.
 * A database whose schema is newer than this binary is refused (ERR_CONFLICT, message says so).
 * *from and *to (either may be NULL) receive the versions before and after. */
int store_migrate(struct store *s, int *from, int *to, struct err *e);

/* store_schema_version reads the database's schema version (0 for an empty database) and the
 * latest this binary knows. Used by serve to refuse an unmigrated or newer database. */
int store_schema_version(struct store *s, int *current, int *latest, struct err *e);

/* store_check runs a quick integrity check (SQLite quick_check; a SELECT 1 on PostgreSQL). */
int store_check(struct store *s, struct err *e);

/* ---- transactions ----------------------------------------------------------------------- */

typedef int (*store_tx_fn)(struct store_conn *c, void *ctx, struct err *e);

/* store_tx_run runs fn inside one write transaction (SQLite BEGIN IMMEDIATE; PostgreSQL
 * SERIALIZABLE). fn returns 0 to commit or a negative ERR_* to roll back; a store call that gave
 * STORE_RETRY should make fn return ERR_BUSY, and the whole of fn is then run again, up to a
 * few times with a short backoff. Returns fn's result, or ERR_BUSY / ERR_INTERNAL. fn must not
 * keep side effects outside the database, since it may run more than once. */
int store_tx_run(struct store_conn *c, store_tx_fn fn, void *ctx, struct err *e);

/* ---- users ------------------------------------------------------------------------------ */

/* store_user_insert writes u (id, version, times are set from the database and returned in u).
 * STORE_CONFLICT when the login is taken. */
int store_user_insert(struct store_conn *c, struct store_user *u);

/* store_user_get / store_user_get_by_login fill u; STORE_NOT_FOUND when absent. */
int store_user_get(struct store_conn *c, int64_t id, struct store_user *u);
int store_user_get_by_login(struct store_conn *c, const char *login, struct store_user *u);

/* store_user_update writes name, email, role, office_id and active when the stored version is
 * u->version, then bumps u->version. STORE_CONFLICT on a stale version, STORE_NOT_FOUND when
 * the user is gone. */
int store_user_update(struct store_conn *c, struct store_user *u, int64_t now);

/* store_user_set_password replaces the hash (and bumps the version). */
int store_user_set_password(struct store_conn *c, int64_t id, const char *hash, int64_t now);

typedef int (*store_user_each_fn)(const struct store_user *u, void *ctx);

/* store_user_list calls each for up to limit users with id > after_id, in id order. each returns
 * non-zero to stop early. */
int store_user_list(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
		    void *ctx);

/* store_user_count gives the number of users (all roles). */
int store_user_count(struct store_conn *c, int64_t *count);

/* ---- rights ----------------------------------------------------------------------------- */

/* store_right_set records an override for a user (insert or replace). */
int store_right_set(struct store_conn *c, int64_t user_id, const char *right, bool granted);

/* store_right_clear removes an override; STORE_NOT_FOUND when there was none. */
int store_right_clear(struct store_conn *c, int64_t user_id, const char *right);

/* store_right_list fills out[] with up to max overrides of the user, *n receives the count. */
int store_right_list(struct store_conn *c, int64_t user_id, struct store_right_override *out,
		     int max, int *n);

/* ---- sessions --------------------------------------------------------------------------- */

int store_session_insert(struct store_conn *c, const struct store_session *s);
/* store_session_get finds a session by its hash; STORE_NOT_FOUND when absent or already ended
 * (expired rows are not filtered here: the domain decides). */
int store_session_get(struct store_conn *c, const unsigned char id_hash[32],
		      struct store_session *s);
int store_session_touch(struct store_conn *c, const unsigned char id_hash[32], int64_t now);
int store_session_delete(struct store_conn *c, const unsigned char id_hash[32]);
/* store_session_delete_user ends every session of a user (password change, deactivation). */
int store_session_delete_user(struct store_conn *c, int64_t user_id);
/* store_session_purge removes sessions that ended before now (idle or absolute). */
int store_session_purge(struct store_conn *c, int64_t idle_before, int64_t now);

/* ---- API tokens ------------------------------------------------------------------------- */

int store_token_insert(struct store_conn *c, struct store_token *t);
int store_token_get_by_hash(struct store_conn *c, const unsigned char hash[32],
			    struct store_token *t);
typedef int (*store_token_each_fn)(const struct store_token *t, void *ctx);
int store_token_list(struct store_conn *c, int64_t user_id, store_token_each_fn each, void *ctx);
/* store_token_delete removes a token of that user; STORE_NOT_FOUND when not theirs. */
int store_token_delete(struct store_conn *c, int64_t user_id, int64_t id);
int store_token_touch(struct store_conn *c, int64_t id, int64_t now);

/* ---- login attempts (throttling) -------------------------------------------------------- */

/* store_login_attempt_add records one attempt (ok = the password was right). */
int store_login_attempt_add(struct store_conn *c, const char *login, const char *ip, bool ok,
			    int64_t at);

/* store_login_failures counts failed attempts for login since its last success and after
 * `since`; *last_at receives the time of the newest of them (0 when none). */
int store_login_failures(struct store_conn *c, const char *login, int64_t since, int64_t *count,
			 int64_t *last_at);

/* store_login_attempts_by_login / _by_ip count all attempts since `since`. */
int store_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
				  int64_t *count);
int store_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since,
			       int64_t *count);

/* store_login_attempt_purge forgets attempts older than before. */
int store_login_attempt_purge(struct store_conn *c, int64_t before);

/* ---- offices ---------------------------------------------------------------------------- */

int store_office_insert(struct store_conn *c, struct store_office *o);
int store_office_get(struct store_conn *c, int64_t id, struct store_office *o);
/* store_office_update writes name, address, phone, email if o->version is current; bumps it. */
int store_office_update(struct store_conn *c, struct store_office *o, int64_t now);
/* store_office_delete removes an office; STORE_NOT_FOUND when absent. Callers check use first. */
int store_office_delete(struct store_conn *c, int64_t id);
typedef int (*store_office_each_fn)(const struct store_office *o, void *ctx);
int store_office_list(struct store_conn *c, store_office_each_fn each, void *ctx);
/* store_office_users counts users assigned to the office. */
int store_office_users(struct store_conn *c, int64_t id, int64_t *count);
/* store_office_logo_set stores (data != NULL) or removes (data == NULL) the office logo. */
int store_office_logo_set(struct store_conn *c, int64_t id, const char *mime,
			  const void *data, size_t len);
/* store_office_logo_get copies the logo into a malloc'd buffer the caller frees. */
int store_office_logo_get(struct store_conn *c, int64_t id, char mime[64], void **data,
			  size_t *len);

#endif
