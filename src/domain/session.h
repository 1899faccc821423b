/* session.h - logging in and out, cookie sessions, API tokens, and login throttling.
 *
 * Secrets (session cookies, bearer tokens) are 256-bit random values in base64url; only their
 * SHA-256 is stored. The HTTP side (reading the cookie, setting it, CSRF headers) is
 * http/auth.c; this file decides who someone is and whether they may try again. */
#ifndef CASELOAD_SESSION_H
#define CASELOAD_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/actor.h"
#include "store/store.h"

#define SESSION_SECRET_CHARS 43   /* base64url of 32 bytes, no padding */
#define TOKEN_PREFIX "cl_"

struct session_config {
	int idle_seconds;          /* 1800: a session unused this long ends */
	int max_seconds;           /* 43200: a session ends this long after login, whatever */
	int ip_per_minute;         /* 30 login attempts a minute from one address */
	int login_per_hour;        /* 100 attempts an hour for one login */
	int failures_before_wait;  /* 5 failures in a row, then a wait that doubles */
};

/* session_config_default fills c with the values of defaults.md. */
void session_config_default(struct session_config *c);

/* session_login checks the throttles, then the password, records the attempt, and on success
 * makes a new session: *out becomes the logged-in actor and token (at least 44 bytes) the cookie
 * value. ERR_UNAUTHORIZED (same message for unknown login and wrong password or inactive user),
 * ERR_TOO_MANY with e->retry_after. */
int session_login(struct store_conn *c, const struct session_config *cfg, const char *login,
		  const char *password, const char *ip, struct actor *out, char *token,
		  struct err *e);

/* session_resolve finds the actor for a cookie token; ends an idle or expired session.
 * ERR_UNAUTHORIZED when there is no live session for it. */
int session_resolve(struct store_conn *c, const struct session_config *cfg, const char *token,
		    struct actor *out, struct err *e);

/* session_logout ends the actor's cookie session (a no-op for other kinds of actor). */
int session_logout(struct store_conn *c, const struct actor *a, struct err *e);

/* token_resolve finds the actor for a bearer token. ERR_UNAUTHORIZED when unknown. */
int token_resolve(struct store_conn *c, const char *token, struct actor *out, struct err *e);

/* token_create makes an API token for the actor; token (at least 48 bytes) receives the secret,
 * shown once. ERR_UNPROCESSABLE when name is empty or too long. */
int token_create(struct store_conn *c, const struct actor *a, const char *name,
		 struct store_token *out, char *token, struct err *e);

/* token_list calls each with the actor's tokens. */
int token_list(struct store_conn *c, const struct actor *a, store_token_each_fn each, void *ctx,
	       struct err *e);

/* token_delete removes one of the actor's tokens; ERR_NOT_FOUND when it is not theirs. */
int token_delete(struct store_conn *c, const struct actor *a, int64_t id, struct err *e);

/* session_purge forgets ended sessions and login attempts older than a day (janitor job). */
int session_purge(struct store_conn *c, const struct session_config *cfg, struct err *e);

/* session_secret_hash computes SHA-256 of a secret's text. */
void session_secret_hash(const char *secret, unsigned char out[32]);

#endif
