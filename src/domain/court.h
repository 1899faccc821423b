/* court.h - the courts hearing a case: the court (a contact), the docket number and filing
 * date, and the court personnel on the docket, each a contact with their role ("Judge",
 * "Clerk", ...).
 *
 * Reading follows the case; changes need case_edit and write "court.added", ".changed",
 * ".removed" on the timeline. */
#ifndef CASELOAD_COURT_H
#define CASELOAD_COURT_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

#define COURT_PERSONNEL_MAX 32

enum court_field_bit {
	COURT_F_COURT = 1u << 0,
	COURT_F_DOCKET = 1u << 1,
	COURT_F_FILING_DATE = 1u << 2,
	COURT_F_PERSONNEL = 1u << 3,
};

struct court_detail {
	struct store_court v;
	struct store_court_person personnel[COURT_PERSONNEL_MAX];
	int n_personnel;
};

struct court_fields {
	uint32_t present;   /* enum court_field_bit */
	struct court_detail d;
};

typedef int (*court_each_fn)(const struct court_detail *d, void *ctx);
int court_list(struct store_conn *c, const struct actor *a, int64_t case_id, court_each_fn each,
	       void *ctx, struct err *e);
int court_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
	      struct court_detail *out, struct err *e);
/* court_add: court_id an existing contact (422 court_id); filing_date a date or ""; personnel
 * each an existing contact_id with a role <= 100 bytes, at most 32 (422 "personnel"). */
int court_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	      const struct court_fields *f, struct court_detail *out, struct err *e);
int court_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		 int64_t version, const struct court_fields *f, struct court_detail *out,
		 struct err *e);
int court_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		 struct err *e);

#endif
