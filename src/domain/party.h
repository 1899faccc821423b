/* party.h - the people on each side of a case, in full: plaintiffs (the firm's clients, and
 * "other plaintiffs" the firm does not represent) and defendants, each a contact with a group
 * number, a role in the incident, the law firm and attorney acting for them, and for
 * plaintiffs the primary-plaintiff and primary-contact marks and the injury and pleadings
 * summaries. Their insurance, liens and bankruptcies are insurance.c, lien.c, bankruptcy.c.
 *
 * Reading follows the case (case_load); every change needs case_edit (case_load_for_edit) and
 * writes its timeline event ("party.added", "party.changed", "party.removed") in the same
 * transaction. */
#ifndef CASELOAD_PARTY_H
#define CASELOAD_PARTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum party_field_bit {
	PARTY_F_CONTACT = 1u << 0,        /* create only */
	PARTY_F_KIND = 1u << 1,           /* create only */
	PARTY_F_GROUP = 1u << 2,
	PARTY_F_PRIMARY_PARTY = 1u << 3,
	PARTY_F_PRIMARY_CONTACT = 1u << 4,
	PARTY_F_ROLE = 1u << 5,
	PARTY_F_REPRESENTED = 1u << 6,
	PARTY_F_LAW_FIRM = 1u << 7,
	PARTY_F_ATTORNEY = 1u << 8,
	PARTY_F_INJURY_SUMMARY = 1u << 9,
	PARTY_F_PLEADINGS_SUMMARY = 1u << 10,
};

/* What an add or edit asks for: the values of the present members in v. */
struct party_fields {
	uint32_t present;   /* enum party_field_bit */
	struct store_party v;
};

/* party_primary_label is the summary's "Primary" column: "Plaintiff/Contact", "Plaintiff",
 * "Contact" or "". */
const char *party_primary_label(const struct store_party *p);

/* party_describe names a party in event descriptions: "Plaintiff: John Client", "Other
 * plaintiff: Ann Other" (not represented by the firm), "Defendant: Dan Driver". */
void party_describe(const struct store_party *p, char *out, size_t size);

/* party_of_case reads party party_id of case case_id for a reference in the input named field
 * (insurance, liens and bankruptcies name their party): ERR_UNPROCESSABLE on field when the
 * case has no such party, or when plaintiff_only and it is a defendant. No rights check. */
int party_of_case(struct store_conn *c, int64_t case_id, int64_t party_id, bool plaintiff_only,
		  const char *field, struct store_party *out, struct err *e);

/* party_list walks the parties of a case (plaintiffs, then defendants, each by group and id). */
int party_list(struct store_conn *c, const struct actor *a, int64_t case_id,
	       store_party_each_fn each, void *ctx, struct err *e);

/* party_get reads one party of a case; ERR_NOT_FOUND when the case has no such party. */
int party_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t party_id,
	      struct store_party *out, struct err *e);

/* party_add makes a contact a party. Rules (ERR_UNPROCESSABLE naming the field): contact_id
 * exists; kind is plaintiff (default) or defendant; group_no >= 1 (default 1); primary_party,
 * primary_contact and represented = false are for plaintiffs only, and an other plaintiff
 * (represented = false) is never primary; law_firm_id and attorney_id exist when given; role
 * <= 100 bytes, summaries <= 2000. The same contact twice on one side is ERR_CONFLICT on
 * contact_id. Marking a plaintiff primary (plaintiff or contact) takes the mark off every
 * other plaintiff of the case, each with its "party.changed" event; the first represented
 * plaintiff of a case becomes primary plaintiff and primary contact unless told otherwise. */
int party_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	      const struct party_fields *f, struct store_party *out, struct err *e);

/* party_update changes the given members when version is current (ERR_CONFLICT on
 * header.If-Match otherwise), with party_add's rules over the result; the contact and the kind
 * do not change (ERR_UNPROCESSABLE on contact_id / kind). A plaintiff made an other plaintiff
 * (represented false) loses its primary marks unless the same change sets them (which is
 * ERR_UNPROCESSABLE: an other plaintiff is never primary). A change that changes nothing
 * writes nothing and keeps the version. */
int party_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t party_id,
		 int64_t version, const struct party_fields *f, struct store_party *out,
		 struct err *e);

/* party_remove removes a party and its insurance, liens and bankruptcies ("party.removed"). */
int party_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t party_id,
		 struct err *e);

#endif
