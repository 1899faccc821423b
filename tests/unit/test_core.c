/* test_core.c - unit tests of the pure helpers in src/core: arena, buf, err, clock formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"

static void arena_hands_out_zeroed_aligned_memory(void **state)
{
	struct arena a;
	arena_init(&a, 64);
	for (int i = 1; i < 200; i++) {
		unsigned char *p = arena_alloc(&a, (size_t)i);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		for (int k = 0; k < i; k++)
			assert_int_equal(p[k], 0);
		memset(p, 0xAB, (size_t)i);
	}
	/* an allocation larger than any block gets its own */
	char *big = arena_alloc(&a, 1 << 20);
	assert_non_null(big);
	big[(1 << 20) - 1] = 'x';
	arena_free(&a);
	assert_null(a.head);
}

static void arena_copies_strings(void **state)
{
	struct arena a;
	arena_init(&a, 0);
	char *s = arena_strdup(&a, "caseload");
	assert_string_equal(s, "caseload");
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_printf(&a, "%s-%d", "case", 42), "case-42");
	arena_free(&a);
}

static void buf_grows_until_its_cap(void **state)
{
	struct buf b;
	buf_init(&b, 10);
	assert_int_equal(buf_append(&b, "12345", 5), 0);
	assert_int_equal(buf_append(&b, "67890", 5), 0);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.data, "1234567890");
	assert_int_equal(buf_append(&b, "x", 1), ERR_TOO_LARGE);
	assert_int_equal(b.len, 10);  /* nothing half-written */
	buf_cleanup(&b);
	assert_null(b.data);

	buf_init(&b, 0);   /* no cap */
	for (int i = 0; i < 10000; i++)
		assert_int_equal(buf_append_str(&b, "abc"), 0);
	assert_int_equal(b.len, 30000);
	buf_cleanup(&b);
}

static void buf_refuses_overflowing_sizes(void **state)
{
	struct buf b;
	buf_init(&b, 100);
	assert_int_equal(buf_append(&b, "a", 1), 0);
	assert_int_equal(buf_append(&b, "a", SIZE_MAX), ERR_TOO_LARGE);
	buf_cleanup(&b);
}

static void err_set_fills_and_returns_the_code(void **state)
{
	struct err e;
	err_clear(&e);
	assert_int_equal(err_set(&e, ERR_UNPROCESSABLE, "login", "must be %d long", 5), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "login");
	assert_string_equal(e.message, "must be 5 long");
	assert_int_equal(err_set(NULL, ERR_INVALID, NULL, "x"), ERR_INVALID);
	err_set(&e, ERR_NOT_FOUND, NULL, "gone");
	assert_string_equal(e.field, "");
	assert_string_equal(err_code_name(ERR_CSRF), "csrf");
	assert_string_equal(err_code_name(ERR_TOO_MANY), "too_many_requests");
	assert_string_equal(err_code_name(12345), "internal");
}

static void clock_formats_iso_8601_utc(void **state)
{
	char out[32];
	clock_format_utc(0, out);
	assert_string_equal(out, "1970-01-01T00:00:00Z");
	clock_format_utc(1795412400, out);
	assert_string_equal(out, "2026-11-23T05:40:00Z");
	assert_true(clock_now() > 1700000000);
	int64_t a = clock_monotonic_us(), b = clock_monotonic_us();
	assert_true(b >= a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_hands_out_zeroed_aligned_memory),
		cmocka_unit_test(arena_copies_strings),
		cmocka_unit_test(buf_grows_until_its_cap),
		cmocka_unit_test(buf_refuses_overflowing_sizes),
		cmocka_unit_test(err_set_fills_and_returns_the_code),
		cmocka_unit_test(clock_formats_iso_8601_utc),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
