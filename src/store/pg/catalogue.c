/* catalogue.c - the SQL text of every statement the PostgreSQL backend prepares.
 *
 * Constant text with $n parameters only; each entry is prepared once per connection under its
 * name (see pg_exec in conn.c). The SQLite equivalents are in ../sqlite/catalogue.c under the
 * same enum names. Differences from SQLite worth knowing:
 *   - logins compare with lower(login) = lower($1), matching the unique index on lower(login)
 *     (SQLite uses COLLATE NOCASE on the column);
 *   - inserts that can hit a unique key use ON CONFLICT DO NOTHING and report "no row" as
 *     STORE_CONFLICT, so the conflict does not abort the surrounding transaction;
 *   - versioned updates report in one round trip whether the row was updated, is stale or is gone;
 *   - text ordering uses COLLATE "C" (byte order), like SQLite's default BINARY collation.
 * Parameters whose type PostgreSQL cannot infer carry an explicit cast. */
#include "store/pg/catalogue.h"

#define USER_COLUMNS \
	"id, login, name, email, role, coalesce(office_id, 0), active, password_hash, version, " \
	"created_at, updated_at"
#define OFFICE_COLUMNS \
	"id, name, address, phone, email, logo IS NOT NULL, version, created_at"
#define TOKEN_COLUMNS "id, user_id, name, hash, created_at, last_used_at"

/* Any constant will do as long as it never changes: "Caseload" as a big-endian int64. */
#define MIGRATION_LOCK_KEY "4855288752730235236"

#define S(id, sql_text) [id] = {#id, sql_text}

const struct pg_statement pg_catalogue[PG__COUNT] = {
	S(PG_BEGIN, "BEGIN ISOLATION LEVEL SERIALIZABLE"),
	/* migrations run READ COMMITTED so that, once the advisory lock is held, they see what
	 * another process committed while they waited for it */
	S(PG_BEGIN_MIGRATION, "BEGIN ISOLATION LEVEL READ COMMITTED"),
	S(PG_COMMIT, "COMMIT"),
	S(PG_ROLLBACK, "ROLLBACK"),
	S(PG_SAVEPOINT, "SAVEPOINT caseload_stmt"),
	S(PG_SAVEPOINT_RELEASE, "RELEASE SAVEPOINT caseload_stmt"),
	S(PG_SAVEPOINT_ROLLBACK, "ROLLBACK TO SAVEPOINT caseload_stmt"),
	S(PG_CHECK, "SELECT 1"),
	S(PG_MIGRATION_LOCK, "SELECT pg_advisory_xact_lock(" MIGRATION_LOCK_KEY ")"),
	S(PG_SCHEMA_EXISTS, "SELECT to_regclass('schema_version') IS NOT NULL"),
	S(PG_SCHEMA_CREATE,
	  "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
	  "name text NOT NULL, applied_at bigint NOT NULL)"),
	S(PG_SCHEMA_VERSION, "SELECT coalesce(max(version), 0) FROM schema_version"),
	S(PG_SCHEMA_RECORD,
	  "INSERT INTO schema_version(version, name, applied_at) VALUES ($1, $2, $3)"),

	S(PG_USER_INSERT,
	  "INSERT INTO app_user(login, name, email, role, office_id, active, password_hash, "
	  "version, created_at, updated_at) "
	  "VALUES ($1, $2, $3, $4, nullif($5::bigint, 0), $6, $7, 1, $8, $8) "
	  "ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_USER_GET, "SELECT " USER_COLUMNS " FROM app_user WHERE id = $1"),
	S(PG_USER_GET_BY_LOGIN,
	  "SELECT " USER_COLUMNS " FROM app_user WHERE lower(login) = lower($1)"),
	/* column 0: the new version (NULL when nothing was updated); column 1: the row exists */
	S(PG_USER_UPDATE,
	  "WITH upd AS (UPDATE app_user SET name = $2, email = $3, role = $4, "
	  "office_id = nullif($5::bigint, 0), active = $6, version = version + 1, updated_at = $8 "
	  "WHERE id = $1 AND version = $7 RETURNING version) "
	  "SELECT (SELECT version FROM upd), EXISTS (SELECT 1 FROM app_user WHERE id = $1)"),
	S(PG_USER_SET_PASSWORD,
	  "UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = $3 "
	  "WHERE id = $1"),
	S(PG_USER_LIST,
	  "SELECT " USER_COLUMNS " FROM app_user WHERE id > $1 ORDER BY id LIMIT $2"),
	S(PG_USER_COUNT, "SELECT count(*) FROM app_user"),

	S(PG_RIGHT_SET,
	  "INSERT INTO user_right(user_id, name, granted) VALUES ($1, $2, $3) "
	  "ON CONFLICT (user_id, name) DO UPDATE SET granted = excluded.granted"),
	S(PG_RIGHT_CLEAR, "DELETE FROM user_right WHERE user_id = $1 AND name = $2"),
	S(PG_RIGHT_LIST,
	  "SELECT name, granted FROM user_right WHERE user_id = $1 ORDER BY name COLLATE \"C\""),

	S(PG_SESSION_INSERT,
	  "INSERT INTO session(id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
	  "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING"),
	S(PG_SESSION_GET,
	  "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at "
	  "FROM session WHERE id_hash = $1"),
	S(PG_SESSION_TOUCH, "UPDATE session SET last_seen_at = $2 WHERE id_hash = $1"),
	S(PG_SESSION_DELETE, "DELETE FROM session WHERE id_hash = $1"),
	S(PG_SESSION_DELETE_USER, "DELETE FROM session WHERE user_id = $1"),
	S(PG_SESSION_PURGE, "DELETE FROM session WHERE last_seen_at < $1 OR expires_at < $2"),

	S(PG_TOKEN_INSERT,
	  "INSERT INTO api_token(user_id, name, hash, created_at, last_used_at) "
	  "VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_TOKEN_GET_BY_HASH, "SELECT " TOKEN_COLUMNS " FROM api_token WHERE hash = $1"),
	S(PG_TOKEN_LIST, "SELECT " TOKEN_COLUMNS " FROM api_token WHERE user_id = $1 ORDER BY id"),
	S(PG_TOKEN_DELETE, "DELETE FROM api_token WHERE user_id = $1 AND id = $2"),
	S(PG_TOKEN_TOUCH, "UPDATE api_token SET last_used_at = $2 WHERE id = $1"),

	S(PG_LOGIN_ATTEMPT_ADD,
	  "INSERT INTO login_attempt(login, ip, ok, at) VALUES ($1, $2, $3, $4)"),
	S(PG_LOGIN_FAILURES,
	  "SELECT count(*), coalesce(max(at), 0) FROM login_attempt "
	  "WHERE lower(login) = lower($1) AND NOT ok AND at >= $2 "
	  "AND id > coalesce((SELECT max(id) FROM login_attempt "
	  "WHERE lower(login) = lower($1) AND ok), 0)"),
	S(PG_LOGIN_ATTEMPTS_BY_LOGIN,
	  "SELECT count(*) FROM login_attempt WHERE lower(login) = lower($1) AND at >= $2"),
	S(PG_LOGIN_ATTEMPTS_BY_IP, "SELECT count(*) FROM login_attempt WHERE ip = $1 AND at >= $2"),
	S(PG_LOGIN_ATTEMPT_PURGE, "DELETE FROM login_attempt WHERE at < $1"),

	S(PG_OFFICE_INSERT,
	  "INSERT INTO office(name, address, phone, email, version, created_at, updated_at) "
	  "VALUES ($1, $2, $3, $4, 1, $5, $5) ON CONFLICT DO NOTHING RETURNING id"),
	S(PG_OFFICE_GET, "SELECT " OFFICE_COLUMNS " FROM office WHERE id = $1"),
	/* as PG_USER_UPDATE; a name taken by another office raises unique_violation */
	S(PG_OFFICE_UPDATE,
	  "WITH upd AS (UPDATE office SET name = $2, address = $3, phone = $4, email = $5, "
	  "version = version + 1, updated_at = $7 WHERE id = $1 AND version = $6 RETURNING version) "
	  "SELECT (SELECT version FROM upd), EXISTS (SELECT 1 FROM office WHERE id = $1)"),
	S(PG_OFFICE_DELETE, "DELETE FROM office WHERE id = $1"),
	S(PG_OFFICE_LIST, "SELECT " OFFICE_COLUMNS " FROM office ORDER BY name COLLATE \"C\", id"),
	S(PG_OFFICE_USERS, "SELECT count(*) FROM app_user WHERE office_id = $1"),
	S(PG_OFFICE_LOGO_SET,
	  "UPDATE office SET logo_mime = $2::text, logo = $3::bytea, version = version + 1 "
	  "WHERE id = $1"),
	S(PG_OFFICE_LOGO_GET,
	  "SELECT logo_mime, logo FROM office WHERE id = $1 AND logo IS NOT NULL"),
};
