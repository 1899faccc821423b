/* summary.c - the case summary in one call.
 *   GET /api/v1/cases/{id}/summary
 * The rows come from domain/summary.c (case_summary_walk), which reads every area once; this
 * file is its visitor and builds the answer with jansson in the same pass, each row in the
 * JSON form of its own resource (the *_to_json of api.h). The tabs' has_data, the next
 * deadline and the totals are known only at the end (on_facts). */
#include "api/api.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/summary.h"

#include <string.h>

/* The answer being built: root owns everything; the other members are borrowed. */
struct summary_json {
	json_t *root;
	json_t *key_dates, *info, *value_history, *referral, *flags, *statuses, *staff, *notes;
	json_t *appointments, *tasks, *courts, *deadlines, *plaintiffs, *defendants, *tabs;
	json_t *incident_facts, *injuries, *liens, *other_cases, *surrogate, *bankruptcy;
	json_t *related, *other_plaintiffs, *udf;
	/* the tabs' item lists */
	json_t *injury_items, *lien_items, *other_case_items, *surrogate_items;
	json_t *bankruptcy_items, *related_items, *other_plaintiff_items;
	json_t *insurance;        /* the insurance list of the last party seen; NULL for none */
	int64_t insurance_party;
	struct lien_total lien_sum;
	char today[DATE_LEN];
};

/* summary_list adds an empty array as member name of o and gives it (borrowed). */
static json_t *summary_list(json_t *o, const char *name)
{
	json_t *a = json_array();
	json_object_set_new(o, name, a);
	return a;
}

/* summary_object is summary_list for an object. */
static json_t *summary_object(json_t *o, const char *name)
{
	json_t *x = json_object();
	json_object_set_new(o, name, x);
	return x;
}

/* summary_tab makes a tab of the tabs object: has_data (set at the end), then its items,
 * which it gives (borrowed). */
static json_t *summary_tab(struct summary_json *s, const char *name, json_t **tab)
{
	*tab = summary_object(s->tabs, name);
	json_object_set_new(*tab, "has_data", json_false());
	return summary_list(*tab, "items");
}

/* summary_json_init lays out the answer in the order docs/api.md gives. */
static void summary_json_init(struct summary_json *s, int64_t now)
{
	memset(s, 0, sizeof *s);
	date_of_time(now, s->today);
	s->root = json_object();
	json_object_set_new(s->root, "case", json_null());
	s->key_dates = summary_object(s->root, "key_dates");
	s->info = summary_object(s->root, "info");
	s->referral = summary_object(s->root, "referral");
	s->flags = summary_list(s->root, "flags");
	s->statuses = summary_list(s->root, "statuses");
	s->staff = summary_list(s->root, "staff");
	s->notes = summary_list(s->root, "notes");
	s->appointments = summary_list(s->root, "appointments");
	s->tasks = summary_list(s->root, "tasks");
	s->courts = summary_list(s->root, "courts");
	s->deadlines = summary_list(s->root, "deadlines");
	s->plaintiffs = summary_list(s->root, "plaintiffs");
	s->defendants = summary_list(s->root, "defendants");
	json_object_set_new(s->root, "negotiations", json_null());
	s->tabs = summary_object(s->root, "tabs");
	s->incident_facts = summary_object(s->tabs, "incident_facts");
	json_object_set_new(s->incident_facts, "has_data", json_true());
	s->injury_items = summary_tab(s, "injuries", &s->injuries);
	s->lien_items = summary_tab(s, "liens", &s->liens);
	s->other_case_items = summary_tab(s, "other_cases", &s->other_cases);
	s->surrogate_items = summary_tab(s, "surrogate", &s->surrogate);
	s->bankruptcy_items = summary_tab(s, "bankruptcy", &s->bankruptcy);
	s->related_items = summary_tab(s, "related_cases", &s->related);
	s->other_plaintiff_items = summary_tab(s, "other_plaintiffs", &s->other_plaintiffs);
	s->udf = summary_list(s->root, "udf");
}

/* summary_append adds a row (a new reference; NULL when it could not be built) to a list. */
static int summary_append(json_t *list, json_t *row)
{
	return row ? json_array_append_new(list, row) : -1;
}

/* summary_sums is the four sums of a lien line or of the total. */
static void summary_sums(json_t *o, const struct lien_total *t)
{
	json_object_set_new(o, "count", json_integer(t->count));
	json_object_set_new(o, "amount_cents", json_integer(t->amount_cents));
	json_object_set_new(o, "negotiated_cents", json_integer(t->negotiated_cents));
	json_object_set_new(o, "final_cents", json_integer(t->final_cents));
}

/* ---- the visitor ------------------------------------------------------------------------ */

static int summary_case(const struct store_case *k, void *ctx)
{
	struct summary_json *s = ctx;
	json_t *kj = case_to_json(k);
	if (!kj)
		return -1;
	json_object_set_new(s->root, "case", kj);
	json_t *d = s->key_dates;
	json_object_set_new(d, "incident_date", api_opt(k->incident_date));
	json_object_set_new(d, "opened_date", api_opt(k->opened_date));
	json_object_set_new(d, "wanted_date", api_opt(k->wanted_date));
	json_object_set_new(d, "retainer_date", api_opt(k->retainer_date));
	json_object_set_new(d, "expected_resolution_date", api_opt(k->expected_resolution_date));
	json_object_set_new(d, "next_deadline", json_null());
	json_t *i = s->info;
	json_object_set_new(i, "state", api_opt(k->state));
	json_object_set_new(i, "office", api_ref(k->office_id, k->office_name));
	json_object_set_new(i, "value_range", api_ref(k->value_range_id, k->value_range_name));
	s->value_history = summary_list(i, "value_history");
	json_object_set_new(i, "total_liability_coverage_cents", json_integer(0));
	json_object_set_new(i, "total_settlements_cents", json_integer(0));
	json_object_set_new(i, "liability_code", json_string(k->liability_code));
	json_object_set_new(i, "liability_percent", k->liability_percent < 0
				? json_null() : json_integer(k->liability_percent));
	json_t *r = s->referral;
	json_object_set_new(r, "in_form", json_string(k->referral_in_form));
	json_object_set_new(r, "in_contact",
			    api_ref(k->referral_in_contact_id, k->referral_in_contact_name));
	json_object_set_new(r, "out_form", json_string(k->referral_out_form));
	json_object_set_new(r, "out_contact",
			    api_ref(k->referral_out_contact_id, k->referral_out_contact_name));
	json_object_set_new(s->incident_facts, "facts", json_string(k->incident_facts));
	return 0;
}

static int summary_status(const struct summary_status *st, void *ctx)
{
	struct summary_json *s = ctx;
	json_t *o = case_status_to_json(st->row, s->today);
	if (!o)
		return -1;
	json_object_set_new(o, "days_since", json_integer(st->days_since));
	json_object_set_new(o, "overdue", json_boolean(st->overdue));
	return summary_append(s->statuses, o);
}

static int summary_staff(const struct store_case_staff *row, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->staff, staff_to_json(row));
}

static int summary_note(const struct store_note *n, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->notes, note_to_json(n));
}

static int summary_appointment(const struct appointment_detail *d, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->appointments, appointment_to_json(d));
}

static int summary_task(const struct store_task *t, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->tasks, task_to_json(t));
}

static int summary_court(const struct court_detail *d, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->courts, court_to_json(d));
}

static int summary_deadline(const struct store_deadline *d, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->deadlines, deadline_to_json(d));
}

/* summary_party puts a party in its list (the firm's plaintiffs and the defendants with an
 * insurance list, the other plaintiffs in their tab) and a plaintiff in the injuries and
 * surrogate tabs where it belongs. */
static int summary_party(const struct store_party *p, void *ctx)
{
	struct summary_json *s = ctx;
	bool plaintiff = strcmp(p->kind, "plaintiff") == 0;
	json_t *o = party_to_json(p);
	s->insurance = NULL;
	if (!o)
		return -1;
	json_t *list = !plaintiff ? s->defendants
		       : p->represented ? s->plaintiffs : s->other_plaintiff_items;
	if (list != s->other_plaintiff_items) {
		s->insurance = summary_list(o, "insurance");
		s->insurance_party = p->id;
	}
	if (summary_append(list, o) != 0)
		return -1;
	if (!plaintiff)
		return 0;
	if ((p->injury_summary[0] || p->pleadings_summary[0]) &&
	    summary_append(s->injury_items,
			   json_pack("{s:I, s:s, s:s, s:s}", "party_id", (json_int_t)p->id,
				     "name", p->contact_name, "injury_summary", p->injury_summary,
				     "pleadings_summary", p->pleadings_summary)) != 0)
		return -1;
	if (p->death_date[0] &&
	    summary_append(s->surrogate_items,
			   json_pack("{s:I, s:s, s:s, s:o}", "party_id", (json_int_t)p->id,
				     "name", p->contact_name, "death_date", p->death_date,
				     "death_place", api_opt(p->death_place))) != 0)
		return -1;
	return 0;
}

static int summary_insurance(const struct store_insurance *in, void *ctx)
{
	struct summary_json *s = ctx;
	if (!s->insurance || in->party_id != s->insurance_party)
		return 0;
	return summary_append(s->insurance, insurance_to_json(in));
}

static int summary_lien_total(const struct store_party *plaintiff, const struct lien_total *t,
			      void *ctx)
{
	struct summary_json *s = ctx;
	json_t *o = json_pack("{s:I, s:s}", "party_id", (json_int_t)plaintiff->id, "name",
			      plaintiff->contact_name);
	if (!o)
		return -1;
	summary_sums(o, t);
	s->lien_sum.count += t->count;
	s->lien_sum.amount_cents += t->amount_cents;
	s->lien_sum.negotiated_cents += t->negotiated_cents;
	s->lien_sum.final_cents += t->final_cents;
	return summary_append(s->lien_items, o);
}

static int summary_bankruptcy(const struct store_bankruptcy *b, void *ctx)
{
	struct summary_json *s = ctx;
	return summary_append(s->bankruptcy_items, bankruptcy_to_json(b));
}

static int summary_udf(const struct udf_entry *u, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->udf, udf_entry_to_json(u));
}

static int summary_value_change(const struct store_value_change *v, void *ctx)
{
	return summary_append(((struct summary_json *)ctx)->value_history, value_change_to_json(v));
}

static int summary_related(const struct store_case_brief *b, void *ctx)
{
	struct summary_json *s = ctx;
	return summary_append(s->related_items, brief_to_json(b));
}

static int summary_other_case(const struct store_case_brief *b, void *ctx)
{
	struct summary_json *s = ctx;
	return summary_append(s->other_case_items, brief_to_json(b));
}

static int summary_flag(const struct store_setup_item *flag, void *ctx)
{
	struct summary_json *s = ctx;
	return summary_append(s->flags, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)flag->id,
						  "name", flag->name, "target", flag->target));
}

static int summary_facts(const struct summary_facts *f, void *ctx)
{
	struct summary_json *s = ctx;
	const struct deadline_next *n = &f->next_deadline;
	if (n->found)
		json_object_set_new(s->key_dates, "next_deadline", json_pack(
			"{s:I, s:s, s:s, s:o, s:b}", "id", (json_int_t)n->d.id,
			"label", deadline_kind_label(&n->d), "due_date", n->d.due_date,
			"party", api_ref(n->d.party_id, n->d.party_name), "overdue", n->overdue));
	json_object_set_new(s->info, "total_liability_coverage_cents",
			    json_integer(f->total_coverage_cents));
	json_object_set_new(s->info, "total_settlements_cents",
			    json_integer(f->total_settlements_cents));
	const struct {
		json_t *tab;
		bool has_data;
	} tabs[] = {
		{s->injuries, f->tab_injuries},       {s->liens, f->tab_liens},
		{s->other_cases, f->tab_other_cases}, {s->surrogate, f->tab_surrogate},
		{s->bankruptcy, f->tab_bankruptcy},   {s->related, f->tab_related_cases},
		{s->other_plaintiffs, f->tab_other_plaintiffs},
	};
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
		json_object_set_new(tabs[i].tab, "has_data", json_boolean(tabs[i].has_data));
	json_t *total = json_object();
	summary_sums(total, &s->lien_sum);
	json_object_set_new(s->liens, "total", total);
	return 0;
}

static const struct summary_visitor summary_visitor = {
	.on_case = summary_case,
	.on_status = summary_status,
	.on_staff = summary_staff,
	.on_note = summary_note,
	.on_appointment = summary_appointment,
	.on_task = summary_task,
	.on_court = summary_court,
	.on_deadline = summary_deadline,
	.on_party = summary_party,
	.on_insurance = summary_insurance,
	.on_lien_total = summary_lien_total,
	.on_bankruptcy = summary_bankruptcy,
	.on_udf = summary_udf,
	.on_value_change = summary_value_change,
	.on_related = summary_related,
	.on_other_case = summary_other_case,
	.on_flag = summary_flag,
	.on_facts = summary_facts,
};

static int summary_get(struct request *r)
{
	int64_t id = request_param_id(r, 0);
	struct err e;
	struct store_conn *db = id ? api_start(r, &e) : NULL;
	if (!db)
		return 0;
	int64_t now = clock_now();
	struct summary_json s;
	summary_json_init(&s, now);
	if (case_summary_walk(db, &r->actor, id, now, &summary_visitor, &s, &e) != 0) {
		json_decref(s.root);
		if (e.code == ERR_INTERNAL && strcmp(e.message, "stopped") == 0)
			err_set(&e, ERR_INTERNAL, NULL, "out of memory building the case summary");
		return api_fail(r, &e);
	}
	return reply_json(r, 200, s.root);
}

const struct route api_summary_routes[] = {
	{"GET", "/api/v1/cases/{id}/summary", summary_get, ROUTE_USER, false, ROUTE_BODY_NONE},
	{0},
};
