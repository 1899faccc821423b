/* test_case_rules.c - unit tests of the pure case rules: the case number pattern, calendar
 * dates, days and overdue of a status row, the automatic close note, change descriptions, case
 * scoping and the timeline hash. Rules that need a database are covered by the API suite. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "core/date.h"
#include "domain/case.h"
#include "domain/case_status.h"
#include "domain/timeline.h"

/* ---- case numbers ----------------------------------------------------------------------- */

static void number_pattern_expands_tokens(void **state)
{
	char out[STORE_CASE_NUMBER_MAX + 1];
	struct err e;
	err_clear(&e);
	assert_int_equal(case_number_format("{YYYY}-{SEQ:5}", "2026-03-09", 7, out, &e), 0);
	assert_string_equal(out, "2026-00007");
	assert_int_equal(case_number_format("PI/{YY}{MM}{DD}/{SEQ}", "2026-03-09", 123, out, &e), 0);
	assert_string_equal(out, "PI/260309/123");
	/* a number wider than the padding is kept whole */
	assert_int_equal(case_number_format("{SEQ:2}", "2026-03-09", 12345, out, &e), 0);
	assert_string_equal(out, "12345");
	assert_int_equal(case_number_format("{SEQ:12}", "2026-03-09", 1, out, &e), 0);
	assert_string_equal(out, "000000000001");
	/* literal text around the tokens, and a stray closing brace, stay */
	assert_int_equal(case_number_format("C-{SEQ}}x", "2026-03-09", 4, out, &e), 0);
	assert_string_equal(out, "C-4}x");
}

static void number_pattern_refuses_bad_tokens(void **state)
{
	char out[STORE_CASE_NUMBER_MAX + 1];
	struct err e;
	static const char *bad[] = {
		"{YYYY}-{NUM}", "{YYYY}", "no sequence", "{SEQ:0}", "{SEQ:13}", "{SEQ:x}",
		"{SEQ", "{seq}", "{SEQ:}", "", "{SEQ:123}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		assert_int_equal(case_number_format(bad[i], "2026-03-09", 1, out, &e), ERR_UNPROCESSABLE);
		assert_string_equal(e.field, "case_number_pattern");
	}
	/* a pattern whose numbers do not fit in a case number */
	err_clear(&e);
	assert_int_equal(case_number_format("ABCDEFGHIJABCDEFGHIJABCDEFGHIJ-{SEQ:12}", "2026-03-09", 1,
					    out, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "case_number_pattern");
}

/* ---- dates ------------------------------------------------------------------------------ */

static void dates_parse_only_real_days(void **state)
{
	int64_t d;
	assert_true(date_parse("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(date_parse("2024-02-29", &d));
	assert_false(date_valid("2023-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_false(date_valid("2026-04-31"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-00-10"));
	assert_false(date_valid("2026-1-01"));
	assert_false(date_valid("2026-01-01T00:00"));
	assert_false(date_valid(""));
	assert_false(date_valid(NULL));
	assert_false(date_valid("1799-12-31"));
	assert_false(date_valid("2201-01-01"));
}

static void dates_count_calendar_days(void **state)
{
	char out[DATE_LEN];
	int64_t d;
	assert_true(date_parse("2026-03-01", &d));
	date_format(d, out);
	assert_string_equal(out, "2026-03-01");
	date_format(d - 1, out);
	assert_string_equal(out, "2026-02-28");
	assert_int_equal(date_days_between("2026-02-28", "2026-03-01"), 1);
	assert_int_equal(date_days_between("2024-02-28", "2024-03-01"), 2);
	assert_int_equal(date_days_between("2026-03-01", "2026-02-01"), -28);
	assert_int_equal(date_days_between("2025-01-01", "2026-01-01"), 365);
	assert_int_equal(date_days_between("bad", "2026-01-01"), 0);
	date_today(out);
	assert_true(date_valid(out));
}

/* ---- status rows ------------------------------------------------------------------------ */

static void status_days_and_overdue(void **state)
{
	struct store_case_status s;
	memset(&s, 0, sizeof s);
	int64_t days;
	bool overdue;
	strcpy(s.from_date, "2026-03-01");
	s.current = true;
	s.expected_days = 10;
	case_status_days(&s, "2026-03-11", &days, &overdue);
	assert_int_equal(days, 10);
	assert_false(overdue);
	case_status_days(&s, "2026-03-12", &days, &overdue);
	assert_int_equal(days, 11);
	assert_true(overdue);
	/* no expected days: never overdue */
	s.expected_days = 0;
	case_status_days(&s, "2027-03-12", &days, &overdue);
	assert_false(overdue);
	/* a future status has not begun */
	case_status_days(&s, "2026-02-01", &days, &overdue);
	assert_int_equal(days, 0);
	/* an ended row counts to its to date and is not overdue */
	s.current = false;
	s.expected_days = 3;
	strcpy(s.to_date, "2026-03-08");
	case_status_days(&s, "2026-06-01", &days, &overdue);
	assert_int_equal(days, 7);
	assert_false(overdue);
}

static void close_note_is_added_and_replaced(void **state)
{
	char c[STORE_COMMENTS_MAX + 1] = "";
	case_status_closed_note(c, sizeof c, "Settled");
	assert_string_equal(c, "Closed: Settled");
	case_status_closed_note(c, sizeof c, "Dropped");
	assert_string_equal(c, "Closed: Dropped");
	case_status_closed_note(c, sizeof c, NULL);
	assert_string_equal(c, "");
	strcpy(c, "client called");
	case_status_closed_note(c, sizeof c, "Settled");
	assert_string_equal(c, "client called; Closed: Settled");
	case_status_closed_note(c, sizeof c, "Won");
	assert_string_equal(c, "client called; Closed: Won");
	case_status_closed_note(c, sizeof c, NULL);
	assert_string_equal(c, "client called");
	/* full comments are cut to make room for the note, not the note cut */
	memset(c, 'x', sizeof c - 1);
	c[sizeof c - 1] = '\0';
	case_status_closed_note(c, sizeof c, "Settled");
	assert_int_equal(strlen(c), sizeof c - 1);
	size_t n = strlen(c);
	assert_string_equal(c + n - strlen("; Closed: Settled"), "; Closed: Settled");
	/* and never inside a UTF-8 character */
	char small[24];
	strcpy(small, "ééééééééééé");   /* 22 bytes */
	case_status_closed_note(small, sizeof small, "X");
	assert_string_equal(small, "éééééé; Closed: X");   /* 12 + 11 bytes */
	strcpy(small, "ééééééééééé");
	case_status_closed_note(small, sizeof small - 1, "X");   /* the cut falls inside an é */
	assert_string_equal(small, "ééééé; Closed: X");
}

/* ---- change descriptions and scope ------------------------------------------------------ */

static void diff_names_each_change(void **state)
{
	struct case_diff d = {0};
	case_diff_text(&d, "name", "A", "A");
	assert_int_equal(d.count, 0);
	case_diff_text(&d, "name", "A", "B");
	case_diff_text(&d, "state", "", "NJ");
	case_diff_long(&d, "description", "same", "same");
	case_diff_long(&d, "description", "", "line one\nline two");
	assert_int_equal(d.count, 3);
	assert_string_equal(d.text, "name: A → B; state: (none) → NJ; description: (none) → line one line two");
	/* long texts show their first 80 characters, cut on a character */
	struct case_diff l = {0};
	char longer[300] = "";
	for (int i = 0; i < 85; i++)
		strcat(longer, "é");
	case_diff_long(&l, "comments", "x", longer);
	char want[300] = "comments: x → ";
	for (int i = 0; i < 80; i++)
		strcat(want, "é");
	strcat(want, "…");
	assert_string_equal(l.text, want);
	/* long descriptions are cut at the event's size */
	char big[900];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	case_diff_text(&d, "x", "", big);
	case_diff_text(&d, "z", "", big);
	assert_int_equal(strlen(d.text), STORE_EVENT_TEXT_MAX);
	assert_int_equal(d.count, 5);
}

static void scope_limits_advisors_and_clients(void **state)
{
	struct actor a;
	struct store_scope s;
	actor_system(&a);
	case_scope(&a, &s);
	assert_true(s.all);
	memset(&a, 0, sizeof a);
	a.via = ACTOR_COOKIE;
	a.user.id = 5;
	a.user.contact_id = 9;
	strcpy(a.user.role, "staff");
	case_scope(&a, &s);
	assert_true(s.all);
	strcpy(a.user.role, "advisor");
	case_scope(&a, &s);
	assert_false(s.all);
	assert_int_equal(s.user_id, 5);
	assert_int_equal(s.contact_id, 9);
	strcpy(a.user.role, "client");
	case_scope(&a, &s);
	assert_false(s.all);
	/* the system's rows need a real user: the case's owner stands in */
	struct store_case k = {.owner_id = 3};
	assert_int_equal(case_acting_user(&a, &k), 5);
	actor_system(&a);
	assert_int_equal(case_acting_user(&a, &k), 3);
}

/* ---- the timeline hash ------------------------------------------------------------------ */

static void timeline_hash_covers_every_field(void **state)
{
	struct store_event ev;
	memset(&ev, 0, sizeof ev);
	ev.case_id = 12;
	ev.seq = 3;
	ev.at = 1770000000;
	ev.user_id = 2;
	strcpy(ev.type, "status.set");
	strcpy(ev.description, "Stage: Intake → Litigation (2026-03-01)");
	unsigned char h[32], again[32], other[32];
	timeline_hash(&ev, h);
	timeline_hash(&ev, again);
	assert_memory_equal(h, again, 32);

	struct store_event v = ev;
	v.case_id = 13;
	timeline_hash(&v, other);
	assert_memory_not_equal(h, other, 32);
	v = ev;
	v.seq = 4;
	timeline_hash(&v, other);
	assert_memory_not_equal(h, other, 32);
	v = ev;
	v.at++;
	timeline_hash(&v, other);
	assert_memory_not_equal(h, other, 32);
	v = ev;
	v.user_id = 0;
	timeline_hash(&v, other);
	assert_memory_not_equal(h, other, 32);
	v = ev;
	v.prev_hash[31] = 1;
	timeline_hash(&v, other);
	assert_memory_not_equal(h, other, 32);
	v = ev;
	strcpy(v.description, "Stage: Intake → Litigation (2026-03-02)");
	timeline_hash(&v, other);
	assert_memory_not_equal(h, other, 32);
	/* moving text from the type into the description changes the hash (lengths are hashed) */
	struct store_event a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	strcpy(a.type, "note.added");
	strcpy(a.description, "x");
	strcpy(b.type, "note.adde");
	strcpy(b.description, "dx");
	timeline_hash(&a, h);
	timeline_hash(&b, other);
	assert_memory_not_equal(h, other, 32);
	/* the stored hash field itself is not part of the input */
	v = ev;
	v.hash[0] ^= 0xff;
	timeline_hash(&ev, h);
	timeline_hash(&v, other);
	assert_memory_equal(h, other, 32);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(number_pattern_expands_tokens),
		cmocka_unit_test(number_pattern_refuses_bad_tokens),
		cmocka_unit_test(dates_parse_only_real_days),
		cmocka_unit_test(dates_count_calendar_days),
		cmocka_unit_test(status_days_and_overdue),
		cmocka_unit_test(close_note_is_added_and_replaced),
		cmocka_unit_test(diff_names_each_change),
		cmocka_unit_test(scope_limits_advisors_and_clients),
		cmocka_unit_test(timeline_hash_covers_every_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
