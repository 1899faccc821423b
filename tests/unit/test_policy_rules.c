/* test_policy_rules.c - the rules of pending cases that the status reports build on: the kinds
 * of pending case and the requirement statuses (pure), and over a store (one cmocka group per
 * backend through tests/unit/support/store_fixture.h): an office's follow-up setup and its
 * checks, whether an office uses stage-based follow-ups, what a sent report does to a case's
 * follow-up dates in both modes (and that doing it twice on one day changes nothing more), and
 * the firm's report settings. The HTTP side is tests/api/policy.test.mjs. */
#include "support/store_fixture.h"

#include "domain/follow_up.h"
#include "domain/policy.h"
#include "domain/requirement.h"
#include "domain/rights.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- pure rules ------------------------------------------------------------------------- */

static void policy_kinds(void **state)
{
	assert_true(policy_kind_valid("formal"));
	assert_true(policy_kind_valid("informal"));
	assert_true(policy_kind_valid("informal_child"));
	assert_true(policy_kind_valid("group"));
	assert_false(policy_kind_valid(""));
	assert_false(policy_kind_valid("Formal"));
	assert_false(policy_kind_valid("informal child"));
}

static void requirement_statuses(void **state)
{
	assert_true(requirement_status_valid("outstanding"));
	assert_true(requirement_status_valid("received"));
	assert_true(requirement_status_valid("waived"));
	assert_false(requirement_status_valid("pending"));
	assert_false(requirement_status_valid(""));
	assert_false(requirement_status_valid("RECEIVED"));
}

/* ---- over a store ----------------------------------------------------------------------- */

/* actor_of makes an actor of a role with its default rights. */
static struct actor actor_of(const char *role)
{
	struct actor a;
	memset(&a, 0, sizeof a);
	a.via = ACTOR_COOKIE;
	a.user.id = 1;
	snprintf(a.user.role, sizeof a.user.role, "%s", role);
	a.rights = rights_role_default(role);
	return a;
}

static int64_t add_office(struct fixture *f, const char *name)
{
	struct store_office o = {0};
	snprintf(o.name, sizeof o.name, "%s", name);
	RC(STORE_OK, store_office_insert(f->c, &o));
	return o.id;
}

/* add_pending inserts an insurance case in an office at a stage and returns its id. */
static int64_t add_pending(struct fixture *f, const char *number, int64_t office,
			   int64_t stage)
{
	struct world *w = world_make(f);
	struct store_case k;
	case_init(&k, w, number, number, w->life_type);
	k.office_id = office;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	if (stage) {
		add_status(f, k.id, w->stage_type, stage, "2026-01-10");
		RC(STORE_OK, store_case_set_stage(f->c, k.id, stage, "", 5000));
	}
	return k.id;
}

/* put_dates gives a case a policy row with these follow-up dates. */
static void put_dates(struct fixture *f, int64_t case_id, const char *next, const char *last)
{
	struct store_policy p = {.case_id = case_id, .amount_cents = -1};
	snprintf(p.kind, sizeof p.kind, "formal");
	snprintf(p.next_follow_up, sizeof p.next_follow_up, "%s", next);
	snprintf(p.last_follow_up, sizeof p.last_follow_up, "%s", last);
	RC(STORE_OK, store_policy_put(f->c, &p, 7000));
}

/* stage_setup fills s with method and up to two stages. */
static void stage_setup(struct follow_up_setup *s, const char *method, int64_t st1, int64_t d1,
			int64_t st2, int64_t d2)
{
	memset(s, 0, sizeof *s);
	snprintf(s->method, sizeof s->method, "%s", method);
	if (st1) {
		s->stages[s->n_stages].status_id = st1;
		s->stages[s->n_stages].interval_days = d1;
		snprintf(s->stages[s->n_stages].report_text, sizeof s->stages[0].report_text,
			 "  text %lld  ", (long long)st1);
		s->n_stages++;
	}
	if (st2) {
		s->stages[s->n_stages].status_id = st2;
		s->stages[s->n_stages].interval_days = d2;
		s->n_stages++;
	}
}

static void follow_up_setup_rules(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	static struct follow_up_setup s, got;
	struct actor sys;
	actor_system(&sys);
	struct err e;
	err_clear(&e);
	int64_t office = add_office(f, "Follow-up rules office");

	assert_int_equal(follow_up_get(f->c, &sys, office, &got, &e), 0);
	assert_string_equal(got.method, "none");
	assert_int_equal(got.n_stages, 0);
	assert_false(follow_up_stage_based(f->c, office));

	/* stages come back in their statuses' order (App Received is at position 0), trimmed */
	stage_setup(&s, "stage", w->intake, 5, w->app_received, 10);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), 0);
	assert_int_equal(follow_up_get(f->c, &sys, office, &got, &e), 0);
	assert_string_equal(got.method, "stage");
	assert_int_equal(got.n_stages, 2);
	assert_int_equal(got.stages[0].status_id, w->app_received);
	assert_string_equal(got.stages[0].status_name, "App Received");
	assert_int_equal(got.stages[0].interval_days, 10);
	assert_string_equal(got.stages[0].report_text, "");
	assert_int_equal(got.stages[1].status_id, w->intake);
	char text[32];
	snprintf(text, sizeof text, "text %lld", (long long)w->intake);
	assert_string_equal(got.stages[1].report_text, text);
	assert_true(follow_up_stage_based(f->c, office));
	assert_false(follow_up_stage_based(f->c, 0));
	assert_false(follow_up_stage_based(f->c, 999999999));

	/* the checks, each naming its field; nothing is written */
	stage_setup(&s, "weekly", 0, 0, 0, 0);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "method");
	stage_setup(&s, "stage", w->rec_requested, 5, 0, 0);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "stages[0].status_id");
	stage_setup(&s, "stage", w->intake, 5, w->intake, 6);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "stages[1].status_id");
	stage_setup(&s, "stage", w->intake, 5, 999999999, 6);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "stages[1].status_id");
	stage_setup(&s, "stage", w->intake, 0, 0, 0);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "stages[0].interval_days");
	stage_setup(&s, "stage", w->intake, 1, w->app_received, 366);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "stages[1].interval_days");
	stage_setup(&s, "none", 0, 0, 0, 0);
	assert_int_equal(follow_up_set(f->c, &sys, 999999999, &s, &e), ERR_NOT_FOUND);
	assert_int_equal(follow_up_get(f->c, &sys, office, &got, &e), 0);
	assert_int_equal(got.n_stages, 2);

	/* rights: staff read, only admin writes; advisors and clients neither */
	struct actor staff = actor_of("staff"), advisor = actor_of("advisor");
	assert_int_equal(follow_up_get(f->c, &staff, office, &got, &e), 0);
	assert_int_equal(follow_up_set(f->c, &staff, office, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(follow_up_get(f->c, &advisor, office, &got, &e), ERR_FORBIDDEN);
	assert_int_equal(follow_up_get(f->c, &sys, 999999999, &got, &e), ERR_NOT_FOUND);
}

static void after_send_without_stage_follow_ups(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct err e;
	err_clear(&e);
	int64_t office = add_office(f, "No follow-ups office");
	int64_t k = add_pending(f, "FU-NONE-1", office, w->app_received);
	put_dates(f, k, "2026-06-10", "2026-05-01");

	assert_int_equal(follow_up_after_send(f->c, k, "2026-06-12", &e), 0);
	struct store_policy p;
	RC(STORE_OK, store_policy_get(f->c, k, &p));
	assert_string_equal(p.next_follow_up, "");
	assert_string_equal(p.last_follow_up, "2026-06-10");   /* next moved to last */
	int64_t version = p.version;

	/* again: next is blank, nothing moves and nothing is written */
	assert_int_equal(follow_up_after_send(f->c, k, "2026-06-12", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, k, &p));
	assert_string_equal(p.last_follow_up, "2026-06-10");
	assert_int_equal(p.version, version);

	/* a case without policy data, and one without an office: no row is made */
	int64_t bare = add_pending(f, "FU-NONE-2", office, w->app_received);
	assert_int_equal(follow_up_after_send(f->c, bare, "2026-06-12", &e), 0);
	RC(STORE_NOT_FOUND, store_policy_get(f->c, bare, &p));
	int64_t homeless = add_pending(f, "FU-NONE-3", 0, w->app_received);
	put_dates(f, homeless, "2026-06-01", "");
	assert_int_equal(follow_up_after_send(f->c, homeless, "2026-06-12", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, homeless, &p));
	assert_string_equal(p.next_follow_up, "");
	assert_string_equal(p.last_follow_up, "2026-06-01");

	assert_int_equal(follow_up_after_send(f->c, 999999999, "2026-06-12", &e), ERR_NOT_FOUND);
}

static void after_send_with_stage_follow_ups(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	static struct follow_up_setup s;
	struct actor sys;
	actor_system(&sys);
	struct err e;
	err_clear(&e);
	int64_t office = add_office(f, "Stage follow-ups office");
	stage_setup(&s, "stage", w->app_received, 10, 0, 0);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), 0);

	/* the stage has an interval: last = today, next = today + interval (across a month) */
	int64_t k = add_pending(f, "FU-STAGE-1", office, w->app_received);
	put_dates(f, k, "2026-06-20", "2026-05-01");
	assert_int_equal(follow_up_after_send(f->c, k, "2026-06-25", &e), 0);
	struct store_policy p;
	RC(STORE_OK, store_policy_get(f->c, k, &p));
	assert_string_equal(p.last_follow_up, "2026-06-25");
	assert_string_equal(p.next_follow_up, "2026-07-05");
	int64_t version = p.version;
	assert_int_equal(follow_up_after_send(f->c, k, "2026-06-25", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, k, &p));
	assert_string_equal(p.next_follow_up, "2026-07-05");
	assert_int_equal(p.version, version);   /* the same day again: nothing written */

	/* a case without policy data gets its row, formal, with the dates */
	int64_t bare = add_pending(f, "FU-STAGE-2", office, w->app_received);
	assert_int_equal(follow_up_after_send(f->c, bare, "2026-12-28", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, bare, &p));
	assert_string_equal(p.kind, "formal");
	assert_string_equal(p.last_follow_up, "2026-12-28");
	assert_string_equal(p.next_follow_up, "2027-01-07");

	/* a stage without a row in the setup, or no stage: the dates stay */
	int64_t other = add_pending(f, "FU-STAGE-3", office, w->intake);
	put_dates(f, other, "2026-06-20", "2026-05-01");
	assert_int_equal(follow_up_after_send(f->c, other, "2026-06-25", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, other, &p));
	assert_string_equal(p.next_follow_up, "2026-06-20");
	assert_string_equal(p.last_follow_up, "2026-05-01");
	int64_t none = add_pending(f, "FU-STAGE-4", office, 0);
	put_dates(f, none, "2026-06-20", "");
	assert_int_equal(follow_up_after_send(f->c, none, "2026-06-25", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, none, &p));
	assert_string_equal(p.next_follow_up, "2026-06-20");

	/* the office turns follow-ups off: the case falls back to moving next to last */
	stage_setup(&s, "none", w->app_received, 10, 0, 0);
	assert_int_equal(follow_up_set(f->c, &sys, office, &s, &e), 0);
	assert_int_equal(follow_up_after_send(f->c, k, "2026-06-26", &e), 0);
	RC(STORE_OK, store_policy_get(f->c, k, &p));
	assert_string_equal(p.next_follow_up, "");
	assert_string_equal(p.last_follow_up, "2026-07-05");
}

static void report_settings_defaults_and_rules(void **state)
{
	FIXTURE(state);
	struct actor sys, staff = actor_of("staff"), client = actor_of("client");
	actor_system(&sys);
	struct err e;
	err_clear(&e);
	struct report_settings s, got;
	assert_int_equal(report_settings_get(f->c, &got, &e), 0);
	assert_string_equal(got.default_subject, REPORT_SETTINGS_SUBJECT_DEFAULT);
	assert_true(got.include_outstanding);
	assert_false(got.include_received);
	assert_false(got.include_waived);

	memset(&s, 0, sizeof s);
	snprintf(s.default_subject, sizeof s.default_subject, "  Your pending cases ");
	s.include_received = s.include_waived = true;
	assert_int_equal(report_settings_set(f->c, &staff, &s, &e), ERR_FORBIDDEN);
	assert_int_equal(report_settings_set(f->c, &sys, &s, &e), 0);
	assert_int_equal(report_settings_read(f->c, &staff, &got, &e), 0);
	assert_string_equal(got.default_subject, "Your pending cases");
	assert_false(got.include_outstanding);
	assert_true(got.include_received);
	assert_true(got.include_waived);
	assert_int_equal(report_settings_read(f->c, &client, &got, &e), ERR_FORBIDDEN);

	snprintf(s.default_subject, sizeof s.default_subject, " \t ");
	assert_int_equal(report_settings_set(f->c, &sys, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "default_subject");
	snprintf(s.default_subject, sizeof s.default_subject, "Subject");
	s.include_outstanding = s.include_received = s.include_waived = false;
	assert_int_equal(report_settings_set(f->c, &sys, &s, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "include");
	assert_int_equal(report_settings_get(f->c, &got, &e), 0);
	assert_string_equal(got.default_subject, "Your pending cases");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest rules[] = {
		cmocka_unit_test(policy_kinds),
		cmocka_unit_test(requirement_statuses),
	};
	int failed = cmocka_run_group_tests_name("policy rules", rules, NULL, NULL);
	const struct CMUnitTest stored[] = {
		cmocka_unit_test(follow_up_setup_rules),
		cmocka_unit_test(after_send_without_stage_follow_ups),
		cmocka_unit_test(after_send_with_stage_follow_ups),
		cmocka_unit_test(report_settings_defaults_and_rules),
	};
	failed += store_tests_run("follow-ups", stored, sizeof stored / sizeof stored[0]);
	return failed ? 1 : 0;
}
