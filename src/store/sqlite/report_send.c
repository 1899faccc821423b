/* report_send.c - SQLite rows of report_send and report_letters_chunk: the send made from a
 * preview (at most one per preview), the lease a worker holds on its next step, and the
 * send's letters as one PDF kept in chunks.
 *
 * What a step does (applying items, rendering letters) is domain/report.c and
 * jobs/status_report.c; the previews and items are report.c. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>

static void sq_read_send(sqlite3_stmt *st, void *row)
{
	struct store_report_send *s = row;
	s->id = sqlite3_column_int64(st, 0);
	s->preview_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, s->state, sizeof s->state);
	sq_text(st, 3, s->letters_state, sizeof s->letters_state);
	s->letters_pages = sqlite3_column_int64(st, 4);
	s->letters_bytes = sqlite3_column_int64(st, 5);
	sq_text(st, 6, s->letters_error, sizeof s->letters_error);
	s->claimed_until = sqlite3_column_int64(st, 7);
	s->created_by = sqlite3_column_int64(st, 8);
	s->created_at = sqlite3_column_int64(st, 9);
	s->finished_at = sqlite3_column_int64(st, 10);
}

/* sqlite_report_send_insert writes the send of s->preview_id with every field of s (an empty
 * state is preparing, an empty letters state none); s->id comes back. STORE_CONFLICT when the
 * preview has a send already. */
int sqlite_report_send_insert(struct store_conn *base, struct store_report_send *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_SEND_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->preview_id);
	sqlite3_bind_text(st, 2, s->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->letters_state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, s->letters_pages);
	sqlite3_bind_int64(st, 5, s->letters_bytes);
	sqlite3_bind_text(st, 6, s->letters_error, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, s->claimed_until);
	sqlite3_bind_int64(st, 8, s->created_by);
	sqlite3_bind_int64(st, 9, s->created_at);
	sqlite3_bind_int64(st, 10, s->finished_at);
	int rc = sq_insert_id(c, st, &s->id);
	if (rc == STORE_OK) {
		if (s->state[0] == '\0')
			snprintf(s->state, sizeof s->state, "preparing");
		if (s->letters_state[0] == '\0')
			snprintf(s->letters_state, sizeof s->letters_state, "none");
	}
	return rc;
}

int sqlite_report_send_get(struct store_conn *base, int64_t id, struct store_report_send *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_SEND_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_one(c, st, sq_read_send, s);
}

int sqlite_report_send_by_preview(struct store_conn *base, int64_t preview_id,
				  struct store_report_send *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_SEND_BY_PREVIEW);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, preview_id);
	return sq_one(c, st, sq_read_send, s);
}

/* sqlite_report_send_update writes state, letters_* and finished_at (not the lease);
 * STORE_NOT_FOUND when the send is gone. */
int sqlite_report_send_update(struct store_conn *base, const struct store_report_send *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REPORT_SEND_UPDATE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->id);
	sqlite3_bind_text(st, 2, s->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->letters_state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, s->letters_pages);
	sqlite3_bind_int64(st, 5, s->letters_bytes);
	sqlite3_bind_text(st, 6, s->letters_error, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, s->finished_at);
	return sq_exec_write(c, st, 1);
}

/* sqlite_report_send_claim takes the lease with one UPDATE ... RETURNING, which SQLite runs
 * atomically, so two workers cannot both take a send: the second sees the first's
 * claimed_until. It works inside a transaction (the claim is then the caller's to commit) and
 * outside one, where the statement is a write transaction of its own: it is stepped to its end
 * so that the commit has happened, and succeeded, before this returns. */
int sqlite_report_send_claim(struct store_conn *base, int64_t send_id, int64_t now,
			     int64_t until, struct store_report_send *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_REPORT_SEND_CLAIM, send_id > 0 ? send_id : 0, now);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 3, until);
	int step = sqlite3_step(st), rc = STORE_NOT_FOUND;
	if (step == SQLITE_ROW) {
		sq_read_send(st, s);
		rc = STORE_OK;
		step = sqlite3_step(st);
	}
	if (step != SQLITE_DONE)
		rc = sq_rc(c, sqlite3_extended_errcode(c->db));
	sq_done(st);
	return rc;
}

int sqlite_report_letters_clear(struct store_conn *base, int64_t send_id)
{
	struct sqlite_conn *c = sq_conn(base);
	int rc = sq_write_of(c, SQ_REPORT_LETTERS_CLEAR, send_id);
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

/* sqlite_report_letters_append stores chunk seq of a send's letters (the bytes are copied);
 * STORE_CONFLICT when that chunk is there already. */
int sqlite_report_letters_append(struct store_conn *base, int64_t send_id, int64_t seq,
				 const void *data, size_t len)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_REPORT_LETTERS_APPEND, send_id, seq);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_blob64(st, 3, data && len ? data : "", len, SQLITE_STATIC);
	return sq_exec_write(c, st, 0);
}

struct sq_chunk_walk {
	store_bytes_each_fn each;
	void *ctx;
};

static int sq_visit_chunk(sqlite3_stmt *st, void *ctx)
{
	struct sq_chunk_walk *w = ctx;
	const void *data = sqlite3_column_blob(st, 0);
	size_t len = (size_t)sqlite3_column_bytes(st, 0);
	return w->each(data ? data : "", len, w->ctx);
}

int sqlite_report_letters_read(struct store_conn *base, int64_t send_id,
			       store_bytes_each_fn each, void *ctx)
{
	struct sq_chunk_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_REPORT_LETTERS_READ, send_id, sq_visit_chunk, &w);
}
