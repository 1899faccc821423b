/* pending.c - placeholders for the 0004 store calls until sqlite/policy.c, requirement.c,
 * follow_up.c, advisor.c, report.c, report_send.c and mail.c implement them. Each answers
 * STORE_ERROR. Delete a function here when its real one lands; delete the file at the end. */
#include "store/sqlite/sqlite.h"
#include <string.h>

int sqlite_policy_get(struct store_conn *c, int64_t case_id, struct store_policy *p)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_policy_put(struct store_conn *c, struct store_policy *p, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_policy_follow_up_set(struct store_conn *c, int64_t case_id, const char *next, const char *last, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_requirement_insert(struct store_conn *c, struct store_requirement *r, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_requirement_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_requirement *r)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_requirement_update(struct store_conn *c, struct store_requirement *r, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_requirement_delete(struct store_conn *c, int64_t id)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_requirement_list(struct store_conn *c, int64_t case_id, store_requirement_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_follow_up_get(struct store_conn *c, int64_t office_id, char method[8], store_follow_up_stage_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_follow_up_set(struct store_conn *c, int64_t office_id, const char *method, const struct store_follow_up_stage *rows, int n)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_follow_up_stage_get(struct store_conn *c, int64_t office_id, int64_t status_id, struct store_follow_up_stage *s)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_advisor_list(struct store_conn *c, const char *q, int64_t after_id, int limit, store_advisor_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_advisor_log_insert(struct store_conn *c, struct store_advisor_log *l)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_advisor_log_list(struct store_conn *c, int64_t contact_id, int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_pairs(struct store_conn *c, const struct store_report_filter *f, store_report_pair_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_case_get(struct store_conn *c, int64_t case_id, struct store_report_case *rc)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_preview_insert(struct store_conn *c, struct store_report_preview *p, const char *options)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_preview_get(struct store_conn *c, int64_t id, struct store_report_preview *p, char **options)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_item_insert(struct store_conn *c, struct store_report_item *it, const int64_t *case_ids, int n)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_item_get(struct store_conn *c, int64_t id, struct store_report_item *it)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_item_list(struct store_conn *c, int64_t preview_id, bool letters_only, const char *run_id, store_report_item_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_item_cases(struct store_conn *c, int64_t item_id, store_id_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_item_mark(struct store_conn *c, int64_t id, bool applied, const char *outcome, const char *reason)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_item_next_unapplied(struct store_conn *c, int64_t preview_id, int64_t after_id, int64_t *id)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_send_insert(struct store_conn *c, struct store_report_send *s)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_send_get(struct store_conn *c, int64_t id, struct store_report_send *s)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_send_by_preview(struct store_conn *c, int64_t preview_id, struct store_report_send *s)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_send_update(struct store_conn *c, const struct store_report_send *s)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_send_claim(struct store_conn *c, int64_t send_id, int64_t now, int64_t until, struct store_report_send *s)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_letters_clear(struct store_conn *c, int64_t send_id)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_letters_append(struct store_conn *c, int64_t send_id, int64_t seq, const void *data, size_t len)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_report_letters_read(struct store_conn *c, int64_t send_id, store_bytes_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_insert(struct store_conn *c, struct store_mail *m, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_get(struct store_conn *c, int64_t id, bool with_body, struct store_mail *m)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_claim(struct store_conn *c, const char *run_id, int64_t now, const char *worker, int64_t until, struct store_mail *m)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_finish(struct store_conn *c, int64_t id, const char *worker, const char *state, const char *error, int64_t next_attempt_at, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_recover(struct store_conn *c, bool all, int64_t now, int64_t *count)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_resolve(struct store_conn *c, int64_t id, const char *state, int64_t now)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_list(struct store_conn *c, const char *state, const char *run_id, int64_t after_id, int limit, store_mail_each_fn each, void *ctx)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}

int sqlite_mail_count(struct store_conn *c, const char *run_id, const char *state, int64_t *count)
{
	strcpy(c->last_error, "not built yet");
	return STORE_ERROR;
}
