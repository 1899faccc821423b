/* server.c - libmicrohttpd set-up and the life of one request (see server.h).
 *
 * A request goes: first call (headers read) -> URL length, route, method, declared body size;
 * then body chunks into a capped buffer with a deadline for slow senders; then the last call ->
 * login (auth.c), CSRF (auth.c), the handler (src/api/), and the answer. Everything the request
 * allocated is freed in server_completed(), which also writes the log line. */
#include "http/server.h"
#include "core/clock.h"
#include "http/auth.h"
#include "http/log.h"
#include "http/request.h"
#include "http/router.h"
#include "http/static.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void server_config_default(struct server_config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->host, sizeof c->host, "127.0.0.1");
	c->port = 8080;
	c->threads = 4;
	c->max_connections = 256;
	c->per_ip_connections = 16;
	c->idle_timeout = 15;
	c->connection_memory = 32 * 1024;
	c->backlog = 128;
	c->body_max = 1024 * 1024;
	c->url_max = 2048;
	c->slow_body_seconds = 10;
	c->slow_body_rate = 1024;
	c->db_wait_ms = 10000;
	session_config_default(&c->session);
}

static void server_client_ip(struct request *r)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(r->client_ip, sizeof r->client_ip, "unknown");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			  r->client_ip, sizeof r->client_ip);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  r->client_ip, sizeof r->client_ip);
}

static struct request *server_request_new(struct server *s, struct MHD_Connection *conn,
					  const char *url, const char *method)
{
	struct request *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	arena_init(&r->arena, 8192);
	r->conn = conn;
	r->srv = s;
	r->started_us = clock_monotonic_us();
	r->method = arena_strdup(&r->arena, method);
	r->path = arena_strdup(&r->arena, url);
	if (!r->method || !r->path) {
		arena_free(&r->arena);
		free(r);
		return NULL;
	}
	server_client_ip(r);
	atomic_fetch_add(&s->in_flight, 1);
	return r;
}

static void server_request_free(struct request *r)
{
	if (r->db)
		store_release(r->srv->store, r->db);
	if (r->response)
		MHD_destroy_response(r->response);
	json_decref(r->json);
	buf_cleanup(&r->body);
	atomic_fetch_sub(&r->srv->in_flight, 1);
	arena_free(&r->arena);
	free(r);
}

/* server_queue sends the answer a reply_* call prepared. */
static enum MHD_Result server_queue(struct request *r)
{
	if (!r->response)
		reply_error(r, ERR_INTERNAL, NULL, "the handler gave no answer");
	if (!r->response)
		return MHD_NO;
	return MHD_queue_response(r->conn, (unsigned int)r->status, r->response);
}

/* server_declared_length reads Content-Length; -1 when absent or not a number. */
static long long server_declared_length(struct request *r)
{
	const char *cl = request_header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (!cl)
		return -1;
	char *end = NULL;
	long long n = strtoll(cl, &end, 10);
	return (end && *end == '\0' && n >= 0) ? n : -1;
}

static enum MHD_Result server_add_arg_length(void *cls, enum MHD_ValueKind kind, const char *key,
					    const char *value)
{
	size_t *n = cls;
	*n += strlen(key) + 2 + (value ? strlen(value) : 0);  /* "?k=v" or "&k=v" */
	return MHD_YES;
}

/* server_url_length is the length of path and query (libmicrohttpd hands over the path alone). */
static size_t server_url_length(struct request *r)
{
	size_t n = strlen(r->path);
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, server_add_arg_length, &n);
	return n;
}

/* server_begin checks what can be checked from the headers alone; it answers (r->response) when
 * the request must be refused before its body is read. */
static void server_begin(struct request *r)
{
	struct server *s = r->srv;
	if (server_url_length(r) > s->cfg.url_max) {
		reply_error(r, ERR_URI_TOO_LONG, NULL, "the URL is longer than 2 KiB");
		return;
	}
	if (strncmp(r->path, "/api/", 5) != 0)
		return;   /* no route: the UI's files, served by static.c */
	char allow[128];
	const struct route *rt = NULL;
	switch (router_match(r, r->method, r->path, &rt, allow, sizeof allow)) {
	case ROUTER_NO_PATH:
		reply_error(r, ERR_NOT_FOUND, NULL, "there is no such API endpoint");
		return;
	case ROUTER_NO_METHOD:
		r->allow = arena_strdup(&r->arena, allow);
		reply_error(r, ERR_METHOD, NULL, "this endpoint does not accept that method");
		return;
	case ROUTER_FOUND:
		break;
	}
	r->route = rt;
	size_t max = rt->body_max == ROUTE_BODY_JSON ? s->cfg.body_max : rt->body_max;
	buf_init(&r->body, max);
	long long declared = server_declared_length(r);
	if (declared > 0 && (unsigned long long)declared > max) {
		if (max == 0)
			reply_error(r, ERR_TOO_LARGE, "body", "this endpoint takes no body");
		else
			reply_error(r, ERR_TOO_LARGE, "body", "the body is larger than this endpoint accepts");
	}
}

/* Bytes of a refused body read and dropped before the connection is closed instead. */
#define SERVER_DISCARD_MAX ((size_t)4 * 1024 * 1024)

/* server_take_body adds a chunk; answers 413 or 408 when the chunk breaks a limit. A body that
 * completes, but took longer than slow_body_seconds at under slow_body_rate, is also 408 (see
 * server_access). */
static void server_take_body(struct request *r, const char *data, size_t len)
{
	if (buf_append(&r->body, data, len) != 0) {
		reply_error(r, ERR_TOO_LARGE, "body", "the body is larger than this endpoint accepts");
		return;
	}
	int64_t elapsed_us = clock_monotonic_us() - r->started_us;
	int64_t elapsed_s = elapsed_us / 1000000;
	if (elapsed_s >= r->srv->cfg.slow_body_seconds &&
	    r->body.len < (size_t)elapsed_s * r->srv->cfg.slow_body_rate)
		reply_error(r, ERR_TIMEOUT, "body", "the body arrived too slowly");
}

/* server_dispatch runs login, CSRF and the handler for a complete request. */
static void server_dispatch(struct request *r)
{
	if (!r->route) {
		static_serve(r);
		return;
	}
	struct err e;
	err_clear(&e);
	if (auth_identify(r, &e) != 0 || auth_check_route(r, &e) != 0) {
		reply_problem(r, &e);
		return;
	}
	r->route->handler(r);
}

static enum MHD_Result server_access(void *cls, struct MHD_Connection *conn, const char *url,
				     const char *method, const char *version,
				     const char *upload_data, size_t *upload_data_size,
				     void **con_cls)
{
	struct server *s = cls;
	struct request *r = *con_cls;
	if (!r) {
		r = server_request_new(s, conn, url, method);
		if (!r)
			return MHD_NO;
		*con_cls = r;
		server_begin(r);
		if (r->response) {
			r->body_refused = true;
			return server_queue(r);
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (r->body_refused)
			return MHD_YES;   /* an answer was queued before the body; drop the rest */
		if (r->response) {
			/* refused mid-body: libmicrohttpd takes the answer only once the body is in,
			 * so drop the rest up to a bound and answer then; past the bound, hang up */
			r->discarded += n;
			bool too_long = clock_monotonic_us() - r->started_us >
					(int64_t)s->cfg.slow_body_seconds * 2 * 1000000;
			return (r->discarded > SERVER_DISCARD_MAX || too_long) ? MHD_NO : MHD_YES;
		}
		server_take_body(r, upload_data, n);
		return MHD_YES;
	}
	if (r->body_refused)
		return MHD_YES;
	if (!r->response)
		server_dispatch(r);
	return server_queue(r);
}

static void server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			     enum MHD_RequestTerminationCode toe)
{
	struct request *r = *con_cls;
	if (!r)
		return;
	log_request(r, toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
	server_request_free(r);
	*con_cls = NULL;
}

int server_start(struct server *s, struct err *e)
{
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)s->cfg.port);
	if (inet_pton(AF_INET, s->cfg.host, &addr.sin_addr) != 1)
		return err_set(e, ERR_INVALID, "listen", "'%s' is not an IPv4 address", s->cfg.host);
	atomic_init(&s->in_flight, 0);
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
			     MHD_USE_TURBO;
	s->daemon = MHD_start_daemon(
		flags, (uint16_t)s->cfg.port, NULL, NULL, server_access, s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)s->cfg.threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)s->cfg.max_connections,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)s->cfg.per_ip_connections,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)s->cfg.idle_timeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, s->cfg.connection_memory,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)s->cfg.backlog,
		MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
		MHD_OPTION_NOTIFY_COMPLETED, server_completed, s,
		MHD_OPTION_END);
	if (!s->daemon)
		return err_set(e, ERR_INTERNAL, "listen", "cannot listen on %s:%d (in use, or not allowed)",
			       s->cfg.host, s->cfg.port);
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : s->cfg.port;
	return 0;
}

/* How long, at most, stop waits for open connections whose request has not begun. */
#define SERVER_STOP_LINGER_MS 250

/* server_open_connections is the number of connections libmicrohttpd holds open. */
static unsigned server_open_connections(struct server *s)
{
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
	return info ? info->num_connections : 0;
}

void server_stop(struct server *s, int grace_ms)
{
	if (!s->daemon)
		return;
	MHD_socket fd = MHD_quiesce_daemon(s->daemon);
	/* Requests in flight get up to grace_ms. An open connection whose request has not reached
	 * the handler yet (its bytes are still being read) gets a short while to become one, so a
	 * request sent just before the signal is answered rather than cut off. */
	for (int waited = 0; waited < grace_ms; waited += 10) {
		if (atomic_load(&s->in_flight) == 0 &&
		    (waited >= SERVER_STOP_LINGER_MS || server_open_connections(s) == 0))
			break;
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(s->daemon);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	s->daemon = NULL;
}
