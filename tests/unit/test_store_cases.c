/* test_store_cases.c - the store interface (store.h) for the setup lists (items, usage, the
 * first stage of a group) and cases (fields, stage, scope, list filters and order).
 *
 * Run the same way over both backends: one cmocka group on SQLite and one on PostgreSQL when
 * CASELOAD_TEST_PG is set; the fixture, the shared setup lists (world_make) and the helpers
 * are in tests/unit/support/store_fixture.h. Users, sessions, offices and transactions are
 * tested in test_store.c, what hangs off a case and contacts in test_store_case_data.c. */
#include "support/store_fixture.h"

#include <stdio.h>
#include <string.h>

/* ---- setup lists ------------------------------------------------------------------------ */

static void test_setup(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct store_setup_item it;

	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS, w->app_received, &it));
	assert_int_equal(it.kind, SETUP_STATUS);
	assert_int_equal(it.id, w->app_received);
	assert_string_equal(it.name, "App Received");
	assert_int_equal(it.parent_id, w->stage_type);
	assert_string_equal(it.group, "insurance");
	assert_int_equal(it.days, 3);
	assert_false(it.closing);
	assert_int_equal(it.version, 1);
	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS, w->closed, &it));
	assert_true(it.closing);
	assert_string_equal(it.group, "");
	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS_TYPE, w->stage_type, &it));
	assert_true(it.stage);
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_TYPE, w->life_type, &it));
	assert_string_equal(it.group, "insurance");
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_SUBTYPE, w->rear_end, &it));
	assert_int_equal(it.parent_id, w->auto_type);
	RC(STORE_OK, store_setup_get(f->c, SETUP_ROLE, w->manager, &it));
	assert_string_equal(it.category, "case_manager");
	RC(STORE_OK, store_setup_get(f->c, SETUP_NOTE_TYPE, w->client_update, &it));
	assert_true(it.client_facing);
	RC(STORE_OK, store_setup_get(f->c, SETUP_VALUE_RANGE, w->mid_range, &it));
	assert_int_equal(it.low_cents, 10000000);
	assert_int_equal(it.high_cents, 25000000);
	assert_int_equal(it.limit_cents, 1000000);
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_ROLE, w->manager + 100000, &it));
	/* ids are per list */
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_CLOSE_REASON, w->manager + 100000, &it));

	/* lists in (position, name, id) order; parent_id keeps the children of one parent */
	struct collect k = {0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS, w->stage_type, collect_setup, &k));
	ids_are(&k, 4, w->app_received, w->closed, w->intake, w->litigation);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS, w->medical_type, collect_setup, &k));
	ids_are(&k, 2, w->rec_requested, w->rec_received);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS, 0, collect_setup, &k));
	assert_int_equal(k.n, 6);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS_TYPE, 0, collect_setup, &k));
	ids_are(&k, 2, w->medical_type, w->stage_type);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_CASE_SUBTYPE, w->life_type, collect_setup, &k));
	assert_int_equal(k.n, 0);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_CASE_SUBTYPE, w->auto_type, collect_setup, &k));
	ids_are(&k, 1, w->rear_end);

	/* names are unique within a list (subtypes and statuses: within their parent) */
	it = (struct store_setup_item){.kind = SETUP_CLOSE_REASON, .name = "Settled"};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));
	it = (struct store_setup_item){.kind = SETUP_NOTE_TYPE, .name = "Settled"};
	RC(STORE_OK, store_setup_insert(f->c, &it));
	int64_t note_type = it.id;
	it = (struct store_setup_item){.kind = SETUP_CASE_SUBTYPE, .name = "Rear-end",
				       .parent_id = w->auto_type};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));
	it.parent_id = w->life_type;
	RC(STORE_OK, store_setup_insert(f->c, &it));
	int64_t life_sub = it.id;
	/* one stage type only */
	it = (struct store_setup_item){.kind = SETUP_STATUS_TYPE, .name = "Second Stage", .stage = true};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));
	it.stage = false;
	RC(STORE_OK, store_setup_insert(f->c, &it));
	int64_t second_type = it.id;

	/* versioned update: every field; stale, taken name, gone */
	struct store_setup_item cur, stale;
	RC(STORE_OK, store_setup_get(f->c, SETUP_VALUE_RANGE, w->low_range, &cur));
	stale = cur;
	snprintf(cur.name, sizeof cur.name, "Up to $100k");
	cur.limit_cents = 600000;
	cur.position = 5;
	RC(STORE_OK, store_setup_update(f->c, &cur));
	assert_int_equal(cur.version, 2);
	RC(STORE_CONFLICT, store_setup_update(f->c, &stale));
	RC(STORE_OK, store_setup_get(f->c, SETUP_VALUE_RANGE, w->low_range, &it));
	assert_string_equal(it.name, "Up to $100k");
	assert_int_equal(it.limit_cents, 600000);
	assert_int_equal(it.position, 5);
	assert_int_equal(it.version, 2);
	snprintf(cur.name, sizeof cur.name, "$100k-$250k");
	RC(STORE_CONFLICT, store_setup_update(f->c, &cur));
	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS_TYPE, second_type, &cur));
	cur.stage = true;
	RC(STORE_CONFLICT, store_setup_update(f->c, &cur));
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_SUBTYPE, life_sub, &cur));
	snprintf(cur.name, sizeof cur.name, "Whole of life");
	RC(STORE_OK, store_setup_update(f->c, &cur));
	cur.id += 100000;
	RC(STORE_NOT_FOUND, store_setup_update(f->c, &cur));

	/* delete */
	RC(STORE_OK, store_setup_delete(f->c, SETUP_NOTE_TYPE, note_type));
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_NOTE_TYPE, note_type, &it));
	RC(STORE_NOT_FOUND, store_setup_delete(f->c, SETUP_NOTE_TYPE, note_type));
	RC(STORE_OK, store_setup_delete(f->c, SETUP_STATUS_TYPE, second_type));
	RC(STORE_OK, store_setup_delete(f->c, SETUP_CASE_SUBTYPE, life_sub));

	/* the first stage of a group: not closing, lowest position, group or every group */
	struct store_setup_item first;
	RC(STORE_OK, store_stage_first(f->c, "legal", &first));
	assert_int_equal(first.id, w->intake);
	assert_int_equal(first.kind, SETUP_STATUS);
	assert_string_equal(first.name, "Intake");
	assert_int_equal(first.days, 14);
	RC(STORE_OK, store_stage_first(f->c, "insurance", &first));
	assert_int_equal(first.id, w->app_received);
	RC(STORE_OK, store_stage_first(f->c, "support", &first));
	assert_int_equal(first.id, w->intake);
}

static void usage_is(struct fixture *f, enum store_setup_kind kind, int64_t id,
		     const char *where, int64_t count)
{
	char got[64] = "x";
	int64_t n = -1;
	RC(STORE_OK, store_setup_usage(f->c, kind, id, got, &n));
	assert_string_equal(got, where);
	assert_int_equal(n, count);
}

static void test_setup_usage(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "Usage Type", .group = "support"});
	int64_t sub = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_SUBTYPE,
		.name = "Usage Sub", .parent_id = type});
	int64_t stype = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS_TYPE,
		.name = "Usage Status Type"});
	int64_t reason = setup_add(f, (struct store_setup_item){.kind = SETUP_CLOSE_REASON,
		.name = "Usage Reason"});
	int64_t role = role_add(f, "Usage Role", "", 9);
	int64_t ntype = setup_add(f, (struct store_setup_item){.kind = SETUP_NOTE_TYPE,
		.name = "Usage Note Type"});
	int64_t range = setup_add(f, (struct store_setup_item){.kind = SETUP_VALUE_RANGE,
		.name = "Usage Range"});
	usage_is(f, SETUP_CLOSE_REASON, reason, "", 0);
	usage_is(f, SETUP_STATUS_TYPE, stype, "", 0);
	usage_is(f, SETUP_CASE_TYPE, type, "subtypes", 1);
	usage_is(f, SETUP_CASE_SUBTYPE, sub, "", 0);
	usage_is(f, SETUP_STATUS, w->rec_received, "", 0);

	int64_t st1 = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Usage One", .parent_id = stype});
	setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS, .name = "Usage Two",
		.parent_id = stype});
	usage_is(f, SETUP_STATUS_TYPE, stype, "statuses", 2);

	struct store_case k;
	case_init(&k, w, "USE-1", "Usage case", type);
	k.case_subtype_id = sub;
	k.value_range_id = range;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	usage_is(f, SETUP_CASE_TYPE, type, "cases", 1);
	usage_is(f, SETUP_CASE_SUBTYPE, sub, "cases", 1);
	usage_is(f, SETUP_VALUE_RANGE, range, "cases", 1);

	/* a status used as a case's stage; then in a status row */
	usage_is(f, SETUP_STATUS, st1, "", 0);
	RC(STORE_OK, store_case_set_stage(f->c, k.id, st1, "", 5100));
	usage_is(f, SETUP_STATUS, st1, "cases", 1);
	struct store_case_status row = {.case_id = k.id, .status_type_id = stype, .status_id = st1,
					.user_id = w->owner, .close_reason_id = reason};
	snprintf(row.from_date, sizeof row.from_date, "2026-01-10");
	RC(STORE_OK, store_case_status_insert(f->c, &row, 5100));
	usage_is(f, SETUP_STATUS, st1, "case statuses", 1);
	usage_is(f, SETUP_STATUS_TYPE, stype, "statuses", 2);
	usage_is(f, SETUP_CLOSE_REASON, reason, "case statuses", 1);

	add_staff(f, k.id, w->owner, 0, role, "2026-01-10");
	usage_is(f, SETUP_ROLE, role, "case staff", 1);
	struct store_note n = {.case_id = k.id, .note_type_id = ntype, .body = "x", .at = 1,
			       .created_by = w->owner};
	RC(STORE_OK, store_note_insert(f->c, &n, 5200));
	usage_is(f, SETUP_NOTE_TYPE, ntype, "notes", 1);

	/* the value history holds on to a range the case no longer has */
	int64_t old_range = setup_add(f, (struct store_setup_item){.kind = SETUP_VALUE_RANGE,
		.name = "Usage Old Range"});
	struct store_value_change v = {.case_id = k.id, .value_range_id = old_range,
				       .user_id = w->owner, .from_date = "2026-01-10"};
	RC(STORE_OK, store_value_change_add(f->c, &v));
	usage_is(f, SETUP_VALUE_RANGE, old_range, "value history", 1);
}

/* ---- cases ------------------------------------------------------------------------------ */

static const struct store_scope scope_all = {.all = true};

static void test_case(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct store_office office = {.created_at = 100};
	snprintf(office.name, sizeof office.name, "Case Office");
	RC(STORE_OK, store_office_insert(f->c, &office));

	struct store_case k;
	case_init(&k, w, "T-0001", "Smith v. Jones", w->auto_type);
	k.case_subtype_id = w->rear_end;
	snprintf(k.state, sizeof k.state, "NY");
	k.office_id = office.id;
	snprintf(k.incident_date, sizeof k.incident_date, "2026-01-02");
	snprintf(k.wanted_date, sizeof k.wanted_date, "2026-01-03");
	snprintf(k.expected_resolution_date, sizeof k.expected_resolution_date, "2027-01-01");
	k.value_range_id = w->mid_range;
	k.has_min_settlement = true;
	k.min_settlement_cents = 0;
	snprintf(k.value_comments, sizeof k.value_comments, "soft tissue");
	k.serious_injury = true;
	snprintf(k.description, sizeof k.description, "Rear-ended at a light.");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	assert_true(k.id > 0);
	assert_int_equal(k.version, 1);
	assert_int_equal(k.created_at, 5000);
	assert_int_equal(k.updated_at, 5000);

	struct store_case got;
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.number, "T-0001");
	assert_string_equal(got.name, "Smith v. Jones");
	assert_int_equal(got.case_type_id, w->auto_type);
	assert_int_equal(got.case_subtype_id, w->rear_end);
	assert_string_equal(got.state, "NY");
	assert_int_equal(got.office_id, office.id);
	assert_string_equal(got.incident_date, "2026-01-02");
	assert_string_equal(got.opened_date, "2026-01-10");
	assert_string_equal(got.wanted_date, "2026-01-03");
	assert_string_equal(got.expected_resolution_date, "2027-01-01");
	assert_string_equal(got.closed_date, "");
	assert_int_equal(got.value_range_id, w->mid_range);
	assert_true(got.has_min_settlement);
	assert_int_equal(got.min_settlement_cents, 0);
	assert_string_equal(got.value_comments, "soft tissue");
	assert_true(got.serious_injury);
	assert_false(got.mdl_master);
	assert_string_equal(got.description, "Rear-ended at a light.");
	assert_int_equal(got.owner_id, w->owner);
	assert_int_equal(got.stage_status_id, 0);
	assert_int_equal(got.created_by, w->owner);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 5000);
	assert_string_equal(got.case_type_name, "Auto Accident");
	assert_string_equal(got.case_group, "legal");
	assert_string_equal(got.case_subtype_name, "Rear-end");
	assert_string_equal(got.office_name, "Case Office");
	assert_string_equal(got.owner_name, "Name of world.owner");
	assert_string_equal(got.stage_name, "");
	assert_string_equal(got.value_range_name, "$100k-$250k");
	RC(STORE_NOT_FOUND, store_case_get(f->c, &scope_all, k.id + 100000, &got));

	/* optional references and no number read back as 0 / "" */
	struct store_case bare;
	case_init(&bare, w, "", "No number one", w->life_type);
	RC(STORE_OK, store_case_insert(f->c, &bare, 5000));
	case_init(&bare, w, "", "No number two", w->life_type);
	RC(STORE_OK, store_case_insert(f->c, &bare, 5000));
	RC(STORE_OK, store_case_get(f->c, &scope_all, bare.id, &got));
	assert_string_equal(got.number, "");
	assert_int_equal(got.case_subtype_id, 0);
	assert_int_equal(got.office_id, 0);
	assert_int_equal(got.value_range_id, 0);
	assert_false(got.has_min_settlement);
	assert_string_equal(got.case_subtype_name, "");
	assert_string_equal(got.office_name, "");
	assert_string_equal(got.value_range_name, "");
	assert_string_equal(got.case_group, "insurance");

	/* numbers are unique */
	struct store_case dup;
	case_init(&dup, w, "T-0001", "Duplicate", w->auto_type);
	RC(STORE_CONFLICT, store_case_insert(f->c, &dup, 5000));
	RC(STORE_OK, store_case_get_by_number(f->c, "T-0001", &got));
	assert_int_equal(got.id, k.id);
	assert_string_equal(got.owner_name, "Name of world.owner");
	RC(STORE_NOT_FOUND, store_case_get_by_number(f->c, "T-9999", &got));

	/* versioned update */
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	struct store_case stale = got;
	snprintf(got.name, sizeof got.name, "Smith v. Jones Ltd");
	snprintf(got.number, sizeof got.number, "T-0002");
	got.has_min_settlement = false;
	got.office_id = 0;
	got.mdl_master = true;
	RC(STORE_OK, store_case_update(f->c, &got, 6000));
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 6000);
	RC(STORE_CONFLICT, store_case_update(f->c, &stale, 6100));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.name, "Smith v. Jones Ltd");
	assert_string_equal(got.number, "T-0002");
	assert_false(got.has_min_settlement);
	assert_int_equal(got.office_id, 0);
	assert_true(got.mdl_master);
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 6000);
	RC(STORE_OK, store_case_get_by_number(f->c, "T-0002", &got));
	RC(STORE_NOT_FOUND, store_case_get_by_number(f->c, "T-0001", &got));
	struct store_case other;
	case_init(&other, w, "T-0003", "Other", w->auto_type);
	RC(STORE_OK, store_case_insert(f->c, &other, 5000));
	snprintf(other.number, sizeof other.number, "T-0002");
	RC(STORE_CONFLICT, store_case_update(f->c, &other, 6200));
	other.id += 100000;
	RC(STORE_NOT_FOUND, store_case_update(f->c, &other, 6200));

	/* the stage and closed date: not the version */
	RC(STORE_OK, store_case_set_stage(f->c, k.id, w->intake, "", 7000));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_int_equal(got.stage_status_id, w->intake);
	assert_string_equal(got.stage_name, "Intake");
	assert_string_equal(got.closed_date, "");
	assert_int_equal(got.version, 2);
	RC(STORE_OK, store_case_set_stage(f->c, k.id, w->closed, "2026-05-01", 7100));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.stage_name, "Closed Case");
	assert_string_equal(got.closed_date, "2026-05-01");
	assert_int_equal(got.version, 2);
	/* an edit does not touch them */
	snprintf(got.closed_date, sizeof got.closed_date, "2026-06-01");
	RC(STORE_OK, store_case_update(f->c, &got, 7200));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.closed_date, "2026-05-01");
	assert_int_equal(got.stage_status_id, w->closed);
	RC(STORE_NOT_FOUND, store_case_set_stage(f->c, k.id + 100000, w->intake, "", 7000));

	/* deleted: gone for every read */
	RC(STORE_OK, store_case_delete(f->c, k.id, 8000));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &scope_all, k.id, &got));
	RC(STORE_NOT_FOUND, store_case_get_by_number(f->c, "T-0002", &got));
	RC(STORE_NOT_FOUND, store_case_update(f->c, &stale, 8100));
	RC(STORE_NOT_FOUND, store_case_delete(f->c, k.id, 8100));
}

static void test_case_scope(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "SC-1", "Scoped case");
	int64_t other_id = add_case(f, "SC-2", "Someone else's case");
	int64_t user = add_user(f, "scope.user");
	int64_t client = add_contact(f, "person", "Cleo", "Client", "");
	int64_t advisor = add_contact(f, "organisation", "", "", "Advice Ltd");
	struct store_scope as_user = {.user_id = user};
	struct store_scope as_client = {.user_id = add_user(f, "scope.client"), .contact_id = client};
	struct store_scope as_advisor = {.contact_id = advisor};
	struct store_case got;
	struct store_case_filter filter = {.closed = -1, .limit = 64};

	RC(STORE_OK, store_case_get(f->c, &scope_all, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_user, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_client, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_advisor, id, &got));
	filter.scope = as_user;
	struct collect k = {0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	assert_int_equal(k.n, 0);

	/* current staff see the case; once their row ends, they no longer do */
	int64_t row = add_staff(f, id, user, 0, w->paralegal, "2026-01-10");
	RC(STORE_OK, store_case_get(f->c, &as_user, id, &got));
	assert_string_equal(got.name, "Scoped case");
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_user, other_id, &got));
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	ids_are(&k, 1, id);
	RC(STORE_OK, store_case_staff_end(f->c, row, "2026-02-01"));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_user, id, &got));
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	assert_int_equal(k.n, 0);

	/* a contact sees the cases where it is a party or current staff */
	add_party(f, id, client, "plaintiff");
	RC(STORE_OK, store_case_get(f->c, &as_client, id, &got));
	filter.scope = as_client;
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	ids_are(&k, 1, id);
	add_staff(f, other_id, 0, advisor, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_get(f->c, &as_advisor, other_id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_advisor, id, &got));
	filter.scope = as_advisor;
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	ids_are(&k, 1, other_id);

	/* deleted cases are not found even by those who could see them */
	RC(STORE_OK, store_case_delete(f->c, id, 9000));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_client, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &scope_all, id, &got));
	filter.scope = as_client;
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	assert_int_equal(k.n, 0);
}

static void test_case_list(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "List Type", .group = "legal"});
	struct store_office office = {.created_at = 100};
	snprintf(office.name, sizeof office.name, "List Office");
	RC(STORE_OK, store_office_insert(f->c, &office));
	int64_t owner2 = add_user(f, "list.owner2");
	int64_t staffer = add_user(f, "list.staffer");

	struct store_case k;
	case_init(&k, w, "LST-1", "Alpha zebrafish claim", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-01-01");
	k.office_id = office.id;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t a = k.id;
	case_init(&k, w, "LST-2", "Beta", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-02-01");
	k.owner_id = owner2;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t b = k.id;
	case_init(&k, w, "LST-3", "Gamma", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-03-01");
	snprintf(k.description, sizeof k.description, "Mentions the zebrafishery twice.");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t c = k.id;
	case_init(&k, w, "LST-4", "Delta", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-04-01");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t d = k.id;
	case_init(&k, w, "LST-5", "Deleted zebrafish", type);
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	RC(STORE_OK, store_case_delete(f->c, k.id, 5001));

	/* everyone's cases newest first: these are the newest */
	struct store_case_filter all = {.scope = {.all = true}, .closed = -1, .limit = 4};
	struct collect got = {0};
	RC(STORE_OK, store_case_list(f->c, &all, collect_case, &got));
	ids_are(&got, 4, d, c, b, a);

	/* one case type, paged */
	struct store_case_filter fl = all;
	fl.case_type_id = type;
	fl.limit = 64;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	ids_are(&got, 4, d, c, b, a);
	fl.limit = 2;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	ids_are(&got, 2, d, c);
	fl.before_id = c;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	ids_are(&got, 2, b, a);
	fl.before_id = a;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	assert_int_equal(got.n, 0);
	fl.before_id = 0;
	fl.limit = 64;

	/* stage, any current status, office, owner, staff member */
	RC(STORE_OK, store_case_set_stage(f->c, b, w->litigation, "", 5100));
	add_status(f, b, w->stage_type, w->litigation, "2026-02-01");
	add_status(f, a, w->medical_type, w->rec_requested, "2026-01-05");
	RC(STORE_OK, store_case_set_stage(f->c, c, w->closed, "2026-03-15", 5100));
	struct store_case_filter x = fl;
	x.stage_status_id = w->litigation;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
	x = fl;
	x.status_id = w->rec_requested;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	x.status_id = w->litigation;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
	x = fl;
	x.office_id = office.id;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	x = fl;
	x.owner_id = owner2;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
	x = fl;
	x.staff_user_id = staffer;
	add_staff(f, c, staffer, 0, w->attorney, "2026-03-01");
	int64_t ended = add_staff(f, d, staffer, 0, w->attorney, "2026-03-01");
	RC(STORE_OK, store_case_staff_end(f->c, ended, "2026-03-02"));
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);

	/* opened between (inclusive), open or closed */
	x = fl;
	snprintf(x.opened_from, sizeof x.opened_from, "2026-02-01");
	snprintf(x.opened_to, sizeof x.opened_to, "2026-03-01");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 2, c, b);
	x.opened_to[0] = '\0';
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 3, d, c, b);
	x = fl;
	x.closed = 1;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);
	x.closed = 0;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 3, d, b, a);

	/* text search over number, name and description: words as prefixes, any case */
	static const struct {
		const char *q;
		int n;
	} searches[] = {
		{"zebra", 2},          /* a (name) and c (description); not the deleted one */
		{"ZEBRAFISH", 2},
		{"zebra alpha", 1},
		{"\"zebra\" (al*", 1}, /* FTS5 syntax is just words */
		{"zebra \u2014 ALPHA", 1}, /* so is Unicode punctuation: no word */
		{"\u201czebra\u201d", 2},
		{"lst-4", 1},
		{"gam", 1},
		{"zebra nothing", 0},
	};
	const int64_t expect[][2] = {{c, a}, {c, a}, {a, 0}, {a, 0}, {a, 0}, {c, a}, {d, 0}, {c, 0},
				     {0, 0}};
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		x = all;
		x.limit = 64;
		snprintf(x.q, sizeof x.q, "%s", searches[i].q);
		got = (struct collect){0};
		RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
		if (got.n != searches[i].n)
			fail_msg("q \"%s\" found %d cases, expected %d", searches[i].q, got.n,
				 searches[i].n);
		for (int j = 0; j < got.n; j++)
			assert_int_equal(got.ids[j], expect[i][j]);
	}
	/* with paging and another filter */
	x = all;
	snprintf(x.q, sizeof x.q, "zebra");
	x.limit = 1;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);
	x.before_id = c;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	x.before_id = 0;
	x.limit = 64;
	x.office_id = office.id;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	/* words of nothing but punctuation: no search */
	x = fl;
	snprintf(x.q, sizeof x.q, " -- !! ");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 4, d, c, b, a);
	/* a restricted caller's search sees only their cases */
	x = fl;
	x.scope = (struct store_scope){.user_id = staffer};
	snprintf(x.q, sizeof x.q, "zebra");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);

	/* a search follows a renamed case */
	RC(STORE_OK, store_case_get(f->c, &scope_all, b, &k));
	snprintf(k.name, sizeof k.name, "Beta quokka");
	RC(STORE_OK, store_case_update(f->c, &k, 5200));
	x = all;
	snprintf(x.q, sizeof x.q, "quok");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setup),
		cmocka_unit_test(test_setup_usage),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_case_scope),
		cmocka_unit_test(test_case_list),
	};
	return store_tests_run("store cases", tests, sizeof tests / sizeof tests[0]);
}
