/* lien.c - liens on a case's plaintiffs (see lien.h): the record described for the steps every
 * row under a party shares (domain/party_row.c), and the per-plaintiff totals the summary's
 * Liens tab shows (domain/summary.c adds them up with lien_add_to_total). */
#include "domain/lien.h"
#include "domain/party_row.h"
#include "domain/user.h"

#include <stddef.h>

#define LF(member) offsetof(struct store_lien, member)

static const struct party_row_member lien_members[] = {
	{LIEN_F_HOLDER, "holder_id", "holder", PARTY_ROW_CONTACT, LF(holder_id), 0, LF(holder_name)},
	{LIEN_F_DESCRIPTION, "description", "description", PARTY_ROW_TEXT, LF(description), sizeof(((struct store_lien *)0)->description), 0},
	{LIEN_F_AMOUNT, "amount_cents", "amount", PARTY_ROW_AMOUNT, LF(amount_cents), 0, 0},
	{LIEN_F_NEGOTIATED, "negotiated_cents", "negotiated amount", PARTY_ROW_CENTS, LF(negotiated_cents), 0, 0},
	{LIEN_F_FINAL, "final_cents", "final amount", PARTY_ROW_CENTS, LF(final_cents), 0, 0},
	{0},
};

static int lien_store(struct store_conn *c, enum party_row_op op, void *row)
{
	struct store_lien *l = row;
	switch (op) {
	case PARTY_ROW_GET:
		return store_lien_get(c, l->case_id, l->id, l);
	case PARTY_ROW_INSERT:
		return store_lien_insert(c, l);
	case PARTY_ROW_UPDATE:
		return store_lien_update(c, l);
	case PARTY_ROW_DELETE:
		return store_lien_delete(c, l->id);
	}
	return STORE_ERROR;
}

static const struct party_row_kind lien_kind = {
	.what = "lien", .title = "Lien", .plaintiff_only = true,
	.size = sizeof(struct store_lien), .party_bit = LIEN_F_PARTY,
	.id_at = LF(id), .case_at = LF(case_id), .party_at = LF(party_id),
	.version_at = LF(version), .name_at = LF(holder_name),
	.members = lien_members, .store = lien_store,
};

void lien_add_to_total(struct lien_total *t, const struct store_lien *l)
{
	int64_t negotiated = l->negotiated_cents >= 0 ? l->negotiated_cents : l->amount_cents;
	t->count++;
	t->amount_cents += l->amount_cents;
	t->negotiated_cents += negotiated;
	t->final_cents += l->final_cents >= 0 ? l->final_cents : negotiated;
}

int lien_list(struct store_conn *c, const struct actor *a, int64_t case_id,
	      store_lien_each_fn each, void *ctx, struct err *e)
{
	int rc = party_row_open(c, a, case_id, e);
	return rc != 0 ? rc : user_store_error(store_lien_list(c, case_id, each, ctx), "liens", e);
}

int lien_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
	     struct store_lien *out, struct err *e)
{
	return party_row_get(c, a, &lien_kind, case_id, id, out, e);
}

int lien_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	     const struct lien_fields *f, struct store_lien *out, struct err *e)
{
	return party_row_add(c, a, &lien_kind, case_id, f->present, &f->v, out, e);
}

int lien_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		int64_t version, const struct lien_fields *f, struct store_lien *out,
		struct err *e)
{
	struct store_lien old;
	return party_row_update(c, a, &lien_kind, case_id, id, version, f->present, &f->v, &old,
				out, e);
}

int lien_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		struct err *e)
{
	struct store_lien gone;
	return party_row_remove(c, a, &lien_kind, case_id, id, &gone, e);
}
