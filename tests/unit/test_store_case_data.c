/* test_store_case_data.c - the store interface (store.h) for what hangs off a case: value
 * history, statuses, staff, notes, the timeline, related cases, parties and other cases; and
 * contacts, including a user's own contact.
 *
 * Run the same way over both backends: one cmocka group on SQLite and one on PostgreSQL when
 * CASELOAD_TEST_PG is set; the fixture, the shared setup lists (world_make) and the helpers
 * are in tests/unit/support/store_fixture.h. Setup lists and cases themselves are tested in
 * test_store_cases.c, users, sessions, offices and transactions in test_store.c. */
#include "support/store_fixture.h"

#include <stdio.h>
#include <string.h>

/* ---- value history ---------------------------------------------------------------------- */

struct value_rows {
	struct store_value_change v[8];
	int n;
};

static int collect_value(const struct store_value_change *v, void *ctx)
{
	struct value_rows *r = ctx;
	if (r->n < 8)
		r->v[r->n] = *v;
	r->n++;
	return 0;
}

static void test_value_history(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "VH-1", "Valued case");
	int64_t other = add_case(f, "VH-2", "Other valued case");
	struct store_value_change v1 = {.case_id = id, .value_range_id = w->low_range,
					.from_date = "2026-01-01", .user_id = w->owner,
					.comments = "first guess"};
	RC(STORE_OK, store_value_change_add(f->c, &v1));
	assert_true(v1.id > 0);
	struct store_value_change elsewhere = {.case_id = other, .value_range_id = w->low_range,
					       .from_date = "2026-01-15", .user_id = w->owner};
	RC(STORE_OK, store_value_change_add(f->c, &elsewhere));
	struct store_value_change v2 = {.case_id = id, .value_range_id = w->mid_range,
					.from_date = "2026-02-01", .user_id = w->owner};
	RC(STORE_OK, store_value_change_add(f->c, &v2));
	struct store_value_change v3 = {.case_id = id, .value_range_id = 0,
					.from_date = "2026-03-01", .user_id = w->owner,
					.comments = "cleared"};
	RC(STORE_OK, store_value_change_add(f->c, &v3));

	struct value_rows r = {0};
	RC(STORE_OK, store_value_change_list(f->c, id, collect_value, &r));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.v[0].id, v3.id);
	assert_int_equal(r.v[0].value_range_id, 0);
	assert_string_equal(r.v[0].value_name, "");
	assert_string_equal(r.v[0].from_date, "2026-03-01");
	assert_string_equal(r.v[0].to_date, "");
	assert_string_equal(r.v[0].comments, "cleared");
	assert_int_equal(r.v[1].id, v2.id);
	assert_string_equal(r.v[1].value_name, "$100k-$250k");
	assert_string_equal(r.v[1].from_date, "2026-02-01");
	assert_string_equal(r.v[1].to_date, "2026-03-01");
	assert_int_equal(r.v[2].id, v1.id);
	assert_int_equal(r.v[2].case_id, id);
	assert_int_equal(r.v[2].value_range_id, w->low_range);
	assert_string_equal(r.v[2].to_date, "2026-02-01");
	assert_int_equal(r.v[2].user_id, w->owner);
	assert_string_equal(r.v[2].user_name, "Name of world.owner");
	assert_string_equal(r.v[2].comments, "first guess");

	/* another case's history is its own */
	r = (struct value_rows){0};
	RC(STORE_OK, store_value_change_list(f->c, other, collect_value, &r));
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].to_date, "");
}

/* ---- case statuses ---------------------------------------------------------------------- */

static void test_case_status(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "ST-1", "Status case");
	int64_t other = add_case(f, "ST-2", "Other status case");

	struct store_case_status s = {.case_id = id, .status_type_id = w->stage_type,
				      .status_id = w->intake, .expected_days = 10,
				      .from_date = "2026-01-01", .user_id = w->owner,
				      .comments = "opened"};
	RC(STORE_OK, store_case_status_insert(f->c, &s, 6000));
	assert_true(s.id > 0);
	assert_true(s.current);
	assert_int_equal(s.version, 1);
	int64_t intake_row = s.id;

	/* one current row per status type */
	struct store_case_status again = s;
	again.status_id = w->litigation;
	RC(STORE_CONFLICT, store_case_status_insert(f->c, &again, 6000));
	add_status(f, other, w->stage_type, w->intake, "2026-01-01");  /* other cases are apart */

	struct store_case_status got;
	RC(STORE_OK, store_case_status_current(f->c, id, w->stage_type, &got));
	assert_int_equal(got.id, intake_row);
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.status_type_id, w->stage_type);
	assert_int_equal(got.status_id, w->intake);
	assert_int_equal(got.expected_days, 10);
	assert_string_equal(got.from_date, "2026-01-01");
	assert_string_equal(got.to_date, "");
	assert_true(got.current);
	assert_int_equal(got.user_id, w->owner);
	assert_string_equal(got.comments, "opened");
	assert_int_equal(got.close_reason_id, 0);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 6000);
	assert_string_equal(got.status_type_name, "Stage");
	assert_true(got.stage);
	assert_string_equal(got.status_name, "Intake");
	assert_false(got.closing);
	assert_string_equal(got.close_reason_name, "");
	assert_string_equal(got.user_name, "Name of world.owner");
	RC(STORE_NOT_FOUND, store_case_status_current(f->c, id, w->medical_type, &got));

	/* ending the current row frees its type */
	RC(STORE_OK, store_case_status_end(f->c, intake_row, "2026-02-01"));
	RC(STORE_NOT_FOUND, store_case_status_current(f->c, id, w->stage_type, &got));
	RC(STORE_NOT_FOUND, store_case_status_end(f->c, intake_row, "2026-02-02"));
	RC(STORE_OK, store_case_status_get(f->c, id, intake_row, &got));
	assert_false(got.current);
	assert_string_equal(got.to_date, "2026-02-01");
	RC(STORE_NOT_FOUND, store_case_status_get(f->c, other, intake_row, &got));
	int64_t lit_row = add_status(f, id, w->stage_type, w->litigation, "2026-02-01");
	int64_t med_row = add_status(f, id, w->medical_type, w->rec_requested, "2026-02-01");

	/* current rows: the stage first, whatever the positions of the types */
	struct collect k = {0};
	RC(STORE_OK, store_case_status_list(f->c, id, collect_status, &k));
	ids_are(&k, 2, lit_row, med_row);

	/* versioned edit of a row */
	RC(STORE_OK, store_case_status_get(f->c, id, med_row, &got));
	struct store_case_status stale = got;
	got.status_id = w->rec_received;
	got.expected_days = 5;
	snprintf(got.from_date, sizeof got.from_date, "2026-02-03");
	snprintf(got.comments, sizeof got.comments, "records in");
	RC(STORE_OK, store_case_status_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_case_status_update(f->c, &stale));
	RC(STORE_OK, store_case_status_get(f->c, id, med_row, &got));
	assert_int_equal(got.status_id, w->rec_received);
	assert_string_equal(got.status_name, "Records Received");
	assert_int_equal(got.expected_days, 5);
	assert_string_equal(got.from_date, "2026-02-03");
	assert_string_equal(got.comments, "records in");
	stale.id += 100000;
	RC(STORE_NOT_FOUND, store_case_status_update(f->c, &stale));

	/* closing: the closing status with a reason */
	RC(STORE_OK, store_case_status_end(f->c, lit_row, "2026-03-01"));
	s = (struct store_case_status){.case_id = id, .status_type_id = w->stage_type,
				       .status_id = w->closed, .from_date = "2026-03-01",
				       .user_id = w->owner, .close_reason_id = w->settled,
				       .comments = "Closed: Settled"};
	RC(STORE_OK, store_case_status_insert(f->c, &s, 6100));
	RC(STORE_OK, store_case_status_current(f->c, id, w->stage_type, &got));
	assert_int_equal(got.id, s.id);
	assert_true(got.closing);
	assert_int_equal(got.close_reason_id, w->settled);
	assert_string_equal(got.close_reason_name, "Settled");

	/* history: every row, newest from_date first, then newest row first */
	k = (struct collect){0};
	RC(STORE_OK, store_case_status_history(f->c, id, collect_status, &k));
	ids_are(&k, 4, s.id, med_row, lit_row, intake_row);
	k = (struct collect){0};
	RC(STORE_OK, store_case_status_list(f->c, id, collect_status, &k));
	ids_are(&k, 2, s.id, med_row);
}

/* ---- case staff ------------------------------------------------------------------------- */

static int collect_staff_rows(const struct store_case_staff *s, void *ctx)
{
	struct store_case_staff *rows = ctx;
	for (int i = 0; i < 8; i++) {
		if (rows[i].id == 0) {
			rows[i] = *s;
			break;
		}
	}
	return 0;
}

static void test_case_staff(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "CS-1", "Staffed case");
	int64_t lawyer = add_user(f, "staff.lawyer");
	int64_t helper = add_user(f, "staff.helper");
	int64_t outsider = add_contact(f, "person", "Pat", "Para", "");

	/* inserted out of role order */
	int64_t manager_row = add_staff(f, id, helper, 0, w->manager, "2026-01-01");
	int64_t para_row = add_staff(f, id, 0, outsider, w->paralegal, "2026-01-01");
	int64_t lawyer_row = add_staff(f, id, lawyer, 0, w->attorney, "2026-01-01");

	struct store_case_staff got;
	RC(STORE_OK, store_case_staff_get(f->c, id, para_row, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.user_id, 0);
	assert_int_equal(got.contact_id, outsider);
	assert_int_equal(got.role_id, w->paralegal);
	assert_string_equal(got.person_name, "Pat Para");
	assert_string_equal(got.role_name, "Paralegal");
	assert_string_equal(got.role_category, "paralegal");
	assert_string_equal(got.from_date, "2026-01-01");
	assert_string_equal(got.to_date, "");
	assert_true(got.current);
	assert_int_equal(got.version, 1);
	RC(STORE_OK, store_case_staff_get(f->c, id, lawyer_row, &got));
	assert_string_equal(got.person_name, "Name of staff.lawyer");
	assert_int_equal(got.contact_id, 0);
	RC(STORE_NOT_FOUND, store_case_staff_get(f->c, id + 1, lawyer_row, &got));

	struct collect k = {0};
	RC(STORE_OK, store_case_staff_list(f->c, id, false, collect_staff, &k));
	ids_are(&k, 3, lawyer_row, para_row, manager_row);

	/* comments are versioned */
	struct store_case_staff stale = got;
	snprintf(got.comments, sizeof got.comments, "lead on the claim");
	RC(STORE_OK, store_case_staff_update(f->c, &got));
	assert_int_equal(got.version, 2);
	snprintf(stale.comments, sizeof stale.comments, "stale");
	RC(STORE_CONFLICT, store_case_staff_update(f->c, &stale));
	RC(STORE_OK, store_case_staff_get(f->c, id, lawyer_row, &got));
	assert_string_equal(got.comments, "lead on the claim");

	/* ending a row keeps it in the history only */
	RC(STORE_OK, store_case_staff_end(f->c, para_row, "2026-02-01"));
	RC(STORE_NOT_FOUND, store_case_staff_end(f->c, para_row, "2026-02-02"));
	int64_t adviser_row = add_staff(f, id, 0, outsider, w->adviser, "2026-03-01");
	k = (struct collect){0};
	RC(STORE_OK, store_case_staff_list(f->c, id, false, collect_staff, &k));
	ids_are(&k, 3, lawyer_row, manager_row, adviser_row);
	k = (struct collect){0};
	RC(STORE_OK, store_case_staff_list(f->c, id, true, collect_staff, &k));
	ids_are(&k, 4, adviser_row, lawyer_row, para_row, manager_row);
	struct store_case_staff rows[8] = {0};
	RC(STORE_OK, store_case_staff_list(f->c, id, true, collect_staff_rows, rows));
	assert_int_equal(rows[2].id, para_row);
	assert_false(rows[2].current);
	assert_string_equal(rows[2].to_date, "2026-02-01");
	assert_string_equal(rows[2].person_name, "Pat Para");
}

/* ---- notes ------------------------------------------------------------------------------ */

static int64_t add_note(struct fixture *f, int64_t case_id, int64_t at, const char *body)
{
	struct store_note n = {.case_id = case_id, .note_type_id = f->w.general, .at = at,
			       .created_by = f->w.owner};
	snprintf(n.body, sizeof n.body, "%s", body);
	RC(STORE_OK, store_note_insert(f->c, &n, 9000));
	assert_int_equal(n.version, 1);
	return n.id;
}

static void notes_are(struct fixture *f, int64_t case_id, const char *q, int64_t before_at,
		      int64_t before_id, int limit, struct collect *k)
{
	*k = (struct collect){0};
	RC(STORE_OK, store_note_list(f->c, case_id, q, before_at, before_id, limit, collect_note, k));
}

static void test_notes(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "NT-1", "Noted case");
	int64_t other = add_case(f, "NT-2", "Other noted case");
	int64_t n1 = add_note(f, id, 1000, "Called the insurer about the claim.");
	int64_t n2 = add_note(f, id, 3000, "Medical records requested from St. Mary's.");
	int64_t n3 = add_note(f, id, 2000, "Insurer replied: offer pending");
	int64_t n4 = add_note(f, id, 3000, "Another note at the same time");
	add_note(f, other, 2500, "The insurer of the other case");

	struct store_note got;
	RC(STORE_OK, store_note_get(f->c, id, n3, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.note_type_id, f->w.general);
	assert_string_equal(got.body, "Insurer replied: offer pending");
	assert_int_equal(got.at, 2000);
	assert_int_equal(got.created_by, f->w.owner);
	assert_int_equal(got.created_at, 9000);
	assert_int_equal(got.updated_at, 9000);
	assert_string_equal(got.note_type_name, "General");
	assert_string_equal(got.creator_name, "Name of world.owner");
	RC(STORE_NOT_FOUND, store_note_get(f->c, other, n3, &got));

	/* newest first, then by id; paged by (at, id) */
	struct collect k;
	notes_are(f, id, "", 0, 0, 10, &k);
	ids_are(&k, 4, n4, n2, n3, n1);
	notes_are(f, id, "", 0, 0, 2, &k);
	ids_are(&k, 2, n4, n2);
	notes_are(f, id, "", 3000, n4, 2, &k);
	ids_are(&k, 2, n2, n3);
	notes_are(f, id, "", 3000, n2, 10, &k);
	ids_are(&k, 2, n3, n1);

	/* search: words as prefixes, in any case, only this case's notes */
	notes_are(f, id, "insur", 0, 0, 10, &k);
	ids_are(&k, 2, n3, n1);
	notes_are(f, id, "INSURER replied", 0, 0, 10, &k);
	ids_are(&k, 1, n3);
	notes_are(f, id, "medic rec mary", 0, 0, 10, &k);
	ids_are(&k, 1, n2);
	notes_are(f, id, "insur", 2000, n3, 10, &k);
	ids_are(&k, 1, n1);
	notes_are(f, id, "\"", 0, 0, 10, &k);
	assert_int_equal(k.n, 4);
	notes_are(f, id, "insur \u20ac", 0, 0, 10, &k);
	ids_are(&k, 2, n3, n1);
	notes_are(f, id, "mary\u2019s", 0, 0, 10, &k);
	ids_are(&k, 1, n2);

	/* edits are versioned and searched as they now are */
	RC(STORE_OK, store_note_get(f->c, id, n1, &got));
	struct store_note stale = got;
	snprintf(got.body, sizeof got.body, "Left a message");
	got.note_type_id = f->w.client_update;
	got.at = 500;
	RC(STORE_OK, store_note_update(f->c, &got, 9100));
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 9100);
	RC(STORE_CONFLICT, store_note_update(f->c, &stale, 9200));
	RC(STORE_OK, store_note_get(f->c, id, n1, &got));
	assert_string_equal(got.note_type_name, "Client Update");
	assert_int_equal(got.at, 500);
	notes_are(f, id, "insur", 0, 0, 10, &k);
	ids_are(&k, 1, n3);
	notes_are(f, id, "messa", 0, 0, 10, &k);
	ids_are(&k, 1, n1);

	RC(STORE_OK, store_note_delete(f->c, n3));
	RC(STORE_NOT_FOUND, store_note_get(f->c, id, n3, &got));
	RC(STORE_NOT_FOUND, store_note_delete(f->c, n3));
	notes_are(f, id, "insur", 0, 0, 10, &k);
	assert_int_equal(k.n, 0);
	stale = got;
	stale.id = n3;
	RC(STORE_NOT_FOUND, store_note_update(f->c, &stale, 9300));
}

/* ---- timeline --------------------------------------------------------------------------- */

struct event_walk {
	int64_t case_id, last_case, last_seq;
	int seen, out_of_order;
	int64_t seqs[8];
};

static int walk_event(const struct store_event *ev, void *ctx)
{
	struct event_walk *wk = ctx;
	if (ev->case_id < wk->last_case ||
	    (ev->case_id == wk->last_case && ev->seq <= wk->last_seq))
		wk->out_of_order++;
	wk->last_case = ev->case_id;
	wk->last_seq = ev->seq;
	if (ev->case_id == wk->case_id && wk->seen < 8)
		wk->seqs[wk->seen++] = ev->seq;
	return 0;
}

static void event_init(struct store_event *ev, int64_t case_id, int64_t seq, int64_t user_id,
		       const unsigned char prev[32], unsigned char seed)
{
	memset(ev, 0, sizeof *ev);
	ev->case_id = case_id;
	ev->seq = seq;
	ev->at = 10000 + seq;
	snprintf(ev->type, sizeof ev->type, "case.changed");
	ev->user_id = user_id;
	snprintf(ev->description, sizeof ev->description, "change %lld", (long long)seq);
	memcpy(ev->prev_hash, prev, 32);
	hash_fill(ev->hash, seed);
}

static void test_events(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "EV-1", "Eventful case");
	int64_t other = add_case(f, "EV-2", "Other eventful case");
	struct store_event got;
	RC(STORE_NOT_FOUND, store_event_last(f->c, id, &got));

	static const unsigned char zeros[32];
	struct store_event e1, e2, e3, o1;
	event_init(&e1, id, 1, w->owner, zeros, 21);
	snprintf(e1.type, sizeof e1.type, "case.created");
	RC(STORE_OK, store_event_insert(f->c, &e1));
	assert_true(e1.id > 0);
	event_init(&o1, other, 1, w->owner, zeros, 31);
	RC(STORE_OK, store_event_insert(f->c, &o1));
	event_init(&e2, id, 2, 0, e1.hash, 22);
	RC(STORE_OK, store_event_insert(f->c, &e2));
	event_init(&e3, id, 3, w->owner, e2.hash, 23);
	RC(STORE_OK, store_event_insert(f->c, &e3));
	struct store_event dup;
	event_init(&dup, id, 3, w->owner, e2.hash, 24);
	RC(STORE_CONFLICT, store_event_insert(f->c, &dup));

	RC(STORE_OK, store_event_last(f->c, id, &got));
	assert_int_equal(got.id, e3.id);
	assert_int_equal(got.seq, 3);
	assert_memory_equal(got.hash, e3.hash, 32);
	assert_memory_equal(got.prev_hash, e2.hash, 32);
	assert_string_equal(got.user_name, "Name of world.owner");
	assert_string_equal(got.description, "change 3");
	assert_int_equal(got.at, 10003);

	struct collect k = {0};
	RC(STORE_OK, store_event_list(f->c, id, 0, 10, collect_event, &k));
	ids_are(&k, 3, e3.id, e2.id, e1.id);
	k = (struct collect){0};
	RC(STORE_OK, store_event_list(f->c, id, 3, 1, collect_event, &k));
	ids_are(&k, 1, e2.id);
	k = (struct collect){0};
	RC(STORE_OK, store_event_list(f->c, id, 1, 10, collect_event, &k));
	assert_int_equal(k.n, 0);

	/* the system's event: no user; a first event: zero previous hash */
	RC(STORE_OK, store_event_last(f->c, other, &got));
	assert_memory_equal(got.prev_hash, zeros, 32);
	assert_string_equal(got.type, "case.changed");

	/* every event of every case, deleted cases too, in (case, seq) order */
	RC(STORE_OK, store_case_delete(f->c, id, 11000));
	struct event_walk wk = {.case_id = id};
	RC(STORE_OK, store_event_walk_all(f->c, walk_event, &wk));
	assert_int_equal(wk.out_of_order, 0);
	assert_int_equal(wk.seen, 3);
	assert_int_equal(wk.seqs[0], 1);
	assert_int_equal(wk.seqs[2], 3);
}

static int find_system_event(const struct store_event *ev, void *ctx)
{
	struct store_event *out = ctx;
	if (ev->user_id == 0 && ev->case_id == out->case_id) {
		*out = *ev;
		return 1;
	}
	return 0;
}

static void test_event_system_user(void **state)
{
	FIXTURE(state);
	int64_t id = add_case(f, "EV-3", "System event case");
	static const unsigned char zeros[32];
	struct store_event ev;
	event_init(&ev, id, 1, 0, zeros, 41);
	RC(STORE_OK, store_event_insert(f->c, &ev));
	struct store_event got = {.case_id = id};
	RC(STORE_OK, store_event_list(f->c, id, 0, 10, find_system_event, &got));
	assert_int_equal(got.id, ev.id);
	assert_string_equal(got.user_name, "");
	assert_memory_equal(got.hash, ev.hash, 32);
}

/* ---- related cases, parties, other cases ------------------------------------------------ */

struct briefs {
	struct store_case_brief b[8];
	int n;
};

static int collect_briefs(const struct store_case_brief *b, void *ctx)
{
	struct briefs *r = ctx;
	if (r->n < 8)
		r->b[r->n] = *b;
	r->n++;
	return 0;
}

static void test_related(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t a = add_case(f, "RL-2", "Related A");
	int64_t b = add_case(f, "RL-1", "Related B");
	int64_t e = add_case(f, "RL-0", "Related E");
	int64_t d = add_case(f, "RL-9", "Related D, deleted");
	RC(STORE_OK, store_related_add(f->c, a, b, 100));
	RC(STORE_CONFLICT, store_related_add(f->c, b, a, 100));
	RC(STORE_OK, store_related_add(f->c, e, a, 100));
	RC(STORE_OK, store_related_add(f->c, a, d, 100));
	RC(STORE_OK, store_case_delete(f->c, d, 200));

	struct collect k = {0};
	RC(STORE_OK, store_related_list(f->c, a, collect_brief, &k));
	ids_are(&k, 2, e, b);
	k = (struct collect){0};
	RC(STORE_OK, store_related_list(f->c, b, collect_brief, &k));
	ids_are(&k, 1, a);

	/* the brief: stage and the first current staff member of each role category */
	int64_t first = add_user(f, "rel.first");
	int64_t second = add_user(f, "rel.second");
	int64_t para = add_contact(f, "person", "Rita", "Related", "");
	int64_t old = add_staff(f, b, second, 0, w->manager, "2026-01-01");
	RC(STORE_OK, store_case_staff_end(f->c, old, "2026-01-02"));
	add_staff(f, b, first, 0, w->attorney, "2026-01-01");
	add_staff(f, b, second, 0, w->attorney, "2026-01-01");
	add_staff(f, b, 0, para, w->paralegal, "2026-01-01");
	RC(STORE_OK, store_case_set_stage(f->c, b, w->litigation, "", 300));
	struct briefs r = {0};
	RC(STORE_OK, store_related_list(f->c, a, collect_briefs, &r));
	assert_int_equal(r.n, 2);
	assert_int_equal(r.b[1].id, b);
	assert_string_equal(r.b[1].number, "RL-1");
	assert_string_equal(r.b[1].name, "Related B");
	assert_string_equal(r.b[1].stage_name, "Litigation");
	assert_string_equal(r.b[1].attorney, "Name of rel.first");
	assert_string_equal(r.b[1].paralegal, "Rita Related");
	assert_string_equal(r.b[1].case_manager, "");
	assert_string_equal(r.b[0].stage_name, "");
	assert_string_equal(r.b[0].attorney, "");

	/* unlinking removes both directions */
	RC(STORE_OK, store_related_remove(f->c, b, a));
	RC(STORE_NOT_FOUND, store_related_remove(f->c, a, b));
	k = (struct collect){0};
	RC(STORE_OK, store_related_list(f->c, a, collect_brief, &k));
	ids_are(&k, 1, e);
	k = (struct collect){0};
	RC(STORE_OK, store_related_list(f->c, b, collect_brief, &k));
	assert_int_equal(k.n, 0);
	RC(STORE_OK, store_related_add(f->c, a, b, 400));
}

static void test_parties_and_other_cases(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t plaintiff = add_contact(f, "person", "Paula", "Plaintiff", "");
	int64_t second = add_contact(f, "organisation", "", "", "Second Plaintiff Inc");
	int64_t x = add_case(f, "OC-1", "Other X");
	int64_t y = add_case(f, "OC-3", "Other Y");
	int64_t z = add_case(f, "", "Other Z, no number");
	int64_t wcase = add_case(f, "OC-2", "Other W, defendant only");
	int64_t v = add_case(f, "OC-0", "Other V, second plaintiff");
	int64_t u = add_case(f, "OC-5", "Other U, deleted");

	int64_t px = add_party(f, x, plaintiff, "plaintiff");
	add_party(f, x, second, "plaintiff");
	add_party(f, y, plaintiff, "plaintiff");
	add_party(f, z, plaintiff, "plaintiff");
	add_party(f, wcase, plaintiff, "defendant");
	add_party(f, v, second, "plaintiff");
	add_party(f, u, plaintiff, "plaintiff");
	RC(STORE_OK, store_case_delete(f->c, u, 100));

	struct store_party p = {.case_id = x, .contact_id = plaintiff, .kind = "plaintiff"};
	RC(STORE_CONFLICT, store_party_insert(f->c, &p));
	snprintf(p.kind, sizeof p.kind, "defendant");
	RC(STORE_OK, store_party_insert(f->c, &p));
	int64_t as_defendant = p.id;

	struct store_party got;
	RC(STORE_OK, store_party_get(f->c, x, px, &got));
	assert_int_equal(got.case_id, x);
	assert_int_equal(got.contact_id, plaintiff);
	assert_string_equal(got.kind, "plaintiff");
	assert_string_equal(got.contact_name, "Paula Plaintiff");
	RC(STORE_NOT_FOUND, store_party_get(f->c, y, px, &got));
	struct collect k = {0};
	RC(STORE_OK, store_party_list(f->c, x, collect_party, &k));
	assert_int_equal(k.n, 3);
	assert_true(ids_have(&k, px) && ids_have(&k, as_defendant));

	/* cases sharing a plaintiff, by number: no case without a number, no defendant-only
	 * case, no deleted case, not the case itself */
	k = (struct collect){0};
	RC(STORE_OK, store_other_cases(f->c, x, collect_brief, &k));
	ids_are(&k, 2, v, y);
	k = (struct collect){0};
	RC(STORE_OK, store_other_cases(f->c, z, collect_brief, &k));
	ids_are(&k, 2, x, y);
	k = (struct collect){0};
	RC(STORE_OK, store_other_cases(f->c, wcase, collect_brief, &k));
	assert_int_equal(k.n, 0);

	RC(STORE_OK, store_party_delete(f->c, as_defendant));
	RC(STORE_NOT_FOUND, store_party_delete(f->c, as_defendant));
	RC(STORE_NOT_FOUND, store_party_get(f->c, x, as_defendant, &got));
}

/* ---- contacts --------------------------------------------------------------------------- */

static void contacts_are(struct fixture *f, const char *q, int64_t after, int limit,
			 struct collect *k)
{
	*k = (struct collect){0};
	RC(STORE_OK, store_contact_list(f->c, q, after, limit, collect_contact, k));
}

static void test_contacts(void **state)
{
	FIXTURE(state);
	struct store_contact ct = {.kind = "person", .first_name = "Kwcarla", .last_name = "Kwsmith",
				   .email = "carla@kw.test", .phone = "555-0100"};
	RC(STORE_OK, store_contact_insert(f->c, &ct, 700));
	assert_string_equal(ct.display_name, "Kwcarla Kwsmith");
	assert_int_equal(ct.version, 1);
	int64_t carla = ct.id;
	int64_t org = add_contact(f, "organisation", "", "", "Kwsmithers & Co");
	int64_t bob = add_contact(f, "person", "Bob", "Kwcarlton", "");
	int64_t zed = add_contact(f, "person", "", "Kwzed", "");
	int64_t pct = add_contact(f, "person", "Kw100%", "Kwpercent", "");

	struct store_contact got;
	RC(STORE_OK, store_contact_get(f->c, carla, &got));
	assert_string_equal(got.kind, "person");
	assert_string_equal(got.first_name, "Kwcarla");
	assert_string_equal(got.last_name, "Kwsmith");
	assert_string_equal(got.org_name, "");
	assert_string_equal(got.email, "carla@kw.test");
	assert_string_equal(got.phone, "555-0100");
	assert_string_equal(got.display_name, "Kwcarla Kwsmith");
	assert_int_equal(got.created_at, 700);
	RC(STORE_OK, store_contact_get(f->c, zed, &got));
	assert_string_equal(got.display_name, "Kwzed");
	RC(STORE_OK, store_contact_get(f->c, org, &got));
	assert_string_equal(got.display_name, "Kwsmithers & Co");
	RC(STORE_NOT_FOUND, store_contact_get(f->c, pct + 100000, &got));

	/* q: the start of a first, last or organisation name or the e-mail, any case */
	struct collect k;
	contacts_are(f, "kwsmi", 0, 50, &k);
	ids_are(&k, 2, carla, org);
	contacts_are(f, "KWCARL", 0, 50, &k);
	ids_are(&k, 2, carla, bob);
	contacts_are(f, "carla@", 0, 50, &k);
	ids_are(&k, 1, carla);
	contacts_are(f, "smith", 0, 50, &k);
	assert_false(ids_have(&k, carla));
	contacts_are(f, "kw100%", 0, 50, &k);
	ids_are(&k, 1, pct);
	contacts_are(f, "kw1_0", 0, 50, &k);
	assert_int_equal(k.n, 0);
	contacts_are(f, "kw", 0, 2, &k);
	ids_are(&k, 2, carla, org);
	contacts_are(f, "kw", org, 50, &k);
	ids_are(&k, 3, bob, zed, pct);
	contacts_are(f, "", carla, 2, &k);
	ids_are(&k, 2, org, bob);

	/* versioned update; the display name follows */
	RC(STORE_OK, store_contact_get(f->c, bob, &got));
	struct store_contact stale = got;
	snprintf(got.first_name, sizeof got.first_name, "Robert");
	RC(STORE_OK, store_contact_update(f->c, &got, 800));
	assert_int_equal(got.version, 2);
	assert_string_equal(got.display_name, "Robert Kwcarlton");
	RC(STORE_CONFLICT, store_contact_update(f->c, &stale, 800));
	RC(STORE_OK, store_contact_get(f->c, bob, &got));
	assert_string_equal(got.display_name, "Robert Kwcarlton");
	stale.id += 100000;
	RC(STORE_NOT_FOUND, store_contact_update(f->c, &stale, 800));

	/* where a contact is used */
	char where[64] = "x";
	int64_t n = -1;
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "");
	assert_int_equal(n, 0);
	struct store_user u;
	user_init(&u, "kw.zed", 0);
	u.contact_id = zed;
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "users");
	assert_int_equal(n, 1);
	int64_t id = add_case(f, "KW-1", "Contact usage case");
	add_staff(f, id, 0, zed, f->w.adviser, "2026-01-01");
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "case staff");
	add_party(f, id, zed, "plaintiff");
	add_party(f, id, zed, "defendant");
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "case parties");
	assert_int_equal(n, 2);

	RC(STORE_OK, store_contact_delete(f->c, pct));
	RC(STORE_NOT_FOUND, store_contact_get(f->c, pct, &got));
	RC(STORE_NOT_FOUND, store_contact_delete(f->c, pct));
}

/* ---- a user's own contact --------------------------------------------------------------- */

static void test_user_contact(void **state)
{
	FIXTURE(state);
	int64_t mine = add_contact(f, "person", "Una", "User", "");
	struct store_user u, got;
	user_init(&u, "with.contact", 0);
	u.contact_id = mine;
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, mine);
	RC(STORE_OK, store_user_get_by_login(f->c, "with.contact", &got));
	assert_int_equal(got.contact_id, mine);
	got.contact_id = 0;
	RC(STORE_OK, store_user_update(f->c, &got, 2000));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, 0);
	got.contact_id = mine;
	RC(STORE_OK, store_user_update(f->c, &got, 2100));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, mine);
	user_init(&u, "without.contact", 0);
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_history),
		cmocka_unit_test(test_case_status),
		cmocka_unit_test(test_case_staff),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_event_system_user),
		cmocka_unit_test(test_related),
		cmocka_unit_test(test_parties_and_other_cases),
		cmocka_unit_test(test_contacts),
		cmocka_unit_test(test_user_contact),
	};
	return store_tests_run("store case data", tests, sizeof tests / sizeof tests[0]);
}
