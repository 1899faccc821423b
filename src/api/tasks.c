/* tasks.c - tasks on a case.
 *   GET/POST /api/v1/cases/{id}/tasks, GET/PATCH/DELETE /api/v1/cases/{id}/tasks/{task},
 *   POST /api/v1/cases/{id}/tasks/{task}/complete
 * Rules are domain/task.c; the summary's open tasks use task_to_json (api/summary.c). The
 * steps around the domain calls are api/case_rows.c. */
#include "api/case_rows.h"
#include "domain/task.h"

#include <stddef.h>

#define TF(member) offsetof(struct task_fields, v.member)

static const struct spec_field task_spec[] = {
	{"subject", SPEC_STRING, TF(subject), STORE_NAME_MAX + 1, TASK_F_SUBJECT, false},
	{"description", SPEC_STRING, TF(description), STORE_DESCRIPTION_MAX + 1,
	 TASK_F_DESCRIPTION, false},
	{"priority", SPEC_STRING, TF(priority), sizeof(((struct store_task *)0)->priority),
	 TASK_F_PRIORITY, false},
	{"due_date", SPEC_DATE, TF(due_date), STORE_DATE_LEN, TASK_F_DUE_DATE, false},
	{"assignee_id", SPEC_ID, TF(assignee_id), 0, TASK_F_ASSIGNEE, false},
	{"completed", SPEC_BOOL, TF(completed), 0, TASK_F_COMPLETED, false},
	{0},
};

json_t *task_to_json(const struct store_task *t)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:b, s:o, s:o, s:I, s:I, s:o, s:o}",
			 "id", (json_int_t)t->id, "subject", t->subject,
			 "description", t->description, "priority", t->priority,
			 "due_date", api_opt(t->due_date),
			 "assignee", api_ref(t->assignee_id, t->assignee_name),
			 "completed", t->completed, "completed_at", api_time(t->completed_at),
			 "completed_by",
			 t->completed_by ? json_integer(t->completed_by) : json_null(),
			 "created_by", (json_int_t)t->created_by, "version", (json_int_t)t->version,
			 "created_at", api_time(t->created_at), "updated_at", api_time(t->updated_at));
}

static int task_append(const struct store_task *t, void *ctx)
{
	json_array_append_new(ctx, task_to_json(t));
	return 0;
}

/* task_call makes the domain call of one step of the routes (api/case_rows.c). */
static int task_call(struct store_conn *c, const struct actor *a, struct case_rows_call *k,
		     struct err *e)
{
	struct store_task t;
	int rc;
	switch (k->op) {
	case CASE_ROWS_LIST:
		return task_list(c, a, k->case_id, k->only, task_append, k->items, e);
	case CASE_ROWS_GET:
		rc = task_get(c, a, k->case_id, k->id, &t, e);
		break;
	case CASE_ROWS_ADD:
		rc = task_add(c, a, k->case_id, k->fields, &t, e);
		break;
	default:
		rc = task_update(c, a, k->case_id, k->id, k->version, k->fields, &t, e);
		break;
	}
	if (rc == 0) {
		k->row = task_to_json(&t);
		k->row_version = t.version;
	}
	return rc;
}

static const struct case_rows task_rows = {
	.spec = task_spec, .fields_size = sizeof(struct task_fields), .call = task_call,
	.remove = task_remove, .filter = "open",
};

static int tasks_handle(struct request *r)
{
	return case_rows_handle(r, &task_rows);
}

/* tasks_complete answers POST .../tasks/{task}/complete with the task. */
static int tasks_complete(struct request *r)
{
	int64_t id = request_param_id(r, 0), task = id ? request_param_id(r, 1) : 0;
	struct err e;
	struct store_conn *db = task ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct store_task t;
	if (task_complete(db, &r->actor, id, task, &t, &e) != 0)
		return api_fail(r, &e);
	api_set_etag(r, t.version);
	return reply_json(r, 200, task_to_json(&t));
}

const struct route api_task_routes[] = {
	{"GET", "/api/v1/cases/{id}/tasks", tasks_handle, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/tasks", tasks_handle, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/tasks/{task}", tasks_handle, ROUTE_USER, false,
	 ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/tasks/{task}", tasks_handle, ROUTE_USER, true,
	 ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/tasks/{task}", tasks_handle, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/tasks/{task}/complete", tasks_complete, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
