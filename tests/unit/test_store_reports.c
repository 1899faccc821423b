/* test_store_reports.c - the store interface (store.h) for pending cases and case status
 * reports (migration 0004): policies, requirements, follow-up setup per office, primary
 * advisor roles, which (advisor, case) pairs a report selects, what a report reads of a case,
 * previews with their items, sends with their leases and letters, the advisor log, the
 * advisor list and the e-mail outbox.
 *
 * Run the same way over both backends: one cmocka group on SQLite and one on PostgreSQL when
 * CASELOAD_TEST_PG is set (tests/unit/support/store_fixture.h). The tests of a group share a
 * database, so each makes its own rows and looks only at those (by office, run, contact or
 * explicit ids). */
#include "support/store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---------------------------------------------------------------------------- */

/* The setup rows these tests add to the shared world, once per database. */
static struct report_world {
	char url[1024];
	int64_t primary;      /* an advisor role that is the primary one */
	int64_t paralegal2;   /* a role of no advisor category */
} rw;

static struct report_world *report_world(struct fixture *f)
{
	world_make(f);
	if (strcmp(rw.url, f->url) == 0)
		return &rw;
	memset(&rw, 0, sizeof rw);
	snprintf(rw.url, sizeof rw.url, "%s", f->url);
	struct store_setup_item it = {.kind = SETUP_ROLE, .name = "Primary Advisor",
				      .category = "advisor", .primary_advisor = true,
				      .position = 5};
	rw.primary = setup_add(f, it);
	rw.paralegal2 = role_add(f, "Report Clerk", "paralegal", 6);
	return &rw;
}

static int64_t add_person(struct fixture *f, const char *first, const char *last)
{
	return add_contact(f, "person", first, last, "");
}

static int64_t add_office(struct fixture *f, const char *name)
{
	struct store_office o = {.created_at = 100};
	snprintf(o.name, sizeof o.name, "%s", name);
	RC(STORE_OK, store_office_insert(f->c, &o));
	return o.id;
}

/* add_life_case inserts an insurance (Term Life) case in an office and returns its id. */
static int64_t add_life_case(struct fixture *f, const char *number, int64_t office_id)
{
	struct world *w = world_make(f);
	struct store_case k;
	case_init(&k, w, number, number, w->life_type);
	k.office_id = office_id;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	return k.id;
}

/* add_user_with_contact inserts a user whose own contact is contact_id (0 = none). */
static int64_t add_user_with_contact(struct fixture *f, const char *login, int64_t contact_id)
{
	struct store_user u;
	user_init(&u, login, 0);
	u.contact_id = contact_id;
	RC(STORE_OK, store_user_insert(f->c, &u));
	return u.id;
}

/* put_policy gives a case a new policy row of a kind with a next follow-up date. */
static void put_policy(struct fixture *f, int64_t case_id, const char *kind, int64_t parent,
		       const char *next)
{
	struct store_policy p = {.case_id = case_id, .amount_cents = -1,
				 .parent_case_id = parent};
	snprintf(p.kind, sizeof p.kind, "%s", kind);
	snprintf(p.next_follow_up, sizeof p.next_follow_up, "%s", next);
	RC(STORE_OK, store_policy_put(f->c, &p, 7000));
}

static int64_t add_preview(struct fixture *f, const char *options)
{
	struct store_report_preview p = {.created_by = f->w.owner, .created_at = 8000};
	snprintf(p.today, sizeof p.today, "2026-02-10");
	RC(STORE_OK, store_report_preview_insert(f->c, &p, options));
	assert_true(p.id > 0);
	return p.id;
}

/* add_send makes the send of a new preview in a state and letters state. */
static int64_t add_send(struct fixture *f, const char *state, const char *letters)
{
	struct store_report_send s = {.preview_id = add_preview(f, "{}"),
				      .created_by = f->w.owner, .created_at = 8100};
	snprintf(s.state, sizeof s.state, "%s", state);
	snprintf(s.letters_state, sizeof s.letters_state, "%s", letters);
	RC(STORE_OK, store_report_send_insert(f->c, &s));
	assert_true(s.id > 0);
	return s.id;
}

/* send_set writes a send's state and letters state, leaving the rest. */
static void send_set(struct fixture *f, int64_t id, const char *state, const char *letters)
{
	struct store_report_send s;
	RC(STORE_OK, store_report_send_get(f->c, id, &s));
	snprintf(s.state, sizeof s.state, "%s", state);
	snprintf(s.letters_state, sizeof s.letters_state, "%s", letters);
	RC(STORE_OK, store_report_send_update(f->c, &s));
}

static int64_t add_item(struct fixture *f, int64_t preview_id, int64_t seq, int64_t contact_id,
			const char *method, const char *sort_key, const int64_t *cases, int n)
{
	struct store_report_item it = {.preview_id = preview_id, .seq = seq,
				       .contact_id = contact_id};
	snprintf(it.method, sizeof it.method, "%s", method);
	snprintf(it.sort_key, sizeof it.sort_key, "%s", sort_key);
	snprintf(it.address, sizeof it.address, "advisor%lld@example.test", (long long)seq);
	RC(STORE_OK, store_report_item_insert(f->c, &it, cases, n));
	assert_true(it.id > 0);
	return it.id;
}

static void usage_is(struct fixture *f, int64_t contact_id, const char *where, int64_t n)
{
	char got[64] = "x";
	int64_t count = -1;
	RC(STORE_OK, store_contact_usage(f->c, contact_id, got, &count));
	assert_string_equal(got, where);
	assert_int_equal(count, n);
}

static int collect_requirement(const struct store_requirement *r, void *ctx)
{
	return collect_id(ctx, r->id);
}

static int collect_log(const struct store_advisor_log *l, void *ctx)
{
	return collect_id(ctx, l->id);
}

static int collect_mail(const struct store_mail *m, void *ctx)
{
	assert_null(m->message);
	return collect_id(ctx, m->id);
}

static int collect_item(const struct store_report_item *it, void *ctx)
{
	return collect_id(ctx, it->id);
}

/* The items of a walk, kept whole. */
struct item_seen {
	struct store_report_item it[4];
	int n;
};

static int item_keep(const struct store_report_item *row, void *ctx)
{
	struct item_seen *seen = ctx;
	if (seen->n < 4)
		seen->it[seen->n] = *row;
	seen->n++;
	return 0;
}

static int collect_case_id(int64_t id, void *ctx)
{
	return collect_id(ctx, id);
}

/* The pairs of a report walk, kept whole. */
struct pair_rows {
	struct store_report_pair p[32];
	int n;
};

static int collect_pair(const struct store_report_pair *p, void *ctx)
{
	struct pair_rows *r = ctx;
	if (r->n < 32)
		r->p[r->n] = *p;
	r->n++;
	return 0;
}

/* The stages of a follow-up read. */
struct stage_rows {
	struct store_follow_up_stage s[8];
	int n;
};

static int collect_stage(const struct store_follow_up_stage *s, void *ctx)
{
	struct stage_rows *r = ctx;
	if (r->n < 8)
		r->s[r->n] = *s;
	r->n++;
	return 0;
}

/* The advisors of a list, kept whole. */
struct advisor_rows {
	struct store_advisor a[128];
	int n;
};

static int collect_advisor(const struct store_advisor *a, void *ctx)
{
	struct advisor_rows *r = ctx;
	if (r->n < 128)
		r->a[r->n] = *a;
	r->n++;
	return 0;
}

/* advisor_in finds a contact in a list; NULL when absent. */
static const struct store_advisor *advisor_in(const struct advisor_rows *r, int64_t contact_id)
{
	for (int i = 0; i < r->n && i < 128; i++)
		if (r->a[i].contact_id == contact_id)
			return &r->a[i];
	return NULL;
}

/* Letters read back into one buffer. */
struct bytes {
	unsigned char b[256];
	size_t len;
	int chunks;
};

static int collect_bytes(const void *data, size_t len, void *ctx)
{
	struct bytes *k = ctx;
	assert_true(k->len + len <= sizeof k->b);
	memcpy(k->b + k->len, data, len);
	k->len += len;
	k->chunks++;
	return 0;
}

/* pairs_of runs a report filter. */
static void pairs_of(struct fixture *f, const struct store_report_filter *flt,
		     struct pair_rows *out)
{
	memset(out, 0, sizeof *out);
	RC(STORE_OK, store_report_pairs(f->c, flt, collect_pair, out));
}

/* pairs_are checks the pairs in order: n triples of (contact id, case id, primary). */
static void pairs_are(const struct pair_rows *r, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	if (r->n != n)
		fail_msg("the report selected %d pairs, expected %d", r->n, n);
	for (int i = 0; i < n; i++) {
		int64_t contact = va_arg(ap, int64_t);
		int64_t kase = va_arg(ap, int64_t);
		int primary = va_arg(ap, int);
		if (r->p[i].contact_id != contact || r->p[i].case_id != kase ||
		    r->p[i].primary != (primary != 0))
			fail_msg("pair %d is (%lld, %lld, %d), expected (%lld, %lld, %d)", i,
				 (long long)r->p[i].contact_id, (long long)r->p[i].case_id,
				 (int)r->p[i].primary, (long long)contact, (long long)kase,
				 primary);
	}
	va_end(ap);
}

struct tx_follow_up {
	int64_t office_id;
	const char *method;
	const struct store_follow_up_stage *rows;
	int n;
	int rc;
};

static int tx_follow_up_set(struct store_conn *c, void *ctx, struct err *e)
{
	struct tx_follow_up *t = ctx;
	t->rc = store_follow_up_set(c, t->office_id, t->method, t->rows, t->n);
	if (t->rc == STORE_RETRY)
		return ERR_BUSY;
	return t->rc == STORE_OK ? 0 : ERR_CONFLICT;
}

/* follow_up_set runs store_follow_up_set in a transaction and gives its store result. */
static int follow_up_set(struct fixture *f, int64_t office_id, const char *method,
			 const struct store_follow_up_stage *rows, int n)
{
	struct tx_follow_up t = {office_id, method, rows, n, STORE_ERROR};
	struct err e = {0};
	store_tx_run(f->c, tx_follow_up_set, &t, &e);
	return t.rc;
}

struct tx_claim {
	int64_t send_id, now, until;
	struct store_report_send s;
	int rc;
};

static int tx_send_claim(struct store_conn *c, void *ctx, struct err *e)
{
	struct tx_claim *t = ctx;
	t->rc = store_report_send_claim(c, t->send_id, t->now, t->until, &t->s);
	if (t->rc == STORE_RETRY)
		return ERR_BUSY;
	return t->rc == STORE_OK ? 0 : ERR_NOT_FOUND;
}

/* ---- setup: primary advisor roles ------------------------------------------------------- */

static void test_role_primary_advisor(void **state)
{
	FIXTURE(state);
	world_make(f);
	struct store_setup_item it = {.kind = SETUP_ROLE, .name = "Lead Adviser",
				      .category = "advisor", .primary_advisor = true,
				      .position = 9};
	RC(STORE_OK, store_setup_insert(f->c, &it));
	struct store_setup_item got;
	RC(STORE_OK, store_setup_get(f->c, SETUP_ROLE, it.id, &got));
	assert_true(got.primary_advisor);
	assert_string_equal(got.category, "advisor");

	/* the world's plain advisor role is not primary */
	RC(STORE_OK, store_setup_get(f->c, SETUP_ROLE, f->w.adviser, &got));
	assert_false(got.primary_advisor);

	got = it;
	got.primary_advisor = false;
	RC(STORE_OK, store_setup_update(f->c, &got));
	RC(STORE_OK, store_setup_get(f->c, SETUP_ROLE, it.id, &got));
	assert_false(got.primary_advisor);
	assert_int_equal(got.version, 2);
	got.primary_advisor = true;
	RC(STORE_OK, store_setup_update(f->c, &got));
	RC(STORE_OK, store_setup_get(f->c, SETUP_ROLE, it.id, &got));
	assert_true(got.primary_advisor);

	/* other kinds read it as false */
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_TYPE, f->w.life_type, &got));
	assert_false(got.primary_advisor);
	RC(STORE_OK, store_setup_delete(f->c, SETUP_ROLE, it.id));
}

/* ---- policies --------------------------------------------------------------------------- */

static void test_policy(void **state)
{
	FIXTURE(state);
	int64_t k1 = add_life_case(f, "POL-1", 0), k2 = add_life_case(f, "POL-2", 0);
	int64_t insured = add_person(f, "Ida", "Insured");
	int64_t carrier = add_contact(f, "organisation", "", "", "Acme Life");
	struct store_policy p, got;

	RC(STORE_NOT_FOUND, store_policy_get(f->c, k1, &got));

	p = (struct store_policy){.case_id = k1, .insured_contact_id = insured,
				  .carrier_contact_id = carrier, .amount_cents = 2500000};
	snprintf(p.policy_number, sizeof p.policy_number, "P-100");
	snprintf(p.product, sizeof p.product, "Term 20");
	snprintf(p.kind, sizeof p.kind, "formal");
	snprintf(p.next_follow_up, sizeof p.next_follow_up, "2026-03-01");
	RC(STORE_OK, store_policy_put(f->c, &p, 7000));
	assert_int_equal(p.version, 1);
	assert_int_equal(p.updated_at, 7000);

	/* a second insert is a conflict, whatever it says */
	struct store_policy again = p;
	again.version = 0;
	RC(STORE_CONFLICT, store_policy_put(f->c, &again, 7001));

	RC(STORE_OK, store_policy_get(f->c, k1, &got));
	assert_int_equal(got.case_id, k1);
	assert_string_equal(got.policy_number, "P-100");
	assert_int_equal(got.insured_contact_id, insured);
	assert_string_equal(got.insured_name, "Ida Insured");
	assert_int_equal(got.carrier_contact_id, carrier);
	assert_string_equal(got.carrier_name, "Acme Life");
	assert_string_equal(got.product, "Term 20");
	assert_int_equal(got.amount_cents, 2500000);
	assert_string_equal(got.kind, "formal");
	assert_int_equal(got.parent_case_id, 0);
	assert_string_equal(got.next_follow_up, "2026-03-01");
	assert_string_equal(got.last_follow_up, "");
	assert_int_equal(got.version, 1);
	assert_int_equal(got.updated_at, 7000);

	/* an update at the current version: no amount, no carrier, another kind */
	got.amount_cents = -1;
	got.carrier_contact_id = 0;
	snprintf(got.kind, sizeof got.kind, "informal");
	RC(STORE_OK, store_policy_put(f->c, &got, 7100));
	assert_int_equal(got.version, 2);
	RC(STORE_OK, store_policy_get(f->c, k1, &got));
	assert_int_equal(got.amount_cents, -1);
	assert_int_equal(got.carrier_contact_id, 0);
	assert_string_equal(got.carrier_name, "");
	assert_string_equal(got.insured_name, "Ida Insured");
	assert_string_equal(got.kind, "informal");
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 7100);

	/* stale: the version read before the update */
	p.version = 1;
	RC(STORE_CONFLICT, store_policy_put(f->c, &p, 7200));
	RC(STORE_OK, store_policy_get(f->c, k1, &got));
	assert_string_equal(got.kind, "informal");

	/* an update of a case that has no row */
	struct store_policy none = {.case_id = k2, .amount_cents = -1, .version = 3};
	snprintf(none.kind, sizeof none.kind, "formal");
	RC(STORE_NOT_FOUND, store_policy_put(f->c, &none, 7200));

	/* an informal child names its parent */
	struct store_policy child = {.case_id = k2, .carrier_contact_id = carrier,
				     .amount_cents = 0, .parent_case_id = k1};
	snprintf(child.kind, sizeof child.kind, "informal_child");
	RC(STORE_OK, store_policy_put(f->c, &child, 7300));
	RC(STORE_OK, store_policy_get(f->c, k2, &got));
	assert_string_equal(got.kind, "informal_child");
	assert_int_equal(got.parent_case_id, k1);
	assert_int_equal(got.amount_cents, 0);

	/* follow-up dates whatever the version; a case without a row is not found */
	RC(STORE_OK, store_policy_follow_up_set(f->c, k1, "2026-04-01", "2026-03-01", 7400));
	RC(STORE_OK, store_policy_get(f->c, k1, &got));
	assert_string_equal(got.next_follow_up, "2026-04-01");
	assert_string_equal(got.last_follow_up, "2026-03-01");
	assert_int_equal(got.version, 3);
	assert_int_equal(got.updated_at, 7400);
	RC(STORE_OK, store_policy_follow_up_set(f->c, k1, "", "2026-04-01", 7500));
	RC(STORE_OK, store_policy_get(f->c, k1, &got));
	assert_string_equal(got.next_follow_up, "");
	int64_t k3 = add_life_case(f, "POL-3", 0);
	RC(STORE_NOT_FOUND, store_policy_follow_up_set(f->c, k3, "2026-04-01", "", 7500));

	/* the insured and the carrier are uses of their contacts */
	usage_is(f, insured, "policies", 1);
	usage_is(f, carrier, "policies", 1);
}

/* ---- requirements ----------------------------------------------------------------------- */

static int64_t add_requirement(struct fixture *f, int64_t case_id, const char *name,
			       int64_t position)
{
	struct store_requirement r = {.case_id = case_id, .position = position};
	snprintf(r.name, sizeof r.name, "%s", name);
	RC(STORE_OK, store_requirement_insert(f->c, &r, 9000));
	assert_int_equal(r.version, 1);
	assert_string_equal(r.status, "outstanding");
	return r.id;
}

static void test_requirements(void **state)
{
	FIXTURE(state);
	int64_t k = add_life_case(f, "REQ-1", 0), other = add_life_case(f, "REQ-2", 0);
	int64_t a = add_requirement(f, k, "Attending physician statement", 2);
	int64_t b = add_requirement(f, k, "Paramedical exam", 1);
	int64_t c = add_requirement(f, k, "Signed application", 1);
	add_requirement(f, other, "Other case's", 0);

	struct collect l = {0};
	RC(STORE_OK, store_requirement_list(f->c, k, collect_requirement, &l));
	ids_are(&l, 3, b, c, a);

	struct store_requirement r;
	RC(STORE_OK, store_requirement_get(f->c, k, a, &r));
	assert_string_equal(r.name, "Attending physician statement");
	assert_string_equal(r.status, "outstanding");
	assert_false(r.key);
	assert_false(r.pos);
	assert_int_equal(r.created_at, 9000);
	struct store_requirement none;
	RC(STORE_NOT_FOUND, store_requirement_get(f->c, other, a, &none));

	/* update: received, key, moved first */
	snprintf(r.status, sizeof r.status, "received");
	snprintf(r.requested_date, sizeof r.requested_date, "2026-01-05");
	snprintf(r.received_date, sizeof r.received_date, "2026-01-20");
	snprintf(r.comments, sizeof r.comments, "From Dr. Lee");
	r.key = true;
	r.pos = true;
	r.position = 0;
	RC(STORE_OK, store_requirement_update(f->c, &r, 9100));
	assert_int_equal(r.version, 2);
	struct store_requirement got;
	RC(STORE_OK, store_requirement_get(f->c, k, a, &got));
	assert_string_equal(got.status, "received");
	assert_string_equal(got.requested_date, "2026-01-05");
	assert_string_equal(got.received_date, "2026-01-20");
	assert_string_equal(got.comments, "From Dr. Lee");
	assert_true(got.key);
	assert_true(got.pos);
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 9100);
	assert_int_equal(got.created_at, 9000);
	l = (struct collect){0};
	RC(STORE_OK, store_requirement_list(f->c, k, collect_requirement, &l));
	ids_are(&l, 3, a, b, c);

	/* stale, and of another case */
	r.version = 1;
	RC(STORE_CONFLICT, store_requirement_update(f->c, &r, 9200));
	r.version = 2;
	r.case_id = other;
	RC(STORE_NOT_FOUND, store_requirement_update(f->c, &r, 9200));

	RC(STORE_OK, store_requirement_delete(f->c, b));
	RC(STORE_NOT_FOUND, store_requirement_delete(f->c, b));
	l = (struct collect){0};
	RC(STORE_OK, store_requirement_list(f->c, k, collect_requirement, &l));
	ids_are(&l, 2, a, c);
}

/* ---- follow-ups per office -------------------------------------------------------------- */

static void test_follow_ups(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t office = add_office(f, "Follow-up Office");
	char method[8] = "x";
	struct stage_rows r = {0};

	RC(STORE_OK, store_follow_up_get(f->c, office, method, collect_stage, &r));
	assert_string_equal(method, "none");
	assert_int_equal(r.n, 0);

	/* stages come back by the status's position: App Received (0) before Intake (1) */
	struct store_follow_up_stage rows[2] = {
		{.status_id = w->intake, .interval_days = 30, .report_text = "Waiting on intake"},
		{.status_id = w->app_received, .interval_days = 7, .report_text = "App is in"},
	};
	RC(STORE_OK, follow_up_set(f, office, "stage", rows, 2));
	r = (struct stage_rows){0};
	RC(STORE_OK, store_follow_up_get(f->c, office, method, collect_stage, &r));
	assert_string_equal(method, "stage");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.s[0].status_id, w->app_received);
	assert_string_equal(r.s[0].status_name, "App Received");
	assert_int_equal(r.s[0].interval_days, 7);
	assert_string_equal(r.s[0].report_text, "App is in");
	assert_int_equal(r.s[1].status_id, w->intake);
	assert_string_equal(r.s[1].status_name, "Intake");
	assert_int_equal(r.s[1].interval_days, 30);

	struct store_follow_up_stage s;
	RC(STORE_OK, store_follow_up_stage_get(f->c, office, w->intake, &s));
	assert_int_equal(s.interval_days, 30);
	assert_string_equal(s.report_text, "Waiting on intake");
	assert_string_equal(s.status_name, "Intake");
	RC(STORE_NOT_FOUND, store_follow_up_stage_get(f->c, office, w->litigation, &s));

	/* a set replaces every row */
	struct store_follow_up_stage one = {.status_id = w->litigation, .interval_days = 14};
	RC(STORE_OK, follow_up_set(f, office, "stage", &one, 1));
	r = (struct stage_rows){0};
	RC(STORE_OK, store_follow_up_get(f->c, office, method, collect_stage, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.s[0].status_id, w->litigation);
	assert_string_equal(r.s[0].report_text, "");
	RC(STORE_NOT_FOUND, store_follow_up_stage_get(f->c, office, w->intake, &s));

	RC(STORE_OK, follow_up_set(f, office, "none", NULL, 0));
	r = (struct stage_rows){0};
	RC(STORE_OK, store_follow_up_get(f->c, office, method, collect_stage, &r));
	assert_string_equal(method, "none");
	assert_int_equal(r.n, 0);

	/* no such office */
	RC(STORE_NOT_FOUND, store_follow_up_get(f->c, office + 1000, method, collect_stage, &r));
	RC(STORE_NOT_FOUND, follow_up_set(f, office + 1000, "stage", &one, 1));

	/* an office goes with its follow-up rows */
	RC(STORE_OK, follow_up_set(f, office, "stage", rows, 2));
	RC(STORE_OK, store_office_delete(f->c, office));
	RC(STORE_NOT_FOUND, store_follow_up_stage_get(f->c, office, w->intake, &s));
}

/* ---- report selection ------------------------------------------------------------------- */

static void test_report_pairs(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct report_world *x = report_world(f);
	int64_t o1 = add_office(f, "Pairs Office 1"), o2 = add_office(f, "Pairs Office 2");
	int64_t cm1 = add_user(f, "pairs.cm1"), cm2 = add_user(f, "pairs.cm2");

	/* advisors: sorted by last name in any case, then by display name */
	int64_t a = add_person(f, "Zed", "Adams");
	int64_t b = add_contact(f, "organisation", "", "", "Baker & Co");
	int64_t cc = add_person(f, "Carl", "Carter");
	int64_t d = add_person(f, "Amy", "adams");
	int64_t carter_user = add_user_with_contact(f, "pairs.carter", cc);
	int64_t lone_user = add_user_with_contact(f, "pairs.nocontact", 0);
	int64_t bystander = add_person(f, "Pam", "Paralegal");

	int64_t k1 = add_life_case(f, "RP-001", o1), k2 = add_life_case(f, "RP-002", o1);
	int64_t k3 = add_life_case(f, "RP-003", o1), k4 = add_life_case(f, "RP-004", o1);
	int64_t k5 = add_life_case(f, "RP-005", o1), k6 = add_life_case(f, "RP-006", o1);
	int64_t k7 = add_life_case(f, "RP-007", o1), k9 = add_life_case(f, "RP-009", o2);
	int64_t k10 = add_life_case(f, "RP-010", o1);
	struct store_case legal;
	case_init(&legal, w, "RP-008", "Legal", w->auto_type);
	legal.office_id = o1;
	RC(STORE_OK, store_case_insert(f->c, &legal, 5000));
	int64_t k8 = legal.id;

	/* K1: A primary, B plain, a case manager, a bystander in a non-advisor role */
	add_staff(f, k1, 0, a, x->primary, "2026-01-10");
	add_staff(f, k1, 0, b, w->adviser, "2026-01-10");
	add_staff(f, k1, cm1, 0, w->manager, "2026-01-10");
	add_staff(f, k1, 0, bystander, w->paralegal, "2026-01-10");
	put_policy(f, k1, "formal", 0, "2026-02-01");
	RC(STORE_OK, store_case_set_stage(f->c, k1, w->app_received, "", 5100));
	/* K2: A in two roles (one primary) comes once, as primary; informal */
	add_staff(f, k2, 0, a, w->adviser, "2026-01-10");
	add_staff(f, k2, 0, a, x->primary, "2026-01-10");
	put_policy(f, k2, "informal", 0, "2026-03-15");
	/* K3: C through the user whose contact C is; B no longer staff; no policy (formal);
	 * cm2 the case manager */
	add_staff(f, k3, carter_user, 0, w->adviser, "2026-01-10");
	int64_t ended = add_staff(f, k3, 0, b, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_staff_end(f->c, ended, "2026-01-31"));
	add_staff(f, k3, cm2, 0, w->manager, "2026-01-10");
	RC(STORE_OK, store_case_set_stage(f->c, k3, w->intake, "", 5100));
	/* K4: D; a group case; cm2 there in a role that is not case manager */
	add_staff(f, k4, 0, d, w->adviser, "2026-01-10");
	add_staff(f, k4, cm2, 0, x->paralegal2, "2026-01-10");
	put_policy(f, k4, "group", 0, "");
	/* K5: B; an informal child of K2 */
	add_staff(f, k5, 0, b, w->adviser, "2026-01-10");
	put_policy(f, k5, "informal_child", k2, "2026-01-01");
	/* K6 closed, K7 deleted, K8 not insurance, K9 in office 2, K10 a user without contact */
	add_staff(f, k6, 0, a, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_set_stage(f->c, k6, w->closed, "2026-01-20", 5100));
	add_staff(f, k7, 0, a, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_delete(f->c, k7, 5200));
	add_staff(f, k8, 0, a, w->adviser, "2026-01-10");
	add_staff(f, k9, 0, a, w->adviser, "2026-01-10");
	add_staff(f, k10, lone_user, 0, w->adviser, "2026-01-10");

	struct store_report_filter flt = {.office_id = o1, .cases = REPORT_CASES_ALL};
	struct pair_rows r;

	/* formal cases only by default */
	pairs_of(f, &flt, &r);
	pairs_are(&r, 3, a, k1, 1, b, k1, 0, cc, k3, 0);

	/* every kind: D (adams) and A (Adams) share a last name in any case, Amy < Zed */
	flt.informal = flt.informal_child = flt.group = true;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 6, d, k4, 0, a, k1, 1, a, k2, 1, b, k1, 0, b, k5, 0, cc, k3, 0);
	assert_string_equal(r.p[0].last_name, "adams");
	assert_string_equal(r.p[0].display_name, "Amy adams");
	assert_string_equal(r.p[3].last_name, "Baker & Co");
	assert_string_equal(r.p[3].display_name, "Baker & Co");
	assert_string_equal(r.p[5].display_name, "Carl Carter");

	/* only the kinds asked for */
	flt.informal = false;
	flt.group = false;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 4, a, k1, 1, b, k1, 0, b, k5, 0, cc, k3, 0);
	flt.informal = flt.informal_child = flt.group = true;

	/* primary advisors only */
	flt.advisors = REPORT_ADVISORS_PRIMARY;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 2, a, k1, 1, a, k2, 1);

	/* selected advisors */
	int64_t pick[2] = {cc, b};
	flt.advisors = REPORT_ADVISORS_SELECTED;
	flt.advisor_ids = pick;
	flt.n_advisors = 2;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 3, b, k1, 0, b, k5, 0, cc, k3, 0);
	flt.n_advisors = 0;
	pairs_of(f, &flt, &r);
	assert_int_equal(r.n, 0);

	/* every office: A's cases in both offices (never closed, deleted or legal ones) */
	int64_t only_a = a;
	flt.office_id = 0;
	flt.advisor_ids = &only_a;
	flt.n_advisors = 1;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 3, a, k1, 1, a, k2, 1, a, k9, 0);
	flt.office_id = o1;
	flt.advisors = REPORT_ADVISORS_ALL;
	flt.advisor_ids = NULL;

	/* a case manager's cases (current, in a case manager role) */
	flt.case_manager_id = cm1;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 2, a, k1, 1, b, k1, 0);
	flt.case_manager_id = cm2;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 1, cc, k3, 0);
	flt.case_manager_id = 0;

	/* follow-ups due on or before a date */
	flt.cases = REPORT_CASES_FOLLOW_UP;
	snprintf(flt.due_date, sizeof flt.due_date, "2026-02-28");
	pairs_of(f, &flt, &r);
	pairs_are(&r, 3, a, k1, 1, b, k1, 0, b, k5, 0);
	snprintf(flt.due_date, sizeof flt.due_date, "2026-03-15");
	pairs_of(f, &flt, &r);
	pairs_are(&r, 4, a, k1, 1, a, k2, 1, b, k1, 0, b, k5, 0);
	snprintf(flt.due_date, sizeof flt.due_date, "2025-12-31");
	pairs_of(f, &flt, &r);
	assert_int_equal(r.n, 0);

	/* a stage */
	flt.cases = REPORT_CASES_STAGE;
	flt.stage_status_id = w->app_received;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 2, a, k1, 1, b, k1, 0);
	flt.stage_status_id = w->intake;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 1, cc, k3, 0);

	/* selected cases (a closed one stays out), with and without selected advisors */
	int64_t cases[3] = {k6, k4, k3};
	flt.cases = REPORT_CASES_SELECTED;
	flt.case_ids = cases;
	flt.n_cases = 3;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 2, d, k4, 0, cc, k3, 0);
	flt.group = false;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 1, cc, k3, 0);
	flt.group = true;
	int64_t only_d = d;
	flt.advisors = REPORT_ADVISORS_SELECTED;
	flt.advisor_ids = &only_d;
	flt.n_advisors = 1;
	pairs_of(f, &flt, &r);
	pairs_are(&r, 1, d, k4, 0);
	flt.n_cases = 0;
	pairs_of(f, &flt, &r);
	assert_int_equal(r.n, 0);
}

/* ---- what a report reads of a case ------------------------------------------------------ */

static void test_report_case_get(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct report_world *x = report_world(f);
	int64_t office = add_office(f, "Report Case Office");
	int64_t k = add_life_case(f, "RC-001", office);
	int64_t plain = add_person(f, "Ann", "Plain");
	int64_t pat = add_person(f, "Pat", "Primary");
	int64_t org = add_contact(f, "organisation", "", "", "Second Primary Ltd");
	int64_t cm_a = add_user(f, "rc.cm.a"), cm_b = add_user(f, "rc.cm.b");
	int64_t insured = add_person(f, "Ivan", "Insured");
	int64_t carrier = add_contact(f, "organisation", "", "", "Carrier Mutual");

	add_staff(f, k, 0, plain, w->adviser, "2026-01-10");
	int64_t gone = add_staff(f, k, cm_b, 0, w->manager, "2026-01-01");
	RC(STORE_OK, store_case_staff_end(f->c, gone, "2026-01-09"));
	add_staff(f, k, cm_a, 0, w->manager, "2026-01-10");
	add_staff(f, k, cm_b, 0, w->manager, "2026-01-10");
	add_staff(f, k, 0, pat, x->primary, "2026-01-10");
	add_staff(f, k, 0, org, x->primary, "2026-01-10");
	add_status(f, k, w->stage_type, w->app_received, "2026-01-12");
	add_status(f, k, w->medical_type, w->rec_requested, "2026-01-13");
	RC(STORE_OK, store_case_set_stage(f->c, k, w->app_received, "", 6000));
	struct store_policy p = {.case_id = k, .insured_contact_id = insured,
				 .carrier_contact_id = carrier, .amount_cents = 100000000};
	snprintf(p.policy_number, sizeof p.policy_number, "RC-P-1");
	snprintf(p.product, sizeof p.product, "Whole Life");
	snprintf(p.kind, sizeof p.kind, "formal");
	snprintf(p.next_follow_up, sizeof p.next_follow_up, "2026-02-15");
	RC(STORE_OK, store_policy_put(f->c, &p, 7000));

	struct store_report_case rc;
	RC(STORE_OK, store_report_case_get(f->c, k, &rc));
	assert_int_equal(rc.case_id, k);
	assert_string_equal(rc.number, "RC-001");
	assert_string_equal(rc.name, "RC-001");
	assert_int_equal(rc.office_id, office);
	assert_int_equal(rc.stage_status_id, w->app_received);
	assert_string_equal(rc.stage_name, "App Received");
	assert_string_equal(rc.stage_since, "2026-01-12");
	assert_string_equal(rc.case_manager, "Name of rc.cm.a");
	assert_string_equal(rc.primary_advisor_last, "Primary");
	assert_string_equal(rc.primary_advisor_name, "Pat Primary");
	assert_true(rc.has_policy);
	assert_int_equal(rc.policy.case_id, k);
	assert_string_equal(rc.policy.policy_number, "RC-P-1");
	assert_string_equal(rc.policy.insured_name, "Ivan Insured");
	assert_string_equal(rc.policy.carrier_name, "Carrier Mutual");
	assert_string_equal(rc.policy.product, "Whole Life");
	assert_int_equal(rc.policy.amount_cents, 100000000);
	assert_string_equal(rc.policy.kind, "formal");
	assert_string_equal(rc.policy.next_follow_up, "2026-02-15");
	assert_int_equal(rc.policy.version, 1);

	/* a bare case: no policy, stage, staff; the primary advisor through a user's contact */
	int64_t bare = add_life_case(f, "RC-002", 0);
	RC(STORE_OK, store_report_case_get(f->c, bare, &rc));
	assert_int_equal(rc.office_id, 0);
	assert_int_equal(rc.stage_status_id, 0);
	assert_string_equal(rc.stage_name, "");
	assert_string_equal(rc.stage_since, "");
	assert_string_equal(rc.case_manager, "");
	assert_string_equal(rc.primary_advisor_last, "");
	assert_string_equal(rc.primary_advisor_name, "");
	assert_false(rc.has_policy);
	assert_string_equal(rc.policy.kind, "formal");
	assert_int_equal(rc.policy.version, 0);
	int64_t uma = add_person(f, "Uma", "User");
	add_staff(f, bare, add_user_with_contact(f, "rc.uma", uma), 0, x->primary, "2026-01-10");
	RC(STORE_OK, store_report_case_get(f->c, bare, &rc));
	assert_string_equal(rc.primary_advisor_last, "User");
	assert_string_equal(rc.primary_advisor_name, "Uma User");

	/* an organisation is its own last name */
	int64_t org_case = add_life_case(f, "RC-003", 0);
	add_staff(f, org_case, 0, org, x->primary, "2026-01-10");
	RC(STORE_OK, store_report_case_get(f->c, org_case, &rc));
	assert_string_equal(rc.primary_advisor_last, "Second Primary Ltd");
	assert_string_equal(rc.primary_advisor_name, "Second Primary Ltd");

	RC(STORE_OK, store_case_delete(f->c, bare, 6100));
	RC(STORE_NOT_FOUND, store_report_case_get(f->c, bare, &rc));
	RC(STORE_NOT_FOUND, store_report_case_get(f->c, k + 100000, &rc));
}

/* ---- previews and items ----------------------------------------------------------------- */

static void test_report_previews(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t x = add_person(f, "Xena", "Item");
	int64_t y = add_contact(f, "organisation", "", "", "Yonder Agency");
	int64_t k1 = add_life_case(f, "PV-1", 0), k2 = add_life_case(f, "PV-2", 0);
	int64_t k3 = add_life_case(f, "PV-3", 0);

	int64_t pv = add_preview(f, "{\"advisors\":\"all\",\"mask\":true}");
	struct store_report_preview p;
	char *options = NULL;
	RC(STORE_OK, store_report_preview_get(f->c, pv, &p, &options));
	assert_int_equal(p.id, pv);
	assert_string_equal(p.today, "2026-02-10");
	assert_int_equal(p.created_by, f->w.owner);
	assert_int_equal(p.created_at, 8000);
	assert_int_equal(p.send_id, 0);
	assert_non_null(options);
	assert_string_equal(options, "{\"advisors\":\"all\",\"mask\":true}");
	free(options);
	RC(STORE_OK, store_report_preview_get(f->c, pv, &p, NULL));
	RC(STORE_NOT_FOUND, store_report_preview_get(f->c, pv + 1000, &p, NULL));

	int64_t c1[2] = {k2, k1}, c2[1] = {k3}, c3[1] = {k2};
	int64_t i1 = add_item(f, pv, 1, x, "email", "Item", c1, 2);
	int64_t i2 = add_item(f, pv, 2, y, "letter", "b", c2, 1);
	int64_t i3 = add_item(f, pv, 3, x, "letter", "a", c3, 1);
	/* a seq is taken once per preview */
	struct store_report_item dup = {.preview_id = pv, .seq = 2, .contact_id = x};
	snprintf(dup.method, sizeof dup.method, "email");
	RC(STORE_CONFLICT, store_report_item_insert(f->c, &dup, NULL, 0));

	struct store_report_item it;
	RC(STORE_OK, store_report_item_get(f->c, i1, &it));
	assert_int_equal(it.preview_id, pv);
	assert_int_equal(it.seq, 1);
	assert_string_equal(it.sort_key, "Item");
	assert_int_equal(it.contact_id, x);
	assert_string_equal(it.advisor_name, "Xena Item");
	assert_string_equal(it.method, "email");
	assert_string_equal(it.address, "advisor1@example.test");
	assert_string_equal(it.issues, "");
	assert_int_equal(it.cases, 2);
	assert_false(it.applied);
	assert_string_equal(it.outcome, "pending");
	assert_string_equal(it.mail_state, "");
	assert_int_equal(it.mail_id, 0);
	RC(STORE_OK, store_report_item_get(f->c, i2, &it));
	assert_string_equal(it.advisor_name, "Yonder Agency");
	RC(STORE_NOT_FOUND, store_report_item_get(f->c, i3 + 1000, &it));

	/* by seq; letters by sort key */
	struct collect l = {0};
	RC(STORE_OK, store_report_item_list(f->c, pv, false, NULL, collect_item, &l));
	ids_are(&l, 3, i1, i2, i3);
	l = (struct collect){0};
	RC(STORE_OK, store_report_item_list(f->c, pv, true, NULL, collect_item, &l));
	ids_are(&l, 2, i3, i2);

	/* an item's cases in the order given */
	l = (struct collect){0};
	RC(STORE_OK, store_report_item_cases(f->c, i1, collect_case_id, &l));
	ids_are(&l, 2, k2, k1);

	/* marking, and the next item not yet applied */
	int64_t next = 0;
	RC(STORE_OK, store_report_item_next_unapplied(f->c, pv, 0, &next));
	assert_int_equal(next, i1);
	RC(STORE_OK, store_report_item_mark(f->c, i1, true, "queued", ""));
	RC(STORE_OK, store_report_item_get(f->c, i1, &it));
	assert_true(it.applied);
	assert_string_equal(it.outcome, "queued");
	RC(STORE_OK, store_report_item_next_unapplied(f->c, pv, 0, &next));
	assert_int_equal(next, i2);
	RC(STORE_OK, store_report_item_next_unapplied(f->c, pv, i2, &next));
	assert_int_equal(next, i3);
	RC(STORE_OK, store_report_item_mark(f->c, i2, true, "printed", ""));
	RC(STORE_OK, store_report_item_mark(f->c, i3, false, "failed", "no postal address"));
	RC(STORE_OK, store_report_item_get(f->c, i3, &it));
	assert_string_equal(it.reason, "no postal address");
	RC(STORE_OK, store_report_item_next_unapplied(f->c, pv, 0, &next));
	assert_int_equal(next, i3);
	RC(STORE_OK, store_report_item_mark(f->c, i3, true, "failed", "no postal address"));
	RC(STORE_NOT_FOUND, store_report_item_next_unapplied(f->c, pv, 0, &next));
	RC(STORE_NOT_FOUND, store_report_item_mark(f->c, i3 + 1000, true, "queued", ""));

	/* the send's outbox row of an item shows in the list of that run */
	struct store_report_send s = {.preview_id = pv, .created_by = f->w.owner,
				      .created_at = 8200};
	snprintf(s.state, sizeof s.state, "prepared");
	snprintf(s.letters_state, sizeof s.letters_state, "done");
	RC(STORE_OK, store_report_send_insert(f->c, &s));
	RC(STORE_OK, store_report_preview_get(f->c, pv, &p, NULL));
	assert_int_equal(p.send_id, s.id);
	char run[64];
	snprintf(run, sizeof run, "status-report/%lld", (long long)s.id);
	struct store_mail m = {.message = "Subject: x\r\n\r\nbody\r\n", .message_len = 20};
	snprintf(m.run_id, sizeof m.run_id, "%s", run);
	snprintf(m.recipient_id, sizeof m.recipient_id, "%lld", (long long)i1);
	snprintf(m.message_id, sizeof m.message_id, "<%s/%lld@caseload>", run, (long long)i1);
	snprintf(m.mail_from, sizeof m.mail_from, "reports@firm.test");
	snprintf(m.rcpt_to, sizeof m.rcpt_to, "advisor1@example.test");
	snprintf(m.subject, sizeof m.subject, "Case status report");
	RC(STORE_OK, store_mail_insert(f->c, &m, 8300));
	struct store_mail claimed = {0};
	RC(STORE_OK, store_mail_claim(f->c, run, 8400, "pv.worker", 8460, &claimed));
	assert_int_equal(claimed.id, m.id);
	free(claimed.message);
	RC(STORE_OK, store_mail_finish(f->c, m.id, "pv.worker", "failed", "550 mailbox unknown", 0,
				       8410));

	struct item_seen seen = {0};
	RC(STORE_OK, store_report_item_list(f->c, pv, false, run, item_keep, &seen));
	assert_int_equal(seen.n, 3);
	assert_int_equal(seen.it[0].id, i1);
	assert_string_equal(seen.it[0].mail_state, "failed");
	assert_string_equal(seen.it[0].mail_error, "550 mailbox unknown");
	assert_int_equal(seen.it[0].mail_id, m.id);
	assert_string_equal(seen.it[1].mail_state, "");
	assert_int_equal(seen.it[1].mail_id, 0);
	seen = (struct item_seen){0};
	RC(STORE_OK, store_report_item_list(f->c, pv, false, NULL, item_keep, &seen));
	assert_string_equal(seen.it[0].mail_state, "");
	assert_int_equal(seen.it[0].mail_id, 0);
	seen = (struct item_seen){0};
	RC(STORE_OK, store_report_item_list(f->c, pv, false, "status-report/0", item_keep, &seen));
	assert_string_equal(seen.it[0].mail_state, "");
}

/* ---- sends, leases and letters ---------------------------------------------------------- */

static void test_report_sends(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t pv = add_preview(f, "{}");
	struct store_report_send s = {.preview_id = pv, .created_by = f->w.owner,
				      .created_at = 8500};
	snprintf(s.letters_state, sizeof s.letters_state, "pending");
	RC(STORE_OK, store_report_send_insert(f->c, &s));
	assert_string_equal(s.state, "preparing");
	struct store_report_send again = s;
	RC(STORE_CONFLICT, store_report_send_insert(f->c, &again));

	struct store_report_send got;
	RC(STORE_OK, store_report_send_by_preview(f->c, pv, &got));
	assert_int_equal(got.id, s.id);
	RC(STORE_OK, store_report_send_get(f->c, s.id, &got));
	assert_int_equal(got.preview_id, pv);
	assert_string_equal(got.state, "preparing");
	assert_string_equal(got.letters_state, "pending");
	assert_int_equal(got.claimed_until, 0);
	assert_int_equal(got.created_by, f->w.owner);
	assert_int_equal(got.created_at, 8500);
	assert_int_equal(got.finished_at, 0);
	struct store_report_send none;
	RC(STORE_NOT_FOUND, store_report_send_get(f->c, s.id + 1000, &none));
	RC(STORE_NOT_FOUND, store_report_send_by_preview(f->c, pv + 1000, &none));

	/* update writes the states and letters, not the lease */
	got.claimed_until = 99999;
	snprintf(got.state, sizeof got.state, "prepared");
	snprintf(got.letters_state, sizeof got.letters_state, "done");
	got.letters_pages = 3;
	got.letters_bytes = 1234;
	snprintf(got.letters_error, sizeof got.letters_error, "none really");
	got.finished_at = 8600;
	RC(STORE_OK, store_report_send_update(f->c, &got));
	RC(STORE_OK, store_report_send_get(f->c, s.id, &got));
	assert_string_equal(got.state, "prepared");
	assert_string_equal(got.letters_state, "done");
	assert_int_equal(got.letters_pages, 3);
	assert_int_equal(got.letters_bytes, 1234);
	assert_string_equal(got.letters_error, "none really");
	assert_int_equal(got.finished_at, 8600);
	assert_int_equal(got.claimed_until, 0);
	got.id += 1000;
	RC(STORE_NOT_FOUND, store_report_send_update(f->c, &got));

	/* claims: the oldest send with work whose lease has ended */
	int64_t s1 = add_send(f, "preparing", "none");
	int64_t s2 = add_send(f, "prepared", "none");
	int64_t s3 = add_send(f, "prepared", "rendering");
	int64_t s4 = add_send(f, "prepared", "pending");
	int64_t s5 = add_send(f, "prepared", "failed");
	struct store_report_send c;
	RC(STORE_OK, store_report_send_claim(f->c, 0, 10000, 10100, &c));
	assert_int_equal(c.id, s1);
	assert_int_equal(c.claimed_until, 10100);
	RC(STORE_OK, store_report_send_claim(f->c, 0, 10000, 10100, &c));
	assert_int_equal(c.id, s3);
	RC(STORE_OK, store_report_send_claim(f->c, 0, 10000, 10100, &c));
	assert_int_equal(c.id, s4);
	assert_string_equal(c.letters_state, "pending");
	RC(STORE_NOT_FOUND, store_report_send_claim(f->c, 0, 10000, 10100, &c));
	RC(STORE_OK, store_report_send_get(f->c, s1, &got));
	assert_int_equal(got.claimed_until, 10100);

	/* one send: held while the lease runs, taken again after it */
	RC(STORE_NOT_FOUND, store_report_send_claim(f->c, s1, 10050, 10200, &c));
	RC(STORE_OK, store_report_send_claim(f->c, s1, 10101, 10200, &c));
	assert_int_equal(c.id, s1);
	assert_int_equal(c.claimed_until, 10200);
	RC(STORE_NOT_FOUND, store_report_send_claim(f->c, s2, 20000, 20100, &c));
	RC(STORE_NOT_FOUND, store_report_send_claim(f->c, s5, 20000, 20100, &c));

	/* inside a transaction too */
	struct tx_claim t = {.send_id = s4, .now = 10500, .until = 10600};
	struct err e = {0};
	assert_int_equal(store_tx_run(f->c, tx_send_claim, &t, &e), 0);
	RC(STORE_OK, t.rc);
	assert_int_equal(t.s.id, s4);
	RC(STORE_OK, store_report_send_get(f->c, s4, &got));
	assert_int_equal(got.claimed_until, 10600);

	/* letters: chunks read back in seq order */
	static const unsigned char bin[5] = {0x25, 0x00, 0xff, 0x0a, 0x80};
	RC(STORE_OK, store_report_letters_append(f->c, s1, 0, "%PDF", 4));
	RC(STORE_OK, store_report_letters_append(f->c, s1, 2, "%%EOF", 5));
	RC(STORE_OK, store_report_letters_append(f->c, s1, 1, bin, sizeof bin));
	RC(STORE_CONFLICT, store_report_letters_append(f->c, s1, 1, "x", 1));
	RC(STORE_OK, store_report_letters_append(f->c, s3, 0, "other", 5));
	struct bytes k = {0};
	RC(STORE_OK, store_report_letters_read(f->c, s1, collect_bytes, &k));
	assert_int_equal(k.chunks, 3);
	assert_int_equal(k.len, 14);
	assert_memory_equal(k.b, "%PDF", 4);
	assert_memory_equal(k.b + 4, bin, sizeof bin);
	assert_memory_equal(k.b + 9, "%%EOF", 5);
	RC(STORE_OK, store_report_letters_clear(f->c, s1));
	RC(STORE_OK, store_report_letters_clear(f->c, s1));
	k = (struct bytes){0};
	RC(STORE_OK, store_report_letters_read(f->c, s1, collect_bytes, &k));
	assert_int_equal(k.chunks, 0);
	k = (struct bytes){0};
	RC(STORE_OK, store_report_letters_read(f->c, s3, collect_bytes, &k));
	assert_int_equal(k.len, 5);

	/* leave no work behind for other tests' claims */
	send_set(f, s1, "prepared", "done");
	send_set(f, s3, "prepared", "done");
	send_set(f, s4, "prepared", "done");
	RC(STORE_NOT_FOUND, store_report_send_claim(f->c, 0, 99999, 100000, &c));
}

/* ---- the advisor log and the advisor list ----------------------------------------------- */

static int64_t add_log(struct fixture *f, int64_t contact_id, int64_t case_id, int64_t send_id,
		       int64_t at, const char *method)
{
	struct store_advisor_log l = {.contact_id = contact_id, .case_id = case_id,
				      .send_id = send_id, .at = at, .user_id = f->w.owner};
	snprintf(l.method, sizeof l.method, "%s", method);
	snprintf(l.subject, sizeof l.subject, "Case status report %lld", (long long)at);
	snprintf(l.body, sizeof l.body, "Cases: %lld", (long long)case_id);
	RC(STORE_OK, store_advisor_log_insert(f->c, &l));
	assert_true(l.id > 0);
	return l.id;
}

struct log_rows {
	struct store_advisor_log l[4];
	int n;
};

static int keep_log(const struct store_advisor_log *l, void *ctx)
{
	struct log_rows *r = ctx;
	if (r->n < 4)
		r->l[r->n] = *l;
	r->n++;
	return 0;
}

static void test_advisor_log(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t q = add_person(f, "Quentin", "Logged");
	int64_t other = add_person(f, "Olga", "Other");
	int64_t k = add_life_case(f, "LOG-1", 0);
	int64_t send = add_send(f, "prepared", "done");

	int64_t l1 = add_log(f, q, k, send, 100, "email");
	struct store_advisor_log dup = {.contact_id = q, .case_id = k, .send_id = send, .at = 150};
	snprintf(dup.method, sizeof dup.method, "email");
	snprintf(dup.subject, sizeof dup.subject, "again");
	RC(STORE_CONFLICT, store_advisor_log_insert(f->c, &dup));
	int64_t l2 = add_log(f, q, k, 0, 200, "letter");
	int64_t l3 = add_log(f, q, 0, send, 300, "letter");
	add_log(f, other, k, send, 310, "email");

	struct log_rows r = {0};
	RC(STORE_OK, store_advisor_log_list(f->c, q, 0, 10, keep_log, &r));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.l[0].id, l3);
	assert_int_equal(r.l[0].case_id, 0);
	assert_string_equal(r.l[0].case_number, "");
	assert_int_equal(r.l[0].send_id, send);
	assert_int_equal(r.l[1].id, l2);
	assert_int_equal(r.l[1].send_id, 0);
	assert_string_equal(r.l[1].method, "letter");
	assert_int_equal(r.l[2].id, l1);
	assert_int_equal(r.l[2].contact_id, q);
	assert_int_equal(r.l[2].case_id, k);
	assert_string_equal(r.l[2].case_number, "LOG-1");
	assert_string_equal(r.l[2].case_name, "LOG-1");
	assert_int_equal(r.l[2].at, 100);
	assert_string_equal(r.l[2].method, "email");
	assert_string_equal(r.l[2].subject, "Case status report 100");
	char body[40];
	snprintf(body, sizeof body, "Cases: %lld", (long long)k);
	assert_string_equal(r.l[2].body, body);
	assert_int_equal(r.l[2].user_id, f->w.owner);

	struct collect c = {0};
	RC(STORE_OK, store_advisor_log_list(f->c, q, l2, 10, collect_log, &c));
	ids_are(&c, 1, l1);
	c = (struct collect){0};
	RC(STORE_OK, store_advisor_log_list(f->c, q, 0, 1, collect_log, &c));
	ids_are(&c, 1, l3);

	usage_is(f, q, "advisor logs", 3);
}

static void test_advisor_list(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct report_world *x = report_world(f);
	struct store_contact quinn = {0};
	snprintf(quinn.kind, sizeof quinn.kind, "person");
	snprintf(quinn.first_name, sizeof quinn.first_name, "Quinn");
	snprintf(quinn.last_name, sizeof quinn.last_name, "Questor");
	snprintf(quinn.email, sizeof quinn.email, "quinn@advisors.test");
	snprintf(quinn.preferred_comm, sizeof quinn.preferred_comm, "letter");
	RC(STORE_OK, store_contact_insert(f->c, &quinn, 700));
	int64_t vera = add_person(f, "Vera", "Viauser");
	int64_t legal_only = add_person(f, "Lena", "Legalonly");
	int64_t clerk = add_person(f, "Nate", "Notadvisor");
	int64_t former = add_person(f, "Fred", "Formeradvisor");
	int64_t vera_user = add_user_with_contact(f, "al.vera", vera);

	int64_t k1 = add_life_case(f, "AL-1", 0), k2 = add_life_case(f, "AL-2", 0);
	int64_t k3 = add_life_case(f, "AL-3", 0), closed = add_life_case(f, "AL-4", 0);
	struct store_case legal;
	case_init(&legal, w, "AL-5", "AL-5", w->auto_type);
	RC(STORE_OK, store_case_insert(f->c, &legal, 5000));

	add_staff(f, k1, 0, quinn.id, w->adviser, "2026-01-10");
	add_staff(f, k1, 0, quinn.id, x->primary, "2026-01-10");   /* counted once */
	add_staff(f, legal.id, 0, quinn.id, w->adviser, "2026-01-10");
	add_staff(f, k2, vera_user, 0, w->adviser, "2026-01-10");
	add_staff(f, k3, vera_user, 0, x->primary, "2026-01-10");
	add_staff(f, closed, vera_user, 0, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_set_stage(f->c, closed, w->closed, "2026-01-30", 5100));
	add_staff(f, legal.id, 0, legal_only, w->adviser, "2026-01-10");
	add_staff(f, k1, 0, clerk, w->paralegal, "2026-01-10");
	int64_t end = add_staff(f, k2, 0, former, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_staff_end(f->c, end, "2026-01-20"));

	struct advisor_rows *r = calloc(1, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "", 0, 1000, collect_advisor, r));
	const struct store_advisor *a = advisor_in(r, quinn.id);
	assert_non_null(a);
	assert_string_equal(a->display_name, "Quinn Questor");
	assert_string_equal(a->first_name, "Quinn");
	assert_string_equal(a->last_name, "Questor");
	assert_string_equal(a->email, "quinn@advisors.test");
	assert_string_equal(a->preferred_comm, "letter");
	assert_int_equal(a->cases, 1);
	a = advisor_in(r, vera);
	assert_non_null(a);
	assert_int_equal(a->cases, 2);
	a = advisor_in(r, legal_only);
	assert_non_null(a);
	assert_int_equal(a->cases, 0);
	assert_null(advisor_in(r, clerk));
	assert_null(advisor_in(r, former));
	for (int i = 1; i < r->n && i < 128; i++)
		assert_true(r->a[i].contact_id > r->a[i - 1].contact_id);

	/* a prefix of a name or the e-mail, in any case */
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "qUESt", 0, 1000, collect_advisor, r));
	assert_int_equal(r->n, 1);
	assert_int_equal(r->a[0].contact_id, quinn.id);
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "QUINN@adv", 0, 1000, collect_advisor, r));
	assert_int_equal(r->n, 1);
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "vera", 0, 1000, collect_advisor, r));
	assert_int_equal(r->n, 1);
	assert_int_equal(r->a[0].contact_id, vera);
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "Nate", 0, 1000, collect_advisor, r));
	assert_int_equal(r->n, 0);
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "%", 0, 1000, collect_advisor, r));
	assert_int_equal(r->n, 0);

	/* paging by contact id */
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "", quinn.id, 1000, collect_advisor, r));
	assert_null(advisor_in(r, quinn.id));
	assert_non_null(advisor_in(r, vera));
	memset(r, 0, sizeof *r);
	RC(STORE_OK, store_advisor_list(f->c, "", quinn.id - 1, 1, collect_advisor, r));
	assert_int_equal(r->n, 1);
	assert_int_equal(r->a[0].contact_id, quinn.id);
	free(r);
}

/* ---- the e-mail outbox ------------------------------------------------------------------ */

static void mail_init(struct store_mail *m, const char *run, const char *recipient,
		      const char *body)
{
	memset(m, 0, sizeof *m);
	snprintf(m->run_id, sizeof m->run_id, "%s", run);
	snprintf(m->recipient_id, sizeof m->recipient_id, "%s", recipient);
	snprintf(m->message_id, sizeof m->message_id, "<%s/%s@caseload.test>", run, recipient);
	snprintf(m->mail_from, sizeof m->mail_from, "reports@firm.test");
	snprintf(m->rcpt_to, sizeof m->rcpt_to, "%s@advisors.test", recipient);
	snprintf(m->subject, sizeof m->subject, "Report %s", recipient);
	m->message = (char *)body;
	m->message_len = strlen(body);
}

static int64_t add_mail(struct fixture *f, const char *run, const char *recipient,
			int64_t due, int64_t now)
{
	struct store_mail m;
	char body[128];
	snprintf(body, sizeof body, "Subject: Report %s\r\n\r\nHello %s.\r\n", recipient,
		 recipient);
	mail_init(&m, run, recipient, body);
	m.next_attempt_at = due;
	RC(STORE_OK, store_mail_insert(f->c, &m, now));
	assert_true(m.id > 0);
	assert_string_equal(m.state, "pending");
	return m.id;
}

static void mail_is(struct fixture *f, int64_t id, const char *state, int64_t attempts)
{
	struct store_mail m;
	RC(STORE_OK, store_mail_get(f->c, id, false, &m));
	assert_null(m.message);
	assert_string_equal(m.state, state);
	assert_int_equal(m.attempts, attempts);
}

static void test_outbox(void **state)
{
	FIXTURE(state);
	const char *run = "test-run/1", *run2 = "test-run/2";
	int64_t m1 = add_mail(f, run, "1", 0, 100);
	struct store_mail dup;
	mail_init(&dup, run, "1", "other body");
	snprintf(dup.message_id, sizeof dup.message_id, "<another@caseload.test>");
	RC(STORE_CONFLICT, store_mail_insert(f->c, &dup, 101));
	mail_init(&dup, run, "9", "same message id as 1");
	snprintf(dup.message_id, sizeof dup.message_id, "<%s/1@caseload.test>", run);
	RC(STORE_CONFLICT, store_mail_insert(f->c, &dup, 101));
	int64_t m2 = add_mail(f, run, "2", 500, 101);
	int64_t m3 = add_mail(f, run, "3", 0, 102);
	int64_t m4 = add_mail(f, run2, "4", 0, 103);
	int64_t n = 0;
	RC(STORE_OK, store_mail_count(f->c, run, "", &n));
	assert_int_equal(n, 3);

	struct store_mail m;
	RC(STORE_OK, store_mail_get(f->c, m1, true, &m));
	assert_string_equal(m.run_id, run);
	assert_string_equal(m.recipient_id, "1");
	assert_string_equal(m.message_id, "<test-run/1/1@caseload.test>");
	assert_string_equal(m.mail_from, "reports@firm.test");
	assert_string_equal(m.rcpt_to, "1@advisors.test");
	assert_string_equal(m.subject, "Report 1");
	assert_string_equal(m.state, "pending");
	assert_int_equal(m.attempts, 0);
	assert_true(m.next_attempt_at <= 100);
	assert_int_equal(m.created_at, 100);
	assert_int_equal(m.sent_at, 0);
	assert_non_null(m.message);
	assert_int_equal(m.message_len, strlen("Subject: Report 1\r\n\r\nHello 1.\r\n"));
	assert_memory_equal(m.message, "Subject: Report 1\r\n\r\nHello 1.\r\n", m.message_len);
	free(m.message);
	RC(STORE_NOT_FOUND, store_mail_get(f->c, m4 + 1000, false, &m));

	/* claims: the oldest due row of the run; m2 is not due before 500 */
	RC(STORE_OK, store_mail_claim(f->c, run, 200, "w1", 260, &m));
	assert_int_equal(m.id, m1);
	assert_string_equal(m.state, "sending");
	assert_string_equal(m.claimed_by, "w1");
	assert_int_equal(m.claimed_until, 260);
	assert_non_null(m.message);
	assert_memory_equal(m.message, "Subject: Report 1", 17);
	free(m.message);
	RC(STORE_OK, store_mail_claim(f->c, run, 200, "w2", 260, &m));
	assert_int_equal(m.id, m3);
	free(m.message);
	RC(STORE_NOT_FOUND, store_mail_claim(f->c, run, 200, "w2", 260, &m));
	RC(STORE_OK, store_mail_claim(f->c, "", 200, "w3", 260, &m));
	assert_int_equal(m.id, m4);
	free(m.message);
	mail_is(f, m1, "sending", 0);

	/* only the claiming worker finishes a row, once */
	RC(STORE_NOT_FOUND, store_mail_finish(f->c, m1, "w2", "sent", "", 0, 210));
	RC(STORE_OK, store_mail_finish(f->c, m1, "w1", "sent", "", 0, 210));
	RC(STORE_OK, store_mail_get(f->c, m1, false, &m));
	assert_string_equal(m.state, "sent");
	assert_int_equal(m.sent_at, 210);
	assert_int_equal(m.attempts, 0);
	RC(STORE_NOT_FOUND, store_mail_finish(f->c, m1, "w1", "sent", "", 0, 211));

	/* a retry: pending again, one more attempt, due later */
	RC(STORE_OK, store_mail_finish(f->c, m3, "w2", "pending", "421 try later", 400, 220));
	RC(STORE_OK, store_mail_get(f->c, m3, false, &m));
	assert_string_equal(m.state, "pending");
	assert_int_equal(m.attempts, 1);
	assert_int_equal(m.next_attempt_at, 400);
	assert_string_equal(m.last_error, "421 try later");
	assert_int_equal(m.updated_at, 220);
	RC(STORE_NOT_FOUND, store_mail_claim(f->c, run, 300, "w1", 360, &m));
	RC(STORE_OK, store_mail_claim(f->c, run, 450, "w1", 510, &m));
	assert_int_equal(m.id, m3);
	free(m.message);
	RC(STORE_OK, store_mail_claim(f->c, run, 600, "w2", 660, &m));
	assert_int_equal(m.id, m2);
	free(m.message);

	/* recovery: rows whose lease ended, then every row in sending */
	RC(STORE_OK, store_mail_recover(f->c, false, 550, &n));
	assert_int_equal(n, 2);
	mail_is(f, m3, "in_doubt", 1);
	mail_is(f, m4, "in_doubt", 0);
	mail_is(f, m2, "sending", 0);
	RC(STORE_NOT_FOUND, store_mail_finish(f->c, m3, "w1", "sent", "", 0, 560));
	RC(STORE_OK, store_mail_recover(f->c, true, 560, &n));
	assert_int_equal(n, 1);
	mail_is(f, m2, "in_doubt", 0);
	RC(STORE_OK, store_mail_recover(f->c, true, 570, &n));
	assert_int_equal(n, 0);

	/* an operator resolves rows in doubt: it went, or send it again */
	RC(STORE_OK, store_mail_resolve(f->c, m3, "sent", 600));
	RC(STORE_OK, store_mail_get(f->c, m3, false, &m));
	assert_string_equal(m.state, "sent");
	assert_int_equal(m.sent_at, 600);
	RC(STORE_NOT_FOUND, store_mail_resolve(f->c, m3, "pending", 601));
	RC(STORE_NOT_FOUND, store_mail_resolve(f->c, m1, "sent", 601));
	RC(STORE_OK, store_mail_resolve(f->c, m2, "pending", 610));
	mail_is(f, m2, "pending", 0);
	RC(STORE_OK, store_mail_claim(f->c, run, 610, "w1", 670, &m));
	assert_int_equal(m.id, m2);
	free(m.message);
	RC(STORE_OK, store_mail_finish(f->c, m2, "w1", "failed", "550 no such user", 0, 620));
	RC(STORE_OK, store_mail_get(f->c, m2, false, &m));
	assert_string_equal(m.state, "failed");
	assert_string_equal(m.last_error, "550 no such user");
	assert_int_equal(m.sent_at, 0);

	/* lists and counts */
	struct collect l = {0};
	RC(STORE_OK, store_mail_list(f->c, "", run, 0, 100, collect_mail, &l));
	ids_are(&l, 3, m1, m2, m3);
	l = (struct collect){0};
	RC(STORE_OK, store_mail_list(f->c, "sent", run, 0, 100, collect_mail, &l));
	ids_are(&l, 2, m1, m3);
	l = (struct collect){0};
	RC(STORE_OK, store_mail_list(f->c, "", run, m1, 100, collect_mail, &l));
	ids_are(&l, 2, m2, m3);
	l = (struct collect){0};
	RC(STORE_OK, store_mail_list(f->c, "", run, 0, 1, collect_mail, &l));
	ids_are(&l, 1, m1);
	l = (struct collect){0};
	RC(STORE_OK, store_mail_list(f->c, "in_doubt", "", 0, 100, collect_mail, &l));
	assert_true(ids_have(&l, m4));
	assert_false(ids_have(&l, m1));
	RC(STORE_OK, store_mail_count(f->c, run, "sent", &n));
	assert_int_equal(n, 2);
	RC(STORE_OK, store_mail_count(f->c, run, "failed", &n));
	assert_int_equal(n, 1);
	RC(STORE_OK, store_mail_count(f->c, run2, "", &n));
	assert_int_equal(n, 1);
	RC(STORE_OK, store_mail_count(f->c, "", "", &n));
	assert_true(n >= 4);
	RC(STORE_OK, store_mail_count(f->c, "test-run/none", "", &n));
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_primary_advisor),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_requirements),
		cmocka_unit_test(test_follow_ups),
		cmocka_unit_test(test_report_pairs),
		cmocka_unit_test(test_report_case_get),
		cmocka_unit_test(test_report_previews),
		cmocka_unit_test(test_report_sends),
		cmocka_unit_test(test_advisor_log),
		cmocka_unit_test(test_advisor_list),
		cmocka_unit_test(test_outbox),
	};
	return store_tests_run("store reports", tests, sizeof tests / sizeof tests[0]);
}
