/* report.c - `caseload report status ...` (preview or send case status reports, for cron) and
 * `caseload report outbox ...` (list the outbox, resolve in-doubt e-mails). Placeholder until
 * built. */
#include "cli/cli.h"

#include <stdio.h>

int cli_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "caseload report: not built yet\n");
	return CLI_FAILED;
}
