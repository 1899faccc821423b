/* summary.h - the case summary: the whole case at a glance, gathered in one pass.
 *
 * case_summary_walk reads every area of one case and hands each row to a visitor (the API
 * turns them into the JSON of GET /api/v1/cases/{id}/summary; tests record them). Rows are
 * passed by pointer and live only during the call, so nothing is copied or kept. The rules of
 * the page are applied here:
 *   - statuses: the current rows, with days since their date and an overdue mark
 *     (case_status.h); staff: the current staff; notes: the newest five;
 *   - appointments: the pending ones (appointment_is_pending as of now), by start;
 *   - tasks: the incomplete ones; deadlines: the outstanding ones, by due date, and the next
 *     one (deadline_next, overdue against today);
 *   - parties: plaintiffs then defendants, each followed by its insurance rows; the totals of
 *     the defendants' coverage (total liability coverage) and of settlements (0 until the
 *     negotiations issue adds them: the place is summary_facts.total_settlements_cents);
 *   - the tabs: incident facts (always has data), injuries (a plaintiff with an injury or
 *     pleadings summary), liens (one total line per plaintiff, zero lines included; has data
 *     when any lien exists), surrogate (deceased plaintiffs), bankruptcy, related cases, other
 *     cases, other plaintiffs (plaintiffs not represented);
 *   - flags: every flag of the setup list whose rule holds (flag.h), in list order;
 *   - user-defined fields of the case's type with their values; the value range history.
 * Related and other cases are the case briefs of related.h, seen through the caller's scope.
 *
 * Reading follows the case (case_load: a case the caller may not see is ERR_NOT_FOUND). */
#ifndef CASELOAD_SUMMARY_H
#define CASELOAD_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "domain/appointment.h"
#include "domain/court.h"
#include "domain/deadline.h"
#include "domain/lien.h"
#include "domain/udf.h"
#include "store/store.h"

/* What is known only once every row has been seen. */
struct summary_facts {
	char today[STORE_DATE_LEN];
	struct deadline_next next_deadline;
	int64_t total_coverage_cents;        /* sum of the defendants' insurance coverage */
	int64_t total_settlements_cents;     /* 0 until negotiations and settlements exist */
	/* The tabs' has-data indicators. */
	bool tab_incident_facts;             /* always true */
	bool tab_injuries;
	bool tab_liens;
	bool tab_other_cases;
	bool tab_surrogate;
	bool tab_bankruptcy;
	bool tab_related_cases;
	bool tab_other_plaintiffs;
};

/* A status row as the summary shows it. */
struct summary_status {
	const struct store_case_status *row;
	int64_t days_since;                  /* case_status_days */
	bool overdue;
};

/* The visitor: every member may be NULL (that area is then not read at all, except where a
 * later rule needs it). A callback returning non-zero stops the walk (the walk then returns
 * ERR_INTERNAL with "stopped"). Order of calls: case, statuses, staff, notes, appointments,
 * tasks, courts, deadlines, parties (each party then its insurance rows), lien totals,
 * bankruptcies, udf, value history, related, other cases, flags, facts. */
struct summary_visitor {
	int (*on_case)(const struct store_case *k, void *ctx);
	int (*on_status)(const struct summary_status *s, void *ctx);
	int (*on_staff)(const struct store_case_staff *s, void *ctx);
	int (*on_note)(const struct store_note *n, void *ctx);
	int (*on_appointment)(const struct appointment_detail *d, void *ctx);
	int (*on_task)(const struct store_task *t, void *ctx);
	int (*on_court)(const struct court_detail *d, void *ctx);
	int (*on_deadline)(const struct store_deadline *d, void *ctx);
	int (*on_party)(const struct store_party *p, void *ctx);
	int (*on_insurance)(const struct store_insurance *in, void *ctx);
	/* one line per plaintiff (represented or not), zero lines included, by plaintiff order */
	int (*on_lien_total)(const struct store_party *plaintiff, const struct lien_total *t,
			     void *ctx);
	int (*on_bankruptcy)(const struct store_bankruptcy *b, void *ctx);
	int (*on_udf)(const struct udf_entry *u, void *ctx);
	int (*on_value_change)(const struct store_value_change *v, void *ctx);
	int (*on_related)(const struct store_case_brief *b, void *ctx);
	int (*on_other_case)(const struct store_case_brief *b, void *ctx);
	int (*on_flag)(const struct store_setup_item *flag, void *ctx);
	int (*on_facts)(const struct summary_facts *f, void *ctx);
};

#define SUMMARY_NOTES 5

/* case_summary_walk reads case case_id for the actor as of now (the firm's today is derived
 * from now) and calls the visitor. */
int case_summary_walk(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t now,
		      const struct summary_visitor *v, void *ctx, struct err *e);

#endif
