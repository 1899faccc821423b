/* related.h - a case's links to other cases:
 *   - related cases: linked by hand, always both ways (each case lists the other);
 *   - other cases: found, not linked: the other numbered cases that share a plaintiff.
 * The people on the case's sides (plaintiffs, defendants) are domain/party.c.
 * Lists answer case briefs (number, name, stage, attorney, paralegal, case manager). A caller
 * who sees only their own cases (advisors, clients) sees only those among the briefs.
 *
 * The case itself is domain/case.c; every change writes its timeline events (domain/timeline.c)
 * in the same transaction. */
#ifndef CASELOAD_RELATED_H
#define CASELOAD_RELATED_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* related_list walks the cases linked to case_id, by number. */
int related_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		 store_case_brief_each_fn each, void *ctx, struct err *e);

/* related_add links case_id and other_id both ways (right case_edit) with a "related.added"
 * event on each. Linking a case to itself, or to a case the actor cannot see, is
 * ERR_UNPROCESSABLE on "case_id"; linking twice ERR_CONFLICT. *out receives the brief of the
 * other case. */
int related_add(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t other_id,
		struct store_case_brief *out, struct err *e);

/* related_remove unlinks both ways (right case_edit) with a "related.removed" event on each
 * case; ERR_NOT_FOUND when they are not linked. */
int related_remove(struct store_conn *c, const struct actor *a, int64_t case_id,
		   int64_t other_id, struct err *e);

/* related_other_cases walks the other cases with a number that share at least one plaintiff
 * contact with case_id, by number. */
int related_other_cases(struct store_conn *c, const struct actor *a, int64_t case_id,
			store_case_brief_each_fn each, void *ctx, struct err *e);

#endif
