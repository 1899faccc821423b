/* bankruptcy.h - bankruptcies of a case's parties: which party (so the side, P or D), the
 * court, judge, docket number, trustee, trustee's attorney and the date the attorney was
 * retained.
 *
 * Reading follows the case; changes need case_edit and write "bankruptcy.added" / ".changed"
 * / ".removed" on the timeline. */
#ifndef CASELOAD_BANKRUPTCY_H
#define CASELOAD_BANKRUPTCY_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum bankruptcy_field_bit {
	BANKRUPTCY_F_PARTY = 1u << 0,     /* create only */
	BANKRUPTCY_F_COURT = 1u << 1,
	BANKRUPTCY_F_JUDGE = 1u << 2,
	BANKRUPTCY_F_DOCKET = 1u << 3,
	BANKRUPTCY_F_TRUSTEE = 1u << 4,
	BANKRUPTCY_F_TRUSTEE_ATTORNEY = 1u << 5,
	BANKRUPTCY_F_RETAINED_DATE = 1u << 6,
};

struct bankruptcy_fields {
	uint32_t present;   /* enum bankruptcy_field_bit */
	struct store_bankruptcy v;
};

int bankruptcy_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		    store_bankruptcy_each_fn each, void *ctx, struct err *e);
/* bankruptcy_get reads row id of the case; ERR_NOT_FOUND when the case has none (or the case
 * is not the actor's to see). */
int bankruptcy_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		   struct store_bankruptcy *out, struct err *e);

/* bankruptcy_add: party_id is a party of this case (422 party_id); court, trustee and
 * trustee's attorney exist when given; retained_date a valid date or "". */
int bankruptcy_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		   const struct bankruptcy_fields *f, struct store_bankruptcy *out,
		   struct err *e);
int bankruptcy_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		      int64_t version, const struct bankruptcy_fields *f,
		      struct store_bankruptcy *out, struct err *e);
int bankruptcy_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		      struct err *e);

#endif
