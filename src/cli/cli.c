/* cli.c - helpers shared by the subcommands (see cli.h). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

int cli_open(const char *url, int pool, struct store **out)
{
	struct err e;
	err_clear(&e);
	if (store_open(url, pool, out, &e) != 0) {
		fprintf(stderr, "caseload: cannot open the database: %s\n", e.message);
		return CLI_FAILED;
	}
	return CLI_OK;
}

int cli_open_current(const char *url, int pool, struct store **out)
{
	if (cli_open(url, pool, out) != CLI_OK)
		return CLI_FAILED;
	struct err e;
	err_clear(&e);
	int current = 0, latest = 0;
	if (store_schema_version(*out, &current, &latest, &e) != 0) {
		fprintf(stderr, "caseload: %s\n", e.message);
	} else if (current < latest) {
		fprintf(stderr, "caseload: the database %s has schema version %d, this caseload needs %d; "
			"run: caseload init --db %s\n", url, current, latest, url);
	} else if (current > latest) {
		fprintf(stderr, "caseload: the database %s has schema version %d but this caseload knows only "
			"up to %d; use a newer caseload\n", url, current, latest);
	} else {
		return CLI_OK;
	}
	store_close(*out);
	*out = NULL;
	return CLI_FAILED;
}

int cli_read_password(char *out, size_t size)
{
	if (!fgets(out, (int)size, stdin)) {
		fprintf(stderr, "caseload: expected the password on standard input\n");
		return CLI_FAILED;
	}
	out[strcspn(out, "\r\n")] = '\0';
	return CLI_OK;
}

int cli_usage_error(const char *cmd, const char *message)
{
	fprintf(stderr, "caseload %s: %s\nTry 'caseload %s --help'.\n", cmd, message, cmd);
	return CLI_USAGE;
}

int cli_unknown_option(const char *cmd, const char *option)
{
	char msg[160];
	snprintf(msg, sizeof msg, "unknown option '%s'", option);
	return cli_usage_error(cmd, msg);
}

int cli_missing_value(const char *cmd, const char *option)
{
	char msg[160];
	snprintf(msg, sizeof msg, "the option '%s' needs a value", option);
	return cli_usage_error(cmd, msg);
}
