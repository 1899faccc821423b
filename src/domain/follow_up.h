/* follow_up.h - the status-report setup: per office, the follow-up method (none, or stage-based
 * with an interval in days and custom report text per stage status), and the firm-wide status
 * report settings (the default subject line; which requirement statuses a report lists).
 *
 * What a sent report does to a case's follow-up dates (report_send.c) is follow_up_after_send
 * here. Reading needs admin or staff; writing needs admin. */
#ifndef CASELOAD_FOLLOW_UP_H
#define CASELOAD_FOLLOW_UP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

#define FOLLOW_UP_STAGES_MAX 100

struct follow_up_setup {
	char method[8];                                   /* none, stage */
	struct store_follow_up_stage stages[FOLLOW_UP_STAGES_MAX];
	int n_stages;
};

/* follow_up_get reads an office's setup (ERR_NOT_FOUND when no such office). */
int follow_up_get(struct store_conn *c, const struct actor *a, int64_t office_id,
		  struct follow_up_setup *out, struct err *e);

/* follow_up_set replaces it: method none or stage (422 method); each stage a stage status
 * (status of the stage type; 422 stages[i].status_id), no stage twice, interval 1..365 (422
 * stages[i].interval_days), text <= 4000 bytes. */
int follow_up_set(struct store_conn *c, const struct actor *a, int64_t office_id,
		  const struct follow_up_setup *in, struct err *e);

/* follow_up_stage_based says whether the office uses stage-based follow-ups (false for 0). */
bool follow_up_stage_based(struct store_conn *c, int64_t office_id);

/* follow_up_after_send moves a case's follow-up dates after a report was sent on today:
 * without stage-based follow-ups (the case's office), next moves to last and next becomes ""
 * (nothing when next is already ""); with them, last = today and next = today + the interval
 * of the case's stage (unchanged when the stage has no row). Idempotent for one today. */
int follow_up_after_send(struct store_conn *c, int64_t case_id, const char *today,
			 struct err *e);

/* follow_up_after_send_read is follow_up_after_send for a caller that has read the case
 * already (store_report_case_get: its office, stage and policy) and knows whether its office
 * uses stage-based follow-ups (a send applies thousands of cases of a few offices). */
int follow_up_after_send_read(struct store_conn *c, const struct store_report_case *rc,
			      bool stage_based, const char *today, struct err *e);

#define REPORT_SETTINGS_SUBJECT_DEFAULT "Case status update"

struct report_settings {
	char default_subject[201];
	bool include_outstanding, include_received, include_waived;   /* default: outstanding */
};

/* report_settings_get reads them (the defaults when never set); report_settings_set writes
 * them (admin; 422 default_subject when blank, 422 include when no status is included).
 * report_settings_read is report_settings_get for a caller (admin or staff; else 403). They
 * are kept as the settings "status_report.default_subject" and "status_report.include" (a
 * comma list of statuses). */
int report_settings_get(struct store_conn *c, struct report_settings *out, struct err *e);
int report_settings_read(struct store_conn *c, const struct actor *a,
			 struct report_settings *out, struct err *e);
int report_settings_set(struct store_conn *c, const struct actor *a,
			const struct report_settings *in, struct err *e);

#endif
