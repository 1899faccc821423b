/* policy.c - SQLite rows of case_policy: the policy data of a pending (insurance) case, at most
 * one row per case: number, insured, carrier, product, amount, kind and the follow-up dates.
 *
 * What a policy may hold and who may change it is domain/policy.c; the follow-up dates are
 * worked out by domain/follow_up.c. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>
#include <string.h>

static void sq_read_policy(sqlite3_stmt *st, void *row)
{
	struct store_policy *p = row;
	p->case_id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, p->policy_number, sizeof p->policy_number);
	p->insured_contact_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, p->insured_name, sizeof p->insured_name);
	p->carrier_contact_id = sqlite3_column_int64(st, 4);
	sq_text(st, 5, p->carrier_name, sizeof p->carrier_name);
	sq_text(st, 6, p->product, sizeof p->product);
	p->amount_cents = sqlite3_column_int64(st, 7);
	sq_text(st, 8, p->kind, sizeof p->kind);
	p->parent_case_id = sqlite3_column_int64(st, 9);
	sq_text(st, 10, p->next_follow_up, sizeof p->next_follow_up);
	sq_text(st, 11, p->last_follow_up, sizeof p->last_follow_up);
	p->version = sqlite3_column_int64(st, 12);
	p->updated_at = sqlite3_column_int64(st, 13);
}

/* sq_read_policy_names reads what a policy write returns (POLICY_WRITTEN): the names. */
static void sq_read_policy_names(sqlite3_stmt *st, void *row)
{
	struct store_policy *p = row;
	sq_text(st, 0, p->insured_name, sizeof p->insured_name);
	sq_text(st, 1, p->carrier_name, sizeof p->carrier_name);
}

/* sq_bind_policy_fields binds ?1 case .. ?10 last follow-up and ?11 now (POLICY_FIELDS). */
static void sq_bind_policy_fields(sqlite3_stmt *st, const struct store_policy *p, int64_t now)
{
	sqlite3_bind_int64(st, 1, p->case_id);
	sqlite3_bind_text(st, 2, p->policy_number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, p->insured_contact_id);
	sqlite3_bind_int64(st, 4, p->carrier_contact_id);
	sqlite3_bind_text(st, 5, p->product, -1, SQLITE_STATIC);
	sq_bind_cents(st, 6, p->amount_cents);
	sqlite3_bind_text(st, 7, p->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, p->parent_case_id);
	sqlite3_bind_text(st, 9, p->next_follow_up, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, p->last_follow_up, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, now);
}

int sqlite_policy_get(struct store_conn *base, int64_t case_id, struct store_policy *p)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_POLICY_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, case_id);
	return sq_one(c, st, sq_read_policy, p);
}

/* sq_policy_exists tells a stale version (STORE_CONFLICT) from a missing row
 * (STORE_NOT_FOUND) after an update changed nothing. */
static int sq_policy_exists(struct sqlite_conn *c, int64_t case_id)
{
	sqlite3_stmt *st = sq_stmt(c, SQ_POLICY_EXISTS);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, case_id);
	int step = sqlite3_step(st);
	int rc = step == SQLITE_ROW    ? STORE_CONFLICT
		 : step == SQLITE_DONE ? STORE_NOT_FOUND
				       : sq_rc(c, sqlite3_extended_errcode(c->db));
	sq_done(st);
	return rc;
}

/* sqlite_policy_put inserts (version 0; STORE_CONFLICT when the case has a row) or updates at
 * p->version (STORE_CONFLICT when stale, STORE_NOT_FOUND when there is no row), then sets the
 * version, updated_at and the contacts' names in p. An empty kind is stored as formal. */
int sqlite_policy_put(struct store_conn *base, struct store_policy *p, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	bool insert = p->version == 0;
	sqlite3_stmt *st = sq_stmt(c, insert ? SQ_POLICY_INSERT : SQ_POLICY_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_policy_fields(st, p, now);
	if (!insert)
		sqlite3_bind_int64(st, 12, p->version);
	int rc = sq_one(c, st, sq_read_policy_names, p);
	if (rc == STORE_NOT_FOUND && !insert)
		rc = sq_policy_exists(c, p->case_id);
	if (rc == STORE_OK) {
		p->version = insert ? 1 : p->version + 1;
		p->updated_at = now;
		if (p->kind[0] == '\0')
			snprintf(p->kind, sizeof p->kind, "formal");
	}
	return rc;
}

int sqlite_policy_follow_up_set(struct store_conn *base, int64_t case_id, const char *next,
				const char *last, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_POLICY_FOLLOW_UP_SET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_text(st, 2, next ? next : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last ? last : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now);
	return sq_exec_write(c, st, 1);
}
