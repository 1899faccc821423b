/* status_report.h - moving status report sends along outside a request: apply their reports
 * one transaction at a time, then render their letters (domain/report.h does each step). The
 * server's outbox worker (jobs/outbox.c) calls status_report_step; `caseload report status`
 * calls status_report_finish to do a whole send before it exits.
 *
 * A send's lease (report_send.claimed_until) keeps two servers from working on one send at
 * once; a crash leaves the lease to run out and the next worker resumes where it stopped:
 * applied reports are not applied again, and letters are rendered again from the start. */
#ifndef CASELOAD_JOBS_STATUS_REPORT_H
#define CASELOAD_JOBS_STATUS_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "jobs/mail_transport.h"
#include "store/store.h"

#define STATUS_REPORT_LEASE_SECONDS 120

/* status_report_step claims a send with work left (send_id, or any when 0) and does up to
 * `budget` reports of it, or its letters; *did_work says whether anything was done. */
int status_report_step(struct store *s, const struct mail_config *cfg, int64_t send_id,
		       int budget, bool *did_work, struct err *e);

/* status_report_finish does every step of send_id (REPORT_APPLY_BATCH_BULK reports a
 * transaction: it is for a process of its own, the CLI), then, with deliver, drains its e-mails
 * from the outbox (outbox_drain with its run_id); without, they wait there for a server's
 * worker (or a later run with deliver). */
int status_report_finish(struct store *s, const struct mail_config *cfg, const char *worker,
			 int64_t send_id, bool deliver, struct err *e);

#endif
