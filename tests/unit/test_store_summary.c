/* test_store_summary.c - the store interface (store.h) for what the case summary shows beyond
 * the cases issue: the setup lists of deadline types, flags and user-defined fields; contacts
 * in full (detail, phones, e-mails, addresses, where a contact is used); the case's referral,
 * retainer, liability and facts; parties in detail and what goes with a deleted party;
 * insurance, liens, bankruptcies, tasks, appointments and their attendees, deadlines, courts
 * and their personnel, and user-defined field values.
 *
 * Run the same way over both backends: one cmocka group on SQLite and one on PostgreSQL when
 * CASELOAD_TEST_PG is set (tests/unit/support/store_fixture.h). Cases, contacts and the rest
 * of what hangs off a case are tested in test_store_cases.c and test_store_case_data.c. */
#include "support/store_fixture.h"

#include <stdio.h>
#include <string.h>

/* ---- helpers ---------------------------------------------------------------------------- */

/* add_person inserts a person contact and returns its id. */
static int64_t add_person(struct fixture *f, const char *first, const char *last)
{
	return add_contact(f, "person", first, last, "");
}

/* add_org inserts an organisation contact and returns its id. */
static int64_t add_org(struct fixture *f, const char *name)
{
	return add_contact(f, "organisation", "", "", name);
}

/* party_add inserts a represented party in group 1 and returns its id. */
static int64_t party_add(struct fixture *f, int64_t case_id, int64_t contact_id,
			 const char *kind, int64_t group_no)
{
	struct store_party p = {.case_id = case_id, .contact_id = contact_id,
				.group_no = group_no, .represented = true};
	snprintf(p.kind, sizeof p.kind, "%s", kind);
	RC(STORE_OK, store_party_insert(f->c, &p));
	assert_int_equal(p.version, 1);
	return p.id;
}

/* deadline_add inserts an outstanding deadline and returns its id. */
static int64_t deadline_add(struct fixture *f, int64_t case_id, int64_t party_id,
			    const char *kind, int64_t type_id, const char *due)
{
	struct store_deadline d = {.case_id = case_id, .party_id = party_id,
				   .deadline_type_id = type_id, .created_by = f->w.owner};
	snprintf(d.kind, sizeof d.kind, "%s", kind);
	snprintf(d.due_date, sizeof d.due_date, "%s", due);
	RC(STORE_OK, store_deadline_insert(f->c, &d));
	assert_int_equal(d.version, 1);
	return d.id;
}

/* usage_is checks where a contact is used and how often. */
static void usage_is(struct fixture *f, int64_t contact_id, const char *where, int64_t n)
{
	char got[64] = "x";
	int64_t count = -1;
	RC(STORE_OK, store_contact_usage(f->c, contact_id, got, &count));
	assert_string_equal(got, where);
	assert_int_equal(count, n);
}

/* setup_usage_is checks where a setup row is used and how often. */
static void setup_usage_is(struct fixture *f, enum store_setup_kind kind, int64_t id,
			   const char *where, int64_t n)
{
	char got[64] = "x";
	int64_t count = -1;
	RC(STORE_OK, store_setup_usage(f->c, kind, id, got, &count));
	assert_string_equal(got, where);
	assert_int_equal(count, n);
}

static int collect_insurance(const struct store_insurance *in, void *ctx)
{
	return collect_id(ctx, in->id);
}

static int collect_lien(const struct store_lien *l, void *ctx)
{
	return collect_id(ctx, l->id);
}

static int collect_bankruptcy(const struct store_bankruptcy *b, void *ctx)
{
	return collect_id(ctx, b->id);
}

static int collect_task(const struct store_task *t, void *ctx)
{
	return collect_id(ctx, t->id);
}

static int collect_appointment(const struct store_appointment *ap, void *ctx)
{
	return collect_id(ctx, ap->id);
}

static int collect_deadline(const struct store_deadline *d, void *ctx)
{
	return collect_id(ctx, d->id);
}

static int collect_court(const struct store_court *ct, void *ctx)
{
	return collect_id(ctx, ct->id);
}

/* The rows of a walk whose records are small enough to keep whole. */
struct attendee_rows {
	struct store_attendee a[8];
	int n;
};

static int collect_attendee(const struct store_attendee *at, void *ctx)
{
	struct attendee_rows *r = ctx;
	if (r->n < 8)
		r->a[r->n] = *at;
	r->n++;
	return 0;
}

struct person_rows {
	struct store_court_person p[8];
	int n;
};

static int collect_court_person(const struct store_court_person *p, void *ctx)
{
	struct person_rows *r = ctx;
	if (r->n < 8)
		r->p[r->n] = *p;
	r->n++;
	return 0;
}

struct udf_rows {
	struct store_udf_value v[8];
	int n;
};

static int collect_udf(const struct store_udf_value *v, void *ctx)
{
	struct udf_rows *r = ctx;
	if (r->n < 8)
		r->v[r->n] = *v;
	r->n++;
	return 0;
}

struct channel_rows {
	struct store_contact_channel ch[8];
	int n;
};

static int collect_channel(const struct store_contact_channel *ch, void *ctx)
{
	struct channel_rows *r = ctx;
	if (r->n < 8)
		r->ch[r->n] = *ch;
	r->n++;
	return 0;
}

struct address_rows {
	struct store_contact_address ad[4];
	int n;
};

static int collect_address(const struct store_contact_address *ad, void *ctx)
{
	struct address_rows *r = ctx;
	if (r->n < 4)
		r->ad[r->n] = *ad;
	r->n++;
	return 0;
}

/* ---- setup lists: deadline types, flags, user-defined fields ----------------------------- */

static void test_setup_deadline_types(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t motion = setup_add(f, (struct store_setup_item){.kind = SETUP_DEADLINE_TYPE,
		.name = "Motion Due", .position = 2});
	int64_t expert = setup_add(f, (struct store_setup_item){.kind = SETUP_DEADLINE_TYPE,
		.name = "Expert Disclosure", .position = 1});
	struct store_setup_item it = {.kind = SETUP_DEADLINE_TYPE, .name = "Motion Due"};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));

	struct store_setup_item got;
	RC(STORE_OK, store_setup_get(f->c, SETUP_DEADLINE_TYPE, motion, &got));
	assert_int_equal(got.kind, SETUP_DEADLINE_TYPE);
	assert_string_equal(got.name, "Motion Due");
	assert_int_equal(got.position, 2);
	assert_int_equal(got.version, 1);
	struct store_setup_item stale = got;
	snprintf(got.name, sizeof got.name, "Motion Deadline");
	RC(STORE_OK, store_setup_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_setup_update(f->c, &stale));
	RC(STORE_OK, store_setup_get(f->c, SETUP_DEADLINE_TYPE, motion, &got));
	assert_string_equal(got.name, "Motion Deadline");

	struct collect k = {0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_DEADLINE_TYPE, 0, collect_setup, &k));
	assert_true(k.n >= 2);
	int at_expert = -1, at_motion = -1;
	for (int i = 0; i < k.n; i++) {
		if (k.ids[i] == expert)
			at_expert = i;
		if (k.ids[i] == motion)
			at_motion = i;
	}
	assert_true(at_expert >= 0 && at_motion > at_expert);

	/* used by deadlines */
	setup_usage_is(f, SETUP_DEADLINE_TYPE, motion, "", 0);
	int64_t id = add_case(f, "SM-DT-1", "Deadline type usage");
	deadline_add(f, id, 0, "critical", motion, "2026-06-01");
	setup_usage_is(f, SETUP_DEADLINE_TYPE, motion, "deadlines", 1);
	setup_usage_is(f, SETUP_DEADLINE_TYPE, expert, "", 0);
	RC(STORE_OK, store_setup_delete(f->c, SETUP_DEADLINE_TYPE, expert));
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_DEADLINE_TYPE, expert, &got));
	RC(STORE_NOT_FOUND, store_setup_delete(f->c, SETUP_DEADLINE_TYPE, expert));
}

static void test_setup_flags(void **state)
{
	FIXTURE(state);
	/* a new database has the six standard flags */
	struct collect k = {0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_FLAG, 0, collect_setup, &k));
	assert_true(k.n >= 6);
	struct store_setup_item got;
	RC(STORE_OK, store_setup_get(f->c, SETUP_FLAG, k.ids[0], &got));
	assert_string_equal(got.name, "Serious Injury");
	assert_string_equal(got.code, "serious_injury");
	assert_string_equal(got.target, "injuries");
	assert_string_equal(got.text, "");

	struct store_setup_item it = {.kind = SETUP_FLAG, .name = "SM Tort Claim",
				      .code = "udf_equals", .text = "Claim type=Tort",
				      .target = "udf", .position = 50};
	RC(STORE_OK, store_setup_insert(f->c, &it));
	RC(STORE_OK, store_setup_get(f->c, SETUP_FLAG, it.id, &got));
	assert_string_equal(got.name, "SM Tort Claim");
	assert_string_equal(got.code, "udf_equals");
	assert_string_equal(got.text, "Claim type=Tort");
	assert_string_equal(got.target, "udf");
	assert_int_equal(got.position, 50);
	assert_false(got.required);

	struct store_setup_item stale = got;
	snprintf(got.code, sizeof got.code, "udf_set");
	snprintf(got.text, sizeof got.text, "Claim type");
	snprintf(got.target, sizeof got.target, "info");
	RC(STORE_OK, store_setup_update(f->c, &got));
	RC(STORE_CONFLICT, store_setup_update(f->c, &stale));
	RC(STORE_OK, store_setup_get(f->c, SETUP_FLAG, it.id, &got));
	assert_string_equal(got.code, "udf_set");
	assert_string_equal(got.text, "Claim type");
	assert_string_equal(got.target, "info");
	assert_int_equal(got.version, 2);

	struct store_setup_item dup = {.kind = SETUP_FLAG, .name = "SM Tort Claim",
				       .code = "liens", .target = "liens"};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &dup));
	setup_usage_is(f, SETUP_FLAG, it.id, "", 0);
	RC(STORE_OK, store_setup_delete(f->c, SETUP_FLAG, it.id));
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_FLAG, it.id, &got));
}

static void test_setup_udf_fields(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "SM UDF Type", .group = "legal", .position = 9});
	int64_t other_type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "SM UDF Other Type", .group = "legal", .position = 10});
	setup_usage_is(f, SETUP_CASE_TYPE, type, "", 0);

	struct store_setup_item kind = {.kind = SETUP_UDF_FIELD, .name = "Claim type",
					.parent_id = type, .code = "picklist", .required = true,
					.text = "Tort\nContract", .position = 2};
	RC(STORE_OK, store_setup_insert(f->c, &kind));
	int64_t amount = setup_add(f, (struct store_setup_item){.kind = SETUP_UDF_FIELD,
		.name = "Amount claimed", .parent_id = type, .code = "money", .position = 1});
	int64_t elsewhere = setup_add(f, (struct store_setup_item){.kind = SETUP_UDF_FIELD,
		.name = "Claim type", .parent_id = other_type, .code = "text", .position = 1});

	/* the name is unique within the case type */
	struct store_setup_item dup = {.kind = SETUP_UDF_FIELD, .name = "Amount claimed",
				       .parent_id = type, .code = "text"};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &dup));

	struct store_setup_item got;
	RC(STORE_OK, store_setup_get(f->c, SETUP_UDF_FIELD, kind.id, &got));
	assert_string_equal(got.name, "Claim type");
	assert_int_equal(got.parent_id, type);
	assert_string_equal(got.code, "picklist");
	assert_string_equal(got.text, "Tort\nContract");
	assert_true(got.required);
	assert_string_equal(got.target, "");

	struct store_setup_item stale = got;
	got.required = false;
	snprintf(got.text, sizeof got.text, "Tort\nContract\nOther");
	RC(STORE_OK, store_setup_update(f->c, &got));
	RC(STORE_CONFLICT, store_setup_update(f->c, &stale));
	RC(STORE_OK, store_setup_get(f->c, SETUP_UDF_FIELD, kind.id, &got));
	assert_false(got.required);
	assert_string_equal(got.text, "Tort\nContract\nOther");

	/* a case type's fields in order; every field with parent 0 */
	struct collect k = {0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_UDF_FIELD, type, collect_setup, &k));
	ids_are(&k, 2, amount, kind.id);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_UDF_FIELD, 0, collect_setup, &k));
	assert_true(ids_have(&k, amount) && ids_have(&k, kind.id) && ids_have(&k, elsewhere));

	/* a case type with fields is in use; a field with values is in use */
	setup_usage_is(f, SETUP_CASE_TYPE, type, "user-defined fields", 2);
	setup_usage_is(f, SETUP_UDF_FIELD, amount, "", 0);
	struct store_case kc;
	case_init(&kc, w, "SM-UDF-0", "UDF usage", type);
	RC(STORE_OK, store_case_insert(f->c, &kc, 5000));
	RC(STORE_OK, store_udf_value_set(f->c, kc.id, amount, "125050"));
	setup_usage_is(f, SETUP_UDF_FIELD, amount, "case values", 1);
	setup_usage_is(f, SETUP_CASE_TYPE, type, "cases", 1);
	RC(STORE_OK, store_udf_value_set(f->c, kc.id, amount, ""));
	setup_usage_is(f, SETUP_UDF_FIELD, amount, "", 0);
	RC(STORE_OK, store_setup_delete(f->c, SETUP_UDF_FIELD, elsewhere));
	setup_usage_is(f, SETUP_CASE_TYPE, other_type, "", 0);
}

/* ---- contacts in full ------------------------------------------------------------------- */

static void test_contact_detail(void **state)
{
	FIXTURE(state);
	int64_t firm = add_org(f, "Smdetail Law LLP");
	struct store_contact ct = {.kind = "person", .first_name = "Smdana", .last_name = "Detail",
				   .nickname = "Dee", .languages = "Spanish, English",
				   .employer_id = firm, .preferred_comm = "letter",
				   .birth_date = "1980-02-29", .death_date = "2025-12-01",
				   .death_place = "Albany, NY", .email = "dee@sm.test",
				   .phone = "555-0101"};
	RC(STORE_OK, store_contact_insert(f->c, &ct, 900));
	assert_string_equal(ct.display_name, "Smdana Detail");
	assert_string_equal(ct.employer_name, "Smdetail Law LLP");

	struct store_contact got;
	RC(STORE_OK, store_contact_get(f->c, ct.id, &got));
	assert_string_equal(got.nickname, "Dee");
	assert_string_equal(got.languages, "Spanish, English");
	assert_int_equal(got.employer_id, firm);
	assert_string_equal(got.employer_name, "Smdetail Law LLP");
	assert_string_equal(got.preferred_comm, "letter");
	assert_string_equal(got.birth_date, "1980-02-29");
	assert_string_equal(got.death_date, "2025-12-01");
	assert_string_equal(got.death_place, "Albany, NY");
	assert_string_equal(got.email, "dee@sm.test");
	assert_string_equal(got.phone, "555-0101");

	/* the list reads the same columns */
	struct collect k = {0};
	RC(STORE_OK, store_contact_list(f->c, "smdana", 0, 10, collect_contact, &k));
	ids_are(&k, 1, ct.id);

	/* no preferred communication given: e-mail; no employer: none */
	struct store_contact plain = {.kind = "person", .last_name = "Smplain"};
	RC(STORE_OK, store_contact_insert(f->c, &plain, 900));
	RC(STORE_OK, store_contact_get(f->c, plain.id, &got));
	assert_string_equal(got.preferred_comm, "email");
	assert_int_equal(got.employer_id, 0);
	assert_string_equal(got.employer_name, "");
	assert_string_equal(got.death_date, "");

	/* an update writes every field */
	RC(STORE_OK, store_contact_get(f->c, ct.id, &got));
	struct store_contact stale = got;
	got.employer_id = 0;
	got.death_date[0] = '\0';
	got.death_place[0] = '\0';
	snprintf(got.preferred_comm, sizeof got.preferred_comm, "email");
	RC(STORE_OK, store_contact_update(f->c, &got, 950));
	assert_string_equal(got.employer_name, "");
	RC(STORE_CONFLICT, store_contact_update(f->c, &stale, 960));
	RC(STORE_OK, store_contact_get(f->c, ct.id, &got));
	assert_int_equal(got.employer_id, 0);
	assert_string_equal(got.death_date, "");
	assert_string_equal(got.preferred_comm, "email");
	assert_string_equal(got.nickname, "Dee");
	assert_int_equal(got.version, 2);
}

static void test_contact_channels(void **state)
{
	FIXTURE(state);
	int64_t id = add_person(f, "Smchan", "Nels");
	struct store_contact_channel rows[] = {
		{.kind = "email", .label = "work", .value = "work@sm.test"},
		{.kind = "phone", .label = "mobile", .value = "555-0102", .primary = true},
		{.kind = "email", .label = "home", .value = "home@sm.test", .primary = true},
		{.kind = "phone", .label = "work", .value = "555-0103"},
	};
	RC(STORE_OK, store_contact_channels_set(f->c, id, rows, 4));

	/* phones first, then e-mails, each in the order given */
	struct channel_rows r = {0};
	RC(STORE_OK, store_contact_channel_list(f->c, id, collect_channel, &r));
	assert_int_equal(r.n, 4);
	assert_string_equal(r.ch[0].kind, "phone");
	assert_string_equal(r.ch[0].value, "555-0102");
	assert_string_equal(r.ch[0].label, "mobile");
	assert_true(r.ch[0].primary);
	assert_int_equal(r.ch[0].contact_id, id);
	assert_true(r.ch[0].id > 0);
	assert_string_equal(r.ch[1].value, "555-0103");
	assert_false(r.ch[1].primary);
	assert_string_equal(r.ch[2].kind, "email");
	assert_string_equal(r.ch[2].value, "work@sm.test");
	assert_string_equal(r.ch[3].value, "home@sm.test");
	assert_true(r.ch[3].primary);

	/* a new list replaces the old one; an empty one clears it */
	struct store_contact_channel one = {.kind = "phone", .value = "555-0104", .primary = true};
	RC(STORE_OK, store_contact_channels_set(f->c, id, &one, 1));
	r = (struct channel_rows){0};
	RC(STORE_OK, store_contact_channel_list(f->c, id, collect_channel, &r));
	assert_int_equal(r.n, 1);
	assert_string_equal(r.ch[0].value, "555-0104");
	assert_string_equal(r.ch[0].label, "");
	RC(STORE_OK, store_contact_channels_set(f->c, id, NULL, 0));
	r = (struct channel_rows){0};
	RC(STORE_OK, store_contact_channel_list(f->c, id, collect_channel, &r));
	assert_int_equal(r.n, 0);

	struct store_contact_address ads[] = {
		{.label = "home", .line1 = "1 Main St", .line2 = "Apt 2", .city = "Albany",
		 .region = "NY", .postcode = "12207", .country = "US", .primary = true},
		{.label = "work", .line1 = "2 State St", .city = "Troy", .region = "NY"},
	};
	RC(STORE_OK, store_contact_addresses_set(f->c, id, ads, 2));
	struct address_rows a = {0};
	RC(STORE_OK, store_contact_address_list(f->c, id, collect_address, &a));
	assert_int_equal(a.n, 2);
	assert_string_equal(a.ad[0].label, "home");
	assert_string_equal(a.ad[0].line1, "1 Main St");
	assert_string_equal(a.ad[0].line2, "Apt 2");
	assert_string_equal(a.ad[0].city, "Albany");
	assert_string_equal(a.ad[0].region, "NY");
	assert_string_equal(a.ad[0].postcode, "12207");
	assert_string_equal(a.ad[0].country, "US");
	assert_true(a.ad[0].primary);
	assert_int_equal(a.ad[0].contact_id, id);
	assert_string_equal(a.ad[1].city, "Troy");
	assert_false(a.ad[1].primary);
	RC(STORE_OK, store_contact_addresses_set(f->c, id, &ads[1], 1));
	a = (struct address_rows){0};
	RC(STORE_OK, store_contact_address_list(f->c, id, collect_address, &a));
	assert_int_equal(a.n, 1);
	assert_string_equal(a.ad[0].label, "work");

	/* phones, e-mails and addresses are part of a contact, not uses of it */
	RC(STORE_OK, store_contact_channels_set(f->c, id, rows, 4));
	usage_is(f, id, "", 0);
	struct store_contact got;
	RC(STORE_OK, store_contact_delete(f->c, id));
	RC(STORE_NOT_FOUND, store_contact_get(f->c, id, &got));
	r = (struct channel_rows){0};
	RC(STORE_OK, store_contact_channel_list(f->c, id, collect_channel, &r));
	assert_int_equal(r.n, 0);
}

/* test_contact_usage: each new place a contact may be used, in the order of checking */
static void test_contact_usage(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-CU-1", "Contact usage");
	int64_t client = add_person(f, "Smuse", "Client");
	int64_t party = party_add(f, id, client, "plaintiff", 1);

	int64_t firm = add_org(f, "Smuse Employer Inc");
	struct store_contact worker = {.kind = "person", .last_name = "Smuse Worker",
				       .employer_id = firm};
	RC(STORE_OK, store_contact_insert(f->c, &worker, 900));
	usage_is(f, firm, "employees", 1);

	int64_t insurer = add_org(f, "Smuse Insurer");
	int64_t adjuster = add_person(f, "Smuse", "Adjuster");
	struct store_insurance in = {.case_id = id, .party_id = party, .company_id = insurer,
				     .adjuster_id = adjuster, .no_fault_cents = -1,
				     .um_sum_cents = -1, .coverage_cents = -1};
	RC(STORE_OK, store_insurance_insert(f->c, &in));
	usage_is(f, insurer, "insurance", 1);
	usage_is(f, adjuster, "insurance", 1);

	int64_t holder = add_org(f, "Smuse Lien Holder");
	struct store_lien l = {.case_id = id, .party_id = party, .holder_id = holder,
			       .negotiated_cents = -1, .final_cents = -1};
	RC(STORE_OK, store_lien_insert(f->c, &l));
	usage_is(f, holder, "liens", 1);

	int64_t bk_court = add_org(f, "Smuse Bankruptcy Court");
	int64_t trustee = add_person(f, "Smuse", "Trustee");
	int64_t trustee_att = add_person(f, "Smuse", "Trustee Attorney");
	struct store_bankruptcy b = {.case_id = id, .party_id = party, .court_id = bk_court,
				     .trustee_id = trustee, .trustee_attorney_id = trustee_att};
	RC(STORE_OK, store_bankruptcy_insert(f->c, &b));
	usage_is(f, bk_court, "bankruptcies", 1);
	usage_is(f, trustee, "bankruptcies", 1);
	usage_is(f, trustee_att, "bankruptcies", 1);

	int64_t witness = add_person(f, "Smuse", "Witness");
	struct store_appointment ap = {.case_id = id, .starts_at = 1000, .ends_at = 2000,
				       .subject = "Deposition", .created_by = f->w.owner};
	RC(STORE_OK, store_appointment_insert(f->c, &ap, 900));
	struct store_attendee at = {.contact_id = witness};
	RC(STORE_OK, store_attendees_set(f->c, id, ap.id, &at, 1));
	usage_is(f, witness, "appointments", 1);

	int64_t court = add_org(f, "Smuse Supreme Court");
	int64_t judge = add_person(f, "Smuse", "Judge");
	struct store_court ct = {.case_id = id, .court_id = court};
	RC(STORE_OK, store_court_insert(f->c, &ct));
	usage_is(f, court, "courts", 1);
	struct store_court_person cp = {.contact_id = judge, .role = "Judge"};
	RC(STORE_OK, store_court_personnel_set(f->c, id, ct.id, &cp, 1));
	usage_is(f, judge, "court personnel", 1);

	int64_t referrer = add_person(f, "Smuse", "Referrer");
	int64_t referee = add_org(f, "Smuse Referee Firm");
	struct store_case k;
	struct store_scope all = {.all = true};
	RC(STORE_OK, store_case_get(f->c, &all, id, &k));
	k.referral_in_contact_id = referrer;
	k.referral_out_contact_id = referee;
	RC(STORE_OK, store_case_update(f->c, &k, 6000));
	usage_is(f, referrer, "case referrals", 1);
	usage_is(f, referee, "case referrals", 1);

	/* a party's law firm and attorney are uses as case parties; parties come first */
	int64_t law_firm = add_org(f, "Smuse Other Firm");
	int64_t attorney = add_person(f, "Smuse", "Other Attorney");
	struct store_party p;
	RC(STORE_OK, store_party_get(f->c, id, party, &p));
	p.law_firm_id = law_firm;
	p.attorney_id = attorney;
	RC(STORE_OK, store_party_update(f->c, &p));
	usage_is(f, law_firm, "case parties", 1);
	usage_is(f, attorney, "case parties", 1);
	party_add(f, id, firm, "defendant", 1);
	usage_is(f, firm, "case parties", 1);
}

/* ---- the case's own summary data -------------------------------------------------------- */

/* keep_case copies the one case a walk gives into ctx. */
static int keep_case(const struct store_case *k, void *ctx)
{
	*(struct store_case *)ctx = *k;
	return 0;
}

static void test_case_summary_data(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t in_contact = add_person(f, "Smref", "Inbound");
	int64_t out_contact = add_org(f, "Smref Outbound LLP");
	struct store_case k;
	case_init(&k, w, "SM-CD-1", "Summary data", w->auto_type);
	snprintf(k.retainer_date, sizeof k.retainer_date, "2026-01-12");
	snprintf(k.referral_in_form, sizeof k.referral_in_form, "Attorney referral");
	k.referral_in_contact_id = in_contact;
	snprintf(k.liability_code, sizeof k.liability_code, "Clear");
	k.liability_percent = -1;
	snprintf(k.incident_facts, sizeof k.incident_facts, "Rear-ended at a light.");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));

	struct store_scope all = {.all = true};
	struct store_case got;
	RC(STORE_OK, store_case_get(f->c, &all, k.id, &got));
	assert_string_equal(got.retainer_date, "2026-01-12");
	assert_string_equal(got.referral_in_form, "Attorney referral");
	assert_int_equal(got.referral_in_contact_id, in_contact);
	assert_string_equal(got.referral_in_contact_name, "Smref Inbound");
	assert_string_equal(got.referral_out_form, "");
	assert_int_equal(got.referral_out_contact_id, 0);
	assert_string_equal(got.referral_out_contact_name, "");
	assert_string_equal(got.liability_code, "Clear");
	assert_int_equal(got.liability_percent, -1);
	assert_string_equal(got.incident_facts, "Rear-ended at a light.");

	struct store_case stale = got;
	snprintf(got.referral_out_form, sizeof got.referral_out_form, "Co-counsel");
	got.referral_out_contact_id = out_contact;
	got.referral_in_contact_id = 0;
	got.liability_percent = 0;
	RC(STORE_OK, store_case_update(f->c, &got, 6000));
	RC(STORE_CONFLICT, store_case_update(f->c, &stale, 6000));
	RC(STORE_OK, store_case_get_by_number(f->c, "SM-CD-1", &got));
	assert_string_equal(got.referral_out_form, "Co-counsel");
	assert_int_equal(got.referral_out_contact_id, out_contact);
	assert_string_equal(got.referral_out_contact_name, "Smref Outbound LLP");
	assert_int_equal(got.referral_in_contact_id, 0);
	assert_string_equal(got.referral_in_contact_name, "");
	assert_int_equal(got.liability_percent, 0);
	got.liability_percent = 75;
	RC(STORE_OK, store_case_update(f->c, &got, 6100));


	/* the case list reads the same columns */
	struct store_case_filter flt = {.scope = {.all = true}, .q = "", .closed = -1,
					.before_id = k.id + 1, .limit = 1};
	RC(STORE_OK, store_case_list(f->c, &flt, keep_case, &got));
	assert_int_equal(got.id, k.id);
	assert_int_equal(got.liability_percent, 75);
	assert_string_equal(got.referral_out_contact_name, "Smref Outbound LLP");
	assert_string_equal(got.incident_facts, "Rear-ended at a light.");
}

/* ---- parties ---------------------------------------------------------------------------- */

static void test_party_detail(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-PD-1", "Party detail");
	struct store_contact ct = {.kind = "person", .first_name = "Smpat", .last_name = "Party",
				   .nickname = "Pat", .languages = "Polish",
				   .phone = "555-0105", .birth_date = "2010-05-05",
				   .death_date = "2026-01-01", .death_place = "Utica"};
	RC(STORE_OK, store_contact_insert(f->c, &ct, 900));
	int64_t firm = add_org(f, "Smpat Firm");
	int64_t attorney = add_person(f, "Smpat", "Attorney");

	struct store_party p = {.case_id = id, .contact_id = ct.id, .kind = "plaintiff",
				.group_no = 2, .primary_party = true, .primary_contact = false,
				.role = "Driver", .represented = true, .law_firm_id = firm,
				.attorney_id = attorney, .injury_summary = "Whiplash",
				.pleadings_summary = "Negligence"};
	RC(STORE_OK, store_party_insert(f->c, &p));
	assert_int_equal(p.version, 1);
	struct store_party got;
	RC(STORE_OK, store_party_get(f->c, id, p.id, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.contact_id, ct.id);
	assert_string_equal(got.kind, "plaintiff");
	assert_int_equal(got.group_no, 2);
	assert_true(got.primary_party);
	assert_false(got.primary_contact);
	assert_string_equal(got.role, "Driver");
	assert_true(got.represented);
	assert_int_equal(got.law_firm_id, firm);
	assert_int_equal(got.attorney_id, attorney);
	assert_string_equal(got.injury_summary, "Whiplash");
	assert_string_equal(got.pleadings_summary, "Negligence");
	assert_int_equal(got.version, 1);
	assert_string_equal(got.contact_name, "Smpat Party");
	assert_string_equal(got.nickname, "Pat");
	assert_string_equal(got.languages, "Polish");
	assert_string_equal(got.phone, "555-0105");
	assert_string_equal(got.birth_date, "2010-05-05");
	assert_string_equal(got.death_date, "2026-01-01");
	assert_string_equal(got.death_place, "Utica");
	assert_string_equal(got.law_firm_name, "Smpat Firm");
	assert_string_equal(got.attorney_name, "Smpat Attorney");

	/* a versioned update of group .. pleadings; the contact and kind stay */
	struct store_party stale = got;
	got.group_no = 1;
	got.primary_party = false;
	got.primary_contact = true;
	got.represented = false;
	got.law_firm_id = 0;
	got.attorney_id = 0;
	snprintf(got.role, sizeof got.role, "Passenger");
	snprintf(got.kind, sizeof got.kind, "defendant");
	RC(STORE_OK, store_party_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_party_update(f->c, &stale));
	RC(STORE_OK, store_party_get(f->c, id, p.id, &got));
	assert_string_equal(got.kind, "plaintiff");
	assert_int_equal(got.group_no, 1);
	assert_false(got.primary_party);
	assert_true(got.primary_contact);
	assert_false(got.represented);
	assert_string_equal(got.role, "Passenger");
	assert_int_equal(got.law_firm_id, 0);
	assert_string_equal(got.law_firm_name, "");
	assert_string_equal(got.attorney_name, "");
	assert_int_equal(got.version, 2);
	int64_t other = add_case(f, "SM-PD-2", "Party detail, other case");
	stale = got;
	stale.case_id = other;
	RC(STORE_NOT_FOUND, store_party_update(f->c, &stale));
	stale.case_id = id;
	stale.id += 100000;
	RC(STORE_NOT_FOUND, store_party_update(f->c, &stale));
}

static void test_party_list_order(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-PL-1", "Party order");
	int64_t d1 = party_add(f, id, add_person(f, "Smord", "Defendant One"), "defendant", 1);
	int64_t p2 = party_add(f, id, add_person(f, "Smord", "Plaintiff Two"), "plaintiff", 2);
	int64_t p1 = party_add(f, id, add_person(f, "Smord", "Plaintiff One"), "plaintiff", 1);
	int64_t d0 = party_add(f, id, add_person(f, "Smord", "Defendant Zero"), "defendant", 1);
	int64_t p1b = party_add(f, id, add_person(f, "Smord", "Plaintiff One B"), "plaintiff", 1);
	struct collect k = {0};
	RC(STORE_OK, store_party_list(f->c, id, collect_party, &k));
	ids_are(&k, 5, p1, p1b, p2, d1, d0);
}

static void test_party_delete_cascade(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-PX-1", "Party delete");
	int64_t gone = party_add(f, id, add_person(f, "Smgone", "Plaintiff"), "plaintiff", 1);
	int64_t stays = party_add(f, id, add_person(f, "Smstays", "Plaintiff"), "plaintiff", 1);

	struct store_insurance in = {.case_id = id, .party_id = gone, .no_fault_cents = -1,
				     .um_sum_cents = -1, .coverage_cents = 100};
	RC(STORE_OK, store_insurance_insert(f->c, &in));
	struct store_insurance kept_in = in;
	kept_in.party_id = stays;
	RC(STORE_OK, store_insurance_insert(f->c, &kept_in));
	struct store_lien l = {.case_id = id, .party_id = gone, .amount_cents = 500,
			       .negotiated_cents = -1, .final_cents = -1};
	RC(STORE_OK, store_lien_insert(f->c, &l));
	struct store_lien kept_l = l;
	kept_l.party_id = stays;
	RC(STORE_OK, store_lien_insert(f->c, &kept_l));
	struct store_bankruptcy b = {.case_id = id, .party_id = gone, .judge = "Smith"};
	RC(STORE_OK, store_bankruptcy_insert(f->c, &b));
	int64_t sol = deadline_add(f, id, gone, "plaintiff_sol", 0, "2027-01-01");
	int64_t kept_sol = deadline_add(f, id, stays, "plaintiff_sol", 0, "2027-02-01");

	RC(STORE_OK, store_party_delete(f->c, gone));
	struct store_party p;
	RC(STORE_NOT_FOUND, store_party_get(f->c, id, gone, &p));
	RC(STORE_NOT_FOUND, store_party_delete(f->c, gone));

	struct collect k = {0};
	RC(STORE_OK, store_insurance_list(f->c, id, collect_insurance, &k));
	ids_are(&k, 1, kept_in.id);
	k = (struct collect){0};
	RC(STORE_OK, store_lien_list(f->c, id, collect_lien, &k));
	ids_are(&k, 1, kept_l.id);
	k = (struct collect){0};
	RC(STORE_OK, store_bankruptcy_list(f->c, id, collect_bankruptcy, &k));
	assert_int_equal(k.n, 0);

	/* the deadline stays, without a party */
	struct store_deadline d;
	RC(STORE_OK, store_deadline_get(f->c, id, sol, &d));
	assert_int_equal(d.party_id, 0);
	assert_string_equal(d.party_name, "");
	RC(STORE_OK, store_deadline_get(f->c, id, kept_sol, &d));
	assert_int_equal(d.party_id, stays);
	assert_string_equal(d.party_name, "Smstays Plaintiff");
}

/* ---- insurance, liens, bankruptcies ----------------------------------------------------- */

static void test_insurance(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-IN-1", "Insurance");
	int64_t other = add_case(f, "SM-IN-2", "Insurance, other case");
	int64_t plaintiff = party_add(f, id, add_person(f, "Smins", "Plaintiff"), "plaintiff", 1);
	int64_t defendant = party_add(f, id, add_person(f, "Smins", "Defendant"), "defendant", 1);
	int64_t company = add_org(f, "Smins Mutual");
	int64_t adjuster = add_person(f, "Smins", "Adjuster");

	struct store_insurance d = {.case_id = id, .party_id = defendant, .company_id = company,
				    .claim_number = "CL-1", .policy_limits = "100/300",
				    .no_fault_cents = -1, .um_sum_cents = 0, .adjuster_id = adjuster,
				    .adjuster_phone = "555-0106", .coverage_cents = 30000000};
	RC(STORE_OK, store_insurance_insert(f->c, &d));
	assert_int_equal(d.version, 1);
	struct store_insurance p = {.case_id = id, .party_id = plaintiff, .no_fault_cents = 5000000,
				    .um_sum_cents = -1, .coverage_cents = -1};
	RC(STORE_OK, store_insurance_insert(f->c, &p));

	struct store_insurance got;
	RC(STORE_OK, store_insurance_get(f->c, id, d.id, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.party_id, defendant);
	assert_int_equal(got.company_id, company);
	assert_string_equal(got.claim_number, "CL-1");
	assert_string_equal(got.policy_limits, "100/300");
	assert_int_equal(got.no_fault_cents, -1);
	assert_int_equal(got.um_sum_cents, 0);
	assert_int_equal(got.adjuster_id, adjuster);
	assert_string_equal(got.adjuster_phone, "555-0106");
	assert_int_equal(got.coverage_cents, 30000000);
	assert_string_equal(got.company_name, "Smins Mutual");
	assert_string_equal(got.adjuster_name, "Smins Adjuster");
	assert_string_equal(got.party_kind, "defendant");
	RC(STORE_NOT_FOUND, store_insurance_get(f->c, other, d.id, &got));
	RC(STORE_OK, store_insurance_get(f->c, id, p.id, &got));
	assert_int_equal(got.company_id, 0);
	assert_string_equal(got.company_name, "");
	assert_int_equal(got.no_fault_cents, 5000000);
	assert_int_equal(got.coverage_cents, -1);
	assert_string_equal(got.party_kind, "plaintiff");

	struct store_insurance stale = got;
	got.coverage_cents = 2500000;
	got.company_id = company;
	got.no_fault_cents = -1;
	RC(STORE_OK, store_insurance_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_insurance_update(f->c, &stale));
	RC(STORE_OK, store_insurance_get(f->c, id, p.id, &got));
	assert_int_equal(got.coverage_cents, 2500000);
	assert_int_equal(got.no_fault_cents, -1);
	assert_string_equal(got.company_name, "Smins Mutual");
	stale.case_id = other;
	RC(STORE_NOT_FOUND, store_insurance_update(f->c, &stale));

	/* by party, then id */
	struct store_insurance second = {.case_id = id, .party_id = plaintiff,
					 .no_fault_cents = -1, .um_sum_cents = -1,
					 .coverage_cents = -1};
	RC(STORE_OK, store_insurance_insert(f->c, &second));
	struct collect k = {0};
	RC(STORE_OK, store_insurance_list(f->c, id, collect_insurance, &k));
	ids_are(&k, 3, p.id, second.id, d.id);
	RC(STORE_OK, store_insurance_delete(f->c, second.id));
	RC(STORE_NOT_FOUND, store_insurance_delete(f->c, second.id));
	k = (struct collect){0};
	RC(STORE_OK, store_insurance_list(f->c, other, collect_insurance, &k));
	assert_int_equal(k.n, 0);
}

static void test_liens(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-LI-1", "Liens");
	int64_t other = add_case(f, "SM-LI-2", "Liens, other case");
	int64_t first = party_add(f, id, add_person(f, "Smlien", "First"), "plaintiff", 1);
	int64_t second = party_add(f, id, add_person(f, "Smlien", "Second"), "plaintiff", 1);
	int64_t holder = add_org(f, "Smlien Medicaid");

	struct store_lien b = {.case_id = id, .party_id = second, .holder_id = holder,
			       .description = "Hospital", .amount_cents = 120000,
			       .negotiated_cents = 90000, .final_cents = -1};
	RC(STORE_OK, store_lien_insert(f->c, &b));
	struct store_lien a = {.case_id = id, .party_id = first, .amount_cents = 5000,
			       .negotiated_cents = -1, .final_cents = -1};
	RC(STORE_OK, store_lien_insert(f->c, &a));
	assert_int_equal(a.version, 1);

	struct store_lien got;
	RC(STORE_OK, store_lien_get(f->c, id, b.id, &got));
	assert_int_equal(got.party_id, second);
	assert_int_equal(got.holder_id, holder);
	assert_string_equal(got.holder_name, "Smlien Medicaid");
	assert_string_equal(got.description, "Hospital");
	assert_int_equal(got.amount_cents, 120000);
	assert_int_equal(got.negotiated_cents, 90000);
	assert_int_equal(got.final_cents, -1);
	RC(STORE_NOT_FOUND, store_lien_get(f->c, other, b.id, &got));

	struct store_lien stale = got;
	got.final_cents = 85000;
	got.holder_id = 0;
	RC(STORE_OK, store_lien_update(f->c, &got));
	RC(STORE_CONFLICT, store_lien_update(f->c, &stale));
	RC(STORE_OK, store_lien_get(f->c, id, b.id, &got));
	assert_int_equal(got.final_cents, 85000);
	assert_int_equal(got.holder_id, 0);
	assert_string_equal(got.holder_name, "");
	assert_int_equal(got.version, 2);

	struct collect k = {0};
	RC(STORE_OK, store_lien_list(f->c, id, collect_lien, &k));
	ids_are(&k, 2, a.id, b.id);
	RC(STORE_OK, store_lien_delete(f->c, a.id));
	RC(STORE_NOT_FOUND, store_lien_get(f->c, id, a.id, &got));
	RC(STORE_NOT_FOUND, store_lien_delete(f->c, a.id));
}

static void test_bankruptcies(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-BK-1", "Bankruptcies");
	int64_t defendant = party_add(f, id, add_org(f, "Smbk Trucking"), "defendant", 1);
	int64_t plaintiff = party_add(f, id, add_person(f, "Smbk", "Plaintiff"), "plaintiff", 1);
	int64_t court = add_org(f, "Smbk Bankruptcy Court");
	int64_t trustee = add_person(f, "Smbk", "Trustee");
	int64_t att = add_person(f, "Smbk", "Trustee Attorney");

	struct store_bankruptcy b = {.case_id = id, .party_id = defendant, .court_id = court,
				     .judge = "Hon. Smbk", .docket_number = "BK-22",
				     .trustee_id = trustee, .trustee_attorney_id = att,
				     .retained_date = "2026-02-02"};
	RC(STORE_OK, store_bankruptcy_insert(f->c, &b));
	assert_int_equal(b.version, 1);
	struct store_bankruptcy p = {.case_id = id, .party_id = plaintiff};
	RC(STORE_OK, store_bankruptcy_insert(f->c, &p));

	struct store_bankruptcy got;
	RC(STORE_OK, store_bankruptcy_get(f->c, id, b.id, &got));
	assert_int_equal(got.party_id, defendant);
	assert_int_equal(got.court_id, court);
	assert_string_equal(got.judge, "Hon. Smbk");
	assert_string_equal(got.docket_number, "BK-22");
	assert_int_equal(got.trustee_id, trustee);
	assert_int_equal(got.trustee_attorney_id, att);
	assert_string_equal(got.retained_date, "2026-02-02");
	assert_string_equal(got.party_kind, "defendant");
	assert_string_equal(got.party_name, "Smbk Trucking");
	assert_string_equal(got.court_name, "Smbk Bankruptcy Court");
	assert_string_equal(got.trustee_name, "Smbk Trustee");
	assert_string_equal(got.trustee_attorney_name, "Smbk Trustee Attorney");
	RC(STORE_OK, store_bankruptcy_get(f->c, id, p.id, &got));
	assert_string_equal(got.party_kind, "plaintiff");
	assert_string_equal(got.party_name, "Smbk Plaintiff");
	assert_int_equal(got.court_id, 0);
	assert_string_equal(got.court_name, "");
	assert_string_equal(got.trustee_name, "");

	struct store_bankruptcy stale = got;
	got.trustee_id = trustee;
	snprintf(got.docket_number, sizeof got.docket_number, "BK-23");
	RC(STORE_OK, store_bankruptcy_update(f->c, &got));
	RC(STORE_CONFLICT, store_bankruptcy_update(f->c, &stale));
	RC(STORE_OK, store_bankruptcy_get(f->c, id, p.id, &got));
	assert_string_equal(got.docket_number, "BK-23");
	assert_string_equal(got.trustee_name, "Smbk Trustee");

	struct collect k = {0};
	RC(STORE_OK, store_bankruptcy_list(f->c, id, collect_bankruptcy, &k));
	ids_are(&k, 2, b.id, p.id);
	RC(STORE_OK, store_bankruptcy_delete(f->c, b.id));
	RC(STORE_NOT_FOUND, store_bankruptcy_delete(f->c, b.id));
	k = (struct collect){0};
	RC(STORE_OK, store_bankruptcy_list(f->c, id, collect_bankruptcy, &k));
	ids_are(&k, 1, p.id);
}

/* ---- tasks ------------------------------------------------------------------------------ */

/* task_add inserts an open task and returns its id. */
static int64_t task_add(struct fixture *f, int64_t case_id, const char *subject,
			const char *priority, const char *due)
{
	struct store_task t = {.case_id = case_id, .created_by = f->w.owner};
	snprintf(t.subject, sizeof t.subject, "%s", subject);
	snprintf(t.priority, sizeof t.priority, "%s", priority);
	snprintf(t.due_date, sizeof t.due_date, "%s", due);
	RC(STORE_OK, store_task_insert(f->c, &t, 7000));
	assert_int_equal(t.version, 1);
	assert_int_equal(t.created_at, 7000);
	return t.id;
}

static void test_tasks(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-TK-1", "Tasks");
	int64_t other = add_case(f, "SM-TK-2", "Tasks, other case");
	int64_t helper = add_user(f, "sm.task.helper");

	struct store_task t = {.case_id = id, .subject = "Call client",
			       .description = "About the records", .priority = "high",
			       .due_date = "2026-03-01", .assignee_id = helper,
			       .created_by = f->w.owner};
	RC(STORE_OK, store_task_insert(f->c, &t, 7000));
	int64_t undated_low = task_add(f, id, "Undated low", "low", "");
	int64_t later = task_add(f, id, "Later", "critical", "2026-04-01");
	int64_t same_day_critical = task_add(f, id, "Same day, critical", "critical", "2026-03-01");
	int64_t undated_critical = task_add(f, id, "Undated critical", "critical", "");
	int64_t same_day_normal = task_add(f, id, "Same day, normal", "normal", "2026-03-01");
	task_add(f, other, "Elsewhere", "normal", "2026-01-01");

	struct store_task got;
	RC(STORE_OK, store_task_get(f->c, id, t.id, &got));
	assert_int_equal(got.case_id, id);
	assert_string_equal(got.subject, "Call client");
	assert_string_equal(got.description, "About the records");
	assert_string_equal(got.priority, "high");
	assert_string_equal(got.due_date, "2026-03-01");
	assert_int_equal(got.assignee_id, helper);
	assert_string_equal(got.assignee_name, "Name of sm.task.helper");
	assert_false(got.completed);
	assert_int_equal(got.completed_at, 0);
	assert_int_equal(got.completed_by, 0);
	assert_int_equal(got.created_by, f->w.owner);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 7000);
	assert_int_equal(got.updated_at, 7000);
	RC(STORE_NOT_FOUND, store_task_get(f->c, other, t.id, &got));

	/* dated first by date, then critical .. low, then id */
	struct collect k = {0};
	RC(STORE_OK, store_task_list(f->c, id, false, collect_task, &k));
	ids_are(&k, 6, same_day_critical, t.id, same_day_normal, later, undated_critical,
		undated_low);

	/* complete one; a stale version is refused */
	RC(STORE_OK, store_task_get(f->c, id, same_day_critical, &got));
	struct store_task stale = got;
	got.completed = true;
	got.completed_at = 7100;
	got.completed_by = helper;
	RC(STORE_OK, store_task_update(f->c, &got, 7100));
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 7100);
	RC(STORE_CONFLICT, store_task_update(f->c, &stale, 7200));
	RC(STORE_OK, store_task_get(f->c, id, same_day_critical, &got));
	assert_true(got.completed);
	assert_int_equal(got.completed_at, 7100);
	assert_int_equal(got.completed_by, helper);
	assert_int_equal(got.updated_at, 7100);
	assert_int_equal(got.created_at, 7000);

	k = (struct collect){0};
	RC(STORE_OK, store_task_list(f->c, id, true, collect_task, &k));
	ids_are(&k, 5, t.id, same_day_normal, later, undated_critical, undated_low);

	/* reopen, unassign */
	got.completed = false;
	got.completed_at = 0;
	got.completed_by = 0;
	got.assignee_id = 0;
	RC(STORE_OK, store_task_update(f->c, &got, 7300));
	RC(STORE_OK, store_task_get(f->c, id, same_day_critical, &got));
	assert_false(got.completed);
	assert_int_equal(got.completed_by, 0);
	assert_string_equal(got.assignee_name, "");
	stale = got;
	stale.id += 100000;
	RC(STORE_NOT_FOUND, store_task_update(f->c, &stale, 7400));

	RC(STORE_OK, store_task_delete(f->c, undated_low));
	RC(STORE_NOT_FOUND, store_task_delete(f->c, undated_low));
	k = (struct collect){0};
	RC(STORE_OK, store_task_list(f->c, id, true, collect_task, &k));
	ids_are(&k, 5, same_day_critical, t.id, same_day_normal, later, undated_critical);
}

/* ---- appointments ----------------------------------------------------------------------- */

/* appointment_add inserts an appointment and returns its id. */
static int64_t appointment_add(struct fixture *f, int64_t case_id, int64_t starts_at,
			       bool completed)
{
	struct store_appointment ap = {.case_id = case_id, .starts_at = starts_at,
				       .ends_at = starts_at + 3600, .completed = completed,
				       .created_by = f->w.owner};
	snprintf(ap.subject, sizeof ap.subject, "Meeting at %lld", (long long)starts_at);
	RC(STORE_OK, store_appointment_insert(f->c, &ap, 8000));
	assert_int_equal(ap.version, 1);
	return ap.id;
}

static void test_appointments(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-AP-1", "Appointments");
	int64_t other = add_case(f, "SM-AP-2", "Appointments, other case");
	int64_t now = 1800000000;
	int64_t past_done = appointment_add(f, id, now - 86400, true);
	int64_t past_open = appointment_add(f, id, now - 3600, false);
	int64_t future_done = appointment_add(f, id, now + 86400, true);
	int64_t at_now = appointment_add(f, id, now, true);
	int64_t future_open = appointment_add(f, id, now + 3600, false);
	int64_t elsewhere = appointment_add(f, other, now, false);

	struct store_appointment got;
	RC(STORE_OK, store_appointment_get(f->c, id, past_open, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.starts_at, now - 3600);
	assert_int_equal(got.ends_at, now);
	assert_string_equal(got.subject, "Meeting at 1799996400");
	assert_string_equal(got.comments, "");
	assert_false(got.completed);
	assert_int_equal(got.created_by, f->w.owner);
	assert_int_equal(got.created_at, 8000);
	RC(STORE_NOT_FOUND, store_appointment_get(f->c, other, past_open, &got));

	/* every one by start; the pending ones: not completed, or starting now or later */
	struct collect k = {0};
	RC(STORE_OK, store_appointment_list(f->c, id, 0, collect_appointment, &k));
	ids_are(&k, 5, past_done, past_open, at_now, future_open, future_done);
	k = (struct collect){0};
	RC(STORE_OK, store_appointment_list(f->c, id, now, collect_appointment, &k));
	ids_are(&k, 4, past_open, at_now, future_open, future_done);

	struct store_appointment stale = got;
	got.completed = true;
	snprintf(got.comments, sizeof got.comments, "Held");
	got.ends_at = now + 60;
	RC(STORE_OK, store_appointment_update(f->c, &got, 8100));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_appointment_update(f->c, &stale, 8200));
	RC(STORE_OK, store_appointment_get(f->c, id, past_open, &got));
	assert_true(got.completed);
	assert_string_equal(got.comments, "Held");
	assert_int_equal(got.ends_at, now + 60);
	assert_int_equal(got.updated_at, 8100);
	k = (struct collect){0};
	RC(STORE_OK, store_appointment_list(f->c, id, now, collect_appointment, &k));
	ids_are(&k, 3, at_now, future_open, future_done);

	/* attendees: staff users and contacts, replaced whole */
	int64_t staff = add_user(f, "sm.attendee");
	int64_t witness = add_person(f, "Smatt", "Witness");
	int64_t expert = add_person(f, "Smatt", "Expert");
	struct store_attendee rows[] = {{.user_id = staff}, {.contact_id = witness}};
	RC(STORE_OK, store_attendees_set(f->c, id, future_open, rows, 2));
	struct store_attendee one = {.contact_id = expert};
	RC(STORE_OK, store_attendees_set(f->c, id, at_now, &one, 1));
	RC(STORE_NOT_FOUND, store_attendees_set(f->c, other, future_open, &one, 1));
	RC(STORE_OK, store_attendees_set(f->c, other, elsewhere, &one, 1));

	struct attendee_rows r = {0};
	RC(STORE_OK, store_attendee_list(f->c, id, future_open, collect_attendee, &r));
	assert_int_equal(r.n, 2);
	assert_int_equal(r.a[0].appointment_id, future_open);
	assert_int_equal(r.a[0].user_id, staff);
	assert_int_equal(r.a[0].contact_id, 0);
	assert_string_equal(r.a[0].name, "Name of sm.attendee");
	assert_int_equal(r.a[1].user_id, 0);
	assert_int_equal(r.a[1].contact_id, witness);
	assert_string_equal(r.a[1].name, "Smatt Witness");

	/* every appointment of the case, by appointment */
	r = (struct attendee_rows){0};
	RC(STORE_OK, store_attendee_list(f->c, id, 0, collect_attendee, &r));
	assert_int_equal(r.n, 3);
	int64_t first = at_now < future_open ? at_now : future_open;
	assert_int_equal(r.a[0].appointment_id, first);

	struct store_attendee swap[] = {{.contact_id = expert}};
	RC(STORE_OK, store_attendees_set(f->c, id, future_open, swap, 1));
	r = (struct attendee_rows){0};
	RC(STORE_OK, store_attendee_list(f->c, id, future_open, collect_attendee, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.a[0].contact_id, expert);
	assert_string_equal(r.a[0].name, "Smatt Expert");

	/* deleting takes the attendees with it */
	RC(STORE_OK, store_appointment_delete(f->c, future_open));
	RC(STORE_NOT_FOUND, store_appointment_get(f->c, id, future_open, &got));
	RC(STORE_NOT_FOUND, store_appointment_delete(f->c, future_open));
	r = (struct attendee_rows){0};
	RC(STORE_OK, store_attendee_list(f->c, id, 0, collect_attendee, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.a[0].appointment_id, at_now);
	r = (struct attendee_rows){0};
	RC(STORE_OK, store_attendee_list(f->c, other, 0, collect_attendee, &r));
	assert_int_equal(r.n, 1);
}

/* ---- deadlines -------------------------------------------------------------------------- */

static void test_deadlines(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_DEADLINE_TYPE,
		.name = "SM Discovery Cutoff", .position = 1});
	int64_t id = add_case(f, "SM-DL-1", "Deadlines");
	int64_t other = add_case(f, "SM-DL-2", "Deadlines, other case");
	int64_t plaintiff = party_add(f, id, add_person(f, "Smdl", "Plaintiff"), "plaintiff", 1);

	struct store_deadline d = {.case_id = id, .party_id = plaintiff, .kind = "plaintiff_sol",
				   .due_date = "2028-01-15", .comments = "Three years",
				   .created_by = f->w.owner};
	RC(STORE_OK, store_deadline_insert(f->c, &d));
	int64_t critical = deadline_add(f, id, 0, "critical", type, "2026-09-01");
	int64_t same_day = deadline_add(f, id, 0, "defendant_sol", 0, "2026-09-01");
	deadline_add(f, other, 0, "defendant_sol", 0, "2026-01-01");

	struct store_deadline got;
	RC(STORE_OK, store_deadline_get(f->c, id, d.id, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.party_id, plaintiff);
	assert_string_equal(got.kind, "plaintiff_sol");
	assert_int_equal(got.deadline_type_id, 0);
	assert_string_equal(got.due_date, "2028-01-15");
	assert_string_equal(got.comments, "Three years");
	assert_false(got.done);
	assert_string_equal(got.done_date, "");
	assert_int_equal(got.created_by, f->w.owner);
	assert_int_equal(got.version, 1);
	assert_string_equal(got.party_name, "Smdl Plaintiff");
	assert_string_equal(got.type_name, "");
	RC(STORE_OK, store_deadline_get(f->c, id, critical, &got));
	assert_int_equal(got.deadline_type_id, type);
	assert_string_equal(got.type_name, "SM Discovery Cutoff");
	assert_int_equal(got.party_id, 0);
	assert_string_equal(got.party_name, "");
	RC(STORE_NOT_FOUND, store_deadline_get(f->c, other, critical, &got));

	/* by due date, then id */
	struct collect k = {0};
	RC(STORE_OK, store_deadline_list(f->c, id, false, collect_deadline, &k));
	ids_are(&k, 3, critical, same_day, d.id);

	struct store_deadline stale = got;
	got.done = true;
	snprintf(got.done_date, sizeof got.done_date, "2026-08-30");
	RC(STORE_OK, store_deadline_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_deadline_update(f->c, &stale));
	RC(STORE_OK, store_deadline_get(f->c, id, critical, &got));
	assert_true(got.done);
	assert_string_equal(got.done_date, "2026-08-30");

	/* the outstanding ones */
	k = (struct collect){0};
	RC(STORE_OK, store_deadline_list(f->c, id, true, collect_deadline, &k));
	ids_are(&k, 2, same_day, d.id);
	k = (struct collect){0};
	RC(STORE_OK, store_deadline_list(f->c, id, false, collect_deadline, &k));
	assert_int_equal(k.n, 3);

	/* a change of kind, type and party */
	RC(STORE_OK, store_deadline_get(f->c, id, same_day, &got));
	snprintf(got.kind, sizeof got.kind, "critical");
	got.deadline_type_id = type;
	got.party_id = plaintiff;
	RC(STORE_OK, store_deadline_update(f->c, &got));
	RC(STORE_OK, store_deadline_get(f->c, id, same_day, &got));
	assert_string_equal(got.kind, "critical");
	assert_string_equal(got.type_name, "SM Discovery Cutoff");
	assert_string_equal(got.party_name, "Smdl Plaintiff");

	RC(STORE_OK, store_deadline_delete(f->c, same_day));
	RC(STORE_NOT_FOUND, store_deadline_delete(f->c, same_day));
	RC(STORE_NOT_FOUND, store_deadline_get(f->c, id, same_day, &got));
}

/* ---- courts ----------------------------------------------------------------------------- */

static void test_courts(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "SM-CT-1", "Courts");
	int64_t other = add_case(f, "SM-CT-2", "Courts, other case");
	int64_t supreme = add_org(f, "Smct Supreme Court");
	int64_t appellate = add_org(f, "Smct Appellate Division");
	int64_t judge = add_person(f, "Smct", "Judge");
	int64_t clerk = add_person(f, "Smct", "Clerk");

	struct store_court ct = {.case_id = id, .court_id = supreme, .docket_number = "IDX-1",
				 .filing_date = "2026-02-10"};
	RC(STORE_OK, store_court_insert(f->c, &ct));
	assert_int_equal(ct.version, 1);
	struct store_court second = {.case_id = id, .court_id = appellate};
	RC(STORE_OK, store_court_insert(f->c, &second));
	struct store_court away = {.case_id = other, .court_id = supreme};
	RC(STORE_OK, store_court_insert(f->c, &away));

	struct store_court got;
	RC(STORE_OK, store_court_get(f->c, id, ct.id, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.court_id, supreme);
	assert_string_equal(got.docket_number, "IDX-1");
	assert_string_equal(got.filing_date, "2026-02-10");
	assert_string_equal(got.court_name, "Smct Supreme Court");
	RC(STORE_NOT_FOUND, store_court_get(f->c, other, ct.id, &got));

	struct store_court stale = got;
	snprintf(got.docket_number, sizeof got.docket_number, "IDX-2");
	got.court_id = appellate;
	RC(STORE_OK, store_court_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_court_update(f->c, &stale));
	RC(STORE_OK, store_court_get(f->c, id, ct.id, &got));
	assert_string_equal(got.docket_number, "IDX-2");
	assert_string_equal(got.court_name, "Smct Appellate Division");

	struct collect k = {0};
	RC(STORE_OK, store_court_list(f->c, id, collect_court, &k));
	ids_are(&k, 2, ct.id, second.id);

	/* personnel, replaced whole */
	struct store_court_person people[] = {{.contact_id = judge, .role = "Judge"},
					      {.contact_id = clerk, .role = "Clerk"}};
	RC(STORE_OK, store_court_personnel_set(f->c, id, ct.id, people, 2));
	RC(STORE_OK, store_court_personnel_set(f->c, id, second.id, &people[1], 1));
	RC(STORE_NOT_FOUND, store_court_personnel_set(f->c, other, ct.id, people, 1));
	RC(STORE_OK, store_court_personnel_set(f->c, other, away.id, people, 1));
	struct person_rows r = {0};
	RC(STORE_OK, store_court_personnel_list(f->c, id, ct.id, collect_court_person, &r));
	assert_int_equal(r.n, 2);
	assert_int_equal(r.p[0].case_court_id, ct.id);
	assert_int_equal(r.p[0].contact_id, judge);
	assert_string_equal(r.p[0].role, "Judge");
	assert_string_equal(r.p[0].name, "Smct Judge");
	assert_string_equal(r.p[1].role, "Clerk");
	r = (struct person_rows){0};
	RC(STORE_OK, store_court_personnel_list(f->c, id, 0, collect_court_person, &r));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.p[0].case_court_id, ct.id);
	assert_int_equal(r.p[2].case_court_id, second.id);

	struct store_court_person swap = {.contact_id = clerk, .role = "Law Clerk"};
	RC(STORE_OK, store_court_personnel_set(f->c, id, ct.id, &swap, 1));
	r = (struct person_rows){0};
	RC(STORE_OK, store_court_personnel_list(f->c, id, ct.id, collect_court_person, &r));
	assert_int_equal(r.n, 1);
	assert_string_equal(r.p[0].role, "Law Clerk");

	/* deleting takes the personnel with it */
	RC(STORE_OK, store_court_delete(f->c, ct.id));
	RC(STORE_NOT_FOUND, store_court_delete(f->c, ct.id));
	r = (struct person_rows){0};
	RC(STORE_OK, store_court_personnel_list(f->c, id, 0, collect_court_person, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.p[0].case_court_id, second.id);
	r = (struct person_rows){0};
	RC(STORE_OK, store_court_personnel_list(f->c, other, 0, collect_court_person, &r));
	assert_int_equal(r.n, 1);
}

/* ---- user-defined field values ---------------------------------------------------------- */

static void test_udf_values(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "SM UDF Values Type", .group = "legal", .position = 11});
	int64_t text = setup_add(f, (struct store_setup_item){.kind = SETUP_UDF_FIELD,
		.name = "Venue", .parent_id = type, .code = "text", .position = 1});
	int64_t yesno = setup_add(f, (struct store_setup_item){.kind = SETUP_UDF_FIELD,
		.name = "Police report", .parent_id = type, .code = "yesno", .position = 2});
	struct store_case k;
	case_init(&k, w, "SM-UV-1", "UDF values", type);
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t id = k.id;
	case_init(&k, w, "SM-UV-2", "UDF values, other case", type);
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t other = k.id;

	struct udf_rows r = {0};
	RC(STORE_OK, store_udf_value_list(f->c, id, collect_udf, &r));
	assert_int_equal(r.n, 0);

	RC(STORE_OK, store_udf_value_set(f->c, id, yesno, "true"));
	RC(STORE_OK, store_udf_value_set(f->c, id, text, "Kings County"));
	RC(STORE_OK, store_udf_value_set(f->c, other, text, "Queens"));
	r = (struct udf_rows){0};
	RC(STORE_OK, store_udf_value_list(f->c, id, collect_udf, &r));
	assert_int_equal(r.n, 2);
	assert_int_equal(r.v[0].case_id, id);
	assert_int_equal(r.v[0].field_id, text);
	assert_string_equal(r.v[0].value, "Kings County");
	assert_int_equal(r.v[1].field_id, yesno);
	assert_string_equal(r.v[1].value, "true");

	/* set again replaces; "" clears (twice is fine) */
	RC(STORE_OK, store_udf_value_set(f->c, id, text, "Bronx"));
	RC(STORE_OK, store_udf_value_set(f->c, id, yesno, ""));
	RC(STORE_OK, store_udf_value_set(f->c, id, yesno, ""));
	r = (struct udf_rows){0};
	RC(STORE_OK, store_udf_value_list(f->c, id, collect_udf, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].field_id, text);
	assert_string_equal(r.v[0].value, "Bronx");
	r = (struct udf_rows){0};
	RC(STORE_OK, store_udf_value_list(f->c, other, collect_udf, &r));
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].value, "Queens");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setup_deadline_types),
		cmocka_unit_test(test_setup_flags),
		cmocka_unit_test(test_setup_udf_fields),
		cmocka_unit_test(test_contact_detail),
		cmocka_unit_test(test_contact_channels),
		cmocka_unit_test(test_contact_usage),
		cmocka_unit_test(test_case_summary_data),
		cmocka_unit_test(test_party_detail),
		cmocka_unit_test(test_party_list_order),
		cmocka_unit_test(test_party_delete_cascade),
		cmocka_unit_test(test_insurance),
		cmocka_unit_test(test_liens),
		cmocka_unit_test(test_bankruptcies),
		cmocka_unit_test(test_tasks),
		cmocka_unit_test(test_appointments),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_courts),
		cmocka_unit_test(test_udf_values),
	};
	return store_tests_run("store summary", tests, sizeof tests / sizeof tests[0]);
}
