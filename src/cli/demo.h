/* demo.h - what the parts of `caseload demo` share: demo.c loads offices, logins, setup lists
 * and contacts, then demo_cases.c the cases, demo_summary.c what the legal cases' summary
 * pages show (parties in detail, insurance, liens, tasks, appointments, deadlines, courts,
 * referral, liability, user-defined fields), and demo_reports.c what case status reports use
 * (more insurance cases, policy data, requirements, advisors, follow-up setup). */
#ifndef CASELOAD_DEMO_H
#define CASELOAD_DEMO_H

#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

/* One run of `caseload demo`: the connection, the system actor, what was made and what failed,
 * and ids later steps use. */
struct demo_run {
	struct store_conn *c;
	struct actor sys;
	int made, failed;
	int64_t stage_type_id;
	int64_t office_id;      /* the main office, where demo cases are handled */
};

/* demo_run_failed reports a failed step on standard error and counts it. */
void demo_run_failed(struct demo_run *d, const char *what, const char *name, const struct err *e);

/* demo_date_ago writes the date `ago` days before today (after it when negative) into out. */
void demo_date_ago(int ago, char out[DATE_LEN]);

/* demo_contact_id finds a contact by its display name ("Marcus Reed", "Midwest Mutual
 * Insurance Co."), or by a last or organisation name alone; 0 when there is none. */
int64_t demo_contact_id(struct demo_run *d, const char *name);

/* demo_user_id finds a user by login; 0 when there is none. */
int64_t demo_user_id(struct store_conn *c, const char *login);

/* demo_setup_id finds a setup item by name (within parent when > 0); 0 when there is none. */
int64_t demo_setup_id(struct store_conn *c, enum store_setup_kind kind, int64_t parent,
		      const char *name);

/* demo_summary_load gives demo case k what its summary page shows, when the demo has a
 * summary for it (the legal cases): each area (parties by contact, insurance, liens,
 * bankruptcies, tasks, appointments, deadlines, courts, the case's referral and liability,
 * its user-defined fields) is added only while the case has none of it, so running demo
 * again adds nothing. Acts as a. */
void demo_summary_load(struct demo_run *d, const struct actor *a, const struct store_case *k);

/* demo_cases_load opens the demo cases (with their statuses, staff, parties, notes and related
 * cases) that do not exist yet, acting as the demo staff login. */
void demo_cases_load(struct demo_run *d);

/* demo_reports_load adds, after demo_cases_load, what case status reports use: more insurance
 * cases, every insurance demo case's policy data and requirements, advisors on them, the
 * primary advisor role and the main office's stage-based follow-ups. Adds nothing that is
 * there already. */
void demo_reports_load(struct demo_run *d);

#endif
