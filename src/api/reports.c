/* reports.c - case status reports: preview, send, result, letters.
 *   POST /api/v1/reports/status/preview, GET /api/v1/reports/status/previews/{id} (+ /pdf),
 *   POST /api/v1/reports/status/send, GET /api/v1/reports/status/{id} (+ /letters)
 * Rules are domain/report.c; the work after the send is jobs/status_report.c. The literal
 * "previews" routes come before "{id}", since the router takes the first pattern that fits. */
#include "api/reports.h"
#include "api/api.h"
#include "domain/report.h"
#include "http/body.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the JSON forms --------------------------------------------------------------------- */

static json_t *report_cases_json(const struct report_line *l)
{
	json_t *a = json_array();
	for (int i = 0; a && i < l->n_cases; i++) {
		const struct report_line_case *k = &l->cases[i];
		json_array_append_new(a, json_pack("{s:I, s:o, s:s, s:o}", "id", (json_int_t)k->id,
						   "number", api_opt(k->number), "name", k->name,
						   "stage", api_opt(k->stage)));
	}
	return a;
}

/* report_issues_json gives an item's issues (JSON text) as an array. */
static json_t *report_issues_json(const char *issues)
{
	json_t *a = issues[0] ? json_loads(issues, 0, NULL) : NULL;
	if (!json_is_array(a)) {
		json_decref(a);
		a = json_array();
	}
	return a;
}

/* report_line_json is one report of a preview (sent = false) or of a send's result. */
static json_t *report_line_json(const struct report_line *l, bool sent)
{
	const struct store_report_item *it = l->item;
	json_t *o = json_pack("{s:I, s:o, s:s, s:s, s:o, s:o}", "id", (json_int_t)it->id,
			      "advisor", api_ref(it->contact_id, it->advisor_name), "method",
			      it->method, "address", it->address, "cases", report_cases_json(l),
			      "issues", report_issues_json(it->issues));
	if (o && sent) {
		json_object_set_new(o, "outcome", json_string(l->outcome));
		json_object_set_new(o, "reason", api_opt(l->reason));
		json_t *mail = it->mail_id ? json_integer((json_int_t)it->mail_id) : json_null();
		json_object_set_new(o, "mail_id", mail);
	}
	return o;
}

struct report_lines {
	json_t *items;
	bool sent;
};

static int report_line_append(const struct report_line *l, void *ctx)
{
	struct report_lines *w = ctx;
	json_array_append_new(w->items, report_line_json(l, w->sent));
	return 0;
}

json_t *report_preview_to_json(struct store_conn *c, const struct actor *a, int64_t id,
			       struct err *e)
{
	struct store_report_preview p;
	struct report_options *o = malloc(sizeof *o);
	if (!o) {
		err_set(e, ERR_INTERNAL, NULL, "out of memory");
		return NULL;
	}
	int rc = report_preview_read(c, a, id, &p, o, e);
	json_t *options = rc == 0 ? report_options_to_json(o) : NULL;
	free(o);
	if (rc != 0)
		return NULL;
	struct report_lines w = {.items = json_array()};
	struct report_counts k;
	if (report_preview_walk(c, a, id, report_line_append, &w, &k, e) != 0) {
		json_decref(options);
		json_decref(w.items);
		return NULL;
	}
	json_t *counts = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "reports",
				   (json_int_t)k.reports, "advisors", (json_int_t)k.advisors,
				   "cases", (json_int_t)k.cases, "email", (json_int_t)k.email,
				   "letter", (json_int_t)k.letter, "issues", (json_int_t)k.issues);
	json_t *out = json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)p.id,
				"today", p.today, "created_at", api_time(p.created_at),
				"options", options,
				"send_id", p.send_id ? json_integer((json_int_t)p.send_id)
						     : json_null(),
				"counts", counts, "reports", w.items);
	if (!out)
		err_set(e, ERR_INTERNAL, NULL, "out of memory building the answer");
	return out;
}

json_t *report_result_to_json(struct store_conn *c, const struct actor *a, int64_t id,
			      struct err *e)
{
	struct store_report_send s;
	struct report_lines w = {.items = json_array(), .sent = true};
	struct report_counts k;
	bool done = false;
	if (report_result(c, a, id, &s, report_line_append, &w, &k, &done, e) != 0) {
		json_decref(w.items);
		return NULL;
	}
	json_t *letters = json_pack("{s:s, s:I, s:I, s:o}", "state", s.letters_state,
				    "pages", (json_int_t)s.letters_pages,
				    "bytes", (json_int_t)s.letters_bytes,
				    "error", api_opt(s.letters_error));
	json_t *counts = json_pack("{s:I, s:I, s:I, s:I, s:I}", "emailed", (json_int_t)k.emailed,
				   "printed", (json_int_t)k.printed, "queued", (json_int_t)k.queued,
				   "failed", (json_int_t)k.failed,
				   "in_doubt", (json_int_t)k.in_doubt);
	json_t *out = json_pack("{s:I, s:I, s:s, s:b, s:o, s:o, s:o}", "id", (json_int_t)s.id,
				"preview_id", (json_int_t)s.preview_id, "state", s.state,
				"done", done, "letters", letters, "counts", counts,
				"reports", w.items);
	if (!out)
		err_set(e, ERR_INTERNAL, NULL, "out of memory building the answer");
	return out;
}

/* report_preview_reply answers a preview with its reports. */
static int report_preview_reply(struct request *r, struct store_conn *db, int status,
				int64_t id)
{
	struct err e;
	err_clear(&e);
	json_t *body = report_preview_to_json(db, &r->actor, id, &e);
	return body ? reply_json(r, status, body) : api_fail(r, &e);
}

/* report_result_reply answers a send's result. */
static int report_result_reply(struct request *r, struct store_conn *db, int status, int64_t id)
{
	struct err e;
	err_clear(&e);
	json_t *body = report_result_to_json(db, &r->actor, id, &e);
	return body ? reply_json(r, status, body) : api_fail(r, &e);
}

/* ---- handlers --------------------------------------------------------------------------- */

/* report_read_options parses an options object; prefix ("" or "options.") goes before the
 * member a problem names. -1 after answering it. */
static int report_read_options(struct request *r, const json_t *obj, const char *prefix,
			       struct report_options *o)
{
	struct err e;
	err_clear(&e);
	if (report_options_from_json(obj, o, &e) == 0)
		return 0;
	if (prefix[0]) {
		char field[sizeof e.field];
		snprintf(field, sizeof field, "%.8s%.55s", prefix, e.field);
		if (!e.field[0])
			field[strlen(prefix) - 1] = '\0';
		snprintf(e.field, sizeof e.field, "%s", field);
	}
	reply_problem(r, &e);
	return -1;
}

static int reports_preview(struct request *r)
{
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	if (body_json(r, &obj, &e) != 0)
		return api_fail(r, &e);
	struct report_options *o = malloc(sizeof *o);
	if (!o)
		return reply_error(r, ERR_INTERNAL, NULL, "out of memory");
	int64_t id = 0;
	struct store_conn *db = NULL;
	if (report_read_options(r, obj, "", o) == 0 && (db = api_start(r, &e)) != NULL &&
	    report_preview(db, &r->actor, o, &id, &e) != 0)
		api_fail(r, &e);
	free(o);
	if (!id)
		return 0;
	return report_preview_reply(r, db, 201, id);
}

static int reports_preview_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	return report_preview_reply(r, db, 200, id);
}

/* report_file_write adds a PDF's bytes (pdf_write_fn) to a temporary file. */
static int report_file_write(void *ctx, const unsigned char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) != len;
}

/* report_file_bytes is report_file_write for a walk of stored chunks (store_bytes_each_fn). */
static int report_file_bytes(const void *data, size_t len, void *ctx)
{
	return fwrite(data, 1, len, ctx) != len;
}

/* reports_pdf_reply answers GET .../previews/{id}/pdf (letters false: made now, in the PDF
 * child) or GET .../{id}/letters (letters true: stored when the send rendered them). The PDF
 * is gathered in a temporary file first, so that a failure is still a clean problem answer and
 * ten thousand letters do not sit in the server's memory. */
static int reports_pdf_reply(struct request *r, bool letters)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	FILE *f = tmpfile();
	if (!f) {
		err_set(&e, ERR_INTERNAL, NULL, "no temporary file for the PDF");
		return api_fail(r, &e);
	}
	int rc = letters ? report_letters_read(db, &r->actor, id, report_file_bytes, f, &e)
			 : report_preview_pdf(db, &r->actor, id, report_file_write, f, &e);
	long size = rc == 0 && fflush(f) == 0 ? ftell(f) : -1;
	int fd = size >= 0 ? dup(fileno(f)) : -1;
	fclose(f);
	if (rc != 0)
		return api_fail(r, &e);
	if (fd < 0) {
		err_set(&e, ERR_INTERNAL, NULL, "the PDF could not be kept");
		return api_fail(r, &e);
	}
	return reply_fd(r, 200, "application/pdf", fd, (uint64_t)size, true);
}

static int reports_preview_pdf(struct request *r)
{
	return reports_pdf_reply(r, false);
}

/* The body of a send: the preview to send, or options to preview and send at once. */
static int report_send_body(struct request *r, int64_t *preview_id, const json_t **options)
{
	struct err e;
	err_clear(&e);
	json_t *obj = NULL;
	if (body_json(r, &obj, &e) != 0) {
		api_fail(r, &e);
		return -1;
	}
	const char *key;
	json_t *v;
	*preview_id = 0;
	*options = NULL;
	json_object_foreach(obj, key, v) {
		if (strcmp(key, "preview_id") == 0) {
			if (!json_is_integer(v) || json_integer_value(v) <= 0) {
				reply_error(r, ERR_INVALID, "preview_id",
					    "must be a positive integer id");
				return -1;
			}
			*preview_id = (int64_t)json_integer_value(v);
		} else if (strcmp(key, "options") == 0) {
			if (!json_is_object(v)) {
				reply_error(r, ERR_INVALID, "options", "must be an object");
				return -1;
			}
			*options = v;
		} else {
			char field[64];
			snprintf(field, sizeof field, "%s", key);
			reply_error(r, ERR_INVALID, field, "is not a known field");
			return -1;
		}
	}
	if (!*preview_id == !*options) {
		reply_error(r, ERR_UNPROCESSABLE, "preview_id",
			    "give either preview_id or options");
		return -1;
	}
	return 0;
}

static int reports_send(struct request *r)
{
	int64_t preview_id = 0;
	const json_t *options = NULL;
	if (report_send_body(r, &preview_id, &options) != 0)
		return 0;
	struct err e;
	err_clear(&e);
	if (options) {
		struct report_options *o = malloc(sizeof *o);
		if (!o)
			return reply_error(r, ERR_INTERNAL, NULL, "out of memory");
		int rc = report_read_options(r, options, "options.", o);
		struct store_conn *db = rc == 0 ? api_start(r, &e) : NULL;
		if (db && report_preview(db, &r->actor, o, &preview_id, &e) != 0) {
			if (e.field[0]) {
				char field[sizeof e.field];
				snprintf(field, sizeof field, "options.%.55s", e.field);
				snprintf(e.field, sizeof e.field, "%s", field);
			}
			api_fail(r, &e);
			preview_id = 0;
		}
		free(o);
		if (!preview_id)
			return 0;
	}
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	int64_t send_id = 0;
	bool created = false;
	if (report_send(db, &r->actor, preview_id, &send_id, &created, &e) != 0)
		return api_fail(r, &e);
	return report_result_reply(r, db, created ? 202 : 200, send_id);
}

static int reports_result(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	return report_result_reply(r, db, 200, id);
}

static int reports_letters(struct request *r)
{
	return reports_pdf_reply(r, true);
}

const struct route api_report_routes[] = {
	{"POST", "/api/v1/reports/status/preview", reports_preview, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"GET", "/api/v1/reports/status/previews/{id}", reports_preview_get, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"GET", "/api/v1/reports/status/previews/{id}/pdf", reports_preview_pdf, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"POST", "/api/v1/reports/status/send", reports_send, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/reports/status/{id}", reports_result, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"GET", "/api/v1/reports/status/{id}/letters", reports_letters, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{0},
};
