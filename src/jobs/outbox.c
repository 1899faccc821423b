/* outbox.c - the e-mail outbox: queueing a message in the caller's transaction, draining due
 * messages through a mail transport (claim, send, record the outcome), settling rows a crash
 * left in doubt, and the server's background worker that drains and moves status report sends
 * along (see outbox.h).
 *
 * Delivery itself is jobs/mail_transport.c; the SQL is the store's (store_mail_*); the
 * operator's API is api/outbox.c; building messages is render/mail.c. */
#include "jobs/outbox.h"
#include "core/clock.h"
#include "domain/rights.h"
#include "domain/user.h"
#include "http/log.h"
#include "jobs/status_report.h"
#include "render/mail.h"

#include <errno.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define OUTBOX_BACKOFF_FIRST 30          /* seconds before the second attempt */
#define OUTBOX_BACKOFF_MAX (30 * 60)
#define OUTBOX_LEASE_SLACK 30            /* a claim lasts the total SMTP timeout plus this */
#define OUTBOX_ACQUIRE_MS 10000
#define OUTBOX_WORKER_BATCH 200          /* messages per round */
#define OUTBOX_WORKER_REPORT_BUDGET 50   /* status report items per round */

struct outbox_worker *outbox_worker_current;

/* ---- the fault hook --------------------------------------------------------------------- */

static pthread_once_t outbox_fault_once = PTHREAD_ONCE_INIT;
static long outbox_fault_after;          /* 0 = off */
static atomic_long outbox_fault_accepted;

static void outbox_fault_setup(void)
{
	const char *v = getenv("CASELOAD_FAULT_EXIT_AFTER_SMTP");
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : 0;
	if (v && *v && !*end && n > 0)
		outbox_fault_after = n;
}

/* outbox_fault_accepted_one counts a message the server took, and ends the process without
 * any cleanup after the Nth when the test hook asks for it. */
static void outbox_fault_accepted_one(void)
{
	pthread_once(&outbox_fault_once, outbox_fault_setup);
	if (outbox_fault_after &&
	    atomic_fetch_add(&outbox_fault_accepted, 1) + 1 == outbox_fault_after)
		_exit(86);
}

/* ---- queueing --------------------------------------------------------------------------- */

/* outbox_copy_subject copies a subject into the row's column, cut at a UTF-8 boundary. */
static void outbox_copy_subject(char *dst, size_t size, const char *subject)
{
	size_t n = strlen(subject);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)subject[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, subject, n);
	dst[n] = '\0';
}

int outbox_queue(struct store_conn *c, const struct mail_config *cfg, const char *run_id,
		 const char *recipient_id, const char *rcpt, const char *subject,
		 const char *message_id, const char *message, size_t len, bool *queued,
		 struct err *e)
{
	if (queued)
		*queued = false;
	struct store_mail m;
	memset(&m, 0, sizeof m);
	if (!*run_id || strlen(run_id) > STORE_RUN_ID_MAX || !*recipient_id ||
	    strlen(recipient_id) > STORE_RUN_ID_MAX)
		return err_set(e, ERR_INTERNAL, NULL,
			       "outbox: run or recipient id empty or too long");
	if (!*rcpt || strlen(rcpt) > STORE_EMAIL_MAX || strlen(cfg->from) > STORE_EMAIL_MAX)
		return err_set(e, ERR_INTERNAL, NULL, "outbox: address empty or too long");
	snprintf(m.run_id, sizeof m.run_id, "%s", run_id);
	snprintf(m.recipient_id, sizeof m.recipient_id, "%s", recipient_id);
	snprintf(m.mail_from, sizeof m.mail_from, "%s", cfg->from);
	snprintf(m.rcpt_to, sizeof m.rcpt_to, "%s", rcpt);
	outbox_copy_subject(m.subject, sizeof m.subject, subject ? subject : "");
	if (message_id && *message_id) {
		if (strlen(message_id) > STORE_MESSAGE_ID_MAX)
			return err_set(e, ERR_INTERNAL, NULL, "outbox: Message-ID too long");
		snprintf(m.message_id, sizeof m.message_id, "%s", message_id);
	} else {
		mail_message_id(run_id, recipient_id, cfg->domain, m.message_id,
				sizeof m.message_id);
	}
	m.message = (char *)message;   /* copied by the store */
	m.message_len = len;
	snprintf(m.state, sizeof m.state, "pending");
	int64_t now = clock_now();
	m.next_attempt_at = now;
	int rc = store_mail_insert(c, &m, now);
	if (rc == STORE_CONFLICT)
		return 0;
	if (rc != STORE_OK)
		return user_store_error(rc, "outbox message", e);
	if (queued)
		*queued = true;
	return 0;
}

/* ---- draining --------------------------------------------------------------------------- */

/* outbox_backoff is the wait after the attempt-th failed attempt: 30 s doubling, at most
 * 30 minutes. */
static int64_t outbox_backoff(int64_t attempt)
{
	int64_t d = OUTBOX_BACKOFF_FIRST;
	for (int64_t i = 1; i < attempt && d < OUTBOX_BACKOFF_MAX; i++)
		d *= 2;
	return d < OUTBOX_BACKOFF_MAX ? d : OUTBOX_BACKOFF_MAX;
}

/* outbox_claim moves the next due message to sending for worker and fills m (with its body,
 * which the caller frees). 1 when nothing is due, 0 when one was claimed, or an error. */
static int outbox_claim(struct store *s, const struct mail_config *cfg, const char *worker,
			const char *run_id, struct store_mail *m, struct err *e)
{
	struct store_conn *c = store_acquire(s, OUTBOX_ACQUIRE_MS);
	if (!c)
		return err_set(e, ERR_BUSY, NULL, "no database connection is free");
	int64_t now = clock_now();
	int rc = store_mail_claim(c, run_id, now, worker,
				  now + cfg->total_timeout + OUTBOX_LEASE_SLACK, m);
	if (rc == STORE_ERROR)
		log_event("outbox_error", json_pack("{s:s, s:s}", "step", "claim",
						    "error", store_last_error(c)));
	store_release(s, c);
	if (rc == STORE_NOT_FOUND)
		return 1;
	return user_store_error(rc, "outbox message", e);
}

struct outbox_finish_tx {
	int64_t id;
	const char *worker;
	const char *state;
	const char *error;
	int64_t next_attempt_at;
	int64_t now;
};

static int outbox_finish_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct outbox_finish_tx *t = ctx;
	return user_store_error(store_mail_finish(c, t->id, t->worker, t->state, t->error,
						    t->next_attempt_at, t->now),
				  "the claimed outbox message", e);
}

/* outbox_finish records the outcome of a claimed message. ERR_NOT_FOUND when the row is no
 * longer this worker's (its lease ran out and it went in doubt). */
static int outbox_finish(struct store *s, struct outbox_finish_tx *t, struct err *e)
{
	struct store_conn *c = store_acquire(s, 3 * OUTBOX_ACQUIRE_MS);
	if (!c)
		return err_set(e, ERR_BUSY, NULL, "no database connection is free");
	int rc = store_tx_run(c, outbox_finish_fn, t, e);
	store_release(s, c);
	return rc;
}

/* outbox_outcome decides what becomes of message m after a delivery result: its state, and
 * for another attempt when. */
static void outbox_outcome(const struct store_mail *m, enum mail_result res, const struct err *te,
			   struct outbox_finish_tx *t, char *error, size_t error_size)
{
	int64_t attempt = m->attempts + 1;
	error[0] = '\0';
	t->next_attempt_at = 0;
	switch (res) {
	case MAIL_SENT:
		t->state = "sent";
		break;
	case MAIL_REJECTED:
		t->state = "failed";
		snprintf(error, error_size, "%s", te->message);
		break;
	case MAIL_UNKNOWN:
		t->state = "in_doubt";
		snprintf(error, error_size, "%s", te->message);
		break;
	case MAIL_RETRY:
		if (attempt >= OUTBOX_MAX_ATTEMPTS) {
			t->state = "failed";
			snprintf(error, error_size, "gave up after %d attempts: %s",
				 OUTBOX_MAX_ATTEMPTS, te->message);
		} else {
			t->state = "pending";
			t->next_attempt_at = t->now + outbox_backoff(attempt);
			snprintf(error, error_size, "%s", te->message);
		}
		break;
	}
}

/* outbox_drain_until is outbox_drain that also ends when stop(ctx) says so (between
 * messages; a delivery under way is finished). stop may be NULL. */
static int outbox_drain_until(struct store *s, const struct mail_config *cfg,
			      const char *worker, const char *run_id, int max, int *sent,
			      int *failed, bool (*stop)(void *), void *stop_ctx, struct err *e)
{
	for (int tried = 0; max <= 0 || tried < max; tried++) {
		if (stop && stop(stop_ctx))
			break;
		struct store_mail m;
		memset(&m, 0, sizeof m);
		int rc = outbox_claim(s, cfg, worker, run_id, &m, e);
		if (rc == 1)
			break;
		if (rc != 0)
			return rc;
		struct err te;
		err_clear(&te);
		enum mail_result res = mail_transport_send(cfg, m.rcpt_to, m.message_id, m.message,
							   m.message_len, &te);
		free(m.message);
		m.message = NULL;
		if (res == MAIL_SENT)
			outbox_fault_accepted_one();
		char error[sizeof te.message + 64];
		struct outbox_finish_tx t = {.id = m.id, .worker = worker, .error = error,
					     .now = clock_now()};
		outbox_outcome(&m, res, &te, &t, error, sizeof error);
		if (res != MAIL_SENT)
			log_event("mail", json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)m.id,
						    "to", m.rcpt_to, "state", t.state,
						    "error", error));
		rc = outbox_finish(s, &t, e);
		if (rc == ERR_NOT_FOUND) {   /* recovered in doubt meanwhile: that stands */
			log_event("mail", json_pack("{s:I, s:s}", "id", (json_int_t)m.id, "error",
						    "no longer claimed when its outcome came"));
			continue;
		}
		if (rc != 0)
			return rc;
		if (res == MAIL_SENT && sent)
			(*sent)++;
		if (strcmp(t.state, "failed") == 0 && failed)
			(*failed)++;
	}
	return 0;
}

int outbox_drain(struct store *s, const struct mail_config *cfg, const char *worker,
		 const char *run_id, int max, int *sent, int *failed, struct err *e)
{
	return outbox_drain_until(s, cfg, worker, run_id ? run_id : "", max, sent, failed, NULL,
				  NULL, e);
}

/* ---- recovery and resolving ------------------------------------------------------------- */

struct outbox_recover_tx {
	bool all;
	int64_t now;
	int64_t *count;
};

static int outbox_recover_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct outbox_recover_tx *t = ctx;
	*t->count = 0;
	return user_store_error(store_mail_recover(c, t->all, t->now, t->count),
				  "outbox messages", e);
}

int outbox_recover(struct store *s, bool all, int64_t *count, struct err *e)
{
	int64_t n = 0;
	struct outbox_recover_tx t = {all, clock_now(), &n};
	struct store_conn *c = store_acquire(s, OUTBOX_ACQUIRE_MS);
	if (!c)
		return err_set(e, ERR_BUSY, NULL, "no database connection is free");
	int rc = store_tx_run(c, outbox_recover_fn, &t, e);
	store_release(s, c);
	if (count)
		*count = rc == 0 ? n : 0;
	return rc;
}

struct outbox_resolve_tx {
	int64_t id;
	const char *state;
	struct store_mail *out;
};

static int outbox_resolve_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct outbox_resolve_tx *t = ctx;
	int rc = store_mail_resolve(c, t->id, t->state, clock_now());
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, NULL, "outbox message %lld is not in doubt",
			       (long long)t->id);
	if (rc == STORE_OK && t->out)
		rc = store_mail_get(c, t->id, false, t->out);
	return user_store_error(rc, "outbox message", e);
}

int outbox_resolve_get(struct store_conn *c, const struct actor *a, int64_t id, const char *as,
		       struct store_mail *out, struct err *e)
{
	if (rights_require(a, RIGHT_ADMIN, e) != 0)
		return e->code;
	struct outbox_resolve_tx t = {.id = id, .out = out};
	if (as && strcmp(as, "sent") == 0)
		t.state = "sent";
	else if (as && strcmp(as, "resend") == 0)
		t.state = "pending";
	else
		return err_set(e, ERR_UNPROCESSABLE, "as", "must be \"sent\" or \"resend\"");
	return store_tx_run(c, outbox_resolve_fn, &t, e);
}

int outbox_resolve(struct store_conn *c, const struct actor *a, int64_t id, const char *as,
		   struct err *e)
{
	return outbox_resolve_get(c, a, id, as, NULL, e);
}

bool outbox_state_valid(const char *state)
{
	static const char *const states[] = {"pending", "sending", "sent", "failed", "in_doubt"};
	for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
		if (strcmp(state, states[i]) == 0)
			return true;
	return false;
}

int outbox_list(struct store_conn *c, const struct actor *a, const char *state,
		const char *run_id, int64_t after_id, int limit, store_mail_each_fn each,
		void *ctx, struct err *e)
{
	if (rights_require(a, RIGHT_ADMIN, e) != 0)
		return e->code;
	if (*state && !outbox_state_valid(state))
		return err_set(e, ERR_UNPROCESSABLE, "state",
			       "must be pending, sending, sent, failed or in_doubt");
	if (strlen(run_id) > STORE_RUN_ID_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "run", "must be at most %d bytes long",
			       STORE_RUN_ID_MAX);
	return user_store_error(store_mail_list(c, state, run_id, after_id, limit, each, ctx),
				  "outbox messages", e);
}

/* ---- the worker ------------------------------------------------------------------------- */

void outbox_worker_name(char *out, size_t size)
{
	char host[64] = "";
	if (gethostname(host, sizeof host) != 0)
		snprintf(host, sizeof host, "%s", "host");
	host[sizeof host - 1] = '\0';
	if (sodium_init() < 0) {
		snprintf(out, size, "%.20s:%ld:0", host, (long)getpid());
		return;
	}
	uint32_t r = randombytes_random();
	/* the pid and the random part always fit; the host name gives way */
	char tail[32];
	int n = snprintf(tail, sizeof tail, ":%ld:%08x", (long)getpid(), (unsigned)r);
	int room = (int)size - 1 - n;
	snprintf(out, size, "%.*s%s", room > 0 ? room : 0, host, tail);
}

/* outbox_worker_stopping says whether the worker was asked to stop. */
static bool outbox_worker_stopping(void *ctx)
{
	struct outbox_worker *w = ctx;
	pthread_mutex_lock(&w->lock);
	bool stop = w->stop;
	pthread_mutex_unlock(&w->lock);
	return stop;
}

static void outbox_worker_log_error(const char *step, const struct err *e)
{
	log_event("worker_error", json_pack("{s:s, s:s, s:s}", "step", step, "code",
					    err_code_name(e->code), "error", e->message));
}

/* outbox_worker_round does one round of work; true when there may be more to do at once. */
static bool outbox_worker_round(struct outbox_worker *w)
{
	struct err e;
	int64_t recovered = 0;
	err_clear(&e);
	if (outbox_recover(w->store, false, &recovered, &e) != 0)
		outbox_worker_log_error("recover", &e);
	else if (recovered > 0)
		log_event("mail_in_doubt", json_pack("{s:I}", "count", (json_int_t)recovered));
	int sent = 0, failed = 0;
	err_clear(&e);
	if (outbox_drain_until(w->store, &w->cfg, w->name, "", OUTBOX_WORKER_BATCH, &sent, &failed,
			       outbox_worker_stopping, w, &e) != 0)
		outbox_worker_log_error("drain", &e);
	if (outbox_worker_stopping(w))
		return false;
	bool did = false;
	err_clear(&e);
	if (status_report_step(w->store, &w->cfg, 0, OUTBOX_WORKER_REPORT_BUDGET, &did, &e) != 0) {
		outbox_worker_log_error("status_report", &e);
		did = false;
	}
	return did || sent + failed >= OUTBOX_WORKER_BATCH;
}

static void *outbox_worker_main(void *arg)
{
	struct outbox_worker *w = arg;
	pthread_mutex_lock(&w->lock);
	while (!w->stop) {
		w->poke = false;
		pthread_mutex_unlock(&w->lock);
		bool again = outbox_worker_round(w);
		pthread_mutex_lock(&w->lock);
		if (again)
			continue;
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += w->every_ms / 1000;
		until.tv_nsec += (long)(w->every_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!w->stop && !w->poke &&
		       pthread_cond_timedwait(&w->wake, &w->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int outbox_worker_start(struct outbox_worker *w, struct store *s, const struct mail_config *cfg,
			int every_ms, struct err *e)
{
	w->store = s;
	w->cfg = *cfg;
	w->every_ms = every_ms > 0 ? every_ms : 1000;
	w->stop = w->poke = w->running = false;
	outbox_worker_name(w->name, sizeof w->name);
	if (strcmp(store_backend_name(s), "sqlite") == 0) {
		/* one machine: whatever is still in sending was cut off by the last server's end */
		int64_t n = 0;
		if (outbox_recover(s, true, &n, e) != 0)
			return e->code;
		if (n > 0)
			log_event("mail_in_doubt", json_pack("{s:I}", "count", (json_int_t)n));
	}
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&w->thread, NULL, outbox_worker_main, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		return err_set(e, ERR_INTERNAL, NULL, "cannot start the outbox worker thread");
	}
	w->running = true;
	return 0;
}

void outbox_worker_poke(struct outbox_worker *w)
{
	if (!w || !w->running)
		return;
	pthread_mutex_lock(&w->lock);
	w->poke = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

void outbox_worker_stop(struct outbox_worker *w)
{
	if (!w || !w->running)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	w->running = false;
}
