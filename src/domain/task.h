/* task.h - tasks on a case: subject, description, priority (critical, high, normal - the
 * default - or low), due date, the user it is assigned to, and whether it is done. The case
 * summary lists the incomplete ones; completing one records who and when.
 *
 * Reading follows the case; changes need case_edit and write "task.added", "task.changed",
 * "task.completed", "task.reopened", "task.removed" on the timeline. */
#ifndef CASELOAD_TASK_H
#define CASELOAD_TASK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum task_field_bit {
	TASK_F_SUBJECT = 1u << 0,
	TASK_F_DESCRIPTION = 1u << 1,
	TASK_F_PRIORITY = 1u << 2,
	TASK_F_DUE_DATE = 1u << 3,
	TASK_F_ASSIGNEE = 1u << 4,
	TASK_F_COMPLETED = 1u << 5,
};

struct task_fields {
	uint32_t present;   /* enum task_field_bit */
	struct store_task v;
};

/* task_priority_valid says whether p is critical, high, normal or low. */
bool task_priority_valid(const char *p);

/* task_list walks a case's tasks (open_only: the incomplete ones), dated first by due date,
 * then by priority, then id. */
int task_list(struct store_conn *c, const struct actor *a, int64_t case_id, bool open_only,
	      store_task_each_fn each, void *ctx, struct err *e);

int task_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
	     struct store_task *out, struct err *e);

/* task_add: subject 1..200 bytes, not blank; priority valid (default normal); due_date a date
 * or ""; assignee an active user when given (422 assignee_id). */
int task_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	     const struct task_fields *f, struct store_task *out, struct err *e);

/* task_update changes the given members when version is current. Setting completed records
 * completed_at / completed_by (clearing it clears them). */
int task_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		int64_t version, const struct task_fields *f, struct store_task *out,
		struct err *e);

/* task_complete marks a task done whatever its version (the summary's button); completing a
 * completed task changes nothing and is not an error. */
int task_complete(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		  struct store_task *out, struct err *e);

int task_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		struct err *e);

#endif
