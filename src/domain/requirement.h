/* requirement.h - what the carrier needs before a policy is placed: name, status (outstanding,
 * received, waived), whether it is a key requirement (bold in reports), whether it is a policy
 * owner service (POS) requirement, the requested and received dates, comments, and the order in
 * which they are listed (position; new ones go last).
 *
 * Reading follows the case (advisors read their own cases'); changes need case_edit and write
 * "requirement.added", "requirement.changed", "requirement.removed" on the timeline. Marking one
 * received sets received_date to today when none is given. */
#ifndef CASELOAD_REQUIREMENT_H
#define CASELOAD_REQUIREMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum requirement_field_bit {
	REQUIREMENT_F_NAME = 1u << 0,
	REQUIREMENT_F_STATUS = 1u << 1,
	REQUIREMENT_F_KEY = 1u << 2,
	REQUIREMENT_F_POS = 1u << 3,
	REQUIREMENT_F_POSITION = 1u << 4,
	REQUIREMENT_F_REQUESTED = 1u << 5,
	REQUIREMENT_F_RECEIVED = 1u << 6,
	REQUIREMENT_F_COMMENTS = 1u << 7,
};

struct requirement_fields {
	uint32_t present;   /* enum requirement_field_bit */
	struct store_requirement v;
};

/* requirement_status_valid says whether s is outstanding, received or waived. */
bool requirement_status_valid(const char *s);

/* requirement_list walks a case's requirements in their listed order (outstanding_only: only
 * those with status outstanding). */
int requirement_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		     bool outstanding_only, store_requirement_each_fn each, void *ctx,
		     struct err *e);

int requirement_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		    struct store_requirement *out, struct err *e);

/* requirement_add: name 1..200 bytes, not blank; status valid (default outstanding); dates
 * valid or ""; position default after the last. */
int requirement_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const struct requirement_fields *f, struct store_requirement *out,
		    struct err *e);

int requirement_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       int64_t version, const struct requirement_fields *f,
		       struct store_requirement *out, struct err *e);

int requirement_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		       struct err *e);

#endif
