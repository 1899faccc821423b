/* contact.h - people and organisations outside the user list: clients, advisors, courts, other
 * parties. Minimal here (names, e-mail, phone); cases point at them as parties
 * (domain/case.c) and as external staff (case_staff.c), and a user may be linked to their own
 * contact (user.h, contact_id).
 *
 * Reading needs role admin or staff (advisors and clients get ERR_FORBIDDEN); writing needs the
 * right case_edit. */
#ifndef CASELOAD_CONTACT_H
#define CASELOAD_CONTACT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* Which members of struct contact_fields were given (for PATCH). */
enum contact_field_bit {
	CONTACT_F_KIND = 1u << 0,
	CONTACT_F_FIRST_NAME = 1u << 1,
	CONTACT_F_LAST_NAME = 1u << 2,
	CONTACT_F_ORG_NAME = 1u << 3,
	CONTACT_F_EMAIL = 1u << 4,
	CONTACT_F_PHONE = 1u << 5,
};

/* What a create or edit asks for: the values of the present members in v (id, version,
 * display_name and created_at of v are ignored). */
struct contact_fields {
	uint32_t present;   /* enum contact_field_bit */
	struct store_contact v;
};

/* contact_create adds a contact (case_edit). kind is person (the default) or organisation; a
 * person needs a first or last name, an organisation an org_name; an e-mail, when given, must
 * look like an address (ERR_UNPROCESSABLE naming the field). Names are trimmed. */
int contact_create(struct store_conn *c, const struct actor *a, const struct contact_fields *f,
		   struct store_contact *out, struct err *e);

/* contact_update changes the given members when version is current (ERR_CONFLICT on
 * header.If-Match otherwise), with the rules of contact_create over the result. */
int contact_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		   const struct contact_fields *f, struct store_contact *out, struct err *e);

/* contact_delete removes a contact nothing uses (case_edit); ERR_CONFLICT "in use: N where"
 * otherwise, ERR_NOT_FOUND when absent. */
int contact_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e);

/* contact_get reads one contact (admin or staff). */
int contact_get(struct store_conn *c, const struct actor *a, int64_t id, struct store_contact *out,
		struct err *e);

/* contact_list calls each for up to limit contacts with id > after_id, in id order, whose first,
 * last or organisation name or e-mail starts with q ("" = all, any case). Admin or staff. */
int contact_list(struct store_conn *c, const struct actor *a, const char *q, int64_t after_id,
		 int limit, store_contact_each_fn each, void *ctx, struct err *e);

/* contact_may_read says whether the actor may read contacts (the system, admin and staff). */
bool contact_may_read(const struct actor *a);

#endif
