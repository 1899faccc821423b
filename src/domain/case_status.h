/* case_status.h - the status table of a case: where it stands. A case has exactly one current
 * primary status (a status of the stage type) and at most one current status of each sub-status
 * type; setting a status ends the current one of its type, so the rows form the history.
 *
 * Closing: the stage's closing status needs a close reason (and only it takes one), sets the
 * case's closed date and notes "Closed: <reason>" in the row's comments; a non-closing stage
 * after it reopens the case. Every change writes its timeline event in the same transaction.
 *
 * The mass status change (one status for many cases) is case_status_mass.c; the first stage of
 * a new case is written by case.c. */
#ifndef CASELOAD_CASE_STATUS_H
#define CASELOAD_CASE_STATUS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

enum case_status_field_bit {
	CASE_STATUS_F_TYPE = 1u << 0,
	CASE_STATUS_F_STATUS = 1u << 1,
	CASE_STATUS_F_EXPECTED_DAYS = 1u << 2,
	CASE_STATUS_F_DATE = 1u << 3,
	CASE_STATUS_F_COMMENTS = 1u << 4,
	CASE_STATUS_F_CLOSE_REASON = 1u << 5,
};

/* What a status change asks for; `present` says which members were given. */
struct case_status_fields {
	uint32_t present;              /* enum case_status_field_bit */
	int64_t status_type_id;
	int64_t status_id;
	int64_t expected_days;         /* default: the status's expected days */
	char date[STORE_DATE_LEN];     /* "" = today */
	char comments[STORE_COMMENTS_MAX + 1];
	int64_t close_reason_id;       /* 0 = none */
};

/* A checked status change, ready to apply to any case: what case_status_plan_make read. */
struct case_status_plan {
	struct store_setup_item type;     /* the status type */
	struct store_setup_item status;
	struct store_setup_item reason;   /* the close reason (id 0 when not closing) */
	int64_t expected_days;
	char date[STORE_DATE_LEN];
	char comments[STORE_COMMENTS_MAX + 1];   /* with the "Closed: <reason>" note */
};

/* case_status_plan_make checks f against the setup lists: the type exists (422 on
 * status_type_id), the status belongs to it (422 on status_id), expected_days >= 0, the date is
 * real (default today), a close reason is given exactly when the status is the closing one
 * (422 on close_reason_id both ways). Nothing is written. */
int case_status_plan_make(struct store_conn *c, const struct case_status_fields *f,
			  struct case_status_plan *p, struct err *e);

/* case_status_apply sets the planned status on case k (already loaded; call inside a
 * transaction): ends the current row of the type (ERR_CONFLICT when it already is that status),
 * adds the new row, moves the case's stage and closed date for the stage type, and writes
 * status.set (and case.closed / case.reopened). The new row goes to out (may be NULL). */
int case_status_apply(struct store_conn *c, const struct actor *a, const struct store_case *k,
		      const struct case_status_plan *p, struct store_case_status *out,
		      struct err *e);

/* case_status_set is POST .../statuses: load the case (404), right case_edit, plan, apply, in
 * one transaction. out receives the new row. */
int case_status_set(struct store_conn *c, const struct actor *a, int64_t case_id,
		    const struct case_status_fields *f, struct store_case_status *out,
		    struct err *e);

/* case_status_edit changes the given members (status_id, expected_days, date, comments,
 * close_reason_id) of a current row when version is current (ERR_CONFLICT otherwise, and for an
 * ended row), under the same rules as setting one; writes status.changed. */
int case_status_edit(struct store_conn *c, const struct actor *a, int64_t case_id,
		     int64_t row_id, int64_t version, const struct case_status_fields *f,
		     struct store_case_status *out, struct err *e);

/* case_status_remove ends a current sub-status (to_date today, or its from date if that is
 * later); the primary status cannot be removed (ERR_CONFLICT). Writes status.removed. */
int case_status_remove(struct store_conn *c, const struct actor *a, int64_t case_id,
		       int64_t row_id, struct err *e);

/* case_status_list walks the case's current rows, primary first. */
int case_status_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		     store_case_status_each_fn each, void *ctx, struct err *e);

/* case_status_history walks every row the case has had, newest first. */
int case_status_history(struct store_conn *c, const struct actor *a, int64_t case_id,
			store_case_status_each_fn each, void *ctx, struct err *e);

/* case_status_days gives the calendar days a row has run: from its from date to today, or to
 * its to date once ended (never below 0), and whether a current row is past its expected days
 * (expected_days > 0 and days > expected_days). */
void case_status_days(const struct store_case_status *s, const char *today, int64_t *days,
		      bool *overdue);

/* case_status_closed_note rewrites comments (in place, size bytes) to end with
 * "Closed: <reason>" (reason non-NULL) or without such a note (reason NULL), replacing a note
 * an earlier close left there. The note always fits: the comments are cut to make room. */
void case_status_closed_note(char *comments, size_t size, const char *reason);

/* ---- mass status change (case_status_mass.c) -------------------------------------------- */

#define CASE_STATUS_MASS_MAX 500

/* Which cases a mass change is for: ids (n of them), or, when filter is not NULL, every case
 * the filter finds (the scope is set from the actor). */
struct case_mass_target {
	const int64_t *ids;
	int n;
	struct store_case_filter *filter;
};

/* One case's line in the preview or the result. */
struct case_mass_item {
	int64_t case_id;
	char number[STORE_CASE_NUMBER_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	bool has_from;                      /* the case had a current status of the type */
	char from[STORE_NAME_MAX + 1];
	char to[STORE_NAME_MAX + 1];
	bool ok;                            /* preview: it can change; apply: it changed */
	char problem[256];                  /* why not, when !ok */
};

typedef int (*case_mass_each_fn)(const struct case_mass_item *item, void *ctx);

/* case_status_mass previews (apply false: nothing is written) or applies one status change to
 * up to CASE_STATUS_MASS_MAX cases (more: ERR_UNPROCESSABLE on case_ids or filter). Needs
 * case_edit. The change itself is checked once (as case_status_plan_make: a bad one fails the
 * whole request); then each case, in its own transaction when applying, is reported to each
 * with ok or the problem that stopped it (not found, already has the status). *count receives
 * the number of cases and *changed the number changed (0 for a preview). */
int case_status_mass(struct store_conn *c, const struct actor *a,
		     const struct case_mass_target *target, const struct case_status_fields *f,
		     bool apply, case_mass_each_fn each, void *ctx, int *count, int *changed,
		     struct err *e);

#endif
