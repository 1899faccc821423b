/* contact.c - PostgreSQL rows of contact (people and organisations outside the user list:
 * clients, advisors, courts, insurers, other parties), with the display name every join shows
 * and the employer's, and where each contact is used (also by the policies, advisor logs and
 * status reports of migration 0004).
 *
 * Mirrors ../sqlite/contact.c. A contact's phones, e-mails and postal addresses are
 * contact_channel.c; validation (a person needs a name, an organisation its name, the primary
 * phone and e-mail copied into phone / email) is domain/contact.c; parties of cases are in
 * party.c, external staff in case_staff.c. */
#include "store/pg/pg.h"

#include <stdio.h>
#include <string.h>

static void pg_read_contact(const PGresult *r, int row, void *out)
{
	struct store_contact *ct = out;
	ct->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, ct->kind, sizeof ct->kind);
	pg_text(r, row, 2, ct->first_name, sizeof ct->first_name);
	pg_text(r, row, 3, ct->last_name, sizeof ct->last_name);
	pg_text(r, row, 4, ct->org_name, sizeof ct->org_name);
	pg_text(r, row, 5, ct->email, sizeof ct->email);
	pg_text(r, row, 6, ct->phone, sizeof ct->phone);
	pg_text(r, row, 7, ct->display_name, sizeof ct->display_name);
	ct->version = pg_i64(r, row, 8);
	ct->created_at = pg_i64(r, row, 9);
	pg_text(r, row, 10, ct->nickname, sizeof ct->nickname);
	pg_text(r, row, 11, ct->languages, sizeof ct->languages);
	ct->employer_id = pg_i64(r, row, 12);
	pg_text(r, row, 13, ct->preferred_comm, sizeof ct->preferred_comm);
	pg_text(r, row, 14, ct->birth_date, sizeof ct->birth_date);
	pg_text(r, row, 15, ct->death_date, sizeof ct->death_date);
	pg_text(r, row, 16, ct->death_place, sizeof ct->death_place);
	pg_text(r, row, 17, ct->employer_name, sizeof ct->employer_name);
}

/* pg_bind_contact_fields binds the written fields, $1 .. $13 (CONTACT_FIELDS in catalogue.c). */
static void pg_bind_contact_fields(struct pg_params *p, const struct store_contact *ct)
{
	pg_p_text(p, ct->kind);
	pg_p_text(p, ct->first_name);
	pg_p_text(p, ct->last_name);
	pg_p_text(p, ct->org_name);
	pg_p_text(p, ct->email);
	pg_p_text(p, ct->phone);
	pg_p_text(p, ct->nickname);
	pg_p_text(p, ct->languages);
	pg_p_i64(p, ct->employer_id);
	pg_p_text(p, ct->preferred_comm);
	pg_p_text(p, ct->birth_date);
	pg_p_text(p, ct->death_date);
	pg_p_text(p, ct->death_place);
}

/* pg_contact_written completes ct after a write: the preferred communication the table
 * defaulted ('' is stored as email). */
static void pg_contact_written(struct store_contact *ct)
{
	if (ct->preferred_comm[0] == '\0')
		snprintf(ct->preferred_comm, sizeof ct->preferred_comm, "email");
}

/* pg_read_inserted_contact reads INSERT ... RETURNING id, display name, employer's name. */
static void pg_read_inserted_contact(const PGresult *r, int row, void *out)
{
	struct store_contact *ct = out;
	ct->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, ct->display_name, sizeof ct->display_name);
	pg_text(r, row, 2, ct->employer_name, sizeof ct->employer_name);
}

int pg_contact_insert(struct store_conn *base, struct store_contact *ct, int64_t now)
{
	struct pg_params p = {0};
	pg_bind_contact_fields(&p, ct);
	pg_p_i64(&p, now);
	int rc = pg_one(pg_conn(base), PG_CONTACT_INSERT, &p, pg_read_inserted_contact, ct);
	if (rc == STORE_OK) {
		ct->version = 1;
		ct->created_at = now;
		pg_contact_written(ct);
	}
	return rc;
}

int pg_contact_get(struct store_conn *base, int64_t id, struct store_contact *ct)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_one(pg_conn(base), PG_CONTACT_GET, &p, pg_read_contact, ct);
}

/* pg_read_updated_contact reads the new display name and the employer's that
 * PG_CONTACT_UPDATE returns. */
static void pg_read_updated_contact(const PGresult *r, int row, void *out)
{
	struct store_contact *ct = out;
	pg_text(r, row, 2, ct->display_name, sizeof ct->display_name);
	pg_text(r, row, 3, ct->employer_name, sizeof ct->employer_name);
}

int pg_contact_update(struct store_conn *base, struct store_contact *ct, int64_t now)
{
	struct pg_params p = {0};
	pg_bind_contact_fields(&p, ct);
	pg_p_i64(&p, now);
	pg_p_i64(&p, ct->id);
	pg_p_i64(&p, ct->version);
	int rc = pg_update_versioned(pg_conn(base), PG_CONTACT_UPDATE, &p, &ct->version,
				     pg_read_updated_contact, ct);
	if (rc == STORE_OK)
		pg_contact_written(ct);
	return rc;
}

/* pg_contact_delete removes the contact with its phones, e-mails and addresses. */
int pg_contact_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_CONTACT_DELETE, id);
}

struct pg_contact_walk {
	store_contact_each_fn each;
	void *ctx;
};

static int pg_visit_contact(const PGresult *r, int row, void *ctx)
{
	struct pg_contact_walk *w = ctx;
	struct store_contact ct;
	memset(&ct, 0, sizeof ct);
	pg_read_contact(r, row, &ct);
	return w->each(&ct, w->ctx);
}

int pg_contact_list(struct store_conn *base, const char *q, int64_t after_id, int limit,
		    store_contact_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_text(&p, q ? q : "");
	pg_p_i64(&p, after_id);
	pg_p_limit(&p, limit);
	struct pg_contact_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_CONTACT_LIST, &p, pg_visit_contact, &w);
}

/* pg_contact_usage asks the places of migrations 0001-0003 first, then (when none uses the
 * contact) those of 0004: policies, advisor logs, status reports. */
int pg_contact_usage(struct store_conn *base, int64_t id, char where[64], int64_t *count)
{
	struct pg_conn *c = pg_conn(base);
	int rc = pg_usage(c, PG_CONTACT_USAGE, id, where, count);
	if (rc == STORE_OK && *count == 0)
		rc = pg_usage(c, PG_CONTACT_USAGE_REPORTS, id, where, count);
	return rc;
}
