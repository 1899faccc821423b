/* demo_cases.c - the demo cases `caseload demo` loads after the setup lists and contacts: a few
 * per kind of firm, each with a history of stages, sub-statuses, staff, parties and notes, made
 * through the same domain calls as the API, acting as the demo staff user (paula) so that the
 * timeline reads like real work. Dates are relative to today, so "days since" looks real.
 *
 * The setup lists, offices, logins and contacts are demo.c; what the legal cases' summary pages
 * show (their parties in detail among it) is demo_summary.c. A case found by its number is left
 * as it is, so running demo again adds nothing. */
#include "cli/demo.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/case_staff.h"
#include "domain/case_status.h"
#include "domain/contact.h"
#include "domain/note.h"
#include "domain/party.h"
#include "domain/related.h"
#include "domain/rights.h"
#include "domain/setup.h"

#include <stdio.h>
#include <string.h>

#define DEMO_STEPS 5

struct demo_step {          /* one status change: status type, status, days before today */
	const char *type, *status;
	int ago;
	const char *reason;     /* close reason for the closing status */
	const char *comments;
};

struct demo_assign {        /* a staff row: role and a login or a contact's last name */
	const char *role, *login, *contact;
};

struct demo_note {
	const char *type, *body;
	int ago;
};

struct demo_case {
	const char *number, *name, *type, *subtype, *state, *value_range, *description;
	int opened_ago, incident_ago;
	bool serious_injury;
	const char *plaintiff, *defendant;   /* contact names; NULL for the cases of demo_summary.c,
						which adds their parties in detail */
	struct demo_step steps[DEMO_STEPS];  /* after the first stage, which opens the case */
	struct demo_assign staff[3];
	struct demo_note notes[3];
};

static const struct demo_case demo_case_list[] = {
	{"DEMO-1001", "Reed v. Northside Transit", "Auto Accident", "Rear-End Collision", "IL",
	 "$100k–$250k", "Bus rear-ended the client's car at a red light on Route 4; neck and back injuries.",
	 200, 230, true, NULL, NULL,
	 {{"Medical", "Treating", 190, NULL, "Physical therapy twice a week"},
	  {"Stage", "Pre-Litigation", 150, NULL, "Demand package being prepared"},
	  {"Medical", "Treatment Complete", 60, NULL, NULL},
	  {"Stage", "Litigation", 40, NULL, "Complaint filed after the insurer's low offer"},
	  {"Litigation", "Discovery", 30, NULL, NULL}},
	 {{"Lead Attorney", "admin", NULL}, {"Paralegal", "paula", NULL}, {"Case Manager", "paula", NULL}},
	 {{"Phone Call", "Client called: back pain improving, still missing work on Fridays.", 12},
	  {"E-mail", "Sent interrogatories to defense counsel; answers due in 30 days.", 25},
	  {"Plaintiff", "Your case has moved to litigation; we will call you before any deposition.", 39}}},
	{"DEMO-1002", "Ortiz v. Lakeside Orthopedic Clinic", "Medical Malpractice", "Surgical Error", "IL",
	 "$250k–$500k", "Wrong-level spinal fusion; second surgery needed.",
	 20, 90, true, NULL, NULL,
	 {{0}},
	 {{"Lead Attorney", "admin", NULL}, {"Paralegal", "paula", NULL}},
	 {{"General", "Requested the full chart and imaging from the clinic.", 18}}},
	{"DEMO-1003", "Reed – slip and fall at Grand Mart", "Premises Liability", "Slip and Fall", "IL",
	 "$0–$25k", "Wet floor without a sign in aisle 7.",
	 700, 720, false, "Marcus Reed", NULL,
	 {{"Stage", "Pre-Litigation", 600, NULL, NULL},
	  {"Stage", "Settlement", 420, NULL, "Carrier offered policy limits"},
	  {"Stage", "Closed Case", 380, "Settled", "Release signed, funds disbursed"}},
	 {{"Attorney", "admin", NULL}},
	 {{"General", "Settlement check cleared; closing letter sent.", 380}}},
	{"DEMO-1004", "Client v. Sunrise Apartments", "Premises Liability", "Dog Bite", "IL",
	 "$25k–$100k", "Bitten by a tenant's dog in the shared courtyard.",
	 45, 60, false, NULL, NULL,
	 {{"Medical", "Records Requested", 30, NULL, NULL}},
	 {{"Lead Attorney", "admin", NULL}, {"Paralegal", "paula", NULL}},
	 {{"Plaintiff", "We have asked the urgent care clinic for your records.", 30}}},
	{"DEMO-2001", "Whitfield – Term Life 20 year", "Life Insurance", "Term Life", "IL",
	 NULL, "USD 750,000 level term, 20 years, preferred non-smoker applied for.",
	 35, 0, false, "James Whitfield", NULL,
	 {{"Stage", "Underwriting", 28, NULL, NULL},
	  {"Underwriting", "Medical Exam Ordered", 27, NULL, "Paramedical exam booked"}},
	 {{"Primary Advisor", "avery", NULL}, {"Case Manager", "paula", NULL}},
	 {{"Phone Call", "Underwriter asked for the attending physician statement.", 10}}},
	{"DEMO-2002", "Natarajan – long-term disability", "Disability Insurance", "Long-Term Disability", "IL",
	 NULL, "Own-occupation LTD for a surgeon; 90-day elimination period.",
	 70, 0, false, "Priya Natarajan", NULL,
	 {{"Stage", "Underwriting", 60, NULL, NULL}, {"Stage", "Approved", 8, NULL, "Approved standard"}},
	 {{"Writing Advisor", "avery", NULL}, {"Case Manager", "paula", NULL}},
	 {{0}}},
	{"DEMO-3001", "Ortiz – first home purchase", "Residential", "First-Time Buyer", "IL",
	 NULL, "Two-bed condo, 10% deposit, looking for a 5-year fixed rate.",
	 6, 0, false, "Elena Ortiz", NULL,
	 {{"Stage", "Call Back", 4, NULL, "Call back after payslips arrive"},
	  {"Documents", "Payslips Requested", 4, NULL, NULL}},
	 {{"Adviser", "paula", NULL}},
	 {{"Phone Call", "Client prefers calls after 6 pm.", 4}}},
	{"DEMO-4001", "Whitfield – income protection", "Income Protection", "Long-Term", "IL",
	 NULL, "Cover for 60% of salary to age 65 alongside the term life case.",
	 12, 0, false, "James Whitfield", NULL,
	 {{"Stage", "Fact Find", 5, NULL, NULL}},
	 {{"Adviser", "paula", NULL}, {"Referral Advisor", "avery", NULL}},
	 {{0}}},
	{"DEMO-5001", "Homeowner warranty claim – inverter fault", "Homeowner", "Warranty Claim", "IL",
	 NULL, "Inverter shows error 31 since the storm; production at zero.",
	 3, 0, false, "Clara Client", NULL,
	 {{"Stage", "Assigned", 2, NULL, "Assigned to field service"},
	  {"Escalation", "Tier 2", 1, NULL, NULL}},
	 {{"Owner", "paula", NULL}},
	 {{"Internal", "Parts on order; technician visit to follow.", 1}}},
};

/* Pairs of demo case numbers marked related. */
static const char *const demo_related[][2] = {
	{"DEMO-2001", "DEMO-4001"},
	{"DEMO-1001", "DEMO-1002"},
};

void demo_date_ago(int ago, char out[DATE_LEN])
{
	char today[DATE_LEN];
	int64_t day = 0;
	date_today(today);
	date_parse(today, &day);
	date_format(day - ago, out);
}

int64_t demo_setup_id(struct store_conn *c, enum store_setup_kind kind, int64_t parent,
		      const char *name)
{
	struct store_setup_item it;
	struct err e;
	err_clear(&e);
	return name && setup_find_by_name(c, kind, parent, name, &it, &e) == 0 ? it.id : 0;
}

struct demo_contact_hit {
	const char *name;
	int64_t id;
};

static int demo_contact_match(const struct store_contact *ct, void *ctx)
{
	struct demo_contact_hit *h = ctx;
	char full[2 * STORE_PERSON_NAME_MAX + 2];
	snprintf(full, sizeof full, "%s %s", ct->first_name, ct->last_name);
	if (strcmp(ct->display_name, h->name) == 0 || strcmp(full, h->name) == 0 ||
	    strcmp(ct->last_name, h->name) == 0 || strcmp(ct->org_name, h->name) == 0) {
		h->id = ct->id;
		return 1;
	}
	return 0;
}

int64_t demo_contact_id(struct demo_run *d, const char *name)
{
	struct demo_contact_hit h = {name, 0};
	struct err e;
	err_clear(&e);
	if (!name)
		return 0;
	char first[STORE_NAME_MAX + 1];   /* the list matches the start of one name */
	snprintf(first, sizeof first, "%.*s", (int)strcspn(name, " "), name);
	contact_list(d->c, &d->sys, first, 0, 200, demo_contact_match, &h, &e);
	return h.id;
}

int64_t demo_user_id(struct store_conn *c, const char *login)
{
	struct store_user u;
	return login && store_user_get_by_login(c, login, &u) == STORE_OK ? u.id : 0;
}

static void demo_case_steps(struct demo_run *d, const struct actor *a, const struct demo_case *k,
			    int64_t case_id)
{
	for (int i = 0; i < DEMO_STEPS && k->steps[i].type; i++) {
		const struct demo_step *s = &k->steps[i];
		struct case_status_fields f = {0};
		f.present = CASE_STATUS_F_TYPE | CASE_STATUS_F_STATUS | CASE_STATUS_F_DATE;
		f.status_type_id = demo_setup_id(d->c, SETUP_STATUS_TYPE, 0, s->type);
		f.status_id = demo_setup_id(d->c, SETUP_STATUS, f.status_type_id, s->status);
		demo_date_ago(s->ago, f.date);
		if (s->reason) {
			f.present |= CASE_STATUS_F_CLOSE_REASON;
			f.close_reason_id = demo_setup_id(d->c, SETUP_CLOSE_REASON, 0, s->reason);
		}
		if (s->comments) {
			f.present |= CASE_STATUS_F_COMMENTS;
			snprintf(f.comments, sizeof f.comments, "%s", s->comments);
		}
		struct store_case_status row;
		struct err e;
		err_clear(&e);
		if (case_status_set(d->c, a, case_id, &f, &row, &e) != 0)
			demo_run_failed(d, "status", s->status, &e);
	}
}

static void demo_case_people(struct demo_run *d, const struct actor *a, const struct demo_case *k,
			     int64_t case_id)
{
	struct err e;
	for (int i = 0; i < 3 && k->staff[i].role; i++) {
		struct case_staff_fields f = {0};
		f.present = CASE_STAFF_F_ROLE | CASE_STAFF_F_DATE;
		f.role_id = demo_setup_id(d->c, SETUP_ROLE, 0, k->staff[i].role);
		demo_date_ago(k->opened_ago, f.date);
		if (k->staff[i].login) {
			f.present |= CASE_STAFF_F_USER;
			f.user_id = demo_user_id(d->c, k->staff[i].login);
		} else {
			f.present |= CASE_STAFF_F_CONTACT;
			f.contact_id = demo_contact_id(d, k->staff[i].contact);
		}
		struct store_case_staff row;
		err_clear(&e);
		if (case_staff_add(d->c, a, case_id, &f, &row, &e) != 0)
			demo_run_failed(d, "staff", k->staff[i].role, &e);
	}
	const char *parties[2][2] = {{k->plaintiff, "plaintiff"}, {k->defendant, "defendant"}};
	for (int i = 0; i < 2; i++) {
		if (!parties[i][0])
			continue;
		struct party_fields pf = {0};
		pf.present = PARTY_F_CONTACT | PARTY_F_KIND;
		pf.v.contact_id = demo_contact_id(d, parties[i][0]);
		snprintf(pf.v.kind, sizeof pf.v.kind, "%s", parties[i][1]);
		struct store_party p;
		err_clear(&e);
		if (party_add(d->c, a, case_id, &pf, &p, &e) != 0)
			demo_run_failed(d, "party", parties[i][0], &e);
	}
}

static void demo_case_notes(struct demo_run *d, const struct actor *a, const struct demo_case *k,
			    int64_t case_id)
{
	for (int i = 0; i < 3 && k->notes[i].type; i++) {
		struct note_fields f = {0};
		f.present = NOTE_F_TYPE | NOTE_F_BODY | NOTE_F_AT;
		f.note_type_id = demo_setup_id(d->c, SETUP_NOTE_TYPE, 0, k->notes[i].type);
		snprintf(f.body, sizeof f.body, "%s", k->notes[i].body);
		char day[DATE_LEN];
		demo_date_ago(k->notes[i].ago, day);
		snprintf(f.at, sizeof f.at, "%sT10:%02d:00", day, 10 + i * 7);
		struct store_note n;
		struct err e;
		err_clear(&e);
		if (note_add(d->c, a, case_id, &f, &n, &e) != 0)
			demo_run_failed(d, "note", k->notes[i].type, &e);
	}
}

/* demo_case_make opens one demo case with its history, unless its number exists. */
static void demo_case_make(struct demo_run *d, const struct actor *a, const struct demo_case *k)
{
	struct store_case found;
	if (store_case_get_by_number(d->c, k->number, &found) == STORE_OK)
		return;
	struct case_fields f = {0};
	f.present = CASE_F_NUMBER | CASE_F_NAME | CASE_F_CASE_TYPE | CASE_F_STATE | CASE_F_OFFICE |
		    CASE_F_OPENED_DATE | CASE_F_SERIOUS_INJURY | CASE_F_DESCRIPTION | CASE_F_OWNER;
	snprintf(f.number, sizeof f.number, "%s", k->number);
	snprintf(f.name, sizeof f.name, "%s", k->name);
	f.case_type_id = demo_setup_id(d->c, SETUP_CASE_TYPE, 0, k->type);
	if (k->subtype) {
		f.present |= CASE_F_CASE_SUBTYPE;
		f.case_subtype_id = demo_setup_id(d->c, SETUP_CASE_SUBTYPE, f.case_type_id, k->subtype);
	}
	snprintf(f.state, sizeof f.state, "%s", k->state);
	f.office_id = d->office_id;
	demo_date_ago(k->opened_ago, f.opened_date);
	if (k->incident_ago) {
		f.present |= CASE_F_INCIDENT_DATE;
		demo_date_ago(k->incident_ago, f.incident_date);
	}
	if (k->value_range) {
		f.present |= CASE_F_VALUE_RANGE;
		f.value_range_id = demo_setup_id(d->c, SETUP_VALUE_RANGE, 0, k->value_range);
	}
	f.serious_injury = k->serious_injury;
	snprintf(f.description, sizeof f.description, "%s", k->description);
	f.owner_id = a->user.id;
	struct store_case made;
	struct err e;
	err_clear(&e);
	if (case_create(d->c, a, &f, &made, &e) != 0) {
		demo_run_failed(d, "case", k->number, &e);
		return;
	}
	d->made++;
	demo_case_steps(d, a, k, made.id);
	demo_case_people(d, a, k, made.id);
	demo_case_notes(d, a, k, made.id);
}

static void demo_relate(struct demo_run *d, const struct actor *a, const char *x, const char *y)
{
	struct store_case kx, ky;
	if (store_case_get_by_number(d->c, x, &kx) != STORE_OK ||
	    store_case_get_by_number(d->c, y, &ky) != STORE_OK)
		return;
	struct store_case_brief b;
	struct err e;
	err_clear(&e);
	int rc = related_add(d->c, a, kx.id, ky.id, &b, &e);
	if (rc != 0 && rc != ERR_CONFLICT)
		demo_run_failed(d, "related case", x, &e);
}

void demo_cases_load(struct demo_run *d)
{
	struct actor a = {0};
	struct err e;
	err_clear(&e);
	a.via = ACTOR_SYSTEM;
	if (store_user_get_by_login(d->c, "paula", &a.user) != STORE_OK ||
	    rights_effective(d->c, &a.user, &a.rights, &e) != 0) {
		err_set(&e, ERR_NOT_FOUND, NULL, "the demo staff login paula is missing");
		demo_run_failed(d, "cases", "", &e);
		return;
	}
	a.user.password_hash[0] = '\0';
	for (size_t i = 0; i < sizeof demo_case_list / sizeof demo_case_list[0]; i++)
		demo_case_make(d, &a, &demo_case_list[i]);
	for (size_t i = 0; i < sizeof demo_related / sizeof demo_related[0]; i++)
		demo_relate(d, &a, demo_related[i][0], demo_related[i][1]);
	for (size_t i = 0; i < sizeof demo_case_list / sizeof demo_case_list[0]; i++) {
		struct store_case k;
		if (store_case_get_by_number(d->c, demo_case_list[i].number, &k) == STORE_OK)
			demo_summary_load(d, &a, &k);
	}
}
