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
 * "<run.recipient.HASH@domain>" where HASH is 16 hex digits: the first 8 bytes of a BLAKE2b
 * (crypto_generichash, 16 bytes, its shortest) over run, "\n" and recipient. In the readable
 * parts "/" and anything else but letters, digits, "-" and "_" becomes "." (no doubled dots),
 * each is cut at 32 characters, and an empty domain is "localhost"; into out (size bytes, at
 * least 128). */
void mail_message_id(const char *run_id, const char *recipient_id, const char *domain,
		     char *out, size_t size);

/* mail_address_valid says whether s looks like one deliverable address: local@domain, one @,
 * a local part of at most 64 printable ASCII characters without spaces, <>(),;:"[]\ or a
 * leading, trailing or doubled dot; a domain of dot-separated labels of letters, digits and
 * inner hyphens with a dot in it and a top-level label that is not all digits; at most 254
 * bytes. Non-ASCII addresses (SMTPUTF8) are refused. 1 or 0. */
int mail_address_valid(const char *s);

/* mail_report_text / mail_report_html append the report's text or HTML part (HTML-escaped) to
 * out (0, or the buf_append error; out may then hold part of it); mail_report_build builds the
 * whole message of a report from `from` to "d->advisor_name <d->advisor_email>" with
 * d->subject and d->message_id. 0, ERR_UNPROCESSABLE "advisor_email" when the address is not
 * valid (mail_address_valid), or an error as mail_build. */
int mail_report_text(const struct report_doc *d, struct buf *out);
int mail_report_html(const struct report_doc *d, struct buf *out);
int mail_report_build(const struct report_doc *d, const char *from, long long date,
		      struct buf *out, struct err *e);

#endif
