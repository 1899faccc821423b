/* mail.c - an e-mail message as bytes (RFC 5322 + MIME, see mail.h): headers (encoded words for
 * non-ASCII, folded when long), a multipart/alternative body of a text and an HTML part, both
 * quoted-printable, CRLF everywhere. The report's own parts are render/mail_report.c; sending
 * is jobs/outbox.c and jobs/mail_transport.c. */
#include "render/mail.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define MAIL_LINE_MAX 76          /* quoted-printable and encoded-word lines */
#define MAIL_WORD_BYTES 39        /* UTF-8 bytes per encoded word: 52 base64 characters */
#define MAIL_ID_HASH_BYTES 16     /* crypto_generichash_BYTES_MIN; the first 8 are used */
#define MAIL_ID_PART 32           /* characters of the run and of the recipient in an id */

static bool mail_has_crlf(const char *s)
{
	return s && strpbrk(s, "\r\n") != NULL;
}

static bool mail_is_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80 || (*p < 0x20 && *p != '\t') || *p == 0x7f)
			return false;
	return true;
}

/* mail_utf8_len is the length of the UTF-8 sequence that starts with byte c (1 for a stray
 * byte, so that broken input still moves on). */
static size_t mail_utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/* mail_encoded_words appends s as RFC 2047 "=?UTF-8?B?...?=" words, each on its own folded
 * line, never splitting a UTF-8 character between words. */
static int mail_encoded_words(struct buf *out, const char *s, size_t len)
{
	char b64[sodium_base64_ENCODED_LEN(MAIL_WORD_BYTES + 3, sodium_base64_VARIANT_ORIGINAL)];
	size_t i = 0;
	int rc = 0;
	bool first = true;
	while (i < len && rc == 0) {
		size_t n = 0;
		while (i + n < len) {
			size_t c = mail_utf8_len((unsigned char)s[i + n]);
			if (i + n + c > len)
				c = len - i - n;
			if (n + c > MAIL_WORD_BYTES && n > 0)
				break;
			n += c;
		}
		sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)s + i, n,
				  sodium_base64_VARIANT_ORIGINAL);
		if (!first)
			rc = buf_append_str(out, "\r\n ");
		if (rc == 0)
			rc = buf_append_str(out, "=?UTF-8?B?");
		if (rc == 0)
			rc = buf_append_str(out, b64);
		if (rc == 0)
			rc = buf_append_str(out, "?=");
		first = false;
		i += n;
	}
	return rc;
}

/* mail_folded appends ASCII text s after a header name of used columns, folding before spaces
 * so that lines stay within 78 columns where the words allow. */
static int mail_folded(struct buf *out, const char *s, size_t used)
{
	size_t col = used;
	const char *p = s;
	int rc = 0;
	while (*p && rc == 0) {
		size_t word = strcspn(p + 1, " \t") + 1;   /* a word with its leading blank */
		if (col + word > 78 && col > used && (*p == ' ' || *p == '\t')) {
			rc = buf_append_str(out, "\r\n");
			col = 0;
		}
		if (rc == 0)
			rc = buf_append(out, p, word);
		col += word;
		p += word;
	}
	return rc;
}

/* mail_unstructured appends a header whose value is free text (the subject): folded ASCII, or
 * encoded words when it is not plain ASCII or could be mistaken for an encoded word. */
static int mail_unstructured(struct buf *out, const char *name, const char *value)
{
	int rc = buf_append_str(out, name);
	if (rc == 0)
		rc = buf_append_str(out, ": ");
	if (rc == 0 && *value)
		rc = mail_is_ascii(value) && !strstr(value, "=?")
			     ? mail_folded(out, value, strlen(name) + 2)
					  : mail_encoded_words(out, value, strlen(value));
	if (rc == 0)
		rc = buf_append_str(out, "\r\n");
	return rc;
}

/* mail_phrase appends a display name: encoded words when it is not plain ASCII, quoted when it
 * holds characters that are special in an address (RFC 5322 3.2.3). */
static int mail_phrase(struct buf *out, const char *s, size_t len)
{
	bool ascii = true, special = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || c < 0x20 || c == 0x7f)
			ascii = false;
		else if (strchr("()<>[]:;@\\,\"", c))
			special = true;
	}
	if (!ascii)
		return mail_encoded_words(out, s, len);
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"')
		special = false;   /* already quoted by the caller */
	if (!special)
		return buf_append(out, s, len);
	int rc = buf_append_str(out, "\"");
	for (size_t i = 0; i < len && rc == 0; i++) {
		if (s[i] == '"' || s[i] == '\\')
			rc = buf_append_str(out, "\\");
		if (rc == 0)
			rc = buf_append(out, &s[i], 1);
	}
	if (rc == 0)
		rc = buf_append_str(out, "\"");
	return rc;
}

/* mail_address_header appends an address header: "Name <addr>" with the name encoded or quoted
 * as needed, or a bare address. */
static int mail_address_header(struct buf *out, const char *name, const char *value)
{
	int rc = buf_append_str(out, name);
	if (rc == 0)
		rc = buf_append_str(out, ": ");
	const char *lt = strrchr(value, '<');
	if (rc == 0 && lt && lt > value) {
		size_t n = (size_t)(lt - value);
		while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t'))
			n--;
		rc = mail_phrase(out, value, n);
		if (rc == 0)
			rc = buf_append_str(out, " ");
		if (rc == 0)
			rc = buf_append_str(out, lt);
	} else if (rc == 0) {
		rc = buf_append_str(out, value);
	}
	if (rc == 0)
		rc = buf_append_str(out, "\r\n");
	return rc;
}

/* mail_date appends "Date: Mon, 23 Nov 2026 08:37:43 +0000" (UTC, English names whatever the
 * locale). */
static int mail_date(struct buf *out, long long date)
{
	static const char *const days[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = (time_t)date;
	struct tm tm;
	char line[64];
	if (!gmtime_r(&t, &tm))
		return ERR_INTERNAL;
	snprintf(line, sizeof(line), "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
		 days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
	return buf_append_str(out, line);
}

/* mail_qp_put appends one byte of a quoted-printable line (n characters once encoded), with a
 * soft line break first when it would pass column 75 (the 76th is the soft break's "="). */
static int mail_qp_put(struct buf *out, size_t *col, const char *enc, size_t n)
{
	int rc = 0;
	if (*col + n > MAIL_LINE_MAX - 1) {
		rc = buf_append_str(out, "=\r\n");
		*col = 0;
	}
	if (rc == 0)
		rc = buf_append(out, enc, n);
	*col += n;
	return rc;
}

/* mail_qp appends text ("\n" or "\r\n" line ends) quoted-printable (RFC 2045 6.7): lines of at
 * most 76 characters, soft breaks, blanks before a line end encoded, a leading "." encoded so
 * that no transport has to stuff it. */
static int mail_qp(struct buf *out, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;
	int rc = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p && rc == 0; p++) {
		unsigned char c = *p;
		if (c == '\n' || (c == '\r' && p[1] == '\n')) {
			if (c == '\r')
				p++;
			rc = buf_append_str(out, "\r\n");
			col = 0;
			continue;
		}
		bool at_end = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
		bool plain = (c >= 33 && c <= 126 && c != '=') ||
			     ((c == ' ' || c == '\t') && !at_end);
		if (c == '.' && col == 0)
			plain = false;
		if (plain) {
			char ch = (char)c;
			rc = mail_qp_put(out, &col, &ch, 1);
		} else {
			char enc[3] = {'=', hex[c >> 4], hex[c & 15]};
			rc = mail_qp_put(out, &col, enc, 3);
		}
	}
	return rc;
}

/* mail_part appends one body part: its headers, a blank line, the text quoted-printable. */
static int mail_part(struct buf *out, const char *type, const char *text)
{
	int rc = buf_append_str(out, "Content-Type: ");
	if (rc == 0)
		rc = buf_append_str(out, type);
	if (rc == 0)
		rc = buf_append_str(out, "; charset=utf-8\r\n"
					 "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	if (rc == 0)
		rc = mail_qp(out, text ? text : "");
	if (rc == 0)
		rc = buf_append_str(out, "\r\n");
	return rc;
}

/* mail_boundary derives the multipart boundary from the Message-ID. It starts with "=_", which
 * quoted-printable never produces ("=" is always followed by two hex digits or a line end), so
 * it cannot occur inside the parts. */
static void mail_boundary(const char *message_id, char out[48])
{
	unsigned char h[MAIL_ID_HASH_BYTES];
	char hex[2 * MAIL_ID_HASH_BYTES + 1];
	crypto_generichash(h, sizeof(h), (const unsigned char *)message_id, strlen(message_id),
			   NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(out, 48, "=_caseload_%s", hex);
}

/* mail_check_header refuses a header value with CR or LF (header injection). */
static int mail_check_header(const char *value, const char *field, bool required,
			     struct err *e)
{
	if (required && (!value || !*value))
		return err_set(e, ERR_UNPROCESSABLE, field, "must not be empty");
	if (mail_has_crlf(value))
		return err_set(e, ERR_UNPROCESSABLE, field,
			       "must not contain line breaks (CR or LF)");
	return 0;
}

int mail_build(const struct mail_message *m, struct buf *out, struct err *e)
{
	char boundary[48];
	int rc;
	if ((rc = mail_check_header(m->from, "from", true, e)) ||
	    (rc = mail_check_header(m->to, "to", true, e)) ||
	    (rc = mail_check_header(m->subject, "subject", false, e)) ||
	    (rc = mail_check_header(m->message_id, "message_id", true, e)))
		return rc;
	size_t start = out->len;
	mail_boundary(m->message_id, boundary);
	rc = mail_address_header(out, "From", m->from);
	if (rc == 0)
		rc = mail_address_header(out, "To", m->to);
	if (rc == 0)
		rc = mail_unstructured(out, "Subject", m->subject ? m->subject : "");
	if (rc == 0)
		rc = mail_date(out, m->date);
	if (rc == 0)
		rc = buf_append_str(out, "Message-ID: ");
	if (rc == 0)
		rc = buf_append_str(out, m->message_id);
	if (rc == 0)
		rc = buf_append_str(out, "\r\nMIME-Version: 1.0\r\n");
	if (rc == 0 && !m->html) {
		rc = mail_part(out, "text/plain", m->text);
	} else if (rc == 0) {
		char head[128];
		snprintf(head, sizeof(head),
			 "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", boundary);
		rc = buf_append_str(out, head);
		if (rc == 0)
			rc = buf_append_str(out, "This is a multi-part message in MIME "
						 "format.\r\n");
		snprintf(head, sizeof(head), "--%s\r\n", boundary);
		if (rc == 0)
			rc = buf_append_str(out, head);
		if (rc == 0)
			rc = mail_part(out, "text/plain", m->text);
		if (rc == 0)
			rc = buf_append_str(out, head);
		if (rc == 0)
			rc = mail_part(out, "text/html", m->html);
		snprintf(head, sizeof(head), "--%s--\r\n", boundary);
		if (rc == 0)
			rc = buf_append_str(out, head);
	}
	if (rc != 0) {
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		return err_set(e, rc, NULL, "%s", rc == ERR_TOO_LARGE
						       ? "the message is too large"
						       : "out of memory building a message");
	}
	return 0;
}

/* mail_id_part copies s into out (at most max characters) as a dot-atom piece: letters,
 * digits, "-" and "_" stay, anything else becomes ".", with no leading, trailing or doubled
 * dots. */
static void mail_id_part(const char *s, char *out, size_t max)
{
	size_t n = 0;
	for (const char *p = s; *p && n < max; p++) {
		char c = *p;
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_';
		if (!keep && (n == 0 || out[n - 1] == '.'))
			continue;
		out[n++] = keep ? c : '.';
	}
	while (n > 0 && out[n - 1] == '.')
		n--;
	if (n == 0)
		out[n++] = 'x';
	out[n] = '\0';
}

void mail_message_id(const char *run_id, const char *recipient_id, const char *domain,
		     char *out, size_t size)
{
	unsigned char h[MAIL_ID_HASH_BYTES];
	char hex[17];
	char run[MAIL_ID_PART + 1], rcpt[MAIL_ID_PART + 1], dom[64];
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)run_id, strlen(run_id));
	crypto_generichash_update(&st, (const unsigned char *)"\n", 1);
	crypto_generichash_update(&st, (const unsigned char *)recipient_id, strlen(recipient_id));
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hex, sizeof(hex), h, 8);
	mail_id_part(run_id, run, MAIL_ID_PART);
	mail_id_part(recipient_id, rcpt, MAIL_ID_PART);
	/* the domain gets what is left of size, so that the closing ">" is always there */
	size_t fixed = 1 + strlen(run) + 1 + strlen(rcpt) + 1 + 16 + 1 + 1 + 1;
	size_t dom_max = size > fixed + 1 ? size - fixed : 1;
	mail_id_part(domain && *domain ? domain : "localhost", dom,
		     dom_max < sizeof(dom) - 1 ? dom_max : sizeof(dom) - 1);
	snprintf(out, size, "<%s.%s.%s@%s>", run, rcpt, hex, dom);
}

/* mail_label_valid: 1..63 letters, digits or hyphens, no hyphen at either end. */
static bool mail_label_valid(const char *s, size_t n)
{
	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-'))
			return false;
	}
	return true;
}

int mail_address_valid(const char *s)
{
	if (!s)
		return 0;
	size_t len = strlen(s);
	const char *at = strchr(s, '@');
	if (len == 0 || len > 254 || !at || strchr(at + 1, '@') || at == s || at - s > 64)
		return 0;
	for (const char *p = s; p < at; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= 0x20 || c >= 0x7f || strchr("<>(),;:\"[]\\", c))
			return 0;
	}
	if (s[0] == '.' || at[-1] == '.' || memmem(s, (size_t)(at - s), "..", 2))
		return 0;
	const char *d = at + 1;
	if (!strchr(d, '.'))
		return 0;
	bool digits_only = true;
	while (*d) {
		size_t n = strcspn(d, ".");
		if (!mail_label_valid(d, n))
			return 0;
		digits_only = strspn(d, "0123456789") >= n;
		d += n;
		if (*d == '.' && *++d == '\0')
			return 0;
	}
	return !digits_only;   /* the top-level domain is never all digits */
}
