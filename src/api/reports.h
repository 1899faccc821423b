/* reports.h - the JSON forms of a status report preview and of a send's result (docs/api.md
 * "Pending cases and case status reports"), made in one place for the API (api/reports.c) and
 * for `caseload report status --json` (cli/report.c). */
#ifndef CASELOAD_API_REPORTS_H
#define CASELOAD_API_REPORTS_H

#include <jansson.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* report_preview_to_json reads preview id for the actor and gives its JSON form (a new
 * reference), or NULL with e filled (ERR_NOT_FOUND, ...). */
json_t *report_preview_to_json(struct store_conn *c, const struct actor *a, int64_t id,
			       struct err *e);

/* report_result_to_json reads send id for the actor and gives its result as JSON (a new
 * reference), or NULL with e filled. */
json_t *report_result_to_json(struct store_conn *c, const struct actor *a, int64_t id,
			      struct err *e);

#endif
