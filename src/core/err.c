/* err.c - filling and naming struct err values. The HTTP mapping is in http/problem.c. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, int code, const char *field, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return code;
}

void err_clear(struct err *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

const char *err_code_name(int code)
{
	switch (code) {
	case ERR_OK: return "ok";
	case ERR_INVALID: return "invalid";
	case ERR_UNPROCESSABLE: return "unprocessable";
	case ERR_UNAUTHORIZED: return "unauthorized";
	case ERR_FORBIDDEN: return "forbidden";
	case ERR_NOT_FOUND: return "not_found";
	case ERR_CONFLICT: return "conflict";
	case ERR_TOO_MANY: return "too_many_requests";
	case ERR_BUSY: return "busy";
	case ERR_TOO_LARGE: return "too_large";
	case ERR_METHOD: return "method_not_allowed";
	case ERR_MEDIA_TYPE: return "unsupported_media_type";
	case ERR_URI_TOO_LONG: return "uri_too_long";
	case ERR_TIMEOUT: return "request_timeout";
	case ERR_PRECONDITION: return "precondition_required";
	case ERR_CSRF: return "csrf";
	default: return "internal";
	}
}
