/* note.c - PostgreSQL rows of note: what was said on a case, with its type, date and time and
 * creator, searchable by its body.
 *
 * Mirrors ../sqlite/note.c. The search words become a tsquery in search.c. Who may edit or
 * delete a note (its creator or an administrator) is decided in domain/note.c. */
#include "store/pg/pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void pg_read_note(const PGresult *r, int row, void *out)
{
	struct store_note *n = out;
	n->id = pg_i64(r, row, 0);
	n->case_id = pg_i64(r, row, 1);
	n->note_type_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, n->body, sizeof n->body);
	n->at = pg_i64(r, row, 4);
	n->created_by = pg_i64(r, row, 5);
	n->version = pg_i64(r, row, 6);
	n->created_at = pg_i64(r, row, 7);
	n->updated_at = pg_i64(r, row, 8);
	pg_text(r, row, 9, n->note_type_name, sizeof n->note_type_name);
	pg_text(r, row, 10, n->creator_name, sizeof n->creator_name);
}

int pg_note_insert(struct store_conn *base, struct store_note *n, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, n->case_id);
	pg_p_i64(&p, n->note_type_id);
	pg_p_text(&p, n->body);
	pg_p_i64(&p, n->at);
	pg_p_i64(&p, n->created_by);
	pg_p_i64(&p, now);
	int rc = pg_insert_id(pg_conn(base), PG_NOTE_INSERT, &p, &n->id);
	if (rc == STORE_OK) {
		n->version = 1;
		n->created_at = now;
		n->updated_at = now;
	}
	return rc;
}

int pg_note_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_note *n)
{
	return pg_one_ids(pg_conn(base), PG_NOTE_GET, case_id, id, pg_read_note, n);
}

int pg_note_update(struct store_conn *base, struct store_note *n, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, n->id);
	pg_p_i64(&p, n->case_id);
	pg_p_i64(&p, n->note_type_id);
	pg_p_text(&p, n->body);
	pg_p_i64(&p, n->at);
	pg_p_i64(&p, n->version);
	pg_p_i64(&p, now);
	int rc = pg_update_versioned(pg_conn(base), PG_NOTE_UPDATE, &p, &n->version, NULL, NULL);
	if (rc == STORE_OK)
		n->updated_at = now;
	return rc;
}

int pg_note_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_NOTE_DELETE, id);
}

struct pg_note_walk {
	store_note_each_fn each;
	void *ctx;
	struct store_note *row;  /* one buffer for every row (a note is ~8 KB) */
};

static int pg_visit_note(const PGresult *r, int row, void *ctx)
{
	struct pg_note_walk *w = ctx;
	memset(w->row, 0, sizeof *w->row);
	pg_read_note(r, row, w->row);
	return w->each(w->row, w->ctx);
}

int pg_note_list(struct store_conn *base, int64_t case_id, const char *q, int64_t before_at,
		 int64_t before_id, int limit, store_note_each_fn each, void *ctx)
{
	char *tsq = pg_tsquery(q);
	struct store_note *row = malloc(sizeof *row);
	if (!tsq || !row) {
		free(tsq);
		free(row);
		snprintf(base->last_error, sizeof base->last_error, "note list: out of memory");
		return STORE_ERROR;
	}
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	pg_p_text(&p, tsq);
	pg_p_i64(&p, before_at);
	pg_p_i64(&p, before_id);
	pg_p_limit(&p, limit);
	struct pg_note_walk w = {each, ctx, row};
	int rc = pg_each(pg_conn(base), PG_NOTE_LIST, &p, pg_visit_note, &w);
	free(row);
	free(tsq);
	return rc;
}
