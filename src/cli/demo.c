/* demo.c - `caseload demo`: offices, one login per role, the firm's vocabulary for every kind of
 * firm (legal, insurance, mortgage, protection, support: case types and subtypes, the stage and
 * sub-status types with their statuses, close reasons, staff roles, note types, value ranges,
 * critical-deadline types, a few more summary flags, and user-defined fields on the legal case
 * types) and the contacts the demo cases use (clients, insurers, adjusters, law firms and
 * attorneys, courts and a judge, lien holders, a bankruptcy trustee), so a new install can be
 * tried at once.
 *
 * Idempotent: everything is looked up by name first and what exists is left alone, so running
 * it twice changes nothing. All writes go through the domain (domain/setup.c, contact.c,
 * user.c) as the system actor. The demo cases are demo_cases.c, their summaries
 * demo_summary.c. */
#include "cli/cli.h"
#include "cli/demo.h"
#include "domain/contact.h"
#include "domain/office.h"
#include "domain/setup.h"
#include "domain/user.h"

#include <stdio.h>
#include <string.h>

static const char demo_help[] =
	"usage: caseload demo --db DB\n\n"
	"Loads demo offices, logins (one per role), case types, statuses, roles and other setup\n"
	"lists for every kind of firm, and a few contacts into an initialised database, and prints\n"
	"the logins. Running it again changes nothing that exists.\n";

#define DEMO_COUNT(a) (sizeof(a) / sizeof((a)[0]))


/* ---- offices and logins ------------------------------------------------------------------ */

struct demo_login {
	const char *login, *name, *email, *role, *password;
};

static const struct demo_login demo_logins[] = {
	{"admin", "Ada Admin", "ada.admin@example.com", "admin", "caseload-admin-1"},
	{"paula", "Paula Lane", "paula.lane@example.com", "staff", "caseload-staff-1"},
	{"avery", "Avery Brooks", "avery.brooks@example.com", "advisor", "caseload-advisor-1"},
	{"clara", "Clara Client", "clara.client@example.com", "client", "caseload-client-1"},
};

static const char *const demo_offices[][4] = {
	{"Main Office", "100 Main Street\nSpringfield, IL 62701", "+1 217 555 0100", "main@example.com"},
	{"Downtown Office", "25 Market Plaza, Suite 400\nChicago, IL 60601", "+1 312 555 0144", "downtown@example.com"},
};

struct demo_find {
	const char *name;
	int64_t id;
};

static int demo_find_office(const struct store_office *o, void *ctx)
{
	struct demo_find *f = ctx;
	if (strcmp(o->name, f->name) == 0) {
		f->id = o->id;
		return 1;
	}
	return 0;
}

/* demo_failed reports a failed step and counts it. */
void demo_run_failed(struct demo_run *d, const char *what, const char *name, const struct err *e)
{
	fprintf(stderr, "caseload demo: %s %s: %s%s%s\n", what, name, e->message,
		e->field[0] ? " - " : "", e->field);
	d->failed++;
}

/* demo_office returns the id of the named office, creating it if needed; 0 on failure. */
static int64_t demo_office(struct demo_run *d, const char *const o[4])
{
	struct err e;
	err_clear(&e);
	struct demo_find f = {o[0], 0};
	if (office_list(d->c, &d->sys, demo_find_office, &f, &e) != 0) {
		demo_run_failed(d, "office", o[0], &e);
		return 0;
	}
	if (f.id)
		return f.id;
	struct office_fields in = {0};
	in.present = OFFICE_F_NAME | OFFICE_F_ADDRESS | OFFICE_F_PHONE | OFFICE_F_EMAIL;
	snprintf(in.name, sizeof in.name, "%s", o[0]);
	snprintf(in.address, sizeof in.address, "%s", o[1]);
	snprintf(in.phone, sizeof in.phone, "%s", o[2]);
	snprintf(in.email, sizeof in.email, "%s", o[3]);
	struct store_office out;
	if (office_create(d->c, &d->sys, &in, &out, &e) != 0) {
		demo_run_failed(d, "office", o[0], &e);
		return 0;
	}
	d->made++;
	return out.id;
}

static void demo_user(struct demo_run *d, const struct demo_login *l, int64_t office)
{
	struct store_user u;
	if (store_user_get_by_login(d->c, l->login, &u) == STORE_OK)
		return;
	struct user_fields f = {0};
	f.present = USER_F_LOGIN | USER_F_NAME | USER_F_EMAIL | USER_F_ROLE | USER_F_PASSWORD |
		    USER_F_OFFICE;
	snprintf(f.login, sizeof f.login, "%s", l->login);
	snprintf(f.name, sizeof f.name, "%s", l->name);
	snprintf(f.email, sizeof f.email, "%s", l->email);
	snprintf(f.role, sizeof f.role, "%s", l->role);
	snprintf(f.password, sizeof f.password, "%s", l->password);
	f.office_id = office;
	struct err e;
	err_clear(&e);
	if (user_create(d->c, &d->sys, &f, &u, &e) != 0)
		demo_run_failed(d, "user", l->login, &e);
	else
		d->made++;
}

/* ---- setup lists ------------------------------------------------------------------------- */

#define DEMO_MAX_SUBTYPES 6
#define DEMO_MAX_STATUSES 32

struct demo_case_type {
	const char *name, *group;
	const char *subtypes[DEMO_MAX_SUBTYPES];   /* NULL-terminated when shorter */
};

static const struct demo_case_type demo_case_types[] = {
	{"Auto Accident", "legal", {"Rear-End Collision", "Truck Accident", "Motorcycle Accident", "Pedestrian"}},
	{"Medical Malpractice", "legal", {"Misdiagnosis", "Surgical Error", "Birth Injury", "Medication Error"}},
	{"Premises Liability", "legal", {"Slip and Fall", "Dog Bite", "Negligent Security"}},
	{"Workers' Compensation", "legal", {"Workplace Injury", "Occupational Disease", "Third-Party Claim"}},
	{"Product Liability", "legal", {"Defective Device", "Pharmaceutical", "Vehicle Defect"}},
	{"Life Insurance", "insurance", {"Term Life", "Whole Life", "Universal Life"}},
	{"Disability Insurance", "insurance", {"Short-Term Disability", "Long-Term Disability"}},
	{"Long-Term Care", "insurance", {"Traditional", "Hybrid"}},
	{"Annuity", "insurance", {"Fixed", "Indexed", "Variable"}},
	{"Residential", "mortgage", {"First-Time Buyer", "Home Mover", "Remortgage", "Equity Release"}},
	{"Buy-to-Let", "mortgage", {"Purchase", "Remortgage", "Portfolio"}},
	{"Life Cover", "protection", {"Level Term", "Decreasing Term", "Whole of Life"}},
	{"Income Protection", "protection", {"Short-Term", "Long-Term"}},
	{"Critical Illness Cover", "protection", {"Standalone", "With Life Cover"}},
	{"Homeowner", "support", {"Warranty Claim", "Service Request", "Billing Question"}},
	{"Installer", "support", {"Technical Support", "Training", "Parts Order"}},
};

struct demo_status {
	const char *name, *group;   /* group NULL = every group */
	int64_t days;
	bool closing;
};

struct demo_status_type {
	const char *name;
	bool stage;
	struct demo_status statuses[DEMO_MAX_STATUSES];   /* ends at the first without a name */
};

/* Positions follow the order here (10, 20, ...), so a group's first stage is its first row. */
static const struct demo_status_type demo_status_types[] = {
	{"Stage", true, {
		{"Intake", "legal", 14, false},
		{"Pre-Litigation", "legal", 120, false},
		{"Litigation", "legal", 365, false},
		{"Settlement", "legal", 60, false},
		{"Application Received", "insurance", 5, false},
		{"Underwriting", "insurance", 30, false},
		{"Approved", "insurance", 10, false},
		{"Issued", "insurance", 14, false},
		{"Placed", "insurance", 30, false},
		{"New Lead", "mortgage", 2, false},
		{"Call Back", "mortgage", 3, false},
		{"Meeting", "mortgage", 7, false},
		{"Application Submitted", "mortgage", 21, false},
		{"Offer", "mortgage", 28, false},
		{"Completed", "mortgage", 0, false},
		/* a status name is unique within its type, so protection's pipeline has its own
		 * names for the same steps */
		{"Enquiry", "protection", 2, false},
		{"Call Back Booked", "protection", 3, false},
		{"Fact Find", "protection", 7, false},
		{"Application Sent", "protection", 14, false},
		{"Terms Offered", "protection", 21, false},
		{"Policy Live", "protection", 0, false},
		{"New", "support", 1, false},
		{"Assigned", "support", 3, false},
		{"Pending", "support", 7, false},
		{"Closed Case", NULL, 0, true},
	}},
	{"Medical", false, {
		{"Treating", "legal", 60, false},
		{"Treatment Complete", "legal", 0, false},
		{"Records Requested", "legal", 30, false},
		{"Records Received", "legal", 0, false},
		{"Bills Requested", "legal", 30, false},
	}},
	{"Litigation", false, {
		{"Complaint Filed", "legal", 30, false},
		{"Discovery", "legal", 180, false},
		{"Depositions", "legal", 90, false},
		{"Mediation", "legal", 45, false},
		{"Trial Scheduled", "legal", 120, false},
		{"Appeal", "legal", 365, false},
	}},
	{"Underwriting", false, {
		{"Medical Exam Ordered", "insurance", 10, false},
		{"Attending Physician Statement", "insurance", 21, false},
		{"Rated", "insurance", 5, false},
		{"Approved as Applied", "insurance", 0, false},
	}},
	{"Documents", false, {
		{"ID Requested", NULL, 7, false},
		{"Payslips Requested", "mortgage", 7, false},
		{"Valuation Booked", "mortgage", 14, false},
		{"Medical Questionnaire Sent", "protection", 10, false},
		{"Documents Complete", NULL, 0, false},
	}},
	{"Escalation", false, {
		{"Tier 1", "support", 2, false},
		{"Tier 2", "support", 5, false},
		{"Engineering", "support", 10, false},
	}},
};

static const char *const demo_close_reasons[] = {
	"Settled", "Verdict", "Dropped", "Referred Out", "Policy Placed", "Withdrawn",
	"Case Voided", "Resolved",
};

static const char *const demo_roles[][2] = {
	{"Lead Attorney", "attorney"},
	{"Attorney", "attorney"},
	{"Paralegal", "paralegal"},
	{"Case Manager", "case_manager"},
	{"Primary Advisor", "advisor"},
	{"Writing Advisor", "advisor"},
	{"Servicing Advisor", "advisor"},
	{"Referral Advisor", "advisor"},
	{"Adviser", "advisor"},
	{"Owner", "owner"},
	{"Intake Specialist", ""},
};

struct demo_note_type {
	const char *name;
	bool client_facing;
};

static const struct demo_note_type demo_note_types[] = {
	{"General", false},
	{"Phone Call", false},
	{"E-mail", false},
	{"Plaintiff", true},
	{"Internal", false},
};

struct demo_value_range {
	const char *name;
	int64_t low_cents, high_cents, limit_cents;
};

static const struct demo_value_range demo_value_ranges[] = {
	{"$0–$25k", 0, 2500000, 100000},
	{"$25k–$100k", 2500000, 10000000, 500000},
	{"$100k–$250k", 10000000, 25000000, 1000000},
	{"$250k–$500k", 25000000, 50000000, 2500000},
	{"$500k–$1M", 50000000, 100000000, 5000000},
	{"$1M+", 100000000, 10000000000, 10000000},
};

static const char *const demo_deadline_types[] = {
	"Answer due", "Discovery cutoff", "Notice of claim", "Expert disclosure",
	"Certificate of merit", "Mediation statement due",
};

/* Flags beyond the six every new database has (they come first, at positions 1..6). */
struct demo_flag {
	const char *name, *condition, *param, *target;
};

static const struct demo_flag demo_flags[] = {
	{"Liens", "liens", "", "liens"},
	{"Critical Task", "critical_task", "", "tasks"},
	{"Deadline Past Due", "deadline_past_due", "", "deadlines"},
	{"Attorney Referral", "udf_equals", "Referral source=Attorney referral", "udf"},
};

/* User-defined fields of the legal case types (of one type when only_type is set). */
struct demo_udf_field {
	const char *name, *format, *options;   /* options: one per line, picklists only */
	bool required;
	const char *only_type;
};

static const struct demo_udf_field demo_udf_fields[] = {
	{"Referral source", "picklist", "Web\nTV\nBillboard\nAttorney referral\nFormer client", false, NULL},
	{"Medical specials", "money", NULL, false, NULL},
	{"Photos received", "yesno", NULL, false, NULL},
	{"Police report number", "text", NULL, false, "Auto Accident"},
};

/* demo_fields starts the fields of an item with its name, position and parent. */
static void demo_fields(struct setup_fields *f, const char *name, size_t index, int64_t parent)
{
	memset(f, 0, sizeof *f);
	f->present = SETUP_F_NAME | SETUP_F_POSITION | (parent ? SETUP_F_PARENT : 0);
	snprintf(f->v.name, sizeof f->v.name, "%s", name);
	f->v.position = (int64_t)(index + 1) * 10;
	f->v.parent_id = parent;
}

/* demo_item returns the id of the item of kind named f->v.name (under f->v.parent_id), creating
 * it from f when there is none; 0 on failure. */
static int64_t demo_item(struct demo_run *d, enum store_setup_kind kind, const struct setup_fields *f)
{
	struct store_setup_item it;
	struct err e;
	err_clear(&e);
	int rc = setup_find_by_name(d->c, kind, f->v.parent_id, f->v.name, &it, &e);
	if (rc == 0)
		return it.id;
	if (rc == ERR_NOT_FOUND)
		rc = setup_create(d->c, &d->sys, kind, f, &it, &e);
	if (rc != 0) {
		demo_run_failed(d, setup_kind_name(kind), f->v.name, &e);
		return 0;
	}
	d->made++;
	return it.id;
}

static void demo_case_types_load(struct demo_run *d)
{
	struct setup_fields f;
	for (size_t i = 0; i < DEMO_COUNT(demo_case_types); i++) {
		const struct demo_case_type *t = &demo_case_types[i];
		demo_fields(&f, t->name, i, 0);
		f.present |= SETUP_F_GROUP;
		snprintf(f.v.group, sizeof f.v.group, "%s", t->group);
		int64_t id = demo_item(d, SETUP_CASE_TYPE, &f);
		for (size_t k = 0; id && k < DEMO_MAX_SUBTYPES && t->subtypes[k]; k++) {
			demo_fields(&f, t->subtypes[k], k, id);
			demo_item(d, SETUP_CASE_SUBTYPE, &f);
		}
	}
}

static int demo_stage_each(const struct store_setup_item *it, void *ctx)
{
	if (!it->stage)
		return 0;
	*(int64_t *)ctx = it->id;
	return 1;
}

/* demo_status_type gives the id of a status type; the stage is whichever type already is the
 * stage (a firm may have named its own), else the demo's. */
static int64_t demo_status_type(struct demo_run *d, const struct demo_status_type *t, size_t index)
{
	if (t->stage) {
		int64_t stage = 0;
		struct err e;
		err_clear(&e);
		if (setup_list(d->c, &d->sys, SETUP_STATUS_TYPE, NULL, demo_stage_each, &stage, &e) != 0) {
			demo_run_failed(d, "status type", t->name, &e);
			return 0;
		}
		if (stage)
			return stage;
	}
	struct setup_fields f;
	demo_fields(&f, t->name, index, 0);
	f.present |= SETUP_F_STAGE;
	f.v.stage = t->stage;
	return demo_item(d, SETUP_STATUS_TYPE, &f);
}

static void demo_statuses_load(struct demo_run *d)
{
	struct setup_fields f;
	for (size_t i = 0; i < DEMO_COUNT(demo_status_types); i++) {
		const struct demo_status_type *t = &demo_status_types[i];
		int64_t type = demo_status_type(d, t, i);
		if (t->stage)
			d->stage_type_id = type;
		for (size_t k = 0; type && k < DEMO_MAX_STATUSES && t->statuses[k].name; k++) {
			const struct demo_status *s = &t->statuses[k];
			demo_fields(&f, s->name, k, type);
			f.present |= SETUP_F_DAYS | SETUP_F_CLOSING | SETUP_F_GROUP;
			f.v.days = s->days;
			f.v.closing = s->closing;
			snprintf(f.v.group, sizeof f.v.group, "%s", s->group ? s->group : "");
			demo_item(d, SETUP_STATUS, &f);
		}
	}
}

static void demo_lists_load(struct demo_run *d)
{
	struct setup_fields f;
	for (size_t i = 0; i < DEMO_COUNT(demo_close_reasons); i++) {
		demo_fields(&f, demo_close_reasons[i], i, 0);
		demo_item(d, SETUP_CLOSE_REASON, &f);
	}
	for (size_t i = 0; i < DEMO_COUNT(demo_roles); i++) {
		demo_fields(&f, demo_roles[i][0], i, 0);
		f.present |= SETUP_F_CATEGORY;
		snprintf(f.v.category, sizeof f.v.category, "%s", demo_roles[i][1]);
		demo_item(d, SETUP_ROLE, &f);
	}
	for (size_t i = 0; i < DEMO_COUNT(demo_note_types); i++) {
		demo_fields(&f, demo_note_types[i].name, i, 0);
		f.present |= SETUP_F_CLIENT_FACING;
		f.v.client_facing = demo_note_types[i].client_facing;
		demo_item(d, SETUP_NOTE_TYPE, &f);
	}
	for (size_t i = 0; i < DEMO_COUNT(demo_value_ranges); i++) {
		const struct demo_value_range *v = &demo_value_ranges[i];
		demo_fields(&f, v->name, i, 0);
		f.present |= SETUP_F_LOW | SETUP_F_HIGH | SETUP_F_LIMIT;
		f.v.low_cents = v->low_cents;
		f.v.high_cents = v->high_cents;
		f.v.limit_cents = v->limit_cents;
		demo_item(d, SETUP_VALUE_RANGE, &f);
	}
	for (size_t i = 0; i < DEMO_COUNT(demo_deadline_types); i++) {
		demo_fields(&f, demo_deadline_types[i], i, 0);
		demo_item(d, SETUP_DEADLINE_TYPE, &f);
	}
	for (size_t i = 0; i < DEMO_COUNT(demo_flags); i++) {
		const struct demo_flag *fl = &demo_flags[i];
		demo_fields(&f, fl->name, i + 6, 0);
		f.present |= SETUP_F_CODE | SETUP_F_TEXT | SETUP_F_TARGET;
		snprintf(f.v.code, sizeof f.v.code, "%s", fl->condition);
		snprintf(f.v.text, sizeof f.v.text, "%s", fl->param);
		snprintf(f.v.target, sizeof f.v.target, "%s", fl->target);
		demo_item(d, SETUP_FLAG, &f);
	}
}

/* demo_udf_fields_load gives each legal case type its user-defined fields. */
static void demo_udf_fields_load(struct demo_run *d)
{
	struct setup_fields f;
	for (size_t t = 0; t < DEMO_COUNT(demo_case_types); t++) {
		if (strcmp(demo_case_types[t].group, "legal") != 0)
			continue;
		int64_t type = demo_setup_id(d->c, SETUP_CASE_TYPE, 0, demo_case_types[t].name);
		for (size_t i = 0; type && i < DEMO_COUNT(demo_udf_fields); i++) {
			const struct demo_udf_field *u = &demo_udf_fields[i];
			if (u->only_type && strcmp(u->only_type, demo_case_types[t].name) != 0)
				continue;
			demo_fields(&f, u->name, i, type);
			f.present |= SETUP_F_CODE | SETUP_F_REQUIRED | SETUP_F_TEXT;
			snprintf(f.v.code, sizeof f.v.code, "%s", u->format);
			snprintf(f.v.text, sizeof f.v.text, "%s", u->options ? u->options : "");
			f.v.required = u->required;
			demo_item(d, SETUP_UDF_FIELD, &f);
		}
	}
}

/* ---- contacts ---------------------------------------------------------------------------- */

struct demo_contact {
	const char *kind, *first, *last, *org, *email, *phone;
	const char *login;       /* the demo user linked to this contact, or NULL */
	const char *nickname, *languages;
	const char *employer;    /* an organisation above it in the list, or NULL */
	int age;                 /* years; 0 = birth date not known */
	int died_ago;            /* days since the death; 0 = living */
	const char *death_place;
};

/* Organisations come before the people they employ. */
static const struct demo_contact demo_contacts[] = {
	{"person", "Clara", "Client", "", "clara.client@example.com", "+1 217 555 0181", "clara",
	 NULL, "English", NULL, 38, 0, NULL},
	{"person", "Avery", "Brooks", "Brooks Financial Advisors", "avery.brooks@example.com", "+1 312 555 0122", "avery",
	 NULL, NULL, NULL, 0, 0, NULL},
	{"person", "Marcus", "Reed", "", "marcus.reed@example.net", "+1 217 555 0134", NULL,
	 "Marc", "English, Spanish", NULL, 41, 0, NULL},
	{"person", "Elena", "Ortiz", "", "elena.ortiz@example.net", "+1 312 555 0175", NULL,
	 NULL, "Spanish, English", NULL, 52, 0, NULL},
	{"person", "James", "Whitfield", "", "j.whitfield@example.org", "+1 217 555 0163", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"person", "Priya", "Natarajan", "", "priya.natarajan@example.com", "+1 630 555 0119", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Midwest Mutual Insurance Co.", "claims@midwestmutual.example.com", "+1 800 555 0100", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Lakeside Orthopedic Clinic", "records@lakeside-ortho.example.com", "+1 217 555 0150", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Sangamon County Circuit Court", "", "+1 217 555 0199", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Northside Transit Authority", "risk@northsidetransit.example.gov", "+1 217 555 0210", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Prairie State Auto Insurance", "claims@prairiestate.example.com", "+1 800 555 0133", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Hale & Ortega LLP", "office@haleortega.example.com", "+1 217 555 0240", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Brennan Law Group", "intake@brennanlaw.example.com", "+1 312 555 0177", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Blue Prairie Health Plan", "subrogation@blueprairie.example.com", "+1 800 555 0166", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Springfield Physical Therapy", "billing@springfieldpt.example.com", "+1 217 555 0188", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "Sunrise Apartments LLC", "manager@sunriseapts.example.com", "+1 217 555 0121", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"organisation", "", "", "U.S. Bankruptcy Court, Central District of Illinois", "", "+1 217 555 0300", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"person", "Dana", "Reed", "", "dana.reed@example.net", "+1 217 555 0135", NULL,
	 "Dee", "English", NULL, 39, 0, NULL},
	{"person", "Kevin", "Doyle", "", "", "+1 217 555 0261", NULL,
	 NULL, "English", NULL, 47, 0, NULL},
	{"person", "Robert", "Ortiz", "", "", "+1 312 555 0176", NULL,
	 "Bobby", "Spanish, English", NULL, 58, 60, "Memorial Medical Center, Springfield, IL"},
	{"person", "Lily", "Client", "", "", "", NULL,
	 NULL, "English", NULL, 10, 0, NULL},
	{"person", "Daniel", "Hale", "", "dhale@haleortega.example.com", "+1 217 555 0241", NULL,
	 NULL, NULL, "Hale & Ortega LLP", 0, 0, NULL},
	{"person", "Maria", "Brennan", "", "mbrennan@brennanlaw.example.com", "+1 312 555 0178", NULL,
	 NULL, "English, Polish", "Brennan Law Group", 0, 0, NULL},
	{"person", "Gary", "Tully", "", "gtully@midwestmutual.example.com", "+1 800 555 0107", NULL,
	 NULL, NULL, "Midwest Mutual Insurance Co.", 0, 0, NULL},
	{"person", "Nina", "Park", "", "npark@prairiestate.example.com", "+1 800 555 0139", NULL,
	 NULL, NULL, "Prairie State Auto Insurance", 0, 0, NULL},
	{"person", "Ruth", "Calloway", "", "", "+1 217 555 0195", NULL,
	 NULL, NULL, "Sangamon County Circuit Court", 0, 0, NULL},
	{"person", "Tom", "Becker", "", "", "+1 217 555 0196", NULL,
	 NULL, NULL, "Sangamon County Circuit Court", 0, 0, NULL},
	{"person", "Alan", "Whitcomb", "", "trustee@whitcomb.example.com", "+1 217 555 0310", NULL,
	 NULL, NULL, NULL, 0, 0, NULL},
	{"person", "Sofia", "Mendes", "", "smendes@haleortega.example.com", "+1 217 555 0242", NULL,
	 NULL, NULL, "Hale & Ortega LLP", 0, 0, NULL},
};

struct demo_contact_find {
	const struct demo_contact *want;
	int64_t id;        /* the match, 0 = none yet */
	int64_t last_id;   /* the last contact of the page */
	int n;             /* contacts in the page */
};

static int demo_contact_each(const struct store_contact *ct, void *ctx)
{
	struct demo_contact_find *f = ctx;
	f->n++;
	f->last_id = ct->id;
	if (strcmp(ct->kind, f->want->kind) != 0 || strcmp(ct->first_name, f->want->first) != 0 ||
	    strcmp(ct->last_name, f->want->last) != 0 || strcmp(ct->org_name, f->want->org) != 0)
		return 0;
	f->id = ct->id;
	return 1;
}

/* demo_contact returns the id of the contact with these names, creating it if needed; 0 on
 * failure. */
static int64_t demo_contact(struct demo_run *d, const struct demo_contact *w)
{
	enum { PAGE = 200 };
	struct err e;
	err_clear(&e);
	const char *who = w->last[0] ? w->last : w->org;
	struct demo_contact_find f = {.want = w};
	do {   /* page on while pages are full: a firm may have many contacts of that name */
		f.n = 0;
		if (contact_list(d->c, &d->sys, who, f.last_id, PAGE, demo_contact_each, &f, &e) != 0) {
			demo_run_failed(d, "contact", who, &e);
			return 0;
		}
	} while (!f.id && f.n == PAGE);
	if (f.id)
		return f.id;
	static struct contact_fields in;   /* large: kept off the stack */
	memset(&in, 0, sizeof in);
	in.present = CONTACT_F_KIND | CONTACT_F_FIRST_NAME | CONTACT_F_LAST_NAME |
		     CONTACT_F_ORG_NAME | CONTACT_F_EMAIL | CONTACT_F_PHONE | CONTACT_F_NICKNAME |
		     CONTACT_F_LANGUAGES;
	snprintf(in.d.v.kind, sizeof in.d.v.kind, "%s", w->kind);
	snprintf(in.d.v.first_name, sizeof in.d.v.first_name, "%s", w->first);
	snprintf(in.d.v.last_name, sizeof in.d.v.last_name, "%s", w->last);
	snprintf(in.d.v.org_name, sizeof in.d.v.org_name, "%s", w->org);
	snprintf(in.d.v.email, sizeof in.d.v.email, "%s", w->email);
	snprintf(in.d.v.phone, sizeof in.d.v.phone, "%s", w->phone);
	snprintf(in.d.v.nickname, sizeof in.d.v.nickname, "%s", w->nickname ? w->nickname : "");
	snprintf(in.d.v.languages, sizeof in.d.v.languages, "%s", w->languages ? w->languages : "");
	if (w->employer) {
		in.present |= CONTACT_F_EMPLOYER;
		in.d.v.employer_id = demo_contact_id(d, w->employer);
	}
	if (w->age) {   /* some months past the birthday, so the age holds all year round */
		in.present |= CONTACT_F_BIRTH_DATE;
		demo_date_ago(w->age * 365 + w->age / 4 + 120, in.d.v.birth_date);
	}
	if (w->died_ago) {
		in.present |= CONTACT_F_DEATH_DATE | CONTACT_F_DEATH_PLACE;
		demo_date_ago(w->died_ago, in.d.v.death_date);
		snprintf(in.d.v.death_place, sizeof in.d.v.death_place, "%s", w->death_place);
	}
	static struct contact_detail ct;
	if (contact_create(d->c, &d->sys, &in, &ct, &e) != 0) {
		demo_run_failed(d, "contact", who, &e);
		return 0;
	}
	d->made++;
	return ct.v.id;
}

/* demo_link_user links a demo login to its contact unless it has one already. */
static void demo_link_user(struct demo_run *d, const char *login, int64_t contact_id)
{
	struct store_user u;
	if (!contact_id || store_user_get_by_login(d->c, login, &u) != STORE_OK || u.contact_id)
		return;
	struct user_fields f = {0};
	f.present = USER_F_CONTACT;
	f.contact_id = contact_id;
	struct err e;
	err_clear(&e);
	if (user_update(d->c, &d->sys, u.id, u.version, &f, &u, &e) != 0)
		demo_run_failed(d, "user", login, &e);
	else
		d->made++;
}

static void demo_contacts_load(struct demo_run *d)
{
	for (size_t i = 0; i < DEMO_COUNT(demo_contacts); i++) {
		int64_t id = demo_contact(d, &demo_contacts[i]);
		if (demo_contacts[i].login)
			demo_link_user(d, demo_contacts[i].login, id);
	}
}

/* ---- cases ------------------------------------------------------------------------------- */

int cli_demo(int argc, char **argv)
{
	const char *db = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			fputs(demo_help, stdout);
			return CLI_OK;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
		} else {
			return cli_unknown_option("demo", argv[i]);
		}
	}
	if (!db)
		return cli_usage_error("demo", "give the database with --db");
	struct store *s = NULL;
	if (cli_open_current(db, 1, &s) != CLI_OK)
		return CLI_FAILED;
	struct demo_run d = {.c = store_acquire(s, 10000)};
	if (!d.c) {
		fprintf(stderr, "caseload demo: the database stayed busy\n");
		store_close(s);
		return CLI_FAILED;
	}
	actor_system(&d.sys);
	int64_t main_office = demo_office(&d, demo_offices[0]);
	int64_t second = demo_office(&d, demo_offices[1]);
	for (size_t i = 0; i < DEMO_COUNT(demo_logins); i++)
		demo_user(&d, &demo_logins[i], i == 2 ? second : main_office);
	demo_case_types_load(&d);
	demo_statuses_load(&d);
	demo_lists_load(&d);
	demo_udf_fields_load(&d);
	demo_contacts_load(&d);
	d.office_id = main_office;
	demo_cases_load(&d);
	demo_reports_load(&d);
	store_release(s, d.c);
	store_close(s);
	if (d.failed || !main_office || !second)
		return CLI_FAILED;
	printf("demo data %s. Logins:\n", d.made ? "loaded" : "already present");
	for (size_t i = 0; i < DEMO_COUNT(demo_logins); i++)
		printf("  %-8s %-20s (%s)\n", demo_logins[i].login, demo_logins[i].password,
		       demo_logins[i].role);
	return CLI_OK;
}
