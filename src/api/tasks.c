/* tasks.c - tasks on a case.
 *   GET/POST /api/v1/cases/{id}/tasks, GET/PATCH/DELETE /api/v1/cases/{id}/tasks/{task},
 *   POST /api/v1/cases/{id}/tasks/{task}/complete
 * Rules are domain/task.c; the summary's open tasks use task_to_json (api/summary.c). */
#include "api/api.h"
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

static int task_reply(struct request *r, int status, const struct store_task *t)
{
	api_set_etag(r, t->version);
	return reply_json(r, status, task_to_json(t));
}

static int task_append(const struct store_task *t, void *ctx)
{
	json_array_append_new(ctx, task_to_json(t));
	return 0;
}

static int tasks_list(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	bool open_only = false;
	if (!id || api_query_bool(r, "open", &open_only) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	json_t *items = json_array();
	if (task_list(db, &r->actor, id, open_only, task_append, items, &e) != 0) {
		json_decref(items);
		return api_fail(r, &e);
	}
	return reply_json(r, 200, api_list_whole(items));
}

/* tasks_save answers POST .../tasks (create) and PATCH .../tasks/{task} (If-Match). */
static int tasks_save(struct request *r, bool create)
{
	int64_t id = request_param_id(r, 0), version = 0;
	int64_t task = id && !create ? request_param_id(r, 1) : 0;
	if (!id || (!create && (!task || api_if_match(r, &version) != 0)))
		return 0;
	struct task_fields f = {0};
	if (api_body(r, task_spec, &f, &f.present) != 0)
		return 0;
	struct err e;
	struct store_conn *db = api_start(r, &e);
	if (!db)
		return 0;
	struct store_task t;
	int rc = create ? task_add(db, &r->actor, id, &f, &t, &e)
			: task_update(db, &r->actor, id, task, version, &f, &t, &e);
	if (rc != 0)
		return api_fail(r, &e);
	return task_reply(r, create ? 201 : 200, &t);
}

static int tasks_create(struct request *r)
{
	return tasks_save(r, true);
}

static int tasks_patch(struct request *r)
{
	return tasks_save(r, false);
}

/* A domain call that gives one task: task_get, task_complete. */
typedef int (*task_one_fn)(struct store_conn *c, const struct actor *a, int64_t case_id,
			   int64_t id, struct store_task *out, struct err *e);

/* tasks_one answers with the task fn gives for .../tasks/{task}. */
static int tasks_one(struct request *r, task_one_fn fn)
{
	int64_t id = request_param_id(r, 0), task = id ? request_param_id(r, 1) : 0;
	struct err e;
	struct store_conn *db = task ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	struct store_task t;
	if (fn(db, &r->actor, id, task, &t, &e) != 0)
		return api_fail(r, &e);
	return task_reply(r, 200, &t);
}

static int tasks_get(struct request *r)
{
	return tasks_one(r, task_get);
}

static int tasks_complete(struct request *r)
{
	return tasks_one(r, task_complete);
}

static int tasks_delete(struct request *r)
{
	return api_case_row_delete(r, task_remove);
}

const struct route api_task_routes[] = {
	{"GET", "/api/v1/cases/{id}/tasks", tasks_list, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/tasks", tasks_create, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"GET", "/api/v1/cases/{id}/tasks/{task}", tasks_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{"PATCH", "/api/v1/cases/{id}/tasks/{task}", tasks_patch, ROUTE_USER, true, ROUTE_BODY_JSON},
	{"DELETE", "/api/v1/cases/{id}/tasks/{task}", tasks_delete, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{"POST", "/api/v1/cases/{id}/tasks/{task}/complete", tasks_complete, ROUTE_USER, true,
	 ROUTE_BODY_NONE},
	{0},
};
