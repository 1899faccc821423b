/* party_row.c - adding, changing, removing and reading the rows that hang under a party of a
 * case (see party_row.h): insurance.c, lien.c and bankruptcy.c describe their records and call
 * these. The party itself is party.c; the timeline events domain/timeline.c. */
#include "domain/party_row.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/contact.h"
#include "domain/party.h"
#include "domain/setup.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int64_t party_row_int(const void *row, size_t at)
{
	int64_t v;
	memcpy(&v, (const char *)row + at, sizeof v);
	return v;
}

static void party_row_set_int(void *row, size_t at, int64_t v)
{
	memcpy((char *)row + at, &v, sizeof v);
}

static const char *party_row_text(const void *row, size_t at)
{
	return (const char *)row + at;
}

/* party_row_money writes cents as "$1,234.56" ("" for -1, not given). */
static void party_row_money(int64_t cents, char out[40])
{
	out[0] = '\0';
	if (cents < 0)
		return;
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%" PRId64, cents / 100);
	size_t o = 0;
	out[o++] = '$';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	snprintf(out + o, 40 - o, ".%02" PRId64, cents % 100);
}

/* party_row_apply copies the present members of v into row. */
static void party_row_apply(const struct party_row_kind *k, void *row, uint32_t present,
			    const void *v)
{
	for (const struct party_row_member *m = k->members; m->bit; m++) {
		if (!(present & m->bit))
			continue;
		if (m->type == PARTY_ROW_TEXT || m->type == PARTY_ROW_DATE) {
			char *dst = (char *)row + m->at;
			size_t size = m->type == PARTY_ROW_DATE ? STORE_DATE_LEN : m->size;
			snprintf(dst, size, "%s", party_row_text(v, m->at));
			setup_trim(dst);
		} else {
			party_row_set_int(row, m->at, party_row_int(v, m->at));
		}
	}
}

/* party_row_check is the members' rules over a row about to be written. */
static int party_row_check(struct store_conn *c, const struct party_row_kind *k,
			   const void *row, struct err *e)
{
	for (const struct party_row_member *m = k->members; m->bit; m++) {
		int64_t n = m->type == PARTY_ROW_TEXT || m->type == PARTY_ROW_DATE
				    ? 0 : party_row_int(row, m->at);
		const char *s = party_row_text(row, m->at);
		struct store_contact ct;
		if (m->type == PARTY_ROW_DATE && s[0] && !date_valid(s))
			return err_set(e, ERR_UNPROCESSABLE, m->field, "must be a date YYYY-MM-DD");
		if (m->type == PARTY_ROW_CONTACT && n != 0 &&
		    contact_ref(c, n, m->field, &ct, e) != 0)
			return e->code;
		if (m->type == PARTY_ROW_CENTS && n < -1)
			return err_set(e, ERR_UNPROCESSABLE, m->field,
				       "must be a whole number of cents (>= 0) or null");
		if (m->type == PARTY_ROW_AMOUNT && n < 0)
			return err_set(e, ERR_UNPROCESSABLE, m->field,
				       "must be a whole number of cents (>= 0)");
	}
	return 0;
}

/* party_row_diff names the changes from a to b. */
static void party_row_diff(const struct party_row_kind *k, struct case_diff *d, const void *a,
			   const void *b)
{
	for (const struct party_row_member *m = k->members; m->bit; m++) {
		if (m->type == PARTY_ROW_TEXT || m->type == PARTY_ROW_DATE) {
			case_diff_text(d, m->label, party_row_text(a, m->at), party_row_text(b, m->at));
			continue;
		}
		int64_t from = party_row_int(a, m->at), to = party_row_int(b, m->at);
		if (from == to)
			continue;
		if (m->type == PARTY_ROW_CONTACT) {
			case_diff_add(d, m->label, party_row_text(a, m->name_at),
				      party_row_text(b, m->name_at));
		} else {
			char ma[40], mb[40];
			party_row_money(from, ma);
			party_row_money(to, mb);
			case_diff_add(d, m->label, ma, mb);
		}
	}
}

struct party_row_tx {
	const struct actor *a;
	const struct party_row_kind *k;
	int64_t case_id, id, version;
	uint32_t present;
	const void *v;
	void *old;        /* scratch: the row as it was */
	void *out;
};

/* party_row_event writes "<what>.<verb>": "Insurance Acme Co. (Plaintiff: John Client) added",
 * then ": <changes>" when there are some. */
static int party_row_event(struct store_conn *c, const struct party_row_tx *t, const char *verb,
			   const void *row, const char *changes, struct err *e)
{
	const struct party_row_kind *k = t->k;
	struct store_party p;
	int rc = store_party_get(c, t->case_id, party_row_int(row, k->party_at), &p);
	if (rc != STORE_OK)
		return user_store_error(rc, "party", e);
	char who[STORE_NAME_MAX + 32], type[STORE_EVENT_TYPE_MAX + 1];
	party_describe(&p, who, sizeof who);
	snprintf(type, sizeof type, "%s.%s", k->what, verb);
	const char *name = party_row_text(row, k->name_at);
	return timeline_append(c, t->a, t->case_id, type, e, "%s%s%s (%s) %s%s%s", k->title,
			       name[0] ? " " : "", name, who, verb, changes[0] ? ": " : "", changes);
}

/* party_row_read reads row id of the case into row. */
static int party_row_read(struct store_conn *c, const struct party_row_kind *k, int64_t case_id,
			  int64_t id, void *row, struct err *e)
{
	party_row_set_int(row, k->case_at, case_id);
	party_row_set_int(row, k->id_at, id);
	return user_store_error(k->store(c, PARTY_ROW_GET, row), k->what, e);
}

int party_row_open(struct store_conn *c, const struct actor *a, int64_t case_id, struct err *e)
{
	struct store_case kase;
	return case_load(c, a, case_id, &kase, e);
}

int party_row_get(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		  int64_t case_id, int64_t id, void *out, struct err *e)
{
	int rc = party_row_open(c, a, case_id, e);
	return rc != 0 ? rc : party_row_read(c, k, case_id, id, out, e);
}

static int party_row_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct party_row_tx *t = ctx;
	const struct party_row_kind *k = t->k;
	struct store_case kase;
	int rc = case_load_for_edit(c, t->a, t->case_id, &kase, e);
	if (rc != 0)
		return rc;
	struct store_party p;
	int64_t party_id = party_row_int(t->v, k->party_at);
	rc = party_of_case(c, t->case_id, party_id, k->plaintiff_only, "party_id", &p, e);
	if (rc != 0)
		return rc;
	memset(t->out, 0, k->size);
	for (const struct party_row_member *m = k->members; m->bit; m++)
		if (m->type == PARTY_ROW_CENTS)
			party_row_set_int(t->out, m->at, -1);
	party_row_set_int(t->out, k->case_at, t->case_id);
	party_row_set_int(t->out, k->party_at, party_id);
	party_row_apply(k, t->out, t->present, t->v);
	rc = party_row_check(c, k, t->out, e);
	if (rc != 0)
		return rc;
	rc = user_store_error(k->store(c, PARTY_ROW_INSERT, t->out), k->what, e);
	if (rc == 0)
		rc = party_row_read(c, k, t->case_id, party_row_int(t->out, k->id_at), t->out, e);
	return rc != 0 ? rc : party_row_event(c, t, "added", t->out, "", e);
}

int party_row_add(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		  int64_t case_id, uint32_t present, const void *v, void *out, struct err *e)
{
	if (!(present & k->party_bit))
		return err_set(e, ERR_UNPROCESSABLE, "party_id", "is required");
	struct party_row_tx t = {.a = a, .k = k, .case_id = case_id, .present = present, .v = v,
				 .out = out};
	return store_tx_run(c, party_row_add_fn, &t, e);
}

static int party_row_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct party_row_tx *t = ctx;
	const struct party_row_kind *k = t->k;
	struct store_case kase;
	int rc = case_load_for_edit(c, t->a, t->case_id, &kase, e);
	if (rc == 0)
		rc = party_row_read(c, k, t->case_id, t->id, t->old, e);
	if (rc != 0)
		return rc;
	if (party_row_int(t->old, k->version_at) != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the %s was changed meanwhile (version %lld, not %lld); reload",
			       k->what, (long long)party_row_int(t->old, k->version_at),
			       (long long)t->version);
	memcpy(t->out, t->old, k->size);
	party_row_apply(k, t->out, t->present, t->v);
	rc = party_row_check(c, k, t->out, e);
	if (rc != 0)
		return rc;
	struct case_diff d = {0};
	party_row_diff(k, &d, t->old, t->out);
	if (d.count == 0) {
		memcpy(t->out, t->old, k->size);   /* nothing changes: nothing is written */
		return 0;
	}
	rc = k->store(c, PARTY_ROW_UPDATE, t->out);
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the %s was changed meanwhile; reload", k->what);
	rc = user_store_error(rc, k->what, e);
	if (rc == 0)
		rc = party_row_read(c, k, t->case_id, t->id, t->out, e);
	if (rc != 0)
		return rc;
	struct case_diff named = {0};   /* again, now with the contacts' names */
	party_row_diff(k, &named, t->old, t->out);
	return party_row_event(c, t, "changed", t->out, named.text, e);
}

int party_row_update(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		     int64_t case_id, int64_t id, int64_t version, uint32_t present,
		     const void *v, void *old, void *out, struct err *e)
{
	if (present & k->party_bit)
		return err_set(e, ERR_UNPROCESSABLE, "party_id",
			       "cannot be changed: remove the %s and add it to the other party",
			       k->what);
	struct party_row_tx t = {.a = a, .k = k, .case_id = case_id, .id = id, .version = version,
				 .present = present, .v = v, .old = old, .out = out};
	return store_tx_run(c, party_row_update_fn, &t, e);
}

static int party_row_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct party_row_tx *t = ctx;
	const struct party_row_kind *k = t->k;
	struct store_case kase;
	int rc = case_load_for_edit(c, t->a, t->case_id, &kase, e);
	if (rc == 0)
		rc = party_row_read(c, k, t->case_id, t->id, t->out, e);
	if (rc == 0)
		rc = user_store_error(k->store(c, PARTY_ROW_DELETE, t->out), k->what, e);
	return rc != 0 ? rc : party_row_event(c, t, "removed", t->out, "", e);
}

int party_row_remove(struct store_conn *c, const struct actor *a, const struct party_row_kind *k,
		     int64_t case_id, int64_t id, void *row, struct err *e)
{
	struct party_row_tx t = {.a = a, .k = k, .case_id = case_id, .id = id, .out = row};
	return store_tx_run(c, party_row_remove_fn, &t, e);
}
