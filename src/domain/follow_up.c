/* follow_up.c - the status report setup (see follow_up.h): each office's follow-up method and
 * its stages (interval and report text per stage status), what a sent report does to a case's
 * follow-up dates, and the firm-wide report settings (default subject, which requirement
 * statuses are listed). Choosing and sending reports is domain/report.c; the policy data that
 * holds the follow-up dates is domain/policy.c; offices themselves are domain/office.c. */
#include "domain/follow_up.h"
#include "core/clock.h"
#include "core/date.h"
#include "domain/rights.h"
#include "domain/setup.h"
#include "domain/user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FOLLOW_UP_KEY_SUBJECT "status_report.default_subject"
#define FOLLOW_UP_KEY_INCLUDE "status_report.include"

/* follow_up_require_read: the setup is for administrators and staff (and the system). */
static int follow_up_require_read(const struct actor *a, struct err *e)
{
	if (a->via == ACTOR_SYSTEM || strcmp(a->user.role, "admin") == 0 ||
	    strcmp(a->user.role, "staff") == 0)
		return 0;
	return err_set(e, ERR_FORBIDDEN, NULL,
		       "the status report setup is for administrators and staff");
}

/* ---- per office ------------------------------------------------------------------------- */

struct follow_up_read {
	struct follow_up_setup *out;
	bool overflow;
};

static int follow_up_stage_each(const struct store_follow_up_stage *s, void *ctx)
{
	struct follow_up_read *r = ctx;
	if (r->out->n_stages >= FOLLOW_UP_STAGES_MAX) {
		r->overflow = true;
		return 1;
	}
	r->out->stages[r->out->n_stages++] = *s;
	return 0;
}

/* follow_up_read_office reads an office's setup without a rights check. */
static int follow_up_read_office(struct store_conn *c, int64_t office_id,
				 struct follow_up_setup *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct follow_up_read r = {out, false};
	int rc = STORE_NOT_FOUND;
	if (office_id > 0)
		rc = store_follow_up_get(c, office_id, out->method, follow_up_stage_each, &r);
	if (rc != STORE_OK)
		return user_store_error(rc, "office", e);
	if (r.overflow)
		return err_set(e, ERR_INTERNAL, NULL, "the office has more than %d stages",
			       FOLLOW_UP_STAGES_MAX);
	return 0;
}

int follow_up_get(struct store_conn *c, const struct actor *a, int64_t office_id,
		  struct follow_up_setup *out, struct err *e)
{
	int rc = follow_up_require_read(a, e);
	if (rc != 0)
		return rc;
	return follow_up_read_office(c, office_id, out, e);
}

/* follow_up_check_stage checks stage i of a setup: a stage status, not given before, an
 * interval of 1..365 days, a report text that fits. */
static int follow_up_check_stage(struct store_conn *c, const struct follow_up_setup *in, int i,
				 struct err *e)
{
	const struct store_follow_up_stage *s = &in->stages[i];
	char field[48];
	snprintf(field, sizeof field, "stages[%d].status_id", i);
	struct store_setup_item st, type;
	int rc = s->status_id > 0 ? store_setup_get(c, SETUP_STATUS, s->status_id, &st)
				  : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNPROCESSABLE, field, "there is no status %lld",
			       (long long)s->status_id);
	if (rc == STORE_OK)
		rc = store_setup_get(c, SETUP_STATUS_TYPE, st.parent_id, &type);
	if (rc != STORE_OK)
		return user_store_error(rc, "status", e);
	if (!type.stage)
		return err_set(e, ERR_UNPROCESSABLE, field,
			       "'%s' is a status of '%s', not a stage status", st.name, type.name);
	for (int k = 0; k < i; k++)
		if (in->stages[k].status_id == s->status_id)
			return err_set(e, ERR_UNPROCESSABLE, field, "'%s' is there twice", st.name);
	if (s->interval_days < 1 || s->interval_days > 365) {
		snprintf(field, sizeof field, "stages[%d].interval_days", i);
		return err_set(e, ERR_UNPROCESSABLE, field, "must be from 1 to 365 days");
	}
	if (strlen(s->report_text) > STORE_DESCRIPTION_MAX) {
		snprintf(field, sizeof field, "stages[%d].report_text", i);
		return err_set(e, ERR_UNPROCESSABLE, field, "must be at most %d bytes",
			       STORE_DESCRIPTION_MAX);
	}
	return 0;
}

struct follow_up_tx {
	int64_t office_id;
	const struct follow_up_setup *in;
	struct store_follow_up_stage *rows;   /* the trimmed copy written */
};

static int follow_up_set_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct follow_up_tx *t = ctx;
	struct store_office o;
	int rc = user_store_error(store_office_get(c, t->office_id, &o), "office", e);
	for (int i = 0; rc == 0 && i < t->in->n_stages; i++)
		rc = follow_up_check_stage(c, t->in, i, e);
	if (rc != 0)
		return rc;
	rc = store_follow_up_set(c, t->office_id, t->in->method, t->rows, t->in->n_stages);
	return user_store_error(rc, "follow-up setup", e);
}

int follow_up_set(struct store_conn *c, const struct actor *a, int64_t office_id,
		  const struct follow_up_setup *in, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	if (strcmp(in->method, "none") != 0 && strcmp(in->method, "stage") != 0)
		return err_set(e, ERR_UNPROCESSABLE, "method", "must be none or stage");
	if (in->n_stages < 0 || in->n_stages > FOLLOW_UP_STAGES_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "stages", "at most %d stages",
			       FOLLOW_UP_STAGES_MAX);
	if (office_id <= 0)
		return err_set(e, ERR_NOT_FOUND, NULL, "office not found");
	struct store_follow_up_stage *rows = NULL;
	if (in->n_stages > 0) {
		rows = calloc((size_t)in->n_stages, sizeof *rows);
		if (!rows)
			return err_set(e, ERR_INTERNAL, NULL, "out of memory");
		memcpy(rows, in->stages, (size_t)in->n_stages * sizeof *rows);
		for (int i = 0; i < in->n_stages; i++)
			setup_trim(rows[i].report_text);
	}
	struct follow_up_tx t = {office_id, in, rows};
	rc = store_tx_run(c, follow_up_set_fn, &t, e);
	free(rows);
	return rc;
}

static int follow_up_ignore(const struct store_follow_up_stage *s, void *ctx)
{
	return 0;
}

bool follow_up_stage_based(struct store_conn *c, int64_t office_id)
{
	char method[8] = "";
	if (office_id <= 0 ||
	    store_follow_up_get(c, office_id, method, follow_up_ignore, NULL) != STORE_OK)
		return false;
	return strcmp(method, "stage") == 0;
}

/* follow_up_add_days writes date + days into out ("" when date is not a date). */
static void follow_up_add_days(const char *date, int64_t days, char out[STORE_DATE_LEN])
{
	int64_t day;
	if (!date_parse(date, &day)) {
		out[0] = '\0';
		return;
	}
	date_format(day + days, out);
}

/* follow_up_write stores next and last on the case's policy, making the row (formal) when the
 * case has none. Nothing is written when both are as they are. */
static int follow_up_write(struct store_conn *c, struct store_policy *p, bool exists,
			   const char *next, const char *last, struct err *e)
{
	if (strcmp(p->next_follow_up, next) == 0 && strcmp(p->last_follow_up, last) == 0)
		return 0;
	int rc;
	if (exists) {
		rc = store_policy_follow_up_set(c, p->case_id, next, last, clock_now());
	} else {
		snprintf(p->next_follow_up, sizeof p->next_follow_up, "%s", next);
		snprintf(p->last_follow_up, sizeof p->last_follow_up, "%s", last);
		rc = store_policy_put(c, p, clock_now());
	}
	return user_store_error(rc, "policy", e);
}

int follow_up_after_send_read(struct store_conn *c, const struct store_report_case *rc,
			      bool stage_based, const char *today, struct err *e)
{
	struct store_policy p = rc->policy;
	if (!rc->has_policy) {
		memset(&p, 0, sizeof p);
		p.case_id = rc->case_id;
		p.amount_cents = -1;
		snprintf(p.kind, sizeof p.kind, "formal");
	}
	p.case_id = rc->case_id;
	if (!stage_based) {
		if (!p.next_follow_up[0])
			return 0;   /* nothing to move: the case is not picked up again */
		char last[STORE_DATE_LEN];
		snprintf(last, sizeof last, "%s", p.next_follow_up);
		return follow_up_write(c, &p, rc->has_policy, "", last, e);
	}
	struct store_follow_up_stage s;
	int src = STORE_NOT_FOUND;
	if (rc->stage_status_id > 0)
		src = store_follow_up_stage_get(c, rc->office_id, rc->stage_status_id, &s);
	if (src == STORE_NOT_FOUND)
		return 0;   /* the stage has no interval: the dates stay */
	if (src != STORE_OK)
		return user_store_error(src, "follow-up setup", e);
	char next[STORE_DATE_LEN];
	follow_up_add_days(today, s.interval_days, next);
	if (!next[0])
		return err_set(e, ERR_INTERNAL, NULL, "today is not a date: '%s'", today);
	return follow_up_write(c, &p, rc->has_policy, next, today, e);
}

int follow_up_after_send(struct store_conn *c, int64_t case_id, const char *today,
			 struct err *e)
{
	struct store_report_case rc;
	int src = store_report_case_get(c, case_id, &rc);
	if (src != STORE_OK)
		return user_store_error(src, "case", e);
	return follow_up_after_send_read(c, &rc, follow_up_stage_based(c, rc.office_id), today, e);
}

/* ---- firm-wide report settings ---------------------------------------------------------- */

/* follow_up_include_parse reads the comma list of statuses into s (unknown names are
 * skipped). */
static void follow_up_include_parse(const char *list, struct report_settings *s)
{
	s->include_outstanding = s->include_received = s->include_waived = false;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (n == 11 && strncmp(p, "outstanding", n) == 0)
			s->include_outstanding = true;
		else if (n == 8 && strncmp(p, "received", n) == 0)
			s->include_received = true;
		else if (n == 6 && strncmp(p, "waived", n) == 0)
			s->include_waived = true;
		p += n;
		if (*p == ',')
			p++;
	}
}

int report_settings_get(struct store_conn *c, struct report_settings *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	snprintf(out->default_subject, sizeof out->default_subject, "%s",
		 REPORT_SETTINGS_SUBJECT_DEFAULT);
	out->include_outstanding = true;
	char v[STORE_SETTING_MAX + 1];
	int rc = store_setting_get(c, FOLLOW_UP_KEY_SUBJECT, v, sizeof v);
	if (rc == STORE_OK && v[0])   /* written by report_settings_set: it fits */
		snprintf(out->default_subject, sizeof out->default_subject, "%.*s",
			 (int)sizeof out->default_subject - 1, v);
	else if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "settings", e);
	rc = store_setting_get(c, FOLLOW_UP_KEY_INCLUDE, v, sizeof v);
	if (rc == STORE_OK) {
		follow_up_include_parse(v, out);
		if (!out->include_outstanding && !out->include_received && !out->include_waived)
			out->include_outstanding = true;
	} else if (rc != STORE_NOT_FOUND) {
		return user_store_error(rc, "settings", e);
	}
	return 0;
}

int report_settings_read(struct store_conn *c, const struct actor *a,
			 struct report_settings *out, struct err *e)
{
	int rc = follow_up_require_read(a, e);
	if (rc != 0)
		return rc;
	return report_settings_get(c, out, e);
}

static int report_settings_fn(struct store_conn *c, void *ctx, struct err *e)
{
	const struct report_settings *s = ctx;
	char include[40];
	snprintf(include, sizeof include, "%s%s%s%s%s",
		 s->include_outstanding ? "outstanding" : "",
		 s->include_outstanding && (s->include_received || s->include_waived) ? "," : "",
		 s->include_received ? "received" : "",
		 s->include_received && s->include_waived ? "," : "",
		 s->include_waived ? "waived" : "");
	int rc = store_setting_set(c, FOLLOW_UP_KEY_SUBJECT, s->default_subject);
	if (rc == STORE_OK)
		rc = store_setting_set(c, FOLLOW_UP_KEY_INCLUDE, include);
	return user_store_error(rc, "settings", e);
}

int report_settings_set(struct store_conn *c, const struct actor *a,
			const struct report_settings *in, struct err *e)
{
	int rc = rights_require(a, RIGHT_ADMIN, e);
	if (rc != 0)
		return rc;
	struct report_settings s = *in;
	if (!setup_trim(s.default_subject))
		return err_set(e, ERR_UNPROCESSABLE, "default_subject", "must not be empty");
	if (strcspn(s.default_subject, "\r\n") < strlen(s.default_subject))
		return err_set(e, ERR_UNPROCESSABLE, "default_subject", "must be one line");
	if (!s.include_outstanding && !s.include_received && !s.include_waived)
		return err_set(e, ERR_UNPROCESSABLE, "include",
			       "must name at least one of outstanding, received, waived");
	return store_tx_run(c, report_settings_fn, &s, e);
}
