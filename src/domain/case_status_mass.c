/* case_status_mass.c - one status change for many cases (see case_status.h): which cases (ids or
 * a list filter, at most CASE_STATUS_MASS_MAX), a preview of what each goes from and to, and the
 * change itself, each case in its own transaction so one case that cannot change does not stop
 * the others. The change on one case is case_status_apply() in case_status.c. */
#include "domain/case.h"
#include "domain/case_status.h"
#include "domain/rights.h"
#include "domain/user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cases are found through the list filter page by page. */
#define CASE_MASS_PAGE 200

struct case_mass_ids {
	int64_t ids[CASE_STATUS_MASS_MAX + 1];
	int n;
	int64_t last_id;
};

static int case_mass_collect(const struct store_case *k, void *ctx)
{
	struct case_mass_ids *m = ctx;
	m->last_id = k->id;
	if (m->n > CASE_STATUS_MASS_MAX)
		return 1;
	m->ids[m->n++] = k->id;
	return 0;
}

/* case_mass_find fills m with the cases of the target: the ids given (without repeats) or the
 * filter's cases. */
static int case_mass_find(struct store_conn *c, const struct actor *a,
			  const struct case_mass_target *target, struct case_mass_ids *m,
			  struct err *e)
{
	m->n = 0;
	if (!target->filter) {
		if (target->n < 1)
			return err_set(e, ERR_UNPROCESSABLE, "case_ids", "give at least one case");
		for (int i = 0; i < target->n; i++) {
			bool seen = false;
			for (int j = 0; j < m->n && !seen; j++)
				seen = m->ids[j] == target->ids[i];
			if (seen)
				continue;
			if (m->n >= CASE_STATUS_MASS_MAX)
				return err_set(e, ERR_UNPROCESSABLE, "case_ids",
					       "at most %d cases at once", CASE_STATUS_MASS_MAX);
			m->ids[m->n++] = target->ids[i];
		}
		return 0;
	}
	struct store_case_filter *f = target->filter;
	f->before_id = 0;
	f->limit = CASE_MASS_PAGE;
	for (;;) {
		int before = m->n;
		m->last_id = 0;
		int rc = case_list(c, a, f, case_mass_collect, m, e);
		if (rc != 0)
			return rc;
		if (m->n > CASE_STATUS_MASS_MAX)
			return err_set(e, ERR_UNPROCESSABLE, "filter",
				       "finds more than %d cases; narrow it", CASE_STATUS_MASS_MAX);
		if (m->n - before < CASE_MASS_PAGE || m->last_id == 0)
			return 0;
		f->before_id = m->last_id;
	}
}

/* case_mass_look fills the item's case and from-status; "" problem when the case may change. */
static int case_mass_look(struct store_conn *c, const struct actor *a,
			  const struct case_status_plan *p, struct case_mass_item *it,
			  struct store_case *k, struct err *e)
{
	int rc = case_load(c, a, it->case_id, k, e);
	if (rc != 0)
		return rc;
	snprintf(it->number, sizeof it->number, "%s", k->number);
	snprintf(it->name, sizeof it->name, "%s", k->name);
	struct store_case_status cur;
	rc = store_case_status_current(c, k->id, p->type.id, &cur);
	it->has_from = rc == STORE_OK;
	if (rc == STORE_OK)
		snprintf(it->from, sizeof it->from, "%s", cur.status_name);
	else if (rc != STORE_NOT_FOUND)
		return user_store_error(rc, "case status", e);
	if (it->has_from && cur.status_id == p->status.id)
		return err_set(e, ERR_CONFLICT, "status_id", "the case's %s already is %s",
			       p->type.name, p->status.name);
	return 0;
}

struct case_mass_tx {
	const struct actor *a;
	const struct case_status_plan *p;
	struct case_mass_item *it;
};

static int case_mass_apply_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct case_mass_tx *t = ctx;
	struct store_case k;
	int rc = case_mass_look(c, t->a, t->p, t->it, &k, e);
	if (rc == 0)
		rc = case_status_apply(c, t->a, &k, t->p, NULL, e);
	return rc;
}

int case_status_mass(struct store_conn *c, const struct actor *a,
		     const struct case_mass_target *target, const struct case_status_fields *f,
		     bool apply, case_mass_each_fn each, void *ctx, int *count, int *changed,
		     struct err *e)
{
	*count = 0;
	*changed = 0;
	int rc = rights_require(a, RIGHT_CASE_EDIT, e);
	if (rc != 0)
		return rc;
	struct case_mass_ids *m = malloc(sizeof *m);
	if (!m)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	struct case_status_plan p;
	rc = case_mass_find(c, a, target, m, e);
	if (rc == 0)
		rc = case_status_plan_make(c, f, &p, e);
	for (int i = 0; rc == 0 && i < m->n; i++) {
		struct case_mass_item it;
		memset(&it, 0, sizeof it);
		it.case_id = m->ids[i];
		snprintf(it.to, sizeof it.to, "%s", p.status.name);
		struct err one;
		err_clear(&one);
		int r;
		if (apply) {
			struct case_mass_tx t = {.a = a, .p = &p, .it = &it};
			r = store_tx_run(c, case_mass_apply_fn, &t, &one);
		} else {
			struct store_case k;
			r = case_mass_look(c, a, &p, &it, &k, &one);
		}
		it.ok = r == 0;
		if (r != 0)
			snprintf(it.problem, sizeof it.problem, "%s", one.message);
		else if (apply)
			(*changed)++;
		(*count)++;
		if (each && each(&it, ctx) != 0)
			break;
	}
	free(m);
	return rc;
}
