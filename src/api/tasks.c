/* tasks.c - tasks on a case.
 *   GET/POST /api/v1/cases/{id}/tasks, GET/PATCH/DELETE /api/v1/cases/{id}/tasks/{task},
 *   POST /api/v1/cases/{id}/tasks/{task}/complete
 * Rules are domain/task.c. */
#include "api/api.h"

const struct route api_task_routes[] = {
	{0},
};
