/* outbox.h - draining the e-mail outbox (table mail_outbox; store.h "e-mail outbox").
 *
 * A message is written as pending in the transaction of the change that causes it. A worker
 * claims one row at a time: pending -> sending is committed before any byte goes to SMTP; then
 * sent, or failed (refused, or out of attempts), or pending again with a later next_attempt_at
 * (backoff 30 s doubling to 30 min, at most 6 attempts) when the failure came before the whole
 * message was uploaded, or in_doubt when it came after. A row caught in sending (the process
 * died) becomes in_doubt: on SQLite when a server starts, on PostgreSQL when its lease
 * (total timeout + 30 s) has run out. in_doubt rows are never sent again by themselves; an
 * operator resolves each one (outbox_resolve: it went, or send it once more).
 *
 * Test hook: CASELOAD_FAULT_EXIT_AFTER_SMTP=N in the environment makes the process _exit(86)
 * right after the Nth message the SMTP server (or the dir or memory sink) accepted, before the
 * row is marked sent - the crash the in-doubt state exists for. */
#ifndef CASELOAD_OUTBOX_H
#define CASELOAD_OUTBOX_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "jobs/mail_transport.h"
#include "store/store.h"

#define OUTBOX_MAX_ATTEMPTS 6

/* outbox_queue writes one message as pending (inside the caller's transaction): run_id and
 * recipient_id name it (UNIQUE; a second queue of the same pair changes nothing and is not an
 * error: *queued says whether a row was written), the Message-ID is made from them
 * (mail_message_id with cfg->domain) unless message_id is given, message is the whole RFC 5322
 * text. 0, or ERR_INTERNAL / ERR_BUSY. */
int outbox_queue(struct store_conn *c, const struct mail_config *cfg, const char *run_id,
		 const char *recipient_id, const char *rcpt, const char *subject,
		 const char *message_id, const char *message, size_t len, bool *queued,
		 struct err *e);

/* outbox_drain sends due messages of run_id ("" = any) until none is due or max messages were
 * tried (0 = no limit); *sent / *failed (may be NULL) count the outcomes. worker names this
 * process (outbox_worker_name). Call outside a transaction. 0, or ERR_BUSY / ERR_INTERNAL
 * from the store. */
int outbox_drain(struct store *s, const struct mail_config *cfg, const char *worker,
		 const char *run_id, int max, int *sent, int *failed, struct err *e);

/* outbox_recover moves rows caught in sending to in_doubt (all: every one, for a SQLite server
 * starting; else those whose lease has run out); *count gets how many. */
int outbox_recover(struct store *s, bool all, int64_t *count, struct err *e);

/* outbox_resolve settles an in_doubt row: as "sent" (it did arrive) or "resend" (queue it once
 * more). Needs the admin right (ERR_FORBIDDEN); ERR_NOT_FOUND when the row is not in_doubt;
 * ERR_UNPROCESSABLE on "as". */
int outbox_resolve(struct store_conn *c, const struct actor *a, int64_t id, const char *as,
		   struct err *e);

/* outbox_resolve_get is outbox_resolve that also fills out (when not NULL) with the row as it
 * is afterwards, without its body. */
int outbox_resolve_get(struct store_conn *c, const struct actor *a, int64_t id, const char *as,
		       struct store_mail *out, struct err *e);

/* outbox_state_valid says whether state is one of pending, sending, sent, failed, in_doubt. */
bool outbox_state_valid(const char *state);

/* outbox_list walks the rows (without bodies) with id > after_id, at most limit, of run_id
 * ("" = any) in state ("" = any), for the operator. Needs the admin right (ERR_FORBIDDEN);
 * ERR_UNPROCESSABLE on "state" or "run". */
int outbox_list(struct store_conn *c, const struct actor *a, const char *state,
		const char *run_id, int64_t after_id, int limit, store_mail_each_fn each,
		void *ctx, struct err *e);

/* outbox_worker_name fills out with "host:pid:random" (size >= 40). */
void outbox_worker_name(char *out, size_t size);

/* The server's background worker: at start, then every `every_ms` (or when woken) it moves
 * claims whose lease ran out to in_doubt, drains the outbox (up to 200 messages a round) and
 * advances status report sends (jobs/status_report.c: prepare items, render letters); a round
 * that found more work starts the next at once. Stopping lets a delivery under way finish. */
struct outbox_worker {
	struct store *store;
	struct mail_config cfg;
	char name[40];
	int every_ms;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop, running, poke;
};

/* outbox_worker_start runs the thread (recovering in-doubt rows first as outbox_recover with
 * all = the store is SQLite). 0 or ERR_INTERNAL. */
int outbox_worker_start(struct outbox_worker *w, struct store *s, const struct mail_config *cfg,
			int every_ms, struct err *e);

/* outbox_worker_poke wakes the thread now (after a send was made). NULL is allowed. */
void outbox_worker_poke(struct outbox_worker *w);

/* outbox_worker_stop wakes the thread and waits for it to end. */
void outbox_worker_stop(struct outbox_worker *w);

/* The worker of this server process, for the API to poke (NULL when none: the CLI). */
extern struct outbox_worker *outbox_worker_current;

#endif
