/* event.c - PostgreSQL rows of timeline_event: the tamper-evident history of a case, one
 * hash-chained event per change, numbered 1, 2, ... per case.
 *
 * Mirrors ../sqlite/event.c. The hashes are computed and checked in domain/timeline.c (and by
 * `caseload audit verify`); here they are only stored (bytea) and read back. There is no update
 * or delete of an event. */
#include "store/pg/pg.h"

#include <string.h>

/* rows fetched per round trip by pg_event_walk_all */
#define PG_EVENT_PAGE 1000

static void pg_read_event(const PGresult *r, int row, void *out)
{
	struct store_event *ev = out;
	ev->id = pg_i64(r, row, 0);
	ev->case_id = pg_i64(r, row, 1);
	ev->seq = pg_i64(r, row, 2);
	ev->at = pg_i64(r, row, 3);
	pg_text(r, row, 4, ev->type, sizeof ev->type);
	ev->user_id = pg_i64(r, row, 5);
	pg_text(r, row, 6, ev->description, sizeof ev->description);
	pg_bytes32(r, row, 7, ev->prev_hash);
	pg_bytes32(r, row, 8, ev->hash);
	pg_text(r, row, 9, ev->user_name, sizeof ev->user_name);
}

int pg_event_last(struct store_conn *base, int64_t case_id, struct store_event *ev)
{
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	return pg_one(pg_conn(base), PG_EVENT_LAST, &p, pg_read_event, ev);
}

int pg_event_insert(struct store_conn *base, struct store_event *ev)
{
	struct pg_params p = {0};
	pg_p_i64(&p, ev->case_id);
	pg_p_i64(&p, ev->seq);
	pg_p_i64(&p, ev->at);
	pg_p_text(&p, ev->type);
	pg_p_i64(&p, ev->user_id);
	pg_p_text(&p, ev->description);
	pg_p_bytes(&p, ev->prev_hash, sizeof ev->prev_hash);
	pg_p_bytes(&p, ev->hash, sizeof ev->hash);
	/* STORE_CONFLICT: (case_id, seq) is taken */
	return pg_insert_id(pg_conn(base), PG_EVENT_INSERT, &p, &ev->id);
}

struct pg_event_walk {
	store_event_each_fn each;
	void *ctx;
	int rows;           /* rows seen on this page */
	bool stopped;       /* each asked to stop */
	int64_t last_case;  /* the key of the last row seen */
	int64_t last_seq;
};

static int pg_visit_event(const PGresult *r, int row, void *ctx)
{
	struct pg_event_walk *w = ctx;
	struct store_event ev;
	memset(&ev, 0, sizeof ev);
	pg_read_event(r, row, &ev);
	w->rows++;
	w->last_case = ev.case_id;
	w->last_seq = ev.seq;
	int stop = w->each(&ev, w->ctx);
	if (stop != 0)
		w->stopped = true;
	return stop;
}

int pg_event_list(struct store_conn *base, int64_t case_id, int64_t before_seq, int limit,
		  store_event_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	pg_p_i64(&p, before_seq > 0 ? before_seq : 0);
	pg_p_limit(&p, limit);
	struct pg_event_walk w = {.each = each, .ctx = ctx};
	return pg_each(pg_conn(base), PG_EVENT_LIST, &p, pg_visit_event, &w);
}

int pg_event_walk_all(struct store_conn *base, store_event_each_fn each, void *ctx)
{
	/* page by (case_id, seq) so that memory stays flat however many events there are */
	struct pg_event_walk w = {.each = each, .ctx = ctx};
	int rc;
	do {
		struct pg_params p = {0};
		pg_p_i64(&p, w.last_case);
		pg_p_i64(&p, w.last_seq);
		pg_p_i64(&p, PG_EVENT_PAGE);
		w.rows = 0;
		rc = pg_each(pg_conn(base), PG_EVENT_WALK, &p, pg_visit_event, &w);
	} while (rc == STORE_OK && !w.stopped && w.rows == PG_EVENT_PAGE);
	return rc;
}
