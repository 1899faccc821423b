/* mail.c - PostgreSQL rows of mail_outbox: every e-mail the server sends, queued in the
 * transaction of the change that causes it, then claimed, sent and marked by jobs/outbox.c.
 *
 * Mirrors ../sqlite/mail.c. States: pending -> sending (committed before SMTP) -> sent |
 * failed | in_doubt; an in_doubt row is never sent again by itself (store_mail_resolve). A
 * claim is one statement that locks the oldest due row with FOR UPDATE SKIP LOCKED and moves
 * it to sending; called outside a transaction, as it must be, it commits on its own, so that
 * workers on several servers never take the same row. Bodies are bytea: written in binary,
 * read in text (hex) and decoded. */
#include "store/pg/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pg_read_mail reads MAIL_COLUMNS (catalogue_reports.c) without the body; message_len is the
 * body's length. */
static void pg_read_mail(const PGresult *r, int row, struct store_mail *m)
{
	m->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, m->run_id, sizeof m->run_id);
	pg_text(r, row, 2, m->recipient_id, sizeof m->recipient_id);
	pg_text(r, row, 3, m->message_id, sizeof m->message_id);
	pg_text(r, row, 4, m->mail_from, sizeof m->mail_from);
	pg_text(r, row, 5, m->rcpt_to, sizeof m->rcpt_to);
	pg_text(r, row, 6, m->subject, sizeof m->subject);
	pg_text(r, row, 7, m->state, sizeof m->state);
	m->attempts = pg_i64(r, row, 8);
	m->next_attempt_at = pg_i64(r, row, 9);
	pg_text(r, row, 10, m->claimed_by, sizeof m->claimed_by);
	m->claimed_until = pg_i64(r, row, 11);
	pg_text(r, row, 12, m->last_error, sizeof m->last_error);
	m->created_at = pg_i64(r, row, 13);
	m->updated_at = pg_i64(r, row, 14);
	m->sent_at = pg_i64(r, row, 15);
	m->message = NULL;
	m->message_len = (size_t)pg_i64(r, row, 16);
}

/* pg_read_mail_body reads a row of MAIL_COLUMNS and the body after them (column 17, bytea in
 * text form) into a malloc'd, NUL-terminated m->message; STORE_ERROR when out of memory. */
static int pg_read_mail_body(struct pg_conn *c, const PGresult *r, struct store_mail *m)
{
	pg_read_mail(r, 0, m);
	size_t len = 0;
	unsigned char *raw = PQunescapeBytea((const unsigned char *)PQgetvalue(r, 0, 17), &len);
	if (raw)
		m->message = malloc(len + 1);
	if (!raw || !m->message) {
		PQfreemem(raw);
		snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
		return STORE_ERROR;
	}
	memcpy(m->message, raw, len);
	m->message[len] = '\0';
	m->message_len = len;
	PQfreemem(raw);
	return STORE_OK;
}

/* pg_mail_one runs a statement giving at most one outbox row (with its body when with_body)
 * into m: STORE_OK, STORE_NOT_FOUND or an error rc. */
static int pg_mail_one(struct pg_conn *c, enum pg_id id, const struct pg_params *p,
		       bool with_body, struct store_mail *m)
{
	memset(m, 0, sizeof *m);
	int rc;
	PGresult *r = pg_exec(c, id, p, 0, &rc);
	if (r && PQntuples(r) == 0)
		rc = STORE_NOT_FOUND;
	else if (r && with_body)
		rc = pg_read_mail_body(c, r, m);
	else if (r)
		pg_read_mail(r, 0, m);
	PQclear(r);
	return rc;
}

/* pg_mail_insert queues m as pending, due at m->next_attempt_at (at once when it is not after
 * now); id, state and times come back in m. STORE_CONFLICT, with nothing written, when
 * (run_id, recipient_id) is queued already (or the message id is taken). */
int pg_mail_insert(struct store_conn *base, struct store_mail *m, int64_t now)
{
	struct pg_params p = {0};
	pg_p_text(&p, m->run_id);
	pg_p_text(&p, m->recipient_id);
	pg_p_text(&p, m->message_id);
	pg_p_text(&p, m->mail_from);
	pg_p_text(&p, m->rcpt_to);
	pg_p_text(&p, m->subject);
	pg_p_bytes(&p, m->message ? m->message : "", m->message_len);
	int64_t due = m->next_attempt_at > now ? m->next_attempt_at : now;
	pg_p_i64(&p, due);
	pg_p_i64(&p, now);
	/* no row back: (run, recipient) or the message id is queued already */
	int rc = pg_insert_id(pg_conn(base), PG_MAIL_INSERT, &p, &m->id);
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

/* pg_mail_get fills m, with a malloc'd body the caller frees when with_body. */
int pg_mail_get(struct store_conn *base, int64_t id, bool with_body, struct store_mail *m)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_mail_one(pg_conn(base), with_body ? PG_MAIL_GET_BODY : PG_MAIL_GET, &p,
			   with_body, m);
}

/* pg_mail_claim is one statement (PG_MAIL_CLAIM). Called outside a transaction, as it should
 * be, it is a transaction of its own, committed when it returns: the row is in sending before
 * anything is handed to SMTP. Called inside one, it is part of that one instead (the caller
 * commits). m->message is malloc'd on STORE_OK only. */
int pg_mail_claim(struct store_conn *base, const char *run_id, int64_t now, const char *worker,
		  int64_t until, struct store_mail *m)
{
	struct pg_conn *c = pg_conn(base);
	struct pg_params p = {0};
	pg_p_text(&p, run_id ? run_id : "");
	pg_p_i64(&p, now);
	pg_p_text(&p, worker);
	pg_p_i64(&p, until);
	return pg_mail_one(c, PG_MAIL_CLAIM, &p, true, m);
}

/* pg_mail_finish moves row id from this worker's sending to state; pending is a retry
 * (attempts + 1, due at next_attempt_at), sent records sent_at. STORE_NOT_FOUND when the row
 * is not in sending or was claimed by another worker. */
int pg_mail_finish(struct store_conn *base, int64_t id, const char *worker, const char *state,
		   const char *error, int64_t next_attempt_at, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, worker);
	pg_p_text(&p, state);
	pg_p_text(&p, error ? error : "");
	pg_p_i64(&p, next_attempt_at);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_MAIL_FINISH, &p, 1);
}

/* pg_mail_recover moves rows in sending to in_doubt (all, or those whose lease ended before
 * now); *count says how many. */
int pg_mail_recover(struct store_conn *base, bool all, int64_t now, int64_t *count)
{
	struct pg_params p = {0};
	pg_p_bool(&p, all);
	pg_p_i64(&p, now);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_MAIL_RECOVER, &p, 0, &rc);
	*count = r ? strtoll(PQcmdTuples(r), NULL, 10) : 0;
	PQclear(r);
	return rc;
}

/* pg_mail_resolve moves an in_doubt row to sent or to pending (due at once);
 * STORE_NOT_FOUND when the row is not in doubt. */
int pg_mail_resolve(struct store_conn *base, int64_t id, const char *state, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, state);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_MAIL_RESOLVE, &p, 1);
}

/* pg_mail_list walks rows without bodies with id > after_id, at most limit, of a state and
 * run ("" = any). */
int pg_mail_list(struct store_conn *base, const char *state, const char *run_id,
		 int64_t after_id, int limit, store_mail_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_text(&p, state ? state : "");
	pg_p_text(&p, run_id ? run_id : "");
	pg_p_i64(&p, after_id);
	pg_p_limit(&p, limit);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_MAIL_LIST, &p, 0, &rc);
	for (int i = 0; r && i < PQntuples(r); i++) {
		struct store_mail m;
		memset(&m, 0, sizeof m);
		pg_read_mail(r, i, &m);
		if (each(&m, ctx) != 0)
			break;
	}
	PQclear(r);
	return rc;
}

/* pg_mail_count counts the rows of a run ("" = all) in a state ("" = any). */
int pg_mail_count(struct store_conn *base, const char *run_id, const char *state,
		  int64_t *count)
{
	struct pg_params p = {0};
	pg_p_text(&p, run_id ? run_id : "");
	pg_p_text(&p, state ? state : "");
	return pg_exec_count(pg_conn(base), PG_MAIL_COUNT, &p, count);
}
