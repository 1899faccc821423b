/* report.h - case status reports to advisors: preview, send, result.
 *
 *   report_preview   checks the rights and options, selects the (advisor, case) pairs
 *                    (store_report_pairs), groups them into reports (one per advisor, or one
 *                    per advisor and case when one_case_per_letter), decides each report's
 *                    method and finds its issues (missing/invalid e-mail for an e-mail report,
 *                    missing/incomplete postal address for a letter), and freezes all of it
 *                    with the options (report_preview, report_item, report_item_case).
 *   report_send      makes the one send of a preview (a second call finds the first: a re-run
 *                    never sends twice). The work is done in steps by jobs/status_report.c:
 *   report_send_apply_next  applies the next reports, a batch of them in one transaction
 *                    (each whole in it): for each case a "Pending
 *                    Case" note and an advisor log entry, the follow-up dates moved
 *                    (follow_up_after_send), and for an e-mail the message queued in the
 *                    outbox; a report with an issue is marked failed with its reason instead.
 *   report_letters_render  renders every letter of the send as one PDF, in alphabetical order
 *                    of the primary advisor's last name, and marks those reports printed.
 *   report_result    walks the send's reports with what became of each (e-mailed, printed,
 *                    queued, failed, in doubt).
 *
 * The report's content is built by report_build.c (report_build_doc); its e-mail by
 * render/mail.h, its letter by render/pdf.h in a child process (render/pdf_child.h). */
#ifndef CASELOAD_REPORT_H
#define CASELOAD_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "domain/report_options.h"
#include "jobs/mail_transport.h"
#include "render/pdf.h"
#include "render/report_doc.h"
#include "store/store.h"

/* The run_id of a send's e-mails in the outbox: "status-report/<send id>". */
void report_run_id(int64_t send_id, char out[32]);

/* report_preview makes and freezes a preview of o (checked and normalised first; the rights of
 * report_options_right, ERR_FORBIDDEN; the follow-up option needs o->office_id with
 * stage-based follow-ups, else 422 "cases"). *preview_id gets its id. */
int report_preview(struct store_conn *c, const struct actor *a, const struct report_options *o,
		   int64_t *preview_id, struct err *e);

/* report_preview_read gives a preview's options (filled) and header; ERR_NOT_FOUND when absent
 * or made by another user without the mass right. */
int report_preview_read(struct store_conn *c, const struct actor *a, int64_t preview_id,
			struct store_report_preview *p, struct report_options *o, struct err *e);

/* One case of a report as the preview and the result list it. */
struct report_line_case {
	int64_t id;
	char number[STORE_CASE_NUMBER_MAX + 1];
	char name[STORE_NAME_MAX + 1];
	char stage[STORE_NAME_MAX + 1];           /* "" = no stage */
};

/* One report of a preview or send, as the API and the preview PDF show it. */
struct report_line {
	const struct store_report_item *item;
	const struct report_line_case *cases;     /* the report's cases, in order */
	int n_cases;
	const char *outcome;      /* after a send: emailed, printed, queued, failed, in_doubt;
				     "" in a preview */
	const char *reason;       /* why it failed, "" otherwise */
};
typedef int (*report_line_each_fn)(const struct report_line *l, void *ctx);

/* What a walk of a preview or a send counted: reports, distinct advisors and cases, reports
 * by method and with issues; after a send, reports by outcome. */
struct report_counts {
	int64_t reports, advisors, cases, email, letter, issues;
	int64_t emailed, printed, queued, failed, in_doubt;
};

/* report_preview_walk walks a preview's reports in order (each may be NULL); counts (may be
 * NULL) gets the totals. ERR_NOT_FOUND as report_preview_read. */
int report_preview_walk(struct store_conn *c, const struct actor *a, int64_t preview_id,
			report_line_each_fn each, void *ctx, struct report_counts *counts,
			struct err *e);

/* report_preview_pdf writes the printable preview through write(ctx) (a child process). */
int report_preview_pdf(struct store_conn *c, const struct actor *a, int64_t preview_id,
		       pdf_write_fn write, void *ctx, struct err *e);

/* report_send starts the send of preview_id (the rights of its frozen options, checked again
 * for this actor). *send_id gets the send; *created says whether this call made it (false:
 * the preview was sent already, and that send is the answer). */
int report_send(struct store_conn *c, const struct actor *a, int64_t preview_id,
		int64_t *send_id, bool *created, struct err *e);

/* report_send_apply_next applies the next reports of the send not yet applied (see above), up
 * to REPORT_APPLY_BATCH in one transaction; *more says whether any was applied. When none is
 * left the send becomes "prepared" and its letters "pending" (or "none" without letters). */
int report_send_apply_next(struct store_conn *c, const struct mail_config *cfg,
			   int64_t send_id, bool *more, struct err *e);

/* Reports applied per transaction: by a server (short, so that requests never wait long for
 * the write lock) and by a batch process of its own (`caseload report status`, where fewer,
 * larger commits write each index page once for many reports). */
#define REPORT_APPLY_BATCH 25
#define REPORT_APPLY_BATCH_BULK 200

/* report_send_apply_after is report_send_apply_next for a caller applying reports in a loop,
 * up to batch (1 or more) a transaction: *cursor is the report it applied last (0 at first),
 * so that the next one is found without walking past every report applied before; it gets the
 * report this call applied last. */
int report_send_apply_after(struct store_conn *c, const struct mail_config *cfg,
			    int64_t send_id, int batch, int64_t *cursor, bool *more,
			    struct err *e);

/* report_letters_render renders the send's letters (report items of method letter that were
 * applied and not failed) into report_letters_chunk and marks them printed; letters_state
 * becomes done, or failed with the reason (the reports are then failed too). */
int report_letters_render(struct store_conn *c, int64_t send_id, struct err *e);

/* report_result reads a send (ERR_NOT_FOUND when absent, or not the caller's without the mass
 * right) and walks its reports with their outcome. each and counts may be NULL; *done (may be
 * NULL) says whether every report is e-mailed, printed, failed or in doubt. */
int report_result(struct store_conn *c, const struct actor *a, int64_t send_id,
		  struct store_report_send *s, report_line_each_fn each, void *ctx,
		  struct report_counts *counts, bool *done, struct err *e);

/* report_letters_read streams a send's letters PDF through each (ERR_NOT_FOUND before it is
 * rendered, or not the caller's). */
int report_letters_read(struct store_conn *c, const struct actor *a, int64_t send_id,
			store_bytes_each_fn each, void *ctx, struct err *e);

/* report_build_doc fills an initialised d for one report item of a preview (its cases,
 * requirements per the settings and options, masking, the stage text in follow-up mode, the
 * office and its logo when asked). Used for e-mails and letters alike. */
int report_build_doc(struct store_conn *c, const struct report_options *o, const char *today,
		     const struct store_report_item *item, struct report_doc *d, struct err *e);

/* report_mask_policy / report_mask_initials: the masked forms ("****5678": all but the last
 * four characters starred, or all of a number of four or fewer; a name becomes its initials,
 * "J. S."). (report_mask_name is the name of an enum report_mask, report_options.h.) */
void report_mask_policy(const char *in, char *out, size_t size);
void report_mask_initials(const char *in, char *out, size_t size);

/* ---- shared by the domain/report*.c files ---------------------------------------------- */

/* A growable list of ids (one report's cases). */
struct report_ids {
	int64_t *v;
	int n, cap;
};

/* report_ids_add appends id (0 or ERR_INTERNAL); report_ids_cleanup frees the list. */
int report_ids_add(struct report_ids *ids, int64_t id);
void report_ids_cleanup(struct report_ids *ids);

/* A growable list of cases as read for a report (store_report_case_get). */
struct report_cases {
	struct store_report_case *v;
	int n, cap;
};

/* report_cases_add appends a copy of k (0 or ERR_INTERNAL); report_cases_cleanup frees the
 * list. */
int report_cases_add(struct report_cases *l, const struct store_report_case *k);
void report_cases_cleanup(struct report_cases *l);

/* report_build_doc_ids is report_build_doc that also appends to present (may be NULL) the
 * cases the doc holds (those not deleted since the preview) as it read them, in order. */
int report_build_doc_ids(struct store_conn *c, const struct report_options *o,
			 const char *today, const struct store_report_item *item,
			 struct report_doc *d, struct report_cases *present, struct err *e);

/* report_item_case_ids reads an item's case ids, in order, into an empty list. */
int report_item_case_ids(struct store_conn *c, int64_t item_id, struct report_ids *out,
			 struct err *e);

/* report_primary_address finds a contact's primary postal address (or its first); *found says
 * whether it has one. */
int report_primary_address(struct store_conn *c, int64_t contact_id,
			   struct store_contact_address *out, bool *found, struct err *e);

/* report_address_one_line writes an address as one line ("12 Oak St, Springfield, IL 62701"). */
void report_address_one_line(const struct store_contact_address *ad, char *out, size_t size);

/* report_preview_load reads a preview and its frozen options, without any rights check (the
 * jobs). ERR_NOT_FOUND when absent; ERR_INTERNAL when its options do not read back. */
int report_preview_load(struct store_conn *c, int64_t preview_id,
			struct store_report_preview *p, struct report_options *o, struct err *e);

/* report_issues_text writes the messages of an item's issues (JSON text) joined by "; ". */
void report_issues_text(const char *issues, char *out, size_t size);

/* report_may_see says whether the actor may read a preview or send made by created_by: its
 * maker, the system, or anyone with the mass right. */
bool report_may_see(const struct actor *a, int64_t created_by);

/* report_send_actor is who a send's work is recorded for: its creator (user id only), or the
 * system when it has none. */
void report_send_actor(int64_t created_by, struct actor *a);

#endif
