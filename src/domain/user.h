/* user.h - people who log in: creating, changing, listing them, their passwords and rights.
 *
 * Every call checks the actor's rights first (admin for other users; anyone for themselves
 * where it says so). Sessions and tokens are domain/session.c. */
#ifndef CASELOAD_USER_H
#define CASELOAD_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "domain/password.h"
#include "store/store.h"

/* Which fields of struct user_fields were given (for PATCH). */
enum user_field_bit {
	USER_F_LOGIN = 1u << 0,
	USER_F_NAME = 1u << 1,
	USER_F_EMAIL = 1u << 2,
	USER_F_ROLE = 1u << 3,
	USER_F_OFFICE = 1u << 4,
	USER_F_ACTIVE = 1u << 5,
	USER_F_PASSWORD = 1u << 6,
	USER_F_CONTACT = 1u << 7,
};

struct user_fields {
	uint32_t present;                     /* enum user_field_bit */
	char login[STORE_LOGIN_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	char email[STORE_EMAIL_MAX + 1];
	char role[STORE_ROLE_MAX + 1];
	int64_t office_id;                    /* 0 = none */
	bool active;
	char password[PASSWORD_MAX_CHARS * 4 + 1];
	int64_t contact_id;                   /* 0 = none; must name a contact (domain/contact.h) */
};

/* user_create validates f (login, name, role, password required) and writes a new active user
 * into *out. Needs admin (the system actor has it). ERR_CONFLICT when the login is taken. */
int user_create(struct store_conn *c, const struct actor *a, const struct user_fields *f,
		struct store_user *out, struct err *e);

/* user_update changes the given fields (name, email, role, office, active, contact) if version
 * is the stored one (ERR_CONFLICT otherwise). Deactivating ends the user's sessions. Needs
 * admin. */
int user_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		const struct user_fields *f, struct store_user *out, struct err *e);

/* user_get reads one user: admin for anyone, others only themselves (ERR_FORBIDDEN). */
int user_get(struct store_conn *c, const struct actor *a, int64_t id, struct store_user *out,
	     struct err *e);

/* user_get_by_login reads one user by login (CLI use; needs admin). */
int user_get_by_login(struct store_conn *c, const struct actor *a, const char *login,
		      struct store_user *out, struct err *e);

/* user_directory calls each for up to limit users after after_id, for picking people (case
 * owner, staff): any admin or staff user may read it (ERR_FORBIDDEN for advisors and clients);
 * callers show only names, logins, roles and offices. */
int user_directory(struct store_conn *c, const struct actor *a, int64_t after_id, int limit,
		   store_user_each_fn each, void *ctx, struct err *e);

/* user_list calls each for up to limit users after after_id. Needs admin. */
int user_list(struct store_conn *c, const struct actor *a, int64_t after_id, int limit,
	      store_user_each_fn each, void *ctx, struct err *e);

/* user_set_password replaces a user's password (admin) and ends all their sessions. */
int user_set_password(struct store_conn *c, const struct actor *a, int64_t id, const char *pw,
		      struct err *e);

/* user_change_own_password checks current, sets fresh, and ends the actor's other sessions. */
int user_change_own_password(struct store_conn *c, const struct actor *a, const char *current,
			     const char *fresh, struct err *e);

/* user_right_override grants (granted) or revokes (!granted) one right for a user, or, when
 * reset is set, removes the override so the role default applies. Needs admin. ERR_NOT_FOUND for
 * an unknown right or user. */
int user_right_override(struct store_conn *c, const struct actor *a, int64_t id,
			const char *right, bool granted, bool reset, struct err *e);

/* user_overrides reads a user's overrides as two bit sets. */
int user_overrides(struct store_conn *c, int64_t id, uint32_t *granted, uint32_t *revoked,
		   struct err *e);

/* user_email_valid says whether email ("" is allowed: no address) looks like an e-mail
 * address: one '@' with text before it and a dotted domain after it, no spaces. */
bool user_email_valid(const char *email);

/* user_store_error turns a store result into an error (ERR_BUSY for STORE_RETRY, etc.). */
int user_store_error(int rc, const char *what, struct err *e);

#endif
