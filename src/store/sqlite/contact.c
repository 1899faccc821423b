/* contact.c - SQLite rows of contact: the people and organisations outside the user list
 * (clients, advisors, courts, insurers, other parties), and where each one is used.
 *
 * The display name is worked out in SQL (CONTACT_DISPLAY in catalogue.c) so that every read
 * that joins a contact names it the same way. A contact's phones, e-mails and postal
 * addresses are contact_channel.c; validation is domain/contact.c. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sq_read_contact(sqlite3_stmt *st, void *row)
{
	struct store_contact *ct = row;
	ct->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, ct->kind, sizeof ct->kind);
	sq_text(st, 2, ct->first_name, sizeof ct->first_name);
	sq_text(st, 3, ct->last_name, sizeof ct->last_name);
	sq_text(st, 4, ct->org_name, sizeof ct->org_name);
	sq_text(st, 5, ct->email, sizeof ct->email);
	sq_text(st, 6, ct->phone, sizeof ct->phone);
	sq_text(st, 7, ct->display_name, sizeof ct->display_name);
	ct->version = sqlite3_column_int64(st, 8);
	ct->created_at = sqlite3_column_int64(st, 9);
	sq_text(st, 10, ct->nickname, sizeof ct->nickname);
	sq_text(st, 11, ct->languages, sizeof ct->languages);
	ct->employer_id = sqlite3_column_int64(st, 12);
	sq_text(st, 13, ct->preferred_comm, sizeof ct->preferred_comm);
	sq_text(st, 14, ct->birth_date, sizeof ct->birth_date);
	sq_text(st, 15, ct->death_date, sizeof ct->death_date);
	sq_text(st, 16, ct->death_place, sizeof ct->death_place);
	sq_text(st, 17, ct->employer_name, sizeof ct->employer_name);
}

static void sq_bind_contact_fields(sqlite3_stmt *st, const struct store_contact *ct, int64_t now)
{
	sqlite3_bind_text(st, 1, ct->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ct->first_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ct->last_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ct->org_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, ct->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, ct->phone, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
	sqlite3_bind_text(st, 10, ct->nickname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, ct->languages, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 12, ct->employer_id);
	sqlite3_bind_text(st, 13, ct->preferred_comm, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, ct->birth_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, ct->death_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, ct->death_place, -1, SQLITE_STATIC);
}

/* sq_read_written_contact reads INSERT / UPDATE ... RETURNING id, display name, employer's
 * display name (CONTACT_WRITTEN). */
static void sq_read_written_contact(sqlite3_stmt *st, void *row)
{
	struct store_contact *ct = row;
	ct->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, ct->display_name, sizeof ct->display_name);
	sq_text(st, 2, ct->employer_name, sizeof ct->employer_name);
}

int sqlite_contact_insert(struct store_conn *base, struct store_contact *ct, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_INSERT);
	if (!st)
		return STORE_ERROR;
	sq_bind_contact_fields(st, ct, now);
	int rc = sq_one(c, st, sq_read_written_contact, ct);
	if (rc == STORE_OK) {
		ct->version = 1;
		ct->created_at = now;
		if (ct->preferred_comm[0] == '\0')
			snprintf(ct->preferred_comm, sizeof ct->preferred_comm, "email");
	}
	return rc;
}

int sqlite_contact_get(struct store_conn *base, int64_t id, struct store_contact *ct)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_one(c, st, sq_read_contact, ct);
}

int sqlite_contact_update(struct store_conn *base, struct store_contact *ct, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_contact_fields(st, ct, now);
	sqlite3_bind_int64(st, 8, ct->id);
	sqlite3_bind_int64(st, 9, ct->version);
	int rc = sq_one(c, st, sq_read_written_contact, ct);
	if (rc == STORE_OK) {
		ct->version++;
	} else if (rc == STORE_NOT_FOUND) {
		struct store_contact cur;
		rc = sqlite_contact_get(base, ct->id, &cur);
		if (rc == STORE_OK)
			rc = STORE_CONFLICT;
	}
	return rc;
}

/* sqlite_contact_delete removes the contact with its phones, e-mails and addresses (which are
 * part of it, not uses of it). */
int sqlite_contact_delete(struct store_conn *base, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	int rc = sq_write_of(c, SQ_CONTACT_CHANNELS_CLEAR, id);
	if (rc == STORE_OK || rc == STORE_NOT_FOUND)
		rc = sq_write_of(c, SQ_CONTACT_ADDRESSES_CLEAR, id);
	if (rc == STORE_OK || rc == STORE_NOT_FOUND)
		rc = sq_write_of(c, SQ_CONTACT_DELETE, id);
	return rc;
}

struct sq_contact_walk {
	store_contact_each_fn each;
	void *ctx;
};

static int sq_visit_contact(sqlite3_stmt *st, void *ctx)
{
	struct sq_contact_walk *w = ctx;
	struct store_contact ct;
	sq_read_contact(st, &ct);
	return w->each(&ct, w->ctx);
}

/* sq_like_prefix makes the LIKE pattern "q%" with %, _ and \ in q escaped by \; malloc'd. */
static char *sq_like_prefix(const char *q)
{
	char *out = malloc(2 * strlen(q) + 2);
	if (!out)
		return NULL;
	size_t o = 0;
	for (const char *p = q; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[o++] = '\\';
		out[o++] = *p;
	}
	out[o++] = '%';
	out[o] = '\0';
	return out;
}

int sqlite_contact_list(struct store_conn *base, const char *q, int64_t after_id, int limit,
			store_contact_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CONTACT_LIST);
	if (!st)
		return STORE_ERROR;
	char *pattern = sq_like_prefix(q ? q : "");
	if (!pattern) {
		snprintf(c->base.last_error, sizeof c->base.last_error, "out of memory");
		return STORE_ERROR;
	}
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_text(st, 2, q ? q : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, limit);
	struct sq_contact_walk w = {each, ctx};
	int rc = sq_each(c, st, sq_visit_contact, &w);
	free(pattern);
	return rc;
}

/* sqlite_contact_usage: the places of store.h's list, then "policies" (insured or carrier),
 * "advisor logs" and "status reports" (items of a report preview), which keep the rows that
 * name the contact. */
int sqlite_contact_usage(struct store_conn *base, int64_t id, char where[64], int64_t *count)
{
	static const struct sq_use uses[] = {
		{SQ_CONTACT_USE_PARTIES, "case parties"},
		{SQ_CONTACT_USE_STAFF, "case staff"},
		{SQ_CONTACT_USE_USERS, "users"},
		{SQ_CONTACT_USE_EMPLOYEES, "employees"},
		{SQ_CONTACT_USE_INSURANCE, "insurance"},
		{SQ_CONTACT_USE_LIENS, "liens"},
		{SQ_CONTACT_USE_BANKRUPTCIES, "bankruptcies"},
		{SQ_CONTACT_USE_APPOINTMENTS, "appointments"},
		{SQ_CONTACT_USE_COURTS, "courts"},
		{SQ_CONTACT_USE_COURT_PERSONNEL, "court personnel"},
		{SQ_CONTACT_USE_REFERRALS, "case referrals"},
		{SQ_CONTACT_USE_POLICIES, "policies"},
		{SQ_CONTACT_USE_ADVISOR_LOGS, "advisor logs"},
		{SQ_CONTACT_USE_REPORT_ITEMS, "status reports"},
	};
	return sq_usage(sq_conn(base), uses, (int)(sizeof uses / sizeof uses[0]), id, where, count);
}
