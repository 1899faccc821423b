/* summary.c - the case summary walk (see summary.h): every area of one case read with one store
 * call each, each row handed to the visitor as the store gives it, and what needs more than
 * one row (the next deadline, the tabs' indicators, the totals, the flags' facts) gathered on
 * the way. Rows that belong to rows of another area (attendees of appointments, personnel of
 * courts, insurance of parties, liens of plaintiffs, values of UDF fields) come in one list for
 * the whole case, in the order of the owner's id, and are merged by id into their owners:
 *   - insurance and liens are read first into small arrays, then the parties are walked;
 *   - the few pending appointments, the courts and the UDF fields are read first, and their
 *     people or values only when there is one (most cases have none: one query saved).
 * Nothing else is kept.
 *
 * The rules of each area live in its own file (appointment.c: pending; deadline.c: the next
 * one; lien.c: the totals; flag.c: the flags); the JSON is api/summary.c. */
#include "domain/summary.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/case_status.h"
#include "domain/flag.h"
#include "domain/related.h"
#include "domain/user.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A growable array of rows of one size, in the order they were added. */
struct walk_rows {
	void *items;
	size_t n, cap, size;
};

/* A UDF field with a value, for the flags. */
struct walk_udf_fact {
	char name[STORE_NAME_MAX + 1];
	char value[STORE_UDF_VALUE_MAX + 1];
};

struct summary_walk {
	const struct actor *a;
	const struct summary_visitor *v;
	void *ctx;
	int64_t now;
	bool need_facts;      /* the facts or the flags are asked for: read what they need */
	bool stopped;         /* a visitor callback asked to stop */
	bool no_memory;
	struct store_case k;
	struct summary_facts facts;
	struct flag_facts ff;
	struct walk_rows appointments; /* struct store_appointment, the pending ones by start */
	struct walk_rows attendees;    /* struct store_attendee, by appointment_id */
	struct walk_rows courts;       /* struct store_court, by id */
	struct walk_rows personnel;    /* struct store_court_person, by case_court_id */
	struct walk_rows insurance;    /* struct store_insurance, by party_id */
	struct walk_rows lien_totals;  /* struct lien_total, by party_id */
	struct walk_rows plaintiffs;   /* struct store_party, in party order (for the lien lines) */
	struct walk_rows udf_facts;    /* struct walk_udf_fact */
	/* The row being handed over when it is made of several store rows. */
	struct appointment_detail appointment;
	struct court_detail court;
};

static void walk_rows_init(struct walk_rows *r, size_t size)
{
	memset(r, 0, sizeof *r);
	r->size = size;
}

static void *walk_row(const struct walk_rows *r, size_t i)
{
	return (char *)r->items + i * r->size;
}

/* walk_keep appends a copy of row to r; 1 (stop the store's walk) when out of memory. */
static int walk_keep(struct summary_walk *w, struct walk_rows *r, const void *row)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4;
		void *items = realloc(r->items, cap * r->size);
		if (!items) {
			w->no_memory = true;
			return 1;
		}
		r->items = items;
		r->cap = cap;
	}
	memcpy(walk_row(r, r->n++), row, r->size);
	return 0;
}

/* walk_key reads the int64_t at offset off of row i. */
static int64_t walk_key(const struct walk_rows *r, size_t i, size_t off)
{
	int64_t key;
	memcpy(&key, (const char *)walk_row(r, i) + off, sizeof key);
	return key;
}

/* walk_first finds the first row whose key (at offset off; the rows are in key order) is at
 * least key: the first of the rows belonging to key, if there are any. */
static size_t walk_first(const struct walk_rows *r, size_t off, int64_t key)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (walk_key(r, mid, off) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* walk_copy_matching copies the rows belonging to key (at most max) into out and gives how
 * many there were. */
static int walk_copy_matching(const struct walk_rows *r, size_t off, int64_t key, void *out,
			      int max)
{
	int n = 0;
	for (size_t i = walk_first(r, off, key); i < r->n && walk_key(r, i, off) == key && n < max;
	     i++, n++)
		memcpy((char *)out + (size_t)n * r->size, walk_row(r, i), r->size);
	return n;
}

/* walk_visit records a visitor callback's answer: non-zero stops the walk. */
static int walk_visit(struct summary_walk *w, int answer)
{
	if (answer != 0)
		w->stopped = true;
	return answer;
}

/* walk_end turns the result of one store walk into the walk's result. */
static int walk_end(struct summary_walk *w, int rc, const char *what, struct err *e)
{
	if (w->no_memory)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory reading the %s", what);
	if (w->stopped)
		return err_set(e, ERR_INTERNAL, NULL, "stopped");
	return user_store_error(rc == STORE_NOT_FOUND ? STORE_OK : rc, what, e);
}

/* walk_is_past says whether a date is set and before today. */
static bool walk_is_past(const struct summary_walk *w, const char *date)
{
	return date[0] != '\0' && strcmp(date, w->facts.today) < 0;
}

/* ---- statuses, staff, notes ------------------------------------------------------------- */

static int walk_status(const struct store_case_status *s, void *ctx)
{
	struct summary_walk *w = ctx;
	struct summary_status row = {.row = s};
	case_status_days(s, w->facts.today, &row.days_since, &row.overdue);
	return walk_visit(w, w->v->on_status(&row, w->ctx));
}

static int walk_statuses(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_status)
		return 0;
	return walk_end(w, store_case_status_list(c, w->k.id, walk_status, w), "statuses", e);
}

static int walk_staff_row(const struct store_case_staff *s, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_visit(w, w->v->on_staff(s, w->ctx));
}

static int walk_staff(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_staff)
		return 0;
	return walk_end(w, store_case_staff_list(c, w->k.id, false, walk_staff_row, w), "staff",
			e);
}

static int walk_note(const struct store_note *n, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_visit(w, w->v->on_note(n, w->ctx));
}

static int walk_notes(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_note)
		return 0;
	return walk_end(w, store_note_list(c, w->k.id, "", 0, 0, SUMMARY_NOTES, walk_note, w),
			"notes", e);
}

/* ---- appointments and courts (with their people) ---------------------------------------- */

static int walk_keep_appointment(const struct store_appointment *ap, void *ctx)
{
	struct summary_walk *w = ctx;
	return appointment_is_pending(ap, w->now) ? walk_keep(w, &w->appointments, ap) : 0;
}

static int walk_keep_attendee(const struct store_attendee *at, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_keep(w, &w->attendees, at);
}

static int walk_appointments(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_appointment)
		return 0;
	int rc = walk_end(w, store_appointment_list(c, w->k.id, w->now, walk_keep_appointment, w),
			  "appointments", e);
	if (rc == 0 && w->appointments.n > 0)
		rc = walk_end(w, store_attendee_list(c, w->k.id, 0, walk_keep_attendee, w),
			      "attendees", e);
	for (size_t i = 0; rc == 0 && i < w->appointments.n; i++) {
		struct appointment_detail *d = &w->appointment;
		d->v = *(const struct store_appointment *)walk_row(&w->appointments, i);
		d->n_attendees = walk_copy_matching(
			&w->attendees, offsetof(struct store_attendee, appointment_id), d->v.id,
			d->attendees, APPOINTMENT_ATTENDEES_MAX);
		if (walk_visit(w, w->v->on_appointment(d, w->ctx)) != 0)
			rc = err_set(e, ERR_INTERNAL, NULL, "stopped");
	}
	return rc;
}

static int walk_keep_court(const struct store_court *ct, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_keep(w, &w->courts, ct);
}

static int walk_keep_person(const struct store_court_person *p, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_keep(w, &w->personnel, p);
}

static int walk_courts(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_court)
		return 0;
	int rc = walk_end(w, store_court_list(c, w->k.id, walk_keep_court, w), "courts", e);
	if (rc == 0 && w->courts.n > 0)
		rc = walk_end(w, store_court_personnel_list(c, w->k.id, 0, walk_keep_person, w),
			      "court personnel", e);
	for (size_t i = 0; rc == 0 && i < w->courts.n; i++) {
		struct court_detail *d = &w->court;
		d->v = *(const struct store_court *)walk_row(&w->courts, i);
		d->n_personnel = walk_copy_matching(
			&w->personnel, offsetof(struct store_court_person, case_court_id), d->v.id,
			d->personnel, COURT_PERSONNEL_MAX);
		if (walk_visit(w, w->v->on_court(d, w->ctx)) != 0)
			rc = err_set(e, ERR_INTERNAL, NULL, "stopped");
	}
	return rc;
}

/* ---- tasks and deadlines ---------------------------------------------------------------- */

static int walk_task(const struct store_task *t, void *ctx)
{
	struct summary_walk *w = ctx;
	if (t->completed)
		return 0;
	if (strcmp(t->priority, "critical") == 0)
		w->ff.critical_task = true;
	return w->v->on_task ? walk_visit(w, w->v->on_task(t, w->ctx)) : 0;
}

static int walk_tasks(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_task && !w->need_facts)
		return 0;
	return walk_end(w, store_task_list(c, w->k.id, true, walk_task, w), "tasks", e);
}

static int walk_deadline(const struct store_deadline *d, void *ctx)
{
	struct summary_walk *w = ctx;
	if (d->done)
		return 0;
	deadline_next_consider(&w->facts.next_deadline, d);
	if (walk_is_past(w, d->due_date)) {
		w->ff.deadline_past_due = true;
		if (strcmp(d->kind, "plaintiff_sol") == 0 || strcmp(d->kind, "defendant_sol") == 0)
			w->ff.sol_past_due = true;
	}
	return w->v->on_deadline ? walk_visit(w, w->v->on_deadline(d, w->ctx)) : 0;
}

static int walk_deadlines(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_deadline && !w->need_facts)
		return 0;
	int rc = walk_end(w, store_deadline_list(c, w->k.id, true, walk_deadline, w), "deadlines",
			  e);
	deadline_next_finish(&w->facts.next_deadline, w->facts.today);
	return rc;
}

/* ---- parties with their insurance, and the lien lines ----------------------------------- */

static int walk_keep_insurance(const struct store_insurance *in, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_keep(w, &w->insurance, in);
}

/* walk_lien adds a lien to its plaintiff's line (the liens come by party). */
static int walk_lien(const struct store_lien *l, void *ctx)
{
	struct summary_walk *w = ctx;
	struct walk_rows *t = &w->lien_totals;
	w->facts.tab_liens = true;
	w->ff.liens = true;
	if (t->n == 0 || ((struct lien_total *)walk_row(t, t->n - 1))->party_id != l->party_id) {
		struct lien_total line = {.party_id = l->party_id};
		if (walk_keep(w, t, &line) != 0)
			return 1;
	}
	lien_add_to_total(walk_row(t, t->n - 1), l);
	return 0;
}

/* walk_plaintiff notes what a plaintiff tells the tabs and the flags. */
static int walk_plaintiff(struct summary_walk *w, const struct store_party *p)
{
	if (p->injury_summary[0] || p->pleadings_summary[0])
		w->facts.tab_injuries = true;
	if (p->death_date[0]) {
		w->facts.tab_surrogate = true;
		w->ff.deceased_plaintiff = true;
	}
	if (flag_is_minor(p->birth_date, w->facts.today))
		w->ff.minor_plaintiff = true;
	if (!p->represented)
		w->facts.tab_other_plaintiffs = true;
	return w->v->on_lien_total ? walk_keep(w, &w->plaintiffs, p) : 0;
}

static int walk_party(const struct store_party *p, void *ctx)
{
	struct summary_walk *w = ctx;
	bool defendant = strcmp(p->kind, "defendant") == 0;
	if (!defendant && walk_plaintiff(w, p) != 0)
		return 1;
	if (w->v->on_party && walk_visit(w, w->v->on_party(p, w->ctx)) != 0)
		return 1;
	const struct walk_rows *r = &w->insurance;
	const size_t off = offsetof(struct store_insurance, party_id);
	for (size_t i = walk_first(r, off, p->id); i < r->n && walk_key(r, i, off) == p->id; i++) {
		const struct store_insurance *in = walk_row(r, i);
		if (defendant && in->coverage_cents > 0)
			w->facts.total_coverage_cents += in->coverage_cents;
		if (w->v->on_insurance && walk_visit(w, w->v->on_insurance(in, w->ctx)) != 0)
			return 1;
	}
	return 0;
}

/* walk_lien_lines gives one line per plaintiff, in party order, zero lines included. */
static int walk_lien_lines(struct summary_walk *w, struct err *e)
{
	const struct walk_rows *t = &w->lien_totals;
	const size_t off = offsetof(struct lien_total, party_id);
	for (size_t i = 0; i < w->plaintiffs.n; i++) {
		const struct store_party *p = walk_row(&w->plaintiffs, i);
		struct lien_total zero = {.party_id = p->id};
		size_t at = walk_first(t, off, p->id);
		const struct lien_total *line =
			at < t->n && walk_key(t, at, off) == p->id ? walk_row(t, at) : &zero;
		if (walk_visit(w, w->v->on_lien_total(p, line, w->ctx)) != 0)
			return err_set(e, ERR_INTERNAL, NULL, "stopped");
	}
	return 0;
}

static int walk_parties(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	const struct summary_visitor *v = w->v;
	int rc = 0;
	if (v->on_insurance || w->need_facts)
		rc = walk_end(w, store_insurance_list(c, w->k.id, walk_keep_insurance, w),
			      "insurance", e);
	if (rc == 0 && (v->on_lien_total || w->need_facts))
		rc = walk_end(w, store_lien_list(c, w->k.id, walk_lien, w), "liens", e);
	if (rc == 0 && (v->on_party || v->on_insurance || v->on_lien_total || w->need_facts))
		rc = walk_end(w, store_party_list(c, w->k.id, walk_party, w), "parties", e);
	if (rc == 0 && v->on_lien_total)
		rc = walk_lien_lines(w, e);
	return rc;
}

/* ---- bankruptcies, user-defined fields, value history ----------------------------------- */

static int walk_bankruptcy(const struct store_bankruptcy *b, void *ctx)
{
	struct summary_walk *w = ctx;
	w->facts.tab_bankruptcy = true;
	w->ff.bankruptcy = true;
	return w->v->on_bankruptcy ? walk_visit(w, w->v->on_bankruptcy(b, w->ctx)) : 0;
}

static int walk_bankruptcies(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_bankruptcy && !w->need_facts)
		return 0;
	return walk_end(w, store_bankruptcy_list(c, w->k.id, walk_bankruptcy, w), "bankruptcies",
			e);
}

/* walk_udf gives a field of the case's type with its value, and keeps the fields with a
 * value for the flags. */
static int walk_udf(const struct udf_entry *u, void *ctx)
{
	struct summary_walk *w = ctx;
	if (u->value[0] && w->v->on_flag) {
		struct walk_udf_fact fact;
		memcpy(fact.name, u->field.name, sizeof fact.name);
		memcpy(fact.value, u->value, sizeof fact.value);
		if (walk_keep(w, &w->udf_facts, &fact) != 0)
			return 1;
	}
	return w->v->on_udf ? walk_visit(w, w->v->on_udf(u, w->ctx)) : 0;
}

static int walk_udfs(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_udf && !w->v->on_flag)
		return 0;
	int rc = udf_walk_case(c, &w->k, walk_udf, w, e);
	if (rc == 0 && (w->stopped || w->no_memory))
		rc = walk_end(w, STORE_OK, "user-defined fields", e);
	return rc;
}

static int walk_value_change(const struct store_value_change *vc, void *ctx)
{
	struct summary_walk *w = ctx;
	return walk_visit(w, w->v->on_value_change(vc, w->ctx));
}

static int walk_value_history(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_value_change)
		return 0;
	return walk_end(w, store_value_change_list(c, w->k.id, walk_value_change, w),
			"value history", e);
}

/* ---- related and other cases ------------------------------------------------------------ */

static int walk_related_brief(const struct store_case_brief *b, void *ctx)
{
	struct summary_walk *w = ctx;
	w->facts.tab_related_cases = true;
	return w->v->on_related ? walk_visit(w, w->v->on_related(b, w->ctx)) : 0;
}

static int walk_other_brief(const struct store_case_brief *b, void *ctx)
{
	struct summary_walk *w = ctx;
	w->facts.tab_other_cases = true;
	return w->v->on_other_case ? walk_visit(w, w->v->on_other_case(b, w->ctx)) : 0;
}

/* walk_briefs walks the related (other = false) or other cases. Someone who sees every case
 * reads the store's list as it is; anyone else through related.c, which keeps to their scope. */
static int walk_briefs(struct store_conn *c, struct summary_walk *w, bool other, struct err *e)
{
	store_case_brief_each_fn each = other ? walk_other_brief : walk_related_brief;
	const char *what = other ? "other cases" : "related cases";
	struct store_scope scope;
	case_scope(w->a, &scope);
	if (scope.all)
		return walk_end(w, other ? store_other_cases(c, w->k.id, each, w)
					 : store_related_list(c, w->k.id, each, w),
				what, e);
	int rc = other ? related_other_cases(c, w->a, w->k.id, each, w, e)
		       : related_list(c, w->a, w->k.id, each, w, e);
	return rc != 0 ? rc : walk_end(w, STORE_OK, what, e);
}

static int walk_related(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_related && !w->need_facts)
		return 0;
	return walk_briefs(c, w, false, e);
}

static int walk_other_cases(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_other_case && !w->need_facts)
		return 0;
	return walk_briefs(c, w, true, e);
}

/* ---- flags and facts -------------------------------------------------------------------- */

static int walk_flag(const struct store_setup_item *flag, void *ctx)
{
	struct summary_walk *w = ctx;
	if (!flag_holds(flag, &w->ff))
		return 0;
	return walk_visit(w, w->v->on_flag(flag, w->ctx));
}

static int walk_flags(struct store_conn *c, struct summary_walk *w, struct err *e)
{
	if (!w->v->on_flag)
		return 0;
	size_t n = w->udf_facts.n;
	const char **names = calloc(n ? n : 1, sizeof *names);
	const char **values = calloc(n ? n : 1, sizeof *values);
	int rc;
	if (!names || !values) {
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory reading the flags");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const struct walk_udf_fact *fact = walk_row(&w->udf_facts, i);
		names[i] = fact->name;
		values[i] = fact->value;
	}
	w->ff.udf_names = names;
	w->ff.udf_values = values;
	w->ff.n_udf = (int)n;
	rc = walk_end(w, store_setup_list(c, SETUP_FLAG, 0, walk_flag, w), "flags", e);
done:
	w->ff.udf_names = w->ff.udf_values = NULL;
	w->ff.n_udf = 0;
	free(names);
	free(values);
	return rc;
}

/* The areas in the order summary.h gives. */
typedef int (*walk_step_fn)(struct store_conn *c, struct summary_walk *w, struct err *e);

static const walk_step_fn walk_steps[] = {
	walk_statuses, walk_staff, walk_notes, walk_appointments, walk_tasks, walk_courts,
	walk_deadlines, walk_parties, walk_bankruptcies, walk_udfs, walk_value_history,
	walk_related, walk_other_cases, walk_flags,
};

static void walk_free(struct summary_walk *w)
{
	free(w->appointments.items);
	free(w->attendees.items);
	free(w->courts.items);
	free(w->personnel.items);
	free(w->insurance.items);
	free(w->lien_totals.items);
	free(w->plaintiffs.items);
	free(w->udf_facts.items);
	free(w);
}

int case_summary_walk(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t now,
		      const struct summary_visitor *v, void *ctx, struct err *e)
{
	struct summary_walk *w = calloc(1, sizeof *w);
	if (!w)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory reading the case summary");
	w->a = a;
	w->v = v;
	w->ctx = ctx;
	w->now = now;
	w->need_facts = v->on_facts || v->on_flag;
	walk_rows_init(&w->appointments, sizeof(struct store_appointment));
	walk_rows_init(&w->attendees, sizeof(struct store_attendee));
	walk_rows_init(&w->courts, sizeof(struct store_court));
	walk_rows_init(&w->personnel, sizeof(struct store_court_person));
	walk_rows_init(&w->insurance, sizeof(struct store_insurance));
	walk_rows_init(&w->lien_totals, sizeof(struct lien_total));
	walk_rows_init(&w->plaintiffs, sizeof(struct store_party));
	walk_rows_init(&w->udf_facts, sizeof(struct walk_udf_fact));
	int rc = case_load(c, a, case_id, &w->k, e);
	if (rc != 0)
		goto done;
	date_of_time(now, w->facts.today);
	w->facts.tab_incident_facts = true;
	w->ff.serious_injury = w->k.serious_injury;
	w->ff.mdl_master = w->k.mdl_master;
	w->ff.referred_out = w->k.referral_out_contact_id != 0;
	if (v->on_case && walk_visit(w, v->on_case(&w->k, ctx)) != 0) {
		rc = err_set(e, ERR_INTERNAL, NULL, "stopped");
		goto done;
	}
	for (size_t i = 0; rc == 0 && i < sizeof walk_steps / sizeof walk_steps[0]; i++)
		rc = walk_steps[i](c, w, e);
	if (rc == 0 && v->on_facts && walk_visit(w, v->on_facts(&w->facts, ctx)) != 0)
		rc = err_set(e, ERR_INTERNAL, NULL, "stopped");
done:
	walk_free(w);
	return rc;
}
