/* init.c - `caseload init`: create a database or apply the migrations it lacks. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>

static const char init_help[] =
	"usage: caseload init --db PATH|postgresql://...\n\n"
	"Creates the database if needed and applies the schema migrations it lacks.\n"
	"Running it again is harmless. A database made by a newer caseload is refused.\n";

int cli_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *db = NULL;
	int ch;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'h': fputs(init_help, stdout); return CLI_OK;
		case ':': return cli_missing_value("init", argv[optind - 1]);
		default: return cli_unknown_option("init", argv[optind - 1]);
		}
	}
	if (!db || optind < argc)
		return cli_usage_error("init", "give the database with --db");
	struct store *s = NULL;
	if (cli_open(db, 1, &s) != CLI_OK)
		return CLI_FAILED;
	struct err e;
	err_clear(&e);
	int from = 0, to = 0;
	int rc = store_migrate(s, &from, &to, &e);
	store_close(s);
	if (rc != 0) {
		fprintf(stderr, "caseload init: %s\n", e.message);
		return CLI_FAILED;
	}
	if (from == to)
		printf("%s: up to date (schema version %d)\n", db, to);
	else
		printf("%s: schema version %d -> %d\n", db, from, to);
	return CLI_OK;
}
