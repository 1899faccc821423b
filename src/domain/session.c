/* session.c - login with throttling, cookie sessions and API tokens (see session.h). */
#include "domain/session.h"
#include "core/clock.h"
#include "domain/password.h"
#include "domain/rights.h"
#include "domain/user.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define LOGIN_WAIT_FIRST 30     /* seconds to wait after the 5th failure in a row */
#define LOGIN_WAIT_MAX 900      /* the wait doubles with each failure up to 15 minutes */

void session_config_default(struct session_config *c)
{
	c->idle_seconds = 1800;
	c->max_seconds = 12 * 3600;
	c->ip_per_minute = 30;
	c->login_per_hour = 100;
	c->failures_before_wait = 5;
}

void session_secret_hash(const char *secret, unsigned char out[32])
{
	crypto_hash_sha256(out, (const unsigned char *)secret, strlen(secret));
}

/* session_new_secret writes 32 random bytes as base64url (43 characters) into out[44]. */
static void session_new_secret(char out[SESSION_SECRET_CHARS + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, SESSION_SECRET_CHARS + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

/* session_fill_actor completes an actor from its user row: rights, password hash cleared. */
static int session_fill_actor(struct store_conn *c, const struct store_user *u, struct actor *a,
			      struct err *e)
{
	a->user = *u;
	memset(a->user.password_hash, 0, sizeof a->user.password_hash);
	return rights_effective(c, u, &a->rights, e);
}

/* session_throttle says whether this login or address must wait; 0 or ERR_TOO_MANY. */
static int session_throttle(struct store_conn *c, const struct session_config *cfg,
			    const char *login, const char *ip, int64_t now, struct err *e)
{
	int64_t n = 0, last = 0;
	int rc = store_login_attempts_by_ip(c, ip, now - 60, &n);
	if (rc != STORE_OK)
		return user_store_error(rc, "login attempts", e);
	if (n >= cfg->ip_per_minute) {
		err_set(e, ERR_TOO_MANY, NULL, "too many login attempts from your address; wait a minute");
		e->retry_after = 60;
		return ERR_TOO_MANY;
	}
	rc = store_login_attempts_by_login(c, login, now - 3600, &n);
	if (rc != STORE_OK)
		return user_store_error(rc, "login attempts", e);
	if (n >= cfg->login_per_hour) {
		err_set(e, ERR_TOO_MANY, NULL, "too many login attempts for this login; try again later");
		e->retry_after = 3600;
		return ERR_TOO_MANY;
	}
	rc = store_login_failures(c, login, now - 3600, &n, &last);
	if (rc != STORE_OK)
		return user_store_error(rc, "login attempts", e);
	if (n >= cfg->failures_before_wait) {
		int64_t wait = LOGIN_WAIT_FIRST;
		for (int64_t i = cfg->failures_before_wait; i < n && wait < LOGIN_WAIT_MAX; i++)
			wait *= 2;
		if (wait > LOGIN_WAIT_MAX)
			wait = LOGIN_WAIT_MAX;
		if (now - last < wait) {
			err_set(e, ERR_TOO_MANY, NULL,
				"too many failed logins in a row; try again in %lld seconds",
				(long long)(wait - (now - last)));
			e->retry_after = (int)(wait - (now - last));
			return ERR_TOO_MANY;
		}
	}
	return 0;
}

struct session_login_tx {
	const char *login, *ip;
	bool ok;
	int64_t now;
	const struct store_session *session;   /* NULL when the login failed */
	const char *rehash;                     /* a fresh hash to store, or NULL */
	int64_t user_id;
};

static int session_login_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct session_login_tx *t = ctx;
	int rc = store_login_attempt_add(c, t->login, t->ip, t->ok, t->now);
	if (rc == STORE_OK && t->session)
		rc = store_session_insert(c, t->session);
	if (rc == STORE_OK && t->rehash)
		rc = store_user_set_password(c, t->user_id, t->rehash, t->now);
	return user_store_error(rc, "session", e);
}

int session_login(struct store_conn *c, const struct session_config *cfg, const char *login_in,
		  const char *password, const char *ip, struct actor *out, char *token,
		  struct err *e)
{
	char login[STORE_LOGIN_MAX + 1];
	snprintf(login, sizeof login, "%s", login_in);
	for (char *p = login; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	int64_t now = clock_now();
	int rc = session_throttle(c, cfg, login, ip, now, e);
	if (rc != 0)
		return rc;

	struct store_user u;
	rc = store_user_get_by_login(c, login, &u);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return user_store_error(rc, "user", e);
	bool ok = rc == STORE_OK ? password_verify(u.password_hash, password)
				 : password_verify_dummy(password);
	ok = ok && u.active;

	struct store_session s;
	char rehash[STORE_HASH_MAX + 1];
	struct session_login_tx t = {login, ip, ok, now, NULL, NULL, 0};
	if (ok) {
		memset(&s, 0, sizeof s);
		session_new_secret(token);
		session_secret_hash(token, s.id_hash);
		session_new_secret(s.csrf_token);
		s.user_id = u.id;
		s.created_at = s.last_seen_at = now;
		s.expires_at = now + cfg->max_seconds;
		t.session = &s;
		t.user_id = u.id;
		if (password_needs_rehash(u.password_hash) && password_hash(password, rehash, NULL) == 0)
			t.rehash = rehash;
	}
	rc = store_tx_run(c, session_login_fn, &t, e);
	if (rc != 0)
		return rc;
	if (!ok)
		return err_set(e, ERR_UNAUTHORIZED, NULL, "wrong login or password");
	memset(out, 0, sizeof *out);
	out->via = ACTOR_COOKIE;
	memcpy(out->session_hash, s.id_hash, 32);
	snprintf(out->csrf_token, sizeof out->csrf_token, "%s", s.csrf_token);
	return session_fill_actor(c, &u, out, e);
}

struct session_write_tx {
	const unsigned char *hash;
	int64_t now;
	bool end;   /* delete instead of touch */
};

static int session_write_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct session_write_tx *t = ctx;
	int rc = t->end ? store_session_delete(c, t->hash) : store_session_touch(c, t->hash, t->now);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_OK;  /* someone else ended it first */
	return user_store_error(rc, "session", e);
}

int session_resolve(struct store_conn *c, const struct session_config *cfg, const char *token,
		    struct actor *out, struct err *e)
{
	if (strlen(token) != SESSION_SECRET_CHARS)
		return err_set(e, ERR_UNAUTHORIZED, NULL, "not logged in");
	unsigned char hash[32];
	session_secret_hash(token, hash);
	struct store_session s;
	int rc = store_session_get(c, hash, &s);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNAUTHORIZED, NULL, "not logged in, or the session has ended");
	if (rc != STORE_OK)
		return user_store_error(rc, "session", e);
	int64_t now = clock_now();
	struct session_write_tx t = {hash, now, false};
	if (now >= s.expires_at || now - s.last_seen_at >= cfg->idle_seconds) {
		t.end = true;
		store_tx_run(c, session_write_fn, &t, NULL);
		return err_set(e, ERR_UNAUTHORIZED, NULL, "the session has ended; log in again");
	}
	struct store_user u;
	rc = store_user_get(c, s.user_id, &u);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !u.active))
		return err_set(e, ERR_UNAUTHORIZED, NULL, "not logged in");
	if (rc != STORE_OK)
		return user_store_error(rc, "user", e);
	/* record activity now and then, not on every request: a write costs an fsync */
	int touch_every = cfg->idle_seconds / 4 < 60 ? cfg->idle_seconds / 4 : 60;
	if (now - s.last_seen_at >= touch_every) {
		rc = store_tx_run(c, session_write_fn, &t, e);
		if (rc != 0)
			return rc;
	}
	memset(out, 0, sizeof *out);
	out->via = ACTOR_COOKIE;
	memcpy(out->session_hash, hash, 32);
	snprintf(out->csrf_token, sizeof out->csrf_token, "%s", s.csrf_token);
	return session_fill_actor(c, &u, out, e);
}

int session_logout(struct store_conn *c, const struct actor *a, struct err *e)
{
	if (a->via != ACTOR_COOKIE)
		return 0;
	struct session_write_tx t = {a->session_hash, 0, true};
	return store_tx_run(c, session_write_fn, &t, e);
}

struct token_touch_tx {
	int64_t id, now;
};

static int token_touch_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct token_touch_tx *t = ctx;
	return user_store_error(store_token_touch(c, t->id, t->now), "token", e);
}

int token_resolve(struct store_conn *c, const char *token, struct actor *out, struct err *e)
{
	size_t plen = strlen(TOKEN_PREFIX);
	if (strncmp(token, TOKEN_PREFIX, plen) != 0 || strlen(token) != plen + SESSION_SECRET_CHARS)
		return err_set(e, ERR_UNAUTHORIZED, NULL, "unknown API token");
	unsigned char hash[32];
	session_secret_hash(token, hash);
	struct store_token t;
	int rc = store_token_get_by_hash(c, hash, &t);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_UNAUTHORIZED, NULL, "unknown API token");
	if (rc != STORE_OK)
		return user_store_error(rc, "token", e);
	struct store_user u;
	rc = store_user_get(c, t.user_id, &u);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !u.active))
		return err_set(e, ERR_UNAUTHORIZED, NULL, "unknown API token");
	if (rc != STORE_OK)
		return user_store_error(rc, "user", e);
	int64_t now = clock_now();
	if (now - t.last_used_at >= 60) {
		struct token_touch_tx tt = {t.id, now};
		store_tx_run(c, token_touch_fn, &tt, NULL);  /* bookkeeping only; never fails a call */
	}
	memset(out, 0, sizeof *out);
	out->via = ACTOR_TOKEN;
	out->token_id = t.id;
	return session_fill_actor(c, &u, out, e);
}

struct token_create_tx {
	struct store_token *t;
};

static int token_create_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct token_create_tx *t = ctx;
	return user_store_error(store_token_insert(c, t->t), "token", e);
}

int token_create(struct store_conn *c, const struct actor *a, const char *name,
		 struct store_token *out, char *token, struct err *e)
{
	size_t n = strlen(name);
	if (n == 0 || n > STORE_NAME_MAX)
		return err_set(e, ERR_UNPROCESSABLE, "name", "must be 1 to %d characters", STORE_NAME_MAX);
	char secret[SESSION_SECRET_CHARS + 1];
	session_new_secret(secret);
	snprintf(token, strlen(TOKEN_PREFIX) + SESSION_SECRET_CHARS + 1, "%s%s", TOKEN_PREFIX, secret);
	memset(out, 0, sizeof *out);
	out->user_id = a->user.id;
	snprintf(out->name, sizeof out->name, "%s", name);
	session_secret_hash(token, out->hash);
	out->created_at = clock_now();
	struct token_create_tx t = {out};
	return store_tx_run(c, token_create_fn, &t, e);
}

int token_list(struct store_conn *c, const struct actor *a, store_token_each_fn each, void *ctx,
	       struct err *e)
{
	return user_store_error(store_token_list(c, a->user.id, each, ctx), "tokens", e);
}

struct token_delete_tx {
	int64_t user_id, id;
};

static int token_delete_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct token_delete_tx *t = ctx;
	return user_store_error(store_token_delete(c, t->user_id, t->id), "token", e);
}

int token_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e)
{
	struct token_delete_tx t = {a->user.id, id};
	return store_tx_run(c, token_delete_fn, &t, e);
}

struct session_purge_tx {
	const struct session_config *cfg;
	int64_t now;
};

static int session_purge_fn(struct store_conn *c, void *ctx, struct err *e)
{
	struct session_purge_tx *t = ctx;
	int rc = store_session_purge(c, t->now - t->cfg->idle_seconds, t->now);
	if (rc == STORE_OK)
		rc = store_login_attempt_purge(c, t->now - 86400);
	return user_store_error(rc, "purge", e);
}

int session_purge(struct store_conn *c, const struct session_config *cfg, struct err *e)
{
	struct session_purge_tx t = {cfg, clock_now()};
	return store_tx_run(c, session_purge_fn, &t, e);
}
