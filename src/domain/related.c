/* related.c - rules for related and other cases (see related.h). The briefs' staff columns
 * come from the store (roles with category attorney, paralegal, case_manager). Parties are
 * domain/party.c. */
#include "domain/related.h"
#include "core/clock.h"
#include "domain/case.h"
#include "domain/timeline.h"
#include "domain/user.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- lists of case briefs --------------------------------------------------------------- */

struct related_briefs {
	struct store_case_brief *items;
	size_t n, cap;
	bool no_memory;
};

static int related_collect(const struct store_case_brief *b, void *ctx)
{
	struct related_briefs *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct store_case_brief *items = realloc(l->items, cap * sizeof *items);
		if (!items) {
			l->no_memory = true;
			return 1;
		}
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = *b;
	return 0;
}

/* related_walk walks the related (other = false) or other cases (other = true) of a case the
 * actor can see. Someone who sees every case gets the store's walk as it is; anyone else only
 * the briefs of cases in their scope, so the lists do not show what the case list hides. */
static int related_walk(struct store_conn *c, const struct actor *a, int64_t case_id, bool other,
			store_case_brief_each_fn each, void *ctx, struct err *e)
{
	struct store_case k;
	int rc = case_load(c, a, case_id, &k, e);
	if (rc != 0)
		return rc;
	struct store_scope scope;
	case_scope(a, &scope);
	const char *what = other ? "other cases" : "related cases";
	if (scope.all) {
		rc = other ? store_other_cases(c, case_id, each, ctx)
			   : store_related_list(c, case_id, each, ctx);
		return user_store_error(rc, what, e);
	}
	/* Collected first: the store is not asked again while one of its walks is running. */
	struct related_briefs l = {0};
	rc = other ? store_other_cases(c, case_id, related_collect, &l)
		   : store_related_list(c, case_id, related_collect, &l);
	if (l.no_memory)
		rc = err_set(e, ERR_INTERNAL, NULL, "out of memory listing %s", what);
	else
		rc = user_store_error(rc, what, e);
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		int got = store_case_get(c, &scope, l.items[i].id, &k);
		if (got == STORE_OK) {
			if (each(&l.items[i], ctx) != 0)
				break;
		} else if (got != STORE_NOT_FOUND) {
			rc = user_store_error(got, what, e);
		}
	}
	free(l.items);
	return rc;
}

int related_list(struct store_conn *c, const struct actor *a, int64_t case_id,
		 store_case_brief_each_fn each, void *ctx, struct err *e)
{
	return related_walk(c, a, case_id, false, each, ctx, e);
}

int related_other_cases(struct store_conn *c, const struct actor *a, int64_t case_id,
			store_case_brief_each_fn each, void *ctx, struct err *e)
{
	return related_walk(c, a, case_id, true, each, ctx, e);
}

/* ---- related cases ---------------------------------------------------------------------- */

struct related_tx {
	const struct actor *a;
	int64_t case_id, other_id;
	struct store_case_brief *brief;
};

/* related_start loads the case (not found first) and checks the right to change it. */
static int related_start(struct store_conn *c, const struct related_tx *t, struct store_case *k,
			 struct err *e)
{
	return case_load_for_edit(c, t->a, t->case_id, k, e);
}

/* related_label names a case in an event: its number (or #id when it has none) and name. */
static void related_label(const struct store_case *k, char *out, size_t size)
{
	if (k->number[0])
		snprintf(out, size, "%s %s", k->number, k->name);
	else
		snprintf(out, size, "#%lld %s", (long long)k->id, k->name);
}

/* related_events writes the event of type on both cases, each naming the other. */
static int related_events(struct store_conn *c, const struct actor *a, const char *type,
			  const char *verb, const struct store_case *one,
			  const struct store_case *two, struct err *e)
{
	char one_label[STORE_CASE_NUMBER_MAX + STORE_NAME_MAX + 24];
	char two_label[sizeof one_label];
	related_label(one, one_label, sizeof one_label);
	related_label(two, two_label, sizeof two_label);
	int rc = timeline_append(c, a, one->id, type, e, "Related case %s %s", two_label, verb);
	if (rc == 0)
		rc = timeline_append(c, a, two->id, type, e, "Related case %s %s", one_label, verb);
	return rc;
}

struct related_pick {
	int64_t id;
	struct store_case_brief *out;
	bool found;
};

static int related_pick_one(const struct store_case_brief *b, void *ctx)
{
	struct related_pick *p = ctx;
	if (b->id != p->id)
		return 0;
	*p->out = *b;
	p->found = true;
	return 1;
}

static int related_add_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct related_tx *t = ctx;
	struct store_case k, other;
	int rc = related_start(c, t, &k, e);
	if (rc != 0)
		return rc;
	if (t->other_id == t->case_id)
		return err_set(e, ERR_UNPROCESSABLE, "case_id", "a case cannot be related to itself");
	rc = case_load(c, t->a, t->other_id, &other, e);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, "case_id", "there is no case %lld",
			       (long long)t->other_id);
	if (rc != 0)
		return rc;
	rc = store_related_add(c, t->case_id, t->other_id, clock_now());
	if (rc == STORE_CONFLICT)
		return err_set(e, ERR_CONFLICT, "case_id", "the cases are already related");
	if (rc != STORE_OK)
		return user_store_error(rc, "related case", e);
	rc = related_events(c, t->a, "related.added", "added", &k, &other, e);
	if (rc != 0)
		return rc;
	struct related_pick pick = {.id = t->other_id, .out = t->brief};
	rc = store_related_list(c, t->case_id, related_pick_one, &pick);
	if (rc == STORE_OK && !pick.found)
		rc = STORE_NOT_FOUND;
	return user_store_error(rc, "related case", e);
}

int related_add(struct store_conn *c, const struct actor *a, int64_t case_id, int64_t other_id,
		struct store_case_brief *out, struct err *e)
{
	if (other_id <= 0)
		return err_set(e, ERR_UNPROCESSABLE, "case_id", "is required");
	struct related_tx t = {.a = a, .case_id = case_id, .other_id = other_id, .brief = out};
	return store_tx_run(c, related_add_fn, &t, e);
}

static int related_remove_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct related_tx *t = ctx;
	struct store_case k, other;
	int rc = related_start(c, t, &k, e);
	if (rc != 0)
		return rc;
	rc = store_related_remove(c, t->case_id, t->other_id);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, NULL, "the cases are not related");
	if (rc != STORE_OK)
		return user_store_error(rc, "related case", e);
	/* The other case may be out of the actor's scope, or deleted: its side of the link goes
	 * all the same, and a deleted case gets no new events. */
	struct store_scope all = {.all = true};
	rc = store_case_get(c, &all, t->other_id, &other);
	if (rc == STORE_NOT_FOUND) {
		return timeline_append(c, t->a, t->case_id, "related.removed", e,
				       "Related case #%lld removed", (long long)t->other_id);
	}
	if (rc != STORE_OK)
		return user_store_error(rc, "related case", e);
	return related_events(c, t->a, "related.removed", "removed", &k, &other, e);
}

int related_remove(struct store_conn *c, const struct actor *a, int64_t case_id,
		   int64_t other_id, struct err *e)
{
	struct related_tx t = {.a = a, .case_id = case_id, .other_id = other_id};
	return store_tx_run(c, related_remove_fn, &t, e);
}
