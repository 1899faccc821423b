/* status_report.c - moving status report sends along outside a request (see status_report.h):
 * a step claims a send's lease, applies up to a budget of its reports (each in its own
 * transaction, domain/report_send.c) or renders its letters (domain/report_letters.c), and
 * gives the lease back. The server's worker (jobs/outbox.c) runs steps between drains of the
 * outbox; `caseload report status` runs them all with status_report_finish.
 *
 * The e-mails a step queues are sent by the outbox (jobs/outbox.c), not here. */
#include "jobs/status_report.h"
#include "core/clock.h"
#include "domain/report.h"
#include "domain/user.h"
#include "jobs/outbox.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define STATUS_REPORT_ACQUIRE_MS 10000
#define STATUS_REPORT_FINISH_BUDGET 200

struct status_report_claim {
	int64_t send_id, now, until;
	struct store_report_send s;
	bool found;
};

static int status_report_claim_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct status_report_claim *t = ctx;
	t->found = false;
	int rc = store_report_send_claim(c, t->send_id, t->now, t->until, &t->s);
	if (rc == STORE_NOT_FOUND)
		return 0;
	t->found = rc == STORE_OK;
	return user_store_error(rc, "send", e);
}

/* status_report_release gives the lease of a send back when it has work left, so that the next
 * step (of any worker) may take it at once: the lease is claimed again as if it had ended,
 * until a time already past. */
static void status_report_release(struct store_conn *c, int64_t send_id)
{
	struct status_report_claim t = {.send_id = send_id, .now = INT64_MAX, .until = 0};
	struct err e;
	err_clear(&e);
	(void)store_tx_run(c, status_report_claim_fn, &t, &e);
}

struct status_report_letters_tx {
	int64_t send_id;
};

/* status_report_rendering marks the letters as being rendered (a crash leaves them so, and the
 * lease running out lets the next worker render them again). */
static int status_report_rendering_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct status_report_letters_tx *t = ctx;
	struct store_report_send s;
	int rc = store_report_send_get(c, t->send_id, &s);
	if (rc != STORE_OK)
		return user_store_error(rc, "send", e);
	snprintf(s.letters_state, sizeof s.letters_state, "rendering");
	return user_store_error(store_report_send_update(c, &s), "send", e);
}

/* status_report_work does the claimed send's next piece of work on c: up to budget
 * transactions of batch reports each, or its letters. */
static int status_report_work(struct store_conn *c, const struct mail_config *cfg,
			      const struct store_report_send *s, int budget, int batch,
			      struct err *e)
{
	if (strcmp(s->state, "preparing") == 0) {
		bool more = true;
		int64_t cursor = 0;
		for (int i = 0; more && (budget <= 0 || i < budget); i++) {
			int rc = report_send_apply_after(c, cfg, s->id, batch, &cursor, &more, e);
			if (rc != 0)
				return rc;
		}
		return 0;
	}
	if (strcmp(s->letters_state, "pending") == 0 ||
	    strcmp(s->letters_state, "rendering") == 0) {
		struct status_report_letters_tx t = {.send_id = s->id};
		int rc = store_tx_run(c, status_report_rendering_fn, &t, e);
		return rc != 0 ? rc : report_letters_render(c, s->id, e);
	}
	return 0;
}

/* status_report_step_batch is status_report_step with batch reports a transaction. */
static int status_report_step_batch(struct store *s, const struct mail_config *cfg,
				    int64_t send_id, int budget, int batch, bool *did_work,
				    struct err *e)
{
	*did_work = false;
	struct store_conn *c = store_acquire(s, STATUS_REPORT_ACQUIRE_MS);
	if (!c)
		return err_set(e, ERR_BUSY, NULL, "no database connection is free");
	int64_t now = clock_now();
	struct status_report_claim t = {.send_id = send_id, .now = now,
					.until = now + STATUS_REPORT_LEASE_SECONDS};
	int rc = store_tx_run(c, status_report_claim_fn, &t, e);
	if (rc == 0 && t.found) {
		*did_work = true;
		rc = status_report_work(c, cfg, &t.s, budget, batch, e);
		/* after a failure the lease stays: the next try waits for it to run out */
		if (rc == 0)
			status_report_release(c, t.s.id);
	}
	store_release(s, c);
	return rc;
}

int status_report_step(struct store *s, const struct mail_config *cfg, int64_t send_id,
		       int budget, bool *did_work, struct err *e)
{
	return status_report_step_batch(s, cfg, send_id, budget, REPORT_APPLY_BATCH, did_work, e);
}

int status_report_finish(struct store *s, const struct mail_config *cfg, const char *worker,
			 int64_t send_id, bool deliver, struct err *e)
{
	bool did = true;
	int rc = 0;
	while (did && rc == 0)
		rc = status_report_step_batch(s, cfg, send_id, STATUS_REPORT_FINISH_BUDGET,
					      REPORT_APPLY_BATCH_BULK, &did, e);
	if (!deliver)
		return rc;
	/* the e-mails queued so far go out even when a step failed (the letters, say) */
	char run_id[32];
	report_run_id(send_id, run_id);
	struct err drain_err;
	err_clear(&drain_err);
	int drc = outbox_drain(s, cfg, worker, run_id, 0, NULL, NULL, &drain_err);
	if (rc == 0 && drc != 0)
		*e = drain_err;
	return rc != 0 ? rc : drc;
}
