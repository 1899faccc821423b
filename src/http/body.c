/* body.c - request bodies as JSON objects (see body.h). The byte cap is enforced while the body
 * arrives, in server.c; by the time this runs the body is whole and within its limit. */
#include "http/body.h"

#include <string.h>
#include <strings.h>

int body_json_depth(const json_t *v)
{
	int deepest = 0;
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach((json_t *)v, k, x) {
			int d = body_json_depth(x);
			if (d > deepest)
				deepest = d;
		}
		return deepest + 1;
	}
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			int d = body_json_depth(x);
			if (d > deepest)
				deepest = d;
		}
		return deepest + 1;
	}
	return 0;
}

/* body_is_json accepts "application/json" with optional parameters (charset=utf-8). */
static bool body_is_json(const char *ct)
{
	if (!ct)
		return false;
	size_t n = strlen("application/json");
	return strncasecmp(ct, "application/json", n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int body_json(struct request *r, json_t **out, struct err *e)
{
	*out = NULL;
	if (!body_is_json(request_header(r, MHD_HTTP_HEADER_CONTENT_TYPE)))
		return err_set(e, ERR_MEDIA_TYPE, "header.Content-Type", "the body must be application/json");
	json_error_t je;
	const char *text = r->body.data ? r->body.data : "";
	json_t *v = json_loadb(text, r->body.len, JSON_REJECT_DUPLICATES, &je);
	if (!v && json_error_code(&je) == json_error_numeric_overflow) {
		/* an integer too big for 64 bits: read numbers as reals so the field spec can name
		 * the member at fault (no spec type accepts a real, so the request still fails) */
		v = json_loadb(text, r->body.len, JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &je);
	}
	if (!v) {
		r->problem_line = je.line > 0 ? je.line : 1;
		r->problem_column = je.column > 0 ? je.column : 1;
		return err_set(e, ERR_INVALID, "body", "malformed JSON at line %d column %d: %s",
			       r->problem_line, r->problem_column, je.text);
	}
	if (body_json_depth(v) > BODY_JSON_MAX_DEPTH) {
		json_decref(v);
		return err_set(e, ERR_INVALID, "body", "JSON nested deeper than %d levels", BODY_JSON_MAX_DEPTH);
	}
	if (!json_is_object(v)) {
		json_decref(v);
		return err_set(e, ERR_INVALID, "body", "the body must be a JSON object");
	}
	r->json = v;
	*out = v;
	return 0;
}
