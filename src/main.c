/* main.c - the subcommand table of the caseload binary; each command lives in src/cli/. */
#include "cli/cli.h"

#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const struct cli_command commands[] = {
	{"serve", cli_serve, "serve the API and the web UI"},
	{"init", cli_init, "create a database or bring its schema up to date"},
	{"user", cli_user, "add, list and change users (add, list, passwd)"},
	{"demo", cli_demo, "load demo offices and logins (idempotent)"},
	{"routes", cli_routes, "print the API route table as JSON"},
	{"audit", cli_audit, "check the timelines' hash chains (verify)"},
	{"report", cli_report, "case status reports (status) and the e-mail outbox (outbox)"},
	{"render-pdf", cli_render_pdf, "(internal) render a PDF job read from stdin"},
	{NULL, NULL, NULL},
};

static void usage(FILE *to)
{
	fprintf(to, "usage: caseload COMMAND [OPTIONS]\n\nCaseload, a case-management server.\n\n"
		    "Commands:\n");
	for (const struct cli_command *c = commands; c->name; c++)
		fprintf(to, "  %-8s %s\n", c->name, c->summary);
	fprintf(to, "\n'caseload COMMAND --help' says more about each.\n"
		    "A database is a SQLite file path or a postgresql:// URL.\n");
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "caseload: libsodium could not start\n");
		return CLI_FAILED;
	}
	signal(SIGPIPE, SIG_IGN);
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	for (const struct cli_command *c = commands; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0)
			return c->run(argc - 1, argv + 1);
	fprintf(stderr, "caseload: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return CLI_USAGE;
}
