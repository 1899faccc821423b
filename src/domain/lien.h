/* lien.h - liens on a case's plaintiffs: holder, description, amount, and the negotiated and
 * final amounts once known. The summary's Liens tab totals them per plaintiff (every
 * plaintiff listed, $0.00 where there is none; lien_totals).
 *
 * Reading follows the case; changes need case_edit and write "lien.added" / ".changed" /
 * ".removed" on the timeline. */
#ifndef CASELOAD_LIEN_H
#define CASELOAD_LIEN_H

#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum lien_field_bit {
	LIEN_F_PARTY = 1u << 0,           /* create only */
	LIEN_F_HOLDER = 1u << 1,
	LIEN_F_DESCRIPTION = 1u << 2,
	LIEN_F_AMOUNT = 1u << 3,
	LIEN_F_NEGOTIATED = 1u << 4,
	LIEN_F_FINAL = 1u << 5,
};

struct lien_fields {
	uint32_t present;   /* enum lien_field_bit */
	struct store_lien v;
};

/* One plaintiff's line of the totals: the sum of amount, negotiated (a lien not negotiated
 * counts its amount) and final (a lien without a final amount counts its negotiated one, or
 * its amount) over the plaintiff's liens, and how many there are. */
struct lien_total {
	int64_t party_id;
	int64_t count;
	int64_t amount_cents;
	int64_t negotiated_cents;
	int64_t final_cents;
};

/* lien_add_to_total adds one lien to its plaintiff's line (t->party_id must match). */
void lien_add_to_total(struct lien_total *t, const struct store_lien *l);

int lien_list(struct store_conn *c, const struct actor *a, int64_t case_id,
	      store_lien_each_fn each, void *ctx, struct err *e);

/* lien_get reads row id of the case; ERR_NOT_FOUND when the case has none (or the case
 * is not the actor's to see). */
int lien_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
	     struct store_lien *out, struct err *e);

/* lien_add: party_id is a plaintiff of this case (422 party_id), holder exists when given,
 * amount >= 0 and the others >= 0 when given (422 naming the field). */
int lien_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	     const struct lien_fields *f, struct store_lien *out, struct err *e);
int lien_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		int64_t version, const struct lien_fields *f, struct store_lien *out,
		struct err *e);
int lien_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		struct err *e);

#endif
