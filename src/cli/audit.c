/* audit.c - `caseload audit verify --db DB`: checks every case's timeline hash chain and names
 * each event that was changed, removed or inserted behind the server's back. The chain rules
 * are domain/timeline.c; this file only parses options and prints. */
#include "cli/cli.h"
#include "domain/timeline.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char audit_help[] =
	"usage: caseload audit verify --db DB\n\n"
	"Walks the timeline of every case (deleted cases too) and checks each event's hash against\n"
	"its content and against the event before it. Prints one line per broken event, e.g.\n"
	"  case 12 event 3: changed\n"
	"  case 12 event 5: removed before it\n"
	"  case 14 event 2: inserted\n"
	"then a summary. Exit status: 0 every chain is whole, 1 something is broken (or the\n"
	"database could not be read), 2 wrong usage.\n";

static int audit_verify(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *db = NULL;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'h': fputs(audit_help, stdout); return CLI_OK;
		case ':': return cli_missing_value("audit", argv[optind - 1]);
		default: return cli_unknown_option("audit", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("audit", "unexpected argument");
	if (!db)
		return cli_usage_error("audit", "give the database with --db");
	struct store *s = NULL;
	if (cli_open_current(db, 1, &s) != CLI_OK)
		return CLI_FAILED;
	struct store_conn *c = store_acquire(s, 10000);
	struct err e;
	err_clear(&e);
	int64_t events = 0, cases = 0, broken = 0;
	int rc = c ? timeline_verify(c, stdout, &events, &cases, &broken, &e)
		   : err_set(&e, ERR_BUSY, NULL, "the database is busy");
	if (c)
		store_release(s, c);
	store_close(s);
	if (rc != 0) {
		fprintf(stderr, "caseload audit verify: %s\n", e.message);
		return CLI_FAILED;
	}
	if (broken == 0) {
		printf("timeline ok: %lld events on %lld cases, every chain whole\n",
		       (long long)events, (long long)cases);
		return CLI_OK;
	}
	printf("timeline BROKEN: %lld problem%s in %lld events on %lld cases\n", (long long)broken,
	       broken == 1 ? "" : "s", (long long)events, (long long)cases);
	return CLI_FAILED;
}

int cli_audit(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("audit", "name what to do: verify");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(audit_help, stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "verify") == 0)
		return audit_verify(argc - 1, argv + 1);
	char msg[160];
	snprintf(msg, sizeof msg, "unknown action '%s'; the action is verify", argv[1]);
	return cli_usage_error("audit", msg);
}
