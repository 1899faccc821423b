/* cli.h - what the subcommands share: the command table, opening the database, reading a
 * password from standard input. Exit statuses: 0 done, 1 failed, 2 wrong usage. */
#ifndef CASELOAD_CLI_H
#define CASELOAD_CLI_H

#include <stddef.h>

#include "store/store.h"

#define CLI_OK 0
#define CLI_FAILED 1
#define CLI_USAGE 2

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);   /* argv[0] is the command name */
	const char *summary;
};

/* cli_open opens (without migrating) the database at url with pool connections, printing the
 * reason and returning CLI_FAILED when it cannot. */
int cli_open(const char *url, int pool, struct store **out);

/* cli_open_current is cli_open plus a check that the schema is the one this binary knows; it
 * tells the user to run `caseload init` otherwise. */
int cli_open_current(const char *url, int pool, struct store **out);

/* cli_read_password reads one line from standard input (without its newline) into out. */
int cli_read_password(char *out, size_t size);

/* cli_usage_error prints "caseload CMD: message" and a hint, and returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *message);

/* cli_unknown_option and cli_missing_value are usage errors naming the option at fault. */
int cli_unknown_option(const char *cmd, const char *option);
int cli_missing_value(const char *cmd, const char *option);

int cli_serve(int argc, char **argv);
int cli_init(int argc, char **argv);
int cli_user(int argc, char **argv);
int cli_demo(int argc, char **argv);
int cli_routes(int argc, char **argv);
int cli_audit(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_render_pdf(int argc, char **argv);

#endif
