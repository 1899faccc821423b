/* mail.h - building e-mail messages (RFC 5322 + MIME): headers with RFC 2047 encoded words
 * where needed, a multipart/alternative body with a text/plain and a text/html part, both
 * UTF-8 and quoted-printable, CRLF line ends. And the case status report as an e-mail
 * (mail_report_build): its text part and its HTML part (requirements in their listed order, key
 * ones in <strong>).
 *
 * Sending is not here: jobs/outbox.c drains the outbox through a mail transport. */
#ifndef CASELOAD_RENDER_MAIL_H
#define CASELOAD_RENDER_MAIL_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "render/report_doc.h"

struct mail_message {
	const char *from;          /* "Name <addr>" or addr */
	const char *to;            /* one recipient */
	const char *subject;       /* UTF-8 */
	const char *message_id;    /* "<...@...>", deterministic, given by the caller */
	long long date;            /* Unix seconds, for the Date header */
	const char *text;          /* the text/plain part, UTF-8, "\n" line ends */
	const char *html;          /* the text/html part; NULL = text only */
};

/* mail_build appends the whole message to out: 0, or ERR_UNPROCESSABLE when a header value
 * holds CR or LF (field "from", "to", "subject" or "message_id"), or ERR_INTERNAL. */
int mail_build(const struct mail_message *m, struct buf *out, struct err *e);

/* mail_message_id makes the deterministic Message-ID of a run's recipient:
 * "<run.recipient.HASH@domain>" where HASH is 16 hex digits of BLAKE2b over run and recipient
 * ("/" in run becomes "."), into out (size bytes, at least 128). */
void mail_message_id(const char *run_id, const char *recipient_id, const char *domain,
		     char *out, size_t size);

/* mail_address_valid says whether s looks like one deliverable address: local@domain, no
 * spaces or control characters, a dot in the domain, at most 254 bytes. */
int mail_address_valid(const char *s);

/* mail_report_text / mail_report_html append the report's text or HTML part (HTML-escaped) to
 * out; mail_report_build builds the whole message of a report from `from` to d->advisor_email
 * with d->subject and d->message_id. 0, or an error as mail_build. */
int mail_report_text(const struct report_doc *d, struct buf *out);
int mail_report_html(const struct report_doc *d, struct buf *out);
int mail_report_build(const struct report_doc *d, const char *from, long long date,
		      struct buf *out, struct err *e);

#endif
