/* party.c - SQLite rows of case_party: the contacts on each side of a case (plaintiffs, other
 * plaintiffs, defendants) with their group, primary marks, role, law firm and attorney, and
 * the contact's details the case summary shows beside them (joined in by PARTY_SELECT).
 *
 * A party's insurance, liens and bankruptcies are insurance.c, lien.c and bankruptcy.c (they
 * go with the party when it is deleted); the other cases a plaintiff shares are listed by
 * related.c; the rules (one primary plaintiff, the primary marks only on plaintiffs) are
 * domain/party.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_party(sqlite3_stmt *st, void *row)
{
	struct store_party *p = row;
	p->id = sqlite3_column_int64(st, 0);
	p->case_id = sqlite3_column_int64(st, 1);
	p->contact_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, p->kind, sizeof p->kind);
	sq_text(st, 4, p->contact_name, sizeof p->contact_name);
	p->group_no = sqlite3_column_int64(st, 5);
	p->primary_party = sqlite3_column_int(st, 6) != 0;
	p->primary_contact = sqlite3_column_int(st, 7) != 0;
	sq_text(st, 8, p->role, sizeof p->role);
	p->represented = sqlite3_column_int(st, 9) != 0;
	p->law_firm_id = sqlite3_column_int64(st, 10);
	p->attorney_id = sqlite3_column_int64(st, 11);
	sq_text(st, 12, p->injury_summary, sizeof p->injury_summary);
	sq_text(st, 13, p->pleadings_summary, sizeof p->pleadings_summary);
	p->version = sqlite3_column_int64(st, 14);
	sq_text(st, 15, p->nickname, sizeof p->nickname);
	sq_text(st, 16, p->languages, sizeof p->languages);
	sq_text(st, 17, p->phone, sizeof p->phone);
	sq_text(st, 18, p->birth_date, sizeof p->birth_date);
	sq_text(st, 19, p->death_date, sizeof p->death_date);
	sq_text(st, 20, p->death_place, sizeof p->death_place);
	sq_text(st, 21, p->law_firm_name, sizeof p->law_firm_name);
	sq_text(st, 22, p->attorney_name, sizeof p->attorney_name);
}

/* sq_bind_party_fields binds the editable fields, ?4 .. ?12 (PARTY_FIELDS in catalogue.c). */
static void sq_bind_party_fields(sqlite3_stmt *st, const struct store_party *p)
{
	sqlite3_bind_int64(st, 4, p->group_no);
	sqlite3_bind_int(st, 5, p->primary_party);
	sqlite3_bind_int(st, 6, p->primary_contact);
	sqlite3_bind_text(st, 7, p->role, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, p->represented);
	sqlite3_bind_int64(st, 9, p->law_firm_id);
	sqlite3_bind_int64(st, 10, p->attorney_id);
	sqlite3_bind_text(st, 11, p->injury_summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, p->pleadings_summary, -1, SQLITE_STATIC);
}

int sqlite_party_insert(struct store_conn *base, struct store_party *p)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_PARTY_INSERT, p->case_id, p->contact_id);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 3, p->kind, -1, SQLITE_STATIC);
	sq_bind_party_fields(st, p);
	int rc = sq_insert_id(c, st, &p->id);
	if (rc == STORE_OK)
		p->version = 1;
	return rc;
}

int sqlite_party_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_party *p)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_PARTY_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_party, p) : STORE_ERROR;
}

int sqlite_party_update(struct store_conn *base, struct store_party *p)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_PARTY_UPDATE, SQ_PARTY_GET, p->case_id, p->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_party_fields(st, p);
	sqlite3_bind_int64(st, 13, p->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		p->version++;
	return rc;
}

/* sqlite_party_delete takes the party's insurance, liens and bankruptcies with it and leaves
 * its deadlines without a party; the caller runs it inside a transaction, so that a failure
 * leaves all of them as they were. */
int sqlite_party_delete(struct store_conn *base, int64_t id)
{
	static const enum sq_id with_it[] = {
		SQ_PARTY_DROP_INSURANCE,
		SQ_PARTY_DROP_LIENS,
		SQ_PARTY_DROP_BANKRUPTCIES,
		SQ_PARTY_UNLINK_DEADLINES,
	};
	struct sqlite_conn *c = sq_conn(base);
	for (size_t i = 0; i < sizeof with_it / sizeof with_it[0]; i++) {
		int rc = sq_write_of(c, with_it[i], id);
		if (rc != STORE_OK && rc != STORE_NOT_FOUND)
			return rc;
	}
	return sq_write_of(c, SQ_PARTY_DELETE, id);
}

struct sq_party_walk {
	store_party_each_fn each;
	void *ctx;
};

static int sq_visit_party(sqlite3_stmt *st, void *ctx)
{
	struct sq_party_walk *w = ctx;
	struct store_party p;
	sq_read_party(st, &p);
	return w->each(&p, w->ctx);
}

int sqlite_party_list(struct store_conn *base, int64_t case_id, store_party_each_fn each,
		      void *ctx)
{
	struct sq_party_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_PARTY_LIST, case_id, sq_visit_party, &w);
}
