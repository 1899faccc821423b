/* test_outbox.c - the e-mail outbox (jobs/outbox.c) and its transports
 * (jobs/mail_transport.c) over a real store: queueing is idempotent, draining sends through
 * the memory sink, a directory and a real SMTP server (tests/support/smtp_sink.py, started
 * here), a 550 fails the row with its reason, a 451 before the message went up leaves it
 * pending for later, a crash's sending rows become in_doubt, and an operator resolves them.
 *
 * The SMTP server refuses rejected@x.test at RCPT and answers 451 to the first DATA for
 * slow-<backend>@x.test, so each backend's group sees its own first refusal. */
#include "support/store_fixture.h"

#include "core/buf.h"
#include "core/clock.h"
#include "domain/actor.h"
#include "jobs/mail_transport.h"
#include "jobs/outbox.h"
#include "render/mail.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the SMTP sink ---------------------------------------------------------------------- */

static struct {
	pid_t pid;
	int port;
	char dir[128];
} sink;

static const char *python(void)
{
	const char *p = getenv("CASELOAD_PYTHON");
	if (p && *p)
		return p;
	return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

/* sink_start runs tests/support/smtp_sink.py on a free port and waits for "listening PORT". */
static int sink_start(void)
{
	snprintf(sink.dir, sizeof sink.dir, "/tmp/caseload-outbox-XXXXXX");
	if (!mkdtemp(sink.dir))
		return -1;
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	sink.pid = fork();
	if (sink.pid < 0)
		return -1;
	if (sink.pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execlp(python(), python(), "tests/support/smtp_sink.py", "--dir", sink.dir,
		       "--port", "0", "--reject", "rejected@x.test",
		       "--fail-data-once", "slow-sqlite@x.test",
		       "--fail-data-once", "slow-postgresql@x.test", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	FILE *f = fdopen(fds[0], "r");
	char line[128] = "";
	bool got = f && fgets(line, sizeof line, f) &&
		   sscanf(line, "listening %d", &sink.port) == 1;
	if (f)
		fclose(f);
	if (!got) {
		fprintf(stderr, "test_outbox: smtp_sink.py did not start (%s)\n", line);
		return -1;
	}
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void sink_stop(void)
{
	if (sink.pid > 0) {
		kill(sink.pid, SIGTERM);
		waitpid(sink.pid, NULL, 0);
		sink.pid = 0;
	}
	if (sink.dir[0])
		nftw(sink.dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* sink_find loads the sink's record of the message to rcpt (the last one), or NULL. */
static json_t *sink_find(const char *rcpt, int *count)
{
	json_t *found = NULL;
	*count = 0;
	DIR *d = opendir(sink.dir);
	if (!d)
		return NULL;
	struct dirent *de;
	char names[128][16];
	int n = 0;
	while ((de = readdir(d)) && n < 128)
		if (strlen(de->d_name) < sizeof names[0] && strstr(de->d_name, ".json") &&
		    !strstr(de->d_name, ".tmp"))
			memcpy(names[n++], de->d_name, strlen(de->d_name) + 1);
	closedir(d);
	for (int i = 0; i < n; i++) {
		char path[sizeof sink.dir + sizeof names[0] + 1];
		snprintf(path, sizeof path, "%s/%.15s", sink.dir, names[i]);
		json_t *j = json_load_file(path, 0, NULL);
		json_t *to = json_object_get(j, "rcpt_tos");
		bool match = false;
		for (size_t k = 0; k < json_array_size(to); k++)
			if (strcmp(json_string_value(json_array_get(to, k)), rcpt) == 0)
				match = true;
		if (match) {
			(*count)++;
			json_decref(found);
			found = j;
		} else {
			json_decref(j);
		}
	}
	return found;
}

/* ---- helpers ---------------------------------------------------------------------------- */

static void config_memory(struct mail_config *cfg)
{
	mail_config_defaults(cfg);
	snprintf(cfg->from, sizeof cfg->from, "caseload@firm.test");
	snprintf(cfg->domain, sizeof cfg->domain, "firm.test");
}

static void config_smtp(struct mail_config *cfg)
{
	config_memory(cfg);
	cfg->sink = MAIL_SINK_SMTP;
	cfg->insecure = true;
	cfg->total_timeout = 10;
	snprintf(cfg->url, sizeof cfg->url, "smtp://127.0.0.1:%d", sink.port);
}

struct queue_tx {
	const struct mail_config *cfg;
	const char *run, *rcpt_id, *to;
	struct buf msg;
	bool queued;
};

static int queue_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct queue_tx *q = ctx;
	return outbox_queue(c, q->cfg, q->run, q->rcpt_id, q->to, "Case status update", NULL,
			    q->msg.data, q->msg.len, &q->queued, e);
}

/* queue builds a message (render/mail.c) to `to` with the deterministic Message-ID of
 * (run, rcpt_id) and queues it; returns whether a row was written. */
static bool queue(struct fixture *f, const struct mail_config *cfg, const char *run,
		  const char *rcpt_id, const char *to)
{
	char mid[STORE_MESSAGE_ID_MAX + 1];
	mail_message_id(run, rcpt_id, cfg->domain, mid, sizeof mid);
	struct mail_message m = {.from = cfg->from, .to = to, .subject = "Case status update",
				 .message_id = mid, .date = clock_now(),
				 .text = "Dear advisor,\n.a line that starts with a dot\nBye\n",
				 .html = "<p>Dear advisor</p>"};
	struct queue_tx q = {.cfg = cfg, .run = run, .rcpt_id = rcpt_id, .to = to};
	buf_init(&q.msg, 0);
	struct err e = {0};
	assert_int_equal(mail_build(&m, &q.msg, &e), 0);
	int rc = store_tx_run(f->c, queue_fn, &q, &e);
	if (rc != 0)
		fail_msg("outbox_queue: %s (%s)", e.message, store_last_error(f->c));
	buf_cleanup(&q.msg);
	return q.queued;
}

struct row_find {
	const char *rcpt_id;
	struct store_mail m;
	int n;
};

static int row_each(const struct store_mail *m, void *ctx)
{
	struct row_find *r = ctx;
	if (!r->rcpt_id || strcmp(m->recipient_id, r->rcpt_id) == 0) {
		r->m = *m;
		r->n++;
	}
	return 0;
}

/* row reads the row of (run, rcpt_id), failing the test when there is not exactly one. */
static struct store_mail row(struct fixture *f, const char *run, const char *rcpt_id)
{
	struct row_find r = {.rcpt_id = rcpt_id};
	RC(STORE_OK, store_mail_list(f->c, "", run, 0, 200, row_each, &r));
	if (r.n != 1)
		fail_msg("%d rows of %s/%s", r.n, run, rcpt_id);
	return r.m;
}

static void run_id(struct fixture *f, const char *what, char *out, size_t size)
{
	snprintf(out, size, "test-%s/%s", what, f->backend);
}

/* ---- tests ------------------------------------------------------------------------------ */

/* A second queue of the same (run, recipient) writes nothing; the Message-ID is the
 * deterministic one. */
static void test_queue_once(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_memory(&cfg);
	char run[64], mid[STORE_MESSAGE_ID_MAX + 1];
	run_id(f, "queue", run, sizeof run);
	assert_true(queue(f, &cfg, run, "1", "one@x.test"));
	assert_false(queue(f, &cfg, run, "1", "other@x.test"));
	int64_t n = 0;
	RC(STORE_OK, store_mail_count(f->c, run, "", &n));
	assert_int_equal(n, 1);
	struct store_mail m = row(f, run, "1");
	mail_message_id(run, "1", "firm.test", mid, sizeof mid);
	assert_string_equal(m.message_id, mid);
	assert_string_equal(m.rcpt_to, "one@x.test");
	assert_string_equal(m.state, "pending");
	assert_string_equal(m.subject, "Case status update");
}

/* Draining through the memory sink sends every due message once, each to its one recipient,
 * with the row's Message-ID in its header. */
static void test_drain_memory(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_memory(&cfg);
	char run[64], worker[40];
	run_id(f, "memory", run, sizeof run);
	outbox_worker_name(worker, sizeof worker);
	assert_true(strlen(worker) > 4 && strchr(worker, ':'));
	mail_memory_clear();
	queue(f, &cfg, run, "1", "a@x.test");
	queue(f, &cfg, run, "2", "b@x.test");
	int sent = 0, failed = 0;
	struct err e = {0};
	assert_int_equal(outbox_drain(f->s, &cfg, worker, run, 0, &sent, &failed, &e), 0);
	assert_int_equal(sent, 2);
	assert_int_equal(failed, 0);
	assert_int_equal(mail_memory_count(), 2);
	for (size_t i = 0; i < 2; i++) {
		const char *id = i == 0 ? "1" : "2";
		struct store_mail m = row(f, run, id);
		assert_string_equal(m.state, "sent");
		assert_true(m.sent_at > 0);
		size_t len = 0;
		const char *msg = mail_memory_message(i, &len);
		assert_string_equal(mail_memory_rcpt(i), m.rcpt_to);
		char header[400];
		snprintf(header, sizeof header, "\r\nMessage-ID: %s\r\n", m.message_id);
		assert_non_null(strstr(msg, header));
		assert_int_equal(len, strlen(msg));
	}
	/* nothing is due any more */
	sent = 0;
	assert_int_equal(outbox_drain(f->s, &cfg, worker, run, 0, &sent, &failed, &e), 0);
	assert_int_equal(sent, 0);
	assert_int_equal(mail_memory_count(), 2);
	mail_memory_clear();
}

/* The dir sink writes one .eml per message, named by its Message-ID, and nothing else. */
static void test_drain_dir(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_memory(&cfg);
	cfg.sink = MAIL_SINK_DIR;
	snprintf(cfg.url, sizeof cfg.url, "%s/dir-%s", sink.dir, f->backend);
	char run[64];
	run_id(f, "dir", run, sizeof run);
	queue(f, &cfg, run, "7", "d@x.test");
	int sent = 0;
	struct err e = {0};
	assert_int_equal(outbox_drain(f->s, &cfg, "w-dir", run, 0, &sent, NULL, &e), 0);
	assert_int_equal(sent, 1);
	struct store_mail m = row(f, run, "7");
	char path[700];
	snprintf(path, sizeof path, "%s/%.*s.eml", cfg.url, (int)strlen(m.message_id) - 2,
		 m.message_id + 1);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal((size_t)st.st_size, m.message_len);
	DIR *d = opendir(cfg.url);
	int files = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		files += de->d_name[0] != '.';
	closedir(d);
	assert_int_equal(files, 1);
}

/* A real SMTP server: accepted, refused at RCPT (550: failed, with the reason) and refused at
 * DATA before the message went up (451: pending again, later). */
static void test_drain_smtp(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_smtp(&cfg);
	char run[64], slow[64];
	run_id(f, "smtp", run, sizeof run);
	snprintf(slow, sizeof slow, "slow-%s@x.test", f->backend);
	char good[64];
	snprintf(good, sizeof good, "good-%s@x.test", f->backend);
	queue(f, &cfg, run, "good", good);
	queue(f, &cfg, run, "rejected", "rejected@x.test");
	queue(f, &cfg, run, "slow", slow);
	int sent = 0, failed = 0;
	struct err e = {0};
	int64_t before = clock_now();
	assert_int_equal(outbox_drain(f->s, &cfg, "w-smtp", run, 0, &sent, &failed, &e), 0);
	assert_int_equal(sent, 1);
	assert_int_equal(failed, 1);

	struct store_mail m = row(f, run, "good");
	assert_string_equal(m.state, "sent");
	int count = 0;
	json_t *j = sink_find(good, &count);
	assert_non_null(j);
	assert_int_equal(count, 1);
	assert_int_equal(json_array_size(json_object_get(j, "rcpt_tos")), 1);
	assert_string_equal(json_string_value(json_object_get(j, "message_id")), m.message_id);
	assert_string_equal(json_string_value(json_object_get(j, "mail_from")),
			    "caseload@firm.test");
	assert_string_equal(json_string_value(json_object_get(j, "subject")), "Case status update");
	/* libcurl's dot-stuffing: the line that starts with a dot arrives as it was */
	assert_non_null(strstr(json_string_value(json_object_get(j, "text")),
			       "\n.a line that starts with a dot\n"));
	json_decref(j);

	m = row(f, run, "rejected");
	assert_string_equal(m.state, "failed");
	assert_non_null(strstr(m.last_error, "550"));
	j = sink_find("rejected@x.test", &count);
	assert_null(j);

	m = row(f, run, "slow");
	assert_string_equal(m.state, "pending");
	assert_int_equal(m.attempts, 1);
	assert_true(m.next_attempt_at >= before + 30);
	assert_non_null(strstr(m.last_error, "451"));
	assert_null(sink_find(slow, &count));

	/* not due yet: a second drain leaves it alone */
	sent = failed = 0;
	assert_int_equal(outbox_drain(f->s, &cfg, "w-smtp", run, 0, &sent, &failed, &e), 0);
	assert_int_equal(sent + failed, 0);
	assert_string_equal(row(f, run, "slow").state, "pending");
}

/* Nothing listening: the message never went up, so it may be tried again. */
static void test_transport_refused(void **state)
{
	struct mail_config cfg;
	config_smtp(&cfg);
	snprintf(cfg.url, sizeof cfg.url, "smtp://127.0.0.1:1");
	struct err e = {0};
	const char msg[] = "Subject: x\r\n\r\nbody\r\n";
	assert_int_equal(mail_transport_send(&cfg, "a@x.test", "<m@x>", msg, sizeof msg - 1, &e),
			 MAIL_RETRY);
	assert_true(e.message[0] != '\0');
	/* a recipient that cannot be one is refused without asking the server */
	assert_int_equal(mail_transport_send(&cfg, "a@x.test>\r\nRCPT TO:<b@x.test", "<m@x>", msg,
					     sizeof msg - 1, &e),
			 MAIL_REJECTED);
}

/* claim moves the next due message of run to sending for a worker that then "dies". */
static struct store_mail claim(struct fixture *f, const char *run, int64_t until)
{
	struct store_mail m;
	memset(&m, 0, sizeof m);
	RC(STORE_OK, store_mail_claim(f->c, run, clock_now(), "dead-worker", until, &m));
	free(m.message);
	m.message = NULL;
	return m;
}

/* A crash leaves a row in sending: recovery makes it in_doubt (all of them at a SQLite start,
 * those past their lease otherwise), and it is never sent again by itself. */
static void test_recover(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_memory(&cfg);
	char run[64];
	run_id(f, "recover", run, sizeof run);
	queue(f, &cfg, run, "1", "a@x.test");
	queue(f, &cfg, run, "2", "b@x.test");
	struct store_mail live = claim(f, run, clock_now() + 3600);
	struct store_mail lapsed = claim(f, run, clock_now() - 1);
	int64_t n = -1;
	struct err e = {0};
	assert_int_equal(outbox_recover(f->s, false, &n, &e), 0);
	assert_int_equal(n, 1);
	struct row_find r = {0};
	RC(STORE_OK, store_mail_list(f->c, "in_doubt", run, 0, 10, row_each, &r));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.m.id, lapsed.id);
	assert_int_equal(outbox_recover(f->s, true, &n, &e), 0);
	assert_true(n >= 1);
	struct store_mail m;
	RC(STORE_OK, store_mail_get(f->c, live.id, false, &m));
	assert_string_equal(m.state, "in_doubt");

	mail_memory_clear();
	int sent = 0;
	assert_int_equal(outbox_drain(f->s, &cfg, "w-recover", run, 0, &sent, NULL, &e), 0);
	assert_int_equal(sent, 0);
	assert_int_equal(mail_memory_count(), 0);
}

/* An operator settles in-doubt rows: "sent" closes one, "resend" sends it once more. Only an
 * admin may; a row not in doubt is not found; another "as" is refused. */
static void test_resolve(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_memory(&cfg);
	char run[64];
	run_id(f, "resolve", run, sizeof run);
	queue(f, &cfg, run, "1", "a@x.test");
	queue(f, &cfg, run, "2", "b@x.test");
	queue(f, &cfg, run, "3", "c@x.test");
	struct store_mail one = claim(f, run, clock_now() - 1);
	struct store_mail two = claim(f, run, clock_now() - 1);
	struct err e = {0};
	int64_t n = 0;
	assert_int_equal(outbox_recover(f->s, false, &n, &e), 0);
	assert_int_equal(n, 2);

	struct actor sys, staff;
	actor_system(&sys);
	memset(&staff, 0, sizeof staff);
	staff.via = ACTOR_TOKEN;
	staff.user.id = 99;
	assert_int_equal(outbox_resolve(f->c, &staff, one.id, "sent", &e), ERR_FORBIDDEN);
	assert_int_equal(outbox_resolve(f->c, &sys, one.id, "maybe", &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "as");
	struct store_mail m;
	RC(STORE_OK, store_mail_get(f->c, one.id, false, &m));
	assert_string_equal(m.state, "in_doubt");

	memset(&m, 0, sizeof m);
	assert_int_equal(outbox_resolve_get(f->c, &sys, one.id, "sent", &m, &e), 0);
	assert_string_equal(m.state, "sent");
	assert_int_equal(m.id, one.id);
	assert_int_equal(outbox_resolve(f->c, &sys, one.id, "sent", &e), ERR_NOT_FOUND);
	struct store_mail three = row(f, run, "3");
	assert_int_equal(outbox_resolve(f->c, &sys, three.id, "resend", &e), ERR_NOT_FOUND);

	assert_int_equal(outbox_resolve(f->c, &sys, two.id, "resend", &e), 0);
	RC(STORE_OK, store_mail_get(f->c, two.id, false, &m));
	assert_string_equal(m.state, "pending");
	mail_memory_clear();
	int sent = 0;
	assert_int_equal(outbox_drain(f->s, &cfg, "w-resolve", run, 0, &sent, NULL, &e), 0);
	assert_int_equal(sent, 2);   /* two again, and three */
	RC(STORE_OK, store_mail_get(f->c, two.id, false, &m));
	assert_string_equal(m.state, "sent");
	RC(STORE_OK, store_mail_get(f->c, one.id, false, &m));
	assert_string_equal(m.state, "sent");
	assert_int_equal(mail_memory_count(), 2);
	mail_memory_clear();
}

/* The operator's list: admin only, by state and run, paged by id. */
static void test_list(void **state)
{
	FIXTURE(state);
	struct mail_config cfg;
	config_memory(&cfg);
	char run[64];
	run_id(f, "list", run, sizeof run);
	for (int i = 1; i <= 3; i++) {
		char id[8];
		snprintf(id, sizeof id, "%d", i);
		queue(f, &cfg, run, id, "l@x.test");
	}
	struct actor sys, staff;
	actor_system(&sys);
	memset(&staff, 0, sizeof staff);
	struct err e = {0};
	struct row_find r = {0};
	assert_int_equal(outbox_list(f->c, &staff, "", run, 0, 10, row_each, &r, &e),
			 ERR_FORBIDDEN);
	assert_int_equal(outbox_list(f->c, &sys, "lost", run, 0, 10, row_each, &r, &e),
			 ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "state");
	assert_int_equal(outbox_list(f->c, &sys, "pending", run, 0, 2, row_each, &r, &e), 0);
	assert_int_equal(r.n, 2);
	int64_t after = r.m.id;
	r.n = 0;
	assert_int_equal(outbox_list(f->c, &sys, "pending", run, after, 2, row_each, &r, &e), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.m.recipient_id, "3");
	r.n = 0;
	assert_int_equal(outbox_list(f->c, &sys, "sent", run, 0, 10, row_each, &r, &e), 0);
	assert_int_equal(r.n, 0);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	if (sink_start() != 0) {
		sink_stop();
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_queue_once),
		cmocka_unit_test(test_drain_memory),
		cmocka_unit_test(test_drain_dir),
		cmocka_unit_test(test_drain_smtp),
		cmocka_unit_test(test_transport_refused),
		cmocka_unit_test(test_recover),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_list),
	};
	int rc = store_tests_run("outbox", tests, sizeof tests / sizeof tests[0]);
	sink_stop();
	return rc;
}
