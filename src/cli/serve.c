/* serve.c - `caseload serve`: parse the options, open the database, start the background
 * worker (e-mail outbox and status report sends), run the HTTP server until SIGINT or SIGTERM,
 * then let in-flight requests finish, stop the worker and close the database cleanly.
 * What happens to a request is http/server.c; what the worker does is jobs/outbox.c. */
#include "cli/cli.h"
#include "http/log.h"
#include "http/server.h"
#include "jobs/janitor.h"
#include "jobs/outbox.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
	"E-mail (status reports go through the outbox; a background worker sends it):\n"
	"  --mail-sink SINK         smtp, dir (one .eml file per message) or memory [dir]\n"
	"  --mail-dir DIR           where the dir sink writes [mail-out]\n"
	"  --smtp-url URL           smtp://host:port (STARTTLS required) or smtps://host:port\n"
	"  --smtp-user USER         SMTP login, if the server wants one\n"
	"  --smtp-password-file F   the SMTP password: the first line of F\n"
	"  --smtp-insecure          allow plain SMTP; only to a loopback host (tests)\n"
	"  --mail-from ADDR         envelope and From address [caseload@localhost]\n"
	"  --mail-domain DOMAIN     the domain of Message-IDs [the domain of --mail-from]\n"
	"  --smtp-timeout SECONDS   the most one message may take [60]; connecting at most 10\n"
	"  --worker-interval-ms N   how often the worker looks for work [1000]\n"
	"Logs are JSON lines on standard error, one per request.\n";

/* The e-mail options as given, checked together once all are read (serve_mail_finish). */
struct serve_mail {
	struct mail_config cfg;
	const char *sink;
	const char *dir;
	const char *url;
	const char *password_file;
	const char *domain;
	long long timeout;
	int worker_ms;
};

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

/* serve_copy copies an option's value into a field of size bytes, or is a usage error. */
static int serve_copy(const char *name, const char *v, char *dst, size_t size)
{
	if (strlen(v) >= size) {
		char msg[128];
		snprintf(msg, sizeof msg, "--%s must be at most %zu bytes long", name, size - 1);
		return cli_usage_error("serve", msg);
	}
	snprintf(dst, size, "%s", v);
	return 0;
}

/* serve_address_ok says whether v looks like one e-mail address: local@domain without
 * spaces, controls or angle brackets. */
static bool serve_address_ok(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || !at[1] || strchr(at + 1, '@'))
		return false;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
			return false;
	return true;
}

/* serve_url_host copies the host of an smtp:// or smtps:// URL (without brackets or port)
 * into host; false when url is not one. */
static bool serve_url_host(const char *url, char *host, size_t size)
{
	const char *p;
	if (strncmp(url, "smtp://", 7) == 0)
		p = url + 7;
	else if (strncmp(url, "smtps://", 8) == 0)
		p = url + 8;
	else
		return false;
	size_t auth = strcspn(p, "@/");
	if (p[auth] == '@')
		p += auth + 1;
	size_t n;
	if (*p == '[') {
		p++;
		n = strcspn(p, "]");
		if (p[n] != ']')
			return false;
	} else {
		n = strcspn(p, ":/");
	}
	if (n == 0 || n >= size)
		return false;
	memcpy(host, p, n);
	host[n] = '\0';
	return true;
}

/* serve_loopback says whether host is this machine: localhost, 127.x.x.x or ::1. */
static bool serve_loopback(const char *host)
{
	if (strcasecmp(host, "localhost") == 0 || strcmp(host, "::1") == 0)
		return true;
	if (strncmp(host, "127.", 4) != 0)
		return false;
	for (const char *p = host + 4; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != '.')
			return false;
	return true;
}

/* serve_password_file reads the first line of path (without its line end) as the password. */
static int serve_password_file(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "caseload serve: --smtp-password-file: cannot read %s: %s\n", path,
			strerror(errno));
		return CLI_FAILED;
	}
	char line[512];
	bool ok = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	if (!ok) {
		fprintf(stderr, "caseload serve: --smtp-password-file: %s is empty\n", path);
		return CLI_FAILED;
	}
	line[strcspn(line, "\r\n")] = '\0';
	if (strlen(line) >= size) {
		fprintf(stderr, "caseload serve: --smtp-password-file: the password is too long\n");
		return CLI_FAILED;
	}
	snprintf(out, size, "%s", line);
	sodium_memzero(line, sizeof line);
	return 0;
}

/* serve_mail_finish checks the e-mail options against each other and fills m->cfg. */
static int serve_mail_finish(struct serve_mail *m)
{
	struct mail_config *cfg = &m->cfg;
	if (strcmp(m->sink, "smtp") == 0)
		cfg->sink = MAIL_SINK_SMTP;
	else if (strcmp(m->sink, "dir") == 0)
		cfg->sink = MAIL_SINK_DIR;
	else if (strcmp(m->sink, "memory") == 0)
		cfg->sink = MAIL_SINK_MEMORY;
	else
		return cli_usage_error("serve", "--mail-sink must be smtp, dir or memory");
	char host[256];
	if (m->url && !serve_url_host(m->url, host, sizeof host))
		return cli_usage_error("serve", "--smtp-url must be smtp://HOST[:PORT] or smtps://HOST[:PORT]");
	if (cfg->insecure && (!m->url || !serve_loopback(host)))
		return cli_usage_error("serve", "--smtp-insecure is only allowed with a loopback host "
					"in --smtp-url (127.0.0.1, ::1 or localhost)");
	if (cfg->sink == MAIL_SINK_SMTP) {
		if (!m->url)
			return cli_usage_error("serve", "--mail-sink smtp needs --smtp-url");
		if (serve_copy("smtp-url", m->url, cfg->url, sizeof cfg->url) != 0)
			return CLI_USAGE;
	} else if (cfg->sink == MAIL_SINK_DIR) {
		if (!*m->dir)
			return cli_usage_error("serve", "--mail-dir must not be empty");
		if (serve_copy("mail-dir", m->dir, cfg->url, sizeof cfg->url) != 0)
			return CLI_USAGE;
	}
	if (!serve_address_ok(cfg->from))
		return cli_usage_error("serve", "--mail-from must be one e-mail address, e.g. caseload@firm.example");
	const char *domain = m->domain ? m->domain : strchr(cfg->from, '@') + 1;
	if (!*domain || strchr(domain, '@') || strchr(domain, '>') || strchr(domain, ' '))
		return cli_usage_error("serve", "--mail-domain must be a domain name, e.g. firm.example");
	if (serve_copy("mail-domain", domain, cfg->domain, sizeof cfg->domain) != 0)
		return CLI_USAGE;
	cfg->total_timeout = (int)m->timeout;
	cfg->connect_timeout = m->timeout < 10 ? (int)m->timeout : 10;
	if (m->password_file)
		return serve_password_file(m->password_file, cfg->password, sizeof cfg->password);
	return 0;
}

static int serve_parse(int argc, char **argv, const char **db, struct server_config *c,
		       struct serve_mail *mail)
{
	static const struct option opts[] = {
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
		{"mail-sink", required_argument, NULL, 1000},
		{"mail-dir", required_argument, NULL, 1001},
		{"smtp-url", required_argument, NULL, 1002},
		{"smtp-user", required_argument, NULL, 1003},
		{"smtp-password-file", required_argument, NULL, 1004},
		{"smtp-insecure", no_argument, NULL, 1005},
		{"mail-from", required_argument, NULL, 1006},
		{"mail-domain", required_argument, NULL, 1007},
		{"smtp-timeout", required_argument, NULL, 1008},
		{"worker-interval-ms", required_argument, NULL, 1009},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
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
		case 1000: mail->sink = optarg; break;
		case 1001: mail->dir = optarg; break;
		case 1002: mail->url = optarg; break;
		case 1003: rc = serve_copy(name, optarg, mail->cfg.user, sizeof mail->cfg.user); break;
		case 1004: mail->password_file = optarg; break;
		case 1005: mail->cfg.insecure = true; break;
		case 1006: rc = serve_copy(name, optarg, mail->cfg.from, sizeof mail->cfg.from); break;
		case 1007: mail->domain = optarg; break;
		case 1008: rc = serve_number(name, optarg, 3600, &mail->timeout); break;
		case 1009: if (!(rc = serve_number(name, optarg, 86400000, &n))) mail->worker_ms = (int)n; break;
		case 'h': fputs(serve_help, stdout); return -1;
		case ':': return cli_missing_value("serve", argv[optind - 1]);
		default: return cli_unknown_option("serve", argv[optind - 1]);
		}
		idx = 0;
	}
	if (rc == 0 && optind < argc)
		return cli_usage_error("serve", "unexpected argument");
	if (rc == 0)
		rc = serve_mail_finish(mail);
	return rc;
}

int cli_serve(int argc, char **argv)
{
	const char *db = "caseload.db";
	struct server srv;
	memset(&srv, 0, sizeof srv);
	server_config_default(&srv.cfg);
	struct serve_mail mail = {.sink = "dir", .dir = "mail-out", .timeout = 60, .worker_ms = 1000};
	mail_config_defaults(&mail.cfg);
	int rc = serve_parse(argc, argv, &db, &srv.cfg, &mail);
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
	if (outbox_worker_start(&worker, srv.store, &mail.cfg, mail.worker_ms, &e) != 0) {
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
