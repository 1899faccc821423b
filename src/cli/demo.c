/* demo.c - `caseload demo`: offices and one login per role, so a new install can be tried at
 * once. Idempotent: what exists is left alone. Later issues add demo cases here. */
#include "cli/cli.h"
#include "domain/office.h"
#include "domain/user.h"

#include <stdio.h>
#include <string.h>

static const char demo_help[] =
	"usage: caseload demo --db DB\n\n"
	"Loads demo offices and logins (one per role) into an initialised database and prints the\n"
	"logins. Running it again changes nothing that exists.\n";

struct demo_login {
	const char *login, *name, *email, *role, *password;
};

static const struct demo_login demo_logins[] = {
	{"admin", "Ada Admin", "ada.admin@example.com", "admin", "caseload-admin-1"},
	{"paula", "Paula Lane", "paula.lane@example.com", "staff", "caseload-staff-1"},
	{"avery", "Avery Brooks", "avery.brooks@example.com", "advisor", "caseload-advisor-1"},
	{"clara", "Clara Client", "clara.client@example.com", "client", "caseload-client-1"},
};

static const char *const demo_offices[][4] = {
	{"Main Office", "100 Main Street\nSpringfield, IL 62701", "+1 217 555 0100", "main@example.com"},
	{"Downtown Office", "25 Market Plaza, Suite 400\nChicago, IL 60601", "+1 312 555 0144", "downtown@example.com"},
};

struct demo_find {
	const char *name;
	int64_t id;
};

static int demo_find_office(const struct store_office *o, void *ctx)
{
	struct demo_find *f = ctx;
	if (strcmp(o->name, f->name) == 0) {
		f->id = o->id;
		return 1;
	}
	return 0;
}

/* demo_office returns the id of the named office, creating it if needed; 0 on failure. */
static int64_t demo_office(struct store_conn *c, const struct actor *sys, const char *const o[4])
{
	struct err e;
	err_clear(&e);
	struct demo_find f = {o[0], 0};
	if (office_list(c, sys, demo_find_office, &f, &e) != 0 || f.id)
		return f.id;
	struct office_fields in = {0};
	in.present = OFFICE_F_NAME | OFFICE_F_ADDRESS | OFFICE_F_PHONE | OFFICE_F_EMAIL;
	snprintf(in.name, sizeof in.name, "%s", o[0]);
	snprintf(in.address, sizeof in.address, "%s", o[1]);
	snprintf(in.phone, sizeof in.phone, "%s", o[2]);
	snprintf(in.email, sizeof in.email, "%s", o[3]);
	struct store_office out;
	if (office_create(c, sys, &in, &out, &e) != 0) {
		fprintf(stderr, "caseload demo: office %s: %s\n", o[0], e.message);
		return 0;
	}
	return out.id;
}

static int demo_user(struct store_conn *c, const struct actor *sys, const struct demo_login *d,
		     int64_t office)
{
	struct store_user u;
	if (store_user_get_by_login(c, d->login, &u) == STORE_OK)
		return 0;
	struct user_fields f = {0};
	f.present = USER_F_LOGIN | USER_F_NAME | USER_F_EMAIL | USER_F_ROLE | USER_F_PASSWORD |
		    USER_F_OFFICE;
	snprintf(f.login, sizeof f.login, "%s", d->login);
	snprintf(f.name, sizeof f.name, "%s", d->name);
	snprintf(f.email, sizeof f.email, "%s", d->email);
	snprintf(f.role, sizeof f.role, "%s", d->role);
	snprintf(f.password, sizeof f.password, "%s", d->password);
	f.office_id = office;
	struct err e;
	err_clear(&e);
	if (user_create(c, sys, &f, &u, &e) != 0) {
		fprintf(stderr, "caseload demo: user %s: %s\n", d->login, e.message);
		return -1;
	}
	return 1;
}

int cli_demo(int argc, char **argv)
{
	const char *db = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			fputs(demo_help, stdout);
			return CLI_OK;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
		} else {
			return cli_unknown_option("demo", argv[i]);
		}
	}
	if (!db)
		return cli_usage_error("demo", "give the database with --db");
	struct store *s = NULL;
	if (cli_open_current(db, 1, &s) != CLI_OK)
		return CLI_FAILED;
	struct store_conn *c = store_acquire(s, 10000);
	struct actor sys;
	actor_system(&sys);
	int64_t main_office = demo_office(c, &sys, demo_offices[0]);
	int64_t second = demo_office(c, &sys, demo_offices[1]);
	int made = 0, failed = 0;
	for (size_t i = 0; i < sizeof demo_logins / sizeof demo_logins[0]; i++) {
		int rc = demo_user(c, &sys, &demo_logins[i], i == 2 ? second : main_office);
		made += rc > 0;
		failed += rc < 0;
	}
	store_release(s, c);
	store_close(s);
	if (failed || !main_office || !second)
		return CLI_FAILED;
	printf("demo data %s. Logins:\n", made ? "loaded" : "already present");
	for (size_t i = 0; i < sizeof demo_logins / sizeof demo_logins[0]; i++)
		printf("  %-8s %-20s (%s)\n", demo_logins[i].login, demo_logins[i].password,
		       demo_logins[i].role);
	return CLI_OK;
}
