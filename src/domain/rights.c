/* rights.c - right names, role defaults and the effective-rights calculation (see rights.h). */
#include "domain/rights.h"

#include <stdio.h>
#include <string.h>

static const struct right_info right_table[RIGHT__COUNT] = {
	[RIGHT_ADMIN] = {"admin", "Set up offices, users and their rights, case types, statuses, "
		"picklists, templates and rules", "admin"},
	[RIGHT_CASE_CREATE] = {"case_create", "Open new cases", "admin staff"},
	[RIGHT_CASE_EDIT] = {"case_edit", "Change cases: statuses, staff, notes, tasks and dates",
		"admin staff"},
	[RIGHT_CASE_EDIT_NAME_NUMBER] = {"case_edit_name_number",
		"Change a case's name and number after it is opened", "admin"},
	[RIGHT_STATUS_REPORT_MASS_SEND] = {"status_report_mass_send",
		"Send case status reports to all advisors of an office at once", "admin"},
	[RIGHT_STATUS_REPORT_SELECTIVE_SEND] = {"status_report_selective_send",
		"Send case status reports to selected advisors or for selected cases", "admin staff"},
	[RIGHT_CLIENT_INVITE] = {"client_invite",
		"Invite a client to the client portal when opening a case", "admin staff"},
};

static const char *const roles[] = {"admin", "staff", "advisor", "client"};

const struct right_info *rights_info(enum right r)
{
	return &right_table[r];
}

int rights_lookup(const char *name)
{
	for (int i = 0; i < RIGHT__COUNT; i++)
		if (strcmp(right_table[i].name, name) == 0)
			return i;
	return -1;
}

bool rights_role_valid(const char *role)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i], role) == 0)
			return true;
	return false;
}

/* rights_role_listed says whether role appears as a word in the space-separated list. */
static bool rights_role_listed(const char *list, const char *role)
{
	size_t n = strlen(role);
	for (const char *p = list; (p = strstr(p, role)) != NULL; p += n) {
		bool starts = p == list || p[-1] == ' ';
		bool ends = p[n] == '\0' || p[n] == ' ';
		if (starts && ends)
			return true;
	}
	return false;
}

uint32_t rights_role_default(const char *role)
{
	uint32_t set = 0;
	for (int i = 0; i < RIGHT__COUNT; i++)
		if (rights_role_listed(right_table[i].default_roles, role))
			set |= 1u << i;
	return set;
}

int rights_effective(struct store_conn *c, const struct store_user *u, uint32_t *out,
		     struct err *e)
{
	struct store_right_override ov[RIGHT__COUNT * 2];
	int n = 0;
	*out = rights_role_default(u->role);
	int rc = store_right_list(c, u->id, ov, (int)(sizeof ov / sizeof ov[0]), &n);
	if (rc == STORE_RETRY)
		return err_set(e, ERR_BUSY, NULL, "the database is busy");
	if (rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "cannot read rights");
	for (int i = 0; i < n; i++) {
		int r = rights_lookup(ov[i].right);
		if (r < 0)
			continue;  /* a right this binary no longer knows */
		if (ov[i].granted)
			*out |= 1u << r;
		else
			*out &= ~(1u << r);
	}
	return 0;
}

bool rights_has(const struct actor *a, enum right r)
{
	return (a->rights & (1u << r)) != 0;
}

int rights_require(const struct actor *a, enum right r, struct err *e)
{
	if (rights_has(a, r))
		return 0;
	return err_set(e, ERR_FORBIDDEN, NULL, "this needs the right '%s'", right_table[r].name);
}

void actor_system(struct actor *a)
{
	memset(a, 0, sizeof *a);
	a->via = ACTOR_SYSTEM;
	snprintf(a->user.login, sizeof a->user.login, "system");
	snprintf(a->user.name, sizeof a->user.name, "System");
	snprintf(a->user.role, sizeof a->user.role, "admin");
	a->user.active = true;
	a->rights = (1u << RIGHT__COUNT) - 1;
}
