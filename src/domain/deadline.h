/* deadline.h - critical deadlines and statutes of limitation of a case: the party it applies
 * to, its kind (plaintiff SOL, defendant SOL, or a critical deadline of a type from setup),
 * due date, comments, and whether it is done. The key dates show the next one
 * (deadline_next): the earliest outstanding, marked overdue when it is past due.
 *
 * Reading follows the case; changes need case_edit and write "deadline.added", ".changed",
 * ".done", ".removed" on the timeline. */
#ifndef CASELOAD_DEADLINE_H
#define CASELOAD_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum deadline_field_bit {
	DEADLINE_F_PARTY = 1u << 0,
	DEADLINE_F_KIND = 1u << 1,
	DEADLINE_F_TYPE = 1u << 2,
	DEADLINE_F_DUE_DATE = 1u << 3,
	DEADLINE_F_COMMENTS = 1u << 4,
	DEADLINE_F_DONE = 1u << 5,
};

struct deadline_fields {
	uint32_t present;   /* enum deadline_field_bit */
	struct store_deadline v;
};

/* The next deadline of a case as the key dates show it. */
struct deadline_next {
	bool found;
	bool overdue;                 /* its due date is before today */
	struct store_deadline d;
};

/* deadline_next_consider feeds one deadline of a case into n (start from {0}): done ones are
 * ignored; the earliest due date wins (then the lower id). deadline_next_finish sets overdue
 * against today ("YYYY-MM-DD"). */
void deadline_next_consider(struct deadline_next *n, const struct store_deadline *d);
void deadline_next_finish(struct deadline_next *n, const char *today);

/* deadline_kind_label: "Plaintiff SOL", "Defendant SOL", or the type's name for a critical
 * deadline. */
const char *deadline_kind_label(const struct store_deadline *d);

int deadline_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		  bool outstanding_only, store_deadline_each_fn each, void *ctx, struct err *e);

/* deadline_get reads one deadline of a case; ERR_NOT_FOUND when the case has no such one. */
int deadline_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		 struct store_deadline *out, struct err *e);

/* deadline_add: kind plaintiff_sol, defendant_sol or critical (422 kind); a critical one needs
 * deadline_type_id of an existing type, the SOLs refuse one (422 deadline_type_id); party_id,
 * when given, is a party of the case and of the matching side for an SOL (422 party_id);
 * due_date a valid date (422 due_date). Marking done sets done_date to today unless given. */
int deadline_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		 const struct deadline_fields *f, struct store_deadline *out, struct err *e);
int deadline_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    int64_t version, const struct deadline_fields *f, struct store_deadline *out,
		    struct err *e);
int deadline_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    struct err *e);

#endif
