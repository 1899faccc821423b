/* report.c - `caseload report status ...` (preview or send case status reports, e.g. from
 * cron: `caseload report status --db DB --office 3 --cases follow_up --send`) and `caseload
 * report outbox ...` (list the e-mail outbox, resolve in-doubt e-mails). Both act as the
 * system, through the same domain calls as the API: domain/report.c for the reports,
 * jobs/status_report.c to carry a send through, jobs/outbox.c for the outbox. The JSON printed
 * with --json is the API's (api/reports.c); the e-mail options are cli/mail_options.c. */
#include "api/reports.h"
#include "cli/cli.h"
#include "cli/mail_options.h"
#include "domain/report.h"
#include "jobs/outbox.h"
#include "jobs/status_report.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char report_help[] =
	"usage: caseload report status --db DB [selection] [communication] ACTION\n"
	"                              [--letters FILE] [--json] [e-mail options]\n"
	"       caseload report outbox --db DB [--state STATE] [--resolve ID --as sent|resend]\n\n"
	"Case status reports to advisors, as the Case Status dialog makes them. `caseload report\n"
	"status --help` and `caseload report outbox --help` say more.\n";

static const char report_status_help[] =
	"usage: caseload report status --db DB [options] ACTION [--letters FILE.pdf] [--json]\n\n"
	"Previews or sends case status reports to the advisors of pending cases, acting as the\n"
	"system. For cron: --office ID --cases follow_up --send.\n\n"
	"ACTION, exactly one of:\n"
	"  --preview                make a preview and print it (nothing is sent)\n"
	"  --send                   make a preview and send it at once\n"
	"  --send-preview ID        send a preview made before (a preview is sent once only)\n"
	"  --resume SEND            carry on a send that was interrupted\n\n"
	"Selection (defaults in brackets):\n"
	"  --office ID              only cases of this office [every office]\n"
	"  --case-manager ID        only cases this user manages [any]\n"
	"  --advisors all|primary|selected                      [all]\n"
	"  --advisor ID             a selected advisor (contact id); repeat for more\n"
	"  --cases follow_up|all|stage|selected                 [all]\n"
	"                           follow_up: next follow-up today or earlier; needs --office\n"
	"                           with stage-based follow-ups, and sends one case per letter\n"
	"  --stage ID               the stage status, with --cases stage\n"
	"  --case ID                a selected case; repeat for more\n"
	"  --include-informal, --include-informal-child, --include-group\n"
	"                           take those kinds of pending case too\n"
	"  --include-pos            list outstanding policy owner service requirements\n\n"
	"Communication:\n"
	"  --method preferred|email|print                       [preferred]\n"
	"  --one-case-per-letter    one report per case instead of one per advisor\n"
	"  --logo                   show the office logo\n"
	"  --mask none|policy|name|both                         [none]\n"
	"  --subject TEXT           instead of the default subject\n\n"
	"Output:\n"
	"  --letters FILE.pdf       write the printed letters of the send to FILE\n"
	"  --json                   print the preview or result as the API gives it\n"
	"  --queue-only             render and queue, but leave the e-mails in the outbox for a\n"
	"                           running server to deliver (or a later --resume)\n\n"
	"E-mail (sent before the command ends):\n"
	"%s\n"
	"Exit status: 0 done, 1 a report failed, the send is not finished or something else went\n"
	"wrong, 2 wrong usage.\n";

static const char report_outbox_help[] =
	"usage: caseload report outbox --db DB [--state STATE]\n"
	"       caseload report outbox --db DB --resolve ID --as sent|resend\n\n"
	"Lists the e-mail outbox (STATE: pending, sending, sent, failed or in_doubt; default\n"
	"all), or settles an e-mail left in doubt by a crash: --as sent when it did arrive,\n"
	"--as resend to send it once more. Exit status: 0 done, 1 failed, 2 wrong usage.\n";

/* ---- report status: options ------------------------------------------------------------- */

enum report_action { REPORT_ACTION_NONE = 0, REPORT_ACTION_PREVIEW, REPORT_ACTION_SEND,
		     REPORT_ACTION_SEND_PREVIEW, REPORT_ACTION_RESUME };

struct report_args {
	const char *db;
	struct report_options o;
	enum report_action action;
	int64_t id;                  /* --send-preview / --resume */
	const char *letters;
	bool json;
	bool queue_only;             /* leave the e-mails in the outbox for the server */
	struct cli_mail_options mail;
};

#define STATUS_CMD "report status"

/* report_id reads a positive id of an option. */
static int report_id(const char *name, const char *v, int64_t *out)
{
	char *end = NULL;
	long long n = strtoll(v, &end, 10);
	if (!*v || *end || n <= 0) {
		char msg[128];
		snprintf(msg, sizeof msg, "--%s must be a positive id", name);
		return cli_usage_error(STATUS_CMD, msg);
	}
	*out = n;
	return 0;
}

/* report_enum reads an option naming an enum value (lookup). */
static int report_enum(const char *name, const char *v, int (*lookup)(const char *),
		       const char *choices, int *out)
{
	int x = lookup(v);
	if (x < 0) {
		char msg[160];
		snprintf(msg, sizeof msg, "--%s must be %s", name, choices);
		return cli_usage_error(STATUS_CMD, msg);
	}
	*out = x;
	return 0;
}

static int report_add_id(const char *name, const char *v, int64_t *ids, int *n)
{
	if (*n >= REPORT_SELECTED_MAX) {
		char msg[128];
		snprintf(msg, sizeof msg, "--%s may be given at most %d times", name,
			 REPORT_SELECTED_MAX);
		return cli_usage_error(STATUS_CMD, msg);
	}
	return report_id(name, v, &ids[(*n)++]);
}

static int report_set_action(struct report_args *a, enum report_action act, const char *v)
{
	if (a->action != REPORT_ACTION_NONE)
		return cli_usage_error(STATUS_CMD, "give one of --preview, --send, --send-preview "
				       "and --resume");
	a->action = act;
	if (v)
		return report_id(act == REPORT_ACTION_RESUME ? "resume" : "send-preview", v,
				 &a->id);
	return 0;
}

/* report_status_option reads one option of `report status` (not a mail option). */
static int report_status_option(struct report_args *a, int ch, const char *name, const char *v)
{
	struct report_options *o = &a->o;
	int x = 0, rc = 0;
	switch (ch) {
	case 'd': a->db = v; return 0;
	case 'Q': a->queue_only = true; return 0;
	case 'o': return report_id(name, v, &o->office_id);
	case 'm': return report_id(name, v, &o->case_manager_id);
	case 'A':
		rc = report_enum(name, v, report_advisors_lookup, "all, primary or selected", &x);
		o->advisors = (enum store_report_advisors)x;
		return rc;
	case 'a': return report_add_id(name, v, o->advisor_ids, &o->n_advisors);
	case 'C':
		rc = report_enum(name, v, report_cases_lookup, "follow_up, all, stage or selected",
				 &x);
		o->cases = (enum store_report_cases)x;
		return rc;
	case 's': return report_id(name, v, &o->stage_status_id);
	case 'c': return report_add_id(name, v, o->case_ids, &o->n_cases);
	case 'i': o->informal = true; return 0;
	case 'I': o->informal_child = true; return 0;
	case 'g': o->group = true; return 0;
	case 'P': o->pos_requirements = true; return 0;
	case 'M':
		rc = report_enum(name, v, report_method_lookup, "preferred, email or print", &x);
		o->method = (enum report_method)x;
		return rc;
	case '1': o->one_case_per_letter = true; return 0;
	case 'L': o->show_logo = true; return 0;
	case 'k':
		rc = report_enum(name, v, report_mask_lookup, "none, policy, name or both", &x);
		o->mask = (enum report_mask)x;
		return rc;
	case 'S':
		if (strlen(v) > REPORT_SUBJECT_MAX)
			return cli_usage_error(STATUS_CMD,
					       "--subject must be at most 200 bytes long");
		snprintf(o->subject, sizeof o->subject, "%s", v);
		return 0;
	case 'p': return report_set_action(a, REPORT_ACTION_PREVIEW, NULL);
	case 'n': return report_set_action(a, REPORT_ACTION_SEND, NULL);
	case 'N': return report_set_action(a, REPORT_ACTION_SEND_PREVIEW, v);
	case 'r': return report_set_action(a, REPORT_ACTION_RESUME, v);
	case 'l': a->letters = v; return 0;
	case 'j': a->json = true; return 0;
	default: return cli_usage_error(STATUS_CMD, "unknown option");
	}
}

/* report_status_parse reads the command line; -1 after printing the help. */
static int report_status_parse(int argc, char **argv, struct report_args *a)
{
	static const struct option status_opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"office", required_argument, NULL, 'o'},
		{"case-manager", required_argument, NULL, 'm'},
		{"advisors", required_argument, NULL, 'A'},
		{"advisor", required_argument, NULL, 'a'},
		{"cases", required_argument, NULL, 'C'},
		{"stage", required_argument, NULL, 's'},
		{"case", required_argument, NULL, 'c'},
		{"include-informal", no_argument, NULL, 'i'},
		{"include-informal-child", no_argument, NULL, 'I'},
		{"include-group", no_argument, NULL, 'g'},
		{"include-pos", no_argument, NULL, 'P'},
		{"method", required_argument, NULL, 'M'},
		{"one-case-per-letter", no_argument, NULL, '1'},
		{"logo", no_argument, NULL, 'L'},
		{"mask", required_argument, NULL, 'k'},
		{"subject", required_argument, NULL, 'S'},
		{"preview", no_argument, NULL, 'p'},
		{"send", no_argument, NULL, 'n'},
		{"send-preview", required_argument, NULL, 'N'},
		{"resume", required_argument, NULL, 'r'},
		{"letters", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{"queue-only", no_argument, NULL, 'Q'},
		{"help", no_argument, NULL, 'h'},
	};
	enum { N_STATUS = sizeof status_opts / sizeof status_opts[0] };
	struct option opts[N_STATUS + CLI_MAIL_OPT_COUNT + 1];
	size_t n = 0;
	memcpy(opts, status_opts, sizeof status_opts);
	n = N_STATUS;
	cli_mail_add_options(opts, &n);
	memset(&opts[n], 0, sizeof opts[n]);

	int ch, idx = 0, rc = 0;
	opterr = 0;
	optind = 1;
	while (rc == 0 && (ch = getopt_long(argc, argv, ":", opts, &idx)) != -1) {
		const char *name = opts[idx].name;
		if (ch == 'h') {
			printf(report_status_help, cli_mail_help);
			return -1;
		}
		if (ch == ':')
			return cli_missing_value(STATUS_CMD, argv[optind - 1]);
		if (ch == '?')
			return cli_unknown_option(STATUS_CMD, argv[optind - 1]);
		if (ch >= CLI_MAIL_OPT_FIRST && ch < CLI_MAIL_OPT_FIRST + CLI_MAIL_OPT_COUNT)
			rc = cli_mail_option(STATUS_CMD, ch, name, optarg, &a->mail);
		else
			rc = report_status_option(a, ch, name, optarg);
		idx = 0;
	}
	if (rc != 0)
		return rc;
	if (optind < argc)
		return cli_usage_error(STATUS_CMD, "unexpected argument");
	if (!a->db)
		return cli_usage_error(STATUS_CMD, "give the database with --db");
	if (a->action == REPORT_ACTION_NONE)
		return cli_usage_error(STATUS_CMD, "say what to do: --preview, --send, "
				       "--send-preview ID or --resume SEND");
	if (a->letters && a->action == REPORT_ACTION_PREVIEW)
		return cli_usage_error(STATUS_CMD, "--letters goes with a send, not --preview");
	return cli_mail_finish(STATUS_CMD, &a->mail);
}

/* report_flag names the command-line option of an options member a problem names. */
static const char *report_flag(const char *field)
{
	static const char *const map[][2] = {
		{"office_id", "--office"}, {"case_manager_id", "--case-manager"},
		{"advisors", "--advisors"}, {"advisor_ids", "--advisor"}, {"cases", "--cases"},
		{"stage_status_id", "--stage"}, {"case_ids", "--case"}, {"method", "--method"},
		{"mask", "--mask"}, {"subject", "--subject"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], field) == 0)
			return map[i][1];
	return field;
}

/* report_fail tells why a domain call failed: a usage error for bad options, else 1. */
static int report_fail(const struct err *e)
{
	if ((e->code == ERR_UNPROCESSABLE || e->code == ERR_INVALID) && e->field[0]) {
		char msg[400];
		snprintf(msg, sizeof msg, "%s: %s", report_flag(e->field), e->message);
		return cli_usage_error(STATUS_CMD, msg);
	}
	fprintf(stderr, "caseload " STATUS_CMD ": %s\n", e->message);
	return CLI_FAILED;
}

/* ---- report status: printing ------------------------------------------------------------ */

/* report_print_line prints one report of a preview or result (report_line_each_fn), as it
 * comes, so printing a large send holds one report at a time. */
static int report_print_line(const struct report_line *l, void *ctx)
{
	(void)ctx;
	const struct store_report_item *it = l->item;
	if (l->outcome[0])
		printf("  %-28s %-6s %-9s ", it->advisor_name, it->method, l->outcome);
	else
		printf("  %-28s %-6s %-36s ", it->advisor_name, it->method, it->address);
	for (int i = 0; i < l->n_cases; i++)
		printf("%s%s", i ? ", " : "",
		       l->cases[i].number[0] ? l->cases[i].number : l->cases[i].name);
	printf("\n");
	if (l->reason[0]) {
		printf("      why: %s\n", l->reason);
	} else if (!l->outcome[0] && it->issues[0]) {
		char issues[STORE_REPORT_ISSUES_MAX + 1];
		report_issues_text(it->issues, issues, sizeof issues);
		printf("      issues: %s\n", issues);
	}
	return 0;
}

static const char *report_plural(int64_t n)
{
	return n == 1 ? "" : "s";
}

/* report_print_preview prints a preview's reports, then what they add up to. */
static int report_print_preview(struct store_conn *c, const struct actor *a, int64_t id)
{
	struct report_counts k;
	struct err e;
	err_clear(&e);
	if (report_preview_walk(c, a, id, report_print_line, NULL, &k, &e) != 0)
		return report_fail(&e);
	printf("Preview %lld: %lld report%s for %lld advisor%s over %lld case%s (%lld by e-mail, "
	       "%lld by letter), %lld with issues\n", (long long)id, (long long)k.reports,
	       report_plural(k.reports), (long long)k.advisors, report_plural(k.advisors),
	       (long long)k.cases, report_plural(k.cases), (long long)k.email,
	       (long long)k.letter, (long long)k.issues);
	return CLI_OK;
}

/* report_print_result prints a send's reports and their outcome, then the totals; *failed
 * says whether a report failed, *unfinished whether the send is not finished. */
static int report_print_result(struct store_conn *c, const struct actor *a, int64_t id,
			       struct store_report_send *s, bool *failed, bool *unfinished)
{
	struct report_counts k;
	bool done = false;
	struct err e;
	err_clear(&e);
	if (report_result(c, a, id, s, report_print_line, NULL, &k, &done, &e) != 0)
		return report_fail(&e);
	printf("Send %lld of preview %lld: %s, %s; letters %s", (long long)id,
	       (long long)s->preview_id, s->state, done ? "done" : "not finished",
	       s->letters_state);
	if (strcmp(s->letters_state, "done") == 0)
		printf(" (%lld page%s)", (long long)s->letters_pages,
		       report_plural(s->letters_pages));
	if (s->letters_error[0])
		printf(" (%s)", s->letters_error);
	printf("\n%lld e-mailed, %lld printed, %lld queued, %lld failed, %lld in doubt\n",
	       (long long)k.emailed, (long long)k.printed, (long long)k.queued,
	       (long long)k.failed, (long long)k.in_doubt);
	*failed = k.failed > 0;
	*unfinished = !done;
	return CLI_OK;
}

/* report_json_print prints j indented (j is not taken). */
static void report_json_print(const json_t *j)
{
	char *text = json_dumps(j, JSON_INDENT(2));
	if (text)
		printf("%s\n", text);
	free(text);
}

/* report_json_result prints a send's result as the API gives it (like report_print_result). */
static int report_json_result(struct store_conn *c, const struct actor *a, int64_t id,
			      struct store_report_send *s, bool *failed, bool *unfinished)
{
	struct err e;
	err_clear(&e);
	json_t *j = report_result_to_json(c, a, id, &e);
	if (!j)
		return report_fail(&e);
	report_json_print(j);
	const json_t *k = json_object_get(j, "counts");
	*failed = json_integer_value(json_object_get(k, "failed")) > 0;
	*unfinished = !json_is_true(json_object_get(j, "done"));
	json_decref(j);
	return store_report_send_get(c, id, s) == STORE_OK ? CLI_OK : CLI_FAILED;
}

/* report_print_json prints a preview as the API gives it. */
static int report_print_json(struct store_conn *c, const struct actor *a, int64_t id)
{
	struct err e;
	err_clear(&e);
	json_t *j = report_preview_to_json(c, a, id, &e);
	if (!j)
		return report_fail(&e);
	report_json_print(j);
	json_decref(j);
	return CLI_OK;
}

static int report_file_write(const void *data, size_t len, void *ctx)
{
	return fwrite(data, 1, len, ctx) != len;
}

/* report_write_letters writes the send's letters PDF to path (when there are letters). */
static int report_write_letters(struct store_conn *c, const struct actor *a,
				const struct store_report_send *s, const char *path)
{
	const char *state = s->letters_state;
	if (strcmp(state, "none") == 0) {
		fprintf(stderr, "caseload " STATUS_CMD ": the send has no letters; %s not "
			"written\n", path);
		return CLI_OK;
	}
	if (strcmp(state, "done") != 0) {
		fprintf(stderr, "caseload " STATUS_CMD ": the letters are %s; %s not written\n",
			state, path);
		return CLI_FAILED;
	}
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return CLI_FAILED;
	}
	struct err e;
	err_clear(&e);
	int rc = report_letters_read(c, a, s->id, report_file_write, f, &e);
	if (fclose(f) != 0 && rc == 0)
		rc = err_set(&e, ERR_INTERNAL, NULL, "cannot write %s", path);
	if (rc != 0) {
		fprintf(stderr, "caseload " STATUS_CMD ": %s\n", e.message[0] ? e.message : path);
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* ---- report status: running ------------------------------------------------------------- */

/* report_start makes the preview (and the send) the action asks for; *send_id is 0 for a
 * preview only. */
static int report_start(struct store_conn *c, const struct actor *a, struct report_args *args,
			int64_t *preview_id, int64_t *send_id)
{
	struct err e;
	err_clear(&e);
	*preview_id = args->action == REPORT_ACTION_SEND_PREVIEW ? args->id : 0;
	*send_id = args->action == REPORT_ACTION_RESUME ? args->id : 0;
	if (args->action == REPORT_ACTION_PREVIEW || args->action == REPORT_ACTION_SEND) {
		if (report_preview(c, a, &args->o, preview_id, &e) != 0)
			return report_fail(&e);
	}
	if (args->action == REPORT_ACTION_SEND || args->action == REPORT_ACTION_SEND_PREVIEW) {
		bool created = false;
		if (report_send(c, a, *preview_id, send_id, &created, &e) != 0)
			return report_fail(&e);
		if (!created)
			fprintf(stderr, "caseload " STATUS_CMD ": preview %lld was sent before "
				"(send %lld); carrying that send on\n", (long long)*preview_id,
				(long long)*send_id);
	}
	return CLI_OK;
}

/* report_finish carries the send through, then prints its result and writes its letters. */
static int report_finish(struct store *s, const struct actor *a, struct report_args *args,
			 int64_t send_id)
{
	struct err e;
	err_clear(&e);
	char worker[40];
	outbox_worker_name(worker, sizeof worker);
	int rc = status_report_finish(s, &args->mail.cfg, worker, send_id, !args->queue_only, &e);
	if (rc != 0)
		fprintf(stderr, "caseload " STATUS_CMD ": %s\n", e.message);
	struct store_conn *c = store_acquire(s, 10000);
	if (!c) {
		fprintf(stderr, "caseload " STATUS_CMD ": the database is busy\n");
		return CLI_FAILED;
	}
	struct store_report_send snd;
	bool failed = false, unfinished = false;
	int out = args->json ? report_json_result(c, a, send_id, &snd, &failed, &unfinished)
			     : report_print_result(c, a, send_id, &snd, &failed, &unfinished);
	bool read = out == CLI_OK;
	/* with --queue-only the e-mails are left queued on purpose: not a failure */
	if (read && (rc != 0 || failed || (unfinished && !args->queue_only)))
		out = CLI_FAILED;
	if (read && args->letters && report_write_letters(c, a, &snd, args->letters) != CLI_OK)
		out = CLI_FAILED;
	store_release(s, c);
	return out;
}

/* report_bulk suits both connections of the command's pool to the send (store_bulk); a
 * connection it cannot change just stays as it is. */
static void report_bulk(struct store *s)
{
	struct store_conn *c1 = store_acquire(s, 10000);
	struct store_conn *c2 = store_acquire(s, 100);
	if (c1)
		(void)store_bulk(c1);
	if (c2) {
		(void)store_bulk(c2);
		store_release(s, c2);
	}
	if (c1)
		store_release(s, c1);
}

static int report_status(int argc, char **argv)
{
	struct report_args *args = calloc(1, sizeof *args);
	if (!args)
		return CLI_FAILED;
	report_options_defaults(&args->o);
	cli_mail_init(&args->mail);
	int rc = report_status_parse(argc, argv, args);
	struct store *s = NULL;
	if (rc != 0) {
		rc = rc < 0 ? CLI_OK : rc;
		goto done;
	}
	if (cli_open_current(args->db, 2, &s) != CLI_OK) {
		rc = CLI_FAILED;
		goto done;
	}
	struct actor a;
	actor_system(&a);
	report_bulk(s);
	struct store_conn *c = store_acquire(s, 10000);
	if (!c) {
		fprintf(stderr, "caseload " STATUS_CMD ": the database is busy\n");
		rc = CLI_FAILED;
		goto done;
	}
	int64_t preview_id = 0, send_id = 0;
	rc = report_start(c, &a, args, &preview_id, &send_id);
	if (rc == CLI_OK && args->action == REPORT_ACTION_PREVIEW) {
		if (args->json)
			rc = report_print_json(c, &a, preview_id);
		else
			rc = report_print_preview(c, &a, preview_id);
	}
	store_release(s, c);
	if (rc == CLI_OK && send_id)
		rc = report_finish(s, &a, args, send_id);
done:
	store_close(s);
	free(args);
	return rc;
}

/* ---- report outbox ---------------------------------------------------------------------- */

#define OUTBOX_CMD "report outbox"

struct report_outbox_page {
	int64_t last;
	int n;
};

static int report_outbox_row(const struct store_mail *m, void *ctx)
{
	struct report_outbox_page *p = ctx;
	p->last = m->id;
	p->n++;
	printf("%-6lld %-9s %-2lld %-24s %-32s %s%s%s\n", (long long)m->id, m->state,
	       (long long)m->attempts, m->run_id, m->rcpt_to, m->subject,
	       m->last_error[0] ? "  error: " : "", m->last_error);
	return 0;
}

static int report_outbox(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"state", required_argument, NULL, 's'},
		{"resolve", required_argument, NULL, 'r'},
		{"as", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *db = NULL, *state = "", *as = NULL;
	int64_t resolve = 0;
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 's': state = optarg; break;
		case 'r': {
			char *end = NULL;
			resolve = strtoll(optarg, &end, 10);
			if (!*optarg || *end || resolve <= 0)
				return cli_usage_error(OUTBOX_CMD,
						       "--resolve must be a positive id");
			break;
		}
		case 'a': as = optarg; break;
		case 'h': fputs(report_outbox_help, stdout); return CLI_OK;
		case ':': return cli_missing_value(OUTBOX_CMD, argv[optind - 1]);
		default: return cli_unknown_option(OUTBOX_CMD, argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error(OUTBOX_CMD, "unexpected argument");
	if (!db)
		return cli_usage_error(OUTBOX_CMD, "give the database with --db");
	if (!resolve != !as)
		return cli_usage_error(OUTBOX_CMD, "--resolve ID and --as sent|resend go together");
	if (as && strcmp(as, "sent") != 0 && strcmp(as, "resend") != 0)
		return cli_usage_error(OUTBOX_CMD, "--as must be sent or resend");
	if (state[0] && !outbox_state_valid(state))
		return cli_usage_error(OUTBOX_CMD, "--state must be pending, sending, sent, failed "
				       "or in_doubt");
	struct store *s = NULL;
	if (cli_open_current(db, 1, &s) != CLI_OK)
		return CLI_FAILED;
	struct store_conn *c = store_acquire(s, 10000);
	struct actor a;
	actor_system(&a);
	struct err e;
	err_clear(&e);
	int rc = c ? 0 : err_set(&e, ERR_BUSY, NULL, "the database is busy");
	if (rc == 0 && resolve) {
		rc = outbox_resolve(c, &a, resolve, as, &e);
		if (rc == 0)
			printf("e-mail %lld: %s\n", (long long)resolve,
			       strcmp(as, "sent") == 0 ? "marked sent"
						       : "queued to be sent once more");
	} else if (rc == 0) {
		struct report_outbox_page p = {0};
		printf("%-6s %-9s %-2s %-24s %-32s %s\n", "ID", "STATE", "TR", "RUN", "TO",
		       "SUBJECT");
		do {
			int64_t after = p.last;
			p.n = 0;
			rc = outbox_list(c, &a, state, "", after, 200, report_outbox_row, &p, &e);
		} while (rc == 0 && p.n == 200);
	}
	if (c)
		store_release(s, c);
	store_close(s);
	if (rc != 0) {
		fprintf(stderr, "caseload " OUTBOX_CMD ": %s\n", e.message);
		return CLI_FAILED;
	}
	return CLI_OK;
}

int cli_report(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("report", "name what to do: status or outbox");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(report_help, stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "status") == 0)
		return report_status(argc - 1, argv + 1);
	if (strcmp(argv[1], "outbox") == 0)
		return report_outbox(argc - 1, argv + 1);
	char msg[160];
	snprintf(msg, sizeof msg, "unknown action '%s'; the actions are status and outbox",
		 argv[1]);
	return cli_usage_error("report", msg);
}
