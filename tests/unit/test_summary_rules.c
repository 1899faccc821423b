/* test_summary_rules.c - the rules of the case summary page: the next deadline and its
 * overdue mark, pending appointments, the primary plaintiff/contact labels, lien totals, and
 * the summary walk itself (domain/summary.c) over a store: what each area gives, the tabs'
 * has-data indicators, the flags, the totals, the walk's order, stopping, and scope.
 *
 * The pure rules run once; the walk runs as one cmocka group per backend through the store
 * fixture (tests/unit/support/store_fixture.h), on SQLite and, when CASELOAD_TEST_PG is set,
 * on PostgreSQL. The HTTP form of the summary is tested in tests/api/summary.test.mjs. */
#include "support/store_fixture.h"

#include "domain/appointment.h"
#include "domain/deadline.h"
#include "domain/lien.h"
#include "domain/party.h"
#include "domain/summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- next deadline ---------------------------------------------------------------------- */

static struct store_deadline deadline_make(int64_t id, const char *due, bool done)
{
	struct store_deadline d;
	memset(&d, 0, sizeof d);
	d.id = id;
	snprintf(d.kind, sizeof d.kind, "critical");
	snprintf(d.due_date, sizeof d.due_date, "%s", due);
	d.done = done;
	return d;
}

static void next_deadline_is_earliest_outstanding(void **state)
{
	struct deadline_next n = {0};
	deadline_next_finish(&n, "2026-06-15");
	assert_false(n.found);
	assert_false(n.overdue);

	struct store_deadline later = deadline_make(1, "2026-09-01", false);
	struct store_deadline done = deadline_make(2, "2026-01-01", true);
	struct store_deadline sooner = deadline_make(3, "2026-07-01", false);
	deadline_next_consider(&n, &later);
	deadline_next_consider(&n, &done);
	deadline_next_consider(&n, &sooner);
	deadline_next_finish(&n, "2026-06-15");
	assert_true(n.found);
	assert_int_equal(n.d.id, 3);
	assert_false(n.overdue);

	/* only done ones: none */
	struct deadline_next none = {0};
	deadline_next_consider(&none, &done);
	deadline_next_finish(&none, "2026-06-15");
	assert_false(none.found);
}

static void next_deadline_overdue_before_today(void **state)
{
	struct store_deadline a = deadline_make(5, "2026-06-14", false);
	struct store_deadline b = deadline_make(6, "2026-06-20", false);
	struct deadline_next n = {0};
	deadline_next_consider(&n, &b);
	deadline_next_consider(&n, &a);
	deadline_next_finish(&n, "2026-06-15");
	assert_int_equal(n.d.id, 5);
	assert_true(n.overdue);
	/* due today is not yet overdue */
	n = (struct deadline_next){0};
	deadline_next_consider(&n, &a);
	deadline_next_finish(&n, "2026-06-14");
	assert_false(n.overdue);
}

static void next_deadline_ties_by_id(void **state)
{
	struct store_deadline high = deadline_make(9, "2026-07-01", false);
	struct store_deadline low = deadline_make(4, "2026-07-01", false);
	struct deadline_next n = {0};
	deadline_next_consider(&n, &high);
	deadline_next_consider(&n, &low);
	deadline_next_finish(&n, "2026-06-15");
	assert_int_equal(n.d.id, 4);
	n = (struct deadline_next){0};
	deadline_next_consider(&n, &low);
	deadline_next_consider(&n, &high);
	deadline_next_finish(&n, "2026-06-15");
	assert_int_equal(n.d.id, 4);
}

/* ---- pending appointments --------------------------------------------------------------- */

static void appointment_pending_rule(void **state)
{
	const int64_t now = 1781524800;   /* 2026-06-15T12:00:00Z */
	struct store_appointment ap;
	memset(&ap, 0, sizeof ap);
	ap.starts_at = now - 3600;
	ap.completed = true;
	assert_false(appointment_is_pending(&ap, now));   /* past, completed */
	ap.completed = false;
	assert_true(appointment_is_pending(&ap, now));    /* past, not completed */
	ap.starts_at = now + 3600;
	ap.completed = true;
	assert_true(appointment_is_pending(&ap, now));    /* future, completed */
	ap.completed = false;
	assert_true(appointment_is_pending(&ap, now));    /* future, not completed */
	ap.starts_at = now;
	ap.completed = true;
	assert_true(appointment_is_pending(&ap, now));    /* starting now */
}

/* ---- primary labels --------------------------------------------------------------------- */

static void party_primary_labels(void **state)
{
	struct store_party p;
	memset(&p, 0, sizeof p);
	snprintf(p.kind, sizeof p.kind, "plaintiff");
	p.primary_party = true;
	p.primary_contact = true;
	assert_string_equal(party_primary_label(&p), "Plaintiff/Contact");
	p.primary_contact = false;
	assert_string_equal(party_primary_label(&p), "Plaintiff");
	p.primary_party = false;
	p.primary_contact = true;
	assert_string_equal(party_primary_label(&p), "Contact");
	p.primary_contact = false;
	assert_string_equal(party_primary_label(&p), "");
}

/* ---- lien totals ------------------------------------------------------------------------ */

static struct store_lien lien_make(int64_t amount, int64_t negotiated, int64_t final)
{
	struct store_lien l;
	memset(&l, 0, sizeof l);
	l.party_id = 7;
	l.amount_cents = amount;
	l.negotiated_cents = negotiated;
	l.final_cents = final;
	return l;
}

static void lien_totals_fall_back(void **state)
{
	struct lien_total t = {.party_id = 7};
	struct store_lien plain = lien_make(10000, -1, -1);
	lien_add_to_total(&t, &plain);
	assert_int_equal(t.count, 1);
	assert_int_equal(t.amount_cents, 10000);
	assert_int_equal(t.negotiated_cents, 10000);   /* not negotiated: its amount */
	assert_int_equal(t.final_cents, 10000);        /* no final, no negotiated: its amount */
	struct store_lien negotiated = lien_make(20000, 15000, -1);
	lien_add_to_total(&t, &negotiated);
	assert_int_equal(t.count, 2);
	assert_int_equal(t.amount_cents, 30000);
	assert_int_equal(t.negotiated_cents, 25000);
	assert_int_equal(t.final_cents, 25000);        /* no final: its negotiated amount */
	struct store_lien settled = lien_make(5000, 4000, 3000);
	lien_add_to_total(&t, &settled);
	assert_int_equal(t.count, 3);
	assert_int_equal(t.amount_cents, 35000);
	assert_int_equal(t.negotiated_cents, 29000);
	assert_int_equal(t.final_cents, 28000);
	struct store_lien zero = lien_make(0, 0, 0);
	lien_add_to_total(&t, &zero);
	assert_int_equal(t.count, 4);
	assert_int_equal(t.final_cents, 28000);        /* a negotiated 0 is 0, not the amount */
}

/* ---- the walk: a recording visitor ------------------------------------------------------ */

#define REC_MAX 256

/* One callback as seen: the area, the row's id, and a few numbers and a text about it. */
struct rec_row {
	char area[16];
	int64_t id;
	int64_t a, b, c;
	char text[64];
};

struct rec {
	struct rec_row rows[REC_MAX];
	int n;
	struct summary_facts facts;
	bool got_facts;
	const char *stop_area;   /* answer non-zero on the first row of this area */
};

static int rec_add(struct rec *r, const char *area, int64_t id, int64_t a, int64_t b, int64_t c,
		   const char *text)
{
	assert_true(r->n < REC_MAX);
	struct rec_row *row = &r->rows[r->n++];
	snprintf(row->area, sizeof row->area, "%s", area);
	row->id = id;
	row->a = a;
	row->b = b;
	row->c = c;
	snprintf(row->text, sizeof row->text, "%s", text ? text : "");
	return r->stop_area && strcmp(r->stop_area, area) == 0;
}

static int rec_case(const struct store_case *k, void *ctx)
{
	return rec_add(ctx, "case", k->id, 0, 0, 0, k->name);
}

static int rec_status(const struct summary_status *s, void *ctx)
{
	return rec_add(ctx, "status", s->row->id, s->days_since, s->overdue, 0, NULL);
}

static int rec_staff(const struct store_case_staff *s, void *ctx)
{
	return rec_add(ctx, "staff", s->id, 0, 0, 0, NULL);
}

static int rec_note(const struct store_note *n, void *ctx)
{
	return rec_add(ctx, "note", n->id, n->at, 0, 0, NULL);
}

static int rec_appointment(const struct appointment_detail *d, void *ctx)
{
	return rec_add(ctx, "appointment", d->v.id, d->n_attendees,
		       d->n_attendees ? d->attendees[0].appointment_id : 0, 0, d->v.subject);
}

static int rec_task(const struct store_task *t, void *ctx)
{
	return rec_add(ctx, "task", t->id, t->completed, 0, 0, t->priority);
}

static int rec_court(const struct court_detail *d, void *ctx)
{
	return rec_add(ctx, "court", d->v.id, d->n_personnel,
		       d->n_personnel ? d->personnel[0].case_court_id : 0, 0, NULL);
}

static int rec_deadline(const struct store_deadline *d, void *ctx)
{
	return rec_add(ctx, "deadline", d->id, d->done, 0, 0, d->due_date);
}

static int rec_party(const struct store_party *p, void *ctx)
{
	return rec_add(ctx, "party", p->id, 0, 0, 0, p->kind);
}

static int rec_insurance(const struct store_insurance *in, void *ctx)
{
	return rec_add(ctx, "insurance", in->id, in->party_id, in->coverage_cents, 0, NULL);
}

static int rec_lien_total(const struct store_party *p, const struct lien_total *t, void *ctx)
{
	char text[64];
	snprintf(text, sizeof text, "%lld", (long long)t->count);
	assert_int_equal(t->party_id, p->id);
	return rec_add(ctx, "lien", p->id, t->amount_cents, t->negotiated_cents, t->final_cents,
		       text);
}

static int rec_bankruptcy(const struct store_bankruptcy *b, void *ctx)
{
	return rec_add(ctx, "bankruptcy", b->id, b->party_id, 0, 0, NULL);
}

static int rec_udf(const struct udf_entry *u, void *ctx)
{
	return rec_add(ctx, "udf", u->field.id, 0, 0, 0, u->value);
}

static int rec_value(const struct store_value_change *v, void *ctx)
{
	return rec_add(ctx, "value", v->id, 0, 0, 0, NULL);
}

static int rec_related(const struct store_case_brief *b, void *ctx)
{
	return rec_add(ctx, "related", b->id, 0, 0, 0, NULL);
}

static int rec_other(const struct store_case_brief *b, void *ctx)
{
	return rec_add(ctx, "other", b->id, 0, 0, 0, NULL);
}

static int rec_flag(const struct store_setup_item *flag, void *ctx)
{
	return rec_add(ctx, "flag", flag->id, 0, 0, 0, flag->name);
}

static int rec_facts(const struct summary_facts *facts, void *ctx)
{
	struct rec *r = ctx;
	r->facts = *facts;
	r->got_facts = true;
	return rec_add(ctx, "facts", 0, 0, 0, 0, NULL);
}

static const struct summary_visitor rec_visitor = {
	.on_case = rec_case,
	.on_status = rec_status,
	.on_staff = rec_staff,
	.on_note = rec_note,
	.on_appointment = rec_appointment,
	.on_task = rec_task,
	.on_court = rec_court,
	.on_deadline = rec_deadline,
	.on_party = rec_party,
	.on_insurance = rec_insurance,
	.on_lien_total = rec_lien_total,
	.on_bankruptcy = rec_bankruptcy,
	.on_udf = rec_udf,
	.on_value_change = rec_value,
	.on_related = rec_related,
	.on_other_case = rec_other,
	.on_flag = rec_flag,
	.on_facts = rec_facts,
};

/* rec_ids checks that the rows of an area have exactly the n ids that follow, in order. */
static void rec_ids(const struct rec *r, const char *area, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int seen = 0;
	for (int i = 0; i < r->n; i++) {
		if (strcmp(r->rows[i].area, area) != 0)
			continue;
		if (seen >= n)
			fail_msg("%s: more rows than the %d expected (id %lld)", area, n,
				 (long long)r->rows[i].id);
		int64_t want = va_arg(ap, int64_t);
		if (r->rows[i].id != want)
			fail_msg("%s row %d: id %lld, expected %lld", area, seen,
				 (long long)r->rows[i].id, (long long)want);
		seen++;
	}
	va_end(ap);
	if (seen != n)
		fail_msg("%s: %d rows, expected %d", area, seen, n);
}

/* rec_row finds the row of an area with an id. */
static const struct rec_row *rec_find(const struct rec *r, const char *area, int64_t id)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].area, area) == 0 && r->rows[i].id == id)
			return &r->rows[i];
	fail_msg("no %s row %lld", area, (long long)id);
	return NULL;
}

/* rec_order writes the areas in the order they came, each run of one area once
 * ("case status note ..."). */
static void rec_order(const struct rec *r, char *out, size_t size)
{
	out[0] = '\0';
	const char *last = "";
	for (int i = 0; i < r->n; i++) {
		if (strcmp(r->rows[i].area, last) == 0)
			continue;
		last = r->rows[i].area;
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? " " : "", last);
	}
}

/* ---- the walk: the data ----------------------------------------------------------------- */

/* 2026-06-15T12:00:00Z; the tests run in UTC, so today is 2026-06-15. */
#define NOW 1781524800
#define HOUR 3600

static int64_t fx_person(struct fixture *f, const char *first, const char *last,
			  const char *birth, const char *death, const char *place)
{
	struct store_contact ct = {0};
	snprintf(ct.kind, sizeof ct.kind, "person");
	snprintf(ct.first_name, sizeof ct.first_name, "%s", first);
	snprintf(ct.last_name, sizeof ct.last_name, "%s", last);
	snprintf(ct.preferred_comm, sizeof ct.preferred_comm, "email");
	snprintf(ct.birth_date, sizeof ct.birth_date, "%s", birth);
	snprintf(ct.death_date, sizeof ct.death_date, "%s", death);
	snprintf(ct.death_place, sizeof ct.death_place, "%s", place);
	RC(STORE_OK, store_contact_insert(f->c, &ct, NOW));
	return ct.id;
}

static int64_t fx_party(struct fixture *f, int64_t case_id, int64_t contact_id,
			 const char *kind, bool represented, const char *injury)
{
	struct store_party p = {.case_id = case_id, .contact_id = contact_id, .group_no = 1,
				.represented = represented};
	snprintf(p.kind, sizeof p.kind, "%s", kind);
	snprintf(p.injury_summary, sizeof p.injury_summary, "%s", injury);
	RC(STORE_OK, store_party_insert(f->c, &p));
	return p.id;
}

static int64_t fx_insurance(struct fixture *f, int64_t case_id, int64_t party_id,
			     int64_t coverage)
{
	struct store_insurance in = {.case_id = case_id, .party_id = party_id,
				     .no_fault_cents = -1, .um_sum_cents = -1,
				     .coverage_cents = coverage};
	RC(STORE_OK, store_insurance_insert(f->c, &in));
	return in.id;
}

static int64_t fx_lien(struct fixture *f, int64_t case_id, int64_t party_id, int64_t amount,
			int64_t negotiated, int64_t final)
{
	struct store_lien l = {.case_id = case_id, .party_id = party_id, .amount_cents = amount,
			       .negotiated_cents = negotiated, .final_cents = final};
	RC(STORE_OK, store_lien_insert(f->c, &l));
	return l.id;
}

static int64_t fx_task(struct fixture *f, int64_t case_id, const char *priority,
			const char *due, bool completed)
{
	struct store_task t = {.case_id = case_id, .completed = completed,
			       .created_by = f->w.owner};
	snprintf(t.subject, sizeof t.subject, "%s task", priority);
	snprintf(t.priority, sizeof t.priority, "%s", priority);
	snprintf(t.due_date, sizeof t.due_date, "%s", due);
	if (completed) {
		t.completed_at = NOW - HOUR;
		t.completed_by = f->w.owner;
	}
	RC(STORE_OK, store_task_insert(f->c, &t, NOW - 10 * HOUR));
	return t.id;
}

static int64_t fx_appointment(struct fixture *f, int64_t case_id, int64_t starts_at,
			       bool completed, const char *subject)
{
	struct store_appointment ap = {.case_id = case_id, .starts_at = starts_at,
				       .ends_at = starts_at + HOUR, .completed = completed,
				       .created_by = f->w.owner};
	snprintf(ap.subject, sizeof ap.subject, "%s", subject);
	RC(STORE_OK, store_appointment_insert(f->c, &ap, NOW - 10 * HOUR));
	return ap.id;
}

static int64_t fx_deadline(struct fixture *f, int64_t case_id, const char *kind,
			    int64_t type_id, const char *due, bool done)
{
	struct store_deadline d = {.case_id = case_id, .deadline_type_id = type_id,
				   .done = done, .created_by = f->w.owner};
	snprintf(d.kind, sizeof d.kind, "%s", kind);
	snprintf(d.due_date, sizeof d.due_date, "%s", due);
	if (done)
		snprintf(d.done_date, sizeof d.done_date, "2026-05-01");
	RC(STORE_OK, store_deadline_insert(f->c, &d));
	return d.id;
}

static int64_t fx_flag(struct fixture *f, const char *name, const char *condition,
			const char *param, int64_t position)
{
	struct store_setup_item it = {.kind = SETUP_FLAG, .position = position};
	snprintf(it.name, sizeof it.name, "%s", name);
	snprintf(it.code, sizeof it.code, "%s", condition);
	snprintf(it.text, sizeof it.text, "%s", param);
	snprintf(it.target, sizeof it.target, "info");
	return setup_add(f, it);
}

static int64_t fx_udf_field(struct fixture *f, int64_t case_type_id, const char *name,
			     const char *format, int64_t position)
{
	struct store_setup_item it = {.kind = SETUP_UDF_FIELD, .parent_id = case_type_id,
				      .position = position};
	snprintf(it.name, sizeof it.name, "%s", name);
	snprintf(it.code, sizeof it.code, "%s", format);
	return setup_add(f, it);
}

/* The full case and what the test knows of it. */
struct full {
	int64_t k, related, other;
	int64_t stage_row, medical_row, staff;
	int64_t notes[7];
	int64_t ap_past_done, ap_past_open, ap_future_done, ap_future_open;
	int64_t task_open, task_done, task_critical;
	int64_t court_a, court_b;
	int64_t sol_p, crit_done, sol_d, crit_tie;
	int64_t minor, deceased, other_plaintiff, defendant, defendant2;
	int64_t ins_minor, ins_d1, ins_d2, ins_d3;
	int64_t bankruptcy;
	int64_t udf_hazard, udf_note, udf_empty;
	int64_t value_row;
	int64_t flags[7];   /* the test's own flags, by position 7..13 */
	int64_t minor_contact;
};

/* full_make builds a case with something in every area (see each comment). */
static void full_make(struct fixture *f, struct full *x)
{
	struct world *w = world_make(f);
	memset(x, 0, sizeof *x);
	int64_t referee = add_contact(f, "organisation", "", "", "Referred Firm");
	struct store_case k;
	case_init(&k, w, "SUM-1", "Summary full", w->auto_type);
	k.mdl_master = true;
	k.referral_out_contact_id = referee;
	k.liability_percent = -1;
	RC(STORE_OK, store_case_insert(f->c, &k, NOW - 100 * HOUR));
	x->k = k.id;

	/* statuses: Intake from 2026-06-01 (expected 14 days: day 14, not overdue), Medical */
	x->stage_row = add_status(f, x->k, w->stage_type, w->intake, "2026-06-01");
	x->medical_row = add_status(f, x->k, w->medical_type, w->rec_requested, "2026-06-10");
	x->staff = add_staff(f, x->k, w->owner, 0, w->attorney, "2026-01-10");

	/* seven notes: the newest five, newest first */
	for (int i = 0; i < 7; i++) {
		struct store_note n = {.case_id = x->k, .note_type_id = w->general,
				       .at = NOW - (7 - i) * HOUR, .created_by = w->owner};
		snprintf(n.body, sizeof n.body, "note %d", i);
		RC(STORE_OK, store_note_insert(f->c, &n, NOW));
		x->notes[i] = n.id;
	}

	/* appointments: past completed (not shown), past open, future completed, future open;
	 * attendees on three of them */
	x->ap_past_done = fx_appointment(f, x->k, NOW - 48 * HOUR, true, "past done");
	x->ap_past_open = fx_appointment(f, x->k, NOW - 24 * HOUR, false, "past open");
	x->ap_future_done = fx_appointment(f, x->k, NOW + 1 * HOUR, true, "future done");
	x->ap_future_open = fx_appointment(f, x->k, NOW + 2 * HOUR, false, "future open");
	int64_t witness = add_contact(f, "person", "Wendy", "Witness", "");
	struct store_attendee two[2] = {{.user_id = w->owner}, {.contact_id = witness}};
	RC(STORE_OK, store_attendees_set(f->c, x->k, x->ap_future_open, two, 2));
	RC(STORE_OK, store_attendees_set(f->c, x->k, x->ap_past_done, two, 1));
	RC(STORE_OK, store_attendees_set(f->c, x->k, x->ap_past_open, two + 1, 1));

	/* tasks: open normal without a date, done, open critical with a date (first) */
	x->task_open = fx_task(f, x->k, "normal", "", false);
	x->task_done = fx_task(f, x->k, "high", "2026-06-01", true);
	x->task_critical = fx_task(f, x->k, "critical", "2026-06-20", false);

	/* courts: one with two people, one with none */
	int64_t court = add_contact(f, "organisation", "", "", "Supreme Court");
	int64_t judge = add_contact(f, "person", "Judy", "Judge", "");
	int64_t clerk = add_contact(f, "person", "Carl", "Clerk", "");
	struct store_court ca = {.case_id = x->k, .court_id = court, .docket_number = "D-1"};
	RC(STORE_OK, store_court_insert(f->c, &ca));
	x->court_a = ca.id;
	struct store_court cb = {.case_id = x->k, .court_id = court, .docket_number = "D-2"};
	RC(STORE_OK, store_court_insert(f->c, &cb));
	x->court_b = cb.id;
	struct store_court_person people[2] = {{.contact_id = judge, .role = "Judge"},
					       {.contact_id = clerk, .role = "Clerk"}};
	RC(STORE_OK, store_court_personnel_set(f->c, x->k, x->court_a, people, 2));

	/* parties: a minor plaintiff with an injury summary, a deceased plaintiff, an other
	 * (not represented) plaintiff, two defendants */
	x->minor_contact = fx_person(f, "Mina", "Minor", "2012-03-04", "", "");
	int64_t dead = fx_person(f, "Dora", "Deceased", "1950-01-01", "2026-01-02", "Albany");
	int64_t stranger = fx_person(f, "Otto", "Other", "1980-01-01", "", "");
	int64_t driver = fx_person(f, "Dan", "Driver", "1970-01-01", "", "");
	int64_t owner = add_contact(f, "organisation", "", "", "Truck Owner LLC");
	x->minor = fx_party(f, x->k, x->minor_contact, "plaintiff", true, "Broken arm");
	x->deceased = fx_party(f, x->k, dead, "plaintiff", true, "");
	x->other_plaintiff = fx_party(f, x->k, stranger, "plaintiff", false, "");
	x->defendant = fx_party(f, x->k, driver, "defendant", true, "");
	x->defendant2 = fx_party(f, x->k, owner, "defendant", true, "");

	/* insurance: the plaintiff's does not count toward the liability coverage; a
	 * defendant's unknown coverage counts nothing */
	x->ins_minor = fx_insurance(f, x->k, x->minor, 5000000);
	x->ins_d1 = fx_insurance(f, x->k, x->defendant, 10000000);
	x->ins_d2 = fx_insurance(f, x->k, x->defendant, -1);
	x->ins_d3 = fx_insurance(f, x->k, x->defendant2, 25000000);

	/* liens: two on the minor, one on the other plaintiff, none on the deceased */
	fx_lien(f, x->k, x->minor, 100000, -1, -1);
	fx_lien(f, x->k, x->minor, 200000, 150000, -1);
	fx_lien(f, x->k, x->other_plaintiff, 50000, 40000, 30000);

	struct store_bankruptcy b = {.case_id = x->k, .party_id = x->defendant};
	RC(STORE_OK, store_bankruptcy_insert(f->c, &b));
	x->bankruptcy = b.id;

	/* deadlines: a plaintiff SOL ahead, a critical one done (ignored), a defendant SOL past
	 * due, and a critical one on the same day (the SOL has the lower id: it is next) */
	int64_t filing = setup_add(f, (struct store_setup_item){.kind = SETUP_DEADLINE_TYPE,
		.name = "Summary filing", .position = 1});
	x->sol_p = fx_deadline(f, x->k, "plaintiff_sol", 0, "2026-07-01", false);
	x->crit_done = fx_deadline(f, x->k, "critical", filing, "2026-05-01", true);
	x->sol_d = fx_deadline(f, x->k, "defendant_sol", 0, "2026-06-10", false);
	x->crit_tie = fx_deadline(f, x->k, "critical", filing, "2026-06-10", false);

	/* user-defined fields of the case type: two with values, one without */
	x->udf_hazard = fx_udf_field(f, w->auto_type, "Hazard", "yesno", 1);
	x->udf_note = fx_udf_field(f, w->auto_type, "Note field", "text", 2);
	x->udf_empty = fx_udf_field(f, w->auto_type, "Empty field", "text", 3);
	RC(STORE_OK, store_udf_value_set(f->c, x->k, x->udf_hazard, "1"));
	RC(STORE_OK, store_udf_value_set(f->c, x->k, x->udf_note, "abc"));

	struct store_value_change v = {.case_id = x->k, .value_range_id = w->mid_range,
				       .from_date = "2026-01-10", .user_id = w->owner};
	RC(STORE_OK, store_value_change_add(f->c, &v));
	x->value_row = v.id;

	/* a related case, and another case of the minor plaintiff */
	x->related = add_case(f, "SUM-2", "Summary related");
	RC(STORE_OK, store_related_add(f->c, x->k, x->related, NOW));
	x->other = add_case(f, "SUM-3", "Summary other");
	fx_party(f, x->other, x->minor_contact, "plaintiff", true, "");

	/* flags after the six of a new database (positions 1..6) */
	x->flags[0] = fx_flag(f, "Critical Task", "critical_task", "", 7);
	x->flags[1] = fx_flag(f, "Has Liens", "liens", "", 8);
	x->flags[2] = fx_flag(f, "MDL", "mdl_master", "", 9);
	x->flags[3] = fx_flag(f, "UDF Empty", "udf_set", "Empty field", 10);
	x->flags[4] = fx_flag(f, "UDF Hazard", "udf_equals", "Hazard=1", 11);
	x->flags[5] = fx_flag(f, "UDF Note", "udf_set", "Note field", 12);
	x->flags[6] = fx_flag(f, "Deadline Past Due", "deadline_past_due", "", 13);
}

/* ---- the walk: tests -------------------------------------------------------------------- */

static void walk_full_case(void **state)
{
	FIXTURE(state);
	struct full x;
	full_make(f, &x);
	struct actor a;
	actor_system(&a);
	struct rec *r = calloc(1, sizeof *r);
	struct err e;
	err_clear(&e);
	assert_int_equal(case_summary_walk(f->c, &a, x.k, NOW, &rec_visitor, r, &e), 0);

	char order[512];
	rec_order(r, order, sizeof order);
	assert_string_equal(order, "case status staff note appointment task court deadline "
				   "party insurance party insurance party insurance lien bankruptcy udf "
				   "value related other flag facts");

	/* statuses: days since their date, overdue past the expected days */
	rec_ids(r, "status", 2, x.stage_row, x.medical_row);
	const struct rec_row *st = rec_find(r, "status", x.stage_row);
	assert_int_equal(st->a, 14);
	assert_int_equal(st->b, 0);
	rec_ids(r, "staff", 1, x.staff);
	/* the five newest notes, newest first */
	rec_ids(r, "note", 5, x.notes[6], x.notes[5], x.notes[4], x.notes[3], x.notes[2]);
	/* pending appointments by start, each with its own attendees */
	rec_ids(r, "appointment", 3, x.ap_past_open, x.ap_future_done, x.ap_future_open);
	assert_int_equal(rec_find(r, "appointment", x.ap_past_open)->a, 1);
	assert_int_equal(rec_find(r, "appointment", x.ap_past_open)->b, x.ap_past_open);
	assert_int_equal(rec_find(r, "appointment", x.ap_future_done)->a, 0);
	assert_int_equal(rec_find(r, "appointment", x.ap_future_open)->a, 2);
	assert_int_equal(rec_find(r, "appointment", x.ap_future_open)->b, x.ap_future_open);
	/* incomplete tasks only, dated first */
	rec_ids(r, "task", 2, x.task_critical, x.task_open);
	/* courts with their personnel */
	rec_ids(r, "court", 2, x.court_a, x.court_b);
	assert_int_equal(rec_find(r, "court", x.court_a)->a, 2);
	assert_int_equal(rec_find(r, "court", x.court_a)->b, x.court_a);
	assert_int_equal(rec_find(r, "court", x.court_b)->a, 0);
	/* outstanding deadlines by due date, then id */
	rec_ids(r, "deadline", 3, x.sol_d, x.crit_tie, x.sol_p);
	/* plaintiffs then defendants, each followed by its own insurance */
	rec_ids(r, "party", 5, x.minor, x.deceased, x.other_plaintiff, x.defendant, x.defendant2);
	rec_ids(r, "insurance", 4, x.ins_minor, x.ins_d1, x.ins_d2, x.ins_d3);
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].area, "insurance") == 0) {
			/* the row before is its party or an insurance row of the same party */
			const struct rec_row *before = &r->rows[i - 1];
			assert_int_equal(r->rows[i].a, strcmp(before->area, "party") == 0
							       ? before->id : before->a);
		}
	/* one lien line per plaintiff in party order, the deceased's a zero line */
	rec_ids(r, "lien", 3, x.minor, x.deceased, x.other_plaintiff);
	const struct rec_row *l = rec_find(r, "lien", x.minor);
	assert_int_equal(l->a, 300000);
	assert_int_equal(l->b, 250000);
	assert_int_equal(l->c, 250000);
	assert_string_equal(l->text, "2");
	l = rec_find(r, "lien", x.deceased);
	assert_true(l->a == 0 && l->b == 0 && l->c == 0);
	assert_string_equal(l->text, "0");
	l = rec_find(r, "lien", x.other_plaintiff);
	assert_true(l->a == 50000 && l->b == 40000 && l->c == 30000);
	rec_ids(r, "bankruptcy", 1, x.bankruptcy);
	/* every field of the case type, in order, with its value or "" */
	rec_ids(r, "udf", 3, x.udf_hazard, x.udf_note, x.udf_empty);
	assert_string_equal(rec_find(r, "udf", x.udf_hazard)->text, "1");
	assert_string_equal(rec_find(r, "udf", x.udf_note)->text, "abc");
	assert_string_equal(rec_find(r, "udf", x.udf_empty)->text, "");
	rec_ids(r, "value", 1, x.value_row);
	rec_ids(r, "related", 1, x.related);
	rec_ids(r, "other", 1, x.other);

	/* flags in list order, only where their rule holds: not Serious Injury (the case is not
	 * marked), not UDF Empty (no value) */
	char flags[512] = "";
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].area, "flag") == 0) {
			strcat(flags, r->rows[i].text);
			strcat(flags, ";");
		}
	assert_string_equal(flags, "Bankruptcy;Referred Out;Deceased Plaintiff;SOL Past Due;"
				   "Minor Plaintiff;Critical Task;Has Liens;MDL;UDF Hazard;"
				   "UDF Note;Deadline Past Due;");

	/* the facts */
	assert_true(r->got_facts);
	const struct summary_facts *fa = &r->facts;
	assert_string_equal(fa->today, "2026-06-15");
	assert_true(fa->next_deadline.found);
	assert_int_equal(fa->next_deadline.d.id, x.sol_d);
	assert_true(fa->next_deadline.overdue);
	assert_int_equal(fa->total_coverage_cents, 35000000);   /* the defendants' only */
	assert_int_equal(fa->total_settlements_cents, 0);
	assert_true(fa->tab_incident_facts);
	assert_true(fa->tab_injuries);
	assert_true(fa->tab_liens);
	assert_true(fa->tab_other_cases);
	assert_true(fa->tab_surrogate);
	assert_true(fa->tab_bankruptcy);
	assert_true(fa->tab_related_cases);
	assert_true(fa->tab_other_plaintiffs);

	/* only the facts asked for: the areas they need are still read */
	struct summary_visitor only = {.on_facts = rec_facts};
	memset(r, 0, sizeof *r);
	assert_int_equal(case_summary_walk(f->c, &a, x.k, NOW, &only, r, &e), 0);
	rec_order(r, order, sizeof order);
	assert_string_equal(order, "facts");
	assert_int_equal(r->facts.next_deadline.d.id, x.sol_d);
	assert_int_equal(r->facts.total_coverage_cents, 35000000);
	assert_true(r->facts.tab_liens && r->facts.tab_bankruptcy && r->facts.tab_surrogate);
	assert_true(r->facts.tab_related_cases && r->facts.tab_other_cases);
	assert_true(r->facts.tab_other_plaintiffs && r->facts.tab_injuries);
	free(r);
}

static void walk_bare_case(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t k = add_case(f, "SUM-BARE", "Summary bare");
	/* one represented plaintiff with nothing else: a zero lien line, no tab but the facts */
	int64_t client = fx_person(f, "Barry", "Bare", "1990-05-05", "", "");
	int64_t p = fx_party(f, k, client, "plaintiff", true, "");
	/* a done deadline and a completed task do not count */
	fx_deadline(f, k, "plaintiff_sol", 0, "2020-01-01", true);
	fx_task(f, k, "critical", "", true);
	struct actor a;
	actor_system(&a);
	struct rec *r = calloc(1, sizeof *r);
	struct err e;
	err_clear(&e);
	assert_int_equal(case_summary_walk(f->c, &a, k, NOW, &rec_visitor, r, &e), 0);
	rec_ids(r, "party", 1, p);
	rec_ids(r, "lien", 1, p);
	const struct rec_row *l = rec_find(r, "lien", p);
	assert_true(l->a == 0 && l->b == 0 && l->c == 0);
	rec_ids(r, "task", 0);
	rec_ids(r, "deadline", 0);
	rec_ids(r, "note", 0);
	rec_ids(r, "appointment", 0);
	rec_ids(r, "flag", 0);
	/* the user-defined fields of the type are listed, without values */
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].area, "udf") == 0)
			assert_string_equal(r->rows[i].text, "");
	const struct summary_facts *fa = &r->facts;
	assert_true(r->got_facts);
	assert_false(fa->next_deadline.found);
	assert_int_equal(fa->total_coverage_cents, 0);
	assert_true(fa->tab_incident_facts);   /* always */
	assert_false(fa->tab_injuries);
	assert_false(fa->tab_liens);
	assert_false(fa->tab_other_cases);
	assert_false(fa->tab_surrogate);
	assert_false(fa->tab_bankruptcy);
	assert_false(fa->tab_related_cases);
	assert_false(fa->tab_other_plaintiffs);
	(void)w;
	free(r);
}

static void walk_stops_when_asked(void **state)
{
	FIXTURE(state);
	int64_t k = add_case(f, "SUM-STOP", "Summary stop");
	struct store_note n = {.case_id = k, .note_type_id = f->w.general, .at = NOW,
			       .created_by = f->w.owner, .body = "one"};
	RC(STORE_OK, store_note_insert(f->c, &n, NOW));
	struct actor a;
	actor_system(&a);
	struct rec *r = calloc(1, sizeof *r);
	r->stop_area = "note";
	struct err e;
	err_clear(&e);
	assert_int_equal(case_summary_walk(f->c, &a, k, NOW, &rec_visitor, r, &e), ERR_INTERNAL);
	assert_string_equal(e.message, "stopped");
	assert_false(r->got_facts);
	assert_string_equal(r->rows[r->n - 1].area, "note");
	free(r);
}

static void walk_follows_scope(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t k = add_case(f, "SUM-SCOPE", "Summary scope");
	int64_t mine = fx_person(f, "Cleo", "Client", "1985-01-01", "", "");
	int64_t theirs = fx_person(f, "Stan", "Stranger", "1985-01-01", "", "");
	fx_party(f, k, mine, "plaintiff", true, "");
	int64_t hidden = add_case(f, "SUM-HIDDEN", "Summary hidden");
	RC(STORE_OK, store_related_add(f->c, k, hidden, NOW));

	struct actor a = {.via = ACTOR_COOKIE};
	a.user.id = add_user(f, "summary.client");
	snprintf(a.user.role, sizeof a.user.role, "client");
	a.user.contact_id = theirs;
	struct rec *r = calloc(1, sizeof *r);
	struct err e;
	err_clear(&e);
	/* a client outside the case: not found, and nothing is visited */
	assert_int_equal(case_summary_walk(f->c, &a, k, NOW, &rec_visitor, r, &e), ERR_NOT_FOUND);
	assert_int_equal(r->n, 0);
	assert_int_equal(case_summary_walk(f->c, &a, 999999999, NOW, &rec_visitor, r, &e),
			 ERR_NOT_FOUND);
	/* the client of the case sees it, but not the related case they may not open */
	a.user.contact_id = mine;
	err_clear(&e);
	assert_int_equal(case_summary_walk(f->c, &a, k, NOW, &rec_visitor, r, &e), 0);
	rec_ids(r, "case", 1, k);
	rec_ids(r, "related", 0);
	assert_false(r->facts.tab_related_cases);
	(void)w;
	free(r);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest rules[] = {
		cmocka_unit_test(next_deadline_is_earliest_outstanding),
		cmocka_unit_test(next_deadline_overdue_before_today),
		cmocka_unit_test(next_deadline_ties_by_id),
		cmocka_unit_test(appointment_pending_rule),
		cmocka_unit_test(party_primary_labels),
		cmocka_unit_test(lien_totals_fall_back),
	};
	int failed = cmocka_run_group_tests_name("summary rules", rules, NULL, NULL);
	const struct CMUnitTest walks[] = {
		cmocka_unit_test(walk_full_case),
		cmocka_unit_test(walk_bare_case),
		cmocka_unit_test(walk_stops_when_asked),
		cmocka_unit_test(walk_follows_scope),
	};
	failed += store_tests_run("summary walk", walks, sizeof walks / sizeof walks[0]);
	return failed ? 1 : 0;
}
