/* actor.h - who is making a call: the logged-in user, their effective rights and how they
 * authenticated. The HTTP layer fills it (http/auth.c via domain/session.c); the CLI and jobs
 * make one for the system. Every domain function that acts for someone takes one. */
#ifndef CASELOAD_ACTOR_H
#define CASELOAD_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum actor_via { ACTOR_NONE = 0, ACTOR_COOKIE, ACTOR_TOKEN, ACTOR_SYSTEM };

struct actor {
	enum actor_via via;
	struct store_user user;          /* the user row (password_hash cleared) */
	uint32_t rights;                 /* bit set of enum right (domain/rights.h) */
	unsigned char session_hash[32];  /* ACTOR_COOKIE: which session */
	char csrf_token[64];             /* ACTOR_COOKIE: the session's CSRF token */
	int64_t token_id;                /* ACTOR_TOKEN: which API token */
};

/* actor_system makes the actor for CLI and jobs: every right, user id 0. */
void actor_system(struct actor *a);

#endif
