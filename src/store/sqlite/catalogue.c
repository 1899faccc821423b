/* catalogue.c - the SQL text of every statement the SQLite backend prepares.
 *
 * Constant text with bound parameters only; each entry is prepared once per connection (see
 * conn.c). The PostgreSQL equivalents are in ../pg/catalogue.c under the same names. */
#include "store/sqlite/catalogue.h"

#define USER_COLUMNS \
	"id, login, name, email, role, coalesce(office_id, 0), active, password_hash, version, " \
	"created_at, updated_at"
#define OFFICE_COLUMNS \
	"id, name, address, phone, email, logo IS NOT NULL, version, created_at"

const char *const sq_catalogue[SQ__COUNT] = {
	[SQ_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[SQ_COMMIT] = "COMMIT",
	[SQ_ROLLBACK] = "ROLLBACK",
	[SQ_SCHEMA_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[SQ_SCHEMA_RECORD] = "INSERT INTO schema_version(version, name, applied_at) VALUES (?1, ?2, ?3)",

	[SQ_USER_INSERT] =
		"INSERT INTO app_user(login, name, email, role, office_id, active, password_hash, "
		"version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, 1, ?8, ?8) "
		"RETURNING id",
	[SQ_USER_GET] = "SELECT " USER_COLUMNS " FROM app_user WHERE id = ?1",
	[SQ_USER_GET_BY_LOGIN] = "SELECT " USER_COLUMNS " FROM app_user WHERE login = ?1",
	[SQ_USER_UPDATE] =
		"UPDATE app_user SET name = ?2, email = ?3, role = ?4, office_id = nullif(?5, 0), "
		"active = ?6, version = version + 1, updated_at = ?8 WHERE id = ?1 AND version = ?7",
	[SQ_USER_SET_PASSWORD] =
		"UPDATE app_user SET password_hash = ?2, version = version + 1, updated_at = ?3 "
		"WHERE id = ?1",
	[SQ_USER_LIST] = "SELECT " USER_COLUMNS " FROM app_user WHERE id > ?1 ORDER BY id LIMIT ?2",
	[SQ_USER_COUNT] = "SELECT count(*) FROM app_user",

	[SQ_RIGHT_SET] =
		"INSERT INTO user_right(user_id, name, granted) VALUES (?1, ?2, ?3) "
		"ON CONFLICT(user_id, name) DO UPDATE SET granted = excluded.granted",
	[SQ_RIGHT_CLEAR] = "DELETE FROM user_right WHERE user_id = ?1 AND name = ?2",
	[SQ_RIGHT_LIST] = "SELECT name, granted FROM user_right WHERE user_id = ?1 ORDER BY name",

	[SQ_SESSION_INSERT] =
		"INSERT INTO session(id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SQ_SESSION_GET] =
		"SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at "
		"FROM session WHERE id_hash = ?1",
	[SQ_SESSION_TOUCH] = "UPDATE session SET last_seen_at = ?2 WHERE id_hash = ?1",
	[SQ_SESSION_DELETE] = "DELETE FROM session WHERE id_hash = ?1",
	[SQ_SESSION_DELETE_USER] = "DELETE FROM session WHERE user_id = ?1",
	[SQ_SESSION_PURGE] = "DELETE FROM session WHERE last_seen_at < ?1 OR expires_at < ?2",

	[SQ_TOKEN_INSERT] =
		"INSERT INTO api_token(user_id, name, hash, created_at, last_used_at) "
		"VALUES (?1, ?2, ?3, ?4, 0) RETURNING id",
	[SQ_TOKEN_GET_BY_HASH] =
		"SELECT id, user_id, name, hash, created_at, last_used_at FROM api_token WHERE hash = ?1",
	[SQ_TOKEN_LIST] =
		"SELECT id, user_id, name, hash, created_at, last_used_at FROM api_token "
		"WHERE user_id = ?1 ORDER BY id",
	[SQ_TOKEN_DELETE] = "DELETE FROM api_token WHERE user_id = ?1 AND id = ?2",
	[SQ_TOKEN_TOUCH] = "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1",

	[SQ_LOGIN_ATTEMPT_ADD] = "INSERT INTO login_attempt(login, ip, ok, at) VALUES (?1, ?2, ?3, ?4)",
	[SQ_LOGIN_FAILURES] =
		"SELECT count(*), coalesce(max(at), 0) FROM login_attempt WHERE login = ?1 AND ok = 0 "
		"AND at >= ?2 AND id > coalesce((SELECT max(id) FROM login_attempt "
		"WHERE login = ?1 AND ok = 1), 0)",
	[SQ_LOGIN_ATTEMPTS_BY_LOGIN] = "SELECT count(*) FROM login_attempt WHERE login = ?1 AND at >= ?2",
	[SQ_LOGIN_ATTEMPTS_BY_IP] = "SELECT count(*) FROM login_attempt WHERE ip = ?1 AND at >= ?2",
	[SQ_LOGIN_ATTEMPT_PURGE] = "DELETE FROM login_attempt WHERE at < ?1",

	[SQ_OFFICE_INSERT] =
		"INSERT INTO office(name, address, phone, email, version, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5) RETURNING id",
	[SQ_OFFICE_GET] = "SELECT " OFFICE_COLUMNS " FROM office WHERE id = ?1",
	[SQ_OFFICE_UPDATE] =
		"UPDATE office SET name = ?2, address = ?3, phone = ?4, email = ?5, "
		"version = version + 1, updated_at = ?7 WHERE id = ?1 AND version = ?6",
	[SQ_OFFICE_DELETE] = "DELETE FROM office WHERE id = ?1",
	[SQ_OFFICE_LIST] = "SELECT " OFFICE_COLUMNS " FROM office ORDER BY name",
	[SQ_OFFICE_USERS] = "SELECT count(*) FROM app_user WHERE office_id = ?1",
	[SQ_OFFICE_LOGO_SET] = "UPDATE office SET logo_mime = ?2, logo = ?3, version = version + 1 WHERE id = ?1",
	[SQ_OFFICE_LOGO_GET] = "SELECT logo_mime, logo FROM office WHERE id = ?1 AND logo IS NOT NULL",
};
