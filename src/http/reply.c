/* reply.c - building answers: JSON, problems, bytes, and the headers every response carries.
 * Also the small request accessors of request.h. The status mapping is problem.c. */
#include "http/log.h"
#include "http/problem.h"
#include "http/request.h"
#include "http/server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct store_conn *request_db(struct request *r)
{
	if (!r->db)
		r->db = store_acquire(r->srv->store, r->srv->cfg.db_wait_ms);
	return r->db;
}

const char *request_header(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *request_query(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

int64_t request_param_id(struct request *r, int i)
{
	if (i >= r->nparams)
		return 0;
	const char *s = r->params[i];
	char *end = NULL;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0 || s[0] == '+' || s[0] == '0') {
		reply_error(r, ERR_NOT_FOUND, NULL, "no such record");
		return 0;
	}
	return (int64_t)v;
}

/* reply_headers adds what defaults.md asks of every response. */
static void reply_headers(struct request *r, struct MHD_Response *resp, const char *content_type)
{
	static const char *const fixed[][2] = {
		{"X-Content-Type-Options", "nosniff"},
		{"Content-Security-Policy", "default-src 'self'; script-src 'self'; object-src 'none'; "
			"base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
		{"Referrer-Policy", "no-referrer"},
		{"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"Cross-Origin-Resource-Policy", "same-origin"},
		{"X-Frame-Options", "DENY"},
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		MHD_add_response_header(resp, fixed[i][0], fixed[i][1]);
	if (content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
	/* API answers are private and change: never cache them. UI files may be revalidated. */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				strncmp(r->path, "/api/", 5) == 0 ? "no-store" : "no-cache");
	if (r->set_cookie)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->set_cookie);
	if (r->allow)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
	if (r->etag)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, r->etag);
	if (r->retry_after > 0) {
		char v[16];
		snprintf(v, sizeof v, "%d", r->retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, v);
	}
}

/* reply_set installs a response; a second reply in one request is a bug, and the first wins. */
static int reply_set(struct request *r, int status, struct MHD_Response *resp,
		     const char *content_type)
{
	if (!resp)
		return -1;
	if (r->response) {
		MHD_destroy_response(resp);
		return 0;
	}
	reply_headers(r, resp, content_type);
	r->response = resp;
	r->status = status;
	return 0;
}

static int reply_text(struct request *r, int status, const char *content_type, json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	if (!text)
		return reply_error(r, ERR_INTERNAL, NULL, "cannot serialise the answer");
	struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(
		strlen(text), text, free);
	if (!resp) {
		free(text);
		return -1;
	}
	return reply_set(r, status, resp, content_type);
}

int reply_json(struct request *r, int status, json_t *body)
{
	if (!body)
		return reply_error(r, ERR_INTERNAL, NULL, "out of memory building the answer");
	return reply_text(r, status, "application/json; charset=utf-8", body);
}

int reply_empty(struct request *r, int status)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	return reply_set(r, status, resp, NULL);
}

int reply_bytes(struct request *r, int status, const char *content_type, const void *data,
		size_t len, bool download)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)data,
								   MHD_RESPMEM_MUST_COPY);
	if (resp && download)
		MHD_add_response_header(resp, "Content-Disposition", "attachment");
	return reply_set(r, status, resp, content_type);
}

int reply_fd(struct request *r, int status, const char *content_type, int fd, uint64_t size,
	     bool download)
{
	struct MHD_Response *resp = MHD_create_response_from_fd64(size, fd);
	if (!resp) {
		close(fd);
		return -1;
	}
	if (download)
		MHD_add_response_header(resp, "Content-Disposition", "attachment");
	return reply_set(r, status, resp, content_type);
}

int reply_static(struct request *r, const char *content_type, const void *data, size_t len)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)data,
								   MHD_RESPMEM_PERSISTENT);
	return reply_set(r, 200, resp, content_type);
}

int reply_problem(struct request *r, const struct err *e)
{
	int status = problem_status(e->code);
	if (status == 500)
		log_event("internal_error", json_pack("{s:s, s:s, s:s}", "method", r->method,
						      "path", r->path, "message", e->message));
	if ((e->code == ERR_TOO_MANY || e->code == ERR_BUSY) && r->retry_after == 0)
		r->retry_after = e->retry_after > 0 ? e->retry_after : 1;
	return reply_text(r, status, "application/problem+json; charset=utf-8",
			  problem_to_json(e, r->problem_line, r->problem_column));
}

int reply_error(struct request *r, int code, const char *field, const char *message)
{
	struct err e;
	err_clear(&e);
	err_set(&e, code, field, "%s", message);
	return reply_problem(r, &e);
}
