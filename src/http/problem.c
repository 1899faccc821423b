/* problem.c - error codes to HTTP statuses and RFC 9457 problem bodies. Which codes exist is
 * core/err.h; the registry for API users is docs/errors.md. */
#include "http/problem.h"

#include <stdio.h>

int problem_status(int code)
{
	switch (code) {
	case ERR_INVALID: return 400;
	case ERR_UNAUTHORIZED: return 401;
	case ERR_FORBIDDEN: return 403;
	case ERR_CSRF: return 403;
	case ERR_NOT_FOUND: return 404;
	case ERR_METHOD: return 405;
	case ERR_TIMEOUT: return 408;
	case ERR_CONFLICT: return 409;
	case ERR_TOO_LARGE: return 413;
	case ERR_URI_TOO_LONG: return 414;
	case ERR_MEDIA_TYPE: return 415;
	case ERR_UNPROCESSABLE: return 422;
	case ERR_PRECONDITION: return 428;
	case ERR_TOO_MANY: return 429;
	case ERR_BUSY: return 503;
	default: return 500;
	}
}

const char *problem_title(int status)
{
	switch (status) {
	case 400: return "Bad request";
	case 401: return "Not logged in";
	case 403: return "Forbidden";
	case 404: return "Not found";
	case 405: return "Method not allowed";
	case 408: return "Request timeout";
	case 409: return "Conflict";
	case 413: return "Request body too large";
	case 414: return "URL too long";
	case 415: return "Unsupported media type";
	case 422: return "Unprocessable input";
	case 428: return "Precondition required";
	case 429: return "Too many requests";
	case 503: return "Service unavailable";
	default: return "Internal error";
	}
}

json_t *problem_to_json(const struct err *e, int line, int column)
{
	int status = problem_status(e->code);
	const char *code = status == 500 ? "internal" : err_code_name(e->code);
	char type[96];
	snprintf(type, sizeof type, "urn:caseload:problem:%s", code);
	json_t *p = json_object();
	json_object_set_new(p, "type", json_string(type));
	json_object_set_new(p, "title", json_string(problem_title(status)));
	json_object_set_new(p, "status", json_integer(status));
	json_object_set_new(p, "code", json_string(code));
	/* internal messages may hold database text: never show them */
	const char *detail = status == 500 ? "something went wrong on our side; it has been logged"
					   : (e->message[0] ? e->message : problem_title(status));
	json_object_set_new(p, "detail", json_string(detail));
	if (e->field[0])
		json_object_set_new(p, "field", json_string(e->field));
	if (line > 0) {
		json_object_set_new(p, "line", json_integer(line));
		json_object_set_new(p, "column", json_integer(column));
	}
	return p;
}
