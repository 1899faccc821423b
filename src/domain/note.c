/* note.c - rules for notes on a case (see note.h). The full-text search over the bodies is the
 * store's (FTS5 / PostgreSQL text search); the timeline events are domain/timeline.c. */
#include "domain/note.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/rights.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define NOTE_SNIPPET_CHARS 80

/* note_digits reads exactly n decimal digits at s. */
static bool note_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static int note_bad_at(struct err *e)
{
	return err_set(e, ERR_UNPROCESSABLE, "at",
		       "must be an ISO 8601 date-time, e.g. 2026-03-01T14:30:00Z");
}

/* note_local_time turns a date and time of the firm's time zone into Unix seconds. */
static bool note_local_time(const char *date, int hh, int mm, int ss, int64_t *out)
{
	int y, mo, d;
	if (!note_digits(date, 4, &y) || !note_digits(date + 5, 2, &mo) ||
	    !note_digits(date + 8, 2, &d))
		return false;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = hh,
			.tm_min = mm, .tm_sec = ss, .tm_isdst = -1};
	time_t t = mktime(&tm);
	if (t == (time_t)-1 && !(tm.tm_year == 69 && tm.tm_mon == 11 && tm.tm_mday == 31))
		return false;
	*out = (int64_t)t;
	return true;
}

int note_parse_at(const char *s, int64_t *out, struct err *e)
{
	char date[DATE_LEN];
	int64_t day;
	int hh, mm, ss = 0;
	if (strlen(s) < 16)
		return note_bad_at(e);
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!date_parse(date, &day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
		return note_bad_at(e);
	const char *p = s + 11;
	if (!note_digits(p, 2, &hh) || p[2] != ':' || !note_digits(p + 3, 2, &mm))
		return note_bad_at(e);
	p += 5;
	if (*p == ':') {
		if (!note_digits(p + 1, 2, &ss))
			return note_bad_at(e);
		p += 3;
		if (*p == '.' || *p == ',') {   /* fractions of a second are dropped */
			p++;
			if (!isdigit((unsigned char)*p))
				return note_bad_at(e);
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	if (hh > 23 || mm > 59 || ss > 60)
		return note_bad_at(e);
	if (ss == 60)
		ss = 59;   /* a leap second counts as the second before it */
	int64_t t = day * 86400 + hh * 3600 + mm * 60 + ss;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, oh, om;
		p++;
		if (!note_digits(p, 2, &oh))
			return note_bad_at(e);
		p += 2;
		if (*p == ':')
			p++;
		if (!note_digits(p, 2, &om) || oh > 23 || om > 59)
			return note_bad_at(e);
		p += 2;
		t -= sign * (int64_t)(oh * 3600 + om * 60);
	} else if (*p == '\0') {
		if (!note_local_time(date, hh, mm, ss, &t))
			return note_bad_at(e);
	}
	if (*p)
		return note_bad_at(e);
	*out = t;
	return 0;
}

/* note_snippet copies the first 80 characters (UTF-8) of body into out as one line, with "..."
 * when cut; out must hold 80 * 4 + 4 bytes. */
static void note_snippet(const char *body, char *out)
{
	const unsigned char *p = (const unsigned char *)body;
	size_t o = 0;
	int chars = 0;
	while (*p) {
		if ((*p & 0xC0) != 0x80 && chars++ == NOTE_SNIPPET_CHARS)
			break;
		out[o++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : (char)*p;
		p++;
	}
	if (*p) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

static int note_check(const struct note_fields *f, bool adding, struct err *e)
{
	if (adding && !(f->present & NOTE_F_TYPE))
		return err_set(e, ERR_UNPROCESSABLE, "note_type_id", "is required");
	if (adding && !(f->present & NOTE_F_BODY))
		return err_set(e, ERR_UNPROCESSABLE, "body", "is required");
	if (f->present & NOTE_F_BODY) {
		const char *p = f->body;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			return err_set(e, ERR_UNPROCESSABLE, "body", "must not be empty");
		if (strlen(f->body) > STORE_NOTE_MAX)
			return err_set(e, ERR_UNPROCESSABLE, "body", "must be at most %d bytes long",
				       STORE_NOTE_MAX);
	}
	return 0;
}

struct note_tx {
	const struct actor *a;
	int64_t case_id, note_id, version;
	const struct note_fields *f;
	int64_t at;                 /* parsed f->at, or now */
	struct store_note *out;
};

/* note_start loads the case (not found first) and checks the right to change it. */
static int note_start(struct store_conn *c, const struct note_tx *t, struct store_case *k,
		      struct err *e)
{
	return case_load_for_edit(c, t->a, t->case_id, k, e);
}

static int note_check_type(struct store_conn *c, int64_t id, struct err *e)
{
	struct store_setup_item type;
	return case_setup_ref(c, SETUP_NOTE_TYPE, id, "note_type_id", &type, e);
}

/* note_event writes a note event naming the type and the start of the body. */
static int note_event(struct store_conn *c, const struct note_tx *t, const char *type,
		      const struct store_note *n, struct err *e)
{
	char snippet[NOTE_SNIPPET_CHARS * 4 + 4];
	note_snippet(n->body, snippet);
	return timeline_append(c, t->a, t->case_id, type, e, "%s: %s", n->note_type_name, snippet);
}

static int note_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct note_tx *t = ctx;
	struct store_case k;
	int rc = note_start(c, t, &k, e);
	if (rc == 0)
		rc = note_check_type(c, t->f->note_type_id, e);
	if (rc != 0)
		return rc;
	struct store_note n;
	memset(&n, 0, sizeof n);
	n.case_id = t->case_id;
	n.note_type_id = t->f->note_type_id;
	snprintf(n.body, sizeof n.body, "%s", t->f->body);
	n.at = t->at;
	n.created_by = case_acting_user(t->a, &k);
	rc = store_note_insert(c, &n, clock_now());
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);
	rc = store_note_get(c, t->case_id, n.id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);
	return note_event(c, t, "note.added", t->out, e);
}

int note_add(struct store_conn *c, const struct actor *a, int64_t case_id,
	     const struct note_fields *f, struct store_note *out, struct err *e)
{
	int rc = note_check(f, true, e);
	if (rc != 0)
		return rc;
	struct note_tx t = {.a = a, .case_id = case_id, .f = f, .at = clock_now(), .out = out};
	if ((f->present & NOTE_F_AT) && f->at[0] && note_parse_at(f->at, &t.at, e) != 0)
		return e->code;
	return store_tx_run(c, note_add_fn, &t, e);
}

/* note_open loads the case, checks the right, reads the note into n and checks that the actor
 * wrote it or is an administrator. */
static int note_open(struct store_conn *c, const struct note_tx *t, struct store_note *n,
		     struct err *e)
{
	struct store_case k;
	int rc = note_start(c, t, &k, e);
	if (rc != 0)
		return rc;
	rc = store_note_get(c, t->case_id, t->note_id, n);
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);
	if (n->created_by != t->a->user.id && !rights_has(t->a, RIGHT_ADMIN))
		return err_set(e, ERR_FORBIDDEN, NULL,
			       "only the note's writer or an administrator may change it");
	return 0;
}

static int note_update_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct note_tx *t = ctx;
	const struct note_fields *f = t->f;
	struct store_note n;
	int rc = note_open(c, t, &n, e);
	if (rc != 0)
		return rc;
	if (n.version != t->version)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the note was changed meanwhile (version %lld); reload",
			       (long long)n.version);
	if (f->present & NOTE_F_TYPE) {
		rc = note_check_type(c, f->note_type_id, e);
		if (rc != 0)
			return rc;
		n.note_type_id = f->note_type_id;
	}
	if (f->present & NOTE_F_BODY)
		snprintf(n.body, sizeof n.body, "%s", f->body);
	if (f->present & NOTE_F_AT)
		n.at = t->at;
	rc = store_note_update(c, &n, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "header.If-Match",
			       "the note was changed meanwhile; reload");
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);
	rc = store_note_get(c, t->case_id, n.id, t->out);
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);
	return note_event(c, t, "note.changed", t->out, e);
}

int note_update(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t note_id,
		int64_t version, const struct note_fields *f, struct store_note *out,
		struct err *e)
{
	int rc = note_check(f, false, e);
	if (rc != 0)
		return rc;
	struct note_tx t = {.a = a, .case_id = case_id, .note_id = note_id, .version = version,
			    .f = f, .at = clock_now(), .out = out};
	if ((f->present & NOTE_F_AT) && f->at[0] && note_parse_at(f->at, &t.at, e) != 0)
		return e->code;
	return store_tx_run(c, note_update_fn, &t, e);
}

static int note_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct note_tx *t = ctx;
	struct store_note n;
	int rc = note_open(c, t, &n, e);
	if (rc != 0)
		return rc;
	rc = store_note_delete(c, n.id);
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);
	return note_event(c, t, "note.deleted", &n, e);
}

int note_delete(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t note_id,
		struct err *e)
{
	struct note_tx t = {.a = a, .case_id = case_id, .note_id = note_id};
	return store_tx_run(c, note_delete_fn, &t, e);
}

int note_list(struct store_conn *c, const struct actor *a, int64_t case_id, const char *q,
	      int64_t before_at, int64_t before_id, int limit, store_note_each_fn each,
	      void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	rc = store_note_list(c, case_id, q ? q : "", before_at, before_id, limit, each, ctx);
	return user_store_error(rc, "notes", e);
}
