/* serve.c - `caseload serve`: parse the options, open the database, start the background
 * worker (e-mail outbox and status report sends), run the HTTP server until SIGINT or SIGTERM,
 * then let in-flight requests finish, stop the worker and close the database cleanly.
 * What happens to a request is http/server.c; what the worker does is jobs/outbox.c. */
#include "cli/cli.h"
#include "cli/mail_options.h"
#include "http/log.h"
#include "http/server.h"
#include "jobs/janitor.h"
#include "jobs/outbox.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char serve_help[] =
	"usage: caseload serve [--db DB] [--listen HOST:PORT] [options]\n\n"
	"Serves the API (/api/v1) and the web UI. DB defaults to caseload.db; HOST:PORT to\n"
	"127.0.0.1:8080 (port 0 takes any free port; the first log line says which).\n\n"
	"Options (defaults in brackets):\n"
	"  --threads N              worker threads [4]\n"
	"  --max-connections N      open connections in all [256]\n"
	"  --per-ip N               open connections from one address [16]\n"
	"  --timeout SECONDS        close idle connections after this [15]\n"
	"  --connection-memory N    bytes of buffer per connection [32768]\n"
	"  --body-max BYTES         largest JSON body [1048576]\n"
	"  --slow-body-seconds N    after this, a body slower than 1 KiB/s gets 408 [10]\n"
	"  --session-idle SECONDS   end sessions unused this long [1800]\n"
	"  --session-max SECONDS    end sessions this long after login [43200]\n"
	"  --login-ip-limit N       login attempts a minute from one address [30]\n"
	"  --time-zone AREA/CITY    the firm's time zone, for \"today\" and days counted\n"
	"                           [$TZ, else the machine's]\n\n"
	"E-mail (status reports go through the outbox; a background worker sends it):\n";

/* After the e-mail options' lines (cli_mail_help). */
static const char serve_help_end[] =
	"  --worker-interval-ms N   how often the worker looks for work [1000]\n"
	"Logs are JSON lines on standard error, one per request.\n";

/* serve_number parses a positive integer option or exits with a usage error. */
static int serve_number(const char *name, const char *v, long long max, long long *out)
{
	char *end = NULL;
	long long n = strtoll(v, &end, 10);
	if (!*v || *end || n < 1 || n > max) {
		char msg[128];
		snprintf(msg, sizeof msg, "--%s must be a number from 1 to %lld", name, max);
		return cli_usage_error("serve", msg);
	}
	*out = n;
	return 0;
}

static int serve_listen(const char *v, struct server_config *c)
{
	const char *colon = strrchr(v, ':');
	if (!colon || colon == v || (size_t)(colon - v) >= sizeof c->host)
		return cli_usage_error("serve", "--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
	char *end = NULL;
	long port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || port < 0 || port > 65535)
		return cli_usage_error("serve", "--listen needs a port from 0 to 65535");
	snprintf(c->host, sizeof c->host, "%.*s", (int)(colon - v), v);
	c->port = (int)port;
	return 0;
}

/* serve_time_zone makes zone the process's local time (the firm's "today"); it must run before
 * any thread starts, since setenv is not thread-safe. The zone must exist in the tz database. */
static int serve_time_zone(const char *zone)
{
	char path[256];
	if (!*zone || zone[0] == '/' || strstr(zone, "..") ||
	    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone) >= (int)sizeof path ||
	    access(path, R_OK) != 0)
		return cli_usage_error("serve", "--time-zone must name a zone of the tz database, e.g. America/New_York");
	setenv("TZ", zone, 1);
	tzset();
	return 0;
}

/* The serve options other than the e-mail ones (cli/mail_options.c adds those). */
static const struct option serve_long[] = {
	{"db", required_argument, NULL, 'd'},
	{"listen", required_argument, NULL, 'l'},
	{"threads", required_argument, NULL, 't'},
	{"max-connections", required_argument, NULL, 'm'},
	{"per-ip", required_argument, NULL, 'p'},
	{"timeout", required_argument, NULL, 'T'},
	{"connection-memory", required_argument, NULL, 'M'},
	{"body-max", required_argument, NULL, 'b'},
	{"slow-body-seconds", required_argument, NULL, 's'},
	{"session-idle", required_argument, NULL, 'i'},
	{"session-max", required_argument, NULL, 'x'},
	{"login-ip-limit", required_argument, NULL, 'L'},
	{"time-zone", required_argument, NULL, 'z'},
	{"worker-interval-ms", required_argument, NULL, 'W'},
	{"help", no_argument, NULL, 'h'},
};

#define SERVE_LONG_COUNT (sizeof serve_long / sizeof serve_long[0])

static int serve_parse(int argc, char **argv, const char **db, struct server_config *c,
		       struct cli_mail_options *mail, int *worker_ms)
{
	struct option opts[SERVE_LONG_COUNT + CLI_MAIL_OPT_COUNT + 1];
	size_t nopts = SERVE_LONG_COUNT;
	memcpy(opts, serve_long, sizeof serve_long);
	cli_mail_add_options(opts, &nopts);
	memset(&opts[nopts], 0, sizeof opts[nopts]);
	int ch, idx = 0, rc = 0;
	long long n = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, &idx)) != -1 && rc == 0) {
		const char *name = opts[idx].name;
		switch (ch) {
		case 'd': *db = optarg; break;
		case 'l': rc = serve_listen(optarg, c); break;
		case 't': if (!(rc = serve_number(name, optarg, 64, &n))) c->threads = (int)n; break;
		case 'm': if (!(rc = serve_number(name, optarg, 100000, &n))) c->max_connections = (int)n; break;
		case 'p': if (!(rc = serve_number(name, optarg, 100000, &n))) c->per_ip_connections = (int)n; break;
		case 'T': if (!(rc = serve_number(name, optarg, 3600, &n))) c->idle_timeout = (int)n; break;
		case 'M': if (!(rc = serve_number(name, optarg, 1 << 24, &n))) c->connection_memory = (size_t)n; break;
		case 'b': if (!(rc = serve_number(name, optarg, 1 << 30, &n))) c->body_max = (size_t)n; break;
		case 's': if (!(rc = serve_number(name, optarg, 3600, &n))) c->slow_body_seconds = (int)n; break;
		case 'i': if (!(rc = serve_number(name, optarg, 86400 * 30, &n))) c->session.idle_seconds = (int)n; break;
		case 'x': if (!(rc = serve_number(name, optarg, 86400 * 30, &n))) c->session.max_seconds = (int)n; break;
		case 'L': if (!(rc = serve_number(name, optarg, 1000000, &n))) c->session.ip_per_minute = (int)n; break;
		case 'z': rc = serve_time_zone(optarg); break;
		case 'W': if (!(rc = serve_number(name, optarg, 86400000, &n))) *worker_ms = (int)n;
			  break;
		case 'h':
			fputs(serve_help, stdout);
			fputs(cli_mail_help, stdout);
			fputs(serve_help_end, stdout);
			return -1;
		case ':': return cli_missing_value("serve", argv[optind - 1]);
		case '?': return cli_unknown_option("serve", argv[optind - 1]);
		default: rc = cli_mail_option("serve", ch, name, optarg, mail); break;
		}
		idx = 0;
	}
	if (rc == 0 && optind < argc)
		return cli_usage_error("serve", "unexpected argument");
	if (rc == 0)
		rc = cli_mail_finish("serve", mail);
	return rc;
}

int cli_serve(int argc, char **argv)
{
	const char *db = "caseload.db";
	struct server srv;
	memset(&srv, 0, sizeof srv);
	server_config_default(&srv.cfg);
	struct cli_mail_options mail;
	cli_mail_init(&mail);
	int worker_ms = 1000;
	int rc = serve_parse(argc, argv, &db, &srv.cfg, &mail, &worker_ms);
	if (rc != 0)
		return rc < 0 ? CLI_OK : rc;

	/* block the stop signals before any thread starts, so only sigwait below sees them */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);

	if (cli_open_current(db, srv.cfg.threads + 2, &srv.store) != CLI_OK)
		return CLI_FAILED;
	struct err e;
	err_clear(&e);
	if (store_check(srv.store, &e) != 0) {
		fprintf(stderr, "caseload serve: the database failed its check: %s\n", e.message);
		store_close(srv.store);
		return CLI_FAILED;
	}
	struct outbox_worker worker;
	memset(&worker, 0, sizeof worker);
	if (outbox_worker_start(&worker, srv.store, &mail.cfg, worker_ms, &e) != 0) {
		fprintf(stderr, "caseload serve: the outbox worker did not start: %s\n", e.message);
		store_close(srv.store);
		return CLI_FAILED;
	}
	outbox_worker_current = &worker;
	if (server_start(&srv, &e) != 0) {
		fprintf(stderr, "caseload serve: %s\n", e.message);
		outbox_worker_current = NULL;
		outbox_worker_stop(&worker);
		store_close(srv.store);
		return CLI_FAILED;
	}
	struct janitor jan;
	janitor_start(&jan, srv.store, &srv.cfg.session, 600);
	char url[128];
	snprintf(url, sizeof url, "http://%s:%d", srv.cfg.host, srv.port);
	tzset();
	log_event("listening", json_pack("{s:s, s:s, s:i, s:s, s:s}", "url", url, "db",
					 store_backend_name(srv.store), "threads", srv.cfg.threads,
					 "time_zone", getenv("TZ") ? getenv("TZ") : tzname[0],
					 "mail_sink", mail.sink));

	int sig = 0;
	sigwait(&stop, &sig);
	log_event("stopping", json_pack("{s:s, s:i}", "signal", sig == SIGINT ? "SIGINT" : "SIGTERM",
					"in_flight", atomic_load(&srv.in_flight)));
	server_stop(&srv, 10000);
	outbox_worker_current = NULL;
	outbox_worker_stop(&worker);
	janitor_stop(&jan);
	store_close(srv.store);
	log_event("stopped", NULL);
	return CLI_OK;
}
