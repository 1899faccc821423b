/* user.c - `caseload user add|list|passwd`: managing logins from the shell (first admin, resets).
 * The rules are the same as the API's: domain/user.c, acting as the system. */
#include "cli/cli.h"
#include "core/clock.h"
#include "domain/user.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char user_help[] =
	"usage: caseload user add --db DB --login L --name N [--email E] --role ROLE [--office ID]\n"
	"                         --password-stdin\n"
	"       caseload user list --db DB\n"
	"       caseload user passwd --db DB --login L --password-stdin\n\n"
	"ROLE is admin, staff, advisor or client. Passwords are read from standard input (one line),\n"
	"never from the command line; they must be 12 to 128 characters.\n";

struct user_args {
	const char *db, *login, *name, *email, *role;
	int64_t office;
	int password_stdin;
};

static int user_parse(int argc, char **argv, struct user_args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"login", required_argument, NULL, 'l'},
		{"name", required_argument, NULL, 'n'},
		{"email", required_argument, NULL, 'e'},
		{"role", required_argument, NULL, 'r'},
		{"office", required_argument, NULL, 'o'},
		{"password-stdin", no_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	int ch;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': a->db = optarg; break;
		case 'l': a->login = optarg; break;
		case 'n': a->name = optarg; break;
		case 'e': a->email = optarg; break;
		case 'r': a->role = optarg; break;
		case 'o': a->office = strtoll(optarg, NULL, 10); break;
		case 'p': a->password_stdin = 1; break;
		case 'h': fputs(user_help, stdout); return -1;
		case ':': return cli_missing_value("user", argv[optind - 1]);
		default: return cli_unknown_option("user", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("user", "unexpected argument");
	if (!a->db)
		return cli_usage_error("user", "give the database with --db");
	return 0;
}

static int user_add(struct store *s, const struct user_args *a)
{
	if (!a->login || !a->name || !a->role)
		return cli_usage_error("user", "add needs --login, --name and --role");
	if (!a->password_stdin)
		return cli_usage_error("user", "give the password on standard input with --password-stdin");
	struct user_fields f = {0};
	f.present = USER_F_LOGIN | USER_F_NAME | USER_F_ROLE | USER_F_PASSWORD;
	snprintf(f.login, sizeof f.login, "%s", a->login);
	snprintf(f.name, sizeof f.name, "%s", a->name);
	snprintf(f.role, sizeof f.role, "%s", a->role);
	if (a->email) {
		snprintf(f.email, sizeof f.email, "%s", a->email);
		f.present |= USER_F_EMAIL;
	}
	if (a->office) {
		f.office_id = a->office;
		f.present |= USER_F_OFFICE;
	}
	if (cli_read_password(f.password, sizeof f.password) != CLI_OK)
		return CLI_FAILED;
	struct actor sys;
	actor_system(&sys);
	struct store_conn *c = store_acquire(s, 10000);
	struct err e;
	err_clear(&e);
	struct store_user u;
	int rc = c ? user_create(c, &sys, &f, &u, &e) : err_set(&e, ERR_BUSY, NULL, "database busy");
	store_release(s, c);
	sodium_memzero(f.password, sizeof f.password);
	if (rc != 0) {
		fprintf(stderr, "caseload user add: %s%s%s\n", e.field[0] ? e.field : "",
			e.field[0] ? ": " : "", e.message);
		return CLI_FAILED;
	}
	printf("user %lld added: %s (%s)\n", (long long)u.id, u.login, u.role);
	return CLI_OK;
}

static int user_print(const struct store_user *u, void *ctx)
{
	char when[32];
	clock_format_utc(u->created_at, when);
	printf("%-6lld %-20s %-28s %-8s %-7s %s\n", (long long)u->id, u->login, u->name, u->role,
	       u->active ? "active" : "off", when);
	return 0;
}

static int user_list_all(struct store *s)
{
	struct actor sys;
	actor_system(&sys);
	struct store_conn *c = store_acquire(s, 10000);
	struct err e;
	err_clear(&e);
	printf("%-6s %-20s %-28s %-8s %-7s %s\n", "ID", "LOGIN", "NAME", "ROLE", "STATE", "CREATED");
	int rc = c ? user_list(c, &sys, 0, 1000000, user_print, NULL, &e) : ERR_BUSY;
	store_release(s, c);
	if (rc != 0) {
		fprintf(stderr, "caseload user list: %s\n", e.message);
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int user_passwd(struct store *s, const struct user_args *a)
{
	if (!a->login || !a->password_stdin)
		return cli_usage_error("user", "passwd needs --login and --password-stdin");
	char pw[PASSWORD_MAX_CHARS * 4 + 2];
	if (cli_read_password(pw, sizeof pw) != CLI_OK)
		return CLI_FAILED;
	struct actor sys;
	actor_system(&sys);
	struct store_conn *c = store_acquire(s, 10000);
	struct err e;
	err_clear(&e);
	struct store_user u;
	int rc = c ? user_get_by_login(c, &sys, a->login, &u, &e) : ERR_BUSY;
	if (rc == 0)
		rc = user_set_password(c, &sys, u.id, pw, &e);
	store_release(s, c);
	sodium_memzero(pw, sizeof pw);
	if (rc != 0) {
		fprintf(stderr, "caseload user passwd: %s\n", e.message);
		return CLI_FAILED;
	}
	printf("password of %s changed; their sessions have ended\n", u.login);
	return CLI_OK;
}

int cli_user(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(user_help, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 && strcmp(sub, "passwd") != 0)
		return cli_usage_error("user", "the subcommand must be add, list or passwd");
	struct user_args a = {0};
	int rc = user_parse(argc - 1, argv + 1, &a);
	if (rc != 0)
		return rc < 0 ? CLI_OK : rc;
	struct store *s = NULL;
	if (cli_open_current(a.db, 1, &s) != CLI_OK)
		return CLI_FAILED;
	if (strcmp(sub, "add") == 0)
		rc = user_add(s, &a);
	else if (strcmp(sub, "list") == 0)
		rc = user_list_all(s);
	else
		rc = user_passwd(s, &a);
	store_close(s);
	return rc;
}
