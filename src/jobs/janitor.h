/* janitor.h - the server's housekeeping thread: forgets ended sessions and old login attempts
 * every few minutes. Safe with many server processes: each purge is an idempotent delete. */
#ifndef CASELOAD_JANITOR_H
#define CASELOAD_JANITOR_H

#include <pthread.h>
#include <stdbool.h>

#include "domain/session.h"
#include "store/store.h"

struct janitor {
	struct store *store;
	const struct session_config *session;
	int every_seconds;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	bool running;
};

/* janitor_start runs the thread; 0 or ERR_INTERNAL. */
int janitor_start(struct janitor *j, struct store *s, const struct session_config *cfg,
		  int every_seconds);

/* janitor_stop wakes the thread and waits for it to end. */
void janitor_stop(struct janitor *j);

#endif
