/* bankruptcy.c - bankruptcies of a case's parties (see bankruptcy.h): the record described for
 * the steps every row under a party shares (domain/party_row.c). The side (P or D) is the
 * party's kind, joined in by the store. */
#include "domain/bankruptcy.h"
#include "domain/party_row.h"
#include "domain/user.h"

#include <stddef.h>

#define BF(member) offsetof(struct store_bankruptcy, member)
#define BS(member) sizeof(((struct store_bankruptcy *)0)->member)

static const struct party_row_member bankruptcy_members[] = {
	{BANKRUPTCY_F_COURT, "court_id", "court", PARTY_ROW_CONTACT, BF(court_id), 0, BF(court_name)},
	{BANKRUPTCY_F_JUDGE, "judge", "judge", PARTY_ROW_TEXT, BF(judge), BS(judge), 0},
	{BANKRUPTCY_F_DOCKET, "docket_number", "docket number", PARTY_ROW_TEXT, BF(docket_number), BS(docket_number), 0},
	{BANKRUPTCY_F_TRUSTEE, "trustee_id", "trustee", PARTY_ROW_CONTACT, BF(trustee_id), 0, BF(trustee_name)},
	{BANKRUPTCY_F_TRUSTEE_ATTORNEY, "trustee_attorney_id", "trustee's attorney", PARTY_ROW_CONTACT, BF(trustee_attorney_id), 0, BF(trustee_attorney_name)},
	{BANKRUPTCY_F_RETAINED_DATE, "retained_date", "date retained", PARTY_ROW_DATE, BF(retained_date), BS(retained_date), 0},
	{0},
};

static int bankruptcy_store(struct store_conn *c, enum party_row_op op, void *row)
{
	struct store_bankruptcy *b = row;
	switch (op) {
	case PARTY_ROW_GET:
		return store_bankruptcy_get(c, b->case_id, b->id, b);
	case PARTY_ROW_INSERT:
		return store_bankruptcy_insert(c, b);
	case PARTY_ROW_UPDATE:
		return store_bankruptcy_update(c, b);
	case PARTY_ROW_DELETE:
		return store_bankruptcy_delete(c, b->id);
	}
	return STORE_ERROR;
}

static const struct party_row_kind bankruptcy_kind = {
	.what = "bankruptcy", .title = "Bankruptcy", .plaintiff_only = false,
	.size = sizeof(struct store_bankruptcy), .party_bit = BANKRUPTCY_F_PARTY,
	.id_at = BF(id), .case_at = BF(case_id), .party_at = BF(party_id),
	.version_at = BF(version), .name_at = BF(docket_number),
	.members = bankruptcy_members, .store = bankruptcy_store,
};

int bankruptcy_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		    store_bankruptcy_each_fn each, void *ctx, struct err *e)
{
	int rc = party_row_open(c, a, case_id, e);
	return rc != 0 ? rc : user_store_error(store_bankruptcy_list(c, case_id, each, ctx),
					       "bankruptcies", e);
}

int bankruptcy_get(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		   struct store_bankruptcy *out, struct err *e)
{
	return party_row_get(c, a, &bankruptcy_kind, case_id, id, out, e);
}

int bankruptcy_add(struct store_conn *c, const struct actor *a, int64_t case_id,
		   const struct bankruptcy_fields *f, struct store_bankruptcy *out,
		   struct err *e)
{
	return party_row_add(c, a, &bankruptcy_kind, case_id, f->present, &f->v, out, e);
}

int bankruptcy_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		      int64_t version, const struct bankruptcy_fields *f,
		      struct store_bankruptcy *out, struct err *e)
{
	struct store_bankruptcy old;
	return party_row_update(c, a, &bankruptcy_kind, case_id, id, version, f->present, &f->v,
				&old, out, e);
}

int bankruptcy_remove(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t id,
		      struct err *e)
{
	struct store_bankruptcy gone;
	return party_row_remove(c, a, &bankruptcy_kind, case_id, id, &gone, e);
}
