/* backend.h - what a database backend provides to store.c (not for use above src/store/).
 *
 * store.c owns the pool, the transaction retry loop and the public store_* functions; each of
 * those forwards to the backend's function of the same name here. A backend's connection struct
 * starts with struct store_conn so store.c can find the backend from any connection. */
#ifndef CASELOAD_STORE_BACKEND_H
#define CASELOAD_STORE_BACKEND_H

#include "core/embed.h"
#include "store/store.h"

struct store_backend;

struct store_conn {
	const struct store_backend *be;
	struct store_conn *next_free;   /* pool free list, owned by store.c */
	char last_error[512];
};

/* Embedded migration scripts (generated at build time from src/store/migrations/), named
 * "sqlite/0001_base.sql", "pg/0001_base.sql", ... */
extern const struct embed_file store_migrations[];
extern const size_t store_migrations_count;

/* store_migrations_for lists, in order, the scripts of one backend ("sqlite" or "pg"); out[i]
 * points into store_migrations. Returns the count (at most max). The number of a script is its
 * position + 1; names must be 0001_..., 0002_... without gaps (checked, -1 if not). */
int store_migrations_for(const char *dir, const struct embed_file **out, int max);

struct store_backend {
	const char *name;
	int (*connect)(const char *url, struct store_conn **out, struct err *e);
	void (*disconnect)(struct store_conn *c);
	int (*begin)(struct store_conn *c);     /* STORE_OK / STORE_RETRY / STORE_ERROR */
	int (*commit)(struct store_conn *c);
	void (*rollback)(struct store_conn *c);
	int (*migrate)(struct store_conn *c, int *from, int *to, struct err *e);
	int (*schema_version)(struct store_conn *c, int *current, int *latest, struct err *e);
	int (*check)(struct store_conn *c, struct err *e);

	int (*user_insert)(struct store_conn *c, struct store_user *u);
	int (*user_get)(struct store_conn *c, int64_t id, struct store_user *u);
	int (*user_get_by_login)(struct store_conn *c, const char *login, struct store_user *u);
	int (*user_update)(struct store_conn *c, struct store_user *u, int64_t now);
	int (*user_set_password)(struct store_conn *c, int64_t id, const char *hash, int64_t now);
	int (*user_list)(struct store_conn *c, int64_t after_id, int limit, store_user_each_fn each,
			 void *ctx);
	int (*user_count)(struct store_conn *c, int64_t *count);

	int (*right_set)(struct store_conn *c, int64_t user_id, const char *right, bool granted);
	int (*right_clear)(struct store_conn *c, int64_t user_id, const char *right);
	int (*right_list)(struct store_conn *c, int64_t user_id, struct store_right_override *out,
			  int max, int *n);

	int (*session_insert)(struct store_conn *c, const struct store_session *s);
	int (*session_get)(struct store_conn *c, const unsigned char id_hash[32],
			   struct store_session *s);
	int (*session_touch)(struct store_conn *c, const unsigned char id_hash[32], int64_t now);
	int (*session_delete)(struct store_conn *c, const unsigned char id_hash[32]);
	int (*session_delete_user)(struct store_conn *c, int64_t user_id);
	int (*session_purge)(struct store_conn *c, int64_t idle_before, int64_t now);

	int (*token_insert)(struct store_conn *c, struct store_token *t);
	int (*token_get_by_hash)(struct store_conn *c, const unsigned char hash[32],
				 struct store_token *t);
	int (*token_list)(struct store_conn *c, int64_t user_id, store_token_each_fn each,
			  void *ctx);
	int (*token_delete)(struct store_conn *c, int64_t user_id, int64_t id);
	int (*token_touch)(struct store_conn *c, int64_t id, int64_t now);

	int (*login_attempt_add)(struct store_conn *c, const char *login, const char *ip, bool ok,
				 int64_t at);
	int (*login_failures)(struct store_conn *c, const char *login, int64_t since,
			      int64_t *count, int64_t *last_at);
	int (*login_attempts_by_login)(struct store_conn *c, const char *login, int64_t since,
				       int64_t *count);
	int (*login_attempts_by_ip)(struct store_conn *c, const char *ip, int64_t since,
				    int64_t *count);
	int (*login_attempt_purge)(struct store_conn *c, int64_t before);

	int (*office_insert)(struct store_conn *c, struct store_office *o);
	int (*office_get)(struct store_conn *c, int64_t id, struct store_office *o);
	int (*office_update)(struct store_conn *c, struct store_office *o, int64_t now);
	int (*office_delete)(struct store_conn *c, int64_t id);
	int (*office_list)(struct store_conn *c, store_office_each_fn each, void *ctx);
	int (*office_users)(struct store_conn *c, int64_t id, int64_t *count);
	int (*office_logo_set)(struct store_conn *c, int64_t id, const char *mime, const void *data,
			       size_t len);
	int (*office_logo_get)(struct store_conn *c, int64_t id, char mime[64], void **data,
			       size_t *len);
};

extern const struct store_backend store_sqlite_backend;
extern const struct store_backend store_pg_backend;

#endif
