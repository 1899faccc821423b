/* demo.h - what the two halves of `caseload demo` share: demo.c loads offices, logins, setup
 * lists and contacts, then demo_cases.c the cases. */
#ifndef CASELOAD_DEMO_H
#define CASELOAD_DEMO_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* One run of `caseload demo`: the connection, the system actor, what was made and what failed,
 * and ids later steps use. */
struct demo_run {
	struct store_conn *c;
	struct actor sys;
	int made, failed;
	int64_t stage_type_id;
	int64_t office_id;      /* the main office, where demo cases are handled */
};

/* demo_run_failed reports a failed step on standard error and counts it. */
void demo_run_failed(struct demo_run *d, const char *what, const char *name, const struct err *e);

/* demo_cases_load opens the demo cases (with their statuses, staff, parties, notes and related
 * cases) that do not exist yet, acting as the demo staff login. */
void demo_cases_load(struct demo_run *d);

#endif
