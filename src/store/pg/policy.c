/* policy.c - PostgreSQL rows of case_policy: the policy data of an insurance case (number,
 * insured, carrier, product, amount, kind and parent, follow-up dates), at most one per case.
 *
 * Mirrors ../sqlite/policy.c. The rules (a valid kind, an informal child's parent, existing
 * contacts, dates) are domain/policy.c; moving the follow-up dates after a send is
 * domain/follow_up.c. A case's requirements are requirement.c. */
#include "store/pg/reports.h"

#include <stdio.h>
#include <string.h>

/* pg_read_policy reads POLICY_COLUMNS from column first on (see reports.h). */
void pg_read_policy(const PGresult *r, int row, int first, struct store_policy *p)
{
	int i = first;
	p->case_id = pg_i64(r, row, i++);
	pg_text(r, row, i++, p->policy_number, sizeof p->policy_number);
	p->insured_contact_id = pg_i64(r, row, i++);
	pg_text(r, row, i++, p->insured_name, sizeof p->insured_name);
	p->carrier_contact_id = pg_i64(r, row, i++);
	pg_text(r, row, i++, p->carrier_name, sizeof p->carrier_name);
	pg_text(r, row, i++, p->product, sizeof p->product);
	p->amount_cents = pg_i64(r, row, i++);
	pg_text(r, row, i++, p->kind, sizeof p->kind);
	p->parent_case_id = pg_i64(r, row, i++);
	pg_text(r, row, i++, p->next_follow_up, sizeof p->next_follow_up);
	pg_text(r, row, i++, p->last_follow_up, sizeof p->last_follow_up);
	p->version = pg_i64(r, row, i++);
	p->updated_at = pg_i64(r, row, i);
}

static void pg_read_policy_row(const PGresult *r, int row, void *out)
{
	pg_read_policy(r, row, 0, out);
}

/* pg_bind_policy_fields binds the case as $1 and the fields $2 .. $10 (POLICY_FIELDS in
 * catalogue_reports.c), then now as $11. */
static void pg_bind_policy_fields(struct pg_params *q, const struct store_policy *p, int64_t now)
{
	pg_p_i64(q, p->case_id);
	pg_p_text(q, p->policy_number);
	pg_p_i64(q, p->insured_contact_id);
	pg_p_i64(q, p->carrier_contact_id);
	pg_p_text(q, p->product);
	pg_p_opt(q, p->amount_cents);
	pg_p_text(q, p->kind);
	pg_p_i64(q, p->parent_case_id);
	pg_p_text(q, p->next_follow_up);
	pg_p_text(q, p->last_follow_up);
	pg_p_i64(q, now);
}

/* pg_policy_get fills p for case_id; STORE_NOT_FOUND when the case has no policy row. */
int pg_policy_get(struct store_conn *base, int64_t case_id, struct store_policy *p)
{
	struct pg_params q = {0};
	pg_p_i64(&q, case_id);
	memset(p, 0, sizeof *p);
	return pg_one(pg_conn(base), PG_POLICY_GET, &q, pg_read_policy_row, p);
}

/* pg_read_policy_names reads the insured's and carrier's names a write gives back, from
 * column first on. */
static void pg_read_policy_names(const PGresult *r, int row, int first, struct store_policy *p)
{
	pg_text(r, row, first, p->insured_name, sizeof p->insured_name);
	pg_text(r, row, first + 1, p->carrier_name, sizeof p->carrier_name);
}

static void pg_read_inserted_policy(const PGresult *r, int row, void *out)
{
	pg_read_policy_names(r, row, 0, out);
}

static void pg_read_updated_policy(const PGresult *r, int row, void *out)
{
	pg_read_policy_names(r, row, 2, out);
}

/* pg_policy_put inserts (version 0; STORE_CONFLICT when the case has a row) or updates at
 * p->version (STORE_CONFLICT when stale, STORE_NOT_FOUND when there is no row), then sets the
 * version, updated_at and the contacts' names in p. An empty kind is stored as formal. */
int pg_policy_put(struct store_conn *base, struct store_policy *p, int64_t now)
{
	struct pg_conn *c = pg_conn(base);
	struct pg_params q = {0};
	pg_bind_policy_fields(&q, p, now);
	int rc;
	if (p->version == 0) {
		rc = pg_one(c, PG_POLICY_INSERT, &q, pg_read_inserted_policy, p);
		if (rc == STORE_NOT_FOUND)  /* no row back: the case has a policy row already */
			rc = STORE_CONFLICT;
		if (rc == STORE_OK)
			p->version = 1;
	} else {
		pg_p_i64(&q, p->version);
		rc = pg_update_versioned(c, PG_POLICY_UPDATE, &q, &p->version,
					 pg_read_updated_policy, p);
	}
	if (rc == STORE_OK) {
		p->updated_at = now;
		if (p->kind[0] == '\0')
			snprintf(p->kind, sizeof p->kind, "formal");
	}
	return rc;
}

/* pg_policy_follow_up_set writes both follow-up dates whatever the version, and bumps it;
 * STORE_NOT_FOUND when the case has no policy row. */
int pg_policy_follow_up_set(struct store_conn *base, int64_t case_id, const char *next,
			    const char *last, int64_t now)
{
	struct pg_params q = {0};
	pg_p_i64(&q, case_id);
	pg_p_text(&q, next);
	pg_p_text(&q, last);
	pg_p_i64(&q, now);
	return pg_exec_write(pg_conn(base), PG_POLICY_FOLLOW_UP_SET, &q, 1);
}
