/* advisor.c - advisors seen from the firm (see advisor.h): who may list them and read their
 * logs. Which contacts are advisors, and the cases an advisor user may see, are the store's
 * queries (store_advisor_list, struct store_scope); the log entries are written by the report
 * send (domain/report.c); which roles are primary is the roles setup list (domain/setup.c). */
#include "domain/advisor.h"
#include "domain/user.h"

#include <string.h>

/* advisor_staff_side: the system, administrators and staff. */
static bool advisor_staff_side(const struct actor *a)
{
	return a->via == ACTOR_SYSTEM || strcmp(a->user.role, "admin") == 0 ||
	       strcmp(a->user.role, "staff") == 0;
}

int advisor_list(struct store_conn *c, const struct actor *a, const char *q, int64_t after_id,
		 int limit, store_advisor_each_fn each, void *ctx, struct err *e)
{
	if (!advisor_staff_side(a))
		return err_set(e, ERR_FORBIDDEN, NULL,
			       "the list of advisors is for administrators and staff");
	int rc = store_advisor_list(c, q ? q : "", after_id, limit, each, ctx);
	return user_store_error(rc, "advisors", e);
}

int advisor_log_list(struct store_conn *c, const struct actor *a, int64_t contact_id,
		     int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx,
		     struct err *e)
{
	bool own = strcmp(a->user.role, "advisor") == 0 && a->user.contact_id > 0 &&
		   a->user.contact_id == contact_id;
	if (!own && strcmp(a->user.role, "advisor") == 0)
		return err_set(e, ERR_NOT_FOUND, NULL, "contact not found");
	if (!own && !advisor_staff_side(a))
		return err_set(e, ERR_FORBIDDEN, NULL,
			       "advisor logs are for administrators and staff");
	struct store_contact ct;
	int rc = contact_id > 0 ? store_contact_get(c, contact_id, &ct) : STORE_NOT_FOUND;
	if (rc != STORE_OK)
		return user_store_error(rc, "contact", e);
	rc = store_advisor_log_list(c, contact_id, before_id, limit, each, ctx);
	return user_store_error(rc, "advisor log", e);
}
