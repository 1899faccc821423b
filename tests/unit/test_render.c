/* test_render.c - unit tests of src/render: the MIME builder (headers, encoded words, CRLF,
 * quoted-printable that decodes back to its input, header injection), Message-IDs, address
 * checks, the report's e-mail parts, the report doc's JSON form, PDF letters and the preview
 * drawn in this process and through the child process (read back with poppler's pdftotext,
 * pdffonts, pdfinfo and pdfimages).
 *
 * The child is the caseload binary: CASELOAD_BIN when set, else the caseload next to this
 * test's directory ($(BUILD)/caseload), else this test binary itself, which answers
 * "render-pdf" like caseload does (see main). RENDER_LETTERS_BIG sets how many letters the
 * memory check renders through the child (2000 by default; it prints peak RSS and time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "render/mail.h"
#include "render/pdf.h"
#include "render/pdf_child.h"
#include "render/report_doc.h"

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif

/* ---- helpers ---------------------------------------------------------------------------- */

static const char *find(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);
	if (!p)
		fail_msg("expected to find \"%s\" in:\n%s", needle, hay);
	return p;
}

/* qp_decode decodes quoted-printable text of n bytes into a new string (soft breaks removed). */
static char *qp_decode(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=' && i + 2 < n + 1 && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (s[i] == '=') {
			unsigned v = 0;
			assert_true(i + 2 < n);
			assert_int_equal(sscanf(s + i + 1, "%2X", &v), 1);
			*o++ = (char)v;
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* crlf turns "\n" into "\r\n" (a new string). */
static char *crlf(const char *s)
{
	char *out = malloc(strlen(s) * 2 + 1), *o = out;
	for (; *s; s++) {
		if (*s == '\n')
			*o++ = '\r';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* header gives the unfolded value of a header of message m (a new string; NULL if absent). */
static char *header(const char *m, const char *name)
{
	const char *end = strstr(m, "\r\n\r\n");
	size_t nl = strlen(name);
	for (const char *p = m; p && p < end; p = strstr(p, "\r\n") ? strstr(p, "\r\n") + 2 : 0) {
		if (strncasecmp(p, name, nl) != 0 || p[nl] != ':')
			continue;
		const char *v = p + nl + 1;
		while (*v == ' ')
			v++;
		char *out = malloc(strlen(v) + 1), *o = out;
		while (v < end) {
			if (v[0] == '\r' && v[1] == '\n') {
				if (v[2] != ' ' && v[2] != '\t')
					break;
				v += 2;     /* unfold: the CRLF goes, the blank stays */
				continue;
			}
			*o++ = *v++;
		}
		*o = '\0';
		return out;
	}
	return NULL;
}

/* decode_words decodes a value made of "=?UTF-8?B?...?=" words separated by folding blanks. */
static char *decode_words(const char *v)
{
	char *out = calloc(1, strlen(v) + 1);
	size_t len = 0;
	while (*v) {
		while (*v == ' ' || *v == '\t')
			v++;
		if (!*v)
			break;
		assert_memory_equal(v, "=?UTF-8?B?", 10);
		v += 10;
		const char *q = strstr(v, "?=");
		assert_non_null(q);
		size_t got = 0;
		assert_int_equal(sodium_base642bin((unsigned char *)out + len, strlen(v), v,
						   (size_t)(q - v), NULL, &got, NULL,
						   sodium_base64_VARIANT_ORIGINAL), 0);
		len += got;
		v = q + 2;
	}
	out[len] = '\0';
	return out;
}

/* assert_crlf_lines checks that every line ends with CRLF and is at most max bytes (0: any). */
static void assert_crlf_lines(const char *s, size_t len, size_t max)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r')
			assert_true(i + 1 < len && s[i + 1] == '\n');
		if (s[i] != '\n')
			continue;
		assert_true(i > 0 && s[i - 1] == '\r');
		if (max && i - 1 - start > max)
			fail_msg("a line of %zu bytes: %.*s", i - 1 - start, (int)(i - 1 - start),
				 s + start);
		start = i + 1;
	}
}

/* run captures a command's standard output (a new string). */
static char *run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	struct buf b;
	char chunk[4096];
	size_t n;
	buf_init(&b, 0);
	buf_append(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	int st = pclose(f);
	if (st != 0)
		fail_msg("%s exited with %d", cmd, st);
	return b.data;
}

static void fill_doc(struct report_doc *d, const char *advisor, const char *case_number,
		     int n_cases)
{
	report_doc_init(d);
	snprintf(d->office_name, sizeof(d->office_name), "Harbor Brokerage");
	snprintf(d->office_address, sizeof(d->office_address), "12 Pier Road\nPortland, ME 04101");
	snprintf(d->office_phone, sizeof(d->office_phone), "207-555-0100");
	snprintf(d->office_email, sizeof(d->office_email), "cases@harbor.example");
	snprintf(d->advisor_name, sizeof(d->advisor_name), "%s", advisor);
	snprintf(d->advisor_email, sizeof(d->advisor_email), "advisor@example.com");
	snprintf(d->address_lines[0], sizeof(d->address_lines[0]), "400 Main Street");
	snprintf(d->address_lines[1], sizeof(d->address_lines[1]), "Springfield, IL 62701");
	snprintf(d->date, sizeof(d->date), "2026-11-23");
	snprintf(d->subject, sizeof(d->subject), "Pending case status");
	snprintf(d->message_id, sizeof(d->message_id), "<r1.a1.0011223344556677@harbor.example>");
	for (int i = 0; i < n_cases; i++) {
		struct report_doc_case *k = report_doc_add_case(d);
		assert_non_null(k);
		snprintf(k->number, sizeof(k->number), "%s-%d", case_number, i + 1);
		snprintf(k->policy_number, sizeof(k->policy_number), "\xE2\x80\xA2\xE2\x80\xA2"
			 "\xE2\x80\xA2\xE2\x80\xA2" "1234");
		snprintf(k->insured, sizeof(k->insured), "J. D.");
		snprintf(k->carrier, sizeof(k->carrier), "North Mutual");
		snprintf(k->product, sizeof(k->product), "Term Life 20");
		snprintf(k->amount, sizeof(k->amount), "$250,000.00");
		snprintf(k->stage, sizeof(k->stage), "Underwriting");
		snprintf(k->stage_since, sizeof(k->stage_since), "2026-10-01");
		snprintf(k->kind, sizeof(k->kind), "formal");
		const char *names[3] = {"Zeta medical exam", "Alpha <&> signed form", "Mid APS"};
		for (int r = 0; r < 3; r++) {
			struct report_doc_requirement q = {.key = r == 1, .pos = r == 2};
			snprintf(q.name, sizeof(q.name), "%s", names[r]);
			snprintf(q.status, sizeof(q.status), r == 0 ? "outstanding" : "received");
			assert_int_equal(report_doc_add_requirement(k, &q), 0);
		}
	}
}

/* A tiny baseline JPEG made by hand: 16x8 mid-grey, one component, every coefficient zero
 * (quantisation all 1, one-code Huffman tables). */
static const unsigned char tiny_jpeg[] = {
	0xFF, 0xD8,                                          /* SOI */
	0xFF, 0xDB, 0x00, 0x43, 0x00,                        /* DQT table 0: 64 ones */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1,
	0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x10, /* SOF0: 8 bits, height 8, width 16 */
	0x01, 0x01, 0x11, 0x00,                              /* one component */
	0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00,
	0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00,
	0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,   /* SOS */
	0x0F,                                                /* two blocks: DC 0, EOB; padding */
	0xFF, 0xD9,                                          /* EOI */
};

static cairo_status_t png_collect(void *closure, const unsigned char *data, unsigned int len)
{
	return buf_append(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS
						   : CAIRO_STATUS_WRITE_ERROR;
}

/* make_png draws a small logo and gives its PNG bytes in b. */
static void make_png(struct buf *b)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 120, 40);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.1, 0.3, 0.6);
	cairo_rectangle(cr, 0, 0, 120, 40);
	cairo_fill(cr);
	cairo_destroy(cr);
	buf_init(b, 0);
	assert_int_equal(cairo_surface_write_to_png_stream(s, png_collect, b),
			 CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* A PDF written to a temporary file. */
struct pdf_file {
	char path[64];
	FILE *f;
	size_t bytes;
};

static int pdf_file_write(void *ctx, const unsigned char *data, size_t len)
{
	struct pdf_file *pf = ctx;
	pf->bytes += len;
	return fwrite(data, 1, len, pf->f) == len ? 0 : -1;
}

static void pdf_file_open(struct pdf_file *pf)
{
	snprintf(pf->path, sizeof(pf->path), "/tmp/test_render_XXXXXX");
	int fd = mkstemp(pf->path);
	assert_true(fd >= 0);
	pf->f = fdopen(fd, "wb");
	pf->bytes = 0;
}

static void pdf_file_done(struct pdf_file *pf)
{
	fclose(pf->f);
	pf->f = NULL;
}

/* page_text is pdftotext of one page (a new string). */
static char *page_text(const struct pdf_file *pf, int page)
{
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "pdftotext -q -f %d -l %d %s -", page, page, pf->path);
	return run(cmd);
}

static int page_count(const struct pdf_file *pf)
{
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "pdfinfo %s", pf->path);
	char *info = run(cmd);
	int pages = atoi(find(info, "Pages:") + 6);
	free(info);
	return pages;
}

/* ---- mail_build -------------------------------------------------------------------------- */

static void mail_build_writes_headers_and_quoted_printable_parts(void **state)
{
	struct buf text, html, out;
	struct err e;
	buf_init(&text, 0);
	buf_init(&html, 0);
	buf_init(&out, 0);
	/* long lines of UTF-8, a trailing blank, a leading dot, "=" signs, a tab */
	for (int i = 0; i < 40; i++)
		buf_append_str(&text, "Grüße aus Zürich — £100 = 1 × ☃ ");
	buf_append_str(&text, "\n.hidden line with trailing blank \nshort\n\n\tindented=x\t\n");
	for (int i = 0; i < 30; i++)
		buf_append_str(&text, "abcdefghij");
	buf_append_str(&text, "\nend");
	buf_append_str(&html, "<p>Straße &amp; ");
	for (int i = 0; i < 50; i++)
		buf_append_str(&html, "<strong>ключ</strong> ");
	buf_append_str(&html, "</p>\n");
	const char *subject = "Statusbericht für Ihre Fälle — ausstehende Unterlagen und "
			      "Anforderungen (Übersicht)";
	struct mail_message m = {
		.from = "Harbor Brokerage <cases@harbor.example>",
		.to = "José Núñez <jose@example.com>",
		.subject = subject,
		.message_id = "<r1.a1.0011223344556677@harbor.example>",
		.date = 1795423063,   /* 2026-11-23T08:37:43Z, a Monday */
		.text = text.data,
		.html = html.data,
	};
	assert_int_equal(mail_build(&m, &out, &e), 0);
	assert_crlf_lines(out.data, out.len, 0);

	char *v = header(out.data, "From");
	assert_string_equal(v, "Harbor Brokerage <cases@harbor.example>");
	free(v);
	v = header(out.data, "To");
	assert_non_null(strstr(v, "<jose@example.com>"));
	char *words = strndup(v, (size_t)(strstr(v, " <") - v));
	char *name = decode_words(words);
	assert_string_equal(name, "José Núñez");
	free(name);
	free(words);
	free(v);
	v = header(out.data, "Subject");
	char *subj = decode_words(v);
	assert_string_equal(subj, subject);
	free(subj);
	free(v);
	/* the encoded subject's lines are short */
	const char *s = strstr(out.data, "Subject:");
	for (const char *l = s; l && strncmp(l, "Date:", 5) != 0; l = strstr(l, "\r\n") + 2)
		assert_true(strstr(l, "\r\n") - l <= 76);
	v = header(out.data, "Date");
	assert_string_equal(v, "Mon, 23 Nov 2026 08:37:43 +0000");
	free(v);
	v = header(out.data, "Message-ID");
	assert_string_equal(v, m.message_id);
	free(v);
	v = header(out.data, "MIME-Version");
	assert_string_equal(v, "1.0");
	free(v);

	v = header(out.data, "Content-Type");
	assert_non_null(strstr(v, "multipart/alternative; boundary=\""));
	char boundary[80] = "--";
	const char *bq = strchr(v, '"') + 1;
	strncat(boundary, bq, (size_t)(strchr(bq, '"') - bq));
	free(v);
	/* the parts: the boundary occurs three times, each at a line start */
	const char *p1 = find(out.data, boundary);
	const char *p2 = find(p1 + 1, boundary);
	const char *p3 = find(p2 + 1, boundary);
	assert_null(strstr(p3 + 1, boundary));
	assert_string_equal(p3 + strlen(boundary), "--\r\n");
	const char *texts[2] = {text.data, html.data};
	const char *types[2] = {"text/plain; charset=utf-8", "text/html; charset=utf-8"};
	const char *starts[2] = {p1, p2}, *ends[2] = {p2, p3};
	for (int i = 0; i < 2; i++) {
		const char *h = starts[i] + strlen(boundary) + 2;
		const char *body = find(h, "\r\n\r\n") + 4;
		char *ph = strndup(h, (size_t)(body - h));
		char *ct = header(ph, "Content-Type");
		assert_string_equal(ct, types[i]);
		char *cte = header(ph, "Content-Transfer-Encoding");
		assert_string_equal(cte, "quoted-printable");
		size_t blen = (size_t)(ends[i] - body) - 2;   /* the CRLF before the boundary */
		assert_crlf_lines(body, blen, 76);
		for (size_t k = 0; k < blen; k++)          /* plain 7-bit, no trailing blanks */
			assert_true((unsigned char)body[k] < 0x80);
		assert_null(strstr(body, " \r\n"));
		char *decoded = qp_decode(body, blen);
		char *expect = crlf(texts[i]);
		assert_string_equal(decoded, expect);
		free(decoded);
		free(expect);
		free(ct);
		free(cte);
		free(ph);
	}
	buf_cleanup(&text);
	buf_cleanup(&html);
	buf_cleanup(&out);
}

static void mail_build_text_only_and_folded_ascii_subject(void **state)
{
	struct buf out;
	struct err e;
	buf_init(&out, 0);
	char subject[300] = "";
	for (int i = 0; i < 12; i++)
		strcat(subject, "status report ");
	struct mail_message m = {.from = "a@b.example", .to = "c@d.example", .subject = subject,
				 .message_id = "<x@y.example>", .date = 0, .text = "hello\n"};
	assert_int_equal(mail_build(&m, &out, &e), 0);
	assert_crlf_lines(out.data, out.len, 78);
	char *v = header(out.data, "Subject");
	assert_string_equal(v, subject);   /* unfolding gives it back */
	free(v);
	v = header(out.data, "Content-Type");
	assert_string_equal(v, "text/plain; charset=utf-8");
	free(v);
	v = header(out.data, "Date");
	assert_string_equal(v, "Thu, 01 Jan 1970 00:00:00 +0000");
	free(v);
	assert_non_null(strstr(out.data, "\r\n\r\nhello\r\n"));
	buf_cleanup(&out);
}

static void mail_build_refuses_header_injection(void **state)
{
	struct buf out;
	struct err e;
	buf_init(&out, 0);
	struct mail_message m = {.from = "a@b.example", .to = "c@d.example", .subject = "ok",
				 .message_id = "<x@y.example>", .text = "t", .html = "<p>t</p>"};
	m.subject = "Hello\r\nBcc: victim@example.com";
	assert_int_equal(mail_build(&m, &out, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "subject");
	m.subject = "ok";
	m.to = "c@d.example\nBcc: victim@example.com";
	assert_int_equal(mail_build(&m, &out, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "to");
	m.to = "c@d.example";
	m.from = "a@b.example\r";
	assert_int_equal(mail_build(&m, &out, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "from");
	m.from = "a@b.example";
	m.message_id = "<x@y>\r\nX-Evil: 1";
	assert_int_equal(mail_build(&m, &out, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "message_id");
	m.message_id = NULL;
	assert_int_equal(mail_build(&m, &out, &e), ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "message_id");
	assert_int_equal(out.len, 0);   /* nothing written */
	buf_cleanup(&out);
}

static void mail_message_id_is_deterministic_per_recipient(void **state)
{
	char a[128], b[128], c[128], d[128];
	mail_message_id("send/42", "advisor-7", "harbor.example", a, sizeof(a));
	mail_message_id("send/42", "advisor-7", "harbor.example", b, sizeof(b));
	mail_message_id("send/42", "advisor-8", "harbor.example", c, sizeof(c));
	mail_message_id("send/43", "advisor-7", "harbor.example", d, sizeof(d));
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
	assert_memory_equal(a, "<send.42.advisor-7.", 19);
	const char *hash = a + 19;
	assert_int_equal(strspn(hash, "0123456789abcdef"), 16);
	assert_string_equal(hash + 16, "@harbor.example>");
	/* odd characters never make an invalid id, and long ones fit */
	char long_run[400];
	memset(long_run, 'r', sizeof(long_run) - 1);
	long_run[sizeof(long_run) - 1] = '\0';
	mail_message_id("//a b<>//", long_run, "", a, sizeof(a));
	assert_int_equal(a[0], '<');
	assert_int_equal(a[strlen(a) - 1], '>');
	assert_null(strstr(a, ".."));
	assert_null(strpbrk(a + 1, " <"));
	assert_non_null(strstr(a, "@localhost>"));
	char domain[120];
	memset(domain, 'd', sizeof(domain) - 1);
	domain[sizeof(domain) - 1] = '\0';
	mail_message_id(long_run, long_run, domain, a, 128);
	assert_true(strlen(a) < 128);
	assert_int_equal(a[strlen(a) - 1], '>');
	assert_non_null(strchr(a, '@'));
}

static void mail_address_valid_cases(void **state)
{
	const char *good[] = {"a@b.co", "first.last+tag@example.com", "o'brien@mail.example.org",
			      "x_y-z@sub-domain.example.co.uk", "1234@example.com"};
	const char *bad[] = {"", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com",
			     "a b@example.com", "a@exa mple.com", "<a@b.com>", "a(b)@c.com",
			     "a,b@c.com", "a;b@c.com", "a:b@c.com", "\"a\"@c.com", "a\t@b.com",
			     ".a@b.com", "a.@b.com", "a..b@c.com", "a@-b.com", "a@b-.com",
			     "a@b..com", "a@.b.com", "a@b.com.", "a@b_c.com", "a@1.2.3.4",
			     "a\r\n@b.com", "ä@b.com", "a@bä.com"};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!mail_address_valid(good[i]))
			fail_msg("should be valid: %s", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (mail_address_valid(bad[i]))
			fail_msg("should be invalid: %s", bad[i]);
	assert_false(mail_address_valid(NULL));
	char lng[300];
	memset(lng, 'a', sizeof(lng));
	memcpy(lng + 60, "@", 1);
	strcpy(lng + 250, ".com");   /* 254 bytes, labels over 63: invalid */
	assert_false(mail_address_valid(lng));
	char ok254[260] = "a@";   /* 2 + 4 * 62 + 4 = 254 bytes */
	for (int i = 0; i < 4; i++)
		strcat(ok254, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.");
	strcat(ok254, "info");
	assert_int_equal(strlen(ok254), 254);
	assert_true(mail_address_valid(ok254));
	strcat(ok254, "x");
	assert_false(mail_address_valid(ok254));   /* 255 bytes */
}

/* ---- the report's e-mail ------------------------------------------------------------------ */

static void report_html_has_key_requirements_strong_in_order_and_escaped(void **state)
{
	struct report_doc d;
	struct buf html, text;
	fill_doc(&d, "Ann <Lee> & Co", "C", 2);
	snprintf(d.cases[1].follow_up_text, sizeof(d.cases[1].follow_up_text),
		 "Please send the <signed> form & the APS.\nThank you.");
	buf_init(&html, 0);
	buf_init(&text, 0);
	assert_int_equal(mail_report_html(&d, &html), 0);
	assert_int_equal(mail_report_text(&d, &text), 0);
	const char *h = html.data;
	find(h, "Dear Ann &lt;Lee&gt; &amp; Co,");
	assert_null(strstr(h, "<Lee>"));
	find(h, "status of your pending cases as of November 23, 2026");
	/* each case: its fields, then its requirements in the given order */
	const char *c1 = find(h, "Case C-1");
	const char *c2 = find(h, "Case C-2");
	assert_true(c1 < c2);
	const char *z = find(c1, "Zeta medical exam");
	const char *a = find(c1, "<strong>Alpha &lt;&amp;&gt; signed form</strong>");
	assert_true(z < a);
	const char *m = find(c1, "Mid APS (POS)");
	assert_true(a < m && m < c2);
	assert_null(strstr(h, "<strong>Zeta"));
	assert_null(strstr(h, "<strong>Mid"));
	find(c1, "North Mutual");
	find(c1, "Term Life 20");
	find(c1, "$250,000.00");
	find(c1, "Underwriting");
	find(c1, "since October 1, 2026");
	find(c2, "Please send the &lt;signed&gt; form &amp; the APS.<br>");
	find(h, "Harbor Brokerage");
	find(h, "12 Pier Road<br>");
	find(h, "207-555-0100");
	find(h, "cases@harbor.example");
	assert_null(strstr(h, "<img"));
	assert_null(strstr(h, "http"));
	/* the text part says the same in plain words */
	const char *t = text.data;
	find(t, "Dear Ann <Lee> & Co,");
	const char *tz = find(t, "1. Zeta medical exam - Outstanding");
	const char *ta = find(t, "2. *Alpha <&> signed form* - Received");
	const char *tm = find(t, "3. Mid APS (POS) - Received");
	assert_true(tz < ta && ta < tm);
	find(t, "Policy number: \xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2" "1234");
	find(t, "Please send the <signed> form & the APS.\nThank you.");
	buf_cleanup(&html);
	buf_cleanup(&text);

	/* one case: singular */
	struct report_doc one;
	fill_doc(&one, "Bo", "D", 1);
	buf_init(&text, 0);
	assert_int_equal(mail_report_text(&one, &text), 0);
	find(text.data, "status of your pending case as of November 23, 2026.");
	buf_cleanup(&text);
	report_doc_cleanup(&one);
	report_doc_cleanup(&d);
}

static void report_build_makes_a_whole_message(void **state)
{
	struct report_doc d;
	struct buf out;
	struct err e;
	fill_doc(&d, "Ann Lee", "C", 1);
	buf_init(&out, 0);
	assert_int_equal(mail_report_build(&d, "Harbor <cases@harbor.example>", 1795423063, &out,
					   &e), 0);
	char *to = header(out.data, "To");
	assert_string_equal(to, "Ann Lee <advisor@example.com>");
	free(to);
	char *id = header(out.data, "Message-ID");
	assert_string_equal(id, d.message_id);
	free(id);
	char *subj = header(out.data, "Subject");
	assert_string_equal(subj, "Pending case status");
	free(subj);
	buf_cleanup(&out);
	snprintf(d.advisor_email, sizeof(d.advisor_email), "not an address");
	buf_init(&out, 0);
	assert_int_equal(mail_report_build(&d, "cases@harbor.example", 0, &out, &e),
			 ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "advisor_email");
	snprintf(d.advisor_email, sizeof(d.advisor_email), "advisor@example.com");
	snprintf(d.subject, sizeof(d.subject), "Hi\nBcc: x@y.com");
	assert_int_equal(mail_report_build(&d, "cases@harbor.example", 0, &out, &e),
			 ERR_UNPROCESSABLE);
	assert_string_equal(e.field, "subject");
	buf_cleanup(&out);
	report_doc_cleanup(&d);
}

/* ---- the report doc ------------------------------------------------------------------------ */

static void report_doc_json_round_trip(void **state)
{
	struct report_doc d, back;
	struct err e;
	fill_doc(&d, "Ann Lee", "C", 2);
	assert_int_equal(report_doc_set_logo(&d, tiny_jpeg, sizeof(tiny_jpeg), "image/jpeg"), 0);
	json_t *j = report_doc_to_json(&d);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "advisor_name")), "Ann Lee");
	assert_true(json_is_string(json_object_get(j, "logo")));
	assert_int_equal(json_array_size(json_object_get(j, "address_lines")), 2);
	report_doc_init(&back);
	assert_int_equal(report_doc_from_json(j, &back, &e), 0);
	assert_int_equal(back.logo_len, sizeof(tiny_jpeg));
	assert_memory_equal(back.logo, tiny_jpeg, sizeof(tiny_jpeg));
	assert_string_equal(back.logo_mime, "image/jpeg");
	assert_string_equal(back.office_address, d.office_address);
	assert_string_equal(back.address_lines[1], "Springfield, IL 62701");
	assert_string_equal(back.address_lines[2], "");
	assert_int_equal(back.n_cases, 2);
	assert_string_equal(back.cases[1].number, "C-2");
	assert_string_equal(back.cases[0].policy_number, d.cases[0].policy_number);
	assert_int_equal(back.cases[0].n_requirements, 3);
	assert_string_equal(back.cases[0].requirements[1].name, "Alpha <&> signed form");
	assert_true(back.cases[0].requirements[1].key);
	assert_true(back.cases[0].requirements[2].pos);
	assert_false(back.cases[0].requirements[0].key);
	report_doc_cleanup(&back);
	assert_null(back.cases);

	/* malformed members are named */
	json_object_set_new(json_array_get(json_object_get(j, "cases"), 1), "number",
			    json_integer(5));
	report_doc_init(&back);
	assert_int_equal(report_doc_from_json(j, &back, &e), ERR_INVALID);
	assert_string_equal(e.field, "cases[1].number");
	report_doc_cleanup(&back);
	char lng[300];
	memset(lng, 'x', sizeof(lng) - 1);
	lng[sizeof(lng) - 1] = '\0';
	json_object_set_new(j, "advisor_name", json_string(lng));
	report_doc_init(&back);
	assert_int_equal(report_doc_from_json(j, &back, &e), ERR_INVALID);
	assert_string_equal(e.field, "advisor_name");
	report_doc_cleanup(&back);
	json_object_set_new(j, "advisor_name", json_string("Ann"));
	json_object_set_new(j, "logo", json_string("***"));
	report_doc_init(&back);
	assert_int_equal(report_doc_from_json(j, &back, &e), ERR_INVALID);
	assert_string_equal(e.field, "logo");
	report_doc_cleanup(&back);
	json_object_set_new(j, "logo", json_null());
	json_t *r0 = json_array_get(json_object_get(json_array_get(json_object_get(j, "cases"), 0),
						    "requirements"), 0);
	json_object_set_new(r0, "key", json_string("yes"));
	report_doc_init(&back);
	assert_int_equal(report_doc_from_json(j, &back, &e), ERR_INVALID);
	assert_string_equal(e.field, "cases[0].requirements[0].key");
	report_doc_cleanup(&back);
	json_decref(j);
	report_doc_cleanup(&d);
}

/* ---- PDF in this process ------------------------------------------------------------------- */

static const char *const advisors[3] = {"Ann Abbott", "Bert Baker", "Cora Cole"};

static void pdf_letters_one_per_page_in_order_with_bold_and_logos(void **state)
{
	struct pdf_file pf;
	struct pdf_doc *p;
	struct err e;
	struct buf png;
	int pages = 0;
	make_png(&png);
	pdf_file_open(&pf);
	assert_int_equal(pdf_open(pdf_file_write, &pf, &p, &e), 0);
	for (int i = 0; i < 3; i++) {
		struct report_doc d;
		char number[16];
		snprintf(number, sizeof(number), "L%d", i + 1);
		fill_doc(&d, advisors[i], number, 1);
		if (i == 0)
			report_doc_set_logo(&d, png.data, png.len, "image/png");
		if (i == 1)
			report_doc_set_logo(&d, tiny_jpeg, sizeof(tiny_jpeg), "image/jpeg");
		if (i == 2) {   /* a broken logo is left out, the letter still comes */
			report_doc_set_logo(&d, "\xFF\xD8garbage", 9, "image/jpeg");
			snprintf(d.cases[0].follow_up_text, sizeof(d.cases[0].follow_up_text),
				 "Underwriting needs the paramedical exam by December 1.");
		}
		assert_int_equal(pdf_letter(p, &d, &e), 0);
		report_doc_cleanup(&d);
	}
	assert_int_equal(pdf_close(p, &pages, &e), 0);
	pdf_file_done(&pf);
	assert_int_equal(pages, 3);
	assert_int_equal(page_count(&pf), 3);
	for (int i = 0; i < 3; i++) {
		char *t = page_text(&pf, i + 1);
		char number[16];
		snprintf(number, sizeof(number), "Case L%d-1", i + 1);
		find(t, advisors[i]);
		find(t, number);
		find(t, "Harbor Brokerage");
		find(t, "November 23, 2026");
		find(t, "400 Main Street");
		find(t, "Pending case status");
		const char *z = find(t, "Zeta medical exam");
		const char *a = find(t, "Alpha <&> signed form");
		const char *m = find(t, "Mid APS (POS)");
		assert_true(z < a && a < m);
		for (int k = 0; k < 3; k++)
			if (k != i)
				assert_null(strstr(t, advisors[k]));
		if (i == 2)
			find(t, "paramedical exam by December 1.");
		free(t);
	}
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "pdffonts %s", pf.path);
	char *fonts = run(cmd);
	find(fonts, "DejaVuSans-Bold");
	find(fonts, "DejaVuSans ");
	free(fonts);
	snprintf(cmd, sizeof(cmd), "pdfimages -list %s", pf.path);
	char *images = run(cmd);
	find(images, "jpeg");      /* the JPEG went in as it is */
	find(images, "image");
	free(images);
	unlink(pf.path);
	buf_cleanup(&png);
}

static void pdf_long_letter_breaks_pages_and_preview_lists_rows(void **state)
{
	struct pdf_file pf;
	struct pdf_doc *p;
	struct err e;
	struct report_doc d;
	int pages = 0;
	pdf_file_open(&pf);
	assert_int_equal(pdf_open(pdf_file_write, &pf, &p, &e), 0);
	fill_doc(&d, "Dana Long", "M", 12);
	memset(d.cases[3].follow_up_text, 'w', 3000);
	for (int i = 4; i < 3000; i += 7)
		d.cases[3].follow_up_text[i] = ' ';
	snprintf(d.cases[11].number, sizeof(d.cases[11].number), "LAST-CASE");
	d.cases[5].insured[0] = '\x01';         /* controls and broken UTF-8 do not hurt */
	d.cases[5].carrier[0] = '\xC3';
	assert_int_equal(pdf_letter(p, &d, &e), 0);
	report_doc_cleanup(&d);
	assert_int_equal(pdf_preview_begin(p, "Status report preview", "2026-11-23",
					   "All advisors; all pending cases; e-mail all", &e), 0);
	for (int i = 0; i < 120; i++) {
		char name[32], cases[32];
		snprintf(name, sizeof(name), "Advisor %03d", i);
		snprintf(cases, sizeof(cases), "C-%d, C-%d", i, i + 1000);
		struct pdf_preview_row row = {name, i % 2 ? "Letter" : "E-mail",
					      i % 2 ? "1 Road, Town" : "x@example.com", cases,
					      i % 5 == 0 ? "email_missing" : ""};
		assert_int_equal(pdf_preview_row(p, &row, &e), 0);
	}
	assert_int_equal(pdf_close(p, &pages, &e), 0);
	pdf_file_done(&pf);
	assert_true(pages >= 4);
	assert_int_equal(page_count(&pf), pages);
	/* the letter's last case is on a later page than its first, before the preview */
	char *first = page_text(&pf, 1);
	find(first, "Case M-1");
	assert_null(strstr(first, "LAST-CASE"));
	free(first);
	int last_case_page = 0, preview_page = 0, last_row_page = 0;
	for (int i = 1; i <= pages; i++) {
		char *t = page_text(&pf, i);
		if (strstr(t, "LAST-CASE"))
			last_case_page = i;
		if (!preview_page && strstr(t, "Status report preview"))
			preview_page = i;
		if (strstr(t, "Advisor 119"))
			last_row_page = i;
		if (i > 1 && i < preview_page)
			find(t, "Dana Long");   /* the running line on continued pages */
		free(t);
	}
	assert_true(last_case_page > 1);
	assert_true(preview_page > last_case_page);
	assert_true(last_row_page > preview_page);   /* the rows went on to another page */
	char *t = page_text(&pf, last_row_page);
	find(t, "Advisor");
	find(t, "Issues");    /* headings repeated */
	free(t);
	unlink(pf.path);
}

static int stop_writer(void *ctx, const unsigned char *data, size_t len)
{
	return -1;
}

static void pdf_writer_failure_is_an_error(void **state)
{
	struct pdf_doc *p;
	struct err e;
	struct report_doc d;
	assert_int_equal(pdf_open(stop_writer, NULL, &p, &e), 0);
	fill_doc(&d, "Ann", "W", 1);
	pdf_letter(p, &d, &e);
	report_doc_cleanup(&d);
	assert_int_equal(pdf_close(p, NULL, &e), ERR_INTERNAL);
}

/* ---- PDF through the child ------------------------------------------------------------------ */

static char child_path[4096];

/* child_program picks the program the child tests run (see the top of this file). */
static void child_program(void)
{
	const char *env = getenv("CASELOAD_BIN");
	if (env && *env) {
		snprintf(child_path, sizeof(child_path), "%s", env);
	} else {
		char self[4000];
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		assert_true(n > 0);
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		*slash = '\0';
		snprintf(child_path, sizeof(child_path), "%s/../caseload", self);
		if (access(child_path, X_OK) != 0)
			snprintf(child_path, sizeof(child_path), "/proc/self/exe");
	}
	pdf_child_program = child_path;
}

static json_t *head_letters(void)
{
	return json_pack("{s:s}", "kind", "letters");
}

static void child_renders_letters_and_preview(void **state)
{
	struct pdf_job j;
	struct pdf_file pf;
	struct err e;
	int pages = 0;
	child_program();
	json_t *head = head_letters();
	assert_int_equal(pdf_job_open(&j, head, &e), 0);
	json_decref(head);
	for (int i = 0; i < 3; i++) {
		struct report_doc d;
		fill_doc(&d, advisors[i], "K", 1);
		json_t *line = report_doc_to_json(&d);
		assert_int_equal(pdf_job_add(&j, line, &e), 0);
		json_decref(line);
		report_doc_cleanup(&d);
	}
	assert_int_equal(j.lines, 3);
	pdf_file_open(&pf);
	if (pdf_job_run(&j, pdf_file_write, &pf, &pages, &e) != 0)
		fail_msg("pdf_job_run (%s): %s", child_path, e.message);
	pdf_file_done(&pf);
	assert_null(j.file);
	assert_int_equal(pages, 3);
	assert_int_equal(page_count(&pf), 3);
	for (int i = 0; i < 3; i++) {
		char *t = page_text(&pf, i + 1);
		find(t, advisors[i]);
		find(t, "Case K-1");
		free(t);
	}
	unlink(pf.path);

	head = json_pack("{s:s,s:s,s:s,s:s}", "kind", "preview", "title", "Preview of run 7",
			 "date", "2026-11-23", "options", "Selected advisors; print all");
	assert_int_equal(pdf_job_open(&j, head, &e), 0);
	json_decref(head);
	json_t *row = json_pack("{s:s,s:s,s:s,s:s,s:s}", "advisor", "Ann Abbott", "method",
				"Letter", "address", "", "cases", "K-1, K-2", "issues",
				"address_missing");
	assert_int_equal(pdf_job_add(&j, row, &e), 0);
	json_decref(row);
	pdf_file_open(&pf);
	assert_int_equal(pdf_job_run(&j, pdf_file_write, &pf, &pages, &e), 0);
	pdf_file_done(&pf);
	assert_int_equal(pages, 1);
	char *t = page_text(&pf, 1);
	find(t, "Preview of run 7");
	find(t, "Selected advisors; print all");
	find(t, "address_missing");
	find(t, "K-1, K-2");
	free(t);
	unlink(pf.path);
}

static int discard(void *ctx, const unsigned char *data, size_t len)
{
	*(size_t *)ctx += len;
	return 0;
}

static void child_bad_job_fails_cleanly(void **state)
{
	struct pdf_job j;
	struct err e;
	size_t bytes = 0;
	int pages = 7;
	child_program();
	json_t *head = head_letters();
	assert_int_equal(pdf_job_open(&j, head, &e), 0);
	json_decref(head);
	fputs("{\"advisor_name\": \"Ann\"}\n{not json\n", j.file);
	assert_int_equal(pdf_job_run(&j, discard, &bytes, &pages, &e), ERR_INTERNAL);
	assert_null(j.file);
	assert_int_equal(pages, 0);
	find(e.message, "line 3");
	find(e.message, "not JSON");

	/* a member of the wrong type is named */
	assert_int_equal(pdf_job_open(&j, head = head_letters(), &e), 0);
	json_decref(head);
	fputs("{\"cases\": [{\"number\": 12}]}\n", j.file);
	assert_int_equal(pdf_job_run(&j, discard, &bytes, &pages, &e), ERR_INTERNAL);
	find(e.message, "line 2: cases[0].number: must be a string");

	/* an unknown kind */
	head = json_pack("{s:s}", "kind", "poster");
	assert_int_equal(pdf_job_open(&j, head, &e), 0);
	json_decref(head);
	assert_int_equal(pdf_job_run(&j, discard, &bytes, &pages, &e), ERR_INTERNAL);
	find(e.message, "kind");

	/* a writer that stops stops the passing on */
	assert_int_equal(pdf_job_open(&j, head = head_letters(), &e), 0);
	json_decref(head);
	assert_int_equal(pdf_job_run(&j, stop_writer, NULL, &pages, &e), ERR_INTERNAL);
	find(e.message, "stopped");

	/* no such program */
	const char *program = pdf_child_program;
	pdf_child_program = "/nonexistent/caseload";
	assert_int_equal(pdf_job_open(&j, head = head_letters(), &e), ERR_INTERNAL);
	json_decref(head);
	find(e.message, "could not start");
	assert_null(j.file);
	assert_int_equal(pdf_job_run(&j, discard, &bytes, &pages, &e), ERR_INTERNAL);
	pdf_child_program = program;

	/* cancel closes the file */
	assert_int_equal(pdf_job_open(&j, head = head_letters(), &e), 0);
	json_decref(head);
	pdf_job_cancel(&j);
	assert_null(j.file);
}

/* child_letters renders n one-case letters through the child; gives the pages and bytes, or
 * pages -1 and the error in e. */
static void child_letters(int n, int *pages, size_t *bytes, struct err *e)
{
	struct pdf_job j;
	struct report_doc d;
	json_t *head = head_letters();
	*pages = -1;
	if (pdf_job_open(&j, head, e) != 0) {
		json_decref(head);
		return;
	}
	json_decref(head);
	for (int i = 0; i < n; i++) {
		char name[64];
		snprintf(name, sizeof(name), "Advisor %05d", i);
		fill_doc(&d, name, "B", 1);
		json_t *line = report_doc_to_json(&d);
		int rc = pdf_job_add(&j, line, e);
		json_decref(line);
		report_doc_cleanup(&d);
		if (rc) {
			pdf_job_cancel(&j);
			return;
		}
	}
	*bytes = 0;
	if (pdf_job_run(&j, discard, bytes, pages, e) != 0)
		*pages = -1;
}

/* One measured run: letters, pages, PDF bytes, seconds, the render child's peak RSS (KiB). */
struct measure {
	int letters, pages;
	size_t bytes;
	double seconds, cpu;        /* wall clock; the render child's user + system CPU */
	long maxrss;
	char error[256];
};

/* measure_letters renders n letters from a forked process of its own, so that its
 * RUSAGE_CHILDREN sees the render child alone (this process has run pdftotext and friends). */
static void measure_letters(int n, struct measure *m)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct measure r = {.letters = n};
		struct timespec t0, t1;
		struct rusage ru;
		struct err e;
		err_clear(&e);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		child_letters(n, &r.pages, &r.bytes, &e);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		r.seconds = (double)(t1.tv_sec - t0.tv_sec) +
			    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		getrusage(RUSAGE_CHILDREN, &ru);
		r.maxrss = ru.ru_maxrss;
		r.cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
			(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
		snprintf(r.error, sizeof(r.error), "%s", e.message);
		_exit(write(fds[1], &r, sizeof(r)) == (ssize_t)sizeof(r) ? 0 : 1);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], m, sizeof(*m)), (ssize_t)sizeof(*m));
	close(fds[0]);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (m->pages < 0)
		fail_msg("rendering %d letters: %s", n, m->error);
}

/* The memory check: the render child's peak RSS for 200 letters and for many (2000, or
 * RENDER_LETTERS_BIG); it prints the figures and checks that the child did not grow with the
 * number of letters. */
static void child_memory_stays_flat(void **state)
{
	struct measure small, big;
#ifdef TEST_ASAN
	int n = 300;    /* a sanitized child is slow, and its memory figure means little */
#else
	int n = 2000;
#endif
	const char *env = getenv("RENDER_LETTERS_BIG");
	if (env && atoi(env) > 0)
		n = atoi(env);
	child_program();
	measure_letters(200, &small);
	measure_letters(n, &big);
	assert_int_equal(small.pages, 200);
	assert_int_equal(big.pages, n);
	printf("render: %d letters through the child: %.2f s (child CPU %.2f s, %.0f letters per "
	       "CPU second), %zu KiB of PDF, peak child RSS %ld KiB; 200 letters: %.2f s, peak RSS "
	       "%ld KiB\n", n, big.seconds, big.cpu, n / big.cpu, big.bytes / 1024, big.maxrss,
	       small.seconds, small.maxrss);
#ifndef TEST_ASAN   /* AddressSanitizer's quarantine holds freed memory: RSS means little */
	assert_true(big.maxrss < small.maxrss + small.maxrss / 4 + 4096);
#endif
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0)
		return 1;
	if (argc > 1 && strcmp(argv[1], "render-pdf") == 0)   /* acting as the child */
		return pdf_child_main(argc - 1, argv + 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mail_build_writes_headers_and_quoted_printable_parts),
		cmocka_unit_test(mail_build_text_only_and_folded_ascii_subject),
		cmocka_unit_test(mail_build_refuses_header_injection),
		cmocka_unit_test(mail_message_id_is_deterministic_per_recipient),
		cmocka_unit_test(mail_address_valid_cases),
		cmocka_unit_test(report_html_has_key_requirements_strong_in_order_and_escaped),
		cmocka_unit_test(report_build_makes_a_whole_message),
		cmocka_unit_test(report_doc_json_round_trip),
		cmocka_unit_test(pdf_letters_one_per_page_in_order_with_bold_and_logos),
		cmocka_unit_test(pdf_long_letter_breaks_pages_and_preview_lists_rows),
		cmocka_unit_test(pdf_writer_failure_is_an_error),
		cmocka_unit_test(child_renders_letters_and_preview),
		cmocka_unit_test(child_bad_job_fails_cleanly),
		cmocka_unit_test(child_memory_stays_flat),
	};
	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
