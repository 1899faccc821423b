/* mail_options.c - the e-mail options shared by `caseload serve` and `caseload report status`
 * (see mail_options.h). Delivery itself is jobs/mail_transport.c; what is sent is
 * jobs/outbox.c. */
#include "cli/mail_options.h"
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char cli_mail_help[] =
	"  --mail-sink SINK         smtp, dir (one .eml file per message) or memory [dir]\n"
	"  --mail-dir DIR           where the dir sink writes [mail-out]\n"
	"  --smtp-url URL           smtp://host:port (STARTTLS required) or smtps://host:port\n"
	"  --smtp-user USER         SMTP login, if the server wants one\n"
	"  --smtp-password-file F   the SMTP password: the first line of F\n"
	"  --smtp-insecure          allow plain SMTP; only to a loopback host (tests)\n"
	"  --mail-from ADDR         envelope and From address [caseload@localhost]\n"
	"  --mail-domain DOMAIN     the domain of Message-IDs [the domain of --mail-from]\n"
	"  --smtp-timeout SECONDS   the most one message may take [60]; connecting at most 10\n";

enum {
	MAIL_OPT_SINK = CLI_MAIL_OPT_FIRST,
	MAIL_OPT_DIR,
	MAIL_OPT_URL,
	MAIL_OPT_USER,
	MAIL_OPT_PASSWORD_FILE,
	MAIL_OPT_INSECURE,
	MAIL_OPT_FROM,
	MAIL_OPT_DOMAIN,
	MAIL_OPT_TIMEOUT,
};

static const struct option cli_mail_long[CLI_MAIL_OPT_COUNT] = {
	{"mail-sink", required_argument, NULL, MAIL_OPT_SINK},
	{"mail-dir", required_argument, NULL, MAIL_OPT_DIR},
	{"smtp-url", required_argument, NULL, MAIL_OPT_URL},
	{"smtp-user", required_argument, NULL, MAIL_OPT_USER},
	{"smtp-password-file", required_argument, NULL, MAIL_OPT_PASSWORD_FILE},
	{"smtp-insecure", no_argument, NULL, MAIL_OPT_INSECURE},
	{"mail-from", required_argument, NULL, MAIL_OPT_FROM},
	{"mail-domain", required_argument, NULL, MAIL_OPT_DOMAIN},
	{"smtp-timeout", required_argument, NULL, MAIL_OPT_TIMEOUT},
};

void cli_mail_init(struct cli_mail_options *m)
{
	memset(m, 0, sizeof *m);
	mail_config_defaults(&m->cfg);
	m->sink = "dir";
	m->dir = "mail-out";
	m->timeout = 60;
}

void cli_mail_add_options(struct option *opts, size_t *n)
{
	for (int i = 0; i < CLI_MAIL_OPT_COUNT; i++)
		opts[(*n)++] = cli_mail_long[i];
}

/* cli_mail_copy copies an option's value into a field of size bytes, or is a usage error. */
static int cli_mail_copy(const char *cmd, const char *name, const char *v, char *dst,
			 size_t size)
{
	if (strlen(v) >= size) {
		char msg[128];
		snprintf(msg, sizeof msg, "--%s must be at most %zu bytes long", name, size - 1);
		return cli_usage_error(cmd, msg);
	}
	snprintf(dst, size, "%s", v);
	return 0;
}

int cli_mail_option(const char *cmd, int ch, const char *name, const char *value,
		    struct cli_mail_options *m)
{
	char *end = NULL;
	switch (ch) {
	case MAIL_OPT_SINK: m->sink = value; return 0;
	case MAIL_OPT_DIR: m->dir = value; return 0;
	case MAIL_OPT_URL: m->url = value; return 0;
	case MAIL_OPT_USER: return cli_mail_copy(cmd, name, value, m->cfg.user, sizeof m->cfg.user);
	case MAIL_OPT_PASSWORD_FILE: m->password_file = value; return 0;
	case MAIL_OPT_INSECURE: m->cfg.insecure = true; return 0;
	case MAIL_OPT_FROM: return cli_mail_copy(cmd, name, value, m->cfg.from, sizeof m->cfg.from);
	case MAIL_OPT_DOMAIN: m->domain = value; return 0;
	case MAIL_OPT_TIMEOUT:
		m->timeout = strtoll(value, &end, 10);
		if (!*value || *end || m->timeout < 1 || m->timeout > 3600)
			return cli_usage_error(cmd,
					       "--smtp-timeout must be a number from 1 to 3600");
		return 0;
	default:
		return cli_usage_error(cmd, "not a mail option");
	}
}

/* cli_mail_address_ok says whether v looks like one e-mail address: local@domain without
 * spaces, controls or angle brackets. */
static bool cli_mail_address_ok(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || !at[1] || strchr(at + 1, '@'))
		return false;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
			return false;
	return true;
}

/* cli_mail_url_host copies the host of an smtp:// or smtps:// URL (without brackets or port)
 * into host; false when url is not one. */
static bool cli_mail_url_host(const char *url, char *host, size_t size)
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

/* cli_mail_loopback says whether host is this machine: localhost, 127.x.x.x or ::1. */
static bool cli_mail_loopback(const char *host)
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

/* cli_mail_password reads the first line of path (without its line end) as the password. */
static int cli_mail_password(const char *cmd, const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "caseload %s: --smtp-password-file: cannot read %s: %s\n", cmd,
			path, strerror(errno));
		return CLI_FAILED;
	}
	char line[512];
	bool ok = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	if (!ok) {
		fprintf(stderr, "caseload %s: --smtp-password-file: %s is empty\n", cmd, path);
		return CLI_FAILED;
	}
	line[strcspn(line, "\r\n")] = '\0';
	int rc = 0;
	if (strlen(line) >= size) {
		fprintf(stderr, "caseload %s: --smtp-password-file: the password is too long\n",
			cmd);
		rc = CLI_FAILED;
	} else {
		snprintf(out, size, "%s", line);
	}
	sodium_memzero(line, sizeof line);
	return rc;
}

int cli_mail_finish(const char *cmd, struct cli_mail_options *m)
{
	struct mail_config *cfg = &m->cfg;
	if (strcmp(m->sink, "smtp") == 0)
		cfg->sink = MAIL_SINK_SMTP;
	else if (strcmp(m->sink, "dir") == 0)
		cfg->sink = MAIL_SINK_DIR;
	else if (strcmp(m->sink, "memory") == 0)
		cfg->sink = MAIL_SINK_MEMORY;
	else
		return cli_usage_error(cmd, "--mail-sink must be smtp, dir or memory");
	char host[256];
	if (m->url && !cli_mail_url_host(m->url, host, sizeof host))
		return cli_usage_error(cmd, "--smtp-url must be smtp://HOST[:PORT] or "
				       "smtps://HOST[:PORT]");
	if (cfg->insecure && (!m->url || !cli_mail_loopback(host)))
		return cli_usage_error(cmd, "--smtp-insecure is only allowed with a loopback host "
				       "in --smtp-url (127.0.0.1, ::1 or localhost)");
	if (cfg->sink == MAIL_SINK_SMTP) {
		if (!m->url)
			return cli_usage_error(cmd, "--mail-sink smtp needs --smtp-url");
		if (cli_mail_copy(cmd, "smtp-url", m->url, cfg->url, sizeof cfg->url) != 0)
			return CLI_USAGE;
	} else if (cfg->sink == MAIL_SINK_DIR) {
		if (!*m->dir)
			return cli_usage_error(cmd, "--mail-dir must not be empty");
		if (cli_mail_copy(cmd, "mail-dir", m->dir, cfg->url, sizeof cfg->url) != 0)
			return CLI_USAGE;
	}
	if (!cli_mail_address_ok(cfg->from))
		return cli_usage_error(cmd, "--mail-from must be one e-mail address, e.g. "
				       "caseload@firm.example");
	const char *domain = m->domain ? m->domain : strchr(cfg->from, '@') + 1;
	if (!*domain || strchr(domain, '@') || strchr(domain, '>') || strchr(domain, ' '))
		return cli_usage_error(cmd,
				       "--mail-domain must be a domain name, e.g. firm.example");
	if (cli_mail_copy(cmd, "mail-domain", domain, cfg->domain, sizeof cfg->domain) != 0)
		return CLI_USAGE;
	cfg->total_timeout = (int)m->timeout;
	cfg->connect_timeout = m->timeout < 10 ? (int)m->timeout : 10;
	if (m->password_file)
		return cli_mail_password(cmd, m->password_file, cfg->password,
					 sizeof cfg->password);
	return 0;
}
