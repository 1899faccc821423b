/* log.c - structured log lines (see log.h). Each line is one write(2), so lines from different
 * threads never interleave. */
#include "http/log.h"
#include "core/clock.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void log_write(json_t *line)
{
	char *text = json_dumps(line, JSON_COMPACT);
	json_decref(line);
	if (!text)
		return;
	size_t n = strlen(text);
	text[n] = '\n';   /* json_dumps leaves room: replace the NUL, write n + 1 */
	ssize_t w = write(STDERR_FILENO, text, n + 1);
	(void)w;
	free(text);
}

static json_t *log_line(const char *event)
{
	char ts[32];
	clock_format_utc(clock_now(), ts);
	json_t *j = json_object();
	json_object_set_new(j, "ts", json_string(ts));
	if (event)
		json_object_set_new(j, "event", json_string(event));
	return j;
}

void log_request(const struct request *r, bool aborted)
{
	json_t *j = log_line(NULL);
	json_object_set_new(j, "method", json_string(r->method));
	/* the path without its query string: queries may carry search terms */
	json_object_set_new(j, "path", json_string(r->path));
	json_object_set_new(j, "status", json_integer(r->status));
	json_object_set_new(j, "us", json_integer(clock_monotonic_us() - r->started_us));
	json_object_set_new(j, "user", r->actor.via != ACTOR_NONE && r->actor.user.id
				       ? json_integer(r->actor.user.id) : json_null());
	json_object_set_new(j, "ip", json_string(r->client_ip));
	if (aborted)
		json_object_set_new(j, "aborted", json_true());
	log_write(j);
}

void log_event(const char *event, json_t *ev)
{
	json_t *j = log_line(event);
	if (ev) {
		json_object_update(j, ev);
		json_decref(ev);
	}
	log_write(j);
}
