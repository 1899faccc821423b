/* contact.h - people and organisations outside the user list: clients, advisors, courts, other
 * parties, insurers, law firms. A contact has names (first, last, nickname, or an
 * organisation's), languages, phones and e-mail addresses (one primary of each kind; the
 * contact's phone / email members copy the primary ones), postal addresses (one primary), an
 * employer (an attorney's law firm, an adjuster's insurance company), the preferred way to be
 * written to (email or letter), and dates of birth and death. Cases point at them as parties
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
	CONTACT_F_PHONE = 1u << 5,        /* a single phone: replaces the phones with it as primary */
	CONTACT_F_NICKNAME = 1u << 6,
	CONTACT_F_LANGUAGES = 1u << 7,
	CONTACT_F_EMPLOYER = 1u << 8,
	CONTACT_F_PREFERRED_COMM = 1u << 9,
	CONTACT_F_BIRTH_DATE = 1u << 10,
	CONTACT_F_DEATH_DATE = 1u << 11,
	CONTACT_F_DEATH_PLACE = 1u << 12,
	CONTACT_F_PHONES = 1u << 13,      /* d.channels of kind phone replace the phones */
	CONTACT_F_EMAILS = 1u << 14,      /* d.channels of kind email replace the e-mails */
	CONTACT_F_ADDRESSES = 1u << 15,
};

#define CONTACT_CHANNELS_MAX 16    /* phones and e-mails together */
#define CONTACT_ADDRESSES_MAX 8

/* A contact with its phones, e-mails and addresses. */
struct contact_detail {
	struct store_contact v;
	struct store_contact_channel channels[CONTACT_CHANNELS_MAX];
	int n_channels;
	struct store_contact_address addresses[CONTACT_ADDRESSES_MAX];
	int n_addresses;
};

/* What a create or edit asks for: the values of the present members in d (id, version,
 * display_name, employer_name and created_at of d.v are ignored). */
struct contact_fields {
	uint32_t present;   /* enum contact_field_bit */
	struct contact_detail d;
};

/* contact_create adds a contact (case_edit). kind is person (the default) or organisation; a
 * person needs a first or last name, an organisation an org_name; every e-mail must look like
 * an address ("emails[i].value", or "email"); at most one primary phone, e-mail and address
 * ("phones", "emails", "addresses"; when none is marked the first is primary); employer_id
 * an existing organisation other than itself; preferred_comm email or letter; dates valid
 * (ERR_UNPROCESSABLE naming the field). Names are trimmed. */
int contact_create(struct store_conn *c, const struct actor *a, const struct contact_fields *f,
		   struct contact_detail *out, struct err *e);

/* contact_update changes the given members when version is current (ERR_CONFLICT on
 * header.If-Match otherwise), with the rules of contact_create over the result. */
int contact_update(struct store_conn *c, const struct actor *a, int64_t id, int64_t version,
		   const struct contact_fields *f, struct contact_detail *out, struct err *e);

/* contact_delete removes a contact nothing uses (case_edit); ERR_CONFLICT "in use: N where"
 * otherwise, ERR_NOT_FOUND when absent. */
int contact_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e);

/* contact_get reads one contact with its phones, e-mails and addresses (admin or staff). */
int contact_get(struct store_conn *c, const struct actor *a, int64_t id,
		struct contact_detail *out, struct err *e);

/* contact_list calls each for up to limit contacts with id > after_id, in id order, whose first,
 * last or organisation name or e-mail starts with q ("" = all, any case). Admin or staff. */
int contact_list(struct store_conn *c, const struct actor *a, const char *q, int64_t after_id,
		 int limit, store_contact_each_fn each, void *ctx, struct err *e);

typedef int (*contact_detail_each_fn)(const struct contact_detail *d, void *ctx);

/* contact_list_detail is contact_list with each contact's phones, e-mails and addresses (the
 * API's Contact resource). The page is read first, then each contact's lists. */
int contact_list_detail(struct store_conn *c, const struct actor *a, const char *q,
			int64_t after_id, int limit, contact_detail_each_fn each, void *ctx,
			struct err *e);

/* contact_ref reads contact id for a reference in the input named field ("law_firm_id"):
 * ERR_UNPROCESSABLE on field ("there is no contact 9") when there is none. No rights check:
 * the caller checks its own. */
int contact_ref(struct store_conn *c, int64_t id, const char *field, struct store_contact *out,
		struct err *e);

/* contact_may_read says whether the actor may read contacts (the system, admin and staff). */
bool contact_may_read(const struct actor *a);

#endif
