/* case_staff.h - who works on a case: users of the firm or outside contacts, each in a role
 * (lead attorney, paralegal, adviser, ... as set up in the roles list), with from and to dates
 * so the whole staffing history of a case is kept.
 *
 * A change of person or role ends the assignment and starts a new one; only the comments are
 * edited in place. Ending an assignment keeps it in the history. Which cases a user may see
 * because they are staff is the store's scope (store_scope); the case itself is domain/case.c. */
#ifndef CASELOAD_CASE_STAFF_H
#define CASELOAD_CASE_STAFF_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum case_staff_field_bit {
	CASE_STAFF_F_USER = 1u << 0,
	CASE_STAFF_F_CONTACT = 1u << 1,
	CASE_STAFF_F_ROLE = 1u << 2,
	CASE_STAFF_F_COMMENTS = 1u << 3,
	CASE_STAFF_F_DATE = 1u << 4,   /* add only: the from date */
};

/* What an add or edit asks for; `present` says which members were given. */
struct case_staff_fields {
	uint32_t present;      /* enum case_staff_field_bit */
	int64_t user_id;       /* 0 = none */
	int64_t contact_id;    /* 0 = none */
	int64_t role_id;
	char comments[STORE_COMMENTS_MAX + 1];
	char date[STORE_DATE_LEN];   /* "" = today */
};

/* case_staff_add assigns a user or a contact (exactly one; ERR_UNPROCESSABLE on "user_id"
 * otherwise) in a role to a case (right case_edit), from f->date or today, and writes the
 * "staff.added" event in the same transaction. Unknown user, contact or role: ERR_UNPROCESSABLE
 * naming the field. *out receives the new row. */
int case_staff_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		   const struct case_staff_fields *f, struct store_case_staff *out, struct err *e);

/* case_staff_update edits current row row_id of the case when version is current (else
 * ERR_CONFLICT; an ended row is ERR_CONFLICT too). A new person or role ends the row today and
 * starts a new current one, which *out receives ("staff.changed"); only new comments edit the
 * row in place. */
int case_staff_update(struct store_conn *c, const struct actor *a, int64_t case_id,
		      int64_t row_id, int64_t version, const struct case_staff_fields *f,
		      struct store_case_staff *out, struct err *e);

/* case_staff_remove ends current row row_id today ("staff.removed"); it stays in the history.
 * ERR_NOT_FOUND when the case has no such row, ERR_CONFLICT when it has already ended. */
int case_staff_remove(struct store_conn *c, const struct actor *a, int64_t case_id,
		      int64_t row_id, struct err *e);

/* case_staff_list walks the case's current staff (history = false) or every assignment ever,
 * newest first (history = true). */
int case_staff_list(struct store_conn *c, const struct actor *a, int64_t case_id, bool history,
		    store_case_staff_each_fn each, void *ctx, struct err *e);

#endif
