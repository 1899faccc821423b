/* test_report_rules.c - the rules of case status reports (domain/report*.c): the options
 * (defaults, checks naming the member, the right they need, their JSON form both ways), the
 * masking of policy numbers and insured names, and over a store: how a preview groups an
 * advisor's cases into reports, picks each report's method and finds its issues, that applying
 * a send is idempotent (one note per case, one log entry, one e-mail however often it runs),
 * and the follow-up dates moved in both modes.
 *
 * The pure rules run once; the store tests run as one cmocka group per backend through the
 * store fixture (tests/unit/support/store_fixture.h). The HTTP side and real SMTP delivery are
 * tests/api/reports.test.mjs. */
#include "support/store_fixture.h"

#include "core/date.h"
#include "domain/follow_up.h"
#include "domain/report.h"
#include "domain/rights.h"
#include "jobs/status_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- options ---------------------------------------------------------------------------- */

static void options_defaults(void **state)
{
	struct report_options o;
	report_options_defaults(&o);
	assert_int_equal(o.advisors, REPORT_ADVISORS_ALL);
	assert_int_equal(o.cases, REPORT_CASES_ALL);
	assert_int_equal(o.method, REPORT_METHOD_PREFERRED);
	assert_int_equal(o.mask, REPORT_MASK_NONE);
	assert_string_equal(o.subject, "");
	assert_false(o.one_case_per_letter);
	struct err e;
	err_clear(&e);
	assert_int_equal(report_options_check(&o, &e), 0);
}

/* check_fails runs report_options_check and expects a 422 naming field. */
static void check_fails(struct report_options *o, const char *field)
{
	struct err e;
	err_clear(&e);
	assert_int_equal(report_options_check(o, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, field);
}

static void options_check_names_member(void **state)
{
	struct report_options o;
	report_options_defaults(&o);
	o.advisors = REPORT_ADVISORS_SELECTED;
	check_fails(&o, "advisor_ids");
	o.advisor_ids[0] = 4;
	o.advisor_ids[1] = 4;
	o.n_advisors = 2;
	check_fails(&o, "advisor_ids");
	o.n_advisors = 1;

	o.cases = REPORT_CASES_SELECTED;
	check_fails(&o, "case_ids");
	o.case_ids[0] = -3;
	o.n_cases = 1;
	check_fails(&o, "case_ids");
	o.case_ids[0] = 3;

	o.cases = REPORT_CASES_STAGE;
	check_fails(&o, "stage_status_id");
	o.stage_status_id = 12;
	struct err e;
	err_clear(&e);
	assert_int_equal(report_options_check(&o, &e), 0);
	assert_int_equal(o.n_cases, 0);   /* not selected cases: the list is dropped */

	o.cases = REPORT_CASES_FOLLOW_UP;
	check_fails(&o, "cases");         /* needs an office */
	o.office_id = 3;
	assert_int_equal(report_options_check(&o, &e), 0);
	assert_true(o.one_case_per_letter);
	assert_int_equal(o.stage_status_id, 0);

	snprintf(o.subject, sizeof o.subject, "Status\r\nBcc: someone@example.com");
	check_fails(&o, "subject");
	snprintf(o.subject, sizeof o.subject, "   ");
	assert_int_equal(report_options_check(&o, &e), 0);
	assert_string_equal(o.subject, "");
}

static void options_rights(void **state)
{
	struct report_options o;
	report_options_defaults(&o);
	assert_int_equal(report_options_right(&o), RIGHT_STATUS_REPORT_MASS_SEND);
	o.advisors = REPORT_ADVISORS_PRIMARY;
	o.cases = REPORT_CASES_STAGE;
	assert_int_equal(report_options_right(&o), RIGHT_STATUS_REPORT_MASS_SEND);
	o.cases = REPORT_CASES_SELECTED;
	assert_int_equal(report_options_right(&o), RIGHT_STATUS_REPORT_SELECTIVE_SEND);
	o.cases = REPORT_CASES_ALL;
	o.advisors = REPORT_ADVISORS_SELECTED;
	assert_int_equal(report_options_right(&o), RIGHT_STATUS_REPORT_SELECTIVE_SEND);
}

static void options_json_round_trip(void **state)
{
	struct report_options o, back;
	report_options_defaults(&o);
	o.office_id = 3;
	o.case_manager_id = 7;
	o.advisors = REPORT_ADVISORS_SELECTED;
	o.advisor_ids[0] = 11;
	o.advisor_ids[1] = 12;
	o.n_advisors = 2;
	o.cases = REPORT_CASES_STAGE;
	o.stage_status_id = 21;
	o.informal_child = true;
	o.pos_requirements = true;
	o.method = REPORT_METHOD_PRINT;
	o.show_logo = true;
	o.mask = REPORT_MASK_BOTH;
	snprintf(o.subject, sizeof o.subject, "Your cases");
	json_t *j = report_options_to_json(&o);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "advisors")), "selected");
	assert_string_equal(json_string_value(json_object_get(j, "cases")), "stage");
	assert_string_equal(json_string_value(json_object_get(j, "method")), "print");
	assert_string_equal(json_string_value(json_object_get(j, "mask")), "both");
	assert_int_equal(json_integer_value(json_object_get(j, "stage_status_id")), 21);
	const json_t *include = json_object_get(j, "include");
	assert_true(json_is_true(json_object_get(include, "pos_requirements")));
	assert_int_equal(json_array_size(json_object_get(j, "case_ids")), 0);
	struct err e;
	err_clear(&e);
	assert_int_equal(report_options_from_json(j, &back, &e), 0);
	json_decref(j);
	assert_int_equal(back.office_id, 3);
	assert_int_equal(back.case_manager_id, 7);
	assert_int_equal(back.advisors, REPORT_ADVISORS_SELECTED);
	assert_int_equal(back.n_advisors, 2);
	assert_int_equal(back.advisor_ids[1], 12);
	assert_int_equal(back.cases, REPORT_CASES_STAGE);
	assert_int_equal(back.stage_status_id, 21);
	assert_false(back.informal);
	assert_true(back.informal_child);
	assert_true(back.pos_requirements);
	assert_int_equal(back.method, REPORT_METHOD_PRINT);
	assert_true(back.show_logo);
	assert_int_equal(back.mask, REPORT_MASK_BOTH);
	assert_string_equal(back.subject, "Your cases");

	/* absent members keep their defaults; null ids are none */
	j = json_pack("{s:n, s:s}", "office_id", "mask", "policy");
	assert_int_equal(report_options_from_json(j, &back, &e), 0);
	json_decref(j);
	assert_int_equal(back.office_id, 0);
	assert_int_equal(back.mask, REPORT_MASK_POLICY);
	assert_int_equal(back.cases, REPORT_CASES_ALL);
}

/* from_json_fails parses text and expects code on field. */
static void from_json_fails(const char *text, int code, const char *field)
{
	json_t *j = json_loads(text, 0, NULL);
	assert_non_null(j);
	struct report_options o;
	struct err e;
	err_clear(&e);
	assert_int_equal(report_options_from_json(j, &o, &e), code);
	assert_string_equal(e.field, field);
	json_decref(j);
}

static void options_json_errors(void **state)
{
	from_json_fails("{\"colour\": 1}", ERR_INVALID, "colour");
	from_json_fails("{\"advisors\": \"some\"}", ERR_UNPROCESSABLE, "advisors");
	from_json_fails("{\"advisors\": 3}", ERR_INVALID, "advisors");
	from_json_fails("{\"cases\": \"due\"}", ERR_UNPROCESSABLE, "cases");
	from_json_fails("{\"method\": \"fax\"}", ERR_UNPROCESSABLE, "method");
	from_json_fails("{\"mask\": \"all\"}", ERR_UNPROCESSABLE, "mask");
	from_json_fails("{\"office_id\": \"3\"}", ERR_INVALID, "office_id");
	from_json_fails("{\"office_id\": -3}", ERR_UNPROCESSABLE, "office_id");
	from_json_fails("{\"include\": {\"formal\": true}}", ERR_INVALID, "include.formal");
	from_json_fails("{\"include\": {\"group\": 1}}", ERR_INVALID, "include.group");
	from_json_fails("{\"advisors\": \"selected\", \"advisor_ids\": []}", ERR_UNPROCESSABLE,
			"advisor_ids");
	from_json_fails("{\"advisors\": \"selected\", \"advisor_ids\": [0]}", ERR_UNPROCESSABLE,
			"advisor_ids");
	from_json_fails("{\"advisor_ids\": [\"a\"]}", ERR_INVALID, "advisor_ids");
	from_json_fails("{\"cases\": \"stage\"}", ERR_UNPROCESSABLE, "stage_status_id");
	from_json_fails("{\"cases\": \"follow_up\"}", ERR_UNPROCESSABLE, "cases");
	from_json_fails("{\"one_case_per_letter\": \"yes\"}", ERR_INVALID, "one_case_per_letter");
	from_json_fails("{\"subject\": 5}", ERR_INVALID, "subject");

	char big[300];
	memset(big, 'x', sizeof big);
	snprintf(big, sizeof big, "{\"subject\": \"%0250d\"}", 0);
	from_json_fails(big, ERR_UNPROCESSABLE, "subject");

	/* 1001 ids are too many */
	size_t cap = 16 + 1001 * 6;
	char *text = malloc(cap);
	assert_non_null(text);
	size_t n = (size_t)snprintf(text, cap, "{\"cases\": \"selected\", \"case_ids\": [");
	for (int i = 1; i <= 1001; i++)
		n += (size_t)snprintf(text + n, cap - n, "%s%d", i > 1 ? "," : "", i);
	snprintf(text + n, cap - n, "]}");
	from_json_fails(text, ERR_UNPROCESSABLE, "case_ids");
	free(text);
}

/* ---- masking ---------------------------------------------------------------------------- */

static void masking(void **state)
{
	char out[64];
	report_mask_policy("EVL-20-0045871", out, sizeof out);
	assert_string_equal(out, "**********5871");
	report_mask_policy("12345", out, sizeof out);
	assert_string_equal(out, "*2345");
	report_mask_policy("1234", out, sizeof out);   /* too short to show any of it */
	assert_string_equal(out, "****");
	report_mask_policy("", out, sizeof out);
	assert_string_equal(out, "");
	report_mask_policy("ÄÖ-12345", out, sizeof out);   /* characters, not bytes */
	assert_string_equal(out, "****2345");

	report_mask_initials("John Smith", out, sizeof out);
	assert_string_equal(out, "J. S.");
	report_mask_initials("  mary   ann o'neil ", out, sizeof out);
	assert_string_equal(out, "M. A. O.");
	report_mask_initials("Élodie Durand", out, sizeof out);
	assert_string_equal(out, "É. D.");
	report_mask_initials("", out, sizeof out);
	assert_string_equal(out, "");
	char small[6];
	report_mask_initials("Ann Bea Cid", small, sizeof small);
	assert_string_equal(small, "A. B.");
}

/* ---- a small world of pending cases ----------------------------------------------------- */

struct rworld {
	int64_t office;
	int64_t primary_role;            /* a primary advisor role */
	int64_t cases[3];
	int64_t brooks, carter, lang;    /* advisors */
	struct actor a;
};

static int64_t r_office(struct fixture *f, const char *name)
{
	struct store_office o = {0};
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.address, sizeof o.address, "1 Main Street, Springfield");
	RC(STORE_OK, store_office_insert(f->c, &o));
	return o.id;
}

/* r_contact adds an advisor contact with an e-mail, a preferred method and, when line1 is not
 * NULL, a primary postal address. */
static int64_t r_contact(struct fixture *f, const char *first, const char *last,
			 const char *email, const char *pref, const char *line1, const char *city)
{
	struct store_contact ct = {0};
	snprintf(ct.kind, sizeof ct.kind, "person");
	snprintf(ct.first_name, sizeof ct.first_name, "%s", first);
	snprintf(ct.last_name, sizeof ct.last_name, "%s", last);
	snprintf(ct.email, sizeof ct.email, "%s", email);
	snprintf(ct.preferred_comm, sizeof ct.preferred_comm, "%s", pref);
	RC(STORE_OK, store_contact_insert(f->c, &ct, 700));
	if (line1) {
		struct store_contact_address ad = {.primary = true};
		snprintf(ad.line1, sizeof ad.line1, "%s", line1);
		snprintf(ad.city, sizeof ad.city, "%s", city);
		snprintf(ad.postcode, sizeof ad.postcode, "62701");
		RC(STORE_OK, store_contact_addresses_set(f->c, ct.id, &ad, 1));
	}
	return ct.id;
}

/* r_case adds an insurance case of an office in the App Received stage, with a policy whose
 * next follow-up is next_follow_up. */
static int64_t r_case(struct fixture *f, const char *number, int64_t office,
		      const char *next_follow_up)
{
	struct world *w = world_make(f);
	struct store_case k;
	case_init(&k, w, number, "Pending policy", w->life_type);
	k.office_id = office;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	add_status(f, k.id, w->stage_type, w->app_received, "2026-01-02");
	RC(STORE_OK, store_case_set_stage(f->c, k.id, w->app_received, "", 6000));
	struct store_policy p = {0};
	p.case_id = k.id;
	snprintf(p.policy_number, sizeof p.policy_number, "POL-%.30s", number);
	p.amount_cents = 25000000;
	snprintf(p.kind, sizeof p.kind, "formal");
	snprintf(p.next_follow_up, sizeof p.next_follow_up, "%s", next_follow_up);
	RC(STORE_OK, store_policy_put(f->c, &p, 7000));
	return k.id;
}

/* rworld_make builds, under a prefix, an office with three cases: Brooks (e-mail) on cases 0
 * and 1 as primary advisor, Carter (letter, no address) on case 0, Lang (e-mail, invalid) on
 * case 1; case 2 has nobody. The actor is the world's owner holding both report rights. */
static void rworld_make(struct fixture *f, const char *prefix, struct rworld *r)
{
	struct world *w = world_make(f);
	char name[64];
	memset(r, 0, sizeof *r);
	snprintf(name, sizeof name, "%s office", prefix);
	r->office = r_office(f, name);
	struct store_setup_item role = {.kind = SETUP_ROLE, .category = "advisor",
					.primary_advisor = true, .position = 9};
	snprintf(role.name, sizeof role.name, "%s Primary", prefix);
	r->primary_role = setup_add(f, role);
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "%s-%d", prefix, i + 1);
		r->cases[i] = r_case(f, name, r->office, "2026-01-05");
	}
	r->brooks = r_contact(f, "Avery", "Brooks", "avery@example.com", "email", "12 Oak St",
			      "Springfield");
	r->carter = r_contact(f, "Blake", "Carter", "blake@example.com", "letter", NULL, NULL);
	r->lang = r_contact(f, "Victor", "Lang", "victor@", "email", NULL, NULL);
	add_staff(f, r->cases[0], 0, r->brooks, r->primary_role, "2026-01-01");
	add_staff(f, r->cases[1], 0, r->brooks, r->primary_role, "2026-01-01");
	add_staff(f, r->cases[0], 0, r->carter, w->adviser, "2026-01-01");
	add_staff(f, r->cases[1], 0, r->lang, w->adviser, "2026-01-01");
	memset(&r->a, 0, sizeof r->a);
	r->a.via = ACTOR_TOKEN;
	RC(STORE_OK, store_user_get(f->c, w->owner, &r->a.user));
	r->a.rights = (1u << RIGHT_STATUS_REPORT_MASS_SEND) |
		      (1u << RIGHT_STATUS_REPORT_SELECTIVE_SEND) | (1u << RIGHT_CASE_EDIT);
}

/* What a preview walk saw, line by line. */
struct seen {
	int n;
	struct {
		int64_t contact;
		char method[8];
		int n_cases;
		int64_t case0;
		char issues[STORE_REPORT_ISSUES_MAX + 1];
		char outcome[12];
	} l[16];
};

static int seen_line(const struct report_line *l, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 16) {
		s->l[s->n].contact = l->item->contact_id;
		snprintf(s->l[s->n].method, sizeof s->l[0].method, "%s", l->item->method);
		s->l[s->n].n_cases = l->n_cases;
		s->l[s->n].case0 = l->n_cases ? l->cases[0].id : 0;
		snprintf(s->l[s->n].issues, sizeof s->l[0].issues, "%s", l->item->issues);
		snprintf(s->l[s->n].outcome, sizeof s->l[0].outcome, "%s", l->outcome);
	}
	s->n++;
	return 0;
}

/* r_preview makes a preview of o and walks it into s. */
static int64_t r_preview(struct fixture *f, struct rworld *r, struct report_options *o,
			 struct seen *s, struct report_counts *k)
{
	struct err e;
	err_clear(&e);
	int64_t id = 0;
	int rc = report_preview(f->c, &r->a, o, &id, &e);
	if (rc != 0)
		fail_msg("report_preview: %s (%s) / %s", e.message, e.field,
			 store_last_error(f->c));
	memset(s, 0, sizeof *s);
	assert_int_equal(report_preview_walk(f->c, &r->a, id, seen_line, s, k, &e), 0);
	return id;
}

static void preview_groups_methods_issues(void **state)
{
	FIXTURE(state);
	struct rworld r;
	rworld_make(f, "PGM", &r);
	struct report_options o;
	report_options_defaults(&o);
	o.office_id = r.office;
	struct seen s;
	struct report_counts k;
	r_preview(f, &r, &o, &s, &k);
	/* by last name: Brooks (both cases, e-mail), Carter (letter), Lang (e-mail) */
	assert_int_equal(s.n, 3);
	assert_int_equal(s.l[0].contact, r.brooks);
	assert_string_equal(s.l[0].method, "email");
	assert_int_equal(s.l[0].n_cases, 2);
	assert_string_equal(s.l[0].issues, "");
	assert_int_equal(s.l[1].contact, r.carter);
	assert_string_equal(s.l[1].method, "letter");
	assert_non_null(strstr(s.l[1].issues, "address_missing"));
	assert_int_equal(s.l[2].contact, r.lang);
	assert_non_null(strstr(s.l[2].issues, "email_invalid"));
	assert_int_equal(k.reports, 3);
	assert_int_equal(k.advisors, 3);
	assert_int_equal(k.cases, 2);
	assert_int_equal(k.email, 2);
	assert_int_equal(k.letter, 1);
	assert_int_equal(k.issues, 2);

	/* one case per letter: Brooks gets two reports */
	o.one_case_per_letter = true;
	r_preview(f, &r, &o, &s, &k);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.l[0].contact, r.brooks);
	assert_int_equal(s.l[1].contact, r.brooks);
	assert_int_equal(s.l[0].n_cases, 1);
	assert_int_equal(k.advisors, 3);

	/* print all: letters; Brooks has an address, Lang none */
	o.one_case_per_letter = false;
	o.method = REPORT_METHOD_PRINT;
	r_preview(f, &r, &o, &s, &k);
	assert_string_equal(s.l[0].method, "letter");
	assert_string_equal(s.l[0].issues, "");
	assert_non_null(strstr(s.l[2].issues, "address_missing"));

	/* e-mail all: Carter's address is good */
	o.method = REPORT_METHOD_EMAIL;
	r_preview(f, &r, &o, &s, &k);
	assert_string_equal(s.l[1].method, "email");
	assert_string_equal(s.l[1].issues, "");

	/* primary advisors only: Brooks alone */
	o.advisors = REPORT_ADVISORS_PRIMARY;
	r_preview(f, &r, &o, &s, &k);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.l[0].contact, r.brooks);

	/* an incomplete address is an issue for a letter */
	struct store_contact_address ad = {.primary = true};
	snprintf(ad.line1, sizeof ad.line1, "5 Elm Road");
	RC(STORE_OK, store_contact_addresses_set(f->c, r.carter, &ad, 1));
	report_options_defaults(&o);
	o.office_id = r.office;
	r_preview(f, &r, &o, &s, &k);
	assert_non_null(strstr(s.l[1].issues, "address_incomplete"));
}

static void preview_rights(void **state)
{
	FIXTURE(state);
	struct rworld r;
	rworld_make(f, "PRT", &r);
	struct report_options o;
	report_options_defaults(&o);
	o.office_id = r.office;
	struct err e;
	err_clear(&e);
	int64_t id = 0;
	r.a.rights = 1u << RIGHT_STATUS_REPORT_SELECTIVE_SEND;
	assert_int_equal(report_preview(f->c, &r.a, &o, &id, &e), ERR_FORBIDDEN);
	o.cases = REPORT_CASES_SELECTED;
	o.case_ids[0] = r.cases[0];
	o.n_cases = 1;
	assert_int_equal(report_preview(f->c, &r.a, &o, &id, &e), 0);
	r.a.rights = 1u << RIGHT_STATUS_REPORT_MASS_SEND;
	int64_t send = 0;
	assert_int_equal(report_send(f->c, &r.a, id, &send, NULL, &e), ERR_FORBIDDEN);

	/* follow-up mode needs an office with stage-based follow-ups */
	report_options_defaults(&o);
	o.office_id = r.office;
	o.cases = REPORT_CASES_FOLLOW_UP;
	err_clear(&e);
	assert_int_equal(report_preview(f->c, &r.a, &o, &id, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "cases");
}

/* r_apply_all applies every report of a send; returns how many calls applied one. */
static int count_applied(const struct store_report_item *it, void *ctx)
{
	*(int *)ctx += it->applied;
	return 0;
}

/* r_apply_all applies every report of the send not yet applied (the calls apply a few per
 * transaction) and says how many this call applied. */
static int r_apply_all(struct fixture *f, int64_t send)
{
	struct mail_config cfg;
	mail_config_defaults(&cfg);
	struct store_report_send s;
	assert_int_equal(store_report_send_get(f->c, send, &s), STORE_OK);
	int before = 0, after = 0;
	assert_int_equal(store_report_item_list(f->c, s.preview_id, false, NULL, count_applied,
						&before), STORE_OK);
	bool more = true;
	while (more) {
		struct err e;
		err_clear(&e);
		int rc = report_send_apply_next(f->c, &cfg, send, &more, &e);
		if (rc != 0)
			fail_msg("apply: %s / %s", e.message, store_last_error(f->c));
	}
	assert_int_equal(store_report_item_list(f->c, s.preview_id, false, NULL, count_applied,
						&after), STORE_OK);
	return after - before;
}

static int count_note(const struct store_note *n, void *ctx)
{
	if (strcmp(n->note_type_name, "Pending Case") == 0)
		(*(int *)ctx)++;
	return 0;
}

static int notes_on(struct fixture *f, int64_t case_id)
{
	int n = 0;
	RC(STORE_OK, store_note_list(f->c, case_id, "", 0, 0, 100, count_note, &n));
	return n;
}

static int count_log(const struct store_advisor_log *l, void *ctx)
{
	(*(int *)ctx)++;
	return 0;
}

static int log_of(struct fixture *f, int64_t contact)
{
	int n = 0;
	RC(STORE_OK, store_advisor_log_list(f->c, contact, 0, 100, count_log, &n));
	return n;
}

static void send_apply_idempotent(void **state)
{
	FIXTURE(state);
	struct rworld r;
	rworld_make(f, "SAI", &r);
	struct report_options o;
	report_options_defaults(&o);
	o.office_id = r.office;
	struct seen s;
	struct report_counts k;
	int64_t preview = r_preview(f, &r, &o, &s, &k);
	struct err e;
	err_clear(&e);
	int64_t send = 0, again = 0;
	bool created = false;
	assert_int_equal(report_send(f->c, &r.a, preview, &send, &created, &e), 0);
	assert_true(created);
	assert_int_equal(r_apply_all(f, send), 3);
	/* a second run, and a second send of the same preview, change nothing */
	assert_int_equal(r_apply_all(f, send), 0);
	assert_int_equal(report_send(f->c, &r.a, preview, &again, &created, &e), 0);
	assert_false(created);
	assert_int_equal(again, send);
	assert_int_equal(r_apply_all(f, send), 0);

	/* Brooks's report was applied: a note on each of the two cases, one log entry each */
	assert_int_equal(notes_on(f, r.cases[0]), 1);
	assert_int_equal(notes_on(f, r.cases[1]), 1);
	assert_int_equal(notes_on(f, r.cases[2]), 0);
	assert_int_equal(log_of(f, r.brooks), 2);
	assert_int_equal(log_of(f, r.carter), 0);   /* failed: no address */
	char run[32];
	report_run_id(send, run);
	int64_t mails = 0;
	RC(STORE_OK, store_mail_count(f->c, run, "", &mails));
	assert_int_equal(mails, 1);

	struct store_report_send snd;
	bool done = true;
	memset(&s, 0, sizeof s);
	assert_int_equal(report_result(f->c, &r.a, send, &snd, seen_line, &s, &k, &done, &e), 0);
	assert_string_equal(snd.state, "prepared");
	assert_string_equal(snd.letters_state, "none");   /* the only letter failed */
	assert_false(done);                                /* Brooks's e-mail is still queued */
	assert_string_equal(s.l[0].outcome, "queued");
	assert_string_equal(s.l[1].outcome, "failed");
	assert_string_equal(s.l[2].outcome, "failed");
	assert_int_equal(k.queued, 1);
	assert_int_equal(k.failed, 2);
}

static void get_policy_dates(struct fixture *f, int64_t case_id, char *next, char *last)
{
	struct store_policy p;
	RC(STORE_OK, store_policy_get(f->c, case_id, &p));
	snprintf(next, STORE_DATE_LEN, "%s", p.next_follow_up);
	snprintf(last, STORE_DATE_LEN, "%s", p.last_follow_up);
}

static void follow_up_moves(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct rworld r;
	rworld_make(f, "FUM", &r);
	struct report_options o;
	report_options_defaults(&o);
	o.office_id = r.office;
	struct seen s;
	struct report_counts k;
	struct err e;
	err_clear(&e);

	/* no stage-based follow-ups: next moves to last, next is cleared */
	int64_t preview = r_preview(f, &r, &o, &s, &k), send = 0;
	assert_int_equal(report_send(f->c, &r.a, preview, &send, NULL, &e), 0);
	r_apply_all(f, send);
	char next[STORE_DATE_LEN], last[STORE_DATE_LEN];
	get_policy_dates(f, r.cases[0], next, last);
	assert_string_equal(next, "");
	assert_string_equal(last, "2026-01-05");
	get_policy_dates(f, r.cases[2], next, last);   /* nobody reported on it */
	assert_string_equal(next, "2026-01-05");

	/* stage-based: due cases only, one per letter; last = today, next = today + interval */
	struct rworld r2;
	rworld_make(f, "FUS", &r2);
	struct store_follow_up_stage st = {.status_id = w->app_received, .interval_days = 10};
	snprintf(st.report_text, sizeof st.report_text, "We are waiting for the application.");
	RC(STORE_OK, store_follow_up_set(f->c, r2.office, "stage", &st, 1));
	char today[DATE_LEN], later[DATE_LEN], future[DATE_LEN];
	int64_t day;
	date_today(today);
	assert_true(date_parse(today, &day));
	date_format(day + 10, later);
	date_format(day + 30, future);
	struct store_policy p;
	RC(STORE_OK, store_policy_get(f->c, r2.cases[1], &p));
	snprintf(p.next_follow_up, sizeof p.next_follow_up, "%s", future);  /* not due */
	RC(STORE_OK, store_policy_put(f->c, &p, 8000));
	report_options_defaults(&o);
	o.office_id = r2.office;
	o.cases = REPORT_CASES_FOLLOW_UP;
	preview = r_preview(f, &r2, &o, &s, &k);
	assert_int_equal(s.n, 2);                        /* case 0: Brooks and Carter */
	assert_int_equal(s.l[0].case0, r2.cases[0]);

	struct store_report_preview pv;
	struct report_options back;
	assert_int_equal(report_preview_read(f->c, &r2.a, preview, &pv, &back, &e), 0);
	assert_true(back.one_case_per_letter);

	/* the stage's text is in the report */
	struct store_report_item it;
	memset(&it, 0, sizeof it);
	int64_t item_id = 0;
	RC(STORE_OK, store_report_item_next_unapplied(f->c, preview, 0, &item_id));
	RC(STORE_OK, store_report_item_get(f->c, item_id, &it));
	struct report_doc d;
	report_doc_init(&d);
	assert_int_equal(report_build_doc(f->c, &back, pv.today, &it, &d, &e), 0);
	assert_int_equal(d.n_cases, 1);
	assert_string_equal(d.cases[0].follow_up_text, "We are waiting for the application.");
	assert_string_equal(d.cases[0].amount, "$250,000.00");
	report_doc_cleanup(&d);

	assert_int_equal(report_send(f->c, &r2.a, preview, &send, NULL, &e), 0);
	r_apply_all(f, send);
	get_policy_dates(f, r2.cases[0], next, last);
	assert_string_equal(last, today);
	assert_string_equal(next, later);
	get_policy_dates(f, r2.cases[1], next, last);
	assert_string_equal(next, future);
	assert_string_equal(last, "");
}

static void build_doc_masks(void **state)
{
	FIXTURE(state);
	struct rworld r;
	rworld_make(f, "BDM", &r);
	int64_t insured = add_contact(f, "person", "James", "Whitfield", "");
	struct store_policy p;
	RC(STORE_OK, store_policy_get(f->c, r.cases[0], &p));
	p.insured_contact_id = insured;
	snprintf(p.policy_number, sizeof p.policy_number, "EVL-20-0045871");
	RC(STORE_OK, store_policy_put(f->c, &p, 8000));
	struct report_options o;
	report_options_defaults(&o);
	o.office_id = r.office;
	o.mask = REPORT_MASK_BOTH;
	snprintf(o.subject, sizeof o.subject, "Where things stand");
	struct seen s;
	struct report_counts k;
	int64_t preview = r_preview(f, &r, &o, &s, &k);
	int64_t item_id = 0;
	struct store_report_item it;
	RC(STORE_OK, store_report_item_next_unapplied(f->c, preview, 0, &item_id));
	RC(STORE_OK, store_report_item_get(f->c, item_id, &it));
	assert_int_equal(it.contact_id, r.brooks);
	struct report_doc d;
	report_doc_init(&d);
	struct err e;
	err_clear(&e);
	assert_int_equal(report_build_doc(f->c, &o, "2026-02-01", &it, &d, &e), 0);
	assert_int_equal(d.n_cases, 2);
	assert_string_equal(d.subject, "Where things stand");
	assert_string_equal(d.date, "2026-02-01");
	assert_string_equal(d.advisor_name, "Avery Brooks");
	assert_string_equal(d.address_lines[0], "12 Oak St");
	assert_string_equal(d.cases[0].policy_number, "**********5871");
	assert_string_equal(d.cases[0].insured, "J. W.");
	assert_string_equal(d.office_name, "BDM office");
	report_doc_cleanup(&d);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest rules[] = {
		cmocka_unit_test(options_defaults),
		cmocka_unit_test(options_check_names_member),
		cmocka_unit_test(options_rights),
		cmocka_unit_test(options_json_round_trip),
		cmocka_unit_test(options_json_errors),
		cmocka_unit_test(masking),
	};
	int failed = cmocka_run_group_tests_name("report rules", rules, NULL, NULL);
	const struct CMUnitTest store[] = {
		cmocka_unit_test(preview_groups_methods_issues),
		cmocka_unit_test(preview_rights),
		cmocka_unit_test(send_apply_idempotent),
		cmocka_unit_test(follow_up_moves),
		cmocka_unit_test(build_doc_masks),
	};
	failed += store_tests_run("report store", store, sizeof store / sizeof store[0]);
	return failed ? 1 : 0;
}
