/* party.c - PostgreSQL rows of case_party: the contacts on each side of a case (plaintiffs,
 * other plaintiffs, defendants) with their group, primary marks, role, law firm and attorney,
 * and the contact's details the case summary shows beside them (joined in by PARTY_COLUMNS).
 *
 * Mirrors ../sqlite/party.c. A party's insurance, liens and bankruptcies are insurance.c,
 * lien.c and bankruptcy.c (they go with the party when it is deleted); parties give a client
 * the cases they see (the scope in case.c) and decide a case's "other cases" (related.c); the
 * rules (one primary plaintiff, the primary marks only on plaintiffs) are domain/party.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_party(const PGresult *r, int row, void *out)
{
	struct store_party *pt = out;
	pt->id = pg_i64(r, row, 0);
	pt->case_id = pg_i64(r, row, 1);
	pt->contact_id = pg_i64(r, row, 2);
	pg_text(r, row, 3, pt->kind, sizeof pt->kind);
	pg_text(r, row, 4, pt->contact_name, sizeof pt->contact_name);
	pt->group_no = pg_i64(r, row, 5);
	pt->primary_party = pg_bool(r, row, 6);
	pt->primary_contact = pg_bool(r, row, 7);
	pg_text(r, row, 8, pt->role, sizeof pt->role);
	pt->represented = pg_bool(r, row, 9);
	pt->law_firm_id = pg_i64(r, row, 10);
	pt->attorney_id = pg_i64(r, row, 11);
	pg_text(r, row, 12, pt->injury_summary, sizeof pt->injury_summary);
	pg_text(r, row, 13, pt->pleadings_summary, sizeof pt->pleadings_summary);
	pt->version = pg_i64(r, row, 14);
	pg_text(r, row, 15, pt->nickname, sizeof pt->nickname);
	pg_text(r, row, 16, pt->languages, sizeof pt->languages);
	pg_text(r, row, 17, pt->phone, sizeof pt->phone);
	pg_text(r, row, 18, pt->birth_date, sizeof pt->birth_date);
	pg_text(r, row, 19, pt->death_date, sizeof pt->death_date);
	pg_text(r, row, 20, pt->death_place, sizeof pt->death_place);
	pg_text(r, row, 21, pt->law_firm_name, sizeof pt->law_firm_name);
	pg_text(r, row, 22, pt->attorney_name, sizeof pt->attorney_name);
}

/* pg_bind_party_fields binds the editable fields, $4 .. $12 (PARTY_FIELDS in catalogue.c). */
static void pg_bind_party_fields(struct pg_params *p, const struct store_party *pt)
{
	pg_p_i64(p, pt->group_no);
	pg_p_bool(p, pt->primary_party);
	pg_p_bool(p, pt->primary_contact);
	pg_p_text(p, pt->role);
	pg_p_bool(p, pt->represented);
	pg_p_i64(p, pt->law_firm_id);
	pg_p_i64(p, pt->attorney_id);
	pg_p_text(p, pt->injury_summary);
	pg_p_text(p, pt->pleadings_summary);
}

int pg_party_insert(struct store_conn *base, struct store_party *pt)
{
	struct pg_params p = {0};
	pg_p_i64(&p, pt->case_id);
	pg_p_i64(&p, pt->contact_id);
	pg_p_text(&p, pt->kind);
	pg_bind_party_fields(&p, pt);
	/* STORE_CONFLICT: the contact already has that kind on the case */
	int rc = pg_insert_id(pg_conn(base), PG_PARTY_INSERT, &p, &pt->id);
	if (rc == STORE_OK)
		pt->version = 1;
	return rc;
}

int pg_party_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_party *pt)
{
	return pg_one_ids(pg_conn(base), PG_PARTY_GET, case_id, id, pg_read_party, pt);
}

int pg_party_update(struct store_conn *base, struct store_party *pt)
{
	struct pg_params p = {0};
	pg_p_i64(&p, pt->id);
	pg_p_i64(&p, pt->case_id);
	pg_p_i64(&p, pt->version);
	pg_bind_party_fields(&p, pt);
	return pg_update_versioned(pg_conn(base), PG_PARTY_UPDATE, &p, &pt->version, NULL, NULL);
}

/* pg_party_delete removes the party with its insurance, liens and bankruptcies, and unlinks its
 * deadlines, in one statement. */
int pg_party_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_PARTY_DELETE, id);
}

struct pg_party_walk {
	store_party_each_fn each;
	void *ctx;
};

static int pg_visit_party(const PGresult *r, int row, void *ctx)
{
	struct pg_party_walk *w = ctx;
	struct store_party pt;
	memset(&pt, 0, sizeof pt);
	pg_read_party(r, row, &pt);
	return w->each(&pt, w->ctx);
}

int pg_party_list(struct store_conn *base, int64_t case_id, store_party_each_fn each, void *ctx)
{
	struct pg_party_walk w = {each, ctx};
	return pg_each_of(pg_conn(base), PG_PARTY_LIST, case_id, pg_visit_party, &w);
}
