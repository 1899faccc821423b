/* demo_summary.c - what the legal demo cases' summary pages show: plaintiffs and defendants in
 * detail (primary plaintiff and contact, group, role, law firm and attorney, an other
 * plaintiff, a deceased plaintiff on one case and a minor on another) with their insurance,
 * liens and a bankruptcy; tasks of every priority (some done); appointments (past and done,
 * past and not done, to come); deadlines and SOLs (one overdue, one done); a court with its
 * docket and judge; the referral in and out, retainer date, liability and incident facts; and
 * the cases' user-defined fields. All through the domain calls the API uses, as the demo
 * staff user. Dates are relative to today.
 *
 * Each area is added only while the case has none of it (parties: while the contact is not on
 * that side; a party's insurance, liens and bankruptcy come with the party), so running demo
 * again adds nothing. The cases themselves are demo_cases.c; the contacts, deadline types and
 * UDF fields demo.c. */
#include "cli/demo.h"
#include "domain/appointment.h"
#include "domain/bankruptcy.h"
#include "domain/case.h"
#include "domain/court.h"
#include "domain/deadline.h"
#include "domain/insurance.h"
#include "domain/lien.h"
#include "domain/note.h"
#include "domain/party.h"
#include "domain/task.h"
#include "domain/udf.h"

#include <stdio.h>
#include <string.h>

#define DEMO_UNDATED 100000   /* a task's due_ago when it has no due date */

struct demo_insurance_def {   /* cents 0 = not given */
	const char *company, *claim, *limits;
	int64_t no_fault, um_sum, coverage;
	const char *adjuster, *adjuster_phone;
};

struct demo_lien_def {        /* cents 0 = not yet */
	const char *holder, *description;
	int64_t amount, negotiated, final;
};

struct demo_bankruptcy_def {
	const char *court, *judge, *docket, *trustee, *trustee_attorney;
	int retained_ago;
};

struct demo_party_def {
	const char *contact, *kind;
	int group;
	bool primary_party, primary_contact;
	bool other;               /* an other plaintiff, not represented by the firm */
	const char *role, *law_firm, *attorney, *injury, *pleadings;
	struct demo_insurance_def insurance;     /* company NULL = none */
	struct demo_lien_def liens[2];           /* holder NULL = none */
	struct demo_bankruptcy_def bankruptcy;   /* court NULL = none */
};

struct demo_task_def {
	const char *subject, *priority;
	int due_ago;              /* DEMO_UNDATED = no due date; negative = to come */
	const char *assignee;     /* login */
	bool completed;
	const char *description;
};

struct demo_appointment_def {
	const char *subject;
	int ago;
	const char *time;         /* "HH:MM", the firm's time */
	int minutes;
	bool completed;
	const char *comments;
	const char *users[2], *contacts[2];
};

struct demo_deadline_def {
	const char *kind, *type, *party;   /* party: a contact's name */
	int due_ago;
	bool done;
	const char *comments;
};

struct demo_court_def {
	const char *court, *docket;
	int filed_ago;
	const char *people[2][2];   /* contact name, role */
};

struct demo_udf_value {
	const char *name;
	enum udf_input_type type;
	const char *text;
};

struct demo_summary {
	const char *number;
	struct demo_party_def parties[4];
	struct demo_task_def tasks[6];
	struct demo_appointment_def appointments[3];
	struct demo_deadline_def deadlines[5];
	struct demo_court_def court;              /* court NULL = none */
	int retainer_ago;
	const char *referral_in_form, *referral_in_contact, *referral_out_form, *referral_out_contact;
	const char *liability_code;
	int liability_percent;                    /* -1 = not set */
	const char *incident_facts;
	struct demo_udf_value udf[4];
};

static const struct demo_summary demo_summaries[] = {
	{.number = "DEMO-1001",
	 .parties = {
		{"Marcus Reed", "plaintiff", 1, true, true, false, "Driver", NULL, NULL,
		 "Cervical and lumbar strain; herniated disc at L4-L5; 14 weeks of physical therapy.",
		 "Negligence against the transit authority and its driver; lost earnings.",
		 .insurance = {"Prairie State Auto Insurance", "PSA-5521-0917", "100/300", 5000000,
			       10000000, 0, "Nina Park", "+1 800 555 0139"},
		 .liens = {{"Blue Prairie Health Plan", "ER visit and MRI (subrogation)", 842000, 600000, 0},
			   {"Springfield Physical Therapy", "14 weeks of therapy", 1275000, 0, 0}}},
		{"Dana Reed", "plaintiff", 1, false, false, true, "Passenger", "Brennan Law Group",
		 "Maria Brennan", "Bruised shoulder; treated and released.", NULL},
		{"Northside Transit Authority", "defendant", 1, false, false, false, "Bus owner",
		 "Hale & Ortega LLP", "Daniel Hale", NULL, NULL,
		 .insurance = {"Midwest Mutual Insurance Co.", "MM-22-118734", "1,000,000 CSL", 0, 0,
			       100000000, "Gary Tully", "+1 800 555 0107 x214"}},
		{"Kevin Doyle", "defendant", 1, false, false, false, "Bus driver", "Hale & Ortega LLP",
		 "Daniel Hale", NULL, NULL,
		 .insurance = {"Midwest Mutual Insurance Co.", "MM-22-118735", "250/500", 0, 0,
			       25000000, "Gary Tully", "+1 800 555 0107 x214"},
		 .bankruptcy = {"U.S. Bankruptcy Court, Central District of Illinois", "Hon. Mary P. Gorman",
				"24-70123 (Chapter 7)", "Alan Whitcomb", "Sofia Mendes", 90}},
	 },
	 .tasks = {
		{"File the response to the motion to dismiss", "critical", -3, "admin", false,
		 "Defense moved to dismiss count II; response brief due Friday."},
		{"Follow up on the interrogatory answers", "high", -10, "paula", false, NULL},
		{"Request updated physical therapy records", "normal", -14, "paula", false, NULL},
		{"Update the client's contact sheet", "low", DEMO_UNDATED, "paula", false, NULL},
		{"Send a preservation letter to Northside Transit", "normal", 185, "paula", true,
		 "Bus video and the driver's logs."},
		{"Order the police report", "high", 190, "paula", true, NULL},
	 },
	 .appointments = {
		{"Client meeting: treatment update", 20, "10:00", 60, true, "Went over the PT notes.",
		 {"paula"}, {"Marcus Reed"}},
		{"Deposition prep with the client", 2, "14:00", 90, false, NULL,
		 {"paula", "admin"}, {"Marcus Reed"}},
		{"Deposition of Kevin Doyle", -12, "09:30", 180, false,
		 "Court reporter booked; conference room B.", {"admin"}, {"Daniel Hale"}},
	 },
	 .deadlines = {
		{"plaintiff_sol", NULL, "Marcus Reed", -500, false,
		 "Two years from the accident (735 ILCS 5/13-202)."},
		{"defendant_sol", NULL, "Northside Transit Authority", -135, false,
		 "One year against a local public entity (745 ILCS 10/8-101)."},
		{"critical", "Answer due", NULL, 5, false,
		 "Defendants' answer to the complaint; move for default if it does not come."},
		{"critical", "Discovery cutoff", NULL, -120, false, NULL},
		{"critical", "Notice of claim", "Northside Transit Authority", 170, true,
		 "Served on the transit authority's risk office."},
	 },
	 .court = {"Sangamon County Circuit Court", "2026-L-000412", 40,
		   {{"Ruth Calloway", "Judge"}, {"Tom Becker", "Clerk"}}},
	 .retainer_ago = 198,
	 .referral_in_form = "Attorney referral", .referral_in_contact = "Maria Brennan",
	 .liability_code = "A – clear liability", .liability_percent = 90,
	 .incident_facts = "The client was stopped at the red light at Route 4 and Wabash when a "
			   "Northside Transit bus struck his car from behind at about 25 mph. The bus "
			   "driver told police he looked down at his route tablet. Two witnesses at the "
			   "bus stop gave statements; the intersection camera recorded the collision.",
	 .udf = {{"Referral source", UDF_IN_STRING, "Attorney referral"},
		 {"Medical specials", UDF_IN_NUMBER, "21170.00"},
		 {"Photos received", UDF_IN_BOOL, "true"},
		 {"Police report number", UDF_IN_STRING, "SPD-24-031877"}}},

	{.number = "DEMO-1002",
	 .parties = {
		{"Robert Ortiz", "plaintiff", 1, true, false, false, "Patient", NULL, NULL,
		 "Fusion performed at L3-L4 instead of L4-L5; revision surgery; died of "
		 "post-operative complications.",
		 "Wrongful death and survival action against the clinic.",
		 .liens = {{"Blue Prairie Health Plan", "Revision surgery and ICU stay", 4815000, 0, 0}}},
		{"Elena Ortiz", "plaintiff", 1, false, true, false, "Spouse; administrator of the estate",
		 NULL, NULL, NULL, NULL},
		{"Lakeside Orthopedic Clinic", "defendant", 1, false, false, false, "Treating clinic",
		 "Hale & Ortega LLP", "Daniel Hale", NULL, NULL,
		 .insurance = {"Midwest Mutual Insurance Co.", "MM-MPL-77120", "1M/3M", 0, 0, 300000000,
			       "Gary Tully", "+1 800 555 0107 x214"}},
	 },
	 .tasks = {
		{"Obtain the certificate of merit from the reviewing surgeon", "high", -25, "paula",
		 false, NULL},
		{"Open the probate estate", "normal", -30, "admin", false, NULL},
		{"Send a condolence letter to the family", "low", 15, "paula", true, NULL},
	 },
	 .appointments = {
		{"Meeting with Elena Ortiz: estate papers", -5, "11:00", 60, false, NULL,
		 {"paula"}, {"Elena Ortiz"}},
	 },
	 .deadlines = {
		{"plaintiff_sol", NULL, "Robert Ortiz", -640, false,
		 "Two years from discovery (735 ILCS 5/13-212)."},
		{"critical", "Certificate of merit", NULL, -70, false, NULL},
	 },
	 .retainer_ago = 19,
	 .referral_in_form = "Web inquiry",
	 .referral_out_form = "Co-counsel referral", .referral_out_contact = "Brennan Law Group",
	 .liability_code = "Disputed", .liability_percent = -1,
	 .incident_facts = "Robert Ortiz had a spinal fusion at Lakeside Orthopedic Clinic. The "
			   "operative report shows the fusion at L3-L4; the imaging ordered the "
			   "surgery at L4-L5. He needed a revision surgery and died of complications "
			   "three weeks later.",
	 .udf = {{"Referral source", UDF_IN_STRING, "Web"},
		 {"Medical specials", UDF_IN_NUMBER, "48150"},
		 {"Photos received", UDF_IN_BOOL, "false"}}},

	{.number = "DEMO-1004",
	 .parties = {
		{"Lily Client", "plaintiff", 1, true, false, false, "Bitten child", NULL, NULL,
		 "Puncture wounds to the left forearm; six stitches; scarring.", NULL},
		{"Clara Client", "plaintiff", 1, false, true, false, "Mother and guardian", NULL, NULL,
		 NULL, NULL},
		{"Sunrise Apartments LLC", "defendant", 1, false, false, false, "Landlord", NULL, NULL,
		 NULL, NULL,
		 .insurance = {"Midwest Mutual Insurance Co.", "MM-GL-40551", "300,000 per occurrence", 0,
			       0, 30000000, "Gary Tully", "+1 800 555 0107 x214"}},
	 },
	 .tasks = {
		{"Get photos of the wound as it heals", "normal", -7, "paula", false, NULL},
		{"Ask animal control for the bite report", "low", 30, "paula", true, NULL},
	 },
	 .appointments = {
		{"Intake meeting with Clara Client", 44, "16:00", 60, true, NULL,
		 {"paula"}, {"Clara Client"}},
		{"Site visit: courtyard and fence", -20, "10:30", 60, false,
		 "Photograph the broken gate latch.", {"paula"}, {NULL}},
	 },
	 .deadlines = {
		{"plaintiff_sol", NULL, "Lily Client", -3000, false,
		 "Tolled while she is a minor: two years after her 18th birthday."},
	 },
	 .retainer_ago = 44,
	 .referral_in_form = "Former client",
	 .liability_code = "B – owner's knowledge of the dog", .liability_percent = 100,
	 .incident_facts = "A tenant's dog got through the broken courtyard gate and bit Lily on "
			   "the forearm while she played by the swings. Other tenants had reported "
			   "the gate to the manager twice.",
	 .udf = {{"Referral source", UDF_IN_STRING, "Former client"},
		 {"Photos received", UDF_IN_BOOL, "true"}}},
};

/* demo_step_done counts a step made, or reports its failure. */
static void demo_step_done(struct demo_run *d, int rc, const char *what, const char *name,
			   const struct err *e)
{
	if (rc == 0)
		d->made++;
	else
		demo_run_failed(d, what, name, e);
}

/* ---- parties with their insurance, liens and bankruptcy ---------------------------------- */

struct demo_party_seen {
	int64_t contact_id;
	const char *kind;
	int64_t party_id;   /* found */
};

static int demo_party_match(const struct store_party *p, void *ctx)
{
	struct demo_party_seen *s = ctx;
	if (p->contact_id != s->contact_id || strcmp(p->kind, s->kind) != 0)
		return 0;
	s->party_id = p->id;
	return 1;
}

/* demo_party_id finds the party of the case for a contact's name (a plaintiff first); 0 when
 * there is none. */
static int64_t demo_party_id(struct demo_run *d, const struct actor *a, int64_t case_id,
			     const char *contact, const char *kind)
{
	struct demo_party_seen s = {demo_contact_id(d, contact), kind, 0};
	struct err e;
	err_clear(&e);
	if (s.contact_id)
		party_list(d->c, a, case_id, demo_party_match, &s, &e);
	return s.party_id;
}

static int64_t demo_cents(int64_t cents)
{
	return cents ? cents : -1;
}

static void demo_party_insurance(struct demo_run *d, const struct actor *a, int64_t case_id,
				 int64_t party_id, const struct demo_insurance_def *in)
{
	struct insurance_fields f = {0};
	f.present = INSURANCE_F_PARTY | INSURANCE_F_COMPANY | INSURANCE_F_CLAIM_NUMBER |
		    INSURANCE_F_POLICY_LIMITS | INSURANCE_F_NO_FAULT | INSURANCE_F_UM_SUM |
		    INSURANCE_F_ADJUSTER | INSURANCE_F_ADJUSTER_PHONE | INSURANCE_F_COVERAGE;
	f.v.party_id = party_id;
	f.v.company_id = demo_contact_id(d, in->company);
	snprintf(f.v.claim_number, sizeof f.v.claim_number, "%s", in->claim);
	snprintf(f.v.policy_limits, sizeof f.v.policy_limits, "%s", in->limits);
	f.v.no_fault_cents = demo_cents(in->no_fault);
	f.v.um_sum_cents = demo_cents(in->um_sum);
	f.v.adjuster_id = demo_contact_id(d, in->adjuster);
	snprintf(f.v.adjuster_phone, sizeof f.v.adjuster_phone, "%s", in->adjuster_phone);
	f.v.coverage_cents = demo_cents(in->coverage);
	struct store_insurance out;
	struct err e;
	err_clear(&e);
	demo_step_done(d, insurance_add(d->c, a, case_id, &f, &out, &e), "insurance", in->claim, &e);
}

static void demo_party_lien(struct demo_run *d, const struct actor *a, int64_t case_id,
			    int64_t party_id, const struct demo_lien_def *l)
{
	struct lien_fields f = {0};
	f.present = LIEN_F_PARTY | LIEN_F_HOLDER | LIEN_F_DESCRIPTION | LIEN_F_AMOUNT |
		    LIEN_F_NEGOTIATED | LIEN_F_FINAL;
	f.v.party_id = party_id;
	f.v.holder_id = demo_contact_id(d, l->holder);
	snprintf(f.v.description, sizeof f.v.description, "%s", l->description);
	f.v.amount_cents = l->amount;
	f.v.negotiated_cents = demo_cents(l->negotiated);
	f.v.final_cents = demo_cents(l->final);
	struct store_lien out;
	struct err e;
	err_clear(&e);
	demo_step_done(d, lien_add(d->c, a, case_id, &f, &out, &e), "lien", l->holder, &e);
}

static void demo_party_bankruptcy(struct demo_run *d, const struct actor *a, int64_t case_id,
				  int64_t party_id, const struct demo_bankruptcy_def *b)
{
	struct bankruptcy_fields f = {0};
	f.present = BANKRUPTCY_F_PARTY | BANKRUPTCY_F_COURT | BANKRUPTCY_F_JUDGE |
		    BANKRUPTCY_F_DOCKET | BANKRUPTCY_F_TRUSTEE | BANKRUPTCY_F_TRUSTEE_ATTORNEY |
		    BANKRUPTCY_F_RETAINED_DATE;
	f.v.party_id = party_id;
	f.v.court_id = demo_contact_id(d, b->court);
	snprintf(f.v.judge, sizeof f.v.judge, "%s", b->judge);
	snprintf(f.v.docket_number, sizeof f.v.docket_number, "%s", b->docket);
	f.v.trustee_id = demo_contact_id(d, b->trustee);
	f.v.trustee_attorney_id = demo_contact_id(d, b->trustee_attorney);
	demo_date_ago(b->retained_ago, f.v.retained_date);
	struct store_bankruptcy out;
	struct err e;
	err_clear(&e);
	demo_step_done(d, bankruptcy_add(d->c, a, case_id, &f, &out, &e), "bankruptcy", b->docket,
		       &e);
}

/* demo_party adds one party unless its contact is on that side already, then its insurance,
 * liens and bankruptcy. */
static void demo_party(struct demo_run *d, const struct actor *a, int64_t case_id,
		       const struct demo_party_def *p)
{
	if (demo_party_id(d, a, case_id, p->contact, p->kind))
		return;
	struct party_fields f = {0};
	f.present = PARTY_F_CONTACT | PARTY_F_KIND | PARTY_F_GROUP | PARTY_F_ROLE |
		    PARTY_F_LAW_FIRM | PARTY_F_ATTORNEY | PARTY_F_INJURY_SUMMARY |
		    PARTY_F_PLEADINGS_SUMMARY;
	f.v.contact_id = demo_contact_id(d, p->contact);
	snprintf(f.v.kind, sizeof f.v.kind, "%s", p->kind);
	f.v.group_no = p->group;
	snprintf(f.v.role, sizeof f.v.role, "%s", p->role ? p->role : "");
	f.v.law_firm_id = demo_contact_id(d, p->law_firm);
	f.v.attorney_id = demo_contact_id(d, p->attorney);
	snprintf(f.v.injury_summary, sizeof f.v.injury_summary, "%s", p->injury ? p->injury : "");
	snprintf(f.v.pleadings_summary, sizeof f.v.pleadings_summary, "%s",
		 p->pleadings ? p->pleadings : "");
	f.v.represented = !p->other;
	if (p->other) {
		f.present |= PARTY_F_REPRESENTED;
	} else if (strcmp(p->kind, "plaintiff") == 0) {
		f.present |= PARTY_F_PRIMARY_PARTY | PARTY_F_PRIMARY_CONTACT;
		f.v.primary_party = p->primary_party;
		f.v.primary_contact = p->primary_contact;
	}
	struct store_party out;
	struct err e;
	err_clear(&e);
	int rc = party_add(d->c, a, case_id, &f, &out, &e);
	demo_step_done(d, rc, "party", p->contact, &e);
	if (rc != 0)
		return;
	if (p->insurance.company)
		demo_party_insurance(d, a, case_id, out.id, &p->insurance);
	for (int i = 0; i < 2 && p->liens[i].holder; i++)
		demo_party_lien(d, a, case_id, out.id, &p->liens[i]);
	if (p->bankruptcy.court)
		demo_party_bankruptcy(d, a, case_id, out.id, &p->bankruptcy);
}

/* ---- work on the case ---------------------------------------------------------------------- */

/* A list callback of each kind that says the case has at least one row. */
static int demo_any_task(const struct store_task *t, void *ctx)
{
	*(bool *)ctx = true;
	return 1;
}

static int demo_any_appointment(const struct appointment_detail *ap, void *ctx)
{
	*(bool *)ctx = true;
	return 1;
}

static int demo_any_deadline(const struct store_deadline *dl, void *ctx)
{
	*(bool *)ctx = true;
	return 1;
}

static int demo_any_court(const struct court_detail *ct, void *ctx)
{
	*(bool *)ctx = true;
	return 1;
}

static void demo_tasks(struct demo_run *d, const struct actor *a, int64_t case_id,
		       const struct demo_summary *s)
{
	bool any = false;
	struct err e;
	err_clear(&e);
	if (task_list(d->c, a, case_id, false, demo_any_task, &any, &e) != 0 || any)
		return;
	for (int i = 0; i < 6 && s->tasks[i].subject; i++) {
		const struct demo_task_def *t = &s->tasks[i];
		struct task_fields f = {0};
		f.present = TASK_F_SUBJECT | TASK_F_DESCRIPTION | TASK_F_PRIORITY | TASK_F_ASSIGNEE |
			    TASK_F_COMPLETED;
		snprintf(f.v.subject, sizeof f.v.subject, "%s", t->subject);
		snprintf(f.v.description, sizeof f.v.description, "%s",
			 t->description ? t->description : "");
		snprintf(f.v.priority, sizeof f.v.priority, "%s", t->priority);
		f.v.assignee_id = demo_user_id(d->c, t->assignee);
		f.v.completed = t->completed;
		if (t->due_ago != DEMO_UNDATED) {
			f.present |= TASK_F_DUE_DATE;
			demo_date_ago(t->due_ago, f.v.due_date);
		}
		struct store_task out;
		err_clear(&e);
		demo_step_done(d, task_add(d->c, a, case_id, &f, &out, &e), "task", t->subject, &e);
	}
}

static void demo_appointments(struct demo_run *d, const struct actor *a, int64_t case_id,
			      const struct demo_summary *s)
{
	bool any = false;
	struct err e;
	err_clear(&e);
	if (appointment_list(d->c, a, case_id, false, 0, demo_any_appointment, &any, &e) != 0 || any)
		return;
	for (int i = 0; i < 3 && s->appointments[i].subject; i++) {
		const struct demo_appointment_def *ap = &s->appointments[i];
		static struct appointment_fields f;   /* large: kept off the stack */
		memset(&f, 0, sizeof f);
		f.present = APPOINTMENT_F_STARTS_AT | APPOINTMENT_F_ENDS_AT | APPOINTMENT_F_SUBJECT |
			    APPOINTMENT_F_COMMENTS | APPOINTMENT_F_COMPLETED | APPOINTMENT_F_ATTENDEES;
		char day[DATE_LEN], at[32];
		demo_date_ago(ap->ago, day);
		snprintf(at, sizeof at, "%sT%s:00", day, ap->time);
		err_clear(&e);
		if (note_parse_at(at, &f.d.v.starts_at, &e) != 0) {
			demo_run_failed(d, "appointment", ap->subject, &e);
			continue;
		}
		f.d.v.ends_at = f.d.v.starts_at + ap->minutes * 60;
		snprintf(f.d.v.subject, sizeof f.d.v.subject, "%s", ap->subject);
		snprintf(f.d.v.comments, sizeof f.d.v.comments, "%s", ap->comments ? ap->comments : "");
		f.d.v.completed = ap->completed;
		for (int u = 0; u < 2 && ap->users[u]; u++)
			f.d.attendees[f.d.n_attendees++].user_id = demo_user_id(d->c, ap->users[u]);
		for (int k = 0; k < 2 && ap->contacts[k]; k++)
			f.d.attendees[f.d.n_attendees++].contact_id = demo_contact_id(d, ap->contacts[k]);
		static struct appointment_detail out;
		demo_step_done(d, appointment_add(d->c, a, case_id, &f, &out, &e), "appointment",
			       ap->subject, &e);
	}
}

static void demo_deadlines(struct demo_run *d, const struct actor *a, int64_t case_id,
			   const struct demo_summary *s)
{
	bool any = false;
	struct err e;
	err_clear(&e);
	if (deadline_list(d->c, a, case_id, false, demo_any_deadline, &any, &e) != 0 || any)
		return;
	for (int i = 0; i < 5 && s->deadlines[i].kind; i++) {
		const struct demo_deadline_def *dl = &s->deadlines[i];
		struct deadline_fields f = {0};
		f.present = DEADLINE_F_KIND | DEADLINE_F_DUE_DATE | DEADLINE_F_COMMENTS | DEADLINE_F_DONE;
		snprintf(f.v.kind, sizeof f.v.kind, "%s", dl->kind);
		demo_date_ago(dl->due_ago, f.v.due_date);
		snprintf(f.v.comments, sizeof f.v.comments, "%s", dl->comments ? dl->comments : "");
		f.v.done = dl->done;
		if (dl->done)   /* done a few days before it was due */
			demo_date_ago(dl->due_ago + 5, f.v.done_date);
		if (dl->type) {
			f.present |= DEADLINE_F_TYPE;
			f.v.deadline_type_id = demo_setup_id(d->c, SETUP_DEADLINE_TYPE, 0, dl->type);
		}
		if (dl->party) {
			f.present |= DEADLINE_F_PARTY;
			f.v.party_id = demo_party_id(d, a, case_id, dl->party, "plaintiff");
			if (!f.v.party_id)
				f.v.party_id = demo_party_id(d, a, case_id, dl->party, "defendant");
		}
		struct store_deadline out;
		err_clear(&e);
		demo_step_done(d, deadline_add(d->c, a, case_id, &f, &out, &e), "deadline",
			       dl->type ? dl->type : dl->kind, &e);
	}
}

static void demo_court(struct demo_run *d, const struct actor *a, int64_t case_id,
		       const struct demo_court_def *ct)
{
	bool any = false;
	struct err e;
	err_clear(&e);
	if (!ct->court || court_list(d->c, a, case_id, demo_any_court, &any, &e) != 0 || any)
		return;
	static struct court_fields f;   /* large: kept off the stack */
	memset(&f, 0, sizeof f);
	f.present = COURT_F_COURT | COURT_F_DOCKET | COURT_F_FILING_DATE | COURT_F_PERSONNEL;
	f.d.v.court_id = demo_contact_id(d, ct->court);
	snprintf(f.d.v.docket_number, sizeof f.d.v.docket_number, "%s", ct->docket);
	demo_date_ago(ct->filed_ago, f.d.v.filing_date);
	for (int i = 0; i < 2 && ct->people[i][0]; i++) {
		struct store_court_person *p = &f.d.personnel[f.d.n_personnel++];
		p->contact_id = demo_contact_id(d, ct->people[i][0]);
		snprintf(p->role, sizeof p->role, "%s", ct->people[i][1]);
	}
	static struct court_detail out;
	demo_step_done(d, court_add(d->c, a, case_id, &f, &out, &e), "court", ct->docket, &e);
}

/* ---- the case's own summary data and its user-defined fields ------------------------------ */

static void demo_case_data(struct demo_run *d, const struct actor *a, const struct store_case *k,
			   const struct demo_summary *s)
{
	if (k->retainer_date[0] || k->incident_facts[0] || k->referral_in_form[0])
		return;
	static struct case_fields f;   /* large: kept off the stack */
	memset(&f, 0, sizeof f);
	f.present = CASE_F_RETAINER_DATE | CASE_F_REFERRAL_IN_FORM | CASE_F_REFERRAL_IN_CONTACT |
		    CASE_F_REFERRAL_OUT_FORM | CASE_F_REFERRAL_OUT_CONTACT | CASE_F_LIABILITY_CODE |
		    CASE_F_LIABILITY_PERCENT | CASE_F_INCIDENT_FACTS;
	demo_date_ago(s->retainer_ago, f.retainer_date);
	snprintf(f.referral_in_form, sizeof f.referral_in_form, "%s",
		 s->referral_in_form ? s->referral_in_form : "");
	f.referral_in_contact_id = demo_contact_id(d, s->referral_in_contact);
	snprintf(f.referral_out_form, sizeof f.referral_out_form, "%s",
		 s->referral_out_form ? s->referral_out_form : "");
	f.referral_out_contact_id = demo_contact_id(d, s->referral_out_contact);
	snprintf(f.liability_code, sizeof f.liability_code, "%s",
		 s->liability_code ? s->liability_code : "");
	f.liability_percent = s->liability_percent;
	snprintf(f.incident_facts, sizeof f.incident_facts, "%s", s->incident_facts);
	static struct store_case out;
	struct err e;
	err_clear(&e);
	demo_step_done(d, case_update(d->c, a, k->id, k->version, &f, &out, &e), "case summary",
		       k->number, &e);
}

static int demo_any_udf(const struct udf_entry *u, void *ctx)
{
	if (!u->value[0])
		return 0;
	*(bool *)ctx = true;
	return 1;
}

static void demo_udf(struct demo_run *d, const struct actor *a, int64_t case_id,
		     const struct demo_summary *s)
{
	bool any = false;
	struct err e;
	err_clear(&e);
	if (udf_list(d->c, a, case_id, demo_any_udf, &any, &e) != 0 || any)
		return;
	static struct udf_input in[4];   /* large: kept off the stack */
	int n = 0;
	for (int i = 0; i < 4 && s->udf[i].name; i++, n++) {
		memset(&in[n], 0, sizeof in[n]);
		snprintf(in[n].name, sizeof in[n].name, "%s", s->udf[i].name);
		in[n].type = s->udf[i].type;
		snprintf(in[n].text, sizeof in[n].text, "%s", s->udf[i].text);
	}
	err_clear(&e);
	demo_step_done(d, udf_set(d->c, a, case_id, in, n, &e), "user-defined fields", s->number, &e);
}

void demo_summary_load(struct demo_run *d, const struct actor *a, const struct store_case *k)
{
	const struct demo_summary *s = NULL;
	for (size_t i = 0; i < sizeof demo_summaries / sizeof demo_summaries[0]; i++)
		if (strcmp(demo_summaries[i].number, k->number) == 0)
			s = &demo_summaries[i];
	if (!s)
		return;
	for (int i = 0; i < 4 && s->parties[i].contact; i++)
		demo_party(d, a, k->id, &s->parties[i]);
	demo_tasks(d, a, k->id, s);
	demo_appointments(d, a, k->id, s);
	demo_deadlines(d, a, k->id, s);
	demo_court(d, a, k->id, &s->court);
	demo_case_data(d, a, k, s);
	demo_udf(d, a, k->id, s);
}
