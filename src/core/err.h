/* err.h - the error value every fallible function fills.
 *
 * A function that can fail returns 0 on success or a negative ERR_* code, and fills the caller's
 * struct err with the code, the offending input field (if any) and a human message. The mapping
 * of codes to HTTP statuses lives in http/problem.c, nowhere else. */
#ifndef CASELOAD_ERR_H
#define CASELOAD_ERR_H

#include <stddef.h>

enum err_code {
	ERR_OK = 0,
	ERR_INVALID = -1,       /* malformed input (bad JSON, wrong type): 400 */
	ERR_UNPROCESSABLE = -2, /* well-formed but breaks a rule (too long, bad value): 422 */
	ERR_UNAUTHORIZED = -3,  /* no or bad credentials: 401 */
	ERR_FORBIDDEN = -4,     /* logged in but lacks the right: 403 */
	ERR_NOT_FOUND = -5,     /* absent, or not the caller's to see: 404 */
	ERR_CONFLICT = -6,      /* duplicate, stale version, in use: 409 */
	ERR_TOO_MANY = -7,      /* throttled: 429 */
	ERR_BUSY = -8,          /* database busy past its retries: 503 */
	ERR_INTERNAL = -9,      /* a bug or an I/O failure: 500, logged */
	ERR_TOO_LARGE = -10,    /* body over its cap: 413 */
	ERR_METHOD = -11,       /* method not allowed on this path: 405 */
	ERR_MEDIA_TYPE = -12,   /* wrong Content-Type: 415 */
	ERR_URI_TOO_LONG = -13, /* 414 */
	ERR_TIMEOUT = -14,      /* request body too slow: 408 */
	ERR_PRECONDITION = -15, /* If-Match required but missing: 428 */
	ERR_CSRF = -16,         /* cookie request without valid CSRF proof: 403 */
};

struct err {
	int code;           /* one of enum err_code */
	char field[64];     /* the input field at fault, "" when none */
	char message[256];  /* for people; no secrets, no SQL */
	int retry_after;    /* seconds, for ERR_TOO_MANY and ERR_BUSY; 0 when unknown */
};

/* err_set fills e (which may be NULL) and returns code, so callers can write
 * `return err_set(e, ERR_INVALID, "login", "must not be empty");`. field may be NULL. */
int err_set(struct err *e, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* err_clear resets e to "no error". */
void err_clear(struct err *e);

/* err_code_name gives the stable machine name of a code ("not_found"), used as problem "code". */
const char *err_code_name(int code);

#endif
