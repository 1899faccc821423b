/* server.h - the HTTP server: libmicrohttpd with a thread pool on epoll, the defensive limits
 * of defaults.md, per-request state, and a clean shutdown that lets in-flight requests finish.
 *
 * What a request goes through is in server.c; routing is router.c, login is auth.c, answers are
 * reply.c, the UI files are static.c, the request log is log.c. */
#ifndef CASELOAD_HTTP_SERVER_H
#define CASELOAD_HTTP_SERVER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "domain/session.h"
#include "store/store.h"

struct server_config {
	char host[64];               /* "127.0.0.1" */
	int port;                    /* 0 = any free port */
	int threads;                 /* 4 */
	int max_connections;         /* 256 */
	int per_ip_connections;      /* 16 */
	int idle_timeout;            /* 15 s: libmicrohttpd's default is none */
	size_t connection_memory;    /* 32 KiB */
	int backlog;                 /* 128 */
	size_t body_max;             /* 1 MiB JSON */
	size_t url_max;              /* 2 KiB */
	int slow_body_seconds;       /* 10: a body slower than slow_body_rate after this is 408 */
	size_t slow_body_rate;       /* 1024 bytes a second */
	int db_wait_ms;              /* 10000: longest wait for a pooled connection */
	struct session_config session;
};

struct server {
	struct server_config cfg;
	struct store *store;
	struct MHD_Daemon *daemon;
	atomic_int in_flight;        /* requests begun and not yet completed */
	int port;                    /* the port actually bound */
};

/* server_config_default fills c with defaults.md's values. */
void server_config_default(struct server_config *c);

/* server_start binds and starts serving with s->cfg and s->store (the caller owns the store).
 * ERR_INTERNAL with a message when the address cannot be bound. */
int server_start(struct server *s, struct err *e);

/* server_stop stops accepting, waits up to grace_ms for in-flight requests, then stops. */
void server_stop(struct server *s, int grace_ms);

#endif
