/* rights.h - the named rights, their role defaults, and effective rights of a user.
 *
 * A role gives a default set; an administrator grants or revokes single rights per user
 * (store_right_set). Effective rights = role defaults + grants - revokes. Record-level scoping
 * (advisors and clients see only their own cases) is a matter of the store queries, not of this
 * list. */
#ifndef CASELOAD_RIGHTS_H
#define CASELOAD_RIGHTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum right {
	RIGHT_ADMIN = 0,
	RIGHT_CASE_CREATE,
	RIGHT_CASE_EDIT,
	RIGHT_CASE_EDIT_NAME_NUMBER,
	RIGHT_STATUS_REPORT_MASS_SEND,
	RIGHT_STATUS_REPORT_SELECTIVE_SEND,
	RIGHT_CLIENT_INVITE,
	RIGHT__COUNT
};

struct right_info {
	const char *name;
	const char *description;
	const char *default_roles;  /* space-separated role names */
};

/* rights_info gives the description of right r (r < RIGHT__COUNT). */
const struct right_info *rights_info(enum right r);

/* rights_lookup finds a right by name; -1 when there is none. */
int rights_lookup(const char *name);

/* rights_role_valid says whether role is one of admin, staff, advisor, client. */
bool rights_role_valid(const char *role);

/* rights_role_default is the bit set a role has before any override. */
uint32_t rights_role_default(const char *role);

/* rights_effective loads a user's overrides and computes the effective bit set into *out. */
int rights_effective(struct store_conn *c, const struct store_user *u, uint32_t *out,
		     struct err *e);

/* rights_has says whether the actor holds right r. */
bool rights_has(const struct actor *a, enum right r);

/* rights_require returns 0 when the actor holds r, else ERR_FORBIDDEN naming the right. */
int rights_require(const struct actor *a, enum right r, struct err *e);

#endif
