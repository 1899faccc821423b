/* report.c - case status reports: the preview (what the options select, grouped into reports,
 * each with its method and issues, frozen with the options), reading and walking a preview,
 * starting its one send, and the result of a send (see report.h).
 *
 * The report's content is report_build.c; applying a send's reports is report_send.c; the
 * letters PDF and the printable preview are report_letters.c; the steps outside a request are
 * jobs/status_report.c. */
#include "domain/report.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/follow_up.h"
#include "domain/rights.h"
#include "domain/user.h"
#include "jobs/outbox.h"
#include "render/mail.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void report_run_id(int64_t send_id, char out[32])
{
	snprintf(out, 32, "status-report/%" PRId64, send_id);
}

void report_send_actor(int64_t created_by, struct actor *a)
{
	actor_system(a);
	if (created_by > 0) {
		a->via = ACTOR_NONE;
		a->user.id = created_by;
	}
}

/* ---- who a preview or send is made by --------------------------------------------------- */

struct report_user_pick {
	int64_t admin, staff, last;
	int seen;
};

static int report_user_each(const struct store_user *u, void *ctx)
{
	struct report_user_pick *k = ctx;
	k->last = u->id;
	k->seen++;
	if (u->active && strcmp(u->role, "admin") == 0) {
		k->admin = u->id;
		return 1;
	}
	if (u->active && strcmp(u->role, "staff") == 0 && !k->staff)
		k->staff = u->id;
	return 0;
}

/* report_acting_user gives the user a preview or send is recorded as made by: the actor, or,
 * for the system (the CLI, user id 0), the first active administrator, else the first active
 * staff user, since previews and sends name a real user (report_preview.created_by).
 * ERR_UNPROCESSABLE when there is none. */
static int report_acting_user(struct store_conn *c, const struct actor *a, int64_t *out,
			      struct err *e)
{
	if (a->user.id > 0) {
		*out = a->user.id;
		return 0;
	}
	struct report_user_pick k = {0};
	for (;;) {
		int64_t after = k.last;
		k.seen = 0;
		int rc = store_user_list(c, after, 200, report_user_each, &k);
		if (rc != STORE_OK && rc != STORE_NOT_FOUND)
			return user_store_error(rc, "users", e);
		if (k.admin || k.seen < 200)
			break;
	}
	*out = k.admin ? k.admin : k.staff;
	if (!*out)
		return err_set(e, ERR_UNPROCESSABLE, NULL,
			       "reports sent by the system need an active administrator or staff "
			       "user to be recorded as their sender");
	return 0;
}

/* ---- issues ----------------------------------------------------------------------------- */

void report_issues_text(const char *issues, char *out, size_t size)
{
	out[0] = '\0';
	if (!issues || !issues[0])
		return;
	json_t *a = json_loads(issues, 0, NULL);
	size_t i, o = 0;
	json_t *x;
	json_array_foreach(a, i, x) {
		const char *m = json_string_value(json_object_get(x, "message"));
		if (!m || o + 1 >= size)
			continue;
		int n = snprintf(out + o, size - o, "%s%s", o ? "; " : "", m);
		if (n < 0)
			break;
		o += (size_t)n;
		if (o >= size)
			o = size - 1;
	}
	json_decref(a);
}

/* report_issue appends {code, message} to the issues array. */
static void report_issue(json_t *issues, const char *code, const char *message)
{
	json_array_append_new(issues, json_pack("{s:s, s:s}", "code", code, "message", message));
}

/* ---- options ---------------------------------------------------------------------------- */

/* report_options_parse reads frozen options text back. */
static int report_options_parse(const char *text, struct report_options *o, struct err *e)
{
	json_error_t je;
	json_t *obj = json_loads(text ? text : "", 0, &je);
	int rc = obj ? report_options_from_json(obj, o, e) : ERR_INVALID;
	json_decref(obj);
	if (rc != 0)
		return err_set(e, ERR_INTERNAL, NULL, "a preview's options do not read back");
	return 0;
}

int report_preview_load(struct store_conn *c, int64_t preview_id,
			struct store_report_preview *p, struct report_options *o, struct err *e)
{
	char *text = NULL;
	int rc = store_report_preview_get(c, preview_id, p, &text);
	if (rc != STORE_OK) {
		free(text);
		return rc == STORE_NOT_FOUND ? err_set(e, ERR_NOT_FOUND, NULL, "preview not found")
					     : user_store_error(rc, "preview", e);
	}
	rc = report_options_parse(text, o, e);
	free(text);
	return rc;
}

/* report_options_refs checks what the options name against the database: the office (and its
 * follow-up method in follow-up mode), the case manager, the stage. */
static int report_options_refs(struct store_conn *c, const struct report_options *o,
			       struct err *e)
{
	if (o->office_id) {
		struct store_office of;
		int rc = store_office_get(c, o->office_id, &of);
		if (rc == STORE_NOT_FOUND)
			return err_set(e, ERR_UNPROCESSABLE, "office_id", "there is no office %lld",
				       (long long)o->office_id);
		if (rc != STORE_OK)
			return user_store_error(rc, "office", e);
	}
	if (o->cases == REPORT_CASES_FOLLOW_UP && !follow_up_stage_based(c, o->office_id))
		return err_set(e, ERR_UNPROCESSABLE, "cases",
			       "follow_up needs an office with stage-based follow-ups");
	if (o->case_manager_id) {
		struct store_user u;
		int rc = store_user_get(c, o->case_manager_id, &u);
		if (rc == STORE_NOT_FOUND)
			return err_set(e, ERR_UNPROCESSABLE, "case_manager_id",
				       "there is no user %lld", (long long)o->case_manager_id);
		if (rc != STORE_OK)
			return user_store_error(rc, "user", e);
	}
	if (o->cases == REPORT_CASES_STAGE) {
		struct store_setup_item st, type;
		int rc = store_setup_get(c, SETUP_STATUS, o->stage_status_id, &st);
		if (rc == STORE_OK)
			rc = store_setup_get(c, SETUP_STATUS_TYPE, st.parent_id, &type);
		if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !type.stage))
			return err_set(e, ERR_UNPROCESSABLE, "stage_status_id",
				       "there is no stage %lld", (long long)o->stage_status_id);
		if (rc != STORE_OK)
			return user_store_error(rc, "stage", e);
	}
	return 0;
}

/* ---- the preview ------------------------------------------------------------------------ */

/* The pairs of one advisor being gathered into a report while the selection is walked. */
struct report_preview_tx {
	const struct report_options *o;
	struct store_report_preview *p;
	const char *options;                      /* the options as JSON text */
	struct store_conn *c;
	struct err *e;
	int rc;
	int64_t seq;
	int64_t contact_id;                       /* the advisor being gathered, 0 = none */
	char last_name[STORE_PERSON_NAME_MAX + 1];
	struct report_ids cases;
};

/* report_lower appends s lowercased (ASCII; other bytes as they are) to out at *o. */
static void report_lower(const char *s, char *out, size_t size, size_t *o)
{
	for (const unsigned char *q = (const unsigned char *)s; *q && *o + 1 < size; q++)
		out[(*o)++] = (char)tolower(*q);
	out[*o] = '\0';
}

/* report_sort_key makes the order of an item among letters (the primary advisor's last name
 * of its first case, else the recipient's) or e-mails (the recipient's last name), then the
 * recipient's name; both lowercased. */
static int report_sort_key(struct report_preview_tx *t, const struct store_contact *ct,
			   bool letter, char *out, size_t size)
{
	const char *last = t->last_name;
	struct store_report_case rc_;
	if (letter && t->cases.n > 0) {
		int rc = store_report_case_get(t->c, t->cases.v[0], &rc_);
		if (rc != STORE_OK && rc != STORE_NOT_FOUND)
			return user_store_error(rc, "case", t->e);
		if (rc == STORE_OK && rc_.primary_advisor_last[0])
			last = rc_.primary_advisor_last;
	}
	size_t o = 0;
	out[0] = '\0';
	report_lower(last, out, size, &o);
	report_lower(" ", out, size, &o);
	report_lower(ct->display_name, out, size, &o);
	return 0;
}

/* report_item_method decides an item's method from the options and the advisor. */
static bool report_item_letter(const struct report_options *o, const struct store_contact *ct)
{
	if (o->method == REPORT_METHOD_PRINT)
		return true;
	if (o->method == REPORT_METHOD_EMAIL)
		return false;
	return strcmp(ct->preferred_comm, "letter") == 0;
}

/* report_item_address fills the item's address and issues for its method. */
static int report_item_address(struct report_preview_tx *t, const struct store_contact *ct,
			       bool letter, struct store_report_item *it)
{
	json_t *issues = json_array();
	int rc = 0;
	if (!letter) {
		snprintf(it->address, sizeof it->address, "%s", ct->email);
		if (!ct->email[0])
			report_issue(issues, "email_missing", "No e-mail address");
		else if (!mail_address_valid(ct->email))
			report_issue(issues, "email_invalid", "Invalid e-mail address");
	} else {
		struct store_contact_address ad;
		bool found = false;
		rc = report_primary_address(t->c, ct->id, &ad, &found, t->e);
		if (rc == 0 && !found) {
			report_issue(issues, "address_missing", "No postal address");
		} else if (rc == 0) {
			report_address_one_line(&ad, it->address, sizeof it->address);
			if (!ad.line1[0] || !ad.city[0] || !ad.postcode[0])
				report_issue(issues, "address_incomplete",
					     "Incomplete postal address (line 1, city and postcode "
					     "are needed)");
		}
	}
	if (rc == 0 && json_array_size(issues) > 0) {
		char *text = json_dumps(issues, JSON_COMPACT);
		if (!text)
			rc = err_set(t->e, ERR_INTERNAL, NULL, "out of memory for issues");
		else
			snprintf(it->issues, sizeof it->issues, "%s", text);
		free(text);
	}
	json_decref(issues);
	return rc;
}

/* report_preview_flush writes the report of the advisor gathered so far, if any. */
static int report_preview_flush(struct report_preview_tx *t)
{
	if (!t->contact_id || t->cases.n == 0)
		return 0;
	struct store_contact ct;
	int rc = store_contact_get(t->c, t->contact_id, &ct);
	if (rc != STORE_OK)
		return user_store_error(rc, "advisor", t->e);
	struct store_report_item it;
	memset(&it, 0, sizeof it);
	it.preview_id = t->p->id;
	it.seq = ++t->seq;
	it.contact_id = t->contact_id;
	bool letter = report_item_letter(t->o, &ct);
	snprintf(it.method, sizeof it.method, "%s", letter ? "letter" : "email");
	rc = report_item_address(t, &ct, letter, &it);
	if (rc == 0)
		rc = report_sort_key(t, &ct, letter, it.sort_key, sizeof it.sort_key);
	if (rc != 0)
		return rc;
	snprintf(it.outcome, sizeof it.outcome, "pending");
	rc = store_report_item_insert(t->c, &it, t->cases.v, t->cases.n);
	if (rc != STORE_OK)
		return user_store_error(rc, "report", t->e);
	t->cases.n = 0;
	return 0;
}

static int report_pair_each(const struct store_report_pair *pr, void *ctx)
{
	struct report_preview_tx *t = ctx;
	if (pr->contact_id != t->contact_id || t->o->one_case_per_letter) {
		t->rc = report_preview_flush(t);
		if (t->rc != 0)
			return 1;
		t->contact_id = pr->contact_id;
		snprintf(t->last_name, sizeof t->last_name, "%s", pr->last_name);
	}
	if (report_ids_add(&t->cases, pr->case_id) != 0) {
		t->rc = err_set(t->e, ERR_INTERNAL, NULL, "out of memory for a report's cases");
		return 1;
	}
	return 0;
}

/* report_filter makes the store's selection from the options. */
static void report_filter(const struct report_options *o, const char *today,
			  struct store_report_filter *f)
{
	memset(f, 0, sizeof *f);
	f->office_id = o->office_id;
	f->case_manager_id = o->case_manager_id;
	f->advisors = o->advisors;
	f->advisor_ids = o->advisor_ids;
	f->n_advisors = o->n_advisors;
	f->cases = o->cases;
	snprintf(f->due_date, sizeof f->due_date, "%s", today);
	f->stage_status_id = o->stage_status_id;
	f->case_ids = o->case_ids;
	f->n_cases = o->n_cases;
	f->informal = o->informal;
	f->informal_child = o->informal_child;
	f->group = o->group;
}

static int report_preview_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct report_preview_tx *t = ctx;
	t->c = c;
	t->e = e;
	t->rc = 0;
	t->seq = 0;
	t->contact_id = 0;
	t->cases.n = 0;
	int rc = store_report_preview_insert(c, t->p, t->options);
	if (rc != STORE_OK)
		return user_store_error(rc, "preview", e);
	struct store_report_filter f;
	report_filter(t->o, t->p->today, &f);
	rc = store_report_pairs(c, &f, report_pair_each, t);
	if (t->rc != 0)
		return t->rc;
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "pending cases", e);
	return report_preview_flush(t);
}

int report_preview(struct store_conn *c, const struct actor *a, const struct report_options *o,
		   int64_t *preview_id, struct err *e)
{
	struct report_options *n = malloc(sizeof *n);
	struct report_preview_tx *t = calloc(1, sizeof *t);
	struct store_report_preview p;
	char *text = NULL;
	int rc = ERR_INTERNAL;
	if (!n || !t) {
		err_set(e, ERR_INTERNAL, NULL, "out of memory");
		goto done;
	}
	*n = *o;
	rc = report_options_check(n, e);
	if (rc == 0)
		rc = rights_require(a, (enum right)report_options_right(n), e);
	if (rc == 0)
		rc = report_options_refs(c, n, e);
	memset(&p, 0, sizeof p);
	if (rc == 0)
		rc = report_acting_user(c, a, &p.created_by, e);
	if (rc != 0)
		goto done;
	date_today(p.today);
	p.created_at = clock_now();
	json_t *j = report_options_to_json(n);
	text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	if (!text) {
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory for the options");
		goto done;
	}
	t->options = text;
	t->o = n;
	t->p = &p;
	rc = store_tx_run(c, report_preview_fn, t, e);
	if (rc == 0)
		*preview_id = p.id;
done:
	free(text);
	if (t)
		report_ids_cleanup(&t->cases);
	free(t);
	free(n);
	return rc;
}

bool report_may_see(const struct actor *a, int64_t created_by)
{
	return a->via == ACTOR_SYSTEM || (a->user.id > 0 && a->user.id == created_by) ||
	       rights_has(a, RIGHT_STATUS_REPORT_MASS_SEND);
}

int report_preview_read(struct store_conn *c, const struct actor *a, int64_t preview_id,
			struct store_report_preview *p, struct report_options *o, struct err *e)
{
	int rc = report_preview_load(c, preview_id, p, o, e);
	if (rc == 0 && !report_may_see(a, p->created_by))
		return err_set(e, ERR_NOT_FOUND, NULL, "preview not found");
	return rc;
}

/* ---- walking the reports of a preview or a send ----------------------------------------- */

/* A set of case ids, for counting distinct cases (open addressing, grows at half full). */
struct report_idset {
	int64_t *slot;
	size_t cap, n;
};

/* report_idset_hash spreads an id over a table of cap slots (a power of two). */
static size_t report_idset_hash(int64_t id, size_t cap)
{
	return (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull) & (cap - 1);
}

static int report_idset_add(struct report_idset *s, int64_t id)
{
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		int64_t *slot = calloc(cap, sizeof *slot);
		if (!slot)
			return ERR_INTERNAL;
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			size_t h = report_idset_hash(s->slot[i], cap);
			while (slot[h])
				h = (h + 1) & (cap - 1);
			slot[h] = s->slot[i];
		}
		free(s->slot);
		s->slot = slot;
		s->cap = cap;
	}
	size_t h = report_idset_hash(id, s->cap);
	while (s->slot[h]) {
		if (s->slot[h] == id)
			return 0;
		h = (h + 1) & (s->cap - 1);
	}
	s->slot[h] = id;
	s->n++;
	return 0;
}

struct report_walk {
	struct store_conn *c;
	bool sent;                       /* walking a send: outcomes */
	const struct store_report_send *s;
	report_line_each_fn each;
	void *ctx;
	struct report_counts counts;
	struct report_idset seen_cases;
	int64_t last_contact;
	struct report_line_case *cases;  /* the cases of the current line: n of cap */
	int n, cap;
	struct err *e;
	int rc;
	bool stopped;
};

/* report_line_outcome decides what became of a sent report: its own failure first, then for an
 * e-mail its outbox row, for a letter its own outcome. */
static const char *report_line_outcome(const struct store_report_item *it, const char **reason)
{
	*reason = "";
	if (strcmp(it->outcome, "failed") == 0) {
		*reason = it->reason;
		return "failed";
	}
	if (strcmp(it->method, "email") == 0 && it->mail_state[0]) {
		if (strcmp(it->mail_state, "sent") == 0)
			return "emailed";
		if (strcmp(it->mail_state, "failed") == 0) {
			*reason = it->mail_error;
			return "failed";
		}
		if (strcmp(it->mail_state, "in_doubt") == 0)
			return "in_doubt";
		return "queued";
	}
	if (strcmp(it->outcome, "printed") == 0 || strcmp(it->outcome, "emailed") == 0)
		return it->outcome;
	return "queued";
}

/* report_line_case_each appends one case to w->cases (w->n of w->cap), growing it. */
static int report_line_case_each(const struct store_report_case_brief *b, void *ctx)
{
	struct report_walk *w = ctx;
	if (w->n == w->cap) {
		int cap = w->cap ? w->cap * 2 : 16;
		struct report_line_case *v = realloc(w->cases, (size_t)cap * sizeof *v);
		if (!v) {
			w->rc = err_set(w->e, ERR_INTERNAL, NULL, "out of memory for the cases");
			return 1;
		}
		w->cases = v;
		w->cap = cap;
	}
	struct report_line_case *k = &w->cases[w->n];
	memset(k, 0, sizeof *k);
	k->id = b->case_id;
	snprintf(k->number, sizeof k->number, "%s", b->number);
	snprintf(k->name, sizeof k->name, "%s", b->name);
	snprintf(k->stage, sizeof k->stage, "%s", b->stage_name);
	if (report_idset_add(&w->seen_cases, k->id) != 0) {
		w->rc = err_set(w->e, ERR_INTERNAL, NULL, "out of memory");
		return 1;
	}
	w->n++;
	return 0;
}

/* report_line_cases reads the cases of an item into w->cases, in one read. */
static int report_line_cases(struct report_walk *w, const struct store_report_item *it, int *n)
{
	w->n = 0;
	w->rc = 0;
	int rc = store_report_item_case_briefs(w->c, it->id, report_line_case_each, w);
	*n = w->n;
	if (w->rc != 0)
		return w->rc;
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "cases", w->e);
	return 0;
}

/* report_count adds a line to the counts. */
static void report_count(struct report_counts *k, const struct store_report_item *it,
			 const char *outcome)
{
	k->reports++;
	if (strcmp(it->method, "email") == 0)
		k->email++;
	else
		k->letter++;
	if (it->issues[0])
		k->issues++;
	if (strcmp(outcome, "emailed") == 0)
		k->emailed++;
	else if (strcmp(outcome, "printed") == 0)
		k->printed++;
	else if (strcmp(outcome, "queued") == 0)
		k->queued++;
	else if (strcmp(outcome, "failed") == 0)
		k->failed++;
	else if (strcmp(outcome, "in_doubt") == 0)
		k->in_doubt++;
}

static int report_walk_each(const struct store_report_item *it, void *ctx)
{
	struct report_walk *w = ctx;
	struct report_line l = {.item = it, .outcome = "", .reason = ""};
	if (w->sent)
		l.outcome = report_line_outcome(it, &l.reason);
	w->rc = report_line_cases(w, it, &l.n_cases);
	if (w->rc != 0)
		return 1;
	l.cases = w->cases;
	if (it->contact_id != w->last_contact)
		w->counts.advisors++;   /* items come by advisor: a new one starts a new advisor */
	w->last_contact = it->contact_id;
	report_count(&w->counts, it, l.outcome);
	if (w->each && !w->stopped && w->each(&l, w->ctx) != 0)
		w->stopped = true;
	return 0;
}

/* report_walk_run walks a preview's items (with the outbox columns for a send) into w. */
static int report_walk_run(struct store_conn *c, int64_t preview_id, const char *run_id,
			   struct report_walk *w, struct report_counts *counts, struct err *e)
{
	w->c = c;
	w->e = e;
	int rc = store_report_item_list(c, preview_id, false, run_id, report_walk_each, w);
	if (w->rc == 0 && rc != STORE_OK && rc != STORE_NOT_FOUND)
		w->rc = user_store_error(rc, "reports", e);
	w->counts.cases = (int64_t)w->seen_cases.n;
	if (counts)
		*counts = w->counts;
	free(w->seen_cases.slot);
	free(w->cases);
	return w->rc;
}

int report_preview_walk(struct store_conn *c, const struct actor *a, int64_t preview_id,
			report_line_each_fn each, void *ctx, struct report_counts *counts,
			struct err *e)
{
	struct store_report_preview p;
	struct report_options *o = malloc(sizeof *o);
	if (!o)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	int rc = report_preview_read(c, a, preview_id, &p, o, e);
	free(o);
	if (rc != 0)
		return rc;
	struct report_walk w = {.each = each, .ctx = ctx};
	return report_walk_run(c, preview_id, NULL, &w, counts, e);
}

/* ---- send and result -------------------------------------------------------------------- */

struct report_send_tx {
	struct store_report_send s;
	bool created;
};

static int report_send_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct report_send_tx *t = ctx;
	t->created = false;
	int64_t preview_id = t->s.preview_id, created_by = t->s.created_by;
	memset(&t->s, 0, sizeof t->s);
	t->s.preview_id = preview_id;
	t->s.created_by = created_by;
	t->s.created_at = clock_now();
	snprintf(t->s.state, sizeof t->s.state, "preparing");
	snprintf(t->s.letters_state, sizeof t->s.letters_state, "none");
	int rc = store_report_send_insert(c, &t->s);
	if (rc == STORE_OK) {
		t->created = true;
		return 0;
	}
	if (rc == STORE_CONFLICT)
		rc = store_report_send_by_preview(c, preview_id, &t->s);
	return user_store_error(rc, "send", e);
}

int report_send(struct store_conn *c, const struct actor *a, int64_t preview_id,
		int64_t *send_id, bool *created, struct err *e)
{
	struct store_report_preview p;
	struct report_options *o = malloc(sizeof *o);
	struct report_send_tx t;
	memset(&t, 0, sizeof t);
	if (!o)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	int rc = report_preview_read(c, a, preview_id, &p, o, e);
	if (rc == 0)
		rc = rights_require(a, (enum right)report_options_right(o), e);
	free(o);
	if (rc == 0)
		rc = report_acting_user(c, a, &t.s.created_by, e);
	if (rc != 0)
		return rc;
	t.s.preview_id = preview_id;
	rc = store_tx_run(c, report_send_fn, &t, e);
	if (rc != 0)
		return rc;
	*send_id = t.s.id;
	if (created)
		*created = t.created;
	if (t.created)
		outbox_worker_poke(outbox_worker_current);
	return 0;
}

int report_result(struct store_conn *c, const struct actor *a, int64_t send_id,
		  struct store_report_send *s, report_line_each_fn each, void *ctx,
		  struct report_counts *counts, bool *done, struct err *e)
{
	int rc = store_report_send_get(c, send_id, s);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !report_may_see(a, s->created_by)))
		return err_set(e, ERR_NOT_FOUND, NULL, "send not found");
	if (rc != STORE_OK)
		return user_store_error(rc, "send", e);
	char run_id[32];
	report_run_id(send_id, run_id);
	struct report_walk w = {.sent = true, .s = s, .each = each, .ctx = ctx};
	struct report_counts k;
	rc = report_walk_run(c, s->preview_id, run_id, &w, &k, e);
	if (rc != 0)
		return rc;
	if (counts)
		*counts = k;
	if (done)
		*done = strcmp(s->state, "prepared") == 0 &&
			strcmp(s->letters_state, "pending") != 0 &&
			strcmp(s->letters_state, "rendering") != 0 && k.queued == 0;
	return 0;
}
