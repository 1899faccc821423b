/* report_send.c - applying the reports of a send, a few at a time, each whole in one
 * transaction (report_send_apply_next): for each of its cases a "Pending Case" note, the timeline event
 * "status_report.sent", an entry in the advisor's log and the follow-up dates moved
 * (domain/follow_up.c), and for an e-mail the message queued in the outbox (jobs/outbox.c) in
 * the same transaction. A report with an issue is marked failed instead. Since the report is
 * marked applied in the transaction that does all this, a re-run never does it twice.
 *
 * The report's content is report_build.c; its letter is rendered later, for the whole send at
 * once, by report_letters.c. Which step runs when is jobs/status_report.c. */
#include "domain/follow_up.h"
#include "domain/report.h"
#include "core/buf.h"
#include "core/clock.h"
#include "domain/timeline.h"
#include "domain/user.h"
#include "jobs/outbox.h"
#include "render/mail.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_NOTE_TYPE "Pending Case"

struct report_apply_tx {
	const struct mail_config *cfg;
	int64_t send_id;
	int64_t cursor;               /* the report applied last by the caller, 0 = none */
	int batch;                    /* reports to apply in this transaction */
	int64_t applied;              /* the report this call applied */
	bool more;
	struct store_report_send s;
	struct store_report_preview p;
	struct report_options o;
	struct store_report_item it;
	int64_t note_type_id;
	char run_id[32];
	int64_t office_id;            /* the office last asked about, and its follow-up method */
	bool office_known, office_stage_based;
};

/* ---- the pending case note type --------------------------------------------------------- */

static int report_note_type_each(const struct store_setup_item *item, void *ctx)
{
	int64_t *id = ctx;
	if (strcmp(item->name, REPORT_NOTE_TYPE) == 0) {
		*id = item->id;
		return 1;
	}
	return 0;
}

/* report_note_type finds the "Pending Case" note type, making it when an administrator
 * removed it. */
static int report_note_type(struct store_conn *c, int64_t *id, struct err *e)
{
	*id = 0;
	int rc = store_setup_list(c, SETUP_NOTE_TYPE, 0, report_note_type_each, id);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "note types", e);
	if (*id)
		return 0;
	struct store_setup_item item;
	memset(&item, 0, sizeof item);
	item.kind = SETUP_NOTE_TYPE;
	snprintf(item.name, sizeof item.name, "%s", REPORT_NOTE_TYPE);
	item.position = 90;
	rc = store_setup_insert(c, &item);
	if (rc != STORE_OK)
		return user_store_error(rc, "note type", e);
	*id = item.id;
	return 0;
}

/* ---- one case of a report --------------------------------------------------------------- */

/* report_apply_case leaves the traces of a sent report on one case: the note, the timeline
 * event, the advisor's log entry and the follow-up dates. */
static int report_apply_case(struct store_conn *c, struct report_apply_tx *t,
			     const struct report_doc *d, const struct store_report_case *k,
			     bool email, struct err *e)
{
	int64_t case_id = k->case_id;
	char body[STORE_COMMENTS_MAX + 1];
	snprintf(body, sizeof body, "Case status report %s %s: %s",
		 email ? "e-mailed to" : "printed for", d->advisor_name, d->subject);
	int64_t now = clock_now();

	struct store_note n;
	memset(&n, 0, sizeof n);
	n.case_id = case_id;
	n.note_type_id = t->note_type_id;
	snprintf(n.body, sizeof n.body, "%s", body);
	n.at = now;
	n.created_by = t->s.created_by;
	int rc = store_note_insert(c, &n, now);
	if (rc != STORE_OK)
		return user_store_error(rc, "note", e);

	struct actor a;
	report_send_actor(t->s.created_by, &a);
	rc = timeline_append(c, &a, case_id, "status_report.sent", e, "%s (send %" PRId64 ")",
			     body, t->send_id);
	if (rc != 0)
		return rc;

	struct store_advisor_log l;
	memset(&l, 0, sizeof l);
	l.contact_id = t->it.contact_id;
	l.case_id = case_id;
	l.send_id = t->send_id;
	l.at = now;
	snprintf(l.method, sizeof l.method, "%s", email ? "email" : "letter");
	snprintf(l.subject, sizeof l.subject, "%s", d->subject);
	snprintf(l.body, sizeof l.body, "%s", body);
	l.user_id = t->s.created_by;
	rc = store_advisor_log_insert(c, &l);
	if (rc != STORE_OK && rc != STORE_CONFLICT)   /* conflict: logged by an earlier run */
		return user_store_error(rc, "advisor log", e);

	if (k->office_id != t->office_id || !t->office_known) {   /* the same few offices */
		t->office_id = k->office_id;
		t->office_stage_based = follow_up_stage_based(c, k->office_id);
		t->office_known = true;
	}
	return follow_up_after_send_read(c, k, t->office_stage_based, t->p.today, e);
}

/* report_queue_mail queues the e-mail of a report in the outbox. */
static int report_queue_mail(struct store_conn *c, struct report_apply_tx *t,
			     struct report_doc *d, struct err *e)
{
	char recipient[32];
	snprintf(recipient, sizeof recipient, "%" PRId64, t->it.id);
	mail_message_id(t->run_id, recipient, t->cfg->domain, d->message_id,
			sizeof d->message_id);
	struct buf msg;
	buf_init(&msg, 0);
	int rc = mail_report_build(d, t->cfg->from, (long long)clock_now(), &msg, e);
	bool queued = false;
	if (rc == 0)
		rc = outbox_queue(c, t->cfg, t->run_id, recipient, d->advisor_email, d->subject,
				  d->message_id, msg.data ? msg.data : "", msg.len, &queued, e);
	buf_cleanup(&msg);
	return rc;
}

/* report_apply_item applies t->it: failed with its issues, or its traces and its e-mail. */
static int report_apply_item(struct store_conn *c, struct report_apply_tx *t, struct err *e)
{
	char reason[STORE_COMMENTS_MAX + 1];
	if (t->it.issues[0]) {
		report_issues_text(t->it.issues, reason, sizeof reason);
		int rc = store_report_item_mark(c, t->it.id, true, "failed", reason);
		return user_store_error(rc, "report", e);
	}
	bool email = strcmp(t->it.method, "email") == 0;
	struct report_doc d;
	struct report_cases cases = {0};
	report_doc_init(&d);
	int rc = report_build_doc_ids(c, &t->o, t->p.today, &t->it, &d, &cases, e);
	if (rc == 0)
		rc = report_note_type(c, &t->note_type_id, e);
	if (rc != 0)
		goto done;
	if (d.n_cases == 0) {
		rc = store_report_item_mark(c, t->it.id, true, "failed",
					    "None of its cases is there any more");
		rc = user_store_error(rc, "report", e);
		goto done;
	}
	for (int i = 0; rc == 0 && i < cases.n; i++)   /* the cases the report holds */
		rc = report_apply_case(c, t, &d, &cases.v[i], email, e);
	if (rc == 0 && email)
		rc = report_queue_mail(c, t, &d, e);
	if (rc == 0)
		rc = user_store_error(store_report_item_mark(c, t->it.id, true, "queued", ""),
				      "report", e);
done:
	report_cases_cleanup(&cases);
	report_doc_cleanup(&d);
	return rc;
}

/* ---- the end of the preparation -------------------------------------------------------- */

static int report_letter_queued_each(const struct store_report_item *it, void *ctx)
{
	bool *any = ctx;
	if (strcmp(it->outcome, "queued") == 0) {
		*any = true;
		return 1;
	}
	return 0;
}

/* report_prepared ends the preparation: the send is prepared, and its letters pending when
 * there are letters to print. */
static int report_prepared(struct store_conn *c, struct report_apply_tx *t, struct err *e)
{
	bool any = false;
	int rc = store_report_item_list(c, t->p.id, true, NULL, report_letter_queued_each, &any);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "reports", e);
	snprintf(t->s.state, sizeof t->s.state, "prepared");
	snprintf(t->s.letters_state, sizeof t->s.letters_state, "%s", any ? "pending" : "none");
	if (!any)
		t->s.finished_at = clock_now();
	return user_store_error(store_report_send_update(c, &t->s), "send", e);
}

/* report_apply_fn applies up to t->batch reports after t->cursor in the caller's
 * transaction (store_tx_run may run it again from the start: it keeps nothing between runs
 * but what it writes to t before returning). */
static int report_apply_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct report_apply_tx *t = ctx;
	t->more = false;
	t->applied = 0;
	int rc = store_report_send_get(c, t->send_id, &t->s);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, NULL, "send not found");
	if (rc != STORE_OK)
		return user_store_error(rc, "send", e);
	if (strcmp(t->s.state, "preparing") != 0)
		return 0;
	rc = report_preview_load(c, t->s.preview_id, &t->p, &t->o, e);
	if (rc != 0)
		return rc;
	int64_t cursor = t->cursor;
	for (int n = 0; n < t->batch; n++) {
		int64_t id = 0;
		rc = store_report_item_next_unapplied(c, t->p.id, cursor, &id);
		if (rc == STORE_NOT_FOUND && cursor)   /* none after it: make sure of those before */
			rc = store_report_item_next_unapplied(c, t->p.id, 0, &id);
		if (rc == STORE_NOT_FOUND)
			return n == 0 ? report_prepared(c, t, e) : 0;
		if (rc == STORE_OK)
			rc = store_report_item_get(c, id, &t->it);
		if (rc != STORE_OK)
			return user_store_error(rc, "report", e);
		rc = report_apply_item(c, t, e);
		if (rc != 0)
			return rc;
		t->more = true;
		t->applied = cursor = id;
	}
	return 0;
}

int report_send_apply_next(struct store_conn *c, const struct mail_config *cfg,
			   int64_t send_id, bool *more, struct err *e)
{
	int64_t cursor = 0;
	return report_send_apply_after(c, cfg, send_id, REPORT_APPLY_BATCH, &cursor, more, e);
}

int report_send_apply_after(struct store_conn *c, const struct mail_config *cfg,
			    int64_t send_id, int batch, int64_t *cursor, bool *more,
			    struct err *e)
{
	struct mail_config defaults;
	if (!cfg) {
		mail_config_defaults(&defaults);
		cfg = &defaults;
	}
	struct report_apply_tx *t = calloc(1, sizeof *t);
	if (!t)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	t->cfg = cfg;
	t->send_id = send_id;
	t->cursor = *cursor;
	t->batch = batch > 0 ? batch : 1;
	report_run_id(send_id, t->run_id);
	int rc = store_tx_run(c, report_apply_fn, t, e);
	*more = rc == 0 && t->more;
	if (*more)
		*cursor = t->applied;
	free(t);
	return rc;
}
