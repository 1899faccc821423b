/* demo_reports.c - what `caseload demo` adds for case status reports, after the demo cases:
 * more insurance cases (an informal one, its informal child, a group case and one handled by the
 * second office), the policy data and requirements of every insurance demo case, three more
 * advisors on them (one who prefers letters and has a full postal address, one without an
 * e-mail address, one whose postal address is incomplete, so a preview shows each issue), the
 * "Primary Advisor" role marked primary, and stage-based follow-ups for the main office (an
 * interval and report text per insurance stage) while the second office keeps none.
 *
 * Everything goes through the domain, acting as the demo staff login (paula) for case data and
 * as the system for setup. Idempotent: a contact or case found by its name or number is reused,
 * a case that has policy data or requirements gets none added, a staff row that is there is
 * not added again, and the follow-up setup is written only while the office has none, so a
 * second run adds nothing. The other demo cases are demo_cases.c, the setup lists demo.c. */
#include "cli/demo.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/case_staff.h"
#include "domain/case_status.h"
#include "domain/contact.h"
#include "domain/follow_up.h"
#include "domain/office.h"
#include "domain/policy.h"
#include "domain/requirement.h"
#include "domain/rights.h"
#include "domain/setup.h"

#include <stdio.h>
#include <string.h>

#define DEMO_NO_DATE 100000    /* a follow-up "days ago" that means: no date */
#define DEMO_SECOND_OFFICE "Downtown Office"

/* ---- the advisors and the carrier -------------------------------------------------------- */

struct demo_advisor {
	const char *kind, *first, *last, *org, *email, *phone, *comm;
	const char *line1, *line2, *city, *region, *postcode, *country;   /* NULL: no address */
};

static const struct demo_advisor demo_advisors[] = {
	{"organisation", "", "", "Evergreen Life Assurance Co.",
	 "newbusiness@evergreenlife.example.com", "+1 800 555 0190", "email",
	 "400 Evergreen Plaza", NULL, "Hartford", "CT", "06103", "United States"},
	{"person", "Grace", "Holloway", "Holloway Wealth Partners", "grace.holloway@example.com",
	 "+1 217 555 0230", "letter",
	 "12 Elm Street", "Suite 3", "Springfield", "IL", "62704", "United States"},
	{"person", "Victor", "Lang", "", "", "+1 312 555 0251", "email",
	 NULL, NULL, NULL, NULL, NULL, NULL},
	{"person", "Miriam", "Okafor", "Okafor Insurance Services", "miriam.okafor@example.com",
	 "+1 630 555 0164", "letter", "48 Harbor Road", NULL, "", NULL, "", NULL},
};

/* ---- the pending cases ------------------------------------------------------------------- */

struct demo_req {
	const char *name, *status;
	bool key, pos;
	int requested_ago;
};

struct demo_pending_step {     /* a status of the stage type, days before today */
	const char *status;
	int ago;
};

struct demo_person {           /* a staff row: role and a login or a contact's name */
	const char *role, *login, *contact;
};

struct demo_pending {
	const char *number;
	/* A new case (type != NULL; demo_cases.c made the others): */
	const char *name, *type, *subtype, *description;
	int opened_ago;
	bool second_office;
	struct demo_pending_step steps[3];
	/* Its policy data: */
	const char *policy_number, *insured, *carrier, *product, *kind, *parent;
	int64_t amount_cents;
	int next_ago, last_ago;    /* follow-ups: days before today (< 0: after); DEMO_NO_DATE */
	struct demo_person staff[4];
	struct demo_req reqs[6];
};

static const struct demo_pending demo_pending_cases[] = {
	{"DEMO-2001", NULL, NULL, NULL, NULL, 0, false, {{0}},
	 "EVL-20-0045871", "James Whitfield", "Evergreen Life Assurance Co.", "Evergreen Term 20",
	 "formal", NULL, 75000000, 3, 17,
	 {{"Servicing Advisor", NULL, "Grace Holloway"}},
	 {{"Signed application", "received", true, false, 34},
	  {"Paramedical exam", "outstanding", true, false, 27},
	  {"Attending physician statement", "outstanding", true, false, 10},
	  {"HIPAA authorization", "received", false, false, 34},
	  {"Beneficiary designation form", "outstanding", false, true, 5}}},
	{"DEMO-2002", NULL, NULL, NULL, NULL, 0, false, {{0}},
	 "MM-LTD-118204", "Priya Natarajan", "Midwest Mutual Insurance Co.",
	 "MidwestShield Own-Occupation LTD", "formal", NULL, 1250000, 0, 14,
	 {{"Primary Advisor", NULL, "Victor Lang"}},
	 {{"Tax returns (two years)", "received", true, false, 65},
	  {"Proof of income letter", "outstanding", true, false, 20},
	  {"Occupation questionnaire", "waived", false, false, 60},
	  {"Signed illustration", "outstanding", false, false, 8}}},
	{"DEMO-2003", "Ortiz – whole life (informal)", "Life Insurance", "Whole Life",
	 "Informal inquiry: whole life with a paid-up additions rider, shopped to two carriers.",
	 15, false, {{0}},
	 "INF-2003", "Elena Ortiz", "Evergreen Life Assurance Co.", "Evergreen Whole Life 100",
	 "informal", NULL, 50000000, -7, DEMO_NO_DATE,
	 {{"Primary Advisor", NULL, "Victor Lang"}, {"Servicing Advisor", NULL, "Grace Holloway"},
	  {"Case Manager", "paula", NULL}},
	 {{"Informal inquiry summary", "received", false, false, 15},
	  {"Medical records release", "outstanding", true, false, 12},
	  {"Financial questionnaire", "outstanding", false, false, 12}}},
	{"DEMO-2004", "Ortiz – whole life, second carrier (informal child)", "Life Insurance",
	 "Whole Life", "The same informal inquiry shopped to a second carrier.",
	 12, false, {{0}},
	 "INF-2004", "Elena Ortiz", "Midwest Mutual Insurance Co.", "Midwest Whole Life Plus",
	 "informal_child", "DEMO-2003", 50000000, 1, DEMO_NO_DATE,
	 {{"Primary Advisor", NULL, "Victor Lang"}, {"Case Manager", "paula", NULL}},
	 {{"Carrier tentative offer", "outstanding", true, false, 10},
	  {"Copy of the parent case's exam", "outstanding", false, false, 10},
	  {"Replacement form", "waived", false, false, 10}}},
	{"DEMO-2005", "Lakeside Orthopedic Clinic – group disability", "Disability Insurance",
	 "Long-Term Disability", "Group long-term disability for 42 employees, 60% of salary.",
	 40, false, {{"Underwriting", 20}},
	 "GRP-77120", "Lakeside Orthopedic Clinic", "Midwest Mutual Insurance Co.",
	 "Group LTD 60%", "group", NULL, 240000000, -14, 10,
	 {{"Primary Advisor", NULL, "Miriam Okafor"}, {"Writing Advisor", "avery", NULL},
	  {"Case Manager", "paula", NULL}},
	 {{"Employee census", "received", true, false, 38},
	  {"Signed master application", "outstanding", true, false, 30},
	  {"First premium check", "outstanding", false, false, 20},
	  {"Participation confirmation", "outstanding", false, false, 20},
	  {"Plan administrator change", "outstanding", false, true, 4}}},
	{"DEMO-2006", "Reed – long-term care", "Long-Term Care", "Traditional",
	 "Traditional long-term care policy, 3-year benefit period, inflation rider.",
	 60, true, {{"Underwriting", 50}, {"Approved", 30}, {"Issued", 10}},
	 "EVL-LTC-330912", "Marcus Reed", "Evergreen Life Assurance Co.",
	 "Evergreen Care Traditional", "formal", NULL, 30000000, 5, 35,
	 {{"Primary Advisor", NULL, "Grace Holloway"}, {"Referral Advisor", NULL, "Miriam Okafor"},
	  {"Case Manager", "paula", NULL}},
	 {{"Long-term care questionnaire", "received", false, false, 55},
	  {"Cognitive assessment", "received", true, false, 45},
	  {"Signed delivery receipt", "outstanding", true, false, 9},
	  {"Address change (policy owner service)", "outstanding", false, true, 3},
	  {"Premium mode change", "outstanding", false, true, 3},
	  {"Amended application", "waived", false, false, 9}}},
};

/* The main office's follow-up interval and report text for each insurance stage. */
static const struct {
	const char *status, *text;
	int days;
} demo_stages[] = {
	{"Application Received", "We have received the application and have ordered the "
	 "requirements listed below.", 7},
	{"Underwriting", "The case is with the carrier's underwriters. The requirements below are "
	 "still needed; key ones first.", 14},
	{"Approved", "The carrier has approved the case. Please help us collect the delivery "
	 "requirements below.", 7},
	{"Issued", "The policy has been issued. Please arrange delivery and return the signed "
	 "receipt.", 10},
	{"Placed", "The policy is placed and in force. Thank you for your help with this "
	 "case.", 30},
};

/* ---- helpers ----------------------------------------------------------------------------- */

/* demo_failed_text reports a failed step whose error is not from a domain call. */
static void demo_failed_text(struct demo_run *d, const char *what, const char *name,
			     const char *message)
{
	struct err e;
	err_clear(&e);
	err_set(&e, ERR_NOT_FOUND, NULL, "%s", message);
	demo_run_failed(d, what, name, &e);
}

/* demo_advisor_make creates an advisor (or the carrier) unless a contact of that name exists. */
static void demo_advisor_make(struct demo_run *d, const struct demo_advisor *w)
{
	char display[STORE_NAME_MAX + 1];
	snprintf(display, sizeof display, "%s%s%s",
		 w->first, w->first[0] ? " " : "", w->last[0] ? w->last : w->org);
	if (demo_contact_id(d, display))
		return;
	static struct contact_fields in;   /* large: kept off the stack */
	memset(&in, 0, sizeof in);
	in.present = CONTACT_F_KIND | CONTACT_F_FIRST_NAME | CONTACT_F_LAST_NAME |
		     CONTACT_F_ORG_NAME | CONTACT_F_PHONE | CONTACT_F_PREFERRED_COMM;
	snprintf(in.d.v.kind, sizeof in.d.v.kind, "%s", w->kind);
	snprintf(in.d.v.first_name, sizeof in.d.v.first_name, "%s", w->first);
	snprintf(in.d.v.last_name, sizeof in.d.v.last_name, "%s", w->last);
	snprintf(in.d.v.org_name, sizeof in.d.v.org_name, "%s", w->org);
	snprintf(in.d.v.phone, sizeof in.d.v.phone, "%s", w->phone);
	snprintf(in.d.v.preferred_comm, sizeof in.d.v.preferred_comm, "%s", w->comm);
	if (w->email[0]) {
		in.present |= CONTACT_F_EMAIL;
		snprintf(in.d.v.email, sizeof in.d.v.email, "%s", w->email);
	}
	if (w->line1) {
		struct store_contact_address *ad = &in.d.addresses[0];
		in.present |= CONTACT_F_ADDRESSES;
		in.d.n_addresses = 1;
		ad->primary = true;
		snprintf(ad->label, sizeof ad->label, "office");
		snprintf(ad->line1, sizeof ad->line1, "%s", w->line1);
		snprintf(ad->line2, sizeof ad->line2, "%s", w->line2 ? w->line2 : "");
		snprintf(ad->city, sizeof ad->city, "%s", w->city ? w->city : "");
		snprintf(ad->region, sizeof ad->region, "%s", w->region ? w->region : "");
		snprintf(ad->postcode, sizeof ad->postcode, "%s", w->postcode ? w->postcode : "");
		snprintf(ad->country, sizeof ad->country, "%s", w->country ? w->country : "");
	}
	static struct contact_detail out;
	struct err e;
	err_clear(&e);
	if (contact_create(d->c, &d->sys, &in, &out, &e) != 0)
		demo_run_failed(d, "contact", display, &e);
	else
		d->made++;
}

/* demo_primary_role marks the "Primary Advisor" role primary (the migration marked it only
 * when it existed then; the demo made it afterwards). */
static void demo_primary_role(struct demo_run *d)
{
	struct store_setup_item role;
	struct err e;
	err_clear(&e);
	if (setup_find_by_name(d->c, SETUP_ROLE, 0, "Primary Advisor", &role, &e) != 0) {
		demo_run_failed(d, "role", "Primary Advisor", &e);
		return;
	}
	if (role.primary_advisor || strcmp(role.category, "advisor") != 0)
		return;
	struct setup_fields f = {0};
	f.present = SETUP_F_PRIMARY_ADVISOR;
	f.v.primary_advisor = true;
	if (setup_update(d->c, &d->sys, SETUP_ROLE, role.id, role.version, &f, &role, &e) != 0)
		demo_run_failed(d, "role", "Primary Advisor", &e);
	else
		d->made++;
}

static int demo_find_office(const struct store_office *o, void *ctx)
{
	if (strcmp(o->name, DEMO_SECOND_OFFICE) != 0)
		return 0;
	*(int64_t *)ctx = o->id;
	return 1;
}

/* demo_second_office finds the office whose follow-up method stays none; 0 when absent. */
static int64_t demo_second_office(struct demo_run *d)
{
	int64_t id = 0;
	struct err e;
	err_clear(&e);
	if (office_list(d->c, &d->sys, demo_find_office, &id, &e) != 0)
		demo_run_failed(d, "office", DEMO_SECOND_OFFICE, &e);
	return id;
}

/* demo_follow_ups gives the main office stage-based follow-ups, unless it has a setup. */
static void demo_follow_ups(struct demo_run *d)
{
	static struct follow_up_setup s;   /* large: kept off the stack */
	struct err e;
	err_clear(&e);
	if (follow_up_get(d->c, &d->sys, d->office_id, &s, &e) != 0) {
		demo_run_failed(d, "follow-ups", "Main Office", &e);
		return;
	}
	if (strcmp(s.method, "none") != 0 || s.n_stages > 0)
		return;
	memset(&s, 0, sizeof s);
	snprintf(s.method, sizeof s.method, "stage");
	for (size_t i = 0; i < sizeof demo_stages / sizeof demo_stages[0]; i++) {
		struct store_follow_up_stage *st = &s.stages[s.n_stages];
		st->status_id = demo_setup_id(d->c, SETUP_STATUS, d->stage_type_id,
					      demo_stages[i].status);
		if (!st->status_id)
			continue;
		st->interval_days = demo_stages[i].days;
		snprintf(st->report_text, sizeof st->report_text, "%s", demo_stages[i].text);
		s.n_stages++;
	}
	if (follow_up_set(d->c, &d->sys, d->office_id, &s, &e) != 0)
		demo_run_failed(d, "follow-ups", "Main Office", &e);
	else
		d->made++;
}

/* ---- one pending case -------------------------------------------------------------------- */

/* demo_pending_open opens a new demo insurance case with its stages; 0 on failure. */
static int64_t demo_pending_open(struct demo_run *d, const struct actor *a,
				 const struct demo_pending *p, int64_t office)
{
	struct case_fields f = {0};
	f.present = CASE_F_NUMBER | CASE_F_NAME | CASE_F_CASE_TYPE | CASE_F_CASE_SUBTYPE |
		    CASE_F_STATE | CASE_F_OFFICE | CASE_F_OPENED_DATE | CASE_F_DESCRIPTION |
		    CASE_F_OWNER;
	snprintf(f.number, sizeof f.number, "%s", p->number);
	snprintf(f.name, sizeof f.name, "%s", p->name);
	f.case_type_id = demo_setup_id(d->c, SETUP_CASE_TYPE, 0, p->type);
	f.case_subtype_id = demo_setup_id(d->c, SETUP_CASE_SUBTYPE, f.case_type_id, p->subtype);
	snprintf(f.state, sizeof f.state, "IL");
	f.office_id = office;
	demo_date_ago(p->opened_ago, f.opened_date);
	snprintf(f.description, sizeof f.description, "%s", p->description);
	f.owner_id = a->user.id;
	struct store_case made;
	struct err e;
	err_clear(&e);
	if (case_create(d->c, a, &f, &made, &e) != 0) {
		demo_run_failed(d, "case", p->number, &e);
		return 0;
	}
	d->made++;
	for (int i = 0; i < 3 && p->steps[i].status; i++) {
		struct case_status_fields s = {0};
		s.present = CASE_STATUS_F_TYPE | CASE_STATUS_F_STATUS | CASE_STATUS_F_DATE;
		s.status_type_id = d->stage_type_id;
		s.status_id = demo_setup_id(d->c, SETUP_STATUS, d->stage_type_id,
					    p->steps[i].status);
		demo_date_ago(p->steps[i].ago, s.date);
		struct store_case_status row;
		err_clear(&e);
		if (case_status_set(d->c, a, made.id, &s, &row, &e) != 0)
			demo_run_failed(d, "status", p->steps[i].status, &e);
	}
	return made.id;
}

struct demo_staff_find {
	int64_t role_id, user_id, contact_id;
	bool found;
};

static int demo_staff_each(const struct store_case_staff *s, void *ctx)
{
	struct demo_staff_find *f = ctx;
	if (s->role_id == f->role_id && s->user_id == f->user_id &&
	    s->contact_id == f->contact_id) {
		f->found = true;
		return 1;
	}
	return 0;
}

/* demo_pending_staff puts one person on the case in a role, unless they are there already. */
static void demo_pending_staff(struct demo_run *d, const struct actor *a, int64_t case_id,
			       const struct demo_pending *p, const struct demo_person *w)
{
	struct case_staff_fields f = {0};
	f.present = CASE_STAFF_F_ROLE | CASE_STAFF_F_DATE;
	f.role_id = demo_setup_id(d->c, SETUP_ROLE, 0, w->role);
	if (w->login) {
		f.present |= CASE_STAFF_F_USER;
		f.user_id = demo_user_id(d->c, w->login);
	} else {
		f.present |= CASE_STAFF_F_CONTACT;
		f.contact_id = demo_contact_id(d, w->contact);
	}
	struct demo_staff_find find = {f.role_id, f.user_id, f.contact_id, false};
	struct err e;
	err_clear(&e);
	if (case_staff_list(d->c, a, case_id, false, demo_staff_each, &find, &e) != 0) {
		demo_run_failed(d, "staff", p->number, &e);
		return;
	}
	if (find.found)
		return;
	demo_date_ago(p->type ? p->opened_ago : 2, f.date);
	struct store_case_staff row;
	if (case_staff_add(d->c, a, case_id, &f, &row, &e) != 0)
		demo_run_failed(d, "staff", w->role, &e);
	else
		d->made++;
}

/* demo_follow_up_date writes the date `ago` days before today, or "" for DEMO_NO_DATE. */
static void demo_follow_up_date(int ago, char out[STORE_DATE_LEN])
{
	if (ago == DEMO_NO_DATE)
		out[0] = '\0';
	else
		demo_date_ago(ago, out);
}

/* demo_pending_policy gives the case its policy data unless it has some. */
static void demo_pending_policy(struct demo_run *d, const struct actor *a, int64_t case_id,
				const struct demo_pending *p)
{
	struct store_policy have;
	struct err e;
	err_clear(&e);
	if (policy_get(d->c, a, case_id, &have, &e) != 0) {
		demo_run_failed(d, "policy", p->number, &e);
		return;
	}
	if (have.version != 0)
		return;
	struct policy_fields f = {0};
	f.present = POLICY_F_NUMBER | POLICY_F_INSURED | POLICY_F_CARRIER | POLICY_F_PRODUCT |
		    POLICY_F_AMOUNT | POLICY_F_KIND | POLICY_F_NEXT_FOLLOW_UP |
		    POLICY_F_LAST_FOLLOW_UP;
	snprintf(f.v.policy_number, sizeof f.v.policy_number, "%s", p->policy_number);
	f.v.insured_contact_id = demo_contact_id(d, p->insured);
	f.v.carrier_contact_id = demo_contact_id(d, p->carrier);
	snprintf(f.v.product, sizeof f.v.product, "%s", p->product);
	f.v.amount_cents = p->amount_cents;
	snprintf(f.v.kind, sizeof f.v.kind, "%s", p->kind);
	demo_follow_up_date(p->next_ago, f.v.next_follow_up);
	demo_follow_up_date(p->last_ago, f.v.last_follow_up);
	if (p->parent) {
		struct store_case parent;
		f.present |= POLICY_F_PARENT;
		if (store_case_get_by_number(d->c, p->parent, &parent) == STORE_OK)
			f.v.parent_case_id = parent.id;
	}
	struct store_policy out;
	if (policy_put(d->c, a, case_id, 0, &f, &out, &e) != 0)
		demo_run_failed(d, "policy", p->number, &e);
	else
		d->made++;
}

static int demo_count_each(const struct store_requirement *r, void *ctx)
{
	(*(int *)ctx)++;
	return 0;
}

/* demo_pending_requirements lists the case's requirements unless it has some. */
static void demo_pending_requirements(struct demo_run *d, const struct actor *a, int64_t case_id,
				      const struct demo_pending *p)
{
	int have = 0;
	struct err e;
	err_clear(&e);
	if (requirement_list(d->c, a, case_id, false, demo_count_each, &have, &e) != 0) {
		demo_run_failed(d, "requirements", p->number, &e);
		return;
	}
	for (int i = 0; have == 0 && i < 6 && p->reqs[i].name; i++) {
		const struct demo_req *q = &p->reqs[i];
		struct requirement_fields f = {0};
		f.present = REQUIREMENT_F_NAME | REQUIREMENT_F_STATUS | REQUIREMENT_F_KEY |
			    REQUIREMENT_F_POS | REQUIREMENT_F_REQUESTED;
		snprintf(f.v.name, sizeof f.v.name, "%s", q->name);
		snprintf(f.v.status, sizeof f.v.status, "%s", q->status);
		f.v.key = q->key;
		f.v.pos = q->pos;
		demo_date_ago(q->requested_ago, f.v.requested_date);
		if (strcmp(q->status, "received") == 0) {
			f.present |= REQUIREMENT_F_RECEIVED;
			demo_date_ago(q->requested_ago > 3 ? q->requested_ago - 3 : 0,
				      f.v.received_date);
		}
		struct store_requirement out;
		err_clear(&e);
		if (requirement_add(d->c, a, case_id, &f, &out, &e) != 0)
			demo_run_failed(d, "requirement", q->name, &e);
		else
			d->made++;
	}
}

static void demo_pending_load(struct demo_run *d, const struct actor *a,
			      const struct demo_pending *p, int64_t second_office)
{
	struct store_case k;
	int64_t case_id = 0;
	if (store_case_get_by_number(d->c, p->number, &k) == STORE_OK)
		case_id = k.id;
	else if (p->type)
		case_id = demo_pending_open(d, a, p,
					    p->second_office ? second_office : d->office_id);
	else
		demo_failed_text(d, "case", p->number, "the demo case is missing");
	if (!case_id)
		return;
	for (int i = 0; i < 4 && p->staff[i].role; i++)
		demo_pending_staff(d, a, case_id, p, &p->staff[i]);
	demo_pending_policy(d, a, case_id, p);
	demo_pending_requirements(d, a, case_id, p);
}

void demo_reports_load(struct demo_run *d)
{
	struct actor a = {0};
	struct err e;
	err_clear(&e);
	a.via = ACTOR_SYSTEM;
	if (store_user_get_by_login(d->c, "paula", &a.user) != STORE_OK ||
	    rights_effective(d->c, &a.user, &a.rights, &e) != 0) {
		demo_failed_text(d, "pending cases", "", "the demo staff login paula is missing");
		return;
	}
	a.user.password_hash[0] = '\0';
	for (size_t i = 0; i < sizeof demo_advisors / sizeof demo_advisors[0]; i++)
		demo_advisor_make(d, &demo_advisors[i]);
	demo_primary_role(d);
	int64_t second = demo_second_office(d);
	for (size_t i = 0; i < sizeof demo_pending_cases / sizeof demo_pending_cases[0]; i++)
		demo_pending_load(d, &a, &demo_pending_cases[i], second);
	if (d->office_id)
		demo_follow_ups(d);
}
