/* mail_options.h - the e-mail options that `caseload serve` and `caseload report status` share
 * (--mail-sink, --mail-dir, --smtp-url, --smtp-user, --smtp-password-file, --smtp-insecure,
 * --mail-from, --mail-domain, --smtp-timeout): their getopt entries, reading each, and checking
 * them together into a struct mail_config (jobs/mail_transport.h). */
#ifndef CASELOAD_CLI_MAIL_OPTIONS_H
#define CASELOAD_CLI_MAIL_OPTIONS_H

#include <getopt.h>
#include <stddef.h>

#include "jobs/mail_transport.h"

/* The getopt codes of the mail options: CLI_MAIL_OPT_FIRST .. CLI_MAIL_OPT_FIRST + 8. */
#define CLI_MAIL_OPT_FIRST 1000
#define CLI_MAIL_OPT_COUNT 9

/* The help lines of the mail options, for a command's --help. */
extern const char cli_mail_help[];

/* The options as given, checked together by cli_mail_finish. */
struct cli_mail_options {
	struct mail_config cfg;
	const char *sink;            /* smtp, dir, memory [dir] */
	const char *dir;             /* [mail-out] */
	const char *url;
	const char *password_file;
	const char *domain;          /* NULL = the domain of the From address */
	long long timeout;           /* seconds [60] */
};

/* cli_mail_init fills m with the defaults. */
void cli_mail_init(struct cli_mail_options *m);

/* cli_mail_add_options copies the mail options' getopt entries into opts at *n (the caller's
 * array has room for CLI_MAIL_OPT_COUNT more and its {0} end). */
void cli_mail_add_options(struct option *opts, size_t *n);

/* cli_mail_option reads one mail option (code ch, its long name and value) into m: 0, or
 * CLI_USAGE after telling cmd's user why. */
int cli_mail_option(const char *cmd, int ch, const char *name, const char *value,
		    struct cli_mail_options *m);

/* cli_mail_finish checks the options against each other and fills m->cfg: 0, CLI_USAGE, or
 * CLI_FAILED when the password file cannot be read. */
int cli_mail_finish(const char *cmd, struct cli_mail_options *m);

#endif
