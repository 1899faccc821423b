/* case_rows.c - the routes of a resource of rows under a case (see case_rows.h): the steps
 * around the resource's own domain call. */
#include "api/case_rows.h"

#include <string.h>

/* case_rows_body parses the body into fields made on the request's arena; NULL after answering
 * the problem. */
static void *case_rows_body(struct request *r, const struct case_rows *rows)
{
	void *fields = arena_alloc(&r->arena, rows->fields_size);   /* zeroed */
	if (!fields) {
		reply_error(r, ERR_INTERNAL, NULL, "out of memory");
		return NULL;
	}
	const json_t *list = NULL;
	int rc = rows->list ? api_body_list(r, rows->spec, fields, (uint32_t *)fields, rows->list,
					    &list)
			    : api_body(r, rows->spec, fields, (uint32_t *)fields);
	if (rc != 0)
		return NULL;
	if (!rows->rest)
		return fields;
	struct err e;
	err_clear(&e);
	if (rows->rest(fields, list, &e) != 0) {
		reply_problem(r, &e);
		return NULL;
	}
	return fields;
}

int case_rows_handle(struct request *r, const struct case_rows *rows)
{
	const char *method = r->route->method;
	bool one = r->nparams > 1;
	if (strcmp(method, "DELETE") == 0)
		return api_case_row_delete(r, rows->remove);
	struct case_rows_call k = {.op = strcmp(method, "POST") == 0 ? CASE_ROWS_ADD
					 : strcmp(method, "PATCH") == 0 ? CASE_ROWS_UPDATE
					 : one ? CASE_ROWS_GET : CASE_ROWS_LIST};
	k.case_id = request_param_id(r, 0);
	if (!k.case_id || (one && !(k.id = request_param_id(r, 1))))
		return 0;
	if (k.op == CASE_ROWS_LIST && rows->filter &&
	    api_query_bool(r, rows->filter, &k.only) != 0)
		return 0;
	if (k.op == CASE_ROWS_UPDATE && api_if_match(r, &k.version) != 0)
		return 0;
	if ((k.op == CASE_ROWS_ADD || k.op == CASE_ROWS_UPDATE) &&
	    !(k.fields = case_rows_body(r, rows)))
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	if (k.op == CASE_ROWS_LIST)
		k.items = json_array();
	if (rows->call(db, &r->actor, &k, &e) != 0) {
		json_decref(k.items);
		json_decref(k.row);
		return api_fail(r, &e);
	}
	if (k.op == CASE_ROWS_LIST)
		return reply_json(r, 200, api_list_whole(k.items));
	api_set_etag(r, k.row_version);
	return reply_json(r, k.op == CASE_ROWS_ADD ? 201 : 200, k.row);
}

int case_rows_items(const json_t *array, const char *list, int max,
		    const struct spec_field *spec, void *items, size_t item_size, int *n,
		    struct err *e)
{
	size_t count = json_array_size(array);
	int rc = 0;
	if (count > (size_t)max)
		rc = err_set(e, ERR_UNPROCESSABLE, list, "at most %d people", max);
	for (size_t i = 0; i < count && rc == 0; i++)
		rc = api_list_item(json_array_get(array, i), list, i, spec,
				   (char *)items + i * item_size, e);
	*n = (int)count;
	return rc;
}
