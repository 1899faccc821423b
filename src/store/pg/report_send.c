/* report_send.c - PostgreSQL rows of report_send (the one send of a preview, its steps and a
 * worker's lease on the next one) and report_letters_chunk (the send's letters as one PDF, in
 * chunks).
 *
 * Mirrors ../sqlite/report_send.c. The steps themselves are domain/report.c, run by
 * jobs/status_report.c; the previews and their reports are report.c. A lease is taken on a
 * row locked with FOR UPDATE SKIP LOCKED, so that workers on several servers never take the
 * same send. Chunks are written and read in binary, one per round trip, so that a large PDF
 * is never held whole. */
#include "store/pg/pg.h"

#include <stdlib.h>
#include <string.h>

static void pg_read_send(const PGresult *r, int row, void *out)
{
	struct store_report_send *s = out;
	s->id = pg_i64(r, row, 0);
	s->preview_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, s->state, sizeof s->state);
	pg_text(r, row, 3, s->letters_state, sizeof s->letters_state);
	s->letters_pages = pg_i64(r, row, 4);
	s->letters_bytes = pg_i64(r, row, 5);
	pg_text(r, row, 6, s->letters_error, sizeof s->letters_error);
	s->claimed_until = pg_i64(r, row, 7);
	s->created_by = pg_i64(r, row, 8);
	s->created_at = pg_i64(r, row, 9);
	s->finished_at = pg_i64(r, row, 10);
}

/* pg_report_send_insert writes the send of s->preview_id with every field of s (an empty
 * state is preparing, an empty letters state none) and reads it back into s. STORE_CONFLICT
 * when the preview has a send already. */
int pg_report_send_insert(struct store_conn *base, struct store_report_send *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, s->preview_id);
	pg_p_text(&p, s->state);
	pg_p_text(&p, s->letters_state);
	pg_p_i64(&p, s->letters_pages);
	pg_p_i64(&p, s->letters_bytes);
	pg_p_text(&p, s->letters_error);
	pg_p_i64(&p, s->claimed_until);
	pg_p_i64(&p, s->created_by);
	pg_p_i64(&p, s->created_at);
	pg_p_i64(&p, s->finished_at);
	int rc = pg_one(pg_conn(base), PG_REPORT_SEND_INSERT, &p, pg_read_send, s);
	/* no row back: the preview has its send already */
	return rc == STORE_NOT_FOUND ? STORE_CONFLICT : rc;
}

/* pg_report_send_get fills s; STORE_NOT_FOUND when absent. */
int pg_report_send_get(struct store_conn *base, int64_t id, struct store_report_send *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	memset(s, 0, sizeof *s);
	return pg_one(pg_conn(base), PG_REPORT_SEND_GET, &p, pg_read_send, s);
}

/* pg_report_send_by_preview fills s with the send of a preview; STORE_NOT_FOUND when none. */
int pg_report_send_by_preview(struct store_conn *base, int64_t preview_id,
			      struct store_report_send *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, preview_id);
	memset(s, 0, sizeof *s);
	return pg_one(pg_conn(base), PG_REPORT_SEND_BY_PREVIEW, &p, pg_read_send, s);
}

/* pg_report_send_update writes state, letters_* and finished_at (whatever the lease). */
int pg_report_send_update(struct store_conn *base, const struct store_report_send *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, s->id);
	pg_p_text(&p, s->state);
	pg_p_text(&p, s->letters_state);
	pg_p_i64(&p, s->letters_pages);
	pg_p_i64(&p, s->letters_bytes);
	pg_p_text(&p, s->letters_error);
	pg_p_i64(&p, s->finished_at);
	return pg_exec_write(pg_conn(base), PG_REPORT_SEND_UPDATE, &p, 1);
}

/* pg_report_send_claim takes the lease (one UPDATE of a row locked with SKIP LOCKED) of the
 * oldest send with work left whose lease ended before now, or of send_id only when > 0;
 * STORE_NOT_FOUND when none. */
int pg_report_send_claim(struct store_conn *base, int64_t send_id, int64_t now, int64_t until,
			 struct store_report_send *s)
{
	struct pg_params p = {0};
	pg_p_i64(&p, send_id);
	pg_p_i64(&p, now);
	pg_p_i64(&p, until);
	memset(s, 0, sizeof *s);
	return pg_one(pg_conn(base), PG_REPORT_SEND_CLAIM, &p, pg_read_send, s);
}

/* pg_report_letters_clear removes a send's letter chunks (none is not an error). */
int pg_report_letters_clear(struct store_conn *base, int64_t send_id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, send_id);
	return pg_exec_write(pg_conn(base), PG_REPORT_LETTERS_CLEAR, &p, 0);
}

/* pg_report_letters_append stores chunk seq (the bytes are copied); STORE_CONFLICT when
 * that chunk is there already. */
int pg_report_letters_append(struct store_conn *base, int64_t send_id, int64_t seq,
			     const void *data, size_t len)
{
	struct pg_params p = {0};
	pg_p_i64(&p, send_id);
	pg_p_i64(&p, seq);
	pg_p_bytes(&p, data ? data : "", len);
	int64_t stored = 0;
	/* no row back: that chunk is there already (the transaction stays usable) */
	return pg_insert_id(pg_conn(base), PG_REPORT_LETTERS_APPEND, &p, &stored);
}

/* pg_report_letters_read asks for one chunk at a time (the next after the last seq read), in
 * binary: column 0 the bytes, column 1 the seq as text. */
int pg_report_letters_read(struct store_conn *base, int64_t send_id, store_bytes_each_fn each,
			   void *ctx)
{
	struct pg_conn *c = pg_conn(base);
	int64_t after = -1;
	for (;;) {
		struct pg_params p = {0};
		pg_p_i64(&p, send_id);
		pg_p_i64(&p, after);
		int rc;
		PGresult *r = pg_exec(c, PG_REPORT_LETTERS_NEXT, &p, 1, &rc);
		if (!r)
			return rc;
		if (PQntuples(r) == 0) {
			PQclear(r);
			return STORE_OK;
		}
		after = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
		int stop = each(PQgetvalue(r, 0, 0), (size_t)PQgetlength(r, 0, 0), ctx);
		PQclear(r);
		if (stop != 0)
			return STORE_OK;
	}
}
