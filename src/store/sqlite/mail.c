/* mail.c - SQLite rows of mail_outbox: every e-mail the server sends, queued in the
 * transaction of the change that causes it and drained by jobs/outbox.c.
 *
 * A row goes pending -> sending (claimed by one worker, committed before the SMTP exchange)
 * -> sent | failed | in_doubt, or back to pending for a retry. A row caught in sending is never
 * resent by itself: recovery moves it to in_doubt and an operator resolves it. Transport, back
 * off and message building are jobs/outbox.c and render/mail.c. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* sq_read_mail reads MAIL_COLUMNS: the row without its body (message NULL, message_len the
 * stored length). */
static void sq_read_mail(sqlite3_stmt *st, void *row)
{
	struct store_mail *m = row;
	m->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, m->run_id, sizeof m->run_id);
	sq_text(st, 2, m->recipient_id, sizeof m->recipient_id);
	sq_text(st, 3, m->message_id, sizeof m->message_id);
	sq_text(st, 4, m->mail_from, sizeof m->mail_from);
	sq_text(st, 5, m->rcpt_to, sizeof m->rcpt_to);
	sq_text(st, 6, m->subject, sizeof m->subject);
	sq_text(st, 7, m->state, sizeof m->state);
	m->attempts = sqlite3_column_int64(st, 8);
	m->next_attempt_at = sqlite3_column_int64(st, 9);
	sq_text(st, 10, m->claimed_by, sizeof m->claimed_by);
	m->claimed_until = sqlite3_column_int64(st, 11);
	sq_text(st, 12, m->last_error, sizeof m->last_error);
	m->created_at = sqlite3_column_int64(st, 13);
	m->updated_at = sqlite3_column_int64(st, 14);
	m->sent_at = sqlite3_column_int64(st, 15);
	m->message = NULL;
	m->message_len = (size_t)sqlite3_column_int64(st, 16);
}

/* sq_read_body copies column 17 (the message) into a malloc'd, NUL-terminated buffer in m;
 * STORE_ERROR when out of memory. */
static int sq_read_body(struct sqlite_conn *c, sqlite3_stmt *st, struct store_mail *m)
{
	const void *data = sqlite3_column_blob(st, 17);
	size_t len = (size_t)sqlite3_column_bytes(st, 17);
	m->message = malloc(len + 1);
	if (!m->message) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
		return STORE_ERROR;
	}
	if (len)
		memcpy(m->message, data, len);
	m->message[len] = '\0';
	m->message_len = len;
	return STORE_OK;
}

/* sqlite_mail_insert queues m as pending, due at m->next_attempt_at (at once when it is not
 * after now); id, state and times come back in m. STORE_CONFLICT, with nothing written, when
 * (run_id, recipient_id) is queued already (or the message id is taken). */
int sqlite_mail_insert(struct store_conn *base, struct store_mail *m, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_MAIL_INSERT);
	if (!st)
		return STORE_ERROR;
	int64_t due = m->next_attempt_at > now ? m->next_attempt_at : now;
	sqlite3_bind_text(st, 1, m->run_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->recipient_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->message_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->mail_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->rcpt_to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->subject, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 7, m->message && m->message_len ? m->message : "",
			    m->message_len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, due);
	sqlite3_bind_int64(st, 9, now);
	/* ON CONFLICT DO NOTHING returns no row when the pair is queued already */
	int step = sqlite3_step(st), rc = STORE_CONFLICT;
	if (step == SQLITE_ROW) {
		m->id = sqlite3_column_int64(st, 0);
		rc = STORE_OK;
		step = sqlite3_step(st);
	}
	if (step != SQLITE_DONE)
		rc = sq_rc(c, sqlite3_extended_errcode(c->db));
	sq_done(st);
	if (rc == STORE_OK) {
		snprintf(m->state, sizeof m->state, "pending");
		m->attempts = 0;
		m->next_attempt_at = due;
		m->claimed_by[0] = '\0';
		m->claimed_until = 0;
		m->last_error[0] = '\0';
		m->created_at = now;
		m->updated_at = now;
		m->sent_at = 0;
	}
	return rc;
}

/* sq_one_mail steps a bound select or UPDATE ... RETURNING of one outbox row to its end: m is
 * filled (with the body when with_body) and STORE_OK, or STORE_NOT_FOUND, or an error rc. */
static int sq_one_mail(struct sqlite_conn *c, sqlite3_stmt *st, bool with_body,
		       struct store_mail *m)
{
	int step = sqlite3_step(st), rc = STORE_NOT_FOUND;
	if (step == SQLITE_ROW) {
		sq_read_mail(st, m);
		rc = with_body ? sq_read_body(c, st, m) : STORE_OK;
		step = sqlite3_step(st);
	}
	if (step != SQLITE_DONE && step != SQLITE_ROW) {
		int err = sq_rc(c, sqlite3_extended_errcode(c->db));
		if (rc == STORE_OK) {
			free(m->message);
			m->message = NULL;
		}
		rc = err;
	}
	sq_done(st);
	return rc;
}

int sqlite_mail_get(struct store_conn *base, int64_t id, bool with_body, struct store_mail *m)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, with_body ? SQ_MAIL_GET_BODY : SQ_MAIL_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_one_mail(c, st, with_body, m);
}

/* sq_claim_mail runs the claim statement (one UPDATE ... RETURNING of the row due first). */
static int sq_claim_mail(struct sqlite_conn *c, const char *run_id, int64_t now,
			 const char *worker, int64_t until, struct store_mail *m)
{
	sqlite3_stmt *st = sq_stmt(c, SQ_MAIL_CLAIM);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, run_id ? run_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_text(st, 3, worker, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, until);
	return sq_one_mail(c, st, true, m);
}

/* sqlite_mail_claim moves the pending row due first (by next_attempt_at, then id) to sending
 * inside its own BEGIN IMMEDIATE ... COMMIT, so that the claim is durable before the caller
 * talks to the SMTP server. Called inside a transaction, it is part of that one instead (the
 * caller commits). m->message is malloc'd on STORE_OK only. */
int sqlite_mail_claim(struct store_conn *base, const char *run_id, int64_t now,
		      const char *worker, int64_t until, struct store_mail *m)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!sqlite3_get_autocommit(c->db))
		return sq_claim_mail(c, run_id, now, worker, until, m);
	sqlite3_stmt *st = sq_stmt(c, SQ_BEGIN_IMMEDIATE);
	if (!st)
		return STORE_ERROR;
	int rc = sq_exec_write(c, st, 0);
	if (rc != STORE_OK)
		return rc;
	rc = sq_claim_mail(c, run_id, now, worker, until, m);
	if (rc == STORE_OK || rc == STORE_NOT_FOUND) {
		st = sq_stmt(c, SQ_COMMIT);
		int commit = st ? sq_exec_write(c, st, 0) : STORE_ERROR;
		if (commit != STORE_OK) {
			if (rc == STORE_OK) {
				free(m->message);
				m->message = NULL;
			}
			rc = commit;
		}
	}
	if (rc != STORE_OK && rc != STORE_NOT_FOUND && !sqlite3_get_autocommit(c->db)) {
		st = sq_stmt(c, SQ_ROLLBACK);
		if (st)
			sq_exec_write(c, st, 0);
	}
	return rc;
}

/* sqlite_mail_finish moves row id from this worker's sending to state; pending is a retry
 * (attempts + 1, due at next_attempt_at), sent records sent_at. STORE_NOT_FOUND when the row
 * is not in sending or was claimed by another worker. */
int sqlite_mail_finish(struct store_conn *base, int64_t id, const char *worker,
		       const char *state, const char *error, int64_t next_attempt_at, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_MAIL_FINISH);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, worker, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, error ? error : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, next_attempt_at);
	sqlite3_bind_int64(st, 6, now);
	return sq_exec_write(c, st, 1);
}

int sqlite_mail_recover(struct store_conn *base, bool all, int64_t now, int64_t *count)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_MAIL_RECOVER);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int(st, 1, all);
	sqlite3_bind_int64(st, 2, now);
	int rc = sq_exec_write(c, st, 0);
	if (count)
		*count = rc == STORE_OK ? sqlite3_changes64(c->db) : 0;
	return rc;
}

/* sqlite_mail_resolve moves an in_doubt row to sent or pending (due at now); another state is
 * STORE_ERROR, a row not in doubt STORE_NOT_FOUND. */
int sqlite_mail_resolve(struct store_conn *base, int64_t id, const char *state, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	if (!state || (strcmp(state, "sent") != 0 && strcmp(state, "pending") != 0)) {
		snprintf(c->base.last_error, sizeof c->base.last_error,
			 "an in_doubt e-mail resolves to sent or pending only");
		return STORE_ERROR;
	}
	sqlite3_stmt *st = sq_stmt(c, SQ_MAIL_RESOLVE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	return sq_exec_write(c, st, 1);
}

struct sq_mail_walk {
	store_mail_each_fn each;
	void *ctx;
};

static int sq_visit_mail(sqlite3_stmt *st, void *ctx)
{
	struct sq_mail_walk *w = ctx;
	struct store_mail m;
	sq_read_mail(st, &m);
	return w->each(&m, w->ctx);
}

int sqlite_mail_list(struct store_conn *base, const char *state, const char *run_id,
		     int64_t after_id, int limit, store_mail_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	bool by_run = run_id && run_id[0];
	sqlite3_stmt *st = sq_stmt(c, by_run ? SQ_MAIL_LIST_RUN : SQ_MAIL_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_text(st, 2, state ? state : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, by_run ? run_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, limit);
	struct sq_mail_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_mail, &w);
}

int sqlite_mail_count(struct store_conn *base, const char *run_id, const char *state,
		      int64_t *count)
{
	struct sqlite_conn *c = sq_conn(base);
	bool by_run = run_id && run_id[0];
	sqlite3_stmt *st = sq_stmt(c, by_run ? SQ_MAIL_COUNT_RUN : SQ_MAIL_COUNT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, by_run ? run_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, state ? state : "", -1, SQLITE_STATIC);
	return sq_count(c, st, count);
}
