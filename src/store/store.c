/* store.c - the connection pool, the transaction retry loop, and the public store_* calls.
 *
 * Each public call forwards to the backend (sqlite/ or pg/) that the connection belongs to; no
 * SQL is here. The pool is a free list guarded by a mutex; any number of server processes may
 * share one database, so nothing here is a lock on data - the database does that. */
#include "store/backend.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct store {
	const struct store_backend *be;
	pthread_mutex_t lock;
	pthread_cond_t available;
	struct store_conn *free_list;
	struct store_conn **all;
	int count;
};

static const struct store_backend *store_backend_for(const char *url)
{
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return &store_pg_backend;
	return &store_sqlite_backend;
}

int store_open(const char *url, int pool_size, struct store **out, struct err *e)
{
	*out = NULL;
	if (!url || !*url)
		return err_set(e, ERR_INVALID, "db", "no database given");
	if (pool_size < 1)
		pool_size = 1;
	struct store *s = calloc(1, sizeof *s);
	if (!s)
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	s->all = calloc((size_t)pool_size, sizeof *s->all);
	if (!s->all) {
		free(s);
		return err_set(e, ERR_INTERNAL, NULL, "out of memory");
	}
	s->be = store_backend_for(url);
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->available, NULL);
	for (int i = 0; i < pool_size; i++) {
		struct store_conn *c = NULL;
		int rc = s->be->connect(url, &c, e);
		if (rc != 0) {
			store_close(s);
			return rc;
		}
		c->be = s->be;
		c->next_free = s->free_list;
		s->free_list = c;
		s->all[s->count++] = c;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->count; i++)
		s->be->disconnect(s->all[i]);
	free(s->all);
	pthread_cond_destroy(&s->available);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

const char *store_backend_name(const struct store *s)
{
	return s->be->name;
}

struct store_conn *store_acquire(struct store *s, int wait_ms)
{
	struct timespec deadline;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += wait_ms / 1000;
	deadline.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&s->lock);
	while (!s->free_list) {
		if (pthread_cond_timedwait(&s->available, &s->lock, &deadline) == ETIMEDOUT)
			break;
	}
	struct store_conn *c = s->free_list;
	if (c) {
		s->free_list = c->next_free;
		c->next_free = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	return c;
}

void store_release(struct store *s, struct store_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&s->lock);
	c->next_free = s->free_list;
	s->free_list = c;
	pthread_cond_signal(&s->available);
	pthread_mutex_unlock(&s->lock);
}

const char *store_last_error(struct store_conn *c)
{
	return c->last_error;
}

/* store_with_conn takes a pooled connection for a one-off administrative call. */
static struct store_conn *store_admin_conn(struct store *s, struct err *e)
{
	struct store_conn *c = store_acquire(s, 10000);
	if (!c)
		err_set(e, ERR_BUSY, NULL, "no database connection free");
	return c;
}

int store_migrate(struct store *s, int *from, int *to, struct err *e)
{
	struct store_conn *c = store_admin_conn(s, e);
	if (!c)
		return ERR_BUSY;
	int rc = s->be->migrate(c, from, to, e);
	store_release(s, c);
	return rc;
}

int store_schema_version(struct store *s, int *current, int *latest, struct err *e)
{
	struct store_conn *c = store_admin_conn(s, e);
	if (!c)
		return ERR_BUSY;
	int rc = s->be->schema_version(c, current, latest, e);
	store_release(s, c);
	return rc;
}

int store_bulk(struct store_conn *c)
{ return c->be->bulk(c); }

int store_check(struct store *s, struct err *e)
{
	struct store_conn *c = store_admin_conn(s, e);
	if (!c)
		return ERR_BUSY;
	int rc = s->be->check(c, e);
	store_release(s, c);
	return rc;
}

int store_migrations_for(const char *dir, const struct embed_file **out, int max)
{
	size_t dlen = strlen(dir);
	int n = 0;
	for (size_t i = 0; i < store_migrations_count && n < max; i++) {
		const char *name = store_migrations[i].name;
		if (strncmp(name, dir, dlen) == 0 && name[dlen] == '/')
			out[n++] = &store_migrations[i];
	}
	/* the generator emits names sorted; check the numbering has no gap */
	for (int i = 0; i < n; i++) {
		int num = atoi(out[i]->name + dlen + 1);
		if (num != i + 1)
			return -1;
	}
	return n;
}

/* ---- transactions ----------------------------------------------------------------------- */

#define STORE_TX_ATTEMPTS 3   /* defaults.md: retry serialization failures up to 3 times */

static void store_backoff(int attempt)
{
	/* 2, 4, 8, 16 ms plus up to 50% jitter: enough for a competing writer to commit */
	long ms = 2L << attempt;
	long jitter = (long)(rand() % (int)(ms / 2 + 1));
	struct timespec ts = {.tv_sec = 0, .tv_nsec = (ms + jitter) * 1000000L};
	nanosleep(&ts, NULL);
}

int store_tx_run(struct store_conn *c, store_tx_fn fn, void *ctx, struct err *e)
{
	for (int attempt = 0; attempt < STORE_TX_ATTEMPTS; attempt++) {
		int rc = c->be->begin(c);
		if (rc == STORE_RETRY) {
			store_backoff(attempt);
			continue;
		}
		if (rc != STORE_OK)
			return err_set(e, ERR_INTERNAL, NULL, "could not begin a transaction");
		err_clear(e);
		rc = fn(c, ctx, e);
		if (rc != 0) {
			c->be->rollback(c);
			if (rc == ERR_BUSY) {
				store_backoff(attempt);
				continue;
			}
			return rc;
		}
		rc = c->be->commit(c);
		if (rc == STORE_OK)
			return 0;
		c->be->rollback(c);
		if (rc != STORE_RETRY)
			return err_set(e, ERR_INTERNAL, NULL, "could not commit");
		store_backoff(attempt);
	}
	return err_set(e, ERR_BUSY, NULL, "the database is busy; try again");
}

/* ---- forwarding ------------------------------------------------------------------------- */

int store_user_insert(struct store_conn *c, struct store_user *u)
{ return c->be->user_insert(c, u); }
int store_user_get(struct store_conn *c, int64_t id, struct store_user *u)
{ return c->be->user_get(c, id, u); }
int store_user_get_by_login(struct store_conn *c, const char *login, struct store_user *u)
{ return c->be->user_get_by_login(c, login, u); }
int store_user_update(struct store_conn *c, struct store_user *u, int64_t now)
{ return c->be->user_update(c, u, now); }
int store_user_set_password(struct store_conn *c, int64_t id, const char *hash, int64_t now)
{ return c->be->user_set_password(c, id, hash, now); }
int store_user_list(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
		    void *ctx)
{ return c->be->user_list(c, after_id, limit, each, ctx); }
int store_user_count(struct store_conn *c, int64_t *count)
{ return c->be->user_count(c, count); }

int store_right_set(struct store_conn *c, int64_t user_id, const char *right, bool granted)
{ return c->be->right_set(c, user_id, right, granted); }
int store_right_clear(struct store_conn *c, int64_t user_id, const char *right)
{ return c->be->right_clear(c, user_id, right); }
int store_right_list(struct store_conn *c, int64_t user_id, struct store_right_override *out,
		     int max, int *n)
{ return c->be->right_list(c, user_id, out, max, n); }

int store_session_insert(struct store_conn *c, const struct store_session *s)
{ return c->be->session_insert(c, s); }
int store_session_get(struct store_conn *c, const unsigned char id_hash[32],
		      struct store_session *s)
{ return c->be->session_get(c, id_hash, s); }
int store_session_touch(struct store_conn *c, const unsigned char id_hash[32], int64_t now)
{ return c->be->session_touch(c, id_hash, now); }
int store_session_delete(struct store_conn *c, const unsigned char id_hash[32])
{ return c->be->session_delete(c, id_hash); }
int store_session_delete_user(struct store_conn *c, int64_t user_id)
{ return c->be->session_delete_user(c, user_id); }
int store_session_purge(struct store_conn *c, int64_t idle_before, int64_t now)
{ return c->be->session_purge(c, idle_before, now); }

int store_token_insert(struct store_conn *c, struct store_token *t)
{ return c->be->token_insert(c, t); }
int store_token_get_by_hash(struct store_conn *c, const unsigned char hash[32],
			    struct store_token *t)
{ return c->be->token_get_by_hash(c, hash, t); }
int store_token_list(struct store_conn *c, int64_t user_id, store_token_each_fn each, void *ctx)
{ return c->be->token_list(c, user_id, each, ctx); }
int store_token_delete(struct store_conn *c, int64_t user_id, int64_t id)
{ return c->be->token_delete(c, user_id, id); }
int store_token_touch(struct store_conn *c, int64_t id, int64_t now)
{ return c->be->token_touch(c, id, now); }

int store_login_attempt_add(struct store_conn *c, const char *login, const char *ip, bool ok,
			    int64_t at)
{ return c->be->login_attempt_add(c, login, ip, ok, at); }
int store_login_failures(struct store_conn *c, const char *login, int64_t since, int64_t *count,
			 int64_t *last_at)
{ return c->be->login_failures(c, login, since, count, last_at); }
int store_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
				  int64_t *count)
{ return c->be->login_attempts_by_login(c, login, since, count); }
int store_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since,
			       int64_t *count)
{ return c->be->login_attempts_by_ip(c, ip, since, count); }
int store_login_attempt_purge(struct store_conn *c, int64_t before)
{ return c->be->login_attempt_purge(c, before); }

int store_office_insert(struct store_conn *c, struct store_office *o)
{ return c->be->office_insert(c, o); }
int store_office_get(struct store_conn *c, int64_t id, struct store_office *o)
{ return c->be->office_get(c, id, o); }
int store_office_update(struct store_conn *c, struct store_office *o, int64_t now)
{ return c->be->office_update(c, o, now); }
int store_office_delete(struct store_conn *c, int64_t id)
{ return c->be->office_delete(c, id); }
int store_office_list(struct store_conn *c, store_office_each_fn each, void *ctx)
{ return c->be->office_list(c, each, ctx); }
int store_office_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count)
{ return c->be->office_usage(c, id, where, count); }
int store_office_logo_set(struct store_conn *c, int64_t id, const char *mime, const void *data,
			  size_t len)
{ return c->be->office_logo_set(c, id, mime, data, len); }
int store_office_logo_get(struct store_conn *c, int64_t id, char mime[64], void **data,
			  size_t *len)
{ return c->be->office_logo_get(c, id, mime, data, len); }

int store_setting_get(struct store_conn *c, const char *key, char *value, size_t size)
{ return c->be->setting_get(c, key, value, size); }
int store_setting_set(struct store_conn *c, const char *key, const char *value)
{ return c->be->setting_set(c, key, value); }
int store_counter_next(struct store_conn *c, const char *name, int64_t *value)
{ return c->be->counter_next(c, name, value); }
int store_setup_insert(struct store_conn *c, struct store_setup_item *item)
{ return c->be->setup_insert(c, item); }
int store_setup_get(struct store_conn *c, enum store_setup_kind kind, int64_t id, struct store_setup_item *item)
{ return c->be->setup_get(c, kind, id, item); }
int store_setup_update(struct store_conn *c, struct store_setup_item *item)
{ return c->be->setup_update(c, item); }
int store_setup_delete(struct store_conn *c, enum store_setup_kind kind, int64_t id)
{ return c->be->setup_delete(c, kind, id); }
int store_setup_list(struct store_conn *c, enum store_setup_kind kind, int64_t parent_id, store_setup_each_fn each, void *ctx)
{ return c->be->setup_list(c, kind, parent_id, each, ctx); }
int store_setup_usage(struct store_conn *c, enum store_setup_kind kind, int64_t id, char where[64], int64_t *count)
{ return c->be->setup_usage(c, kind, id, where, count); }
int store_stage_first(struct store_conn *c, const char *group, struct store_setup_item *status)
{ return c->be->stage_first(c, group, status); }
int store_contact_insert(struct store_conn *c, struct store_contact *ct, int64_t now)
{ return c->be->contact_insert(c, ct, now); }
int store_contact_get(struct store_conn *c, int64_t id, struct store_contact *ct)
{ return c->be->contact_get(c, id, ct); }
int store_contact_update(struct store_conn *c, struct store_contact *ct, int64_t now)
{ return c->be->contact_update(c, ct, now); }
int store_contact_delete(struct store_conn *c, int64_t id)
{ return c->be->contact_delete(c, id); }
int store_contact_list(struct store_conn *c, const char *q, int64_t after_id, int limit, store_contact_each_fn each, void *ctx)
{ return c->be->contact_list(c, q, after_id, limit, each, ctx); }
int store_contact_usage(struct store_conn *c, int64_t id, char where[64], int64_t *count)
{ return c->be->contact_usage(c, id, where, count); }
int store_case_insert(struct store_conn *c, struct store_case *k, int64_t now)
{ return c->be->case_insert(c, k, now); }
int store_case_get(struct store_conn *c, const struct store_scope *scope, int64_t id, struct store_case *k)
{ return c->be->case_get(c, scope, id, k); }
int store_case_get_by_number(struct store_conn *c, const char *number, struct store_case *k)
{ return c->be->case_get_by_number(c, number, k); }
int store_case_update(struct store_conn *c, struct store_case *k, int64_t now)
{ return c->be->case_update(c, k, now); }
int store_case_set_stage(struct store_conn *c, int64_t id, int64_t stage_status_id, const char *closed_date, int64_t now)
{ return c->be->case_set_stage(c, id, stage_status_id, closed_date, now); }
int store_case_delete(struct store_conn *c, int64_t id, int64_t now)
{ return c->be->case_delete(c, id, now); }
int store_case_list(struct store_conn *c, const struct store_case_filter *f, store_case_each_fn each, void *ctx)
{ return c->be->case_list(c, f, each, ctx); }
int store_value_change_add(struct store_conn *c, struct store_value_change *v)
{ return c->be->value_change_add(c, v); }
int store_value_change_list(struct store_conn *c, int64_t case_id, store_value_change_each_fn each, void *ctx)
{ return c->be->value_change_list(c, case_id, each, ctx); }
int store_case_status_insert(struct store_conn *c, struct store_case_status *s, int64_t now)
{ return c->be->case_status_insert(c, s, now); }
int store_case_status_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_case_status *s)
{ return c->be->case_status_get(c, case_id, id, s); }
int store_case_status_current(struct store_conn *c, int64_t case_id, int64_t status_type_id, struct store_case_status *s)
{ return c->be->case_status_current(c, case_id, status_type_id, s); }
int store_case_status_end(struct store_conn *c, int64_t id, const char *to_date)
{ return c->be->case_status_end(c, id, to_date); }
int store_case_status_update(struct store_conn *c, struct store_case_status *s)
{ return c->be->case_status_update(c, s); }
int store_case_status_list(struct store_conn *c, int64_t case_id, store_case_status_each_fn each, void *ctx)
{ return c->be->case_status_list(c, case_id, each, ctx); }
int store_case_status_history(struct store_conn *c, int64_t case_id, store_case_status_each_fn each, void *ctx)
{ return c->be->case_status_history(c, case_id, each, ctx); }
int store_case_staff_insert(struct store_conn *c, struct store_case_staff *s)
{ return c->be->case_staff_insert(c, s); }
int store_case_staff_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_case_staff *s)
{ return c->be->case_staff_get(c, case_id, id, s); }
int store_case_staff_update(struct store_conn *c, struct store_case_staff *s)
{ return c->be->case_staff_update(c, s); }
int store_case_staff_end(struct store_conn *c, int64_t id, const char *to_date)
{ return c->be->case_staff_end(c, id, to_date); }
int store_case_staff_list(struct store_conn *c, int64_t case_id, bool history, store_case_staff_each_fn each, void *ctx)
{ return c->be->case_staff_list(c, case_id, history, each, ctx); }
int store_note_insert(struct store_conn *c, struct store_note *n, int64_t now)
{ return c->be->note_insert(c, n, now); }
int store_note_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_note *n)
{ return c->be->note_get(c, case_id, id, n); }
int store_note_update(struct store_conn *c, struct store_note *n, int64_t now)
{ return c->be->note_update(c, n, now); }
int store_note_delete(struct store_conn *c, int64_t id)
{ return c->be->note_delete(c, id); }
int store_note_list(struct store_conn *c, int64_t case_id, const char *q, int64_t before_at, int64_t before_id, int limit, store_note_each_fn each, void *ctx)
{ return c->be->note_list(c, case_id, q, before_at, before_id, limit, each, ctx); }
int store_event_last(struct store_conn *c, int64_t case_id, struct store_event *ev)
{ return c->be->event_last(c, case_id, ev); }
int store_event_insert(struct store_conn *c, struct store_event *ev)
{ return c->be->event_insert(c, ev); }
int store_event_list(struct store_conn *c, int64_t case_id, int64_t before_seq, int limit, store_event_each_fn each, void *ctx)
{ return c->be->event_list(c, case_id, before_seq, limit, each, ctx); }
int store_event_walk_all(struct store_conn *c, store_event_each_fn each, void *ctx)
{ return c->be->event_walk_all(c, each, ctx); }
int store_related_add(struct store_conn *c, int64_t a, int64_t b, int64_t now)
{ return c->be->related_add(c, a, b, now); }
int store_related_remove(struct store_conn *c, int64_t a, int64_t b)
{ return c->be->related_remove(c, a, b); }
int store_related_list(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each, void *ctx)
{ return c->be->related_list(c, case_id, each, ctx); }
int store_other_cases(struct store_conn *c, int64_t case_id, store_case_brief_each_fn each, void *ctx)
{ return c->be->other_cases(c, case_id, each, ctx); }
int store_party_insert(struct store_conn *c, struct store_party *p)
{ return c->be->party_insert(c, p); }
int store_party_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_party *p)
{ return c->be->party_get(c, case_id, id, p); }
int store_party_delete(struct store_conn *c, int64_t id)
{ return c->be->party_delete(c, id); }
int store_party_list(struct store_conn *c, int64_t case_id, store_party_each_fn each, void *ctx)
{ return c->be->party_list(c, case_id, each, ctx); }
int store_contact_channels_set(struct store_conn *c, int64_t contact_id, const struct store_contact_channel *rows, int n)
{ return c->be->contact_channels_set(c, contact_id, rows, n); }
int store_contact_channel_list(struct store_conn *c, int64_t contact_id, store_contact_channel_each_fn each, void *ctx)
{ return c->be->contact_channel_list(c, contact_id, each, ctx); }
int store_contact_addresses_set(struct store_conn *c, int64_t contact_id, const struct store_contact_address *rows, int n)
{ return c->be->contact_addresses_set(c, contact_id, rows, n); }
int store_contact_address_list(struct store_conn *c, int64_t contact_id, store_contact_address_each_fn each, void *ctx)
{ return c->be->contact_address_list(c, contact_id, each, ctx); }
int store_party_update(struct store_conn *c, struct store_party *p)
{ return c->be->party_update(c, p); }
int store_insurance_insert(struct store_conn *c, struct store_insurance *in)
{ return c->be->insurance_insert(c, in); }
int store_insurance_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_insurance *in)
{ return c->be->insurance_get(c, case_id, id, in); }
int store_insurance_update(struct store_conn *c, struct store_insurance *in)
{ return c->be->insurance_update(c, in); }
int store_insurance_delete(struct store_conn *c, int64_t id)
{ return c->be->insurance_delete(c, id); }
int store_insurance_list(struct store_conn *c, int64_t case_id, store_insurance_each_fn each, void *ctx)
{ return c->be->insurance_list(c, case_id, each, ctx); }
int store_lien_insert(struct store_conn *c, struct store_lien *l)
{ return c->be->lien_insert(c, l); }
int store_lien_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_lien *l)
{ return c->be->lien_get(c, case_id, id, l); }
int store_lien_update(struct store_conn *c, struct store_lien *l)
{ return c->be->lien_update(c, l); }
int store_lien_delete(struct store_conn *c, int64_t id)
{ return c->be->lien_delete(c, id); }
int store_lien_list(struct store_conn *c, int64_t case_id, store_lien_each_fn each, void *ctx)
{ return c->be->lien_list(c, case_id, each, ctx); }
int store_bankruptcy_insert(struct store_conn *c, struct store_bankruptcy *b)
{ return c->be->bankruptcy_insert(c, b); }
int store_bankruptcy_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_bankruptcy *b)
{ return c->be->bankruptcy_get(c, case_id, id, b); }
int store_bankruptcy_update(struct store_conn *c, struct store_bankruptcy *b)
{ return c->be->bankruptcy_update(c, b); }
int store_bankruptcy_delete(struct store_conn *c, int64_t id)
{ return c->be->bankruptcy_delete(c, id); }
int store_bankruptcy_list(struct store_conn *c, int64_t case_id, store_bankruptcy_each_fn each, void *ctx)
{ return c->be->bankruptcy_list(c, case_id, each, ctx); }
int store_task_insert(struct store_conn *c, struct store_task *t, int64_t now)
{ return c->be->task_insert(c, t, now); }
int store_task_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_task *t)
{ return c->be->task_get(c, case_id, id, t); }
int store_task_update(struct store_conn *c, struct store_task *t, int64_t now)
{ return c->be->task_update(c, t, now); }
int store_task_delete(struct store_conn *c, int64_t id)
{ return c->be->task_delete(c, id); }
int store_task_list(struct store_conn *c, int64_t case_id, bool open_only, store_task_each_fn each, void *ctx)
{ return c->be->task_list(c, case_id, open_only, each, ctx); }
int store_appointment_insert(struct store_conn *c, struct store_appointment *ap, int64_t now)
{ return c->be->appointment_insert(c, ap, now); }
int store_appointment_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_appointment *ap)
{ return c->be->appointment_get(c, case_id, id, ap); }
int store_appointment_update(struct store_conn *c, struct store_appointment *ap, int64_t now)
{ return c->be->appointment_update(c, ap, now); }
int store_appointment_delete(struct store_conn *c, int64_t id)
{ return c->be->appointment_delete(c, id); }
int store_appointment_list(struct store_conn *c, int64_t case_id, int64_t pending_from, store_appointment_each_fn each, void *ctx)
{ return c->be->appointment_list(c, case_id, pending_from, each, ctx); }
int store_attendees_set(struct store_conn *c, int64_t case_id, int64_t appointment_id, const struct store_attendee *rows, int n)
{ return c->be->attendees_set(c, case_id, appointment_id, rows, n); }
int store_attendee_list(struct store_conn *c, int64_t case_id, int64_t appointment_id, store_attendee_each_fn each, void *ctx)
{ return c->be->attendee_list(c, case_id, appointment_id, each, ctx); }
int store_deadline_insert(struct store_conn *c, struct store_deadline *d)
{ return c->be->deadline_insert(c, d); }
int store_deadline_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_deadline *d)
{ return c->be->deadline_get(c, case_id, id, d); }
int store_deadline_update(struct store_conn *c, struct store_deadline *d)
{ return c->be->deadline_update(c, d); }
int store_deadline_delete(struct store_conn *c, int64_t id)
{ return c->be->deadline_delete(c, id); }
int store_deadline_list(struct store_conn *c, int64_t case_id, bool outstanding_only, store_deadline_each_fn each, void *ctx)
{ return c->be->deadline_list(c, case_id, outstanding_only, each, ctx); }
int store_court_insert(struct store_conn *c, struct store_court *ct)
{ return c->be->court_insert(c, ct); }
int store_court_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_court *ct)
{ return c->be->court_get(c, case_id, id, ct); }
int store_court_update(struct store_conn *c, struct store_court *ct)
{ return c->be->court_update(c, ct); }
int store_court_delete(struct store_conn *c, int64_t id)
{ return c->be->court_delete(c, id); }
int store_court_list(struct store_conn *c, int64_t case_id, store_court_each_fn each, void *ctx)
{ return c->be->court_list(c, case_id, each, ctx); }
int store_court_personnel_set(struct store_conn *c, int64_t case_id, int64_t case_court_id, const struct store_court_person *rows, int n)
{ return c->be->court_personnel_set(c, case_id, case_court_id, rows, n); }
int store_court_personnel_list(struct store_conn *c, int64_t case_id, int64_t case_court_id, store_court_person_each_fn each, void *ctx)
{ return c->be->court_personnel_list(c, case_id, case_court_id, each, ctx); }
int store_udf_value_set(struct store_conn *c, int64_t case_id, int64_t field_id, const char *value)
{ return c->be->udf_value_set(c, case_id, field_id, value); }
int store_udf_value_list(struct store_conn *c, int64_t case_id, store_udf_value_each_fn each, void *ctx)
{ return c->be->udf_value_list(c, case_id, each, ctx); }

/* 0004: policies, requirements, follow-ups, advisors, status reports, outbox */
int store_policy_get(struct store_conn *c, int64_t case_id, struct store_policy *p)
{ return c->be->policy_get(c, case_id, p); }
int store_policy_put(struct store_conn *c, struct store_policy *p, int64_t now)
{ return c->be->policy_put(c, p, now); }
int store_policy_follow_up_set(struct store_conn *c, int64_t case_id, const char *next, const char *last, int64_t now)
{ return c->be->policy_follow_up_set(c, case_id, next, last, now); }
int store_requirement_insert(struct store_conn *c, struct store_requirement *r, int64_t now)
{ return c->be->requirement_insert(c, r, now); }
int store_requirement_get(struct store_conn *c, int64_t case_id, int64_t id, struct store_requirement *r)
{ return c->be->requirement_get(c, case_id, id, r); }
int store_requirement_update(struct store_conn *c, struct store_requirement *r, int64_t now)
{ return c->be->requirement_update(c, r, now); }
int store_requirement_delete(struct store_conn *c, int64_t id)
{ return c->be->requirement_delete(c, id); }
int store_requirement_list(struct store_conn *c, int64_t case_id, store_requirement_each_fn each, void *ctx)
{ return c->be->requirement_list(c, case_id, each, ctx); }
int store_follow_up_get(struct store_conn *c, int64_t office_id, char method[8], store_follow_up_stage_each_fn each, void *ctx)
{ return c->be->follow_up_get(c, office_id, method, each, ctx); }
int store_follow_up_set(struct store_conn *c, int64_t office_id, const char *method, const struct store_follow_up_stage *rows, int n)
{ return c->be->follow_up_set(c, office_id, method, rows, n); }
int store_follow_up_stage_get(struct store_conn *c, int64_t office_id, int64_t status_id, struct store_follow_up_stage *s)
{ return c->be->follow_up_stage_get(c, office_id, status_id, s); }
int store_advisor_list(struct store_conn *c, const char *q, int64_t after_id, int limit, store_advisor_each_fn each, void *ctx)
{ return c->be->advisor_list(c, q, after_id, limit, each, ctx); }
int store_advisor_log_insert(struct store_conn *c, struct store_advisor_log *l)
{ return c->be->advisor_log_insert(c, l); }
int store_advisor_log_list(struct store_conn *c, int64_t contact_id, int64_t before_id, int limit, store_advisor_log_each_fn each, void *ctx)
{ return c->be->advisor_log_list(c, contact_id, before_id, limit, each, ctx); }
int store_report_pairs(struct store_conn *c, const struct store_report_filter *f, store_report_pair_each_fn each, void *ctx)
{ return c->be->report_pairs(c, f, each, ctx); }
int store_report_case_get(struct store_conn *c, int64_t case_id, struct store_report_case *rc)
{ return c->be->report_case_get(c, case_id, rc); }
int store_report_preview_insert(struct store_conn *c, struct store_report_preview *p, const char *options)
{ return c->be->report_preview_insert(c, p, options); }
int store_report_preview_get(struct store_conn *c, int64_t id, struct store_report_preview *p, char **options)
{ return c->be->report_preview_get(c, id, p, options); }
int store_report_item_insert(struct store_conn *c, struct store_report_item *it, const int64_t *case_ids, int n)
{ return c->be->report_item_insert(c, it, case_ids, n); }
int store_report_item_get(struct store_conn *c, int64_t id, struct store_report_item *it)
{ return c->be->report_item_get(c, id, it); }
int store_report_item_list(struct store_conn *c, int64_t preview_id, bool letters_only, const char *run_id, store_report_item_each_fn each, void *ctx)
{ return c->be->report_item_list(c, preview_id, letters_only, run_id, each, ctx); }
int store_report_item_cases(struct store_conn *c, int64_t item_id, store_id_each_fn each, void *ctx)
{ return c->be->report_item_cases(c, item_id, each, ctx); }
int store_report_item_case_briefs(struct store_conn *c, int64_t item_id, store_report_case_brief_each_fn each, void *ctx)
{ return c->be->report_item_case_briefs(c, item_id, each, ctx); }
int store_report_item_mark(struct store_conn *c, int64_t id, bool applied, const char *outcome, const char *reason)
{ return c->be->report_item_mark(c, id, applied, outcome, reason); }
int store_report_item_next_unapplied(struct store_conn *c, int64_t preview_id, int64_t after_id, int64_t *id)
{ return c->be->report_item_next_unapplied(c, preview_id, after_id, id); }
int store_report_send_insert(struct store_conn *c, struct store_report_send *s)
{ return c->be->report_send_insert(c, s); }
int store_report_send_get(struct store_conn *c, int64_t id, struct store_report_send *s)
{ return c->be->report_send_get(c, id, s); }
int store_report_send_by_preview(struct store_conn *c, int64_t preview_id, struct store_report_send *s)
{ return c->be->report_send_by_preview(c, preview_id, s); }
int store_report_send_update(struct store_conn *c, const struct store_report_send *s)
{ return c->be->report_send_update(c, s); }
int store_report_send_claim(struct store_conn *c, int64_t send_id, int64_t now, int64_t until, struct store_report_send *s)
{ return c->be->report_send_claim(c, send_id, now, until, s); }
int store_report_letters_clear(struct store_conn *c, int64_t send_id)
{ return c->be->report_letters_clear(c, send_id); }
int store_report_letters_append(struct store_conn *c, int64_t send_id, int64_t seq, const void *data, size_t len)
{ return c->be->report_letters_append(c, send_id, seq, data, len); }
int store_report_letters_read(struct store_conn *c, int64_t send_id, store_bytes_each_fn each, void *ctx)
{ return c->be->report_letters_read(c, send_id, each, ctx); }
int store_mail_insert(struct store_conn *c, struct store_mail *m, int64_t now)
{ return c->be->mail_insert(c, m, now); }
int store_mail_get(struct store_conn *c, int64_t id, bool with_body, struct store_mail *m)
{ return c->be->mail_get(c, id, with_body, m); }
int store_mail_claim(struct store_conn *c, const char *run_id, int64_t now, const char *worker, int64_t until, struct store_mail *m)
{ return c->be->mail_claim(c, run_id, now, worker, until, m); }
int store_mail_finish(struct store_conn *c, int64_t id, const char *worker, const char *state, const char *error, int64_t next_attempt_at, int64_t now)
{ return c->be->mail_finish(c, id, worker, state, error, next_attempt_at, now); }
int store_mail_recover(struct store_conn *c, bool all, int64_t now, int64_t *count)
{ return c->be->mail_recover(c, all, now, count); }
int store_mail_resolve(struct store_conn *c, int64_t id, const char *state, int64_t now)
{ return c->be->mail_resolve(c, id, state, now); }
int store_mail_list(struct store_conn *c, const char *state, const char *run_id, int64_t after_id, int limit, store_mail_each_fn each, void *ctx)
{ return c->be->mail_list(c, state, run_id, after_id, limit, each, ctx); }
int store_mail_count(struct store_conn *c, const char *run_id, const char *state, int64_t *count)
{ return c->be->mail_count(c, run_id, state, count); }
