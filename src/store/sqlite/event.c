/* event.c - SQLite rows of timeline_event: the append-only, hash-chained history of each case.
 *
 * There is no update or delete here on purpose. The hashes are made and checked in
 * domain/timeline.c; this file only stores them (32-byte blobs) and walks them. */
#include "store/sqlite/sqlite.h"

static void sq_read_event(sqlite3_stmt *st, void *row)
{
	struct store_event *ev = row;
	ev->id = sqlite3_column_int64(st, 0);
	ev->case_id = sqlite3_column_int64(st, 1);
	ev->seq = sqlite3_column_int64(st, 2);
	ev->at = sqlite3_column_int64(st, 3);
	sq_text(st, 4, ev->type, sizeof ev->type);
	ev->user_id = sqlite3_column_int64(st, 5);
	sq_text(st, 6, ev->description, sizeof ev->description);
	sq_blob32(st, 7, ev->prev_hash);
	sq_blob32(st, 8, ev->hash);
	sq_text(st, 9, ev->user_name, sizeof ev->user_name);
}

int sqlite_event_last(struct store_conn *base, int64_t case_id, struct store_event *ev)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_EVENT_LAST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, case_id);
	return sq_one(c, st, sq_read_event, ev);
}

int sqlite_event_insert(struct store_conn *base, struct store_event *ev)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_EVENT_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, ev->case_id);
	sqlite3_bind_int64(st, 2, ev->seq);
	sqlite3_bind_int64(st, 3, ev->at);
	sqlite3_bind_text(st, 4, ev->type, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, ev->user_id);
	sqlite3_bind_text(st, 6, ev->description, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 7, ev->prev_hash, 32, SQLITE_STATIC);
	sqlite3_bind_blob(st, 8, ev->hash, 32, SQLITE_STATIC);
	return sq_insert_id(c, st, &ev->id);
}

struct sq_event_walk {
	store_event_each_fn each;
	void *ctx;
};

static int sq_visit_event(sqlite3_stmt *st, void *ctx)
{
	struct sq_event_walk *w = ctx;
	struct store_event ev;
	sq_read_event(st, &ev);
	return w->each(&ev, w->ctx);
}

int sqlite_event_list(struct store_conn *base, int64_t case_id, int64_t before_seq, int limit,
		      store_event_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_EVENT_LIST, case_id,
				       before_seq > 0 ? before_seq : INT64_MAX);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int(st, 3, limit);
	struct sq_event_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_event, &w);
}

int sqlite_event_walk_all(struct store_conn *base, store_event_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_EVENT_WALK_ALL);
	if (!st)
		return STORE_ERROR;
	struct sq_event_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_event, &w);
}
