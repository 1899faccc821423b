/* task.c - rules for tasks on a case (see task.h): subject, priority, due date, assignee, and
 * completing and reopening them. The case summary's list of open tasks is domain/summary.c;
 * the timeline events are written through domain/timeline.c in each change's transaction. */
#include "domain/task.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <stdio.h>
#include <string.h>

bool task_priority_valid(const char *p)
{
	return strcmp(p, "critical") == 0 || strcmp(p, "high") == 0 ||
	       strcmp(p, "normal") == 0 || strcmp(p, "low") == 0;
}

struct task_tx {
	const struct actor *a;
	int64_t case_id, id, version;
	const struct task_fields *f;
	struct store_task *out;
	struct store_case k;
};

/* task_apply copies the given members of f into t, checking what needs no database (the
 * subject is trimmed). */
static int task_apply(const struct task_fields *f, struct store_task *t, struct err *e)
{
	if (f->present & TASK_F_SUBJECT) {
		snprintf(t->subject, sizeof t->subject, "%s", f->v.subject);
		if (!setup_trim(t->subject))
			return err_set(e, ERR_UNPROCESSABLE, "subject", "must not be empty");
	}
	if (f->present & TASK_F_DESCRIPTION)
		snprintf(t->description, sizeof t->description, "%s", f->v.description);
	if (f->present & TASK_F_PRIORITY) {
		if (!task_priority_valid(f->v.priority))
			return err_set(e, ERR_UNPROCESSABLE, "priority",
				       "must be critical, high, normal or low");
		snprintf(t->priority, sizeof t->priority, "%s", f->v.priority);
	}
	if (f->present & TASK_F_DUE_DATE) {
		if (f->v.due_date[0] && !date_valid(f->v.due_date))
			return err_set(e, ERR_UNPROCESSABLE, "due_date", "must be a date YYYY-MM-DD");
		snprintf(t->due_date, sizeof t->due_date, "%s", f->v.due_date);
	}
	if (f->present & TASK_F_ASSIGNEE)
		t->assignee_id = f->v.assignee_id;
	return 0;
}

/* task_check_assignee: a task is assigned to an active user (or nobody). */
static int task_check_assignee(struct store_conn *c, int64_t id, struct err *e)
{
	if (id == 0)
		return 0;
	struct store_user u;
	int rc = id > 0 ? store_user_get(c, id, &u) : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !u.active))
		return err_set(e, ERR_UNPROCESSABLE, "assignee_id", "there is no active user %lld",
			       (long long)id);
	return user_store_error(rc, "user", e);
}

/* task_set_completed marks t done (recording now and the acting user) or open (clearing
 * them). */
static void task_set_completed(const struct task_tx *x, struct store_task *t, bool completed)
{
	t->completed = completed;
	t->completed_at = completed ? clock_now() : 0;
	t->completed_by = completed ? case_acting_user(x->a, &x->k) : 0;
}

/* task_event writes one task event: 'Task "<subject>" <what>'. */
static int task_event(struct store_conn *c, const struct task_tx *x, const char *type,
		      const char *what, const struct store_task *t, struct err *e)
{
	return timeline_append(c, x->a, x->case_id, type, e, "Task \"%s\" %s", t->subject, what);
}

/* task_read_back reads task id into x->out after a write. */
static int task_read_back(struct store_conn *c, struct task_tx *x, int64_t id, struct err *e)
{
	return user_store_error(store_task_get(c, x->case_id, id, x->out), "task", e);
}

static int task_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct task_tx *x = ctx;
	int rc = case_load_for_edit(c, x->a, x->case_id, &x->k, e);
	if (rc != 0)
		return rc;
	struct store_task t;
	memset(&t, 0, sizeof t);
	t.case_id = x->case_id;
	snprintf(t.priority, sizeof t.priority, "normal");
	if (!(x->f->present & TASK_F_SUBJECT))
		return err_set(e, ERR_UNPROCESSABLE, "subject", "is required");
	rc = task_apply(x->f, &t, e);
	if (rc == 0)
		rc = task_check_assignee(c, t.assignee_id, e);
	if (rc != 0)
		return rc;
	if ((x->f->present & TASK_F_COMPLETED) && x->f->v.completed)
		task_set_completed(x, &t, true);
	t.created_by = case_acting_user(x->a, &x->k);
	rc = store_task_insert(c, &t, clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "task", e);
	rc = task_read_back(c, x, t.id, e);
	if (rc != 0)
		return rc;
	const struct store_task *n = x->out;
	char what[STORE_NAME_MAX + 96];
	snprintf(what, sizeof what, "added (priority %s%s%s%s%s)", n->priority,
		 n->due_date[0] ? ", due " : "", n->due_date,
		 n->assignee_id ? ", assigned to " : "", n->assignee_id ? n->assignee_name : "");
	rc = task_event(c, x, "task.added", what, n, e);
	if (rc == 0 && n->completed)
		rc = task_event(c, x, "task.completed", "completed", n, e);
	return rc;
}

int task_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	     const struct task_fields *f, struct store_task *out, struct err *e)
{
	struct task_tx x = {.a = a, .case_id = case_id, .f = f, .out = out};
	return store_tx_run(c, task_add_fn, &x, e);
}

/* task_open loads the case for a change and reads the task into t. */
static int task_open(struct store_conn *c, struct task_tx *x, struct store_task *t,
		     struct err *e)
{
	int rc = case_load_for_edit(c, x->a, x->case_id, &x->k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_task_get(c, x->case_id, x->id, t), "task", e);
}

/* task_write stores t (its version the one read) and reads it back into x->out. */
static int task_write(struct store_conn *c, struct task_tx *x, struct store_task *t,
		      struct err *e)
{
	int rc = store_task_update(c, t, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the task was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "task", e);
	return task_read_back(c, x, t->id, e);
}

/* task_describe names what differs between a and b (completion aside). */
static void task_describe(const struct store_task *a, const struct store_task *b,
			  struct case_diff *d)
{
	memset(d, 0, sizeof *d);
	case_diff_text(d, "subject", a->subject, b->subject);
	case_diff_long(d, "description", a->description, b->description);
	case_diff_text(d, "priority", a->priority, b->priority);
	case_diff_text(d, "due date", a->due_date, b->due_date);
	if (a->assignee_id != b->assignee_id)
		case_diff_add(d, "assignee", a->assignee_id ? a->assignee_name : "",
			      b->assignee_id ? b->assignee_name : "");
}

static int task_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct task_tx *x = ctx;
	struct store_task old;
	int rc = task_open(c, x, &old, e);
	if (rc != 0)
		return rc;
	if (old.version != x->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the task was changed meanwhile (version %lld); reload",
			       (long long)old.version);
	struct store_task t = old;
	rc = task_apply(x->f, &t, e);
	if (rc == 0 && t.assignee_id != old.assignee_id)
		rc = task_check_assignee(c, t.assignee_id, e);
	if (rc != 0)
		return rc;
	bool completion = (x->f->present & TASK_F_COMPLETED) && x->f->v.completed != old.completed;
	if (completion)
		task_set_completed(x, &t, x->f->v.completed);
	struct case_diff d;
	task_describe(&old, &t, &d);
	if (d.count == 0 && !completion) {
		*x->out = old;   /* nothing changes: nothing is written, the version stays */
		return 0;
	}
	rc = task_write(c, x, &t, e);
	if (rc != 0)
		return rc;
	if (d.count > 0) {
		task_describe(&old, x->out, &d);   /* again, with the new assignee's name */
		rc = timeline_append(c, x->a, x->case_id, "task.changed", e, "Task \"%s\": %s",
				     old.subject, d.text);
	}
	if (rc == 0 && completion)
		rc = x->out->completed ? task_event(c, x, "task.completed", "completed", x->out, e)
				       : task_event(c, x, "task.reopened", "reopened", x->out, e);
	return rc;
}

int task_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		int64_t version, const struct task_fields *f, struct store_task *out,
		struct err *e)
{
	struct task_tx x = {.a = a, .case_id = case_id, .id = id, .version = version, .f = f,
			    .out = out};
	return store_tx_run(c, task_update_fn, &x, e);
}

static int task_complete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct task_tx *x = ctx;
	struct store_task t;
	int rc = task_open(c, x, &t, e);
	if (rc != 0)
		return rc;
	if (t.completed) {
		*x->out = t;   /* already done: nothing changes */
		return 0;
	}
	task_set_completed(x, &t, true);
	rc = task_write(c, x, &t, e);
	if (rc == 0)
		rc = task_event(c, x, "task.completed", "completed", x->out, e);
	return rc;
}

int task_complete(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		  struct store_task *out, struct err *e)
{
	struct task_tx x = {.a = a, .case_id = case_id, .id = id, .out = out};
	return store_tx_run(c, task_complete_fn, &x, e);
}

static int task_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct task_tx *x = ctx;
	int rc = task_open(c, x, x->out, e);
	if (rc != 0)
		return rc;
	rc = store_task_delete(c, x->out->id);
	if (rc != STORE_OK)
		return user_store_error(rc, "task", e);
	return task_event(c, x, "task.removed", "removed", x->out, e);
}

int task_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		struct err *e)
{
	struct store_task gone;
	struct task_tx x = {.a = a, .case_id = case_id, .id = id, .out = &gone};
	return store_tx_run(c, task_remove_fn, &x, e);
}

int task_list(struct store_conn *c, const struct actor *a, int64_t case_id, bool open_only,
	      store_task_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_task_list(c, case_id, open_only, each, ctx), "tasks", e);
}

int task_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
	     struct store_task *out, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	return user_store_error(store_task_get(c, case_id, id, out), "task", e);
}
