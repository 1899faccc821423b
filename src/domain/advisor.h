/* advisor.h - advisors seen from the firm: the contacts on cases in an advisor role (setup
 * roles of category advisor; the primary one(s) flagged primary_advisor), their log of what was
 * sent to them, and what an advisor who logs in may see of their own cases.
 *
 * Listing advisors and reading a log need admin or staff, or an advisor reading their own log
 * (their user's contact). Case scoping for advisor users is the store's (struct store_scope). */
#ifndef CASELOAD_ADVISOR_H
#define CASELOAD_ADVISOR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* advisor_list walks advisors (see store_advisor_list) for admin and staff. */
int advisor_list(struct store_conn *c, const struct actor *a, const char *q, int64_t after_id,
		 int limit, store_advisor_each_fn each, void *ctx, struct err *e);

/* advisor_log_list walks a contact's log newest first (ERR_NOT_FOUND for an advisor asking for
 * another's, or a contact that does not exist). */
int advisor_log_list(struct store_conn *c, const struct actor *a, int64_t contact_id,
		     int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx,
		     struct err *e);

#endif
