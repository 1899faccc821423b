/* conn.c - PostgreSQL connections: connecting with the session limits of defaults.md, the
 * per-connection prepared statements, result and error mapping, transactions, migrations, the
 * health check, and (at the end) the backend table that store.c calls through.
 *
 * Row-level calls live in the concept files beside this one (user.c, session.c,
 * login_attempt.c, office.c, setup.c, case.c, ...; see pg.h). The pool and the retry loop are
 * store.c's. */
#include "store/pg/pg.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- errors ----------------------------------------------------------------------------- */

static void pg_set_message(struct pg_conn *c, const char *what, const char *state, const char *msg)
{
	char *out = c->base.last_error;
	snprintf(out, sizeof c->base.last_error, "%s: %s%s%s", what, state ? state : "",
		 state ? " " : "", msg ? msg : "unknown error");
	/* libpq messages may span lines and end with a newline; logs want one line */
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	size_t len = strlen(out);
	while (len > 0 && out[len - 1] == ' ')
		out[--len] = '\0';
}

static bool pg_state_is(const PGresult *r, const char *state)
{
	const char *s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	return s && strcmp(s, state) == 0;
}

/* pg_result_rc turns a result into a store_rc; for anything but STORE_OK it saves the message.
 * serialization_failure and deadlock_detected are STORE_RETRY, unique_violation STORE_CONFLICT. */
static int pg_result_rc(struct pg_conn *c, const PGresult *r, const char *what)
{
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return STORE_OK;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	pg_set_message(c, what, r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL,
		       msg ? msg : PQerrorMessage(c->db));
	if (pg_state_is(r, "40001") || pg_state_is(r, "40P01"))
		return STORE_RETRY;
	if (pg_state_is(r, "23505"))
		return STORE_CONFLICT;
	return STORE_ERROR;
}

static void pg_ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;  /* e.g. "relation schema_version already exists, skipping" */
}

/* ---- sessions and statements ------------------------------------------------------------ */

static int pg_prepare(struct pg_conn *c, enum pg_id id)
{
	const struct pg_statement *st = pg_statement(id);
	PGresult *r = PQprepare(c->db, st->name, st->sql, 0, NULL);
	int rc = pg_result_rc(c, r, st->name);
	if (rc != STORE_OK && pg_state_is(r, "42P05"))  /* already prepared on this session */
		rc = STORE_OK;
	PQclear(r);
	if (rc == STORE_OK)
		c->prepared[id] = true;
	return rc;
}

/* pg_session_setup applies the per-session limits (fixed text) and prepares the statements
 * that need no table. Run after connecting and after every reconnect. */
static int pg_session_setup(struct pg_conn *c)
{
	memset(c->prepared, 0, sizeof c->prepared);
	PGresult *r = PQexec(c->db, "SET statement_timeout = '10s'; SET lock_timeout = '5s'; "
				    "SET idle_in_transaction_session_timeout = '60s'");
	int rc = pg_result_rc(c, r, "session settings");
	PQclear(r);
	for (int id = 0; rc == STORE_OK && id < PG_EAGER_COUNT; id++)
		rc = pg_prepare(c, (enum pg_id)id);
	return rc;
}

/* pg_ready makes sure c can run a statement: a connection found broken outside a transaction is
 * reset once (PQreset, then the session set-up again); inside one it fails until rollback, since
 * the transaction's work is gone with the old session. */
static int pg_ready(struct pg_conn *c)
{
	if (c->tx_lost) {
		pg_set_message(c, "postgresql", NULL, "the connection was lost inside this transaction");
		return STORE_ERROR;
	}
	if (PQstatus(c->db) == CONNECTION_OK)
		return STORE_OK;
	if (c->in_tx) {
		c->tx_lost = true;
		pg_set_message(c, "postgresql", NULL, "the connection was lost inside this transaction");
		return STORE_ERROR;
	}
	PQreset(c->db);
	if (PQstatus(c->db) != CONNECTION_OK) {
		pg_set_message(c, "reconnect", NULL, PQerrorMessage(c->db));
		return STORE_ERROR;
	}
	return pg_session_setup(c);
}

PGresult *pg_exec(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int binary_result,
		  int *rc)
{
	PGresult *r = NULL;
	*rc = pg_ready(c);
	if (*rc == STORE_OK && !c->prepared[id])
		*rc = pg_prepare(c, id);
	if (*rc == STORE_OK) {
		r = PQexecPrepared(c->db, pg_statement(id)->name, p ? p->n : 0, p ? p->values : NULL,
				   p ? p->lengths : NULL, p ? p->formats : NULL, binary_result);
		*rc = pg_result_rc(c, r, pg_statement(id)->name);
		if (*rc != STORE_OK) {
			PQclear(r);
			r = NULL;
		}
	}
	if (*rc != STORE_OK && c->in_tx && PQstatus(c->db) != CONNECTION_OK)
		c->tx_lost = true;
	return r;
}

PGresult *pg_exec_guarded(struct pg_conn *c, enum pg_id id, const struct pg_params *p,
			  int binary_result, int *rc)
{
	if (!c->in_tx)
		return pg_exec(c, id, p, binary_result, rc);
	*rc = pg_exec_write(c, PG_SAVEPOINT, NULL, 0);
	if (*rc != STORE_OK)
		return NULL;
	PGresult *r = pg_exec(c, id, p, binary_result, rc);
	int back = STORE_OK;
	if (*rc == STORE_CONFLICT) {
		/* keep the conflict's message: the savepoint statements do not touch it on success */
		back = pg_exec_write(c, PG_SAVEPOINT_ROLLBACK, NULL, 0);
		if (back == STORE_OK)
			back = pg_exec_write(c, PG_SAVEPOINT_RELEASE, NULL, 0);
	} else if (*rc == STORE_OK) {
		back = pg_exec_write(c, PG_SAVEPOINT_RELEASE, NULL, 0);
	}
	if (back != STORE_OK) {
		PQclear(r);
		r = NULL;
		*rc = back;
	}
	return r;
}

int pg_exec_write(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int need_change)
{
	int rc;
	PGresult *r = pg_exec(c, id, p, 0, &rc);
	if (r && need_change && strtoll(PQcmdTuples(r), NULL, 10) == 0)
		rc = STORE_NOT_FOUND;
	PQclear(r);
	return rc;
}

int pg_exec_count(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int64_t *out)
{
	int rc;
	PGresult *r = pg_exec(c, id, p, 0, &rc);
	if (r) {
		if (PQntuples(r) >= 1) {
			*out = pg_i64(r, 0, 0);
		} else {
			pg_set_message(c, pg_statement(id)->name, NULL, "no row returned");
			rc = STORE_ERROR;
		}
	}
	PQclear(r);
	return rc;
}

int pg_one(struct pg_conn *c, enum pg_id id, const struct pg_params *p, pg_read_fn read,
	   void *out)
{
	int rc;
	PGresult *r = pg_exec(c, id, p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0)
			read(r, 0, out);
		else
			rc = STORE_NOT_FOUND;
	}
	PQclear(r);
	return rc;
}

int pg_each(struct pg_conn *c, enum pg_id id, const struct pg_params *p, pg_visit_fn visit,
	    void *ctx)
{
	int rc;
	PGresult *r = pg_exec(c, id, p, 0, &rc);
	for (int i = 0; r && i < PQntuples(r); i++)
		if (visit(r, i, ctx) != 0)
			break;
	PQclear(r);
	return rc;
}

int pg_one_ids(struct pg_conn *c, enum pg_id id, int64_t a, int64_t b, pg_read_fn read,
	       void *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, a);
	pg_p_i64(&p, b);
	return pg_one(c, id, &p, read, out);
}

int pg_each_of(struct pg_conn *c, enum pg_id id, int64_t arg, pg_visit_fn visit, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, arg);
	return pg_each(c, id, &p, visit, ctx);
}

int pg_each_ids(struct pg_conn *c, enum pg_id id, int64_t a, int64_t b, pg_visit_fn visit,
		void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, a);
	pg_p_i64(&p, b);
	return pg_each(c, id, &p, visit, ctx);
}

int pg_write_of(struct pg_conn *c, enum pg_id id, int64_t arg)
{
	struct pg_params p = {0};
	pg_p_i64(&p, arg);
	return pg_exec_write(c, id, &p, 1);
}

int pg_rows_replace(struct pg_conn *c, enum pg_id clear, const struct pg_params *key,
		    enum pg_id insert, int n, pg_bind_row_fn bind, const void *ctx)
{
	int64_t parents = 0;
	int rc = pg_exec_count(c, clear, key, &parents);
	if (rc == STORE_OK && parents == 0)
		rc = STORE_NOT_FOUND;
	for (int i = 0; rc == STORE_OK && i < n; i++) {
		struct pg_params p = {0};
		bind(&p, i, ctx);
		rc = pg_exec_write(c, insert, &p, 0);
	}
	return rc;
}

static void pg_read_id(const PGresult *r, int row, void *out)
{
	*(int64_t *)out = pg_i64(r, row, 0);
}

int pg_insert_id(struct pg_conn *c, enum pg_id id, const struct pg_params *p, int64_t *out)
{
	int rc = pg_one(c, id, p, pg_read_id, out);
	/* no row: ON CONFLICT DO NOTHING, a unique key is taken */
	return rc == STORE_NOT_FOUND ? STORE_CONFLICT : rc;
}

int pg_update_versioned(struct pg_conn *c, enum pg_id id, const struct pg_params *p,
			int64_t *version, pg_read_fn read, void *out)
{
	int rc;
	/* guarded: a unique key taken by another row is STORE_CONFLICT, transaction intact */
	PGresult *r = pg_exec_guarded(c, id, p, 0, &rc);
	if (r) {
		if (PQntuples(r) != 1) {
			pg_set_message(c, pg_statement(id)->name, NULL, "no row returned");
			rc = STORE_ERROR;
		} else if (!PQgetisnull(r, 0, 0)) {
			*version = pg_i64(r, 0, 0);
			if (read)
				read(r, 0, out);
		} else {
			rc = pg_bool(r, 0, 1) ? STORE_CONFLICT : STORE_NOT_FOUND;
		}
	}
	PQclear(r);
	return rc;
}

/* ---- parameters and columns ------------------------------------------------------------- */

static int pg_p_next(struct pg_params *p)
{
	if (p->n >= PG_MAX_PARAMS)
		abort();  /* a catalogue statement with more parameters than PG_MAX_PARAMS: a bug */
	return p->n++;
}

void pg_p_text(struct pg_params *p, const char *s)
{
	int i = pg_p_next(p);
	p->values[i] = s;
	p->lengths[i] = 0;
	p->formats[i] = 0;
}

void pg_p_i64(struct pg_params *p, int64_t v)
{
	int i = pg_p_next(p);
	snprintf(p->num[i], sizeof p->num[i], "%" PRId64, v);
	p->values[i] = p->num[i];
	p->lengths[i] = 0;
	p->formats[i] = 0;
}

void pg_p_opt(struct pg_params *p, int64_t v)
{
	if (v < 0)
		pg_p_text(p, NULL);
	else
		pg_p_i64(p, v);
}

void pg_p_limit(struct pg_params *p, int limit)
{
	pg_p_opt(p, limit);
}

void pg_p_bool(struct pg_params *p, bool v)
{
	pg_p_text(p, v ? "t" : "f");
}

void pg_p_bytes(struct pg_params *p, const void *data, size_t len)
{
	int i = pg_p_next(p);
	p->values[i] = data;
	p->lengths[i] = data ? (int)len : 0;
	p->formats[i] = 1;
}

void pg_text(const PGresult *r, int row, int col, char *dst, size_t size)
{
	const char *v = PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col);
	snprintf(dst, size, "%s", v);
}

int64_t pg_i64(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return 0;
	return (int64_t)strtoll(PQgetvalue(r, row, col), NULL, 10);
}

bool pg_bool(const PGresult *r, int row, int col)
{
	return !PQgetisnull(r, row, col) && PQgetvalue(r, row, col)[0] == 't';
}

void pg_bytes32(const PGresult *r, int row, int col, unsigned char dst[32])
{
	memset(dst, 0, 32);
	if (PQgetisnull(r, row, col))
		return;
	size_t len = 0;
	unsigned char *b = PQunescapeBytea((const unsigned char *)PQgetvalue(r, row, col), &len);
	if (b && len == 32)
		memcpy(dst, b, 32);
	PQfreemem(b);
}

/* ---- connections and transactions ------------------------------------------------------- */

static int pg_connect(const char *url, struct store_conn **out, struct err *e)
{
	struct pg_conn *c = calloc(1, sizeof *c);
	if (!c)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	/* processed in order: the URL may override connect_timeout and the application name, but
	 * the client encoding is always UTF-8, which is what every string in Caseload is */
	const char *const keys[] = {"connect_timeout", "fallback_application_name", "dbname",
				    "client_encoding", NULL};
	const char *const vals[] = {"10", "caseload", url, "UTF8", NULL};
	c->db = PQconnectdbParams(keys, vals, 1);
	if (!c->db || PQstatus(c->db) != CONNECTION_OK) {
		pg_set_message(c, "cannot connect to PostgreSQL", NULL,
			       c->db ? PQerrorMessage(c->db) : "out of memory");
		err_set(e, ERR_INTERNAL, "db", "%s", c->base.last_error);
		PQfinish(c->db);
		free(c);
		return ERR_INTERNAL;
	}
	PQsetNoticeProcessor(c->db, pg_ignore_notice, NULL);
	if (pg_session_setup(c) != STORE_OK) {
		err_set(e, ERR_INTERNAL, "db", "%s", c->base.last_error);
		PQfinish(c->db);
		free(c);
		return ERR_INTERNAL;
	}
	*out = &c->base;
	return 0;
}

static void pg_disconnect(struct store_conn *base)
{
	struct pg_conn *c = pg_conn(base);
	PQfinish(c->db);
	free(c);
}

/* pg_begin_as opens a transaction with statement id (SERIALIZABLE for store_tx_run). If the
 * server went away while the connection sat idle in the pool, the first try is what notices;
 * the connection is then reset and BEGIN, which has no effect to repeat, is tried once more. */
static int pg_begin_as(struct pg_conn *c, enum pg_id id)
{
	int rc;
	c->tx_lost = false;
	PGresult *r = pg_exec(c, id, NULL, 0, &rc);
	if (!r && PQstatus(c->db) != CONNECTION_OK)
		r = pg_exec(c, id, NULL, 0, &rc);
	PQclear(r);
	if (rc == STORE_OK)
		c->in_tx = true;
	return rc;
}

static int pg_begin(struct store_conn *base)
{
	return pg_begin_as(pg_conn(base), PG_BEGIN);
}

static int pg_commit(struct store_conn *base)
{
	struct pg_conn *c = pg_conn(base);
	int rc;
	PGresult *r = pg_exec(c, PG_COMMIT, NULL, 0, &rc);
	/* COMMIT of a transaction that had already failed "succeeds" with the tag ROLLBACK */
	if (r && strcmp(PQcmdStatus(r), "COMMIT") != 0) {
		pg_set_message(c, "commit", NULL, "the transaction had failed and was rolled back");
		rc = STORE_ERROR;
	}
	PQclear(r);
	if (rc == STORE_OK)
		c->in_tx = false;
	return rc;
}

static void pg_rollback(struct store_conn *base)
{
	struct pg_conn *c = pg_conn(base);
	PGTransactionStatusType ts = PQtransactionStatus(c->db);
	if (!c->tx_lost && (ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR)) {
		char keep[sizeof c->base.last_error];
		memcpy(keep, c->base.last_error, sizeof keep);  /* the reason matters, not this */
		int rc;
		PQclear(pg_exec(c, PG_ROLLBACK, NULL, 0, &rc));
		memcpy(c->base.last_error, keep, sizeof keep);
	}
	c->in_tx = false;
	c->tx_lost = false;
}

/* pg_bulk: nothing to change for a batch job on PostgreSQL (store_bulk). */
static int pg_bulk(struct store_conn *base)
{
	(void)base;
	return STORE_OK;
}

static int pg_check(struct store_conn *base, struct err *e)
{
	struct pg_conn *c = pg_conn(base);
	int64_t one = 0;
	if (pg_exec_count(c, PG_CHECK, NULL, &one) != STORE_OK || one != 1)
		return err_set(e, ERR_INTERNAL, "db", "PostgreSQL check failed: %s", c->base.last_error);
	return 0;
}

/* ---- migrations ------------------------------------------------------------------------- */

#define PG_MAX_MIGRATIONS 256

static int pg_latest(const struct embed_file **list, struct err *e)
{
	int n = store_migrations_for("pg", list, PG_MAX_MIGRATIONS);
	if (n < 0)
		return err_set(e, ERR_INTERNAL, NULL,
			       "the PostgreSQL migrations are not numbered 0001.. without gaps");
	return n;
}

int pg_schema_version(struct store_conn *base, int *current, int *latest, struct err *e)
{
	struct pg_conn *c = pg_conn(base);
	const struct embed_file *list[PG_MAX_MIGRATIONS];
	int n = pg_latest(list, e);
	if (n < 0)
		return ERR_INTERNAL;
	*latest = n;
	*current = 0;
	int rc;
	PGresult *r = pg_exec(c, PG_SCHEMA_EXISTS, NULL, 0, &rc);
	bool exists = r && PQntuples(r) == 1 && pg_bool(r, 0, 0);
	PQclear(r);
	int64_t v = 0;
	if (rc == STORE_OK && exists)
		rc = pg_exec_count(c, PG_SCHEMA_VERSION, NULL, &v);
	if (rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, "db", "cannot read the schema version: %s",
			       c->base.last_error);
	*current = (int)v;
	return 0;
}

/* pg_migration_step is one migration transaction: take the migration lock (so that processes
 * migrating at once take turns), read the version, and apply the next script if the database
 * lacks it. *current receives the version found; *applied says whether a script ran. */
static int pg_migration_step(struct pg_conn *c, const struct embed_file **list, int latest,
			     int *current, bool *applied, struct err *e)
{
	*applied = false;
	*current = 0;
	int rc = pg_begin_as(c, PG_BEGIN_MIGRATION);
	if (rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, "db", "cannot begin a migration: %s", c->base.last_error);
	int out = 0;
	int64_t v = 0;
	PQclear(pg_exec(c, PG_MIGRATION_LOCK, NULL, 0, &rc));
	if (rc == STORE_OK)
		rc = pg_exec_write(c, PG_SCHEMA_CREATE, NULL, 0);
	if (rc == STORE_OK)
		rc = pg_exec_count(c, PG_SCHEMA_VERSION, NULL, &v);
	if (rc != STORE_OK) {
		out = err_set(e, ERR_INTERNAL, "db", "cannot read the schema version: %s",
			      c->base.last_error);
		goto done;
	}
	*current = (int)v;
	if (*current > latest) {
		out = err_set(e, ERR_CONFLICT, "db",
			      "the database has schema version %d but this caseload knows only up to %d; "
			      "use a newer caseload", *current, latest);
		goto done;
	}
	if (*current == latest)
		goto done;
	const struct embed_file *m = list[*current];
	/* a migration script is fixed text embedded at build time, possibly several statements,
	 * so it goes through PQexec; it runs inside this transaction and must not end it */
	PGresult *r = PQexec(c->db, (const char *)m->data);
	rc = pg_result_rc(c, r, m->name);
	PQclear(r);
	if (rc != STORE_OK) {
		out = err_set(e, ERR_INTERNAL, "db", "migration %s failed: %s", m->name,
			      c->base.last_error);
		goto done;
	}
	struct pg_params p = {0};
	pg_p_i64(&p, *current + 1);
	pg_p_text(&p, m->name);
	pg_p_i64(&p, (int64_t)time(NULL));
	if (pg_exec_write(c, PG_SCHEMA_RECORD, &p, 0) != STORE_OK) {
		out = err_set(e, ERR_INTERNAL, "db", "recording migration %d failed: %s", *current + 1,
			      c->base.last_error);
		goto done;
	}
	*applied = true;
done:
	if (out == 0 && pg_commit(&c->base) != STORE_OK) {
		*applied = false;
		out = err_set(e, ERR_INTERNAL, "db", "committing a migration failed: %s",
			      c->base.last_error);
	}
	if (out != 0)
		pg_rollback(&c->base);
	return out;
}

int pg_migrate(struct store_conn *base, int *from, int *to, struct err *e)
{
	struct pg_conn *c = pg_conn(base);
	const struct embed_file *list[PG_MAX_MIGRATIONS];
	int latest = pg_latest(list, e);
	if (latest < 0)
		return ERR_INTERNAL;
	if (c->in_tx)
		return err_set(e, ERR_INTERNAL, NULL, "migrations cannot run inside a transaction");
	for (int step = 0; step <= latest + 1; step++) {
		int current = 0;
		bool applied = false;
		int rc = pg_migration_step(c, list, latest, &current, &applied, e);
		if (step == 0 && from)
			*from = current;
		if (to && (step == 0 || rc == 0))
			*to = applied ? current + 1 : current;
		if (rc != 0 || !applied)
			return rc;
	}
	return err_set(e, ERR_INTERNAL, "db", "the schema version did not advance while migrating");
}

/* ---- the backend table ------------------------------------------------------------------ */

const struct store_backend store_pg_backend = {
	.name = "postgresql",
	.connect = pg_connect,
	.disconnect = pg_disconnect,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.migrate = pg_migrate,
	.schema_version = pg_schema_version,
	.check = pg_check,
	.bulk = pg_bulk,

	.user_insert = pg_user_insert,
	.user_get = pg_user_get,
	.user_get_by_login = pg_user_get_by_login,
	.user_update = pg_user_update,
	.user_set_password = pg_user_set_password,
	.user_list = pg_user_list,
	.user_count = pg_user_count,

	.right_set = pg_right_set,
	.right_clear = pg_right_clear,
	.right_list = pg_right_list,

	.session_insert = pg_session_insert,
	.session_get = pg_session_get,
	.session_touch = pg_session_touch,
	.session_delete = pg_session_delete,
	.session_delete_user = pg_session_delete_user,
	.session_purge = pg_session_purge,

	.token_insert = pg_token_insert,
	.token_get_by_hash = pg_token_get_by_hash,
	.token_list = pg_token_list,
	.token_delete = pg_token_delete,
	.token_touch = pg_token_touch,

	.login_attempt_add = pg_login_attempt_add,
	.login_failures = pg_login_failures,
	.login_attempts_by_login = pg_login_attempts_by_login,
	.login_attempts_by_ip = pg_login_attempts_by_ip,
	.login_attempt_purge = pg_login_attempt_purge,

	.office_insert = pg_office_insert,
	.office_get = pg_office_get,
	.office_update = pg_office_update,
	.office_delete = pg_office_delete,
	.office_list = pg_office_list,
	.office_usage = pg_office_usage,
	.office_logo_set = pg_office_logo_set,
	.office_logo_get = pg_office_logo_get,

	.setting_get = pg_setting_get,
	.setting_set = pg_setting_set,
	.counter_next = pg_counter_next,

	.setup_insert = pg_setup_insert,
	.setup_get = pg_setup_get,
	.setup_update = pg_setup_update,
	.setup_delete = pg_setup_delete,
	.setup_list = pg_setup_list,
	.setup_usage = pg_setup_usage,
	.stage_first = pg_stage_first,

	.contact_insert = pg_contact_insert,
	.contact_get = pg_contact_get,
	.contact_update = pg_contact_update,
	.contact_delete = pg_contact_delete,
	.contact_list = pg_contact_list,
	.contact_usage = pg_contact_usage,

	.case_insert = pg_case_insert,
	.case_get = pg_case_get,
	.case_get_by_number = pg_case_get_by_number,
	.case_update = pg_case_update,
	.case_set_stage = pg_case_set_stage,
	.case_delete = pg_case_delete,
	.case_list = pg_case_list,

	.value_change_add = pg_value_change_add,
	.value_change_list = pg_value_change_list,

	.case_status_insert = pg_case_status_insert,
	.case_status_get = pg_case_status_get,
	.case_status_current = pg_case_status_current,
	.case_status_end = pg_case_status_end,
	.case_status_update = pg_case_status_update,
	.case_status_list = pg_case_status_list,
	.case_status_history = pg_case_status_history,

	.case_staff_insert = pg_case_staff_insert,
	.case_staff_get = pg_case_staff_get,
	.case_staff_update = pg_case_staff_update,
	.case_staff_end = pg_case_staff_end,
	.case_staff_list = pg_case_staff_list,

	.note_insert = pg_note_insert,
	.note_get = pg_note_get,
	.note_update = pg_note_update,
	.note_delete = pg_note_delete,
	.note_list = pg_note_list,

	.event_last = pg_event_last,
	.event_insert = pg_event_insert,
	.event_list = pg_event_list,
	.event_walk_all = pg_event_walk_all,

	.related_add = pg_related_add,
	.related_remove = pg_related_remove,
	.related_list = pg_related_list,
	.other_cases = pg_other_cases,

	.party_insert = pg_party_insert,
	.party_get = pg_party_get,
	.party_delete = pg_party_delete,
	.party_list = pg_party_list,

	.contact_channels_set = pg_contact_channels_set,
	.contact_channel_list = pg_contact_channel_list,
	.contact_addresses_set = pg_contact_addresses_set,
	.contact_address_list = pg_contact_address_list,
	.party_update = pg_party_update,
	.insurance_insert = pg_insurance_insert,
	.insurance_get = pg_insurance_get,
	.insurance_update = pg_insurance_update,
	.insurance_delete = pg_insurance_delete,
	.insurance_list = pg_insurance_list,
	.lien_insert = pg_lien_insert,
	.lien_get = pg_lien_get,
	.lien_update = pg_lien_update,
	.lien_delete = pg_lien_delete,
	.lien_list = pg_lien_list,
	.bankruptcy_insert = pg_bankruptcy_insert,
	.bankruptcy_get = pg_bankruptcy_get,
	.bankruptcy_update = pg_bankruptcy_update,
	.bankruptcy_delete = pg_bankruptcy_delete,
	.bankruptcy_list = pg_bankruptcy_list,
	.task_insert = pg_task_insert,
	.task_get = pg_task_get,
	.task_update = pg_task_update,
	.task_delete = pg_task_delete,
	.task_list = pg_task_list,
	.appointment_insert = pg_appointment_insert,
	.appointment_get = pg_appointment_get,
	.appointment_update = pg_appointment_update,
	.appointment_delete = pg_appointment_delete,
	.appointment_list = pg_appointment_list,
	.attendees_set = pg_attendees_set,
	.attendee_list = pg_attendee_list,
	.deadline_insert = pg_deadline_insert,
	.deadline_get = pg_deadline_get,
	.deadline_update = pg_deadline_update,
	.deadline_delete = pg_deadline_delete,
	.deadline_list = pg_deadline_list,
	.court_insert = pg_court_insert,
	.court_get = pg_court_get,
	.court_update = pg_court_update,
	.court_delete = pg_court_delete,
	.court_list = pg_court_list,
	.court_personnel_set = pg_court_personnel_set,
	.court_personnel_list = pg_court_personnel_list,
	.udf_value_set = pg_udf_value_set,
	.udf_value_list = pg_udf_value_list,
	.policy_get = pg_policy_get,
	.policy_put = pg_policy_put,
	.policy_follow_up_set = pg_policy_follow_up_set,
	.requirement_insert = pg_requirement_insert,
	.requirement_get = pg_requirement_get,
	.requirement_update = pg_requirement_update,
	.requirement_delete = pg_requirement_delete,
	.requirement_list = pg_requirement_list,
	.follow_up_get = pg_follow_up_get,
	.follow_up_set = pg_follow_up_set,
	.follow_up_stage_get = pg_follow_up_stage_get,
	.advisor_list = pg_advisor_list,
	.advisor_log_insert = pg_advisor_log_insert,
	.advisor_log_list = pg_advisor_log_list,
	.report_pairs = pg_report_pairs,
	.report_case_get = pg_report_case_get,
	.report_preview_insert = pg_report_preview_insert,
	.report_preview_get = pg_report_preview_get,
	.report_item_insert = pg_report_item_insert,
	.report_item_get = pg_report_item_get,
	.report_item_list = pg_report_item_list,
	.report_item_cases = pg_report_item_cases,
	.report_item_case_briefs = pg_report_item_case_briefs,
	.report_item_mark = pg_report_item_mark,
	.report_item_next_unapplied = pg_report_item_next_unapplied,
	.report_send_insert = pg_report_send_insert,
	.report_send_get = pg_report_send_get,
	.report_send_by_preview = pg_report_send_by_preview,
	.report_send_update = pg_report_send_update,
	.report_send_claim = pg_report_send_claim,
	.report_letters_clear = pg_report_letters_clear,
	.report_letters_append = pg_report_letters_append,
	.report_letters_read = pg_report_letters_read,
	.mail_insert = pg_mail_insert,
	.mail_get = pg_mail_get,
	.mail_claim = pg_mail_claim,
	.mail_finish = pg_mail_finish,
	.mail_recover = pg_mail_recover,
	.mail_resolve = pg_mail_resolve,
	.mail_list = pg_mail_list,
	.mail_count = pg_mail_count,
};
