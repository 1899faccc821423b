/* log.h - one JSON line per request on standard error, and other server events. */
#ifndef CASELOAD_HTTP_LOG_H
#define CASELOAD_HTTP_LOG_H

#include <jansson.h>
#include <stdbool.h>

#include "http/request.h"

/* log_request writes {"ts","method","path","status","us","user","ip"} for a finished request;
 * aborted says the connection ended before the answer was sent. */
void log_request(const struct request *r, bool aborted);

/* log_event writes an event line: ev gains "ts" and "event" and is released here. */
void log_event(const char *event, json_t *ev);

#endif
