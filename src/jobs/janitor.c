/* janitor.c - periodic purge of ended sessions and old login attempts (see janitor.h). */
#include "jobs/janitor.h"

#include <errno.h>
#include <time.h>

static void *janitor_main(void *arg)
{
	struct janitor *j = arg;
	pthread_mutex_lock(&j->lock);
	while (!j->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += j->every_seconds;
		while (!j->stop && pthread_cond_timedwait(&j->wake, &j->lock, &until) != ETIMEDOUT)
			;
		if (j->stop)
			break;
		pthread_mutex_unlock(&j->lock);
		struct store_conn *c = store_acquire(j->store, 1000);
		if (c) {
			session_purge(c, j->session, NULL);
			store_release(j->store, c);
		}
		pthread_mutex_lock(&j->lock);
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

int janitor_start(struct janitor *j, struct store *s, const struct session_config *cfg,
		  int every_seconds)
{
	j->store = s;
	j->session = cfg;
	j->every_seconds = every_seconds;
	j->stop = false;
	pthread_mutex_init(&j->lock, NULL);
	pthread_cond_init(&j->wake, NULL);
	j->running = pthread_create(&j->thread, NULL, janitor_main, j) == 0;
	return j->running ? 0 : ERR_INTERNAL;
}

void janitor_stop(struct janitor *j)
{
	if (!j->running)
		return;
	pthread_mutex_lock(&j->lock);
	j->stop = true;
	pthread_cond_signal(&j->wake);
	pthread_mutex_unlock(&j->lock);
	pthread_join(j->thread, NULL);
	pthread_cond_destroy(&j->wake);
	pthread_mutex_destroy(&j->lock);
	j->running = false;
}
