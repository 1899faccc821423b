/* mail_transport.h - where outgoing e-mail goes: an SMTP server through libcurl (the real one;
 * connect 10 s, total 60 s, one recipient per message, TLS required unless the URL is smtp://
 * to a loopback address and --smtp-insecure was given), a directory (one .eml file per
 * message, named by its Message-ID; for a firm that hands mail to another program) or memory
 * (kept in a list, for unit tests and the benchmark).
 *
 * The outbox (jobs/outbox.c) decides what to send and records what happened; a transport only
 * delivers one message and says how it went. */
#ifndef CASELOAD_MAIL_TRANSPORT_H
#define CASELOAD_MAIL_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

enum mail_sink { MAIL_SINK_SMTP = 0, MAIL_SINK_DIR, MAIL_SINK_MEMORY };

struct mail_config {
	enum mail_sink sink;
	char url[256];            /* smtp: "smtp://host:port" or "smtps://..." ; dir: the path */
	char from[256];           /* the envelope and header From address */
	char domain[128];         /* for Message-IDs: the part after @ */
	char user[128];           /* SMTP AUTH, "" = none */
	char password[128];
	bool insecure;            /* allow plain SMTP (loopback tests) */
	int connect_timeout;      /* seconds [10] */
	int total_timeout;        /* seconds [60] */
};

/* mail_config_defaults: sink memory, from "caseload@localhost", domain "localhost", timeouts
 * 10 and 60. */
void mail_config_defaults(struct mail_config *cfg);

/* How one delivery went. */
enum mail_result {
	MAIL_SENT = 0,        /* the server accepted the message */
	MAIL_RETRY,           /* failed before the whole message was uploaded: safe to try again */
	MAIL_REJECTED,        /* the server refused it for good (5xx): failed */
	MAIL_UNKNOWN          /* failed after the whole message went up: it may have arrived */
};

/* mail_transport_send delivers message (len bytes, CRLF) to rcpt with envelope sender from;
 * the error text (why) goes into e->message for anything but MAIL_SENT. */
enum mail_result mail_transport_send(const struct mail_config *cfg, const char *rcpt,
				     const char *message_id, const char *message, size_t len,
				     struct err *e);

/* The memory sink's list (tests, benchmark): how many messages it holds, and message i's
 * recipient and bytes (valid until mail_memory_clear). Thread-safe. */
size_t mail_memory_count(void);
const char *mail_memory_rcpt(size_t i);
const char *mail_memory_message(size_t i, size_t *len);
void mail_memory_clear(void);

#endif
