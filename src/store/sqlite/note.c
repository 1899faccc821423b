/* note.c - SQLite rows of note: what was said on a case, by whom, of which type, and the
 * notes list newest first with text search over the bodies (note_fts, written alongside the
 * rows: see sq_search_take in search.c).
 *
 * Who may edit or delete a note (its creator or an administrator) is domain/note.c. */
#include "store/sqlite/sqlite.h"

#include <stdlib.h>

static void sq_read_note(sqlite3_stmt *st, void *row)
{
	struct store_note *n = row;
	n->id = sqlite3_column_int64(st, 0);
	n->case_id = sqlite3_column_int64(st, 1);
	n->note_type_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, n->body, sizeof n->body);
	n->at = sqlite3_column_int64(st, 4);
	n->created_by = sqlite3_column_int64(st, 5);
	n->version = sqlite3_column_int64(st, 6);
	n->created_at = sqlite3_column_int64(st, 7);
	n->updated_at = sqlite3_column_int64(st, 8);
	sq_text(st, 9, n->note_type_name, sizeof n->note_type_name);
	sq_text(st, 10, n->creator_name, sizeof n->creator_name);
}

int sqlite_note_insert(struct store_conn *base, struct store_note *n, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_NOTE_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, n->case_id);
	sqlite3_bind_int64(st, 2, n->note_type_id);
	sqlite3_bind_text(st, 3, n->body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, n->at);
	sqlite3_bind_int64(st, 5, n->created_by);
	sqlite3_bind_int64(st, 6, now);
	int rc = sq_insert_id(c, st, &n->id);
	if (rc == STORE_OK)
		rc = sq_search_put(c, SQ_NOTE_FTS_ADD, n->id);
	if (rc == STORE_OK) {
		n->version = 1;
		n->created_at = now;
		n->updated_at = now;
	}
	return rc;
}

int sqlite_note_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_note *n)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_NOTE_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_note, n) : STORE_ERROR;
}

int sqlite_note_update(struct store_conn *base, struct store_note *n, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_NOTE_UPDATE, n->case_id, n->id);
	sqlite3_stmt *exists = sq_stmt_ids(c, SQ_NOTE_GET, n->case_id, n->id);
	bool taken = false;
	int rc = st && exists ? sq_search_take(c, SQ_NOTE_FTS_REMOVE, n->id, n->version, &taken)
			      : STORE_ERROR;
	if (rc != STORE_OK) {
		sq_done(st);
		sq_done(exists);
		return rc;
	}
	sqlite3_bind_int64(st, 3, n->note_type_id);
	sqlite3_bind_text(st, 4, n->body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, n->at);
	sqlite3_bind_int64(st, 6, now);
	sqlite3_bind_int64(st, 7, n->version);
	rc = sq_update_versioned(c, st, exists);
	if (taken) {
		int put = sq_search_put(c, SQ_NOTE_FTS_ADD, n->id);
		if (rc == STORE_OK)
			rc = put;
	}
	if (rc == STORE_OK) {
		n->version++;
		n->updated_at = now;
	}
	return rc;
}

int sqlite_note_delete(struct store_conn *base, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	bool taken;
	int rc = sq_search_take(c, SQ_NOTE_FTS_REMOVE, id, 0, &taken);
	if (rc != STORE_OK)
		return rc;
	rc = sq_write_of(c, SQ_NOTE_DELETE, id);
	if (taken && rc != STORE_OK)
		sq_search_put(c, SQ_NOTE_FTS_ADD, id);
	return rc;
}

struct sq_note_walk {
	store_note_each_fn each;
	void *ctx;
};

static int sq_visit_note(sqlite3_stmt *st, void *ctx)
{
	struct sq_note_walk *w = ctx;
	struct store_note n;
	sq_read_note(st, &n);
	return w->each(&n, w->ctx);
}

/* sqlite_note_list: a search checks each of the case's notes against note_fts by rowid, so the
 * cost follows the case's notes, not how many notes of all cases match. */
int sqlite_note_list(struct store_conn *base, int64_t case_id, const char *q, int64_t before_at,
		     int64_t before_id, int limit, store_note_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	char *match = sq_fts_query(c, q ? q : "");
	if (!match)
		return STORE_ERROR;
	int search = match[0] != '\0';
	sqlite3_stmt *st = sq_stmt(c, search ? SQ_NOTE_LIST_Q : SQ_NOTE_LIST);
	if (!st) {
		free(match);
		return STORE_ERROR;
	}
	int from_newest = before_at == 0 && before_id == 0;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int64(st, 2, from_newest ? INT64_MAX : before_at);
	sqlite3_bind_int64(st, 3, from_newest ? INT64_MAX : before_id);
	sqlite3_bind_int(st, 4, limit);
	if (search)
		sqlite3_bind_text(st, 5, match, -1, SQLITE_STATIC);
	struct sq_note_walk w = {each, ctx};
	int rc = sq_each(c, st, sq_visit_note, &w);
	free(match);
	return rc;
}
