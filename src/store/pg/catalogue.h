/* catalogue.h - the names of every SQL statement the PostgreSQL backend runs (text in
 * catalogue.c). The entries after the transaction and schema ones mirror sqlite/catalogue.h. */
#ifndef CASELOAD_STORE_PG_CATALOGUE_H
#define CASELOAD_STORE_PG_CATALOGUE_H

enum pg_id {
	/* statements that need no table: prepared as soon as a session starts, so that ROLLBACK
	 * never has to be prepared inside a failed transaction (see pg_session_setup) */
	PG_BEGIN,
	PG_BEGIN_MIGRATION,
	PG_COMMIT,
	PG_ROLLBACK,
	PG_SAVEPOINT,
	PG_SAVEPOINT_RELEASE,
	PG_SAVEPOINT_ROLLBACK,
	PG_CHECK,
	PG_MIGRATION_LOCK,
	PG_SCHEMA_EXISTS,
	PG_SCHEMA_CREATE,
#define PG_EAGER_COUNT PG_SCHEMA_VERSION
	PG_SCHEMA_VERSION,
	PG_SCHEMA_RECORD,

	PG_USER_INSERT,
	PG_USER_GET,
	PG_USER_GET_BY_LOGIN,
	PG_USER_UPDATE,
	PG_USER_SET_PASSWORD,
	PG_USER_LIST,
	PG_USER_COUNT,

	PG_RIGHT_SET,
	PG_RIGHT_CLEAR,
	PG_RIGHT_LIST,

	PG_SESSION_INSERT,
	PG_SESSION_GET,
	PG_SESSION_TOUCH,
	PG_SESSION_DELETE,
	PG_SESSION_DELETE_USER,
	PG_SESSION_PURGE,

	PG_TOKEN_INSERT,
	PG_TOKEN_GET_BY_HASH,
	PG_TOKEN_LIST,
	PG_TOKEN_DELETE,
	PG_TOKEN_TOUCH,

	PG_LOGIN_ATTEMPT_ADD,
	PG_LOGIN_FAILURES,
	PG_LOGIN_ATTEMPTS_BY_LOGIN,
	PG_LOGIN_ATTEMPTS_BY_IP,
	PG_LOGIN_ATTEMPT_PURGE,

	PG_OFFICE_INSERT,
	PG_OFFICE_GET,
	PG_OFFICE_UPDATE,
	PG_OFFICE_DELETE,
	PG_OFFICE_LIST,
	PG_OFFICE_USERS,
	PG_OFFICE_LOGO_SET,
	PG_OFFICE_LOGO_GET,

	PG__COUNT
};

/* One statement: the stable name it is prepared under on every connection, and its text. */
struct pg_statement {
	const char *name;
	const char *sql;
};

/* pg_catalogue holds every statement, indexed by enum pg_id. */
extern const struct pg_statement pg_catalogue[PG__COUNT];

#endif
